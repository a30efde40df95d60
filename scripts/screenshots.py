"""Screenshots of the desk on demo data, offscreen at 1366×768, for the README.

Run: ``QT_QPA_PLATFORM=offscreen python scripts/screenshots.py`` — writes
``resources/screenshots/main_window.png`` and, when those windows exist,
``candidate_file.png`` and ``campaigns.png``. Nothing of the user's is read or written.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "screenshots"
SCREEN = (1366, 768)


def settle(app, rounds: int = 5) -> None:  # noqa: ANN001
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="monmaster-shots-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["MONMASTER_DESKTOP_HOME"] = str(scratch / "home")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))

    from monmaster_desktop.controllers.demo import DEMO_AS_OF, build_demo_database
    from monmaster_desktop.db import Database
    from monmaster_desktop.ui.app import application
    from monmaster_desktop.ui.i18n import install_translators
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences
    from monmaster_desktop.ui.services import Services

    app = application()
    install_translators(app, "fr")
    path = build_demo_database(scratch / "demonstration.sqlite", candidates=300)
    services = Services(Database(path))
    services.as_of_override = DEMO_AS_OF
    OUT.mkdir(parents=True, exist_ok=True)

    window = MainWindow(Preferences(), demo=True)
    window.resize(*SCREEN)
    window.show()
    window.attach(services, path.name)
    window.worklists.select("must_contact_registrar")
    window.table.selectRow(2)
    while window.worklists.worklists.count("all") is None:  # counted off the GUI thread
        app.processEvents()
    settle(app)
    window.grab().save(str(OUT / "main_window.png"))
    print(OUT / "main_window.png")

    shots = [
        ("candidate_file.png", "monmaster_desktop.ui.candidate_file", "CandidateFileDialog"),
        ("campaigns.png", "monmaster_desktop.ui.campaigns", "CampaignsDialog"),
    ]
    for name, module, class_name in shots:
        try:
            dialog_class = getattr(importlib.import_module(module), class_name)
        except (ImportError, AttributeError):
            print(f"{name}: {class_name} not available yet, skipped")
            continue
        if class_name == "CandidateFileDialog":
            dialog = dialog_class(services, window.table.current_candidate_id(), window)
        else:
            dialog = dialog_class(services, window)
        dialog.show()
        dialog.resize(min(dialog.width(), SCREEN[0]), min(dialog.height(), SCREEN[1]))
        settle(app)
        dialog.grab().save(str(OUT / name))
        print(OUT / name, f"{dialog.width()}×{dialog.height()}")
        dialog.hide()
    services.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
