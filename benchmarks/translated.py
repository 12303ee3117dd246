"""A Python program as a runnable Portalis release build, or the reason it is not one."""
from __future__ import annotations

from pathlib import Path

from portalis.api import translate
from portalis.build import build_crate
from portalis.toolchain import wasm_command


def translated_command(source: str, name: str, work: Path, target: str = "native") -> tuple[list[str] | None, str]:
    """(command running the translated build, "") or (None, why there is none): the first
    translation error, or the first compiler error."""
    translation = translate(source, f"{name}.py")
    if not translation.ok:
        return None, f"not translatable: {translation.errors[0].format()}"
    build = build_crate(translation.write(work / name), target=target)
    if not build.ok:
        errors = [line for line in build.stderr.splitlines() if line.startswith("error")]
        return None, f"build failed: {(errors or build.stderr.splitlines() or ['?'])[0][:160]}"
    return ([str(build.binary)] if target == "native" else wasm_command(build.binary)), ""
