"""The PostgreSQL implementation of the database façade (an office's shared server).

Everything that only a server does lives here: the connection (its address and password:
:mod:`monmaster_desktop.db.server_login`), COPY for bulk loads, the
schema objects that make the server enforce the rules (:mod:`monmaster_desktop.db.roles`),
consistent snapshots to a SQLite file, and the change notifications other desks listen to.

Change notifications (the contract the live desks rely on)
----------------------------------------------------------
Every committed change to ``candidate``, ``application`` or ``setting`` — made by a desk, an
import, a purge or any client that bypasses the window — sends, from a statement trigger inside
the writing transaction (so only committed changes arrive), on channel ``monmaster_changes``,
a JSON payload::

    {"entity": "candidate" | "application" | "setting",
     "op": "insert" | "update" | "delete",
     "id": 123 | "retention_months" | null,   # the row's id (setting: its key)
     "candidate_id": 123 | null,               # the candidate the row belongs to
     "version": 4 | null,                      # the row's version after the change
     "who": "dupont",                          # the server login that made the change
     "count": 1}                               # rows this payload stands for

A statement touching more than :data:`NOTIFY_ROWS_MAX` rows (an import, a purge) sends one
payload with ``id``/``candidate_id``/``version`` null and ``count`` the number of rows: "many
changed, re-read the lists". A payload is a hint: desks re-read through the controllers and
trust nothing in it that the base does not confirm.
"""

from __future__ import annotations

import contextlib
import logging
import select
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from monmaster_desktop import paths
from monmaster_desktop.db import (
    RULES_REVISION_READ,
    Database,
    DatabaseBusy,
    DatabaseDenied,
    DatabaseError,
    DatabaseUnavailable,
    _ReadSession,
    seed_defaults,
    upgrade_schema,
)
from monmaster_desktop.db.server_login import (  # noqa: F401 - this module's names, as before
    APPLICATION_NAME,
    CONNECT_TIMEOUT_S,
    KEYRING_SERVICE,
    PasswordPrompt,
    ServerAddress,
    keyring_password,
    remember_password,
    resolve_password,
    terminal_prompt,
    translate_connect_error,
)

log = logging.getLogger(__name__)

CHANNEL = "monmaster_changes"
#: From this many rows on, bulk loads use COPY (below it, one INSERT is fewer round trips).
COPY_FROM_ROWS = 50
#: The base's advisory lock: whole-base writes take it exclusively, record writes shared
#: (see ``PostgresDatabase.begin_write`` and ``begin_record_write``).
WRITE_LOCK_KEY = 7_262_774_201
#: The two namespaces of the record locks (``pg_advisory_xact_lock(int, int)``: never the
#: same lock as the one-number ``WRITE_LOCK_KEY``): one candidate's records, one unique value.
CANDIDATE_LOCKS = 726_277
KEY_LOCKS = 726_278
NOTIFY_ROWS_MAX = 20

# --- the façade, PostgreSQL side ----------------------------------------------------------


