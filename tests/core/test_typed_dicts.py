"""Dicts held as the runtime's typed `Map<K, V>` where the analysis proves their key and
value types: signatures lose their `Value`s, and the program still prints exactly what
CPython prints, aliasing, KeyErrors, iteration order and boxed edges included."""
from __future__ import annotations

from portalis.api import translate


def _rust(source: str) -> str:
    return translate(source).rust_code


COUNTING = """
def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts

def totals(pairs, scale):
    out = {}
    for name in pairs:
        out[name] = out.get(name, 0.0) + scale
    return out
"""


def test_dict_functions_get_typed_signatures():
    rust = _rust(COUNTING + "print(count('a b a'.split()))\nprint(totals(['x', 'y', 'x'], 0.5))\n")
    assert "fn count(words: List<Str>) -> PyResult<Map<Str, i64>>" in rust
    assert "fn totals(pairs: List<Str>, scale: f64) -> Map<Str, f64>" in rust
    assert "Value" not in rust.split("fn count", 1)[1].split("fn main_", 1)[0].split("fn module_body")[0]


def test_typed_dict_operations_match_python(same_as_cpython):
    same_as_cpython(COUNTING + """
def main():
    counts = count("the cat and the hat and the bat".split())
    print(counts, len(counts), "the" in counts, "dog" not in counts, counts["cat"])
    for k, v in counts.items():
        print(k, v, end="; ")
    print()
    for k in counts:
        print(k, end=" ")
    for v in counts.values():
        print(v, end=" ")
    for k in counts.keys():
        print(k.upper(), end=" ")
    print()
    print(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    print(sorted(counts), list(counts.values()), sorted(counts.keys(), reverse=True))
    print(counts.setdefault("dog", 7), counts.setdefault("the", 0), counts.pop("cat"), counts.pop("cow", -1))
    del counts["and"]
    counts["hat"] += 10
    counts["bat"] -= 3
    print(counts, counts.get("zebra"), counts.get("hat"), counts == {"the": 3}, bool(counts))
    if counts:
        print("not empty")
    copy = counts.copy()
    copy["new"] = 1
    counts.clear()
    print(counts, copy, not counts)
    t = totals(["x", "y", "x"], 0.25)
    t["z"] = 1e20
    print(t, f"{t}", str(t))
    by_len = {}
    for word in "a bb cc ddd e".split():
        by_len[len(word)] = by_len.get(len(word), 0) + 1
    print(by_len, 2 in by_len, by_len[3])
    literal = {"b": 2, "a": 1, "b": 3}
    print(literal, dict(), {})

main()
""")


def test_int_keyed_dicts_are_typed():
    rust = _rust(
        "def histogram(xs):\n"
        "    h = {}\n"
        "    for x in xs:\n"
        "        h[x % 10] = h.get(x % 10, 0) + 1\n"
        "    return h\n\n"
        "print(histogram([1, 2, 11, 35]))\n")
    assert "fn histogram(xs: List<i64>) -> PyResult<Map<i64, i64>>" in rust


def test_aliases_share_one_dict(same_as_cpython):
    same_as_cpython("""
        def add(d, k):
            d[k] = d.get(k, 0) + 1

        def main():
            a = {"x": 1}
            b = a
            b["y"] = 2
            add(a, "z")
            add(b, "x")
            print(a, b, a == b, len(a))
            c = dict()
            c["q"] = 5
            print(c)

        main()
    """)


def test_key_errors_and_changed_size_are_python_exceptions(same_as_cpython):
    same_as_cpython("""
        def lookup(d, k):
            return d[k]

        def main():
            d = {"a": 1.5, "b": 2.5}
            for k in ["a", "zz", "b"]:
                try:
                    print(lookup(d, k))
                except KeyError as e:
                    print("KeyError:", e)
            try:
                d.pop("nope")
            except KeyError as e:
                print("pop:", e)
            try:
                del d["gone"]
            except KeyError as e:
                print("del:", repr(e))
            try:
                d["missing"] += 1.0
            except KeyError as e:
                print("augmented:", e)
            try:
                for k in d:
                    d[k + "!"] = 0.0
            except RuntimeError as e:
                print("RuntimeError:", e)
            for k in d:
                d[k] = d[k] * 2
            print(d)
            print(d["absent"])

        main()
    """)


def test_growing_int_values_stay_exact(same_as_cpython):
    """Values computed from the dict's own items by multiplication can outgrow 64 bits:
    such dicts stay dynamic and print Python's big ints."""
    same_as_cpython("""
        def powers(n):
            p = {0: 1}
            for i in range(1, n):
                p[i] = p[i - 1] * 3
            return p

        print(powers(70)[69])
    """)


def test_dicts_that_escape_stay_dynamic(same_as_cpython):
    """A dict stored into a list, mixed value types or keys of other types: Value dicts."""
    same_as_cpython("""
        def main():
            rows = []
            d = {"a": 1}
            rows.append(d)
            d["b"] = 2
            print(rows)
            mixed = {"a": 1}
            mixed["b"] = "two"
            print(mixed)
            keys = {1: "x"}
            keys[2.5] = "y"
            print(keys, keys.get(1))

        main()
    """)


def test_user_names_like_the_runtime_types_still_build(same_as_cpython):
    same_as_cpython("""
        class Map:
            def __init__(self):
                self.cells = {"a": 1}

        def typed(x):
            if x > 0:
                return x
            return None

        def count(ws):
            d = {}
            for w in ws:
                d[w] = d.get(w, 0) + 1
            return d

        print(Map().cells, typed(3), typed(-1), count(["x", "y", "x"]))
    """)


def test_lookups_with_other_types_stay_python(same_as_cpython):
    """A key or default of another type than the dict holds: Python's answer, not an error."""
    same_as_cpython("""
        def main():
            d = {"a": 1}
            d["b"] = 2
            print(d.get(1, 0), d.get("a", None), d.pop("zz", None), 1 in d, d.get(2.5))
            e = {"x": 1.5}
            e["y"] = 2.5
            print(e.setdefault("x", 0), e)
            try:
                print(e[3])
            except KeyError as err:
                print("KeyError", err)

        main()
    """)


def test_sorting_by_tuple_keys_matches_python(same_as_cpython):
    """Tuple keys of ints and strs sort on a fast path: same order, stability and
    errors as Python's comparisons."""
    same_as_cpython("""
        words = {"b": 2, "a": 2, "c": 5, "d": 1, "ee": 2}
        print(sorted(words.items(), key=lambda kv: (-kv[1], kv[0])))
        print(sorted(words.items(), key=lambda kv: (kv[1], kv[0]), reverse=True))
        print(sorted([(1, "b"), (1, "a"), (0, "z")]))
        print(sorted([(1, "b", 2), (1, "b", 1), (1, "a", 3)], reverse=True))
        print(sorted([("x", 1), ("x", 1.5), ("a", 2)]))
        print(sorted([(2, "b"), (1, "a"), (1, "a")], key=lambda t: t))
        print(sorted([(1, 2), (1,), (0, 5, 6)]))
        try:
            print(sorted([(1, "a"), ("a", 1)]))
        except TypeError as e:
            print("TypeError", e)
        print(sorted([(True, 1), (0, 2)]))
        print(sorted([(10**20, "a"), (1, "b")]))
    """)
