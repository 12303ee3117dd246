"""decimal: construction, text, arithmetic under the context, rounding modes, quantize,
formatting, contexts, signals and their exceptions, and the correctly rounded sqrt, exp,
ln and log10, compared with CPython."""

HEADER = """
        import decimal
        from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP, InvalidOperation, DivisionByZero
"""


def test_construction_text_and_arithmetic(same_as_cpython):
    same_as_cpython(HEADER + '''
        vals = ["1.10", "0E-8", "1e3", "-0", "123.456", "1.23E-7", "inf", "-Infinity", "nan", "0.000001", "1E-7", " 42 ", "1_000.5", "-0.00", "12345678901234567890123456789012345"]
        for v in vals:
            d = Decimal(v)
            print(repr(d), str(d), d.to_eng_string(), d.as_tuple())
        print(Decimal(0.1), Decimal(-2.5), Decimal(10**30), Decimal(True), Decimal(), Decimal((1, (3, 1, 4), -2)))
        a, b = Decimal("1.10"), Decimal("2.205")
        print(a + b, a - b, a * b, a / b, b / a, a // b, b // a, a % b, b % a, -a, +b, abs(Decimal("-3.5")))
        print(Decimal(1) / 3, Decimal(2) / 3, Decimal(-7) // 2, Decimal(-7) % 2, divmod(Decimal(7), Decimal(-2)))
        print(a + 1, 2 * b, 10 / Decimal(4), 7 // Decimal("2.5"), 2 ** Decimal(10), Decimal("1.5") ** 2, Decimal(2) ** -2, Decimal("2.25") ** Decimal("0.5"))
        print(Decimal(2).sqrt(), Decimal(16).sqrt(), Decimal("0.0001").sqrt(), Decimal(10).exp(), Decimal(-1).exp(), Decimal(10).ln(), Decimal(1000).log10(), Decimal(2).log10(), Decimal("1e-10").ln())
        x = Decimal("7.325")
        for r in [ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP, decimal.ROUND_HALF_EVEN]:
            print(r, x.quantize(Decimal("0.01"), rounding=r), (-x).quantize(Decimal("0.01"), r), x.quantize(Decimal("1e1"), rounding=r))
        print(Decimal("123.456").quantize(Decimal("1.000000")), Decimal("1e5").quantize(Decimal(1)), round(Decimal("2.675"), 2), round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("-2.5")))
        print(Decimal("1.0") == 1, Decimal("0.5") == 0.5, Decimal("0.1") == 0.1, Decimal(3) > 2, Decimal("1.5") < 1.6, sorted([Decimal("3"), 1, Decimal("2.5"), 0.5]))
        print(hash(Decimal(5)) == hash(5), hash(Decimal("0.5")) == hash(0.5), {Decimal("1.0"): "a"}[1], len({Decimal("2"), 2, 2.0}))
        print(int(Decimal("-3.9")), float(Decimal("2.5")), int(Decimal("1e3")), bool(Decimal("0.0")), bool(Decimal("0.01")))
        import math
        print(math.floor(Decimal("-2.5")), math.ceil(Decimal("2.1")), math.trunc(Decimal("-2.7")))
        print(Decimal("100.00").normalize(), Decimal("0.00").normalize(), Decimal("1.20E+3").normalize(), Decimal("-5000").normalize())
        print(Decimal("1.23").adjusted(), Decimal("123e4").adjusted(), Decimal("3.14").as_integer_ratio(), Decimal("-0").is_signed(), Decimal("nan").is_nan())
        print(Decimal("1.5").copy_negate(), Decimal("-1.5").copy_abs(), Decimal(3).copy_sign(Decimal(-1)), Decimal(3).max(Decimal(5)), Decimal(3).min(7), Decimal(1).compare(Decimal(2)))
        print(Decimal("2.5").to_integral_value(), Decimal("3.5").to_integral_value(), Decimal("2.5").to_integral_value(rounding=ROUND_HALF_UP))
        print(sum([Decimal("0.1")] * 10), sum([Decimal("0.1")] * 10) == 1, max(Decimal("1.1"), Decimal("1.10")))
    ''')


