"""`match` statements rewritten as `if`/`elif` chains before analysis.

The subject is evaluated once into a temporary; each case becomes one condition that
tests the pattern and binds its names with `:=` as it goes (so a guard sees them), in
the order CPython does.  Class patterns with positional sub-patterns need the class's
`__match_args__` known statically (a dataclass, a NamedTuple, or an explicit tuple);
a `match` with a pattern this pass cannot rewrite is left alone and reported by the
parser as unsupported.
"""
from __future__ import annotations

import ast

# Built-in classes whose single positional sub-pattern matches the subject itself.
_SELF_MATCHING = {"bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"}


class _Unsupported(Exception):
    pass


def rewrite_matches(tree: ast.Module) -> None:
    """Replace every rewritable `match` statement in `tree`, in place."""
    classes = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    counter = [0]
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            stmts = getattr(node, field, None)
            if not isinstance(stmts, list) or not any(isinstance(s, ast.Match) for s in stmts):
                continue
            out = []
            for stmt in stmts:
                if isinstance(stmt, ast.Match):
                    try:
                        out.extend(_rewrite(stmt, classes, counter))
                        continue
                    except _Unsupported:
                        pass
                out.append(stmt)
            setattr(node, field, out)  # ast.walk then enters the rewritten statements


def _rewrite(match: ast.Match, classes: dict, counter: list) -> list[ast.stmt]:
    counter[0] += 1
    subject = f"_match_subject_{counter[0]}"
    assign = ast.Assign([ast.Name(subject, ast.Store())], match.subject)
    chain: list[ast.stmt] = []
    for case in reversed(match.cases):
        test = _pattern(case.pattern, ast.Name(subject, ast.Load()), classes)
        if case.guard is not None:
            test = _and([test, case.guard])
        chain = [ast.If(test, case.body, chain)]
    out = [assign] + chain
    for stmt in out:
        ast.copy_location(stmt, match)
        for n in ast.walk(stmt):
            if not hasattr(n, "lineno"):
                ast.copy_location(n, match)
    ast.fix_missing_locations(ast.Module(body=out, type_ignores=[]))
    return out


def _and(tests: list[ast.expr]) -> ast.expr:
    tests = [t for t in tests if not (isinstance(t, ast.Constant) and t.value is True)]
    if not tests:
        return ast.Constant(True)
    return tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)


def _bind(name: str, value: ast.expr) -> ast.expr:
    """`((name := value) or True)`: binds and never fails the match."""
    return ast.BoolOp(ast.Or(), [ast.NamedExpr(ast.Name(name, ast.Store()), value), ast.Constant(True)])


def _call(func: str, *args: ast.expr) -> ast.expr:
    return ast.Call(ast.Name(func, ast.Load()), list(args), [])


def _pattern(p: ast.pattern, subj: ast.expr, classes: dict) -> ast.expr:
    if isinstance(p, ast.MatchValue):
        return ast.Compare(subj, [ast.Eq()], [p.value])
    if isinstance(p, ast.MatchSingleton):
        return ast.Compare(subj, [ast.Is()], [ast.Constant(p.value)])
    if isinstance(p, ast.MatchAs):
        test = ast.Constant(True) if p.pattern is None else _pattern(p.pattern, subj, classes)
        return _and([test, _bind(p.name, subj)]) if p.name else test
    if isinstance(p, ast.MatchOr):
        return ast.BoolOp(ast.Or(), [_pattern(alt, subj, classes) for alt in p.patterns])
    if isinstance(p, ast.MatchSequence):
        return _sequence(p, subj, classes)
    if isinstance(p, ast.MatchMapping):
        return _mapping(p, subj, classes)
    if isinstance(p, ast.MatchClass):
        return _class(p, subj, classes)
    raise _Unsupported(type(p).__name__)


