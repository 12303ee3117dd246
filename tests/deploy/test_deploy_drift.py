"""The deployment artefacts against the application's real code, so they cannot drift:
probe and scrape paths against the FastAPI app's routes, PORTALIS_* names and values
against `Settings`, metric names against the service's registry, ports and commands
against the settings' defaults and the CLI."""
from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from artefacts import compose, dockerfile_instructions
from deploy_support import DEPLOY, render

K8S = DEPLOY / "k8s"
OVERLAYS = ["base", "overlays/dev", "overlays/prod", "overlays/gpu"]
# Variables read by this repository's Triton launcher, not by the HTTP service.
TRITON_VARIABLES = {"PORTALIS_TRITON_MODEL_REPOSITORY"}
# The service's Triton backend settings (issue 5).
TRITON_BACKEND_SETTINGS = {"PORTALIS_BACKEND", "PORTALIS_TRITON_URL"}


@pytest.fixture(scope="module")
def settings_cls():
    module = pytest.importorskip("portalis.service.settings", reason="the HTTP service is not there yet")
    return module.Settings


@pytest.fixture(scope="module")
def setting_names(settings_cls):
    return {f"PORTALIS_{f.name.upper()}" for f in dataclasses.fields(settings_cls)}


@pytest.fixture(scope="module")
def app(settings_cls, tmp_path_factory):
    server = pytest.importorskip("portalis.service.server", reason="the HTTP service is not there yet")
    return server.create_app(settings_cls(data_dir=tmp_path_factory.mktemp("service-data")))


@pytest.fixture(scope="module")
def get_routes(app) -> set[str]:
    """GET paths from the app's own OpenAPI description (its route table)."""
    return {path for path, ops in app.openapi()["paths"].items() if "get" in ops}


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient
    return TestClient(app)  # no lifespan: the pool stays down, so /ready answers 503


def api_deployment(objects):
    return next(o for o in objects if o["kind"] == "Deployment" and o["metadata"]["name"] == "portalis")


def configmap(objects):
    return next(o for o in objects if o["kind"] == "ConfigMap" and o["metadata"]["name"] == "portalis-config")["data"]


def healthcheck_url(command: list[str] | str) -> str:
    match = re.search(r"http://127\.0\.0\.1:(\d+)(/[\w/.-]*)", " ".join(command) if isinstance(command, list) else command)
    assert match, f"no URL in healthcheck {command}"
    return match.group(0)


def used_variables() -> dict[str, set[str]]:
    """Every PORTALIS_* name the artefacts set, by where it is set."""
    found = {"Dockerfile": {k for ins in dockerfile_instructions() if ins.cmd == "ENV"
                            for k in ins.env() if k.startswith("PORTALIS_")}}
    for name, service in compose()["services"].items():
        found[f"compose:{name}"] = {k for k in service.get("environment", {}) if k.startswith("PORTALIS_")}
    for overlay in OVERLAYS + ["triton"]:
        for obj in render(K8S / overlay):
            if obj["kind"] == "ConfigMap":
                found[f"{overlay}:{obj['metadata']['name']}"] = set(obj["data"])
            if obj["kind"] == "Deployment":
                for container in obj["spec"]["template"]["spec"]["containers"]:
                    found[f"{overlay}:{obj['metadata']['name']}"] = {
                        e["name"] for e in container.get("env", []) if e["name"].startswith("PORTALIS_")}
    return found


def test_every_portalis_variable_is_a_real_setting(setting_names):
    for where, names in used_variables().items():
        unknown = names - setting_names - TRITON_VARIABLES
        assert not unknown, f"{where} sets {sorted(unknown)}, which portalis.service.settings.Settings does not read"


def test_the_triton_backend_settings_exist(setting_names):
    missing = TRITON_BACKEND_SETTINGS - setting_names
    assert not missing, f"Settings has no {sorted(missing)}"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_configmaps_are_accepted_by_settings(settings_cls, overlay):
    data = configmap(render(K8S / overlay))
    settings = settings_cls.from_env(data)  # parses and validates every value
    deployment = api_deployment(render(K8S / overlay))
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert settings.port == ports["http"]
    # os.cpu_count() in a pod is the node's, so the pool must be sized explicitly.
    cpu_limit = float(container["resources"]["limits"]["cpu"])
    assert settings.pool_size > 0 and settings.workers * settings.pool_size <= cpu_limit
    assert settings.host == "0.0.0.0"
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert str(settings.data_dir) in mounts, "PORTALIS_DATA_DIR must be a mounted volume"
    if settings.auth_enabled:
        assert Path(settings.api_keys_file).parent.as_posix() in mounts
    if settings.redis_url:
        host = re.match(r"redis://([\w.-]+):(\d+)", settings.redis_url)
        redis = next(o for o in render(K8S / overlay) if o["kind"] == "Service" and o["metadata"]["name"] == host[1])
        assert int(host[2]) in {p["port"] for p in redis["spec"]["ports"]}


