"""Load and faults benchmark (not a test): 10 desks on one server, and the same on one file.

Run: ``python bench/bench_server_load.py`` (``--seconds 60 --desks 10`` by default). It starts a
throwaway PostgreSQL on the loopback (``monmaster_desktop.local_server``) and makes a SQLite
file (WAL) beside it, fills both with the same candidates, then runs the same load on each,
one after the other: DESKS processes for SECONDS, each opening candidate files, saving them
(with the optimistic version check a clerk's save uses), importing small files and listing.

It reports saves/s, p50/p95 save latency, conflicts detected (a save refused because another
desk saved the file first), and checks that **no update was lost** — every save confirmed to
a desk is in the base: no two confirmed saves of one file got the same version, the stored
value is the one of the newest confirmed save, and the audit trail holds one entry per
confirmed save — and that no desk met an unexpected error.

Then the faults: a desk killed (SIGKILL) in the middle of an import leaves all of it or none
of it, on both engines; the server restarted (immediate stop, as a crash) while a desk saves:
each save is either confirmed and there, or refused with a French message, and the desk
saves again once the server is back.

Loopback only; every loop is bounded by time and by a count.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = date(2024, 7, 20)
#: A desk's hot files: most saves fall on these, so that desks meet each other.
HOT = 40
MAX_OPERATIONS = 1_000_000
IMPORT_ROWS = 5
BIG_IMPORT_ROWS = 4000


def scratch_environment(folder: Path) -> None:
    os.environ["MONMASTER_DESKTOP_HOME"] = str(folder / "home")


# -- the data ----------------------------------------------------------------------------------


def write_candidates(path: Path, count: int, prefix: str, seed: int) -> Path:
    """A candidates file of ``count`` generated rows numbered ``PREFIX-000001``... (no INE)."""
    from monmaster_desktop.demo import CANDIDATE_COLUMNS, generate

    data = generate(count, seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CANDIDATE_COLUMNS)
        writer.writeheader()
        for number, row in enumerate(data.candidates, start=1):
            writer.writerow(row | {"candidate_number": f"{prefix}-{number:06d}", "ine": ""})
    return path


def open_database(target: str):  # noqa: ANN201
    from monmaster_desktop.db import Database

    if target.startswith("postgresql"):
        return Database(target)
    return Database(Path(target))


def prepare(target: str, folder: Path, candidates: int) -> None:
    from monmaster_desktop.controllers.imports import ImportController

    db = open_database(target)
    try:
        result = ImportController(db).run(
            write_candidates(folder / "seed.csv", candidates, "SEED", 2024)
        )
        if result.problems:
            raise SystemExit(f"seed import refused: {result.problems[:3]}")
    finally:
        db.close()


# -- one desk (a child process) ----------------------------------------------------------------


def desk(target: str, index: int, seconds: float, out: Path, folder: Path) -> None:
    """One clerk's desk as fast as it goes: open, save, list, import; results to ``out``."""
    from monmaster_desktop.controllers.candidates import CandidateController
    from monmaster_desktop.controllers.errors import StaleRecord
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.controllers.worklists import WorklistController
    from monmaster_desktop.db import DatabaseError

    rng = random.Random(index)
    counters = defaultdict(int)
    for _attempt in range(5):  # a desk opening while nine others write may be told « occupée »
        try:
            db = open_database(target)
            break
        except DatabaseError as refused:
            counters[f"refused at opening: {refused.message[:50]}"] += 1
            time.sleep(0.5)
    else:
        raise SystemExit("the base could not be opened five times in a row")
    candidates, worklists, imports = (
        CandidateController(db),
        WorklistController(db),
        ImportController(db),
    )
    ids = worklists.candidate_ids("all", as_of=AS_OF)
    hot = ids[:HOT]
    saves: list[dict] = []
    latencies: list[float] = []
    unexpected: list[str] = []
    imported: list[str] = []
    end = time.monotonic() + seconds
    for operation in range(MAX_OPERATIONS):
        if time.monotonic() >= end:
            break
        roll = rng.random()
        try:
            if roll < 0.55:
                candidate_id = rng.choice(hot) if rng.random() < 0.5 else rng.choice(ids)
                file = candidates.get_file(candidate_id, as_of=AS_OF)
                token = f"desk{index}-{operation}"
                data = dataclasses.replace(file.candidate, notes=token)
                started = time.perf_counter()
                try:
                    outcome = candidates.save(
                        data, candidate_id=candidate_id, expected_version=file.version
                    )
                except StaleRecord:
                    counters["conflicts"] += 1
                    continue
                except DatabaseError as refused:  # busy base: refused, said, nothing written
                    counters["refused"] += 1
                    counters[f"refused: {refused.message[:60]}"] += 1
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                saves.append({"id": candidate_id, "token": token, "version": outcome.file.version})
            elif roll < 0.75:
                candidates.get_file(rng.choice(ids), as_of=AS_OF)
                counters["opens"] += 1
            elif roll < 0.95:
                worklist = rng.choice(["all", "must_contact_registrar", "not_eligible"])
                search = rng.choice(["", "", "ma", "le", "ber"])
                listed = worklists.candidate_ids(worklist, as_of=AS_OF, search=search)
                worklists.rows(listed[:100], as_of=AS_OF)
                counters["lists"] += 1
            else:
                prefix = f"D{index:02d}I{operation:06d}"
                path = write_candidates(
                    folder / f"desk{index}-import.csv", IMPORT_ROWS, prefix, operation
                )
                try:
                    result = imports.run(path)
                except DatabaseError as refused:
                    counters["refused"] += 1
                    counters[f"refused: {refused.message[:60]}"] += 1
                    continue
                if result.problems:
                    unexpected.append(f"import refused: {result.problems[0]}")
                else:
                    imported.append(prefix)
                    counters["imports"] += 1
        except Exception as exc:  # noqa: BLE001 - counted and reported, never hidden
            if db.is_disconnect(exc):
                counters["unreachable"] += 1  # the desk says « serveur injoignable »
                continue
            unexpected.append(f"{type(exc).__name__}: {str(exc)[:200]}")
    db.close()
    out.write_text(
        json.dumps(
            {
                "saves": saves,
                "latencies": latencies,
                "counters": counters,
                "unexpected": unexpected,
                "imported": imported,
            }
        )
    )


