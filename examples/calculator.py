"""A recursive-descent calculator with variables, functions, implicit
precedence, right-associative power, unary minus and good error messages.

Grammar:
    statement := NAME '=' expr | expr
    expr      := term (('+' | '-') term)*
    term      := unary (('*' | '/' | '//' | '%') unary)*
    unary     := '-' unary | power
    power     := call ('^' unary)?
    call      := NAME '(' args ')' | atom
    atom      := NUMBER | NAME | '(' expr ')'
"""
import math
import re
from functools import reduce

TOKEN_SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?(?:[eE][-+]?\d+)?"),
    ("NAME", r"[A-Za-z_][A-Za-z0-9_]*"),
    ("OP", r"//|[-+*/%^(),=]"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in TOKEN_SPEC))


class CalcError(Exception):
    pass


def tokenize(text):
    for m in MASTER.finditer(text):
        kind = m.lastgroup
        value = m.group()
        if kind == "SKIP":
            continue
        if kind == "MISMATCH":
            raise CalcError(f"unexpected {value!r} at position {m.start()}")
        if kind == "NUMBER":
            value = float(value) if any(c in value for c in ".eE") else int(value)
        yield kind, value, m.start()
    yield "END", None, len(text)


def _sum(*xs):
    return sum(xs)


def _mean(*xs):
    if not xs:
        raise CalcError("mean() of nothing")
    return sum(xs) / len(xs)


FUNCTIONS = {
    "sqrt": math.sqrt,
    "sin": math.sin,
    "cos": math.cos,
    "log": math.log,
    "abs": abs,
    "max": max,
    "min": min,
    "sum": _sum,
    "mean": _mean,
    "gcd": math.gcd,
    "fact": math.factorial,
    "hyp": math.hypot,
    "prod": lambda *xs: reduce(lambda a, b: a * b, xs, 1),
}


class Calculator:
    def __init__(self):
        self.vars = {"pi": math.pi, "e": math.e}
        self.tokens = []
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def next(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def accept(self, value):
        if self.peek()[1] == value and self.peek()[0] == "OP":
            self.pos += 1
            return True
        return False

    def expect(self, value):
        if not self.accept(value):
            kind, got, where = self.peek()
            raise CalcError(f"expected {value!r} at position {where}, found {got if got is not None else 'end'!r}")

    def evaluate(self, line):
        self.tokens = list(tokenize(line))
        self.pos = 0
        if self.peek()[0] == "NAME" and self.tokens[1][1] == "=":
            name = self.next()[1]
            self.next()
            if name in FUNCTIONS:
                raise CalcError(f"cannot assign to function {name}")
            value = self.expr()
            self.vars[name] = value
        else:
            value = self.expr()
        if self.peek()[0] != "END":
            raise CalcError(f"unexpected {self.peek()[1]!r} at position {self.peek()[2]}")
        self.vars["_"] = value
        return value

    def expr(self):
        value = self.term()
        while True:
            if self.accept("+"):
                value = value + self.term()
            elif self.accept("-"):
                value = value - self.term()
            else:
                return value

    def term(self):
        value = self.unary()
        while True:
            if self.accept("*"):
                value *= self.unary()
            elif self.accept("/"):
                divisor = self.unary()
                if divisor == 0:
                    raise CalcError("division by zero")
                value /= divisor
            elif self.accept("//"):
                value //= self.unary()
            elif self.accept("%"):
                value %= self.unary()
            else:
                return value

    def unary(self):
        if self.accept("-"):
            return -self.unary()
        if self.accept("+"):
            return +self.unary()
        return self.power()

    def power(self):
        base = self.call()
        if self.accept("^"):
            exponent = self.unary()
            return base ** exponent
        return base

    def call(self):
        kind, value, where = self.peek()
        if kind == "NAME" and self.tokens[self.pos + 1][1] == "(":
            self.pos += 2
            args = []
            if not self.accept(")"):
                args.append(self.expr())
                while self.accept(","):
                    args.append(self.expr())
                self.expect(")")
            try:
                fn = FUNCTIONS[value]
            except KeyError:
                raise CalcError(f"unknown function {value}") from None
            try:
                return fn(*args)
            except (ValueError, TypeError) as e:
                raise CalcError(f"{value}: {e}") from e
        return self.atom()

    def atom(self):
        kind, value, where = self.next()
        if kind == "NUMBER":
            return value
        if kind == "NAME":
            if value not in self.vars:
                raise CalcError(f"undefined variable {value!r}")
            return self.vars[value]
        if kind == "OP" and value == "(":
            result = self.expr()
            self.expect(")")
            return result
        if kind == "END":
            raise CalcError("unexpected end of input")
        raise CalcError(f"unexpected {value!r} at position {where}")


def fmt(value):
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{value:.1f}"
        return f"{value:.10g}"
    return str(value)


SESSION = """\
1 + 2 * 3
(1 + 2) * 3
2 ^ 3 ^ 2
-2 ^ 2
(-2) ^ 2
7 // 2 + 7 % 3
10 / 4
x = 5
y = x * 2 + 1
x * y - _
sqrt(16) + hyp(3, 4)
max(3, x, y, 7) - min(4, 2, 8)
mean(1, 2, 3, 4)
sum()
prod(1, 2, 3, 4, 5)
gcd(84, 36)
fact(12)
2 ^ 62
sin(pi / 6) * 2
log(e ^ 3)
1e3 + 2.5
area = pi * 2 ^ 2
area
1 / 0
sqrt(-1)
fact(2.5)
foo(1)
2 +
(1 + 2
3 $ 4
z + 1
sqrt = 4
1 2
mean()
""".splitlines()


def main():
    calc = Calculator()
    ok = errors = 0
    for line in SESSION:
        try:
            result = calc.evaluate(line)
        except CalcError as e:
            errors += 1
            cause = e.__cause__
            note = f" (from {type(cause).__name__})" if cause is not None else ""
            print(f"{line:<24} !! {e}{note}")
        else:
            ok += 1
            print(f"{line:<24} => {fmt(result)}")
    print(f"{ok} ok, {errors} errors")
    names = sorted(k for k in calc.vars if k not in ("pi", "e", "_"))
    print("variables:", ", ".join(f"{k}={fmt(calc.vars[k])}" for k in names))


if __name__ == "__main__":
    main()
