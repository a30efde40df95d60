"""Applications of one candidate: add, edit, change status, withdraw; caps and calendar enforced."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from monmaster_desktop.controllers.candidates import application_data, control_character_problems
from monmaster_desktop.controllers.context import RulesContext, current_user, now
from monmaster_desktop.controllers.errors import Invalid, NotFound, StaleRecord
from monmaster_desktop.controllers.files import load_file, written_file
from monmaster_desktop.controllers.records import (
    application_facts,
    application_facts_select,
    audit_rows,
    refresh_status,
    write_audit,
)
from monmaster_desktop.controllers.validation import application_problems, as_facts
from monmaster_desktop.controllers.views import ApplicationData, CandidateFile
from monmaster_desktop.controllers.worklists import WorklistController
from monmaster_desktop.db import Database, record_key
from monmaster_desktop.domain import STATUS_FR, ApplicationStatus, fold
from monmaster_desktop.models import Application, Candidate, Course, Institution
from monmaster_desktop.rules.asof import becomes_definitive_on
from monmaster_desktop.rules.calendar import explanation_last_day
from monmaster_desktop.rules.facts import ApplicationFacts, RuleViolation
from monmaster_desktop.rules.outcomes import (
    ACTIVE,
    TRANSITIONS,
    allowed_statuses,
    future_date_problems,
)

#: Fields of an application as the audit trail names them.
AUDITED = (
    "campaign_year",
    "phase",
    "institution_code",
    "mention",
    "parcours",
    "training_type",
    "submitted_on",
    "status",
    "waitlist_rank",
    "rejection_reason",
    "rejection_detail",
    "notified_on",
    "accepted_on",
    "registered_on",
)
#: One-line texts of the form, where an invisible control character is refused.
LINE_FIELDS = {"institution_name": "Établissement", "mention": "Mention", "parcours": "Parcours"}


def creatable_statuses() -> list[ApplicationStatus]:
    """The statuses a new application may be typed in: « déposée » and every status an edit can
    lead to from it, so a file is entered in its real state in one pass, under the edit's rules."""
    reached, todo = {ApplicationStatus.SUBMITTED}, [ApplicationStatus.SUBMITTED]
    while todo:
        for following in TRANSITIONS[todo.pop()]:
            if following not in reached:
                reached.add(following)
                todo.append(following)
    return [status for status in ApplicationStatus if status in reached]


def creation_problems(data: ApplicationData) -> list[RuleViolation]:
    """A new application in a status no edit could reach from « déposée » is refused."""
    if data.status in creatable_statuses():
        return []
    return [
        RuleViolation(
            "invalid_creation_status",
            f"Une nouvelle candidature ne peut pas être saisie « {STATUS_FR[data.status]} ».",
            field="status",
        )
    ]


def audited_values(data: ApplicationData) -> dict[str, object]:
    values = asdict(data)
    return {k: values[k] for k in AUDITED}


def get_or_create_course(
    session: Session,
    institution_code: str,
    institution_name: str,
    mention: str,
    parcours: str,
    training_type,  # noqa: ANN001
) -> Course:
    """The catalogue entry for this course, added to the catalogue when it is new."""
    code = institution_code.strip().upper()
    institution = session.scalar(select(Institution).where(Institution.code == code))
    if institution is None:
        institution = Institution(code=code, name=institution_name.strip())
        session.add(institution)
        session.flush()
    elif institution_name.strip() and not institution.name:
        institution.name = institution_name.strip()
    mention_key, parcours_key = fold(mention), fold(parcours)
    course = session.scalar(
        select(Course).where(
            Course.institution_id == institution.id,
            Course.mention_key == mention_key,
            Course.parcours_key == parcours_key,
            Course.training_type == training_type,
        )
    )
    if course is None:
        course = Course(
            institution_id=institution.id,
            mention=" ".join(mention.split()),
            mention_key=mention_key,
            parcours=" ".join(parcours.split()),
            parcours_key=parcours_key,
            training_type=training_type,
        )
        session.add(course)
        session.flush()
    return course


#: An application loaded with what ``application_data`` reads of it, in the same query.
_WITH_COURSE = (
    joinedload(Application.campaign),
    joinedload(Application.course).joinedload(Course.institution),
)


def same_course(app: Application | None, data: ApplicationData) -> Course | None:
    """The application's own course when ``data`` still names it (the catalogue's keys, as
    ``get_or_create_course`` matches them) and asks nothing of the catalogue; else None."""
    if app is None:
        return None
    course = app.course
    institution = course.institution
    if (
        institution.code != data.institution_code.strip().upper()
        or (data.institution_name.strip() and not institution.name)
        or course.mention_key != fold(data.mention)
        or course.parcours_key != fold(data.parcours)
        or course.training_type != data.training_type
    ):
        return None
    return course


