"""The office's site configuration (FORMATS.md §6): read, reported when wrong, applied."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from monmaster_desktop import paths
from monmaster_desktop.cli import main
from monmaster_desktop.site import SITE_ENV, current_site, load_site, os_login

FULL = """\
[office]                      # printed on every status sheet
name = "Service de scolarité — Faculté des sciences"
address = "3 place Victor Hugo, 13003 Marseille"
phone = "04 13 55 00 00"
email = "scolarite-sciences@example.org"
hours = "du lundi au vendredi, 9 h – 12 h"

[sheet]
wording = "wording.json"

[database]
url = "postgresql://{login}@scol-db.example.org/monmaster"
backups = "partage/sauvegardes"

[retention]
months = 24
"""


def write_site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def use_site(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setenv(SITE_ENV, str(path))
    current_site.cache_clear()


def test_every_key_of_the_documented_example_is_read(tmp_path: Path) -> None:
    """The example of FORMATS.md §6 is read whole, paths relative to the file, no problem."""
    (tmp_path / "wording.json").write_text("{}", encoding="utf-8")
    site = load_site(write_site(tmp_path, FULL))
    assert site.problems == ()
    assert site.office["phone"] == "04 13 55 00 00"
    assert site.office["email"] == "scolarite-sciences@example.org"
    assert site.wording == tmp_path / "wording.json"
    assert site.backups == tmp_path / "partage" / "sauvegardes"
    assert site.retention_months == 24
    assert site.database(login="mdupont") == "postgresql://mdupont@scol-db.example.org/monmaster"
    assert site.database() == f"postgresql://{os_login()}@scol-db.example.org/monmaster"


def test_unknown_key_is_reported_with_file_line_and_key_and_the_rest_applies(tmp_path: Path) -> None:
    """A typo (« phnoe ») is named with its line; the other keys still apply."""
    path = write_site(tmp_path, '[office]\nname = "Scolarité"\nphnoe = "04"\n\n[retention]\nmonths = 12\n')
    site = load_site(path)
    assert site.office == {"name": "Scolarité"} and site.retention_months == 12
    [problem] = site.problems
    assert (problem.file, problem.line, problem.key) == (path, 3, "office.phnoe")
    assert problem.text_fr() == f"{path}:3 : clé « office.phnoe » : clé inconnue, ignorée"
    assert "valeurs par défaut" in site.report_fr()


def test_unknown_section_and_wrong_kinds_are_each_reported(tmp_path: Path) -> None:
    """Every problem of the file at once, each with its line: section, kind, range, missing file."""
    path = write_site(
        tmp_path,
        '[bureau]\nnom = "x"\n[retention]\nmonths = "dix-huit"\n[sheet]\nlogo = "absent.png"\n'
        '[database]\nurl = "mysql://x@y/z"\n',
    )
    site = load_site(path)
    found = {(p.line, p.key): p.message for p in site.problems}
    assert found[(1, "bureau")] == "section inconnue, ignorée"
    assert found[(4, "retention.months")] == "un nombre entier de mois est attendu"
    assert found[(6, "sheet.logo")].startswith("fichier introuvable")
    assert found[(8, "database.url")] == "seules les adresses postgresql://… sont acceptées"
    assert (site.retention_months, site.logo, site.database_url) == (None, None, None)
    months = load_site(write_site(tmp_path / "b", "[retention]\nmonths = 0\n")).problems[0]
    assert "hors des limites" in months.message


def test_malformed_file_is_reported_with_its_line_and_nothing_is_half_applied(tmp_path: Path) -> None:
    """Broken TOML: the line is given and every shipped default stands."""
    path = write_site(tmp_path, '[office]\nphone = "04 13 55 00 00"\nemail = scolarite@example.org\n')
    site = load_site(path)
    [problem] = site.problems
    assert problem.line == 3 and "syntaxe TOML invalide" in problem.message
    assert site.office == {}


def test_no_site_file_means_shipped_defaults_and_nothing_to_report(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """Without a site file the desk runs as shipped; a named file that is absent is reported."""
    assert current_site().problems == () and current_site().path is None
    use_site(monkeypatch, tmp_path / "absent.toml")
    assert current_site().problems[0].message == "fichier introuvable"


def test_command_line_reports_the_problems_on_stderr_and_still_runs(monkeypatch, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """`check` says what it could not read, then works with the defaults (exit 0)."""
    use_site(monkeypatch, write_site(tmp_path, "[office]\nfax = \"04\"\n"))
    base = tmp_path / "b.sqlite"
    assert main(["import", str(_empty_candidates(tmp_path)), "--database", str(base)]) == 0
    capsys.readouterr()
    assert main(["check", "--database", str(base)]) == 0
    err = capsys.readouterr().err
    assert "clé « office.fax »" in err and "site.toml:2" in err


def _empty_candidates(folder: Path) -> Path:
    path = folder / "candidates.csv"
    path.write_text(
        "candidate_number;last_name;first_name;birth_date;nationality;residence_country;diploma;"
        "enrolment_history\n",
        encoding="utf-8",
    )
    return path


def test_window_says_at_start_that_the_site_file_was_read_in_part(qtbot, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """The window opens, then a French warning names the file, line and key."""
    from PySide6.QtCore import QTranslator

    from monmaster_desktop.ui.app import start
    from monmaster_desktop.ui.i18n import remove_translators

    use_site(monkeypatch, write_site(tmp_path, "[retention]\nmois = 12\n"))
    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    window = start(tmp_path / "base.sqlite", demo=False)
    qtbot.addWidget(window)
    # start() installs the clerk's language for good: take it off again for the next tests.
    request_cleanup = [t for t in app.findChildren(QTranslator) if t not in before]

    def warning() -> QMessageBox | None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: warning() is not None, timeout=10_000)
    box = warning()
    assert box.windowTitle() == "Configuration du site"
    assert "site.toml:2 : clé « retention.mois » : clé inconnue" in box.text()
    box.close()
    window.close()
    remove_translators(app, request_cleanup)


def test_retention_months_of_the_site_is_a_new_database_default(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """A new database starts with the office's retention period."""
    from monmaster_desktop.controllers.purge import PurgeController
    from monmaster_desktop.db import Database

    use_site(monkeypatch, write_site(tmp_path, "[retention]\nmonths = 30\n"))
    with Database(tmp_path / "b.sqlite") as db:
        assert PurgeController(db).retention_months() == 30