class PostgresDatabase(Database):
    """A base on a PostgreSQL server, shared by the office's desks."""

    engine_name = "postgresql"

    def __init__(
        self,
        url: str,
        *,
        migrate: bool = True,
        password: str | None = None,
        password_prompt: PasswordPrompt | None = None,
    ):
        self.address = ServerAddress.parse(url)
        if password is None:
            password = resolve_password(self.address, password_prompt)
        self._password = password
        self.engine = create_engine(
            "postgresql+psycopg://",
            connect_args=self.address.connect_kwargs(password),
            pool_size=3,
            max_overflow=5,
        )
        # The list's reads (a keystroke: a few ids and rows found through indexes) on
        # connections of their own, planned for a base held in memory (``PLANNER_SETTINGS``);
        # the whole-base reads (check, exports) keep the server's own costs.
        self.list_engine = create_engine(
            "postgresql+psycopg://",
            connect_args=with_planner_settings(self.address.connect_kwargs(password)),
            # kept open: the keystroke's read on the GUI thread and the whole list's off it;
            # more, opened and closed again, while fast typing leaves earlier whole lists
            # being read (the GUI thread never waits behind them)
            pool_size=2,
            max_overflow=3,
        )
        # No ping before each use (one round trip per transaction): a pooled connection the
        # server has closed meanwhile (a restart) is noticed without asking it, and replaced.
        for engine in (self.engine, self.list_engine):
            event.listen(engine, "checkout", _replace_if_closed_by_server)
        self._reader = sessionmaker(
            self.engine, class_=_ReadSession, expire_on_commit=False, info={"database": self}
        )
        # A list's reads (a keystroke) in autocommit: each statement sees the base as it
        # stands, as at READ COMMITTED, without the BEGIN and ROLLBACK round trips.
        self._quick_reader = sessionmaker(
            self.list_engine.execution_options(isolation_level="AUTOCOMMIT"),
            class_=_ReadSession,
            expire_on_commit=False,
            info={"database": self},
        )
        # psycopg would open each write transaction with a BEGIN of its own, one more round
        # trip: write sessions run on connections left in autocommit, and each opens its
        # transaction itself, in the round trip that takes its locks (``_begin``).
        self._writer = sessionmaker(
            self.engine.execution_options(isolation_level="AUTOCOMMIT"),
            expire_on_commit=False,
            info={"database": self},
        )
        self._login: str | None = None
        if migrate:
            try:
                try:
                    upgrade_schema(self, backup_first=True)
                except DBAPIError as exc:
                    if self.translate_error(exc).__class__ is DatabaseDenied:
                        raise DatabaseUnavailable(
                            f"La base « {self.address.base} » doit d'abord être mise à jour par "
                            "le service informatique (« monmaster-desktop server init ») : "
                            f"l'identifiant « {self.address.login} » n'en a pas le droit."
                        ) from exc
                    raise
                with self.write() as session:
                    seed_defaults(session)
            except DBAPIError as exc:
                self.close()
                raise self.translate_error(exc) or DatabaseUnavailable(
                    f"Erreur du serveur : {exc.orig}"
                ) from exc
            except BaseException:
                self.close()
                raise

    # -- identity ---------------------------------------------------------------------------

    @property
    def target(self) -> str:
        return self.address.url

    @property
    def label(self) -> str:
        return self.address.label

    @property
    def backup_dir(self) -> Path:
        return paths.backup_dir_for_server(
            f"{self.address.host}-{self.address.port}-{self.address.base}"
        )

    @property
    def backup_stem(self) -> str:
        return self.address.base

    def user_name(self) -> str:
        """The server login (what the audit trail records on the server)."""
        if self._login is None:
            with self.engine.connect() as conn:
                self._login = conn.exec_driver_sql("SELECT session_user").scalar_one()
        return self._login

    def connect_raw(self, **kwargs):  # noqa: ANN003, ANN201
        """A plain psycopg connection with this desk's address and password (LISTEN, COPY)."""
        import psycopg

        return psycopg.connect(**self.address.connect_kwargs(self._password), **kwargs)

    # -- errors -----------------------------------------------------------------------------

    def translate_error(self, exc: SQLAlchemyDatabaseError) -> DatabaseError | None:
        return translate_server_error(exc, self.address)

    # -- schema -----------------------------------------------------------------------------

    def has_alembic_version(self, conn) -> bool:  # noqa: ANN001
        return conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is not None

    def backup_before_migration(self, current: set[str]) -> None:
        target = self.backup_dir / (
            f"{self.address.base}-avant-migration-{date.today():%Y%m%d}-"
            f"{'-'.join(sorted(current))}.sqlite"
        )
        self.snapshot(target)

    def run_migrations(self) -> None:
        from alembic import command

        from monmaster_desktop.db import alembic_config
        from monmaster_desktop.db.roles import install_server_objects

        with self.engine.connect() as conn:
            with conn.begin():  # PostgreSQL's DDL is transactional: all or nothing
                # One migrating desk at a time (two desks started on a new base).
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
                command.upgrade(alembic_config(conn), "head")
                install_server_objects(conn)

    # -- maintenance ------------------------------------------------------------------------

    def compact(self) -> bool:
        """VACUUM the purged tables (dead rows gone from the pages); False if refused."""
        try:
            with self.connect_raw(autocommit=True) as conn:
                conn.execute("VACUUM candidate, application, audit_entry, candidate_status")
        except Exception as exc:  # noqa: BLE001 - the purge itself is committed already
            log.warning("VACUUM refused: %s", exc)
            return False
        return True

    def integrity_check(self) -> str:
        """``ok`` when the server answers and holds our schema, else what is wrong."""
        from monmaster_desktop.migrations import HEAD

        try:
            with self.engine.connect() as conn:
                if not self.has_alembic_version(conn):
                    return "schéma absent"
                stamped = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
                conn.exec_driver_sql("SELECT count(*) FROM candidate").scalar()
        except DBAPIError as exc:
            return str(exc.orig)
        if {row[0] for row in stamped} != {HEAD}:
            return f"schéma {', '.join(sorted(r[0] for r in stamped))} (attendu {HEAD})"
        return "ok"

    def snapshot(self, target: Path, *, check: bool = True) -> Path:
        """One consistent SQLite copy of the whole base (one REPEATABLE READ transaction)."""
        from monmaster_desktop.transfer import snapshot_to_file

        return snapshot_to_file(self, Path(target))

    def restore_from(self, backup: Path) -> Path:
        """Replace the server's data with a snapshot's (a head's action); audit trail kept.

        The current data is snapshotted first (returned). The audit trail on the server is
        append-only: it keeps every row, and gains one recording the restore.
        """
        from monmaster_desktop.transfer import restore_snapshot

        return restore_snapshot(self, Path(backup))

    def purge_candidates(self, session: Session, ids: list[int]) -> None:
        """Through the server's function: nobody else may delete audit rows."""
        session.execute(text("SELECT monmaster_purge_candidates(:ids)"), {"ids": list(ids)})

    def quick_read(self) -> Session:
        return self._quick_reader()

    @contextlib.contextmanager
    def consistent_read(self) -> Iterator[Session]:
        """A read session seeing one instant of the base from start to end."""
        session = self._reader()
        try:
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            session.execute(text("SET TRANSACTION READ ONLY"))
            yield session
        finally:
            session.rollback()
            session.close()

    def begin_write(self, session: Session) -> None:
        """A whole-base write (settings, campaigns, purge, restore, transfer): the base's
        advisory lock, exclusively — it waits for every write in progress and every later
        write waits for it. Released at commit or rollback; readers never wait. A desk that
        waited longer than the busy timeout gets « base occupée », nothing written."""
        self._begin(  # one round trip: BEGIN, the timeout, then the lock
            session,
            f"SELECT set_config('lock_timeout', '{_lock_timeout_ms()}', true), "
            f"pg_advisory_xact_lock({WRITE_LOCK_KEY})",
        )

    def begin_record_write(self, session: Session, candidates: list[int], keys: list[str]) -> None:
        """A write of some candidates' records: the base's lock *shared* (whole-base writes
        exclude it), then one advisory lock per candidate and per unique value, in one order
        for every desk (sorted candidates, then sorted keys), so two desks saving different
        candidates never wait for each other and two saving the same one take turns: the
        second reads what the first committed (its version check then says « modifié sur un
        autre poste »), so no update is lost and no cap or unique value is overrun.

        One round trip: the target list runs left to right (the timeout first, then the
        base's lock), and the sub-select's locks run when it is reached, in array order. Last,
        once every lock is held, the rules' token (:meth:`rules_revision`) is read by a
        VOLATILE function, with a snapshot of its own taken then: a whole-base write this one
        waited for (a head changing a campaign's caps) is seen. A record write never changes
        the rules' tables (settings and campaigns are whole-base writes)."""
        hashes = sorted({key_hash(key) for key in keys})
        spaces = [CANDIDATE_LOCKS] * len(candidates) + [KEY_LOCKS] * len(hashes)
        row = self._begin(
            session,
            f"SELECT set_config('lock_timeout', '{_lock_timeout_ms()}', true), "
            f"pg_advisory_xact_lock_shared({WRITE_LOCK_KEY}), "
            "(SELECT count(pg_advisory_xact_lock(s, v)) FROM "
            f"unnest({_int_array(spaces)}, {_int_array([*candidates, *hashes])}) AS t(s, v)), "
            "monmaster_rules_revision()",
        )
        session.info[RULES_REVISION_READ] = row[3]

    def _begin(self, session: Session, statement: str) -> tuple:
        """Open the write transaction and run ``statement`` in the same round trip
        (``BEGIN; statement``, the simple protocol: ``statement`` holds no parameter, only
        integers written into it); its first row. The connection is in autocommit (see
        ``_writer``): nothing ran on it before, and psycopg sends COMMIT or ROLLBACK at the end
        as the server's transaction is open. A failure comes out as SQLAlchemy's, as from
        any statement (a dead connection is invalidated)."""
        import psycopg

        connection = session.connection()
        raw = connection.connection.driver_connection
        statement = f"BEGIN; {statement}"
        try:
            with raw.cursor() as cursor:
                # announced to SQLAlchemy's listeners as any statement (logs, counts)
                connection.dispatch.before_cursor_execute(
                    connection, cursor, statement, None, None, False
                )
                cursor.execute(statement)
                cursor.nextset()
                return cursor.fetchone()
        except psycopg.Error as exc:
            if self.engine.dialect.is_disconnect(exc, raw, None):
                connection.invalidate(exc)
            raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc

    def begin_copy(self, session: Session) -> None:
        # Honoured by the login-stamping trigger only for the schema owner (see db.roles).
        session.execute(text("SELECT set_config('monmaster.keep_logins', 'on', true)"))

    def after_copy(self, session: Session, tables: list) -> None:
        conn = session.connection()
        reset_sequences(conn, tables)
        # The planner's statistics of the copied rows: without them a base fresh from
        # ``transfer`` or a restore is planned blind until autovacuum passes.
        analyze_tables(conn, [table.name for table in tables])

    @contextlib.contextmanager
    def large_load(self, session: Session, loads: dict[str, int]) -> Iterator[None]:
        """Indexes stay (dropping them would lock the tables against the other desks' reads
        for the whole load); the load ends with ``ANALYZE`` of its tables, so the next reads
        are planned from the rows just loaded (where the login owns them; autovacuum's next
        pass otherwise)."""
        yield
        if loads:
            analyze_tables(session.connection(), list(loads))

    def listen(self):  # noqa: ANN201
        """The live desks' listener (:mod:`monmaster_desktop.db.live`): a connection of its
        own LISTENing to changes and to other desks' open files, with keepalives so that a
        dead server or a cut network is noticed within seconds."""
        from monmaster_desktop.db import live as db_live

        def connect(timeout: float):  # noqa: ANN202
            import psycopg

            options = self.address.connect_kwargs(self._password)
            options |= db_live.connection_options(timeout)
            return psycopg.connect(autocommit=True, **options)

        return db_live.ChangeListener(connect, where=f"{self.address.host}:{self.address.port}")

    def close(self) -> None:
        self.engine.dispose()
        self.list_engine.dispose()


