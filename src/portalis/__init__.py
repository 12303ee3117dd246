"""Portalis: translate Python into Rust that prints exactly what CPython prints."""
__version__ = "0.1.0"

from portalis.diagnostics import Diagnostic, TranslationError  # noqa: E402
from portalis.api import Translation, TranslationChunk, translate, translate_project, iter_translate  # noqa: E402

__all__ = ["Diagnostic", "TranslationError", "Translation", "TranslationChunk",
           "translate", "translate_project", "iter_translate", "__version__"]
