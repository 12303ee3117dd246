"""Prometheus metrics (exact names are part of the API) and the HTTP middleware feeding them.

With several uvicorn processes (`--workers N`) the server sets PROMETHEUS_MULTIPROC_DIR
before any of them imports this module, and a scrape merges every process's numbers.
"""
from __future__ import annotations

import os
import time

from prometheus_client import (CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Gauge, Histogram,
                               generate_latest)
from prometheus_client.multiprocess import MultiProcessCollector

_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)

HTTP_REQUESTS = Counter("http_requests_total", "HTTP requests answered",
                        ["method", "path", "status"])
HTTP_DURATION = Histogram("http_request_duration_seconds", "HTTP request latency",
                          ["method", "path"], buckets=_LATENCY_BUCKETS)
HTTP_IN_FLIGHT = Gauge("http_requests_in_flight", "HTTP requests being served",
                       multiprocess_mode="livesum")
TRANSLATION_DURATION = Histogram("portalis_translation_duration_seconds",
                                 "Time to translate (and build/verify) one module, cache hits included",
                                 ["mode"], buckets=_LATENCY_BUCKETS)
TRANSLATIONS = Counter("portalis_translations_total", "Translations by mode and outcome",
                       ["mode", "outcome"])
QUEUE_DEPTH = Gauge("portalis_translation_queue_depth", "Requests waiting for a translation process",
                    multiprocess_mode="livesum")
CACHE_HIT_RATIO = Gauge("portalis_cache_hit_ratio", "Cache hits / lookups since start",
                        multiprocess_mode="mostrecent")
BUILD_ERRORS = Counter("portalis_build_errors_total", "Builds that failed", ["target"])
for _target in ("native", "wasm32-wasi"):  # export zeros before the first failure
    BUILD_ERRORS.labels(_target)

CONTENT_TYPE = CONTENT_TYPE_LATEST


def _registry():
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return registry
    return REGISTRY


def exposition() -> bytes:
    """The Prometheus text format of every metric."""
    return generate_latest(_registry())


def as_json() -> dict:
    """The same numbers as /metrics, as {metric: [{labels, value}]} for GET /status."""
    out: dict[str, list] = {}
    for family in _registry().collect():
        for sample in family.samples:
            if sample.name.endswith("_created"):
                continue
            out.setdefault(sample.name, []).append({"labels": sample.labels, "value": sample.value})
    return out


class MetricsMiddleware:
    """Pure ASGI middleware (no per-request task) counting every HTTP request.

    Paths are labelled by route template, so /a/{x} is one series and unknown paths
    share the label "unmatched".
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        HTTP_IN_FLIGHT.inc()

        async def send_wrapper(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            HTTP_IN_FLIGHT.dec()
            route = scope.get("route")
            path = getattr(route, "path", "unmatched")
            method = scope["method"]
            HTTP_REQUESTS.labels(method, path, str(status)).inc()
            HTTP_DURATION.labels(method, path).observe(time.perf_counter() - started)
