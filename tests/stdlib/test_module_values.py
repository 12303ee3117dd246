"""Standard-library modules as values (`m = math`, a module passed to a function, kept in
a list, `os.path` through `os`) and imports inside functions."""


def test_modules_as_values_and_imports_inside_functions(same_as_cpython):
    same_as_cpython('''
        import math
        import os
        import os.path
        import random as rnd


        def area(m, r):
            return m.pi * r * r


        def lazy(x):
            import statistics
            from json import dumps
            import os.path as osp
            return statistics.mean([x, 1]), dumps({"x": x}), osp.join("a", str(x))


        m = math
        print(m.sqrt(2), m.floor(2.5), area(math, 2), getattr(m, "e"), m is math, type(m).__name__)
        p = os.path
        print(p.join("a", "b"), p.splitext("x/y.txt"), [math, os][1].path.basename("q/r.py"))
        r = rnd
        r.seed(3)
        print(r.randint(1, 100), lazy(4), lazy(5))
        try:
            m.nosuch
        except AttributeError as e:
            print(e)
        print(m.sqrt(-1))
    ''')


def test_modules_show_their_origin(same_as_cpython):
    """Built-in, frozen, and file modules (the file of the Python that translated the
    program, which is what `python3 prog.py` shows on that machine)."""
    same_as_cpython('''
        import sys, time, itertools, json, os, math, collections
        import os.path
        for m in (sys, time, itertools, json, os, math, collections, os.path, os.path):
            print(m, repr(m) == str(m))
        print(f"{json!r:.20}", [os][0].path)
    ''')