def _sequence(p: ast.MatchSequence, subj: ast.expr, classes: dict) -> ast.expr:
    is_seq = ast.BoolOp(ast.Or(), [_call("isinstance", subj, ast.Name("list", ast.Load())),
                                   _call("isinstance", subj, ast.Name("tuple", ast.Load()))])
    stars = [i for i, q in enumerate(p.patterns) if isinstance(q, ast.MatchStar)]
    n = len(p.patterns)
    length = _call("len", subj)
    if stars:
        size = ast.Compare(length, [ast.GtE()], [ast.Constant(n - 1)])
    else:
        size = ast.Compare(length, [ast.Eq()], [ast.Constant(n)])
    tests = [is_seq, size]
    star = stars[0] if stars else n
    for i, q in enumerate(p.patterns):
        if isinstance(q, ast.MatchStar):
            if q.name:
                stop = ast.BinOp(_call("len", subj), ast.Sub(), ast.Constant(n - 1 - i))
                rest = _call("list", ast.Subscript(subj, ast.Slice(ast.Constant(i), stop), ast.Load()))
                tests.append(_bind(q.name, rest))
            continue
        index = ast.Constant(i) if i < star else ast.UnaryOp(ast.USub(), ast.Constant(n - i))
        tests.append(_pattern(q, ast.Subscript(subj, index, ast.Load()), classes))
    return _and(tests)


def _mapping(p: ast.MatchMapping, subj: ast.expr, classes: dict) -> ast.expr:
    tests = [_call("isinstance", subj, ast.Name("dict", ast.Load()))]
    for key, q in zip(p.keys, p.patterns):
        tests.append(ast.Compare(key, [ast.In()], [subj]))
        tests.append(_pattern(q, ast.Subscript(subj, key, ast.Load()), classes))
    if p.rest:
        k, v = ast.Name("_match_k", ast.Store()), ast.Name("_match_v", ast.Store())
        keep = ast.Compare(ast.Name("_match_k", ast.Load()), [ast.NotIn()], [ast.Tuple(list(p.keys), ast.Load())])
        items = ast.Call(ast.Attribute(subj, "items", ast.Load()), [], [])
        rest = ast.DictComp(ast.Name("_match_k", ast.Load()), ast.Name("_match_v", ast.Load()),
                            [ast.comprehension(ast.Tuple([k, v], ast.Store()), items, [keep], 0)])
        tests.append(_bind(p.rest, rest))
    return _and(tests)


def _class(p: ast.MatchClass, subj: ast.expr, classes: dict) -> ast.expr:
    tests = [_call("isinstance", subj, p.cls)]
    name = p.cls.id if isinstance(p.cls, ast.Name) else None
    if p.patterns:
        if name in _SELF_MATCHING and name not in classes:
            if len(p.patterns) > 1:
                raise _Unsupported("too many positional sub-patterns")
            tests.append(_pattern(p.patterns[0], subj, classes))
        else:
            args = _match_args(classes.get(name))
            if args is None or len(p.patterns) > len(args):
                raise _Unsupported("__match_args__ unknown")
            for attr, q in zip(args, p.patterns):
                tests.append(_pattern(q, ast.Attribute(subj, attr, ast.Load()), classes))
    for attr, q in zip(p.kwd_attrs, p.kwd_patterns):
        tests.append(_call("hasattr", subj, ast.Constant(attr)))
        tests.append(_pattern(q, ast.Attribute(subj, attr, ast.Load()), classes))
    return _and(tests)


def _match_args(cls: ast.ClassDef | None) -> list[str] | None:
    """A class's `__match_args__`: explicit, or a dataclass's / NamedTuple's fields."""
    if cls is None:
        return None
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__match_args__"
                                                for t in stmt.targets):
            if isinstance(stmt.value, ast.Tuple) and all(isinstance(e, ast.Constant) for e in stmt.value.elts):
                return [e.value for e in stmt.value.elts]
            return None
    decorated = any("dataclass" in ast.unparse(d) for d in cls.decorator_list)
    named_tuple = any("NamedTuple" in ast.unparse(b) for b in cls.bases)
    if decorated or named_tuple:
        return [s.target.id for s in cls.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                and "ClassVar" not in ast.unparse(s.annotation)]
    return None
