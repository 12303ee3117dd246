"""Lowering of typed dicts: the runtime's `Map<K, V>` (`runtime/src/typed/dict.rs`).

`analysis.inference.dicts` decides which dicts are typed; here their literals,
`dict()`, `d[k]`, item stores and deletes, `d[k] op= v`, `get`, `setdefault`, `pop`,
`copy`, `clear`, `in`, `len` and `for` loops over the dict, its keys, values or items
become native operations.  Wherever a typed dict meets code that wants a `Value`
(printing, `sorted(d.items(), key=...)`, comparisons) it is boxed as a copy (`own` in
`lower.expr`), which the analysis allows only where the copy is merely read.
"""
from __future__ import annotations

import ast

from portalis import ir


def is_map_type(ty: str) -> bool:
    return ty.startswith("Map<")


def map_parts(ty: str) -> tuple[str, str]:
    """The Rust key and value types of `Map<K, V>` (both are scalars)."""
    key, value = ty[len("Map<"):-1].split(", ")
    return key, value


class DictLowering:
    def map_type(self, node: ast.expr) -> str | None:
        """The `Map<K, V>` type of an expression the analysis proved a typed dict."""
        inference = self.types.containers.inference
        return self.types.containers.map_type(inference.expr_type(node)) if inference is not None else None

    def _key(self, node: ast.expr, ty: str) -> ir.Expr:
        """`&key` for a lookup, as the dict's native key type."""
        key = self.expr(node)
        return ir.Ref(key if key.ty == map_parts(ty)[0] else self.to_native(key, map_parts(ty)[0]))

    def typed_dict_literal(self, node: ast.Dict) -> ir.Expr | None:
        ty = self.map_type(node)
        if ty is None:
            return None
        if not node.keys:
            return ir.Call("Map::new", [], ty=ty)
        key, value = map_parts(ty)
        pairs = [ir.TupleLit([self.to_native(self.expr(k), key), self.to_native(self.expr(v), value)])
                 for k, v in zip(node.keys, node.values)]
        return ir.Call("Map::from_pairs", [ir.VecLit(pairs, ty=f"Vec<({key}, {value})>")], ty=ty)

    def typed_dict_builtin(self, node: ast.Call, name: str) -> ir.Expr | None:
        """`dict()` and `len(d)`."""
        if node.keywords:
            return None
        if name == "dict" and not node.args:
            ty = self.map_type(node)
            return ir.Call("Map::new", [], ty=ty) if ty is not None else None
        if name == "len" and len(node.args) == 1 and self.map_type(node.args[0]) is not None:
            return ir.MethodCall(self.expr(node.args[0]), "len", [], ty="i64")
        return None

    def typed_dict_subscript(self, node: ast.Subscript, obj: ir.Expr) -> ir.Expr | None:
        if not is_map_type(obj.ty) or isinstance(node.slice, ast.Slice):
            return None
        return self.fallible(ir.MethodCall(obj, "get_item", [self._key(node.slice, obj.ty)], ty=map_parts(obj.ty)[1]))

    def typed_dict_store(self, target: ast.Subscript, value: ir.Expr, out) -> bool:
        """`d[k] = value`."""
        ty = self.map_type(target.value)
        if ty is None or isinstance(target.slice, ast.Slice):
            return False
        key, val = map_parts(ty)
        obj = self.expr(target.value)
        k = self.to_native(self.expr(target.slice), key)
        out.append(ir.ExprStmt(ir.MethodCall(obj, "set", [k, self.to_native(value, val)], ty="()")))
        return True

    def typed_dict_delete(self, target: ast.Subscript, out) -> bool:
        """`del d[k]`."""
        ty = self.map_type(target.value)
        if ty is None or isinstance(target.slice, ast.Slice):
            return False
        obj = self.expr(target.value)
        out.append(ir.ExprStmt(self.fallible(ir.MethodCall(obj, "delete", [self._key(target.slice, ty)], ty="()"))))
        return True

    def typed_dict_augassign(self, node: ast.AugAssign, out) -> bool:
        """`d[k] op= v`: the key is evaluated once, a missing key raises KeyError."""
        target = node.target
        if not isinstance(target, ast.Subscript) or isinstance(target.slice, ast.Slice):
            return False
        ty = self.map_type(target.value)
        if ty is None:
            return False
        key_ty, val_ty = map_parts(ty)
        obj, key = self.ctx.fresh("dict"), self.ctx.fresh("key")
        out.append(ir.Let(obj, self.to_native(self.expr(target.value), ty)))
        out.append(ir.Let(key, self.to_native(self.expr(target.slice), key_ty)))
        d, k = ir.Var(obj, ty=ty), ir.Var(key, ty=key_ty)
        current = self.fallible(ir.MethodCall(d, "get_item", [ir.Ref(k)], ty=val_ty))
        operand = self.expr(node.value)
        from portalis.lower.module import _INPLACE_OPS
        value = self.native_binop(type(node.op), current, operand) or \
            self.fallible(ir.Call(_INPLACE_OPS[type(node.op)], [self.ref(current), self.ref(operand)]))
        new = self.ctx.fresh("value")
        out.append(ir.Let(new, self.to_native(value, val_ty)))
        out.append(ir.ExprStmt(ir.MethodCall(d, "set", [k, ir.Var(new, ty=val_ty)], ty="()")))
        return True

    def typed_dict_method(self, node: ast.Call, func: ast.Attribute) -> ir.Expr | None:
        """`get`, `setdefault`, `pop`, `copy` and `clear` of a typed dict."""
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            return None
        ty = self.map_type(func.value)
        if ty is None:
            return None
        key_ty, val_ty = map_parts(ty)
        name, args = func.attr, node.args
        if name in ("copy", "clear") and not args:
            return ir.MethodCall(self.expr(func.value), name, [], ty=ty if name == "copy" else "()")
        if name == "get" and len(args) == 2:
            receiver = self.expr(func.value)
            return ir.MethodCall(receiver, "get_or", [self._key(args[0], ty), self.to_native(self.expr(args[1]), val_ty)],
                                 ty=val_ty)
        if name == "get" and len(args) == 1:
            # `d.get(k)` is the value or None: boxed, since None is not a `V`.
            return ir.MethodCall(self.expr(func.value), "get_boxed", [self._key(args[0], ty)])
        if name == "setdefault" and len(args) == 2:
            receiver = self.expr(func.value)
            return ir.MethodCall(receiver, "setdefault", [self.to_native(self.expr(args[0]), key_ty),
                                                          self.to_native(self.expr(args[1]), val_ty)], ty=val_ty)
        if name == "pop" and len(args) == 1:
            return self.fallible(ir.MethodCall(self.expr(func.value), "pop", [self._key(args[0], ty)], ty=val_ty))
        if name == "pop" and len(args) == 2:
            receiver = self.expr(func.value)
            return ir.MethodCall(receiver, "pop_or", [self._key(args[0], ty), self.to_native(self.expr(args[1]), val_ty)],
                                 ty=val_ty)
        if name in ("keys", "values", "items") and not args:
            # read at once by a builtin (`sorted(d.items())`): a view of a boxed copy
            return self.fallible(ir.Call("methods::call_method", [
                ir.Ref(self.own(self.expr(func.value))), ir.Raw(f'"{name}"'), ir.Raw("vec![]")]))
        return None

    def typed_dict_contains(self, node: ast.Compare) -> ir.Expr | None:
        """`k in d` and `k not in d` where the inference proved `k` has the dict's key type."""
        op = node.ops[0]
        ty = self.map_type(node.comparators[0]) if len(node.ops) == 1 else None
        if ty is None or not isinstance(op, (ast.In, ast.NotIn)):
            return None
        key_ty = map_parts(ty)[0]
        left = self.expr(node.left)
        if left.ty != key_ty and not (key_ty == "Str" and self.types.scalars.expr_type(node.left) == "Str"):
            return None
        key = left if left.ty == key_ty else self.to_native(left, key_ty)
        found = ir.MethodCall(self.expr(node.comparators[0]), "contains", [ir.Ref(key)], ty="bool")
        return found if isinstance(op, ast.In) else ir.Unary("!", found, ty="bool")

    def typed_dict_for(self, node: ast.For, loop, out) -> bool:
        """`for k in d`, `for k in d.keys()`, `for v in d.values()`, `for k, v in d.items()`:
        live Rust iterators that raise as Python does when the dict changes size."""
        it, target = node.iter, node.target
        view = "keys"
        source = it
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and it.func.attr in ("keys", "values", "items") \
                and not it.args and not it.keywords:
            view, source = it.func.attr, it.func.value
        ty = self.map_type(source)
        if ty is None:
            return False
        key_ty, val_ty = map_parts(ty)
        if view == "items":
            if not (isinstance(target, ast.Tuple) and len(target.elts) == 2
                    and all(isinstance(e, ast.Name) for e in target.elts)):
                return False
            names, types = [e.id for e in target.elts], [key_ty, val_ty]
        elif isinstance(target, ast.Name):
            names, types = [target.id], [key_ty if view == "keys" else val_ty]
        else:
            return False
        entry = self.ctx.fresh("entry")
        prefix: list[ir.Stmt] = []
        item = self.fallible(ir.Var(entry, ty="PyResult"))
        if len(names) == 1:
            self.store_name(names[0], ir.Try(ir.Var(entry), item.catch, ty=types[0], site=item.site), prefix, target)
        else:
            pair = self.ctx.fresh("pair")
            prefix.append(ir.Let(pair, ir.Try(ir.Var(entry), item.catch, ty="tuple", site=item.site)))
            for i, (name, t) in enumerate(zip(names, types)):
                self.store_name(name, ir.Raw(f"{pair}.{i}", ty=t), prefix, target)
        iterable = ir.MethodCall(self.expr(source), view, [], ty="iter")
        body = self._loop_body(node.body, loop, prefix)
        label = loop.label if loop.label_used else None
        out.append(ir.ForIn(entry, iterable, body, label))
        return True
