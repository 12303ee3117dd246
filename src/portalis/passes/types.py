"""Types pass: what annotations and literals say about values, checked for conflicts.

The generated code carries every Python value as a dynamic `Value`, so translation
never depends on types being known.  This pass reads annotations (`list[int]`,
`Optional[str]`, ...) and the literal types of returned expressions, and warns where
they disagree, since such a program usually hides a bug the user wants to hear about.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from portalis.diagnostics import Diagnostic
from portalis.passes.parse import ParsedModule
from portalis.passes.scopes import ScopeInfo

_LITERAL_TYPES = {bool: "bool", int: "int", float: "float", str: "str", type(None): "None"}
_CONTAINERS = {ast.List: "list", ast.ListComp: "list", ast.Dict: "dict", ast.DictComp: "dict",
               ast.Set: "set", ast.SetComp: "set", ast.Tuple: "tuple", ast.JoinedStr: "str"}
# Which literal types an annotation admits (int is acceptable where float is expected).
_ACCEPTS = {"float": {"float", "int", "bool"}, "int": {"int", "bool"}, "complex": {"int", "float", "bool"}}
_ALIASES = {"List": "list", "Dict": "dict", "Set": "set", "Tuple": "tuple", "FrozenSet": "frozenset"}


@dataclass
class TypeInfo:
    """Annotated parameter and return types by function name, and conflicts found."""
    params: dict[str, dict[str, str]] = field(default_factory=dict)
    returns: dict[str, str] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)


def annotation_name(node: ast.expr | None) -> str | None:
    """The outer type an annotation names: `list[int]` -> "list", `Optional[x]` -> None (any)."""
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return None
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        node = ast.Name(node.attr)
    if isinstance(node, ast.Constant) and node.value is None:
        return "None"
    if isinstance(node, ast.Name):
        name = _ALIASES.get(node.id, node.id)
        return name if name in ("int", "float", "str", "bool", "list", "dict", "set", "tuple", "None") else None
    return None


def literal_type(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant):
        return _LITERAL_TYPES.get(type(node.value))
    return _CONTAINERS.get(type(node))


def infer_types(parsed: ParsedModule, scopes: ScopeInfo) -> TypeInfo:
    info = TypeInfo()
    for node in ast.walk(parsed.tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        args = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
        info.params[node.name] = {a.arg: t for a in args if (t := annotation_name(a.annotation))}
        declared = annotation_name(node.returns)
        if declared is None:
            continue
        info.returns[node.name] = declared
        for ret in _returns(node):
            found = literal_type(ret.value) if ret.value is not None else "None"
            if found and found not in _ACCEPTS.get(declared, {declared}):
                info.warnings.append(Diagnostic(
                    parsed.filename, ret.lineno, ret.col_offset + 1,
                    f"{node.name}() is annotated to return {declared} but returns a {found} here",
                    f"fix the annotation or the returned value", "warning"))
    return info


def _returns(fn: ast.FunctionDef):
    """Return statements of `fn` itself, not of nested functions."""
    todo = list(fn.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Return):
            yield node
        if not isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))
