"""How a pool result becomes a NIM answer: confidence, warnings, suggestions, metadata.

Confidence is earned, not asserted: a clean translation scores 0.7, each engine
warning costs 0.05 (at most 0.2), a successful build adds 0.15 and output identical to
CPython's adds 0.15; a failed build or a differing output caps it low.
"""
from __future__ import annotations

BASE, PER_WARNING, MAX_WARNING_COST, BUILT, VERIFIED = 0.7, 0.05, 0.2, 0.15, 0.15


def confidence(n_warnings: int, build: dict | None, verify: dict | None) -> float:
    score = BASE - min(MAX_WARNING_COST, PER_WARNING * n_warnings)
    if build is not None:
        score = score + BUILT if build.get("ok") else min(score, 0.3)
    if verify is not None and verify.get("ran"):
        score = score + VERIFIED if verify.get("identical") else min(score, 0.2)
    return round(max(0.0, min(1.0, score)), 3)


def _format(d: dict) -> str:
    text = f"{d['file']}:{d['line']}:{d['col']}: {d['severity']}: {d['message']}"
    return f"{text} ({d['hint']})" if d.get("hint") else text


def max_length_warning(rust_lines: int, max_length: int) -> str | None:
    if rust_lines <= max_length:
        return None
    return (f"the Rust output has {rust_lines} lines, more than max_length={max_length}; "
            "it is returned whole because truncated code would not build")


def translation_body(result: dict, *, checks: dict, max_length: int) -> dict:
    """The cacheable part of a /translate answer (no mode, timing or `cached` flag).

    `ok` is False when the engine could not translate; the route turns that into a 422.
    """
    diags = result["diagnostics"]
    if not result["ok"]:
        return {"ok": False, "diagnostics": diags}
    build, verify, facts = result.get("build"), result.get("verify"), result.get("facts", {})
    engine_warnings = [d for d in diags if d.get("severity") == "warning"]
    warnings = [_format(d) for d in engine_warnings]
    suggestions = list(dict.fromkeys(d["hint"] for d in engine_warnings if d.get("hint")))
    rust_lines = result["rust_code"].count("\n") + 1
    too_long = max_length_warning(rust_lines, max_length)
    if too_long:
        warnings.append(too_long)
    if build is not None and not build.get("ok"):
        warnings.append(f"the crate did not build for {build.get('target')}: "
                        f"{build.get('error') or _last_line(build.get('stderr', ''))}")
    if verify is not None and verify.get("ran") and not verify.get("identical"):
        warnings.append("the Rust program's output differs from CPython's")
    if build is None and verify is None:
        suggestions.append("use mode=quality (or compile=true) to build the crate and verify it against CPython")
    metadata = {
        "engine_version": facts.get("engine_version"), "backend": "portalis-engine",
        "deterministic": True, "python_lines": facts.get("python_lines"), "rust_lines": rust_lines,
        "items": facts.get("items", []), "translate_ms": facts.get("translate_ms"), "types": facts.get("types"),
        "target": checks.get("target", "native"),
        "compiled": None if build is None else bool(build.get("ok")),
        "verified": None if verify is None or not verify.get("ran") else bool(verify.get("identical")),
    }
    if build is not None:
        metadata["build"] = {k: build.get(k) for k in ("ok", "target", "seconds", "binary_size", "error")}
    if verify is not None:
        metadata["verification"] = {k: v for k, v in verify.items() if k != "diff"}
        if verify.get("diff"):
            metadata["verification"]["diff"] = verify["diff"]
    body = {
        "ok": True, "rust_code": result["rust_code"], "cargo_toml": result["cargo_toml"],
        "confidence": confidence(len(engine_warnings), build, verify),
        "warnings": warnings, "suggestions": suggestions, "diagnostics": diags, "metadata": metadata,
    }
    if build is not None and build.get("binary_b64"):
        body["binary_b64"] = build["binary_b64"]  # batch wasm builds only
    return body


def cacheable(result: dict) -> bool:
    """Translations are deterministic; a failed build or check may be the machine's fault."""
    build, verify = result.get("build"), result.get("verify")
    return (build is None or bool(build.get("ok"))) and not (verify or {}).get("transient")


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no compiler output"
