"""Campaign calendars, the course catalogue and office settings: read, check, write, audit."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from monmaster_desktop.controllers.context import RulesContext, current_user, now
from monmaster_desktop.controllers.errors import Invalid, NotFound, StaleRecord
from monmaster_desktop.controllers.office_settings import (
    OfficeSettings,
    read_settings,
    save_settings,
    settings_problems,
)
from monmaster_desktop.controllers.records import (
    audit_rows,
    refresh_all_status,
    refresh_status,
    write_audit,
)
from monmaster_desktop.db import Database
from monmaster_desktop.domain import TrainingType
from monmaster_desktop.models import (
    Application,
    Campaign,
    Course,
    EtudesEnFranceCountry,
    Institution,
    RegistrationBand,
)
from monmaster_desktop.rules.calendar import fr_date
from monmaster_desktop.rules.facts import RuleViolation

#: The calendar dates of a campaign (RULES.md §4), in the order they must follow, with their names.
DATE_FIELDS: tuple[tuple[str, str], ...] = (
    ("browsing_from", "l'ouverture de la consultation"),
    ("main_apply_from", "le début des candidatures"),
    ("main_apply_to", "la fin des candidatures"),
    ("exam_from", "le début de l'examen des dossiers"),
    ("exam_to", "la fin de l'examen des dossiers"),
    ("main_admission_from", "le début de la phase d'admission principale"),
    ("main_admission_to", "la fin de la phase d'admission principale"),
    ("complementary_from", "le début de la phase complémentaire"),
    ("complementary_to", "la fin de la phase complémentaire"),
)
#: The complementary phase's application window, which lies inside that phase.
COMPLEMENTARY_APPLY = (
    ("complementary_apply_from", "le début des candidatures en phase complémentaire"),
    ("complementary_apply_to", "la fin des candidatures en phase complémentaire"),
)
#: The withdrawals phase (gestion des désistements, RULES.md §5): after the complementary
#: phase; optional (empty until a clerk records it).
WITHDRAWALS = (
    ("withdrawals_from", "le début de la gestion des désistements"),
    ("withdrawals_to", "la fin de la gestion des désistements"),
)
CAP_FIELDS = (
    "main_cap_initial",
    "main_cap_alternance",
    "complementary_cap_initial",
    "complementary_cap_alternance",
)


@dataclass(frozen=True, slots=True)
class BandData:
    """Offers accepted from ``accepted_from`` to ``accepted_to`` (None: no end) register by
    ``deadline`` (None: set by the head of the institution)."""

    accepted_from: date
    accepted_to: date | None = None
    deadline: date | None = None


@dataclass(frozen=True, slots=True)
class CampaignData:
    """One campaign as the dialog edits it; ``id`` and ``version`` are None for a new one."""

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
    main_cap_initial: int = 15
    main_cap_alternance: int = 15
    complementary_cap_initial: int = 10
    complementary_cap_alternance: int = 10
    confirmed: bool = False
    bands: tuple[BandData, ...] = ()
    withdrawals_from: date | None = None
    withdrawals_to: date | None = None
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class InstitutionRow:
    id: int
    code: str
    name: str
    course_count: int


@dataclass(frozen=True, slots=True)
class CourseRow:
    id: int
    institution_code: str
    institution_name: str
    mention: str
    parcours: str
    training_type: TrainingType
    head_deadline: date | None
    application_count: int


def shift_year(day: date | None, years: int = 1) -> date | None:
    """The same day ``years`` later; 29 February becomes 28 February."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _campaign_data(campaign: Campaign) -> CampaignData:
    values = {
        name: getattr(campaign, name) for name, _ in DATE_FIELDS + COMPLEMENTARY_APPLY + WITHDRAWALS
    }
    values |= {name: getattr(campaign, name) for name in CAP_FIELDS}
    return CampaignData(
        year=campaign.year,
        confirmed=campaign.confirmed,
        bands=tuple(BandData(b.accepted_from, b.accepted_to, b.deadline) for b in campaign.bands),
        id=campaign.id,
        version=campaign.version,
        **values,
    )


def _audited(data: CampaignData) -> dict[str, object]:
    values = asdict(data)
    del values["id"], values["version"], values["bands"]
    values["bands"] = "; ".join(
        f"{fr_date(b.accepted_from)}–{fr_date(b.accepted_to) if b.accepted_to else 'sans fin'}"
        f" → {fr_date(b.deadline) if b.deadline else 'chef d’établissement'}"
        for b in data.bands
    )
    return values


