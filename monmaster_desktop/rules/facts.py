"""Plain facts the rules read, and the decisions they return: no database, no Qt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Flag,
    IneligibilityReason,
    Phase,
    RejectionReason,
    Route,
    TrainingType,
)


class RuleViolation(ValueError):
    """A write refused by a rule: a code, the French sentence, the field and the values."""

    def __init__(self, code: str, message: str, *, field: str | None = None, **values: object):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.values = values

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Caps:
    initial: int
    alternance: int

    def for_type(self, training_type: TrainingType) -> int:
        return self.alternance if training_type is TrainingType.ALTERNANCE else self.initial


@dataclass(frozen=True, slots=True)
class RegistrationBand:
    """Offers accepted from ``accepted_from`` to ``accepted_to`` (inclusive; None = no end)
    register by ``deadline`` (None = set by the head of the institution, per course)."""

    accepted_from: date
    accepted_to: date | None
    deadline: date | None


@dataclass(frozen=True, slots=True)
class CampaignCalendar:
    year: int
    browsing_from: date
    main_apply_from: date
    main_apply_to: date
    exam_from: date
    exam_to: date
    main_admission_from: date
    main_admission_to: date
    complementary_from: date
    complementary_to: date
    complementary_apply_from: date
    complementary_apply_to: date
    main_caps: Caps
    complementary_caps: Caps
    bands: tuple[RegistrationBand, ...] = ()
    #: The withdrawals phase (gestion des désistements): waitlist places kept by the candidate
    #: may still turn into offers (RULES.md §5). None while not recorded.
    withdrawals_from: date | None = None
    withdrawals_to: date | None = None

    @classmethod
    def from_record(cls, raw: Mapping[str, Any]) -> CampaignCalendar:
        """A calendar from its written form (resources/defaults.json): ISO dates, caps,
        bands with ``null`` for « no end » and « set by the head of the institution »."""

        def day(text: str | None) -> date | None:
            return date.fromisoformat(text) if text else None

        dates = {
            name: date.fromisoformat(raw[name])
            for name in (
                "browsing_from",
                "main_apply_from",
                "main_apply_to",
                "exam_from",
                "exam_to",
                "main_admission_from",
                "main_admission_to",
                "complementary_from",
                "complementary_to",
                "complementary_apply_from",
                "complementary_apply_to",
            )
        }
        return cls(
            year=int(raw["year"]),
            **dates,
            main_caps=Caps(raw["main_cap_initial"], raw["main_cap_alternance"]),
            complementary_caps=Caps(
                raw["complementary_cap_initial"], raw["complementary_cap_alternance"]
            ),
            bands=tuple(
                RegistrationBand(
                    date.fromisoformat(b["accepted_from"]),
                    day(b["accepted_to"]),
                    day(b["deadline"]),
                )
                for b in raw.get("bands", ())
            ),
            withdrawals_from=day(raw.get("withdrawals_from")),
            withdrawals_to=day(raw.get("withdrawals_to")),
        )

    def apply_window(self, phase: Phase) -> tuple[date, date]:
        if phase is Phase.COMPLEMENTARY:
            return self.complementary_apply_from, self.complementary_apply_to
        return self.main_apply_from, self.main_apply_to

    def caps(self, phase: Phase) -> Caps:
        return self.complementary_caps if phase is Phase.COMPLEMENTARY else self.main_caps


@dataclass(frozen=True, slots=True)
class CandidateFacts:
    nationality: str
    residence_country: str
    diploma: Diploma
    diploma_status: DiplomaStatus = DiplomaStatus.OBTAINED
    repeating_m1: bool = False
    ves_vap: bool = False
    automatic_admission: bool = False
    enrolment_history: EnrolmentHistory = EnrolmentHistory.NEVER


class ApplicationFacts(NamedTuple):
    """One application as the rules see it. ``key`` identifies it to the caller (e.g. its id).

    A named tuple rather than a dataclass: checks and imports build hundreds of thousands of
    them, and a tuple is five times cheaper to make.
    """

    institution_code: str
    mention: str
    training_type: TrainingType
    phase: Phase
    status: ApplicationStatus
    submitted_on: date | None = None
    parcours: str = ""
    campaign_year: int = 0
    waitlist_rank: int | None = None
    rejection_reason: RejectionReason | None = None
    notified_on: date | None = None
    accepted_on: date | None = None
    registered_on: date | None = None
    head_deadline: date | None = None
    key: object = None


@dataclass(frozen=True, slots=True)
class Eligibility:
    eligible: bool
    reasons: tuple[IneligibilityReason, ...]


@dataclass(frozen=True, slots=True)
class Registration:
    institution_code: str
    mention: str
    parcours: str
    accepted_on: date
    deadline: date | None
    route: Route
    registered_on: date | None
    application_key: object = None
    #: The acceptance is still recorded as provisional: the platform made it definitive on
    #: ``accepted_on``, the last day of the complementary phase, and the clerk has to confirm it.
    to_confirm: bool = False


class ExplanationDeadline(NamedTuple):
    institution_code: str
    mention: str
    notified_on: date
    last_day: date
    application_key: object = None


@dataclass(frozen=True, slots=True)
class CountedApplications:
    """Distinct mentions counted per phase and training type, with the mentions themselves."""

    counts: dict[tuple[Phase, TrainingType], int] = field(default_factory=dict)

    def get(self, phase: Phase, training_type: TrainingType) -> int:
        return self.counts.get((phase, training_type), 0)

    def as_json(self) -> dict[str, dict[str, int]]:
        return {phase.value: {t.value: self.get(phase, t) for t in TrainingType} for phase in Phase}


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything the rules conclude about one candidate on one reference date."""

    as_of: date
    eligibility: Eligibility
    counted: CountedApplications
    registration: Registration | None
    explanation_deadlines: tuple[ExplanationDeadline, ...]
    flags: tuple[Flag, ...]

    @property
    def must_contact_registrar(self) -> bool:
        from monmaster_desktop.domain import CONTACT_FLAGS

        return any(flag in CONTACT_FLAGS for flag in self.flags)
