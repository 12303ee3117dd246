"""Helpers for the service tests: a real `run_server()` process and unique inputs."""
from __future__ import annotations

import itertools
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

API_KEYS = {"alice": "alice-key-0123456789", "bob": "bob-key-0123456789", "carol": "carol-key-0123456789",
            "dave": "dave-key-0123456789"}

_counter = itertools.count()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unique_function(body: str = "return a + b") -> str:
    """A small translatable module never sent before (so it misses the cache)."""
    return f"def f_{uuid.uuid4().hex[:10]}_{next(_counter)}(a: int, b: int) -> int:\n    {body}\n"


class Service:
    """One `run_server()` process; `client` talks to it over loopback."""

    def __init__(self, data_dir: Path, env: dict[str, str]):
        self.data_dir = data_dir
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = data_dir / "service.log"
        full_env = {**os.environ, "PORTALIS_PORT": str(self.port), "PORTALIS_DATA_DIR": str(data_dir),
                    "PORTALIS_LOG_LEVEL": "warning", **env}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from portalis.service.server import run_server; run_server()"],
            env=full_env, cwd=data_dir, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True)
        self.client = httpx.Client(base_url=self.base, timeout=60)

    def wait_ready(self, timeout: float = 60) -> "Service":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"service exited {self.proc.returncode}:\n{self.log.read_text()[-4000:]}")
            try:
                if self.client.get("/ready").status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"service not ready in {timeout} s:\n{self.log.read_text()[-4000:]}")

    def status(self) -> dict:
        return self.client.get("/status").json()

    def pids(self) -> list[int]:
        return sorted(p["pid"] for p in self.status()["pool"]["processes"])

    def stop(self) -> None:
        self.client.close()
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
