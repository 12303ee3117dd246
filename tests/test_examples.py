"""Every program in examples/ must print exactly what CPython prints.

Each examples/NAME.py is translated, built and run by `portalis.check.check_source`;
examples/NAME.input.txt, when present, is fed to both runs as stdin.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from portalis.check import check_source

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PROGRAMS = sorted(EXAMPLES.glob("*.py"))


@pytest.mark.slow
@pytest.mark.parametrize("program", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_example_matches_cpython(program: Path):
    stdin_file = program.with_suffix(".input.txt")
    stdin = stdin_file.read_text() if stdin_file.exists() else None
    result = check_source(program.read_text(), program.name, timeout=60, stdin=stdin)
    details = result.diff or ""
    if result.verdict == "build failed" and result.rust is not None:
        details = result.rust.stderr[-4000:]
    if result.diagnostics and not result.identical:
        details += "\n" + "\n".join(d.format() for d in result.diagnostics)
    assert result.identical, f"{program.name}: {result.verdict}\n{details}"
