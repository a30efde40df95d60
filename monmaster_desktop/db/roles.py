"""What makes the PostgreSQL server enforce the rules itself (FORMATS.md §5).

- Two roles: ``monmaster_clerk`` (candidates, applications, imports — which may add courses
  and institutions to the catalogue —, reading everything for exports, sheets, check, stats
  and snapshots) and ``monmaster_head`` (a clerk, plus campaigns and calendars, the catalogue's
  head-of-institution deadlines, settings, purge and restore). Logins are members of one.
- The audit trail is append-only for both: INSERT and SELECT, never UPDATE or DELETE.
- A trigger stamps audit rows (and ``updated_by`` of candidates and applications) with the
  server login of whoever writes (``session_user``), whatever the client claims. Only the
  schema owner, copying a base (``transfer``), may keep the logins it copies.
- The retention purge goes through ``monmaster_purge_candidates``, a SECURITY DEFINER function
  owned by the schema owner, the only way to delete audit rows: those of the purged people.
- Statement triggers notify other desks of changes (payload in :mod:`monmaster_desktop.db.postgresql`).

Everything here is idempotent: ``server init`` run again changes nothing.
"""

from __future__ import annotations

import re

from monmaster_desktop.db.postgresql import CHANNEL, NOTIFY_ROWS_MAX

CLERK, HEAD = "monmaster_clerk", "monmaster_head"

#: Tables a clerk writes (privileges), beyond reading every table.
CLERK_WRITES = {
    "candidate": "INSERT, UPDATE, DELETE",
    "application": "INSERT, UPDATE, DELETE",
    "candidate_status": "INSERT, UPDATE, DELETE",
    "candidate_search_token": "INSERT, UPDATE, DELETE",
    "course": "INSERT",  # imports add courses to the catalogue
    "institution": "INSERT, UPDATE (name)",  # ... and institutions, naming unnamed ones
    "audit_entry": "INSERT",
}
#: Tables only a head writes (a head also holds every clerk privilege).
HEAD_WRITES = {
    "campaign": "INSERT, UPDATE, DELETE",
    "registration_band": "INSERT, UPDATE, DELETE",
    "course": "INSERT, UPDATE, DELETE",
    "institution": "INSERT, UPDATE, DELETE",
    "setting": "INSERT, UPDATE, DELETE",
    "etudes_en_france_country": "INSERT, UPDATE, DELETE",
    "rules_revision": "UPDATE",  # by the triggers of the tables above
}
STAMPED_TABLES = ("audit_entry", "candidate", "application")
NOTIFIED_TABLES = ("candidate", "application", "setting")
#: The tables the rules read: any change gives ``rules_revision`` a new token (migration 0006).
RULES_TABLES = ("setting", "campaign", "registration_band", "etudes_en_france_country")

SERVER_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION monmaster_stamp_login() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Only the schema owner copying a whole base may keep the logins it copies.
    IF current_setting('monmaster.keep_logins', true) = 'on'
       AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
                       'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'audit_entry' THEN
        NEW.os_user := session_user;
    ELSIF NEW.updated_by IS NOT NULL THEN
        NEW.updated_by := session_user;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION monmaster_notify_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    total integer;
    item jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT count(*) INTO total FROM old_rows;
    ELSE
        SELECT count(*) INTO total FROM new_rows;
    END IF;
    IF total = 0 THEN
        RETURN NULL;
    END IF;
    IF total > {NOTIFY_ROWS_MAX} THEN
        PERFORM pg_notify('{CHANNEL}', json_build_object(
            'entity', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', NULL, 'candidate_id', NULL,
            'version', NULL, 'who', session_user::text, 'count', total)::text);
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        FOR item IN SELECT to_jsonb(r) FROM old_rows r LOOP
            PERFORM monmaster_notify_row(TG_TABLE_NAME, 'delete', item);
        END LOOP;
    ELSE
        FOR item IN SELECT to_jsonb(r) FROM new_rows r LOOP
            PERFORM monmaster_notify_row(TG_TABLE_NAME, lower(TG_OP), item);
        END LOOP;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION monmaster_notify_row(entity text, op text, item jsonb)
RETURNS void LANGUAGE sql AS $$
    SELECT pg_notify('{CHANNEL}', json_build_object(
        'entity', entity, 'op', op,
        'id', CASE WHEN entity = 'setting' THEN item->'key' ELSE item->'id' END,
        'candidate_id', CASE WHEN entity = 'candidate' THEN item->'id'
                             ELSE item->'candidate_id' END,
        'version', item->'version', 'who', session_user::text, 'count', 1)::text)
$$;

CREATE OR REPLACE FUNCTION monmaster_new_rules_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE rules_revision SET token = floor(random() * 9e18)::bigint;
    RETURN NULL;
END $$;

