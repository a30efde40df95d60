"""What an import leaves beside the rows: the audit trail, the stored status and the search
words, exactly — the same rows whichever way the import writes them, on both engines."""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

import pytest

from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.imports import ImportController, writing
from monmaster_desktop.controllers.imports.forked import Forked
from monmaster_desktop.controllers.records import refresh_all_status
from monmaster_desktop.db import Database
from monmaster_desktop.demo import generate, write_csv_files
from monmaster_desktop.domain import search_words
from monmaster_desktop.models import (
    Application,
    AuditEntry,
    Candidate,
    CandidateSearchToken,
    CandidateStatus,
)

#: The audit trail of the two imports below, as the import wrote it before its fast path
#: (field by field, old → new; one row per created candidate; one per candidate for the
#: applications created; withdrawn ones closed by a definitive acceptance): its digest.
AUDIT_DIGEST = "7354510a4b465b5db81d9cee8caa232c39e8956ed8a7d45422b454517e48e026"
AUDIT_ROWS = 241

#: pytest's own threads make it a multi-threaded process; the copies here compute only.
pytestmark = pytest.mark.filterwarnings(
    "ignore:This process .* is multi-threaded:DeprecationWarning"
)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _second_import(folder: Path, cands: Path, apps: Path) -> tuple[Path, Path]:
    """The same files a week later: contacts and a name changed, ranks and outcomes moved, a
    definitive acceptance that closes the candidate's other open applications, new rows."""
    people = _rows(cands)
    for index, row in enumerate(people):
        if index % 7 == 0:
            row["phone"] = f"+33 6 00 00 {index:02d} {index:02d}"
        if index % 11 == 3:
            row["email"] = ""
        if index == 5:
            row["last_name"] = row["last_name"] + "-Martin"
        if index % 13 == 4:
            row["repeating_m1"] = "oui" if row["repeating_m1"] == "non" else "non"
    newcomer = dict(people[0])
    newcomer.update(candidate_number="M24-999001", ine="", last_name="Nouvel", first_name="Ève")
    people.append(newcomer)
    wishes = _rows(apps)
    for index, row in enumerate(wishes):
        if row["status"] == "waitlisted" and row["waitlist_rank"] and index % 3 == 0:
            row["waitlist_rank"] = str(int(row["waitlist_rank"]) + 1)
    by_candidate: dict[str, list[dict]] = {}
    for row in wishes:
        by_candidate.setdefault(row["candidate_number"], []).append(row)
    closing = next(
        rows
        for rows in by_candidate.values()
        if sum(r["status"] == "waitlisted" for r in rows) >= 2
        and not any(r["status"].startswith("accepted") for r in rows)
    )
    accepted = next(r for r in closing if r["status"] == "waitlisted")
    accepted.update(
        status="accepted_definitively",
        waitlist_rank="",
        notified_on=accepted["notified_on"] or "2024-06-12",
        accepted_on=accepted["notified_on"] or "2024-06-12",
    )
    extra = dict(wishes[0])
    extra.update(candidate_number="M24-999001")
    wishes.append(extra)
    return (
        _write(folder / "candidats-2.csv", people),
        _write(folder / "candidatures-2.csv", wishes),
    )


def _audit(db: Database) -> list[tuple]:
    with db.read() as session:
        rows = session.execute(
            AuditEntry.__table__.select().with_only_columns(
                AuditEntry.action,
                AuditEntry.entity,
                AuditEntry.entity_id,
                AuditEntry.candidate_id,
                AuditEntry.field,
                AuditEntry.old_value,
                AuditEntry.new_value,
            )
        ).all()
    return sorted((tuple("" if v is None else v for v in row) for row in rows), key=repr)


def _status(db: Database) -> list[tuple]:
    with db.read() as session:
        return sorted(tuple(row) for row in session.execute(CandidateStatus.__table__.select()))


