"""Backups window: the list of copies, « Sauvegarder maintenant », restore, and how many are kept."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.backups import (
    MAX_DAILY,
    MAX_WEEKLY,
    BackupInfo,
    list_backups,
)
from monmaster_desktop.controllers.errors import StaleRecord
from monmaster_desktop.ui.accessibility import complete_names
from monmaster_desktop.ui.tasks import run_task

if TYPE_CHECKING:
    from monmaster_desktop.ui.services import Services


def size_text(size: int) -> str:
    """A file size as the clerk reads it: « 812 Ko », « 4,3 Mo »."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} Ko"
    return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")


class BackupsDialog(QDialog):
    """Backups of the open database; every backup and restore runs off the GUI thread.

    After a restore ``restored`` is emitted and the parent's ``reopen_database()`` is called
    when it has one; otherwise the clerk is asked to restart.
    """

    restored = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.controller = services.backups
        self.backups: list[BackupInfo] = []
        self.busy = False
        self.setWindowTitle(self.tr("Sauvegardes"))
        self.resize(760, 520)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Taille"), self.tr("Type"), self.tr("Fichier")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        list_label = QLabel(
            self.tr("Sauvegardes de la &base, de la plus récente à la plus ancienne :")
        )
        list_label.setBuddy(self.table)
        self.folder = QLabel()
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        self.folder.setAccessibleName(self.tr("Dossier des sauvegardes"))

        self.backup_button = QPushButton(self.tr("&Sauvegarder maintenant"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("&Restaurer la sauvegarde choisie…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restaurer depuis un fic&hier…"))
        self.restore_file_button.clicked.connect(self.restore_from_file)

        self.daily = QSpinBox()
        self.daily.setRange(1, MAX_DAILY)
        self.daily.setSuffix(self.tr(" jour(s)"))
        self.weekly = QSpinBox()
        self.weekly.setRange(0, MAX_WEEKLY)
        self.weekly.setSuffix(self.tr(" semaine(s)"))
        daily, weekly = self.rotation_read = self.controller.rotation()
        self.daily.setValue(daily)
        self.weekly.setValue(weekly)
        self.apply_button = QPushButton(self.tr("&Appliquer"))
        self.apply_button.clicked.connect(self.save_rotation)
        rotation = QGroupBox(self.tr("Sauvegardes automatiques conservées"))
        form = QFormLayout(rotation)
        form.addRow(
            QLabel(
                self.tr(
                    "Une sauvegarde est faite à chaque ouverture et fermeture. On garde la plus "
                    "récente de chacun des derniers jours et de chacune des dernières semaines ; "
                    "les sauvegardes manuelles ne sont jamais effacées."
                ),
                wordWrap=True,
            )
        )
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Derniers &jours :"), self.daily)
        form.addRow(self.tr("Dernières s&emaines :"), self.weekly)
        form.addRow("", self.apply_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.close_button = QPushButton(self.tr("&Fermer"))
        self.close_button.clicked.connect(self.reject)
        for button in (
            self.backup_button,
            self.restore_button,
            self.restore_file_button,
            self.apply_button,
            self.close_button,
        ):
            button.setAutoDefault(False)

        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.restore_file_button)
        actions.addStretch(1)
        closing = QHBoxLayout()
        closing.addWidget(self.message, 1)
        closing.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(list_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.folder)
        layout.addLayout(actions)
        layout.addWidget(rotation)
        layout.addLayout(closing)
        complete_names(self)
        self.reload()

    # -- the list ---------------------------------------------------------------------------

    def kind_text(self, info: BackupInfo) -> str:
        return {
            "automatic": self.tr("automatique"),
            "before_restore": self.tr("avant restauration"),
        }.get(info.kind, self.tr("manuelle"))

    def reload(self) -> None:
        """Read the backups folder again (a directory listing: quick)."""
        self.backups = list_backups(self.services.db)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (
                info.taken_at.strftime("%d/%m/%Y %H:%M"),
                size_text(info.size),
                self.kind_text(info),
                info.path.name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        folder = self.backups[0].path.parent if self.backups else None
        self.folder.setText(
            self.tr("Dossier des sauvegardes : %1").replace("%1", str(folder))
            if folder
            else self.tr("Aucune sauvegarde pour l'instant.")
        )
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        for button in (self.backup_button, self.restore_file_button, self.apply_button):
            button.setEnabled(not self.busy)
        self.restore_button.setEnabled(not self.busy and self.selected() is not None)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.message.setText(text)
        self._update_buttons()

    # -- actions ----------------------------------------------------------------------------

    def backup_now(self) -> None:
        """A checked copy of the database, made in the background."""
        self._set_busy(True, self.tr("Sauvegarde en cours…"))
        controller = self.controller

        def done(path: Path) -> None:
            self._set_busy(False, self.tr("Sauvegarde écrite : %1").replace("%1", path.name))
            self.reload()

        run_task(
            self,
            lambda _progress, _cancelled: controller.backup_now(),
            on_done=done,
            on_error=self._failed,
            label=self.tr("Sauvegarde de la base…"),
        )

    def save_rotation(self) -> None:
        daily, weekly = self.daily.value(), self.weekly.value()
        self._set_busy(True)
        controller, expected = self.controller, self.rotation_read

        def saved(_none: object) -> None:
            self.rotation_read = (daily, weekly)
            self._set_busy(
                False,
                self.tr("Réglage enregistré : %1 jour(s), %2 semaine(s).")
                .replace("%1", str(daily))
                .replace("%2", str(weekly)),
            )

        def refused(exc: BaseException) -> None:
            if isinstance(exc, StaleRecord):  # the values typed stay; the next « Appliquer »
                self.rotation_read = controller.rotation()  # knowingly replaces the new ones
            self._failed(exc)

        run_task(
            self,
            lambda _progress, _cancelled: controller.set_rotation(
                daily, weekly, expected=expected
            ),
            on_done=saved,
            on_error=refused,
        )

    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None and not self.busy:
            self.restore(info.path, info.taken_at.strftime("%d/%m/%Y %H:%M"))

    def restore_from_file(self) -> None:
        folder = self.backups[0].path.parent if self.backups else self.services.db.backup_dir
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restaurer depuis un fichier"),
            str(folder),
            self.tr("Bases Mon Master Desk (*.sqlite);;Tous les fichiers (*)"),
        )
        if path:
            self.restore(Path(path), Path(path).name)

    def restore(self, backup: Path, described: str) -> None:
        """After confirmation: back up the current base, check ``backup``, then put it in place."""
        answer = QMessageBox.question(
            self,
            self.tr("Restaurer une sauvegarde"),
            self.tr(
                "Remplacer la base actuelle par la sauvegarde « %1 » ?\n\n"
                "La sauvegarde choisie est vérifiée avant de remplacer quoi que ce soit, et la "
                "base actuelle est copiée au même instant. Les saisies faites depuis cette "
                "sauvegarde ne seront plus dans la base restaurée. Les autres postes ouverts "
                "continuent sur la base restaurée ; une fiche qu'ils avaient ouverte et que la "
                "restauration change leur sera signalée comme modifiée."
            ).replace("%1", described),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._set_busy(True, self.tr("Restauration en cours…"))
        controller = self.controller
        run_task(
            self,
            lambda _progress, _cancelled: controller.restore(backup),
            on_done=self._restored,
            on_error=self._failed,
            label=self.tr("Restauration de la base…"),
        )

    def _restored(self, safety: Path) -> None:
        self._set_busy(False, self.tr("Base restaurée."))
        self.reload()
        self.restored.emit()
        reopen = getattr(self.parent(), "reopen_database", None)
        text = self.tr(
            "La base a été restaurée. La base d'avant est conservée sous « %1 »."
        ).replace("%1", str(safety))
        if callable(reopen):
            QMessageBox.information(self, self.tr("Restauration terminée"), text)
            reopen()
            self.accept()
        else:
            QMessageBox.information(
                self,
                self.tr("Restauration terminée"),
                text,
            )

    def _failed(self, exc: BaseException) -> None:
        message = str(getattr(exc, "message", None) or exc)
        self._set_busy(False, message)
        QMessageBox.warning(self, self.tr("Sauvegardes"), message)

    def reject(self) -> None:
        """Esc and « Fermer » wait for a backup or restore under way."""
        if not self.busy:
            super().reject()
