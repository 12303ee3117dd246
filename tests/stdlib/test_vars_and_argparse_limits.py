"""vars(obj) on instances and argparse namespaces; argparse features the runtime does not
implement are translation-time diagnostics at their line, not failures at run time."""
import textwrap

from portalis.api import translate


def test_vars_of_objects_and_namespaces(same_as_cpython):
    same_as_cpython('''
        import argparse

        class Point:
            def __init__(self, x, y):
                self.x = x
                self.y = y

        p = Point(1, 2)
        print(vars(p))
        p.z = [3]
        print(sorted(vars(p).items()))
        parser = argparse.ArgumentParser(prog="tool")
        parser.add_argument("--n", type=int, default=3)
        parser.add_argument("name", nargs="?", default="w")
        args = parser.parse_args(["--n", "5"])
        print(vars(args))
        print({k: v for k, v in vars(args).items() if v is not None})
        try:
            vars(5)
        except TypeError as e:
            print(e)
    ''')


def test_vars_without_argument_is_a_diagnostic():
    result = translate("def f():\n    x = 1\n    return vars()\n", "prog.py")
    assert [(d.line, d.message) for d in result.diagnostics if d.severity == "error"] == [(3, "vars() is not supported")]


def test_unsupported_argparse_features_are_diagnostics():
    result = translate(textwrap.dedent('''
        import argparse
        from argparse import ArgumentParser as AP

        class Custom(argparse.Action):
            pass

        p = argparse.ArgumentParser(prog="x", prefix_chars="+")
        g = p.add_mutually_exclusive_group()
        p.add_argument("--a", action=Custom)
        p.add_argument("--b", action="store_true")
        p.add_argument("--c", action=argparse.BooleanOptionalAction)
        q = AP(formatter_class=argparse.RawTextHelpFormatter)
        r = AP("prog", None, None, None, [], argparse.HelpFormatter, "+")
    '''), "prog.py")
    found = sorted((d.line, d.message) for d in result.diagnostics if d.severity == "error")
    assert found == [
        (8, "argparse.ArgumentParser(prefix_chars=...) is not supported"),
        (9, "argparse's add_mutually_exclusive_group() is not supported"),
        (10, "a custom argparse Action class is not supported"),
        (14, "argparse.ArgumentParser(prefix_chars=...) is not supported"),
    ]
