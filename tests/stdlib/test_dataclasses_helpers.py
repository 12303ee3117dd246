"""dataclasses.fields/asdict/astuple/replace/is_dataclass over desugared dataclasses."""


def test_fields_asdict_astuple_replace(same_as_cpython):
    same_as_cpython('''
        import dataclasses
        from dataclasses import dataclass, asdict, astuple, replace, fields, field
        @dataclass
        class P:
            x: int
            y: int = 0
            tags: list = field(default_factory=list)
        @dataclasses.dataclass(frozen=True)
        class Line:
            a: P
            b: P
            name: str = "l"
        p = P(1, 2, ["a"])
        print(asdict(p), astuple(p), replace(p, y=5), [f.name for f in fields(p)], [f.name for f in fields(P)])
        ln = Line(P(0, 0), P(3, 4, ["t"]))
        d = asdict(ln)
        print(d, astuple(ln), replace(ln, name="m"), dataclasses.is_dataclass(ln), dataclasses.is_dataclass(3))
        d["a"]["tags"].append("changed")
        print(ln.a.tags, p == replace(p), replace(p) is p)
        for bad in [lambda: asdict(3), lambda: replace(p, z=1), lambda: fields(1)]:
            try:
                bad()
            except TypeError as e:
                print(e)
    ''')
