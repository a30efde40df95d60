"""Import of candidates and applications files: all or nothing, every bad row reported.

The same rules as the form (controllers/validation.py and rules/) on a fast path: cells are
parsed once, applications are checked with an incremental cap tally, and rows are written
with Core executemany in one write transaction, audited, with the stored status refreshed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from monmaster_desktop.controllers.candidates import CANDIDATE_FIELDS, name_key
from monmaster_desktop.controllers.context import RulesContext, current_user, now
from monmaster_desktop.controllers.files import facts_of
from monmaster_desktop.controllers.records import (
    audit_text,
    gc_paused,
    replace_status_rows,
    status_row,
    write_search_tokens,
)
from monmaster_desktop.controllers.validation import candidate_problems
from monmaster_desktop.controllers.views import CandidateData
from monmaster_desktop.db import Database, bulk_insert
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
from monmaster_desktop.io.columns import APPLICATIONS, CANDIDATES, FRENCH_HEADERS
from monmaster_desktop.io.countries import parse_country
from monmaster_desktop.io.tabular import Table, TableError, read_table
from monmaster_desktop.io.values import (
    ValueProblem,
    parse_bool,
    parse_choice,
    parse_date,
    parse_positive_int,
    parse_uai,
)
from monmaster_desktop.io.writers import write_csv
from monmaster_desktop.models import (
    Application,
    AuditEntry,
    Campaign,
    Candidate,
    Course,
    Institution,
)
from monmaster_desktop.rules.calendar import (
    check_submission,
    explanation_last_day,
    registration_deadline,
)
from monmaster_desktop.rules.caps import CapTally
from monmaster_desktop.rules.facts import ApplicationFacts, RuleViolation
from monmaster_desktop.rules.outcomes import check_consistency, check_single_definitive

Progress = Callable[[float, str], None]
CHUNK = 500


class ImportCancelled(Exception):
    """The clerk cancelled: the transaction was rolled back, nothing was written."""


@dataclass(frozen=True, slots=True, order=True)
class ImportProblem:
    file: str
    line: int
    column: str
    message: str

    def line_text(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


@dataclass
class ImportResult:
    problems: list[ImportProblem] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    candidates_created: int = 0
    candidates_updated: int = 0
    candidates_unchanged: int = 0
    applications_created: int = 0
    applications_updated: int = 0
    applications_unchanged: int = 0
    written: bool = False

    def summary_fr(self) -> str:
        if self.problems:
            return f"Import refusé : {len(self.problems)} problème(s), rien n'a été enregistré."
        verb = "Import terminé" if self.written else "Vérification terminée (rien d'écrit)"
        return (
            f"{verb} : candidats {self.candidates_created} créé(s), "
            f"{self.candidates_updated} mis à jour, {self.candidates_unchanged} inchangé(s) ; "
            f"candidatures {self.applications_created} créée(s), "
            f"{self.applications_updated} mise(s) à jour, {self.applications_unchanged} "
            "inchangée(s)."
        )


# --- cell parsing (fast paths first, the io parsers for everything else) ------------------

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


def _date(text: str) -> date | None:
    if not text:
        return None
    if len(text) == 10 and text[4] == "-":
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


class _RowProblems:
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
class _AppRow:
    line: int
    candidate_number: str
    facts: ApplicationFacts
    institution_name: str
    #: Computed once: (UAI, folded mention, folded parcours, type) and with campaign and phase.
    course_key: tuple = ()
    app_key: tuple = ()

    def __post_init__(self) -> None:
        self.course_key = _course_key(self.facts)
        self.app_key = (self.facts.campaign_year, self.facts.phase.value, *self.course_key)


APP_FIELD_COLUMN = {"campaign_year": "campaign"}


def _parse_candidates(
    table: Table, problems: list[ImportProblem], refused: set[str]
) -> dict[str, tuple[int, CandidateData]]:
    """Valid rows by candidate number; the numbers of refused rows go to ``refused``."""
    report = _RowProblems(table, problems)
    found: dict[str, tuple[int, CandidateData]] = {}
    ines: dict[str, str] = {}
    today = date.today()
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
            "ine": v["ine"] or None,
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
        if len(problems) > before or _BAD in values.values():
            refused.add(v["candidate_number"])
            continue
        if values["ine"]:
            values["ine"] = "".join(values["ine"].split()).upper()
        data = CandidateData(**values)
        rule_problems = candidate_problems(data, today=today)
        for problem in rule_problems:
            report.add(line, problem.field or "-", problem.message)
        if rule_problems:
            refused.add(v["candidate_number"])
            continue
        number = data.candidate_number
        if number in found:
            report.add(
                line,
                "candidate_number",
                f"Numéro de candidat {number} déjà présent ligne {found[number][0]} du fichier.",
            )
            continue
        if data.ine:
            if data.ine in ines:
                report.add(
                    line,
                    "ine",
                    f"INE {data.ine} déjà attribué dans ce fichier au candidat {ines[data.ine]}.",
                )
                continue
            ines[data.ine] = number
        found[number] = (line, data)
    return found


def _parse_applications(
    table: Table, problems: list[ImportProblem], campaigns: set[int]
) -> list[_AppRow]:
    report = _RowProblems(table, problems)
    rows: list[_AppRow] = []
    for row in table.rows:
        v, line = row.values, row.line
        if not row.extra:
            fast = _fast_application(v, campaigns)
            if fast is not None:
                rows.append(_AppRow(line, v["candidate_number"], fast, v["institution_name"]))
                continue
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
        if not v["mention"].strip():
            report.add(line, "mention", "Mention : champ obligatoire.")
        if not v["candidate_number"]:
            report.add(line, "candidate_number", "Numéro de candidat : champ obligatoire.")
        if len(problems) > before or _BAD in facts:
            continue
        rows.append(
            _AppRow(line, v["candidate_number"], ApplicationFacts(*facts), v["institution_name"])
        )
    return rows


_STATUS = _ENUM_VALUES[ApplicationStatus]
_TYPE = _ENUM_VALUES[TrainingType]
_PHASE = _ENUM_VALUES[Phase] | {"": Phase.MAIN}
_REASON = _ENUM_VALUES[RejectionReason] | {"": None}


def _iso(text: str) -> date | None:
    """An empty cell or an ISO date; anything else raises (the careful path then explains)."""
    if not text:
        return None
    if len(text) != 10 or text[4] != "-":
        raise ValueError(text)
    return date.fromisoformat(text)


def _fast_application(v: dict[str, str], campaigns: set[int]) -> ApplicationFacts | None:
    """The row as facts when every cell is in its plain form (codes, ISO dates, a known UAI
    and campaign); None sends it to the cell-by-cell path, which accepts the other forms and
    words every problem. Both paths give the same facts for the same row."""
    try:
        year = int(v["campaign"])
        rank = v["waitlist_rank"]
        facts = ApplicationFacts(
            _UAI_CACHE[v["institution_code"]],
            v["mention"],
            _TYPE[v["training_type"]],
            _PHASE[v["phase"]],
            _STATUS[v["status"]],
            _iso(v["submitted_on"]),
            v["parcours"],
            year,
            int(rank) if rank else None,
            _REASON[v["rejection_reason"]],
            _iso(v["notified_on"]),
            _iso(v["accepted_on"]),
            _iso(v["registered_on"]),
        )
    except (KeyError, ValueError):
        return None
    if (
        year not in campaigns
        or facts.submitted_on is None
        or (rank and facts.waitlist_rank < 1)
        or not facts.mention.strip()
        or not v["candidate_number"]
    ):
        return None
    return facts


def _campaign_year(text: str) -> int:
    if text.isdigit() and len(text) == 4:
        return int(text)
    raise ValueProblem(f"« {text} » n'est pas une année de campagne (attendu par exemple 2024)")


# --- the controller -----------------------------------------------------------------------


def _course_key(facts: ApplicationFacts) -> tuple[str, str, str, str]:
    return (
        facts.institution_code,
        fold(facts.mention),
        fold(facts.parcours),
        facts.training_type.value,
    )


def _app_key(facts: ApplicationFacts) -> tuple:
    return (facts.campaign_year, facts.phase.value, *_course_key(facts))


_APP_COMPARED = (
    "submitted_on",
    "status",
    "waitlist_rank",
    "rejection_reason",
    "notified_on",
    "accepted_on",
    "registered_on",
)


@dataclass(frozen=True, slots=True)
class ColumnPreview:
    """One expected column and the file header read for it (None when the file lacks it)."""

    name: str
    title_fr: str
    required: bool
    header: str | None


@dataclass(frozen=True)
class FilePreview:
    """What the clerk checks before importing a file: its shape, its columns, its first rows."""

    kind: str  # "candidates" or "applications"
    file_name: str
    format: str  # "csv" or "xlsx"
    encoding: str | None  # "utf-8-sig", "utf-8", "cp1252"; None for .xlsx
    delimiter: str | None  # ";" or ","; None for .xlsx
    row_count: int
    columns: list[ColumnPreview]
    unknown_columns: list[str]
    missing_required: list[str]  # French titles of the required columns the file lacks
    first_rows: list[tuple[int, list[str]]]  # (line, values in the order of ``columns``)


PREVIEW_ROWS = 20
REPORT_HEADERS = ("Fichier", "Ligne", "Colonne", "Message")


def write_report(path: Path, problems: list[ImportProblem]) -> None:
    """The refused rows as a CSV file for Excel (file, line, column, message)."""
    write_csv(path, REPORT_HEADERS, ((p.file, p.line, p.column, p.message) for p in problems))


class ImportController:
    """One import path for the command line and the window."""

    def __init__(self, db: Database):
        self.db = db

    @staticmethod
    def preview(path: Path, kind: str) -> FilePreview:
        """Read one file as the ``kind`` file; raise TableError when it is no table at all."""
        spec = CANDIDATES if kind == "candidates" else APPLICATIONS
        table = read_table(path, spec)
        mapped = [c.name for c in spec.columns if c.name in table.mapping]
        return FilePreview(
            kind=kind,
            file_name=table.path.name,
            format=table.kind,
            encoding=table.encoding,
            delimiter=table.delimiter,
            row_count=len(table.rows),
            columns=[
                ColumnPreview(c.name, c.title_fr, c.required, table.mapping.get(c.name))
                for c in spec.columns
            ],
            unknown_columns=list(table.unknown_columns),
            missing_required=[FRENCH_HEADERS[name] for name in table.missing_required],
            first_rows=[
                (row.line, [row.values[name] for name in mapped])
                for row in table.rows[:PREVIEW_ROWS]
            ],
        )

    def read(self, candidates: Path | None, applications: Path | None) -> ImportResult:
        """Read the files and report their shape (encoding, separator, columns) without checks."""
        result = ImportResult()
        for path, spec in ((candidates, CANDIDATES), (applications, APPLICATIONS)):
            if path is None:
                continue
            try:
                table = read_table(path, spec)
            except TableError as exc:
                result.problems.append(ImportProblem(Path(path).name, 1, "-", str(exc)))
                continue
            result.tables.append(table)
            for name in table.missing_required:
                result.problems.append(
                    ImportProblem(table.path.name, 1, name, "colonne obligatoire absente")
                )
        return result

    def run(
        self,
        candidates: Path | None,
        applications: Path | None = None,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> ImportResult:
        """Check everything, then write everything, or nothing at all."""
        with gc_paused():
            return self._run(candidates, applications, dry_run, progress, is_cancelled)

    def _run(self, candidates, applications, dry_run, progress, is_cancelled) -> ImportResult:  # noqa: ANN001
        def step(fraction: float, text: str) -> None:
            if is_cancelled is not None and is_cancelled():
                raise ImportCancelled()
            if progress is not None:
                progress(fraction, text)

        step(0.0, "Lecture des fichiers")
        result = self.read(candidates, applications)
        if result.problems:
            return result
        tables = {t.path: t for t in result.tables}
        cand_table = tables.get(Path(candidates)) if candidates else None
        app_table = tables.get(Path(applications)) if applications else None
        problems = result.problems
        with self.db.read() as session:
            campaigns = set(session.scalars(select(Campaign.year)))
        step(0.1, "Vérification des candidats")
        refused: set[str] = set()
        file_candidates = _parse_candidates(cand_table, problems, refused) if cand_table else {}
        step(0.25, "Vérification des candidatures")
        app_rows = _parse_applications(app_table, problems, campaigns) if app_table else []
        step(0.4, "Contrôle des règles")
        with self.db.write() as session:
            writer = _Writer(session, result, cand_table, app_table, refused)
            writer.check(file_candidates, app_rows)
            if result.problems:
                result.problems.sort()
                session.rollback()
                return result
            step(0.6, "Enregistrement")
            writer.write(file_candidates, app_rows, step)
            if dry_run:
                session.rollback()
                return result
            step(0.95, "Validation de la transaction")
            if is_cancelled is not None and is_cancelled():
                raise ImportCancelled()
        result.written = True
        # Committed: a cancel arriving now is too late and must not claim nothing was written.
        if progress is not None:
            progress(1.0, "Terminé")
        return result


class _Writer:
    """The database half of one import, inside its write transaction."""

    def __init__(self, session: Session, result: ImportResult, cand_table, app_table, refused):  # noqa: ANN001
        self.session = session
        #: Candidates whose own row was refused: their applications are not reported again.
        self.refused: set[str] = refused
        self.result = result
        self.ctx = RulesContext.load(session)
        self.cand_report = _RowProblems(cand_table, result.problems) if cand_table else None
        self.app_report = _RowProblems(app_table, result.problems) if app_table else None
        self.cand_file = cand_table.path.name if cand_table else ""
        self.app_file = app_table.path.name if app_table else ""
        # existing candidates: number -> (id, CandidateData, version)
        self.existing: dict[str, tuple[int, CandidateData]] = {}
        self.ine_owner: dict[str, str] = {}
        self.existing_apps: dict[int, dict[tuple, tuple[int, ApplicationFacts]]] = {}
        self.merged: dict[str, list[ApplicationFacts]] = {}

    # -- checks ----------------------------------------------------------------------------

    def _load_existing(self, numbers: set[str]) -> None:
        columns = [getattr(Candidate, name) for name in CANDIDATE_FIELDS]
        for row in self.session.execute(select(Candidate.id, *columns)):
            data = CandidateData(**dict(zip(CANDIDATE_FIELDS, row[1:])))
            if data.ine:
                self.ine_owner[data.ine] = data.candidate_number
            if data.candidate_number in numbers:
                self.existing[data.candidate_number] = (row[0], data)
        ids = {cid for cid, _ in self.existing.values()}
        if not ids:
            return
        from monmaster_desktop.controllers.records import (
            application_facts,
            application_facts_select,
        )

        for row in self.session.execute(application_facts_select()):
            if row[0] in ids:
                facts = application_facts(row)
                self.existing_apps.setdefault(row[0], {})[_app_key(facts)] = (row[15], facts)

    def check(self, file_candidates: dict, app_rows: list[_AppRow]) -> None:
        numbers = set(file_candidates) | {r.candidate_number for r in app_rows}
        self._load_existing(numbers)
        for number, (line, data) in file_candidates.items():
            owner = self.ine_owner.get(data.ine) if data.ine else None
            if owner is not None and owner != number:
                self.cand_report.add(
                    line,
                    "ine",
                    f"L'INE {data.ine} appartient déjà au candidat {owner} : un INE ne désigne "
                    "qu'un seul candidat.",
                )
        calendars = self.ctx.calendars
        by_candidate: dict[str, list[_AppRow]] = {}
        for row in app_rows:
            if row.candidate_number in self.refused:
                continue
            if (
                row.candidate_number not in file_candidates
                and row.candidate_number not in self.existing
            ):
                self.app_report.add(
                    row.line,
                    "candidate_number",
                    f"Candidat {row.candidate_number} inconnu : absent du fichier des candidats et "
                    "de la base.",
                )
                continue
            by_candidate.setdefault(row.candidate_number, []).append(row)
        for number, rows in by_candidate.items():
            stored = {}
            if number in self.existing:
                stored = dict(self.existing_apps.get(self.existing[number][0], {}))
            seen_keys: dict[tuple, int] = {}
            for row in rows:
                key = row.app_key
                if key in seen_keys:
                    self.app_report.add(
                        row.line,
                        "mention",
                        f"Même candidature que la ligne {seen_keys[key]} du fichier.",
                    )
                    continue
                seen_keys[key] = row.line
                stored.pop(key, None)
            tallies: dict[int, CapTally] = {}
            merged = [facts for _, facts in stored.values()]
            for facts in merged:
                tallies.setdefault(facts.campaign_year, CapTally()).add(facts, None)
            for row in rows:
                facts = row.facts
                if seen_keys.get(row.app_key) != row.line:
                    continue
                calendar = calendars[facts.campaign_year]
                try:
                    check_submission(calendar, facts.phase, facts.submitted_on)
                    check_consistency(facts)
                    if facts.accepted_on is not None:
                        registration_deadline(calendar, facts.accepted_on, None)
                    tallies.setdefault(facts.campaign_year, CapTally()).add(
                        facts, calendar.caps(facts.phase)
                    )
                except RuleViolation as problem:
                    column = APP_FIELD_COLUMN.get(problem.field or "-", problem.field or "-")
                    self.app_report.add(row.line, column, problem.message)
                    continue
                merged.append(facts)
            try:
                check_single_definitive(merged)
            except RuleViolation as problem:
                last = max(
                    r.line
                    for r in rows
                    if r.facts.status is ApplicationStatus.ACCEPTED_DEFINITIVELY
                )
                self.app_report.add(last, "status", problem.message)
            self.merged[number] = merged

    # -- writes ----------------------------------------------------------------------------

    def write(self, file_candidates: dict, app_rows: list[_AppRow], step) -> None:  # noqa: ANN001
        session, result = self.session, self.result
        user, at = current_user(), now()
        audit: list[dict] = []

        def audit_row(action, entity, entity_id, candidate_id, field=None, old=None, new=None):  # noqa: ANN001, ANN202
            audit.append(
                {
                    "at": at,
                    "os_user": user,
                    "action": action,
                    "entity": entity,
                    "entity_id": entity_id,
                    "candidate_id": candidate_id,
                    "field": field,
                    "old_value": old,
                    "new_value": new,
                }
            )

        # candidates
        new_rows, updates = [], []
        for number, (_, data) in file_candidates.items():
            values = {name: getattr(data, name) for name in CANDIDATE_FIELDS}
            if number not in self.existing:
                values.update(
                    name_key=name_key(data.last_name, data.first_name),
                    updated_at=at,
                    updated_by=user,
                    version=1,
                )
                new_rows.append(values)
                continue
            cid, old = self.existing[number]
            old_values = {name: getattr(old, name) for name in CANDIDATE_FIELDS}
            changed = {k: v for k, v in values.items() if k != "notes" and old_values[k] != v}
            if not changed:
                result.candidates_unchanged += 1
                continue
            result.candidates_updated += 1
            for name, value in changed.items():
                audit_row(
                    "import",
                    "candidate",
                    cid,
                    cid,
                    name,
                    audit_text(old_values[name]),
                    audit_text(value),
                )
            updates.append((cid, changed | {"name_key": name_key(data.last_name, data.first_name)}))
        for chunk_start in range(0, len(new_rows), 5000):
            bulk_insert(session, Candidate.__table__, new_rows[chunk_start : chunk_start + 5000])
        for cid, changed in updates:
            session.execute(
                update(Candidate)
                .where(Candidate.id == cid)
                .values(**changed, updated_at=at, updated_by=user, version=Candidate.version + 1)
            )
        result.candidates_created = len(new_rows)
        ids: dict[str, int] = {n: cid for n, (cid, _) in self.existing.items()}
        if new_rows:
            wanted = {r["candidate_number"] for r in new_rows}
            for cid, number in session.execute(select(Candidate.id, Candidate.candidate_number)):
                if number in wanted:
                    ids[number] = cid
                    audit_row(
                        "import",
                        "candidate",
                        cid,
                        cid,
                        None,
                        None,
                        f"créé par import de {self.cand_file}",
                    )
        renamed = {cid for cid, changed in updates if {"last_name", "first_name"} & set(changed)}
        write_search_tokens(
            session,
            [
                (ids[number], data.last_name, data.first_name)
                for number, (_, data) in file_candidates.items()
                if number not in self.existing or ids[number] in renamed
            ],
        )
        step(0.7, "Enregistrement des candidatures")

        # catalogue
        courses = self._courses(app_rows)

        # applications
        app_new, app_updates = [], []
        for row in app_rows:
            facts = row.facts
            cid = ids[row.candidate_number]
            key = row.app_key
            values = {
                "candidate_id": cid,
                "campaign_id": self.ctx.campaign_ids[facts.campaign_year],
                "course_id": courses[row.course_key],
                "phase": facts.phase,
                "submitted_on": facts.submitted_on,
                "status": facts.status,
                "waitlist_rank": facts.waitlist_rank,
                "rejection_reason": facts.rejection_reason,
                "notified_on": facts.notified_on,
                "accepted_on": facts.accepted_on,
                "registered_on": facts.registered_on,
                "explanation_last_day": explanation_last_day(facts.notified_on)
                if facts.status is ApplicationStatus.REJECTED and facts.notified_on
                else None,
                "updated_at": at,
                "updated_by": user,
            }
            stored = self.existing_apps.get(cid, {}).get(key)
            if stored is None:
                values["version"] = 1
                app_new.append(values)
                continue
            app_id, old = stored
            changed = {
                name: getattr(facts, name)
                for name in _APP_COMPARED
                if getattr(old, name) != getattr(facts, name)
            }
            if not changed:
                result.applications_unchanged += 1
                continue
            result.applications_updated += 1
            for name, value in changed.items():
                audit_row(
                    "import",
                    "application",
                    app_id,
                    cid,
                    name,
                    audit_text(getattr(old, name)),
                    audit_text(value),
                )
            params = {"app_id": app_id, "at_": at, "user_": user}
            params.update({f"{name}_": values[name] for name in _APP_COMPARED})
            params["explanation_last_day_"] = values["explanation_last_day"]
            app_updates.append(params)
        for start in range(0, len(app_new), 10000):
            bulk_insert(session, Application.__table__, app_new[start : start + 10000])
        if app_updates:
            # A Core statement: the ORM would take a list of parameters for a bulk update by
            # primary key and demand each row's version.
            table = Application.__table__
            session.execute(
                update(table)
                .where(table.c.id == bindparam("app_id"))
                .values(
                    **{k: bindparam(f"{k}_") for k in _APP_COMPARED},
                    explanation_last_day=bindparam("explanation_last_day_"),
                    updated_at=bindparam("at_"),
                    updated_by=bindparam("user_"),
                    version=table.c.version + 1,
                ),
                app_updates,
            )
        result.applications_created = len(app_new)
        # One audit row per candidate for the applications an import creates (not one each).
        created_per_candidate: dict[int, int] = {}
        for values in app_new:
            cid = values["candidate_id"]
            created_per_candidate[cid] = created_per_candidate.get(cid, 0) + 1
        for cid, count in created_per_candidate.items():
            audit_row(
                "import",
                "application",
                None,
                cid,
                None,
                None,
                f"{count} candidature(s) ajoutée(s) par import de {self.app_file}",
            )
        for start in range(0, len(audit), 20000):
            bulk_insert(session, AuditEntry.__table__, audit[start : start + 20000])
        step(0.85, "Mise à jour des signalements")
        self._refresh_status(file_candidates, ids)

    def _courses(self, app_rows: list[_AppRow]) -> dict[tuple, int]:
        session = self.session
        institutions = dict(session.execute(select(Institution.code, Institution.id)).all())
        names = {}
        for row in app_rows:
            code = row.facts.institution_code
            if row.institution_name and code not in names:
                names[code] = row.institution_name
        new_institutions = sorted({r.facts.institution_code for r in app_rows} - set(institutions))
        if new_institutions:
            session.execute(
                insert(Institution.__table__),
                [{"code": c, "name": names.get(c, "")} for c in new_institutions],
            )
            institutions = dict(session.execute(select(Institution.code, Institution.id)).all())
        for code, name in names.items():
            if code not in new_institutions:
                session.execute(
                    update(Institution)
                    .where(Institution.code == code, Institution.name == "")
                    .values(name=name)
                )
        courses: dict[tuple, int] = {}
        id_of_institution = {v: k for k, v in institutions.items()}
        query = select(
            Course.id,
            Course.institution_id,
            Course.mention_key,
            Course.parcours_key,
            Course.training_type,
        )
        for cid, inst_id, mkey, pkey, ttype in session.execute(query):
            courses[(id_of_institution[inst_id], mkey, pkey, TrainingType(ttype).value)] = cid
        new_courses = {}
        for row in app_rows:
            key = row.course_key
            if key not in courses and key not in new_courses:
                new_courses[key] = {
                    "institution_id": institutions[key[0]],
                    "mention": " ".join(row.facts.mention.split()),
                    "mention_key": key[1],
                    "parcours": " ".join(row.facts.parcours.split()),
                    "parcours_key": key[2],
                    "training_type": row.facts.training_type,
                }
        if new_courses:
            bulk_insert(session, Course.__table__, list(new_courses.values()))
            for cid, inst_id, mkey, pkey, ttype in session.execute(query):
                courses[(id_of_institution[inst_id], mkey, pkey, TrainingType(ttype).value)] = cid
        return courses

    def _refresh_status(self, file_candidates: dict, ids: dict[str, int]) -> None:
        heads = self._head_deadlines()
        rows = []
        for number in set(file_candidates) | set(self.merged):
            cid = ids[number]
            data = (
                file_candidates[number][1]
                if number in file_candidates
                else self.existing[number][1]
            )
            if number in self.merged:
                apps = self.merged[number]
            else:
                apps = [facts for _, facts in self.existing_apps.get(cid, {}).values()]
            if heads:
                apps = [
                    a._replace(head_deadline=heads.get(_course_key(a))) if a.accepted_on else a
                    for a in apps
                ]
            rows.append(status_row(cid, facts_of(data), apps, self.ctx))
        replace_status_rows(self.session, rows)

    def _head_deadlines(self) -> dict[tuple, date]:
        query = (
            select(
                Institution.code,
                Course.mention_key,
                Course.parcours_key,
                Course.training_type,
                Course.head_deadline,
            )
            .join(Institution, Course.institution_id == Institution.id)
            .where(Course.head_deadline.is_not(None))
        )
        return {
            (code, mkey, pkey, TrainingType(ttype).value): deadline
            for code, mkey, pkey, ttype, deadline in self.session.execute(query)
        }
