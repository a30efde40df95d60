"""Import of candidates and applications files: all or nothing, every bad row reported.

The same rules as the form (controllers/validation.py and rules/) on a fast path: cells are
parsed once (``cells``), rows are checked against the stored records with an incremental cap
tally (``checking``), then written with the engine's bulk path in one write transaction,
audited (the rows of created records by ``INSERT … SELECT``), with the stored status refreshed
(``writing``; on a large import from the command line, computed meanwhile in a forked copy of
the process: ``forked``). ``controller`` runs the steps; ``report`` holds what the clerk is told.
"""

from monmaster_desktop.controllers.imports.controller import ImportController
from monmaster_desktop.controllers.imports.report import (
    PREVIEW_ROWS,
    REPORT_HEADERS,
    ClosedApplication,
    ColumnPreview,
    FilePreview,
    IdentityChange,
    ImportCancelled,
    ImportProblem,
    ImportResult,
    write_report,
)

__all__ = [
    "PREVIEW_ROWS",
    "REPORT_HEADERS",
    "ClosedApplication",
    "ColumnPreview",
    "FilePreview",
    "IdentityChange",
    "ImportCancelled",
    "ImportController",
    "ImportProblem",
    "ImportResult",
    "write_report",
]
