"""itertools: combinatorics in CPython's order, and the lazy iterator tools."""


def test_combinatorics(same_as_cpython):
    """permutations, combinations (with replacement) and product, including edge sizes."""
    same_as_cpython('''
        import itertools
        from itertools import permutations, combinations, product
        print(list(permutations([1, 2, 3])))
        print(list(permutations("abcd", 2)), list(permutations([], 0)), list(permutations([1], 2)), list(permutations("ab", 0)))
        print(list(combinations(range(5), 3)), list(combinations("ab", 0)), list(combinations("ab", 3)))
        print(list(itertools.combinations_with_replacement("abc", 2)), list(itertools.combinations_with_replacement([], 2)))
        print(list(itertools.combinations_with_replacement([1, 2], 0)), list(combinations(iter([3, 1, 2]), 2)))
        print(list(product([1, 2], "ab")), list(product(range(2), repeat=3)), list(product()), list(product([1], [])))
        print(list(product("ab", repeat=0)), list(product("ab", [0], repeat=2)))
        print(["".join(p) for p in product("01", repeat=2)], max(permutations([3, 1, 2])))
        print(sum(1 for _ in permutations(range(6))), len(list(combinations(range(10), 4))))
        print([c for c in combinations([1, 2, 3, 4], 2) if sum(c) == 5])
        words = {"".join(p) for p in permutations("aab")}
        print(sorted(words))
        try:
            permutations([1], -1)
        except ValueError as e:
            print("ValueError:", e)
        try:
            combinations([1], -1)
        except ValueError as e:
            print("ValueError:", e)
    ''')


def test_lazy_tools(same_as_cpython):
    """accumulate, chain, groupby, count, cycle, islice, repeat, zip_longest and the rest."""
    same_as_cpython('''
        import itertools
        import operator
        from itertools import groupby, chain, islice, count, cycle, zip_longest, accumulate
        print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([])))
        print(list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([], initial=5)), list(accumulate("abc")))
        print(list(chain([1, 2], "ab", (3,))), list(chain()), list(chain.from_iterable([[1], [2, 3], []])))
        print(list(itertools.chain.from_iterable(["xy", "z"])), list(chain.from_iterable(map(lambda n: range(n), [1, 2, 3]))))
        for k, g in groupby("aaabbcaa"):
            print(k, list(g))
        print([(k, len(list(g))) for k, g in groupby(sorted([3, 1, 2, 5, 4, 6]), key=lambda x: x % 2)])
        print([k for k, _ in groupby([1, 1, 2, 2, 2, 3, 1])], list(groupby([])))
        groups = list(groupby("aabbb"))
        print([(k, list(g)) for k, g in groups])
        it = groupby([1, 1, 2])
        k1, g1 = next(it)
        print(k1, next(g1))
        k2, g2 = next(it)
        print(k2, list(g1), list(g2))
        data = [("a", 1), ("a", 2), ("b", 3)]
        print({k: [v for _, v in g] for k, g in groupby(data, key=operator.itemgetter(0))})
        print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), list(islice(count(0.5, 0.25), 4)), list(islice(count(5, -1), 3)))
        print(list(islice("abcdefg", 2, None)), list(islice(range(20), 1, 12, 3)), list(islice([1, 2], 5)), list(islice("abc", None)))
        src = iter(range(10))
        print(list(islice(src, 3)), next(src), list(islice(src, 1, 3)), next(src), list(islice(src, 0)), next(src))
        for bad in ((-1,), (-2,), (0, -1), (-1, 2), (0, 5, 0), (0, 5, -1), ("x",)):
            try:
                islice("abc", *bad)
            except ValueError as e:
                print("ValueError:", e)
        print(list(islice(cycle("abc"), 7)), list(cycle([])), next(cycle(iter([4, 5]))))
        print(list(itertools.repeat("x", 3)), list(itertools.repeat(1, -2)), list(zip(range(3), itertools.repeat(0))))
        print(list(map(pow, range(4), itertools.repeat(2))), list(islice(itertools.repeat(None), 2)))
        print(list(zip_longest("abc", [1])), list(zip_longest([1, 2], [3], [4, 5, 6], fillvalue="-")), list(zip_longest()))
        print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.starmap(max, [[1, 5, 2]])))
        print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
        print(list(itertools.pairwise("abcd")), list(itertools.pairwise([1])), list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
        print(list(itertools.filterfalse(lambda x: x % 2, range(10))), list(itertools.filterfalse(None, [0, 1, "", "a"])))
        a, b = itertools.tee([1, 2, 3])
        print(list(a), list(b))
        x, y, z = itertools.tee(iter("pq"), 3)
        print(next(x), list(y), list(x), list(z), itertools.tee([1], 0))
        total = 0
        for i in count(1):
            total += i
            if total > 20:
                break
        print(i, total)
        for i, c in zip(count(1), "xyz"):
            print(i, c, end=";")
        print()
    ''')
