"""Call lowering: builtins, user functions (arguments bound at compile time), classes,
methods, and the standard-library modules the runtime provides.

A call to a module-level function binds positional and keyword arguments and fills
defaults statically, so the Rust call is a direct call with one argument per
parameter.  Anything called through a value goes through `builtins::call`.
"""
from __future__ import annotations

import ast
import builtins
import codecs
import functools
import importlib
import importlib.util
import sys

from portalis import ir
from portalis.emit.names import ident, str_literal
from portalis.frontend import generators
from portalis.analysis.stdlib_names import is_module, STDLIB, TYPE_ONLY_MODULES
from portalis.lower.expr import INTROSPECTION_ATTRS
from portalis.lower.structs import is_struct_type

BUILTIN_EXCEPTIONS = {
    name: "".join("_" + c if c.isupper() and i else c for i, c in enumerate(name)).upper()
    for name in (
        "BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception",
        "StopIteration", "ArithmeticError", "ZeroDivisionError", "OverflowError", "AssertionError",
        "AttributeError", "LookupError", "IndexError", "KeyError", "NameError", "UnboundLocalError",
        "RuntimeError", "NotImplementedError", "RecursionError", "TypeError", "ValueError",
        "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError", "OSError", "EOFError", "MemoryError",
        "FileNotFoundError", "FileExistsError", "PermissionError", "IsADirectoryError", "NotADirectoryError",
    )
}
BUILTIN_EXCEPTIONS["IOError"] = "OS_ERROR"
BUILTIN_EXCEPTIONS["OSError"] = "OS_ERROR"
BUILTIN_EXCEPTIONS["EOFError"] = "EOF_ERROR"

BUILTIN_FUNCTIONS = {
    "print", "len", "range", "abs", "min", "max", "sum", "sorted", "reversed", "enumerate", "zip",
    "map", "filter", "any", "all", "int", "float", "complex", "str", "bool", "list", "tuple", "set",
    "frozenset", "dict", "ord", "chr", "round", "divmod", "pow", "hash", "bin", "oct", "hex",
    "format", "repr", "isinstance", "iter", "next", "input", "callable", "type", "id", "exit", "quit",
    "object", "issubclass", "getattr", "setattr", "hasattr", "delattr", "bytes", "bytearray", "open", "vars",
}


# Methods of built-in types called on the type, not on an instance passed first.
_CLASS_METHODS = {"float": {"fromhex"}, "str": {"maketrans"}}
_PYTHON_BUILTINS = frozenset(n for n in dir(builtins) if not n.startswith("_"))

