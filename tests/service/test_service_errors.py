"""Bad requests get the right status and one stable JSON shape, never a traceback."""
from __future__ import annotations

import pytest

from service_support import unique_function

pytestmark = pytest.mark.slow
TRANSLATE = "/api/v1/translation/translate"
ERROR_FIELDS = {"error", "message", "status", "request_id"}


def assert_error(r, status: int, error: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert ERROR_FIELDS <= set(body)
    assert (body["status"], body["error"]) == (status, error)
    assert "Traceback" not in r.text and 'File "' not in r.text
    return body


def test_malformed_json_is_a_400(service):
    r = service.client.post(TRANSLATE, content=b'{"python_code": "x = 1",', headers={"content-type": "application/json"})
    assert_error(r, 400, "malformed_json")


@pytest.mark.parametrize("payload, field", [
    ({}, "python_code"),
    ({"python_code": 123}, "python_code"),
    ({"python_code": ""}, "python_code"),
    ({"python_code": "   \n"}, "python_code"),
    ({"python_code": "x = 1", "mode": "turbo"}, "mode"),
    ({"python_code": "x = 1", "temperature": "hot"}, "temperature"),
    ({"python_code": "x = 1", "temperature": 2.5}, "temperature"),
    ({"python_code": "x = 1", "max_length": 10}, "max_length"),
    ({"python_code": "x = 1", "target": "arm"}, "target"),
    ({"python_code": "x = 1", "include_alternatives": {"a": 1}}, "include_alternatives"),
    ({"python_code": "x" * 100_001}, "python_code"),
])
def test_wrong_fields_are_a_422_naming_the_field(service, payload, field):
    body = assert_error(service.client.post(TRANSLATE, json=payload), 422, "validation_error")
    assert field in [e["field"] for e in body["details"]["errors"]]


def test_a_json_array_body_is_a_422(service):
    assert_error(service.client.post(TRANSLATE, json=["x = 1"]), 422, "validation_error")


def test_unknown_path_and_wrong_method_keep_the_error_shape(service):
    assert_error(service.client.get("/api/v1/nope"), 404, "not_found")
    assert_error(service.client.get(TRANSLATE), 405, "method_not_allowed")


def test_the_request_id_is_echoed_in_the_header_and_the_error(service):
    r = service.client.post(TRANSLATE, json={}, headers={"X-Request-ID": "trace-42"})
    assert r.headers["x-request-id"] == "trace-42"
    assert r.json()["request_id"] == "trace-42"


def test_deeply_nested_python_is_a_422_and_the_service_stays_up(service):
    nested_parens = "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n"
    long_chain = "x = " + " + ".join(["1"] * 20000) + "\nprint(x)\n"
    nested_lists = "x = " + "[" * 3000 + "]" * 3000 + "\n"
    for code in (nested_parens, long_chain, nested_lists):
        r = service.client.post(TRANSLATE, json={"python_code": code})
        assert r.status_code in (200, 422), r.text[:500]
        if r.status_code == 422:
            assert r.json()["diagnostics"]
    assert service.client.post(TRANSLATE, json={"python_code": unique_function()}).status_code == 200


def test_huge_python_near_the_size_limit_is_answered(service):
    lines, size = [], 0
    i = 0
    while size < 95_000:
        line = f"def g{i}(a: int) -> int:\n    return a + {i}\n\n\n"
        lines.append(line)
        size += len(line)
        i += 1
    code = "".join(lines)
    assert len(code) <= 100_000
    r = service.client.post(TRANSLATE, json={"python_code": code, "mode": "fast"}, timeout=60)
    assert r.status_code in (200, 422), r.text[:500]
    if r.status_code == 200:
        assert f"g{i - 1}" in r.json()["rust_code"]
