"""Exceptions: raising, catching, else/finally, runtime errors and uncaught tracebacks."""
import pytest


def test_try_except_else_finally(same_as_cpython):
    """Handlers match by class or tuple; else runs without an exception; finally always runs."""
    same_as_cpython('''
        def parse(text):
            try:
                value = int(text)
            except ValueError as e:
                print("bad:", e)
                return None
            else:
                print("parsed", value)
                return value
            finally:
                print("finally for", repr(text))

        print(parse("12"), parse("x1"))

        def risky(kind):
            if kind == "key":
                return {}["k"]
            if kind == "index":
                return [][0]
            if kind == "zero":
                return 1 // 0
            if kind == "type":
                return "a" + 1
            raise RuntimeError("custom " + kind)

        for kind in ["key", "index", "zero", "type", "other"]:
            try:
                risky(kind)
            except (KeyError, IndexError) as e:
                print("lookup error", repr(e), e)
            except ZeroDivisionError:
                print("division")
            except Exception as e:
                print("other", type(e).__name__, e)

        try:
            try:
                raise ValueError("inner")
            finally:
                print("inner finally")
        except ValueError as e:
            print("outer caught", e)

        def finally_in_loop():
            for i in range(3):
                try:
                    if i == 1:
                        continue
                    if i == 2:
                        break
                    print("body", i)
                finally:
                    print("cleanup", i)
            return "done"

        print(finally_in_loop())
        try:
            raise KeyError("k")
        except LookupError as e:
            print("LookupError catches KeyError:", e)
        try:
            raise ValueError
        except ValueError as e:
            print("bare class:", repr(str(e)))
        try:
            try:
                1 / 0
            except ZeroDivisionError:
                raise
        except ArithmeticError as e:
            print("re-raised:", e)
    ''')


def test_runtime_errors_messages(same_as_cpython):
    """Built-in operations raise the same exception types and messages as CPython."""
    same_as_cpython('''
        def show(label, thunk):
            try:
                print(label, thunk())
            except Exception as e:
                print(label, type(e).__name__ + ":", e)

        show("index", lambda: [1, 2][5])
        show("tuple index", lambda: (1,)[-3])
        show("str index", lambda: "ab"[2])
        show("key", lambda: {"a": 1}["b"])
        show("int key", lambda: {1: 2}[3])
        show("int()", lambda: int("x"))
        show("int() float text", lambda: int("1.5"))
        show("float()", lambda: float("abc"))
        show("zero", lambda: 5 // 0)
        show("float zero", lambda: 5.0 / 0)
        show("str + int", lambda: "a" + 1)
        show("int + str", lambda: 1 + "a")
        show("list.index", lambda: [1].index(2))
        show("str.index", lambda: "abc".index("z"))
        show("chr", lambda: chr(-1))
        show("unpack", lambda: dict([(1, 2, 3)]))
        show("next", lambda: next(iter([])))
        show("ok", lambda: int("  -12 "))
    ''')


@pytest.mark.parametrize("body", [
    "items = [1, 2, 3]\nprint('before')\nprint(items[3])\n",
    "ages = {'ann': 3}\nprint(ages['bob'])\n",
    "print(int('twelve'))\n",
    "def ratio(a, b):\n    return a / b\n\nprint(ratio(1, 2))\nprint(ratio(1, 0))\n",
    "raise ValueError('bad value: ' + str(42))\n",
    "class AppError(Exception):\n    pass\n\nprint('start')\nraise AppError('custom failure')\n",
    "assert 1 > 2, 'math is broken'\n",
], ids=["IndexError", "KeyError", "ValueError", "ZeroDivisionError", "raise", "custom-class", "assert"])
def test_uncaught_exception_exit_status_and_message(same_as_cpython, body):
    """An uncaught exception prints stdout so far, ends stderr with `Type: message` and exits 1."""
    result = same_as_cpython(body)
    assert result.rust.returncode == 1
