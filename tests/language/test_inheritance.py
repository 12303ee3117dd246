"""Multiple inheritance (lower/classes.py c3_linearisation, runtime classes.rs along_mro):
C3 method resolution order, mixins, super() along the MRO, __mro__, typing-only bases,
and CPython's TypeError for an inconsistent order."""


def test_multiple_inheritance_mro_and_super(same_as_cpython):
    same_as_cpython('''

        class Base:
            def __init__(self):
                print("Base.__init__")
            def hello(self):
                return "Base"

        class Left(Base):
            def __init__(self):
                print("Left.__init__")
                super().__init__()
            def hello(self):
                return "Left>" + super().hello()

        class Right(Base):
            def __init__(self):
                print("Right.__init__")
                super().__init__()
            def hello(self):
                return "Right>" + super().hello()
            def only_right(self):
                return "only right"

        class Both(Left, Right):
            def __init__(self):
                print("Both.__init__")
                super().__init__()
            def hello(self):
                return "Both>" + super().hello()

        b = Both()
        print(b.hello(), b.only_right())
        print([c.__name__ for c in Both.__mro__])
        print(isinstance(b, Right), isinstance(b, Left), issubclass(Both, Base))

        class JsonMixin:
            def to_json(self):
                return "{" + ", ".join(f'"{k}": {getattr(self, k)!r}' for k in self.fields) + "}"

        class ReprMixin:
            def __repr__(self):
                return type(self).__name__ + "(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self.fields) + ")"

        class Point(JsonMixin, ReprMixin):
            fields = ("x", "y")
            def __init__(self, x, y):
                self.x, self.y = x, y

        p = Point(1, 2)
        print(p, p.to_json())


        class Sub(Both):
            def hello(self):
                return "Sub>" + super().hello()
        print(Sub().hello())

        class A: pass
        class B(A): pass
        try:
            class C(A, B): pass
        except TypeError as e:
            print("TypeError:", e)
    ''')


def test_c3_linearisation_matches_cpython():
    from portalis.lower.classes import c3_linearisation

    class O: pass
    class A(O): pass
    class B(O): pass
    class C(O): pass
    class D(O): pass
    class E(O): pass
    class K1(A, B, C): pass
    class K2(D, B, E): pass
    class K3(D, A): pass
    class Z(K1, K2, K3): pass

    bases = {c.__name__: [b.__name__ for b in c.__bases__ if b is not object]
             for c in (O, A, B, C, D, E, K1, K2, K3, Z)}
    assert c3_linearisation("Z", bases) == [c.__name__ for c in Z.__mro__ if c is not object]
    assert c3_linearisation("X", {"A": [], "B": ["A"], "X": ["A", "B"]}).startswith(
        "Cannot create a consistent method resolution\norder (MRO) for bases A, B")
