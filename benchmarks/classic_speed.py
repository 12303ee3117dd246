"""Classic programs: CPython against the Portalis translation and against hand-written Rust.

The programs are `benchmarks/classic/NAME.py` (plain unannotated Python, 1-3 s under
CPython, printing a checksum); `benchmarks/classic/rust/NAME.rs`, where present, is the
same algorithm on the same data structures written by hand in std-only Rust.  In one run,
each program is timed under CPython, as a Portalis release build and as the hand-written
Rust compiled at the same optimisation level; times are CPU seconds, best of --repeat.
A Rust run counts only if it prints exactly what CPython printed.

Goals (issue 8): median >= 20x CPython, none slower than CPython, the string- and
dict-heavy programs >= 3x, translated within 2x of hand-written Rust.

    python benchmarks/classic_speed.py [--only NAME ...] [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from timing import best
from translated import translated_command

from portalis.toolchain import find_toolchain

CLASSIC = Path(__file__).resolve().parent / "classic"
HAND_WRITTEN = CLASSIC / "rust"
STRING_DICT_HEAVY = ("word_freq", "string_parse")
GOAL_MEDIAN = 20.0
GOAL_STRING_DICT = 3.0
GOAL_VS_HAND = 2.0


@dataclass
class Row:
    name: str
    cpython: float
    translated: float | None = None
    hand: float | None = None
    problem: str = ""

    @property
    def ratio(self) -> float | None:
        return self.cpython / max(self.translated, 1e-4) if self.translated is not None else None

    @property
    def hand_ratio(self) -> float | None:
        return self.cpython / max(self.hand, 1e-4) if self.hand is not None else None

    @property
    def vs_hand(self) -> float | None:
        """How many times slower the translation is than the hand-written Rust."""
        if self.translated is None or self.hand is None:
            return None
        return self.translated / max(self.hand, 1e-4)


def hand_written_command(name: str, work: Path) -> tuple[list[str] | None, str]:
    """The compiled hand-written Rust for `name`, or (None, why not); (None, "") if there is none."""
    source = HAND_WRITTEN / f"{name}.rs"
    if not source.exists():
        return None, ""
    binary = work / f"{name}-hand"
    cmd = [find_toolchain("native").rustc, "--edition", "2021", "-C", "opt-level=3", str(source), "-o", str(binary)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return None, f"hand-written Rust failed to compile: {proc.stderr.splitlines()[0][:120]}"
    return [str(binary)], ""


def measure(script: Path, work: Path, repeat: int) -> Row:
    name = script.stem
    cpython, _, expected = best([sys.executable, str(script)], repeat)
    row = Row(name, cpython)
    problems = []
    cmd, why_not = translated_command(script.read_text(), name, work)
    if cmd is None:
        problems.append(why_not)
    else:
        seconds, _, got = best(cmd, repeat)
        if got == expected:
            row.translated = seconds
        else:
            problems.append(f"translated output differs: {got[:80]!r}")
    cmd, why_not = hand_written_command(name, work)
    if cmd is not None:
        seconds, _, got = best(cmd, repeat)
        if got == expected:
            row.hand = seconds
        else:
            problems.append(f"hand-written output differs: {got[:80]!r}")
    elif why_not:
        problems.append(why_not)
    row.problem = "; ".join(problems)
    return row


def _cell(value: float | None, fmt: str) -> str:
    return format(value, fmt) if value is not None else "-"


def table_line(row: Row) -> str:
    return (f"{row.name:14} {row.cpython:8.3f} {_cell(row.translated, '9.3f'):>9} {_cell(row.ratio, '8.2f'):>8}"
            f" {_cell(row.hand, '8.3f'):>8} {_cell(row.hand_ratio, '8.1f'):>8} {_cell(row.vs_hand, '10.1f'):>10}"
            f"{'   ' + row.problem if row.problem else ''}")


def _verdict(ok: bool) -> str:
    return "met" if ok else "missed"


def summary(rows: list[Row]) -> list[str]:
    ratios = [r.ratio for r in rows if r.ratio is not None]
    failed = [r.name for r in rows if r.ratio is None]
    lines = [f"measured: {len(ratios)} of {len(rows)} programs" + (f" (no figure: {', '.join(failed)})" if failed else "")]
    if not ratios:
        return lines
    median = statistics.median(ratios)
    slower = [r.name for r in rows if r.ratio is not None and r.ratio < 1.0]
    lines.append(f"median speed vs CPython: {median:.2f}x - goal >= {GOAL_MEDIAN:g}x: {_verdict(median >= GOAL_MEDIAN and not failed)}")
    lines.append(f"min speed vs CPython: {min(ratios):.2f}x, max {max(ratios):.2f}x")
    lines.append(f"slower than CPython: {len(slower)}" + (f" ({', '.join(slower)})" if slower else "")
                 + f" - goal none: {_verdict(not slower and not failed)}")
    heavy = [r for r in rows if r.name in STRING_DICT_HEAVY]
    if heavy:
        cells = ", ".join(f"{r.name} {_cell(r.ratio, '.2f')}x" for r in heavy)
        ok = all(r.ratio is not None and r.ratio >= GOAL_STRING_DICT for r in heavy)
        lines.append(f"string/dict-heavy: {cells} - goal >= {GOAL_STRING_DICT:g}x: {_verdict(ok)}")
    paired = [r for r in rows if r.hand is not None]
    if paired:
        hand_median = statistics.median(r.hand_ratio for r in paired)
        factors = [r.vs_hand for r in paired if r.vs_hand is not None]
        lines.append(f"hand-written Rust: {len(paired)} programs, median {hand_median:.1f}x CPython")
        if factors:
            worst = max(factors)
            lines.append(f"translated vs hand-written: median {statistics.median(factors):.1f}x slower, worst {worst:.1f}x"
                         f" - goal within {GOAL_VS_HAND:g}x: {_verdict(worst <= GOAL_VS_HAND and len(factors) == len(paired))}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these programs")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scripts = sorted(CLASSIC.glob("*.py"))
    if args.only:
        unknown = set(args.only) - {s.stem for s in scripts}
        if unknown:
            parser.error(f"no such program: {', '.join(sorted(unknown))} (have {', '.join(s.stem for s in scripts)})")
        scripts = [s for s in scripts if s.stem in args.only]
    print(f"CPU seconds, best of {args.repeat}; ratios are CPython seconds / Rust seconds")
    print(f"{'program':14} {'CPython':>8} {'Portalis':>9} {'ratio':>8} {'hand Rust':>8} {'ratio':>8} {'vs hand':>10}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="portalis-classic-") as tmp:
        for script in scripts:
            rows.append(measure(script, Path(tmp), args.repeat))
            print(table_line(rows[-1]), flush=True)
    print()
    print("\n".join(summary(rows)))


if __name__ == "__main__":
    main()
