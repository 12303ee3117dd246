"""Lowering of values held natively: `i64` (machine ints), `f64` and `bool`.

The types passes decide which locals, parameters and results are native
(`analysis.types.MachineInts` for ints, `analysis.inference.native` for floats and
bools); this module turns expressions into those representations and back
(`to_native`, boxing is `own` in `lower.expr`) and lowers arithmetic and comparisons
on them to Rust operators, or to `floatops` where Python raises (division by zero)
or rounds differently (`//`, `%`).
"""
from __future__ import annotations

import ast
import dataclasses
import re

from portalis import ir
from portalis.frontend import astwalk
from portalis.lower.containers import element_type, is_list_type, list_path
from portalis.lower.dicts import is_map_type
from portalis.lower.tuples import is_tuple_type, tuple_type
from portalis.lower.structs import is_struct_type

NATIVE_TYPES = ("i64", "f64", "bool", "Str")
COPY_TYPES = ("i64", "f64", "bool")  # the others are cloned where Python would share the object
UNBOXERS = {"f64": "floatops::unbox", "bool": "floatops::unbox_bool", "Str": "strops::unbox"}
ZERO = {"i64": "0", "f64": "0.0", "bool": "false", "Str": 'Str::from("")'}
_FLOAT_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}
_FLOAT_CALLS = {ast.Div: "floatops::div", ast.FloorDiv: "floatops::floordiv", ast.Mod: "floatops::modulo"}
_COMPARE = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_INT_LITERAL = re.compile(r"^(-?\d+)(_i64)?$")
_EXACT_IN_F64 = 2 ** 53


