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
                print("other", repr(e), e)

        def cleanup_then_propagate():
            try:
                raise ValueError("inner")
            finally:
                print("finally before propagating")

        try:
            cleanup_then_propagate()
        except ValueError as e:
            print("caller caught", e)

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
                print(label, repr(e), e)

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


def test_builtins_reject_wrong_types_like_cpython(same_as_cpython):
    """Misused built-ins raise CPython's exception type with CPython's message."""
    same_as_cpython('''
        def show(label, thunk):
            try:
                print(label, repr(thunk()))
            except Exception as e:
                print(label, repr(e))

        show("len int", lambda: len(5))
        show("iter int", lambda: list(7))
        show("sorted mixed", lambda: sorted([1, None]))
        show("min empty", lambda: min([]))
        show("min args", lambda: min(1))
        show("int list", lambda: int([1]))
        show("int base", lambda: int("12", 1))
        show("float none", lambda: float(None))
        show("hash list", lambda: {[1]: 2})
        show("set list", lambda: {[1]})
        show("list * float", lambda: [1] * 2.0)
        show("str * str", lambda: "a" * "b")
        show("neg shift", lambda: 1 << -1)
        pair = [1, 2]
        show("index str", lambda: pair["a"])
        show("index float", lambda: pair[1.0])
        show("tuple assign", lambda: (1, 2)[5])
        show("str item", lambda: "abc"[1:2][5])
        show("dict key list", lambda: {}.get([1]))
        show("chr big", lambda: chr(0x110000))
        show("ord two", lambda: ord("ab"))
        show("round str", lambda: round("1"))
        show("abs str", lambda: abs("x"))
        show("sum str", lambda: sum(["a", "b"]))
        show("join ints", lambda: ",".join([1, 2]))
        show("pop missing", lambda: {}.pop("k"))
        show("remove missing", lambda: set().remove(3))
        show("unpack int", lambda: [a for a, b in [1]])
        show("neg repeat", lambda: "ab" * -1)
        show("cmp str int", lambda: "a" < 1)
        show("cmp list tuple", lambda: [1] < (1,))
        show("divmod str", lambda: divmod("a", 1))
        show("range float", lambda: range(1.5))
        show("range zero step", lambda: range(1, 2, 0))
        show("zip", lambda: list(zip([1, 2], "abc", range(9))))
        show("isinstance", lambda: [isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, float)), isinstance("s", list)])
        show("bool of", lambda: [bool(x) for x in ["", "0", 0, None]])
        show("int of float str", lambda: int(float("1e3")))
        show("float of int str", lambda: float("12"))
        show("str of", lambda: [str(x) for x in [[], {}, (), set(), None, "s"]])
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
