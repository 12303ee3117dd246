"""Auth, per-key rate limits, the body limit and CORS on a service with auth on."""
from __future__ import annotations

import pytest

from service_support import API_KEYS, unique_function

pytestmark = pytest.mark.slow
TRANSLATE = "/api/v1/translation/translate"


def post(service, headers=None, code=None):
    return service.client.post(TRANSLATE, json={"python_code": code or unique_function()}, headers=headers or {})


def test_missing_or_wrong_keys_are_401_with_the_error_shape(secured):
    for headers in ({}, {"X-API-Key": "nope"}, {"Authorization": "Bearer nope"},
                    {"Authorization": f"Basic {API_KEYS['alice']}"}, {"X-API-Key": API_KEYS["alice"][:-1]}):
        r = post(secured, headers)
        assert r.status_code == 401, headers
        assert r.json()["error"] == "unauthorized"
        assert r.headers["www-authenticate"] == "Bearer"
    assert secured.client.get("/api/v1/translation/models").status_code == 401


def test_keys_work_as_header_bearer_and_from_the_hashed_file(secured):
    assert post(secured, {"X-API-Key": API_KEYS["alice"]}).status_code == 200
    assert post(secured, {"Authorization": f"Bearer {API_KEYS['alice']}"}).status_code == 200
    assert post(secured, {"X-API-Key": API_KEYS["carol"]}).status_code == 200  # sha256= entry in the file


def test_probes_and_metrics_need_no_key(secured):
    for path in ("/health", "/ready", "/live", "/health/ready", "/health/live", "/metrics", "/status"):
        assert secured.client.get(path).status_code == 200, path


def test_each_key_has_its_own_bucket_and_429_carries_retry_after(secured):
    headers = {"X-API-Key": API_KEYS["bob"]}
    code = unique_function()
    # Sent together so that no token refills in between, however slow the machine is.
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(7) as pool:
        statuses = sorted(pool.map(lambda _: post(secured, headers, code).status_code, range(7)))
    assert statuses == [200] * 5 + [429, 429]  # a burst of 5, then limited
    r = post(secured, headers, code)
    assert r.json()["error"] == "rate_limited"
    assert 1 <= int(r.headers["retry-after"]) <= 2  # one token a second at 60/minute
    assert post(secured, {"X-API-Key": API_KEYS["carol"]}).status_code == 200  # other keys unaffected


def test_bodies_over_the_limit_are_413_before_any_work(secured):
    headers = {"X-API-Key": API_KEYS["alice"]}
    big = "x = 1\n" * 1000  # 6000 bytes > 4096
    r = secured.client.post(TRANSLATE, json={"python_code": big}, headers=headers)
    assert r.status_code == 413
    assert r.json()["error"] == "payload_too_large"

    def chunks():
        for _ in range(10):
            yield b"x" * 1000
    r = secured.client.post(TRANSLATE, content=chunks(), headers={**headers, "content-type": "application/json"})
    assert r.status_code == 413  # no Content-Length: counted while reading


def test_small_chunked_bodies_still_work(secured):
    import json
    body = json.dumps({"python_code": unique_function()}).encode()
    r = secured.client.post(TRANSLATE, content=iter([body[:10], body[10:]]),
                            headers={"X-API-Key": API_KEYS["carol"], "content-type": "application/json"})
    assert r.status_code == 200, r.text


def test_cors_allows_only_the_configured_origin(secured):
    pre = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST",
           "Access-Control-Request-Headers": "x-api-key,content-type"}
    r = secured.client.options(TRANSLATE, headers=pre)
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "https://app.example"
    r = secured.client.options(TRANSLATE, headers={**pre, "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
