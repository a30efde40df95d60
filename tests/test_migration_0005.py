"""Revision 0005 on a base written before it: typography keys recomputed and what they would
change reported, Laos added only to the shipped list, withdrawals phase, status recomputed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from monmaster_desktop.controllers.campaigns import CampaignController
from monmaster_desktop.db import Database, alembic_config
from monmaster_desktop.rules.eligibility import ETUDES_EN_FRANCE_2024_WITHOUT_LAOS

OLD_FOLD = {  # the keys as revision 0004's folding stored them
    "Sciences de l’éducation": "sciences de l’education",
    "Sciences de l'éducation": "sciences de l'education",
    "Cœur – Santé": "cœur – sante",
    "Informatique": "informatique",
}


def base_at_0004(path: Path, countries: set[str]) -> sqlite3.Connection:
    """A base as revision 0004 left it, holding the given Études en France list."""
    Database(path).close()
    db = Database(path, migrate=False)
    with db.engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            command.downgrade(alembic_config(conn), "0004")
    db.close()
    raw = sqlite3.connect(path)
    raw.execute("DELETE FROM etudes_en_france_country")
    raw.executemany(
        "INSERT INTO etudes_en_france_country (code) VALUES (?)", [(c,) for c in sorted(countries)]
    )
    raw.commit()
    return raw


def add_course(raw: sqlite3.Connection, mention: str, code: str = "0134009M") -> int:
    institution = raw.execute("SELECT id FROM institution WHERE code = ?", (code,)).fetchone()
    if institution is None:
        raw.execute("INSERT INTO institution (code, name) VALUES (?, '')", (code,))
        institution = raw.execute("SELECT id FROM institution WHERE code = ?", (code,)).fetchone()
    raw.execute(
        "INSERT INTO course (institution_id, mention, mention_key, parcours, parcours_key, "
        "training_type) VALUES (?, ?, ?, '', '', 'initial')",
        (institution[0], mention, OLD_FOLD.get(mention, mention.lower())),
    )
    return raw.execute("SELECT max(id) FROM course").fetchone()[0]


def add_candidate(raw: sqlite3.Connection, number: str, last: str = "Lefèvre") -> int:
    raw.execute(
        "INSERT INTO candidate (candidate_number, last_name, first_name, name_key, birth_date,"
        " nationality, residence_country, diploma, diploma_status, repeating_m1, ves_vap,"
        " automatic_admission, enrolment_history, version) VALUES (?, ?, 'Zoé', ?, "
        "'2001-01-01', 'FR', 'FR', 'licence', 'obtained', 0, 0, 0, 'never', 1)",
        (number, last, last.lower() + " zoe"),
    )
    return raw.execute("SELECT max(id) FROM candidate").fetchone()[0]


def add_application(
    raw,
    candidate: int,
    course: int,
    status: str = "submitted",  # noqa: ANN001
    phase: str = "main",
    submitted: str = "2024-03-01",
    notified: str | None = None,
    accepted: str | None = None,
) -> None:
    raw.execute(
        "INSERT INTO application (candidate_id, campaign_id, course_id, phase, submitted_on, "
        "status, notified_on, accepted_on, version) VALUES (?, (SELECT id FROM campaign WHERE "
        "year = 2024), ?, ?, ?, ?, ?, ?, 1)",
        (candidate, course, phase, submitted, status, notified, accepted),
    )


def test_shipped_list_gets_laos_keys_refolded_withdrawals_set(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    raw = base_at_0004(path, set(ETUDES_EN_FRANCE_2024_WITHOUT_LAOS))
    cid = add_candidate(raw, "A1", "Cœurdevey")
    course = add_course(raw, "Cœur – Santé")
    add_application(
        raw,
        cid,
        course,
        "accepted_provisionally",
        "complementary",
        "2024-06-26",
        "2024-07-03",
        "2024-07-04",
    )
    raw.commit()
    raw.close()
    with Database(path) as db:
        with db.read() as session:
            from sqlalchemy import text

            codes = set(
                session.execute(text("SELECT code FROM etudes_en_france_country")).scalars()
            )
            key = session.execute(text("SELECT mention_key FROM course")).scalar()
            name_key = session.execute(text("SELECT name_key FROM candidate")).scalar()
            tokens = (
                session.execute(text("SELECT token FROM candidate_search_token")).scalars().all()
            )
            accepted_on = session.execute(text("SELECT accepted_on FROM candidate_status")).scalar()
            report = session.execute(
                text("SELECT value FROM setting WHERE key = 'migration_report'")
            ).scalar()
        campaign = CampaignController(db).get(2024)
        notes = CampaignController(db).settings_notes()
    assert codes == ETUDES_EN_FRANCE_2024_WITHOUT_LAOS | {"LA"}
    assert key == "coeur - sante"
    assert name_key == "coeurdevey zoe" and "coeurdevey" in set(tokens)
    assert str(accepted_on) == "2024-07-31"  # the end of the complementary phase, stored
    assert (str(campaign.withdrawals_from), str(campaign.withdrawals_to)) == (
        "2024-08-01",
        "2024-08-31",
    )
    assert report is None and notes == []


def test_edited_list_left_alone_and_the_dialog_says_so(tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    path = tmp_path / "edited.sqlite"
    edited = set(ETUDES_EN_FRANCE_2024_WITHOUT_LAOS) - {"MA"} | {"PK"}
    base_at_0004(path, edited).close()
    with Database(path) as db:
        from monmaster_desktop.ui.services import Services
        from monmaster_desktop.ui.settings_dialog import SettingsDialog

        assert set(CampaignController(db).settings().etudes_en_france) == edited
        dialog = SettingsDialog(Services(db))
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.notes.isVisible()
        assert "La liste livrée a changé" in dialog.notes.text()
        assert "Laos" in dialog.notes.text()
        dialog.close()


def test_typography_collisions_and_caps_reported_not_changed(tmp_path: Path, caplog) -> None:  # noqa: ANN001
    path = tmp_path / "caps.sqlite"
    raw = base_at_0004(path, set(ETUDES_EN_FRANCE_2024_WITHOUT_LAOS))
    typographic = add_course(raw, "Sciences de l’éducation")
    plain = add_course(raw, "Sciences de l'éducation")
    cid = add_candidate(raw, "M24-000016")
    for number in range(16):  # already beyond the cap of 15 with any folding
        add_application(raw, cid, add_course(raw, f"Mention {number:02d}", "0751717J"))
    other = add_candidate(raw, "M24-000002", "Martin")
    add_application(raw, other, typographic)
    add_application(raw, other, plain)
    raw.commit()
    raw.close()
    with caplog.at_level("WARNING"), Database(path) as db:
        notes = CampaignController(db).settings_notes()
        with db.read() as session:
            from sqlalchemy import text

            keys = session.execute(
                text("SELECT mention, mention_key FROM course WHERE id IN (:a, :b)"),
                {"a": typographic, "b": plain},
            ).all()
            applications = session.execute(text("SELECT count(*) FROM application")).scalar()
    report = "\n".join(notes)
    assert "Sciences de l’éducation" in report and "Sciences de l'éducation" in report
    assert "laissées séparées" in report
    assert "M24-000016" in report and "16 mentions" in report and "plafond de 15" in report
    assert "M24-000002" not in report  # two spellings of one mention: one application counted
    assert "Mise à jour de la base" in caplog.text
    # Nothing merged: both courses and every application are still there, one key each.
    assert len({k for _, k in keys}) == 2 and applications == 18


def test_the_desk_shows_the_report_once_at_start(tmp_path: Path, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from monmaster_desktop.ui import app as app_module
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences

    path = tmp_path / "report.sqlite"
    raw = base_at_0004(path, set(ETUDES_EN_FRANCE_2024_WITHOUT_LAOS))
    add_course(raw, "Sciences de l’éducation")
    add_course(raw, "Sciences de l'éducation")
    raw.commit()
    raw.close()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _w, title, text: shown.append((title, text))
    )
    monkeypatch.setattr(MainWindow, "automatic_backup", lambda self: None)
    for _ in range(2):
        window = MainWindow(Preferences())
        qtbot.addWidget(window)
        assert app_module.open_database(window, path, demo=False)
        window.services.db.close()
    assert len(shown) == 1  # once, not at every start
    title, text = shown[0]
    assert title == "Mise à jour de la base" and "laissées séparées" in text
