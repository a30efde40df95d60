"""The database layer: the one place that knows which engine holds the records.

``Database(target)`` opens a SQLite file (a path, :mod:`.sqlite`) or a PostgreSQL server (a
``postgresql://`` URL, :mod:`.postgresql`). Controllers use only the façade (:mod:`.base`):
``read()``, ``write()``, ``bulk_insert()``, ``indexes_built_after()``, ``snapshot()``,
``restore_from()``, ``compact()``, ``integrity_check()``, ``purge_candidates()`` and
``backup_dir``. Everything engine-specific
(pragmas, backup API, COPY, roles, notifications) lives in the engine's modules, never in
controllers or windows:

- :mod:`.base` the façade; :mod:`.errors` typed errors with French messages;
- :mod:`.sqlite` a database file; :mod:`.sqlite_files` whole files (checks, backups, restores);
- :mod:`.postgresql` a server; :mod:`.server_login` its address and password; :mod:`.roles`
  its roles and triggers; :mod:`.live` its notifications to the other desks;
- :mod:`.schema` migrations and built-in data; :mod:`.bulk` bulk writes; :mod:`.files` the disk;
  :mod:`.targets` what a ``--database`` value names (read before the window's first paint);
  :mod:`.sqlite_first_look` the first screen of a current file read before SQLAlchemy loads.

Names are loaded on first use (``from monmaster_desktop.db import Database``), so importing the
package costs nothing before the base is opened.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from typing import TYPE_CHECKING, Any

#: Where each public name of the layer lives.
_WHERE = {
    # base
    "BUSY_TIMEOUT_MS": "base",
    "RULES_REVISION_READ": "base",
    "Database": "base",
    "SERVER_SCHEMES": "targets",
    "_ReadSession": "base",
    "database_target": "targets",
    "is_server_url": "targets",
    "open_database": "base",
    "record_key": "base",
    "site_database_target": "targets",
    # errors
    "DatabaseBusy": "errors",
    "DatabaseCorrupt": "errors",
    "DatabaseDenied": "errors",
    "DatabaseDriverError": "errors",
    "DatabaseError": "errors",
    "DatabaseForeign": "errors",
    "DatabaseTooNew": "errors",
    "DatabaseUnavailable": "errors",
    "OS_REASONS_FR": "errors",
    "disk_full_message": "errors",
    "os_reason_fr": "errors",
    "translate_error": "errors",
    "translate_operational_error": "errors",
    # sqlite
    "SqliteDatabase": "sqlite",
    "_driver_failure": "sqlite",
    "_make_engine": "sqlite",
    # sqlite_files
    "backup_database": "sqlite_files",
    "foreign_tables": "sqlite_files",
    "holds_our_schema": "sqlite_files",
    "known_revisions": "sqlite_files",
    "quick_check": "sqlite_files",
    "replace_content": "sqlite_files",
    "set_aside": "sqlite_files",
    "staged_copy": "sqlite_files",
    "unknown_revisions": "sqlite_files",
    # schema
    "alembic_config": "schema",
    "load_defaults": "schema",
    "schema_revisions": "schema",
    "seed_defaults": "schema",
    "upgrade_schema": "schema",
    # files
    "DRIVE_REMOTE": "files",
    "NETWORK_FS": "files",
    "_sync": "files",
    "connect_read_only": "files",
    "create_private_file": "files",
    "filesystem_type": "files",
    "macos_filesystem_name": "files",
    "on_network_share": "files",
    "remove_with_journals": "files",
    "sqlite_uri": "files",
    "windows_drive_type": "files",
    # sqlite_first_look
    "FirstLook": "sqlite_first_look",
    "first_look": "sqlite_first_look",
    # bulk
    "_memoised": "bulk",
    "bulk_insert": "bulk",
    "bulk_insert_columns": "bulk",
    "bulk_insert_rows": "bulk",
    "indexes_built_after": "bulk",
}

__all__ = sorted(_WHERE)


#: The only module of ours the models import: when it is loaded already, the models load in
#: the thread too (see ``load_in_background``).
_MODELS_NEED = "monmaster_desktop.domain"


def load_in_background() -> threading.Thread | None:
    """Import SQLAlchemy in a thread, ahead of opening a base (None when already loaded); then
    the models, when every module of ours they import is loaded already.

    SQLAlchemy and the models are most of what the base's opening waits for. The thread never
    waits for a module the GUI thread is importing, so the two cannot deadlock: SQLAlchemy
    imports nothing of ours, and the models only ``monmaster_desktop.domain`` — which must be
    in ``sys.modules`` before the thread starts, or the models are left to the GUI thread. A
    GUI thread importing the models meanwhile waits for the thread to finish them (Python's
    per-module import lock), never sees them half-built."""
    with_models = _MODELS_NEED in sys.modules and "monmaster_desktop.models" not in sys.modules
    if "sqlalchemy.orm" in sys.modules and not with_models:
        return None

    def load() -> None:
        try:
            import sqlalchemy.orm

            if with_models:
                importlib.import_module("monmaster_desktop.models")
                sqlalchemy.orm.configure_mappers()  # under SQLAlchemy's own lock
        except Exception:  # noqa: BLE001 - opening the base imports it again and says why
            logging.getLogger(__name__).debug("SQLAlchemy not loaded ahead", exc_info=True)

    thread = threading.Thread(target=load, name="sqlalchemy-import", daemon=True)
    thread.start()
    return thread


def __getattr__(name: str) -> Any:
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


if TYPE_CHECKING:
    from monmaster_desktop.db.base import (  # noqa: F401
        BUSY_TIMEOUT_MS,
        RULES_REVISION_READ,
        SERVER_SCHEMES,
        Database,
        _ReadSession,
        database_target,
        is_server_url,
        open_database,
        record_key,
        site_database_target,
    )
    from monmaster_desktop.db.bulk import (  # noqa: F401
        _memoised,
        bulk_insert,
        bulk_insert_columns,
        bulk_insert_rows,
        indexes_built_after,
    )
    from monmaster_desktop.db.errors import (  # noqa: F401
        OS_REASONS_FR,
        DatabaseBusy,
        DatabaseCorrupt,
        DatabaseDenied,
        DatabaseDriverError,
        DatabaseError,
        DatabaseForeign,
        DatabaseTooNew,
        DatabaseUnavailable,
        disk_full_message,
        os_reason_fr,
        translate_error,
        translate_operational_error,
    )
    from monmaster_desktop.db.files import (  # noqa: F401
        DRIVE_REMOTE,
        NETWORK_FS,
        _sync,
        connect_read_only,
        create_private_file,
        filesystem_type,
        macos_filesystem_name,
        on_network_share,
        remove_with_journals,
        sqlite_uri,
        windows_drive_type,
    )
    from monmaster_desktop.db.schema import (  # noqa: F401
        alembic_config,
        load_defaults,
        schema_revisions,
        seed_defaults,
        upgrade_schema,
    )
    from monmaster_desktop.db.sqlite import (  # noqa: F401
        SqliteDatabase,
        _driver_failure,
        _make_engine,
    )
    from monmaster_desktop.db.sqlite_files import (  # noqa: F401
        backup_database,
        foreign_tables,
        holds_our_schema,
        known_revisions,
        quick_check,
        replace_content,
        set_aside,
        staged_copy,
        unknown_revisions,
    )
    from monmaster_desktop.db.sqlite_first_look import FirstLook, first_look  # noqa: F401
