"""Crash safety: a child killed (SIGKILL) during an import, edits or a backup loses nothing.

The normal suite runs a few kills; ``scripts/crash_stress.py --runs 100`` (or the ``stress``
marker: ``pytest -m stress``) runs many more on a larger import.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.safety_helpers import crash_campaign

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_killed_at_random_moments_loses_nothing(tmp_path: Path) -> None:
    """Six kills (two per phase): integrity ok, import whole or absent, every saved edit kept."""
    summary = crash_campaign(tmp_path, 6, candidates=300, edits=40, seed=6)
    assert summary.problems == []
    assert summary.faults >= 4, summary.line()  # the kills really landed mid-work
    assert summary.edits_confirmed > 0


@pytest.mark.stress
def test_stress_hundred_kills(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """At least 100 kills on an import of 2,000 candidates: no record lost."""
    if "stress" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("long run: pytest -m stress, or scripts/crash_stress.py --runs 100")
    summary = crash_campaign(tmp_path, 100, candidates=2000, edits=60, seed=100)
    print(summary.line())
    assert summary.problems == []
    assert summary.faults >= 80, summary.line()
