"""Compare the clerk's values with the stored file, field by field, after a refused save."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.errors import StaleRecord
from monmaster_desktop.controllers.views import (
    CandidateData,
    CandidateFile,
)
from monmaster_desktop.ui.accessibility import name_table
from monmaster_desktop.ui.candidate_file_models import (
    FIELD_FR,
    _translated,
    value_words,
)
from monmaster_desktop.ui.widgets import ask

# -- the dialog --------------------------------------------------------------------------------



class CompareDialog(QDialog):
    """The clerk's values beside the stored ones, field by field; differences in bold."""

    def __init__(self, mine: CandidateData, stored: CandidateFile, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = "cancel"
        self.setWindowTitle(self.tr("Comparer avec la fiche enregistrée"))
        who = stored.updated_by or "?"
        when = stored.updated_at.strftime("%d/%m/%Y %H:%M") if stored.updated_at else "?"
        header = QLabel(self.tr("Enregistrée par %1 le %2.").replace("%1", who).replace("%2", when))
        table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels(
            [self.tr("Champ"), self.tr("Vos saisies"), self.tr("Fiche enregistrée")]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        name_table(table, self.tr("Vos saisies et la fiche enregistrée"))
        for spec in fields(CandidateData):
            name = spec.name
            mine_text = value_words(name, _audit_like(getattr(mine, name)))
            stored_text = value_words(name, _audit_like(getattr(stored.candidate, name)))
            row = table.rowCount()
            table.insertRow(row)
            items = [
                QTableWidgetItem(_translated(FIELD_FR[name])),
                QTableWidgetItem(mine_text),
                QTableWidgetItem(stored_text),
            ]
            for column, item in enumerate(items):
                if mine_text != stored_text:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox()
        mine_button = buttons.addButton(
            self.tr("Enregistrer &mes valeurs"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        reload_button = buttons.addButton(
            self.tr("&Recharger la fiche enregistrée"), QDialogButtonBox.ButtonRole.ResetRole
        )
        buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        mine_button.clicked.connect(lambda: self._choose("mine"))
        reload_button.clicked.connect(lambda: self._choose("reload"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def _audit_like(value: object) -> str | None:
    """A form value written as the audit trail writes it, so both read the same way."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "value", value))


class StalePart:
    """Someone else saved the file meanwhile: reload, or compare and keep one's own values.

    Mixed into CandidateFileDialog; strings in the dialog's context (« CandidateFileDialog »).
    """

    def _stale(self, stale: StaleRecord) -> bool:
        """Someone else saved this file meanwhile: reload, or compare both values first."""
        choice = ask(
            self,
            QCoreApplication.translate("CandidateFileDialog", "Fiche modifiée entre-temps"),
            stale.message + "\n\n" + QCoreApplication.translate("CandidateFileDialog", "Rien n'a été enregistré."),
            [
                (
                    "reload",
                    QCoreApplication.translate("CandidateFileDialog", "&Recharger (abandonner mes saisies)"),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
                ("compare", QCoreApplication.translate("CandidateFileDialog", "&Comparer"), QMessageBox.ButtonRole.ActionRole),
                ("cancel", QCoreApplication.translate("CandidateFileDialog", "Annuler"), QMessageBox.ButtonRole.RejectRole),
            ],
            default="compare",
            icon=QMessageBox.Icon.Warning,
        )
        self._set_notice(stale.message)
        if choice == "reload":
            self.load(self.candidate_id)
            self._set_notice("")
        elif choice == "compare":
            return self._compare()
        return False

    def _compare(self) -> bool:
        """Both versions side by side; the clerk keeps his own (an explicit overwrite) or reloads."""
        stored = self.services.candidates.get_file(self.candidate_id, as_of=self.services.as_of)
        dialog = CompareDialog(self.form_data(), stored, self)
        choice = dialog.exec()
        if dialog.choice == "reload":
            self.load(self.candidate_id)
            self._set_notice("")
            return False
        if dialog.choice == "mine" and choice:
            return self._write(stored.version)
        return False