# -- the parent ---------------------------------------------------------------------------------


def run_load(target: str, desks: int, seconds: float, folder: Path) -> dict:
    results = []
    processes = []
    started = time.perf_counter()
    for index in range(desks):
        out = folder / f"desk{index}.json"
        out.unlink(missing_ok=True)
        processes.append(
            (
                out,
                subprocess.Popen(
                    [
                        sys.executable,
                        __file__,
                        "--desk",
                        target,
                        str(index),
                        str(seconds),
                        str(out),
                        str(folder),
                    ],  # fmt: skip
                    env=os.environ.copy(),
                ),
            )
        )
    for out, process in processes:
        process.wait(timeout=seconds + 300)
        if process.returncode != 0 or not out.exists():
            results.append({"crashed": process.returncode})
            continue
        results.append(json.loads(out.read_text()))
    elapsed = time.perf_counter() - started
    return summarise(target, results, elapsed, seconds)


def summarise(target: str, results: list[dict], elapsed: float, seconds: float) -> dict:
    from sqlalchemy import func, select

    from monmaster_desktop.models import AuditEntry, Candidate

    saves = [save for r in results for save in r.get("saves", [])]
    latencies = sorted(x for r in results for x in r.get("latencies", []))
    counters: dict[str, int] = defaultdict(int)
    for r in results:
        for key, value in r.get("counters", {}).items():
            counters[key] += value
    unexpected = [u for r in results for u in r.get("unexpected", [])]
    crashed = sum(1 for r in results if "crashed" in r)
    imported = [p for r in results for p in r.get("imported", [])]

    by_candidate: dict[int, list[dict]] = defaultdict(list)
    for save in saves:
        by_candidate[save["id"]].append(save)
    lost: list[str] = []
    db = open_database(target)
    try:
        with db.read() as session:
            for candidate_id, confirmed in by_candidate.items():
                versions = [s["version"] for s in confirmed]
                if len(set(versions)) != len(versions):
                    lost.append(f"{candidate_id}: two confirmed saves got one version")
                newest = max(confirmed, key=lambda s: s["version"])
                stored = session.get(Candidate, candidate_id)
                if stored is None or stored.notes != newest["token"]:
                    lost.append(
                        f"{candidate_id}: stored {stored and stored.notes!r}, newest confirmed {newest['token']!r}"
                    )
                audited = set(
                    session.scalars(
                        select(AuditEntry.new_value).where(
                            AuditEntry.candidate_id == candidate_id,
                            AuditEntry.field == "notes",
                        )
                    )
                )
                missing = [s["token"] for s in confirmed if s["token"] not in audited]
                if missing:
                    lost.append(f"{candidate_id}: {len(missing)} confirmed save(s) not audited")
            for prefix in imported:
                count = session.scalar(
                    select(func.count())
                    .select_from(Candidate)
                    .where(Candidate.candidate_number.like(f"{prefix}-%"))
                )
                if count != IMPORT_ROWS:
                    lost.append(f"import {prefix}: {count} of {IMPORT_ROWS} rows")
    finally:
        db.close()

    def pct(p: float) -> float:
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))]

    return {
        "saves": len(saves),
        "saves_per_s": len(saves) / seconds,
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "conflicts": counters.get("conflicts", 0),
        "refused": counters.get("refused", 0),
        "unreachable": counters.get("unreachable", 0),
        "refusals": {k: v for k, v in counters.items() if k.startswith("refused")},
        "opens": counters.get("opens", 0),
        "lists": counters.get("lists", 0),
        "imports": counters.get("imports", 0),
        "unexpected": unexpected,
        "crashed": crashed,
        "lost": lost,
        "elapsed_s": elapsed,
    }


