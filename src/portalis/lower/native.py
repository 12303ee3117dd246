"""Lowering of values held natively: `i64` (machine ints), `Int` (exact ints not
proven small), `f64`, `bool` and `Str`.

The types passes decide which locals, parameters and results are native
(`analysis.types.MachineInts` for i64, `analysis.inference.native` for the others);
this module turns expressions into those representations and back (`to_native`,
boxing is `own` in `lower.expr`) and lowers arithmetic and comparisons on them to Rust
operators, or to `floatops` where Python raises (division by zero) or rounds
differently (`//`, `%`).  Arithmetic with an `Int` operand is `Int` arithmetic, which
grows into a big int instead of overflowing; an i64 result stored where an `Int` is
held is recomputed as `Int` (`widen_int`) so that it cannot overflow either.
"""
from __future__ import annotations

import ast
import dataclasses
import re

from portalis import ir
from portalis.frontend import astwalk
from portalis.analysis.inference.containers import is_range_call
from portalis.lower.containers import element_type, is_list_type, list_path
from portalis.lower.dicts import is_map_type
from portalis.lower.sets import is_set_type
from portalis.lower.tuples import is_tuple_type, tuple_type
from portalis.lower.structs import is_struct_type

NATIVE_TYPES = ("i64", "Int", "f64", "bool", "Str", "Num")
COPY_TYPES = ("i64", "f64", "bool")  # the others are cloned where Python would share the object
UNBOXERS = {"f64": "floatops::unbox", "bool": "floatops::unbox_bool", "Str": "strops::unbox", "Int": "Int::unbox",
            "Num": "Num::unbox"}
ZERO = {"i64": "0", "Int": "Int::from(0)", "f64": "0.0", "bool": "false", "Str": 'Str::from("")', "Num": "Num::default()"}
INT_TYPES = ("i64", "Int")
# Int arithmetic: a Rust operator on references (cannot fail), or a method returning PyResult.
_INT_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^"}
_INT_METHODS = {ast.FloorDiv: "floordiv", ast.Mod: "modulo", ast.LShift: "lshift", ast.RShift: "rshift"}
# The checked i64 operations (`lower.expr.INT_OPS`) by the operator they compute.
_CHECKED_I64 = {"intops::add": ast.Add, "intops::sub": ast.Sub, "intops::mul": ast.Mult,
                "intops::floordiv": ast.FloorDiv, "intops::modulo": ast.Mod, "intops::lshift": ast.LShift,
                "intops::rshift": ast.RShift}
