"""Building translated crates into native binaries or WebAssembly modules.

The runtime crate is compiled once per (runtime source, compiler, target, profile) and
cached as an rlib under the cache directory; each program is then one `rustc` call
linking against it.  This keeps builds to a second or two and lets the test suite and
`portalis run` share one compiled runtime.  The crate on disk stays a normal Cargo
project, so `cargo build --offline` works on it too.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, replace
from pathlib import Path

from portalis.crate import RUNTIME_CRATE, runtime_hash, runtime_sources
from portalis.sandbox import WORK, Limits, Sandbox
from portalis.toolchain import Toolchain, ToolchainMissing, find_toolchain

__all__ = ["BuildResult", "ToolchainMissing", "build_crate", "build_main_rs", "cache_dir"]

WASM_STACK_BYTES = 8 << 20


@dataclass
class BuildResult:
    ok: bool
    binary: Path | None
    stderr: str
    seconds: float
    target: str = "native"


def cache_dir() -> Path:
    root = Path(os.environ.get("PORTALIS_CACHE_DIR") or Path.home() / ".cache" / "portalis")
    root.mkdir(parents=True, exist_ok=True)
    return root


def _profile_flags(release: bool) -> list[str]:
    """std's debug info is left out of programs: it made them 7 (native) to 20 (wasm) times
    larger without making builds or runs any faster."""
    opt = "opt-level=3" if release else "opt-level=0"
    return ["-C", opt, "-C", "panic=abort", "-C", "strip=debuginfo"]


def _target_flags(tc: Toolchain) -> list[str]:
    return ["--target", tc.target] if tc.target else []


def _link_flags(tc: Toolchain) -> list[str]:
    """The toolchain's linker, and on wasm the 8 MiB stack a native main thread gets
    (rustc's wasm default is 1 MiB) for the frames recursion keeps in linear memory."""
    stack = ["-C", f"link-arg=-zstack-size={WASM_STACK_BYTES}"] if tc.target else []
    return [*tc.link_flags, *stack]


def runtime_rlib(tc: Toolchain, release: bool) -> Path:
    """The compiled runtime for this toolchain and profile, built on first use."""
    flags = _profile_flags(release)
    key = hashlib.sha256(f"{runtime_hash()}|{tc.version}|{tc.rustc}|{tc.target}|{flags}".encode()).hexdigest()[:16]
    folder = cache_dir() / "runtime" / key
    rlib = folder / f"lib{RUNTIME_CRATE}.rlib"
    if rlib.exists():
        return rlib
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if rlib.exists():
            return rlib
        src = folder / "src"
        src.mkdir(exist_ok=True)
        for name, text in runtime_sources().items():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_text(text)
        tmp = folder / f"lib{RUNTIME_CRATE}.rlib.tmp"
        cmd = [tc.rustc, "--edition", "2021", "--crate-type", "rlib", "--crate-name", RUNTIME_CRATE,
               *flags, *_target_flags(tc), str(src / "lib.rs"), "-o", str(tmp)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"the Portalis runtime failed to compile with {tc.version}:\n{proc.stderr}")
        tmp.rename(rlib)
    return rlib


def build_main_rs(main_rs: Path, output: Path, target: str = "native", release: bool = True,
                  timeout: float | None = None, sandbox: SandboxedBuild | None = None) -> BuildResult:
    """Compile one generated `main.rs` against the cached runtime.

    With `sandbox`, rustc runs inside it (the runtime is compiled outside first: it is our
    code, not the client's) and sees the crate folder `sandbox.crate` as /job."""
    started = time.perf_counter()
    tc = find_toolchain(target)
    rlib = runtime_rlib(tc, release)
    rustc, main_arg, out_arg, linker = tc.rustc, str(main_rs), str(output), []
    if sandbox is not None:
        rustc = str(Path(tc.sysroot) / "bin" / "rustc")  # the real compiler, not a rustup proxy
        main_arg, out_arg = sandbox.inside(main_rs), sandbox.inside(output)
        if tc.target is None:  # `cc` is a link through /etc/alternatives, which the sandbox lacks
            linker = ["-C", f"linker={os.path.realpath(shutil.which('cc') or 'cc')}"]
    cmd = [rustc, "--edition", "2021", "--crate-type", "bin", *_profile_flags(release), *_target_flags(tc),
           *_link_flags(tc), *linker, "--extern", f"{RUNTIME_CRATE}={rlib}", "-L", str(rlib.parent), main_arg,
           "-o", out_arg]
    if sandbox is not None:
        limits = replace(sandbox.limits, wall_seconds=timeout or sandbox.limits.wall_seconds)
        run = sandbox.sandbox.run(cmd, sandbox.crate, limits, readonly=(tc.sysroot, str(rlib.parent)))
        if run.timed_out:
            return BuildResult(False, None, f"build timed out after {timeout} s", time.perf_counter() - started, target)
        ok = run.returncode == 0 and output.exists()
        return BuildResult(ok, output if ok else None, run.stderr, time.perf_counter() - started, target)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return BuildResult(False, None, f"build timed out after {timeout} s", time.perf_counter() - started, target)
    ok = proc.returncode == 0 and output.exists()
    return BuildResult(ok, output if ok else None, proc.stderr, time.perf_counter() - started, target)


@dataclass(frozen=True)
class SandboxedBuild:
    """Where and how a build runs sandboxed: the sandbox, its limits, the crate folder (/job)."""

    sandbox: Sandbox
    limits: Limits
    crate: Path

    def inside(self, path: Path) -> str:
        return f"{WORK}/{Path(path).relative_to(self.crate)}"


def build_crate(crate_dir: str | Path, target: str = "native", release: bool = True,
                timeout: float | None = None, sandbox: tuple[Sandbox, Limits] | None = None) -> BuildResult:
    """Build a crate written by `portalis translate` into `crate_dir/target/portalis/`;
    inside `sandbox` (a Sandbox and its build limits) when given."""
    crate = Path(crate_dir)
    main_rs = crate / "src" / "main.rs"
    if not main_rs.exists():
        raise FileNotFoundError(f"{main_rs} not found: is {crate} a crate written by `portalis translate`?")
    name = _crate_name(crate)
    out_dir = crate / "target" / "portalis" / (target if target != "native" else "native") / ("release" if release else "debug")
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = ".wasm" if target != "native" else ""
    inside = SandboxedBuild(*sandbox, crate) if sandbox is not None else None
    return build_main_rs(main_rs, out_dir / f"{name}{suffix}", target, release, timeout, inside)


def _crate_name(crate: Path) -> str:
    toml = crate / "Cargo.toml"
    if toml.exists():
        for line in toml.read_text().splitlines():
            if line.startswith("name = "):
                return line.split("=", 1)[1].strip().strip('"')
    return "main"
