"""RULES.md §5: the withdrawals phase (gestion des désistements) is campaign data: shipped for
2024, proposed a year later, checked, edited in the campaigns dialog, read by the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from monmaster_desktop.controllers.campaigns import CampaignController
from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.errors import Invalid
from monmaster_desktop.ui import campaigns as campaigns_ui
from monmaster_desktop.ui.campaigns import CampaignsDialog


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(campaigns_ui, "ask", lambda *a, **k: "discard")


def test_shipped_2024_and_read_by_the_rules(db) -> None:  # noqa: ANN001
    data = CampaignController(db).get(2024)
    assert (data.withdrawals_from, data.withdrawals_to) == (date(2024, 8, 1), date(2024, 8, 31))
    with db.read() as session:
        calendar = RulesContext.load(session).calendars[2024]
    assert calendar.withdrawals_to == date(2024, 8, 31)


def test_proposal_shifts_it_and_bad_dates_are_refused(db) -> None:  # noqa: ANN001
    campaigns = CampaignController(db)
    proposal = campaigns.proposal()
    assert proposal.withdrawals_from == date(2025, 8, 1)
    with pytest.raises(Invalid) as refused:
        campaigns.save(replace(proposal, withdrawals_from=date(2025, 7, 1)))
    assert refused.value.problems[0].field == "withdrawals_from"
    assert "fin de la phase complémentaire" in refused.value.message
    with pytest.raises(Invalid) as refused:
        campaigns.save(replace(proposal, withdrawals_to=None))
    assert refused.value.problems[0].field == "withdrawals_to"
    saved = campaigns.save(replace(proposal, withdrawals_from=None, withdrawals_to=None))
    assert saved.withdrawals_from is None  # not known yet: allowed


def test_dialog_edits_the_withdrawals_phase(qtbot, services) -> None:  # noqa: ANN001
    dialog = CampaignsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    field = dialog.dates["withdrawals_to"]
    assert dialog.dates["withdrawals_from"].text() == "01/08/2024"
    assert field.text() == "31/08/2024"
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "30/08/2024")
    qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert CampaignController(services.db).get(2024).withdrawals_to == date(2024, 8, 30)
