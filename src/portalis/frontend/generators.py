"""Generators as resumable iterator classes (part of the desugar pass).

A generator function suspends at each `yield` and resumes there on the next `next()`,
which is how lazy (and infinite) generators work.  This module rewrites such a
function into an iterator class whose `__next__` is a state machine: the body is cut
into numbered blocks at each `yield` and at the loops and branches that contain one;
locals become attributes of the iterator, so they survive between calls.  Statements
without a `yield` stay as they are.  `try`/`with` around a `yield` are left to the
eager fallback in lowering.
"""
from __future__ import annotations

import ast

from portalis.frontend import astwalk

DONE = "_portalis_exhausted"  # the module-level sentinel marking an exhausted for loop


class Unsupported(Exception):
    """The generator uses a construct this rewrite does not handle."""


def _contains(node: ast.AST, kinds) -> bool:
    return any(isinstance(n, kinds) for n in astwalk.own_nodes([node]))


def _yields(node: ast.AST) -> bool:
    return _contains(node, (ast.Yield, ast.YieldFrom))


def _jumps(node: ast.AST) -> bool:
    """A break/continue that leaves `node` (not one of a loop inside it)."""
    if isinstance(node, (ast.Break, ast.Continue)):
        return True
    if isinstance(node, (ast.For, ast.While)):  # a loop's else clause belongs to the enclosing loop
        return any(_jumps(s) for s in node.orelse)
    if isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef)):
        return False
    return any(_jumps(c) for c in ast.iter_child_nodes(node))


class _Locals(ast.NodeTransformer):
    """Rewrite the generator's locals to attributes of `self` (comprehension targets and
    nested functions' own names excepted)."""

    def __init__(self, names: set[str]):
        self.names = names
        self.shadowed: list[set[str]] = []

    def visit_Name(self, node: ast.Name):
        if node.id in self.names and not any(node.id in s for s in self.shadowed):
            return ast.copy_location(ast.Attribute(ast.Name("_g", ast.Load()), "_v_" + node.id, node.ctx), node)
        return node

    def _comprehension(self, node):
        bound = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
        self.shadowed.append(bound)
        self.generic_visit(node)
        self.shadowed.pop()
        return node

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    def visit_Lambda(self, node: ast.Lambda):
        bound = {a.arg for a in node.args.args}
        self.shadowed.append(bound)
        self.generic_visit(node)
        self.shadowed.pop()
        return node


