"""Application outcomes, RULES.md §5: transitions and the consistency of statuses and dates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from monmaster_desktop.domain import ApplicationStatus as S
from monmaster_desktop.domain import TrainingType
from monmaster_desktop.rules.calendar import fr_date
from monmaster_desktop.rules.facts import ApplicationFacts, RuleViolation

#: Status changes a clerk may make in the window (imports take the platform's word).
TRANSITIONS: dict[S, frozenset[S]] = {
    S.SUBMITTED: frozenset({S.WAITLISTED, S.CONTRACT_SEARCH, S.OFFER, S.REJECTED, S.WITHDRAWN}),
    S.WAITLISTED: frozenset({S.WAITLISTED, S.OFFER, S.REJECTED, S.WITHDRAWN}),
    S.CONTRACT_SEARCH: frozenset({S.OFFER, S.REJECTED, S.WITHDRAWN}),
    S.OFFER: frozenset(
        {S.ACCEPTED_PROVISIONALLY, S.ACCEPTED_DEFINITIVELY, S.DECLINED, S.EXPIRED, S.WITHDRAWN}
    ),
    S.ACCEPTED_PROVISIONALLY: frozenset({S.ACCEPTED_DEFINITIVELY, S.DECLINED, S.WITHDRAWN}),
    S.ACCEPTED_DEFINITIVELY: frozenset({S.WITHDRAWN}),
    S.DECLINED: frozenset(),
    S.EXPIRED: frozenset(),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}

#: Statuses still in play: a definitive acceptance elsewhere closes them.
ACTIVE = frozenset(
    {S.SUBMITTED, S.WAITLISTED, S.CONTRACT_SEARCH, S.OFFER, S.ACCEPTED_PROVISIONALLY}
)

_ACCEPTED = frozenset({S.ACCEPTED_PROVISIONALLY, S.ACCEPTED_DEFINITIVELY})


def allowed_statuses(current: S | None) -> list[S]:
    """The statuses a clerk may choose from ``current`` (itself first; all for a new one)."""
    if current is None:
        return [S.SUBMITTED]
    return [current, *sorted(TRANSITIONS[current] - {current}, key=list(S).index)]


def check_transition(old: S, new: S) -> None:
    if old == new or new in TRANSITIONS[old]:
        return
    from monmaster_desktop.domain import STATUS_FR

    raise RuleViolation(
        "invalid_transition",
        f"Passage impossible de « {STATUS_FR[old]} » à « {STATUS_FR[new]} ».",
        field="status",
        old=old,
        new=new,
    )


def check_consistency(app: ApplicationFacts) -> None:
    """Required values per status, and dates in order."""
    if app.status is S.REJECTED and app.rejection_reason is None:
        raise RuleViolation(
            "rejection_reason_missing",
            "Un refus doit indiquer son motif (dossier incomplet, non valide, conditions non "
            "remplies ou autre).",
            field="rejection_reason",
        )
    if app.status is not S.REJECTED and app.rejection_reason is not None:
        raise RuleViolation(
            "rejection_reason_unexpected",
            "Un motif de refus n'a de sens que pour une candidature refusée.",
            field="rejection_reason",
        )
    if app.waitlist_rank is not None and app.waitlist_rank < 1:
        raise RuleViolation(
            "waitlist_rank",
            f"Rang en liste d'attente {app.waitlist_rank} : un entier positif est attendu.",
            field="waitlist_rank",
            rank=app.waitlist_rank,
        )
    if app.status is S.CONTRACT_SEARCH and app.training_type is not TrainingType.ALTERNANCE:
        raise RuleViolation(
            "contract_search_initial",
            "La recherche de contrat ne concerne que les formations en alternance.",
            field="status",
        )
    if app.status is S.ACCEPTED_DEFINITIVELY and app.accepted_on is None:
        raise RuleViolation(
            "accepted_on_missing",
            "Une acceptation définitive doit porter sa date d'acceptation.",
            field="accepted_on",
        )
    if app.accepted_on is not None and app.status not in _ACCEPTED | {S.WITHDRAWN, S.DECLINED}:
        raise RuleViolation(
            "accepted_on_unexpected",
            "Une date d'acceptation n'a de sens que pour une proposition acceptée.",
            field="accepted_on",
        )
    if app.registered_on is not None and app.status is not S.ACCEPTED_DEFINITIVELY:
        raise RuleViolation(
            "registered_without_acceptance",
            "Une inscription administrative suppose une acceptation définitive.",
            field="registered_on",
        )
    previous = None
    for day in (app.submitted_on, app.notified_on, app.accepted_on, app.registered_on):
        if day is not None:
            if previous is not None and day < previous:
                break
            previous = day
    else:
        return  # the dates present are in order (most rows: no list built below)
    ordered = [
        ("submitted_on", "dépôt", app.submitted_on),
        ("notified_on", "notification", app.notified_on),
        ("accepted_on", "acceptation", app.accepted_on),
        ("registered_on", "inscription", app.registered_on),
    ]
    present = [item for item in ordered if item[2] is not None]
    for (_, earlier_name, earlier), (field, later_name, later) in zip(present, present[1:]):
        if later < earlier:
            raise RuleViolation(
                "dates_out_of_order",
                f"Date de {later_name} ({fr_date(later)}) antérieure à la date de "
                f"{earlier_name} ({fr_date(earlier)}).",
                field=field,
            )


def check_single_definitive(applications: Iterable[ApplicationFacts]) -> None:
    """Only one definitive acceptance per candidate and campaign."""
    seen: dict[int, ApplicationFacts] = {}
    for app in applications:
        if app.status is not S.ACCEPTED_DEFINITIVELY:
            continue
        if app.campaign_year in seen:
            first = seen[app.campaign_year]
            raise RuleViolation(
                "second_definitive_acceptance",
                (
                    f"Le candidat a déjà accepté définitivement « {first.mention} » "
                    f"({first.institution_code}) pour la campagne {app.campaign_year} : "
                    "une seule acceptation définitive est possible."
                ),
                field="status",
            )
        seen[app.campaign_year] = app


#: The dated events of an application, with the words a message names them by.
_EVENT_WORDS = (
    ("submitted_on", "Date de dépôt"),
    ("notified_on", "Date de notification"),
    ("accepted_on", "Date d'acceptation"),
    ("registered_on", "Date d'inscription"),
)


def future_date_problems(app: ApplicationFacts, today: date) -> list[RuleViolation]:
    """RULES.md §8: a submission, notification, acceptance or registration is not dated after
    the day it is entered (``today``, the system date). One problem per field, naming it."""
    problems = []
    for field, words in _EVENT_WORDS:
        day = getattr(app, field)
        if day is not None and day > today:
            problems.append(
                RuleViolation(
                    "date_in_future",
                    f"{words} {fr_date(day)} : date dans le futur (nous sommes le "
                    f"{fr_date(today)}). Une date saisie ne peut pas dépasser aujourd'hui.",
                    field=field,
                    day=day,
                    today=today,
                )
            )
    return problems
