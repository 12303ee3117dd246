"""`portalis check`: run a program under CPython and as translated Rust, and compare
stdout, the last line of stderr, and the exit status."""
from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from portalis.api import translate, translate_project
from portalis.build import build_crate
from portalis.frontend.project import ProjectFiles
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


def run_python(path: Path | list[str], stdin: str | None, timeout: float, args: list[str] | None = None,
               cwd: Path | None = None) -> RunOutcome:
    """Run a script (or, given a list, `python3 -m ...`-style arguments) under CPython."""
    target = [str(path)] if isinstance(path, Path) else path
    proc = subprocess.run([sys.executable, *target, *(args or [])], input=stdin, capture_output=True,
                          text=True, timeout=timeout, cwd=cwd)
    return RunOutcome(proc.stdout, proc.stderr, proc.returncode)


def run_binary(binary: Path, target: str, stdin: str | None, timeout: float, args: list[str] | None = None,
               cwd: Path | None = None) -> RunOutcome:
    """Run a built program natively, or a wasm module under wasmtime."""
    cmd = [str(binary), *(args or [])] if target == "native" else wasm_command(binary, args)
    try:
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=timeout, cwd=cwd)
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
        return _build_and_compare(python, translate(source, filename), work, target,
                                  lambda binary: run_binary(binary, target, stdin, timeout))


def check_project(project: ProjectFiles, target: str = "native", timeout: float = 30,
                  stdin: str | None = None, args: list[str] | None = None) -> CheckResult:
    """`check` for a project: CPython and the translation each run in a fresh copy of the
    project folder (as their working directory), so files the program reads are there and
    files it writes do not leak from one run into the other."""
    with tempfile.TemporaryDirectory(prefix="portalis-check-") as tmp:
        work = Path(tmp)
        entry = project.entry
        module = entry[:-3].replace("/", ".").removesuffix(".__main__")
        python_cmd = [entry] if "/" not in entry else ["-m", module]
        python = run_python(python_cmd, stdin, timeout, args, cwd=_copy_tree(project.root, work / "python"))
        return _build_and_compare(python, translate_project(project.files, entry), work, target, lambda binary: run_binary(
            binary, target, stdin, timeout, args, cwd=_copy_tree(project.root, work / "rust")))


def _build_and_compare(python: RunOutcome, translation, work: Path, target: str, run) -> CheckResult:
    """Build the translation under `work` and compare `run(binary)` with CPython's run."""
    if not translation.ok:
        return CheckResult(False, "untranslatable", python, None, "", translation.diagnostics)
    build = build_crate(translation.write(work / "crate"), target=target)
    if not build.ok:
        return CheckResult(False, "build failed", python, RunOutcome("", build.stderr, -1), build.stderr,
                           translation.diagnostics)
    return compare(python, run(build.binary), translation.diagnostics)


def _copy_tree(root: Path, dest: Path) -> Path:
    shutil.copytree(root, dest, ignore=shutil.ignore_patterns("__pycache__", "target", ".git"))
    return dest


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
