"""Whole candidate files read in bulk: one path for the desk, the sheets and the checks."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from datetime import date

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.errors import NotFound
from monmaster_desktop.controllers.records import replace_status_rows, status_row
from monmaster_desktop.controllers.validation import as_facts
from monmaster_desktop.controllers.views import (
    ApplicationData,
    ApplicationView,
    CandidateData,
    CandidateFile,
)
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Phase,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.models import Application, Campaign, Candidate, Course, Institution
from monmaster_desktop.rules.asof import as_it_stood, later_events
from monmaster_desktop.rules.assess import assess
from monmaster_desktop.rules.calendar import explanation_last_day
from monmaster_desktop.rules.facts import CandidateFacts, Caps

CHUNK = 500
DEFAULT_CAPS = {Phase.MAIN: Caps(15, 15), Phase.COMPLEMENTARY: Caps(10, 10)}

_CANDIDATE_COLUMNS = (
    Candidate.id,
    Candidate.version,
    Candidate.updated_at,
    Candidate.updated_by,
    Candidate.candidate_number,
    Candidate.last_name,
    Candidate.first_name,
    Candidate.birth_date,
    Candidate.nationality,
    Candidate.residence_country,
    Candidate.diploma,
    Candidate.enrolment_history,
    Candidate.ine,
    Candidate.email,
    Candidate.phone,
    Candidate.diploma_status,
    Candidate.repeating_m1,
    Candidate.ves_vap,
    Candidate.automatic_admission,
    Candidate.notes,
)

_APPLICATION_COLUMNS = (
    Application.candidate_id,
    Application.id,
    Application.version,
    Campaign.year,
    Institution.code,
    Institution.name,
    Course.mention,
    Course.parcours,
    Course.training_type,
    Course.head_deadline,
    Application.submitted_on,
    Application.status,
    Application.phase,
    Application.waitlist_rank,
    Application.rejection_reason,
    Application.rejection_detail,
    Application.notified_on,
    Application.accepted_on,
    Application.registered_on,
)


def _candidate(row: Sequence) -> CandidateData:
    return CandidateData(
        candidate_number=row[4],
        last_name=row[5],
        first_name=row[6],
        birth_date=row[7],
        nationality=row[8],
        residence_country=row[9],
        diploma=Diploma(row[10]),
        enrolment_history=EnrolmentHistory(row[11]),
        ine=row[12],
        email=row[13],
        phone=row[14],
        diploma_status=DiplomaStatus(row[15]),
        repeating_m1=bool(row[16]),
        ves_vap=bool(row[17]),
        automatic_admission=bool(row[18]),
        notes=row[19],
    )


def _application(row: Sequence) -> tuple[ApplicationData, date | None]:
    return (
        ApplicationData(
            campaign_year=row[3],
            institution_code=row[4],
            institution_name=row[5],
            mention=row[6],
            parcours=row[7],
            training_type=TrainingType(row[8]),
            submitted_on=row[10],
            status=ApplicationStatus(row[11]),
            phase=Phase(row[12]),
            waitlist_rank=row[13],
            rejection_reason=RejectionReason(row[14]) if row[14] else None,
            rejection_detail=row[15],
            notified_on=row[16],
            accepted_on=row[17],
            registered_on=row[18],
        ),
        row[9],
    )


def facts_of(data: CandidateData) -> CandidateFacts:
    return CandidateFacts(
        nationality=data.nationality,
        residence_country=data.residence_country,
        diploma=data.diploma,
        diploma_status=data.diploma_status,
        repeating_m1=data.repeating_m1,
        ves_vap=data.ves_vap,
        automatic_admission=data.automatic_admission,
        enrolment_history=data.enrolment_history,
    )


def _sort_key(view: ApplicationView) -> tuple:
    data = view.data
    return (-data.campaign_year, data.phase is not Phase.MAIN, data.submitted_on, view.id)


def build_file(
    ctx: RulesContext,
    row: Sequence,
    app_rows: Sequence[Sequence],
    as_of: date,
) -> CandidateFile:
    data = _candidate(row)
    views, facts = [], []
    for app_row in app_rows:
        app_data, head_deadline = _application(app_row)
        app_id = app_row[1]
        app_facts = as_facts(app_data, key=app_id, head_deadline=head_deadline)
        facts.append(app_facts)
        # What the screens show is what the rules read: the record as it stood on as_of.
        calendar = ctx.calendars.get(app_data.campaign_year)
        stood = as_it_stood(app_facts, as_of, calendar)
        rejected = stood is not None and stood.status is ApplicationStatus.REJECTED
        definitive_on = (
            stood.accepted_on
            if stood is not None
            and stood.status is not app_facts.status
            and app_facts.status is ApplicationStatus.ACCEPTED_PROVISIONALLY
            else None
        )
        views.append(
            ApplicationView(
                id=app_id,
                version=app_row[2],
                data=app_data,
                institution_name=app_data.institution_name,
                explanation_last_day=explanation_last_day(stood.notified_on)
                if rejected and stood.notified_on
                else None,
                counted=stood is not None and stood.status is not ApplicationStatus.WITHDRAWN,
                later=later_events(app_data, as_of),
                status_as_of=stood.status if stood is not None else None,
                definitive_on=definitive_on,
            )
        )
    views.sort(key=_sort_key)
    assessment = assess(
        facts_of(data),
        facts,
        ctx.calendars,
        home_institution=ctx.home_institution_code,
        etudes_en_france=ctx.etudes_en_france,
        as_of=as_of,
    )
    year = max((f.campaign_year for f in facts), default=None)
    if year is None and ctx.calendars:
        year = max(ctx.calendars)
    calendar = ctx.calendars.get(year) if year is not None else None
    return CandidateFile(
        candidate_id=row[0],
        version=row[1],
        candidate=data,
        applications=tuple(views),
        assessment=assessment,
        campaign_year=year,
        caps={phase: calendar.caps(phase) for phase in Phase} if calendar else DEFAULT_CAPS,
        home_institution_code=ctx.home_institution_code,
        home_institution_name=ctx.home_institution_name,
        updated_at=row[2],
        updated_by=row[3],
    )


@functools.cache
def _chunk_statements() -> tuple[Select, Select]:
    """A chunk's two queries, built once with the chunk's ids as their parameter (``ids``):
    opening a file costs their execution only, not their building."""
    return (
        select(*_CANDIDATE_COLUMNS).where(Candidate.id.in_(bindparam("ids", expanding=True))),
        _application_select().where(
            Application.candidate_id.in_(bindparam("ids", expanding=True))
        ),
    )


def _application_select():  # noqa: ANN202
    return (
        select(*_APPLICATION_COLUMNS)
        .join(Course, Application.course_id == Course.id)
        .join(Institution, Course.institution_id == Institution.id)
        .join(Campaign, Application.campaign_id == Campaign.id)
    )


def iter_files(
    session: Session,
    ctx: RulesContext,
    candidate_ids: Sequence[int] | None,
    as_of: date,
) -> Iterator[CandidateFile]:
    """Files of the given candidates in the given order (all, by candidate number, if None).

    Reads in chunks of a few hundred candidates: two queries a chunk, no ORM objects.
    """
    if candidate_ids is None:
        yield from _iter_all(session, ctx, as_of)
        return
    candidates_query, applications_query = _chunk_statements()
    for start in range(0, len(candidate_ids), CHUNK):
        chunk = list(candidate_ids[start : start + CHUNK])
        values = {"ids": chunk}
        rows = {r[0]: r for r in session.connection().execute(candidates_query, values)}
        apps: dict[int, list] = {cid: [] for cid in chunk}
        for app_row in session.connection().execute(applications_query, values):
            apps[app_row[0]].append(app_row)
        for cid in chunk:
            if cid in rows:
                yield build_file(ctx, rows[cid], apps[cid], as_of)


def _iter_all(session: Session, ctx: RulesContext, as_of: date) -> Iterator[CandidateFile]:
    """Every candidate, by candidate number: one pass over each table, merged in Python."""
    apps: dict[int, list] = {}
    for app_row in session.connection().execute(_application_select()):
        apps.setdefault(app_row[0], []).append(app_row)
    for row in session.connection().execute(
        select(*_CANDIDATE_COLUMNS).order_by(Candidate.candidate_number)
    ):
        yield build_file(ctx, row, apps.get(row[0], ()), as_of)


def written_file(
    session: Session,
    ctx: RulesContext,
    candidate: Candidate,
    *,
    refresh_status: bool,
    created: bool = False,
) -> CandidateFile:
    """The file of a candidate this transaction just wrote, without reading it back: the
    candidate from the written object (its version and login as stored: the version is the
    one the UPDATE checked and set; the caller wrote the base's own login, see
    ``Database.user_name``), its applications read once, after the writes. When
    ``refresh_status``, the stored status is recomputed from those same rows (``created``: a
    candidate created in this transaction, with no status to remove nor applications)."""
    session.flush()
    row = tuple(getattr(candidate, column.key) for column in _CANDIDATE_COLUMNS)
    app_rows = (
        []
        if created
        else session.connection()
        .execute(_written_applications(), {"candidate_id": candidate.id})
        .all()
    )
    if refresh_status:
        facts = []
        for app_row in app_rows:
            data, head_deadline = _application(app_row)
            facts.append(as_facts(data, key=app_row[1], head_deadline=head_deadline))
        status = status_row(candidate.id, facts_of(_candidate(row)), facts, ctx)
        replace_status_rows(session, [status], created=[candidate.id] if created else ())
    return build_file(ctx, row, app_rows, date.today())


@functools.cache
def _written_applications():  # noqa: ANN202
    """One candidate's applications as the file shows them (built once)."""
    return _application_select().where(Application.candidate_id == bindparam("candidate_id"))


def load_file(
    session: Session, ctx: RulesContext, candidate_id: int, *, as_of: date | None = None
) -> CandidateFile:
    for file in iter_files(session, ctx, [candidate_id], as_of or date.today()):
        return file
    raise NotFound("Ce candidat n'existe pas ou plus.")
