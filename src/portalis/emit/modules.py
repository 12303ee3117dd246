"""A project's Rust as one module per Python module, in the Python tree's shape.

A linked project is lowered as one program whose module-level names carry their module's
prefix (`shapes_square__area`); this printer gives each item back to its module:
`shapes/square.py` becomes `src/shapes/square.rs` (`shapes/__init__.py` becomes
`src/shapes/mod.rs`), the entry module's items and `main` stay in `src/main.rs`.  Items
are `pub(crate)` and every module glob-imports the crate root, which glob-imports every
module, so names resolve as they did in the single program.
"""
from __future__ import annotations

from portalis import ir
from portalis.emit import rust as rust_printer
from portalis.emit.names import RUST_KEYWORDS, static_ident

_RESERVED_MODULES = {"main", "runtime", "portalis_runtime", "std", "core", "alloc", "crate", "self", "super"}


def module_files(program: ir.Program, modules: dict[str, tuple[str, bool]], entry: str) -> dict[str, str] | None:
    """`src/...rs` files by path, or None when a module name cannot be a Rust module
    (then the caller keeps the single `src/main.rs`).  `modules` maps each Python module
    to (its name prefix, whether it is a package's `__init__`)."""
    others = {m: v for m, v in modules.items() if m != entry}
    if any(not _rust_module_name(part) for m in others for part in m.split(".")):
        return None
    owners = sorted(((prefix, m) for m, (prefix, _) in others.items() if prefix), key=lambda p: -len(p[0]))
    parts: dict[str, list[str]] = {m: [] for m in others}
    parts[entry] = []

    def owner(name: str, static: bool = False) -> str:
        for prefix, module in owners:
            if (name.split("_", 1)[-1].startswith(static_ident(prefix, "")) if static else name.startswith(prefix)):
                return module
        return entry

    for item in program.items:
        if isinstance(item, ir.RawItem) and item.kind == "global":
            _split_statics(item.text, owner, parts, entry)
            continue
        name = item.name if isinstance(item, (ir.Function, ir.RawItem)) else ""
        module = entry if getattr(item, "kind", "") == "main" else owner(name)
        if module == entry:
            parts[entry].append(rust_printer.print_item(item))
        else:
            parts[module].append(_crate_visible(rust_printer.print_item(item)))
    return _files(program.header, parts, modules, entry)


def _rust_module_name(part: str) -> bool:
    return part.isidentifier() and part.isascii() and part not in RUST_KEYWORDS and part not in _RESERVED_MODULES


def _split_statics(text: str, owner, parts: dict[str, list[str]], entry: str) -> None:
    """The `thread_local!` block of module globals, one block per owning module."""
    by_module: dict[str, list[str]] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("static "):
            name = stripped[len("static "):].split(":")[0]
            module = owner(name, static=True)
            by_module.setdefault(module, []).append(line if module == entry else
                                                    line.replace("static ", "pub(crate) static ", 1))
    for module, lines in by_module.items():
        parts[module].append("thread_local! {\n" + "\n".join(lines) + "\n}\n")


def _crate_visible(text: str) -> str:
    """`pub(crate)` on the item's first line after its doc comments and attributes."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(("///", "#[")):
            continue
        if line.startswith(("fn ", "static ")):
            lines[i] = "pub(crate) " + line
        break
    return "\n".join(lines)


def _files(header: str, parts: dict[str, list[str]], modules: dict[str, tuple[str, bool]], entry: str) -> dict[str, str]:
    others = sorted(m for m in parts if m != entry)
    # Every package on the way to a module is a Rust module (a folder without __init__.py too).
    tree = set(others)
    for m in others:
        pieces = m.split(".")
        tree.update(".".join(pieces[:i]) for i in range(1, len(pieces)))
    children = {m: sorted(c for c in tree if c.rpartition(".")[0] == m) for m in tree | {""}}
    files = {}
    for m in sorted(tree):
        has_children = bool(children[m])
        path = "src/" + m.replace(".", "/") + ("/mod.rs" if has_children or modules.get(m, ("", False))[1] else ".rs")
        source = f"{m.replace('.', '/')}/__init__.py" if modules.get(m, ("", False))[1] else \
            f"{m.replace('.', '/')}.py" if m in modules else f"{m.replace('.', '/')}/ (a folder)"
        head = [f"//! Python module `{m}` ({source}).", "", "#[allow(unused_imports)]", "use crate::*;",
                "#[allow(unused_imports)]", "use portalis_runtime::*;", ""]
        head += [f"pub(crate) mod {c.rpartition('.')[2]};" for c in children[m]]
        files[path] = "\n".join(head) + "\n" + "\n".join(parts.get(m, [])).rstrip() + "\n"
    uses = [f"mod {c};" for c in children[""]] + ["#[allow(unused_imports)]\nuse " + m.replace(".", "::") + "::*;"
                                                  for m in sorted(tree)]
    main = [header.rstrip(), "\n".join(uses), *parts[entry]]
    files["src/main.rs"] = "\n".join(main)
    return files
