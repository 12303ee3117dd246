"""A nested function's name before its `def` has run (lower/module.py `_before_def`):
calling it raises CPython's UnboundLocalError, or NameError from a closure."""


def test_nested_function_called_before_its_def(same_as_cpython):
    same_as_cpython('''
        def direct():
            try:
                g()
            except UnboundLocalError as e:
                print("UnboundLocalError", e)
            def g():
                return 1
            return g()

        def via_closure():
            def h():
                return g()
            try:
                h()
            except NameError as e:
                print(type(e).__name__, e)
            def g():
                return 2
            return h()

        def mutual(n):
            def even(k):
                return True if k == 0 else odd(k - 1)
            def odd(k):
                return False if k == 0 else even(k - 1)
            return even(n)

        print(direct(), via_closure(), mutual(7))
        def f():
            g()
            def g():
                return 1
        f()
    ''')
