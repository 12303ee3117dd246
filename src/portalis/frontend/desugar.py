"""Desugar pass: rewrite conveniences into plain Python before analysis.

Some features are defined by the code they generate: `@dataclass` writes `__init__`,
`__repr__`, `__eq__` (and ordering methods); `typing.NamedTuple` classes behave the
same for our purposes; `@functools.cache`/`@lru_cache` wrap a function with a memo
table.  Expanding them here, as ordinary Python AST, lets every later pass treat them
like code the user wrote.
"""
from __future__ import annotations

import ast
import re

from portalis.frontend import astwalk
from portalis.frontend import class_bodies, fallbacks, generators, lift, nested_classes
from portalis.frontend.parse import ParsedModule

CACHE_DECORATORS = {"cache", "lru_cache"}


def desugar(parsed: ParsedModule) -> ParsedModule:
    tree = parsed.tree
    kinds = {n.__class__ for n in parsed.nodes}
    # The rewrites below that walk the whole tree run only where their construct occurs:
    # a `try` (with a fallback to take), a class (its body to simplify, or below the module's
    # top level), a function (with nested defs to lift), a yield.  `rewritten`: a statement
    # of the module was changed in place, so `parsed.nodes` must be walked again.
    rewritten = ast.Try in kinds and fallbacks.take_fallbacks(tree)
    rewritten |= ast.ClassDef in kinds and class_bodies.simplify_class_bodies(tree)
    rewritten |= ast.ClassDef in kinds and _nested_class(parsed) and nested_classes.hoist_nested_classes(tree)
    rewritten |= ast.FunctionDef in kinds and lift.lift_nested_functions(tree)
    body: list[ast.stmt] = []
    frozen = False
    rewritten |= ast.ClassDef in kinds and _name_namedtuple_bases(tree)
    subclassed = {b.id for c in tree.body if isinstance(c, ast.ClassDef) for b in c.bases if isinstance(b, ast.Name)}
    for stmt in _split_chained_namedtuples(tree.body):
        namedtuple = _namedtuple_class(stmt)
        if namedtuple is not None:
            stmt = namedtuple
        if isinstance(stmt, ast.ClassDef) and _is_record_class(stmt):
            frozen |= _dataclass_options(stmt)["frozen"]
            _expand_record_class(stmt, subclassed)
            rewritten = True
        if isinstance(stmt, ast.ClassDef) and any(_decorator_name(d) == "total_ordering" for d in stmt.decorator_list):
            _complete_ordering(stmt)
            rewritten = True
        if isinstance(stmt, ast.FunctionDef) and _cache_decorator(stmt):
            body.extend(_memoize(stmt))
            continue
        if isinstance(stmt, ast.ClassDef):
            body.extend(_memoize_methods(stmt))
        if isinstance(stmt, ast.ClassDef) and _enum_kind(stmt) in ("Flag", "IntFlag"):
            body.extend(_expand_flag(stmt))
            rewritten = True
            continue
        if isinstance(stmt, ast.ClassDef) and _enum_kind(stmt):
            body.extend(_expand_enum(stmt))
            rewritten = True
            continue
        if isinstance(stmt, ast.ClassDef) and _is_typed_dict(stmt):
            body.append(_typed_dict_constructor(stmt))
            rewritten = True
            continue
        body.append(stmt)
    if frozen:  # frozen dataclasses raise dataclasses.FrozenInstanceError on assignment
        body.insert(0, ast.parse("class FrozenInstanceError(AttributeError):\n    pass").body[0])
    if ast.Yield in kinds or ast.YieldFrom in kinds:
        rewritten |= generators.lazy_generators(body)
    if rewritten or body != tree.body:
        tree.body = body
        parsed.nodes = astwalk.walk(tree)
    return parsed


def _nested_class(parsed: ParsedModule) -> bool:
    """Whether a class statement sits anywhere but directly in the module body."""
    top = sum(isinstance(s, ast.ClassDef) for s in parsed.tree.body)
    return sum(n.__class__ is ast.ClassDef for n in parsed.nodes) > top


def _decorator_name(deco: ast.expr) -> str | None:
    if isinstance(deco, ast.Call):
        deco = deco.func
    if isinstance(deco, ast.Attribute):
        return deco.attr
    if isinstance(deco, ast.Name):
        return deco.id
    return None


def _is_record_class(node: ast.ClassDef) -> bool:
    return any(_decorator_name(d) == "dataclass" for d in node.decorator_list) or _is_tuple_class(node)


