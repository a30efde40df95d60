"""SQLAlchemy 2 typed entities: candidates, catalogue, campaigns, applications, settings, audit."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Phase,
    RejectionReason,
    Route,
    TrainingType,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(kind: type[enum.Enum], name: str) -> Enum:
    """Portable enum: a VARCHAR of the values (no native types); its CHECK is ``_codes``."""
    return Enum(
        kind,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def codes_condition(column: str, kind: type[enum.Enum], *, nullable: bool = False) -> str:
    """``column = 'a' OR column = 'b' ...``: the same guard as ``IN ('a', 'b')``, which SQLite
    3.40 evaluates by building a small table for every inserted row (the IN checks doubled
    the cost of inserting 400,000 applications)."""
    tests = [f"{column} = '{member.value}'" for member in kind]
    if nullable:
        tests.insert(0, f"{column} IS NULL")
    return " OR ".join(tests)


def _codes(column: str, kind: type[enum.Enum], *, nullable: bool = False) -> CheckConstraint:
    return CheckConstraint(codes_condition(column, kind, nullable=nullable), name=column)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Office settings (home institution, retention...), one text value per key."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RulesRevision(Base):
    """One row that changes whenever the rules' tables do (settings, campaigns, registration
    bands, Études en France countries): a desk keeps the rules it read as long as this token
    is the one it read them under (triggers set a new random token; see migration 0006)."""

    __tablename__ = "rules_revision"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    token: Mapped[int] = mapped_column(BigInteger)


class EtudesEnFranceCountry(Base):
    """A country of residence covered by the Études en France scheme (editable list)."""

    __tablename__ = "etudes_en_france_country"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    __table_args__ = (CheckConstraint("length(code) = 2", name="code_length"),)


class Institution(Base):
    __tablename__ = "institution"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    courses: Mapped[list[Course]] = relationship(back_populates="institution")
    __table_args__ = (CheckConstraint("length(code) = 8", name="uai_length"),)


class Course(Base):
    """A Master course: mention and parcours at an institution, initial or in alternance."""

    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"))
    mention: Mapped[str] = mapped_column(String(200))
    mention_key: Mapped[str] = mapped_column(String(200))
    parcours: Mapped[str] = mapped_column(String(200), default="")
    parcours_key: Mapped[str] = mapped_column(String(200), default="")
    training_type: Mapped[TrainingType] = mapped_column(_enum(TrainingType, "training_type"))
    head_deadline: Mapped[date | None] = mapped_column(Date)
    institution: Mapped[Institution] = relationship(back_populates="courses")
    __table_args__ = (
        UniqueConstraint("institution_id", "mention_key", "parcours_key", "training_type"),
        CheckConstraint("length(mention) > 0", name="mention_present"),
        _codes("training_type", TrainingType),
    )


class Campaign(Base):
    """One year's calendar and caps (RULES.md §4); campaign data, editable by a clerk."""

    __tablename__ = "campaign"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    browsing_from: Mapped[date] = mapped_column(Date)
    main_apply_from: Mapped[date] = mapped_column(Date)
    main_apply_to: Mapped[date] = mapped_column(Date)
    exam_from: Mapped[date] = mapped_column(Date)
    exam_to: Mapped[date] = mapped_column(Date)
    main_admission_from: Mapped[date] = mapped_column(Date)
    main_admission_to: Mapped[date] = mapped_column(Date)
    complementary_from: Mapped[date] = mapped_column(Date)
    complementary_to: Mapped[date] = mapped_column(Date)
    complementary_apply_from: Mapped[date] = mapped_column(Date)
    complementary_apply_to: Mapped[date] = mapped_column(Date)
    #: The withdrawals phase (gestion des désistements, RULES.md §5); empty until recorded.
    withdrawals_from: Mapped[date | None] = mapped_column(Date)
    withdrawals_to: Mapped[date | None] = mapped_column(Date)
    main_cap_initial: Mapped[int] = mapped_column(Integer, default=15)
    main_cap_alternance: Mapped[int] = mapped_column(Integer, default=15)
    complementary_cap_initial: Mapped[int] = mapped_column(Integer, default=10)
    complementary_cap_alternance: Mapped[int] = mapped_column(Integer, default=10)
    version: Mapped[int] = mapped_column(Integer, default=1)
    bands: Mapped[list[RegistrationBand]] = relationship(
        back_populates="campaign",
        cascade="all, delete-orphan",
        order_by="RegistrationBand.accepted_from",
    )
    __table_args__ = (
        CheckConstraint("main_apply_from <= main_apply_to", name="main_window_order"),
        CheckConstraint(
            "complementary_apply_from <= complementary_apply_to", name="compl_window_order"
        ),
        CheckConstraint("main_cap_initial >= 0 AND main_cap_alternance >= 0", name="main_caps"),
        CheckConstraint(
            "complementary_cap_initial >= 0 AND complementary_cap_alternance >= 0",
            name="compl_caps",
        ),
    )
    __mapper_args__ = {"version_id_col": version}


class RegistrationBand(Base):
    """Offers accepted in [accepted_from, accepted_to] register by deadline (NULL: head sets it)."""

    __tablename__ = "registration_band"
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    accepted_from: Mapped[date] = mapped_column(Date)
    accepted_to: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    campaign: Mapped[Campaign] = relationship(back_populates="bands")


