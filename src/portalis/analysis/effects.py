"""Effects pass: which functions suspend (`yield`).

Lowering needs to know, before it emits a function, whether the function is a
generator: such a function cannot become a plain Rust fn returning one value.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from portalis.frontend.parse import ParsedModule
from portalis.analysis.scopes import ScopeInfo


@dataclass
class EffectInfo:
    generators: set[int] = field(default_factory=set)

    def is_generator(self, node: ast.AST) -> bool:
        return id(node) in self.generators


def analyse_effects(parsed: ParsedModule, scopes: ScopeInfo) -> EffectInfo:
    """Generators are recorded by the scopes pass as it meets each `yield`."""
    info = EffectInfo()
    for node_id, scope in scopes.by_node.items():
        if scope.is_generator and scope.kind in ("function", "lambda"):
            info.generators.add(node_id)
    return info
