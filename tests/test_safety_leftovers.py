"""No personal data left behind in temporary files by a cancelled or killed export."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest

from monmaster_desktop.controllers.exports import ExportCancelled, ExportController
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.db import Database
from monmaster_desktop.demo import generate, write_csv_files
from tests.safety_helpers import REPO


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A base of 400 generated candidates (some 3,000 applications), only read by the tests."""
    folder = tmp_path_factory.mktemp("office")
    cands, apps = write_csv_files(generate(400, seed=17), folder / "in")
    path = folder / "office.sqlite"
    with Database(path) as db:
        assert not ImportController(db).run(cands, apps).problems
    return path


def test_cancelled_xlsx_export_leaves_no_temporary_file_anywhere(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancelled midway: nothing in the system's temp folder, nothing beside the target."""
    system_temp = tmp_path / "system-tmp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    out = tmp_path / "exports" / "liste.xlsx"
    out.parent.mkdir()
    with Database(office) as db, pytest.raises(ExportCancelled):
        ExportController(db).export(
            "applications", out, as_of=date(2024, 7, 20), is_cancelled=lambda: True
        )
    assert list(system_temp.iterdir()) == []
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_while_an_export_is_written_its_only_file_is_owner_only_beside_the_target(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """Midway through the rows: one hidden 0600 file beside the target, nothing in the system's
    temp folder; at the end, the export alone."""
    system_temp = tmp_path / "system-tmp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    out = tmp_path / "exports" / f"liste.{suffix}"
    out.parent.mkdir()
    seen: list[tuple[list[str], list[int], list[Path]]] = []

    def midway(rows: int) -> None:
        beside = sorted(out.parent.iterdir())
        seen.append(
            ([p.name for p in beside], [p.stat().st_mode & 0o777 for p in beside],
             list(system_temp.iterdir()))
        )  # fmt: skip

    with Database(office) as db:
        ExportController(db).export("applications", out, as_of=date(2024, 7, 20), progress=midway)
    assert seen
    for names, modes, in_system_temp in seen:
        assert len(names) == 1 and names[0].startswith(".liste.") and names[0].endswith(".part")
        assert modes == [0o600] and in_system_temp == []
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]


def kill_export_midway(office: Path, out: Path, system_temp: Path) -> None:
    """Start `export` in another process and kill it (SIGKILL) once its temporary files exist;
    again (up to five times) when it finished first (a fast machine writes the CSV in less
    than the pause before the kill)."""
    for _attempt in range(5):
        _kill_export(office, out, system_temp)
        if not out.exists():
            return
        out.unlink()
    pytest.fail("the export always ended before it could be killed")


def _kill_export(office: Path, out: Path, system_temp: Path) -> None:
    env = os.environ | {
        "PYTHONPATH": str(REPO),
        "TMPDIR": str(system_temp),
        "MONMASTER_DESKTOP_HOME": str(out.parent / "home"),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "monmaster_desktop", "export", "applications", str(out),
         "--database", str(office), "--today", "2024-07-20"],
        env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            started = [p for p in out.parent.iterdir() if p.name.startswith(".")]
            started += list(system_temp.iterdir())
            if started and child.poll() is None:
                time.sleep(0.01)  # some rows written
                break
            if child.poll() is not None:
                pytest.fail("the export ended before it could be killed")
            time.sleep(0.005)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_killed_export_leaves_nothing_in_tmp_and_its_leftovers_go_at_the_next_start(
    office: Path, tmp_path: Path, suffix: str
) -> None:
    """Killed midway: nothing in the system's temp folder; what it left beside the target is
    owner-only and removed by the next export into that folder."""
    system_temp = tmp_path / "system-tmp"
    system_temp.mkdir()
    exports = tmp_path / "exports"
    exports.mkdir()
    kill_export_midway(office, exports / f"liste.{suffix}", system_temp)
    assert list(system_temp.iterdir()) == []
    leftovers = [p for p in exports.iterdir() if p.name != "home"]
    assert leftovers, "the kill came too late to leave anything"
    for left in leftovers:
        assert left.stat().st_mode & 0o077 == 0, left
    with Database(office) as db:
        ExportController(db).export("candidates", exports / "autre.csv", as_of=date(2024, 7, 20))
    assert sorted(p.name for p in exports.iterdir() if p.name != "home") == ["autre.csv"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_exports_leftovers_go_at_the_next_start_without_another_export(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk remembers where it wrote temporaries: the next start (window or command line)
    removes a dead export's leftovers even if nothing is ever exported there again."""
    from monmaster_desktop.io.writers import clean_stale_temporaries_at_start
    from monmaster_desktop.paths import HOME_ENV

    exports, system_temp = tmp_path / "exports", tmp_path / "system-tmp"
    exports.mkdir()
    system_temp.mkdir()
    (exports / "home").mkdir()  # the desk's data folder, made at its first start
    kill_export_midway(office, exports / "liste.xlsx", system_temp)
    leftovers = [p for p in exports.iterdir() if p.name != "home"]
    assert leftovers, "the kill came too late to leave anything"
    monkeypatch.setenv(HOME_ENV, str(exports / "home"))  # the killed desk's data folder
    assert sorted(clean_stale_temporaries_at_start()) == sorted(leftovers)
    assert [p.name for p in exports.iterdir()] == ["home"]


def test_leftovers_of_a_live_export_are_not_touched(tmp_path: Path) -> None:
    """Only a dead process's temporary files are removed: a running export keeps its own."""
    from monmaster_desktop.io.writers import clean_stale_temporaries, private_temporary

    mine = private_temporary(tmp_path / "liste.csv")  # this process is alive
    dead = tmp_path / mine.name.replace(f"-{os.getpid()}.", "-999999999.")
    dead.write_text("Martin;Claire")
    assert clean_stale_temporaries(tmp_path) == [dead]
    assert mine.exists() and not dead.exists()
