"""The constraint walk: one pass over a scope's statements, typing every expression
and widening the places that values flow into (assignments, arguments, returns,
container mutation, attribute stores).  The solver repeats it until nothing grows.
"""
from __future__ import annotations

import ast

from portalis.analysis.inference import builtins as bi
from portalis.analysis.inference import lattice as L
from portalis.analysis.inference.lattice import BOOL, EMPTY, FLOAT, FUNC, INT, NONE, STR, Place, Ty
from portalis.analysis.inference.program import FunctionFacts, ProgramModel
from portalis.analysis.scopes import Scope

_NUMERIC = ("int", "bool", "float")
_INT_RESULT_OPS = (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.LShift, ast.RShift)
_BIT_OPS = (ast.BitAnd, ast.BitOr, ast.BitXor)
_FLOAT_OPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod)
_NESTED = (ast.FunctionDef, ast.ClassDef)


class Walker:
    def __init__(self, model: ProgramModel):
        self.model = model
        self.solver = model.solver
        self.scope: Scope = model.scopes.module
        self.function: FunctionFacts | None = None
        self.line = 0

    # ---- helpers -----------------------------------------------------------------------------

    def new_place(self, label: str) -> Place:
        """A place for the elements of a container built at the current node; created once
        per node so that repeated walks reuse it."""
        key = (id(self._node), label)
        place = self.solver.sites.get(key)
        if place is None:
            place = self.solver.sites[key] = Place(self.solver, label)
        return place

    def escape(self, ty: Ty, reason: str, seen: set | None = None) -> None:
        """A value handed to code the inference cannot see: whatever containers it holds
        may receive anything."""
        seen = set() if seen is None else seen
        for atom, payload in ty.atoms.items():
            places = [payload] if atom in L.CONTAINERS else list(payload) if atom == "dict" else []
            for place in places:
                root = place.find()
                if id(root) in seen:
                    continue
                seen.add(id(root))
                inner = root.ty
                root.add(L.dyn(reason), self.line)
                self.escape(inner, reason, seen)
            if atom.startswith("tuple"):
                for item in payload:
                    self.escape(item, reason, seen)
            if atom.startswith("class:") and atom not in seen:
                seen.add(atom)  # unknown code may set any attribute (setattr)
                for sub in self.model.subclasses(atom[6:]):
                    for place in self.model.root_class(sub).attrs.values():
                        self.escape(place.type, reason, seen)
                        place.add(L.dyn(reason), self.line)

    def function_escapes(self, facts: FunctionFacts, reason: str) -> None:
        if not facts.escapes:
            facts.escapes = reason
            self.solver.changed += 1
        for name, place in facts.params:
            if not (facts.cls is not None and place is facts.params[0][1] and _is_instance_method(facts)):
                place.add(L.dyn(reason), getattr(facts.node, "lineno", 0))

    def iter_elem(self, ty: Ty) -> Ty:
        """The type of the items that iterating a value of type `ty` yields."""
        out = EMPTY
        for atom, payload in _iterable_part(ty).atoms.items():
            if atom in L.CONTAINERS:
                out = L.join(out, payload.type)
            elif atom == "dict":
                out = L.join(out, payload[0].type)
            elif atom == "str":
                out = L.join(out, STR)
            elif atom.startswith("tuple"):
                for item in payload:
                    out = L.join(out, item)
            else:
                out = L.join(out, L.dyn(f"iterating a value that can be {L.show(ty)}"))
        return out

    # ---- statements ----------------------------------------------------------------------------

    def walk_body(self, stmts: list[ast.stmt]) -> None:
        for stmt in stmts:
            self.line = getattr(stmt, "lineno", self.line)
            self._node = stmt
            method = _STMT.get(type(stmt))
            if method is not None:
                method(self, stmt)
            else:
                for child in ast.iter_child_nodes(stmt):
                    if isinstance(child, ast.expr):
                        self.expr(child)
                    elif isinstance(child, ast.stmt):
                        self.walk_body([child])

    def s_FunctionDef(self, node: ast.FunctionDef) -> None:
        facts = self.model.functions[id(node)]
        for deco in node.decorator_list:
            self.expr(deco)
        if node.decorator_list and facts.cls is None:
            self.function_escapes(facts, "decorated")
        positional = node.args.posonlyargs + node.args.args
        for arg, default in zip(positional[len(positional) - len(node.args.defaults):], node.args.defaults):
            facts.param(arg.arg).add(self.expr(default), self.line)
        for arg, default in zip(node.args.kwonlyargs, node.args.kw_defaults):
            if default is not None:
                facts.param(arg.arg).add(self.expr(default), self.line)
        if node.args.vararg:
            facts.param(node.args.vararg.arg).add(L.dyn("*args parameter"), self.line)
        if node.args.kwarg:
            facts.param(node.args.kwarg.arg).add(L.dyn("**kwargs parameter"), self.line)
        if self.scope.kind != "module" and self.scope.kind != "class":
            self.function_escapes(facts, "nested function called through a value")
            self.bind_name(node.name, FUNC)

    def s_ClassDef(self, node: ast.ClassDef) -> None:
        for base in node.bases:
            if not (isinstance(base, ast.Name) and base.id in self.model.classes):  # inheriting is no use as a value
                self.expr(base)

    def s_Return(self, node: ast.Return) -> None:
        ty = self.expr(node.value) if node.value is not None else NONE
        if self.function is not None:
            self.function.ret.add(ty, self.line)

    def s_Assign(self, node: ast.Assign) -> None:
        ty = self.expr(node.value)
        for target in node.targets:
            self.bind(target, ty)

    def s_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.bind(node.target, self.expr(node.value))

    def s_AugAssign(self, node: ast.AugAssign) -> None:
        target = node.target
        load = ast.copy_location(_as_load(target), target)
        current = self.expr(load)
        value = self.expr(node.value)
        if isinstance(node.op, ast.Add) and current.elem("list") and len(current.atoms) == 1:
            current.elem("list").add(self.iter_elem(value), self.line)  # list += iterable
            result = current
        else:
            result = self.binop(node.op, current, value, node.value)
        self.bind(target, result)

    def s_For(self, node: ast.For) -> None:
        self.bind(node.target, self.iter_elem(self.expr(node.iter)))
        self.walk_body(node.body)
        self.walk_body(node.orelse)

    def s_While(self, node: ast.While) -> None:
        self.expr(node.test)
        self.walk_body(node.body)
        self.walk_body(node.orelse)

    def s_If(self, node: ast.If) -> None:
        self.expr(node.test)
        self.walk_body(node.body)
        self.walk_body(node.orelse)

    def s_With(self, node: ast.With) -> None:
        for item in node.items:
            self.expr(item.context_expr)
            if item.optional_vars is not None:
                self.bind(item.optional_vars, L.dyn("bound by a with statement"))
        self.walk_body(node.body)

    def s_Try(self, node: ast.Try) -> None:
        self.walk_body(node.body)
        for handler in node.handlers:
            if handler.type is not None:
                self.expr(handler.type)
            if handler.name:
                self.bind_name(handler.name, L.dyn("caught exception"))
            self.walk_body(handler.body)
        self.walk_body(node.orelse)
        self.walk_body(node.finalbody)

    s_TryStar = s_Try

    def s_Expr(self, node: ast.Expr) -> None:
        self.expr(node.value)

    def s_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.bind_name(target.id, L.dyn("deleted with del"))
            else:
                self.expr(_as_load(target))

    def s_Import(self, node) -> None:
        pass

    s_ImportFrom = s_Global = s_Nonlocal = s_Pass = s_Break = s_Continue = s_Import

    def s_Raise(self, node: ast.Raise) -> None:
        if node.exc is not None:
            self.expr(node.exc)
        if node.cause is not None:
            self.expr(node.cause)

    def s_Assert(self, node: ast.Assert) -> None:
        self.expr(node.test)
        if node.msg is not None:
            self.expr(node.msg)

    def s_Match(self, node) -> None:
        self.expr(node.subject)
        for case in node.cases:
            for n in ast.walk(case.pattern):
                for name in (getattr(n, "name", None), getattr(n, "rest", None)):
                    if isinstance(name, str):
                        self.bind_name(name, L.dyn("bound by a match pattern"))
            if case.guard is not None:
                self.expr(case.guard)
            self.walk_body(case.body)

    # ---- binding -----------------------------------------------------------------------------

    def bind(self, target: ast.expr, ty: Ty) -> None:
        if isinstance(target, ast.Name):
            self.bind_name(target.id, ty)
        elif isinstance(target, (ast.Tuple, ast.List)):
            self._unpack(target, ty)
        elif isinstance(target, ast.Subscript):
            obj = self.expr(target.value)
            index = self.expr(target.slice)
            for atom, payload in obj.atoms.items():
                if atom == "list":
                    payload.add(self.iter_elem(ty) if isinstance(target.slice, ast.Slice) else ty, self.line)
                elif atom == "dict":
                    payload[0].add(index, self.line)
                    payload[1].add(ty, self.line)
            if not obj.only("list", "dict"):
                self.escape(ty, "stored into an object of unknown type")
        elif isinstance(target, ast.Attribute):
            obj = _drop_none(self.expr(target.value), target.attr)
            if not obj.atoms:
                return  # not known yet, or None (the store raises)
            classes = obj.classes()
            if not classes or len(classes) != len(obj.atoms):
                classes = [c for c in self.model.classes if target.attr in self.model.root_class(c).attrs] or []
                if not obj.only(*(f"class:{c}" for c in obj.classes())):
                    self.escape(ty, "stored as an attribute of a value of unknown type")
            for cls in classes:
                self.model.attr(cls, target.attr).add(ty, self.line)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, L.container("list", self._elements_place(ty)))

    def _elements_place(self, ty: Ty) -> Place:
        place = self.new_place("starred")
        place.add(self.iter_elem(ty), self.line)
        return place

    def _unpack(self, target: ast.Tuple | ast.List, ty: Ty) -> None:
        n = len(target.elts)
        starred = any(isinstance(e, ast.Starred) for e in target.elts)
        per_item: list[Ty] = [EMPTY] * n
        for atom, payload in _iterable_part(ty).atoms.items():
            if atom == f"tuple{n}" and not starred:
                per_item = [L.join(a, b) for a, b in zip(per_item, payload)]
            else:
                elem = self.iter_elem(Ty({atom: payload}))
                per_item = [L.join(a, elem) for a in per_item]
        for elt, item in zip(target.elts, per_item):
            if isinstance(elt, ast.Starred):
                place = self.new_place("starred")
                place.add(self.iter_elem(ty), self.line)
                self.bind(elt.value, L.container("list", place))
            else:
                self.bind(elt, item)

    def bind_name(self, name: str, ty: Ty) -> None:
        place = self.model.lookup(self.scope, name)
        if place is not None:
            place.add(ty, self.line)

    # ---- expressions ---------------------------------------------------------------------------

    def expr(self, node: ast.expr) -> Ty:
        saved = self._node
        self._node = node
        method = _EXPR.get(type(node))
        ty = method(self, node) if method is not None else self._unknown(node)
        self.solver.expr_types[id(node)] = ty  # the last round's, which saw the final types
        self._node = saved
        return ty

    def _unknown(self, node: ast.expr) -> Ty:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.escape(self.expr(child), f"used in {type(node).__name__}")
        return L.dyn(f"{type(node).__name__} expression")

    def e_Constant(self, node: ast.Constant) -> Ty:
        v = node.value
        if v is None:
            return NONE
        kind = type(v).__name__
        return L.scalar(kind) if kind in ("bool", "int", "float", "str") else L.dyn(f"{kind} literal")

    def e_Name(self, node: ast.Name) -> Ty:
        name = node.id
        place = self.model.lookup(self.scope, name)
        if place is not None:
            return place.type
        facts = self.model.module_functions.get(name)
        if facts is not None:
            self.function_escapes(facts, "used as a value")
            return FUNC
        if name in self.model.classes:
            for cls in self.model.ancestors(name):  # whoever gets the class may call any of its methods
                for facts in self.model.classes[cls].methods.values():
                    self.function_escapes(facts, f"class {name} used as a value")
            return L.dyn(f"class {name} used as a value")
        if name in self.model.imports:
            return bi.module_constant(self.model.imports[name]) or L.dyn(f"imported {name}")
        return L.dyn(f"builtin {name}")

    def e_JoinedStr(self, node: ast.JoinedStr) -> Ty:
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                self.expr(v.value)
                if v.format_spec is not None:
                    self.expr(v.format_spec)
        return STR

    def e_BinOp(self, node: ast.BinOp) -> Ty:
        return self.binop(node.op, self.expr(node.left), self.expr(node.right), node.right)

    def binop(self, op: ast.operator, left: Ty, right: Ty, right_node: ast.expr) -> Ty:
        if not left.atoms or not right.atoms:
            return EMPTY  # not known yet: the fixed point comes back
        if left.only(*_NUMERIC) and right.only(*_NUMERIC):
            out = EMPTY
            for a in left.atoms:
                for b in right.atoms:
                    out = L.join(out, _numeric_result(op, a, b, right_node))
            return out
        kind_l, kind_r = left.single(), right.single()
        if isinstance(op, ast.Add) and kind_l == kind_r == "str":
            return STR
        if isinstance(op, ast.Mult) and {kind_l, kind_r} <= {"str", "int", "bool"} and "str" in (kind_l, kind_r):
            return STR
        if isinstance(op, ast.Mod) and kind_l == "str":
            return STR
        if isinstance(op, ast.Add) and kind_l == kind_r == "list":
            L.unify(left.elem("list"), right.elem("list"))
            return left
        if isinstance(op, ast.Mult) and kind_l == "list" and kind_r in ("int", "bool"):
            return left
        if isinstance(op, ast.Mult) and kind_r == "list" and kind_l in ("int", "bool"):
            return right
        if isinstance(op, ast.Add) and kind_l and kind_r and kind_l.startswith("tuple") \
                and kind_r.startswith("tuple"):
            return L.tuple_of(list(left.atoms[kind_l]) + list(right.atoms[kind_r]))
        if isinstance(op, (ast.BitOr, ast.BitAnd, ast.Sub, ast.BitXor)) and kind_l == kind_r == "set":
            L.unify(left.elem("set"), right.elem("set"))
            return left
        return L.dyn(f"operator {_OP_NAMES.get(type(op), '?')} on {L.show(left)} and {L.show(right)}")

    def e_UnaryOp(self, node: ast.UnaryOp) -> Ty:
        operand = self.expr(node.operand)
        if isinstance(node.op, ast.Not):
            return BOOL
        if not operand.atoms:
            return EMPTY
        if operand.only(*_NUMERIC):
            out = EMPTY
            for a in operand.atoms:
                if a == "float":
                    out = L.join(out, FLOAT if not isinstance(node.op, ast.Invert) else L.dyn("~ on a float"))
                else:
                    out = L.join(out, INT)
            return out
        return L.dyn(f"unary operator on {L.show(operand)}")

    def e_BoolOp(self, node: ast.BoolOp) -> Ty:
        out = EMPTY
        for v in node.values:
            out = L.join(out, self.expr(v))
        return out

    def e_Compare(self, node: ast.Compare) -> Ty:
        types = [self.expr(node.left)] + [self.expr(c) for c in node.comparators]
        if any(t.classes() for t in types) and not all(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            return L.dyn("comparison of class instances")
        return BOOL

    def e_IfExp(self, node: ast.IfExp) -> Ty:
        self.expr(node.test)
        return L.join(self.expr(node.body), self.expr(node.orelse))

    def e_NamedExpr(self, node: ast.NamedExpr) -> Ty:
        ty = self.expr(node.value)
        place = self.model.lookup(self.scope.function_scope(), node.target.id)
        if place is not None:
            place.add(ty, self.line)
        return ty

    def e_List(self, node: ast.List) -> Ty:
        return L.container("list", self._items_place(node.elts, "list"))

    def e_Set(self, node: ast.Set) -> Ty:
        return L.container("set", self._items_place(node.elts, "set"))

    def _items_place(self, elts: list[ast.expr], label: str) -> Place:
        place = self.new_place(label)
        for e in elts:
            if isinstance(e, ast.Starred):
                place.add(self.iter_elem(self.expr(e.value)), self.line)
            else:
                place.add(self.expr(e), self.line)
        return place

    def e_Tuple(self, node: ast.Tuple) -> Ty:
        if any(isinstance(e, ast.Starred) for e in node.elts):
            for e in node.elts:
                self.expr(e.value if isinstance(e, ast.Starred) else e)
            return L.dyn("tuple built with *")
        return L.tuple_of([self.expr(e) for e in node.elts])

    def e_Dict(self, node: ast.Dict) -> Ty:
        keys, values = self.new_place("dict keys"), self.new_place("dict values")
        for k, v in zip(node.keys, node.values):
            vt = self.expr(v)
            if k is None:
                keys.add(L.dyn("dict built with **"), self.line)
                values.add(L.dyn("dict built with **"), self.line)
                self.escape(vt, "spread with **")
            else:
                keys.add(self.expr(k), self.line)
                values.add(vt, self.line)
        return L.dict_of(keys, values)

    def e_Starred(self, node: ast.Starred) -> Ty:
        return self.expr(node.value)

    # ---- comprehensions ------------------------------------------------------------------------

    def _comprehension(self, node, produce) -> Ty:
        outer = self.scope
        first = True
        for gen in node.generators:
            iterable = self.expr(gen.iter)  # the first iterable is evaluated outside
            if first:
                self.scope = self.model.scopes.scope_of(node)
                first = False
            self.bind(gen.target, self.iter_elem(iterable))
            for cond in gen.ifs:
                self.expr(cond)
        result = produce()
        self.scope = outer
        return result

    def e_ListComp(self, node: ast.ListComp) -> Ty:
        return self._comprehension(node, lambda: L.container("list", self._one(node.elt, "list")))

    def e_SetComp(self, node: ast.SetComp) -> Ty:
        return self._comprehension(node, lambda: L.container("set", self._one(node.elt, "set")))

    def e_GeneratorExp(self, node: ast.GeneratorExp) -> Ty:
        return self._comprehension(node, lambda: L.container("iter", self._one(node.elt, "iter")))

    def e_DictComp(self, node: ast.DictComp) -> Ty:
        return self._comprehension(node, lambda: L.dict_of(self._one(node.key, "dict keys"),
                                                           self._one(node.value, "dict values")))

    def _one(self, elt: ast.expr, label: str) -> Place:
        place = self.new_place(label)
        place.add(self.expr(elt), self.line)
        return place

    def e_Lambda(self, node: ast.Lambda) -> Ty:
        for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            self.expr(d)
        outer = self.scope
        self.scope = self.model.scopes.scope_of(node)
        for p in self.scope.params:
            self.model.var(self.scope, p).add(L.dyn("lambda parameter"), self.line)
        self.escape(self.expr(node.body), "returned by a lambda")
        self.scope = outer
        return FUNC

    # ---- subscripts and attributes -------------------------------------------------------------

    def e_Subscript(self, node: ast.Subscript) -> Ty:
        obj = self.expr(node.value)
        is_slice = isinstance(node.slice, ast.Slice)
        index = self.expr(node.slice) if not is_slice else self._slice(node.slice)
        if not obj.atoms:
            return EMPTY
        out = EMPTY
        for atom, payload in obj.atoms.items():
            if atom == "list":
                out = L.join(out, Ty({atom: payload}) if is_slice else payload.type)
            elif atom == "str":
                out = L.join(out, STR)
            elif atom == "dict" and not is_slice:
                out = L.join(out, payload[1].type)
            elif atom.startswith("tuple") and not is_slice:
                k = _constant_index(node.slice, len(payload))
                if k is not None:
                    out = L.join(out, payload[k])
                else:
                    for item in payload:
                        out = L.join(out, item)
            else:
                return L.dyn(f"subscript of {L.show(obj)}")
        return out

    def _slice(self, s: ast.Slice) -> Ty:
        for part in (s.lower, s.upper, s.step):
            if part is not None:
                self.expr(part)
        return EMPTY

    def e_Attribute(self, node: ast.Attribute) -> Ty:
        if isinstance(node.value, ast.Name) and node.value.id in self.model.imports \
                and self.model.lookup(self.scope, node.value.id) is None:
            qualified = f"{self.model.imports[node.value.id]}.{node.attr}"
            return bi.module_constant(qualified) or L.dyn(f"{qualified}")
        obj = _drop_none(self.expr(node.value), node.attr)
        if not obj.atoms:
            return EMPTY
        classes = obj.classes()
        if classes and len(classes) == len(obj.atoms):
            out = EMPTY
            for cls in classes:
                out = L.join(out, self._instance_attribute(cls, node.attr))
            return out
        for facts in self._methods_named(node.attr):
            self.function_escapes(facts, f"method read from a value of unknown type ({L.show(obj)})")
        return L.dyn(f"attribute {node.attr} of {L.show(obj)}")

    def _instance_attribute(self, cls: str, attr: str) -> Ty:
        out = EMPTY
        for sub in self.model.subclasses(cls):
            method = self.model.method(sub, attr)
            if method is None:
                continue
            if _is_property(method):
                method.called = True
                out = L.join(out, method.ret.type)
            else:
                self.function_escapes(method, "bound method used as a value")
                out = L.join(out, FUNC)
        if self.model.method(cls, attr) is None:
            out = L.join(out, self.model.attr(cls, attr).type)
        return out

    def _methods_named(self, name: str) -> list[FunctionFacts]:
        return [c.methods[name] for c in self.model.classes.values() if name in c.methods]

    # ---- calls -------------------------------------------------------------------------------

    def e_Call(self, node: ast.Call) -> Ty:
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("isinstance", "issubclass") and len(node.args) == 2 \
                and self.model.lookup(self.scope, func.id) is None and self._names_classes(node.args[1]):
            self.expr(node.args[0])  # testing against a class does not hand the class out
            return BOOL
        args = [self.expr(a) for a in node.args]
        kwargs = {k.arg: self.expr(k.value) for k in node.keywords}
        if isinstance(func, ast.Name):
            name = func.id
            if self.model.lookup(self.scope, name) is None:
                facts = self.model.module_functions.get(name)
                if facts is not None:
                    return self.call_function(facts, node, args, kwargs)
                if name in self.model.classes:
                    return self.construct(name, node, args, kwargs)
                if name in self.model.imports:
                    return self._module_call(self.model.imports[name], args, kwargs, node)
                if name in self.model.scopes.module.assigned:
                    return self.unknown_call(f"{name}()", args, kwargs)
                return self.builtin_call(name, node, args, kwargs)
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and self.model.lookup(self.scope, func.value.id) is None:
                base = func.value.id
                if base == "object" and func.attr == "__setattr__" and len(node.args) == 3 \
                        and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                    for cls in args[0].classes() or list(self.model.classes):
                        self.model.attr(cls, node.args[1].value).add(args[2], self.line)
                    return NONE
                if base in self.model.imports:
                    return self._module_call(f"{self.model.imports[base]}.{func.attr}", args, kwargs, node)
                if base in self.model.classes:
                    method = self.model.method(base, func.attr)
                    if method is not None:
                        return self.call_function(method, node, args, kwargs)
                    return self.unknown_call(f"{base}.{func.attr}()", args, kwargs)
            if _is_super_call(func.value):
                return self._super_call(func.attr, node, args, kwargs)
            return self.method_call(self.expr(func.value), func.attr, node, args, kwargs)
        callee = self.expr(func)
        return self.unknown_call(f"a call of {L.show(callee)}", args, kwargs)

    def _names_classes(self, node: ast.expr) -> bool:
        """`Node` or `(Node, Leaf)`: classes of the module named directly."""
        items = node.elts if isinstance(node, ast.Tuple) else [node]
        return all(isinstance(i, ast.Name) and i.id in self.model.classes and self.model.lookup(self.scope, i.id) is None
                   for i in items)

    def unknown_call(self, what: str, args: list[Ty], kwargs: dict) -> Ty:
        for ty in args + list(kwargs.values()):
            self.escape(ty, f"passed to {what}")
        return L.dyn(f"result of {what}")

    def call_function(self, facts: FunctionFacts, node: ast.Call, args: list[Ty], kwargs: dict,
                      self_ty: Ty | None = None) -> Ty:
        facts.called = True
        kind = _method_kind(facts)
        if kind == "staticmethod":
            self_ty = None
        elif kind == "classmethod":
            self_ty = L.dyn("the class of a classmethod")
        if any(isinstance(a, ast.Starred) for a in node.args) or None in kwargs:
            self.function_escapes(facts, "called with *args or **kwargs")
            return facts.ret.type
        params = facts.params
        if self_ty is not None:
            params[0][1].add(self_ty, self.line)
            params = params[1:]
        fn_args = facts.node.args
        positional = [a.arg for a in fn_args.posonlyargs + fn_args.args]
        if self_ty is not None:
            positional = positional[1:]
        place_of = dict(params)
        for i, ty in enumerate(args):
            if i < len(positional):
                place_of[positional[i]].add(ty, self.line)
            elif fn_args.vararg:
                pass  # collected into the *args tuple, already dynamic
        for key, ty in kwargs.items():
            if key in place_of:
                place_of[key].add(ty, self.line)
        return facts.ret.type

    def construct(self, cls: str, node: ast.Call, args: list[Ty], kwargs: dict) -> Ty:
        init = self.model.method(cls, "__init__")
        instance = L.instance(cls)
        if init is not None:
            self.call_function(init, node, args, kwargs, self_ty=instance)
        else:
            for ty in args + list(kwargs.values()):
                self.escape(ty, f"passed to {cls}()")
        return instance

    def _super_call(self, name: str, node: ast.Call, args: list[Ty], kwargs: dict) -> Ty:
        cls = self.function.cls if self.function is not None else None
        method = self.model.method(cls.base, name) if cls is not None and cls.base else None
        if method is None:
            return self.unknown_call(f"super().{name}()", args, kwargs)
        return self.call_function(method, node, args, kwargs, self_ty=self.function.params[0][1].type)

    def method_call(self, recv: Ty, name: str, node: ast.Call, args: list[Ty], kwargs: dict) -> Ty:
        recv = _drop_none(recv, name)
        if not recv.atoms:
            return EMPTY
        out = EMPTY
        for atom, payload in recv.atoms.items():
            single = Ty({atom: payload})
            if atom.startswith("class:"):  # the exact class of the instance: its method is called
                method = self.model.method(atom[6:], name)
                if method is not None:
                    out = L.join(out, self.call_function(method, node, args, kwargs, self_ty=single))
                else:
                    out = L.join(out, self.unknown_call(f".{name}() of {atom[6:]}", args, kwargs))
                continue
            result = _builtin_method(self, atom, payload, name, args, kwargs)
            if result is None:
                for facts in self._methods_named(name):
                    self.function_escapes(facts, f"called on a value of unknown type ({L.show(recv)})")
                result = self.unknown_call(f".{name}() of {L.show(single)}", args, kwargs)
            out = L.join(out, result)
        return out

    def _module_call(self, qualified: str, args: list[Ty], kwargs: dict, node: ast.Call) -> Ty:
        result = bi.module_function(qualified)
        if result is not None:
            return result
        subject = 2 if qualified == "re.sub" else 0 if qualified == "re.escape" else 1
        text = args[subject] if subject < len(args) else kwargs.get("string" if subject else "pattern")
        regex = bi.regex_result(qualified, node.args[0] if node.args else None, text)
        if regex is not None:
            return STR if regex == "str" else L.container("list", self._const_place(qualified, STR))
        if qualified in ("math.fsum",):
            return FLOAT
        if qualified == "heapq.heappush" and len(args) == 2 and args[0].single() == "list":
            args[0].elem("list").add(args[1], self.line)
            return NONE
        if qualified in ("heapq.heappushpop", "heapq.heapreplace") and len(args) == 2 and args[0].single() == "list":
            args[0].elem("list").add(args[1], self.line)
            return args[0].elem("list").type
        if qualified == "heapq.heapify" and len(args) == 1 and args[0].single() == "list":
            return NONE
        if qualified in ("heapq.heappop",) and len(args) == 1 and args[0].single() == "list":
            return args[0].elem("list").type
        return self.unknown_call(f"{qualified}()", args, kwargs)

    def builtin_call(self, name: str, node: ast.Call, args: list[Ty], kwargs: dict) -> Ty:
        if name not in bi.READ_ONLY_BUILTINS:
            return self.unknown_call(f"{name}()", args, kwargs)
        for key, ty in kwargs.items():
            if key == "key" and ty.has("func"):
                pass  # the function escaped when its name was read
        fixed = bi.FIXED_RESULTS.get(name)
        if fixed is not None:
            return fixed
        n = len(args)
        if name == "abs" and n == 1:
            return self._numeric(args[0], keep_float=True, what="abs()")
        if name == "round":
            if n == 1:
                return self._numeric(args[0], keep_float=False, what="round()")
            return self._numeric(args[0], keep_float=True, what="round()") if n == 2 else L.dyn("round()")
        if name in ("min", "max"):
            if "default" in kwargs:
                return L.dyn(f"{name}() with a default")
            values = [self.iter_elem(args[0])] if n == 1 else args
            out = EMPTY
            for v in values:
                out = L.join(out, v)
            return out
        if name == "sum":
            start = args[1] if n == 2 else kwargs.get("start", INT)
            if n == 0:
                return L.dyn("sum()")
            return self.binop(ast.Add(), start, self.iter_elem(args[0]), node) \
                if args[0].atoms else EMPTY
        if name == "range":
            return L.container("iter", self._const_place("range", INT))
        if name == "enumerate" and n >= 1:
            return L.container("iter", self._const_place("enumerate", L.tuple_of([INT, self.iter_elem(args[0])])))
        if name == "zip" and any(isinstance(a, ast.Starred) for a in node.args):
            # zip(*rows): tuples of as many items as there are rows, typed as iterables
            items = EMPTY
            for a, ty in zip(node.args, args):
                items = L.join(items, self.iter_elem(self.iter_elem(ty)) if isinstance(a, ast.Starred) else self.iter_elem(ty))
            return L.container("iter", self._const_place("zip", L.container("iter", self._const_place("zip items", items))))
        if name == "zip" and n >= 1 and not kwargs:
            return L.container("iter", self._const_place("zip", L.tuple_of([self.iter_elem(a) for a in args])))
        if name in ("list", "sorted", "set", "reversed", "iter", "frozenset"):
            kind = {"list": "list", "sorted": "list", "set": "set", "frozenset": "set"}.get(name, "iter")
            place = self.new_place(name)
            if n:
                place.add(self.iter_elem(args[0]), self.line)
            return L.container(kind, place)
        if name == "dict" and n == 0 and not kwargs:
            return L.dict_of(self.new_place("dict keys"), self.new_place("dict values"))
        if name == "filter" and n == 2:
            return L.container("iter", self._const_place("filter", self.iter_elem(args[1])))
        if name == "next" and n in (1, 2):
            return L.join(self.iter_elem(args[0]), args[1]) if n == 2 else self.iter_elem(args[0])
        if name == "divmod" and n == 2:
            q = self.binop(ast.FloorDiv(), args[0], args[1], node.args[1])
            return L.tuple_of([q, q]) if q.atoms else EMPTY
        if name == "pow" and n == 2:
            return self.binop(ast.Pow(), args[0], args[1], node.args[1])
        return L.dyn(f"result of {name}()")

    def _const_place(self, label: str, ty: Ty) -> Place:
        place = self.new_place(label)
        place.add(ty, self.line)
        return place

    def _numeric(self, ty: Ty, keep_float: bool, what: str) -> Ty:
        if not ty.atoms:
            return EMPTY
        if not ty.only(*_NUMERIC):
            return L.dyn(f"{what} of {L.show(ty)}")
        return FLOAT if keep_float and ty.has("float") and len(ty.atoms) == 1 else \
            INT if not ty.has("float") or not keep_float else L.join(INT, FLOAT)


_STMT = {getattr(ast, n[2:]): f for n, f in vars(Walker).items() if n.startswith("s_") and hasattr(ast, n[2:])}
_EXPR = {getattr(ast, n[2:]): f for n, f in vars(Walker).items() if n.startswith("e_") and hasattr(ast, n[2:])}


def _builtin_method(w: Walker, atom: str, payload, name: str, args: list[Ty], kwargs: dict) -> Ty | None:
    """The result of a method of a builtin type, widening the receiver where the method
    stores into it; None for methods not modelled."""
    line = w.line
    n = len(args)
    if atom == "str":
        if name in bi.STR_METHODS:
            return bi.STR_METHODS[name]
        if name in bi.STR_LIST_METHODS:
            return L.container("list", w._const_place("split", STR))
        if name == "partition" or name == "rpartition":
            return L.tuple_of([STR, STR, STR])
        if name == "encode":
            return L.dyn("bytes")
        return None
    if atom == "list":
        elem: Place = payload
        if name == "append" and n == 1:
            elem.add(args[0], line)
            return NONE
        if name == "extend" and n == 1:
            elem.add(w.iter_elem(args[0]), line)
            return NONE
        if name == "insert" and n == 2:
            elem.add(args[1], line)
            return NONE
        if name == "pop":
            return elem.type
        if name in ("index", "count"):
            return INT
        if name in ("sort", "reverse", "clear", "remove"):
            return NONE
        if name == "copy":
            return Ty({atom: payload})
        return None
    if atom == "dict":
        keys, values = payload
        if name == "get":
            return L.join(values.type, args[1] if n == 2 else NONE)
        if name == "keys":
            return L.container("iter", keys)
        if name == "values":
            return L.container("iter", values)
        if name == "items":
            return L.container("iter", w._const_place("items", L.tuple_of([keys.type, values.type])))
        if name == "setdefault" and n == 2:
            keys.add(args[0], line)
            values.add(args[1], line)
            return values.type
        if name == "pop":
            return L.join(values.type, args[1]) if n == 2 else values.type
        if name == "update" and n == 1 and args[0].single() == "dict":
            other = args[0].elem("dict")
            L.unify(keys, other[0])
            L.unify(values, other[1])
            return NONE
        if name == "copy":
            return Ty({atom: payload})
        if name == "clear":
            return NONE
        return None
    if atom == "set":
        elem = payload
        if name == "add" and n == 1:
            elem.add(args[0], line)
            return NONE
        if name in ("remove", "discard", "clear"):
            return NONE
        if name in ("union", "intersection", "difference", "symmetric_difference", "copy"):
            for a in args:
                if a.single() == "set":
                    L.unify(elem, a.elem("set"))
                else:
                    elem.add(w.iter_elem(a), line)
            return Ty({atom: payload})
        if name in ("issubset", "issuperset", "isdisjoint"):
            return BOOL
        if name == "pop":
            return elem.type
        return None
    if atom in ("int", "float", "bool"):
        if name == "is_integer":
            return BOOL
        if name == "bit_length":
            return INT
    return None


def _numeric_result(op: ast.operator, a: str, b: str, right_node: ast.expr) -> Ty:
    if a == "float" or b == "float":
        if isinstance(op, _FLOAT_OPS):
            return FLOAT
        if isinstance(op, ast.Pow):
            return FLOAT if b != "float" else L.dyn("float ** float can be complex")
        return L.dyn(f"operator {_OP_NAMES.get(type(op), '?')} on a float")
    if isinstance(op, ast.Div):
        return FLOAT
    if isinstance(op, _BIT_OPS):
        return BOOL if a == b == "bool" else INT
    if isinstance(op, _INT_RESULT_OPS):
        return INT
    if isinstance(op, ast.Pow):
        if isinstance(right_node, ast.Constant) and isinstance(right_node.value, int) and right_node.value >= 0:
            return INT
        return L.join(INT, FLOAT)
    return L.dyn(f"operator {_OP_NAMES.get(type(op), '?')}")


_OP_NAMES = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
             ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&", ast.BitOr: "|",
             ast.BitXor: "^", ast.MatMult: "@"}


