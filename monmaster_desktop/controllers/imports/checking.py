"""The checks of an import that need the database: INE owners, caps with the stored
applications, calendars, a single definitive acceptance."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from monmaster_desktop.controllers.candidates import CANDIDATE_FIELDS
from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.imports.cells import (
    APP_FIELD_COLUMN,
    AppRow,
    RowProblems,
    app_key,
)
from monmaster_desktop.controllers.imports.report import (
    IDENTITY_LABELS,
    IDENTITY_REFUSAL,
    ClosedApplication,
    IdentityChange,
    ImportResult,
)
from monmaster_desktop.controllers.records import application_facts, application_facts_select
from monmaster_desktop.controllers.views import CandidateData
from monmaster_desktop.domain import STATUS_FR, ApplicationStatus
from monmaster_desktop.io.columns import CANDIDATES
from monmaster_desktop.io.tabular import Table
from monmaster_desktop.models import Application, Candidate
from monmaster_desktop.rules.calendar import check_submission, fr_date, registration_deadline
from monmaster_desktop.rules.caps import CapTally
from monmaster_desktop.rules.facts import ApplicationFacts, RuleViolation
from monmaster_desktop.rules.outcomes import ACTIVE, check_consistency, check_single_definitive

#: Up to this many candidate numbers and INEs, an import reads only the stored rows it names.
SMALL_IMPORT = 500


class ImportCheck:
    """The rules of one import against the stored records, inside its write transaction."""

    def __init__(  # noqa: PLR0913
        self,
        session: Session,
        result: ImportResult,
        cand_table: Table | None,
        app_table: Table | None,
        refused: set[str],
        accept_identity_changes: bool = False,
    ):
        self.session = session
        self.accept_identity_changes = accept_identity_changes
        self.cand_present = cand_table.present if cand_table else frozenset()
        self.app_present = app_table.present if app_table else frozenset()
        #: Stored applications a definitive acceptance in the import closes: (id, candidate id,
        #: stored facts).
        self.closed_stored: list[tuple[int, int, ApplicationFacts]] = []
        #: Candidates whose own row was refused (their applications are checked all the same).
        self.refused: set[str] = refused
        self.result = result
        self.ctx = RulesContext.load(session)
        self.cand_report = RowProblems(cand_table, result.problems) if cand_table else None
        self.app_report = RowProblems(app_table, result.problems) if app_table else None
        self.cand_file = cand_table.path.name if cand_table else ""
        self.app_file = app_table.path.name if app_table else ""
        # existing candidates: number -> (id, CandidateData, version)
        self.existing: dict[str, tuple[int, CandidateData]] = {}
        self.ine_owner: dict[str, str] = {}
        self.existing_apps: dict[int, dict[tuple, tuple[int, ApplicationFacts]]] = {}
        self.merged: dict[str, list[ApplicationFacts]] = {}
        #: Optional application columns the file does not have (they keep the stored values).
        self._app_absent = [name for name in APP_OPTIONAL if name not in self.app_present]

    # -- checks ----------------------------------------------------------------------------

    def _load_existing(self, numbers: set[str], ines: set[str]) -> None:
        """The stored candidates the file names (``numbers``), the owners of the INEs it gives
        (``ines``) and those candidates' applications. A small file reads only those rows (by
        index); a large one reads each table once, which is then cheaper. Either way the
        checks see the same rows: an INE is looked up only among the file's own INEs and the
        stored INEs of the file's candidates."""
        columns = [getattr(Candidate, name) for name in CANDIDATE_FIELDS]
        query = select(Candidate.id, *columns)
        small = len(numbers) + len(ines) <= SMALL_IMPORT
        if small:
            query = query.where(
                or_(Candidate.candidate_number.in_(numbers), Candidate.ine.in_(ines))
            ).order_by(Candidate.id)
        for row in self.session.execute(query):
            data = CandidateData(**dict(zip(CANDIDATE_FIELDS, row[1:])))
            if data.ine:
                self.ine_owner[data.ine] = data.candidate_number
            if data.candidate_number in numbers:
                self.existing[data.candidate_number] = (row[0], data)
        ids = {cid for cid, _ in self.existing.values()}
        if not ids:
            return
        query = application_facts_select()
        if small:
            query = query.where(Application.candidate_id.in_(ids))
        for row in self.session.execute(query):
            if row[0] in ids:
                facts = application_facts(row)
                self.existing_apps.setdefault(row[0], {})[app_key(facts)] = (row[15], facts)

    def check(self, file_candidates: dict, app_rows: list[AppRow]) -> None:
        numbers = set(file_candidates) | {r.candidate_number for r in app_rows}
        ines = {data.ine for _, data in file_candidates.values() if data.ine}
        self._load_existing(numbers, ines)
        if file_candidates:
            self._keep_absent_candidate_columns(file_candidates)
            self._check_identity(file_candidates)
            self._check_ines(file_candidates)
        by_candidate = self._applications_by_candidate(file_candidates, app_rows)
        for number, rows in by_candidate.items():
            self._check_applications(number, rows)

    def _keep_absent_candidate_columns(self, file_candidates: dict) -> None:
        """A column the file does not have keeps each stored candidate's value."""
        absent = [name for name in CANDIDATE_OPTIONAL if name not in self.cand_present]
        if not absent:
            return
        for number, (line, data) in file_candidates.items():
            if number in self.existing:
                old = self.existing[number][1]
                file_candidates[number] = (
                    line,
                    replace(data, **{name: getattr(old, name) for name in absent}),
                )

    def _check_identity(self, file_candidates: dict) -> None:
        """A stored candidate's name or birth date changed by the file: listed, and refused
        unless the clerk accepted identity changes (FORMATS.md §2)."""
        for number, (line, data) in file_candidates.items():
            if number not in self.existing:
                continue
            old = self.existing[number][1]
            for name in IDENTITY_FIELDS:
                before, after = getattr(old, name), getattr(data, name)
                if before == after:
                    continue
                change = IdentityChange(
                    self.cand_file,
                    line,
                    number,
                    name,
                    _identity_text(before),
                    _identity_text(after),
                )
                self.result.identity_changes.append(change)
                if not self.accept_identity_changes:
                    self.cand_report.add(
                        line,
                        name,
                        f"{IDENTITY_REFUSAL} {number} : "
                        f"{IDENTITY_LABELS[name]} « {change.old} » → « {change.new} » ; refusé "
                        "sans --accept-identity-changes (ou l'accord donné dans la fenêtre "
                        "d'import)",
                    )

    def _check_ines(self, file_candidates: dict) -> None:
        """One INE, one owner once the import is written: the file's candidates first give up
        their stored INE, so that two of them may swap theirs."""
        owners = dict(self.ine_owner)
        for number in file_candidates:
            if number in self.existing:
                old_ine = self.existing[number][1].ine
                if old_ine and owners.get(old_ine) == number:
                    del owners[old_ine]
        for number, (line, data) in file_candidates.items():
            if not data.ine:
                continue
            owner = owners.get(data.ine)
            if owner is not None and owner != number:
                self.cand_report.add(
                    line,
                    "ine",
                    f"L'INE {data.ine} appartient déjà au candidat {owner} : un INE ne désigne "
                    "qu'un seul candidat.",
                )
            else:
                owners[data.ine] = number

    def _applications_by_candidate(
        self, file_candidates: dict, app_rows: list[AppRow]
    ) -> dict[str, list[AppRow]]:
        by_candidate: dict[str, list[AppRow]] = {}
        for row in app_rows:
            if row.candidate_number in self.refused:
                # Its candidate row was refused: its applications are still checked, so that
                # one pass reports every problem.
                by_candidate.setdefault(row.candidate_number, []).append(row)
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
        return by_candidate

    def _check_applications(self, number: str, rows: list[AppRow]) -> None:
        """One candidate's rows against the rules and the stored applications."""
        calendars = self.ctx.calendars
        cid = self.existing[number][0] if number in self.existing else None
        stored = self.existing_apps.get(cid) if cid is not None else None
        stored = dict(stored) if stored else {}
        absent = self._app_absent
        seen_keys: dict[tuple, int] = {}
        firsts: list[AppRow] = []
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
            firsts.append(row)
            if absent and key in stored:
                # A column the file does not have keeps the stored value.
                old = stored[key][1]
                row.facts = row.facts._replace(**{name: getattr(old, name) for name in absent})
        tallies: dict[int, CapTally] = {}
        if stored:
            kept = {key: value for key, value in stored.items() if key not in seen_keys}
            merged = [facts for _, facts in kept.values()]
            for facts in merged:
                tally = tallies.get(facts.campaign_year)
                if tally is None:
                    tally = tallies[facts.campaign_year] = CapTally()
                tally.add(facts, None)
            # Rows restating a stored application count first: the cap is reported at the
            # row that adds a mention, never at one the candidate already had.
            ordered = [row for row in firsts if row.app_key in stored]
            ordered += [row for row in firsts if row.app_key not in stored]
        else:
            kept, merged, ordered = {}, [], firsts
        valid: list[AppRow] = []
        for row in ordered:
            facts = row.facts
            year = facts.campaign_year
            calendar = calendars[year]
            problems = _row_problems(calendar, facts)
            for problem in problems:
                self._report_app(row.line, problem)
            tally = tallies.get(year)
            if tally is None:
                tally = tallies[year] = CapTally()
            try:
                tally.add(facts, None if row.app_key in stored else calendar.caps(facts.phase))
            except RuleViolation as problem:
                self._report_app(row.line, problem)
                continue
            if not problems:
                merged.append(facts)
                valid.append(row)
        try:
            check_single_definitive(merged)
        except RuleViolation as problem:
            last = max(
                (r.line for r in rows if r.facts.status is ApplicationStatus.ACCEPTED_DEFINITIVELY),
                default=rows[0].line,
            )
            self.app_report.add(last, "status", problem.message)
            self.merged[number] = merged
            return
        self.merged[number] = self._close_others(number, cid, merged, kept, valid, stored)

    def _report_app(self, line: int, problem: RuleViolation) -> None:
        column = APP_FIELD_COLUMN.get(problem.field or "-", problem.field or "-")
        self.app_report.add(line, column, problem.message)

    def _close_others(self, number, cid, merged, kept, rows, stored) -> list[ApplicationFacts]:  # noqa: ANN001
        """A definitive acceptance closes the candidate's other open applications of that
        campaign (RULES.md §5), on the import path as in the form; each one is listed."""
        accepted = {
            facts.campaign_year: facts
            for facts in merged
            if facts.status is ApplicationStatus.ACCEPTED_DEFINITIVELY
        }
        if not accepted:
            return merged

        def closes(facts: ApplicationFacts) -> ApplicationFacts | None:
            winner = accepted.get(facts.campaign_year)
            if winner is None or facts is winner or facts.status not in ACTIVE:
                return None
            return winner

        def listed(facts: ApplicationFacts, old_status: ApplicationStatus, winner) -> None:  # noqa: ANN001
            self.result.closed.append(
                ClosedApplication(
                    number,
                    facts.campaign_year,
                    " ".join(facts.mention.split()),
                    facts.institution_code,
                    STATUS_FR[old_status],
                    " ".join(winner.mention.split()),
                    " ".join(facts.parcours.split()),
                )
            )

        withdrawn = ApplicationStatus.WITHDRAWN
        result = []
        for app_id, facts in kept.values():
            winner = closes(facts)
            if winner is not None:
                self.closed_stored.append((app_id, cid, facts))
                listed(facts, facts.status, winner)
                facts = facts._replace(status=withdrawn)
            result.append(facts)
        for row in rows:
            winner = closes(row.facts)
            if winner is not None:
                before = stored.get(row.app_key)
                if before is None or before[1].status is not withdrawn:
                    listed(row.facts, before[1].status if before else row.facts.status, winner)
                row.facts = row.facts._replace(status=withdrawn)
            result.append(row.facts)
        return result


IDENTITY_FIELDS = ("last_name", "first_name", "birth_date")
#: Optional columns: absent from a file, they keep the stored value (FINDINGS: absent ≠ empty).
CANDIDATE_OPTIONAL = tuple(
    c.name for c in CANDIDATES.columns if not c.required and c.name != "candidate_number"
)
APP_OPTIONAL = ("waitlist_rank", "rejection_reason", "notified_on", "accepted_on", "registered_on")


def _row_problems(calendar, facts: ApplicationFacts) -> list[RuleViolation]:  # noqa: ANN001
    """Every rule one application breaks on its own (not a few: FORMATS.md §2)."""
    problems = []
    try:
        check_submission(calendar, facts.phase, facts.submitted_on)
    except RuleViolation as problem:
        problems.append(problem)
    try:
        check_consistency(facts)
    except RuleViolation as problem:
        problems.append(problem)
    if facts.accepted_on is not None:
        try:
            registration_deadline(calendar, facts.accepted_on, None)
        except RuleViolation as problem:
            problems.append(problem)
    return problems


def _identity_text(value: object) -> str:
    return fr_date(value) if isinstance(value, date) else str(value)
