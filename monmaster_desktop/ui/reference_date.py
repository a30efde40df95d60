"""The reference date dialog: « aujourd'hui » or a fixed day for flags and worklists."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:

    pass

SEARCH_DELAY_MS = 150
#: Beyond this many sheets a print preview asks first (it lays out every page in memory).
PREVIEW_CONFIRM = 200



class ReferenceDateDialog(QDialog):
    """Choose the reference date of flags and worklists (« aujourd'hui » or a fixed day)."""

    def __init__(self, current: date | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Date de référence"))
        self.today = QCheckBox(self.tr("&Aujourd'hui (date du système)"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setDate(QDate(current or date.today()))
        self.today.setChecked(current is None)
        self.day.setEnabled(current is not None)
        self.today.toggled.connect(lambda on: self.day.setEnabled(not on))
        explanation = QLabel(
            self.tr(
                "Les signalements et les listes (retards, motifs demandables) sont calculés "
                "à cette date."
            )
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.today)
        form.addRow(self.tr("&Date :"), self.day)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> date | None:
        return None if self.today.isChecked() else self.day.date().toPython()


