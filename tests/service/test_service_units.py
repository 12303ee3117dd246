"""Unit tests of the service's pure parts: settings, keys, buckets, confidence, cache."""
from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest

from portalis.service.auth import KeyStore, parse_entries, presented_key
from portalis.service.cache import ResultCache, SQLiteStore, cache_key
from portalis.service.ratelimit import MemoryLimiter
from portalis.service.results import confidence, translation_body
from portalis.service.settings import Settings
from portalis.service.worker import has_main_output


def test_settings_read_every_type_from_env():
    s = Settings.from_env({"PORTALIS_PORT": "9000", "PORTALIS_REQUEST_TIMEOUT": "2.5",
                           "PORTALIS_AUTH_ENABLED": "yes", "PORTALIS_API_KEYS": "a:k1, b:k2",
                           "PORTALIS_DATA_DIR": "/tmp/x", "PORTALIS_CORS_ORIGINS": ""})
    assert (s.port, s.request_timeout, s.auth_enabled) == (9000, 2.5, True)
    assert s.api_keys == ("a:k1", "b:k2") and s.cors_origins == ()
    assert s.data_dir == Path("/tmp/x")
    trusted = Settings.from_env({"PORTALIS_TRUSTED_PROXIES": "10.0.0.1, 10.0.0.2", "PORTALIS_RUN_CPU_SECONDS": "3"})
    assert trusted.trusted_proxies == ("10.0.0.1", "10.0.0.2") and trusted.run_cpu_seconds == 3


def test_settings_defaults_and_refusals():
    s = Settings.from_env({})
    assert s.data_dir == Path("./.portalis-data") and not s.auth_enabled and s.effective_pool_size >= 1
    with pytest.raises(ValueError):
        Settings.from_env({"PORTALIS_AUTH_ENABLED": "true"})  # auth on without keys
    with pytest.raises(ValueError):
        Settings.from_env({"PORTALIS_AUTH_ENABLED": "maybe"})


def test_keys_given_mean_auth_on_or_a_refusal_that_says_why():
    assert Settings.from_env({"PORTALIS_API_KEYS": "a:k1"}).auth_enabled
    assert Settings.from_env({"PORTALIS_API_KEYS_FILE": "/keys"}).auth_enabled
    with pytest.raises(ValueError, match="PORTALIS_AUTH_ENABLED is false"):
        Settings.from_env({"PORTALIS_API_KEYS": "a:k1", "PORTALIS_AUTH_ENABLED": "false"})


def test_triton_backend_settings():
    s = Settings.from_env({})
    assert (s.backend, s.triton_url, s.triton_modes) == ("local", "", ("quality",))
    assert not s.uses_triton("quality")
    s = Settings.from_env({"PORTALIS_BACKEND": "triton", "PORTALIS_TRITON_URL": "grpc://triton:8011",
                           "PORTALIS_TRITON_MODES": "quality, batch"})
    assert s.triton_protocol == "grpc" and s.triton_modes == ("quality", "batch")
    assert s.uses_triton("quality") and s.uses_triton("batch") and not s.uses_triton("fast")
    assert Settings.from_env({"PORTALIS_BACKEND": "triton",
                              "PORTALIS_TRITON_URL": "http://127.0.0.1:8010"}).triton_protocol == "http"
    for env in ({"PORTALIS_BACKEND": "nim"},
                {"PORTALIS_BACKEND": "triton"},  # no URL
                {"PORTALIS_BACKEND": "triton", "PORTALIS_TRITON_URL": "127.0.0.1:8010"},  # no scheme
                {"PORTALIS_BACKEND": "triton", "PORTALIS_TRITON_URL": "https://triton:8010"},
                {"PORTALIS_BACKEND": "triton", "PORTALIS_TRITON_URL": "http://triton"},  # no port
                {"PORTALIS_TRITON_MODES": "quality,streaming"}):
        with pytest.raises(ValueError):
            Settings.from_env(env)


