"""The dashboard's figures for one campaign on one reference date (FORMATS.md §4).

Candidate figures are SQL aggregates over the stored status of each candidate (the rules'
conclusions on the whole record, kept in step by every write), read on the reference date by
the very conditions the worklists use (``controllers.worklists.condition``): a figure and the
worklist of the same name count the same people, and both are what ``check`` says on that date
(tests/test_stats.py holds ``stats --json`` to ``check --json`` figure by figure). The candidates
of a campaign are those whose latest campaign it is, as in the worklist pane.

The registration figures read the stored registration block as it stood on the date (RULES.md
§8): the block exists from its acceptance date on, the candidate is registered from the
registration date on.

Applications by status are counted in controllers/stats_status.py, each group of like
applications read by the rules' own reading of an application as of a date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import (
    and_,
    case,
    false,
    func,
    not_,
    select,
    true,
)
from sqlalchemy.sql import ColumnElement

from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.stats_status import candidates_with_status, status_groups
from monmaster_desktop.controllers.worklists import Worklist, condition
from monmaster_desktop.db import Database
from monmaster_desktop.domain import ApplicationStatus, Flag, fold
from monmaster_desktop.models import (
    Candidate,
    CandidateStatus,
    Course,
    Institution,
)
from monmaster_desktop.rules.caps import mention_key

#: Kinds of list a figure opens (``Selection.kind``).
FIGURE, FLAG, HOME, MENTION, REASON, STATUS = (
    "figure",
    "flag",
    "home",
    "mention",
    "reason",
    "status",
)
HOME_FIGURES = ("accepted_definitively", "registered", "overdue", "deadline_to_set")
#: The separator of mention and parcours in the stored label of an accepted offer.
LABEL_SEPARATOR = " — "


@dataclass(frozen=True, slots=True)
class Selection:
    """What a click on the dashboard asks for: the candidates behind one figure.

    ``kind`` is one of FIGURE, FLAG, HOME, MENTION, REASON, STATUS; ``code`` the figure, flag,
    home figure, reason or application status; ``mention`` the folded mention for MENTION
    (``code`` then is accepted_definitively, registered or overdue)."""

    kind: str
    code: str
    mention: str = ""


#: Headline figures, in the order the dashboard shows them.
HEADLINE = (
    Selection(FIGURE, "candidates"),
    Selection(FIGURE, "eligible"),
    Selection(FIGURE, "must_contact_registrar"),
    Selection(HOME, "accepted_definitively"),
    Selection(HOME, "registered"),
    Selection(HOME, "overdue"),
    Selection(HOME, "deadline_to_set"),
    Selection(FLAG, Flag.EXPLANATION_WINDOW_OPEN.value),
)


@dataclass(frozen=True, slots=True)
class MentionFigures:
    mention: str
    key: str
    accepted_definitively: int
    registered: int
    overdue: int


@dataclass(frozen=True)
class CampaignStats:
    """The dashboard of one campaign on one date."""

    as_of: date
    campaign: int | None
    campaigns: tuple[int, ...]
    candidates: int
    eligible: int
    must_contact_registrar: int
    flags: dict[str, int]
    home: dict[str, int]
    by_mention: tuple[MentionFigures, ...]
    applications_by_status: dict[str, int]
    ineligibility_reasons: dict[str, int]
    #: (day, acceptances that day) and (day, registrations that day), at the home institution.
    acceptances_by_day: tuple[tuple[date, int], ...]
    registrations_by_day: tuple[tuple[date, int], ...]
    #: Registration deadlines of the campaign's bands (19/07 and 29/08 in 2024).
    deadlines: tuple[date, ...]
    #: Stored labels of the accepted offers, per folded mention (to list a mention's people).
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    #: The home institution's name (page headings).
    institution: str = ""

    def figure(self, selection: Selection) -> int:
        """The number shown for ``selection`` (applications for STATUS, candidates otherwise)."""
        match selection.kind:
            case "figure":
                return int(getattr(self, selection.code))
            case "flag":
                return self.flags.get(selection.code, 0)
            case "home":
                return self.home.get(selection.code, 0)
            case "reason":
                return self.ineligibility_reasons.get(selection.code, 0)
            case "status":
                return self.applications_by_status.get(selection.code, 0)
            case "mention":
                for m in self.by_mention:
                    if m.key == selection.mention:
                        return int(getattr(m, selection.code))
        return 0

    def as_json(self) -> dict:
        """FORMATS.md §4."""
        return {
            "as_of": self.as_of.isoformat(),
            "campaign": self.campaign,
            "candidates": self.candidates,
            "eligible": self.eligible,
            "must_contact_registrar": self.must_contact_registrar,
            "flags": dict(sorted(self.flags.items())),
            "home": {
                **{name: self.home[name] for name in HOME_FIGURES},
                "by_mention": [
                    {
                        "mention": m.mention,
                        "accepted_definitively": m.accepted_definitively,
                        "registered": m.registered,
                        "overdue": m.overdue,
                    }
                    for m in self.by_mention
                ],
            },
            "applications_by_status": dict(sorted(self.applications_by_status.items())),
        }


# -- who is behind each figure -------------------------------------------------------------


def accepted_by(as_of: date) -> ColumnElement[bool]:
    """The candidate holds a registration block on ``as_of`` (accepted at the home institution):
    the stored block, from its acceptance date on, as the worklists read it."""
    return and_(CandidateStatus.accepted_on.is_not(None), CandidateStatus.accepted_on <= as_of)


def registered_by(as_of: date) -> ColumnElement[bool]:
    """The candidate holds a registration block and has registered, both by ``as_of``."""
    return and_(
        accepted_by(as_of),
        CandidateStatus.registered_on.is_not(None),
        CandidateStatus.registered_on <= as_of,
    )


def _reason_held(code: str) -> ColumnElement[bool]:
    padded = " " + func.coalesce(CandidateStatus.ineligibility_reasons, "") + " "
    return padded.like(f"% {code} %")


def selection_condition(
    selection: Selection, as_of: date, labels: Sequence[str] = ()
) -> ColumnElement[bool]:
    """The SQL condition of the candidates behind a figure (not STATUS: applications)."""
    kind, code = selection.kind, selection.code
    if kind == FIGURE:
        return {
            "candidates": true(),
            "eligible": CandidateStatus.eligible.is_(True),
            "must_contact_registrar": condition(Worklist.MUST_CONTACT, as_of),
        }.get(code, false())
    if kind == FLAG:
        return condition(Flag(code), as_of)
    if kind == REASON:
        return and_(not_(CandidateStatus.eligible), _reason_held(code))
    home = {
        "accepted_definitively": accepted_by(as_of),
        "registered": registered_by(as_of),
        "overdue": condition(Worklist.OVERDUE, as_of),
        "deadline_to_set": condition(Worklist.HEAD_DEADLINE, as_of),
    }.get(code, false())
    if kind == HOME:
        return home
    if kind == MENTION:
        return and_(CandidateStatus.accepted_label.in_(list(labels)), home)
    return false()


def _of_campaign(query, campaign: int):  # noqa: ANN001, ANN202
    """The candidates of a campaign, as the worklist pane counts them."""
    return (
        query.select_from(Candidate)
        .join(CandidateStatus, CandidateStatus.candidate_id == Candidate.id)
        .where(CandidateStatus.latest_campaign == campaign)
    )


def _sum(cond: ColumnElement[bool]):  # noqa: ANN202
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


# -- the controller ------------------------------------------------------------------------


class StatsController:
    """Figures of the dashboard and of ``stats``, and the candidates behind each of them."""

    def __init__(self, db: Database):
        self.db = db

    def campaigns(self) -> list[int]:
        """Campaign years that are some candidate's latest campaign, newest first."""
        with self.db.read() as session:
            return _campaigns(session)

    def compute(self, as_of: date, campaign: int | None = None) -> CampaignStats:
        """The figures of ``campaign`` (default: the latest) as of ``as_of``, in one read."""
        with self.db.read() as session:
            years = tuple(_campaigns(session))
            if campaign is None:
                campaign = years[0] if years else None
            if campaign is None:
                return _empty(as_of, years)
            ctx = RulesContext.load(session)
        if campaign not in ctx.calendars:
            raise LookupError(f"campagne {campaign} introuvable dans la base")
        # The applications are counted on a second connection meanwhile: SQLite lets go of
        # the interpreter while it sorts, so both halves run at once on two cores.
        with ThreadPoolExecutor(max_workers=1) as pool:
            by_status = pool.submit(self._applications_by_status, campaign, as_of, ctx)
            stats = self._candidate_figures(campaign, as_of, ctx, years)
            return replace(stats, applications_by_status=by_status.result())

    def _applications_by_status(
        self, campaign: int, as_of: date, ctx: RulesContext
    ) -> dict[str, int]:
        with self.db.read() as session:
            groups = status_groups(session, campaign, as_of, ctx)
        by_status: Counter[str] = Counter()
        for status, n in groups.values():
            if status is not None:
                by_status[status] += n
        return {s: n for s, n in sorted(by_status.items()) if n}

    def _candidate_figures(
        self, campaign: int, as_of: date, ctx: RulesContext, years: tuple[int, ...]
    ) -> CampaignStats:
        with self.db.read() as session:
            conn = session.connection()
            figures = (
                [
                    Selection(FIGURE, code)
                    for code in ("candidates", "eligible", "must_contact_registrar")
                ]
                + [Selection(FLAG, flag.value) for flag in Flag]
                + [Selection(HOME, code) for code in HOME_FIGURES]
            )
            totals = conn.execute(
                _of_campaign(
                    select(*(_sum(selection_condition(f, as_of)) for f in figures)), campaign
                )
            ).one()
            counted = dict(zip(figures, totals, strict=True))
            accepted, registered = accepted_by(as_of), registered_by(as_of)
            overdue = condition(Worklist.OVERDUE, as_of)
            per_label = conn.execute(
                _of_campaign(
                    select(
                        CandidateStatus.accepted_label,
                        func.count(),
                        _sum(registered),
                        _sum(overdue),
                    ),
                    campaign,
                )
                .where(accepted)
                .group_by(CandidateStatus.accepted_label)
            ).all()
            reasons: Counter[str] = Counter()
            for text, n in conn.execute(
                _of_campaign(select(CandidateStatus.ineligibility_reasons, func.count()), campaign)
                .where(not_(CandidateStatus.eligible))
                .group_by(CandidateStatus.ineligibility_reasons)
            ):
                for code in (text or "").split():
                    reasons[code] += n
            accepted_days = conn.execute(
                _of_campaign(select(CandidateStatus.accepted_on, func.count()), campaign)
                .where(accepted)
                .group_by(CandidateStatus.accepted_on)
                .order_by(CandidateStatus.accepted_on)
            ).all()
            registered_days = conn.execute(
                _of_campaign(select(CandidateStatus.registered_on, func.count()), campaign)
                .where(registered)
                .group_by(CandidateStatus.registered_on)
                .order_by(CandidateStatus.registered_on)
            ).all()
            home = ctx.home_institution_code.strip().upper()
            catalogue = {
                (fold(mention), fold(parcours or "")): mention
                for mention, parcours in conn.execute(
                    select(Course.mention, Course.parcours)
                    .join(Institution, Course.institution_id == Institution.id)
                    .where(Institution.code == home)
                    .order_by(Course.id)
                )
            }
        by_mention, labels = _by_mention(per_label, catalogue)
        calendar = ctx.calendars.get(campaign)
        return CampaignStats(
            as_of=as_of,
            campaign=campaign,
            campaigns=years,
            candidates=counted[Selection(FIGURE, "candidates")],
            eligible=counted[Selection(FIGURE, "eligible")],
            must_contact_registrar=counted[Selection(FIGURE, "must_contact_registrar")],
            flags={f.code: n for f, n in counted.items() if f.kind == FLAG},
            home={f.code: n for f, n in counted.items() if f.kind == HOME},
            by_mention=by_mention,
            applications_by_status={},
            ineligibility_reasons={r: n for r, n in sorted(reasons.items()) if n},
            acceptances_by_day=tuple((d, n) for d, n in accepted_days),
            registrations_by_day=tuple((d, n) for d, n in registered_days),
            deadlines=tuple(sorted({b.deadline for b in calendar.bands if b.deadline is not None}))
            if calendar
            else (),
            labels=labels,
            institution=ctx.home_institution_name,
        )

    def candidates_with_status(self, as_of: date, campaign: int, status: str) -> list[int]:
        """Candidates holding at least one application of ``campaign`` in ``status`` on
        ``as_of``, read as the figures are (same groups, same reading)."""
        with self.db.read() as session:
            ctx = RulesContext.load(session)
            return candidates_with_status(session, campaign, as_of, ctx, status)

    def candidate_ids(self, stats: CampaignStats, selection: Selection) -> list[int]:
        """The candidates behind a figure of ``stats``, by candidate number."""
        if stats.campaign is None:
            return []
        if selection.kind == STATUS:
            return self.candidates_with_status(stats.as_of, stats.campaign, selection.code)
        cond = selection_condition(selection, stats.as_of, stats.labels.get(selection.mention, ()))
        with self.db.read() as session:
            return list(
                session.connection()
                .execute(
                    _of_campaign(select(Candidate.id), stats.campaign)
                    .where(cond)
                    .order_by(Candidate.candidate_number)
                )
                .scalars()
            )


