"""Which module functions return a native Rust tuple instead of a boxed `Value` tuple.

A function qualifies when it is only called directly, every path ends in `return`, and
every `return` is a tuple display of one fixed length, some of whose items have one
native type: `f64`, `bool`, `Str`, `i64` where `MachineInts` proves each returned item
a machine int, or a typed dict (the others stay `Value`s).  Tuples are immutable and scalars are values, so a caller
that does not unpack the result boxes a copy without changing what Python sees; a typed
dict in the tuple is only allowed where every call unpacks the result into names
(`counts, pairs = count_words(text)`), so the dict itself, not a copy, reaches them.
"""
from __future__ import annotations

import ast

from portalis.analysis.inference.containers import TypedContainers
from portalis.analysis.inference.native import scalar_type
from portalis.analysis.inference.solve import Inference
from portalis.frontend import astwalk


def tuple_displays(fn: ast.FunctionDef) -> int | None:
    """The length of the tuple every `return` of `fn` displays, if they all do."""
    if not astwalk.ends_with_return(fn.body):
        return None
    returns = [n for n in astwalk.own_nodes(fn.body) if isinstance(n, ast.Return)]
    sizes = {len(r.value.elts) if isinstance(r.value, ast.Tuple)
             and not any(isinstance(e, ast.Starred) for e in r.value.elts) else None for r in returns}
    size = sizes.pop() if len(sizes) == 1 else None
    return size if size else None


def unpacked_functions(nodes: list[ast.AST], candidates: dict[str, ast.FunctionDef]) -> dict[str, int]:
    """Functions returning tuple displays whose every call is `a, b = f(...)` into as
    many names: name -> tuple length."""
    calls: dict[str, int] = {}
    unpacked: dict[str, int] = {}
    for node in nodes:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in candidates:
            calls[node.func.id] = calls.get(node.func.id, 0) + 1
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple) \
                and all(isinstance(e, ast.Name) for e in node.targets[0].elts) \
                and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) \
                and node.value.func.id in candidates \
                and tuple_displays(candidates[node.value.func.id]) == len(node.targets[0].elts):
            unpacked[node.value.func.id] = unpacked.get(node.value.func.id, 0) + 1
    return {name: tuple_displays(candidates[name]) for name, n in unpacked.items() if calls.get(name) == n}


def tuple_returns(inference: Inference, candidates: dict[str, ast.FunctionDef], containers: TypedContainers,
                  unpacked: dict[str, int], is_int) -> dict[str, list[str]]:
    """function name -> the Rust types of its returned tuple's items.  `is_int(expr, fn)`
    tells whether MachineInts proved an expression of `fn` a machine int.  Dicts held by
    an unpacked function that ends up not typed are made dynamic here."""
    if not inference.converged:
        return {}
    while True:
        out = _typed_returns(inference, candidates, containers, unpacked, is_int)
        stranded = [cid for name in unpacked if name not in out
                    for cid in _dict_items(inference, name, containers)]
        if not stranded:
            return out
        containers.drop_dicts(stranded)


def _dict_items(inference: Inference, name: str, containers: TypedContainers) -> list[int]:
    ty = inference.model.module_functions[name].ret.type
    kind = ty.single()
    items = ty.atoms[kind] if kind is not None and kind.startswith("tuple") else ()
    return [id(item.atoms["dict"][1].find()) for item in items if containers.map_type(item)]


def _typed_returns(inference, candidates, containers, unpacked, is_int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    model = inference.model
    for name, fn in candidates.items():
        facts = model.module_functions.get(name)
        size = tuple_displays(fn)
        if facts is None or facts.node is not fn or facts.cls is not None or size is None:
            continue
        ty = facts.ret.type
        items = ty.atoms.get(f"tuple{size}") if len(ty.atoms) == 1 else None
        if items is None:
            continue
        returns = [n for n in astwalk.own_nodes(fn.body) if isinstance(n, ast.Return)]
        rust = []
        for i, item in enumerate(items):
            if item.single() == "int" and all(is_int(r.value.elts[i], fn) for r in returns):
                native = "i64"  # proven small: the machine int rather than the growing Int
            else:
                native = scalar_type(item)
            if native is None and name in unpacked:
                native = containers.map_type(item)
            rust.append(native or "Value")  # a Value item is moved in and out as it is
        if any(t != "Value" for t in rust):
            out[name] = rust
    return out
