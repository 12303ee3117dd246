"""Bound flags for the variables a scope may read before binding them (or after `del`).

The definite-assignment analysis names the reads that may find a variable unbound; only
those variables get a `bool` flag, set by every binding and cleared by `del`, and only
those reads test it (raising CPython's UnboundLocalError, or NameError at module level).
Every other variable lowers exactly as before.
"""
from __future__ import annotations

import ast
import builtins

from portalis import ir
from portalis.analysis.definite_assignment import Unbound, maybe_unbound
from portalis.emit.names import str_literal

_BUILTINS = set(dir(builtins))


class UnboundLowering:
    def start_bound_flags(self, body: list[ast.stmt], out: list[ir.Stmt]) -> None:
        """Analyse the current scope's body; declare a flag, down, per variable that needs one."""
        scope = self.ctx.scope
        if self.ctx.kind == "module":
            # A module-level name not bound yet falls back to the builtin of that name.
            candidates = {n for n in scope.assigned if self._is_local(n)} - _BUILTINS
            bound: set[str] = set()
        else:
            candidates = scope.locals - scope.cells - scope.free - set(scope.params)
            bound = set(scope.params)
        self.ctx.unbound = maybe_unbound(body, bound, candidates) if candidates else Unbound()
        for name in sorted(self.ctx.unbound.names):
            flag = self.ctx.bound_flags[name] = self.ctx.fresh(f"{name}_bound")
            out.append(ir.Let(flag, ir.Raw("false", ty="bool"), mutable=True))
            self.ctx.hoisted = True  # a flag's first value may go unread

    def mark_bound(self, name: str, bound: bool, out: list) -> None:
        """After a binding (or a `del`) of a flagged variable, set its flag."""
        flag = self.ctx.bound_flags.get(name)
        if flag is None:
            return
        if not bound and out and out[-1] == ir.Assign(ir.Var(flag), ir.Raw("true", ty="bool")):
            out.pop()  # `del` releasing the value by a store: the flag goes down, not up
        out.append(ir.Assign(ir.Var(flag), ir.Raw("true" if bound else "false", ty="bool")))

    def bound_check(self, node: ast.Name) -> ir.Expr | None:
        """`exc::require_bound(flag, "x", kind)?` where `node` may read its variable unbound."""
        if id(node) not in self.ctx.unbound.reads:
            return None
        kind = "global" if self.ctx.kind == "module" else "free" if id(node) in self.ctx.unbound.free_reads \
            else "local"
        call = ir.Call("exc::require_bound", [ir.Var(self.ctx.bound_flags[node.id]), ir.Raw(str_literal(node.id)),
                                              ir.Raw(str_literal(kind))], ty="()")
        return self.fallible(call)

    def checked_read(self, node: ast.Name, value: ir.Expr) -> ir.Expr:
        """A read that may find its variable unbound: the check, then the value (a copy,
        as the block yields it)."""
        check = self.bound_check(node)
        if check is None:
            return value
        if value.ty not in ("i64", "f64", "bool"):
            value = ir.MethodCall(value, "clone", [], ty=value.ty)
        return ir.BlockExpr(ir.Block([ir.ExprStmt(check)], value), ty=value.ty)
