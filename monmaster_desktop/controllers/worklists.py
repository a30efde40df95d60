"""Worklists of the desk: which candidates need what, counted and listed in SQL on any date."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_, exists, false, func, not_, or_, select, true
from sqlalchemy.sql import ColumnElement

from monmaster_desktop.controllers.views import CandidateRow
from monmaster_desktop.db import Database
from monmaster_desktop.domain import Flag, search_words
from monmaster_desktop.models import (
    Application,
    Campaign,
    Candidate,
    CandidateSearchToken,
    CandidateStatus,
)


class Worklist(enum.StrEnum):
    ALL = "all"
    MUST_CONTACT = "must_contact_registrar"
    NOT_ELIGIBLE = "not_eligible"
    OVERDUE = "registration_overdue"
    HEAD_DEADLINE = "deadline_set_by_head"
    EXPLANATION = "explanation_window_open"
    INTERRUPTED = "interrupted_enrolment"


WORKLIST_FR = {
    Worklist.ALL: "Tous les candidats",
    Worklist.MUST_CONTACT: "Doivent contacter la scolarité",
    Worklist.NOT_ELIGIBLE: "Non éligibles",
    Worklist.OVERDUE: "Inscription en retard",
    Worklist.HEAD_DEADLINE: "Date limite à fixer",
    Worklist.EXPLANATION: "Motifs de refus demandables",
    Worklist.INTERRUPTED: "Inscription interrompue",
}


class SortKey(enum.StrEnum):
    NUMBER = "candidate_number"
    NAME = "name"
    INE = "ine"
    ELIGIBLE = "eligible"
    COUNTED = "counted"
    ACCEPTED = "accepted"
    DEADLINE = "deadline"


_SORT_COLUMNS = {
    SortKey.NUMBER: Candidate.candidate_number,
    SortKey.NAME: Candidate.name_key,
    SortKey.INE: Candidate.ine,
    SortKey.ELIGIBLE: CandidateStatus.eligible,
    SortKey.COUNTED: CandidateStatus.counted_initial,
    SortKey.ACCEPTED: CandidateStatus.accepted_label,
    SortKey.DEADLINE: CandidateStatus.registration_deadline,
}


def _overdue(as_of: date) -> ColumnElement[bool]:
    return and_(
        CandidateStatus.registration_deadline < as_of, CandidateStatus.registered_on.is_(None)
    )


def _explanation_open(as_of: date) -> ColumnElement[bool]:
    return exists().where(
        Application.candidate_id == Candidate.id,
        Application.explanation_last_day >= as_of,
        Application.notified_on <= as_of,
    )


def condition(worklist: Worklist | Flag | str, as_of: date) -> ColumnElement[bool]:
    """The SQL condition of a worklist (or of the flag of the same code) on ``as_of``."""
    code = Worklist(str(worklist))
    match code:
        case Worklist.ALL:
            return true()
        case Worklist.NOT_ELIGIBLE:
            return not_(CandidateStatus.eligible)
        case Worklist.OVERDUE:
            return _overdue(as_of)
        case Worklist.HEAD_DEADLINE:
            return CandidateStatus.deadline_set_by_head
        case Worklist.EXPLANATION:
            return _explanation_open(as_of)
        case Worklist.INTERRUPTED:
            return CandidateStatus.interrupted
        case Worklist.MUST_CONTACT:
            return or_(
                CandidateStatus.interrupted,
                CandidateStatus.deadline_set_by_head,
                _overdue(as_of),
            )
    return false()


def _prefix(column, text: str) -> ColumnElement[bool]:  # noqa: ANN001
    """``column`` starts with ``text``, as an index range (LIKE would scan every row)."""
    return and_(column >= text, column < text + "\U0010ffff")


def search_condition(text: str) -> ColumnElement[bool]:
    """Text with a digit starts a candidate number or an INE; otherwise every typed word starts
    a word of the name, ignoring case and accents (« lefev hel » finds LEFÈVRE Hélène).

    Names never hold digits and numbers always do: each branch stays on its own index."""
    if any(ch.isdigit() for ch in text):
        compact = "".join(text.split()).upper()
        return or_(_prefix(Candidate.candidate_number, compact), _prefix(Candidate.ine, compact))
    words = search_words(text)
    if not words:
        return true()
    return and_(
        *(
            Candidate.id.in_(
                select(CandidateSearchToken.candidate_id).where(
                    _prefix(CandidateSearchToken.token, word)
                )
            )
            for word in words
        )
    )


class WorklistController:
    """What the main window lists: counts per worklist, ordered ids, rows by the page."""

    def __init__(self, db: Database):
        self.db = db

    def _base(self, columns, worklist, as_of, campaign):  # noqa: ANN001, ANN202
        query = (
            select(*columns)
            .select_from(Candidate)
            .outerjoin(CandidateStatus, CandidateStatus.candidate_id == Candidate.id)
            .where(condition(worklist, as_of))
        )
        if campaign is not None:
            query = query.where(CandidateStatus.latest_campaign == campaign)
        return query

    def counts(self, as_of: date, *, campaign: int | None = None) -> dict[Worklist, int]:
        with self.db.read() as session:
            return {
                worklist: session.scalar(
                    self._base([func.count(Candidate.id)], worklist, as_of, campaign)
                )
                or 0
                for worklist in Worklist
            }

    def candidate_ids(
        self,
        worklist: Worklist | str = Worklist.ALL,
        *,
        as_of: date,
        search: str = "",
        campaign: int | None = None,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
    ) -> list[int]:
        column = _SORT_COLUMNS[sort]
        order = column.desc() if descending else column.asc()
        query = (
            self._base([Candidate.id], worklist, as_of, campaign)
            .where(search_condition(search))
            .order_by(order, Candidate.candidate_number)
        )
        with self.db.read() as session:
            return session.connection().execute(query).scalars().all()

    def rows(self, ids: Sequence[int], *, as_of: date) -> list[CandidateRow]:
        """The table rows of these candidates, in the order of ``ids``."""
        if not ids:
            return []
        query = (
            select(
                Candidate.id,
                Candidate.candidate_number,
                Candidate.last_name,
                Candidate.first_name,
                Candidate.ine,
                CandidateStatus.eligible,
                CandidateStatus.counted_initial,
                CandidateStatus.counted_alternance,
                CandidateStatus.accepted_label,
                CandidateStatus.registration_deadline,
                CandidateStatus.interrupted,
                CandidateStatus.deadline_set_by_head,
                CandidateStatus.registered_on,
                _explanation_open(as_of),
                CandidateStatus.latest_campaign,
            )
            .outerjoin(CandidateStatus, CandidateStatus.candidate_id == Candidate.id)
            .where(Candidate.id.in_(list(ids)))
        )
        with self.db.read() as session:
            caps = {
                year: (initial, alternance)
                for year, initial, alternance in session.execute(
                    select(Campaign.year, Campaign.main_cap_initial, Campaign.main_cap_alternance)
                )
            }
            found = {}
            for r in session.connection().execute(query).all():
                flags = []
                if r[10]:
                    flags.append(Flag.INTERRUPTED_ENROLMENT)
                if r[11]:
                    flags.append(Flag.DEADLINE_SET_BY_HEAD)
                if r[9] is not None and r[12] is None and r[9] < as_of:
                    flags.append(Flag.REGISTRATION_OVERDUE)
                if r[5] is not None and not r[5]:
                    flags.append(Flag.NOT_ELIGIBLE)
                if r[13]:
                    flags.append(Flag.EXPLANATION_WINDOW_OPEN)
                found[r[0]] = CandidateRow(
                    id=r[0],
                    candidate_number=r[1],
                    last_name=r[2],
                    first_name=r[3],
                    ine=r[4],
                    eligible=bool(r[5]) if r[5] is not None else True,
                    counted_initial=r[6] or 0,
                    counted_alternance=r[7] or 0,
                    accepted_label=r[8],
                    registration_deadline=r[9],
                    flags=tuple(sorted(flags)),
                    cap_initial=caps.get(r[14], (15, 15))[0],
                    cap_alternance=caps.get(r[14], (15, 15))[1],
                    registered_on=r[12],
                )
        return [found[i] for i in ids if i in found]
