"""Exports on real files: round trip through the import, formula cells neutralised, progress."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from monmaster_desktop.controllers.checks import check_report
from monmaster_desktop.controllers.exports import ExportController
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.db import Database
from monmaster_desktop.demo import generate, write_csv_files

AS_OF = date(2024, 7, 20)
INJECTIONS = {
    "phone": "+33 6 12 34 56 78",
    "institution_name": "=cmd|' /C calc'!A0",
    "parcours": "-1",
    "parcours_2": "@SUM(1+1)",
}


def seeded(path: Path, folder: Path, candidates: int = 40) -> Database:
    """A database at ``path`` holding generated candidates, some cells looking like formulas."""
    data = generate(candidates, seed=5)
    data.candidates[0]["phone"] = INJECTIONS["phone"]
    first, second = data.applications[0], data.applications[1]
    # An institution the new base does not know yet (its seeded home institution keeps its name).
    other = next(a for a in data.applications if a["institution_code"] != first["institution_code"])
    for app in data.applications:
        if app["institution_code"] == other["institution_code"]:
            app["institution_name"] = INJECTIONS["institution_name"]
    first["parcours"] = INJECTIONS["parcours"]
    second["parcours"] = INJECTIONS["parcours_2"]
    cands, apps = write_csv_files(data, folder)
    db = Database(path)
    result = ImportController(db).run(cands, apps)
    assert result.problems == [], result.problems[:3]
    return db


def export_both(db: Database, folder: Path, suffix: str) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    exporter = ExportController(db)
    paths = (folder / f"candidats.{suffix}", folder / f"candidatures.{suffix}")
    exporter.export("candidates", paths[0], as_of=AS_OF)
    exporter.export("applications", paths[1], as_of=AS_OF)
    return paths


def csv_cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def xlsx_cells(path: Path) -> list[list[object]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_import_round_trip_gives_identical_data(
    tmp_path: Path,
    suffix: str,
    db_target,  # noqa: ANN001 - the file or the server the first export reads
) -> None:
    """Exported lists imported into a new base give the same check report and the same export."""
    first = seeded(db_target, tmp_path / "in")
    cands, apps = export_both(first, tmp_path / "out1", suffix)
    second = Database(tmp_path / "second.sqlite")
    result = ImportController(second).run(cands, apps)
    assert result.problems == [], result.problems[:3]
    assert result.candidates_created == 40

    assert check_report(second, AS_OF) == check_report(first, AS_OF)
    again = export_both(second, tmp_path / "out2", suffix)
    read = csv_cells if suffix == "csv" else xlsx_cells
    assert read(again[0]) == read(cands)
    assert read(again[1]) == read(apps)
    reimport = ImportController(first).run(cands, apps)
    assert (reimport.candidates_unchanged, reimport.applications_updated) == (40, 0)
    first.close()
    second.close()


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_formula_cells_are_neutralised_and_restored(
    tmp_path: Path,
    suffix: str,
    db_target,  # noqa: ANN001
) -> None:
    """Cells starting = + - @ are written behind an apostrophe and come back whole on import."""
    db = seeded(db_target, tmp_path / "in")
    cands, apps = export_both(db, tmp_path / "out", suffix)
    read = csv_cells if suffix == "csv" else xlsx_cells
    cells = {str(cell) for row in read(cands)[1:] + read(apps)[1:] for cell in row if cell}
    for value in INJECTIONS.values():
        assert "'" + value in cells
        assert value not in cells
    assert not [c for c in cells if c[0] in "=+-@"]  # nothing a spreadsheet would run

    other = Database(tmp_path / "other.sqlite")
    assert ImportController(other).run(cands, apps).problems == []
    again = export_both(other, tmp_path / "again", suffix)
    again_cells = {str(c) for row in read(again[0])[1:] + read(again[1])[1:] for c in row if c}
    # The import stored the original texts: exported again they carry one apostrophe, not two.
    assert again_cells == cells
    db.close()
    other.close()


def test_export_reports_progress_and_counts_rows(tmp_path: Path) -> None:
    """The export calls progress as rows stream out and returns the number of data rows."""
    db = seeded(tmp_path / "base.sqlite", tmp_path / "in", candidates=300)
    seen: list[int] = []
    count = ExportController(db).export(
        "applications", tmp_path / "apps.csv", as_of=AS_OF, progress=seen.append
    )
    assert count == len(csv_cells(tmp_path / "apps.csv")) - 1
    assert seen and seen == sorted(seen) and seen[-1] <= count
    db.close()


def test_cancelled_export_leaves_no_file(tmp_path) -> None:  # noqa: ANN001
    """An export cancelled part-way leaves no file at all, not even a partial one."""
    from datetime import date

    import pytest

    from monmaster_desktop.controllers.demo import build_demo_database
    from monmaster_desktop.controllers.exports import ExportCancelled, ExportController
    from monmaster_desktop.db import Database

    path = build_demo_database(tmp_path / "demo.sqlite", candidates=300)
    out = tmp_path / "out.csv"
    with Database(path) as db, pytest.raises(ExportCancelled):
        ExportController(db).export(
            "applications", out, as_of=date(2024, 7, 20), is_cancelled=lambda: True
        )
    assert list(tmp_path.glob("*out.csv*")) == []


def rows_as_the_files_show_them(db: Database, as_of: date, ids: list[int]) -> list[list[object]]:
    """The applications as each candidate file lists them (the screens' path through the
    rules): the reference the export's own query is held to."""
    from monmaster_desktop.controllers.context import RulesContext
    from monmaster_desktop.controllers.files import iter_files
    from monmaster_desktop.domain import PHASE_FR, REJECTION_FR, STATUS_FR, TRAINING_FR

    rows = []
    with db.read() as session:
        for file in iter_files(session, RulesContext.load(session), ids, as_of):
            for view in file.applications:
                d = view.data
                rows.append([
                    file.candidate.candidate_number, d.campaign_year, PHASE_FR[d.phase],
                    d.institution_code, d.institution_name, d.mention, d.parcours,
                    TRAINING_FR[d.training_type], d.submitted_on, STATUS_FR[d.status],
                    d.waitlist_rank,
                    REJECTION_FR[d.rejection_reason] if d.rejection_reason else None,
                    d.notified_on, d.accepted_on, d.registered_on, file.candidate.last_name,
                    file.candidate.first_name, view.explanation_last_day,
                ])  # fmt: skip
    return rows


