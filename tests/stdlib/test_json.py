"""json: dumps byte-identical to CPython (indent, separators, sort_keys, ensure_ascii,
default, errors) and loads with CPython's JSONDecodeError messages."""


def test_dumps(same_as_cpython):
    same_as_cpython('''
        import json
        from json import JSONDecodeError
        data = {"name": "Ada", "tags": ["x", "y"], "n": 3, "f": 1.5, "big": 10**30, "none": None, "ok": True,
                "nested": {"e": [], "d": {}, "t": (1, 2)}, "uni": "é😀\\x01\\"\\\\/"}
        print(json.dumps(data))
        print(json.dumps(data, indent=2, sort_keys=True))
        print(json.dumps(data, indent="\\t", ensure_ascii=False))
        print(json.dumps(data, separators=(",", ":")))
        print(json.dumps([1, [2, [3]]], indent=0))
        print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
        print(json.dumps([float("inf"), float("-inf"), float("nan"), 1e100, 0.1, -0.0, 3.0]))
        print(json.dumps("x"), json.dumps(None), json.dumps(12))
        class P:
            def __init__(self, x):
                self.x = x
        print(json.dumps({"p": P(3)}, default=lambda o: o.x))
        print(json.dumps({"p": P(3)}, default=lambda o: {"x": o.x}, indent=1))
        for bad in [lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(P(1)), lambda: json.dumps({3}),
                    lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.dumps({"b": 1, 2: 3}, sort_keys=True)]:
            try:
                bad()
            except (TypeError, ValueError) as e:
                print(type(e).__name__, e)
        print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
        cyc = [1]
        cyc.append(cyc)
        try:
            json.dumps(cyc)
        except ValueError as e:
            print(e)
    ''')


def test_loads_and_decode_errors(same_as_cpython):
    same_as_cpython('''
        import json
        from json import JSONDecodeError
        text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\\\n\\\\u00e9\\\\ud83d\\\\ude00"}, "big": 123456789012345678901234567890}'
        obj = json.loads(text)
        print(obj, obj["b"]["c"])
        print(json.loads(" [ ] "), json.loads("{}"), json.loads('"x"'), json.loads("-0"), json.loads("NaN"), json.loads("1E3"))
        print(json.loads('{"a": 1, "a": 2, "b": 3}'))
        print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
        print(json.loads('[1.5, 2]', parse_float=str, parse_int=float))
        for s in ['', '[1,]', '{"a":1,}', '"abc', '"a\\\\x"', '"\\\\u12"', '[1 2]', '{"a" 1}', '{1:2}', 'nul', '"a\\nb"', '01', '-', '  [1,\\n  2,,]', '[]]']:
            try:
                print(json.loads(s))
            except json.JSONDecodeError as e:
                print(repr(s), type(e).__name__, e)
        try:
            json.loads("[")
        except ValueError as e:
            print("as ValueError:", e, repr(e))
        try:
            json.loads(5)
        except TypeError as e:
            print(e)
        try:
            json.loads("{")
        except JSONDecodeError as e:
            print("imported:", e)
        json.loads("[1, 2")
    ''')


def test_dump_and_load_through_file_objects(same_as_cpython):
    same_as_cpython('''
        import json
        class Sink:
            def __init__(self):
                self.parts = []
            def write(self, s):
                self.parts.append(s)
            def read(self):
                return "".join(self.parts)
        sink = Sink()
        json.dump({"a": [1, 2], "b": "c"}, sink, indent=4)
        print(sink.read())
        print(json.load(sink))
    ''')


def test_decode_error_attributes(same_as_cpython):
    """JSONDecodeError's msg, doc, pos, lineno and colno; its args and repr hold the message only."""
    same_as_cpython('''
        import json
        for bad in ['{"a":\\n  x}', '[1, 2', '', '{"a" 1}', '[1,]', '"abc']:
            try:
                json.loads(bad)
            except json.JSONDecodeError as e:
                print(repr(e), e.args, e.msg, repr(e.doc), e.pos, e.lineno, e.colno, str(e))
    ''')
