"""Enrolment status sheets: HTML template -> QTextDocument -> PDF, printer or print preview."""

from monmaster_desktop.printing.sheets import (
    SheetsCancelled,
    build_sheet_html,
    configure_printer,
    paint_sheets,
    print_sheets,
    render_pdf,
)

__all__ = [
    "SheetsCancelled",
    "build_sheet_html",
    "configure_printer",
    "paint_sheets",
    "print_sheets",
    "render_pdf",
]
