"""Class lowering: user classes to a static method table plus one Rust fn per method.

Every method shares the signature `fn(Vec<Value>) -> PyResult<Value>` (first item is
self, or the class for classmethods) so a class's table can hold them; arguments are
bound from the Vec at the top of the method.  `@staticmethod`, `@classmethod` and
`@property` (with setters) are recorded as the entry's kind; `super().m(...)` calls the
base's entry through the runtime.  Exception subclasses become static `ExcType`s.
`with` statements live here too, since they are the dunder protocol of a class.
"""
from __future__ import annotations

import ast
import functools
from dataclasses import dataclass, field

from portalis import ir
from portalis.analysis.text_reach import TextReach
from portalis.emit.names import ident, static_ident, str_literal


@dataclass
class FunctionSig:
    """What a call site needs to bind arguments to a user function statically."""
    rust_name: str
    params: list[str]
    defaults: dict[str, ast.expr]
    vararg: str | None
    kwonly: list[str]
    kwarg: str | None
    node: ast.AST
    default_cells: dict[str, str] = field(default_factory=dict)  # param -> static holding its default


@dataclass
class MethodEntry:
    name: str
    kind: str  # "Instance", "Static", "Class", "Getter", "Setter" (runtime MethodKind)
    rust_name: str
    node: ast.FunctionDef
    decorators: list[ast.expr] = field(default_factory=list)  # user decorators, innermost last

    @property
    def cell(self) -> str:
        """The thread-local holding a decorated method's value (what its decorators made)."""
        return f"DECORATED_{self.rust_name.upper()}"


@dataclass
class ClassInfo:
    name: str
    static: str
    node: ast.ClassDef
    base: str | None
    methods: dict[str, FunctionSig]  # callable methods, for binding call arguments
    entries: list[MethodEntry] = field(default_factory=list)
    is_exception: bool = False
    attrs: list = field(default_factory=list)  # class-level assignments, run at the class statement
    exc_static: str | None = None  # the ExcType static of an exception class
    aliases: list[tuple[str, str, str]] = field(default_factory=list)  # (name, kind, rust fn) of `x = method`
    bases: list[str] = field(default_factory=list)  # all of them, for multiple inheritance
    builtin_base: ast.expr | None = None  # `list` in `class Stack(list)`: see runtime builtin_bases.rs

    @property
    def has_body(self) -> bool:
        """An exception class with methods or attributes needs instances, not just a type."""
        return any(not _is_docstring_or_pass(s) for s in self.node.body)


_KIND_DECORATORS = ("staticmethod", "classmethod", "property", "setter", "abstractmethod")


def _decorator_name(deco: ast.expr) -> str | None:
    return deco.id if isinstance(deco, ast.Name) else getattr(deco, "attr", None)


def _user_decorators(node: ast.FunctionDef) -> list[ast.expr]:
    """The decorators of a method other than the ones that say how it binds."""
    return [d for d in node.decorator_list if _decorator_name(d) not in _KIND_DECORATORS]


def _method_kind(node: ast.FunctionDef) -> str:
    for deco in node.decorator_list:
        name = _decorator_name(deco)
        if name == "staticmethod":
            return "Static"
        if name == "classmethod":
            return "Class"
        if name == "property":
            return "Getter"
        if name == "setter":
            return "Setter"
    return "Instance"


def _is_docstring_or_pass(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))


