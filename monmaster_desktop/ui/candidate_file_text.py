"""The candidate file's side panel texts: what the candidate must do, applications counted."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
)

from monmaster_desktop.controllers.views import (
    CandidateFile,
)
from monmaster_desktop.domain import (
    FLAG_FR,
    PHASE_FR,
    ROUTE_FR,
    Flag,
    Phase,
    TrainingType,
)
from monmaster_desktop.ui.candidate_file_models import _translated
from monmaster_desktop.ui.widgets import (
    domain_tr,
    fr_date,
)

# -- the "what to do" panel ------------------------------------------------------------------

FLAG_EXPLANATION = {
    Flag.INTERRUPTED_ENROLMENT: QT_TRANSLATE_NOOP("CandidateFile", "Inscription interrompue pendant un an : contact avec le service de scolarité avant toute inscription."),
    Flag.DEADLINE_SET_BY_HEAD: QT_TRANSLATE_NOOP("CandidateFile", "Acceptation tardive : la date limite d'inscription est fixée par le chef d'établissement et n'est pas encore enregistrée (Catalogue des formations)."),
    Flag.REGISTRATION_OVERDUE: QT_TRANSLATE_NOOP("CandidateFile", "Date limite d'inscription passée, sans inscription : prendre contact avec la personne."),
    Flag.NOT_ELIGIBLE: QT_TRANSLATE_NOOP("CandidateFile", "Hors Mon Master : la candidature relève de la procédure Candidature / Pré-inscription de l'université."),
    Flag.EXPLANATION_WINDOW_OPEN: QT_TRANSLATE_NOOP("CandidateFile", "Les motifs d'un refus peuvent encore être demandés au chef d'établissement."),
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
                    QCoreApplication.translate(
                        "CandidateFile", "Acceptation devenue définitive le %1 — à confirmer"
                    ).replace("%1", fr_date(registration.accepted_on))
                )
                + "</span><br>"
            )
        if registration.registered_on:
            parts.append(
                _escape(QCoreApplication.translate("CandidateFile", "Inscription le %1.").replace("%1", fr_date(registration.registered_on)))
            )
        elif registration.deadline:
            parts.append(
                "<b>"
                + _escape(
                    QCoreApplication.translate("CandidateFile", "S'inscrire au plus tard le %1").replace(
                        "%1", fr_date(registration.deadline)
                    )
                )
                + "</b>"
            )
        else:
            parts.append(
                "<b>"
                + _escape(
                    QCoreApplication.translate("CandidateFile", "Date limite fixée par le chef d'établissement (pas encore connue)")
                )
                + "</b>"
            )
        if not registration.registered_on:
            parts.append(
                "<br>"
                + _escape(QCoreApplication.translate("CandidateFile", "Par : %1").replace("%1", domain_tr(ROUTE_FR[registration.route])))
            )
        parts.append("</p>")
    if assessment.must_contact_registrar:
        parts.append(
            "<p style='color:#b00020'><b>"
            + _escape(QCoreApplication.translate("CandidateFile", "Doit contacter le service de scolarité."))
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
    expired = 0
    for explanation in assessment.explanation_deadlines:
        if explanation.last_day < as_of:
            expired += 1  # folded into one line below: what is still open comes first
            continue
        text = QCoreApplication.translate("CandidateFile", "Refus « %1 » (%2) notifié le %3 : motifs demandables jusqu'au %4.")
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
    if expired:
        folded = (
            QCoreApplication.translate("CandidateFile", "%1 délais de demande des motifs expirés.")
            if expired > 1
            else QCoreApplication.translate("CandidateFile", "1 délai de demande des motifs expiré.")
        )
        parts.append(
            "<p style='color:#666666'>" + _escape(folded.replace("%1", str(expired))) + "</p>"
        )
    if not parts:
        parts.append("<p>" + _escape(QCoreApplication.translate("CandidateFile", "Rien à faire pour l'instant.")) + "</p>")
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


