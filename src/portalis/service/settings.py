"""Service settings: one `Settings` object read from `PORTALIS_*` environment variables.

Every knob lives here so that docs/service.md can list them in one table and the
process pool, the cache and the HTTP layer never read the environment themselves.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

PREFIX = "PORTALIS_"


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

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Build settings from `PORTALIS_*` variables, falling back to the defaults above."""
        env = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            if raw is None:
                continue
            default = f.default
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
        if self.auth_enabled and not (self.api_keys or self.api_keys_file):
            raise ValueError("PORTALIS_AUTH_ENABLED is set but no PORTALIS_API_KEYS or PORTALIS_API_KEYS_FILE")
        if self.workers < 1 or self.pool_size < 0 or self.queue_size < 0 or self.request_timeout <= 0:
            raise ValueError("PORTALIS_WORKERS must be >= 1, PORTALIS_POOL_SIZE and PORTALIS_QUEUE_SIZE "
                             ">= 0, PORTALIS_REQUEST_TIMEOUT > 0")

    @property
    def effective_pool_size(self) -> int:
        """PORTALIS_POOL_SIZE, or the CPUs shared out between the uvicorn processes."""
        return self.pool_size or max(1, (os.cpu_count() or 1) // self.workers)

    @property
    def effective_burst(self) -> int:
        return self.rate_limit_burst or self.rate_limit_per_minute

    def as_env(self) -> dict[str, str]:
        """The settings as `PORTALIS_*` variables, so uvicorn worker processes see the same."""
        env = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = ",".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            env[PREFIX + f.name.upper()] = str(value)
        return env
