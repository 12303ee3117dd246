"""The standard-library names Portalis translates, by module.

The runtime implements each of them (`runtime/stdlib.rs` routes a qualified name such
as "math.sqrt" to its code); lowering checks imports and attributes against this table
so that an unsupported name is a diagnostic at translation time.
"""
import re

# Standard-library names the runtime implements (`stdlib.rs`), by module.
STDLIB = {
    "math": {
        "sqrt", "floor", "ceil", "trunc", "fabs", "factorial", "gcd", "lcm", "isqrt", "comb", "perm",
        "exp", "log", "log2", "log10", "log1p", "pow", "sin", "cos", "tan", "asin", "acos", "atan",
        "atan2", "sinh", "cosh", "tanh", "hypot", "degrees", "radians", "isclose", "isfinite",
        "isinf", "isnan", "copysign", "fmod", "modf", "frexp", "ldexp", "prod", "fsum", "dist",
        "pi", "e", "tau", "inf", "nan",
    },
    "cmath": {
        "sqrt", "exp", "log", "log10", "phase", "polar", "rect", "sin", "cos", "tan", "asin", "acos", "atan",
        "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "isclose", "isfinite", "isinf", "isnan",
        "pi", "e", "tau", "inf", "nan", "infj", "nanj",
    },
    "re": {
        "compile", "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split",
        "escape", "IGNORECASE", "I", "MULTILINE", "M", "DOTALL", "S", "VERBOSE", "X", "ASCII", "A",
    },
    "string": {"Template", "capwords", "ascii_lowercase", "ascii_uppercase", "ascii_letters", "digits", "hexdigits",
               "octdigits", "punctuation", "whitespace", "printable"},
    "sys": {"maxsize", "setrecursionlimit", "exit", "stdin", "stdout", "stderr", "argv", "getrecursionlimit",
            "float_info", "__stdout__", "__stderr__"},
    "collections": {"Counter", "defaultdict", "OrderedDict", "deque", "ChainMap"},
    "heapq": {"heappush", "heappop", "heapify", "heappushpop", "heapreplace", "nlargest", "nsmallest", "merge"},
    "itertools": {
        "permutations", "combinations", "combinations_with_replacement", "product", "accumulate",
        "chain", "groupby", "count", "cycle", "islice", "zip_longest", "starmap", "takewhile",
        "dropwhile", "pairwise", "repeat", "compress", "filterfalse", "tee",
    },
    "functools": {"reduce", "cmp_to_key", "partial", "wraps", "update_wrapper"},
    "bisect": {"bisect", "bisect_left", "bisect_right", "insort", "insort_left", "insort_right"},
    "operator": {
        "itemgetter", "attrgetter", "methodcaller", "add", "sub", "mul", "truediv", "floordiv", "mod",
        "pow", "neg", "pos", "abs", "invert", "inv", "index", "eq", "ne", "lt", "le", "gt", "ge", "not_",
        "truth", "and_", "or_", "xor", "lshift", "rshift", "concat", "getitem", "contains", "countOf",
        "is_", "is_not",
    },
    "random": {"seed", "random", "getrandbits", "randrange", "randint", "choice", "choices", "shuffle",
               "sample", "uniform", "gauss", "Random", "expovariate", "normalvariate", "lognormvariate",
               "paretovariate", "weibullvariate", "triangular"},
    "hashlib": {"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new"},
    "fractions": {"Fraction"},
    "base64": {"b64encode", "b64decode", "standard_b64encode", "standard_b64decode", "urlsafe_b64encode",
               "urlsafe_b64decode", "b16encode", "b16decode"},
    "statistics": {"mean", "fmean", "geometric_mean", "median", "median_low", "median_high", "median_grouped",
                   "mode", "multimode", "quantiles", "variance", "pvariance", "stdev", "pstdev"},
    "time": {"time", "time_ns", "perf_counter", "monotonic", "sleep", "gmtime", "localtime", "strftime"},
    "json": {"dumps", "dump", "loads", "load", "JSONDecodeError"},
    "copy": {"copy", "deepcopy"},
    "dataclasses": {"asdict", "astuple", "replace", "fields", "is_dataclass"},
    "csv": {"reader", "writer", "DictReader", "DictWriter", "QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC",
            "QUOTE_NONE", "Error"},
    "struct": {"pack", "unpack", "calcsize", "iter_unpack", "Struct", "error"},
    "array": {"array"},
    "pprint": {"pprint", "pformat", "pp"},
    "timeit": {"timeit", "repeat", "default_timer"},
    "textwrap": {"wrap", "fill", "shorten", "dedent", "indent", "TextWrapper"},
    "datetime": {"date", "time", "datetime", "timedelta", "MINYEAR", "MAXYEAR"},
    "argparse": {"ArgumentParser", "Namespace", "ArgumentError", "ArgumentTypeError", "SUPPRESS",
                 "HelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
                 "ArgumentDefaultsHelpFormatter", "BooleanOptionalAction"},
}
# Exception classes of standard-library modules, by qualified name: the runtime static.
STDLIB_EXCEPTIONS = {"json.JSONDecodeError": "stdlib::json::JSON_DECODE_ERROR", "csv.Error": "stdlib::csv::CSV_ERROR",
                     "struct.error": "stdlib::struct_::STRUCT_ERROR",
                     "argparse.ArgumentError": "stdlib::argparse::ARGUMENT_ERROR",
                     "argparse.ArgumentTypeError": "stdlib::argparse::ARGUMENT_TYPE_ERROR",
                     "shutil.Error": "stdlib::shutil::SHUTIL_ERROR"}
