"""Doctest pass: `doctest.testmod()` over the module's own docstrings, made at translation time.

CPython finds the docstrings when `testmod` runs; a translated program has none, so this
pass finds them in the source the way `doctest.DocTestFinder` does (the module, its
functions and classes, their methods and nested classes), parses their examples with the
stdlib's `doctest.DocTestParser`, and writes each docstring's examples as a Python
function run against a runtime test object (`stdlib/doctest.rs`): every example becomes
`if t.start(i): try: <example>; t.finish() except BaseException as e: t.raised(e)`, with
the expression statements the interactive shell would echo passed to `t.display`.  The
`testmod(...)` call then receives the table of tests.  Examples land at their docstring
lines, so one that cannot be translated is reported there.
"""
from __future__ import annotations

import ast
import doctest
import inspect
import re

from portalis.diagnostics import Diagnostic

RUNNER = "_portalis_doctest_runner"
ERROR = "_portalis_doctest_error"
TABLE = "_portalis_doctests"
RUNNER_FRAME = "_portalis_runner"  # testmod's keyword: where CPython's doctest runs an example
# testmod's keyword arguments the runtime honours.
KEYWORDS = {"verbose", "report", "optionflags"}
# Option flags whose output (diffs of expected and actual text) the runtime does not produce.
DIFF_FLAGS = doctest.REPORT_UDIFF | doctest.REPORT_CDIFF | doctest.REPORT_NDIFF
_DOCSTRING_START = re.compile(r'(^|.*:)\s*\w*("|\')')


def rewrite_doctests(tree: ast.Module, source: str, filename: str) -> list[Diagnostic]:
    """Give every `doctest.testmod(...)` call of the module its tests; the problems found."""
    names = _testmod_names(tree)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _is_testmod(n.func, names)]
    if not calls:
        return []
    problems: list[Diagnostic] = []
    for call in calls:
        problems.extend(_check_call(call, filename))
    finder = _Finder(source.splitlines(), filename)
    finder.module(tree)
    for call in calls:
        call.args = [ast.Name("__name__", ast.Load()), ast.Constant(filename),
                     ast.Call(ast.Name(TABLE, ast.Load()), [], [])]
        call.keywords.append(ast.keyword(RUNNER_FRAME, ast.Tuple([ast.Constant(v) for v in _runner_frame()],
                                                                 ast.Load())))
        ast.fix_missing_locations(ast.copy_location(call, call))
    first = next(i for i, stmt in enumerate(tree.body) if any(c in calls for c in ast.walk(stmt)))
    tree.body[first:first] = finder.functions + [_table(finder.tests, tree.body[first])]
    return problems + finder.problems


def _runner_frame() -> tuple[str, int]:
    """CPython's doctest runs each example from one line of its own source, the outermost
    frame of an example's traceback: that file and line, as this CPython has them."""
    source, start = inspect.getsourcelines(doctest.DocTestRunner._DocTestRunner__run)
    line = next((start + i for i, text in enumerate(source) if "exec(compile(example.source" in text), start)
    return doctest.__file__, line


def _testmod_names(tree: ast.Module) -> dict[str, str]:
    """Local names bound to the doctest module ("module") or to testmod ("function")."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "doctest":
                    names[alias.asname or "doctest"] = "module"
        elif isinstance(node, ast.ImportFrom) and node.module == "doctest" and not node.level:
            for alias in node.names:
                if alias.name == "testmod":
                    names[alias.asname or "testmod"] = "function"
    return names


def _is_testmod(func: ast.expr, names: dict[str, str]) -> bool:
    if isinstance(func, ast.Name):
        return names.get(func.id) == "function"
    return isinstance(func, ast.Attribute) and func.attr == "testmod" and isinstance(func.value, ast.Name) \
        and names.get(func.value.id) == "module"


def _check_call(call: ast.Call, filename: str):
    where = (filename, call.lineno, call.col_offset + 1)
    if call.args:
        yield Diagnostic(*where, "doctest.testmod() of another module is not supported",
                         "call doctest.testmod() without positional arguments: it tests this module")
    for kw in call.keywords:
        if kw.arg not in KEYWORDS:
            yield Diagnostic(*where, f"doctest.testmod({kw.arg or '**'}=...) is not supported",
                             "use only verbose=, report= and optionflags=")
        elif kw.arg == "optionflags" and _flag_value(kw.value) & DIFF_FLAGS:
            yield Diagnostic(*where, "doctest's REPORT_UDIFF/REPORT_CDIFF/REPORT_NDIFF are not supported",
                             "leave them out: failures then show the expected and actual output")


def _flag_value(node: ast.expr) -> int:
    """The value of an option-flag expression made of doctest.NAME and |, as far as known."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flag_value(node.left) | _flag_value(node.right)
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    value = getattr(doctest, name, 0) if name.isupper() else 0
    return value if isinstance(value, int) else 0


