"""Locust load test for the Portalis translation service (NIM API compatible).

Presets (run from the repository root):
    locust -f loadtest/locustfile.py --config loadtest/normal.conf --host http://127.0.0.1:8000
    loadtest/stress.conf: StressUser only (tag "stress"), no think time, 200 users
    loadtest/spike.conf:  the mixed NIM client, 500 users arriving at 100/s
The benchmark's users (cache hits only, cache misses only) are in bench_locustfile.py.
Set PORTALIS_API_KEY to send `X-API-Key` when the service has auth on.
"""
from __future__ import annotations

import itertools
import os
import random
import uuid

from locust import FastHttpUser, between, constant, tag, task

TRANSLATE = "/api/v1/translation/translate"
BATCH = "/api/v1/translation/translate/batch"
HEADERS = {"X-API-Key": os.environ["PORTALIS_API_KEY"]} if os.environ.get("PORTALIS_API_KEY") else {}

# Small programs covering what the engine translates: typed functions, arithmetic,
# loops, lists, dicts, strings, classes, recursion, and a __main__ block to verify.
SNIPPETS = [
    "def add(a: int, b: int) -> int:\n    return a + b\n\n\nprint(add(1, 2))\n",
    "def fib(n: int) -> int:\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\n\n"
    "print(fib(20))\n",
    "def squares(n: int) -> list[int]:\n    return [i * i for i in range(n)]\n\n\nprint(squares(10))\n",
    "def total(xs: list[int]) -> int:\n    s = 0\n    for x in xs:\n        if x > 0:\n            s += x\n"
    "    return s\n\n\nprint(total([3, -1, 4, -1, 5]))\n",
    "def count_words(text: str) -> dict[str, int]:\n    counts: dict[str, int] = {}\n"
    "    for word in text.split():\n        counts[word] = counts.get(word, 0) + 1\n    return counts\n\n\n"
    "print(count_words(\"a b a c b a\"))\n",
    "class Counter:\n    def __init__(self, start: int) -> None:\n        self.value = start\n\n"
    "    def bump(self, by: int) -> int:\n        self.value += by\n        return self.value\n\n\n"
    "c = Counter(10)\nc.bump(5)\nprint(c.value)\n",
    "def factorial(n: int) -> int:\n    result = 1\n    i = 2\n    while i <= n:\n        result *= i\n"
    "        i += 1\n    return result\n\n\nfor k in range(1, 6):\n    print(k, factorial(k))\n",
    "def greet(name: str, times: int) -> str:\n    return \", \".join([f\"hello {name}\"] * times)\n\n\n"
    "print(greet(\"rust\", 3))\n",
]

_unique = itertools.count()


def unique_function() -> str:
    """A small function never seen before, so the cache cannot answer it."""
    n = next(_unique)
    tag = uuid.uuid4().hex[:8]
    return f"def f_{tag}_{n}(a: int, b: int) -> int:\n    return a * {n % 97 + 1} + b\n"


def _expect(response, check=lambda body: bool(body.get("rust_code"))):
    if response.status_code != 200:
        response.failure(f"status {response.status_code}")
    elif not check(response.json()):
        response.failure("unexpected body")
    else:
        response.success()


class TranspilerUser(FastHttpUser):
    """The mixed NIM client: mostly fast translations, some quality and batch, probes."""

    wait_time = between(0.5, 2)

    @task(10)
    def translate_fast(self):
        with self.client.post(TRANSLATE, json={"python_code": random.choice(SNIPPETS), "mode": "fast"},
                              headers=HEADERS, catch_response=True, name="translate_fast") as r:
            _expect(r)

    @task(5)
    def translate_quality(self):
        body = {"python_code": random.choice(SNIPPETS), "mode": "quality", "include_alternatives": True}
        with self.client.post(TRANSLATE, json=body, headers=HEADERS, catch_response=True,
                              name="translate_quality") as r:
            _expect(r, lambda b: bool(b.get("rust_code")) and b.get("confidence", 0) > 0.8)

    @task(2)
    def translate_batch(self):
        files = random.sample(SNIPPETS, k=random.randint(3, 5))
        body = {"source_files": files, "project_config": {"name": "loadtest", "version": "1.0.0"},
                "optimization_level": "release", "compile_wasm": False}
        with self.client.post(BATCH, json=body, headers=HEADERS, catch_response=True,
                              name="translate_batch") as r:
            _expect(r, lambda b: b.get("success_count", 0) == len(files))

    @task(1)
    def health(self):
        with self.client.get("/health", catch_response=True, name="health") as r:
            _expect(r, lambda b: b.get("status") == "healthy")

    @task(1)
    def metrics(self):
        with self.client.get("/metrics", catch_response=True, name="metrics") as r:
            if r.status_code == 200 and "portalis_translations_total" in r.text:
                r.success()
            else:
                r.failure(f"status {r.status_code}")


class StressUser(FastHttpUser):
    """No think time, fast mode only: finds the saturation point (expect 503s past it)."""

    wait_time = constant(0)

    @tag("stress")
    @task(4)
    def cached(self):
        with self.client.post(TRANSLATE, json={"python_code": random.choice(SNIPPETS), "mode": "fast"},
                              headers=HEADERS, catch_response=True, name="stress_cached") as r:
            _expect(r)

    @tag("stress")
    @task(1)
    def uncached(self):
        with self.client.post(TRANSLATE, json={"python_code": unique_function(), "mode": "fast"},
                              headers=HEADERS, catch_response=True, name="stress_uncached") as r:
            if r.status_code == 503:
                r.success()  # back-pressure is the expected answer past saturation
            else:
                _expect(r)
