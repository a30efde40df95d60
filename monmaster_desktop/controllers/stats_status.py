"""Applications by status as of a date, for the dashboard (controllers/stats.py).

Counted in SQL per group of like applications: the status, and on which side of the reference
date and of the end of the complementary phase each of its dates falls. Each group is then read
as it stood on the date by the rules' own reading of one application
(``rules.asof.as_it_stood``), so no second copy of that rule lives here.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Integer, String, case, func, or_, select, type_coerce
from sqlalchemy.sql import ColumnElement

from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.domain import ApplicationStatus, Phase, TrainingType
from monmaster_desktop.models import Application
from monmaster_desktop.rules.asof import as_it_stood
from monmaster_desktop.rules.facts import ApplicationFacts

#: The dated fields the reading of an application looks at, and the day each is compared with:
#: the reference date, or the end of the complementary phase (RULES.md §5).
_SIDES = (
    ("submitted_on", "as_of"),
    ("notified_on", "as_of"),
    ("accepted_on", "as_of"),
    ("registered_on", "as_of"),
    ("submitted_on", "end"),
    ("accepted_on", "end"),
)


def _signature(as_of: date, end: date):  # noqa: ANN202
    """One integer per application: for each of ``_SIDES`` a base-3 digit, 0 on or before the
    day, 1 after it, 2 absent. Grouping on (status, this) sorts only the unusual applications."""
    days = {"as_of": as_of, "end": end}
    total = None
    for weight, (name, side) in enumerate(_SIDES):
        column = getattr(Application, name)
        digit = case((column.is_(None), 2), (column > days[side], 1), else_=0) * (3**weight)
        total = digit if total is None else total + digit
    return type_coerce(total, Integer)


def _sides(signature: int) -> list[int | None]:
    if signature == USUAL:  # every date on or before the reference date (or absent)
        return [0, 0, 0, 0, None, None]
    digits = []
    for _ in _SIDES:
        signature, digit = divmod(signature, 3)
        digits.append(None if digit == 2 else digit)
    return digits


def _representative(vs_as_of: int | None, vs_end: int | None, as_of: date, end: date):  # noqa: ANN202
    """A date on the same side of ``as_of`` (and of the phase end, when known) as the group's."""
    if vs_as_of is None:
        return None
    if vs_end is None:
        return as_of + timedelta(days=1) if vs_as_of else as_of
    if vs_as_of and vs_end:
        return max(as_of, end) + timedelta(days=1)
    if vs_as_of:  # after as_of, on or before the end: as_of < end
        return end
    if vs_end:  # on or before as_of, after the end
        return as_of
    return min(as_of, end)


def _status_as_of(
    status: str, signature: int, year: int, as_of: date, ctx: RulesContext
) -> str | None:
    """The status a group of applications had on ``as_of``; None: not submitted yet."""
    submitted, notified, accepted, registered, submitted_end, accepted_end = _sides(signature)
    calendar = ctx.calendars.get(year)
    end = calendar.complementary_to if calendar else as_of
    app = ApplicationFacts(
        institution_code="",
        mention="",
        training_type=TrainingType.INITIAL,
        phase=Phase.MAIN,  # the reading of a date does not depend on the phase
        status=ApplicationStatus(status),
        submitted_on=_representative(submitted, submitted_end, as_of, end),
        campaign_year=year,
        notified_on=_representative(notified, None, as_of, end),
        accepted_on=_representative(accepted, accepted_end, as_of, end),
        registered_on=_representative(registered, None, as_of, end),
    )
    stood = as_it_stood(app, as_of, calendar)
    return None if stood is None else stood.status.value


def _status_columns(campaign: int, as_of: date, ctx: RulesContext):  # noqa: ANN202
    calendar = ctx.calendars.get(campaign)
    end = calendar.complementary_to if calendar else as_of
    return type_coerce(Application.status, String), _signature(as_of, end)


#: The signature of the usual application: nothing dated after the reference date and not a
#: provisional acceptance. Most applications are usual on most dates, and the rules read them
#: as recorded; only the others are grouped by signature, which keeps the sort small.
USUAL = -1


def _unusual(as_of: date) -> ColumnElement[bool]:
    return or_(
        Application.submitted_on > as_of,
        Application.notified_on > as_of,
        Application.accepted_on > as_of,
        Application.registered_on > as_of,
        Application.status == ApplicationStatus.ACCEPTED_PROVISIONALLY,
    )


def status_groups(  # noqa: ANN001
    session, campaign: int, as_of: date, ctx: RulesContext
) -> dict[tuple, tuple[str | None, int]]:
    """Groups of like applications of ``campaign``: (status, signature) -> (status on the
    date, count). Usual applications share the signature USUAL."""
    status, signature = _status_columns(campaign, as_of, ctx)
    of_campaign = Application.campaign_id == ctx.campaign_ids.get(campaign, -1)
    conn = session.connection()
    counts: dict[tuple, int] = {}
    for st, n in conn.execute(select(status, func.count()).where(of_campaign).group_by(status)):
        counts[(st, USUAL)] = n
    # Grouped from a subquery: PostgreSQL does not see that an expression with bound dates in
    # SELECT and the same one in GROUP BY are one and the same.
    unusual = (
        select(status.label("status"), signature.label("signature"))
        .where(of_campaign, _unusual(as_of))
        .subquery()
    )
    for st, sig, n in conn.execute(
        select(unusual.c.status, unusual.c.signature, func.count()).group_by(
            unusual.c.status, unusual.c.signature
        )
    ):
        counts[(st, sig)] = n
        counts[(st, USUAL)] -= n
    return {
        key: (_status_as_of(key[0], key[1], campaign, as_of, ctx), n)
        for key, n in counts.items()
        if n
    }


def candidates_with_status(
    session,
    campaign: int,
    as_of: date,
    ctx: RulesContext,
    status: str,  # noqa: ANN001
) -> list[int]:
    """Candidates holding at least one application of ``campaign`` in ``status`` on
    ``as_of``, read as the figures are (same groups, same reading)."""
    groups = status_groups(session, campaign, as_of, ctx)
    keep = {sig for sig, (st, _n) in groups.items() if st == status}
    if not keep:
        return []
    columns = _status_columns(campaign, as_of, ctx)
    query = select(Application.candidate_id, *columns, _unusual(as_of)).where(
        Application.campaign_id == ctx.campaign_ids.get(campaign, -1),
        type_coerce(Application.status, String).in_(sorted({k[0] for k in keep})),
    )
    found = set()
    for cid, st, sig, unusual in session.connection().execute(query):
        if (st, sig if unusual else USUAL) in keep:
            found.add(cid)
    return sorted(found)
