"""Campaign dates, RULES.md §4, §6, §7: windows, explanation and registration deadlines."""

from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rules_helpers import calendar_2024, d

from monmaster_desktop.domain import EnrolmentHistory, Phase, Route
from monmaster_desktop.rules.calendar import (
    check_submission,
    explanation_last_day,
    registration_deadline,
    registration_route,
)
from monmaster_desktop.rules.facts import RuleViolation

CAL = calendar_2024()
HEAD = d("2024-09-13")


def test_built_in_2024_calendar():
    """The 2024 campaign data matches §4 and the bands of §7."""
    assert CAL.year == 2024
    assert CAL.browsing_from == d("2024-01-29")
    assert CAL.apply_window(Phase.MAIN) == (d("2024-02-26"), d("2024-03-24"))
    assert (CAL.exam_from, CAL.exam_to) == (d("2024-04-02"), d("2024-05-28"))
    assert (CAL.main_admission_from, CAL.main_admission_to) == (d("2024-06-04"), d("2024-06-24"))
    assert (CAL.complementary_from, CAL.complementary_to) == (d("2024-06-25"), d("2024-07-31"))
    assert CAL.apply_window(Phase.COMPLEMENTARY) == (d("2024-06-25"), d("2024-06-30"))
    assert (CAL.caps(Phase.MAIN).initial, CAL.caps(Phase.MAIN).alternance) == (15, 15)
    assert (CAL.caps(Phase.COMPLEMENTARY).initial, CAL.caps(Phase.COMPLEMENTARY).alternance) == (
        10,
        10,
    )


@pytest.mark.parametrize(
    ("phase", "day", "ok"),
    [
        (Phase.MAIN, "2024-02-25", False),
        (Phase.MAIN, "2024-02-26", True),
        (Phase.MAIN, "2024-03-10", True),
        (Phase.MAIN, "2024-03-24", True),
        (Phase.MAIN, "2024-03-25", False),
        (Phase.MAIN, "2024-06-25", False),  # complementary window, main phase
        (Phase.COMPLEMENTARY, "2024-06-24", False),
        (Phase.COMPLEMENTARY, "2024-06-25", True),
        (Phase.COMPLEMENTARY, "2024-06-30", True),
        (Phase.COMPLEMENTARY, "2024-07-01", False),
        (Phase.COMPLEMENTARY, "2024-03-01", False),  # main window, complementary phase
    ],
)
def test_submission_window(phase, day, ok):
    """Submissions are accepted inside the phase's window, bounds included, refused outside."""
    if ok:
        check_submission(CAL, phase, d(day))
    else:
        with pytest.raises(RuleViolation) as exc:
            check_submission(CAL, phase, d(day))
        assert exc.value.code == "outside_window"
        assert exc.value.field == "submitted_on"


def test_submission_refusal_names_window():
    """The refusal gives the submitted date and the window in French dates."""
    with pytest.raises(RuleViolation) as exc:
        check_submission(CAL, Phase.MAIN, d("2024-03-25"))
    assert "25/03/2024" in exc.value.message
    assert "26/02/2024" in exc.value.message and "24/03/2024" in exc.value.message


@pytest.mark.parametrize(
    ("accepted", "expected"),
    [
        ("2024-06-04", "2024-07-19"),
        ("2024-06-24", "2024-07-19"),
        ("2024-07-15", "2024-07-19"),
        ("2024-07-16", "2024-08-29"),
        ("2024-08-01", "2024-08-29"),
        ("2024-08-26", "2024-08-29"),
    ],
)
@pytest.mark.parametrize("head", [None, HEAD])
def test_registration_deadline_bands(accepted, expected, head):
    """The first two 2024 bands give a fixed deadline, whatever the head of institution set."""
    assert registration_deadline(CAL, d(accepted), head) == d(expected)


@pytest.mark.parametrize("accepted", ["2024-08-27", "2024-09-15", "2024-12-31"])
def test_registration_deadline_late_band(accepted):
    """From 2024-08-27 the head of the institution sets the deadline: None until recorded."""
    assert registration_deadline(CAL, d(accepted), None) is None
    assert registration_deadline(CAL, d(accepted), HEAD) == HEAD


@pytest.mark.parametrize("accepted", ["2024-06-03", "2024-03-01", "2023-12-31"])
def test_acceptance_before_admission_phase_is_data_error(accepted):
    """An acceptance dated before the admission phase opens is refused as a data error."""
    with pytest.raises(RuleViolation) as exc:
        registration_deadline(CAL, d(accepted), HEAD)
    assert exc.value.field == "accepted_on"


@pytest.mark.parametrize(
    ("notified", "last_day"),
    [
        ("2024-01-31", "2024-02-29"),  # leap year: February has 29 days
        ("2023-01-31", "2023-02-28"),
        ("2024-01-29", "2024-02-29"),
        ("2024-01-30", "2024-02-29"),
        ("2024-01-28", "2024-02-28"),
        ("2024-03-31", "2024-04-30"),
        ("2024-05-31", "2024-06-30"),
        ("2024-06-04", "2024-07-04"),
        ("2024-06-30", "2024-07-30"),
        ("2024-07-31", "2024-08-31"),
        ("2024-08-31", "2024-09-30"),
        ("2024-12-15", "2025-01-15"),
        ("2024-12-31", "2025-01-31"),
        ("2024-02-29", "2024-03-29"),
    ],
)
def test_explanation_last_day(notified, last_day):
    """Last day = same day number next month, or that month's last day when it is shorter."""
    assert explanation_last_day(d(notified)) == d(last_day)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_explanation_last_day_property(notified):
    """28–31 days after notification, in the next month, same day number whenever it exists."""
    last = explanation_last_day(notified)
    assert timedelta(days=28) <= last - notified <= timedelta(days=31)
    next_month = (notified.replace(day=1) + timedelta(days=32)).replace(day=1)
    assert (last.year, last.month) == (next_month.year, next_month.month)
    length = _calendar.monthrange(next_month.year, next_month.month)[1]
    if notified.day <= length:
        assert last.day == notified.day
    else:
        assert last.day == length


@pytest.mark.parametrize(
    ("history", "route"),
    [
        (EnrolmentHistory.NEVER, Route.IAWEB_PRIMO),
        (EnrolmentHistory.ENROLLED_LAST_YEAR, Route.ENT),
        (EnrolmentHistory.INTERRUPTED, Route.REGISTRAR_OFFICE),
    ],
)
def test_registration_route(history, route):
    """The route follows the candidate's history at the home institution."""
    assert registration_route(history) == route
    assert route.value in {"iaweb_primo", "ent", "registrar_office"}
