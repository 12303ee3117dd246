"""The program model the inference works on: one place per variable, parameter,
return value and class attribute, and where a name used in some scope lives.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from portalis.analysis.inference.lattice import Place
from portalis.analysis.scopes import Scope, ScopeInfo
from portalis.frontend.parse import ParsedModule


@dataclass
class FunctionFacts:
    """A def (module function, method or nested function) and its places."""
    node: ast.FunctionDef
    qualname: str
    params: list[tuple[str, Place]]
    ret: Place
    cls: "ClassFacts | None" = None
    called: bool = False
    escapes: str = ""  # why it can be called from code the inference does not see

    def param(self, name: str) -> Place | None:
        return next((p for n, p in self.params if n == name), None)


@dataclass
class ClassFacts:
    name: str
    node: ast.ClassDef
    base: str | None
    methods: dict[str, FunctionFacts] = field(default_factory=dict)
    attrs: dict[str, Place] = field(default_factory=dict)  # shared by the whole hierarchy's root


class ProgramModel:
    """Functions, classes, imports and the variable places of a module."""

    def __init__(self, parsed: ParsedModule, scopes: ScopeInfo, solver):
        self.parsed = parsed
        self.scopes = scopes
        self.solver = solver
        self.vars: dict[tuple[int, str], Place] = {}
        self.functions: dict[int, FunctionFacts] = {}  # id(def node) -> facts
        self.module_functions: dict[str, FunctionFacts] = {}
        self.classes: dict[str, ClassFacts] = {}
        self.imports: dict[str, str] = {}  # local name -> "module" or "module.attr"
        self._lookups: dict[tuple[int, str], Place | None] = {}
        self._subclasses: dict[str, list[str]] = {}
        module = parsed.tree
        rebound = _rebound_module_names(module, parsed, scopes)
        for stmt in module.body:
            if isinstance(stmt, ast.ClassDef) and stmt.name not in rebound:
                base = stmt.bases[0].id if len(stmt.bases) == 1 and isinstance(stmt.bases[0], ast.Name) else None
                self.classes[stmt.name] = ClassFacts(stmt.name, stmt, base)
        for node in parsed.nodes:
            if isinstance(node, ast.FunctionDef):
                self.functions[id(node)] = self._function(node)
            elif isinstance(node, ast.Import):
                for a in node.names:
                    self.imports[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
            elif isinstance(node, ast.ImportFrom) and node.module:
                for a in node.names:
                    self.imports[a.asname or a.name] = f"{node.module}.{a.name}"
        for stmt in module.body:
            if isinstance(stmt, ast.FunctionDef) and stmt.name not in rebound and not stmt.decorator_list:
                self.module_functions[stmt.name] = self.functions[id(stmt)]
        for cls in self.classes.values():
            for stmt in cls.node.body:
                if isinstance(stmt, ast.FunctionDef):
                    facts = self.functions[id(stmt)]
                    facts.cls = cls
                    facts.qualname = f"{cls.name}.{stmt.name}"
                    cls.methods[stmt.name] = facts

    def _function(self, node: ast.FunctionDef) -> FunctionFacts:
        scope = self.scopes.scope_of(node)
        params = [(p, self.var(scope, p)) for p in scope.params]
        return FunctionFacts(node, node.name, params, Place(self.solver, f"{node.name}() return"))

    def var(self, scope: Scope, name: str) -> Place:
        key = (id(scope.node), name)
        place = self.vars.get(key)
        if place is None:
            place = self.vars[key] = Place(self.solver, name)
        return place

    def root_class(self, name: str) -> ClassFacts:
        cls = self.classes[name]
        seen = {name}
        while cls.base in self.classes and cls.base not in seen:
            seen.add(cls.base)
            cls = self.classes[cls.base]
        return cls

    def attr(self, cls_name: str, attr: str) -> Place:
        root = self.root_class(cls_name)
        place = root.attrs.get(attr)
        if place is None:
            place = root.attrs[attr] = Place(self.solver, f"{root.name}.{attr}")
            self.solver.changed += 1  # stores by attribute name into every class must see it
        return place

    def method(self, cls_name: str, name: str) -> FunctionFacts | None:
        seen = set()
        while cls_name in self.classes and cls_name not in seen:
            seen.add(cls_name)
            cls = self.classes[cls_name]
            if name in cls.methods:
                return cls.methods[name]
            cls_name = cls.base
        return None

    def subclasses(self, cls_name: str) -> list[str]:
        """The class and every class of the module that inherits from it."""
        found = self._subclasses.get(cls_name)
        if found is None:
            found = self._subclasses[cls_name] = [c for c in self.classes if cls_name in self.ancestors(c)]
        return found

    def ancestors(self, cls_name: str) -> list[str]:
        out = []
        while cls_name in self.classes and cls_name not in out:
            out.append(cls_name)
            cls_name = self.classes[cls_name].base
        return out

    def lookup(self, scope: Scope, name: str) -> Place | None:
        """The place a name read or written in `scope` refers to (None: a module-level
        def, class or import, or a builtin)."""
        key = (id(scope), name)
        if key in self._lookups:
            return self._lookups[key]
        place = self._lookups[key] = self._resolve(scope, name)
        return place

    def _resolve(self, scope: Scope, name: str) -> Place | None:
        s = scope
        if s.kind == "class":
            if name in s.assigned and s.node.name in self.classes:
                return self.attr(s.node.name, name)
            s = s.parent
        while s is not None:
            if s.kind == "module":
                break
            if name in s.declared_global:
                s = self.scopes.module
                break
            if s.kind == "comprehension":
                if name in s.assigned:
                    return self.var(s, name)
            elif s.kind != "class" and name in s.locals:
                return self.var(s, name)
            s = s.parent
        module = self.scopes.module
        if name in module.assigned and name not in self.module_functions and name not in self.classes \
                and name not in self.imports:
            return self.var(module, name)
        return None


def _rebound_module_names(module: ast.Module, parsed: ParsedModule, scopes: ScopeInfo) -> set[str]:
    """Names bound at module level by something other than exactly one def or class
    (a function's local of the same name binds nothing there)."""
    counts: dict[str, int] = {}
    for stmt in module.body:
        if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
            counts[stmt.name] = counts.get(stmt.name, 0) + 1
    rebound = {n for n, c in counts.items() if c > 1}
    local = scopes.local_name_nodes(parsed, set(counts))
    for node in parsed.of_kind(ast.Name):
        if isinstance(node.ctx, (ast.Store, ast.Del)) and node.id in counts and id(node) not in local:
            rebound.add(node.id)
    for node in parsed.of_kind(ast.Global) + parsed.of_kind(ast.Nonlocal):
        rebound.update(n for n in node.names if n in counts)
    return rebound
