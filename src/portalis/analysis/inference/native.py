"""Which places the lowering can hold as native Rust scalars, from the inference.

Ints proven small are i64 by their own analysis (`analysis.types.MachineInts`); this
adds `Int` (the runtime's exact int, i64 until it overflows) for the other ints, and
`f64`, `bool` and `Str` (the runtime's shared immutable text) for places that only
ever hold ints, floats, bools or strs, and `Num` for those holding ints and floats:
plain locals of functions and of the module body,
and the parameters and results of module functions that are only called directly.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from portalis.analysis.inference.lattice import Ty
from portalis.analysis.inference.solve import Inference
from portalis.analysis.inference.structs import StructPlan
from portalis.frontend import astwalk

_NATIVE = {"int": "Int", "float": "f64", "bool": "bool", "str": "Str"}
_NUMBER = {"int", "float"}


@dataclass
class NativeScalars:
    variables: dict[int, dict[str, str]] = field(default_factory=dict)  # scope node id -> name -> Rust type
    params: dict[str, list[str | None]] = field(default_factory=dict)   # module function -> per parameter
    returns: dict[str, str] = field(default_factory=dict)
    inference: Inference | None = None
    structs: StructPlan = field(default_factory=StructPlan)  # classes held as Rust structs

    def expr_type(self, node: ast.expr) -> str | None:
        """The native type of any expression that always evaluates to a float or a bool."""
        return scalar_type(self.inference.expr_type(node)) if self.inference is not None else None

    def var_type(self, scope_node: ast.AST, name: str) -> str | None:
        return self.variables.get(id(scope_node), {}).get(name)


def scalar_type(ty: Ty | None) -> str | None:
    """The native type of a scalar, or of a place holding ints at some times and floats
    at others (`Num`, which keeps each value's kind, so prints and arithmetic stay
    Python's)."""
    if ty is None or len(ty.atoms) != 1:
        return "Num" if ty is not None and ty.atoms.keys() == _NUMBER else None
    return _NATIVE.get(next(iter(ty.atoms)))


def native_scalars(inference: Inference, direct_functions: set[str], plan: StructPlan) -> NativeScalars:
    """`direct_functions`: module functions whose every use is a plain call (their Rust
    signatures can take native values); `plan`: the classes held as structs."""
    out = NativeScalars()
    if not inference.converged:
        return out
    out.inference = inference
    out.structs = plan
    model = inference.model
    module = model.scopes.module
    defined = _defined_names(module.node.body)
    out.variables[id(module.node)] = _locals(inference, module.node, module.assigned, defined, plan)
    for facts in inference.functions:
        node = facts.node
        scope = model.scopes.scope_of(node)
        direct = facts.cls is None and node.name in direct_functions and model.module_functions.get(node.name) is facts
        params: list[str | None] = []
        if direct:
            params = [native_type(place.type, plan) if name not in scope.cells else None for name, place in facts.params]
            out.params[node.name] = params
            ret = native_type(facts.ret.type, plan)
            if ret and astwalk.ends_with_return(node.body) and not scope.is_generator:
                out.returns[node.name] = ret
        params = plan.method_params.get(id(node), params)
        dynamic_params = {p for p, t in zip(scope.params, params + [None] * len(scope.params)) if t is None}
        out.variables[id(node)] = _locals(inference, node, scope.locals, dynamic_params, plan)
    return out


def native_type(ty: Ty | None, plan: StructPlan) -> str | None:
    """A scalar's native type, or the typed handle of a struct instance."""
    return scalar_type(ty) or plan.rust_type(ty)


def _defined_names(body: list[ast.stmt]) -> set[str]:
    """Names a def, class or import statement of the module binds: the inference types
    only their other bindings (`for _ in ...` after `def _`), so they stay `Value`."""
    names = set()
    for node in astwalk.own_nodes(body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _locals(inference: Inference, node: ast.AST, names, excluded: set[str], plan: StructPlan) -> dict[str, str]:
    found = {}
    for name in names:
        if name in excluded:
            continue
        rust = native_type(inference.var_type(node, name), plan)
        if rust:
            found[name] = rust
    return found
