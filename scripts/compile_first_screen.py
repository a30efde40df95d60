"""Write monmaster_desktop/db/sqlite_statements.py: the first screen's statements as SQLAlchemy
compiles them for SQLite (run after changing a worklist's or the rows' query, or the schema;
tests/test_first_screen.py says when).

Run: python scripts/compile_first_screen.py
"""

from __future__ import annotations

import pprint
from pathlib import Path

import monmaster_desktop.db as db_package
from monmaster_desktop.controllers.worklists import first_screen_statements
from monmaster_desktop.db.sqlite_first_look import compile_statements
from monmaster_desktop.migrations import HEAD

TARGET = Path(db_package.__file__).parent / "sqlite_statements.py"


def module_text() -> str:
    statements = compile_statements(first_screen_statements())
    body = pprint.pformat(statements, width=100, sort_dicts=True)
    return (
        '"""The first screen\'s statements compiled for SQLite (db/sqlite_first_look.py runs them).\n\n'
        "Written by scripts/compile_first_screen.py from controllers.worklists."
        "first_screen_statements();\ndo not edit: tests/test_first_screen.py holds them equal."
        '\n"""\n\n'
        "# fmt: off\n"
        f"#: The schema they were compiled for (migrations.HEAD).\nHEAD = {HEAD!r}\n\n"
        f"STATEMENTS = {body}\n"
    )


def main() -> None:
    TARGET.write_text(module_text(), encoding="utf-8")
    print(f"written {TARGET}")


if __name__ == "__main__":
    main()
