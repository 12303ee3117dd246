"""Programs that replace `sys.stdout` / `sys.stderr` (to capture output, or to merge the
streams): print, `.write` and the library's own messages (argparse's usage errors and
help) follow the replacement, and `sys.__stdout__` stays the process's stream."""
from __future__ import annotations

from portalis import translate

REDIRECTION = """
    import argparse
    import io
    import sys

    old = sys.stdout
    buffer = io.StringIO()
    sys.stdout = buffer
    print("captured", 1)
    sys.stdout.write("more\\n")
    sys.__stdout__.write("straight to the process\\n")
    sys.stdout = old
    print("got", repr(buffer.getvalue()))

    sys.stderr = sys.stdout
    print("stderr, merged into stdout", file=sys.stderr)
    parser = argparse.ArgumentParser(prog="tool")
    parser.add_argument("count", type=int)
    for words in (["x"], ["--help"], ["3"]):
        try:
            print(parser.parse_args(words))
        except SystemExit as stop:
            print("exit status", stop.code, stop.args)
    sys.stderr = sys.__stderr__
    print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdout is old)

    def quietly(f):
        saved, sys.stdout = sys.stdout, io.StringIO()
        try:
            f()
            return sys.stdout.getvalue()
        finally:
            sys.stdout = saved

    print(repr(quietly(lambda: print("inside", "f", sep="-"))))
    try:
        sys.exit()
    except SystemExit as stop:
        print(repr(stop.code))
    try:
        raise SystemExit(3, "x")
    except SystemExit as stop:
        print(stop.code)
    try:
        sys.exit(3, "x")
    except TypeError as err:
        print(err)
"""


def test_replaced_streams_receive_print_write_and_library_messages(same_as_cpython):
    same_as_cpython(REDIRECTION)


def test_assigning_another_standard_module_name_is_a_diagnostic():
    result = translate("import math\nmath.pi = 3\nprint(math.pi)\n", "prog.py")
    assert not result.ok
    assert any("assigning to math.pi is not supported" in d.message and d.line == 2 for d in result.diagnostics)


LIBRARY_CLASSES = """
    from collections import OrderedDict, deque
    from datetime import date, datetime, timedelta
    import datetime as dt

    class Money:
        def __init__(self, cents):
            self.cents = cents

        @classmethod
        def parse(cls, text):
            return cls(int(text))

    def kind(value):
        if isinstance(value, datetime):
            return "datetime"
        if isinstance(value, date):
            return "date"
        if isinstance(value, (timedelta, deque)):
            return type(value).__name__
        return "other"

    d = date(2024, 1, 2)
    for v in (d, datetime(2024, 1, 1, 12), timedelta(3), deque([1]), OrderedDict(), 3):
        print(kind(v), isinstance(v, dt.date), isinstance(v, OrderedDict))
    classes = [Money, Money]
    print(classes[1].parse("12").cents)
"""


def test_isinstance_with_library_classes_and_classmethods_through_class_values(same_as_cpython):
    same_as_cpython(LIBRARY_CLASSES)
