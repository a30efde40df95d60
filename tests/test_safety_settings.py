"""Office settings are never last-writer-wins: a desk opened earlier cannot undo another's change."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from monmaster_desktop.controllers.campaigns import CampaignController
from monmaster_desktop.controllers.errors import StaleRecord
from monmaster_desktop.db import Database
from monmaster_desktop.ui import settings_dialog
from monmaster_desktop.ui.services import Services
from monmaster_desktop.ui.settings_dialog import SettingsDialog


def saved_by(monkeypatch: pytest.MonkeyPatch, user: str) -> None:
    """The OS user the audit trail records from now on (as getpass reads it)."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, user)


def test_earlier_desk_cannot_remove_a_country_another_desk_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Desk A opened the settings, desk B added Cuba: A's save is refused naming B; Cuba stays."""
    path = tmp_path / "office.sqlite"
    with Database(path) as desk_a, Database(path) as desk_b:
        a, b = CampaignController(desk_a), CampaignController(desk_b)
        opened_on_a = a.settings()
        saved_by(monkeypatch, "c.durand")
        b.save_settings(
            replace(b.settings(), etudes_en_france=(*b.settings().etudes_en_france, "CU")),
            expected=b.settings(),
        )
        saved_by(monkeypatch, "m.leroy")
        typed_on_a = replace(opened_on_a, home_institution_name="Aix-Marseille Université (AMU)")
        with pytest.raises(StaleRecord) as stale:
            a.save_settings(typed_on_a, expected=opened_on_a)
        stored = a.settings()
    assert "CU" in stored.etudes_en_france
    assert stored.home_institution_name == opened_on_a.home_institution_name
    assert "par c.durand" in stale.value.message
    assert "Cuba (CU)" in stale.value.message  # what the other desk changed


def test_settings_saved_again_once_reloaded(tmp_path: Path) -> None:
    """After a refusal, a save made on the values read again goes through."""
    path = tmp_path / "office.sqlite"
    with Database(path) as desk_a, Database(path) as desk_b:
        a, b = CampaignController(desk_a), CampaignController(desk_b)
        opened_on_a = a.settings()
        b.save_settings(replace(opened_on_a, home_institution_name="AMU"), expected=opened_on_a)
        with pytest.raises(StaleRecord):
            a.save_settings(opened_on_a, expected=opened_on_a)
        again = a.settings()
        a.save_settings(replace(again, etudes_en_france=(*again.etudes_en_france, "CU")),
                        expected=again)  # fmt: skip
        assert "CU" in a.settings().etudes_en_france
        assert a.settings().home_institution_name == "AMU"


def test_settings_window_refusal_keeps_what_the_clerk_typed(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """The window opened earlier: its save is refused with who and when, the dialog stays open
    with the clerk's list, and the other desk's country is still stored."""
    path = tmp_path / "office.sqlite"
    with Database(path) as desk_a, Database(path) as desk_b:
        dialog = SettingsDialog(Services(desk_a))
        qtbot.addWidget(dialog)
        dialog.show()
        b = CampaignController(desk_b)
        saved_by(monkeypatch, "c.durand")
        b.save_settings(
            replace(b.settings(), etudes_en_france=(*b.settings().etudes_en_france, "CU")),
            expected=b.settings(),
        )
        told: list[str] = []

        def answer(_parent, _title, text, _choices, **_kwargs):  # noqa: ANN001, ANN202
            told.append(text)
            return "keep"

        monkeypatch.setattr(settings_dialog, "ask", answer)
        dialog.countries.setCurrentRow(0)
        removed = dialog.codes()[0]
        dialog.remove_country()
        typed = dialog.codes()
        dialog.save()
        assert dialog.isVisible()
        assert dialog.codes() == typed and removed not in typed
        assert told and "c.durand" in told[0] and "Cuba (CU)" in told[0]
        stored = CampaignController(desk_a).settings().etudes_en_france
        assert "CU" in stored and removed in stored
        dialog.grab().save(str(tmp_path / "settings.png"))
        dialog.close()


def test_settings_window_reload_shows_the_other_desk_values(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """« Recharger » after a refusal shows the stored list (with the other desk's country)."""
    path = tmp_path / "office.sqlite"
    with Database(path) as desk_a, Database(path) as desk_b:
        dialog = SettingsDialog(Services(desk_a))
        qtbot.addWidget(dialog)
        b = CampaignController(desk_b)
        b.save_settings(
            replace(b.settings(), etudes_en_france=(*b.settings().etudes_en_france, "CU")),
            expected=b.settings(),
        )
        monkeypatch.setattr(settings_dialog, "ask", lambda *a, **k: "reload")
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
        dialog.name.setText("Autre nom")
        dialog.save()
        assert "CU" in dialog.codes()
        assert dialog.name.text() == CampaignController(desk_a).settings().home_institution_name
        dialog.close()
