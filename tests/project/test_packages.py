"""Programs of several modules: imports of every form, packages, module-level state run
once in CPython's order, `__name__`, cycles, and the diagnostics for bad imports."""
from __future__ import annotations

import pytest

from portalis import translate_project
from portalis.frontend.project import imports_project_modules


def test_import_forms_and_module_state(project_same_as_cpython):
    project_same_as_cpython({
        "main.py": """
            import util
            from util import sq, Counter as C
            import shapes.round.circle as circ
            from shapes import square
            from shapes.round import circle
            print("main", __name__)
            print(sq(4), util.cube(2), util.TOTAL)
            c = C(3)
            c.bump()
            print(c, util.TOTAL, util.read_total())
            util.TOTAL = 10
            print(util.read_total(), square.area(3), circ.area(1), circle.NAME)
            if __name__ == "__main__":
                print("entry guard runs")
        """,
        "util.py": """
            import math
            print("util loads as", __name__)
            TOTAL = 5

            def sq(x):
                return x * x

            def cube(x):
                return x * sq(x)

            def read_total():
                return TOTAL

            class Counter:
                def __init__(self, n):
                    self.n = n

                def bump(self):
                    global TOTAL
                    self.n += 1
                    TOTAL += 1

                def __repr__(self):
                    return f"Counter({self.n}, {math.floor(2.5)})"

            if __name__ == "__main__":
                print("never: util is imported")
        """,
        "shapes/__init__.py": 'print("shapes package")\nUNIT = 2\n',
        "shapes/square.py": "from . import UNIT\ndef area(s):\n    return s * s * UNIT\n",
        "shapes/round/__init__.py": "",
        "shapes/round/circle.py": """
            from ..square import area as square_area
            from .. import UNIT
            NAME = "circle of " + __name__
            def area(r):
                return round(3.14159 * r * r, 2) + square_area(0) + UNIT
        """,
    })


def test_cycle_and_import_inside_function(project_same_as_cpython):
    project_same_as_cpython({
        "main.py": "import a, math\nprint('main', a.f(), math.floor(2.5))\n",
        "a.py": "import b\nX = 1\ndef f():\n    return b.g() + X\nprint('a loaded')\n",
        "b.py": """
            import a
            def g():
                from a import X
                return a.X * 10 + X
            print("b loaded")
        """,
    })


def test_module_imported_inside_a_function_runs_when_the_import_does(project_same_as_cpython):
    """Its module-level prints come when the function first runs, once; it may be
    imported at top level too, import others (relative, cycles) and be imported by them."""
    project_same_as_cpython({
        "main.py": """
            print("main start")
            import shared
            def report():
                from pkg import tools
                print("tools says", tools.describe(3))
                import pkg.extra as extra
                return extra.LEVEL
            def again():
                from pkg.tools import describe, Counter
                c = Counter()
                c.tick(); c.tick()
                return describe(c.n)
            print("defined")
            print(report(), again(), report())
            print("shared", shared.NAME, shared.helper(), shared.helper())
            import pkg.tools
            print(pkg.tools.PREFIX, pkg.VERSION, shared.late())
        """,
        "shared.py": """
            print("shared top")
            NAME = "shared"
            def helper():
                import cyc
                return cyc.ping(2)
            def late():
                import later
                return later.scaled()
        """,
        "cyc.py": """
            print("cyc loading")
            import shared
            TABLE = [n * n for n in range(4)]
            def ping(n):
                return "pong%d %s %d" % (n, shared.NAME, TABLE[n])
            print("cyc loaded", len(TABLE))
        """,
        "later.py": """
            print("later loading")
            FACTOR = 3
            def scaled(x=4):
                return x * FACTOR
        """,
        "pkg/__init__.py": "print('pkg init')\nVERSION = '1.0'\n",
        "pkg/tools.py": """
            print("tools loading")
            from . import extra
            PREFIX = "<" + extra.MARK
            class Counter:
                def __init__(self):
                    self.n = 0
                def tick(self):
                    self.n += 1
            def describe(n):
                return PREFIX + str(n) + ">"
            print("tools loaded")
        """,
        "pkg/extra.py": """
            print("extra loading")
            MARK = "x"
            LEVEL = 7
            def back():
                from pkg import tools
                return tools.PREFIX
            print("extra loaded", back.__name__)
        """,
    })


def test_from_import_copies_values_but_aliases_functions_and_classes(project_same_as_cpython):
    project_same_as_cpython({
        "app/__main__.py": """
            from app.config import LEVEL, bump, Settings
            from app import config
            bump()
            print(LEVEL, config.LEVEL)
            s = Settings(name="x")
            print(s, type(s).__name__)
            try:
                config.fail()
            except config.ConfigError as e:
                print("caught", type(e).__name__, e)
            config.fail()
        """,
        "app/__init__.py": "",
        "app/config.py": """
            from dataclasses import dataclass
            LEVEL = 1

            class ConfigError(Exception):
                pass

            @dataclass
            class Settings:
                name: str
                size: int = 3

            def bump():
                global LEVEL
                LEVEL += 1

            def fail():
                raise ConfigError("bad config")
        """,
    }, main="app")


