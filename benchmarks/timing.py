"""Timing child processes: CPU seconds (user + system), which a busy machine disturbs far
less than wall time, best of several runs."""
from __future__ import annotations

import resource
import subprocess
import time


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """(CPU seconds, wall seconds, stdout) of one run of `cmd`; stdout is replaced by
    `<exit N>` and the end of stderr when the run fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, proc.stdout if proc.returncode == 0 else f"<exit {proc.returncode}>{proc.stderr[-300:]}"


def best(cmd: list[str], repeat: int) -> tuple[float, float, str]:
    """Best CPU and best wall seconds of `repeat` runs, with the first run's stdout."""
    runs = [timed(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs), runs[0][2]
