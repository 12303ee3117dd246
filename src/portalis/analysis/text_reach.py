"""Which classes' objects may be turned into text.

CPython prints an object without `__repr__`/`__str__` with its memory address, which a
translation cannot reproduce, so lowering warns about such a class, but only when one of
its objects may reach print/str/repr/format, an f-string field, a `%` operand or a
`.format()` argument.  The module is scanned once (a per-class scan of the whole module
made translation quadratic in the number of classes); `reaches(cls)` then answers per
class.  A sink reaches `cls` when it is a `cls(...)` call, or a name (or an item of a name)
that was given one: assigned from an expression creating one, added to it, a parameter
annotated `cls`, or `self`.  Attributes and call results are not followed.
"""
from __future__ import annotations

import ast

from portalis.frontend import astwalk

_TEXT_CALLS = {"print", "str", "repr", "format", "ascii"}
_ADDERS = {"append", "add", "insert", "extend", "appendleft"}


class TextReach:
    def __init__(self, parsed):
        self._given: list[tuple[set[str], set[str]]] = []  # (classes created, names given them)
        self._annotated: dict[str, set[str]] = {}  # class -> parameters annotated with it
        self._sink_names: set[str] = set()  # names (or items of names) that become text
        self._sink_calls: set[str] = set()  # `C(...)` calls that become text
        # Only the sets above are kept, so the kinds of node are read one after the other.
        for n in parsed.of_kind(ast.Assign) + parsed.of_kind(ast.AnnAssign) + parsed.of_kind(ast.AugAssign):
            created = _created(n.value) if n.value is not None else None
            if created:
                targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                names = {t.id for target in targets for t in astwalk.walk(target) if isinstance(t, ast.Name)}
                self._given.append((created, names))
        for n in parsed.of_kind(ast.arg):
            if isinstance(n.annotation, ast.Name):
                self._annotated.setdefault(n.annotation.id, set()).add(n.arg)
        for n in parsed.of_kind(ast.Call):
            self._call(n)
        for n in parsed.of_kind(ast.FormattedValue):
            self._sink(n.value)
        for n in parsed.of_kind(ast.BinOp):
            if isinstance(n.op, ast.Mod) and isinstance(n.left, ast.Constant) and isinstance(n.left.value, str):
                self._sink(n.right)

    def reaches(self, cls: str) -> bool:
        if cls in self._sink_calls:
            return True
        holders = {"self"} | self._annotated.get(cls, set())
        for created, names in self._given:
            if cls in created:
                holders |= names
        return not holders.isdisjoint(self._sink_names)

    def _call(self, n: ast.Call) -> None:
        func = n.func
        if isinstance(func, ast.Name) and func.id in _TEXT_CALLS or \
                isinstance(func, ast.Attribute) and func.attr == "format":
            for arg in [*n.args, *(k.value for k in n.keywords)]:
                self._sink(arg)
        elif isinstance(func, ast.Attribute) and func.attr in _ADDERS and isinstance(func.value, ast.Name):
            created = set().union(*(_created(a) for a in n.args))
            if created:
                self._given.append((created, {func.value.id}))

    def _sink(self, expr: ast.expr) -> None:
        if isinstance(expr, ast.Name):
            self._sink_names.add(expr.id)
        elif isinstance(expr, ast.Call):
            if isinstance(expr.func, ast.Name):
                self._sink_calls.add(expr.func.id)
        elif isinstance(expr, (ast.Subscript, ast.Starred)):
            self._sink(expr.value)
        elif not isinstance(expr, (ast.Attribute, ast.Constant, ast.Lambda)):
            for child in ast.iter_child_nodes(expr):
                if isinstance(child, ast.expr):
                    self._sink(child)


def _created(expr: ast.expr) -> set[str]:
    """The names called anywhere in `expr` (the classes it may create an object of)."""
    return {n.func.id for n in astwalk.walk(expr) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
