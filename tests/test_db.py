"""The database file: permissions, pragmas, migrations, refusal of newer schemas, backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from platform_helpers import assert_owner_only
from sqlalchemy import text

from monmaster_desktop.db import (
    Database,
    DatabaseCorrupt,
    DatabaseTooNew,
    backup_database,
    on_network_share,
)


def test_new_file_is_owner_only_and_current(tmp_path: Path) -> None:
    """A new database is created 0600, in WAL mode with foreign keys, stamped at head."""
    path = tmp_path / "new.sqlite"
    with Database(path) as db, db.read() as session:
        assert_owner_only(path)
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    from monmaster_desktop.migrations import HEAD

    assert version == HEAD


def test_head_constant_matches_scripts() -> None:
    """The start-up fast path knows the newest migration script."""
    from alembic.script import ScriptDirectory

    from monmaster_desktop.db import alembic_config
    from monmaster_desktop.migrations import HEAD

    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [HEAD]


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    """An autogenerate comparison of the migrated file against the models finds nothing."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from monmaster_desktop.models import Base

    with Database(tmp_path / "m.sqlite") as db, db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_builtin_campaign_seeded_once(tmp_path: Path) -> None:
    """The 2024 campaign, its three bands and the 68 Études en France countries ship built in."""
    path = tmp_path / "s.sqlite"
    Database(path).close()
    with Database(path) as db, db.read() as session:
        assert session.execute(text("SELECT count(*) FROM campaign")).scalar() == 1
        assert session.execute(text("SELECT count(*) FROM registration_band")).scalar() == 3
        assert session.execute(text("SELECT count(*) FROM etudes_en_france_country")).scalar() == 68


def test_newer_schema_refused_untouched(tmp_path: Path) -> None:
    """A file stamped with an unknown newer revision is refused and left byte for byte."""
    path = tmp_path / "future.sqlite"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew) as refused:
        Database(path)
    assert "plus récente" in refused.value.message
    assert path.read_bytes() == before


def test_backup_is_consistent_and_private(tmp_path: Path) -> None:
    """A backup made while the database is open has the same rows and mode 0600."""
    path = tmp_path / "live.sqlite"
    with Database(path) as db:
        with db.write() as session:
            session.execute(text("INSERT INTO setting(key, value) VALUES ('x', 'y')"))
        target = backup_database(path, tmp_path / "copy.sqlite")
    assert_owner_only(target)
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT value FROM setting WHERE key='x'").fetchone() == ("y",)
    conn.close()


def test_backup_refuses_damaged_source(tmp_path: Path) -> None:
    """A file that fails quick_check is not copied over a good backup."""
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200 + b"garbage" * 100)
    with pytest.raises(DatabaseCorrupt):
        backup_database(bad, tmp_path / "never.sqlite")
    assert not (tmp_path / "never.sqlite").exists()


def test_local_disk_is_not_a_network_share(tmp_path: Path) -> None:
    """The test folder is on a local disk: no network-share warning."""
    assert on_network_share(tmp_path / "x.sqlite") is False


def test_older_file_upgraded_after_backup(tmp_path: Path) -> None:
    """A file at revision 0001 with a candidate is backed up, then upgraded: its name searchable."""
    from alembic import command

    from monmaster_desktop.db import alembic_config
    from monmaster_desktop.paths import backup_dir_for

    path = tmp_path / "old.sqlite"
    engine_db = Database(path, migrate=False)
    with engine_db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
    engine_db.close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO candidate (candidate_number, last_name, first_name, name_key, birth_date,"
        " nationality, residence_country, diploma, diploma_status, repeating_m1, ves_vap,"
        " automatic_admission, enrolment_history, version) VALUES ('A1', 'Lefèvre', 'Hélène',"
        " 'lefevre helene', '2001-01-01', 'FR', 'FR', 'licence', 'obtained', 0, 0, 0, 'never', 1)"
    )
    conn.commit()
    conn.close()
    with Database(path) as db, db.read() as session:
        tokens = session.execute(text("SELECT token FROM candidate_search_token")).scalars().all()
    assert sorted(tokens) == ["helene", "lefevre"]
    backups = list(backup_dir_for(path).glob("*avant-migration*0001*.sqlite"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    old.close()


def test_upgrade_keeps_rows_that_refer_to_rebuilt_tables(tmp_path: Path) -> None:
    """A file taken back to 0001 with a candidate and an application is upgraded losing nothing."""
    from datetime import date as day

    from alembic import command

    from monmaster_desktop.controllers.applications import ApplicationController
    from monmaster_desktop.controllers.candidates import CandidateController
    from monmaster_desktop.controllers.views import ApplicationData, CandidateData
    from monmaster_desktop.db import alembic_config
    from monmaster_desktop.domain import ApplicationStatus, Diploma, EnrolmentHistory, TrainingType

    path = tmp_path / "rows.sqlite"
    with Database(path) as db:
        cid = (
            CandidateController(db)
            .save(
                CandidateData(
                    "A1",
                    "Lefèvre",
                    "Hélène",
                    day(2001, 1, 1),
                    "FR",
                    "FR",
                    Diploma.LICENCE,
                    EnrolmentHistory.NEVER,
                )
            )
            .file.candidate_id
        )
        ApplicationController(db).save(
            cid,
            ApplicationData(
                2024,
                "0134009M",
                "Informatique",
                TrainingType.INITIAL,
                day(2024, 3, 1),
                ApplicationStatus.SUBMITTED,
            ),
        )
        with db.engine.connect() as conn:
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            with conn.begin():
                command.downgrade(alembic_config(conn), "0001")
    with Database(path) as db, db.read() as session:
        counts = [
            session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("candidate", "application", "candidate_status", "candidate_search_token")
        ]
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    from monmaster_desktop.migrations import HEAD

    assert version == HEAD
    assert counts == [1, 1, 1, 2]


def test_site_configuration_url_takes_the_clerks_login(monkeypatch) -> None:  # noqa: ANN001
    """[database] url = "postgresql://{login}@host/base": {login} is the clerk's OS login."""
    from monmaster_desktop.db import site_database_target

    monkeypatch.setenv("LOGNAME", "c.dupont")
    monkeypatch.setenv("USER", "c.dupont")
    assert (
        site_database_target("postgresql://{login}@scol-db.example.org/monmaster")
        == "postgresql://c.dupont@scol-db.example.org/monmaster"
    )
    assert site_database_target("/srv/scol/monmaster.sqlite") == Path("/srv/scol/monmaster.sqlite")