def test_compose_environment_is_accepted_by_settings(settings_cls):
    env = {k: str(v) for k, v in compose()["services"]["portalis"]["environment"].items()}
    env = {k: re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", v) for k, v in env.items()}  # compose defaults
    settings = settings_cls.from_env(env)
    published = {int(p.split(":")[1]) for p in compose()["services"]["portalis"]["ports"]}
    assert settings.port in published
    assert str(settings.data_dir) in {v.split(":")[1] for v in compose()["services"]["portalis"]["volumes"]}


def test_image_defaults_match_the_settings(settings_cls):
    env = {k: v for ins in dockerfile_instructions(stage="runtime") if ins.cmd == "ENV" for k, v in ins.env().items()}
    settings = settings_cls.from_env({k: v for k, v in env.items() if k.startswith("PORTALIS_")})
    exposed = {int(p) for ins in dockerfile_instructions(stage="runtime") if ins.cmd == "EXPOSE" for p in ins.args}
    assert exposed == {settings.port}
    assert env["PORTALIS_DATA_DIR"] in {a.strip('"') for ins in dockerfile_instructions(stage="runtime")
                                        if ins.cmd == "VOLUME" for a in ins.args}


def probe_paths() -> dict[str, str]:
    """Every HTTP path that deployment artefacts poll or scrape on the API, by where."""
    paths = {}
    for overlay in OVERLAYS:
        deployment = api_deployment(render(K8S / overlay))
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            paths[f"{overlay} {probe}"] = container[probe]["httpGet"]["path"]
        paths[f"{overlay} prometheus.io/path"] = deployment["spec"]["template"]["metadata"]["annotations"]["prometheus.io/path"]
    monitor = next(o for o in render(K8S / "monitoring") if o["metadata"]["name"] == "portalis")
    paths["ServiceMonitor"] = monitor["spec"]["endpoints"][0]["path"]
    healthcheck = next(i for i in dockerfile_instructions(stage="runtime") if i.cmd == "HEALTHCHECK")
    paths["Dockerfile HEALTHCHECK"] = healthcheck_url(healthcheck.args).split(":8000", 1)[1]
    paths["compose healthcheck"] = healthcheck_url(compose()["services"]["portalis"]["healthcheck"]["test"]).split(":8000", 1)[1]
    prometheus = yaml.safe_load((DEPLOY / "prometheus/prometheus.yml").read_text())
    paths["prometheus.yml"] = next(j for j in prometheus["scrape_configs"] if j["job_name"] == "portalis")["metrics_path"]
    return paths


def test_probe_and_scrape_paths_are_real_routes(get_routes, client):
    for where, path in probe_paths().items():
        assert path in get_routes, f"{where} uses {path}, which the service does not serve"
        assert client.get(path).status_code not in (404, 405), f"{where}: GET {path}"


def test_readiness_is_the_route_that_waits_for_the_pool(client):
    """A pod must not receive traffic before its translation pool is up."""
    for overlay in OVERLAYS:
        (container,) = api_deployment(render(K8S / overlay))["spec"]["template"]["spec"]["containers"]
        assert client.get(container["readinessProbe"]["httpGet"]["path"]).status_code == 503
        assert client.get(container["livenessProbe"]["httpGet"]["path"]).status_code == 200


def test_ingress_paths_and_limits_match_the_service(get_routes, settings_cls):
    for overlay in OVERLAYS:
        objects = render(K8S / overlay)
        ingress = next(o for o in objects if o["kind"] == "Ingress")
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                assert any(route.startswith(path["path"]) for route in get_routes | {"/api/v1/translation/translate"})
        body = ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"]
        size = int(body[:-1]) * {"k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[body[-1].lower()]
        assert size >= settings_cls.from_env(configmap(objects)).max_body_bytes
        timeout = int(ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-read-timeout"])
        assert timeout >= settings_cls.from_env(configmap(objects)).build_timeout


def test_autoscaling_metrics_exist_in_the_service():
    metrics = pytest.importorskip("portalis.service.metrics", reason="the HTTP service is not there yet")
    exported = set(re.findall(r"^# TYPE (\S+) ", metrics.exposition().decode(), re.M))
    config = next(o for o in render(K8S / "monitoring") if o["kind"] == "ConfigMap")
    for rule in yaml.safe_load(config["data"]["config.yaml"])["rules"]:
        series = re.match(r"'?(\w+)\{", rule["seriesQuery"]).group(1)
        assert series in exported, f"prometheus-adapter reads {series}, which the service does not export"


def _cli_help(*command: str) -> str:
    portalis_bin = Path(sys.executable).with_name("portalis")
    if not portalis_bin.exists():
        pytest.skip("the portalis console script is not installed")
    out = subprocess.run([str(portalis_bin), *command, "--help"], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        pytest.skip(f"`portalis {' '.join(command)}` is not there yet: {out.stderr.strip()[-200:]}")
    return out.stdout


def commands_run() -> list[list[str]]:
    """Every `portalis ...` command line the artefacts run."""
    found = [ins.args for ins in dockerfile_instructions() if ins.cmd == "CMD"]
    found += [s["command"] for s in compose()["services"].values() if s.get("command", [""])[0] == "portalis"]
    for overlay in OVERLAYS + ["triton"]:
        for obj in render(K8S / overlay):
            if obj["kind"] == "Deployment":
                found += [c["command"] for c in obj["spec"]["template"]["spec"]["containers"]
                          if c.get("command", [""])[0] == "portalis"]
    return found


@pytest.mark.parametrize("subcommand", ["serve", "triton-serve"])
def test_commands_exist_in_the_cli(subcommand):
    lines = [c for c in commands_run() if c[1] == subcommand]
    assert lines, f"no artefact runs `portalis {subcommand}`"
    help_text = _cli_help(subcommand)
    for line in lines:
        for flag in (a for a in line[2:] if a.startswith("--")):
            assert flag in help_text, f"`portalis {subcommand}` has no {flag}"
