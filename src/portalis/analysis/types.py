"""Types pass: what annotations and literals say about values, checked for conflicts.

By default the generated code carries a Python value as a dynamic `Value`, so
translation never depends on types being known.  This pass reads annotations
(`list[int]`, `Optional[str]`, ...) and the literal types of returned expressions, and
warns where they disagree, since such a program usually hides a bug.  It also proves
which ints can be plain `i64` (see "machine integers" below).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from portalis.frontend import astwalk
from portalis.diagnostics import Diagnostic
from portalis.frontend.parse import ParsedModule
from portalis.analysis.scopes import ScopeInfo, bind_names
from portalis.analysis.inference import Inference, infer
from portalis.analysis.inference.specialise import specialise, undo_unhelpful
from portalis.analysis.inference.containers import GROWTH_OPS, TypedContainers, is_range_call, typed_containers
from portalis.analysis.inference.dicts import typed_dicts
from portalis.analysis.inference.sets import typed_sets
from portalis.analysis.inference.options import option_returns
from portalis.analysis.inference.tuples import tuple_returns, unpacked_functions
from portalis.analysis.inference.native import NativeScalars, native_scalars
from portalis.analysis.inference.structs import plan_structs

_LITERAL_TYPES = {bool: "bool", int: "int", float: "float", str: "str", type(None): "None"}
_CONTAINERS = {ast.List: "list", ast.ListComp: "list", ast.Dict: "dict", ast.DictComp: "dict",
               ast.Set: "set", ast.SetComp: "set", ast.Tuple: "tuple", ast.JoinedStr: "str"}
# Which literal types an annotation admits (int is acceptable where float is expected).
_ACCEPTS = {"float": {"float", "int", "bool"}, "int": {"int", "bool"}, "complex": {"int", "float", "bool"}}
_ALIASES = {"List": "list", "Dict": "dict", "Set": "set", "Tuple": "tuple", "FrozenSet": "frozenset"}


@dataclass
class TypeInfo:
    """Annotated parameter and return types by function name, conflicts found, and the
    values proven to be machine integers."""
    params: dict[str, dict[str, str]] = field(default_factory=dict)
    returns: dict[str, str] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)
    ints: "MachineInts | None" = None
    inference: "Inference | None" = None  # whole-program types (analysis.inference)
    scalars: NativeScalars = field(default_factory=NativeScalars)  # f64 and bool places
    containers: TypedContainers = field(default_factory=TypedContainers)  # lists held as List<T>
    tuple_returns: dict[str, list[str]] = field(default_factory=dict)  # functions returning Rust tuples
    option_returns: dict[str, str] = field(default_factory=dict)  # functions returning Option<T>


def annotation_name(node: ast.expr | None) -> str | None:
    """The outer type an annotation names: `list[int]` -> "list", `Optional[x]` -> None (any)."""
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            node = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return None
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        node = ast.Name(node.attr)
    if isinstance(node, ast.Constant) and node.value is None:
        return "None"
    if isinstance(node, ast.Name):
        name = _ALIASES.get(node.id, node.id)
        return name if name in ("int", "float", "str", "bool", "list", "dict", "set", "tuple", "None") else None
    return None


def literal_type(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant):
        return _LITERAL_TYPES.get(type(node.value))
    return _CONTAINERS.get(type(node))


def analyse_types(parsed: ParsedModule) -> tuple[ScopeInfo, TypeInfo]:
    """Scopes and types of a module, after copying functions called with different
    argument types once per signature (which needs a first inference to see them)."""
    scopes = bind_names(parsed)
    info = infer_types(parsed, scopes)
    unsplit, nodes = (scopes, info), parsed.nodes
    copies = specialise(parsed, scopes, info.inference)
    if copies:
        scopes = bind_names(parsed)
        info = infer_types(parsed, scopes)
        changed, split = undo_unhelpful(parsed, info.inference, copies, lambda facts: _native_params(info, facts))
        if not split:  # every copy merged back: the tree is as it was, and so are its types
            parsed.nodes = nodes
            return unsplit
        if changed:
            scopes = bind_names(parsed)
            info = infer_types(parsed, scopes)
    return scopes, info


def _native_params(info: TypeInfo, facts) -> bool:
    """Whether the lowering holds every parameter of a module function natively."""
    name = facts.node.name
    ints, scalars = info.ints.params.get(name, []), info.scalars.params.get(name, [])
    return all((i < len(ints) and ints[i]) or (i < len(scalars) and scalars[i])
               or info.containers.rust_type(place.type) for i, (_, place) in enumerate(facts.params))


def infer_types(parsed: ParsedModule, scopes: ScopeInfo) -> TypeInfo:
    inference = infer(parsed, scopes)
    ints = _IntInference(parsed, scopes)
    structs = plan_structs(inference)
    containers = typed_containers(inference, set(ints.candidates), scopes.module_globals, structs)
    unpacked = unpacked_functions(parsed.nodes, ints.candidates)
    typed_dicts(inference, set(ints.candidates), scopes.module_globals, containers, unpacked)
    typed_sets(inference, set(ints.candidates), scopes.module_globals, containers)
    info = TypeInfo(ints=ints.run(containers), inference=inference, containers=containers)
    info.scalars = native_scalars(info.inference, set(info.ints.params), structs)
    machine_int = lambda e, fn: ints.expr_type(e, fn) == INT  # noqa: E731
    info.tuple_returns = tuple_returns(inference, ints.candidates, containers, unpacked, machine_int)
    info.option_returns = option_returns(inference, ints.candidates, machine_int)
    calls: dict[str, list[ast.Call]] = {}
    for node in parsed.of_kind(ast.Call):
        if isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, []).append(node)
    for node in parsed.of_kind(ast.FunctionDef):
        args = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
        info.params[node.name] = {a.arg: t for a in args if (t := annotation_name(a.annotation))}
        _check_call_arguments(parsed, node, calls.get(node.name, []), info)
        declared = annotation_name(node.returns)
        if declared is None:
            continue
        info.returns[node.name] = declared
        for ret in _own_returns(parsed, node):
            found = literal_type(ret.value) if ret.value is not None else "None"
            if found and found not in _ACCEPTS.get(declared, {declared}):
                info.warnings.append(Diagnostic(
                    parsed.filename, ret.lineno, ret.col_offset + 1,
                    f"{node.name}() is annotated to return {declared} but returns {_a(found)} here",
                    "fix the annotation or the returned value", "warning"))
    return info


def _a(type_name: str) -> str:
    return ("an " if type_name[0] in "aeiou" else "a ") + type_name


def _check_call_arguments(parsed: ParsedModule, fn: ast.FunctionDef, calls: list[ast.Call], info: TypeInfo) -> None:
    """Warn where a call passes a literal of a type the parameter's annotation excludes."""
    annotated = info.params.get(fn.name)
    if not annotated:
        return
    positional = [a.arg for a in fn.args.posonlyargs + fn.args.args]
    for call in calls:
        passed = list(zip(positional, call.args)) + [(k.arg, k.value) for k in call.keywords if k.arg]
        for param, arg in passed:
            declared = annotated.get(param)
            found = literal_type(arg)
            if declared and found and found not in _ACCEPTS.get(declared, {declared}):
                info.warnings.append(Diagnostic(
                    parsed.filename, arg.lineno, arg.col_offset + 1,
                    f"{fn.name}() parameter {param} is annotated {declared} but receives {_a(found)} here",
                    "fix the annotation or the argument", "warning"))


