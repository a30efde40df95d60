"""Office settings (home institution, Études en France list): read, check, save with the same
optimistic check as records — a desk opened earlier never silently undoes another's change."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from monmaster_desktop.controllers.context import RulesContext, current_user, now
from monmaster_desktop.controllers.errors import Invalid, StaleRecord
from monmaster_desktop.controllers.records import audit_rows, refresh_all_status, write_audit
from monmaster_desktop.db import Database
from monmaster_desktop.io.countries import all_countries, country_name_fr
from monmaster_desktop.models import AuditEntry, EtudesEnFranceCountry, Institution, Setting
from monmaster_desktop.rules.facts import RuleViolation

_UAI = re.compile(r"\d{7}[A-Z]")
_KEYS = ("home_institution_code", "home_institution_name", "etudes_en_france")


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    home_institution_code: str
    home_institution_name: str
    etudes_en_france: tuple[str, ...] = field(default_factory=tuple)

    def normalised(self) -> OfficeSettings:
        return OfficeSettings(
            self.home_institution_code.strip().upper(),
            " ".join(self.home_institution_name.split()),
            tuple(sorted({c.strip().upper() for c in self.etudes_en_france})),
        )


class StaleSettings(StaleRecord):
    """The office settings changed on another desk since they were read: who, when and what."""

    def __init__(
        self, changed_at, changed_by: str | None, differences: list[str]  # noqa: ANN001
    ):
        super().__init__("réglages du service", changed_at, changed_by)
        when = changed_at.strftime("le %d/%m/%Y à %H:%M") if changed_at else "entre-temps"
        who = f"par {changed_by}" if changed_by else "sur un autre poste"
        self.differences = differences
        self.message = (
            f"Les réglages du service ont été modifiés {who} {when}, depuis que vous les avez "
            "ouverts : " + " ; ".join(differences) + ". Rien n'a été enregistré et vos saisies "
            "sont gardées : rechargez les réglages pour partir des nouveaux, ou gardez vos "
            "saisies pour les comparer."
        )
        self.args = (self.message,)


def read_settings(db: Database) -> OfficeSettings:
    with db.read() as session:
        return _stored(session)


def _stored(session: Session) -> OfficeSettings:
    ctx = RulesContext.load(session)
    return OfficeSettings(
        ctx.home_institution_code,
        ctx.home_institution_name,
        tuple(sorted(ctx.etudes_en_france)),
    )


def settings_problems(settings: OfficeSettings) -> list[RuleViolation]:
    problems = []
    code = settings.home_institution_code.strip().upper()
    if not _UAI.fullmatch(code):
        problems.append(
            RuleViolation(
                "uai",
                f"Code UAI « {settings.home_institution_code} » : 7 chiffres suivis d'une "
                "lettre attendus.",
                field="home_institution_code",
            )
        )
    if not settings.home_institution_name.strip():
        problems.append(
            RuleViolation(
                "required", "Nom de l'établissement : champ obligatoire.",
                field="home_institution_name",
            )
        )
    known = {code for code, _, _ in all_countries()}
    for country in settings.etudes_en_france:
        if country not in known:
            problems.append(
                RuleViolation(
                    "country", f"« {country} » n'est pas un code pays ISO 3166-1.",
                    field="etudes_en_france",
                )
            )
    return problems


def _differences(before: OfficeSettings, after: OfficeSettings) -> list[str]:
    """What another desk changed, in the clerk's words."""
    said = []
    if before.home_institution_code != after.home_institution_code:
        said.append(
            f"code UAI {before.home_institution_code} → {after.home_institution_code}"
        )
    if before.home_institution_name != after.home_institution_name:
        said.append(
            f"nom « {before.home_institution_name} » → « {after.home_institution_name} »"
        )
    added = sorted(set(after.etudes_en_france) - set(before.etudes_en_france))
    removed = sorted(set(before.etudes_en_france) - set(after.etudes_en_france))
    if added:
        said.append("pays ajouté(s) à la liste Études en France : " + _names(added))
    if removed:
        said.append("pays retiré(s) de la liste Études en France : " + _names(removed))
    return said


def _names(codes: list[str]) -> str:
    return ", ".join(f"{country_name_fr(code)} ({code})" for code in codes)


def _last_change(session: Session) -> tuple:
    """When and by whom the settings were last saved (from the audit trail)."""
    row = session.execute(
        select(AuditEntry.at, AuditEntry.os_user)
        .where(AuditEntry.entity == "setting", AuditEntry.field.in_(_KEYS))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else (None, None)


def save_settings(
    db: Database, settings: OfficeSettings, *, expected: OfficeSettings | None = None
) -> OfficeSettings:
    """Home institution and Études en France list, in one audited transaction.

    ``expected`` is what the clerk's window read when it opened: if the stored settings differ
    from it (another desk saved meanwhile), nothing is written and StaleSettings says who, when
    and what changed. Without ``expected`` (scripts), the values are written as given.
    """
    settings = settings.normalised()
    problems = settings_problems(settings)
    if problems:
        raise Invalid(problems)
    user, at = current_user(), now()
    with db.write() as session:
        if expected is not None:
            stored_now = _stored(session)
            if stored_now != expected.normalised():
                changed_at, changed_by = _last_change(session)
                raise StaleSettings(
                    changed_at, changed_by, _differences(expected.normalised(), stored_now)
                )
        stored = dict(session.execute(select(Setting.key, Setting.value)).all())
        audit: list[dict] = []
        for key in ("home_institution_code", "home_institution_name"):
            value = getattr(settings, key)
            audit += audit_rows(
                at=at, user=user, action="update", entity="setting", entity_id=None,
                candidate_id=None, old={key: stored.get(key)}, new={key: value},
            )
            session.merge(Setting(key=key, value=value))
        institution = session.scalar(
            select(Institution).where(Institution.code == settings.home_institution_code)
        )
        if institution is None:
            session.add(
                Institution(
                    code=settings.home_institution_code, name=settings.home_institution_name
                )
            )
        current = set(session.scalars(select(EtudesEnFranceCountry.code)))
        wanted = set(settings.etudes_en_france)
        for code in sorted(wanted - current):
            session.add(EtudesEnFranceCountry(code=code))
        for code in sorted(current - wanted):
            session.delete(session.get(EtudesEnFranceCountry, code))
        if wanted != current:
            audit += audit_rows(
                at=at, user=user, action="update", entity="setting", entity_id=None,
                candidate_id=None,
                old={"etudes_en_france": _country_list(current)},
                new={"etudes_en_france": _country_list(wanted)},
            )
        session.flush()
        write_audit(session, audit)
        refresh_all_status(session, RulesContext.load(session))
    return settings


def _country_list(codes: set[str]) -> str:
    return f"{len(codes)} pays : " + ", ".join(
        f"{code} ({country_name_fr(code)})" for code in sorted(codes)
    )
