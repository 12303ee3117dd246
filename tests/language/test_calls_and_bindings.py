"""Calls and bindings that once translated "ok" and then failed: defaults evaluated when
the def runs, keywords through methods and function values, names bound twice."""


def test_defaults_are_evaluated_once_when_the_def_runs(same_as_cpython):
    """A default built from module globals (the n-body idiom) is read in the def's scope."""
    same_as_cpython('''
        PI = 3.14
        SOLAR = 4 * PI * PI
        BODIES = {"sun": [0.0, SOLAR], "p": [1.5, 2.0]}
        SYSTEM = list(BODIES.values())
        def combinations(xs):
            return [(xs[i], y) for i in range(len(xs) - 1) for y in xs[i + 1:]]
        PAIRS = combinations(SYSTEM)
        def energy(bodies=SYSTEM, pairs=PAIRS, e=0.0):
            for (a, b), (c, d) in pairs:
                e -= a * c + b * d
            return e + sum(b[1] for b in bodies)
        def offset(ref, bodies=SYSTEM, scale=-1):
            ref[0] = scale * len(bodies)
        offset(BODIES["sun"])
        print(energy(), BODIES)
        counter = [0]
        def tick(n=len(counter), store=counter):
            store.append(n)
            return store
        counter = None
        print(tick(), tick(5))
        class Grid:
            def __init__(self, size=len(SYSTEM) * 2, fill=PI):
                self.cells = [fill] * size
        print(Grid().cells, Grid(1).cells)
    ''')


def test_keywords_through_methods_and_function_values(same_as_cpython):
    """Keywords reach methods of receivers the translator cannot type, decorated functions,
    lambdas, constructors through *args/**kwargs, with CPython's TypeErrors."""
    same_as_cpython('''
        import functools
        class Board:
            def __init__(self, size, komi=6.5):
                self.items = list(range(size))
                self.komi = komi
            def remove(self, x, update=True):
                self.items.remove(x)
                return update
        class Other:
            def remove(self, a, b, update=False):
                return (a, b, update)
        for o in [Board(4, komi=7.5), Other()]:
            if isinstance(o, Board):
                print(o.remove(2, update=False), o.komi)
            else:
                print(o.remove(1, b=3), o.remove(1, 2, update=True))
        def deco(fn):
            @functools.wraps(fn)
            def wrapper(*args, **kwargs):
                print("call", fn.__name__, args, kwargs)
                return fn(*args, **kwargs)
            return wrapper
        @deco
        def area(w, h=2, *, scale=1):
            return w * h * scale
        print(area(3), area(3, h=4), area(w=1, h=1, scale=5))
        f = lambda a, b=1, **kw: (a, b, kw)
        print(f(1, b=2, c=3), f(a=0))
        def make(cls, *args, **kwargs):
            return cls(*args, **kwargs)
        b = make(Board, 3, komi=1.0)
        print(b.items, b.komi)
        opts = {"update": True}
        print(Board(3).remove(1, **opts), functools.partial(Board, komi=2)(2).komi)
        g = area
        print(g(2, scale=10))
        for bad in (lambda: f(1, 2, 3), lambda: Board(3).remove(1, bad=2), lambda: f(b=1),
                    lambda: Board(3).remove(1, x=1)):
            try:
                bad()
            except TypeError as e:
                print("TypeError:", e)
    ''')


def test_names_bound_twice(same_as_cpython):
    """A function defined twice (also in a with body) or rebound: each call sees the
    binding current when it runs; an empty f-string."""
    same_as_cpython('''
        def f():
            return 1
        print(f())
        def f():
            return 2
        print(f(), f"", repr(f""))
        def h(n):
            return n and h(n - 1) + 1
        print(h(3))
        class R:
            def __enter__(self):
                return self
            def __exit__(self, *a):
                return False
        with R():
            def g():
                return 1
            def g():
                return 3
        print(g())
        def k():
            return "k"
        k2 = k
        k = lambda: "lam"
        print(k(), k2())
    ''')


