"""The Triton backend (`PORTALIS_BACKEND=triton`): translations of the modes listed in
`PORTALIS_TRITON_MODES` go to the `rust_transpiler` model through
`portalis.triton.client` (tritonclient, HTTP or gRPC by `PORTALIS_TRITON_URL`'s scheme).

tritonclient is blocking, so every call runs in a thread (`asyncio.to_thread`); the
client keeps one connection per thread.  Failures become `ApiError`s: a request the model
rejects is a 422, an unreachable Triton a 503 with Retry-After, a missed deadline a 504,
anything else Triton says a 502.  The answer is shaped like the pool's (see `results`).
"""
from __future__ import annotations

import asyncio

from portalis.service.errors import ApiError
from portalis.service.results import max_length_warning

MODEL_NAME = "rust_transpiler"
# Statuses tritonclient reports for a server that is down, starting or shutting down
# (gRPC status codes; HTTP status codes as strings).
_UNAVAILABLE = {"StatusCode.UNAVAILABLE", "StatusCode.CANCELLED", "503", "502", "504"}
_DEADLINE = {"StatusCode.DEADLINE_EXCEEDED"}
NOT_BUILT = ("translated by the Triton backend: the crate was not built nor compared with CPython "
             "(the Triton model translates only)")


class TritonBackend:
    """One Triton endpoint; `translate` and `health` are coroutines."""

    def __init__(self, url: str, protocol: str, timeout: float, retry_after: int):
        from portalis.triton import client  # tritonclient is an optional extra: fail at start-up

        self._client = client
        self.url, self.protocol, self.timeout, self.retry_after = url, protocol, timeout, retry_after

    async def translate(self, code: str, options: dict) -> dict:
        """Triton's answer for one program: rust_code, confidence, metadata, warnings, suggestions."""
        try:
            return await asyncio.to_thread(self._client.translate_via_triton, self.url, code, options,
                                           protocol=self.protocol, timeout=self.timeout)
        except Exception as err:
            raise self.failure(err) from err

    def failure(self, err: Exception) -> ApiError:
        """The HTTP error for an exception raised by `translate_via_triton`."""
        if isinstance(err, self._client.TritonTranslationError):
            if err.bad_request:
                return ApiError(422, "triton_bad_request", f"Triton rejected the request: {err}")
            status = _status(err.__cause__)
            if status in _DEADLINE:
                return ApiError(504, "timeout", f"Triton did not answer within {self.timeout:g} s")
            if status in _UNAVAILABLE:
                return self._unavailable(str(err))
            return ApiError(502, "triton_error", f"Triton failed on this request: {err}")
        if isinstance(err, TimeoutError):  # socket timeouts of the HTTP client
            return ApiError(504, "timeout", f"Triton did not answer within {self.timeout:g} s")
        if isinstance(err, OSError):  # refused, reset, no route, name resolution
            return self._unavailable(f"{type(err).__name__}: {err}")
        if type(err).__name__ == "InferenceServerException":
            status = _status(err)
            if status in _UNAVAILABLE:
                return self._unavailable(str(err))
        return ApiError(502, "triton_error", f"Triton failed on this request: {type(err).__name__}: {err}")

    def _unavailable(self, reason: str) -> ApiError:
        return ApiError(503, "triton_unavailable", "the Triton backend is unreachable",
                        details={"protocol": self.protocol, "reason": reason[:300]},
                        headers={"Retry-After": str(self.retry_after)})

    async def health(self) -> tuple[bool, str]:
        """(ready, description): server ready and the model loaded, per Triton's own API."""
        try:
            return await asyncio.to_thread(self._health)
        except Exception as err:
            return False, f"{self.protocol} unreachable ({type(err).__name__})"

    def _health(self) -> tuple[bool, str]:
        client = self._client.get_client(self.url, self.protocol, 2.0)
        extra = {"client_timeout": 2.0} if self.protocol == "grpc" else {}
        if not client.is_server_ready(**extra):
            return False, f"{self.protocol} server not ready"
        if not client.is_model_ready(MODEL_NAME, **extra):
            return False, f"{self.protocol} {MODEL_NAME} not ready"
        return True, f"{self.protocol} ready"


def _status(err) -> str | None:
    status = getattr(err, "status", None)
    return str(status()) if callable(status) else None


def options_for(payload: dict) -> dict:
    """The model's `translation_options` for a pool payload (it knows filename and crate_name)."""
    options = {"filename": payload.get("filename", "main.py")}
    if payload.get("crate_name"):
        options["crate_name"] = payload["crate_name"]
    return options


def translation_body(answer: dict, *, checks: dict, payload: dict, protocol: str) -> dict:
    """The cacheable body for a Triton answer, in the shape `results.translation_body` gives."""
    from portalis.service.worker import _cargo_toml  # the batch's version applies here too

    meta = answer["metadata"]
    diags = [_diagnostic(d) for d in meta.get("diagnostics", [])]
    if not meta.get("ok", bool(answer["rust_code"])):
        return {"ok": False, "diagnostics": diags}
    rust_lines = answer["rust_code"].count("\n") + 1
    warnings = list(answer["warnings"])
    too_long = max_length_warning(rust_lines, checks["max_length"])
    if too_long:
        warnings.append(too_long)
    if checks.get("build") or checks.get("verify"):
        warnings.append(NOT_BUILT)
    metadata = {
        "engine_version": meta.get("engine_version"), "backend": "triton", "deterministic": True,
        "python_lines": meta.get("python_lines"), "rust_lines": rust_lines, "items": meta.get("items", []),
        "translate_ms": meta.get("translate_ms"), "target": checks.get("target", "native"),
        "compiled": None, "verified": None,
        "triton": {"model": MODEL_NAME, "protocol": protocol, "cached": meta.get("cached"),
                   "confidence": answer["confidence"]},
    }
    return {
        "ok": True, "rust_code": answer["rust_code"],
        "cargo_toml": _cargo_toml(meta.get("cargo_toml", ""), payload),
        "confidence": round(max(0.0, min(1.0, float(answer["confidence"]))), 3),
        "warnings": warnings, "suggestions": list(dict.fromkeys(answer["suggestions"])),
        "diagnostics": diags, "metadata": metadata,
    }


def _diagnostic(d: dict) -> dict:
    """The engine's `Diagnostic.to_dict()` (as the model sends it) in the API's shape."""
    return {"file": d.get("filename", d.get("file", "main.py")), "line": d.get("line", 1),
            "col": d.get("col", 1), "message": d.get("message", ""), "hint": d.get("hint", ""),
            "severity": d.get("severity", "error")}
