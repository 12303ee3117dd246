"""Effects pass: which functions suspend (`yield`).

Lowering needs to know, before it emits a function, whether the function is a
generator: such a function cannot become a plain Rust fn returning one value.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from portalis.passes.parse import ParsedModule
from portalis.passes.scopes import ScopeInfo


@dataclass
class EffectInfo:
    generators: set[int] = field(default_factory=set)

    def is_generator(self, node: ast.AST) -> bool:
        return id(node) in self.generators


def _own_nodes(fn: ast.AST):
    """Nodes in a function's body, not inside nested functions or classes."""
    todo = list(ast.iter_child_nodes(fn))
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))


def analyse_effects(parsed: ParsedModule, scopes: ScopeInfo) -> EffectInfo:
    info = EffectInfo()
    for node in ast.walk(parsed.tree):
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            own = list(_own_nodes(node))
            if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in own):
                info.generators.add(id(node))
    return info
