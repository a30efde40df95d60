"""Every check a write must pass, shared by the form, the command line and the import."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.domain import ApplicationStatus
from monmaster_desktop.rules.calendar import (
    check_submission,
    fr_date,
    registration_deadline,
)
from monmaster_desktop.rules.caps import check_cap
from monmaster_desktop.rules.facts import ApplicationFacts, CampaignCalendar, RuleViolation
from monmaster_desktop.rules.ine import check_ine
from monmaster_desktop.rules.outcomes import (
    check_consistency,
    check_single_definitive,
    check_transition,
)

_NAME = re.compile(r"[^\W\d_]+(?:[ \-'’][^\W\d_]+)*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[0-9 .\-()]{6,20}")
_UAI = re.compile(r"\d{7}[A-Z]")
_COUNTRY = re.compile(r"[A-Z]{2}")
_NUMBER = re.compile(r"[^\s]{1,32}")


def _required(value: str | None, field: str, label: str) -> RuleViolation | None:
    if value is None or not value.strip():
        return RuleViolation("required", f"{label} : champ obligatoire.", field=field)
    return None


def candidate_problems(data: CandidateData, *, today: date | None = None) -> list[RuleViolation]:
    """Everything wrong with a candidate's identity, field by field (empty when valid)."""
    today = today or date.today()
    problems: list[RuleViolation] = []
    for field, label in (
        ("candidate_number", "Numéro de candidat"),
        ("last_name", "Nom"),
        ("first_name", "Prénom"),
    ):
        missing = _required(getattr(data, field), field, label)
        if missing:
            problems.append(missing)
    if data.candidate_number.strip() and not _NUMBER.fullmatch(data.candidate_number.strip()):
        problems.append(
            RuleViolation(
                "candidate_number",
                f"Numéro de candidat « {data.candidate_number} » : 32 caractères au plus, "
                "sans espace.",
                field="candidate_number",
            )
        )
    for field, label in (("last_name", "Nom"), ("first_name", "Prénom")):
        value = getattr(data, field).strip()
        if value and (not _NAME.fullmatch(value) or len(value) > 100):
            problems.append(
                RuleViolation(
                    "name_characters",
                    f"{label} « {value} » : lettres, espaces, traits d'union et apostrophes "
                    "seulement (100 caractères au plus).",
                    field=field,
                )
            )
    if data.birth_date >= today:
        problems.append(
            RuleViolation(
                "birth_date_future",
                f"Date de naissance {fr_date(data.birth_date)} : elle doit être passée.",
                field="birth_date",
            )
        )
    elif data.birth_date.year < 1900:
        problems.append(
            RuleViolation(
                "birth_date_implausible",
                f"Date de naissance {fr_date(data.birth_date)} : invraisemblable.",
                field="birth_date",
            )
        )
    if data.ine:
        try:
            check_ine(data.ine)
        except RuleViolation as problem:
            problems.append(problem)
    if data.email and not _EMAIL.fullmatch(data.email.strip()):
        problems.append(
            RuleViolation(
                "email", f"Adresse électronique « {data.email} » invalide.", field="email"
            )
        )
    if data.phone and not _PHONE.fullmatch(data.phone.strip()):
        problems.append(
            RuleViolation("phone", f"Téléphone « {data.phone} » invalide.", field="phone")
        )
    for field, label in (
        ("nationality", "Nationalité"),
        ("residence_country", "Pays de résidence"),
    ):
        value = getattr(data, field)
        if not value or not _COUNTRY.fullmatch(value):
            problems.append(
                RuleViolation(
                    "country",
                    f"{label} : choisissez un pays de la liste (code ISO à deux lettres).",
                    field=field,
                )
            )
    return problems


def as_facts(data: ApplicationData, *, key: object = None, head_deadline=None) -> ApplicationFacts:  # noqa: ANN001
    return ApplicationFacts(
        institution_code=data.institution_code.strip().upper(),
        mention=data.mention,
        training_type=data.training_type,
        phase=data.phase,
        status=data.status,
        submitted_on=data.submitted_on,
        parcours=data.parcours,
        campaign_year=data.campaign_year,
        waitlist_rank=data.waitlist_rank,
        rejection_reason=data.rejection_reason,
        notified_on=data.notified_on,
        accepted_on=data.accepted_on,
        registered_on=data.registered_on,
        head_deadline=head_deadline,
        key=key,
    )


def application_problems(
    data: ApplicationData,
    calendar: CampaignCalendar | None,
    others: Sequence[ApplicationFacts],
    *,
    previous_status: ApplicationStatus | None = None,
) -> list[RuleViolation]:
    """Everything wrong with one application given the candidate's other applications.

    ``others`` are the candidate's other applications (any campaign); ``previous_status``
    is set for a clerk's edit of a stored application (transitions are then checked).
    """
    problems: list[RuleViolation] = []
    if not _UAI.fullmatch(data.institution_code.strip().upper()):
        problems.append(
            RuleViolation(
                "uai",
                f"Code UAI « {data.institution_code} » : 7 chiffres suivis d'une lettre attendus.",
                field="institution_code",
            )
        )
    if not data.mention.strip():
        problems.append(RuleViolation("required", "Mention : champ obligatoire.", field="mention"))
    if calendar is None:
        problems.append(
            RuleViolation(
                "unknown_campaign",
                f"Campagne {data.campaign_year} inconnue : créez-la d'abord "
                "(Campagnes et formations).",
                field="campaign_year",
            )
        )
        return problems
    facts = as_facts(data)
    same_campaign = [o for o in others if o.campaign_year == data.campaign_year]
    checks = [
        lambda: check_submission(calendar, data.phase, data.submitted_on),
        lambda: check_consistency(facts),
        lambda: (
            registration_deadline(calendar, data.accepted_on, None)
            if data.accepted_on is not None
            else None
        ),
        lambda: check_single_definitive([*same_campaign, facts]),
    ]
    if previous_status is not None:
        checks.append(lambda: check_transition(previous_status, data.status))
    if data.mention.strip():
        checks.append(lambda: check_cap(same_campaign, facts, calendar.caps(data.phase)))
    for check in checks:
        try:
            check()
        except RuleViolation as problem:
            problems.append(problem)
    return problems
