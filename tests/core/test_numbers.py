"""Integer and float arithmetic with Python's rules."""


def test_floor_division_and_modulo_signs(same_as_cpython):
    """// floors and % takes the sign of the divisor, for ints and floats."""
    same_as_cpython('''
        pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10), (-1, 10)]
        for a, b in pairs:
            print(a, b, a // b, a % b, divmod(a, b), a / b)
        fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2.0), (-0.5, 1), (5, 0.3), (1e300, 1e-10)]
        for a, b in fpairs:
            print(a, b, a // b, a % b, divmod(a, b), a / b)
        print(-0.0 % 5, 0.0 // -1, 3 % -0.5)
        print(10 / 4, 10 / 5, 1 / 3, -1 / 3, 2 ** 0.5)
    ''')


def test_powers(same_as_cpython):
    """int ** non-negative int stays int; negative exponents and floats give floats."""
    same_as_cpython('''
        print(2 ** 10, 3 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 2, -2 ** 2)
        print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
        print(2.0 ** 3, 2 ** 3.0, 4 ** 0.5, 2.5 ** 2, 27 ** (1/3))
        print(pow(2, 8), pow(2, -1), pow(3, 4, 5), pow(-3, 3, 7), pow(1.5, 2))
        x = 3
        x **= 4
        print(x, 1.1 ** 10, 10 ** 18)
    ''')


def test_abs_round_and_conversions(same_as_cpython):
    """round() uses banker's rounding; int() truncates toward zero."""
    same_as_cpython('''
        for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.675, 0.125, 1.0, -7.9]:
            print(v, round(v), round(v, 1), round(v, 2), int(v), abs(v))
        print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 0))
        print(round(2.5, 0), round(123.456, -1), round(0.0), round(-0.4))
        print(abs(-5), abs(5), abs(-0.0), abs(-3.25), abs(True))
        print(int("123"), int("-17"), int("+8"), int(" 9 "), int("ff", 16), int("0x1f", 16), int("101", 2), int("z", 36))
        print(int(3.99), int(-3.99), int(True), float(3), float("3.5"), float(" -1e3 "), float(False))
        print(bool(0), bool(3), bool(0.0), bool(-0.1), str(12), str(-1.25))
        print(hex(255), hex(-255), oct(8), bin(5), bin(-5), bin(0))
        print(max(3, 7.5), min(-1, -1.0), max(2, 2.0), min(2.0, 2))
    ''')


def test_int_float_mixing_and_comparison(same_as_cpython):
    """Mixed arithmetic promotes to float; comparisons between int and float are exact."""
    same_as_cpython('''
        a, b = 7, 2.0
        print(a + b, a - b, a * b, a / b, a // b, a % b, -a, +a, -b)
        print(1 == 1.0, 1 < 1.5, 2 > 1.9999, 3 != 3.0, 0 == -0.0, True + True, True * 3, False - 1)
        print(0.1 + 0.2 == 0.3, 1e16 + 1, 2 ** 53 + 1.0, 9007199254740993 == 9007199254740992.0)
        total = 0
        for i in range(1, 11):
            total += i * 0.1
        print(total, sum([0.1] * 10), sum([1, 2, 3], 0.5))
        n = 17
        n //= 3
        n *= -2
        n -= 1
        n %= 5
        print(n, 7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 10, -16 >> 2, 255 >> 4)
        print(float("nan") == float("nan"), float("inf") > 10 ** 18, -float("inf") < -1e308)
        print(sum(range(101)), 10 ** 9 * 10 ** 9, -(2 ** 62) * 2)
    ''')


def test_division_by_zero_is_zero_division_error(same_as_cpython):
    """Every division by zero raises ZeroDivisionError with CPython's message."""
    same_as_cpython('''
        def attempt(label, f):
            try:
                print(label, f())
            except ZeroDivisionError as e:
                print(label, "ZeroDivisionError:", e)

        attempt("int /", lambda: 1 / 0)
        attempt("int //", lambda: 1 // 0)
        attempt("int %", lambda: 1 % 0)
        attempt("float /", lambda: 1.0 / 0)
        attempt("float //", lambda: 1.0 // 0.0)
        attempt("float %", lambda: 5.5 % 0)
        attempt("divmod", lambda: divmod(3, 0))
        attempt("pow", lambda: 0 ** -1)
        attempt("fine", lambda: 0 / 5)
        print(10 // 0)
    ''')


