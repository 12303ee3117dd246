"""Reads of unbound variables raise as CPython does: UnboundLocalError in a function
(read before any binding on that path, or after `del`), NameError at module level;
variables always bound before their reads keep their plain Rust locals."""
from portalis.api import translate


def test_local_read_on_a_path_that_never_bound_it(same_as_cpython):
    same_as_cpython('''
        def pick(flag):
            if flag:
                chosen = "yes"
            return chosen

        def last(n):
            for i in range(n):
                pass
            return i

        def loop_until(limit):
            k = 0
            while k < limit:
                found = k * 2
                k += 1
            return found

        def caught(kind):
            try:
                if kind:
                    raise ValueError(kind)
                value = 1.5
            except ValueError as e:
                print("handled", e)
            return value

        print(pick(True), last(3), loop_until(2), caught(""))
        for call in (lambda: pick(False), lambda: last(0), lambda: loop_until(0), lambda: caught("bad")):
            try:
                print(call())
            except UnboundLocalError as e:
                print(type(e).__name__, e)
            except NameError as e:
                print("a NameError, not UnboundLocalError:", e)
    ''')


def test_read_before_the_first_binding_and_augmented_assignment(same_as_cpython):
    same_as_cpython('''
        total = 10
        def shadow():
            print(total)
            total = 1
            return total

        def bump(flag):
            if flag:
                count = 0
            count += 1
            return count

        def names(flag):
            if flag:
                items = ["a"]
            items.append("b")
            return items

        print(bump(True), names(True))
        for call in (shadow, lambda: bump(False), lambda: names(False)):
            try:
                call()
            except UnboundLocalError as e:
                print(e)
    ''')


def test_del_then_read_and_except_name_cleared(same_as_cpython):
    same_as_cpython('''
        def gone():
            data = [1, 2]
            del data
            return data

        def twice():
            n = 3
            del n
            del n

        def rebound():
            s = "x"
            del s
            s = "y"
            return s

        def handler_name():
            try:
                1 / 0
            except ZeroDivisionError as err:
                print("in handler", err)
            return err

        print(rebound())
        for call in (gone, twice, handler_name):
            try:
                call()
            except UnboundLocalError as e:
                print(type(e).__name__, e)
    ''')


def test_module_level_names_raise_name_error(same_as_cpython):
    same_as_cpython('''
        import sys
        answer = 42
        del answer
        try:
            print(answer)
        except NameError as e:
            print(type(e).__name__, e)
        if len(sys.argv) > 5:
            maybe = 1
        try:
            print(maybe)
        except NameError as e:
            print(e)
        counter = 1
        def read_counter():
            return counter
        print(read_counter())
        del counter
        try:
            read_counter()
        except NameError as e:
            print("from a function:", e)
        print(len([1]))  # a builtin name is never unbound
    ''')


def test_comprehension_reads_an_unbound_enclosing_local(same_as_cpython):
    same_as_cpython('''
        def scaled(flag, n):
            if flag:
                factor = 3
            return [factor * i for i in range(n)]
        print(scaled(True, 3))
        try:
            scaled(False, 2)
        except NameError as e:
            print(type(e).__name__, e)
    ''')


def test_uncaught_unbound_local_error(same_as_cpython):
    same_as_cpython('''
        def f(flag):
            if flag:
                x = 1
            print("before")
            print(x)
        f(True)
        f(False)
    ''')


def test_always_bound_locals_get_no_flag():
    """Locals bound on every path before each read lower to plain Rust locals."""
    rust = translate('''
def f(n):
    if n > 0:
        sign = 1
    else:
        sign = -1
    for i in range(n):
        sign += i
    try:
        value = sign * 2
    except ValueError:
        value = 0
    while True:
        last = value
        break
    return last
print(f(3))
''', "prog.py").rust_code
    assert "require_bound" not in rust and "_bound" not in rust, rust
