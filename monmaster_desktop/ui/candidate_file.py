"""The candidate file: identity checked as typed, applications, what to do next, history."""

from __future__ import annotations

import html
import re
from dataclasses import fields
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.errors import DatabaseError, Invalid, NotFound, StaleRecord
from monmaster_desktop.controllers.views import (
    ApplicationView,
    AuditView,
    CandidateData,
    CandidateFile,
)
from monmaster_desktop.domain import (
    DIPLOMA_FR,
    DIPLOMA_STATUS_FR,
    FLAG_FR,
    HISTORY_FR,
    PHASE_FR,
    REASON_FR,
    REJECTION_FR,
    ROUTE_FR,
    STATUS_FR,
    TRAINING_FR,
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Flag,
    Phase,
    TrainingType,
)
from monmaster_desktop.io.countries import country_name_fr
from monmaster_desktop.ui.application_editor import PLACEHOLDER_DAY, ApplicationEditor
from monmaster_desktop.ui.preferences import Preferences
from monmaster_desktop.ui.widgets import (
    CountryPicker,
    DateField,
    FieldMessage,
    add_checked_field,
    ask,
    domain_tr,
    fr_date,
    show_field_messages,
)

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _translated(text: str) -> str:
    """Module-level strings of this window, in the interface language."""
    return QApplication.translate("CandidateFile", text)


# -- applications table ----------------------------------------------------------------------


