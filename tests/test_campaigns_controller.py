"""Campaigns, course catalogue and office settings: checks, audit rows, candidates kept in step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from monmaster_desktop.controllers.campaigns import BandData, CampaignController, OfficeSettings
from monmaster_desktop.controllers.errors import Invalid, StaleRecord
from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.controllers.worklists import Worklist
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    EnrolmentHistory,
    TrainingType,
)
from monmaster_desktop.models import AuditEntry

AS_OF = date(2024, 9, 2)


@pytest.fixture
def campaigns(db) -> CampaignController:  # noqa: ANN001
    return CampaignController(db)


def audit(db, entity: str) -> list[AuditEntry]:  # noqa: ANN001
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.entity == entity)))


def add_accepted_candidate(services, accepted_on: date, *, nationality: str = "FR") -> int:  # noqa: ANN001
    """A candidate who accepted a home-institution offer definitively on ``accepted_on``."""
    file = services.candidates.save(
        CandidateData(
            candidate_number="C001",
            last_name="Martin",
            first_name="Léa",
            birth_date=date(2001, 5, 4),
            nationality=nationality,
            residence_country="FR",
            diploma=Diploma.LICENCE,
            enrolment_history=EnrolmentHistory.NEVER,
        )
    ).file
    services.applications.save(
        file.candidate_id,
        ApplicationData(
            campaign_year=2024,
            institution_code="0134009M",
            mention="Informatique",
            training_type=TrainingType.INITIAL,
            submitted_on=date(2024, 3, 1),
            status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
            notified_on=date(2024, 6, 4),
            accepted_on=accepted_on,
        ),
    )
    return file.candidate_id


def test_shipped_campaign_reads_back_with_its_bands(campaigns: CampaignController) -> None:
    """The built-in 2024 campaign comes back with its dates and three registration bands."""
    data = campaigns.get(2024)
    assert data.main_apply_from == date(2024, 2, 26)
    assert [b.deadline for b in data.bands] == [date(2024, 7, 19), date(2024, 8, 29), None]
    assert data.bands[-1].accepted_to is None


def test_proposal_is_latest_shifted_by_a_year_and_unconfirmed(campaigns) -> None:  # noqa: ANN001
    """« Nouvelle campagne » starts from the latest one, a year later, to be confirmed."""
    proposal = campaigns.proposal()
    assert proposal.year == 2025 and proposal.id is None and not proposal.confirmed
    assert proposal.main_apply_from == date(2025, 2, 26)
    assert proposal.bands[0].deadline == date(2025, 7, 19)


def test_new_campaign_saved_and_audited(db, campaigns) -> None:  # noqa: ANN001
    """Saving the proposal creates the campaign and writes one creation row in the audit."""
    saved = campaigns.save(campaigns.proposal())
    assert campaigns.years() == [2025, 2024]
    assert saved.version == 1
    rows = audit(db, "campaign")
    assert [(r.action, r.entity_id) for r in rows] == [("create", saved.id)]
    assert "main_apply_from=2025-02-26" in rows[0].new_value


def test_dates_out_of_order_refused_with_named_dates(campaigns) -> None:  # noqa: ANN001
    """A window ending before it starts is refused; the message names both dates."""
    data = replace(campaigns.get(2024), main_apply_to=date(2024, 2, 20))
    with pytest.raises(Invalid) as refused:
        campaigns.save(data)
    messages = refused.value.for_field("main_apply_to")
    assert messages == [
        "La fin des candidatures (20/02/2024) tombe avant le début des candidatures "
        "(26/02/2024) : les dates doivent se suivre."
    ]


def test_bands_overlapping_and_existing_year_refused(campaigns) -> None:  # noqa: ANN001
    """Bands must follow each other and a year exists only once."""
    data = campaigns.get(2024)
    overlapping = replace(
        data,
        bands=(
            BandData(date(2024, 6, 4), date(2024, 7, 20), date(2024, 7, 25)),
            BandData(date(2024, 7, 16), None, None),
        ),
    )
    assert [p.field for p in campaigns.problems(overlapping)] == ["bands"]
    duplicate = replace(campaigns.proposal(), year=2024, id=None)
    fields = {p.field for p in campaigns.problems(duplicate)}
    assert "year" in fields


def test_update_audits_each_changed_field_and_detects_stale(db, campaigns) -> None:  # noqa: ANN001
    """An edit audits the changed values; a save on an old version is refused."""
    data = campaigns.get(2024)
    campaigns.save(replace(data, main_cap_initial=12))
    rows = [r for r in audit(db, "campaign") if r.action == "update"]
    assert [(r.field, r.old_value, r.new_value) for r in rows] == [("main_cap_initial", "15", "12")]
    with pytest.raises(StaleRecord):
        campaigns.save(replace(data, main_cap_initial=11))


def test_band_change_moves_candidates_deadline(services, campaigns) -> None:  # noqa: ANN001
    """Changing a band's deadline changes the stored deadline of the candidates it covers."""
    candidate_id = add_accepted_candidate(services, date(2024, 7, 2))
    data = campaigns.get(2024)
    first = replace(data.bands[0], deadline=date(2024, 7, 22))
    campaigns.save(replace(data, bands=(first, *data.bands[1:])))
    registration = services.candidates.get_file(candidate_id).assessment.registration
    assert registration.deadline == date(2024, 7, 22)


