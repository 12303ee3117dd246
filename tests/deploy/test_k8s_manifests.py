"""deploy/k8s: every kustomization renders (with the real kustomize), validates against the Kubernetes 1.31 schema
(CRDs structurally), and is internally consistent (names, ports, selectors)."""
from __future__ import annotations


import kubernetes_validate
import pytest
import yaml

from deploy_support import DEPLOY, render

K8S = DEPLOY / "k8s"
KUSTOMIZATIONS = ["base", "triton", "monitoring", "overlays/dev", "overlays/prod", "overlays/gpu"]
K8S_VERSION = "1.31.0"
CRD_KINDS = {"VerticalPodAutoscaler", "ServiceMonitor"}


def by_kind(objects, kind):
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


def pod_spec(deployment):
    return deployment["spec"]["template"]["spec"]


@pytest.fixture(scope="module", params=KUSTOMIZATIONS)
def rendered(request):
    return request.param, render(K8S / request.param)


def test_every_object_validates_against_the_kubernetes_schema(rendered):
    name, objects = rendered
    assert objects, f"{name} rendered nothing"
    for obj in objects:
        if obj["kind"] in CRD_KINDS:
            continue  # not in the core schema; see test_crds_are_structurally_sound
        kubernetes_validate.validate(obj, K8S_VERSION, strict=True)


def test_the_validator_really_rejects_mistakes():
    deployment = by_kind(render(K8S / "base"), "Deployment")["portalis"]
    deployment["spec"]["replica"] = 3  # typo: unknown field
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSION, strict=True)


def test_crds_are_structurally_sound(rendered):
    _, objects = rendered
    deployments = by_kind(objects, "Deployment")
    for vpa in by_kind(objects, "VerticalPodAutoscaler").values():
        assert vpa["apiVersion"] == "autoscaling.k8s.io/v1"
        target = vpa["spec"]["targetRef"]
        assert target["kind"] == "Deployment" and target["name"] in deployments
        # The HPA scales on CPU/memory, so the VPA must only recommend.
        assert vpa["spec"]["updatePolicy"]["updateMode"] == "Off"
        containers = {c["name"] for c in pod_spec(deployments[target["name"]])["containers"]}
        for policy in vpa["spec"]["resourcePolicy"]["containerPolicies"]:
            assert policy["containerName"] in containers
            assert set(policy["controlledResources"]) <= {"cpu", "memory"}
    for monitor in by_kind(objects, "ServiceMonitor").values():
        assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
        selector = monitor["spec"]["selector"]["matchLabels"]
        app = render(K8S / "base") + render(K8S / "triton")
        selected = [s for s in by_kind(app, "Service").values()
                    if selector.items() <= s["metadata"].get("labels", {}).items()]
        assert len(selected) == 1, f"{monitor['metadata']['name']} must select exactly one Service"
        port_names = {p["name"] for p in selected[0]["spec"]["ports"]}
        for endpoint in monitor["spec"]["endpoints"]:
            assert endpoint["port"] in port_names and endpoint["path"].startswith("/")


