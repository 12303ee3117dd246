"""API keys: loaded from PORTALIS_API_KEYS / PORTALIS_API_KEYS_FILE, kept only as hashes.

Keys are long random strings, so one SHA-256 is enough to make a memory dump useless;
a presented key is hashed and compared with every stored hash via
`hmac.compare_digest`, so timing says nothing about how close a guess was.
"""
from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

PREHASHED = "sha256="


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()


def parse_entries(lines) -> list[tuple[str, bytes]]:
    """`client:key` or `client:sha256=<hex digest>` per entry; blank lines and '#' comments skipped."""
    entries = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        client, sep, secret = line.partition(":")
        if not sep or not client.strip() or not secret.strip():
            raise ValueError("API key entries must look like client:key")
        secret = secret.strip()
        digest = bytes.fromhex(secret[len(PREHASHED):]) if secret.startswith(PREHASHED) else _digest(secret)
        entries.append((client.strip(), digest))
    return entries


class KeyStore:
    def __init__(self, entries: list[tuple[str, bytes]]):
        self._entries = entries

    @classmethod
    def from_settings(cls, api_keys, api_keys_file: str) -> "KeyStore":
        entries = parse_entries(api_keys)
        if api_keys_file:
            entries += parse_entries(Path(api_keys_file).read_text().splitlines())
        return cls(entries)

    def __len__(self) -> int:
        return len(self._entries)

    def client_for(self, presented: str | None) -> str | None:
        """The client owning `presented`, or None; every stored hash is compared."""
        if not presented:
            return None
        digest = _digest(presented)
        found = None
        for client, stored in self._entries:
            if hmac.compare_digest(digest, stored):
                found = client
        return found


def presented_key(headers) -> str | None:
    """The key sent as `X-API-Key: <key>` or `Authorization: Bearer <key>`."""
    key = headers.get("x-api-key")
    if key:
        return key.strip()
    scheme, _, token = (headers.get("authorization") or "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None
