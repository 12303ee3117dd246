"""A hand-written tokenizer for a C-like language, driven by a generator.

It tracks line and column numbers, handles comments, string escapes,
numbers in several bases, and reports errors with positions.  At the end it
prints token frequency statistics.
"""
from collections import Counter, namedtuple
from itertools import groupby

Token = namedtuple("Token", ["kind", "text", "line", "col"])

KEYWORDS = frozenset(["int", "float", "if", "else", "while", "for", "return", "struct", "void", "char"])
OPERATORS = sorted(
    ["+", "-", "*", "/", "%", "=", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "!",
     "++", "--", "+=", "-=", "->", ".", "&", "|", "^", "<<", ">>"],
    key=len,
    reverse=True,
)
PUNCT = set("(){}[];,")
ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "0": "\0"}


class TokenizeError(Exception):
    pass


class Scanner:
    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.line = 1
        self.col = 1

    def peek(self, offset=0):
        i = self.pos + offset
        return self.text[i] if i < len(self.text) else ""

    def advance(self, n=1):
        chunk = self.text[self.pos:self.pos + n]
        for ch in chunk:
            if ch == "\n":
                self.line += 1
                self.col = 1
            else:
                self.col += 1
        self.pos += n
        return chunk

    def error(self, message):
        raise TokenizeError(f"{self.line}:{self.col}: {message}")

    def tokens(self):
        while self.pos < len(self.text):
            ch = self.peek()
            if ch.isspace():
                self.advance()
                continue
            if ch == "/" and self.peek(1) == "/":
                while self.peek() not in ("\n", ""):
                    self.advance()
                continue
            if ch == "/" and self.peek(1) == "*":
                start = (self.line, self.col)
                self.advance(2)
                while not (self.peek() == "*" and self.peek(1) == "/"):
                    if self.peek() == "":
                        raise TokenizeError("%d:%d: unterminated comment" % start)
                    self.advance()
                self.advance(2)
                continue
            line, col = self.line, self.col
            if ch.isalpha() or ch == "_":
                yield self.identifier(line, col)
            elif ch.isdigit():
                yield self.number(line, col)
            elif ch == '"':
                yield self.string(line, col)
            elif ch == "'":
                yield self.char(line, col)
            elif ch in PUNCT:
                yield Token("punct", self.advance(), line, col)
            else:
                for op in OPERATORS:
                    if self.text.startswith(op, self.pos):
                        yield Token("op", self.advance(len(op)), line, col)
                        break
                else:
                    self.error(f"unexpected character {ch!r}")
        yield Token("eof", "", self.line, self.col)

    def identifier(self, line, col):
        start = self.pos
        while self.peek().isalnum() or self.peek() == "_":
            self.advance()
        word = self.text[start:self.pos]
        return Token("keyword" if word in KEYWORDS else "ident", word, line, col)

    def number(self, line, col):
        start = self.pos
        if self.peek() == "0" and self.peek(1) in "xXbBoO" and self.peek(1):
            self.advance(2)
            while self.peek().isalnum():
                self.advance()
            text = self.text[start:self.pos]
            try:
                value = int(text, 0)
            except ValueError:
                self.error(f"bad number {text!r}")
            return Token("int", str(value), line, col)
        while self.peek().isdigit():
            self.advance()
        kind = "int"
        if self.peek() == "." and self.peek(1).isdigit():
            kind = "float"
            self.advance()
            while self.peek().isdigit():
                self.advance()
        if self.peek() in ("e", "E"):
            kind = "float"
            self.advance()
            if self.peek() in "+-":
                self.advance()
            while self.peek().isdigit():
                self.advance()
        text = self.text[start:self.pos]
        if kind == "float":
            return Token(kind, repr(float(text)), line, col)
        return Token(kind, text, line, col)

    def string(self, line, col):
        self.advance()
        chars = []
        while True:
            ch = self.peek()
            if ch == "":
                self.error("unterminated string")
            if ch == "\n":
                self.error("newline in string")
            self.advance()
            if ch == '"':
                break
            if ch == "\\":
                esc = self.advance()
                if esc not in ESCAPES:
                    self.error(f"unknown escape \\{esc}")
                chars.append(ESCAPES[esc])
            else:
                chars.append(ch)
        return Token("string", "".join(chars), line, col)

    def char(self, line, col):
        self.advance()
        ch = self.advance()
        if ch == "\\":
            ch = ESCAPES.get(self.advance(), "?")
        if self.advance() != "'":
            self.error("bad char literal")
        return Token("char", str(ord(ch)), line, col)


SOURCE = r"""
/* A small program
   spanning lines */
struct point { int x; int y; };

int manhattan(struct point *a, struct point *b) {
    int dx = a->x - b->x;   // difference
    int dy = a->y - b->y;
    if (dx < 0) dx = -dx;
    if (dy < 0) dy = -dy;
    return dx + dy;
}

int main(void) {
    float scale = 2.5e3, tiny = .5;
    int mask = 0xFF & 0b1010 | 0o17;
    char nl = '\n';
    char *msg = "hello\t\"world\"\n";
    for (int i = 0; i < 10; i++) {
        mask <<= 1;
        scale -= 1.25;
    }
    return mask >= 3 && nl != 'x' || !tiny;
}
"""

BAD_INPUTS = [
    'int x = "abc',
    "int y = 0xZZ;",
    "a = b @ c;",
    "/* never closed",
    'char *s = "bad \\q escape";',
]


def summarize(tokens):
    kinds = Counter(t.kind for t in tokens)
    print("token kinds:")
    for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {kind:<8}{count:>4}")
    idents = Counter(t.text for t in tokens if t.kind == "ident")
    print("most common identifiers:", idents.most_common(4))
    ops = sorted({t.text for t in tokens if t.kind == "op"})
    print("distinct operators:", " ".join(ops))
    print("tokens per line:")
    for line, group in groupby(tokens, key=lambda t: t.line):
        group = list(group)
        if len(group) >= 10:
            print(f"  line {line:2d}: {len(group)} tokens, first {group[0].text!r}, last {group[-1].text!r}")


def main():
    tokens = list(Scanner(SOURCE).tokens())
    print(f"{len(tokens)} tokens")
    for tok in tokens[:12]:
        print(f"  {tok.line:>2}:{tok.col:<3} {tok.kind:<8} {tok.text!r}")
    print("  ...")
    print("last:", tokens[-2])
    strings = [t for t in tokens if t.kind in ("string", "char", "float", "int")]
    for t in strings:
        if t.kind != "int" or t.text not in ("0", "1"):
            print(f"  literal {t.kind}: {t.text!r}")
    summarize(tokens)
    for bad in BAD_INPUTS:
        try:
            count = sum(1 for _ in Scanner(bad).tokens())
            print(f"{bad!r}: {count} tokens")
        except TokenizeError as e:
            print(f"{bad!r}: error {e}")


main()
