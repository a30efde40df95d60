"""Retention purge: who goes, a backup first, an audit without names, nothing left in the file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from monmaster_desktop.controllers.applications import ApplicationController
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.controllers.purge import PurgeController, add_months
from monmaster_desktop.controllers.views import ApplicationData
from monmaster_desktop.db import Database
from monmaster_desktop.domain import ApplicationStatus, TrainingType
from monmaster_desktop.models import Application, AuditEntry, Candidate, CandidateStatus, Setting
from tests.safety_helpers import sample_candidate, table_counts

AFTER = date(2026, 2, 1)  # 2024 campaign closed 31/07/2024 + 18 months = 31/01/2026
BEFORE = date(2026, 1, 30)


def app(code: str = "0333298F", **changes: object) -> ApplicationData:
    data = ApplicationData(
        campaign_year=2024,
        institution_code=code,
        institution_name="",
        mention="Informatique",
        training_type=TrainingType.INITIAL,
        submitted_on=date(2024, 3, 4),
        status=ApplicationStatus.SUBMITTED,
    )
    return replace(data, **changes)


ACCEPTED = {
    "status": ApplicationStatus.ACCEPTED_DEFINITIVELY,
    "notified_on": date(2024, 6, 5),
    "accepted_on": date(2024, 6, 7),
}


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    """A: applied, not registered; B: registered at home; C: accepted elsewhere; D, E: no application."""
    candidates, applications = CandidateController(db), ApplicationController(db)
    ids = {}
    for key, last in zip("ABCDE", ["Zébulonnaire", "Gardé", "Ailleurs", "Ancien", "Récent"]):
        ids[key] = candidates.save(
            sample_candidate(
                f"P-{key}", last_name=last, ine=None, email=f"{key.lower()}.secret@exemple.fr"
            )
        ).file.candidate_id
    applications.save(ids["A"], app())
    applications.save(ids["A"], app("0134009M", mention="Chimie"))
    applications.save(ids["B"], app("0134009M", **ACCEPTED, registered_on=date(2024, 7, 17)))
    applications.save(ids["C"], app(**ACCEPTED))
    with db.write() as session:
        session.execute(
            update(Candidate)
            .where(Candidate.id == ids["D"])
            .values(updated_at=datetime(2023, 1, 10, 9, 0))
        )
    return ids


def test_add_months_keeps_the_end_of_month() -> None:
    """18 months after 31 July 2024 is 31 January 2026; 31 August + 6 is 28 February."""
    assert add_months(date(2024, 7, 31), 18) == date(2026, 1, 31)
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)


def test_preview_lists_who_did_not_register_once_period_is_over(
    db: Database, office: dict[str, int]
) -> None:
    """After 18 months: the unregistered (A, C) and the stale hand-typed file (D) go; B and E stay."""
    purge = PurgeController(db)
    after = purge.preview(AFTER)
    assert [item.candidate_number for item in after] == ["P-A", "P-C", "P-D"]
    assert after[0].campaign_year == 2024
    assert after[0].reason == (
        "campagne 2024 close le 31/07/2024 ; non inscrit ; conservation de 18 mois échue le "
        "31/01/2026"
    )
    assert after[2].campaign_year is None and "aucune candidature" in after[2].reason
    assert [item.candidate_number for item in purge.preview(BEFORE)] == ["P-D"]
    assert table_counts(db.target)["candidate"] == 5  # a preview writes nothing


def test_office_period_setting_and_override(db: Database, office: dict[str, int]) -> None:
    """The office's retention_months setting moves the cut-off; an explicit months overrides it."""
    with db.write() as session:
        session.get(Setting, "retention_months").value = "24"
    purge = PurgeController(db)
    assert [i.candidate_number for i in purge.preview(AFTER)] == ["P-D"]
    assert [i.candidate_number for i in purge.preview(date(2025, 2, 1), months=6)] == [
        "P-A",
        "P-C",
        "P-D",
    ]


def test_purge_backs_up_deletes_and_audits_without_personal_data(
    db: Database, office: dict[str, int]
) -> None:
    """Backup first (holding A), A/C/D and their applications, status and history gone, B intact."""
    purge = PurgeController(db)
    assert purge.purge(AFTER).deleted == 3
    assert purge.last_backup is not None and purge.last_backup.exists()
    assert table_counts(purge.last_backup)["candidate"] == 5
    gone = [office[k] for k in "ACD"]
    with db.read() as session:
        assert session.scalars(select(Candidate.candidate_number)).all() == ["P-B", "P-E"]
        for model, column in (
            (Application, Application.candidate_id),
            (CandidateStatus, CandidateStatus.candidate_id),
            (AuditEntry, AuditEntry.candidate_id),
        ):
            assert (
                session.scalar(select(func.count()).select_from(model).where(column.in_(gone))) == 0
            )
        assert (
            session.scalar(
                select(func.count(Application.id)).where(Application.candidate_id == office["B"])
            )
            == 1
        )
        assert (
            session.scalar(
                select(func.count(AuditEntry.id)).where(AuditEntry.candidate_id == office["B"])
            )
            >= 2
        )
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "purge")).all()
    assert entry.candidate_id is None and entry.entity_id is None
    assert entry.new_value == (
        "3 candidat(s) et 3 candidature(s) supprimés ; conservation 18 mois ; date de référence "
        "2026-02-01"
    )


