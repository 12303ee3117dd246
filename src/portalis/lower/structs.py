"""Lowering of user classes held as Rust structs (planned by `analysis.inference.structs`).

A struct class `Node` becomes `struct Node { left: Field<Option<Obj<Node>>>, x: Cell<f64> }`
with `impl Fields` (its fields by name, for dynamic code), `impl StructClass` (its class
static and blank instance) and `impl Node { fn new(..), typed methods }`.  Its instances
are `Obj<Node>` handles; the class table keeps one `fn(Vec<Value>)` wrapper per method so
that every dynamic use (a call by name, a dunder run by `print`/`==`/`hash`) still works
on the same objects.

Where an expression's type is one struct class without subclasses, `x.left` is
`x.left.get()`, `x.check()` is `Node::check(&x)` and `Node(a, b)` is `Node::new(a, b)`;
anything else takes the dynamic path, converting the handle to a `Value` (`own`).
"""
from __future__ import annotations

import ast

from portalis import ir
from portalis.analysis.inference.structs import StructInfo
from portalis.emit.names import ident, str_literal

COPY_FIELDS = ("i64", "f64", "bool")  # held in a `Cell`; the others in a `Field`
_BLANK = {"i64": "0", "Int": "Int::from(0)", "f64": "0.0", "bool": "false", "Str": 'Str::from("")', "Value": "Value::None"}


def is_struct_type(ty: str) -> bool:
    return ty.startswith("Obj<") or ty.startswith("Option<Obj<")


def _struct_name(ty: str) -> str:
    inner = ty[len("Option<"):-1] if ty.startswith("Option<") else ty
    return inner[len("Obj<"):-1]


def field_ident(attr: str) -> str:
    """A field's Rust name: the Python name, unless it is one of `Object`'s own."""
    name = ident(attr)
    return name + "_" if name in ("class", "fields", "data") else name


