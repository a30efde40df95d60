"""Start the desk: application, language, window painted first, then the database behind it.

Before the first paint only the frame is built (title, size, menu titles, « Ouverture de la
base… »): this module and the frame import little of Qt (each Qt class Python first touches
costs its enums) and nothing of SQLAlchemy. The window's body and the crash handler come just
after the frame has painted; then, on a current file, the list's first screen read without
SQLAlchemy (``controllers.first_screen``); then the F1 filter, and the database opened once
SQLAlchemy and the models have loaded in their thread, which fills the list again through it.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from monmaster_desktop.paths import resource
from monmaster_desktop.ui.i18n import install_translators
from monmaster_desktop.ui.main_window import MainWindow
from monmaster_desktop.ui.preferences import APPLICATION, ORGANISATION, Preferences

EXIT_REFUSED = 1
#: How often the window looks whether SQLAlchemy has loaded, its first screen shown.
LOAD_POLL_MS = 10
log = logging.getLogger(__name__)


def application() -> QApplication:
    """The running QApplication, or a new one named for QSettings and dialogs."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("monmaster-desktop")  # Wayland/X11 match it to the .desktop file
    app.setWindowIcon(QIcon(str(resource("icons", "monmaster-desktop.png"))))
    return app


def install_help_key(app: QApplication) -> None:
    """F1 lists the shortcuts in every window (once per application)."""
    from monmaster_desktop.ui.shortcuts import HelpKeyFilter

    if not app.findChild(HelpKeyFilter):
        app.installEventFilter(HelpKeyFilter(app))


def report_site_problems(window: MainWindow) -> None:
    """A site configuration read only in part is said at start, never silently half-applied."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from monmaster_desktop.site import current_site

    report = current_site().report_fr()
    if report:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("SiteConfiguration", "Configuration du site"),
            report,
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()


def demo_database() -> Path:
    """A fresh demo database in a scratch folder (never the clerk's file), removed at exit."""
    from monmaster_desktop.controllers.demo import build_demo_database

    folder = Path(tempfile.mkdtemp(prefix="monmaster-demo-"))
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
    return build_demo_database(folder / "demonstration.sqlite")


def open_database(window: MainWindow, database: Path | str | None, demo: bool) -> bool:
    """Open (or create, or build the demo) database and attach it; False after saying why."""
    from PySide6.QtWidgets import QMessageBox

    from monmaster_desktop import paths
    from monmaster_desktop.db import Database, DatabaseCorrupt, DatabaseError
    from monmaster_desktop.ui.services import Services

    if database is None and not demo:
        database = paths.default_database()  # the site configuration may name a server
    if isinstance(database, str):  # a server's URL: tried off the GUI thread, never frozen
        from monmaster_desktop.ui.connect_dialog import open_server_at_start

        open_server_at_start(window, database)
        return True
    if demo:  # a second or two to generate: say so before the window waits
        window.statusBar().showMessage(
            QCoreApplication.translate("App", "Préparation de la base de démonstration…")
        )
        QCoreApplication.processEvents()
    try:
        path = demo_database() if demo else (database or paths.default_database_path())
        try:
            db = Database(path)
        except DatabaseCorrupt:
            # Unreadable: the clerk is told and offered the latest good backup. (Damage that
            # still lets the file open is found by the start-up backup's check, in the
            # background, which then takes the same path: MainWindow.database_damaged.)
            from monmaster_desktop.ui.startup_check import check_database_at_startup

            checked = check_database_at_startup(path, window)
            if checked is None:
                return False
            db = Database(checked)
    except DatabaseError as exc:
        QMessageBox.critical(
            window, QCoreApplication.translate("App", "Base de données"), exc.message
        )
        return False
    except Exception as exc:  # noqa: BLE001 - anything else: said in French, never a traceback
        where = (
            QCoreApplication.translate("App", "base de démonstration")
            if demo
            else str(database or paths.default_database_path())
        )
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        QMessageBox.critical(
            window,
            QCoreApplication.translate("App", "Base de données"),
            QCoreApplication.translate("App", "Impossible d'ouvrir la base « %1 » : %2")
            .replace("%1", where)
            .replace("%2", detail.splitlines()[0] if detail else type(exc).__name__),
        )
        return False
    services = Services(db)
    if demo:
        from monmaster_desktop.controllers.demo import DEMO_AS_OF

        services.as_of_override = DEMO_AS_OF  # mid-admissions: every worklist has people
    window.attach(services, db.label)
    if db.network_share:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("App", "Base sur un partage réseau"),
            QCoreApplication.translate(
                "App",
                "La base « %1 » est sur un partage réseau : SQLite n'y est pas fiable et des "
                "enregistrements peuvent être perdus. Placez la base sur le disque du poste "
                "et gardez les sauvegardes sur le partage.",
            ).replace("%1", str(path)),
        )
    _show_migration_report(window, services)
    window.automatic_backup()
    return True


