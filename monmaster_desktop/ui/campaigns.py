"""The campaigns dialog: each year's calendar, registration bands and caps, dates checked in order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.campaigns import BandData, CampaignController, CampaignData
from monmaster_desktop.controllers.errors import DatabaseError, Invalid, NotFound, StaleRecord
from monmaster_desktop.ui.accessibility import complete_names
from monmaster_desktop.ui.widgets import DateField, FieldMessage, ask, fr_date, parse_fr_date

#: Periods of the calendar as the dialog shows them: label, start field, end field (or None).
PERIODS = (
    (QT_TRANSLATE_NOOP("Campaigns", "Consultation de l'offre à partir du"), "browsing_from", None),
    (
        QT_TRANSLATE_NOOP("Campaigns", "Candidatures (phase principale)"),
        "main_apply_from",
        "main_apply_to",
    ),
    (QT_TRANSLATE_NOOP("Campaigns", "Examen des dossiers"), "exam_from", "exam_to"),
    (
        QT_TRANSLATE_NOOP("Campaigns", "Phase d'admission principale"),
        "main_admission_from",
        "main_admission_to",
    ),
    (
        QT_TRANSLATE_NOOP("Campaigns", "Phase complémentaire"),
        "complementary_from",
        "complementary_to",
    ),
    (
        QT_TRANSLATE_NOOP("Campaigns", "Candidatures en phase complémentaire"),
        "complementary_apply_from",
        "complementary_apply_to",
    ),
    (
        QT_TRANSLATE_NOOP("Campaigns", "Gestion des désistements"),
        "withdrawals_from",
        "withdrawals_to",
    ),
)
#: Dates a clerk may leave empty (not known yet): the withdrawals phase.
OPTIONAL_DATES = frozenset({"withdrawals_from", "withdrawals_to"})
CAPS = (
    ("main_cap_initial", "main_cap_alternance"),
    ("complementary_cap_initial", "complementary_cap_alternance"),
)


def _translated(text: str) -> str:
    return QApplication.translate("Campaigns", text)


class BandTableModel(QAbstractTableModel):
    """The registration bands of a campaign, edited in place; an empty end or deadline is
    « sans fin » / « fixée par le chef d'établissement »."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Campaigns", "Acceptée du"),
        "au",
        QT_TRANSLATE_NOOP("Campaigns", "S'inscrire au plus tard le"),
    )

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._bands: list[BandData] = []

    def set_bands(self, bands: tuple[BandData, ...]) -> None:
        self.beginResetModel()
        self._bands = list(bands)
        self.endResetModel()

    def bands(self) -> tuple[BandData, ...]:
        return tuple(self._bands)

    def add_band(self) -> int:
        """A new band starting the day after the last one ends (or today)."""
        last = self._bands[-1] if self._bands else None
        start = date.today()
        if last is not None:
            start = date.fromordinal((last.accepted_to or last.accepted_from).toordinal() + 1)
        row = len(self._bands)
        self.beginInsertRows(QModelIndex(), row, row)
        self._bands.append(BandData(start))
        self.endInsertRows()
        return row

    def remove_band(self, row: int) -> None:
        if 0 <= row < len(self._bands):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._bands[row]
            self.endRemoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._bands)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: ANN201, N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _translated(self.HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def _value(self, row: int, column: int) -> date | None:
        band = self._bands[row]
        return (band.accepted_from, band.accepted_to, band.deadline)[column]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: ANN201
        if not index.isValid() or index.row() >= len(self._bands):
            return None
        value = self._value(index.row(), index.column())
        if role == Qt.ItemDataRole.EditRole:
            return fr_date(value)
        if role == Qt.ItemDataRole.DisplayRole:
            if value is not None:
                return fr_date(value)
            if index.column() == 1:
                return QCoreApplication.translate("Campaigns", "sans fin")
            return QCoreApplication.translate("Campaigns", "fixée par le chef d'établissement")
        if role == Qt.ItemDataRole.ForegroundRole and value is None:
            return QApplication.palette().placeholderText()
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value or "").strip()
        day = parse_fr_date(text)
        if text and day is None:
            return False  # not a date: the cell keeps its value
        if index.column() == 0 and day is None:
            return False  # a band always has a start
        band = self._bands[index.row()]
        name = ("accepted_from", "accepted_to", "deadline")[index.column()]
        self._bands[index.row()] = replace(band, **{name: day})
        self.dataChanged.emit(index, index)
        return True


