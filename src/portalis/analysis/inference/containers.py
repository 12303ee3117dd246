"""Which lists the lowering holds as typed `List<T>` instead of a `Value` list.

The inference gives every list one element place shared by all its aliases, so a
*list class* (the root of that place) is the unit of decision: either every list of
the class is a runtime `List<T>` or none is.  A class is typed when
- its elements have one native type: `int`, `float`, `bool`, `str`, or a list of a
  typed class (nesting is allowed both ways: a typed list's elements and the list
  holding it are typed together);
- every place holding such a list is a place the lowering can type: a plain local of
  a function or of the module body, a parameter or the result of a module function
  that is only called directly, or the elements of a typed list;
- every expression of the class is a form the lowering builds natively (a literal,
  `[x] * n`, a comprehension, a slice, `list(...)`, `sorted(...)`, a call of such a
  function, `str.split`) and is used by an operation the lowering does natively
  (indexing, `len`, `append`, `for`, ...) or only read where a copy boxed as a `Value`
  behaves the same (`print`, `str`, `==`, `in`, `sum`, ...).  Anything else, a store
  into a dict, an attribute, a tuple, a call of unknown code, keeps the class dynamic,
  since a copy would break Python's aliasing;
- int elements are i64 when every value stored is a proven machine int and does not
  grow by feeding on the list itself (`analysis.types.MachineInts` decides this together
  with the int locals); otherwise (a Fibonacci table, where ints grow big) they are the
  runtime's exact `Int`.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cached_property

from portalis.analysis.inference.lattice import CONTAINERS, Place, Ty
from portalis.analysis.inference.solve import Inference
from portalis.analysis.inference.structs import StructPlan
from portalis.frontend import astwalk

_SCALARS = {"int": "i64", "float": "f64", "bool": "bool", "str": "Str"}
# Methods of a typed list the lowering calls natively.
LIST_METHODS = {"append": (1, 1), "pop": (0, 1), "insert": (2, 2), "reverse": (0, 0), "sort": (0, 0),
                "copy": (0, 0), "extend": (1, 1), "clear": (0, 0), "index": (1, 1), "count": (1, 1),
                "remove": (1, 1)}
# Builtins that only read a list: a boxed copy gives the same result.
READING_BUILTINS = {"len", "sum", "min", "max", "sorted", "list", "print", "str", "repr", "tuple", "set",
                    "frozenset", "any", "all", "bool", "enumerate", "zip"}
_FRESH_BUILTINS = ("list", "sorted")
_LAZY_READERS = ("filter", "map", "reversed")  # iterators over a list: a copy only if read at once
_BOXED_METHODS = ("index", "count")  # read through a boxed copy
_PURE_BUILTINS = {"len", "abs", "min", "max", "sum", "str", "repr", "int", "float", "bool", "round", "sorted",
                  "list", "tuple", "chr", "ord", "range", "enumerate", "zip", "any", "all", "set", "isinstance",
                  "divmod", "pow", "hash", "format"}
_STR_SPLITS = ("split", "rsplit", "splitlines")
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)  # the scopes `_scope_of` names
_ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Pow, ast.LShift, ast.FloorDiv, ast.Mod, ast.BitOr, ast.BitXor,
               ast.BitAnd, ast.RShift)
# Dunders that compare instances: a list of them compares through the class.
_COMPARISONS = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__"}
# Operators whose result can outgrow an operand even when the other one is a constant (`x * 3`).
GROWTH_OPS = (ast.Mult, ast.Pow, ast.LShift)


def list_class(ty: Ty | None) -> Place | None:
    """The element place (root) of a type that is exactly one list."""
    if ty is None or len(ty.atoms) != 1 or "list" not in ty.atoms:
        return None
    return ty.atoms["list"].find()


@dataclass
class TypedContainers:
    """The typed list classes and the Rust type of their elements."""
    elements: dict[int, str] = field(default_factory=dict)  # id(class root) -> Rust element type
    inference: Inference | None = None
    # For int classes, the values stored into them, checked by MachineInts:
    # id(class) -> [(expression, scope node, extra int names) | ("elems", class id) | ("range", call, scope)]
    int_writes: dict[int, list] = field(default_factory=dict)
    parents: dict[int, set[int]] = field(default_factory=dict)  # class -> classes whose elements hold it
    inner: dict[int, int] = field(default_factory=dict)  # class whose elements are lists -> their class
    # Typed dict classes (`inference.dicts`): id(value place root) -> (Rust key type, Rust value type),
    # and for int keys ("k") and values ("v") the expressions MachineInts must prove machine ints.
    dicts: dict[int, tuple[str, str]] = field(default_factory=dict)
    dict_int_writes: dict[tuple[int, str], list] = field(default_factory=dict)
    sets: dict[int, str] = field(default_factory=dict)  # id(element place root) -> Rust element type (`inference.sets`)

    def rust_type(self, ty: Ty | None) -> str | None:
        """`List<T>`, `Map<K, V>` or `SetOf<T>` for a type that is one typed list, dict or set, else None."""
        cls = list_class(ty)
        if cls is None or id(cls) not in self.elements:
            return self.map_type(ty) or self.set_type(ty)
        return f"List<{self.elements[id(cls)]}>"

    def set_type(self, ty: Ty | None) -> str | None:
        if ty is None or len(ty.atoms) != 1 or "set" not in ty.atoms:
            return None
        elem = self.sets.get(id(ty.atoms["set"].find()))
        return f"SetOf<{elem}>" if elem else None

    def map_type(self, ty: Ty | None) -> str | None:
        if ty is None or len(ty.atoms) != 1 or "dict" not in ty.atoms:
            return None
        kv = self.dicts.get(id(ty.atoms["dict"][1].find()))
        return f"Map<{kv[0]}, {kv[1]}>" if kv else None

    def dict_part(self, ty: Ty | None, part: str) -> str | None:
        """The Rust key ("k") or value ("v") type of a typed dict."""
        rust = self.map_type(ty)
        if rust is None:
            return None
        return self.dicts[id(ty.atoms["dict"][1].find())][0 if part == "k" else 1]

    def drop_dicts(self, class_ids) -> None:
        for cid in class_ids:
            self.dicts.pop(cid, None)

    def expr_type(self, node: ast.expr) -> str | None:
        """The `List<T>` type of an expression that is a typed list."""
        rust = self.rust_type(self.inference.expr_type(node)) if self.inference is not None else None
        return rust if rust is not None and rust.startswith("List<") else None

    def is_int_class(self, ty: Ty | None) -> bool:
        cls = list_class(ty)
        return cls is not None and self.elements.get(id(cls)) == "i64"

    def widen(self, class_ids) -> None:
        """Int classes whose values may outgrow 64 bits hold exact `Int`s instead of i64,
        together with the int classes mixed with them; the lists holding them follow."""
        todo = list(class_ids)
        while todo:
            c = todo.pop()
            if self.elements.get(c) != "i64":
                continue
            self.elements[c] = "Int"
            todo.extend(self.parents.get(c, ()))
            todo.extend(k for k, parents in self.parents.items() if c in parents)
        for c in self.inner:
            if c in self.elements:
                self.elements[c] = self._nested(c)

    def _nested(self, c: int) -> str:
        inner = self.inner.get(c)
        return self.elements[c] if inner is None else f"List<{self._nested(inner)}>"

    def drop(self, class_ids) -> None:
        """Make classes dynamic, with every typed list holding them or held by them."""
        todo = list(class_ids)
        while todo:
            c = todo.pop()
            if c not in self.elements:
                continue
            del self.elements[c]
            todo.extend(self.parents.get(c, ()))
            todo.extend(k for k, parents in self.parents.items() if c in parents)


def typed_containers(inference: Inference, direct_functions: set[str], module_globals: set[str],
                     structs: StructPlan | None = None) -> TypedContainers:
    """`structs`: the classes held as structs, whose instances a typed list may hold."""
    out = TypedContainers(inference=inference)
    if not inference.converged:
        return out
    finder = _Finder(inference, direct_functions, module_globals, out, structs)
    finder.run()
    return out


class _Finder:
    def __init__(self, inference: Inference, direct_functions: set[str], module_globals: set[str],
                 out: TypedContainers, structs: StructPlan | None = None):
        self.inference = inference
        self.structs = structs or StructPlan()
        self.model = inference.model
        self.direct = direct_functions
        self.module_globals = module_globals
        self.out = out
        self.classes: dict[int, Place] = {}
        self.bad: set[int] = set()
        self.mentioned: set[int] = set()  # ids of the (live, immutable) types `_check_expr` has noted

    # ---- driver ---------------------------------------------------------------------------

    def run(self) -> None:
        self._check_places()
        for node in self.model.parsed.nodes:
            if isinstance(node, ast.expr):
                self._check_expr(node)
            elif isinstance(node, ast.stmt):
                self._check_stmt(node)
        for cid, cls in self.classes.items():
            rust = self._element_rust(cls)
            if rust is None:
                self.bad.add(cid)
            else:
                self.out.elements[cid] = rust
        self.out.drop(self.bad & set(self.out.elements) | self.bad)
        for cid in list(self.out.int_writes):
            if cid not in self.out.elements or self.out.elements[cid] != "i64":
                del self.out.int_writes[cid]
        self.out.widen([c for c in self.out.int_writes if self._grows(c)])

    # ---- where each node sits: built on first use (a module without lists never asks) ----

    @property
    def parent(self) -> dict[int, ast.AST]:
        return self._index[0]

    @property
    def field(self) -> dict[int, str]:
        return self._index[1]

    @cached_property
    def _index(self) -> tuple[dict, dict]:
        """Each node's parent and the parent's field holding it (by id)."""
        parent: dict[int, ast.AST] = {}
        field_of: dict[int, str] = {}
        for node in self.model.parsed.nodes:
            for name in astwalk.child_fields(node.__class__):
                value = getattr(node, name, None)
                for child in value if value.__class__ is list else (value,):
                    if isinstance(child, ast.AST):
                        parent[id(child)] = node
                        field_of[id(child)] = name
        return parent, field_of

    # ---- classes ------------------------------------------------------------------------------

    def _mention(self, ty: Ty | None, held_ok: bool) -> None:
        """Note the list classes in `ty`; those not in a position the lowering can type
        are bad.  `held_ok`: `ty` sits in a typed holder (it may be exactly one list)."""
        if ty is None:
            return
        cls = list_class(ty)
        if cls is not None:
            self._note_class(cls)
            if not held_ok:
                self.bad.add(id(cls))
            return
        self._bad_within(ty, set())

    def _bad_within(self, ty: Ty, seen: set[int]) -> None:
        for atom, payload in ty.atoms.items():
            places = [payload] if atom in CONTAINERS else list(payload) if atom == "dict" else []
            if atom == "list":
                root = payload.find()
                self._note_class(root)
                self.bad.add(id(root))
            for place in places:
                root = place.find()
                if id(root) not in seen:
                    seen.add(id(root))
                    self._bad_within(root.ty, seen)
            if atom.startswith("tuple"):
                for item in payload:
                    self._bad_within(item, seen)

    def _note_class(self, cls: Place) -> None:
        cid = id(cls)
        if cid in self.classes:
            return
        self.classes[cid] = cls
        inner = list_class(cls.ty)
        if inner is not None:
            self._note_class(inner)
            self.out.parents.setdefault(id(inner), set()).add(cid)
            self.out.inner[cid] = id(inner)
        elif _scalar_rust(cls.ty) is None and _tuple_rust(cls.ty) is None and self._instance_type(cls.ty) is None:
            self.bad.add(cid)
            self._bad_within(cls.ty, set())

    def _element_rust(self, cls: Place) -> str | None:
        ty = cls.ty
        inner = list_class(ty)
        if inner is not None:
            if id(inner) in self.bad:
                return None
            rust = self._element_rust(inner)
            return f"List<{rust}>" if rust else None
        return _scalar_rust(ty) or _tuple_rust(ty) or self._instance_type(ty)

    def _instance_type(self, ty: Ty) -> str | None:
        """`Obj<Body>` (or `Option<Obj<Body>>`) for elements that are instances of a struct
        hierarchy compared by identity (no comparison dunders)."""
        rust = self.structs.rust_type(ty)
        if rust is None:
            return None
        info = self.structs.by_rust(rust)
        if any(_COMPARISONS & set(self.model.classes[m].methods) for m in info.members):
            return None
        return rust

    def _orders_elements(self, node: ast.expr) -> bool:
        """A list used where its elements are compared or ordered (`==`, `in`, `sorted`,
        `.sort()`, `.index()`...): with instances, that needs their classes' dunders."""
        parent = self.parent.get(id(node))
        if isinstance(parent, ast.Compare):
            return not all(isinstance(op, (ast.Is, ast.IsNot)) for op in parent.ops)
        if isinstance(parent, ast.Attribute):
            return parent.attr in ("sort", "index", "count", "remove")
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name):
            return parent.func.id in ("sorted", "min", "max", "sum", "set", "frozenset")
        return False

    # ---- places -------------------------------------------------------------------------------

    def _check_places(self) -> None:
        scopes = self.model.scopes
        module = scopes.module
        holders: set[int] = set()
        for facts in self.model.functions.values():
            node = facts.node
            scope = scopes.scope_of(node)
            direct = facts.cls is None and node.name in self.direct and self.model.module_functions.get(node.name) is facts
            for name, place in facts.params:
                if direct and name not in scope.cells:
                    holders.add(id(place))
            if direct and astwalk.ends_with_return(node.body) and not scope.is_generator:
                holders.add(id(facts.ret))
            self._mention_result(facts, id(facts.ret) in holders)
        for (scope_id, name), place in self.model.vars.items():
            scope = next((s for s in (scopes.by_node.get(scope_id),) if s is not None), None)
            ok = id(place) in holders
            if scope is not None and not ok:
                if scope.kind == "module":
                    ok = name not in self.module_globals and name in scope.assigned
                elif scope.kind == "comprehension":
                    ok = name in self._typed_loop_names(scope.node)
                elif scope.kind == "function":
                    ok = name in scope.locals and name not in scope.cells and name not in scope.free \
                        and name not in scope.params
            self._mention(place.type, ok)
        for cls in self.model.classes.values():
            for place in cls.attrs.values():
                self._mention(place.type, False)

    def _mention_result(self, facts, held_ok: bool) -> None:
        self._mention(facts.ret.type, held_ok)

    def _typed_loop_names(self, comprehension: ast.AST) -> set[str]:
        """Variables of a comprehension bound by `for x in lst` over a list: the lowering
        iterates the typed list natively and holds `x` typed."""
        return {g.target.id for g in getattr(comprehension, "generators", ())
                if isinstance(g.target, ast.Name) and not g.is_async and list_class(self._ty(g.iter)) is not None}

    # ---- expressions --------------------------------------------------------------------------

    def _check_expr(self, node: ast.expr) -> None:
        ty = self.inference.expr_type(node)
        if ty is None or not ty.atoms:
            return
        cls = list_class(ty)
        if cls is None:
            if id(ty) not in self.mentioned:  # many expressions share one type object (a variable's)
                self.mentioned.add(id(ty))
                self._mention(ty, False)
            return
        self._note_class(cls)
        if not (self._produced(node) and self._used(node)):
            self.bad.add(id(cls))
        elif not (len(cls.ty.atoms) == 1 and next(iter(cls.ty.atoms)) in _SCALARS) and self._orders_elements(node):
            self.bad.add(id(cls))
        self._writes(node, cls)

    def _ty(self, node: ast.expr | None) -> Ty | None:
        return self.inference.expr_type(node) if node is not None else None

    def _name_type(self, name: ast.Name) -> Ty | None:
        """The type of the variable a name stored to refers to."""
        place = self.model.lookup(self.model.scopes.scope_of(self._scope_of(name)), name.id)
        return place.type if place is not None else None

    def _is_int(self, node: ast.expr) -> bool:
        ty = self._ty(node)
        return ty is not None and ty.only("int", "bool")

    def _is_str(self, node: ast.expr) -> bool:
        ty = self._ty(node)
        return ty is not None and ty.single() == "str"

    def _produced(self, node: ast.expr) -> bool:
        """The expression is a form the lowering builds as a typed list."""
        if isinstance(node, ast.Name):
            return True
        if isinstance(node, ast.Starred):
            return self._produced(node.value)
        if isinstance(node, ast.List):
            return not any(isinstance(e, ast.Starred) for e in node.elts)
        if isinstance(node, ast.ListComp):
            return True
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Mult):
                lst, n = (node.left, node.right) if list_class(self._ty(node.left)) else (node.right, node.left)
                return self._is_int(n)
            return isinstance(node.op, ast.Add)
        if isinstance(node, ast.Subscript):
            if isinstance(node.slice, ast.Slice):
                return all(b is None or self._is_int(b) for b in (node.slice.lower, node.slice.upper, node.slice.step))
            return self._is_int(node.slice)
        if isinstance(node, ast.Call) and not node.keywords and not any(isinstance(a, ast.Starred) for a in node.args):
            func = node.func
            if isinstance(func, ast.Name):
                if func.id in self.direct and func.id in self.model.module_functions:
                    return True
                return func.id in _FRESH_BUILTINS and len(node.args) == 1 and self._builtin(func)
            if isinstance(func, ast.Attribute):
                recv = self._ty(func.value)
                if list_class(recv) is not None:
                    return func.attr in ("copy", "pop")
                return recv is not None and recv.single() == "str" and func.attr in _STR_SPLITS
        return False

    def _builtin(self, name: ast.Name) -> bool:
        """`name` is the builtin of that name, not shadowed by a variable or function."""
        model = self.model
        if name.id in model.module_functions or name.id in model.classes or name.id in model.imports:
            return False
        s = model.scopes.scope_of(self._scope_of(name))
        while s is not None:
            if name.id in s.assigned or name.id in s.params:
                return False
            s = s.parent
        return True

    def _tested_or_compared(self, node: ast.expr, parent: ast.AST, fld: str) -> bool | None:
        """A truth test, `not` or a comparison (read through a copy, never `is`): whether the
        lowering handles it; None for any other context."""
        if isinstance(parent, (ast.If, ast.While)):
            return fld == "test"
        if isinstance(parent, ast.UnaryOp):
            return isinstance(parent.op, ast.Not)
        if isinstance(parent, ast.Compare):
            later = parent.comparators[parent.comparators.index(node) + 1:] if node in parent.comparators \
                else parent.comparators
            return not any(isinstance(op, (ast.Is, ast.IsNot)) for op in parent.ops) and self._pure(later)
        return None

    def _used(self, node: ast.expr) -> bool:
        """The context of the expression is one the lowering handles natively or by a copy."""
        parent = self.parent.get(id(node))
        fld = self.field.get(id(node))
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            return isinstance(parent, (ast.Assign, ast.AnnAssign, ast.For, ast.AugAssign)) \
                or (isinstance(parent, ast.Tuple) and isinstance(self.parent.get(id(parent)), ast.For))
        if isinstance(parent, ast.Assign):
            if fld != "value" or len(parent.targets) != 1:
                return False
            target = parent.targets[0]
            return isinstance(target, ast.Name) or (isinstance(target, ast.Subscript) and self._is_int(target.slice)
                                                    and list_class(self._ty(target.value)) is not None)
        if isinstance(parent, (ast.List, ast.ListComp)):
            return fld in ("elts", "elt")  # the elements of a list typed with this one
        if isinstance(parent, ast.AnnAssign):
            return fld == "value" and isinstance(parent.target, ast.Name)
        if isinstance(parent, ast.AugAssign):
            return fld == "value" and isinstance(parent.op, ast.Add) and isinstance(parent.target, ast.Name) \
                and list_class(self._name_type(parent.target)) is not None
        if isinstance(parent, (ast.Return, ast.Expr, ast.FormattedValue)):
            return True
        if isinstance(parent, ast.Starred):
            return self._used(parent)
        if isinstance(parent, (ast.For, ast.comprehension)):
            return fld == "iter"
        tested = self._tested_or_compared(node, parent, fld)
        if tested is not None:
            return tested
        if isinstance(parent, ast.Subscript):
            return fld == "value"
        if isinstance(parent, ast.BinOp):
            if isinstance(parent.op, ast.Add):
                return list_class(self._ty(parent.left)) is list_class(self._ty(parent.right))
            return isinstance(parent.op, ast.Mult)
        if isinstance(parent, ast.Attribute):
            call = self.parent.get(id(parent))
            arity = LIST_METHODS.get(parent.attr)
            return isinstance(call, ast.Call) and call.func is parent and arity is not None \
                and arity[0] <= len(call.args) <= arity[1] and not call.keywords \
                and not any(isinstance(a, ast.Starred) for a in call.args) \
                and (parent.attr not in _BOXED_METHODS or self._pure(call.args)) \
                and (parent.attr != "remove" or self._same_elements(node, call.args[0]))
        if isinstance(parent, ast.Call) and fld == "args" and parent.args[0] is node and not parent.keywords:
            name = heapq_function(parent, self.model.imports)
            if name is not None and len(parent.args) == 1 + HEAPQ_ITEM_ARGS[name]:
                return True
        if isinstance(parent, ast.Call) and fld == "args" and isinstance(parent.func, ast.Name) \
                and parent.func.id == "zip" and not parent.keywords and self._builtin(parent.func):
            return self._pure(parent.args[parent.args.index(node) + 1:]) and self._flat_rows(node)
        if isinstance(parent, ast.Call) and fld == "args" and not parent.keywords \
                and not any(isinstance(a, ast.Starred) for a in parent.args):
            func = parent.func
            if isinstance(func, ast.Name):
                if func.id in self.direct and func.id in self.model.module_functions:
                    return True
                later = parent.args[parent.args.index(node) + 1:]
                if func.id in _LAZY_READERS and self._builtin(func):
                    return self._consumed_at_once(parent) and self._pure(later)
                return func.id in READING_BUILTINS and self._builtin(func) and self._pure(later)
            if isinstance(func, ast.Attribute) and list_class(self._ty(func.value)) is not None:
                return func.attr in ("append", "insert", "extend")
            if isinstance(func, ast.Attribute) and func.attr == "join" and len(parent.args) == 1:
                receiver = self._ty(func.value)
                return receiver is not None and receiver.single() == "str"  # reads the list at once
        return False

    def _flat_rows(self, node: ast.expr) -> bool:
        """`zip(*rows)` boxes copies of the rows into the tuples it yields: only scalars
        may be in them (a list would be a copy, not the list itself)."""
        if not isinstance(node, ast.Starred):
            return True
        rows = list_class(self._ty(node.value))
        row = list_class(rows.ty) if rows is not None else None
        return row is not None and list_class(row.ty) is None

    def _same_elements(self, lst: ast.expr, item: ast.expr) -> bool:
        """`item` has exactly the type of the list's elements (`lst.remove(item)` then
        compares like with like)."""
        cls, ty = list_class(self._ty(lst)), self._ty(item)
        if cls is None or ty is None or len(ty.atoms) != 1:
            return False
        inner = list_class(ty)
        return inner is list_class(cls.ty) if inner is not None else set(ty.atoms) == set(cls.ty.atoms)

    def _consumed_at_once(self, node: ast.expr) -> bool:
        """An iterator (`filter(f, lst)`) that a loop or a builtin reads to the end at once,
        so that reading a copy of the list is the same as reading the list."""
        parent = self.parent.get(id(node))
        if isinstance(parent, (ast.For, ast.comprehension)):
            return self.field.get(id(node)) == "iter"
        return isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and len(parent.args) == 1 \
            and parent.func.id in ("list", "sorted", "sum", "min", "max", "tuple", "set", "any", "all") \
            and self._builtin(parent.func)

    def _pure_call(self, call: ast.Call) -> bool:
        """A builtin that changes no list, a method of a str or number, a list method that
        only reads, or a call that is handed no list: typed lists are held only by locals,
        parameters and typed lists, so code can only reach one through its arguments."""
        func = call.func
        if isinstance(func, ast.Name) and func.id in _PURE_BUILTINS and self._builtin(func):
            return True
        if isinstance(func, ast.Name) and func.id != "next":
            parts = call.args + [k.value for k in call.keywords]
            return not any(_mentions_list(self._ty(a.value if isinstance(a, ast.Starred) else a)) for a in parts)
        receiver = self._ty(func.value) if isinstance(func, ast.Attribute) else None
        if receiver is not None and list_class(receiver) is not None:
            return func.attr in ("index", "count", "copy")
        return receiver is not None and receiver.only("str", "int", "float", "bool")

    def _pure(self, exprs: list[ast.expr]) -> bool:
        """Evaluating `exprs` cannot change a list: a list boxed as a copy before them
        is still what Python reads after them."""
        for e in exprs:
            for n in astwalk.walk(e):
                if isinstance(n, (ast.NamedExpr, ast.Yield, ast.YieldFrom, ast.Await, ast.Lambda)):
                    return False
                if isinstance(n, ast.Call) and not self._pure_call(n):
                    return False
        return True

    # ---- what is stored into int lists ----------------------------------------------------------

    def _scope_of(self, node: ast.AST) -> ast.AST:
        """The def (or lambda, or the module) that `node` runs in."""
        scope = self.parent.get(id(node))
        while scope is not None and not isinstance(scope, _DEFS):
            scope = self.parent.get(id(scope))
        return scope if scope is not None else self.model.parsed.tree

    def _write(self, cls: Place, item) -> None:
        self.out.int_writes.setdefault(id(cls), []).append(item)

    def _write_int(self, cls: Place, item) -> None:
        if len(cls.ty.atoms) == 1 and "int" in cls.ty.atoms:
            self._write(cls, item)

    def _link(self, a: Place, b: Place) -> None:
        """Two classes the lowering mixes (`a.extend(b)`): typed together or not at all."""
        self._note_class(a)
        self._note_class(b)
        self.out.parents.setdefault(id(a), set()).add(id(b))

    def _writes(self, node: ast.expr, cls: Place) -> None:
        """Values that flow into the elements of `cls` at this expression (only int
        classes need them), and classes the lowering mixes with it."""
        scope = self._scope_of(node)
        parent = self.parent.get(id(node))
        call = self.parent.get(id(parent))
        if isinstance(parent, ast.Attribute) and self.field.get(id(node)) == "value" \
                and isinstance(call, ast.Call) and call.args:
            if parent.attr == "append":
                self._write_int(cls, (call.args[0], scope, ()))
            elif parent.attr == "insert" and len(call.args) == 2:
                self._write_int(cls, (call.args[1], scope, ()))
            elif parent.attr == "extend":
                source = list_class(self._ty(call.args[0]))
                if source is None:
                    self.bad.add(id(cls))
                else:
                    self._link(cls, source)
                    self._write_int(cls, ("elems", source))
        elif isinstance(parent, ast.AugAssign) and self.field.get(id(node)) == "value":
            target = list_class(self._name_type(parent.target)) if isinstance(parent.target, ast.Name) else None
            if target is not None:
                self._link(target, cls)
                self._write_int(target, ("elems", cls))
        if not (len(cls.ty.atoms) == 1 and "int" in cls.ty.atoms):
            return
        if isinstance(node, ast.List):
            for e in node.elts:
                self._write(cls, (e, scope, ()))
        elif isinstance(node, ast.ListComp):
            names = []
            for g in node.generators:
                source = list_class(self._ty(g.iter))
                if not isinstance(g.target, ast.Name) or g.is_async:
                    self.bad.add(id(cls))
                elif is_range_call(g.iter):
                    self._write(cls, ("range", g.iter, scope))
                elif source is not None:
                    self._write(cls, ("elems", source))  # its variable is an int while the source is
                elif self._is_str(g.iter):
                    continue  # its variable is a str: not an int the element could be
                else:
                    self.bad.add(id(cls))
                names.append(getattr(g.target, "id", ""))
            self._write(cls, (node.elt, scope, tuple(names)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FRESH_BUILTINS \
                and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id in ("filter", "reversed") \
                    and arg.args and self._builtin(arg.func):
                arg = arg.args[-1]  # the items of the list, some of them or reversed
            source = list_class(self._ty(arg))
            if source is not None:
                self._write(cls, ("elems", source))
            elif is_range_call(arg):
                self._write(cls, ("range", arg, scope))
            else:
                self.bad.add(id(cls))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _STR_SPLITS:
            self.bad.add(id(cls))

    def _check_stmt(self, node: ast.stmt) -> None:
        """Item stores `lst[i] = v` and `lst[i] op= v` into int lists."""
        if isinstance(node, ast.Assign):
            for target in node.targets:
                self._store(target, node.value, node)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Subscript):
            cls = list_class(self._ty(node.target.value))
            if cls is not None:
                load = ast.Subscript(node.target.value, node.target.slice, ast.Load())
                self._store(node.target, ast.BinOp(load, node.op, node.value), node)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Subscript):
                    cls = list_class(self._ty(target.value))
                    if cls is not None:
                        self.bad.add(id(cls))

    def _store(self, target: ast.expr, value: ast.expr, stmt: ast.stmt) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            items = value.elts if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) \
                else None
            for i, t in enumerate(target.elts):
                if isinstance(t, ast.Subscript) and list_class(self._ty(t.value)) is not None:
                    cls = list_class(self._ty(t.value))
                    if items is None or isinstance(t.slice, ast.Slice):
                        self.bad.add(id(cls))
                    else:
                        self._store(t, items[i], stmt)
            return
        if not isinstance(target, ast.Subscript):
            return
        cls = list_class(self._ty(target.value))
        if cls is None:
            return
        if isinstance(target.slice, ast.Slice) or not self._is_int(target.slice):
            self.bad.add(id(cls))
            return
        self._note_class(cls)
        if len(cls.ty.atoms) == 1 and "int" in cls.ty.atoms:
            self._write(cls, (value, self._scope_of(stmt), ()))

    # ---- growth ---------------------------------------------------------------------------------

    def _grows(self, cid: int) -> bool:
        """Whether a value stored into int class `cid` can be computed by arithmetic on
        its own items (directly or through locals), so that it may grow past 64 bits."""
        for item in self.out.int_writes.get(cid, ()):
            if isinstance(item[0], str):
                continue
            expr, scope, _ = item
            if cid in self._arith_reads(expr, scope, set()):
                return True
        return False

    def _class_id(self, container: ast.expr) -> int | None:
        """The class an expression read by indexing or a method call belongs to."""
        cls = list_class(self._ty(container))
        return id(cls) if cls is not None else None

    def _reads(self, expr: ast.AST, scope: ast.AST, seen: set) -> set[int]:
        """Int classes whose items `expr` reads, directly or through the locals it uses."""
        found: set[int] = set()
        for n in astwalk.walk(expr):
            if isinstance(n, ast.Subscript) or (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)):
                cid = self._class_id(n.value if isinstance(n, ast.Subscript) else n.func.value)
                if cid is not None:
                    found.add(cid)
            elif isinstance(n, ast.Name) and (id(scope), n.id) not in seen:
                seen.add((id(scope), n.id))
                for bound in self._bindings(scope, n.id):
                    found |= self._reads(bound, scope, seen)
        return found

    def _arith_reads(self, expr: ast.AST, scope: ast.AST, seen: set) -> set[int]:
        found: set[int] = set()
        for n in astwalk.walk(expr):
            if isinstance(n, ast.BinOp) and isinstance(n.op, _ARITHMETIC) and (
                    isinstance(n.op, GROWTH_OPS)
                    or not isinstance(n.left, ast.Constant) and not isinstance(n.right, ast.Constant)):
                found |= self._reads(n, scope, set())
            elif isinstance(n, ast.Name) and (id(scope), n.id) not in seen:
                seen.add((id(scope), n.id))
                for bound in self._bindings(scope, n.id):
                    found |= self._arith_reads(bound, scope, seen)
        return found

    def _bindings(self, scope: ast.AST, name: str) -> list[ast.AST]:
        """Expressions assigned to local `name` in `scope` (loops bind their iterables)."""
        cache = self.__dict__.setdefault("_binding_cache", {})
        key = id(scope)
        if key not in cache:
            table: dict[str, list] = {}
            body = scope.body if isinstance(scope, (ast.Module, ast.FunctionDef)) else []
            for n in astwalk.own_nodes(body):
                if isinstance(n, ast.Assign):
                    for t in n.targets:
                        for name_node in astwalk.walk(t):
                            if isinstance(name_node, ast.Name) and isinstance(name_node.ctx, ast.Store):
                                table.setdefault(name_node.id, []).append(n.value)
                elif isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name):
                    table.setdefault(n.target.id, []).append(ast.BinOp(n.target, n.op, n.value))
                elif isinstance(n, (ast.For, ast.comprehension)):
                    for name_node in astwalk.walk(n.target):
                        if isinstance(name_node, ast.Name):
                            table.setdefault(name_node.id, []).append(n.iter)
                elif isinstance(n, ast.NamedExpr):
                    table.setdefault(n.target.id, []).append(n.value)
            cache[key] = table
        return cache[key].get(name, [])


