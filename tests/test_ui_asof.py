"""RULES.md §8 and §5 on screen and on the sheet: later events greyed as later, never as done;
a provisional acceptance made definitive by the platform shown « à confirmer », one click."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    EnrolmentHistory,
    Phase,
    TrainingType,
)
from monmaster_desktop.printing.sheets import build_sheet_html
from monmaster_desktop.ui import candidate_file
from monmaster_desktop.ui.candidate_file import CandidateFileDialog

HOME = "0134009M"
SHOTS = os.environ.get("MONMASTER_SCREENSHOTS")  # a folder: the test saves what it shows


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(candidate_file, "ask", lambda *a, **k: "discard")


def add(services, number: str, *apps: ApplicationData) -> int:  # noqa: ANN001
    cid = services.candidates.save(
        CandidateData(
            candidate_number=number,
            last_name="Phạm",
            first_name="Linh",
            birth_date=date(2001, 5, 4),
            nationality="FR",
            residence_country="FR",
            diploma=Diploma.LICENCE,
            enrolment_history=EnrolmentHistory.NEVER,
        )
    ).file.candidate_id
    for data in apps:
        services.applications.save(cid, data)
    return cid


def application(mention: str, **changes: object) -> ApplicationData:
    return replace(
        ApplicationData(
            campaign_year=2024,
            institution_code=HOME,
            mention=mention,
            training_type=TrainingType.INITIAL,
            submitted_on=date(2024, 3, 1),
            status=ApplicationStatus.SUBMITTED,
        ),
        **changes,
    )


def open_file(qtbot, services, cid: int) -> CandidateFileDialog:  # noqa: ANN001
    dialog = CandidateFileDialog(services, cid)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentIndex(1)
    return dialog


def shot(qtbot, dialog, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        qtbot.wait(100)
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(SHOTS) / name))


def test_later_acceptance_greyed_as_later(qtbot, services) -> None:  # noqa: ANN001
    cid = add(
        services,
        "C100",
        application(
            "Informatique",
            status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
            notified_on=date(2024, 6, 4),
            accepted_on=date(2024, 7, 25),
        ),
        application("Chimie", phase=Phase.COMPLEMENTARY, submitted_on=date(2024, 6, 27)),
    )
    services.as_of_override = date(2024, 7, 20)
    dialog = open_file(qtbot, services, cid)
    model = dialog.applications
    rows = {model.application(r).data.mention: r for r in range(model.rowCount())}
    informatique = rows["Informatique"]
    accepted = model.index(informatique, model.DATES)  # dates on two lines, one column
    assert "Acceptée le 25/07/2024 (postérieur)" in accepted.data()
    assert accepted.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#777777"
    assert "Postérieur à la date de référence" in accepted.data(Qt.ItemDataRole.ToolTipRole)
    status = model.index(informatique, model.STATUS)
    assert status.data().startswith("Proposition d'admission")  # as it stood on 20/07
    assert "Acceptée définitivement ensuite" in status.data()
    assert status.data(Qt.ItemDataRole.ForegroundRole) is not None
    # 04/06: done, not marked
    assert "notifiée le 04/06/2024" in accepted.data().splitlines()[0]
    assert "(postérieur)" not in accepted.data().splitlines()[0]
    assert dialog.later_note.isVisible()
    assert "postérieur à la date de référence (20/07/2024)" in dialog.later_note.text()
    todo = dialog.todo.text()
    assert "acceptée définitivement" not in todo and "S'inscrire" not in todo
    shot(qtbot, dialog, "candidate-file-later-event.png")
    dialog.table.scrollTo(model.index(informatique, model.DATES))
    shot(qtbot, dialog, "candidate-file-later-event-dates.png")

    services.as_of_override = date(2024, 8, 1)
    dialog.load(cid)
    assert model.index(rows["Informatique"], model.DATES).data(Qt.ItemDataRole.ForegroundRole) is None
    assert not dialog.later_note.isVisible()


def test_sheet_shows_later_events_as_later(services) -> None:  # noqa: ANN001
    cid = add(
        services,
        "C101",
        application(
            "Informatique",
            status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
            notified_on=date(2024, 6, 4),
            accepted_on=date(2024, 7, 2),
            registered_on=date(2024, 7, 25),
        ),
    )
    from monmaster_desktop.controllers.sheets import SheetController

    (file,) = SheetController(services.db).files(candidate_ids=[cid], as_of=date(2024, 7, 22))
    html = build_sheet_html(file, printed_on=date(2024, 7, 22), clerk="test")
    assert "postérieur à la date de référence" in html
    assert "Inscrit le" not in html and "inscrit le 25/07" not in html.lower()
    assert file.assessment.registration.registered_on is None
    assert "registration_overdue" in {f.value for f in file.assessment.flags}


def test_provisional_acceptance_to_confirm(qtbot, services) -> None:  # noqa: ANN001
    cid = add(
        services,
        "C102",
        application(
            "Informatique",
            phase=Phase.COMPLEMENTARY,
            submitted_on=date(2024, 6, 26),
            status=ApplicationStatus.ACCEPTED_PROVISIONALLY,
            notified_on=date(2024, 7, 3),
            accepted_on=date(2024, 7, 4),
        ),
        application(
            "Chimie",
            institution_code="0751717J",
            phase=Phase.COMPLEMENTARY,
            submitted_on=date(2024, 6, 26),
            status=ApplicationStatus.WAITLISTED,
            waitlist_rank=3,
            notified_on=date(2024, 7, 3),
        ),
    )
    services.as_of_override = date(2024, 7, 30)
    dialog = open_file(qtbot, services, cid)
    assert not dialog.confirm_button.isVisible()
    services.as_of_override = date(2024, 8, 2)
    dialog.load(cid)
    assert "Acceptation devenue définitive le 31/07/2024 — à confirmer" in dialog.todo.text()
    assert "S'inscrire au plus tard le 29/08/2024" in dialog.todo.text()
    assert dialog.confirm_button.isVisible()
    shot(qtbot, dialog, "candidate-file-to-confirm.png")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    stored = services.candidates.get_file(cid, as_of=date(2024, 8, 2))
    (informatique,) = [v for v in stored.applications if v.data.mention == "Informatique"]
    assert informatique.data.status is ApplicationStatus.ACCEPTED_DEFINITIVELY
    assert informatique.data.accepted_on == date(2024, 7, 31)
    (chimie,) = [v for v in stored.applications if v.data.mention == "Chimie"]
    assert chimie.data.status is ApplicationStatus.WITHDRAWN  # the definitive closes the others
    assert not dialog.confirm_button.isVisible()
    assert "à confirmer" not in dialog.todo.text()
    assert stored.assessment.registration.to_confirm is False


def test_confirm_refused_when_nothing_to_confirm(services) -> None:  # noqa: ANN001
    from monmaster_desktop.controllers.errors import Invalid

    cid = add(services, "C103", application("Informatique", status=ApplicationStatus.SUBMITTED))
    (view,) = services.candidates.get_file(cid).applications
    with pytest.raises(Invalid) as refused:
        services.applications.confirm_definitive(view.id)
    assert "rien à confirmer" in refused.value.message


def test_future_notification_refused_in_the_editor_typing_kept(qtbot, services) -> None:  # noqa: ANN001
    """RULES.md §8: a notification dated after today is refused beside its field, naming the
    field and the date; what the clerk typed stays; nothing is written."""
    from datetime import timedelta

    from PySide6.QtWidgets import QApplication

    from monmaster_desktop.rules.calendar import fr_date

    cid = add(services, "C104", application("Informatique"))
    future = date.today() + timedelta(days=20)
    dialog = open_file(qtbot, services, cid)
    dialog.table.selectRow(0)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    editor = dialog.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.status)
    editor.status.setCurrentIndex(editor.status.findData(ApplicationStatus.OFFER))
    editor.notified.setFocus()
    qtbot.keyClicks(editor.notified, fr_date(future))
    qtbot.keyClick(editor.notified, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.messages["notified_on"].isVisible())
    message = editor.messages["notified_on"].text()
    assert f"Date de notification {fr_date(future)}" in message and "futur" in message
    assert editor.isVisible() and editor.notified.text() == fr_date(future)
    (view,) = services.candidates.get_file(cid).applications
    assert view.data.status is ApplicationStatus.SUBMITTED and view.data.notified_on is None


def test_future_dates_refused_by_the_controller(services) -> None:  # noqa: ANN001
    from datetime import timedelta

    from monmaster_desktop.controllers.errors import Invalid

    cid = add(services, "C105")
    future = date.today() + timedelta(days=1)
    with pytest.raises(Invalid) as refused:
        services.applications.save(
            cid,
            application(
                "Informatique",
                status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
                notified_on=date(2024, 6, 4),
                accepted_on=date(2024, 6, 10),
                registered_on=future,
            ),
        )
    assert [p.field for p in refused.value.problems if p.code == "date_in_future"] == [
        "registered_on"
    ]
    assert "Date d'inscription" in refused.value.message
    assert services.candidates.get_file(cid).applications == ()
