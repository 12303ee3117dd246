"""The Cargo crate a translation produces: Cargo.toml, src/main.rs and the runtime.

The runtime is a Rust crate shipped inside this package (`portalis/runtime/`: its own
`Cargo.toml`, `src/`, and unit tests under `tests/`).  Its `Cargo.toml` and `src/` are
written into every translated crate as a path dependency (`runtime/`) so the crate builds
with plain `cargo build --offline`, and so `portalis.build` can compile it once and share it.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

RUNTIME_CRATE = "portalis_runtime"


@lru_cache(maxsize=1)
def runtime_sources() -> dict[str, str]:
    """The runtime's Rust sources by path under `src/` (`lib.rs`, `stdlib/re.rs`, ...),
    read once from the package.  The unit tests stay behind: only `cargo test` needs them."""
    root = resources.files("portalis") / "runtime" / "src"
    found: dict[str, str] = {}
    folders = [(root, "")]
    while folders:
        folder, prefix = folders.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                folders.append((entry, f"{prefix}{entry.name}/"))
            elif entry.name.endswith(".rs"):
                found[prefix + entry.name] = entry.read_text(encoding="utf-8")
    return dict(sorted(found.items()))


@lru_cache(maxsize=1)
def runtime_cargo_toml() -> str:
    return (resources.files("portalis") / "runtime" / "Cargo.toml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def runtime_hash() -> str:
    digest = hashlib.sha256()
    for name, text in runtime_sources().items():
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()[:16]


@lru_cache(maxsize=None)
def engine_identity(version: str) -> str:
    """`version+<hash of the engine's sources>`: an engine edited without a version bump
    still gets fresh cache keys.  Only the engine counts: top-level modules, engine packages, runtime."""
    root = Path(__file__).parent
    files = [*root.glob("*.py"), *(root / "runtime" / "src").rglob("*.rs"),
             *(p for package in ("frontend", "analysis", "lower", "emit") for p in (root / package).rglob("*.py"))]
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{version}+{digest.hexdigest()[:12]}"


def cargo_toml(name: str) -> str:
    return f"""[package]
name = "{name}"
version = "0.1.0"
edition = "2021"

[dependencies]
{RUNTIME_CRATE} = {{ path = "runtime" }}

[profile.release]
opt-level = 3
debug = false
panic = "abort"

[workspace]
"""


def crate_files(name: str, main_rs: str) -> dict[str, str]:
    files = {"Cargo.toml": cargo_toml(name), "src/main.rs": main_rs}
    files.update(_runtime_files())
    return files


@lru_cache(maxsize=1)
def _runtime_files() -> dict[str, str]:
    """The runtime's files by their path in a translated crate (the same for every one)."""
    files = {"runtime/Cargo.toml": runtime_cargo_toml()}
    for fname, text in runtime_sources().items():
        files[f"runtime/src/{fname}"] = text
    return files
