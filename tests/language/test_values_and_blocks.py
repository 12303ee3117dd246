"""Values and definitions that used to translate and then fail: generic aliases as
values, `...`, classes in module-level blocks, methods and functions named `_` or
defined twice, containers a builtin must reverse; built-ins Portalis lacks are a
diagnostic, never a NameError at run time."""
import textwrap

from portalis.api import translate


def test_generic_aliases_and_ellipsis_are_values(same_as_cpython):
    same_as_cpython('''
        Matrix = list[list[int]]
        Pair = tuple[int, int]
        def ident(n: int) -> Matrix:
            return [[int(i == j) for j in range(n)] for i in range(n)]
        print(ident(2), Matrix, Pair, tuple[int, ...], dict[str, list[float]], set[str])
        x: Pair = (1, 2)
        print(x, Matrix(), list[int]("ab"), Pair == tuple[int, int], list[None])
        Grid = dict[tuple[int, int], str]
        g: Grid = {}
        print(Grid, g, ..., Ellipsis, ... is Ellipsis, [...])
        def stub():
            ...
        print(stub())
    ''')


def test_classes_in_blocks_and_names_defined_twice(same_as_cpython):
    same_as_cpython('''
        from collections import deque
        if True:
            class A:
                pass
        print(A().__class__.__name__, A)
        try:
            class B:
                def m(self):
                    return 2
        except Exception:
            pass
        print(B().m())
        class K:
            def _(self):
                return 1
            def _(self):
                return 2
            def twice(self, a):
                return a
            def twice(self, a, b=10):
                return a + b
        print(K()._(), K().twice(1), K().twice(1, b=2))
        def _(x):
            return x
        def _(x):
            return x * 2
        for _ in range(2):
            pass
        print([_ for _ in range(3)], list(reversed(deque([1, 2, 3]))), "%i|%5i|%-3i|" % (3, 4, 5))
    ''')


def test_builtins_portalis_lacks_are_diagnosed_at_translation():
    source = textwrap.dedent('''
        data = bytes([1, 0])
        print(int.from_bytes([1, 0], "big"))
    ''')
    result = translate(source, "prog.py")
    assert not result.ok
    messages = [d.message for d in result.diagnostics]
    assert any("bytes" in m for m in messages) and any("from_bytes" in m for m in messages), messages
    assert not any("internal error" in m for m in messages)


def test_isinstance_with_tuples_and_type_values(same_as_cpython):
    """isinstance with tuples of classes, classes held in variables, type() compared."""
    same_as_cpython('''
        class A: pass
        class B(A): pass
        class C: pass
        xs = [A(), B(), C(), 1, "s", 2.5, [1]]
        for x in xs:
            print(isinstance(x, (A, C)), isinstance(x, (int, float)), isinstance(x, (str, list, B)))
        t = int
        print(isinstance(3, t), [isinstance(v, t) for v in (1, "a")])
        kinds = (A, int)
        print(isinstance(B(), kinds), type(3) == int, type(B()) is B, type(B()) == A)
        try:
            isinstance(1, 3)
        except TypeError as e:
            print(e)
    ''')
