"""Export benchmark (issue 15, goals 4 and 6): every application of the 50k-candidate base
(~410,000 rows) to CSV and to XLSX, against a bare query + csv.writer of the same columns.

Run: ``python bench/bench_exports.py [--runs 3]``. The demo database is built once under
``bench/out/`` (gitignored; the same file as bench_desk.py's) and reused. Each measurement runs
in a fresh interpreter, the three kinds alternated run after run, so that the machine's load
falls on all of them alike; the figures are medians and the ratios are taken within each run.

- bare: sqlite3 ``SELECT`` of the export's 18 columns over the same five-table join (no ORDER
  BY, no labels, dates as stored) written by ``csv.writer``: the floor.
- csv / xlsx: ``ExportController.export("applications", ...)`` on the whole list, database
  opening included, as ``monmaster-desktop export applications`` does.
- memory: the peak resident size of the exporting process (``ru_maxrss``) and its size after.

``--server`` copies the base to a throwaway local PostgreSQL server (``transfer``) and measures
the same there (the bare floor then reads with psycopg).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "out"
DATABASE = OUT / "desk-50k.sqlite"
CANDIDATES = 50_000
AS_OF = date(2024, 7, 20)
GOAL_CSV_RATIO, GOAL_XLSX_RATIO, GOAL_RSS_MB = 3.0, 2.0, 250.0

BARE_QUERY = """
SELECT c.candidate_number, cp.year, a.phase, i.code, i.name, co.mention, co.parcours,
       co.training_type, a.submitted_on, a.status, a.waitlist_rank, a.rejection_reason,
       a.notified_on, a.accepted_on, a.registered_on, c.last_name, c.first_name,
       a.explanation_last_day
FROM application a
JOIN candidate c ON c.id = a.candidate_id
JOIN course co ON co.id = a.course_id
JOIN institution i ON i.id = co.institution_id
JOIN campaign cp ON cp.id = a.campaign_id
"""


def ensure_database() -> Path:
    if not DATABASE.exists():
        from monmaster_desktop.controllers.demo import build_demo_database

        OUT.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        print(f"Building {DATABASE.name} ({CANDIDATES:,} candidates)…", flush=True)
        build_demo_database(DATABASE, candidates=CANDIDATES)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return DATABASE


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(kind: str, database: Path | str, folder: Path) -> None:
    """One export in this fresh interpreter; prints its figures as JSON."""
    os.environ["MONMASTER_DESKTOP_HOME"] = str(folder / "home")
    if kind != "bare":
        from monmaster_desktop.controllers.exports import ExportController
        from monmaster_desktop.db import Database
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    if kind == "bare":
        started = time.perf_counter()
        if str(database).startswith("postgresql:"):
            import psycopg

            conn = psycopg.connect(str(database))
        else:
            conn = sqlite3.connect(database)
        with (folder / "bare.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, delimiter=";")
            writer.writerows(conn.execute(BARE_QUERY))
        conn.close()
        rows = None
    else:
        started = time.perf_counter()
        with Database(database) as db:
            rows = ExportController(db).export(
                "applications", folder / f"applications.{kind}", as_of=AS_OF
            )
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    size = (folder / ("bare.csv" if kind == "bare" else f"applications.{kind}")).stat().st_size
    print(json.dumps({
        "seconds": seconds, "cpu": cpu, "rows": rows, "peak_mb": peak, "after_mb": _rss_mb(),
        "file_mb": size / 1e6,
    }))  # fmt: skip


def server_copy() -> tuple[object, str]:
    """A throwaway local PostgreSQL server holding the same base (``transfer``): the server,
    and the base's address."""
    from monmaster_desktop.db.roles import init_server
    from monmaster_desktop.local_server import LocalServer
    from monmaster_desktop.transfer import transfer

    server = LocalServer().start()
    server.admin("CREATE DATABASE bench_exports")
    url = server.url_for("bench_exports")
    started = time.perf_counter()
    print("Copying the base to a local PostgreSQL server…", flush=True)
    init_server(url)
    transfer(DATABASE, url)
    print(f"  copied in {time.perf_counter() - started:.0f} s", flush=True)
    return server, url


