"""Screenshots of « À propos » and of the unexpected-error dialog, for docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python scripts/about_crash_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MONMASTER_DESKTOP_HOME", tempfile.mkdtemp(prefix="monmaster-shots-"))
    from PySide6.QtWidgets import QApplication

    from monmaster_desktop.logs import log_file
    from monmaster_desktop.ui.about_dialog import AboutDialog
    from monmaster_desktop.ui.app import application
    from monmaster_desktop.ui.crash_dialog import CrashDialog, error_details

    app = application()
    OUT.mkdir(parents=True, exist_ok=True)
    about = AboutDialog(r"C:\Users\scolarite\AppData\Local\MonMasterDesk\monmaster-desktop\monmaster.sqlite")
    about.show()
    app.processEvents()
    about.grab().save(str(OUT / "about_dialog.png"))
    details = error_details(
        "Traceback (most recent call last):\n"
        '  File "monmaster_desktop/ui/candidate_file.py", line 933, in _write\n'
        '  File "monmaster_desktop/controllers/candidates.py", line 141, in save\n'
        "RuntimeError: exemple d'erreur inattendue"
    )
    crash = CrashDialog(details, log_file())
    crash.show()
    app.processEvents()
    crash.grab().save(str(OUT / "crash_dialog.png"))
    QApplication.closeAllWindows()
    print(f"{OUT / 'about_dialog.png'}\n{OUT / 'crash_dialog.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
