"""One candidate's assessment on a reference date: eligibility, counts, registration, flags.

This is the one place the rules of RULES.md §2–§8 meet: ``check``, the worklists, the candidate
file, the sheets, the exports and the dashboard all read an :class:`Assessment` made here.
The record is read as it stood on ``as_of`` (RULES.md §8, :mod:`.asof`): an application
submitted later is not counted, an outcome, acceptance or registration dated later has not
happened; past the complementary phase a provisional acceptance is definitive (RULES.md §5).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

from monmaster_desktop.domain import ApplicationStatus, EnrolmentHistory, Flag
from monmaster_desktop.rules.asof import as_it_stood
from monmaster_desktop.rules.calendar import (
    explanation_last_day,
    registration_deadline,
    registration_route,
)
from monmaster_desktop.rules.caps import count_applications
from monmaster_desktop.rules.eligibility import assess_eligibility
from monmaster_desktop.rules.facts import (
    ApplicationFacts,
    Assessment,
    CampaignCalendar,
    CandidateFacts,
    ExplanationDeadline,
    Registration,
    RuleViolation,
)


def assess(
    candidate: CandidateFacts,
    applications: Sequence[ApplicationFacts],
    calendars: Mapping[int, CampaignCalendar],
    *,
    home_institution: str,
    etudes_en_france: Collection[str],
    as_of: date,
) -> Assessment:
    """Apply RULES.md §2–§8 to one candidate as the record stood on ``as_of``.

    Counts are those of the latest campaign among the applications submitted by then.
    ``as_of=date.max`` reads the whole record (every recorded event has happened)."""
    eligibility = assess_eligibility(candidate, etudes_en_france)
    recorded = applications
    applications = []
    to_confirm = set()  # positions of provisional acceptances the platform made definitive
    for recorded_app in recorded:
        # The common case inline (check reads hundreds of thousands): nothing after as_of.
        if (
            (recorded_app.submitted_on is None or recorded_app.submitted_on <= as_of)
            and (recorded_app.notified_on is None or recorded_app.notified_on <= as_of)
            and (recorded_app.accepted_on is None or recorded_app.accepted_on <= as_of)
            and (recorded_app.registered_on is None or recorded_app.registered_on <= as_of)
            and recorded_app.status is not ApplicationStatus.ACCEPTED_PROVISIONALLY
        ):
            applications.append(recorded_app)
            continue
        app = as_it_stood(recorded_app, as_of, calendars.get(recorded_app.campaign_year))
        if app is not None:
            if app.status is not recorded_app.status and (
                recorded_app.status is ApplicationStatus.ACCEPTED_PROVISIONALLY
                and app.status is ApplicationStatus.ACCEPTED_DEFINITIVELY
            ):
                to_confirm.add(len(applications))
            applications.append(app)
    latest = max((a.campaign_year for a in applications), default=None)
    counted = count_applications(a for a in applications if a.campaign_year == latest)

    # Institutions are compared by UAI code, as for the caps (RULES.md §1, §3).
    home = home_institution.strip().upper()
    registration = None
    for position, app in enumerate(applications):
        if (
            app.status is ApplicationStatus.ACCEPTED_DEFINITIVELY
            and app.accepted_on is not None
            and app.institution_code.strip().upper() == home
            and (registration is None or app.accepted_on > registration.accepted_on)
        ):
            calendar = calendars.get(app.campaign_year)
            try:
                deadline = (
                    registration_deadline(calendar, app.accepted_on, app.head_deadline)
                    if calendar
                    else app.head_deadline
                )
            except RuleViolation:
                deadline = app.head_deadline
            registration = Registration(
                institution_code=app.institution_code,
                mention=app.mention,
                parcours=app.parcours,
                accepted_on=app.accepted_on,
                deadline=deadline,
                route=registration_route(candidate.enrolment_history),
                registered_on=app.registered_on,
                application_key=app.key,
                to_confirm=position in to_confirm,
            )

    explanations = sorted(
        (
            ExplanationDeadline(
                institution_code=app.institution_code,
                mention=app.mention,
                notified_on=app.notified_on,
                last_day=explanation_last_day(app.notified_on),
                application_key=app.key,
            )
            for app in applications
            if app.status is ApplicationStatus.REJECTED and app.notified_on is not None
        ),
        key=lambda e: (e.notified_on, e.institution_code, e.mention),
    )

    flags: set[Flag] = set()
    registered = registration is not None and registration.registered_on is not None
    if candidate.enrolment_history is EnrolmentHistory.INTERRUPTED and not registered:
        # Once registered at the home institution, there is nothing left to contact them about.
        flags.add(Flag.INTERRUPTED_ENROLMENT)
    if registration is not None:
        if registration.deadline is None and registration.registered_on is None:
            # Once registered, the missing deadline no longer asks anything of anyone.
            flags.add(Flag.DEADLINE_SET_BY_HEAD)
        elif registration.registered_on is None and as_of > registration.deadline:
            flags.add(Flag.REGISTRATION_OVERDUE)
    if not eligibility.eligible:
        flags.add(Flag.NOT_ELIGIBLE)
    if any(e.notified_on <= as_of <= e.last_day for e in explanations):
        flags.add(Flag.EXPLANATION_WINDOW_OPEN)

    return Assessment(
        as_of=as_of,
        eligibility=eligibility,
        counted=counted,
        registration=registration,
        explanation_deadlines=tuple(explanations),
        flags=tuple(sorted(flags)),
    )
