"""Native share: how much of the generated Rust is typed, and how much goes through `Value`.

Every program of the corpus (humaneval + mbpp by default) is translated (no builds) and its
`src/main.rs` read.  A generated function is a `fn` item there, the program's own functions
and methods; the scaffolding every program gets (`fn main` and `fn module_body`) is left
out.  A function is native when its signature (parameters and return type) names no
`Value`, so neither `Value` parameters nor the `Vec<Value>` argument list of dynamic calls.
Python functions and lambdas lowered to closures over `Value` are not `fn` items; they
are counted on a line of their own.  Goals: at least 80% native, at most 5 `Value` per 100 lines.

With `--reasons N` it also tallies why the inference leaves places dynamic (the
fallbacks `portalis types` lists), grouped with the types named in them left out, and
prints the N most frequent reasons with an example each: what to attack next.

    python benchmarks/native_share.py [--corpus DIR] [--suites humaneval mbpp] [--worst N] [--reasons N]
"""
from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from corpus import DEFAULT_ROOT, DEFAULT_SUITES, programs_or_exit

from portalis.api import infer_types, translate

GOAL_NATIVE = 0.80
GOAL_VALUE_PER_100 = 5.0
SCAFFOLDING = {"main", "module_body"}

FN_ITEM = re.compile(r"^[ \t]*(?:pub(?:\([^)]*\))?\s+)?fn\s+(\w+)", re.MULTILINE)
VALUE = re.compile(r"\bValue\b")
VALUE_CLOSURE = re.compile(r"move\s*\|[^|]*\bValue\b[^|]*\|")
# The parts of a fallback reason that name types or callees, left out to group reasons.
REASON_DETAILS = [(re.compile(p), r) for p, r in (
    (r" \(.*\)$", ""), (r"conflicting types .*", "conflicting types"), (r"can be .*", "can be X"),
    (r"(operator \S+) on .*", r"\1 on X"), (r"subscript of .*", "subscript of X"),
    (r"attribute \w+ of .*", "attribute of X"), (r"\.\w+\(\) of .*", ".method() of X"),
    (r"a call of .*", "a call of X"), (r"passed to .*", "passed to X"))]


@dataclass
class Signature:
    name: str
    text: str

    @property
    def params(self) -> str:
        return self.text[self.text.index("("):self.text.rindex(")") + 1] if "(" in self.text else ""

    @property
    def kind(self) -> str:
        """'native', 'Vec<Value> args', 'Value params' or 'Value return'."""
        if not VALUE.search(self.text):
            return "native"
        if "Vec<Value>" in self.params:
            return "Vec<Value> args"
        return "Value params" if VALUE.search(self.params) else "Value return"


@dataclass
class Tally:
    programs: int = 0
    untranslatable: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    lines: int = 0
    values: int = 0
    closures: int = 0
    per_program: list[tuple[float, str]] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)
    reason_examples: dict[str, str] = field(default_factory=dict)

    @property
    def functions(self) -> int:
        return sum(self.kinds.values())


def signatures(rust: str) -> list[Signature]:
    """The `fn` items of `rust` with their signature text: from `fn` to the body's `{`
    (or the `;` of a declaration), skipping braces nested in parentheses or angle brackets."""
    found = []
    for match in FN_ITEM.finditer(rust):
        depth = 0
        for end in range(match.end(), len(rust)):
            ch = rust[end]
            if ch in "(<[":
                depth += 1
            elif ch in ")>]" and not (ch == ">" and rust[end - 1] == "-"):
                depth -= 1
            elif ch in "{;" and depth == 0:
                break
        found.append(Signature(match.group(1), " ".join(rust[match.start():end].split())))
    return found


def reason_group(reason: str) -> str:
    for pattern, replacement in REASON_DETAILS:
        reason = pattern.sub(replacement, reason)
    return reason


def count_reasons(path: Path, tally: Tally) -> None:
    for fallback in infer_types(path.read_text(), path.name).facts.get("fallbacks", []):
        group = reason_group(fallback["reason"])
        tally.reasons[group] += 1
        tally.reason_examples.setdefault(group, f"{path.stem}:{fallback['line']} {fallback['place']}")


def count(path: Path, tally: Tally) -> None:
    tally.programs += 1
    result = translate(path.read_text(), path.name)
    if not result.ok:
        tally.untranslatable.append(path.name)
        return
    rust = result.rust_code
    lines = len(rust.splitlines())
    values = len(VALUE.findall(rust))
    tally.lines += lines
    tally.values += values
    tally.closures += len(VALUE_CLOSURE.findall(rust))
    tally.kinds.update(sig.kind for sig in signatures(rust) if sig.name not in SCAFFOLDING)
    tally.per_program.append((100 * values / max(lines, 1), path.name))


def report(tally: Tally, seconds: float, worst: int, reasons: int) -> None:
    functions = tally.functions
    native = tally.kinds["native"]
    share = native / functions if functions else 0.0
    per_100 = 100 * tally.values / max(tally.lines, 1)
    print(f"programs: {tally.programs}, translated: {tally.programs - len(tally.untranslatable)}"
          f" ({seconds:.1f} s, translation only)")
    print(f"generated functions: {functions}, native signatures: {native} ({share:.1%})"
          f" - goal >= {GOAL_NATIVE:.0%}: {'met' if share >= GOAL_NATIVE else 'missed'}")
    others = ", ".join(f"{kind} {n}" for kind, n in tally.kinds.most_common() if kind != "native")
    print(f"  not native: {others or 'none'}")
    print(f"  Python functions and lambdas lowered as closures over Value (not fn items): {tally.closures}")
    print(f"Value per 100 generated lines: {per_100:.1f} ({tally.values} in {tally.lines} lines)"
          f" - goal <= {GOAL_VALUE_PER_100:g}: {'met' if per_100 <= GOAL_VALUE_PER_100 else 'missed'}")
    if tally.untranslatable:
        print(f"untranslatable: {', '.join(tally.untranslatable)}")
    for density, name in sorted(tally.per_program, reverse=True)[:worst]:
        print(f"  {density:5.1f} Value per 100 lines: {name}")
    if reasons:
        print(f"fallback reasons ({sum(tally.reasons.values())} places), the {reasons} most frequent:")
        for group, n in tally.reasons.most_common(reasons):
            print(f"  {n:4d} {group}  (e.g. {tally.reason_examples[group]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_ROOT, help="folder holding the suites")
    parser.add_argument("--suites", nargs="+", default=list(DEFAULT_SUITES))
    parser.add_argument("--worst", type=int, default=0, help="also list the N programs densest in Value")
    parser.add_argument("--reasons", type=int, default=0, help="also list the N most frequent fallback reasons")
    args = parser.parse_args()
    paths = programs_or_exit([args.corpus / suite for suite in args.suites])
    tally = Tally()
    started = time.process_time()
    for path in paths:
        count(path, tally)
    seconds = time.process_time() - started
    if args.reasons:
        for path in paths:
            count_reasons(path, tally)
    report(tally, seconds, args.worst, args.reasons)


if __name__ == "__main__":
    main()