_FLOAT_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}
_FLOAT_CALLS = {ast.Div: "floatops::div", ast.FloorDiv: "floatops::floordiv", ast.Mod: "floatops::modulo"}
# `Num` (an int or a float) arithmetic and comparisons: runtime methods following Python's promotion.
_NUM_METHODS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.FloorDiv: "floordiv", ast.Mod: "modulo"}
_NUM_COMPARE = {ast.Eq: "eq", ast.NotEq: "ne", ast.Lt: "lt", ast.LtE: "le", ast.Gt: "gt", ast.GtE: "ge"}
_NUM_OPERANDS = ("Num", "i64", "Int", "f64")
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
        if ty == "Num" and e.ty in ("i64", "Int", "f64"):
            exact = self.widen_int(e) if e.ty == "i64" and isinstance(e, ir.Try) else self.to_native(e, e.ty)
            return ir.Call("Num::from", [exact], ty="Num")
        if e.ty == "Num" and ty != "Num":
            return self.fallible(ir.Call(UNBOXERS[ty] if ty != "i64" else "intops::unbox", [self.ref(e)], ty=ty))
        if ty == "i64":
            return self.machine_int(e)
        if ty == "Int" and e.ty == "Int":
            return ir.MethodCall(e, "clone", [], ty="Int") if isinstance(e, ir.Var) else e
        if ty == "Int" and e.ty != "Value":
            return self.widen_int(e)
        if is_list_type(ty) and e.ty != ty:
            return self.fallible(ir.Call(f"{list_path(ty)}::from_value", [self.ref(e)], ty=ty))
        if is_map_type(ty) and e.ty != ty:
            return self.fallible(ir.Call(f"{ty.replace('Map<', 'Map::<', 1)}::from_value", [self.ref(e)], ty=ty))
        if is_set_type(ty) and e.ty != ty:
            return self.unbox_set(e, ty)
        if is_struct_type(ty):
            return self.unbox_struct(e, ty)
        if is_tuple_type(ty):
            return self.native_tuple(e, ty)
        if e.ty == ty:
            return ir.MethodCall(e, "clone", [], ty=ty) if isinstance(e, ir.Var) and ty not in COPY_TYPES else e
        boxer = {"f64": "Value::Float", "bool": "Value::Bool", "Str": "Value::Str"}.get(ty)
        if isinstance(e, ir.Call) and e.func == boxer:
            inner = e.args[0]  # the boxed Rust expression already has the native type
            return inner if inner.ty == ty else dataclasses.replace(inner, ty=ty)
        if ty == "Int" and isinstance(e, ir.Call) and e.func == "ops::big_literal":
            return ir.Call("Int::literal", e.args, ty="Int")
        if ty == "Str" and isinstance(e, ir.Raw) and e.text.startswith("Value::str("):
            return ir.Raw("Str::from(" + e.text[len("Value::str("):], ty="Str")
        unbox = UNBOXERS[ty]
        return self.fallible(ir.Call(unbox, [self.ref(e)], ty=ty))

    def widen_int(self, e: ir.Expr) -> ir.Expr:
        """A native int (or bool) expression as an `Int`; checked i64 arithmetic in it is
        redone as `Int` arithmetic, which grows instead of raising OverflowError."""
        if e.ty == "Int":
            return e
        if isinstance(e, ir.Try) and isinstance(e.inner, ir.Call):
            call = e.inner
            if call.func in _CHECKED_I64:
                return self.int_binop(_CHECKED_I64[call.func], self.widen_int(call.args[0]), self.widen_int(call.args[1]))
            if call.func in ("intops::neg", "intops::abs"):
                return ir.MethodCall(self.widen_int(call.args[0]), call.func[8:], [], ty="Int")
        if isinstance(e, ir.Binary) and e.ty == "i64" and e.op in ("&", "|", "^"):
            return self.int_binop({"&": ast.BitAnd, "|": ast.BitOr, "^": ast.BitXor}[e.op],
                                  self.widen_int(e.left), self.widen_int(e.right))
        return ir.Call("Int::from", [e], ty="Int")

    def int_binop(self, op: type, left: ir.Expr, right: ir.Expr) -> ir.Expr | None:
        """Exact int arithmetic with an `Int` operand (the other an `Int`, i64 or bool);
        None for operators that need the dynamic path (`**` with an exponent that is not
        a literal, whose result can be a float)."""
        if not ("Int" in (left.ty, right.ty) and {left.ty, right.ty} <= {"Int", "i64", "bool"}):
            return None
        left, right = (self.widen_int(e) if isinstance(e, ir.Try) else e for e in (left, right))
        if op in _INT_OPERATORS and "bool" not in (left.ty, right.ty):
            return ir.Binary(_INT_OPERATORS[op], _int_operand(left), _int_operand(right), ty="Int")
        left, right = self.widen_int(left), self.widen_int(right)
        if op in _INT_OPERATORS:
            return ir.Binary(_INT_OPERATORS[op], ir.Ref(left), ir.Ref(right), ty="Int")
        if op in _INT_METHODS:
            return self.fallible(ir.MethodCall(left, _INT_METHODS[op], [ir.Ref(right)], ty="Int"))
        if op is ast.Div:
            return self.fallible(ir.MethodCall(left, "truediv", [ir.Ref(right)], ty="f64"))
        if op is ast.Pow and isinstance(right, ir.Call) and right.func == "Int::from" \
                and _INT_LITERAL.match(getattr(right.args[0], "text", "")) and not right.args[0].text.startswith("-"):
            return self.fallible(ir.MethodCall(left, "pow", [ir.Ref(right)], ty="Int"))
        return None

    def int_pow(self, left: ir.Expr, right: ir.Expr) -> ir.Expr | None:
        """`x ** k` of machine ints with a literal exponent: exact, as an `Int`."""
        if left.ty in INT_TYPES and right.ty == "i64":
            return self.int_binop(ast.Pow, self.widen_int(left), self.widen_int(right))
        return None

    def int_compare(self, rust: str, left: ir.Expr, right: ir.Expr) -> ir.Expr | None:
        """A comparison with an `Int` operand (the other an `Int` or i64)."""
        if "Int" in (left.ty, right.ty) and {left.ty, right.ty} <= {"Int", "i64"}:
            left, right = (self.widen_int(e) if isinstance(e, ir.Try) else e for e in (left, right))
            return ir.Binary(rust, left, right, ty="bool")
        return None

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

    def num_binop(self, op: type, left: ir.Expr, right: ir.Expr) -> ir.Expr | None:
        """Arithmetic with a `Num` operand (the other a `Num`, an int or a float): a float
        operand makes it float arithmetic, as Python converts the int; None for operators
        left to the dynamic path (`**`, bit operations)."""
        if "Num" not in (left.ty, right.ty) or not {left.ty, right.ty} <= set(_NUM_OPERANDS):
            return None
        if "f64" in (left.ty, right.ty) and (op in _FLOAT_OPERATORS or op in _FLOAT_CALLS):
            return self.float_binop(op, self._as_f64(left), self._as_f64(right))
        if op is ast.Div:
            return self.fallible(ir.Call("Num::truediv", [ir.Ref(self._num(left)), ir.Ref(self._num(right))], ty="f64"))
        if op in _NUM_METHODS:
            call = ir.Call(f"Num::{_NUM_METHODS[op]}", [ir.Ref(self._num(left)), ir.Ref(self._num(right))], ty="Num")
            return self.fallible(call)
        return None

    def _num(self, e: ir.Expr) -> ir.Expr:
        """An operand as a `Num`, a `Num` variable as is (it is borrowed)."""
        return e if e.ty == "Num" else self.to_native(e, "Num")

    def _as_f64(self, e: ir.Expr) -> ir.Expr:
        """An int meeting a float: Python converts it to a float (OverflowError when too large)."""
        return self.fallible(ir.MethodCall(e, "to_f64", [], ty="f64")) if e.ty in ("Num", "Int") else self.as_float(e)

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
        if left.ty == right.ty == "Str":  # Rust orders str by bytes: UTF-8 keeps code point order
            return ir.Binary(rust, left, right)
        literal = self.str_literal_compare(rust, left, right)
        if literal is not None:
            return literal
        int_test = self.int_compare(rust, left, right)
        if int_test is not None:
            return int_test
        if "Num" in (left.ty, right.ty) and {left.ty, right.ty} <= set(_NUM_OPERANDS):
            method = _NUM_COMPARE[type(op)]
            return self.fallible(ir.MethodCall(self._num(left), method, [ir.Ref(self._num(right))], ty="bool"))
        if {left.ty, right.ty} == {"i64", "f64"} and all(e.ty == "f64" or _small_literal(e) for e in (left, right)):
            return ir.Binary(rust, self.as_float(left), self.as_float(right))
        return None

    def native_builtin(self, node: ast.Call, name: str) -> ir.Expr | None:
        """`str(n)`, `int(s)`, `len(s)` and `abs(n)` on native ints and strs, without
        boxing; None (nothing lowered yet) unless the inference proved the argument an
        int or a str."""
        inference = self.types.inference
        if name in ("max", "min"):
            return self._int_extreme(node, name)
        if name not in ("str", "int", "len", "abs", "float") or node.keywords or len(node.args) != 1 \
                or isinstance(node.args[0], ast.Starred) or inference is None:
            return None
        ty = inference.expr_type(node.args[0])
        if ty is None or ty.single() not in ("int", "str"):
            return None
        arg = self.expr(node.args[0])
        if name == "str" and arg.ty in INT_TYPES:
            return ir.Call("Str::from", [ir.MethodCall(arg, "to_string", [])], ty="Str")
        if name in ("int", "len", "float") and ty.single() == "str" and arg.ty != "Str":
            arg = self.to_native(arg, "Str")
        if name == "float" and arg.ty == "Str":
            return self.fallible(ir.Call("strops::to_float", [ir.Ref(arg)], ty="f64"))
        if name == "int" and arg.ty == "Str":
            return self.fallible(ir.Call("Int::parse", [ir.Ref(arg)], ty="Int"))
        if name == "int" and arg.ty in INT_TYPES:
            return self.to_native(arg, "Int") if arg.ty == "Int" else arg
        if name == "len" and arg.ty == "Str":
            return ir.Call("strops::len", [ir.Ref(arg)], ty="i64")
        if name == "abs" and arg.ty == "Int":
            return ir.MethodCall(arg, "abs", [], ty="Int")
        # The argument is lowered: finish the call on its boxed value.
        call = {"str": lambda v: ir.Call("builtins::str", [ir.Call("Some", [v])]),
                "int": lambda v: ir.Call("builtins::int", [ir.Call("Some", [v]), ir.Raw("None")]),
                "len": lambda v: ir.Call("ops::len", [v], ty="i64"),
                "abs": lambda v: ir.Call("builtins::abs", [v]),
                "float": lambda v: ir.Call("builtins::float", [ir.Call("Some", [v])])}[name]
        return self.fallible(call(self.ref(arg)))

    def independent_names_assign(self, node: ast.Assign, out) -> bool:
        """`q, r, t = 1, 0, 1` into native locals, the values literals or variables other
        than the targets: one plain assignment each, in order, as no value can see a
        target change or raise after an earlier target was set."""
        if len(node.targets) != 1 or not isinstance(node.targets[0], (ast.Tuple, ast.List)) \
                or not isinstance(node.value, (ast.Tuple, ast.List)):
            return False
        targets, values = node.targets[0].elts, node.value.elts
        if len(targets) != len(values) or any(isinstance(e, ast.Starred) for e in targets + values) \
                or not self.native_names(targets):
            return False
        names = {t.id for t in targets}
        if not all(isinstance(v, ast.Constant) or (isinstance(v, ast.Name) and v.id not in names)
                   or (isinstance(v, ast.UnaryOp) and isinstance(v.operand, ast.Constant)) for v in values):
            return False
        for t, v in zip(targets, values):
            self.assign(t, self.expr(v), out)
        return True

    def _int_extreme(self, node: ast.Call, name: str) -> ir.Expr | None:
        """`max(a, b, ...)` and `min(...)` of ints: `std::cmp::max` over i64s, or over
        `Int`s when one of them is (equal ints are interchangeable)."""
        inference = self.types.inference
        args = node.args
        if inference is None or node.keywords or len(args) < 2 or any(isinstance(a, ast.Starred) for a in args):
            return None
        if any((t := inference.expr_type(a)) is None or t.single() != "int" for a in args):
            return None
        lowered = [self.expr(a) for a in args]
        ty = "i64" if all(e.ty == "i64" for e in lowered) else "Int"
        result = self.to_native(lowered[0], ty)
        for e in lowered[1:]:
            result = ir.Call(f"std::cmp::{name}", [result, self.to_native(e, ty)], ty=ty)
        return result

    def native_names(self, targets: list[ast.expr]) -> bool:
        """`a, b = x, y` into plain locals, one of them native: assigned from native
        temporaries rather than through a tuple of `Value`s."""
        return all(isinstance(t, ast.Name) and self._comp_var(t.id) is None and self._is_local(t.id)
                   and not self._is_cell(t.id) for t in targets) \
            and any(self.var_type(t.id) != "Value" for t in targets)

    def exact_range_for(self, node: ast.For, loop, out) -> bool:
        """`for i in range(...)` where `i` is an `Int`: a Rust loop over exact ints, so
        bounds past 64 bits work as in Python."""
        if not (isinstance(node.target, ast.Name) and self.var_type(node.target.id) == "Int"
                and is_range_call(node.iter)):
            return False
        bounds = [self.to_native(self.expr(a), "Int") for a in node.iter.args]
        zero, one = ir.Raw("Int::from(0)", ty="Int"), ir.Raw("Int::from(1)", ty="Int")
        start, stop, step = (zero, bounds[0], one) if len(bounds) == 1 else \
            (bounds[0], bounds[1], bounds[2] if len(bounds) == 3 else one)
        self.native_for(node, loop, out, self.fallible(ir.Call("int::range", [start, stop, step], ty="iter")), "Int")
        return True

    def str_slice(self, node: ast.Subscript, obj: ir.Expr) -> ir.Expr | None:
        """`s[a:b:c]` on a native str, as a native str."""
        if obj.ty != "Str" or not isinstance(node.slice, ast.Slice):
            return None
        bounds = [self.ref(self._bound(b)) for b in (node.slice.lower, node.slice.upper, node.slice.step)]
        return self.fallible(ir.Call("strops::slice", [ir.Ref(obj), *bounds], ty="Str"))

    def str_for(self, node: ast.For, loop, out) -> bool:
        """`for ch in s` over a native str: a Rust loop over its characters."""
        inference = self.types.inference
        if not isinstance(node.target, ast.Name) or inference is None:
            return False
        ty = inference.expr_type(node.iter)
        if ty is None or ty.single() != "str":
            return False
        text = self.to_native(self.expr(node.iter), "Str")
        self.native_for(node, loop, out, ir.Call("strops::chars", [text], ty="iter"), "Str")
        return True

    def direct_method_call(self, node: ast.Call, func: ast.Attribute) -> ir.Expr | None:
        """`lst.append(x)` on a proven list and `math.sqrt(x)` on a float, without
        dispatching by name; None for every other call."""
        typed = self.typed_list_method(node, func) or self.typed_dict_method(node, func) \
            or self.typed_set_method(node, func) or self.native_str_method(node, func)
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


def _int_operand(e: ir.Expr) -> ir.Expr:
    """An operand of a Rust operator on `Int`s: a reference to an `Int`, an i64 as is."""
    return ir.Ref(e) if e.ty == "Int" else e


def _small_literal(e: ir.Expr) -> bool:
    match = _INT_LITERAL.match(e.text) if isinstance(e, ir.Raw) else None
    return match is not None and abs(int(match.group(1))) <= _EXACT_IN_F64
