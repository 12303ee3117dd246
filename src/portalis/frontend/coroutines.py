"""async/await as generators, and asyncio as a small single-threaded event loop (part of
the parse pass, before the unsupported-construct check).

`async def` becomes a generator function (a coroutine object is a generator object),
`await x` becomes `yield from x`, `async for`/`async with` their protocol spelt with
awaits; the generator rewrite (frontend/generators.py) then makes them state machines.
`asyncio.run/gather/sleep/create_task/Queue/CancelledError` name the Python classes and
functions of `SUPPORT`, added to the module: tasks run in turn from a ready queue, sleeps
wait on a virtual clock (the order is CPython's; no time passes).  A module that uses
another asyncio name, an async generator or an async comprehension keeps those nodes and
gets the parse pass's diagnostic.
"""
from __future__ import annotations

import ast
import copy

from portalis.frontend import astwalk, generators

ASYNCIO_NAMES = {"run": "_aio_run", "gather": "_aio_gather", "sleep": "_aio_sleep",
                 "create_task": "_aio_create_task", "Queue": "_aio_Queue", "CancelledError": "CancelledError",
                 "QueueEmpty": "QueueEmpty", "QueueFull": "QueueFull"}

SUPPORT = '''
class CancelledError(BaseException):
    pass


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


class StopAsyncIteration(Exception):
    pass


class _AioLoop:
    """The event loop's state: tasks ready to run, sleepers by wake-up time, the clock."""
    ready = []
    sleepers = []
    clock = 0.0
    order = 0


class _AioSleep:
    def __init__(self, delay):
        self.delay = delay


class _AioTask:
    def __init__(self, coro):
        self._coro = coro
        self._done = False
        self._cancelled = False
        self._cancel_pending = False
        self._result = None
        self._exc = None
        self._waiters = []
        _AioLoop.ready.append(self)

    def done(self):
        return self._done

    def cancelled(self):
        return self._cancelled

    def cancel(self):
        if self._done:
            return False
        self._cancel_pending = True
        _aio_wake(self)
        return True

    def result(self):
        if self._cancelled:
            raise CancelledError()
        if self._exc is not None:
            raise self._exc
        return self._result

    def __iter__(self):
        while not self._done:
            yield self
        return self.result()

    def _run(self):
        """One step: resume the coroutine until it waits on something, or ends."""
        try:
            if self._cancel_pending:
                self._cancel_pending = False
                request = self._coro.throw(CancelledError())
            else:
                request = self._coro.send(None)
        except StopIteration as stop:
            self._finish(stop.value, None, False)
            return
        except CancelledError as exc:
            self._finish(None, exc, True)
            return
        except BaseException as exc:
            self._finish(None, exc, False)
            return
        if isinstance(request, _AioTask) and not request._done:
            request._waiters.append(self)
        elif isinstance(request, _aio_Queue):
            request._waiters.append(self)
        elif isinstance(request, _AioSleep):
            _AioLoop.order += 1
            _AioLoop.sleepers.append((_AioLoop.clock + request.delay, _AioLoop.order, self))
        else:
            _AioLoop.ready.append(self)

    def _finish(self, result, exc, cancelled):
        self._done = True
        self._result = result
        self._exc = exc
        self._cancelled = cancelled
        for waiter in self._waiters:
            _aio_wake(waiter)
        self._waiters = []


def _aio_wake(task):
    """Make a waiting or sleeping task ready again."""
    _AioLoop.sleepers = [s for s in _AioLoop.sleepers if s[2] is not task]
    if task not in _AioLoop.ready:
        _AioLoop.ready.append(task)


def _aio_run(main):
    task = _AioTask(main)
    while not task._done:
        if not _AioLoop.ready:
            if not _AioLoop.sleepers:
                raise RuntimeError("Event loop stopped before Future completed.")
            _AioLoop.sleepers.sort(key=lambda s: (s[0], s[1]))
            wake, order, sleeper = _AioLoop.sleepers.pop(0)
            _AioLoop.clock = max(_AioLoop.clock, wake)
            _AioLoop.ready.append(sleeper)
        _AioLoop.ready.pop(0)._run()
    return task.result()


def _aio_create_task(coro):
    return _AioTask(coro)


def _aio_sleep(delay, result=None):
    if delay <= 0:
        yield None
    else:
        yield _AioSleep(delay)
    return result


def _aio_gather(*aws, return_exceptions=False):
    tasks = [a if isinstance(a, _AioTask) else _AioTask(a) for a in aws]
    results = []
    for task in tasks:
        while not task._done:
            yield task
        if task._cancelled or task._exc is not None:
            if not return_exceptions:
                task.result()
            results.append(CancelledError() if task._cancelled else task._exc)
        else:
            results.append(task._result)
    return results


class _aio_Queue:
    def __init__(self, maxsize=0):
        self._items = []
        self._maxsize = maxsize
        self._unfinished = 0
        self._waiters = []

    def _changed(self):
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            _aio_wake(waiter)

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return 0 < self._maxsize <= len(self._items)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull()
        self._items.append(item)
        self._unfinished += 1
        self._changed()

    def get_nowait(self):
        if not self._items:
            raise QueueEmpty()
        item = self._items.pop(0)
        self._changed()
        return item

    def put(self, item):
        while self.full():
            yield self
        self.put_nowait(item)

    def get(self):
        while not self._items:
            yield self
        return self.get_nowait()

    def task_done(self):
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        self._changed()

    def join(self):
        while self._unfinished > 0:
            yield self
'''