class CampaignsDialog(QDialog):
    """Create and edit campaigns; every save recomputes the candidates' deadlines."""

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.controller = CampaignController(services.db)
        self.current: CampaignData | None = None
        self.messages: dict[str, FieldMessage] = {}
        self.dates: dict[str, DateField] = {}
        self.caps: dict[str, QSpinBox] = {}
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.check)
        self.setWindowTitle(self.tr("Campagnes Mon Master"))
        self._build()
        complete_names(self)
        self._reload_years()
        if self.years.count():
            self.years.setCurrentRow(0)
        self.resize(1060, 700)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        years_label = QLabel(self.tr("Ca&mpagnes"))
        self.years = QListWidget()
        self.years.setMaximumWidth(150)
        years_label.setBuddy(self.years)
        self.years.currentItemChanged.connect(self._year_chosen)
        self.new_button = QPushButton(self.tr("&Nouvelle campagne"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_campaign)
        left = QVBoxLayout()
        left.addWidget(years_label)
        left.addWidget(self.years, 1)
        left.addWidget(self.new_button)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 4px; color: #3a3000;"
        )
        self.note.hide()

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setEnabled(False)
        year_label = QLabel(self.tr("A&nnée"))
        year_label.setBuddy(self.year)
        self.confirmed = QCheckBox(self.tr("Dates &confirmées (texte officiel publié)"))
        header = QHBoxLayout()
        header.addWidget(year_label)
        header.addWidget(self.year)
        header.addSpacing(24)
        header.addWidget(self.confirmed)
        header.addStretch(1)
        self.messages["year"] = FieldMessage()

        calendar = QGroupBox(self.tr("Calendrier"))
        grid = QGridLayout(calendar)
        grid.setColumnStretch(5, 1)
        grid.setVerticalSpacing(4)
        row = 0
        for text, start, end in PERIODS:
            label = QLabel(_translated(text))
            grid.addWidget(label, row, 0)
            first = self._date_field(start)
            label.setBuddy(first)
            if end is not None:
                grid.addWidget(QLabel(self.tr("du")), row, 1)
            grid.addWidget(first, row, 2)
            if end is not None:
                grid.addWidget(QLabel(self.tr("au")), row, 3)
                grid.addWidget(self._date_field(end), row, 4)
            for name in filter(None, (start, end)):
                grid.addWidget(self.messages[name], row + 1, 0, 1, 6)
            row += 2
        grid.setRowStretch(row, 1)

        caps = QGroupBox(self.tr("Plafonds de candidatures (mentions)"))
        caps_grid = QGridLayout(caps)
        caps_grid.addWidget(QLabel(self.tr("hors alternance")), 0, 1)
        caps_grid.addWidget(QLabel(self.tr("en alternance")), 0, 2)
        for row, (phase_text, names) in enumerate(
            zip((self.tr("Phase &principale"), self.tr("Phase compléme&ntaire")), CAPS), start=1
        ):
            label = QLabel(phase_text)
            caps_grid.addWidget(label, row, 0)
            for column, name in enumerate(names, start=1):
                spin = QSpinBox()
                spin.setRange(0, 99)
                spin.valueChanged.connect(self._timer.start)
                self.caps[name] = spin
                caps_grid.addWidget(spin, row, column)
            label.setBuddy(self.caps[names[0]])
        caps_grid.setColumnStretch(3, 1)

        bands = QGroupBox(self.tr("Dates limites d'inscription administrative (établissement)"))
        self.band_model = BandTableModel(self)
        self.band_model.dataChanged.connect(self._timer.start)
        self.band_model.rowsInserted.connect(self._timer.start)
        self.band_model.rowsRemoved.connect(self._timer.start)
        self.bands = QTableView()
        self.bands.setModel(self.band_model)
        self.bands.verticalHeader().hide()
        self.bands.setTabKeyNavigation(False)
        self.bands.setWordWrap(False)
        self.bands.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.bands.horizontalHeader().setStretchLastSection(True)
        self.bands.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.bands.setMinimumHeight(110)
        bands_label = QLabel(
            self.tr(
                "Une date laissée vide : « sans fin » (dernière tranche) ou « fixée par le chef "
                "d'établissement ». F2 pour modifier une cellule, Suppr pour la vider."
            )
        )
        bands_label.setWordWrap(True)
        bands_label.setBuddy(self.bands)
        add_band = QPushButton(self.tr("A&jouter une tranche"))
        remove_band = QPushButton(self.tr("&Retirer la tranche"))
        for button in (add_band, remove_band):
            button.setAutoDefault(False)
        add_band.clicked.connect(self._add_band)
        remove_band.clicked.connect(
            lambda: self.band_model.remove_band(self.bands.currentIndex().row())
        )
        self.messages["bands"] = FieldMessage()
        band_buttons = QHBoxLayout()
        band_buttons.addWidget(add_band)
        band_buttons.addWidget(remove_band)
        band_buttons.addStretch(1)
        band_layout = QVBoxLayout(bands)
        band_layout.addWidget(bands_label)
        band_layout.addWidget(self.bands)
        band_layout.addWidget(self.messages["bands"])
        band_layout.addLayout(band_buttons)
        self.bands.installEventFilter(self)

        self.general = FieldMessage()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.addButton(self.tr("&Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_campaign)
        self.confirmed.toggled.connect(self._timer.start)
        self.year.valueChanged.connect(self._timer.start)

        right_top = QHBoxLayout()
        right_top.addWidget(calendar)
        side = QVBoxLayout()
        side.addWidget(caps)
        side.addWidget(bands, 1)
        right_top.addLayout(side, 1)
        right = QVBoxLayout()
        right.addWidget(self.note)
        right.addLayout(header)
        right.addWidget(self.messages["year"])
        right.addLayout(right_top, 1)
        right.addWidget(self.general)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

    def _date_field(self, name: str) -> DateField:
        field = DateField()
        field.setObjectName(name)
        field.textChanged.connect(self._timer.start)
        self.dates[name] = field
        message = FieldMessage()
        message.setObjectName(f"message_{name}")
        self.messages[name] = message
        return field

    def _add_band(self) -> None:
        row = self.band_model.add_band()
        self.bands.setCurrentIndex(self.band_model.index(row, 1))
        self.bands.setFocus()

    def eventFilter(self, watched: QObject, event) -> bool:  # noqa: ANN001, N802 - Qt override
        """Del in the bands table empties the cell (no end / deadline set by the head)."""
        if (
            watched is self.bands
            and event.type() == event.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and self.bands.state() != QAbstractItemView.State.EditingState
        ):
            self.band_model.setData(self.bands.currentIndex(), "")
            return True
        return super().eventFilter(watched, event)

    # -- loading -----------------------------------------------------------------------------

    def _reload_years(self, select: int | None = None) -> None:
        self.years.blockSignals(True)
        self.years.clear()
        for year in self.controller.years():
            item = QListWidgetItem(str(year))
            item.setData(Qt.ItemDataRole.UserRole, year)
            self.years.addItem(item)
            if year == select:
                self.years.setCurrentItem(item)
        self.years.blockSignals(False)

    def _year_chosen(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        if not self.may_leave():
            self.years.blockSignals(True)
            self.years.setCurrentItem(previous)
            self.years.blockSignals(False)
            return
        self._show(self.controller.get(item.data(Qt.ItemDataRole.UserRole)))
        self.note.hide()

    def new_campaign(self) -> None:
        """A new campaign prefilled from the latest, a year later, to be confirmed."""
        if not self.may_leave():
            return
        try:
            proposal = self.controller.proposal()
        except NotFound as missing:
            self._set_general([missing.message])
            return
        self.years.blockSignals(True)
        self.years.clearSelection()
        self.years.setCurrentItem(None)
        self.years.blockSignals(False)
        self._show(proposal)
        self.year.setEnabled(True)
        self.note.setText(
            self.tr(
                "Nouvelle campagne %1 : dates reprises de la campagne %2 décalées d'un an. Vérifiez "
                "chaque date sur l'arrêté publié, puis cochez « Dates confirmées »."
            )
            .replace("%1", str(proposal.year))
            .replace("%2", str(proposal.year - 1))
        )
        self.note.show()
        self._clean = None  # a new campaign is unsaved until saved
        self.dates["browsing_from"].setFocus()

    def _show(self, data: CampaignData) -> None:
        self.current = data
        self.year.setValue(data.year)
        self.year.setEnabled(data.id is None)
        self.confirmed.setChecked(data.confirmed)
        for name, field in self.dates.items():
            field.set_date(getattr(data, name))
        for name, spin in self.caps.items():
            spin.setValue(getattr(data, name))
        self.band_model.set_bands(data.bands)
        self._clean = self._raw()
        self._timer.stop()
        self.check()

    # -- values and checks -------------------------------------------------------------------

    def _raw(self) -> tuple:
        return (
            self.year.value(),
            self.confirmed.isChecked(),
            tuple(field.text() for field in self.dates.values()),
            tuple(spin.value() for spin in self.caps.values()),
            self.band_model.bands(),
        )

    def is_dirty(self) -> bool:
        return self.current is not None and self._raw() != self._clean

    def _input_problems(self) -> dict[str, str]:
        problems = {}
        for name, field in self.dates.items():
            if field.is_empty() and name in OPTIONAL_DATES:
                continue
            if field.is_empty():
                problems[name] = self.tr("Date obligatoire (JJ/MM/AAAA).")
            elif field.date() is None:
                problems[name] = self.tr("Date attendue au format JJ/MM/AAAA.")
        return problems

    def form_data(self) -> CampaignData:
        assert self.current is not None
        placeholder = date(self.year.value(), 1, 1)
        values = {
            name: field.date() or (None if name in OPTIONAL_DATES else placeholder)
            for name, field in self.dates.items()
        }
        values |= {name: spin.value() for name, spin in self.caps.items()}
        return replace(
            self.current,
            year=self.year.value(),
            confirmed=self.confirmed.isChecked(),
            bands=self.band_model.bands(),
            **values,
        )

    def check(self) -> dict[str, list[str]]:
        """Ask the controller what a save would refuse; show it beside each date."""
        if self.current is None:
            return {}
        own = self._input_problems()
        found: dict[str, list[str]] = {name: [text] for name, text in own.items()}
        for problem in self.controller.problems(self.form_data()):
            if problem.field in own:
                continue
            found.setdefault(problem.field or "general", []).append(problem.message)
        self._show_problems(found)
        return found

    def _show_problems(self, found: dict[str, list[str]]) -> None:
        general = list(found.get("general", []))
        for name, messages in found.items():
            if name != "general" and name not in self.messages:
                general += messages
        for name, message in self.messages.items():
            message.show_messages(found.get(name, []))
        self._set_general(general)

    def _set_general(self, messages: list[str]) -> None:
        self.general.show_messages(messages)

    def save(self) -> bool:
        self._timer.stop()
        if self.current is None:
            return False
        own = self._input_problems()
        if own:
            self._show_problems({name: [text] for name, text in own.items()})
            self.dates[next(iter(own))].setFocus()
            return False
        try:
            saved = self.controller.save(self.form_data())
        except Invalid as refused:
            found: dict[str, list[str]] = {}
            for problem in refused.problems:
                found.setdefault(problem.field or "general", []).append(problem.message)
            self._show_problems(found)
            field = self.dates.get(refused.problems[0].field or "")
            if field is not None:
                field.setFocus()
            return False
        except (StaleRecord, NotFound, DatabaseError) as refused:
            self._set_general([refused.message])
            return False
        self._reload_years(select=saved.year)
        self._show(saved)
        self.note.setText(
            self.tr(
                "Campagne %1 enregistrée ; les dates limites des candidats ont été recalculées."
            ).replace("%1", str(saved.year))
        )
        self.note.show()
        return True

    # -- leaving -----------------------------------------------------------------------------

    def may_leave(self) -> bool:
        if not self.is_dirty():
            return True
        choice = ask(
            self,
            self.tr("Modifications non enregistrées"),
            self.tr("La campagne a des modifications non enregistrées."),
            [
                ("save", self.tr("&Enregistrer"), QMessageBox.ButtonRole.AcceptRole),
                ("discard", self.tr("&Ne pas enregistrer"), QMessageBox.ButtonRole.DestructiveRole),
                ("cancel", self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole),
            ],
            default="save",
            icon=QMessageBox.Icon.Warning,
        )
        if choice == "save":
            return self.save()
        return choice == "discard"

    def reject(self) -> None:
        if self.may_leave():
            super().reject()
