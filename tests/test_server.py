"""The shared server (FORMATS.md §5): roles the server enforces, the audit trail's logins,
the purge function, change notifications, transfer between engines, snapshots and restore.

Against a real PostgreSQL (tests/conftest.py); the transfers run from and to both engines.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import psycopg
import pytest
from psycopg import errors as pg
from sqlalchemy import func, select

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.backups import BackupController
from monmaster_desktop.controllers.campaigns import CampaignController
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.controllers.purge import PurgeController
from monmaster_desktop.db import Database, DatabaseDenied, DatabaseUnavailable
from monmaster_desktop.db.postgresql import ServerAddress
from monmaster_desktop.demo import generate, write_csv_files
from monmaster_desktop.local_server import free_port
from monmaster_desktop.models import AuditEntry, Candidate, Setting
from tests.safety_helpers import sample_candidate, table_counts

AS_OF = "2024-07-20"
server_only = pytest.mark.engine_only("postgresql")


def fill(db: Database, tmp_path: Path, count: int = 60, seed: int = 5) -> None:
    """Demo candidates and applications imported through the import controller."""
    cands, apps = write_csv_files(generate(count, seed=seed), tmp_path / f"in{seed}")
    result = ImportController(db).run(cands, apps)
    assert not result.problems, result.problems[:3]


def check_json(target: Path | str, capsys: pytest.CaptureFixture) -> bytes:
    capsys.readouterr()
    assert main(["check", "--json", "--today", AS_OF, "--database", str(target)]) == 0
    return capsys.readouterr().out.encode("utf-8")


def new_base(pg_server, name: str) -> str:  # noqa: ANN001
    pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    pg_server.admin(f"CREATE DATABASE {name}")
    return pg_server.url_for(name)


# --- roles, enforced by the server --------------------------------------------------------


def _privileges(url: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return (
            conn.execute(
                "SELECT c.relname, c.relacl::text FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1"
            ).fetchall()
            + conn.execute(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal "
                "ORDER BY 1, 2"
            ).fetchall()
        )


@server_only
def test_server_init_creates_schema_and_roles_and_a_rerun_changes_nothing(
    pg_server,  # noqa: ANN001
    capsys: pytest.CaptureFixture,
) -> None:
    """server init: schema at head, both roles with their grants; run again, nothing changes."""
    from monmaster_desktop.migrations import HEAD

    url = new_base(pg_server, "init_twice")
    assert main(["server", "init", url]) == 0
    first_out = capsys.readouterr().out
    assert f"schéma {HEAD}" in first_out
    before = _privileges(url)
    assert main(["server", "init", url]) == 0
    assert "Rôles déjà présents, inchangés." in capsys.readouterr().out
    assert _privileges(url) == before
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        roles = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
        grants = conn.execute(
            "SELECT privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = 'monmaster_clerk' AND table_name = 'audit_entry' ORDER BY 1"
        ).fetchall()
    assert {"monmaster_clerk", "monmaster_head"} <= roles
    assert grants == [("INSERT",), ("SELECT",)]


@server_only
def test_a_clerk_bypassing_the_window_is_refused_head_actions_by_the_server(
    db: Database,
    as_login,  # noqa: ANN001
) -> None:
    """A raw psycopg connection as a clerk: head's tables and the audit trail are refused."""
    CandidateController(db).save(sample_candidate("R-1"))
    clerk_url, _ = as_login("r.clerc")
    head_url, _ = as_login("h.chef", head=True)
    refused = [
        "UPDATE setting SET value = '1' WHERE key = 'retention_months'",
        "INSERT INTO etudes_en_france_country (code) VALUES ('ZZ')",
        "UPDATE campaign SET main_cap_initial = 99",
        "UPDATE course SET head_deadline = '2024-07-01'",
        "UPDATE audit_entry SET os_user = 'personne'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
        "SELECT monmaster_purge_candidates(ARRAY[1])",
    ]
    with psycopg.connect(clerk_url, autocommit=True) as conn:
        for statement in refused:
            with pytest.raises(pg.InsufficientPrivilege):
                conn.execute(statement)
        # what a clerk does is allowed
        conn.execute("UPDATE candidate SET notes = 'vu' WHERE candidate_number = 'R-1'")
    with psycopg.connect(head_url, autocommit=True) as conn:
        conn.execute("UPDATE setting SET value = '24' WHERE key = 'retention_months'")
        for statement in ("UPDATE audit_entry SET os_user = 'x'", "DELETE FROM audit_entry"):
            with pytest.raises(pg.InsufficientPrivilege):
                conn.execute(statement)
    with db.read() as session:
        assert session.get(Setting, "retention_months").value == "24"
        assert session.scalar(select(func.count()).select_from(AuditEntry)) > 0


