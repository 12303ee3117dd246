"""Projects of several modules: discovery, import resolution, and linking into one module.

A project is a tree of `.py` files with an entry module.  Each module reachable from the
entry is parsed and desugared on its own (diagnostics name its file), then *linked*:
its module-level names get a project-unique name (`pkg_util__helper`; the entry keeps
its own), references through imports (`from util import sq`, `import pkg.util as u` then
`u.sq`) are rewritten to those names, `__name__` becomes the module's name, and each
module's body is placed where CPython first imports it, so module-level state runs once,
in CPython's import order (cycles included: a module being imported is not re-entered).
The linked module goes through the single-module passes; `SourceMap` turns its line
numbers back into file:line for diagnostics.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from portalis.analysis.stdlib_names import STDLIB, TYPE_ONLY_MODULES
from portalis.lower.calls import DESUGARED
from portalis.diagnostics import Diagnostic, TranslationError
from portalis.frontend import astwalk, desugar, parse

LINE_STRIDE = 1_000_000  # module i's lines are shifted by i * LINE_STRIDE in the linked module


def module_name(path: str) -> str:
    """`pkg/sub/mod.py` -> `pkg.sub.mod`; `pkg/__init__.py` -> `pkg`."""
    parts = list(PurePosixPath(path).with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_imports(files: dict[str, str]) -> dict[str, set[str]]:
    """For each file, the other files' modules it imports (relative imports resolved)."""
    names = {module_name(p): p for p in files if p.endswith(".py")}
    found: dict[str, set[str]] = {}
    for path, source in files.items():
        found[path] = set()
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        package = module_name(path) if path.endswith("__init__.py") else module_name(path).rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                parts = package.split(".") if package else []
                base = ".".join(parts[:len(parts) - (node.level - 1)] + [node.module or ""]) if node.level \
                    else node.module or ""
                base = base.strip(".")
                targets = [base] + [f"{base}.{a.name}".strip(".") for a in node.names]
            else:
                continue
            found[path] |= {names[t] for t in targets if t in names and names[t] != path}
    return found


def imports_project_modules(files: dict[str, str]) -> bool:
    """Whether any of `files` imports another of them (the batch API links such files)."""
    return any(project_imports(files).values())


def likely_entry(files: dict[str, str]) -> str:
    """The first file that no other one imports (the batch API's entry module)."""
    imported = set().union(*project_imports(files).values())
    return next((p for p in files if p not in imported), next(iter(files)))


@dataclass
class ProjectFiles:
    """A program on disk: its root folder, its modules' sources by relative path, the entry."""
    root: Path
    files: dict[str, str]
    entry: str  # relative path of the entry module

    @property
    def is_single_file(self) -> bool:
        return len(self.files) == 1


def collect(path: Path, main: str | None = None) -> ProjectFiles:
    """The entry module of PATH (a .py file, or a folder with __main__.py or --main MODULE)
    and every module of the same tree it imports, directly or not.  Raises OSError for a
    missing entry, UnicodeDecodeError for a module that is not UTF-8 text."""
    path = Path(path)
    if path.is_dir():
        root = path
        entry = main.replace(".", "/") + ".py" if main else "__main__.py"
        if main and not (root / entry).is_file() and (root / main.replace(".", "/") / "__main__.py").is_file():
            entry = main.replace(".", "/") + "/__main__.py"
    else:
        root, entry = path.parent, path.name
    if not (root / entry).is_file():
        raise FileNotFoundError(2, "No such file or directory", str(root / entry))
    files: dict[str, str] = {}
    todo = [entry]
    while todo:
        rel = todo.pop()
        if rel in files:
            continue
        files[rel] = (root / rel).read_text(encoding="utf-8-sig")
        todo.extend(_imported_paths(root, rel, files[rel]))
    return ProjectFiles(root, files, entry)


