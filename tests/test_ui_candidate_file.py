"""The candidate file as a clerk uses it: keyboard entry, live checks, caps, stale saves, history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    EnrolmentHistory,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.ui import candidate_compare, candidate_file, candidate_file_applications
from monmaster_desktop.ui.candidate_file import CandidateFileDialog

HOME = "0134009M"
OTHER = "0751717J"


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    """A key as the clerk presses it: to the open completion list, else the focused widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    qtbot.keyClick(target, key, modifier)


def type_in(qtbot, text: str) -> None:  # noqa: ANN001
    """Type text key by key; accented letters arrive as a French keyboard sends them."""
    widget = QApplication.focusWidget()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget,
                    QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char),
                )


def fill(qtbot, *values: str) -> None:  # noqa: ANN001
    """Type each value then Tab to the next field; an empty value keeps the field as it is."""
    for value in values:
        if value:
            type_in(qtbot, value)
        press(qtbot, Qt.Key.Key_Tab)


def candidate(number: str = "C001", **changes: object) -> CandidateData:
    return replace(
        CandidateData(
            candidate_number=number,
            last_name="Martin",
            first_name="Léa",
            birth_date=date(2001, 5, 4),
            nationality="FR",
            residence_country="FR",
            diploma=Diploma.LICENCE,
            enrolment_history=EnrolmentHistory.NEVER,
        ),
        **changes,
    )


def application(mention: str, **changes: object) -> ApplicationData:
    return replace(
        ApplicationData(
            campaign_year=2024,
            institution_code=OTHER,
            mention=mention,
            training_type=TrainingType.INITIAL,
            submitted_on=date(2024, 3, 1),
            status=ApplicationStatus.SUBMITTED,
        ),
        **changes,
    )


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch) -> None:  # noqa: ANN001
    """A question nobody answers in a test (e.g. closing at teardown) discards and goes on."""
    monkeypatch.setattr(candidate_file, "ask", lambda *a, **k: "discard")


@pytest.fixture
def open_file(qtbot, services):  # noqa: ANN001, ANN201
    """Open the file of a candidate id (None: a new one), shown as the clerk sees it."""

    def opener(candidate_id: int | None) -> CandidateFileDialog:
        dialog = CandidateFileDialog(services, candidate_id)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    return opener


@pytest.fixture
def saved_candidate(services) -> int:  # noqa: ANN001
    return services.candidates.save(candidate()).file.candidate_id


def add_in_editor(
    qtbot, dialog: CandidateFileDialog, uai: str, mention: str, parcours: str, submitted: str
) -> None:  # noqa: ANN001
    """Ins, then the application typed field by field and Enter."""
    press(qtbot, Qt.Key.Key_Insert)
    editor = dialog.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.uai)
    fill(qtbot, uai)
    if QApplication.focusWidget() is editor.institution:  # a known name fills itself: skipped
        press(qtbot, Qt.Key.Key_Tab)
    fill(qtbot, mention, parcours, "")
    type_in(qtbot, submitted)
    press(qtbot, Qt.Key.Key_Return)


def test_new_candidate_and_five_applications_with_keyboard_only(qtbot, services, open_file) -> None:  # noqa: ANN001
    """A clerk types a candidate, saves with Ctrl+S and adds five applications with Ins/Enter."""
    dialog = open_file(None)
    assert QApplication.focusWidget() is dialog.number
    assert not dialog.add_button.isEnabled()
    fill(
        qtbot,
        "C2024001",
        "0123456789M",
        "Dupont",
        "Élodie",
        "04052001",
        "elodie@example.fr",
        "06 12 34 56 78",
        "cote",
        "france",
    )
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    candidate_id = services.candidates.id_for_number("C2024001")
    assert candidate_id is not None
    stored = services.candidates.get_file(candidate_id).candidate
    assert (stored.last_name, stored.birth_date, stored.nationality, stored.residence_country) == (
        "Dupont",
        date(2001, 5, 4),
        "CI",
        "FR",
    )
    assert dialog.birth_date.text() == "04/05/2001"
    assert "Éligible" in dialog.verdict.text()
    for number, mention in enumerate(
        ["Informatique", "Mathématiques", "Physique", "Chimie", "Économie"], start=1
    ):
        add_in_editor(qtbot, dialog, HOME, mention, "Parcours A", f"0{number}/03/2024")
        qtbot.waitUntil(lambda n=number: dialog.applications.rowCount() == n)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table)
    file = services.candidates.get_file(candidate_id)
    assert sorted(a.data.mention for a in file.applications) == [
        "Chimie",
        "Informatique",
        "Mathématiques",
        "Physique",
        "Économie",
    ]
    assert "Phase principale : 5/15 · alternance 0/15" in dialog.caps.text()


