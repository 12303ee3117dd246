"""The built-in complex type and cmath: literals, complex(), arithmetic with int and float
promotion, repr/str/format, hashing and equality, cmath's functions and errors."""


def test_complex_values_and_arithmetic(same_as_cpython):
    same_as_cpython('''
        x = 3+4j
        print(x, abs(x), -x, +x, x.real, x.imag, x.conjugate())
        print(1j, -0j, 0j, complex(0.0, -0.0), complex(-0.0, -0.0), complex(1, 2), complex(), complex("1+2j"), complex(" (-j) "))
        print(repr(complex(float('nan'), float('inf'))), complex(1.5, 1e16), complex(2, 1j), complex(real=1, imag=2))
        a = 1 + 2j
        b = 3 - 1j
        print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0.5, 2 ** a, a + 1, 1 + a, 2.5 * a, a / 2)
        print(a == 1 + 2j, (1 + 0j) == 1, 1 == (1 + 0j), a != b, hash(1 + 0j) == hash(1), hash(a), hash(-1.5j))
        print({1: 'one'}[1 + 0j], bool(0j), bool(a), type(a), type(a).__name__, isinstance(a, complex), isinstance(1, complex))
        print([complex(i, -i) for i in range(3)], (1j, 2), list(map(complex, [1, 2.5])))
        print(f"{a}", f"{a:.2f}", "{:>20}".format(a), format(a, "e"), str(a), '%g%+gj' % (a.real, a.imag))
        print((-8) ** (1 / 3), (-1) ** 0.5, sum([1j, 2, 3.5]), type(None))
        z = 0
        for _ in range(5):
            z = z * z + complex(-0.5, 0.5)
        print(z, abs(z) < 2)
        for bad in ("1 + 2j", "j2", "", "1+2k"):
            try:
                complex(bad)
            except ValueError as e:
                print("ValueError", e)
        for f in [lambda: a < b, lambda: a // b, lambda: a % 2, lambda: a / 0, lambda: 0j ** -1, lambda: float(a),
                  lambda: int(a), lambda: round(a), lambda: complex("1", 2), lambda: complex(1, "2"), lambda: complex([1])]:
            try:
                print(f())
            except (TypeError, ZeroDivisionError, ValueError) as e:
                print(type(e).__name__, e)
    ''')


def test_cmath_functions(same_as_cpython):
    same_as_cpython('''
        import cmath
        from cmath import sqrt, phase
        print(sqrt(-1), cmath.sqrt(3 + 4j), cmath.sqrt(-0.0), cmath.exp(1j * cmath.pi), cmath.exp(2))
        print(cmath.log(-1), cmath.log(8, 2), cmath.log10(100j), cmath.log(1 + 1e-9j), cmath.log(1e308 + 1e308j))
        print(phase(-1), phase(1j), phase(-1 - 0j), cmath.polar(1 + 1j), cmath.polar(-2), cmath.rect(2, cmath.pi), cmath.rect(1, 0))
        print(cmath.sin(1 + 1j), cmath.cos(1 + 1j), cmath.tan(1 + 1j))
        print(cmath.sinh(1 + 1j), cmath.cosh(1 + 1j), cmath.tanh(1 + 1j))
        print(cmath.asin(2), cmath.acos(2), cmath.atan(1 + 1j), cmath.asinh(1 + 1j), cmath.acosh(2), cmath.atanh(0.5 + 0.5j))
        print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(1j, 2j))
        print(cmath.isnan(cmath.nanj), cmath.isinf(cmath.infj), cmath.isfinite(1 + 1j), cmath.pi, cmath.e, cmath.tau, cmath.inf)
        roots = [cmath.rect(1, 2 * cmath.pi * k / 5) for k in range(5)]
        print(["%.3f%+.3fj" % (r.real, r.imag) for r in roots], abs(sum(roots)) < 1e-12)
        for f in [lambda: cmath.log(0), lambda: cmath.exp(1000), lambda: cmath.atanh(1), lambda: cmath.sqrt("x")]:
            try:
                print(f())
            except (ValueError, OverflowError, TypeError) as e:
                print(type(e).__name__, e)
    ''')
