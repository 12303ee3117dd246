"""Lowering of results returned natively that Python builds as small objects: a Rust
tuple such as `(i64, Str)` or `(Map<Str, i64>, f64)` (`analysis.inference.tuples`
decides which functions return one), and `Option<T>` for a `T` or None
(`analysis.inference.options`).

`return a, b` builds the Rust tuple, `x, y = f()` takes it apart without boxing, and
any other use boxes a `Value` tuple (only allowed for scalar and `Value` items, so the
copy is exact).  An `Option<T>` is boxed as None or the boxed `T` where a caller
needs a `Value`.
"""
from __future__ import annotations

import ast

from portalis import ir
from portalis.analysis.inference.options import is_none


def is_tuple_type(ty: str) -> bool:
    return ty.startswith("(") and ty.endswith(")") and ty != "()"


def tuple_items(ty: str) -> list[str]:
    items, depth, start = [], 0, 1
    for i, ch in enumerate(ty[1:-1], 1):
        depth += ch == "<"
        depth -= ch == ">"
        if ch == "," and depth == 0:
            items.append(ty[start:i].strip())
            start = i + 1
    last = ty[start:-1].strip()
    return items + [last] if last else items


_OPTIONS = {f"Option<{t}>" for t in ("i64", "f64", "bool", "Str")}


def is_option_type(ty: str) -> bool:
    """An optional scalar result (struct fields have options of their own)."""
    return ty in _OPTIONS


def tuple_type(items: list[str]) -> str:
    return f"({items[0]},)" if len(items) == 1 else "(" + ", ".join(items) + ")"


class TupleLowering:
    def native_tuple(self, e: ir.Expr, ty: str) -> ir.Expr:
        """`e` as the Rust tuple `ty`: a tuple of other native items converted item by
        item, a `Value` unpacked (checked, as Python's unpacking is)."""
        if e.ty == ty:
            return ir.MethodCall(e, "clone", [], ty=ty) if isinstance(e, ir.Var) else e
        items = tuple_items(ty)
        if is_tuple_type(e.ty) and len(tuple_items(e.ty)) == len(items):
            tmp = self.ctx.fresh("tuple")
            converted = [self.to_native(ir.Raw(f"{tmp}.{i}", ty=t), want)
                         for i, (t, want) in enumerate(zip(tuple_items(e.ty), items))]
            return ir.BlockExpr(ir.Block([ir.Let(tmp, e)], ir.TupleLit(converted, ty=ty)))
        return self.fallible(ir.Call(f"<{ty} as typed::Elem>::from_value", [self.ref(e)], ty=ty))

    def native_item(self, node: ast.expr, ty: str) -> ir.Expr:
        """The expression `node` as a typed container's element of type `ty`: a tuple
        display for a Rust tuple is built in place, without a `Value` in between."""
        if is_tuple_type(ty) and isinstance(node, ast.Tuple) and len(node.elts) == len(tuple_items(ty)) \
                and not any(isinstance(e, ast.Starred) for e in node.elts):
            return ir.TupleLit([self.to_native(self.expr(e), t) for e, t in zip(node.elts, tuple_items(ty))], ty=ty)
        return self.to_native(self.expr(node), ty)

    def return_tuple(self, value: ast.expr, ty: str) -> ir.Expr:
        """`return a, b` in a function returning the Rust tuple `ty`."""
        items = [(self.expr(e), t) for e, t in zip(value.elts, tuple_items(ty))]
        return ir.TupleLit([self.own(x) if t == "Value" else self.to_native(x, t) for x, t in items], ty=ty)

    def return_option(self, value: ast.expr | None, ty: str) -> ir.Expr:
        """`return None` / `return x` in a function returning `Option<T>`."""
        if is_none(value):
            return ir.Raw("None", ty=ty)
        return ir.Call("Some", [self.to_native(self.expr(value), ty[len("Option<"):-1])], ty=ty)

    def box_option(self, e: ir.Expr) -> ir.Expr:
        return ir.Call("typed::boxed_option", [ir.Ref(e)])

    def box_tuple(self, e: ir.Expr) -> ir.Expr:
        """A native tuple as a `Value` tuple."""
        tmp = self.ctx.fresh("tuple")
        if isinstance(e, (ir.Var, ir.Raw)):  # a variable: boxed from a copy, not moved out of
            e = ir.MethodCall(e, "clone", [], ty=e.ty)
        items = [self.own(ir.Raw(f"{tmp}.{i}", ty=t)) for i, t in enumerate(tuple_items(e.ty))]
        return ir.BlockExpr(ir.Block([ir.Let(tmp, e)], ir.Call("Value::tuple", [ir.VecLit(items)])))

    def unpack_native_tuple(self, target: ast.Tuple | ast.List, value: ir.Expr, out) -> bool:
        """`a, b = f()` where `f` returns a Rust tuple of as many items."""
        if not is_tuple_type(value.ty):
            return False
        items = tuple_items(value.ty)
        if len(items) != len(target.elts) or any(isinstance(e, ast.Starred) for e in target.elts):
            return False
        tmp = self.ctx.fresh("items")
        out.append(ir.Let(tmp, value))
        for i, (elt, ty) in enumerate(zip(target.elts, items)):
            self.assign(elt, ir.Raw(f"{tmp}.{i}", ty=ty), out)
        return True
