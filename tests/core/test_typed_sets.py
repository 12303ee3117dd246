"""Sets of ints and strs are typed as `SetOf<T>` over the runtime's CPython set table:
adds, discards, resizes and conversions keep CPython's slots, so iteration and printing
order are CPython's; aliases share one set."""
from __future__ import annotations

from portalis.api import translate

SETS = """
def seen_digits(rows):
    used = set(rows[0])
    for row in rows:
        for x in row:
            used.add(x)
    return used

def missing(used, n):
    return [d for d in range(n) if d not in used]

def churn(n):
    s = set()
    for i in range(n):
        s.add(i * 37 % 101 - 50)
        if i % 3 == 0:
            s.discard(i - 7)
    return s
"""


def test_sets_get_typed_signatures():
    rust = translate(SETS + "print(seen_digits([[1]]), missing({1}, 3), churn(4))\n").rust_code
    assert "fn seen_digits(rows: List<List<i64>>) -> PyResult<SetOf<Int>>" in rust
    assert "fn missing(used: SetOf<Int>, n: i64)" in rust
    assert ".contains(&" in rust and "methods::call_method" not in rust


def test_typed_sets_match_python(same_as_cpython):
    same_as_cpython(SETS + """
def main():
    grid = [[5, 3, 0], [6, 0, 0], [0, 9, 8], [64, 128, -1, -2]]
    used = seen_digits(grid)
    print(used, len(used), missing(used, 10))
    big = churn(200)
    print(big)
    print(sorted(big)[:5], len(big), 17 in big, -50 in big, 3.0 in big, None in big)
    alias = big
    alias.add(1000)
    alias.remove(1000)
    try:
        big.remove(1000)
    except KeyError as e:
        print("KeyError:", e)
    total = 0
    for x in big:
        total += x
    print(total, big == churn(200), big | {9999}, big & {1, 2, 3, -50})
    words = {w for w in "the cat and the hat".split()}
    print(len(words), "cat" in words, "dog" in words)
    evens = {x for x in range(0, 40, 2)}
    evens.discard(4)
    print(evens, evens.pop(), evens, bool(evens), not set())
    odds = {x for x in range(1, 40, 2)}
    try:
        for x in odds:
            odds.add(x + 1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    empty = set()
    try:
        empty.pop()
    except KeyError as e:
        print("KeyError:", e)

main()
""")
