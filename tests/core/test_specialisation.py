"""Per-signature specialisation: a function called with different argument types gets
one native Rust function per signature, and the program still prints what CPython
prints."""
from __future__ import annotations

import textwrap

from portalis.api import infer_types, translate

SOURCE = """
    def check_element(items, element):
        found = all(v == element for v in items)
        return found

    def largest(xs):
        best = xs[0]
        for x in xs:
            if x > best:
                best = x
        return best

    def describe(xs):
        return largest(xs)

    print(check_element(["green", "orange"], "blue"))
    print(check_element([1, 2, 3, 4], 7))
    print(check_element([5, 5], 5))
    print(largest([3, 9, 2]), largest(["b", "z", "a"]), largest([1.5, -2.0]))
    print(describe([1, 2]))
"""


def test_each_signature_gets_a_native_function():
    rust = translate(textwrap.dedent(SOURCE)).rust_code
    assert "fn check_element(items: List<Str>, element: Str)" in rust
    assert "fn check_element_2(items: List<i64>, element: i64)" in rust
    assert rust.count("fn largest") == 3  # str, float and int lists (`describe` passes ints)
    assert "Value" not in "".join(line for line in rust.splitlines() if line.startswith("fn largest"))


def test_types_report_shows_the_copies():
    report = infer_types(textwrap.dedent(SOURCE)).text
    assert "def check_element_2(items: list[int], element: int) -> bool" in report
    assert "dynamic fallbacks (0)" in report


def test_specialised_program_matches_cpython(same_as_cpython):
    same_as_cpython(SOURCE)


def test_calls_with_unlike_types_stay_one_function_when_copies_would_not_be_native(same_as_cpython):
    """A copy whose parameter is still dynamic (a list mixing kinds) helps nothing: the
    function stays one, over `Value`."""
    source = """
        def first(xs):
            return xs[0]

        print(first([1, "a"]), first(["b"]), first([2]))
    """
    rust = translate(textwrap.dedent(source)).rust_code
    assert "fn first_2" not in rust
    same_as_cpython(source)


def test_calls_written_before_the_def_or_recursive_calls_are_not_split():
    source = """
        def walk(x, depth):
            if depth == 0:
                return x
            return walk(x, depth - 1)

        print(walk(1, 2), walk("a", 2))
    """
    assert "fn walk_2" not in translate(textwrap.dedent(source)).rust_code


def test_a_shared_default_keeps_the_function_one(same_as_cpython):
    """`acc=[]` is one list every call appends to: copies would each have their own."""
    source = """
        def collect(x, acc=[]):
            acc.append(x)
            return len(acc)

        print(collect(1), collect("a"), collect(2))
    """
    assert "fn collect_2" not in translate(textwrap.dedent(source)).rust_code
    same_as_cpython(source)


def test_copies_in_a_project_module(project_same_as_cpython):
    """A function of an imported module, called there with unlike types, is split too;
    tracebacks and messages still name it as Python does."""
    project_same_as_cpython({
        "util.py": """
            def same(items, x):
                return all(v == x for v in items)

            def run():
                print(same([1, 1], 1), same(["a", "b"], "a"))
        """,
        "main.py": """
            import util
            util.run()
            print(util.same([2.5], 2.5))
        """,
    })
