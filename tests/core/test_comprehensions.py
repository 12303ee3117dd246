"""List, dict and set comprehensions and generator expressions."""


def test_comprehensions(same_as_cpython):
    """Comprehensions with nested loops and conditions build lists, dicts and sets."""
    same_as_cpython('''
        words = ["apple", "bob", "kayak", "level", "python", "noon"]
        print([w.upper() for w in words if len(w) > 4])
        print([(i, j) for i in range(4) for j in range(i) if (i + j) % 2])
        print([[r * c for c in range(1, 4)] for r in range(1, 4)])
        print([x for row in [[1, 2], [3], []] for x in row])
        print({w: len(w) for w in words}, {w[0]: w for w in words})
        print({len(w) for w in words}, {x % 7 for x in range(20)})
        print([w for w in words if w == w[::-1]], [c for c in "hello" if c not in "aeiou"])
        print(["even" if n % 2 == 0 else "odd" for n in range(5)])
        inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
        print(inverted, {k: v for k, v in zip("abc", range(3)) if v})
        x = "outer"
        squares = [x * x for x in range(4)]
        print(x, squares)
    ''')


def test_generator_expressions(same_as_cpython):
    """Generator expressions feed sum, any, all, min, max, join, sorted, list, tuple, set, dict."""
    same_as_cpython('''
        nums = [4, -2, 7, 0, 11, -5]
        print(sum(n * n for n in nums), sum(n for n in nums if n > 0), sum(1 for _ in range(0)))
        print(any(n > 10 for n in nums), all(n > -10 for n in nums), any(n > 100 for n in nums))
        print(min(abs(n) for n in nums), max(str(n) for n in nums), max((n for n in nums), key=abs))
        print(", ".join(str(n) for n in nums), "".join(c.upper() for c in "abc" if c != "b"))
        print(sorted((n % 4 for n in nums), reverse=True), list(n // 2 for n in nums), tuple(x for x in "hi"))
        print(set(n % 3 for n in nums), dict((n, n > 0) for n in nums[:3]))
        gen = (n * 10 for n in nums)
        print(next(gen), next(gen), list(gen), list(gen))
        print(sum(x * y for x in range(3) for y in range(3) if x != y))
    ''')
