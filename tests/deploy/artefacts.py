"""Readers for the container artefacts at the repository root: the Dockerfile's
instructions by stage, and docker-compose.yml."""
from __future__ import annotations

import json
import shlex
from dataclasses import dataclass

import yaml

from deploy_support import ROOT


@dataclass
class Instruction:
    cmd: str
    args: list[str]  # JSON-form arguments, or the shell words of the line
    raw: str
    stage: str

    def env(self) -> dict[str, str]:
        return dict(word.split("=", 1) for word in self.args)


def dockerfile_instructions(stage: str | None = None) -> list[Instruction]:
    """The Dockerfile's instructions (continuations joined, comments dropped)."""
    text = (ROOT / "Dockerfile").read_text()
    logical, pending = [], ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    instructions, current = [], ""
    for line in logical:
        cmd, _, rest = line.strip().partition(" ")
        cmd, rest = cmd.upper(), rest.strip()
        if cmd == "FROM":
            words = rest.split()
            current = words[2] if len(words) >= 3 and words[1].upper() == "AS" else words[0]
        if cmd == "HEALTHCHECK":
            rest = rest.split(" CMD ", 1)[1].strip()
        args = json.loads(rest) if rest.startswith("[") else shlex.split(rest)
        instructions.append(Instruction(cmd, args, line, current))
    return [i for i in instructions if stage is None or i.stage == stage]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())
