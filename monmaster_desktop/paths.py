"""Where things live: the user's data directory (platformdirs), backups, shipped resources."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

APP_NAME = "monmaster-desktop"
APP_AUTHOR = "MonMasterDesk"

#: Tests and scripted set-ups point this at a scratch folder: real user data is never touched.
HOME_ENV = "MONMASTER_DESKTOP_HOME"


def data_dir_location() -> Path:
    """Where the data folder is, without creating it."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    import platformdirs  # here: the window's first paint needs resource(), not this

    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR)


def data_dir() -> Path:
    path = data_dir_location()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_database_path() -> Path:
    """The clerk's own file: the one the site configuration names, else in the data folder."""
    from monmaster_desktop.site import current_site

    configured = current_site().database()
    if configured and "://" not in configured:
        return Path(configured)
    return data_dir() / "monmaster.sqlite"


def default_database() -> Path | str:
    """What opens without ``--database``: the site's server URL (``{login}`` filled), or a file."""
    from monmaster_desktop.site import current_site

    configured = current_site().database_url
    if configured and "://" in configured:
        from monmaster_desktop.db import site_database_target  # {login}, URL-quoted

        return site_database_target(configured)
    return default_database_path()


def backup_dir_for(database: Path) -> Path:
    """Backups sit beside the database, in a ``backups`` folder of their own (owner-only).

    The office's own database backs up to the site configuration's folder instead (often a
    network share), in a sub-folder per OS login so that desks never rotate each other's copies.
    """
    from monmaster_desktop.site import current_site, os_login

    configured = current_site().backups
    if configured is not None and _same_file(database, default_database_path()):
        path = configured / os_login()
    else:
        path = database.parent / "backups"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def backup_dir_for_server(name: str) -> Path:
    """Snapshots of a server base (``name``: host-port-base): in the site configuration's backup
    folder when it names one (a sub-folder per OS login, as for the office's file), else in the
    data folder."""
    from monmaster_desktop.site import current_site, os_login

    configured = current_site().backups
    base = configured / os_login() if configured is not None else data_dir() / "backups"
    path = base / name
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def resource(*parts: str) -> Path:
    """A file shipped in ``resources/`` (installed as ``monmaster_desktop.resources``)."""
    # From the package's own folder, not importlib.resources.files(): in the frozen bundle
    # files() answers a MultiplexedPath, which is no file-system path.
    package = importlib.import_module("monmaster_desktop.resources")
    if package.__file__:
        return Path(package.__file__).parent.joinpath(*parts)
    return Path(next(iter(package.__path__))).joinpath(*parts)  # seen as a namespace package
