"""Generators as resumable state machines (part of the desugar pass).

A generator function suspends at each `yield` and resumes there on the next `next()`,
`send()` or `throw()`.  This module rewrites every generator function (at module level,
in a class or nested in another function) into a plain function that returns a
generator object (the runtime's: `next`, `send`, `throw`, `close`) driving a nested
*step* function.  The step function is a state machine: the
body is cut into numbered blocks at each `yield` and at the loops, branches and `try`
statements that contain one; the generator's locals become slots of a list the generator
object keeps (`_gs[i]`), so they survive between steps.  A `try` around a yield protects each of its
blocks with its handlers (`_Handlers`, `_Finally`), so exceptions, `throw()` and
`close()` reach the right `except`/`finally` on resumption; `with` around a yield is
spelt as the equivalent try statement, `yield from` as the PEP 380 delegation loop.
Statements without a `yield` (and without a jump out of a rewritten block) stay as they
are.  What cannot be rewritten (a yield in a `while` test or a `match`) keeps the
eager fallback of the lowering.
"""
from __future__ import annotations

import ast
import copy
from dataclasses import dataclass

from portalis.frontend import astwalk

# The runtime's generator object (runtime `generator.rs`): the protocol around the step
# function.  Lowering spells these two calls as `generator::new` / `generator::is_generator`.
NEW_GENERATOR = "_portalis_generator"  # (name, step, slots): a generator over `step`
IS_GENERATOR = "_portalis_is_generator"  # (value): whether it is one (`yield from` delegates)
RECEIVED = "_portalis_received"  # (generator): what the paused yield evaluates to

PC = "_pg_pc"  # the step's copy of the generator's `_pc`: the block to run


def is_dispatch(test: ast.expr) -> bool:
    """`_pg_pc == i`: the step function's test for block i."""
    return isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == PC \
        and isinstance(test.ops[0], ast.Eq) and isinstance(test.comparators[0], ast.Constant)


class Unsupported(Exception):
    """The generator uses a construct this rewrite does not handle."""


def _contains(node: ast.AST, kinds) -> bool:
    return any(isinstance(n, kinds) for n in astwalk.own_nodes([node]))


def _yields(node: ast.AST) -> bool:
    return _contains(node, (ast.Yield, ast.YieldFrom))


def _returns(node: ast.AST) -> bool:
    return _contains(node, ast.Return)


def _jumps(node: ast.AST) -> bool:
    """A break/continue that leaves `node` (not one of a loop inside it)."""
    if isinstance(node, (ast.Break, ast.Continue)):
        return True
    if isinstance(node, (ast.For, ast.While)):  # a loop's else clause belongs to the enclosing loop
        return any(_jumps(s) for s in node.orelse)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
        return False
    return any(_jumps(c) for c in astwalk.children(node))


def template(source: str, **exprs: ast.expr) -> list[ast.stmt]:
    """Statements parsed from `source`, with the user's expression nodes (keeping their
    positions) in place of the names given as keywords; generated nodes have line 0
    until `rewrite_generator` places them."""
    used: set[str] = set()

    class Fill(ast.NodeTransformer):
        def visit_Name(self, node):
            if node.id not in exprs:
                return node
            first = node.id not in used
            used.add(node.id)
            return exprs[node.id] if first else copy.deepcopy(exprs[node.id])

    for e in exprs.values():
        for n in astwalk.walk(e):
            n._portalis_user = True
    body = Fill().visit(ast.parse(source)).body
    placed = {id(n) for stmt in body for n in astwalk.walk(stmt) if getattr(n, "_portalis_user", False)}
    for stmt in body:
        for n in astwalk.walk(stmt):
            if id(n) not in placed and hasattr(n, "lineno"):
                n.lineno = n.end_lineno = 0
    return body


def _unplaced(node: ast.AST) -> ast.AST:
    """Machinery parsed from text has no place in the user's file (placed at the def below)."""
    for n in astwalk.walk(node):
        if hasattr(n, "lineno"):
            n.lineno = n.end_lineno = 0
    return node


