"""Where the operating system has no POSIX permission bits (Windows), mode checks are skipped."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

POSIX_MODES = os.name == "posix"

#: For a test that is about permission bits and nothing else.
posix_modes_only = pytest.mark.skipif(not POSIX_MODES, reason="no POSIX permission bits here")


def assert_owner_only(path: Path) -> None:
    """``path`` is readable and writable by its owner only (checked where modes exist)."""
    if POSIX_MODES:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, oct(path.stat().st_mode)