def campaign_problems(data: CampaignData) -> list[RuleViolation]:
    """Everything wrong with a campaign: dates in order, bands consistent, caps positive."""
    problems: list[RuleViolation] = []
    if not 2000 <= data.year <= 2100:
        problems.append(
            RuleViolation("year", f"Année {data.year} : entre 2000 et 2100.", field="year")
        )
    elif data.main_apply_from.year != data.year:
        problems.append(
            RuleViolation(
                "year_mismatch",
                f"Début des candidatures ({fr_date(data.main_apply_from)}) : hors de l'année "
                f"de la campagne {data.year}.",
                field="main_apply_from",
            )
        )
    ordered = [(name, label, getattr(data, name)) for name, label in DATE_FIELDS]
    for (_, earlier_label, earlier), (name, label, later) in zip(ordered, ordered[1:]):
        if later < earlier:
            problems.append(_order_problem(name, label, later, earlier_label, earlier))
    (from_name, from_label), (to_name, to_label) = COMPLEMENTARY_APPLY
    start, end = data.complementary_apply_from, data.complementary_apply_to
    if start < data.complementary_from:
        problems.append(
            _order_problem(
                from_name,
                from_label,
                start,
                "le début de la phase complémentaire",
                data.complementary_from,
            )
        )
    if end < start:
        problems.append(_order_problem(to_name, to_label, end, from_label, start))
    elif end > data.complementary_to:
        problems.append(
            RuleViolation(
                "dates_out_of_order",
                f"{_sentence(to_label)} ({fr_date(end)}) tombe après la fin de la phase "
                f"complémentaire ({fr_date(data.complementary_to)}).",
                field=to_name,
            )
        )
    problems += _withdrawals_problems(data)
    for name in CAP_FIELDS:
        if getattr(data, name) < 0:
            problems.append(RuleViolation("cap", "Plafond : un entier positif ou nul.", field=name))
    problems += band_problems(data.bands)
    return problems


def _withdrawals_problems(data: CampaignData) -> list[RuleViolation]:
    """Both dates or neither; after the complementary phase; in order."""
    (from_name, from_label), (to_name, to_label) = WITHDRAWALS
    start, end = data.withdrawals_from, data.withdrawals_to
    if start is None and end is None:
        return []
    if start is None or end is None:
        missing, label = (from_name, from_label) if start is None else (to_name, to_label)
        return [
            RuleViolation(
                "withdrawals_incomplete",
                f"Gestion des désistements : indiquez aussi {label} (ou laissez les deux dates "
                "vides).",
                field=missing,
            )
        ]
    if start <= data.complementary_to:
        return [
            RuleViolation(
                "dates_out_of_order",
                f"{_sentence(from_label)} ({fr_date(start)}) doit suivre la fin de la phase "
                f"complémentaire ({fr_date(data.complementary_to)}).",
                field=from_name,
            )
        ]
    if end < start:
        return [_order_problem(to_name, to_label, end, from_label, start)]
    return []


def _sentence(label: str) -> str:
    return label[0].upper() + label[1:]


def _order_problem(
    name: str, label: str, later: date, earlier_label: str, earlier: date
) -> RuleViolation:
    return RuleViolation(
        "dates_out_of_order",
        f"{_sentence(label)} ({fr_date(later)}) tombe avant {earlier_label} "
        f"({fr_date(earlier)}) : les dates doivent se suivre.",
        field=name,
    )


def band_problems(bands: tuple[BandData, ...]) -> list[RuleViolation]:
    """Registration bands: each in order, one after the other, only the last without an end."""
    problems = []
    for number, band in enumerate(bands, start=1):
        if band.accepted_to is not None and band.accepted_to < band.accepted_from:
            problems.append(
                RuleViolation(
                    "band_order",
                    f"Tranche {number} : fin ({fr_date(band.accepted_to)}) antérieure au début "
                    f"({fr_date(band.accepted_from)}).",
                    field="bands",
                    row=number,
                )
            )
        if band.deadline is not None and band.deadline < band.accepted_from:
            problems.append(
                RuleViolation(
                    "band_deadline",
                    f"Tranche {number} : date limite ({fr_date(band.deadline)}) antérieure au "
                    f"début de la tranche ({fr_date(band.accepted_from)}).",
                    field="bands",
                    row=number,
                )
            )
    for number, (band, following) in enumerate(zip(bands, bands[1:]), start=1):
        if band.accepted_to is None or following.accepted_from <= band.accepted_to:
            problems.append(
                RuleViolation(
                    "band_overlap",
                    f"Tranches {number} et {number + 1} : la tranche {number + 1} doit commencer "
                    f"après la fin de la tranche {number}.",
                    field="bands",
                    row=number + 1,
                )
            )
    return problems


