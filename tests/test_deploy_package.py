"""What IT installs: one version everywhere, « À propos », entry points, a clean wheel, a licence."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.metadata import entry_points, metadata, version
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

import monmaster_desktop
from monmaster_desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_version_comes_from_package_metadata_only(capsys) -> None:  # noqa: ANN001
    """`__version__`, `--version` and the metadata agree; the package writes no number itself."""
    assert monmaster_desktop.__version__ == version("monmaster-desktop")
    init = (ROOT / "monmaster_desktop" / "__init__.py").read_text(encoding="utf-8")
    assert version("monmaster-desktop") not in init
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"monmaster-desktop {version('monmaster-desktop')}"


def test_console_and_window_entry_points_are_installed() -> None:
    """`monmaster-desktop` (console) and `monmaster-desktop-window` (no console on Windows)."""
    console = {e.name: e.value for e in entry_points(group="console_scripts")}
    window = {e.name: e.value for e in entry_points(group="gui_scripts")}
    assert console["monmaster-desktop"] == "monmaster_desktop.cli:main"
    assert window["monmaster-desktop-window"] == "monmaster_desktop.cli:window_main"


def test_licence_file_and_metadata() -> None:
    """EUPL-1.2 in the metadata and the full text beside the code."""
    assert metadata("monmaster-desktop")["License-Expression"] == "EUPL-1.2"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in text and "Compatible Licences" in text


def test_about_box_shows_version_database_logs_and_licence(qtbot, services, tmp_path: Path) -> None:  # noqa: ANN001
    """Aide › À propos, from the window's menu, as the clerk opens it."""
    from PySide6.QtCore import QTimer

    from monmaster_desktop.logs import log_dir
    from monmaster_desktop.ui.about_dialog import AboutDialog
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences

    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.attach(services, services.db.path.name)
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        dialog = next(w for w in QGuiApplication.topLevelWindows() if w.isVisible() and
                      w.title() == "À propos de Mon Master Desk")  # fmt: skip
        assert dialog is not None
        about = next(w for w in window.findChildren(AboutDialog))
        seen.update({key: label.text() for key, label in about.fields.items()})
        about.copy()
        seen["clipboard"] = QGuiApplication.clipboard().text()
        about.grab().save(str(tmp_path / "about.png"))
        about.reject()

    QTimer.singleShot(200, read_and_close)
    window.act_about.trigger()
    assert seen["version"] == monmaster_desktop.__version__
    assert seen["database"] == str(services.db.path)
    assert seen["logs"] == str(log_dir())
    assert seen["licence"].startswith("EUPL-1.2")
    assert str(services.db.path) in seen["clipboard"] and "EUPL-1.2" in seen["clipboard"]


def test_window_has_the_application_icon(qtbot) -> None:  # noqa: ANN001
    """The icon shown by the window manager, the taskbar and the About box."""
    from monmaster_desktop.ui.app import application

    app = application()
    assert not app.windowIcon().isNull()
    assert (ROOT / "packaging" / "windows" / "monmaster-desktop.ico").is_file()
    desktop = (ROOT / "packaging" / "linux" / "monmaster-desktop.desktop").read_text(encoding="utf-8")
    assert "Exec=monmaster-desktop-window" in desktop and "Icon=monmaster-desktop" in desktop


def test_wheel_ships_no_screenshots_translation_sources_or_scripts(tmp_path: Path) -> None:
    """Build the wheel as a package index would get it, and list it."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("monmaster_desktop-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "monmaster_desktop/resources/translations/main_en.qm" in names  # not vacuous
    assert "monmaster_desktop/resources/sheet/wording.json" in names
    assert any(n.endswith("dist-info/licenses/LICENSE") for n in names)
    unwanted = [
        n for n in names
        if n.endswith((".png", ".ts")) and "/icons/" not in n and not n.endswith("sheet/logo.png")
        or "screenshots" in n or n.endswith(("make_logo.py", "update_candidate_ts.py"))
        or n.startswith(("scripts/", "bench/", "tests/", "packaging/", "docs/"))
    ]  # fmt: skip
    assert unwanted == []


def test_documentation_links_are_absolute_and_never_leave_the_repository() -> None:
    """README and docs/ read on a package index page: no relative link, nothing in ../shared."""
    import re

    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    assert len(pages) >= 5
    link = re.compile(r"\]\(([^)\s]+)[^)]*\)|^\[[^\]]+\]:\s*(\S+)", re.MULTILINE)
    relative = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "../shared" not in text and "FORMATS.md" not in text, page.name
        for match in link.finditer(text):
            target = match.group(1) or match.group(2)
            if not target.startswith(("https://", "#")):
                relative.append(f"{page.name}: {target}")
    assert relative == []
    for name in ("command-line.md", "file-formats.md", "site-configuration.md", "deployment.md"):
        assert (ROOT / "docs" / name).is_file()


def test_windows_installer_matches_the_bundle_it_packages() -> None:
    """The Inno Setup script installs per machine, adds the Start-menu entry for the window
    executable the spec builds, and packages the folder build_bundle.py writes."""
    iss = (ROOT / "packaging" / "windows" / "monmaster-desktop.iss").read_text(encoding="utf-8")
    spec = (ROOT / "packaging" / "monmaster-desktop.spec").read_text(encoding="utf-8")
    assert "PrivilegesRequired=admin" in iss and "DefaultDirName={autopf}" in iss
    assert 'Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\monmaster-desktop-window.exe"' in iss
    assert 'name="monmaster-desktop-window"' in spec and "console=False" in spec
    assert '#define Bundle "..\\..\\dist\\monmaster-desktop"' in iss
    assert "/VERYSILENT" in iss and "LicenseFile=..\\..\\LICENSE" in iss
