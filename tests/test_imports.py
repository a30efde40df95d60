"""Import of real files: encodings, separators, French headers, XLSX, refused rows, re-imports."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from monmaster_desktop.controllers.candidates import CandidateController, count_candidates
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.db import Database
from monmaster_desktop.demo import generate, write_csv_files

ENGLISH = [
    "candidate_number",
    "last_name",
    "first_name",
    "birth_date",
    "nationality",
    "residence_country",
    "diploma",
    "enrolment_history",
    "phone",
]
FRENCH = [
    "Numéro candidat",
    "Nom",
    "Prénom",
    "Date de naissance",
    "Nationalité",
    "Pays de résidence",
    "Diplôme",
    "Historique d'inscription",
    "Téléphone",
]
PEOPLE = [
    ["C001", "Lefèvre", "Élodie", "14/03/2001", "France", "FR", "licence", "never", ""],
    [
        "C002",
        "Nguyễn-Thị",
        "Hélène",
        "2000-12-01",
        "VN",
        "France",
        "but",
        "never",
        "06 12 34 56 78",
    ],
    [
        "C003",
        "D'Août",
        "Gaëlle Œdipe",
        "01/01/1999",
        "Belgique",
        "BE",
        "licence_pro",
        "enrolled_last_year",
        "",
    ],
]
CP1252_PEOPLE = [row if row[0] != "C002" else [row[0], "Nguyen", *row[2:]] for row in PEOPLE]


def names_in(db: Database) -> dict[str, tuple[str, str, date]]:
    controller = CandidateController(db)
    found = {}
    for number in ("C001", "C002", "C003"):
        candidate = controller.get_file(controller.id_for_number(number)).candidate
        found[number] = (candidate.last_name, candidate.first_name, candidate.birth_date)
    return found


@pytest.mark.parametrize(
    ("encoding", "delimiter", "headers", "expected_encoding"),
    [
        ("utf-8", ",", ENGLISH, "utf-8"),
        ("utf-8-sig", ";", FRENCH, "utf-8-sig"),
        ("cp1252", ";", FRENCH, "cp1252"),
        ("cp1252", ",", ENGLISH, "cp1252"),
    ],
)
def test_csv_encodings_separators_and_headers(
    db: Database,
    tmp_path: Path,
    encoding: str,
    delimiter: str,
    headers: list[str],
    expected_encoding: str,
) -> None:
    """UTF-8 (BOM or not) and Windows-1252, `;` or `,`, French or English headers: same rows."""
    people = CP1252_PEOPLE if encoding == "cp1252" else PEOPLE
    path = tmp_path / "candidats.csv"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(people)
    preview = ImportController.preview(path, "candidates")
    assert (preview.encoding, preview.delimiter) == (expected_encoding, delimiter)
    assert preview.missing_required == [] and preview.unknown_columns == []

    result = ImportController(db).run(path, None)

    assert result.problems == [] and result.candidates_created == 3
    found = names_in(db)
    assert found["C001"] == ("Lefèvre", "Élodie", date(2001, 3, 14))
    assert found["C002"][1:] == ("Hélène", date(2000, 12, 1))
    assert found["C003"] == ("D'Août", "Gaëlle Œdipe", date(1999, 1, 1))


def test_xlsx_with_french_headers_and_real_dates(db: Database, tmp_path: Path) -> None:
    """An Excel workbook with French headers, date cells and numbers imports like a CSV file."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(FRENCH)
    for row in PEOPLE:
        day, month, year = row[3].split("/") if "/" in row[3] else reversed(row[3].split("-"))
        sheet.append(
            [*row[:3], date(int(year), int(month), int(day)), *row[4:8], "+33 6 12 34 56 78"]
        )
    path = tmp_path / "candidats.xlsx"
    workbook.save(path)

    preview = ImportController.preview(path, "candidates")
    assert preview.format == "xlsx" and preview.encoding is None

    result = ImportController(db).run(path, None)
    assert result.problems == []
    assert names_in(db)["C001"] == ("Lefèvre", "Élodie", date(2001, 3, 14))
    controller = CandidateController(db)
    assert (
        controller.get_file(controller.id_for_number("C003")).candidate.phone == "+33 6 12 34 56 78"
    )


