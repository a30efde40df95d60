"""Live changes on a server base: the database layer's listening side (PostgreSQL only).

A write transaction on the server announces what it changed with
``pg_notify('monmaster_changes', {"entity", "id", "version", "who"})``; desks announce the files
they have open on ``monmaster_presence``. A ``ChangeListener`` owns one dedicated connection,
LISTENs on both channels and is driven by one thread only (``poll`` and ``announce`` are called
from that thread): psycopg's ``notifies()`` holds the connection while it waits.

Nothing here is trusted as data: a change only says « re-read this through the controllers ».
A SQLite file has no listener (``Database.listen()`` returns None there).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

CHANGES = "monmaster_changes"
PRESENCE = "monmaster_presence"
#: Seconds a connection attempt may take before the desk says the server is unreachable.
CONNECT_TIMEOUT = 3
#: Longest payload pg_notify accepts is 8000 bytes; ours are a few dozen.
MAX_PAYLOAD = 7900


class ServerUnreachable(Exception):
    """The server did not answer (down, restarting, network cut); ``message`` is French."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class LoginRefused(ServerUnreachable):
    """The server answered and refused the login (bad password, unknown login or base)."""

    def __init__(self, message: str, *, needs_password: bool = False):
        super().__init__(message)
        self.needs_password = needs_password


@dataclass(frozen=True, slots=True)
class Change:
    """« Something changed »: which entity and id; version and who only as a hint."""

    entity: str
    id: int | None
    version: int | None = None
    who: str | None = None
    candidate_id: int | None = None


@dataclass(frozen=True, slots=True)
class Presence:
    """A desk says it has a candidate file open (``open``), closed it, or is new (``hello``)."""

    state: str  # "open" | "closed" | "hello"
    desk: str
    who: str
    candidate_id: int | None = None


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text_or_none(value: Any) -> str | None:
    return value[:64] if isinstance(value, str) else None


def parse_change(payload: str) -> Change | None:
    """A change from a NOTIFY payload; None for anything malformed (ignored, logged)."""
    try:
        data = json.loads(payload)
    except ValueError:
        log.warning("ignored a change notification that is not JSON")
        return None
    if not isinstance(data, dict) or not isinstance(data.get("entity"), str):
        return None
    return Change(
        entity=data["entity"][:32],
        id=_int_or_none(data.get("id")),
        version=_int_or_none(data.get("version")),
        who=_text_or_none(data.get("who")),
        candidate_id=_int_or_none(data.get("candidate_id")),
    )


def parse_presence(payload: str) -> Presence | None:
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("state") not in ("open", "closed", "hello"):
        return None
    desk, who = _text_or_none(data.get("desk")), _text_or_none(data.get("who"))
    if not desk or not who:
        return None
    return Presence(data["state"], desk, who, _int_or_none(data.get("candidate_id")))


def new_desk_id() -> str:
    """One id per running desk (host, process, random): a desk ignores its own presence."""
    return f"{socket.gethostname()[:20]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def connection_options(timeout: float = CONNECT_TIMEOUT) -> dict[str, Any]:
    """libpq options so that a dead server or a cut network is noticed within seconds."""
    return {
        "connect_timeout": max(1, int(timeout)),
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 2,
        "keepalives_count": 2,
        "tcp_user_timeout": int(timeout * 1000) + 2000,
        "application_name": "Mon Master Desk",
    }


def explain_connection_error(exc: Exception, where: str) -> ServerUnreachable:
    """psycopg's English complaint turned into the clerk's French sentence."""
    text = str(exc).lower()
    if "no password supplied" in text or "password authentication failed" in text:
        return LoginRefused(
            f"Le serveur {where} demande un mot de passe valide pour cet identifiant.",
            needs_password=True,
        )
    if 'role "' in text and "does not exist" in text:
        return LoginRefused(f"Le serveur {where} ne connaît pas cet identifiant.")
    if 'database "' in text and "does not exist" in text:
        return LoginRefused(f"La base demandée n'existe pas sur le serveur {where}.")
    if "no pg_hba.conf entry" in text or "permission denied" in text:
        return LoginRefused(
            f"Le serveur {where} refuse la connexion de ce poste ou de cet identifiant."
        )
    if "timeout" in text or "timed out" in text:
        return ServerUnreachable(
            f"Le serveur {where} ne répond pas (délai de {CONNECT_TIMEOUT} s dépassé)."
        )
    if "could not translate host name" in text or "name or service not known" in text:
        return ServerUnreachable(f"Nom de serveur inconnu : {where}.")
    return ServerUnreachable(f"Serveur injoignable : {where}.")


