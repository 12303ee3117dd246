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


def test_a_module_level_annotation_naming_nothing_raises_name_error(same_as_cpython):
    # CPython evaluates module-level annotations (found by the grammar fuzzer: `ifA:A` is
    # the annotated name `ifA`); names defined somewhere, built-ins and strings are fine.
    same_as_cpython('''
        from typing import List
        class Node:
            pass
        x: List[Node] = []
        y: int
        z: "Forward" = 3
        print(x, z)
        def f(a: int) -> None:
            local: Undefined = 1
            print(a, local)
        f(2)
        w: dict[str, Missing] = {}
        print("not reached")
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
        print("%i|%5d|%-30i|%i" % (10**20, -10**19, 2**70, -2**80))
    ''')


def test_builtins_portalis_lacks_are_diagnosed_at_translation():
    source = textwrap.dedent('''
        data = memoryview(b"ab")
        print(float.fromhex("0x1p4"))
    ''')
    result = translate(source, "prog.py")
    assert not result.ok
    messages = [d.message for d in result.diagnostics]
    assert any("memoryview" in m for m in messages) and any("fromhex" in m for m in messages), messages
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


def test_math_combinatorics_grow_past_64_bits(same_as_cpython):
    """math.comb/perm results are exact big ints, never an OverflowError CPython lacks."""
    same_as_cpython('''
        from math import comb, factorial, perm
        print(comb(100, 50), comb(5, 2), comb(3, 5), perm(30, 20), perm(5), factorial(30))
        print(max(comb(100, k) * factorial(99) // factorial(k - 1) for k in range(1, 100)))
    ''')


def test_typing_names_function_attributes_and_unbound_globals(same_as_cpython):
    same_as_cpython('''
        from collections import namedtuple
        from typing import TypeVar, Tuple, List, Optional, Dict, cast
        T = TypeVar("T")
        Square = Tuple[Tuple[str, ...], ...]
        print(T, Square, Optional[int], Dict[str, List[T]], cast(int, 3))
        try:
            List[int]([1, 2])
        except TypeError as e:
            print("TypeError", e)
        Circle = Cir = namedtuple('Circle', 'x, y, r')
        print(Cir(1, 2, 3), Circle is Cir)
        def q(n):
            """Hofstadter's Q sequence, memoised on the function."""
            while len(q.seq) <= n:
                q.seq.append(q.seq[-q.seq[-1]] + q.seq[-q.seq[-2]])
            return q.seq[n]
        try:
            q(5)
        except AttributeError as e:
            print("AttributeError", e)
        q.seq = [None, 1, 1]
        print([q(i) for i in range(1, 11)], q.__doc__)
        def first():
            """The first one."""
            return 1
        def gen():
            """A generator."""
            yield 1
        print([f.__doc__ for f in [first, gen, lambda: 0]])
        try:
            xrange
        except NameError:
            xrange = range
        def total(n):
            return sum(xrange(n))
        print(total(5), list(map(range, [2, 3])), range)
        def late():
            return later_global
        try:
            late()
        except NameError as e:
            print("NameError", e)
        later_global = 7
        print(late())
    ''')


def test_generator_loop_left_from_an_inner_loops_else(same_as_cpython):
    same_as_cpython('''
        def firsts(n):
            while True:
                yield n
                for d in (2, 3, 5):
                    if n % d == 0:
                        break
                else:
                    break
                n //= d
        print(list(firsts(360)), list(firsts(7)))
    ''')


def test_python2_fallbacks_in_try_take_the_handler_as_cpython(same_as_cpython):
    """`try: from itertools import izip` / `zip = itertools.izip` fail in CPython 3, which
    runs the handler: so does the translation (the missing name is not an error)."""
    same_as_cpython('''
        import itertools
        from fractions import Fraction
        try:
            from itertools import izip as zip
        except ImportError:
            pass
        try: zip = itertools.izip
        except: pass
        try:
            import cPickle as pickle
        except (ImportError, AttributeError):
            pickle = None
        print(list(zip("ab", [1, 2])), pickle)
        print(divmod(Fraction(7, 2), 1), divmod(7, Fraction(2, 3)))
    ''')


def test_raising_an_undefined_name_is_a_name_error_where_it_runs(same_as_cpython):
    same_as_cpython('''
        def check(pos):
            if pos < 0: raise Error("bad position")
            if pos > 9: raise Missing
            return pos
        print(check(3))
        for p in (-1, 10):
            try:
                check(p)
            except NameError as e:
                print(e)
    ''')
