#!/usr/bin/env bash
# Idempotent set-up for a fresh machine: system packages, a virtualenv, the project.
# Sourced by scripts/run and scripts/test; safe to run again and again.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PORTALIS_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"

need_apt=()
# Rust: stable cargo/rustc may come from rustup; Debian's rustc 1.63 brings wasm32-wasi.
command -v cargo >/dev/null 2>&1 || need_apt+=(cargo rustc)
[ -x /usr/bin/rustc ] || need_apt+=(rustc)
[ -d /usr/lib/rustlib/wasm32-wasi ] || need_apt+=(libstd-rust-dev-wasm32)
# Debian's rustc links wasm32-wasi modules with rust-lld, a link to lld-14 it only suggests.
command -v lld-14 >/dev/null 2>&1 || need_apt+=(lld-14)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
# The service runs submitted code only inside bubblewrap (the sandbox).
command -v bwrap >/dev/null 2>&1 || need_apt+=(bubblewrap)
# Triton's Python backend stub links against the system Python and needs numpy there.
/usr/bin/python3 -c "import numpy" >/dev/null 2>&1 || need_apt+=(python3-numpy)
ldconfig -p 2>/dev/null | grep -q "libpython3.11.so.1.0" || need_apt+=(libpython3.11)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need_apt[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "setup: missing system packages: ${need_apt[*]} (install them with apt-get)" >&2
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
stamp="$VENV/.portalis-installed"
want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$VENV/bin/pip" install -q --upgrade pip >/dev/null
  "$VENV/bin/pip" install -q -e "$ROOT[service,triton,dev]"
  echo "$want" > "$stamp"
fi
export PATH="$VENV/bin:$PATH"