# ---- machine integers ------------------------------------------------------------------
#
# Values that are provably Python ints and cannot grow without bound are carried as
# Rust `i64` (overflow still raises OverflowError), which removes the dynamic dispatch
# from counters, indices and loop arithmetic.  The inference is optimistic and demotes
# to `Value` until nothing changes.  Variables whose updates multiply, shift or feed
# each other in a cycle (factorials, Fibonacci pairs) stay `Value`, where the runtime
# can promote them to big integers.

INT = "int"
VALUE = "value"
_INT_OPS = (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.BitAnd, ast.BitOr, ast.BitXor,
            ast.RShift, ast.LShift)
I64_RANGE = (-(2 ** 63), 2 ** 63 - 1)


# Statements and expressions that can bind a name.
_BINDING_STATEMENTS = {ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.With, ast.ExceptHandler, ast.NamedExpr,
                       ast.Delete, ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef, ast.Global,
                       ast.Nonlocal}


@dataclass
class MachineInts:
    """Which locals, parameters and return values are held as i64."""
    variables: dict[int, set[str]] = field(default_factory=dict)  # scope node id -> names
    params: dict[str, list[bool]] = field(default_factory=dict)   # function -> per parameter
    returns: set[str] = field(default_factory=set)

    def is_int_var(self, scope_node: ast.AST, name: str) -> bool:
        return name in self.variables.get(id(scope_node), ())


