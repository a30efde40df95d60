"""Benchmark of the engine core on a PostgreSQL server (issue 10, item 9), beside SQLite.

Run: python bench/bench_server_core.py [--candidates 50000] [--out bench/out] [--url URL]

Without --url it starts a throwaway local server (monmaster_desktop.local_server). For each
engine it prints, against a baseline measured in the same run:
  (a) import of the CSV files through the import controller vs a bare load of the same rows
      into bare tables (server: csv + COPY; file: csv + executemany) — goal ≤ 1.5× on the server;
      on the server also the whole ``monmaster-desktop import`` command, process start included;
  (b) check of every candidate vs a bare driver read of the same rows — goal ≤ 3×;
  (c) one interactive save (rules, audit, status, reloaded file) — goal ≤ 20 ms median;
  (d) ``backup`` of the whole base to one consistent SQLite snapshot (no goal: for the record).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from bench_core import dataset, interactive_saves, raw_check, raw_import  # noqa: E402

CHECK_CANDIDATES = (
    "SELECT id, nationality, residence_country, diploma, diploma_status, repeating_m1, "
    "ves_vap, automatic_admission, enrolment_history, candidate_number, ine, last_name, "
    "first_name FROM candidate ORDER BY candidate_number"
)
CHECK_APPLICATIONS = (
    "SELECT a.candidate_id, i.code, c.mention, c.training_type, a.phase, a.status, "
    "a.submitted_on, c.parcours, k.year, a.waitlist_rank, a.rejection_reason, "
    "a.notified_on, a.accepted_on, a.registered_on, c.head_deadline, a.id "
    "FROM application a JOIN course c ON a.course_id = c.id "
    "JOIN institution i ON c.institution_id = i.id JOIN campaign k ON a.campaign_id = k.id"
)


def bare_copy(cands: Path, apps: Path, url: str) -> float:
    """The server's floor: csv + COPY into bare text tables (one index each), one transaction."""
    import psycopg

    with psycopg.connect(url) as conn:
        start = time.perf_counter()
        for path, table, index in (
            (cands, "c", "candidate_number"),
            (apps, "a", "candidate_number"),
        ):
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.reader(handle)
                header = next(reader)
                columns = ", ".join(f'"{h}" text' for h in header)
                conn.execute(f"CREATE TABLE {table} (id serial PRIMARY KEY, {columns})")
                unique = "UNIQUE" if table == "c" else ""
                conn.execute(f"CREATE {unique} INDEX ix_{table} ON {table}({index})")
                names = ", ".join(f'"{h}"' for h in header)
                with conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in reader:
                        copy.write_row(row)
        conn.commit()
        return time.perf_counter() - start


