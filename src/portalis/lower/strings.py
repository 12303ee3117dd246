"""Lowering of `str` methods called on a value the inference proved a str, with
arguments it proved strs or machine ints: direct calls of the runtime's `strmethods`
(the functions the dynamic `methods::call_method` dispatches to) on native `Str`s,
without boxing the receiver or looking the method up by name.  `split` and its kin
give a typed `List<Str>` (`typed::text`).  Anything else keeps the dynamic call.

Concatenation (`a + b + c`, `s += t`) and f-strings over native text become one
`str_concat!` of `&str` pieces, which copies each piece once into the result;
comparisons with a literal borrow the literal instead of allocating a `Str`.
"""
from __future__ import annotations

import ast

from portalis import ir
from portalis.emit.names import str_literal

_TEXT = ("upper", "lower", "casefold", "swapcase", "capitalize", "title")
_TESTS = ("isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle",
          "isascii", "isidentifier", "isprintable")
_STRIPS = ("strip", "lstrip", "rstrip")
_SEARCHES = {"startswith": "bool", "endswith": "bool", "find": "i64", "rfind": "i64", "count": "i64"}
_PADS = ("ljust", "rjust", "center")
_LITERALS = ("Value::str(", "Str::from(")
# f-string fields formatted from a native value without boxing it: the runtime function.
_NATIVE_FIELDS = {"f64": "strformat::float_field", "i64": "strformat::int_field", "Str": "strformat::str_field"}


def str_literal_text(e: ir.Expr) -> str | None:
    """The Rust literal of a lowered str constant (`Value::str("..")`, or `Str::from("..")`
    once made native), else None."""
    if not isinstance(e, ir.Raw) or not e.text.endswith(")"):
        return None
    for prefix in _LITERALS:
        if e.text.startswith(prefix + '"'):
            return e.text[len(prefix):-1]
    return None


def _borrowed(piece: ir.Expr) -> bool:
    """A piece that borrows a literal or a variable, not a temporary."""
    return isinstance(piece, ir.Raw) or (isinstance(piece, ir.Unary) and isinstance(piece.operand, ir.Var))


def _is_str_constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _added(node: ast.expr) -> list[ast.expr]:
    """The operands of a chain of `+`, left to right."""
    leaves: list[ast.expr] = []
    stack = [node]
    while stack:
        e = stack.pop()
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add):
            stack += [e.right, e.left]
        else:
            leaves.append(e)
    return leaves


def _concat(pieces: list[ir.Expr]) -> ir.Expr:
    return ir.Call("str_concat!", pieces, ty="Str")


