"""Retention purge window: who would go and why, then a confirmed purge (backup first)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.purge import PurgeController, PurgeItem, PurgeResult
from monmaster_desktop.ui.accessibility import complete_names, name_table
from monmaster_desktop.ui.services import Services
from monmaster_desktop.ui.tasks import run_task
from monmaster_desktop.ui.widgets import ask


class PurgeDialog(QDialog):
    """Preview the candidates whose keeping period is over; purge them on confirmation."""

    purged = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.controller = PurgeController(services.db)
        self.items: list[PurgeItem] = []
        self.setWindowTitle(self.tr("Purge des données personnelles"))
        self.resize(820, 520)

        intro = QLabel(
            self.tr(
                "Les candidats qui ne se sont pas inscrits sont supprimés quand leur durée de "
                "conservation est échue (comptée depuis la fin de la phase complémentaire de "
                "leur dernière campagne). Une sauvegarde est faite avant la purge ; le journal "
                "n'en garde que le nombre, sans aucun nom."
            )
        )
        intro.setWordWrap(True)

        self.months = QSpinBox()
        self.months.setRange(1, 120)
        self.months.setSuffix(self.tr(" mois"))
        self.months.setValue(self.controller.retention_months())
        months_label = QLabel(self.tr("&Durée de conservation :"))
        months_label.setBuddy(self.months)
        self.as_of_label = QLabel(
            self.tr("Date de référence : %1").replace("%1", services.as_of.strftime("%d/%m/%Y"))
        )
        refresh = QPushButton(self.tr("&Afficher la liste"))
        refresh.clicked.connect(self.load_preview)
        settings = QHBoxLayout()
        settings.addWidget(months_label)
        settings.addWidget(self.months)
        settings.addSpacing(16)
        settings.addWidget(self.as_of_label)
        settings.addStretch(1)
        settings.addWidget(refresh)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("N° candidat"), self.tr("Campagne"), self.tr("Motif")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 90)
        name_table(self.table, self.tr("Candidats qui seraient supprimés"))
        self.summary = QLabel()

        # A purge that could not compact the file (another desk was reading) is finished here.
        self.pending = QLabel()
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(
            "background: #fff4e0; color: #6b3a00; border: 1px solid #e0b070; padding: 6px;"
        )
        self.finish_button = QPushButton(self.tr("&Terminer le compactage"))
        self.finish_button.clicked.connect(self.finish_compaction)
        pending_row = QHBoxLayout()
        pending_row.addWidget(self.pending, 1)
        pending_row.addWidget(self.finish_button)

        buttons = QDialogButtonBox()
        self.purge_button = buttons.addButton(
            self.tr("&Purger ces candidats…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self.confirm_purge)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Fermer"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(settings)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(pending_row)
        layout.addWidget(buttons)
        complete_names(self)
        self.load_preview()
        self.show_pending()

    def show_pending(self) -> None:
        """Say, while it is so, that the last purge's traces are still in the file."""
        since = self.controller.compaction_pending()
        self.pending.setVisible(since is not None)
        self.finish_button.setVisible(since is not None)
        if since is not None:
            self.pending.setText(
                self.tr(
                    "Compactage à terminer : la purge du %1 n'a pas pu compacter le fichier (un "
                    "autre poste lisait la base) ; des traces des candidats supprimés y restent. "
                    "Fermez les listes des autres postes puis terminez le compactage."
                ).replace("%1", since.strftime("%d/%m/%Y à %H:%M"))
            )

    def finish_compaction(self) -> None:
        self.finish_button.setEnabled(False)
        controller = self.controller
        run_task(
            self,
            lambda _progress, _cancelled: controller.finish_compaction(),
            label=self.tr("Compactage du fichier…"),
            on_done=self._compaction_finished,
            on_error=self._failed,
        )

    def _compaction_finished(self, done: bool) -> None:
        self.finish_button.setEnabled(True)
        self.show_pending()
        if done:
            QMessageBox.information(
                self,
                self.tr("Compactage terminé"),
                self.tr("Le fichier est compacté : plus aucune trace des candidats supprimés."),
            )
        else:
            QMessageBox.warning(
                self,
                self.tr("Compactage à terminer plus tard"),
                self.tr(
                    "Un autre poste lit toujours la base : le compactage n'a pas pu se faire. "
                    "Réessayez quand les autres postes auront fermé leurs listes."
                ),
            )

    @property
    def as_of(self) -> date:
        return self.services.as_of

    def load_preview(self) -> None:
        """List who the purge would delete with the chosen period (nothing is written)."""
        self.items = self.controller.preview(self.as_of, self.months.value())
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            for column, text in enumerate(
                (item.candidate_number, str(item.campaign_year or ""), item.reason)
            ):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, cell)
        self.summary.setText(
            self.tr("%n candidat(s) à supprimer.", "", len(self.items))
            if self.items
            else self.tr("Aucun candidat n'a dépassé la durée de conservation.")
        )
        self.purge_button.setEnabled(bool(self.items))

    def confirm_purge(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Confirmer la purge"),
            self.tr(
                "Supprimer définitivement %1 candidat(s) et leurs candidatures ? Une sauvegarde "
                "est faite juste avant."
            ).replace("%1", str(len(self.items))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.purge_button.setEnabled(False)
        controller, as_of, months = self.controller, self.as_of, self.months.value()
        run_task(
            self,
            lambda _progress, _cancelled: controller.purge(as_of, months),
            label=self.tr("Purge en cours…"),
            on_done=self._purged,
            on_error=self._failed,
        )

    def _purged(self, result: PurgeResult) -> None:
        summary = (
            self.tr("%1 candidat(s) et %2 candidature(s) supprimé(s). Sauvegarde préalable : %3")
            .replace("%1", str(result.deleted))
            .replace("%2", str(result.applications))
            .replace("%3", str(result.backup) if result.backup else "—")
        )
        if result.compacted:
            QMessageBox.information(self, self.tr("Purge terminée"), summary)
        else:
            choice = ask(
                self,
                self.tr("Purge faite, compactage à terminer"),
                summary
                + "\n\n"
                + self.tr(
                    "Un autre poste lisait la base : le fichier n'a pas pu être compacté, et des "
                    "traces des candidats supprimés y restent jusqu'au compactage. Le terminer "
                    "maintenant, ou plus tard (bouton « Terminer le compactage » de cette "
                    "fenêtre) ?"
                ),
                [
                    ("retry", self.tr("&Réessayer maintenant"), QMessageBox.ButtonRole.AcceptRole),
                    ("later", self.tr("&Plus tard"), QMessageBox.ButtonRole.RejectRole),
                ],
                default="later",
                icon=QMessageBox.Icon.Warning,
            )
            if choice == "retry":
                self.finish_compaction()
        self.purged.emit(result.deleted)
        self.load_preview()
        self.show_pending()

    def _failed(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None) or str(exc)
        QMessageBox.warning(self, self.tr("Purge impossible"), message)
        self.load_preview()
