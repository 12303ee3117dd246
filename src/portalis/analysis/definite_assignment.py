"""Definite assignment: which reads of a scope's own variables may find them unbound.

CPython raises `UnboundLocalError` (`NameError` at module level) when a name is read on a
path where it was never bound, or after `del`.  A Rust variable always holds a value, so
the lowering gives a bound flag only to the few variables that may be read unbound, and
checks it at exactly those reads; every other variable keeps its plain Rust local.

A forward must-analysis over the statements: the state is the set of names bound on
every path to a point (None where no path reaches).  Loops are iterated until their head
state is stable; an exception may leave a `try` body anywhere, so its handlers start from
the state before the `try` less what the body deletes.  Being conservative is safe: a
read wrongly called "may be unbound" costs a flag test, never a wrong answer.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

State = frozenset | None  # names bound on every path here; None: unreachable


@dataclass
class Unbound:
    """Result for one scope."""
    reads: set[int] = field(default_factory=set)  # id() of Name nodes (loads, augmented or deleted targets)
    free_reads: set[int] = field(default_factory=set)  # those of `reads` inside a comprehension (its own scope)
    names: set[str] = field(default_factory=set)  # the variables those reads name: each needs a bound flag


def maybe_unbound(body: list[ast.stmt], bound: set[str], candidates: set[str]) -> Unbound:
    """The reads in `body` of `candidates` (the scope's own plain variables) that may
    find them unbound, given the names `bound` on entry (parameters)."""
    flow = _Flow(candidates)
    flow.block(body, frozenset(bound))
    return flow.result


def _join(*states: State) -> State:
    reached = [s for s in states if s is not None]
    if not reached:
        return None
    out = reached[0]
    for s in reached[1:]:
        out = out & s
    return out


def _deleted(stmts: list[ast.stmt]) -> set[str]:
    """Names a block may unbind: `del name`, and `except ... as name` (unbound at the end)."""
    out = set()
    for stmt in stmts:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Del):
                out.add(node.id)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                out.add(node.name)
    return out


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class _Flow:
    def __init__(self, candidates: set[str]):
        self.candidates = candidates
        self.result = Unbound()
        self.loops: list[tuple[list[State], list[State]]] = []  # (breaks, continues), innermost last

    def read(self, node: ast.Name, state: frozenset, free: bool = False) -> None:
        if node.id in self.candidates and node.id not in state:
            self.result.reads.add(id(node))
            self.result.names.add(node.id)
            if free:
                self.result.free_reads.add(id(node))

    # ---- statements ---------------------------------------------------------------------

    def block(self, stmts: list[ast.stmt], state: State) -> State:
        for stmt in stmts:
            if state is None:
                return None  # dead code: its reads never run
            method = getattr(self, f"stmt_{stmt.__class__.__name__}", None)
            state = method(stmt, state) if method else self.expr(stmt, state)
        return state

    def stmt_Assign(self, node, state):
        state = self.expr(node.value, state)
        for target in node.targets:
            state = self.target(target, state)
        return state

    def stmt_AnnAssign(self, node, state):
        if node.value is None:
            return state
        return self.target(node.target, self.expr(node.value, state))

    def stmt_AugAssign(self, node, state):
        if isinstance(node.target, ast.Name):
            self.read(node.target, state)
            return self.expr(node.value, state) | {node.target.id}
        return self.expr(node.target, self.expr(node.value, state))

    def stmt_Delete(self, node, state):
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.read(target, state)
                state = state - {target.id}
            else:
                state = self.expr(target, state)
        return state

    def stmt_Return(self, node, state):
        if node.value is not None:
            self.expr(node.value, state)
        return None

    def stmt_Raise(self, node, state):
        for part in (node.exc, node.cause):
            if part is not None:
                state = self.expr(part, state)
        return None

    def stmt_Assert(self, node, state):
        after = self.expr(node.test, state)
        if node.msg is not None:
            self.expr(node.msg, after)
        return after

    def stmt_If(self, node, state):
        state = self.expr(node.test, state)
        return _join(self.block(node.body, state), self.block(node.orelse, state))

    def stmt_While(self, node, state):
        infinite = isinstance(node.test, ast.Constant) and bool(node.test.value)
        head = state
        while True:
            tested = self.expr(node.test, head)
            breaks, continues = self.loop_body(node.body, tested)
            new_head = _join(state, *continues)
            if new_head == head:
                break
            head = new_head
        done = None if infinite else self.block(node.orelse, tested)
        return _join(done, *breaks)

    def stmt_For(self, node, state):
        state = self.expr(node.iter, state)
        head = state
        while True:
            breaks, continues = self.loop_body(node.body, self.target(node.target, head))
            new_head = _join(state, *continues)
            if new_head == head:
                break
            head = new_head
        return _join(self.block(node.orelse, head), *breaks)

    stmt_AsyncFor = stmt_For

    def loop_body(self, body: list[ast.stmt], state: State) -> tuple[list[State], list[State]]:
        """The states leaving a loop body by `break`, and those going round again."""
        self.loops.append(([], []))
        end = self.block(body, state)
        breaks, continues = self.loops.pop()
        return breaks, continues + [end]

    def stmt_Break(self, node, state):
        self.loops[-1][0].append(state)
        return None

    def stmt_Continue(self, node, state):
        self.loops[-1][1].append(state)
        return None

    def stmt_Try(self, node, state):
        body = self.block(node.body, state)
        raised = state - _deleted(node.body)
        outs = [self.block(node.orelse, body)]
        for handler in node.handlers:
            entry = raised
            if handler.type is not None:
                entry = self.expr(handler.type, entry)
            if handler.name:
                entry = entry | {handler.name}
            out = self.block(handler.body, entry)
            outs.append(out - {handler.name} if out is not None and handler.name else out)
        normal = _join(*outs)
        if not node.finalbody:
            return normal
        # On the way out of an exception (or a return) the finally block starts from any
        # point of the statement: its reads are checked from there, its result is unused.
        self.block(node.finalbody, state - _deleted(node.body + node.handlers + node.orelse))
        return self.block(node.finalbody, normal)

    stmt_TryStar = stmt_Try

    def stmt_With(self, node, state):
        for item in node.items:
            state = self.expr(item.context_expr, state)
            if item.optional_vars is not None:
                state = self.target(item.optional_vars, state)
        return self.block(node.body, state)

    stmt_AsyncWith = stmt_With

    def stmt_Match(self, node, state):
        state = self.expr(node.subject, state)
        outs = []
        for case in node.cases:
            entry = state | {n.name for n in ast.walk(case.pattern)
                             if isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name} \
                | {n.rest for n in ast.walk(case.pattern) if isinstance(n, ast.MatchMapping) and n.rest}
            if case.guard is not None:
                entry = self.expr(case.guard, entry)
            outs.append(self.block(case.body, entry))
        return _join(state, *outs)

    def stmt_FunctionDef(self, node, state):
        for part in node.decorator_list + node.args.defaults + [d for d in node.args.kw_defaults if d]:
            state = self.expr(part, state)
        return state | {node.name}

    stmt_AsyncFunctionDef = stmt_FunctionDef

    def stmt_ClassDef(self, node, state):
        for part in node.decorator_list + node.bases + [k.value for k in node.keywords]:
            state = self.expr(part, state)
        return state | {node.name}

    def stmt_Import(self, node, state):
        return state | {a.asname or a.name.split(".")[0] for a in node.names}

    def stmt_ImportFrom(self, node, state):
        return state | {a.asname or a.name for a in node.names}

    def stmt_Global(self, node, state):
        return state

    stmt_Nonlocal = stmt_Global

    # ---- expressions -------------------------------------------------------------------

    def target(self, node: ast.expr, state: frozenset) -> frozenset:
        if isinstance(node, ast.Name):
            return state | {node.id}
        if isinstance(node, (ast.Tuple, ast.List)):
            for elt in node.elts:
                state = self.target(elt, state)
            return state
        if isinstance(node, ast.Starred):
            return self.target(node.value, state)
        return self.expr(node, state)  # an item or attribute: its parts are read

    def expr(self, node: ast.AST, state: frozenset) -> frozenset:
        """Reads in `node` in evaluation order; the state after it (walrus bindings)."""
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                self.read(node, state)
            return state
        if isinstance(node, ast.NamedExpr):
            return self.expr(node.value, state) | {node.target.id}
        if isinstance(node, ast.BoolOp):
            first = self.expr(node.values[0], state)
            after = first
            for value in node.values[1:]:  # evaluated only on some paths: their bindings are not definite
                after = self.expr(value, after)
            return first
        if isinstance(node, ast.IfExp):
            state = self.expr(node.test, state)
            return _join(self.expr(node.body, state), self.expr(node.orelse, state))
        if isinstance(node, _COMPREHENSIONS):
            # The first iterable is evaluated here; the rest runs in the comprehension's own
            # scope, where the enclosing variables are free ones.
            state = self.expr(node.generators[0].iter, state)
            own = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
            outside = {id(n) for n in ast.walk(node.generators[0].iter)}
            for n in ast.walk(node):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in own \
                        and id(n) not in outside:
                    self.read(n, state, free=True)
            return state
        if isinstance(node, ast.Lambda):
            for part in node.args.defaults + [d for d in node.args.kw_defaults if d]:
                state = self.expr(part, state)
            return state
        if isinstance(node, _SCOPES):
            return state
        for child in ast.iter_child_nodes(node):
            state = self.expr(child, state)
        return state
