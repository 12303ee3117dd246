"""The translator's output must not depend on Python's string hashing: a build cache keyed on
the generated Rust and reproducible builds both need the same bytes for the same program."""
import os
import subprocess
import sys

PROGRAM = '''
world = [[0, 1, 0], [1, 1, 0], [0, 0, 1]]
n = sum(world[1 + dy][1 + dx] for dx, dy in ((-1, -1), (0, 1), (1, 0), (1, 1)))
pairs = [(a, b, c) for a, (b, c) in enumerate([(1, 2), (3, 4)])]
print(n, pairs)
'''

TRANSLATE = "import sys; from portalis.api import translate; sys.stdout.write(translate(sys.stdin.read()).rust_code)"


def _rust_under_seed(seed: int) -> str:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    return subprocess.run([sys.executable, "-c", TRANSLATE], input=PROGRAM, env=env,
                          capture_output=True, text=True, check=True).stdout


def test_output_is_the_same_under_every_hash_seed():
    outputs = {_rust_under_seed(seed) for seed in range(1, 7)}
    assert len(outputs) == 1
