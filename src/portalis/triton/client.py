"""Call the `rust_transpiler` Triton model over HTTP or gRPC, for the HTTP service's
Triton backend (`PORTALIS_BACKEND=triton`, `PORTALIS_TRITON_URL`).

Clients are cached per thread: tritonclient's HTTP client is not thread-safe, and the
service calls this from a thread pool, so each worker thread keeps its own connection.
"""
from __future__ import annotations

import json
import threading

import numpy as np
from tritonclient.utils import InferenceServerException

MODEL_NAME = "rust_transpiler"
PROTOCOLS = ("http", "grpc")
_OUTPUTS = ("rust_code", "confidence_score", "metadata", "warnings", "suggestions")
_local = threading.local()


class TritonTranslationError(RuntimeError):
    """Triton answered with an error; `bad_request` tells a malformed request (4xx) apart."""

    def __init__(self, message: str, *, bad_request: bool):
        super().__init__(message)
        self.bad_request = bad_request


def _strip_scheme(url: str) -> str:
    """tritonclient wants host:port; accept http:// and grpc:// URLs too."""
    for scheme in ("http://", "https://", "grpc://"):
        if url.startswith(scheme):
            return url[len(scheme):].rstrip("/")
    return url.rstrip("/")


def _module(protocol: str):
    if protocol == "http":
        import tritonclient.http as module
    elif protocol == "grpc":
        import tritonclient.grpc as module
    else:
        raise ValueError(f"protocol must be one of {PROTOCOLS}, got {protocol!r}")
    return module


def get_client(url: str, protocol: str = "http", timeout: float = 60.0):
    """This thread's client for (url, protocol, timeout), created on first use."""
    clients = getattr(_local, "clients", None)
    if clients is None:
        clients = _local.clients = {}
    key = (_strip_scheme(url), protocol, timeout)
    if key not in clients:
        module = _module(protocol)
        if protocol == "http":  # the HTTP client's timeouts are per connection
            clients[key] = module.InferenceServerClient(key[0], connection_timeout=timeout,
                                                        network_timeout=timeout)
        else:
            clients[key] = module.InferenceServerClient(key[0])
    return clients[key]


def close_clients() -> None:
    """Close this thread's clients (call on shutdown so gRPC channels close cleanly)."""
    for client in getattr(_local, "clients", {}).values():
        client.close()
    _local.clients = {}


def build_inputs(module, python_code: str, options: dict | None):
    """The model's inputs for one program: shape [1, 1] BYTES tensors."""
    code = module.InferInput("python_code", [1, 1], "BYTES")
    code.set_data_from_numpy(np.array([[python_code.encode("utf-8")]], dtype=np.object_))
    inputs = [code]
    if options:
        opts = module.InferInput("translation_options", [1, 1], "BYTES")
        opts.set_data_from_numpy(np.array([[json.dumps(options).encode("utf-8")]], dtype=np.object_))
        inputs.append(opts)
    return inputs


def parse_result(result) -> dict:
    """Turn the model's five outputs (first row) into plain Python values."""
    text = lambda name: result.as_numpy(name).reshape(-1)[0].decode("utf-8")  # noqa: E731
    return {
        "rust_code": text("rust_code"),
        "confidence": float(result.as_numpy("confidence_score").reshape(-1)[0]),
        "metadata": json.loads(text("metadata")),
        "warnings": json.loads(text("warnings")),
        "suggestions": json.loads(text("suggestions")),
    }


def translate_via_triton(url: str, python_code: str, options: dict | None = None,
                         protocol: str = "http", timeout: float = 60.0) -> dict:
    """Translate one program on Triton; keys: rust_code, confidence, metadata, warnings, suggestions.

    Raises `TritonTranslationError` when Triton answers with an error (its `bad_request`
    is true for a request the model rejected), and lets connection errors propagate.
    """
    module = _module(protocol)
    client = get_client(url, protocol, timeout)
    outputs = [module.InferRequestedOutput(name) for name in _OUTPUTS]
    extra = {"client_timeout": timeout} if protocol == "grpc" else {}
    try:
        result = client.infer(MODEL_NAME, build_inputs(module, python_code, options),
                              outputs=outputs, **extra)
    except InferenceServerException as err:
        message = err.message() or str(err)
        raise TritonTranslationError(message, bad_request="bad request" in message) from err
    return parse_result(result)
