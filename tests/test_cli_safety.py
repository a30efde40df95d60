"""A command line that cannot hurt (FORMATS.md §1): --database anywhere, no base created by a
typo, UTF-8 whatever the console, one French line for a bad export, several sheets after one
flag, backups that never overwrite silently, French words everywhere. Real processes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest

CAND_HEADER = (
    "candidate_number,ine,last_name,first_name,birth_date,email,phone,nationality,"
    "residence_country,diploma,diploma_status,repeating_m1,ves_vap,automatic_admission,"
    "enrolment_history"
)
CANDIDATES = [
    "M24-000001,,Phạm,Thị Lan,2001-05-04,,,VN,FR,licence,,non,non,non,never",
    "M24-000002,,Trần,Minh,2000-01-02,,,VN,FR,licence,,non,non,non,never",
    "M24-000003,,Lefèvre,Zoé,2001-03-04,,,FR,FR,licence,,non,non,non,interrupted",
]


def run(*args: str, home: Path, env: dict | None = None, cwd: Path | None = None):  # noqa: ANN201
    """The command in its own process; its user data directory in ``home``."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    return subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", *args],
        capture_output=True,
        env=base
        | {"MONMASTER_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        | (env or {}),
        timeout=180,
        cwd=cwd,
    )


def text(done: subprocess.CompletedProcess) -> tuple[str, str]:
    return done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "candidates.csv"
    path.write_text("\n".join([CAND_HEADER, *CANDIDATES]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def base(tmp_path: Path, csv_file: Path) -> Path:
    path = tmp_path / "base.sqlite"
    done = run("import", str(csv_file), "--database", str(path), home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    return path


def candidates_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM candidate").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("before", [True, False])
def test_database_before_or_after_the_sub_command(
    tmp_path: Path, csv_file: Path, before: bool
) -> None:
    """Point 13: before the sub-command it was ignored and the import went to the live base."""
    home = tmp_path / "home"
    target = tmp_path / "chosen.sqlite"
    where = ["--database", str(target)]
    args = [*where, "import", str(csv_file)] if before else ["import", str(csv_file), *where]
    done = run(*args, home=home)
    assert done.returncode == 0, done.stderr
    assert candidates_in(target) == 3
    assert not (home / "monmaster.sqlite").exists()  # the clerk's live base is untouched
    check = run(
        *(["--database", str(target), "check"] if before else ["check", "--database", str(target)]),
        home=home,
    )
    assert check.returncode == 0 and "M24-000003" in text(check)[0]


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["check", "--json"],
        ["stats", "--json"],
        ["export", "candidates", "OUT.csv"],
        ["sheets", "OUT.pdf"],
        ["backup", "OUT.sqlite"],
    ],
)
def test_missing_base_refused_and_nothing_created(tmp_path: Path, command: list[str]) -> None:
    """Point 14: a typo in --database never makes an empty base that looks valid."""
    typo = tmp_path / "bsae.sqlite"
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    for where in (["--database", str(typo)], []):  # a named file, and the default one
        done = run(*args, *where, home=tmp_path / "home")
        out, err = text(done)
        assert done.returncode == 1, err
        assert "base introuvable" in err and "Traceback" not in err
        assert not typo.exists() and not (tmp_path / "home" / "monmaster.sqlite").exists()
        assert not list(tmp_path.glob("out.*"))


def test_demo_with_a_sub_command_is_a_usage_error(tmp_path: Path, base: Path) -> None:
    done = run("--demo", "check", "--database", str(base), home=tmp_path / "home")
    assert done.returncode == 2
    assert "--demo" in text(done)[1] and "sous-commande" in text(done)[1]


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C"},  # an ASCII console
        {"PYTHONUTF8": "0", "LC_ALL": "C", "PYTHONIOENCODING": "cp1252"},  # a Windows code page
    ],
)
def test_output_is_utf8_whatever_the_console(tmp_path: Path, base: Path, env: dict) -> None:
    """Point 15: « check > rapport.txt » with names such as Phạm, Trần."""
    for args in (["check", "--today", "2024-07-20"], ["check", "--json"]):
        done = run(*args, "--database", str(base), home=tmp_path / "home", env=env)
        out, err = text(done)
        assert done.returncode == 0, err
        assert ("PHẠM" in out or "Phạm" in out) and "Trần".upper() in out.upper()
    missing = run(
        "check", "--database", str(tmp_path / "none.sqlite"), home=tmp_path / "home", env=env
    )
    assert "Vérifiez" in text(missing)[1]  # French accents on stderr too


