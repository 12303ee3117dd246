"""Rust printer: turns the IR into formatted Rust source.

It makes no translation decisions; it only chooses layout (indentation, line breaks)
so that the generated code reads like hand-written Rust.
"""
from __future__ import annotations

from portalis import ir

INDENT = "    "


def print_program(program: ir.Program) -> str:
    parts = [program.header.rstrip() + "\n"] if program.header else []
    parts.extend(print_item(item) for item in program.items)
    return "\n".join(parts)


def print_item(item) -> str:
    if isinstance(item, ir.RawItem):
        return item.text.rstrip() + "\n"
    if isinstance(item, ir.Function):
        return _function(item)
    if isinstance(item, ir.Impl):
        inner = "\n".join(_function(f).rstrip() for f in item.functions)
        return f"impl {item.type_name} {{\n" + "\n".join(INDENT + line if line else line for line in inner.split("\n")) + "\n}\n"
    raise TypeError(f"unknown IR item {type(item).__name__}")


def _function(fn: ir.Function) -> str:
    params = ", ".join(f"{'mut ' if p.mutable else ''}{p.name}: {p.ty}" for p in fn.params)
    doc = "".join(f"/// {line}\n" if line else "///\n" for line in fn.doc.splitlines())
    allow = "#[allow(unused_assignments)]\n" if fn.allow_unused_assignments else ""
    head = f"{doc}{allow}fn {fn.name}({params}) -> {fn.ret} "
    return head + _block(fn.body, 0) + "\n"


def _block(block: ir.Block, depth: int) -> str:
    if not block.stmts and block.tail is None:
        return "{}"
    lines = ["{"]
    for stmt in block.stmts:
        lines.append(_stmt(stmt, depth + 1))
    if block.tail is not None:
        lines.append(INDENT * (depth + 1) + expr(block.tail, depth + 1))
    lines.append(INDENT * depth + "}")
    return "\n".join(lines)


def _label(label: str | None) -> str:
    return f"'{label}: " if label else ""


def _stmt(stmt: ir.Stmt, depth: int) -> str:
    pad = INDENT * depth
    if isinstance(stmt, ir.Let):
        mut = "mut " if stmt.mutable else ""
        ty = f": {stmt.ty}" if stmt.ty else ""
        if stmt.value is None:
            return f"{pad}let {mut}{stmt.name}{ty};"
        return f"{pad}let {mut}{stmt.name}{ty} = {_condition(stmt.value, depth)};"
    if isinstance(stmt, ir.Assign):
        return f"{pad}{expr(stmt.target, depth)} {stmt.op} {_condition(stmt.value, depth)};"
    if isinstance(stmt, ir.ExprStmt):
        return f"{pad}{expr(stmt.expr, depth)};"
    if isinstance(stmt, ir.If):
        text = f"{pad}if {_condition(stmt.cond, depth)} {_block(stmt.then, depth)}"
        return text + _else(stmt.orelse, depth)
    if isinstance(stmt, ir.IfLet):
        text = f"{pad}if let {stmt.pattern} = {expr(stmt.value, depth)} {_block(stmt.then, depth)}"
        return text + _else(stmt.orelse, depth)
    if isinstance(stmt, ir.While):
        return f"{pad}{_label(stmt.label)}while {_condition(stmt.cond, depth)} {_block(stmt.body, depth)}"
    if isinstance(stmt, ir.WhileLet):
        return (f"{pad}{_label(stmt.label)}while let {stmt.pattern} = {expr(stmt.value, depth)} "
                f"{_block(stmt.body, depth)}")
    if isinstance(stmt, ir.ForIn):
        return (f"{pad}{_label(stmt.label)}for {stmt.pattern} in {expr(stmt.iterable, depth)} "
                f"{_block(stmt.body, depth)}")
    if isinstance(stmt, ir.Loop):
        return f"{pad}{_label(stmt.label)}loop {_block(stmt.body, depth)}"
    if isinstance(stmt, ir.Break):
        return f"{pad}break{' ' + chr(39) + stmt.label if stmt.label else ''};"
    if isinstance(stmt, ir.Continue):
        return f"{pad}continue{' ' + chr(39) + stmt.label if stmt.label else ''};"
    if isinstance(stmt, ir.Return):
        return f"{pad}return {expr(stmt.value, depth)};" if stmt.value is not None else f"{pad}return;"
    if isinstance(stmt, ir.Comment):
        return f"{pad}// {stmt.text}"
    raise TypeError(f"unknown IR statement {type(stmt).__name__}")


