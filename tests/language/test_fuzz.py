"""The guard against translations that lie, bounded to about a minute: generated programs
get a diagnostic or compile, and our runnable ones print what CPython prints.
benchmarks/fuzz.py runs the same strategies longer and prints the figures."""
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fuzz_support import BAD, STRATEGIES, classify  # noqa: E402



def _settings(examples: int):
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("name, examples", [("hypothesmith.from_grammar", 50), ("hypothesmith.from_node", 15)])
def test_grammar_programs_translate_cleanly(name, examples):
    """Arbitrary syntax: a diagnostic or a translation, never an internal error (translation only)."""
    strategy, _ = STRATEGIES[name]

    @_settings(examples)
    @given(strategy())
    def check(source):
        outcome = classify(source, build=False)
        assert outcome.kind not in BAD, f"{outcome.kind}: {outcome.detail}\n{source}"

    check()


def test_runnable_programs_print_what_cpython_prints():
    """Generated programs that run: translated, built and run, they match CPython."""
    strategy, _ = STRATEGIES["runnable"]

    @_settings(6)
    @given(strategy())
    def check(source):
        outcome = classify(source)
        assert outcome.kind not in BAD and outcome.kind != "differs", f"{outcome.kind}: {outcome.detail}\n{source}"

    check()