def test_wrong_ine_and_date_shown_beside_their_fields_as_typed(qtbot, open_file) -> None:  # noqa: ANN001
    """A wrong INE key and an impossible date are reported next to their fields while typing."""
    dialog = open_file(None)
    dialog.ine.setFocus()
    type_in(qtbot, "0123456789A")
    dialog.birth_date.setFocus()
    type_in(qtbot, "31/02/2001")
    qtbot.waitUntil(lambda: dialog.messages["ine"].isVisible())
    assert "INE « 0123456789A » invalide" in dialog.messages["ine"].text()
    assert "JJ/MM/AAAA" in dialog.messages["birth_date"].text()
    # the name, not typed yet, is not reproached while the clerk types; a save attempt says it
    assert not dialog.messages["last_name"].isVisible()
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Nom : champ obligatoire." in dialog.messages["last_name"].text()
    dialog.ine.clear()
    type_in(qtbot, "")
    dialog.ine.setFocus()
    type_in(qtbot, "0123456789M")
    qtbot.waitUntil(lambda: not dialog.messages["ine"].isVisible())


def test_sixteenth_mention_refused_beside_mention_and_form_kept(
    qtbot, services, open_file, saved_candidate
) -> None:  # noqa: ANN001
    """The 16th mention is refused with the cap message by the mention; the typing stays;
    another parcours of a mention already counted is accepted."""
    for number in range(1, 16):
        services.applications.save(saved_candidate, application(f"Mention {number:02d}"))
    dialog = open_file(saved_candidate)
    dialog.tabs.setCurrentIndex(1)
    dialog.table.setFocus()
    add_in_editor(qtbot, dialog, OTHER, "Mention 16", "Parcours X", "02/03/2024")
    editor = dialog.editor
    assert editor.isVisible()
    message = editor.messages["mention"].text()
    assert "Plafond atteint : 15 mentions au plus hors alternance en phase principale" in message
    assert "« Mention 16 » serait la 16e" in message
    assert (editor.uai.text(), editor.mention.text(), editor.parcours.text()) == (
        OTHER,
        "Mention 16",
        "Parcours X",
    )
    assert editor.submitted.text() == "02/03/2024"
    assert len(services.candidates.get_file(saved_candidate).applications) == 15

    editor.mention.setFocus()
    editor.mention.selectAll()
    type_in(qtbot, "mention 01 ")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert dialog.applications.rowCount() == 16
    assert "Phase principale : 15/15" in dialog.caps.text()


def test_definitive_acceptance_shows_deadline_route_and_closed(
    qtbot, services, open_file, saved_candidate
) -> None:  # noqa: ANN001
    """Accepting the home offer on 02/07/2024 shows « 19/07/2024 », the IAWEB route and
    which other application was closed."""
    services.as_of_override = date(2024, 7, 3)
    services.applications.save(saved_candidate, application("Droit"))
    services.applications.save(
        saved_candidate,
        application(
            "Informatique",
            institution_code=HOME,
            status=ApplicationStatus.OFFER,
            notified_on=date(2024, 6, 4),
        ),
    )
    dialog = open_file(saved_candidate)
    dialog.tabs.setCurrentIndex(1)
    row = next(
        r for r in range(2) if dialog.applications.application(r).data.mention == "Informatique"
    )
    dialog.table.selectRow(row)
    dialog.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    editor = dialog.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.status)
    editor.status.setCurrentIndex(editor.status.findData(ApplicationStatus.ACCEPTED_DEFINITIVELY))
    assert editor.accepted_on.isEnabled() and not editor.rank.isEnabled()
    editor.accepted_on.setFocus()
    type_in(qtbot, "02/07/2024")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())
    todo = dialog.todo.text()
    assert "S'inscrire au plus tard le 19/07/2024" in todo
    assert "dépassée" not in todo
    assert "Portail d'inscription IAWEB Primo" in todo
    assert "Droit (0751717J)" in dialog.notice.text()
    file = services.candidates.get_file(saved_candidate)
    assert file.assessment.registration.deadline == date(2024, 7, 19)


def test_reopened_file_shows_history_in_french(qtbot, services, open_file, saved_candidate) -> None:  # noqa: ANN001
    """After a status change, reopening the file lists who changed what, in French words."""
    app_file = services.applications.save(saved_candidate, application("Droit")).file
    view = app_file.applications[0]
    services.applications.save(
        saved_candidate,
        replace(
            view.data,
            status=ApplicationStatus.REJECTED,
            rejection_reason=RejectionReason.INCOMPLETE,
            notified_on=date(2024, 5, 31),
        ),
        application_id=view.id,
        expected_version=view.version,
    )
    dialog = open_file(saved_candidate)
    model = dialog.history_model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    status_row = next(r for r in rows if r[4] == "Statut")
    assert status_row[3] == "Candidature Droit (0751717J)"
    assert (status_row[5], status_row[6]) == ("Candidature déposée", "Candidature refusée")
    notified = next(r for r in rows if r[4] == "Notifiée le")
    assert notified[6] == "31/05/2024"
    assert any(r[2] == "Création" and r[3] == "Fiche du candidat" for r in rows)
    # on today's date the window to ask for the reasons has closed: folded into one line
    assert "1 délai de demande des motifs expiré." in dialog.todo.text()
    assert "Refus « Droit »" not in dialog.todo.text()


