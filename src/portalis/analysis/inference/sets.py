"""Which sets the lowering holds as typed `SetOf<T>` instead of a `Value` set.

As for lists and dicts (`containers`, `dicts`), the unit of decision is a *set class*:
all the sets whose element places the inference unified.  A class is typed when
- its elements are all `int` (held as the exact `Int`, so nothing needs proving
  small) or all `str`;
- every place holding one is a plain local, a parameter or the result of a module
  function only called directly (the places a typed list may live in);
- every expression of the class makes a fresh set (a display, a comprehension,
  `set(...)`, `s.copy()`, `a | b`, `s.union(...)`, a call of such a function) or
  is a name, and is used natively (`add`, `discard`, `remove`, `pop`, `clear`,
  `in` with an item of the element type, `len`, `for`) or only read at once, where a
  boxed copy behaves the same (`print`, `sorted`, `==`, and outside loops, where a copy
  per pass would cost more than it saves, `a | b` and `s.union(t)`).  A frozenset, an in-place operator
  (`s |= t`) or `update` keeps the class dynamic.
The runtime's set table is CPython's, slot for slot, and a set built as a `Value`
is converted keeping its slots, so iteration and printing order are CPython's.
"""
from __future__ import annotations

import ast

from portalis.analysis.inference.containers import READING_BUILTINS, TypedContainers, _Finder
from portalis.analysis.inference.lattice import CONTAINERS, Place, Ty
from portalis.analysis.inference.solve import Inference

_ELEMENTS = {"int": "Int", "str": "Str"}
# Methods the lowering calls natively: name -> (fewest, most) arguments.
SET_METHODS = {"add": (1, 1), "discard": (1, 1), "remove": (1, 1), "pop": (0, 0), "clear": (0, 0),
               "copy": (0, 0)}
# Methods that only read the set and make a new one (or a bool): a boxed copy does.
_READING_METHODS = ("union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset",
                    "isdisjoint")
_SET_OPERATORS = (ast.BitOr, ast.BitAnd, ast.Sub, ast.BitXor)


def set_class(ty: Ty | None) -> Place | None:
    """The element place (root) of a type that is exactly one set."""
    if ty is None or len(ty.atoms) != 1 or "set" not in ty.atoms:
        return None
    return ty.atoms["set"].find()


def typed_sets(inference: Inference, direct_functions: set[str], module_globals: set[str],
               out: TypedContainers) -> None:
    """Adds the typed set classes to `out`."""
    if inference.converged:
        _SetFinder(inference, direct_functions, module_globals, out).run()


