"""heapq: the list must hold CPython's exact element order after every operation."""


def test_heap_operations(same_as_cpython):
    """push/pop/heapify/pushpop/replace on ints, tuples and strings, and the errors."""
    same_as_cpython('''
        import heapq
        from heapq import heappush, heappop
        h = []
        for x in [5, 3, 8, 1, 9, 2, 7, 3, 0, 6, 4, 4]:
            heappush(h, x)
            print(h)
        print([heappop(h) for _ in range(5)], h)
        data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10, -1]
        heapq.heapify(data)
        print(data)
        print(heapq.heappushpop(data, 4), data)
        print(heapq.heappushpop(data, -5), data)
        print(heapq.heapreplace(data, 12), data)
        words = ["pear", "fig", "apple", "kiwi", "date"]
        heapq.heapify(words)
        print(words, heapq.heappop(words), words)
        t = []
        for item in [(3, "c"), (1, "a"), (2, "b"), (1, "z"), (0, "q")]:
            heapq.heappush(t, item)
        print(t)
        while t:
            print(heapq.heappop(t), end=" ")
        print()
        maxheap = []
        for x in [3, 1, 4, 1, 5]:
            heapq.heappush(maxheap, -x)
        print([-heapq.heappop(maxheap) for _ in range(3)], maxheap)
        one = [7]
        print(heapq.heappop(one), one, heapq.heappushpop([], 3))
        for bad in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1)):
            try:
                bad()
            except IndexError as e:
                print("IndexError:", e)
        try:
            heapq.heappush((1,), 2)
        except TypeError as e:
            print("TypeError:", e)
    ''')


def test_nlargest_nsmallest_merge(same_as_cpython):
    """Selection with ties and keys, and the lazy stable merge (also of unsorted input)."""
    same_as_cpython('''
        import heapq
        nums = [5, 1, 8, 3, 8, 2, 9, 0]
        print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(0, nums), heapq.nsmallest(20, nums))
        print(heapq.nlargest(1, nums), heapq.nsmallest(-2, nums), heapq.nlargest(2, iter(nums)))
        people = [("ann", 30), ("bob", 25), ("cy", 30), ("di", 25), ("ed", 40)]
        print(heapq.nlargest(2, people, key=lambda p: p[1]), heapq.nsmallest(3, people, key=lambda p: p[1]))
        print(heapq.nlargest(2, ["aa", "b", "ccc", "dd"], key=len), heapq.nsmallest(2, {"x": 3, "y": 1}))
        print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge()), list(heapq.merge([], [1])))
        print(list(heapq.merge([1, 3], [1, 2], [0, 1])), list(heapq.merge([5, 1, 4], [3, 2])))
        print(list(heapq.merge(["b", "d"], ["a", "c"], key=lambda s: s.upper())))
        print(list(heapq.merge([(1, "x")], [(1, "a")], key=lambda t: t[0])))
        print(list(heapq.merge([9, 5, 1], [8, 5, 2], reverse=True)), list(heapq.merge([1, 9], [5], reverse=True)))
        m = heapq.merge(range(0, 10, 3), range(1, 10, 3))
        print(next(m), next(m), next(m), list(m))
    ''')
