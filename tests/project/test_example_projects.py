"""Every multi-module program in examples/ (a folder with __main__.py and the data files
it reads) prints exactly what CPython prints: `portalis check FOLDER`, natively and as
wasm32-wasi, each run in its own copy of the folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from portalis.check import check_project
from portalis.frontend.project import collect

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
PROJECTS = sorted(p.parent for p in EXAMPLES.glob("*/__main__.py"))


@pytest.mark.parametrize("target", ["native", "wasm32-wasi"])
@pytest.mark.parametrize("folder", PROJECTS, ids=[p.name for p in PROJECTS])
def test_example_project_matches_cpython(folder: Path, target: str):
    project = collect(folder)
    assert len(project.files) >= 4, "an example project has several modules"
    result = check_project(project, target=target, timeout=120)
    details = result.diff or ""
    if result.verdict == "build failed" and result.rust is not None:
        details = result.rust.stderr[-4000:]
    details += "\n".join(d.format() for d in result.diagnostics)
    assert result.identical, f"{folder.name}: {result.verdict}\n{details}"
