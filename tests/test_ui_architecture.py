"""The windows talk only to controllers: no SQLAlchemy, rules, models or raw database in ui/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import monmaster_desktop.ui

UI_DIR = Path(monmaster_desktop.ui.__file__).parent
FORBIDDEN = ("sqlalchemy", "monmaster_desktop.rules", "monmaster_desktop.models")
#: What a window may take from db.py: opening a file and the errors it says to the clerk.
DB_ALLOWED = {
    "Database",
    "DatabaseError",
    "DatabaseTooNew",
    "DatabaseCorrupt",
    "DatabaseUnavailable",
    "DatabaseBusy",
    "load_in_background",
    "is_server_url",
    "first_look",
}
#: The live desks' listener and the values it hands to a window (Qt-free, no session inside).
LIVE_ALLOWED = {"Change", "ChangeListener", "Presence", "ServerUnreachable", "probe", "LoginRefused"}


def imports_of(path: Path) -> list[tuple[str, set[str] | None]]:
    """(module, names taken from it; None for the whole module) for every import, nested too."""
    found: list[tuple[str, set[str] | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = {alias.name for alias in node.names}
            if node.module == "monmaster_desktop":  # from monmaster_desktop import db, rules
                found += [(f"monmaster_desktop.{name}", None) for name in names]
            else:
                found.append((node.module, names))
    return found


def breaches(path: Path) -> list[str]:
    problems = []
    for module, names in imports_of(path):
        if any(module == f or module.startswith(f + ".") for f in FORBIDDEN):
            problems.append(module)
        elif module == "monmaster_desktop.db" and (names is None or not names <= DB_ALLOWED):
            problems.append(f"monmaster_desktop.db: {sorted(names - DB_ALLOWED) if names else '*'}")
        elif module == "monmaster_desktop.db.live" and names is not None and names <= LIVE_ALLOWED:
            continue
        elif module.startswith("monmaster_desktop.db."):
            problems.append(module)
    return problems


def test_no_window_imports_sqlalchemy_rules_models_or_db() -> None:
    """Every module of ui/ imports controllers only (db.py just for Database and its errors)."""
    found = {
        path.name: problems for path in sorted(UI_DIR.glob("*.py")) if (problems := breaches(path))
    }
    assert found == {}


def test_the_checker_sees_a_breach(tmp_path: Path) -> None:
    """The check itself catches a rule import and a session taken from db.py."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from monmaster_desktop.rules.caps import counted\n"
        "def f():\n    from monmaster_desktop.db import Database, Session\n"
        "from monmaster_desktop import models\n"
    )
    assert sorted(breaches(sample)) == [
        "monmaster_desktop.db: ['Session']",
        "monmaster_desktop.models",
        "monmaster_desktop.rules.caps",
    ]


