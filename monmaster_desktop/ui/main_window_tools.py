"""The main window's other windows (tools opened lazily), messages, language and help.

A part of MainWindow; its strings are translated in the window's context (« MainWindow »),
as ``tr()`` would. Widgets are imported where used (this module loads before the first paint).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from monmaster_desktop.ui.main_window_output import error_text

if TYPE_CHECKING:
    from PySide6.QtGui import QAction


class ToolsPart:
    """Tool dialogs, error messages, the language, F1 and « À propos » (mixed into MainWindow)."""

    # -- other windows (opened lazily: they may not be installed yet) -----------------------

    def _dialog_class(self, module: str, name: str) -> type | None:
        from PySide6.QtWidgets import QMessageBox

        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Bientôt disponible"),
                QCoreApplication.translate("MainWindow", "Bientôt disponible : cette fenêtre arrive dans une prochaine version."),
            )
            return None

    def open_dialog(self, module: str, name: str) -> None:
        """A modal tool dialog (campaigns, catalogue, settings); the lists refresh after."""
        from monmaster_desktop.ui.screen import keep_on_screen
        from monmaster_desktop.ui.shortcuts import add_help_action

        dialog_class = self._dialog_class(module, name)
        if dialog_class is None or self.services is None:
            return
        dialog = dialog_class(self.services, self)
        add_help_action(dialog)
        keep_on_screen(dialog, name)
        dialog.exec()
        self.worklists.set_campaigns(self._campaign_years())
        self.refresh()

    def _campaign_years(self) -> list[int]:
        return self.services.worklists.campaign_years() if self.services else []

    def open_import(self) -> None:
        self.open_dialog("monmaster_desktop.ui.import_dialog", "ImportDialog")

    # -- messages, language, help ----------------------------------------------------------

    def show_error(self, summary: str, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, QCoreApplication.translate("MainWindow", "Mon Master Desk"), f"{summary}\n\n{error_text(exc)}")

    def choose_language(self, action: QAction) -> None:
        from PySide6.QtWidgets import QMessageBox

        code = action.data()
        if code == self.preferences.language():
            return
        self.preferences.set_language(code)
        QMessageBox.information(
            self,
            QCoreApplication.translate("MainWindow", "Langue"),
            QCoreApplication.translate("MainWindow",
                "La langue sera appliquée au prochain démarrage de Mon Master Desk.\n"
                "The language will change the next time Mon Master Desk starts."
            ),
        )

    def show_shortcuts(self) -> None:
        """F1: every shortcut of this window, read from its actions (none can be missing)."""
        from monmaster_desktop.ui.shortcuts import show_shortcuts

        show_shortcuts(self)

    def choose_clerk_name(self) -> None:
        """The name printed on the sheets this desk edits (never the system login)."""
        from PySide6.QtWidgets import QInputDialog

        from monmaster_desktop.clerk import clerk_name, set_clerk_name

        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("MainWindow", "Votre nom sur les fiches"),
            QCoreApplication.translate("MainWindow", "Nom imprimé sur les fiches (« Édité le … par … ») :"),
            text=clerk_name(),
        )
        if ok:
            set_clerk_name(name)
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Les fiches seront éditées au nom de : %1").replace(
                    "%1", " ".join(name.split()) or QCoreApplication.translate("MainWindow", "(le service)")
                ),
                8000,
            )

    def show_about(self) -> None:
        """Aide › À propos: version, database in use, log folder, licence."""
        from monmaster_desktop.ui.about_dialog import AboutDialog

        database = str(self.services.db.target) if self.services is not None else None
        AboutDialog(database, self).exec()