def _is_tuple_class(node: ast.ClassDef) -> bool:
    return any((b.id if isinstance(b, ast.Name) else getattr(b, "attr", None)) == "NamedTuple" for b in node.bases)


def _name_namedtuple_bases(tree: ast.Module) -> bool:
    """`class I(namedtuple("I", "lo hi")): ...` as `_I_base = namedtuple(...)` before the
    class, which then derives from that name; whether any class changed."""
    body: list[ast.stmt] = []
    for stmt in tree.body:
        if isinstance(stmt, ast.ClassDef):
            for i, base in enumerate(stmt.bases):
                if isinstance(base, ast.Call) and _decorator_name(base) == "namedtuple":
                    name = f"_{stmt.name}_base"
                    body.append(ast.copy_location(ast.Assign([ast.Name(name, ast.Store())], base), stmt))
                    stmt.bases[i] = ast.copy_location(ast.Name(name, ast.Load()), base)
        body.append(stmt)
    changed = len(body) != len(tree.body)
    tree.body[:] = body
    return changed


def _split_chained_namedtuples(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """`A = B = namedtuple(...)` as `A = namedtuple(...)` then `B = A`."""
    out = []
    for stmt in stmts:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) > 1 and all(isinstance(t, ast.Name) for t in stmt.targets) \
                and isinstance(stmt.value, ast.Call) and _decorator_name(stmt.value) == "namedtuple":
            first = stmt.targets[0]
            out.append(ast.copy_location(ast.Assign([first], stmt.value), stmt))
            for alias in stmt.targets[1:]:
                out.append(ast.copy_location(ast.Assign([alias], ast.copy_location(ast.Name(first.id, ast.Load()), stmt)), stmt))
            continue
        out.append(stmt)
    return out


