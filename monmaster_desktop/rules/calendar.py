"""Dates of the campaign: application windows, explanation and registration deadlines, routes."""

from __future__ import annotations

import calendar as _calendar
import functools
from datetime import date

from monmaster_desktop.domain import EnrolmentHistory, Phase, Route
from monmaster_desktop.rules.facts import CampaignCalendar, RuleViolation


def fr_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "—"


def check_submission(calendar: CampaignCalendar, phase: Phase, submitted_on: date) -> None:
    """Refuse a submission outside the phase's application window (inclusive)."""
    start, end = calendar.apply_window(phase)
    if not start <= submitted_on <= end:
        words = "principale" if phase is Phase.MAIN else "complémentaire"
        raise RuleViolation(
            "outside_window",
            (
                f"Candidature déposée le {fr_date(submitted_on)} : hors de la période de "
                f"candidature de la phase {words} {calendar.year} "
                f"(du {fr_date(start)} au {fr_date(end)})."
            ),
            field="submitted_on",
            submitted_on=submitted_on,
            start=start,
            end=end,
        )


@functools.lru_cache(maxsize=4096)  # a campaign notifies on a few hundred distinct days
def explanation_last_day(notified_on: date) -> date:
    """One calendar month after notification; the month's last day when it is shorter."""
    year, month = (
        (notified_on.year + 1, 1)
        if notified_on.month == 12
        else (
            notified_on.year,
            notified_on.month + 1,
        )
    )
    last = _calendar.monthrange(year, month)[1]
    return date(year, month, min(notified_on.day, last))


def registration_deadline(
    calendar: CampaignCalendar, accepted_on: date, head_deadline: date | None
) -> date | None:
    """The date to register by, or None while the head of the institution has not set it."""
    if accepted_on < calendar.main_admission_from:
        raise RuleViolation(
            "accepted_before_admission",
            (
                f"Acceptation définitive datée du {fr_date(accepted_on)} : avant l'ouverture de "
                f"la phase d'admission {calendar.year} ({fr_date(calendar.main_admission_from)})."
                " Vérifiez la date."
            ),
            field="accepted_on",
            accepted_on=accepted_on,
            admission_from=calendar.main_admission_from,
        )
    for band in calendar.bands:
        if band.accepted_from <= accepted_on and (
            band.accepted_to is None or accepted_on <= band.accepted_to
        ):
            return band.deadline if band.deadline is not None else head_deadline
    return head_deadline


def registration_route(history: EnrolmentHistory) -> Route:
    if history is EnrolmentHistory.ENROLLED_LAST_YEAR:
        return Route.ENT
    if history is EnrolmentHistory.INTERRUPTED:
        return Route.REGISTRAR_OFFICE
    return Route.IAWEB_PRIMO
