"""print() and the str()/repr() of every built-in value."""


def test_print_sep_and_end(same_as_cpython):
    """sep and end replace the separator and newline; an empty print prints a newline."""
    same_as_cpython('''
        print(1, 2, 3)
        print(1, 2, 3, sep=", ")
        print("a", "b", sep="")
        print("no newline", end="")
        print(" - continued")
        print("x", "y", sep="\\n", end="|\\n")
        print()
        print("multi", "args", 4, 5.5, None, True, sep=" :: ", end=" END\\n")
        print(sep="-")
        print("", end="")
        print("")
    ''')


def test_str_and_repr_of_scalars(same_as_cpython):
    """int, bool, None and floats use CPython's shortest round-trip repr."""
    same_as_cpython('''
        values = [0, -7, 123456789, True, False, None,
                  1.0, -1.5, 0.1, 0.1 + 0.2, 1/3, 2/3, 100.0, 1e16, 1e15, 123456789012345678.0,
                  1e-05, 0.0001, 1e-4, 5e-324, 1.7976931348623157e308, 1e22, 1.5e300,
                  float("inf"), float("-inf"), float("nan"), -0.0, 0.0, 3.14159, 2.5e-10]
        for v in values:
            print(v, str(v), repr(v))
        print(str(1e16) == "1e+16", repr(-0.0))
        print(float("1e500"), float("  2.5 "), float("-Infinity"), int("  42 "), int("-0"))
    ''')


def test_str_and_repr_of_strings(same_as_cpython):
    """repr picks quotes like CPython and escapes control characters, not printable Unicode."""
    same_as_cpython('''
        samples = ["plain", "it's", 'say "hi"', "both ' and \\"", "tab\\there", "new\\nline",
                   "back\\\\slash", "\\r\\x00\\x07\\x1b", "\\x7f", "café", "日本語", "emoji 🐍",
                   "", " ", "\\u00a0nbsp", "\\u200b", "\\U0001F600"]
        for s in samples:
            print(s)
            print(repr(s))
        print(str("x"), repr(repr("x")))
        print(["it's", 'a"b', "\\n"])
    ''')


def test_repr_of_containers(same_as_cpython):
    """Containers show their elements' repr; one-element tuples keep the comma."""
    same_as_cpython('''
        print([1, 2, 3], [], [[]], ["a", 'b'])
        print((1,), (), (1, 2), ((1,),), ("x",))
        print({"a": 1, "b": [1, 2], 3: "c"}, {})
        print({3, 1, 2}, set(), {(1, 2)}, {"only"})
        nested = {"name": "Ada", "langs": ["en", "fr"], "pos": (1.5, -0.0), "tags": {7}, "none": None}
        print(nested)
        print(str(nested) == repr(nested))
        print([1.0, 2.5, 1e16, float("nan")], (True, None))
        print(repr([1, "two", (3.0,)]), str((1, "two")))
        grid = [[0] * 3 for _ in range(3)]
        grid[1][2] = 5
        print(grid)
    ''')