def whole_command(cands: Path, apps: Path, target: str) -> float:
    """``monmaster-desktop import`` of both files as a process of its own (start included)."""
    import os
    import subprocess

    script = Path(sys.executable).with_name("monmaster-desktop")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "monmaster_desktop"]
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        done = subprocess.run(
            [*command, "import", str(cands), str(apps), "--database", target],
            env=os.environ | {"MONMASTER_DESKTOP_HOME": home},
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        spent = time.perf_counter() - start
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return spent


def bare_read(url: str) -> float:
    """The floor of check on the server: the same rows, one psycopg query per table."""
    import psycopg

    with psycopg.connect(url) as conn:
        start = time.perf_counter()
        conn.execute(CHECK_CANDIDATES).fetchall()
        conn.execute(CHECK_APPLICATIONS).fetchall()
        return time.perf_counter() - start


def measure(db, cands: Path, apps: Path, floor_import: float, floor_read) -> dict:  # noqa: ANN001
    import monmaster_desktop.db.postgresql as server_module
    from monmaster_desktop.controllers.checks import iter_checked
    from monmaster_desktop.controllers.imports import ImportController

    figures = {}
    copying = [0.0]
    real_copy = server_module.copy_rows

    def timed_copy(*args):  # noqa: ANN002, ANN202
        started = time.perf_counter()
        real_copy(*args)
        copying[0] += time.perf_counter() - started

    server_module.copy_rows = timed_copy
    start = time.perf_counter()
    try:
        result = ImportController(db).run(cands, apps)
    finally:
        server_module.copy_rows = real_copy
    figures["import"] = (time.perf_counter() - start, floor_import)
    figures["copy"] = copying[0]
    assert not result.problems, result.problems[:3]

    as_of = date(2024, 7, 20)
    floor = min(floor_read() for _ in range(3))
    times = []
    for _ in range(3):
        start = time.perf_counter()
        count = sum(1 for _ in iter_checked(db, as_of))
        times.append(time.perf_counter() - start)
    figures["check"] = (min(times), floor)
    figures["checked"] = count

    samples = interactive_saves(db)
    figures["save"] = statistics.median(samples)

    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        db.snapshot(Path(scratch) / "instantane.sqlite")
        figures["snapshot"] = time.perf_counter() - start
    return figures


def print_figures(engine: str, figures: dict, floor_name: str, read_name: str) -> None:
    ours, floor = figures["import"]
    print(
        f"{engine:<10} (a) import {ours:7.2f} s   {floor_name:<24} {floor:6.2f} s   "
        f"ratio {ours / floor:4.2f}×"
    )
    if figures["copy"]:
        print(
            f"{engine:<10}     of which COPY into the real tables {figures['copy']:6.2f} s "
            f"(constraints, keys, indexes, triggers)   ratio {figures['copy'] / floor:4.2f}×"
        )
    ours, floor = figures["check"]
    print(
        f"{engine:<10} (b) check  {ours:7.2f} s   {read_name:<24} {floor:6.2f} s   "
        f"ratio {ours / floor:4.2f}×   [{figures['checked']:,} candidates]"
    )
    print(f"{engine:<10} (c) save   {figures['save'] * 1000:7.1f} ms median of 41")
    print(f"{engine:<10} (d) backup {figures['snapshot']:7.2f} s   one consistent SQLite snapshot")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    parser.add_argument("--url", help="an existing server's maintenance URL (default: a local one)")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()

    from goals import report

    from monmaster_desktop.db import Database
    from monmaster_desktop.db.roles import init_server
    from monmaster_desktop.local_server import LocalServer

    cands, apps = dataset(args.out / f"data-{args.candidates}", args.candidates)
    rows = sum(1 for _ in apps.open(encoding="utf-8")) - 1
    print(f"data set: {args.candidates:,} candidates, {rows:,} applications")

    server = None
    if args.url:
        admin_url = args.url
    else:
        server = LocalServer().start()
        admin_url = server.url_for("postgres")
    try:
        import psycopg

        with psycopg.connect(admin_url, autocommit=True) as conn:
            for name in ("bench_bare", "bench_app", "bench_cmd"):
                conn.execute(f"DROP DATABASE IF EXISTS {name}")
                conn.execute(f"CREATE DATABASE {name}")
        base = admin_url.rsplit("/", 1)[0]
        floor = bare_copy(cands, apps, f"{base}/bench_bare")
        init_server(f"{base}/bench_app")
        with Database(f"{base}/bench_app") as db:
            server_figures = measure(db, cands, apps, floor, lambda: bare_read(f"{base}/bench_app"))
        print_figures("server", server_figures, "csv + bare COPY", "bare psycopg read")
        ours, bare = server_figures["import"]
        report("server: import, in process", ours, "s", 1.5, baseline=bare, baseline_what="csv + bare COPY")
        ours, bare = server_figures["check"]
        report("server: check, every candidate", ours, "s", 3, baseline=bare,
               baseline_what="bare psycopg read")
        report("server: one save, median of 41", server_figures["save"] * 1000, "ms", 20)
        init_server(f"{base}/bench_cmd")
        whole = whole_command(cands, apps, f"{base}/bench_cmd")
        report("server: import, whole command", whole, "s", 1.5, baseline=floor,
               baseline_what="csv + bare COPY")
    finally:
        if server is not None:
            server.stop()

    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as scratch:
            scratch = Path(scratch)
            floor = raw_import(cands, apps, scratch / "raw.sqlite")
            with Database(scratch / "app.sqlite") as db:
                file_figures = measure(db, cands, apps, floor, lambda: raw_check(db.path))
            print_figures("file", file_figures, "csv + bare executemany", "bare sqlite3 read")
    return 0


if __name__ == "__main__":
    sys.exit(main())
