"""Which module functions return `Option<T>` for a Python result that is a `T` or None.

A function qualifies when it is only called directly, every path ends in `return`, its
result type is exactly one scalar `T` (`int`, `float`, `bool`, `str`) joined with None,
and every `return` is either None (`return`, `return None`) or an expression of exactly
`T`; an int must be proven a machine int by `MachineInts`.  Callers box the result where
they need a `Value` (`None` or the boxed `T`), so what Python sees is unchanged.
"""
from __future__ import annotations

import ast

from portalis.analysis.inference.solve import Inference
from portalis.frontend import astwalk

_RUST = {"int": "i64", "float": "f64", "bool": "bool", "str": "Str"}


def is_none(node: ast.expr | None) -> bool:
    return node is None or (isinstance(node, ast.Constant) and node.value is None)


def option_returns(inference: Inference, candidates: dict[str, ast.FunctionDef], is_int) -> dict[str, str]:
    """function name -> the Rust type `T` of its `Option<T>` result.  `is_int(expr, fn)`
    tells whether MachineInts proved an expression of `fn` a machine int."""
    out: dict[str, str] = {}
    if not inference.converged:
        return out
    model = inference.model
    for name, fn in candidates.items():
        facts = model.module_functions.get(name)
        if facts is None or facts.node is not fn or facts.cls is not None or not astwalk.ends_with_return(fn.body):
            continue
        atoms = facts.ret.type.atoms
        kinds = [a for a in atoms if a != "None"]
        if len(atoms) != 2 or "None" not in atoms or len(kinds) != 1 or kinds[0] not in _RUST:
            continue
        kind = kinds[0]
        ok = True
        for ret in (n for n in astwalk.own_nodes(fn.body) if isinstance(n, ast.Return)):
            if is_none(ret.value):
                continue
            ty = inference.expr_type(ret.value)
            if ty is None or ty.single() != kind or (kind == "int" and not is_int(ret.value, fn)):
                ok = False
                break
        if ok:
            out[name] = _RUST[kind]
    return out
