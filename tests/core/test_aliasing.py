"""Reference semantics: names, containers and arguments share objects, as in CPython."""


def test_mutation_through_aliases(same_as_cpython):
    """Assignment binds another name to the same object; copies are independent."""
    same_as_cpython('''
        a = [1, 2]
        b = a
        b.append(3)
        print(a, b, a is b)
        c = a[:]
        c.append(4)
        d = list(a)
        d[0] = "changed"
        print(a, c, d)
        conf = {"debug": False}
        alias = conf
        alias["debug"] = True
        print(conf)
        s = {1}
        t = s
        t.add(2)
        print(s)
        a = a + [9]
        print(a, b)
        b += [10]
        print(b)
    ''')


def test_arguments_are_shared(same_as_cpython):
    """A function that mutates its list argument changes the caller's list; rebinding does not."""
    same_as_cpython('''
        def add_item(items, item):
            items.append(item)

        def rebind(items):
            items = ["new"]
            return items

        def fill(d):
            d["filled"] = True
            d.setdefault("list", []).append(1)

        cart = []
        add_item(cart, "apple")
        add_item(cart, "pear")
        print(cart, rebind(cart), cart)
        state = {}
        fill(state)
        fill(state)
        print(state)
    ''')


def test_objects_in_two_containers(same_as_cpython):
    """One object stored in two containers shows every mutation in both."""
    same_as_cpython('''
        row = [0, 0]
        grid = [row, row]
        grid[0][0] = 1
        print(grid)
        shared = {"hits": 0}
        by_name = {"home": shared}
        by_order = [shared]
        by_order[0]["hits"] += 5
        by_name["home"]["hits"] += 1
        print(shared, by_name, by_order)
        matrix = [[0] * 2] * 2
        matrix[1][1] = 7
        print(matrix)
        inner = [1]
        outer = (inner, inner)
        inner.append(2)
        print(outer)
        groups = {}
        for word in ["ant", "bee", "ape", "bat"]:
            groups.setdefault(word[0], []).append(word)
        first = groups["a"]
        first.append("asp")
        print(groups)
    ''')
