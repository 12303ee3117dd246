"""The real tritonserver (from the nvidia-pytriton wheel) serving deploy/triton's model.

One server per test module (per xdist worker), on free loopback ports.  Skips only when
the wheel, its binary or the libpython its backend stub links against is missing.
"""
from __future__ import annotations

import functools
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest

import portalis
from portalis.triton.server import MODEL_NAME, TritonServer

from deploy_support import DEPLOY
from triton_support import free_ports, running_triton

tritonclient_http = pytest.importorskip("tritonclient.http")
tritonclient_grpc = pytest.importorskip("tritonclient.grpc")
from tritonclient.utils import InferenceServerException  # noqa: E402

from portalis.triton.client import (  # noqa: E402
    TritonTranslationError, close_clients, translate_via_triton)

pytestmark = pytest.mark.slow
WARMUP_PROGRAM = (DEPLOY / "triton/model_repository/rust_transpiler/warmup/python_code").read_bytes()[4:].decode()


@pytest.fixture(scope="module")
def triton(tmp_path_factory):
    with running_triton(tmp_path_factory.mktemp("triton")) as server:
        try:
            yield server
        finally:
            close_clients()


def model_metrics(server: TritonServer) -> dict[str, float]:
    """Triton's own Prometheus counters for the model."""
    text = urllib.request.urlopen(server.metrics_url, timeout=5).read().decode()
    found = {}
    for name in ("nv_inference_request_success", "nv_inference_exec_count", "nv_inference_count"):
        match = re.search(rf'^{name}\{{model="{MODEL_NAME}",version="1"\}} (\S+)$', text, re.M)
        assert match, f"{name} missing from Triton metrics"
        found[name] = float(match.group(1))
    return found


def idle_metrics(server: TritonServer) -> dict[str, float]:
    """The counters once they stop moving: an earlier test's last responses may still be
    counted just after it returned, and must not land in the next test's window."""
    deadline = time.monotonic() + 5
    last = model_metrics(server)
    while time.monotonic() < deadline:
        time.sleep(0.3)
        now = model_metrics(server)
        if now == last:
            break
        last = now
    return last


def settled_metrics(server: TritonServer, before: dict[str, float], requests: int) -> dict[str, float]:
    """Triton updates its counters just after sending a response: wait until they show
    all `requests` (bounded), then read them."""
    deadline = time.monotonic() + 10
    while True:
        after = model_metrics(server)
        done = after["nv_inference_request_success"] - before["nv_inference_request_success"] >= requests
        if done or time.monotonic() > deadline:
            return after
        time.sleep(0.1)


def grpc_burst(server: TritonServer, requests: list[tuple[bytes, bytes]]) -> list:
    """Send every request at once with gRPC async_infer; return (result, error) in order."""
    client = tritonclient_grpc.InferenceServerClient(server.grpc_url)
    answers: list = [None] * len(requests)
    done = threading.Semaphore(0)

    def callback(index, result, error):
        answers[index] = (result, error)
        done.release()

    try:
        for index, (code, options) in enumerate(requests):
            inputs = []
            for name, value in (("python_code", code), ("translation_options", options)):
                tensor = tritonclient_grpc.InferInput(name, [1, 1], "BYTES")
                tensor.set_data_from_numpy(np.array([[value]], dtype=np.object_))
                inputs.append(tensor)
            client.async_infer(MODEL_NAME, inputs, functools.partial(callback, index))
        for _ in requests:
            assert done.acquire(timeout=60), "burst did not finish in 60s"
    finally:
        client.close()
    return answers


def assert_healthy(server: TritonServer):
    client = tritonclient_http.InferenceServerClient(server.http_url)
    try:
        assert client.is_server_live() and client.is_server_ready()
        assert client.is_model_ready(MODEL_NAME)
    finally:
        client.close()


def test_translates_over_http(triton):
    result = translate_via_triton(f"http://{triton.http_url}", "print(1 + 2)", {"filename": "calc.py"})
    expected = portalis.translate("print(1 + 2)", "calc.py")
    assert result["rust_code"] == expected.rust_code and result["rust_code"]
    assert result["metadata"]["ok"] is True
    assert result["metadata"]["engine_version"] == portalis.__version__
    assert result["metadata"]["cargo_toml"] == expected.cargo_toml
    assert 0.0 < result["confidence"] <= 1.0
    assert isinstance(result["warnings"], list) and isinstance(result["suggestions"], list)


def test_translates_over_grpc(triton):
    code = "def add(a: int, b: int) -> int:\n    return a + b\n\nprint(add(2, 3))\n"
    result = translate_via_triton(triton.grpc_url, code, {}, protocol="grpc")
    assert result["rust_code"] == portalis.translate(code).rust_code
    assert result["metadata"]["ok"] is True


