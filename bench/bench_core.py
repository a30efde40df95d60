"""Benchmark of the foundation (issue 2): import, check and one interactive save, with baselines.

Run: python bench/bench_core.py [--candidates 50000] [--out bench/out]
Prints each figure, its baseline measured in the same run, and the ratio.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def dataset(folder: Path, candidates: int) -> tuple[Path, Path]:
    from monmaster_desktop.demo import generate, write_csv_files

    cands, apps = folder / "candidates.csv", folder / "applications.csv"
    stamp = folder / f".n{candidates}"
    if not stamp.exists():
        folder.mkdir(parents=True, exist_ok=True)
        write_csv_files(generate(candidates, seed=2024), folder)
        stamp.touch()
    return cands, apps


def raw_import(cands: Path, apps: Path, target: Path) -> float:
    """The floor: csv + sqlite3 executemany in one transaction, no validation."""
    start = time.perf_counter()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    for path, table, index in ((cands, "c", "candidate_number"), (apps, "a", "candidate_number")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            columns = ", ".join(f'"{h}" TEXT' for h in header)
            conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, {columns})")
            unique = "UNIQUE" if table == "c" else ""
            conn.execute(f"CREATE {unique} INDEX ix_{table} ON {table}({index})")
            marks = ", ".join("?" for _ in header)
            names = ", ".join(f'"{h}"' for h in header)
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", reader)
            conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def raw_check(path: Path) -> float:
    """The floor of check: the same rows read with one sqlite3 query per table."""
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute(
        "SELECT id, nationality, residence_country, diploma, diploma_status, repeating_m1, "
        "ves_vap, automatic_admission, enrolment_history, candidate_number, ine, last_name, "
        "first_name FROM candidate ORDER BY candidate_number"
    ).fetchall()
    conn.execute(
        "SELECT a.candidate_id, i.code, c.mention, c.training_type, a.phase, a.status, "
        "a.submitted_on, c.parcours, k.year, a.waitlist_rank, a.rejection_reason, "
        "a.notified_on, a.accepted_on, a.registered_on, c.head_deadline, a.id "
        "FROM application a JOIN course c ON a.course_id = c.id "
        "JOIN institution i ON c.institution_id = i.id JOIN campaign k ON a.campaign_id = k.id"
    ).fetchall()
    conn.close()
    return time.perf_counter() - start


def interactive_saves(db, count: int = 41) -> list[float]:  # noqa: ANN001
    """Seconds of ``count`` saves of one waitlisted application (its rank changed each time),
    as a clerk saves from the editor: rules, audit, stored status and the reloaded file."""
    from monmaster_desktop.controllers.applications import ApplicationController
    from monmaster_desktop.controllers.candidates import CandidateController
    from monmaster_desktop.domain import ApplicationStatus

    candidates, controller = CandidateController(db), ApplicationController(db)
    cid, view = next(
        (cid, view)
        for cid in range(1, 2000)
        for view in candidates.get_file(cid).applications
        if view.data.status is ApplicationStatus.WAITLISTED
    )
    samples = []
    for i in range(count):
        data = replace(view.data, waitlist_rank=(i % 7) + 1)
        start = time.perf_counter()
        outcome = controller.save(cid, data, application_id=view.id, expected_version=view.version)
        samples.append(time.perf_counter() - start)
        view = next(v for v in outcome.file.applications if v.id == view.id)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    args = parser.parse_args()

    from goals import report

    from monmaster_desktop.controllers.checks import iter_checked
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.db import Database

    cands, apps = dataset(args.out / f"data-{args.candidates}", args.candidates)
    rows = sum(1 for _ in apps.open(encoding="utf-8")) - 1
    print(f"data set: {args.candidates:,} candidates, {rows:,} applications")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        floor = raw_import(cands, apps, scratch / "raw.sqlite")
        db = Database(scratch / "app.sqlite")
        start = time.perf_counter()
        result = ImportController(db).run(cands, apps)
        ours = time.perf_counter() - start
        assert not result.problems, result.problems[:3]
        print(f"(a) import     {ours:7.2f} s   raw csv+executemany {floor:6.2f} s   "
              f"ratio {ours / floor:4.2f}× (goal ≤ 2×: reported by bench_data.py, median of runs)")

        as_of = date(2024, 7, 20)
        floor = min(raw_check(db.path) for _ in range(3))
        times = []
        for _ in range(3):
            start = time.perf_counter()
            count = sum(1 for _ in iter_checked(db, as_of))
            times.append(time.perf_counter() - start)
        ours = min(times)
        report(f"(b) check, every candidate ({count:,})", ours, "s", 3,
               baseline=floor, baseline_what="raw sqlite3 read of the rows", extra="best of 3")

        samples = interactive_saves(db)
        report("(c) one interactive save, median (rules, audit, reload)",
               statistics.median(samples) * 1000, "ms", 20, extra=f"median of {len(samples)}")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
