"""Request and response bodies of the Portalis NIM API (field names fixed by NIM clients).

Pydantic validates requests here, so a wrong type or an out-of-range option is a 422
before any work is queued.  The examples feed the OpenAPI page at /docs.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_CODE_CHARS = 100_000
_SEMVER_SUFFIX = re.compile(r"^[0-9A-Za-z.+-]+$")

ADD_EXAMPLE = "def add(a: int, b: int) -> int:\n    return a + b\n\n\nprint(add(1, 2))\n"


class Mode(str, Enum):
    """fast: translate only; standard: translate (and build if `compile`);
    quality: translate, build and compare with CPython; streaming: like standard."""

    standard = "standard"
    fast = "fast"
    quality = "quality"
    streaming = "streaming"


class OptimizationLevel(str, Enum):
    debug = "debug"
    release = "release"
    release_with_debug = "release-with-debug"


Target = Literal["native", "wasm32-wasi"]


def _not_blank(code: str) -> str:
    if not code.strip():
        raise ValueError("python_code must contain code, not only whitespace")
    return code


class TranslationRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"python_code": ADD_EXAMPLE, "mode": "fast"},
        {"python_code": ADD_EXAMPLE, "mode": "quality", "target": "native"},
    ]})

    python_code: str = Field(min_length=1, max_length=MAX_CODE_CHARS, description="Python module source")
    mode: Mode = Mode.standard
    context: dict[str, Any] | None = Field(default=None, description="Free-form client context, echoed in metadata")
    temperature: float = Field(default=0.2, ge=0.0, le=2.0,
                               description="Accepted for NIM compatibility; the engine is deterministic")
    max_length: int = Field(default=2048, ge=128, le=8192,
                            description="Rust lines above this add a warning (output is never truncated)")
    include_alternatives: bool = False
    compile: bool = Field(default=False, description="Also build the crate and report the result")
    target: Target = "native"

    _check_code = field_validator("python_code")(_not_blank)


class DiagnosticOut(BaseModel):
    file: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: str = "error"


class TranslationResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "rust_code": "fn add(a: i64, b: i64) -> i64 { ... }", "confidence": 0.7,
        "alternatives": None, "metadata": {"mode": "fast", "engine_version": "0.1.0"},
        "warnings": [], "suggestions": [], "processing_time_ms": 3.1, "diagnostics": [],
        "cargo_toml": "[package]\nname = \"main\"\n...", "cached": False}]})

    rust_code: str
    confidence: float = Field(ge=0.0, le=1.0)
    alternatives: list[str] | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    processing_time_ms: float
    diagnostics: list[DiagnosticOut] = Field(default_factory=list)
    cargo_toml: str = ""
    cached: bool = False


class SourceFile(BaseModel):
    name: str = Field(min_length=1, max_length=255, pattern=r"^[A-Za-z0-9_./-]+$")
    python_code: str = Field(min_length=1, max_length=MAX_CODE_CHARS)

    _check_code = field_validator("python_code")(_not_blank)


class ProjectConfig(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str = Field(default="portalis_project", min_length=1, max_length=64)
    version: str = Field(default="0.1.0", max_length=64,
                         description="The crate's version; `1` and `1.0` are read as `1.0.0`")

    @field_validator("version")
    @classmethod
    def _semver(cls, version: str) -> str:
        """What Cargo accepts (x.y.z, optional -pre/+build); a short `1` or `1.0` is completed."""
        core, sep, rest = version.strip().partition("-") if "-" in version else version.strip().partition("+")
        parts = core.split(".")
        if not (1 <= len(parts) <= 3 and all(p.isdigit() and p.isascii() for p in parts)) or (
                sep and not _SEMVER_SUFFIX.match(rest)):
            raise ValueError(f"version {version!r} is not a version Cargo accepts: "
                             "use MAJOR.MINOR.PATCH such as 1.0.0 (1 and 1.0 are completed with zeros)")
        parts += ["0"] * (3 - len(parts))
        return ".".join(str(int(p)) for p in parts) + sep + rest


class BatchTranslationRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "source_files": [ADD_EXAMPLE, {"name": "greet.py", "python_code": "print('hi')\n"}],
        "project_config": {"name": "demo", "version": "1.0.0"},
        "optimization_level": "release", "compile_wasm": False, "run_tests": False}]})

    source_files: list[SourceFile | str] = Field(min_length=1, max_length=100)
    project_config: ProjectConfig = Field(default_factory=ProjectConfig)
    optimization_level: OptimizationLevel = OptimizationLevel.release
    compile_wasm: bool = Field(default=False, description="Build each file for wasm32-wasi; base64 in wasm_binaries")
    run_tests: bool = Field(default=False, description="Run each file under CPython and as Rust and compare output")

    @field_validator("source_files")
    @classmethod
    def _check_sources(cls, files: list) -> list:
        for item in files:
            if isinstance(item, str):
                if len(item) > MAX_CODE_CHARS:
                    raise ValueError(f"a source file is longer than {MAX_CODE_CHARS} characters")
                _not_blank(item)
        return files

    def named_sources(self) -> list[tuple[str, str]]:
        """(file name, code) pairs; bare strings are named file_<n>.py."""
        return [(f.name, f.python_code) if isinstance(f, SourceFile) else (f"file_{i}.py", f)
                for i, f in enumerate(self.source_files)]


class BatchFileResult(BaseModel):
    name: str
    ok: bool
    diagnostics: list[DiagnosticOut] = Field(default_factory=list)
    cargo_toml: str = ""


class BatchTranslationResponse(BaseModel):
    translated_files: list[str]
    compilation_status: list[str]
    performance_metrics: dict[str, Any]
    wasm_binaries: list[str | None] | None = None
    total_processing_time_ms: float
    success_count: int
    failure_count: int
    files: list[BatchFileResult] = Field(default_factory=list, description="Per-file detail (Portalis extra)")


class StreamChunk(BaseModel):
    chunk_type: Literal["metadata", "code", "complete", "error"]
    content: str
    is_final: bool = False
    metadata: dict[str, Any] | None = None


class ErrorBody(BaseModel):
    """The one shape of every error answer."""

    error: str = Field(description="Stable machine-readable code, e.g. queue_full")
    message: str
    status: int
    request_id: str
    details: dict[str, Any] | None = None
    diagnostics: list[DiagnosticOut] | None = None
