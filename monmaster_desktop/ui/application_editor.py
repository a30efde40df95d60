"""The application editor: one application of a candidate, checked as the clerk types."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.applications import campaign_years
from monmaster_desktop.controllers.campaigns import CampaignController
from monmaster_desktop.controllers.errors import DatabaseError, Invalid, NotFound, StaleRecord
from monmaster_desktop.controllers.views import ApplicationData, ApplicationView
from monmaster_desktop.domain import (
    PHASE_FR,
    REJECTION_FR,
    STATUS_FR,
    TRAINING_FR,
    ApplicationStatus,
    Phase,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.ui.screen import fit_to_screen, keep_on_screen
from monmaster_desktop.ui.shortcuts import add_help_action, described_shortcut
from monmaster_desktop.ui.widgets import (
    DateField,
    FieldMessage,
    TypeAheadCombo,
    add_checked_field,
    domain_tr,
    show_field_messages,
)

S = ApplicationStatus
#: Which optional fields each status uses (the others are greyed out, their text kept).
RANKED = {S.WAITLISTED}
REJECTED = {S.REJECTED}
NOTIFIED = set(S) - {S.SUBMITTED}
ACCEPTED = {S.ACCEPTED_PROVISIONALLY, S.ACCEPTED_DEFINITIVELY}
REGISTERED = {S.ACCEPTED_DEFINITIVELY}
#: Stands in for a date not typed yet, so the other fields can still be checked.
PLACEHOLDER_DAY = date(1900, 1, 1)


class ApplicationEditor(QDialog):
    """Add (``application`` None) or edit one application; ``outcome`` is set once saved."""

    def __init__(
        self,
        services,  # noqa: ANN001 - ui.services.Services
        candidate_id: int,
        application: ApplicationView | None = None,
        parent: QWidget | None = None,
        *,
        default_year: int | None = None,
        candidate_label: str = "",
    ):
        super().__init__(parent)
        self.services = services
        self.candidate_id = candidate_id
        self.application = application
        self.outcome = None
        self.messages: dict[str, FieldMessage] = {}
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.check)
        #: Until the clerk saves once, a new application shows no message for a field left
        #: empty: no red before anything is typed.
        self._attempted = application is not None
        title = self.tr("Nouvelle candidature") if application is None else self.tr("Candidature")
        if candidate_label:
            title = self.tr("%1 — %2").replace("%1", title).replace("%2", candidate_label)
        self.setWindowTitle(title)
        self._build(default_year)
        if application is not None:
            self._fill(application.data)
        self._status_changed()
        for signal in self._change_signals():
            signal.connect(self._timer.start)
        self._clean = self._raw()
        self.check()
        (self.uai if application is None else self.status).setFocus()

    # -- layout ------------------------------------------------------------------------------

    def _build(self, default_year: int | None) -> None:
        current = self.application.data.status if self.application else None
        self.campaign = TypeAheadCombo()
        for year in campaign_years(self.services.db):
            self.campaign.addItem(str(year), year)
        if default_year is not None and self.campaign.findData(default_year) >= 0:
            self.campaign.setCurrentIndex(self.campaign.findData(default_year))
        self.phase = TypeAheadCombo()
        for phase in Phase:
            self.phase.addItem(domain_tr(PHASE_FR[phase]), phase)
        self.uai = QLineEdit()
        self.uai.setMaxLength(8)
        self.uai.setPlaceholderText("0134009M")
        self.institution = QLineEdit()
        self.mention = QLineEdit()
        self.parcours = QLineEdit()
        self.training = TypeAheadCombo()
        for training in TrainingType:
            self.training.addItem(domain_tr(TRAINING_FR[training]), training)
        self.submitted = DateField()
        self.status = TypeAheadCombo()
        for status in self.services.applications.allowed_statuses(current):
            self.status.addItem(domain_tr(STATUS_FR[status]), status)
        self.rank = QSpinBox()
        self.rank.setRange(0, 99999)
        self.rank.setSpecialValueText("—")
        self.reason = TypeAheadCombo()
        self.reason.addItem("—", None)
        for reason in RejectionReason:
            self.reason.addItem(domain_tr(REJECTION_FR[reason]), reason)
        # The longest reason (« conditions d'admission non remplies ») read whole, never cut.
        self.reason.setSizeAdjustPolicy(TypeAheadCombo.SizeAdjustPolicy.AdjustToContents)
        self.reason.setMinimumWidth(self.reason.sizeHint().width())
        self.detail = QLineEdit()
        self.notified = DateField()
        self.accepted_on = DateField()
        self.registered = DateField()
        self._complete_institutions()

        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setHorizontalSpacing(12)
        rows = [
            (left, self.tr("Campa&gne"), self.campaign, "campaign_year"),
            (left, self.tr("P&hase"), self.phase, "phase"),
            (left, self.tr("Code &UAI"), self.uai, "institution_code"),
            (left, self.tr("É&tablissement"), self.institution, "institution_name"),
            (left, self.tr("&Mention"), self.mention, "mention"),
            (left, self.tr("Pa&rcours"), self.parcours, "parcours"),
            (left, self.tr("T&ype de formation"), self.training, "training_type"),
            (left, self.tr("&Déposée le"), self.submitted, "submitted_on"),
            (right, self.tr("&Statut"), self.status, "status"),
            (right, self.tr("Ra&ng en liste d'attente"), self.rank, "waitlist_rank"),
            (right, self.tr("Moti&f du refus"), self.reason, "rejection_reason"),
            (right, self.tr("Précisi&on du motif"), self.detail, "rejection_detail"),
            (right, self.tr("Notifiée &le"), self.notified, "notified_on"),
            (right, self.tr("&Acceptée le"), self.accepted_on, "accepted_on"),
            (right, self.tr("&Inscription le"), self.registered, "registered_on"),
        ]
        for form, text, widget, name in rows:
            add_checked_field(form, text, widget, name, self.messages)

        self.general = FieldMessage()
        self.general.setObjectName("message_general")
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        described_shortcut(self, QKeySequence.StandardKey.Save, self.tr("Enregistrer la candidature"), self.save)
        described_shortcut(self, "Esc", self.tr("Annuler"), self.reject)
        add_help_action(self)

        columns = QGridLayout()
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 3)
        columns.setColumnStretch(1, 2)
        columns.setHorizontalSpacing(24)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.general)
        bottom = QHBoxLayout()
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.status.currentIndexChanged.connect(self._status_changed)
        hint = self.sizeHint()
        fit_to_screen(self, max(hint.width(), 860), hint.height())
        keep_on_screen(self, "application_editor")

    def _complete_institutions(self) -> None:
        """UAI and name complete each other from the institutions already in the catalogue."""
        known = CampaignController(self.services.db).institutions()
        self._names = {row.code: row.name for row in known}
        self._codes = {row.name: row.code for row in known if row.name}
        for field, values in ((self.uai, self._names), (self.institution, self._codes)):
            completer = QCompleter(sorted(values), field)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            field.setCompleter(completer)
        self.uai.editingFinished.connect(self._uai_typed)
        self.uai.textChanged.connect(self._uai_changed)
        self.institution.editingFinished.connect(self._name_typed)
        self._filled_name = ""

    def _uai_changed(self, text: str) -> None:
        """A known UAI fills the institution's name as it is typed, and Tab then skips the name
        (it fills itself; a click still reaches it)."""
        name = self._names.get(text.strip().upper(), "")
        current = self.institution.text().strip()
        if name and (not current or current == self._filled_name):
            self.institution.setText(name)
            self._filled_name = name
        elif not name and current and current == self._filled_name:
            self.institution.clear()
            self._filled_name = ""
        filled = bool(self._filled_name) and self.institution.text() == self._filled_name
        self.institution.setFocusPolicy(
            Qt.FocusPolicy.ClickFocus if filled else Qt.FocusPolicy.StrongFocus
        )

    def _uai_typed(self) -> None:
        code = self.uai.text().strip().upper()
        if code != self.uai.text():
            self.uai.setText(code)
        if code in self._names and not self.institution.text().strip():
            self.institution.setText(self._names[code])

    def _name_typed(self) -> None:
        code = self._codes.get(self.institution.text().strip())
        if code and not self.uai.text().strip():
            self.uai.setText(code)

    def _change_signals(self) -> list:  # noqa: ANN401
        edits = (
            self.uai,
            self.institution,
            self.mention,
            self.parcours,
            self.submitted,
            self.detail,
            self.notified,
            self.accepted_on,
            self.registered,
        )
        combos = (self.campaign, self.phase, self.training, self.status, self.reason)
        return (
            [edit.textChanged for edit in edits]
            + [combo.currentIndexChanged for combo in combos]
            + [self.rank.valueChanged]
        )

    def _fill(self, data: ApplicationData) -> None:
        self.campaign.setCurrentIndex(max(self.campaign.findData(data.campaign_year), 0))
        self.phase.setCurrentIndex(self.phase.findData(data.phase))
        self.uai.setText(data.institution_code)
        self.institution.setText(data.institution_name)
        self.mention.setText(data.mention)
        self.parcours.setText(data.parcours)
        self.training.setCurrentIndex(self.training.findData(data.training_type))
        self.submitted.set_date(data.submitted_on)
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        self.rank.setValue(data.waitlist_rank or 0)
        self.reason.setCurrentIndex(max(self.reason.findData(data.rejection_reason), 0))
        self.detail.setText(data.rejection_detail or "")
        self.notified.set_date(data.notified_on)
        self.accepted_on.set_date(data.accepted_on)
        self.registered.set_date(data.registered_on)

    def _status_changed(self) -> None:
        """Grey out what the chosen status does not use; nothing typed is thrown away."""
        status = ApplicationStatus(self.status.currentData())
        self.rank.setEnabled(status in RANKED)
        self.reason.setEnabled(status in REJECTED)
        self.detail.setEnabled(status in REJECTED)
        self.notified.setEnabled(status in NOTIFIED)
        self.accepted_on.setEnabled(status in ACCEPTED or not self.accepted_on.is_empty())
        self.registered.setEnabled(status in REGISTERED)

    # -- values ------------------------------------------------------------------------------

    def _raw(self) -> tuple:
        return (
            self.campaign.currentIndex(),
            self.phase.currentIndex(),
            self.uai.text(),
            self.institution.text(),
            self.mention.text(),
            self.parcours.text(),
            self.training.currentIndex(),
            self.submitted.text(),
            self.status.currentIndex(),
            self.rank.value(),
            self.reason.currentIndex(),
            self.detail.text(),
            self.notified.text(),
            self.accepted_on.text(),
            self.registered.text(),
        )

    def is_dirty(self) -> bool:
        return self._raw() != self._clean

    def _input_problems(self) -> dict[str, str]:
        """Dates that cannot be read, and a missing submission date (the form's own part)."""
        problems = {}
        for name, field, label in (
            ("submitted_on", self.submitted, self.tr("Date de dépôt")),
            ("notified_on", self.notified, self.tr("Date de notification")),
            ("accepted_on", self.accepted_on, self.tr("Date d'acceptation")),
            ("registered_on", self.registered, self.tr("Date d'inscription")),
        ):
            problem = field.input_problem(label) if field.isEnabled() else None
            if problem:
                problems[name] = problem
        if self.submitted.is_empty():
            problems["submitted_on"] = self.tr("Date de dépôt : champ obligatoire.")
        if self.campaign.currentData() is None:
            problems["campaign_year"] = self.tr(
                "Aucune campagne : créez-en une (Campagnes et formations)."
            )
        return problems

    def data(self) -> ApplicationData:
        """What the form holds; a date not (yet) readable stands as PLACEHOLDER_DAY or None."""

        def day(field: DateField) -> date | None:
            return field.date() if field.isEnabled() else None

        status = ApplicationStatus(self.status.currentData())
        reason = self.reason.currentData()
        return ApplicationData(
            campaign_year=self.campaign.currentData() or 0,
            phase=Phase(self.phase.currentData()),
            institution_code=self.uai.text().strip().upper(),
            institution_name=self.institution.text().strip(),
            mention=self.mention.text(),
            parcours=self.parcours.text(),
            training_type=TrainingType(self.training.currentData()),
            submitted_on=self.submitted.date() or PLACEHOLDER_DAY,
            status=status,
            waitlist_rank=(self.rank.value() or None) if self.rank.isEnabled() else None,
            rejection_reason=(
                RejectionReason(reason) if reason and self.reason.isEnabled() else None
            ),
            rejection_detail=self.detail.text() if self.detail.isEnabled() else None,
            notified_on=day(self.notified),
            accepted_on=day(self.accepted_on),
            registered_on=day(self.registered),
        )

    # -- checking and saving -----------------------------------------------------------------

    def check(self) -> dict[str, list[str]]:
        """Ask the controller what a save would refuse and show it beside each field."""
        own = self._input_problems()
        found: dict[str, list[str]] = {name: [text] for name, text in own.items()}
        if "campaign_year" not in own:
            for problem in self.services.applications.problems(
                self.candidate_id,
                self.data(),
                application_id=self.application.id if self.application else None,
            ):
                if problem.field in own:
                    continue  # the field's own message says it better
                found.setdefault(problem.field or "general", []).append(problem.message)
        self._show(found)
        return found

    def _show(self, found: dict[str, list[str]]) -> None:
        if not self._attempted:
            found = {name: texts for name, texts in found.items() if self._typed_in(name)}
        show_field_messages(found, self.messages, self.general)

    def _typed_in(self, name: str) -> bool:
        """Whether the clerk has put something in field ``name`` (a choice counts once changed)."""
        widget = self._field_widgets().get(name)
        if isinstance(widget, QLineEdit):
            return bool(widget.text().strip())
        if name == "general":
            return any(
                isinstance(w, QLineEdit) and w.text().strip() for w in self._field_widgets().values()
            )
        return self._raw() != self._clean if hasattr(self, "_clean") else False

    def save(self) -> None:
        """Write through the controller; a refusal is shown beside its field, the form kept."""
        self._timer.stop()
        self._attempted = True
        own = self._input_problems()
        if own:
            self._show({name: [text] for name, text in own.items()})
            self._focus(next(iter(own)))
            return
        data = self.data()
        try:
            self.outcome = self.services.applications.save(
                self.candidate_id,
                replace(data, rejection_detail=data.rejection_detail or None),
                application_id=self.application.id if self.application else None,
                expected_version=self.application.version if self.application else None,
            )
        except Invalid as refused:
            found: dict[str, list[str]] = {}
            for problem in refused.problems:
                found.setdefault(problem.field or "general", []).append(problem.message)
            self._show(found)
            self._focus(refused.problems[0].field)
            return
        except (StaleRecord, NotFound, DatabaseError) as refused:
            self._show({"general": [refused.message]})
            return
        self.accept()

    def _focus(self, field: str | None) -> None:
        widget = self._field_widgets().get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "campaign_year": self.campaign,
            "phase": self.phase,
            "institution_code": self.uai,
            "institution_name": self.institution,
            "mention": self.mention,
            "parcours": self.parcours,
            "training_type": self.training,
            "submitted_on": self.submitted,
            "status": self.status,
            "waitlist_rank": self.rank,
            "rejection_reason": self.reason,
            "rejection_detail": self.detail,
            "notified_on": self.notified,
            "accepted_on": self.accepted_on,
            "registered_on": self.registered,
        }