def other_applications(
    session: Session, candidate_id: int, exclude_id: int | None
) -> list[ApplicationFacts]:
    rows = session.execute(
        application_facts_select().where(
            Application.candidate_id == candidate_id, Application.id != (exclude_id or -1)
        )
    )
    return [application_facts(row) for row in rows]


@dataclass(frozen=True, slots=True)
class ApplicationOutcome:
    file: CandidateFile
    #: Applications closed because the candidate accepted an offer definitively.
    closed: tuple[str, ...] = ()
    #: The application written (the window puts its cursor on it).
    application_id: int | None = None


class ApplicationController:
    def __init__(self, db: Database):
        self.db = db

    @staticmethod
    def allowed_statuses(current: ApplicationStatus | None) -> list[ApplicationStatus]:
        """The statuses the form offers: from ``current`` for an edit, all reachable for a new one."""
        if current is None:
            return creatable_statuses()
        return allowed_statuses(current)

    def problems(
        self, candidate_id: int, data: ApplicationData, *, application_id: int | None = None
    ) -> list:
        """What a save would refuse, without writing (for the form's live messages)."""
        with self.db.read() as session:
            ctx = RulesContext.load(session)
            previous = (
                session.scalar(select(Application.status).where(Application.id == application_id))
                if application_id
                else None
            )
            return (
                future_date_problems(as_facts(data), date.today())
                + application_problems(
                    data,
                    ctx.calendars.get(data.campaign_year),
                    other_applications(session, candidate_id, application_id),
                    previous_status=previous,
                )
                + control_character_problems(asdict(data), LINE_FIELDS)
                + (creation_problems(data) if not application_id else [])
            )

    def save(
        self,
        candidate_id: int,
        data: ApplicationData,
        *,
        application_id: int | None = None,
        expected_version: int | None = None,
    ) -> ApplicationOutcome:
        """Add or edit an application; a definitive acceptance closes the others still open."""
        data = replace(
            data,
            institution_code=data.institution_code.strip().upper(),
            mention=" ".join(data.mention.split()),
            parcours=" ".join(data.parcours.split()),
            rejection_detail=(data.rejection_detail or "").strip() or None,
        )
        user, at = self.db.user_name(), now()
        # This candidate's records (its caps count its applications) and the institution
        # under which a new course may be added to the catalogue.
        with self.db.write(
            candidates=[candidate_id], keys=[record_key("institution", data.institution_code)]
        ) as session:
            ctx = RulesContext.load(session)
            candidate = session.get(Candidate, candidate_id)
            if candidate is None:
                raise NotFound("Ce candidat n'existe plus (supprimé sur un autre poste ?).")
            # with its campaign, course and institution (the audit's old values): one query
            app = (
                session.get(Application, application_id, options=_WITH_COURSE)
                if application_id
                else None
            )
            if application_id and app is None:
                raise NotFound("Cette candidature n'existe plus (supprimée sur un autre poste ?).")
            if app is not None and expected_version is not None and app.version != expected_version:
                raise StaleRecord("candidature", app.updated_at, app.updated_by)
            # RULES.md §8: nothing is dated after the day it is typed (the system date).
            problems = future_date_problems(as_facts(data), date.today())
            problems += application_problems(
                data,
                ctx.calendars.get(data.campaign_year),
                other_applications(session, candidate_id, application_id),
                previous_status=app.status if app is not None else None,
            )
            problems += control_character_problems(asdict(data), LINE_FIELDS)
            if app is None:
                problems += creation_problems(data)
            if problems:
                raise Invalid(problems)
            course = same_course(app, data) or get_or_create_course(
                session,
                data.institution_code,
                data.institution_name,
                data.mention,
                data.parcours,
                data.training_type,
            )
            values = {
                "campaign_id": ctx.campaign_ids[data.campaign_year],
                "course_id": course.id,
                "phase": data.phase,
                "submitted_on": data.submitted_on,
                "status": data.status,
                "waitlist_rank": data.waitlist_rank,
                "rejection_reason": data.rejection_reason,
                "rejection_detail": data.rejection_detail,
                "notified_on": data.notified_on,
                "accepted_on": data.accepted_on,
                "registered_on": data.registered_on,
                "explanation_last_day": (
                    explanation_last_day(data.notified_on)
                    if data.status is ApplicationStatus.REJECTED and data.notified_on
                    else None
                ),
                "updated_at": at,
                "updated_by": user,
            }
            if app is None:
                app = Application(candidate_id=candidate_id, **values)
                session.add(app)
                session.flush()
                audit = audit_rows(
                    at=at,
                    user=user,
                    action="create",
                    entity="application",
                    entity_id=app.id,
                    candidate_id=candidate_id,
                    old=None,
                    new=audited_values(data),
                )
            else:
                old = audited_values(application_data(app))
                audit = audit_rows(
                    at=at,
                    user=user,
                    action="update",
                    entity="application",
                    entity_id=app.id,
                    candidate_id=candidate_id,
                    old=old,
                    new=audited_values(data),
                )
                if audit:
                    for name, value in values.items():
                        setattr(app, name, value)
                    session.flush()
            write_audit(session, audit)
            closed = []
            if data.status is ApplicationStatus.ACCEPTED_DEFINITIVELY:
                closed = self._close_others(session, app, user, at)
            file = written_file(session, ctx, candidate, refresh_status=True)
            saved_id = app.id
        return ApplicationOutcome(file, tuple(closed), saved_id)

    def _close_others(self, session: Session, accepted: Application, user: str, at) -> list[str]:  # noqa: ANN001
        """A definitive acceptance ends the procedure: other open applications are withdrawn."""
        others = session.scalars(
            select(Application).where(
                Application.candidate_id == accepted.candidate_id,
                Application.campaign_id == accepted.campaign_id,
                Application.id != accepted.id,
                Application.status.in_([s.value for s in ACTIVE]),
            )
        ).all()
        closed = []
        for other in others:
            write_audit(
                session,
                audit_rows(
                    at=at,
                    user=user,
                    action="update",
                    entity="application",
                    entity_id=other.id,
                    candidate_id=other.candidate_id,
                    old={"status": other.status},
                    new={"status": ApplicationStatus.WITHDRAWN},
                ),
            )
            closed.append(
                f"{other.course.mention} ({other.course.institution.code}) : "
                f"{STATUS_FR[other.status]} → {STATUS_FR[ApplicationStatus.WITHDRAWN]}"
            )
            other.status = ApplicationStatus.WITHDRAWN
            other.updated_at, other.updated_by = at, user
        return closed

    def withdraw(
        self, application_id: int, *, expected_version: int | None = None
    ) -> CandidateFile:
        with self.db.read() as session:
            app = session.get(Application, application_id)
            if app is None:
                raise NotFound("Cette candidature n'existe plus.")
            data, candidate_id = application_data(app), app.candidate_id
        outcome = self.save(
            candidate_id,
            replace(data, status=ApplicationStatus.WITHDRAWN),
            application_id=application_id,
            expected_version=expected_version,
        )
        return outcome.file

    def confirm_definitive(
        self, application_id: int, *, expected_version: int | None = None
    ) -> ApplicationOutcome:
        """Record what the platform did at the end of the complementary phase (RULES.md §5): a
        provisional acceptance becomes definitive on the phase's last day. The candidate file
        offers it (« à confirmer ») once that day is reached; other open applications close."""
        with self.db.read() as session:
            app = session.get(Application, application_id)
            if app is None:
                raise NotFound("Cette candidature n'existe plus.")
            data, candidate_id = application_data(app), app.candidate_id
            calendar = RulesContext.load(session).calendars.get(data.campaign_year)
        facts = ApplicationFacts(
            data.institution_code,
            data.mention,
            data.training_type,
            data.phase,
            data.status,
            data.submitted_on,
            accepted_on=data.accepted_on,
        )
        day = becomes_definitive_on(facts, calendar)
        if day is None or day > date.today():
            raise Invalid(
                [
                    RuleViolation(
                        "nothing_to_confirm",
                        "Cette candidature n'est pas une acceptation provisoire devenue définitive à "
                        "la fin de la phase complémentaire : rien à confirmer.",
                        field="status",
                    )
                ]
            )
        return self.save(
            candidate_id,
            replace(data, status=ApplicationStatus.ACCEPTED_DEFINITIVELY, accepted_on=day),
            application_id=application_id,
            expected_version=expected_version,
        )

    def delete(self, application_id: int, *, expected_version: int | None = None) -> CandidateFile:
        """Remove an application typed by mistake (audited; withdrawing is the usual way).

        Only its candidate's records are locked: other desks keep saving other candidates."""
        user, at = current_user(), now()
        with self.db.read() as session:
            owner = session.scalar(
                select(Application.candidate_id).where(Application.id == application_id)
            )
        if owner is None:
            raise NotFound("Cette candidature n'existe plus.")
        with self.db.write(candidates=[owner]) as session:
            app = session.get(Application, application_id)
            if app is None or app.candidate_id != owner:
                raise NotFound("Cette candidature n'existe plus.")
            if expected_version is not None and app.version != expected_version:
                raise StaleRecord("candidature", app.updated_at, app.updated_by)
            candidate_id = app.candidate_id
            write_audit(
                session,
                audit_rows(
                    at=at,
                    user=user,
                    action="delete",
                    entity="application",
                    entity_id=app.id,
                    candidate_id=candidate_id,
                    old=audited_values(application_data(app)),
                    new=None,
                ),
            )
            session.delete(app)
            session.flush()
            ctx = RulesContext.load(session)
            refresh_status(session, ctx, [candidate_id])
            return load_file(session, ctx, candidate_id)


def campaign_years(db: Database) -> list[int]:
    """The campaigns of the base, latest first."""
    return WorklistController(db).campaign_years()
