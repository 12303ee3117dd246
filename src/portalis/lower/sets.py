"""Lowering of typed sets: the runtime's `SetOf<T>` (`runtime/src/typed/set.rs`).

`analysis.inference.sets` decides which sets are typed; here `set()`, `set(lst)`,
`add`, `discard`, `remove`, `pop`, `clear`, `copy`, `in`, `len` and `for` become
native operations.  Every other way of making a set (a display, a comprehension,
`a | b`, `s.union(t)`) is lowered as a `Value` set, then converted once keeping its
table slots (`to_native`), so the order is CPython's; reads box a copy (`own`).
"""
from __future__ import annotations

import ast

from portalis import ir


def is_set_type(ty: str) -> bool:
    return ty.startswith("SetOf<")


def set_element(ty: str) -> str:
    return ty[len("SetOf<"):-1]


class SetLowering:
    def set_type(self, node: ast.expr) -> str | None:
        """The `SetOf<T>` type of an expression the analysis proved a typed set."""
        inference = self.types.containers.inference
        return self.types.containers.set_type(inference.expr_type(node)) if inference is not None else None

    def unbox_set(self, e: ir.Expr, ty: str) -> ir.Expr:
        """A set made as a `Value`, as the typed set with the same slots."""
        return self.fallible(ir.Call(f"SetOf::<{set_element(ty)}>::from_value", [self.ref(e)], ty=ty))

    def _typed_set(self, node: ast.expr, ty: str) -> ir.Expr:
        """A typed set expression as a `SetOf<T>` (a display or comprehension is
        lowered as a `Value` set first)."""
        e = self.expr(node)
        return e if e.ty == ty else self.unbox_set(e, ty)

    def typed_set_builtin(self, node: ast.Call, name: str) -> ir.Expr | None:
        """`set()`, `set(lst)` of a typed list of the same items, and `len(s)`."""
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            return None
        if name == "len" and len(node.args) == 1 and self.set_type(node.args[0]) is not None:
            return ir.MethodCall(self._typed_set(node.args[0], self.set_type(node.args[0])), "len", [], ty="i64")
        ty = self.set_type(node) if name == "set" else None
        if ty is None or len(node.args) > 1:
            return None
        if not node.args:
            return ir.Call("SetOf::new", [], ty=ty)
        if self.list_type(node.args[0]) == f"List<{set_element(ty)}>":
            return ir.Call("SetOf::from_list", [ir.Ref(self.expr(node.args[0]))], ty=ty)
        return None

    def typed_set_method(self, node: ast.Call, func: ast.Attribute) -> ir.Expr | None:
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            return None
        ty = self.set_type(func.value)
        if ty is None:
            return None
        elem, name, args = set_element(ty), func.attr, node.args
        if name == "add" and len(args) == 1:
            receiver = self._typed_set(func.value, ty)
            return ir.MethodCall(receiver, "add", [self.to_native(self.expr(args[0]), elem)], ty="()")
        if name in ("discard", "remove") and len(args) == 1 and self._set_item(args[0], ty):
            receiver = self._typed_set(func.value, ty)
            call = ir.MethodCall(receiver, name, [ir.Ref(self.to_native(self.expr(args[0]), elem))], ty="()")
            return self.fallible(call) if name == "remove" else call
        if name == "pop" and not args:
            return self.fallible(ir.MethodCall(self._typed_set(func.value, ty), "pop", [], ty=elem))
        if name in ("clear", "copy") and not args:
            return ir.MethodCall(self._typed_set(func.value, ty), name, [], ty=ty if name == "copy" else "()")
        return None

    def _set_item(self, node: ast.expr, ty: str) -> bool:
        """The inference proved `node` of the set's element type (a key of another type
        is looked up through the dynamic path, which compares as Python does)."""
        found = self.types.containers.inference.expr_type(node)
        want = {"Int": "int", "Str": "str"}[set_element(ty)]
        return found is not None and found.single() == want

    def typed_set_contains(self, node: ast.Compare) -> ir.Expr | None:
        """`x in s` and `x not in s` where `x` has the set's element type."""
        op = node.ops[0]
        ty = self.set_type(node.comparators[0]) if len(node.ops) == 1 else None
        if ty is None or not isinstance(op, (ast.In, ast.NotIn)) or not self._set_item(node.left, ty):
            return None
        item = self.to_native(self.expr(node.left), set_element(ty))
        found = ir.MethodCall(self._typed_set(node.comparators[0], ty), "contains", [ir.Ref(item)], ty="bool")
        return found if isinstance(op, ast.In) else ir.Unary("!", found, ty="bool")

    def typed_set_for(self, node: ast.For, loop, out) -> bool:
        """`for x in s`: a live iterator that raises as Python does when the set changes size."""
        ty = self.set_type(node.iter)
        if ty is None or not isinstance(node.target, ast.Name):
            return False
        entry = self.ctx.fresh("entry")
        prefix: list[ir.Stmt] = []
        item = self.fallible(ir.Var(entry, ty="PyResult"))
        self.store_name(node.target.id, ir.Try(ir.Var(entry), item.catch, ty=set_element(ty)), prefix, node.target)
        body = self._loop_body(node.body, loop, prefix)
        label = loop.label if loop.label_used else None
        out.append(ir.ForIn(entry, ir.MethodCall(self._typed_set(node.iter, ty), "iter", [], ty="iter"), body, label))
        return True