def test_int_results_beyond_64_bits_are_never_wrong():
    """A result that does not fit is either exact (big ints) or an OverflowError, never wrapped."""
    from textwrap import dedent

    from portalis.check import check_source

    source = dedent('''
        x = 2 ** 62
        print(x, x + (x - 1), -x - x)
        print(x * 4)
        print(3 ** 50)
        print(-(x * 2) - 1)
    ''')
    result = check_source(source, "overflow.py")
    if result.identical:
        return
    assert result.rust is not None, result.verdict
    assert result.rust.returncode == 1, result.verdict
    assert result.rust.last_stderr_line.startswith("OverflowError"), result.rust.stderr
    assert result.python.stdout.startswith(result.rust.stdout), result.diff


def test_numeric_edge_cases(same_as_cpython):
    """Rounding halves, float overflow, literal forms, bool arithmetic and shortest float reprs."""
    same_as_cpython('''
        print(round(2.675, 2), round(1.005, 2), round(-0.5), round(0.5, 0), round(1e300, 2), round(123.456, -2), round(5, -1), round(15, -1), round(25, -1))
        print(round(0.285, 2), round(1.45, 1), round(2.5), round(-2.5, 0))
        print(divmod(-7.5, 2), divmod(7, -3), divmod(-0.0, 1.0), -7 % 3.0, 7.0 // -0.5)
        print(pow(2, 0.5), 2 ** -1074, 10.0 ** 308, (-2.0) ** 2)
        try:
            print(10.0 ** 400)
        except OverflowError as e:
            print("OverflowError", e)
        try:
            print(8 ** 0.5)
        except Exception as e:
            print(repr(e))
        print(0.0 ** 0, 0 ** 0.0, 1 ** 1000, (-1) ** 1001)
        print(int("1_000"), float("1_0.5"), int("0b101", 0), int("0o17", 0), int("  0x_ff  ", 16))
        print(1e-7, 1.5e-7, 123e20, 1.0e21, 1e21 + 1, 0.000123, 1234567890123456789.0)
        print(float("0.1"), 2.0 ** 62, 2 ** 62 - 1 + 2 ** 62, -2 ** 62 * 2)
        print(str(1e100), repr(1.23456789e-300), 3.0 * 1.1, 1 / 7)
        print(abs(-2 ** 62), max([1, 2.0, 2]), min([2.0, 1, 1.0]))
        print(int(1e18), int(-1e18), int(2.5e15), float(10**18))
        print(hex(0), oct(-8), bin(255), format(255, "#b"), format(-1, "x"))
        print(8 % -3, -8 % 3, -8 // 3, 8 // -3, 0 % 5, -0.0 // 1)
        print(True / 2, True // 2, 5 % True, True ** 10, -True, ~True)
        print(1 < 2.5 < 3, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 10 ** 15 < 1e16)
        print(sum([1e100, 1.0, -1e100]), sum([0.1] * 3), sum((1, 2.5)), sum([True, True]))
        print(round(7.0), round(-7.5), round(8.5), round(1e16 + 1.0), round(0.1 + 0.2, 15), round(2.5e-8, 9))
    ''')


def test_number_attributes_big_ranges_and_floor_of_fractions(same_as_cpython):
    same_as_cpython('''
        import itertools, math
        from fractions import Fraction
        n = 20
        print(n.imag, n.real, (2.5).imag, (2.5).real, True.real, n.numerator, n.denominator, (2 ** 70).real)
        def whole(n):
            return n.imag == 0 and n.real == int(n.real) and n > 0
        print(whole(20), whole(2.5))
        p = 10 ** 20 + 39
        for z in range(2, p):
            if z > 4:
                break
            print(z, end=" ")
        print(list(range(p, p + 3)), list(range(p + 2, p - 1, -1)))
        nxt = itertools.cycle([1, 2]).__next__
        print(nxt(), nxt(), nxt(), iter([7]).__next__())
        print(math.floor(Fraction(7, 2)), math.ceil(Fraction(7, 2)), math.trunc(Fraction(-7, 2)), math.floor(2 ** 70))
    ''')
