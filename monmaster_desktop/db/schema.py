"""The schema (one Alembic history for both engines) and the built-in data seeded once."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from monmaster_desktop import paths
from monmaster_desktop.db.errors import DatabaseTooNew

if TYPE_CHECKING:
    from monmaster_desktop.db.base import Database


def alembic_config(connection=None):  # noqa: ANN001, ANN201
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent.parent / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def schema_revisions(db: Database) -> set[str]:
    """The Alembic revisions the database is stamped with (empty for a new database)."""
    with db.engine.connect() as conn:
        stamped = (
            {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
            if db.has_alembic_version(conn)
            else set()
        )
        conn.rollback()
    return stamped


def upgrade_schema(db: Database, *, backup_first: bool) -> None:
    """Bring the database to the current schema; refuse one written by a newer version."""
    from monmaster_desktop.migrations import HEAD

    if schema_revisions(db) == {HEAD}:
        return  # current: no need to load Alembic (≈0.4 s) at every start

    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    heads = set(script.get_heads())
    with db.engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
        conn.rollback()
    unknown = current - known
    if unknown:
        raise DatabaseTooNew(
            f"La base « {db.label} » a été écrite par une version plus récente de "
            f"Mon Master Desk (schéma {', '.join(sorted(unknown))}). Elle n'a pas été modifiée : "
            "installez la dernière version du programme pour l'ouvrir."
        )
    if current == heads:
        return
    if current and backup_first:
        db.backup_before_migration(current)
    db.run_migrations()


def load_defaults() -> dict:
    """The shipped defaults, with what the office's site configuration sets instead."""
    from monmaster_desktop.site import current_site

    defaults = json.loads(paths.resource("defaults.json").read_text(encoding="utf-8"))
    months = current_site().retention_months
    if months is not None:
        defaults["retention_months"] = months
    return defaults


def seed_defaults(session: Session) -> None:
    """Ship the built-in campaign, home institution and Études en France list, once."""
    from monmaster_desktop.models import (
        Campaign,
        EtudesEnFranceCountry,
        Institution,
        RegistrationBand,
        Setting,
    )

    if session.get(Setting, "home_institution_code") is not None:
        return
    defaults = load_defaults()
    home = defaults["home_institution"]
    session.add_all(
        [
            Setting(key="home_institution_code", value=home["code"]),
            Setting(key="home_institution_name", value=home["name"]),
            Setting(key="retention_months", value=str(defaults["retention_months"])),
        ]
    )
    if session.scalar(select(Institution).where(Institution.code == home["code"])) is None:
        session.add(Institution(code=home["code"], name=home["name"]))
    session.add_all(
        EtudesEnFranceCountry(code=code) for code in defaults["etudes_en_france"].split()
    )
    for data in defaults["campaigns"]:
        if session.scalar(select(Campaign).where(Campaign.year == data["year"])):
            continue
        values = {
            k: (date.fromisoformat(v) if isinstance(v, str) else v)
            for k, v in data.items()
            if k != "bands"
        }
        campaign = Campaign(**values)
        campaign.bands = [
            RegistrationBand(
                accepted_from=date.fromisoformat(b["accepted_from"]),
                accepted_to=date.fromisoformat(b["accepted_to"]) if b["accepted_to"] else None,
                deadline=date.fromisoformat(b["deadline"]) if b["deadline"] else None,
            )
            for b in data["bands"]
        ]
        session.add(campaign)