def test_star_imports_of_project_modules(project_same_as_cpython):
    project_same_as_cpython({
        "main.py": "from shapes import *\nprint(area(2), Square(3).area(), UNIT, describe(), sorted(KINDS))\n",
        "shapes/__init__.py": "from .core import *\nfrom .extra import *\n",
        "shapes/core.py": """
            __all__ = ["area", "Square", "UNIT"]
            UNIT = "cm"
            _hidden = 1
            def area(s):
                return s * s
            class Square:
                def __init__(self, s):
                    self.s = s
                def area(self):
                    return area(self.s)
        """,
        "shapes/extra.py": """
            import math
            from .core import *
            KINDS = {"square": Square}
            def describe():
                return "square in " + UNIT + " " + str(math.floor(2.5))
        """,
    })


def test_folder_with_main_module(project_same_as_cpython):
    project_same_as_cpython({
        "__main__.py": "from lib.text import shout\nprint(shout('hi'))\n",
        "lib/__init__.py": "",
        "lib/text.py": "def shout(s):\n    return s.upper() + '!'\n",
    }, main=None, entry=".")


def test_unknown_module_is_named_with_its_line():
    t = translate_project({"main.py": "import helpers\nx = 1\n", "other.py": "import main\n"}, "main.py")
    assert not t.ok
    assert [d.format() for d in t.errors] == [
        "main.py:1:1: error: module helpers is not in the project, nor a supported standard-library module "
        f"({t.errors[0].hint})"]


def test_problems_name_the_module_file():
    files = {"main.py": "from pkg import tool\nprint(tool.run())\n",
             "pkg/__init__.py": "",
             "pkg/tool.py": "def run():\n    return 1\n\n\nclass A:\n    x = eval('1')\n"}
    t = translate_project(files, "main.py")
    assert not t.ok
    assert t.errors[0].filename == "pkg/tool.py" and t.errors[0].line == 6


@pytest.mark.parametrize("source, message", [
    ("from .x import y\n", "attempted relative import beyond the top-level package"),
    ("from util import nothing\n", "cannot import name 'nothing' from 'util'"),
    ("import util\nprint(util.nothing)\n", "module 'util' has no attribute 'nothing'"),
    ("import util\nprint(util)\n", "module util used as a value is not supported"),
])
def test_import_errors(source, message):
    t = translate_project({"main.py": source, "util.py": "X = 1\n"}, "main.py")
    assert not t.ok and t.errors[0].message == message and t.errors[0].filename == "main.py"


def test_a_library_name_with_two_meanings_is_a_diagnostic():
    t = translate_project({"main.py": "import util\ndef sqrt(x):\n    return x\nprint(util.f(4))\n",
                           "util.py": "from math import sqrt\ndef f(x):\n    return sqrt(x)\n"}, "main.py")
    assert not t.ok and t.errors[0].format().startswith(
        "util.py:1:1: error: 'sqrt' means math.sqrt here but main.sqrt in module main")


def test_batch_detection():
    assert imports_project_modules({"a.py": "import b\n", "b.py": "X = 1\n"})
    assert imports_project_modules({"p/a.py": "from . import b\n", "p/b.py": ""})
    assert not imports_project_modules({"a.py": "import math\n", "b.py": "print(1)\n"})


def _portalis(*args, cwd):
    import subprocess
    import sys
    from pathlib import Path
    command = str(Path(sys.executable).parent / "portalis")
    return subprocess.run([command, *args], cwd=cwd, capture_output=True, text=True)


def test_command_line_on_a_folder(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "__main__.py").write_text("from pkg.greet import hello\nhello()\n")
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "greet.py").write_text("def hello():\n    print('hello from', __name__)\n")
    translated = _portalis("translate", ".", "-o", "out", cwd=tmp_path)
    assert translated.returncode == 0, translated.stderr
    assert {p.name for p in (tmp_path / "out" / "src").rglob("*.rs")} == {"main.rs", "mod.rs", "greet.rs"}
    assert "pub(crate) fn pkg_greet__hello" in (tmp_path / "out" / "src" / "pkg" / "greet.rs").read_text()
    ran = _portalis("run", ".", cwd=tmp_path)
    assert (ran.returncode, ran.stdout) == (0, "hello from pkg.greet\n"), ran.stderr
    checked = _portalis("check", ".", cwd=tmp_path)
    assert checked.returncode == 0 and "identical" in checked.stdout
    (tmp_path / "pkg" / "greet.py").write_text("import helpers\ndef hello():\n    helpers.go()\n")
    failed = _portalis("translate", ".", cwd=tmp_path)
    assert failed.returncode == 1
    assert failed.stderr.startswith("pkg/greet.py:1:1: error: module helpers is not in the project")
    assert "import helpers" in failed.stderr