def test_references_resolve_within_each_render(rendered):
    name, objects = rendered
    names = {(o["kind"], o["metadata"]["name"]) for o in objects}
    for deployment in by_kind(objects, "Deployment").values():
        spec = pod_spec(deployment)
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
        if "serviceAccountName" in spec:
            assert ("ServiceAccount", spec["serviceAccountName"]) in names
        for volume in spec.get("volumes", []):
            if "secret" in volume:
                assert ("Secret", volume["secret"]["secretName"]) in names
            if "configMap" in volume:
                assert ("ConfigMap", volume["configMap"]["name"]) in names
        for container in spec["containers"]:
            for source in container.get("envFrom", []):
                assert ("ConfigMap", source["configMapRef"]["name"]) in names
            mounts = {m["name"] for m in container.get("volumeMounts", [])}
            assert mounts <= {v["name"] for v in spec.get("volumes", [])}
    workloads = by_kind(objects, "Deployment")
    for service in by_kind(objects, "Service").values():
        backing = [d for d in workloads.values()
                   if service["spec"]["selector"].items() <= d["spec"]["template"]["metadata"]["labels"].items()]
        assert len(backing) == 1, f"Service {service['metadata']['name']} selects {len(backing)} workloads"
        port_names = {p["name"] for c in pod_spec(backing[0])["containers"] for p in c.get("ports", [])}
        for port in service["spec"]["ports"]:
            assert port["targetPort"] in port_names
    for kind in ("HorizontalPodAutoscaler", "VerticalPodAutoscaler"):
        for scaler in by_kind(objects, kind).values():
            target = scaler["spec"].get("scaleTargetRef") or scaler["spec"]["targetRef"]
            assert ("Deployment", target["name"]) in names
    for pdb in by_kind(objects, "PodDisruptionBudget").values():
        selector = pdb["spec"]["selector"]["matchLabels"]
        assert any(selector.items() <= d["spec"]["template"]["metadata"]["labels"].items()
                   for d in workloads.values())
    services = by_kind(objects, "Service")
    for ingress in by_kind(objects, "Ingress").values():
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                assert backend["name"] in services
                assert backend["port"]["name"] in {p["name"] for p in services[backend["name"]]["spec"]["ports"]}
    for binding in by_kind(objects, "RoleBinding").values():
        assert ("Role", binding["roleRef"]["name"]) in names
        for subject in binding["subjects"]:
            assert ("ServiceAccount", subject["name"]) in names


def test_api_deployment_is_hardened_and_spread():
    objects = render(K8S / "base")
    deployment = by_kind(objects, "Deployment")["portalis"]
    spec = pod_spec(deployment)
    assert deployment["spec"]["replicas"] == 3
    assert spec["securityContext"]["runAsNonRoot"] is True and spec["securityContext"]["runAsUser"] != 0
    assert spec["automountServiceAccountToken"] is False
    (container,) = spec["containers"]
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"]["port"] == "http"
    for kind in ("requests", "limits"):
        assert {"cpu", "memory"} <= set(container["resources"][kind])
    # Writable paths are volumes; the root filesystem stays read-only.
    assert {m["mountPath"] for m in container["volumeMounts"]} >= {"/data", "/tmp"}
    anti = spec["affinity"]["podAntiAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"][0]
    assert anti["podAffinityTerm"]["topologyKey"] == "kubernetes.io/hostname"
    assert {c["topologyKey"] for c in spec["topologySpreadConstraints"]} == {
        "topology.kubernetes.io/zone", "kubernetes.io/hostname"}
    assert by_kind(objects, "PodDisruptionBudget")["portalis"]["spec"]["minAvailable"] == 2
    types = sorted(s["spec"].get("type", "ClusterIP") + ("/headless" if s["spec"].get("clusterIP") == "None" else "")
                   for s in by_kind(objects, "Service").values())
    assert types == ["ClusterIP", "ClusterIP", "ClusterIP/headless", "LoadBalancer"]  # + Redis's


def test_hpa_scales_on_resources_and_custom_metrics():
    hpa = by_kind(render(K8S / "base"), "HorizontalPodAutoscaler")["portalis"]
    metrics = hpa["spec"]["metrics"]
    assert {m["resource"]["name"] for m in metrics if m["type"] == "Resource"} == {"cpu", "memory"}
    pods = {m["pods"]["metric"]["name"] for m in metrics if m["type"] == "Pods"}
    assert pods == {"portalis_translation_queue_depth", "http_requests_per_second"}
    assert hpa["spec"]["minReplicas"] == 3


def test_prometheus_adapter_rules_provide_the_hpa_metrics():
    config = by_kind(render(K8S / "monitoring"), "ConfigMap")["prometheus-adapter-portalis"]
    rules = yaml.safe_load(config["data"]["config.yaml"])["rules"]
    provided = {rule["name"]["as"] for rule in rules}
    hpa = by_kind(render(K8S / "base"), "HorizontalPodAutoscaler")["portalis"]
    wanted = {m["pods"]["metric"]["name"] for m in hpa["spec"]["metrics"] if m["type"] == "Pods"}
    assert wanted <= provided
    for rule in rules:
        assert set(rule["resources"]["overrides"]) == {"namespace", "pod"}
        assert "<<.Series>>" in rule["metricsQuery"] and "<<.LabelMatchers>>" in rule["metricsQuery"]


