"""The ``check`` report: every candidate assessed on one reference date (FORMATS.md §3)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.records import (
    CANDIDATE_FACT_COLUMNS,
    application_facts,
    application_facts_select,
    candidate_facts,
    gc_paused,
)
from monmaster_desktop.db import Database
from monmaster_desktop.domain import FLAG_SHORT_FR
from monmaster_desktop.models import Candidate
from monmaster_desktop.rules.assess import assess
from monmaster_desktop.rules.calendar import fr_date
from monmaster_desktop.rules.facts import Assessment


@dataclass(frozen=True, slots=True)
class CheckedCandidate:
    candidate_number: str
    ine: str | None
    last_name: str
    first_name: str
    assessment: Assessment


def iter_checked(db: Database, as_of: date) -> Iterator[CheckedCandidate]:
    """Every candidate by candidate number, assessed on ``as_of`` (two table scans)."""
    with gc_paused(), db.read() as session:
        ctx = RulesContext.load(session)
        # Core rows through the session's connection: no ORM result processing per row.
        conn = session.connection()
        apps: dict[int, list] = {}
        for row in conn.execute(application_facts_select()).all():
            apps.setdefault(row[0], []).append(application_facts(row))
        query = select(
            *CANDIDATE_FACT_COLUMNS,
            Candidate.candidate_number,
            Candidate.ine,
            Candidate.last_name,
            Candidate.first_name,
        ).order_by(Candidate.candidate_number)
        for row in conn.execute(query).all():
            yield CheckedCandidate(
                candidate_number=row[9],
                ine=row[10],
                last_name=row[11],
                first_name=row[12],
                assessment=assess(
                    candidate_facts(row),
                    apps.get(row[0], ()),
                    ctx.calendars,
                    home_institution=ctx.home_institution_code,
                    etudes_en_france=ctx.etudes_en_france,
                    as_of=as_of,
                ),
            )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def candidate_json(checked: CheckedCandidate) -> dict:
    a = checked.assessment
    reg = a.registration
    return {
        "candidate_number": checked.candidate_number,
        "ine": checked.ine,
        "last_name": checked.last_name,
        "first_name": checked.first_name,
        "eligible": a.eligibility.eligible,
        "ineligibility_reasons": sorted(r.value for r in a.eligibility.reasons),
        "counted": a.counted.as_json(),
        "registration": None
        if reg is None
        else {
            "institution_code": reg.institution_code,
            "mention": reg.mention,
            "accepted_on": _iso(reg.accepted_on),
            "deadline": _iso(reg.deadline),
            "route": reg.route.value,
            "registered_on": _iso(reg.registered_on),
        },
        "explanation_deadlines": [
            {
                "institution_code": e.institution_code,
                "mention": e.mention,
                "notified_on": _iso(e.notified_on),
                "last_day": _iso(e.last_day),
            }
            for e in a.explanation_deadlines
        ],
        "flags": sorted(f.value for f in a.flags),
        "must_contact_registrar": a.must_contact_registrar,
    }


def check_report(db: Database, as_of: date) -> dict:
    return {
        "as_of": as_of.isoformat(),
        "candidates": [candidate_json(c) for c in iter_checked(db, as_of)],
    }


def check_table(db: Database, as_of: date) -> list[str]:
    """The same report as readable French lines (one per candidate, then totals)."""
    lines = [
        f"Situation au {fr_date(as_of)}",
        f"{'Numéro':<14} {'Nom':<32} {'Élig.':<6} {'Cand.':<7} {'Date limite':<12} "
        f"{'Voie':<10} Signalements",
    ]
    total = contact = 0
    for c in iter_checked(db, as_of):
        a = c.assessment
        total += 1
        contact += a.must_contact_registrar
        counted = a.counted.as_json()["main"]
        reg = a.registration
        deadline = (
            "chef étab." if reg and reg.deadline is None else fr_date(reg.deadline) if reg else ""
        )
        route = {"iaweb_primo": "IAWEB", "ent": "ENT", "registrar_office": "Scolarité"}.get(
            reg.route.value if reg else "", ""
        )
        flags = ", ".join(FLAG_SHORT_FR[f] for f in a.flags)
        name = f"{c.last_name.upper()} {c.first_name}"[:32]
        lines.append(
            f"{c.candidate_number:<14} {name:<32} {'oui' if a.eligibility.eligible else 'non':<6} "
            f"{counted['initial']:>2}+{counted['alternance']:<4} {deadline:<12} {route:<10} {flags}"
        )
    lines.append(f"{total} candidat(s), dont {contact} doivent contacter la scolarité.")
    return lines
