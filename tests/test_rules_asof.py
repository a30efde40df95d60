"""RULES.md §8 « as of a date » and §5 end of the complementary phase, in the rules."""

from __future__ import annotations

import pytest

from monmaster_desktop.domain import ApplicationStatus as S
from monmaster_desktop.domain import Flag as F
from monmaster_desktop.domain import Phase
from monmaster_desktop.rules.asof import as_it_stood, becomes_definitive_on, later_events
from monmaster_desktop.rules.assess import assess
from tests.rules_helpers import HOME, OTHER_UAI, app, calendar_2024, candidate, d, etudes_en_france

CALENDARS = {2024: calendar_2024()}


def run(applications, as_of, who=None):
    return assess(
        who or candidate(),
        list(applications),
        CALENDARS,
        home_institution=HOME,
        etudes_en_france=etudes_en_france(),
        as_of=d(as_of),
    )


def accepted(on, registered_on=None, **kw):
    return app(
        status=S.ACCEPTED_DEFINITIVELY,
        submitted_on=d("2024-03-01"),
        notified_on=d("2024-06-04"),
        accepted_on=d(on),
        registered_on=d(registered_on) if registered_on else None,
        **kw,
    )


def test_registration_dated_later_has_not_happened():
    """Registered 07-25, deadline 07-19: overdue on 07-22, not on 07-26 (RULES.md §8)."""
    facts = [accepted("2024-07-02", registered_on="2024-07-25")]
    on_22 = run(facts, "2024-07-22")
    assert F.REGISTRATION_OVERDUE in on_22.flags
    assert on_22.registration.registered_on is None
    on_26 = run(facts, "2024-07-26")
    assert F.REGISTRATION_OVERDUE not in on_26.flags
    assert on_26.registration.registered_on == d("2024-07-25")


def test_acceptance_dated_later_has_not_happened():
    facts = [accepted("2024-07-25")]
    before = run(facts, "2024-07-20")
    assert before.registration is None
    assert before.flags == ()
    assert run(facts, "2024-07-25").registration.accepted_on == d("2024-07-25")


def test_interrupted_history_calls_until_the_registration_date():
    from monmaster_desktop.domain import EnrolmentHistory

    who = candidate(enrolment_history=EnrolmentHistory.INTERRUPTED)
    facts = [accepted("2024-07-02", registered_on="2024-07-10")]
    assert F.INTERRUPTED_ENROLMENT in run(facts, "2024-07-09", who).flags
    assert F.INTERRUPTED_ENROLMENT not in run(facts, "2024-07-10", who).flags


def test_rejection_notified_later_opens_no_window():
    facts = [
        app(
            status=S.REJECTED,
            rejection_reason="other",
            submitted_on=d("2024-03-01"),
            notified_on=d("2024-07-25"),
        )
    ]
    before = run(facts, "2024-07-20")
    assert before.explanation_deadlines == ()
    assert F.EXPLANATION_WINDOW_OPEN not in before.flags
    assert F.EXPLANATION_WINDOW_OPEN in run(facts, "2024-07-26").flags


def test_application_submitted_later_is_not_counted():
    facts = [
        app("Chimie", submitted_on=d("2024-03-01")),
        app("Physique", phase=Phase.COMPLEMENTARY, submitted_on=d("2024-06-27")),
    ]
    assert run(facts, "2024-06-26").counted.as_json()["complementary"]["initial"] == 0
    assert run(facts, "2024-06-27").counted.as_json()["complementary"]["initial"] == 1
    assert run(facts, "2024-02-20").counted.as_json()["main"]["initial"] == 0


def test_withdrawal_notified_later_still_counts():
    facts = [
        app("Chimie", status=S.WITHDRAWN, submitted_on=d("2024-03-01"), notified_on=d("2024-07-01"))
    ]
    assert run(facts, "2024-06-30").counted.as_json()["main"]["initial"] == 1
    assert run(facts, "2024-07-01").counted.as_json()["main"]["initial"] == 0


@pytest.mark.parametrize(
    ("status", "as_of", "expected"),
    [
        (S.ACCEPTED_DEFINITIVELY, "2024-06-03", S.SUBMITTED),  # not even notified
        (S.ACCEPTED_DEFINITIVELY, "2024-06-05", S.OFFER),  # notified, not answered
        (S.ACCEPTED_DEFINITIVELY, "2024-06-10", S.ACCEPTED_DEFINITIVELY),
        (S.DECLINED, "2024-06-05", S.OFFER),
        (S.REJECTED, "2024-06-03", S.SUBMITTED),
    ],
)
def test_status_as_it_stood(status, as_of, expected):
    recorded = app(
        status=status,
        submitted_on=d("2024-03-01"),
        notified_on=d("2024-06-04"),
        accepted_on=d("2024-06-10") if status is not S.REJECTED else None,
        rejection_reason="other" if status is S.REJECTED else None,
    )
    seen = as_it_stood(recorded, d(as_of), calendar_2024())
    assert seen.status is expected
    if expected is not status:
        assert seen.accepted_on is None
    assert as_it_stood(recorded, d("2024-02-01")) is None  # not yet submitted


def provisional(accepted_on="2024-07-05", **kw):
    return app(
        status=S.ACCEPTED_PROVISIONALLY,
        phase=Phase.COMPLEMENTARY,
        submitted_on=d("2024-06-26"),
        notified_on=d("2024-07-04"),
        accepted_on=d(accepted_on) if accepted_on else None,
        **kw,
    )


def test_provisional_acceptance_becomes_definitive_on_the_last_day():
    """RULES.md §5: 2024-07-31 → register by 2024-08-29; the record is behind, to confirm."""
    assert run([provisional()], "2024-07-30").registration is None
    result = run([provisional()], "2024-07-31")
    reg = result.registration
    assert reg.accepted_on == d("2024-07-31")
    assert reg.deadline == d("2024-08-29")
    assert reg.to_confirm is True
    assert F.REGISTRATION_OVERDUE not in result.flags
    later = run([provisional()], "2024-08-30")
    assert F.REGISTRATION_OVERDUE in later.flags
    assert later.must_contact_registrar


def test_provisional_acceptance_without_date_also_becomes_definitive():
    assert run([provisional(None)], "2024-08-02").registration.accepted_on == d("2024-07-31")


def test_august_acceptance_is_not_turned_definitive():
    """Accepted in the withdrawals phase: not concerned by the end of the complementary phase."""
    late = provisional("2024-08-05")
    assert becomes_definitive_on(late, calendar_2024()) is None
    assert run([late], "2024-08-20").registration is None


def test_confirmed_acceptance_is_not_to_confirm():
    reg = run([accepted("2024-07-31")], "2024-08-02").registration
    assert reg.to_confirm is False


def test_provisional_elsewhere_gives_no_registration():
    assert run([provisional(institution_code=OTHER_UAI)], "2024-08-02").registration is None


def test_later_events_named():
    facts = accepted("2024-07-02", registered_on="2024-07-25")
    assert later_events(facts, d("2024-07-20")) == ("registered_on",)
    assert later_events(facts, d("2024-06-05")) == ("accepted_on", "registered_on")
    assert later_events(facts, d("2024-08-01")) == ()


def test_withdrawals_phase_in_the_shipped_calendar():
    cal = calendar_2024()
    assert (cal.withdrawals_from, cal.withdrawals_to) == (d("2024-08-01"), d("2024-08-31"))