def test_stale_save_names_who_and_when_and_overwrites_nothing(
    qtbot, services, open_file, saved_candidate, monkeypatch
) -> None:  # noqa: ANN001
    """A save over a change made elsewhere says who/when, writes nothing, keeps the typing;
    « Recharger » then shows the stored values."""
    dialog = open_file(saved_candidate)
    stored = services.candidates.get_file(saved_candidate)
    services.candidates.save(
        replace(stored.candidate, last_name="Durand"),
        candidate_id=saved_candidate,
        expected_version=stored.version,
    )
    asked = []
    monkeypatch.setattr(
        candidate_compare, "ask", lambda parent, title, text, *a, **k: asked.append(text) or "cancel"
    )
    dialog.first_name.setFocus()
    dialog.first_name.selectAll()
    type_in(qtbot, "Zoé")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    assert "a été modifiée par" in asked[0] and " à " in asked[0]
    assert "Rien n'a été enregistré." in asked[0]
    now = services.candidates.get_file(saved_candidate).candidate
    assert (now.last_name, now.first_name) == ("Durand", "Léa")
    assert dialog.first_name.text() == "Zoé" and dialog.last_name.text() == "Martin"

    monkeypatch.setattr(candidate_compare, "ask", lambda *a, **k: "reload")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (dialog.last_name.text(), dialog.first_name.text()) == ("Durand", "Léa")
    assert not dialog.is_dirty()


def test_closing_with_unsaved_changes_prompts(
    qtbot, services, open_file, saved_candidate, monkeypatch
) -> None:  # noqa: ANN001
    """Esc with unsaved changes asks: Annuler keeps the window, Enregistrer saves and closes."""
    dialog = open_file(saved_candidate)
    dialog.phone.setFocus()
    type_in(qtbot, "0612345678")
    answers = iter(["cancel", "save"])
    monkeypatch.setattr(candidate_file, "ask", lambda *a, **k: next(answers))
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert services.candidates.get_file(saved_candidate).candidate.phone is None
    dialog.close()
    assert not dialog.isVisible()
    assert services.candidates.get_file(saved_candidate).candidate.phone == "0612345678"


def test_discarding_changes_on_close_writes_nothing(
    qtbot, services, open_file, saved_candidate, monkeypatch
) -> None:  # noqa: ANN001
    """« Ne pas enregistrer » closes and the database keeps its values."""
    dialog = open_file(saved_candidate)
    dialog.last_name.setFocus()
    type_in(qtbot, "x")
    monkeypatch.setattr(candidate_file, "ask", lambda *a, **k: "discard")
    dialog.close()
    assert not dialog.isVisible()
    assert services.candidates.get_file(saved_candidate).candidate.last_name == "Martin"


def test_enter_in_a_field_saves_and_emits_saved(
    qtbot, services, open_file, saved_candidate
) -> None:  # noqa: ANN001
    """Enter in a line edit saves the file and tells the main window which candidate changed."""
    dialog = open_file(saved_candidate)
    dialog.email.setFocus()
    type_in(qtbot, "lea.martin@example.fr")
    with qtbot.waitSignal(dialog.saved) as signal:
        press(qtbot, Qt.Key.Key_Return)
    assert signal.args == [saved_candidate]
    assert services.candidates.get_file(saved_candidate).candidate.email == "lea.martin@example.fr"


def test_withdraw_with_delete_after_confirmation(
    qtbot, services, open_file, saved_candidate, monkeypatch
) -> None:  # noqa: ANN001
    """Del on an application asks, then withdraws it: it no longer counts."""
    services.applications.save(saved_candidate, application("Droit"))
    dialog = open_file(saved_candidate)
    dialog.tabs.setCurrentIndex(1)
    dialog.table.selectRow(0)
    dialog.table.setFocus()
    monkeypatch.setattr(candidate_file_applications, "ask", lambda *a, **k: "withdraw")
    press(qtbot, Qt.Key.Key_Delete)
    file = services.candidates.get_file(saved_candidate)
    assert file.applications[0].data.status is ApplicationStatus.WITHDRAWN
    assert "Phase principale : 0/15" in dialog.caps.text()