class ChangeListener:
    """One dedicated connection listening for changes and presence on a server base.

    Used by one thread: ``open()``, then ``poll(seconds)`` in a loop, ``announce(...)`` between
    polls, ``close()`` at the end. Connection loss raises ``ServerUnreachable``; ``open()`` again
    to reconnect.
    """

    def __init__(self, connect: Callable[[float], Any], *, where: str = ""):
        """``connect(timeout)`` opens a new autocommit psycopg connection to the base (the
        engine's address, password and keepalive options)."""
        self._connect = connect
        self.where = where or "de la base"
        self.desk = new_desk_id()
        self.login = ""
        self._conn = None

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def open(self, timeout: float = CONNECT_TIMEOUT) -> None:
        import psycopg

        self.close()
        try:
            conn = self._connect(timeout)
            conn.execute(f"LISTEN {CHANGES}")
            conn.execute(f"LISTEN {PRESENCE}")
            row = conn.execute("SELECT session_user").fetchone()
        except psycopg.Error as exc:
            raise explain_connection_error(exc, self.where) from None
        self.login = row[0] if row else ""
        self._conn = conn

    def poll(self, seconds: float) -> list[Change | Presence]:
        """What arrived within ``seconds`` (returns early once something came)."""
        import psycopg

        if self._conn is None:
            raise ServerUnreachable(f"Serveur injoignable : {self.where}.")
        found: list[Change | Presence] = []
        try:
            for note in self._conn.notifies(timeout=seconds, stop_after=1):
                item = (
                    parse_change(note.payload)
                    if note.channel == CHANGES
                    else parse_presence(note.payload)
                )
                if item is not None:
                    found.append(item)
            # Whatever else is already there comes in the same batch.
            for note in self._conn.notifies(timeout=0):
                item = (
                    parse_change(note.payload)
                    if note.channel == CHANGES
                    else parse_presence(note.payload)
                )
                if item is not None:
                    found.append(item)
        except psycopg.Error as exc:
            self.close()
            raise explain_connection_error(exc, self.where) from None
        return found

    def ping(self) -> None:
        """A round trip: a server gone quietly is noticed here rather than never."""
        import psycopg

        if self._conn is None:
            raise ServerUnreachable(f"Serveur injoignable : {self.where}.")
        try:
            self._conn.execute("SELECT 1")
        except psycopg.Error as exc:
            self.close()
            raise explain_connection_error(exc, self.where) from None

    def announce(self, state: str, candidate_id: int | None = None) -> None:
        """Tell the other desks this desk has ``candidate_id`` open (or closed it, or is new)."""
        import psycopg

        if self._conn is None:
            raise ServerUnreachable(f"Serveur injoignable : {self.where}.")
        payload = json.dumps(
            {"state": state, "desk": self.desk, "who": self.login, "candidate_id": candidate_id}
        )[:MAX_PAYLOAD]
        try:
            self._conn.execute("SELECT pg_notify(%s, %s)", (PRESENCE, payload))
        except psycopg.Error as exc:
            self.close()
            raise explain_connection_error(exc, self.where) from None

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - closing a dead connection must not fail
                pass


def listener_for(conninfo: str, *, password: str | None = None, where: str = "") -> ChangeListener:
    """A listener on ``conninfo`` (a ``postgresql://`` URL or libpq keywords)."""
    import psycopg

    def connect(timeout: float):  # noqa: ANN202
        extra = connection_options(timeout)
        if password is not None:
            extra["password"] = password
        return psycopg.connect(conninfo, autocommit=True, **extra)

    return ChangeListener(connect, where=where)


def probe(conninfo: str, *, password: str | None = None, where: str = "") -> str:
    """Connect once and return the server's login; raises ``ServerUnreachable``/``LoginRefused``.

    Used by the connection window (off the GUI thread) before the desk opens the base.
    """
    import psycopg

    extra = connection_options()
    if password is not None:
        extra["password"] = password
    try:
        with psycopg.connect(conninfo, autocommit=True, **extra) as conn:
            row = conn.execute("SELECT session_user").fetchone()
    except psycopg.Error as exc:
        raise explain_connection_error(exc, where or "de la base") from None
    return row[0] if row else ""