def _expr(source: str) -> ast.expr:
    return template(source)[0].value


# ---- before locals are renamed: one shape for every yield ----------------------------------------

class _Prepare:
    """`with` around a yield becomes try/except/finally, `yield from` the delegation loop,
    and a yield inside an expression a statement `tmp = yield v` of its own."""

    def __init__(self):
        self.count = 0

    def fresh(self, stem: str) -> str:
        self.count += 1
        return f"_pg_{stem}{self.count}"

    def body(self, stmts: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for stmt in stmts:
            out.extend(self.stmt(stmt))
        return out

    def stmt(self, s: ast.stmt) -> list[ast.stmt]:
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) or not _yields(s):
            return [s]
        if isinstance(s, ast.With):
            return self.body(self._with(s))
        if isinstance(s, (ast.While, ast.Match, ast.AsyncWith, ast.AsyncFor)):
            if isinstance(s, ast.While) and not _yields(s.test):
                s.body, s.orelse = self.body(s.body), self.body(s.orelse)
                return [s]
            raise Unsupported(type(s).__name__)
        if isinstance(s, (ast.If, ast.For, ast.Try)):
            pre: list[ast.stmt] = []
            if isinstance(s, ast.If):
                s.test = _Hoister(self, pre).visit(s.test)
            elif isinstance(s, ast.For):
                s.iter = _Hoister(self, pre).visit(s.iter)
            s.body, s.orelse = self.body(s.body), self.body(s.orelse)
            if isinstance(s, ast.Try):
                s.finalbody = self.body(s.finalbody)
                for handler in s.handlers:
                    handler.body = self.body(handler.body)
            return self.body(pre) + [s]
        value = getattr(s, "value", None)
        if isinstance(value, ast.YieldFrom) and not _yields(value.value) and (
                isinstance(s, ast.Expr) or (isinstance(s, ast.Assign) and len(s.targets) == 1)):
            return self.body(self._yield_from(value.value, s.targets[0] if isinstance(s, ast.Assign) else None))
        if isinstance(value, ast.Yield) and isinstance(s, (ast.Expr, ast.Assign, ast.AnnAssign)) and \
                not (value.value is not None and _yields(value.value)) and \
                not any(_yields(t) for t in getattr(s, "targets", [getattr(s, "target", None)]) if t is not None):
            return [s]
        if hasattr(s, "body"):
            raise Unsupported(type(s).__name__)  # a compound statement not handled above (try*)
        pre = []
        s = _Hoister(self, pre).visit(s)
        return self.body(pre) + [s]

    def _with(self, s: ast.With) -> list[ast.stmt]:
        """PEP 343's expansion, so the manager's __exit__ runs however the body is left."""
        item, rest = s.items[0], s.items[1:]
        cm, ok, exc = self.fresh("cm"), self.fresh("ok"), self.fresh("e")
        enter = f"TARGET = {cm}.__enter__()" if item.optional_vars else f"{cm}.__enter__()"
        code = template(f"{cm} = MANAGER\n{enter}\n{ok} = True\n"
                      f"try:\n    pass\nexcept BaseException as {exc}:\n    {ok} = False\n"
                      f"    if not {cm}.__exit__(type({exc}), {exc}, None):\n        raise\n"
                      f"finally:\n    if {ok}:\n        {cm}.__exit__(None, None, None)",
                      MANAGER=item.context_expr, **({"TARGET": item.optional_vars} if item.optional_vars else {}))
        code[-1].body = [ast.copy_location(ast.With(rest, s.body), s)] if rest else s.body
        return code

    def _yield_from(self, sub: ast.expr, target: ast.expr | None) -> list[ast.stmt]:
        """PEP 380: send/throw/close pass through to a sub-generator; other iterables are iterated."""
        i, y, s, e, x = (self.fresh(k) for k in ("it", "y", "s", "e", "x"))
        result = "TARGET = " if target is not None else "_pg_unused = "
        return template(
            f"{i} = iter(SUB)\n"
            f"if {IS_GENERATOR}({i}):\n"
            f"    {y} = {i}._advance(None, None)\n"
            f"    while {i}._pc != -1:\n"
            f"        try:\n"
            f"            {s} = yield {y}\n"
            f"        except GeneratorExit:\n"
            f"            {i}.close()\n"
            f"            raise\n"
            f"        except BaseException as {e}:\n"
            f"            {y} = {i}._advance(None, {e})\n"
            f"        else:\n"
            f"            {y} = {i}._advance({s}, None)\n"
            f"    {result}{i}._result\n"
            f"else:\n"
            f"    for {x} in {i}:\n"
            f"        yield {x}\n"
            f"    {result}None", SUB=sub, **({"TARGET": target} if target is not None else {}))


