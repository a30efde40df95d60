"""The main window as a clerk uses it: worklists, search, sort, keyboard, status bar, settings."""

from __future__ import annotations

import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    EnrolmentHistory,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.ui import app as desk_app
from monmaster_desktop.ui.candidate_table import NAME, NUMBER
from monmaster_desktop.ui.main_window import MainWindow
from monmaster_desktop.ui.preferences import Preferences

#: After the first band's deadline (19/07/2024): Bernard is overdue, Roux's window is closed.
SUMMER = date(2024, 7, 20)
#: Before it: nobody is overdue, Roux may still ask for the reasons of the rejection.
JUNE = date(2024, 6, 20)


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


def add_application(services, candidate_id: int, status: ApplicationStatus, **changes) -> None:  # noqa: ANN001
    values = {
        "campaign_year": 2024,
        "institution_code": "0134009M",
        "mention": "Informatique",
        "training_type": TrainingType.INITIAL,
        "submitted_on": date(2024, 3, 1),
        "status": status,
    } | changes
    services.applications.save(candidate_id, ApplicationData(**values))


@pytest.fixture
def known(services):  # noqa: ANN001, ANN201
    """Six candidates, one per flag (and one with none), on a fixed reference date."""
    add_candidate(services, "1000001", "Lefèvre", "Zoé")
    add_candidate(
        services, "1000002", "Martin", "Paul", enrolment_history=EnrolmentHistory.INTERRUPTED
    )
    add_candidate(services, "1000003", "Durand", "Éric", diploma=Diploma.NONE)
    bernard = add_candidate(services, "1000004", "Bernard", "Léa")
    add_application(
        services,
        bernard,
        ApplicationStatus.ACCEPTED_DEFINITIVELY,
        notified_on=date(2024, 6, 4),
        accepted_on=date(2024, 6, 10),
    )
    petit = add_candidate(services, "1000005", "Petit", "Hugo")
    add_application(
        services,
        petit,
        ApplicationStatus.ACCEPTED_DEFINITIVELY,
        notified_on=date(2024, 8, 27),
        accepted_on=date(2024, 8, 28),
    )
    roux = add_candidate(services, "1000006", "Roux", "Anaïs")
    add_application(
        services,
        roux,
        ApplicationStatus.REJECTED,
        notified_on=date(2024, 6, 4),
        rejection_reason=RejectionReason.INCOMPLETE,
    )
    services.as_of_override = SUMMER
    return services


@pytest.fixture
def window(qtbot, known):  # noqa: ANN001, ANN201
    """The main window on the known database, shown offscreen."""
    main = MainWindow(Preferences())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.counted):
        main.attach(known, "t.sqlite")
    main.show()
    qtbot.waitExposed(main)
    return main


def shown_names(main: MainWindow) -> list[str]:
    model = main.table.candidates
    return [model.index(row, NAME).data() for row in range(model.rowCount())]


def pane_count(main: MainWindow, code: str, campaign: int | None = None) -> int | None:
    return main.worklists.worklists.count(code, campaign)


def test_worklist_counts_match_the_controller(window, known) -> None:  # noqa: ANN001
    """Each worklist line shows the controller's count on the reference date."""
    expected = known.worklists.counts(SUMMER)
    for code, count in expected.items():
        assert pane_count(window, str(code)) == count
    assert pane_count(window, "registration_overdue") == 1
    # Martin (interrupted) and Bernard (overdue); Petit's acceptance of 28/08 has not happened
    # on 20/07 (RULES.md §8), so no deadline is waiting for the head of the institution yet.
    assert pane_count(window, "must_contact_registrar") == 2
    assert pane_count(window, "deadline_set_by_head") == 0
    assert pane_count(window, "all", 2024) == 3


def test_choosing_a_worklist_lists_its_candidates(window, qtbot) -> None:  # noqa: ANN001
    """Moving down to « Non éligibles » with the keyboard shows only that candidate."""
    window.worklists.setFocus()
    qtbot.keyClick(window.worklists, Qt.Key.Key_Down)
    qtbot.keyClick(window.worklists, Qt.Key.Key_Down)
    assert window.worklists.current_entry().code == "not_eligible"
    assert shown_names(window) == ["DURAND Éric"]
    assert "Non éligibles" in window.list_title.text()


