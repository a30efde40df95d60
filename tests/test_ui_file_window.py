"""The candidate file's window kept and filled again, and the list drawn from rows read once:
what a clerk sees must be the file and the rows asked for, never what was shown before."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.domain import ApplicationStatus, Diploma, EnrolmentHistory, TrainingType
from monmaster_desktop.ui.candidate_cells import RowTextDelegate
from monmaster_desktop.ui.candidate_file import CandidateFileDialog
from monmaster_desktop.ui.candidate_table import ELIGIBLE, FLAGS, NAME
from monmaster_desktop.ui.main_window import MainWindow
from monmaster_desktop.ui.preferences import Preferences

SUMMER = date(2024, 7, 20)


def add_candidate(services, number: str, last: str, first: str, **changes) -> int:  # noqa: ANN001
    values = {
        "candidate_number": number,
        "last_name": last,
        "first_name": first,
        "birth_date": date(2001, 5, 4),
        "nationality": "FR",
        "residence_country": "FR",
        "diploma": Diploma.LICENCE,
        "enrolment_history": EnrolmentHistory.NEVER,
    } | changes
    return services.candidates.save(CandidateData(**values)).file.candidate_id


@pytest.fixture
def two(services):  # noqa: ANN001, ANN201
    """Lefèvre (INE, e-mail, notes, one application) and Durand (none of them, no diploma)."""
    lefevre = add_candidate(
        services, "1000001", "Lefèvre", "Zoé", ine="1234567890V", email="zoe@example.fr",
        notes="Dossier papier reçu", ves_vap=True,
    )  # fmt: skip
    services.applications.save(
        lefevre,
        ApplicationData(
            campaign_year=2024, institution_code="0134009M", mention="Informatique",
            training_type=TrainingType.INITIAL, submitted_on=date(2024, 3, 1),
            status=ApplicationStatus.WAITLISTED, waitlist_rank=4,
        ),
    )  # fmt: skip
    durand = add_candidate(services, "1000003", "Durand", "Éric", diploma=Diploma.NONE)
    services.as_of_override = SUMMER
    return services, lefevre, durand


@pytest.fixture
def window(qtbot, two):  # noqa: ANN001, ANN201
    services = two[0]
    main = MainWindow(Preferences())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.listed):
        main.attach(services, "t.sqlite")
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: main._spare_file is not None)
    return main


def test_list_filled_keeps_a_file_window_ready_and_the_first_file_uses_it(window, two) -> None:  # noqa: ANN001
    """Once the list is filled a file window waits, empty; opening a file fills that one."""
    _services, lefevre, _durand = two
    ready = window._spare_file[0]
    assert isinstance(ready, CandidateFileDialog) and not ready.isVisible()
    assert ready.candidate_id is None and ready.last_name.text() == ""
    opened = window.open_candidate(lefevre)
    assert opened is ready and opened.isVisible()
    assert opened.last_name.text() == "Lefèvre" and opened.ine.text() == "1234567890V"


def test_a_closed_file_window_opened_again_shows_nothing_of_the_file_before(
    window,
    two,
    qtbot,  # noqa: ANN001
) -> None:
    """Lefèvre's file, looked at on its history tab with a notice, is closed; Durand's file
    opens in the same window with only Durand's values, the first tab, no notice, and Ctrl+Z
    in a field does not bring Lefèvre's value back. The closed window holds no name meanwhile."""
    _services, lefevre, durand = two
    first = window.open_candidate(lefevre)
    assert first.applications.rowCount() == 1 and first.history_model.rowCount() > 0
    first.tabs.setCurrentIndex(2)
    first._set_notice("Enregistré par un autre poste.")
    first.reject()
    assert not first.isVisible()
    assert first.last_name.text() == "" and first.notes.toPlainText() == ""  # emptied on close

    second = window.open_candidate(durand)
    assert second is first  # the same window, filled again
    assert second.candidate_id == durand
    assert (second.number.text(), second.last_name.text(), second.first_name.text()) == (
        "1000003", "Durand", "Éric",
    )  # fmt: skip
    assert second.ine.text() == "" and second.email.text() == ""
    assert second.notes.toPlainText() == "" and not second.ves_vap.isChecked()
    assert Diploma(second.diploma.currentData()) is Diploma.NONE
    assert second.applications.rowCount() == 0
    assert "LEFÈVRE" not in second.windowTitle() and "DURAND" in second.title.text()
    assert second.tabs.currentIndex() == 0 and not second.notice.isVisible()
    assert all(
        "Lefèvre" not in str(second.history_model.index(row, column).data())
        for row in range(second.history_model.rowCount())
        for column in range(second.history_model.columnCount())
    )
    for field in (second.last_name, second.ine, second.email):
        field.undo()
    second.notes.undo()
    assert second.last_name.text() == "Durand" and second.ine.text() == ""
    assert second.email.text() == "" and second.notes.toPlainText() == ""
    assert not second.is_dirty()
    qtbot.waitUntil(lambda: second.focusWidget() is second.number)


