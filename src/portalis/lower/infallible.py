"""Functions that cannot raise return plain values: `fn area(w: f64, h: f64) -> f64`.

Once the whole program is lowered, a module function whose body has no `?`, no
`py_try!` and no `Err(..)` besides its recursion-limit frame, and which calls only
such functions and never itself (directly or through others, so its depth stays
bounded), cannot raise.  It loses the frame and the `PyResult`, its returns lose
`Ok`, its call sites lose `?` (or gain `Ok(..)` where a result is expected).
"""
from __future__ import annotations

import dataclasses
import re

from portalis import ir

_STRING = re.compile(r'"(?:\\.|[^"\\])*"')


def drop_results(items: list, candidates: set[str]) -> None:
    """Rewrite, in place, the functions among `items` named in `candidates` (module
    functions called directly) that cannot raise, and every call to them."""
    functions = {f.name: f for f in items if isinstance(f, ir.Function) and f.name in candidates
                 and f.ret.startswith("PyResult<")}
    calls: dict[str, set[str]] = {}
    plain = set()
    for name, fn in functions.items():
        found = _callees(fn.body, set(functions))
        if found is not None:
            calls[name] = found
            plain.add(name)
    changed = True
    while changed:  # a callee that can raise, or a cycle, makes its callers fallible
        changed = False
        for name in list(plain):
            if not calls[name] <= plain or _reaches(name, name, calls):
                plain.discard(name)
                changed = True
    if not plain:
        return
    for item in items:
        _rewrite_calls(item, plain)
    for name in plain:
        fn = functions[name]
        fn.ret = fn.ret[len("PyResult<"):-1]
        stmts = fn.body.stmts
        if stmts and isinstance(stmts[0], ir.Let) and stmts[0].name == "_frame":
            stmts.pop(0)
        _strip_ok(fn.body)


def _callees(block: ir.Block, functions: set[str]) -> set[str] | None:
    """The functions a body calls with `?`, or None when it can raise otherwise."""
    found: set[str] = set()
    ok = True

    def visit(node, top: bool) -> None:
        nonlocal ok
        if not ok or isinstance(node, ir.Closure):
            return  # a closure's errors are its own
        if isinstance(node, ir.Try):
            inner = node.inner
            if isinstance(inner, ir.Call) and inner.func in functions:
                found.add(inner.func)
                for a in inner.args:
                    visit(a, False)
                return
            if not (top and isinstance(inner, ir.Call) and inner.func == "frames::enter"):
                ok = False
            return
        if isinstance(node, ir.Call) and (node.func == "Err" or node.func.startswith("Err::")):
            ok = False
            return
        if isinstance(node, ir.Raw) and ("?" in _STRING.sub("", node.text) or "Err" in _STRING.sub("", node.text)):
            ok = False
            return
        for child in _children(node):
            visit(child, False)

    for i, stmt in enumerate(block.stmts):
        if i == 0 and isinstance(stmt, ir.Let) and stmt.name == "_frame":
            visit(stmt.value, True)
        else:
            visit(stmt, False)
    if block.tail is not None:
        visit(block.tail, False)
    return found if ok else None


def _reaches(start: str, goal: str, calls: dict[str, set[str]]) -> bool:
    seen: set[str] = set()
    todo = list(calls.get(start, ()))
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            todo.extend(calls.get(name, ()))
    return False


def _children(node):
    if isinstance(node, list):
        return node
    if not dataclasses.is_dataclass(node):
        return []
    out = []
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, list) or dataclasses.is_dataclass(value):
            out.append(value)
    return out


def _rewrite_calls(node, plain: set[str]) -> None:
    """`f(..)?` becomes `f(..)`; a bare `f(..)` (a closure's result) becomes `Ok(f(..))`."""
    if isinstance(node, list):
        for i, child in enumerate(node):
            node[i] = _rewritten(child, plain)
        return
    if not dataclasses.is_dataclass(node):
        return
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, list) or dataclasses.is_dataclass(value):
            setattr(node, f.name, _rewritten(value, plain))


def _rewritten(node, plain: set[str]):
    if isinstance(node, ir.Try) and isinstance(node.inner, ir.Call) and node.inner.func in plain:
        _rewrite_calls(node.inner, plain)
        return node.inner
    if isinstance(node, ir.Call) and node.func in plain:
        _rewrite_calls(node, plain)
        return ir.Call("Ok", [node], ty=node.ty)
    _rewrite_calls(node, plain)
    return node


def _strip_ok(node) -> None:
    """`return Ok(x)` and a tail `Ok(x)` become `x`, outside closures."""
    if isinstance(node, ir.Expr):
        return  # values and closures: their `Ok`s are not the function's
    if isinstance(node, ir.Block) and node.tail is not None:
        node.tail = _unwrap_ok(node.tail)
    if isinstance(node, ir.Return) and node.value is not None:
        node.value = _unwrap_ok(node.value)
    for child in _children(node):
        if isinstance(child, list):
            for c in child:
                _strip_ok(c)
        else:
            _strip_ok(child)


def _unwrap_ok(e: ir.Expr) -> ir.Expr:
    if isinstance(e, ir.Call) and e.func == "Ok" and len(e.args) == 1:
        return e.args[0]
    if isinstance(e, ir.Raw) and e.text.startswith("Ok(") and e.text.endswith(")"):
        return ir.Raw(e.text[3:-1], ty=e.ty)
    return e