def test_typing_a_name_without_accents_filters(window, qtbot) -> None:  # noqa: ANN001
    """« lefevre » typed in the search field finds « Lefèvre »."""
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "lefevre")
    qtbot.waitUntil(lambda: shown_names(window) == ["LEFÈVRE Zoé"], timeout=2000)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert len(shown_names(window)) == 6


def test_the_list_title_shows_the_search_as_typed(window, qtbot) -> None:  # noqa: ANN001
    """What the clerk typed is shown as typed in the list's title, « <i> » included, never
    read as formatting."""
    window.focus_search()
    qtbot.keyClicks(window.search, "<i>x")
    window.apply_search()
    assert window.list_title.textFormat() == Qt.TextFormat.PlainText
    assert window.list_title.text().endswith("pour « <i>x »")
    assert window.list_title.font().bold()


def test_a_key_after_a_pause_filters_at_once_a_burst_once_it_pauses(window, qtbot) -> None:  # noqa: ANN001
    """The first key filters without waiting for the typing delay; keys typed right after it
    wait for the pause, then filter once."""
    window.focus_search()
    qtbot.keyClicks(window.search, "l")
    assert shown_names(window) == ["BERNARD Léa", "LEFÈVRE Zoé"]  # no wait: shown already
    reloads: list[int] = []
    window.refreshed.connect(lambda: reloads.append(1))
    qtbot.keyClicks(window.search, "ef")
    assert shown_names(window) == ["BERNARD Léa", "LEFÈVRE Zoé"] and reloads == []
    qtbot.waitUntil(lambda: shown_names(window) == ["LEFÈVRE Zoé"], timeout=2000)
    assert reloads == [1]


def test_server_state_stays_readable_at_800_pixels(window, qtbot) -> None:  # noqa: ANN001
    """At 800 pixels the server's state is shown whole; the base's long name gives up its
    room (whole in its tooltip) and the totals too."""
    from PySide6.QtWidgets import QLabel

    long_name = "scolarite_master_2024 sur serveur-bdd.universite-exemple.fr:5432 (martin)"
    with qtbot.waitSignal(window.counted):  # the totals take their room too
        window.attach(window.services, long_name)
    state = QLabel("Serveur injoignable — nouvelle tentative en cours…")
    state.setObjectName("server_state")
    window.statusBar().insertPermanentWidget(0, state)  # where the live side puts it
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800)
    # The status bar lays out on Qt's posted layout requests: waited for, not assumed done.
    qtbot.waitUntil(lambda: state.width() >= state.sizeHint().width())
    assert window.database_label.text() == f"Base : {long_name}"
    qtbot.waitUntil(lambda: window.database_label.shown_text() != window.database_label.text())
    assert window.database_label.toolTip() == str(window.services.db.target)
    assert window.totals.toolTip() == window.totals.text()
    window.resize(1900, 700)  # room for everything: nothing cut
    qtbot.waitUntil(lambda: window.width() == 1900)
    qtbot.waitUntil(lambda: window.database_label.shown_text() == window.database_label.text())
    qtbot.waitUntil(lambda: window.totals.shown_text() == window.totals.text())


def test_search_by_candidate_number_then_enter_goes_to_the_table(window, qtbot) -> None:  # noqa: ANN001
    """A candidate number typed then Enter lands on that row in the table."""
    window.focus_search()
    qtbot.keyClicks(window.search, "1000006")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert shown_names(window) == ["ROUX Anaïs"]
    assert window.table.hasFocus()
    assert window.table.currentIndex().row() == 0


def test_clicking_a_header_sorts_in_sql(window, qtbot) -> None:  # noqa: ANN001
    """Sorting by candidate number, then descending, reorders the rows."""
    assert shown_names(window)[0] == "BERNARD Léa"  # by name by default
    window.table.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
    assert shown_names(window)[0] == "LEFÈVRE Zoé"
    window.table.sortByColumn(NUMBER, Qt.SortOrder.DescendingOrder)
    assert shown_names(window)[0] == "ROUX Anaïs"


