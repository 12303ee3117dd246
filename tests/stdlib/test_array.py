"""array.array: typed items with CPython's range errors, list-like methods, slicing, bytes."""


def test_array(same_as_cpython):
    same_as_cpython('''
        from array import array
        import array as arr
        a = array("i", [1, 2, 3])
        a.append(4)
        a.extend([5, 6])
        a.insert(0, 0)
        a[1] = 10
        print(a, len(a), a[2], a[-1], a[1:3], a.pop(), a.pop(0), a, a.index(3), a.count(3), a.typecode, a.itemsize)
        a.remove(10)
        a.reverse()
        print(a, a.tolist(), list(a), sum(a), 3 in a, a + array("i", [9]), a * 2, a == array("i", [5, 4, 3, 2]), bool(array("d")))
        d = arr.array("d", [1, 2.5])
        f = array("f", [0.1, 0.2])
        print(d, f, f[0], array("u", "héllo"), array("b", b"\\x01\\xff"), array("B", [1, 2]).tobytes(), array("h", array("h", [1, -1]).tobytes()))
        b = array("b")
        b += array("b", [1, 2])
        print(b, repr(array("q")), sorted(array("i", [3, 1, 2])), max(d))
        for bad in [lambda: array("b", [200]), lambda: array("B", [-1]), lambda: array("H", [70000]), lambda: array("I", [-1]), lambda: array("z"),
                    lambda: array("i", [1.5]), lambda: a + array("d"), lambda: a.remove(99), lambda: array("i")[0], lambda: a.index(77)]:
            try:
                print(bad())
            except (OverflowError, ValueError, TypeError, IndexError) as e:
                print(type(e).__name__, e)
    ''')
