"""Running wasm32-wasi modules: `python -m portalis.wasi MODULE.wasm [ARGS...]`.

The `wasmtime` package has no command line of its own, so this is the one `check` and
`run` use.  The module gets this process's standard streams and arguments and its exit
status becomes ours.  Translated programs recurse as deeply as native ones (8 MiB of
stack), so the module runs on a thread with a large native stack and wasmtime's own
stack limit is raised to match.  Compiled machine code is cached next to the module so
running the same program again skips the compile.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

WASM_STACK = 64 << 20    # wasmtime's limit on native stack used by wasm frames
THREAD_STACK = 256 << 20  # the host thread's stack: the wasm limit plus room for wasmtime
TRAP_STATUS = 134         # what a shell reports for an aborted process (128 + SIGABRT)


def _engine():
    import wasmtime
    config = wasmtime.Config()
    config.max_wasm_stack = WASM_STACK
    return wasmtime.Engine(config)


def _module(engine, path: Path):
    """The compiled module, from the `.cwasm` cache when it is newer than the `.wasm`."""
    import wasmtime
    cached = path.with_suffix(".cwasm")
    if cached.exists() and cached.stat().st_mtime >= path.stat().st_mtime:
        try:
            return wasmtime.Module.deserialize_file(engine, str(cached))
        except wasmtime.WasmtimeError:
            pass  # compiled by another wasmtime version: compile again
    module = wasmtime.Module.from_file(engine, str(path))
    try:
        tmp = cached.with_suffix(".cwasm.tmp")
        tmp.write_bytes(module.serialize())
        tmp.replace(cached)
    except OSError:
        pass  # a read-only folder only costs the cache
    return module


def run_module(path: str | Path, args: list[str]) -> int:
    """Run a WASI command module to completion; its exit status."""
    import wasmtime
    path = Path(path)
    engine = _engine()
    module = _module(engine, path)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = [path.stem, *args]
    wasi.inherit_stdin()
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    wasi.inherit_env()
    store.set_wasi(wasi)
    try:
        linker.instantiate(store, module).exports(store)["_start"](store)
    except wasmtime.ExitTrap as exit_:
        return exit_.code
    except (wasmtime.Trap, wasmtime.WasmtimeError) as trap:
        sys.stderr.write(f"wasm trap: {trap.message}\n")
        return TRAP_STATUS
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        sys.stderr.write("usage: python -m portalis.wasi MODULE.wasm [ARGS...]\n")
        return 2
    status: list[int] = []
    threading.stack_size(THREAD_STACK)
    runner = threading.Thread(target=lambda: status.append(run_module(argv[0], argv[1:])))
    runner.start()
    runner.join()
    return status[0] if status else TRAP_STATUS


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
