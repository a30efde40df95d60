"""The candidate file: identity checked as typed, applications, what to do next, history."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.errors import DatabaseError, Invalid, NotFound, StaleRecord
from monmaster_desktop.controllers.views import (
    CandidateData,
    CandidateFile,
)
from monmaster_desktop.domain import (
    DIPLOMA_FR,
    DIPLOMA_STATUS_FR,
    HISTORY_FR,
    REASON_FR,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
)
from monmaster_desktop.ui.accessibility import complete_names, name_table
from monmaster_desktop.ui.application_editor import PLACEHOLDER_DAY, ApplicationEditor
from monmaster_desktop.ui.candidate_compare import StalePart
from monmaster_desktop.ui.candidate_file_applications import ApplicationsPart
from monmaster_desktop.ui.candidate_file_models import (  # noqa: F401 - re-exported
    FIELD_FR,
    ApplicationTableModel,
    HistoryTableModel,
    _translated,
    status_text,
    summary_words,
    value_words,
)
from monmaster_desktop.ui.candidate_file_text import (  # noqa: F401 - re-exported
    FLAG_EXPLANATION,
    caps_text,
    what_to_do_html,
)
from monmaster_desktop.ui.screen import fit_to_screen, keep_on_screen
from monmaster_desktop.ui.shortcuts import add_help_action, described_shortcut
from monmaster_desktop.ui.widgets import (
    CountryPicker,
    DateField,
    FieldMessage,
    TypeAheadCombo,
    add_checked_field,
    ask,
    domain_tr,
    fr_date,
    show_field_messages,
)

# -- the dialog --------------------------------------------------------------------------------


class CandidateFileDialog(ApplicationsPart, StalePart, QDialog):
    """One candidate's file; ``saved`` carries the candidate id after every successful write."""

    saved = Signal(int)

    def __init__(self, services, candidate_id: int | None, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.candidate_id = candidate_id
        self.file: CandidateFile | None = None
        self.editor: ApplicationEditor | None = None
        self.messages: dict[str, FieldMessage] = {}
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.check)
        #: A new file shows no message for a field still empty until the clerk saves once.
        self._attempted = candidate_id is not None
        self._build()
        if candidate_id is None:
            self._show_file(None)
        else:
            self.load(candidate_id)
        self.number.setFocus()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 4px; color: #3a3000;"
        )
        self.notice.hide()

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parties du dossier"))
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+1..3 and Ctrl+Tab
        self.tabs.addTab(self._identity_tab(), self.tr("Identité"))
        self.tabs.addTab(self._applications_tab(), self.tr("Candidatures"))
        self.tabs.addTab(self._history_tab(), self.tr("Historique"))
        for number in range(3):
            self.tabs.setTabToolTip(number, f"Alt+{number + 1}")
            described_shortcut(
                self,
                f"Alt+{number + 1}",
                self.tr("Onglet « %1 »").replace("%1", self.tabs.tabText(number)),
                lambda n=number: self.tabs.setCurrentIndex(n),
            )

        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(self._summary_panel())
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 340])
        splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Enregistrer"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Ctrl+S")
        self.preview_button = self.buttons.addButton(
            self.tr("&Aperçu avant impression"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.preview_button.setToolTip("Ctrl+P")
        self.pdf_button = self.buttons.addButton(
            self.tr("E&xporter en PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = self.buttons.addButton(self.tr("&Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.buttons.rejected.connect(self.reject)
        for button in (self.preview_button, self.pdf_button):
            button.setAutoDefault(False)

        described_shortcut(self, QKeySequence.StandardKey.Save, self.tr("Enregistrer la fiche"), self.save)
        described_shortcut(
            self, QKeySequence.StandardKey.Print, self.tr("Aperçu de la fiche de situation"),
            self.print_preview,
        )
        described_shortcut(
            self, ["Ins", "Ctrl+Shift+N"], self.tr("Ajouter une candidature"), self.add_application
        )
        described_shortcut(self, "Alt+Down", self.tr("Candidat suivant de la liste"), lambda: self.navigate(1))
        described_shortcut(self, "Alt+Up", self.tr("Candidat précédent de la liste"), lambda: self.navigate(-1))
        described_shortcut(self, "Esc", self.tr("Fermer la fiche"), self.reject)
        add_help_action(self)

        self.later_note = QLabel()
        self.later_note.setStyleSheet("color: #555555; font-style: italic;")
        self.later_note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.later_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        complete_names(self)
        fit_to_screen(self, 1280, 700)
        keep_on_screen(self, "candidate_file")

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
        self.repeating = QCheckBox(self.tr("Redou&blement du M1"))
        self.ves_vap = QCheckBox(self.tr("Admission par &VES / VAP"))
        self.automatic = QCheckBox(self.tr("Admission de droit en M1 (C&MI)"))
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
        self._field(left, self.tr("N° de &candidat"), self.number, "candidate_number")
        self._field(left, self.tr("&INE"), self.ine, "ine")
        self._field(left, self.tr("&Nom"), self.last_name, "last_name")
        self._field(left, self.tr("P&rénom"), self.first_name, "first_name")
        self._field(left, self.tr("Date de nai&ssance"), self.birth_date, "birth_date")
        self._field(left, self.tr("C&ourriel"), self.email, "email")
        self._field(left, self.tr("&Téléphone"), self.phone, "phone")
        self._field(right, self.tr("Nationa&lité"), self.nationality, "nationality")
        self._field(right, self.tr("Pa&ys de résidence"), self.residence, "residence_country")
        self._field(right, self.tr("&Diplôme"), self.diploma, "diploma")
        self._field(right, self.tr("État du di&plôme"), self.diploma_status, "diploma_status")
        self._field(right, self.tr("&Historique à l'université"), self.history, "enrolment_history")
        # The three situations sit on one line under both columns: the form stays narrow.
        checks = QGridLayout()
        for index, check in enumerate((self.repeating, self.ves_vap, self.automatic)):
            checks.addWidget(check, index // 2, index % 2)
        checks.setColumnStretch(2, 1)
        notes_label = QLabel(self.tr("No&tes"))
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

    def _history_tab(self) -> QWidget:
        self.history_model = HistoryTableModel(self)
        self.history_table = QTableView()
        self.history_table.setModel(self.history_model)
        name_table(self.history_table, self.tr("Historique des modifications"))
        self.history_table.verticalHeader().hide()
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setWordWrap(False)
        self.history_table.setTabKeyNavigation(False)
        header = self.history_table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 90, 100, 230, 150, 150)):
            header.resizeSection(column, width)
        page = QWidget()
        QVBoxLayout(page).addWidget(self.history_table)
        return page

    def _summary_panel(self) -> QWidget:
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setStyleSheet("color: #8a4b00;")
        self.duplicates.hide()
        eligibility = QGroupBox(self.tr("Éligibilité à Mon Master"))
        box = QVBoxLayout(eligibility)
        box.addWidget(self.verdict)
        box.addWidget(self.duplicates)

        self.caps = QLabel()
        counted = QGroupBox(self.tr("Candidatures comptées"))
        QVBoxLayout(counted).addWidget(self.caps)

        self.todo = QLabel()
        self.todo.setWordWrap(True)
        self.todo.setTextFormat(Qt.TextFormat.RichText)
        self.todo.setAlignment(Qt.AlignmentFlag.AlignTop)
        todo = QGroupBox(self.tr("Ce que le candidat doit faire"))
        todo_box = QVBoxLayout(todo)
        todo_box.addWidget(self.todo)
        # RULES.md §5: the platform made a provisional acceptance definitive; one click records it.
        self.confirm_button = QPushButton(self.tr("&Confirmer l'acceptation définitive"))
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm_definitive)
        self.confirm_button.hide()
        todo_box.addWidget(self.confirm_button)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(eligibility)
        layout.addWidget(counted)
        layout.addWidget(todo)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumWidth(260)
        return scroll

    # -- loading and showing -----------------------------------------------------------------

    def load(self, candidate_id: int) -> None:
        """Read the file from the database and show it (anything typed is replaced)."""
        self.candidate_id = candidate_id
        self._attempted = True
        self._show_file(self.services.candidates.get_file(candidate_id, as_of=self.services.as_of))

    def _show_file(self, file: CandidateFile | None) -> None:
        self.file = file
        data = file.candidate if file else None
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
        self._show_outcome()
        self._clean = self._raw()
        self._timer.stop()
        self.check()

    def _show_outcome(self) -> None:
        """Title, applications, counters, what to do and history: what the database holds."""
        file = self.file
        self.title.setText(
            f"{file.full_name} — {file.candidate.candidate_number}"
            if file
            else self.tr("Nouveau candidat")
        )
        self.setWindowTitle(
            self.tr("Fiche candidat — %1").replace("%1", file.full_name)
            if file
            else self.tr("Nouveau candidat")
        )
        self.applications.set_rows(file.applications if file else [])
        self.tabs.setTabEnabled(2, file is not None)
        for button in (
            self.add_button,
            self.edit_button,
            self.withdraw_button,
            self.preview_button,
            self.pdf_button,
        ):
            button.setEnabled(file is not None)
        self.table.setEnabled(file is not None)
        self.first_save_hint.setVisible(file is None)
        if file is None:
            self.caps.setText(self.tr("Aucune candidature."))
            self.todo.setText(self.tr("La fiche n'est pas encore enregistrée."))
            self.history_model.set_entries([], {})
            return
        title = self.tr("Campagne %1").replace("%1", str(file.campaign_year or "—"))
        self.caps.setText(f"{title}\n{caps_text(file)}")
        self.todo.setText(what_to_do_html(file, self.services.as_of))
        self.confirm_button.setVisible(bool(file.to_confirm))
        later = any(view.later for view in file.applications)
        self.later_note.setText(
            self.tr(
                "En gris : postérieur à la date de référence (%1), pas encore survenu ce jour-là."
            ).replace("%1", fr_date(file.as_of))
            if later
            else ""
        )
        self.later_note.setVisible(later)
        labels = {
            view.id: f"{view.data.mention} ({view.data.institution_code})"
            for view in file.applications
        }
        self.history_model.set_entries(self.services.candidates.history(file.candidate_id), labels)

    def _as_of(self, file: CandidateFile) -> CandidateFile:
        """The file as of the desk's reference date (a write answers as of today)."""
        if file.assessment.as_of == self.services.as_of:
            return file
        return self.services.candidates.get_file(file.candidate_id, as_of=self.services.as_of)

    def _set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

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
        label = self.tr("Date de naissance")
        if self.birth_date.is_empty():
            return {"birth_date": self.tr("%1 : champ obligatoire.").replace("%1", label)}
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
        for problem in self.services.candidates.problems(data, self.candidate_id):
            if problem.field in own:
                continue
            found.setdefault(problem.field or "general", []).append(problem.message)
        self._show_problems(found)
        self._show_verdict(data)
        warnings = (
            [] if own else self.services.candidates.possible_duplicates(data, self.candidate_id)
        )
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

    def _show_verdict(self, data: CandidateData) -> None:
        if not data.nationality or not data.residence_country:
            self.verdict.setStyleSheet("")
            self.verdict.setText(
                self.tr("Verdict : complétez la nationalité et le pays de résidence.")
            )
            return
        eligibility = self.services.candidates.eligibility(data)
        if eligibility.eligible:
            self.verdict.setStyleSheet("color: #1b5e20; font-weight: bold;")
            self.verdict.setText(self.tr("Éligible : candidature par Mon Master."))
            return
        reasons = "\n".join(f"• {domain_tr(REASON_FR[r])}" for r in eligibility.reasons)
        self.verdict.setStyleSheet("color: #b00020;")
        self.verdict.setText(
            self.tr("Non éligible à Mon Master :")
            + f"\n{reasons}\n"
            + self.tr("→ procédure Candidature / Pré-inscription de l'université.")
        )

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the identity; a refusal is shown beside its field and the form is kept."""
        self._timer.stop()
        self._attempted = True
        own = self._input_problems()
        if own:
            self.check()  # everything a save would refuse, not only the date
            self.birth_date.setFocus()
            return False
        return self._write(self.file.version if self.file else None)

    def _write(self, expected_version: int | None) -> bool:
        if self.services.unreachable:  # the server is away: refuse now, keep every field
            self._set_notice(self.services.unreachable)
            return False
        try:
            outcome = self.services.candidates.save(
                self.form_data(), candidate_id=self.candidate_id, expected_version=expected_version
            )
        except Invalid as refused:
            found: dict[str, list[str]] = {}
            for problem in refused.problems:
                found.setdefault(problem.field or "general", []).append(problem.message)
            self._show_problems(found)
            self.tabs.setCurrentIndex(0)
            self._focus_field(refused.problems[0].field)
            return False
        except StaleRecord as stale:
            return self._stale(stale)
        except (NotFound, DatabaseError) as failure:
            # Busy, full or read-only database: say so, keep every field as typed.
            self._set_notice(failure.message)
            return False
        self.candidate_id = outcome.file.candidate_id
        self._show_file(self._as_of(outcome.file))
        self._set_notice("\n".join(outcome.warnings) if outcome.warnings else "")
        self.saved.emit(self.candidate_id)
        return True

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

    def may_leave(self) -> bool:
        """True when nothing typed would be lost (saved, discarded on purpose, or unchanged)."""
        if not self.is_dirty():
            return True
        choice = ask(
            self,
            self.tr("Modifications non enregistrées"),
            self.tr("La fiche a des modifications non enregistrées."),
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
        """Esc, « Fermer » and the window's close button all come here (QDialog.closeEvent)."""
        if self.may_leave():
            super().reject()

    def navigate(self, step: int) -> None:
        """Alt+Down / Alt+Up: the next or previous candidate of the main window's list."""
        parent = self.parent()
        if self.candidate_id is None or not hasattr(parent, "next_candidate_id"):
            return
        target = parent.next_candidate_id(self.candidate_id, step)
        if target is None or not self.may_leave():
            return
        self._set_notice("")
        self.load(target)


