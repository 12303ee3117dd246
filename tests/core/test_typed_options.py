"""Functions whose result is a `T` or None return `Option<T>`: the signature is native,
and callers that print, test (`is None`, truthiness) or keep the result see exactly
what Python shows."""
from __future__ import annotations

from portalis.api import translate

SOURCE = """
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None

def first_long(words, n):
    for w in words:
        if len(w) > n:
            return w
    return

def ratio(a, b):
    if b == 0:
        return None
    return a / b

def maybe_flag(n):
    if n < 0:
        return None
    return n % 2 == 0

def main():
    xs = [4, 8, 15]
    print(find(xs, 8), find(xs, 99))
    r = find(xs, 15)
    if r is not None:
        print("at", r + 1)
    if find(xs, 16) is None:
        print("missing")
    print(first_long(["a", "abc"], 2), first_long([], 1), repr(first_long(["zz"], 1)))
    print(ratio(1.0, 4.0), ratio(1.0, 0.0), maybe_flag(4), maybe_flag(-1), maybe_flag(3))
    if ratio(0.0, 1.0):
        print("truthy")
    else:
        print("falsy")
    print([find(xs, t) for t in [4, 5]], f"{ratio(3.0, 2.0)}")
    try:
        ratio(1.0, "x")
    except TypeError as e:
        print("TypeError")

main()
"""


def test_optional_results_get_native_signatures():
    rust = translate(SOURCE).rust_code
    assert "fn find(xs: List<i64>, target: Int) -> Option<i64>" in rust  # called from a comprehension too
    assert "fn first_long(words: List<Str>, n: i64) -> Option<Str>" in rust
    assert "fn maybe_flag(n: i64) -> PyResult<Option<bool>>" in rust


def test_optional_results_behave_like_python(same_as_cpython):
    same_as_cpython(SOURCE)


def test_results_that_may_be_another_type_stay_dynamic(same_as_cpython):
    same_as_cpython("""
        def pick(n):
            if n > 2:
                return "big"
            if n > 0:
                return n
            return None

        def passthrough(d, k):
            return d.get(k)

        print(pick(3), pick(1), pick(0), passthrough({"a": 1}, "a"), passthrough({"a": 1}, "b"))
    """)


def test_struct_fields_that_may_be_none_keep_their_own_options(same_as_cpython):
    same_as_cpython("""
        class Node:
            def __init__(self, v, nxt):
                self.v = v
                self.nxt = nxt

            def total(self):
                return self.v + (self.nxt.total() if self.nxt else 0)

        head = None
        for i in range(5):
            head = Node(i, head)
        print(head.total())
    """)