def test_keys_are_stored_hashed_and_matched():
    store = KeyStore(parse_entries(["alice:secret-1", "# comment", "",
                                    f"bob:sha256={hashlib.sha256(b'secret-2').hexdigest()}"]))
    assert len(store) == 2
    assert b"secret-1" not in repr(store._entries).encode()
    assert store.client_for("secret-1") == "alice" and store.client_for("secret-2") == "bob"
    assert store.client_for("secret") is None and store.client_for(None) is None
    with pytest.raises(ValueError):
        parse_entries(["no-colon"])


def test_presented_key_reads_both_headers():
    assert presented_key({"x-api-key": " k "}) == "k"
    assert presented_key({"authorization": "Bearer tok"}) == "tok"
    assert presented_key({"authorization": "Basic tok"}) is None


def test_token_bucket_allows_a_burst_then_refills():
    limiter = MemoryLimiter(per_minute=60, burst=3)
    waits = [asyncio.run(limiter.acquire("c")) for _ in range(4)]
    assert waits[:3] == [0, 0, 0] and 0 < waits[3] <= 1.0
    assert asyncio.run(limiter.acquire("other")) == 0


def test_confidence_follows_what_happened():
    assert confidence(0, None, None) == 0.7
    assert confidence(2, None, None) == 0.6
    assert confidence(10, None, None) == 0.5
    assert confidence(0, {"ok": True}, None) == 0.85
    assert confidence(0, {"ok": True}, {"ran": True, "identical": True}) == 1.0
    assert confidence(0, {"ok": True}, {"ran": True, "identical": False}) == 0.2
    assert confidence(0, {"ok": False}, None) == 0.3
    assert confidence(0, {"ok": True}, {"ran": False}) == 0.85


def test_translation_body_warns_and_suggests_from_engine_output():
    warning = {"file": "main.py", "line": 3, "col": 5, "message": "int may overflow", "hint": "use small ints",
               "severity": "warning"}
    result = {"ok": True, "diagnostics": [warning], "rust_code": "fn main() {}\n" * 200, "cargo_toml": "",
              "facts": {"engine_version": "1"}, "build": None, "verify": None}
    body = translation_body(result, checks={"target": "native"}, max_length=128)
    assert body["warnings"][0] == "main.py:3:5: warning: int may overflow (use small ints)"
    assert any("max_length=128" in w for w in body["warnings"])
    assert body["suggestions"][0] == "use small ints"
    assert body["confidence"] == 0.65


def test_cache_key_covers_code_options_and_engine():
    base = cache_key("1.0", "translate", "x = 1", {"build": False})
    assert base == cache_key("1.0", "translate", "x = 1", {"build": False})
    assert base != cache_key("1.1", "translate", "x = 1", {"build": False})
    assert base != cache_key("1.0", "translate", "x = 2", {"build": False})
    assert base != cache_key("1.0", "translate", "x = 1", {"build": True})


def test_result_cache_survives_a_restart_through_sqlite(tmp_path):
    ratios = []

    async def scenario():
        cache = ResultCache(SQLiteStore(tmp_path / "c.sqlite3"), entries=1, on_ratio=ratios.append)
        assert await cache.get("k1") is None
        await cache.set("k1", {"v": 1})
        await cache.set("k2", {"v": 2})  # evicts k1 from memory only
        assert await cache.get("k1") == {"v": 1}
        await cache.store.close()
        reopened = ResultCache(SQLiteStore(tmp_path / "c.sqlite3"), entries=8, on_ratio=ratios.append)
        assert await reopened.get("k2") == {"v": 2}
    asyncio.run(scenario())
    assert ratios == [0.0, 0.5, 1.0]


@pytest.mark.parametrize("code, expected", [
    ("def f():\n    pass\n", False),
    ('"""doc"""\nimport os\nclass A:\n    pass\n', False),
    ("print(1)\n", True),
    ("def f():\n    pass\n\nif __name__ == '__main__':\n    f()\n", True),
    ("def broken(:\n", False),
])
def test_has_main_output(code, expected):
    assert has_main_output(code) is expected