class _RowsModel(QAbstractTableModel):
    """A read-only table of ``_rows`` under translated ``HEADERS`` (the two tables of the file)."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: ANN201, N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _translated(self.HEADERS[section])
        return None


class ApplicationTableModel(_RowsModel):
    """The candidate's applications, one per row, in the order of the file (newest campaign first).

    Withdrawn applications stay listed, greyed: they no longer count against the caps.
    """

    HEADERS = (
        "Campagne",
        QT_TRANSLATE_NOOP("CandidateFile", "Phase"),
        QT_TRANSLATE_NOOP("CandidateFile", "Établissement"),
        QT_TRANSLATE_NOOP("CandidateFile", "Mention"),
        QT_TRANSLATE_NOOP("CandidateFile", "Parcours"),
        QT_TRANSLATE_NOOP("CandidateFile", "Statut"),
        QT_TRANSLATE_NOOP("CandidateFile", "Type"),
        QT_TRANSLATE_NOOP("CandidateFile", "Déposée le"),
        QT_TRANSLATE_NOOP("CandidateFile", "Notifiée le"),
        QT_TRANSLATE_NOOP("CandidateFile", "Acceptée le"),
        QT_TRANSLATE_NOOP("CandidateFile", "Motifs demandables jusqu'au"),
    )

    def set_rows(self, rows: tuple[ApplicationView, ...] | list[ApplicationView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def application(self, row: int) -> ApplicationView:
        return self._rows[row]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: ANN201
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        view = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(view, index.column())
        later = self._later(view, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and later:
            return QCoreApplication.translate(
                "CandidateFile", "Postérieur à la date de référence : pas encore survenu ce jour-là."
            )
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 3, 4, 5):
            return self._text(view, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and (later or not view.counted):
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.FontRole and later:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    #: Date columns and the event each shows (RULES.md §8: later events are greyed).
    _EVENT_COLUMNS = {7: "submitted_on", 8: "notified_on", 9: "accepted_on"}

    @classmethod
    def _later(cls, view: ApplicationView, column: int) -> bool:
        if column == 5:
            return bool(view.later) and view.status_as_of is not view.data.status
        return cls._EVENT_COLUMNS.get(column) in view.later

    @staticmethod
    def _text(view: ApplicationView, column: int) -> str:
        data = view.data
        if column == 0:
            return str(data.campaign_year)
        if column == 1:
            return domain_tr(PHASE_FR[data.phase]).replace("Phase ", "").capitalize()
        if column == 2:  # the code first: a long name is elided, never the code
            name = view.institution_name
            return f"{data.institution_code} · {name}" if name else data.institution_code
        if column == 3:
            return data.mention
        if column == 4:
            return data.parcours
        if column == 5:
            return status_text(view)
        if column == 6:
            return (
                QCoreApplication.translate("CandidateFile", "Alternance")
                if data.training_type is TrainingType.ALTERNANCE
                else QCoreApplication.translate("CandidateFile", "Initiale")
            )
        dates = {
            7: data.submitted_on,
            8: data.notified_on,
            9: data.accepted_on,
            10: view.explanation_last_day,
        }
        return fr_date(dates[column])


def status_text(view: ApplicationView) -> str:
    """The status as it stood on the reference date; a later one is named as later."""
    data = view.data
    if view.status_as_of is not data.status and view.later:
        recorded = domain_tr(STATUS_FR[data.status])
        if view.status_as_of is None:
            return QCoreApplication.translate("CandidateFile", "Pas encore déposée (%1 ensuite)").replace("%1", recorded)
        return (
            domain_tr(STATUS_FR[view.status_as_of])
            + " · "
            + QCoreApplication.translate("CandidateFile", "%1 ensuite").replace("%1", recorded)
        )
    if view.definitive_on is not None:
        return QCoreApplication.translate("CandidateFile", "Définitive le %1 (à confirmer)").replace("%1", fr_date(view.definitive_on))
    text = domain_tr(STATUS_FR[data.status])
    if data.status is ApplicationStatus.WAITLISTED and data.waitlist_rank:
        text += QCoreApplication.translate("CandidateFile", " (rang %1)").replace(
            "%1", str(data.waitlist_rank)
        )
    if data.status is ApplicationStatus.REJECTED and data.rejection_reason:
        text += " — " + domain_tr(REJECTION_FR[data.rejection_reason])
        if data.rejection_detail:
            text += f" ({data.rejection_detail})"
    return text


# -- history -----------------------------------------------------------------------------------

FIELD_FR = {
    "candidate_number": QT_TRANSLATE_NOOP("CandidateFile", "N° de candidat"),
    "ine": QT_TRANSLATE_NOOP("CandidateFile", "INE"),
    "last_name": QT_TRANSLATE_NOOP("CandidateFile", "Nom"),
    "first_name": QT_TRANSLATE_NOOP("CandidateFile", "Prénom"),
    "birth_date": QT_TRANSLATE_NOOP("CandidateFile", "Date de naissance"),
    "email": QT_TRANSLATE_NOOP("CandidateFile", "Courriel"),
    "phone": QT_TRANSLATE_NOOP("CandidateFile", "Téléphone"),
    "nationality": QT_TRANSLATE_NOOP("CandidateFile", "Nationalité"),
    "residence_country": QT_TRANSLATE_NOOP("CandidateFile", "Pays de résidence"),
    "diploma": QT_TRANSLATE_NOOP("CandidateFile", "Diplôme"),
    "diploma_status": QT_TRANSLATE_NOOP("CandidateFile", "État du diplôme"),
    "repeating_m1": QT_TRANSLATE_NOOP("CandidateFile", "Redoublement du M1"),
    "ves_vap": QT_TRANSLATE_NOOP("CandidateFile", "VES / VAP"),
    "automatic_admission": QT_TRANSLATE_NOOP("CandidateFile", "Admission de droit (CMI)"),
    "enrolment_history": QT_TRANSLATE_NOOP("CandidateFile", "Historique à l'université"),
    "notes": QT_TRANSLATE_NOOP("CandidateFile", "Notes"),
    "campaign_year": QT_TRANSLATE_NOOP("CandidateFile", "Campagne"),
    "phase": QT_TRANSLATE_NOOP("CandidateFile", "Phase"),
    "institution_code": QT_TRANSLATE_NOOP("CandidateFile", "Code UAI"),
    "mention": QT_TRANSLATE_NOOP("CandidateFile", "Mention"),
    "parcours": QT_TRANSLATE_NOOP("CandidateFile", "Parcours"),
    "training_type": QT_TRANSLATE_NOOP("CandidateFile", "Type de formation"),
    "submitted_on": QT_TRANSLATE_NOOP("CandidateFile", "Déposée le"),
    "status": QT_TRANSLATE_NOOP("CandidateFile", "Statut"),
    "waitlist_rank": QT_TRANSLATE_NOOP("CandidateFile", "Rang"),
    "rejection_reason": QT_TRANSLATE_NOOP("CandidateFile", "Motif du refus"),
    "rejection_detail": QT_TRANSLATE_NOOP("CandidateFile", "Précision du motif"),
    "notified_on": QT_TRANSLATE_NOOP("CandidateFile", "Notifiée le"),
    "accepted_on": QT_TRANSLATE_NOOP("CandidateFile", "Acceptée le"),
    "registered_on": QT_TRANSLATE_NOOP("CandidateFile", "Inscrite le"),
}
ACTION_FR = {
    "create": QT_TRANSLATE_NOOP("CandidateFile", "Création"),
    "update": QT_TRANSLATE_NOOP("CandidateFile", "Modification"),
    "delete": QT_TRANSLATE_NOOP("CandidateFile", "Suppression"),
    "purge": QT_TRANSLATE_NOOP("CandidateFile", "Purge"),
    "import": QT_TRANSLATE_NOOP("CandidateFile", "Import"),
}
_CODED_FR = {
    "diploma": DIPLOMA_FR,
    "diploma_status": DIPLOMA_STATUS_FR,
    "enrolment_history": HISTORY_FR,
    "phase": PHASE_FR,
    "training_type": TRAINING_FR,
    "status": STATUS_FR,
    "rejection_reason": REJECTION_FR,
}


def value_words(field: str | None, value: str | None) -> str:
    """An audited value in the clerk's words: dates DD/MM/YYYY, codes as their French label."""
    if value is None or value == "":
        return "—"
    if field in _CODED_FR:
        labels = {str(k.value): v for k, v in _CODED_FR[field].items()}
        return domain_tr(labels.get(value, value))
    if field in ("nationality", "residence_country"):
        try:
            return f"{country_name_fr(value)} ({value})"
        except ValueError:
            return value
    match = _ISO_DATE.fullmatch(value)
    if match:
        return f"{match[3]}/{match[2]}/{match[1]}"
    return value


