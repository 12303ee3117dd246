"""Benchmark users for scripts/bench_service.py: one for cache hits, one for misses.

    locust -f loadtest/bench_locustfile.py CachedUser ...   (after warming the cache)
    locust -f loadtest/bench_locustfile.py UncachedUser ...
"""
from __future__ import annotations

import random

from locust import FastHttpUser, constant, task

from locustfile import HEADERS, SNIPPETS, TRANSLATE, _expect, unique_function


class CachedUser(FastHttpUser):
    """Benchmark: cache hits only (warm the cache with SNIPPETS first)."""

    wait_time = constant(0)

    @task
    def translate(self):
        with self.client.post(TRANSLATE, json={"python_code": random.choice(SNIPPETS), "mode": "fast"},
                              headers=HEADERS, catch_response=True, name="cached") as r:
            _expect(r, lambda b: b.get("cached") is True)


class UncachedUser(FastHttpUser):
    """Benchmark: a new small function every request, so every request is translated."""

    wait_time = constant(0)

    @task
    def translate(self):
        with self.client.post(TRANSLATE, json={"python_code": unique_function(), "mode": "fast"},
                              headers=HEADERS, catch_response=True, name="uncached") as r:
            _expect(r, lambda b: b.get("cached") is False)
