"""Screen readers: every focusable control, table and header of every window has a name.

The name counted is the one Qt's accessibility layer gives a screen reader (QAccessible's Name
text: the accessible name, else a button's text, else the label whose buddy the field is).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QMainWindow,
    QScrollBar,
    QTabWidget,
    QWidget,
)

import monmaster_desktop.ui as ui_package
from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.domain import ApplicationStatus, Diploma, EnrolmentHistory, TrainingType


@dataclass
class Unnamed:
    window: str
    kind: str
    detail: str


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _internal(widget: QWidget) -> bool:
    """Qt's own parts of a compound control (scroll bars, a viewport, the corner button)."""
    parent = widget.parentWidget()
    return (
        isinstance(widget, QScrollBar)
        or widget.objectName().startswith("qt_")
        or (isinstance(parent, QAbstractItemView) and widget is not getattr(parent, "horizontalHeader", lambda: None)()
            and widget is not getattr(parent, "verticalHeader", lambda: None)() and not isinstance(widget, QHeaderView))
    )  # fmt: skip


def controls(window: QWidget) -> list[QWidget]:
    """Every focusable control, table and header the clerk can reach, on every tab."""
    found: dict[int, QWidget] = {}

    def collect() -> None:
        for widget in window.findChildren(QWidget):
            if not widget.isVisibleTo(window) or _internal(widget):
                continue
            focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            if focusable or isinstance(widget, (QAbstractItemView, QHeaderView)):
                found[id(widget)] = widget

    collect()
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)
                collect()
    return list(found.values())


def unnamed_in(title: str, window: QWidget) -> tuple[int, list[Unnamed]]:
    missing = []
    reached = controls(window)
    for widget in reached:
        if accessible_name(widget):
            continue
        owner = widget.parentWidget()
        # The editor inside a named spin box or editable combo box speaks with its owner's name.
        if isinstance(owner, (QAbstractSpinBox, QComboBox)) and widget.accessibleName() \
                and widget.accessibleName() == accessible_name(owner):  # fmt: skip
            continue
        detail = getattr(widget, "placeholderText", lambda: "")() or widget.toolTip()
        missing.append(Unnamed(title, type(widget).__name__, detail))
    for view in [w for w in reached if isinstance(w, QAbstractItemView)]:
        model = view.model()
        header = getattr(view, "horizontalHeader", None)
        if model is None or header is None or header().isHidden():
            continue
        for column in range(model.columnCount()):
            text = model.headerData(column, Qt.Orientation.Horizontal)
            tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
            if not str(text or tip or "").strip() and not view.isColumnHidden(column):
                missing.append(Unnamed(title, "header section", f"{view.accessibleName()} #{column}"))
    return len(reached), missing


@pytest.fixture
def filled(services):  # noqa: ANN001, ANN201
    """A candidate with one application, so that every table has rows and every tab content."""
    saved = services.candidates.save(
        CandidateData(
            candidate_number="C001", last_name="Martin", first_name="Léa",
            birth_date=date(2001, 5, 4), nationality="FR", residence_country="FR",
            diploma=Diploma.LICENCE, enrolment_history=EnrolmentHistory.NEVER,
        )
    ).file.candidate_id  # fmt: skip
    services.applications.save(
        saved,
        ApplicationData(
            campaign_year=2024, institution_code="0751717J", mention="Chimie",
            training_type=TrainingType.INITIAL, submitted_on=date(2024, 3, 1),
            status=ApplicationStatus.SUBMITTED,
        ),
    )  # fmt: skip
    return saved


def build_windows(services, candidate_id: int) -> dict[str, QWidget]:  # noqa: ANN001
    """One instance of every window and dialog of the desk, as the clerk opens them."""
    from monmaster_desktop.ui.about_dialog import AboutDialog
    from monmaster_desktop.ui.application_editor import ApplicationEditor
    from monmaster_desktop.ui.backups_dialog import BackupsDialog
    from monmaster_desktop.ui.campaigns import CampaignsDialog
    from monmaster_desktop.ui.candidate_compare import CompareDialog
    from monmaster_desktop.ui.candidate_file import CandidateFileDialog
    from monmaster_desktop.ui.catalogue import CatalogueDialog
    from monmaster_desktop.ui.connect_dialog import ConnectDialog
    from monmaster_desktop.ui.crash_dialog import CrashDialog
    from monmaster_desktop.ui.dashboard import CandidateListDialog, DashboardWindow
    from monmaster_desktop.ui.import_dialog import ImportDialog
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences
    from monmaster_desktop.ui.purge_dialog import PurgeDialog
    from monmaster_desktop.ui.reference_date import ReferenceDateDialog
    from monmaster_desktop.ui.settings_dialog import SettingsDialog
    from monmaster_desktop.ui.shortcuts import ShortcutsDialog

    main = MainWindow(Preferences())
    main.attach(services, "base.sqlite")
    stored = services.candidates.get_file(candidate_id)
    application = stored.applications[0] if getattr(stored, "applications", None) else None
    return {
        "MainWindow": main,
        "CandidateFileDialog": CandidateFileDialog(services, candidate_id),
        "ApplicationEditor": ApplicationEditor(services, candidate_id, application),
        "CompareDialog": CompareDialog(stored.candidate, stored),
        "ReferenceDateDialog": ReferenceDateDialog(date(2024, 7, 20)),
        "CampaignsDialog": CampaignsDialog(services),
        "CatalogueDialog": CatalogueDialog(services),
        "SettingsDialog": SettingsDialog(services),
        "BackupsDialog": BackupsDialog(services),
        "PurgeDialog": PurgeDialog(services),
        "ImportDialog": ImportDialog(services),
        "DashboardWindow": DashboardWindow(services),
        "CandidateListDialog": CandidateListDialog(
            services, "Candidats", [candidate_id], date(2024, 7, 20), 2024, None
        ),
        "ShortcutsDialog": ShortcutsDialog(main),
        "ConnectDialog": ConnectDialog(),
        "AboutDialog": AboutDialog("base.sqlite"),
        "CrashDialog": CrashDialog("détails", None),
    }


#: Dialogs built by others above (a start-up question, message boxes) are not windows of ours.
NOT_WINDOWS = {"StartupCheckDialog"}


def test_every_window_class_is_walked(qtbot, services, filled) -> None:  # noqa: ANN001
    """A new window added to the desk is walked too: the list above must name it."""
    windows = build_windows(services, filled)
    for widget in windows.values():
        qtbot.addWidget(widget)
    defined = set()
    for module in pkgutil.iter_modules(ui_package.__path__):
        loaded = importlib.import_module(f"monmaster_desktop.ui.{module.name}")
        for name, cls in inspect.getmembers(loaded, inspect.isclass):
            if cls.__module__ == loaded.__name__ and issubclass(cls, (QDialog, QMainWindow)):
                defined.add(name)
    assert defined - set(windows) - NOT_WINDOWS == set()


def test_every_control_table_and_header_has_an_accessible_name(qtbot, services, filled) -> None:  # noqa: ANN001
    """Walk every window (every tab): each focusable control, table and header is named."""
    windows = build_windows(services, filled)
    total, missing = 0, []
    for title, window in windows.items():
        qtbot.addWidget(window)
        window.show()
        count, unnamed = unnamed_in(title, window)
        total += count
        missing += unnamed
        window.hide()
    assert total > 120  # the walk reaches the desk's controls: the check is not vacuous
    assert missing == [], f"{len(missing)} of {total} without a name: {missing}"