def test_backups_of_the_office_database_go_to_the_configured_folder(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """The default database backs up to the share, one sub-folder per login; others beside."""
    from monmaster_desktop.controllers.backups import BackupController
    from monmaster_desktop.db import Database

    share = tmp_path / "partage"
    use_site(monkeypatch, write_site(tmp_path, f'[database]\nbackups = "{share.as_posix()}"\n'))
    with Database(paths.default_database_path()) as db:
        copy = BackupController(db).backup_now()
    assert copy.parent == share / os_login() and copy.is_file()
    other = tmp_path / "autre" / "b.sqlite"
    other.parent.mkdir()
    assert paths.backup_dir_for(other) == other.parent / "backups"


def test_site_database_file_is_the_default_database(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """`url` naming a file makes it the clerk's default database."""
    target = tmp_path / "bureau" / "scolarite.sqlite"
    use_site(monkeypatch, write_site(tmp_path, f'[database]\nurl = "{target.as_posix()}"\n'))
    assert paths.default_database_path() == target
    assert paths.default_database() == target


def test_site_wording_and_logo_replace_the_shipped_ones_on_the_sheet(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """Sentences and logo come from the site's files; sentences it does not set stay shipped."""
    from monmaster_desktop.printing import sheets

    (tmp_path / "wording.json").write_text(
        json.dumps({"office": "Scolarité de la Faculté des sciences"}), encoding="utf-8"
    )
    logo = tmp_path / "logo.png"
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(logo))
    use_site(monkeypatch, write_site(tmp_path, '[sheet]\nwording = "wording.json"\nlogo = "logo.png"\n'))
    sheets.load_template.cache_clear()
    sheets.load_logo.cache_clear()
    try:
        template = sheets.load_template()
        assert template.wording["office"] == "Scolarité de la Faculté des sciences"
        assert template.wording["title"].startswith("Fiche de situation")  # shipped
        assert (sheets.load_logo().width(), sheets.load_logo().height()) == (40, 20)
    finally:
        sheets.load_template.cache_clear()
        sheets.load_logo.cache_clear()


def pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_site_phone_and_email_are_printed_on_the_sheet(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """The office's phone and e-mail from site.toml reach the PDF (read back with pypdfium2)."""
    from datetime import date

    from monmaster_desktop.controllers.views import CandidateData
    from monmaster_desktop.db import Database
    from monmaster_desktop.domain import Diploma, EnrolmentHistory
    from monmaster_desktop.ui.services import Services

    use_site(
        monkeypatch,
        write_site(
            tmp_path,
            '[office]\nname = "Scolarité — Faculté des sciences"\nphone = "04 91 00 12 34"\n'
            'email = "scolarite-sciences@univ.example.fr"\n',
        ),
    )
    base = tmp_path / "b.sqlite"
    with Database(base) as db:
        Services(db).candidates.save(
            CandidateData(
                candidate_number="M24-000001", last_name="Martin", first_name="Léa",
                birth_date=date(2001, 5, 4), nationality="FR", residence_country="FR",
                diploma=Diploma.LICENCE, enrolment_history=EnrolmentHistory.INTERRUPTED,
            )
        )  # fmt: skip
    out = tmp_path / "fiche.pdf"
    assert main(["sheets", str(out), "--today", "2024-07-20", "--database", str(base)]) == 0
    text = pdf_text(out)
    assert "04 91 00 12 34" in text
    assert "scolarite-sciences@univ.example.fr" in text
    assert "Scolarité — Faculté des sciences" in text
