"""Which dicts the lowering holds as typed `Map<K, V>` instead of a `Value` dict.

As for lists (`containers`), the unit of decision is a *dict class*: all the dicts
whose key and value places the inference unified (aliases, parameters they flow into).
A class is typed when
- its keys are all `str` or all `int`, and its values all `int`, `float`, `bool` or
  `str`;
- every place holding one is a plain local, a parameter or the result of a module
  function only called directly (the same places a typed list may live in), or an item
  of the tuple such a function returns where every call unpacks it into names
  (`inference.tuples`);
- every expression of the class is built natively (a literal, `dict()`, `d.copy()`,
  a call of such a function) and used natively (`d[k]`, `d[k] = v`, `d[k] op= v`,
  `del d[k]`, `get`, `setdefault`, `pop`, `in`, `len`, `for` over the dict, its keys,
  values or items) or only read at once, where a boxed copy behaves the same
  (`print`, `str`, `sorted(d.items(), key=...)`, `list(d)`, `==`, ...);
- int keys and values are proven machine ints (`analysis.types.MachineInts` checks the
  values stored, and a dict whose values feed on each other by multiplication or sums
  stays dynamic, since they may grow past 64 bits).
"""
from __future__ import annotations

import ast

from portalis.analysis.inference.containers import GROWTH_OPS, READING_BUILTINS, TypedContainers, _Finder
from portalis.analysis.inference.lattice import CONTAINERS, Place, Ty
from portalis.analysis.inference.solve import Inference

_KEYS = {"int": "i64", "str": "Str"}
_VALUES = {"int": "i64", "float": "f64", "bool": "bool", "str": "Str"}
# Methods the lowering calls natively: name -> (fewest, most) arguments.
DICT_METHODS = {"get": (1, 2), "setdefault": (2, 2), "pop": (1, 2), "copy": (0, 0), "clear": (0, 0),
                "keys": (0, 0), "values": (0, 0), "items": (0, 0)}
VIEWS = ("keys", "values", "items")
# Builtins that read an iterable to the end before anything else runs.
_AT_ONCE = ("sorted", "list", "tuple", "len", "sum", "set", "any", "all")


def dict_class(ty: Ty | None) -> tuple[Place, Place] | None:
    """The (key, value) place roots of a type that is exactly one dict."""
    if ty is None or len(ty.atoms) != 1 or "dict" not in ty.atoms:
        return None
    keys, values = ty.atoms["dict"]
    return keys.find(), values.find()


def typed_dicts(inference: Inference, direct_functions: set[str], module_globals: set[str],
                out: TypedContainers, unpacked: dict[str, int]) -> None:
    """Adds the typed dict classes to `out` (after the typed lists are decided).
    `unpacked`: functions returning tuple displays that every caller unpacks."""
    if inference.converged:
        finder = _DictFinder(inference, direct_functions, module_globals, out)
        finder.unpacked = unpacked
        finder.run()


def _scalar(place: Place, table: dict[str, str]) -> str | None:
    atoms = place.ty.atoms
    return table.get(next(iter(atoms))) if len(atoms) == 1 else None


