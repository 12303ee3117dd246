"""Functions returning tuple displays return Rust tuples: `a, b = f()` unpacks them
without boxing, other uses box an exact `Value` copy, and a typed dict returned in a
tuple that every caller unpacks stays the same dict (Python's aliasing)."""
from __future__ import annotations

from portalis.api import translate

STATS = """
def stats(xs):
    lo = xs[0]
    hi = xs[0]
    total = 0.0
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
        total += x
    return lo, hi, total / len(xs)

def split_name(s):
    if " " not in s:
        return s, "", False
    first, last = s.split(" ", 1)
    return first, last, True

def divide(a, b):
    return a // b, a % b

def single(n):
    return (n * 1.5,)
"""


def test_tuple_returns_get_native_signatures():
    rust = translate(STATS + "print(stats([1.0]), split_name('a b'), divide(7, 2), single(2))\n").rust_code
    assert "fn stats(xs: List<f64>) -> PyResult<(f64, f64, f64)>" in rust
    assert "fn split_name(s: Str) -> PyResult<(Str, Str, bool)>" in rust
    assert "fn divide(a: i64, b: i64) -> PyResult<(i64, i64)>" in rust
    assert "fn single(n: i64) -> (f64,)" in rust


def test_native_tuples_print_and_unpack_like_python(same_as_cpython):
    same_as_cpython(STATS + """
def main():
    lo, hi, mean = stats([3.0, 1.5, 4.0])
    print(lo, hi, mean)
    print(stats([2.0]), str(stats([1.0, 2.0])))
    r = split_name("Ada Lovelace")
    print(r, r[0], r[-1], len(r), r == ("Ada", "Lovelace", True))
    a, b, c = split_name("Plato")
    print(repr(a), repr(b), c)
    q, m = divide(17, 5)
    print(q, m, divide(-7, 2), single(3), single(3)[0])
    try:
        divide(1, 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)

main()
""")


def test_dicts_returned_in_unpacked_tuples_stay_typed_and_shared(same_as_cpython):
    source = """
def count(text, seen):
    counts = {}
    longest = ""
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
        seen[w] = len(w)
        if len(w) > len(longest):
            longest = w
    return counts, len(counts), longest, seen

def main():
    seen = {"x": 0}
    counts, n, longest, same = count("a bb a ccc bb a", seen)
    same["y"] = 9
    print(counts, n, longest, seen, same)
    print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

main()
"""
    rust = translate(source).rust_code
    assert "fn count(text: Str, seen: Map<Str, i64>) -> PyResult<(Map<Str, i64>, i64, Str, Map<Str, i64>)>" in rust
    same_as_cpython(source)


def test_a_tuple_result_used_whole_keeps_its_dict_dynamic(same_as_cpython):
    """Boxing would copy the dict: where a caller keeps the tuple, the dict stays a Value."""
    same_as_cpython("""
        def make():
            d = {"a": 1}
            return d, 1

        def main():
            pair = make()
            pair[0]["b"] = 2
            print(pair)
            d, n = make()
            print(d, n)

        main()
    """)
