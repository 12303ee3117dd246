"""A small kustomize renderer for the subset deploy/k8s uses, so the overlays can be
rendered and validated where no kustomize binary exists.

Supported: `resources` (files and nested kustomizations), `namespace` (including renaming
Namespace objects and ServiceAccount subjects of role bindings), `labels` (metadata only),
`images`, `replicas`, and `patches` (strategic merge by kind/name or by `target`, with
`$patch: delete`).  Anything else in a kustomization.yaml raises, so the manifests cannot
quietly start using a feature this renderer would ignore.  Where `kubectl` exists, the
tests also compare this renderer's output with `kubectl kustomize`.
"""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

SUPPORTED_KEYS = {"apiVersion", "kind", "namespace", "labels", "resources", "images", "replicas", "patches"}
CLUSTER_SCOPED = {"Namespace", "PriorityClass", "ClusterRole", "ClusterRoleBinding", "StorageClass",
                  "CustomResourceDefinition", "IngressClass"}
# Strategic-merge keys for the lists the patches touch (from the Kubernetes API's
# patchMergeKey); any other list is replaced, as kustomize does for lists without one.
MERGE_KEYS = {"containers": "name", "initContainers": "name", "env": "name", "volumes": "name",
              "volumeMounts": "mountPath", "imagePullSecrets": "name"}
POD_TEMPLATE_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}


def load_docs(path: Path) -> list[dict]:
    with open(path) as handle:
        return [doc for doc in yaml.safe_load_all(handle) if doc]


def render(directory: str | Path) -> list[dict]:
    """The objects `kubectl kustomize directory` would print (order aside)."""
    directory = Path(directory)
    spec = load_docs(directory / "kustomization.yaml")[0]
    unknown = set(spec) - SUPPORTED_KEYS
    if unknown:
        raise NotImplementedError(f"{directory}: kustomization keys not supported: {sorted(unknown)}")
    objects: list[dict] = []
    for entry in spec.get("resources", []):
        path = directory / entry
        objects.extend(render(path) if path.is_dir() else copy.deepcopy(load_docs(path)))
    for group in spec.get("labels", []):
        if group.get("includeSelectors") or group.get("includeTemplates"):
            raise NotImplementedError("labels with includeSelectors/includeTemplates")
        for obj in objects:
            obj["metadata"].setdefault("labels", {}).update(group["pairs"])
    for patch in spec.get("patches", []):
        objects = apply_patch(directory, patch, objects)
    if "namespace" in spec:
        set_namespace(objects, spec["namespace"])
    for image in spec.get("images", []):
        for obj in objects:
            for container in pod_containers(obj):
                container["image"] = replace_image(container["image"], image)
    for entry in spec.get("replicas", []):
        matches = [o for o in objects if o["kind"] in POD_TEMPLATE_KINDS and o["metadata"]["name"] == entry["name"]]
        if not matches:
            raise KeyError(f"{directory}: replicas for unknown workload {entry['name']}")
        for obj in matches:
            obj["spec"]["replicas"] = entry["count"]
    return objects


def apply_patch(directory: Path, patch: dict, objects: list[dict]) -> list[dict]:
    docs = load_docs(directory / patch["path"]) if "path" in patch else list(yaml.safe_load_all(patch["patch"]))
    for doc in docs:
        target = patch.get("target") or {"kind": doc["kind"], "name": doc["metadata"]["name"]}
        matches = [o for o in objects if o["kind"] == target["kind"] and o["metadata"]["name"] == target["name"]]
        if not matches:
            raise KeyError(f"{directory}: patch matches nothing: {target}")
        if doc.get("$patch") == "delete":
            objects = [o for o in objects if not any(o is m for m in matches)]
            continue
        for obj in matches:
            strategic_merge(obj, {k: v for k, v in doc.items() if k not in ("apiVersion", "kind")})
    return objects


def strategic_merge(base: dict, patch: dict) -> None:
    """Merge `patch` into `base` in place: maps recursively, keyed lists by key, others replaced."""
    for key, value in patch.items():
        if value is None:
            base.pop(key, None)
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            strategic_merge(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list) and key in MERGE_KEYS:
            merge_key = MERGE_KEYS[key]
            for item in value:
                existing = next((b for b in base[key] if b.get(merge_key) == item.get(merge_key)), None)
                if existing is None:
                    base[key].append(copy.deepcopy(item))
                else:
                    strategic_merge(existing, item)
        else:
            base[key] = copy.deepcopy(value)


def set_namespace(objects: list[dict], namespace: str) -> None:
    for obj in objects:
        if obj["kind"] == "Namespace":
            obj["metadata"]["name"] = namespace
        elif obj["kind"] not in CLUSTER_SCOPED:
            obj["metadata"]["namespace"] = namespace
        if obj["kind"] in ("RoleBinding", "ClusterRoleBinding"):
            for subject in obj.get("subjects", []):
                if subject["kind"] == "ServiceAccount":
                    subject["namespace"] = namespace


def pod_containers(obj: dict) -> list[dict]:
    if obj["kind"] not in POD_TEMPLATE_KINDS:
        return []
    pod = obj["spec"]["template"]["spec"]
    return pod.get("initContainers", []) + pod.get("containers", [])


def replace_image(reference: str, rule: dict) -> str:
    name, _, tag = reference.rpartition(":") if ":" in reference.rsplit("/", 1)[-1] else (reference, "", "")
    if name != rule["name"]:
        return reference
    name = rule.get("newName", name)
    tag = rule.get("newTag", tag)
    return f"{name}:{tag}" if tag else name
