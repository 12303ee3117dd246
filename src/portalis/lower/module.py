"""Lowering pass: the analysed Python module to the typed Rust IR (`portalis.ir`).

This module owns program structure and statements: module globals, functions and
their parameters, classes, control flow (loops with labels, `try` as a labelled loop
with an error slot, `finally` run on every exit), assignment targets and unpacking.
Expressions are in `lower.expr`, calls (builtins, user functions, methods, stdlib) in
`lower.calls`.  Problems are collected as diagnostics; lowering goes on so that every
problem in the file is reported at once.
"""
from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field

from portalis.frontend import astwalk, generators
from portalis import ir
from portalis.diagnostics import Diagnostic, TranslationError
from portalis.analysis.effects import EffectInfo
from portalis.lower.calls import CallLowering, cpython_import_fails
from portalis.lower.containers import ContainerLowering
from portalis.lower.dicts import DictLowering
from portalis.lower.sets import SetLowering
from portalis.lower.strings import StringLowering
from portalis.lower.tuples import TupleLowering, is_option_type, is_tuple_type
from portalis.lower.classes import ClassInfo, ClassLowering, FunctionSig
from portalis.lower.expr import ExprLowering, target_names
from portalis.lower.infallible import drop_results
from portalis.lower.native import ZERO, NativeLowering
from portalis.lower.structs import StructLowering, is_struct_type
from portalis.lower.unbound import UnboundLowering
from portalis.lower.traceback import TracebackLowering
from portalis.analysis.definite_assignment import Unbound
from portalis.frontend.parse import ParsedModule
from portalis.emit.names import ident, static_ident, str_literal
from portalis.analysis.scopes import Scope, ScopeInfo
from portalis.analysis.types import TypeInfo
from portalis.analysis.inference.containers import is_range_call

# Identifiers keep the Python program's own names (camelCase ones included), so Rust's
# naming-style lint is the one lint turned off.
HEADER = "#![allow(non_snake_case)]\n\nuse portalis_runtime::*;\n"
_MAIN_GUARDS = {"__name__ == '__main__'", "'__main__' == __name__"}


