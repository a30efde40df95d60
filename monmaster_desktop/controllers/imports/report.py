"""What an import tells the clerk: problems by file and line, counts, the preview of a file."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from monmaster_desktop.io.tabular import Table
from monmaster_desktop.io.values import shown
from monmaster_desktop.io.writers import write_csv


class ImportCancelled(Exception):
    """The clerk cancelled: the transaction was rolled back, nothing was written."""


#: The command line prints this many problems, then a count of the rest (FORMATS.md §2).
SHOWN_PROBLEMS = 1000

_QUOTED = re.compile(r"«\s(.*?)\s»", re.DOTALL)


def _clean(message: str) -> str:
    """A message as one safe line: quoted values cut and invisible characters written out."""
    if len(message) < 400 and message.isprintable():
        return message
    message = _QUOTED.sub(lambda m: f"« {shown(m.group(1))} »", message)
    return shown(message, 2000)


@dataclass(frozen=True, slots=True, order=True)
class ImportProblem:
    file: str
    line: int
    column: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "column", _clean(self.column))
        object.__setattr__(self, "message", _clean(self.message))

    def line_text(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


@dataclass(frozen=True, slots=True)
class IdentityChange:
    """A stored candidate whose last name, first name or birth date the file changes."""

    file: str
    line: int
    candidate_number: str
    field: str  # last_name, first_name or birth_date
    old: str
    new: str

    def text_fr(self) -> str:
        label = IDENTITY_LABELS[self.field]
        return f"{self.candidate_number} : {label} « {self.old} » → « {self.new} »"


IDENTITY_REFUSAL = "changement d'identité du candidat"
IDENTITY_LABELS = {"last_name": "nom", "first_name": "prénom", "birth_date": "date de naissance"}


@dataclass(frozen=True, slots=True)
class ClosedApplication:
    """An open application the import withdrew because the candidate accepted another
    definitively in the same campaign (RULES.md §5)."""

    candidate_number: str
    campaign: int
    mention: str
    institution_code: str
    old_status: str  # French label
    accepted_mention: str
    parcours: str = ""

    @property
    def course(self) -> str:
        """The mention, and its parcours when there is one."""
        return f"{self.mention} — {self.parcours}" if self.parcours else self.mention

    def text_fr(self) -> str:
        return (
            f"{self.candidate_number} : « {self.course} » ({self.institution_code}, "
            f"campagne {self.campaign}) : {self.old_status} → Candidature retirée (acceptation "
            f"définitive de « {self.accepted_mention} »)"
        )


def _field_counts(counts: Counter[str]) -> str:
    return ", ".join(f"{name} ×{count}" for name, count in counts.most_common())


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
    #: How many stored values each column changed (column name -> count).
    candidate_changes: Counter[str] = field(default_factory=Counter)
    application_changes: Counter[str] = field(default_factory=Counter)
    identity_changes: list[IdentityChange] = field(default_factory=list)
    closed: list[ClosedApplication] = field(default_factory=list)
    written: bool = False

    def refused_only_for_identity(self) -> bool:
        """Refused, and only because identity changes were not accepted (the window asks)."""
        return bool(self.problems) and all(
            p.message.startswith(IDENTITY_REFUSAL) for p in self.problems
        )

    def files_fr(self) -> list[str]:
        """How each file was read (format, encoding, separator)."""
        return [file_shape_fr(table) for table in self.tables]

    def summary_fr(self) -> str:
        if self.problems:
            return f"Import refusé : {len(self.problems)} problème(s), rien n'a été enregistré."
        verb = "Import terminé" if self.written else "Vérification terminée (rien d'écrit)"
        candidates = (
            f"candidats {self.candidates_created} créé(s), {self.candidates_updated} mis à jour"
        )
        if self.candidate_changes:
            candidates += f" ({_field_counts(self.candidate_changes)})"
        applications = (
            f"candidatures {self.applications_created} créée(s), "
            f"{self.applications_updated} mise(s) à jour"
        )
        if self.application_changes:
            applications += f" ({_field_counts(self.application_changes)})"
        return (
            f"{verb} : {candidates}, {self.candidates_unchanged} inchangé(s) ; "
            f"{applications}, {self.applications_unchanged} inchangée(s)."
        )

    def report_lines(self) -> list[str]:
        """Everything the command line prints after a successful import or check."""
        lines = [*self.files_fr(), self.summary_fr()]
        if self.identity_changes:
            lines.append(f"Changements d'identité acceptés ({len(self.identity_changes)}) :")
            lines += [f"  {change.text_fr()}" for change in self.identity_changes]
        if self.closed:
            lines.append(
                f"Candidatures closes par une acceptation définitive ({len(self.closed)}) :"
            )
            lines += [f"  {closed.text_fr()}" for closed in self.closed]
        return lines

    def problem_lines(self, limit: int = SHOWN_PROBLEMS) -> list[str]:
        """One line per problem, the first ``limit`` of them, then a count of the rest."""
        lines = [problem.line_text() for problem in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(
                f"… et {len(self.problems) - limit} autre(s) problème(s) non affiché(s) "
                f"({len(self.problems)} en tout ; rien n'a été enregistré)."
            )
        return lines


ENCODING_FR = {
    "utf-8-sig": "UTF-8 avec BOM",
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252",
}


def file_shape_fr(table: Table) -> str:
    if table.kind == "xlsx":
        return f"{table.path.name} : classeur Excel .xlsx, {len(table.rows)} ligne(s)."
    separator = "point-virgule" if table.delimiter == ";" else "virgule"
    return (
        f"{table.path.name} : CSV lu en {ENCODING_FR.get(table.encoding or '', table.encoding)}, "
        f"séparateur {separator}, {len(table.rows)} ligne(s)."
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
    #: Unknown header -> the column it probably means (shown, never applied without the clerk).
    suggestions: dict[str, str]
    ignored_columns: list[str]  # headers the clerk left out
    #: Columns holding values under an empty header: column number -> first line with one.
    unnamed_columns: dict[int, int]
    missing_required: list[str]  # French titles of the required columns the file lacks
    first_rows: list[tuple[int, list[str]]]  # (line, values in the order of ``columns``)


PREVIEW_ROWS = 20
REPORT_HEADERS = ("Fichier", "Ligne", "Colonne", "Message")


def write_report(path: Path, problems: list[ImportProblem]) -> None:
    """The refused rows as a CSV file for Excel (file, line, column, message)."""
    write_csv(path, REPORT_HEADERS, ((p.file, p.line, p.column, p.message) for p in problems))