def summary_words(summary: str | None) -> str:
    """The « k=v; k=v » summary of a creation or deletion, in French words."""
    if not summary:
        return "—"
    parts = []
    for item in summary.split("; "):
        key, _, value = item.partition("=")
        if key in ("candidate_number", "mention", "institution_code", "status", "last_name"):
            parts.append(f"{_translated(FIELD_FR.get(key, key))} : {value_words(key, value)}")
    return " ; ".join(parts) or "—"


class HistoryTableModel(_RowsModel):
    """The audit trail of the candidate and his applications, newest first."""

    HEADERS = (
        "Date",
        QT_TRANSLATE_NOOP("CandidateFile", "Utilisateur"),
        QT_TRANSLATE_NOOP("CandidateFile", "Action"),
        QT_TRANSLATE_NOOP("CandidateFile", "Élément"),
        QT_TRANSLATE_NOOP("CandidateFile", "Champ"),
        QT_TRANSLATE_NOOP("CandidateFile", "Ancienne valeur"),
        QT_TRANSLATE_NOOP("CandidateFile", "Nouvelle valeur"),
    )

    def set_entries(self, entries: list[AuditView], app_labels: dict[int, str]) -> None:
        labels = dict(app_labels)
        for entry in entries:  # deleted applications are named by their creation row
            if entry.entity == "application" and entry.action == "create":
                values = dict(p.partition("=")[::2] for p in (entry.new_value or "").split("; "))
                labels.setdefault(
                    entry.entity_id,
                    f"{values.get('mention', '?')} ({values.get('institution_code', '?')})",
                )
        self.beginResetModel()
        self._rows = [self._row(entry, labels) for entry in entries]
        self.endResetModel()

    @staticmethod
    def _row(entry: AuditView, labels: dict[int, str]) -> tuple[str, ...]:
        if entry.entity == "application":
            element = QCoreApplication.translate("CandidateFile", "Candidature %1").replace(
                "%1", labels.get(entry.entity_id, "")
            )
        else:
            element = QCoreApplication.translate("CandidateFile", "Fiche du candidat")
        if entry.field is None:
            field, old, new = "", summary_words(entry.old_value), summary_words(entry.new_value)
            if entry.action == "create":
                old = "—"
        else:
            field = _translated(FIELD_FR.get(entry.field, entry.field))
            old = value_words(entry.field, entry.old_value)
            new = value_words(entry.field, entry.new_value)
        return (
            entry.at.strftime("%d/%m/%Y %H:%M"),
            entry.os_user,
            _translated(ACTION_FR.get(entry.action, entry.action)),
            element,
            field,
            old,
            new,
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: ANN201
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None


# -- the "what to do" panel ------------------------------------------------------------------

FLAG_EXPLANATION = {
    Flag.INTERRUPTED_ENROLMENT: QT_TRANSLATE_NOOP(
        "CandidateFile",
        "Son inscription a été interrompue un an : il doit contacter le service de scolarité avant de s'inscrire.",
    ),
    Flag.DEADLINE_SET_BY_HEAD: QT_TRANSLATE_NOOP(
        "CandidateFile",
        "Acceptation tardive : la date limite d'inscription est fixée par le chef d'établissement et n'est pas encore enregistrée (Catalogue des formations).",
    ),
    Flag.REGISTRATION_OVERDUE: QT_TRANSLATE_NOOP(
        "CandidateFile",
        "La date limite d'inscription est passée et il n'est pas inscrit : le contacter.",
    ),
    Flag.NOT_ELIGIBLE: QT_TRANSLATE_NOOP(
        "CandidateFile",
        "Il ne relève pas de Mon Master : il doit suivre la procédure Candidature / Pré-inscription de l'université.",
    ),
    Flag.EXPLANATION_WINDOW_OPEN: QT_TRANSLATE_NOOP(
        "CandidateFile", "Il peut encore demander au chef d'établissement les motifs d'un refus."
    ),
}


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def what_to_do_html(file: CandidateFile, as_of: date) -> str:
    """The « Ce que le candidat doit faire » panel, from the rules' assessment only."""
    assessment = file.assessment
    parts = []
    registration = assessment.registration
    if registration is not None:
        course = registration.mention + (
            f" — {registration.parcours}" if registration.parcours else ""
        )
        parts.append(
            "<p><b>"
            + QCoreApplication.translate("CandidateFile", "Inscription administrative")
            + "</b><br>"
            + _escape(
                QCoreApplication.translate("CandidateFile", "%1, acceptée définitivement le %2.")
                .replace("%1", course)
                .replace("%2", fr_date(registration.accepted_on))
            )
            + "<br>"
        )
        if registration.to_confirm:
            parts.append(
                "<span style='color:#8a4b00'>"
                + _escape(
                    QCoreApplication.translate("CandidateFile", "Acceptation devenue définitive le %1 — à confirmer").replace("%1", fr_date(registration.accepted_on))
                )
                + "</span><br>"
            )
        if registration.registered_on:
            parts.append(
                _escape(
                    QCoreApplication.translate("CandidateFile", "Inscrit le %1.").replace(
                        "%1", fr_date(registration.registered_on)
                    )
                )
            )
        elif registration.deadline:
            parts.append(
                "<b>"
                + _escape(
                    QCoreApplication.translate(
                        "CandidateFile", "S'inscrire au plus tard le %1"
                    ).replace("%1", fr_date(registration.deadline))
                )
                + "</b>"
            )
        else:
            parts.append(
                "<b>"
                + _escape(
                    QCoreApplication.translate(
                        "CandidateFile",
                        "Date limite fixée par le chef d'établissement (pas encore connue)",
                    )
                )
                + "</b>"
            )
        if not registration.registered_on:
            parts.append(
                "<br>"
                + _escape(
                    QCoreApplication.translate("CandidateFile", "Par : %1").replace(
                        "%1", domain_tr(ROUTE_FR[registration.route])
                    )
                )
            )
        parts.append("</p>")
    if assessment.must_contact_registrar:
        parts.append(
            "<p style='color:#b00020'><b>"
            + _escape(
                QCoreApplication.translate(
                    "CandidateFile", "Doit contacter le service de scolarité."
                )
            )
            + "</b></p>"
        )
    for flag in assessment.flags:
        parts.append(
            "<p><b>"
            + _escape(domain_tr(FLAG_FR[flag]))
            + "</b><br>"
            + _escape(_translated(FLAG_EXPLANATION[flag]))
            + "</p>"
        )
    for explanation in assessment.explanation_deadlines:
        still_open = explanation.last_day >= as_of
        text = (
            QCoreApplication.translate(
                "CandidateFile", "Refus « %1 » (%2) notifié le %3 : motifs demandables jusqu'au %4."
            )
            if still_open
            else QCoreApplication.translate(
                "CandidateFile",
                "Refus « %1 » (%2) notifié le %3 : délai de demande des motifs expiré le %4.",
            )
        )
        parts.append(
            "<p>"
            + _escape(
                text.replace("%1", explanation.mention)
                .replace("%2", explanation.institution_code)
                .replace("%3", fr_date(explanation.notified_on))
                .replace("%4", fr_date(explanation.last_day))
            )
            + "</p>"
        )
    if not parts:
        parts.append(
            "<p>"
            + _escape(QCoreApplication.translate("CandidateFile", "Rien à faire pour l'instant."))
            + "</p>"
        )
    return "".join(parts)


def caps_text(file: CandidateFile) -> str:
    """« Phase principale : 7/15 · alternance 2/15 » for each phase."""
    counted = file.assessment.counted
    lines = []
    for phase in Phase:
        caps = file.caps[phase]
        lines.append(
            QCoreApplication.translate("CandidateFile", "%1 : %2/%3 · alternance %4/%5")
            .replace("%1", domain_tr(PHASE_FR[phase]))
            .replace("%2", str(counted.get(phase, TrainingType.INITIAL)))
            .replace("%3", str(caps.initial))
            .replace("%4", str(counted.get(phase, TrainingType.ALTERNANCE)))
            .replace("%5", str(caps.alternance))
        )
    return "\n".join(lines)


# -- the dialog --------------------------------------------------------------------------------


class CandidateFileDialog(QDialog):
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
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+1..3 and Ctrl+Tab
        self.tabs.addTab(self._identity_tab(), self.tr("Identité"))
        self.tabs.addTab(self._applications_tab(), self.tr("Candidatures"))
        self.tabs.addTab(self._history_tab(), self.tr("Historique"))
        for number in range(3):
            self.tabs.setTabToolTip(number, f"Alt+{number + 1}")
            QShortcut(
                QKeySequence(f"Alt+{number + 1}"),
                self,
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

        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_preview)
        for keys in ("Ins", "Ctrl+Shift+N"):
            QShortcut(QKeySequence(keys), self, self.add_application)
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.navigate(1))
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.navigate(-1))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(1280, 700)

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
        self.diploma = QComboBox()
        for diploma in Diploma:
            self.diploma.addItem(domain_tr(DIPLOMA_FR[diploma]), diploma)
        self.diploma_status = QComboBox()
        for status in DiplomaStatus:
            self.diploma_status.addItem(domain_tr(DIPLOMA_STATUS_FR[status]), status)
        self.history = QComboBox()
        for history in EnrolmentHistory:
            self.history.addItem(domain_tr(HISTORY_FR[history]), history)
        self.repeating = QCheckBox(self.tr("Redou&blement du M1"))
        self.ves_vap = QCheckBox(self.tr("Admission par &VES / VAP"))
        self.automatic = QCheckBox(self.tr("Admission de droit en M1 (C&MI)"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)

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
        checks = QVBoxLayout()
        for check in (self.repeating, self.ves_vap, self.automatic):
            checks.addWidget(check)
        right.addRow(self.tr("Situation"), checks)
        notes_label = QLabel(self.tr("No&tes"))
        notes_label.setBuddy(self.notes)

        page = QWidget()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(columns)
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

    def _applications_tab(self) -> QWidget:
        self.applications = ApplicationTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.applications)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Campaign to type fit a 1366-pixel screen; the dates follow (also in the side panel).
        for column, width in enumerate((72, 100, 185, 130, 125, 200, 82, 84, 84, 84, 120)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(self.edit_application)
        self.table.installEventFilter(self)

        self.add_button = QPushButton(self.tr("A&jouter"))
        self.add_button.setToolTip(self.tr("Inser ou Ctrl+Maj+N"))
        self.edit_button = QPushButton(self.tr("&Modifier"))
        self.edit_button.setToolTip(self.tr("Entrée"))
        self.withdraw_button = QPushButton(self.tr("&Retirer"))
        self.withdraw_button.setToolTip(self.tr("Suppr"))
        for button in (self.add_button, self.edit_button, self.withdraw_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_application)
        self.edit_button.clicked.connect(self.edit_application)
        self.withdraw_button.clicked.connect(self.withdraw_application)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        self.first_save_hint = QLabel(
            self.tr("Enregistrez d'abord la fiche (Ctrl+S) pour saisir ses candidatures.")
        )
        self.later_note = QLabel()
        self.later_note.setStyleSheet("color: #555555; font-style: italic;")
        self.later_note.hide()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.first_save_hint)
        layout.addWidget(self.later_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return page

    def _history_tab(self) -> QWidget:
        self.history_model = HistoryTableModel(self)
        self.history_table = QTableView()
        self.history_table.setModel(self.history_model)
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
        scroll.setMinimumWidth(320)
        return scroll

    # -- loading and showing -----------------------------------------------------------------

    def load(self, candidate_id: int) -> None:
        """Read the file from the database and show it (anything typed is replaced)."""
        self.candidate_id = candidate_id
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
            self.tr("En gris : postérieur à la date de référence (%1), pas encore survenu ce jour-là.").replace("%1", fr_date(file.as_of))
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
        own = self._input_problems()
        if own:
            self._show_problems({name: [text] for name, text in own.items()})
            self.birth_date.setFocus()
            return False
        return self._write(self.file.version if self.file else None)

    def _write(self, expected_version: int | None) -> bool:
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
        widgets = {
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
        widget = widgets.get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stale(self, stale: StaleRecord) -> bool:
        """Someone else saved this file meanwhile: reload, or compare both values first."""
        choice = ask(
            self,
            self.tr("Fiche modifiée entre-temps"),
            stale.message + "\n\n" + self.tr("Rien n'a été enregistré."),
            [
                (
                    "reload",
                    self.tr("&Recharger (abandonner mes saisies)"),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
                ("compare", self.tr("&Comparer"), QMessageBox.ButtonRole.ActionRole),
                ("cancel", self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole),
            ],
            default="compare",
            icon=QMessageBox.Icon.Warning,
        )
        self._set_notice(stale.message)
        if choice == "reload":
            self.load(self.candidate_id)
            self._set_notice("")
        elif choice == "compare":
            return self._compare()
        return False

    def _compare(self) -> bool:
        """Both versions side by side; the clerk keeps his own (an explicit overwrite) or reloads."""
        stored = self.services.candidates.get_file(self.candidate_id, as_of=self.services.as_of)
        dialog = CompareDialog(self.form_data(), stored, self)
        choice = dialog.exec()
        if dialog.choice == "reload":
            self.load(self.candidate_id)
            self._set_notice("")
            return False
        if dialog.choice == "mine" and choice:
            return self._write(stored.version)
        return False

    # -- applications ------------------------------------------------------------------------

    def _current_application(self) -> ApplicationView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex()]
        return self.applications.application(rows[0].row()) if rows else None

    def _open_editor(self, view: ApplicationView | None) -> None:
        if self.file is None:
            self.tabs.setCurrentIndex(1)
            return
        self.tabs.setCurrentIndex(1)
        self.editor = ApplicationEditor(
            self.services, self.file.candidate_id, view, self, default_year=self.file.campaign_year
        )
        self.editor.accepted.connect(self._application_saved)
        self.editor.open()

    def add_application(self) -> None:
        self._open_editor(None)

    def edit_application(self) -> None:
        view = self._current_application()
        if view is not None:
            self._open_editor(view)

    def _application_saved(self) -> None:
        outcome = self.editor.outcome
        self.file = self._as_of(outcome.file)
        self._show_outcome()
        if outcome.closed:
            self._set_notice(
                self.tr("Acceptation définitive : les autres candidatures en cours sont closes :")
                + "\n"
                + "\n".join(f"• {line}" for line in outcome.closed)
            )
        else:
            self._set_notice("")
        self.saved.emit(self.file.candidate_id)
        self.activateWindow()
        self.table.setFocus()

    def withdraw_application(self) -> None:
        view = self._current_application()
        if view is None or view.data.status is ApplicationStatus.WITHDRAWN:
            return
        if ApplicationStatus.WITHDRAWN not in self.services.applications.allowed_statuses(
            view.data.status
        ):
            self._set_notice(
                self.tr("Cette candidature ne peut plus être retirée (%1).").replace(
                    "%1", domain_tr(STATUS_FR[view.data.status])
                )
            )
            return
        choice = ask(
            self,
            self.tr("Retirer la candidature"),
            self.tr("Retirer la candidature « %1 » (%2) ? Elle ne comptera plus dans les plafonds.")
            .replace("%1", view.data.mention)
            .replace("%2", view.data.institution_code),
            [
                ("withdraw", self.tr("&Retirer"), QMessageBox.ButtonRole.AcceptRole),
                ("cancel", self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole),
            ],
            default="cancel",
        )
        if choice != "withdraw":
            return
        try:
            self.file = self._as_of(
                self.services.applications.withdraw(view.id, expected_version=view.version)
            )
        except (StaleRecord, NotFound, DatabaseError) as refused:
            self._set_notice(refused.message)
            return
        except Invalid as refused:
            self._set_notice(refused.message)
            return
        self._show_outcome()
        self.saved.emit(self.file.candidate_id)

    def confirm_definitive(self) -> None:
        """Record the definitive acceptance the platform made at the end of the complementary
        phase (RULES.md §5)."""
        if self.file is None or not self.file.to_confirm:
            return
        view = self.file.to_confirm[0]
        try:
            outcome = self.services.applications.confirm_definitive(
                view.id, expected_version=view.version
            )
        except (StaleRecord, NotFound, DatabaseError, Invalid) as refused:
            self._set_notice(refused.message)
            return
        self.file = self._as_of(outcome.file)
        self._show_outcome()
        self._set_notice(
            self.tr("Acceptation définitive du %1 enregistrée.").replace("%1", fr_date(view.definitive_on))
            + ("\n" + "\n".join(f"• {line}" for line in outcome.closed) if outcome.closed else "")
        )
        self.saved.emit(self.file.candidate_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_application()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.withdraw_application()
                return True
        return super().eventFilter(watched, event)

    # -- printing ----------------------------------------------------------------------------

    def _sheet_files(self) -> tuple | None:
        """The stored file ready to print (saving pending changes first), or None."""
        if self.file is None or (self.is_dirty() and not self.save()):
            return None
        from monmaster_desktop.controllers.sheets import SheetController

        controller = SheetController(self.services.db)
        return controller, controller.files(
            candidate_ids=[self.file.candidate_id], as_of=self.services.as_of
        )

    def print_preview(self) -> None:
        """Ctrl+P: the candidate's status sheet in Qt's print preview."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        prepared = self._sheet_files()
        if prepared is None:
            return
        controller, files = prepared
        preview = QPrintPreviewDialog(self)
        preview.setWindowTitle(self.tr("Aperçu de la fiche de situation"))
        preview.paintRequested.connect(
            lambda printer: controller.paint(printer, files, printed_on=date.today())
        )
        preview.resize(1000, 700)
        preview.exec()

    def export_pdf(self) -> None:
        """« Exporter en PDF… »: the candidate's status sheet written to a file."""
        if self.file is None:
            return
        preferences = Preferences()
        suggested = preferences.suggest(f"fiche_{self.file.candidate.candidate_number}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exporter la fiche en PDF"), suggested, self.tr("PDF (*.pdf)")
        )
        preferences.remember_folder(path)
        prepared = self._sheet_files() if path else None
        if prepared is None:
            return
        controller, files = prepared
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = controller.render_pdf(files, Path(path), printed_on=date.today())
        except OSError as exc:
            self._set_notice(self.tr("PDF non enregistré : %1").replace("%1", str(exc)))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._set_notice(
            self.tr("PDF enregistré : %1 (%2 page(s)).")
            .replace("%1", path)
            .replace("%2", str(pages))
        )

    # -- leaving -----------------------------------------------------------------------------

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


class CompareDialog(QDialog):
    """The clerk's values beside the stored ones, field by field; differences in bold."""

    def __init__(self, mine: CandidateData, stored: CandidateFile, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = "cancel"
        self.setWindowTitle(self.tr("Comparer avec la fiche enregistrée"))
        who = stored.updated_by or "?"
        when = stored.updated_at.strftime("%d/%m/%Y %H:%M") if stored.updated_at else "?"
        header = QLabel(self.tr("Enregistrée par %1 le %2.").replace("%1", who).replace("%2", when))
        table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels(
            [self.tr("Champ"), self.tr("Vos saisies"), self.tr("Fiche enregistrée")]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for spec in fields(CandidateData):
            name = spec.name
            mine_text = value_words(name, _audit_like(getattr(mine, name)))
            stored_text = value_words(name, _audit_like(getattr(stored.candidate, name)))
            row = table.rowCount()
            table.insertRow(row)
            items = [
                QTableWidgetItem(_translated(FIELD_FR[name])),
                QTableWidgetItem(mine_text),
                QTableWidgetItem(stored_text),
            ]
            for column, item in enumerate(items):
                if mine_text != stored_text:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox()
        mine_button = buttons.addButton(
            self.tr("Enregistrer &mes valeurs"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        reload_button = buttons.addButton(
            self.tr("&Recharger la fiche enregistrée"), QDialogButtonBox.ButtonRole.ResetRole
        )
        buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        mine_button.clicked.connect(lambda: self._choose("mine"))
        reload_button.clicked.connect(lambda: self._choose("reload"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def _audit_like(value: object) -> str | None:
    """A form value written as the audit trail writes it, so both read the same way."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "value", value))
