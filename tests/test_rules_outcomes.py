"""Application outcomes, RULES.md §5: consistency, one definitive acceptance, transitions."""

from __future__ import annotations

import pytest
from rules_helpers import OTHER_UAI, app, d

from monmaster_desktop.domain import ApplicationStatus as S
from monmaster_desktop.domain import RejectionReason, TrainingType
from monmaster_desktop.rules.facts import RuleViolation
from monmaster_desktop.rules.outcomes import (
    allowed_statuses,
    check_consistency,
    check_single_definitive,
    check_transition,
)

ALT = TrainingType.ALTERNANCE


@pytest.mark.parametrize(
    "facts",
    [
        app(),
        app(submitted_on=d("2024-03-01")),
        app(status=S.REJECTED, rejection_reason=RejectionReason.INCOMPLETE),
        app(
            status=S.REJECTED,
            rejection_reason=RejectionReason.OTHER,
            submitted_on=d("2024-03-01"),
            notified_on=d("2024-06-04"),
        ),
        app(status=S.WAITLISTED, waitlist_rank=1),
        app(status=S.WAITLISTED, waitlist_rank=250),
        app(status=S.OFFER, notified_on=d("2024-06-04")),
        app(status=S.ACCEPTED_DEFINITIVELY, accepted_on=d("2024-06-05")),
        app(
            status=S.ACCEPTED_DEFINITIVELY,
            submitted_on=d("2024-03-01"),
            notified_on=d("2024-06-04"),
            accepted_on=d("2024-06-04"),
            registered_on=d("2024-06-04"),
        ),
        app(
            status=S.ACCEPTED_DEFINITIVELY,
            accepted_on=d("2024-06-05"),
            registered_on=d("2024-07-01"),
        ),
        app(status=S.ACCEPTED_PROVISIONALLY, accepted_on=d("2024-06-05")),
        app(status=S.CONTRACT_SEARCH, training_type=ALT),
        app(status=S.WITHDRAWN),
        app(status=S.DECLINED),
        app(status=S.EXPIRED),
    ],
)
def test_consistent_facts_accepted(facts):
    """Statuses with their required values and dates in order pass the consistency check."""
    check_consistency(facts)


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        (app(status=S.REJECTED), "rejection_reason_missing"),
        (
            app(status=S.OFFER, rejection_reason=RejectionReason.INVALID),
            "rejection_reason_unexpected",
        ),
        (app(status=S.ACCEPTED_DEFINITIVELY), "accepted_on_missing"),
        (app(status=S.OFFER, accepted_on=d("2024-06-05")), "accepted_on_unexpected"),
        (app(status=S.SUBMITTED, registered_on=d("2024-07-01")), "registered_without_acceptance"),
        (
            app(
                status=S.ACCEPTED_PROVISIONALLY,
                accepted_on=d("2024-06-05"),
                registered_on=d("2024-07-01"),
            ),
            "registered_without_acceptance",
        ),
        (app(status=S.CONTRACT_SEARCH), "contract_search_initial"),
        (app(status=S.WAITLISTED, waitlist_rank=0), "waitlist_rank"),
        (app(status=S.WAITLISTED, waitlist_rank=-3), "waitlist_rank"),
        (
            app(
                submitted_on=d("2024-03-02"),
                status=S.REJECTED,
                rejection_reason=RejectionReason.INCOMPLETE,
                notified_on=d("2024-03-01"),
            ),
            "dates_out_of_order",
        ),
        (
            app(
                status=S.ACCEPTED_DEFINITIVELY,
                notified_on=d("2024-06-05"),
                accepted_on=d("2024-06-04"),
            ),
            "dates_out_of_order",
        ),
        (
            app(
                status=S.ACCEPTED_DEFINITIVELY,
                accepted_on=d("2024-06-05"),
                registered_on=d("2024-06-04"),
            ),
            "dates_out_of_order",
        ),
        (
            app(
                status=S.ACCEPTED_DEFINITIVELY,
                submitted_on=d("2024-07-01"),
                accepted_on=d("2024-06-05"),
            ),
            "dates_out_of_order",
        ),
    ],
)
def test_inconsistent_facts_refused(facts, code):
    """Missing required values, misplaced values and dates out of order are refused."""
    with pytest.raises(RuleViolation) as exc:
        check_consistency(facts)
    assert exc.value.code == code
    assert exc.value.message