class _Hoister(ast.NodeTransformer):
    """Each yield inside an expression becomes `tmp = yield v` before the statement."""

    def __init__(self, prepare: _Prepare, pre: list[ast.stmt]):
        self.prepare = prepare
        self.pre = pre

    def _hoist(self, node):
        self.generic_visit(node)
        tmp = self.prepare.fresh("sent")
        self.pre.append(ast.copy_location(ast.Assign([ast.Name(tmp, ast.Store())], node), node))
        return ast.copy_location(ast.Name(tmp, ast.Load()), node)

    visit_Yield = visit_YieldFrom = _hoist

    def visit_Lambda(self, node):
        if _yields(node.body):
            raise Unsupported("Lambda")
        return node


# ---- locals as attributes of the generator object ------------------------------------------------

def _bound_names(stmts: list[ast.stmt]) -> set[str]:
    """Names a scope binds itself (nested scopes not entered; their own names are)."""
    names = set()
    for node in astwalk.own_nodes(stmts):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    declared = {n for node in astwalk.own_nodes(stmts) if isinstance(node, (ast.Global, ast.Nonlocal))
                for n in node.names}
    return names - declared


def _params(args: ast.arguments) -> list[str]:
    names = [a.arg for a in args.posonlyargs + args.args]
    names += [args.vararg.arg] if args.vararg else []
    names += [a.arg for a in args.kwonlyargs]
    names += [args.kwarg.arg] if args.kwarg else []
    return names


class _Slots:
    """The generator's locals as numbered slots of the list `var` its generator object keeps."""

    def __init__(self, g: str):
        self.var = "_gs" + g.removeprefix("_gen")
        self.index: dict[str, int] = {}

    def ref(self, name: str, ctx=None) -> ast.Subscript:
        """`var[i]`: the slot of local `name` (given one on first use)."""
        at = self.index.setdefault(name, len(self.index))
        return ast.Subscript(ast.Name(self.var, ast.Load()), ast.Constant(at), ctx or ast.Load())

    def source(self, name: str) -> str:
        return ast.unparse(self.ref(name))


