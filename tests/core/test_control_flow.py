"""Statements: branches, loops, comparisons, truthiness and assignment forms."""


def test_branches_loops_and_else(same_as_cpython):
    """for/while else runs only without break; continue skips; elif chains."""
    same_as_cpython('''
        def classify(n):
            if n < 0:
                return "negative"
            elif n == 0:
                return "zero"
            elif n % 2 == 0:
                return "even"
            else:
                return "odd"

        print([classify(n) for n in [-3, 0, 4, 7]])
        for n in [10, 13, 21]:
            for d in range(2, n):
                if n % d == 0:
                    print(n, "=", d, "*", n // d)
                    break
            else:
                print(n, "is prime")
        i = 0
        while i < 10:
            i += 1
            if i % 3:
                continue
            print("multiple of 3:", i)
        else:
            print("while finished at", i)
        while True:
            i -= 4
            if i < 0:
                break
        else:
            print("never")
        print("i =", i)
        for ch in "":
            print("unreachable")
        else:
            print("empty for runs else")
        for outer in range(3):
            for inner in range(3):
                if inner == outer:
                    continue
                if inner > outer:
                    break
                print(outer, inner)
    ''')


def test_comparisons_and_boolean_operators(same_as_cpython):
    """Chained comparisons evaluate once; and/or return an operand, not a bool."""
    same_as_cpython('''
        calls = []
        def f(x):
            calls.append(x)
            return x

        print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 < f(5) < 10, calls)
        print(0 <= f(-1) <= 10, calls, 1 == 1.0 != 2, "a" < "b" < "c" <= "c")
        print(0 or "default", "" or [] or None, 5 and "yes", 0 and f("never"), [] and 1, 3 or f("never"), calls)
        print(None or 0, (1, 2) and [3], not 0, not "x", not [], not None)
        x = None
        name = x or "anonymous"
        print(name, x is None, x is not None, name is not None)
        a = [1]
        b = a
        c = [1]
        print(a is b, a is c, a == c, a is not c)
        print("big" if 10 > 5 else "small", "yes" if [] else "no", 1 if 0 else 2 if 0 else 3)
    ''')


def test_truthiness(same_as_cpython):
    """Zero, empty containers, None and False are falsy; everything else is truthy."""
    same_as_cpython('''
        values = [0, 1, -1, 0.0, -0.0, 0.5, float("nan"), "", " ", "0", [], [0], (), (None,), {}, {0: 0},
                  set(), {0}, None, True, False, range(0), range(1)]
        for v in values:
            print(repr(v), bool(v), "truthy" if v else "falsy", not v)
            if v:
                pass
            else:
                print("  took else")
        count = 0
        items = [3, 2]
        while items:
            items.pop()
            count += 1
        print(count)
    ''')


def test_assignment_forms(same_as_cpython):
    """Tuple unpacking, swaps, starred targets, augmented and multiple-target assignment, walrus."""
    same_as_cpython('''
        a, b = 1, 2
        a, b = b, a
        print(a, b)
        x = y = z = 0
        x += 1
        print(x, y, z)
        (p, q), r = (1, 2), 3
        first, *rest = [1, 2, 3, 4]
        *init, last = "abc"
        head, *mid, tail = range(5)
        print(p, q, r, first, rest, init, last, head, mid, tail)
        for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
            print(i, k, v)
        xs = [0, 0, 0]
        i = 0
        i, xs[i] = 1, 5
        print(i, xs)
        s = "ab"
        s += "cd"
        s *= 2
        lst = [1]
        lst += (2, 3)
        print(s, lst)
        data = [5, 12, 8, 20]
        if (n := len(data)) > 3:
            print("long list", n)
        results = [y2 for v in data if (y2 := v * 2) > 15]
        print(results)
        while (item := data.pop()) != 12:
            print("popped", item)
        print(data)
        m = [[1, 2], [3, 4]]
        m[0][1], m[1][0] = m[1][0], m[0][1]
        print(m)
        try:
            a, b = [1, 2, 3]
        except ValueError as e:
            print("ValueError:", e)
        try:
            a, b, c = [1, 2]
        except ValueError as e:
            print("ValueError:", e)
    ''')


def test_assert(same_as_cpython):
    """assert passes silently or raises AssertionError carrying its message."""
    same_as_cpython('''
        assert 1 + 1 == 2
        assert [1], "non-empty lists are true"
        try:
            assert 2 < 1, "two is not less than one"
        except AssertionError as e:
            print("caught:", e)
        try:
            assert False
        except AssertionError as e:
            print("caught empty:", repr(str(e)))
        total = sum(range(4))
        assert total == 7, f"total was {total}"
    ''')


def test_locals_first_bound_in_nested_blocks_keep_values_across_iterations(same_as_cpython):
    same_as_cpython('''
        def fields(lines):
            out = []
            for line in lines:
                inside = False
                for c in line:
                    if not inside and c == '|':
                        inside = True
                        spaces = 0
                        name = ''
                    elif inside:
                        if c == ' ':
                            spaces += 1
                        elif c != '|':
                            name += c
                        else:
                            out.append((name, spaces))
                            spaces, name = 0, ''
            return out
        print(fields(["|ab  |c |", "| x|"]))
        i = 0
        while i < 4:
            if i == 0:
                total = 10
            else:
                total += i
            i += 1
        print(total)
    ''')