class ClassLowering:
    @functools.cached_property
    def text_reach(self) -> TextReach:
        """Built on first use: only classes without a text form need it."""
        return TextReach(self.parsed)

    def _collect_class(self, node: ast.ClassDef) -> None:
        bases = [b for b in node.bases if not _typing_only_base(b)]
        builtin = [b for b in bases if self._builtin_base(b)]
        bases = [b for b in bases if b not in builtin]
        if len(builtin) > 1:
            self.error(node, f"class {node.name} derives from several built-in types",
                       "derive from one built-in type and hold the others as attributes")
        elif builtin and bases and node.bases.index(builtin[0]) < node.bases.index(bases[-1]):
            # its methods would come before the other bases' in the MRO: not modelled
            self.error(node, f"class {node.name} lists the built-in type {ast.unparse(builtin[0])} before other bases",
                       "list the built-in type last among the bases")
        if not all(isinstance(b, ast.Name) for b in bases):
            self.error(node, f"class {node.name}: only named classes are supported as bases",
                       "inherit from classes defined in this module or a built-in exception")
        names = [b.id for b in bases if isinstance(b, ast.Name)]
        base = names[0] if names else None
        info = ClassInfo(node.name, static_ident(node.name, "CLASS_"), node, base, {},
                         is_exception=base is not None and self._is_exception_name(base), bases=names,
                         builtin_base=self._builtin_base(builtin[0]) if builtin else None)
        if info.is_exception:
            info.exc_static = static_ident(node.name, "EXC_")
        used: set[str] = set()
        for stmt in node.body:
            if not isinstance(stmt, ast.FunctionDef):
                continue
            kind = _method_kind(stmt)
            stem = stmt.name.strip("_") or "method"
            rust = f"{ident(node.name)}_{'set_' if kind == 'Setter' else ''}{stem}"
            while rust in used:
                rust += "_"
            used.add(rust)
            # A later def of the same name replaces the earlier one, as in the class namespace.
            info.entries = [e for e in info.entries if e.name != stmt.name or (e.kind == "Setter") != (kind == "Setter")]
            decorators = _user_decorators(stmt)
            info.entries.append(MethodEntry(stmt.name, kind, rust, stmt, decorators))
            info.methods.pop(stmt.name, None)
            if kind in ("Instance", "Static", "Class") and not decorators:
                info.methods[stmt.name] = self._signature(stmt, rust)
            if decorators and any(_decorator_name(d) in _KIND_DECORATORS
                                  for d in stmt.decorator_list[stmt.decorator_list.index(decorators[0]):]):
                self.error(decorators[0], f"decorator @{ast.unparse(decorators[0])} is applied to a "
                                          f"{_decorator_name(stmt.decorator_list[-1])} object",
                           "put @staticmethod, @classmethod and @property above the other decorators")
        for stmt in node.body:
            alias = _method_alias(stmt, {e.name: e for e in info.entries})
            if alias:
                info.aliases.extend(alias)
        self.classes[node.name] = info

    def _builtin_base(self, base: ast.expr) -> ast.expr | None:
        """The built-in type (as an expression naming it) that base `base` derives from:
        `list`, `typing.List[T]`, an imported `Fraction` ...; None for other bases."""
        if isinstance(base, ast.Subscript):  # typing imports bind nothing at run time here
            alias = base.value.id if isinstance(base.value, ast.Name) else getattr(base.value, "attr", None)
            if alias in _TYPING_ALIASES and alias not in self.classes:
                return ast.copy_location(ast.Name(_TYPING_ALIASES[alias], ast.Load()), base)
        if isinstance(base, ast.Name) and base.id in _BUILTIN_BASES and base.id not in self.classes \
                and base.id not in self.imports and base.id not in self.functions:
            return base
        dotted = self.imports.get(base.id) if isinstance(base, ast.Name) else None
        if isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name) and base.value.id in self.imports:
            dotted = f"{self.imports[base.value.id]}.{base.attr}"
        return base if dotted in _LIBRARY_BASES else None

    def _has_text_form(self, info: ClassInfo) -> bool:
        while info is not None:
            if any(e.name in ("__repr__", "__str__") for e in info.entries) or \
                    any(a[0] in ("__repr__", "__str__") for a in info.aliases):
                return True
            info = self.classes.get(info.base) if info.base else None
        return False

    def class_value(self, name: str) -> ir.Expr:
        return ir.Raw(f"Value::Class(&{self.classes[name].static})")

    # ---- items ---------------------------------------------------------------------------

    def _lower_class(self, node: ast.ClassDef) -> list:
        info = self.classes[node.name]
        exc_items = self._exception_type(node, info) if info.is_exception else []
        if info.is_exception and not info.has_body:
            return exc_items
        for deco in node.decorator_list:
            self.error(deco, f"class decorator @{ast.unparse(deco)} is not supported",
                       "use @dataclass or a plain class")
        if info.base and info.base not in self.classes and not info.is_exception:
            self.error(node, f"class {node.name} inherits from {info.base}, which is not a class of this module",
                       "inherit from a class defined in this file or from one of the built-in types "
                       + ", ".join(sorted(_BUILTIN_BASES) + sorted(_LIBRARY_BASES)))
        if info.bases and info.builtin_base is None and any(e.name == "__new__" for e in info.entries):
            self.error(node, f"__new__ in class {node.name}, a subclass of {', '.join(info.bases)}, is not supported yet",
                       "define __init__ instead, or derive from a built-in type")
        items = []
        if len(info.bases) > 1:
            items.extend(self._mro_static(node, info))
        methods = {e.name: e for e in info.entries}
        for stmt in node.body:
            if isinstance(stmt, ast.FunctionDef) or _method_alias(stmt, methods):
                continue
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and _simple_class_attr(stmt):
                info.attrs.append(stmt)
            elif not _is_docstring_or_pass(stmt):
                self.error(stmt, f"this statement in the body of class {node.name} is not supported",
                           "define methods and simple class attributes only")
        struct = self.struct_of_class(node.name)
        typed = []
        for entry in info.entries:
            if struct is not None and id(entry.node) in self.struct_plan.method_params \
                    and info.methods.get(entry.name) is not None and info.methods[entry.name].node is entry.node:
                fn, wrapper = self._lower_typed_method(entry, info, struct)
                typed.append(fn)
                items.append(wrapper)
            else:
                items.append(self._lower_method(entry, info))
            if entry.decorators:
                items.extend(self._decorated_trampoline(entry))
        if struct is not None:
            items[:0] = self.struct_items(struct, typed, node.name)
        if not (info.is_exception or getattr(node, "generated_by_portalis", False) or self._has_text_form(info)) \
                and self.text_reach.reaches(node.name):
            self.warn(node, f"class {self.py_name(node.name)} has no __repr__ or __str__: CPython prints its "
                            "objects with a memory address, which a translation cannot reproduce",
                      "define __repr__ if objects of this class are printed")
        rows = [(e.name, e.kind, e.rust_name + ("_decorated" if e.decorators else "")) for e in info.entries] \
            + info.aliases
        table = ",\n        ".join(f"({str_literal(name)}, MethodKind::{kind}, {rust})" for name, kind, rust in rows)
        base_info = self.classes.get(info.base)
        base = f"Some(&{base_info.static})" if base_info and (not base_info.is_exception or base_info.has_body) \
            else "None"
        alloc = f"Some(structs::alloc_value::<{struct.rust}>)" if struct is not None else "None"
        text = (f"static {info.static}: Class = Class {{\n    name: {str_literal(self.py_name(node.name))},\n    base: {base},\n"
                f"    methods: &[\n        {table}\n    ],\n    alloc: {alloc},\n}};" if info.entries else
                f"static {info.static}: Class = Class {{ name: {str_literal(self.py_name(node.name))}, base: {base}, "
                f"methods: &[], alloc: {alloc} }};")
        items.insert(0, ir.RawItem(text, "class", node.name))
        return exc_items + items

    def _mro_static(self, node: ast.ClassDef, info: ClassInfo) -> list:
        """A class with several bases: its C3 linearisation, registered at the class statement."""
        for name in info.bases:
            if name not in self.classes or self.classes[name].is_exception:
                self.error(node, f"class {node.name} inherits from {name} among several bases, which is not "
                                 "a class of this module", "inherit from classes defined in this file")
                return []
        mro = c3_linearisation(node.name, {n: c.bases for n, c in self.classes.items()})
        if isinstance(mro, str):
            return []  # the class statement raises CPython's TypeError (stmt_ClassDef)
        entries = ", ".join(f"&{self.classes[n].static}" for n in mro[1:])
        return [ir.RawItem(f"static {info.static}_MRO: [&Class; {len(mro) - 1}] = [{entries}];", "class", node.name)]

    def _exception_type(self, node: ast.ClassDef, info: ClassInfo) -> list:
        """The `ExcType` static that places an exception class in the hierarchy."""
        base = self.exception_static(info.base, node)
        text = (f"static {info.exc_static}: ExcType = ExcType {{ name: {str_literal(self.py_name(node.name, True))}, "
                f"base: Some(&{base}) }};")
        return [ir.RawItem(text, "class", node.name)]

    def new_exception(self, info: ClassInfo, args: ir.Expr) -> ir.Expr:
        """The PyErr for `info(args)`: a bare type, or an instance with its `__init__` run."""
        if info.has_body:
            return self.fallible(ir.Call("classes::new_exception", [
                ir.Raw(f"&{info.static}"), ir.Raw(f"&{info.exc_static}"), args]))
        return ir.Call("PyErr::with_args", [ir.Raw(f"&{info.exc_static}"), args])

    def _lower_method(self, entry: MethodEntry, info: ClassInfo) -> ir.Function:
        node = entry.node
        sig = info.methods.get(node.name) if entry.kind in ("Instance", "Static", "Class") else None
        if sig is None or sig.node is not node:
            sig = self._signature(node, entry.rust_name, default_cells=False)
        self.current_class_info = info
        fn = self._lower_function(node, sig, "method")
        self.current_class_info = None
        # One shared signature for the class table: bind the parameters from the Vec.
        unpack = self._bind_dynamic_args(f"{info.name}.{node.name}", sig, fn.params)
        fn.params = [ir.Param("args", "Vec<Value>")]
        fn.body.stmts[:0] = unpack
        fn.python_name = f"{info.name}.{node.name}"
        return fn

    def _decorated_trampoline(self, entry: MethodEntry) -> list:
        """A method with user decorators: its table entry calls what the decorators made
        (stored at the class statement), so self and the arguments pass through them."""
        cell = f"thread_local! {{\n    static {entry.cell}: PyCell = PyCell::default();\n}}"
        body = ir.Block([], ir.Call("builtins::call", [ir.Raw(f"&{entry.cell}.get_value()"), ir.Var("args")]))
        fn = ir.Function(entry.rust_name + "_decorated", [ir.Param("args", "Vec<Value>")], "PyResult<Value>", body)
        return [ir.RawItem(cell, "class", entry.name), fn]

    def _lower_typed_method(self, entry: MethodEntry, info: ClassInfo, struct) -> tuple[ir.Function, ir.Function]:
        """A method of a struct class with typed parameters (in the struct's `impl`), and
        its class-table wrapper."""
        sig = info.methods[entry.name]
        self.current_class_info = info
        fn = self._lower_function(entry.node, sig, "method")
        self.current_class_info = None
        fn.name = struct.impl_name(info.name, entry.name)
        fn.python_name = f"{info.name}.{entry.name}"
        return fn, self.typed_method_wrapper(struct, info.name, entry, sig, fn)

    # ---- statements and expressions -----------------------------------------------------------

    def stmt_ClassDef(self, node: ast.ClassDef, out) -> None:
        if self.ctx.kind != "module":
            self.error(node, "classes defined inside functions are not supported", "move the class to module level")
            return
        info = self.classes[node.name]
        if len(info.bases) > 1:
            mro = c3_linearisation(node.name, {n: c.bases for n, c in self.classes.items()})
            if isinstance(mro, str):
                out.append(ir.ExprStmt(self.fallible(ir.Raw(f"type_error::<Value>({str_literal(mro)})"))))
                return
            out.append(ir.ExprStmt(ir.Call("classes::set_mro", [ir.Raw(f"&{info.static}"), ir.Raw(f"&{info.static}_MRO")])))
        if info.builtin_base is not None:
            out.append(ir.ExprStmt(ir.Call("builtin_bases::set_builtin_base", [
                ir.Raw(f"&{info.static}"), self.own(self.expr(info.builtin_base))])))
        for sig in info.methods.values():
            self.init_default_cells(sig, out)
        for entry in info.entries:
            if entry.decorators:
                value = self.func_value(entry.name, entry.node, ir.Raw(entry.rust_name))
                for deco in reversed(entry.decorators):
                    value = self.fallible(ir.Call("builtins::call", [self.ref(self.expr(deco)), ir.VecLit([value])]))
                out.append(ir.ExprStmt(ir.MethodCall(ir.Raw(entry.cell), "set_value", [self.own(value)])))
                if entry.kind == "Instance":  # `Class.method` is what the decorators made
                    out.append(ir.ExprStmt(ir.Call("classes::set_class_attr", [
                        ir.Raw(f"&{info.static}"), ir.Raw(str_literal(entry.name)), ir.Raw(f"{entry.cell}.get_value()")])))
        if not info.is_exception:
            # Every class has its own `__doc__` (None without a docstring): never the base's.
            out.append(ir.ExprStmt(ir.Call("classes::set_class_attr", [
                ir.Raw(f"&{info.static}"), ir.Raw(str_literal("__doc__")), self._docstring(node)])))
        for stmt in info.attrs:
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
            value = self.own(self.expr(stmt.value))
            out.append(ir.ExprStmt(ir.Call("classes::set_class_attr", [
                ir.Raw(f"&{info.static}"), ir.Raw(str_literal(target.id)), value])))

    def super_call(self, node: ast.Call, method: str) -> ir.Expr | None:
        """`super().method(args)` inside a method: the base class's entry, bound to self."""
        info = getattr(self, "current_class_info", None)
        scope = self.ctx.scope
        if info is None or not scope.params:
            self.error(node, "super() is only supported inside methods", "call the base class method directly")
            return ir.Raw("Value::None")
        typed = self.struct_super_call(node, method)
        if typed is not None:
            return typed
        receiver = self.load_name(scope.params[0], node)
        base = self.classes.get(info.base) if info.base else None
        sig = base.methods.get(method) if base else None
        if sig is not None:
            args = self._bind_arguments(node, sig, sig.params[1:])
        else:
            args = self._items(node.args).items if not node.keywords else []
        return self.fallible(ir.Call("classes::call_super", [
            ir.Raw(f"&{info.static}"), ir.Raw(str_literal(method)), self.ref(receiver), ir.VecLit(args)]))

    def stmt_With(self, node: ast.With, out) -> None:
        """`with m as x: body`: __enter__, the body as a try block, then __exit__(error)."""
        if len(node.items) != 1:
            nested = node
            for item in reversed(node.items[1:]):
                nested = ast.With(items=[item], body=nested.body if nested is node else [nested])
            node = ast.copy_location(ast.With(items=node.items[:1], body=[nested] if nested is not node else node.body), node)
        item = node.items[0]
        mgr = self.ctx.fresh("manager")
        out.append(ir.Let(mgr, self.own(self.expr(item.context_expr))))
        entered = self.fallible(ir.Call("classes::enter", [ir.Ref(ir.Var(mgr))]))
        if item.optional_vars is not None:
            self.assign(item.optional_vars, entered, out)
        else:
            out.append(ir.ExprStmt(entered))
        slot, used = self.protected(self.statements_into(node.body), "with", out)
        error = ir.Var(slot) if used else ir.Raw("None")
        out.append(ir.ExprStmt(self.fallible(ir.Call("classes::exit", [ir.Ref(ir.Var(mgr)), error]))))