@pytest.fixture(
    params=[
        ("here", "rows named"),
        ("in a forked copy", "rows named"),
        ("here", "whole tables"),
        ("here", "indexes built after"),
    ],
    ids=["here-rows-named", "forked-copy-rows-named", "here-whole-tables", "indexes-after"],
)
def imported_twice(request, db: Database, tmp_path: Path, monkeypatch):  # noqa: ANN001, ANN201
    """Two imports; the stored status computed in this process, or in a forked copy of it
    while the rows are written (what a large import does from the command line); reading only
    the stored rows they name (a small file) or whole tables (a large one); with the tables'
    secondary indexes built once after the load (a large one, SQLite). The same rows are
    written every way."""
    where, reading = request.param
    copies: list[Forked] = []
    if where != "here":
        if not hasattr(os, "fork"):
            pytest.skip("no fork on this platform: the status is always computed in process")
        monkeypatch.setattr(writing, "STATUS_IN_COPY_FROM", 0)
        monkeypatch.setattr(writing, "can_fork", lambda: True)

        class Spied(Forked):
            def __init__(self, *args, **kwargs):  # noqa: ANN002, ANN003
                super().__init__(*args, **kwargs)
                copies.append(self)

        monkeypatch.setattr(writing, "Forked", Spied)
    if reading == "whole tables":
        from monmaster_desktop.controllers.imports import checking

        monkeypatch.setattr(checking, "SMALL_IMPORT", 0)
    if reading == "indexes built after":
        from monmaster_desktop.db import bulk

        monkeypatch.setattr(bulk, "INDEXES_AFTER_FROM", 0)
    cands, apps = write_csv_files(generate(80, seed=31), tmp_path / "first")
    controller = ImportController(db)
    first = controller.run(cands, apps)
    assert first.problems == [] and first.written
    cands2, apps2 = _second_import(tmp_path, cands, apps)
    second = controller.run(cands2, apps2, accept_identity_changes=True)
    assert second.problems == [] and second.written, second.problems[:3]
    if where != "here":
        assert len(copies) == 2 and all(copy.started for copy in copies)
    return db, first, second


def test_audit_trail_of_two_imports_is_unchanged(imported_twice) -> None:
    """Every audit row the two imports write (creations, field changes old → new, closings) is
    the one the import wrote before its writes were made faster."""
    db, first, second = imported_twice
    assert second.closed, "the second import closes open applications"
    assert second.candidates_updated and second.applications_updated
    audit = _audit(db)
    digest = hashlib.sha256(repr(audit).encode("utf-8")).hexdigest()
    assert (len(audit), digest) == (AUDIT_ROWS, AUDIT_DIGEST)


def test_stored_status_is_what_a_save_would_compute(imported_twice) -> None:
    """The stored status the import wrote equals the one recomputed candidate by candidate
    through the path a save takes."""
    db, _, _ = imported_twice
    written = _status(db)
    with db.write() as session:
        refresh_all_status(session, RulesContext.load(session))
        session.flush()
        recomputed = sorted(
            tuple(row) for row in session.execute(CandidateStatus.__table__.select())
        )
        session.rollback()
    assert len(written) == 81
    assert written == recomputed


def test_search_words_are_those_of_the_stored_names(imported_twice) -> None:
    """Each candidate's search words are exactly the words of its stored name (renamed ones
    included), no more, no fewer."""
    db, _, _ = imported_twice
    with db.read() as session:
        names = {c.id: (c.last_name, c.first_name) for c in session.query(Candidate)}
        stored: dict[int, set[str]] = {}
        for cid, token in session.execute(CandidateSearchToken.__table__.select()):
            stored.setdefault(cid, set()).add(token)
        assert session.query(Application).count() > 300
    expected = {cid: set(search_words(f"{last} {first}")) for cid, (last, first) in names.items()}
    assert stored == expected
    renamed = next(cid for cid, (last, _) in names.items() if last.endswith("-Martin"))
    assert "martin" in stored[renamed]
