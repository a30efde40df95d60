"""What an import tells the clerk: problems by file and line, counts, the preview of a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from monmaster_desktop.io.tabular import Table
from monmaster_desktop.io.writers import write_csv


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
