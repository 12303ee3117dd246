"""list, tuple, dict and set: operators, methods and the built-ins that consume them."""


def test_list_indexing_slicing_and_mutation(same_as_cpython):
    """Negative indices, stepped slices, slice assignment and del."""
    same_as_cpython('''
        xs = list(range(10))
        print(xs[-1], xs[-10], xs[2:5], xs[::3], xs[::-2], xs[8:2:-2], xs[-3:], xs[:-7], xs[5:100], xs[50:])
        xs[2:5] = ["a", "b"]
        print(xs, len(xs))
        xs[::2] = [0] * 5
        print(xs)
        xs[:0] = [-1, -2]
        xs[len(xs):] = [99]
        print(xs)
        del xs[0]
        del xs[-1]
        del xs[1:3]
        print(xs)
        del xs[::2]
        print(xs)
        xs[-1] = "last"
        print(xs)
        ys = xs[:]
        ys.append("copy")
        print(xs, ys)
        try:
            xs[::2] = [1, 2, 3, 4, 5, 6, 7]
        except ValueError as e:
            print("ValueError:", e)
        try:
            print(xs[100])
        except IndexError as e:
            print("IndexError:", e)
        try:
            xs[-100] = 1
        except IndexError as e:
            print("IndexError:", e)
    ''')


def test_list_methods(same_as_cpython):
    """append, extend, insert, pop, remove, index, count, reverse, copy, clear."""
    same_as_cpython('''
        xs = [3, 1, 4]
        xs.append(1)
        xs.extend([5, 9])
        xs.extend((2, 6))
        xs.insert(0, "first")
        xs.insert(-1, "penult")
        xs.insert(100, "end")
        xs.insert(-100, "start")
        print(xs)
        print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
        xs.remove(1)
        print(xs, xs.index(1), xs.index(5), xs.count(1), xs.count(7))
        xs.remove("first")
        xs.reverse()
        print(xs)
        ys = xs.copy()
        xs.clear()
        print(xs, ys, len(ys))
        for bad in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(3)]:
            try:
                bad()
            except (IndexError, ValueError) as e:
                print(repr(e), e)
    ''')


def test_sequence_operators(same_as_cpython):
    """+, *, in, comparison of lists and tuples is lexicographic."""
    same_as_cpython('''
        a, b = [1, 2], [3]
        print(a + b, a * 2, [0] * 3, 2 * (1, 2), (1,) + (2, 3), [] * 5, a * -1)
        print(2 in a, 5 in a, 5 not in a, (1, 2) in [(1, 2)], [1] in [[1], [2]])
        print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], (1, "a") < (1, "b"), [1, 2] == [1, 2], (1, 2) == (1, 2))
        print([] < [0], () == (), [1, 2] != [2, 1], (3, [1]) == (3, [1]), [1.0] == [1])
        t = (5, 6, 7, 6)
        print(t[0], t[-1], t[1:3], t[::-1], len(t), t.count(6), t.index(7), tuple([1, 2]), tuple("ab"), list((1, 2)))
        a += [4]
        a *= 2
        print(a)
    ''')


def test_dicts(same_as_cpython):
    """Dicts keep insertion order; overwriting keeps a key's place; deleting and re-adding moves it."""
    same_as_cpython('''
        d = {"b": 1, "a": 2}
        d["c"] = 3
        d["b"] = 10
        print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
        del d["b"]
        d["b"] = 20
        print(d, "a" in d, "z" in d, "z" not in d)
        print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("e", []), d.setdefault("a", 99), d)
        print(d.pop("e"), d.pop("zz", "default"), d)
        d.update({"x": 1, "a": 0})
        d.update([("y", 2)])
        print(d, d.popitem(), d)
        for k, v in d.items():
            print(k, "->", v)
        for k in d:
            print(k, end=" ")
        print()
        counts = {}
        for w in "the cat and the hat and the bat".split():
            counts[w] = counts.get(w, 0) + 1
        print(counts, sorted(counts, key=lambda w: counts[w], reverse=True))
        keys = {1: "int", 2.5: "float", (1, 2): "tuple", None: "none", True: "bool?"}
        print(keys, keys[1], keys[(1, 2)])
        print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict.fromkeys("ab", 0), dict(zip("xy", [1, 2])))
        e = d.copy()
        e.clear()
        print(e, d == {"c": 3, "a": 0, "b": 20, "x": 1}, {1: 2} == {1: 2.0}, {1: 1, 2: 2} == {2: 2, 1: 1})
        try:
            print(d["missing"])
        except KeyError as err:
            print("KeyError:", err)
        try:
            {}.popitem()
        except KeyError as err:
            print("KeyError:", err)
    ''')


