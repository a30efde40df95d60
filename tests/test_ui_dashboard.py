"""The dashboard as the head of the office uses it: figures, charts, lists, print, exports."""

from __future__ import annotations

import csv
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from monmaster_desktop.controllers.demo import DEMO_AS_OF, build_demo_database
from monmaster_desktop.controllers.stats import (
    HEADLINE,
    HOME,
    MENTION,
    STATUS,
    Selection,
    StatsController,
)
from monmaster_desktop.db import Database
from monmaster_desktop.printing import dashboard as sheet
from monmaster_desktop.printing.dashboard_tables import write_tables
from monmaster_desktop.ui.dashboard import CandidateListDialog, DashboardWindow, MentionModel
from monmaster_desktop.ui.main_window import MainWindow
from monmaster_desktop.ui.preferences import Preferences
from monmaster_desktop.ui.services import Services

from printing_helpers import pdf_pages_text as pdf_text  # isort: skip


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database (300 generated candidates), built once for these tests (read only)."""
    return build_demo_database(tmp_path_factory.mktemp("dash") / "demo.sqlite", candidates=300)


@pytest.fixture
def demo(demo_path: Path):  # noqa: ANN201
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    services = Services(Database(demo_path), as_of_override=DEMO_AS_OF)
    yield services
    services.db.close()
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def opened(qtbot, demo):  # noqa: ANN001, ANN201
    """The dashboard on the demo data, figures shown, and the candidates it was asked to open."""
    asked: list[int] = []
    window = DashboardWindow(demo, open_candidate=asked.append)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.computed, timeout=10000):
        window.refresh()
    window.asked = asked
    return window


def wait_list(qtbot, window: DashboardWindow, selection: Selection) -> CandidateListDialog:  # noqa: ANN001
    """The list window opened for ``selection`` (opened off the GUI thread: waited for)."""
    key = (selection, window.stats.as_of, window.stats.campaign)
    qtbot.waitUntil(lambda: key in window._lists, timeout=10000)
    dialog = window._lists[key]
    assert dialog.isVisible()
    return dialog


def test_ctrl_d_opens_the_dashboard_from_the_main_window(qtbot, demo) -> None:  # noqa: ANN001
    """Ctrl+D (and the entry above the worklists) opens one dashboard on the reference date,
    with the controller's figures written the French way."""
    main = MainWindow(Preferences())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.counted, timeout=10000):
        main.attach(demo, "demo.sqlite")
    main.show()
    qtbot.waitExposed(main)
    assert main.act_dashboard.shortcut().toString() == "Ctrl+D"
    assert main.act_reference.shortcut().toString() == "Ctrl+Shift+D"
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dashboard = main.dashboard
    assert isinstance(dashboard, DashboardWindow)
    qtbot.waitUntil(lambda: dashboard.stats is not None, timeout=10000)
    expected = StatsController(demo.db).compute(DEMO_AS_OF)
    for selection in HEADLINE:
        button = dashboard.figures[selection]
        assert button.value.text() == QLocale().toString(expected.figure(selection))
        assert button.accessibleName().endswith(button.value.text())
    assert "20/07/2024" in dashboard.as_of_label.text()
    main.dashboard_button.click()
    assert main.dashboard is dashboard  # one window, brought forward
    assert main.worklists.parentWidget().layout().itemAt(0).widget() is main.dashboard_button


def test_a_figure_lists_its_candidates_and_enter_opens_a_file(qtbot, opened) -> None:  # noqa: ANN001
    """Clicking « Inscrits » lists exactly the registered candidates; Entrée opens the first."""
    selection = Selection(HOME, "registered")
    qtbot.mouseClick(opened.figures[selection], Qt.MouseButton.LeftButton)
    dialog = wait_list(qtbot, opened, selection)
    expected = set(opened.controller.candidate_ids(opened.stats, selection))
    assert set(dialog.table.candidates.ids()) == expected
    assert len(expected) == opened.stats.home["registered"] > 0
    assert "Inscrits" in dialog.windowTitle()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened.asked == [dialog.table.current_candidate_id()]


def test_a_mention_bar_and_the_keyboard_open_lists(qtbot, opened) -> None:  # noqa: ANN001
    """A click on a mention's overdue segment lists its overdue candidates; in the status
    chart ↓ then Entrée lists the holders of the second status."""
    chart = opened.mention_chart
    late = next(m for m in opened.stats.by_mention if m.overdue)
    key = Selection(MENTION, "overdue", late.key)
    rect = chart.key_rect(key)
    assert rect is not None
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    dialog = wait_list(qtbot, opened, key)
    assert len(dialog.table.candidates.ids()) == late.overdue
    assert late.mention in dialog.windowTitle()

    status = opened.status_chart
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    status.setFocus()
    qtbot.waitUntil(status.hasFocus)
    qtbot.keyClick(status, Qt.Key.Key_Down)
    qtbot.keyClick(status, Qt.Key.Key_Return)
    second = status.rows[1].key
    assert second.kind == STATUS
    dialog = wait_list(qtbot, opened, second)
    expected = opened.controller.candidates_with_status(DEMO_AS_OF, 2024, second.code)
    assert sorted(dialog.table.candidates.ids()) == sorted(expected)
    assert "; " in status.accessibleDescription() or status.rows[1].label in (
        status.accessibleDescription()
    )