def _replace_if_closed_by_server(dbapi_connection, record, proxy) -> None:  # noqa: ANN001
    """At checkout from the pool: a connection the server has closed is replaced (the pool
    opens another one) instead of failing at its first statement.

    An idle connection that listens to nothing is sent nothing unasked but the server's
    goodbye: a restart, an administrator ending sessions, a timeout. So anything to read on
    it (that goodbye, or the end of the stream) means it is gone; checking costs no round
    trip. A network cut that says nothing is found by the first statement, as before: the
    error path (« serveur injoignable », nothing written) and the keepalives handle it."""
    if closed_by_server(dbapi_connection):
        raise DisconnectionError("connection closed by the server while idle in the pool")


def closed_by_server(connection) -> bool:  # noqa: ANN001
    """True when an idle psycopg connection is known broken or has something to read."""
    if connection.closed or connection.broken:
        return True
    try:
        readable, _, _ = select.select([connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _int_array(values: list[int]) -> str:
    """A literal ``int[]`` (integers only: nothing to quote)."""
    return f"ARRAY[{', '.join(str(int(v)) for v in values)}]::int[]"


def _lock_timeout_ms() -> int:
    from monmaster_desktop.db import base

    return int(base.BUSY_TIMEOUT_MS)


def key_hash(key: str) -> int:
    """A unique value's lock number (a signed 32-bit int; two values sharing one only wait
    for each other)."""
    import zlib

    number = zlib.crc32(key.encode("utf-8"))
    return number - (1 << 32) if number >= 1 << 31 else number


def copy_rows(conn, table, keys: list[str], rows: list[tuple]) -> None:  # noqa: ANN001
    """``COPY table (keys) FROM STDIN`` on the session's own connection (same transaction)."""
    from psycopg import sql

    raw = conn.connection.driver_connection
    columns = [table.c[key].name for key in keys]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


#: The list's sessions plan for a base that sits in the server's memory: PostgreSQL's default
#: cost of a random page read (4, for spinning disks) makes it read all 50,000 candidates
#: rather than look up the 1,500 a rare name start finds (« lef »: 10 ms instead of 3). Not for
#: whole-base reads: with fresh statistics it turns check's scans into index walks (+30 %).
PLANNER_SETTINGS = "-c random_page_cost=1.1"


def with_planner_settings(kwargs: dict) -> dict:
    """``kwargs`` with the desk's planner settings added to the server options it may hold."""
    options = " ".join(filter(None, (kwargs.get("options", ""), PLANNER_SETTINGS)))
    return kwargs | {"options": options}


def analyze_tables(conn, names: list[str]) -> None:  # noqa: ANN001
    """``ANALYZE`` these tables in the connection's transaction (the statistics commit with
    the rows). The server skips, with a warning, a table the login does not own."""
    conn.exec_driver_sql("ANALYZE " + ", ".join(f'"{name}"' for name in names))


def reset_sequences(conn, tables) -> None:  # noqa: ANN001
    """After rows were copied with their ids: each serial continues after the largest id."""
    for table in tables:
        if "id" not in table.c or not table.c.id.autoincrement:
            continue
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
        )


def translate_server_error(
    exc: SQLAlchemyDatabaseError | Exception, address: ServerAddress
) -> DatabaseError | None:
    """The server's refusal in French (None: not an engine condition, let it through)."""
    import psycopg
    from psycopg import errors as pg

    orig = getattr(exc, "orig", exc)
    if isinstance(orig, pg.InsufficientPrivilege):
        return DatabaseDenied(
            "Action réservée au responsable de la scolarité : le serveur l'a refusée à "
            f"l'identifiant « {address.login} ». Rien n'a été enregistré."
        )
    if isinstance(orig, (pg.SerializationFailure, pg.DeadlockDetected, pg.LockNotAvailable)):
        return DatabaseBusy(
            "La base est occupée par un autre poste ou programme. Réessayez dans un instant ; "
            "rien n'a été enregistré."
        )
    if isinstance(orig, pg.DiskFull):
        return DatabaseUnavailable(
            "Le disque du serveur est plein : l'enregistrement a été annulé et rien n'a été "
            "écrit. Prévenez le service informatique."
        )
    if isinstance(orig, pg.ReadOnlySqlTransaction):
        return DatabaseUnavailable(
            "Le serveur est en lecture seule : rien ne peut y être enregistré pour l'instant."
        )
    if isinstance(orig, pg.UndefinedTable):
        return DatabaseUnavailable(
            f"La base « {address.base} » n'est pas une base Mon Master Desk, ou pas encore "
            "préparée : le service informatique lance « monmaster-desktop server init »."
        )
    if isinstance(orig, psycopg.OperationalError) and not isinstance(orig, pg.QueryCanceled):
        return translate_connect_error(orig, address)
    return None
