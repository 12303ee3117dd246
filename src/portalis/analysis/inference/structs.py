"""Which user classes become Rust structs, with which typed fields, and which methods
get typed signatures, from the inference.

A class becomes a struct when nothing can change its layout behind the inference's
back: no `__getattr__`/`__setattr__`-style hooks, no `__slots__`, no attribute deleted,
no store into the class object, no `copy`.  A class hierarchy shares one struct.  Its
typed fields are the attributes a class's `__init__` (and the bases' `__init__` it calls
through `super()`) assigns in straight-line code before anything could read them; a
field that not every class of the hierarchy initialises is optional (`Option<T>`, None
while the instance lacks it).  Any other attribute lives by name beside the struct, as
in a dynamic object.

Variables hold a struct instance natively (`Obj<Shape>`, or `Option<Obj<Shape>>` for
`Shape | None`) when their classes share one struct: the `class:` atoms name the exact
class of each instance, so a method call dispatches on the classes it can meet.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from portalis.analysis.inference.lattice import Ty
from portalis.analysis.inference.program import ClassFacts, FunctionFacts
from portalis.analysis.inference.solve import Inference
from portalis.analysis.inference.walk import _is_instance_method
from portalis.emit.names import ident
from portalis.frontend import astwalk

_SCALARS = {"int": "Int", "float": "f64", "bool": "bool", "str": "Str"}
# Hooks that reach attributes by name, which a struct could not honour.
_DYNAMIC_HOOKS = {"__getattr__", "__getattribute__", "__setattr__", "__delattr__", "__slots__", "__dict__"}
# Type names the generated code relies on unqualified (std prelude and runtime types).
_RESERVED = {"Cell", "Field", "Fields", "Obj", "Object", "Class", "Str", "FromValue", "IntoValue", "StructClass",
             "Copy", "Clone", "Default", "Drop", "Eq", "Ord", "PartialEq", "PartialOrd", "Fn", "FnMut", "FnOnce",
             "Iterator", "IntoIterator", "DoubleEndedIterator", "ExactSizeIterator", "Extend", "From", "Into",
             "AsRef", "AsMut", "ToOwned", "ToString", "Send", "Sync", "Sized", "Unpin", "Debug", "Display",
             "MethodKind", "ExcType", "GlobalCell", "NativeObject", "BigInt", "Func", "PyIter",
             # the runtime's other glob-imported types and std's prelude types
             "List", "ListIter", "Elem", "Map", "Int", "Value", "Dict", "DictKind", "Set", "Range", "PyCell", "PyErr",
             "PyResult", "MethodFn", "Option", "Result", "Vec", "String", "Box"}


@dataclass
class StructInfo:
    name: str                       # the Python class at the root of the hierarchy
    rust: str                       # the Rust struct its classes share
    fields: dict[str, str]          # attribute -> Rust type of its value, in declaration order
    members: list[str]              # the classes sharing the struct (the root first)
    optional: set[str] = field(default_factory=set)  # fields not every class initialises: Option<T>, None when absent

    def impl_name(self, cls: str, method: str) -> str:
        """A typed method's name in the struct's `impl`: the root's by their own name,
        the subclasses' prefixed with their class (`new` is the constructor's)."""
        if cls != self.name:
            return f"{ident(cls)}_{method}"
        return "new_" if method == "new" else ident(method)

    def constructor(self, cls: str) -> str:
        return "new" if cls == self.name else f"new_{ident(cls)}"


@dataclass
class StructPlan:
    classes: dict[str, StructInfo] = field(default_factory=dict)
    method_params: dict[int, list[str | None]] = field(default_factory=dict)  # id(def) -> per parameter
    method_returns: dict[int, str] = field(default_factory=dict)

    def rust_type(self, ty: Ty | None) -> str | None:
        """`Obj<Node>` or `Option<Obj<Node>>` for a type that only holds instances of
        classes sharing one struct (and None)."""
        if ty is None:
            return None
        classes = ty.classes()
        if not classes or len(ty.atoms) - (1 if ty.has("None") else 0) != len(classes):
            return None
        info = self.classes.get(classes[0])
        if info is None or any(self.classes.get(c) is not info for c in classes):
            return None
        return f"Option<Obj<{info.rust}>>" if ty.has("None") else f"Obj<{info.rust}>"

    def value_type(self, ty: Ty | None) -> str:
        """The Rust type a field of type `ty` is stored as."""
        if ty is not None and len(ty.atoms) == 1 and ty.single() in _SCALARS:
            return _SCALARS[ty.single()]
        return self.rust_type(ty) or "Value"

    def by_rust(self, rust_type: str) -> StructInfo | None:
        """The struct a Rust type (`Obj<Node>`, `Option<Obj<Node>>`) holds instances of."""
        inner = rust_type[len("Option<"):-1] if rust_type.startswith("Option<Obj<") else rust_type
        if not inner.startswith("Obj<"):
            return None
        rust = inner[4:-1]
        return next((i for i in self.classes.values() if i.rust == rust), None)


def plan_structs(inference: Inference) -> StructPlan:
    plan = StructPlan()
    if not inference.converged or not inference.model.classes:
        return plan
    model = inference.model
    nodes = model.parsed.nodes
    if model.parsed.display_names or "copy" in {v.split(".")[0] for v in model.imports.values()} \
            or _deletes_attributes(nodes):  # (a linked project's modules would need `pub` structs)
        return plan
    stored_classes = _classes_stored_into(nodes, model.classes)
    outside = _subclassed_elsewhere(nodes, model.classes)
    places = {}
    for root in model.classes.values():
        if root.base in model.classes:
            continue
        members = model.subclasses(root.name)
        if any(m in outside for m in members):
            continue
        if not all(_eligible(model, model.classes[m], stored_classes) for m in members):
            continue
        # The fields some class of the hierarchy initialises; those not every class has
        # may be absent from an instance.  The others live by name.
        fields: list[str] = []
        owners: dict[str, int] = {}
        for m in members:
            for a in _initialised_fields(model, m):
                if a not in owners:
                    fields.append(a)
                owners[a] = owners.get(a, 0) + 1
        body_names = set().union(*(_class_body_names(model.classes[m].node) for m in members))
        optional = {a for a in fields if owners[a] < len(members)}
        fields = [a for a in fields if a not in optional or a not in body_names]  # else the class's is read
        info = StructInfo(root.name, ident(root.name), {}, [root.name] + [m for m in members if m != root.name],
                          optional & set(fields))
        places[root.name] = [(a, root.attrs[a]) for a in fields]
        for m in members:
            plan.classes[m] = info
    for name, info in plan.classes.items():  # typed once every struct is known
        if name == info.name:
            info.fields = {a: plan.value_type(place.type) for a, place in places[name]}
    for facts in inference.functions:
        _plan_method(plan, model, facts)
    _never_returning(plan, inference)
    return plan


def _never_returning(plan: StructPlan, inference: Inference) -> None:
    """A method that only raises (`raise NotImplementedError` in a base) takes the result
    type its overrides share, so that a call dispatched among them stays typed."""
    shared: dict[tuple[str, str], set[str]] = {}
    silent = []
    for facts in inference.functions:
        if id(facts.node) not in plan.method_params:
            continue
        key = (plan.classes[facts.cls.name].name, facts.node.name)
        if not facts.ret.type.atoms:
            silent.append((key, facts.node))
        else:
            shared.setdefault(key, set()).add(plan.method_returns.get(id(facts.node), "Value"))
    for key, node in silent:
        rets = shared.get(key, set())
        if len(rets) == 1 and "Value" not in rets:
            plan.method_returns[id(node)] = next(iter(rets))


def _plan_method(plan: StructPlan, model, facts: FunctionFacts) -> None:
    """Typed parameters (self first) and result for a method of a struct class."""
    cls = facts.cls
    info = plan.classes.get(cls.name) if cls is not None else None
    node = facts.node
    if info is None or not _is_instance_method(facts) or node.decorator_list:
        return
    args = node.args
    if args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs:
        return
    scope = model.scopes.scope_of(node)
    if scope.is_generator or any(p in scope.cells for p in scope.params[:1]):
        return
    self_name = scope.params[0]
    if any(isinstance(n, ast.Name) and n.id == self_name and not isinstance(n.ctx, ast.Load)
           for n in astwalk.own_nodes(node.body)):
        return
    if plan.rust_type(facts.params[0][1].type) != f"Obj<{info.rust}>":
        return
    types: list[str | None] = [f"Obj<{info.rust}>"]
    for name, place in facts.params[1:]:
        types.append(None if name in scope.cells else _native(plan, place.type))
    plan.method_params[id(node)] = types
    ret = _native(plan, facts.ret.type)
    if ret and astwalk.ends_with_return(node.body):
        plan.method_returns[id(node)] = ret


def _native(plan: StructPlan, ty: Ty) -> str | None:
    rust = plan.value_type(ty)
    return None if rust == "Value" else rust


def _eligible(model, cls: ClassFacts, stored_classes: set[str]) -> bool:
    if cls.node.decorator_list or ident(cls.name) in _RESERVED or cls.name in stored_classes:
        return False
    for name in model.ancestors(cls.name):
        facts = model.classes[name]
        if name in stored_classes or _class_body_names(facts.node) & _DYNAMIC_HOOKS:
            return False
    bases = model.classes[model.ancestors(cls.name)[-1]].node.bases
    return not bases or (len(bases) == 1 and isinstance(bases[0], ast.Name) and bases[0].id in ("object",))


def _subclassed_elsewhere(nodes, classes) -> set[str]:
    """Classes inherited from by a class the model does not know (one defined in a
    block or a function): its instances would not share the struct."""
    out = set()
    for n in nodes:
        if isinstance(n, ast.ClassDef) and (n.name not in classes or classes[n.name].node is not n):
            out.update(b.id for b in n.bases if isinstance(b, ast.Name))
    return out


def _class_body_names(node: ast.ClassDef) -> set[str]:
    """The names a class body binds (methods and class attributes)."""
    names = set()
    for stmt in node.body:
        if isinstance(stmt, ast.FunctionDef):
            names.add(stmt.name)
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            for t in stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]:
                names.update(n.id for n in ast.walk(t) if isinstance(n, ast.Name))
    return names


def _deletes_attributes(nodes) -> bool:
    for n in nodes:
        if isinstance(n, ast.Delete) and any(isinstance(t, ast.Attribute) for t in n.targets):
            return True
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("delattr", "vars"):
            return True
        if isinstance(n, ast.Attribute) and n.attr in ("__dict__", "__class__"):
            return True
    return False


def _classes_stored_into(nodes, classes) -> set[str]:
    """Classes whose attributes are assigned through the class object (`Node.x = ...`,
    `setattr(Node, ...)`), which could replace a method."""
    out = set()
    for n in nodes:
        if isinstance(n, ast.Attribute) and not isinstance(n.ctx, ast.Load) and isinstance(n.value, ast.Name) \
                and n.value.id in classes:
            out.add(n.value.id)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "setattr" and n.args \
                and isinstance(n.args[0], ast.Name) and n.args[0].id in classes:
            out.add(n.args[0].id)
    return out


def _initialised_fields(model, cls_name: str) -> list[str] | None:
    """The attributes every instance has when `__init__` returns (see the module doc)."""
    root = model.root_class(cls_name)
    methods = set()
    for sub in model.subclasses(root.name):
        methods.update(model.classes[sub].methods)
    assigned: list[str] = []
    init = model.method(cls_name, "__init__")
    if init is not None:
        _init_prefix(model, init, assigned, escaped=False)
    return [a for a in assigned if a not in methods and a in root.attrs]


def _init_prefix(model, init: FunctionFacts, assigned: list[str], escaped: bool) -> bool:
    """Collect into `assigned` the attributes `init` stores into self before anything
    could observe the instance; returns whether the instance may have escaped."""
    node = init.node
    if not _is_instance_method(init) or node.decorator_list or node.args.vararg or node.args.kwarg:
        return True
    self_name = model.scopes.scope_of(node).params[0]
    for stmt in node.body:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue
        if isinstance(stmt, ast.Pass):
            continue
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else None
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == self_name:
            if not _reads_only_assigned(stmt.value, self_name, assigned, strict=escaped):
                return True
            if target.attr not in assigned:
                assigned.append(target.attr)
            continue
        base_init = _super_init(model, init, stmt, self_name)
        if base_init is not None:
            call = stmt.value
            if any(not _reads_only_assigned(a, self_name, assigned, strict=escaped)
                   for a in [*call.args, *(k.value for k in call.keywords)]):
                return True
            escaped = _init_prefix(model, base_init, assigned, escaped) or escaped
            continue
        return True
    return escaped


def _super_init(model, init: FunctionFacts, stmt: ast.stmt, self_name: str) -> FunctionFacts | None:
    """The base class `__init__` that `super().__init__(...)` or `Base.__init__(self, ...)` calls."""
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return None
    func = stmt.value.func
    if not (isinstance(func, ast.Attribute) and func.attr == "__init__"):
        return None
    cls = init.cls
    if cls is None or cls.base not in model.classes:
        return None
    owner = func.value
    if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super" \
            and not owner.args and not any(isinstance(a, ast.Starred) for a in stmt.value.args):
        return model.method(cls.base, "__init__")
    return None


def _reads_only_assigned(expr: ast.expr, self_name: str, assigned: list[str], strict: bool) -> bool:
    """`expr` mentions self only to read attributes already assigned; once the instance
    may have escaped (`strict`), it also runs no code that could look at it."""
    allowed = {id(n.value) for n in ast.walk(expr) if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load)
               and isinstance(n.value, ast.Name) and n.value.id == self_name and n.attr in assigned}
    for n in ast.walk(expr):
        if isinstance(n, ast.Name) and n.id == self_name and id(n) not in allowed:
            return False
        if strict and isinstance(n, _MAY_RUN_CODE) and not (isinstance(n, ast.Attribute) and id(n.value) in allowed):
            return False
    return True


_MAY_RUN_CODE = (ast.Call, ast.Attribute, ast.Subscript, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Lambda,
                 ast.ListComp, ast.GeneratorExp, ast.DictComp, ast.SetComp, ast.JoinedStr)
