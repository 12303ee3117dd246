"""Finding Rust toolchains at run time, and naming the missing piece when none fits.

Native builds use `cargo`/`rustc` from PATH.  WebAssembly builds need a `rustc` whose
sysroot has the `wasm32-wasi` (Debian's 1.63) or `wasm32-wasip1` (rustup) standard
library; Debian's `/usr/bin/rustc` with `libstd-rust-dev-wasm32` is one such.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WASM_TARGETS = ("wasm32-wasip1", "wasm32-wasi")


class ToolchainMissing(RuntimeError):
    """No toolchain can build for the requested target; the message says what to install."""


@dataclass(frozen=True)
class Toolchain:
    rustc: str
    target: str | None  # None: the host
    version: str


def _run(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def _candidates() -> list[str]:
    found = []
    for path in (shutil.which("rustc"), str(Path.home() / ".cargo/bin/rustc"), "/usr/bin/rustc"):
        if path and Path(path).exists() and path not in found:
            found.append(path)
    return found


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
                return Toolchain(rustc, wasm, _run([rustc, "--version"]))
    raise ToolchainMissing(
        "no Rust toolchain with a WebAssembly (WASI) standard library found: run "
        "`rustup target add wasm32-wasip1`, or install Debian's `rustc` and `libstd-rust-dev-wasm32`")


def wasm_runner() -> str:
    """How WebAssembly modules are run: the `wasmtime` Python package."""
    try:
        import wasmtime  # noqa: F401
    except ImportError as err:
        raise ToolchainMissing("running wasm32-wasi modules needs the `wasmtime` package: pip install wasmtime") from err
    return "wasmtime"