class _Finder:
    """The docstrings doctest would find, as (name suffix, line, examples) tests and the
    functions running their examples."""

    def __init__(self, lines: list[str], filename: str):
        self.lines, self.filename = lines, filename
        self.tests: list[tuple[str, int | None, list, str | None]] = []
        self.functions: list[ast.FunctionDef] = []
        self.problems: list[Diagnostic] = []

    def module(self, tree: ast.Module) -> None:
        self._add("", tree, 0)
        members = _members(tree.body)
        for name, node in members:
            self._object("." + name, node)
        self._test_dict(tree, {name for name, _ in members})
        self.tests.sort(key=lambda t: t[0])

    def _test_dict(self, tree: ast.Module, members: set[str]) -> None:
        """The module's `__test__` dict, as doctest reads it after the module's members:
        a string is a test of its own (at no known line), a function or class of the
        module has been found already (doctest skips objects it has seen)."""
        assigned = [s for s in tree.body if isinstance(s, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "__test__" for t in s.targets)]
        if not assigned:
            return
        value = assigned[-1].value
        if not isinstance(value, ast.Dict) or not all(isinstance(k, ast.Constant) and isinstance(k.value, str)
                                                      for k in value.keys):
            self.problems.append(Diagnostic(self.filename, value.lineno, value.col_offset + 1,
                                            "doctest reads __test__ only as a dict literal with string keys here",
                                            "write __test__ = {\"name\": \"\"\">>> example ...\"\"\", ...}"))
            return
        for key, item in zip(value.keys, value.values):
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                self._add_text(".__test__." + key.value, item.value, item.lineno, None)
            elif not (isinstance(item, ast.Name) and item.id in members):
                self.problems.append(Diagnostic(self.filename, item.lineno, item.col_offset + 1,
                                                "a __test__ value must be a string, or a function or class "
                                                "of this module", "put the examples in a string"))

    def _object(self, name: str, node: ast.AST) -> None:
        if isinstance(node, ast.ClassDef):
            self._add(name, node, self._class_line(node.name))
            for member, child in _members(node.body):
                self._object(f"{name}.{member}", child)
        elif isinstance(node, ast.Lambda):
            self.tests.append((name, None, [], None))
        elif _is_property(node):
            self._add(name, node, None)
        else:
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            self._add(name, node, self._docstring_line(first - 1))

    def _class_line(self, name: str) -> int | None:
        pattern = re.compile(r"^\s*class\s*%s\b" % name)
        start = next((i for i, line in enumerate(self.lines) if pattern.match(line)), None)
        return None if start is None else self._docstring_line(start)

    def _docstring_line(self, start: int) -> int | None:
        return next((i for i in range(start, len(self.lines)) if _DOCSTRING_START.match(self.lines[i])), None)

    def _add(self, name: str, node: ast.AST, lineno: int | None) -> None:
        docstring = ast.get_docstring(node, clean=False)
        if not docstring:
            self.tests.append((name, lineno, [], None))
            return
        self._add_text(name, docstring, node.body[0].lineno, lineno)  # where the docstring's text starts

    def _add_text(self, name: str, docstring: str, doc_line: int, lineno: int | None) -> None:
        try:
            examples = doctest.DocTestParser().get_examples(docstring, name)
        except ValueError as err:
            self.problems.append(Diagnostic(self.filename, doc_line, 1, f"this docstring's doctest is malformed: {err}",
                                            "fix the example's indentation and prompts"))
            return
        if not examples:
            self.tests.append((name, lineno, [], None))
            return
        function = f"_portalis_doctest_{len(self.functions)}"
        body = [self._example(name, i, ex, doc_line) for i, ex in enumerate(examples)]
        self.functions.append(_located(ast.FunctionDef(
            function, ast.arguments([], [ast.arg(RUNNER)], None, [], [], None, []), body, [], None), doc_line))
        self.tests.append((name, lineno, examples, function))

    def _example(self, name: str, index: int, example: doctest.Example, doc_line: int) -> ast.stmt:
        line = doc_line + example.lineno
        flags = sum(f for f, on in example.options.items() if on)
        if flags & DIFF_FLAGS:
            self.problems.append(Diagnostic(self.filename, line, example.indent + 1,
                                            "doctest's REPORT_UDIFF/REPORT_CDIFF/REPORT_NDIFF are not supported",
                                            "leave the directive out"))
        if flags & doctest.SKIP:
            return _located(ast.If(_runner_call("start", ast.Constant(index)).value, [ast.Pass()], []), line)
        try:
            code = ast.parse(example.source)
        except SyntaxError as err:
            self.problems.append(Diagnostic(self.filename, line + (err.lineno or 1) - 1, example.indent + 1,
                                            f"this doctest example is not valid Python: {err.msg}",
                                            "fix the example's syntax"))
            code = ast.Module([], [])
        for node in ast.walk(code):
            if hasattr(node, "lineno"):
                node.lineno += line - 1
                node.end_lineno = (node.end_lineno or node.lineno) + line - 1
                node.col_offset += example.indent + 4
                node.end_col_offset = (node.end_col_offset or 0) + example.indent + 4
        body = _echo(code.body) + [_runner_call("finish")]
        handler = ast.ExceptHandler(ast.Name("BaseException", ast.Load()), ERROR,
                                    [_runner_call("raised", ast.Name(ERROR, ast.Load()))])
        guarded = ast.Try(body, [handler], [], [])
        # In a traceback the example is a module of its own, `<doctest __main__.f[0]>`.
        guarded.traceback_frame = (f"<doctest __main__{name}[{index}]>", line, example.indent + 4,
                                   example.source)
        return _located(ast.If(_runner_call("start", ast.Constant(index)).value, [guarded], []), line)


