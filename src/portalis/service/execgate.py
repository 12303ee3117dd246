"""Admission for jobs that execute submitted code (quality mode, compile, batch builds and
`run_tests`): their own bounded queue and concurrency limit, and a per-client cap.

They share the pool with translation, but at most `concurrency` of them hold a pool
process at once (by default all processes but one), so a burst of slow quality requests
leaves translation a process; at most `queue_size` wait for a slot (more is 503), and
one API key may have at most `per_client` of them running or waiting (more is 429).
"""
from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager

from portalis.service.errors import ApiError


class ExecutionGate:
    def __init__(self, concurrency: int, queue_size: int, per_client: int, retry_after: int):
        self.concurrency = concurrency
        self.queue_size = queue_size
        self.per_client = per_client
        self._slots = asyncio.Semaphore(concurrency)
        self._waiting = 0
        self._clients: dict[str, int] = {}
        self._retry_after = str(retry_after)

    @asynccontextmanager
    async def client(self, identity: str):
        """Count one executing request of `identity` for its whole duration.  Only API keys
        are capped: without auth many clients may share one address (NAT, a proxy)."""
        if not identity.startswith("key:"):
            yield
            return
        if self._clients.get(identity, 0) >= self.per_client:
            raise ApiError(429, "too_many_executing_requests",
                           f"this client already has {self.per_client} requests that run code in progress",
                           details={"per_client": self.per_client}, headers={"Retry-After": self._retry_after})
        self._clients[identity] = self._clients.get(identity, 0) + 1
        try:
            yield
        finally:
            self._clients[identity] -= 1
            if not self._clients[identity]:
                del self._clients[identity]

    @asynccontextmanager
    async def slot(self):
        """Hold one of the `concurrency` execution slots, waiting in the bounded queue."""
        if self._slots.locked() and self._waiting >= self.queue_size:
            raise ApiError(503, "exec_queue_full", "too many requests that run code are waiting",
                           details={"exec_queue_size": self.queue_size}, headers={"Retry-After": self._retry_after})
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1
        try:
            yield
        finally:
            self._slots.release()

    def describe(self) -> dict:
        return {"concurrency": self.concurrency, "queue_size": self.queue_size, "waiting": self._waiting,
                "per_client": self.per_client, "clients": len(self._clients)}