def demo_files(folder: Path, candidates: int = 30) -> tuple[Path, Path]:
    return write_csv_files(generate(candidates, seed=11), folder)


def rewrite(path: Path, change) -> None:  # noqa: ANN001
    """Apply ``change(rows)`` to the data rows of a demo CSV file (header kept)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_bad_rows_write_nothing_and_each_is_reported(db: Database, tmp_path: Path) -> None:
    """Every refused row is reported with its line and column, and the database stays empty."""
    cands, apps = demo_files(tmp_path)

    def spoil_candidates(rows: list[dict]) -> None:
        rows[0]["birth_date"] = "32/01/2001"
        rows[4]["nationality"] = "Atlantide"
        rows[9]["diploma"] = "doctorat"

    def spoil_applications(rows: list[dict]) -> None:
        rows[2]["institution_code"] = "12345"
        rows[6]["training_type"] = "à distance"

    rewrite(cands, spoil_candidates)
    rewrite(apps, spoil_applications)
    result = ImportController(db).run(cands, apps)

    reported = {(p.file, p.line, p.column) for p in result.problems}
    assert {
        ("candidates.csv", 2, "birth_date"),
        ("candidates.csv", 6, "nationality"),
        ("candidates.csv", 11, "diploma"),
        ("applications.csv", 4, "institution_code"),
        ("applications.csv", 8, "training_type"),
    } <= reported
    assert all(p.message for p in result.problems)
    assert not result.written
    assert count_candidates(db) == 0


def test_reimport_updates_and_audits_old_to_new(db: Database, tmp_path: Path) -> None:
    """A re-import with a changed phone and waitlist rank updates both and audits old → new."""
    cands, apps = demo_files(tmp_path)
    controller = ImportController(db)
    assert controller.run(cands, apps).problems == []
    changed: dict[str, str] = {}

    def new_phone(rows: list[dict]) -> None:
        changed["number"] = rows[3]["candidate_number"]
        changed["old_phone"] = rows[3]["phone"]
        rows[3]["phone"] = "01 23 45 67 89"

    def new_rank(rows: list[dict]) -> None:
        row = next(r for r in rows if r["status"] == "waitlisted")
        changed["app_number"] = row["candidate_number"]
        changed["old_rank"] = row["waitlist_rank"]
        row["waitlist_rank"] = str(int(row["waitlist_rank"]) + 40)

    rewrite(cands, new_phone)
    rewrite(apps, new_rank)
    result = controller.run(cands, apps)

    assert result.problems == []
    assert (result.candidates_updated, result.candidates_created) == (1, 0)
    assert (result.applications_updated, result.applications_created) == (1, 0)
    assert result.candidates_unchanged == 29
    candidates = CandidateController(db)
    history = candidates.history(candidates.id_for_number(changed["number"]))
    assert any(
        (h.action, h.field, h.old_value, h.new_value)
        == ("import", "phone", changed["old_phone"] or None, "01 23 45 67 89")
        for h in history
    )
    history = candidates.history(candidates.id_for_number(changed["app_number"]))
    assert any(
        (h.entity, h.field, h.old_value, h.new_value)
        == ("application", "waitlist_rank", changed["old_rank"], str(int(changed["old_rank"]) + 40))
        for h in history
    )


def test_check_only_writes_nothing_but_gives_the_counts(db: Database, tmp_path: Path) -> None:
    """A dry run reports what an import would create and leaves the database empty."""
    cands, apps = demo_files(tmp_path, 10)
    result = ImportController(db).run(cands, apps, dry_run=True)
    assert result.problems == [] and not result.written
    assert result.candidates_created == 10
    assert count_candidates(db) == 0