-- The rules' token as committed when it is called: VOLATILE, so it reads with a snapshot of
-- its own, taken after the locks the same statement took before it (a whole-base write that
-- held them, a settings change, is seen).
CREATE OR REPLACE FUNCTION monmaster_rules_revision() RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RETURN (SELECT token FROM rules_revision WHERE id = 1);
END $$;

CREATE OR REPLACE FUNCTION monmaster_purge_candidates(ids integer[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{schema}}, pg_temp AS $$
DECLARE
    deleted integer;
BEGIN
    IF NOT (pg_has_role(session_user, '{HEAD}', 'MEMBER')
            OR pg_has_role(session_user, (SELECT relowner FROM pg_class
                                          WHERE oid = 'candidate'::regclass), 'MEMBER')) THEN
        RAISE EXCEPTION 'purge reserved to monmaster_head' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- the purged people's audit rows hold their names and values: they go with them
    DELETE FROM audit_entry WHERE candidate_id = ANY(ids);
    DELETE FROM candidate WHERE id = ANY(ids);
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END $$;
REVOKE ALL ON FUNCTION monmaster_purge_candidates(integer[]) FROM PUBLIC;
"""

#: Quoted as identifiers only after this check (no quoting games with logins).
LOGIN_PATTERN = re.compile(r"^[a-z_][a-z0-9_.\-]{0,62}$")


def _roles_exist(conn) -> bool:  # noqa: ANN001
    found = conn.exec_driver_sql(
        "SELECT count(*) FROM pg_roles WHERE rolname IN (%(c)s, %(h)s)", {"c": CLERK, "h": HEAD}
    ).scalar()
    return found == 2


def install_server_objects(conn) -> None:  # noqa: ANN001
    """Triggers and functions on the migrated schema; grants when the roles exist."""
    schema = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
    conn.exec_driver_sql(SERVER_FUNCTIONS.replace("{schema}", f'"{schema}"'))
    # The login triggers read ``updated_by`` / ``os_user`` in their condition: a column named
    # there cannot change its collation, so they go first and come back after.
    for table in STAMPED_TABLES:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS monmaster_stamp_login ON {table}")
    binary_text_order(conn, schema)
    for table in STAMPED_TABLES:
        events = "INSERT" if table == "audit_entry" else "INSERT OR UPDATE"
        # The function runs only for a row that does not already name the session's login
        # (it would leave such a row as it is): an import of 400,000 rows sent with the
        # login skips 400,000 calls of PL/pgSQL; a row naming anyone else is still stamped.
        when = (
            "NEW.os_user IS DISTINCT FROM session_user::text"
            if table == "audit_entry"
            else "NEW.updated_by IS NOT NULL AND NEW.updated_by <> session_user::text"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER monmaster_stamp_login BEFORE {events} ON {table} "
            f"FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION monmaster_stamp_login()"
        )
    for table in NOTIFIED_TABLES:
        for event, referencing in (
            ("insert", "NEW TABLE AS new_rows"),
            ("update", "NEW TABLE AS new_rows"),
            ("delete", "OLD TABLE AS old_rows"),
        ):
            name = f"monmaster_notify_{event}"
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {name} AFTER {event.upper()} ON {table} "
                f"REFERENCING {referencing} FOR EACH STATEMENT "
                "EXECUTE FUNCTION monmaster_notify_changes()"
            )
    for table in RULES_TABLES:
        for name, events in (
            ("monmaster_rules_revision", "INSERT OR UPDATE OR DELETE"),
            ("monmaster_rules_revision_truncate", "TRUNCATE"),
        ):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {name} AFTER {events} ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION monmaster_new_rules_revision()"
            )
    if _roles_exist(conn):
        grant_privileges(conn, schema)


def binary_text_order(conn, schema: str) -> list[str]:  # noqa: ANN001
    """Text sorts as on a file (byte order, collation "C"), whatever the base's locale.

    A base created with a linguistic collation (fr_FR, ICU) would sort « ab » before « Ab » and
    ignore hyphens differently: lists, exports and ``check --json`` would then differ between
    a file and the server. Only columns not already in byte order are altered (a re-run alters
    nothing). Returns the columns changed.
    """
    default_is_binary = conn.exec_driver_sql(
        "SELECT datcollate IN ('C', 'POSIX', 'C.UTF-8', 'C.utf8') AND datlocprovider = 'c' "
        "FROM pg_database WHERE datname = current_database()"
    ).scalar()
    rows = conn.exec_driver_sql(
        "SELECT table_name, column_name, data_type, character_maximum_length, collation_name "
        "FROM information_schema.columns WHERE table_schema = %(s)s "
        "AND data_type IN ('character varying', 'text') AND table_name <> 'alembic_version'",
        {"s": schema},
    ).all()
    changed = []
    for table, column, data_type, length, collation in rows:
        if collation == "C" or (collation is None and default_is_binary):
            continue
        type_ = f"varchar({length})" if data_type == "character varying" and length else "text"
        conn.exec_driver_sql(
            f'ALTER TABLE "{schema}"."{table}" ALTER COLUMN "{column}" TYPE {type_} COLLATE "C"'
        )
        changed.append(f"{table}.{column}")
    return changed


def create_roles(conn) -> list[str]:  # noqa: ANN001
    """The two group roles (no login of their own); what was created, for the report."""
    made = []
    for role in (CLERK, HEAD):
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": role}
        ).first()
        if not exists:
            conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
            made.append(role)
    conn.exec_driver_sql(f"GRANT {CLERK} TO {HEAD}")
    return made


def grant_privileges(conn, schema: str) -> None:  # noqa: ANN001
    """Exactly the privileges of FORMATS.md §5 (revoked first: a re-run changes nothing)."""
    base = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    tables = [
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = %(s)s", {"s": schema}
        )
    ]
    conn.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{base}" TO {CLERK}, {HEAD}')
    conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO {CLERK}, {HEAD}')
    for table in tables:
        conn.exec_driver_sql(f'REVOKE ALL ON "{schema}"."{table}" FROM {CLERK}, {HEAD}')
        conn.exec_driver_sql(f'GRANT SELECT ON "{schema}"."{table}" TO {CLERK}')
    for table, privileges in CLERK_WRITES.items():
        if table in tables:
            conn.exec_driver_sql(f'GRANT {privileges} ON "{schema}"."{table}" TO {CLERK}')
    for table, privileges in HEAD_WRITES.items():
        if table in tables:
            conn.exec_driver_sql(f'GRANT {privileges} ON "{schema}"."{table}" TO {HEAD}')
    conn.exec_driver_sql(
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO {CLERK}, {HEAD}'
    )
    # a restore sets the counters after the ids it copies back
    conn.exec_driver_sql(f'GRANT UPDATE ON ALL SEQUENCES IN SCHEMA "{schema}" TO {HEAD}')
    conn.exec_driver_sql(
        f"GRANT EXECUTE ON FUNCTION monmaster_purge_candidates(integer[]) TO {HEAD}"
    )


def init_server(url: str, *, password_prompt=None) -> list[str]:  # noqa: ANN001
    """``server init URL``: schema by the migrations, roles, grants, triggers; idempotent."""
    from monmaster_desktop.db.postgresql import PostgresDatabase
    from monmaster_desktop.migrations import HEAD as SCHEMA_HEAD

    lines = []
    db = PostgresDatabase(url, password_prompt=password_prompt)  # migrates an empty base
    try:
        with db.write() as session:
            conn = session.connection()
            made = create_roles(conn)
            install_server_objects(conn)
        lines.append(f"Base « {db.address.base} » au schéma {SCHEMA_HEAD}.")
        lines.append(
            f"Rôles créés : {', '.join(made)}." if made else "Rôles déjà présents, inchangés."
        )
        lines.append(f"Droits accordés à {CLERK} et {HEAD}.")
    finally:
        db.close()
    return lines


def add_clerk(url: str, login: str, password: str, *, head: bool, password_prompt=None) -> str:  # noqa: ANN001
    """``server add-clerk``: a login in the clerk's (or the head's) role, with its password."""
    from psycopg import sql

    from monmaster_desktop.db import DatabaseUnavailable
    from monmaster_desktop.db.postgresql import PostgresDatabase

    if not LOGIN_PATTERN.match(login):
        raise DatabaseUnavailable(
            f"Identifiant invalide « {login} » : lettres minuscules, chiffres, « _ », « . » "
            "ou « - », 63 caractères au plus."
        )
    role = HEAD if head else CLERK
    db = PostgresDatabase(url, migrate=False, password_prompt=password_prompt)
    try:
        with db.write() as session:
            conn = session.connection()
            if not _roles_exist(conn):
                raise DatabaseUnavailable(
                    "Les rôles Mon Master Desk n'existent pas sur ce serveur : lancez d'abord "
                    "« monmaster-desktop server init »."
                )
            raw = conn.connection.driver_connection
            exists = conn.exec_driver_sql(
                "SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": login}
            ).first()
            verb = "ALTER" if exists else "CREATE"
            raw.execute(
                sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(login), sql.Literal(password)
                )
            )
            raw.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(role), sql.Identifier(login))
            )
            if not head:  # a head demoted to clerk loses the head's role
                raw.execute(
                    sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(HEAD), sql.Identifier(login))
                )
    finally:
        db.close()
    kind = "responsable" if head else "agent"
    return f"Identifiant « {login} » {'mis à jour' if exists else 'créé'} ({kind}, rôle {role})."