# Names the desugar pass expands away: importing them binds nothing at run time.
DESUGARED = {"dataclasses": {"dataclass", "field", "FrozenInstanceError"}, "functools": {"lru_cache", "cache", "total_ordering"},
             "collections": {"namedtuple"}, "typing": {"NamedTuple"}, "enum": {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto"}}


def check_import(stmt, imports: dict[str, str]):
    """Record what an import binds; yield (local name, message, hint) for each name it
    binds that Portalis does not provide (an error only where the program uses it, or
    where CPython's own import fails: see `cpython_import_fails`)."""
    if isinstance(stmt, ast.Import):
        for alias in stmt.names:
            root = alias.name.split(".")[0]
            if alias.name in TYPE_ONLY_MODULES or (alias.name in DESUGARED and alias.name not in STDLIB):
                continue
            if alias.name not in STDLIB:
                yield (alias.asname or root, *_unknown_module(alias.name))
                continue
            imports[alias.asname or root] = alias.name if alias.asname else root
    else:
        module = stmt.module or ""
        if module in TYPE_ONLY_MODULES:
            return
        for alias in stmt.names:
            if alias.name in DESUGARED.get(module, ()):
                continue
            local = alias.asname or alias.name
            if is_module(f"{module}.{alias.name}"):  # from os import path
                imports[local] = f"{module}.{alias.name}"
                continue
            if module not in STDLIB:
                yield (local, *_unknown_module(module))
            elif alias.name not in STDLIB[module]:
                yield (local, f"{module}.{alias.name} is not supported yet",
                       f"supported names from {module}: {', '.join(sorted(STDLIB[module]))}")
            else:
                imports[local] = f"{module}.{alias.name}"


def cpython_import_fails(stmt) -> bool:
    """CPython (standard library only) raises ImportError at `stmt`: a module outside the
    standard library, or a name a supported module lacks (`from math import nosuch`)."""
    if isinstance(stmt, ast.Import):
        return any(alias.name.split(".")[0] not in sys.stdlib_module_names
                   or (alias.name.split(".")[0] in STDLIB and not _submodule_exists(alias.name)) for alias in stmt.names)
    module = stmt.module or ""
    if stmt.level or module.split(".")[0] not in sys.stdlib_module_names:
        return stmt.level == 0
    if module not in STDLIB or module in TYPE_ONLY_MODULES:
        return False
    loaded = importlib.import_module(module)  # a supported module: harmless to import
    return any(not hasattr(loaded, alias.name) for alias in stmt.names)


def _submodule_exists(name: str) -> bool:
    """`import os.path` finds a module (its parent being a supported, harmless one)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


def _unknown_module(name: str) -> tuple[str, str]:
    return (f"module {name} is not supported",
            f"Portalis provides {', '.join(sorted(STDLIB))} (typing imports are ignored)")


class CallLowering:
    # ---- names that are not local variables ---------------------------------------------------

    def module_function_value(self, name: str) -> ir.Expr:
        """A module function as a value: one object, made on first use, so that `f == g`,
        `f is g` and functions as dict keys behave as in Python."""
        value = self.function_value(name, self.functions[name])
        cell = self.function_value_cells.get(name)
        if cell is None:
            return value
        make = ir.Closure([], ir.Block([], value), is_move=False)
        get = ir.Closure(["cell: &PyCell"], ir.Block([], ir.MethodCall(ir.Var("cell"), "get_or_init", [make])),
                         is_move=False)
        return ir.MethodCall(ir.Var(cell), "with", [get])

    def function_value(self, name: str, sig) -> ir.Expr:
        """A module-level function used as a value: a closure that binds a Vec of args."""
        names = sig.params + ([sig.vararg] if sig.vararg else []) + sig.kwonly + ([sig.kwarg] if sig.kwarg else [])
        params = [ir.Param(ident(p)) for p in names]
        saved_stack = self.ctx.stack
        self.ctx.stack = []  # defaults are evaluated inside the closure, outside any `try`
        stmts = self._bind_dynamic_args(name, sig, params)
        self.ctx.stack = saved_stack
        call = ir.Call(sig.rust_name, [ir.Var(p.name) for p in params])
        closure = ir.Closure(["args: Vec<Value>"], ir.Block(stmts, call), is_move=False, ret="PyResult<Value>")
        return self.func_value(self.py_name(name), sig.node, closure)

    def imported_value(self, name: str, node: ast.AST) -> ir.Expr:
        target = self.imports[name]
        if is_module(target):
            return self.module_value(target)
        return self.fallible(ir.Call("stdlib::attribute", [ir.Raw(str_literal(target))]))

    @staticmethod
    def module_value(module: str) -> ir.Expr:
        """A standard-library module as a value (`m = math`, `f(os.path)`): the runtime's
        module object, told which qualified names it has (its submodules' too)."""
        names = sorted(f"{key}.{attr}" for key, attrs in STDLIB.items()
                       if key == module or (key.startswith(module + ".") and is_module(key)) for attr in attrs)
        listed = ", ".join(str_literal(n) for n in names)
        shown = ", ".join(f"({str_literal(m)}, {str_literal(module_repr(m))})" for m in
                          [module] + sorted(k for k in STDLIB if k.startswith(module + ".") and is_module(k)))
        return ir.Call("stdlib::module", [ir.Raw(str_literal(module)), ir.Raw(f"&[{shown}]"), ir.Raw(f"&[{listed}]")])

    def builtin_type_method(self, node: ast.Attribute) -> ir.Expr | None:
        """`str.lower`, `list.append`, `list.__add__` used as values."""
        base = node.value
        if isinstance(base, ast.Name) and base.id in ("str", "list", "dict", "set", "int", "float", "tuple") \
                and not self._is_local(base.id) and base.id not in self.global_vars and base.id not in self.classes:
            return ir.Call("methods::unbound_method", [ir.Raw(str_literal(node.attr))])
        return None

    def stdlib_module(self, node: ast.expr) -> str | None:
        """The standard-library module `node` names (`os`, `os.path`), if it names one."""
        if isinstance(node, ast.Name) and node.id in self.imports and not self._is_local(node.id):
            return self.imports[node.id] if is_module(self.imports[node.id]) else None
        if isinstance(node, ast.Attribute):
            outer = self.stdlib_module(node.value)
            return f"{outer}.{node.attr}" if outer and is_module(f"{outer}.{node.attr}") else None
        return None

    def module_attribute(self, node: ast.Attribute) -> ir.Expr | None:
        module = self.stdlib_module(node.value)
        if module is not None:
            if node.attr not in STDLIB.get(module, ()):
                self.error(node, f"{module}.{node.attr} is not supported yet",
                           f"supported names in {module}: {', '.join(sorted(STDLIB.get(module, ())))}")
                return ir.Raw("Value::None")
            if is_module(f"{module}.{node.attr}"):
                return self.module_value(f"{module}.{node.attr}")
            return self.fallible(ir.Call("stdlib::attribute", [ir.Raw(str_literal(f"{module}.{node.attr}"))]))
        return None

    def module_attribute_store(self, target: ast.Attribute, value: ir.Expr) -> list[ir.Stmt]:
        """`sys.stdout = x` / `sys.stderr = x` redirect the streams; assigning to any other
        name of a standard module would change the library's own behaviour, which the
        runtime cannot follow."""
        module = self.stdlib_module(target.value)
        if module == "sys" and target.attr in ("stdout", "stderr"):
            is_err = "true" if target.attr == "stderr" else "false"
            return [ir.ExprStmt(ir.Call("io::set_sys_stream", [ir.Raw(is_err), self.ref(value)]))]
        self.error(target, f"assigning to {module}.{target.attr} is not supported",
                   "keep the value in a variable of your own")
        return []

    def builtin_value(self, name: str, node: ast.AST) -> ir.Expr:
        if name in BUILTIN_FUNCTIONS and name not in ("isinstance", "input", "type", "id", "callable", "exit", "quit",
                                                      "object", "getattr", "setattr", "hasattr", "delattr", "open"):
            return ir.Call("builtins::builtin_value", [ir.Raw(str_literal(name))])
        if name in BUILTIN_EXCEPTIONS:
            self.error(node, f"exception class {name} used as a value is not supported",
                       f"raise {name}(...) or catch it with except {name}")
            return ir.Raw("Value::None")
        if name == "Ellipsis":
            return ir.Call("builtins::ellipsis", [])
        if name in _PYTHON_BUILTINS:
            # CPython has the name: a NameError at run time would be a lie.
            self.error(node, f"the built-in {name} is not supported yet", "rewrite this without it")
            return ir.Raw("Value::None")
        # CPython raises NameError only if this line runs, so the translation does too.
        self.warn(node, f"name '{name}' is not defined", "define it before use, or import it")
        err = ir.Call("PyErr::new", [ir.Raw("&NAME_ERROR"), ir.Raw(str_literal(f"name '{name}' is not defined"))])
        return self.fallible(ir.Call("Err::<Value, PyErr>", [err]))

    # ---- calls -------------------------------------------------------------------------------

    def expr_Call(self, node: ast.Call) -> ir.Expr:
        func = node.func
        if isinstance(func, ast.Name) and func.id in self.unavailable and not self._is_local(func.id):
            return self.load_name(func.id, func)
        if isinstance(func, ast.Name) and not self._is_local(func.id) and self._comp_var(func.id) is None \
                and not self._is_cell(func.id):
            name = func.id
            if name in self.functions and name not in self.global_vars:
                return self._call_user_function(node, self.functions[name])
            if name in self.classes:
                return self._call_class(node, self.classes[name])
            if name in self.imports and not is_module(self.imports[name]):
                if self.imports[name] == "io.open":
                    return self._open(node, self.imports[name])
                return self._call_stdlib(node, self.imports[name])
            if name in BUILTIN_EXCEPTIONS:
                args = ir.VecLit([self.own(self.expr(a)) for a in node.args])
                return ir.Call("Value::Exception", [ir.Call("std::rc::Rc::new", [
                    ir.Call("PyErr::with_args", [ir.Raw(f"&{BUILTIN_EXCEPTIONS[name]}"), args])])])
            if name in BUILTIN_FUNCTIONS and name not in self.global_vars:
                return self._call_builtin(node, name)
            if name == generators.NEW_GENERATOR:
                return self.fallible(ir.Call("generator::new", [ir.Raw(str_literal(node.args[0].value)),
                                                                *(self.own(self.expr(a)) for a in node.args[1:])]))
            if name == generators.RECEIVED:
                return self.fallible(ir.Call("generator::received", [self.ref(self.expr(node.args[0]))]))
            if name == generators.IS_GENERATOR:
                return ir.Call("Value::Bool", [ir.Call("generator::is_generator", [self.ref(self.expr(node.args[0]))])])
        if isinstance(func, ast.Attribute):
            return self._call_attribute(node, func)
        callee = self.expr(func)
        return self.fallible(ir.Call("builtins::call", [self.ref(callee), self._call_args(node)]))

    def _call_args(self, node: ast.Call) -> ir.Expr:
        """The arguments of a call through a value as one Vec<Value>: the positional ones
        (`*iterable` spliced), then the keywords as one `callargs::Kwargs` marker (`**m` merged)."""
        args = self._items(node.args)
        named = [ir.TupleLit([ir.Raw(str_literal(k.arg)), self.own(self.expr(k.value))]) for k in node.keywords if k.arg]
        if named:
            args = ir.Call("callargs::with_kwargs", [args, ir.VecLit(named)])
        for k in node.keywords:
            if k.arg is None:
                args = self.fallible(ir.Call("callargs::with_kwargs_mapping", [
                    args, self.ref(self.expr(k.value)), ir.Raw(str_literal(self._callee_text(node.func)))]))
        return args

    def _callee_text(self, func: ast.expr) -> str:
        """How CPython names the callee in a call's argument errors (`__main__.f`, `dict`)."""
        if isinstance(func, ast.Name):
            if func.id in self.functions:
                return f"__main__.{self.py_name(func.id)}"
            if func.id in self.classes:
                return f"__main__.{self.py_name(func.id)}"
            return func.id
        if isinstance(func, ast.Attribute):
            owners = [c for c, info in self.classes.items() if func.attr in info.methods]
            if len(owners) == 1:
                return f"__main__.{self.py_name(owners[0])}.{func.attr}"
            return func.attr
        return ast.unparse(func)

    @staticmethod
    def _unpacks(node: ast.Call) -> bool:
        return any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords)

    def _call_attribute(self, node: ast.Call, func: ast.Attribute) -> ir.Expr:
        base = func.value
        direct = self.direct_method_call(node, func) or self.struct_method_call(node, func)
        if direct is not None:
            return direct
        if isinstance(base, ast.Call) and isinstance(base.func, ast.Name) and base.func.id == "super":
            return self.super_call(node, func.attr)
        self._check_codec(node, func)
        if func.attr in _CACHE_STATISTICS and isinstance(base, ast.Name) and base.id in self.functions:
            self.error(node, f"{func.attr}() of a cached function is not supported",
                       "count hits and misses yourself if the program needs them")
        if isinstance(base, ast.Name) and base.id == "object" and func.attr == "__setattr__" and len(node.args) == 3 \
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
            obj, value = self.expr(node.args[0]), self.own(self.expr(node.args[2]))
            return self.fallible(ir.Call("classes::set_field", [self.ref(obj), ir.Raw(str_literal(node.args[1].value)), value]))
        if isinstance(base, ast.Name) and base.id in self.imports and not self._is_local(base.id) \
                and func.attr in STDLIB.get(self.imports[base.id], ()) and not is_module(self.imports[base.id]):
            return self._call_stdlib(node, f"{self.imports[base.id]}.{func.attr}")  # Path.cwd()
        module = self.stdlib_module(base)
        if module is not None:
            if func.attr not in STDLIB.get(module, ()):
                self.error(node, f"{module}.{func.attr}() is not supported yet",
                           f"supported names in {module}: {', '.join(sorted(STDLIB.get(module, ())))}")
                return ir.Raw("Value::None")
            if f"{module}.{func.attr}" == "io.open":
                return self._open(node, "io.open")
            return self._call_stdlib(node, f"{module}.{func.attr}")
        if isinstance(base, ast.Name) and f"{base.id}.{func.attr}" in _TYPE_CONSTRUCTORS \
                and not self._is_local(base.id) and base.id not in self.global_vars:
            return self._call_stdlib(node, f"{base.id}.{func.attr}")
        if isinstance(base, ast.Name) and base.id in ("str", "list", "dict", "set", "int", "float", "tuple") \
                and not self._is_local(base.id) and base.id not in self.global_vars:
            if base.id == "dict" and func.attr == "fromkeys":
                args = [self.ref(self.expr(a)) for a in node.args[:1]]
                value = [ir.Call("Some", [self.ref(self.expr(node.args[1]))])] if len(node.args) > 1 else [ir.Raw("None")]
                return self.fallible(ir.Call("methods::dict_fromkeys", args + value))
            if func.attr in _CLASS_METHODS.get(base.id, ()):
                self.error(node, f"{base.id}.{func.attr}() is not supported yet", "compute the value another way")
                return ir.Raw("Value::None")
            if not node.args:
                self.error(node, f"{base.id}.{func.attr}() needs the object as first argument", "call it as a method")
                return ir.Raw("Value::None")
            receiver = self.expr(node.args[0])
            rest = ast.Call(func=func, args=node.args[1:], keywords=node.keywords)
            return self._method_call(receiver, func.attr, rest)
        if isinstance(base, ast.Name) and base.id in self.classes and not self._is_local(base.id) \
                and _class_attribute(self.classes[base.id].node, func.attr):
            return self.fallible(ir.Call("builtins::call", [self.ref(self.expr(func)), self._call_args(node)]))
        if isinstance(base, ast.Name) and base.id in self.classes and not self._is_local(base.id):
            info = self.classes[base.id]
            sig = info.methods.get(func.attr)
            if sig is None:  # inherited, decorated or missing: looked up when the call runs, as CPython does
                return self.fallible(ir.Call("builtins::call", [self.ref(self.expr(func)), self._call_args(node)]))
            kind = next(e.kind for e in info.entries if e.name == func.attr and e.kind in ("Instance", "Static", "Class"))
            if kind == "Class":
                args = [self.class_value(base.id)] + self._bind_arguments(node, sig, sig.params[1:])
            else:
                args = self._bind_arguments(node, sig, sig.params)
            return self.fallible(ir.Call(sig.rust_name, [ir.VecLit(args)]))
        receiver = self.expr(base)
        return self._method_call(receiver, func.attr, node)

    def _method_call(self, receiver: ir.Expr, name: str, node: ast.Call) -> ir.Expr:
        user = self._user_method_signature(name)
        if user is not None and node.keywords and not self._unpacks(node):
            args = self._bind_arguments(node, user, user.params[1:])
            return self.fallible(ir.Call("methods::call_method", [self.ref(receiver), ir.Raw(str_literal(name)), ir.VecLit(args)]))
        if any(k.arg is None for k in node.keywords):
            return self.fallible(ir.Call("methods::call_method", [self.ref(receiver), ir.Raw(str_literal(name)),
                                                                self._call_args(node)]))
        args = self._items(node.args)
        if node.keywords:
            kw = [ir.TupleLit([ir.Raw(str_literal(k.arg)), self.own(self.expr(k.value))]) for k in node.keywords]
            return self.fallible(ir.Call("methods::call_method_kw", [self.ref(receiver), ir.Raw(str_literal(name)), args, ir.VecLit(kw)]))
        return self.fallible(ir.Call("methods::call_method", [self.ref(receiver), ir.Raw(str_literal(name)), args]))

    def _user_method_signature(self, name: str):
        """The signature of `name` if every user class defining it agrees on it."""
        sigs = [c.methods[name] for c in self.classes.values() if name in c.methods]
        if not sigs:
            return None
        first = sigs[0]
        if all(s.params == first.params for s in sigs):
            return first
        return None

    # ---- user functions and classes -------------------------------------------------------------

    def _bind_arguments(self, node: ast.Call, sig, params: list[str], native=()) -> list[ir.Expr]:
        """Positional values for `params`, from the call's arguments and the defaults;
        parameters with a type in `native` take that native type (i64, f64, bool)."""
        name = getattr(sig.node, "name", "function")
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            self.error(node, f"*args/**kwargs unpacking in a call to {name}() is not supported yet",
                       "pass the arguments explicitly")
            return []
        bound: dict[str, ir.Expr] = {}
        extra: list[ir.Expr] = []
        for i, arg in enumerate(node.args):
            if i < len(params):
                bound[params[i]] = self.expr(arg)
            elif sig.vararg:
                extra.append(self.own(self.expr(arg)))
            else:
                self.error(node, f"{name}() takes {len(params)} positional arguments but {len(node.args)} were given",
                           "remove the extra arguments")
        kwargs: list[ir.Expr] = []
        for kw in node.keywords:
            if kw.arg in params or kw.arg in sig.kwonly:
                if kw.arg in bound:
                    self.error(kw.value, f"{name}() got multiple values for argument '{kw.arg}'", "pass it once")
                bound[kw.arg] = self.expr(kw.value)
            elif sig.kwarg:
                kwargs.append(ir.TupleLit([ir.Raw(f"Value::str({str_literal(kw.arg)})"), self.own(self.expr(kw.value))]))
            else:
                self.error(kw.value, f"{name}() got an unexpected keyword argument '{kw.arg}'", "check the parameter names")
        values: list[ir.Expr] = []
        for i, p in enumerate(params + sig.kwonly):
            ty = native[i] if i < len(native) else None
            if p in bound:
                values.append(self.to_native(bound[p], ty) if ty else self.own(bound[p]))
            elif p in sig.defaults:
                default = self.param_default(sig, p)
                values.append(self.to_native(default, ty) if ty else default)
            else:
                self.error(node, f"{name}() missing required argument '{p}'", f"pass a value for {p}")
                values.append(ir.Raw("Value::None"))
        if sig.vararg:
            values.insert(len(params), ir.Call("Value::tuple", [ir.VecLit(extra)]))
        if sig.kwarg:
            values.append(self.fallible(ir.Call("methods::dict_from_pairs", [ir.VecLit(kwargs)])))
        return values

    def _call_user_function(self, node: ast.Call, sig) -> ir.Expr:
        name = sig.node.name
        if self._unpacks(node):
            callee = self.module_function_value(name)
            return self.fallible(ir.Call("builtins::call", [ir.Ref(callee), self._call_args(node)]))
        args = self._bind_arguments(node, sig, sig.params, self.param_types(name))
        return self.fallible(ir.Call(sig.rust_name, args, ty=self.return_type(name) or "Value"))

    def _call_class(self, node: ast.Call, info) -> ir.Expr:
        if info.is_exception:
            args = ir.VecLit([self.own(self.expr(a)) for a in node.args])
            return ir.Call("Value::Exception", [ir.Call("std::rc::Rc::new", [self.new_exception(info, args)])])
        typed = self.struct_new(node, info.name)
        if typed is not None:
            return typed
        init = self._find_init(info)
        if init is None or self._unpacks(node) or init.vararg or init.kwarg:
            args = self._call_args(node)  # bound by __init__'s own prologue (which packs *args/**kwargs)
        else:
            args = ir.VecLit(self._bind_arguments(node, init, init.params[1:]))
        return self.fallible(ir.Call("classes::instantiate", [ir.Raw(f"&{info.static}"), args]))

    def _check_codec(self, node: ast.Call, func: ast.Attribute) -> None:
        """`s.encode("cp1255")`: a codec the runtime lacks is a diagnostic, not a LookupError
        where CPython would encode."""
        if func.attr not in ("encode", "decode") or not node.args or not isinstance(node.args[0], ast.Constant) \
                or not isinstance(node.args[0].value, str):
            return
        name = node.args[0].value
        try:
            known = codecs.lookup(name).name
        except LookupError:
            return  # CPython's LookupError too
        if known not in _RUNTIME_CODECS:
            self.error(node.args[0], f"the {name} codec is not supported",
                       f"supported codecs: {', '.join(sorted(_RUNTIME_CODECS))}")

    def _find_init(self, info):
        while info is not None:
            if "__init__" in info.methods:
                return info.methods["__init__"]
            info = self.classes.get(info.base) if info.base else None
        return None

    # ---- standard library -------------------------------------------------------------------------

    def _open(self, node: ast.Call, qualified: str) -> ir.Expr:
        """`open()`: reading, writing, appending or creating (`+` for update), in text or binary mode."""
        self._check_keywords(node, "open", {"file", "mode", "encoding", "newline"})
        if len(node.args) > 3:
            self.error(node.args[3], "open() takes file, mode and encoding by position here",
                       "pass newline= as a keyword")
        return self._call_stdlib(node, "io.open")

    def _call_stdlib(self, node: ast.Call, qualified: str) -> ir.Expr:
        typed = self.typed_heapq(node, qualified)
        if typed is not None:
            return typed
        if qualified in ("timeit.timeit", "timeit.repeat") and node.args and isinstance(node.args[0], ast.Constant):
            self.error(node.args[0], f"{qualified}() with the statement as a string is not supported",
                       "pass a function or lambda: timeit.timeit(lambda: f(x), number=100)")
        args = self._items(node.args)
        kw = [ir.TupleLit([ir.Raw(str_literal(k.arg)), self.own(self.expr(k.value))]) for k in node.keywords if k.arg]
        return self.fallible(ir.Call("stdlib::call", [ir.Raw(str_literal(qualified)), args, ir.VecLit(kw)]))

    # ---- builtins -----------------------------------------------------------------------------------

    def _kw(self, node: ast.Call, name: str) -> ast.expr | None:
        for k in node.keywords:
            if k.arg == name:
                return k.value
        return None

    def _opt(self, node: ast.expr | None) -> ir.Expr:
        """`Some(&value)` or `None` for an optional builtin argument."""
        if node is None:
            return ir.Raw("None")
        return ir.Call("Some", [self.ref(self.expr(node))])

    def _check_keywords(self, node: ast.Call, name: str, allowed: set[str]) -> None:
        for k in node.keywords:
            if k.arg not in allowed:
                self.error(k.value if k.arg else node, f"{name}() got an unsupported keyword argument '{k.arg}'",
                           f"{name}() accepts: {', '.join(sorted(allowed)) or 'no keywords'}")

    def _arg(self, node: ast.Call, i: int, name: str | None = None) -> ast.expr | None:
        if i < len(node.args):
            return node.args[i]
        return self._kw(node, name) if name else None

    def _call_builtin(self, node: ast.Call, name: str) -> ir.Expr:
        args = node.args
        if any(isinstance(a, ast.Starred) for a in args) and name not in ("print", "zip", "max", "min", "map"):
            self.error(node, f"*args unpacking in {name}() is not supported", "pass the arguments explicitly")
            return ir.Raw("Value::None")
        r = lambda i, kw=None: self.ref(self.expr(self._arg(node, i, kw)))  # noqa: E731
        o = lambda i, kw=None: self._opt(self._arg(node, i, kw))  # noqa: E731
        arity = _BUILTIN_ARITY.get(name)
        if arity and not arity[0] <= len(args) <= arity[1]:
            self.error(node, f"{name}() takes {arity[0]} to {arity[1]} positional arguments, got {len(args)}",
                       "check the call")
            return ir.Raw("Value::None")
        f = self.fallible
        typed = self.native_builtin(node, name) or self.typed_list_builtin(node, name) or self.typed_dict_builtin(node, name) \
            or self.typed_set_builtin(node, name)
        if typed is not None:
            return typed
        if name == "open":
            return self._open(node, "io.open")
        if name == "print":
            self._check_keywords(node, name, {"sep", "end", "flush", "file"})
            target = self._kw(node, "file")
            func = "io::print"
            items = self._items(args)
            if target is not None:
                if ast.unparse(target) == "sys.stderr":
                    func = "io::eprint"
                elif ast.unparse(target) != "sys.stdout":
                    return f(ir.Call("io::print_to", [self.ref(self.expr(target)), ir.Ref(items),
                                                      self._opt(self._kw(node, "sep")), self._opt(self._kw(node, "end"))]))
            return f(ir.Call(func, [ir.Ref(items), self._opt(self._kw(node, "sep")), self._opt(self._kw(node, "end"))]))
        if name in ("min", "max"):
            self._check_keywords(node, name, {"key", "default"})
            return f(ir.Call(f"builtins::{name}", [ir.Ref(self._items(args)), self._opt(self._kw(node, "key")),
                                                     self._opt(self._kw(node, "default"))]))
        if name == "sorted":
            self._check_keywords(node, name, {"key", "reverse"})
            return f(ir.Call("builtins::sorted", [r(0), self._opt(self._kw(node, "key")), self._opt(self._kw(node, "reverse"))]))
        if name == "zip":
            self._check_keywords(node, name, {"strict"})
            return f(ir.Call("builtins::zip", [ir.Ref(self._items(args))]))
        if name == "map":
            return f(ir.Call("builtins::map", [r(0), ir.Ref(self._items(args[1:]))]))
        if name == "isinstance":
            return self._isinstance(node)
        if name in ("exit", "quit"):
            return self._call_stdlib(node, "sys.exit")
        if name == "object":
            return self.fallible(ir.Call("classes::instantiate", [ir.Raw("&classes::OBJECT"), ir.VecLit([])]))
        if name == "issubclass":
            return self._issubclass(node)
        if name in ("getattr", "hasattr", "setattr", "delattr") and len(args) > 1 \
                and isinstance(args[1], ast.Constant) and args[1].value in INTROSPECTION_ATTRS:
            self.error(args[1], f"the attribute {args[1].value} (code introspection) is not supported",
                       "pass the values the code needs explicitly")
            return ir.Raw("Value::None")
        if name == "getattr":
            return f(ir.Call("attributes::getattr", [r(0), r(1), o(2)]))
        if name == "vars":
            return f(ir.Call("builtins::vars", [r(0)]))
        if name in ("hasattr", "delattr"):
            return f(ir.Call(f"attributes::{name}", [r(0), r(1)]))
        if name == "setattr":
            return f(ir.Call("attributes::setattr", [r(0), r(1), self.own(self.expr(args[2]))]))
        if name == "dict" and any(k.arg is None for k in node.keywords):  # dict(d, **changes)
            return f(ir.Call("builtins::call", [ir.Ref(ir.Call("builtins::builtin_value", [ir.Raw('"dict"')])),
                                                 self._call_args(node)]))
        if name == "dict":
            kws = [ir.TupleLit([ir.Raw(str_literal(k.arg)), self.own(self.expr(k.value))]) for k in node.keywords if k.arg]
            return f(ir.Call("builtins::dict", [o(0), ir.VecLit(kws)]))
        if name == "input":
            return f(ir.Call("io::input", [o(0)]))
        if name == "type":
            return ir.Call("classes::type_of", [r(0)])
        if name == "callable":
            return ir.Call("Value::Bool", [ir.Call("builtins::callable", [r(0)])])
        if name == "id":
            return ir.Call("builtins::id", [r(0)])
        if name in ("bytes", "bytearray"):
            self._check_keywords(node, name, {"encoding", "errors"})
            mutable = "true" if name == "bytearray" else "false"
            return f(ir.Call("bytes::construct", [o(0, "source"), o(1, "encoding"), o(2, "errors"), ir.Raw(mutable)]))
        allowed = _BUILTIN_KEYWORDS.get(name, set())
        self._check_keywords(node, name, allowed)
        shapes = {
            "len": lambda: [r(0)], "abs": lambda: [r(0)], "repr": lambda: [r(0)], "ord": lambda: [r(0)],
            "chr": lambda: [r(0)], "hash": lambda: [r(0)], "bin": lambda: [r(0)], "oct": lambda: [r(0)],
            "hex": lambda: [r(0)], "any": lambda: [r(0)], "all": lambda: [r(0)], "iter": lambda: [r(0)],
            "reversed": lambda: [r(0)], "range": lambda: [r(0), o(1), o(2)],
            "sum": lambda: [r(0), o(1, "start")], "enumerate": lambda: [r(0), o(1, "start")],
            "filter": lambda: [r(0), r(1)], "int": lambda: [o(0), o(1, "base")], "float": lambda: [o(0)],
            "complex": lambda: [o(0, "real"), o(1, "imag")],
            "str": lambda: [o(0)], "bool": lambda: [o(0)], "list": lambda: [o(0)], "tuple": lambda: [o(0)],
            "set": lambda: [o(0)], "frozenset": lambda: [o(0)], "round": lambda: [r(0), o(1, "ndigits")],
            "divmod": lambda: [r(0), r(1)], "pow": lambda: [r(0), r(1), o(2)], "format": lambda: [r(0), o(1)],
        }
        if name == "len":
            return f(ir.Call("ops::len", [r(0)], ty="i64"))
        if name == "abs":
            arg = self.expr(args[0])
            if arg.ty == "i64":
                return f(ir.Call("intops::abs", [arg], ty="i64"))
            if arg.ty == "f64":
                return ir.Call("f64::abs", [arg], ty="f64")
            return f(ir.Call("builtins::abs", [self.ref(arg)]))
        if name == "next":
            default = self._arg(node, 1)
            return f(ir.Call("iter::next", [r(0), ir.Raw("None") if default is None else ir.Call("Some", [self.own(self.expr(default))])]))
        return f(ir.Call(f"builtins::{name}", shapes[name]()))

    def _class_chain(self, name: str) -> list[str]:
        """`name` and its bases up to the first built-in class."""
        chain = [name]
        while chain[-1] in self.classes and self.classes[chain[-1]].base:
            chain.append(self.classes[chain[-1]].base)
        return chain

    def _issubclass(self, node: ast.Call) -> ir.Expr:
        """`issubclass(A, B)` between classes known at translation time is a constant."""
        import builtins
        names = [a.id if isinstance(a, ast.Name) else None for a in node.args]
        if len(names) != 2 or None in names:
            self.error(node, "issubclass() is supported on class names only", "name the classes directly")
            return ir.Raw("Value::None")
        derived, base = names
        chain = self._class_chain(derived)
        result = base in chain or base == "object"
        top = getattr(builtins, chain[-1], None)
        if not result and isinstance(top, type) and isinstance(getattr(builtins, base, None), type):
            result = issubclass(top, getattr(builtins, base))
        return ir.Raw(f"Value::Bool({'true' if result else 'false'})")

    def _static_type_test(self, t: ast.expr) -> bool:
        """Whether isinstance's `t` names a class known at translation time."""
        if isinstance(t, ast.Call) and isinstance(t.func, ast.Name) and t.func.id == "type" and len(t.args) == 1:
            return True
        if not isinstance(t, ast.Name) or self._is_local(t.id) or t.id in self.global_vars:
            return False
        return t.id in self.classes or t.id in BUILTIN_EXCEPTIONS or t.id in _ISINSTANCE_BUILTINS

    def _isinstance(self, node: ast.Call) -> ir.Expr:
        value = self.expr(node.args[0])
        types = node.args[1].elts if isinstance(node.args[1], ast.Tuple) else [node.args[1]]
        if any(not self._static_type_test(t) for t in types):
            # A class held in a variable, or a tuple of classes built at run time.
            classes = self.expr(node.args[1])
            return ir.Call("Value::Bool", [self.fallible(ir.Call("builtins::isinstance_value", [
                self.ref(value), self.ref(classes)], ty="bool"))])
        tests: list[ir.Expr] = []
        for t in types:
            if isinstance(t, ast.Call) and isinstance(t.func, ast.Name) and t.func.id == "type" and len(t.args) == 1:
                same = ir.Binary("==", ir.MethodCall(self.own(self.expr(t.args[0])), "type_name", []),
                                 ir.MethodCall(self.own(value), "type_name", []))
                tests.append(same)
                continue
            name = t.id if isinstance(t, ast.Name) else None
            if name in self.classes and not self.classes[name].is_exception and is_struct_type(value.ty):
                tests.append(ir.Call("structs::isinstance", [ir.Ref(value), ir.Raw(f"&{self.classes[name].static}")]))
            elif name in self.classes and not self.classes[name].is_exception:
                tests.append(ir.Call("classes::isinstance", [self.ref(value), ir.Raw(f"&{self.classes[name].static}")]))
            elif name in BUILTIN_EXCEPTIONS or (name in self.classes and self.classes[name].is_exception):
                tests.append(ir.Call("exc_isinstance", [self.ref(value), ir.Raw(f"&{self.exception_static(name, t)}")]))
            elif name in _ISINSTANCE_BUILTINS:
                tests.append(ir.Call("builtins::isinstance_builtin", [self.ref(value), ir.Raw(str_literal(name))]))
        if not tests:
            return ir.Raw("Value::Bool(false)")
        test = tests[0]
        for extra in tests[1:]:
            test = ir.Binary("||", test, extra)
        return ir.Call("Value::Bool", [test])


def _class_attribute(cls: ast.ClassDef, name: str) -> bool:
    """`cls` binds `name = value` in its body (a value called as `Cls.name(...)`, not a method)."""
    return any(isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in s.targets)
               for s in cls.body)


# The codecs runtime `bytes.rs` implements, by CPython's canonical name.
_RUNTIME_CODECS = {"utf-8", "iso8859-1", "ascii"}
# Statistics of `functools.lru_cache` functions, which the memo of desugar.py does not keep.
_CACHE_STATISTICS = {"cache_info", "cache_parameters"}

_ISINSTANCE_BUILTINS = {"int", "float", "complex", "bool", "str", "list", "tuple", "dict", "set", "frozenset", "range", "object",
                        "bytes", "bytearray"}

_BUILTIN_ARITY = {
    "len": (1, 1), "abs": (1, 1), "repr": (1, 1), "ord": (1, 1), "chr": (1, 1), "hash": (1, 1),
    "bin": (1, 1), "oct": (1, 1), "hex": (1, 1), "any": (1, 1), "all": (1, 1), "iter": (1, 1),
    "reversed": (1, 1), "range": (1, 3), "sum": (1, 2), "enumerate": (1, 2), "filter": (2, 2),
    "int": (0, 2), "float": (0, 1), "complex": (0, 2), "str": (0, 1), "bool": (0, 1), "list": (0, 1), "tuple": (0, 1),
    "set": (0, 1), "frozenset": (0, 1), "round": (1, 2), "divmod": (2, 2), "pow": (2, 3),
    "format": (1, 2), "isinstance": (2, 2), "next": (1, 2), "sorted": (1, 1), "map": (2, 99),
    "input": (0, 1), "type": (1, 1), "callable": (1, 1), "id": (1, 1), "dict": (0, 1),
    "getattr": (2, 3), "hasattr": (2, 2), "delattr": (2, 2), "setattr": (3, 3),
    "bytes": (0, 3), "bytearray": (0, 3), "vars": (1, 1),
}

# Alternative constructors called on a built-in type (`int.from_bytes(b, "big")`).
_TYPE_CONSTRUCTORS = {"int.from_bytes", "bytes.fromhex", "bytearray.fromhex"}

_BUILTIN_KEYWORDS = {"sum": {"start"}, "enumerate": {"start"}, "int": {"base"}, "round": {"ndigits"},
                     "complex": {"real", "imag"}}


@functools.cache
def module_repr(name: str) -> str:
    """How `python3 prog.py` shows a standard module on the machine translating it:
    `<module 'json' from '/usr/lib/python3.11/json/__init__.py'>`, `(built-in)`,
    `(frozen)`.  The translator runs on that Python; the modules it can name are
    standard ones, safe to import."""
    try:
        return repr(importlib.import_module(name))
    except ImportError:
        return f"<module '{name}'>"
