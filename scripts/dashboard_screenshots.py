"""Screenshots of the dashboard on the demo data (20/07/2024), and PNG pages of its PDF.

Run: ``QT_QPA_PLATFORM=offscreen python scripts/dashboard_screenshots.py`` — writes
``docs/screenshots/dashboard-1366x768.png``, ``dashboard-1920x1080.png`` (the window at those
screen sizes), ``dashboard-pdf-1.png`` and ``-2.png`` (pages of the PDF at 60 dpi, needs
``pdftoppm``). Under a real display (Xvfb + a window manager) add ``--screen`` to grab the
whole screen instead (``dashboard-screen-WxH.png``). Nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--screen", action="store_true", help="grab the whole screen (Xvfb)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="monmaster-shots-"))
    if not args.screen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["MONMASTER_DESKTOP_HOME"] = str(scratch / "home")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))

    from monmaster_desktop.controllers.demo import DEMO_AS_OF, build_demo_database
    from monmaster_desktop.db import Database
    from monmaster_desktop.printing.dashboard import PageHeading, render_pdf
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
    window.show()
    window.attach(services, path.name)

    def wait_for(dashboard) -> None:  # noqa: ANN001
        done = []
        dashboard.computed.connect(lambda: done.append(True))
        while not done:
            app.processEvents()
        for _ in range(10):
            app.processEvents()

    sizes = [(1366, 768), (1920, 1080)]
    for width, height in sizes if not args.screen else sizes[:1]:
        dashboard = window.open_dashboard()
        if args.screen:
            dashboard.showMaximized()
        else:
            dashboard.resize(width, height)
        wait_for(dashboard)
        if args.screen:
            screen = app.primaryScreen()
            size = screen.size()
            target = OUT / f"dashboard-screen-{size.width()}x{size.height()}.png"
            screen.grabWindow(0).save(str(target))
        else:
            target = OUT / f"dashboard-{width}x{height}.png"
            dashboard.grab().save(str(target))
        print(target)

    stats = dashboard.stats
    pdf = scratch / "tableau-de-bord.pdf"
    heading = dashboard.heading()
    render_pdf(stats, pdf, PageHeading(heading.office, heading.office_details, date(2024, 7, 20)))
    if shutil.which("pdftoppm") and not args.screen:
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(OUT / "dashboard-pdf")], check=True
        )
        print(*sorted(OUT.glob("dashboard-pdf-*.png")), sep="\n")
    services.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