def _imported_paths(root: Path, rel: str, source: str) -> list[str]:
    """Files of the tree under `root` that module `rel` may import (packages' __init__ too)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []  # reported when the module is parsed for translation
    package = PurePosixPath(rel).parent.parts
    candidates: list[list[str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            candidates.extend(alias.name.split(".") for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - (node.level - 1)]) if node.level else []
            if node.level and node.level - 1 > len(package):
                continue
            base += node.module.split(".") if node.module else []
            candidates.append(base)
            candidates.extend(base + [alias.name] for alias in node.names)
    found = []
    for parts in candidates:
        for i in range(1, len(parts) + 1):
            for option in ("/".join(parts[:i]) + ".py", "/".join(parts[:i]) + "/__init__.py"):
                if (root / option).is_file():
                    found.append(option)
    return found


@dataclass
class SourceMap:
    """Linked-module line numbers back to (file, line)."""
    files: list[str]

    def place(self, line: int) -> tuple[str, int]:
        index = line // LINE_STRIDE
        if 0 <= index < len(self.files):
            return self.files[index], line % LINE_STRIDE
        return self.files[0], line

    def diagnostic(self, d: Diagnostic) -> Diagnostic:
        if d.line < LINE_STRIDE:  # the entry's, or already placed by the linker
            return d
        filename, line = self.place(d.line)
        return Diagnostic(filename, line, d.col, d.message, d.hint, d.severity)


@dataclass
class Module:
    name: str
    path: str
    parsed: parse.ParsedModule
    is_package: bool
    index: int
    prefix: str  # "" for the entry
    names: dict = field(default_factory=dict)  # module-level name -> replacement (str name or ("module", m))
    binding_counts: dict = field(default_factory=dict)
    library: dict = field(default_factory=dict)  # names bound by standard-library imports -> (target, import)
    imported_at: ast.stmt | None = None  # the import statement that first runs it (its traceback frame)


@dataclass
class LinkedProgram:
    parsed: parse.ParsedModule
    source_map: SourceMap
    module_of: dict[str, str]  # linked global name -> Python module that defines it
    modules: list[str]  # Python modules in load order (entry last)
    display_names: dict[str, str]  # linked name -> `module.name` (the entry's are not renamed)
    entry: str = ""
    prefixes: dict[str, tuple[str, bool]] = field(default_factory=dict)  # module -> (name prefix, is a package)


class _Load:
    """Marks where a project import stood: modules to run first, then bindings."""

    def __init__(self, modules: list[str], bindings: list[ast.stmt], where: ast.stmt):
        self.modules, self.bindings, self.where = modules, bindings, where


def link(files: dict[str, str], entry: str) -> LinkedProgram:
    """Link the modules of `files` reachable from `entry` into one module; raise
    TranslationError with every problem found (each naming its own file)."""
    linker = _Linker(files, entry)
    return linker.run()


class _Linker:
    def __init__(self, files: dict[str, str], entry: str):
        self.files = {str(PurePosixPath(p)): s for p, s in files.items() if p.endswith(".py")}
        self.by_name = {module_name(p): p for p in self.files}
        self.entry = module_name(entry) if entry.endswith(".py") else entry
        if self.entry not in self.by_name:
            raise TranslationError([Diagnostic(entry, 1, 1, f"entry module {self.entry} is not in the project",
                                               "name a .py file of the project, or a directory with __main__.py")])
        self.modules: dict[str, Module] = {}
        self.aliases: dict[str, dict[str, tuple[str, str]]] = {}  # module -> linked name -> (base, attr)
        self.diagnostics: list[Diagnostic] = []

    # ---- loading ------------------------------------------------------------------------

    def run(self) -> LinkedProgram:
        self._load(self.entry)
        if self.diagnostics:
            raise TranslationError(self.diagnostics)
        expanded: set[str] = set()
        for module in list(self.modules.values()):
            self._expand_star_imports(module, expanded)
        for module in self.modules.values():
            self._bind_names(module)
        self._check_library_names()
        renamers = [_Renamer(self, module) for module in self.modules.values()]
        for renamer in renamers:
            renamer.plan_imports()
        for renamer in renamers:
            renamer.run()
        if self.diagnostics:
            raise TranslationError(self.diagnostics)
        body: list[ast.stmt] = []
        order: list[str] = []
        self._place(self.entry, body, set(), order, {})
        entry = self.modules[self.entry]
        tree = ast.Module(body=body, type_ignores=[])
        parsed = parse.ParsedModule(tree, entry.parsed.source, entry.path, astwalk.walk(tree))
        display, module_of = {}, {}
        for module in self.modules.values():
            for name, new in module.names.items():
                if isinstance(new, str) and new != name and module.prefix and new.startswith(module.prefix):
                    display[new] = f"{module.name}.{name}"
                if isinstance(new, str):
                    module_of.setdefault(new, module.name)
        ordered = sorted(self.modules.values(), key=lambda m: m.index)
        parsed.module_files = [(m.path, m.parsed.source, m.imported_at) for m in ordered]
        prefixes = {m.name: (m.prefix, m.is_package) for m in ordered}
        return LinkedProgram(parsed, SourceMap([m.path for m in ordered]), module_of, order, display,
                             self.entry, prefixes)

    def _load(self, name: str) -> None:
        todo = [name]
        while todo:
            name = todo.pop(0)
            if name in self.modules:
                continue
            path = self.by_name[name]
            try:
                roots = frozenset(m.split(".")[0] for m in self.by_name)
                parsed = desugar.desugar(parse.parse_module(self.files[path], path, roots))
            except TranslationError as err:
                self.diagnostics.extend(err.diagnostics)
                continue
            index = len(self.modules)
            ast.increment_lineno(parsed.tree, index * LINE_STRIDE)
            prefix = "" if name == self.entry else name.replace(".", "_") + "__"
            module = Module(name, path, parsed, path.endswith("__init__.py"), index, prefix)
            self.modules[name] = module
            for node in parsed.nodes:
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    todo.extend(m for m in self._required(module, node) if m not in self.modules)

    def package_of(self, module: Module) -> str:
        return module.name if module.is_package else module.name.rpartition(".")[0]

    def import_base(self, module: Module, node: ast.ImportFrom) -> str | None:
        """The module an ImportFrom names (relative ones resolved), None if out of the tree."""
        if not node.level:
            return node.module or ""
        parts = self.package_of(module).split(".") if self.package_of(module) else []
        if node.level - 1 > len(parts) or (module.name == self.entry and not module.is_package
                                           and "." not in module.name):
            return None
        base = parts[:len(parts) - (node.level - 1)]
        return ".".join(base + ([node.module] if node.module else []))

    def _required(self, module: Module, node) -> list[str]:
        """Project modules an import statement loads, parents first; reports unknown ones."""
        wanted: list[str] = []
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                wanted.extend(".".join(parts[:i]) for i in range(1, len(parts) + 1))
            names = [alias.name for alias in node.names]
        else:
            base = self.import_base(module, node)
            if base is None:
                self.error(module, node, "attempted relative import beyond the top-level package",
                           "run the program as a module of its package, or use an absolute import")
                return []
            parts = base.split(".")
            wanted.extend(".".join(parts[:i]) for i in range(1, len(parts) + 1))
            wanted.extend(f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in self.by_name)
            names = [base]
        found = [m for m in wanted if m in self.by_name]
        for name in names:
            if name in self.by_name or name in STDLIB or name in TYPE_ONLY_MODULES or name in DESUGARED:
                continue
            where = "in the project" if name.split(".")[0] in self.by_name or isinstance(node, ast.ImportFrom) \
                and node.level else "in the project, nor a supported standard-library module"
            self.error(module, node, f"module {name} is not {where}",
                       f"the project's modules: {', '.join(sorted(self.by_name))}; "
                       f"the standard library: {', '.join(sorted(STDLIB))}")
        return found

    def _is_project_import(self, module: Module, node) -> bool:
        if isinstance(node, ast.Import):
            return any(a.name.split(".")[0] in self.by_name for a in node.names)
        base = self.import_base(module, node)
        return node.level > 0 or (base is not None and base.split(".")[0] in self.by_name)

    def error(self, module: Module, node: ast.AST, message: str, hint: str = "") -> None:
        line = getattr(node, "lineno", 1) % LINE_STRIDE
        self.diagnostics.append(Diagnostic(module.path, line, getattr(node, "col_offset", 0) + 1, message, hint))

    # ---- names ------------------------------------------------------------------------------

    def _expand_star_imports(self, module: Module, done: set[str]) -> None:
        """`from pkg.mod import *` becomes an import of mod's public names (its `__all__`
        when that is a literal list, else its names not starting with `_`)."""
        if module.name in done:
            return
        done.add(module.name)
        for node in astwalk.own_nodes(module.parsed.tree.body):
            if not isinstance(node, ast.ImportFrom) or not any(a.name == "*" for a in node.names):
                continue
            base = self.import_base(module, node)
            target = self.modules.get(base or "")
            if target is None:
                continue  # a standard-library module: the lowerer reports it
            self._expand_star_imports(target, done)
            node.names = [a for a in node.names if a.name != "*"] + \
                [ast.alias(name) for name in _public_names(target.parsed.tree)]

    def _bind_names(self, module: Module) -> None:
        """Each module-level name's linked name: a prefixed name, or a module."""
        counts: dict[str, int] = {}
        for node in _module_level_nodes(module.parsed.tree):
            for name in _bound_names(node):
                counts[name] = counts.get(name, 0) + 1
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] not in self.by_name:
                        module.library[alias.asname or alias.name.split(".")[0]] = (alias.name, node)
            elif isinstance(node, ast.ImportFrom) and not self._is_project_import(module, node):
                for alias in node.names:
                    module.library[alias.asname or alias.name] = (f"{node.module}.{alias.name}", node)
        module.binding_counts = counts
        for name in counts:
            # Standard-library names keep their own: the lowerer knows them by name.
            module.names[name] = module.prefix + name if module.prefix and name not in module.library else name

    def _check_library_names(self) -> None:
        """Standard-library imports keep their names in the linked module: two modules may
        not give one such name two meanings."""
        seen: dict[str, tuple[str, str]] = {}  # name -> (meaning, module)
        for module in sorted(self.modules.values(), key=lambda m: m.index):
            for name, new in module.names.items():
                meaning = module.library[name][0] if name in module.library else f"{module.name}.{name}"
                if not isinstance(new, str) or new != name:
                    continue
                earlier = seen.setdefault(name, (meaning, module.name))
                if earlier[0] != meaning:
                    node = module.library[name][1] if name in module.library else module.parsed.tree
                    self.error(module, node, f"'{name}' means {meaning} here but {earlier[0]} in module {earlier[1]}",
                               "import it under another name (import ... as ...) in one of the modules")

    def resolve(self, base: str, attr: str):
        """What `base.attr` is: ("module", name), a linked global name, or None."""
        module = self.modules.get(base)
        if module is None:
            return None
        new = module.names.get(attr)
        if isinstance(new, str) and new in self.aliases.get(base, {}):
            return self.alias_target(*self.aliases[base][new]) or new
        if new is not None:
            return new
        if f"{base}.{attr}" in self.modules:
            return ("module", f"{base}.{attr}")
        return None

    def alias_target(self, base: str, attr: str, depth: int = 0):
        """What a `from base import attr` can stand for directly: a module, a def or a
        class (bound once), or such an alias in turn; else None (the import copies)."""
        target = self.modules.get(base)
        if target is None or depth > len(self.modules):
            return None
        new = target.names.get(attr)
        if new is None and f"{base}.{attr}" in self.modules:
            return ("module", f"{base}.{attr}")
        if isinstance(new, tuple):
            return new
        if new is None or target.binding_counts.get(attr) != 1:
            return None
        if any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name == attr
               for n in target.parsed.tree.body):
            return new
        chained = self.aliases.get(base, {}).get(new)
        return self.alias_target(*chained, depth=depth + 1) if chained else None

    def _place(self, name: str, out: list, started: set, order: list, lazy: dict) -> None:
        """Module `name`'s body into `out`, each project import preceded by the bodies of
        the modules it loads (once each: a module already started is not re-entered).
        A module first imported inside a function runs when that import runs: see
        `_place_lazy`; `lazy` maps such modules to their loader function."""
        started.add(name)
        for stmt in self.modules[name].parsed.tree.body:
            self._start_loads(stmt, out, started, order, lazy, inside_loader=False)
            out.extend(self._resolved(stmt, lazy))
        order.append(name)

    def _start_loads(self, stmt, out: list, started: set, order: list, lazy: dict, inside_loader: bool) -> None:
        """Place the modules the imports in `stmt` load first: before `stmt` when they run
        as it runs, lazily when they run later (in a function, or in a loader)."""
        for load, deferred in _loads_in(stmt):
            for module in load.modules:
                if module in started or module not in self.modules:
                    continue
                self.modules[module].imported_at = load.where
                if (deferred or inside_loader) and self._can_defer(module):
                    self._place_lazy(module, out, started, order, lazy)
                else:
                    self._place(module, out, started, order, lazy)

    def _resolved(self, stmt, lazy: dict) -> list[ast.stmt]:
        """`stmt` with its project imports replaced by their loader calls and bindings."""
        def expand(load: _Load) -> list[ast.stmt]:
            calls = [ast.Expr(ast.Call(ast.Name(lazy[m], ast.Load()), [], [])) for m in load.modules if m in lazy]
            return [ast.fix_missing_locations(ast.copy_location(c, load.where)) for c in calls] + load.bindings
        return expand(stmt) if isinstance(stmt, _Load) else [_strip_loads(stmt, expand)]

    def _place_lazy(self, name: str, out: list, started: set, order: list, lazy: dict) -> None:
        """A module first imported inside a function: its definitions go into `out` (a
        def statement only makes a function), the rest of its body into a loader function,
        run once, where each import of the module stands (CPython runs a module's body when
        it is first imported; a module being loaded is not re-entered)."""
        module = self.modules[name]
        started.add(name)
        loader, flag = f"{module.prefix}_load_module", f"{module.prefix}_module_loaded"
        lazy[name] = loader
        effects: list[ast.stmt] = []
        for stmt in module.parsed.tree.body:
            definition = not _runs_code(stmt)
            self._start_loads(stmt, out, started, order, lazy, inside_loader=not definition)
            (out if definition else effects).extend(self._resolved(stmt, lazy))
        where = module.parsed.tree.body[0] if module.parsed.tree.body else module.parsed.tree
        bound = sorted(_names_bound_by(effects) | {flag})
        head = ast.parse(f"{flag} = False\ndef {loader}():\n    global {', '.join(bound)}\n"
                         f"    if {flag}:\n        return\n    {flag} = True\n").body
        for node in head:
            for inner in ast.walk(node):
                ast.copy_location(inner, where)
        head[1].body.extend(effects)
        out.extend(head)
        order.append(name)

    def _can_defer(self, name: str) -> bool:
        """Whether a module's definitions can be made before the rest of its body runs:
        none of them (decorators, defaults, bases, class bodies) reads or rebinds a name
        that the rest binds."""
        body = self.modules[name].parsed.tree.body
        bound = _names_bound_by([s for s in body if _runs_code(s)])
        for stmt in body:
            if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            if stmt.name in bound or any(isinstance(n, ast.Name) and n.id in bound
                                         for part in _evaluated_at_definition(stmt) for n in ast.walk(part)):
                return False
        return True