def _show_migration_report(window: MainWindow, services) -> None:  # noqa: ANN001
    """What the last update of the base reported (typography of mentions), said once."""
    from PySide6.QtWidgets import QMessageBox

    from monmaster_desktop.controllers.campaigns import CampaignController
    from monmaster_desktop.db import DatabaseError

    try:
        report = CampaignController(services.db).unseen_migration_report()
    except DatabaseError:
        return  # a read-only or busy base: the settings dialog still shows the report
    if report:
        QMessageBox.information(
            window, QCoreApplication.translate("App", "Mise à jour de la base"), report
        )


def start(
    database: Path | str | None, demo: bool, *, crash_handler: bool = False
) -> MainWindow:
    """Show the window's frame now; once it has painted, build the rest of the window, show
    the list's first screen when the file allows a first look, then open the database and
    fill the list (the status bar says « Ouverture de la base… » until then)."""
    app = application()
    preferences = Preferences()
    install_translators(app, preferences.language())
    window = MainWindow(preferences, demo=demo, frame_only=True)

    def build_the_rest() -> None:
        if crash_handler:  # the program itself (run()): its log, then unexpected errors said
            from monmaster_desktop import __version__
            from monmaster_desktop.logs import setup_logging
            from monmaster_desktop.ui.crash_dialog import install_crash_handler

            setup_logging()
            log.info("start: window (version %s)", __version__)
            install_crash_handler(app)
        window.build()
        # The body paints before the database (and SQLAlchemy) is opened.
        QTimer.singleShot(0, after_first_paint)

    def after_first_paint() -> None:
        # A current file shows its first screen now, read without SQLAlchemy; the base opens
        # once SQLAlchemy has loaded in its thread, the window answering meanwhile.
        if show_first_screen(window, database, demo):
            when_loaded(load_in_background(), open_the_base, window)
            install_help_key(app)  # F1 in every window: after the first screen, not before
        else:
            install_help_key(app)
            open_the_base()

    def open_the_base() -> None:
        if not open_database(window, database, demo):
            app.exit(EXIT_REFUSED)
            window.close()
            return
        log.info("window ready")
        report_site_problems(window)

        from monmaster_desktop.io.writers import clean_stale_temporaries_at_start

        clean_stale_temporaries_at_start()

    window.first_painted.connect(lambda: QTimer.singleShot(0, build_the_rest))
    window.show()
    from monmaster_desktop.db import is_server_url, load_in_background

    if demo or is_server_url(database):
        # Nothing to show before SQLAlchemy: it loads in a thread while Qt paints the frame
        # and builds the body. A file (the clerk's own by default) waits until its first
        # screen is shown: a thread importing beside the body and the first look would hold
        # Python's lock and delay them both.
        load_in_background()
    return window


def show_first_screen(window: MainWindow, database: Path | str | None, demo: bool) -> bool:
    """The list's first page from a first look at the file (sqlite3 only), before the base is
    opened; False when the base must be opened first (a server, a new, older or foreign file,
    the demo, a page the rules must assess)."""
    if demo:
        return False
    from datetime import date

    from monmaster_desktop import paths
    from monmaster_desktop.controllers.first_screen import FirstScreen
    from monmaster_desktop.db import first_look

    look = first_look(database if database is not None else paths.default_database())
    if look is None:
        return False
    try:
        return window.show_first_screen(FirstScreen(look, date.today()))
    except Exception:  # noqa: BLE001 - only a head start: opening the base says what is wrong
        log.warning("first screen not shown", exc_info=True)
        return False
    finally:
        look.close()


def when_loaded(
    thread: threading.Thread | None, then: Callable[[], None], parent: QObject
) -> None:
    """``then()`` on the GUI thread once ``thread`` has ended, the event loop running meanwhile
    (the first screen paints and scrolls); at once without a thread. Never after ``parent``
    is gone (the window closed meanwhile)."""
    if thread is None or not thread.is_alive():
        QTimer.singleShot(0, parent, then)
        return
    timer = QTimer(parent)
    timer.setInterval(LOAD_POLL_MS)

    def check() -> None:
        if not thread.is_alive():
            timer.stop()
            timer.deleteLater()
            then()

    timer.timeout.connect(check)
    timer.start()


def run(database: Path | str | None, demo: bool) -> int:
    """The ``monmaster-desktop`` window; returns the process exit code."""
    app = application()
    # The crash handler goes in after the first paint, not in start()'s callers: tests keep
    # pytest-qt's own error capture.
    window = start(database, demo, crash_handler=True)
    code = app.exec()
    del window
    return code