def _constant_index(node: ast.expr, n: int) -> int | None:
    v = node.value if isinstance(node, ast.Constant) else -node.operand.value \
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
        else None
    if isinstance(v, int) and not isinstance(v, bool) and -n <= v < n:
        return v % n
    return None


_NOT_ITERABLE = ("None", "int", "float", "bool")


def _iterable_part(ty: Ty) -> Ty:
    """The atoms of `ty` that can be iterated: iterating None or a number raises
    TypeError, so such an atom adds no items (`r, c = best` after `best = None`
    where `best` is a tuple when the loop reaches it).  The lowering still iterates
    the value checked at run time."""
    if not any(a in _NOT_ITERABLE for a in ty.atoms):
        return ty
    return Ty({a: p for a, p in ty.atoms.items() if a not in _NOT_ITERABLE})


def _drop_none(ty: Ty, attr: str) -> Ty:
    """An object's type for reading `attr`: None has no such attribute (the read raises
    AttributeError), so it adds nothing; None's own dunders keep it."""
    if not ty.has("None") or attr.startswith("__"):
        return ty
    return Ty({a: p for a, p in ty.atoms.items() if a != "None"})


def _as_load(target: ast.expr) -> ast.expr:
    if isinstance(target, ast.Name):
        return ast.Name(target.id, ast.Load())
    if isinstance(target, ast.Subscript):
        return ast.Subscript(target.value, target.slice, ast.Load())
    if isinstance(target, ast.Attribute):
        return ast.Attribute(target.value, target.attr, ast.Load())
    return target


def _is_super_call(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def _is_property(facts: FunctionFacts) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "property" for d in facts.node.decorator_list)


def _method_kind(facts: FunctionFacts) -> str:
    """"function", "method", "staticmethod" or "classmethod"."""
    if facts.cls is None:
        return "function"
    for d in facts.node.decorator_list:
        if isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod"):
            return d.id
    return "method"


def _is_instance_method(facts: FunctionFacts) -> bool:
    return _method_kind(facts) == "method" and bool(facts.params)
