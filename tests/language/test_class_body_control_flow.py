"""Loops, ifs, try and with in class bodies (frontend/class_bodies.py), and a namedtuple
call as a base (frontend/desugar.py `_name_namedtuple_bases`)."""
from portalis.api import translate


def test_control_flow_in_a_class_body(same_as_cpython):
    same_as_cpython('''
        DEBUG = False

        class Palette:
            """Colours."""
            names = []
            for c in "rgb":
                names.append(c.upper())
            if DEBUG:
                level = 10
            else:
                level = 1
            size = len(names) * level
            table = {}
            i = 0
            while i < 3:
                table[names[i]] = i
                i += 1
            try:
                bad = int("x")
            except ValueError:
                bad = -1
            if size > 100:
                huge = True

            def describe(self, n=size):
                return f"{self.names} {self.level} {n} {self.table}"

        print(Palette().describe(), Palette.size, Palette.bad, Palette.i)
        print(Palette.__doc__)

    ''')


def test_namedtuple_call_as_a_base(same_as_cpython):
    same_as_cpython('''
        from collections import namedtuple
        Base = namedtuple('Base', 'lo hi')
        class I(namedtuple("Base", "lo hi")):
            def width(self):
                return self.hi - self.lo
        i = I(1, 5)
        print(i, i.width(), i.lo, i[1], len(i))
    ''')


def test_class_body_name_bound_on_some_paths_and_read_is_a_diagnostic():
    result = translate("class A:\n    for c in 'ab':\n        pass\nprint(A.c)\n")
    assert not result.ok
    assert any("body of class A" in d.message for d in result.diagnostics)


def test_other_computed_bases_are_diagnostics():
    result = translate("def make():\n    return object\nclass B(make()):\n    pass\nprint(B)\n")
    assert not result.ok
    assert any("only named classes" in d.message for d in result.diagnostics)
