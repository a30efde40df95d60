"""The import window as a clerk uses it: choose files, read the preview, check, import, summary."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from monmaster_desktop.controllers.candidates import count_candidates
from monmaster_desktop.demo import generate, write_csv_files
from monmaster_desktop.ui.import_dialog import ImportDialog


def demo_files(folder: Path, candidates: int = 20) -> tuple[Path, Path]:
    return write_csv_files(generate(candidates, seed=7), folder)


def spoil(path: Path, changes: dict[int, dict[str, str]]) -> Path:
    """Rewrite ``path`` with some cells changed: {data row index: {column: value}}."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for index, cells in changes.items():
        rows[index].update(cells)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def dialog(qtbot, services):  # noqa: ANN001, ANN201
    window = ImportDialog(services)
    qtbot.addWidget(window)
    window.show()
    return window


def choose(qtbot, dialog: ImportDialog, candidates: Path | None, applications: Path | None) -> None:  # noqa: ANN001
    for kind, path in (("candidates", candidates), ("applications", applications)):
        if path is not None:
            dialog.set_file(kind, path)
            qtbot.waitUntil(lambda kind=kind: dialog.previews[kind] is not None, timeout=10000)


def test_preview_shows_encoding_separator_and_mapping(qtbot, dialog, tmp_path: Path) -> None:  # noqa: ANN001
    """A semicolon Windows-1252 file with French headers and a stray column previews as such."""
    path = tmp_path / "inscrits.csv"
    path.write_bytes(
        "Numéro candidat;Nom;Prénom;Date de naissance;Nationalité;Pays de résidence;Diplôme;"
        "Historique d'inscription;Remarque\n"
        "C1;Élodie;Bérénice;01/02/2001;FR;FR;licence;never;à voir\n".encode("cp1252")
    )
    choose(qtbot, dialog, path, None)
    pane = dialog.tabs.widget(0)
    assert "Windows-1252" in pane.shape.text()
    assert "point-virgule" in pane.shape.text()
    mapping = {
        pane.mapping.item(r, 0).text(): pane.mapping.item(r, 1).text()
        for r in range(pane.mapping.rowCount())
    }
    assert mapping["Numéro candidat *"] == "Numéro candidat"
    assert mapping["Courriel"] == "absente"
    assert mapping["inconnue, ignorée"] == "Remarque"
    assert "Remarque" in pane.warning.text()
    assert pane.rows.item(0, 1).text() == "Élodie"
    assert dialog.check_button.isEnabled()


def test_missing_required_column_is_called_out_and_blocks(qtbot, dialog, tmp_path: Path) -> None:  # noqa: ANN001
    """A file without a required column says which one, in red, and cannot be imported."""
    path = tmp_path / "candidats.csv"
    path.write_text("candidate_number,last_name\nC1,Martin\n", encoding="utf-8")
    choose(qtbot, dialog, path, None)
    pane = dialog.tabs.widget(0)
    assert pane.warning.isVisibleTo(dialog)
    assert "Prénom" in pane.warning.text()
    assert not dialog.import_button.isEnabled()


def test_check_reports_every_bad_row_and_saves_it(
    qtbot,
    dialog,
    services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    """Vérifier lists each refused row (line, column); the report saves to CSV; nothing written."""
    cands, apps = demo_files(tmp_path)
    spoil(cands, {2: {"birth_date": "31/02/2001"}, 5: {"diploma": "doctorat"}})
    choose(qtbot, dialog, cands, apps)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    rows = [(p.file, p.line, p.column) for p in dialog.report_model.problems]
    assert ("candidates.csv", 4, "birth_date") in rows
    assert ("candidates.csv", 7, "diploma") in rows
    assert dialog.report_model.rowCount() == len(rows)
    assert "rien n'a été enregistré" in dialog.summary.text()
    report = tmp_path / "rapport.csv"
    monkeypatch.setattr(
        "monmaster_desktop.ui.import_dialog.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(report), ""),
    )
    dialog.save_button.click()
    with report.open(encoding="utf-8-sig", newline="") as handle:
        saved = list(csv.reader(handle, delimiter=";"))
    assert saved[0] == ["Fichier", "Ligne", "Colonne", "Message"]
    assert len(saved) == len(rows) + 1
    assert count_candidates(services.db) == 0


def test_import_commits_and_shows_summary(qtbot, dialog, services, tmp_path: Path) -> None:  # noqa: ANN001
    """Importer writes a good file set, the summary gives the counts and `imported` is emitted."""
    cands, apps = demo_files(tmp_path)
    choose(qtbot, dialog, cands, apps)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert dialog.result is not None and dialog.result.written
    assert "Candidats : 20 créé(s), 0 mis à jour, 0 inchangé(s)" in dialog.summary.text()
    assert count_candidates(services.db) == 20
    dialog.import_button.click()  # the same files again: nothing changes
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert "Candidats : 0 créé(s), 0 mis à jour, 20 inchangé(s)" in dialog.summary.text()


def test_cancelled_import_writes_nothing(qtbot, dialog, services, tmp_path: Path) -> None:  # noqa: ANN001
    """Cancelling during the import says nothing was saved, and the database is still empty."""
    cands, apps = demo_files(tmp_path)
    choose(qtbot, dialog, cands, apps)
    dialog.controller.run = _cancelled_run(dialog.controller.run)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert dialog.summary.text() == "Import annulé : rien n'a été enregistré."
    assert count_candidates(services.db) == 0


def _cancelled_run(run):  # noqa: ANN001, ANN202
    """The controller's run as if the clerk pressed « Annuler » once the writing began."""

    def cancelled_midway(*args, is_cancelled, progress, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        state = {"writing": False}

        def spy(fraction: float, text: str) -> None:
            state["writing"] = fraction >= 0.6
            progress(fraction, text)

        return run(*args, progress=spy, is_cancelled=lambda: state["writing"], **kwargs)

    return cancelled_midway


def test_dropped_files_land_in_the_right_slot(dialog) -> None:  # noqa: ANN001
    """A dropped « candidatures » file goes to applications, another one to candidates."""
    assert dialog._kind_for_drop(Path("export-candidatures.csv"), 2) == "applications"
    assert dialog._kind_for_drop(Path("inscrits.xlsx"), 2) == "candidates"
