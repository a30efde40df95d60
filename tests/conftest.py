"""Shared fixtures: a scratch home and Qt settings per test, a fresh database, its services.

The database suites run on both engines: a module named in :data:`BOTH_ENGINES` gets each of
its tests that uses ``db`` (or ``db_target``) twice, ``[sqlite]`` and ``[postgresql]``. The
PostgreSQL server is real: started once per test process (pytest-xdist worker) from the
machine's ``/usr/lib/postgresql/*/bin``, each test on a fresh base copied from a migrated
template. When ``CI=true`` a test that cannot get its server fails; elsewhere it is skipped.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from monmaster_desktop.paths import HOME_ENV

ENGINES = ("sqlite", "postgresql")
#: The suites that run on both engines (controllers, imports, exports, CLI, concurrency...).
BOTH_ENGINES = {
    "test_controllers",
    "test_campaigns_controller",
    "test_imports",
    "test_imports_fidelity",
    "test_imports_partial",
    "test_imports_records",
    "test_withdrawals_phase",
    "test_exports",
    "test_cli",
    "test_safety_concurrency",
    "test_purge",
    "test_server",
    "test_save_round_trips",
}
TEMPLATE = "monmaster_template"
_bases = itertools.count(1)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rpartition(".")[2]
    if "engine" not in metafunc.fixturenames:
        return
    pinned = metafunc.definition.get_closest_marker("engine_only")
    if pinned is not None:
        metafunc.parametrize("engine", pinned.args or ("sqlite",), indirect=True)
    elif module in BOTH_ENGINES:
        metafunc.parametrize("engine", ENGINES, indirect=True)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "engine_only(*engines): the test runs on these engines only (default sqlite)"
    )


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


@pytest.fixture(scope="session")
def pg_server():  # noqa: ANN201
    """A real PostgreSQL for this test process, with a migrated template base (roles too)."""
    from monmaster_desktop.local_server import LocalServer, ServerUnavailable

    try:
        server = LocalServer(passwords=True).start()
    except (ServerUnavailable, OSError) as exc:
        message = f"no PostgreSQL server for the tests: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    try:
        from monmaster_desktop.db.roles import init_server

        server.admin(f"CREATE DATABASE {TEMPLATE}")
        init_server(server.url_for(TEMPLATE))
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_base(pg_server):  # noqa: ANN001, ANN201
    """The URL of a fresh, migrated base on the test server (dropped afterwards)."""
    name = f"t{os.getpid()}_{next(_bases)}"
    pg_server.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    yield pg_server.url_for(name)
    pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """``sqlite`` unless the module runs on both engines (then parametrised)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db_target(engine: str, tmp_path: Path, request: pytest.FixtureRequest):  # noqa: ANN201
    """What ``Database(...)`` opens: a file path, or a fresh server base's URL."""
    if engine == "sqlite":
        return tmp_path / "t.sqlite"
    return request.getfixturevalue("pg_base")


@pytest.fixture
def db(db_target):  # noqa: ANN001, ANN201
    """A fresh database (file or server base), closed after the test."""
    from monmaster_desktop.db import Database

    database = Database(db_target)
    yield database
    database.close()


@pytest.fixture
def services(db):  # noqa: ANN001, ANN201
    """The controllers a window uses, on the fresh database."""
    from monmaster_desktop.ui.services import Services

    return Services(db)


def password_of(login: str) -> str:
    return f"mdp-{login}-2024"


def make_login(server, login: str, *, head: bool = False) -> None:  # noqa: ANN001
    """A real login on the test server, in the clerk's (or head's) role, with a password."""
    role = "monmaster_head" if head else "monmaster_clerk"
    server.admin(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
        f"'{login}') THEN CREATE ROLE \"{login}\" LOGIN; END IF; END $$"
    )
    server.admin(f"ALTER ROLE \"{login}\" PASSWORD '{password_of(login)}'")
    server.admin(f'GRANT {role} TO "{login}"')


@pytest.fixture
def as_login(
    engine: str,
    db_target,  # noqa: ANN001
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
):  # noqa: ANN201
    """``as_login(name, head=False)`` -> (target, environment) to act as another clerk.

    On a file the clerk is the OS user (LOGNAME/USER); on the server a real login in the
    clerk's (or head's) role that must give its password, found by libpq in the clerk's
    ``.pgpass`` (PGPASSFILE, also handed to child processes in the environment).
    """
    pgpass = tmp_path / "pgpass"

    def make(login: str, *, head: bool = False) -> tuple[object, dict[str, str]]:
        if engine == "sqlite":
            return db_target, {"LOGNAME": login, "USER": login}
        server = request.getfixturevalue("pg_server")
        make_login(server, login, head=head)
        with pgpass.open("a") as handle:
            handle.write(f"{server.host}:{server.port}:*:{login}:{password_of(login)}\n")
        pgpass.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
        return db_target.replace("://postgres@", f"://{login}@"), {"PGPASSFILE": str(pgpass)}

    return make
