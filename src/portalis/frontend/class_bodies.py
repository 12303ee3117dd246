"""Class bodies reduced to methods and one-name attributes (part of the desugar pass).

The lowering makes a class a static table of methods plus attributes `name = value`.  Two
other things module-level class bodies often hold are spelt in those terms here:

- a class nested in the class body (`class Outer: class Inner: ...`) is defined before
  the outer class, at module level, and the body keeps `Inner = Inner` (so `Outer.Inner`
  and `self.Inner()` work); only when no other module-level statement binds that name;
- an unpacking assignment (`class Dir: up, right, down, left = range(4)`) unpacks at
  module level just before the class, into one name per target, with CPython's errors,
  and the body takes each attribute from its name; only when the value reads nothing the
  class body itself binds.
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
    for stmt in tree.body:
        if isinstance(stmt, ast.ClassDef):
            before = _simplify(stmt, taken)
            changed |= bool(before)
            body.extend(before)
        body.append(stmt)
    tree.body[:] = body
    return changed


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
