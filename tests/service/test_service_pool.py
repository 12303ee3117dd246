"""The process pool under failure: queue full, timeouts, crashes, readiness.

Uses a service with one pool process, one queue slot and a 3 s timeout.  Hangs are
made real with SIGSTOP on the pool process, crashes with SIGKILL.
"""
from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest

from service_support import unique_function

pytestmark = pytest.mark.slow
TRANSLATE = "/api/v1/translation/translate"


def wait_for(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("condition not reached")


def in_background(service, code, path=TRANSLATE):
    box = {}

    def run():
        box["response"] = service.client.post(path, json={"python_code": code})
    thread = threading.Thread(target=run)
    thread.start()
    return thread, box


def busy(service):
    return any(p["busy_seconds"] is not None for p in service.status()["pool"]["processes"])


def test_queue_full_is_a_503_with_retry_after_and_queued_requests_finish(fragile):
    (pid,) = fragile.pids()
    os.kill(pid, signal.SIGSTOP)
    try:
        first, first_box = in_background(fragile, unique_function())
        wait_for(lambda: busy(fragile))
        second, second_box = in_background(fragile, unique_function())
        wait_for(lambda: fragile.status()["pool"]["queue_depth"] == 1)
        r = fragile.client.post(TRANSLATE, json={"python_code": unique_function()})
        assert r.status_code == 503
        assert r.json()["error"] == "queue_full"
        assert int(r.headers["retry-after"]) >= 1
        depth = [m for m in fragile.status()["metrics"]["portalis_translation_queue_depth"]]
        assert depth[0]["value"] == 1
    finally:
        os.kill(pid, signal.SIGCONT)
    first.join(10)
    second.join(10)
    assert first_box["response"].status_code == 200
    assert second_box["response"].status_code == 200
    assert fragile.pids() == [pid]  # nothing was replaced


def test_a_hung_process_times_out_with_504_and_is_replaced(fragile):
    (pid,) = fragile.pids()
    restarts = fragile.status()["pool"]["restarts"]
    os.kill(pid, signal.SIGSTOP)
    started = time.monotonic()
    big = unique_function() + "# " + "x" * 90_000 + "\n"  # more than a pipe buffer: the hand-over blocks too
    r = fragile.client.post(TRANSLATE, json={"python_code": big})
    elapsed = time.monotonic() - started
    assert r.status_code == 504
    assert r.json()["error"] == "timeout"
    assert 2.5 < elapsed < 10
    assert fragile.status()["pool"]["restarts"] == restarts + 1
    assert fragile.pids() != [pid]
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the old process is gone, not left stopped
    assert fragile.client.post(TRANSLATE, json={"python_code": unique_function()}).status_code == 200


def test_a_crash_mid_request_is_a_502_and_the_service_stays_up(fragile):
    (pid,) = fragile.pids()
    os.kill(pid, signal.SIGSTOP)
    thread, box = in_background(fragile, unique_function())
    wait_for(lambda: busy(fragile))
    os.kill(pid, signal.SIGKILL)
    thread.join(10)
    r = box["response"]
    assert r.status_code == 502
    assert r.json()["error"] == "worker_crashed"
    assert "Traceback" not in r.text
    wait_for(lambda: fragile.client.get("/ready").status_code == 200)
    assert fragile.pids() != [pid]
    assert fragile.client.post(TRANSLATE, json={"python_code": unique_function()}).status_code == 200


def test_a_crash_mid_stream_is_an_error_chunk_not_a_500(fragile):
    (pid,) = fragile.pids()
    os.kill(pid, signal.SIGSTOP)
    thread, box = in_background(fragile, unique_function(), TRANSLATE + "/stream")
    wait_for(lambda: busy(fragile))
    os.kill(pid, signal.SIGKILL)
    thread.join(10)
    r = box["response"]
    assert r.status_code == 200
    chunks = [json.loads(line) for line in r.text.splitlines()]
    assert [c["chunk_type"] for c in chunks] == ["metadata", "error"]
    assert chunks[-1]["is_final"] and chunks[-1]["metadata"]["error"] == "worker_crashed"
    wait_for(lambda: fragile.client.get("/ready").status_code == 200)


def test_a_process_dying_while_idle_is_replaced_before_it_is_needed(fragile):
    (pid,) = fragile.pids()
    os.kill(pid, signal.SIGKILL)
    new = wait_for(lambda: [p for p in fragile.pids() if p != pid])
    assert len(new) == 1
    wait_for(lambda: fragile.client.get("/ready").status_code == 200)
    assert fragile.client.post(TRANSLATE, json={"python_code": unique_function()}).status_code == 200


def test_readiness_is_503_until_the_pool_is_up(start_service):
    """uvicorn answers as soon as it binds; the pool (forkserver, engine import) comes later."""
    service = start_service("cold-start", wait=False, PORTALIS_POOL_SIZE=2)
    wait_for(lambda: _status_or_none(service, "/live") == 200, timeout=30)
    r = service.client.get("/health/ready")
    assert r.status_code == 503
    assert r.json()["error"] == "not_ready" and r.headers["retry-after"]
    service.wait_ready()
    assert service.client.get("/ready").json() == {"status": "ready"}
    assert service.client.get("/health/live").json() == {"status": "alive"}


def _status_or_none(service, path):
    import httpx
    try:
        return service.client.get(path).status_code
    except httpx.TransportError:
        return None
