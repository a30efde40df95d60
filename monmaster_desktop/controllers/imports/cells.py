"""Cells of an import file to typed values: the fast path for plain rows, the io parsers for
the others, every problem worded against the file's own column headers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from monmaster_desktop.controllers.imports.report import ImportProblem
from monmaster_desktop.controllers.validation import candidate_problems
from monmaster_desktop.controllers.views import CandidateData
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Phase,
    RejectionReason,
    TrainingType,
    fold,
)
from monmaster_desktop.io.columns import APPLICATIONS
from monmaster_desktop.io.countries import parse_country
from monmaster_desktop.io.tabular import Table
from monmaster_desktop.io.values import (
    ValueProblem,
    parse_bool,
    parse_choice,
    parse_date,
    parse_positive_int,
    parse_uai,
)
from monmaster_desktop.rules.facts import ApplicationFacts, RuleViolation
from monmaster_desktop.rules.outcomes import future_date_problems

_ENUM_VALUES = {
    kind: {member.value: member for member in kind}
    for kind in (
        Diploma,
        DiplomaStatus,
        EnrolmentHistory,
        Phase,
        TrainingType,
        ApplicationStatus,
        RejectionReason,
    )
}


#: A plain ISO date, ASCII digits only: ``date.fromisoformat`` alone would also take week
#: dates (``2024-W10-1``) and other forms the contract does not name (FORMATS.md §2).
_PLAIN_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch


def _date(text: str) -> date | None:
    if not text:
        return None
    if _PLAIN_ISO(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    return parse_date(text)


def _choice(text: str, kind):  # noqa: ANN001, ANN202
    member = _ENUM_VALUES[kind].get(text)
    return member if member is not None else parse_choice(text, kind)


_COUNTRY_CACHE: dict[str, str] = {}


def _country(text: str) -> str:
    code = _COUNTRY_CACHE.get(text)
    if code is None:
        code = _COUNTRY_CACHE[text] = parse_country(text)
    return code


_UAI_CACHE: dict[str, str] = {}


def _uai(text: str) -> str:
    code = _UAI_CACHE.get(text)
    if code is None:
        code = _UAI_CACHE[text] = parse_uai(text)
    return code


class RowProblems:
    """Collects the problems of one file, naming columns as the file's header does."""

    def __init__(self, table: Table, out: list[ImportProblem]):
        self.name = table.path.name
        self.mapping = table.mapping
        self.out = out

    def add(self, line: int, column: str, message: str) -> None:
        self.out.append(ImportProblem(self.name, line, self.mapping.get(column, column), message))

    def cell(self, line: int, column: str, parse, text: str):  # noqa: ANN001, ANN201
        try:
            return parse(text)
        except ValueProblem as problem:
            self.add(line, column, problem.message)
        except RuleViolation as problem:
            self.add(line, column, problem.message)
        return _BAD


_BAD = object()


@dataclass(slots=True)
class AppRow:
    line: int
    candidate_number: str
    facts: ApplicationFacts
    institution_name: str
    #: Computed once: (UAI, folded mention, folded parcours, type) and with campaign and phase.
    course_key: tuple = ()
    app_key: tuple = ()

    def __post_init__(self) -> None:
        facts = self.facts
        raw = (facts.institution_code, facts.mention, facts.parcours, facts.training_type)
        key = _COURSE_KEYS.get(raw)
        if key is None:
            if len(_COURSE_KEYS) > _MEMO_LIMIT:
                _COURSE_KEYS.clear()
            key = _COURSE_KEYS[raw] = course_key(facts)
        self.course_key = key
        # ``_value_``: the member's value without the descriptor call ``.value`` costs
        self.app_key = (facts.campaign_year, facts.phase._value_, *key)


#: Course keys by (UAI, mention, parcours, type) as written: a file names a few thousand
#: courses over hundreds of thousands of rows, and folding the names is the costly part.
_COURSE_KEYS: dict[tuple, tuple] = {}
#: Past this many entries a memo starts again (a hostile file cannot grow it for ever).
_MEMO_LIMIT = 200_000


APP_FIELD_COLUMN = {"campaign_year": "campaign"}


#: Stand-ins for cells already refused, so that the other checks of the row still run and
#: every problem of the row is reported in one pass (their own messages are dropped).
_STAND_INS = {
    "birth_date": date(2000, 1, 1),
    "diploma": Diploma.LICENCE,
    "enrolment_history": EnrolmentHistory.NEVER,
    "diploma_status": DiplomaStatus.OBTAINED,
    "repeating_m1": False,
    "ves_vap": False,
    "automatic_admission": False,
    "nationality": "",
    "residence_country": "",
}


