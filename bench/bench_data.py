"""Benchmark of data in and out (issues 5, 15): the 50k/410k-row import and the exports.

Run: python bench/bench_data.py [--candidates 50000] [--out bench/out] [--runs 3] [--skip-exports]
(a) import of the candidates and applications files into a base that holds none yet (its
    schema made beforehand), against a bare csv + sqlite3 executemany of the same files into
    bare tables in one transaction, measured in the same run, twice: through the import
    controller in this process, and as the whole command (``monmaster-desktop import``:
    process start, migrations check, reading, checks, writes, audit, stored status and search
    words) — goal ≤ 2× bare (issue 15);
(b) export of every application row to CSV and to XLSX.
Each run prints its load average; the goals are reported on the medians of the runs.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from goals import report  # noqa: E402

AS_OF = date(2024, 7, 20)
IMPORT_GOAL = 2.0


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


def bare_import(files: dict[str, Path], target: Path) -> float:
    """The floor: read with csv, insert with executemany into bare text tables (one per file)
    in one transaction, no checks."""
    start = time.perf_counter()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("BEGIN")
    for table, path in files.items():
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            columns = ", ".join(f'"{name}" TEXT' for name in header)
            conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, {columns})")
            names = ", ".join(f'"{name}"' for name in header)
            marks = ", ".join("?" for _ in header)
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", reader)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def desk_command() -> list[str]:
    """The installed ``monmaster-desktop`` beside this interpreter (else ``python -m``)."""
    script = Path(sys.executable).with_name("monmaster-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "monmaster_desktop"]


def copy_base(source: Path, target: Path) -> Path:
    """A copy of a closed base (its WAL checkpointed at close), for one timed import."""
    shutil.copyfile(source, target)
    return target


def import_runs(cands: Path, apps: Path, rows: int, scratch: Path, runs: int) -> dict:
    """Each run: the bare floor, the controller in this process, the whole command; each
    import into its own copy of a base with the schema and no candidate."""
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.db import Database

    prepared = scratch / "prepared.sqlite"
    Database(prepared).close()  # the schema and the built-in data, no candidate yet
    env = os.environ | {"MONMASTER_DESKTOP_HOME": str(scratch / "home")}
    figures: dict[str, list[float]] = {"bare": [], "controller": [], "command": [], "load": []}
    for run in range(runs):
        load = os.getloadavg()[0]
        folder = scratch / f"run-{run}"
        folder.mkdir()
        floor = bare_import({"candidate": cands, "application": apps}, folder / "bare.sqlite")

        base = copy_base(prepared, folder / "controller.sqlite")
        with Database(base) as db:
            start = time.perf_counter()
            result = ImportController(db).run(cands, apps)
            controller = time.perf_counter() - start
        assert not result.problems, result.problems[:3]
        assert result.applications_created == rows, result.applications_created

        base = copy_base(prepared, folder / "command.sqlite")
        start = time.perf_counter()
        done = subprocess.run(
            [*desk_command(), "import", str(cands), str(apps), "--database", str(base)],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        command = time.perf_counter() - start
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        shutil.rmtree(folder)
        print(
            f"    run {run + 1}: bare {floor:5.2f} s   controller {controller:6.2f} s "
            f"({controller / floor:4.2f}×)   whole command {command:6.2f} s "
            f"({command / floor:4.2f}×)   load average {load:.1f}",
            flush=True,
        )
        for key, value in (
            ("bare", floor),
            ("controller", controller),
            ("command", command),
            ("load", load),
        ):
            figures[key].append(value)
    return {key: statistics.median(values) for key, values in figures.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=50_000)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    parser.add_argument("--runs", type=int, default=3, help="import runs (medians reported)")
    parser.add_argument("--skip-exports", action="store_true", help="only the import")
    args = parser.parse_args()

    from monmaster_desktop.controllers.exports import ExportController
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.db import Database

    cands, apps = dataset(args.out / f"data-{args.candidates}", args.candidates)
    with apps.open(encoding="utf-8") as handle:
        rows = sum(1 for _ in handle) - 1
    with cands.open(encoding="utf-8") as handle:
        people = sum(1 for _ in handle) - 1
    print(f"data set: {args.candidates:,} candidates, {rows:,} applications ({apps})")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        medians = import_runs(cands, apps, rows, scratch, args.runs)
        load = f"median of {args.runs}, load average {medians['load']:.1f}"
        report(
            f"(a) import {people:,} candidates + {rows:,} applications, in process",
            medians["controller"],
            "s",
            IMPORT_GOAL,
            baseline=medians["bare"],
            baseline_what="bare csv + executemany",
            extra=load,
        )
        report(
            f"(a) import {people:,} candidates + {rows:,} applications, whole command",
            medians["command"],
            "s",
            IMPORT_GOAL,
            baseline=medians["bare"],
            baseline_what="bare csv + executemany",
            extra=load,
        )
        if args.skip_exports:
            return 0
        with Database(scratch / "desk.sqlite") as db:
            controller = ImportController(db)
            for path in (cands, apps):
                result = controller.run(path, None) if path is cands else controller.run(None, path)
                assert not result.problems, result.problems[:3]
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
