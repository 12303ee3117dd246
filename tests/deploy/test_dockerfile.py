"""Dockerfile, .dockerignore and docker-compose.yml, checked without a Docker engine:
parsed, every copied path present and not ignored, users, ports, health checks, versions
and commands consistent with the code."""
from __future__ import annotations

import fnmatch
import importlib.metadata
import re

import pytest
import yaml

import portalis
from artefacts import compose, dockerfile_instructions
from deploy_support import DEPLOY, ROOT
from portalis.triton import server as triton_server


def stages() -> dict[str, str]:
    return {i.stage: i.args[0] for i in dockerfile_instructions() if i.cmd == "FROM"}


def dockerignore_patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def is_ignored(path: str) -> bool:
    parts = path.strip("/").split("/")
    prefixes = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    for pattern in dockerignore_patterns():
        pattern = pattern.strip("/")
        for prefix in prefixes:
            if fnmatch.fnmatch(prefix, pattern) or (pattern.startswith("**/")
                                                    and fnmatch.fnmatch(prefix.rsplit("/", 1)[-1], pattern[3:])):
                return True
    return False


def test_multi_stage_build_on_a_slim_base():
    found = stages()
    assert list(found) == ["builder", "runtime", "triton"]
    arg = next(i for i in dockerfile_instructions() if i.cmd == "ARG" and i.args[0].startswith("PYTHON_IMAGE="))
    assert "slim" in arg.args[0]
    assert found["runtime"] == "${PYTHON_IMAGE}" and found["triton"] == "runtime"
    runtime_copies = [i for i in dockerfile_instructions("runtime") if i.cmd == "COPY"]
    assert all(i.args[0] == "--from=builder" for i in runtime_copies), "runtime takes only built wheels"


def test_copied_paths_exist_and_are_not_ignored():
    copies = [i for i in dockerfile_instructions() if i.cmd == "COPY" and not i.args[0].startswith("--from")]
    assert copies
    for copy in copies:
        for source in copy.args[:-1]:
            assert (ROOT / source).exists(), f"COPY {source}: missing in the repository"
            assert not is_ignored(source), f"COPY {source}: excluded by .dockerignore"


def test_dockerignore_keeps_the_context_small():
    for path in (".git", ".venv", "tests", "src/portalis/__pycache__", ".portalis-data", "deploy/k8s"):
        assert is_ignored(path), f"{path} would be sent to the build context"


def test_runs_as_non_root_with_writes_only_to_the_data_volume():
    for stage in ("runtime", "triton"):
        users = [i.args[0] for i in dockerfile_instructions(stage) if i.cmd == "USER"]
        assert users and users[-1].split(":")[0] not in ("root", "0")
    env = {k: v for i in dockerfile_instructions("runtime") if i.cmd == "ENV" for k, v in i.env().items()}
    volumes = [a for i in dockerfile_instructions("runtime") if i.cmd == "VOLUME" for a in i.args]
    assert volumes == ["/data"]
    assert env["PYTHONDONTWRITEBYTECODE"] == "1"
    for name in ("HOME", "CARGO_HOME", "PORTALIS_DATA_DIR"):
        assert env[name].startswith("/data"), f"{name} must point into the /data volume"


def test_rust_toolchain_with_wasm32_target():
    runs = " ".join(i.raw for i in dockerfile_instructions("runtime") if i.cmd == "RUN")
    for package in ("rustc", "cargo", "libstd-rust-dev-wasm32", "lld-14"):
        assert re.search(rf"\s{re.escape(package)}\s", runs), f"{package} is not installed"


def test_labels_and_healthchecks():
    labels = {k: v for i in dockerfile_instructions("runtime") if i.cmd == "LABEL" for k, v in i.env().items()}
    assert labels["org.opencontainers.image.title"] == "portalis"
    version_arg = next(i for i in dockerfile_instructions("runtime") if i.cmd == "ARG")
    assert version_arg.args[0] == f"PORTALIS_VERSION={portalis.__version__}"
    for stage, port in (("runtime", "8000"), ("triton", str(triton_server.DEFAULT_HTTP_PORT))):
        (check,) = [i for i in dockerfile_instructions(stage) if i.cmd == "HEALTHCHECK"]
        assert f"http://127.0.0.1:{port}/" in " ".join(check.args)


