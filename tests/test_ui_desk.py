"""The desk in a real office: windows fit the screen, one-pass entry, F1, wording, the list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    EnrolmentHistory,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.ui import candidate_file
from monmaster_desktop.ui.application_editor import ApplicationEditor
from monmaster_desktop.ui.candidate_file import CandidateFileDialog
from monmaster_desktop.ui.i18n import install_translators, remove_translators
from monmaster_desktop.ui.main_window import MainWindow
from monmaster_desktop.ui.preferences import Preferences
from monmaster_desktop.ui.screen import available, within_available
from monmaster_desktop.ui.shortcuts import ShortcutsDialog, window_shortcuts

HOME = "0134009M"
OTHER = "0751717J"


def candidate(number: str = "C001", **changes: object) -> CandidateData:
    return replace(
        CandidateData(
            candidate_number=number, last_name="Martin", first_name="Léa",
            birth_date=date(2001, 5, 4), nationality="FR", residence_country="FR",
            diploma=Diploma.LICENCE, enrolment_history=EnrolmentHistory.NEVER,
        ),
        **changes,
    )


def application(mention: str, **changes: object) -> ApplicationData:
    return replace(
        ApplicationData(
            campaign_year=2024, institution_code=OTHER, mention=mention,
            training_type=TrainingType.INITIAL, submitted_on=date(2024, 3, 1),
            status=ApplicationStatus.SUBMITTED,
        ),
        **changes,
    )


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(candidate_file, "ask", lambda *a, **k: "discard")


@pytest.fixture
def saved_candidate(services) -> int:  # noqa: ANN001
    return services.candidates.save(candidate()).file.candidate_id


@pytest.fixture
def main_window(qtbot, services):  # noqa: ANN001, ANN201
    window = MainWindow(Preferences(), demo=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.counted):
        window.attach(services, "t.sqlite")
    window.show()
    qtbot.waitExposed(window)
    return window


def show(qtbot, widget):  # noqa: ANN001, ANN201
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_keys(qtbot, text: str) -> None:  # noqa: ANN001
    qtbot.keyClicks(QApplication.focusWidget(), text)


def key(qtbot, which: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget(), which, modifier)


# -- screen ------------------------------------------------------------------------------------


def test_main_window_and_its_status_bar_fit_the_available_screen(main_window) -> None:  # noqa: ANN001
    """1280×760 does not fit this screen: the window is clamped, the status bar stays on it."""
    area = available(main_window)
    assert main_window.width() <= area.width() and main_window.height() <= area.height()
    assert within_available(main_window)
    bar = main_window.statusBar()
    assert bar.isVisible()
    bottom_left = bar.mapToGlobal(bar.rect().bottomLeft())
    assert area.contains(bottom_left)
    assert "31/12" not in main_window.reference.text()  # the reference date is what it shows
    assert main_window.reference.text().startswith("Date de référence")


def test_a_layout_saved_on_a_larger_screen_comes_back_inside(qtbot, services) -> None:  # noqa: ANN001
    """A geometry saved at 2000×1400 is brought back within the available screen."""
    first = MainWindow(Preferences())
    first.resize(2000, 1400)
    first.save_layout()
    first.close()
    window = show(qtbot, MainWindow(Preferences()))
    qtbot.waitUntil(lambda: within_available(window))


def test_candidate_file_and_editor_fit_and_the_file_keeps_its_size(qtbot, services,
                                                                   saved_candidate) -> None:  # noqa: ANN001
    """Both dialogs fit the available screen; the file comes back at the size it was left."""
    dialog = show(qtbot, CandidateFileDialog(services, saved_candidate))
    assert within_available(dialog)
    editor = show(qtbot, ApplicationEditor(services, saved_candidate, None, dialog))
    assert within_available(editor)
    editor.reject()
    dialog.resize(796, 520)
    dialog.close()
    again = show(qtbot, CandidateFileDialog(services, saved_candidate))
    assert (again.width(), again.height()) == (796, 520)


def test_window_title_names_the_program_once(main_window) -> None:  # noqa: ANN001
    """« Démonstration — Mon Master Desk »: ends with the display name, so Qt adds nothing."""
    from monmaster_desktop.ui.app import application

    application()  # the name Qt appends to every title, as at start-up
    title = main_window.windowTitle()
    assert title == "Démonstration — Mon Master Desk"
    assert title.endswith(QApplication.applicationDisplayName())
    assert title.count("Mon Master Desk") == 1


# -- F1 -----------------------------------------------------------------------------------------


def test_f1_lists_every_shortcut_of_the_main_window_from_its_actions(qtbot, main_window) -> None:  # noqa: ANN001
    """Every action that has keys is in the F1 list with them (none written by hand)."""
    rows = dict(window_shortcuts(main_window))
    for action in main_window.findChildren(type(main_window.act_new)):
        if action.shortcuts():
            assert action.text().replace("&", "").rstrip(".… ") in rows
    assert rows["Imprimer les fiches"] == "Ctrl+P"
    assert rows["Aperçu avant impression"] == "Ctrl+Maj+P" or "Ctrl+Shift+P"
    main_window.activateWindow()
    qtbot.keyClick(main_window.table, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: main_window.findChild(ShortcutsDialog) is not None)
    shown = main_window.findChild(ShortcutsDialog)
    assert "Ouvrir le dossier" in shown.text.text()


def test_f1_in_the_candidate_file_lists_its_keys_in_french_and_english(qtbot, services,
                                                                       saved_candidate) -> None:  # noqa: ANN001
    """Ctrl+S, Ins, Alt+1…3, Enter, Del, Esc are listed; English says Shift, never « Maj »."""
    app = QApplication.instance()
    translators = install_translators(app, "fr")
    try:
        dialog = show(qtbot, CandidateFileDialog(services, saved_candidate))
        keys = " | ".join(k for _what, k in window_shortcuts(dialog))
        for expected in ("Ctrl+S", "Inser", "Alt+1", "Alt+2", "Alt+3", "Entrée", "Suppr",
                         "Échap", "Ctrl+Maj+N", "F1"):
            assert expected in keys
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog.number, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: dialog.findChild(ShortcutsDialog) is not None)
    finally:
        remove_translators(app, translators)
    translators = install_translators(app, "en")
    try:
        english = show(qtbot, CandidateFileDialog(services, saved_candidate))
        keys = " | ".join(k for _what, k in window_shortcuts(english))
        assert "Ctrl+Shift+N" in keys and "Del" in keys and "Esc" in keys
        assert "Maj" not in keys
    finally:
        remove_translators(app, translators)
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))


# -- the application editor: one pass -----------------------------------------------------------


def test_editor_title_names_the_candidate_and_shows_no_red_before_typing(qtbot, services,
                                                                         saved_candidate) -> None:  # noqa: ANN001
    """« Nouvelle candidature — MARTIN Léa (C001) »; no message before anything is typed."""
    dialog = show(qtbot, CandidateFileDialog(services, saved_candidate))
    dialog.add_application()
    editor = dialog.editor
    qtbot.waitExposed(editor)
    assert "MARTIN Léa" in editor.windowTitle() or "Martin" in editor.windowTitle()
    assert "C001" in editor.windowTitle()
    assert not any(message.isVisible() for message in editor.messages.values())
    new_file = show(qtbot, CandidateFileDialog(services, None))
    assert not any(message.isVisible() for message in new_file.messages.values())


def test_a_new_application_is_entered_waitlisted_with_its_rank_in_one_pass(qtbot, services,
                                                                           saved_candidate) -> None:  # noqa: ANN001
    """UAI, Tab skips the name that filled itself, type-ahead « liste d » (a space) picks the
    status, rank, notification, Enter: stored waitlisted, cursor on its row."""
    services.applications.save(saved_candidate, application("Droit", institution_code=HOME,
                                                             institution_name="Aix-Marseille Université"))
    dialog = show(qtbot, CandidateFileDialog(services, saved_candidate))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    key(qtbot, Qt.Key.Key_Insert)
    editor = dialog.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.uai)
    type_keys(qtbot, HOME)
    assert editor.institution.text() == "Aix-Marseille Université"
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.mention
    type_keys(qtbot, "Informatique")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)  # parcours left empty
    key(qtbot, Qt.Key.Key_Tab)  # initial training, as shown
    type_keys(qtbot, "01032024")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.status
    type_keys(qtbot, "liste d")
    assert editor.status.currentData() == ApplicationStatus.WAITLISTED
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "12")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.notified  # reason and detail are greyed: skipped
    type_keys(qtbot, "04062024")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.applications.rowCount() == 2)
    stored = [a for a in services.candidates.get_file(saved_candidate).applications
              if a.data.mention == "Informatique"]
    assert [(a.data.status, a.data.waitlist_rank, a.data.notified_on) for a in stored] == [
        (ApplicationStatus.WAITLISTED, 12, date(2024, 6, 4))]
    current = dialog.applications.application(dialog.table.currentIndex().row())
    assert current.data.mention == "Informatique"


def test_create_in_state_follows_the_rules_of_an_edit(services, saved_candidate) -> None:  # noqa: ANN001
    """Rejected needs a reason; a definitive acceptance typed at once closes the others."""
    from monmaster_desktop.controllers.errors import Invalid

    assert set(services.applications.allowed_statuses(None)) == set(ApplicationStatus)
    with pytest.raises(Invalid) as refused:
        services.applications.save(saved_candidate, application(
            "Droit", status=ApplicationStatus.REJECTED, notified_on=date(2024, 6, 4)))
    assert refused.value.problems[0].field == "rejection_reason"
    services.applications.save(saved_candidate, application("Économie"))
    outcome = services.applications.save(saved_candidate, application(
        "Chimie", status=ApplicationStatus.ACCEPTED_DEFINITIVELY, notified_on=date(2024, 6, 4),
        accepted_on=date(2024, 6, 5)))
    assert outcome.closed and outcome.application_id is not None
    by_mention = {a.data.mention: a.data.status for a in outcome.file.applications}
    assert by_mention == {"Économie": ApplicationStatus.WITHDRAWN,
                          "Chimie": ApplicationStatus.ACCEPTED_DEFINITIVELY}
    refused_app = services.applications.save(saved_candidate, application(
        "Physique", status=ApplicationStatus.REJECTED, notified_on=date(2024, 6, 4),
        rejection_reason=RejectionReason.INCOMPLETE))
    assert any(a.data.status is ApplicationStatus.REJECTED for a in refused_app.file.applications)


# -- wording and the side panel -----------------------------------------------------------------


def test_expired_windows_fold_into_one_line(services, saved_candidate) -> None:  # noqa: ANN001
    """Three refusals whose windows closed: « 3 délais … expirés », the open one in full."""
    from monmaster_desktop.ui.candidate_file_text import what_to_do_html

    for mention, notified in (("Droit", date(2024, 4, 2)), ("Chimie", date(2024, 4, 3)),
                              ("Histoire", date(2024, 4, 4)), ("Physique", date(2024, 6, 20))):
        services.applications.save(saved_candidate, application(
            mention, status=ApplicationStatus.REJECTED, notified_on=notified,
            rejection_reason=RejectionReason.INCOMPLETE))
    file = services.candidates.get_file(saved_candidate, as_of=date(2024, 7, 1))
    text = what_to_do_html(file, date(2024, 7, 1))
    assert "3 délais de demande des motifs expirés." in text
    assert "Refus « Physique »" in text and "Refus « Droit »" not in text


def test_the_list_shows_a_registration_in_neutral_words(qtbot, services, saved_candidate) -> None:  # noqa: ANN001
    """A registered candidate reads « Inscription le 10/07/2024 », not a past deadline."""
    services.applications.save(saved_candidate, application(
        "Informatique", institution_code=HOME, status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
        notified_on=date(2024, 6, 4), accepted_on=date(2024, 7, 2),
        registered_on=date(2024, 7, 10)))
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.counted):
        window.attach(services, "t.sqlite")
    model = window.table.candidates
    assert model.index(0, 6).data() == "Inscription le 10/07/2024"
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Inscription"
    dialog = show(qtbot, CandidateFileDialog(services, saved_candidate))
    assert "Inscription le 10/07/2024." in dialog.todo.text()
    assert "Inscrit" not in dialog.todo.text()


def test_applications_table_is_readable_without_a_sideways_scroll(qtbot, services,
                                                                  saved_candidate) -> None:  # noqa: ANN001
    """At 1366 pixels the five columns fit: no horizontal scroll bar, dates on two lines."""
    services.applications.save(saved_candidate, application(
        "Mathématiques appliquées et statistique", parcours="Data science pour la décision",
        institution_name="Université Paris 1 Panthéon-Sorbonne",
        status=ApplicationStatus.REJECTED, notified_on=date(2024, 6, 4),
        rejection_reason=RejectionReason.REQUIREMENTS_NOT_MET))
    dialog = show(qtbot, CandidateFileDialog(services, saved_candidate))
    dialog.resize(1340, 660)
    dialog.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    assert not dialog.table.horizontalScrollBar().isVisible()
    assert dialog.applications.columnCount() == 5
    dates = dialog.applications.index(0, 4).data()
    assert dates.splitlines() == ["Déposée le 01/03/2024 · notifiée le 04/06/2024",
                                  "motifs demandables jusqu'au 04/07/2024"]


def test_identity_fields_never_shrink_to_a_few_letters(qtbot, services) -> None:  # noqa: ANN001
    """A narrow window shrinks the columns, not the identity fields to a few letters: each keeps
    room for eight characters, and the file still fits an 800-pixel screen."""
    dialog = CandidateFileDialog(services, None)
    qtbot.addWidget(dialog)
    dialog.resize(600, 600)  # narrower than the form can be: the dialog keeps its minimum
    dialog.show()
    qtbot.waitExposed(dialog)
    eight = dialog.ine.fontMetrics().horizontalAdvance("12345678")
    for edit in (dialog.number, dialog.ine, dialog.last_name, dialog.first_name, dialog.email,
                 dialog.phone, dialog.birth_date):
        assert edit.width() >= eight, edit.objectName()
    assert dialog.minimumSizeHint().width() <= 800


def test_the_editors_combos_show_their_longest_choice_whole(qtbot, services, saved_candidate) -> None:  # noqa: ANN001
    """« conditions d'admission non remplies » was cut to « conditions d'admission no… » in the
    narrower right-hand column: the reason's box is as wide as its longest reason."""
    dialog = show(qtbot, CandidateFileDialog(services, saved_candidate))
    editor = show(qtbot, ApplicationEditor(services, saved_candidate, None, dialog))
    metrics = editor.reason.fontMetrics()
    longest = max(
        metrics.horizontalAdvance(editor.reason.itemText(i)) for i in range(editor.reason.count())
    )
    assert editor.reason.width() >= longest + 20  # the text, its margins and the arrow
    assert editor.width() <= 1366
