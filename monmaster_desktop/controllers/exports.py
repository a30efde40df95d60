"""Exports of any list: the candidates or applications of a worklist, as CSV for Excel or XLSX.

Columns are the import's, with French titles (an export imports back unchanged), followed by
what the desk concluded (eligibility, flags, deadlines) for the reader's convenience.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from sqlalchemy import Connection, String, and_, case, select, type_coerce

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
    Phase,
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
from monmaster_desktop.models import Application, Campaign, Candidate, Course, Institution

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


def _application_select(as_of: date):  # noqa: ANN202
    """The applications export's columns, in its order, from one query: the derived last day
    to ask for the reasons of a refusal is the stored one (set with the refusal, as the
    worklist reads it), once the refusal had been notified by ``as_of``."""
    as_text = String()  # the enums' stored codes: the French labels are looked up by code
    notified_by_then = and_(Application.notified_on <= as_of, Application.submitted_on <= as_of)
    return (
        select(
            Application.candidate_id,
            Candidate.candidate_number,
            Campaign.year,
            type_coerce(Application.phase, as_text),
            Institution.code,
            Institution.name,
            Course.mention,
            Course.parcours,
            type_coerce(Course.training_type, as_text),
            Application.submitted_on,
            type_coerce(Application.status, as_text),
            Application.waitlist_rank,
            type_coerce(Application.rejection_reason, as_text),
            Application.notified_on,
            Application.accepted_on,
            Application.registered_on,
            Candidate.last_name,
            Candidate.first_name,
            case((notified_by_then, Application.explanation_last_day)),
        )
        .select_from(Application)
        .join(Candidate, Application.candidate_id == Candidate.id)
        .join(Course, Application.course_id == Course.id)
        .join(Institution, Course.institution_id == Institution.id)
        .join(Campaign, Application.campaign_id == Campaign.id)
    )


#: A candidate's applications as the candidate file lists them: latest campaign first, the
#: main phase before the complementary one, then by submission.
_WITHIN_CANDIDATE = (
    Campaign.year.desc(),
    case((Application.phase == Phase.MAIN, 0), else_=1),
    Application.submitted_on,
    Application.id,
)
_CHUNK = 1000  # candidates a query, when the list is not everyone
_STREAM = 2000  # rows fetched at a time


def _export_row(row: Sequence) -> list[object]:
    """One row of the query as the export writes it: the codes turned into French labels."""
    (_, number, year, phase, uai, institution, mention, parcours, training, submitted, status,
     rank, reason, notified, accepted, registered, last_name, first_name, last_day) = row  # fmt: skip
    return [
        number, year, PHASE_FR[phase], uai, institution, mention, parcours, TRAINING_FR[training],
        submitted, STATUS_FR[status], rank, REJECTION_FR.get(reason), notified, accepted,
        registered, last_name, first_name, last_day,
    ]  # fmt: skip


def _application_rows(
    connection: Connection, candidate_ids: Sequence[int] | None, as_of: date
) -> Iterator[list[object]]:
    """The applications of these candidates, candidate by candidate in the order given (None:
    everyone, by candidate number), as export rows: no candidate file, no object per row."""
    query = _application_select(as_of)
    if candidate_ids is None:
        everyone = query.order_by(Candidate.candidate_number, *_WITHIN_CANDIDATE)
        result = connection.execute(everyone, execution_options={"yield_per": _STREAM})
        yield from map(_export_row, result)
        return
    for start in range(0, len(candidate_ids), _CHUNK):
        chunk = candidate_ids[start : start + _CHUNK]
        rows = connection.execute(
            query.where(Application.candidate_id.in_(chunk)).order_by(
                Application.candidate_id, *_WITHIN_CANDIDATE
            )
        )
        by_candidate = {cid: list(group) for cid, group in groupby(rows, itemgetter(0))}
        for cid in chunk:
            yield from map(_export_row, by_candidate.get(cid, ()))


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
        # Everyone's applications come from one streamed query, by candidate number; any other
        # list is read by its candidates' ids.
        everyone = worklist == "all" and not search and campaign is None
        if candidate_ids is None and not (what == "applications" and everyone):
            candidate_ids = SheetController(self.db).candidate_ids(
                flag=worklist, as_of=as_of, search=search, campaign=campaign
            )
        if what == "candidates":
            headers = [FRENCH_HEADERS[n] for n in CANDIDATES.names] + CANDIDATE_EXTRA
            title = "Candidats"
        elif what == "applications":
            headers = [FRENCH_HEADERS[n] for n in APPLICATIONS.names] + APPLICATION_EXTRA
            title = "Candidatures"
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
            if what == "candidates":
                files = iter_files(session, RulesContext.load(session), candidate_ids, as_of)
                rows = counted(_candidate_rows(files))
            else:
                rows = counted(_application_rows(session.connection(), candidate_ids, as_of))
            if suffix == ".csv":
                write_csv(out_path, headers, rows)
            else:
                write_xlsx(out_path, headers, rows, title)
        return count
