"""The fixed point: walk every scope of the module again and again until no place
grows.  Types only grow and containers only merge, so this ends; a bound on the number
of rounds guards against a lattice that keeps growing, in which case the results are
marked unreliable and nothing is lowered natively from them.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from portalis.analysis.inference import lattice as L
from portalis.analysis.inference.lattice import Place, Ty
from portalis.analysis.inference.program import ClassFacts, FunctionFacts, ProgramModel
from portalis.analysis.inference.walk import Walker, _is_instance_method
from portalis.analysis.scopes import ScopeInfo
from portalis.frontend import astwalk
from portalis.frontend.parse import ParsedModule

MAX_ROUNDS = 40


@dataclass
class Inference:
    """The inferred types: every function's parameters and return, class attributes,
    module globals and locals, by place."""
    model: ProgramModel
    converged: bool
    rounds: int
    functions: list[FunctionFacts] = field(default_factory=list)

    @property
    def classes(self) -> dict[str, ClassFacts]:
        return self.model.classes

    def expr_type(self, node: ast.expr) -> Ty | None:
        return self.model.solver.expr_types.get(id(node))

    def var_type(self, scope_node: ast.AST, name: str) -> Ty | None:
        place = self.model.vars.get((id(scope_node), name))
        return place.type if place is not None else None

    def function(self, node: ast.FunctionDef) -> FunctionFacts | None:
        return self.model.functions.get(id(node))

    def globals(self) -> dict[str, Place]:
        module = id(self.model.scopes.module.node)
        return {name: place for (scope, name), place in self.model.vars.items() if scope == module}


class _Solver:
    def __init__(self):
        self.changed = 0
        self.sites: dict[tuple[int, str], Place] = {}
        self.expr_types: dict[int, Ty] = {}  # id(expression node) -> its type


def infer(parsed: ParsedModule, scopes: ScopeInfo) -> Inference:
    solver = _Solver()
    model = ProgramModel(parsed, scopes, solver)
    walker = Walker(model)
    walker._node = parsed.tree
    _seed(model, walker)
    functions = list(model.functions.values())
    classes = [(scopes.scope_of(c.node), c.node.body) for c in model.classes.values()]
    rounds = 0
    converged = False
    for phase in (1, 2):
        if phase == 2:
            solver.changed = 0
            _unreached(model)
            if converged and not solver.changed:
                break  # every place was reached: the first fixed point is the answer
        converged = False
        while rounds < MAX_ROUNDS:
            rounds += 1
            solver.changed = 0
            walker.scope, walker.function = scopes.module, None
            walker.walk_body(parsed.tree.body)
            for scope, body in classes:
                walker.scope, walker.function = scope, None
                walker.walk_body(body)
            for facts in functions:
                walker.scope, walker.function = scopes.scope_of(facts.node), facts
                walker.walk_body(facts.node.body)
            if not solver.changed:
                converged = True
                break
    return Inference(model, converged, rounds, functions)


def _unreached(model: ProgramModel) -> None:
    """After the first fixed point, a parameter or attribute that no value reached holds
    values the inference did not see (a function only called from outside, an attribute
    set by a built-in base class): those are dynamic, not "never"."""
    for facts in model.functions.values():
        for name, place in facts.params:
            if not place.type.atoms:
                place.add(L.dyn("no call to this function was seen"), getattr(facts.node, "lineno", 0))
    for cls in model.classes.values():
        for attr, place in cls.attrs.items():
            if not place.type.atoms:
                place.add(L.dyn(f"attribute {attr} is never assigned in this module"), 0)


def _seed(model: ProgramModel, walker: Walker) -> None:
    """What holds before any statement runs: `self` is an instance of its class,
    dunder methods are called by the runtime with arguments it chooses, a body that
    can end without `return` returns None, generator functions return iterators."""
    for facts in model.functions.values():
        if _is_instance_method(facts):  # an instance of each class that inherits this method
            for sub in model.subclasses(facts.cls.name):
                if model.method(sub, facts.node.name) is facts:
                    facts.params[0][1].add(L.instance(sub), getattr(facts.node, "lineno", 0))
        name = facts.node.name
        if facts.cls is not None and name.startswith("__") and name.endswith("__") and name != "__init__":
            walker.function_escapes(facts, f"{name} is called by the runtime")
        if not astwalk.ends_with_return(facts.node.body):
            facts.ret.add(L.NONE, getattr(facts.node, "lineno", 0))
        if model.scopes.scope_of(facts.node).is_generator:
            facts.ret.add(L.dyn("a generator function returns an iterator"), getattr(facts.node, "lineno", 0))