class _Flattener:
    """Cuts a body into blocks; block i runs when `_g._pc == i`."""

    def __init__(self, names: set[str]):
        self.names = names  # the generator's locals, for names bound by `except ... as`
        self.blocks: list[list[ast.stmt]] = []
        self.loops: list[tuple[int, int]] = []  # (continue target, break target)
        self.counter = 0

    def new_block(self) -> int:
        self.blocks.append([])
        return len(self.blocks) - 1

    @staticmethod
    def goto(target: int) -> list[ast.stmt]:
        return ast.parse(f"_g._pc = {target}\ncontinue").body

    def flatten(self, stmts: list[ast.stmt], current: int) -> int:
        """Emit `stmts` starting in block `current`; return the block that follows."""
        for stmt in stmts:
            current = self.statement(stmt, current)
        return current

    def statement(self, stmt: ast.stmt, current: int) -> int:
        out = self.blocks[current]
        if isinstance(stmt, ast.Return):
            value = ast.unparse(stmt.value) if stmt.value is not None else "None"
            out.extend(ast.parse(f"_g._pc = -1\nraise StopIteration({value})").body)
            return self.new_block()
        if isinstance(stmt, (ast.Break, ast.Continue)) and self.loops:
            resume, leave = self.loops[-1]
            out.extend(self.goto(leave if isinstance(stmt, ast.Break) else resume))
            return self.new_block()
        if not _yields(stmt) and not (self.loops and _jumps(stmt)):
            out.append(_ReturnsAsStop().visit(stmt))
            return current
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Yield):
            after = self.new_block()
            value = ast.unparse(stmt.value.value) if stmt.value.value is not None else "None"
            out.extend(ast.parse(f"_g._pc = {after}\nreturn {value}").body)
            return after
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.YieldFrom):
            self.counter += 1
            var = f"_g._yf{self.counter}"
            loop = ast.parse(f"for {var}_item in {ast.unparse(stmt.value.value)}:\n    yield {var}_item").body[0]
            return self.statement(loop, current)
        if isinstance(stmt, ast.If):
            then, orelse = self.new_block(), self.new_block()
            out.append(ast.parse(f"if {ast.unparse(stmt.test)}:\n    pass\nelse:\n    pass").body[0])
            out[-1].body = self.goto(then)
            out[-1].orelse = self.goto(orelse)
            join = self.new_block()
            self.blocks[self.flatten(stmt.body, then)].extend(self.goto(join))
            self.blocks[self.flatten(stmt.orelse, orelse)].extend(self.goto(join))
            return join
        if isinstance(stmt, ast.While):
            head, body, after = self.new_block(), self.new_block(), self.new_block()
            out.extend(self.goto(head))
            self.blocks[head].append(ast.parse(f"if {ast.unparse(stmt.test)}:\n    pass\nelse:\n    pass").body[0])
            self.blocks[head][-1].body = self.goto(body)
            orelse = self.new_block()
            self.blocks[head][-1].orelse = self.goto(orelse)
            self.loops.append((head, after))
            self.blocks[self.flatten(stmt.body, body)].extend(self.goto(head))
            self.loops.pop()
            self.blocks[self.flatten(stmt.orelse, orelse)].extend(self.goto(after))
            return after
        if isinstance(stmt, ast.For):
            self.counter += 1
            it = f"_g._it{self.counter}"
            out.extend(ast.parse(f"{it} = iter({ast.unparse(stmt.iter)})").body)
            head, body, after = self.new_block(), self.new_block(), self.new_block()
            out.extend(self.goto(head))
            orelse = self.new_block()
            self.blocks[head].extend(ast.parse(
                f"{it}_next = next({it}, {DONE})\n"
                f"if {it}_next is {DONE}:\n    pass\nelse:\n    pass").body)
            self.blocks[head][-1].body = self.goto(orelse)
            assign = ast.Assign([stmt.target], ast.parse(f"{it}_next", mode="eval").body)
            self.blocks[head][-1].orelse = [assign] + self.goto(body)
            self.loops.append((head, after))
            self.blocks[self.flatten(stmt.body, body)].extend(self.goto(head))
            self.loops.pop()
            self.blocks[self.flatten(stmt.orelse, orelse)].extend(self.goto(after))
            return after
        if isinstance(stmt, ast.Try) and not stmt.finalbody:
            return self._try(stmt, current)
        raise Unsupported(type(stmt).__name__)

    def _try(self, stmt: ast.Try, current: int) -> int:
        """try/except around a yield: every block of the try body runs inside the same
        handlers, which jump to the handler's own blocks."""
        body = self.new_block()
        self.blocks[current].extend(self.goto(body))
        first = len(self.blocks) - 1
        end_of_body = self.flatten(stmt.body, body)
        protected = range(first, len(self.blocks))
        after = self.new_block()
        orelse = self.new_block()
        self.blocks[end_of_body].extend(self.goto(orelse))
        clauses = []
        for handler in stmt.handlers:
            start = self.new_block()
            if handler.name:
                self.blocks[start].extend(ast.parse(f"{handler.name} = _g._caught").body)
                self.blocks[start][-1] = _Locals(self.names).visit(self.blocks[start][-1])
            self.blocks[self.flatten(handler.body, start)].extend(self.goto(after))
            kind = f" {ast.unparse(handler.type)}" if handler.type is not None else " BaseException"
            clauses.append(f"except{kind} as _caught:\n    _g._caught = _caught\n    _g._pc = {start}\n    continue")
        for index in protected:
            code = self.blocks[index] or [ast.Pass()]
            # the generator's own end (StopIteration) must not reach the user's handlers
            wrapper = ast.parse("try:\n    pass\nexcept StopIteration:\n    raise\n" + "\n".join(clauses)).body[0]
            wrapper.body = code
            self.blocks[index] = [wrapper]
        self.blocks[self.flatten(stmt.orelse, orelse)].extend(self.goto(after))
        return after


