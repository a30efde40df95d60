"""A server's address and its login: the URL taken apart, the password found (the OS keyring,
libpq's ``.pgpass``, a prompt — never the command line), a refused connection said in French.

Part of the PostgreSQL side of the database layer (:mod:`monmaster_desktop.db.postgresql`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from monmaster_desktop.db.errors import DatabaseDenied, DatabaseError, DatabaseUnavailable

CONNECT_TIMEOUT_S = 5
KEYRING_SERVICE = "monmaster-desktop"
APPLICATION_NAME = "monmaster-desktop"

#: Asks the clerk for the password (the window's dialog or the terminal's getpass).
PasswordPrompt = Callable[["ServerAddress"], "str | None"]


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """``postgresql://LOGIN@HOST[:PORT]/BASE[?sslmode=...]`` taken apart (never a password)."""

    login: str
    host: str
    port: int
    base: str
    options: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        parts = urlsplit(url)
        if parts.password is not None:
            raise DatabaseUnavailable(
                "Le mot de passe ne se met pas dans l'adresse du serveur (il resterait dans "
                "l'historique) : il est demandé à la connexion, ou lu dans le trousseau du "
                "système ou le fichier .pgpass."
            )
        base = unquote(parts.path.lstrip("/"))
        if not parts.hostname or not base:
            raise DatabaseUnavailable(
                f"Adresse de serveur incomplète « {url} » : attendu "
                "postgresql://IDENTIFIANT@SERVEUR[:PORT]/BASE."
            )
        try:
            port = parts.port or 5432
        except ValueError:
            raise DatabaseUnavailable(f"Port invalide dans « {url} ».") from None
        login = unquote(parts.username or "") or _os_login()
        return cls(login, parts.hostname, port, base, tuple(parse_qsl(parts.query)))

    @property
    def url(self) -> str:
        query = "&".join(f"{k}={v}" for k, v in self.options)
        return f"postgresql://{self.login}@{self.host}:{self.port}/{self.base}" + (
            f"?{query}" if query else ""
        )

    @property
    def label(self) -> str:
        return f"{self.base} sur {self.host}:{self.port} ({self.login})"

    @property
    def keyring_user(self) -> str:
        return f"{self.login}@{self.host}:{self.port}/{self.base}"

    def connect_kwargs(self, password: str | None) -> dict:
        kwargs = {
            "host": self.host,
            "port": self.port,
            "dbname": self.base,
            "user": self.login,
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": APPLICATION_NAME,
            # a server that vanished (cable, crash) is noticed in ~10 s, not at TCP's 2 hours
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 3,
        }
        kwargs.update(dict(self.options))
        if password is not None:
            kwargs["password"] = password
        return kwargs


def _os_login() -> str:
    from monmaster_desktop.controllers.context import current_user

    return current_user()


# --- passwords ----------------------------------------------------------------------------


def keyring_password(address: ServerAddress) -> str | None:
    """The password the clerk asked the OS keyring to remember (keyring is optional)."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, address.keyring_user)
    except Exception:  # noqa: BLE001 - no usable keyring backend: as if nothing remembered
        return None


def remember_password(address: ServerAddress, password: str) -> bool:
    """Store the password in the OS keyring (« mémoriser »); False when there is none."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, address.keyring_user, password)
    except Exception:  # noqa: BLE001 - ImportError or no backend
        return False
    return True


def terminal_prompt(address: ServerAddress) -> str | None:
    """Ask on the terminal without echo (the command line's prompt)."""
    import getpass
    import sys

    if not sys.stdin or not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Mot de passe de {address.login} sur {address.host} : ")


def _needs_password(exc: Exception) -> bool:
    text_ = str(exc).lower()
    return "no password supplied" in text_ or "password authentication failed" in text_


def resolve_password(address: ServerAddress, prompt: PasswordPrompt | None) -> str | None:
    """Connect once to learn whether a password is needed; find it; return it (or None).

    Order: none (a trusting server, or libpq's own ``.pgpass``), the OS keyring, the prompt.
    """
    import psycopg

    tried: list[str | None] = [None]
    remembered = keyring_password(address)
    if remembered:
        tried.append(remembered)
    last: list[Exception] = []

    def accepted(password: str | None) -> bool:
        """The server lets this password in; False when it wants another (kept in ``last``)."""
        try:
            psycopg.connect(**address.connect_kwargs(password)).close()
            return True
        except psycopg.OperationalError as exc:
            if not _needs_password(exc):
                raise translate_connect_error(exc, address) from exc
            last[:] = [exc]
            return False

    for password in tried:
        if accepted(password):
            return password
    while prompt is not None:
        password = prompt(address)
        if password is None:
            break
        if accepted(password):
            return password
    raise DatabaseDenied(
        f"Connexion refusée par le serveur {address.host} pour « {address.login} » : mot de "
        "passe absent ou incorrect."
    ) from (last[0] if last else None)


def translate_connect_error(exc: Exception, address: ServerAddress) -> DatabaseError:
    text_ = str(exc).lower()
    if "does not exist" in text_ and "database" in text_:
        return DatabaseUnavailable(
            f"La base « {address.base} » n'existe pas sur le serveur {address.host}."
        )
    if "role" in text_ and "does not exist" in text_:
        return DatabaseDenied(
            f"L'identifiant « {address.login} » n'existe pas sur le serveur {address.host} : "
            "demandez au responsable de le créer (server add-clerk)."
        )
    if _needs_password(exc):
        return DatabaseDenied(
            f"Connexion refusée par le serveur {address.host} pour « {address.login} » : mot de "
            "passe absent ou incorrect."
        )
    return DatabaseUnavailable(
        f"Serveur injoignable ({address.host}:{address.port}) : vérifiez le réseau ou "
        "réessayez dans un instant ; rien n'a été enregistré."
    )
