"""Errors: one JSON shape (`ErrorBody`) for every failure, never a traceback.

Handlers here turn validation errors, HTTP errors, pool errors and anything unexpected
into `{"error", "message", "status", "request_id", "details"?, "diagnostics"?}`.
"""
from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from portalis.service.pool import PoolError

log = logging.getLogger("portalis.service")

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 406: "not_acceptable", 413: "payload_too_large",
               415: "unsupported_media_type", 422: "validation_error", 429: "rate_limited",
               500: "internal_error", 502: "worker_crashed", 503: "unavailable", 504: "timeout"}


class ApiError(Exception):
    def __init__(self, status: int, error: str, message: str, *, details: dict | None = None,
                 diagnostics: list | None = None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.error, self.message = status, error, message
        self.details, self.diagnostics, self.headers = details, diagnostics, headers or {}


def error_response(status: int, error: str, message: str, request_id: str, *,
                   details: dict | None = None, diagnostics: list | None = None,
                   headers: dict | None = None) -> Response:
    body = {"error": error, "message": message, "status": status, "request_id": request_id}
    if details is not None:
        body["details"] = details
    if diagnostics is not None:
        body["diagnostics"] = diagnostics
    return Response(json.dumps(body), status_code=status, media_type="application/json",
                    headers={"X-Request-ID": request_id, **(headers or {})})


def request_id(request: Request) -> str:
    return request.scope.get("portalis.request_id", "-")


def _validation_details(err: RequestValidationError) -> tuple[int, str, str, dict]:
    problems = []
    for e in err.errors():
        if e.get("type") == "json_invalid":
            return 400, "malformed_json", "the request body is not valid JSON", {
                "position": (e.get("ctx") or {}).get("error", "")}
        loc = ".".join(str(p) for p in e.get("loc", ()) if p != "body")
        problems.append({"field": loc or "body", "problem": e.get("msg", ""), "type": e.get("type", "")})
    return 422, "validation_error", "the request does not match the schema", {"errors": problems}


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, err: ApiError):
        return error_response(err.status, err.error, err.message, request_id(request),
                              details=err.details, diagnostics=err.diagnostics, headers=err.headers)

    @app.exception_handler(PoolError)
    async def _pool_error(request: Request, err: PoolError):
        headers = {"Retry-After": str(request.app.state.settings.retry_after_seconds)} if err.status == 503 else None
        return error_response(err.status, err.error, err.message, request_id(request),
                              details=err.details, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError):
        status, code, message, details = _validation_details(err)
        return error_response(status, code, message, request_id(request), details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException):
        code = _HTTP_CODES.get(err.status_code, "http_error")
        message = err.detail if isinstance(err.detail, str) else code.replace("_", " ")
        return error_response(err.status_code, code, message, request_id(request),
                              headers=dict(err.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, err: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "an internal error occurred", request_id(request))
