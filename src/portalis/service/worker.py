"""Code that runs inside a pool process: translation, builds and CPython checks.

The HTTP process never translates; it sends `(job, payload)` over a pipe and a pool
process answers with `("chunk", data)` messages followed by one `("done", result)` or
`("fail", error)`.  Each pool process leads its own process group (so a timeout kills
cargo and rustc with it), keeps its temporary files under its own directory (so the
parent can delete them when it replaces the process) and runs every job under an
address-space limit.
"""
from __future__ import annotations

import ast
import base64
import os
import pickle
import resource
import signal
import struct
import subprocess
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Callable

from portalis.check import Confinement, OutputLimitExceeded, ResourceLimitExceeded
from portalis.sandbox import Limits, Sandbox, SandboxUnavailable

Emit = Callable[[dict], None]
CONFINED: Confinement | None = None  # set by serve(): how this process runs submitted code


def confinement(bwrap: str, uid: int, run: dict, build: dict) -> Confinement:
    """The sandbox and its limits for runs (CPython, the program) and for builds (rustc)."""
    return Confinement(Sandbox(bwrap, uid), Limits(**run), Limits(**build))


def serve(jobs, results, scratch_dir: str, translate_memory_mb: int, build_memory_mb: int,
          sandbox: dict) -> None:
    """Pool process main loop: one job at a time until the job pipe closes.

    `sandbox`: the keyword arguments of `confinement()`; every job that executes submitted
    code (builds, CPython runs, the built program) runs under that confinement."""
    global CONFINED
    CONFINED = confinement(**sandbox)
    os.setsid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    Path(scratch_dir).mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = scratch_dir
    tempfile.tempdir = scratch_dir
    import portalis  # noqa: F401  (import the engine before the first job, not during it)

    out = results.fileno()

    def send(message: tuple) -> None:
        write_frame(out, message)

    limits = {"translate": translate_memory_mb, "build": build_memory_mb}
    while True:
        try:
            job, payload = read_frame(jobs.fileno())
        except (EOFError, OSError):
            return
        limit = limits["build" if _builds(job, payload) else "translate"]
        _limit_memory(limit)
        try:
            result = JOBS[job](payload, lambda data: send(("chunk", data)))
        except MemoryError:
            send(("fail", {"error": "out_of_memory", "message": f"this input needed more than {limit} MB"}))
            return  # the heap may be fragmented beyond use; the pool starts a fresh process
        except SandboxUnavailable as err:
            send(("fail", {"error": "sandbox_unavailable", "message": f"the sandbox is unavailable: {err}"}))
            continue
        except OutputLimitExceeded as err:
            send(("fail", {"error": "output_too_large", "message": str(err), "limit": err.limit}))
            continue
        except Exception as err:  # the engine must never take the pool process down
            send(("fail", {"error": "engine_error", "message": f"{type(err).__name__}: {err}",
                           "trace": traceback.format_exc(limit=-8)}))
            continue
        send(("done", result))


FRAME_HEADER = struct.Struct("!Q")


def frame(message: tuple) -> bytes:
    """One length-prefixed pickle: the wire format in both directions.  Own framing (not
    Connection.send) lets the parent read and write without blocking its event loop."""
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return FRAME_HEADER.pack(len(body)) + body


def write_frame(fd: int, message: tuple) -> None:
    data = memoryview(frame(message))
    while data:
        data = data[os.write(fd, data):]


def read_frame(fd: int) -> tuple:
    """Block until one whole frame has arrived (pool process side)."""
    (length,) = FRAME_HEADER.unpack(_read_exactly(fd, FRAME_HEADER.size))
    return pickle.loads(_read_exactly(fd, length))


