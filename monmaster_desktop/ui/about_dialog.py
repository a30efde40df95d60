"""Aide › « À propos » : what support asks first — version, database in use, log folder, licence."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop import __version__
from monmaster_desktop.logs import log_dir
from monmaster_desktop.paths import resource
from monmaster_desktop.site import current_site

LICENCE = "EUPL-1.2"
LICENCE_URL = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"


class AboutDialog(QDialog):
    """Version, database (file or server), site configuration, log folder and licence."""

    def __init__(self, database: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("À propos de Mon Master Desk"))
        self.setAccessibleName(self.windowTitle())

        logo = QLabel()
        logo.setPixmap(_icon_pixmap())
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        version_line = self.tr("Version %1").replace("%1", __version__)
        purpose = self.tr(
            "Le bureau de la scolarité pour les candidatures Mon Master et les inscriptions en "
            "première année de master."
        )
        title = QLabel(f"<h2 style='margin:0'>Mon Master Desk</h2><p>{version_line}</p><p>{purpose}</p>")
        title.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addWidget(title, 1)

        site = current_site()
        if site.path is None:
            site_text = self.tr("aucune (valeurs livrées avec le programme)")
        elif site.problems:
            site_text = (
                self.tr("%1 (lue en partie : %2 problème(s))")
                .replace("%1", str(site.path))
                .replace("%2", str(len(site.problems)))
            )
        else:
            site_text = str(site.path)

        licence_text = self.tr("texte de la licence")
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        rows = (
            ("version", self.tr("Version"), __version__),
            ("database", self.tr("Base de données"), database or self.tr("aucune base ouverte")),
            ("site", self.tr("Configuration du site"), site_text),
            ("logs", self.tr("Dossier des journaux"), str(log_dir())),
            (
                "licence",
                self.tr("Licence"),
                f"{LICENCE} — <a href='{LICENCE_URL}'>{licence_text}</a>",
            ),
            (
                "platform",
                self.tr("Environnement"),
                f"Python {platform.python_version()}, PySide6 {pyside_version}, "
                f"{platform.system()} {platform.release()}",
            ),
        )
        for key, label, value in rows:
            shown = QLabel(value)
            shown.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextBrowserInteraction
                if key == "licence"
                else Qt.TextInteractionFlag.TextSelectableByMouse
            )
            shown.setOpenExternalLinks(key == "licence")
            shown.setWordWrap(True)
            shown.setAccessibleName(label)
            self.fields[key] = shown
            form.addRow(label + " :", shown)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copier"))
        self.copy_button.setAccessibleName(self.tr("Copier ces informations"))
        self.copy_button.setToolTip(self.tr("Copier ces informations pour le support informatique"))
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        close.setAccessibleName(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        close.setFocus()

    def text(self) -> str:
        """The dialog's facts as plain text (what « Copier » puts on the clipboard)."""
        lines = [f"Mon Master Desk {__version__}"]
        for key, label in (
            ("database", self.tr("Base de données")),
            ("site", self.tr("Configuration du site")),
            ("logs", self.tr("Dossier des journaux")),
            ("platform", self.tr("Environnement")),
        ):
            lines.append(f"{label} : {self.fields[key].text()}")
        lines.append(f"{self.tr('Licence')} : {LICENCE}")
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Copié"))


def _icon_pixmap():  # noqa: ANN202
    from PySide6.QtGui import QPixmap

    return QPixmap(str(resource("icons", "monmaster-desktop.png"))).scaled(
        64, 64, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
