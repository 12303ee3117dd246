"""fractions.Fraction: exact rationals with CPython's normalisation and mixed arithmetic."""


def test_fraction_arithmetic(same_as_cpython):
    same_as_cpython('''
        from fractions import Fraction
        import fractions
        a = Fraction(3, 4)
        b = fractions.Fraction(-6, 8)
        print(repr(a), repr(b), repr(Fraction(7, -14)), repr(Fraction(5)), repr(Fraction()), repr(Fraction(0, -3)))
        print(repr(Fraction(0.1)), repr(Fraction(-2.5)), repr(Fraction(1e20)), repr(Fraction(2 ** 70, 6)))
        for s in ["3/4", " -12/18 ", "0.25", "1.5e2", "-2.5E-3", ".5", "1.", "1_000/3", "+7"]:
            print(repr(Fraction(s)), end=" ")
        print()
        print(repr(Fraction(Fraction(1, 2), Fraction(3, 4))), repr(Fraction(Fraction(5, 3))))
        print(a.numerator, a.denominator, b.numerator, b.denominator, Fraction(2 ** 70, 3).numerator)
        print(repr(a + b), repr(a - b), repr(a * b), repr(a / b), repr(a + 1), repr(1 + a), repr(2 - a), repr(a * 3), repr(3 / a))
        print(a // Fraction(1, 3), repr(a % Fraction(1, 3)), repr(a % Fraction(-1, 3)), 7 // a, repr(7 % a), a // 1)
        print(repr(a ** 2), repr(a ** -2), repr(b ** 3), repr(b ** -1), a ** 0.5, 2 ** Fraction(3), repr(2 ** Fraction(-1)), 4 ** Fraction(1, 2))
        print(a + 0.5, 0.5 + a, a * 2.0, a / 0.5, 1.5 - a, a ** 2.0)
        print(a == Fraction(6, 8), a == 0.75, a != b, a == 1, Fraction(2, 1) == 2, a < 1, a > b, a <= Fraction(3, 4), a >= 0.8, b < -0.7)
        print(sorted([Fraction(1, 2), Fraction(1, 3), Fraction(-1, 5), Fraction(7, 8)]) == [Fraction(-1, 5), Fraction(1, 3), Fraction(1, 2), Fraction(7, 8)])
        print(max([Fraction(1, 3), Fraction(2, 5)]).denominator, bool(Fraction(0)), bool(a))
        print(repr(Fraction(3.14159).limit_denominator(1000)), repr(Fraction(22, 7).limit_denominator(5)), repr(Fraction(1, 3).limit_denominator()))
        print(repr(Fraction("3.1415926535897932").limit_denominator(100)), a.as_integer_ratio(), b.as_integer_ratio())
        total = Fraction(0)
        for k in range(1, 30):
            total += Fraction(1, k * (k + 1))
        print(repr(total), repr(sum([Fraction(1, 3)] * 3)), repr(sum(Fraction(1, 2 ** k) for k in range(80))))
        h = Fraction(1)
        for k in range(2, 25):
            h = h + Fraction(1, k)
        print(h.numerator, h.denominator)
        for bad in [lambda: Fraction(1, 0), lambda: Fraction("abc"), lambda: Fraction("1/0"), lambda: a / Fraction(0),
                    lambda: Fraction(0) ** -1, lambda: Fraction(float("nan")), lambda: Fraction(float("inf")),
                    lambda: Fraction(1.5, 2), lambda: a // 0, lambda: Fraction(1, 3).limit_denominator(0), lambda: Fraction([1])]:
            try:
                print(bad())
            except (ZeroDivisionError, ValueError, TypeError, OverflowError) as e:
                print(type(e).__name__, e)
    ''')