#: The headline figures' French names (the command line; the window translates its own).
FIGURE_FR = {
    Selection(FIGURE, "candidates"): "Candidats",
    Selection(FIGURE, "eligible"): "Éligibles",
    Selection(FIGURE, "must_contact_registrar"): "Doivent contacter la scolarité",
    Selection(HOME, "accepted_definitively"): "Acceptés définitivement ici",
    Selection(HOME, "registered"): "Inscrits",
    Selection(HOME, "overdue"): "En retard d'inscription",
    Selection(HOME, "deadline_to_set"): "Date limite à fixer",
    Selection(FLAG, Flag.EXPLANATION_WINDOW_OPEN.value): "Délais de demande des motifs ouverts",
}


def fr_number(n: int) -> str:
    """12345 as « 12 345 » (a narrow no-break space, as Qt's French locale writes it)."""
    return f"{n:,}".replace(",", "\u202f")


def stats_lines(stats: CampaignStats) -> list[str]:
    """The figures as French lines (``stats`` without ``--json``)."""
    from monmaster_desktop.domain import FLAG_SHORT_FR, REASON_FR, STATUS_FR
    from monmaster_desktop.domain import IneligibilityReason as Reason

    day = stats.as_of.strftime("%d/%m/%Y")
    if stats.campaign is None:
        return [f"Situation au {day} : aucune campagne dans la base."]
    width = max(len(label) for label in FIGURE_FR.values())
    lines = [f"Campagne {stats.campaign}, situation au {day}", ""]
    lines += [
        f"{label:<{width}} {fr_number(stats.figure(sel)):>9}" for sel, label in FIGURE_FR.items()
    ]
    lines += ["", "Signalements"]
    lines += [
        f"  {FLAG_SHORT_FR[Flag(code)]:<{width - 2}} {fr_number(n):>9}"
        for code, n in sorted(stats.flags.items())
    ]
    if stats.by_mention:
        name = max(len(m.mention) for m in stats.by_mention)
        lines += ["", f"{'Mention':<{name}} {'Acceptés':>9} {'Inscrits':>9} {'En retard':>9}"]
        lines += [
            f"{m.mention:<{name}} {fr_number(m.accepted_definitively):>9} "
            f"{fr_number(m.registered):>9} {fr_number(m.overdue):>9}"
            for m in stats.by_mention
        ]
    if stats.applications_by_status:
        lines += ["", "Candidatures par statut"]
        lines += [
            f"  {STATUS_FR[ApplicationStatus(code)]:<{width - 2}} {fr_number(n):>9}"
            for code, n in stats.applications_by_status.items()
        ]
    if stats.ineligibility_reasons:
        lines += ["", "Motifs de non-éligibilité"]
        lines += [
            f"  {fr_number(n):>9}  {REASON_FR[Reason(code)]}"
            for code, n in stats.ineligibility_reasons.items()
        ]
    return lines


