"""A command-line task tracker: `argparse` subcommands (add, list, done, edit, remove,
stats, export), a JSON configuration file with defaults, tasks kept in a JSON store and
exported as Markdown.  The session in data/session.txt is replayed one command line at a
time, as a user would type them, including mistakes (usage errors and --help).
Run from this folder: python3 __main__.py (or `portalis check .`)."""
import os
import shutil
import sys

from tasks.cli import build_parser, run, split_words
from tasks.config import load_config
from tasks.store import Store, StoreError

SESSION = "data/session.txt"
CONFIG = "data/config.json"
OUT = "out"


def replay(parser, config, store, line):
    """Run one command line; argparse ends bad ones (and --help) with SystemExit."""
    try:
        words = split_words(line)
    except ValueError as err:
        print(f"error: {err}")
        return
    try:
        args = parser.parse_args(words)
    except SystemExit as stop:
        print(f"(exit status {stop.code})")
        return
    try:
        run(args, config, store)
    except StoreError as err:
        print(f"error: {err}")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    config = load_config(CONFIG)
    print(f"config: {config.describe()}")
    store = Store(os.path.join(OUT, "tasks.json"))
    parser = build_parser(config)
    sys.stderr = sys.stdout  # argparse's usage errors go to stderr: show them in order
    with open(SESSION, encoding="utf-8") as session:
        for number, line in enumerate(session, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            print(f"\n$ tasks {line}")
            replay(parser, config, store, line)
    sys.stderr = sys.__stderr__
    reloaded = Store(store.path)
    print(f"\n{len(reloaded.tasks)} tasks in {store.path}, next id {reloaded.next_id}")
    print(f"files in {OUT}: {sorted(os.listdir(OUT))}")


main()
