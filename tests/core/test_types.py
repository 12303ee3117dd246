"""Type annotations are accepted and do not change behaviour."""


def test_annotations_are_accepted(same_as_cpython):
    """Builtin generics, typing aliases, Optional, Union and tuple annotations translate."""
    same_as_cpython('''
        from typing import Dict, List, Optional, Tuple, Union

        def total(xs: list[int]) -> int:
            return sum(xs)

        def legacy(xs: List[int], names: Dict[str, int]) -> Tuple[int, str]:
            return len(xs), ",".join(names)

        def lookup(table: dict[str, int], key: str) -> Optional[int]:
            return table.get(key)

        def describe(v: Union[int, str]) -> str:
            return f"<{v}>"

        def pair(p: tuple[int, str]) -> str:
            n, s = p
            return s * n

        def maybe(flag: bool) -> int | None:
            return 1 if flag else None

        counts: dict[str, int] = {"a": 1}
        values: list[float] = [1.5, 2.5]
        empty: Optional[str] = None
        limit: int = 10
        print(total([1, 2, 3]), legacy([1], {"x": 1, "y": 2}), lookup(counts, "a"), lookup(counts, "b"))
        print(describe(3), describe("s"), pair((3, "ab")), maybe(True), maybe(False), values, empty, limit)
    ''')


def test_comparisons_use_the_reflected_method_of_an_instance_on_the_right(same_as_cpython):
    same_as_cpython('''
        class P:
            def __init__(self, n):
                self.n = n
            def __lt__(self, other):
                return self.n < (other.n if isinstance(other, P) else len(other))
            def __gt__(self, other):
                return self.n > (other.n if isinstance(other, P) else len(other))
            def __le__(self, other):
                return "le called"
        print("ab" < P(3), "abcd" < P(3), P(1) < P(2), P(2) > P(1), "x" > P(0), P(1) <= "a", "a" >= P(1))
        try:
            print(P(1) >= 5)
        except TypeError as e:
            print("TypeError", e)
    ''')


def test_getattr_hook_answers_missing_attributes_and_methods(same_as_cpython):
    same_as_cpython('''
        class Example:
            def __init__(self):
                self.real = 1
            def foo(self):
                return "foo"
            def __getattr__(self, name):
                if name.startswith("x"):
                    raise AttributeError(name)
                def method(*args):
                    return f"unknown {name} {args}"
                return method
        e = Example()
        print(e.foo(), e.real, e.grill(), e.ding("dong", 2), hasattr(e, "anything"), hasattr(e, "xyz"))
        try:
            e.xray
        except AttributeError as err:
            print("AttributeError", err)
    ''')
