"""Worklists of the desk: which candidates need what, counted and listed in SQL on any date."""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from datetime import date

from sqlalchemy import (
    Date,
    Select,
    and_,
    bindparam,
    exists,
    false,
    func,
    literal_column,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement

from monmaster_desktop.controllers import first_screen
from monmaster_desktop.controllers.first_screen import needs_rules, stored_row
from monmaster_desktop.controllers.views import CandidateRow
from monmaster_desktop.db import Database
from monmaster_desktop.domain import EnrolmentHistory, Flag, Worklist, search_words
from monmaster_desktop.models import (
    Application,
    Campaign,
    Candidate,
    CandidateSearchToken,
    CandidateStatus,
)

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


# The stored status holds the whole record; on a reference date D only what had happened by
# D counts (RULES.md §8), as rules/assess.py reads it: the registration block exists from its
# acceptance date on (for a provisional acceptance turned definitive by the platform, the last
# day of the complementary phase), and the candidate is registered from the registration date on.
# The stored block is the candidate's latest home acceptance: a candidate accepted at home in two
# campaigns, on a date between the two, is listed as the later one reads (not yet accepted),
# where check reads the earlier one. The tests hold worklists and check equal on the demo.


def _accepted_by(as_of: date) -> ColumnElement[bool]:
    return and_(CandidateStatus.accepted_on.is_not(None), CandidateStatus.accepted_on <= as_of)


def _not_registered_by(as_of: date) -> ColumnElement[bool]:
    return or_(CandidateStatus.registered_on.is_(None), CandidateStatus.registered_on > as_of)


def _overdue(as_of: date) -> ColumnElement[bool]:
    return and_(
        _accepted_by(as_of),
        CandidateStatus.registration_deadline < as_of,
        _not_registered_by(as_of),
    )


def _head_deadline(as_of: date) -> ColumnElement[bool]:
    return and_(
        _accepted_by(as_of),
        CandidateStatus.registration_deadline.is_(None),
        _not_registered_by(as_of),
    )


def _interrupted(as_of: date) -> ColumnElement[bool]:
    registered = and_(
        CandidateStatus.registered_on.is_not(None), CandidateStatus.registered_on <= as_of
    )
    return and_(
        Candidate.enrolment_history == EnrolmentHistory.INTERRUPTED,
        or_(CandidateStatus.candidate_id.is_(None), not_(registered)),
    )


def _explanation_open(as_of: date) -> ColumnElement[bool]:
    return exists().where(
        Application.candidate_id == Candidate.id,
        Application.explanation_last_day >= as_of,
        Application.notified_on <= as_of,
    )


def condition(worklist: Worklist | Flag | str, as_of: date) -> ColumnElement[bool]:
    """The SQL condition of a worklist (or of the flag of the same code) on ``as_of``: the same
    candidates as rules/assess.py flags on that date."""
    code = Worklist(str(worklist))
    match code:
        case Worklist.ALL:
            return true()
        case Worklist.NOT_ELIGIBLE:
            return not_(CandidateStatus.eligible)
        case Worklist.OVERDUE:
            return _overdue(as_of)
        case Worklist.HEAD_DEADLINE:
            return _head_deadline(as_of)
        case Worklist.EXPLANATION:
            return _explanation_open(as_of)
        case Worklist.INTERRUPTED:
            return _interrupted(as_of)
        case Worklist.MUST_CONTACT:
            return or_(_interrupted(as_of), _head_deadline(as_of), _overdue(as_of))
    return false()


def _prefix(column, text: str) -> ColumnElement[bool]:  # noqa: ANN001
    """``column`` starts with ``text``, as an index range (LIKE would scan every row)."""
    return and_(column >= text, column < text + "\U0010ffff")


def _search_shape(text: str) -> tuple[str, list[str]]:
    """What a search is made of: (« number », [the compacted text]), (« words », the words)
    or (« none », [])."""
    if any(ch.isdigit() for ch in text):
        return "number", ["".join(text.split()).upper()]
    words = search_words(text)
    return ("words", list(words)) if words else ("none", [])


def _prefix_of(column, number: int) -> ColumnElement[bool]:  # noqa: ANN001
    """``column`` starts with the search's word ``number`` (parameters ``wN`` and ``wN_end``)."""
    return and_(column >= bindparam(f"w{number}"), column < bindparam(f"w{number}_end"))


#: A word (or number) that starts this many search tokens (candidate numbers) or more is
#: common: its first page is read in name order (about one candidate in twenty matches it, so
#: fifty are found early); a rarer one finds its few candidates first, then sorts them.
COMMON_START = 3000
_COMMON_START = {
    "words": select(func.count()).select_from(
        select(CandidateSearchToken.candidate_id)
        .where(_prefix_of(CandidateSearchToken.token, 0))
        .limit(COMMON_START)
        .subquery()
    ),
    "number": select(
        sum(
            select(func.count())
            .select_from(
                select(Candidate.id).where(_prefix_of(column, 0)).limit(COMMON_START).subquery()
            )
            .scalar_subquery()
            for column in (Candidate.candidate_number, Candidate.ine)
        )
    ),
}


@functools.lru_cache(maxsize=512)
def _ids_statement(
    worklist: Worklist,
    sort: SortKey,
    descending: bool,
    by_campaign: bool,
    kind: str,
    words: int,
    limited: bool,
    in_name_order: bool = False,
) -> Select:
    """A list's id query, built once per shape; the date, campaign, words and limit are its
    parameters (``as_of``, ``campaign``, ``wN``/``wN_end``, ``limit``). ``in_name_order``: the
    words are checked candidate by candidate along the name order (common words, first page)
    instead of gathering their candidates first."""
    as_of = bindparam("as_of", type_=Date)
    column = _SORT_COLUMNS[sort]
    query = (
        select(Candidate.id)
        .select_from(Candidate)
        .outerjoin(CandidateStatus, CandidateStatus.candidate_id == Candidate.id)
        .where(condition(worklist, as_of))
    )
    if by_campaign:
        query = query.where(CandidateStatus.latest_campaign == bindparam("campaign"))
    if kind == "number":
        starts = or_(_prefix_of(Candidate.candidate_number, 0), _prefix_of(Candidate.ine, 0))
        if in_name_order:  # checked on each candidate along the name order
            same = aliased(Candidate)
            starts = exists().where(
                same.id == Candidate.id,
                or_(_prefix_of(same.candidate_number, 0), _prefix_of(same.ine, 0)),
            )
        query = query.where(starts)
    for number in range(words if kind == "words" else 0):
        if in_name_order:
            query = query.where(
                exists().where(
                    CandidateSearchToken.candidate_id == Candidate.id,
                    _prefix_of(CandidateSearchToken.token, number),
                )
            )
        else:
            query = query.where(
                Candidate.id.in_(
                    select(CandidateSearchToken.candidate_id).where(
                        _prefix_of(CandidateSearchToken.token, number)
                    )
                )
            )
    if limited and kind != "none" and not in_name_order and sort == SortKey.NAME:
        # A rare start's first page: its few candidates are gathered first, then sorted. Both
        # engines may otherwise walk the whole name index in order, testing every candidate
        # (a server's planner does so once its statistics are fresh: 42 ms instead of 10 for
        # « mart » on 50,000); a sort key no index holds leaves them no such plan.
        column = column.concat(literal_column("''"))
    query = query.order_by(
        column.desc() if descending else column.asc(), Candidate.candidate_number
    )
    return query.limit(bindparam("limit")) if limited else query


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


@functools.cache
def _row_statement() -> Select:
    """The table rows' query, built once with its reference date and ids as parameters
    (``as_of``, ``ids``): a page costs its execution only, not its building. Besides the
    stored status it reads the caps of the candidate's latest campaign and whether any of
    the candidate's applications has an event dated after ``as_of``."""
    as_of = bindparam("as_of", type_=Date)
    later_event = exists().where(
        Application.candidate_id == Candidate.id,
        or_(
            Application.submitted_on > as_of,
            Application.notified_on > as_of,
            Application.accepted_on > as_of,
            Application.registered_on > as_of,
        ),
    )
    return (
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
            _interrupted(as_of),
            _head_deadline(as_of),
            _overdue(as_of),
            _explanation_open(as_of),
            Campaign.main_cap_initial,
            CandidateStatus.accepted_on,
            CandidateStatus.registered_on,
            Campaign.main_cap_alternance,
            later_event,
        )
        .outerjoin(CandidateStatus, CandidateStatus.candidate_id == Candidate.id)
        .outerjoin(Campaign, Campaign.year == CandidateStatus.latest_campaign)
        .where(Candidate.id.in_(bindparam("ids", expanding=True)))
    )