class CampaignController:
    """Campaigns, the course catalogue and office settings; every write audited and the
    candidates' stored status recomputed in the same transaction."""

    def __init__(self, db: Database):
        self.db = db

    # -- campaigns -------------------------------------------------------------------------

    def years(self) -> list[int]:
        with self.db.read() as session:
            return list(session.scalars(select(Campaign.year).order_by(Campaign.year.desc())))

    def get(self, year: int) -> CampaignData:
        with self.db.read() as session:
            campaign = session.scalar(select(Campaign).where(Campaign.year == year))
            if campaign is None:
                raise NotFound(f"La campagne {year} n'existe pas.")
            return _campaign_data(campaign)

    def proposal(self) -> CampaignData:
        """A new campaign: the latest one shifted by a year, unconfirmed (the clerk checks it)."""
        years = self.years()
        if not years:
            raise NotFound("Aucune campagne à reprendre : saisissez les dates.")
        latest = self.get(years[0])
        dates = {
            name: shift_year(getattr(latest, name))
            for name, _ in DATE_FIELDS + COMPLEMENTARY_APPLY + WITHDRAWALS
        }
        bands = tuple(
            BandData(shift_year(b.accepted_from), shift_year(b.accepted_to), shift_year(b.deadline))
            for b in latest.bands
        )
        return replace(
            latest,
            year=latest.year + 1,
            confirmed=False,
            bands=bands,
            id=None,
            version=None,
            **dates,
        )

    def problems(self, data: CampaignData) -> list[RuleViolation]:
        problems = campaign_problems(data)
        with self.db.read() as session:
            problems += self._year_taken(session, data)
        return problems

    @staticmethod
    def _year_taken(session: Session, data: CampaignData) -> list[RuleViolation]:
        other = session.scalar(
            select(Campaign.id).where(Campaign.year == data.year, Campaign.id != (data.id or -1))
        )
        if other is None:
            return []
        return [RuleViolation("year_taken", f"La campagne {data.year} existe déjà.", field="year")]

    def save(self, data: CampaignData) -> CampaignData:
        """Create (no id) or update a campaign; refuses with Invalid or StaleRecord."""
        problems = campaign_problems(data)
        if problems:
            raise Invalid(problems)
        user, at = current_user(), now()
        with self.db.write() as session:
            problems = self._year_taken(session, data)
            if problems:
                raise Invalid(problems)
            values = {
                name: getattr(data, name)
                for name, _ in DATE_FIELDS + COMPLEMENTARY_APPLY + WITHDRAWALS
            } | {name: getattr(data, name) for name in CAP_FIELDS}
            values |= {"year": data.year, "confirmed": data.confirmed}
            if data.id is None:
                campaign = Campaign(**values)
                session.add(campaign)
                old = None
            else:
                campaign = session.get(Campaign, data.id)
                if campaign is None:
                    raise NotFound("Cette campagne n'existe plus (supprimée sur un autre poste ?).")
                if data.version is not None and campaign.version != data.version:
                    raise StaleRecord("campagne", None, None)
                old = _audited(_campaign_data(campaign))
                for name, value in values.items():
                    setattr(campaign, name, value)
            new = _audited(data)
            if old is None or old["bands"] != new["bands"]:
                campaign.bands = [
                    RegistrationBand(
                        accepted_from=b.accepted_from,
                        accepted_to=b.accepted_to,
                        deadline=b.deadline,
                    )
                    for b in data.bands
                ]
                if old is not None:
                    flag_modified(campaign, "year")  # a band change is a new version too
            session.flush()
            write_audit(
                session,
                audit_rows(
                    at=at,
                    user=user,
                    action="create" if old is None else "update",
                    entity="campaign",
                    entity_id=campaign.id,
                    candidate_id=None,
                    old=old,
                    new=new,
                ),
            )
            refresh_all_status(session, RulesContext.load(session))
            return _campaign_data(campaign)

    # -- the course catalogue ----------------------------------------------------------------

    def institutions(self) -> list[InstitutionRow]:
        with self.db.read() as session:
            rows = session.execute(
                select(Institution.id, Institution.code, Institution.name, func.count(Course.id))
                .outerjoin(Course, Course.institution_id == Institution.id)
                .group_by(Institution.id)
                .order_by(Institution.name, Institution.code)
            ).all()
        return [InstitutionRow(*row) for row in rows]

    def courses(self, institution_id: int | None = None) -> list[CourseRow]:
        query = (
            select(
                Course.id,
                Institution.code,
                Institution.name,
                Course.mention,
                Course.parcours,
                Course.training_type,
                Course.head_deadline,
                func.count(Application.id),
            )
            .join(Institution, Course.institution_id == Institution.id)
            .outerjoin(Application, Application.course_id == Course.id)
            .group_by(Course.id, Institution.id)  # standard SQL: every selected table's key
            .order_by(Course.mention_key, Course.parcours_key, Course.training_type)
        )
        if institution_id is not None:
            query = query.where(Course.institution_id == institution_id)
        with self.db.read() as session:
            return [
                CourseRow(r[0], r[1], r[2], r[3], r[4], TrainingType(r[5]), r[6], r[7])
                for r in session.execute(query)
            ]

    def set_head_deadline(self, course_id: int, deadline: date | None) -> None:
        """Record the registration deadline set by the head of the institution for a course.

        Only the candidates who applied to this course can change, so only they are
        recomputed (the same result as recomputing everyone, without the cost).
        """
        user, at = current_user(), now()
        with self.db.write() as session:
            course = session.get(Course, course_id)
            if course is None:
                raise NotFound("Cette formation n'existe plus.")
            rows = audit_rows(
                at=at,
                user=user,
                action="update",
                entity="course",
                entity_id=course.id,
                candidate_id=None,
                old={"head_deadline": course.head_deadline},
                new={"head_deadline": deadline},
            )
            if not rows:
                return
            course.head_deadline = deadline
            session.flush()
            write_audit(session, rows)
            affected = session.scalars(
                select(Application.candidate_id).where(Application.course_id == course.id)
            ).all()
            refresh_status(session, RulesContext.load(session), affected)

    def rename_institution(self, institution_id: int, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            raise Invalid(
                [
                    RuleViolation(
                        "required", "Nom de l'établissement : champ obligatoire.", field="name"
                    )
                ]
            )
        user, at = current_user(), now()
        with self.db.write() as session:
            institution = session.get(Institution, institution_id)
            if institution is None:
                raise NotFound("Cet établissement n'existe plus.")
            rows = audit_rows(
                at=at,
                user=user,
                action="update",
                entity="institution",
                entity_id=institution.id,
                candidate_id=None,
                old={"name": institution.name},
                new={"name": name},
            )
            institution.name = name
            write_audit(session, rows)

    # -- office settings (controllers/office_settings.py) -------------------------------------

    def settings(self) -> OfficeSettings:
        return read_settings(self.db)

    def settings_notes(self) -> list[str]:
        """What the settings dialog must tell the clerk about the shipped data (French): the
        shipped Études en France list changed while this office's edited list was kept, and
        the report of the last database update (typography of mentions), if any."""
        from monmaster_desktop.models import Setting

        with self.db.read() as session:
            values = dict(
                session.execute(
                    select(Setting.key, Setting.value).where(
                        Setting.key.in_(["etudes_en_france_shipped_changed", "migration_report"])
                    )
                ).all()
            )
            codes = set(session.scalars(select(EtudesEnFranceCountry.code)))
        notes = []
        if values.get("etudes_en_france_shipped_changed") and "LA" not in codes:
            notes.append(
                "La liste livrée a changé : elle compte désormais 68 pays, le Laos (LA) ajouté. "
                "Votre liste, modifiée par le service, a été gardée telle quelle : ajoutez le "
                "Laos si la source que vous suivez le compte."
            )
        if values.get("migration_report"):
            notes.append(values["migration_report"])
        return notes

    def unseen_migration_report(self) -> str | None:
        """The last database update's report (French), once: the desk shows it at start and
        it is marked seen; the settings dialog keeps showing it."""
        from monmaster_desktop.models import Setting

        with self.db.write() as session:
            report = session.get(Setting, "migration_report")
            if report is None or session.get(Setting, "migration_report_seen") is not None:
                return None
            session.add(Setting(key="migration_report_seen", value=now().isoformat()))
            return report.value

    @staticmethod
    def settings_problems(settings: OfficeSettings) -> list[RuleViolation]:
        return settings_problems(settings)

    def save_settings(
        self, settings: OfficeSettings, *, expected: OfficeSettings | None = None
    ) -> OfficeSettings:
        """Home institution and Études en France list, in one audited transaction; refused
        (StaleRecord) when another desk changed them since ``expected`` was read."""
        return save_settings(self.db, settings, expected=expected)
