"""The candidate file's identity form: its fields, the values they hold, and what the
controllers say of them as the clerk types (problems beside their field, verdict, duplicates).

A part of CandidateFileDialog; its strings are translated in the dialog's context
(« CandidateFileDialog »), as ``tr()`` would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.views import CandidateData
from monmaster_desktop.domain import (
    DIPLOMA_FR,
    DIPLOMA_STATUS_FR,
    HISTORY_FR,
    REASON_FR,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
)
from monmaster_desktop.ui.application_editor import PLACEHOLDER_DAY
from monmaster_desktop.ui.widgets import (
    CountryPicker,
    DateField,
    FieldMessage,
    TypeAheadCombo,
    add_checked_field,
    domain_tr,
    show_field_messages,
)

if TYPE_CHECKING:
    from monmaster_desktop.controllers.candidates import Eligibility  # live_checks() gives it


class IdentityPart:
    """The identity tab of the file: built once, filled for each file shown.

    Mixed into CandidateFileDialog, whose services, messages, timer and notices it uses.
    """

    # -- building ----------------------------------------------------------------------------

    def _field(self, form: QFormLayout, text: str, widget: QWidget, name: str) -> None:
        add_checked_field(form, text, widget, name, self.messages)

    def _identity_tab(self) -> QWidget:
        self.number = QLineEdit()
        self.ine = QLineEdit()
        self.ine.setMaxLength(14)
        self.last_name = QLineEdit()
        self.first_name = QLineEdit()
        self.birth_date = DateField()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.nationality = CountryPicker()
        self.residence = CountryPicker()
        self.diploma = TypeAheadCombo()
        for diploma in Diploma:
            self.diploma.addItem(domain_tr(DIPLOMA_FR[diploma]), diploma)
        self.diploma_status = TypeAheadCombo()
        for status in DiplomaStatus:
            self.diploma_status.addItem(domain_tr(DIPLOMA_STATUS_FR[status]), status)
        self.history = TypeAheadCombo()
        for history in EnrolmentHistory:
            self.history.addItem(domain_tr(HISTORY_FR[history]), history)
        self.repeating = QCheckBox(QCoreApplication.translate("CandidateFileDialog", "Redou&blement du M1"))
        self.ves_vap = QCheckBox(QCoreApplication.translate("CandidateFileDialog", "Admission par &VES / VAP"))
        self.automatic = QCheckBox(QCoreApplication.translate("CandidateFileDialog", "Admission de droit en M1 (C&MI)"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)

        # Eight characters at least: a narrow window shrinks the columns, never the fields to
        # a few letters (more would push the file past an 800-pixel screen).
        narrowest = self.fontMetrics().horizontalAdvance("0" * 8)
        for edit in (self.number, self.ine, self.last_name, self.first_name, self.birth_date,
                     self.email, self.phone):
            edit.setMinimumWidth(narrowest)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setHorizontalSpacing(12)
        self._field(left, QCoreApplication.translate("CandidateFileDialog", "N° de &candidat"), self.number, "candidate_number")
        self._field(left, QCoreApplication.translate("CandidateFileDialog", "&INE"), self.ine, "ine")
        self._field(left, QCoreApplication.translate("CandidateFileDialog", "&Nom"), self.last_name, "last_name")
        self._field(left, QCoreApplication.translate("CandidateFileDialog", "P&rénom"), self.first_name, "first_name")
        self._field(left, QCoreApplication.translate("CandidateFileDialog", "Date de nai&ssance"), self.birth_date, "birth_date")
        self._field(left, QCoreApplication.translate("CandidateFileDialog", "C&ourriel"), self.email, "email")
        self._field(left, QCoreApplication.translate("CandidateFileDialog", "&Téléphone"), self.phone, "phone")
        self._field(right, QCoreApplication.translate("CandidateFileDialog", "Nationa&lité"), self.nationality, "nationality")
        self._field(right, QCoreApplication.translate("CandidateFileDialog", "Pa&ys de résidence"), self.residence, "residence_country")
        self._field(right, QCoreApplication.translate("CandidateFileDialog", "&Diplôme"), self.diploma, "diploma")
        self._field(right, QCoreApplication.translate("CandidateFileDialog", "État du di&plôme"), self.diploma_status, "diploma_status")
        self._field(right, QCoreApplication.translate("CandidateFileDialog", "&Historique à l'université"), self.history, "enrolment_history")
        # The three situations sit on one line under both columns: the form stays narrow.
        checks = QGridLayout()
        for index, check in enumerate((self.repeating, self.ves_vap, self.automatic)):
            checks.addWidget(check, index // 2, index % 2)
        checks.setColumnStretch(2, 1)
        notes_label = QLabel(QCoreApplication.translate("CandidateFileDialog", "No&tes"))
        notes_label.setBuddy(self.notes)

        page = QWidget()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(columns)
        layout.addLayout(checks)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes)
        self.general = FieldMessage()
        self.general.setObjectName("message_general")
        layout.addWidget(self.general)
        layout.addStretch(1)

        for edit in (
            self.number,
            self.ine,
            self.last_name,
            self.first_name,
            self.birth_date,
            self.email,
            self.phone,
        ):
            edit.textChanged.connect(self._timer.start)
        for picker in (self.nationality, self.residence):
            picker.currentTextChanged.connect(self._timer.start)
        for combo in (self.diploma, self.diploma_status, self.history):
            combo.currentIndexChanged.connect(self._timer.start)
        for check in (self.repeating, self.ves_vap, self.automatic):
            check.toggled.connect(self._timer.start)
        self.notes.textChanged.connect(self._timer.start)
        return page

    def _show_identity(self, data: CandidateData | None) -> None:
        """Every field set to the stored value (empty for a new candidate). Setting a text
        also empties the field's undo history: Ctrl+Z never brings back another file's value."""
        self.number.setText(data.candidate_number if data else "")
        self.ine.setText((data.ine or "") if data else "")
        self.last_name.setText(data.last_name if data else "")
        self.first_name.setText(data.first_name if data else "")
        self.birth_date.set_date(data.birth_date if data else None)
        self.email.setText((data.email or "") if data else "")
        self.phone.setText((data.phone or "") if data else "")
        self.nationality.set_code(data.nationality if data else None)
        self.residence.set_code(data.residence_country if data else None)
        self.diploma.setCurrentIndex(self.diploma.findData(data.diploma) if data else 0)
        self.diploma_status.setCurrentIndex(
            self.diploma_status.findData(data.diploma_status) if data else 0
        )
        self.history.setCurrentIndex(self.history.findData(data.enrolment_history) if data else 0)
        self.repeating.setChecked(bool(data and data.repeating_m1))
        self.ves_vap.setChecked(bool(data and data.ves_vap))
        self.automatic.setChecked(bool(data and data.automatic_admission))
        self.notes.setPlainText((data.notes or "") if data else "")

    # -- the form's values -------------------------------------------------------------------

    def _raw(self) -> tuple:
        return (
            self.number.text(),
            self.ine.text(),
            self.last_name.text(),
            self.first_name.text(),
            self.birth_date.text(),
            self.email.text(),
            self.phone.text(),
            self.nationality.currentText(),
            self.residence.currentText(),
            self.diploma.currentIndex(),
            self.diploma_status.currentIndex(),
            self.history.currentIndex(),
            self.repeating.isChecked(),
            self.ves_vap.isChecked(),
            self.automatic.isChecked(),
            self.notes.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self._raw() != self._clean

    def form_data(self) -> CandidateData:
        """What the form holds; a birth date not (yet) readable stands as PLACEHOLDER_DAY."""
        return CandidateData(
            candidate_number=self.number.text(),
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            birth_date=self.birth_date.date() or PLACEHOLDER_DAY,
            nationality=self.nationality.code() or "",
            residence_country=self.residence.code() or "",
            diploma=Diploma(self.diploma.currentData()),
            enrolment_history=EnrolmentHistory(self.history.currentData()),
            ine=self.ine.text() or None,
            email=self.email.text() or None,
            phone=self.phone.text() or None,
            diploma_status=DiplomaStatus(self.diploma_status.currentData()),
            repeating_m1=self.repeating.isChecked(),
            ves_vap=self.ves_vap.isChecked(),
            automatic_admission=self.automatic.isChecked(),
            notes=self.notes.toPlainText() or None,
        )

    def _input_problems(self) -> dict[str, str]:
        label = QCoreApplication.translate("CandidateFileDialog", "Date de naissance")
        if self.birth_date.is_empty():
            return {"birth_date": QCoreApplication.translate("CandidateFileDialog", "%1 : champ obligatoire.").replace("%1", label)}
        problem = self.birth_date.input_problem(label)
        return {"birth_date": problem} if problem else {}

    # -- live checks -------------------------------------------------------------------------

    def check(self) -> dict[str, list[str]]:
        """Ask the controllers what a save would refuse, the verdict and possible duplicates."""
        own = self._input_problems()
        data = self.form_data()
        found: dict[str, list[str]] = {name: [text] for name, text in own.items()}
        if self.services.unreachable:  # the server is away: the form's own checks only
            self._show_problems(found)
            return found
        try:
            return self._checked(data, own, found)
        except Exception as exc:
            if not self.services.db.is_disconnect(exc):
                raise
            self._show_problems(found)  # the server just went away: the live bar says so
            return found

    def _checked(self, data: CandidateData, own: dict[str, str], found: dict) -> dict:
        checks = self.services.candidates.live_checks(data, self.candidate_id)
        for problem in checks.problems:
            if problem.field in own:
                continue
            found.setdefault(problem.field or "general", []).append(problem.message)
        self._show_problems(found)
        self._show_verdict(checks.eligibility)
        warnings = [] if own else checks.duplicates  # a date not read yet finds no twin
        self.duplicates.setText("\n".join(warnings))
        self.duplicates.setVisible(bool(warnings))
        return found

    def _show_problems(self, found: dict[str, list[str]]) -> None:
        if not self._attempted:
            typed = {
                name
                for name, widget in self._identity_widgets().items()
                if (widget.currentText() if isinstance(widget, QComboBox) else widget.text()).strip()
            }
            found = {
                name: texts
                for name, texts in found.items()
                if name in typed or (name not in self._identity_widgets() and typed)
            }
        show_field_messages(found, self.messages, self.general)

    def _show_verdict(self, eligibility: Eligibility | None) -> None:
        """The verdict; None: nationality or residence still missing."""
        if eligibility is None:
            self.verdict.setStyleSheet("")
            self.verdict.setText(
                QCoreApplication.translate("CandidateFileDialog", "Verdict : complétez la nationalité et le pays de résidence.")
            )
            return
        if eligibility.eligible:
            self.verdict.setStyleSheet("color: #1b5e20; font-weight: bold;")
            self.verdict.setText(QCoreApplication.translate("CandidateFileDialog", "Éligible : candidature par Mon Master."))
            return
        reasons = "\n".join(f"• {domain_tr(REASON_FR[r])}" for r in eligibility.reasons)
        self.verdict.setStyleSheet("color: #b00020;")
        self.verdict.setText(
            QCoreApplication.translate("CandidateFileDialog", "Non éligible à Mon Master :")
            + f"\n{reasons}\n"
            + QCoreApplication.translate("CandidateFileDialog", "→ procédure Candidature / Pré-inscription de l'université.")
        )
    def _focus_field(self, field: str | None) -> None:
        widget = self._identity_widgets().get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _identity_widgets(self) -> dict[str, QWidget]:
        return {
            "candidate_number": self.number,
            "ine": self.ine,
            "last_name": self.last_name,
            "first_name": self.first_name,
            "birth_date": self.birth_date,
            "email": self.email,
            "phone": self.phone,
            "nationality": self.nationality,
            "residence_country": self.residence,
        }
