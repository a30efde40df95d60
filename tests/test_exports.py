"""Exports on real files: round trip through the import, formula cells neutralised, progress."""

from __future__ import annotations

import csv
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