def test_sets(same_as_cpython):
    """Sets of small ints iterate in CPython's hash order; set algebra and methods."""
    same_as_cpython('''
        s = {5, 3, 9, 1, 3}
        print(s, len(s), 3 in s, 4 in s, sorted(s))
        s.add(0)
        s.add(33)
        s.discard(9)
        s.discard(100)
        s.remove(5)
        print(s)
        a, b = {1, 2, 3, 4}, {3, 4, 5, 6}
        print(a | b, a & b, a - b, b - a, a ^ b)
        print(a.union([10]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
        print({1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.issubset(b), a.isdisjoint({9}), a == {4, 3, 2, 1})
        print(set([3, 3, 2]), set("aab") == {"a", "b"}, set(range(20, 0, -3)), {100, 64, 8, 1, 33})
        c = set()
        for i in [-1, -2, 40, 8, 16, 32, 0, 24]:
            c.add(i)
        print(c, c.pop(), c)
        a |= {7}
        a &= {1, 7, 2}
        a -= {2}
        print(a)
        frozen = frozenset([3, 1])
        print(frozen, 3 in frozen, len(frozen))
        try:
            s.remove(12345)
        except KeyError as e:
            print("KeyError:", e)
    ''')


def test_sorting(same_as_cpython):
    """sorted/sort with key= and reverse= are stable; reverse keeps equal items in order."""
    same_as_cpython('''
        people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
        print(sorted(people))
        print(sorted(people, key=lambda p: p[1]))
        print(sorted(people, key=lambda p: p[1], reverse=True))
        print(sorted(people, key=lambda p: (-p[1], p[0])))
        words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
        print(sorted(words), sorted(words, key=lambda w: w.lower()), sorted(words, key=len), sorted(words, key=len, reverse=True))
        nums = [3, -1, 4.5, -1.5, 9, 2, 6, 5, 3]
        nums.sort()
        print(nums)
        nums.sort(reverse=True)
        print(nums)
        nums.sort(key=abs)
        print(nums, sorted([]), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}), sorted("cab"))
        print(sorted([[2, 1], [1, 2], [1]]), sorted([True, False, 0, 1]))
        try:
            sorted([1, "a"])
        except TypeError as e:
            print("TypeError:", e)
    ''')


def test_aggregating_builtins(same_as_cpython):
    """min/max with key= and default=, sum, any, all, len."""
    same_as_cpython('''
        data = [4, -9, 2, 7, -9, 7]
        print(min(data), max(data), min(data, key=abs), max(data, key=abs), min(3, 1, 2), max("b", "a", "c"))
        print(max([], default=None), min([], default="empty"), max(["aa", "b", "cc"], key=len), min([(2, "x"), (1, "y")]))
        print(sum(data), sum([]), sum([0.5, 0.25]), sum(range(5), 10), sum([[1], [2]], []))
        print(any([]), all([]), any([0, "", None]), any([0, 3]), all([1, "x", [0]]), all([1, 0]))
        print(len([1, 2]), len((1,)), len({}), len({1, 2}), len("abc"), len(range(3, 10, 2)))
        try:
            max([])
        except ValueError as e:
            print("ValueError:", e)
    ''')


def test_iteration_builtins(same_as_cpython):
    """enumerate, zip, reversed, range, map and filter are lazy iterables like CPython's."""
    same_as_cpython('''
        names = ["ann", "bob", "cy"]
        for i, n in enumerate(names):
            print(i, n)
        print(list(enumerate(names, start=1)), list(enumerate("ab", 10)))
        print(list(zip(names, [1, 2, 3, 4])), list(zip("ab", (1, 2), [True, False])), list(zip()))
        print(list(reversed(names)), list(reversed(range(5))), list(reversed((1, 2))), "".join(reversed("abc")))
        print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)), range(1, 9, 2)[2])
        print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(len, names)))
        print(list(filter(None, [0, 1, "", "x", [], [0]])), list(filter(lambda n: n % 2, range(10))))
        pairs = dict(zip(names, range(3)))
        print(pairs)
        m = map(abs, [-1, -2])
        print(next(m), list(m), list(m))
        it = iter([1, 2, 3])
        print(next(it), next(it), next(it), next(it, "done"))
        print(3 in range(0, 10, 3), 4 in range(0, 10, 3), len(range(0, 10, 3)), range(5)[-1])
        total = 0
        for x in range(100, 0, -7):
            total += x
        print(total)
    ''')


