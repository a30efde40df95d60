"""The desk's log file: rotating, owner-only, in platformdirs' user log folder; no personal data.

What goes in: events (start, database opened, backups, purges), warnings, and the *type* and
*place* of unexpected errors. What never goes in: names, INEs, e-mails — exception messages may
quote what a clerk typed, so an error's message is kept out of the file (the crash dialog shows
it to the clerk, who decides what to copy to support), and any e-mail or INE-looking text that
slips into a record is masked.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import traceback
from pathlib import Path
from types import TracebackType

import platformdirs

LOG_FILE_NAME = "monmaster-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # five 1 MB files: months of an office's use, well under the CNIL's year

_EMAIL = re.compile(r"[^\s@<>()\"']+@[^\s@<>()\"']+\.[A-Za-z]{2,}")
_INE = re.compile(r"\b(?:\d{9}[A-Za-z]{2}|\d{10}[A-Za-z]|[0-9A-Z]{10}\d)\b")

_handler: logging.Handler | None = None


def log_dir() -> Path:
    """``MONMASTER_DESKTOP_HOME/logs`` in tests and scripted set-ups, else the user log folder."""
    from monmaster_desktop.paths import APP_AUTHOR, APP_NAME, HOME_ENV

    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "logs"
    return platformdirs.user_log_path(APP_NAME, APP_AUTHOR)


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def mask_personal_data(text: str) -> str:
    """E-mail addresses and INE-like identifiers replaced by a placeholder."""
    return _INE.sub("[INE]", _EMAIL.sub("[e-mail]", text))


class _PrivacyFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_personal_data(record.getMessage())
        record.args = None
        if record.exc_info:  # the traceback's frames only, never the exception's message
            record.exc_text = describe_error(*record.exc_info, with_message=False)
            record.exc_info = None
        return True


class _OwnerOnlyRotatingHandler(logging.handlers.RotatingFileHandler):
    """Log files are created readable by their owner only, like the database."""

    def _open(self):  # noqa: ANN202 - logging's own signature
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the program's log records to the rotating file; returns its path (None if unwritable).

    Called once by the window and the command line; calling it again changes nothing. A log
    folder that cannot be created never stops the desk: it runs without a file.
    """
    global _handler
    path = log_file()
    if _handler is not None:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _OwnerOnlyRotatingHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_PrivacyFilter())
    root = logging.getLogger("monmaster_desktop")
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
    return path


def stop_logging() -> None:
    """Detach and close the file handler (tests, and before a log folder is removed)."""
    global _handler
    if _handler is not None:
        logging.getLogger("monmaster_desktop").removeHandler(_handler)
        _handler.close()
        _handler = None


def describe_error(
    kind: type[BaseException] | None,
    error: BaseException | None,
    tb: TracebackType | None,
    *,
    with_message: bool = True,
) -> str:
    """A traceback as text; without the message, only the error's type and the code's lines."""
    if with_message:
        return "".join(traceback.format_exception(kind, error, tb))
    # Places only (file, line, function): a source line may hold a literal typed by someone.
    frames = "".join(
        f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
        for frame in (traceback.extract_tb(tb) if tb else [])
    )
    name = kind.__qualname__ if kind else "Exception"
    return f"Traceback (most recent call last):\n{frames}{name}: (message non journalisé)"
