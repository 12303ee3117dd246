"""Classes defined inside functions, moved to module level (part of the desugar pass).

Classes are static tables in the translation, one per class statement of the module.  A
class statement inside a function (or a block of one) defines the same
methods each time it runs, so it can be defined once at module level when nothing in it
uses a local name of an enclosing function and its name is not bound anywhere else.  What
the statement does each time it runs (setting the class attributes) stays where it was,
as `C.attr = value`, so a class counter starts again at each call.  Other nested classes
stay where they are and get the lowering's diagnostic.
"""
from __future__ import annotations

import ast

from portalis.frontend import astwalk


def _bound(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The names a function binds in its own scope."""
    args = fn.args
    names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
    names |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    for node in astwalk.own_nodes(fn.body):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not fn:
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def _module_names(tree: ast.Module) -> dict[str, int]:
    """How many places of the module bind each name at module level or define a class."""
    counts: dict[str, int] = {}
    for node in astwalk.own_nodes(tree.body):
        name = None
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            name = node.id
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = node.name
        if name:
            counts[name] = counts.get(name, 0) + 1
    for node in astwalk.walk(tree):
        if isinstance(node, ast.ClassDef):
            counts[node.name] = counts.get(node.name, 0) + 1
    return counts


class _Hoist:
    def __init__(self, tree: ast.Module):
        self.counts = _module_names(tree)
        self.hoisted: list[ast.ClassDef] = []

    def movable(self, cls: ast.ClassDef, enclosing: set[str]) -> bool:
        if self.counts.get(cls.name, 0) != 1 or len(cls.bases) > 1:
            return False  # (several bases: the MRO error, if any, must be raised where the statement is)
        used = {n.id for n in astwalk.walk(cls) if isinstance(n, ast.Name)}
        return not (used & (enclosing - {cls.name}))

    def block(self, stmts: list[ast.stmt], enclosing: set[str] | None) -> list[ast.stmt]:
        """`stmts` with their movable classes replaced; `enclosing` is None at module level."""
        out = []
        for stmt in stmts:
            if isinstance(stmt, ast.ClassDef) and enclosing is not None and self.movable(stmt, enclosing):
                self.class_methods(stmt)
                self.hoisted.append(stmt)
                out.extend(_run_again(stmt))
                continue
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                stmt.body = self.block(stmt.body, (enclosing or set()) | _bound(stmt))
            elif isinstance(stmt, ast.ClassDef):
                self.class_methods(stmt)
            else:
                inner = enclosing  # module-level blocks keep their classes: the lowering defines them there
                for field in ("body", "orelse", "finalbody"):
                    stmts = getattr(stmt, field, None)
                    if isinstance(stmts, list) and stmts:
                        setattr(stmt, field, self.block(stmts, inner) or [ast.Pass()])
                for handler in getattr(stmt, "handlers", None) or []:
                    handler.body = self.block(handler.body, inner) or [ast.Pass()]
            out.append(stmt)
        return out

    def class_methods(self, cls: ast.ClassDef) -> None:
        for stmt in cls.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                stmt.body = self.block(stmt.body, _bound(stmt))


def _run_again(cls: ast.ClassDef) -> list[ast.stmt]:
    """What the class statement does at its place each time it runs: set its plain class
    attributes (`C.count = 0`), which leave the module-level class."""
    special = {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "NamedTuple", "TypedDict"}
    if cls.decorator_list or cls.keywords or any(
            (b.id if isinstance(b, ast.Name) else getattr(b, "attr", None)) in special for b in cls.bases):
        return [ast.copy_location(ast.Pass(), cls)]
    again = []
    for stmt in list(cls.body):
        if isinstance(stmt, ast.Assign) and all(isinstance(t, ast.Name) for t in stmt.targets):
            targets = [ast.copy_location(ast.Attribute(ast.copy_location(ast.Name(cls.name, ast.Load()), t), t.id,
                                                       ast.Store()), t) for t in stmt.targets]
            again.append(ast.copy_location(ast.Assign(targets, stmt.value), stmt))
            cls.body.remove(stmt)
    if not cls.body:
        cls.body = [ast.copy_location(ast.Pass(), cls)]
    return again or [ast.copy_location(ast.Pass(), cls)]


def hoist_nested_classes(tree: ast.Module) -> bool:
    """Move the movable classes of functions and blocks to module level, each before the
    top-level statement that held it; whether any moved."""
    hoist = _Hoist(tree)
    body = []
    for stmt in tree.body:
        before = len(hoist.hoisted)
        [stmt] = hoist.block([stmt], None)
        body.extend(hoist.hoisted[before:])
        body.append(stmt)
    moved = len(body) != len(tree.body)
    tree.body = body
    return moved