# -- faults -------------------------------------------------------------------------------------


def big_import(target: str, prefix: str, folder: Path) -> None:
    """A desk importing BIG_IMPORT_ROWS candidates; says « started » when the write begins."""
    from monmaster_desktop.controllers.imports import ImportController

    path = write_candidates(folder / f"{prefix}.csv", BIG_IMPORT_ROWS, prefix, 99)
    db = open_database(target)

    def progress(fraction: float, _text: str) -> None:
        if fraction >= 0.5:
            print("started", flush=True)

    ImportController(db).run(path, progress=progress)
    print("finished", flush=True)


def kill_mid_import(target: str, folder: Path, runs: int) -> list[str]:
    """SIGKILL a desk while it imports: afterwards the import is all there or not at all."""
    from sqlalchemy import func, select

    from monmaster_desktop.models import Candidate

    outcomes = []
    rng = random.Random(7)
    for run in range(runs):
        prefix = f"KILL{run:02d}"
        process = subprocess.Popen(
            [sys.executable, __file__, "--big-import", target, prefix, str(folder)],
            stdout=subprocess.PIPE,
            text=True,
        )
        line = process.stdout.readline() if process.stdout else ""
        # Within the writing (half of the import is past « started »: well under a second
        # for 4,000 candidates here); a kill that comes after the commit is said so.
        time.sleep(rng.uniform(0.0, 0.4))
        finished = process.poll() is not None
        if not finished:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        time.sleep(0.5)  # the server notices the dead client and rolls its transaction back
        db = open_database(target)
        try:
            with db.read() as session:
                count = session.scalar(
                    select(func.count())
                    .select_from(Candidate)
                    .where(Candidate.candidate_number.like(f"{prefix}-%"))
                )
        finally:
            db.close()
        verdict = "none" if count == 0 else "all" if count == BIG_IMPORT_ROWS else "HALF"
        when = "finished before the kill" if finished else (
            f"killed {'after' if line else 'before'} start"
        )
        outcomes.append(f"{verdict} ({count}; {when})")
    return outcomes