def test_attributes_by_computed_name_and_docstrings(same_as_cpython):
    """getattr/setattr/hasattr/delattr with names built at run time, `del obj.attr`,
    `__doc__` of the module, functions, classes and methods, `__class__`."""
    same_as_cpython('''
        """Module doc."""
        class C:
            """Doc."""
            k = 1
            def __init__(self):
                self.x = 1
            def m(self):
                "meth"
                return "m"
        class D(C):
            pass
        def f():
            """Function doc."""
        def g():
            pass
        c = C()
        for name in ["x", "y", "m", "k"]:
            print(name, hasattr(c, name), getattr(c, name, "dflt") if name != "m" else getattr(c, name)())
        setattr(c, "y" + "2", 5)
        print(c.y2, getattr(c, "y2"), D.__doc__, C.__doc__, c.__doc__, C.m.__doc__, c.__class__.__name__)
        print(__doc__, f.__doc__, g.__doc__)
        delattr(c, "y2")
        print(hasattr(c, "y2"))
        del c.x
        print(hasattr(c, "x"))
        print(hasattr([], "append"), hasattr([], "nope"), hasattr("s", "upper"), hasattr(3, "bit_length"),
              hasattr({}, "__len__"), getattr("abc", "upper")())
        for bad in (lambda: delattr(c, "x"), lambda: getattr(c, "zz"), lambda: hasattr(c, 3)):
            try:
                bad()
            except (AttributeError, TypeError) as e:
                print(type(e).__name__, e)
    ''')


def test_recursion_up_to_the_limit_then_recursion_error(same_as_cpython):
    """Deep recursion runs as deep as CPython allows (also after sys.setrecursionlimit),
    then raises RecursionError instead of overflowing the stack."""
    same_as_cpython('''
        import sys
        def depth(n):
            if n == 0:
                return 0
            return 1 + depth(n - 1)
        print(depth(998))
        try:
            depth(999)
        except RecursionError as e:
            print("RecursionError", e)
        sys.setrecursionlimit(100000)
        print(depth(50000), sys.getrecursionlimit())
        class Node:
            def __init__(self, v, nxt):
                self.v = v
                self.nxt = nxt
            def total(self):
                return self.v + (self.nxt.total() if self.nxt else 0)
        head = None
        for i in range(20000):
            head = Node(i, head)
        print(head.total())
        sys.setrecursionlimit(50)
        try:
            depth(60)
        except RecursionError as e:
            print("RecursionError", e)
        def forever(n):
            return forever(n + 1)
        forever(0)
    ''')


def test_update_wrapper_and_keyword_errors(same_as_cpython):
    same_as_cpython('''
        import functools
        def memoize(func):
            cache = {}
            def memoized(key):
                if key not in cache:
                    cache[key] = func(key)
                return cache[key]
            return functools.update_wrapper(memoized, func)
        @memoize
        def square(n):
            return n * n
        print(square(4), square(4), square.__name__)
        def k(**kw):
            return kw
        class C:
            def m(self, **kw):
                return kw
        for call in [lambda: k(a=1, **{'a': 2}), lambda: k(**{'a': 1}, **{'a': 2}), lambda: C().m(b=1, **{'b': 2}),
                     lambda: k(a=1, **{'b': 2})]:
            try:
                print(call())
            except TypeError as e:
                print("TypeError", e)
    ''')


def test_del_names_and_builtin_types_as_values(same_as_cpython):
    same_as_cpython('''
        total = 0
        for i in range(3):
            x = i * 2
            total += x
            del x
        name = "temp"
        del name
        def f():
            count = 10
            items = [1, 2]
            del count, items
            return "done"
        print(total, f())
        table = {int: "int", float: "float", str: "str", type(None): "none", complex: "complex"}
        print(table[type(1.5)], table[type(None)], table[type(2j)], type(3.0) is float, float in table)
        print(type(None), int, complex)
    ''')


def test_functions_as_values_are_one_object_and_dict_keyword_merges(same_as_cpython):
    same_as_cpython('''
        def pre(x):
            return x
        def post(x):
            return -x
        for f in [pre, post]:
            print(f.__name__, f == pre, f is post, {pre: "p", post: "q"}[f])
        d = {'a': 1}
        k = 'b'
        print(dict(d, **{k: 5}), dict(d, b=2), dict(d, **{'a': 3}), d)
        try:
            dict(d, a=1, **{'a': 2})
        except TypeError as e:
            print("TypeError", e)
    ''')


def test_classmethod_called_through_cls(same_as_cpython):
    """Inside a classmethod, `cls.other(...)` reaches the class's other classmethods."""
    same_as_cpython('''
        class Ledger:
            def __init__(self, name):
                self.name = name
            @classmethod
            def make(cls, name):
                return cls(name.title())
            @classmethod
            def from_dict(cls, data):
                return cls.make(data["name"])
            @staticmethod
            def helper(x):
                return x * 2
            @classmethod
            def twice(cls, x):
                return cls.helper(x)
        print(Ledger.from_dict({"name": "acme"}).name, Ledger.twice(4))
    ''')