def _is_literal(node: ast.expr) -> bool:
    """A default that evaluates to the same immutable value wherever it is evaluated."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    if isinstance(node, ast.Tuple):
        return all(_is_literal(e) for e in node.elts)
    return isinstance(node, ast.Constant)


@dataclass
class LoopCtx:
    label: str
    break_flag: str | None = None  # set when the loop has an else clause
    label_used: bool = False


@dataclass
class TryCtx:
    target: ir.CatchTarget
    used: bool = False


@dataclass
class FinallyCtx:
    body: list[ast.stmt]


@dataclass
class FnCtx:
    """Per-function lowering state."""
    scope: Scope
    kind: str  # "module", "function", "lambda", "method"
    homes: dict[str, tuple[int, bool]] = field(default_factory=dict)  # local -> (home block, bound first)
    store_counts: dict[str, int] = field(default_factory=dict)
    declared: set[str] = field(default_factory=set)
    stack: list = field(default_factory=list)  # LoopCtx | TryCtx | FinallyCtx, innermost last
    comp_vars: list[dict[str, str]] = field(default_factory=list)
    comp_types: dict[str, str] = field(default_factory=dict)  # native comprehension variables' Rust types
    counter: int = 0
    handler_vars: list[str] = field(default_factory=list)  # caught exceptions, innermost last
    hoisted: bool = False  # a local was declared early: its first value may go unread
    generator: str | None = None  # in a generator: the Vec collecting yielded values
    returns: str | None = None  # the native type the function returns (None: a Value)
    unbound: Unbound = field(default_factory=Unbound)  # reads that may find their variable unbound
    bound_flags: dict[str, str] = field(default_factory=dict)  # such variables -> their Rust bound flag
    code: str | None = None  # the frame's code descriptor ("<module>": the module's, by line)

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}_{self.counter}"

    def try_target(self) -> TryCtx | None:
        for entry in reversed(self.stack):
            if isinstance(entry, TryCtx):
                return entry
        return None


class LoweredItem:
    """A top-level item with the facts streaming needs."""

    def __init__(self, kind: str, name: str, items: list):
        self.kind, self.name, self.items = kind, name, items


class Lowerer(ExprLowering, NativeLowering, ContainerLowering, DictLowering, SetLowering, TupleLowering, StringLowering,
              CallLowering, ClassLowering, StructLowering, UnboundLowering, TracebackLowering):
    def __init__(self, parsed: ParsedModule, scopes: ScopeInfo, types: TypeInfo, effects: EffectInfo):
        self.parsed = parsed
        self.filename = parsed.filename
        self.scopes = scopes
        self.types = types
        self.effects = effects
        self.diagnostics: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []
        self.functions: dict[str, FunctionSig] = {}
        self.classes: dict[str, ClassInfo] = {}
        self.imports: dict[str, str] = {}  # local name -> "module" or "module.attr"
        self.unavailable: dict[str, tuple] = {}  # imported names Portalis lacks -> (import, message, hint)
        self.used_unavailable: set[str] = set()
        self.default_cells: list[str] = []  # statics holding mutable parameter defaults
        self.decorated: dict[int, FunctionSig] = {}  # id(def) -> module functions held in variables
        self._collect_module_names()
        self.global_vars = {n for n in scopes.module_globals if n not in self.functions and n not in self.classes
                            and n not in self.imports and n not in self.unavailable}
        # Attributes assigned on module functions (`f.cache = {}`): one static each.
        self.function_attrs = {(n.value.id, n.attr): static_ident(f"{n.value.id}_attr_{n.attr}", "FN_")
                               for n in self.parsed.of_kind(ast.Attribute)
                               if isinstance(n.ctx, ast.Store)
                               and isinstance(n.value, ast.Name) and n.value.id in self.functions
                               and n.value.id not in self.global_vars}
        called = {id(n.func) for n in self.parsed.of_kind(ast.Call)}
        called |= self.scopes.local_name_nodes(self.parsed, set(self.functions))
        self.function_value_cells = {n.id: static_ident(f"{n.id}_value", "FN_") for n in self.parsed.of_kind(ast.Name)
                                     if isinstance(n.ctx, ast.Load) and id(n) not in called
                                     and n.id in self.functions and n.id not in self.global_vars}
        self.ctx: FnCtx | None = None
        self.init_frames()
        self.current_class_info: ClassInfo | None = None  # set while lowering a method

    def py_name(self, name: str, qualified: bool = False) -> str:
        """The name Python knows a module-level function or class by (a project's modules
        are linked under project-unique names); `qualified` adds its module unless that
        is `__main__`, as tracebacks do.  A per-signature copy of a function is known by
        the function's name."""
        name = self.parsed.specialised.get(name, name)
        full = self.parsed.display_names.get(name)
        if full is None:  # not a linked name: a qualified name such as `Board.remove` stays
            return name
        return full if qualified else full.rpartition(".")[2]

    # ---- diagnostics -----------------------------------------------------------------

    def error(self, node: ast.AST, message: str, hint: str = "") -> None:
        line = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0) + 1
        self.diagnostics.append(Diagnostic(self.filename, line, col, message, hint))

    def warn(self, node: ast.AST, message: str, hint: str = "") -> None:
        line = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0) + 1
        self.warnings.append(Diagnostic(self.filename, line, col, message, hint, "warning"))

    # ---- module structure ----------------------------------------------------------------

    def _collect_module_names(self) -> None:
        tree = self.parsed.tree
        rebound = astwalk.rebound_functions(tree.body, self.parsed.own_nodes(tree))
        # Classes of the module scope, also those in if/try/with/loop blocks (not in defs).
        self.module_classes = [n for n in self.parsed.own_nodes(tree) if isinstance(n, ast.ClassDef)]
        self.module_classes.sort(key=lambda n: (n.lineno, n.col_offset))
        for stmt in self.parsed.tree.body:
            if isinstance(stmt, ast.FunctionDef) and (stmt.decorator_list or stmt.name in rebound):
                # `@deco def f`, or a name bound more than once: each def is a Rust fn of its
                # own, and `f` a variable holding what the (decorated) def statement made last.
                suffix = "_undecorated" if stmt.decorator_list else f"_def{stmt.lineno}"
                self.decorated[id(stmt)] = self._signature(stmt, ident(stmt.name) + suffix)
            elif isinstance(stmt, ast.FunctionDef):
                self.functions[stmt.name] = self._signature(stmt, ident(stmt.name))
        for node in self.parsed.nodes:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                self._collect_import(node)
        for stmt in self.module_classes:  # after the imports: a class may derive from an imported type
            if stmt.name in self.classes:
                self.error(stmt, f"class {stmt.name} is defined more than once",
                           "give each class its own name")
            else:
                self._collect_class(stmt)

    def _signature(self, node: ast.FunctionDef | ast.Lambda, rust_name: str, default_cells: bool = True) -> FunctionSig:
        args = node.args
        positional = [a.arg for a in args.posonlyargs + args.args]
        defaults = dict(zip(positional[len(positional) - len(args.defaults):], args.defaults))
        for a, d in zip(args.kwonlyargs, args.kw_defaults):
            if d is not None:
                defaults[a.arg] = d
        sig = FunctionSig(rust_name, positional, defaults, args.vararg.arg if args.vararg else None,
                          [a.arg for a in args.kwonlyargs], args.kwarg.arg if args.kwarg else None, node)
        for param, default in defaults.items() if default_cells else ():
            # Python evaluates a default once, when the def runs, in the scope of the def:
            # any default but a literal is kept in a cell set at the def statement.
            if not _is_literal(default):
                cell = static_ident(f"{rust_name}_default_{param}", "DEFAULT_")
                sig.default_cells[param] = cell
                self.default_cells.append(cell)
        return sig

    def param_default(self, sig: FunctionSig, param: str) -> ir.Expr:
        """A parameter's default at a call site: the object created once when the def
        ran, as in Python; a literal is written in place."""
        cell = sig.default_cells.get(param)
        if cell is not None:
            return ir.MethodCall(ir.Var(cell), "get_value", [])
        return self._default_value(sig.defaults[param])

    def init_default_cells(self, sig: FunctionSig, out) -> None:
        """Create the mutable defaults of `sig` (at its def or class statement)."""
        for param, cell in sig.default_cells.items():
            value = self.own(self.expr(sig.defaults[param]))
            out.append(ir.ExprStmt(ir.MethodCall(ir.Var(cell), "set_value", [value])))

    def _is_exception_name(self, name: str) -> bool:
        if name in self.classes:
            return self.classes[name].is_exception
        from portalis.lower.calls import BUILTIN_EXCEPTIONS
        return name in BUILTIN_EXCEPTIONS

    def _collect_import(self, stmt) -> None:
        from portalis.lower.calls import check_import
        for local, message, hint in check_import(stmt, self.imports):
            self.unavailable[local] = (stmt, message, hint)

    # ---- program -------------------------------------------------------------------------

    def iter_items(self):
        """Lower item by item: globals, classes, functions, then the module body."""
        tree = self.parsed.tree
        globals_ = sorted(static_ident(name) for name in self.global_vars)
        globals_ += sorted(self.function_attrs.values()) + sorted(self.function_value_cells.values())
        if globals_ or self.default_cells:
            lines = ["thread_local! {"]
            for name in globals_:
                lines.append(f"    static {name}: PyCell = PyCell::unbound();")
            for name in self.default_cells:
                lines.append(f"    static {name}: PyCell = PyCell::default();")
            lines.append("}")
            yield LoweredItem("prelude", "globals", [ir.RawItem("\n".join(lines), "global", "globals")])
        for stmt in self.module_classes:
            if self.classes.get(stmt.name) and self.classes[stmt.name].node is stmt:
                items = self._lower_class(stmt)
                yield LoweredItem("class", stmt.name, self.take_codes() + items)
        for stmt in tree.body:
            if isinstance(stmt, ast.FunctionDef):
                sig = self.decorated.get(id(stmt)) or self.functions[stmt.name]
                function = self._lower_function(stmt, sig, decorated=True)
                yield LoweredItem("function", stmt.name, self.take_codes() + [function])
        items = self._lower_module_body(tree)
        yield LoweredItem("main", "main", self.take_codes() + items)
        for name, (stmt, message, hint) in self.unavailable.items():
            if name in self.used_unavailable:
                continue
            if cpython_import_fails(stmt):  # CPython stops here with ImportError: so must we
                self.error(stmt, message, hint)
            else:
                self.warn(stmt, f"{message}; the import is ignored because nothing uses {name}", hint)
        if self.diagnostics:
            raise TranslationError(sorted(self.diagnostics, key=lambda d: (d.line, d.col)))

    def lower_program(self) -> ir.Program:
        items = []
        for lowered in self.iter_items():
            items.extend(lowered.items)
        drop_results(items, {sig.rust_name for sig in self.functions.values()})
        return ir.Program(items, HEADER)

    def _lower_module_body(self, tree: ast.Module) -> list:
        scope = self.scopes.module
        self.ctx = FnCtx(scope, "module", *local_bindings(tree.body), code="<module>")
        flags: list[ir.Stmt] = []
        self.start_bound_flags(tree.body, flags)
        body = self._nested_block(tree.body)
        body.stmts[:0] = flags
        body.tail = ir.Raw("Ok(())")
        module_fn = ir.Function("module_body", [], "PyResult<()>", body,
                                doc=f"The top-level statements of {self.filename}.",
                                allow_unused_assignments=self.ctx.hoisted)
        script = str_literal(self.filename)
        return [module_fn, ir.RawItem(f"fn main() {{\n    io::run_main({script}, module_body);\n}}", "main", "main")]

    # ---- functions ---------------------------------------------------------------------

    def _lower_function(self, node: ast.FunctionDef, sig: FunctionSig, kind: str = "function",
                        decorated: bool = False) -> ir.Function:
        for deco in node.decorator_list if not decorated else ():
            self._check_decorator(deco, kind)
        scope = self.scopes.scope_of(node)
        outer = self.ctx
        self.ctx = FnCtx(scope, kind, *local_bindings(node.body), code=self.frame_code(self.frame_name(node), node))
        outer_positions, self.positions = self.positions, []
        native = self.param_types(node.name) if kind == "function" else self.method_param_types(node)
        params = [ir.Param(ident(p), (native[i] if i < len(native) else None) or "Value")
                  for i, p in enumerate(scope.params)]
        prologue = self._param_prologue(scope, params)
        self.start_bound_flags(node.body, prologue)
        returns = self.return_type(node.name) if kind == "function" else self.method_return_type(node)
        self.ctx.returns = returns
        body = self._lower_function_body(node)
        body.stmts[:0] = prologue
        allow = self.ctx.hoisted
        self.ctx, self.positions = outer, outer_positions
        doc = ast.get_docstring(node) or ""
        first_line = doc.strip().splitlines()[0] if doc.strip() else ""
        ret = f"PyResult<{returns or 'Value'}>"
        return ir.Function(sig.rust_name, params, ret, body, doc=first_line,
                           python_name=node.name, allow_unused_assignments=allow)

    def _lower_function_body(self, node: ast.FunctionDef) -> ir.Block:
        """The body of a def; a generator collects what it yields and returns an iterator.
        Each call counts one frame against the recursion limit."""
        body = self._function_block(node)
        body.stmts.insert(0, ir.Let("_frame", ir.Try(ir.Call("frames::enter", []))))
        return body

    def _function_block(self, node: ast.FunctionDef) -> ir.Block:
        if self.effects.is_generator(node):
            if _infinite_generator(node):
                self.error(node, f"generator {node.name}() never finishes; infinite generators are not supported yet",
                           "give the loop an end, or yield from a bounded range")
            self.ctx.generator = self.ctx.fresh("yielded")
            body = self._nested_block(node.body)
            body.stmts.insert(0, ir.Let(self.ctx.generator, ir.Raw("Vec::new()"), mutable=True, ty="Vec<Value>"))
            if not astwalk.ends_with_return(node.body):
                body.tail = ir.Call("Ok", [self.generator_result()])
            return body
        body = self._nested_block(node.body)
        if not astwalk.ends_with_return(node.body):
            body.tail = ir.Raw("Ok(Value::None)")
        elif body.stmts and isinstance(body.stmts[-1], ir.Return) and body.stmts[-1].value is not None:
            body.tail = body.stmts.pop().value  # a final `return x` reads better as the tail `Ok(x)`
        return body

    def generator_result(self) -> ir.Expr:
        items = ir.MethodCall(ir.Var(self.ctx.generator), "into_iter", [])
        return ir.Call("iter::into_iter_value", [ir.Call("iter::Iter::Values", [items])])

    def _check_decorator(self, deco: ast.expr, kind: str) -> None:
        if kind == "method":
            return  # the class applies them (lower/classes.py)
        self.error(deco, f"decorator @{ast.unparse(deco)} is not supported yet",
                   "call the wrapping function explicitly")

    def _param_prologue(self, scope: Scope, params: list[ir.Param]) -> list[ir.Stmt]:
        """Cells for captured parameters, `mut` for reassigned ones."""
        stmts = []
        for p, name in zip(params, scope.params):
            if name in scope.cells:
                stmts.append(ir.Let(p.name, ir.Call("PyCell::new", [ir.Var(p.name)])))
            elif self.ctx.store_counts.get(name, 0) > 0:
                p.mutable = True
            self.ctx.declared.add(name)
        for name in sorted(scope.cells - set(scope.params)):
            initial = ir.Call("PyCell::new", [self._before_def(name, "free")]) if name in self._def_only_names() \
                else ir.Raw("PyCell::default()")
            stmts.append(ir.Let(ident(name), initial))
            self.ctx.declared.add(name)
        return stmts

    def _def_only_names(self) -> set[str]:
        """The locals of the current function that only `def` statements bind."""
        fn = self.ctx.scope.node
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return set()
        defs, others = set(), set(self.ctx.scope.params)
        for n in astwalk.own_nodes(fn.body):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n is not fn:
                defs.add(n.name)
            elif isinstance(n, ast.ClassDef):
                others.add(n.name)
            elif isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load):
                others.add(n.id)
            elif isinstance(n, (ast.Import, ast.ImportFrom)):
                others.update((a.asname or a.name).split(".")[0] for a in n.names)
            elif isinstance(n, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar, ast.MatchMapping)):
                others.add(getattr(n, "name", None) or getattr(n, "rest", None))
        return defs - others

    @staticmethod
    def _before_def(name: str, kind: str) -> ir.Expr:
        """What a nested function's name holds before its `def` runs: calling it raises
        CPython's UnboundLocalError (or NameError, from a closure)."""
        return ir.Call("builtins::before_def", [ir.Raw(str_literal(name)), ir.Raw("true" if kind == "free" else "false")])

    def _default_value(self, node: ast.expr) -> ir.Expr:
        """A parameter default, evaluated where the call happens (outside any `try`)."""
        if self.ctx is None:
            self.ctx = FnCtx(self.scopes.module, "module")
            value = self.own(self.expr(node))
            self.ctx = None
            return value
        outer_stack = self.ctx.stack
        self.ctx.stack = []
        value = self.own(self.expr(node))
        self.ctx.stack = outer_stack
        return value

    # ---- statements ----------------------------------------------------------------------

    def _hoist(self, stmts: list[ast.stmt], out: list[ir.Stmt]) -> None:
        """Declare the locals whose home is this block but whose first binding is nested.

        A local is declared in the innermost block that holds all its uses; where its
        first use there is a plain assignment the assignment itself becomes the `let`.
        """
        for name, (home, direct_first) in self.ctx.homes.items():
            if home != id(stmts) or direct_first or name in self.ctx.declared:
                continue
            if not self._is_local(name) or self._is_cell(name):
                continue
            ty = self.var_type(name)
            initial = self._before_def(name, "local") if ty == "Value" and name in self._def_only_names() \
                else ir.Raw("Value::None") if ty == "Value" else ir.Raw(ZERO[ty], ty=ty) if ty in ZERO \
                else self.struct_zero(ty) if is_struct_type(ty) else ir.Raw("List::default()", ty=ty)
            out.append(ir.Let(ident(name), initial, mutable=True))
            self.ctx.declared.add(name)
            self.ctx.hoisted = True

    def stmt(self, node: ast.stmt, out: list[ir.Stmt]) -> None:
        method = getattr(self, f"stmt_{type(node).__name__}", None)
        if method is None:
            self.error(node, f"{type(node).__name__} statements are not supported yet",
                       "rewrite this statement with supported constructs")
            return
        self.positions.append(node)
        outer_code = self.enter_text_frame(node)
        try:
            method(node, out)
        except RecursionError:
            self.error(node, "statement nested too deeply to translate", "split it into smaller statements")
        finally:
            self.positions.pop()
            self.ctx.code = outer_code

    def stmt_Pass(self, node, out) -> None:
        pass

    def stmt_Global(self, node, out) -> None:
        pass

    stmt_Nonlocal = stmt_Global

    def stmt_Import(self, node, out) -> None:
        """Imports bind nothing at run time, except names from `typing` that the program
        reads as values (`T = TypeVar("T")`, `Matrix = List[List[int]]`)."""
        if isinstance(node, ast.ImportFrom) and node.module in ("typing", "typing_extensions"):
            for alias in node.names:
                local = alias.asname or alias.name
                if self._is_local(local) or local in self.global_vars:
                    value = ir.Call("generic_alias::typing_name", [ir.Raw(str_literal(alias.name))])
                    self.store_name(local, value, out, node)

    stmt_ImportFrom = stmt_Import

    def stmt_FunctionDef(self, node: ast.FunctionDef, out) -> None:
        if self.ctx.kind == "module" and node.name in self.functions:
            self.init_default_cells(self.functions[node.name], out)  # the fn itself is a Rust item
            return
        if self.ctx.kind == "module" and id(node) in self.decorated:
            sig = self.decorated[id(node)]
            self.init_default_cells(sig, out)
            value = self.function_value(node.name, sig)
            for deco in reversed(node.decorator_list):
                value = self.fallible(ir.Call("builtins::call", [self.ref(self.expr(deco)), ir.VecLit([value])]))
            self.store_name(node.name, value, out, node)
            return
        closure = self.function_value_closure(node)
        self.store_name(node.name, closure, out, node)

    def stmt_Expr(self, node: ast.Expr, out) -> None:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return  # docstring
        if isinstance(node.value, (ast.Yield, ast.YieldFrom)) and self.ctx.generator:
            acc = ir.Var(self.ctx.generator)
            if isinstance(node.value, ast.Yield):
                value = self.own(self.expr(node.value.value)) if node.value.value else ir.Raw("Value::None")
                out.append(ir.ExprStmt(ir.MethodCall(acc, "push", [value])))
            else:
                items = self.fallible(ir.Call("iter::collect_vec", [self.ref(self.expr(node.value.value))]))
                out.append(ir.ExprStmt(ir.MethodCall(acc, "extend", [items])))
            return
        value = self.expr(node.value)
        if isinstance(value, ir.Var):
            return
        out.append(ir.ExprStmt(value))

    def stmt_Return(self, node: ast.Return, out) -> None:
        if self.ctx.kind == "module":
            self.error(node, "return outside a function", "remove the return statement")
            return
        if self.ctx.returns and is_tuple_type(self.ctx.returns) and isinstance(node.value, ast.Tuple):
            value = self.return_tuple(node.value, self.ctx.returns)
        elif self.ctx.returns and is_option_type(self.ctx.returns):
            value = self.return_option(node.value, self.ctx.returns)
        elif self.ctx.returns:
            value = self.to_native(self.expr(node.value) if node.value is not None else ir.Raw("Value::None"),
                                   self.ctx.returns)
        else:
            value = self.own(self.expr(node.value)) if node.value is not None else ir.Raw("Value::None")
        if self.ctx.generator:
            value = self.generator_result()
        if self._pending_finally():
            tmp = self.ctx.fresh("ret")
            out.append(ir.Let(tmp, value))
            self._run_finally_blocks(out, until=None)
            value = ir.Var(tmp)
        out.append(ir.Return(ir.Call("Ok", [value])))

    def _pending_finally(self) -> bool:
        return any(isinstance(e, FinallyCtx) for e in self.ctx.stack)

    def _run_finally_blocks(self, out, until) -> None:
        """Inline the bodies of the `finally` clauses being left, innermost first."""
        saved = list(self.ctx.stack)
        for i in range(len(saved) - 1, -1, -1):
            entry = saved[i]
            if entry is until:
                break
            if isinstance(entry, FinallyCtx):
                self.ctx.stack = saved[:i]
                for stmt in entry.body:
                    self.stmt(stmt, out)
        self.ctx.stack = saved

    def stmt_Assign(self, node: ast.Assign, out) -> None:
        if self.independent_names_assign(node, out) or self.parallel_assign(node, out):
            return
        value = self.expr(node.value)
        if len(node.targets) == 1:
            self.assign(node.targets[0], value, out)
            return
        tmp = self.ctx.fresh("value")
        out.append(ir.Let(tmp, self.own(value)))
        for target in node.targets:
            self.assign(target, ir.Var(tmp), out)

    def stmt_AnnAssign(self, node: ast.AnnAssign, out) -> None:
        if node.value is not None:
            self.assign(node.target, self.expr(node.value), out)
        if self.ctx.kind == "module" and node.simple:
            self._annotation_name_error(node.annotation, out)

    def _annotation_name_error(self, annotation: ast.expr, out) -> None:
        """CPython evaluates a module-level annotation (`x: T`), so a name in it that is defined
        nowhere raises NameError on that line; the names defined somewhere are not read."""
        names = sorted((n for n in ast.walk(annotation) if isinstance(n, ast.Name)),
                       key=lambda n: (n.lineno, n.col_offset))
        for name in names:
            if not self._defined_somewhere(name.id):
                out.append(ir.ExprStmt(self.load_name(name.id, name)))
                return

    def _defined_somewhere(self, name: str) -> bool:
        return (self._is_local(name) or self._is_cell(name) or name in self.global_vars
                or name in self.functions or name in self.classes or name in self.imports or name in self.unavailable or hasattr(builtins, name)
                or name in ("__name__", "__doc__"))

    def stmt_AugAssign(self, node: ast.AugAssign, out) -> None:
        op = _INPLACE_OPS.get(type(node.op))
        target = node.target
        check = self.bound_check(target) if isinstance(target, ast.Name) else None
        if check is not None:
            out.append(ir.ExprStmt(check))
        if self.typed_augassign(node, out) or self.typed_dict_augassign(node, out) or self.str_augassign(node, out):
            return
        if isinstance(target, ast.Name):
            current = self.load_name(target.id, target)
            operand = self.expr(node.value)
            value = self.native_binop(type(node.op), current, operand) or \
                self.fallible(ir.Call(op, [self.ref(current), self.ref(operand)]))
            self.store_name(target.id, value, out, target)
        elif isinstance(target, ast.Subscript) and not isinstance(target.slice, ast.Slice):
            obj, key = self._temp(self.expr(target.value), out), self._temp(self.expr(target.slice), out)
            current = self.fallible(ir.Call("ops::getitem", [ir.Ref(obj), ir.Ref(key)]))
            value = self.fallible(ir.Call(op, [self.ref(current), self.ref(self.expr(node.value))]))
            out.append(ir.ExprStmt(self.fallible(ir.Call("ops::setitem", [ir.Ref(obj), ir.Ref(key), value]))))
        elif isinstance(target, ast.Attribute) and self.struct_augassign(node, op, out):
            pass
        elif isinstance(target, ast.Attribute):
            obj = self._temp(self.expr(target.value), out)
            current = self.fallible(ir.Call("classes::getattr", [ir.Ref(obj), ir.Raw(str_literal(target.attr))]))
            value = self.fallible(ir.Call(op, [self.ref(current), self.ref(self.expr(node.value))]))
            out.append(ir.ExprStmt(self.fallible(ir.Call("classes::setattr", [
                ir.Ref(obj), ir.Raw(str_literal(target.attr)), value]))))
        else:
            self.error(node, "this augmented assignment target is not supported", "assign to a name, item or attribute")

    def _temp(self, value: ir.Expr, out) -> ir.Var:
        if isinstance(value, ir.Var) and value.ty == "Value":
            return value
        name = self.ctx.fresh("tmp")
        out.append(ir.Let(name, self.own(value)))
        return ir.Var(name)

    def assign(self, target: ast.expr, value: ir.Expr, out) -> None:
        if isinstance(target, ast.Name):
            self.store_name(target.id, value, out, target)
        elif isinstance(target, (ast.Tuple, ast.List)):
            self._unpack(target, value, out)
        elif isinstance(target, ast.Subscript) and (self.typed_item_store(target, value, out)
                                                    or self.typed_dict_store(target, value, out)):
            return
        elif isinstance(target, ast.Subscript):
            obj = self.expr(target.value)
            if isinstance(target.slice, ast.Slice):
                bounds = [self.ref(self._bound(b)) for b in (target.slice.lower, target.slice.upper, target.slice.step)]
                out.append(ir.ExprStmt(self.fallible(ir.Call("ops::setslice", [self.ref(obj), *bounds, self.ref(value)]))))
            else:
                key = self.expr(target.slice)
                if key.ty == "i64":
                    call = ir.Call("ops::setitem_int", [self.ref(obj), key, self.own(value)])
                else:
                    call = ir.Call("ops::setitem", [self.ref(obj), self.ref(key), self.own(value)])
                out.append(ir.ExprStmt(self.fallible(call)))
        elif isinstance(target, ast.Attribute) and self.function_attribute(target):
            out.append(ir.ExprStmt(ir.MethodCall(ir.Var(self.function_attribute(target)), "set_value", [self.own(value)])))
        elif isinstance(target, ast.Attribute) and self.struct_store(target, value, out):
            pass
        elif isinstance(target, ast.Attribute) and self.stdlib_module(target.value):
            out.extend(self.module_attribute_store(target, value))
        elif isinstance(target, ast.Attribute):
            obj = self.expr(target.value)
            out.append(ir.ExprStmt(self.fallible(ir.Call("classes::setattr", [
                self.ref(obj), ir.Raw(str_literal(target.attr)), self.own(value)]))))
        elif isinstance(target, ast.Starred):
            self.error(target, "a starred assignment target must be inside a tuple or list", "write a, *rest = ...")
        else:
            self.error(target, f"cannot assign to {type(target).__name__}", "assign to a name, item or attribute")

    def _unpack(self, target: ast.Tuple | ast.List, value: ir.Expr, out) -> None:
        if self.unpack_native_tuple(target, value, out):
            return
        stars = [i for i, e in enumerate(target.elts) if isinstance(e, ast.Starred)]
        tmp = self.ctx.fresh("items")
        if stars:
            before = stars[0]
            after = len(target.elts) - before - 1
            call = ir.Call("iter::unpack_star", [self.ref(value), ir.Raw(str(before)), ir.Raw(str(after))])
        else:
            call = ir.Call("iter::unpack", [self.ref(value), ir.Raw(str(len(target.elts)))])
        out.append(ir.Let(tmp, self.fallible(call), mutable=True))
        out.append(ir.Let(f"{tmp}_iter", ir.MethodCall(ir.Var(tmp), "drain", [ir.Raw("..")]), mutable=True))
        for elt in target.elts:
            inner = elt.value if isinstance(elt, ast.Starred) else elt
            item = ir.MethodCall(ir.MethodCall(ir.Var(f"{tmp}_iter"), "next", []), "unwrap_or_default", [])
            self.assign(inner, item, out)

    def stmt_Delete(self, node: ast.Delete, out) -> None:
        for target in node.targets:
            if isinstance(target, ast.Subscript) and self.typed_dict_delete(target, out):
                continue
            if isinstance(target, ast.Subscript):
                obj = self.expr(target.value)
                if isinstance(target.slice, ast.Slice):
                    bounds = [self.ref(self._bound(b)) for b in (target.slice.lower, target.slice.upper, target.slice.step)]
                    out.append(ir.ExprStmt(self.fallible(ir.Call("ops::delslice", [self.ref(obj), *bounds]))))
                else:
                    out.append(ir.ExprStmt(self.fallible(ir.Call("ops::delitem", [self.ref(obj), self.ref(self.expr(target.slice))]))))
            elif isinstance(target, ast.Name):
                # A read after the `del` finds the flag down (a module global: the unbound
                # marker); releasing the object is all that is left to do, and a machine
                # number holds nothing to release.
                check = self.bound_check(target)
                if check is not None:
                    out.append(ir.ExprStmt(check))
                if target.id in self.global_vars and not self._is_local(target.id):
                    self.store_name(target.id, ir.Raw("PyCell::unbound().get()"), out, target)
                elif self.var_type(target.id) == "Value":
                    self.store_name(target.id, ir.Raw("Value::None"), out, target)
                self.mark_bound(target.id, False, out)
            elif isinstance(target, ast.Attribute):
                obj = self.expr(target.value)
                out.append(ir.ExprStmt(self.fallible(ir.Call("attributes::del_attribute", [
                    self.ref(obj), ir.Raw(str_literal(target.attr))]))))
            else:
                self.error(target, "this del target is not supported", "delete items with del x[i]")

    def stmt_If(self, node: ast.If, out) -> None:
        if self.ctx.kind == "module" and ast.unparse(node.test) in _MAIN_GUARDS:
            out.extend(self._nested_block(node.body).stmts)  # always true in a translated program
            return
        if generators.is_dispatch(node.test):  # a generator's step choosing its block: an int compare
            cond = ir.Call("generator::at", [self.ref(self.expr(node.test.left)), ir.Raw(str(node.test.comparators[0].value))])
        else:
            cond = self.condition(node.test)
        then = self._nested_block(node.body)
        orelse = self._nested_block(node.orelse) if node.orelse else None
        out.append(ir.If(cond, then, orelse))

    def _nested_block(self, stmts: list[ast.stmt]) -> ir.Block:
        block = ir.Block()
        self._hoist(stmts, block.stmts)
        for stmt in stmts:
            self.stmt(stmt, block.stmts)
        return block

    def _loop_body(self, stmts: list[ast.stmt], loop: LoopCtx, prefix: list[ir.Stmt] | None = None) -> ir.Block:
        self.ctx.stack.append(loop)
        block = ir.Block()
        self._hoist(stmts, block.stmts)
        block.stmts.extend(prefix or [])
        for stmt in stmts:
            self.stmt(stmt, block.stmts)
        self.ctx.stack.pop()
        return block

    def stmt_While(self, node: ast.While, out) -> None:
        broke = self._break_flag(node, out)
        loop = LoopCtx(self.ctx.fresh("loop"), broke)
        infinite = isinstance(node.test, ast.Constant) and node.test.value is True
        cond = None if infinite else self.condition(node.test)
        body = self._loop_body(node.body, loop)
        label = loop.label if loop.label_used else None
        out.append(ir.Loop(body, label) if infinite else ir.While(cond, body, label))
        self._else_clause(node, broke, out)

    def _break_flag(self, node, out) -> str | None:
        if not node.orelse:
            return None
        flag = self.ctx.fresh("broke")
        out.append(ir.Let(flag, ir.Raw("false"), mutable=True))
        return flag

    def _else_clause(self, node, broke: str | None, out) -> None:
        if broke is not None:
            out.append(ir.If(ir.Unary("!", ir.Var(broke)), self._nested_block(node.orelse)))

    def stmt_For(self, node: ast.For, out) -> None:
        broke = self._break_flag(node, out)
        loop = LoopCtx(self.ctx.fresh("loop"), broke)
        if (self.typed_for(node, loop, out) or self.typed_dict_for(node, loop, out) or self.typed_set_for(node, loop, out) or self.str_for(node, loop, out)
                or self.exact_range_for(node, loop, out)):
            self._else_clause(node, broke, out)
            return
        if isinstance(node.target, ast.Name) and self.is_int_var(node.target.id) and is_range_call(node.iter):
            self.native_for(node, loop, out, self.int_range(node.iter.args), "i64")
            self._else_clause(node, broke, out)
            return
        iterable = self.expr(node.iter)
        it = self.ctx.fresh("iter")
        out.append(ir.Let(it, self.fallible(ir.Call("iter::iterate", [self.ref(iterable)])), mutable=True))
        item = self.ctx.fresh("item")
        prefix: list[ir.Stmt] = []
        self.assign(node.target, ir.Raw(item), prefix)
        body = self._loop_body(node.body, loop, prefix)
        label = loop.label if loop.label_used else None
        out.append(ir.WhileLet(f"Some({item})", self.fallible(ir.MethodCall(ir.Var(it), "next", [])), body, label))
        self._else_clause(node, broke, out)

    def native_for(self, node: ast.For, loop: LoopCtx, out, iterable: ir.Expr, item_ty: str) -> None:
        """`for x in ...` over a Rust iterator of `item_ty` items (`for i in range(...)`
        over machine ints, `for x in lst` over a typed list): a native Rust `for` loop."""
        name = node.target.id
        home, _ = self.ctx.homes.get(name, (None, False))
        if home == id(node.body) and name not in self.ctx.declared and self.var_type(name) == item_ty \
                and name not in self.ctx.bound_flags:
            pattern = ("mut " if self.ctx.store_counts.get(name, 0) > 1 else "") + ident(name)
            prefix: list[ir.Stmt] = []
            self.ctx.declared.add(name)
        else:
            pattern = self.ctx.fresh("item")
            prefix = []
            self.store_name(name, ir.Var(pattern, ty=item_ty), prefix, node.target)
        body = self._loop_body(node.body, loop, prefix)
        if pattern == ident(name) or pattern.startswith("mut "):
            self.ctx.declared.discard(name)
        label = loop.label if loop.label_used else None
        out.append(ir.ForIn(pattern, iterable, body, label))

    def _jump_target(self, node) -> tuple[LoopCtx | None, bool]:
        """The innermost Python loop, and whether a `try` loop lies in between."""
        crossed = False
        for entry in reversed(self.ctx.stack):
            if isinstance(entry, LoopCtx):
                return entry, crossed
            if isinstance(entry, TryCtx):
                crossed = True
        return None, crossed

    def stmt_Break(self, node: ast.Break, out) -> None:
        loop, crossed = self._jump_target(node)
        if loop is None:
            self.error(node, "break outside a loop", "remove the break")
            return
        self._run_finally_blocks(out, until=loop)
        if loop.break_flag:
            out.append(ir.Assign(ir.Var(loop.break_flag), ir.Raw("true")))
        if crossed:
            loop.label_used = True
        out.append(ir.Break(loop.label if crossed else None))

    def stmt_Continue(self, node: ast.Continue, out) -> None:
        loop, crossed = self._jump_target(node)
        if loop is None:
            self.error(node, "continue outside a loop", "remove the continue")
            return
        self._run_finally_blocks(out, until=loop)
        if crossed:
            loop.label_used = True
        out.append(ir.Continue(loop.label if crossed else None))

    def stmt_Assert(self, node: ast.Assert, out) -> None:
        cond = self.condition(node.test)
        args = [self.own(self.expr(node.msg))] if node.msg is not None else []
        err = ir.Call("PyErr::with_args", [ir.Raw("&ASSERTION_ERROR"), ir.VecLit(args)])
        out.append(ir.If(ir.Unary("!", cond), ir.Block(self.raise_error(self.raised(err, node.test)))))

    def stmt_Raise(self, node: ast.Raise, out) -> None:
        if node.exc is None:
            current = self._current_exception()
            if current is None:
                self.error(node, "bare raise outside an except clause", "raise a specific exception")
                return
            err = ir.Call("exc_from_value", [ir.Ref(ir.Var(current))])
            out.extend(self.raise_error(self.fallible(err)))
            return
        err = self.exception_value(node.exc)
        if node.cause is not None:
            err = ir.Call("with_cause", [err, self.ref(self.expr(node.cause))])
        out.extend(self.raise_error(self.raised(err, node)))

    def _current_exception(self) -> str | None:
        return self.ctx.handler_vars[-1] if self.ctx.handler_vars else None

    def raise_error(self, err: ir.Expr) -> list[ir.Stmt]:
        """Statements that raise `err` (a PyErr): into the enclosing try, or out of the function."""
        target = self.ctx.try_target()
        if target is not None:
            target.used = True
            return [ir.Assign(ir.Var(target.target.slot), ir.Call("Some", [err])),
                    ir.Break(target.target.label)]
        stmts: list[ir.Stmt] = []
        self._run_finally_blocks(stmts, until=None)
        return stmts + [ir.Return(ir.Call("Err", [err]))]

    def stmt_Try(self, node: ast.Try, out) -> None:
        if not node.finalbody:
            self._try_except(node, out)
            return
        # try/finally: everything before `finally` runs as a protected region; the finally
        # body runs next, then the error (if any) goes on.
        self.ctx.stack.append(FinallyCtx(node.finalbody))
        slot, used = self.protected(lambda region: self._try_except(node, region), "protected", out)
        self.ctx.stack.pop()
        for stmt in node.finalbody:
            self.stmt(stmt, out)
        if used:
            out.append(ir.IfLet("Some(caught)", ir.Var(slot), ir.Block(self.raise_error(ir.Var("caught")))))

    def _try_except(self, node: ast.Try, out) -> None:
        """The try body as a labelled loop whose errors go to a slot, then the handlers."""
        if not node.handlers:
            for stmt in node.body:
                self.stmt(stmt, out)
            if node.orelse:
                out.extend(self._nested_block(node.orelse).stmts)
            return
        slot, used = self.protected(self.statements_into(node.body), "attempt", out)
        if used:
            handlers = self._handlers(node, slot)
            orelse = self._nested_block(node.orelse) if node.orelse else None
            out.append(ir.IfLet("Some(caught)", ir.Var(slot), handlers, orelse))
        elif node.orelse:
            out.extend(self._nested_block(node.orelse).stmts)

    def statements_into(self, stmts: list[ast.stmt]):
        """A region filler that lowers `stmts` (declaring the locals whose home they are)."""
        def fill(region: list[ir.Stmt]) -> None:
            self._hoist(stmts, region)
            for stmt in stmts:
                self.stmt(stmt, region)
        return fill

    def protected(self, fill, label: str, out) -> tuple[str, bool]:
        """Lower a region (written by `fill`) so that an error raised in it lands in a slot
        instead of leaving the function: a labelled loop that the catching macro breaks
        out of.  Returns the slot's name and whether anything can raise (else the region
        is inlined)."""
        slot = self.ctx.fresh("error")
        target = TryCtx(ir.CatchTarget(slot, self.ctx.fresh(label)))
        self.ctx.stack.append(target)
        region: list[ir.Stmt] = []
        fill(region)
        self.ctx.stack.pop()
        if not target.used:
            out.extend(region)
            return slot, False
        out.append(ir.Let(slot, ir.Raw("None"), mutable=True, ty="Option<PyErr>"))
        if not region or not isinstance(region[-1], (ir.Return, ir.Break, ir.Continue)):
            region.append(ir.Break(target.target.label))
        out.append(ir.Loop(ir.Block(region), target.target.label))
        return slot, True

    def _handlers(self, node: ast.Try, slot: str) -> ir.Block:
        """`if caught.matches(T) { ... } else if ... else { re-raise }`."""
        chain: ir.Block | None = None
        for handler in reversed(node.handlers):
            block = ir.Block()
            self._hoist(handler.body, block.stmts)
            exc_var = self.ctx.fresh("exception")
            block.stmts.append(ir.Let(exc_var, ir.Call("Value::Exception", [ir.Call("std::rc::Rc::new", [ir.Var("caught")])])))
            if handler.name:
                self.store_name(handler.name, ir.MethodCall(ir.Var(exc_var), "clone", []), block.stmts, handler)
            self.ctx.handler_vars.append(exc_var)
            for stmt in handler.body:
                self.stmt(stmt, block.stmts)
            if handler.name and not isinstance(handler.body[-1], (ast.Return, ast.Raise, ast.Break, ast.Continue)):
                self.mark_bound(handler.name, False, block.stmts)  # CPython unbinds it as the handler ends
            self.ctx.handler_vars.pop()
            test = self._handler_test(handler)
            if test is None:
                chain = block
            else:
                chain = ir.Block([ir.If(test, block, chain or ir.Block(self.raise_error(ir.Var("caught"))))])
        return chain or ir.Block(self.raise_error(ir.Var("caught")))

    def _handler_test(self, handler: ast.ExceptHandler) -> ir.Expr | None:
        if handler.type is None:
            return None
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        tests = []
        for t in types:
            name = t.id if isinstance(t, ast.Name) else None
            if name in ("Exception", "BaseException"):
                return None
            static = self.exception_static(name, t)
            if static:
                tests.append(ir.MethodCall(ir.Var("caught"), "matches", [ir.Raw(f"&{static}")]))
        if not tests:
            return ir.Raw("false")
        test = tests[0]
        for extra in tests[1:]:
            test = ir.Binary("||", test, extra)
        return test

