"""Lowering of `str` methods called on a value the inference proved a str, with
arguments it proved strs or machine ints: direct calls of the runtime's `strmethods`
(the functions the dynamic `methods::call_method` dispatches to) on native `Str`s,
without boxing the receiver or looking the method up by name.  `split` and its kin
give a typed `List<Str>` (`typed::text`).  Anything else keeps the dynamic call.
"""
from __future__ import annotations

import ast

from portalis import ir

_TEXT = ("upper", "lower", "casefold", "swapcase", "capitalize", "title")
_TESTS = ("isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle",
          "isascii", "isidentifier", "isprintable")
_STRIPS = ("strip", "lstrip", "rstrip")
_SEARCHES = {"startswith": "bool", "endswith": "bool", "find": "i64", "rfind": "i64", "count": "i64"}
_PADS = ("ljust", "rjust", "center")


class StringLowering:
    def _is_str(self, node: ast.expr) -> bool:
        return self.types.scalars.expr_type(node) == "Str"

    def _text(self, node: ast.expr) -> ir.Expr:
        text = self.expr(node)
        return text if text.ty == "Str" else self.to_native(text, "Str")

    def native_str_method(self, node: ast.Call, func: ast.Attribute) -> ir.Expr | None:
        name, args = func.attr, node.args
        if node.keywords or any(isinstance(a, ast.Starred) for a in args) or not self._is_str(func.value):
            return None
        strs = all(self._is_str(a) for a in args)
        if name in _TEXT + _TESTS and not args:
            call = ir.Call(f"strmethods::{name}", [ir.Ref(self._text(func.value))], ty="bool")
            return call if name in _TESTS else ir.Call("Str::from", [call], ty="Str")
        if name in _STRIPS and len(args) <= 1 and strs:
            chars = ir.Call("Some", [ir.MethodCall(self._text(args[0]), "as_ref", [])]) if args else ir.Raw("None")
            return ir.Call("Str::from", [ir.Call(f"strmethods::{name}", [ir.Ref(self._text(func.value)), chars])],
                           ty="Str")
        if name in _SEARCHES and len(args) == 1 and strs:
            return ir.Call(f"strmethods::{name}", [ir.Ref(self._text(func.value)), ir.Ref(self._text(args[0])),
                                                   ir.Raw("None"), ir.Raw("None")], ty=_SEARCHES[name])
        if name == "replace" and len(args) == 2 and strs:
            return ir.Call("Str::from", [ir.Call("strmethods::replace", [
                ir.Ref(self._text(func.value)), ir.Ref(self._text(args[0])), ir.Ref(self._text(args[1])),
                ir.Raw("-1")])], ty="Str")
        if name == "zfill" and len(args) == 1 and self._machine_int_expr(args[0]):
            return ir.Call("Str::from", [ir.Call("strmethods::zfill", [
                ir.Ref(self._text(func.value)), self.machine_int(self.expr(args[0]))])], ty="Str")
        if name in _PADS and 1 <= len(args) <= 2 and self._machine_int_expr(args[0]):
            fill = args[1] if len(args) == 2 else ast.Constant(" ")
            if not (isinstance(fill, ast.Constant) and isinstance(fill.value, str) and len(fill.value) == 1):
                return None
            return ir.Call("Str::from", [ir.Call(f"strmethods::{name}", [
                ir.Ref(self._text(func.value)), self.machine_int(self.expr(args[0])), ir.Raw(repr(fill.value))])],
                ty="Str")
        if name in ("split", "rsplit") and len(args) <= 1 and strs:
            sep = ir.Call("Some", [ir.MethodCall(self._text(args[0]), "as_ref", [])]) if args else ir.Raw("None")
            return self.fallible(ir.Call(f"typed::text::{name}", [ir.Ref(self._text(func.value)), sep],
                                         ty="List<Str>"))
        if name == "splitlines" and not args:
            return ir.Call("typed::text::splitlines", [ir.Ref(self._text(func.value))], ty="List<Str>")
        if name == "join" and len(args) == 1 and self.list_type(args[0]) == "List<Str>":
            return ir.Call("typed::text::join", [ir.Ref(self._text(func.value)), ir.Ref(self.expr(args[0]))], ty="Str")
        return None
