"""The server: builds the FastAPI app around one `Runtime` and runs it under uvicorn.

`run_server` is what `portalis serve` calls.  uvicorn's worker processes read the same
`PORTALIS_*` environment (plus the command line's overrides), and each builds its own app
(with its own pool of translation processes) through the `create_app` factory.  API keys
are read once and removed from the environment, so no child process inherits them.
"""
from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

import portalis
from portalis.service import metrics, playground
from portalis.service.auth import KeyStore
from portalis.crate import engine_identity
from portalis.service.cache import RedisStore, ResultCache, SQLiteStore
from portalis.service.errors import install_handlers
from portalis.service.middleware import RequestContextMiddleware
from portalis.service.pool import WorkerPool
from portalis.service.execgate import ExecutionGate
from portalis.service.ratelimit import FailedAuthLimiter, MemoryLimiter, RedisLimiter
from portalis.service.routes import api, probes
from portalis.service.settings import Settings
from portalis.service.triton_backend import TritonBackend

log = logging.getLogger("portalis.service")


@dataclass
class Runtime:
    """Everything a request handler needs, created at start-up and closed at shutdown."""

    settings: Settings
    pool: WorkerPool
    cache: ResultCache
    keys: KeyStore | None
    limiter: MemoryLimiter | RedisLimiter | None
    redis: object | None
    engine_version: str
    exec_gate: ExecutionGate
    auth_failures: FailedAuthLimiter
    triton: TritonBackend | None = None
    version: str = portalis.__version__
    started: float = 0.0


def sandbox_config(settings: Settings) -> dict:
    """What every pool process needs to confine submitted code (`worker.confinement`)."""
    run = {"cpu_seconds": settings.run_cpu_seconds, "memory_mb": settings.run_memory_mb,
           "processes": settings.run_processes, "file_size_mb": settings.run_file_size_mb,
           "open_files": 64, "output_bytes": settings.run_output_bytes,
           "wall_seconds": 2 * settings.run_cpu_seconds + 5}  # a sleeper, too, lets go soon
    build = {"cpu_seconds": max(1, int(settings.build_timeout)), "memory_mb": settings.build_memory_mb or 8192,
             "processes": 256, "file_size_mb": 512, "open_files": 1024, "output_bytes": 4 << 20,
             "wall_seconds": settings.build_timeout}
    return {"bwrap": settings.sandbox_bwrap, "uid": settings.sandbox_uid, "run": run, "build": build}


def _build_runtime(settings: Settings) -> Runtime:
    redis = None
    if settings.redis_url:
        import redis.asyncio as aioredis
        redis = aioredis.Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)
        store = RedisStore(redis, settings.cache_ttl_seconds)
    else:
        store = SQLiteStore(settings.data_dir / "cache.sqlite3")
    limiter = None
    if settings.rate_limit_per_minute > 0:
        limiter = (RedisLimiter(redis, settings.rate_limit_per_minute, settings.effective_burst) if redis
                   else MemoryLimiter(settings.rate_limit_per_minute, settings.effective_burst))
    keys = KeyStore.from_settings(settings.api_keys, settings.api_keys_file) if settings.auth_enabled else None
    os.environ.pop("PORTALIS_API_KEYS", None)  # read once; no process started from here inherits it
    pool = WorkerPool(settings.effective_pool_size, settings.queue_size,
                      settings.data_dir / "scratch" / f"server-{os.getpid()}",
                      settings.translate_memory_mb, settings.build_memory_mb, sandbox_config(settings),
                      on_depth=metrics.QUEUE_DEPTH.set)
    triton = None
    if settings.backend == "triton":
        triton = TritonBackend(settings.triton_url, settings.triton_protocol, settings.request_timeout,
                               settings.retry_after_seconds)
    gate = ExecutionGate(settings.effective_exec_concurrency, settings.exec_queue_size, settings.exec_per_client,
                         settings.retry_after_seconds)
    return Runtime(settings, pool, ResultCache(store, settings.cache_entries, metrics.CACHE_HIT_RATIO.set),
                   keys, limiter, redis, engine_identity(portalis.__version__), gate,
                   FailedAuthLimiter(settings.auth_failures_per_minute), triton)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI app; reads `Settings.from_env()` when none are given (uvicorn factory)."""
    settings = settings or Settings.from_env()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    runtime = _build_runtime(settings)

    async def start_pool():
        try:
            await runtime.pool.start()
        except Exception:
            log.exception("the translation pool failed to start; /ready stays 503")
            return
        log.info("translation pool up: %d processes, engine %s", runtime.pool.size, runtime.engine_version)
        if runtime.triton is not None:
            log.info("Triton backend at %s (%s) for %s", settings.triton_url, settings.triton_protocol,
                     ", ".join(settings.triton_modes) or "nothing")

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The pool starts in the background: /live answers at once, /ready once it is up.
        runtime.started = time.time()
        starting = asyncio.create_task(start_pool())
        try:
            yield
        finally:
            starting.cancel()
            await runtime.pool.close()
            await runtime.cache.store.close()
            if runtime.redis is not None:
                await runtime.redis.aclose()

    app = FastAPI(title="Portalis translation service", version=portalis.__version__, lifespan=lifespan,
                  description="Python to Rust translation, compatible with the Portalis NIM API.")
    app.state.settings = settings
    app.state.runtime = runtime
    install_handlers(app)
    app.include_router(api)
    app.include_router(probes)
    playground.install(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST", "OPTIONS"],
                           allow_headers=["Content-Type", "Authorization", "X-API-Key", "X-Request-ID"])
    app.add_middleware(RequestContextMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(metrics.MetricsMiddleware)
    return app


def run_server(host: str | None = None, port: int | None = None, workers: int | None = None) -> None:
    """Serve until interrupted; arguments override PORTALIS_HOST / _PORT / _WORKERS."""
    import uvicorn

    settings = Settings.from_env()
    overrides = {k: v for k, v in (("host", host), ("port", port), ("workers", workers)) if v is not None}
    if overrides:
        settings = replace(settings, **overrides)
        settings.validate()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # uvicorn's worker processes read the environment: pass only the command-line overrides
    os.environ.update({f"PORTALIS_{name.upper()}": str(value) for name, value in overrides.items()})
    if settings.workers > 1:  # every uvicorn process writes its metrics where a scrape can merge them
        prom_dir = settings.data_dir / "prometheus"
        shutil.rmtree(prom_dir, ignore_errors=True)
        prom_dir.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(prom_dir.resolve())
    uvicorn.run("portalis.service.server:create_app", factory=True, host=settings.host, port=settings.port,
                workers=settings.workers, log_level=settings.log_level, access_log=False,
                timeout_graceful_shutdown=10, proxy_headers=bool(settings.trusted_proxies),
                forwarded_allow_ips=",".join(settings.trusted_proxies) or None)
