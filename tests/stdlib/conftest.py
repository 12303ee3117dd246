"""Shared helper for the standard-library suite: each test runs a program under CPython
3.11 and as translated Rust and requires identical output (CPython is the oracle)."""
from __future__ import annotations

import textwrap

import pytest

from portalis.check import check_source


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/stdlib/" in str(item.fspath):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def same_as_cpython():
    def check(source: str):
        result = check_source(textwrap.dedent(source), "prog.py")
        details = result.diff or ""
        if result.rust is not None and result.verdict == "build failed":
            details = result.rust.stderr[-4000:]
        details += "\n".join(d.format() for d in result.diagnostics)
        assert result.identical, f"{result.verdict}\n{details}"
    return check
