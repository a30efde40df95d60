"""Partial re-imports: an absent column keeps what is stored; an unknown header refuses the file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.db import Database
from monmaster_desktop.demo import generate, write_csv_files
from monmaster_desktop.models import Application, Candidate


def demo_files(folder: Path, candidates: int = 30) -> tuple[Path, Path]:
    return write_csv_files(generate(candidates, seed=11), folder)


def rewrite(path: Path, target: Path, *, drop=(), rename=None, change=None) -> Path:  # noqa: ANN001
    """A copy of a demo CSV file without the ``drop`` columns, headers renamed, rows changed."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if change:
        change(rows)
    names = [n for n in rows[0] if n not in drop]
    headers = [(rename or {}).get(n, n) for n in names]
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows([row[n] for n in names] for row in rows)
    return target


def stored_candidates(db: Database) -> dict[str, tuple]:
    with db.read() as session:
        return {
            c.candidate_number: (c.ine, c.email, c.phone, c.repeating_m1, c.diploma_status)
            for c in session.query(Candidate)
        }


def stored_applications(db: Database) -> dict[int, tuple]:
    with db.read() as session:
        return {
            a.id: (a.status, a.waitlist_rank, a.notified_on, a.accepted_on, a.registered_on)
            for a in session.query(Application)
        }


@pytest.fixture
def imported(db: Database, tmp_path: Path) -> tuple[Database, Path, Path]:
    cands, apps = demo_files(tmp_path / "demo")
    result = ImportController(db).run(cands, apps)
    assert result.problems == [] and result.written
    return db, cands, apps


def test_candidates_without_optional_columns_keep_stored_values(imported, tmp_path: Path) -> None:
    """Re-importing candidates without ine/email/phone/booleans leaves them as stored."""
    db, cands, _ = imported
    before = stored_candidates(db)
    assert any(v[0] for v in before.values()) and any(v[1] for v in before.values())
    partial = rewrite(
        cands,
        tmp_path / "partiel.csv",
        drop=("ine", "email", "phone", "repeating_m1", "diploma_status"),
    )

    result = ImportController(db).run(partial, None)

    assert result.problems == []
    assert result.candidates_updated == 0 and result.candidate_changes == {}
    assert stored_candidates(db) == before


def test_applications_without_dates_keep_stored_dates(imported, tmp_path: Path) -> None:
    """Re-importing applications without registered_on/notified_on/waitlist_rank erases nothing."""
    db, _, apps = imported
    before = stored_applications(db)
    assert any(v[4] for v in before.values()), "the demo has registered students"
    partial = rewrite(
        apps,
        tmp_path / "partiel.csv",
        drop=("registered_on", "notified_on", "waitlist_rank", "accepted_on", "rejection_reason"),
    )

    result = ImportController(db).run(None, partial)

    assert result.problems == [], result.problems[:3]
    assert result.applications_updated == 0
    assert stored_applications(db) == before


@pytest.mark.parametrize("header", ["I.N.E.", "\ufeffine", "Courriel perso"])
def test_unknown_header_refuses_the_import(imported, tmp_path: Path, header: str) -> None:
    """An unrecognised header is reported and nothing is written (not read as an absent column)."""
    db, cands, _ = imported
    before = stored_candidates(db)
    changed = rewrite(
        cands,
        tmp_path / "modifie.csv",
        rename={"ine": header},
        change=lambda rows: rows[0].update(ine="", email="nouvelle@exemple.fr"),
    )

    result = ImportController(db).run(changed, None)

    assert not result.written
    unknown = [p for p in result.problems if "colonne inconnue" in p.message]
    assert len(unknown) == 1 and unknown[0].line == 1
    assert "\ufeff" not in unknown[0].line_text()
    if header != "Courriel perso":
        assert "INE" in unknown[0].message  # the probable column is suggested
    assert stored_candidates(db) == before


def test_bom_header_is_shown_escaped_on_the_command_line(imported, tmp_path: Path, capsys) -> None:
    """The invisible character of a « \\ufeffine » header is written out in the report line."""
    db, cands, _ = imported
    db.close()
    changed = rewrite(cands, tmp_path / "bom.csv", rename={"ine": "\ufeffine"})
    code = main(["import", str(changed), "--database", str(db.target)])
    err = capsys.readouterr().err
    assert code == 1
    assert "bom.csv:1: <U+FEFF>ine: colonne inconnue" in err


def test_assigned_header_imports_into_that_column(imported, tmp_path: Path) -> None:
    """The window's mapping step assigns « I.N.E. » to ine: the file then imports."""
    db, cands, _ = imported
    number = stored_candidates(db)
    changed = rewrite(
        cands,
        tmp_path / "modifie.csv",
        rename={"ine": "I.N.E."},
        change=lambda rows: rows[0].update(ine="1234567890V"),
    )
    first = next(iter(sorted(number)))

    result = ImportController(db).run(changed, None, assigned={"candidates": {"I.N.E.": "ine"}})

    assert result.problems == [] and result.written
    assert stored_candidates(db)[first][0] == "1234567890V"
    assert result.candidate_changes == {"ine": 1}


def test_left_out_header_keeps_stored_values(imported, tmp_path: Path) -> None:
    """A header the clerk chose to leave out is ignored like an absent column."""
    db, cands, _ = imported
    before = stored_candidates(db)
    changed = rewrite(
        cands,
        tmp_path / "modifie.csv",
        rename={"email": "Mail perso"},
        change=lambda rows: rows[0].update(email="x@y.fr"),
    )
    result = ImportController(db).run(changed, None, assigned={"candidates": {"Mail perso": None}})
    assert result.problems == [] and result.candidates_updated == 0
    assert stored_candidates(db) == before


def test_report_counts_the_fields_each_import_changed(imported, tmp_path: Path, capsys) -> None:
    """« 3 mis à jour (email ×3, phone ×1) »: the report says which fields changed, how often."""
    db, cands, _ = imported

    def change(rows: list[dict]) -> None:
        for index, row in enumerate(rows[:3]):
            row["email"] = f"nouveau{index}@exemple.fr"
        rows[0]["phone"] = "04 91 00 00 00"

    changed = rewrite(cands, tmp_path / "modifie.csv", change=change)
    db.close()
    code = main(["import", str(changed), "--database", str(db.target)])
    out = capsys.readouterr().out

    assert code == 0
    assert "3 mis à jour (email ×3, phone ×1)" in out
    assert "modifie.csv : CSV lu en UTF-8, séparateur virgule, 30 ligne(s)." in out


def test_values_under_an_empty_header_are_not_dropped_silently(
    db: Database, tmp_path: Path
) -> None:
    """A column without a header but with values is reported at its first value, not ignored."""
    path = tmp_path / "c.csv"
    path.write_text(
        "candidate_number;last_name;first_name;birth_date;nationality;residence_country;"
        "diploma;enrolment_history;\n"
        "M1;Martin;Léa;2001-01-01;FR;FR;licence;never;\n"
        "M2;Durand;Jo;2001-01-01;FR;FR;licence;never;lea.martin@exemple.fr\n",
        encoding="utf-8",
    )
    result = ImportController(db).run(path, None)
    assert not result.written
    assert [(p.line, p.column) for p in result.problems] == [(3, "colonne 9")]
    assert "en-tête vide" in result.problems[0].message
