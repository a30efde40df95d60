"""Shared fixtures: a scratch home and Qt settings per test, a fresh database, its services."""

from __future__ import annotations

from pathlib import Path

import pytest

from monmaster_desktop.paths import HOME_ENV


@pytest.fixture(autouse=True)
def scratch_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """Real user data and settings are never touched: home, Qt settings and platform go to tmp."""
    home = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(home))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    # No site configuration of this machine leaks in; a test that wants one sets SITE_ENV.
    from monmaster_desktop.logs import stop_logging
    from monmaster_desktop.site import SITE_ENV, current_site

    monkeypatch.setenv(SITE_ENV, "")
    current_site.cache_clear()
    yield home
    current_site.cache_clear()
    stop_logging()  # the next test logs into its own scratch home
    _remove_translators_left_installed()


def _remove_translators_left_installed() -> None:
    """A test that switched the interface language leaves none of its catalogues to the next."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))


@pytest.fixture
def db(tmp_path: Path):  # noqa: ANN201
    """A fresh database file, closed after the test."""
    from monmaster_desktop.db import Database

    database = Database(tmp_path / "t.sqlite")
    yield database
    database.close()


@pytest.fixture
def services(db):  # noqa: ANN001, ANN201
    """The controllers a window uses, on the fresh database."""
    from monmaster_desktop.ui.services import Services

    return Services(db)