class _DictFinder(_Finder):
    """The list finder's walk (places, purity, bindings) with the dict rules."""

    def run(self) -> None:
        self.dicts: dict[int, tuple[Place, Place]] = {}
        self._check_places()
        for node in self.model.parsed.nodes:
            if isinstance(node, ast.expr):
                self._check_dict_expr(node)
            elif isinstance(node, ast.Delete):
                for target in node.targets:
                    if isinstance(target, ast.Subscript) and dict_class(self._ty(target.value)):
                        self._key_write(target.value, target.slice)
        for cid, (keys, values) in self.dicts.items():
            if cid in self.bad:
                continue
            k, v = _scalar(keys, _KEYS), _scalar(values, _VALUES)
            if k and v:
                self.out.dicts[cid] = (k, v)
        for cid, writes in list(self.out.dict_int_writes.items()):
            ktype, vtype = self.out.dicts.get(cid[0], (None, None))
            if (vtype if cid[1] == "v" else ktype) != "i64":
                del self.out.dict_int_writes[cid]
        self.out.drop_dicts([cid for (cid, part) in self.out.dict_int_writes if part == "v" and self._grows((cid, part))])

    # ---- classes ----------------------------------------------------------------------------

    def _mention_result(self, facts, held_ok: bool) -> None:
        """The items of an unpacked tuple result are held like the result itself."""
        ty = facts.ret.type
        size = self.unpacked.get(facts.node.name) if facts.cls is None else None
        items = ty.atoms.get(f"tuple{size}") if size and len(ty.atoms) == 1 else None
        if items is None:
            self._mention(ty, held_ok)
            return
        for item in items:
            self._mention(item, held_ok)

    def _unpacked_tuple(self, node: ast.expr) -> bool:
        """A tuple display returned by an unpacked function, the call of one, or the
        names its result is unpacked into: their items are checked one by one."""
        if isinstance(node, ast.Call):
            return isinstance(node.func, ast.Name) and node.func.id in self.unpacked
        if not isinstance(node, ast.Tuple):
            return False
        parent = self.parent.get(id(node))
        if isinstance(parent, ast.Return):
            fn = self._scope_of(parent)
            return isinstance(fn, ast.FunctionDef) and self.model.module_functions.get(fn.name) is not None \
                and fn.name in self.unpacked and self.model.module_functions[fn.name].node is fn
        return isinstance(parent, ast.Assign) and parent.targets[0] is node and isinstance(parent.value, ast.Call) \
            and self._unpacked_tuple(parent.value)

    def _mention(self, ty: Ty | None, held_ok: bool) -> None:
        if ty is None:
            return
        cls = dict_class(ty)
        if cls is not None:
            cid = self._note(cls)
            if not held_ok:
                self.bad.add(cid)
            return
        self._bad_dicts(ty, set())

    def _bad_dicts(self, ty: Ty, seen: set[int]) -> None:
        """Every dict class reachable inside `ty` (in lists, tuples, unions) is dynamic."""
        for atom, payload in ty.atoms.items():
            if atom == "dict":
                self.bad.add(self._note((payload[0].find(), payload[1].find())))
            places = [payload] if atom in CONTAINERS else list(payload) if atom == "dict" else []
            for place in places:
                root = place.find()
                if id(root) not in seen:
                    seen.add(id(root))
                    self._bad_dicts(root.ty, seen)
            if atom.startswith("tuple"):
                for item in payload:
                    self._bad_dicts(item, seen)

    def _note(self, cls: tuple[Place, Place]) -> int:
        cid = id(cls[1])
        if cid not in self.dicts:
            self.dicts[cid] = cls
            for place in cls:
                self._bad_dicts(place.ty, {id(place)})  # a dict inside a dict stays dynamic
        return cid

    # ---- expressions --------------------------------------------------------------------------

    def _check_dict_expr(self, node: ast.expr) -> None:
        ty = self._ty(node)
        if ty is None or not ty.atoms:
            return
        cls = dict_class(ty)
        if cls is None:
            if not self._unpacked_tuple(node):
                self._bad_dicts(ty, set())
            return
        cid = self._note(cls)
        if not (self._made(node) and self._read(node)):
            self.bad.add(cid)
        self._dict_writes(node)

    def _made(self, node: ast.expr) -> bool:
        """The expression is a form the lowering builds as a typed dict."""
        if isinstance(node, ast.Name):
            return True
        if isinstance(node, ast.Dict):
            return None not in node.keys
        if isinstance(node, ast.Call) and not node.keywords and not any(isinstance(a, ast.Starred) for a in node.args):
            func = node.func
            if isinstance(func, ast.Name):
                if func.id in self.direct and func.id in self.model.module_functions:
                    return True
                return func.id == "dict" and not node.args and self._builtin(func)
            if isinstance(func, ast.Attribute) and func.attr == "copy" and not node.args:
                return dict_class(self._ty(func.value)) is not None
        return False

    def _read(self, node: ast.expr) -> bool:
        """The context of the expression is one the lowering handles natively or by a copy."""
        parent = self.parent.get(id(node))
        fld = self.field.get(id(node))
        if isinstance(parent, ast.Tuple) and self._unpacked_tuple(parent):
            return True
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
        tested = self._tested_or_compared(node, parent, fld)
        if tested is not None:
            return tested
        if isinstance(parent, ast.Subscript):
            if fld != "value" or isinstance(parent.slice, ast.Slice):
                return False
            self._key_write(node, parent.slice)
            return self._like(parent.slice, node, 0)
        if isinstance(parent, ast.Attribute):
            call = self.parent.get(id(parent))
            arity = DICT_METHODS.get(parent.attr)
            ok = isinstance(call, ast.Call) and call.func is parent and arity is not None \
                and arity[0] <= len(call.args) <= arity[1] and not call.keywords \
                and not any(isinstance(a, ast.Starred) for a in call.args)
            if ok and call.args and parent.attr in ("get", "setdefault", "pop"):
                self._key_write(node, call.args[0])
                ok = self._like(call.args[0], node, 0) and all(self._like(d, node, 1) for d in call.args[1:])
            return ok and (parent.attr not in VIEWS or self._view_read_at_once(call))
        if isinstance(parent, ast.Call) and fld == "args" and not any(isinstance(a, ast.Starred) for a in parent.args):
            func = parent.func
            if isinstance(func, ast.Name):
                if func.id in self.direct and func.id in self.model.module_functions:
                    return not parent.keywords
                if func.id == "sorted" and parent.args[0] is node and self._builtin(func):
                    return True  # sorted() copies its argument before calling a key
                later = parent.args[parent.args.index(node) + 1:] + [k.value for k in parent.keywords]
                return func.id in READING_BUILTINS and self._builtin(func) and self._pure(later)
        return False

    def _like(self, expr: ast.expr, dict_expr: ast.expr, part: int) -> bool:
        """`expr` has exactly the type of the dict's keys (0) or values (1): a lookup with
        another key (`d.get(1)` on str keys) or a default of another type (`d.get(k, None)`)
        must behave as Python's, so the dict stays dynamic."""
        ty, cls = self._ty(expr), dict_class(self._ty(dict_expr))
        return ty is not None and cls is not None and len(ty.atoms) == 1 and set(ty.atoms) == set(cls[part].ty.atoms)

    def _view_read_at_once(self, call: ast.Call) -> bool:
        """`d.items()` looped over, or handed to a builtin that reads it to the end first:
        a copy of the dict then reads the same as the live view."""
        parent = self.parent.get(id(call))
        if isinstance(parent, ast.For):
            return self.field.get(id(call)) == "iter"
        if isinstance(parent, ast.comprehension):
            return self.field.get(id(call)) == "iter" and self._pure([self.parent.get(id(parent))])
        return isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.args \
            and parent.args[0] is call and parent.func.id in _AT_ONCE and self._builtin(parent.func) \
            and (parent.func.id == "sorted" or not parent.keywords)

    def _pure_call(self, call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in ("get", "copy") + VIEWS \
                and dict_class(self._ty(func.value)) is not None:
            return True  # reads a dict
        return super()._pure_call(call)

    # ---- what is stored into int keys and values ---------------------------------------------------

    def _key_write(self, dict_expr: ast.expr, key: ast.expr) -> None:
        """Keys looked up or stored: for int keys, each must be a machine int."""
        cls = dict_class(self._ty(dict_expr))
        if cls is not None:
            self.out.dict_int_writes.setdefault((id(cls[1]), "k"), []).append((key, self._scope_of(key), ()))

    def _value_write(self, cls: tuple[Place, Place], value: ast.expr, scope: ast.AST) -> None:
        self.out.dict_int_writes.setdefault((id(cls[1]), "v"), []).append((value, scope, ()))

    def _dict_writes(self, node: ast.expr) -> None:
        cls = dict_class(self._ty(node))
        scope = self._scope_of(node)
        if isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values):
                self._key_write(node, k)
                self._value_write(cls, v, scope)
            return
        parent = self.parent.get(id(node))
        stmt = self.parent.get(id(parent))
        if isinstance(parent, ast.Subscript) and isinstance(parent.ctx, ast.Store) and isinstance(stmt, ast.Assign):
            self._value_write(cls, stmt.value, scope)
        elif isinstance(parent, ast.Subscript) and isinstance(stmt, ast.AugAssign) and stmt.target is parent:
            load = ast.Subscript(parent.value, parent.slice, ast.Load())
            self._value_write(cls, ast.BinOp(load, stmt.op, stmt.value), scope)
        elif isinstance(parent, ast.Attribute) and parent.attr == "setdefault" and isinstance(stmt, ast.Call) \
                and len(stmt.args) == 2:
            self._value_write(cls, stmt.args[1], scope)
        if isinstance(parent, ast.Subscript) and isinstance(parent.ctx, ast.Store) \
                and not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and stmt.targets[0] is parent) \
                and not (isinstance(stmt, ast.AugAssign) and stmt.target is parent):
            self.bad.add(id(cls[1]))  # `a, d[k] = ...`, chained stores, loop targets: not lowered natively

    def _grows(self, key) -> bool:
        """Whether a value stored can feed on the dict's own values: multiplied
        (`d[i] = d[i - 1] * 3`) or added to another of them (`d[i] = d[i - 1] + d[i - 2]`),
        so that it may grow past 64 bits.  Counting (`d[k] = d.get(k, 0) + n`) does not."""
        for item in self.out.dict_int_writes.get(key, ()):
            expr, scope, _ = item
            for n in ast.walk(expr):
                if not isinstance(n, ast.BinOp):
                    continue
                if isinstance(n.op, GROWTH_OPS) and key[0] in self._reads(n, scope, set()):
                    return True
                if isinstance(n.op, (ast.Add, ast.Sub)) and key[0] in self._reads(n.left, scope, set()) \
                        and key[0] in self._reads(n.right, scope, set()):
                    return True
        return False

    def _class_id(self, container: ast.expr) -> int | None:
        cls = dict_class(self._ty(container))
        return id(cls[1]) if cls is not None else None