def _read_exactly(fd: int, size: int) -> bytes:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise EOFError("the job pipe closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _builds(job: str, payload: dict) -> bool:
    return job == "translate" and bool(payload.get("build") or payload.get("verify"))


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _diagnostics(diags) -> list[dict]:
    return [{"file": d.filename, "line": d.line, "col": d.col, "message": d.message,
             "hint": d.hint, "severity": d.severity} for d in diags]


def has_main_output(source: str) -> bool:
    """True when the module runs statements of its own (top-level code or a __main__ block),
    i.e. when running it under CPython gives output worth comparing."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    quiet = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)
    for node in tree.body:
        if isinstance(node, quiet):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # docstring
        return True
    return False


def translate_job(payload: dict, emit: Emit) -> dict:
    """Translate one module; optionally build it and compare it with CPython.

    payload: code, filename, crate_name?, version?, build? {target, release, debug_info,
    want_binary, timeout}, verify? {target, timeout}.
    """
    import portalis

    code, filename = payload["code"], payload.get("filename", "main.py")
    project = payload.get("project")  # {"files": {path: source}, "entry": path}: modules importing each other
    if project:
        t = portalis.translate_project(project["files"], project["entry"], crate_name=payload.get("crate_name"))
    else:
        t = portalis.translate(code, filename, crate_name=payload.get("crate_name"))
    result: dict[str, Any] = {
        "ok": t.ok, "diagnostics": _diagnostics(t.diagnostics), "facts": t.facts,
        "rust_code": t.rust_code, "cargo_toml": _cargo_toml(t.cargo_toml, payload),
        "build": None, "verify": None,
    }
    if not t.ok:
        return result
    build, verify = payload.get("build"), payload.get("verify")
    comparable = bool(verify) and has_main_output(code) and not project
    if comparable and not (build or {}).get("want_binary"):
        result["build"], result["verify"] = _check(code, filename, verify)  # one build serves both
        return result
    if build:
        result["build"] = _build(t, result["cargo_toml"], build)
    if verify:
        result["verify"] = _check(code, filename, verify)[1] if comparable else {
            "ran": False, "identical": None,
            "reason": "a project is compared with `portalis check` on its folder" if project else
            "module has no top-level code or __main__ block to compare"}
    return result


def _cargo_toml(text: str, payload: dict) -> str:
    """Apply the batch's project version and debug-info choice to the crate manifest."""
    version = payload.get("version")
    if version and text:
        text = text.replace('version = "0.1.0"', f'version = "{version}"', 1)
    if (payload.get("build") or {}).get("debug_info"):
        text = text.replace("debug = false", "debug = true", 1)
    return text


def _build(translation, cargo_toml: str, opts: dict) -> dict:
    from portalis.build import ToolchainMissing, build_crate

    with tempfile.TemporaryDirectory(prefix="build-") as tmp:
        crate = translation.write(Path(tmp) / "crate")
        (crate / "Cargo.toml").write_text(cargo_toml)
        try:
            r = build_crate(crate, target=opts.get("target", "native"), release=opts.get("release", True),
                            timeout=opts.get("timeout"), sandbox=(CONFINED.sandbox, CONFINED.build))
        except ToolchainMissing as err:
            return {"ok": False, "target": opts.get("target"), "error": "toolchain_missing",
                    "stderr": str(err), "seconds": 0.0}
        out = {"ok": bool(r.ok), "target": opts.get("target"), "seconds": round(r.seconds, 3),
               "stderr": (r.stderr or "")[-4000:], "binary_size": None, "binary_b64": None}
        if r.ok and r.binary and Path(r.binary).is_file():
            data = Path(r.binary).read_bytes()
            out["binary_size"] = len(data)
            if opts.get("want_binary"):
                out["binary_b64"] = base64.b64encode(data).decode()
        return out


def _check(code: str, filename: str, opts: dict) -> tuple[dict | None, dict]:
    """Build the module and run it under CPython and as Rust: (build report, verification)."""
    from portalis.build import ToolchainMissing
    from portalis.check import check_source

    target = opts.get("target", "native")
    try:
        c = check_source(code, filename, target=target, timeout=opts.get("timeout", 30), confined=CONFINED)
    except ResourceLimitExceeded as err:
        return None, {"ran": False, "identical": None, "reason": str(err)}
    except ToolchainMissing as err:
        return ({"ok": False, "target": target, "error": "toolchain_missing", "stderr": str(err)},
                {"ran": False, "identical": None, "reason": f"toolchain missing: {err}", "transient": True})
    except subprocess.TimeoutExpired as err:
        return ({"ok": False, "target": target, "error": "timeout", "stderr": str(err)},
                {"ran": False, "identical": None, "reason": "CPython did not finish in time", "transient": True})
    built = c.verdict not in ("build failed", "untranslatable")
    build = {"ok": built, "target": target, "stderr": "" if built else (c.diff or "")[-4000:]}
    verify = {"ran": built, "identical": bool(c.identical) if built else None, "verdict": c.verdict,
              "diff": (c.diff or "")[-4000:] if built else ""}
    return build, verify


def stream_job(payload: dict, emit: Emit) -> dict:
    """Emit each top-level item's Rust as the engine lowers it."""
    import portalis

    code, filename = payload["code"], payload.get("filename", "main.py")
    items = []
    try:
        for chunk in portalis.iter_translate(code, filename):
            items.append(chunk.name)
            emit({"kind": chunk.kind, "name": chunk.name, "rust": chunk.rust})
    except portalis.TranslationError as err:
        return {"ok": False, "diagnostics": _diagnostics(err.diagnostics), "items": items}
    except RecursionError:
        return {"ok": False, "items": items, "diagnostics": [{
            "file": filename, "line": 1, "col": 1, "severity": "error",
            "message": "input is nested too deeply to translate",
            "hint": "split deeply nested expressions into smaller statements"}]}
    return {"ok": True, "diagnostics": [], "items": items}


def reference_job(payload: dict, emit: Emit) -> dict:
    """CPython's run of a module in the sandbox (the playground's reference output):
    payload code, filename, stdin, timeout.  A run the sandbox's limits or the timeout cut
    off is `timed_out`; one that prints too much fails as `output_too_large`."""
    from portalis.check import run_python

    with tempfile.TemporaryDirectory(prefix="reference-") as tmp:
        script = Path(tmp) / Path(payload.get("filename", "main.py")).name
        script.write_text(payload["code"])
        started = time.perf_counter()
        try:
            run = run_python(script, payload.get("stdin", ""), payload["timeout"], confined=CONFINED)
        except ResourceLimitExceeded:
            return {"stdout": "", "stderr": "", "exit_status": None, "timed_out": True,
                    "seconds": round(time.perf_counter() - started, 3)}
    return {"stdout": run.stdout, "stderr": run.stderr, "exit_status": run.returncode, "timed_out": False,
            "seconds": round(time.perf_counter() - started, 3)}


def hello_job(payload: dict, emit: Emit) -> dict:
    """Answered once at start-up: proves the engine imports, reports its identity and
    whether the sandbox works here (None, or what is missing)."""
    import portalis

    return {"pid": os.getpid(), "engine_version": portalis.__version__, "sandbox": CONFINED.sandbox.probe()}


JOBS: dict[str, Callable[[dict, Emit], dict]] = {
    "translate": translate_job, "stream": stream_job, "reference": reference_job, "hello": hello_job,
}
