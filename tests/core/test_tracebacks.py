"""Uncaught exceptions print CPython's whole traceback: every frame's file, line and function,
the source line with CPython 3.11's carets, repeated frames collapsed, chained exceptions.

Both programs run in the folder that holds prog.py, as `python3 prog.py` does there, and
stderr must be identical byte for byte."""
import textwrap
from pathlib import Path

import pytest

from portalis.api import translate, translate_project
from portalis.build import build_crate
from portalis.check import run_binary, run_python
from portalis.frontend.project import collect
from portalis.toolchain import ToolchainMissing, find_toolchain, wasm_command


def assert_traceback_like_cpython(source: str, built_script, tmp_path, target: str = "native"):
    if target == "native":
        script, binary = built_script(source)
    else:
        script = tmp_path / "prog.py"
        script.write_text(textwrap.dedent(source))
        build = build_crate(translate(script.read_text(), "prog.py").write(tmp_path / "crate"), target=target)
        assert build.ok, build.stderr[-3000:]
        binary = build.binary
    python = run_python(Path(script.name), None, 60, cwd=tmp_path)
    assert "Traceback (most recent call last):" in python.stderr
    rust = run_binary(binary, target, None, 120, cwd=tmp_path)
    assert (rust.stdout, rust.returncode) == (python.stdout, python.returncode)
    assert rust.stderr == python.stderr


def test_nested_calls_methods_and_carets(built_script, tmp_path):
    """Calls through functions and methods (a method shows its bare name); carets under a
    call, a subscript and a binary operation, none where the expression is the whole line."""
    assert_traceback_like_cpython('''
        class Ledger:
            def __init__(self):
                self.rates = {"eur": 2}

            def convert(self, amount, currency):
                return amount * self.rates[currency]

            def total(self, items):
                return sum(self.convert(a, c) for a, c in items) + 0

        def report(ledger, items):
            print("report")
            value = ledger.total(items)
            return value

        def main():
            ledger = Ledger()
            print(report(ledger, [(1, "eur")]))
            report(ledger, [(1, "eur"), (2, "usd")])

        main()
    ''', built_script, tmp_path)


def test_raise_in_except_and_raise_from(built_script, tmp_path):
    """An error raised while another is handled prints both ("During handling ..."); a
    handled error leaves no frame behind; `raise ... from` prints the cause first."""
    assert_traceback_like_cpython('''
        def lookup(table, key):
            return table[key]

        def parse(text):
            try:
                return int(text)
            except ValueError:
                return -1

        def load(table, key):
            try:
                return lookup(table, key)
            except KeyError as e:
                raise RuntimeError(f"no {key}") from e

        def main():
            print(parse("x"), parse("3"))
            try:
                load({}, "a")
            except RuntimeError as e:
                print("caught", e)
            try:
                lookup({}, "b")
            except KeyError:
                values = [1, 2]
                print(values[parse("y") + 5])

        main()
    ''', built_script, tmp_path)


def test_reraise_keeps_the_frames(built_script, tmp_path):
    """`raise e` adds its own line to the frames `e` already has; a bare `raise` does not."""
    assert_traceback_like_cpython('''
        def check(n):
            if n > 2:
                raise ValueError("too big: %d" % n)
            return n

        def outer(n):
            try:
                check(n)
            except ValueError as e:
                print("again")
                raise e

        def bare(n):
            try:
                outer(n)
            except ValueError:
                raise

        bare(3)
    ''', built_script, tmp_path)


def test_recursion_error_collapses_repeated_frames(built_script, tmp_path):
    """A runaway recursion: CPython's 1000-frame limit, `[Previous line repeated N more times]`."""
    assert_traceback_like_cpython('''
        def depth(n):
            return depth(n + 1) + 1

        print("start")
        depth(0)
    ''', built_script, tmp_path)