class _IntInference:
    def __init__(self, parsed: ParsedModule, scopes: ScopeInfo):
        self.scopes = scopes
        self.parsed = parsed
        tree = parsed.tree
        all_calls = parsed.of_kind(ast.Call)
        self.functions = {s.name: s for s in tree.body if isinstance(s, ast.FunctionDef)}
        shadowed = scopes.local_name_nodes(parsed, set(self.functions))
        name_calls = [n for n in all_calls if isinstance(n.func, ast.Name) and id(n.func) not in shadowed]
        called = {n.func.id for n in name_calls}
        callee_ids = {id(n.func) for n in all_calls}
        value_uses = {n.id for n in parsed.of_kind(ast.Name) if isinstance(n.ctx, ast.Load)
                      and id(n) not in callee_ids and id(n) not in shadowed}
        starred = {n.func.id for n in name_calls
                   if any(isinstance(a, ast.Starred) for a in n.args) or any(k.arg is None for k in n.keywords)}
        rebound = astwalk.rebound_functions(tree.body, parsed.own_nodes(tree))
        self.candidates = {name: fn for name, fn in self.functions.items()
                           if name not in value_uses | starred | rebound and name in called and _plain_signature(fn)
                           and not scopes.scope_of(fn).is_generator}
        self.calls: dict[str, list[tuple[ast.Call, ast.AST]]] = {name: [] for name in self.candidates}
        self.bindings: dict[int, dict[str, list]] = {}
        self.call_scope: dict[int, ast.AST] = {}  # call node -> the analysed scope it sits in directly
        self.scope_nodes: list[ast.AST] = [tree] + list(self.candidates.values())
        for scope_node in self.scope_nodes:
            self.bindings[id(scope_node)] = self._collect_bindings(scope_node)
        for node in name_calls:
            if node.func.id in self.candidates:
                self.calls[node.func.id].append(node)
        self.returns_of = {name: _own_returns(parsed, fn) for name, fn in self.candidates.items()}
        self.state = MachineInts()
        self.containers = TypedContainers()
        self.extra_ints: tuple[str, ...] = ()  # comprehension variables over int ranges

    def _int_list(self, node: ast.expr) -> bool:
        """`node` is a typed list of machine ints."""
        return self.containers.inference is not None and \
            self.containers.is_int_class(self.containers.inference.expr_type(node))

    def _int_dict(self, node: ast.expr, part: str) -> bool:
        """`node` is a typed dict whose keys ("k") or values ("v") are machine ints."""
        inference = self.containers.inference
        return inference is not None and self.containers.dict_part(inference.expr_type(node), part) == "i64"

    def _dict_read_is_int(self, node: ast.expr, scope_node: ast.AST | None) -> bool:
        """`d[k]`, `d.pop(k)`, `d.get(k, default)` and `d.setdefault(k, default)` on a dict of
        int values (with an int default)."""
        if isinstance(node, ast.Subscript):
            return self._int_dict(node.value, "v")
        func = node.func
        if not (isinstance(func, ast.Attribute) and self._int_dict(func.value, "v")):
            return False
        defaults = node.args[1:]
        if func.attr == "pop" or (func.attr in ("get", "setdefault") and defaults):
            return all(self.expr_type(d, scope_node) == INT for d in defaults)
        return False

    def _collect_bindings(self, scope_node) -> dict[str, list]:
        """name -> list of bound expressions (or markers) for the scope's plain locals."""
        scope = self.scopes.scope_of(scope_node)
        if scope.kind == "module":
            plain = scope.assigned - self.scopes.module_globals - set(self.functions)
        else:
            plain = scope.locals
        plain = plain - scope.cells - scope.free
        out: dict[str, list] = {name: [] for name in plain}
        own = self.parsed.own_nodes(scope_node) if isinstance(scope_node, (ast.Module, ast.FunctionDef)) else []

        def bad(name):
            if name in out:
                out[name].append(None)

        for node in own:
            kind = type(node)
            if kind is ast.Call:
                self.call_scope[id(node)] = scope_node
                continue
            if kind not in _BINDING_STATEMENTS:
                continue
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    for name, value in _assigned_names(t, node.value):
                        if value is None:
                            bad(name)
                        elif name in out:
                            out[name].append(value)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                if node.value is not None and node.target.id in out:
                    out[node.target.id].append(node.value)
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                if node.target.id in out:
                    out[node.target.id].append(ast.BinOp(ast.Name(node.target.id, ast.Load()), node.op, node.value))
            elif isinstance(node, ast.For):
                for name, binding in _loop_bindings(node):
                    if binding is None:
                        bad(name)
                    elif name in out:
                        out[name].append(binding)
            elif isinstance(node, (ast.With, ast.ExceptHandler, ast.NamedExpr, ast.Delete, ast.Import,
                                   ast.ImportFrom, ast.FunctionDef, ast.ClassDef, ast.Global, ast.Nonlocal)):
                for n in astwalk.walk(node) if not isinstance(node, (ast.FunctionDef, ast.ClassDef)) else []:
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                        bad(n.id)
                if isinstance(node, ast.ExceptHandler) and node.name:
                    bad(node.name)
                if isinstance(node, ast.NamedExpr):
                    bad(node.target.id)
                if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                    bad(node.name)
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    for a in node.names:
                        bad((a.asname or a.name).split(".")[0])
        return out

    # ---- typing of expressions -----------------------------------------------------------

    def expr_type(self, node: ast.expr, scope_node: ast.AST | None) -> str:
        if isinstance(node, ast.Constant):
            v = node.value
            return INT if type(v) is int and I64_RANGE[0] <= v <= I64_RANGE[1] else VALUE
        if isinstance(node, ast.Name):
            if node.id in self.extra_ints:
                return INT
            return INT if scope_node is not None and self.state.is_int_var(scope_node, node.id) else VALUE
        if isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Slice) and self._int_list(node.value):
            return INT
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "pop" \
                and self._int_list(node.func.value):
            return INT
        if isinstance(node, (ast.Subscript, ast.Call)) and self._dict_read_is_int(node, scope_node):
            return INT
        if isinstance(node, ast.BinOp) and isinstance(node.op, _INT_OPS):
            ok = self.expr_type(node.left, scope_node) == INT and self.expr_type(node.right, scope_node) == INT
            return INT if ok else VALUE
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd, ast.Invert)):
            return self.expr_type(node.operand, scope_node)
        if isinstance(node, ast.IfExp):
            both = self.expr_type(node.body, scope_node) == INT == self.expr_type(node.orelse, scope_node)
            return INT if both else VALUE
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
            name = node.func.id
            if scope_node is not None and name in self.bindings.get(id(scope_node), {}):
                return VALUE  # a local shadows the builtin or function
            if name == "len" and len(node.args) == 1 and name not in self.functions:
                return INT
            if name == "abs" and len(node.args) == 1 and name not in self.functions:
                return self.expr_type(node.args[0], scope_node)
            if name in self.candidates and name in self.state.returns:
                return INT
        return VALUE

    # ---- fixed point -------------------------------------------------------------------------

    def run(self, containers: TypedContainers | None = None) -> MachineInts:
        """The fixed point; `containers`: typed lists whose int classes hold machine ints
        only if every value stored into them is one (demoted here otherwise)."""
        if containers is not None:
            self.containers = containers
        st = self.state
        for scope_node in self.scope_nodes:
            bindings = self.bindings[id(scope_node)]
            params = {a.arg for a in scope_node.args.args} if isinstance(scope_node, ast.FunctionDef) else set()
            names = {n for n, binds in bindings.items() if None not in binds and (binds or n in params)}
            st.variables[id(scope_node)] = names - _growing(bindings, names)
        for name, fn in self.candidates.items():
            st.params[name] = [a.arg in st.variables[id(fn)] for a in fn.args.args]
            if astwalk.ends_with_return(fn.body) and not _multiplicative_returns(self.returns_of[name]):
                st.returns.add(name)
        changed = True
        while changed:
            changed = False
            for name, fn in self.candidates.items():
                changed |= self._update_params(name, fn)
                if name in st.returns and not all(r.value is not None and self.expr_type(r.value, fn) == INT
                                                  for r in self.returns_of[name]):
                    st.returns.discard(name)
                    changed = True
            for scope_node in self.scope_nodes:
                changed |= self._update_vars(scope_node)
            changed |= self._update_int_lists()
        return st

    def _update_int_lists(self) -> bool:
        containers = self.containers
        widened = [cid for cid, writes in containers.int_writes.items()
                   if containers.elements.get(cid) == "i64" and not all(self._int_write(w) for w in writes)]
        containers.widen(widened)
        dicts = [cid for (cid, part), writes in containers.dict_int_writes.items()
                 if cid in containers.dicts and not all(self._int_write(w) for w in writes)]
        containers.drop_dicts(dicts)
        return bool(widened or dicts)

    def _int_write(self, write) -> bool:
        if write[0] == "elems":
            return self.containers.elements.get(id(write[1])) == "i64"
        if write[0] == "range":
            return all(self.expr_type(a, self._analysed(write[2])) == INT for a in write[1].args)
        expr, scope, names = write
        self.extra_ints = names
        try:
            return self.expr_type(expr, self._analysed(scope)) == INT
        finally:
            self.extra_ints = ()

    def _analysed(self, scope_node: ast.AST) -> ast.AST | None:
        return scope_node if id(scope_node) in self.bindings else None

    def _update_params(self, name: str, fn: ast.FunctionDef) -> bool:
        st = self.state
        flags = st.params[name]
        changed = False
        params = [a.arg for a in fn.args.args]
        defaults = dict(zip(params[len(params) - len(fn.args.defaults):], fn.args.defaults))
        for i, pname in enumerate(params):
            if not flags[i]:
                continue
            ok = pname not in self.scopes.scope_of(fn).cells
            if pname in defaults and self.expr_type(defaults[pname], None) != INT:
                ok = False
            for call in self.calls[name]:
                arg = call.args[i] if i < len(call.args) else None
                if arg is None:
                    arg = next((k.value for k in call.keywords if k.arg == pname), None)
                if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
                    ok = False
                elif arg is not None and self.expr_type(arg, self.call_scope.get(id(call))) != INT:
                    ok = False
            if not ok:
                flags[i] = False
                st.variables[id(fn)].discard(pname)
                changed = True
        return changed

    def _update_vars(self, scope_node) -> bool:
        names = self.state.variables[id(scope_node)]
        fn_params = set()
        if isinstance(scope_node, ast.FunctionDef):
            flags = self.state.params.get(scope_node.name, [])
            fn_params = {a.arg for a, f in zip(scope_node.args.args, flags) if f}
        changed = False
        for name in list(names):
            binds = self.bindings[id(scope_node)].get(name, [])
            if isinstance(scope_node, ast.FunctionDef) and name in [a.arg for a in scope_node.args.args] \
                    and name not in fn_params:
                names.discard(name)
                changed = True
                continue
            for b in binds:
                if isinstance(b, tuple):
                    ok = self._loop_binding_is_int(b, scope_node)
                else:
                    ok = self.expr_type(b, scope_node) == INT
                if not ok:
                    names.discard(name)
                    self._demote_param(scope_node, name)
                    changed = True
                    break
        return changed

    def _loop_binding_is_int(self, binding: tuple, scope_node) -> bool:
        kind, node = binding
        if kind == "range":
            return all(self.expr_type(a, scope_node) == INT for a in node.args)
        if kind == "elem":
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("keys", "values"):
                return self._int_dict(node.func.value, node.func.attr[0])
            return self._int_list(node) or self._int_dict(node, "k")
        if kind in ("k", "v"):
            return self._int_dict(node, kind)
        return kind == "count"

    def _demote_param(self, scope_node, name: str) -> None:
        """A parameter rebound to a non-int is a `Value` parameter."""
        if isinstance(scope_node, ast.FunctionDef) and scope_node.name in self.state.params:
            for i, a in enumerate(scope_node.args.args):
                if a.arg == name:
                    self.state.params[scope_node.name][i] = False


