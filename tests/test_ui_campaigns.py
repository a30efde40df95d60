"""Campaigns, catalogue and settings dialogs as a clerk uses them: dates checked, saved, audited."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from monmaster_desktop.controllers.campaigns import CampaignController
from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.domain import ApplicationStatus, Diploma, EnrolmentHistory, TrainingType
from monmaster_desktop.ui import campaigns as campaigns_ui
from monmaster_desktop.ui.campaigns import BandTableModel, CampaignsDialog
from monmaster_desktop.ui.catalogue import CatalogueDialog, CourseTableModel, InstitutionTableModel
from monmaster_desktop.ui.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch) -> None:  # noqa: ANN001
    """A question nobody answers in a test discards and goes on."""
    monkeypatch.setattr(campaigns_ui, "ask", lambda *a, **k: "discard")


def shown(qtbot, dialog):  # noqa: ANN001, ANN201
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def retype(qtbot, field, text: str) -> None:  # noqa: ANN001
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_dates_out_of_order_refused_beside_the_date(qtbot, services) -> None:  # noqa: ANN001
    """An application window ending before it starts is refused next to its end date; the
    typing stays and nothing is written."""
    dialog = shown(qtbot, CampaignsDialog(services))
    assert dialog.dates["main_apply_from"].text() == "26/02/2024"
    retype(qtbot, dialog.dates["main_apply_to"], "20/02/2024")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    message = dialog.messages["main_apply_to"]
    assert message.isVisible()
    assert (
        "La fin des candidatures (20/02/2024) tombe avant le début des candidatures "
        "(26/02/2024)" in message.text()
    )
    assert dialog.dates["main_apply_to"].text() == "20/02/2024"
    assert CampaignController(services.db).get(2024).main_apply_to == date(2024, 3, 24)


def test_new_campaign_prefilled_a_year_later_and_saved(qtbot, services) -> None:  # noqa: ANN001
    """« Nouvelle campagne » proposes 2025 from 2024 with a note to confirm; Enter saves it."""
    dialog = shown(qtbot, CampaignsDialog(services))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert dialog.year.value() == 2025
    assert dialog.dates["main_apply_from"].text() == "26/02/2025"
    assert "Vérifiez" in dialog.note.text() and not dialog.confirmed.isChecked()
    retype(qtbot, dialog.dates["main_apply_from"], "25/02/2025")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    controller = CampaignController(services.db)
    assert controller.years() == [2025, 2024]
    assert controller.get(2025).main_apply_from == date(2025, 2, 25)
    assert [dialog.years.item(r).text() for r in range(dialog.years.count())] == ["2025", "2024"]


def test_band_emptied_reads_set_by_head_and_is_saved(qtbot, services) -> None:  # noqa: ANN001
    """Del on a band deadline shows « fixée par le chef d'établissement » and saves None."""
    dialog = shown(qtbot, CampaignsDialog(services))
    model = dialog.band_model
    assert model.index(2, 1).data() == "sans fin"
    dialog.bands.setFocus()
    dialog.bands.setCurrentIndex(model.index(1, 2))
    qtbot.keyClick(dialog.bands, Qt.Key.Key_Delete)
    assert model.index(1, 2).data() == "fixée par le chef d'établissement"
    assert not model.setData(model.index(0, 2), "31/13/2024")
    assert dialog.save()
    bands = CampaignController(services.db).get(2024).bands
    assert bands[1].deadline is None


def test_catalogue_records_head_deadline(qtbot, services) -> None:  # noqa: ANN001
    """Typing a head-set deadline for a course and Enter records it in the catalogue."""
    candidate = services.candidates.save(
        CandidateData(
            candidate_number="C1",
            last_name="Roux",
            first_name="Ana",
            birth_date=date(2000, 1, 1),
            nationality="FR",
            residence_country="FR",
            diploma=Diploma.LICENCE,
            enrolment_history=EnrolmentHistory.NEVER,
        )
    ).file.candidate_id
    services.applications.save(
        candidate,
        ApplicationData(
            campaign_year=2024,
            institution_code="0134009M",
            mention="Chimie",
            training_type=TrainingType.INITIAL,
            submitted_on=date(2024, 3, 1),
            status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
            accepted_on=date(2024, 8, 28),
        ),
    )
    dialog = shown(qtbot, CatalogueDialog(services))
    assert dialog.courses.index(0, 0).data() == "Chimie"
    retype(qtbot, dialog.deadline, "13/09/2024")
    qtbot.keyClick(dialog.deadline, Qt.Key.Key_Return)
    assert dialog.courses.index(0, 4).data() == "13/09/2024"
    file = services.candidates.get_file(candidate)
    assert file.assessment.registration.deadline == date(2024, 9, 13)


def test_settings_add_country_with_picker_and_save(qtbot, services) -> None:  # noqa: ANN001
    """The clerk adds Cuba by typing « cuba » and Enter, then saves: 69 countries."""
    dialog = shown(qtbot, SettingsDialog(services))
    assert any("69 pays en 2024" in label.text() for label in dialog.findChildren(QLabel))
    assert dialog.count.text() == "68 pays dans la liste."
    dialog.picker.setFocus()
    qtbot.keyClicks(dialog.picker.lineEdit(), "cuba")
    qtbot.keyClick(QApplication.activePopupWidget() or dialog.picker, Qt.Key.Key_Return)
    assert "CU" in dialog.codes() and dialog.count.text() == "69 pays dans la liste."
    dialog.save()
    assert "CU" in CampaignController(services.db).settings().etudes_en_france


def test_settings_refuse_bad_uai_beside_the_field(qtbot, services) -> None:  # noqa: ANN001
    """A UAI of the wrong shape is shown next to the field as typed and is not saved."""
    dialog = shown(qtbot, SettingsDialog(services))
    retype(qtbot, dialog.code, "01340")
    qtbot.waitUntil(lambda: dialog.messages["home_institution_code"].isVisible())
    dialog.save()
    assert dialog.isVisible()
    assert CampaignController(services.db).settings().home_institution_code == "0134009M"


def test_dialog_models_pass_qtmodeltester(qtmodeltester, services) -> None:  # noqa: ANN001
    """Bands, institutions and courses models follow Qt's model rules."""
    controller = CampaignController(services.db)
    bands = BandTableModel()
    bands.set_bands(controller.get(2024).bands)
    qtmodeltester.check(bands)
    institutions = InstitutionTableModel()
    institutions.set_rows(controller.institutions())
    qtmodeltester.check(institutions)
    courses = CourseTableModel()
    courses.set_rows(controller.courses())
    qtmodeltester.check(courses)


def test_settings_dialog_asks_before_dropping_changes(qtbot, services, monkeypatch) -> None:  # noqa: ANN001
    """Esc on changed settings asks; « Annuler » keeps the window and what was typed."""
    from monmaster_desktop.ui import settings_dialog as module

    asked = []
    monkeypatch.setattr(module, "ask", lambda *a, **k: asked.append(a[1]) or "stay")
    dialog = module.SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Aix-Marseille Université — scolarité Luminy")
    dialog.reject()
    assert asked and dialog.isVisible()
    assert dialog.name.text() == "Aix-Marseille Université — scolarité Luminy"
    asked.clear()
    dialog.name.setText(services.campaigns.settings().home_institution_name)
    dialog.reject()
    assert asked == [] and not dialog.isVisible()