class NativeLowering:
    def var_type(self, name: str) -> str:
        """The Rust type of a plain local of the current function: native or `Value`."""
        comp = self._comp_var(name)
        if comp is not None:
            return self.ctx.comp_types.get(comp, "Value")
        if self._is_cell(name) or not self._is_local(name):
            return "Value"
        node = self.ctx.scope.node
        if self.types.ints.is_int_var(node, name):
            return "i64"
        inference = self.types.inference
        typed_list = self.types.containers.rust_type(inference.var_type(node, name)) if inference else None
        return typed_list or self.types.scalars.var_type(node, name) or "Value"

    def param_types(self, function: str) -> list[str | None]:
        """Per parameter of a module function: its native type, or None for `Value`."""
        ints = self.types.ints.params.get(function, [])
        scalars = self.types.scalars.params.get(function, [])
        lists = self._function_lists(function)
        count = max(len(ints), len(scalars), len(lists[0]))
        return [("i64" if i < len(ints) and ints[i] else None) or (scalars[i] if i < len(scalars) else None)
                or (lists[0][i] if i < len(lists[0]) else None) for i in range(count)]

    def return_type(self, function: str) -> str | None:
        if function in self.types.ints.returns:
            return "i64"
        items = self.types.tuple_returns.get(function)
        if items is not None:
            return tuple_type(items)
        if function in self.types.option_returns:
            return f"Option<{self.types.option_returns[function]}>"
        return self.types.scalars.returns.get(function) or self._function_lists(function)[1]

    def _function_lists(self, function: str) -> tuple[list[str | None], str | None]:
        """The typed-list parameters and result of a module function called directly."""
        containers, inference = self.types.containers, self.types.inference
        facts = inference.model.module_functions.get(function) if inference is not None else None
        if facts is None or not (containers.elements or containers.dicts) or function not in self.types.ints.params:
            return [], None
        scope = self.scopes.scope_of(facts.node)
        params = [containers.rust_type(place.type) if name not in scope.cells else None for name, place in facts.params]
        returns = None
        if astwalk.ends_with_return(facts.node.body) and not scope.is_generator:
            returns = containers.rust_type(facts.ret.type)
        return params, returns

    def to_native(self, e: ir.Expr, ty: str) -> ir.Expr:
        """`e` as the native type `ty`, unboxing a Value the analysis proved holds one."""
        if ty == "i64":
            return self.machine_int(e)
        if is_list_type(ty) and e.ty != ty:
            return self.fallible(ir.Call(f"{list_path(ty)}::from_value", [self.ref(e)], ty=ty))
        if is_map_type(ty) and e.ty != ty:
            return self.fallible(ir.Call(f"{ty.replace('Map<', 'Map::<', 1)}::from_value", [self.ref(e)], ty=ty))
        if is_struct_type(ty):
            return self.unbox_struct(e, ty)
        if is_tuple_type(ty):
            return self.native_tuple(e, ty)
        if e.ty == ty:
            return ir.MethodCall(e, "clone", [], ty=ty) if isinstance(e, ir.Var) and ty not in COPY_TYPES else e
        boxer = {"f64": "Value::Float", "bool": "Value::Bool", "Str": "Value::Str"}[ty]
        if isinstance(e, ir.Call) and e.func == boxer:
            inner = e.args[0]  # the boxed Rust expression already has the native type
            return inner if inner.ty == ty else dataclasses.replace(inner, ty=ty)
        if ty == "Str" and isinstance(e, ir.Raw) and e.text.startswith("Value::str("):
            return ir.Raw("Str::from(" + e.text[len("Value::str("):], ty="Str")
        unbox = UNBOXERS[ty]
        return self.fallible(ir.Call(unbox, [self.ref(e)], ty=ty))

    def as_float(self, e: ir.Expr) -> ir.Expr:
        """An i64 or f64 as f64 (Python's int-to-float conversion rounds the same way)."""
        if e.ty == "f64":
            return e
        literal = _INT_LITERAL.match(e.text) if isinstance(e, ir.Raw) else None
        if literal is not None:
            return ir.Raw(f"{literal.group(1)}.0", ty="f64")
        return ir.Binary("as", e, ir.Raw("f64"), ty="f64")

    def float_binop(self, op: type, left: ir.Expr, right: ir.Expr) -> ir.Expr | None:
        """Arithmetic with a float operand and an int or float one, natively; None when the
        operands or the operator need the dynamic path."""
        if "f64" not in (left.ty, right.ty) or not {left.ty, right.ty} <= {"i64", "f64"}:
            return None
        if op in _FLOAT_OPERATORS:
            return ir.Binary(_FLOAT_OPERATORS[op], self.as_float(left), self.as_float(right), ty="f64")
        if op in _FLOAT_CALLS:
            return self.fallible(ir.Call(_FLOAT_CALLS[op], [self.as_float(left), self.as_float(right)], ty="f64"))
        return None

    def native_compare(self, op: ast.cmpop, left: ir.Expr, right: ir.Expr) -> ir.Expr | None:
        """A comparison of two native numbers (or two bools) as a Rust operator, and `x in lst`
        on a typed list of x's type as a search without boxing.  An int compared with a
        float converts only when that is exact (a small int literal)."""
        if isinstance(op, (ast.In, ast.NotIn)) and is_list_type(right.ty) and left.ty == element_type(right.ty):
            found = ir.MethodCall(right, "contains", [ir.Ref(left)], ty="bool")
            return found if isinstance(op, ast.In) else ir.Unary("!", found, ty="bool")
        rust = _COMPARE.get(type(op))
        if rust is None:
            return None
        if left.ty == right.ty and left.ty in ("i64", "f64"):
            return ir.Binary(rust, left, right)
        if left.ty == right.ty and left.ty in ("bool", "Str") and rust in ("==", "!="):
            return ir.Binary(rust, left, right)
        if left.ty == right.ty == "Str":  # UTF-8 byte order is code point order, Python's str order
            return ir.Binary(rust, left, right)
        if {left.ty, right.ty} == {"i64", "f64"} and all(e.ty == "f64" or _small_literal(e) for e in (left, right)):
            return ir.Binary(rust, self.as_float(left), self.as_float(right))
        return None

    def direct_method_call(self, node: ast.Call, func: ast.Attribute) -> ir.Expr | None:
        """`lst.append(x)` on a proven list and `math.sqrt(x)` on a float, without
        dispatching by name; None for every other call."""
        typed = self.typed_list_method(node, func) or self.typed_dict_method(node, func) \
            or self.native_str_method(node, func)
        if typed is not None:
            return typed
        if node.keywords or len(node.args) != 1 or isinstance(node.args[0], ast.Starred):
            return None
        base = func.value
        if func.attr == "sqrt" and isinstance(base, ast.Name) and self.imports.get(base.id) == "math" \
                and not self._is_local(base.id) and base.id not in self.global_vars:
            if self.types.scalars.expr_type(node.args[0]) != "f64":
                return None
            arg = self.to_native(self.expr(node.args[0]), "f64")
            return self.fallible(ir.Call("floatops::sqrt", [arg], ty="f64"))
        if func.attr == "append" and self._proven_list(base):
            receiver = self.expr(base)
            return self.fallible(ir.Call("lists::append", [self.ref(receiver), self.own(self.expr(node.args[0]))]))
        return None

    def _proven_list(self, node: ast.expr) -> bool:
        inference = self.types.scalars.inference
        ty = inference.expr_type(node) if inference is not None else None
        return ty is not None and ty.single() == "list"

    def float_negate(self, operand: ir.Expr) -> ir.Expr:
        return ir.Unary("-", operand, ty="f64")


def _small_literal(e: ir.Expr) -> bool:
    match = _INT_LITERAL.match(e.text) if isinstance(e, ir.Raw) else None
    return match is not None and abs(int(match.group(1))) <= _EXACT_IN_F64
