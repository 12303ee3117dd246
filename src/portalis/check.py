"""`portalis check`: run a program under CPython and as translated Rust, and compare
stdout, the last line of stderr, and the exit status."""
from __future__ import annotations

import difflib
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from portalis.api import translate
from portalis.build import build_crate
from portalis.toolchain import wasm_command


@dataclass
class RunOutcome:
    stdout: str
    stderr: str
    returncode: int

    @property
    def last_stderr_line(self) -> str:
        lines = [l for l in self.stderr.splitlines() if l.strip()]
        return lines[-1] if lines else ""


@dataclass
class CheckResult:
    identical: bool
    verdict: str
    python: RunOutcome
    rust: RunOutcome | None
    diff: str = ""
    diagnostics: list = field(default_factory=list)


def run_python(path: Path, stdin: str | None, timeout: float, args: list[str] | None = None) -> RunOutcome:
    proc = subprocess.run([sys.executable, str(path), *(args or [])], input=stdin, capture_output=True,
                          text=True, timeout=timeout)
    return RunOutcome(proc.stdout, proc.stderr, proc.returncode)


def run_binary(binary: Path, target: str, stdin: str | None, timeout: float, args: list[str] | None = None) -> RunOutcome:
    """Run a built program natively, or a wasm module under wasmtime."""
    cmd = [str(binary), *(args or [])] if target == "native" else wasm_command(binary, args)
    try:
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return RunOutcome("", f"timed out after {timeout} s", -1)
    return RunOutcome(proc.stdout, proc.stderr, proc.returncode)


def check_source(source: str, filename: str = "main.py", target: str = "native", timeout: float = 30,
                 stdin: str | None = None) -> CheckResult:
    with tempfile.TemporaryDirectory(prefix="portalis-check-") as tmp:
        work = Path(tmp)
        script = work / Path(filename).name
        script.write_text(source)
        python = run_python(script, stdin, timeout)
        translation = translate(source, filename)
        if not translation.ok:
            return CheckResult(False, "untranslatable", python, None, "", translation.diagnostics)
        crate = translation.write(work / "crate")
        build = build_crate(crate, target=target)
        if not build.ok:
            return CheckResult(False, "build failed", python, RunOutcome("", build.stderr, -1), build.stderr,
                               translation.diagnostics)
        rust = run_binary(build.binary, target, stdin, timeout)
    return compare(python, rust, translation.diagnostics)


def compare(python: RunOutcome, rust: RunOutcome, diagnostics: list) -> CheckResult:
    problems = []
    if python.stdout != rust.stdout:
        problems.append("stdout differs")
    if python.returncode != rust.returncode:
        problems.append(f"exit status {rust.returncode} (CPython: {python.returncode})")
    if python.last_stderr_line != rust.last_stderr_line:
        problems.append("last line of stderr differs")
    diff = "".join(difflib.unified_diff(python.stdout.splitlines(True), rust.stdout.splitlines(True),
                                        "cpython", "rust"))
    if python.last_stderr_line != rust.last_stderr_line:
        diff += f"--- cpython stderr: {python.last_stderr_line}\n+++ rust stderr: {rust.last_stderr_line}\n"
    verdict = "identical" if not problems else "; ".join(problems)
    return CheckResult(not problems, verdict, python, rust, diff, diagnostics)
