"""Plain values the controllers take and return: what a form holds, what a screen or sheet shows.

No live ORM object ever leaves a controller; windows, sheets and the CLI get these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Phase,
    RejectionReason,
    TrainingType,
)

if TYPE_CHECKING:  # the table's rows are read before the rules load (controllers/first_screen)
    from monmaster_desktop.rules.facts import Assessment, Caps


@dataclass(frozen=True, slots=True)
class CandidateData:
    """A candidate's identity and history, as typed in the form or read from an import row."""

    candidate_number: str
    last_name: str
    first_name: str
    birth_date: date
    nationality: str
    residence_country: str
    diploma: Diploma
    enrolment_history: EnrolmentHistory
    ine: str | None = None
    email: str | None = None
    phone: str | None = None
    diploma_status: DiplomaStatus = DiplomaStatus.OBTAINED
    repeating_m1: bool = False
    ves_vap: bool = False
    automatic_admission: bool = False
    notes: str | None = None

    def __post_init__(self) -> None:
        _coerce(
            self, diploma=Diploma, enrolment_history=EnrolmentHistory, diploma_status=DiplomaStatus
        )


@dataclass(frozen=True, slots=True)
class ApplicationData:
    """One application as typed in the form or read from an import row."""

    campaign_year: int
    institution_code: str
    mention: str
    training_type: TrainingType
    submitted_on: date
    status: ApplicationStatus
    phase: Phase = Phase.MAIN
    institution_name: str = ""
    parcours: str = ""
    waitlist_rank: int | None = None
    rejection_reason: RejectionReason | None = None
    rejection_detail: str | None = None
    notified_on: date | None = None
    accepted_on: date | None = None
    registered_on: date | None = None

    def __post_init__(self) -> None:
        _coerce(
            self,
            training_type=TrainingType,
            status=ApplicationStatus,
            phase=Phase,
            rejection_reason=RejectionReason,
        )


def _coerce(values: object, **kinds: type) -> None:
    """Codes given as plain strings (Qt combo boxes, scripts) become the domain's enums, so that
    every rule comparing with ``is`` sees the same member; an unknown code raises ValueError."""
    for name, kind in kinds.items():
        value = getattr(values, name)
        if value is not None and not isinstance(value, kind):
            object.__setattr__(values, name, kind(value))


@dataclass(frozen=True, slots=True)
class ApplicationView:
    """A stored application with what the desk shows beside it."""

    id: int
    version: int
    data: ApplicationData
    institution_name: str
    explanation_last_day: date | None = None
    counted: bool = True
    #: The dated fields (``submitted_on``, ``notified_on``, ``accepted_on``, ``registered_on``)
    #: that fall after the file's reference date: shown greyed, « postérieur à la date de
    #: référence », never as done (RULES.md §8).
    later: tuple[str, ...] = ()
    #: The status as it stood on the reference date (the recorded one, ``data.status``, may
    #: come from a later event). None when the application was not submitted yet.
    status_as_of: ApplicationStatus | None = None
    #: A provisional acceptance the platform made definitive on this day, the last day of the
    #: complementary phase (RULES.md §5): the record is behind, the clerk confirms it.
    definitive_on: date | None = None

    @property
    def submitted_later(self) -> bool:
        return "submitted_on" in self.later


@dataclass(frozen=True, slots=True)
class CandidateFile:
    """Everything about one candidate: identity, applications and the rules' conclusions."""

    candidate_id: int
    version: int
    candidate: CandidateData
    applications: tuple[ApplicationView, ...]
    assessment: Assessment
    campaign_year: int | None
    caps: dict[Phase, Caps]
    home_institution_code: str
    home_institution_name: str
    updated_at: datetime | None = None
    updated_by: str | None = None

    #: The reference date the file was read on (``assessment.as_of``).
    @property
    def as_of(self) -> date:
        return self.assessment.as_of

    @property
    def to_confirm(self) -> tuple[ApplicationView, ...]:
        """Provisional acceptances the platform made definitive (RULES.md §5), to confirm."""
        return tuple(v for v in self.applications if v.definitive_on is not None)

    @property
    def full_name(self) -> str:
        return f"{self.candidate.last_name.upper()} {self.candidate.first_name}"


@dataclass(frozen=True, slots=True)
class AuditView:
    at: datetime
    os_user: str
    action: str
    entity: str
    entity_id: int | None
    field: str | None
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """One line of the candidate table (main window), read straight from SQL."""

    id: int
    candidate_number: str
    last_name: str
    first_name: str
    ine: str | None
    eligible: bool
    counted_initial: int
    counted_alternance: int
    accepted_label: str | None
    registration_deadline: date | None
    flags: tuple[str, ...] = field(default_factory=tuple)
    #: Main-phase caps of the candidate's latest campaign (15 and 15 unless a clerk changed them).
    cap_initial: int = 15
    cap_alternance: int = 15
    #: Administrative registration at the home institution, when done.
    registered_on: date | None = None
