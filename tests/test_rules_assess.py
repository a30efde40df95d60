"""One candidate's assessment, RULES.md §2–§8 and FORMATS.md §3: flags at their boundaries."""

from __future__ import annotations

import pytest
from rules_helpers import HOME, OTHER_UAI, app, calendar_2024, candidate, d, etudes_en_france

from monmaster_desktop.domain import ApplicationStatus as S
from monmaster_desktop.domain import EnrolmentHistory as H
from monmaster_desktop.domain import Flag as F
from monmaster_desktop.domain import (
    IneligibilityReason,
    Phase,
    RejectionReason,
    Route,
    TrainingType,
)
from monmaster_desktop.rules.assess import assess

CALENDARS = {2024: calendar_2024()}
ALT = TrainingType.ALTERNANCE


def run(applications=(), as_of="2024-07-20", who=None):
    return assess(
        who or candidate(),
        list(applications),
        CALENDARS,
        home_institution=HOME,
        etudes_en_france=etudes_en_france(),
        as_of=d(as_of),
    )


def accepted(on, *, institution_code=HOME, registered_on=None, head_deadline=None, **kw):
    return app(
        "Informatique",
        institution_code=institution_code,
        status=S.ACCEPTED_DEFINITIVELY,
        accepted_on=d(on),
        registered_on=None if registered_on is None else d(registered_on),
        head_deadline=None if head_deadline is None else d(head_deadline),
        **kw,
    )


def rejected(notified_on, **kw):
    return app(
        "Chimie",
        institution_code=OTHER_UAI,
        status=S.REJECTED,
        rejection_reason=RejectionReason.REQUIREMENTS_NOT_MET,
        notified_on=d(notified_on),
        **kw,
    )


def test_plain_candidate_has_no_flags():
    """An eligible new entrant with a submitted application has no flag and no registration."""
    result = run([app()])
    assert result.flags == ()
    assert result.registration is None
    assert result.explanation_deadlines == ()
    assert result.eligibility.eligible
    assert not result.must_contact_registrar


@pytest.mark.parametrize(
    ("accepted_on", "as_of", "registered_on", "overdue"),
    [
        ("2024-06-10", "2024-07-18", None, False),
        ("2024-06-10", "2024-07-19", None, False),  # on the deadline itself
        ("2024-06-10", "2024-07-20", None, True),  # the day after
        ("2024-07-15", "2024-07-20", None, True),
        ("2024-07-16", "2024-07-20", None, False),  # next band: 2024-08-29
        ("2024-07-16", "2024-08-29", None, False),
        ("2024-07-16", "2024-08-30", None, True),
        ("2024-06-10", "2024-07-20", "2024-07-01", False),  # registered in time
        ("2024-06-10", "2024-09-01", "2024-07-19", False),
        ("2024-06-10", "2024-09-01", "2024-07-25", False),  # registered, though late
    ],
)
def test_registration_overdue(accepted_on, as_of, registered_on, overdue):
    """Overdue the day after the deadline, not on it, and never once registered."""
    result = run([accepted(accepted_on, registered_on=registered_on)], as_of=as_of)
    assert (F.REGISTRATION_OVERDUE in result.flags) is overdue
    assert result.must_contact_registrar is overdue


@pytest.mark.parametrize(
    ("accepted_on", "head", "as_of", "flags", "deadline"),
    [
        ("2024-08-26", None, "2024-08-27", (), "2024-08-29"),
        ("2024-08-27", None, "2024-08-28", (F.DEADLINE_SET_BY_HEAD,), None),
        ("2024-09-20", None, "2024-12-31", (F.DEADLINE_SET_BY_HEAD,), None),
        ("2024-08-27", "2024-09-13", "2024-09-13", (), "2024-09-13"),
        ("2024-08-27", "2024-09-13", "2024-09-14", (F.REGISTRATION_OVERDUE,), "2024-09-13"),
        ("2024-06-10", "2024-09-13", "2024-07-01", (), "2024-07-19"),  # band wins early on
    ],
)
def test_deadline_set_by_head(accepted_on, head, as_of, flags, deadline):
    """Late-band acceptances wait for the head's deadline; once recorded it is used."""
    result = run([accepted(accepted_on, head_deadline=head)], as_of=as_of)
    assert result.flags == flags
    assert result.registration.deadline == (None if deadline is None else d(deadline))
    assert result.must_contact_registrar is bool(flags)


@pytest.mark.parametrize(
    ("history", "route", "flags"),
    [
        (H.NEVER, Route.IAWEB_PRIMO, ()),
        (H.ENROLLED_LAST_YEAR, Route.ENT, ()),
        (H.INTERRUPTED, Route.REGISTRAR_OFFICE, (F.INTERRUPTED_ENROLMENT,)),
    ],
)
def test_route_and_interrupted_enrolment(history, route, flags):
    """The route follows the history; an interrupted enrolment is flagged and must call."""
    result = run(
        [accepted("2024-06-10")], as_of="2024-06-15", who=candidate(enrolment_history=history)
    )
    assert result.registration.route is route
    assert result.flags == flags
    assert result.must_contact_registrar is bool(flags)