def _campaigns(session) -> list[int]:  # noqa: ANN001
    return list(
        session.scalars(
            select(CandidateStatus.latest_campaign)
            .where(CandidateStatus.latest_campaign.is_not(None))
            .distinct()
            .order_by(CandidateStatus.latest_campaign.desc())
        )
    )


def _by_mention(
    rows: Sequence, catalogue: dict[tuple[str, str], str]
) -> tuple[tuple[MentionFigures, ...], dict[str, tuple[str, ...]]]:
    """One entry per folded mention, named by its most frequent spelling in the catalogue (the
    spelling check shows: a label keeps the spelling of the row that made it)."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    labels: dict[str, list[str]] = defaultdict(list)
    for label, accepted, registered, overdue in rows:
        mention, _, parcours = (label or "").partition(LABEL_SEPARATOR)
        key = mention_key("", mention)[1]
        mention = catalogue.get((fold(mention), fold(parcours)), mention)
        spellings[key][mention] += accepted
        labels[key].append(label)
        total = sums[key]
        total[0] += accepted
        total[1] += registered
        total[2] += overdue
    entries = sorted(
        (
            MentionFigures(
                mention=min(spelled, key=lambda s: (-spelled[s], s)),
                key=key,
                accepted_definitively=sums[key][0],
                registered=sums[key][1],
                overdue=sums[key][2],
            )
            for key, spelled in spellings.items()
        ),
        key=lambda m: (m.mention, m.key),
    )
    return tuple(entries), {key: tuple(found) for key, found in labels.items()}


def _empty(as_of: date, years: tuple[int, ...]) -> CampaignStats:
    return CampaignStats(
        as_of=as_of,
        campaign=None,
        campaigns=years,
        candidates=0,
        eligible=0,
        must_contact_registrar=0,
        flags={flag.value: 0 for flag in Flag},
        home=dict.fromkeys(HOME_FIGURES, 0),
        by_mention=(),
        applications_by_status={},
        ineligibility_reasons={},
        acceptances_by_day=(),
        registrations_by_day=(),
        deadlines=(),
    )


__all__ = [
    "FIGURE",
    "FLAG",
    "HEADLINE",
    "HOME",
    "MENTION",
    "REASON",
    "STATUS",
    "CampaignStats",
    "MentionFigures",
    "Selection",
    "StatsController",
]