class _Locals(ast.NodeTransformer):
    """Rewrite the generator's locals `names` to their slots (names a nested scope binds
    for itself excepted)."""

    def __init__(self, slots: _Slots, names: set[str]):
        self.slots = slots
        self.names = names
        self.shadowed: list[set[str]] = []

    def local(self, name: str) -> bool:
        return name in self.names and not any(name in s for s in self.shadowed)

    def attr(self, name: str, ctx) -> ast.Subscript:
        return self.slots.ref(name, ctx)

    def visit_Name(self, node: ast.Name):
        if self.local(node.id):
            if isinstance(node.ctx, ast.Del):
                raise Unsupported("del")  # deleting a slot would shift the others
            return ast.copy_location(self.attr(node.id, node.ctx), node)
        return node

    def _scope(self, node, bound: set[str]):
        self.shadowed.append(bound)
        self.generic_visit(node)
        self.shadowed.pop()
        return node

    def _comprehension(self, node):
        return self._scope(node, {n.id for g in node.generators for n in astwalk.walk(g.target)
                                  if isinstance(n, ast.Name)})

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    def visit_Lambda(self, node: ast.Lambda):
        return self._scope(node, set(_params(node.args)))

    def _definition(self, node):
        """A nested def or class binds its name in the step function; the local keeps it."""
        own = self.local(node.name)
        for deco in node.decorator_list:
            self.visit(deco)
        if isinstance(node, ast.ClassDef):
            self._scope(node, _bound_names(node.body))
        else:
            for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                self.visit(default)
            self.shadowed.append(set(_params(node.args)) | _bound_names(node.body))
            node.body = [self.visit(s) for s in node.body]
            node.body = [s for item in node.body for s in (item if isinstance(item, list) else [item])]
            self.shadowed.pop()
        if not own:
            return node
        store = ast.copy_location(ast.Assign([self.attr(node.name, ast.Store())], ast.Name(node.name, ast.Load())), node)
        return [node, store]

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _definition

    def bind_handler_names(self, stmt: ast.stmt) -> ast.stmt:
        """A handler that stays a real `except ... as e` binds the step's own name: copy it to the local."""
        for node in astwalk.own_nodes([stmt]):
            if isinstance(node, ast.ExceptHandler) and node.name and node.name in self.names:
                store = ast.Assign([self.attr(node.name, ast.Store())], ast.Name(node.name, ast.Load()))
                node.body.insert(0, ast.copy_location(store, node))
        return stmt


# ---- the state machine -------------------------------------------------------------------------

@dataclass(frozen=True)
class _Handlers:
    """Blocks of a try body: an exception jumps to the first matching except clause's block."""
    clauses: tuple[tuple[str, int], ...]  # (exception type source, handler block)
    slot: str  # the attribute holding the caught exception


@dataclass(frozen=True)
class _Finally:
    """Blocks of a try with `finally`: every way out runs the finally blocks first."""
    start: int
    slot: str  # `slot_exc`: the exception to raise again after them; `slot_to`: the block to go on with


def _reraise_as(stmts: list[ast.stmt], slot: str) -> list[ast.stmt]:
    """A bare `raise` in an except clause, whose body now runs outside the real `except`."""
    class Raise(ast.NodeTransformer):
        def visit_Raise(self, node):
            if node.exc is None:
                node.exc = ast.parse(slot, mode="eval").body
            return node

        def visit_Try(self, node):
            node.body = [self.visit(s) for s in node.body]
            node.orelse = [self.visit(s) for s in node.orelse]
            node.finalbody = [self.visit(s) for s in node.finalbody]
            return node  # inside a nested handler, a bare raise means that handler's exception

        def visit_FunctionDef(self, node):
            return node

        visit_Lambda = visit_ClassDef = visit_AsyncFunctionDef = visit_FunctionDef

    return [Raise().visit(s) for s in stmts]


