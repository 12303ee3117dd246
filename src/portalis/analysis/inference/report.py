"""The inference's findings for people: every function's signature, class attributes,
globals, and each place that stays dynamic with its line and the reason, as text
(`portalis types`) or as plain data (the service's `metadata`).
"""
from __future__ import annotations

import ast

from portalis.analysis.inference import lattice as L
from portalis.analysis.inference.lattice import Place, Ty
from portalis.analysis.inference.solve import Inference


def native_problem(ty: Ty, seen: frozenset = frozenset(), element: bool = False) -> str | None:
    """Why a value of this type cannot have a native Rust representation, or None.
    A place (not a container's element) holding ints and floats is a native `Num`."""
    atoms = ty.atoms
    if not atoms:
        return "no value ever reaches it"
    if "dyn" in atoms:
        return atoms["dyn"]
    if "func" in atoms:
        return "holds a function value"
    kinds = [a for a in atoms if a != "None"]
    if not kinds:
        return None
    classes = [a[6:] for a in kinds if a.startswith("class:")]
    if classes and len(classes) == len(kinds):
        return None
    if len(kinds) > 1:
        if set(kinds) == {"int", "float"}:
            return "mixes int and float (Python prints them differently)" if element or "None" in atoms else None
        return "conflicting types " + " and ".join(L.show(Ty({k: atoms[k]})) for k in kinds)
    kind = kinds[0]
    payload = atoms[kind]
    places = [payload] if kind in L.CONTAINERS else list(payload) if kind == "dict" else []
    for place in places:
        root = place.find()
        if id(root) in seen or not root.ty.atoms:
            continue
        problem = native_problem(root.ty, seen | {id(root)}, element=True)
        if problem:
            return f"elements: {problem}"
    if kind.startswith("tuple"):
        for item in payload:
            problem = native_problem(item, seen, element)
            if problem:
                return f"tuple item: {problem}"
    return None


def _line(place: Place) -> int:
    root = place.find()
    lines = [v for v in root.lines.values() if v]
    return min(lines) if lines else 0


def _dyn_line(place: Place) -> int:
    root = place.find()
    return root.lines.get("dyn") or _line(place)


def signature(facts) -> str:
    params = ", ".join(f"{name}: {L.show(place.type) if place.type.atoms else '?'}" for name, place in facts.params)
    return f"def {facts.qualname}({params}) -> {L.show(facts.ret.type) if facts.ret.type.atoms else 'None'}"


def facts(inference: Inference) -> dict:
    """Plain data: signatures, class attributes, globals and fallbacks."""
    model = inference.model
    out = {"converged": inference.converged, "functions": [], "classes": {}, "globals": {}, "fallbacks": []}

    def fallback(place: Place, where: str, line: int) -> None:
        problem = native_problem(place.type)
        if problem:
            out["fallbacks"].append({"line": _dyn_line(place) or line, "place": where, "type": L.show(place.type),
                                     "reason": problem})

    for fn in sorted(inference.functions, key=lambda f: getattr(f.node, "lineno", 0)):
        node = fn.node
        out["functions"].append({"name": fn.qualname, "line": getattr(node, "lineno", 0), "signature": signature(fn),
                                 "params": {n: L.show(p.type) for n, p in fn.params},
                                 "returns": L.show(fn.ret.type) if fn.ret.type.atoms else "None"})
        own_params = fn.params[1:] if fn.cls is not None and fn.params else fn.params
        if fn.escapes and own_params:  # one line for the function rather than one per parameter
            out["fallbacks"].append({"line": getattr(node, "lineno", 0), "place": f"{fn.qualname}()", "type": "",
                                     "reason": f"parameters unknown: {fn.escapes}"})
        else:
            for name, place in own_params:
                fallback(place, f"parameter {name} of {fn.qualname}()", getattr(node, "lineno", 0))
        if fn.ret.type.atoms:
            fallback(fn.ret, f"return value of {fn.qualname}()", getattr(node, "lineno", 0))
        scope = model.scopes.scope_of(node)
        for name in sorted(scope.locals - set(scope.params)):
            place = model.vars.get((id(node), name))
            if place is not None and place.type.atoms:
                fallback(place, f"local {name} in {fn.qualname}()", getattr(node, "lineno", 0))
    for cls in model.classes.values():
        attrs = {}
        for attr, place in sorted(cls.attrs.items()):
            attrs[attr] = L.show(place.type)
            fallback(place, f"attribute {cls.name}.{attr}", getattr(cls.node, "lineno", 0))
        out["classes"][cls.name] = attrs
    for name, place in sorted(inference.globals().items()):
        out["globals"][name] = L.show(place.type)
        fallback(place, f"global {name}", 0)
    out["fallbacks"].sort(key=lambda f: (f["line"], f["place"]))
    return out


def render(inference: Inference, filename: str) -> str:
    """The text `portalis types` prints."""
    data = facts(inference)
    lines = []
    if not data["converged"]:
        lines.append("note: inference did not reach a fixed point; everything stays dynamic")
    lines.append("functions:")
    for fn in data["functions"]:
        lines.append(f"  {filename}:{fn['line']}: {fn['signature']}")
    if data["classes"]:
        lines.append("classes:")
        for name, attrs in data["classes"].items():
            lines.append(f"  class {name}:")
            for attr, ty in attrs.items():
                lines.append(f"      {attr}: {ty}")
    if data["globals"]:
        lines.append("globals:")
        for name, ty in data["globals"].items():
            lines.append(f"  {name}: {ty}")
    lines.append(f"dynamic fallbacks ({len(data['fallbacks'])}):")
    for f in data["fallbacks"]:
        ty = f" ({f['type']})" if f["type"] else ""
        lines.append(f"  {filename}:{f['line']}: {f['place']}{ty}: {f['reason']}")
    return "\n".join(lines) + "\n"
