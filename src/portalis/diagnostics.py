"""Diagnostics: what went wrong, where, and what to write instead.

Every pass reports problems as `Diagnostic` values carrying file:line:col, so the CLI,
the HTTP service and the Triton model all show the same text.  A pass that cannot go
on raises `TranslationError` holding every diagnostic collected so far.
"""
from __future__ import annotations

from dataclasses import dataclass, asdict


@dataclass(frozen=True)
class Diagnostic:
    filename: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: str = "error"  # "error" or "warning"

    def format(self) -> str:
        text = f"{self.filename}:{self.line}:{self.col}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def to_dict(self) -> dict:
        return asdict(self)


class TranslationError(Exception):
    """Raised by a pass when the input cannot be translated; carries all diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))
