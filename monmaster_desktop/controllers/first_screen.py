"""The list's first screen before SQLAlchemy is loaded: its ids and rows through a first look.

At start the window shows every candidate (no search, no campaign) in the clerk's last sort
order. SQLAlchemy, the models and the controllers take longer to load than the rest of the
window to build, so the first page is read through the database layer's *first look*
(:func:`monmaster_desktop.db.sqlite_first_look`): the statements below, compiled once for the engine
and run without SQLAlchemy. The rows are made by the same function as
``WorklistController.rows`` (:func:`stored_row`), so the two cannot differ; a page holding a
candidate with events after the reference date (the rules must assess those, :func:`needs_rules`)
is not read here at all, and the window waits for the base.

This module imports neither SQLAlchemy nor the models: the window loads it before them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from monmaster_desktop.controllers.views import CandidateRow
from monmaster_desktop.domain import Flag

#: The table rows' statement (``controllers.worklists._row_statement``), by name.
ROWS = "rows"
#: The sort keys of the list (``controllers.worklists.SortKey`` values).
SORTS = ("candidate_number", "name", "ine", "eligible", "counted", "accepted", "deadline")


def ids_statement(sort: str, descending: bool) -> str:
    """The name of the statement of the first ids of every candidate in this order."""
    return f"first_ids:{sort}:{'desc' if descending else 'asc'}"


def statement_names() -> list[str]:
    """Every statement a first screen may run."""
    return [ids_statement(s, d) for s in SORTS for d in (False, True)] + [ROWS]


class Look(Protocol):
    """What the database layer's first look offers: a named statement run with values."""

    def run(self, name: str, values: dict[str, object]) -> list[tuple]: ...


def needs_rules(r: Sequence, as_of: date) -> bool:
    """Whether the rules must assess this candidate on ``as_of`` (a row of ``rows``): one of
    the applications has an event dated after it, or the acceptance is one the platform makes
    definitive after it. The stored status then does not hold for that date."""
    return bool(r[18]) or (r[15] is not None and r[15] > as_of)


def stored_row(r: Sequence) -> CandidateRow:
    """A table row from the stored status (a row of the ``rows`` statement, with the caps of
    the candidate's latest campaign)."""
    flags = [
        flag
        for flag, on in (
            (Flag.INTERRUPTED_ENROLMENT, r[10]),
            (Flag.DEADLINE_SET_BY_HEAD, r[11]),
            (Flag.REGISTRATION_OVERDUE, r[12]),
            (Flag.NOT_ELIGIBLE, r[5] is not None and not r[5]),
            (Flag.EXPLANATION_WINDOW_OPEN, r[13]),
        )
        if on
    ]
    return CandidateRow(
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
        cap_initial=r[14] if r[14] is not None else 15,
        cap_alternance=r[17] if r[17] is not None else 15,
        registered_on=r[16],
    )


class FirstScreen:
    """The first page of every candidate, read through ``look`` on ``as_of``."""

    def __init__(self, look: Look, as_of: date):
        self.look = look
        self.as_of = as_of

    def read(
        self, sort: str, descending: bool, limit: int
    ) -> tuple[list[int], list[CandidateRow]] | None:
        """The first ``limit`` ids in this order and their rows; None when one of them needs
        the rules (an event after the reference date): the base will show them."""
        values = {"as_of": self.as_of, "limit": limit}
        ids = [row[0] for row in self.look.run(ids_statement(sort, descending), values)]
        if not ids:
            return ids, []
        values["ids"] = ids
        found = {}
        for r in self.look.run(ROWS, values):
            if needs_rules(r, self.as_of):
                return None
            found[r[0]] = stored_row(r)
        return ids, [found[i] for i in ids if i in found]