def test_course_head_deadline_updates_worklists(db, services, campaigns) -> None:  # noqa: ANN001
    """Recording a head-set deadline empties the « date à fixer » worklist and is audited."""
    add_accepted_candidate(services, date(2024, 8, 28))
    assert services.worklists.counts(AS_OF)[Worklist.HEAD_DEADLINE] == 1
    (course,) = campaigns.courses()
    assert course.application_count == 1 and course.head_deadline is None
    campaigns.set_head_deadline(course.id, date(2024, 9, 15))
    assert services.worklists.counts(AS_OF)[Worklist.HEAD_DEADLINE] == 0
    assert campaigns.courses()[0].head_deadline == date(2024, 9, 15)
    (row,) = audit(db, "course")
    assert (row.field, row.old_value, row.new_value) == ("head_deadline", None, "2024-09-15")


def test_etudes_en_france_change_updates_eligibility(db, services, campaigns) -> None:  # noqa: ANN001
    """Removing a country from the Études en France list makes its residents eligible."""
    file = services.candidates.save(
        CandidateData(
            candidate_number="C002",
            last_name="Alaoui",
            first_name="Sami",
            birth_date=date(2000, 1, 2),
            nationality="MA",
            residence_country="MA",
            diploma=Diploma.LICENCE,
            enrolment_history=EnrolmentHistory.NEVER,
        )
    ).file
    assert services.worklists.counts(AS_OF)[Worklist.NOT_ELIGIBLE] == 1
    settings = campaigns.settings()
    assert len(settings.etudes_en_france) == 68
    campaigns.save_settings(
        replace(settings, etudes_en_france=tuple(c for c in settings.etudes_en_france if c != "MA"))
    )
    assert services.worklists.counts(AS_OF)[Worklist.NOT_ELIGIBLE] == 0
    assert services.candidates.get_file(file.candidate_id).assessment.eligibility.eligible
    (row,) = audit(db, "setting")
    assert row.field == "etudes_en_france" and row.new_value.startswith("67 pays")


def test_settings_refuse_bad_uai_and_unknown_country(campaigns) -> None:  # noqa: ANN001
    """The home UAI must be 7 digits and a letter; countries must be ISO codes."""
    with pytest.raises(Invalid) as refused:
        campaigns.save_settings(OfficeSettings("013400", "AMU", ("ZZ",)))
    assert {p.field for p in refused.value.problems} == {
        "home_institution_code",
        "etudes_en_france",
    }


def test_rename_institution_audited(db, campaigns) -> None:  # noqa: ANN001
    """Renaming an institution is kept and written in the audit trail."""
    (home,) = campaigns.institutions()
    campaigns.rename_institution(home.id, "  Aix-Marseille   Université ")
    assert campaigns.institutions()[0].name == "Aix-Marseille Université"
    assert audit(db, "institution") == []  # same name once spaces are tidied: nothing changed
    campaigns.rename_institution(home.id, "AMU")
    (row,) = audit(db, "institution")
    assert (row.old_value, row.new_value) == ("Aix-Marseille Université", "AMU")
    with pytest.raises(Invalid):
        campaigns.rename_institution(home.id, " ")