def test_format_specs(same_as_cpython):
    same_as_cpython(HEADER + '''
        for spec in ["", ".2f", "10.3f", "<10.1f", ",.2f", ".3e", ".2E", "g", ".3g", "%", ".1%", "+.2f", "08.2f", "^12", ",", ".0f", "e"]:
            print(repr(spec), repr(format(Decimal("12345.6789"), spec)), repr(format(Decimal("-0.000123"), spec)))
        print(f"{Decimal('1234567.891'):,.2f} {Decimal('0.5'):.0f} {Decimal('1.5'):.0f} {Decimal('inf'):>8} {Decimal('100'):.1e}")
    ''')


def test_contexts_and_signals(same_as_cpython):
    same_as_cpython(HEADER + '''
        print(getcontext().prec, getcontext().rounding)
        getcontext().prec = 6
        print(Decimal(1) / 7, Decimal("123456789") + 0, Decimal("123456789"), +Decimal("123456789"), Decimal(2).sqrt())
        getcontext().rounding = ROUND_HALF_UP
        print(Decimal("1.0000045") * 1, Decimal(2) / 3)
        getcontext().prec = 28
        getcontext().rounding = decimal.ROUND_HALF_EVEN
        with localcontext() as ctx:
            ctx.prec = 5
            print(Decimal(1) / 3, ctx.prec)
        print(Decimal(1) / 3, getcontext().prec)
        with localcontext(prec=10):
            print(Decimal(22) / 7)
        print(getcontext())
        def attempt(f):
            try:
                print(f())
            except DivisionByZero as e:
                print("DivisionByZero", e)
            except InvalidOperation as e:
                print("InvalidOperation", e)
            except (TypeError, ValueError, OverflowError) as e:
                print(type(e).__name__, e)
        attempt(lambda: Decimal(1) / 0)
        attempt(lambda: Decimal(0) / 0)
        attempt(lambda: Decimal('abc'))
        attempt(lambda: Decimal(-1).sqrt())
        attempt(lambda: Decimal(1) + 1.5)
        attempt(lambda: Decimal(5) % 0)
        attempt(lambda: Decimal(1).quantize(Decimal('1e-30')))
        attempt(lambda: Decimal(0) ** 0)
        attempt(lambda: Decimal('nan') < 1)
        attempt(lambda: int(Decimal('inf')))
        attempt(lambda: 1.5 * Decimal(2))
        ctx = getcontext()
        ctx.traps[DivisionByZero] = False
        print(Decimal(1) / 0, Decimal(-1) / 0, ctx.flags[DivisionByZero])
        ctx.traps[DivisionByZero] = True
        print(Decimal(10) ** 20, Decimal("1.1") ** 30, Decimal(3) ** Decimal("1.5"), Decimal("0.5") ** 3)
        print(Decimal(1).exp() ** 2, Decimal("2").ln() * 2, Decimal(2) ** Decimal("0.5"))
        print(Decimal.from_float(0.25), Decimal.from_float(7))
    ''')


def test_money_program(same_as_cpython):
    same_as_cpython('''
        from decimal import Decimal, getcontext
        import decimal
        from _pydecimal import Decimal as PD
        d = Decimal("2.675")
        print(isinstance(d, Decimal), type(d).__name__, "%.2f" % d, "%s|%r" % (d, d), "%d" % Decimal("3.9"), str(d), "{:.1f}".format(d), "{}".format(d))
        print(getcontext().flags)
        print(PD(1) / PD(7), PD("1.50") * 2)
        prices = {"apple": Decimal("0.30"), "pear": Decimal("1.25")}
        total = sum(prices.values(), Decimal(0))
        print(total, total * Decimal("1.0825"), (total * Decimal("1.0825")).quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP))
        print([Decimal(i) / 4 for i in range(5)], max(prices.values()), min(prices, key=prices.get))
        def f(x: Decimal) -> Decimal:
            return x * 2
        print(f(Decimal("1.1")), Decimal("-0") == 0, Decimal("1e-3") * 1000)
        try:
            Decimal(1) / 0
        except ZeroDivisionError as e:
            print("zde", e)
        try:
            Decimal("x")
        except decimal.InvalidOperation as e:
            print("inv", e)
    ''')


def test_uncaught_signal_is_reported_like_cpython(same_as_cpython):
    same_as_cpython('''
        from decimal import Decimal
        print(Decimal("1.5") * 2)
        print(Decimal(1) / 0)
    ''')
