"""Where things live: the user's data directory (platformdirs), backups, shipped resources."""

from __future__ import annotations

import os
from importlib import resources as _resources
from pathlib import Path

import platformdirs

APP_NAME = "monmaster-desktop"
APP_AUTHOR = "MonMasterDesk"

#: Tests and scripted set-ups point this at a scratch folder: real user data is never touched.
HOME_ENV = "MONMASTER_DESKTOP_HOME"


def data_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    path = Path(override) if override else platformdirs.user_data_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_database_path() -> Path:
    return data_dir() / "monmaster.sqlite"


def backup_dir_for(database: Path) -> Path:
    """Backups sit beside the database, in a ``backups`` folder of their own (owner-only)."""
    path = database.parent / "backups"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def resource(*parts: str) -> Path:
    """A file shipped in ``resources/`` (installed as ``monmaster_desktop.resources``)."""
    base = Path(str(_resources.files("monmaster_desktop.resources")))
    return base.joinpath(*parts)
