"""The shared oracle for translation tests: a program runs under CPython 3.11 and as
translated Rust, and stdout, the last stderr line and the exit status must match.
Expected output is never written down: CPython is run in the test."""
from __future__ import annotations

import textwrap

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