def test_generator_lambda_and_comprehension_frames(built_script, tmp_path):
    """A generator's frame is its function's; a lambda shows `<lambda>`, a list
    comprehension `<listcomp>` (as CPython 3.11 runs it, a frame of its own)."""
    assert_traceback_like_cpython('''
        inverse = lambda v: 1 / v

        def inverses(values):
            return [inverse(v) for v in values]

        def countdown(n):
            while n >= 0:
                yield 10 // n
                n -= 1

        print(inverses([1, 2]))
        for step in countdown(2):
            print(step)
    ''', built_script, tmp_path)


def test_generator_expression_inside_a_handler(built_script, tmp_path):
    """A generator expression made in an `except` body is a closure that may outlive the
    handler: it must not take the handled exception with it (that failed to compile),
    and an error it raises while the handler runs still prints the chain."""
    assert_traceback_like_cpython('''
        def halves(items):
            try:
                return int("x")
            except ValueError as e:
                print(",".join(str(d) for d in items), type(e).__name__)
                return list(1 // d for d in items)

        print(halves([1, 2]))
        print(halves([1, 0]))
    ''', built_script, tmp_path)


def test_module_level_without_the_source_file(built_script, tmp_path):
    """An error at module level; with the source file gone (the program removes it, so
    CPython's run and the translation's both end without it), frames print without lines."""
    assert_traceback_like_cpython('''
        import os
        scores = {"ann": 3}
        def score(name):
            return scores[name]
        print(score("ann"))
        if os.path.exists("prog.py"):
            os.remove("prog.py")
        print(score("bob"))
    ''', built_script, tmp_path)


def test_project_modules_show_their_own_files(tmp_path):
    """Each module's frames name its own file; an error while a module is imported shows the
    importing line as CPython does (its import machinery's frames left out)."""
    files = {
        "main.py": """
            from shop import prices
            import report

            def run():
                return report.total(prices.PRICES, ["tea", "cake"])

            print(report.total(prices.PRICES, ["tea"]))
            run()
        """,
        "report.py": """
            def total(table, items):
                return sum([table[item] for item in items])
        """,
        "shop/__init__.py": "",
        "shop/prices.py": """
            PRICES = {"tea": 3}
            print("prices loaded")
        """,
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(textwrap.dedent(text))
    project = collect(tmp_path / "main.py", None)
    translation = translate_project(project.files, project.entry)
    assert translation.ok, [d.format() for d in translation.diagnostics]
    build = build_crate(translation.write(tmp_path / "crate"))
    assert build.ok, build.stderr[-3000:]
    python = run_python(Path("main.py"), None, 60, cwd=tmp_path)
    rust = run_binary(build.binary, "native", None, 60, cwd=tmp_path)
    assert "report.py" in python.stderr and "<listcomp>" in python.stderr
    assert (rust.stdout, rust.stderr, rust.returncode) == (python.stdout, python.stderr, python.returncode)
    (tmp_path / "shop/prices.py").write_text('PRICES = {"tea": 3}\nprint(PRICES["cake"])\n')
    translation = translate_project(collect(tmp_path / "main.py", None).files, "main.py")
    build = build_crate(translation.write(tmp_path / "crate2"))
    python = run_python(Path("main.py"), None, 60, cwd=tmp_path)
    rust = run_binary(build.binary, "native", None, 60, cwd=tmp_path)
    assert 'line 2, in <module>\n    from shop import prices' in python.stderr
    assert (rust.stdout, rust.stderr, rust.returncode) == (python.stdout, python.stderr, python.returncode)


def test_wasm_finds_the_source_through_wasi(built_script, tmp_path):
    """On wasm32-wasi the file is read through the preopened working directory, and its
    path is the host's, as CPython prints it."""
    try:
        find_toolchain("wasm32-wasi")
        wasm_command("probe.wasm")
    except ToolchainMissing as err:
        pytest.skip(f"no WebAssembly toolchain: {err}")
    assert_traceback_like_cpython('''
        def mean(values):
            return sum(values) / len(values)

        print(mean([1, 2]))
        print(mean([]))
    ''', built_script, tmp_path, target="wasm32-wasi")
