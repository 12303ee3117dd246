"""The shared oracle for translation tests: a program runs under CPython 3.11 and as
translated Rust, and stdout, the last stderr line and the exit status must match.
Expected output is never written down: CPython is run in the test."""
from __future__ import annotations

import os
import textwrap
from unittest import mock

import pytest

from portalis.check import check_source


def assert_same_as_cpython(source: str, filename: str = "prog.py", stdin: str | None = None):
    """Translate, build and run `source`; fail with the diff unless it matches CPython."""
    result = check_source(textwrap.dedent(source), filename, stdin=stdin)
    details = result.diff or ""
    if result.rust is not None and result.verdict == "build failed":
        details = result.rust.stderr[-4000:]
    if result.diagnostics and not result.identical:
        details += "\n" + "\n".join(d.format() for d in result.diagnostics)
    assert result.identical, f"{result.verdict}\n{details}"
    return result


def assert_project_same_as_cpython(files: dict[str, str], tmp_path, entry: str = "main.py",
                                   target: str = "native", main: str | None = None):
    """Write a project's files (sources and data) under `tmp_path`, then check it as
    `portalis check` does: both runs in their own copy of the folder."""
    from portalis.check import check_project
    from portalis.frontend.project import collect
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    project = collect(tmp_path / entry if main is None else tmp_path, main)
    result = check_project(project, target=target, timeout=120)  # wasm modules compile on first run
    details = result.diff or ""
    if result.rust is not None and result.verdict == "build failed":
        details = result.rust.stderr[-4000:]
    details += "\n" + "\n".join(d.format() for d in result.diagnostics)
    assert result.identical, f"{result.verdict}\n{details}"
    return result


def build_script(source: str, tmp_path):
    """Write `source` as tmp_path/prog.py and build its translation: (script, binary)."""
    from portalis.api import translate
    from portalis.build import build_crate
    script = tmp_path / "prog.py"
    script.write_text(textwrap.dedent(source))
    translation = translate(script.read_text(), "prog.py")
    assert translation.ok, [d.format() for d in translation.diagnostics]
    build = build_crate(translation.write(tmp_path / "crate"))
    assert build.ok, build.stderr[-3000:]
    return script, build.binary


def assert_runs_like_cpython(source: str, runs: list[tuple[str, dict]], tmp_path):
    """Build `source` once, then run it and CPython once per (command line, environment
    changes; None unsets a variable): stdout, stderr and exit status must be identical."""
    from portalis.check import run_binary, run_python
    script, binary = build_script(source, tmp_path)
    for line, env in runs:
        environ = {k: v for k, v in os.environ.items() if env.get(k, "") is not None}
        environ.update({k: v for k, v in env.items() if v is not None})
        with mock.patch.dict(os.environ, environ, clear=True):
            python = run_python(script, None, 30, line.split())
            rust = run_binary(binary, "native", None, 30, line.split())
        where = f"{env} prog.py {line}"
        assert rust.stdout == python.stdout, where
        assert rust.stderr == python.stderr, where
        assert rust.returncode == python.returncode, where


@pytest.fixture
def runs_like_cpython(tmp_path):
    """`check(source, [(command line, {env var: value or None}), ...])`: see
    `assert_runs_like_cpython`."""
    return lambda source, runs: assert_runs_like_cpython(source, runs, tmp_path)


@pytest.fixture
def built_script(tmp_path):
    """`build(source)`: write it as tmp_path/prog.py and build it; (script, binary)."""
    return lambda source: build_script(source, tmp_path)


@pytest.fixture
def same_as_cpython():
    return assert_same_as_cpython


@pytest.fixture
def project_same_as_cpython(tmp_path):
    """`check(files, entry="main.py", target="native", main=None)` on a project in tmp_path."""
    return lambda files, **kw: assert_project_same_as_cpython(files, tmp_path, **kw)


def pytest_collection_modifyitems(items):
    """Tests that build Rust or start servers are marked slow (`-m "not slow"` skips them)."""
    for item in items:
        path = str(item.fspath)
        if any(part in path for part in ("tests/core/", "tests/features/", "tests/stdlib/", "tests/service/", "tests/deploy/", "tests/project/")):
            item.add_marker(pytest.mark.slow)
