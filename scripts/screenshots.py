"""Screenshots of the desk on demo data, offscreen at 1366×768, for the README.

Run: ``QT_QPA_PLATFORM=offscreen python scripts/screenshots.py`` — writes
``docs/screenshots/main_window.png``, then runs ``make_dialog_screenshots.py`` beside
it for the dialogs. Nothing of the user's is read or written.
"""

from __future__ import annotations

import os
import runpy
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SCREEN = (1366, 768)


def settle(app, rounds: int = 5) -> None:  # noqa: ANN001
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="monmaster-shots-"))
    sys.path.insert(0, str(ROOT / "scripts"))
    from offscreen_screen import use_clerk_screen

    use_clerk_screen(*SCREEN)
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

    services.db.close()
    # The dialogs (candidate file on its applications tab, identity, campaigns, editor) are
    # taken on a hand-made sample candidate by their own script.
    runpy.run_path(str(ROOT / "scripts" / "make_dialog_screenshots.py"), run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