def test_main_window_module_does_not_load_sqlalchemy() -> None:
    """Importing the window (what paints first) loads neither SQLAlchemy nor the controllers."""
    code = (
        "import sys, monmaster_desktop.ui.app, monmaster_desktop.ui.main_window;"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', "
        "'monmaster_desktop.controllers', 'monmaster_desktop.db'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_first_paint_waits_for_no_body_widget_nor_database(tmp_path: Path) -> None:
    """The desk paints its frame before it loads the table, the worklists, the models or the
    package metadata; the body and the list come right after, the status bar saying so.
    (When SQLAlchemy loads, in its own thread: see the tests after the next.)"""
    code = f"""
import os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["MONMASTER_DESKTOP_HOME"] = {str(tmp_path / "home")!r}
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
from monmaster_desktop.ui import app as desk
application = desk.application()
window = desk.start(Path({str(tmp_path / "desk.sqlite")!r}), demo=False)
seen = {{}}
def painted():
    seen["loaded"] = sorted(m for m in sys.modules if m.startswith((
        "monmaster_desktop.models", "monmaster_desktop.db.base", "importlib.metadata",
        "monmaster_desktop.ui.candidate_table",
        "monmaster_desktop.ui.worklist_pane", "monmaster_desktop.ui.crash_dialog")))
    seen["built"] = window.built
    seen["message"] = window.statusBar().currentMessage()
window.first_painted.connect(painted)
window.refreshed.connect(lambda: (seen.setdefault("filled", window.built), application.quit()))
application.exec()
window.services = None
print(seen)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.strip().splitlines()[-1] == str(
        {"loaded": [], "built": False, "message": "Ouverture de la base…", "filled": True}
    )


def test_the_window_command_opens_the_window_before_loading_sqlalchemy(tmp_path: Path) -> None:
    """``monmaster-desktop`` (no sub-command) hands over to the window before it loads
    SQLAlchemy, the log or the site configuration: the frame paints first."""
    code = f"""
import sys
import monmaster_desktop.ui.app as app
def run(database, demo):
    print(sorted(m for m in sys.modules if m.startswith(
        ("sqlalchemy", "monmaster_desktop.logs", "monmaster_desktop.site"))), repr(database))
    return 0
app.run = run
from monmaster_desktop.cli import main
sys.exit(main(["--database", {str(tmp_path / "desk.sqlite")!r}]))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == f"[] PosixPath({str(tmp_path / 'desk.sqlite')!r})"


def test_the_window_loads_sqlalchemy_beside_its_first_paint_for_a_server_only(
    tmp_path: Path,
) -> None:
    """``start()`` on a server shows the frame, then SQLAlchemy loads in its own thread while
    Qt paints (the GUI thread has not imported it when start() returns, the thread has by the
    end); on a file it waits for the first screen (nothing loads beside the body)."""
    code = f"""
import os, sys, threading
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["MONMASTER_DESKTOP_HOME"] = {str(tmp_path / "home")!r}
from pathlib import Path
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
from monmaster_desktop.ui import app
app.application()
def loading():
    return [t for t in threading.enumerate() if t.name == "sqlalchemy-import"]
file_window = app.start(Path({str(tmp_path / "desk.sqlite")!r}), demo=False)
print(bool(loading()))
window = app.start("postgresql://desk@127.0.0.1:9/monmaster", demo=False)
print(bool(loading()), "sqlalchemy.orm" in sys.modules and not loading())
for thread in loading():
    thread.join(60)
print("sqlalchemy.orm" in sys.modules)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert out == ["False", "True", "False", "True"]


def test_a_current_file_shows_its_first_screen_before_sqlalchemy_loads(tmp_path: Path) -> None:
    """On a current base the list's first page shows (rows read, painted) before SQLAlchemy
    or the models load, read-only: no search, no other order, no file, no other base until
    the base is open. The base then opens behind it and shows the same list, every action enabled."""
    from monmaster_desktop.controllers.demo import build_demo_database

    base = build_demo_database(tmp_path / "desk.sqlite", 80, as_of=None)
    code = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["MONMASTER_DESKTOP_HOME"] = {str(tmp_path / "home")!r}
from pathlib import Path
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
from monmaster_desktop.ui import app as desk
application = desk.application()
window = desk.start(Path({str(base)!r}), demo=False)
seen = []
def refreshed():
    model = window.table.candidates
    index = model.index(0, 1)
    seen.append((
        window.services is not None,
        sorted(m for m in sys.modules if m.startswith(("sqlalchemy.orm", "monmaster_desktop.models"))),
        model.rowCount(), model.ids()[:3], model.data(index),
        window.search.isEnabled(), window.table.horizontalHeader().sectionsClickable(),
        window.act_open_file.isEnabled(), window.act_connect.isEnabled(),
        window.statusBar().currentMessage(),
    ))
    if window.services is not None:
        application.quit()
window.refreshed.connect(refreshed)
application.exec()
window.services = None
for line in seen:
    print(repr(line))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    first, opened = (eval(line) for line in out.strip().splitlines()[-2:])  # noqa: S307
    assert first[:3] == (False, [], 50)
    assert first[4] and first[5:] == (False, False, False, False, "Ouverture de la base…")
    assert opened[0] is True and "sqlalchemy.orm" in opened[1]
    assert opened[3:5] == first[3:5]  # the same list, the same first row
    assert opened[5:9] == (True, True, True, True)


def test_the_import_thread_loads_no_module_of_ours_the_gui_thread_may_be_loading(
    tmp_path: Path,
) -> None:
    """The SQLAlchemy thread imports, of ours, the models only, and only once everything of
    ours they import is loaded already (no import lock to wait for, so no deadlock and no
    half-built module): on a file, after the first screen; on a server, at the frame, before
    the domain has loaded, nothing of ours at all."""
    from monmaster_desktop.controllers.demo import build_demo_database

    base = build_demo_database(tmp_path / "desk.sqlite", 60, as_of=None)
    code = f"""
import os, sys, threading
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["MONMASTER_DESKTOP_HOME"] = {str(tmp_path / "home")!r}
from pathlib import Path
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
found = []
class Recorder:
    def find_spec(self, name, path=None, target=None):
        if name.startswith("monmaster_desktop"):
            found.append((threading.current_thread().name, name))
        return None
sys.meta_path.insert(0, Recorder())
from monmaster_desktop.ui import app as desk
application = desk.application()
server = desk.start("postgresql://desk@127.0.0.1:9/monmaster", demo=False)
for thread in threading.enumerate():
    if thread.name == "sqlalchemy-import":
        thread.join(60)
print(sorted(name for who, name in found if who == "sqlalchemy-import"))
server.first_painted.disconnect()
server.close()
found.clear()
window = desk.start(Path({str(base)!r}), demo=False)
window.refreshed.connect(lambda: window.services is not None and application.quit())
application.exec()
window.services = None
print(sorted(name for who, name in found if who == "sqlalchemy-import"))
print("monmaster_desktop.models" in [name for who, name in found if who == "MainThread"])
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.strip().splitlines()[-3:] == ["[]", "['monmaster_desktop.models']", "False"]
