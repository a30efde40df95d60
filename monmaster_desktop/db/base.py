"""The ``Database`` façade: ``Database(path)`` opens a file, ``Database(url)`` a server."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from monmaster_desktop.db.errors import DatabaseError, DatabaseUnavailable
from monmaster_desktop.db.targets import (  # noqa: F401 - the façade's names, as before
    SERVER_SCHEMES,
    database_target,
    is_server_url,
    site_database_target,
)

#: ``session.info`` key: the rules' token a write read as it took its locks.
RULES_REVISION_READ = "rules_revision"

#: How long a write waits for another desk's write to finish before « base occupée ».
BUSY_TIMEOUT_MS = 5000

@functools.cache
def _rules_revision_query(model):  # noqa: ANN001, ANN202
    from sqlalchemy import select

    return select(model.token).where(model.id == 1)


def record_key(kind: str, value: object) -> str:
    """A unique value a record write may give: ``record_key("ine", "1234567890A")``."""
    return f"{kind}:{value}"


class _ReadSession(Session):
    """A read session whose database failures (damaged pages, I/O, busy) leave ``with`` as the
    French, typed errors of this module, whichever window or command was reading."""

    def __exit__(self, type_, value, traceback) -> None:  # noqa: ANN001
        super().__exit__(type_, value, traceback)
        if isinstance(value, SQLAlchemyDatabaseError | sqlite3.DatabaseError):
            translated = self.info["database"].translate_error(value)
            if translated is not None:
                raise translated from value


class Database:
    """The database façade: ``Database(path)`` opens a file, ``Database(url)`` a server.

    Subclasses implement one engine each; ``Database(...)`` picks the right one, so callers
    never name an engine. Shared behaviour: short read sessions, one write transaction per
    ``write()`` with the engine's errors turned into French :class:`DatabaseError`.
    """

    #: ``sqlite`` or ``postgresql``.
    engine_name = ""
    #: Where a file lives (SQLite only; None on a server).
    path: Path | None = None
    #: A file on an SMB/NFS share (SQLite's locking is unreliable there); never a server.
    network_share = False
    #: A record write naming more candidates and keys than this is a whole-base write (an
    #: engine's lock table is finite; a large import locks the base instead).
    RECORD_LOCKS_MAX = 200

    def __new__(cls, target=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN204
        if cls is Database:
            if is_server_url(target):
                from monmaster_desktop.db.postgresql import PostgresDatabase

                cls = PostgresDatabase
            else:
                from monmaster_desktop.db.sqlite import SqliteDatabase

                cls = SqliteDatabase
        return super().__new__(cls)

    # -- what every engine provides ----------------------------------------------------------

    @property
    def target(self) -> Path | str:
        """What ``Database(...)`` was given: the file path or the server URL (no password)."""
        raise NotImplementedError

    @property
    def label(self) -> str:
        """A short French-neutral name for the status bar and messages."""
        raise NotImplementedError

    @property
    def backup_dir(self) -> Path:
        """The local folder where this database's backups go (owner-only)."""
        raise NotImplementedError

    @property
    def backup_stem(self) -> str:
        """How this base's backup files are named (the file's stem, the server base's name)."""
        raise NotImplementedError

    def listen(self):  # noqa: ANN201
        """The live desks' listener (:mod:`monmaster_desktop.db.live`: changes and other desks'
        open files, reconnection) on a server base; None on a file (one desk)."""
        return None

    def is_disconnect(self, exc: BaseException) -> bool:
        """True when ``exc`` says the base cannot be reached at all (a server down, a network
        cut), as opposed to a refused or faulty statement."""
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DatabaseUnavailable):
            return True
        return isinstance(exc, DBAPIError) and (
            exc.connection_invalidated or isinstance(exc, OperationalError)
        )

    def user_name(self) -> str:
        """The login the audit trail records: the OS user on a file, the server login."""
        from monmaster_desktop.controllers.context import current_user

        return current_user()

    def translate_error(self, exc: BaseException) -> DatabaseError | None:
        """The engine's error as a French :class:`DatabaseError`, or None to let it through."""
        raise NotImplementedError

    # -- the rules' tables, read once per change -----------------------------------------------

    #: ``(token, rules)``: the rules (``controllers.context.RulesContext``) this desk last read,
    #: and the token of the rules' tables they were read under (see :meth:`rules_revision`).
    rules_cache: tuple[int, object] | None = None

    def rules_revision(self, session: Session) -> int | None:
        """The token of the rules' tables (settings, campaigns, bands, Études en France) as
        ``session`` sees them now: it changes with every change to them, whoever makes it
        (triggers; migration 0006). None when the base has none (rules then read every time).

        A record write may have read it already, in the statement that took its locks (after
        them): that value is used once, then the table is read again."""
        token = session.info.pop(RULES_REVISION_READ, None)
        if token is not None:
            return token
        from monmaster_desktop.models import RulesRevision

        return session.scalar(_rules_revision_query(RulesRevision))

    # -- shared by every engine ----------------------------------------------------------------

    def read(self) -> Session:
        """A short read session: ``with db.read() as s: ...``."""
        return self._reader()

    def quick_read(self) -> Session:
        """A read session for a few short statements, each seeing the base as it stands when
        it runs (what a read at READ COMMITTED sees anyway); no server-side cursor. An engine
        may run them without a transaction of their own (a server: no BEGIN and ROLLBACK
        round trips around a keystroke's list read)."""
        return self._reader()

    @contextlib.contextmanager
    def write(
        self, *, candidates: Iterable[int] = (), keys: Iterable[str] = ()
    ) -> Iterator[Session]:
        """One write transaction (SQLite: BEGIN IMMEDIATE): commits on success, rolls back.

        What the transaction writes, when the caller can say it up front:

        - nothing said: the **whole base** — no other write runs meanwhile (settings,
          campaigns, purges, restores, transfers);
        - ``candidates``: the ids of the candidates whose records (the candidate, its
          applications, status, search words) it reads and writes, and ``keys``: the unique
          values it may give (:func:`record_key`: a candidate number, an INE, an institution
          code under which a course may be added). Two such writes wait for each other only
          when they share a candidate or a key; a whole-base write waits for them all and they
          wait for it. An engine with one writer at a time (a SQLite file) serialises them all.

        Engine errors come out as French :class:`DatabaseError` (busy, read-only, full disk,
        server unreachable, permission refused...).
        """
        session = self._writer()
        try:
            with session.begin():
                candidates, keys = sorted(set(candidates)), sorted(set(keys))
                if 0 < len(candidates) + len(keys) <= self.RECORD_LOCKS_MAX:
                    self.begin_record_write(session, candidates, keys)
                else:
                    self.begin_write(session)
                yield session
        except (SQLAlchemyDatabaseError, sqlite3.DatabaseError) as exc:
            translated = self.translate_error(exc)
            if translated is None:
                raise
            raise translated from exc
        finally:
            session.close()

    @contextlib.contextmanager
    def consistent_read(self) -> Iterator[Session]:
        """A read session that sees one instant of the whole base (snapshots, transfers)."""
        session = self._reader()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def begin_write(self, session: Session) -> None:
        """Take the base's write lock at the start of a write transaction (SQLite: at BEGIN)."""

    def begin_record_write(self, session: Session, candidates: list[int], keys: list[str]) -> None:
        """Lock only these candidates and unique values (sorted) at the start of a write
        transaction; an engine without finer locks takes the whole base's lock."""
        self.begin_write(session)

    def begin_copy(self, session: Session) -> None:
        """Before a whole base is copied in: keep the copied logins (engine's business)."""

    def after_copy(self, session: Session, tables: list) -> None:
        """After rows were copied with their ids (a server's counters continue after them)."""

    @contextlib.contextmanager
    def large_load(self, session: Session, loads: dict[str, int]) -> Iterator[None]:
        """Around a large load into these tables (``loads``: table name → rows about to be
        added), in the session's transaction: what the engine does to load faster or to plan
        well afterwards (see ``db.bulk.indexes_built_after``). Nothing by default."""
        yield

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(target: Path | str, *, migrate: bool = True, password_prompt=None) -> Database:  # noqa: ANN001
    """``Database(target)``, with the prompt that asks a server's password when one is needed."""
    if is_server_url(target):
        return Database(target, migrate=migrate, password_prompt=password_prompt)
    return Database(target, migrate=migrate)
