"""Benchmark users for scripts/bench_service.py: cache hits, misses, and quality mode.

    locust -f loadtest/bench_locustfile.py CachedUser ...   (after warming the cache)
    locust -f loadtest/bench_locustfile.py UncachedUser ...
    locust -f loadtest/bench_locustfile.py QualityUser ...  (builds and runs, sandboxed)
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


class QualityUser(FastHttpUser):
    """Benchmark: quality mode on a new program every request, so each one is built and run
    under CPython and as Rust, inside the sandbox; it must come back verified."""

    wait_time = constant(0)

    @task
    def translate(self):
        program = unique_function() + "\n\nprint(sum(i * i for i in range(100)))\n"
        with self.client.post(TRANSLATE, json={"python_code": program, "mode": "quality"},
                              headers=HEADERS, catch_response=True, name="quality") as r:
            _expect(r, lambda b: b["metadata"].get("verified") is True)
