"""Screenshots of the candidate file and campaigns dialogs on sample data (offscreen, 1366×768)."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offscreen_screen import use_clerk_screen  # noqa: E402

use_clerk_screen()
HERE = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def sample_candidate(services) -> int:  # noqa: ANN001
    """A candidate with eight applications: one accepted definitively, one rejected."""
    from monmaster_desktop.controllers.views import ApplicationData, CandidateData
    from monmaster_desktop.domain import (
        ApplicationStatus as S,
    )
    from monmaster_desktop.domain import (
        Diploma,
        EnrolmentHistory,
        RejectionReason,
        TrainingType,
    )

    candidate_id = services.candidates.save(
        CandidateData(
            candidate_number="MM2024-0042017", last_name="Benali", first_name="Inès",
            birth_date=date(2002, 3, 14), nationality="FR", residence_country="FR",
            diploma=Diploma.LICENCE, enrolment_history=EnrolmentHistory.ENROLLED_LAST_YEAR,
            ine="0123456789M", email="ines.benali@etu.example.fr", phone="06 12 34 56 78",
            notes="Pièces complémentaires reçues le 12/03.",
        )
    ).file.candidate_id
    base = ApplicationData(
        campaign_year=2024, institution_code="0134009M", institution_name="", mention="",
        training_type=TrainingType.INITIAL, submitted_on=date(2024, 3, 1), status=S.SUBMITTED,
    )
    rows = [
        ("0134009M", "Informatique", "Intelligence artificielle et apprentissage", S.OFFER, {}),
        ("0134009M", "Mathématiques appliquées", "Statistique", S.WAITLISTED,
         {"waitlist_rank": 12}),
        ("0751717J", "Informatique", "Systèmes distribués", S.REJECTED,
         {"rejection_reason": RejectionReason.REQUIREMENTS_NOT_MET,
          "notified_on": date(2024, 6, 4)}),
        ("0691775E", "Économie", "Économie du développement", S.SUBMITTED, {}),
        ("0331766R", "Science politique", "", S.SUBMITTED, {}),
        ("0593560P", "Droit des affaires", "Juriste d'entreprise", S.SUBMITTED, {}),
        ("0134009M", "Gestion de projets", "Management de projets", S.CONTRACT_SEARCH,
         {"training_type": TrainingType.ALTERNANCE}),
        ("0673021V", "Physique", "Physique numérique", S.WAITLISTED, {"waitlist_rank": 3}),
    ]
    names = {
        "0751717J": "Université Paris 1 Panthéon-Sorbonne", "0691775E": "Université Lumière Lyon 2",
        "0331766R": "Université de Bordeaux", "0593560P": "Université de Lille",
        "0673021V": "Université de Strasbourg", "0134009M": "Aix-Marseille Université",
    }
    for day, (uai, mention, parcours, status, extra) in enumerate(rows, start=1):
        services.applications.save(
            candidate_id,
            replace(base, institution_code=uai, institution_name=names[uai], mention=mention,
                    parcours=parcours, status=status, submitted_on=date(2024, 3, day), **extra),
        )
    file = services.candidates.get_file(candidate_id)
    offer = next(a for a in file.applications if a.data.status is S.OFFER)
    services.applications.save(
        candidate_id,
        replace(offer.data, status=S.ACCEPTED_DEFINITIVELY, notified_on=date(2024, 6, 4),
                accepted_on=date(2024, 7, 2)),
        application_id=offer.id, expected_version=offer.version,
    )
    return candidate_id


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["MONMASTER_DESKTOP_HOME"] = folder
        from monmaster_desktop.db import Database
        from monmaster_desktop.ui.application_editor import ApplicationEditor
        from monmaster_desktop.ui.campaigns import CampaignsDialog
        from monmaster_desktop.ui.candidate_file import CandidateFileDialog
        from monmaster_desktop.ui.services import Services

        database = Database(Path(folder) / "sample.sqlite")
        services = Services(database, as_of_override=date(2024, 7, 3))
        candidate_id = sample_candidate(services)
        shots = []
        dialog = CandidateFileDialog(services, candidate_id)
        dialog.tabs.setCurrentIndex(1)
        shots.append((dialog, "candidate_file.png"))
        identity = CandidateFileDialog(services, candidate_id)
        shots.append((identity, "candidate_file_identity.png"))
        shots.append((CampaignsDialog(services), "campaigns.png"))
        rejected = next(a for a in dialog.file.applications if a.data.rejection_reason)
        shots.append((ApplicationEditor(services, candidate_id, rejected), "application_editor.png"))
        for window, name in shots:
            if name != "application_editor.png":
                window.resize(1366, 740)
            window.show()
            app.processEvents()
            window.grab().save(str(HERE / name))
            window.hide()
        for window, _ in shots:
            window.deleteLater()
        app.processEvents()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
