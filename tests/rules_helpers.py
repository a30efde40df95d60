"""Shared builders for the rule tests: the 2024 campaign from resources/defaults.json, facts."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Phase,
    TrainingType,
)
from monmaster_desktop.rules.facts import (
    ApplicationFacts,
    CampaignCalendar,
    CandidateFacts,
)

DEFAULTS = Path(__file__).resolve().parents[1] / "resources" / "defaults.json"
HOME = "0134009M"
OTHER_UAI = "0751717J"


def d(text: str) -> date:
    """An ISO date, short to write in tables."""
    return date.fromisoformat(text)


@cache
def defaults() -> dict:
    """The built-in campaign data shipped with the application."""
    return json.loads(DEFAULTS.read_text(encoding="utf-8"))


def etudes_en_france() -> frozenset[str]:
    """The Études en France country list of the built-in data."""
    return frozenset(defaults()["etudes_en_france"].split())


def calendar_for(year: int) -> CampaignCalendar:
    """The CampaignCalendar of ``year`` as recorded in resources/defaults.json."""
    raw = next(c for c in defaults()["campaigns"] if c["year"] == year)
    return CampaignCalendar.from_record(raw)


def calendar_2024() -> CampaignCalendar:
    """The built-in 2024 campaign."""
    return calendar_for(2024)


def app(
    mention: str = "Informatique",
    *,
    institution_code: str = HOME,
    training_type: TrainingType = TrainingType.INITIAL,
    phase: Phase = Phase.MAIN,
    status: ApplicationStatus = ApplicationStatus.SUBMITTED,
    campaign_year: int = 2024,
    **extra: object,
) -> ApplicationFacts:
    """An application with sensible 2024 defaults; keyword arguments override any field."""
    return ApplicationFacts(
        institution_code=institution_code,
        mention=mention,
        training_type=training_type,
        phase=phase,
        status=status,
        campaign_year=campaign_year,
        **extra,
    )


def candidate(
    nationality: str = "FR",
    residence_country: str = "FR",
    diploma: Diploma = Diploma.LICENCE,
    **extra: object,
) -> CandidateFacts:
    """An eligible French licence holder living in France, unless told otherwise."""
    extra.setdefault("diploma_status", DiplomaStatus.OBTAINED)
    extra.setdefault("enrolment_history", EnrolmentHistory.NEVER)
    return CandidateFacts(
        nationality=nationality, residence_country=residence_country, diploma=diploma, **extra
    )


def mentions(n: int, prefix: str = "Mention") -> list[str]:
    """``n`` distinct mention names."""
    return [f"{prefix} {i:02d}" for i in range(1, n + 1)]