def test_interrupted_enrolment_flag_without_acceptance():
    """The interrupted-enrolment flag depends on the history alone."""
    result = run([app()], who=candidate(enrolment_history=H.INTERRUPTED))
    assert result.flags == (F.INTERRUPTED_ENROLMENT,)
    assert result.must_contact_registrar


@pytest.mark.parametrize(
    ("who", "reasons"),
    [
        (candidate("MA", "MA"), (IneligibilityReason.ETUDES_EN_FRANCE,)),
        (candidate(repeating_m1=True), (IneligibilityReason.REPEATING_M1,)),
        (
            candidate("US", "US", ves_vap=True),
            (IneligibilityReason.ETUDES_EN_FRANCE, IneligibilityReason.VES_VAP),
        ),
    ],
)
def test_not_eligible_flag(who, reasons):
    """Any reason of §2 sets not_eligible, which alone does not require a registrar contact."""
    result = run([app()], who=who)
    assert result.flags == (F.NOT_ELIGIBLE,)
    assert result.eligibility.reasons == reasons
    assert not result.must_contact_registrar


@pytest.mark.parametrize(
    ("notified_on", "as_of", "open_"),
    [
        ("2024-06-04", "2024-06-04", True),
        ("2024-06-04", "2024-07-04", True),  # last day
        ("2024-06-04", "2024-07-05", False),  # the day after
        ("2024-01-31", "2024-02-29", True),
        ("2024-01-31", "2024-03-01", False),
        ("2024-05-31", "2024-06-30", True),
        ("2024-05-31", "2024-07-01", False),
    ],
)
def test_explanation_window_open(notified_on, as_of, open_):
    """The explanation window is open through its last day and closed the day after."""
    result = run([rejected(notified_on)], as_of=as_of)
    assert (F.EXPLANATION_WINDOW_OPEN in result.flags) is open_
    assert not result.must_contact_registrar
    (deadline,) = result.explanation_deadlines
    assert deadline.notified_on == d(notified_on)
    assert deadline.institution_code == OTHER_UAI
    assert deadline.mention == "Chimie"


@pytest.mark.parametrize(
    "facts",
    [
        app("Chimie", status=S.REJECTED, rejection_reason=RejectionReason.OTHER),  # no date
        app("Chimie", status=S.OFFER, notified_on=d("2024-06-04")),
        app("Chimie", status=S.WITHDRAWN, notified_on=d("2024-06-04")),
    ],
)
def test_no_explanation_window_without_notified_rejection(facts):
    """Only rejected applications with a notification date have an explanation deadline."""
    result = run([facts], as_of="2024-06-10")
    assert result.explanation_deadlines == ()
    assert F.EXPLANATION_WINDOW_OPEN not in result.flags


def test_explanation_deadlines_listed_in_order():
    """Every notified rejection is listed with its last day, earliest notification first."""
    result = run([rejected("2024-07-01"), rejected("2024-06-04")], as_of="2024-07-20")
    assert [(e.notified_on, e.last_day) for e in result.explanation_deadlines] == [
        (d("2024-06-04"), d("2024-07-04")),
        (d("2024-07-01"), d("2024-08-01")),
    ]
    assert F.EXPLANATION_WINDOW_OPEN in result.flags


@pytest.mark.parametrize(
    ("facts", "has_registration"),
    [
        (accepted("2024-06-10"), True),
        (accepted("2024-06-10", institution_code=OTHER_UAI), False),
        (accepted("2024-06-10", institution_code="0134009m"), True),  # UAI, whatever the case
        (accepted("2024-06-10", institution_code=" 0134009M "), True),
        (app(status=S.ACCEPTED_PROVISIONALLY, accepted_on=d("2024-06-10")), False),
        (app(status=S.OFFER), False),
        (app(status=S.WITHDRAWN, accepted_on=d("2024-06-10")), False),
    ],
)
def test_registration_only_for_definitive_acceptance_at_home(facts, has_registration):
    """Registration concerns a definitive acceptance at the home institution (0134009M) only
    (before the end of the complementary phase, which turns provisional acceptances definitive)."""
    result = run([facts], as_of="2024-07-30")
    assert (result.registration is not None) is has_registration
    if not has_registration:
        assert F.REGISTRATION_OVERDUE not in result.flags
        assert F.DEADLINE_SET_BY_HEAD not in result.flags