# Built-in types a class may derive from: its instances then carry a value of that type.
_BUILTIN_BASES = {"list", "dict", "set", "frozenset", "str", "int", "float", "tuple", "complex", "bytes"}
_TYPING_ALIASES = {"List": "list", "Dict": "dict", "Set": "set", "FrozenSet": "frozenset", "Tuple": "tuple"}
_LIBRARY_BASES = {"fractions.Fraction", "decimal.Decimal", "collections.OrderedDict", "collections.Counter",
                  "collections.defaultdict", "collections.deque"}


def _typing_only_base(base: ast.expr) -> bool:
    """`object`, `ABC`, `Generic[T]`, `Protocol`: bases that add nothing at run time here."""
    if isinstance(base, ast.Subscript):
        base = base.value
    name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", None)
    return name in ("object", "ABC", "Generic", "Protocol")


def c3_linearisation(name: str, bases: dict[str, list[str]]) -> list[str] | str:
    """The method resolution order of class `name` (C3, as CPython), or CPython's error
    message when there is none."""
    def merge(sequences: list[list[str]]) -> list[str] | str:
        out = []
        sequences = [list(s) for s in sequences if s]
        while sequences:
            for seq in sequences:
                head = seq[0]
                if not any(head in s[1:] for s in sequences):
                    break
            else:
                heads = list(dict.fromkeys(s[0] for s in sequences))
                return f"Cannot create a consistent method resolution\norder (MRO) for bases {', '.join(heads)}"
            out.append(head)
            sequences = [s[1:] if s[0] == head else s for s in sequences]
            sequences = [s for s in sequences if s]
        return out

    parents = bases.get(name, [])
    lines = []
    for parent in parents:
        line = c3_linearisation(parent, bases) if parent in bases else [parent]
        if isinstance(line, str):
            return line
        lines.append(line)
    merged = merge(lines + [list(parents)])
    return merged if isinstance(merged, str) else [name] + merged


def _method_alias(stmt, methods: dict) -> list[tuple[str, str, str]] | None:
    """`__str__ = __repr__` or `total = property(get_total[, set_total])` in a class body."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
        return None
    name, value = stmt.targets[0].id, stmt.value
    if isinstance(value, ast.Name) and value.id in methods:
        entry = methods[value.id]
        return [(name, entry.kind, entry.rust_name)]
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "property" \
            and 1 <= len(value.args) <= 2 and all(isinstance(a, ast.Name) and a.id in methods for a in value.args):
        kinds = ["Getter", "Setter"]
        return [(name, kinds[i], methods[a.id].rust_name) for i, a in enumerate(value.args)]
    return None


def _simple_class_attr(stmt) -> bool:
    target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
    return isinstance(target, ast.Name) and (not isinstance(stmt, ast.Assign) or len(stmt.targets) == 1) \
        and getattr(stmt, "value", None) is not None