def measure(kind: str, database: Path | str, folder: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--database", str(database),
         "--folder", str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("bare", "csv", "xlsx"))
    parser.add_argument("--database")
    parser.add_argument(
        "--server", action="store_true", help="the same base on a throwaway PostgreSQL server"
    )
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    if args.child:
        server_url = args.database.startswith("postgresql:")
        child(args.child, args.database if server_url else Path(args.database), args.folder)
        return 0

    database: Path | str = ensure_database()
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        applications = conn.execute("SELECT count(*) FROM application").fetchone()[0]
    server = None
    if args.server:
        server, database = server_copy()
    where = "a PostgreSQL server" if args.server else DATABASE.name
    print(f"{where}: {applications:,} applications; {args.runs} run(s), medians")
    try:
        runs, loads = run_all(database, args.runs)
    finally:
        if server is not None:
            server.stop()
    report(runs, loads, "psycopg" if args.server else "sqlite3")
    return 0


def run_all(database: Path | str, count: int) -> tuple[list[dict[str, dict]], list[float]]:
    runs: list[dict[str, dict]] = []
    loads: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-exports-", dir=OUT) as scratch:
        for number in range(count):
            loads.append(os.getloadavg()[0])
            run = {kind: measure(kind, database, Path(scratch)) for kind in ("bare", "csv", "xlsx")}
            runs.append(run)
            print(
                f"  run {number + 1}: bare {run['bare']['seconds']:5.2f} s   "
                f"csv {run['csv']['seconds']:5.2f} s   xlsx {run['xlsx']['seconds']:5.2f} s   "
                f"(CPU {run['bare']['cpu']:5.2f} / {run['csv']['cpu']:5.2f} / "
                f"{run['xlsx']['cpu']:5.2f} s; load {loads[-1]:.2f})",
                flush=True,
            )
    return runs, loads


def report(runs: list[dict[str, dict]], loads: list[float], driver: str) -> None:
    """The three goals through bench/goals.py (medians; the ratios of the medians), then the
    medians of the ratios taken within each run and the CPU times, for the noise."""
    from goals import report as goal

    def median(kind: str, key: str = "seconds") -> float:
        return statistics.median(run[kind][key] for run in runs)

    def ratio(kind: str, base: str, key: str = "seconds") -> float:
        return statistics.median(run[kind][key] / run[base][key] for run in runs)

    rows = runs[0]["csv"]["rows"]
    where = " (server)" if driver == "psycopg" else ""
    print(f"load average during the runs: {', '.join(f'{x:.2f}' for x in loads)}")
    goal(f"CSV export, {rows:,} applications{where}", median("csv"), "s", GOAL_CSV_RATIO,
         baseline=median("bare"), baseline_what=f"bare SELECT + csv.writer ({driver})",
         extra=f"{median('csv', 'file_mb'):.0f} MB")  # fmt: skip
    goal(f"XLSX export, {rows:,} applications{where}", median("xlsx"), "s", GOAL_XLSX_RATIO,
         baseline=median("csv"), baseline_what="our CSV export",
         extra=f"{median('xlsx', 'file_mb'):.0f} MB")  # fmt: skip
    peak = max(run[kind]["peak_mb"] for run in runs for kind in ("csv", "xlsx"))
    goal(f"peak memory of a {rows:,}-row export{where}", peak, "MB", GOAL_RSS_MB,
         extra=f"after: csv {median('csv', 'after_mb'):.0f} MB, "
               f"xlsx {median('xlsx', 'after_mb'):.0f} MB")  # fmt: skip
    print(
        f"  within each run (median): csv / bare {ratio('csv', 'bare'):.2f}×, "
        f"xlsx / csv {ratio('xlsx', 'csv'):.2f}×; CPU time: bare {median('bare', 'cpu'):.2f} s, "
        f"csv {median('csv', 'cpu'):.2f} s ({ratio('csv', 'bare', 'cpu'):.2f}×), "
        f"xlsx {median('xlsx', 'cpu'):.2f} s ({ratio('xlsx', 'csv', 'cpu'):.2f}× csv)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