def first_screen_statements() -> dict[str, Select]:
    """The statements of ``controllers.first_screen`` by name: every candidate's first ids in
    each order, and the rows' (the database layer compiles them for its first look)."""
    statements: dict[str, Select] = {
        first_screen.ids_statement(sort, descending): _ids_statement(
            Worklist.ALL, SortKey(sort), descending, False, "none", 0, True
        )
        for sort in first_screen.SORTS
        for descending in (False, True)
    }
    statements[first_screen.ROWS] = _row_statement()
    return statements


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

    def campaign_years(self) -> list[int]:
        """The campaigns of the base, latest first (the pane's « Par campagne » entries)."""
        with self.db.read() as session:
            return list(session.scalars(select(Campaign.year).order_by(Campaign.year.desc())))

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
        limit: int | None = None,
    ) -> list[int]:
        """The list's ids in order; with ``limit``, its first ``limit`` only (a first page)."""
        with self.db.quick_read() as session:
            return self._ids(
                session.connection(), worklist, as_of, search, campaign, sort, descending, limit
            )

    def first_page(
        self,
        worklist: Worklist | str = Worklist.ALL,
        *,
        as_of: date,
        search: str = "",
        campaign: int | None = None,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        limit: int,
        rows: int,
        keep: int | None = None,
    ) -> tuple[list[int], list[CandidateRow]]:
        """A list's first ``limit`` ids and the table rows of a screenful of ``rows`` of them,
        in one read (a keystroke: on a server, no transaction of its own).

        The screenful is the first ``rows`` ids; or, when ``keep`` (the clerk's current
        candidate) is among the ids beyond them, the ``rows`` ids that end just after it: the
        screen a table scrolled to show it paints."""
        with self.db.quick_read() as session:
            ids = self._ids(
                session.connection(), worklist, as_of, search, campaign, sort, descending, limit
            )
            start = 0
            if keep is not None and keep in ids:
                start = max(0, ids.index(keep) - rows + 2)
            return ids, self._rows(session, ids[start : start + rows], as_of)

    @staticmethod
    def _ids(  # noqa: ANN205
        conn,
        worklist,
        as_of,
        search,
        campaign,
        sort,
        descending,
        limit,
        *,
        name_order=None,  # noqa: ANN001
    ) -> list[int]:
        """``name_order``: True or False to choose how a one-word first page is read
        (``prepare``), None to let the word's frequency choose."""
        kind, words = _search_shape(search)
        values: dict[str, object] = {"as_of": as_of, "campaign": campaign, "limit": limit}
        for number, word in enumerate(words):
            values[f"w{number}"], values[f"w{number}_end"] = word, word + "\U0010ffff"
        # A first page of a common name start (« m ») reads the names in order and keeps
        # the first that match; a rare one (« lefev ») finds its few candidates, then sorts.
        in_name_order = (
            limit is not None
            and len(words) == 1
            and SortKey(sort) == SortKey.NAME
            and (
                name_order
                if name_order is not None
                else conn.execute(_COMMON_START[kind], values).scalar_one() >= COMMON_START
            )
        )
        query = _ids_statement(
            Worklist(str(worklist)), SortKey(sort), descending, campaign is not None, kind,
            len(words), limit is not None, in_name_order,
        )  # fmt: skip
        return list(conn.execute(query, values).scalars().all())

    def prepare(
        self, *, as_of: date, sort: SortKey = SortKey.NAME, descending: bool = False
    ) -> None:
        """Run once the queries a search will need (a name, two words, a number; the first
        page, read along the name order for a common start or gathered for a rare one, and
        the whole list; the rows, and the rules of a candidate with events after the
        reference date) on searches that find nobody: the first keystroke of each kind then
        finds its query compiled and the rules read."""
        from monmaster_desktop.controllers.context import RulesContext
        from monmaster_desktop.controllers.records import load_facts

        word, number = "q" * 40, "0" * 40  # no name starts so, no number or INE is so long
        for search in (word, f"{word} {word}", number):
            for limit in (1, None):
                self.candidate_ids(
                    as_of=as_of, search=search, sort=sort, descending=descending, limit=limit
                )
        with self.db.quick_read() as session:
            conn = session.connection()
            for search in (word, number):
                self._ids(
                    conn, Worklist.ALL, as_of, search, None, sort, descending, 1, name_order=True
                )
            RulesContext.load(session)
            load_facts(session, [0])
        self.rows([0], as_of=as_of)

    def rows(self, ids: Sequence[int], *, as_of: date) -> list[CandidateRow]:
        """The table rows of these candidates, in the order of ``ids``, as they stood on
        ``as_of`` (the same conclusions as ``check``).

        A candidate whose every event is dated by ``as_of`` (the usual case on today's date)
        is read from the stored status; one with a later event is assessed by the rules on
        that date (RULES.md §8), so the counts leave out what was submitted later."""
        if not ids:
            return []
        with self.db.quick_read() as session:
            return self._rows(session, ids, as_of)

    def _rows(self, session, ids: Sequence[int], as_of: date) -> list[CandidateRow]:  # noqa: ANN001
        if not ids:
            return []
        found = {}
        names = {}
        values = {"as_of": as_of, "ids": list(ids)}
        for r in session.connection().execute(_row_statement(), values).all():
            if needs_rules(r, as_of):
                names[r[0]] = r
                continue
            found[r[0]] = stored_row(r)
        if names:
            found.update(self._assessed_rows(session, names, as_of))
        return [found[i] for i in ids if i in found]

    @staticmethod
    def _assessed_rows(session, names: dict, as_of: date) -> dict[int, CandidateRow]:  # noqa: ANN001
        """Rows of candidates with events after ``as_of``, assessed by the rules on that date
        (``names``: their rows of the table's query, by id: number, names and INE)."""
        from monmaster_desktop.controllers.context import RulesContext
        from monmaster_desktop.controllers.records import load_facts
        from monmaster_desktop.domain import Phase, TrainingType
        from monmaster_desktop.rules.assess import assess

        ctx = RulesContext.load(session)
        facts = load_facts(session, list(names))
        found = {}
        for cid, (candidate, applications) in facts.items():
            a = assess(
                candidate,
                applications,
                ctx.calendars,
                home_institution=ctx.home_institution_code,
                etudes_en_france=ctx.etudes_en_france,
                as_of=as_of,
            )
            latest = max(
                (
                    x.campaign_year
                    for x in applications
                    if x.submitted_on is None or x.submitted_on <= as_of
                ),
                default=None,
            )
            calendar = ctx.calendars.get(latest) if latest is not None else None
            caps = calendar.main_caps if calendar else None
            reg = a.registration
            r = names[cid]
            found[cid] = CandidateRow(
                id=cid,
                candidate_number=r[1],
                last_name=r[2],
                first_name=r[3],
                ine=r[4],
                eligible=a.eligibility.eligible,
                counted_initial=a.counted.get(Phase.MAIN, TrainingType.INITIAL),
                counted_alternance=a.counted.get(Phase.MAIN, TrainingType.ALTERNANCE),
                accepted_label=(
                    (f"{reg.mention} — {reg.parcours}" if reg.parcours else reg.mention)
                    if reg
                    else None
                ),
                registration_deadline=reg.deadline if reg else None,
                flags=tuple(a.flags),
                cap_initial=caps.initial if caps else 15,
                cap_alternance=caps.alternance if caps else 15,
                registered_on=reg.registered_on if reg else None,
            )
        return found
