"""Enrolment status sheets: which candidates, assessed on which date, printed or in one PDF."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.files import iter_files
from monmaster_desktop.controllers.views import CandidateFile
from monmaster_desktop.controllers.worklists import SortKey, WorklistController
from monmaster_desktop.db import Database
from monmaster_desktop.models import Candidate


def signer(clerk: str | None) -> str:
    """Who « Édité le … par » names: the clerk given, else the name set in the desk's settings,
    else the office (never the operating system's login)."""
    from monmaster_desktop.clerk import clerk_name
    from monmaster_desktop.office import current_office

    return clerk or clerk_name() or current_office().name


class SheetController:
    """Sheets are « édités » on the day they are printed (the system date, unless given) and
    show the situation on the reference date ``as_of`` of the files."""

    def __init__(self, db: Database):
        self.db = db

    def candidate_ids(
        self,
        *,
        candidate_numbers: Sequence[str] | None = None,
        flag: str | None = None,
        as_of: date,
        search: str = "",
        campaign: int | None = None,
    ) -> list[int]:
        """Ids by candidate number: those named, or a worklist/flag, or everyone."""
        if candidate_numbers:
            with self.db.read() as session:
                found = dict(
                    session.execute(
                        select(Candidate.candidate_number, Candidate.id).where(
                            Candidate.candidate_number.in_(list(candidate_numbers))
                        )
                    ).all()
                )
            missing = [n for n in candidate_numbers if n not in found]
            if missing:
                raise LookupError(f"Candidat(s) inconnu(s) : {', '.join(missing)}")
            return [found[n] for n in candidate_numbers]
        return WorklistController(self.db).candidate_ids(
            flag or "all", as_of=as_of, search=search, campaign=campaign, sort=SortKey.NUMBER
        )

    def files(
        self,
        *,
        candidate_ids: Sequence[int] | None = None,
        candidate_numbers: Sequence[str] | None = None,
        flag: str | None = None,
        as_of: date,
        search: str = "",
        campaign: int | None = None,
    ) -> list[CandidateFile]:
        """Whole candidate files assessed on ``as_of``, read in bulk."""
        if candidate_ids is None:
            candidate_ids = self.candidate_ids(
                candidate_numbers=candidate_numbers,
                flag=flag,
                as_of=as_of,
                search=search,
                campaign=campaign,
            )
        with self.db.read() as session:
            ctx = RulesContext.load(session)
            return list(iter_files(session, ctx, list(candidate_ids), as_of))

    def render_pdf(
        self,
        files: Sequence[CandidateFile],
        out_path: Path,
        *,
        printed_on: date | None = None,
        clerk: str | None = None,
        progress: Callable[[int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> int:
        from monmaster_desktop.printing.sheets import render_pdf

        return render_pdf(
            files, out_path, printed_on=printed_on or date.today(), clerk=signer(clerk),
            progress=progress, is_cancelled=is_cancelled,
        )

    def paint(
        self,
        printer,  # noqa: ANN001 - a QPrinter (print dialog or print preview)
        files: Sequence[CandidateFile],
        *,
        printed_on: date | None = None,
        clerk: str | None = None,
        progress: Callable[[int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> int:
        from monmaster_desktop.printing.sheets import print_sheets

        return print_sheets(
            files, printer, printed_on=printed_on or date.today(), clerk=signer(clerk),
            progress=progress, is_cancelled=is_cancelled,
        )
