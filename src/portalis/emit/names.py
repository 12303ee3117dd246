"""Rust spellings of Python names and literals: identifiers that are not Rust
keywords and do not hide the runtime's modules, and escaped string literals."""
from __future__ import annotations

import math

RUST_KEYWORDS = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "union",
}

# Names the generated code uses unqualified; a Python name equal to one gets a suffix.
RUNTIME_NAMES = {
    "builtins", "classes", "exc", "format", "io", "iter", "methods", "ops", "regex", "repr",
    "strformat", "strmethods", "tables", "value", "stdlib", "Value", "PyResult", "PyErr", "Dict",
    "Set", "PyCell", "Range", "Rc", "main", "std", "core", "alloc", "vec", "Some", "None", "Ok",
    "Err", "Option", "Result", "String", "Vec", "Box", "drop", "print", "py_try", "typed", "Map",
}


def ident(name: str) -> str:
    """A Rust identifier for a Python variable or function name."""
    if name in RUST_KEYWORDS or name in RUNTIME_NAMES or name.startswith("py_") or name == "_":
        return f"{name}_"
    return name


def static_ident(name: str, prefix: str = "PY_") -> str:
    """An UPPER_CASE name for a static: a module global (PY_), a class (CLASS_)."""
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and (name[i - 1].islower() or name[i - 1].isdigit()):
            out.append("_")
        out.append(ch.upper())
    return prefix + "".join(out)


def str_literal(text: str) -> str:
    """A Rust string literal with the same characters."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # nothing to escape (the common case: printable excludes controls, surrogates)
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{{{code:x}}}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\u{fffd}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def float_literal(value: float) -> str:
    if math.isinf(value):
        return "f64::INFINITY" if value > 0 else "f64::NEG_INFINITY"
    if math.isnan(value):
        return "f64::NAN"
    text = repr(value)
    if "e" in text and "." not in text.split("e")[0]:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}.0e{exponent}"
    return text if ("." in text or "e" in text) else text + ".0"
