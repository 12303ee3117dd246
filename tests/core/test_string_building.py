"""Building and parsing text on native strs: `a + b + c` and `s += t` copy each piece
once (`str_concat!`), f-string fields of native values are formatted without boxing,
comparisons with a literal borrow it, `float(s)` parses natively, and `split`/
`splitlines` slice the text once; results and errors are CPython's."""
from __future__ import annotations

from portalis.api import translate

SOURCE = """
def build(n):
    s = ""
    for i in range(n):
        s += str(i) + ","
        s += "x" if i % 2 else s[:1]
    return s

def fields(a, b):
    t = a + "-" + b + "é"
    u = f"{a}|{b:>5}|{len(a)}|{3.5:.2f}|{a!r}|{1.0 / 3}|{t!s}|{'q' if a else b}|{b if a else 'z'}|{len(t):03d}"
    w = f"{{}}{a:{b}}" if b.isdigit() else "no"
    return t, u, w, t == "ab-cdé", "x" < t, t != "x", "zz" > t, "" == a

def shout(words):
    out = ""
    for w in words:
        if w == "stop":
            break
        out += w.upper() + " "
    return out.strip()

def parse(text):
    total = 0.0
    for line in text.splitlines():
        name, value = line.split("=")
        total += float(value)
        print(f"{name:<6}{float(value):>8.3f}")
    return total

def chain(s):
    return s.startswith("ab"), s.strip(".,"), "-".join(s.split(";")), s.strip().lower().zfill(9), \
        str(len(s)).rjust(4, "0"), s.split(";", )

def main():
    print(build(12))
    print(chain("ab;cD;a.,"), chain(" xY "))
    print(fields("ab", "cd"))
    print(fields("", "7"))
    print(shout(["a", "bb", "stop", "c"]))
    print(parse("a= 1_000.5 \\nb=-1e3\\r\\nc=inf\\x0bd=2"))
    try:
        parse("x=abc")
    except ValueError as e:
        print("ValueError:", e)
    print("a\\nb\\r\\nc\\rd\\x0be\\x0cf\\x1cg\\x85h\\u2028i\\u2029j".splitlines(), "x\\n".splitlines(), "".splitlines())
    print("é\\r\\nü\\n".splitlines(True), "  a  b c ".split(), "a,b,,c".split(","), "a b  c ".rsplit(None, 1))
    try:
        f"{3.5:q}"
    except ValueError as e:
        print("ValueError:", e)

main()
"""


def test_concatenation_and_fstrings_are_native():
    rust = translate(SOURCE).rust_code
    assert "fn build(n: i64) -> PyResult<Str>" in rust
    assert "str_concat!(&*s, &i.to_string(), \",\")" in rust
    assert "strformat::float_field(" in rust
    assert '&*w == "stop"' in rust
    assert "strops::to_float(" in rust
    assert 'typed::text::split(&s, Some(";"))' in rust  # literals are borrowed, not allocated
    assert "strmethods::zfill(&strmethods::lower(&strmethods::strip(&s, None)), 9)" in rust
    assert "ops::add(" not in rust and "ops::iadd(" not in rust


def test_string_building_matches_python(same_as_cpython):
    same_as_cpython(SOURCE)
