"""The database layer's errors: typed, with a French message for the clerk, whatever the engine."""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError

log = logging.getLogger("monmaster_desktop.db")


class DatabaseError(Exception):
    """A database that cannot be used as it is; ``message`` is French, for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class DatabaseTooNew(DatabaseError):
    pass


class DatabaseCorrupt(DatabaseError):
    pass


class DatabaseUnavailable(DatabaseError):
    pass


class DatabaseBusy(DatabaseError):
    pass


class DatabaseForeign(DatabaseError):
    """A SQLite file that belongs to another program: never written to."""


#: The driver's own errors (SQLAlchemy's and sqlite3's), for a last-resort translation.
DatabaseDriverError = (SQLAlchemyDatabaseError, sqlite3.DatabaseError)


class DatabaseDenied(DatabaseError):
    """The server refused the action to this login (a clerk trying a head's action)."""


#: What the clerk is told when the system refuses a file operation (strerror is English).
OS_REASONS_FR = {
    errno.EACCES: "accès refusé",
    errno.EPERM: "opération non permise",
    errno.EROFS: "disque en lecture seule",
    errno.ENOSPC: "disque plein",
    errno.ENOTDIR: "un élément du chemin est un fichier, pas un dossier",
    errno.ENOENT: "dossier introuvable",
    errno.EEXIST: "le fichier existe déjà",
    errno.EFBIG: "fichier trop grand (disque plein ou limite de taille du système)",
    getattr(errno, "EDQUOT", -1): "quota disque dépassé (disque plein pour cet utilisateur)",
    errno.EIO: "erreur d'écriture sur le disque (disque plein ou défaillant)",
}


def os_reason_fr(exc: OSError) -> str:
    """A French reason for a refused file operation (the system's own words as a last resort)."""
    return OS_REASONS_FR.get(exc.errno, exc.strerror or str(exc))


def disk_full_message(what: str) -> str:
    return (
        f"Le disque est plein : {what} n'a pas été écrit(e). Libérez de la place puis recommencez."
    )


def translate_operational_error(exc: OperationalError, path: Path) -> DatabaseError:
    return translate_error(exc, path)


def translate_error(exc: BaseException, path: Path, *, doing: str | None = None) -> DatabaseError:
    """A French, typed error for any error of the database driver (SQLAlchemy's or sqlite3's).

    ``doing`` names what was not written (« la sauvegarde … ») when it is not a record save.
    """
    if isinstance(exc, DatabaseError):
        return exc
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusy(
            "La base est occupée par un autre poste ou programme. Réessayez dans un instant ; "
            "rien n'a été enregistré."
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseUnavailable(
            f"La base « {path.name} » est en lecture seule : rien ne peut y être enregistré. "
            "Vérifiez les droits sur le fichier et son dossier."
        )
    if "disk is full" in text or "full" in text:
        if doing:
            return DatabaseUnavailable(disk_full_message(doing))
        return DatabaseUnavailable(
            "Le disque est plein : l'enregistrement a été annulé et rien n'a été écrit. "
            "Libérez de la place puis recommencez."
        )
    if "unable to open" in text:
        return DatabaseUnavailable(f"Impossible d'ouvrir la base « {path} ».")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        log.error("damaged database %s: %s", path.name, orig)
        return DatabaseCorrupt(
            f"La base « {path.name} » est endommagée : des pages du fichier sont illisibles. "
            "Rien n'a été écrit. Restaurez la dernière bonne sauvegarde (Outils › Sauvegardes) "
            "ou appelez le service informatique, sans supprimer le fichier."
        )
    if "disk i/o" in text and doing:
        return DatabaseUnavailable(
            f"Erreur d'écriture sur le disque (disque plein ou défaillant) : {doing} n'a pas été "
            "écrit(e). Vérifiez la place libre et le disque puis recommencez."
        )
    if "disk i/o" in text:
        return DatabaseUnavailable(
            f"Erreur de lecture ou d'écriture du disque sur la base « {path.name} » : rien n'a "
            "été enregistré. Vérifiez le disque puis recommencez."
        )
    return DatabaseUnavailable(f"Erreur de la base de données : {orig}")
