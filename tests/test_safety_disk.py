"""A disk too small for a PDF, a backup or an export: French message, exit 1, nothing left.

The small disk is a real one where the system allows it (a 64 KiB tmpfs mounted for the test,
as root: the CI machine), else the command runs with a file-size limit (RLIMIT_FSIZE) that the
kernel enforces on every write the same way.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.db import Database
from monmaster_desktop.demo import generate, write_csv_files
from tests.safety_helpers import REPO

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX mounts and limits")

SMALL = 64 * 1024
#: Eight sheets make a PDF of some 115 KB: too big for the small disk, quick to draw.
EIGHT = [f"M24-{n:06d}" for n in range(1, 9)]


@dataclass(frozen=True)
class SmallDisk:
    folder: Path
    #: None on a real small disk; else the file-size limit the command runs under.
    limit: int | None


def _mount_tmpfs(folder: Path, size: int) -> bool:
    if os.environ.get("MONMASTER_TEST_NO_TMPFS") or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    return done.returncode == 0


@contextlib.contextmanager
def small_disk(root: Path, size: int = SMALL) -> Iterator[SmallDisk]:
    folder = root / "petit-disque"
    folder.mkdir()
    mounted = _mount_tmpfs(folder, size)
    try:
        yield SmallDisk(folder, None if mounted else size)
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=True)


def run_cli(disk: SmallDisk, *args: str, home: Path) -> subprocess.CompletedProcess:
    def limit() -> None:  # in the child, before exec
        if disk.limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (disk.limit, disk.limit))

    env = os.environ | {"PYTHONPATH": str(REPO), "MONMASTER_DESKTOP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=180, preexec_fn=limit,
    )  # fmt: skip


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A base of 150 generated candidates (built once for the module, only read by the tests)."""
    folder = tmp_path_factory.mktemp("office")
    cands, apps = write_csv_files(generate(150, seed=11), folder / "in")
    path = folder / "office.sqlite"
    with Database(path) as db:
        assert not ImportController(db).run(cands, apps).problems
    return path


def assert_refused_and_nothing_left(done: subprocess.CompletedProcess, disk: SmallDisk) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr
    assert "disque plein" in done.stderr or "disque est plein" in done.stderr
    assert sorted(p.name for p in disk.folder.iterdir()) == []  # no file, no journal, no .part


def test_pdf_that_does_not_fit_is_not_reported_as_printed(office: Path, tmp_path: Path) -> None:
    """`sheets` (eight, ~115 KB) onto a 64 KiB disk: exit 1, French message, no PDF."""
    with small_disk(tmp_path) as disk:
        done = run_cli(
            disk, "sheets", str(disk.folder / "fiches.pdf"), "--database", str(office),
            "--today", "2024-07-20", "--candidate", *EIGHT, home=tmp_path / "home",
        )  # fmt: skip
        assert "fiche(s)" not in done.stdout
        assert_refused_and_nothing_left(done, disk)


def test_backup_that_does_not_fit_leaves_no_partial_copy_nor_journal(
    office: Path, tmp_path: Path
) -> None:
    """`backup` onto a 64 KiB disk: exit 1, French message, no copy, no -journal left."""
    with small_disk(tmp_path) as disk:
        done = run_cli(
            disk, "backup", str(disk.folder / "copie.sqlite"), "--database", str(office),
            home=tmp_path / "home",
        )  # fmt: skip
        assert "Sauvegarde écrite" not in done.stdout
        assert_refused_and_nothing_left(done, disk)


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_export_that_does_not_fit_is_refused_without_noise(
    office: Path, tmp_path: Path, suffix: str
) -> None:
    """`export` onto a disk too small for it (the workbook, compressed, is some 60 KB: it gets
    16 KiB): exit 1, one French message, no « Exception ignored »."""
    with small_disk(tmp_path, 16 * 1024) as disk:
        done = run_cli(
            disk, "export", "applications", str(disk.folder / f"liste.{suffix}"),
            "--database", str(office), "--today", "2024-07-20", home=tmp_path / "home",
        )  # fmt: skip
        assert "exportée" not in done.stdout
        assert_refused_and_nothing_left(done, disk)
