"""Nested functions only called where they are defined, over variables bound once before
the `def`, move to module level with those variables as extra parameters: the lists
they share with the enclosing function become typed, and every program prints exactly
what CPython prints, closures that must stay closures included."""
from __future__ import annotations

from portalis.api import translate

QUEENS = """
def solve(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placed = []
    solutions = []

    def place(row):
        if row == n:
            solutions.append(placed[:])
            return
        for col in range(n):
            if cols[col] or diag1[row + col] or diag2[row - col + n]:
                continue
            cols[col] = diag1[row + col] = diag2[row - col + n] = True
            placed.append(col)
            place(row + 1)
            placed.pop()
            cols[col] = diag1[row + col] = diag2[row - col + n] = False

    place(0)
    return solutions

for size in range(1, 7):
    found = solve(size)
    print(size, len(found), found[:2])
"""


def test_backtracking_helpers_become_native_functions():
    rust = translate(QUEENS).rust_code
    assert "fn place(row: i64, cols: List<bool>, diag1: List<bool>, diag2: List<bool>, n: i64, " \
           "placed: List<i64>, solutions: List<List<i64>>)" in rust
    assert "fn solve(n: i64) -> PyResult<List<List<i64>>>" in rust
    assert "PyCell" not in rust


def test_lifted_helpers_match_python(same_as_cpython):
    same_as_cpython(QUEENS + """
def totals(words):
    counts = {}

    def add(word, n):
        counts[word] = counts.get(word, 0) + n

    for w in words:
        add(w, len(w))
    return counts

print(totals("a bb a ccc".split()))
""")


def test_closures_that_must_stay_closures(same_as_cpython):
    same_as_cpython("""
        def rebound():
            x = 1
            def get():
                return x
            x = 2
            return get()

        def counter():
            n = 0
            def bump():
                nonlocal n
                n += 1
            bump()
            bump()
            return n

        def as_value(xs):
            k = 10
            def scale(v):
                return v * k
            return list(map(scale, xs))

        def early(flag):
            if flag:
                return helper()
            def helper():
                return 1
            return helper()

        def shadow(xs):
            def len(v):
                return 42
            return len(xs)

        def deep(xs):
            def walk(i):
                if i == len(xs):
                    return 0
                return xs[i] + walk(i + 1)
            return walk(0)

        print(rebound(), counter(), as_value([1, 2]), early(False), shadow([1]), len([1, 2]), deep([1, 2, 3]))
    """)
