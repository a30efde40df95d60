"""The checks of an import that need the database: INE owners, caps with the stored
applications, calendars, a single definitive acceptance."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from monmaster_desktop.controllers.candidates import CANDIDATE_FIELDS
from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.imports.cells import (
    APP_FIELD_COLUMN,
    AppRow,
    RowProblems,
    app_key,
)
from monmaster_desktop.controllers.imports.report import ImportResult
from monmaster_desktop.controllers.records import application_facts, application_facts_select
from monmaster_desktop.controllers.views import CandidateData
from monmaster_desktop.domain import ApplicationStatus
from monmaster_desktop.models import Candidate
from monmaster_desktop.rules.calendar import check_submission, registration_deadline
from monmaster_desktop.rules.caps import CapTally
from monmaster_desktop.rules.facts import ApplicationFacts, RuleViolation
from monmaster_desktop.rules.outcomes import check_consistency, check_single_definitive


class ImportCheck:
    """The rules of one import against the stored records, inside its write transaction."""

    def __init__(self, session: Session, result: ImportResult, cand_table, app_table, refused):  # noqa: ANN001
        self.session = session
        #: Candidates whose own row was refused: their applications are not reported again.
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
        for row in self.session.execute(application_facts_select()):
            if row[0] in ids:
                facts = application_facts(row)
                self.existing_apps.setdefault(row[0], {})[app_key(facts)] = (row[15], facts)

    def check(self, file_candidates: dict, app_rows: list[AppRow]) -> None:
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
        by_candidate: dict[str, list[AppRow]] = {}
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
