"""Nested functions lifted to module level (part of the desugar pass).

A function defined inside another and only ever called there (a backtracking helper
reading the lists of its enclosing function) is a closure over cells, which keeps every
value it touches dynamic.  When the captured variables are each bound once, before the
`def`, and never rebound, the closure sees the same objects as extra parameters would:
such a function moves to module level with the captured names appended to its
parameters, and every call passes them.  Its Python name is kept (tracebacks show it),
so it is only lifted when nothing else in the module uses that name.
"""
from __future__ import annotations

import ast

from portalis.frontend import astwalk

_INTROSPECTION = {"locals", "vars", "eval", "exec", "globals"}


def lift_nested_functions(tree: ast.Module) -> bool:
    """Lift what qualifies; whether the tree changed."""
    changed = False
    progress = True
    while progress:
        progress = False
        for index, outer in enumerate(tree.body):
            if not isinstance(outer, ast.FunctionDef):
                continue
            for stmt in outer.body:
                if isinstance(stmt, ast.FunctionDef):
                    captured = _liftable(tree, outer, stmt)
                    if captured is not None:
                        _lift(tree, index, outer, stmt, captured)
                        progress = changed = True
                        break
            if progress:
                break
    return changed


def _binds(fn: ast.FunctionDef) -> dict[str, int]:
    """How many places of `fn`'s own scope bind each name (parameters count once)."""
    counts: dict[str, int] = {}
    args = fn.args
    for a in args.posonlyargs + args.args + args.kwonlyargs + [x for x in (args.vararg, args.kwarg) if x]:
        counts[a.arg] = counts.get(a.arg, 0) + 1
    for node in astwalk.own_nodes(fn.body):
        names = []
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names = [node.id]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [(a.asname or a.name).split(".")[0] for a in node.names]
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names = [node.name]
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return counts


def _liftable(tree: ast.Module, outer: ast.FunctionDef, inner: ast.FunctionDef) -> list[str] | None:
    """The names `inner` captures from `outer`, if it can be lifted; else None."""
    args = inner.args
    if len(outer.body) == 1 or inner.decorator_list or args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs or args.defaults:
        return None
    inner_nodes = astwalk.walk(inner)
    outer_nodes = astwalk.walk(outer)
    if any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Await, ast.Global, ast.Nonlocal)) for n in inner_nodes):
        return None
    if any(isinstance(n, ast.Nonlocal) or (isinstance(n, ast.Global) and inner.name in n.names) for n in outer_nodes) or \
            any(isinstance(n, ast.Name) and n.id in _INTROSPECTION for n in outer_nodes):
        return None
    name = inner.name
    outer_binds = _binds(outer)
    if outer_binds.get(name) != 1 or name in [a.arg for a in outer.args.args]:
        return None
    outer_ids = {id(n) for n in outer_nodes}
    for node in astwalk.walk(tree):  # the name means this function nowhere else in the module
        if id(node) in outer_ids:
            continue
        if (isinstance(node, ast.Name) and node.id == name) or \
                (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name) or \
                (isinstance(node, ast.arg) and node.arg == name) or \
                (isinstance(node, (ast.Import, ast.ImportFrom)) and any((a.asname or a.name).split(".")[0] == name
                                                                         for a in node.names)):
            return None
    inner_ids = {id(n) for n in inner_nodes}
    calls = {id(n.func) for n in outer_nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id == name and not n.keywords and len(n.args) == len(args.args)
             and not any(isinstance(a, ast.Starred) for a in n.args)
             and (id(n) in inner_ids or n.lineno > inner.end_lineno)}
    if any(isinstance(n, ast.Name) and n.id == name and id(n) not in calls for n in outer_nodes):
        return None  # used as a value, before its definition, or with other arguments
    own = _binds(inner)
    position = outer.body.index(inner)
    params = {a.arg for a in outer.args.args + outer.args.posonlyargs + outer.args.kwonlyargs}
    captured = sorted({n.id for n in inner_nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                       and n.id in outer_binds and n.id not in own and n.id != name})
    for var in captured:
        if outer_binds[var] != 1:
            return None
        if var in params:
            continue
        if not any(isinstance(s, (ast.Assign, ast.AnnAssign)) and _binds_name(s, var) for s in outer.body[:position]):
            return None
    return captured


def _binds_name(stmt: ast.stmt, name: str) -> bool:
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    return any(isinstance(t, ast.Name) and t.id == name for t in targets)


def _lift(tree: ast.Module, index: int, outer: ast.FunctionDef, inner: ast.FunctionDef, captured: list[str]) -> None:
    for node in astwalk.walk(outer):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == inner.name:
            extra = [ast.copy_location(ast.Name(var, ast.Load()), node) for var in captured]
            node.args = node.args + extra
    inner.args.args = inner.args.args + [ast.copy_location(ast.arg(var), inner) for var in captured]
    outer.body.remove(inner)
    tree.body.insert(index, inner)
    ast.fix_missing_locations(tree)
