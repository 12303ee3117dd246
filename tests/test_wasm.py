"""Translated programs built for wasm32-wasi print what CPython prints.

Each test is one build, grouping the features where WebAssembly differs from the host:
32-bit `usize`, a 1 MiB default stack, WASI streams and exit codes, and no unwinding.
"""
from __future__ import annotations

import textwrap

import pytest

from portalis.check import check_source
from portalis.toolchain import ToolchainMissing, find_toolchain, wasm_command

pytestmark = pytest.mark.slow

WASM = "wasm32-wasi"


@pytest.fixture(scope="module", autouse=True)
def wasm_toolchain():
    try:
        find_toolchain(WASM)
        wasm_command("probe.wasm")
    except ToolchainMissing as err:
        pytest.skip(f"no WebAssembly toolchain: {err}")


def assert_same_on_wasm(source: str, stdin: str | None = None) -> None:
    result = check_source(textwrap.dedent(source), "prog.py", target=WASM, stdin=stdin)
    details = result.rust.stderr[-3000:] if result.verdict == "build failed" else result.diff
    assert result.identical, f"{result.verdict}\n{details}"


def test_numbers_past_32_bits():
    """Ints past 32 bits (wasm's usize), big lengths and indexes, dict and set order."""
    assert_same_on_wasm('''
        big = 2 ** 40 + 7
        print(big, big * 1000, -big // 3, big % 1000, 10 ** 18 // 7, 2 ** 62 - 1 + 2 ** 62, -(2 ** 62) * 2)
        print(int("123456789012345"), hex(big), 1 << 50, (1 << 62) >> 3, 7 ** 20, -7 % 2 ** 33)
        print(3.0 * big, 1e300 * 10, 0.1 + 0.2, round(2.675, 2), 1 / 3, float(2 ** 53 + 1))
        xs = list(range(100000))
        print(len(xs), xs[-1], xs[99999 - 2 ** 16], sum(xs), max(xs) - min(xs))
        counts = {}
        for word in "the quick brown fox jumps over the lazy dog the end".split():
            counts[word] = counts.get(word, 0) + 1
        print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
        print(sorted({5, 3, 9, 1}), len({i % 7 for i in range(1000)}), hash(12345))
    ''')


def test_strings_and_formatting():
    """Unicode slicing, f-strings and format specs, joins of a large output (buffer flushes)."""
    assert_same_on_wasm('''
        s = "héllo wörld ✓"
        print(s.upper(), s[::-1], len(s), s.find("w"), s.split(), s.encode("utf-8")[:4] if False else s[1:5])
        print(f"{3.14159:.3f}|{42:>8}|{42:<6}|{255:#x}|{1234567:,}|{0.25:.1%}|{'ab':^6}|")
        print("%5.2f %d %s %r" % (2.5, 7, "x", "y"))
        print("-".join(str(i) for i in range(20)), "abc" * 3, "a,b,,c".split(","))
        for i in range(3000):
            print(f"line {i:05d} {'x' * (i % 40)}")
    ''')


def test_exceptions_exit_status_and_stderr():
    """Caught and uncaught exceptions: stdout flushed first, traceback's last line, status 1."""
    assert_same_on_wasm('''
        import sys
        def parse(text):
            try:
                return int(text)
            except ValueError as err:
                print("bad:", err)
                return -1
            finally:
                print("parsed", text)
        print(parse("12"), parse("x1"))
        try:
            {}["missing"]
        except KeyError as err:
            print("KeyError", err)
        try:
            [1, 2][5]
        except IndexError as err:
            print("IndexError", err)
        print("to stderr", file=sys.stderr)
        print("before the crash")
        print(1 // 0)
    ''')


def test_sys_exit_and_standard_input():
    """input() reads the module's stdin, EOF included; sys.exit's status comes back out."""
    assert_same_on_wasm('''
        import sys
        name = input()
        n = int(input())
        words = []
        try:
            while True:
                words.extend(input().split())
        except EOFError:
            print("end of input")
        print("hello", name, n * 2, words)
        sys.exit(n)
    ''', stdin="wasm\n3\nx y\nz\n")


def test_deep_recursion_and_classes():
    """Recursion near CPython's limit needs more than rustc's 1 MiB wasm stack."""
    assert_same_on_wasm('''
        import sys
        sys.setrecursionlimit(3000)
        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)
        memo = {}
        def fib(n):
            if n < 2:
                return n
            if n not in memo:
                memo[n] = fib(n - 1) + fib(n - 2)
            return memo[n]
        class Node:
            def __init__(self, value, children=()):
                self.value = value
                self.children = list(children)
            def total(self):
                return self.value + sum(c.total() for c in self.children)
        def chain(n):
            node = Node(0)
            for i in range(1, n):
                node = Node(i, [node])
            return node
        print(depth(2500), fib(90), chain(300).total())
        print(sorted([Node(v).value for v in (3, 1, 2)]), [x * x for x in range(10) if x % 2])
    ''')


def test_local_time_reads_the_zone_files(monkeypatch):
    """localtime under a named zone: the runner preopens the zone files read-only."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    assert_same_on_wasm('''
        import time
        for secs in (0, 1_700_000_000, 1_720_000_000):
            t = time.localtime(secs)
            print(t.tm_hour, t.tm_isdst, time.strftime("%Y-%m-%d %H:%M %Z", t))
    ''')