def test_new_candidate_in_a_kept_window_is_blank_and_a_refused_save_keeps_the_typing(
    window,
    two,
    monkeypatch,  # noqa: ANN001
) -> None:
    """Ctrl+N after a closed file: a blank « Nouveau candidat »; a save refused (a number
    already taken) keeps every value typed, its message beside the number."""
    _services, lefevre, _durand = two
    window.open_candidate(lefevre).reject()
    blank = window.open_candidate(None)
    assert blank.windowTitle() == "Nouveau candidat"
    assert blank.number.text() == "" and blank.last_name.text() == ""
    assert not blank.verdict.text().startswith("Éligible") or blank.nationality.code() is None
    assert not blank.confirm_button.isVisible() and not blank.later_note.isVisible()
    assert blank.messages["candidate_number"].text() == ""  # nothing said before a save
    blank.number.setText("1000001")  # Lefèvre's
    blank.last_name.setText("Nouveau")
    blank.first_name.setText("Nom")
    blank.birth_date.setText("04/05/2001")
    blank.nationality.set_code("FR")
    blank.residence.set_code("FR")
    assert blank.save() is False
    assert blank.candidate_id is None
    assert (blank.number.text(), blank.last_name.text()) == ("1000001", "Nouveau")
    assert "1000001" in blank.messages["candidate_number"].text()
    asked: list[str] = []
    monkeypatch.setattr(
        "monmaster_desktop.ui.candidate_file.ask",
        lambda _parent, title, *_args, **_kwargs: asked.append(title) or "cancel",
    )
    blank.reject()  # unsaved: the clerk is asked, and cancels
    assert asked == ["Modifications non enregistrées"] and blank.isVisible()
    monkeypatch.setattr(
        "monmaster_desktop.ui.candidate_file.ask", lambda *_args, **_kwargs: "discard"
    )
    blank.reject()
    assert not blank.isVisible() and window._spare_file[0] is blank
    assert blank.number.text() == "" and blank.messages["candidate_number"].text() == ""


def test_the_table_draws_each_cell_from_its_row(window) -> None:  # noqa: ANN001
    """The text, alignment and colour a cell is drawn with are the model's for that cell."""
    table = window.table
    model = table.candidates
    delegate = table.itemDelegate()
    assert isinstance(delegate, RowTextDelegate)
    assert isinstance(table.itemDelegateForColumn(FLAGS), RowTextDelegate)
    durand = model.row_of(
        next(i for i in model.ids() if model.row(model.row_of(i)).last_name == "Durand")
    )
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            assert option.text == index.data(), (row, column)
            assert int(option.displayAlignment.value) == index.data(
                Qt.ItemDataRole.TextAlignmentRole
            )
    not_eligible = model.index(durand, ELIGIBLE)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, not_eligible)
    assert option.text == "Non"
    assert option.palette.color(QPalette.ColorRole.Text) == not_eligible.data(
        Qt.ItemDataRole.ForegroundRole
    )
    assert model.index(durand, NAME).data(Qt.ItemDataRole.ToolTipRole) == "DURAND Éric"


def drawn(table) -> QImage:  # noqa: ANN001
    table.viewport().repaint()  # the texts' first paint, then the one laid out and kept
    return table.viewport().grab().toImage()


def as_qt_draws_it(table) -> QImage:  # noqa: ANN001
    """The table drawn by Qt's own delegate from the model's roles; the table's delegates back."""
    ours = table.itemDelegate()
    plain = QStyledItemDelegate(table)
    table.setItemDelegate(plain)
    try:
        return table.viewport().grab().toImage()
    finally:
        table.setItemDelegate(ours)


def test_the_table_draws_texts_as_qt_draws_them_elided_coloured_and_selected(window) -> None:  # noqa: ANN001
    """Each cell's text is drawn exactly where and how Qt's own delegate draws the model's
    text, alignment and colour: plain, « Non » in red, cut with « … » when too wide, and the
    selected row in the selection's colours (the badges' column aside)."""
    table = window.table
    table.setColumnHidden(FLAGS, True)
    table.setColumnWidth(NAME, 50)  # « DURAND Éric » does not fit: elided
    table.clearSelection()
    table.setCurrentIndex(table.candidates.index(-1, -1))
    assert drawn(table) == as_qt_draws_it(table)
    table.selectRow(0)
    assert drawn(table) == as_qt_draws_it(table)


def test_the_table_draws_in_its_new_font_once_changed(window) -> None:  # noqa: ANN001
    """A font changed after the first paint (a clerk's larger text) is the one drawn."""
    table = window.table
    table.setColumnHidden(FLAGS, True)
    table.clearSelection()
    drawn(table)
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    table.setFont(font)
    assert drawn(table) == as_qt_draws_it(table)