class _SetFinder(_Finder):
    """The list finder's walk (places, purity) with the set rules."""

    def run(self) -> None:
        self.sets: dict[int, Place] = {}
        self._check_places()
        for node in self.model.parsed.nodes:
            if isinstance(node, ast.expr):
                self._check_set_expr(node)
        for cid, cls in self.sets.items():
            atoms = cls.ty.atoms
            rust = _ELEMENTS.get(next(iter(atoms))) if len(atoms) == 1 else None
            if cid not in self.bad and rust is not None:
                self.out.sets[cid] = rust

    # ---- classes ----------------------------------------------------------------------------

    def _mention(self, ty: Ty | None, held_ok: bool) -> None:
        if ty is None:
            return
        cls = set_class(ty)
        if cls is not None:
            cid = self._note(cls)
            if not held_ok:
                self.bad.add(cid)
            return
        self._bad_sets(ty, set())

    def _bad_sets(self, ty: Ty, seen: set[int]) -> None:
        """Every set class reachable inside `ty` (in lists, dicts, tuples, unions) is dynamic."""
        for atom, payload in ty.atoms.items():
            if atom == "set":
                self.bad.add(self._note(payload.find()))
            places = [payload] if atom in CONTAINERS else list(payload) if atom == "dict" else []
            for place in places:
                root = place.find()
                if id(root) not in seen:
                    seen.add(id(root))
                    self._bad_sets(root.ty, seen)
            if atom.startswith("tuple"):
                for item in payload:
                    self._bad_sets(item, seen)

    def _note(self, cls: Place) -> int:
        cid = id(cls)
        if cid not in self.sets:
            self.sets[cid] = cls
        return cid

    # ---- expressions --------------------------------------------------------------------------

    def _check_set_expr(self, node: ast.expr) -> None:
        ty = self._ty(node)
        if ty is None or not ty.atoms:
            return
        cls = set_class(ty)
        if cls is None:
            if id(ty) not in self.mentioned:
                self.mentioned.add(id(ty))
                self._bad_sets(ty, set())
            return
        cid = self._note(cls)
        if not (self._made(node) and self._read(node)):
            self.bad.add(cid)

    def _made(self, node: ast.expr) -> bool:
        """A name, or a form that makes a fresh set (lowered as a `Value` set where it is
        not native, then converted keeping its slots)."""
        if isinstance(node, (ast.Name, ast.SetComp)):
            return True
        if isinstance(node, ast.Set):
            return not any(isinstance(e, ast.Starred) for e in node.elts)
        if isinstance(node, ast.BinOp):
            return isinstance(node.op, _SET_OPERATORS)
        if isinstance(node, ast.Call) and not node.keywords and not any(isinstance(a, ast.Starred) for a in node.args):
            func = node.func
            if isinstance(func, ast.Name):
                if func.id in self.direct and func.id in self.model.module_functions:
                    return True
                return func.id == "set" and len(node.args) <= 1 and self._builtin(func)
            if isinstance(func, ast.Attribute) and set_class(self._ty(func.value)) is not None:
                return func.attr == "copy" or func.attr in _READING_METHODS
        return False

    def _read(self, node: ast.expr) -> bool:
        """The context of the expression is one the lowering handles natively or by a copy."""
        parent = self.parent.get(id(node))
        fld = self.field.get(id(node))
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            return isinstance(parent, (ast.Assign, ast.AnnAssign))
        if isinstance(parent, ast.Assign):
            return fld == "value" and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name)
        if isinstance(parent, ast.AnnAssign):
            return fld == "value" and isinstance(parent.target, ast.Name)
        if isinstance(parent, (ast.Return, ast.Expr, ast.FormattedValue)):
            return True
        if isinstance(parent, ast.For):
            return fld == "iter"
        if isinstance(parent, ast.comprehension):
            return fld == "iter" and self._pure([self.parent.get(id(parent))])
        if isinstance(parent, ast.Compare) and fld == "comparators" \
                and any(isinstance(op, (ast.In, ast.NotIn)) for op in parent.ops):
            # `x in s` is native where `x` has the set's element type; another type
            # would box the set for every test, so the set stays dynamic.
            return len(parent.ops) == 1 and self._same_elements(node, parent.left)
        tested = self._tested_or_compared(node, parent, fld)
        if tested is not None:
            return tested
        if isinstance(parent, ast.BinOp):
            other = parent.right if fld == "left" else parent.left
            return isinstance(parent.op, _SET_OPERATORS) and self._pure([other]) and not self._in_loop(node)
        if isinstance(parent, ast.Attribute):
            call = self.parent.get(id(parent))
            if not (isinstance(call, ast.Call) and call.func is parent and not call.keywords
                    and not any(isinstance(a, ast.Starred) for a in call.args)):
                return False
            if parent.attr in _READING_METHODS:
                return self._pure(call.args) and not self._in_loop(node)
            arity = SET_METHODS.get(parent.attr)
            return arity is not None and arity[0] <= len(call.args) <= arity[1] \
                and (parent.attr not in ("discard", "remove") or self._same_elements(node, call.args[0]))
        if isinstance(parent, ast.Call) and fld == "args" and not any(isinstance(a, ast.Starred) for a in parent.args):
            func = parent.func
            if isinstance(func, ast.Name):
                if func.id in self.direct and func.id in self.model.module_functions:
                    return not parent.keywords
                if func.id == "sorted" and parent.args[0] is node and self._builtin(func):
                    return True  # sorted() copies its argument before calling a key
                later = parent.args[parent.args.index(node) + 1:] + [k.value for k in parent.keywords]
                return func.id in READING_BUILTINS and self._builtin(func) and self._pure(later)
            if isinstance(func, ast.Attribute) and func.attr in _READING_METHODS \
                    and set_class(self._ty(func.value)) is not None:
                return self._pure(parent.args) and not self._in_loop(node)
        return False

    def _in_loop(self, node: ast.AST) -> bool:
        """Whether `node` runs in a loop of its function: a set operation there reads a
        boxed copy of the set on every pass, which is slower than keeping it dynamic."""
        child, parent = node, self.parent.get(id(node))
        while parent is not None and not isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if isinstance(parent, ast.While) or (isinstance(parent, (ast.For, ast.comprehension))
                                                 and self.field.get(id(child)) != "iter"):
                return True
            child, parent = parent, self.parent.get(id(parent))
        return False

    def _same_elements(self, set_expr: ast.expr, item: ast.expr) -> bool:
        cls, ty = set_class(self._ty(set_expr)), self._ty(item)
        return cls is not None and ty is not None and len(ty.atoms) == 1 and set(ty.atoms) == set(cls.ty.atoms)

    def _pure_call(self, call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in _READING_METHODS + ("copy",) \
                and set_class(self._ty(func.value)) is not None:
            return True  # reads a set
        return super()._pure_call(call)