@pytest.mark.parametrize("as_of", [date(2024, 5, 20), date(2024, 6, 12), AS_OF, date(2025, 1, 6)])
def test_applications_export_lists_what_the_candidate_files_show(
    tmp_path: Path,
    as_of: date,
    db_target,  # noqa: ANN001
) -> None:
    """Everyone, a worklist and a hand-picked list: the same rows, in the same order, with the
    same last day to ask for reasons (none before the refusal was notified) as the files."""
    from monmaster_desktop.controllers.sheets import SheetController
    from monmaster_desktop.io.columns import APPLICATION_DERIVED, APPLICATIONS, FRENCH_HEADERS
    from monmaster_desktop.io.writers import write_csv

    db = seeded(db_target, tmp_path / "in", candidates=120)
    headers = [FRENCH_HEADERS[n] for n in APPLICATIONS.names] + list(APPLICATION_DERIVED)
    sheets, exporter = SheetController(db), ExportController(db)
    everyone = sheets.candidate_ids(flag="all", as_of=as_of)
    not_eligible = sheets.candidate_ids(flag="not_eligible", as_of=as_of)
    picked = everyone[::-7]  # not by number: the export keeps the order it is given
    cases = [
        ({}, everyone),
        ({"worklist": "not_eligible"}, not_eligible),
        ({"candidate_ids": picked}, picked),
    ]
    last_days = 0
    for number, (chosen, ids) in enumerate(cases):
        expected = rows_as_the_files_show_them(db, as_of, ids)
        last_days += sum(row[-1] is not None for row in expected)
        write_csv(tmp_path / f"attendu{number}.csv", headers, expected)
        count = exporter.export("applications", tmp_path / f"export{number}.csv", as_of=as_of,
                                **chosen)  # fmt: skip
        assert count == len(expected)
        assert csv_cells(tmp_path / f"export{number}.csv") == csv_cells(
            tmp_path / f"attendu{number}.csv"
        )
    assert not_eligible and len(picked) > 10
    if as_of > date(2024, 6, 1):
        assert last_days  # some refusals had been notified: the column was really compared
    db.close()


@pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("CI") != "true",
    reason="LibreOffice is not installed (.ci/run installs it; under CI=true this test runs)",
)
def test_libreoffice_reads_the_xlsx_export_as_the_csv_export_says(tmp_path: Path) -> None:
    """Another spreadsheet than our reader: LibreOffice, converting the workbook to CSV with
    the cells as shown, gives the CSV export's every cell (dates shown DD/MM/YYYY)."""
    db = seeded(tmp_path / "base.sqlite", tmp_path / "in")
    for suffix in ("csv", "xlsx"):
        ExportController(db).export("applications", tmp_path / f"liste.{suffix}", as_of=AS_OF)
    db.close()
    options = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false"
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", options, "--outdir", str(tmp_path / "lo"),
         str(tmp_path / "liste.xlsx")],
        capture_output=True, text=True, timeout=300, env=os.environ | {"HOME": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with (tmp_path / "lo" / "liste.csv").open(encoding="utf-8", newline="") as handle:
        shown = list(csv.reader(handle, delimiter=";"))
    expected = csv_cells(tmp_path / "liste.csv")
    assert len(expected) > 100 and shown == expected
