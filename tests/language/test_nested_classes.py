"""Classes defined inside functions and blocks (frontend/nested_classes.py): moved to module
level, their class attributes set again each time the statement runs; a class that uses
the enclosing function's locals gets a diagnostic."""
from portalis.api import translate


def test_classes_in_functions_and_blocks(same_as_cpython):
    same_as_cpython('''
        from collections import defaultdict

        def from_edges(edges):
            class Node:
                def __init__(self):
                    self.root = None
                    self.succ = []
                def __repr__(self):
                    return f"Node({self.id})"
            nodes = defaultdict(Node)
            for v, w in edges:
                nodes[v].succ.append(nodes[w])
            for i, v in nodes.items():
                v.id = i
            return list(nodes.values())

        print(from_edges([(1, 2), (2, 3), (3, 1)]))

        def count_calls(n):
            class Counter:
                count = 0
                step = 1
            for i in range(n):
                Counter.count += Counter.step
            return Counter.count

        print(count_calls(3), count_calls(4))

        if True:
            class InBlock:
                kind = "block"
                def hello(self):
                    return "hello from " + self.kind
        print(InBlock().hello(), InBlock.kind)

    ''')


def test_class_using_enclosing_locals_is_a_diagnostic():
    result = translate("def make_adder(k):\n    class Adder:\n        def add(self, x):\n            return x + k\n"
                       "    return Adder()\nprint(make_adder(2).add(3))\n")
    assert not result.ok
    assert any("classes defined inside functions" in d.message for d in result.diagnostics)


def test_constructor_with_star_args_gets_them_once(same_as_cpython):
    """`C(5, "a")` with `__init__(self, value, *msgs)`: msgs is ("a",), not (("a",),)."""
    same_as_cpython('''
        class Writer:
            def __init__(self, value, *msgs, **extra):
                self.value = value
                self.msgs = list(f"{m}: {value}" for m in msgs)
                self.extra = extra

        w = Writer(5, "initial", "again", tag=1)
        print(w.msgs, w.extra, Writer(6).msgs)
    ''')


def test_nested_classes_and_unpacking_in_class_bodies(same_as_cpython):
    """`class Outer: class Inner: ...` and `class Dir: up, down = range(2)` as CPython."""
    same_as_cpython('''
        class Dir: up, right, down, left = range(4)
        class Color: white, black = '.', '#'

        class Days:
            class Forward:
                def __init__(self):
                    self.day = -1
                def __iter__(self):
                    return self
                def __next__(self):
                    if self.day >= 2:
                        raise StopIteration
                    self.day += 1
                    return ["Mon", "Tue", "Wed"][self.day]

            def __iter__(self):
                return self.Forward()

        print(Dir.up, Dir.left, Color.black, list(Days()), Days.Forward().day)
    ''')


def test_printing_an_object_whose_str_raises_raises(same_as_cpython):
    same_as_cpython('''
        class A:
            def __str__(self):
                raise ValueError("bad str")
            def __repr__(self):
                raise KeyError("bad repr")
        for show in (print, str, repr, lambda a: f"{a}", lambda a: f"{a!r}", lambda a: [a]):
            try:
                print(show(A()))
            except (ValueError, KeyError) as e:
                print(type(e).__name__, e)
    ''')