@server_only
def test_a_clerk_gets_a_french_message_for_a_head_action_and_nothing_is_written(
    db: Database,
    as_login,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """Through the controllers as a clerk: settings and purge refused in French, nothing changed."""
    fill(db, tmp_path, count=10)
    clerk_url, _ = as_login("s.agent")
    before = CampaignController(db).settings()
    with Database(clerk_url) as clerk_db:
        controller = CampaignController(clerk_db)
        with pytest.raises(DatabaseDenied) as denied:
            controller.save_settings(replace(before, home_institution_name="Autre université"))
        with pytest.raises(DatabaseDenied):
            PurgeController(clerk_db).purge(date(2030, 1, 1))
    assert "réservée au responsable" in denied.value.message
    assert "s.agent" in denied.value.message and "Rien n'a été enregistré" in denied.value.message
    assert CampaignController(db).settings() == before
    assert table_counts(db.target)["candidate"] == 10


@server_only
def test_the_audit_trail_records_the_server_login_whatever_the_client_claims(
    db: Database,
    as_login,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A clerk's save is audited under his server login; a forged name is overwritten."""
    url, _ = as_login("m.martin")
    monkeypatch.setenv("USER", "quelqu-un-d-autre")
    monkeypatch.setenv("LOGNAME", "quelqu-un-d-autre")
    with Database(url) as clerk_db:
        cid = CandidateController(clerk_db).save(sample_candidate("L-1")).file.candidate_id
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO audit_entry (at, os_user, action, entity) "
            "VALUES (now(), 'directeur', 'update', 'candidate')"
        )
    with db.read() as session:
        users = set(session.scalars(select(AuditEntry.os_user)))
        stored = session.get(Candidate, cid)
    assert users == {"m.martin"}
    assert stored.updated_by == "m.martin"


@server_only
def test_purge_goes_through_the_server_function_and_takes_the_audit_rows(
    db: Database,
    as_login,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A head's purge deletes the expired candidates and their audit rows, keeps the rest."""
    fill(db, tmp_path, count=40)
    head_url, _ = as_login("p.chef", head=True)
    with Database(head_url) as head_db:
        purge = PurgeController(head_db)
        expected = purge.preview(date(2030, 1, 1))
        assert expected
        assert purge.purge(date(2030, 1, 1)).deleted == len(expected)
    numbers = [item.candidate_number for item in expected]
    with db.read() as session:
        gone_ids = session.scalars(
            select(Candidate.id).where(Candidate.candidate_number.in_(numbers))
        ).all()
        left_audit = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.candidate_id.isnot(None))
        )
        purge_rows = session.scalars(
            select(AuditEntry.os_user).where(AuditEntry.action == "purge")
        ).all()
    assert gone_ids == []
    assert purge_rows == ["p.chef"]
    with db.read() as session:
        kept_ids = set(session.scalars(select(Candidate.id)))
        orphans = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.candidate_id.isnot(None), AuditEntry.candidate_id.notin_(kept_ids))
        )
    assert orphans == 0
    assert kept_ids and left_audit > 0


# --- change notifications -----------------------------------------------------------------


