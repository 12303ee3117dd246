"""operator: the operator functions, and itemgetter/attrgetter/methodcaller objects."""


def test_operator_functions_and_getters(same_as_cpython):
    same_as_cpython('''
        import operator
        from operator import itemgetter, attrgetter
        print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(-7, 2), operator.mod(-7, 3))
        print(operator.pow(2, 10), operator.neg(4), operator.pos(-2), operator.abs(-3.5), operator.invert(5), operator.index(7))
        print(operator.eq(1, 1.0), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2), operator.ne(1, 2))
        print(operator.not_(0), operator.truth([]), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(32, 2))
        print(operator.getitem([1, 2, 3], 1), operator.getitem({"k": 2}, "k"), operator.contains("abc", "b"), operator.concat([1], [2]))
        print(operator.countOf([1, 2, 1], 1), operator.is_(None, None), operator.is_not(1, None))
        pairs = [(1, "b"), (3, "a"), (2, "c")]
        print(sorted(pairs, key=itemgetter(1)), max(pairs, key=operator.itemgetter(0)), sorted(pairs, key=itemgetter(1, 0)))
        print(itemgetter(0, 2)("xyz"), itemgetter("k")({"k": 5}), list(map(itemgetter(1), pairs)), itemgetter(-1)([1, 2]))
        class P:
            def __init__(self, name, age):
                self.name = name
                self.age = age
        class Box:
            def __init__(self, inner):
                self.inner = inner
        ps = [P("ann", 30), P("bob", 25), P("cy", 30)]
        print([p.name for p in sorted(ps, key=attrgetter("age"))], attrgetter("name", "age")(ps[0]))
        print([p.name for p in sorted(ps, key=attrgetter("age", "name"), reverse=True)], attrgetter("inner.name")(Box(ps[1])))
        from functools import reduce
        print(reduce(operator.mul, range(1, 6)), reduce(operator.or_, [1, 2, 8]), sorted({"a": 3, "b": 1}.items(), key=itemgetter(1), reverse=True))
        print(operator.methodcaller("upper")("hi"), list(map(operator.methodcaller("split", ","), ["a,b", "c"])))
        print(operator.methodcaller("replace", "a", "o")("banana"), list(map(operator.neg, [1, -2])))
        try:
            itemgetter(5)([1])
        except IndexError as e:
            print("IndexError:", e)
        try:
            operator.truediv(1, 0)
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
    ''')
