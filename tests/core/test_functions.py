"""Functions: arguments, recursion, closures, first-class functions and globals."""


def test_arguments_and_defaults(same_as_cpython):
    """Positional, keyword and default arguments bind like CPython."""
    same_as_cpython('''
        def greet(name, greeting="Hello", punct="!"):
            return greeting + ", " + name + punct

        def area(width, height=None):
            if height is None:
                height = width
            return width * height

        print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
        print(area(3), area(3, 4), area(height=2, width=5))

        def stats(values, *, scale=1):
            return min(values) * scale, max(values) * scale

        lo, hi = stats([3, 1, 2], scale=10)
        print(lo, hi, stats([5]))

        def nothing():
            pass

        def early(x):
            if x:
                return
            return "fell through"

        print(nothing(), early(1), early(0))
    ''')


def test_recursion(same_as_cpython):
    """Recursive functions, including mutual recursion and recursion over nested lists."""
    same_as_cpython('''
        def fact(n):
            return 1 if n <= 1 else n * fact(n - 1)

        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        def is_even(n):
            return True if n == 0 else is_odd(n - 1)

        def is_odd(n):
            return False if n == 0 else is_even(n - 1)

        def flatten(items):
            out = []
            for item in items:
                if isinstance(item, list):
                    out.extend(flatten(item))
                else:
                    out.append(item)
            return out

        def hanoi(n, src, dst, via, moves):
            if n:
                hanoi(n - 1, src, via, dst, moves)
                moves.append((src, dst))
                hanoi(n - 1, via, dst, src, moves)
            return moves

        print(fact(10), fact(20), [fib(i) for i in range(15)], is_even(10), is_odd(7))
        print(flatten([1, [2, [3, [4]], 5], [[6]]]), len(hanoi(5, "a", "c", "b", [])), hanoi(2, "a", "c", "b", []))
    ''')


def test_closures_and_lambdas(same_as_cpython):
    """Nested functions and lambdas capture variables; nonlocal rebinds the enclosing one."""
    same_as_cpython('''
        def make_counter():
            count = 0
            def increment(step=1):
                nonlocal count
                count += step
                return count
            return increment

        c1, c2 = make_counter(), make_counter()
        print(c1(), c1(), c1(5), c2())

        def make_multiplier(k):
            return lambda x: x * k

        double, triple = make_multiplier(2), make_multiplier(3)
        print(double(7), triple(7), double("ab"))

        def outer():
            log = []
            def add(item):
                log.append(item)
            add("a")
            add("b")
            return log

        print(outer())

        def compose(f, g):
            def h(x):
                return f(g(x))
            return h

        inc_then_double = compose(double, lambda x: x + 1)
        print(inc_then_double(4))

        def accumulate():
            total = 0
            history = []
            def add(n):
                nonlocal total
                total += n
                history.append(total)
            for n in [3, 4, 5]:
                add(n)
            return total, history

        print(accumulate())
    ''')


def test_functions_as_values(same_as_cpython):
    """Functions stored in containers, passed as arguments and returned."""
    same_as_cpython('''
        def add(a, b):
            return a + b

        def sub(a, b):
            return a - b

        ops = {"+": add, "-": sub, "*": lambda a, b: a * b}
        for sym in ops:
            print(sym, ops[sym](7, 3))

        def apply_all(funcs, value):
            return [f(value) for f in funcs]

        print(apply_all([abs, str, lambda v: v * v, float], -4))
        pipeline = [lambda s: s.strip(), lambda s: s.upper(), lambda s: s.replace(" ", "_")]
        text = "  hello big world "
        for step in pipeline:
            text = step(text)
        print(text)
        print(sorted(["bb", "a", "ccc"], key=len), list(map(add, [1, 2], [10, 20])))
    ''')


def test_module_constants_globals_and_main_guard(same_as_cpython):
    """Module-level constants are visible in functions; global rebinds them."""
    same_as_cpython('''
        LIMIT = 3
        GREETING = "hi"
        counter = 0
        registry = []

        def bump():
            global counter
            counter += 1
            registry.append(counter)
            return counter <= LIMIT

        def main():
            while bump():
                pass
            print(GREETING, counter, registry)

        if __name__ == "__main__":
            main()
            print(__name__)
    ''')
