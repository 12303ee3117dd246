"""collections: Counter, defaultdict, OrderedDict and deque."""


def test_counter(same_as_cpython):
    """Construction, most_common tie order, elements, update/subtract counting, total."""
    same_as_cpython('''
        from collections import Counter
        import collections
        c = Counter("abracadabra")
        print(c, len(c), c["a"], c["missing"], "missing" in c)
        print(c.most_common(2), c.most_common(), c.most_common(0), c.most_common(-1))
        print(list(c.elements()), sorted(Counter(x=2, y=0, z=-1).elements()))
        c.update("aaz")
        c.update({"q": 3, "a": 1})
        c.update(w=2)
        print(c)
        c.subtract("aaaaaa")
        c.subtract({"z": 5})
        print(c, c.total())
        print(Counter(a=3, b=-1), Counter({"x": 2}), Counter(), Counter([1.5, 1.5, 2]))
        print(list(Counter([3, 1, 3, 2, 1, 3]).items()), list(Counter("hello")))
        words = "the cat and the hat and the bat".split()
        counts = collections.Counter(words)
        for word, n in counts.most_common(3):
            print(word, n)
        counts["cat"] += 5
        del counts["the"]
        print(counts, counts.get("dog"), counts.get("cat"))
        print(Counter("aab") == Counter("aba"), Counter("ab") == Counter("abb"), dict(Counter("aab")))
        e = Counter()
        for ch in "mississippi":
            e[ch] += 1
        print(e, sorted(e.items(), key=lambda kv: (-kv[1], kv[0])), e.copy(), sum(e.values()))
        print(e.pop("m"), e.setdefault("z", 9), e, list(e.keys()), list(e.values()))
    ''')


def test_defaultdict_and_ordereddict(same_as_cpython):
    """Factories (built-in types, lambdas, none), initial contents, and OrderedDict moves."""
    same_as_cpython('''
        from collections import defaultdict, OrderedDict
        dd = defaultdict(list)
        for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
            dd[w[0]].append(w)
        print(dd, dict(dd), dd["z"], len(dd), "q" in dd)
        di = defaultdict(int, {"k": 1}, extra=5)
        di["k"] += 2
        di["m"] += 1
        print(di, di.get("nope"), sorted(di.items()))
        ds = defaultdict(set)
        ds[1].add("x")
        ds[1].add("y")
        print(len(ds[1]), ds[2], len(ds))
        dl = defaultdict(lambda: "n/a")
        print(dl["a"], list(dl.items()))
        nested = defaultdict(lambda: defaultdict(int))
        nested["a"]["b"] += 2
        print(nested["a"]["b"], dict(nested["a"]))
        dn = defaultdict(None, {1: 2})
        print(dn)
        try:
            dn[5]
        except KeyError as e:
            print("KeyError", e)
        try:
            defaultdict(5)
        except TypeError as e:
            print("TypeError:", e)
        od = OrderedDict()
        od["a"] = 1
        od["b"] = 2
        od["c"] = 3
        od.move_to_end("a")
        print(od, list(od), list(od.items()))
        od.move_to_end("c", last=False)
        print(od)
        print(od.popitem(), od.popitem(last=False), od, OrderedDict(), OrderedDict([(2, "x"), (1, "y")]))
        od.popitem()
        try:
            od.popitem(last=False)
        except KeyError as e:
            print("KeyError", e)
        try:
            od.move_to_end("zz")
        except KeyError as e:
            print("KeyError", e)
        o2 = OrderedDict(b=1, a=2)
        o2.update({"c": 3})
        print(o2, o2.get("a"), o2.pop("b"), o2)
    ''')


def test_deque(same_as_cpython):
    """Both ends, maxlen, rotation, indexing, search, equality and errors."""
    same_as_cpython('''
        from collections import deque
        q = deque([1, 2, 3])
        q.append(4)
        q.appendleft(0)
        print(q, len(q), q[0], q[-1], 3 in q, 9 in q, list(q), tuple(q))
        print(q.pop(), q.popleft(), q)
        q.extend([7, 8])
        q.extendleft([-1, -2])
        print(q)
        q.rotate(2)
        print(q)
        q.rotate(-3)
        print(q)
        q.rotate()
        print(q)
        q[1] = 100
        print(q, q.count(100), q.index(100), q.index(2, 2), sum(q), max(q), sorted(q))
        q.remove(100)
        q.insert(1, "i")
        q.reverse()
        print(q, bool(q), bool(deque()), deque(), deque("ab"))
        m = deque(range(10), maxlen=3)
        print(m, m.maxlen, deque().maxlen)
        m.append(42)
        m.appendleft(7)
        print(m)
        m.extend([1, 2])
        print(m)
        m.extendleft([5])
        print(m)
        z = deque([1, 2], maxlen=0)
        z.append(3)
        print(z, len(z))
        print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 9]))
        c = q.copy()
        c.append("new")
        print(q, c)
        for x in deque("xyz"):
            print(x, end=" ")
        print()
        queue = deque([(0, "start")])
        seen = []
        while queue:
            d, name = queue.popleft()
            seen.append(name)
            if d < 2:
                queue.append((d + 1, name + "L"))
                queue.append((d + 1, name + "R"))
        print(seen)
        q.clear()
        print(q, len(q))
        for bad in (lambda: q.pop(), lambda: q.popleft(), lambda: q[0]):
            try:
                bad()
            except IndexError as e:
                print("IndexError", e)
        for bad in (lambda: q.remove(1), lambda: q.index(1)):
            try:
                bad()
            except ValueError as e:
                print("ValueError", e)
        try:
            deque([1], maxlen=1).insert(0, 2)
        except IndexError as e:
            print("IndexError", e)
        try:
            deque([], maxlen=-1)
        except ValueError as e:
            print("ValueError", e)
    ''')
