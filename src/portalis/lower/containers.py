"""Lowering of typed lists: the runtime's `List<T>` (`runtime/src/typed/`).

`analysis.inference.containers` decides which lists are typed; here their literals,
`[x] * n`, indexing, slices, item stores, methods, `len`, `list()`, `sorted()` and
`for` loops (also over `enumerate` and `zip`) become native operations.  Wherever a
typed list meets code that wants a `Value` (printing, comparisons, `sum`, ...) it is
boxed as a copy (`own` in `lower.expr`), which the analysis allows only where the
copy is merely read; a fresh list built as a `Value` (a comprehension, `str.split`)
is unboxed once into its typed form.
"""
from __future__ import annotations

import ast

from portalis import ir
from portalis.analysis.inference.containers import HEAPQ_ITEM_ARGS
from portalis.lower.tuples import is_tuple_type, tuple_items

_STATEMENT_METHODS = {"append", "insert", "reverse", "sort", "clear", "extend"}


def is_list_type(ty: str) -> bool:
    return ty.startswith("List<")


def element_type(ty: str) -> str:
    return ty[len("List<"):-1]


def list_path(ty: str) -> str:
    """`List::<T>` for calling an associated function."""
    return f"List::<{element_type(ty)}>"


class ContainerLowering:
    def list_type(self, node: ast.expr) -> str | None:
        """The `List<T>` type of an expression the analysis proved a typed list."""
        return self.types.containers.expr_type(node)

    def unbox_list(self, value: ir.Expr, ty: str) -> ir.Expr:
        """A fresh list computed as a Value, converted once into its typed form."""
        return self.fallible(ir.Call(f"{list_path(ty)}::from_value", [self.ref(value)], ty=ty))

    def typed_list_literal(self, node: ast.List) -> ir.Expr | None:
        ty = self.list_type(node)
        if ty is None:
            return None
        return ir.Call("List::from_vec", [self._element_vec(node.elts, ty)], ty=ty)

    def _element_vec(self, elts: list[ast.expr], ty: str) -> ir.Expr:
        elem = element_type(ty)
        return ir.VecLit([self.native_item(e, elem) for e in elts], ty=f"Vec<{elem}>")

    def typed_list_binop(self, node: ast.BinOp) -> ir.Expr | None:
        """`[x] * n`, `lst * n` and `a + b` on typed lists."""
        ty = self.list_type(node)
        if ty is None:
            return None
        if isinstance(node.op, ast.Add):
            left, right = self.expr(node.left), self.expr(node.right)
            return ir.MethodCall(left, "concat", [ir.Ref(right)], ty=ty)
        seq, count = (node.left, node.right) if self.list_type(node.left) else (node.right, node.left)
        if isinstance(seq, ast.List):
            items = self._element_vec(seq.elts, ty)
        else:
            items = ir.MethodCall(self.expr(seq), "to_vec", [], ty=f"Vec<{element_type(ty)}>")
        return ir.Call("List::repeat", [items, self.machine_int(self.expr(count))], ty=ty)

    def typed_subscript(self, node: ast.Subscript, obj: ir.Expr) -> ir.Expr | None:
        """`lst[i]` and `lst[a:b:c]` on a typed list."""
        if not is_list_type(obj.ty):
            return None
        if isinstance(node.slice, ast.Slice):
            s = node.slice
            bounds = [self.ref(self._bound(b)) for b in (s.lower, s.upper, s.step)]
            if all(b is None for b in (s.lower, s.upper, s.step)):
                return ir.MethodCall(obj, "copy", [], ty=obj.ty)
            return self.fallible(ir.MethodCall(obj, "slice", bounds, ty=obj.ty))
        index = self.machine_int(self.expr(node.slice))
        return self.fallible(ir.MethodCall(obj, "get", [index], ty=element_type(obj.ty)))

    def typed_item_store(self, target: ast.Subscript, value: ir.Expr, out) -> bool:
        """`lst[i] = value` on a typed list."""
        if isinstance(target.slice, ast.Slice) or self.list_type(target.value) is None:
            return False
        obj = self.expr(target.value)
        index = self.machine_int(self.expr(target.slice))
        item = self.to_native(value, element_type(obj.ty))
        out.append(ir.ExprStmt(self.fallible(ir.MethodCall(obj, "set", [index, item], ty="()"))))
        return True

    def typed_augassign(self, node: ast.AugAssign, out) -> bool:
        """`lst[i] op= v` and `lst += other` on typed lists."""
        target = node.target
        if isinstance(target, ast.Name):
            if not is_list_type(self.var_type(target.id)) or not isinstance(node.op, ast.Add):
                return False
            current = self.load_name(target.id, target)
            other = self.expr(node.value)
            if other.ty != current.ty:
                other = self.unbox_list(other, current.ty)
            out.append(ir.ExprStmt(ir.MethodCall(current, "extend", [ir.Ref(other)], ty="()")))
            return True
        if not isinstance(target, ast.Subscript) or isinstance(target.slice, ast.Slice) \
                or self.list_type(target.value) is None:
            return False
        obj = self.expr(target.value)
        if not isinstance(obj, ir.Var):
            tmp = self.ctx.fresh("items")
            out.append(ir.Let(tmp, obj))
            obj = ir.Var(tmp, ty=obj.ty)
        elem = element_type(obj.ty)
        index = self.machine_int(self.expr(target.slice))
        if not isinstance(index, (ir.Var, ir.Raw)):
            tmp = self.ctx.fresh("index")
            out.append(ir.Let(tmp, index))
            index = ir.Var(tmp, ty="i64")
        current = self.fallible(ir.MethodCall(obj, "get", [index], ty=elem))
        operand = self.expr(node.value)
        from portalis.lower.module import _INPLACE_OPS
        value = self.native_binop(type(node.op), current, operand) or \
            self.fallible(ir.Call(_INPLACE_OPS[type(node.op)], [self.ref(current), self.ref(operand)]))
        item = self.to_native(value, elem)
        out.append(ir.ExprStmt(self.fallible(ir.MethodCall(obj, "set", [index, item], ty="()"))))
        return True

    def typed_list_method(self, node: ast.Call, func: ast.Attribute) -> ir.Expr | None:
        """Methods of a typed list that change it or return typed values."""
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            return None
        ty = self.list_type(func.value)
        if ty is None:
            return None
        elem = element_type(ty)
        name, args = func.attr, node.args
        if name == "append" and len(args) == 1:
            receiver = self.expr(func.value)
            return ir.MethodCall(receiver, "append", [self.native_item(args[0], elem)], ty="()")
        if name == "insert" and len(args) == 2:
            receiver = self.expr(func.value)
            index = self.machine_int(self.expr(args[0]))
            return ir.MethodCall(receiver, "insert", [index, self.native_item(args[1], elem)], ty="()")
        if name == "pop" and len(args) <= 1:
            receiver = self.expr(func.value)
            if args:
                return self.fallible(ir.MethodCall(receiver, "pop_at", [self.machine_int(self.expr(args[0]))], ty=elem))
            return self.fallible(ir.MethodCall(receiver, "pop", [], ty=elem))
        if name == "remove" and len(args) == 1:
            receiver = self.expr(func.value)
            item = self.to_native(self.expr(args[0]), elem)
            return self.fallible(ir.MethodCall(receiver, "remove", [ir.Ref(item)], ty="()"))
        if name in ("reverse", "sort", "clear") and not args:
            return ir.MethodCall(self.expr(func.value), name, [], ty="()")
        if name == "copy" and not args:
            return ir.MethodCall(self.expr(func.value), "copy", [], ty=ty)
        if name == "extend" and len(args) == 1:
            receiver = self.expr(func.value)
            other = self.expr(args[0])
            if other.ty != ty:
                other = self.unbox_list(other, ty)
            return ir.MethodCall(receiver, "extend", [ir.Ref(other)], ty="()")
        return None

    def typed_heapq(self, node: ast.Call, qualified: str) -> ir.Expr | None:
        """`heapq.heappush(heap, item)` and the other heap functions on a typed list."""
        name = qualified[len("heapq."):] if qualified.startswith("heapq.") else None
        if name not in HEAPQ_ITEM_ARGS or node.keywords or len(node.args) != 1 + HEAPQ_ITEM_ARGS[name] \
                or any(isinstance(a, ast.Starred) for a in node.args):
            return None
        ty = self.list_type(node.args[0])
        if ty is None:
            return None
        heap = self.expr(node.args[0])
        elem = element_type(ty)
        items = [self.native_item(a, elem) for a in node.args[1:]]
        call = ir.MethodCall(heap, name, items, ty="()" if name in ("heappush", "heapify") else elem)
        return self.fallible(call) if name in ("heappop", "heapreplace") else call

    def typed_list_builtin(self, node: ast.Call, name: str) -> ir.Expr | None:
        """`len`, `list` and `sorted` of typed lists, and `list(range(...))`."""
        if node.keywords or len(node.args) != 1 or isinstance(node.args[0], ast.Starred):
            return None
        arg = node.args[0]
        if name == "len":
            lowered = self.expr(arg)
            if lowered.ty == "Str":  # code points, as Python counts them
                return ir.Binary("as", ir.Call("strmethods::char_len", [ir.Ref(lowered)], ty="usize"), ir.Raw("i64"),
                                 ty="i64")
            return ir.MethodCall(lowered, "len", [], ty="i64") if is_list_type(lowered.ty) else None
        ty = self.list_type(node)
        if name not in ("list", "sorted") or ty is None:
            return None
        if self.list_type(arg) == ty:
            source = self.expr(arg)
            return ir.MethodCall(source, "copy" if name == "list" else "sorted", [], ty=ty)
        if name == "list" and ty == "List<i64>" and isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) \
                and arg.func.id == "range" and 1 <= len(arg.args) <= 3 and not arg.keywords:
            items = ir.MethodCall(self.int_range(arg.args), "collect", [], ty="Vec<i64>")
            return ir.Call("List::from_vec", [items], ty=ty)
        return None

    def int_range(self, args: list[ast.expr]) -> ir.Expr:
        """`range(...)` of machine ints as the runtime's native iterator."""
        lowered = [self.machine_int(self.expr(a)) for a in args]
        one, zero = ir.Raw("1", ty="i64"), ir.Raw("0", ty="i64")
        start, stop, step = (zero, lowered[0], one) if len(lowered) == 1 else \
            (lowered[0], lowered[1], lowered[2] if len(lowered) == 3 else one)
        return self.fallible(ir.Call("intops::range", [start, stop, step]))

    def typed_for(self, node: ast.For, loop, out) -> bool:
        """`for x in lst`, `for i, x in enumerate(lst)`, `for a, b in zip(l1, l2)` over
        typed lists as Rust loops that read the list live, as Python's iterators do."""
        target, it = node.target, node.iter
        if isinstance(target, ast.Name):
            ty = self.list_type(it)
            if ty is None:
                return False
            self.native_for(node, loop, out, ir.MethodCall(self.expr(it), "iter", [], ty="iter"), element_type(ty))
            return True
        elem = element_type(self.list_type(it) or "List<>")
        if isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts) \
                and is_tuple_type(elem) and len(tuple_items(elem)) == len(target.elts):
            iterable = ir.MethodCall(self.expr(it), "iter", [], ty="iter")
            self._tuple_for(node, loop, out, iterable, [e.id for e in target.elts], tuple_items(elem))
            return True
        if not (isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts)
                and isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and not it.keywords
                and it.func.id in ("enumerate", "zip") and self._is_builtin_name(it.func.id)):
            return False
        names = [e.id for e in target.elts]
        if it.func.id == "enumerate":
            if len(it.args) != 1 or len(names) != 2 or self.list_type(it.args[0]) is None:
                return False
            ty = self.list_type(it.args[0])
            iterable = ir.MethodCall(ir.Raw("(0_i64..)", ty="iter"), "zip",
                                     [ir.MethodCall(self.expr(it.args[0]), "iter", [], ty="iter")], ty="iter")
            self._tuple_for(node, loop, out, iterable, names, ["i64", element_type(ty)])
            return True
        types = [self.list_type(a) for a in it.args]
        if len(names) != 2 or len(types) != 2 or None in types:
            return False
        first, second = (ir.MethodCall(self.expr(a), "iter", [], ty="iter") for a in it.args)
        iterable = ir.MethodCall(first, "zip", [second], ty="iter")
        self._tuple_for(node, loop, out, iterable, names, [element_type(t) for t in types])
        return True

    def native_source(self, gen: ast.comprehension) -> tuple[ir.Expr, str] | None:
        """A comprehension's `for x in lst` over a typed list, or `for i in range(...)`
        over machine ints, as a Rust iterator and the Rust type of its variable."""
        if not isinstance(gen.target, ast.Name) or gen.is_async:
            return None
        ty = self.list_type(gen.iter)
        if ty is not None:
            return ir.MethodCall(self.expr(gen.iter), "iter", [], ty="iter"), element_type(ty)
        it = gen.iter
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" \
                and 1 <= len(it.args) <= 3 and not it.keywords and self._is_builtin_name("range") \
                and all(self._machine_int_expr(a) for a in it.args):
            return self.int_range(it.args), "i64"
        return None

    def _machine_int_expr(self, node: ast.expr) -> bool:
        """`node` lowers to an i64 (an int literal, an int local, `len(...)`, or + - * of those)."""
        if isinstance(node, ast.Constant):
            return type(node.value) is int and -2 ** 63 <= node.value < 2 ** 63
        if isinstance(node, ast.Name):
            return self.var_type(node.id) == "i64"
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return self._machine_int_expr(node.operand)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
            return self._machine_int_expr(node.left) and self._machine_int_expr(node.right)
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" \
            and len(node.args) == 1 and not node.keywords and self._is_builtin_name("len")

    def _is_builtin_name(self, name: str) -> bool:
        return not self._is_local(name) and name not in self.global_vars and name not in self.functions \
            and self._comp_var(name) is None and not self._is_cell(name)

    def _tuple_for(self, node: ast.For, loop, out, iterable: ir.Expr, names: list[str], types: list[str]) -> None:
        items = [self.ctx.fresh("item") for _ in names]
        prefix: list[ir.Stmt] = []
        for name, item, ty in zip(names, items, types):
            self.store_name(name, ir.Var(item, ty=ty), prefix, node.target)
        body = self._loop_body(node.body, loop, prefix)
        label = loop.label if loop.label_used else None
        out.append(ir.ForIn("(" + ", ".join(items) + ")", iterable, body, label))

    def parallel_assign(self, node: ast.Assign, out) -> bool:
        """`a, b = x, y` and `a[i], a[j] = a[j], a[i]` (a tuple of as many values as
        targets): each value into a temporary (native where it is), then each target, as
        Python does, without building and unpacking a tuple of `Value`s."""
        if len(node.targets) != 1:
            return False
        target, value = node.targets[0], node.value
        if not (isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List))
                and len(target.elts) == len(value.elts)
                and not any(isinstance(e, ast.Starred) for e in target.elts + value.elts)):
            return False
        temps = []
        for e in value.elts:
            lowered = self.expr(e)
            tmp = self.ctx.fresh("value")
            native = lowered.ty != "Value"
            if native and isinstance(lowered, ir.Var):  # a copy: the targets may rebind the variable
                lowered = self.to_native(lowered, lowered.ty)
            out.append(ir.Let(tmp, lowered if native else self.own(lowered)))
            temps.append(ir.Raw(tmp, ty=lowered.ty if native else "Value"))  # read once: moved, not cloned
        for t, tmp in zip(target.elts, temps):
            self.assign(t, tmp, out)
        return True