@server_only
def test_other_desks_hear_a_save_with_entity_id_version_and_login(
    db: Database,
    as_login,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A save on one desk reaches a listening desk within 2 s: who, what, which version."""
    from monmaster_desktop.db.live import Change

    url, _ = as_login("n.durand")
    listener = db.listen()  # the window's own listener
    listener.open()
    try:
        with Database(url) as other:
            started = time.monotonic()
            cid = CandidateController(other).save(sample_candidate("N-1")).file.candidate_id
            heard: list = []
            while time.monotonic() - started < 2 and not heard:
                heard += [
                    c for c in listener.poll(0.2)
                    if isinstance(c, Change) and c.entity == "candidate"
                ]  # fmt: skip
        assert heard[0] == Change("candidate", cid, version=1, who="n.durand", candidate_id=cid)
        fill(db, tmp_path, count=40)  # an import: one payload per table and statement
        started, bulk = time.monotonic(), []
        while time.monotonic() - started < 2 and not bulk:
            bulk += [
                c for c in listener.poll(0.2)
                if isinstance(c, Change) and c.entity == "application" and c.id is None
            ]  # fmt: skip
        assert bulk and bulk[0].who == "postgres"
    finally:
        listener.close()


# --- transfer, snapshots, restore ---------------------------------------------------------


def test_transfer_file_to_server_and_back_keeps_every_row_and_check_is_identical(
    db: Database,
    db_target,  # noqa: ANN001
    engine: str,
    pg_server,  # noqa: ANN001
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
) -> None:
    """transfer SOURCE TARGET from either engine: same rows, same audit, same check --json."""
    fill(db, tmp_path)
    CandidateController(db).save(sample_candidate("T-1", notes="Des notes « accentuées » ✓"))
    db.close()
    source_check = check_json(db_target, capsys)
    if engine == "sqlite":
        target = new_base(pg_server, "transfer_in")
        assert main(["server", "init", target]) == 0
    else:
        target = tmp_path / "copie.sqlite"
    capsys.readouterr()
    assert main(["transfer", str(db_target), str(target)]) == 0
    assert "Transfert terminé" in capsys.readouterr().out
    assert check_json(target, capsys) == source_check
    assert len(json.loads(source_check)["candidates"]) == 61
    counts_source, counts_target = table_counts(db_target), table_counts(target)
    counts_source.pop("alembic_version", None), counts_target.pop("alembic_version", None)
    assert counts_source == counts_target
    with Database(db_target) as a, Database(target) as b, a.read() as sa, b.read() as sb:
        audit = select(AuditEntry.id, AuditEntry.os_user, AuditEntry.new_value).order_by(
            AuditEntry.id
        )
        assert sa.execute(audit).all() == sb.execute(audit).all()
        # the copy goes on: a new candidate takes a fresh id on the target
        CandidateController(b).save(sample_candidate("T-2"))


def test_transfer_refuses_a_target_that_is_not_empty(
    db: Database,
    db_target,  # noqa: ANN001
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
) -> None:
    """A target holding candidates, or an existing file, is refused: exit 1, nothing copied."""
    CandidateController(db).save(sample_candidate("E-1"))
    db.close()
    other = tmp_path / "autre.sqlite"
    with Database(other) as full:
        CandidateController(full).save(sample_candidate("E-2"))
    assert main(["transfer", str(db_target), str(other)]) == 1
    assert "existe déjà" in capsys.readouterr().err
    if isinstance(db_target, str):
        assert main(["transfer", str(other), db_target]) == 1
        assert "n'est pas vide" in capsys.readouterr().err
    assert table_counts(other)["candidate"] == 1


@server_only
def test_a_server_backup_is_one_consistent_snapshot_that_opens_offline(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """Rows committed by another desk during the backup are not in it: one instant, all tables."""
    import monmaster_desktop.transfer as transfer_module

    fill(db, tmp_path, count=30)
    real = transfer_module.bulk_insert_rows
    writes = []

    def meanwhile(session, table, keys, rows):  # noqa: ANN001, ANN202
        real(session, table, keys, rows)
        if table.name == "candidate" and not writes:  # between two tables of the copy
            CandidateController(db).save(sample_candidate("PENDANT"))
            writes.append(1)

    monkeypatch.setattr(transfer_module, "bulk_insert_rows", meanwhile)
    before = table_counts(db.target)
    out = tmp_path / "instantane.sqlite"
    assert main(["backup", str(out), "--database", db.target]) == 0
    assert writes == [1]
    snapshot = table_counts(out)
    assert snapshot["candidate"] == before["candidate"] == 30
    assert snapshot["audit_entry"] == before["audit_entry"]
    assert table_counts(db.target)["candidate"] == 31
    # the desk opens it offline, as any file
    with Database(out) as offline:
        assert CandidateController(offline).id_for_number("PENDANT") is None


@server_only
def test_snapshots_of_a_server_base_go_to_the_site_backup_folder(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """« Sauvegarder maintenant » on a server base writes to the folder IT configured (often a
    share), one sub-folder per login, like the office's file."""
    from monmaster_desktop.site import SITE_ENV, current_site, os_login

    share = tmp_path / "partage"
    site = tmp_path / "site.toml"
    site.write_text(f'[database]\nbackups = "{share.as_posix()}"\n', encoding="utf-8")
    monkeypatch.setenv(SITE_ENV, str(site))
    current_site.cache_clear()
    try:
        copy = BackupController(db).backup_now()
        assert copy.parent.parent == share / os_login()
        assert table_counts(copy)["campaign"] >= 1
    finally:
        monkeypatch.delenv(SITE_ENV)
        current_site.cache_clear()


@server_only
def test_restore_onto_the_server_is_a_heads_action(
    db: Database,
    as_login,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """A clerk's restore is refused by the server; a head's brings the snapshot's data back."""
    fill(db, tmp_path, count=20)
    snapshot = BackupController(db).backup_to(tmp_path / "avant.sqlite")
    CandidateController(db).save(sample_candidate("APRES"))
    audit_before = table_counts(db.target)["audit_entry"]
    clerk_url, _ = as_login("r.agent")
    with Database(clerk_url) as clerk_db, pytest.raises(DatabaseDenied):
        BackupController(clerk_db).restore(snapshot)
    assert table_counts(db.target)["candidate"] == 21
    head_url, _ = as_login("r.chef", head=True)
    with Database(head_url) as head_db:
        safety = BackupController(head_db).restore(snapshot)
    assert table_counts(safety)["candidate"] == 21
    counts = table_counts(db.target)
    assert counts["candidate"] == 20
    assert counts["audit_entry"] == audit_before + 1  # the trail is kept, and says so
    with Database(db.target) as again:
        CandidateController(again).save(sample_candidate("ENCORE"))


# --- connecting ---------------------------------------------------------------------------


def test_a_password_in_the_url_is_refused() -> None:
    """The password never comes from the command line: an URL holding one is refused."""
    with pytest.raises(DatabaseUnavailable) as refused:
        ServerAddress.parse("postgresql://dupont:secret@scol-db/monmaster")
    assert "mot de passe" in refused.value.message
    address = ServerAddress.parse("postgresql://dupont@scol-db:5433/monmaster?sslmode=require")
    assert (address.login, address.host, address.port, address.base) == (
        "dupont",
        "scol-db",
        5433,
        "monmaster",
    )
    assert address.connect_kwargs(None)["sslmode"] == "require"


def test_an_unreachable_server_is_said_in_french_without_waiting_long() -> None:
    """Nobody listening on the port: « Serveur injoignable », within the connect timeout."""
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailable) as down:
        Database(f"postgresql://dupont@127.0.0.1:{free_port()}/monmaster")
    assert "Serveur injoignable" in down.value.message
    assert time.monotonic() - started < 6


@server_only
def test_add_clerk_prompts_for_the_password_and_makes_a_login(
    pg_server,  # noqa: ANN001
    db_target,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """server add-clerk asks the password twice (never on the command line); --head promotes."""
    answers = iter(["motdepasse-1", "motdepasse-1", "motdepasse-2", "autre"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["server", "add-clerk", db_target, "j.nouveau"]) == 0
    assert "j.nouveau" in capsys.readouterr().out
    assert main(["server", "add-clerk", db_target, "j.nouveau", "--head"]) == 1
    assert "diffèrent" in capsys.readouterr().err
    with psycopg.connect(pg_server.url_for("postgres")) as conn:
        member_of = {
            r[0]
            for r in conn.execute(
                "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = 'j.nouveau'"
            )
        }
        can_login = conn.execute(
            "SELECT rolcanlogin, rolpassword IS NOT NULL FROM pg_authid WHERE rolname = 'j.nouveau'"
        ).fetchone()
    assert member_of == {"monmaster_clerk"}
    assert can_login == (True, True)


@server_only
def test_a_base_written_by_a_newer_version_is_refused_untouched(db: Database) -> None:
    """A server base stamped with an unknown revision: refused in French, nothing migrated."""
    from monmaster_desktop.db import DatabaseTooNew

    url = db.target
    db.close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseTooNew) as refused:
        Database(url)
    assert "version plus récente" in refused.value.message
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]


@server_only
def test_a_clerk_cannot_migrate_an_uninitialised_base_and_is_told_who_can(
    pg_server,  # noqa: ANN001
    as_login,  # noqa: ANN001
) -> None:
    """A clerk's desk on a base nobody prepared: French message naming server init."""
    as_login("v.vide")
    url = new_base(pg_server, "vide").replace("://postgres@", "://v.vide@")
    pg_server.admin("REVOKE CREATE ON SCHEMA public FROM PUBLIC", base="vide")
    with pytest.raises(DatabaseUnavailable) as refused:
        Database(url)
    assert "server init" in refused.value.message


@server_only
def test_the_password_comes_from_the_prompt_when_nothing_remembers_it(
    pg_server,  # noqa: ANN001
    db_target,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """No .pgpass line, no keyring: the prompt is asked until right; wrong then none: refused."""
    from tests.conftest import make_login, password_of

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "absent"))
    make_login(pg_server, "k.prompt")
    url = db_target.replace("://postgres@", "://k.prompt@")
    asked = []

    def prompt(address: ServerAddress) -> str | None:
        asked.append(address.login)
        return "faux" if len(asked) == 1 else password_of("k.prompt")

    with Database(url, password_prompt=prompt) as db:
        assert db.user_name() == "k.prompt"
        # the pool opens new connections with the same password, never asking again
        with db.read() as s1, db.read() as s2:
            s1.scalar(select(func.count()).select_from(Candidate))
            s2.scalar(select(func.count()).select_from(Candidate))
    assert asked == ["k.prompt", "k.prompt"]
    answers = iter(["faux", None])
    with pytest.raises(DatabaseDenied) as refused:
        Database(url, password_prompt=lambda _address: next(answers))
    assert "mot de passe absent ou incorrect" in refused.value.message


