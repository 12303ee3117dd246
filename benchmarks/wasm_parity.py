"""How many corpus programs that pass natively also pass as wasm32-wasi modules.

A program passes when its stdout equals the recorded CPython stdout (NAME.out) byte for
byte.  Only native passes are tried on wasm, so the ratio measures what WebAssembly
loses, not what the translator cannot do yet.  Goal: at least 95%.

    python benchmarks/wasm_parity.py [CORPUS_DIR ...] [--jobs N] [--limit N]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from corpus import DEFAULT_DIRS, programs_or_exit

from portalis.api import translate
from portalis.build import ToolchainMissing, build_crate
from portalis.toolchain import find_toolchain, wasm_command

GOAL = 0.95
WASM = "wasm32-wasi"


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:120]


def _run_on(crate: Path, target: str, expected: bytes, timeout: float) -> str | None:
    """None when the build's stdout matches `expected`, else why not."""
    build = build_crate(crate, target=target)
    if not build.ok:
        errors = [l for l in build.stderr.splitlines() if l.startswith("error")]
        return f"build failed: {(errors or [build.stderr])[0][:120]}"
    cmd = [str(build.binary)] if target == "native" else wasm_command(build.binary)
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:g} s"
    if proc.stdout == expected:
        return None
    detail = _first_line(proc.stderr.decode(errors="replace"))
    return f"stdout differs (exit {proc.returncode}{': ' + detail if detail else ''})"


def check_program(path: Path, timeout: float) -> tuple[str, str | None]:
    """('untranslatable' | 'native-fail' | 'wasm-fail' | 'pass', reason)."""
    expected = path.with_suffix(".out").read_bytes()
    result = translate(path.read_text(), path.name)
    if not result.ok:
        return "untranslatable", None
    with tempfile.TemporaryDirectory(prefix="portalis-parity-") as tmp:
        crate = result.write(Path(tmp) / "crate")
        native = _run_on(crate, "native", expected, timeout)
        if native:
            return "native-fail", native
        wasm = _run_on(crate, WASM, expected, timeout)
        return ("wasm-fail", wasm) if wasm else ("pass", None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, help="only the first N programs")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    paths = programs_or_exit(args.dirs, args.limit)
    try:
        find_toolchain("native"), find_toolchain(WASM), wasm_command("probe.wasm")
    except ToolchainMissing as err:
        print(f"skipped: {err}")
        return
    started = time.perf_counter()
    with ThreadPoolExecutor(args.jobs) as pool:
        outcomes = dict(zip(paths, pool.map(lambda p: check_program(p, args.timeout), paths)))
    kinds = Counter(kind for kind, _ in outcomes.values())
    native_ok = kinds["pass"] + kinds["wasm-fail"]
    print(f"programs: {len(paths)} in {', '.join(str(d) for d in args.dirs)} ({time.perf_counter() - started:.0f} s)")
    print(f"untranslatable: {kinds['untranslatable']}, failing natively: {kinds['native-fail']}")
    print(f"passing natively: {native_ok}")
    print(f"of those, passing on {WASM}: {kinds['pass']}")
    if native_ok:
        ratio = kinds["pass"] / native_ok
        print(f"wasm parity: {ratio:.1%} (goal {GOAL:.0%}: {'met' if ratio >= GOAL else 'missed'})")
    for path, (kind, reason) in outcomes.items():
        if kind == "wasm-fail":
            print(f"  wasm only fails: {path.name}: {reason}")
    native_reasons = Counter(reason.split(" (")[0].split(":")[0] for kind, reason in outcomes.values() if kind == "native-fail")
    print("native failures by kind: " + ", ".join(f"{r} {n}" for r, n in native_reasons.most_common(5)))


if __name__ == "__main__":
    main()