class _Flattener:
    """Cuts a body into blocks; block i runs when `_pg_pc == i`, under the handlers of the
    try statements around it (its context)."""

    def __init__(self, g: str, slots: _Slots, names: set[str], attrs: set[str]):
        self.g = g
        self.slots = slots
        self.names = names  # the generator's locals
        self.attrs = attrs  # those kept as attributes of the generator object (nested scopes use them)
        self.blocks: list[list[ast.stmt]] = []
        self.contexts: list[tuple] = []
        self.context: tuple = ()
        self.loops: list[tuple[int, int, int]] = []  # (continue target, break target, context depth)
        self.counter = 0
        self.temps: list[str] = []  # the step's own state that must survive a yield, besides the locals
        self.entry = self.new_block()
        self.finish = self.new_block()
        self.blocks[self.finish] = template(f"{g}._pc = -1\nreturn None")

    def new_block(self) -> int:
        self.blocks.append([])
        self.contexts.append(self.context)
        return len(self.blocks) - 1

    def goto(self, target: int) -> list[ast.stmt]:
        return template(f"{PC} = {target}\ncontinue")

    def temp(self, stem: str) -> str:
        self.counter += 1
        name = f"_pt_{stem}{self.counter}"
        self.temps.append(name)
        return name

    def save(self) -> list[ast.stmt]:
        """Before a yield: the step's plain locals back into the generator object."""
        return template("".join(f"{self.slots.source(n)} = {n}\n" for n in self.saved()))

    def saved(self) -> list[str]:
        return sorted(self.names - self.attrs) + self.temps

    def jump(self, target: int, depth: int) -> list[ast.stmt]:
        """Go to `target` (a block at context depth `depth`), through the finally blocks left on the way."""
        finals = [i for i in range(depth, len(self.context)) if isinstance(self.context[i], _Finally)]
        if not finals:
            return self.goto(target)
        frame = self.context[finals[-1]]
        saved, self.context = self.context, self.context[:finals[-1]]
        then = self.new_block()
        self.blocks[then].extend(self.jump(target, depth))
        self.context = saved
        return template(f"{frame.slot}_exc = None\n{frame.slot}_to = {then}") + self.goto(frame.start)

    def flatten(self, stmts: list[ast.stmt], current: int) -> int:
        """Emit `stmts` starting in block `current`; return the block that follows."""
        for stmt in stmts:
            current = self.statement(stmt, current)
        return current

    def _stays(self, stmt: ast.stmt) -> bool:
        """A statement that runs as it is within its block."""
        if _yields(stmt) or (self.loops and _jumps(stmt)):
            return False
        return not (_returns(stmt) and any(isinstance(f, _Finally) for f in self.context))

    def statement(self, stmt: ast.stmt, current: int) -> int:
        out = self.blocks[current]
        g = self.g
        if isinstance(stmt, ast.Return):
            out.extend(template(f"{g}._result = VALUE", VALUE=stmt.value or ast.Constant(None))
                       + self.jump(self.finish, 0))
            return self.new_block()
        if isinstance(stmt, (ast.Break, ast.Continue)) and self.loops:
            resume, leave, depth = self.loops[-1]
            out.extend(self.jump(leave if isinstance(stmt, ast.Break) else resume, depth))
            return self.new_block()
        if self._stays(stmt):
            out.append(_ReturnsFinish(g).visit(_Locals(self.slots, self.attrs).bind_handler_names(stmt)))
            return current
        value = getattr(stmt, "value", None)
        if isinstance(value, ast.Yield) and isinstance(stmt, (ast.Expr, ast.Assign, ast.AnnAssign)):
            after = self.new_block()
            out.extend(self.save() + template(f"{g}._pc = {after}\nreturn VALUE", VALUE=value.value or ast.Constant(None)))
            received = _expr(f"{RECEIVED}({g})")
            if isinstance(stmt, ast.Expr):
                self.blocks[after].append(ast.Expr(received))
            else:
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                self.blocks[after].append(ast.Assign(targets, received))
            return after
        if isinstance(stmt, ast.If):
            then, orelse = self.new_block(), self.new_block()
            out.append(ast.If(stmt.test, self.goto(then), self.goto(orelse)))
            join = self.new_block()
            self.blocks[self.flatten(stmt.body, then)].extend(self.goto(join))
            self.blocks[self.flatten(stmt.orelse, orelse)].extend(self.goto(join))
            return join
        if isinstance(stmt, ast.While):
            head, body, after, orelse = self.new_block(), self.new_block(), self.new_block(), self.new_block()
            out.extend(self.goto(head))
            self.blocks[head].append(ast.If(stmt.test, self.goto(body), self.goto(orelse)))
            return self._loop(stmt, head, body, after, orelse)
        if isinstance(stmt, ast.For):
            it = self.temp("it")
            out.extend(template(f"{it} = iter(ITER)", ITER=stmt.iter))
            head, body, after, orelse = self.new_block(), self.new_block(), self.new_block(), self.new_block()
            out.extend(self.goto(head))
            self.blocks[head].extend(template(f"{it}_next = next({it}, {g})\nif {it}_next is {g}:\n    pass")
                                     + [ast.Assign([stmt.target], ast.parse(f"{it}_next", mode="eval").body)]
                                     + self.goto(body))
            self.blocks[head][1].body = self.goto(orelse)
            return self._loop(stmt, head, body, after, orelse)
        if isinstance(stmt, ast.Try):
            return self._try(stmt, current)
        raise Unsupported(type(stmt).__name__)

    def _loop(self, stmt, head: int, body: int, after: int, orelse: int) -> int:
        self.loops.append((head, after, len(self.context)))
        self.blocks[self.flatten(stmt.body, body)].extend(self.goto(head))
        self.loops.pop()
        self.blocks[self.flatten(stmt.orelse, orelse)].extend(self.goto(after))
        return after

    def _try(self, stmt: ast.Try, current: int) -> int:
        g = self.g
        outer = self.context
        after = self.new_block()
        final = None
        if stmt.finalbody:
            final = _Finally(self.new_block(), self.temp("fin"))
            self.temps.extend([final.slot + "_exc", final.slot + "_to"])
            self.temps.remove(final.slot)
            self.context = outer + (final,)
        protected = self.context
        leave = template(f"{final.slot}_exc = None\n{final.slot}_to = {after}") + self.goto(final.start) \
            if final else self.goto(after)
        body = self.new_block()
        if stmt.handlers:
            slot = self.temp("exc")
            starts = [self.new_block() for _ in stmt.handlers]
            clauses = tuple((ast.unparse(h.type) if h.type is not None else "BaseException", start)
                            for h, start in zip(stmt.handlers, starts))
            self.context = protected + (_Handlers(clauses, slot),)
            body = self.new_block()
        self.blocks[current].extend(self.goto(body))
        end = self.flatten(stmt.body, body)
        self.context = protected
        orelse = self.new_block()
        self.blocks[end].extend(self.goto(orelse))
        for handler, start in zip(stmt.handlers, starts if stmt.handlers else []):
            if handler.name:
                bind = ast.Assign([ast.Name(handler.name, ast.Store())], ast.parse(slot, mode="eval").body)
                self.blocks[start].append(_Locals(self.slots, self.attrs).visit(bind))
            self.blocks[self.flatten(_reraise_as(handler.body, slot), start)].extend(leave)
        self.blocks[self.flatten(stmt.orelse, orelse)].extend(leave)
        self.context = outer
        if final:
            end = self.flatten(stmt.finalbody, final.start)
            self.blocks[end].extend(template(
                f"if {final.slot}_exc is not None:\n    raise {final.slot}_exc\n"
                f"{PC} = {final.slot}_to\ncontinue"))
        return after

    def wrapped(self, index: int) -> list[ast.stmt]:
        """Block `index` inside the handlers of its context (innermost first)."""
        code = self.blocks[index] or [ast.Pass()]
        for frame in reversed(self.contexts[index]):
            if isinstance(frame, _Handlers):
                clauses = "\n".join(f"except {kind} as _caught:\n    {frame.slot} = _caught\n"
                                    f"    {PC} = {start}\n    continue" for kind, start in frame.clauses)
            else:
                clauses = (f"except BaseException as _caught:\n    {frame.slot}_exc = _caught\n"
                           f"    {PC} = {frame.start}\n    continue")
            wrapper = ast.parse("try:\n    pass\n" + clauses).body[0]
            wrapper.body = code
            code = [wrapper]
        return code


