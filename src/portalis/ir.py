"""The typed Rust IR that lowering produces and the printer turns into text.

Nodes are plain dataclasses describing Rust constructs (items, statements,
expressions), so lowering decides *what* Rust to emit and the printer only decides
layout.  `ty` on an expression is its Rust type ("Value", "bool", "i64", ...).
"""
from __future__ import annotations

from dataclasses import dataclass, field


# ---- expressions -------------------------------------------------------------------

class Expr:
    ty: str = "Value"


@dataclass
class Raw(Expr):
    """A leaf whose Rust text is fixed: a literal, a path, a constant."""
    text: str
    ty: str = "Value"


@dataclass
class Var(Expr):
    name: str
    ty: str = "Value"


@dataclass
class Ref(Expr):
    """`&expr`."""
    inner: Expr
    ty: str = "&Value"


@dataclass
class Try(Expr):
    """`expr?`, or inside a Python `try` body the catching macro; with a site, an error
    first records the Python frame and line it leaves (`expr.at(&CODE_F, 3)?`)."""
    inner: Expr
    catch: "CatchTarget | None" = None
    ty: str = "Value"
    site: "Site | None" = None


@dataclass
class Site:
    """A traceback entry's place: the frame's code descriptor, the line, the columns
    CPython underlines (start, operator start, operator end, end) if any, and the
    exception being handled there (its context), if any."""
    code: str
    line: int
    cols: tuple[int, int, int, int] | None = None
    handling: str | None = None


@dataclass
class CatchTarget:
    """Where an error raised inside a Python `try` body goes: a slot and a loop label."""
    slot: str
    label: str


@dataclass
class Call(Expr):
    func: str
    args: list[Expr]
    ty: str = "Value"


@dataclass
class MethodCall(Expr):
    recv: Expr
    method: str
    args: list[Expr]
    ty: str = "Value"


@dataclass
class VecLit(Expr):
    """`vec![a, b]`."""
    items: list[Expr]
    ty: str = "Vec<Value>"


@dataclass
class TupleLit(Expr):
    """A Rust tuple `(a, b)` (used for keyword pairs)."""
    items: list[Expr]
    ty: str = "tuple"


@dataclass
class Unary(Expr):
    op: str  # "!" or "-"
    operand: Expr
    ty: str = "bool"


@dataclass
class Binary(Expr):
    op: str  # native Rust operator on bools/ints: "&&", "||", "==", ...
    left: Expr
    right: Expr
    ty: str = "bool"


@dataclass
class Closure(Expr):
    params: list[str]
    body: "Block"
    is_move: bool = True
    ret: str | None = None
    ty: str = "closure"


@dataclass
class BlockExpr(Expr):
    """`{ stmts; tail }`."""
    body: "Block"
    ty: str = "Value"


@dataclass
class IfExpr(Expr):
    cond: Expr
    then: Expr
    orelse: Expr
    ty: str = "Value"


# ---- statements --------------------------------------------------------------------

class Stmt:
    pass


@dataclass
class Block:
    stmts: list[Stmt] = field(default_factory=list)
    tail: Expr | None = None


@dataclass
class Let(Stmt):
    name: str
    value: Expr | None
    mutable: bool = False
    ty: str | None = None


@dataclass
class Assign(Stmt):
    target: Expr
    value: Expr
    op: str = "="


@dataclass
class ExprStmt(Stmt):
    expr: Expr


@dataclass
class If(Stmt):
    cond: Expr
    then: Block
    orelse: Block | None = None


@dataclass
class IfLet(Stmt):
    pattern: str
    value: Expr
    then: Block
    orelse: Block | None = None


@dataclass
class While(Stmt):
    cond: Expr
    body: Block
    label: str | None = None


@dataclass
class WhileLet(Stmt):
    pattern: str
    value: Expr
    body: Block
    label: str | None = None


@dataclass
class ForIn(Stmt):
    """`for pattern in iterable { body }` over a Rust iterator."""
    pattern: str
    iterable: Expr
    body: Block
    label: str | None = None


@dataclass
class Loop(Stmt):
    body: Block
    label: str | None = None


@dataclass
class Break(Stmt):
    label: str | None = None


@dataclass
class Continue(Stmt):
    label: str | None = None


@dataclass
class Return(Stmt):
    value: Expr | None


@dataclass
class Comment(Stmt):
    text: str


# ---- items -------------------------------------------------------------------------

@dataclass
class Param:
    name: str
    ty: str = "Value"
    mutable: bool = False


@dataclass
class Function:
    name: str
    params: list[Param]
    ret: str
    body: Block
    doc: str = ""
    kind: str = "function"
    python_name: str = ""
    allow_unused_assignments: bool = False  # set when locals had to be declared early


@dataclass
class Impl:
    """`impl Type { fns }`: the constructor and typed methods of a struct class."""
    type_name: str
    functions: list[Function]
    name: str = ""


@dataclass
class RawItem:
    """An item whose Rust text lowering builds directly (statics, thread-locals)."""
    text: str
    kind: str = "global"
    name: str = ""


@dataclass
class Program:
    items: list
    header: str = ""

    def item_names(self) -> list[str]:
        return [getattr(i, "python_name", "") or i.name for i in self.items if getattr(i, "name", "")]
