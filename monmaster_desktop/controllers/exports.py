"""Exports of any list: the candidates or applications of a worklist, as CSV for Excel or XLSX.

Columns are the import's, with French titles (an export imports back unchanged), followed by
what the desk concluded (eligibility, flags, deadlines) for the reader's convenience.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.files import iter_files
from monmaster_desktop.controllers.records import gc_paused
from monmaster_desktop.controllers.sheets import SheetController
from monmaster_desktop.controllers.views import CandidateFile
from monmaster_desktop.db import Database
from monmaster_desktop.domain import (
    DIPLOMA_FR,
    DIPLOMA_STATUS_FR,
    FLAG_SHORT_FR,
    HISTORY_FR,
    PHASE_FR,
    REASON_FR,
    REJECTION_FR,
    ROUTE_FR,
    STATUS_FR,
    TRAINING_FR,
)
from monmaster_desktop.io.columns import (
    APPLICATION_DERIVED,
    APPLICATIONS,
    CANDIDATE_DERIVED,
    CANDIDATES,
    FRENCH_HEADERS,
)
from monmaster_desktop.io.countries import country_name_fr
from monmaster_desktop.io.writers import write_csv, write_xlsx

#: Defined beside the import's columns, which recognises and leaves them out.
CANDIDATE_EXTRA = list(CANDIDATE_DERIVED)
APPLICATION_EXTRA = list(APPLICATION_DERIVED)


def _candidate_rows(files: Iterator[CandidateFile]) -> Iterator[list[object]]:
    for file in files:
        c, a = file.candidate, file.assessment
        reg = a.registration
        counted = a.counted.as_json()["main"]
        yield [
            c.candidate_number,
            c.ine,
            c.last_name,
            c.first_name,
            c.birth_date,
            c.email,
            c.phone,
            country_name_fr(c.nationality),
            country_name_fr(c.residence_country),
            DIPLOMA_FR[c.diploma],
            DIPLOMA_STATUS_FR[c.diploma_status],
            c.repeating_m1,
            c.ves_vap,
            c.automatic_admission,
            HISTORY_FR[c.enrolment_history],
            a.eligibility.eligible,
            " ; ".join(REASON_FR[r] for r in a.eligibility.reasons),
            counted["initial"],
            counted["alternance"],
            (f"{reg.mention} — {reg.parcours}" if reg.parcours else reg.mention) if reg else None,
            reg.accepted_on if reg else None,
            (reg.deadline or "fixée par le chef d'établissement") if reg else None,
            ROUTE_FR[reg.route] if reg else None,
            ", ".join(FLAG_SHORT_FR[f] for f in a.flags),
            a.must_contact_registrar,
        ]


def _application_rows(files: Iterator[CandidateFile]) -> Iterator[list[object]]:
    for file in files:
        for view in file.applications:
            d = view.data
            yield [
                file.candidate.candidate_number,
                d.campaign_year,
                PHASE_FR[d.phase],
                d.institution_code,
                d.institution_name,
                d.mention,
                d.parcours,
                TRAINING_FR[d.training_type],
                d.submitted_on,
                STATUS_FR[d.status],
                d.waitlist_rank,
                REJECTION_FR[d.rejection_reason] if d.rejection_reason else None,
                d.notified_on,
                d.accepted_on,
                d.registered_on,
                file.candidate.last_name,
                file.candidate.first_name,
                view.explanation_last_day,
            ]


class ExportCancelled(Exception):
    """The clerk cancelled the export: no file was written."""


class ExportController:
    def __init__(self, db: Database):
        self.db = db

    def export(
        self,
        what: str,
        out_path: Path,
        *,
        worklist: str = "all",
        as_of: date,
        campaign: int | None = None,
        search: str = "",
        candidate_ids: list[int] | None = None,
        progress: Callable[[int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Write the list to ``out_path`` (.csv or .xlsx); returns the number of data rows.

        Cancelled (ExportCancelled), nothing is left at ``out_path``: the writers only rename
        a finished file into place."""
        out_path = Path(out_path)
        suffix = out_path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise ValueError(f"Format inconnu « {suffix} » : choisissez .csv ou .xlsx.")
        if candidate_ids is None:
            candidate_ids = SheetController(self.db).candidate_ids(
                flag=worklist, as_of=as_of, search=search, campaign=campaign
            )
        if what == "candidates":
            headers = [FRENCH_HEADERS[n] for n in CANDIDATES.names] + CANDIDATE_EXTRA
            make_rows, title = _candidate_rows, "Candidats"
        elif what == "applications":
            headers = [FRENCH_HEADERS[n] for n in APPLICATIONS.names] + APPLICATION_EXTRA
            make_rows, title = _application_rows, "Candidatures"
        else:
            raise ValueError(f"Liste inconnue « {what} » : candidates ou applications.")
        count = 0

        def counted(rows: Iterator[list[object]]) -> Iterator[list[object]]:
            nonlocal count
            for row in rows:
                count += 1
                if count % 1000 == 0:
                    if is_cancelled is not None and is_cancelled():
                        raise ExportCancelled()
                    if progress is not None:
                        progress(count)
                yield row

        with gc_paused(), self.db.read() as session:
            ctx = RulesContext.load(session)
            rows = counted(make_rows(iter_files(session, ctx, candidate_ids, as_of)))
            if suffix == ".csv":
                write_csv(out_path, headers, rows)
            else:
                write_xlsx(out_path, headers, rows, title)
        return count
