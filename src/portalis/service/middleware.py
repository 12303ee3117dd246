"""The request envelope: a request id on every request and answer, and the body size limit.

Pure ASGI (no per-request task, unlike BaseHTTPMiddleware), since it wraps the
cache-hit path that has to serve over a thousand requests a second.
"""
from __future__ import annotations

import re
import uuid

from portalis.service.errors import error_response

_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestContextMiddleware:
    def __init__(self, app, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = ""
        length = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                rid = value.decode("latin-1")
            elif name == b"content-length":
                length = value
        if not _CLIENT_ID.match(rid):
            rid = uuid.uuid4().hex
        scope["portalis.request_id"] = rid
        header = (b"x-request-id", rid.encode())

        async def send_with_id(message):
            if message["type"] == "http.response.start" and header not in message.get("headers", []):
                message["headers"] = [*message.get("headers", []), header]
            await send(message)

        if length is not None:
            if not length.isdigit() or int(length) > self.max_body_bytes:
                await self._too_large(rid, scope, receive, send)
                return
        elif scope["method"] in ("POST", "PUT", "PATCH"):
            body = await self._read_capped(receive)
            if body is None:
                await self._too_large(rid, scope, receive, send)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send_with_id)

    async def _read_capped(self, receive) -> bytes | None:
        """Read a body sent without Content-Length, or None once it passes the limit."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        return b"".join(chunks)

    async def _too_large(self, rid, scope, receive, send):
        response = error_response(413, "payload_too_large",
                                  f"the request body is larger than {self.max_body_bytes} bytes",
                                  rid, details={"max_body_bytes": self.max_body_bytes})
        await response(scope, receive, send)


def _replay(body: bytes, receive_more):
    """A `receive` that returns the buffered body once, then waits on the real channel
    (so a disconnect still reaches streaming responses)."""
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive_more()
    return receive
