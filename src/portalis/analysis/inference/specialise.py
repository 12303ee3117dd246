"""Per-signature specialisation: a module function called with different argument
types (`check([1, 2], 7)` and `check(["a"], "b")`) gets one copy per signature, so each
copy's parameters are typed natively instead of meeting as `int | str`.

After a first inference, a function qualifies when a parameter's type conflicts, its
defaults are literals (a list default is one object all calls share), every use of its
name is a plain call written after its `def` (so it does not call itself), and its
calls fall into at most `MAX_VARIANTS` groups by the types of their arguments.  Each
group after the first gets a copy of the `def` (named `f_2`, `f_3`, ...; Python still
knows it as `f`) placed right after the original, and its calls are pointed at it.
The caller then runs the inference again over the rewritten module, and merges back
the copies of a function where some copy still has a parameter without a native type,
and copies that came out alike.
"""
from __future__ import annotations

import ast
import copy

from portalis.analysis.inference import lattice as L
from portalis.analysis.inference.report import native_problem
from portalis.analysis.inference.solve import Inference
from portalis.analysis.scopes import ScopeInfo
from portalis.frontend import astwalk
from portalis.frontend.parse import ParsedModule

MAX_VARIANTS = 4  # more distinct signatures than this: the function stays one, dynamic


class Copies:
    """The copies made of each function: `name -> [(copy's def, its calls)]`."""

    def __init__(self):
        self.made: dict[str, list[tuple[ast.FunctionDef, list[ast.Call]]]] = {}

    def __bool__(self) -> bool:
        return bool(self.made)


def specialise(parsed: ParsedModule, scopes: ScopeInfo, inference: Inference) -> Copies:
    """Copy the functions that qualify (see the module docstring)."""
    copies = Copies()
    if not inference.converged:
        return copies
    model = inference.model
    wanted = {name for name, facts in model.module_functions.items() if not facts.escapes and _conflicting(facts)}
    if not wanted:
        return copies  # the common case: nothing to split, nothing walked
    tree = parsed.tree
    calls: dict[str, list[ast.Call]] = {}
    called = set()
    shadowed = scopes.local_name_nodes(parsed, set(model.module_functions))
    for node in parsed.of_kind(ast.Call):
        if isinstance(node.func, ast.Name) and id(node.func) not in shadowed:
            calls.setdefault(node.func.id, []).append(node)
            called.add(id(node.func))
    other_uses = {n.id for n in parsed.of_kind(ast.Name) if id(n) not in called and id(n) not in shadowed}
    taken = {n.id for n in parsed.of_kind(ast.Name)} | set(model.module_functions) | set(model.classes)
    for name in sorted(wanted):
        facts = model.module_functions[name]
        sites = sorted(calls.get(name, []), key=lambda c: (c.lineno, c.col_offset))  # copies in source order
        if name in other_uses or len(sites) < 2 or scopes.scope_of(facts.node).is_generator \
                or _shared_defaults(facts.node) or not _plain_calls(facts.node, sites):
            continue
        groups: dict[tuple, list[ast.Call]] = {}
        for call in sites:
            groups.setdefault(_signature(call, inference), []).append(call)
        if not 1 < len(groups) <= MAX_VARIANTS:
            continue
        position = tree.body.index(facts.node)
        for number, group in enumerate(list(groups.values())[1:], start=2):
            clone_name = _fresh(name, number, taken)
            clone = copy.deepcopy(facts.node)
            clone.name = clone_name
            tree.body.insert(position + number - 1, clone)
            parsed.specialised[clone_name] = name
            for call in group:
                call.func.id = clone_name
            copies.made.setdefault(name, []).append((clone, group))
    if copies:
        parsed.nodes = astwalk.walk(tree)
    return copies


def undo_unhelpful(parsed: ParsedModule, inference: Inference, copies: Copies, native_params) -> tuple[bool, bool]:
    """After the inference over the copies: merge back every copy of a function where
    some copy's parameters are still not all native (`native_params(facts)`: the
    lowering holds each natively), as one dynamic function reads better than several;
    and merge a copy into an earlier one that came out with the same parameter types
    (its calls were told apart by a variable whose type the first inference had
    widened).  Returns whether the tree changed and whether any function is still split."""
    model = inference.model
    changed = split = False
    for name, made in copies.made.items():
        family = [model.module_functions.get(name)] + [model.module_functions.get(c.name) for c, _ in made]
        helpful = all(f is not None and not _conflicting(f, any_problem=True) and native_params(f) for f in family)
        seen = {_param_types(family[0]): name} if helpful else {}
        for (clone, calls), facts in zip(made, family[1:]):
            target = seen.setdefault(_param_types(facts), clone.name) if helpful else name
            if target == clone.name:
                split = True
                continue
            parsed.tree.body.remove(clone)
            del parsed.specialised[clone.name]
            for call in calls:
                call.func.id = target
            changed = True
    if changed:
        parsed.nodes = astwalk.walk(parsed.tree)
    return changed, split


def _param_types(facts) -> tuple:
    return tuple(L.show(place.type) for _, place in facts.params)


def _conflicting(facts, any_problem: bool = False) -> bool:
    """A parameter whose type mixes kinds that no native type holds together (or, with
    `any_problem`, that has no native type for any reason)."""
    for _, place in facts.params:
        problem = native_problem(place.type)
        if problem and (any_problem or "conflicting types" in problem):
            return True
    return False


def _shared_defaults(fn: ast.FunctionDef) -> bool:
    """A default other than a literal is one object that every call shares (`acc=[]`):
    copies of the function would each have their own."""
    defaults = fn.args.defaults + [d for d in fn.args.kw_defaults if d is not None]
    return not all(isinstance(d, ast.Constant) for d in defaults)


def _plain_calls(fn: ast.FunctionDef, sites: list[ast.Call]) -> bool:
    """Calls without `*`/`**` unpacking, all written after the function's `def` (so none
    is inside it, and none can run before the copies are bound)."""
    return all(call.lineno > fn.end_lineno and not any(isinstance(a, ast.Starred) for a in call.args)
               and all(k.arg is not None for k in call.keywords) for call in sites)


def _signature(call: ast.Call, inference: Inference) -> tuple:
    """The types of a call's arguments, read from their own expressions (a literal
    list's elements, not the parameter's joined ones)."""
    return tuple(_shape(a, inference) for a in call.args) + \
        tuple((k.arg, _shape(k.value, inference)) for k in call.keywords)


def _shape(node: ast.expr, inference: Inference) -> str:
    if isinstance(node, ast.Constant):
        return type(node.value).__name__
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return type(node.operand.value).__name__
    if isinstance(node, (ast.List, ast.Set)):
        items = sorted({_shape(e, inference) for e in node.elts})
        return f"{type(node).__name__.lower()}[{' | '.join(items)}]"
    if isinstance(node, ast.Tuple):
        return f"tuple[{', '.join(_shape(e, inference) for e in node.elts)}]"
    if isinstance(node, ast.Dict):
        keys = sorted({_shape(k, inference) for k in node.keys if k is not None})
        values = sorted({_shape(v, inference) for v in node.values})
        return f"dict[{' | '.join(keys)}, {' | '.join(values)}]"
    ty = inference.expr_type(node)
    return L.show(ty) if ty is not None else "?"


def _fresh(name: str, number: int, taken: set[str]) -> str:
    candidate = f"{name}_{number}"
    while candidate in taken:
        candidate += "_"
    taken.add(candidate)
    return candidate
