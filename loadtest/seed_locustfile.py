"""The seed project's NIM load scenario, rewritten here so it can be run against Portalis.

Same client behaviour as the original Portalis NIM service's Locust file: task weights
fast 10, quality 5, batch 2, health 1, metrics 1, models 1; think time 1-3 s; the same
ten snippets (functions without top-level code, including one that uses `time` without
importing it, a context manager that calls `open`, and an `async def` with aiohttp); the
same success rules (quality must come back with confidence > 0.8, a batch with at least
one success, batch `project_config.version` "1.0").

    locust -f loadtest/seed_locustfile.py --headless -u 20 -r 5 -t 60s --host http://127.0.0.1:8000
"""
from __future__ import annotations

import random

from locust import FastHttpUser, between, task

TRANSLATE = "/api/v1/translation/translate"

SNIPPETS = [
    "def add(a, b):\n    return a + b",
    "def fibonacci(n):\n    if n <= 1:\n        return n\n    return fibonacci(n-1) + fibonacci(n-2)",
    "def squares(n):\n    return [i**2 for i in range(n)]",
    "class Calculator:\n    def __init__(self):\n        self.result = 0\n\n"
    "    def add(self, x):\n        self.result += x\n        return self.result",
    # uses `time`, never imported: NameError in CPython too
    "def timer(func):\n    def wrapper(*args, **kwargs):\n        start = time.time()\n"
    "        result = func(*args, **kwargs)\n        end = time.time()\n"
    "        print(f\"Time: {end - start}\")\n        return result\n    return wrapper",
    "def count_up_to(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1",
    # opens a file
    "class FileHandler:\n    def __init__(self, filename):\n        self.filename = filename\n\n"
    "    def __enter__(self):\n        self.file = open(self.filename, 'r')\n        return self.file\n\n"
    "    def __exit__(self, *args):\n        self.file.close()",
    # async, with a third-party client
    "async def fetch_data(url):\n    async with aiohttp.ClientSession() as session:\n"
    "        async with session.get(url) as response:\n            return await response.json()",
    "def process_data(data):\n    filtered = [x for x in data if x > 0]\n    sorted_data = sorted(filtered)\n"
    "    return sum(sorted_data) / len(sorted_data)",
    "def factorial(n):\n    if n <= 1:\n        return 1\n    return n * factorial(n - 1)",
]


def _judge(response, ok, why):
    if response.status_code != 200:
        response.failure(f"Status {response.status_code}")
    elif ok(response.json()):
        response.success()
    else:
        response.failure(why)


class SeedNimUser(FastHttpUser):
    wait_time = between(1, 3)

    @task(10)
    def translate_fast(self):
        body = {"python_code": random.choice(SNIPPETS), "mode": "fast", "temperature": 0.2,
                "include_alternatives": False}
        with self.client.post(TRANSLATE, json=body, catch_response=True, name="translate_fast") as r:
            _judge(r, lambda b: bool(b.get("rust_code")), "No Rust code in response")

    @task(5)
    def translate_quality(self):
        body = {"python_code": random.choice(SNIPPETS), "mode": "quality", "temperature": 0.1,
                "include_alternatives": True}
        with self.client.post(TRANSLATE, json=body, catch_response=True, name="translate_quality") as r:
            confidence = r.json().get("confidence") if r.status_code == 200 else None
            _judge(r, lambda b: bool(b.get("rust_code")) and b.get("confidence", 0) > 0.8,
                   f"Low quality translation (confidence {confidence})")

    @task(2)
    def translate_batch(self):
        body = {"source_files": random.sample(SNIPPETS, k=random.randint(3, 5)),
                "project_config": {"name": "test", "version": "1.0"}, "optimization_level": "release",
                "compile_wasm": False}
        with self.client.post(TRANSLATE + "/batch", json=body, catch_response=True, name="translate_batch") as r:
            _judge(r, lambda b: b.get("success_count", 0) > 0, "Batch translation failed")

    @task(1)
    def health_check(self):
        with self.client.get("/health", catch_response=True, name="health_check") as r:
            _judge(r, lambda b: True, "")

    @task(1)
    def metrics(self):
        self.client.get("/metrics", name="metrics")

    @task(1)
    def list_models(self):
        with self.client.get("/api/v1/translation/models", catch_response=True, name="list_models") as r:
            _judge(r, lambda b: "models" in b, "No models in response")
