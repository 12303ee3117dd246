"""Generators (frontend/generators.py): lazy everywhere, send/throw/close, yield as an
expression, try/except/finally and `with` around a yield, `yield from` delegation, and
the protocol's error cases, compared with CPython."""


def test_generator_protocol_send_throw_close(same_as_cpython):
    same_as_cpython('''
        def iterate(f):
            def go(x):
                v = x
                while True:
                    yield v
                    v = f(v)
            return lambda x: go(x)

        it = iterate(lambda n: n * 2)(1)
        print(next(it), next(it), it.send(5), next(it))

        def acc():
            total = 0
            while True:
                x = yield total
                if x is None:
                    break
                total += x
            return total

        a = acc()
        print(next(a), a.send(3), a.send(4))
        try:
            a.send(None)
        except StopIteration as e:
            print("stop", e.value, e.args)

        def res():
            print("open")
            try:
                yield 1
                yield 2
            finally:
                print("cleanup")

        r = res()
        print(next(r))
        r.close()
        print(list(res()))

        def catcher():
            while True:
                try:
                    yield "ready"
                except ValueError as e:
                    print("caught", e)
                    yield "handled"

        c = catcher()
        print(next(c), c.throw(ValueError("x")), next(c))
        try:
            c.throw(KeyError("k"))
        except KeyError as e:
            print("propagated", repr(e))
        print(list(c))
    ''')


def test_generator_with_finally_and_delegation(same_as_cpython):
    same_as_cpython('''
        class CM:
            def __init__(self, n): self.n = n
            def __enter__(self):
                print("enter", self.n); return self.n
            def __exit__(self, t, v, tb):
                print("exit", self.n, t is not None); return False

        def with_gen():
            with CM(1) as a, CM(2) as b:
                yield a + b
                yield a * b

        print(list(with_gen()))
        w = with_gen()
        print(next(w))
        w.close()

        def inner():
            x = yield 1
            print("inner got", x)
            y = yield 2
            print("inner got", y)
            return "inner-done"

        def outer():
            r = yield from inner()
            print("r", r)
            yield r

        o = outer()
        print(next(o), o.send("a"), o.send("b"))
        g = outer(); next(g)
        try:
            g.throw(RuntimeError("boom"))
        except RuntimeError as e:
            print("via", e)
        def stubborn():
            try:
                yield 1
            except GeneratorExit:
                yield 2
        s = stubborn(); next(s)
        try:
            s.close()
        except RuntimeError as e:
            print(e)
        e = iter(res())
        print(list(e), list(e))
        def early(n):
            for i in range(n):
                try:
                    if i == 2:
                        return i * 10
                    yield i
                finally:
                    print("fin", i)
        print(list(early(5)))
        def brk():
            for i in range(5):
                try:
                    yield i
                    if i == 1: break
                finally:
                    print("f", i)
            yield "after"
        print(list(brk()))
        def srun():
            yield next(iter([]))
        try:
            list(srun())
        except RuntimeError as e:
            print("RE", e)
        js = acc()
        try:
            js.send(1)
        except TypeError as e:
            print(e)
    ''')


def test_generator_error_cases_and_nested_scopes(same_as_cpython):
    same_as_cpython('''
        def count(n):
            i = 0
            while i < n:
                yield i
                i += 1

        g = count(2)
        print(next(g), next(g))
        for attempt in range(2):
            try:
                next(g)
            except StopIteration as e:
                print("exhausted", e.value, e.args)
        print(next(g, "default"), list(g))
        g = count(3)
        g.close()
        print(list(g))
        try:
            count(3).throw(ValueError("early"))
        except ValueError as e:
            print("thrown before start:", e)

        def reraiser():
            try:
                yield 1
                raise KeyError("k")
            except KeyError:
                print("handling")
                raise

        r = reraiser()
        print(next(r))
        try:
            next(r)
        except KeyError as e:
            print("re-raised", repr(e))

        def numbered(lines, start=1, *, sep=": "):
            counter = start
            def label(s):
                return str(counter) + sep + s
            for line in lines:
                yield label(line)
                counter += 1

        print(list(numbered(["a", "b"])), list(numbered("xy", start=5, sep="-")))

        def running_average():
            total, n = 0.0, 0
            average = None
            while True:
                value = yield average
                total += value
                n += 1
                average = total / n

        avg = running_average()
        next(avg)
        print([avg.send(v) for v in (10, 20, 60)])

        def echo():
            received = []
            while len(received) < 3:
                received.append((yield len(received)) * 2)
            return received

        e = echo()
        print(next(e), e.send(1), e.send(2))
        try:
            e.send(3)
        except StopIteration as stop:
            print("returned", stop.value)

        class Tree:
            def __init__(self, value, children=()):
                self.value, self.children = value, children
            def walk(self, depth=0):
                yield depth, self.value
                for child in self.children:
                    yield from child.walk(depth + 1)

        print(list(Tree(1, [Tree(2, [Tree(3)]), Tree(4)]).walk()))
        if True:
            def in_block():
                yield "from a block"
        print(list(in_block()))
        def take(n, it):
            return [x for _, x in zip(range(n), it)]
        def naturals():
            n = 0
            while True:
                yield n
                n += 1
        def squares():
            for n in naturals():
                yield n * n
        print(take(5, squares()))
    ''')


def test_generator_object_identity_and_return_value(same_as_cpython):
    """The runtime's generator object: iter(g) is g, next(g) carries the return value in
    StopIteration, locals read by a nested scope survive between steps, and a generator
    driven by a for loop, zip and islice stays lazy."""
    same_as_cpython('''
        from itertools import islice, count

        def counter(n):
            total = 0
            for i in range(n):
                total += i
                yield i
            return total

        g = counter(3)
        print(iter(g) is g, g == g, type(g).__name__)
        print(list(g))
        h = counter(2)
        next(h); next(h)
        try:
            next(h)
        except StopIteration as e:
            print("returned", e.value)
        print(next(h, "done"))

        def scaled(k):
            seen = []
            while True:
                seen.append(k)
                yield (lambda: len(seen) * k)()

        print(list(islice(scaled(3), 4)))
        print([(i, v) for i, v in zip(count(), counter(4))])

        def outer():
            yield from counter(3)
            r = yield from counter(4)
            yield r

        print(list(outer()))
        def same(a, b):
            return a is b

        print(same("YUP", "YUP"), same("a", "a"), same("a b", " ".join(["a", "b"])))
    ''')


def test_generator_expressions_with_several_loops_are_lazy(same_as_cpython):
    """A loop that changes what a nested generator expression reads sees the change, as in
    CPython (an eager list of the items would not)."""
    same_as_cpython('''
        seen = {1}
        for a, b in ((x, x + y) for x in [1, 2, 3] for y in [1, 2] if x + y not in seen):
            seen.add(b)
            print(a, b)
        print(sorted(seen))
        grid = [[1, 2], [3], []]
        g = (v * k for row in grid for v in row for k in (1, 10))
        grid.append([4])
        print(list(g), sum(i * j for i in range(4) for j in range(i) if j % 2 == 0))
    ''')


def test_generator_function_with_a_default_called_inside_a_call(same_as_cpython):
    same_as_cpython('''
        from itertools import count, islice

        def shares(b=2):
            for i in count():
                yield i % b

        print(list(islice(shares(3), 5)), next(shares()))
    ''')
