"""`match` statements (frontend/match.py): every pattern kind, guards, bindings, fall-through."""


def test_match_all_pattern_kinds(same_as_cpython):
    same_as_cpython('''
        from dataclasses import dataclass

        @dataclass
        class Point:
            x: int
            y: int

        class Circle:
            __match_args__ = ("r",)
            def __init__(self, r):
                self.r = r

        def describe(v):
            match v:
                case 0 | 1:
                    return "small"
                case None:
                    return "none"
                case True:
                    return "true"
                case int(n) if n < 0:
                    return f"negative {n}"
                case int() | float():
                    return f"number {v}"
                case str() as s:
                    return "str " + s
                case [x, y]:
                    return f"pair {x} {y}"
                case [first, *rest]:
                    return f"first {first} rest {rest}"
                case {"op": "add", "args": [a, b], **others}:
                    return f"add {a + b} {others}"
                case {"op": op}:
                    return f"op {op}"
                case Point(x=0, y=yy):
                    return f"on y axis {yy}"
                case Point(a, b):
                    return f"point {a},{b}"
                case Circle(r):
                    return f"circle {r}"
                case _:
                    return "other"

        for v in [0, 1, None, True, -5, 7, 2.5, "hi", [1, 2], [1, 2, 3], [], {"op": "add", "args": [1, 2], "k": 3},
                  {"op": "neg"}, Point(0, 4), Point(1, 2), Circle(3), (9,), {1: 2}]:
            print(describe(v))
        cmd = "go north"
        match cmd.split():
            case ["go", direction]:
                print("going", direction)
            case _:
                print("?")
    ''')
