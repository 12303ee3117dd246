"""Finding the shared corpus of NAME.py / NAME.out pairs the benchmarks run over."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = REPO.parent / "shared" / "corpus"
DEFAULT_SUITES = ("humaneval", "mbpp")
DEFAULT_DIRS = [DEFAULT_ROOT / suite for suite in DEFAULT_SUITES]


def programs(dirs: list[Path], limit: int | None = None) -> list[Path]:
    """The NAME.py files that have a NAME.out beside them, in a stable order."""
    found = sorted(p for d in dirs if d.is_dir() for p in d.glob("*.py") if p.with_suffix(".out").exists())
    return found[:limit] if limit else found


def programs_or_exit(dirs: list[Path], limit: int | None = None) -> list[Path]:
    """As `programs`, but a missing corpus ends the script cleanly: it is optional material."""
    found = programs(dirs, limit)
    if not found:
        print(f"skipped: no corpus programs (NAME.py with NAME.out) in {', '.join(map(str, dirs))}")
        sys.exit(0)
    return found
