"""A command-line notes tool: `notes add|list|done|tag|export|stats`, parsed with argparse
(subcommands, choices, types, flags, --help and usage errors as CPython prints them), with
a JSON config (data/config.json over built-in defaults) and the notes kept in a JSON file.
This driver plays the command lines of data/commands.txt, one tool run per line, the way a
shell session would. Run from this folder: python3 __main__.py (or `portalis check .`)."""
import sys

from notetool import cli
from notetool.config import load_config

SCRIPT = "data/commands.txt"


def session(path):
    config = load_config("data/config.json")
    print(f"config: store={config['store']} width={config['width']} default tag={config['default_tag']}")
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    status_counts = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        print(f"$ notes {line}")
        status = cli.run(line.split(), config)
        status_counts[status] = status_counts.get(status, 0) + 1
        if status:
            print(f"(exit status {status})")
    print("statuses:", ", ".join(f"{code}: {n}" for code, n in sorted(status_counts.items())))


session(sys.argv[1] if len(sys.argv) > 1 else SCRIPT)
