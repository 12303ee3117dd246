"""Scopes pass: which names each function binds, reads from outside, or shares.

Python resolves names by scope (local, enclosing, global, builtin) and lets inner
functions capture outer variables by reference.  This pass decides, once for the whole
module, where each name lives in the Rust program:
- a plain Rust local;
- a shared cell (`PyCell`), when an inner function or lambda captures it;
- a module global (a thread-local cell), when a module-level variable is used inside
  a function, lambda or method.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cached_property

from portalis.frontend import astwalk
from portalis.frontend.parse import ParsedModule


@dataclass
class Scope:
    node: ast.AST
    kind: str  # "module", "function", "lambda", "comprehension", "class"
    parent: "Scope | None"
    params: list[str] = field(default_factory=list)
    assigned: set[str] = field(default_factory=set)
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)
    reads: set[str] = field(default_factory=set)
    cells: set[str] = field(default_factory=set)
    free: set[str] = field(default_factory=set)
    children: list["Scope"] = field(default_factory=list)
    is_generator: bool = False  # a function whose body yields
    consumer: str | None = None  # a generator expression passed straight to this builtin (sum, any, ...)

    @cached_property
    def locals(self) -> set[str]:
        """Computed on first use, which comes after the pass has collected every binding
        (the lowering asks for each name it loads or stores)."""
        return (self.assigned | set(self.params)) - self.declared_global - self.declared_nonlocal

    def function_scope(self) -> "Scope":
        """The nearest scope that owns Rust locals (comprehensions live inside one)."""
        scope = self
        while scope.kind == "comprehension" and scope.parent is not None:
            scope = scope.parent
        return scope


@dataclass
class ScopeInfo:
    module: Scope
    by_node: dict[int, Scope]
    module_globals: set[str]  # module-level variables kept as thread-local cells

    def scope_of(self, node: ast.AST) -> Scope:
        return self.by_node[id(node)]

    def local_name_nodes(self, parsed: ParsedModule, names: set[str]) -> set[int]:
        """Ids of the `Name` nodes, among `names`, that a function's own body binds as its
        local (`def gcd(x, y): gcd = 1`): those uses do not touch the module-level name."""
        found: set[int] = set()
        for node in parsed.of_kind(ast.FunctionDef):
            local = names & self.scope_of(node).locals
            if local:
                found.update(id(n) for n in parsed.own_nodes(node) if isinstance(n, ast.Name) and n.id in local)
        return found


class _Collector(ast.NodeVisitor):
    """Builds the scope tree: what each scope binds, declares and reads."""

    def visit(self, node: ast.AST) -> None:
        """`NodeVisitor.visit`, with the `visit_` method looked up once per node class
        instead of once per node (this pass visits every node of the module)."""
        method = self._methods.get(node.__class__)
        if method is None:
            method = self._methods[node.__class__] = getattr(self, "visit_" + node.__class__.__name__,
                                                             self.generic_visit)
        method(node)

    def generic_visit(self, node: ast.AST) -> None:
        for child in astwalk.children(node):
            self.visit(child)

    def __init__(self, module: ast.Module):
        self.root = Scope(module, "module", None)
        self.by_node = {id(module): self.root}
        self.current = self.root
        self._consumers: dict[int, str] = {}
        self._methods: dict[type, object] = {}

    def _enter(self, node: ast.AST, kind: str) -> Scope:
        scope = Scope(node, kind, self.current)
        self.current.children.append(scope)
        self.by_node[id(node)] = scope
        return scope

    def _bind(self, name: str) -> None:
        self.current.assigned.add(name)

    def _args(self, args: ast.arguments) -> list[str]:
        names = [a.arg for a in args.posonlyargs + args.args]
        if args.vararg:
            names.append(args.vararg.arg)
        names += [a.arg for a in args.kwonlyargs]
        if args.kwarg:
            names.append(args.kwarg.arg)
        return names

    def _function(self, node, kind: str, body) -> None:
        for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            self.visit(default)
        outer = self.current
        scope = self._enter(node, kind)
        scope.params = self._args(node.args)
        self.current = scope
        for stmt in body:
            self.visit(stmt)
        self.current = outer

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for deco in node.decorator_list:
            self.visit(deco)
        self._bind(node.name)
        self._function(node, "function", node.body)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._function(node, "lambda", [node.body])

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for base in node.bases:
            self.visit(base)
        for deco in node.decorator_list:
            self.visit(deco)
        self._bind(node.name)
        outer = self.current
        self.current = self._enter(node, "class")
        for stmt in node.body:
            self.visit(stmt)
        self.current = outer

    def visit_Call(self, node: ast.Call) -> None:
        arg = node.args[0] if len(node.args) == 1 and not node.keywords else None
        if isinstance(arg, ast.GeneratorExp) and not any(isinstance(n, ast.NamedExpr) for n in astwalk.walk(arg)):
            func = node.func
            if isinstance(func, ast.Name) and func.id in _CONSUMERS:
                self._consumers[id(arg)] = func.id
            elif isinstance(func, ast.Attribute) and func.attr == "join":
                self._consumers[id(arg)] = ""
        self.generic_visit(node)

    def _comprehension(self, node, elements) -> None:
        self.visit(node.generators[0].iter)
        outer = self.current
        self.current = self._enter(node, "comprehension")
        self.current.consumer = self._consumers.get(id(node))
        for i, gen in enumerate(node.generators):
            if i:
                self.visit(gen.iter)
            self.visit(gen.target)
            for cond in gen.ifs:
                self.visit(cond)
        for elt in elements:
            self.visit(elt)
        self.current = outer

    def visit_ListComp(self, node):
        self._comprehension(node, [node.elt])

    visit_SetComp = visit_ListComp
    visit_GeneratorExp = visit_ListComp

    def visit_DictComp(self, node):
        self._comprehension(node, [node.key, node.value])

    def visit_Yield(self, node) -> None:
        self.current.function_scope().is_generator = True
        self.generic_visit(node)

    visit_YieldFrom = visit_Yield

    def visit_Global(self, node: ast.Global) -> None:
        self.current.declared_global.update(node.names)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        self.current.declared_nonlocal.update(node.names)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            self._bind(node.id)
        else:
            self.current.reads.add(node.id)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        # The walrus binds in the enclosing function, even inside a comprehension.
        self.visit(node.value)
        target = self.current.function_scope()
        target.assigned.add(node.target.id)

    def _import(self, node) -> None:
        # Modules are compiled in, so an import anywhere makes the name module-wide.
        for alias in node.names:
            self.root.assigned.add((alias.asname or alias.name).split(".")[0])

    visit_Import = _import
    visit_ImportFrom = _import

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self._bind(node.name)
        self.generic_visit(node)


def _defining_scope(scope: Scope, name: str) -> Scope | None:
    """The enclosing function scope that binds `name` (class scopes are skipped)."""
    outer = scope.parent
    while outer is not None:
        if outer.kind in ("function", "lambda") and name in outer.locals:
            return outer
        if outer.kind == "comprehension" and name in outer.assigned:
            return outer
        if outer.kind == "module":
            return None
        outer = outer.parent
    return None


# Builtins that consume a generator expression passed to them before they return.
_CONSUMERS = frozenset({"sum", "any", "all", "min", "max", "list", "sorted", "tuple", "set", "frozenset", "dict"})


def _inlined_between(user: Scope, owner: Scope) -> bool:
    """Whether only eager comprehensions (list, set, dict: lowered inline, run at
    once) lie between a scope reading a variable and the scope owning it, so the
    variable needs no cell.  A generator expression runs later and a lambda or def
    may outlive the call: those read the variable through a cell, unless the generator
    is handed straight to a builtin that consumes it (`sum(x * k for x in v)`)."""
    scope = user
    while scope is not owner:
        if scope.kind != "comprehension":
            return False
        if isinstance(scope.node, ast.GeneratorExp) and (scope.consumer is None or _shadowed(scope.consumer, scope)):
            return False
        scope = scope.parent
    return True


def _shadowed(builtin: str, scope: Scope | None) -> bool:
    """A generator passed to `builtin` is consumed at once, unless the name is rebound."""
    while scope is not None:
        if builtin in scope.assigned or builtin in scope.params:
            return True
        scope = scope.parent
    return False


def _resolve(scope: Scope, module: Scope, module_globals: set[str]) -> None:
    if scope.kind != "module":
        wanted = (scope.reads - scope.locals) | scope.declared_nonlocal
        for name in wanted:
            owner = _defining_scope(scope, name)
            if owner is not None and name not in scope.declared_global:
                if owner.kind != "comprehension" and not _inlined_between(scope, owner):
                    owner.cells.add(name)
                # every scope between the user and the owner passes the cell through
                walk = scope
                while walk is not owner:
                    if walk.kind != "class":
                        walk.free.add(name)
                    walk = walk.parent
            elif name in module.assigned and scope.function_scope().kind != "module":
                module_globals.add(name)
        for name in scope.declared_global:
            module_globals.add(name)
    for child in scope.children:
        _resolve(child, module, module_globals)


def bind_names(parsed: ParsedModule) -> ScopeInfo:
    collector = _Collector(parsed.tree)
    collector.visit(parsed.tree)
    module_globals: set[str] = set()
    _resolve(collector.root, collector.root, module_globals)
    # Comprehensions at module level that are read from functions stay module locals.
    return ScopeInfo(collector.root, collector.by_node, module_globals)
