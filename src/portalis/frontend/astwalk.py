"""Fast AST traversal shared by the passes.

`ast.walk` and `ast.iter_child_nodes` go through two layers of generators per node;
translation speed is dominated by tree walks, so the passes use these plain loops.
"""
from __future__ import annotations

import ast

_AST = ast.AST


_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}  # node class -> fields that may hold nodes


def child_fields(cls: type) -> tuple[str, ...]:
    """The fields of an AST class that may hold nodes.  Expression contexts
    (`Load`/`Store`/`Del`) are left out: no pass looks at them except through `.ctx`."""
    fields = _CHILD_FIELDS.get(cls)
    if fields is None:
        fields = _CHILD_FIELDS[cls] = tuple(f for f in cls._fields if f != "ctx")
    return fields


def children(node: ast.AST) -> list[ast.AST]:
    """The direct child nodes of `node`, in field order (contexts skipped)."""
    out = []
    for name in child_fields(node.__class__):
        value = getattr(node, name, None)
        if value.__class__ is list:
            for v in value:
                if isinstance(v, _AST):
                    out.append(v)
        elif isinstance(value, _AST):
            out.append(value)
    return out


def collect(todo: list, closed: tuple) -> list[ast.AST]:
    """The nodes of `todo` (consumed) and every node under them, not entering nodes of
    the `closed` kinds (which are listed).  The loop of every walk: it runs once per node,
    so children are pushed in place rather than through `children`."""
    out = []
    fields_of = _CHILD_FIELDS
    while todo:
        node = todo.pop()
        out.append(node)
        if isinstance(node, closed):
            continue
        fields = fields_of.get(node.__class__)
        for name in fields if fields is not None else child_fields(node.__class__):
            value = getattr(node, name, None)
            if value.__class__ is list:
                for v in value:
                    if isinstance(v, _AST):
                        todo.append(v)
            elif isinstance(value, _AST):
                todo.append(value)
    return out


def walk(node: ast.AST) -> list[ast.AST]:
    """Every node under `node` (itself included), in no particular order."""
    return collect([node], ())


NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.ListComp, ast.SetComp,
                  ast.DictComp, ast.GeneratorExp)


def own_nodes(stmts: list[ast.AST]) -> list[ast.AST]:
    """`stmts` and every node under them that runs in their own scope: nested functions,
    classes, lambdas and comprehensions are listed but not entered."""
    return collect(list(stmts), NESTED_SCOPES)


def ends_with_return(body: list[ast.stmt]) -> bool:
    """Whether control cannot fall off the end of `body` (so no implicit `return None`)."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return True
    if isinstance(last, ast.If):
        return bool(last.orelse) and ends_with_return(last.body) and ends_with_return(last.orelse)
    if isinstance(last, ast.While) and isinstance(last.test, ast.Constant) and last.test.value is True:
        return not any(isinstance(n, ast.Break) for n in same_loop_nodes(last.body))
    return False


def same_loop_nodes(stmts: list[ast.stmt]):
    """Nodes of a loop body that belong to that loop: nested loops, functions and
    classes are not entered (a `break` there leaves another loop)."""
    todo = list(stmts)
    while todo:
        node = todo.pop()
        yield node
        for child in children(node):
            if not isinstance(child, (ast.For, ast.While, ast.FunctionDef, ast.Lambda, ast.ClassDef)):
                todo.append(child)


def rebound_functions(body: list[ast.stmt], own: list[ast.AST]) -> set[str]:
    """Names of a module's top-level functions that its top-level code binds more than
    once (a second def, an assignment, an import): such a name is a variable, not one fn.
    `own` is `own_nodes(body)`, which the callers have at hand."""
    defs = [s.name for s in body if isinstance(s, ast.FunctionDef)]
    names = {n for n in defs if defs.count(n) > 1}
    for node in own:
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names & set(defs)
