"""`try`-guarded fallbacks that CPython always takes (part of the desugar pass).

Programs written for both Python 2 and 3 guard a name that Python 3 lacks:

    try:
        from itertools import izip as zip
    except ImportError:
        pass

CPython 3 raises at that statement every time and runs the handler, so the translation
does the same at translation time: the `try` becomes the statements before the failing
one followed by the handler's body (and the `finally` body), and the missing name is never
translated.  Only handlers that catch the error without binding it qualify; anything else
keeps the `try` (and the lowering's diagnostic for the missing name).
"""
from __future__ import annotations

import ast
import importlib
import sys

from portalis.analysis.stdlib_names import STDLIB
from portalis.lower.calls import cpython_import_fails

_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
_ATTRIBUTE_ERRORS = {"AttributeError", "Exception", "BaseException"}


def take_fallbacks(tree: ast.Module) -> bool:
    """Replace each `try` whose body surely fails in CPython with what CPython then runs;
    whether any was."""
    modules = {alias.asname or alias.name: alias.name for stmt in tree.body if isinstance(stmt, ast.Import)
               for alias in stmt.names if "." not in alias.name}
    rewrite = _Fallbacks(modules)
    rewrite.visit(tree)
    return rewrite.taken


class _Fallbacks(ast.NodeTransformer):
    def __init__(self, modules: dict[str, str]):
        self.modules = modules  # name -> standard-library module it was imported as
        self.taken = False

    def visit_Try(self, node: ast.Try):
        self.generic_visit(node)
        for i, stmt in enumerate(node.body):
            caught = self._raises(stmt)
            if caught is None:
                continue
            handler = next((h for h in node.handlers if _catches(h, caught)), None)
            if handler is None or handler.name:
                return node
            self.taken = True
            return node.body[:i] + handler.body + node.finalbody
        return node

    def _raises(self, stmt: ast.stmt) -> set[str] | None:
        """The handler names that catch what `stmt` surely raises in CPython, or None."""
        if isinstance(stmt, (ast.Import, ast.ImportFrom)) and cpython_import_fails(stmt):
            return _IMPORT_ERRORS
        value = stmt.value if isinstance(stmt, (ast.Assign, ast.Expr)) else None
        if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id in self.modules:
            module = self.modules[value.value.id]
            if module in STDLIB and module in sys.stdlib_module_names \
                    and not hasattr(importlib.import_module(module), value.attr):
                return _ATTRIBUTE_ERRORS
        return None


def _catches(handler: ast.ExceptHandler, names: set[str]) -> bool:
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(k, ast.Name) and k.id in names for k in kinds)
