"""The playground: the page at `/` and the three API calls it needs beyond translation.

The page (built from `web/playground/` into `static/playground/`) talks only to the
public API: `/api/v1/translation/translate` for the Rust, and the routes here to build
the WebAssembly module it runs in the visitor's browser, to get CPython's output for the
same program, and to download the Cargo project.  Building and the CPython run go
through the pool's ordinary jobs (`translate` with a build, `reference`), so they share
the sandbox, execution gate, limits and cache of every other execution path of the service.
"""
from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware
from pydantic import BaseModel, Field, field_validator

from portalis.crate import crate_files
from portalis.service.errors import ApiError
from portalis.service.routes import _ERRORS, _json, _payload, _require_sandbox, _translate_cached, guard
from portalis.service.schemas import MAX_CODE_CHARS, _not_blank

STATIC_DIR = Path(__file__).parent / "static" / "playground"
MAX_RUN_SECONDS = 30.0  # the longest CPython run a caller may ask for (it holds a pool process)
MAX_STDIN_CHARS = 1_000_000
WASM_CHECKS = {"build": True, "verify": False, "target": "wasm32-wasi", "release": True,
               "want_binary": True, "max_length": 8192}
PROJECT_CHECKS = {"build": False, "verify": False, "target": "native", "max_length": 8192}


class ProgramRequest(BaseModel):
    python_code: str = Field(min_length=1, max_length=MAX_CODE_CHARS, description="Python module source")

    _check_code = field_validator("python_code")(_not_blank)


class WasmRequest(ProgramRequest):
    optimize: bool = Field(default=True, description="Release build (opt-level 3); false builds several "
                           "times faster (opt-level 0) into a larger, slower module")


class ReferenceRequest(ProgramRequest):
    stdin: str = Field(default="", max_length=MAX_STDIN_CHARS, description="Standard input of the run")
    time_limit_seconds: float = Field(default=10.0, gt=0, le=MAX_RUN_SECONDS,
                                      description="The run is cut off after this many seconds")


class ReferenceRun(BaseModel):
    stdout: str
    stderr: str
    exit_status: int | None = Field(description="null when the run was cut off")
    timed_out: bool
    seconds: float = Field(description="Wall-clock time of the CPython run")
    time_limit_seconds: float


api = APIRouter(prefix="/api/v1/playground", tags=["playground"], dependencies=[Depends(guard)],
                responses=_ERRORS)
page = APIRouter(include_in_schema=False)


async def _translated(rt, code: str, checks: dict, **gated) -> dict:
    """The cached translate answer body for `code`; untranslatable code is a 422."""
    body, _ = await _translate_cached(rt, code, checks, _payload(code, checks, rt.settings), "playground",
                                      **gated)
    if not body["ok"]:
        raise ApiError(422, "untranslatable", "the engine cannot translate this Python",
                       diagnostics=body["diagnostics"])
    return body


@api.post("/wasm", summary="Translate and build for wasm32-wasi; answers the module",
          response_class=Response,
          responses={200: {"content": {"application/wasm": {}},
                           "description": "The WebAssembly module (WASI preview 1 command)"},
                     422: {"description": "Untranslatable (with diagnostics) or the build failed"}})
async def wasm_module(req: WasmRequest, request: Request, identity: str = Depends(guard)):
    """Run it with any WASI runtime: `wasmtime main.wasm`, or in a browser with a WASI shim."""
    rt = request.app.state.runtime
    checks = {**WASM_CHECKS, "release": req.optimize}
    async with rt.exec_gate.client(identity):  # the build runs rustc on submitted code
        body = await _translated(rt, req.python_code, checks, gate=rt.exec_gate.slot)
    build = body["metadata"].get("build") or {}
    if not build.get("ok") or not body.get("binary_b64"):
        raise ApiError(422, "build_failed", "the translated crate did not build for wasm32-wasi",
                       details={"warnings": body["warnings"], "build": build})
    return Response(base64.b64decode(body["binary_b64"]), media_type="application/wasm",
                    headers={"X-Build-Seconds": str(build.get("seconds") or 0)})


@api.post("/reference", response_model=ReferenceRun,
          summary="Run the program under CPython (the reference the Rust must match)")
async def reference_run(req: ReferenceRequest, request: Request, identity: str = Depends(guard)):
    """Stdout, stderr and exit status of `python3 main.py < stdin` in the sandbox, cut off
    after `time_limit_seconds`.  Not cached: programs may read the clock."""
    rt = request.app.state.runtime
    limit = req.time_limit_seconds
    payload = {"code": req.python_code, "filename": "main.py", "stdin": req.stdin, "timeout": limit}
    _require_sandbox(rt)
    async with rt.exec_gate.client(identity), rt.exec_gate.slot():
        result = await rt.pool.run("reference", payload, rt.settings.request_timeout + limit)
    return _json({**result, "time_limit_seconds": limit})


@api.post("/project.zip", summary="The translated Cargo project as a zip archive", response_class=Response,
          responses={200: {"content": {"application/zip": {}},
                           "description": "main/Cargo.toml, main/src/main.rs and the runtime crate"}})
async def project_zip(req: ProgramRequest, request: Request):
    """Unzip and `cargo build --release --offline` in `main/`: no crates are needed."""
    body = await _translated(request.app.state.runtime, req.python_code, PROJECT_CHECKS)
    files = {**crate_files("main", body["rust_code"]), "Cargo.toml": body["cargo_toml"],
             "main.py": req.python_code}
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            zf.writestr(f"main/{name}", files[name])
    return Response(archive.getvalue(), media_type="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="main.zip"'})


@page.get("/")
async def index():
    """The playground page, or a plain explanation where its bundle was never built."""
    index_html = STATIC_DIR / "index.html"
    if not index_html.is_file():
        return HTMLResponse("<!doctype html><title>Portalis</title><p>The playground page is not built: "
                            "run <code>scripts/setup.sh</code> (it builds <code>web/playground</code> with npm). "
                            'The API is at <a href="/docs">/docs</a>.</p>', status_code=503)
    return FileResponse(index_html, headers={"Cache-Control": "no-cache"})


class HashedAssets(StaticFiles):
    """The bundle's files carry a hash of their content in their names (build.mjs), so a
    browser may keep them for good; only index.html, served by `index`, is revalidated."""

    def file_response(self, *args, **kwargs):
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def install(app) -> None:
    """Register the playground's API routes, the page and its assets on `app`."""
    app.include_router(api)
    app.include_router(page)
    assets = HashedAssets(directory=STATIC_DIR, check_dir=False)
    app.mount("/playground", GZipMiddleware(assets, minimum_size=1024), name="playground")  # the bundle is text
