"""Diagnostics: bad input gives `file:line:col: error: ...` for every problem, never a crash."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from portalis import translate

DIAGNOSTIC = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: .+$")
PORTALIS = Path(sys.executable).parent / "portalis"

UNSUPPORTED = '''\
total = 0

async def fetch():
    yield await other()

class Meta(Base, metaclass=Registry):
    pass

print(eval("1 + 1"))
exec("x = 1")
'''


def error_lines(translation):
    return [d.format() for d in translation.diagnostics if d.severity == "error"]


def test_every_unsupported_construct_is_reported_with_its_position():
    """All problems are reported at once, each at its line and column."""
    result = translate(UNSUPPORTED, "unsupported.py")
    assert not result.ok
    positions = {(d.line, d.col) for d in result.errors}
    assert {(3, 1), (4, 11), (6, 1), (9, 7), (10, 1)} <= positions, error_lines(result)
    for line in error_lines(result):
        assert DIAGNOSTIC.match(line) and line.startswith("unsupported.py:"), line
    assert result.rust_code == ""


@pytest.mark.parametrize("source, line", [
    ("def f(:\n    pass\n", 1),
    ("x = 1\nif x\n    print(x)\n", 2),
    ("print('unterminated)\n", 1),
    ("def f(x):\n    return x\n\tpass\n", 3),
    ("x = (1,\n", 1),
    ("\ufeffprint(1)\n", 1),
], ids=["bad-params", "missing-colon", "unterminated-string", "tabs-and-spaces", "unclosed-paren", "bom-in-str"])
def test_syntax_errors_are_diagnostics(source, line):
    """Invalid Python is reported like CPython's SyntaxError, at its line."""
    result = translate(source, "syntax.py")
    assert not result.ok
    assert [d.line for d in result.errors] == [line], error_lines(result)
    assert all(DIAGNOSTIC.match(text) for text in error_lines(result))


@pytest.mark.parametrize("source", [
    "x = 1\x00\n",
    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "".join(chr(c) for c in range(256)),
], ids=["nul-byte", "png-header", "all-bytes"])
def test_binary_junk_is_rejected(source):
    """NUL bytes and binary data give one diagnostic, not an exception."""
    result = translate(source, "junk.py")
    assert not result.ok
    assert len(result.errors) >= 1
    assert all(DIAGNOSTIC.match(text) for text in error_lines(result))


@pytest.mark.parametrize("source", [
    "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n",
    "x = " + "-" * 100_000 + "1\n",
    "y = " + "+".join(["1"] * 100_000) + "\n",
    "def f():\n" + "".join("    " * (i + 1) + "if f:\n" for i in range(150)) + "    " * 151 + "pass\n",
    "# padding\n" * 200_001,
], ids=["parentheses", "unary-chain", "long-binop-chain", "deep-blocks", "over-size-limit"])
def test_huge_or_deeply_nested_input_is_an_error_not_a_crash(source):
    """Input too big or too deep to translate gives a diagnostic instead of RecursionError."""
    result = translate(source, "huge.py")
    assert not result.ok
    assert all(DIAGNOSTIC.match(text) for text in error_lines(result)), error_lines(result)


def test_warnings_do_not_block_translation():
    """A translatable program has no errors and produces Rust."""
    result = translate("print('ok')\n", "fine.py")
    assert result.ok and result.errors == []
    assert "fn main" in result.rust_code


def run_cli(folder, *args):
    return subprocess.run([str(PORTALIS), *args], capture_output=True, text=True, timeout=120, cwd=folder)


def test_cli_reports_each_problem_and_exits_1(tmp_path):
    """`portalis translate bad.py` prints one contract line per problem on stderr and exits 1."""
    bad = tmp_path / "bad.py"
    bad.write_text(UNSUPPORTED)
    proc = run_cli(tmp_path, "translate", bad.name)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    contract = [l for l in proc.stderr.splitlines() if DIAGNOSTIC.match(l)]
    assert len(contract) == len(translate(UNSUPPORTED, "bad.py").errors) >= 5, proc.stderr
    assert all(l.startswith("bad.py:") for l in contract)


