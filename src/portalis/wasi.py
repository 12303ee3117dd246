"""Running wasm32-wasi modules: `python -m portalis.wasi MODULE.wasm [ARGS...]`.

The `wasmtime` package has no command line of its own, so this is the one `check` and
`run` use.  The module gets this process's standard streams, arguments and environment,
and the working directory, preopened both as `.` (relative paths) and under its own
absolute path (`os.getcwd()` is passed as PORTALIS_CWD); its exit status becomes ours.
The time-zone files are preopened read-only, and the zone `/etc/localtime` names is
passed as `TZ` when `TZ` is unset, so `time.localtime` sees the machine's zone.  Compiled machine code is cached next to the module so running the
same program again skips the compile.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

TRAP_STATUS = 134  # what a shell reports for an aborted process (128 + SIGABRT)


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


ZONEINFO = "/usr/share/zoneinfo"


def _local_zone() -> list[tuple[str, str]]:
    """`TZ` naming the zone file `/etc/localtime` links to, when `TZ` is not set."""
    if "TZ" in os.environ:
        return []
    target = os.path.realpath("/etc/localtime")
    if not target.startswith(ZONEINFO + "/") or not os.path.isfile(target):
        return []
    return [("TZ", target[len(ZONEINFO) + 1:])]


def run_module(path: str | Path, args: list[str]) -> int:
    """Run a WASI command module to completion; its exit status."""
    import wasmtime
    path = Path(path)
    engine = wasmtime.Engine()
    module = _module(engine, path)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = [path.stem, *args]
    wasi.inherit_stdin()
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    cwd = os.getcwd()
    wasi.env = [*os.environ.items(), ("PORTALIS_CWD", cwd), *_local_zone()]
    wasi.preopen_dir(cwd, ".")
    if cwd != "/":
        wasi.preopen_dir(cwd, cwd)
    if os.path.isdir(ZONEINFO):
        wasi.preopen_dir(ZONEINFO, ZONEINFO, False)
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
    return run_module(argv[0], argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
