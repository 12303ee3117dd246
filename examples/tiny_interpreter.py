"""A tiny interpreter for a small imperative language.

The language has integer and string values, variables, arithmetic, comparisons,
if/else, while loops, functions with recursion, and print.  Programs are
tokenised with a regular expression, parsed into tuples, and evaluated by a
tree-walking interpreter that uses exceptions for `return`.
"""
import re
import sys

TOKEN_RE = re.compile(r"\s*(?:(\d+)|(\"[^\"]*\")|([A-Za-z_]\w*)|(==|!=|<=|>=|&&|\|\||[-+*/%(){}<>=;,!]))")

KEYWORDS = {"let", "if", "else", "while", "fn", "return", "print", "true", "false"}


class LangError(Exception):
    pass


class ReturnSignal(Exception):
    def __init__(self, value):
        super().__init__()
        self.value = value


def tokenize(src):
    pos = 0
    tokens = []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m or m.end() == pos:
            raise LangError(f"bad character at {pos}: {src[pos]!r}")
        num, string, name, op = m.groups()
        if num is not None:
            tokens.append(("num", int(num)))
        elif string is not None:
            tokens.append(("str", string[1:-1]))
        elif name is not None:
            tokens.append(("kw" if name in KEYWORDS else "name", name))
        else:
            tokens.append(("op", op))
        pos = m.end()
    tokens.append(("eof", None))
    return tokens


class Parser:
    PRECEDENCE = [
        ["||"],
        ["&&"],
        ["==", "!="],
        ["<", ">", "<=", ">="],
        ["+", "-"],
        ["*", "/", "%"],
    ]

    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def peek(self):
        return self.tokens[self.i]

    def advance(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, kind, value=None):
        tok = self.advance()
        if tok[0] != kind or (value is not None and tok[1] != value):
            raise LangError(f"expected {value or kind}, got {tok[1]!r}")
        return tok

    def at(self, kind, value=None):
        tok = self.peek()
        return tok[0] == kind and (value is None or tok[1] == value)

    def program(self):
        stmts = []
        while not self.at("eof"):
            stmts.append(self.statement())
        return stmts

    def block(self):
        self.expect("op", "{")
        stmts = []
        while not self.at("op", "}"):
            stmts.append(self.statement())
        self.expect("op", "}")
        return stmts

    def statement(self):
        if self.at("kw", "let"):
            self.advance()
            name = self.expect("name")[1]
            self.expect("op", "=")
            value = self.expression()
            self.expect("op", ";")
            return ("let", name, value)
        if self.at("kw", "print"):
            self.advance()
            args = [self.expression()]
            while self.at("op", ","):
                self.advance()
                args.append(self.expression())
            self.expect("op", ";")
            return ("print", args)
        if self.at("kw", "if"):
            self.advance()
            cond = self.expression()
            then = self.block()
            other = []
            if self.at("kw", "else"):
                self.advance()
                other = [self.statement()] if self.at("kw", "if") else self.block()
            return ("if", cond, then, other)
        if self.at("kw", "while"):
            self.advance()
            cond = self.expression()
            return ("while", cond, self.block())
        if self.at("kw", "fn"):
            self.advance()
            name = self.expect("name")[1]
            self.expect("op", "(")
            params = []
            while not self.at("op", ")"):
                params.append(self.expect("name")[1])
                if self.at("op", ","):
                    self.advance()
            self.expect("op", ")")
            return ("fn", name, params, self.block())
        if self.at("kw", "return"):
            self.advance()
            value = self.expression()
            self.expect("op", ";")
            return ("return", value)
        if self.at("name") and self.tokens[self.i + 1] == ("op", "="):
            name = self.advance()[1]
            self.advance()
            value = self.expression()
            self.expect("op", ";")
            return ("assign", name, value)
        expr = self.expression()
        self.expect("op", ";")
        return ("expr", expr)

    def expression(self, level=0):
        if level == len(self.PRECEDENCE):
            return self.unary()
        left = self.expression(level + 1)
        while self.peek()[0] == "op" and self.peek()[1] in self.PRECEDENCE[level]:
            op = self.advance()[1]
            right = self.expression(level + 1)
            left = ("bin", op, left, right)
        return left

    def unary(self):
        if self.at("op", "-"):
            self.advance()
            return ("neg", self.unary())
        if self.at("op", "!"):
            self.advance()
            return ("not", self.unary())
        return self.call()

    def call(self):
        node = self.primary()
        while self.at("op", "("):
            self.advance()
            args = []
            while not self.at("op", ")"):
                args.append(self.expression())
                if self.at("op", ","):
                    self.advance()
            self.expect("op", ")")
            node = ("call", node, args)
        return node

    def primary(self):
        kind, value = self.advance()
        if kind == "num":
            return ("const", value)
        if kind == "str":
            return ("const", value)
        if kind == "kw" and value in ("true", "false"):
            return ("const", value == "true")
        if kind == "name":
            return ("var", value)
        if (kind, value) == ("op", "("):
            expr = self.expression()
            self.expect("op", ")")
            return expr
        raise LangError(f"unexpected token {value!r}")


class Function:
    def __init__(self, name, params, body, closure):
        self.name = name
        self.params = params
        self.body = body
        self.closure = closure

    def __repr__(self):
        return f"<fn {self.name}/{len(self.params)}>"


