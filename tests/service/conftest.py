"""Fixtures: real uvicorn processes of the service (and a real redis-server) on free ports.

Every fixture is session-scoped per xdist worker, with its own data directory, so the
suite is safe under `pytest -n 2`.
"""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from service_support import API_KEYS, Service, free_port


@pytest.fixture(scope="session")
def start_service(tmp_path_factory):
    """Factory: start_service(name, **PORTALIS_env) -> a ready Service, stopped at session end."""
    started: list[Service] = []

    def start(name: str, wait: bool = True, **env: str) -> Service:
        service = Service(tmp_path_factory.mktemp(name), {k: str(v) for k, v in env.items()})
        started.append(service)
        return service.wait_ready() if wait else service

    yield start
    for service in started:
        service.stop()


@pytest.fixture(scope="session")
def service(start_service) -> Service:
    """Embedded defaults (SQLite cache, no auth), 2 pool processes."""
    return start_service("default", PORTALIS_POOL_SIZE=2)


@pytest.fixture(scope="session")
def fragile(start_service) -> Service:
    """One pool process, room for one waiting request, short timeout: for failure tests."""
    return start_service("fragile", PORTALIS_POOL_SIZE=1, PORTALIS_QUEUE_SIZE=1, PORTALIS_REQUEST_TIMEOUT=3)


@pytest.fixture(scope="session")
def keys_file(tmp_path_factory) -> Path:
    import hashlib

    path = tmp_path_factory.mktemp("keys") / "api-keys"
    digest = hashlib.sha256(API_KEYS["carol"].encode()).hexdigest()
    path.write_text(f"# clients\ncarol:sha256={digest}\n")
    return path


@pytest.fixture(scope="session")
def secured(start_service, keys_file) -> Service:
    """Auth on, 5-request bursts, a 4 KiB body limit and CORS for one origin."""
    return start_service(
        "secured", PORTALIS_POOL_SIZE=1, PORTALIS_AUTH_ENABLED="true",
        PORTALIS_API_KEYS=f"alice:{API_KEYS['alice']},bob:{API_KEYS['bob']}",
        PORTALIS_API_KEYS_FILE=str(keys_file), PORTALIS_RATE_LIMIT_PER_MINUTE=60,
        PORTALIS_RATE_LIMIT_BURST=5, PORTALIS_MAX_BODY_BYTES=4096,
        PORTALIS_CORS_ORIGINS="https://app.example")


@pytest.fixture(scope="session")
def keyed(start_service) -> Service:
    """Auth on without rate limits: for the playground, whose page makes several calls."""
    return start_service("keyed", PORTALIS_POOL_SIZE=1, PORTALIS_AUTH_ENABLED="true",
                         PORTALIS_API_KEYS=f"dave:{API_KEYS['dave']}")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory) -> str:
    """A private redis-server on a free port, without persistence."""
    exe = shutil.which("redis-server")
    if exe is None:
        pytest.skip("redis-server is not installed")
    import redis

    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(workdir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    client.close()
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="session")
def replicas(start_service, redis_url) -> tuple[Service, Service]:
    """Two replicas sharing one Redis for the cache and the rate limits."""
    env = dict(PORTALIS_POOL_SIZE=1, PORTALIS_REDIS_URL=redis_url, PORTALIS_AUTH_ENABLED="true",
               PORTALIS_API_KEYS=f"alice:{API_KEYS['alice']},bob:{API_KEYS['bob']}",
               PORTALIS_RATE_LIMIT_PER_MINUTE=60, PORTALIS_RATE_LIMIT_BURST=6)
    first = start_service("replica-a", wait=False, **env)
    second = start_service("replica-b", wait=False, **env)
    return first.wait_ready(), second.wait_ready()
