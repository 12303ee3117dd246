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
# The playground page is bundled with npm; its browser tests drive Debian's chromium.
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
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

# The playground bundle (package data under src/portalis/service/static/playground), rebuilt
# when web/playground or examples/ changed since it was last built.
web="$ROOT/web/playground"
bundle="$ROOT/src/portalis/service/static/playground"
inputs="$(cd "$ROOT" && { find web/playground -name node_modules -prune -o -type f -print; find examples -type f; } \
  | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)"
if [ ! -f "$bundle/index.html" ] || [ "$(cat "$bundle/.inputs" 2>/dev/null)" != "$inputs" ]; then
  if command -v npm >/dev/null 2>&1; then
    lock="$(sha256sum "$web/package-lock.json" | cut -c1-16)"
    if [ "$(cat "$web/node_modules/.portalis-lock" 2>/dev/null)" != "$lock" ]; then
      (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
      echo "$lock" > "$web/node_modules/.portalis-lock"
    fi
    (cd "$web" && npm run --silent build >/dev/null)
    echo "$inputs" > "$bundle/.inputs"
  else
    echo "setup: npm is missing: the playground page (web/playground) is not built" >&2
  fi
fi
