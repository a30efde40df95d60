"""Interface language: French sources, English translations, Qt's own dialogs translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from monmaster_desktop.paths import resource

#: The locale of each interface language: both write dates as 26/02/2024.
LOCALES = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's catalogue and ours for ``language``; returns what was installed."""
    QLocale.setDefault(QLocale(*LOCALES[language]))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [(f"qtbase_{language}", qt_dir)]
    if language != "fr":  # French is the source language of our own strings
        ours = sorted(resource("translations").glob(f"*_{language}.qm"))
        catalogues += [(qm.stem, str(qm.parent)) for qm in ours]
    installed: list[QTranslator] = []
    for name, folder in catalogues:
        translator = QTranslator(app)  # parented: lives as long as the application
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Back to the French sources (tests switch languages within one application)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
