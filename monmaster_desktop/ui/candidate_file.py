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
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
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
    CandidateFile,
)
from monmaster_desktop.ui.accessibility import complete_names, name_table
from monmaster_desktop.ui.application_editor import ApplicationEditor
from monmaster_desktop.ui.candidate_compare import StalePart
from monmaster_desktop.ui.candidate_file_applications import ApplicationsPart
from monmaster_desktop.ui.candidate_file_form import IdentityPart
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
    FieldMessage,
    ask,
    fr_date,
)

# -- the dialog --------------------------------------------------------------------------------


class CandidateFileDialog(IdentityPart, ApplicationsPart, StalePart, QDialog):
    """One candidate's file; ``saved`` carries the candidate id after every successful write.

    Its widgets are built once; ``open_file()`` fills them for a candidate, so that the main
    window may keep a closed file's window and open the next file in it (building the
    widgets is most of the cost of opening a file). Whatever file it showed before, an opened
    file shows only its own values, messages and notices, from its first tab.
    """

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
        self.open_file(candidate_id)

    def open_file(self, candidate_id: int | None) -> None:
        """Show this candidate's file (None: a new candidate's) as a window just built would:
        values, messages, notices, verdict and history are all this file's, the first tab is
        shown and the candidate number has the focus. Raises what ``load()`` raises."""
        self._timer.stop()
        if self.editor is not None:
            self.editor.hide()
            self.editor.deleteLater()
            self.editor = None
        self._set_notice("")
        self.tabs.setCurrentIndex(0)
        self.summary.verticalScrollBar().setValue(0)
        if candidate_id is None:
            self.candidate_id = None
            self._attempted = False
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
        self.summary = scroll
        return scroll

    # -- loading and showing -----------------------------------------------------------------

    def load(self, candidate_id: int) -> None:
        """Read the file from the database and show it (anything typed is replaced)."""
        self.candidate_id = candidate_id
        self._attempted = True
        self._show_file(self.services.candidates.get_file(candidate_id, as_of=self.services.as_of))

    def _show_file(self, file: CandidateFile | None) -> None:
        self.file = file
        self._show_identity(file.candidate if file else None)
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
            self.confirm_button.hide()
            self.later_note.hide()
            self.later_note.clear()
            self.verdict.clear()
            self.duplicates.hide()
            self.duplicates.clear()
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


