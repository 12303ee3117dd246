"""`str` methods on values proven strs call the runtime's string functions directly:
no boxing, no lookup by name, typed `List<Str>` from `split`; results, errors and
Unicode behave exactly as in CPython."""
from __future__ import annotations

from portalis.api import translate

SOURCE = """
def words(text):
    out = []
    for line in text.splitlines():
        for w in line.split():
            out.append(w.lower().strip(".,"))
    return out

def describe(s):
    parts = s.split(";")
    head = parts[0].title()
    return "-".join(parts) + "|" + head.upper() + "|" + s.replace(";", "+") + "|" + s.zfill(12) + "|" \\
        + s.ljust(14, ".") + "|" + s.rjust(3) + "|" + s.center(15, "*")

def flags(s):
    return s.isdigit(), s.isalpha(), s.startswith("ab"), s.endswith("z"), s.find("b"), s.count("a"), s.rfind("a")

def main():
    print(words("The cat.\\nA Dog, the END\\n\\nÉcole ß"))
    print(describe("ab;cd;ef"), describe("x"))
    for s in ["abc", "123", "", "aaz", "ÀÉ"]:
        print(flags(s), len(s), s > "ab", s <= "b", s.capitalize(), s.swapcase(), s.casefold())
    print("Straße".upper(), "ǅ".lower(), "hello world".title(), "a,b,,c".rsplit(","), " x ".lstrip(), " x ".rstrip())
    try:
        "abc".split("")
    except ValueError as e:
        print("ValueError:", e)

main()
"""


def test_str_methods_are_direct_calls():
    rust = translate(SOURCE).rust_code
    assert "fn words(text: Str) -> PyResult<List<Str>>" in rust
    assert "typed::text::splitlines(&text)" in rust
    assert "strmethods::lower(" in rust
    assert 'call_method(&Value::Str' not in rust


def test_native_str_methods_match_python(same_as_cpython):
    same_as_cpython(SOURCE)
