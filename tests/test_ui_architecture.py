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
