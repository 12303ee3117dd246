"""The playground's API calls over HTTP against a real service: the wasm module runs under
wasmtime like CPython runs the source, the reference run honours stdin and its time limit,
the project zip is a complete crate, and the calls share the API's errors and auth."""
from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest

from portalis.toolchain import wasm_command
from service_support import API_KEYS

pytestmark = pytest.mark.slow

PROGRAM = "import sys\nwords = sys.stdin.read().split()\nprint(len(words), sorted(words))\nraise SystemExit(3)\n"


def test_wasm_module_runs_like_cpython(service, tmp_path):
    answer = service.client.post("/api/v1/playground/wasm", json={"python_code": PROGRAM})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/wasm"
    assert answer.content[:4] == b"\0asm"
    assert float(answer.headers["x-build-seconds"]) >= 0
    module = tmp_path / "main.wasm"
    module.write_bytes(answer.content)
    ran = subprocess.run(wasm_command(module), input="pear apple fig", capture_output=True, text=True, timeout=60)
    reference = service.client.post("/api/v1/playground/reference",
                                    json={"python_code": PROGRAM, "stdin": "pear apple fig"}).json()
    assert reference["stdout"] == ran.stdout == "3 ['apple', 'fig', 'pear']\n"
    assert reference["exit_status"] == ran.returncode == 3
    assert reference["timed_out"] is False and reference["seconds"] > 0


def test_reference_run_is_confined(service):
    """The CPython run happens in the sandbox: no host files, no inherited environment."""
    probe = ("import os\nprint(os.path.exists('/etc/passwd'), sorted(k for k in os.environ if 'KEY' in k))\n"
             "open('/usr/forged', 'w')\n")
    answer = service.client.post("/api/v1/playground/reference", json={"python_code": probe}).json()
    assert answer["stdout"] == "False []\n"
    assert answer["exit_status"] == 1 and "Read-only file system" in answer["stderr"], answer


def test_unoptimized_module_builds_and_runs(service, tmp_path):
    code = "print(sum(i * i for i in range(100)))\n"
    answer = service.client.post("/api/v1/playground/wasm", json={"python_code": code, "optimize": False})
    assert answer.status_code == 200, answer.text
    module = tmp_path / "debug.wasm"
    module.write_bytes(answer.content)
    ran = subprocess.run(wasm_command(module), capture_output=True, text=True, timeout=60)
    assert ran.stdout == "328350\n" and ran.returncode == 0


def test_reference_run_is_cut_off_at_its_time_limit(service):
    answer = service.client.post("/api/v1/playground/reference",
                                 json={"python_code": "while True:\n    pass\n", "time_limit_seconds": 1})
    assert answer.status_code == 200
    body = answer.json()
    assert body["timed_out"] is True and body["exit_status"] is None
    assert 1 <= body["seconds"] < 10 and body["time_limit_seconds"] == 1
    too_long = service.client.post("/api/v1/playground/reference",
                                   json={"python_code": "print(1)\n", "time_limit_seconds": 3600})
    assert too_long.status_code == 422 and too_long.json()["error"] == "validation_error"


def test_untranslatable_code_gets_diagnostics(service):
    for path in ("/api/v1/playground/wasm", "/api/v1/playground/project.zip"):
        answer = service.client.post(path, json={"python_code": "import tkinter\nprint(tkinter.Tk())\n"})
        assert answer.status_code == 422, path
        body = answer.json()
        assert body["error"] == "untranslatable"
        assert body["diagnostics"][0]["line"] == 2


def test_project_zip_is_a_complete_crate(service, tmp_path):
    code = "print(sum(range(10)))\n"
    answer = service.client.post("/api/v1/playground/project.zip", json={"python_code": code})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    archive.extractall(tmp_path)
    crate = tmp_path / "main"
    assert (crate / "main.py").read_text() == code
    rust = service.client.post("/api/v1/translation/translate", json={"python_code": code, "mode": "fast"}).json()
    assert (crate / "src" / "main.rs").read_text() == rust["rust_code"]
    assert (crate / "Cargo.toml").read_text() == rust["cargo_toml"]
    from portalis.build import build_crate

    built = build_crate(crate)
    assert built.ok, built.stderr
    assert subprocess.run([built.binary], capture_output=True, text=True, timeout=30).stdout == "45\n"


def test_playground_calls_need_a_key_when_auth_is_on(keyed):
    body = {"python_code": "print(1)\n"}
    assert keyed.client.post("/api/v1/playground/reference", json=body).status_code == 401
    answer = keyed.client.post("/api/v1/playground/reference", json=body,
                                 headers={"X-API-Key": API_KEYS["dave"]})
    assert answer.status_code == 200 and answer.json()["stdout"] == "1\n"
    assert keyed.client.get("/").status_code == 200  # the page itself is public


def test_page_and_assets_are_served(service):
    page = service.client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    script = re.search(r'<script type="module" src="(/playground/app-\w+\.js)">', page.text)
    assert script, "index.html names the content-hashed bundle"
    app = service.client.get(script[1], headers={"Accept-Encoding": "gzip"})
    assert app.status_code == 200 and app.headers["content-encoding"] == "gzip"
    assert "immutable" in app.headers["cache-control"] and page.headers["cache-control"] == "no-cache"
    runner = re.search(r'/playground/runner-\w+\.js', app.text)
    assert runner and service.client.get(runner[0]).status_code == 200
    notices = service.client.get("/playground/licenses.txt").text
    assert all(pkg in notices for pkg in ("@codemirror/view", "@bjorn3/browser_wasi_shim", "\ndiff "))
    assert service.client.get("/playground/../settings.py").status_code == 404
    spec = service.client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/playground/wasm", "/api/v1/playground/reference", "/api/v1/playground/project.zip"} <= set(spec)
    assert "/" not in spec
