"""The service's Triton backend (`PORTALIS_BACKEND=triton`): a real tritonserver from the
nvidia-pytriton wheel, and real uvicorn services talking to it over HTTP and over gRPC.

One tritonserver per module (per xdist worker); the last test stops it, so it must stay last.
Skips only when the wheel, its binary or the libpython its backend stub needs is missing.
"""
from __future__ import annotations

import pytest

from service_support import unique_function
from triton_support import running_triton

pytest.importorskip("tritonclient.http")
pytest.importorskip("tritonclient.grpc")

from portalis.service.triton_backend import TritonBackend  # noqa: E402
from portalis.triton.client import TritonTranslationError  # noqa: E402

pytestmark = pytest.mark.slow
TRANSLATE = "/api/v1/translation/translate"
PROGRAM = "def add(a: int, b: int) -> int:\n    return a + b\n\n\nprint(add(1, 2))\n"


@pytest.fixture(scope="module")
def triton(tmp_path_factory):
    with running_triton(tmp_path_factory.mktemp("triton"), wait_timeout=60) as server:
        yield server


@pytest.fixture(scope="module")
def services(triton, start_service):
    """Two services on the one Triton: quality and batch over HTTP, quality over gRPC."""
    over_http = start_service("triton-http", wait=False, PORTALIS_POOL_SIZE=1, PORTALIS_BACKEND="triton",
                              PORTALIS_TRITON_URL=f"http://{triton.http_url}",
                              PORTALIS_TRITON_MODES="quality,batch")
    over_grpc = start_service("triton-grpc", wait=False, PORTALIS_POOL_SIZE=1, PORTALIS_BACKEND="triton",
                              PORTALIS_TRITON_URL=f"grpc://{triton.grpc_url}")
    return {"http": over_http.wait_ready(), "grpc": over_grpc.wait_ready()}


@pytest.mark.parametrize("protocol", ["http", "grpc"])
def test_quality_mode_is_translated_by_triton(services, protocol):
    client = services[protocol].client
    r = client.post(TRANSLATE, json={"python_code": PROGRAM, "mode": "quality"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "fn add(a: i64, b: i64) -> PyResult<i64>" in body["rust_code"]
    assert "fn main()" in body["rust_code"] and "[package]" in body["cargo_toml"]
    meta = body["metadata"]
    assert meta["backend"] == "triton" and meta["mode"] == "quality"
    assert meta["triton"] == {**meta["triton"], "model": "rust_transpiler", "protocol": protocol}
    assert meta["compiled"] is None and meta["verified"] is None  # Triton translates only
    assert body["confidence"] == 1.0 and body["diagnostics"] == []
    assert any("Triton backend" in w for w in body["warnings"])
    assert isinstance(body["suggestions"], list)

    again = client.post(TRANSLATE, json={"python_code": PROGRAM, "mode": "quality"}).json()
    assert again["cached"] is True and again["rust_code"] == body["rust_code"]


@pytest.mark.parametrize("protocol", ["http", "grpc"])
def test_other_modes_stay_local_and_do_not_share_the_cache(services, protocol):
    client = services[protocol].client
    code = unique_function()
    triton_answer = client.post(TRANSLATE, json={"python_code": code, "mode": "quality"}).json()
    local = client.post(TRANSLATE, json={"python_code": code, "mode": "fast"})
    assert local.status_code == 200, local.text
    assert local.json()["metadata"]["backend"] == "portalis-engine" and local.json()["cached"] is False
    assert triton_answer["metadata"]["backend"] == "triton"
    assert local.json()["rust_code"] == triton_answer["rust_code"]  # the same engine on both sides


def test_untranslatable_python_through_triton_is_a_422_with_diagnostics(services):
    r = services["grpc"].client.post(TRANSLATE, json={"python_code": "import tkinter\nprint(tkinter.Tk())\n",
                                                      "mode": "quality"})
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "untranslatable" and body["status"] == 422
    assert body["diagnostics"][0]["message"] == "module tkinter is not supported (used here; imported at line 1)"
    assert body["diagnostics"][0]["file"] == "main.py"


def test_batch_goes_to_triton_when_listed_and_bad_requests_stay_per_file(services):
    r = services["http"].client.post(TRANSLATE + "/batch", json={"source_files": [
        PROGRAM, {"name": "notes.txt", "python_code": "print(1)\n"}]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["performance_metrics"]["backend"] == "triton"
    assert body["compilation_status"][0] == "success" and "fn add" in body["translated_files"][0]
    # The model refuses a file name that is not *.py: a bad request for that file alone.
    assert body["compilation_status"][1].startswith("error: Triton rejected the request: bad request")
    assert body["success_count"] == 1 and body["failure_count"] == 1


def test_health_and_models_report_the_triton_backend(services):
    for protocol, service in services.items():
        health = service.client.get("/health").json()
        assert health["status"] == "healthy"
        assert health["dependencies"]["backend"] == "triton"
        assert health["dependencies"]["triton"] == f"{protocol} ready"
    models = {m["mode"]: m for m in services["grpc"].client.get("/api/v1/translation/models").json()["models"]}
    assert models["quality"]["backend"] == "triton (rust_transpiler over grpc)"
    assert models["fast"]["backend"].startswith("portalis-engine")


def test_failures_map_to_http_errors():
    backend = TritonBackend("http://127.0.0.1:1", "http", 5.0, 7)
    bad = backend.failure(TritonTranslationError("bad request: translation_options is not valid JSON",
                                                 bad_request=True))
    assert (bad.status, bad.error) == (422, "triton_bad_request")
    down = backend.failure(ConnectionRefusedError(111, "Connection refused"))
    assert (down.status, down.error, down.headers) == (503, "triton_unavailable", {"Retry-After": "7"})
    assert backend.failure(TimeoutError("timed out")).status == 504
    assert (backend.failure(TritonTranslationError("model crashed", bad_request=False)).status) == 502


# Keep last: it stops the module's tritonserver.
def test_triton_down_is_a_503_with_retry_after(services, triton):
    triton.stop()
    for protocol, service in services.items():
        r = service.client.post(TRANSLATE, json={"python_code": unique_function(), "mode": "quality"})
        assert r.status_code == 503, (protocol, r.text)
        assert r.headers["Retry-After"] == "1" and r.headers["X-Request-ID"]
        body = r.json()
        assert body["error"] == "triton_unavailable" and body["status"] == 503
        assert body["request_id"] == r.headers["X-Request-ID"]
        assert body["details"]["protocol"] == protocol
        health = service.client.get("/health").json()
        assert health["status"] == "degraded" and health["dependencies"]["triton"] != f"{protocol} ready"
        # Local modes keep working without Triton.
        fast = service.client.post(TRANSLATE, json={"python_code": unique_function(), "mode": "fast"})
        assert fast.status_code == 200 and fast.json()["metadata"]["backend"] == "portalis-engine"