def _module_level_nodes(tree: ast.Module) -> list[ast.AST]:
    """Nodes that bind module-level names: the module's own, and `global` stores in functions."""
    own = astwalk.own_nodes(tree.body)
    out = list(own)
    declared: set[str] = set()
    for node in astwalk.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names = {n for s in astwalk.own_nodes(node.body) if isinstance(s, ast.Global) for n in s.names}
            if names:
                declared |= names
                out.extend(n for n in astwalk.own_nodes(node.body)
                           if isinstance(n, ast.Name) and n.id in names and isinstance(n.ctx, ast.Store))
    return out


def _public_names(tree: ast.Module) -> list[str]:
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in stmt.targets) \
                and isinstance(stmt.value, (ast.List, ast.Tuple)) \
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in stmt.value.elts):
            return [e.value for e in stmt.value.elts]
    nodes = astwalk.own_nodes(tree.body)
    names = {n for node in nodes if not isinstance(node, (ast.Import, ast.ImportFrom)) for n in _bound_names(node)}
    # Names the module imports are left out unless they come from the project (a package
    # re-exporting its modules' names); a standard-library module is imported where used.
    names |= {n for node in nodes if isinstance(node, ast.ImportFrom) and node.level for n in _bound_names(node)}
    return sorted(n for n in names if not n.startswith("_"))


