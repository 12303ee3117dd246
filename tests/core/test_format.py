"""f-strings, format(), str.format and %-formatting."""


def test_format_spec_mini_language(same_as_cpython):
    """Fill, align, sign, width, grouping, precision and every presentation type."""
    same_as_cpython('''
        n, x = 1234567, 3.14159265
        print(f"[{n}] [{n:10}] [{n:<10}] [{n:^10}] [{n:>10}] [{n:*^11}] [{n:010}] [{-n:010}]")
        print(f"[{n:,}] [{n:_}] [{-n:,}] [{n:+}] [{-n:+}] [{n: }] [{42:=+8}] [{1234.5:,.2f}]")
        print(f"[{255:x}] [{255:X}] [{255:#x}] [{255:o}] [{255:#o}] [{5:b}] [{5:#010b}] [{-255:x}] [{255:08_b}]")
        print(f"[{x:.2f}] [{x:10.3f}] [{x:<10.1f}] [{x:e}] [{x:.3E}] [{x:g}] [{1e-7:g}] [{123456789.0:g}] [{0.5:%}] [{0.256:.1%}]")
        print(f"[{x:.0f}] [{2.5:.0f}] [{0.125:.2f}] [{1e16:.1f}] [{-0.0:.1f}] [{x:+.3f}] [{float('inf'):8.2f}] [{float('nan'):f}]")
        print(f"[{1.0:g}] [{100000.0:g}] [{1000000.0:g}] [{0.0001:g}] [{0.00001:g}] [{x:.3g}] [{12345.678:.2g}] [{1.5:.10g}]")
        print(f"[{x}] [{1e16}] [{0.1:.17f}] [{2/3:.15}] [{7:.2f}] [{7:e}] [{3:%}] [{1e100:.3e}]")
        s = "hi"
        print(f"[{s}] [{s:5}] [{s:>5}] [{s:^6}] [{s:_<4}] [{s!r}] [{s!r:>8}] [{'a':.1}] [{'hello':.3}]")
        print(f"[{True}] [{None}] [{[1, 'a']}] [{(1,)!r}] [{True:d}] [{True:>6}]")
        width, prec = 12, 4
        print(f"[{x:{width}.{prec}f}] [{n:>{width},}] [{s:{'*'}^{width}}]")
        print(format(n, ","), format(x, ".1f"), format("z", ">3"), format(10), format(0.5, "e"), format(-7, "05d"))
        print(f"{{literal}} {n=} {x = :.2f} {s!s}")
    ''')


def test_str_format_and_percent(same_as_cpython):
    """str.format with positional, numbered and keyword fields; % with tuples and specs."""
    same_as_cpython('''
        print("{} + {} = {}".format(2, 3, 5), "{1} {0} {1}".format("a", "b"), "{name}: {v:.2f}".format(name="pi", v=3.14159))
        print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"), "{0!r} {0!s}".format("q"), "{:,}".format(10 ** 7), "{{}}".format())
        print("%d items" % 5, "%s and %s" % ("a", "b"), "%5.2f|%-6d|%06.1f" % (3.14159, 42, -2.5), "%x %o %X" % (255, 8, 255))
        print("%r %s" % ("q", None), "%3d%%" % 50, "%e" % 12345.678, "%g %g" % (0.00001, 1e20), "%+d % d" % (5, 5))
        print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%c%c" % (72, "i"), "%.3s" % "abcdef", "%5s|%-5s|" % ("a", "b"))
        print("%s" % [1, 2], "%s" % (("tuple",),), "%i" % 3.9, "%.0f" % 0.5, "%.0f" % 1.5)
        rows = [("widget", 4, 3.5), ("gadget", 10, 12.25)]
        for name, qty, price in rows:
            print("%-8s x%3d @ %7.2f = %8.2f" % (name, qty, price, qty * price))
            print("{:<8} x{:3d} @ {:7.2f} = {:8.2f}".format(name, qty, price, qty * price))
    ''')


def test_format_errors(same_as_cpython):
    """Bad specs and argument mismatches raise ValueError/TypeError with CPython's text."""
    same_as_cpython('''
        def attempt(f):
            try:
                print(f())
            except (ValueError, TypeError, KeyError, IndexError) as e:
                print(repr(e), e)

        attempt(lambda: format(3.5, "d"))
        attempt(lambda: format("s", "d"))
        attempt(lambda: format(5, "z"))
        attempt(lambda: "%d" % "x")
        attempt(lambda: "%d %d" % (1,))
        attempt(lambda: "%d" % (1, 2))
        attempt(lambda: "{} {}".format(1))
        attempt(lambda: "{x}".format(y=1))
        attempt(lambda: format("abc", ","))
        attempt(lambda: "{:,d}".format(1234))
    ''')


def test_format_edge_cases(same_as_cpython):
    """Every numeric presentation type against ints, bools and special floats."""
    same_as_cpython('''
        v = [0, 1, -1, 7, 255, -255, 1000000, True]
        for n in v:
            print(f"{n:5d}|{n:<+5}|{n:^7x}|{n:#06x}|{n:,}|{n:08.2f}|{n:e}|{n:g}|{n:%}|{n:c}" if n > 0 else f"{n:5d}|{n:<+5}|{n:^7x}|{n:#06x}|{n:,}|{n:08.2f}")
        for x in [0.0, -0.0, 1.5, -2.25, 1e-10, 123456.789, 1e21, float("inf"), float("-nan"), 0.1]:
            print(f"{x}|{x:.3}|{x:10.4e}|{x:<12g}|{x:+.2%}|{x:_>10.1f}|{x:#g}|{x:G}|{x:.0e}|{x:z.1f}|{x:,.3f}")
        print(f"{12345678.9:,.2f} {0.000012345:.3g} {1234.5:.6g} {1e-5:.1e} {9.999:.2f} {9.995:.2f} {2**0.5:.12f}")
        print(f"{'x':*<5}{'y':#>4}{'z':0>3}", f"{3:=^9}", f"{-3:=9}", f"{-3:09}", f"{3.5:=+9.2f}", f"{'é':é^5}")
        print("{0:{1}}|{0:>{1}}".format("ab", 6), "{:{}{}}".format(5, "<", 4), "{0[1]} {1[k]}".format([7, 8], {"k": "v"}))
        print(format(1234567.891, ",.1f"), format(-0.5, ".0f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(1e16, ""), format(12, "n"))
        print("%5.1f%%" % 99.44, "%-10r|" % "q", "%#o %#x %#X" % (8, 255, 255), "%.3e" % 0.0, "%g" % 123456789, "%10.4g|" % 3.14159, "%s" % (1, ) , "%05d" % -42)
        print(f"{[1, 2]!s:>10}", f"{(1, 'a')!r}", f"{None!s:>5}", f"{{}}{1}{{", f"{'a' 'b'}", f"{3 + 4 = }", f"{'nested ' + f'{1:03}'}")
    ''')
