"""The candidate file's two tables (applications, history) and the words of audited values."""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QApplication,
)

from monmaster_desktop.controllers.views import (
    ApplicationView,
    AuditView,
)
from monmaster_desktop.domain import (
    DIPLOMA_FR,
    DIPLOMA_STATUS_FR,
    HISTORY_FR,
    PHASE_FR,
    REJECTION_FR,
    STATUS_FR,
    TRAINING_FR,
    ApplicationStatus,
)
from monmaster_desktop.io.countries import country_name_fr
from monmaster_desktop.ui.rows_model import RowsModel
from monmaster_desktop.ui.widgets import (
    domain_tr,
    fr_date,
)

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _translated(text: str) -> str:
    """Module-level strings of this window, in the interface language."""
    return QApplication.translate("CandidateFile", text)


# -- applications table ----------------------------------------------------------------------


class ApplicationTableModel(RowsModel):
    """The candidate's applications, one per row of two lines, in the order of the file.

    Five columns fit a 1366-pixel screen without a sideways scroll: campaign and phase,
    institution (code, then name), mention and parcours, status (then type or reason), and the
    dates that matter (submitted and notified, then accepted, registered or the last day to ask
    for the reasons of a refusal). Withdrawn applications stay listed, greyed: they no longer
    count against the caps.
    """

    CAMPAIGN, INSTITUTION, COURSE, STATUS, DATES = range(5)
    TR_CONTEXT = "CandidateFile"
    HEADERS = (
        QT_TRANSLATE_NOOP("CandidateFile", "Campagne"),
        QT_TRANSLATE_NOOP("CandidateFile", "Établissement"),
        QT_TRANSLATE_NOOP("CandidateFile", "Mention / parcours"),
        QT_TRANSLATE_NOOP("CandidateFile", "Statut"),
        QT_TRANSLATE_NOOP("CandidateFile", "Dates"),
    )

    def set_rows(self, rows: tuple[ApplicationView, ...] | list[ApplicationView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def application(self, row: int) -> ApplicationView:
        return self._rows[row]

    def row_of(self, application_id: int) -> int | None:
        for row, view in enumerate(self._rows):
            if view.id == application_id:
                return row
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: ANN201
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        view = self._rows[index.row()]
        later = self._later(view, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and later:
            return QCoreApplication.translate(
                "CandidateFile", "Postérieur à la date de référence : pas encore survenu ce jour-là."
            )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(view, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and (later or not view.counted):
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.FontRole and later:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    @classmethod
    def _later(cls, view: ApplicationView, column: int) -> bool:
        """RULES.md §8: what happened after the reference date is greyed, in italics."""
        if column == cls.STATUS:
            return bool(view.later) and view.status_as_of is not view.data.status
        if column == cls.DATES:
            return bool(
                set(view.later) & {"submitted_on", "notified_on", "accepted_on", "registered_on"}
            )
        return False

    @classmethod
    def _text(cls, view: ApplicationView, column: int) -> str:
        data = view.data
        if column == cls.CAMPAIGN:
            phase = domain_tr(PHASE_FR[data.phase]).replace("Phase ", "")
            return f"{data.campaign_year}\n{phase}"
        if column == cls.INSTITUTION:  # the code first: a long name is elided, never the code
            return f"{data.institution_code}\n{view.institution_name or ''}".rstrip()
        if column == cls.COURSE:
            return f"{data.mention}\n{data.parcours}".rstrip()
        if column == cls.STATUS:
            return status_text(view, two_lines=True)
        return "\n".join(dates_lines(view))


#: The events' wording, for lupdate (``dates_lines`` translates them from a variable).
EVENT_TEXTS = (
    QT_TRANSLATE_NOOP("CandidateFile", "Déposée le %1"),
    QT_TRANSLATE_NOOP("CandidateFile", "notifiée le %1"),
    QT_TRANSLATE_NOOP("CandidateFile", "Inscription le %1"),
    QT_TRANSLATE_NOOP("CandidateFile", "Acceptée le %1"),
    QT_TRANSLATE_NOOP("CandidateFile", "motifs demandables jusqu'au %1"),
)


def dates_lines(view: ApplicationView) -> list[str]:
    """The dates that matter, two lines at most: the events, then what follows from them."""
    data = view.data

    later = QCoreApplication.translate("CandidateFile", " (postérieur)")

    def said(text: str, day, name: str) -> str:  # noqa: ANN001
        # RULES.md §8: an event after the reference date is marked so, never shown as done.
        shown = QCoreApplication.translate("CandidateFile", text).replace("%1", fr_date(day))
        return shown + (later if name in view.later else "")

    events = [said("Déposée le %1", data.submitted_on, "submitted_on")]
    if data.notified_on:
        events.append(said("notifiée le %1", data.notified_on, "notified_on"))
    second = []
    if data.registered_on:
        second.append(said("Inscription le %1", data.registered_on, "registered_on"))
    elif data.accepted_on:
        second.append(said("Acceptée le %1", data.accepted_on, "accepted_on"))
    if view.explanation_last_day:
        second.append(said("motifs demandables jusqu'au %1", view.explanation_last_day, ""))
    lines = [" · ".join(events)]
    if second:
        lines.append(" · ".join(second))
    return lines


def status_text(view: ApplicationView, *, two_lines: bool = False) -> str:
    """« Liste d'attente (rang 12) », « Refusée — motif (précision) »; on two lines, the type
    of training (or the reason of a refusal) goes below the status."""
    data = view.data
    if view.status_as_of is not data.status and view.later:
        # The status as it stood on the reference date; a later one is named as later.
        recorded = domain_tr(STATUS_FR[data.status])
        if view.status_as_of is None:
            return QCoreApplication.translate(
                "CandidateFile", "Pas encore déposée (%1 ensuite)"
            ).replace("%1", recorded)
        return (
            domain_tr(STATUS_FR[view.status_as_of])
            + ("\n" if two_lines else " · ")
            + QCoreApplication.translate("CandidateFile", "%1 ensuite").replace("%1", recorded)
        )
    if view.definitive_on is not None:
        return QCoreApplication.translate("CandidateFile", "Définitive le %1 (à confirmer)").replace(
            "%1", fr_date(view.definitive_on)
        )
    text = domain_tr(STATUS_FR[data.status])
    if two_lines:
        if data.status is ApplicationStatus.WAITLISTED and data.waitlist_rank:
            text += QCoreApplication.translate("CandidateFile", " (rang %1)").replace(
                "%1", str(data.waitlist_rank)
            )
        below = domain_tr(TRAINING_FR[data.training_type])
        if data.status is ApplicationStatus.REJECTED and data.rejection_reason:
            below = domain_tr(REJECTION_FR[data.rejection_reason])
            if data.rejection_detail:
                below += f" ({data.rejection_detail})"
        return f"{text}\n{below}"
    if data.status is ApplicationStatus.WAITLISTED and data.waitlist_rank:
        text += QCoreApplication.translate("CandidateFile", " (rang %1)").replace("%1", str(data.waitlist_rank))
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
    "registered_on": QT_TRANSLATE_NOOP("CandidateFile", "Inscription le"),
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


class HistoryTableModel(RowsModel):
    """The audit trail of the candidate and his applications, newest first."""

    TR_CONTEXT = "CandidateFile"
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
            element = QCoreApplication.translate("CandidateFile", "Candidature %1").replace("%1", labels.get(entry.entity_id, ""))
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


