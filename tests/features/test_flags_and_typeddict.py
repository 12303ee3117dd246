"""enum.Flag/IntFlag (combination, membership, iteration, CPython's names and reprs) and
typing.TypedDict classes used as dict constructors."""


def test_flag_and_intflag(same_as_cpython):
    same_as_cpython('''
        from enum import Flag, IntFlag, auto
        class Perm(Flag):
            R = auto()
            W = auto()
            X = auto()
            RW = R | W
        class P2(IntFlag):
            A = 1
            B = 2
            C = 8
        rw = Perm.R | Perm.W
        print(rw, repr(rw), Perm.R in rw, repr(Perm.R | Perm.X), str(Perm.R | Perm.X), repr(~Perm.R), repr(Perm(0)), str(Perm(0)))
        print(bool(Perm(0)), list(Perm), list(rw), len(rw), Perm(5), Perm.RW, Perm.RW is rw, rw.name, (Perm.R | Perm.X).name, Perm.R.value)
        print(repr(Perm.R & Perm.W), Perm.X in rw, repr(rw ^ Perm.R), {Perm.R: "read"}[Perm.R], Perm.R == Perm.R, Perm.R != Perm.W)
        print(P2.A | P2.B, repr(P2.A | P2.B), P2.A | 4, repr(P2.A | 4), P2.A == 1, P2.C + 1, repr(~P2.A), list(P2), P2(3))
        print(P2.A & P2.B, repr(P2.A & P2.B), sorted([P2.C, P2.A]), 2 | P2.A, P2.B * 3)
        perms = Perm(0)
        for p in (Perm.W, Perm.X):
            perms |= p
        print(repr(perms), [p.name for p in perms])
    ''')


def test_typed_dict(same_as_cpython):
    same_as_cpython('''
        from typing import TypedDict
        class Movie(TypedDict):
            name: str
            year: int
        class Opt(TypedDict, total=False):
            x: int
        m: Movie = {"name": "Blade Runner", "year": 1982}
        m2 = Movie(name="x", year=1)
        m2["year"] += 1
        print(m, m2, m["year"], Opt(), Opt(x=1) == {"x": 1}, type(m2).__name__)
    ''')
