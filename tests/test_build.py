"""The build and toolchain layer: finding compilers and linkers, naming what is missing,
the cached runtime, and the wasm runner's exit statuses."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portalis import build, toolchain
from portalis.toolchain import ToolchainMissing, find_wasm_linker


def _executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


def test_bundled_rust_lld_needs_no_linker_flag(tmp_path):
    """rustup's toolchains carry rust-lld in the sysroot; rustc finds it by itself."""
    _executable(tmp_path / "sysroot/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld")
    assert find_wasm_linker(str(tmp_path / "sysroot"), "x86_64-unknown-linux-gnu", search_path="") is None


def test_linker_found_on_path_prefers_rust_lld(tmp_path):
    bin_dir = tmp_path / "bin"
    _executable(bin_dir / "wasm-ld")
    rust_lld = _executable(bin_dir / "rust-lld")
    assert find_wasm_linker(str(tmp_path), "host", search_path=str(bin_dir)) == str(rust_lld)


def test_versioned_debian_linker_newest_first(tmp_path):
    bin_dir = tmp_path / "bin"
    _executable(bin_dir / "lld-13")
    newest = _executable(bin_dir / "wasm-ld-15")
    _executable(bin_dir / "lld-14")
    assert find_wasm_linker(str(tmp_path), "host", search_path=str(bin_dir)) == str(newest)


def test_dangling_rust_lld_names_lld_package(tmp_path):
    """Debian's /usr/bin/rust-lld points at lld-14, which the rustc package only suggests."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "rust-lld").symlink_to(bin_dir / "lld-14")
    with pytest.raises(ToolchainMissing, match="apt-get install lld-14"):
        find_wasm_linker(str(tmp_path), "host", search_path=str(bin_dir))


def test_unknown_target_is_named():
    with pytest.raises(ToolchainMissing, match="native or wasm32-wasi"):
        toolchain.find_toolchain("riscv64")


def test_wasm_command_names_missing_wasmtime(monkeypatch):
    monkeypatch.setitem(sys.modules, "wasmtime", None)  # makes `import wasmtime` fail
    with pytest.raises(ToolchainMissing, match="pip install wasmtime"):
        toolchain.wasm_command("prog.wasm")


def test_cache_dir_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTALIS_CACHE_DIR", str(tmp_path / "cache"))
    assert build.cache_dir() == tmp_path / "cache"
    assert (tmp_path / "cache").is_dir()


def test_build_crate_rejects_a_folder_without_main_rs(tmp_path):
    with pytest.raises(FileNotFoundError, match="portalis translate"):
        build.build_crate(tmp_path)


def _wasm_toolchain():
    try:
        import wasmtime  # noqa: F401
        return toolchain.find_toolchain("wasm32-wasi")
    except (ImportError, ToolchainMissing) as err:
        pytest.skip(f"no wasm toolchain: {err}")


@pytest.mark.slow
def test_wasm_runner_passes_status_streams_and_arguments(tmp_path):
    """`python -m portalis.wasi` forwards argv, stdin, stdout, stderr and the exit status."""
    tc = _wasm_toolchain()
    main_rs = tmp_path / "main.rs"
    main_rs.write_text(
        'use std::io::Read;\n'
        'fn main() {\n'
        '    let mut input = String::new();\n'
        '    std::io::stdin().read_to_string(&mut input).unwrap();\n'
        '    let args: Vec<String> = std::env::args().skip(1).collect();\n'
        '    print!("{}|{}", args.join(","), input.to_uppercase());\n'
        '    eprintln!("to stderr");\n'
        '    std::process::exit(7);\n'
        '}\n')
    module = tmp_path / "prog.wasm"
    cmd = [tc.rustc, "--target", tc.target, *build._link_flags(tc), str(main_rs), "-o", str(module)]
    subprocess.run(cmd, check=True, capture_output=True)
    # A user's folder may hold files named like modules the runner imports (nt.py, ...).
    workdir = tmp_path / "user"
    workdir.mkdir()
    for shadow in ("nt.py", "tempfile.py", "wasmtime.py"):
        (workdir / shadow).write_text("print('shadowed')\n")
    proc = subprocess.run(toolchain.wasm_command(module, ["a", "b"]), input="hello", capture_output=True,
                          text=True, cwd=workdir, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert (proc.stdout, proc.stderr, proc.returncode) == ("a,b|HELLO", "to stderr\n", 7)
    assert module.with_suffix(".cwasm").exists()  # compiled code cached for the next run