def saver(target: str, seconds: float, out: Path) -> None:
    """A desk saving in a loop while the server restarts: confirmed, refused, or error."""
    from monmaster_desktop.controllers.candidates import CandidateController
    from monmaster_desktop.controllers.errors import StaleRecord
    from monmaster_desktop.controllers.worklists import WorklistController
    from monmaster_desktop.db import DatabaseError

    db = open_database(target)
    candidates = CandidateController(db)
    ids = WorklistController(db).candidate_ids("all", as_of=AS_OF)[:20]
    log: dict[str, list] = {"confirmed": [], "refused": [], "unreachable": [], "unexpected": []}
    end = time.monotonic() + seconds
    for operation in range(MAX_OPERATIONS):
        if time.monotonic() >= end:
            break
        candidate_id = ids[operation % len(ids)]
        token = f"restart-{operation}"
        try:
            file = candidates.get_file(candidate_id, as_of=AS_OF)
            outcome = candidates.save(
                dataclasses.replace(file.candidate, notes=token),
                candidate_id=candidate_id,
                expected_version=file.version,
            )
        except (DatabaseError, StaleRecord) as refused:
            log["refused"].append([time.monotonic(), refused.message[:120]])
            time.sleep(0.05)
            continue
        except Exception as exc:  # noqa: BLE001
            if db.is_disconnect(exc):  # a read while the server is away: said, not a save
                log["unreachable"].append([time.monotonic(), type(exc).__name__])
            else:
                log["unexpected"].append(f"{type(exc).__name__}: {str(exc)[:200]}")
            time.sleep(0.05)
            continue
        log["confirmed"].append([time.monotonic(), candidate_id, token, outcome.file.version])
        if len(log["confirmed"]) == 1:
            print("saving", flush=True)  # the parent restarts the server from now on
    db.close()
    out.write_text(json.dumps(log))


def restart_mid_save(server, target: str, folder: Path) -> dict:  # noqa: ANN001
    from monmaster_desktop.models import Candidate

    out = folder / "saver.json"
    process = subprocess.Popen(
        [sys.executable, __file__, "--saver", target, "15", str(out)],
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        text=True,
    )
    if process.stdout is not None:
        process.stdout.readline()  # « saving »: the desk is in the middle of its saves
    time.sleep(1.0)
    restarted_at = time.monotonic()
    server.restart()
    back_at = time.monotonic()
    process.wait(timeout=120)
    log = json.loads(out.read_text())
    latest: dict[int, tuple[int, str]] = {}
    for _at, candidate_id, token, version in log["confirmed"]:
        if candidate_id not in latest or version > latest[candidate_id][0]:
            latest[candidate_id] = (version, token)
    missing = []
    db = open_database(target)
    try:
        with db.read() as session:
            for candidate_id, (_version, token) in latest.items():
                if session.get(Candidate, candidate_id).notes != token:
                    missing.append(candidate_id)
    finally:
        db.close()
    after = [c for c in log["confirmed"] if c[0] > back_at]
    before = [c for c in log["confirmed"] if c[0] < restarted_at]
    return {
        "confirmed": len(log["confirmed"]),
        "refused": len(log["refused"]),
        "reads_while_unreachable": len(log["unreachable"]),
        "refusal_example": log["refused"][0][1] if log["refused"] else "",
        "unexpected": log["unexpected"],
        "confirmed_before_restart": len(before),
        "confirmed_after_restart": len(after),
        "restart_s": back_at - restarted_at,
        "missing": missing,
    }


# -- main ---------------------------------------------------------------------------------------


