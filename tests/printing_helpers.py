"""Builders for the sheet tests: CandidateFile values assessed by the real rules, PDF text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from monmaster_desktop.controllers.views import (
    ApplicationData,
    ApplicationView,
    CandidateData,
    CandidateFile,
)
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    EnrolmentHistory,
    Phase,
    TrainingType,
)
from monmaster_desktop.rules.assess import assess
from monmaster_desktop.rules.calendar import explanation_last_day
from monmaster_desktop.rules.facts import ApplicationFacts, CandidateFacts

# rules_helpers reads the built-in 2024 campaign from resources/defaults.json
from rules_helpers import calendar_2024, etudes_en_france  # isort: skip

HOME = "0134009M"
HOME_NAME = "Aix-Marseille Université"
OTHER = "0751717J"
OTHER_NAME = "Université Paris 1 Panthéon-Sorbonne"
AS_OF = date(2024, 7, 10)
PRINTED_ON = date(2024, 7, 10)
CLERK = "Mme Hélène Garçon"


def person(
    last_name: str = "Dupont",
    first_name: str = "Jeanne",
    *,
    number: str = "MM24-000001",
    **extra: object,
) -> CandidateData:
    """An eligible French licence holder, never enrolled at the home institution."""
    values: dict[str, object] = {
        "candidate_number": number,
        "last_name": last_name,
        "first_name": first_name,
        "birth_date": date(2002, 3, 9),
        "nationality": "FR",
        "residence_country": "FR",
        "diploma": Diploma.LICENCE,
        "enrolment_history": EnrolmentHistory.NEVER,
        "ine": "0123456789M",
    }
    values.update(extra)
    return CandidateData(**values)  # type: ignore[arg-type]


def application(
    mention: str = "Informatique",
    *,
    code: str = HOME,
    name: str | None = None,
    status: ApplicationStatus = ApplicationStatus.SUBMITTED,
    training: TrainingType = TrainingType.INITIAL,
    phase: Phase = Phase.MAIN,
    submitted_on: date = date(2024, 3, 1),
    **extra: object,
) -> ApplicationData:
    """A 2024 application (home institution unless ``code`` says otherwise)."""
    return ApplicationData(
        campaign_year=2024,
        institution_code=code,
        institution_name=name if name is not None else (HOME_NAME if code == HOME else OTHER_NAME),
        mention=mention,
        training_type=training,
        submitted_on=submitted_on,
        status=status,
        phase=phase,
        **extra,  # type: ignore[arg-type]
    )


def candidate_file(
    data: CandidateData | None = None,
    applications: Sequence[ApplicationData] = (),
    *,
    as_of: date = AS_OF,
    candidate_id: int = 1,
) -> CandidateFile:
    """A CandidateFile as the controllers would hand it over, assessed by rules.assess."""
    data = data or person()
    facts = CandidateFacts(
        nationality=data.nationality,
        residence_country=data.residence_country,
        diploma=data.diploma,
        diploma_status=data.diploma_status,
        repeating_m1=data.repeating_m1,
        ves_vap=data.ves_vap,
        automatic_admission=data.automatic_admission,
        enrolment_history=data.enrolment_history,
    )
    app_facts = [
        ApplicationFacts(
            institution_code=a.institution_code,
            mention=a.mention,
            training_type=a.training_type,
            phase=a.phase,
            status=a.status,
            submitted_on=a.submitted_on,
            parcours=a.parcours,
            campaign_year=a.campaign_year,
            waitlist_rank=a.waitlist_rank,
            rejection_reason=a.rejection_reason,
            notified_on=a.notified_on,
            accepted_on=a.accepted_on,
            registered_on=a.registered_on,
            key=index,
        )
        for index, a in enumerate(applications, start=1)
    ]
    calendar = calendar_2024()
    assessment = assess(
        facts,
        app_facts,
        {2024: calendar},
        home_institution=HOME,
        etudes_en_france=etudes_en_france(),
        as_of=as_of,
    )
    views = tuple(
        ApplicationView(
            id=index,
            version=1,
            data=a,
            institution_name=a.institution_name,
            explanation_last_day=(
                explanation_last_day(a.notified_on)
                if a.status is ApplicationStatus.REJECTED and a.notified_on
                else None
            ),
            counted=a.status is not ApplicationStatus.WITHDRAWN,
        )
        for index, a in enumerate(applications, start=1)
    )
    return CandidateFile(
        candidate_id=candidate_id,
        version=1,
        candidate=data,
        applications=views,
        assessment=assessment,
        campaign_year=2024,
        caps={Phase.MAIN: calendar.main_caps, Phase.COMPLEMENTARY: calendar.complementary_caps},
        home_institution_code=HOME,
        home_institution_name=HOME_NAME,
    )


def accepted_at_home(accepted_on: date, **extra: object) -> ApplicationData:
    """A home-institution offer accepted definitively on ``accepted_on``."""
    return application(
        "Informatique",
        parcours="Intelligence artificielle",
        status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
        notified_on=date(2024, 6, 4),
        accepted_on=accepted_on,
        **extra,
    )


def pdf_pages_text(path: Path) -> list[str]:
    """The text of every page of a PDF, read back with pdfium."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def flat(text: str) -> str:
    """Text with every run of white space made one space (lines wrap anywhere in a PDF)."""
    return " ".join(text.split())