def test_not_eligible_verdict_and_duplicate_warning_live(
    qtbot, services, open_file, saved_candidate
) -> None:  # noqa: ANN001
    """A Moroccan living in Morocco is not eligible; a same name and birth date is a warning."""
    dialog = open_file(None)
    dialog.last_name.setText("Martin")
    dialog.first_name.setText("Léa")
    dialog.birth_date.setText("04/05/2001")
    dialog.nationality.set_code("MA")
    dialog.residence.set_code("MA")
    dialog.check()
    assert "Non éligible" in dialog.verdict.text()
    assert "Études en France" in dialog.verdict.text()
    assert "Doublon possible : C001" in dialog.duplicates.text()


def test_alt_down_goes_to_next_candidate_of_the_list(qtbot, services) -> None:  # noqa: ANN001
    """Alt+Down asks the main window for the next candidate and shows his file."""
    first = services.candidates.save(candidate("C001")).file.candidate_id
    second = services.candidates.save(candidate("C002", last_name="Petit")).file.candidate_id

    class Window(QWidget):
        def next_candidate_id(self, current_id: int, step: int) -> int | None:
            order = [first, second]
            index = order.index(current_id) + step
            return order[index] if 0 <= index < len(order) else None

    window = Window()
    qtbot.addWidget(window)
    dialog = CandidateFileDialog(services, first, window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert dialog.candidate_id == second and dialog.last_name.text() == "Petit"


def test_table_models_pass_qtmodeltester(qtmodeltester, services, saved_candidate) -> None:  # noqa: ANN001
    """The applications and history models follow Qt's model rules."""
    services.applications.save(saved_candidate, application("Droit"))
    file = services.candidates.get_file(saved_candidate)
    applications = candidate_file.ApplicationTableModel()
    applications.set_rows(file.applications)
    qtmodeltester.check(applications)
    history = candidate_file.HistoryTableModel()
    history.set_entries(services.candidates.history(saved_candidate), {})
    qtmodeltester.check(history)


def test_english_catalogue_translates_the_file(qtbot, services, saved_candidate) -> None:  # noqa: ANN001
    """With candidate_en.qm installed the file speaks English, domain labels included."""
    from PySide6.QtCore import QTranslator

    from monmaster_desktop.paths import resource

    services.applications.save(saved_candidate, application("Droit"))
    translator = QTranslator()
    assert translator.load(str(resource("translations") / "candidate_en.qm"))
    QApplication.installTranslator(translator)
    try:
        dialog = CandidateFileDialog(services, saved_candidate)
        qtbot.addWidget(dialog)
        assert dialog.tabs.tabText(1) == "Applications"
        assert dialog.applications.index(0, 3).data().splitlines()[0] == "Application submitted"
        assert "Main phase: 1/15 · alternance 0/15" in dialog.caps.text()
        # the dates column too, and what a screen reader says of the tables' headers
        assert dialog.applications.index(0, 4).data().startswith("Submitted on ")
        main = QTranslator()
        assert main.load(str(resource("translations") / "main_en.qm"))
        QApplication.installTranslator(main)
        try:
            from PySide6.QtWidgets import QTableView

            from monmaster_desktop.ui.accessibility import name_table

            view = QTableView()
            qtbot.addWidget(view)
            name_table(view, "Applications")
            assert view.horizontalHeader().accessibleName() == "Applications: column headers"
            assert view.verticalHeader().accessibleName() == "Applications: row headers"
        finally:
            QApplication.removeTranslator(main)
    finally:
        QApplication.removeTranslator(translator)


def test_export_pdf_and_print_preview_of_the_sheet(
    qtbot, services, open_file, saved_candidate, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    """« Exporter en PDF… » writes the candidate's sheet; Ctrl+P paints it in the preview."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog

    dialog = open_file(saved_candidate)
    out = tmp_path / "fiche.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.export_pdf()
    assert out.read_bytes().startswith(b"%PDF")
    assert "PDF enregistré" in dialog.notice.text() and "1 page" in dialog.notice.text()

    printed = tmp_path / "preview.pdf"

    def exec_preview(preview: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        preview.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_preview)
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.read_bytes().startswith(b"%PDF")


def test_country_names_follow_the_interface_language(qtbot, services, saved_candidate) -> None:  # noqa: ANN001
    """In English the pickers show English country names; the stored code is unchanged."""
    from PySide6.QtCore import QLocale

    from monmaster_desktop.ui.widgets import CountryPicker

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        picker = CountryPicker()
        qtbot.addWidget(picker)
        picker.setCurrentIndex(picker.findData("MA"))
        assert picker.currentText() == "Morocco"
        assert picker.currentData() == "MA"
    finally:
        QLocale.setDefault(previous)
    french = CountryPicker()
    qtbot.addWidget(french)
    french.setCurrentIndex(french.findData("MA"))
    assert french.currentText() == "Maroc"