def parse_candidates(
    table: Table, problems: list[ImportProblem], refused: set[str], today: date
) -> dict[str, tuple[int, CandidateData]]:
    """Valid rows by candidate number; the numbers of refused rows go to ``refused``."""
    report = RowProblems(table, problems)
    found: dict[str, tuple[int, CandidateData]] = {}
    first_line: dict[str, int] = {}
    ines: dict[str, str] = {}
    for row in table.rows:
        v, line = row.values, row.line
        before = len(problems)
        if row.extra:
            report.add(
                line, "-", f"cellules au-delà de la dernière colonne : {', '.join(row.extra)}"
            )
        birth = report.cell(line, "birth_date", _date, v["birth_date"]) if v["birth_date"] else None
        if birth is None:
            report.add(line, "birth_date", "Date de naissance : champ obligatoire.")
        values = {
            "candidate_number": v["candidate_number"],
            "last_name": v["last_name"],
            "first_name": v["first_name"],
            "birth_date": birth,
            "nationality": report.cell(line, "nationality", _country, v["nationality"])
            if v["nationality"]
            else "",
            "residence_country": report.cell(
                line, "residence_country", _country, v["residence_country"]
            )
            if v["residence_country"]
            else "",
            "diploma": report.cell(line, "diploma", lambda t: _choice(t, Diploma), v["diploma"]),
            "enrolment_history": report.cell(
                line,
                "enrolment_history",
                lambda t: _choice(t, EnrolmentHistory),
                v["enrolment_history"],
            ),
            "ine": "".join(v["ine"].split()).upper() or None,
            "email": v["email"] or None,
            "phone": v["phone"] or None,
            "diploma_status": report.cell(
                line, "diploma_status", lambda t: _choice(t, DiplomaStatus), v["diploma_status"]
            )
            if v["diploma_status"]
            else DiplomaStatus.OBTAINED,
            "repeating_m1": report.cell(line, "repeating_m1", parse_bool, v["repeating_m1"]),
            "ves_vap": report.cell(line, "ves_vap", parse_bool, v["ves_vap"]),
            "automatic_admission": report.cell(
                line, "automatic_admission", parse_bool, v["automatic_admission"]
            ),
        }
        bad = {name for name, value in values.items() if value is _BAD or value is None}
        bad.discard("ine"), bad.discard("email"), bad.discard("phone")
        for name in bad:
            values[name] = _STAND_INS[name]
        data = CandidateData(**values)
        for problem in candidate_problems(data, today=today):
            if problem.field not in bad:
                report.add(line, problem.field or "-", problem.message)
        number = data.candidate_number
        if number in first_line:
            report.add(
                line,
                "candidate_number",
                f"Numéro de candidat {number} déjà présent ligne {first_line[number]} du fichier.",
            )
        else:
            first_line[number] = line
        if data.ine:
            if data.ine in ines and ines[data.ine] != number:
                report.add(
                    line,
                    "ine",
                    f"INE {data.ine} déjà attribué dans ce fichier au candidat {ines[data.ine]}.",
                )
            else:
                ines.setdefault(data.ine, number)
        if len(problems) > before:
            refused.add(number)
            continue
        if number not in found:
            found[number] = (line, data)
    return found


def parse_applications(
    table: Table, problems: list[ImportProblem], campaigns: set[int], today: date
) -> list[AppRow]:
    report = RowProblems(table, problems)
    rows: list[AppRow] = []
    years = {str(year): year for year in campaigns}
    fast_path = all(row.names == _APP_NAMES for row in table.rows[:1])
    for row in table.rows:
        line = row.line
        if fast_path and not row.extra:
            cells = row.cells
            fast = _fast_application(cells, years, today)
            if fast is not None:
                rows.append(AppRow(line, cells[_NUMBER], fast, cells[_INSTITUTION_NAME]))
                continue
        v = row.values
        before = len(problems)
        if row.extra:
            report.add(
                line, "-", f"cellules au-delà de la dernière colonne : {', '.join(row.extra)}"
            )
        year = report.cell(line, "campaign", _campaign_year, v["campaign"])
        if year is not _BAD and year not in campaigns:
            report.add(
                line,
                "campaign",
                f"Campagne {year} inconnue : créez-la d'abord (Campagnes et formations).",
            )
        submitted = report.cell(line, "submitted_on", _date, v["submitted_on"])
        if submitted is None:
            report.add(line, "submitted_on", "Date de dépôt : champ obligatoire.")
        status = report.cell(line, "status", lambda t: _choice(t, ApplicationStatus), v["status"])
        facts = (
            report.cell(line, "institution_code", _uai, v["institution_code"]),
            v["mention"],
            report.cell(
                line, "training_type", lambda t: _choice(t, TrainingType), v["training_type"]
            ),
            report.cell(line, "phase", lambda t: _choice(t, Phase), v["phase"])
            if v["phase"]
            else Phase.MAIN,
            status,
            submitted,
            v["parcours"],
            year,
            report.cell(line, "waitlist_rank", parse_positive_int, v["waitlist_rank"])
            if v["waitlist_rank"]
            else None,
            report.cell(
                line,
                "rejection_reason",
                lambda t: _choice(t, RejectionReason),
                v["rejection_reason"],
            )
            if v["rejection_reason"]
            else None,
            report.cell(line, "notified_on", _date, v["notified_on"]),
            report.cell(line, "accepted_on", _date, v["accepted_on"]),
            report.cell(line, "registered_on", _date, v["registered_on"]),
        )
        dates = _Dates(*(d if isinstance(d, date) else None for d in (facts[5], *facts[10:13])))
        for problem in future_date_problems(dates, today):
            report.add(line, problem.field, problem.message)
        if not v["mention"].strip():
            report.add(line, "mention", "Mention : champ obligatoire.")
        if not v["candidate_number"]:
            report.add(line, "candidate_number", "Numéro de candidat : champ obligatoire.")
        if len(problems) > before or _BAD in facts:
            continue
        rows.append(
            AppRow(line, v["candidate_number"], ApplicationFacts(*facts), v["institution_name"])
        )
    return rows


