"""Expression lowering: Python expressions to IR expressions producing `Value`s.

Conventions: every lowered expression evaluates to an owned `Value`, except a plain
variable read, which stays an `ir.Var` so its consumer can borrow it (`&x`) instead of
cloning.  Fallible runtime calls are wrapped by `fallible`, which becomes `?`, or the
catching macro inside a Python `try` body.
"""
from __future__ import annotations

import ast
import builtins

from portalis import ir
from portalis.emit.names import float_literal, ident, static_ident, str_literal
from portalis.analysis.stdlib_names import STDLIB_EXCEPTIONS
from portalis.lower.containers import element_type, is_list_type
from portalis.lower.dicts import is_map_type
from portalis.lower.sets import is_set_type
from portalis.lower.tuples import is_option_type, is_tuple_type
from portalis.lower.native import COPY_TYPES, NATIVE_TYPES, UNBOXERS, ZERO
from portalis.lower.structs import is_struct_type

BINARY_OPS = {  # every ast operator
    ast.Add: "ops::add", ast.Sub: "ops::sub", ast.Mult: "ops::mul", ast.Div: "ops::truediv",
    ast.FloorDiv: "ops::floordiv", ast.Mod: "ops::modulo", ast.Pow: "ops::pow",
    ast.BitAnd: "ops::bitand", ast.BitOr: "ops::bitor", ast.BitXor: "ops::bitxor",
    ast.LShift: "ops::lshift", ast.RShift: "ops::rshift", ast.MatMult: "ops::matmul",
}

COMPARE_OPS = {
    ast.Eq: "ops::eq", ast.NotEq: "ops::ne", ast.Lt: "ops::lt", ast.LtE: "ops::le",
    ast.Gt: "ops::gt", ast.GtE: "ops::ge", ast.Is: "ops::is_", ast.IsNot: "ops::is_not",
    ast.In: "ops::in_", ast.NotIn: "ops::not_in",
}

# Operators on two machine ints: a checked runtime function, or a native Rust operator.
INT_OPS = {
    ast.Add: "intops::add", ast.Sub: "intops::sub", ast.Mult: "intops::mul",
    ast.FloorDiv: "intops::floordiv", ast.Mod: "intops::modulo", ast.LShift: "intops::lshift",
    ast.RShift: "intops::rshift", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^",
}
# The dynamic operator to use when a machine-int result is needed as a Value.
WIDENING = {"intops::add": "ops::add", "intops::sub": "ops::sub", "intops::mul": "ops::mul",
            "intops::floordiv": "ops::floordiv", "intops::modulo": "ops::modulo",
            "intops::lshift": "ops::lshift", "intops::neg": "ops::neg", "intops::abs": "builtins::abs"}

I64_MIN, I64_MAX = -(2 ** 63), 2 ** 63 - 1
# Expressions computed as a Value (an item, a call, a dynamic operator) that are unboxed
# right away when the inference proved they always give a float or a bool, so the code
# around them stays native.
_UNBOXED = (ast.Subscript, ast.Call, ast.Attribute, ast.BinOp, ast.Name, ast.BoolOp, ast.IfExp)
# Expressions that build a new list, computed as a Value where no typed form is lowered:
# unboxed at once when the analysis made the list typed (nothing else holds it yet).
_FRESH_LISTS = (ast.ListComp, ast.Call, ast.List, ast.BinOp)


# Attributes CPython objects have that a compiled program cannot offer: reading one,
# or asking hasattr/getattr for it, is a translation-time error rather than a lie.
INTROSPECTION_ATTRS = frozenset({"__code__", "__globals__", "__closure__", "__defaults__", "__kwdefaults__",
                                 "__dict__", "__func__", "__self__", "__builtins__", "__annotations__",
                                 "__slots__", "__weakref__", "__module__", "__qualname__", "__mro__",
                                 "__bases__", "__subclasses__", "__init_subclass__"})