def test_network_policies_deny_by_default_and_open_only_what_is_used():
    policies = by_kind(render(K8S / "overlays/gpu"), "NetworkPolicy")
    assert policies["default-deny"]["spec"] == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    api_egress = policies["portalis-api"]["spec"]["egress"]
    egress_ports = {p["port"] for rule in api_egress for p in rule["ports"]}
    assert {6379, 8010, 8011, 53} <= egress_ports
    assert policies["portalis-triton"]["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/name"] == "portalis-triton"


def test_overlays_change_what_they_should():
    dev, prod, gpu = (render(K8S / f"overlays/{name}") for name in ("dev", "prod", "gpu"))
    assert {o["metadata"].get("namespace") for o in dev if o["kind"] != "Namespace"} == {"portalis-dev"}
    assert by_kind(dev, "Deployment")["portalis"]["spec"]["replicas"] == 1
    assert "VerticalPodAutoscaler" not in {o["kind"] for o in dev}
    assert "portalis-public" not in by_kind(dev, "Service")
    assert by_kind(dev, "ConfigMap")["portalis-config"]["data"]["PORTALIS_AUTH_ENABLED"] == "false"
    image = pod_spec(by_kind(prod, "Deployment")["portalis"])["containers"][0]["image"]
    assert image == "registry.example.com/portalis/portalis:0.1.0"
    assert by_kind(prod, "Deployment")["portalis"]["spec"]["replicas"] == 3
    assert by_kind(prod, "PodDisruptionBudget")["portalis"]["spec"]["minAvailable"] == 2
    triton = pod_spec(by_kind(gpu, "Deployment")["portalis-triton"])
    assert triton["nodeSelector"] == {"nvidia.com/gpu.present": "true"}
    assert triton["tolerations"][0]["key"] == "nvidia.com/gpu"
    assert triton["containers"][0]["resources"]["limits"]["nvidia.com/gpu"] == "1"
    assert "nvidia.com/gpu" not in str(render(K8S / "triton")), "the GPU belongs to the overlay only"
    config = by_kind(gpu, "ConfigMap")["portalis-config"]["data"]
    assert config["PORTALIS_BACKEND"] == "triton"
    host_port = config["PORTALIS_TRITON_URL"].removeprefix("http://")
    host, port = host_port.split(":")
    assert int(port) in {p["port"] for p in by_kind(gpu, "Service")[host]["spec"]["ports"]}


def test_secret_template_holds_no_real_values():
    secret = by_kind(render(K8S / "base"), "Secret")["portalis-secrets"]
    lines = [line for line in secret["stringData"]["api-keys"].splitlines() if line.strip()]
    assert all(line.lstrip().startswith("#") for line in lines)
    assert "data" not in secret


def test_the_api_container_gets_what_the_sandbox_needs_and_no_more():
    pod = pod_spec(by_kind(render(K8S / "base"), "Deployment")["portalis"])
    assert pod["hostUsers"] is False  # node-unprivileged uids; lets /proc be unmasked safely
    assert pod["securityContext"]["runAsNonRoot"] and pod["securityContext"]["runAsUser"] != 0
    (api,) = pod["containers"]
    assert api["securityContext"] == {
        "allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True, "runAsNonRoot": True,
        "capabilities": {"drop": ["ALL"]},
        # bubblewrap without privileges: user namespaces and mounts, a fresh /proc
        "seccompProfile": {"type": "Unconfined"}, "appArmorProfile": {"type": "Unconfined"},
        "procMount": "Unmasked"}
    for overlay in ("dev", "prod", "gpu"):
        deployment = by_kind(render(K8S / f"overlays/{overlay}"), "Deployment")["portalis"]
        assert pod_spec(deployment)["containers"][0]["securityContext"] == api["securityContext"]
