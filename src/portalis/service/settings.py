"""Service settings: one `Settings` object read from `PORTALIS_*` environment variables.

Every knob lives here so that docs/service.md can list them in one table and the
process pool, the cache and the HTTP layer never read the environment themselves.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

PREFIX = "PORTALIS_"
BACKENDS = ("local", "triton")
# What PORTALIS_TRITON_MODES may list: the /translate modes plus the batch endpoint.
# Streaming stays local: the Triton model answers whole programs, it does not stream.
TRITON_ROUTABLE = ("fast", "standard", "quality", "batch")
TRITON_SCHEMES = {"http://": "http", "grpc://": "grpc"}


def _csv(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a boolean: {value!r}")


@dataclass(frozen=True)
class Settings:
    """All service settings; field `x` is read from `PORTALIS_X`."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1                    # uvicorn processes
    data_dir: Path = Path("./.portalis-data")
    pool_size: int = 0                  # translation processes per uvicorn process; 0 = CPUs / workers
    queue_size: int = 64                # requests allowed to wait for a pool process before 503
    request_timeout: float = 20.0       # seconds for a translation (queue wait included)
    build_timeout: float = 180.0        # seconds for a build or a CPython-vs-Rust check
    translate_memory_mb: int = 1024     # address-space limit of a pool process while translating
    build_memory_mb: int = 8192         # address-space limit inherited by cargo/rustc while building
    cache_entries: int = 4096           # in-memory LRU size
    cache_ttl_seconds: int = 7 * 24 * 3600  # Redis entry lifetime (SQLite entries do not expire)
    redis_url: str = ""                 # shared cache and rate limits when set
    auth_enabled: bool = False
    api_keys: tuple[str, ...] = ()      # "client:key" pairs
    api_keys_file: str = ""             # one "client:key" per line, '#' comments
    rate_limit_per_minute: int = 0      # 0 = no rate limiting
    rate_limit_burst: int = 0           # bucket capacity; 0 = same as per-minute
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 12 * 1024 * 1024
    log_level: str = "info"
    retry_after_seconds: int = 1        # Retry-After sent with 503 when the queue is full
    backend: str = "local"              # "local" (the pool) or "triton" (PORTALIS_TRITON_MODES go to Triton)
    triton_url: str = ""                # http://host:port or grpc://host:port; the scheme picks the protocol
    triton_modes: tuple[str, ...] = ("quality",)  # with backend=triton: what goes to Triton
    trusted_proxies: tuple[str, ...] = ()  # peers whose X-Forwarded-For is believed
    auth_failures_per_minute: int = 10  # wrong keys tolerated per client address before 429
    sandbox_bwrap: str = "bwrap"        # bubblewrap, which runs every submitted program
    sandbox_uid: int = 65534            # the unprivileged uid submitted code runs as
    run_cpu_seconds: int = 10           # CPU limit of one sandboxed run (CPython or the program)
    run_memory_mb: int = 1024           # address-space limit of one sandboxed run
    run_processes: int = 32             # processes/threads a sandboxed run may have
    run_file_size_mb: int = 16          # largest file a sandboxed run may write
    run_output_bytes: int = 1 << 20     # stdout + stderr a run may print; more is a 422
    exec_concurrency: int = 0           # executing jobs (quality, run_tests) at once; 0 = pool size - 1
    exec_queue_size: int = 16           # executing jobs that may wait before 503
    exec_per_client: int = 2            # executing jobs one client may have running or waiting
    batch_timeout: float = 300.0        # seconds for a whole batch

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Build settings from `PORTALIS_*` variables, falling back to the defaults above."""
        env = os.environ if environ is None else environ
        values = {}
        if (env.get(PREFIX + "API_KEYS") or env.get(PREFIX + "API_KEYS_FILE")) and \
                not env.get(PREFIX + "AUTH_ENABLED", "").strip():
            values["auth_enabled"] = True  # keys given means authentication on
        for f in fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            default = f.default
            if raw is None or (not raw.strip() and not isinstance(default, (str, tuple))):
                continue  # unset, or empty where empty means nothing: the default
            if isinstance(default, bool):
                values[f.name] = _bool(raw)
            elif isinstance(default, int):
                values[f.name] = int(raw)
            elif isinstance(default, float):
                values[f.name] = float(raw)
            elif isinstance(default, Path):
                values[f.name] = Path(raw)
            elif isinstance(default, tuple):
                values[f.name] = _csv(raw)
            else:
                values[f.name] = raw
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        if (self.api_keys or self.api_keys_file) and not self.auth_enabled:
            raise ValueError("API keys are configured (PORTALIS_API_KEYS or PORTALIS_API_KEYS_FILE) but "
                             "PORTALIS_AUTH_ENABLED is false: remove the keys or turn authentication on")
        if self.auth_enabled and not (self.api_keys or self.api_keys_file):
            raise ValueError("PORTALIS_AUTH_ENABLED is set but no PORTALIS_API_KEYS or PORTALIS_API_KEYS_FILE")
        if self.workers < 1 or self.pool_size < 0 or self.queue_size < 0 or self.request_timeout <= 0:
            raise ValueError("PORTALIS_WORKERS must be >= 1, PORTALIS_POOL_SIZE and PORTALIS_QUEUE_SIZE "
                             ">= 0, PORTALIS_REQUEST_TIMEOUT > 0")
        if self.backend not in BACKENDS:
            raise ValueError(f"PORTALIS_BACKEND must be one of {', '.join(BACKENDS)}, got {self.backend!r}")
        unknown = sorted(set(self.triton_modes) - set(TRITON_ROUTABLE))
        if unknown:
            raise ValueError(f"PORTALIS_TRITON_MODES may list {', '.join(TRITON_ROUTABLE)}; "
                             f"not {', '.join(unknown)}")
        if self.backend == "triton":
            if not self.triton_url:
                raise ValueError("PORTALIS_BACKEND=triton needs PORTALIS_TRITON_URL "
                                 "(e.g. http://127.0.0.1:8010 or grpc://127.0.0.1:8011)")
            self.triton_protocol  # noqa: B018  (validates the URL)

    @property
    def triton_protocol(self) -> str:
        """"http" or "grpc", from PORTALIS_TRITON_URL's scheme (which must name a host and port)."""
        for scheme, protocol in TRITON_SCHEMES.items():
            if self.triton_url.startswith(scheme):
                rest = self.triton_url[len(scheme):].rstrip("/")
                host, _, port = rest.rpartition(":")
                if host and "/" not in rest and port.isdigit() and 0 < int(port) < 65536:
                    return protocol
                break
        raise ValueError(f"PORTALIS_TRITON_URL must be http://host:port or grpc://host:port, "
                         f"got {self.triton_url!r}")

    def uses_triton(self, mode: str) -> bool:
        """Whether requests of `mode` (a /translate mode, or "batch") go to Triton."""
        return self.backend == "triton" and mode in self.triton_modes

    @property
    def effective_pool_size(self) -> int:
        """PORTALIS_POOL_SIZE, or the CPUs shared out between the uvicorn processes."""
        return self.pool_size or max(1, (os.cpu_count() or 1) // self.workers)

    @property
    def effective_burst(self) -> int:
        return self.rate_limit_burst or self.rate_limit_per_minute

    @property
    def effective_exec_concurrency(self) -> int:
        """Executing jobs at once: by default all pool processes but one, kept for translation."""
        return self.exec_concurrency or max(1, self.effective_pool_size - 1)
