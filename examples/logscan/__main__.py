"""A log analyser: scans data/logs/ (one folder a day) for *.log files, parses each line
with a regular expression, and reports errors by service, busiest hours, slow requests
and unparseable lines; writes out/report.txt and out/summary.csv and reads them back.
Run from this folder: python3 __main__.py (or `portalis check .`)."""
import os
import sys
from pathlib import Path

from analysis.parse import parse_line, ParseProblem
from analysis.stats import Stats
from analysis import report

LOG_ROOT = "data/logs"


def find_logs(root):
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".log"):
                found.append(os.path.join(folder, name))
    return found


def main(args):
    threshold = int(args[0]) if args else 250
    logs = find_logs(LOG_ROOT)
    print(f"{len(logs)} log files under {LOG_ROOT}")
    stats = Stats(threshold)
    for path in logs:
        day = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    stats.add(day, parse_line(line))
                except ParseProblem as problem:
                    stats.reject(f"{path}:{number}", str(problem))
    out = Path("out")
    out.mkdir(exist_ok=True)
    text = report.render(stats)
    (out / "report.txt").write_text(text)
    rows = report.summary_rows(stats)
    with open(out / "summary.csv", "w") as f:
        for row in rows:
            print(",".join(str(cell) for cell in row), file=f)
    sys.stdout.write(text)
    print(f"wrote {out / 'report.txt'} ({len(text.splitlines())} lines)")
    with open("out/summary.csv") as f:
        header = f.readline().strip().split(",")
        body = [line.rstrip("\n").split(",") for line in f]
    print(f"summary.csv: columns {header}, {len(body)} rows; worst service {max(body, key=lambda r: int(r[2]))[0]}")


main(sys.argv[1:])
