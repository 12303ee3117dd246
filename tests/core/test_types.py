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