class Candidate(Base):
    __tablename__ = "candidate"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_number: Mapped[str] = mapped_column(String(32), unique=True)
    ine: Mapped[str | None] = mapped_column(String(11), unique=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(210))
    birth_date: Mapped[date] = mapped_column(Date)
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    nationality: Mapped[str] = mapped_column(String(2))
    residence_country: Mapped[str] = mapped_column(String(2))
    diploma: Mapped[Diploma] = mapped_column(_enum(Diploma, "diploma"))
    diploma_status: Mapped[DiplomaStatus] = mapped_column(
        _enum(DiplomaStatus, "diploma_status"), default=DiplomaStatus.OBTAINED
    )
    repeating_m1: Mapped[bool] = mapped_column(Boolean, default=False)
    ves_vap: Mapped[bool] = mapped_column(Boolean, default=False)
    automatic_admission: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolment_history: Mapped[EnrolmentHistory] = mapped_column(
        _enum(EnrolmentHistory, "enrolment_history")
    )
    notes: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    applications: Mapped[list[Application]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )
    __table_args__ = (
        CheckConstraint("length(candidate_number) > 0", name="number_present"),
        CheckConstraint("ine IS NULL OR length(ine) = 11", name="ine_length"),
        CheckConstraint("length(nationality) = 2", name="nationality_code"),
        CheckConstraint("length(residence_country) = 2", name="residence_code"),
        _codes("diploma", Diploma),
        _codes("diploma_status", DiplomaStatus),
        _codes("enrolment_history", EnrolmentHistory),
        # Covers the desk's default order (name, then number): 50,000 rows listed from the index.
        Index("ix_candidate_name_sort", "name_key", "candidate_number"),
    )
    __mapper_args__ = {"version_id_col": version}


class CandidateSearchToken(Base):
    """One word of a candidate's folded name: "lefev" finds Lefèvre through an index range."""

    __tablename__ = "candidate_search_token"
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(String(100), primary_key=True)
    __table_args__ = (Index("ix_candidate_search_token_token", "token", "candidate_id"),)


class Application(Base):
    __tablename__ = "application"
    id: Mapped[int] = mapped_column(primary_key=True)
    # No index of its own: the unique constraint below starts with candidate_id.
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"), index=True)
    phase: Mapped[Phase] = mapped_column(_enum(Phase, "phase"), default=Phase.MAIN)
    submitted_on: Mapped[date] = mapped_column(Date)
    status: Mapped[ApplicationStatus] = mapped_column(_enum(ApplicationStatus, "status"))
    waitlist_rank: Mapped[int | None] = mapped_column(Integer)
    rejection_reason: Mapped[RejectionReason | None] = mapped_column(
        _enum(RejectionReason, "rejection_reason")
    )
    rejection_detail: Mapped[str | None] = mapped_column(Text)
    notified_on: Mapped[date | None] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    registered_on: Mapped[date | None] = mapped_column(Date)
    #: Last day to ask for the reasons of a rejection (RULES.md §6), kept for SQL worklists.
    explanation_last_day: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    candidate: Mapped[Candidate] = relationship(back_populates="applications")
    campaign: Mapped[Campaign] = relationship()
    course: Mapped[Course] = relationship()
    __table_args__ = (
        UniqueConstraint("candidate_id", "campaign_id", "phase", "course_id"),
        Index("ix_application_explanation", "candidate_id", "explanation_last_day"),
        CheckConstraint("waitlist_rank IS NULL OR waitlist_rank > 0", name="rank_positive"),
        CheckConstraint(
            "status <> 'rejected' OR rejection_reason IS NOT NULL", name="rejection_has_reason"
        ),
        CheckConstraint(
            "status <> 'accepted_definitively' OR accepted_on IS NOT NULL",
            name="acceptance_has_date",
        ),
        _codes("phase", Phase),
        _codes("status", ApplicationStatus),
        _codes("rejection_reason", RejectionReason, nullable=True),
    )
    __mapper_args__ = {"version_id_col": version}


class CandidateStatus(Base):
    """What the rules concluded at the candidate's last write, kept for fast worklists.

    Recomputed by the controllers in the same transaction as every write that can change it
    (candidate, application, course deadline, campaign, settings); date-dependent flags are
    derived from these columns in SQL against the reference date.
    """

    __tablename__ = "candidate_status"
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True
    )
    eligible: Mapped[bool] = mapped_column(Boolean, index=True)
    ineligibility_reasons: Mapped[str] = mapped_column(String(200), default="")
    latest_campaign: Mapped[int | None] = mapped_column(Integer, index=True)
    counted_initial: Mapped[int] = mapped_column(Integer, default=0)
    counted_alternance: Mapped[int] = mapped_column(Integer, default=0)
    interrupted: Mapped[bool] = mapped_column(Boolean, default=False)
    accepted_label: Mapped[str | None] = mapped_column(String(420))
    accepted_on: Mapped[date | None] = mapped_column(Date)
    registration_deadline: Mapped[date | None] = mapped_column(Date, index=True)
    deadline_set_by_head: Mapped[bool] = mapped_column(Boolean, default=False)
    route: Mapped[Route | None] = mapped_column(_enum(Route, "route"))
    registered_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (_codes("route", Route, nullable=True),)


class AuditEntry(Base):
    """One change to one field (or a creation/deletion) with who and when."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    os_user: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    candidate_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        Index("ix_audit_entry_candidate", "candidate_id", "at"),
        CheckConstraint(
            "action IN ('create', 'update', 'delete', 'purge', 'import')", name="action"
        ),
    )


__all__ = [
    "Application",
    "AuditEntry",
    "Base",
    "Campaign",
    "Candidate",
    "CandidateSearchToken",
    "CandidateStatus",
    "Course",
    "EtudesEnFranceCountry",
    "Institution",
    "RegistrationBand",
    "Setting",
]