@pytest.mark.engine_only  # the bytes of a file: SQLite's side (the server VACUUMs)
def test_purged_data_does_not_linger_in_the_file(db: Database, office: dict[str, int]) -> None:
    """After the purge no byte of the database or its WAL holds the purged name, number or e-mail."""
    secrets = [b"Z\xc3\xa9bulonnaire", b"zebulonnaire", b"a.secret@exemple.fr", b"P-A"]
    files = [db.path, Path(f"{db.path}-wal")]

    def raw() -> bytes:
        return b"".join(p.read_bytes() for p in files if p.exists())

    assert all(secret in raw() for secret in secrets)  # the check below can really fail
    PurgeController(db).purge(AFTER)
    content = raw()
    assert [s for s in secrets if s in content] == []
    assert b"P-B" in content and b"b.secret@exemple.fr" in content


def test_nothing_expired_means_no_backup_and_no_audit(db: Database, office: dict[str, int]) -> None:
    """Before any period ends nothing happens: no backup file, no audit entry, 0 returned."""
    with db.write() as session:
        session.execute(update(Candidate).values(updated_at=datetime.now()))
    purge = PurgeController(db)
    assert purge.purge(BEFORE).deleted == 0
    assert purge.last_backup is None
    assert not list(db.backup_dir.glob("avant-purge-*"))
    with db.read() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.action == "purge")) == 0


@pytest.mark.engine_only("sqlite")  # another desk holding the file mid-read
def test_purge_blocked_from_compacting_says_so_and_finishes_later(
    db: Database, office: dict[str, int]
) -> None:
    """Another desk reading during the purge: the result says the file is not compacted yet
    (the purged names still in its bytes), remembers it, and the compaction finishes later."""
    import sqlite3

    secrets = [b"Z\xc3\xa9bulonnaire", b"a.secret@exemple.fr"]
    files = [db.path, Path(f"{db.path}-wal")]

    def raw() -> bytes:
        return b"".join(p.read_bytes() for p in files if p.exists())

    reader = sqlite3.connect(db.path, isolation_level=None)  # another desk, mid-read
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM candidate").fetchone()
    purge = PurgeController(db)
    result = purge.purge(AFTER)
    assert result.deleted == 3
    assert result.compacted is False
    assert "compact" in result.message_fr() and "plus tard" in result.message_fr()
    assert any(secret in raw() for secret in secrets)  # why it matters
    assert purge.compaction_pending() is not None
    assert PurgeController(db).compaction_pending() is not None  # remembered in the base
    assert purge.finish_compaction() is False  # still reading
    reader.execute("COMMIT")
    reader.close()
    assert purge.finish_compaction() is True
    assert purge.compaction_pending() is None
    assert [s for s in secrets if s in raw()] == []


def test_purge_result_says_done_when_compacted(db: Database, office: dict[str, int]) -> None:
    """Nobody else reading: « Purge terminée », compacted, nothing pending."""
    result = PurgeController(db).purge(AFTER)
    assert result.compacted is True
    assert result.backup is not None and result.backup.exists()
    assert "compact" not in result.message_fr()
    assert PurgeController(db).compaction_pending() is None


@pytest.mark.engine_only("sqlite")  # another desk holding the file mid-read
def test_purge_window_offers_to_finish_the_compaction_later(
    qtbot, db: Database, office: dict[str, int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path  # noqa: ANN001
) -> None:
    """In the window: not « Purge terminée » but « compactage à terminer », a « Plus tard »
    that leaves a banner and a button, and that button finishing the job once nobody reads."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from monmaster_desktop.ui import purge_dialog
    from monmaster_desktop.ui.purge_dialog import PurgeDialog
    from monmaster_desktop.ui.services import Services

    said: list[tuple[str, str]] = []

    def answer(_parent, title, text, *_args, **_kwargs):  # noqa: ANN001, ANN202
        said.append((title, text))
        if _args and isinstance(_args[0], list):  # ask(): the clerk's choices
            return "later"
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(purge_dialog, "ask", answer)
    for kind in ("question", "information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(answer))
    reader = sqlite3.connect(db.path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM candidate").fetchone()
    dialog = PurgeDialog(Services(db, as_of_override=AFTER))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.finish_button.isVisible()
    with qtbot.waitSignal(dialog.purged, timeout=20000):
        dialog.purge_button.click()
    titles = [title for title, _ in said]
    assert "Purge terminée" not in titles
    assert "Purge faite, compactage à terminer" in titles
    assert dialog.finish_button.isVisible() and "Compactage à terminer" in dialog.pending.text()
    dialog.grab().save(str(tmp_path / "purge_pending.png"))
    reader.execute("COMMIT")
    reader.close()
    dialog.finish_button.click()
    qtbot.waitUntil(lambda: not dialog.finish_button.isVisible(), timeout=20000)
    assert PurgeController(db).compaction_pending() is None
    assert said[-1][0] == "Compactage terminé"