def test_table_shows_dates_and_flag_badges(window) -> None:  # noqa: ANN001
    """The deadline reads « avant le 19/07/2024 » and the flag cell names the flag."""
    model = window.table.candidates
    row = model.row_of(model.candidate_id(0))
    assert model.index(row, 6).data() == "avant le 19/07/2024"
    assert model.index(row, 7).data() == "Retard inscription"
    assert model.index(row, 4).data() == "1/15 · alt. 0/15"
    durand = shown_names(window).index("DURAND Éric")
    assert model.index(durand, 3).data() == "Non"


def test_models_pass_qtmodeltester(window, qtmodeltester) -> None:  # noqa: ANN001
    """The candidate table model and the worklist model honour Qt's model contract."""
    qtmodeltester.check(window.table.candidates)
    qtmodeltester.check(window.worklists.worklists)


def test_table_model_loads_rows_lazily(window) -> None:  # noqa: ANN001
    """Nothing is read for rows never shown; a row asked for is read with the screenful from
    it, once."""
    model = window.table.candidates
    fetched: list[list[int]] = []
    model.set_source(
        lambda _sort, _desc, _limit: list(range(1, 1001)),
        lambda ids: fetched.append(list(ids)) or [],
    )
    assert model.rowCount() == 1000 and model.cached_rows() == 0
    model.index(450, NAME).data()
    page = model.fetch_size
    assert fetched == [list(range(451, 451 + page))]
    model.index(450 + page - 1, NAME).data()  # read with the first: not read again
    assert len(fetched) == 1 and model.cached_rows() == page


