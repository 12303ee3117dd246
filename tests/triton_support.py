"""A real tritonserver for a test module, shared by the deployment and service tests."""
from __future__ import annotations

import socket
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_ports(count: int) -> list[int]:
    """Ports the kernel just handed out on loopback; held open together so they differ."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@contextmanager
def running_triton(workdir: Path, wait_timeout: float = 120):
    """Start tritonserver on free ports and wait until it is ready; skip the tests when the
    nvidia-pytriton binary (or what it needs) is missing."""
    from portalis.triton.server import TritonServer, TritonUnavailable
    http_port, grpc_port, metrics_port = free_ports(3)
    try:
        server = TritonServer(http_port=http_port, grpc_port=grpc_port, metrics_port=metrics_port,
                              host="127.0.0.1", log_path=workdir / "tritonserver.log", exit_timeout=3)
    except (TritonUnavailable, FileNotFoundError) as err:
        pytest.skip(f"tritonserver unavailable: {err}")
    server.start()
    try:
        server.wait_ready(timeout=wait_timeout)
        yield server
    finally:
        server.stop()
