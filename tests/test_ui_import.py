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
        if pane.mapping.item(r, 0) is not None
    }
    assert mapping["Numéro candidat *"] == "Numéro candidat"
    assert mapping["Courriel"] == "absente (valeur gardée)"
    assert "« Remarque »" in pane.warning.text()
    assert pane.rows.item(0, 1).text() == "Élodie"
    # An unknown column blocks the import until the clerk says what it holds.
    assert not dialog.check_button.isEnabled()
    chooser = pane.choosers["Remarque"]
    chooser.setCurrentIndex(chooser.findText("Ne pas importer cette colonne"))
    assert dialog.assigned["candidates"] == {"Remarque": None}
    assert dialog.check_button.isEnabled() and not pane.warning.isVisibleTo(dialog)


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


def _rewrite(path: Path, target: Path, rename: dict[str, str], change=None) -> Path:  # noqa: ANN001
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if change:
        change(rows)
    names = list(rows[0])
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([rename.get(n, n) for n in names])
        writer.writerows([row[n] for n in names] for row in rows)
    return target


def test_mapping_step_assigns_an_unknown_header(qtbot, dialog, services, tmp_path: Path) -> None:  # noqa: ANN001
    """« I.N.E. » is proposed as INE, never applied alone; once chosen, the import writes it."""
    cands, _ = demo_files(tmp_path)
    renamed = _rewrite(cands, tmp_path / "inscrits.csv", {"ine": "I.N.E."})
    choose(qtbot, dialog, renamed, None)
    pane = dialog.panes["candidates"]
    chooser = pane.choosers["I.N.E."]
    assert chooser.currentText() == "— à attribuer —"
    assert chooser.itemText(1) == "INE (proposée)"
    assert not dialog.import_button.isEnabled()
    chooser.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    with services.db.read() as session:
        from monmaster_desktop.models import Candidate

        stored = {c.ine for c in session.query(Candidate) if c.ine}
    typed = {r["ine"] for r in csv.DictReader(cands.open(encoding="utf-8")) if r["ine"]}
    assert stored == typed and typed


def test_identity_changes_are_listed_then_asked(
    qtbot,  # noqa: ANN001
    dialog,  # noqa: ANN001
    services,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A check lists each change old → new; the import asks, and only « Oui » writes it."""
    from PySide6.QtWidgets import QMessageBox

    from monmaster_desktop.controllers.imports import ImportController

    cands, apps = demo_files(tmp_path)
    assert ImportController(services.db).run(cands, apps).written
    target = tmp_path / "corrections.csv"

    def rename(rows: list[dict]) -> None:
        rows[0]["last_name"] = "Nouveau-Nom"

    first = next(csv.DictReader(cands.open(encoding="utf-8")))
    changed = _rewrite(cands, target, {}, rename)
    choose(qtbot, dialog, changed, None)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.changes is not None
    table = dialog.changes.identity
    assert [table.item(0, c).text() for c in (0, 2, 3, 4)] == [
        first["candidate_number"],
        "Nom",
        first["last_name"],
        "Nouveau-Nom",
    ]
    asked: list[str] = []

    def answer(reply):  # noqa: ANN001, ANN202
        def question(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    dialog.import_button.click()
    assert f"« {first['last_name']} » → « Nouveau-Nom »" in asked[0]
    assert not dialog.busy and dialog.result is not None and not dialog.result.written

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert "1 changement(s) d'identité acceptés" in dialog.summary.text()
    from monmaster_desktop.controllers.candidates import CandidateController

    controller = CandidateController(services.db)
    number = first["candidate_number"]
    assert (
        controller.get_file(controller.id_for_number(number)).candidate.last_name == "Nouveau-Nom"
    )


def test_import_without_check_asks_for_identity_changes(
    qtbot,  # noqa: ANN001
    dialog,  # noqa: ANN001
    services,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """« Importer » straight away: refused for the identity change, asked, then imported."""
    from PySide6.QtWidgets import QMessageBox

    from monmaster_desktop.controllers.imports import ImportController

    cands, apps = demo_files(tmp_path)
    assert ImportController(services.db).run(cands, apps).written
    changed = _rewrite(
        cands, tmp_path / "c.csv", {}, lambda rows: rows[1].update(first_name="Autre")
    )
    choose(qtbot, dialog, changed, None)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.import_button.click()
    assert dialog.result.written and len(dialog.result.identity_changes) == 1


def test_check_lists_applications_a_definitive_acceptance_closes(
    qtbot,
    dialog,
    services,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """The « Changements » tab lists each open application the import would withdraw."""
    cands, apps = demo_files(tmp_path)
    rows = list(csv.DictReader(apps.open(encoding="utf-8")))
    active = {"submitted", "waitlisted", "contract_search", "offer", "accepted_provisionally"}
    number = next(
        r["candidate_number"]
        for r in rows
        if r["status"] == "submitted"
        and r["phase"] in ("", "main")
        and sum(
            o["candidate_number"] == r["candidate_number"] and o["status"] in active for o in rows
        )
        >= 2
        and not any(
            o["candidate_number"] == r["candidate_number"]
            and o["status"] == "accepted_definitively"
            for o in rows
        )
    )

    def accept(rows: list[dict]) -> None:
        row = next(
            r
            for r in rows
            if r["candidate_number"] == number
            and r["status"] == "submitted"
            and r["phase"] in ("", "main")
        )
        row.update(
            status="accepted_definitively",
            notified_on="2024-06-05",
            accepted_on="2024-06-10",
            rejection_reason="",
            waitlist_rank="",
        )

    changed = _rewrite(apps, tmp_path / "acceptations.csv", {}, accept)
    choose(qtbot, dialog, cands, changed)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.result.problems == [], dialog.result.problems[:3]
    closed = dialog.result.closed
    assert closed and all(c.candidate_number == number for c in closed)
    assert dialog.changes.closed.rowCount() == len(closed)
    assert "candidature(s) close(s) par une acceptation définitive" in dialog.summary.text()
