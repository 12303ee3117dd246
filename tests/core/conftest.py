"""Shared helper for the core semantics suite.

Every test runs a small program under CPython 3.11 and as translated Rust and requires
identical stdout, last stderr line and exit status.  Expected output is never written
down: CPython is the oracle.
"""
from __future__ import annotations

import textwrap

import pytest

from portalis.check import check_source



def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/core/" in str(item.fspath):
            item.add_marker(pytest.mark.slow)


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


@pytest.fixture
def same_as_cpython():
    return assert_same_as_cpython
