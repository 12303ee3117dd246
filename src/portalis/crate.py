"""The Cargo crate a translation produces: Cargo.toml, src/main.rs and the runtime.

The runtime is Rust source shipped inside this package (`portalis/runtime/*.rs`).  It
is written into the crate as a path dependency (`runtime/`) so the crate builds with
plain `cargo build --offline`, and so `portalis.build` can compile it once and share it.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

RUNTIME_CRATE = "portalis_runtime"


@lru_cache(maxsize=1)
def runtime_sources() -> dict[str, str]:
    """The runtime's Rust files by name (lib.rs first), read once from the package."""
    folder = resources.files("portalis") / "runtime"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".rs"))
    return {name: (folder / name).read_text(encoding="utf-8") for name in names}


@lru_cache(maxsize=1)
def runtime_hash() -> str:
    digest = hashlib.sha256()
    for name, text in runtime_sources().items():
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()[:16]


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


def runtime_cargo_toml() -> str:
    return f"""[package]
name = "{RUNTIME_CRATE}"
version = "0.1.0"
edition = "2021"

[lib]
path = "src/lib.rs"
"""


def crate_files(name: str, main_rs: str) -> dict[str, str]:
    files = {"Cargo.toml": cargo_toml(name), "src/main.rs": main_rs,
             "runtime/Cargo.toml": runtime_cargo_toml()}
    for fname, text in runtime_sources().items():
        files[f"runtime/src/{fname}"] = text
    return files
