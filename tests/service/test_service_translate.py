"""The NIM translation endpoints against a real uvicorn process."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from service_support import unique_function

pytestmark = pytest.mark.slow
TRANSLATE = "/api/v1/translation/translate"
ADD = "def add(a: int, b: int) -> int:\n    return a + b\n"


def test_translate_returns_the_nim_fields_and_portalis_extras(service):
    code = unique_function()
    r = service.client.post(TRANSLATE, json={"python_code": code, "mode": "fast"})
    assert r.status_code == 200, r.text
    body = r.json()
    for field in ("rust_code", "confidence", "alternatives", "metadata", "warnings", "suggestions",
                  "processing_time_ms", "diagnostics", "cargo_toml", "cached"):
        assert field in body
    assert "fn f_" in body["rust_code"]
    assert "[package]" in body["cargo_toml"]
    assert body["cached"] is False
    assert body["alternatives"] is None
    assert body["metadata"]["mode"] == "fast"
    assert body["metadata"]["compiled"] is None and body["metadata"]["verified"] is None
    # translated, neither built nor verified: the base score minus any warnings
    assert 0.5 <= body["confidence"] <= 0.7
    assert r.headers["x-request-id"]


def test_second_identical_request_is_a_cache_hit_and_options_are_part_of_the_key(service):
    code = unique_function()
    first = service.client.post(TRANSLATE, json={"python_code": code}).json()
    second = service.client.post(TRANSLATE, json={"python_code": code, "mode": "fast"}).json()
    assert (first["cached"], second["cached"]) == (False, True)
    assert second["rust_code"] == first["rust_code"]
    assert second["metadata"]["mode"] == "fast"  # per request, not from the cache
    other = service.client.post(TRANSLATE, json={"python_code": code, "max_length": 4096}).json()
    assert other["cached"] is False


def test_untranslatable_python_is_a_422_with_located_diagnostics(service):
    r = service.client.post(TRANSLATE, json={"python_code": "def broken(:\n    pass\n"})
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "untranslatable"
    diag = body["diagnostics"][0]
    assert set(diag) >= {"file", "line", "col", "message"}
    assert diag["line"] == 1


def test_alternatives_are_a_list_when_asked_for(service):
    body = service.client.post(TRANSLATE, json={"python_code": unique_function(),
                                                "include_alternatives": True}).json()
    assert body["alternatives"] == []
    assert any("alternatives" in w for w in body["warnings"])


def test_context_is_echoed_in_metadata(service):
    body = service.client.post(TRANSLATE, json={"python_code": unique_function(),
                                                "context": {"ticket": "T-1"}}).json()
    assert body["metadata"]["context"] == {"ticket": "T-1"}


def test_metadata_carries_the_inferred_types(service):
    code = unique_function() + "\n\ndef scale(x):\n    return x * 2.5\n\nprint(scale(2.0))\n"
    types = service.client.post(TRANSLATE, json={"python_code": code}).json()["metadata"]["types"]
    assert types["converged"] is True
    assert {"name": "scale", "signature": "def scale(x: float) -> float"}.items() <= \
        next(f for f in types["functions"] if f["name"] == "scale").items()


def test_fifty_concurrent_requests_all_succeed(service):
    codes = [unique_function() for _ in range(50)]

    def post(code):
        return service.client.post(TRANSLATE, json={"python_code": code, "mode": "fast"})

    with ThreadPoolExecutor(25) as ex:
        responses = list(ex.map(post, codes))
    assert [r.status_code for r in responses] == [200] * 50
    assert all(not r.json()["cached"] for r in responses)


def test_stream_sends_one_code_chunk_per_top_level_item(service):
    code = ADD + "\n\ndef mul(a: int, b: int) -> int:\n    return a * b\n\n\nprint(add(1, mul(2, 3)))\n"
    with service.client.stream("POST", TRANSLATE + "/stream", json={"python_code": code}) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/x-ndjson")
        chunks = [json.loads(line) for line in r.iter_lines() if line]
    kinds = [c["chunk_type"] for c in chunks]
    assert kinds[0] == "metadata" and kinds[-1] == "complete"
    assert chunks[-1]["is_final"] is True and not any(c["is_final"] for c in chunks[:-1])
    names = [c["metadata"]["name"] for c in chunks if c["chunk_type"] == "code"]
    assert "add" in names and "mul" in names and names.index("add") < names.index("mul")
    assert all(set(c) == {"chunk_type", "content", "is_final", "metadata"} for c in chunks)


def test_stream_of_untranslatable_python_is_a_422(service):
    r = service.client.post(TRANSLATE + "/stream", json={"python_code": "def broken(:\n"})
    assert r.status_code == 422
    assert r.json()["diagnostics"]


def test_batch_reports_each_file_and_one_bad_file_does_not_fail_it(service):
    files = [unique_function(), {"name": "pkg/two.py", "python_code": unique_function()},
             "def broken(:\n", unique_function()]
    r = service.client.post(TRANSLATE + "/batch", json={
        "source_files": files, "project_config": {"name": "demo", "version": "2.1.0"},
        "optimization_level": "release", "compile_wasm": False})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["success_count"], body["failure_count"]) == (3, 1)
    assert body["compilation_status"][2].startswith("error")
    assert [s for i, s in enumerate(body["compilation_status"]) if i != 2] == ["success"] * 3
    assert len(body["translated_files"]) == 4 and body["translated_files"][2] == ""
    assert "fn f_" in body["translated_files"][1]
    assert body["wasm_binaries"] is None
    assert body["files"][1]["name"] == "pkg/two.py"
    assert 'version = "2.1.0"' in body["files"][0]["cargo_toml"]
    assert 'name = "demo_file_0"' in body["files"][0]["cargo_toml"]
    assert body["files"][2]["diagnostics"][0]["line"] == 1
    assert body["performance_metrics"]["files"] == 4
    assert body["total_processing_time_ms"] > 0


def test_batch_translates_files_that_import_each_other_as_one_crate(service):
    files = [{"name": "main.py", "python_code": "from shapes.square import area\nprint(area(3))\n"},
             {"name": "shapes/__init__.py", "python_code": "UNIT = 1\n"},
             {"name": "shapes/square.py", "python_code": "def area(s):\n    return s * s\n"}]
    r = service.client.post(TRANSLATE + "/batch", json={"source_files": files, "project_config": {"name": "geo"}})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["compilation_status"] == ["success"] * 3
    assert "fn shapes_square__area" in body["translated_files"][0] and body["translated_files"][1:] == ["", ""]
    assert 'name = "geo"' in body["files"][0]["cargo_toml"]
    bad = [{"name": "main.py", "python_code": "import helper\nprint(helper.missing)\n"},
           {"name": "helper.py", "python_code": "X = 1\n"}]
    body = service.client.post(TRANSLATE + "/batch", json={"source_files": bad}).json()
    assert body["failure_count"] == 2
    assert body["files"][0]["diagnostics"][0]["message"] == "module 'helper' has no attribute 'missing'"


def test_batch_validates_its_shape(service):
    assert service.client.post(TRANSLATE + "/batch", json={"source_files": []}).status_code == 422
    too_many = [ADD] * 101
    assert service.client.post(TRANSLATE + "/batch", json={"source_files": too_many}).status_code == 422
    bad_level = {"source_files": [ADD], "optimization_level": "turbo"}
    assert service.client.post(TRANSLATE + "/batch", json=bad_level).status_code == 422


def test_models_lists_every_mode_with_the_engine_version(service):
    body = service.client.get("/api/v1/translation/models").json()
    modes = {m["mode"] for m in body["models"]}
    assert modes == {"fast", "standard", "quality", "streaming"}
    assert all(m["version"].startswith(service.status()["version"]) for m in body["models"])


def test_batch_accepts_short_versions_and_rejects_what_cargo_cannot_take(service):
    r = service.client.post(TRANSLATE + "/batch", json={
        "source_files": [ADD], "project_config": {"name": "seed", "version": "1.0"}})
    assert r.status_code == 200, r.text
    assert 'version = "1.0.0"' in r.json()["files"][0]["cargo_toml"]
    r = service.client.post(TRANSLATE + "/batch", json={
        "source_files": [ADD], "project_config": {"name": "seed", "version": "1.0.0.0"}})
    assert r.status_code == 422
    assert "MAJOR.MINOR.PATCH" in r.text


def test_forwarded_for_is_believed_only_from_trusted_proxies(start_service):
    limits = dict(PORTALIS_POOL_SIZE=1, PORTALIS_RATE_LIMIT_PER_MINUTE=60, PORTALIS_RATE_LIMIT_BURST=3)
    direct = start_service("xff-untrusted", **limits)
    proxied = start_service("xff-trusted", PORTALIS_TRUSTED_PROXIES="127.0.0.1", **limits)

    def statuses(service):
        return [service.client.post(TRANSLATE, json={"python_code": ADD},
                                    headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code
                for i in range(5)]
    assert statuses(direct) == [200, 200, 200, 429, 429]  # one bucket: the peer's address
    assert statuses(proxied) == [200] * 5  # five clients behind a proxy we trust
