"""The clerk's preferences (language, window layout), kept with QSettings in an INI file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings, QStandardPaths

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

    def save_folder(self) -> Path:
        """Where a save dialog opens: the last folder used, else Documents (never site-packages
        or the program's folder, where Windows does not let a clerk write)."""
        last = self._settings.value("files/last_folder", "")
        if last and Path(str(last)).is_dir():
            return Path(str(last))
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def suggest(self, file_name: str) -> str:
        """A full path for a save dialog: ``file_name`` in ``save_folder()``."""
        return str(self.save_folder() / file_name)

    def remember_folder(self, chosen: str | Path) -> None:
        """Remember the folder of a file the clerk chose, for the next dialog."""
        if chosen:
            self._settings.setValue("files/last_folder", str(Path(chosen).parent))

    def sync(self) -> None:
        self._settings.sync()
