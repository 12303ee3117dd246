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


def analyse_effects(parsed: ParsedModule, scopes: ScopeInfo) -> EffectInfo:
    """One pass over the tree, remembering the innermost function around each node."""
    info = EffectInfo()
    todo: list[tuple[ast.AST, ast.AST | None]] = [(parsed.tree, None)]
    while todo:
        node, owner = todo.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)) and owner is not None:
            info.generators.add(id(owner))
        inner = node if isinstance(node, (ast.FunctionDef, ast.Lambda)) else \
            None if isinstance(node, ast.ClassDef) else owner
        todo.extend((child, inner) for child in ast.iter_child_nodes(node))
    return info