class ExprLowering:
    # ---- value plumbing ---------------------------------------------------------------

    def own(self, e: ir.Expr) -> ir.Expr:
        """An owned Value: machine ints and bools are boxed, variables cloned (a
        reference-count bump).  Machine-int arithmetic whose result is wanted as a Value
        switches to the dynamic operator, which grows into a big int instead of
        overflowing."""
        boxed = _unboxed_value(e)
        if boxed is not None:
            return self.own(boxed)
        if isinstance(e, ir.Try) and isinstance(e.inner, ir.Call) and e.inner.func in WIDENING:
            call = ir.Call(WIDENING[e.inner.func], [self.ref(a) for a in e.inner.args])
            return ir.Try(call, e.catch, ty="Value", site=e.site)
        if e.ty == "i64":
            return ir.Call("Value::Int", [e])
        if e.ty in ("Int", "Num"):
            return ir.MethodCall(e, "to_value", [])
        if e.ty == "f64":
            return ir.Call("Value::Float", [e])
        if e.ty == "Str":
            return ir.Call("Value::Str", [ir.MethodCall(e, "clone", []) if isinstance(e, ir.Var) else e])
        if e.ty == "bool":
            return ir.Call("Value::Bool", [e])
        if is_list_type(e.ty) or is_map_type(e.ty) or is_set_type(e.ty):
            return ir.MethodCall(e, "to_value", [])  # a copy: only where it is merely read
        if is_tuple_type(e.ty):
            return self.box_tuple(e)
        if is_option_type(e.ty):
            return self.box_option(e)
        if e.ty == "()":
            return ir.BlockExpr(ir.Block([ir.ExprStmt(e)], ir.Raw("Value::None")))
        if is_struct_type(e.ty):
            return self.box_struct(e)
        if isinstance(e, ir.Var):
            return ir.MethodCall(e, "clone", [])
        return e

    def ref(self, e: ir.Expr) -> ir.Expr:
        boxed = _unboxed_value(e)
        if boxed is not None:
            return ir.Ref(boxed)
        if e.ty in NATIVE_TYPES or is_list_type(e.ty) or is_map_type(e.ty) or is_set_type(e.ty) or is_tuple_type(e.ty) \
                or is_option_type(e.ty) or is_struct_type(e.ty) or e.ty == "()":
            return ir.Ref(self.own(e))
        return ir.Ref(e)

    def machine_int(self, e: ir.Expr) -> ir.Expr:
        """`e` as an i64, unboxing a Value the inference knows to hold an int."""
        if e.ty == "i64":
            return e
        if isinstance(e, ir.Call) and e.func == "Value::Int":
            return e.args[0]
        if e.ty == "Int":
            return self.fallible(ir.MethodCall(e, "to_index", [], ty="i64"))
        return self.fallible(ir.Call("intops::unbox", [self.ref(e)], ty="i64"))

    def is_int_var(self, name: str) -> bool:
        """A plain local of the current function that the types pass proved is an i64."""
        return self.var_type(name) == "i64"

    def fallible(self, call: ir.Expr) -> ir.Expr:
        target = self.ctx.try_target()
        site = self.site()
        if target is None:
            return ir.Try(call, ty=call.ty, site=site)
        target.used = True
        return ir.Try(call, target.target, ty=call.ty, site=site)

    # ---- names -----------------------------------------------------------------------------

    def _is_cell(self, name: str) -> bool:
        scope = self.ctx.scope
        return name in scope.cells or (name in scope.free and scope.kind != "module")

    def _comp_var(self, name: str) -> str | None:
        for frame in reversed(self.ctx.comp_vars):
            if name in frame:
                return frame[name]
        return None

    def _is_local(self, name: str) -> bool:
        scope = self.ctx.scope
        if scope.kind == "module":
            return name in scope.assigned and name not in self.global_vars \
                and name not in self.functions and name not in self.classes and name not in self.imports \
                and name not in self.unavailable
        return name in scope.locals

    def load_name(self, name: str, node: ast.AST) -> ir.Expr:
        comp = self._comp_var(name)
        if comp is not None:
            return ir.Var(comp, ty=self.ctx.comp_types.get(comp, "Value"))
        if self._is_cell(name):
            return ir.MethodCall(ir.Var(ident(name)), "get", [])
        if self._is_local(name):
            return ir.Var(ident(name), ty=self.var_type(name))
        if name in self.global_vars:
            read = ir.MethodCall(ir.Var(static_ident(name)), "bound_value", [ir.Raw(str_literal(name))])
            return self.fallible(read)
        if name in self.functions:
            return self.module_function_value(name)
        if name in self.classes and not self.classes[name].is_exception:
            return self.class_value(name)
        if name in self.imports:
            return self.imported_value(name, node)
        if name in self.unavailable:
            stmt, message, hint = self.unavailable[name]
            self.used_unavailable.add(name)
            self.error(node, f"{message} (used here; imported at line {stmt.lineno})", hint)
            return ir.Raw("Value::None")
        if name == "__name__":
            return ir.Raw('Value::str("__main__")')
        if name == "__doc__":
            return self._docstring(self.parsed.tree)
        if name == "object":
            return ir.Raw("Value::Class(&classes::OBJECT)")
        return self.builtin_value(name, node)

    def store_name(self, name: str, value: ir.Expr, out: list, node: ast.AST) -> None:
        comp = self._comp_var(name)
        if comp is not None:
            ty = self.ctx.comp_types.get(comp)
            out.append(ir.Let(comp, self.to_native(value, ty) if ty else self.own(value)))
            return
        if self._is_cell(name):
            out.append(ir.ExprStmt(ir.MethodCall(ir.Var(ident(name)), "set", [self.own(value)])))
            return
        if self._is_local(name):
            rust = ident(name)
            ty = self.var_type(name)
            value = self.to_native(value, ty) if ty != "Value" else self.own(value)
            if name in self.ctx.declared:
                out.append(ir.Assign(ir.Var(rust), value))
            else:
                self.ctx.declared.add(name)
                mutable = self.ctx.store_counts.get(name, 0) > 1
                out.append(ir.Let(rust, value, mutable=mutable))
            self.mark_bound(name, True, out)
            return
        if name in self.global_vars:
            out.append(ir.ExprStmt(ir.MethodCall(ir.Var(static_ident(name)), "set_value", [self.own(value)])))
            return
        self.error(node, f"cannot assign to {name} here", "assign to a local or module-level variable")

    # ---- dispatch -----------------------------------------------------------------------

    def expr(self, node: ast.expr) -> ir.Expr:
        method = getattr(self, f"expr_{type(node).__name__}", None)
        if method is None:
            self.error(node, f"{type(node).__name__} expressions are not supported yet",
                       "rewrite the expression with supported constructs")
            return ir.Raw("Value::None")
        self.positions.append(node)  # the site of the errors it may raise
        try:
            lowered = method(node)
        finally:
            self.positions.pop()
        if lowered.ty == "Value" and isinstance(node, _FRESH_LISTS):
            typed = self.list_type(node)
            if typed is not None:
                return self.unbox_list(lowered, typed)
        if lowered.ty == "Value" and isinstance(node, _UNBOXED):
            native = self.types.scalars.expr_type(node)
            if native in COPY_TYPES:
                return self.to_native(lowered, native)
        return lowered

    def expr_Constant(self, node: ast.Constant) -> ir.Expr:
        v = node.value
        if v is None:
            return ir.Raw("Value::None")
        if v is True or v is False:
            return ir.Raw("true" if v else "false", ty="bool")
        if isinstance(v, int):
            if not I64_MIN <= v <= I64_MAX:
                return ir.Call("ops::big_literal", [ir.Raw(str_literal(str(v)))])
            return ir.Raw(str(v) if v >= 0 else f"{v}_i64", ty="i64")
        if isinstance(v, float):
            return ir.Raw(float_literal(v), ty="f64")
        if isinstance(v, str):
            return ir.Raw(f"Value::str({str_literal(v)})")
        if isinstance(v, complex):  # the parser gives `3+4j` as `3 + 4j`
            return ir.Call("complex::imaginary", [ir.Raw(float_literal(v.imag), ty="f64")])
        if v is Ellipsis:
            return ir.Call("builtins::ellipsis", [])
        if isinstance(v, bytes):
            return ir.Call("bytes::literal", [ir.Raw(f"&[{', '.join(str(b) for b in v)}]")])
        self.error(node, f"{type(v).__name__} literals are not supported", "use str, int, float, bool or None")
        return ir.Raw("Value::None")

    def expr_Name(self, node: ast.Name) -> ir.Expr:
        return self.checked_read(node, self.load_name(node.id, node))

    def expr_BinOp(self, node: ast.BinOp) -> ir.Expr:
        typed = self.typed_list_binop(node) or (self.str_concat(node) if isinstance(node.op, ast.Add) else None)
        if typed is not None:
            return typed
        func = BINARY_OPS[type(node.op)]
        left, right = self.expr(node.left), self.expr(node.right)
        return self.native_binop(type(node.op), left, right) or \
            self.fallible(ir.Call(func, [self.ref(left), self.ref(right)]))

    def native_binop(self, op: type, left: ir.Expr, right: ir.Expr) -> ir.Expr | None:
        """Arithmetic on native ints or floats without boxing, or None."""
        if left.ty == right.ty == "i64" and op in INT_OPS:
            return self.int_op(op, left, right)
        if op is ast.Pow:
            return self.int_pow(left, right)
        return self.int_binop(op, left, right) or self.float_binop(op, left, right) or self.num_binop(op, left, right)

    def int_op(self, op: type, left: ir.Expr, right: ir.Expr) -> ir.Expr:
        native = INT_OPS[op]
        if native.startswith("intops::"):
            return self.fallible(ir.Call(native, [left, right], ty="i64"))
        return ir.Binary(native, left, right, ty="i64")

    def expr_UnaryOp(self, node: ast.UnaryOp) -> ir.Expr:
        if isinstance(node.op, ast.Not):
            return ir.Call("Value::Bool", [ir.Unary("!", self.condition(node.operand))])
        if isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
                and isinstance(node.operand.value, (int, float)) and not isinstance(node.operand.value, bool):
            return self.expr_Constant(ast.copy_location(ast.Constant(-node.operand.value), node))
        operand = self.expr(node.operand)
        if operand.ty == "f64" and isinstance(node.op, (ast.USub, ast.UAdd)):
            return self.float_negate(operand) if isinstance(node.op, ast.USub) else operand
        if operand.ty == "Num" and isinstance(node.op, (ast.USub, ast.UAdd)):
            return ir.MethodCall(operand, "neg", [], ty="Num") if isinstance(node.op, ast.USub) else operand
        if operand.ty == "Int":
            if isinstance(node.op, ast.UAdd):
                return operand
            return ir.MethodCall(operand, "neg" if isinstance(node.op, ast.USub) else "invert", [], ty="Int")
        if operand.ty == "i64":
            if isinstance(node.op, ast.UAdd):
                return operand
            if isinstance(node.op, ast.Invert):
                return ir.Unary("!", operand, ty="i64")
            return self.fallible(ir.Call("intops::neg", [operand], ty="i64"))
        func = {ast.USub: "ops::neg", ast.UAdd: "ops::pos", ast.Invert: "ops::invert"}[type(node.op)]
        return self.fallible(ir.Call(func, [self.ref(operand)]))

    def expr_BoolOp(self, node: ast.BoolOp) -> ir.Expr:
        """`a and b` / `a or b` return an operand, as in Python (of bools: a bool)."""
        if all(self.types.scalars.expr_type(v) == "bool" for v in node.values):
            return self.condition(node)
        result = self.own(self.expr(node.values[-1]))
        for operand in reversed(node.values[:-1]):
            tmp = self.ctx.fresh("operand")
            test = ir.MethodCall(ir.Var(tmp), "truthy", [])
            if isinstance(node.op, ast.And):
                chosen = ir.IfExpr(test, result, ir.Var(tmp))
            else:
                chosen = ir.IfExpr(test, ir.Var(tmp), result)
            result = ir.BlockExpr(ir.Block([ir.Let(tmp, self.own(self.expr(operand)))], chosen))
        return result

    def condition(self, node: ast.expr) -> ir.Expr:
        """A Python test as a Rust bool, short-circuiting without building Values."""
        if isinstance(node, ast.BoolOp):
            op = "&&" if isinstance(node.op, ast.And) else "||"
            parts = [self.condition(v) for v in node.values]
            result = parts[0]
            for p in parts[1:]:
                result = ir.Binary(op, result, p)
            return result
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return ir.Unary("!", self.condition(node.operand))
        if isinstance(node, ast.Constant) and isinstance(node.value, bool):
            return ir.Raw("true" if node.value else "false")
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            contains = self.typed_set_contains(node)
            if contains is not None:
                return contains
            op = node.ops[0]
            left, right = self.expr(node.left), self.expr(node.comparators[0])
            native = self.native_compare(op, left, right)
            if native is not None:
                return native
            if isinstance(op, (ast.Is, ast.IsNot)) and isinstance(node.comparators[0], ast.Constant) \
                    and node.comparators[0].value is None and (left.ty == "Value" or left.ty.startswith("Option<")):
                test = ir.MethodCall(left, "is_none", [])
                return test if isinstance(op, ast.Is) else ir.Unary("!", test)
            if isinstance(op, (ast.Eq, ast.NotEq)):
                test = ir.Call("ops::values_equal", [self.ref(left), self.ref(right)])
                return test if isinstance(op, ast.Eq) else ir.Unary("!", test)
            if isinstance(op, (ast.In, ast.NotIn)):
                test = self.fallible(ir.Call("ops::contains", [self.ref(right), self.ref(left)]))
                return test if isinstance(op, ast.In) else ir.Unary("!", test)
            return ir.MethodCall(self.fallible(ir.Call(COMPARE_OPS[type(op)], [self.ref(left), self.ref(right)])),
                                 "truthy", [])
        value = self.expr(node)
        if value.ty == "bool":
            return value
        if value.ty in ("i64", "f64"):
            return ir.Binary("!=", value, ir.Raw(ZERO[value.ty]))
        if value.ty == "Int":
            return ir.Unary("!", ir.MethodCall(value, "is_zero", [], ty="bool"), ty="bool")
        if value.ty == "Str" or is_list_type(value.ty) or is_map_type(value.ty) or is_set_type(value.ty):
            return ir.Unary("!", ir.MethodCall(value, "is_empty", []))
        boxed = is_struct_type(value.ty) or is_tuple_type(value.ty) or is_option_type(value.ty) or value.ty == "()"
        return ir.MethodCall(self.own(value) if boxed else value, "truthy", [])

    def expr_Compare(self, node: ast.Compare) -> ir.Expr:
        contains = self.typed_dict_contains(node) or self.typed_set_contains(node)
        if contains is not None:
            return contains
        if len(node.ops) == 1:
            func = COMPARE_OPS[type(node.ops[0])]
            left, right = self.expr(node.left), self.expr(node.comparators[0])
            native = self.native_compare(node.ops[0], left, right)
            if native is not None:
                return native
            if isinstance(node.ops[0], (ast.Is, ast.IsNot)) and left.ty.startswith("Option<") \
                    and isinstance(node.comparators[0], ast.Constant) and node.comparators[0].value is None:
                test = ir.MethodCall(left, "is_none", [], ty="bool")
                return test if isinstance(node.ops[0], ast.Is) else ir.Unary("!", test, ty="bool")
            return self.fallible(ir.Call(func, [self.ref(left), self.ref(right)]))
        # a < b < c: evaluate each operand once, stop at the first false comparison.
        stmts: list[ir.Stmt] = []
        names = []
        for operand in [node.left] + node.comparators:
            names.append(self.ctx.fresh("operand"))
        stmts.append(ir.Let(names[0], self.own(self.expr(node.left))))
        result: ir.Expr | None = None
        checks = []
        for i, (op, comp) in enumerate(zip(node.ops, node.comparators)):
            checks.append((names[i], COMPARE_OPS[type(op)], names[i + 1], comp))
        # Build nested: let b = ..; let r = op(a,b); if !r.truthy() { r } else { let c = ..; op(b,c) }
        result = self._chain(checks)
        return ir.BlockExpr(ir.Block(stmts, result))

    def _chain(self, checks) -> ir.Expr:
        left, func, right, comp = checks[0]
        lets = [ir.Let(right, self.own(self.expr(comp)))]
        outcome = self.fallible(ir.Call(func, [ir.Ref(ir.Var(left)), ir.Ref(ir.Var(right))]))
        if len(checks) == 1:
            return ir.BlockExpr(ir.Block(lets, outcome))
        tmp = self.ctx.fresh("outcome")
        lets.append(ir.Let(tmp, outcome))
        rest = self._chain(checks[1:])
        return ir.BlockExpr(ir.Block(lets, ir.IfExpr(ir.MethodCall(ir.Var(tmp), "truthy", []), rest, ir.Var(tmp))))

    def expr_IfExp(self, node: ast.IfExp) -> ir.Expr:
        body, orelse = self.expr(node.body), self.expr(node.orelse)
        if body.ty == orelse.ty and body.ty in COPY_TYPES:
            return ir.IfExpr(self.condition(node.test), body, orelse, ty=body.ty)
        if self.native_text(body) and self.native_text(orelse):
            return ir.IfExpr(self.condition(node.test), self.to_native(body, "Str"), self.to_native(orelse, "Str"),
                             ty="Str")
        if "Int" in (body.ty, orelse.ty) and {body.ty, orelse.ty} <= {"Int", "i64"}:
            return ir.IfExpr(self.condition(node.test), self.to_native(body, "Int"), self.to_native(orelse, "Int"),
                             ty="Int")
        ty = self.struct_plan.rust_type(self.types.scalars.inference.expr_type(node)) \
            if is_struct_type(body.ty) and is_struct_type(orelse.ty) else None
        if ty is not None:
            return ir.IfExpr(self.condition(node.test), self.unbox_struct(body, ty), self.unbox_struct(orelse, ty), ty=ty)
        return ir.IfExpr(self.condition(node.test), self.own(body), self.own(orelse))

    def expr_NamedExpr(self, node: ast.NamedExpr) -> ir.Expr:
        tmp = self.ctx.fresh("assigned")
        stmts: list[ir.Stmt] = [ir.Let(tmp, self.own(self.expr(node.value)))]
        self.store_name(node.target.id, ir.MethodCall(ir.Var(tmp), "clone", []), stmts, node)
        return ir.BlockExpr(ir.Block(stmts, ir.Var(tmp)))

    # ---- containers ---------------------------------------------------------------------

    def _items(self, elts: list[ast.expr]) -> ir.Expr:
        """A Vec<Value> of the elements, splicing `*iterable` ones."""
        if not any(isinstance(e, ast.Starred) for e in elts):
            return ir.VecLit([self.own(self.expr(e)) for e in elts])
        tmp = self.ctx.fresh("elements")
        stmts: list[ir.Stmt] = [ir.Let(tmp, ir.Raw("Vec::new()"), mutable=True, ty="Vec<Value>")]
        for e in elts:
            if isinstance(e, ast.Starred):
                spread = self.fallible(ir.Call("iter::collect_vec", [self.ref(self.expr(e.value))]))
                stmts.append(ir.ExprStmt(ir.MethodCall(ir.Var(tmp), "extend", [spread])))
            else:
                stmts.append(ir.ExprStmt(ir.MethodCall(ir.Var(tmp), "push", [self.own(self.expr(e))])))
        return ir.BlockExpr(ir.Block(stmts, ir.Var(tmp)))

    def expr_List(self, node: ast.List) -> ir.Expr:
        typed = self.typed_list_literal(node)
        if typed is not None:
            return typed
        return ir.Call("Value::list", [self._items(node.elts)])

    def expr_Tuple(self, node: ast.Tuple) -> ir.Expr:
        return ir.Call("Value::tuple", [self._items(node.elts)])

    def expr_Set(self, node: ast.Set) -> ir.Expr:
        constant = all(isinstance(e, ast.Constant) or (isinstance(e, ast.UnaryOp) and isinstance(e.operand, ast.Constant))
                       for e in node.elts)
        return self.fallible(ir.Call("methods::set_display", [self._items(node.elts), ir.Raw("true" if constant else "false")]))

    def expr_Dict(self, node: ast.Dict) -> ir.Expr:
        typed = self.typed_dict_literal(node)
        if typed is not None:
            return typed
        if not node.keys:
            return ir.Raw("Value::dict(Dict::new())")
        tmp = self.ctx.fresh("dict")
        stmts: list[ir.Stmt] = [ir.Let(tmp, ir.Raw("Dict::new()"), mutable=True)]
        for key, value in zip(node.keys, node.values):
            if key is None:
                spread = self.fallible(ir.Call("methods::dict_update_from", [ir.Raw(f"&mut {tmp}"), self.ref(self.expr(value))]))
                stmts.append(ir.ExprStmt(spread))
                continue
            k, v = self.own(self.expr(key)), self.own(self.expr(value))
            stmts.append(ir.ExprStmt(self.fallible(ir.Call("methods::dict_insert", [ir.Raw(f"&mut {tmp}"), k, v]))))
        return ir.BlockExpr(ir.Block(stmts, ir.Call("Value::dict", [ir.Var(tmp)])))

    # ---- subscripts and attributes ------------------------------------------------------------

    def _bound(self, node: ast.expr | None) -> ir.Expr:
        return ir.Raw("Value::None") if node is None else self.expr(node)

    def expr_Subscript(self, node: ast.Subscript) -> ir.Expr:
        obj = self.expr(node.value)
        typed = self.typed_subscript(node, obj) or self.typed_dict_subscript(node, obj) or self.str_slice(node, obj)
        if typed is not None:
            return typed
        if isinstance(node.slice, ast.Slice):
            s = node.slice
            bounds = [self.ref(self._bound(b)) for b in (s.lower, s.upper, s.step)]
            return self.fallible(ir.Call("ops::getslice", [self.ref(obj), *bounds]))
        index = self.expr(node.slice)
        if index.ty == "i64":
            return self.fallible(ir.Call("ops::getitem_int", [self.ref(obj), index]))
        return self.fallible(ir.Call("ops::getitem", [self.ref(obj), self.ref(index)]))

    def _docstring(self, node: ast.AST) -> ir.Expr:
        """`__doc__` of a module, class or function known statically."""
        doc = ast.get_docstring(node, clean=False)
        return ir.Raw("Value::None") if doc is None else ir.Call("Value::str", [ir.Raw(str_literal(doc))])

    def func_value(self, name: str, node: ast.AST, closure: ir.Expr) -> ir.Expr:
        """A function as a value, carrying its docstring if it has one."""
        doc = ast.get_docstring(node, clean=False) if isinstance(node, ast.FunctionDef) else None
        if doc is None:
            return ir.Call("Value::func", [ir.Raw(str_literal(name)), closure])
        return ir.Call("Value::documented_func", [ir.Raw(str_literal(name)), ir.Raw(str_literal(doc)), closure])

    def _static_definition(self, node: ast.expr) -> ast.AST | None:
        """The def or class statement a name (or `Class.method`) stands for, if fixed."""
        if isinstance(node, ast.Name) and not self._is_local(node.id) and self._comp_var(node.id) is None:
            if node.id in self.functions and node.id not in self.global_vars:
                return self.functions[node.id].node
            if node.id in self.classes:
                return self.classes[node.id].node
        if isinstance(node, ast.Attribute):
            owner = self._static_definition(node.value)
            if isinstance(owner, ast.ClassDef):
                return next((s for s in owner.body if isinstance(s, ast.FunctionDef) and s.name == node.attr
                             and not s.decorator_list), None)
        return None

    def expr_Attribute(self, node: ast.Attribute) -> ir.Expr:
        user_class_mro = node.attr == "__mro__" and isinstance(node.value, ast.Name) and node.value.id in self.classes
        if node.attr in INTROSPECTION_ATTRS and not user_class_mro:
            self.error(node, f"the attribute {node.attr} (code introspection) is not supported",
                       "pass the values the code needs explicitly")
            return ir.Raw("Value::None")
        if node.attr == "__doc__":
            definition = self._static_definition(node.value)
            if definition is not None:
                return self._docstring(definition)
        module_attr = self.module_attribute(node) or self.builtin_type_method(node)
        if module_attr is not None:
            return module_attr
        cell = self.function_attribute(node)
        if cell is not None:
            read = ir.MethodCall(ir.Var(cell), "get_value", [])
            return self.fallible(ir.Call("attributes::function_attribute", [read, ir.Raw(str_literal(node.attr))]))
        typed = self.struct_attribute(node)
        if typed is not None:
            return typed
        if isinstance(node.value, ast.Name) and node.value.id in self.classes and not self._is_local(node.value.id):
            info = self.classes[node.value.id]
            return self.fallible(ir.Call("classes::class_getattr", [ir.Raw(f"&{info.static}"), ir.Raw(str_literal(node.attr))]))
        obj = self.expr(node.value)
        return self.fallible(ir.Call("classes::getattr", [self.ref(obj), ir.Raw(str_literal(node.attr))]))

    def function_attribute(self, node: ast.Attribute) -> str | None:
        """The static holding `f.attr` for a module function `f` the program sets it on."""
        if isinstance(node.value, ast.Name) and not self._is_local(node.value.id):
            return self.function_attrs.get((node.value.id, node.attr))
        return None

    # ---- f-strings ---------------------------------------------------------------------------

    def expr_JoinedStr(self, node: ast.JoinedStr) -> ir.Expr:
        return self.fstring(node)

    def fstring_spec(self, piece: ast.FormattedValue) -> ir.Expr:
        """A field's format spec as a Rust `&str` expression (nested fields formatted)."""
        if piece.format_spec is None:
            return ir.Raw('""')
        if all(isinstance(v, ast.Constant) for v in piece.format_spec.values):
            return ir.Raw(str_literal("".join(v.value for v in piece.format_spec.values)))
        return ir.Unary("&*", self.fstring(piece.format_spec), ty="&str")

    # ---- functions as values -------------------------------------------------------------------

    def expr_Lambda(self, node: ast.Lambda) -> ir.Expr:
        return self.function_value_closure(node)

    def function_value_closure(self, node: ast.FunctionDef | ast.Lambda) -> ir.Expr:
        """A nested def or lambda as a `Value::func` closure capturing cells by clone."""
        from portalis.lower.module import FnCtx, local_bindings
        scope = self.scopes.scope_of(node)
        name = getattr(node, "name", "<lambda>")
        sig = self._signature(node, ident(name) if isinstance(node, ast.FunctionDef) else "lambda", default_cells=False)
        captured = sorted(scope.free)
        # Defaults are evaluated when the def or lambda runs, and moved into the closure.
        default_lets = []
        defaults: dict[str, ir.Expr] = {}
        for pname, default in sig.defaults.items():
            tmp = self.ctx.fresh(f"default_{ident(pname)}")
            default_lets.append(ir.Let(tmp, self.own(self.expr(default))))
            defaults[pname] = ir.MethodCall(ir.Var(tmp), "clone", [])
        outer = self.ctx
        self.ctx = FnCtx(scope, "lambda", *local_bindings(node.body if isinstance(node, ast.FunctionDef) else []),
                         code=self.frame_code(self.frame_name(node), node))
        outer_positions, self.positions = self.positions, []
        params = [ir.Param(ident(p)) for p in scope.params]
        prologue = self._param_prologue(scope, params)  # decides which parameters are `mut`
        binding = self._bind_dynamic_args(name, sig, params, defaults)
        if isinstance(node, ast.FunctionDef):
            body = self._lower_function_body(node)
        else:
            body = ir.Block([ir.Let("_frame", ir.Try(ir.Call("frames::enter", [])))],
                            ir.Call("Ok", [self.own(self.expr(node.body))]))
        body.stmts[:0] = binding + prologue
        self.ctx, self.positions = outer, outer_positions
        closure = ir.Closure(["args: Vec<Value>"], body, ret="PyResult<Value>")
        clones = [ir.Let(ident(c), ir.MethodCall(ir.Var(ident(c)), "clone", [])) for c in captured]
        func = self.func_value(name, node, closure)
        lets = default_lets + clones
        func = ir.BlockExpr(ir.Block(lets, func)) if lets else func
        for deco in reversed(getattr(node, "decorator_list", [])):
            func = self.fallible(ir.Call("builtins::call", [self.ref(self.expr(deco)), ir.VecLit([func])]))
        return func

    def _bind_dynamic_args(self, name: str, sig, params: list[ir.Param],
                           defaults: dict[str, ir.Expr] | None = None) -> list[ir.Stmt]:
        """Unpack `args: Vec<Value>` (a closure's or a method's, keywords included) into
        its parameters, filling defaults: `defaults` gives values computed in advance,
        else each is evaluated at the call."""
        names = sig.params + sig.kwonly
        has_default = ", ".join("true" if p in sig.defaults else "false" for p in names)
        stmts: list[ir.Stmt] = [ir.Let("bound", ir.Try(ir.Call("callargs::bind", [
            ir.Raw(str_literal(self.py_name(name))), ir.Var("args"),
            ir.Raw("&[" + ", ".join(str_literal(p) for p in names) + "]"), ir.Raw(str(len(sig.params))),
            ir.Raw(f"&[{has_default}]"), ir.Raw("true" if sig.vararg else "false"),
            ir.Raw("true" if sig.kwarg else "false")])), mutable=True)]
        by_name = {p.name: p for p in params}
        for i, pname in enumerate(names):
            p = by_name[ident(pname)]
            value = ir.MethodCall(ir.Var("bound"), "take", [ir.Raw(str(i))])
            if pname in sig.defaults:
                fallback = defaults[pname] if defaults is not None else self.param_default(sig, pname)
                value = ir.IfExpr(ir.MethodCall(ir.Var("bound"), "given", [ir.Raw(str(i))]), value, fallback)
            stmts.append(ir.Let(p.name, value, mutable=p.mutable))
        if sig.vararg:
            p = by_name[ident(sig.vararg)]
            stmts.append(ir.Let(p.name, ir.MethodCall(ir.Var("bound"), "star", []), mutable=p.mutable))
        if sig.kwarg:
            p = by_name[ident(sig.kwarg)]
            stmts.append(ir.Let(p.name, ir.Try(ir.MethodCall(ir.Var("bound"), "star_star", [])),
                                mutable=p.mutable))
        return stmts

    # ---- comprehensions -------------------------------------------------------------------------

    def expr_ListComp(self, node: ast.ListComp) -> ir.Expr:
        return self._comprehension(node, "list")

    def expr_SetComp(self, node: ast.SetComp) -> ir.Expr:
        return self._comprehension(node, "set")

    def expr_GeneratorExp(self, node: ast.GeneratorExp) -> ir.Expr:
        if len(node.generators) == 1 and not node.generators[0].is_async:
            return self._lazy_generator(node)
        if not any(g.is_async for g in node.generators):
            return self._nested_lazy_generator(node)
        return self._comprehension(node, "iter")

    def _nested_lazy_generator(self, node: ast.GeneratorExp) -> ir.Expr:
        """`(e for x in a for y in b)` as `chain.from_iterable((e for y in b) for x in a)`:
        lazy like CPython's, so a loop that changes what `b` or a condition reads is seen."""
        inner = ast.copy_location(ast.GeneratorExp(node.elt, node.generators[1:]), node)
        outer = ast.copy_location(ast.GeneratorExp(inner, node.generators[:1]), node)
        chain = self.fallible(ir.Call("stdlib::attribute", [ir.Raw(str_literal("itertools.chain"))]))
        return self.fallible(ir.Call("methods::call_method", [
            self.ref(chain), ir.Raw(str_literal("from_iterable")), ir.VecLit([self._lazy_generator(outer)])]))

    def _lazy_generator(self, node: ast.GeneratorExp) -> ir.Expr:
        """`(elt for x in it if cond)` as an iterator that computes each item on demand
        (so it works on infinite iterators); outer variables are captured by clone."""
        from portalis.lower.module import _expression_names
        gen = node.generators[0]
        it = self.ctx.fresh("source")
        source = self.native_source(gen)
        iterator = source[0] if source else self.fallible(ir.Call("iter::iterate", [self.ref(self.expr(gen.iter))]))
        stmts: list[ir.Stmt] = [ir.Let(it, iterator, mutable=True)]
        bound = dict.fromkeys(target_names(gen.target))  # ordered: fresh names must not follow hashing
        used = {n.id for part in [node.elt, *gen.ifs] for n, _ in _expression_names(part) if isinstance(n, ast.Name)}
        for name in sorted(used - bound.keys()):
            rust = self._comp_var(name) or (ident(name) if self._is_cell(name) or self._is_local(name) else None)
            if rust is not None and self.var_type(name) not in COPY_TYPES:
                stmts.append(ir.Let(rust, ir.MethodCall(ir.Var(rust), "clone", [])))
        saved_stack, saved_frames, saved_code = self.ctx.stack, self.ctx.comp_vars, self.ctx.code
        saved_handlers = self.ctx.handler_vars
        self.ctx.stack = []  # a `try` or loop outside cannot be reached from inside the closure
        self.ctx.handler_vars = []  # nor the handled exception (the closure may outlive the handler)
        self.ctx.code = self.frame_code("<genexpr>", node) if saved_code else None
        frame = {name: self.ctx.fresh(ident(name)) for name in bound}
        self.ctx.comp_vars = saved_frames + [frame]
        item = self.ctx.fresh("item")
        body: list[ir.Stmt] = []
        if source:
            item = frame[gen.target.id]
            self.ctx.comp_types[item] = source[1]
        else:
            self.assign(gen.target, ir.Raw(item), body)
        produce: list[ir.Stmt] = [ir.Return(ir.Call("Ok", [ir.Call("Some", [self.own(self.expr(node.elt))])]))]
        for cond in reversed(gen.ifs):
            produce = [ir.If(self.condition(cond), ir.Block(produce))]
        body.extend(produce)
        self.ctx.stack, self.ctx.comp_vars, self.ctx.code = saved_stack, saved_frames, saved_code
        self.ctx.handler_vars = saved_handlers
        advance = ir.MethodCall(ir.Var(it), "next", [])
        loop = ir.WhileLet(f"Some({item})", advance if source else ir.Try(advance), ir.Block(body))
        closure = ir.Closure([], ir.Block([loop], ir.Raw("Ok(None)")), ret="PyResult<Option<Value>>")
        return ir.BlockExpr(ir.Block(stmts, ir.Call("Value::iter", [closure])))

    def expr_DictComp(self, node: ast.DictComp) -> ir.Expr:
        return self._comprehension(node, "dict")

    def _comprehension(self, node, kind: str) -> ir.Expr:
        """Comprehensions run eagerly into a Vec; generator expressions wrap it as an iterator."""
        acc = self.ctx.fresh("acc")
        frame: dict[str, str] = {}
        self.ctx.comp_vars.append(frame)
        typed = self.list_type(node) if kind == "list" else None
        saved_code = self.ctx.code
        self.ctx.code = self.comprehension_frame(node)  # CPython runs it as a function of its own
        inner = self._comprehension_loops(node, node.generators, acc, typed or kind, frame)
        self.ctx.code = saved_code
        self.ctx.comp_vars.pop()
        if typed:
            init = ir.Let(acc, ir.Raw("Vec::new()"), mutable=True, ty=f"Vec<{element_type(typed)}>")
            return ir.BlockExpr(ir.Block([init] + inner, ir.Call("List::from_vec", [ir.Var(acc)], ty=typed)), ty=typed)
        init = ir.Let(acc, ir.Raw("Dict::new()" if kind == "dict" else "Vec::new()"), mutable=True,
                      ty=None if kind == "dict" else "Vec<Value>")
        finish = {
            "list": ir.Call("Value::list", [ir.Var(acc)]),
            "iter": ir.Call("iter::into_iter_value", [ir.Call("iter::Iter::Values", [ir.MethodCall(ir.Var(acc), "into_iter", [])])]),
            "set": self.fallible(ir.Call("methods::set_display", [ir.Var(acc), ir.Raw("false")])),
            "dict": ir.Call("Value::dict", [ir.Var(acc)]),
        }[kind]
        return ir.BlockExpr(ir.Block([init] + inner, finish))

    def _comprehension_loops(self, node, generators, acc: str, kind: str, frame: dict) -> list[ir.Stmt]:
        gen = generators[0]
        source = self.native_source(gen)
        it = self.ctx.fresh("iter")
        item = self.ctx.fresh("item")
        stmts: list[ir.Stmt] = []
        if source is None:
            iterable = self.expr(gen.iter)
            stmts.append(ir.Let(it, self.fallible(ir.Call("iter::iterate", [self.ref(iterable)])), mutable=True))
        body: list[ir.Stmt] = []
        for name in target_names(gen.target):
            frame[name] = self.ctx.fresh(ident(name))
        if source is None:
            self.assign(gen.target, ir.Raw(item), body)
        else:
            self.ctx.comp_types[frame[gen.target.id]] = source[1]
        inner: list[ir.Stmt]
        if len(generators) > 1:
            inner = self._comprehension_loops(node, generators[1:], acc, kind, frame)
        elif kind == "dict":
            key, value = self.own(self.expr(node.key)), self.own(self.expr(node.value))
            inner = [ir.ExprStmt(self.fallible(ir.Call("methods::dict_insert", [ir.Raw(f"&mut {acc}"), key, value])))]
        elif is_list_type(kind):
            inner = [ir.ExprStmt(ir.MethodCall(ir.Var(acc), "push", [self.to_native(self.expr(node.elt), element_type(kind))]))]
        else:
            inner = [ir.ExprStmt(ir.MethodCall(ir.Var(acc), "push", [self.own(self.expr(node.elt))]))]
        for cond in reversed(gen.ifs):
            inner = [ir.If(self.condition(cond), ir.Block(inner))]
        body.extend(inner)
        if source is not None:
            stmts.append(ir.ForIn(frame[gen.target.id], source[0], ir.Block(body)))
        else:
            stmts.append(ir.WhileLet(f"Some({item})", self.fallible(ir.MethodCall(ir.Var(it), "next", [])), ir.Block(body)))
        return stmts

    # ---- exceptions -----------------------------------------------------------------------------

    def exception_static(self, name: str | None, node: ast.AST) -> str | None:
        from portalis.lower.calls import BUILTIN_EXCEPTIONS
        library = self.stdlib_exception(node)
        if library:
            return library
        if name in self.classes and self.classes[name].is_exception:
            return self.classes[name].exc_static
        if name in BUILTIN_EXCEPTIONS:
            return BUILTIN_EXCEPTIONS[name]
        self.error(node, f"{name} is not an exception class known here",
                   "catch a built-in exception or one defined in this module")
        return None

    def stdlib_exception(self, node: ast.AST) -> str | None:
        """The runtime static of a library exception class named as `mod.Error` or as an
        imported name, if `node` is one."""
        qualified = None
        if isinstance(node, ast.Name) and not self._is_local(node.id):
            qualified = self.imports.get(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in self.imports:
            qualified = f"{self.imports[node.value.id]}.{node.attr}"
        return STDLIB_EXCEPTIONS.get(qualified)

    def _undefined(self, name: str) -> bool:
        """No binding of `name` anywhere the program could look it up."""
        from portalis.lower.calls import BUILTIN_EXCEPTIONS
        return not (self._comp_var(name) is not None or self._is_cell(name) or self._is_local(name)
                    or name in self.global_vars or name in self.functions or name in self.classes
                    or name in self.imports or name in self.unavailable or name in BUILTIN_EXCEPTIONS
                    or hasattr(builtins, name))

    def exception_value(self, node: ast.expr) -> ir.Expr:
        """The PyErr that `raise node` raises."""
        named = node.func if isinstance(node, ast.Call) else node
        if isinstance(named, ast.Name) and self._undefined(named.id):
            # CPython fails looking the name up (before any argument), when this line runs
            self.warn(named, f"name '{named.id}' is not defined", "define it before use, or import it")
            return ir.Call("PyErr::new", [ir.Raw("&NAME_ERROR"), ir.Raw(str_literal(f"name '{named.id}' is not defined"))])
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not self._is_local(node.func.id):
            args = ir.VecLit([self.own(self.expr(a)) for a in node.args])
            if node.func.id in self.classes and self.classes[node.func.id].is_exception:
                return self.new_exception(self.classes[node.func.id], args)
            static = self.exception_static(node.func.id, node)
            return ir.Call("PyErr::with_args", [ir.Raw(f"&{static or 'EXCEPTION'}"), args])
        if isinstance(node, ast.Name) and (node.id in self.classes or node.id[:1].isupper()) \
                and not self._is_local(node.id):
            if node.id in self.classes and self.classes[node.id].is_exception:
                return self.new_exception(self.classes[node.id], ir.VecLit([]))
            static = self.exception_static(node.id, node)
            return ir.Call("PyErr::with_args", [ir.Raw(f"&{static or 'EXCEPTION'}"), ir.VecLit([])])
        return self.fallible(ir.Call("exc_from_value", [self.ref(self.expr(node))]))


def _unboxed_value(e: ir.Expr) -> ir.Expr | None:
    """The Value a native unboxing (`floatops::unbox(&v)?`) reads, so that boxing the
    result again uses `v` itself."""
    if isinstance(e, ir.Try) and isinstance(e.inner, ir.Call) and e.inner.func in UNBOXERS.values() \
            and isinstance(e.inner.args[0], ir.Ref) and e.inner.args[0].inner.ty == "Value":
        return e.inner.args[0].inner
    return None


def target_names(target: ast.expr) -> list[str]:
    """The names an assignment target binds (`a`, `a, (b, *c)`)."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for e in target.elts for n in target_names(e)]
    if isinstance(target, ast.Starred):
        return target_names(target.value)
    return []