def _condition(e: ir.Expr, depth: int) -> str:
    """An expression standing alone (a condition, an argument, an assigned value): a
    binary operation needs no parentheses there."""
    if isinstance(e, ir.Binary):
        return f"{expr(e.left, depth)} {e.op} {expr(e.right, depth)}"
    return expr(e, depth)


def _else(orelse: ir.Block | None, depth: int) -> str:
    if orelse is None or (not orelse.stmts and orelse.tail is None):
        return ""
    if len(orelse.stmts) == 1 and orelse.tail is None and isinstance(orelse.stmts[0], (ir.If, ir.IfLet)):
        return " else " + _stmt(orelse.stmts[0], depth).lstrip()
    return f" else {_block(orelse, depth)}"


def _args(args: list[ir.Expr], depth: int) -> str:
    parts = [_condition(a, depth) for a in args]
    one_line = ", ".join(parts)
    if len(one_line) < 90 and "\n" not in one_line:
        return one_line
    inner = INDENT * (depth + 1)
    return "\n" + ",\n".join(inner + p.replace("\n", "\n" + INDENT) for p in parts) + ",\n" + INDENT * depth


def expr(e: ir.Expr, depth: int = 0) -> str:
    if isinstance(e, ir.Raw):
        return e.text
    if isinstance(e, ir.Var):
        return e.name
    if isinstance(e, ir.Ref):
        return "&" + expr(e.inner, depth)
    if isinstance(e, ir.Try):
        inner = expr(e.inner, depth) if e.site is None else _traced(e, depth)
        if e.catch is None:
            return inner + "?"
        return f"py_try!({inner}, {e.catch.slot}, '{e.catch.label})"
    if isinstance(e, ir.Call):
        return f"{e.func}({_args(e.args, depth)})"
    if isinstance(e, ir.MethodCall):
        return f"{_postfix(e.recv, depth)}.{e.method}({_args(e.args, depth)})"
    if isinstance(e, ir.VecLit):
        return f"vec![{_args(e.items, depth)}]"
    if isinstance(e, ir.TupleLit):
        return f"({_args(e.items, depth)}{',' if len(e.items) == 1 else ''})"  # `(x,)` is a tuple, `(x)` is not
    if isinstance(e, ir.Unary):
        return f"{e.op}{_postfix(e.operand, depth)}"
    if isinstance(e, ir.Binary):
        return f"({expr(e.left, depth)} {e.op} {expr(e.right, depth)})"
    if isinstance(e, ir.Closure):
        params = ", ".join(e.params)
        ret = f" -> {e.ret}" if e.ret else ""
        return f"{'move ' if e.is_move else ''}|{params}|{ret} {_block(e.body, depth)}"
    if isinstance(e, ir.BlockExpr):
        return _block(e.body, depth)
    if isinstance(e, ir.IfExpr):
        return (f"if {_condition(e.cond, depth)} {{ {expr(e.then, depth)} }} "
                f"else {{ {expr(e.orelse, depth)} }}")
    raise TypeError(f"unknown IR expression {type(e).__name__}")


def _traced(e: ir.Try, depth: int) -> str:
    """`inner.at(&CODE_F, 3)`: the traceback mark an error gets on its way out."""
    site = e.site
    text = _postfix(e.inner, depth)
    if site.cols:
        text += f".at_cols(&{site.code}, {site.line}, [{', '.join(map(str, site.cols))}])"
    else:
        text += f".at(&{site.code}, {site.line})"
    if site.handling:
        text += f".during(&{site.handling})"
    return text


def _postfix(e: ir.Expr, depth: int) -> str:
    """An expression in receiver position, parenthesised when it is not atomic."""
    text = expr(e, depth)
    if isinstance(e, (ir.Binary, ir.Closure, ir.IfExpr, ir.Unary)) or (isinstance(e, ir.Raw) and text.startswith("-")):
        return f"({text})"
    return text