class _Unrewritable(Exception):
    pass


def _asyncio_aliases(tree: ast.Module) -> tuple[set[str], dict[str, str]] | None:
    """The names bound to the asyncio module and the names imported from it, when every
    use is one the support provides; None otherwise (or without asyncio)."""
    modules, imported = set(), {}
    for node in astwalk.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.asname or a.name for a in node.names if a.name == "asyncio"}
        elif isinstance(node, ast.ImportFrom) and node.module == "asyncio":
            for a in node.names:
                if a.name not in ASYNCIO_NAMES:
                    return None
                imported[a.asname or a.name] = ASYNCIO_NAMES[a.name]
    for node in astwalk.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules \
                and node.attr not in ASYNCIO_NAMES:
            return None
    return modules, imported


class _Rewrite(ast.NodeTransformer):
    def __init__(self, modules: set[str], imported: dict[str, str]):
        self.modules = modules
        self.imported = imported
        self.count = 0
        self.in_async: list[bool] = [False]

    def fresh(self, stem: str) -> str:
        self.count += 1
        return f"_aio_{stem}{self.count}"

    def visit_Import(self, node):
        names = [a for a in node.names if a.name != "asyncio"]
        if len(names) == len(node.names):
            return node
        return ast.copy_location(ast.Import(names), node) if names else ast.copy_location(ast.Pass(), node)

    def visit_ImportFrom(self, node):
        return ast.copy_location(ast.Pass(), node) if node.module == "asyncio" else node

    def visit_Attribute(self, node):
        if isinstance(node.value, ast.Name) and node.value.id in self.modules:
            return ast.copy_location(ast.Name(ASYNCIO_NAMES[node.attr], node.ctx), node)
        return self.generic_visit(node)

    def visit_Name(self, node):
        if node.id in self.imported:
            return ast.copy_location(ast.Name(self.imported[node.id], node.ctx), node)
        return node

    def _function(self, node, is_async: bool):
        self.in_async.append(is_async)
        self.generic_visit(node)
        self.in_async.pop()
        return node

    def visit_FunctionDef(self, node):
        return self._function(node, False)

    def visit_Lambda(self, node):
        return self._function(node, False)

    def visit_AsyncFunctionDef(self, node):
        if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in astwalk.own_nodes(node.body)):
            return node  # an async generator: rejected by the parse pass
        original = copy.deepcopy(node)
        self._function(node, True)
        fn = ast.FunctionDef(node.name, node.args, node.body, node.decorator_list, node.returns,
                             getattr(node, "type_comment", None))
        if not any(isinstance(n, ast.YieldFrom) for n in astwalk.own_nodes(fn.body)):
            marker = ast.parse("if False:\n    yield").body[0]
            at = 1 if fn.body and isinstance(fn.body[0], ast.Expr) and isinstance(fn.body[0].value, ast.Constant) else 0
            fn.body.insert(at, marker)
        for n in astwalk.walk(fn):
            if not hasattr(n, "lineno") or n.lineno is None:
                ast.copy_location(n, node)
        for n in astwalk.walk(fn):
            if isinstance(n, (ast.stmt, ast.expr)) and getattr(n, "end_lineno", None) is None:
                n.end_lineno, n.end_col_offset = n.lineno, n.col_offset
        fn = ast.copy_location(fn, node)
        awaits_elsewhere = any(isinstance(n, (ast.Await, ast.AsyncFor, ast.AsyncWith))
                               or isinstance(n, ast.comprehension) and n.is_async
                               or isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
                               and any(isinstance(m, (ast.YieldFrom, ast.Await)) for m in astwalk.walk(n))
                               for n in astwalk.own_nodes(fn.body))
        if awaits_elsewhere or generators.rewrite_generator(copy.deepcopy(fn), 0) is None:
            return original  # an await where the state machine cannot resume: the parse pass's diagnostic
        return fn

    def visit_Await(self, node):
        self.generic_visit(node)
        if not self.in_async[-1]:
            return node
        return ast.copy_location(ast.YieldFrom(node.value), node)

    def _spelt(self, source: str, node, **parts) -> list[ast.stmt]:
        """Statements parsed from `source` with the user's nodes for the names in `parts`;
        the rest placed at `node`."""
        stmts = generators.template(source, **parts)
        for stmt in stmts:
            for n in astwalk.walk(stmt):
                if isinstance(n, (ast.stmt, ast.expr, ast.excepthandler)) and getattr(n, "lineno", None) == 0:
                    ast.copy_location(n, node)
        return stmts

    def visit_AsyncFor(self, node):
        self.generic_visit(node)
        if not self.in_async[-1] or node.orelse:
            return node
        it = self.fresh("it")
        loop = self._spelt(f"{it} = ITER.__aiter__()\nwhile True:\n    try:\n        TARGET = await {it}.__anext__()\n"
                           f"    except StopAsyncIteration:\n        break\n", node, ITER=node.iter, TARGET=node.target)
        loop[1].body.extend(node.body)
        return [self.visit(s) for s in loop]

    def visit_AsyncWith(self, node):
        self.generic_visit(node)
        if not self.in_async[-1] or len(node.items) != 1:
            return node
        item = node.items[0]
        m, ok, e = self.fresh("m"), self.fresh("ok"), self.fresh("e")
        enter = "TARGET = " if item.optional_vars is not None else ""
        parts = {"MANAGER": item.context_expr}
        if item.optional_vars is not None:
            parts["TARGET"] = item.optional_vars
        code = self._spelt(
            f"{m} = MANAGER\n{enter}await {m}.__aenter__()\n{ok} = True\ntry:\n    pass\n"
            f"except BaseException as {e}:\n    {ok} = False\n"
            f"    if not (await {m}.__aexit__(type({e}), {e}, None)):\n        raise\n"
            f"finally:\n    if {ok}:\n        await {m}.__aexit__(None, None, None)", node, **parts)
        code[-1].body = node.body
        return [self.visit(s) for s in code]


ASYNC_NODES = (ast.AsyncFunctionDef, ast.Await, ast.AsyncFor, ast.AsyncWith)  # what makes a module need this pass


def rewrite_coroutines(tree: ast.Module) -> None:
    """Rewrite the module's coroutines in place (see the module docstring)."""
    if not any(isinstance(n, ASYNC_NODES) for n in astwalk.walk(tree)):
        return
    aliases = _asyncio_aliases(tree)
    if aliases is None:
        return
    _Rewrite(*aliases).visit(tree)
    support = ast.parse(SUPPORT).body
    for stmt in support:
        for n in astwalk.walk(stmt):
            if isinstance(n, (ast.stmt, ast.expr, ast.excepthandler)):
                n.lineno = n.end_lineno = 1
                n.col_offset = n.end_col_offset = 0
            if isinstance(n, ast.ClassDef):
                n.generated_by_portalis = True
    at = 1 if tree.body and isinstance(tree.body[0], ast.Expr) and isinstance(tree.body[0].value, ast.Constant) else 0
    while at < len(tree.body) and isinstance(tree.body[at], ast.ImportFrom) and tree.body[at].module == "__future__":
        at += 1
    tree.body[at:at] = support
