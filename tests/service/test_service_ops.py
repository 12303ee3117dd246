"""Health probes, Prometheus metrics (scraped and parsed), /status and OpenAPI."""
from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families

from service_support import unique_function

pytestmark = pytest.mark.slow
TRANSLATE = "/api/v1/translation/translate"
REQUIRED = {"http_requests", "http_request_duration_seconds", "http_requests_in_flight",
            "portalis_translation_duration_seconds", "portalis_translations",
            "portalis_translation_queue_depth", "portalis_cache_hit_ratio", "portalis_build_errors"}


def scrape(service) -> dict:
    r = service.client.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    return {family.name: family for family in text_string_to_metric_families(r.text)}


def value(families, sample_name, **labels) -> float:
    """Sum of the samples called `sample_name` whose labels include `labels`."""
    return sum(s.value for family in families.values() for s in family.samples
               if s.name == sample_name and all(s.labels.get(k) == v for k, v in labels.items()))


def test_health_reports_version_uptime_and_dependencies(service):
    body = service.client.get("/health").json()
    assert body["status"] == "healthy"
    assert body["version"] and body["uptime_seconds"] >= 0
    assert body["dependencies"]["worker_pool"] == "2/2 processes"
    assert body["dependencies"]["cache"] == "sqlite ok"


def test_probes_answer_on_both_paths(service):
    for path in ("/ready", "/health/ready"):
        assert service.client.get(path).json() == {"status": "ready"}
    for path in ("/live", "/health/live"):
        assert service.client.get(path).json() == {"status": "alive"}


def test_metrics_have_the_documented_names_and_count_translations(service):
    before = scrape(service)
    assert REQUIRED <= set(before)
    code = unique_function()
    service.client.post(TRANSLATE, json={"python_code": code, "mode": "fast"})
    service.client.post(TRANSLATE, json={"python_code": code, "mode": "fast"})
    service.client.post(TRANSLATE, json={"python_code": "def broken(:\n", "mode": "fast"})
    after = scrape(service)
    for outcome in ("translated", "cache_hit", "untranslatable"):
        grew = (value(after, "portalis_translations_total", mode="fast", outcome=outcome)
                - value(before, "portalis_translations_total", mode="fast", outcome=outcome))
        assert grew >= 1, outcome
    path = "/api/v1/translation/translate"
    assert value(after, "http_requests_total", method="POST", path=path, status="200") >= 2
    assert value(after, "http_requests_total", method="POST", path=path, status="422") >= 1
    assert value(after, "http_request_duration_seconds_count", method="POST", path=path) >= 3
    assert value(after, "portalis_translation_duration_seconds_count", mode="fast") >= 3
    assert 0 < value(after, "portalis_cache_hit_ratio") < 1
    assert value(after, "http_requests_in_flight") >= 1  # the scrape itself
    assert value(after, "portalis_translation_queue_depth") == 0


def test_unknown_paths_share_one_label(service):
    service.client.get("/no/such/path/" + unique_function()[:12])
    families = scrape(service)
    paths = {s.labels["path"] for s in families["http_requests"].samples}
    assert "unmatched" in paths
    assert not any(p.startswith("/no/such") for p in paths)


def test_status_is_the_metrics_as_json_with_pool_and_cache(service):
    service.client.post(TRANSLATE, json={"python_code": unique_function()})
    body = service.client.get("/status").json()
    assert body["pool"]["size"] == 2 and len(body["pool"]["processes"]) == 2
    assert body["cache"]["backend"] == "sqlite"
    assert "portalis_translations_total" in body["metrics"]
    assert "http_request_duration_seconds_bucket" in body["metrics"]


def test_openapi_documents_every_route_with_examples(service):
    spec = service.client.get("/openapi.json").json()
    for path in ("/api/v1/translation/translate", "/api/v1/translation/translate/batch",
                 "/api/v1/translation/translate/stream", "/api/v1/translation/models",
                 "/health", "/ready", "/live", "/health/ready", "/health/live", "/metrics", "/status"):
        assert path in spec["paths"], path
    schemas = spec["components"]["schemas"]
    assert schemas["TranslationRequest"]["examples"]
    assert schemas["BatchTranslationRequest"]["examples"]
    assert service.client.get("/docs").status_code == 200
