"""The clerk's preferences (language, window layout), kept with QSettings in an INI file."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLocale, QSettings

from monmaster_desktop.clerk import APPLICATION, ORGANISATION  # one place for both names

LANGUAGES = ("fr", "en")


def system_language() -> str:
    """French, the clerks' language, unless the system is set to English (a bare "C" or
    POSIX locale, as on many servers and fresh installs, says nothing: French)."""
    return "en" if QLocale.system().language() == QLocale.Language.English else "fr"


class Preferences:
    """Typed access to the settings; tests redirect them with ``QSettings.setPath``."""

    def __init__(self) -> None:
        self._settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    def language(self) -> str:
        value = self._settings.value("ui/language", "")
        return value if value in LANGUAGES else system_language()

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._settings.setValue("ui/language", language)

    def layout(self, key: str) -> QByteArray | None:
        """A saved geometry or state (window, splitter, table header), or None."""
        value = self._settings.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"layout/{key}", value)

    def sync(self) -> None:
        self._settings.sync()
