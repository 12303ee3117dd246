"""Lists held as the runtime's typed `List<T>` where the analysis proves their element
type: signatures lose their `Value`s, and the program still prints exactly what
CPython prints, aliasing, errors and boxed edges (printing, comparisons) included."""
from __future__ import annotations

from portalis.api import translate


def _rust(source: str) -> str:
    return translate(source).rust_code


def test_list_functions_get_typed_signatures():
    rust = _rust(
        "def build(n):\n"
        "    out = []\n"
        "    for i in range(n):\n"
        "        out.append(i * 0.5)\n"
        "    return out\n\n"
        "def total(xs):\n"
        "    s = 0.0\n"
        "    for x in xs:\n"
        "        s += x\n"
        "    return s\n\n"
        "print(total(build(10)))\n")
    assert "fn build(n: i64) -> PyResult<List<f64>>" in rust
    assert "fn total(xs: List<f64>) -> f64" in rust
    assert "for x in xs.iter()" in rust


def test_nested_lists_and_int_lists_are_typed():
    rust = _rust(
        "def grid(n):\n"
        "    g = [[0] * n for _ in range(n)]\n"
        "    for i in range(n):\n"
        "        g[i][i] = i\n"
        "    return g\n\n"
        "print(grid(3))\n")
    assert "fn grid(n: i64) -> PyResult<List<List<i64>>>" in rust


def test_typed_list_operations_match_python(same_as_cpython):
    same_as_cpython("""
        def build(n):
            out = []
            for i in range(n):
                out.append(i * 0.5)
            return out

        def main():
            xs = build(6)
            ys = xs
            ys.append(100.0)
            print(xs, len(xs), xs[-1], xs[1:4], xs[::-2], xs[:])
            flags = [False] * 4
            flags[1] = True
            print(flags, flags[-3], not flags, 2 * [True])
            nums = [3, 1, 2]
            nums.sort()
            nums.insert(0, 9)
            nums.insert(-100, 8)
            print(nums, sorted([5, 4]))
            print(nums.pop(), nums.pop(0))
            print(nums)
            nums.extend([7, 7])
            nums += [6]
            nums.reverse()
            print(nums, nums.index(7), nums.count(7), 7 in nums, nums == [6, 7, 7, 2, 1], nums + [0])
            for i, x in enumerate(nums):
                print(i, x, end=" ")
            print()
            for a, b in zip(xs, flags):
                print(a, b, end=" ")
            print()
            words = "b a c".split()
            words.sort()
            print(words, words[0], [w.upper() for w in words], sum([x * 2 for x in xs]))
            perm = list(range(5))
            perm[0], perm[4] = perm[4], perm[0]
            c = [1, 2]
            c[0] += 5
            c[-1] *= 3
            print(perm, c, [i * i for i in range(4)], max(perm), min(xs))
            perm.remove(4)
            try:
                perm.remove(42)
            except ValueError as e:
                print("ValueError:", e)
            print(perm, list(filter(lambda v: v > 1, perm)), list(reversed(perm)))
            copy = perm.copy()
            copy.clear()
            print(copy, perm, f"{perm}", str(flags), repr(words))

        main()
        for n in [1, 2, 3]:
            print(n * 2)
    """)


def test_aliases_share_one_list(same_as_cpython):
    same_as_cpython("""
        def fill(target, n):
            for i in range(n):
                target.append(i)

        def grow(rows):
            for row in rows:
                row.append(len(row))

        a = []
        b = a
        fill(b, 3)
        print(a, b, a is b)
        rows = [[1], [2, 3]]
        first = rows[0]
        grow(rows)
        first.append(9)
        print(rows, first)
        seen = [1, 2]
        for x in seen:
            if x < 4:
                seen.append(x + 2)
        print(seen)
        grid = [[0] * 3 for _ in range(2)]
        grid[1][2] = 7
        row = grid[1]
        row[0] = 5
        print(grid)
        nums = [3, 1, 2]
        print(nums, nums.pop(), nums)
    """)


def test_index_errors_are_python_exceptions(same_as_cpython):
    same_as_cpython("""
        def get(xs, i):
            return xs[i]

        xs = [1.5, 2.5]
        for i in [0, -2, 2, -3]:
            try:
                print(get(xs, i))
            except IndexError as e:
                print("IndexError:", e)
        try:
            xs[5] = 1.0
        except IndexError as e:
            print("IndexError:", e)
        empty = []
        empty.append(1)
        empty.pop()
        try:
            empty.pop()
        except IndexError as e:
            print("IndexError:", e)
        print(xs[7])
    """)


def test_growing_int_lists_stay_exact(same_as_cpython):
    """Lists whose items feed on each other (Fibonacci, sums) can outgrow 64 bits:
    they stay dynamic and print Python's big ints."""
    same_as_cpython("""
        def fib(n):
            f = [0, 1]
            for i in range(2, n):
                f.append(f[i - 1] + f[i - 2])
            return f

        def sums(n):
            t = [1] * n
            for i in range(1, n):
                s = t[i - 1] + t[i - 1]
                t[i] = s
            return t

        print(fib(100)[-1], sums(80)[-1])
        big = [2 ** 70, 1]
        print(big, [int("9" * 30)])
    """)
