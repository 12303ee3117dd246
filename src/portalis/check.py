"""`portalis check`: run a program under CPython and as translated Rust, and compare
stdout, the last line of stderr, and the exit status.

The command line runs the user's own program directly; the service passes a
`Confinement` and then every step that executes the submitted code (CPython, rustc, the
program) runs inside `portalis.sandbox`.
"""
from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import portalis
from portalis.api import translate, translate_project
from portalis.build import build_crate
from portalis.frontend.project import ProjectFiles
from portalis.sandbox import WORK, Limits, Outcome, Sandbox
from portalis.toolchain import wasm_command

# Exit statuses of a program the sandbox's rlimits killed (128 + SIGKILL, SIGXCPU, SIGXFSZ).
LIMIT_KILLED = {137, 152, 153}


class OutputLimitExceeded(Exception):
    """The program printed more than the sandbox lets through."""

    def __init__(self, limit: int):
        super().__init__(f"the program printed more than {limit} bytes")
        self.limit = limit


class ResourceLimitExceeded(Exception):
    """CPython itself did not finish within the sandbox's limits: nothing to compare."""


@dataclass(frozen=True)
class Confinement:
    """How the service runs submitted code: one sandbox, limits for runs and for builds."""

    sandbox: Sandbox
    run: Limits
    build: Limits


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


def run_python(path: Path, stdin: str | None, timeout: float, args: list[str] | None = None,
               confined: Confinement | None = None, cwd: Path | None = None,
               module: str | None = None) -> RunOutcome:
    """Run a script under CPython (unconfined: in `cwd`, or `python3 -m module` there)."""
    if confined is not None:
        interpreter = os.path.realpath(sys.executable)  # the base CPython: stdlib only, no venv
        out = _confined(confined, path.parent, [interpreter, path.name, *(args or [])], stdin, timeout,
                        (sys.base_prefix,))
        if out.timed_out or out.returncode in LIMIT_KILLED:
            raise ResourceLimitExceeded(f"CPython did not finish within the sandbox's limits "
                                        f"({confined.run.cpu_seconds} s CPU, {confined.run.wall_seconds:g} s "
                                        f"in all, {confined.run.memory_mb} MB)")
        return RunOutcome(out.stdout, out.stderr, out.returncode)
    target = ["-m", module] if module else [str(path)]
    proc = subprocess.run([sys.executable, *target, *(args or [])], input=stdin, capture_output=True,
                          text=True, timeout=timeout, cwd=cwd)
    return RunOutcome(proc.stdout, proc.stderr, proc.returncode)


def run_binary(binary: Path, target: str, stdin: str | None, timeout: float, args: list[str] | None = None,
               confined: Confinement | None = None, workdir: Path | None = None, cwd: Path | None = None) -> RunOutcome:
    """Run a built program natively, or a wasm module under wasmtime (inside `workdir` when confined)."""
    if confined is not None:
        inside = f"{WORK}/{binary.relative_to(workdir)}"
        if target == "native":
            out = _confined(confined, workdir, [inside, *(args or [])], stdin, timeout, ())
        else:  # wasmtime reserves several GB of address space per linear memory
            package = str(Path(portalis.__file__).resolve().parent.parent)
            wide = replace(confined, run=replace(confined.run, memory_mb=confined.run.memory_mb + 16384))
            out = _confined(wide, workdir, wasm_command(inside, args), stdin, timeout,
                            (sys.prefix, sys.base_prefix, package))
        if out.timed_out:
            return RunOutcome("", f"timed out after {timeout} s", -1)
        return RunOutcome(out.stdout, out.stderr, out.returncode)
    cmd = [str(binary), *(args or [])] if target == "native" else wasm_command(binary, args)
    try:
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired:
        return RunOutcome("", f"timed out after {timeout} s", -1)
    return RunOutcome(proc.stdout, proc.stderr, proc.returncode)


def _confined(confined: Confinement, workdir: Path, argv: list[str], stdin: str | None, timeout: float,
              readonly: tuple[str, ...]) -> Outcome:
    limits = replace(confined.run, wall_seconds=min(timeout, confined.run.wall_seconds))
    out = confined.sandbox.run(argv, workdir, limits, readonly=readonly, stdin=stdin)
    if out.output_exceeded:
        raise OutputLimitExceeded(confined.run.output_bytes)
    return out


def check_source(source: str, filename: str = "main.py", target: str = "native", timeout: float = 30,
                 stdin: str | None = None, confined: Confinement | None = None) -> CheckResult:
    """Compare CPython with the translation; with `confined`, every step runs sandboxed, each
    in a fresh work dir (CPython's and the crate's), so one cannot tamper with the other."""
    with tempfile.TemporaryDirectory(prefix="portalis-check-") as tmp:
        work = Path(tmp)
        (work / "python").mkdir()
        script = work / "python" / Path(filename).name
        script.write_text(source)
        python = run_python(script, stdin, timeout, confined=confined)
        translation = translate(source, filename)
        if not translation.ok:
            return CheckResult(False, "untranslatable", python, None, "", translation.diagnostics)
        crate = translation.write(work / "crate")
        sandbox = (confined.sandbox, confined.build) if confined is not None else None
        build = build_crate(crate, target=target, timeout=confined and confined.build.wall_seconds,
                            sandbox=sandbox)
        if not build.ok:
            return CheckResult(False, "build failed", python, RunOutcome("", build.stderr, -1), build.stderr,
                               translation.diagnostics)
        rust = run_binary(build.binary, target, stdin, timeout, confined=confined, workdir=crate)
    return compare(python, rust, translation.diagnostics)


def check_project(project: ProjectFiles, target: str = "native", timeout: float = 30,
                  stdin: str | None = None, args: list[str] | None = None) -> CheckResult:
    """`check` for a project on this machine (unconfined): CPython and the translation each
    run in a fresh copy of the project folder (as their working directory), so files the
    program reads are there and files it writes do not leak from one run into the other."""
    with tempfile.TemporaryDirectory(prefix="portalis-check-") as tmp:
        work = Path(tmp)
        entry = project.entry
        module = entry[:-3].replace("/", ".").removesuffix(".__main__") if "/" in entry else None
        python = run_python(Path(entry), stdin, timeout, args, cwd=_copy_tree(project.root, work / "python"),
                            module=module)
        translation = translate_project(project.files, entry)
        if not translation.ok:
            return CheckResult(False, "untranslatable", python, None, "", translation.diagnostics)
        build = build_crate(translation.write(work / "crate"), target=target)
        if not build.ok:
            return CheckResult(False, "build failed", python, RunOutcome("", build.stderr, -1), build.stderr,
                               translation.diagnostics)
        rust = run_binary(build.binary, target, stdin, timeout, args, cwd=_copy_tree(project.root, work / "rust"))
    return compare(python, rust, translation.diagnostics)


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