def _bound_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        return [node.id]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.Import):
        return [a.asname or a.name.split(".")[0] for a in node.names]
    if isinstance(node, ast.ImportFrom):
        return [a.asname or a.name for a in node.names if a.name != "*"]
    if isinstance(node, ast.ExceptHandler) and node.name:
        return [node.name]
    return []


def _scope_locals(node: ast.AST) -> set[str]:
    """Names local to a function, lambda or comprehension (not declared global/nonlocal)."""
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
        return {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
    args = node.args
    params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
    params |= {a.arg for a in (args.vararg, args.kwarg) if a}
    body = node.body if isinstance(node.body, list) else [node.body]
    own = astwalk.own_nodes(body)
    outer = {n for s in own if isinstance(s, (ast.Global, ast.Nonlocal)) for n in s.names}
    bound = {name for s in own for name in _bound_names(s)}
    return (params | bound) - outer


class _Renamer:
    """Rewrites one module: module-level names to linked names, module attribute chains to
    the names they reach, `__name__` to the module's name, project imports to `_Load`s."""

    def __init__(self, linker: _Linker, module: Module):
        self.linker, self.module = linker, module
        self.aliases = linker.aliases.setdefault(module.name, {})
        self.globals_stored: set[str] = set()  # module-level names the current function stores

    def plan_imports(self) -> None:
        """Module-level names bound by project imports: modules, or aliases (resolved later)."""
        for node in astwalk.own_nodes(self.module.parsed.tree.body):
            if isinstance(node, ast.Import):
                self.module.names.update(self._module_bindings(node))
            elif isinstance(node, ast.ImportFrom):
                base = self.linker.import_base(self.module, node)
                if base is None or base.split(".")[0] not in self.linker.by_name:
                    continue
                for alias in node.names:
                    local = alias.asname or alias.name
                    if self.module.binding_counts.get(local) == 1:
                        self.aliases[self.module.names[local]] = (base, alias.name)

    def run(self) -> None:
        tree = self.module.parsed.tree
        tree.body = [s for s in self._stmts(tree.body, []) if not self._foreign_main_guard(s)]

    def _foreign_main_guard(self, stmt) -> bool:
        """`if __name__ == "__main__":` in an imported module: never true, dropped."""
        return bool(self.module.prefix) and isinstance(stmt, ast.If) and not stmt.orelse \
            and isinstance(stmt.test, ast.Compare) and len(stmt.test.comparators) == 1 \
            and {ast.unparse(stmt.test.left), ast.unparse(stmt.test.comparators[0])} == \
            {repr(self.module.name), "'__main__'"}

    def _import(self, node, scopes) -> ast.AST | None:
        """A project import: the modules it loads and the names it binds by copying."""
        modules = self.linker._required(self.module, node) if self._is_project_import(node) else None
        if modules is None:
            return node
        bindings: list[ast.stmt] = []
        library = [a for a in node.names if a.name.split(".")[0] not in self.linker.by_name] \
            if isinstance(node, ast.Import) else []
        if library:  # `import util, math`: math stays an import
            bindings.append(ast.copy_location(ast.Import(names=library), node))
        if isinstance(node, ast.ImportFrom):
            base = self.linker.import_base(self.module, node)
            for alias in node.names:
                local = alias.asname or alias.name
                if scopes and isinstance(scopes[-1][1].get(local), tuple):
                    continue  # a module bound in a function: see _function
                if not scopes and self._lookup(local, scopes) != self.module.names.get(local):
                    continue  # an alias: references name the target directly
                value = self.linker.resolve(base, alias.name)
                if value is None:
                    self.linker.error(self.module, node, f"cannot import name '{alias.name}' from '{base}'",
                                      f"define {alias.name} in {base}")
                    continue
                if isinstance(value, tuple):
                    continue
                target = ast.Name(self._store_name(local, scopes), ast.Store())
                bindings.append(ast.copy_location(ast.Assign([target], ast.Name(value, ast.Load())), node))
        return _Load(modules, [ast.fix_missing_locations(b) for b in bindings], node)

    def _is_project_import(self, node) -> bool:
        return self.linker._is_project_import(self.module, node)

    # ---- scopes ----------------------------------------------------------------------------

    def _module_bindings(self, node) -> dict:
        """The project modules an import statement binds, by local name."""
        found = {}
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in self.linker.by_name:
                    local = alias.asname or alias.name.split(".")[0]
                    found[local] = ("module", alias.name if alias.asname else local)
        elif isinstance(node, ast.ImportFrom):
            base = self.linker.import_base(self.module, node)
            for alias in node.names if base is not None else ():
                if f"{base}.{alias.name}" in self.linker.by_name:
                    found[alias.asname or alias.name] = ("module", f"{base}.{alias.name}")
        return found

    def _store_name(self, name: str, scopes) -> str:
        if scopes and (scopes[-1][0] == "class" or any(name in s for k, s in scopes if k != "class")):
            return name
        new = self.module.names.get(name, name)
        return new if isinstance(new, str) else name

    def _lookup(self, name: str, scopes):
        """None for a local; else what the module-level name stands for."""
        for i, (kind, names) in enumerate(reversed(scopes)):
            if kind == "class" and i > 0:
                continue
            if name in names:
                return names[name] if isinstance(names, dict) else None
        if name == "__name__" and self.module.prefix:
            return ast.Constant(self.module.name)
        new = self.module.names.get(name)
        if new is None:
            return None
        if isinstance(new, str) and new in self.aliases:
            return self.linker.alias_target(*self.aliases[new]) or new
        return new

    # ---- rewriting -------------------------------------------------------------------

    def _stmts(self, stmts: list[ast.stmt], scopes) -> list[ast.stmt]:
        out: list = []
        for stmt in stmts:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                new = self._import(stmt, scopes)
                out.append(new if isinstance(new, (ast.stmt, _Load)) else stmt)
                continue
            out.append(self._node(stmt, scopes))
        return out

    def _node(self, node: ast.AST, scopes):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return self._function(node, scopes)
        if isinstance(node, ast.ClassDef):
            node.bases = [self._node(b, scopes) for b in node.bases]
            node.keywords = [self._node(k, scopes) for k in node.keywords]
            node.decorator_list = [self._node(d, scopes) for d in node.decorator_list]
            inner = scopes + [("class", {n for s in astwalk.own_nodes(node.body) for n in _bound_names(s)})]
            node.body = self._stmts(node.body, inner)
            node.name = self._store_name(node.name, scopes)
            return node
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            # The first iterable is evaluated in the enclosing scope.
            first = node.generators[0]
            first.iter = self._node(first.iter, scopes)
            inner = scopes + [("comp", _scope_locals(node))]
            for i, gen in enumerate(node.generators):
                gen.target = self._node(gen.target, inner)
                if i:
                    gen.iter = self._node(gen.iter, inner)
                gen.ifs = [self._node(c, inner) for c in gen.ifs]
            for name in ("elt", "key", "value"):
                if hasattr(node, name):
                    setattr(node, name, self._node(getattr(node, name), inner))
            return node
        if isinstance(node, ast.Name):
            return self._name(node, scopes)
        if isinstance(node, ast.Attribute):
            chain = self._module_chain(node, scopes)
            if isinstance(chain, tuple):
                self.linker.error(self.module, node, f"module {chain[1]} used as a value is not supported",
                                  f"use {ast.unparse(node)}.<name> directly")
                return node
            if chain is not None:
                return chain
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            if isinstance(node, ast.Global):
                node.names = [self.module.names.get(n, n) if isinstance(self.module.names.get(n), str) else n
                              for n in node.names]
            return node
        if isinstance(node, ast.ExceptHandler) and node.name:
            node.name = self._store_name(node.name, scopes)
        if isinstance(node, (ast.AnnAssign, ast.arg)):
            annotation = node.annotation
            node.annotation = None
            _rewrite_fields(node, lambda n: self._node(n, scopes), self._stmts_in(scopes))
            node.annotation = annotation
            return node
        _rewrite_fields(node, lambda n: self._node(n, scopes), self._stmts_in(scopes))
        return node

    def _stmts_in(self, scopes):
        return lambda stmts: self._stmts(stmts, scopes)

    def _function(self, node, scopes):
        if not isinstance(node, ast.Lambda):
            node.decorator_list = [self._node(d, scopes) for d in node.decorator_list]
        args = node.args
        args.defaults = [self._node(d, scopes) for d in args.defaults]
        args.kw_defaults = [self._node(d, scopes) if d is not None else None for d in args.kw_defaults]
        names = dict.fromkeys(_scope_locals(node))
        for stmt in astwalk.own_nodes(node.body) if not isinstance(node, ast.Lambda) else ():
            names.update(self._module_bindings(stmt))
        inner = scopes + [("function", names)]
        if isinstance(node, ast.Lambda):
            node.body = self._node(node.body, inner)
            return node
        outer, self.globals_stored = self.globals_stored, set()
        node.body = self._stmts(node.body, inner)
        declared = {n for s in node.body if isinstance(s, ast.Global) for n in s.names}
        if self.globals_stored - declared:
            node.body.insert(0, ast.copy_location(ast.Global(sorted(self.globals_stored - declared)), node.body[0]))
        self.globals_stored = outer
        node.name = self._store_name(node.name, scopes)
        return node

    def _name(self, node: ast.Name, scopes):
        value = self._lookup(node.id, scopes)
        if value is None:
            return node
        if isinstance(value, ast.Constant):
            return ast.copy_location(value, node) if isinstance(node.ctx, ast.Load) else node
        if isinstance(value, tuple):
            if isinstance(node.ctx, ast.Load):
                self.linker.error(self.module, node, f"module {value[1]} used as a value is not supported",
                                  f"use {node.id}.<name> directly")
            return node
        if not isinstance(node.ctx, ast.Load) and scopes and any(k != "class" for k, _ in scopes):
            self.globals_stored.add(value)
        return ast.copy_location(ast.Name(value, node.ctx), node)

    def _module_chain(self, node: ast.Attribute, scopes):
        """`mod.attr` (and `pkg.sub.attr`) where `mod` is a project module: the linked
        name, or ("module", name) when the chain is a module itself; None otherwise."""
        base = node.value
        if isinstance(base, ast.Name):
            target = self._lookup(base.id, scopes)
        elif isinstance(base, ast.Attribute):
            target = self._module_chain(base, scopes)
        else:
            return None
        if not isinstance(target, tuple):
            return None
        value = self.linker.resolve(target[1], node.attr)
        if value is None:
            self.linker.error(self.module, node, f"module '{target[1]}' has no attribute '{node.attr}'",
                              f"define {node.attr} in {target[1]}")
            return node
        if isinstance(value, tuple):
            return value
        if not isinstance(node.ctx, ast.Load) and scopes and any(k != "class" for k, _ in scopes):
            self.globals_stored.add(value)
        return ast.copy_location(ast.Name(value, node.ctx), node)

def _rewrite_fields(node: ast.AST, expr, stmts) -> None:
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, list):
            if value and all(isinstance(v, ast.stmt) for v in value):
                setattr(node, name, stmts(value))
            else:
                setattr(node, name, [expr(v) if isinstance(v, ast.AST) else v for v in value])
        elif isinstance(value, ast.AST):
            setattr(node, name, expr(value))


