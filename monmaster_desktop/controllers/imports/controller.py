"""One import path for the command line and the window: read, check, then write all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from monmaster_desktop.controllers.imports.cells import parse_applications, parse_candidates
from monmaster_desktop.controllers.imports.checking import ImportCheck
from monmaster_desktop.controllers.imports.report import (
    PREVIEW_ROWS,
    ColumnPreview,
    FilePreview,
    ImportCancelled,
    ImportProblem,
    ImportResult,
)
from monmaster_desktop.controllers.imports.writing import ImportWriter
from monmaster_desktop.controllers.records import gc_paused
from monmaster_desktop.db import Database, DatabaseBusy, record_key
from monmaster_desktop.io.columns import APPLICATIONS, CANDIDATES, FRENCH_HEADERS
from monmaster_desktop.io.tabular import Assigned, TableError, read_table
from monmaster_desktop.models import Campaign, Candidate

Progress = Callable[[float, str], None]


SPECS = {"candidates": CANDIDATES, "applications": APPLICATIONS}
UNNAMED_COLUMN = (
    "des valeurs sous un en-tête vide ne seraient pas importées : donnez un en-tête à cette "
    "colonne (dans la fenêtre d'import, vous pourrez choisir de ne pas l'importer)"
)


@dataclass(frozen=True, slots=True)
class _Options:
    dry_run: bool
    assigned: Mapping[str, Assigned]
    accept_identity_changes: bool


class ImportController:
    """One import path for the command line and the window."""

    def __init__(self, db: Database):
        self.db = db

    @staticmethod
    def preview(path: Path, kind: str, assigned: Assigned | None = None) -> FilePreview:
        """Read one file as the ``kind`` file; raise TableError when it is no table at all."""
        spec = SPECS[kind]
        table = read_table(path, spec, assigned)
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
            suggestions={h: s for h in table.unknown_columns if (s := spec.suggest(h))},
            ignored_columns=list(table.ignored_columns),
            unnamed_columns=dict(table.unnamed_columns),
            missing_required=[FRENCH_HEADERS[name] for name in table.missing_required],
            first_rows=[
                (row.line, [row.values[name] for name in mapped])
                for row in table.rows[:PREVIEW_ROWS]
            ],
        )

    def read(
        self,
        candidates: Path | None,
        applications: Path | None,
        assigned: Mapping[str, Assigned] | None = None,
    ) -> ImportResult:
        """Read the files and report their shape (encoding, separator, columns) without checks.

        A header the import does not know refuses the file, unless ``assigned`` (by kind:
        ``candidates`` / ``applications``) says which column it is or leaves it out: a
        misspelt ``email`` header must not pass for an absent column (absent = as stored).
        """
        result = ImportResult()
        for path, kind in ((candidates, "candidates"), (applications, "applications")):
            if path is None:
                continue
            spec = SPECS[kind]
            try:
                table = read_table(path, spec, (assigned or {}).get(kind))
            except TableError as exc:
                result.problems.append(ImportProblem(Path(path).name, 1, "-", str(exc)))
                continue
            result.tables.append(table)
            for name in table.missing_required:
                result.problems.append(
                    ImportProblem(table.path.name, 1, name, "colonne obligatoire absente")
                )
            for number, line in table.unnamed_columns.items():
                result.problems.append(
                    ImportProblem(table.path.name, line, f"colonne {number}", UNNAMED_COLUMN)
                )
            for header in table.unknown_columns:
                suggestion = spec.suggest(header)
                hint = f" (« {FRENCH_HEADERS[suggestion]} » / {suggestion} ?)" if suggestion else ""
                result.problems.append(
                    ImportProblem(
                        table.path.name,
                        1,
                        header,
                        f"colonne inconnue{hint} : l'import est refusé pour ne rien perdre ; "
                        "renommez l'en-tête ou attribuez la colonne dans la fenêtre d'import",
                    )
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
        assigned: Mapping[str, Assigned] | None = None,
        accept_identity_changes: bool = False,
        keep: list | None = None,
    ) -> ImportResult:
        """Check everything, then write everything, or nothing at all.

        ``assigned``: the clerk's choices for unknown headers, by kind (see :meth:`read`).
        ``accept_identity_changes``: a stored candidate's name or birth date may change
        (FORMATS.md §2); otherwise each change is a refused row.
        ``keep``: a list the import's working data (rows read, facts, checks) is added to
        instead of being freed on return — for a process that ends right after and leaves
        the system to take back its memory at once (freeing millions of small objects one by
        one takes about a second on a large file).
        """
        options = _Options(dry_run, assigned or {}, accept_identity_changes)
        with gc_paused():
            return self._run(candidates, applications, options, progress, is_cancelled, keep)

    def _records(self, file_candidates: dict, app_rows: list) -> tuple[list[int], list[str]]:
        """What a small import writes, for a write that locks only that: the stored
        candidates it matches and the unique values it gives (numbers, INEs, institutions).
        A large one (more than the base's ``RECORD_LOCKS_MAX``) writes as a whole-base write:
        ([], [])."""
        numbers = set(file_candidates) | {row.candidate_number for row in app_rows}
        keys = {record_key("candidate_number", number) for number in numbers}
        keys |= {record_key("ine", data.ine) for _, data in file_candidates.values() if data.ine}
        keys |= {record_key("institution", row.course_key[0]) for row in app_rows}
        if not keys or len(keys) * 2 > self.db.RECORD_LOCKS_MAX:
            return [], []
        with self.db.read() as session:
            ids = session.scalars(
                select(Candidate.id).where(Candidate.candidate_number.in_(numbers))
            ).all()
        return sorted(ids), sorted(keys)

    def _run(self, candidates, applications, options, progress, is_cancelled, keep) -> ImportResult:  # noqa: ANN001, PLR0913
        def step(fraction: float, text: str) -> None:
            if is_cancelled is not None and is_cancelled():
                raise ImportCancelled()
            if progress is not None:
                progress(fraction, text)

        step(0.0, "Lecture des fichiers")
        result = self.read(candidates, applications, options.assigned)
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
        today = date.today()  # dates entered are not in the future (RULES.md §8)
        file_candidates = (
            parse_candidates(cand_table, problems, refused, today) if cand_table else {}
        )
        step(0.25, "Vérification des candidatures")
        app_rows = parse_applications(app_table, problems, campaigns, today) if app_table else []
        if keep is not None:
            keep.append((file_candidates, app_rows))
        step(0.4, "Contrôle des règles")
        locked, keys = self._records(file_candidates, app_rows)
        with self.db.write(candidates=locked, keys=keys) as session:
            check = ImportCheck(
                session, result, cand_table, app_table, refused, options.accept_identity_changes
            )
            if keep is not None:
                keep.append(check)
            check.check(file_candidates, app_rows)
            if keys and {cid for cid, _ in check.existing.values()} - set(locked):
                # A candidate renumbered into the file on another desk since it was looked up:
                # its records are not locked by this import, which stops, nothing written.
                raise DatabaseBusy(
                    "Un candidat du fichier vient d'être modifié sur un autre poste : "
                    "relancez l'import ; rien n'a été enregistré."
                )
            if result.problems:
                result.problems.sort()
                session.rollback()
                return result
            step(0.6, "Enregistrement")
            ImportWriter(check, self.db.user_name()).write(file_candidates, app_rows, step)
            if options.dry_run:
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