def _namedtuple_class(stmt: ast.stmt) -> ast.ClassDef | None:
    """`P = namedtuple("P", ["x", "y"])` (or "x y") as `class P(NamedTuple): x; y`."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call) and _decorator_name(stmt.value) == "namedtuple"
            and len(stmt.value.args) == 2):
        return None
    spec = stmt.value.args[1]
    if isinstance(spec, ast.Constant) and isinstance(spec.value, str):
        fields = spec.value.replace(",", " ").split()
    elif isinstance(spec, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) for e in spec.elts):
        fields = [e.value for e in spec.elts]
    else:
        return None
    name = stmt.targets[0].id
    source = f"class {name}(NamedTuple):\n" + "".join(f"    {f}: object\n" for f in fields)
    cls = ast.parse(source).body[0]
    for n in astwalk.walk(cls):
        ast.copy_location(n, stmt)
    return cls


def _dataclass_options(node: ast.ClassDef) -> dict[str, bool]:
    options = {"eq": True, "order": False, "repr": True, "init": True, "frozen": False, "unsafe_hash": False}
    for deco in node.decorator_list:
        if isinstance(deco, ast.Call) and _decorator_name(deco) == "dataclass":
            for kw in deco.keywords:
                if kw.arg in options and isinstance(kw.value, ast.Constant):
                    options[kw.arg] = bool(kw.value.value)
    return options


def _fields(node: ast.ClassDef) -> list[tuple[str, str | None]]:
    """(name, default source) of each annotated class-level field, in order."""
    fields = []
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            if "ClassVar" in ast.unparse(stmt.annotation):
                continue
            fields.append((stmt.target.id, _default_source(stmt.value)))
    return fields


def _field_flag(node: ast.ClassDef, name: str, flag: str) -> bool:
    """`field(repr=False)` / `field(compare=False)` on the field `name`."""
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == name \
                and isinstance(stmt.value, ast.Call) and _decorator_name(stmt.value) == "field":
            for kw in stmt.value.keywords:
                if kw.arg == flag and isinstance(kw.value, ast.Constant):
                    return bool(kw.value.value)
    return True


def _default_source(value: ast.expr | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, ast.Call) and _decorator_name(value) == "field":
        for kw in value.keywords:
            if kw.arg == "default":
                return ast.unparse(kw.value)
            if kw.arg == "default_factory":
                return f"{ast.unparse(kw.value)}()"
        return None
    return ast.unparse(value)


def _expand_record_class(node: ast.ClassDef, subclassed: set[str]) -> None:
    options = _dataclass_options(node)
    tuple_like = _is_tuple_class(node)
    fields = _fields(node)
    shown_names = [n for n, _ in fields if _field_flag(node, n, "repr")]
    compared = [n for n, _ in fields if _field_flag(node, n, "compare")]
    defined = {s.name for s in node.body if isinstance(s, ast.FunctionDef)}
    node.decorator_list = [d for d in node.decorator_list if _decorator_name(d) != "dataclass"]
    node.bases = [b for b in node.bases if ast.unparse(b) not in ("NamedTuple", "typing.NamedTuple")]
    # Class-level field declarations become instance fields set by __init__.
    node.body = [s for s in node.body if not (isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                                            and "ClassVar" not in ast.unparse(s.annotation))] or [ast.Pass()]
    names = [n for n, _ in fields]
    methods = []
    if options["init"] and "__init__" not in defined:
        params = []
        assigns = []
        for name, default in fields:
            if default is not None and default.endswith("()") and default != "None":
                # default_factory: a fresh object per instance, as dataclasses do
                params.append(f"{name}=None")
                assigns.append(f"    self.{name} = {default} if {name} is None else {name}")
            else:
                params.append(name if default is None else f"{name}={default}")
                assigns.append(f"    self.{name} = {name}")
        if options["frozen"]:  # a frozen instance is written once, bypassing its __setattr__
            assigns = [re.sub(r"^    self\.(\w+) = (.*)$", r"    object.__setattr__(self, '\1', \2)", a)
                       for a in assigns]
        if "__post_init__" in defined:
            assigns.append("    self.__post_init__()")
        methods.append(f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(assigns) or "    pass"))
    if options["repr"] and "__repr__" not in defined:
        shown = ", ".join(f"{n}={{self.{n}!r}}" for n in shown_names)
        # the class's own name, or a subclass's: `type(self).__name__`, as CPython's repr
        shown_name = "{type(self).__name__}" if node.name in subclassed else node.name
        methods.append(f"def __repr__(self):\n    return f\"{shown_name}({shown})\"")
    own = "(" + "".join(f"self.{n}, " for n in compared) + ")"
    other = "(" + "".join(f"other.{n}, " for n in compared) + ")"
    if options["eq"] and "__eq__" not in defined:
        methods.append(f"def __eq__(self, other):\n    return isinstance(other, {node.name}) and {own} == {other}")
    if tuple_like:
        items = "(" + "".join(f"self.{n}, " for n in names) + ")"
        methods += [
            f"def __iter__(self):\n    return iter({items})",
            f"def __getitem__(self, index):\n    return {items}[index]",
            f"def __len__(self):\n    return {len(names)}",
            f"def __hash__(self):\n    return hash({items})",
            f"def __lt__(self, other):\n    return {items} < tuple(other)",
            "def _asdict(self):\n    return {" + ", ".join(f"{n!r}: self.{n}" for n in names) + "}",
        ]
        methods = [m.replace(f"isinstance(other, {node.name}) and {own} == {other}", f"{items} == tuple(other)")
                   for m in methods]
    if not tuple_like:  # what dataclasses.fields/asdict/astuple/replace read
        methods.append(f"__dataclass_fields__ = ({''.join(repr(n) + ', ' for n in names)})")
    if options["frozen"]:
        methods.append("def __setattr__(self, name, value):\n"
                       "    raise FrozenInstanceError(f\"cannot assign to field {name!r}\")")
    if (options["frozen"] and options["eq"]) or options["unsafe_hash"]:
        methods.append(f"def __hash__(self):\n    return hash({own})")
    if options["order"]:
        for op, dunder in (("<", "__lt__"), ("<=", "__le__"), (">", "__gt__"), (">=", "__ge__")):
            if dunder not in defined:
                methods.append(f"def {dunder}(self, other):\n    return {own} {op} {other}")
    for text in methods:
        fn = ast.parse(text).body[0]
        for n in astwalk.walk(fn):
            ast.copy_location(n, node)
            if hasattr(n, "end_lineno"):
                n.end_lineno = node.lineno
        node.body.append(fn)


_ORDERING = {
    "__lt__": {"__le__": "self < other or self == other", "__gt__": "not (self < other or self == other)",
               "__ge__": "not self < other"},
    "__le__": {"__lt__": "self <= other and not self == other", "__gt__": "not self <= other",
               "__ge__": "not self <= other or self == other"},
    "__gt__": {"__lt__": "not (self > other or self == other)", "__ge__": "self > other or self == other",
               "__le__": "not self > other"},
    "__ge__": {"__le__": "not self >= other or self == other", "__gt__": "self >= other and not self == other",
               "__lt__": "not self >= other"},
}


def _complete_ordering(node: ast.ClassDef) -> None:
    """`@functools.total_ordering`: derive the missing comparisons from the one given."""
    node.decorator_list = [d for d in node.decorator_list if _decorator_name(d) != "total_ordering"]
    defined = {s.name for s in node.body if isinstance(s, ast.FunctionDef)}
    root = next((r for r in ("__lt__", "__le__", "__gt__", "__ge__") if r in defined), None)
    if root is None:
        return
    for name, expr in _ORDERING[root].items():
        if name not in defined:
            fn = ast.parse(f"def {name}(self, other):\n    return {expr}").body[0]
            for n in astwalk.walk(fn):
                ast.copy_location(n, node)
            node.body.append(fn)


def _enum_kind(node: ast.ClassDef) -> str | None:
    for base in node.bases:
        name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", None)
        if name in ("Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"):
            return name
    return None


def _expand_enum(node: ast.ClassDef) -> list[ast.stmt]:
    """`class Color(Enum): RED = 1` as a class whose members are instances created right
    after the class statement, with Enum's repr, str, hash, lookup by value (which gives
    the member itself, so `Color(1) is Color.RED`) and iteration in definition order
    (through the `_members_` class attribute)."""
    kind = _enum_kind(node)
    name = node.name
    members: list[tuple[str, str]] = []
    methods: list[ast.stmt] = []
    next_auto = 1
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            value = stmt.value
            if isinstance(value, ast.Call) and _decorator_name(value) == "auto":
                source = repr(next_auto) if kind != "StrEnum" else repr(stmt.targets[0].id.lower())
            else:
                source = ast.unparse(value)
            if isinstance(value, ast.Constant) and isinstance(value.value, int):
                next_auto = value.value + 1
            elif isinstance(value, ast.Call):
                next_auto += 1
            members.append((stmt.targets[0].id, source))
        elif isinstance(stmt, ast.FunctionDef):
            methods.append(stmt)
    str_body = {"Enum": f'f"{name}.{{self.name}}"', "IntEnum": "str(self.value)", "StrEnum": "str(self.value)"}[kind]
    eq = ("isinstance(other, " + name + ") and self.name == other.name") if kind == "Enum" else \
        "self.value == (other.value if isinstance(other, " + name + ") else other)"
    source = (f"class {name}:\n"
              f"    def __new__(cls, name, value=None):\n"
              f"        if value is None:\n"
              f"            for member in {name}._members_:\n"
              f"                if member.value == name:\n"
              f"                    return member\n"
              f"            raise ValueError(f\"{{name!r}} is not a valid {name}\")\n"
              f"        return object.__new__(cls)\n"
              f"    def __init__(self, name, value=None):\n"
              f"        if value is not None:\n"
              f"            self.name = name\n"
              f"            self.value = value\n"
              f"    def __repr__(self):\n"
              f"        return f\"<{name}.{{self.name}}: {{self.value!r}}>\"\n"
              f"    def __str__(self):\n"
              f"        return {str_body}\n"
              f"    def __hash__(self):\n"
              f"        return hash(self.name)\n"
              f"    def __eq__(self, other):\n"
              f"        return {eq}\n")
    if kind != "Enum":
        source += (f"    def __lt__(self, other):\n"
                   f"        return self.value < (other.value if isinstance(other, {name}) else other)\n"
                   f"    def __int__(self):\n"
                   f"        return int(self.value)\n"
                   f"    def __index__(self):\n"
                   f"        return self.value\n")
    cls = ast.parse(source).body[0]
    cls.body.extend(methods)
    after = [f"{name}.{m} = {name}({m!r}, {v})" for m, v in members]
    after.append(f"{name}._members_ = [{', '.join(f'{name}.{m}' for m, _ in members)}]")
    stmts = [cls] + ast.parse("\n".join(after)).body
    for st in stmts:
        for n in astwalk.walk(st):
            ast.copy_location(n, node)
            n.end_lineno = node.lineno
    return stmts


def _flag_values(node: ast.ClassDef) -> tuple[list[tuple[str, int]], list[ast.FunctionDef]] | None:
    """The members of a Flag class with their values, worked out here (auto() is the
    next power of two; `A | B` combines earlier members), and its methods."""
    members: list[tuple[str, int]] = []
    methods = []
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            if isinstance(stmt.value, ast.Call) and _decorator_name(stmt.value) == "auto":
                highest = max((v for _, v in members), default=0)
                value = 1 << highest.bit_length() if highest else 1
            else:
                try:
                    value = eval(compile(ast.Expression(stmt.value), "<flag>", "eval"), {"__builtins__": {}}, dict(members))
                except Exception:  # noqa: BLE001 - not a constant expression: not expanded
                    return None
                if not isinstance(value, int):
                    return None
            members.append((stmt.targets[0].id, value))
        elif isinstance(stmt, ast.FunctionDef):
            methods.append(stmt)
        elif not isinstance(stmt, (ast.Pass, ast.Expr)):
            return None
    return members, methods


def _expand_flag(node: ast.ClassDef) -> list[ast.stmt]:
    """`class Perm(Flag)` / `IntFlag`: members with power-of-two values, combined with
    `|`, `&`, `^`, `~` into (cached) pseudo-members named like CPython's (`R|W`),
    membership with `in`, iteration over the single-bit members; IntFlag members are
    also ints (equality, ordering, arithmetic, str)."""
    found = _flag_values(node)
    if found is None:
        return [node]
    members, methods = found
    kind, name = _enum_kind(node), node.name
    int_flag = kind == "IntFlag"
    canonical = [m for m, v in members if v and v & (v - 1) == 0]
    all_bits = 0
    for _, v in members:
        all_bits |= v
    other = f"(other.value if isinstance(other, {name}) else other)" if int_flag else "other.value"
    str_body = "str(self.value)" if int_flag else f'f"{name}({{self.value!r}})" if self.name is None else f"{name}.{{self.name}}"'
    eq = f"self.value == {other}" if int_flag else f"isinstance(other, {name}) and self.value == other.value"
    invert = f"((1 << max(self.value.bit_length(), {all_bits.bit_length()})) - 1)" if int_flag else str(all_bits)
    source = (f"_{name}_pseudo = {{}}\n"
              f"def _{name}_of(value):\n"
              f"    for member in {name}._named_:\n"
              f"        if member.value == value:\n"
              f"            return member\n"
              f"    if value in _{name}_pseudo:\n"
              f"        return _{name}_pseudo[value]\n"
              f"    names = []\n"
              f"    covered = 0\n"
              f"    for member in {name}._members_:\n"
              f"        if member.value & value == member.value:\n"
              f"            names.append(member.name)\n"
              f"            covered |= member.value\n"
              f"    rest = value & ~covered\n"
              f"    if rest:\n"
              + (f"        names.append(str(rest))\n" if int_flag else
                 f"        raise ValueError(f\"{{value!r}} is not a valid {name}\")\n") +
              f"    member = {name}('|'.join(names) if names else None, value)\n"
              f"    _{name}_pseudo[value] = member\n"
              f"    return member\n"
              f"class {name}:\n"
              f"    def __init__(self, name, value=None):\n"
              f"        if value is None:\n"
              f"            found = _{name}_of(name)\n"
              f"            self.name = found.name\n"
              f"            self.value = found.value\n"
              f"            return\n"
              f"        self.name = name\n"
              f"        self.value = value\n"
              f"    def __repr__(self):\n"
              f"        if self.name is None:\n"
              f"            return f\"<{name}: {{self.value!r}}>\"\n"
              f"        return f\"<{name}.{{self.name}}: {{self.value!r}}>\"\n"
              f"    def __str__(self):\n"
              f"        return {str_body}\n"
              f"    def __hash__(self):\n"
              f"        return hash(self.value)\n"
              f"    def __eq__(self, other):\n"
              f"        return {eq}\n"
              f"    def __bool__(self):\n"
              f"        return self.value != 0\n"
              f"    def __or__(self, other):\n"
              f"        return _{name}_of(self.value | {other})\n"
              f"    def __and__(self, other):\n"
              f"        return _{name}_of(self.value & {other})\n"
              f"    def __xor__(self, other):\n"
              f"        return _{name}_of(self.value ^ {other})\n"
              f"    def __invert__(self):\n"
              f"        return _{name}_of({invert} & ~self.value)\n"
              f"    def __contains__(self, other):\n"
              f"        return other.value & self.value == other.value\n"
              f"    def __iter__(self):\n"
              f"        return iter([m for m in {name}._members_ if m.value & self.value == m.value])\n"
              f"    def __len__(self):\n"
              f"        return len([m for m in {name}._members_ if m.value & self.value == m.value])\n")
    if int_flag:
        source += (f"    def __ror__(self, other):\n"
                   f"        return _{name}_of(self.value | other)\n"
                   f"    def __rand__(self, other):\n"
                   f"        return _{name}_of(self.value & other)\n"
                   f"    def __lt__(self, other):\n"
                   f"        return self.value < {other}\n"
                   f"    def __int__(self):\n"
                   f"        return self.value\n"
                   f"    def __index__(self):\n"
                   f"        return self.value\n"
                   + "".join(f"    def __{op}__(self, other):\n        return self.value {sym} {other}\n"
                             f"    def __r{op}__(self, other):\n        return other {sym} self.value\n"
                             for op, sym in (("add", "+"), ("sub", "-"), ("mul", "*"))))
    after = [f"{name}.{m} = {name}({m!r}, {v})" for m, v in members]
    after.append(f"{name}._members_ = [{', '.join(f'{name}.{m}' for m in canonical)}]")
    after.append(f"{name}._named_ = [{', '.join(f'{name}.{m}' for m, _ in members)}]")
    stmts = ast.parse(source + "\n".join(after)).body
    cls = next(s for s in stmts if isinstance(s, ast.ClassDef))
    cls.body.extend(methods)
    for st in stmts:
        for n in astwalk.walk(st):
            ast.copy_location(n, node)
            n.end_lineno = node.lineno
    return stmts


def _is_typed_dict(node: ast.ClassDef) -> bool:
    return any((b.id if isinstance(b, ast.Name) else getattr(b, "attr", None)) == "TypedDict" for b in node.bases)


def _typed_dict_constructor(node: ast.ClassDef) -> ast.stmt:
    """`class Movie(TypedDict): name: str` is a plain dict at run time: `Movie(name=...)`
    builds one."""
    fn = ast.parse(f"def {node.name}(**fields):\n    return dict(fields)").body[0]
    for n in astwalk.walk(fn):
        ast.copy_location(n, node)
        n.end_lineno = node.lineno
    return fn


def _cache_decorator(fn: ast.FunctionDef) -> bool:
    return any(_decorator_name(d) in CACHE_DECORATORS for d in fn.decorator_list)


def _memoize_methods(cls: ast.ClassDef) -> list[ast.stmt]:
    """`@cache` on an instance method: the method looks its arguments, self included, up
    in a module-level memo and calls the undecorated body on a miss.  Returns the memo
    tables, which go before the class."""
    tables = []
    for i, fn in enumerate(list(cls.body)):
        if not (isinstance(fn, ast.FunctionDef) and _cache_decorator(fn) and fn.args.args
                and len(fn.decorator_list) == 1 and not fn.args.vararg and not fn.args.kwarg and not fn.args.kwonlyargs):
            continue
        fn.decorator_list = []
        params = [a.arg for a in fn.args.args]
        table, uncached = f"_{cls.name}_{fn.name}_cache", f"_{fn.name}_uncached"
        source = (f"def {fn.name}({ast.unparse(fn.args)}):\n"
                  f"    key = ({', '.join(params)},)\n"
                  f"    if key in {table}:\n"
                  f"        return {table}[key]\n"
                  f"    result = {params[0]}.{uncached}({', '.join(params[1:])})\n"
                  f"    {table}[key] = result\n"
                  f"    return result\n")
        wrapper = ast.parse(source).body[0]
        memo = ast.parse(f"{table} = {{}}").body[0]
        for node in (wrapper, memo):
            for n in astwalk.walk(node):
                ast.copy_location(n, fn)
        fn.name = uncached
        cls.body.insert(cls.body.index(fn) + 1, wrapper)
        tables.append(memo)
    return tables


def _memoize(fn: ast.FunctionDef) -> list[ast.stmt]:
    """`@cache def f(a, b): body` -> a memo dict, the original as f_uncached, and f."""
    fn.decorator_list = [d for d in fn.decorator_list if _decorator_name(d) not in CACHE_DECORATORS]
    params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
    key = f"({', '.join(params)},)" if params else "()"
    table = f"_{fn.name}_cache"
    uncached = f"_{fn.name}_uncached"
    wrapper_args = ast.unparse(fn.args)
    source = (f"{table} = {{}}\n"
              f"def {fn.name}({wrapper_args}):\n"
              f"    key = {key}\n"
              f"    if key in {table}:\n"
              f"        return {table}[key]\n"
              f"    result = {uncached}({', '.join(params)})\n"
              f"    {table}[key] = result\n"
              f"    return result\n")
    generated = ast.parse(source).body
    fn.name = uncached
    for node in generated:
        for n in astwalk.walk(node):
            ast.copy_location(n, fn)
    return [generated[0], fn, generated[1]]
