"""The office's site configuration (FORMATS.md §6): one TOML file that IT deploys to every desk.

Read once at start from ``MONMASTER_DESKTOP_SITE``, else ``site.toml`` in platformdirs' site
configuration directory. Every key is optional. A malformed file, an unknown key or a value of
the wrong kind is *reported* (file, line, key, in French) and the shipped default is used for
what could not be read: the desk never starts half-configured without saying so.
"""

from __future__ import annotations

import getpass
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TypeVar

import platformdirs

T = TypeVar("T")

SITE_ENV = "MONMASTER_DESKTOP_SITE"
SITE_FILE_NAME = "site.toml"

OFFICE_KEYS = ("name", "address", "phone", "email", "hours")
#: table -> {key: kind}; kind is "text", "file", "folder", "database" or "months".
KNOWN_KEYS: dict[str, dict[str, str]] = {
    "office": dict.fromkeys(OFFICE_KEYS, "text"),
    "sheet": {"logo": "file", "wording": "file"},
    "database": {"url": "database", "backups": "folder"},
    "retention": {"months": "months"},
}
MONTHS_RANGE = (1, 120)


@dataclass(frozen=True)
class SiteProblem:
    """One thing the desk could not take from the file; the shipped default stands in for it."""

    file: Path
    line: int | None
    key: str | None
    message: str

    def text_fr(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        key = f" : clé « {self.key} »" if self.key else ""
        return f"{where}{key} : {self.message}"


@dataclass(frozen=True)
class SiteConfig:
    """What the site file set (None / empty = the shipped default), and what it could not set."""

    path: Path | None = None
    office: dict[str, str] = field(default_factory=dict)
    logo: Path | None = None
    wording: Path | None = None
    database_url: str | None = None
    backups: Path | None = None
    retention_months: int | None = None
    problems: tuple[SiteProblem, ...] = ()

    def database(self, login: str | None = None) -> str | None:
        """The default database: a file path, or a server URL with ``{login}`` filled in."""
        if self.database_url is None:
            return None
        return self.database_url.replace("{login}", login or os_login())

    def apply_office(self, contact: T) -> T:
        """``contact`` (an ``OfficeContact``) with the fields the site file sets replaced."""
        return replace(contact, **self.office) if self.office else contact

    def report_fr(self) -> str:
        """The French report shown at start when the file could not be read whole ('' if fine)."""
        if not self.problems:
            return ""
        lines = [p.text_fr() for p in self.problems]
        return (
            "La configuration du site n'a pas pu être lue entièrement ; les valeurs par défaut "
            "livrées avec le programme sont utilisées pour :\n" + "\n".join(lines)
        )


def os_login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers), no USERNAME variable
        return "inconnu"


def site_file() -> Path | None:
    """Where the site file is looked for (it may not exist: then every default stands).

    ``MONMASTER_DESKTOP_SITE`` set but empty means « no site file » (tests, trying a desk out).
    """
    override = os.environ.get(SITE_ENV)
    if override is not None:
        return Path(override) if override.strip() else None
    from monmaster_desktop.paths import APP_AUTHOR, APP_NAME

    return platformdirs.site_config_path(APP_NAME, APP_AUTHOR) / SITE_FILE_NAME


_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_\-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def _line_of(text: str, table: str | None, key: str | None) -> int | None:
    """The line where ``[table]`` (key None) or ``key`` inside ``[table]`` is written."""
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE.match(line)
        if header:
            current = header.group(1)
            if key is None and current == table:
                return number
            continue
        found = _KEY.match(line)
        if found and key is not None and current == table and found.group(1) == key:
            return number
    return None


def _decode_line(error: tomllib.TOMLDecodeError) -> int | None:
    found = re.search(r"line (\d+)", str(error))
    return int(found.group(1)) if found else getattr(error, "lineno", None)


def _is_server_url(value: str) -> bool:
    return "://" in value


