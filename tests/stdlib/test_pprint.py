"""pprint: pprint/pformat/pp lay out nested containers and long strings as CPython does."""


def test_pprint_layouts(same_as_cpython):
    same_as_cpython('''
        import pprint
        from pprint import pformat, pp
        data = {"zeta": [1, 2, 3], "alpha": {"b": (1,), "a": [{"x": i, "y": str(i) * 3} for i in range(6)]},
                "mid": {3, 1, 2}, "t": tuple(range(30)), "s": "word " * 30, "e": [], "f": frozenset({7, 5})}
        pprint.pprint(data)
        pprint.pprint(data, width=40)
        pprint.pprint(list(range(40)), compact=True, width=50)
        print(pformat({"b": 1, "a": 2}), pformat([[1, 2], [3, 4]], width=5))
        pp({"b": 1, "a": [list(range(12)), "x" * 70]})
        pprint.pprint(data, indent=4, width=60, sort_dicts=False)
        pprint.pprint("short"), pprint.pprint(("a" * 50, "b" * 50))
        pprint.pprint({"k": "line one\\nline two " * 6}, width=50)
    ''')
