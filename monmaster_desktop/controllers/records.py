"""Shared controller plumbing: facts read in bulk, the stored status kept in step, the audit."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date, datetime
from enum import Enum

from sqlalchemy import String, bindparam, delete, insert, select, type_coerce
from sqlalchemy.orm import Session

from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Flag,
    Phase,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.models import (
    Application,
    AuditEntry,
    Campaign,
    Candidate,
    CandidateStatus,
    Course,
    Institution,
)
from monmaster_desktop.rules.assess import assess
from monmaster_desktop.rules.facts import ApplicationFacts, CandidateFacts

from .context import RulesContext

CHUNK = 500


def _code(column):  # noqa: ANN001, ANN202
    """An enum column read as its stored code: facts map codes to members with a dict lookup,
    several times cheaper than SQLAlchemy's enum conversion over 400,000 rows."""
    return type_coerce(column, String).label(column.key)


CANDIDATE_FACT_COLUMNS = (
    Candidate.id,
    Candidate.nationality,
    Candidate.residence_country,
    _code(Candidate.diploma),
    _code(Candidate.diploma_status),
    Candidate.repeating_m1,
    Candidate.ves_vap,
    Candidate.automatic_admission,
    _code(Candidate.enrolment_history),
)

#: The candidate's fields its stored status is computed from: a save changing none of them
#: leaves the status as it was.
STATUS_CANDIDATE_FIELDS = frozenset(column.name for column in CANDIDATE_FACT_COLUMNS[1:])

APPLICATION_FACT_COLUMNS = (
    Application.candidate_id,
    Institution.code,
    Course.mention,
    _code(Course.training_type),
    _code(Application.phase),
    _code(Application.status),
    Application.submitted_on,
    Course.parcours,
    Campaign.year,
    Application.waitlist_rank,
    _code(Application.rejection_reason),
    Application.notified_on,
    Application.accepted_on,
    Application.registered_on,
    Course.head_deadline,
    Application.id,
)


def application_facts_select():  # noqa: ANN201
    return (
        select(*APPLICATION_FACT_COLUMNS)
        .join(Course, Application.course_id == Course.id)
        .join(Institution, Course.institution_id == Institution.id)
        .join(Campaign, Application.campaign_id == Campaign.id)
    )


def _members(kind):  # noqa: ANN001, ANN202
    return {member.value: member for member in kind} | {None: None}


_DIPLOMA, _DIPLOMA_STATUS, _HISTORY = (
    _members(Diploma),
    _members(DiplomaStatus),
    _members(EnrolmentHistory),
)
_TYPE, _PHASE, _STATUS, _REASON = (
    _members(TrainingType),
    _members(Phase),
    _members(ApplicationStatus),
    _members(RejectionReason),
)


def candidate_facts(row: Sequence) -> CandidateFacts:
    return CandidateFacts(
        nationality=row[1],
        residence_country=row[2],
        diploma=_DIPLOMA[row[3]],
        diploma_status=_DIPLOMA_STATUS[row[4]],
        repeating_m1=bool(row[5]),
        ves_vap=bool(row[6]),
        automatic_admission=bool(row[7]),
        enrolment_history=_HISTORY[row[8]],
    )


def application_facts(row: Sequence) -> ApplicationFacts:
    return ApplicationFacts(
        row[1],
        row[2],
        _TYPE[row[3]],
        _PHASE[row[4]],
        _STATUS[row[5]],
        row[6],
        row[7],
        row[8],
        row[9],
        _REASON[row[10]],
        row[11],
        row[12],
        row[13],
        row[14],
        row[15],
    )


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def load_facts(
    session: Session, candidate_ids: Iterable[int]
) -> dict[int, tuple[CandidateFacts, list[ApplicationFacts]]]:
    """Facts of the given candidates and their applications, two queries per chunk."""
    result: dict[int, tuple[CandidateFacts, list[ApplicationFacts]]] = {}
    ids = sorted(set(candidate_ids))
    conn = session.connection()  # Core rows: no ORM result processing (the list pages read it)
    candidates_query, applications_query = _facts_statements()
    for chunk in _chunks(ids):
        values = {"ids": list(chunk)}
        for row in conn.execute(candidates_query, values).all():  # fetchall: one call
            result[row[0]] = (candidate_facts(row), [])
        for row in conn.execute(applications_query, values).all():
            result[row[0]][1].append(application_facts(row))
    return result


@functools.cache
def _facts_statements():  # noqa: ANN202
    """load_facts' two queries, built once with the ids as a parameter (a list page reads a
    few candidates at a time: building the queries would cost more than running them)."""
    ids = bindparam("ids", expanding=True)
    return (
        select(*CANDIDATE_FACT_COLUMNS).where(Candidate.id.in_(ids)),
        application_facts_select().where(Application.candidate_id.in_(ids)),
    )


