"""functools: reduce, cmp_to_key and partial."""


def test_reduce_cmp_to_key_partial(same_as_cpython):
    """Folding with and without an initial value, comparison-function sorts, partials."""
    same_as_cpython('''
        from functools import reduce, cmp_to_key, partial
        import functools
        import operator
        print(reduce(lambda x, y: x * y, [1, 2, 3, 4, 5]), reduce(operator.add, [[1], [2], [3]], []))
        print(functools.reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], 0), reduce(operator.sub, [10], 99))
        print(reduce(lambda acc, ch: acc + ch.upper(), "abc", ">"), reduce(operator.mul, range(1, 6)))
        print(reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
        try:
            reduce(operator.add, [])
        except TypeError as e:
            print("TypeError:", e)
        def cmp(a, b):
            return (a > b) - (a < b)
        def by_len_then_rev(a, b):
            if len(a) != len(b):
                return len(a) - len(b)
            return -cmp(a, b)
        words = ["pear", "fig", "apple", "kiwi", "date", "banana"]
        print(sorted(words, key=cmp_to_key(by_len_then_rev)))
        print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), sorted([], key=cmp_to_key(cmp)))
        print(max(words, key=cmp_to_key(by_len_then_rev)), min([5, 3, 9], key=cmp_to_key(cmp)))
        nums = [34, 3, 30, 5, 9]
        print("".join(sorted(map(str, nums), key=cmp_to_key(lambda x, y: int(y + x) - int(x + y)))))
        pts = [(1, 2), (0, 5), (1, 1)]
        pts.sort(key=cmp_to_key(lambda p, q: cmp(p[0], q[0]) or cmp(q[1], p[1])), reverse=True)
        print(pts)
        k = cmp_to_key(cmp)
        print(k(1) < k(2), k(2) < k(1), k(3) == k(3), k(1) > k(0))
        def power(base, exp):
            return base ** exp
        square_of = partial(power, 2)
        print(square_of(10), partial(power, 3, 2)(), list(map(partial(operator.mul, 3), [1, 2, 3])))
        p = partial(max, 5)
        print(p(1, 2), p(9), p.args, p.func(1, 7))
    ''')


def test_cache_decorators_on_functions_and_methods(same_as_cpython):
    same_as_cpython('''
        import functools
        from functools import lru_cache, cache
        @cache
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(fib(80))
        class C:
            def __init__(self, k):
                self.k = k
            @functools.lru_cache(maxsize=None)
            def scaled(self, x):
                print("computing", self.k, x)
                return self.k * x
            @cache
            def total(self):
                print("summing")
                return self.k + 1
        a, b = C(2), C(3)
        print(a.scaled(5), a.scaled(5), b.scaled(5), a.total(), a.total(), b.total())
    ''')
