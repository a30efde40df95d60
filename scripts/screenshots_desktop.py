"""Screenshots under a real window manager, and PNG pages of three status sheets.

Run: ``python scripts/screenshots_desktop.py`` (needs Xvfb, openbox and pdftoppm;
``--sheets-only`` for the sheets alone). For each
office screen — 1366×768, and 1920×1080 at 150 % (1280×720 logical) — it starts an X server
with openbox and a 40-pixel task bar that reserves its strip of the screen (as a real task bar
does, so ``availableGeometry()`` is smaller than the screen), opens the demo as a clerk would
(main window, a candidate file on its applications tab, the application editor, F1), and
saves the whole screen, title bars and task bar included, in ``docs/screenshots/``. Then it
prints three sheets of the demo (overdue, registered, not eligible) and saves their first
pages as PNG. Nothing of the user's is read or written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SCREENS = {"1366x768": ("1366x768", "1"), "1920x1080": ("1920x1080", "1.5")}
TASK_BAR = 40  # physical pixels


def run_screen(name: str, size: str, scale: str) -> None:
    """Start Xvfb and openbox on a free display and take this screen's shots in a child."""
    for number in range(40, 99):
        if not Path(f"/tmp/.X{number}-lock").exists():
            break
    display = f":{number}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"])
    time.sleep(1.0)
    env = dict(os.environ, DISPLAY=display)
    wm = subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    try:
        child = dict(env, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=scale, SHOTS_SCREEN=name)
        child.pop("QT_SCREEN_SCALE_FACTORS", None)
        subprocess.run([sys.executable, __file__, "--child"], env=child, check=True)
    finally:
        wm.terminate()
        xvfb.terminate()
        wm.wait()
        xvfb.wait()


def child() -> int:
    """In the X session: task bar, demo, windows, whole-screen grabs."""
    name = os.environ["SHOTS_SCREEN"]
    scratch = Path(tempfile.mkdtemp(prefix="monmaster-shots-"))
    os.environ["MONMASTER_DESKTOP_HOME"] = str(scratch / "home")
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    from monmaster_desktop.controllers.demo import DEMO_AS_OF, build_demo_database
    from monmaster_desktop.db import Database
    from monmaster_desktop.ui.app import application
    from monmaster_desktop.ui.i18n import install_translators
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences
    from monmaster_desktop.ui.services import Services
    from monmaster_desktop.ui.shortcuts import ShortcutsDialog

    app = application()
    install_translators(app, "fr")

    def settle(seconds: float = 0.8) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    screen = app.primaryScreen()
    # A task bar: a dock window along the bottom that reserves its strip (_NET_WM_STRUT).
    bar = QLabel("  Démarrer   ·   Mon Master Desk   ·   Courrier   ·   Fichiers")
    bar.setAttribute(Qt.WidgetAttribute.WA_X11NetWmWindowTypeDock)
    bar.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
    bar.setStyleSheet("background: #20232a; color: #e8e8e8; font-size: 11pt;")
    logical = round(TASK_BAR / screen.devicePixelRatio())
    geometry = screen.geometry()
    bar.setGeometry(0, geometry.height() - logical, geometry.width(), logical)
    bar.show()
    settle(0.5)
    width_px = round(geometry.width() * screen.devicePixelRatio())
    height_px = round(geometry.height() * screen.devicePixelRatio())
    strut = f"0,0,0,{TASK_BAR},0,0,0,0,0,0,0,{width_px - 1}"
    wid = str(int(bar.winId()))
    subprocess.run(["xprop", "-id", wid, "-f", "_NET_WM_STRUT_PARTIAL", "32c", "-set",
                    "_NET_WM_STRUT_PARTIAL", strut], check=True)
    subprocess.run(["xprop", "-id", wid, "-f", "_NET_WM_STRUT", "32c", "-set", "_NET_WM_STRUT",
                    f"0,0,0,{TASK_BAR}"], check=True)
    settle(1.0)
    print(name, "screen", geometry, "available", screen.availableGeometry(),
          "physical", f"{width_px}x{height_px}")

    path = build_demo_database(scratch / "demonstration.sqlite", candidates=300)
    services = Services(Database(path))
    services.as_of_override = DEMO_AS_OF
    window = MainWindow(Preferences(), demo=True)
    window.show()
    window.attach(services, path.name)
    window.worklists.select("must_contact_registrar")
    while window.worklists.worklists.count("all") is None:
        app.processEvents()
    window.table.selectRow(1)
    settle(1.5)

    def shot(stem: str) -> None:
        target = OUT / f"{stem}_{name}.png"
        QApplication.primaryScreen().grabWindow(0).save(str(target))
        print(target)

    shot("main_window")
    candidate_id = busiest_candidate(services)
    dialog = window.open_candidate(candidate_id)
    dialog.tabs.setCurrentIndex(1)
    dialog.table.selectRow(0)
    dialog.table.setFocus()
    settle(1.5)
    shot("candidate_file")
    dialog.add_application()
    settle(1.5)
    shot("application_editor")
    dialog.editor.reject()
    dialog.close()
    settle(0.5)
    window.activateWindow()
    QTimer.singleShot(0, window.show_shortcuts)
    settle(1.5)
    shot("shortcuts")
    for found in window.findChildren(ShortcutsDialog):
        found.close()
    services.db.close()
    return 0


