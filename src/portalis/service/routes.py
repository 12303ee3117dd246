"""HTTP routes: the NIM translation API, health probes, metrics and status.

Handlers stay thin: validate (schemas), guard (auth, rate limit), look in the cache,
else hand the work to the process pool, then shape the answer (results).  Answers are
serialised once with `json.dumps` so a cache hit costs no model round-trip.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import math
import re
import time
from contextlib import aclosing
from pathlib import PurePosixPath

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response, StreamingResponse

from portalis.service import metrics, results
from portalis.service.auth import presented_key
from portalis.service.cache import cache_key
from portalis.service.errors import ApiError, request_id
from portalis.service.pool import PoolNotReady, QueueFull
from portalis.service import triton_backend
from portalis.service.schemas import (BatchTranslationRequest, BatchTranslationResponse, ErrorBody, Mode,
                                      OptimizationLevel, StreamChunk, TranslationRequest,
                                      TranslationResponse)

JSON = "application/json"
TRITON_BATCH_CONCURRENCY = 16  # a batch's requests in flight to Triton (its dynamic batcher groups them)
_ERRORS = {status: {"model": ErrorBody, "description": text} for status, text in {
    401: "Missing or invalid API key", 413: "Body too large",
    422: "Invalid request, or Python the engine cannot translate (with diagnostics)",
    429: "Rate limited; see Retry-After",
    502: "The translation process crashed on this request, or Triton failed on it",
    503: "Queue full, pool not ready or Triton unreachable; see Retry-After", 504: "Translation timed out",
}.items()}


def _json(body: dict, status: int = 200, headers: dict | None = None) -> Response:
    return Response(json.dumps(body), status_code=status, media_type=JSON, headers=headers)


def _too_many_failures(wait: float) -> ApiError:
    return ApiError(429, "too_many_failed_auth", "too many requests with a wrong API key from this address",
                    details={"retry_after_seconds": round(wait, 3)},
                    headers={"Retry-After": str(max(1, math.ceil(wait)))})


async def guard(request: Request) -> str:
    """Authenticate (when enabled) and charge the caller's rate-limit bucket.

    The client address is the peer's, or X-Forwarded-For's when the peer is one of
    PORTALIS_TRUSTED_PROXIES (uvicorn applies that rule before we see the request)."""
    rt = request.app.state.runtime
    address = request.client.host if request.client else "unknown"
    identity = "ip:" + address
    if rt.keys is not None:
        wait = rt.auth_failures.blocked_for(address)
        if wait > 0:
            raise _too_many_failures(wait)
        client = rt.keys.client_for(presented_key(request.headers))
        if client is None:
            wait = await rt.auth_failures.failed(address)
            if wait > 0:
                raise _too_many_failures(wait)
            raise ApiError(401, "unauthorized", "a valid API key is required (X-API-Key or Authorization: Bearer)",
                           headers={"WWW-Authenticate": "Bearer"})
        identity = "key:" + client
    if rt.limiter is not None:
        try:
            wait = await rt.limiter.acquire(identity)
        except Exception:  # a limiter outage must not take the API down
            wait = 0.0
        if wait > 0:
            raise ApiError(429, "rate_limited", "rate limit exceeded for this client",
                           details={"retry_after_seconds": round(wait, 3)},
                           headers={"Retry-After": str(max(1, math.ceil(wait)))})
    return identity


api = APIRouter(prefix="/api/v1/translation", tags=["translation"], dependencies=[Depends(guard)],
                responses=_ERRORS)
probes = APIRouter(tags=["health"])


# -- translation -------------------------------------------------------------------------

def _checks(req: TranslationRequest) -> dict:
    """What beyond translation this request asks for; part of the cache key."""
    return {"build": req.compile or req.mode is Mode.quality, "verify": req.mode is Mode.quality,
            "target": req.target, "max_length": req.max_length}


def _payload(code: str, checks: dict, settings, **extra) -> dict:
    payload = {"code": code, "filename": extra.pop("filename", "main.py"), **extra}
    if checks["build"]:
        payload["build"] = {"target": checks["target"], "release": checks.get("release", True),
                            "debug_info": checks.get("debug_info", False),
                            "want_binary": checks.get("want_binary", False),
                            "timeout": settings.build_timeout}
    if checks["verify"]:
        payload["verify"] = {"target": checks["target"], "timeout": settings.build_timeout}
    return payload


def _timeout(checks: dict, settings) -> float:
    heavy = checks["build"] or checks["verify"]
    return settings.request_timeout + (2 * settings.build_timeout if heavy else 0.0)


def _backend(rt, mode: str) -> str:
    """"triton" when this mode (or "batch") goes to Triton, else "local" (the pool)."""
    return "triton" if rt.triton is not None and rt.settings.uses_triton(mode) else "local"


async def _translate_cached(rt, code: str, checks: dict, payload: dict, mode: str,
                            admit: bool = True, backend: str = "local",
                            gate=contextlib.nullcontext) -> tuple[dict, bool]:
    """(cacheable answer body, was it cached) for one module, counting the outcome.

    A miss that runs submitted code needs the sandbox, and holds `gate()` while it runs."""
    started = time.perf_counter()
    key = cache_key(rt.engine_version, "translate", code, {**checks, "backend": backend, **{
        k: payload.get(k) for k in ("filename", "crate_name", "version")}})
    body = await rt.cache.get(key)
    cached = body is not None
    if not cached:
        try:
            if backend == "triton":
                answer = await rt.triton.translate(code, triton_backend.options_for(payload))
            elif _executes(checks):
                _require_sandbox(rt)
                async with gate():
                    result = await rt.pool.run("translate", payload, _timeout(checks, rt.settings), admit=admit)
            else:
                result = await rt.pool.run("translate", payload, _timeout(checks, rt.settings), admit=admit)
        except Exception as err:
            metrics.TRANSLATIONS.labels(mode, getattr(err, "error", "internal_error")).inc()
            raise
        if backend == "triton":
            body = triton_backend.translation_body(answer, checks=checks, payload=payload,
                                                   protocol=rt.triton.protocol)
            await rt.cache.set(key, body)  # deterministic, and failures raised above
        else:
            body = results.translation_body(result, checks=checks, max_length=checks["max_length"])
            if result.get("build") and not result["build"].get("ok"):
                metrics.BUILD_ERRORS.labels(result["build"].get("target") or "native").inc()
            if results.cacheable(result):
                await rt.cache.set(key, body)
    outcome = ("cache_hit" if cached else "translated") if body["ok"] else "untranslatable"
    metrics.TRANSLATIONS.labels(mode, outcome).inc()
    metrics.TRANSLATION_DURATION.labels(mode).observe(time.perf_counter() - started)
    return body, cached


def _executes(checks: dict) -> bool:
    """Whether answering runs submitted code (a build, CPython, the program): sandbox needed."""
    return bool(checks["build"] or checks["verify"])


def _require_sandbox(rt) -> None:
    """Fail closed: no sandbox, no execution."""
    if rt.pool.sandbox_problem:
        raise ApiError(503, "sandbox_unavailable",
                       f"this server cannot run submitted code safely, so it runs none: {rt.pool.sandbox_problem}",
                       details={"reason": rt.pool.sandbox_problem},
                       headers={"Retry-After": str(rt.settings.retry_after_seconds)})


@api.post("/translate", response_model=TranslationResponse, summary="Translate one Python module to Rust")
async def translate(req: TranslationRequest, request: Request, identity: str = Depends(guard)):
    """Translate `python_code`. `quality` mode also builds the crate and, when the module
    prints something of its own, runs it under CPython and as Rust and compares (sandboxed)."""
    started = time.perf_counter()
    rt = request.app.state.runtime
    checks = _checks(req)
    payload = _payload(req.python_code, checks, rt.settings)
    backend = _backend(rt, req.mode.value)
    if backend == "local" and _executes(checks):
        async with rt.exec_gate.client(identity):
            body, cached = await _translate_cached(rt, req.python_code, checks, payload, req.mode.value,
                                                   backend=backend, gate=rt.exec_gate.slot)
    else:
        body, cached = await _translate_cached(rt, req.python_code, checks, payload, req.mode.value,
                                               backend=backend)
    if not body["ok"]:
        raise ApiError(422, "untranslatable", "the engine cannot translate this Python",
                       diagnostics=body["diagnostics"])
    metadata = {**body["metadata"], "mode": req.mode.value}
    if req.context:
        metadata["context"] = req.context
    answer = {k: v for k, v in body.items() if k not in ("ok", "binary_b64")}
    answer.update(metadata=metadata, cached=cached, alternatives=[] if req.include_alternatives else None,
                  processing_time_ms=round((time.perf_counter() - started) * 1000, 3))
    if req.include_alternatives:
        answer["warnings"] = [*answer["warnings"],
                              "no alternatives: the engine produces one deterministic translation"]
    return _json(answer)


@api.post("/translate/stream", summary="Translate, streaming each top-level item as NDJSON",
          response_class=StreamingResponse,
          responses={200: {"content": {"application/x-ndjson": {}},
                           "description": "One StreamChunk per line"}})
async def translate_stream(req: TranslationRequest, request: Request):
    """Each function or class is sent as soon as the engine has lowered it."""
    started = time.perf_counter()
    rt = request.app.state.runtime
    events = rt.pool.stream("stream", {"code": req.python_code}, rt.settings.request_timeout)
    try:
        first = await anext(events)  # admission errors (queue full, not ready) are plain HTTP errors
    except (QueueFull, PoolNotReady):
        await events.aclose()
        metrics.TRANSLATIONS.labels("streaming", "error").inc()
        raise
    except Exception as err:  # the engine failed: still a stream, ending in an error chunk
        await events.aclose()
        first = ("error", err)
    if first[0] == "done" and not first[1]["ok"]:
        metrics.TRANSLATIONS.labels("streaming", "untranslatable").inc()
        raise ApiError(422, "untranslatable", "the engine cannot translate this Python",
                       diagnostics=first[1]["diagnostics"])
    rid = request_id(request)

    async def lines():
        def line(chunk_type, content, is_final=False, meta=None):
            return StreamChunk(chunk_type=chunk_type, content=content, is_final=is_final,
                               metadata=meta).model_dump_json() + "\n"

        yield line("metadata", json.dumps({"request_id": rid, "status": "started"}),
                   meta={"engine_version": rt.engine_version, "mode": req.mode.value})
        index = 0
        outcome = "error"
        async with aclosing(events):
            try:
                event = first
                while True:
                    kind, data = event
                    if kind == "error":
                        raise data
                    if kind == "chunk":
                        yield line("code", data["rust"] + "\n",
                                   meta={"kind": data["kind"], "name": data["name"], "index": index})
                        index += 1
                    elif data["ok"]:
                        outcome = "translated"
                        yield line("complete", "", True, {
                            "items": data["items"], "chunks": index,
                            "processing_time_ms": round((time.perf_counter() - started) * 1000, 3)})
                        return
                    else:
                        outcome = "untranslatable"
                        yield line("error", "the engine cannot translate this Python", True,
                                   {"diagnostics": data["diagnostics"]})
                        return
                    event = await anext(events)
            except Exception as err:
                yield line("error", getattr(err, "message", "internal error"), True,
                           {"error": getattr(err, "error", "internal_error")})
            finally:
                metrics.TRANSLATIONS.labels("streaming", outcome).inc()
                metrics.TRANSLATION_DURATION.labels("streaming").observe(time.perf_counter() - started)

    return StreamingResponse(lines(), media_type="application/x-ndjson",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


class BatchDeadline(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _crate_name(project: str, filename: str, single: bool) -> str:
    stem = PurePosixPath(filename).stem
    raw = project if single else f"{project}_{stem}"
    cleaned = re.sub(r"[^a-z0-9_]", "_", raw.lower()).strip("_") or "main"
    return cleaned if cleaned[0].isalpha() else f"py_{cleaned}"


def _project_of(sources: list[tuple[str, str]]) -> tuple[str, str] | None:
    """(entry, cache text) when the files import each other, else None."""
    from portalis.frontend.project import imports_project_modules, likely_entry
    files = dict(sources)
    if len(files) < 2 or not imports_project_modules(files):
        return None
    entry = likely_entry(files)
    return entry, json.dumps({"entry": entry, "files": files}, sort_keys=True)


@api.post("/translate/batch", response_model=BatchTranslationResponse,
          summary="Translate up to 100 files; one bad file does not fail the batch")
async def translate_batch(req: BatchTranslationRequest, request: Request, identity: str = Depends(guard)):
    started = time.perf_counter()
    rt = request.app.state.runtime
    sources = req.named_sources()
    project = _project_of(sources)
    # Triton translates only: batches that build (wasm binaries, CPython comparisons) or
    # link modules into one crate stay local.
    executes = req.compile_wasm or req.run_tests
    backend = "local" if executes or project else _backend(rt, "batch")
    if backend == "local":
        rt.pool.admit()
    if executes:
        _require_sandbox(rt)
    level = req.optimization_level
    checks = {"build": req.compile_wasm, "verify": req.run_tests,
              "target": "wasm32-wasi" if req.compile_wasm else "native",
              "release": level is not OptimizationLevel.debug,
              "debug_info": level is OptimizationLevel.release_with_debug,
              "want_binary": req.compile_wasm, "max_length": 8192}
    gate = asyncio.Semaphore(rt.pool.size if backend == "local" else TRITON_BATCH_CONCURRENCY)

    async def one(name: str, code: str):
        async with gate:
            payload = _payload(code, checks, rt.settings, filename=name, version=req.project_config.version,
                               crate_name=_crate_name(req.project_config.name, name, len(sources) == 1))
            try:
                return await _translate_cached(rt, code, checks, payload, "batch", admit=False,
                                               backend=backend, gate=rt.exec_gate.slot)
            except Exception as err:
                return err, False

    async def linked_project():
        """Modules that import each other: one crate, reported on the entry."""
        entry, code = project
        payload = _payload(code, checks, rt.settings, filename=entry, version=req.project_config.version,
                           crate_name=_crate_name(req.project_config.name, entry, True),
                           project={"files": dict(sources), "entry": entry})
        try:
            linked = await _translate_cached(rt, code, checks, payload, "batch", admit=False)
        except Exception as err:
            linked = err, False
        if isinstance(linked[0], Exception) or not linked[0]["ok"]:
            return [linked] * len(sources)
        return [linked if name == entry else ({"ok": True, "diagnostics": [], "rust_code": "",
                                               "linked_into": entry}, linked[1]) for name, _ in sources]

    async def all_files():
        tasks = [asyncio.ensure_future(one(n, c)) for n, c in sources]
        done, pending = await asyncio.wait(tasks, timeout=rt.settings.batch_timeout)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        late = BatchDeadline(f"the batch deadline ({rt.settings.batch_timeout:g} s) passed before this file was done")
        return [task.result() if task in done else (late, False) for task in tasks]

    run_all = linked_project if project is not None else all_files
    if executes:
        async with rt.exec_gate.client(identity):
            outcomes = await run_all()
    else:
        outcomes = await run_all()
    translated, status, files, wasm = [], [], [], []
    hits = built = tests_passed = tests_failed = 0
    for (name, _), (body, cached) in zip(sources, outcomes):
        hits += bool(cached)
        if isinstance(body, Exception):
            translated.append("")
            status.append(f"error: {getattr(body, 'message', 'internal error')}")
            files.append({"name": name, "ok": False})
            wasm.append(None)
            continue
        ok = body["ok"]
        translated.append(body.get("rust_code", ""))
        files.append({"name": name, "ok": ok, "diagnostics": body["diagnostics"],
                      "cargo_toml": body.get("cargo_toml", "")})
        meta = body.get("metadata", {})
        build, verification = meta.get("build"), meta.get("verification")
        wasm.append(body.get("binary_b64"))
        if not ok:
            first = body["diagnostics"][0] if body["diagnostics"] else {"message": "cannot translate"}
            status.append(f"error: {first['message']}")
        elif build is not None and not build.get("ok"):
            status.append("error: build failed")
        elif verification is not None and verification.get("ran") and not verification.get("identical"):
            tests_failed += 1
            status.append("error: output differs from CPython")
        else:
            built += bool(build and build.get("ok"))
            tests_passed += bool(verification and verification.get("ran"))
            status.append("success")
    success = sum(s == "success" for s in status)
    answer = {
        "translated_files": translated, "compilation_status": status, "files": files,
        "wasm_binaries": wasm if req.compile_wasm else None,
        "performance_metrics": {
            "files": len(sources), "cache_hits": hits, "built": built,
            "tests_passed": tests_passed, "tests_failed": tests_failed,
            "optimization_level": level.value, "project": req.project_config.model_dump(),
            "backend": backend,
            "files_per_second": round(len(sources) / max(time.perf_counter() - started, 1e-6), 2)},
        "total_processing_time_ms": round((time.perf_counter() - started) * 1000, 3),
        "success_count": success, "failure_count": len(sources) - success,
    }
    return _json(answer)


@api.get("/models", summary="Available modes and backends")
async def models(request: Request):
    rt = request.app.state.runtime
    common = {"version": rt.engine_version, "framework": "portalis", "backend": "portalis-engine (in-process pool)",
              "status": "ready" if rt.pool.ready else "starting"}
    described = {
        Mode.fast: ("translate only", ["translation", "batch"]),
        Mode.standard: ("translate; build when compile=true", ["translation", "batch", "compile"]),
        Mode.quality: ("translate, build and compare output with CPython",
                       ["translation", "compile", "verification"]),
        Mode.streaming: ("translate item by item (POST /translate/stream)", ["translation", "streaming"]),
    }
    triton = {"backend": f"triton ({triton_backend.MODEL_NAME} over {rt.settings.triton_protocol})"
              if rt.triton is not None else None}
    if rt.triton is not None:
        on_triton = "translate on Triton (no build or CPython comparison)"
        described = {mode: (on_triton, ["translation"]) if _backend(rt, mode.value) == "triton" else value
                     for mode, value in described.items()}
    return _json({"models": [{"name": f"portalis-{mode.value}", "mode": mode.value, "description": text,
                              "capabilities": caps, **common,
                              **(triton if _backend(rt, mode.value) == "triton" else {})}
                             for mode, (text, caps) in described.items()],
                  "targets": ["native", "wasm32-wasi"]})


# -- probes, metrics, status ------------------------------------------------------------

@probes.get("/health", summary="Health with dependency status")
async def health(request: Request):
    rt = request.app.state.runtime
    store_ok = await rt.cache.store.ping()
    deps = {"engine": rt.engine_version or "not loaded",
            "worker_pool": f"{sum(p['alive'] for p in rt.pool.describe()['processes'])}/{rt.pool.size} processes",
            "cache": f"{rt.cache.store.name} {'ok' if store_ok else 'unreachable'}",
            "rate_limiter": rt.limiter.name if rt.limiter else "off",
            "auth": "on" if rt.keys is not None else "off",
            "backend": rt.settings.backend,
            "sandbox": f"unavailable: {rt.pool.sandbox_problem}" if rt.pool.sandbox_problem else "ok"}
    triton_ok = True
    if rt.triton is not None:
        triton_ok, deps["triton"] = await rt.triton.health()
    status = ("healthy" if rt.pool.ready and store_ok and triton_ok
              else ("degraded" if rt.pool.ready else "unhealthy"))
    return _json({"status": status, "version": rt.version, "uptime_seconds": round(time.time() - rt.started, 3),
                  "dependencies": deps}, 200 if status != "unhealthy" else 503)


async def _ready(request: Request):
    rt = request.app.state.runtime
    if not rt.pool.ready:
        raise ApiError(503, "not_ready", "the worker pool is not up",
                       headers={"Retry-After": str(rt.settings.retry_after_seconds)})
    return _json({"status": "ready"})


async def _live(request: Request):
    return _json({"status": "alive"})


for path in ("/ready", "/health/ready"):
    probes.add_api_route(path, _ready, methods=["GET"], summary="Readiness: 503 until the pool is up")
for path in ("/live", "/health/live"):
    probes.add_api_route(path, _live, methods=["GET"], summary="Liveness")


@probes.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def prometheus_metrics():
    return Response(metrics.exposition(), media_type=metrics.CONTENT_TYPE)


@probes.get("/status", summary="The metrics as JSON, with pool and cache state")
async def status(request: Request):
    rt = request.app.state.runtime
    return _json({"version": rt.version, "engine_version": rt.engine_version,
                  "uptime_seconds": round(time.time() - rt.started, 3),
                  "pool": rt.pool.describe(), "executing": rt.exec_gate.describe(),
                  "sandbox": rt.pool.sandbox_problem or "ok", "cache": rt.cache.describe(),
                  "metrics": metrics.as_json()})
