"""Candidate files: read one whole, create, edit, delete; every write checked and audited."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from monmaster_desktop.controllers.context import RulesContext, current_user, now
from monmaster_desktop.controllers.errors import Invalid, NotFound, StaleRecord
from monmaster_desktop.controllers.files import facts_of, load_file, written_file
from monmaster_desktop.controllers.records import (
    STATUS_CANDIDATE_FIELDS,
    audit_rows,
    write_audit,
    write_search_tokens,
)
from monmaster_desktop.controllers.validation import candidate_problems
from monmaster_desktop.controllers.views import (
    ApplicationData,
    AuditView,
    CandidateData,
    CandidateFile,
)
from monmaster_desktop.db import Database, record_key
from monmaster_desktop.domain import fold
from monmaster_desktop.models import Application, AuditEntry, Candidate
from monmaster_desktop.rules.calendar import fr_date
from monmaster_desktop.rules.eligibility import assess_eligibility
from monmaster_desktop.rules.facts import Eligibility, RuleViolation
from monmaster_desktop.rules.ine import normalize_ine

CANDIDATE_FIELDS = [f.name for f in fields(CandidateData)]


def name_key(last_name: str, first_name: str) -> str:
    """Folded "last first" for accent- and case-insensitive search."""
    return fold(f"{last_name} {first_name}")


def clean_candidate(data: CandidateData) -> CandidateData:
    """Trim what the clerk typed; INE and country codes upper-cased; empty optionals to None."""

    def opt(value: str | None) -> str | None:
        value = (value or "").strip()
        return value or None

    return CandidateData(
        **(
            asdict(data)
            | {
                "candidate_number": data.candidate_number.strip(),
                "last_name": " ".join(data.last_name.split()),
                "first_name": " ".join(data.first_name.split()),
                "ine": normalize_ine(data.ine) or None if data.ine else None,
                "email": opt(data.email),
                "phone": opt(data.phone),
                "nationality": (data.nationality or "").strip().upper(),
                "residence_country": (data.residence_country or "").strip().upper(),
                "notes": opt(data.notes),
            }
        )
    )


def control_character_problems(
    values: dict[str, str | None], labels: dict[str, str]
) -> list[RuleViolation]:
    """Invisible control characters (NUL, escape...) in one-line fields: refused, not stored.

    SQLite's ``length()`` stops at a NUL, so such a value would also trip the schema's checks
    with an IntegrityError instead of a message next to the field.
    """
    problems = []
    for field, label in labels.items():
        value = values.get(field) or ""
        bad = next((c for c in value if unicodedata.category(c) == "Cc"), None)
        if bad is not None:
            problems.append(
                RuleViolation(
                    "control_character",
                    f"{label} : caractère de contrôle invisible (U+{ord(bad):04X}) refusé ; "
                    "retapez la valeur.",
                    field=field,
                )
            )
    return problems


CANDIDATE_LINE_FIELDS = {"candidate_number": "Numéro de candidat", "email": "Adresse électronique"}


def candidate_data(candidate: Candidate) -> CandidateData:
    return CandidateData(**{name: getattr(candidate, name) for name in CANDIDATE_FIELDS})


def application_data(app: Application) -> ApplicationData:
    course = app.course
    return ApplicationData(
        campaign_year=app.campaign.year,
        institution_code=course.institution.code,
        institution_name=course.institution.name,
        mention=course.mention,
        parcours=course.parcours,
        training_type=course.training_type,
        submitted_on=app.submitted_on,
        status=app.status,
        phase=app.phase,
        waitlist_rank=app.waitlist_rank,
        rejection_reason=app.rejection_reason,
        rejection_detail=app.rejection_detail,
        notified_on=app.notified_on,
        accepted_on=app.accepted_on,
        registered_on=app.registered_on,
    )


def uniqueness_problems(
    session: Session, data: CandidateData, exclude_id: int | None
) -> list[RuleViolation]:
    return identity_checks(session, data, exclude_id)[0]


def identity_checks(
    session: Session, data: CandidateData, exclude_id: int | None
) -> tuple[list[RuleViolation], list[str]]:
    """In one query: what a save must refuse (another candidate has this number or this
    INE) and what it reports (others with the same name and birth date)."""
    key = name_key(data.last_name, data.first_name)
    others = session.execute(
        select(*_IDENTITY_COLUMNS)
        .where(_same_identity(data, key))
        .where(Candidate.id != (exclude_id or -1))
    ).all()
    return _identity_findings(data, key, others)


def checks_and_record(
    session: Session, data: CandidateData, candidate_id: int
) -> tuple[list[RuleViolation], list[str], Candidate | None]:
    """``identity_checks`` of an update, and in the same query the stored candidate it updates
    (None when it is gone)."""
    key = name_key(data.last_name, data.first_name)
    found = session.scalars(
        select(Candidate).where(or_(Candidate.id == candidate_id, _same_identity(data, key)))
    ).all()
    others = [
        tuple(getattr(c, column.key) for column in _IDENTITY_COLUMNS)
        for c in found
        if c.id != candidate_id
    ]
    record = next((c for c in found if c.id == candidate_id), None)
    return (*_identity_findings(data, key, others), record)


_IDENTITY_COLUMNS = (
    Candidate.id,
    Candidate.candidate_number,
    Candidate.ine,
    Candidate.last_name,
    Candidate.first_name,
    Candidate.name_key,
    Candidate.birth_date,
)


def _same_identity(data: CandidateData, key: str):  # noqa: ANN202
    """Candidates with this number, this INE, or this name and birth date."""
    return or_(
        Candidate.candidate_number == data.candidate_number,
        Candidate.ine == data.ine if data.ine else False,
        (Candidate.name_key == key) & (Candidate.birth_date == data.birth_date),
    )


def _identity_findings(
    data: CandidateData, key: str, others: Sequence[Sequence]
) -> tuple[list[RuleViolation], list[str]]:
    problems, warnings = [], []
    for other_id, number, ine, last, first, other_key, birth_date in others:
        who = f"{number} ({last.upper()} {first})"
        if number == data.candidate_number:
            problems.append(
                RuleViolation(
                    "duplicate_number",
                    f"Le numéro de candidat {number} est déjà celui de {last.upper()} {first}.",
                    field="candidate_number",
                    other_id=other_id,
                )
            )
        elif data.ine and ine == data.ine:
            problems.append(
                RuleViolation(
                    "duplicate_ine",
                    f"L'INE {data.ine} appartient déjà au candidat {who} : un INE ne désigne "
                    "qu'un seul candidat.",
                    field="ine",
                    other_id=other_id,
                )
            )
        if other_key == key and birth_date == data.birth_date:
            warnings.append(
                f"Doublon possible : {who}, même nom et même date de naissance "
                f"({fr_date(data.birth_date)})."
            )
    return problems, warnings


@dataclass(frozen=True, slots=True)
class LiveChecks:
    """The form's live checks: problems a save would refuse, verdict, possible duplicates."""

    problems: list[RuleViolation]
    eligibility: Eligibility | None
    duplicates: list[str]


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    file: CandidateFile
    warnings: tuple[str, ...] = ()