def _scalar_rust(ty: Ty) -> str | None:
    return _SCALARS.get(next(iter(ty.atoms))) if len(ty.atoms) == 1 else None


def _tuple_rust(ty: Ty) -> str | None:
    """`(Int, Str)` for a tuple of one to four scalars of one type each.  Its ints are
    the exact `Int`: nothing proves a tuple item small."""
    atom = ty.single()
    if atom is None or not atom.startswith("tuple") or not 1 <= len(ty.atoms[atom]) <= 4:
        return None
    items = [_scalar_rust(t) for t in ty.atoms[atom]]
    if None in items:
        return None
    items = ["Int" if t == "i64" else t for t in items]
    return f"({items[0]},)" if len(items) == 1 else "(" + ", ".join(items) + ")"


def heapq_function(call: ast.Call, imports: dict[str, str]) -> str | None:
    """`heappush` for `heapq.heappush(...)` or an imported `heappush(...)` (the names
    the module imported, as `ProgramModel.imports` records them)."""
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and imports.get(func.value.id) == "heapq":
        name = func.attr
    elif isinstance(func, ast.Name) and imports.get(func.id, "").startswith("heapq."):
        name = imports[func.id][len("heapq."):]
    else:
        return None
    return name if name in HEAPQ_ITEM_ARGS else None


# The `heapq` functions done natively on a typed list, with how many items they take after it.
HEAPQ_ITEM_ARGS = {"heappush": 1, "heappop": 0, "heapify": 0, "heappushpop": 1, "heapreplace": 1}


def _mentions_list(ty: Ty | None) -> bool:
    """Whether a value of this type can be or hold a list (a value of unknown type can)."""
    if ty is None:
        return True
    for atom, payload in ty.atoms.items():
        if atom in ("list", "dyn", "func", "iter") or atom.startswith("class:"):
            return True
        if atom == "dict" and _mentions_list(payload[1].find().ty):  # keys are never lists
            return True
        if atom.startswith("tuple") and any(_mentions_list(t) for t in payload):
            return True
    return False


def is_range_call(node: ast.expr) -> bool:
    """`range(...)` with one to three positional arguments."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range" \
        and 1 <= len(node.args) <= 3 and not node.keywords