class _ReturnsAsStop(ast.NodeTransformer):
    """Inside `__next__`, `return x` of the generator ends it (StopIteration)."""

    def visit_Return(self, node: ast.Return):
        value = ast.unparse(node.value) if node.value is not None else "None"
        stmts = ast.parse(f"_g._pc = -1\nraise StopIteration({value})").body
        return [ast.copy_location(s, node) for s in stmts]

    def visit_FunctionDef(self, node):
        return node

    visit_Lambda = visit_ClassDef = visit_FunctionDef


def _locals_of(fn: ast.FunctionDef) -> set[str]:
    names = {a.arg for a in fn.args.posonlyargs + fn.args.args}
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    globals_ = {n for node in ast.walk(fn) if isinstance(node, (ast.Global, ast.Nonlocal)) for n in node.names}
    return names - globals_


def rewrite_generator(fn: ast.FunctionDef, class_name: str) -> tuple[ast.ClassDef, ast.FunctionDef] | None:
    """The iterator class and the replacement function, or None when not handled."""
    args = fn.args
    if args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs or fn.decorator_list:
        return None
    if any((isinstance(n, ast.With) or (isinstance(n, ast.Try) and n.finalbody)) and _yields(n)
           for n in ast.walk(fn)):
        return None
    if any(isinstance(n, ast.Yield) and not _is_statement_yield(fn, n) for n in ast.walk(fn)):
        return None  # `x = yield v` (send) is not supported here
    names = _locals_of(fn)
    params = [a.arg for a in args.args]
    body = [_Locals(names).visit(stmt) for stmt in fn.body]
    flattener = _Flattener(names)
    try:
        last = flattener.flatten(body, flattener.new_block())
    except Unsupported:
        return None
    flattener.blocks[last].extend(ast.parse("_g._pc = -1\nraise StopIteration").body)
    dispatch = ast.parse("while True:\n    pass").body[0]
    chain: list[ast.stmt] = ast.parse("raise StopIteration").body
    for index in range(len(flattener.blocks) - 1, -1, -1):
        test = ast.parse(f"if _g._pc == {index}:\n    pass\nelse:\n    pass").body[0]
        test.body = flattener.blocks[index] or [ast.Pass()]
        test.orelse = chain
        chain = [test]
    dispatch.body = chain
    init_lines = [f"    _g._v_{p} = {p}" for p in params] + ["    _g._pc = 0"]
    source = (f"class {class_name}:\n"
              f"    def __init__(_g{''.join(', ' + p for p in params)}):\n"
              + "\n".join("    " + line for line in init_lines) + "\n"
              "    def __iter__(_g):\n        return _g\n"
              "    def __next__(_g):\n        pass\n")
    cls = ast.parse(source).body[0]
    cls.body[2].body = [dispatch]
    cls.generated_by_portalis = True  # an implementation detail: never printed by the program
    wrapper = ast.parse(f"def {fn.name}({', '.join(params)}):\n    return {class_name}({', '.join(params)})").body[0]
    wrapper.args = fn.args
    doc = ast.get_docstring(fn, clean=False)
    if doc is not None:  # the generator function keeps its __doc__
        wrapper.body.insert(0, ast.Expr(ast.Constant(doc)))
    for node in (cls, wrapper):
        for n in ast.walk(node):
            ast.copy_location(n, fn)
            n.end_lineno = getattr(fn, "lineno", 1)
    return cls, wrapper


def _is_statement_yield(fn: ast.FunctionDef, target: ast.Yield) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, ast.Expr) and node.value is target:
            return True
    return False
