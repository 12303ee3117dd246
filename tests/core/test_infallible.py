"""Functions that cannot raise return plain values (no `PyResult`, no `?` at their
calls); recursion, errors and functions used as values keep results."""
from __future__ import annotations

import textwrap

from portalis.api import translate

PROGRAM = """
    import math

    def scale(x, k):
        return x * k

    def norm(a, b):
        return math.sqrt(scale(a, a) + scale(b, b))

    def above(x, limit):
        if x > limit:
            return True
        return False

    def ratio(a, b):
        return a / b

    def power(x, n):
        return 1.0 if n <= 0 else x * power(x, n - 1)

    def twice(v):
        return v + v

    print(scale(1.5, 4.0), norm(3.0, 4.0), above(2.5, 1.0), above(0.5, 1.0), power(1.5, 3))
    apply = twice
    print(apply(0.25), [scale(v, 0.5) for v in (1.0, 3.0)])
    try:
        print(ratio(1.0, 0.0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
"""


def test_functions_that_cannot_raise_return_plain_values():
    rust = translate(textwrap.dedent(PROGRAM)).rust_code
    assert "fn scale(x: f64, k: f64) -> f64 {" in rust
    assert "fn above(x: f64, limit: f64) -> bool {" in rust
    assert "fn ratio(a: f64, b: f64) -> PyResult<f64>" in rust  # division by zero raises
    assert "fn power(x: f64, n: i64) -> PyResult<f64>" in rust  # recursion can hit the limit
    assert "scale(a, a) + scale(b, b)" in rust


def test_plain_functions_match_python(same_as_cpython):
    same_as_cpython(PROGRAM)
