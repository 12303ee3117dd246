"""Floats and bools held natively (`f64`, `bool`) where the inference proves them:
the translation must still print exactly what CPython prints, errors included."""
from __future__ import annotations

import textwrap

from portalis.api import translate


def test_float_functions_get_native_signatures():
    rust = translate("def step(x, v, dt):\n    return x + v * dt\n\nprint(step(1.0, 2.0, 0.5))\n").rust_code
    assert "fn step(x: f64, v: f64, dt: f64) -> f64 {" in rust  # cannot raise: a plain result


def test_float_arithmetic_matches_python(same_as_cpython):
    same_as_cpython("""
        import math

        def energy(xs, m):
            e = 0.0
            for i in range(len(xs)):
                e += 0.5 * m * xs[i] * xs[i]
            return e

        def norm(a, b):
            return math.sqrt(a * a + b * b)

        def parts(a, b):
            return a // b, a % b, a / b

        x = 1.0
        for k in range(10):
            x = x - 0.25 * k
        print(x, -x, abs(-1.5), energy([1.0, 2.5, -3.0], 2.0), norm(3.0, 4.0))
        print(parts(7.5, -2.0), parts(-7.5, 2.0), parts(-0.0, 1.0), parts(5.0, 3))
        print(1e300 * 1e10, -1e300 * 1e10, 0.1 + 0.2, 2 * 0.5, 1 / 3 * 3.0)
        n = 3
        print(n * 0.5, n / 2.0, 2.0 ** 10, x < 0, x == -11.25, 10 > x)
    """)


def test_float_division_by_zero_raises(same_as_cpython):
    same_as_cpython("""
        def ratio(a, b):
            return a / b

        def floor_ratio(a, b):
            return a // b

        print(ratio(1.0, 4.0))
        try:
            print(ratio(1.0, 0.0))
        except ZeroDivisionError as e:
            print("caught", e)
        try:
            print(floor_ratio(1.0, 0.0))
        except ZeroDivisionError as e:
            print("caught", e)
        print(ratio(2.0, -0.0 + 1.0))
        print(1.0 % 0.0)
    """)


def test_math_domain_error(same_as_cpython):
    same_as_cpython("""
        import math

        def root(x):
            return math.sqrt(x)

        print(root(2.0))
        print(root(-1.0))
    """)


def test_native_bools(same_as_cpython):
    same_as_cpython("""
        def is_big(x):
            return x > 10.0

        flag = False
        n = 0
        while not flag:
            n += 1
            flag = n * 0.5 > 3
        done = is_big(12.0)
        print(flag, n, done, is_big(1.5), flag == done, flag != done)
        seen = [False] * 5
        seen[2] = True
        count = 0
        for i in range(5):
            if seen[i]:
                count += 1
        print(seen, count)
    """)


def test_int_float_mix_and_big_ints_stay_exact(same_as_cpython):
    same_as_cpython("""
        big = 2 ** 60 + 1
        f = 1.0
        print(big > f, big == float(big), big * f, f < big)
        total = 0.0
        for v in [1.5, 2.25, -0.75]:
            total += v
        ys = [v * 2 for v in [0.5, 1.5]]
        print(total, ys, max(ys), sum(ys), float("inf") > total, total != total)
        nan = float("nan")
        print(nan == nan, nan != nan, -0.0, 0.0 * -1)
    """)


STR_PROGRAM = """
        def shout(word, times):
            out = word
            alias = out
            for _ in range(times):
                out = out + "!"
            return out if out else alias

        def is_palindrome(text):
            cleaned = ""
            for c in text:
                if c.isalnum():
                    cleaned += c.lower()
            return cleaned == cleaned[::-1]

        label = "abc"
        empty = ""
        print(shout("hey", 3), shout("", 0), is_palindrome("A man, a plan, a canal: Panama"))
        print(label == "abc", label != empty, not empty, is_palindrome(label))
        g = (label + x for x in "xy")
        print(list(g), label)
"""


def test_str_functions_get_native_signatures(same_as_cpython):
    rust = translate(textwrap.dedent(STR_PROGRAM)).rust_code
    assert "fn shout(word: Str, times: i64) -> PyResult<Str>" in rust
    assert "fn is_palindrome(text: Str) -> PyResult<bool>" in rust
    same_as_cpython(STR_PROGRAM)


def test_int_or_float_places_are_native_and_print_as_python(same_as_cpython):
    """A place holding ints at some times and floats at others is a `Num`: each value
    keeps its kind (`2` and `2.0` print differently), ints stay exact past 2**53, and
    `/`, `//`, `%` and comparisons between the two kinds are Python's."""
    source = """
        def collatz_odds(n):
            odds = []
            while n > 1:
                if n % 2 == 0:
                    n = n / 2
                else:
                    n = n * 3 + 1
                if n % 2 == 1:
                    odds.append(int(n))
            return odds

        def scale(x, big):
            if big:
                return x * 10.5
            return x * 4 - 7

        def mean(values):
            total = 0
            for v in values:
                total += v
            return total

        def parts(a, b):
            return a // b, a % b, a / b, -a, a < b, a == b, a >= b

        print(collatz_odds(14), collatz_odds(1))
        print(scale(3, True), scale(3, False), scale(2 ** 62, False), scale(2, True) == 21)
        print(mean([1, 2, 3]), mean([0.5, 2]), mean([]))
        n = 2 ** 53 + 1
        for a, b in [(7, 2), (7.5, 2), (-7, 2.0), (n, float(2 ** 53)), (2 ** 70, 3)]:
            print(parts(a, b))
        try:
            parts(1, 0)
        except ZeroDivisionError as e:
            print("caught", e)
    """
    rust = translate(textwrap.dedent(source)).rust_code
    assert "fn scale(x: Int, big: bool) -> PyResult<Num>" in rust and "fn parts(a: Num, b: Num)" in rust
    same_as_cpython(source)


def test_regex_and_next_results_are_typed(same_as_cpython):
    """`re.sub` on a str gives a str, and `next(it, default)` the elements' or the
    default's type: functions returning them keep native signatures."""
    source = """
        import re

        def squeeze(text, n):
            return re.sub("[ ,.]+", ":", text, n)

        def first_even(xs):
            return next((x for x in xs if x % 2 == 0), -1)

        def swap_case_words(s):
            return re.sub(r"(\\w)([A-Z])", r"\\1 \\2", s)

        print(squeeze("a, b. c  d", 2), squeeze("", 0), first_even([1, 3, 4]), first_even([1]))
        print(swap_case_words("HelloWorldFoo"))
        print(re.findall(r"(\\d)(\\w)", "1a 2b"), re.findall(r"\\d+", "12 ab 345"), re.split(r"(,)", "a,b"))
    """
    rust = translate(textwrap.dedent(source)).rust_code
    assert "fn squeeze(text: Str, n: i64) -> PyResult<Str>" in rust
    assert "fn first_even(xs: List<i64>) -> PyResult<Int>" in rust
    same_as_cpython(source)