def test_mention_table_sorts_numbers_and_opens_rows(qtbot, opened, qtmodeltester) -> None:  # noqa: ANN001
    """Sorting « Acceptés » puts the largest first (numbers, not text); a click on a row's
    « En retard » cell lists that mention's overdue candidates."""
    qtmodeltester.check(opened.mentions)
    table = opened.mention_table
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    proxy = table.model()
    firsts = [int(proxy.index(r, 1).data(MentionModel.SORT_ROLE)) for r in range(proxy.rowCount())]
    assert firsts == sorted(firsts, reverse=True) and firsts[0] > 1
    row = next(r for r in range(proxy.rowCount()) if int(proxy.index(r, 3).data()) > 0)
    rect = table.visualRect(proxy.index(row, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    source = opened.mention_proxy.mapToSource(proxy.index(row, 3))
    dialog = wait_list(qtbot, opened, opened.mentions.selection_at(source.row(), 3))
    assert len(dialog.table.candidates.ids()) == int(proxy.index(row, 3).data())


def test_pdf_is_a4_landscape_with_date_campaign_office(opened, tmp_path: Path) -> None:
    """The PDF has two A4 landscape pages naming the campaign, the date and the office, the
    figures in French formats and the mentions; it is readable by its owner only."""
    import pypdfium2 as pdfium

    out = tmp_path / "tableau.pdf"
    heading = sheet.PageHeading("Scolarité — Aix-Marseille Université", "Pharo", date(2024, 7, 21))
    assert sheet.render_pdf(opened.stats, out, heading) == 2
    assert out.stat().st_mode & 0o777 == 0o600
    pdf = pdfium.PdfDocument(str(out))
    width, height = pdf[0].get_size()
    pdf.close()
    assert (round(width), round(height)) == (842, 595)
    first, second = pdf_text(out)
    assert "Tableau de bord — campagne 2024" in first
    assert "Situation au 20/07/2024" in first
    assert "Scolarité — Aix-Marseille Université" in first
    assert "Imprimé le 21/07/2024 · page 1 / 2" in first
    assert "limite 19/07" in first and "limite 29/08" in first
    for selection in HEADLINE:
        assert QLocale().toString(opened.stats.figure(selection)) in first
    assert opened.stats.by_mention[0].mention in second


def test_pdf_into_a_missing_folder_says_why_in_french(opened, tmp_path: Path) -> None:
    """A PDF or a table that cannot be written raises a French reason and leaves nothing."""
    heading = sheet.PageHeading("Scolarité", "", date(2024, 7, 21))
    with pytest.raises(sheet.OutputError, match="dossier introuvable"):
        sheet.render_pdf(opened.stats, tmp_path / "absent" / "t.pdf", heading)
    with pytest.raises(sheet.OutputError, match="dossier introuvable"):
        write_tables(opened.stats, tmp_path / "absent" / "t.csv")
    assert list(tmp_path.iterdir()) == []


def test_tables_export_to_csv_and_xlsx(opened, tmp_path: Path) -> None:
    """Every table of the dashboard goes to one CSV (Excel's ;-separated UTF-8) and one XLSX,
    with the same figures as the window."""
    from openpyxl import load_workbook

    stats = opened.stats
    rows = write_tables(stats, tmp_path / "t.csv")
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert lines[0] == ["Tableau de bord — campagne 2024", "Situation au 20/07/2024"]
    first = stats.by_mention[0]
    assert [
        first.mention,
        str(first.accepted_definitively),
        str(first.registered),
        str(first.overdue),
    ] in [line[:4] for line in lines]
    assert ["Inscrits", str(stats.home["registered"])] in lines
    assert write_tables(stats, tmp_path / "t.xlsx") == rows
    sheet_rows = list(load_workbook(tmp_path / "t.xlsx").active.iter_rows(values_only=True))
    assert ("Inscrits", stats.home["registered"]) in [tuple(r[:2]) for r in sheet_rows]
    assert ["Par mention"] in [[c for c in line if c] for line in lines]


def test_the_window_stays_responsive_while_figures_are_computed(qtbot, opened, monkeypatch) -> None:  # noqa: ANN001
    """The figures are computed on another thread: the GUI keeps processing events meanwhile
    (a 50 ms timer fires several times during a computation made to last 0.6 s)."""
    real = opened.controller.compute
    gui = threading.current_thread()
    threads: list[threading.Thread] = []

    def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread())
        time.sleep(0.6)
        return real(*args, **kwargs)

    monkeypatch.setattr(opened.controller, "compute", slow)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(50)
    with qtbot.waitSignal(opened.computed, timeout=10000):
        opened.refresh()
    timer.stop()
    assert threads and threads[0] is not gui
    assert len(ticks) >= 5


def test_charts_say_their_values_to_assistive_technology(opened) -> None:
    """Every chart has an accessible name and a description holding its values."""
    stats = opened.stats
    for chart in (opened.mention_chart, opened.status_chart, opened.reason_chart):
        assert chart.accessibleName()
        assert chart.rows and chart.rows[0].label in chart.accessibleDescription()
    assert QLocale().toString(stats.home["registered"]) in opened.timeline.accessibleDescription()
    assert opened.timeline.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_screens_use_french_number_formats(demo) -> None:
    """Thousands are grouped with a narrow no-break space in French."""
    assert sheet.number(12345) == "12\u202f345"
    assert sheet.percent(1, 3) == "33\u00a0%"


def test_dashboard_fits_a_small_screen(opened) -> None:
    """At 1366×768 the eight figures and the two first charts are visible without scrolling
    sideways: nothing is cut on the right."""
    for button in opened.figures.values():
        right = button.mapTo(opened, QPoint(button.width(), 0)).x()
        assert right <= opened.width()
    assert opened.timeline.height() >= 240


def test_dashboard_speaks_english_when_chosen(qtbot, demo, tmp_path: Path) -> None:  # noqa: ANN001
    """With English chosen the window, its charts and its PDF speak English (no French left
    in the headline figures, chart titles or page headings)."""
    from PySide6.QtCore import QCoreApplication

    from monmaster_desktop.ui.i18n import install_translators, remove_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "en")
    try:
        window = DashboardWindow(demo)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.computed, timeout=10000):
            window.refresh()
        assert window.windowTitle() == "Dashboard — Mon Master Desk"
        labels = [button.label_text for button in window.figures.values()]
        assert labels[:5] == [
            "Candidates",
            "Eligible",
            "Must contact the registrar",
            "Accepted definitively here",
            "Registered",
        ]
        assert window.status_chart.rows[0].label == "Submitted"
        assert "As of 20/07/2024" in window.as_of_label.text()
        main = MainWindow(Preferences())
        qtbot.addWidget(main)
        assert main.dashboard_button.text() == "Dashboard"
        heading = sheet.PageHeading("Registrar's Office", "", date(2024, 7, 21))
        sheet.render_pdf(window.stats, tmp_path / "d.pdf", heading)
        first = pdf_text(tmp_path / "d.pdf")[0]
        assert "Dashboard — campaign 2024" in first and "Registrations over time" in first
        assert "Situation" not in first and "Inscrits" not in first
    finally:
        remove_translators(app, translators)
        install_translators(app, "fr")