class _ReturnsFinish(ast.NodeTransformer):
    """A `return x` of the generator, inside a statement that runs as it is, ends it."""

    def __init__(self, g: str):
        self.g = g

    def visit_Return(self, node: ast.Return):
        return template(f"{self.g}._result = VALUE\n{self.g}._pc = -1\nreturn None", VALUE=node.value or ast.Constant(None))

    def visit_FunctionDef(self, node):
        return node

    visit_Lambda = visit_ClassDef = visit_AsyncFunctionDef = visit_FunctionDef


class _Undeclare(ast.NodeTransformer):
    def visit_Global(self, node):
        return ast.copy_location(ast.Pass(), node)

    visit_Nonlocal = visit_Global

    def visit_FunctionDef(self, node):
        return node

    visit_Lambda = visit_ClassDef = visit_AsyncFunctionDef = visit_FunctionDef


# ---- the rewrite --------------------------------------------------------------------------------

def is_generator(fn: ast.AST) -> bool:
    return isinstance(fn, ast.FunctionDef) and \
        any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in astwalk.own_nodes(fn.body))


def rewrite_generator(fn: ast.FunctionDef, number: int) -> ast.FunctionDef | None:
    """`fn` as a function returning a generator object over its step function, or None
    when its body uses what the rewrite does not handle."""
    g = f"_gen{number}"
    body = list(fn.body)
    doc = [body.pop(0)] if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
        and isinstance(body[0].value.value, str) else []
    try:
        body = _Prepare().body(body)
    except Unsupported:
        return None
    declared = [n for n in astwalk.own_nodes(body) if isinstance(n, (ast.Global, ast.Nonlocal))]
    body = _Undeclare().visit(ast.Module(body, [])).body  # the declarations move to the step's top
    names = _bound_names(body) | set(_params(fn.args))
    names -= {n for d in declared for n in d.names}
    # Plain locals of the step function are fast; what a nested scope uses lives on the object.
    attrs = {n.id for node in astwalk.own_nodes(body)
             if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef))
             for n in astwalk.walk(node) if isinstance(n, ast.Name) and n.id in names}
    slots = _Slots(g)
    try:
        renamer = _Locals(slots, attrs)
        body = [s for stmt in body for s in (lambda r: r if isinstance(r, list) else [r])(renamer.visit(stmt))]
        flattener = _Flattener(g, slots, names, attrs)
        last = flattener.flatten(body, flattener.entry)
    except Unsupported:
        return None
    flattener.blocks[last].extend(flattener.goto(flattener.finish))
    dispatch = ast.While(ast.Constant(True), [
        ast.If(_unplaced(ast.parse(f"{PC} == {i}", mode="eval").body), flattener.wrapped(i), [])
        for i in range(len(flattener.blocks))], [])
    step_name = f"_{fn.name}_step"
    step = _unplaced(ast.parse(f"def {step_name}({g}):\n    pass").body[0])
    step.frame_name = fn.name  # its frames are the generator's in a traceback
    load = "".join(f"{n} = {slots.source(n)}\n" for n in flattener.saved())
    step.body = declared + template(f"{slots.var} = {g}._slots\n{load}{PC} = {g}._pc") + [dispatch]
    for n in sorted(attrs) + _params(fn.args):
        slots.ref(n)  # a parameter gets a slot even when only a nested scope reads it
    params = set(_params(fn.args))
    initial = ", ".join(n if n in params else "None" for n in slots.index)
    wrapper = ast.FunctionDef(fn.name, fn.args, doc + [step] + template(
        f"{g} = {NEW_GENERATOR}({fn.name!r}, {step_name}, [{initial}])\n"
        + f"return {g}"), fn.decorator_list, fn.returns, getattr(fn, "type_comment", None))
    for n in astwalk.walk(wrapper):
        if isinstance(n, (ast.stmt, ast.expr, ast.excepthandler)) and not getattr(n, "lineno", 0):
            ast.copy_location(n, fn)
            n.end_lineno, n.end_col_offset = fn.lineno, fn.col_offset
    return ast.copy_location(wrapper, fn)


def lazy_generators(body: list[ast.stmt]) -> bool:
    """Rewrite every generator function of a module's `body` (innermost first); whether any was."""
    count = 0

    class Rewrite(ast.NodeTransformer):
        def visit_FunctionDef(self, node):
            nonlocal count
            self.generic_visit(node)
            if not is_generator(node):
                return node
            count += 1
            return rewrite_generator(node, count) or node

    body[:] = [Rewrite().visit(stmt) for stmt in body]
    return count > 0