class StructLowering:
    @property
    def struct_plan(self):
        return self.types.scalars.structs

    def struct_of_class(self, name: str) -> StructInfo | None:
        return self.struct_plan.classes.get(name)

    def _struct_of_node(self, node: ast.expr) -> tuple[StructInfo, str] | None:
        """The struct (without subclasses) an expression always holds, and its Rust type."""
        inference = self.types.scalars.inference
        if inference is None:
            return None
        rust = self.struct_plan.rust_type(inference.expr_type(node))
        return (self.struct_plan.by_rust(rust), rust) if rust else None

    # ---- conversions -------------------------------------------------------------------------

    def box_struct(self, e: ir.Expr) -> ir.Expr:
        """A struct handle as a Value: the same object, seen by dynamic code."""
        if isinstance(e, ir.Var):
            e = ir.MethodCall(e, "clone", [], ty=e.ty)
        if e.ty.startswith("Option<"):
            return ir.MethodCall(e, "into_value", [])
        return ir.Call("Value::Object", [e])

    def unbox_struct(self, e: ir.Expr, ty: str) -> ir.Expr:
        """`e` as the struct type `ty` (`Obj<Node>` or `Option<Obj<Node>>`)."""
        if e.ty == ty:
            return ir.MethodCall(e, "clone", [], ty=ty) if isinstance(e, ir.Var) else e
        if ty.startswith("Option<") and e.ty == ty[len("Option<"):-1]:
            inner = ir.MethodCall(e, "clone", [], ty=e.ty) if isinstance(e, ir.Var) else e
            return ir.Call("Some", [inner], ty=ty)
        if ty.startswith("Option<") and isinstance(e, ir.Raw) and e.text == "Value::None":
            return ir.Raw("None", ty=ty)
        cast = "structs::cast_opt" if ty.startswith("Option<") else "structs::cast"
        return self.fallible(ir.Call(f"{cast}::<{_struct_name(ty)}>", [self.ref(e)], ty=ty))

    def struct_zero(self, ty: str) -> ir.Expr:
        """The initial value of a local declared before its first assignment."""
        if ty.startswith("Option<"):
            return ir.Raw("None", ty=ty)
        return ir.Call(f"structs::alloc::<{_struct_name(ty)}>", [], ty=ty)

    def _receiver(self, node: ast.expr, attr: str) -> tuple[ir.Expr, StructInfo] | None:
        """The typed instance `node` evaluates to (None raises AttributeError), with its struct."""
        found = self._struct_of_node(node)
        if found is None:
            return None
        info, rust = found
        obj = self.expr(node)
        obj = obj if obj.ty == rust else self.unbox_struct(obj, rust)
        if rust.startswith("Option<"):
            obj = self.fallible(ir.Call("structs::some", [ir.Ref(obj), ir.Raw(str_literal(attr))], ty="&" + rust[7:-1]))
        return obj, info

    # ---- fields ------------------------------------------------------------------------------

    def struct_attribute(self, node: ast.Attribute) -> ir.Expr | None:
        """`obj.field` read from the struct."""
        found = self._struct_of_node(node.value)
        if found is None or node.attr not in found[0].fields:
            return None
        obj, info = self._receiver(node.value, node.attr)
        return self._field_get(info, obj, node.attr)

    def _field_get(self, info: StructInfo, obj: ir.Expr, attr: str) -> ir.Expr:
        """The value of a field; one some classes of the hierarchy lack raises
        AttributeError where the instance has none."""
        ty = info.fields[attr]
        if attr not in info.optional:
            return ir.MethodCall(obj, f"{field_ident(attr)}.get", [], ty=ty)
        obj = obj.inner if isinstance(obj, ir.Ref) else obj
        if isinstance(obj, ir.Var):
            held, binds = obj, []
        else:  # evaluated once, held past the temporaries of its expression
            owned = ir.MethodCall(obj, "clone", [], ty=obj.ty.lstrip("&")) if obj.ty.startswith("&") else obj
            held = ir.Var(self.ctx.fresh("obj"), ty=owned.ty)
            binds = [ir.Let(held.name, owned)]
        value = self.fallible(ir.Call("structs::present", [
            held if held.ty.startswith("&") else ir.Ref(held),
            ir.MethodCall(held, f"{field_ident(attr)}.get", [], ty=f"Option<{ty}>"), ir.Raw(str_literal(attr))],
            ty=ty))
        return ir.BlockExpr(ir.Block(binds, value), ty=ty) if binds else value

    def _field_set(self, info: StructInfo, obj: ir.Expr, attr: str, value: ir.Expr) -> ir.Stmt:
        if attr in info.optional:
            value = ir.Call("Some", [value], ty=f"Option<{value.ty}>")
        return ir.ExprStmt(ir.MethodCall(obj, f"{field_ident(attr)}.set", [value]))

    def struct_store(self, target: ast.Attribute, value: ir.Expr, out: list) -> bool:
        """`obj.field = value` into the struct; False when `obj` is not a known struct."""
        found = self._struct_of_node(target.value)
        if found is None or target.attr not in found[0].fields:
            return False
        ty = found[0].fields[target.attr]
        value = self.to_native(value, ty) if ty != "Value" else self.own(value)
        tmp = self.ctx.fresh("value")
        out.append(ir.Let(tmp, value))  # evaluated before the object, as in Python
        obj, info = self._receiver(target.value, target.attr)
        out.append(self._field_set(info, obj, target.attr, ir.Var(tmp, ty=ty)))
        return True

    def struct_augassign(self, node: ast.AugAssign, op: str, out: list) -> bool:
        """`obj.field op= value` on a struct field."""
        target = node.target
        found = self._struct_of_node(target.value)
        if found is None or target.attr not in found[0].fields:
            return False
        info = found[0]
        ty = info.fields[target.attr]
        obj, _ = self._receiver(target.value, target.attr)
        held = obj
        if not isinstance(obj, ir.Var):  # evaluated once
            holder = self.ctx.fresh("obj")
            out.append(ir.Let(holder, obj if obj.ty.startswith("&") else ir.Ref(obj)))
            held = ir.Var(holder, ty="&" + obj.ty.lstrip("&"))
        current = self._field_get(info, held, target.attr)
        operand = self.expr(node.value)
        value = self.native_binop(type(node.op), current, operand) or \
            self.fallible(ir.Call(op, [self.ref(current), self.ref(operand)]))
        value = self.to_native(value, ty) if ty != "Value" else self.own(value)
        out.append(self._field_set(info, held, target.attr, value))
        return True

    # ---- calls -------------------------------------------------------------------------------

    def struct_method_call(self, node: ast.Call, func: ast.Attribute) -> ir.Expr | None:
        """`obj.method(args)` called statically on a struct instance: the one method its
        classes share, or a test of its class choosing among the overriding ones."""
        if self._unpacks(node):
            return None
        found = self._struct_of_node(func.value)
        if found is None:
            return None
        info = found[0]
        model = self.types.scalars.inference.model
        if func.attr in model.root_class(info.name).attrs:
            return None  # an attribute of that name would be called instead
        inference = self.types.scalars.inference
        targets: list[tuple[list[str], object, object]] = []  # (classes, method facts, signature)
        for cls in inference.expr_type(func.value).classes():
            method = model.method(cls, func.attr)
            if method is None or id(method.node) not in self.struct_plan.method_params:
                return None
            sig = self.classes[method.cls.name].methods.get(func.attr)
            if sig is None or sig.node is not method.node or not _binds(node, sig, sig.params[1:]):
                return None  # CPython's TypeError is raised at run time, by the dynamic call
            same = next((t for t in targets if t[1] is method), None)
            if same is not None:
                same[0].append(cls)
            else:
                targets.append(([cls], method, sig))
        if not targets:
            return None
        obj, _ = self._receiver(func.value, func.attr)
        if len(targets) == 1:
            receiver = obj if obj.ty.startswith("&") else ir.Ref(obj)
            return self._typed_call(info, targets[0][1], targets[0][2], node, receiver)
        rets = {self.struct_plan.method_returns.get(id(t[1].node), "Value") for t in targets}
        ret = rets.pop() if len(rets) == 1 else "Value"
        held = ir.Var(self.ctx.fresh("receiver"), ty="&" + obj.ty.lstrip("&"))
        chain: ir.Expr | None = None
        for classes, method, sig in reversed(targets):
            call = self._typed_call(info, method, sig, node, held)
            call = call if ret != "Value" else self.own(call)
            if chain is None:
                chain = call  # the last one needs no test
                continue
            test = None
            for cls in classes:
                one = ir.Call("structs::is", [held, ir.Raw(f"&{self.classes[cls].static}")])
                test = one if test is None else ir.Binary("||", test, one)
            chain = ir.IfExpr(test, call, chain, ty=ret)
        bind = ir.Let(held.name, obj if obj.ty.startswith("&") else ir.Ref(obj))
        return ir.BlockExpr(ir.Block([bind], chain), ty=ret)

    def struct_super_call(self, node: ast.Call, method: str) -> ir.Expr | None:
        """`super().method(args)` in a typed method of a struct class: the base class's
        typed method, called statically on self."""
        scope = self.ctx.scope
        types = self.struct_plan.method_params.get(id(scope.node))
        model = self.types.scalars.inference.model if self.types.scalars.inference is not None else None
        if not types or model is None or self._unpacks(node):
            return None
        cls = model.functions[id(scope.node)].cls
        if len(cls.node.bases) != 1 or cls.base not in model.classes:
            return None
        if any(len(other.node.bases) > 1 for other in model.classes.values()):
            return None  # with multiple inheritance, super() follows the instance's MRO, not the base

        target = model.method(cls.base, method)
        info = self.struct_of_class(cls.name)
        if target is None or id(target.node) not in self.struct_plan.method_params \
                or self.struct_of_class(target.cls.name) is not info:
            return None
        sig = self.classes[target.cls.name].methods.get(method)
        if sig is None or sig.node is not target.node or not _binds(node, sig, sig.params[1:]):
            return None
        receiver = self.load_name(scope.params[0], node)
        return self._typed_call(info, target, sig, node, receiver if receiver.ty.startswith("&") else ir.Ref(receiver))

    def _typed_call(self, info: StructInfo, method, sig, node: ast.Call, receiver: ir.Expr) -> ir.Expr:
        native = self.struct_plan.method_params[id(method.node)][1:]
        args = self._bind_arguments(node, sig, sig.params[1:], native)
        ret = self.struct_plan.method_returns.get(id(method.node), "Value")
        name = info.impl_name(method.cls.name, method.node.name)
        return self.fallible(ir.Call(f"{info.rust}::{name}", [receiver, *args], ty=ret))

    def struct_new(self, node: ast.Call, name: str) -> ir.Expr | None:
        """`Node(args)` for a struct class: `Node::new(args)` (`Shape::new_Square` for a
        subclass sharing the struct of its hierarchy)."""
        info = self.struct_of_class(name)
        if info is None or self._unpacks(node):
            return None
        init = self.types.scalars.inference.model.method(name, "__init__")
        if init is None:
            if node.args or node.keywords:
                return None
            return ir.Call(f"structs::alloc_in::<{info.rust}>", [ir.Raw(f"&{self.classes[name].static}")],
                           ty=f"Obj<{info.rust}>")
        if id(init.node) not in self.struct_plan.method_params:
            return None
        sig = self.classes[init.cls.name].methods.get("__init__")
        if sig is None or sig.node is not init.node or not _binds(node, sig, sig.params[1:]):
            return None
        native = self.struct_plan.method_params[id(init.node)][1:]
        args = self._bind_arguments(node, sig, sig.params[1:], native)
        return self.fallible(ir.Call(f"{info.rust}::{info.constructor(name)}", args, ty=f"Obj<{info.rust}>"))

    # ---- items ---------------------------------------------------------------------------------

    def method_param_types(self, node: ast.FunctionDef) -> list[str | None]:
        """The Rust types of a typed method's parameters (`&Obj<Node>` for self)."""
        types = self.struct_plan.method_params.get(id(node))
        if not types:
            return []
        return [f"&{types[0]}", *types[1:]]

    def method_return_type(self, node: ast.FunctionDef) -> str | None:
        return self.struct_plan.method_returns.get(id(node))

    def struct_items(self, info: StructInfo, methods: list[ir.Function], name: str) -> list:
        """For the root class of a struct: the struct, its `Fields` and `StructClass`
        impls; for each class: an `impl` with its constructor and typed methods."""
        impl = [m for m in [self._constructor(info, name)] + methods if m is not None]
        items: list = [ir.Impl(info.rust, impl, name)] if impl else []
        if name != info.name:
            return items
        cls = self.classes[info.name]
        fields = [(attr, field_ident(attr), ty, attr in info.optional) for attr, ty in info.fields.items()]
        holder = lambda ty: "Cell" if ty in COPY_FIELDS else "Field"  # noqa: E731
        decl = "\n".join(f"    {rust}: {holder(ty)}<{f'Option<{ty}>' if opt else ty}>," for _, rust, ty, opt in fields)
        gets = "\n".join(f"            {str_literal(a)} => self.{r}.get().map(IntoValue::into_value)," if opt else
                         f"            {str_literal(a)} => Some(self.{r}.get().into_value())," for a, r, _, opt in fields)
        sets = "\n".join(f"            {str_literal(a)} => self.{r}.set(Some(FromValue::from_value(value)?))," if opt else
                         f"            {str_literal(a)} => self.{r}.set(FromValue::from_value(value)?),"
                         for a, r, _, opt in fields)
        names = ", ".join(str_literal(a) for a, _, _, _ in fields)
        blank = "\n".join(f"            {r}: {holder(ty)}::new({'None' if opt else self._blank(ty)}),"
                          for _, r, ty, opt in fields)
        text = (f"/// The instance attributes of class {self.py_name(info.name)}.\n"
                f"{'#[allow(non_camel_case_types)]' + chr(10) if not info.rust[:1].isupper() else ''}"
                f"struct {info.rust} {{\n{decl}\n}}\n\n"
                f"impl Fields for {info.rust} {{\n"
                f"    fn get(&self, name: &str) -> Option<Value> {{\n        match name {{\n{gets}\n"
                f"            _ => None,\n        }}\n    }}\n\n"
                f"    fn set(&self, name: &str, value: &Value) -> PyResult<bool> {{\n        match name {{\n{sets}\n"
                f"            _ => return Ok(false),\n        }}\n        Ok(true)\n    }}\n\n"
                f"    fn names(&self) -> &'static [&'static str] {{\n        &[{names}]\n    }}\n}}\n\n"
                f"impl StructClass for {info.rust} {{\n"
                f"    fn class() -> &'static Class {{\n        &{cls.static}\n    }}\n\n"
                f"    fn blank() -> {info.rust} {{\n        {info.rust} {{\n{blank}\n        }}\n    }}\n}}")
        if not fields:
            text = text.replace("fn set(&self, name: &str, value: &Value)", "fn set(&self, name: &str, _value: &Value)")
            text = text.replace(f"struct {info.rust} {{\n\n}}", f"struct {info.rust} {{}}")
            text = text.replace(f"        {info.rust} {{\n\n        }}", f"        {info.rust} {{}}")
        return [ir.RawItem(text, "class", info.name)] + items

    def _blank(self, ty: str) -> str:
        if ty.startswith("Option<"):
            return "None"
        if ty.startswith("Obj<"):
            return f"structs::alloc::<{_struct_name(ty)}>()"
        return _BLANK[ty]

    def _constructor(self, info: StructInfo, name: str) -> ir.Function | None:
        """`Node::new(args)`: a blank instance initialised by the typed `__init__`."""
        init = self.types.scalars.inference.model.method(name, "__init__")
        if init is None or id(init.node) not in self.struct_plan.method_params:
            return None
        types = self.struct_plan.method_params[id(init.node)][1:]
        scope = self.scopes.scope_of(init.node)
        params = [ir.Param(ident(p), t or "Value") for p, t in zip(scope.params[1:], types)]
        instance = "py_instance"  # `ident` never makes this name from a Python one
        body = ir.Block([
            ir.Let(instance, ir.Call(f"structs::alloc_in::<{info.rust}>", [ir.Raw(f"&{self.classes[name].static}")])),
            ir.ExprStmt(ir.Try(ir.Call(f"{info.rust}::{info.impl_name(init.cls.name, '__init__')}",
                                       [ir.Ref(ir.Var(instance))] +
                                       [ir.Var(p.name) for p in params]))),
        ], ir.Call("Ok", [ir.Var(instance)]))
        return ir.Function(info.constructor(name), params, f"PyResult<Obj<{info.rust}>>", body,
                           doc=f"`{self.py_name(name)}(...)`: a new instance, initialised.")

    def typed_method_wrapper(self, info: StructInfo, cls: str, entry, sig, fn: ir.Function) -> ir.Function:
        """The class-table entry of a typed method: bind the Vec of arguments, convert them,
        call the typed method and box its result."""
        from portalis.lower.module import FnCtx
        node = entry.node
        types = self.struct_plan.method_params[id(node)]
        params = [ir.Param(p.name) for p in fn.params]
        outer = self.ctx
        self.ctx = FnCtx(self.scopes.scope_of(node), "method")
        stmts = self._bind_dynamic_args(f"{info.name}.{node.name}", sig, params)
        args: list[ir.Expr] = []
        for p, ty in zip(params, types):
            value = ir.Var(p.name)
            if ty is None:
                args.append(value)
                continue
            native = self.to_native(value, ty)
            args.append(ir.Ref(native) if p is params[0] else native)
        ret = self.struct_plan.method_returns.get(id(node), "Value")
        call = ir.Try(ir.Call(f"{info.rust}::{info.impl_name(cls, node.name)}", args, ty=ret), ty=ret)
        result = self.own(call)
        self.ctx = outer
        return ir.Function(entry.rust_name, [ir.Param("args", "Vec<Value>")], "PyResult<Value>",
                           ir.Block(stmts, ir.Call("Ok", [result])), python_name=f"{cls}.{node.name}")


def _binds(node: ast.Call, sig, params: list[str]) -> bool:
    """Whether a call's arguments bind to `params` (no extra, repeated or missing one)."""
    if len(node.args) > len(params):
        return False
    given = set(params[:len(node.args)])
    for kw in node.keywords:
        if kw.arg not in params or kw.arg in given:
            return False
        given.add(kw.arg)
    return all(p in given or p in sig.defaults for p in params)