def _plain_signature(fn: ast.FunctionDef) -> bool:
    a = fn.args
    return not (a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs or fn.decorator_list)


def _own_returns(parsed: ParsedModule, fn: ast.FunctionDef):
    return [n for n in parsed.own_nodes(fn) if isinstance(n, ast.Return)]


def _multiplicative_returns(returns: list[ast.Return]) -> bool:
    """A return value built by multiplying non-constants can grow past 64 bits."""
    for ret in returns:
        for n in astwalk.walk(ret):
            if isinstance(n, ast.BinOp) and isinstance(n.op, GROWTH_OPS) and \
                    not (isinstance(n.left, ast.Constant) or isinstance(n.right, ast.Constant)):
                return True
    return False


def _assigned_names(target: ast.expr, value: ast.expr):
    """(name, value) for the names an assignment binds: `a, b = x, y` binds each name
    to its own value; None where the value is an item of something unpacked."""
    if isinstance(target, ast.Name):
        return [(target.id, value)]
    if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)) \
            and len(target.elts) == len(value.elts) \
            and not any(isinstance(e, ast.Starred) for e in target.elts + value.elts):
        return [pair for t, v in zip(target.elts, value.elts) for pair in _assigned_names(t, v)]
    return [(n.id, None) for n in astwalk.walk(target) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)]