# Files and the operating system (runtime `file.rs`, `stdlib/os.rs`, `shutil.rs`, `pathlib.rs`).
STDLIB.update({
    "os": {"getcwd", "listdir", "mkdir", "makedirs", "remove", "unlink", "rmdir", "rename", "replace", "walk",
           "getenv", "environ", "sep", "linesep", "curdir", "pardir", "name", "path", "stat", "chdir"},
    "os.path": {"join", "exists", "isfile", "isdir", "isabs", "basename", "dirname", "split", "splitext",
                "normpath", "abspath", "getsize", "getmtime", "getatime", "getctime", "sep", "curdir", "pardir"},
    "shutil": {"copy", "copyfile", "rmtree", "copytree", "move", "Error"},
    "pathlib": {"Path", "PosixPath"},
    "pathlib.Path": {"cwd"},  # class-level calls: Path.cwd()
    "io": {"StringIO", "open"},
})
# doctest.testmod over the module's docstrings (found at translation time: frontend/doctests.py).
STDLIB["doctest"] = {"testmod", "DONT_ACCEPT_TRUE_FOR_1", "DONT_ACCEPT_BLANKLINE", "NORMALIZE_WHITESPACE", "ELLIPSIS",
                     "SKIP", "IGNORE_EXCEPTION_DETAIL", "REPORT_ONLY_FIRST_FAILURE", "FAIL_FAST"}
# decimal (runtime `stdlib/decimal.rs`); `_pydecimal` is the same module written in Python.
_DECIMAL_SIGNALS = ["DecimalException", "InvalidOperation", "DivisionByZero", "Inexact", "Rounded", "Overflow",
                    "Underflow", "Subnormal", "Clamped", "FloatOperation"]
for _module in ("decimal", "_pydecimal"):
    STDLIB[_module] = {"Decimal", "Context", "getcontext", "setcontext", "localcontext", "DefaultContext",
                       "BasicContext", "ExtendedContext", "ROUND_UP", "ROUND_DOWN", "ROUND_CEILING", "ROUND_FLOOR",
                       "ROUND_HALF_UP", "ROUND_HALF_DOWN", "ROUND_HALF_EVEN", "ROUND_05UP", "MAX_PREC", "MAX_EMAX",
                       "MIN_EMIN", *_DECIMAL_SIGNALS}
    STDLIB[f"{_module}.Decimal"] = {"from_float"}  # class-level call: Decimal.from_float(0.1)
    STDLIB_EXCEPTIONS.update({f"{_module}.{name}": f"stdlib::decimal::{re.sub('(?<!^)(?=[A-Z])', '_', name).upper()}"
                              for name in _DECIMAL_SIGNALS})
# Entries of STDLIB that are modules inside a package (`os.path`), unlike class names.
SUBMODULES = {"os.path"}


def is_module(name: str) -> bool:
    """`name` (a STDLIB key or an imported name) is a module, not a function or class."""
    return name in STDLIB and ("." not in name or name in SUBMODULES)


# Modules whose names only matter to type checkers: imports are accepted and ignored.
TYPE_ONLY_MODULES = {"typing", "__future__", "typing_extensions", "abc"}

