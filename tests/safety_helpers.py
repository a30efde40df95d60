"""Shared pieces of the safety tests: database fingerprints, a sample candidate, the crash child.

Run as a script, this module is the child process the crash harness kills::

    python tests/safety_helpers.py child DATABASE WORKDIR CANDIDATES EDITS

It imports the demo files of WORKDIR, edits the seeded candidates through the controllers and
backs the database up, printing one line after each step *returns* (``saved <id> <value>``),
so that the parent knows exactly what the program had told the clerk before the kill.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from monmaster_desktop.controllers.views import CandidateData
from monmaster_desktop.domain import Diploma, DiplomaStatus, EnrolmentHistory

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
#: Candidates created before the child starts: the ones its edits change.
SEEDED = 12


def sample_candidate(number: str = "M24-900001", **changes: object) -> CandidateData:
    """A valid candidate the form would accept; ``changes`` override fields."""
    data = CandidateData(
        candidate_number=number,
        ine=None,
        last_name="Martin",
        first_name="Claire",
        birth_date=date(2001, 5, 4),
        email=None,
        phone=None,
        nationality="FR",
        residence_country="FR",
        diploma=Diploma.LICENCE,
        diploma_status=DiplomaStatus.OBTAINED,
        repeating_m1=False,
        ves_vap=False,
        automatic_admission=False,
        enrolment_history=EnrolmentHistory.NEVER,
    )
    return replace(data, **changes)


def _server_rows(url: str, query: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(query).fetchall()


def table_counts(path: Path | str) -> dict[str, int]:
    """Rows per table, read with a plain read-only connection (a file, or a server's URL)."""
    if isinstance(path, str) and path.startswith("postgresql://"):
        names = [
            r[0]
            for r in _server_rows(
                path, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        return {n: _server_rows(path, f'SELECT count(*) FROM "{n}"')[0][0] for n in names}
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
        }
    finally:
        conn.close()


def content_digest(path: Path | str) -> str:
    """A checksum of every row of every table (the logical content, not the file's bytes)."""
    if isinstance(path, str) and path.startswith("postgresql://"):
        digest = hashlib.sha256()
        names = sorted(
            r[0]
            for r in _server_rows(
                path, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        )
        for name in names:
            for row in _server_rows(path, f'SELECT * FROM "{name}" ORDER BY 1'):
                digest.update(repr((name, row)).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# --- the crash harness ----------------------------------------------------------------------

PHASES = ("import", "edits", "backup")


@dataclass
class CrashWorld:
    """A template database (seeded candidates) and the demo files the child imports."""

    template: Path
    candidates_csv: Path
    applications_csv: Path
    candidates: int
    applications: int
    seeded_ids: list[int]


def build_world(folder: Path, candidates: int, seed: int = 2024) -> CrashWorld:
    """Write the demo files and a closed template database holding the seeded candidates."""
    from monmaster_desktop.controllers.candidates import CandidateController
    from monmaster_desktop.db import Database
    from monmaster_desktop.demo import generate, write_csv_files

    folder.mkdir(parents=True, exist_ok=True)
    data = generate(candidates, seed=seed)
    cands, apps = write_csv_files(data, folder)
    applications = sum(1 for _ in apps.open(encoding="utf-8")) - 1
    template = folder / "template.sqlite"
    with Database(template) as db:
        controller = CandidateController(db)
        ids = [
            controller.save(sample_candidate(f"X-{n:04d}", notes="départ")).file.candidate_id
            for n in range(SEEDED)
        ]
    conn = sqlite3.connect(template)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{template}{suffix}").unlink(missing_ok=True)
    return CrashWorld(template, cands, apps, candidates, applications, ids)


@dataclass
class CrashRun:
    """What one killed child printed, and what the parent found in the files afterwards."""

    phase: str
    delay: float
    killed: bool
    lines: list[str]
    problems: list[str] = field(default_factory=list)
    edits_confirmed: int = 0


def start_child(world: CrashWorld, workdir: Path, edits: int) -> tuple[subprocess.Popen, Path]:
    """A child working on a fresh copy of the template database in ``workdir``."""
    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / "live.sqlite"
    database.write_bytes(world.template.read_bytes())
    os.chmod(database, 0o600)
    child = subprocess.Popen(
        [
            PYTHON,
            str(Path(__file__).resolve()),
            "child",
            str(database),
            str(world.candidates_csv),
            str(world.applications_csv),
            str(workdir / "backup.sqlite"),
            str(edits),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=os.environ | {"PYTHONPATH": str(REPO)},
    )
    return child, database


def calibrate(world: CrashWorld, workdir: Path, edits: int) -> dict[str, float]:
    """Run one child to the end, untouched: how long each phase lasts on this machine."""
    child, database = start_child(world, workdir, edits)
    assert child.stdout is not None
    started: dict[str, float] = {}
    lines = []
    for line in child.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith(("phase ", "done")):
            started[line.split()[-1]] = time.monotonic()
    _, errors = child.communicate(timeout=60)
    if child.returncode != 0 or "done" not in started:
        raise AssertionError(f"the child failed without being killed:\n{errors}")
    run = CrashRun("none", 0.0, False, lines)
    verify_after_crash(world, database, workdir / "backup.sqlite", run)
    if run.problems:
        raise AssertionError(f"an uninterrupted run breaks a promise: {run.problems}")
    ends = [*PHASES[1:], "done"]
    return {p: started[end] - started[p] for p, end in zip(PHASES, ends)}


def run_and_kill(
    world: CrashWorld, workdir: Path, delay: float, phase: str, edits: int
) -> CrashRun:
    """Start a child on a copy of the template, SIGKILL it ``delay`` s after ``phase`` began."""
    child, database = start_child(world, workdir, edits)
    lines: list[str] = []
    assert child.stdout is not None
    for line in child.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith(f"phase {phase}"):
            break
    time.sleep(delay)
    killed = child.poll() is None
    if killed:
        child.send_signal(signal.SIGKILL)
    rest, errors = child.communicate(timeout=60)
    lines.extend(rest.splitlines())
    if not killed and child.returncode != 0:
        raise AssertionError(f"child failed by itself:\n{errors}")
    run = CrashRun(phase, delay, killed, lines)
    verify_after_crash(world, database, workdir / "backup.sqlite", run)
    return run


def verify_after_crash(world: CrashWorld, database: Path, backup: Path, run: CrashRun) -> None:
    """Every promise the killed child made must hold in the files it left behind."""
    from sqlalchemy import select

    from monmaster_desktop.db import Database, quick_check
    from monmaster_desktop.models import AuditEntry, Candidate

    problems = run.problems
    verdict = integrity(database)
    if verdict != "ok":
        problems.append(f"integrity_check: {verdict}")
        return
    counts = table_counts(database)
    imported = counts["candidate"] - SEEDED
    if imported not in (0, world.candidates) or counts["application"] not in (
        0,
        world.applications,
    ):
        problems.append(
            f"import half there: {imported} candidates, {counts['application']} applications"
        )
    if (imported == 0) != (counts["application"] == 0):
        problems.append("candidates and applications of one import disagree")
    if "imported" in run.lines and imported == 0:
        problems.append("import reported done but absent")
    # the program reopens the file as the clerk would, after the crash
    with Database(database) as db, db.read() as session:
        notes = {cid: note for cid, note in session.execute(select(Candidate.id, Candidate.notes))}
        audited = {
            (cid, value)
            for cid, value in session.execute(
                select(AuditEntry.candidate_id, AuditEntry.new_value).where(
                    AuditEntry.field == "notes"
                )
            )
        }
    last_saved: dict[int, str] = {}
    in_flight: dict[int, str] = {}
    for line in run.lines:
        word, *rest = line.split(" ", 2)
        if word == "saving":
            in_flight[int(rest[0])] = rest[1]
        elif word == "saved":
            cid, value = int(rest[0]), rest[1]
            run.edits_confirmed += 1
            last_saved[cid] = value
            in_flight.pop(cid, None)
            if (cid, value) not in audited:
                problems.append(f"saved edit {cid}={value} missing from the audit trail")
    for cid, value in last_saved.items():
        stored = notes.get(cid)
        if stored != value and stored != in_flight.get(cid):
            problems.append(f"saved edit lost: candidate {cid} holds {stored!r}, not {value!r}")
    if backup.exists():
        verdict = quick_check(backup)
        if verdict != "ok":
            problems.append(f"backup under its final name fails quick_check: {verdict}")
    elif "backed-up" in run.lines:
        problems.append("backup reported done but missing")


@dataclass
class CrashSummary:
    runs: int = 0
    faults: int = 0  # SIGKILLs that landed while the child was still working
    by_phase: dict[str, int] = field(default_factory=dict)
    edits_confirmed: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        phases = ", ".join(f"{p} {n}" for p, n in sorted(self.by_phase.items()))
        return (
            f"runs {self.runs}, faults injected {self.faults} ({phases}), "
            f"confirmed edits checked {self.edits_confirmed}, records lost {len(self.problems)}"
        )


def crash_campaign(
    folder: Path,
    runs: int,
    *,
    candidates: int,
    edits: int,
    seed: int,
    report=None,  # noqa: ANN001
) -> CrashSummary:
    """``runs`` children killed at seeded random moments, cycling through the three phases."""
    import random

    world = build_world(folder / "world", candidates)
    spans = calibrate(world, folder / "calibration", edits)
    rng = random.Random(seed)
    summary = CrashSummary()
    for n in range(runs):
        phase = PHASES[n % len(PHASES)]
        # up to 10 % past the phase's end: a kill right after it finished must also hold
        delay = rng.uniform(0.0, spans[phase] * 1.1)
        run = run_and_kill(world, folder / f"run-{n:04d}", delay, phase, edits)
        summary.runs += 1
        if run.killed:
            summary.faults += 1
            summary.by_phase[phase] = summary.by_phase.get(phase, 0) + 1
        summary.edits_confirmed += run.edits_confirmed
        summary.problems += [f"run {n} ({phase}, {delay:.3f} s): {p}" for p in run.problems]
        if report is not None:
            report(n, run)
        if not run.problems:
            import shutil

            shutil.rmtree(folder / f"run-{n:04d}", ignore_errors=True)
    return summary


# --- the child ----------------------------------------------------------------------------


def child_main(database: str, cands: str, apps: str, backup: str, edits: str) -> int:
    """Import, edit, back up, edit again: one line on stdout after each step returns."""
    from monmaster_desktop.controllers.backups import BackupController
    from monmaster_desktop.controllers.candidates import CandidateController
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.db import Database

    def say(text: str) -> None:
        print(text, flush=True)

    with Database(database) as db:
        candidates = CandidateController(db)
        ids = [candidates.id_for_number(f"X-{n:04d}") for n in range(SEEDED)]
        say("phase import")
        result = ImportController(db).run(Path(cands), Path(apps))
        if result.problems:
            raise SystemExit(f"demo import refused: {result.problems[:3]}")
        say("imported")
        say("phase edits")
        count = int(edits)
        for n in range(count):
            cid = ids[n % len(ids)]
            file = candidates.get_file(cid)
            value = f"note-{n}"
            say(f"saving {cid} {value}")
            candidates.save(
                replace(file.candidate, notes=value),
                candidate_id=cid,
                expected_version=file.version,
            )
            say(f"saved {cid} {value}")
        say("phase backup")
        backups = BackupController(db)
        for n in range(count, count + 12):
            if n % 3 == 0:
                backups.backup_to(Path(backup))
                say("backed-up")
            cid = ids[n % len(ids)]
            file = candidates.get_file(cid)
            value = f"note-{n}"
            say(f"saving {cid} {value}")
            candidates.save(
                replace(file.candidate, notes=value),
                candidate_id=cid,
                expected_version=file.version,
            )
            say(f"saved {cid} {value}")
    say("done")
    return 0


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "child":
    sys.exit(child_main(*sys.argv[2:7]))
