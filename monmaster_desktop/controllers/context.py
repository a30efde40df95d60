"""What every rule needs from the database: settings, Études en France list, calendars."""

from __future__ import annotations

import functools
import getpass
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from monmaster_desktop.models import Campaign, EtudesEnFranceCountry, Setting
from monmaster_desktop.models import RegistrationBand as RegistrationBandModel
from monmaster_desktop.rules.facts import CampaignCalendar, Caps, RegistrationBand


def current_user() -> str:
    """The OS user name, as the audit trail records it."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some systems
        return "inconnu"


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def calendar_of(campaign, bands: Sequence[RegistrationBand] | None = None) -> CampaignCalendar:  # noqa: ANN001
    """A campaign's calendar, from its model or from a row of its table (``bands`` given)."""
    return CampaignCalendar(
        year=campaign.year,
        browsing_from=campaign.browsing_from,
        main_apply_from=campaign.main_apply_from,
        main_apply_to=campaign.main_apply_to,
        exam_from=campaign.exam_from,
        exam_to=campaign.exam_to,
        main_admission_from=campaign.main_admission_from,
        main_admission_to=campaign.main_admission_to,
        complementary_from=campaign.complementary_from,
        complementary_to=campaign.complementary_to,
        complementary_apply_from=campaign.complementary_apply_from,
        complementary_apply_to=campaign.complementary_apply_to,
        main_caps=Caps(campaign.main_cap_initial, campaign.main_cap_alternance),
        complementary_caps=Caps(
            campaign.complementary_cap_initial, campaign.complementary_cap_alternance
        ),
        bands=tuple(bands)
        if bands is not None
        else tuple(
            RegistrationBand(b.accepted_from, b.accepted_to, b.deadline) for b in campaign.bands
        ),
        withdrawals_from=campaign.withdrawals_from,
        withdrawals_to=campaign.withdrawals_to,
    )


@functools.cache
def _context_statements() -> tuple[Select, Select, Select, Select]:
    """The context's four queries, built once (Core rows: no ORM objects to build)."""
    return (
        select(Setting.key, Setting.value),
        select(Campaign.__table__),
        select(
            RegistrationBandModel.campaign_id,
            RegistrationBandModel.accepted_from,
            RegistrationBandModel.accepted_to,
            RegistrationBandModel.deadline,
        ).order_by(RegistrationBandModel.campaign_id, RegistrationBandModel.accepted_from),
        select(EtudesEnFranceCountry.code),
    )


@dataclass(frozen=True, slots=True)
class RulesContext:
    home_institution_code: str
    home_institution_name: str
    etudes_en_france: frozenset[str]
    calendars: dict[int, CampaignCalendar]
    campaign_ids: dict[int, int]

    @classmethod
    def load(cls, session: Session) -> RulesContext:
        """The rules as ``session`` sees them: read from the base when the rules' tables
        changed since this desk last read them (their token says so), else those it read.

        The token is read before the rules, so rules newer than their token may be kept under
        it (read again next time), never older ones."""
        session.flush()  # what this session changed is read too (Core reads below)
        db = session.info.get("database")
        token = db.rules_revision(session) if db is not None else None
        if token is not None:
            cached = db.rules_cache
            if cached is not None and cached[0] == token:
                return cached[1]
        rules = cls._read(session)
        if token is not None:
            db.rules_cache = (token, rules)
        return rules

    @classmethod
    def _read(cls, session: Session) -> RulesContext:
        conn = session.connection()
        settings_query, campaigns_query, bands_query, countries_query = _context_statements()
        settings = dict(conn.execute(settings_query).all())
        bands: dict[int, list[RegistrationBand]] = {}
        for campaign_id, accepted_from, accepted_to, deadline in conn.execute(bands_query):
            bands.setdefault(campaign_id, []).append(
                RegistrationBand(accepted_from, accepted_to, deadline)
            )
        campaigns = conn.execute(campaigns_query).all()
        return cls(
            home_institution_code=settings.get("home_institution_code", "0134009M"),
            home_institution_name=settings.get("home_institution_name", ""),
            etudes_en_france=frozenset(conn.execute(countries_query).scalars()),
            calendars={c.year: calendar_of(c, bands.get(c.id, ())) for c in campaigns},
            campaign_ids={c.year: c.id for c in campaigns},
        )
