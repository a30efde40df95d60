"""The command line as registrar IT scripts it (FORMATS.md §1, §3): real files, real processes."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from platform_helpers import assert_owner_only

from monmaster_desktop.cli import main
from monmaster_desktop.demo import generate, write_csv_files

CAND_HEADER = (
    "candidate_number,ine,last_name,first_name,birth_date,email,phone,nationality,"
    "residence_country,diploma,diploma_status,repeating_m1,ves_vap,automatic_admission,"
    "enrolment_history"
)
APP_HEADER = (
    "candidate_number,campaign,phase,institution_code,institution_name,mention,parcours,"
    "training_type,submitted_on,status,waitlist_rank,rejection_reason,notified_on,accepted_on,"
    "registered_on"
)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", *args],
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )


def test_check_json_on_new_file(tmp_path: Path) -> None:
    """check --json on a base just made by an empty import prints no candidate; the base is
    owner-only."""
    path = tmp_path / "new.sqlite"
    cands = write(tmp_path / "c.csv", CAND_HEADER, [])
    assert run_cli("import", str(cands), "--database", str(path)).returncode == 0
    done = run_cli("check", "--json", "--database", str(path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"as_of": date.today().isoformat(), "candidates": []}
    assert_owner_only(path)


def test_usage_error_exits_2(tmp_path: Path) -> None:
    """A malformed --today is a usage error (exit 2), not a refusal."""
    done = run_cli("check", "--today", "2024-13-01", "--database", str(tmp_path / "x.sqlite"))
    assert done.returncode == 2
    assert "date invalide" in done.stderr


def write(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_import_check_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture, db_target) -> None:  # noqa: ANN001
    """An imported candidate shows in check --json exactly as FORMATS.md §3 describes."""
    cands = write(
        tmp_path / "candidates.csv",
        CAND_HEADER,
        [
            "M24-000123,1234567890V,Dupont,Hélène,2001-05-04,,,MA,MA,licence,,non,non,non,never",
        ],
    )
    apps = write(
        tmp_path / "applications.csv",
        APP_HEADER,
        [
            "M24-000123,2024,main,0134009M,Aix-Marseille Université,Informatique,IA,initial,"
            "2024-03-01,accepted_definitively,,,2024-06-10,2024-07-02,",
            "M24-000123,2024,main,0751717J,Université X,Chimie,,initial,2024-03-02,rejected,,"
            "incomplete,2024-06-04,,",
            "M24-000123,2024,main,0751717J,Université X,Physique,,initial,2024-03-02,withdrawn,,,,,",
        ],
    )
    db = str(db_target)
    assert main(["import", str(cands), str(apps), "--database", db]) == 0
    capsys.readouterr()
    assert main(["check", "--json", "--today", "2024-07-20", "--database", db]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "as_of": "2024-07-20",
        "candidates": [
            {
                "candidate_number": "M24-000123",
                "ine": "1234567890V",
                "last_name": "Dupont",
                "first_name": "Hélène",
                "eligible": False,
                "ineligibility_reasons": ["etudes_en_france"],
                "counted": {
                    "main": {"initial": 2, "alternance": 0},
                    "complementary": {"initial": 0, "alternance": 0},
                },
                "registration": {
                    "institution_code": "0134009M",
                    "mention": "Informatique",
                    "accepted_on": "2024-07-02",
                    "deadline": "2024-07-19",
                    "route": "iaweb_primo",
                    "registered_on": None,
                },
                "explanation_deadlines": [
                    {
                        "institution_code": "0751717J",
                        "mention": "Chimie",
                        "notified_on": "2024-06-04",
                        "last_day": "2024-07-04",
                    }
                ],
                "flags": ["not_eligible", "registration_overdue"],
                "must_contact_registrar": True,
            }
        ],
    }


def test_bad_row_among_many_writes_nothing(tmp_path: Path, db_target) -> None:  # noqa: ANN001
    """One bad row among 300 candidates: exit 1, its line reported, the database unchanged."""
    data = generate(300, seed=7)
    folder = tmp_path / "in"
    cands, apps = write_csv_files(data, folder)
    rows = list(csv.reader(cands.open(encoding="utf-8")))
    rows[120][4] = "31/02/2001"  # line 121 of the file: an impossible birth date
    with cands.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    db = db_target
    done = run_cli("import", str(cands), str(apps), "--database", str(db))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines == [f"candidates.csv:121: birth_date: {lines[0].split(': ', 2)[2]}"]
    assert "31/02/2001" in lines[0]
    check = run_cli("check", "--json", "--database", str(db))
    assert json.loads(check.stdout)["candidates"] == []


def test_every_bad_row_reported(tmp_path: Path, capsys: pytest.CaptureFixture, db_target) -> None:  # noqa: ANN001
    """Several bad rows in both files are each reported as FILE:LINE: column: message."""
    cands = write(
        tmp_path / "candidates.csv",
        CAND_HEADER,
        [
            "A1,,Martin,Paul,2000-01-01,,,FR,FR,licence,,non,non,non,never",
            "A2,0123456789X,Durand,Zoé,2000-01-01,,,FR,FR,licence,,non,non,non,never",
            "A3,,Petit,Léo,2000-01-01,,,Atlantide,FR,licence,,non,non,non,never",
        ],
    )
    apps = write(
        tmp_path / "applications.csv",
        APP_HEADER,
        [
            "A1,2024,main,0134009M,,Informatique,,initial,2024-02-25,submitted,,,,,",
            "A1,2024,main,0134009M,,Chimie,,initial,2024-03-01,rejected,,,,,",
            "ZZ,2024,main,0134009M,,Chimie,,initial,2024-03-01,submitted,,,,,",
        ],
    )
    db = str(db_target)
    assert main(["import", str(cands), str(apps), "--database", db]) == 1
    err = capsys.readouterr().err.splitlines()
    places = [":".join(line.split(":")[:3]) for line in err]
    assert places == [
        "applications.csv:2: submitted_on",
        "applications.csv:3: rejection_reason",
        "applications.csv:4: candidate_number",
        "candidates.csv:3: ine",
        "candidates.csv:4: nationality",
    ]


def test_reimport_updates_and_audits(tmp_path: Path, capsys: pytest.CaptureFixture, db_target) -> None:  # noqa: ANN001
    """Re-importing a changed row updates the candidate and records old → new in the audit."""
    row = "A1,,Martin,Paul,2000-01-01,,,FR,FR,licence,,non,non,non,{history}"
    db = str(db_target)
    first = write(tmp_path / "c1.csv", CAND_HEADER, [row.format(history="never")])
    assert main(["import", str(first), "--database", db]) == 0
    second = write(tmp_path / "c2.csv", CAND_HEADER, [row.format(history="interrupted")])
    assert main(["import", str(second), "--database", db]) == 0
    assert "1 mis à jour" in capsys.readouterr().out
    from monmaster_desktop.controllers.candidates import CandidateController
    from monmaster_desktop.db import Database

    with Database(db) as database:
        controller = CandidateController(database)
        cid = controller.id_for_number("A1")
        file = controller.get_file(cid)
        history = controller.history(cid)
    assert file.candidate.enrolment_history.value == "interrupted"
    assert [(h.field, h.old_value, h.new_value) for h in history if h.field] == [
        ("enrolment_history", "never", "interrupted")
    ]


def test_backup_command(tmp_path: Path, db_target) -> None:  # noqa: ANN001
    """backup writes a checked, owner-only copy that opens as a database (a server's too)."""
    db = db_target
    out = tmp_path / "copy.sqlite"
    assert (
        main(["import", str(write(tmp_path / "c.csv", CAND_HEADER, [])), "--database", str(db)])
        == 0
    )
    assert main(["check", "--database", str(db)]) == 0
    assert main(["backup", str(out), "--database", str(db)]) == 0
    assert_owner_only(out)
    assert main(["check", "--json", "--database", str(out)]) == 0


def test_an_import_process_ends_with_its_whole_report_and_log(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """The import command's process ends without freeing the rows it read one by one: its
    report, its exit status, its log line and its base are all there, whole; a refused one
    says every bad row."""
    cands, apps = write_csv_files(generate(120, seed=5), tmp_path / "in")
    base = tmp_path / "base.sqlite"
    # Output to a pipe buffered, as a script's redirection has it: written only if flushed.
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)
    done = run_cli("import", str(cands), str(apps), "--database", str(base))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("Import terminé : candidats 120 créé(s)"), lines
    log = (Path(os.environ["MONMASTER_DESKTOP_HOME"]) / "logs").glob("*")
    assert any("start: import" in path.read_text(encoding="utf-8") for path in log)
    check = run_cli("check", "--json", "--database", str(base))
    assert len(json.loads(check.stdout)["candidates"]) == 120
    rows = list(csv.reader(apps.open(encoding="utf-8")))
    rows[7][8] = rows[9][8] = "2024-02-30"  # two impossible submission dates
    with apps.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    refused = run_cli("import", str(cands), str(apps), "--database", str(tmp_path / "b.sqlite"))
    assert refused.returncode == 1
    assert [line.split(":")[1] for line in refused.stderr.strip().splitlines()] == ["8", "10"]
