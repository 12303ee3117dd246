"""Property-based guard against translations that lie: programs from hypothesmith's
grammar strategies and from our own generator of runnable programs are translated;
each must get a clean diagnostic, or a translation that compiles and prints what
CPython prints.  An internal error or an "ok" that does not compile is a failure.

Shared by the bounded test (tests/language/test_fuzz.py) and the longer script
(benchmarks/fuzz.py)."""
from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from portalis.api import translate
from portalis.build import build_crate
from portalis.check import compare, run_binary, run_python

# ---- outcomes ----------------------------------------------------------------------------------

OUTCOMES = ("diagnostic", "compiled", "identical", "differs", "internal error", "ok but does not compile")
BAD = ("internal error", "ok but does not compile")


@dataclass
class Outcome:
    kind: str  # one of OUTCOMES: the worst one reached
    compiled: bool = False
    detail: str = ""


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    failures: list = field(default_factory=list)  # (outcome, source)

    def add(self, source: str, outcome: Outcome, compare_output: bool) -> None:
        self.counts["tried"] += 1
        self.counts[outcome.kind] += 1
        if outcome.compiled:
            self.counts["compiled"] += 1
        if outcome.kind in BAD or (compare_output and outcome.kind == "differs"):
            self.failures.append((outcome, source))


def classify(source: str, build: bool = True, timeout: float = 10) -> Outcome:
    """Translate `source`; when it translates and `build`, build and run it beside CPython."""
    translation = translate(source, "prog.py")
    if not translation.ok:
        internal = [d for d in translation.diagnostics if "internal error" in d.message]
        if internal:
            return Outcome("internal error", detail=internal[0].format())
        return Outcome("diagnostic")
    if not build:
        return Outcome("compiled")
    with tempfile.TemporaryDirectory(prefix="portalis-fuzz-") as tmp:
        work = Path(tmp)
        crate = translation.write(work / "crate")
        result = build_crate(crate)
        if not result.ok:
            return Outcome("ok but does not compile", detail=result.stderr[-3000:])
        script = work / "prog.py"
        script.write_text(source)
        try:
            python = run_python(script, None, timeout)
        except Exception as err:  # CPython itself hangs: nothing to compare
            return Outcome("compiled", True, f"CPython did not finish: {err}")
        rust = run_binary(result.binary, "native", None, timeout)
        check = compare(python, rust, [])
        return Outcome("identical" if check.identical else "differs", True, check.diff)


# ---- hypothesmith ------------------------------------------------------------------------------

def grammar_programs():
    import hypothesmith
    return hypothesmith.from_grammar()


def node_programs():
    import hypothesmith
    return hypothesmith.from_node()


# ---- runnable programs that print values ----------------------------------------------------------

_INT_OPS = ["+", "-", "*", "//", "%"]
_CMP_OPS = ["<", "<=", "==", "!=", ">", ">="]


@st.composite
def _int_expr(draw, names: list[str], depth: int = 0):
    leaf = st.one_of(st.integers(-20, 20).map(str), st.sampled_from(["2 ** 70", "10 ** 19", "-(2 ** 63)"]),
                     *( [st.sampled_from(names)] if names else []))
    if depth >= 2:
        return draw(leaf)
    choice = draw(st.integers(0, 7))
    sub = lambda: draw(_int_expr(names, depth + 1))  # noqa: E731
    if choice == 0:
        return f"({sub()} {draw(st.sampled_from(_INT_OPS))} {sub()})"
    if choice == 1:
        return f"abs({sub()})"
    if choice == 2:
        return f"max({sub()}, {sub()})"
    if choice == 3:
        return f"len({draw(_list_expr(names, depth + 1))})"
    if choice == 4:
        return f"({sub()} if {sub()} {draw(st.sampled_from(_CMP_OPS))} {sub()} else {sub()})"
    if choice == 5:
        return f"sum({draw(_list_expr(names, depth + 1))})"
    return draw(leaf)


@st.composite
def _list_expr(draw, names: list[str], depth: int = 0):
    choice = draw(st.integers(0, 3))
    item = lambda: draw(_int_expr(names, depth + 1))  # noqa: E731
    if choice == 0:
        return "[" + ", ".join(item() for _ in range(draw(st.integers(0, 4)))) + "]"
    if choice == 1:
        return f"sorted([{item()}, {item()}, {item()}])"
    if choice == 2:
        return f"[v * {item()} for v in range({draw(st.integers(0, 5))}) if v % 2 == {draw(st.integers(0, 1))}]"
    return f"list(range({item()} % 7))"


@st.composite
def _str_expr(draw, names: list[str]):
    choice = draw(st.integers(0, 4))
    i = draw(_int_expr(names, 1))
    if choice == 0:
        return f"str({i})"
    if choice == 1:
        return f"f\"{{{i}}}:{{{i}!r:>6}}\""
    if choice == 2:
        return f"'%d-%s' % ({i}, {draw(_list_expr(names, 1))})"
    if choice == 3:
        return f"','.join(str(v) for v in {draw(_list_expr(names, 1))})"
    return f"repr({draw(_list_expr(names, 1))})[:{draw(st.integers(0, 6))}]"


@st.composite
def _block(draw, names: list[str], depth: int, indent: str):
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 6 if depth < 2 else 2))
        if choice == 0:
            name = f"v{len(names)}"
            lines.append(f"{indent}{name} = {draw(_int_expr(names))}")
            names = names + [name]
        elif choice == 1:
            lines.append(f"{indent}print({draw(_int_expr(names))}, {draw(_str_expr(names))})")
        elif choice == 2:
            lines.append(f"{indent}print({draw(_list_expr(names))})")
        elif choice == 3:
            lines.append(f"{indent}if {draw(_int_expr(names))} {draw(st.sampled_from(_CMP_OPS))} {draw(_int_expr(names))}:")
            lines.extend(draw(_block(names, depth + 1, indent + "    ")))
            lines.append(f"{indent}else:")
            lines.extend(draw(_block(names, depth + 1, indent + "    ")))
        elif choice == 4:
            var = f"i{depth}"
            lines.append(f"{indent}for {var} in {draw(_list_expr(names))}:")
            lines.extend(draw(_block(names + [var], depth + 1, indent + "    ")))
        elif choice == 5:
            lines.append(f"{indent}try:")
            lines.extend(draw(_block(names, depth + 1, indent + "    ")))
            lines.append(f"{indent}except (ZeroDivisionError, IndexError) as e:")
            lines.append(f"{indent}    print('caught', type(e).__name__, e)")
        else:
            fn = f"f{depth}_{len(names)}"
            lines.append(f"{indent}def {fn}(a, b=3):")
            lines.append(f"{indent}    return {draw(_int_expr(['a', 'b']))}")
            lines.append(f"{indent}print({fn}({draw(_int_expr(names))}), {fn}(b={draw(_int_expr(names))}, a=1))")
    return lines


@st.composite
def runnable_programs(draw):
    """Programs whose names are all defined: most run under CPython and print values."""
    return "\n".join(draw(_block([], 0, ""))) + "\n"


STRATEGIES = {
    "runnable": (runnable_programs, True),  # (strategy factory, output compared with CPython)
    "hypothesmith.from_grammar": (grammar_programs, False),
    "hypothesmith.from_node": (node_programs, False),
}
