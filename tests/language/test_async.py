"""async/await (frontend/coroutines.py): coroutines as generators on a small event loop;
gather, sleep ordering, tasks, queues, async with/for, cancellation and failing tasks."""
from portalis.api import translate


def test_asyncio_programs(same_as_cpython):
    same_as_cpython('''
        import asyncio

        async def worker(name, delay, log):
            log.append(f"{name} start")
            await asyncio.sleep(delay)
            log.append(f"{name} done after {delay}")
            return name.upper()

        async def producer(q, n):
            for i in range(n):
                await q.put(i)
                await asyncio.sleep(0)
            await q.put(None)

        async def consumer(q):
            total = 0
            while True:
                item = await q.get()
                if item is None:
                    break
                total += item
            return total

        class Resource:
            async def __aenter__(self):
                print("acquire")
                return self
            async def __aexit__(self, t, v, tb):
                print("release", t.__name__ if t else None)
                return False

        class Ticker:
            def __init__(self, n):
                self.n = n
            def __aiter__(self):
                return self
            async def __anext__(self):
                if self.n == 0:
                    raise StopAsyncIteration
                self.n -= 1
                await asyncio.sleep(0.1)
                return self.n

        async def forever():
            while True:
                await asyncio.sleep(1)

        async def failing():
            await asyncio.sleep(0.5)
            raise ValueError("bad worker")

        async def main():
            log = []
            results = await asyncio.gather(worker("a", 0.3, log), worker("b", 0.1, log), worker("c", 0.2, log))
            print(results)
            print(log)
            q = asyncio.Queue()
            prod = asyncio.create_task(producer(q, 5))
            print("sum", await consumer(q))
            await prod
            async with Resource() as r:
                print("inside", type(r).__name__)
            try:
                async with Resource():
                    raise KeyError("k")
            except KeyError as e:
                print("caught", repr(e))
            async for v in Ticker(3):
                print("tick", v)
            task = asyncio.create_task(forever())
            await asyncio.sleep(2.5)
            print(task.cancel(), task.done())
            try:
                await task
            except asyncio.CancelledError:
                print("cancelled", task.cancelled())
            try:
                await asyncio.gather(worker("x", 1, log), failing())
            except ValueError as e:
                print("gather raised", e)
            print(await asyncio.gather(failing(), worker("y", 0, log), return_exceptions=True))
            return "main done"

        print(asyncio.run(main()))
    ''')


def test_async_generators_and_other_asyncio_names_are_diagnostics():
    for source in ("async def f(xs):\n    return [await x for x in xs]\n", "async def f(x):\n    while await x:\n        pass\n"):
        result = translate(source)
        assert not result.ok and any("await is not supported here" in d.message for d in result.diagnostics)
    result = translate("async def agen():\n    yield 1\n")
    assert not result.ok and any("async" in d.message for d in result.diagnostics)
    result = translate("import asyncio\nasync def f():\n    await asyncio.wait_for(f(), 1)\nasyncio.run(f())\n")
    assert not result.ok and any("asyncio names other than" in d.message for d in result.diagnostics)