def test_the_rows_in_view_are_read_in_one_query_and_only_those(window) -> None:  # noqa: ANN001
    """The kept candidate, scrolled to after a keystroke, sits anywhere in the list: the rows
    the screen shows are read together before the paint, in one query, and no others. A
    screen moved by a few rows reads a screenful on, in the direction it moved."""
    table, model = window.table, window.table.candidates
    fetched: list[list[int]] = []
    model.set_source(
        lambda _sort, _desc, _limit: list(range(1, 1001)),
        lambda ids: fetched.append(list(ids)) or [],
    )
    page = model.fetch_size

    def in_view() -> list[int]:
        top, bottom = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
        return list(range(top + 1, bottom + 2))

    table.scrollTo(model.index(page // 2, NAME), table.ScrollHint.PositionAtTop)
    top = table.rowAt(0)
    assert 0 < top < page <= table.rowAt(table.viewport().height() - 1)
    table.viewport().repaint()
    assert fetched == [in_view()]
    fetched.clear()
    table.viewport().repaint()  # read once: the rows are kept
    assert fetched == []
    table.scrollTo(model.index(500, NAME), table.ScrollHint.PositionAtTop)
    table.viewport().repaint()  # a screen far down: itself
    assert fetched == [in_view()]
    shown = in_view()
    fetched.clear()
    table.scrollTo(model.index(505, NAME), table.ScrollHint.PositionAtTop)
    table.viewport().repaint()  # five rows down: a screenful from the first row not read
    assert fetched == [list(range(shown[-1] + 1, shown[-1] + 1 + page))]
    fetched.clear()
    table.scrollTo(model.index(497, NAME), table.ScrollHint.PositionAtTop)
    table.viewport().repaint()  # three rows up: a screenful ending with the last row not read
    assert fetched == [list(range(500 - page + 1, 501))]


def test_a_candidates_row_is_found_before_and_after_the_list_changes(window) -> None:  # noqa: ANN001
    """The first looks search the list, later ones a lookup table: the same answers, and
    none left over from the list before."""
    model = window.table.candidates
    ids = list(range(1000, 0, -1))
    model.set_source(lambda _sort, _desc, _limit: list(ids), lambda _ids: [])
    assert [model.row_of(i) for i in (1000, 1, 5000, 500, 2)] == [0, 999, None, 500, 998]
    ids[:] = [7, 3, 5]
    model.reload()
    assert [model.row_of(i) for i in (5, 1000, 7, 3, 1000)] == [2, None, 0, 1, None]


def test_a_key_reads_its_first_ids_and_rows_in_one_read(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """A keystroke reads the first page's ids and the rows the screen shows in one read of
    the base (on a server, one transaction instead of two); rows read again later are read
    from the base again."""
    db = window.services.db
    reads: list[str] = []
    for name in ("read", "quick_read"):
        real = getattr(db, name)
        monkeypatch.setattr(
            db, name, lambda real=real: reads.append(threading.current_thread().name) or real()
        )
    window.focus_search()
    qtbot.keyClicks(window.search, "l")
    window.table.viewport().repaint()
    assert reads == [threading.main_thread().name]
    assert shown_names(window) == ["BERNARD Léa", "LEFÈVRE Zoé"]
    model = window.table.candidates
    model._kept.clear()  # the rows kept let go (as after many other screens)
    window.table.viewport().repaint()
    assert len(reads) == 2 and shown_names(window) == ["BERNARD Léa", "LEFÈVRE Zoé"]


def test_start_up_objects_leave_the_full_collections_once_the_list_is_shown(
    qtbot,
    known,
    monkeypatch,  # noqa: ANN001
) -> None:
    """Once the first whole list is shown, what the start-up built is set aside from the
    garbage collector's full passes (no 100–200 ms pause in a later keystroke), once a
    process."""
    import gc

    frozen: list[int] = []
    monkeypatch.setattr(gc, "get_freeze_count", lambda: len(frozen))
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    main = MainWindow(Preferences())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.listed):
        main.attach(known, "t.sqlite")
    assert frozen == [1]
    with qtbot.waitSignal(main.listed):
        main.refresh()
    assert frozen == [1]


def test_prepared_searches_leave_nothing_to_compile_at_the_first_keys(known, monkeypatch) -> None:  # noqa: ANN001
    """After ``prepare`` (run when a base is opened), the first keystrokes of each kind find
    their queries compiled and the rules read: a common name start read along the name
    order, a rare one, a number, and a candidate accepted after the reference date (Petit,
    assessed by the rules on that date)."""
    from sqlalchemy.sql import compiler

    from monmaster_desktop.controllers import worklists
    from monmaster_desktop.controllers.context import RulesContext

    monkeypatch.setattr(worklists, "COMMON_START", 1)  # « p », « l »: common in six names
    known.worklists.prepare(as_of=SUMMER)
    compiled: list[str] = []
    real_init = compiler.SQLCompiler.__init__

    def counted(self, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        compiled.append(type(self).__name__)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(compiler.SQLCompiler, "__init__", counted)
    read_rules: list[int] = []
    real_read = RulesContext._read.__func__
    monkeypatch.setattr(
        RulesContext, "_read", classmethod(lambda cls, s: read_rules.append(1) or real_read(cls, s))
    )
    shown = {}
    for search in ("p", "lefev", "10000"):
        ids, rows = known.worklists.first_page(as_of=SUMMER, search=search, limit=50, rows=28)
        shown.update({row.last_name: row for row in rows})
    assert {"Petit", "Lefèvre", "Martin"} <= shown.keys()
    assert shown["Petit"].accepted_label is None  # accepted on 28/08, after the 20/07
    assert compiled == [] and read_rules == []


def test_first_page_is_shown_then_the_whole_list(window, qtbot) -> None:  # noqa: ANN001
    """A long list shows its first page at once; the rest, read later, adds rows below it;
    the answer of a list no longer shown is dropped."""
    model = window.table.candidates
    asked: list[int | None] = []
    pending: list = []

    def query(_sort: str, _descending: bool, limit: int | None) -> list[int]:
        asked.append(limit)
        whole = list(range(1, 1001))
        return whole[:limit] if limit is not None else whole

    later = lambda read, done: pending.append((read, done))  # noqa: E731
    model.set_source(query, lambda ids: [], later)
    assert asked == [model.PAGE] and model.rowCount() == model.PAGE and not model.complete
    read, done = pending.pop()
    with qtbot.waitSignal(model.completed):
        done(read())
    assert model.rowCount() == 1000 and model.complete and asked[-1] is None

    model.reload()  # a newer list is asked for before the older answer comes back
    stale_read, stale_done = pending.pop()
    model.reload()
    stale_done([7, 8, 9])
    assert model.rowCount() == model.PAGE and not model.complete


def test_status_bar_totals(window) -> None:  # noqa: ANN001
    """The status bar counts every candidate and those who must contact the registrar."""
    assert window.totals.text() == "6 candidats · 2 doivent contacter la scolarité"
    assert window.reference.text() == "Date de référence : 20/07/2024 (fixée)"


def test_reference_date_changes_counts(window, qtbot) -> None:  # noqa: ANN001
    """Back in June nobody is overdue and a rejection may still be explained."""
    with qtbot.waitSignal(window.counted):
        window.set_reference_date(JUNE)
    assert pane_count(window, "registration_overdue") == 0
    assert pane_count(window, "explanation_window_open") == 1
    assert "20/06/2024" in window.reference.text()
    with qtbot.waitSignal(window.counted):
        window.set_reference_date(None)
    assert "(aujourd'hui)" in window.reference.text()


def test_counts_refresh_after_a_save(window, known, qtbot) -> None:  # noqa: ANN001
    """A candidate saved elsewhere appears in the counts and the list after the save signal."""
    new_id = add_candidate(known, "1000007", "Nouveau", "Nina", diploma=Diploma.NONE)
    with qtbot.waitSignal(window.counted):
        window._file_saved(new_id)
    assert pane_count(window, "all") == 7
    assert pane_count(window, "not_eligible") == 2
    assert window.table.current_candidate_id() == new_id


class FakeFile(QDialog):
    """Stands in for the candidate file dialog: records which candidate it was opened on."""

    saved = Signal(int)
    opened: list[int | None] = []

    def __init__(self, services, candidate_id, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.candidate_id = candidate_id
        FakeFile.opened.append(candidate_id)


@pytest.fixture
def fake_file(monkeypatch):  # noqa: ANN001, ANN201
    """The candidate file module replaced by FakeFile."""
    module = type(sys)("monmaster_desktop.ui.candidate_file")
    module.CandidateFileDialog = FakeFile
    monkeypatch.setitem(sys.modules, "monmaster_desktop.ui.candidate_file", module)
    FakeFile.opened = []
    return FakeFile


def test_enter_opens_the_current_candidate_and_alt_down_moves(window, qtbot, fake_file) -> None:  # noqa: ANN001
    """Enter on a row opens that file; Alt+Down goes to the next row; Ctrl+N opens a blank one."""
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.table.candidates.candidate_id(1)
    assert window.table.current_candidate_id() == second
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert fake_file.opened == [second]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert fake_file.opened == [second, None]
    assert window.next_candidate_id(second, +1) == window.table.candidates.candidate_id(2)
    assert window.next_candidate_id(window.table.candidates.candidate_id(0), -1) is None


def test_missing_dialog_says_soon_available(window, monkeypatch) -> None:  # noqa: ANN001
    """A window not installed yet is announced « Bientôt disponible », without a crash."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, _text: said.append(title))
    window.open_dialog("monmaster_desktop.ui.not_written_yet", "Nothing")
    assert said == ["Bientôt disponible"]


def test_menus_have_mnemonics_and_shortcuts(window) -> None:  # noqa: ANN001
    """The five menus carry mnemonics; the frequent actions their shortcuts."""
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Fichier", "&Candidat", "&Affichage", "&Outils", "&Aide"]
    assert window.act_new.shortcut().toString() == "Ctrl+N"
    assert window.act_print.shortcut().toString() == "Ctrl+P"
    assert window.act_preview.shortcut().toString() == "Ctrl+Shift+P"
    assert window.act_refresh.shortcut().toString() == "F5"
    assert window.act_quit.shortcut().toString() == "Ctrl+Q"


def test_column_widths_are_remembered(qtbot, known) -> None:  # noqa: ANN001
    """A column widened by the clerk keeps its width in the next window."""
    first = MainWindow(Preferences())
    qtbot.addWidget(first)
    first.table.setColumnWidth(NAME, 333)
    first.save_layout()
    second = MainWindow(Preferences())
    qtbot.addWidget(second)
    assert second.table.columnWidth(NAME) == 333


def test_database_error_is_said_in_french(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A damaged database file shows a French message and no traceback."""
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: said.append(text))
    main = MainWindow(Preferences())
    qtbot.addWidget(main)
    assert desk_app.open_database(main, broken, demo=False) is False
    assert said and "broken.sqlite" in said[0]
    assert main.services is None


def test_english_translation_shows_english_menus(qtbot) -> None:  # noqa: ANN001
    """With English chosen, the menus read File, Candidate, View, Tools, Help."""
    from monmaster_desktop.ui.i18n import install_translators, remove_translators

    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "en")
    try:
        main = MainWindow(Preferences())
        qtbot.addWidget(main)
        titles = [a.text() for a in main.menuBar().actions()]
        assert titles == ["&File", "&Candidate", "&View", "&Tools", "&Help"]
        assert main.table.candidates.headerData(1, Qt.Orientation.Horizontal) == "Name"
    finally:
        remove_translators(app, translators)
        install_translators(app, "fr")


def test_the_registration_column_shows_its_dates_whole_in_french_and_english(qtbot) -> None:  # noqa: ANN001
    """« Registered on 08/07/2024 » is wider than « Inscription le 08/07/2024 »: in English
    the registration column is as wide as its longest text needs, not cut (« Registered on
    08/07/20… »), as in French."""
    from PySide6.QtGui import QFontMetrics

    from monmaster_desktop.ui.candidate_table import DEADLINE
    from monmaster_desktop.ui.i18n import install_translators, remove_translators

    def needed(main: MainWindow, text: str) -> int:
        return QFontMetrics(main.table.font()).horizontalAdvance(text) + 6

    french = MainWindow(Preferences())
    qtbot.addWidget(french)
    assert french.table.columnWidth(DEADLINE) >= needed(french, "Inscription le 28/09/2024")
    app = QCoreApplication.instance()
    translators = install_translators(app, "en")
    try:
        english = MainWindow(Preferences())
        qtbot.addWidget(english)
        width = english.table.columnWidth(DEADLINE)
        assert width >= needed(english, "Registered on 28/09/2024") > 160
    finally:
        remove_translators(app, translators)


def test_language_choice_is_kept_for_next_start(window, monkeypatch) -> None:  # noqa: ANN001
    """Choosing English is saved and the clerk is told it applies at the next start."""
    Preferences().set_language("fr")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    english = next(a for a in window.languages.actions() if a.data() == "en")
    english.trigger()
    assert Preferences().language() == "en"
    assert "prochain démarrage" in said[0]


def test_long_work_reports_back_on_the_gui_thread(qtbot) -> None:  # noqa: ANN001
    """Work runs off the GUI thread; its result and progress arrive on the GUI thread."""
    import threading

    from monmaster_desktop.ui.tasks import run_task

    parent = QDialog()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def work(progress, _is_cancelled):  # noqa: ANN001, ANN202
        progress(1)
        return threading.current_thread() is threading.main_thread()

    def done(result: object) -> None:
        seen["worker_on_main"] = result
        seen["callback_on_main"] = threading.current_thread() is threading.main_thread()

    task = run_task(
        parent, work, on_done=done, on_error=seen.setdefault, label="Travail", maximum=1
    )
    with qtbot.waitSignal(task.done, timeout=3000):
        pass
    assert seen == {"worker_on_main": False, "callback_on_main": True}


def test_cancel_stops_the_work_and_says_so(qtbot) -> None:  # noqa: ANN001
    """« Annuler » sets the flag the work polls; cancelled is emitted instead of done."""
    import threading

    from monmaster_desktop.ui.tasks import run_task

    parent = QDialog()
    qtbot.addWidget(parent)
    started, results = threading.Event(), []

    def work(_progress, is_cancelled):  # noqa: ANN001, ANN202
        started.set()
        for _ in range(400):  # bounded: a broken cancel fails the test, never hangs it
            if is_cancelled():
                break
            threading.Event().wait(0.005)
        return "stopped"

    task = run_task(
        parent, work, on_done=results.append, on_error=results.append, label="Long", maximum=0
    )
    assert started.wait(2)
    with qtbot.waitSignal(task.cancelled, timeout=3000):
        task.dialog.canceled.emit()  # the « Annuler » button
    assert results == []


def long_list_window(qtbot, services) -> MainWindow:  # noqa: ANN001
    """A shown window listing 130 candidates (« Nomab » … in number order), more than a first
    page, the whole list read."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for number in range(1, 131):
        name = "Nom" + letters[number // 26] + letters[number % 26]  # in number order
        add_candidate(services, f"2{number:06d}", name, "Prénom")
    services.as_of_override = SUMMER
    main = MainWindow(Preferences())
    qtbot.addWidget(main)
    main.resize(1000, 600)
    main.show()
    with qtbot.waitSignal(main.listed, timeout=10000):
        main.attach(services, "t.sqlite")
    return main


def test_a_new_list_shows_its_first_rows_until_the_kept_candidate_comes(qtbot, services) -> None:  # noqa: ANN001
    """A keystroke whose first page does not hold the clerk's current candidate shows the
    list's first rows, the ones read with that page; not the old scroll position with rows
    read again; the candidate is selected and scrolled to once the whole list is read."""
    main = long_list_window(qtbot, services)
    model = main.table.candidates
    main.table.select_candidate(model.candidate_id(100))
    kept = main.table.current_candidate_id()
    assert main.table.rowAt(0) > 50
    read: list[int] = []
    real_rows = services.worklists.rows

    def rows(ids, **kw):  # noqa: ANN001, ANN003, ANN202
        if threading.current_thread() is threading.main_thread():  # not the searches' head start
            read.append(len(ids))
        return real_rows(ids, **kw)

    services.worklists.rows = rows
    main._last_search_at = 0.0  # the key comes after a pause
    try:
        main.search.setText("nom")  # a first key after a pause: the list at once
        assert not main._search_pending
        main.table.viewport().repaint()
        assert not model.complete and main.table.rowAt(0) == 0
        assert read == []  # the rows shown are those read with the first page
        with qtbot.waitSignal(main.listed, timeout=10000):
            pass
    finally:
        del services.worklists.rows
    assert main.table.current_candidate_id() == kept
    assert main.table.rowAt(0) > 50


def test_refresh_in_place_keeps_rows_beyond_the_first_page(qtbot, services) -> None:  # noqa: ANN001
    """Another desk's save re-reads a long list: the clerk's current row and scroll position,
    far below the first page, are still where they were once the whole list is read."""
    from monmaster_desktop.ui.live import refresh_in_place

    main = long_list_window(qtbot, services)
    qtbot.waitUntil(lambda: main.table.candidates.rowCount() == 130, timeout=10000)
    model = main.table.candidates
    assert 130 > model.PAGE  # the list is longer than its first page
    from PySide6.QtCore import QItemSelectionModel

    main.table.select_candidate(model.candidate_id(100))
    main.table.selectionModel().select(
        model.index(120, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    bar = main.table.verticalScrollBar()
    bar.setValue(bar.maximum())  # the clerk scrolled on, below the current row
    kept, selected, scrolled = (
        main.table.current_candidate_id(),
        main.table.selected_candidate_ids(),
        bar.value(),
    )
    assert scrolled > 0 and len(selected) == 2
    with qtbot.waitSignal(main.listed, timeout=10000):
        refresh_in_place(main)
    QApplication.processEvents()
    assert main.table.current_candidate_id() == kept
    assert main.table.selected_candidate_ids() == selected
    assert bar.value() == scrolled
