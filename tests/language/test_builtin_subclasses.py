"""Subclasses of built-in types (lower/classes.py `_builtin_base`, runtime builtin_bases.rs):
inherited and overridden methods, super() into the built-in type, len/indexing/iteration/
printing through the built-in part, isinstance, reprs as CPython prints them, __new__."""
from portalis.api import translate


def test_list_dict_str_int_tuple_set_subclasses(same_as_cpython):
    same_as_cpython('''
        class Stack(list):
            def push(self, x):
                self.append(x)
            def peek(self):
                return self[-1]

        s = Stack()
        s.push(1); s.push(2); s.extend([3, 4])
        print(s, len(s), s.peek(), s[0], s[1:3], 3 in s, list(s), isinstance(s, list), isinstance(s, Stack))
        for x in s:
            print(x, end=" ")
        print()
        print(s.pop(), s, sorted(s, reverse=True), sum(s), bool(Stack()), s == [1, 2, 3], [1, 2, 3] == s)
        print(type(s).__name__, type(s + [9]).__name__, repr(s), str(s), f"{s}")

        class Registry(dict):
            def register(self, name):
                def deco(f):
                    self[name] = f
                    return f
                return deco
            def __missing__(self, key):
                return "missing:" + key

        r = Registry(a=1)
        r["b"] = 2
        print(r["zz"], r, len(r), r["a"], list(r.keys()), r.get("b"), "a" in r, isinstance(r, dict))

        class Upper(str):
            def shout(self):
                return self.upper() + "!"
        u = Upper("hi")
        print(u, u.shout(), len(u), u + "x", repr(u), u == "hi", {u: 1}["hi"], u[0])

        class Meters(int):
            def __repr__(self):
                return f"Meters({int(self)})"
        m = Meters(5)
        print(m, m + 1, m * 2, [m], m > 3, range(m), isinstance(m, int))

        class Pair(tuple):
            def first(self):
                return self[0]
        p = Pair((1, 2))
        print(p, p.first(), len(p), p + (3,), hash(p) == hash((1, 2)))

        class Tags(set):
            pass
        t = Tags([1, 2])
        t.add(3)
        print(t, len(t), 2 in t)

        class Logged(list):
            def __init__(self, items, name):
                super().__init__(items)
                self.name = name
            def append(self, x):
                print("append", x)
                super().append(x)
            def __repr__(self):
                return f"Logged({self.name}, {super().__repr__()})"
        l = Logged([1], "L")
        l.append(2)
        print(l, l.name, len(l))
        print(l.missing())
    ''')


def test_library_and_immutable_subclasses_with_new(same_as_cpython):
    same_as_cpython('''
        from fractions import Fraction
        from collections import Counter, deque, OrderedDict, defaultdict

        class Half(Fraction):
            def double(self):
                return self * 2
        h = Half(1, 2)
        print(h, repr(h), h.double(), h + 1, 1 + h, h < 1, h == Fraction(1, 2), h.numerator, float(h), isinstance(h, Fraction))

        class Tally(Counter):
            def top(self):
                return self.most_common(1)[0]
        t = Tally("abracadabra")
        print(t.top(), t["a"], t["z"], len(t))
        print(t)

        class Ring(deque):
            def rotate_one(self):
                self.rotate(1)
        r = Ring([1, 2, 3])
        r.rotate_one()
        print(r, len(r), r[0])

        class Temp(float):
            def __str__(self):
                return f"{float(self):.1f}C"
        x = Temp(21.456)
        print(x, repr(x), x + 1, round(x, 1), x > 20, int(x))

        class Vec(tuple):
            def __new__(cls, x, y):
                return super().__new__(cls, (x, y))
            def __add__(self, other):
                return Vec(self[0] + other[0], self[1] + other[1])
            @property
            def x(self):
                return self[0]
        v = Vec(1, 2) + Vec(3, 4)
        print(v, v.x, type(v).__name__, len(v), v == (4, 6))
        a, b = v
        print(a, b)

        class Word(str):
            def __new__(cls, text):
                return super().__new__(cls, text.lower())
        w = Word("HeLLo")
        print(w, w.title(), w.startswith("he"), ", ".join([w, "x"]), sorted([Word("b"), Word("A")]))

        class Odd(list):
            def __len__(self):
                return 42
            def __getitem__(self, i):
                return super().__getitem__(i) * 10
        o = Odd([1, 2, 3])
        print(len(o), o[1], list(o), o)

        class Default(dict):
            def __init__(self, default):
                super().__init__()
                self.default = default
            def __getitem__(self, k):
                return super().get(k, self.default)
        d = Default(0)
        d["a"] = 5
        print(d["a"], d["b"], d, d.default)
        try:
            Stack = None
            h.nosuch()
        except AttributeError as e:
            print("AttributeError", e)
        try:
            Temp("abc")
        except ValueError as e:
            print("ValueError", e)
        print(Word(5))
    ''')


def test_mixins_overrides_along_the_chain_and_class_names(same_as_cpython):
    same_as_cpython('''
        class Describe:
            def describe(self):
                return f"{type(self).__name__} of {len(self)}: {self!r}"

        class Bag(Describe, list):
            pass

        class Strict(list):
            def append(self, x):
                if not isinstance(x, int):
                    raise TypeError(f"ints only, not {type(x).__name__}")
                super().append(x)

        class Sorted(Strict):
            def append(self, x):
                super().append(x)
                self.sort()

        b = Bag([3, 1])
        print(b.describe(), isinstance(b, Describe), isinstance(b, list), [c.__name__ for c in Bag.__mro__ if c.__name__ != "list"])
        s = Sorted()
        for v in (5, 2, 9):
            s.append(v)
        print(s, s.index(9), s.count(2), s * 2, s[::-1], Sorted.__name__)
        try:
            s.append("x")
        except TypeError as e:
            print("TypeError:", e)
        s.frobnicate()
    ''')


def test_unsupported_bases_are_diagnostics():
    result = translate("class Both(list, dict):\n    pass\nprint(Both())\n")
    assert not result.ok
    assert any("several built-in types" in d.message for d in result.diagnostics)
    result = translate("class M:\n    pass\nclass Wrong(list, M):\n    pass\nprint(Wrong())\n")
    assert any("list the built-in type last" in d.hint for d in result.diagnostics)
    result = translate("import argparse\nclass P(argparse.ArgumentParser):\n    pass\nprint(P())\n")
    assert not result.ok
