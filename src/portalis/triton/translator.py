"""What the `rust_transpiler` Triton model does with one request, free of Triton itself.

The model file in `deploy/triton/model_repository` is a thin adapter around `Translator`,
so the per-request rules (option checking, caching, confidence, error isolation) are
unit-tested without a server and are the same wherever the model runs.
"""
from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass

import portalis

# Options the engine understands, with their types; other keys are tolerated and
# reported back so a client (e.g. the HTTP service's `mode`) is never rejected for them.
ENGINE_OPTIONS: dict[str, type] = {"filename": str, "crate_name": str}
OUTPUT_NAMES = ("rust_code", "confidence_score", "metadata", "warnings", "suggestions")


class RequestError(ValueError):
    """The request is malformed; the model answers it alone with an error response."""


@dataclass(frozen=True)
class Outcome:
    """One translated program, in the shape of the model's outputs."""

    rust_code: str
    confidence: float
    metadata: dict
    warnings: list[str]
    suggestions: list[str]

    def with_metadata(self, **extra) -> "Outcome":
        return Outcome(self.rust_code, self.confidence, {**self.metadata, **extra},
                       self.warnings, self.suggestions)


def decode_text(value, what: str) -> str:
    """Triton hands TYPE_STRING elements over as bytes; they must be UTF-8."""
    if isinstance(value, str):
        return value
    try:
        return bytes(value).decode("utf-8")
    except UnicodeDecodeError as err:
        raise RequestError(f"{what} is not valid UTF-8 ({err.reason} at byte {err.start})") from None


def parse_options(raw) -> dict:
    """Parse `translation_options` (a JSON object); empty or missing means no options."""
    if raw is None:
        return {}
    text = decode_text(raw, "translation_options").strip()
    if not text:
        return {}
    try:
        options = json.loads(text)
    except json.JSONDecodeError as err:
        raise RequestError(f"translation_options is not valid JSON: {err.msg} "
                           f"(line {err.lineno} column {err.colno})") from None
    if not isinstance(options, dict):
        raise RequestError("translation_options must be a JSON object, "
                           f"got {type(options).__name__}")
    for key, kind in ENGINE_OPTIONS.items():
        if key in options and not isinstance(options[key], kind):
            raise RequestError(f"translation_options.{key} must be a {kind.__name__}")
    filename = options.get("filename")
    if filename is not None and not filename.endswith(".py"):
        raise RequestError("translation_options.filename must end in .py")
    return options


def confidence_of(translation) -> float:
    """1.0 for a clean translation, lowered by each warning; 0.0 when it failed."""
    if not translation.ok:
        return 0.0
    warnings = sum(1 for d in translation.diagnostics if d.severity == "warning")
    return max(0.5, 1.0 - 0.1 * warnings)


class Translator:
    """Translates requests through the engine in-process, with an LRU cache of results."""

    def __init__(self, cache_size: int = 1024):
        if cache_size < 0:
            raise ValueError("cache_size must be >= 0")
        self.cache_size = cache_size
        self._cache: OrderedDict[str, Outcome] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def translate(self, python_code: str, options: dict) -> Outcome:
        """Translate one program, answering repeated (code, options) pairs from the cache."""
        filename = options.get("filename", "main.py")
        crate_name = options.get("crate_name")
        key = hashlib.sha256(json.dumps([python_code, filename, crate_name]).encode()).hexdigest()
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self.hits += 1
            return cached.with_metadata(cached=True)
        self.misses += 1
        outcome = self._run_engine(python_code, filename, crate_name)
        if self.cache_size:
            self._cache[key] = outcome
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return outcome.with_metadata(cached=False)

    @staticmethod
    def _run_engine(python_code: str, filename: str, crate_name: str | None) -> Outcome:
        translation = portalis.translate(python_code, filename, crate_name=crate_name)
        metadata = {
            "ok": translation.ok,
            **translation.facts,
            "files": sorted(translation.files),
            "cargo_toml": translation.cargo_toml,
            "diagnostics": [d.to_dict() for d in translation.diagnostics],
        }
        return Outcome(
            rust_code=translation.rust_code,
            confidence=confidence_of(translation),
            metadata=metadata,
            warnings=[d.format() for d in translation.diagnostics],
            suggestions=[d.hint for d in translation.diagnostics if d.hint],
        )

    def run_request(self, codes: list, options: list | None) -> dict[str, list]:
        """Answer one Triton request (its rows), or raise `RequestError` for the whole request.

        `codes` holds one element per batch row; `options` holds one per row or a single
        element that applies to every row.  Returns one column per model output.
        """
        if not codes:
            raise RequestError("python_code is empty")
        if options is not None and len(options) not in (1, len(codes)):
            raise RequestError(f"translation_options has {len(options)} rows, "
                               f"python_code has {len(codes)}")
        rows = []
        for i, raw in enumerate(codes):
            code = decode_text(raw, "python_code")
            opts = parse_options(None if options is None else options[i if len(options) > 1 else 0])
            ignored = sorted(set(opts) - set(ENGINE_OPTIONS))
            outcome = self.translate(code, opts)
            rows.append(outcome.with_metadata(ignored_options=ignored) if ignored else outcome)
        return {
            "rust_code": [r.rust_code for r in rows],
            "confidence_score": [r.confidence for r in rows],
            "metadata": [json.dumps(r.metadata) for r in rows],
            "warnings": [json.dumps(r.warnings) for r in rows],
            "suggestions": [json.dumps(r.suggestions) for r in rows],
        }
