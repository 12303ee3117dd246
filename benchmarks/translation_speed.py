"""Translation speed: milliseconds of CPU per 1,000 lines of Python.  Goal: under 50.

Measured over the shared corpus (many small programs) and over one generated program of
about 2,000 lines (to catch costs that grow faster than the program).  CPU time of this
process is reported beside wall time, so a busy machine does not skew the figure.
Each measurement is the best of --repeat runs, after one warm-up.

    python benchmarks/translation_speed.py [CORPUS_DIR ...] [--repeat N] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from corpus import DEFAULT_DIRS, programs

from portalis.api import translate

GOAL_MS_PER_KLOC = 50.0

FUNCTION_TEMPLATE = '''
def stats_{i}(values, label="set {i}"):
    """Summary statistics of one batch."""
    total = 0
    counts = {{}}
    for v in values:
        total += v * {i}
        key = "even" if v % 2 == 0 else "odd"
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(values, key=lambda x: (x % {m}, -x))
    words = [f"{{label}}:{{x}}" for x in ordered if x > {i} % 7]
    text = ", ".join(words[:5])
    if total > 1000:
        result = total // 3
    elif total < 0:
        result = -total
    else:
        result = total * 2
    while result > 100:
        result = result // 2 + 1
    return result, counts, text.upper()


class Shape{i}:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height + {i}

    def describe(self):
        return "Shape{i}(%d x %d)" % (self.width, self.height)

'''

MAIN_TEMPLATE = '''
    r, c, t = stats_{i}([{i}, {j}, 3, 14, 15, 92, 65])
    print(r, sorted(c.items()), t, Shape{i}({i}, 2).area(), Shape{i}(1, {j}).describe())
'''


def generated_program(lines: int = 2000) -> str:
    """A program of about `lines` lines: many functions and classes, then a main that calls them."""
    per_unit = FUNCTION_TEMPLATE.count("\n") + MAIN_TEMPLATE.count("\n")
    units = max(1, lines // per_unit)
    body = "".join(FUNCTION_TEMPLATE.format(i=i, m=i % 5 + 2) for i in range(units))
    main = "".join(MAIN_TEMPLATE.format(i=i, j=i * 7 % 11) for i in range(units))
    return f'{body}\nif __name__ == "__main__":{main}'


def _lines(source: str) -> int:
    return len(source.splitlines())


def measure(sources: list[tuple[str, str]], repeat: int) -> tuple[float, float, int]:
    """(best wall seconds, best CPU seconds, failures) to translate all `sources` once."""
    failures = sum(not translate(text, name).ok for name, text in sources)  # also the warm-up
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        for name, text in sources:
            translate(text, name)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, failures


def report(label: str, sources: list[tuple[str, str]], repeat: int) -> None:
    kloc = sum(_lines(text) for _, text in sources) / 1000
    wall, cpu, failures = measure(sources, repeat)
    verdict = "met" if cpu * 1000 / kloc < GOAL_MS_PER_KLOC else "missed"
    print(f"{label}: {len(sources)} program(s), {kloc * 1000:.0f} lines, {failures} not translatable")
    print(f"  {cpu * 1000 / kloc:.1f} ms CPU per 1,000 lines ({wall * 1000 / kloc:.1f} ms wall)"
          f" - goal < {GOAL_MS_PER_KLOC:.0f}: {verdict}")


def profile(sources: list[tuple[str, str]], top: int = 25) -> None:
    """Where translation time goes, by own time (file:line(function))."""
    profiler = cProfile.Profile()
    profiler.enable()
    for name, text in sources:
        translate(text, name)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also print cProfile's hot spots")
    args = parser.parse_args()
    corpus = [(p.name, p.read_text()) for p in programs(args.dirs)]
    generated = [("generated.py", generated_program())]
    if corpus:
        report("corpus", corpus, args.repeat)
    else:
        print(f"corpus: skipped, no NAME.py/NAME.out pairs in {', '.join(map(str, args.dirs))}")
    report("generated program", generated, args.repeat)
    if args.profile:
        profile(corpus + generated)


if __name__ == "__main__":
    main()
