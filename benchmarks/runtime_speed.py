"""Runtime speed: CPU-heavy programs under CPython and as Rust release builds.

Both are timed in the same run, best of --repeat, as CPU time (user + system) of the
child process, which a busy machine disturbs far less than wall time; wall time is shown
too.  The Rust run only counts if it prints exactly what CPython printed.

    python benchmarks/runtime_speed.py [--repeat N] [--target native|wasm32-wasi]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from timing import best
from translated import translated_command

PROGRAMS = {
    "int_loops": '''
total = 0
for i in range(10000000):
    if i % 3 == 0 or i % 5 == 0:
        total += i * i % 1000003
print(total)
''',
    "prime_sieve": '''
n = 5000000
sieve = [True] * (n + 1)
sieve[0] = sieve[1] = False
i = 2
while i * i <= n:
    if sieve[i]:
        for j in range(i * i, n + 1, i):
            sieve[j] = False
    i += 1
print(sum(1 for flag in sieve if flag))
''',
    "string_building": '''
parts = []
for i in range(1000000):
    parts.append(f"{i}:{i * 7 % 13}")
text = ",".join(parts)
out = ""
for word in text.split(",")[:100000]:
    out += word.upper() + ";"
print(len(text), len(out), text[-20:], out[:30])
''',
    "dict_counting": '''
seed = 12345
counts = {}
for _ in range(2000000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    key = "k" + str(seed % 5000)
    counts[key] = counts.get(key, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(len(counts), top)
''',
    "list_sorting": '''
seed = 42
values = []
for _ in range(1000000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    values.append(seed >> 8)
ordered = sorted(values)
by_digits = sorted(values, key=lambda v: (v % 1000, v))
values.sort(reverse=True)
print(ordered[:3], by_digits[:3], values[:3], ordered[len(ordered) // 2])
''',
    "recursion": '''
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(fib(32), ackermann(2, 300))
''',
}


def bench(name: str, source: str, work: Path, target: str, repeat: int) -> str:
    script = work / f"{name}.py"
    script.write_text(source)
    py_cpu, py_wall, expected = best([sys.executable, str(script)], repeat)
    cmd, why_not = translated_command(source, name, work, target)
    if cmd is None:
        return f"{name:16} CPython {py_cpu:6.3f} s   {why_not}"
    rs_cpu, rs_wall, got = best(cmd, repeat)
    if got != expected:
        return f"{name:16} CPython {py_cpu:6.3f} s   Rust output differs: {got[:80]!r}"
    return (f"{name:16} CPython {py_cpu:6.3f} s ({py_wall:6.3f} wall)   Rust {rs_cpu:6.3f} s ({rs_wall:6.3f} wall)"
            f"   speed-up x{py_cpu / max(rs_cpu, 1e-4):.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--target", default="native")
    args = parser.parse_args()
    print(f"CPU seconds, best of {args.repeat}; Rust {args.target} release builds")
    with tempfile.TemporaryDirectory(prefix="portalis-speed-") as tmp:
        for name, source in PROGRAMS.items():
            print(bench(name, source.lstrip(), Path(tmp), args.target, args.repeat), flush=True)


if __name__ == "__main__":
    main()
