"""The "prints a memory address" warning: only where an object can reach text."""
from __future__ import annotations

import pytest

import portalis

PLAIN = "class P:\n    def __init__(self):\n        self.x = 1\n\n    def double(self, n):\n        return 2 * n\n\n"


def _warned(code: str) -> bool:
    t = portalis.translate(code)
    assert t.ok, t.diagnostics
    return any("memory address" in d.message for d in t.diagnostics)


@pytest.mark.parametrize("use", ["p = P()\nprint(p.double(2), p.x)\n", "p = P()\nprint(f'{p.x}')\n",
                                 "p = P()\nq = str(p.double(1))\n"])
def test_objects_never_turned_into_text_are_not_warned_about(use):
    assert not _warned(PLAIN + use)


@pytest.mark.parametrize("use", ["p = P()\nprint(p)\n", "items = [P(), P()]\nprint(items)\n",
                                 "print(f'{P()}')\n", "items = []\nitems.append(P())\nprint(items[0])\n",
                                 "def show(p: P) -> str:\n    return str(p)\n", "p = P()\nprint('%s' % p)\n"])
def test_objects_that_reach_print_str_repr_or_format_are_warned_about(use):
    assert _warned(PLAIN + use)
