"""bisect: search and insertion points with lo/hi bounds and key functions."""


def test_bisect_and_insort(same_as_cpython):
    same_as_cpython('''
        import bisect
        from bisect import bisect_left, bisect_right, insort
        a = [1, 2, 4, 4, 4, 7, 9]
        print(bisect_left(a, 4), bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 10))
        print(bisect_left(a, 4, 3), bisect_right(a, 4, 0, 4), bisect_left(a, 5, lo=2, hi=5), bisect_left([], 1))
        insort(a, 5)
        bisect.insort_left(a, 4)
        bisect.insort_right(a, 0)
        bisect.insort(a, 100, 0)
        print(a)
        recs = [("a", 1), ("b", 3), ("c", 5)]
        print(bisect_left(recs, 3, key=lambda r: r[1]), bisect_right(recs, 3, key=lambda r: r[1]))
        bisect.insort(recs, ("d", 3), key=lambda r: r[1])
        bisect.insort_left(recs, ("e", 3), key=lambda r: r[1])
        print(recs)
        grades = "FDCBA"
        print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
        print(bisect_left("acegi", "d"), bisect_right((1.5, 2.5), 2), bisect_left(range(0, 100, 5), 42))
        s = []
        for x in [5, 1, 4, 1, 3]:
            insort(s, x)
        print(s)
        try:
            bisect_left(a, 1, -1)
        except ValueError as e:
            print("ValueError:", e)
    ''')