@server_only
def test_a_base_with_a_french_collation_sorts_like_a_file(
    pg_server,  # noqa: ANN001
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
) -> None:
    """A base created with ICU fr-FR still sorts text byte-wise: check --json as on the file."""
    pg_server.admin("DROP DATABASE IF EXISTS base_fr WITH (FORCE)")
    pg_server.admin(
        "CREATE DATABASE base_fr TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'fr-FR' "
        "LOCALE 'C.UTF-8'"
    )
    url = pg_server.url_for("base_fr")
    with psycopg.connect(url) as conn:  # the trap: linguistic order puts « ab » before « Ab »
        order = conn.execute("SELECT x FROM (VALUES ('Ab2'), ('ab1')) v(x) ORDER BY x").fetchall()
    assert order == [("ab1",), ("Ab2",)]
    source = tmp_path / "bureau.sqlite"
    with Database(source) as db:
        for number in ("ac3", "Ab2", "ab1", "AB-4"):
            CandidateController(db).save(sample_candidate(number, ine=None))
    assert main(["server", "init", url]) == 0
    assert main(["transfer", str(source), url]) == 0
    on_file, on_server = check_json(source, capsys), check_json(url, capsys)
    numbers = [c["candidate_number"] for c in json.loads(on_file)["candidates"]]
    assert numbers == ["AB-4", "Ab2", "ab1", "ac3"]
    assert on_server == on_file
    assert main(["server", "init", url]) == 0  # a re-run alters nothing more
