#!/usr/bin/env python3
"""Benchmark the translation service: start it, load it with Locust, print the figures.

    .venv/bin/python scripts/bench_service.py [--users 50] [--duration 20] [--workers 1]

Runs scenarios against a fresh service (own data dir, free loopback port): `cached`
(every request a cache hit, after a warm-up), `uncached` (a new small function every
request) and `quality` (a new program every request in quality mode: a sandboxed CPython
run, a sandboxed build and a sandboxed run of the binary; `--quality-users` users).
Prints p50/p95/p99, requests/s and error rate for each and checks the first two against
the goals (>= 1000 req/s cached, >= 150 req/s uncached, p95 < 100 ms, no errors); quality
mode has no goal, its figures are reported.  Exits non-zero when the service fails to start.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOADTEST = ROOT / "loadtest"
GOALS = {"cached": 1000.0, "uncached": 150.0}
USERS = {"cached": "CachedUser", "uncached": "UncachedUser", "quality": "QualityUser"}
P95_GOAL_MS = 100.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


def start_service(data_dir: Path, port: int, workers: int, log_path: Path) -> subprocess.Popen:
    env = {**os.environ, "PORTALIS_DATA_DIR": str(data_dir), "PORTALIS_PORT": str(port),
           "PORTALIS_WORKERS": str(workers), "PORTALIS_LOG_LEVEL": "warning"}
    code = "from portalis.service.server import run_server; run_server()"
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=data_dir,
                            stdout=log_path.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"service exited with {proc.returncode}; see {log_path}:\n{log_path.read_text()[-3000:]}")
        try:
            if request(f"http://127.0.0.1:{port}/ready")[0] == 200:
                return proc
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.2)
    stop(proc)
    sys.exit(f"service not ready after 60 s; see {log_path}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def warm(base: str) -> None:
    sys.path.insert(0, str(LOADTEST))
    from locustfile import SNIPPETS

    for snippet in SNIPPETS:
        status, body = request(base + "/api/v1/translation/translate", {"python_code": snippet, "mode": "fast"})
        if status != 200:
            print(f"warning: a benchmark snippet is not translatable ({status}): "
                  f"{body.get('diagnostics') or body.get('message')}\n{snippet}", file=sys.stderr)


def run_locust(base: str, user_class: str, users: int, duration: int, out: Path) -> dict:
    prefix = out / user_class
    cmd = [sys.executable, "-m", "locust", "-f", str(LOADTEST / "bench_locustfile.py"), "--headless",
           "-u", str(users), "-r", str(users), "-t", f"{duration}s", "--host", base,
           "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", user_class]
    subprocess.run(cmd, cwd=LOADTEST, stdout=subprocess.DEVNULL, stderr=(out / f"{user_class}.log").open("w"))
    with open(f"{prefix}_stats.csv") as fh:
        row = next(r for r in csv.DictReader(fh) if r["Name"] == "Aggregated")
    count, failures = int(row["Request Count"]), int(row["Failure Count"])
    return {"requests": count, "rps": float(row["Requests/s"]), "p50": float(row["50%"]),
            "p95": float(row["95%"]), "p99": float(row["99%"]),
            "error_rate": failures / count if count else 1.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=20, help="seconds per scenario")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn processes")
    parser.add_argument("--scenarios", default="cached,uncached,quality")
    parser.add_argument("--quality-users", type=int, default=4, help="users of the quality scenario")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="portalis-bench-") as tmp:
        out = Path(tmp)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        (out / "data").mkdir()
        proc = start_service(out / "data", port, args.workers, out / "service.log")
        try:
            warm(base)
            figures = {}
            for scenario in args.scenarios.split(","):
                users = args.quality_users if scenario == "quality" else args.users
                figures[scenario] = run_locust(base, USERS[scenario], users, args.duration, out)
        finally:
            stop(proc)

    print(f"\nPortalis service benchmark: {args.users} users, {args.duration} s per scenario, "
          f"{args.workers} uvicorn process(es), {os.cpu_count()} CPUs")
    print(f"{'scenario':<10} {'requests':>9} {'req/s':>9} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>7}  goal")
    for scenario, f in figures.items():
        line = (f"{scenario:<10} {f['requests']:>9} {f['rps']:>9.1f} {f['p50']:>7.0f} {f['p95']:>7.0f} "
                f"{f['p99']:>7.0f} {f['error_rate']:>7.2%}  ")
        if scenario in GOALS:
            met = f["rps"] >= GOALS[scenario] and f["p95"] < P95_GOAL_MS and f["error_rate"] == 0
            line += (f"{'met' if met else 'NOT met'} "
                     f"(>= {GOALS[scenario]:.0f} req/s, p95 < {P95_GOAL_MS:.0f} ms, 0 errors)")
        else:
            line += f"reported ({args.quality_users} users, sandbox on)"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