def report(rows: dict[str, dict]) -> None:
    names = list(rows)
    print()
    print(f"{'':34}" + "".join(f"{n:>22}" for n in names))

    def line(label: str, key: str, fmt: str = "{:,.0f}") -> None:
        print(f"{label:34}" + "".join(f"{fmt.format(rows[n][key]):>22}" for n in names))

    line("saves confirmed", "saves")
    line("saves per second", "saves_per_s", "{:,.1f}")
    line("save latency p50 (ms)", "p50_ms", "{:,.1f}")
    line("save latency p95 (ms)", "p95_ms", "{:,.1f}")
    line("conflicts detected", "conflicts")
    line("refused (busy/unavailable)", "refused")
    line("reads while unreachable", "unreachable")
    line("files opened (no save)", "opens")
    line("lists", "lists")
    line("small imports", "imports")
    print(f"{'lost updates':34}" + "".join(f"{len(rows[n]['lost']):>22}" for n in names))
    print(
        f"{'unexpected errors':34}"
        + "".join(f"{len(rows[n]['unexpected']) + rows[n]['crashed']:>22}" for n in names)
    )
    for name in names:
        for problem in rows[name]["lost"][:5] + rows[name]["unexpected"][:5]:
            print(f"  {name}: {problem}")
        for refusal, count in rows[name]["refusals"].items():
            print(f"  {name}: {count} × {refusal}")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--desk":
        target, index, seconds, out, folder = sys.argv[2:7]
        scratch_environment(Path(folder) / f"desk{index}")
        desk(target, int(index), float(seconds), Path(out), Path(folder))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--big-import":
        target, prefix, folder = sys.argv[2:5]
        scratch_environment(Path(folder) / prefix)
        big_import(target, prefix, Path(folder))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--saver":
        target, seconds, out = sys.argv[2:5]
        scratch_environment(Path(out).parent / "saver")
        saver(target, float(seconds), Path(out))
        return 0

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--candidates", type=int, default=2000, help="candidates in the base")
    parser.add_argument("--kills", type=int, default=3, help="desks killed mid-import per engine")
    parser.add_argument("--only", choices=["server", "sqlite"])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="monmaster-load-"))
    scratch_environment(folder)
    rows: dict[str, dict] = {}
    faults: dict[str, object] = {}
    server = None
    try:
        if args.only in (None, "server"):
            from monmaster_desktop.local_server import LocalServer

            server = LocalServer().start()  # its own folder, which the postgres user can reach
            server.admin("CREATE DATABASE bench")
            # every commit reaches the WAL before it is confirmed (the throwaway server
            # otherwise runs with synchronous_commit=off, which a crash test cannot use)
            server.admin("ALTER DATABASE bench SET synchronous_commit = on")
            target = server.url_for("bench")
            prepare(target, folder, args.candidates)
            print(f"server: {args.desks} desks × {args.seconds:.0f} s on {target}", flush=True)
            rows["PostgreSQL server"] = run_load(target, args.desks, args.seconds, folder)
            faults["server: kill -9 mid-import"] = kill_mid_import(target, folder, args.kills)
            faults["server: restart mid-save"] = restart_mid_save(server, target, folder)
        if args.only in (None, "sqlite"):
            target = str(folder / "bench.sqlite")
            prepare(target, folder, args.candidates)
            print(f"sqlite: {args.desks} desks × {args.seconds:.0f} s on {target}", flush=True)
            rows["SQLite file (WAL)"] = run_load(target, args.desks, args.seconds, folder)
            faults["sqlite: kill -9 mid-import"] = kill_mid_import(target, folder, args.kills)
    finally:
        if server is not None:
            server.stop()
    report(rows)
    from goals import report as report_goal

    server_rows = rows.get("PostgreSQL server")
    if server_rows is not None:
        lite = rows.get("SQLite file (WAL)")
        report_goal(f"server: {args.desks}-desk load, p95 save", server_rows["p95_ms"], "ms", 100,
                    extra=f"p50 {server_rows['p50_ms']:.0f} ms, {server_rows['saves_per_s']:.1f} saves/s"
                    + (f"; SQLite p95 {lite['p95_ms']:.0f} ms" if lite else ""))
        lost = sum(len(r["lost"]) for r in rows.values())
        report_goal("lost updates under load (both engines)", lost, "", 0)
    print(f"\nload average (1, 5, 15 min) at the end: {os.getloadavg()} on {os.cpu_count()} cores")
    for name, value in faults.items():
        print(f"{name}: {value}")
    if args.json:
        args.json.write_text(json.dumps({"load": rows, "faults": faults}, indent=2, default=str))
    failed = any(r["lost"] or r["unexpected"] or r["crashed"] for r in rows.values())
    failed |= any("HALF" in str(v) for v in faults.values())
    restart = faults.get("server: restart mid-save")
    if isinstance(restart, dict):
        failed |= bool(restart["missing"] or restart["unexpected"])
        failed |= restart["confirmed_after_restart"] == 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