def test_export_to_an_unknown_extension(tmp_path: Path, base: Path) -> None:
    """Point 16: exit 2, one French line, no traceback, nothing written."""
    done = run(
        "export",
        "candidates",
        str(tmp_path / "liste.pdf"),
        "--database",
        str(base),
        home=tmp_path / "home",
    )
    out, err = text(done)
    assert done.returncode == 2
    assert err.strip().count("\n") == 0 and "format inconnu « .pdf »" in err
    assert ".csv" in err and "Traceback" not in err
    assert not (tmp_path / "liste.pdf").exists()


def test_sheets_take_several_numbers_after_one_flag(tmp_path: Path, base: Path) -> None:
    """Point 17: --candidate A B C, as the README shows; repeated flags still work."""
    home = tmp_path / "home"
    one_flag = tmp_path / "three.pdf"
    done = run(
        "sheets",
        str(one_flag),
        "--candidate",
        "M24-000001",
        "M24-000002",
        "M24-000003",
        "--today",
        "2024-07-20",
        "--database",
        str(base),
        home=home,
    )
    assert done.returncode == 0, text(done)[1]
    assert "3 fiche(s)" in text(done)[0]
    repeated = tmp_path / "two.pdf"
    done = run(
        "sheets",
        str(repeated),
        "--candidate",
        "M24-000001",
        "--candidate",
        "M24-000003",
        "--database",
        str(base),
        home=home,
    )
    assert done.returncode == 0 and "2 fiche(s)" in text(done)[0]
    assert len(pypdfium2.PdfDocument(one_flag)) >= 3


def test_backup_refuses_an_existing_target_unless_forced(tmp_path: Path, base: Path) -> None:
    """Point 18."""
    home = tmp_path / "home"
    out = tmp_path / "copie.sqlite"
    out.write_bytes(b"precious")
    done = run("backup", str(out), "--database", str(base), home=home)
    assert done.returncode == 1
    assert "existe déjà" in text(done)[1] and "--force" in text(done)[1]
    assert out.read_bytes() == b"precious"
    done = run("backup", str(out), "--force", "--database", str(base), home=home)
    assert done.returncode == 0, text(done)[1]
    assert candidates_in(out) == 3


def test_every_message_french(tmp_path: Path, base: Path) -> None:
    """Point 19: argparse's usage, help and errors; the system's own words."""
    home = tmp_path / "home"
    english = (
        "usage:",
        "show this help",
        "error:",
        "the following arguments",
        "unrecognized arguments",
        "invalid choice",
        "positional arguments",
        "No such file or directory",
        "file is not a database",
        "expected one argument",
    )
    outputs = []
    for args in (
        ["--help"],
        ["check", "--help"],
        ["sheets", "--help"],
        ["sheets"],
        ["check", "--bogus"],
        ["export", "people", "x.csv"],
        ["sheets", "x.pdf", "--candidate"],
        ["frobnicate"],
    ):
        done = run(*args, home=home)
        out, err = text(done)
        outputs.append(out + err)
        assert done.returncode in (0, 2), (args, err)
    joined = "\n".join(outputs)
    assert "utilisation :" in joined and "afficher cette aide et quitter" in joined
    assert "arguments obligatoires manquants" in joined and "arguments non reconnus" in joined
    assert "choix invalide" in joined and "une valeur attendue" in joined
    not_a_base = tmp_path / "notes.sqlite"
    not_a_base.write_text("ceci n'est pas une base\n" * 200, encoding="utf-8")
    done = run("check", "--database", str(not_a_base), home=home)
    assert done.returncode == 1 and "n'est pas une base de données" in text(done)[1]
    joined += text(done)[1]
    done = run("import", str(tmp_path / "absent.csv"), "--database", str(base), home=home)
    assert done.returncode == 1
    joined += text(done)[1]
    for words in english:
        assert words not in joined, words