def test_cli_syntax_error(tmp_path):
    """A syntax error is one diagnostic at CPython's position, exit status 1."""
    bad = tmp_path / "syntax.py"
    bad.write_text("for x in range(3)\n    print(x)\n")
    proc = run_cli(tmp_path, "translate", bad.name)
    assert proc.returncode == 1
    assert re.search(r"^syntax\.py:1:\d+: error: ", proc.stderr, re.M), proc.stderr


def test_cli_binary_file(tmp_path):
    """A file that is not UTF-8 text is rejected with a diagnostic and a non-zero status."""
    junk = tmp_path / "junk.py"
    junk.write_bytes(b"\x7fELF\x02\x01\x01\x00\xff\xfe\x00\x00")
    proc = run_cli(tmp_path, "translate", junk.name)
    assert proc.returncode != 0
    assert re.search(r"junk\.py:1:1: error: ", proc.stderr), proc.stderr


def test_cli_translates_a_good_file(tmp_path):
    """A valid file prints Rust on stdout and exits 0."""
    good = tmp_path / "good.py"
    good.write_text("print(sum(range(10)))\n")
    proc = run_cli(tmp_path, "translate", good.name)
    assert proc.returncode == 0, proc.stderr
    assert "fn main" in proc.stdout


def test_annotations_that_disagree_with_the_code_are_warnings():
    """Annotations are checked against literal arguments and returns; translation goes on."""
    result = translate('def f(x: int, name: str = "a") -> str:\n    return 5\nprint(f("3", name=4))\n', "ann.py")
    assert result.ok
    messages = sorted((d.line, d.col, d.message) for d in result.diagnostics if d.severity == "warning")
    assert messages == [
        (2, 5, "f() is annotated to return str but returns an int here"),
        (3, 9, "f() parameter x is annotated int but receives a str here"),
        (3, 19, "f() parameter name is annotated str but receives an int here"),
    ]


def test_unsupported_modules_are_errors_where_used_and_warnings_when_unused():
    """An import Portalis lacks only matters where the program uses the name."""
    unused = translate("import zlib\nfrom uuid import uuid4\nprint(1)\n", "imports.py")
    assert unused.ok
    assert [(d.line, d.severity) for d in unused.diagnostics] == [(1, "warning"), (2, "warning")]
    used = translate("import zlib\nprint(zlib.crc32(b'x'))\n", "imports.py")
    assert not used.ok
    assert [(d.line, d.col) for d in used.errors] == [(2, 7)]
    assert "module zlib is not supported" in used.errors[0].message


def test_imports_cpython_cannot_do_are_errors_even_when_unused():
    """`import nosuchmod` raises ModuleNotFoundError in CPython (and `from math import
    nosuch` ImportError): the same error as a used import, never a mere warning."""
    for source, name in [("import nosuchmod\nprint(1)\n", "module nosuchmod"),
                         ("import os.nosuch\nprint(1)\n", "module os.nosuch"),
                         ("from math import sqrt, nosuch\nprint(1)\n", "math.nosuch")]:
        result = translate(source, "imports.py")
        assert not result.ok, source
        assert [(d.line, d.col) for d in result.errors] == [(1, 1)]
        assert f"{name} is not supported" in result.errors[0].message
        used = translate(source.replace("print(1)", "print(nosuchmod)" if "nosuchmod" in source else "print(1)"), "imports.py")
        assert not used.ok


def test_what_the_runtime_lacks_is_a_diagnostic_not_a_run_time_error():
    """A codec the runtime does not implement, and lru_cache statistics, are reported at
    their position (CPython would run them; a LookupError/AttributeError would be a lie)."""
    result = translate('print("x".encode("iso-8859-8"))\nprint("x".encode("latin1"))\n'
                       'from functools import lru_cache\n@lru_cache(maxsize=2)\ndef f(n):\n    return n\n'
                       'print(f(1), f.cache_info())\n', "lacks.py")
    assert not result.ok
    assert {(d.line, d.col) for d in result.errors} == {(1, 18), (7, 13)}, error_lines(result)
