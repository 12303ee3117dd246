"""Class bodies reduced to methods and one-name attributes (part of the desugar pass).

The lowering makes a class a static table of methods plus attributes `name = value`.  Two
other things module-level class bodies often hold are spelt in those terms here:

- a class nested in the class body (`class Outer: class Inner: ...`) is defined before
  the outer class, at module level, and the body keeps `Inner = Inner` (so `Outer.Inner`
  and `self.Inner()` work); only when no other module-level statement binds that name;
- an unpacking assignment (`class Dir: up, right, down, left = range(4)`) unpacks at
  module level just before the class, into one name per target, with CPython's errors,
  and the body takes each attribute from its name; only when the value reads nothing the
  class body itself binds;
- a body with loops, `if`s, `try` or `with` runs its statements (other than the defs) at
  module level just before the class, each name the body binds renamed `_C_name`; the
  class then takes `name = _C_name` for the names bound on every path (a name bound
  on some paths only, such as a loop variable, must be one the module never reads as an
  attribute).  Only when no nested scope of those statements reads such a name and they
  read no method of the class.
"""
from __future__ import annotations

import ast

from portalis.frontend import astwalk


def simplify_class_bodies(tree: ast.Module) -> bool:
    """Rewrite the module-level classes of `tree`; whether any changed."""
    taken = {n.id for n in astwalk.own_nodes(tree.body) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    taken |= {s.name for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    body: list[ast.stmt] = []
    changed = False
    attributes: set[str] | None = None
    for stmt in tree.body:
        if isinstance(stmt, ast.ClassDef):
            if attributes is None and any(isinstance(s, _CONTROL_FLOW) for s in stmt.body):
                attributes = {n.attr if isinstance(n, ast.Attribute) else n.value for n in astwalk.walk(tree)
                              if isinstance(n, ast.Attribute) or (isinstance(n, ast.Constant) and isinstance(n.value, str))}
            before = _run_control_flow_before(stmt, taken, attributes or set()) + _simplify(stmt, taken)
            changed |= bool(before)
            body.extend(before)
        body.append(stmt)
    tree.body[:] = body
    return changed


_CONTROL_FLOW = (ast.For, ast.While, ast.If, ast.Try, ast.With)


def _run_control_flow_before(cls: ast.ClassDef, taken: set[str], attributes: set[str]) -> list[ast.stmt]:
    """A body with control flow: its statements, renamed, to run before the class.
    `attributes`: the names the module reads as attributes (or may, as strings)."""
    if not any(isinstance(s, _CONTROL_FLOW) for s in cls.body):
        return []
    defs = [s for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
    doc = cls.body[:1] if cls.body and isinstance(cls.body[0], ast.Expr) \
        and isinstance(cls.body[0].value, ast.Constant) else []
    code = [s for s in cls.body if s not in defs and s not in doc]
    own = astwalk.own_nodes(code)
    if any(isinstance(n, (ast.ClassDef, ast.Return, ast.Yield, ast.YieldFrom, ast.Global, ast.Nonlocal,
                          ast.FunctionDef, ast.AsyncFunctionDef, ast.Import, ast.ImportFrom)) for n in own):
        return []
    bound = {n.id for n in own if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    nested = [n for n in own if isinstance(n, astwalk.NESTED_SCOPES)]
    sure = _surely_bound(code)
    if _reads(ast.Module(nested, [])) & bound or _reads(ast.Module(code, [])) & {d.name for d in defs} \
            or (bound - sure) & attributes:
        return []
    renamed = {n: f"_{cls.name}_{n}" for n in bound}
    if set(renamed.values()) & taken:
        return []
    taken.update(renamed.values())
    for n in own:
        if isinstance(n, ast.Name) and n.id in renamed:
            n.id = renamed[n.id]
    for d in defs:  # defaults and decorators run in the class body
        for n in [x for e in d.decorator_list + d.args.defaults + [k for k in d.args.kw_defaults if k]
                  for x in astwalk.own_nodes([e])]:
            if isinstance(n, ast.Name) and n.id in renamed:
                n.id = renamed[n.id]
    cls.body = doc + [_located(ast.Assign([ast.Name(n, ast.Store())], ast.Name(renamed[n], ast.Load())), cls)
                      for n in sorted(bound & sure)] + defs or [_located(ast.Pass(), cls)]
    return code


def _surely_bound(stmts: list[ast.stmt]) -> set[str]:
    """The names `stmts` bind on every path that finishes them."""
    out: set[str] = set()
    for stmt in stmts:
        if isinstance(stmt, ast.If):
            out |= _surely_bound(stmt.body) & _surely_bound(stmt.orelse)
        elif isinstance(stmt, ast.With):
            out |= _surely_bound(stmt.body)
        elif isinstance(stmt, ast.Try):
            for handler in stmt.handlers:
                if not _surely_bound(handler.body) >= _surely_bound(stmt.body + stmt.orelse):
                    break
            else:
                out |= _surely_bound(stmt.body + stmt.orelse)
            out |= _surely_bound(stmt.finalbody)
        elif not isinstance(stmt, _CONTROL_FLOW):
            out |= {n.id for n in astwalk.own_nodes([stmt]) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return out


def _bound_in_body(cls: ast.ClassDef) -> set[str]:
    names = {n.id for n in astwalk.own_nodes(cls.body) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return names | {s.name for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


def _reads(node: ast.AST) -> set[str]:
    return {n.id for n in astwalk.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _simplify(cls: ast.ClassDef, taken: set[str]) -> list[ast.stmt]:
    """Rewrite `cls`'s body in place; the statements that must now run before it."""
    before: list[ast.stmt] = []
    bound = _bound_in_body(cls)
    body: list[ast.stmt] = []
    for stmt in cls.body:
        if isinstance(stmt, ast.ClassDef) and stmt.name not in taken and not stmt.decorator_list \
                and not (_reads(stmt) - {stmt.name}) & (bound - {stmt.name}):
            taken.add(stmt.name)
            before.extend(_simplify(stmt, taken))
            before.append(stmt)
            body.append(_located(ast.Assign([ast.Name(stmt.name, ast.Store())], ast.Name(stmt.name, ast.Load())), stmt))
            continue
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], (ast.Tuple, ast.List)) \
                and all(isinstance(t, ast.Name) for t in stmt.targets[0].elts) and not _reads(stmt.value) & bound:
            names = [t.id for t in stmt.targets[0].elts]
            temps = [f"_{cls.name}_{n}" for n in names]
            if not set(temps) & taken:
                taken.update(temps)
                target = ast.Tuple([ast.Name(t, ast.Store()) for t in temps], ast.Store())
                before.append(_located(ast.Assign([target], stmt.value), stmt))
                body.extend(_located(ast.Assign([ast.Name(n, ast.Store())], ast.Name(t, ast.Load())), stmt)
                            for n, t in zip(names, temps))
                continue
        body.append(stmt)
    if before:
        cls.body = body
    return before


def _located(node: ast.stmt, where: ast.stmt) -> ast.stmt:
    """`node` with `where`'s position on the parts made here (the user's own keep theirs)."""
    for n in astwalk.walk(node):
        if isinstance(n, (ast.stmt, ast.expr)) and not hasattr(n, "lineno"):
            ast.copy_location(n, where)
    return node
