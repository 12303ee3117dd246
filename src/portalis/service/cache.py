"""Content-addressed result cache: an in-memory LRU in front of SQLite or Redis.

The key hashes the Python source, every option that changes the answer and the engine's
identity, so a new engine never serves an old translation and entries never need
invalidating.  SQLite (the embedded default) keeps results across restarts of one
machine; Redis (`PORTALIS_REDIS_URL`) lets several replicas share them.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Protocol

log = logging.getLogger("portalis.service.cache")


def cache_key(engine_version: str, kind: str, code: str, options: dict) -> str:
    blob = json.dumps([engine_version, kind, options, code], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


class Store(Protocol):
    name: str

    async def get(self, key: str) -> bytes | None: ...
    async def set(self, key: str, value: bytes) -> None: ...
    async def ping(self) -> bool: ...
    async def close(self) -> None: ...


class SQLiteStore:
    """One table in a WAL-mode SQLite file; lookups take tens of microseconds, so they
    run on the event loop rather than paying a thread hop."""

    name = "sqlite"

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=5)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results "
                         "(key TEXT PRIMARY KEY, value BLOB NOT NULL, created REAL NOT NULL)")

    async def get(self, key: str) -> bytes | None:
        row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    async def set(self, key: str, value: bytes) -> None:
        self._db.execute("INSERT OR REPLACE INTO results (key, value, created) VALUES (?, ?, ?)",
                         (key, value, time.time()))

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._db.close()


class RedisStore:
    """Shared across replicas; entries expire after `ttl` seconds."""

    name = "redis"

    def __init__(self, client, ttl: int):
        self._redis = client
        self._ttl = ttl

    async def get(self, key: str) -> bytes | None:
        return await self._redis.get("portalis:result:" + key)

    async def set(self, key: str, value: bytes) -> None:
        await self._redis.set("portalis:result:" + key, value, ex=self._ttl or None)

    async def ping(self) -> bool:
        try:
            return bool(await self._redis.ping())
        except Exception:
            return False

    async def close(self) -> None:
        pass  # the client is shared with the rate limiter and closed by the server


class ResultCache:
    """LRU of decoded results in front of a `Store`; a failing store is a miss, not an error."""

    def __init__(self, store: Store, entries: int, on_ratio: Callable[[float], None]):
        self.store = store
        self._lru: OrderedDict[str, dict] = OrderedDict()
        self._entries = entries
        self._on_ratio = on_ratio
        self.hits = 0
        self.misses = 0

    async def get(self, key: str) -> dict | None:
        value = self._lru.get(key)
        if value is not None:
            self._lru.move_to_end(key)
        else:
            try:
                raw = await self.store.get(key)
            except Exception as err:
                log.warning("cache store %s failed on get: %s", self.store.name, err)
                raw = None
            if raw is not None:
                value = _bound_body(raw, key)
                if value is not None:
                    self._remember(key, value)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        self._on_ratio(self.hits / (self.hits + self.misses))
        return value

    async def set(self, key: str, value: dict) -> None:
        self._remember(key, value)
        try:
            entry = {"key": key, "body": value}  # bound to the request that made it
            await self.store.set(key, json.dumps(entry, separators=(",", ":")).encode())
        except Exception as err:
            log.warning("cache store %s failed on set: %s", self.store.name, err)

    def _remember(self, key: str, value: dict) -> None:
        self._lru[key] = value
        self._lru.move_to_end(key)
        while len(self._lru) > self._entries:
            self._lru.popitem(last=False)

    def describe(self) -> dict:
        lookups = self.hits + self.misses
        return {"backend": self.store.name, "memory_entries": len(self._lru), "hits": self.hits,
                "misses": self.misses, "hit_ratio": round(self.hits / lookups, 4) if lookups else 0.0}


def _bound_body(raw: bytes, key: str) -> dict | None:
    """The entry's answer, if it was made for this very key; anything else (an old format,
    an entry copied or forged under another request's key) is a miss."""
    try:
        entry = json.loads(raw)
    except ValueError:
        entry = None
    if not isinstance(entry, dict) or entry.get("key") != key or not isinstance(entry.get("body"), dict):
        log.warning("cache entry %s is not bound to its key: ignored", key[:16])
        return None
    return entry["body"]
