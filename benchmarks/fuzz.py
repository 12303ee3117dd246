"""Longer run of the fuzz guard (tests/fuzz_support.py): N programs per strategy, then
per strategy: tried / diagnostic / compiled / output identical / internal errors /
ok-but-does-not-compile, and the failing programs written to --failures.

    .venv/bin/python benchmarks/fuzz.py --examples 200 [--no-build] [--failures DIR]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fuzz_support import STRATEGIES, Tally, classify  # noqa: E402


def run(name: str, examples: int, build: bool, seed_value: int) -> Tally:
    factory, compare_output = STRATEGIES[name]
    tally = Tally()

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(factory())
    def one(source):
        tally.add(source, classify(source, build=build), compare_output)

    one()
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=100, help="programs per strategy")
    parser.add_argument("--no-build", action="store_true", help="translate only")
    parser.add_argument("--strategy", action="append", choices=sorted(STRATEGIES), help="default: all")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--failures", type=Path, help="write failing programs here")
    args = parser.parse_args()
    bad = 0
    print(f"{'strategy':28} {'tried':>6} {'diagnostic':>10} {'compiled':>8} {'identical':>9} "
          f"{'internal':>8} {'ok-no-build':>11} {'differs':>7}")
    for name in args.strategy or list(STRATEGIES):
        tally = run(name, args.examples, not args.no_build, args.seed)
        c = tally.counts
        print(f"{name:28} {c['tried']:6} {c['diagnostic']:10} {c['compiled']:8} {c['identical']:9} "
              f"{c['internal error']:8} {c['ok but does not compile']:11} {c['differs']:7}", flush=True)
        bad += len(tally.failures)
        if args.failures:
            args.failures.mkdir(parents=True, exist_ok=True)
            for i, (outcome, source) in enumerate(tally.failures):
                stem = f"{name.replace('.', '_')}_{i}"
                (args.failures / f"{stem}.py").write_text(source)
                (args.failures / f"{stem}.txt").write_text(f"{outcome.kind}\n{outcome.detail}\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