def test_container_edge_cases(same_as_cpython):
    """Slices past the ends, equal keys of different types, ranges as sequences, nested data."""
    same_as_cpython('''
        xs = [5, 3, 8]
        print(xs * 0, xs[::-1][::2], xs[-1:-4:-1], xs[10:-10:-1], xs[1:1], list(range(10))[-3:-1], list(range(10))[::-3])
        xs[1:2] = []
        xs[0:0] = "ab"
        print(xs)
        xs[5:] = range(2)
        print(xs, xs.index(8, 1), xs.count("a"))
        del xs[10:]
        del xs[:]
        print(xs, [1, 2, 3, 4][1::2], (1, 2, 3)[::-1], tuple(range(3))[-2:])
        print([1, [2, 3]] == [1, [2, 3]], [1, 2] < [1, 2.5], (1, 2) < (1,), [[]] < [[0]], [None] == [None])
        print(list(zip(*[[1, 2], [3, 4]])), list(map(pow, [2, 3], [3, 2])), sorted(zip([3, 1], "ab")))
        print(max({"a": 5, "b": 9}), min({1: "z"}.values()), max(range(4), key=lambda x: -x), min("hello", key=ord), max([1, 3, 2], default=0))
        print(list(reversed([])), list(enumerate([])), list(zip([1], [])), sum([], 5), any(x for x in []), all(x for x in []))
        d = {}
        d[1] = "a"; d[True] = "b"; d[1.0] = "c"
        print(d, {0: 1, False: 2, 0.0: 3}, {(1, 2): 1}[(1, 2)], {"a": 1} | {"b": 2}, {**{"a": 1}, "b": 2})
        print(list({3: 1, 1: 2}.items()), dict(sorted({"b": 1, "a": 2}.items())), {k: v for k, v in [(1, 2), (1, 3)]})
        print(len(set("mississippi")), sorted(set("mississippi")), {1, 2} | {2.0, 3}, {True, 1, 1.0}, {0, -0.0, False})
        print(set([10, 20, 30]) - {20}, {"b", "a"} == {"a", "b"}, {(1, 2), (2, 1)} == {(2, 1), (1, 2)}, frozenset({1}) == {1})
        print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "a"]), sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([0.5, -1, 2, True]))
        r = range(0, 20, 5)
        print(r, range(3), range(1, 5), range(10, 0, -2), list(r), r[1], r[-1], r[1:3], len(r), 15 in r, r.index(10), r.count(5))
        print(list(range(-5, 5, 3)), list(range(5, -5, -3)), range(0), bool(range(0)), range(2) == range(0, 2), reversed(range(3)) is not None)
        e = enumerate("ab", 1)
        print(next(e), list(e))
        nested = [[1, 2], [3, 4]]
        flat = [y for x in nested for y in x]
        print(flat, [[y * 2 for y in x] for x in nested], {x: [y for y in range(x)] for x in range(3)})
        print(sum([[1], [2, 3]], []), sorted({3: "a", 1: "b"}.items(), key=lambda kv: kv[1]))
        t = ([1], 2)
        t[0].append(3)
        print(t, (1, 2) + (3,), (1,) * 3, tuple(), tuple([]), list(()), list({1: 2}), list("ab"), list(d.values()))
        m = [1, 2, 3]
        m.insert(1, m.pop())
        m.extend(m)
        print(m, m.copy() is m, m == m.copy(), [0] * 3 + [1], [x for x in m if x > 1][::-1])
        print(dict(a=1).get("a"), list({1: 2}.keys()), list({1: 2}.values()), list({1: 2}.items()), list(filter(lambda kv: kv[0] > 1, {1: 2, 3: 4}.items())))
    ''')