def test_untranslatable_code_is_answered_with_diagnostics(triton):
    result = translate_via_triton(triton.http_url, "def broken(:\n", {})
    assert result["metadata"]["ok"] is False
    assert result["confidence"] == 0.0 and result["warnings"]


def test_model_was_warmed_up_on_load(triton):
    """Warm-up ran the sample through execute() on every instance, so it is cached everywhere."""
    for protocol, url in (("http", triton.http_url), ("grpc", triton.grpc_url)):
        for _ in range(3):
            result = translate_via_triton(url, WARMUP_PROGRAM, {}, protocol=protocol)
            assert result["metadata"]["cached"] is True


def test_dynamic_batching_batches_a_concurrent_burst(triton):
    before = idle_metrics(triton)
    count = 96
    answers = grpc_burst(triton, [(f"print({i} * 7 + 1)".encode(), b"{}") for i in range(count)])
    after = settled_metrics(triton, before, count)
    assert all(error is None for _, error in answers)
    assert [json.loads(r.as_numpy("metadata")[0, 0])["ok"] for r, _ in answers] == [True] * count
    assert answers[5][0].as_numpy("rust_code")[0, 0].decode() == portalis.translate("print(5 * 7 + 1)").rust_code
    requests = after["nv_inference_request_success"] - before["nv_inference_request_success"]
    executions = after["nv_inference_exec_count"] - before["nv_inference_exec_count"]
    print(f"burst of {count}: nv_inference_request_success +{requests:.0f}, "
          f"nv_inference_exec_count +{executions:.0f}")
    assert requests == count
    assert executions < requests / 2, "dynamic batching did not merge concurrent requests"


def test_bad_requests_in_a_burst_fail_alone(triton):
    requests = []
    for i in range(32):
        if i % 8 == 3:
            requests.append((f"print({i})".encode(), b"{not json"))
        elif i % 8 == 6:
            requests.append((b"\xff\xfeprint(1)", b"{}"))
        else:
            requests.append((f"print({i} - 1)".encode(), b'{"filename": "burst.py"}'))
    before = idle_metrics(triton)
    answers = grpc_burst(triton, requests)
    after = settled_metrics(triton, before, len(requests))  # Triton counts error responses as successes
    for i, (result, error) in enumerate(answers):
        if i % 8 in (3, 6):
            assert result is None and "bad request" in error.message()
        else:
            assert error is None and json.loads(result.as_numpy("metadata")[0, 0])["ok"] is True
    # The bad ones travelled in the same batches as the good ones.
    assert after["nv_inference_exec_count"] - before["nv_inference_exec_count"] < len(requests)
    assert_healthy(triton)


def test_malformed_requests_get_errors_and_the_server_stays_healthy(triton):
    for client_module, url in ((tritonclient_http, triton.http_url), (tritonclient_grpc, triton.grpc_url)):
        client = client_module.InferenceServerClient(url)
        try:
            code = client_module.InferInput("python_code", [1, 1], "BYTES")
            code.set_data_from_numpy(np.array([[b"print(1)"]], dtype=np.object_))
            opts = client_module.InferInput("translation_options", [1, 1], "BYTES")
            opts.set_data_from_numpy(np.array([[b"{]"]], dtype=np.object_))
            with pytest.raises(InferenceServerException, match="bad request: .*not valid JSON"):
                client.infer(MODEL_NAME, [code, opts])
        finally:
            client.close()
        protocol = "http" if client_module is tritonclient_http else "grpc"
        with pytest.raises(TritonTranslationError) as caught:
            translate_via_triton(url, "print(1)", {"filename": 42}, protocol=protocol)
        assert caught.value.bad_request and "filename must be a str" in str(caught.value)

    # Wrong data type and wrong shape are refused by Triton before the model runs.
    client = tritonclient_http.InferenceServerClient(triton.http_url)
    try:
        wrong_type = tritonclient_http.InferInput("python_code", [1, 1], "INT32")
        wrong_type.set_data_from_numpy(np.array([[7]], dtype=np.int32))
        with pytest.raises(InferenceServerException, match="(?i)data-type|datatype|expected"):
            client.infer(MODEL_NAME, [wrong_type])
        too_big = tritonclient_http.InferInput("python_code", [33, 1], "BYTES")
        too_big.set_data_from_numpy(np.array([[b"print(1)"]] * 33, dtype=np.object_))
        with pytest.raises(InferenceServerException, match="batch"):
            client.infer(MODEL_NAME, [too_big])
    finally:
        client.close()

    assert_healthy(triton)
    assert translate_via_triton(triton.http_url, "print(1 + 2)", {})["metadata"]["ok"] is True