class StringLowering:
    def _is_str(self, node: ast.expr) -> bool:
        return self.types.scalars.expr_type(node) == "Str"

    def _text(self, node: ast.expr) -> ir.Expr:
        text = self.expr(node)
        return text if text.ty == "Str" else self.to_native(text, "Str")

    def _borrowed_str(self, node: ast.expr) -> ir.Expr:
        """An optional `&str` argument (a separator, strip's chars): a literal as itself."""
        if _is_str_constant(node):
            return ir.Raw(str_literal(node.value), ty="&str")
        return ir.MethodCall(self._text(node), "as_ref", [])

    def _text_ref(self, node: ast.expr) -> ir.Expr:
        """A str argument of a runtime string function (a `&str`): a text built just for
        it (`Str::from(s.strip())`) is lent as built, not first copied into a `Str`, and a
        literal as itself."""
        if _is_str_constant(node):
            return ir.Raw(str_literal(node.value), ty="&str")
        text = self._text(node)
        if isinstance(text, ir.Call) and text.func == "Str::from" and len(text.args) == 1:
            return ir.Ref(text.args[0], ty="&str")
        return ir.Ref(text)

    def native_text(self, e: ir.Expr) -> bool:
        """A lowered expression that is a native str or a str literal."""
        return e.ty == "Str" or str_literal_text(e) is not None

    def str_piece(self, e: ir.Expr) -> ir.Expr | None:
        """A lowered text as a `&str` piece of `str_concat!`, or None when it is not
        native text.  A `Str::from(text)` conversion is skipped: the piece is copied once
        into the result anyway."""
        literal = str_literal_text(e)
        if literal is not None:
            return ir.Raw(literal, ty="&str")
        if e.ty != "Str":
            return None
        if isinstance(e, ir.Call) and e.func == "Str::from" and len(e.args) == 1:
            return ir.Ref(e.args[0], ty="&str")
        if isinstance(e, ir.MethodCall) and e.method == "clone" and isinstance(e.recv, ir.Var):
            e = e.recv  # borrowed, not cloned
        if isinstance(e, ir.IfExpr):  # `"yes" if c else "no"`: borrowed, no temporary
            then, orelse = self.str_piece(e.then), self.str_piece(e.orelse)
            if all(_borrowed(p) for p in (then, orelse)):
                return ir.IfExpr(e.cond, then, orelse, ty="&str")
        return ir.Unary("&*", e, ty="&str")

    def str_concat(self, node: ast.BinOp) -> ir.Expr | None:
        """`a + b + ...` whose operands are all strs, as one `str_concat!`."""
        return self._concat_leaves([], _added(node))

    def str_augassign(self, node: ast.AugAssign, out) -> bool:
        """`s += t` (or `s += a + b`) on a native str local: the new text in one copy."""
        if not (isinstance(node.op, ast.Add) and isinstance(node.target, ast.Name)
                and self.var_type(node.target.id) == "Str"):
            return False
        value = self._concat_leaves([self.load_name(node.target.id, node.target)], _added(node.value))
        if value is None:
            return False
        self.store_name(node.target.id, value, out, node.target)
        return True

    def _concat_leaves(self, lowered: list[ir.Expr], leaves: list[ast.expr]) -> ir.Expr | None:
        if not all(self._is_str(e) or _is_str_constant(e) for e in leaves):
            return None
        pieces = [self.str_piece(e) for e in lowered]
        pieces += [self.str_piece(self.expr(e) if _is_str_constant(e) else self._text(e)) for e in leaves]
        return None if None in pieces else _concat(pieces)

    def fstring(self, node: ast.JoinedStr) -> ir.Expr:
        """An f-string as a native `Str`: text fields of native values formatted without
        boxing them, every piece copied once into the result."""
        pieces: list[ir.Expr] = []
        for piece in node.values:
            if isinstance(piece, ast.Constant):
                pieces.append(ir.Raw(str_literal(piece.value), ty="&str"))
                continue
            value = self.expr(piece.value)
            spec = self.fstring_spec(piece)
            if piece.conversion == -1 and value.ty == "Str" and isinstance(spec, ir.Raw) and spec.text == '""':
                pieces.append(self.str_piece(value))
            elif piece.conversion == -1 and value.ty in _NATIVE_FIELDS:
                text = value if value.ty != "Str" else ir.Ref(value)
                pieces.append(ir.Ref(self.fallible(ir.Call(_NATIVE_FIELDS[value.ty], [text, spec], ty="String"))))
            else:
                conv = {-1: "None", 115: "Some('s')", 114: "Some('r')", 97: "Some('a')"}[piece.conversion]
                pieces.append(ir.Ref(self.fallible(ir.Call("strformat::format_field",
                                                           [self.ref(value), ir.Raw(conv), spec], ty="String"))))
        return _concat(pieces)

    def str_literal_compare(self, rust: str, left: ir.Expr, right: ir.Expr) -> ir.Expr | None:
        """A native str compared with a str literal (either side), borrowing both."""
        pieces = [str_literal_text(e) for e in (left, right)]
        if pieces.count(None) != 1 or "Str" not in (left.ty, right.ty):
            return None
        left_text, right_text = (ir.Raw(p, ty="&str") if p is not None else ir.Unary("&*", e, ty="&str")
                                 for p, e in zip(pieces, (left, right)))
        return ir.Binary(rust, left_text, right_text, ty="bool")

    def native_str_method(self, node: ast.Call, func: ast.Attribute) -> ir.Expr | None:
        name, args = func.attr, node.args
        if node.keywords or any(isinstance(a, ast.Starred) for a in args) or not self._is_str(func.value):
            return None
        strs = all(self._is_str(a) for a in args)
        if name in _TEXT + _TESTS and not args:
            call = ir.Call(f"strmethods::{name}", [self._text_ref(func.value)], ty="bool")
            return call if name in _TESTS else ir.Call("Str::from", [call], ty="Str")
        if name in _STRIPS and len(args) <= 1 and strs:
            chars = ir.Call("Some", [self._borrowed_str(args[0])]) if args else ir.Raw("None")
            return ir.Call("Str::from", [ir.Call(f"strmethods::{name}", [self._text_ref(func.value), chars])],
                           ty="Str")
        if name in _SEARCHES and len(args) == 1 and strs:
            return ir.Call(f"strmethods::{name}", [self._text_ref(func.value), self._text_ref(args[0]),
                                                   ir.Raw("None"), ir.Raw("None")], ty=_SEARCHES[name])
        if name == "replace" and len(args) == 2 and strs:
            return ir.Call("Str::from", [ir.Call("strmethods::replace", [
                self._text_ref(func.value), self._text_ref(args[0]), self._text_ref(args[1]),
                ir.Raw("-1")])], ty="Str")
        if name == "zfill" and len(args) == 1 and self._machine_int_expr(args[0]):
            return ir.Call("Str::from", [ir.Call("strmethods::zfill", [
                self._text_ref(func.value), self.machine_int(self.expr(args[0]))])], ty="Str")
        if name in _PADS and 1 <= len(args) <= 2 and self._machine_int_expr(args[0]):
            fill = args[1] if len(args) == 2 else ast.Constant(" ")
            if not (isinstance(fill, ast.Constant) and isinstance(fill.value, str) and len(fill.value) == 1):
                return None
            return ir.Call("Str::from", [ir.Call(f"strmethods::{name}", [
                self._text_ref(func.value), self.machine_int(self.expr(args[0])), ir.Raw(repr(fill.value))])],
                ty="Str")
        if name in ("split", "rsplit") and len(args) <= 1 and strs:
            sep = ir.Call("Some", [self._borrowed_str(args[0])]) if args else ir.Raw("None")
            return self.fallible(ir.Call(f"typed::text::{name}", [self._text_ref(func.value), sep],
                                         ty="List<Str>"))
        if name == "splitlines" and not args:
            return ir.Call("typed::text::splitlines", [self._text_ref(func.value)], ty="List<Str>")
        if name == "join" and len(args) == 1 and self.list_type(args[0]) == "List<Str>":
            return ir.Call("typed::text::join", [self._text_ref(func.value), ir.Ref(self.expr(args[0]))], ty="Str")
        return None
