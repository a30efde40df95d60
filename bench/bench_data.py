"""Benchmark of data in and out (issue 5): the 400k-row applications import and list exports.

Run: python bench/bench_data.py [--candidates 50000] [--out bench/out]
(a) import of the applications file through the full path (parse, validate, write; the
    candidates file is imported first, not timed) against a bare csv + sqlite3 executemany
    of the same file in one transaction, measured in the same run;
(b) export of every application row to CSV and to XLSX.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
AS_OF = date(2024, 7, 20)


def dataset(folder: Path, candidates: int) -> tuple[Path, Path]:
    """The demo data set of ``candidates`` candidates, generated once and cached in ``folder``."""
    from monmaster_desktop.demo import generate, write_csv_files

    cands, apps = folder / "candidates.csv", folder / "applications.csv"
    stamp = folder / f".n{candidates}"
    if not stamp.exists():
        folder.mkdir(parents=True, exist_ok=True)
        write_csv_files(generate(candidates, seed=2024), folder)
        stamp.touch()
    return cands, apps


def bare_import(apps: Path, target: Path) -> float:
    """The floor: read with csv, insert with executemany in one transaction, no checks."""
    start = time.perf_counter()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # as the desk's own connections
    with apps.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        columns = ", ".join(f'"{name}" TEXT' for name in header)
        conn.execute(f"CREATE TABLE application (id INTEGER PRIMARY KEY, {columns})")
        names = ", ".join(f'"{name}"' for name in header)
        marks = ", ".join("?" for _ in header)
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO application ({names}) VALUES ({marks})", reader)
        conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    args = parser.parse_args()

    from monmaster_desktop.controllers.exports import ExportController
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.db import Database

    cands, apps = dataset(args.out / f"data-{args.candidates}", args.candidates)
    with apps.open(encoding="utf-8") as handle:
        rows = sum(1 for _ in handle) - 1
    print(f"data set: {args.candidates:,} candidates, {rows:,} applications ({apps})")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        floor = bare_import(apps, scratch / "bare.sqlite")
        with Database(scratch / "desk.sqlite") as db:
            controller = ImportController(db)
            prepared = controller.run(cands, None)
            assert not prepared.problems, prepared.problems[:3]
            start = time.perf_counter()
            result = controller.run(None, apps)
            ours = time.perf_counter() - start
            assert not result.problems, result.problems[:3]
            assert result.applications_created == rows
            print(
                f"(a) import of {rows:,} applications  {ours:6.2f} s   "
                f"bare csv + executemany {floor:5.2f} s   ratio {ours / floor:4.2f}×"
            )
            exporter = ExportController(db)
            for suffix in ("csv", "xlsx"):
                target = scratch / f"applications.{suffix}"
                start = time.perf_counter()
                count = exporter.export("applications", target, as_of=AS_OF)
                spent = time.perf_counter() - start
                size = target.stat().st_size / 1e6
                print(
                    f"(b) export {suffix.upper():<4} {count:,} rows  {spent:6.2f} s   "
                    f"{count / spent:8,.0f} rows/s   {size:5.1f} MB"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