def test_every_control_of_the_dashboard_has_a_name(qtbot, opened, demo) -> None:  # noqa: ANN001
    """A screen reader names every focusable control, table and header of the dashboard and
    of a list it opens (QAccessible's name: accessible name, button text or buddy label)."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QScrollBar

    def unnamed(window) -> list[str]:  # noqa: ANN001
        found = []
        for widget in window.findChildren(QWidget):
            parent = widget.parentWidget()
            if (
                not widget.isVisibleTo(window)
                or isinstance(widget, QScrollBar)
                or widget.objectName().startswith("qt_")
                or (isinstance(parent, QAbstractItemView) and not isinstance(widget, QHeaderView))
            ):
                continue
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
                widget, (QAbstractItemView, QHeaderView)
            ):
                continue
            interface = QAccessible.queryAccessibleInterface(widget)
            if not (interface and interface.text(QAccessible.Text.Name).strip()):
                found.append(type(widget).__name__)
        return found

    assert unnamed(opened) == []
    dialog = CandidateListDialog(demo, "Inscrits", [1, 2], DEMO_AS_OF, 2024, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []


def test_print_sends_two_a4_landscape_pages(opened, monkeypatch, tmp_path: Path) -> None:
    """Imprimer… (Ctrl+P) prints the same two A4 landscape pages as the PDF (the printer here
    is a PDF file chosen in a print dialog that answers « Imprimer »)."""
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    out = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    opened.print_dashboard()
    pdf = pdfium.PdfDocument(str(out))
    sizes = [tuple(round(v) for v in page.get_size()) for page in pdf]
    pdf.close()
    assert sizes == [(842, 595), (842, 595)]
    assert "Tableau de bord — campagne 2024" in pdf_text(out)[0]


def test_another_reference_date_recomputes_the_open_dashboard(qtbot, demo) -> None:  # noqa: ANN001
    """Choosing another reference date in the main window brings the open dashboard to it:
    on 01/09/2024 the second deadline has passed and more candidates are overdue."""
    main = MainWindow(Preferences())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.counted, timeout=10000):
        main.attach(demo, "demo.sqlite")
    dashboard = main.open_dashboard()
    qtbot.waitUntil(lambda: dashboard.stats is not None, timeout=10000)
    before = dashboard.stats.home["overdue"]
    with qtbot.waitSignal(dashboard.computed, timeout=10000):
        main.set_reference_date(date(2024, 9, 1))
    assert dashboard.stats.as_of == date(2024, 9, 1)
    assert "01/09/2024" in dashboard.as_of_label.text()
    assert dashboard.stats.home["overdue"] > before
    assert dashboard.figures[Selection(HOME, "overdue")].value.text() == QLocale().toString(
        dashboard.stats.home["overdue"]
    )
