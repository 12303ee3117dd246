"""copy.copy and copy.deepcopy: containers, instances, aliasing, cycles, custom hooks."""


def test_copy_and_deepcopy(same_as_cpython):
    same_as_cpython('''
        import copy
        from collections import defaultdict, Counter, deque
        a = [1, [2, 3], {"k": [4]}]
        b = copy.copy(a)
        c = copy.deepcopy(a)
        b[1].append(9)
        c[2]["k"].append(5)
        print(a, b, c, b is a, b[1] is a[1], c[1] is a[1])
        d = defaultdict(list)
        d["x"].append(1)
        e = copy.deepcopy(d)
        e["y"].append(2)
        print(d, e)
        print(copy.copy(Counter("abca")), copy.deepcopy({1, 2}), copy.copy((1, [2])), copy.deepcopy("s"))
        class Node:
            def __init__(self, v):
                self.v = v
                self.children = []
            def __repr__(self):
                return f"Node({self.v}, {self.children})"
        root = Node(1)
        root.children.append(Node(2))
        root.children.append(root.children[0])
        r2 = copy.deepcopy(root)
        r2.children[0].v = 7
        print(root, r2, r2.children[0] is r2.children[1], r2 is root)
        r3 = copy.copy(root)
        r3.v = 5
        print(root.v, r3.v, r3.children is root.children)
        cyc = [1]
        cyc.append(cyc)
        cc = copy.deepcopy(cyc)
        print(cc[1] is cc, cc is cyc, len(cc))
        shared = [0]
        pair = [shared, shared]
        p2 = copy.deepcopy(pair)
        print(p2[0] is p2[1], p2[0] is shared)
        t = (1, 2, "x")
        print(copy.deepcopy(t) is t, copy.deepcopy((1, [2])))
        q = deque([1, [2]])
        q2 = copy.copy(q)
        q2.append(3)
        print(q, q2)
        class Custom:
            def __init__(self):
                self.n = 1
            def __copy__(self):
                print("custom copy")
                return Custom()
            def __deepcopy__(self, memo):
                print("custom deepcopy")
                return Custom()
        copy.copy(Custom())
        copy.deepcopy([Custom()])
    ''')
