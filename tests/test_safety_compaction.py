"""A purge that could not compact the SQLite file (another desk reading) says so and finishes
later. SQLite only: the server compacts its own files (VACUUM is the server's business)."""

from __future__ import annotations

from pathlib import Path

import pytest

from monmaster_desktop.controllers.purge import PurgeController
from monmaster_desktop.db import Database
from tests.test_purge import AFTER, office  # noqa: F401 - the fixture, on SQLite here


def test_purge_blocked_from_compacting_says_so_and_finishes_later(
    db: Database, office: dict[str, int]  # noqa: F811
) -> None:
    """Another desk reading during the purge: the result says the file is not compacted yet
    (the purged names still in its bytes), remembers it, and the compaction finishes later."""
    import sqlite3

    secrets = [b"Z\xc3\xa9bulonnaire", b"a.secret@exemple.fr"]
    files = [db.path, Path(f"{db.path}-wal")]

    def raw() -> bytes:
        return b"".join(p.read_bytes() for p in files if p.exists())

    reader = sqlite3.connect(db.path, isolation_level=None)  # another desk, mid-read
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM candidate").fetchone()
    purge = PurgeController(db)
    result = purge.purge(AFTER)
    assert result.deleted == 3
    assert result.compacted is False
    assert "compact" in result.message_fr() and "plus tard" in result.message_fr()
    assert any(secret in raw() for secret in secrets)  # why it matters
    assert purge.compaction_pending() is not None
    assert PurgeController(db).compaction_pending() is not None  # remembered in the base
    assert purge.finish_compaction() is False  # still reading
    reader.execute("COMMIT")
    reader.close()
    assert purge.finish_compaction() is True
    assert purge.compaction_pending() is None
    assert [s for s in secrets if s in raw()] == []


def test_purge_window_offers_to_finish_the_compaction_later(
    qtbot, db: Database, office: dict[str, int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path  # noqa: ANN001, F811
) -> None:
    """In the window: not « Purge terminée » but « compactage à terminer », a « Plus tard »
    that leaves a banner and a button, and that button finishing the job once nobody reads."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from monmaster_desktop.ui import purge_dialog
    from monmaster_desktop.ui.purge_dialog import PurgeDialog
    from monmaster_desktop.ui.services import Services

    said: list[tuple[str, str]] = []

    def answer(_parent, title, text, *_args, **_kwargs):  # noqa: ANN001, ANN202
        said.append((title, text))
        if _args and isinstance(_args[0], list):  # ask(): the clerk's choices
            return "later"
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(purge_dialog, "ask", answer)
    for kind in ("question", "information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(answer))
    reader = sqlite3.connect(db.path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM candidate").fetchone()
    dialog = PurgeDialog(Services(db, as_of_override=AFTER))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.finish_button.isVisible()
    with qtbot.waitSignal(dialog.purged, timeout=20000):
        dialog.purge_button.click()
    titles = [title for title, _ in said]
    assert "Purge terminée" not in titles
    assert "Purge faite, compactage à terminer" in titles
    assert dialog.finish_button.isVisible() and "Compactage à terminer" in dialog.pending.text()
    dialog.grab().save(str(tmp_path / "purge_pending.png"))
    reader.execute("COMMIT")
    reader.close()
    dialog.finish_button.click()
    qtbot.waitUntil(lambda: not dialog.finish_button.isVisible(), timeout=20000)
    assert PurgeController(db).compaction_pending() is None
    assert said[-1][0] == "Compactage terminé"