def load_site(path: Path | None = None) -> SiteConfig:
    """Read the site file; every problem becomes a ``SiteProblem``, never an exception."""
    explicit = path is not None or bool(os.environ.get(SITE_ENV, "").strip())
    path = path or site_file()
    if path is None:
        return SiteConfig()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if explicit:
            return SiteConfig(
                path, problems=(SiteProblem(path, None, None, "fichier introuvable"),)
            )
        return SiteConfig()  # no site file: the shipped defaults, nothing to report
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return SiteConfig(path, problems=(SiteProblem(path, None, None, f"illisible ({reason})"),))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return SiteConfig(
            path, problems=(SiteProblem(path, None, None, "le fichier n'est pas en UTF-8"),)
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc).split(" (at ")[0]
        return SiteConfig(
            path,
            problems=(
                SiteProblem(path, _decode_line(exc), None, f"syntaxe TOML invalide ({message})"),
            ),
        )
    return _interpret(path, text, data)


def _interpret(path: Path, text: str, data: dict) -> SiteConfig:
    problems: list[SiteProblem] = []
    values: dict[str, object] = {}
    office: dict[str, str] = {}
    for table, content in data.items():
        if table not in KNOWN_KEYS:
            problems.append(
                SiteProblem(path, _line_of(text, table, None), table, "section inconnue, ignorée")
            )
            continue
        if not isinstance(content, dict):
            line = _line_of(text, None, table)
            problems.append(SiteProblem(path, line, table, "une section [..] est attendue"))
            continue
        for key, value in content.items():
            dotted = f"{table}.{key}"
            line = _line_of(text, table, key)
            kind = KNOWN_KEYS[table].get(key)
            if kind is None:
                problems.append(SiteProblem(path, line, dotted, "clé inconnue, ignorée"))
                continue
            checked, message = _check(kind, value, path)
            if message:
                problems.append(SiteProblem(path, line, dotted, message))
            elif table == "office":
                office[key] = checked  # type: ignore[assignment]
            else:
                values[dotted] = checked
    return SiteConfig(
        path=path,
        office=office,
        logo=values.get("sheet.logo"),  # type: ignore[arg-type]
        wording=values.get("sheet.wording"),  # type: ignore[arg-type]
        database_url=values.get("database.url"),  # type: ignore[arg-type]
        backups=values.get("database.backups"),  # type: ignore[arg-type]
        retention_months=values.get("retention.months"),  # type: ignore[arg-type]
        problems=tuple(problems),
    )


def _check(kind: str, value: object, site_path: Path) -> tuple[object, str]:
    """The value converted for its kind, or a French message saying why it is refused."""
    if kind == "months":
        low, high = MONTHS_RANGE
        if isinstance(value, bool) or not isinstance(value, int):
            return None, "un nombre entier de mois est attendu"
        if not low <= value <= high:
            return None, f"{value} mois est hors des limites ({low} à {high})"
        return value, ""
    if not isinstance(value, str) or not value.strip():
        return None, "un texte non vide est attendu (entre guillemets)"
    value = value.strip()
    if kind == "text":
        return value, ""
    if kind == "database":
        if _is_server_url(value):
            if not value.startswith(("postgresql://", "postgres://")):
                return None, "seules les adresses postgresql://… sont acceptées"
            return value, ""
        return str(_resolve(value, site_path)), ""
    resolved = _resolve(value, site_path)
    if kind == "file" and not resolved.is_file():
        return None, f"fichier introuvable : {resolved}"
    if kind == "folder" and resolved.exists() and not resolved.is_dir():
        return None, f"ce n'est pas un dossier : {resolved}"
    return resolved, ""


def _resolve(value: str, site_path: Path) -> Path:
    """A path as IT wrote it (``~`` and %VARIABLES% expanded), relative to the site file."""
    path = Path(os.path.expandvars(os.path.expanduser(value)))
    return path if path.is_absolute() else site_path.parent / path


@cache
def current_site() -> SiteConfig:
    """The site configuration of this run (read once; ``reload_site()`` reads it again)."""
    return load_site()


def reload_site() -> SiteConfig:
    current_site.cache_clear()
    return current_site()
