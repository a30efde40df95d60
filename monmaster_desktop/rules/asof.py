"""The record as it stood on a reference date (RULES.md §8), and the end of the complementary
phase (RULES.md §5).

Every assessment reads an application through :func:`as_it_stood` first: what had not happened
by the reference date has not happened. An application submitted later does not exist yet; an
outcome notified later is still pending; an acceptance or a registration dated later has not
taken place. On and after the last day of the complementary phase, an offer still recorded as
accepted provisionally is read as accepted definitively on that day (the platform does it).
"""

from __future__ import annotations

from datetime import date

from monmaster_desktop.domain import ApplicationStatus as S
from monmaster_desktop.rules.facts import ApplicationFacts, CampaignCalendar

#: The dated events of an application, in the order they happen (field, French word).
EVENT_FIELDS = (
    ("submitted_on", "dépôt"),
    ("notified_on", "notification"),
    ("accepted_on", "acceptation"),
    ("registered_on", "inscription"),
)

#: Statuses whose outcome was notified: before the notification the application is pending.
_NOTIFIED = frozenset(
    {
        S.WAITLISTED,
        S.CONTRACT_SEARCH,
        S.OFFER,
        S.ACCEPTED_PROVISIONALLY,
        S.ACCEPTED_DEFINITIVELY,
        S.DECLINED,
        S.EXPIRED,
        S.REJECTED,
        S.WITHDRAWN,
    }
)
#: Statuses reached by answering an offer: before the acceptance date the offer is unanswered.
_ANSWERED = frozenset({S.ACCEPTED_PROVISIONALLY, S.ACCEPTED_DEFINITIVELY, S.DECLINED, S.WITHDRAWN})


def _later(day: date | None, as_of: date) -> bool:
    return day is not None and day > as_of


def becomes_definitive_on(app: ApplicationFacts, calendar: CampaignCalendar | None) -> date | None:
    """The last day of the complementary phase, when ``app`` is a provisional acceptance that the
    platform turns definitive on that day (RULES.md §5); None otherwise.

    An acceptance recorded after the phase (withdrawals phase, August) is not concerned."""
    if app.status is not S.ACCEPTED_PROVISIONALLY or calendar is None:
        return None
    end = calendar.complementary_to
    if app.accepted_on is not None and app.accepted_on > end:
        return None
    if app.submitted_on is not None and app.submitted_on > end:
        return None
    return end


def as_it_stood(
    app: ApplicationFacts, as_of: date, calendar: CampaignCalendar | None = None
) -> ApplicationFacts | None:
    """``app`` as it stood on ``as_of``: None if not yet submitted; later events undone; a
    provisional acceptance past the complementary phase read as definitive (RULES.md §5, §8)."""
    status = app.status
    if (
        (app.submitted_on is None or app.submitted_on <= as_of)
        and (app.notified_on is None or app.notified_on <= as_of)
        and (app.accepted_on is None or app.accepted_on <= as_of)
        and (app.registered_on is None or app.registered_on <= as_of)
        and status is not S.ACCEPTED_PROVISIONALLY
    ):
        return app  # the common case: nothing later than the reference date
    if _later(app.submitted_on, as_of):
        return None
    if _later(app.notified_on, as_of) and status in _NOTIFIED:
        # The outcome was not known yet: the application was still under examination.
        app = app._replace(
            status=S.SUBMITTED,
            waitlist_rank=None,
            rejection_reason=None,
            notified_on=None,
            accepted_on=None,
            registered_on=None,
        )
    elif _later(app.accepted_on, as_of) and status in _ANSWERED:
        # The offer had been made but not answered yet.
        app = app._replace(status=S.OFFER, accepted_on=None, registered_on=None)
    elif _later(app.registered_on, as_of):
        app = app._replace(registered_on=None)
    end = becomes_definitive_on(app, calendar)
    if end is not None and end <= as_of:
        app = app._replace(status=S.ACCEPTED_DEFINITIVELY, accepted_on=end)
    return app


def later_events(app: ApplicationFacts | object, as_of: date) -> tuple[str, ...]:
    """The names of the dated fields of ``app`` that fall after ``as_of`` (screens grey them,
    « postérieur à la date de référence »). ``app`` is anything with those attributes."""
    return tuple(name for name, _ in EVENT_FIELDS if _later(getattr(app, name, None), as_of))