def status_row(
    candidate_id: int,
    candidate: CandidateFacts,
    applications: Sequence[ApplicationFacts],
    ctx: RulesContext,
) -> dict:
    """The stored status of one candidate: the rules' conclusions on the whole record (every
    recorded event has happened). Worklists read it on any reference date D in SQL, keeping
    only what had happened by D: a registration block from ``accepted_on`` on, a registration
    from ``registered_on`` on (see controllers/worklists.py)."""
    assessment = assess(
        candidate,
        applications,
        ctx.calendars,
        home_institution=ctx.home_institution_code,
        etudes_en_france=ctx.etudes_en_france,
        as_of=date.max,
    )
    reg = assessment.registration
    counted = assessment.counted
    return {
        "candidate_id": candidate_id,
        "eligible": assessment.eligibility.eligible,
        "ineligibility_reasons": " ".join(r.value for r in assessment.eligibility.reasons),
        "latest_campaign": max((a.campaign_year for a in applications), default=None),
        "counted_initial": counted.get(Phase.MAIN, TrainingType.INITIAL),
        "counted_alternance": counted.get(Phase.MAIN, TrainingType.ALTERNANCE),
        "interrupted": Flag.INTERRUPTED_ENROLMENT in assessment.flags,
        "accepted_label": (f"{reg.mention} — {reg.parcours}" if reg.parcours else reg.mention)
        if reg
        else None,
        "accepted_on": reg.accepted_on if reg else None,
        "registration_deadline": reg.deadline if reg else None,
        "deadline_set_by_head": Flag.DEADLINE_SET_BY_HEAD in assessment.flags,
        "route": reg.route.value if reg else None,
        "registered_on": reg.registered_on if reg else None,
    }


def replace_status_rows(
    session: Session, rows: list[dict], *, created: Collection[int] = ()
) -> None:
    """Write these candidates' stored status in place of what was there (``created``: ids of
    candidates created in this transaction, who have none to remove)."""
    from monmaster_desktop.db import bulk_insert

    ids = [row["candidate_id"] for row in rows if row["candidate_id"] not in created]
    for chunk in _chunks(ids):
        session.execute(delete(CandidateStatus).where(CandidateStatus.candidate_id.in_(chunk)))
    bulk_insert(session, CandidateStatus.__table__, rows)


def refresh_status(session: Session, ctx: RulesContext, candidate_ids: Iterable[int]) -> None:
    """Recompute the stored status of these candidates (same transaction as the write)."""
    facts = load_facts(session, candidate_ids)
    replace_status_rows(
        session,
        [
            status_row(cid, candidate, applications, ctx)
            for cid, (candidate, applications) in facts.items()
        ],
    )


def refresh_all_status(session: Session, ctx: RulesContext) -> None:
    refresh_status(session, ctx, session.scalars(select(Candidate.id)).all())


# --- audit --------------------------------------------------------------------------------


def audit_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def audit_rows(
    *,
    at: datetime,
    user: str,
    action: str,
    entity: str,
    entity_id: int | None,
    candidate_id: int | None,
    old: dict[str, object] | None,
    new: dict[str, object] | None,
) -> list[dict]:
    """One row per changed field (update), or one row for a creation or deletion."""
    base = {
        "at": at,
        "os_user": user,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "candidate_id": candidate_id,
    }
    if action == "update" and old is not None and new is not None:
        rows = []
        for field, new_value in new.items():
            old_text, new_text = audit_text(old.get(field)), audit_text(new_value)
            if old_text != new_text:
                rows.append(base | {"field": field, "old_value": old_text, "new_value": new_text})
        return rows
    summary = new if new is not None else old
    return [
        base
        | {
            "field": None,
            "old_value": None if action == "create" else _summary(summary),
            "new_value": _summary(summary) if action == "create" else None,
        }
    ]


def _summary(values: dict[str, object] | None) -> str | None:
    if not values:
        return None
    return "; ".join(f"{k}={audit_text(v)}" for k, v in values.items() if v not in (None, ""))


def write_audit(session: Session, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(AuditEntry), rows)


def write_search_tokens(
    session: Session, names: list[tuple[int, str, str]], *, created: Collection[int] = ()
) -> None:
    """Replace the name words of these candidates: (id, last name, first name) each
    (``created``: ids of candidates created in this transaction, who have none to remove)."""
    from monmaster_desktop.db import bulk_insert_columns
    from monmaster_desktop.domain import search_words
    from monmaster_desktop.models import CandidateSearchToken

    ids = [cid for cid, _, _ in names if cid not in created]
    table = CandidateSearchToken.__table__
    for chunk in _chunks(ids):
        session.execute(delete(table).where(table.c.candidate_id.in_(chunk)))
    owners, tokens = [], []
    for cid, last, first in names:
        words = sorted(set(search_words(f"{last} {first}")))
        owners += [cid] * len(words)
        tokens += words
    bulk_insert_columns(session, table, {"candidate_id": owners, "token": tokens})


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off while hundreds of thousands of small acyclic objects are
    made (import rows, facts): it rescans them again and again, which tripled the parsing
    time of 400,000 applications. Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            settle_paused_objects()
            gc.enable()


def settle_paused_objects() -> None:
    """Before the collector runs again: the objects made while it was paused join the oldest
    generation. Left in the youngest, the very next collection walks every one of them (two
    seconds after a 400,000-row import) only to find no cycle; in the oldest they are looked
    at by the rare full collections only."""
    gc.freeze()  # every tracked object set aside, in one step...
    gc.unfreeze()  # ...and given back to the oldest generation
