"""Office settings: the home institution and the Études en France country list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.campaigns import CampaignController, OfficeSettings
from monmaster_desktop.controllers.errors import DatabaseError, Invalid, StaleRecord
from monmaster_desktop.domain import fold
from monmaster_desktop.io.countries import country_name_fr
from monmaster_desktop.ui.accessibility import complete_names
from monmaster_desktop.ui.widgets import CountryPicker, FieldMessage, ask


class SettingsDialog(QDialog):
    """Edit the office settings; saved in one audited write that recomputes every candidate."""

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.controller = CampaignController(services.db)
        self.setWindowTitle(self.tr("Paramètres du service"))
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.check)

        self.code = QLineEdit()
        self.code.setMaxLength(8)
        self.name = QLineEdit()
        self.messages = {
            "home_institution_code": FieldMessage(),
            "home_institution_name": FieldMessage(),
            "etudes_en_france": FieldMessage(),
        }
        home = QGroupBox(self.tr("Établissement d'accueil (dates limites et voies d'inscription)"))
        form = QFormLayout(home)
        for text, widget, name in (
            (self.tr("Code &UAI"), self.code, "home_institution_code"),
            (self.tr("&Nom"), self.name, "home_institution_name"),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            box = QVBoxLayout()
            box.addWidget(widget)
            box.addWidget(self.messages[name])
            form.addRow(label, box)

        countries = QGroupBox(self.tr("Pays relevant de la procédure Études en France"))
        reminder = QLabel(
            self.tr(
                "Rappel : Campus France comptait 69 pays en 2024 ; la liste livrée en compte 68 "
                "(source secondaire, Laos compris). Vérifiez-la sur le site de Campus France et "
                "complétez-la."
            )
        )
        reminder.setWordWrap(True)
        reminder.setStyleSheet("color: #8a4b00;")
        self.count = QLabel()
        self.countries = QListWidget()
        list_label = QLabel(self.tr("&Liste"))
        list_label.setBuddy(self.countries)
        self.picker = CountryPicker()
        picker_label = QLabel(self.tr("&Pays"))
        picker_label.setBuddy(self.picker)
        add = QPushButton(self.tr("&Ajouter"))
        remove = QPushButton(self.tr("&Retirer"))
        for button in (add, remove):
            button.setAutoDefault(False)
        add.clicked.connect(self.add_country)
        remove.clicked.connect(self.remove_country)
        self.picker.lineEdit().returnPressed.connect(self.add_country)
        picker_row = QHBoxLayout()
        picker_row.addWidget(picker_label)
        picker_row.addWidget(self.picker, 1)
        picker_row.addWidget(add)
        picker_row.addWidget(remove)
        # The shipped list changed while this office's edited list was kept; the last database
        # update's report: said here, never applied silently.
        self.notes = QLabel("\n\n".join(self.controller.settings_notes()))
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 4px; color: #3a3000;"
        )
        self.notes.setVisible(bool(self.notes.text()))
        country_layout = QVBoxLayout(countries)
        country_layout.addWidget(self.notes)
        country_layout.addWidget(reminder)
        country_layout.addWidget(self.count)
        country_layout.addWidget(list_label)
        country_layout.addWidget(self.countries, 1)
        country_layout.addLayout(picker_row)
        country_layout.addWidget(self.messages["etudes_en_france"])

        self.general = FieldMessage()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.countries, self.remove_country)
        layout = QVBoxLayout(self)
        layout.addWidget(home)
        layout.addWidget(countries, 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        complete_names(self)

        self.load(self.controller.settings())
        self.code.textChanged.connect(self._timer.start)
        self.name.textChanged.connect(self._timer.start)
        self.resize(720, 640)

    def load(self, settings: OfficeSettings) -> None:
        """Show ``settings`` as stored; they are what a save expects to find unchanged."""
        self.opened = settings  # another desk's save since then makes ours stale
        self.code.setText(settings.home_institution_code)
        self.name.setText(settings.home_institution_name)
        self.countries.clear()
        for code in settings.etudes_en_france:
            self._add_item(code)
        self._sort()
        self._saved = self.settings()  # to know, on Annuler / Esc, whether anything would be lost

    def _add_item(self, code: str) -> None:
        try:
            name = country_name_fr(code)
        except ValueError:
            name = "?"
        item = QListWidgetItem(f"{name} ({code})")
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.countries.addItem(item)

    def _sort(self) -> None:
        items = [self.countries.takeItem(0) for _ in range(self.countries.count())]
        for item in sorted(items, key=lambda i: fold(i.text())):
            self.countries.addItem(item)
        self.count.setText(self.tr("%1 pays dans la liste.").replace("%1", str(len(items))))

    def codes(self) -> tuple[str, ...]:
        return tuple(
            self.countries.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.countries.count())
        )

    def add_country(self) -> None:
        code = self.picker.code()
        if code is None:
            self.messages["etudes_en_france"].show_messages(
                [self.tr("Choisissez un pays de la liste.")]
            )
            return
        self.messages["etudes_en_france"].show_messages([])
        if code not in self.codes():
            self._add_item(code)
            self._sort()
        for row in range(self.countries.count()):
            if self.countries.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.countries.setCurrentRow(row)
        self.picker.set_code(None)

    def remove_country(self) -> None:
        row = self.countries.currentRow()
        if row >= 0:
            self.countries.takeItem(row)
            self._sort()

    def settings(self) -> OfficeSettings:
        return OfficeSettings(self.code.text(), self.name.text(), self.codes())

    def check(self) -> None:
        found: dict[str, list[str]] = {}
        for problem in self.controller.settings_problems(self.settings()):
            found.setdefault(problem.field or "", []).append(problem.message)
        for name, message in self.messages.items():
            message.show_messages(found.get(name, []))

    def save(self) -> None:
        try:
            self.controller.save_settings(self.settings(), expected=self.opened)
        except StaleRecord as stale:
            self._stale(stale)
            return
        except Invalid as refused:
            for name, message in self.messages.items():
                message.show_messages(refused.for_field(name))
            return
        except DatabaseError as failure:
            QMessageBox.warning(self, self.tr("Enregistrement impossible"), failure.message)
            return
        self._saved = self.settings()
        self.accept()

    def _stale(self, stale: StaleRecord) -> None:
        """Another desk saved the settings since this window read them: say who, when and what;
        the clerk's typing stays unless the clerk asks to reload."""
        self.general.show_messages([stale.message])
        choice = ask(
            self,
            self.tr("Réglages modifiés sur un autre poste"),
            stale.message,
            [
                ("reload", self.tr("&Recharger les réglages"), QMessageBox.ButtonRole.AcceptRole),
                ("keep", self.tr("&Garder mes saisies"), QMessageBox.ButtonRole.RejectRole),
            ],
            default="keep",
            icon=QMessageBox.Icon.Warning,
        )
        if choice == "reload":
            self.load(self.controller.settings())
            self.general.show_messages([])
            self.check()

    def reject(self) -> None:  # Annuler, Esc, the window's close button
        """Changes are never dropped silently: save them, drop them, or stay."""
        if self.settings() != self._saved:
            choice = ask(
                self,
                self.tr("Modifications non enregistrées"),
                self.tr("Les réglages ont été modifiés. Les enregistrer avant de fermer ?"),
                [
                    ("save", self.tr("&Enregistrer"), QMessageBox.ButtonRole.AcceptRole),
                    (
                        "drop",
                        self.tr("&Ne pas enregistrer"),
                        QMessageBox.ButtonRole.DestructiveRole,
                    ),
                    ("stay", self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole),
                ],
                default="save",
            )
            if choice == "save":
                self.save()
                return
            if choice == "stay":
                return
        super().reject()