# ---- helpers ---------------------------------------------------------------------------

_INPLACE_OPS = {
    ast.Add: "ops::iadd", ast.Sub: "ops::sub", ast.Mult: "ops::imul", ast.Div: "ops::truediv",
    ast.FloorDiv: "ops::floordiv", ast.Mod: "ops::modulo", ast.Pow: "ops::pow",
    ast.BitAnd: "ops::bitand", ast.BitOr: "ops::ibitor", ast.BitXor: "ops::bitxor",
    ast.LShift: "ops::lshift", ast.RShift: "ops::rshift", ast.MatMult: "ops::matmul",
}


def _infinite_generator(fn: ast.FunctionDef) -> bool:
    """A `while True` loop that yields and has no break or return inside."""
    for node in astwalk.walk(fn):
        if isinstance(node, ast.While) and isinstance(node.test, ast.Constant) and node.test.value is True:
            inner = list(astwalk.same_loop_nodes(node.body))
            if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in inner) and \
                    not any(isinstance(n, (ast.Break, ast.Return)) for n in inner):
                return True
    return False


def local_bindings(body: list[ast.stmt]) -> tuple[dict[str, tuple[int, bool]], dict[str, int]]:
    """One walk over a function body, for declaring its Rust locals:
    - for each name, the innermost statement list holding every use of it, and whether
      its first use there is a binding at that level (it then becomes the `let`);
    - how many places bind each name (more than one makes the local `mut`).
    A local first bound inside nested blocks of a loop body may carry its value from one
    iteration to the next, so its home moves out of the loop."""
    chains: dict[str, list[int]] = {}
    loop_parent: dict[int, int] = {}  # id(loop body) -> id(block holding the loop)
    first_direct: dict[tuple[str, int], bool] = {}
    counts: dict[str, int] = {}

    def note(name: str, chain: list[int], direct: bool) -> None:
        if direct:
            counts[name] = counts.get(name, 0) + 1
        if name in chains:
            old = chains[name]
            i = 0
            while i < min(len(old), len(chain)) and old[i] == chain[i]:
                i += 1
            chains[name] = old[:i]
        else:
            chains[name] = list(chain)
        for depth, block in enumerate(chain):
            key = (name, block)
            if key not in first_direct:
                first_direct[key] = direct and depth == len(chain) - 1

    def visit_block(stmts: list[ast.stmt], chain: list[int]) -> None:
        inner = chain + [id(stmts)]
        for stmt in stmts:
            visit_stmt(stmt, inner)

    def visit_expr(node: ast.AST, chain: list[int]) -> None:
        for n, binds in _expression_names(node):
            name = n.id if isinstance(n, ast.Name) else n.target.id
            note(name, chain, False)
            if binds:
                counts[name] = counts.get(name, 0) + 1

    def visit_stmt(stmt: ast.stmt, chain: list[int]) -> None:
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            if stmt.value is not None:
                visit_expr(stmt.value, chain)
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for t in targets:
                for name in target_names(t):
                    note(name, chain, True)
                if not isinstance(t, (ast.Name, ast.Tuple, ast.List)):
                    visit_expr(t, chain)
        elif isinstance(stmt, ast.For):
            loop_parent[id(stmt.body)] = chain[-1]
            visit_expr(stmt.iter, chain)
            for name in target_names(stmt.target):
                note(name, chain + [id(stmt.body)], True)
            visit_block(stmt.body, chain)
            visit_block(stmt.orelse, chain)
        elif isinstance(stmt, (ast.While, ast.If)):
            if isinstance(stmt, ast.While):
                loop_parent[id(stmt.body)] = chain[-1]
            visit_expr(stmt.test, chain)
            visit_block(stmt.body, chain)
            visit_block(stmt.orelse, chain)
        elif isinstance(stmt, ast.Try):
            visit_block(stmt.body, chain)
            for handler in stmt.handlers:
                if handler.name:
                    note(handler.name, chain + [id(handler.body)], True)
                visit_block(handler.body, chain)
            visit_block(stmt.orelse, chain)
            visit_block(stmt.finalbody, chain)
        elif isinstance(stmt, ast.FunctionDef):
            note(stmt.name, chain, True)
        elif isinstance(stmt, ast.ClassDef):
            return
        else:
            visit_expr(stmt, chain)

    visit_block(body, [])
    homes = {}
    for name, chain in chains.items():
        if not chain:
            continue
        home, direct = chain[-1], first_direct.get((name, chain[-1]), False)
        while not direct and home in loop_parent:
            home = loop_parent[home]
        homes[name] = (home, direct)
    return homes, counts


_NESTED_FUNCTIONS = (ast.Lambda, ast.FunctionDef, ast.ClassDef)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _expression_names(node: ast.AST):
    """(Name or walrus, binds) for each name use in a node, without entering nested
    scopes; `binds` is false for comprehension variables, which are not locals.  In no
    particular order: all the uses of one node count alike."""
    for n in astwalk.collect([node], _NESTED_FUNCTIONS + _COMPREHENSIONS):
        if n.__class__ is ast.Name:
            yield n, not isinstance(n.ctx, ast.Load)
        elif n.__class__ is ast.NamedExpr:
            yield n, True
        elif isinstance(n, _COMPREHENSIONS):
            for inner in astwalk.collect(astwalk.children(n), _NESTED_FUNCTIONS):
                if inner.__class__ is ast.Name:
                    yield inner, False
                elif inner.__class__ is ast.NamedExpr:
                    yield inner, True