_STATUS = _ENUM_VALUES[ApplicationStatus]
_TYPE = _ENUM_VALUES[TrainingType]
_PHASE = _ENUM_VALUES[Phase] | {"": Phase.MAIN}
_REASON = _ENUM_VALUES[RejectionReason] | {"": None}


def _iso(text: str) -> date | None:
    """An empty cell or a plain ISO date; anything else raises (the careful path explains)."""
    try:
        return _ISO_DATES[text]
    except KeyError:
        pass
    if not _PLAIN_ISO(text):
        raise ValueError(text)
    if len(_ISO_DATES) > _MEMO_LIMIT:
        _ISO_DATES.clear()
        _ISO_DATES[""] = None
    value = _ISO_DATES[text] = date.fromisoformat(text)
    return value


#: Plain ISO dates already read (a campaign's rows share a few hundred days).
_ISO_DATES: dict[str, date | None] = {"": None}


def _rank(text: str) -> int | None:
    """Empty, or ASCII digits not starting with 0 (no ``+3``, ``1_0``, ``٣``)."""
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or text[0] == "0":
        raise ValueError(text)
    return int(text)


_APP_NAMES = APPLICATIONS.names
(
    _NUMBER,
    _CAMPAIGN,
    _PHASE_AT,
    _UAI_AT,
    _INSTITUTION_NAME,
    _MENTION,
    _PARCOURS,
    _TYPE_AT,
    _SUBMITTED,
    _STATUS_AT,
    _RANK,
    _REASON_AT,
    _NOTIFIED,
    _ACCEPTED,
    _REGISTERED,
) = (
    _APP_NAMES.index(name)
    for name in (
        "candidate_number",
        "campaign",
        "phase",
        "institution_code",
        "institution_name",
        "mention",
        "parcours",
        "training_type",
        "submitted_on",
        "status",
        "waitlist_rank",
        "rejection_reason",
        "notified_on",
        "accepted_on",
        "registered_on",
    )
)


def _fast_application(
    v: tuple[str, ...], years: dict[str, int], today: date
) -> ApplicationFacts | None:
    """The row (its cells in the spec's order) as facts when every cell is in its plain form
    (codes, ISO dates, a known UAI and campaign); None sends it to the cell-by-cell path,
    which accepts the other forms and words every problem. Both paths give the same facts for
    the same row: what is refused there is never taken here, whichever row came first."""
    try:
        year = years[v[_CAMPAIGN]]
        facts = ApplicationFacts(
            _UAI_CACHE[v[_UAI_AT]],
            v[_MENTION],
            _TYPE[v[_TYPE_AT]],
            _PHASE[v[_PHASE_AT]],
            _STATUS[v[_STATUS_AT]],
            _iso(v[_SUBMITTED]),
            v[_PARCOURS],
            year,
            _rank(v[_RANK]),
            _REASON[v[_REASON_AT]],
            _iso(v[_NOTIFIED]),
            _iso(v[_ACCEPTED]),
            _iso(v[_REGISTERED]),
        )
    except (KeyError, ValueError):
        return None
    submitted = facts.submitted_on
    if (
        submitted is None
        or submitted > today
        or (facts.notified_on is not None and facts.notified_on > today)
        or (facts.accepted_on is not None and facts.accepted_on > today)
        or (facts.registered_on is not None and facts.registered_on > today)
        or not facts.mention.strip()
        or not v[_NUMBER]
    ):
        return None
    return facts


class _Dates(NamedTuple):
    """The dates of a row, for the rule on dates in the future (RULES.md §8)."""

    submitted_on: date | None
    notified_on: date | None
    accepted_on: date | None
    registered_on: date | None


def _campaign_year(text: str) -> int:
    if text.isascii() and text.isdigit() and len(text) == 4:
        return int(text)
    raise ValueProblem(f"« {text} » n'est pas une année de campagne (attendu par exemple 2024)")


def course_key(facts: ApplicationFacts) -> tuple[str, str, str, str]:
    return (
        facts.institution_code,
        fold(facts.mention),
        fold(facts.parcours),
        facts.training_type.value,
    )


def app_key(facts: ApplicationFacts) -> tuple:
    return (facts.campaign_year, facts.phase.value, *course_key(facts))


APP_COMPARED = (
    "submitted_on",
    "status",
    "waitlist_rank",
    "rejection_reason",
    "notified_on",
    "accepted_on",
    "registered_on",
)
