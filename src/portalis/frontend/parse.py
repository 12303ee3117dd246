"""Parse pass: source text to a Python AST, with every syntax problem as a diagnostic.

It also rejects input that is not Python text at all (binary junk, huge files) before
the parser sees it, and reports language features Portalis does not translate, all of
them at once, each with its line and column and what to write instead.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from portalis.frontend import astwalk
from portalis.frontend.coroutines import ASYNC_NODES, rewrite_coroutines
from portalis.frontend.doctests import rewrite_doctests
from portalis.frontend.library_limits import argparse_limits
from portalis.frontend.match import rewrite_matches
from portalis.diagnostics import Diagnostic, TranslationError

MAX_SOURCE_BYTES = 2_000_000

# Constructs rejected outright: ast node type -> (what, what to write instead).
UNSUPPORTED_NODES = {
    ast.AsyncFunctionDef: ("this async function is not supported (an async generator, or a module using asyncio "
                           "names other than run, gather, sleep, create_task, Queue, CancelledError)",
                           "use a coroutine without yield and those asyncio names"),
    ast.AsyncFor: ("async for is not supported here", "use async for inside a supported async def"),
    ast.AsyncWith: ("async with is not supported here", "use async with inside a supported async def"),
    ast.Await: ("await is not supported here", "use await inside a supported async def"),
    ast.Match: ("this match statement's patterns are not supported yet (a class pattern with positional "
                "sub-patterns needs __match_args__ known: a dataclass, NamedTuple or explicit tuple)",
                "use keyword sub-patterns, or if/elif chains"),
    ast.TryStar: ("except* is not supported", "use a plain except clause"),
}

UNSUPPORTED_CALLS = {
    "eval": "evaluating code at run time cannot be compiled ahead of time; compute the value directly",
    "exec": "executing code at run time cannot be compiled ahead of time; write the code inline",
    "compile": "compiling code at run time is not supported; write the code inline",
    "globals": "the globals() dictionary is not available; use a dict you create",
    "locals": "the locals() dictionary is not available; use a dict you create",
    "vars": "vars() without an argument (the local variables) is not available; use a dict you create",
    "__import__": "dynamic imports are not supported; use an import statement",
}


@dataclass
class ParsedModule:
    tree: ast.Module
    source: str
    filename: str
    nodes: list = field(default_factory=list)  # every node of the tree (kept current by desugar)
    display_names: dict = field(default_factory=dict)  # linked project names -> `module.name`
    module_files: list = field(default_factory=list)  # a linked project's (path, source, import) by module index
    specialised: dict = field(default_factory=dict)  # a function's per-signature copy -> its name
    # Indexes over `nodes`, built on first use; a new `nodes` list (the tree changed) drops them.
    _indexed: list | None = field(default=None, init=False, repr=False, compare=False)
    _by_kind: dict | None = field(default=None, init=False, repr=False, compare=False)
    _own: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _current(self) -> None:
        if self._indexed is not self.nodes:
            self._indexed, self._by_kind, self._own = self.nodes, None, {}

    def of_kind(self, kind: type) -> list:
        """The nodes of exactly the class `kind` (`ast.Call`, ...), in `nodes` order: the
        analyses ask for a few kinds each, and one index beats a scan of every node per ask."""
        self._current()
        if self._by_kind is None:
            index: dict[type, list] = {}
            for node in self.nodes:
                found = index.get(node.__class__)
                if found is None:
                    index[node.__class__] = [node]
                else:
                    found.append(node)
            self._by_kind = index
        return self._by_kind.get(kind, [])

    def own_nodes(self, scope: ast.Module | ast.FunctionDef) -> list:
        """`astwalk.own_nodes(scope.body)`, walked once per scope (several passes ask)."""
        self._current()
        found = self._own.get(id(scope))
        if found is None:
            found = self._own[id(scope)] = astwalk.own_nodes(scope.body)
        return found


def parse_module(source: str, filename: str, project_packages: frozenset = frozenset()) -> ParsedModule:
    """Parse `source`; raise TranslationError with every problem found.  In a project,
    `from m import *` of its own modules (`project_packages`: their top-level names) is
    allowed: the linker expands it."""
    _check_text(source, filename)
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as err:
        line, col = err.lineno or 1, (err.offset or 1)
        raise TranslationError([Diagnostic(filename, line, col, f"invalid syntax: {err.msg}",
                                           "fix the Python syntax; the program must run under CPython 3.11")])
    except (RecursionError, MemoryError):
        raise TranslationError([Diagnostic(filename, 1, 1, "input is nested too deeply to parse",
                                           "split deeply nested expressions into smaller statements")])
    except ValueError as err:
        raise TranslationError([Diagnostic(filename, 1, 1, f"source cannot be parsed: {err}",
                                           "remove NUL bytes and non-text content")])
    nodes = astwalk.walk(tree)
    kinds = {n.__class__ for n in nodes}
    has_match, has_async = ast.Match in kinds, not kinds.isdisjoint(ASYNC_NODES)
    if has_match:
        rewrite_matches(tree)
    if has_async:
        rewrite_coroutines(tree)
    library_problems = argparse_limits(tree, filename) if "argparse" in source else []
    library_problems += rewrite_doctests(tree, source, filename) if "doctest" in source else []
    if has_match or has_async or "doctest" in source:
        nodes = astwalk.walk(tree)
    diagnostics = sorted([*_unsupported(nodes, filename, project_packages), *library_problems],
                         key=lambda d: (d.line, d.col))
    if diagnostics:
        raise TranslationError(diagnostics)
    return ParsedModule(tree, source, filename, nodes)


def _check_text(source: str, filename: str) -> None:
    if len(source.encode("utf-8", "surrogatepass")) > MAX_SOURCE_BYTES:
        raise TranslationError([Diagnostic(filename, 1, 1, f"source is larger than {MAX_SOURCE_BYTES} bytes",
                                           "translate the program module by module")])
    if "\x00" in source:
        line = source.count("\n", 0, source.index("\x00")) + 1
        raise TranslationError([Diagnostic(filename, line, 1, "source contains NUL bytes: this is not Python text",
                                           "pass a .py file saved as UTF-8 text")])


def _unsupported(nodes: list[ast.AST], filename: str, project_packages: frozenset):
    for node in nodes:
        kind = node.__class__
        entry = UNSUPPORTED_NODES.get(kind)
        if entry:
            yield Diagnostic(filename, node.lineno, node.col_offset + 1, entry[0], entry[1])
        elif kind is ast.Call and isinstance(node.func, ast.Name) and node.func.id in UNSUPPORTED_CALLS \
                and not (node.func.id == "vars" and node.args):
            yield Diagnostic(filename, node.lineno, node.col_offset + 1,
                             f"{node.func.id}() is not supported", UNSUPPORTED_CALLS[node.func.id])
        elif kind is ast.ClassDef:
            for kw in node.keywords:
                if kw.arg == "metaclass":
                    yield Diagnostic(filename, node.lineno, node.col_offset + 1,
                                     f"metaclasses are not supported (class {node.name})",
                                     "use a plain class; move metaclass logic into functions")
        elif kind is ast.ImportFrom and any(a.name == "*" for a in node.names) \
                and not node.level and (node.module or "").split(".")[0] not in project_packages:
            yield Diagnostic(filename, node.lineno, node.col_offset + 1,
                             f"'from {node.module} import *' is not supported",
                             "import the names you use explicitly")