def busiest_candidate(services) -> int:  # noqa: ANN001
    """A candidate of the demo with eight applications or so, one refused."""
    from monmaster_desktop.controllers.sheets import SheetController
    from monmaster_desktop.domain import ApplicationStatus

    controller = SheetController(services.db)
    ids = controller.candidate_ids(as_of=services.as_of)
    for file in controller.files(candidate_ids=ids[:150], as_of=services.as_of):
        statuses = {a.data.status for a in file.applications}
        if 7 <= len(file.applications) <= 9 and ApplicationStatus.REJECTED in statuses and (
            ApplicationStatus.WAITLISTED in statuses
        ):
            return file.candidate_id
    return ids[0]


def sheets() -> None:
    """The first page of three sheets of the demo: overdue, registered, not eligible."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="monmaster-sheets-"))
    os.environ["MONMASTER_DESKTOP_HOME"] = str(scratch / "home")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    from monmaster_desktop.clerk import set_clerk_name
    from monmaster_desktop.controllers.demo import DEMO_AS_OF, build_demo_database
    from monmaster_desktop.controllers.sheets import SheetController
    from monmaster_desktop.db import Database
    from monmaster_desktop.domain import Flag
    from monmaster_desktop.printing.sheet_html import ensure_app

    ensure_app()
    set_clerk_name("Mme Hélène Garçon")
    path = build_demo_database(scratch / "demonstration.sqlite", candidates=300)
    with Database(path) as db:
        controller = SheetController(db)
        files = controller.files(candidate_ids=controller.candidate_ids(as_of=DEMO_AS_OF),
                                 as_of=DEMO_AS_OF)
        wanted = {
            "overdue": lambda f: Flag.REGISTRATION_OVERDUE in f.assessment.flags,
            "registered": lambda f: f.assessment.registration is not None
            and f.assessment.registration.registered_on is not None,
            "not_eligible": lambda f: Flag.NOT_ELIGIBLE in f.assessment.flags,
        }
        for stem, test in wanted.items():
            chosen = max((f for f in files if test(f) and len(f.applications) <= 10),
                         key=lambda f: len(f.applications))
            pdf = scratch / f"{stem}.pdf"
            pages = controller.render_pdf([chosen], pdf)
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                            str(pdf), str(OUT / f"sheet_{stem}")], check=True)
            print(OUT / f"sheet_{stem}.png", f"({len(chosen.applications)} candidatures, "
                  f"{pages} page(s))")


def main() -> int:
    if "--child" in sys.argv:
        return child()
    OUT.mkdir(parents=True, exist_ok=True)
    if "--sheets-only" not in sys.argv:
        for name, (size, scale) in SCREENS.items():
            run_screen(name, size, scale)
    sheets()
    return 0


if __name__ == "__main__":
    sys.exit(main())
