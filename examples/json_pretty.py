"""A JSON-like parser and recursive pretty printer, written from scratch.

Parses a JSON document into Python values, pretty prints it with
indentation and sorted keys, compacts it, queries it with dotted paths,
and reports parse errors with line and column."""


class ParseError(Exception):
    pass


class JSONParser:
    WHITESPACE = " \t\r\n"

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, message):
        line = self.text.count("\n", 0, self.pos) + 1
        col = self.pos - (self.text.rfind("\n", 0, self.pos) + 1) + 1
        raise ParseError(f"{message} at line {line} column {col}")

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in self.WHITESPACE:
            self.pos += 1

    def parse(self):
        value = self.value()
        self.skip()
        if self.pos != len(self.text):
            self.error("extra data")
        return value

    def value(self):
        self.skip()
        if self.pos >= len(self.text):
            self.error("unexpected end of input")
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch == "-" or ch.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        self.error(f"unexpected character {ch!r}")

    def obj(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text[self.pos:self.pos + 1] == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            if self.text[self.pos:self.pos + 1] != '"':
                self.error("expected string key")
            key = self.string()
            self.skip()
            if self.text[self.pos:self.pos + 1] != ":":
                self.error("expected ':'")
            self.pos += 1
            result[key] = self.value()
            self.skip()
            ch = self.text[self.pos:self.pos + 1]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                self.pos -= 1
                self.error("expected ',' or '}'")

    def array(self):
        self.pos += 1
        items = []
        self.skip()
        if self.text[self.pos:self.pos + 1] == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            self.skip()
            ch = self.text[self.pos:self.pos + 1]
            self.pos += 1
            if ch == "]":
                return items
            if ch != ",":
                self.pos -= 1
                self.error("expected ',' or ']'")

    def string(self):
        self.pos += 1
        out = []
        escapes = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
        while True:
            if self.pos >= len(self.text):
                self.error("unterminated string")
            ch = self.text[self.pos]
            self.pos += 1
            if ch == '"':
                return "".join(out)
            if ch == "\\":
                esc = self.text[self.pos]
                self.pos += 1
                if esc == "u":
                    out.append(chr(int(self.text[self.pos:self.pos + 4], 16)))
                    self.pos += 4
                elif esc in escapes:
                    out.append(escapes[esc])
                else:
                    self.error(f"bad escape \\{esc}")
            else:
                out.append(ch)

    def number(self):
        start = self.pos
        if self.text[self.pos] == "-":
            self.pos += 1
        while self.pos < len(self.text) and (self.text[self.pos].isdigit() or self.text[self.pos] in ".eE+-"):
            self.pos += 1
        text = self.text[start:self.pos]
        try:
            return float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            self.error(f"bad number {text!r}")


def encode_string(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) > 126:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def pretty(value, indent=2, level=0, sort_keys=True):
    pad = " " * (indent * (level + 1))
    end_pad = " " * (indent * level)
    if isinstance(value, dict):
        if not value:
            return "{}"
        keys = sorted(value) if sort_keys else list(value)
        parts = [f"{pad}{encode_string(k)}: {pretty(value[k], indent, level + 1, sort_keys)}" for k in keys]
        return "{\n" + ",\n".join(parts) + "\n" + end_pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, (dict, list)) for v in value) and len(value) <= 6:
            return "[" + ", ".join(pretty(v) for v in value) + "]"
        return "[\n" + ",\n".join(pad + pretty(v, indent, level + 1, sort_keys) for v in value) + "\n" + end_pad + "]"
    if isinstance(value, str):
        return encode_string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def compact(value):
    if isinstance(value, dict):
        return "{" + ",".join(f"{encode_string(k)}:{compact(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(map(compact, value)) + "]"
    return pretty(value)


def query(value, path):
    for part in path.split("."):
        if isinstance(value, list):
            value = value[int(part)]
        else:
            value = value[part]
    return value


def walk(value, prefix=""):
    """Yield (path, leaf) pairs in document order."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, f"{prefix}[{i}]")
    else:
        yield prefix, value


def depth(value):
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    return 0


DOCUMENT = r"""
{
  "name": "Portalis",
  "version": [0, 1, 0],
  "stable": false,
  "license": null,
  "ratio": 0.75,
  "big": 12345678901234,
  "tiny": -2.5e-3,
  "tags": ["python", "rust", "transpiler"],
  "escaped": "tab\there \"quoted\" back\\slash caf\u00e9",
  "authors": [
    {"name": "Ada", "roles": ["lead", "parser"], "commits": 412},
    {"name": "Linus", "roles": [], "commits": 97, "extra": {}}
  ],
  "matrix": [[1, 2], [3, 4]],
  "nested": {"a": {"b": {"c": {"d": [true, false, null]}}}}
}
"""

BAD = [
    '{"a": 1,}',
    '[1, 2',
    '{"a" 1}',
    '"unterminated',
    '[1, 2] extra',
    '{"x": tru}',
    '\n\n  [1, @]',
]


def main():
    data = JSONParser(DOCUMENT).parse()
    print(pretty(data))
    print()
    print(compact(data["authors"]))
    print(pretty(data, indent=4, sort_keys=False)[:120])
    for path in ("name", "version.1", "authors.0.roles.1", "nested.a.b.c.d.0", "authors.1.commits"):
        print(f"{path} -> {query(data, path)!r}")
    try:
        query(data, "authors.5.name")
    except IndexError as e:
        print("IndexError:", e)
    try:
        query(data, "nested.a.x")
    except KeyError as e:
        print("KeyError:", e)
    leaves = list(walk(data))
    print(f"{len(leaves)} leaves, depth {depth(data)}")
    for path, leaf in leaves[:8]:
        print(f"  {path} = {leaf!r}")
    numbers = [v for _, v in leaves if isinstance(v, (int, float)) and not isinstance(v, bool)]
    print("numeric leaves:", numbers, "sum:", sum(numbers))
    print("round trip equal:", JSONParser(compact(data)).parse() == data)
    print("round trip pretty equal:", JSONParser(pretty(data)).parse() == data)
    for text in BAD:
        try:
            JSONParser(text).parse()
            print(f"{text!r}: parsed?!")
        except ParseError as e:
            print(f"{text!r}: {e}")
    try:
        pretty({"when": object})
    except TypeError as e:
        print("TypeError:", e)


main()
