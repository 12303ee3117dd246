"""What builtin functions, methods of builtin types and stdlib functions return.

Only results that hold for every input are listed; anything else is `dyn`.
"""
from __future__ import annotations

import ast
import re

from portalis.analysis.inference.lattice import BOOL, FLOAT, INT, NONE, STR, Ty

# Builtin functions whose result type does not depend on the arguments.
FIXED_RESULTS: dict[str, Ty] = {
    "len": INT, "int": INT, "ord": INT, "hash": INT, "id": INT,
    "float": FLOAT,
    "str": STR, "repr": STR, "chr": STR, "input": STR, "format": STR, "hex": STR, "bin": STR, "oct": STR,
    "ascii": STR,
    "bool": BOOL, "isinstance": BOOL, "issubclass": BOOL, "callable": BOOL, "any": BOOL, "all": BOOL,
    "hasattr": BOOL,
    "print": NONE,
}

# Builtins that only read their arguments (they may call dunder methods, which the
# inference treats as called by the runtime anyway): passing a container to them
# cannot change what it holds.
READ_ONLY_BUILTINS = {
    "len", "int", "float", "str", "repr", "bool", "print", "isinstance", "issubclass", "hash", "id", "abs",
    "round", "min", "max", "sum", "sorted", "reversed", "enumerate", "zip", "list", "tuple", "set", "frozenset",
    "dict", "any", "all", "iter", "next", "range", "ord", "chr", "format", "divmod", "pow", "hex", "bin", "oct",
    "type", "callable", "hasattr", "map", "filter", "ascii", "complex",
}

STR_METHODS: dict[str, Ty] = {}
for _name in ("upper", "lower", "strip", "lstrip", "rstrip", "replace", "title", "capitalize", "swapcase",
              "join", "center", "ljust", "rjust", "zfill", "format", "casefold", "removeprefix", "removesuffix",
              "expandtabs", "translate"):
    STR_METHODS[_name] = STR
for _name in ("find", "rfind", "index", "rindex", "count"):
    STR_METHODS[_name] = INT
for _name in ("startswith", "endswith", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
              "isnumeric", "isdecimal", "istitle", "isidentifier", "isprintable", "isascii"):
    STR_METHODS[_name] = BOOL
STR_LIST_METHODS = {"split", "rsplit", "splitlines"}  # -> list[str]

# math functions by result type.
MATH_FLOAT = {"sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "exp", "log", "log2", "log10",
              "hypot", "fabs", "pow", "radians", "degrees", "fmod", "copysign", "sinh", "cosh", "tanh", "expm1",
              "log1p", "dist"}
MATH_INT = {"floor", "ceil", "trunc", "factorial", "gcd", "lcm", "comb", "perm", "isqrt"}
MATH_BOOL = {"isclose", "isinf", "isnan", "isfinite"}
MATH_CONSTANTS = {"pi": FLOAT, "e": FLOAT, "tau": FLOAT, "inf": FLOAT, "nan": FLOAT}


def module_function(qualified: str) -> Ty | None:
    """The result of calling `module.name`, when it is always of one type."""
    module, _, name = qualified.rpartition(".")
    if module == "math":
        if name in MATH_FLOAT:
            return FLOAT
        if name in MATH_INT:
            return INT
        if name in MATH_BOOL:
            return BOOL
    if qualified in ("time.time", "time.perf_counter", "time.monotonic", "random.random"):
        return FLOAT
    if qualified in ("random.randint", "random.randrange"):
        return INT
    return None


def module_constant(qualified: str) -> Ty | None:
    module, _, name = qualified.rpartition(".")
    if module == "math":
        return MATH_CONSTANTS.get(name)
    if module == "string" and name in ("ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
                                       "punctuation", "hexdigits", "octdigits", "whitespace", "printable"):
        return STR
    if qualified == "sys.maxsize":
        return INT
    return None


def regex_result(qualified: str, pattern: ast.expr | None, text: Ty | None) -> str | None:
    """What `re.sub`/`re.findall`/`re.split`/`re.escape` return for a str subject: "str",
    "list[str]" (findall with at most one group, split with none: with groups, findall
    gives tuples and split can give None), or None when that is not certain."""
    if text is None or text.single() != "str":
        return None
    if qualified in ("re.sub", "re.escape"):
        return "str"
    if qualified in ("re.findall", "re.split") and isinstance(pattern, ast.Constant) \
            and isinstance(pattern.value, str):
        try:
            groups = re.compile(pattern.value).groups
        except (re.error, RecursionError, OverflowError):
            return None
        return "list[str]" if groups <= (1 if qualified == "re.findall" else 0) else None
    return None
