"""Screenshots of two desks on one server, the connection window and a server gone away.

Run: ``QT_QPA_PLATFORM=offscreen python scripts/live_screenshots.py`` (or under Xvfb with
``QT_QPA_PLATFORM=xcb``) — starts a throwaway PostgreSQL on the loopback, copies a 300-candidate
demo base onto it, opens two desks (logins « martin » and « durand »), saves on one, and
writes to ``docs/screenshots/``:

- ``live_list_refreshed.png``: durand's list after martin's save (nobody pressed F5);
- ``live_two_desks.png``: the same candidate file on both desks after the save;
- ``connect_dialog.png``: Fichier › « Se connecter à un serveur… »;
- ``server_unreachable.png`` and ``server_unreachable_file.png``: the server stopped;
- under Xvfb (``QT_QPA_PLATFORM=xcb``), ``live_xvfb_1366x768.png``: the whole screen.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SCREEN = (1366, 768)


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="monmaster-live-shots-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["MONMASTER_DESKTOP_HOME"] = str(scratch / "home")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    from PySide6.QtGui import QPainter, QPixmap

    from monmaster_desktop.controllers.demo import DEMO_AS_OF, build_demo_database
    from monmaster_desktop.db import Database
    from monmaster_desktop.db.roles import add_clerk, init_server
    from monmaster_desktop.local_server import LocalServer
    from monmaster_desktop.transfer import transfer
    from monmaster_desktop.ui.app import application
    from monmaster_desktop.ui.connect_dialog import ConnectDialog, describe
    from monmaster_desktop.ui.i18n import install_translators
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences
    from monmaster_desktop.ui.services import Services

    app = application()
    install_translators(app, "fr")
    OUT.mkdir(parents=True, exist_ok=True)

    def spin(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def wait(condition, seconds: float = 10) -> None:  # noqa: ANN001
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    server = LocalServer().start()
    try:
        server.admin("CREATE DATABASE bureau")
        admin_url = server.url_for("bureau")
        init_server(admin_url)
        source = build_demo_database(scratch / "demo.sqlite", candidates=300)
        transfer(source, admin_url)
        for login in ("martin", "durand"):
            add_clerk(admin_url, login, "secret", head=False)

        desks = []
        for login in ("martin", "durand"):
            url = f"postgresql://{login}@{server.host}:{server.port}/bureau"
            window = MainWindow(Preferences())
            window.resize(*SCREEN)
            window.show()
            window.attach(Services(Database(url), as_of_override=DEMO_AS_OF), describe(url))
            wait(lambda w=window: w.live is not None and w.live.available is True)
            desks.append(window)
        martin, durand = desks
        for window in desks:
            window.worklists.select("must_contact_registrar")
            wait(lambda w=window: w.worklists.worklists.count("all") is not None)
        durand.table.selectRow(3)
        candidate_id = durand.table.current_candidate_id()
        durand_file = durand.open_candidate(candidate_id)
        martin_file = martin.open_candidate(candidate_id)
        for dialog in (durand_file, martin_file):
            dialog.resize(1280, 700)
        spin(1.5)  # each desk hears that the other opened the file

        martin_file.phone.setText("06 12 34 56 78")
        martin_file.notes.setPlainText("Appelé le 20/07 : viendra s'inscrire lundi.")
        martin_file.save()
        stored = martin.services.candidates.get_file(candidate_id)
        martin.services.candidates.save(
            dataclasses.replace(stored.candidate, last_name=stored.candidate.last_name + "-Roux"),
            candidate_id=candidate_id,
            expected_version=stored.version,
        )
        martin_file.load(candidate_id)
        bar = durand.live._bars[durand_file]
        wait(lambda: bar.change_row.isVisible(), 5)
        spin(0.5)
        durand.grab().save(str(OUT / "live_list_refreshed.png"))
        if os.environ["QT_QPA_PLATFORM"] == "xcb":  # a real screen with a window manager
            martin.hide()
            martin_file.hide()
            durand.showMaximized()
            durand_file.move(60, 40)
            durand_file.resize(1240, 660)
            durand_file.raise_()
            durand_file.activateWindow()
            spin(1.0)
            screen = app.primaryScreen()
            screen.grabWindow(0).save(str(OUT / "live_xvfb_1366x768.png"))
            martin.show()
            martin_file.show()
        top, bottom = martin_file.grab(), durand_file.grab()
        both = QPixmap(max(top.width(), bottom.width()), top.height() + bottom.height() + 8)
        both.fill()
        painter = QPainter(both)
        painter.drawPixmap(0, 0, top)
        painter.drawPixmap(0, top.height() + 8, bottom)
        painter.end()
        both.save(str(OUT / "live_two_desks.png"))

        dialog = ConnectDialog(
            durand, url=f"postgresql://durand@{server.host}:{server.port}/bureau"
        )
        dialog.show()
        spin(0.2)
        dialog.grab().save(str(OUT / "connect_dialog.png"))
        dialog.close()

        martin_file.done(0)
        martin.live.stop()
        durand_file.first_name.setText(durand_file.first_name.text() + " Marie")
        server._run("pg_ctl", "-D", str(server.data), "-m", "immediate", "-w", "stop")
        wait(lambda: durand.live.available is False, 5)
        spin(1.2)
        durand_file.save()
        spin(0.3)
        durand.grab().save(str(OUT / "server_unreachable.png"))
        durand_file.grab().save(str(OUT / "server_unreachable_file.png"))
        durand.live.stop()
        for path in sorted(OUT.glob("*.png")):
            print(path)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