def _loop_bindings(node: ast.For):
    """(name, binding) for the names a for loop binds: ("range", call) for a range,
    ("elem", list) for the items of a list, ("count", None) for enumerate's index,
    None where the value is not known to be an int."""
    target, it = node.target, node.iter
    if isinstance(target, ast.Name):
        return [(target.id, ("range", it) if is_range_call(it) else ("elem", it))]
    names = [n.id for n in astwalk.walk(target) if isinstance(n, ast.Name)]
    call = it if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and not it.keywords else None
    if not isinstance(target, ast.Tuple) or not all(isinstance(e, ast.Name) for e in target.elts):
        return [(n, None) for n in names]
    elts = [e.id for e in target.elts]
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and it.func.attr == "items" \
            and not it.args and len(elts) == 2:
        return [(elts[0], ("k", it.func.value)), (elts[1], ("v", it.func.value))]
    if call is None:
        return [(n, None) for n in names]
    if call.func.id == "enumerate" and len(call.args) == 1 and len(elts) == 2:
        return [(elts[0], ("count", None)), (elts[1], ("elem", call.args[0]))]
    if call.func.id == "zip" and len(call.args) == len(elts):
        return [(n, ("elem", a)) for n, a in zip(elts, call.args)]
    return [(n, None) for n in names]


def _names_in(node) -> set[str]:
    if isinstance(node, tuple):
        if node[0] != "range":
            return set()
        return set().union(*(_names_in(a) for a in node[1].args)) if node[1].args else set()
    return {n.id for n in astwalk.walk(node) if isinstance(n, ast.Name)}


def _growing(bindings: dict[str, list], candidates: set[str]) -> set[str]:
    """Variables that multiply themselves or feed each other in a cycle."""
    grow = set()
    deps: dict[str, set[str]] = {}
    for name in candidates:
        deps[name] = set()
        for b in bindings[name]:
            names = _names_in(b)
            deps[name] |= (names & candidates) - {name}
            if isinstance(b, tuple):
                continue
            for n in astwalk.walk(b):
                if isinstance(n, ast.BinOp) and isinstance(n.op, GROWTH_OPS) and name in _names_in(n):
                    grow.add(name)
    for name in candidates:
        seen, todo = set(), list(deps[name])
        while todo:
            d = todo.pop()
            if d == name:
                grow.add(name)
                break
            if d not in seen:
                seen.add(d)
                todo.extend(deps.get(d, ()))
    return grow