def _loads_in(stmt) -> list[tuple[_Load, bool]]:
    """The project imports in `stmt`, each with whether it runs later than `stmt` (in a
    function body)."""
    if isinstance(stmt, _Load):
        return [(stmt, False)]
    found = []

    def visit(node, deferred: bool) -> None:
        for fieldname in node._fields:
            value = getattr(node, fieldname, None)
            inner = deferred or (fieldname == "body" and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)))
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, _Load):
                    found.append((v, inner))
                elif isinstance(v, ast.AST):
                    visit(v, inner)

    if isinstance(stmt, ast.AST):
        visit(stmt, False)
    return found


def _strip_loads(stmt: ast.stmt, expand) -> ast.stmt:
    """Nested `_Load`s (imports inside if/try/def) become `expand(load)`, or `pass`."""
    for node in ast.walk(stmt):
        for fieldname in node._fields:
            value = getattr(node, fieldname, None)
            if isinstance(value, list) and any(isinstance(v, _Load) for v in value):
                new = []
                for v in value:
                    if isinstance(v, _Load):
                        new.extend(expand(v) or [ast.copy_location(ast.Pass(), node)])
                    else:
                        new.append(v)
                setattr(node, fieldname, new)
    return stmt


def _names_bound_by(stmts: list) -> set[str]:
    """The names statements bind in their own scope (project imports: their bindings)."""
    found: set[str] = set()

    def visit(node) -> None:
        if isinstance(node, _Load):
            for binding in node.bindings:
                visit(binding)
            return
        found.update(_bound_names(node))
        if isinstance(node, astwalk.NESTED_SCOPES):
            return
        for child in ast.iter_child_nodes(node):
            visit(child)
        for value in vars(node).values():  # `_Load`s stand in statement lists
            if isinstance(value, list):
                for v in value:
                    if isinstance(v, _Load):
                        visit(v)

    for stmt in stmts:
        visit(stmt)
    return found


def _runs_code(stmt) -> bool:
    """Whether a module-level statement does more than define: defs, classes, standard
    library imports and the docstring only make names."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
        return False
    return not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str))


def _evaluated_at_definition(stmt) -> list[ast.AST]:
    """What a def or class statement evaluates when it runs (not its functions' bodies)."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return stmt.decorator_list + stmt.args.defaults + [d for d in stmt.args.kw_defaults if d]
    if isinstance(stmt, ast.ClassDef):
        parts = stmt.decorator_list + stmt.bases + [k.value for k in stmt.keywords]
        for inner in stmt.body:
            parts.extend(_evaluated_at_definition(inner) if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                               ast.ClassDef)) else [inner])
        return parts
    return []
