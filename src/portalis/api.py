"""The engine's public Python API: `translate`, `iter_translate`, `Translation`.

Everything that translates (CLI, HTTP service, Triton model) goes through here.  The
pipeline is a chain of small passes: `frontend` (parse, desugar), `analysis` (scopes,
types, effects), `lower` (the typed Rust IR of `portalis.ir`), `emit` (Rust text).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from portalis import __version__
from portalis.diagnostics import Diagnostic, TranslationError
from portalis.crate import crate_files, cargo_toml
from portalis.analysis import effects, scopes, types
from portalis.analysis.inference import report as type_report
from portalis.emit import rust as rust_printer
from portalis.frontend import desugar, parse
from portalis.lower import module as lower


@dataclass
class Translation:
    """The result of translating one Python module into one Cargo crate."""

    ok: bool
    files: dict[str, str]
    diagnostics: list[Diagnostic]
    facts: dict = field(default_factory=dict)

    @property
    def rust_code(self) -> str:
        """`src/main.rs`; for a project of several modules, every `src/` file, each under
        a `// ---- path ----` line."""
        sources = sorted(p for p in self.files if p.startswith("src/") and p != "src/main.rs")
        if not sources:
            return self.files.get("src/main.rs", "")
        return "".join(f"// ---- {p} ----\n{self.files[p]}\n" for p in ["src/main.rs", *sources])

    @property
    def cargo_toml(self) -> str:
        return self.files.get("Cargo.toml", "")

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    def write(self, outdir: str | Path) -> Path:
        """Write the crate's files under `outdir` (created if needed)."""
        root = Path(outdir)
        for rel, text in self.files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root


@dataclass
class TranslationChunk:
    """One top-level item's Rust text, produced as soon as that item is lowered."""

    kind: str  # "prelude", "function", "class", "main"
    name: str
    rust: str


def _analyse(source: str, filename: str):
    return _analyse_parsed(desugar.desugar(parse.parse_module(source, filename)))


def _analyse_parsed(module: parse.ParsedModule):
    scope_info, type_info = types.analyse_types(module)
    effect_info = effects.analyse_effects(module, scope_info)
    lowerer = lower.Lowerer(module, scope_info, type_info, effect_info)
    lowerer.warnings.extend(type_info.warnings)
    return module, lowerer


def translate(source: str, filename: str = "main.py", *, crate_name: str | None = None) -> Translation:
    """Translate a Python module's source into a Cargo crate.

    Never raises for bad input: unsupported or invalid code gives `ok=False` and
    diagnostics.  `crate_name` defaults to the file's stem.
    """
    return _translate(lambda: _analyse(source, filename), source, filename, crate_name or _crate_name(filename))


def translate_project(files: dict[str, str], entry: str, *, crate_name: str | None = None) -> Translation:
    """Translate a project of modules: `files` maps paths relative to the project root
    (`pkg/util.py`) to sources; `entry` is the entry module's path or dotted name.

    The entry and every module it imports from `files` become one crate; diagnostics name
    the file they are about.
    """
    from portalis.frontend import project
    linked = None

    def analyse():
        nonlocal linked
        linked = project.link(files, entry)
        linked.parsed.display_names = linked.display_names
        return _analyse_parsed(linked.parsed)

    source = "\n".join(files.values())
    entry_file = entry if entry.endswith(".py") else entry.replace(".", "/") + ".py"
    name = crate_name or _crate_name("main" if entry_file.endswith("__main__.py") else entry_file)
    def split(program):
        from portalis.emit.modules import module_files
        return module_files(program, linked.prefixes, linked.entry)

    result = _translate(analyse, source, entry_file, name, split)
    if linked is not None:
        result.diagnostics = [linked.source_map.diagnostic(d) for d in result.diagnostics]
        result.facts["modules"] = linked.modules
    return result


def _translate(analyse, source: str, filename: str, name: str, split=None) -> Translation:
    """Run the passes; never raises for bad input (diagnostics instead).  `split` gives
    a project's `src/` files, one per Python module (None: one `src/main.rs`)."""
    started = time.perf_counter()
    try:
        module, lowerer = analyse()
        program = lowerer.lower_program()
        sources = split(program) if split else None
        main_rs = sources.pop("src/main.rs") if sources else rust_printer.print_program(program)
    except TranslationError as err:
        return Translation(False, {}, err.diagnostics, _facts(source, started, []))
    except RecursionError:
        diag = Diagnostic(filename, 1, 1, "input is nested too deeply to translate",
                          "split deeply nested expressions into smaller statements")
        return Translation(False, {}, [diag], _facts(source, started, []))
    except Exception as err:  # a translator bug must not take down a caller such as the service
        diag = Diagnostic(filename, 1, 1, f"internal error in the translator: {type(err).__name__}: {err}",
                          "this is a Portalis bug; please report it with the input")
        return Translation(False, {}, [diag], _facts(source, started, []))
    files = crate_files(name, main_rs)
    files.update(sources or {})
    facts = _facts(source, started, program.item_names())
    facts["types"] = type_report.facts(lowerer.types.inference)
    warnings = sorted(lowerer.warnings, key=lambda d: (d.line, d.col))
    return Translation(True, files, warnings, facts)


def iter_translate(source: str, filename: str = "main.py") -> Iterator[TranslationChunk]:
    """Translate item by item, yielding each top-level item's Rust as it is lowered.

    Raises `TranslationError` (with all diagnostics) when the module cannot be translated.
    """
    _, lowerer = _analyse(source, filename)
    for item in lowerer.iter_items():
        rust = "\n".join(rust_printer.print_item(part) for part in item.items)
        yield TranslationChunk(item.kind, item.name, rust)


@dataclass
class TypeReport:
    """What the inference found: `text` as `portalis types` prints it, `facts` as data."""

    text: str
    facts: dict
    errors: list[Diagnostic]


def infer_types(source: str, filename: str = "main.py") -> TypeReport:
    """Run the front end and the whole-program type inference, without lowering."""
    try:
        module = desugar.desugar(parse.parse_module(source, filename))
    except TranslationError as err:
        return TypeReport("", {}, err.diagnostics)
    inference = types.analyse_types(module)[1].inference
    return TypeReport(type_report.render(inference, filename), type_report.facts(inference), [])


def _crate_name(filename: str) -> str:
    stem = Path(filename).stem or "main"
    cleaned = "".join(c if c.isalnum() else "_" for c in stem.lower()).strip("_") or "main"
    return cleaned if cleaned[0].isalpha() else f"py_{cleaned}"


def _facts(source: str, started: float, items: list[str]) -> dict:
    return {
        "engine_version": __version__,
        "python_lines": source.count("\n") + 1,
        "items": items,
        "translate_ms": round((time.perf_counter() - started) * 1000, 3),
    }


__all__ = ["Translation", "TranslationChunk", "TypeReport", "translate", "translate_project", "iter_translate",
           "infer_types", "cargo_toml"]
