"""The Rust runtime on its own: its unit tests pass, and it compiles without warnings
on current stable Rust and on Rust 1.63 (Debian's toolchain for wasm32-wasi)."""
import shutil
import subprocess
from pathlib import Path

import pytest

RUNTIME = Path(__file__).resolve().parents[1] / "src" / "portalis" / "runtime" / "src"
pytestmark = pytest.mark.slow


def _rustc(path: str | None) -> str:
    if path is None or not Path(path).exists():
        pytest.skip(f"no Rust compiler at {path}")
    return path


def test_runtime_unit_tests_pass(tmp_path):
    rustc = _rustc(shutil.which("rustc"))
    binary = tmp_path / "runtime_tests"
    build = subprocess.run([rustc, "--edition", "2021", "--test", "-C", "opt-level=1", "--crate-name",
                            "portalis_runtime", str(RUNTIME / "lib.rs"), "-o", str(binary)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-4000:]
    run = subprocess.run([str(binary), "-q"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " 0 failed" in run.stdout


@pytest.mark.parametrize("compiler", ["stable", "debian-1.63"])
def test_runtime_compiles_without_warnings(tmp_path, compiler):
    rustc = _rustc(shutil.which("rustc") if compiler == "stable" else "/usr/bin/rustc")
    proc = subprocess.run([rustc, "--edition", "2021", "--crate-type", "rlib", "--crate-name", "portalis_runtime",
                           "-D", "warnings", str(RUNTIME / "lib.rs"), "-o", str(tmp_path / "rt.rlib")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-4000:]