def _members(body: list[ast.stmt]):
    """The module's or class's functions and classes by name, in the order their names were
    first bound (a dict's order), each with its last definition (the one the dict holds)."""
    found: dict[str, ast.AST] = {}
    for stmt in body:
        if isinstance(stmt, ast.FunctionDef) and _is_property(stmt) and _is_property(found.get(stmt.name)):
            continue  # a property's setter or deleter: the same property, with the getter's doc
        if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
            found[stmt.name] = stmt
        elif isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Lambda) and len(stmt.targets) == 1 \
                and isinstance(stmt.targets[0], ast.Name):
            found[stmt.targets[0].id] = stmt.value
    return list(found.items())


def _is_property(node: ast.AST) -> bool:
    return isinstance(node, ast.FunctionDef) and any(
        (isinstance(d, ast.Name) and d.id == "property")
        or (isinstance(d, ast.Attribute) and d.attr in ("setter", "getter", "deleter")) for d in node.decorator_list)


def _echo(stmts: list[ast.stmt]) -> list[ast.stmt]:
    """Expression statements echo their value, as in the interactive shell (not inside
    function or class bodies)."""
    for stmt in stmts:
        _echo_in(stmt)
    return [_runner_call("display", s.value, s) if isinstance(s, ast.Expr) else s for s in stmts]


def _echo_in(stmt: ast.stmt) -> None:
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return
    for field in ("body", "orelse", "finalbody"):
        block = getattr(stmt, field, None)
        if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
            setattr(stmt, field, _echo(block))
    for handler in getattr(stmt, "handlers", []):
        handler.body = _echo(handler.body)
    for case in getattr(stmt, "cases", []):
        case.body = _echo(case.body)


def _runner_call(method: str, arg: ast.expr | None = None, at: ast.AST | None = None) -> ast.Expr:
    call = ast.Call(ast.Attribute(ast.Name(RUNNER, ast.Load()), method, ast.Load()), [arg] if arg else [], [])
    stmt = ast.Expr(call)
    if at is not None:
        ast.copy_location(call, at)
        ast.copy_location(stmt, at)
    return stmt


def _table(tests: list, at: ast.stmt) -> ast.FunctionDef:
    """`def _portalis_doctests(): return [(name suffix, line, examples, function), ...]`,
    each example as (source, want, exception message or None, line, flags on, flags off)."""
    rows = []
    for name, lineno, examples, function in tests:
        rows.append(ast.Tuple([
            ast.Constant(name), ast.Constant(-1 if lineno is None else lineno),
            ast.List([ast.Tuple([ast.Constant(ex.source), ast.Constant(ex.want), ast.Constant(ex.exc_msg),
                                 ast.Constant(ex.lineno),
                                 ast.Constant(sum(f for f, on in ex.options.items() if on)),
                                 ast.Constant(sum(f for f, on in ex.options.items() if not on))], ast.Load())
                      for ex in examples], ast.Load()),
            ast.Name(function, ast.Load()) if function else ast.Constant(None)], ast.Load()))
    body = [ast.Return(ast.List(rows, ast.Load()))]
    return _located(ast.FunctionDef(TABLE, ast.arguments([], [], None, [], [], None, []), body, [], None),
                    at.lineno)


def _located(node: ast.AST, line: int) -> ast.AST:
    """Give `node` and its children without a position the line `line`."""
    for child in ast.walk(node):
        if "lineno" in child._attributes and not hasattr(child, "lineno"):
            child.lineno, child.col_offset, child.end_lineno, child.end_col_offset = line, 0, line, 0
    return node
