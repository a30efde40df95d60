"""Server passwords in the OS keyring, never in clear text (``keyring`` is optional).

When no keyring backend exists (a bare Linux session, a locked-down PC), nothing is stored:
libpq still reads ``~/.pgpass`` by itself, and the desk asks for the password at each start.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

SERVICE = "monmaster-desktop"


def account(url: str) -> str:
    """The keyring entry of a server base: ``login@host:port/base`` (no password, no options)."""
    parts = urlsplit(url)
    login = parts.username or ""
    host = parts.hostname or "localhost"
    port = parts.port or 5432
    base = parts.path.lstrip("/")
    return f"{login}@{host}:{port}/{base}"


def _backend():  # noqa: ANN202
    """The usable keyring module, or None (not installed, or only the « fail » backend)."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # noqa: BLE001 - keyring missing or broken: degrade to the prompt
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def keyring_available() -> bool:
    return _backend() is not None


def stored_password(url: str) -> str | None:
    """The password kept for this base, or None (no keyring, nothing kept, keyring locked)."""
    keyring = _backend()
    if keyring is None:
        return None
    try:
        return keyring.get_password(SERVICE, account(url))
    except Exception:  # noqa: BLE001 - a locked or failing keyring: ask instead
        log.warning("keyring unreadable")
        return None


def remember_password(url: str, password: str) -> bool:
    """Keep the password in the OS keyring; False when there is none (said by the caller)."""
    keyring = _backend()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, account(url), password)
    except Exception:  # noqa: BLE001
        log.warning("keyring refused to store a password")
        return False
    return True


def forget_password(url: str) -> None:
    keyring = _backend()
    if keyring is None:
        return
    try:
        keyring.delete_password(SERVICE, account(url))
    except Exception:  # noqa: BLE001 - nothing stored is fine
        pass
