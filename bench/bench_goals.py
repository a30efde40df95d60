"""Every speed goal of the desk in one run: each bench script in turn, then one table.

Run: python bench/bench_goals.py [--server] [--only desk,data,exports,sheets,core,server]
Each script measures its own baseline in the same run (a bare window, a bare csv+sqlite3 load,
a bare SELECT+csv.writer, Qt's bare drawing…) and reports through ``bench/goals.py``; this
script gathers those reports and prints them as the README's table (Markdown).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = {
    "desk": "bench_desk.py",
    "data": "bench_data.py",
    "exports": "bench_exports.py",
    "sheets": "bench_sheets.py",
    "core": "bench_core.py",
    "server": "bench_server_core.py",
    "server-desk": "bench_server.py",
    "server-load": "bench_server_load.py",
}
#: Arguments a script gets here (the exports have their own script, not bench_data's).
ARGUMENTS = {"data": ["--skip-exports"]}
SERVER = ("server", "server-desk", "server-load")
DEFAULT = ("desk", "data", "exports", "sheets", "core")


def run(names: list[str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as scratch:
        results = Path(scratch) / "goals.jsonl"
        env = os.environ | {"MONMASTER_BENCH_RESULTS": str(results)}
        for name in names:
            print(f"\n=== {SCRIPTS[name]} ===", flush=True)
            started = time.perf_counter()
            command = [sys.executable, str(HERE / SCRIPTS[name]), *ARGUMENTS.get(name, [])]
            code = subprocess.call(command, env=env)
            print(
                f"=== {SCRIPTS[name]}: exit {code}, {time.perf_counter() - started:.0f} s",
                flush=True,
            )
        if not results.exists():
            return []
        return [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]


def markdown(goals: list[dict]) -> str:
    lines = ["| what | measured | baseline (same run) | ratio | goal |", "|---|---|---|---|---|"]
    for g in goals:
        value = f"{g['value']:,.1f} {g['unit']}"
        if g["baseline"]:
            ratio = g["value"] / g["baseline"]
            met = ratio <= g["limit"]
            base = f"{g['baseline_what']} {g['baseline']:,.1f} {g['unit']}"
            shown_ratio, goal = f"{ratio:.2f}×", f"≤ {g['limit']:g}×"
        else:
            met = g["value"] <= g["limit"]
            base, shown_ratio, goal = "", "", f"≤ {g['limit']:g} {g['unit']}"
        lines.append(
            f"| {g['what']} | {value} | {base} | {shown_ratio} | {goal}{'' if met else ' — missed'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--server", action="store_true", help="also the PostgreSQL server's figures"
    )
    parser.add_argument("--only", default="", help="comma-separated: " + ",".join(SCRIPTS))
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(DEFAULT) + (
        list(SERVER) if args.server else []
    )
    unknown = [n for n in names if n not in SCRIPTS]
    if unknown:
        parser.error(f"unknown: {', '.join(unknown)}")
    load = os.getloadavg()[0]
    goals = run(names)
    print(f"\nAll goals (load average at start {load:.1f}):\n")
    print(markdown(goals))
    missed = [
        g["what"]
        for g in goals
        if not ((g["value"] / g["baseline"] if g["baseline"] else g["value"]) <= g["limit"])
    ]
    print(
        f"\n{len(goals) - len(missed)} of {len(goals)} goals met"
        + (f"; missed: {', '.join(missed)}" if missed else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