def test_registration_details():
    """The registration carries the accepted offer, its deadline, route and registration date."""
    result = run(
        [accepted("2024-07-02", registered_on="2024-07-10", parcours="IA")], as_of="2024-07-20"
    )
    reg = result.registration
    assert (reg.institution_code, reg.mention, reg.parcours) == (HOME, "Informatique", "IA")
    assert reg.accepted_on == d("2024-07-02")
    assert reg.deadline == d("2024-07-19")
    assert reg.route is Route.IAWEB_PRIMO
    assert reg.registered_on == d("2024-07-10")


@pytest.mark.parametrize(
    ("who", "applications", "as_of", "expected"),
    [
        (
            candidate(enrolment_history=H.INTERRUPTED),
            [accepted("2024-08-27")],
            "2024-09-01",
            (F.DEADLINE_SET_BY_HEAD, F.INTERRUPTED_ENROLMENT),
        ),
        (
            candidate("MA", "MA"),
            [accepted("2024-06-10"), rejected("2024-07-01")],
            "2024-07-20",
            (F.EXPLANATION_WINDOW_OPEN, F.NOT_ELIGIBLE, F.REGISTRATION_OVERDUE),
        ),
        (
            candidate("MA", "MA", enrolment_history=H.INTERRUPTED),
            [accepted("2024-06-10"), rejected("2024-07-01")],
            "2024-07-20",
            (
                F.EXPLANATION_WINDOW_OPEN,
                F.INTERRUPTED_ENROLMENT,
                F.NOT_ELIGIBLE,
                F.REGISTRATION_OVERDUE,
            ),
        ),
    ],
)
def test_several_flags_sorted(who, applications, as_of, expected):
    """Flags combine and come out sorted by code."""
    result = run(applications, as_of=as_of, who=who)
    assert result.flags == expected
    assert list(result.flags) == sorted(result.flags)
    assert result.must_contact_registrar


@pytest.mark.parametrize(
    ("flags_present", "must"),
    [
        ({F.INTERRUPTED_ENROLMENT}, True),
        ({F.DEADLINE_SET_BY_HEAD}, True),
        ({F.REGISTRATION_OVERDUE}, True),
        ({F.NOT_ELIGIBLE}, False),
        ({F.EXPLANATION_WINDOW_OPEN}, False),
        ({F.NOT_ELIGIBLE, F.EXPLANATION_WINDOW_OPEN}, False),
        (set(), False),
    ],
)
def test_must_contact_registrar_iff_first_three_flags(flags_present, must):
    """must_contact_registrar is true exactly when one of the first three flags of §8 is set."""
    from dataclasses import replace

    base = run([app()])
    assert replace(base, flags=tuple(sorted(flags_present))).must_contact_registrar is must


def test_counted_per_phase_and_type_json():
    """Counts per phase and type, in the FORMATS.md §3 shape, withdrawn and parcours folded."""
    applications = [
        app("Informatique", parcours="IA"),
        app("informatique ", parcours="Réseaux"),
        app("Chimie"),
        app("Chimie", institution_code=OTHER_UAI),
        app("Droit", status=S.WITHDRAWN),
        app("Droit", training_type=ALT),
        app("Physique", phase=Phase.COMPLEMENTARY),
        app("Physique", phase=Phase.COMPLEMENTARY, training_type=ALT),
        app("Histoire", phase=Phase.COMPLEMENTARY, training_type=ALT),
    ]
    assert run(applications).counted.as_json() == {
        "main": {"initial": 3, "alternance": 1},
        "complementary": {"initial": 1, "alternance": 2},
    }


def test_counted_empty():
    """A candidate without applications counts zero everywhere."""
    assert run([]).counted.as_json() == {
        "main": {"initial": 0, "alternance": 0},
        "complementary": {"initial": 0, "alternance": 0},
    }


def test_as_of_recorded():
    """The assessment records its reference date."""
    assert run([], as_of="2024-07-20").as_of == d("2024-07-20")


@pytest.mark.parametrize(
    ("history", "accepted_on", "registered_on", "flags"),
    [
        ("interrupted", "2024-07-02", None, {"interrupted_enrolment"}),
        ("interrupted", "2024-07-02", "2024-07-05", set()),
        ("never", "2024-09-02", None, {"deadline_set_by_head"}),
        ("never", "2024-09-02", "2024-09-03", set()),
    ],
)
def test_registered_candidate_has_nothing_left_to_contact(
    history, accepted_on, registered_on, flags
):
    """Once registered at home, neither an interrupted history nor a missing deadline calls."""
    from monmaster_desktop.domain import EnrolmentHistory

    result = run(
        [accepted(accepted_on, registered_on=registered_on)],
        as_of="2024-07-10" if accepted_on < "2024-07-10" else "2024-09-10",
        who=candidate(enrolment_history=EnrolmentHistory(history)),
    )
    assert {f.value for f in result.flags} == flags
