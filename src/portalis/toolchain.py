"""Finding Rust toolchains at run time, and naming the missing piece when none fits.

Native builds use `rustc` from PATH.  WebAssembly builds need a `rustc` whose sysroot
has the `wasm32-wasi` (Debian's 1.63) or `wasm32-wasip1` (rustup) standard library, and
LLVM's lld to link: rustup ships its own `rust-lld`; Debian's `/usr/bin/rust-lld` is a
link to `lld-14`, which the `rustc` package only suggests, so it may dangle.  Running
modules needs the `wasmtime` Python package (see `portalis.wasi`).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

WASM_TARGETS = ("wasm32-wasip1", "wasm32-wasi")
# Linkers that understand `-flavor wasm`, best first; versioned Debian names are tried too.
WASM_LINKERS = ("rust-lld", "wasm-ld", "lld")
LLD_HINT = ("install LLVM's lld: `apt-get install lld-14` on Debian (it provides the "
            "/usr/bin/rust-lld that Debian's rustc uses), or use rustup's toolchain, which bundles rust-lld")


class ToolchainMissing(RuntimeError):
    """No toolchain can build for the requested target; the message says what to install."""


@dataclass(frozen=True)
class Toolchain:
    rustc: str
    target: str | None  # None: the host
    version: str
    link_flags: tuple[str, ...] = field(default=())  # extra rustc flags for linking a program

    @property
    def sysroot(self) -> str:
        """The toolchain's real folder (behind a rustup proxy): what a sandbox must mount."""
        return _sysroot(self.rustc)


def _run(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


@lru_cache(maxsize=None)
def _sysroot(rustc: str) -> str:
    return os.path.realpath(_run([rustc, "--print", "sysroot"]))


def _candidates() -> list[str]:
    found = []
    for path in (shutil.which("rustc"), str(Path.home() / ".cargo/bin/rustc"), "/usr/bin/rustc"):
        if path and Path(path).exists() and path not in found:
            found.append(path)
    return found


def _version_key(path: str) -> int:
    match = re.search(r"-(\d+)$", path)
    return int(match.group(1)) if match else 0


def find_wasm_linker(sysroot: str, host: str, search_path: str | None = None) -> str | None:
    """The lld to pass as `-C linker=`; None when rustc's bundled rust-lld will do.

    Raises ToolchainMissing when there is no working lld at all."""
    bundled = Path(sysroot) / "lib/rustlib" / host / "bin/rust-lld"
    if bundled.is_file() and os.access(bundled, os.X_OK):
        return None
    search_path = os.environ.get("PATH", "") if search_path is None else search_path
    for name in WASM_LINKERS:
        found = shutil.which(name, path=search_path)  # skips dangling links
        if found:
            return found
    versioned = []
    for folder in filter(None, search_path.split(os.pathsep)):
        for name in WASM_LINKERS[1:]:
            versioned += [str(p) for p in Path(folder).glob(f"{name}-[0-9]*") if os.access(p, os.X_OK)]
    if versioned:
        return max(versioned, key=_version_key)
    raise ToolchainMissing(f"linking wasm32-wasi modules needs lld, which was not found: {LLD_HINT}")


def _host(rustc: str) -> str:
    for line in _run([rustc, "-vV"]).splitlines():
        if line.startswith("host: "):
            return line[6:].strip()
    return ""


@lru_cache(maxsize=None)
def find_toolchain(target: str = "native") -> Toolchain:
    """The rustc to use for `target` ("native" or "wasm32-wasi")."""
    if target == "native":
        for rustc in _candidates():
            version = _run([rustc, "--version"])
            if version:
                return Toolchain(rustc, None, version)
        raise ToolchainMissing("no Rust compiler found: install Rust (rustup, or Debian's `apt-get install rustc cargo`)")
    if target not in ("wasm32-wasi", "wasm32-wasip1"):
        raise ToolchainMissing(f"unknown target {target!r}: use native or wasm32-wasi")
    for rustc in _candidates():
        sysroot = _run([rustc, "--print", "sysroot"])
        for wasm in WASM_TARGETS:
            if sysroot and (Path(sysroot) / "lib/rustlib" / wasm / "lib").is_dir():
                linker = find_wasm_linker(sysroot, _host(rustc))
                flags = ("-C", f"linker={linker}") if linker else ()
                return Toolchain(rustc, wasm, _run([rustc, "--version"]), flags)
    raise ToolchainMissing(
        "no Rust toolchain with a WebAssembly (WASI) standard library found: run "
        "`rustup target add wasm32-wasip1`, or install Debian's `rustc` and `libstd-rust-dev-wasm32`")


def wasm_command(module: str | os.PathLike, args: list[str] | None = None) -> list[str]:
    """The command that runs a wasm32-wasi module; ToolchainMissing without `wasmtime`."""
    try:
        import wasmtime  # noqa: F401
    except ImportError as err:
        raise ToolchainMissing("running wasm32-wasi modules needs the `wasmtime` package: pip install wasmtime") from err
    # -P: the user's working directory must not shadow modules the runner imports
    return [sys.executable, "-P", "-m", "portalis.wasi", str(module), *(args or [])]
