"""Whole-program type inference: signatures, attributes, globals and fallbacks,
checked on small programs (no Rust build needed)."""
from __future__ import annotations

import textwrap

from typer.testing import CliRunner

from portalis.api import infer_types
from portalis.cli import app


def facts(source: str) -> dict:
    report = infer_types(textwrap.dedent(source), "prog.py")
    assert not report.errors
    assert report.facts["converged"]
    return report.facts


def signatures(source: str) -> dict[str, str]:
    return {f["name"]: f["signature"] for f in facts(source)["functions"]}


def fallbacks(source: str) -> list[tuple[int, str, str]]:
    return [(f["line"], f["place"], f["reason"]) for f in facts(source)["fallbacks"]]


def test_params_and_returns_follow_the_calls():
    sigs = signatures("""
        def sieve(n):
            flags = [True] * (n + 1)
            primes = []
            for i in range(2, n + 1):
                if flags[i]:
                    primes.append(i)
            return primes

        def mean(xs):
            total = 0.0
            for x in xs:
                total += x
            return total / len(xs)

        print(sieve(10), mean([1.5, 2.0]))
    """)
    assert sigs["sieve"] == "def sieve(n: int) -> list[int]"
    assert sigs["mean"] == "def mean(xs: list[float]) -> float"


def test_fixed_point_across_calls():
    sigs = signatures("""
        def outer(x):
            return inner(x) + 1.5

        def inner(y):
            return y * 2

        print(outer(3))
    """)
    assert sigs["inner"] == "def inner(y: int) -> int"
    assert sigs["outer"] == "def outer(x: int) -> float"


def test_optional_results_and_dict_elements():
    data = facts("""
        def find(d, key):
            if key in d:
                return d[key]
            return None

        counts = {}
        for w in "a b a".split():
            counts[w] = counts.get(w, 0) + 1
        print(find(counts, "a"))
    """)
    sigs = {f["name"]: f["signature"] for f in data["functions"]}
    assert sigs["find"] == "def find(d: dict[str, int], key: str) -> int | None"
    assert data["globals"]["counts"] == "dict[str, int]"
    assert not data["fallbacks"]


def test_class_attributes_and_methods():
    data = facts("""
        import math

        class Vec:
            def __init__(self, x, y):
                self.x = x
                self.y = y

            def norm(self):
                return math.sqrt(self.x * self.x + self.y * self.y)

        class Vec3(Vec):
            def __init__(self, x, y, z):
                super().__init__(x, y)
                self.z = z

        print(Vec(3.0, 4.0).norm(), Vec3(1.0, 2.0, 2.0).norm())
    """)
    assert data["classes"]["Vec"] == {"x": "float", "y": "float", "z": "float"}
    sigs = {f["name"]: f["signature"] for f in data["functions"]}
    assert sigs["Vec.norm"] == "def Vec.norm(self: Vec | Vec3) -> float"
    assert sigs["Vec3.__init__"] == "def Vec3.__init__(self: Vec3, x: float, y: float, z: float) -> None"


def test_aliases_share_one_element_type():
    data = facts("""
        a = [1, 2]
        b = a
        b.append("three")
        print(a)
    """)
    assert data["globals"]["a"] == "list[int | str]"
    assert any(f["place"] == "global a" and "conflicting" in f["reason"] for f in data["fallbacks"])


def test_conflicts_are_reported_with_line_and_reason():
    found = fallbacks("""
        def pick(k):
            v = 1
            if k > 3:
                v = "many"
            return v

        print(pick(5))
    """)
    assert (3, "local v in pick()", "conflicting types int and str") in found
    assert any(place == "return value of pick()" for _, place, _ in found)


def test_int_and_float_do_not_merge_silently():
    """A place holding both is `int | float` (a native `Num`, each value keeping its
    kind), never a float; in a container's elements it is still reported."""
    source = """
        x = 0
        x = x + 0.5
        xs = [1, 2.5]
        print(x, xs)
    """
    assert facts(source)["globals"]["x"] == "int | float"
    found = fallbacks(source)
    assert not any(place == "global x" for _, place, _ in found)
    assert any(place == "global xs" and "elements: mixes int and float" in reason for _, place, reason in found)


def test_values_passed_to_unknown_code_become_dynamic():
    found = fallbacks("""
        import random
        items = [3, 1, 2]
        random.shuffle(items)
        print(items)
    """)
    assert any(place == "global items" and "random.shuffle" in reason for _, place, reason in found)


def test_functions_used_as_values_have_unknown_parameters():
    found = fallbacks("""
        def key(x):
            return -x

        print(sorted([3, 1, 2], key=key))
    """)
    assert any(place == "key()" and "used as a value" in reason for _, place, reason in found)


def test_never_called_function_is_reported():
    found = fallbacks("""
        def unused(a, b):
            return a + b
    """)
    assert (2, "parameter a of unused()", "no call to this function was seen") in found


def test_types_command_prints_signatures_and_fallbacks(tmp_path):
    prog = tmp_path / "prog.py"
    prog.write_text("def f(n):\n    return n * 2.0\n\nx = f(3)\ny = [1]\ny.append('a')\nprint(x, y)\n")
    result = CliRunner().invoke(app, ["types", str(prog)])
    assert result.exit_code == 0, result.output
    assert "prog.py:1: def f(n: int) -> float" in result.output
    assert "x: float" in result.output
    assert "prog.py:5: global y (list[int | str]): elements: conflicting types int and str" in result.output


def test_types_command_reports_syntax_errors(tmp_path):
    prog = tmp_path / "bad.py"
    prog.write_text("def f(:\n")
    result = CliRunner().invoke(app, ["types", str(prog)])
    assert result.exit_code == 1
