"""The clerk's name printed on status sheets (« Édité le … par … »), from the desk's settings.

Set in the window (Outils › Votre nom sur les fiches…) and kept with the clerk's other
preferences; never the operating system's login (« root », « jdupont2 » tell a student nothing).
Without a name, the sheet is signed by the office.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "MonMasterDesk"
APPLICATION = "Mon Master Desk"
KEY = "sheet/clerk_name"


def _settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def clerk_name() -> str:
    """The name the clerk gave (an empty string when none was given)."""
    value = _settings().value(KEY, "")
    return " ".join(str(value).split()) if value else ""


def set_clerk_name(name: str) -> None:
    settings = _settings()
    settings.setValue(KEY, " ".join(name.split()))
    settings.sync()
