"""Personal data: owner-only files, no network connection ever, no names in the logs."""

from __future__ import annotations

import logging
import os
import socket
import stat
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.backups import BackupController
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.controllers.purge import PurgeController
from monmaster_desktop.db import Database
from monmaster_desktop.demo import generate, write_csv_files

AS_OF = "2024-07-20"
network_attempts: list[str] = []


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """Any socket connection or name lookup is recorded and refused; the test then fails."""
    network_attempts.clear()

    def refuse(name: str):  # noqa: ANN202
        def blocked(*args: object, **kwargs: object) -> None:
            network_attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError("network use is forbidden in Mon Master Desk")

        return blocked

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield
    assert network_attempts == [], f"the program used the network: {network_attempts}"


def test_network_guard_really_catches_a_connection() -> None:
    """The guard itself works: a connection attempt is refused and recorded."""
    with pytest.raises(OSError):
        socket.create_connection(("exemple.invalid", 80))
    assert network_attempts == ["create_connection(('exemple.invalid', 80),)"]
    network_attempts.clear()


@pytest.fixture
def lax_umask():  # noqa: ANN201
    """umask 000: any file not created owner-only on purpose would be world-readable."""
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_main_flows_offline_and_every_file_owner_only(
    tmp_path: Path, lax_umask: None, capsys: pytest.CaptureFixture
) -> None:
    """Import, check, exports, sheets PDF, backups and purge: no socket, every file 0600."""
    folder = tmp_path / "in"
    folder.mkdir()
    cands, apps = write_csv_files(generate(60, seed=11), folder)
    base = tmp_path / "data" / "base.sqlite"
    out = tmp_path / "out"
    out.mkdir()
    database = ["--database", str(base)]
    assert main(["import", str(cands), str(apps), *database]) == 0
    assert main(["check", "--today", AS_OF, *database]) == 0
    assert main(["export", "candidates", str(out / "c.csv"), "--today", AS_OF, *database]) == 0
    assert main(["export", "applications", str(out / "a.xlsx"), "--today", AS_OF, *database]) == 0
    assert main(["sheets", str(out / "fiches.pdf"), "--today", AS_OF, *database]) == 0
    assert main(["backup", str(out / "copie.sqlite"), *database]) == 0
    with Database(base) as db:
        BackupController(db).backup_now()
        BackupController(db).automatic_backup()
        assert PurgeController(db).purge(date(2026, 2, 1)).deleted > 0
    capsys.readouterr()
    created = [p for p in tmp_path.rglob("*") if p.is_file() and folder not in p.parents]
    modes = {str(p.relative_to(tmp_path)): stat.S_IMODE(p.stat().st_mode) for p in created}
    assert {
        "out/c.csv",
        "out/a.xlsx",
        "out/fiches.pdf",
        "out/copie.sqlite",
        "data/base.sqlite",
    } <= set(modes)
    assert len([m for m in modes if m.startswith("data/backups/")]) == 3
    assert {name: mode for name, mode in modes.items() if mode != 0o600} == {}
    folders = [base.parent / "backups"]
    assert [stat.S_IMODE(f.stat().st_mode) for f in folders] == [0o700]


def test_logs_hold_no_personal_data(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Everything our code logs during an import, edits and a purge is free of names, INE, e-mails."""
    data = generate(40, seed=12)
    cands, apps = write_csv_files(data, tmp_path)
    secrets = set()
    for row in data.candidates:
        secrets.update(
            v for k, v in row.items() if k in ("last_name", "first_name", "ine", "email") and v
        )
    caplog.set_level(logging.DEBUG, logger="monmaster_desktop")
    with Database(tmp_path / "logs.sqlite") as db:
        assert not db.engine.echo  # SQL parameters (names) never go to the log
        assert not logging.getLogger("sqlalchemy.engine").isEnabledFor(logging.INFO)
        ImportController(db).run(cands, apps)
        candidates = CandidateController(db)
        for number in [row["candidate_number"] for row in data.candidates[:5]]:
            file = candidates.get_file(candidates.id_for_number(number))
            candidates.save(
                replace(file.candidate, notes="appel du candidat"),
                candidate_id=file.candidate_id,
                expected_version=file.version,
            )
        purged = PurgeController(db).purge(date(2026, 2, 1)).deleted
    assert purged > 0
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "retention purge" in logged  # something is logged: the check below is not vacuous
    assert sorted(s for s in secrets if s in logged) == []


def test_log_file_holds_no_personal_data(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """The rotating log file, after command-line work and an error quoting a candidate: no names,
    INEs or e-mails, and it is readable by its owner only."""
    from monmaster_desktop.logs import log_file

    data = generate(40, seed=13)
    cands, apps = write_csv_files(data, tmp_path)
    secrets = set()
    for row in data.candidates:
        secrets.update(
            v for k, v in row.items() if k in ("last_name", "first_name", "ine", "email") and v
        )
    base = ["--database", str(tmp_path / "b.sqlite")]
    assert main(["import", str(cands), str(apps), *base]) == 0
    assert main(["check", "--today", AS_OF, "--json", *base]) == 0
    assert main(["sheets", str(tmp_path / "f.pdf"), "--today", AS_OF, *base]) == 0
    row = data.candidates[0]
    try:  # an unexpected error whose message quotes what was typed
        raise ValueError(f"{row['last_name']} {row['first_name']} {row['ine']} {row['email']}")
    except ValueError:
        logging.getLogger("monmaster_desktop.ui").exception("unexpected error")
    logging.getLogger("monmaster_desktop.io").warning("row for %s refused", row["email"])
    capsys.readouterr()
    logged = log_file().read_text(encoding="utf-8")
    assert "start: import" in logged and "ValueError" in logged  # not vacuous
    assert sorted(s for s in secrets if s in logged) == []
    if sys.platform != "win32":
        assert stat.S_IMODE(log_file().stat().st_mode) == 0o600
