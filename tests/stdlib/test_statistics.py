"""statistics: exact means and variances converted back to the data's type like CPython."""


def test_statistics_values(same_as_cpython):
    same_as_cpython('''
        import statistics
        from fractions import Fraction
        datasets = [[1, 2, 3, 4], [1, 2, 3], [2, 4, 4, 4, 5, 5, 7, 9], [1.5, 2.5, 2.5, 2.75, 3.25, 4.75],
                    [0.1, 0.2, 0.3, 7], [10, -3, 7, 7, 100, 1], [1e50, 1, -1e50, 3.3], [3, 3], [True, False, True],
                    list(range(1, 12)), [0.1] * 10, [2 ** 70, 3, 5], [-1.25, 0.5, 8, 1e-9], [95, 85, 80, 70, 60, 88, 91]]
        names = ["mean", "fmean", "median", "median_low", "median_high", "median_grouped", "mode", "multimode",
                 "variance", "pvariance", "stdev", "pstdev", "quantiles"]
        for d in datasets:
            print(statistics.mean(d), statistics.fmean(d), statistics.median(d), statistics.median_low(d), statistics.median_high(d))
            print(statistics.median_grouped(d), statistics.mode(d), statistics.multimode(d), statistics.quantiles(d))
            print(statistics.variance(d), statistics.pvariance(d), statistics.stdev(d), statistics.pstdev(d))
        print(statistics.mode(["red", "blue", "red", "green"]), statistics.multimode("aabbbccdddd"), statistics.multimode([]))
        print(statistics.median([5, 1, 3, 2]), statistics.median(["b", "a", "c"]), statistics.mean(range(101)), statistics.mean(x * 0.5 for x in range(7)))
        print(statistics.variance([1, 2, 3, 4], 2.5), statistics.pvariance([1, 2, 3, 4], mu=2), statistics.stdev([1.5, 2.5, 3.5], xbar=2.5))
        print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=10), statistics.quantiles([1, 5, 9, 13], n=3, method="inclusive"))
        print(statistics.geometric_mean([54, 24, 36]), statistics.median_grouped([52, 52, 53, 54], 2))
        print(repr(statistics.mean([Fraction(1, 3), Fraction(1, 6)])), repr(statistics.variance([Fraction(1, 2), Fraction(3, 2), 2])))
        print(statistics.mean([1, float("inf")]), statistics.stdev([1, 2, 2, 3, 3, 3, 4, 4, 4, 4]), statistics.pstdev([7]))
        for bad in [lambda: statistics.mean([]), lambda: statistics.median([]), lambda: statistics.mode([]),
                    lambda: statistics.variance([1]), lambda: statistics.stdev([]), lambda: statistics.pvariance([]),
                    lambda: statistics.mean(["a", "b"]), lambda: statistics.fmean([]), lambda: statistics.quantiles([1])]:
            try:
                print(bad())
            except ValueError as e:
                print(type(e).__name__, e)
            except TypeError as e:
                print("TypeError", e)
    ''')
