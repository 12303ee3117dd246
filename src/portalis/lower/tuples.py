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
        """Only a tuple display of the same length becomes a native tuple, in `return`
        (`return_tuple`); anything else reaching here is a translator bug."""
        if e.ty == ty:
            return e
        raise AssertionError(f"a {ty} result that is not a native tuple: {e}")

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