@pytest.mark.parametrize(
    ("statuses_years", "ok"),
    [
        ([(S.ACCEPTED_DEFINITIVELY, 2024)], True),
        ([(S.ACCEPTED_DEFINITIVELY, 2024), (S.ACCEPTED_PROVISIONALLY, 2024)], True),
        ([(S.ACCEPTED_DEFINITIVELY, 2024), (S.ACCEPTED_DEFINITIVELY, 2025)], True),
        ([(S.ACCEPTED_DEFINITIVELY, 2024), (S.WITHDRAWN, 2024)], True),
        ([(S.ACCEPTED_DEFINITIVELY, 2024), (S.ACCEPTED_DEFINITIVELY, 2024)], False),
        (
            [(S.OFFER, 2024), (S.ACCEPTED_DEFINITIVELY, 2024), (S.ACCEPTED_DEFINITIVELY, 2024)],
            False,
        ),
    ],
)
def test_one_definitive_acceptance_per_campaign(statuses_years, ok):
    """A second definitive acceptance in the same campaign is refused; other years are apart."""
    apps = [
        app(
            f"Mention {i}",
            institution_code=OTHER_UAI,
            status=s,
            campaign_year=y,
            accepted_on=d(f"{y}-06-05") if s is S.ACCEPTED_DEFINITIVELY else None,
        )
        for i, (s, y) in enumerate(statuses_years)
    ]
    if ok:
        check_single_definitive(apps)
    else:
        with pytest.raises(RuleViolation) as exc:
            check_single_definitive(apps)
        assert exc.value.code == "second_definitive_acceptance"
        assert "Mention" in exc.value.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (S.SUBMITTED, S.OFFER),
        (S.SUBMITTED, S.WAITLISTED),
        (S.SUBMITTED, S.REJECTED),
        (S.SUBMITTED, S.CONTRACT_SEARCH),
        (S.SUBMITTED, S.WITHDRAWN),
        (S.WAITLISTED, S.OFFER),
        (S.WAITLISTED, S.WAITLISTED),  # rank moves
        (S.CONTRACT_SEARCH, S.OFFER),
        (S.OFFER, S.ACCEPTED_DEFINITIVELY),
        (S.OFFER, S.ACCEPTED_PROVISIONALLY),
        (S.OFFER, S.DECLINED),
        (S.OFFER, S.EXPIRED),
        (S.OFFER, S.WITHDRAWN),
        (S.ACCEPTED_PROVISIONALLY, S.ACCEPTED_DEFINITIVELY),
        (S.ACCEPTED_PROVISIONALLY, S.DECLINED),
        (S.ACCEPTED_DEFINITIVELY, S.WITHDRAWN),
        (S.REJECTED, S.REJECTED),
    ],
)
def test_allowed_transitions(old, new):
    """Transitions following the life cycle of §5 are accepted and offered to the clerk."""
    check_transition(old, new)
    assert new in allowed_statuses(old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (S.REJECTED, S.OFFER),
        (S.REJECTED, S.SUBMITTED),
        (S.WITHDRAWN, S.SUBMITTED),
        (S.WITHDRAWN, S.OFFER),
        (S.DECLINED, S.ACCEPTED_DEFINITIVELY),
        (S.EXPIRED, S.ACCEPTED_DEFINITIVELY),
        (S.SUBMITTED, S.ACCEPTED_DEFINITIVELY),  # an answer needs an offer first
        (S.WAITLISTED, S.ACCEPTED_DEFINITIVELY),
        (S.ACCEPTED_DEFINITIVELY, S.DECLINED),
        (S.ACCEPTED_DEFINITIVELY, S.OFFER),
        (S.OFFER, S.SUBMITTED),
    ],
)
def test_refused_transitions(old, new):
    """Going back, or answering what was never offered, is refused with a French message."""
    with pytest.raises(RuleViolation) as exc:
        check_transition(old, new)
    assert exc.value.code == "invalid_transition"
    assert "Passage impossible" in exc.value.message
    assert new not in allowed_statuses(old)


def test_new_application_starts_submitted():
    """A new application can only start as submitted; the current status is offered first."""
    assert allowed_statuses(None) == [S.SUBMITTED]
    for status in S:
        assert allowed_statuses(status)[0] is status


@pytest.mark.parametrize("final", [S.REJECTED, S.DECLINED, S.EXPIRED, S.WITHDRAWN])
def test_final_statuses_have_no_way_out(final):
    """Rejected, declined, expired and withdrawn are final."""
    assert allowed_statuses(final) == [final]