class Env:
    def __init__(self, parent=None):
        self.vars = {}
        self.parent = parent

    def lookup(self, name):
        env = self
        while env is not None:
            if name in env.vars:
                return env.vars[name]
            env = env.parent
        raise LangError(f"undefined variable {name}")

    def assign(self, name, value):
        env = self
        while env is not None:
            if name in env.vars:
                env.vars[name] = value
                return
            env = env.parent
        raise LangError(f"assignment to undeclared {name}")


BINOPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}


class Interpreter:
    def __init__(self, out):
        self.globals = Env()
        self.out = out
        self.steps = 0

    def run(self, stmts):
        self.exec_block(stmts, self.globals)

    def exec_block(self, stmts, env):
        for stmt in stmts:
            self.execute(stmt, env)

    def execute(self, stmt, env):
        self.steps += 1
        kind = stmt[0]
        if kind == "let":
            env.vars[stmt[1]] = self.eval(stmt[2], env)
        elif kind == "assign":
            env.assign(stmt[1], self.eval(stmt[2], env))
        elif kind == "print":
            values = [self.show(self.eval(a, env)) for a in stmt[1]]
            self.out.append(" ".join(values))
        elif kind == "if":
            branch = stmt[2] if self.truthy(self.eval(stmt[1], env)) else stmt[3]
            self.exec_block(branch, Env(env))
        elif kind == "while":
            while self.truthy(self.eval(stmt[1], env)):
                self.exec_block(stmt[2], Env(env))
        elif kind == "fn":
            env.vars[stmt[1]] = Function(stmt[1], stmt[2], stmt[3], env)
        elif kind == "return":
            raise ReturnSignal(self.eval(stmt[1], env))
        elif kind == "expr":
            self.eval(stmt[1], env)
        else:
            raise LangError(f"unknown statement {kind}")

    def truthy(self, value):
        return value not in (0, "", False)

    def show(self, value):
        if value is True:
            return "true"
        if value is False:
            return "false"
        return str(value)

    def eval(self, node, env):
        kind = node[0]
        if kind == "const":
            return node[1]
        if kind == "var":
            return env.lookup(node[1])
        if kind == "neg":
            return -self.eval(node[1], env)
        if kind == "not":
            return not self.truthy(self.eval(node[1], env))
        if kind == "bin":
            op = node[1]
            if op == "&&":
                left = self.eval(node[2], env)
                return self.eval(node[3], env) if self.truthy(left) else left
            if op == "||":
                left = self.eval(node[2], env)
                return left if self.truthy(left) else self.eval(node[3], env)
            a = self.eval(node[2], env)
            b = self.eval(node[3], env)
            if op == "+" and (isinstance(a, str) or isinstance(b, str)):
                return self.show(a) + self.show(b)
            try:
                return BINOPS[op](a, b)
            except ZeroDivisionError:
                raise LangError("division by zero")
            except TypeError as e:
                raise LangError(f"type error in {op}: {e}")
        if kind == "call":
            fn = self.eval(node[1], env)
            args = [self.eval(a, env) for a in node[2]]
            if not isinstance(fn, Function):
                raise LangError(f"{self.show(fn)} is not callable")
            if len(args) != len(fn.params):
                raise LangError(f"{fn.name} expects {len(fn.params)} args, got {len(args)}")
            local = Env(fn.closure)
            local.vars.update(zip(fn.params, args))
            try:
                self.exec_block(fn.body, local)
            except ReturnSignal as r:
                return r.value
            return 0
        raise LangError(f"cannot evaluate {kind}")


PROGRAMS = {
    "factorial": """
        fn fact(n) { if n <= 1 { return 1; } return n * fact(n - 1); }
        let i = 1;
        while i <= 25 { print "fact", i, "=", fact(i); i = i + 5; }
    """,
    "fizzbuzz": """
        let i = 1;
        while i <= 15 {
            if i % 15 == 0 { print "FizzBuzz"; }
            else if i % 3 == 0 { print "Fizz"; }
            else if i % 5 == 0 { print "Buzz"; }
            else { print i; }
            i = i + 1;
        }
    """,
    "closures": """
        fn make_adder(k) { fn add(x) { return x + k; } return add; }
        let add5 = make_adder(5);
        print "add5(10) =", add5(10), "and fn is", add5;
        print "strings: " + 42 + " " + (1 < 2) + " " + !true;
    """,
    "fib": """
        fn fib(n) { let a = 0; let b = 1; while n > 0 { let t = a + b; a = b; b = t; n = n - 1; } return a; }
        print "fib(90) =", fib(90);
        print "fib(120) =", fib(120);
    """,
    "errors1": "let x = 10; print x / (x - 10);",
    "errors2": "print y + 1;",
    "errors3": "let f = 3; f(1);",
    "errors4": "let s = \"a\" ; print s * \"b\";",
    "errors5": "let a = 1 $ 2;",
}


def main():
    for name, src in PROGRAMS.items():
        out = []
        interp = Interpreter(out)
        try:
            interp.run(Parser(tokenize(src)).program())
            status = "ok"
        except LangError as e:
            status = f"error: {e}"
        print(f"== {name} ({interp.steps} steps) {status}")
        for line in out:
            print("  " + line)
    if len(sys.argv) > 1:
        raise SystemExit(2)


if __name__ == "__main__":
    main()