def test_a_new_list_reads_only_the_rows_a_screen_shows(window, qtbot) -> None:  # noqa: ANN001
    """The rows are read a screenful at a time, however long the list: a keystroke that finds
    many candidates reads the rows it shows, not a fixed larger page."""
    table = window.table
    model = table.candidates
    table.resize(table.width(), 300)
    qtbot.waitUntil(lambda: table.viewport().height() < 300)
    screenful = table.viewport().height() // table.verticalHeader().defaultSectionSize() + 2
    assert model.fetch_size == max(screenful, 8)
    read: list[int] = []
    model.set_source(
        lambda _sort, _desc, _limit: list(range(1, 1001)),
        lambda ids: read.append(len(ids)) or [],
    )
    table.viewport().repaint()
    shown = table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1
    assert read == [shown] and shown <= model.fetch_size < model.PAGE


def drawn_texts(monkeypatch) -> list[str]:  # noqa: ANN001
    """The texts the table's cells draw from now on (badges' labels included), in order."""
    from monmaster_desktop.ui.candidate_cells import CellTexts

    drawn: list[str] = []
    real_draw = CellTexts.draw
    monkeypatch.setattr(
        CellTexts,
        "draw",
        lambda self, painter, text, *rest: drawn.append(text) or real_draw(self, painter, text, *rest),
    )
    return drawn


def test_flags_that_do_not_fit_whole_take_their_short_labels_before_a_count(
    window,
    monkeypatch,  # noqa: ANN001
) -> None:
    """« Retard inscription » and « Motifs demandables » side by side are wider than the
    column on a 1366-pixel screen: the badges say « Retard » and « Motifs » (the tooltip says
    it whole), and only a column too narrow even for those shows « +N »."""
    from monmaster_desktop.controllers.views import CandidateRow

    table, model = window.table, window.table.candidates
    flags = ("registration_overdue", "explanation_window_open")
    row = CandidateRow(1, "C1", "Hervé", "Jules", None, True, 5, 0, None, None, flags=flags)
    model.set_source(lambda _sort, _desc, _limit: [1], lambda _ids: [row])
    drawn_labels = drawn_texts(monkeypatch)
    counts: list[str] = []
    from PySide6.QtGui import QPainter

    real_text = QPainter.drawText

    def draw_text(painter, *args):  # noqa: ANN001, ANN002, ANN202
        counts.extend(a for a in args if isinstance(a, str) and a.startswith("+"))
        return real_text(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", draw_text)
    for column in range(FLAGS):  # the badges' column alone in view
        table.setColumnHidden(column, True)
    table.horizontalHeader().setStretchLastSection(False)
    table.clearSelection()
    shown = {}
    for width in (400, 230, 100):
        table.setColumnWidth(FLAGS, width)
        drawn_labels.clear(), counts.clear()
        table.viewport().repaint()
        shown[width] = (list(drawn_labels), list(counts))
    assert shown[400] == (["Retard inscription", "Motifs demandables"], [])
    assert shown[230] == (["Retard", "Motifs"], [])
    assert shown[100] == (["Retard"], ["+1"])
    assert model.index(0, FLAGS).data(Qt.ItemDataRole.ToolTipRole).count("\n") == 1


def test_badges_take_their_texts_once_and_again_in_a_new_language(window, monkeypatch) -> None:  # noqa: ANN001
    """The badges' texts are looked up once per language, not at every paint (a keystroke
    paints some 25 rows of badges); a catalogue installed afterwards is the one they speak."""
    from PySide6.QtCore import QCoreApplication

    from monmaster_desktop.controllers.views import CandidateRow
    from monmaster_desktop.ui import candidate_cells
    from monmaster_desktop.ui.i18n import install_translators, remove_translators

    table, model = window.table, window.table.candidates
    flags = ("registration_overdue",)
    rows = [
        CandidateRow(i, f"C{i}", "Hervé", "Jules", None, True, 5, 0, None, None, flags=flags)
        for i in range(1, 11)
    ]
    model.set_source(lambda _sort, _desc, _limit: list(range(1, 11)), lambda _ids: rows)
    looked_up = []
    real_labels = candidate_cells.flag_labels
    monkeypatch.setattr(
        candidate_cells, "flag_labels", lambda: looked_up.append(1) or real_labels()
    )
    drawn_labels = drawn_texts(monkeypatch)
    for column in range(FLAGS):  # the badges' column alone in view
        table.setColumnHidden(column, True)
    table.horizontalHeader().setStretchLastSection(False)
    table.setColumnWidth(FLAGS, 400)
    table.clearSelection()
    for _ in range(3):
        table.viewport().repaint()
    assert drawn_labels.count("Retard inscription") == 30
    assert len(looked_up) == 1
    app = QCoreApplication.instance()
    translators = install_translators(app, "en")
    try:
        app.processEvents()  # the catalogue's LanguageChange reaches the widgets
        drawn_labels.clear()
        table.viewport().repaint()
        assert drawn_labels.count("Registration overdue") == 10
        assert "Retard inscription" not in drawn_labels
        assert len(looked_up) == 2
    finally:
        remove_translators(app, translators)