class CandidateController:
    """Use cases on one candidate file; opens its own short session for each."""

    def __init__(self, db: Database):
        self.db = db

    # -- reading ---------------------------------------------------------------------------

    def get_file(self, candidate_id: int, *, as_of: date | None = None) -> CandidateFile:
        with self.db.read() as session:
            return load_file(session, RulesContext.load(session), candidate_id, as_of=as_of)

    def id_for_number(self, candidate_number: str) -> int | None:
        with self.db.read() as session:
            return session.scalar(
                select(Candidate.id).where(Candidate.candidate_number == candidate_number.strip())
            )

    def history(self, candidate_id: int) -> list[AuditView]:
        """The audit trail of a candidate and his applications, newest first."""
        with self.db.read() as session:
            rows = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.candidate_id == candidate_id)
                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            ).all()
            return [
                AuditView(
                    r.at,
                    r.os_user,
                    r.action,
                    r.entity,
                    r.entity_id,
                    r.field,
                    r.old_value,
                    r.new_value,
                )
                for r in rows
            ]

    # -- live checks for the form ----------------------------------------------------------

    def problems(self, data: CandidateData, candidate_id: int | None = None) -> list[RuleViolation]:
        """Every problem a save would refuse, without writing (for validation as one types)."""
        data = clean_candidate(data)
        problems = candidate_problems(data)
        problems += control_character_problems(asdict(data), CANDIDATE_LINE_FIELDS)
        with self.db.read() as session:
            problems += uniqueness_problems(session, data, candidate_id)
        return problems

    def eligibility(self, data: CandidateData) -> Eligibility:
        with self.db.read() as session:
            ctx = RulesContext.load(session)
        return assess_eligibility(facts_of(clean_candidate(data)), ctx.etudes_en_france)

    def live_checks(self, data: CandidateData, candidate_id: int | None = None) -> LiveChecks:
        """What the form shows as the clerk types, read in one short session: what ``problems``,
        ``eligibility`` (None until nationality and residence are known) and
        ``possible_duplicates`` answer one by one."""
        data = clean_candidate(data)
        problems = candidate_problems(data)
        problems += control_character_problems(asdict(data), CANDIDATE_LINE_FIELDS)
        with self.db.read() as session:
            refused, warnings = identity_checks(session, data, candidate_id)
            ctx = RulesContext.load(session) if data.nationality and data.residence_country else None
        eligibility = (
            assess_eligibility(facts_of(data), ctx.etudes_en_france) if ctx is not None else None
        )
        return LiveChecks(problems + refused, eligibility, warnings)

    def possible_duplicates(
        self, data: CandidateData, candidate_id: int | None = None
    ) -> list[str]:
        """Other candidates with the same name and birth date (reported, never refused)."""
        data = clean_candidate(data)
        with self.db.read() as session:
            return duplicate_warnings(session, data, candidate_id)

    # -- writing ---------------------------------------------------------------------------

    def save(
        self,
        data: CandidateData,
        *,
        candidate_id: int | None = None,
        expected_version: int | None = None,
    ) -> SaveOutcome:
        """Create (no id) or update a candidate; refuses with Invalid or StaleRecord."""
        data = clean_candidate(data)
        problems = candidate_problems(data)
        problems += control_character_problems(asdict(data), CANDIDATE_LINE_FIELDS)
        if problems:
            raise Invalid(problems)
        user, at = self.db.user_name(), now()
        # This candidate's records and the unique values it takes: other desks saving other
        # candidates do not wait, one saving this candidate or giving its number/INE does.
        with self.db.write(
            candidates=[candidate_id] if candidate_id is not None else [],
            keys=identity_keys(data),
        ) as session:
            if candidate_id is None:
                problems, warnings = identity_checks(session, data, None)
            else:
                problems, warnings, candidate = checks_and_record(session, data, candidate_id)
            if problems:
                raise Invalid(problems)
            values = asdict(data)
            changed = set(values)  # a new candidate: everything
            if candidate_id is None:
                candidate = Candidate(
                    **values,
                    name_key=name_key(data.last_name, data.first_name),
                    updated_at=at,
                    updated_by=user,
                )
                session.add(candidate)
                session.flush()
                write_audit(
                    session,
                    audit_rows(
                        at=at,
                        user=user,
                        action="create",
                        entity="candidate",
                        entity_id=candidate.id,
                        candidate_id=candidate.id,
                        old=None,
                        new=values,
                    ),
                )
            else:
                if candidate is None:
                    raise NotFound("Ce candidat n'existe plus (supprimé sur un autre poste ?).")
                if expected_version is not None and candidate.version != expected_version:
                    raise StaleRecord("candidat", candidate.updated_at, candidate.updated_by)
                old = asdict(candidate_data(candidate))
                changed = {name for name, value in values.items() if old.get(name) != value}
                changes = audit_rows(
                    at=at,
                    user=user,
                    action="update",
                    entity="candidate",
                    entity_id=candidate.id,
                    candidate_id=candidate.id,
                    old=old,
                    new=values,
                )
                if changes:
                    for name, value in values.items():
                        setattr(candidate, name, value)
                    candidate.name_key = name_key(data.last_name, data.first_name)
                    candidate.updated_at, candidate.updated_by = at, user
                    session.flush()
                    write_audit(session, changes)
            # What the other tables derive from the candidate, rewritten when it may differ:
            # the name's search words; the stored status (from the facts fields and the
            # applications, which a candidate's save leaves as they are).
            if changed & NAME_FIELDS:
                write_search_tokens(session, [(candidate.id, data.last_name, data.first_name)])
            file = written_file(
                session,
                RulesContext.load(session),
                candidate,
                refresh_status=bool(changed & STATUS_CANDIDATE_FIELDS),
                created=candidate_id is None,
            )
        return SaveOutcome(file, tuple(warnings))

    def delete(self, candidate_id: int, *, expected_version: int | None = None) -> None:
        user, at = current_user(), now()
        with self.db.write(candidates=[candidate_id]) as session:
            candidate = session.get(Candidate, candidate_id)
            if candidate is None:
                return
            if expected_version is not None and candidate.version != expected_version:
                raise StaleRecord("candidat", candidate.updated_at, candidate.updated_by)
            write_audit(
                session,
                audit_rows(
                    at=at,
                    user=user,
                    action="delete",
                    entity="candidate",
                    entity_id=candidate.id,
                    candidate_id=candidate.id,
                    old={"candidate_number": candidate.candidate_number},
                    new=None,
                ),
            )
            session.delete(candidate)


#: The fields the search words are made of.
NAME_FIELDS = frozenset({"last_name", "first_name"})


def identity_keys(data: CandidateData) -> list[str]:
    """The unique values a candidate's save gives (its number, its INE)."""
    keys = [record_key("candidate_number", data.candidate_number)]
    if data.ine:
        keys.append(record_key("ine", data.ine))
    return keys


def duplicate_warnings(session: Session, data: CandidateData, exclude_id: int | None) -> list[str]:
    return identity_checks(session, data, exclude_id)[1]


def count_candidates(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Candidate.id))) or 0