def test_triton_stage_matches_the_launcher_and_the_tested_wheel():
    triton = dockerfile_instructions("triton")
    pip = next(i.raw for i in triton if i.cmd == "RUN" and "nvidia-pytriton" in i.raw)
    pinned = re.search(r"nvidia-pytriton==([\w.]+)", pip).group(1)
    try:
        assert pinned == importlib.metadata.version("nvidia-pytriton"), "the image would ship an untested wheel"
    except importlib.metadata.PackageNotFoundError:
        pass  # the Triton tests skip here too
    (copy,) = [i for i in triton if i.cmd == "COPY"]
    env = {k: v for i in triton if i.cmd == "ENV" for k, v in i.env().items()}
    assert env[triton_server.MODEL_REPOSITORY_ENV] == copy.args[-1]
    assert (ROOT / copy.args[0] / triton_server.MODEL_NAME / "config.pbtxt").exists()
    ports = {triton_server.DEFAULT_HTTP_PORT, triton_server.DEFAULT_GRPC_PORT, triton_server.DEFAULT_METRICS_PORT}
    assert {int(p) for i in triton if i.cmd == "EXPOSE" for p in i.args} == ports
    (cmd,) = [i.args for i in triton if i.cmd == "CMD"]
    assert cmd[:2] == ["portalis", "triton-serve"]
    assert {int(cmd[cmd.index(flag) + 1]) for flag in ("--http-port", "--grpc-port", "--metrics-port")} == ports


def test_compose_wires_the_stack():
    services = compose()["services"]
    assert set(services) == {"portalis", "redis", "triton", "prometheus"}
    for name in ("portalis", "triton"):
        assert services[name]["build"]["target"] in stages()
        assert services[name]["read_only"] is True and services[name]["cap_drop"] == ["ALL"]
        assert "/tmp" in services[name]["tmpfs"]
    assert services["portalis"]["image"] == f"portalis:{portalis.__version__}"
    assert services["triton"]["image"] == f"portalis-triton:{portalis.__version__}"
    env = services["portalis"]["environment"]
    assert env["PORTALIS_REDIS_URL"].startswith("redis://redis:6379")
    assert env["PORTALIS_TRITON_URL"] == f"http://triton:{triton_server.DEFAULT_HTTP_PORT}"
    assert set(services["portalis"]["depends_on"]) == {"redis", "triton"}
    triton_cmd = services["triton"]["command"]
    published = {p.split(":")[1] for p in services["triton"]["ports"]}
    assert {triton_cmd[triton_cmd.index(f) + 1] for f in ("--http-port", "--grpc-port", "--metrics-port")} == published
    mount = services["prometheus"]["volumes"][0].split(":")[0]
    config = yaml.safe_load((ROOT / mount).read_text())
    targets = {t for job in config["scrape_configs"] for c in job["static_configs"] for t in c["targets"]}
    assert targets == {"portalis:8000", f"triton:{triton_server.DEFAULT_METRICS_PORT}"}


def test_k8s_images_carry_the_release_version():
    from deploy_support import render
    images = {c["image"] for o in render(DEPLOY / "k8s/base") + render(DEPLOY / "k8s/triton")
              if o["kind"] == "Deployment" for c in o["spec"]["template"]["spec"]["containers"]}
    assert {f"portalis:{portalis.__version__}", f"portalis-triton:{portalis.__version__}"} <= images


@pytest.mark.parametrize("path", ["Dockerfile", ".dockerignore", "docker-compose.yml"])
def test_artefacts_are_at_the_repository_root(path):
    assert (ROOT / path).is_file()
