"""User decorators on methods and nested functions (lower/classes.py `_decorated_trampoline`):
functools.wraps, decorators with arguments, stacked decorators, combined with
@staticmethod/@classmethod/@property, attributes set on functions."""
from portalis.api import translate


def test_decorated_methods(same_as_cpython):
    same_as_cpython('''
        import functools

        def logged(f):
            @functools.wraps(f)
            def wrapper(*args, **kwargs):
                print("call", f.__name__, len(args), sorted(kwargs))
                return f(*args, **kwargs)
            return wrapper

        def times(n):
            def deco(f):
                def inner(*a, **k):
                    return [f(*a, **k) for _ in range(n)]
                return inner
            return deco

        def tag(f):
            f.tagged = True
            return f

        class Account:
            rate = 2
            def __init__(self, owner):
                self.owner = owner
                self.balance = 0

            @logged
            def deposit(self, amount, note=""):
                self.balance += amount
                return self.balance

            @times(2)
            @logged
            def ping(self):
                return self.owner

            @staticmethod
            @logged
            def helper(x):
                return x * 10

            @classmethod
            @logged
            def make(cls, owner):
                return cls(owner)

            @property
            @logged
            def doubled(self):
                return self.balance * self.rate

            @tag
            def plain(self):
                return "plain"

            def __repr__(self):
                return f"Account({self.owner!r}, {self.balance})"

        a = Account("ann")
        print(a.deposit(5), a.deposit(3, note="x"), a.ping(), Account.helper(4), a.helper(1))
        b = Account.make("bob")
        print(b, a.doubled, a.plain(), Account.plain.tagged)
        print(Account.deposit.__name__, a.deposit.__name__)
        m = a.deposit
        print(m(1))

        class Savings(Account):
            @logged
            def deposit(self, amount, note=""):
                return super().deposit(amount * 2)
        s = Savings("sue")
        print(s.deposit(4), s)
        try:
            a.deposit()
        except TypeError as e:
            print("TypeError", e)
        a.missing()
    ''')


def test_decorated_nested_functions_and_function_attributes(same_as_cpython):
    same_as_cpython('''
        import functools

        def logged(f):
            @functools.wraps(f)
            def wrapper(*args, **kwargs):
                print("call", f.__name__, args[1:], kwargs)
                return f(*args, **kwargs)
            return wrapper

        def repeat(n):
            def deco(f):
                def inner(*a):
                    return [f(*a) for _ in range(n)]
                return inner
            return deco

        def outer():
            @logged
            def helper(x, y=2):
                return x * y
            @repeat(2)
            @logged
            def twice(x):
                return x + 1
            return helper(None, 3), twice(None, 5)

        print(outer())
        print(logged.__name__)

        def tag(f):
            f.tagged = True
            return f
        @tag
        def g():
            return 1
        print(g.tagged, g())
    ''')


def test_decorator_applied_to_a_staticmethod_object_is_a_diagnostic():
    result = translate("def deco(f):\n    return f\nclass A:\n    @deco\n    @staticmethod\n    def f():\n        return 1\n"
                       "print(A.f())\n")
    assert not result.ok
    assert any("put @staticmethod" in d.hint for d in result.diagnostics)