def test_a_multi_row_request_answers_every_row(triton):
    client = tritonclient_http.InferenceServerClient(triton.http_url)
    try:
        code = tritonclient_http.InferInput("python_code", [3, 1], "BYTES")
        code.set_data_from_numpy(np.array([[b"print(1)"], [b"print(2)"], [b"def f(:\n"]], dtype=np.object_))
        result = client.infer(MODEL_NAME, [code])
    finally:
        client.close()
    oks = [json.loads(m)["ok"] for m in result.as_numpy("metadata").reshape(-1)]
    assert oks == [True, True, False]
    assert result.as_numpy("confidence_score").shape == (3, 1)
    assert result.as_numpy("confidence_score").dtype == np.float32


@pytest.mark.parametrize("how", ["run_triton", "cli"])
def test_triton_serve_runs_in_the_foreground_until_terminated(how, tmp_path):
    """`portalis triton-serve` (and `run_triton` behind it) serves, then exits on SIGTERM
    and removes its scratch directory."""
    http_port, grpc_port, metrics_port = free_ports(3)
    if how == "cli":
        portalis_bin = Path(sys.executable).with_name("portalis")
        probe = subprocess.run([str(portalis_bin), "triton-serve", "--help"], capture_output=True,
                               text=True) if portalis_bin.exists() else None
        if probe is None or probe.returncode != 0 or "--grpc-port" not in probe.stdout:
            pytest.skip("the `portalis triton-serve` command is not there yet")
        command = [str(portalis_bin), "triton-serve", "--http-port", str(http_port),
                   "--grpc-port", str(grpc_port), "--metrics-port", str(metrics_port)]
    else:
        command = [sys.executable, "-c", "from portalis.triton.server import run_triton; import sys; "
                   f"sys.exit(run_triton(http_port={http_port}, grpc_port={grpc_port}, "
                   f"metrics_port={metrics_port}, host='127.0.0.1'))"]
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    with open(tmp_path / "out.log", "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not _ready(http_port):
            assert process.poll() is None, (tmp_path / "out.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "triton-serve not ready in 60s"
            time.sleep(0.25)
        assert list(tmp_path.glob("portalis-triton-*"))  # its scratch dir, under TMPDIR
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert not list(tmp_path.glob("portalis-triton-*"))


def _ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v2/models/{MODEL_NAME}/ready", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def test_deployment_probes_answer_on_the_real_server(triton):
    """The Triton Deployment's probes, the image's and compose's health checks and the
    scrape path, asked of the running server, so they cannot drift from Triton's API."""
    from deploy_support import render
    from artefacts import compose, dockerfile_instructions

    deployment = next(o for o in render(DEPLOY / "k8s/triton") if o["kind"] == "Deployment")
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    local = {ports["http"]: triton.http_port, ports["metrics"]: triton.metrics_port}
    urls = [(ports[container[p]["httpGet"]["port"]], container[p]["httpGet"]["path"])
            for p in ("startupProbe", "livenessProbe", "readinessProbe")]
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    urls.append((int(annotations["prometheus.io/port"]), annotations["prometheus.io/path"]))
    checks = [" ".join(i.args) for i in dockerfile_instructions("triton") if i.cmd == "HEALTHCHECK"]
    checks.append(" ".join(compose()["services"]["triton"]["healthcheck"]["test"]))
    for check in checks:
        port, path = re.search(r"http://127\.0\.0\.1:(\d+)(/[\w/.-]+)", check).groups()
        urls.append((int(port), path))
    for port, path in urls:
        with urllib.request.urlopen(f"http://127.0.0.1:{local[port]}{path}", timeout=5) as response:
            assert response.status == 200, f"{path} on port {port}"


def test_model_configuration_as_served(triton):
    client = tritonclient_http.InferenceServerClient(triton.http_url)
    try:
        config = client.get_model_config(MODEL_NAME)
    finally:
        client.close()
    assert config["backend"] == "python" and config["max_batch_size"] == 32
    assert config["dynamic_batching"]["preferred_batch_size"] == [4, 8, 16, 32]
    assert 0 < int(config["dynamic_batching"]["max_queue_delay_microseconds"]) <= 10_000
    assert [(g["kind"], g["count"]) for g in config["instance_group"]] == [("KIND_CPU", 2)]
    inputs = {i["name"]: (i["data_type"], i["dims"], i.get("optional", False)) for i in config["input"]}
    assert inputs == {"python_code": ("TYPE_STRING", [1], False),
                      "translation_options": ("TYPE_STRING", [1], True)}
    outputs = {o["name"]: o["data_type"] for o in config["output"]}
    assert outputs == {"rust_code": "TYPE_STRING", "confidence_score": "TYPE_FP32", "metadata": "TYPE_STRING",
                       "warnings": "TYPE_STRING", "suggestions": "TYPE_STRING"}
    assert config["model_warmup"][0]["inputs"]["python_code"]["input_data_file"] == "python_code"
