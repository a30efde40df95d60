"""Enrolment status sheets: CandidateFile -> HTML -> QTextDocument -> one PDF or a printer."""

from __future__ import annotations

import html
import json
import logging
import os
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QFile,
    QFileDevice,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextFrameFormat,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter

from monmaster_desktop.controllers.views import ApplicationView, CandidateFile
from monmaster_desktop.domain import (
    PHASE_FR,
    REASON_FR,
    REJECTION_FR,
    ROUTE_FR,
    STATUS_FR,
    ApplicationStatus,
    Flag,
    Phase,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.io.writers import (
    pdf_is_whole,
    private_temporary,
    sync_file,
    write_failure,
)
from monmaster_desktop.paths import resource

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]

#: Where the template's ``<img src="$logo_src">`` points; the logo is added as a resource.
LOGO_URL = "monmaster-sheet:logo"
#: A4 portrait; margins in millimetres (left, top, right, bottom). The footer sits inside.
PAGE_MARGINS_MM = QMarginsF(16.0, 13.0, 16.0, 9.0)
#: Height kept free at the bottom of every page for the footer, in millimetres.
FOOTER_MM = 9.0
FOOTER_FAMILIES = ["Segoe UI", "DejaVu Sans", "Arial", "Helvetica"]
FOOTER_POINT_SIZE = 7.0

_PHASE_ORDER = {phase: index for index, phase in enumerate(Phase)}
_app: QGuiApplication | None = None


class SheetsCancelled(Exception):
    """The clerk cancelled a batch of sheets."""


# ----------------------------------------------------------------------------- resources


@dataclass(frozen=True, slots=True)
class SheetTemplate:
    """The office-editable parts of the sheet: HTML layout with CSS, and the sentences."""

    layout: string.Template
    wording: Mapping[str, Any]

    def say(self, key: str, **values: object) -> str:
        """The wording ``key`` with its placeholders filled, HTML-escaped."""
        text = str(self.wording[key])
        return html.escape(text.format(**values) if values else text)


@cache
def load_template(folder: Path | None = None) -> SheetTemplate:
    """Read ``sheet.html`` and ``wording.json`` once (from ``resources/sheet`` by default)."""
    base = folder or resource("sheet")
    layout = string.Template((base / "sheet.html").read_text(encoding="utf-8"))
    wording = json.loads((base / "wording.json").read_text(encoding="utf-8"))
    if folder is None:
        wording = {**wording, **site_wording()}  # the office's sentences; shipped ones for the rest
    return SheetTemplate(layout=layout, wording=wording)


def site_wording() -> dict[str, Any]:
    """The sentences of the site configuration's ``[sheet] wording`` file (FORMATS.md §6)."""
    from monmaster_desktop.site import current_site

    path = current_site().wording
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        log.warning("site wording file unreadable (%s): shipped sentences used", type(exc).__name__)
        return {}
    return data if isinstance(data, dict) else {}


@cache
def load_logo(path: Path | None = None) -> QImage:
    """The office logo (site configuration, else ``resources/sheet/logo.png``), loaded once."""
    from monmaster_desktop.site import current_site

    image = QImage(str(path or current_site().logo or resource("sheet", "logo.png")))
    if image.isNull():  # a missing or broken logo must not stop the printing
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
    return image


def ensure_app() -> QGuiApplication:
    """The running Qt GUI application, or a new one (offscreen from the command line)."""
    global _app
    existing = QCoreApplication.instance()
    if existing is None:
        _app = QGuiApplication([])
        return _app
    if not isinstance(existing, QGuiApplication):
        raise RuntimeError("Printing sheets needs a QGuiApplication, not a QCoreApplication.")
    return existing


def sheet_page_layout() -> QPageLayout:
    """A4 portrait with the sheet's margins."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        PAGE_MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def configure_printer(printer: QPrinter) -> None:
    """Give a printer the sheet's page layout (A4 portrait, margins) before dialogs show it."""
    printer.setPageLayout(sheet_page_layout())
    printer.setDocName("Fiches de situation Mon Master")


# ----------------------------------------------------------------------------- HTML


def fr_date(day: date | None) -> str:
    """DD/MM/YYYY, or an empty string."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else ""


def _esc(value: object) -> str:
    return html.escape(str(value))


def _institution_label(view: ApplicationView) -> str:
    return view.institution_name or view.data.institution_name or view.data.institution_code


def _identity(file: CandidateFile, t: SheetTemplate) -> str:
    person = file.candidate
    ine = _esc(person.ine) if person.ine else f'<span class="label">{t.say("ine_missing")}</span>'
    campaign = (
        _esc(file.campaign_year)
        if file.campaign_year
        else f'<span class="label">{t.say("campaign_year_missing")}</span>'
    )
    rows = [
        (
            t.say("name"),
            _esc(file.full_name),
            t.say("candidate_number"),
            _esc(person.candidate_number),
        ),
        (t.say("birth_date"), fr_date(person.birth_date), t.say("ine"), ine),
        (t.say("campaign_year"), campaign, "", ""),
    ]
    cells = "".join(
        f'<tr><td class="label" width="18%">{a}</td><td class="value" width="37%">{b}</td>'
        f'<td class="label" width="17%">{c}</td><td class="value">{d}</td></tr>'
        for a, b, c, d in rows
    )
    return f'<table class="identity" width="100%" cellspacing="0" cellpadding="1" style="margin-bottom: 8px">{cells}</table>'


def _eligibility(file: CandidateFile, t: SheetTemplate) -> str:
    verdict = file.assessment.eligibility
    if verdict.eligible:
        return f'<p class="ok">{t.say("eligible")}</p>'
    lead = t.say("not_eligible" if len(verdict.reasons) == 1 else "not_eligible_many")
    reasons = "".join(f"<li>{_esc(REASON_FR[reason])}</li>" for reason in verdict.reasons)
    return (
        '<table class="alert" width="100%" cellspacing="0" cellpadding="6"><tr><td>'
        f'<p class="ko">{lead}</p><ul>{reasons}</ul>'
        f'<p class="procedure">{t.say("other_procedure")}</p>'
        "</td></tr></table>"
    )


def _registration(file: CandidateFile, t: SheetTemplate) -> str:
    reg = file.assessment.registration
    if reg is None:
        return ""
    course = f"<b>{_esc(reg.mention)}</b>"
    if reg.parcours:
        course += f" — parcours {_esc(reg.parcours)}"
    course += (
        f'<br><span class="small">{_esc(file.home_institution_name)} '
        f"({_esc(reg.institution_code)})</span>"
    )
    deadline = (
        f'<span class="deadline">{fr_date(reg.deadline)}</span>'
        if reg.deadline
        else f'<span class="deadline">{t.say("deadline_by_head")}</span>'
    )
    routes = t.wording.get("routes", {})
    route = f'<span class="route">{_esc(ROUTE_FR[reg.route])}</span>'
    if sentence := routes.get(reg.route.value):
        route += f"<br>{_esc(sentence)}"
    registered = (
        t.say("registered", date=fr_date(reg.registered_on))
        if reg.registered_on
        else t.say("not_registered")
    )
    rows = [
        (t.say("accepted_course"), course),
        (t.say("accepted_on"), fr_date(reg.accepted_on)),
        (t.say("deadline"), deadline),
        (t.say("route"), route),
        (t.say("registered_on"), registered),
    ]
    cells = "".join(
        f'<tr><td class="label" width="25%">{label}</td><td>{value}</td></tr>'
        for label, value in rows
    )
    return (
        f'<p class="h">{t.say("registration_heading")}</p>'
        '<table class="box" width="100%" cellspacing="0" cellpadding="6"><tr><td>'
        f'<table width="100%" cellspacing="0" cellpadding="2">{cells}</table>'
        "</td></tr></table>"
    )


def _actions(file: CandidateFile, t: SheetTemplate) -> str:
    assessment = file.assessment
    flags = set(assessment.flags)
    reg = assessment.registration
    items: list[str] = []
    if assessment.must_contact_registrar:
        items.append(f'<span class="urgent">{t.say("must_contact")}</span>')
    if Flag.INTERRUPTED_ENROLMENT in flags:
        items.append(t.say("interrupted"))
    if Flag.DEADLINE_SET_BY_HEAD in flags:
        items.append(t.say("deadline_set_by_head"))
    if Flag.REGISTRATION_OVERDUE in flags:
        items.append(f'<span class="urgent">{t.say("overdue")}</span>')
    elif reg is not None and reg.deadline is not None and reg.registered_on is None:
        sentence = t.say("register_by", deadline="\x00")
        items.append(sentence.replace("\x00", f"<b>{fr_date(reg.deadline)}</b>"))
    if Flag.NOT_ELIGIBLE in flags:
        items.append(t.say("apply_other_procedure"))
    names = {a.data.institution_code: _institution_label(a) for a in file.applications}
    for window in assessment.explanation_deadlines:
        if window.notified_on <= assessment.as_of <= window.last_day:  # still open
            sentence = t.say(
                "explanation",
                last_day="\x00",
                mention=window.mention,
                institution=names.get(window.institution_code, window.institution_code),
            )
            items.append(sentence.replace("\x00", f"<b>{fr_date(window.last_day)}</b>"))
    if not items:
        return f"<p>{t.say('no_action')}</p>"
    return "<ul>" + "".join(f'<li class="action">{item}</li>' for item in items) + "</ul>"


def _counts(file: CandidateFile, t: SheetTemplate) -> str:
    counted = file.assessment.counted
    lines = []
    for phase in sorted(file.caps, key=_PHASE_ORDER.__getitem__):
        caps = file.caps[phase]
        lines.append(
            "<p>"
            + t.say(
                "counts_line",
                phase=PHASE_FR[phase],
                initial=counted.get(phase, TrainingType.INITIAL),
                cap_initial=caps.initial,
                alternance=counted.get(phase, TrainingType.ALTERNANCE),
                cap_alternance=caps.alternance,
            )
            + "</p>"
        )
    lines.append(f'<p class="small">{t.say("counts_note")}</p>')
    return "".join(lines)


#: RULES.md §8: an event after the sheet's date is shown as later, never as done.
_LATER = "postérieur à la date de référence"


def _later_text(t: SheetTemplate) -> str:
    return _esc(t.wording.get("later", _LATER))


def _status_cell(view: ApplicationView, t: SheetTemplate) -> str:
    data = view.data
    if view.later and view.status_as_of is not data.status:
        shown = STATUS_FR[view.status_as_of] if view.status_as_of else "—"
        return (
            f"<b>{_esc(shown)}</b><br>"
            f'<span class="small">{_esc(STATUS_FR[data.status])} : {_later_text(t)}</span>'
        )
    parts = [f"<b>{_esc(STATUS_FR[data.status])}</b>"]
    if data.status is ApplicationStatus.WAITLISTED and data.waitlist_rank is not None:
        parts.append(t.say("waitlist_rank", rank=data.waitlist_rank))
    if data.status is ApplicationStatus.REJECTED and data.rejection_reason is not None:
        reason = REJECTION_FR[data.rejection_reason]
        if data.rejection_reason is RejectionReason.OTHER and data.rejection_detail:
            reason = data.rejection_detail
        parts.append(t.say("rejection_reason", reason=reason))
    if not view.counted:
        parts.append(f'<span class="small">{t.say("not_counted")}</span>')
    return "<br>".join(parts)


def _dates_cell(view: ApplicationView, t: SheetTemplate) -> str:
    data = view.data
    pairs = (
        ("date_submitted", "submitted_on", data.submitted_on),
        ("date_notified", "notified_on", data.notified_on),
        ("date_accepted", "accepted_on", data.accepted_on),
        ("date_registered", "registered_on", data.registered_on),
    )
    items = [
        f'<span style="white-space: nowrap"><span class="label">{t.say(key)}</span>&nbsp;'
        f"{fr_date(day)}</span>"
        if name not in view.later
        else f'<span class="small">{t.say(key)}&nbsp;{fr_date(day)} : {_later_text(t)}</span>'
        for key, name, day in pairs
        if day
    ]
    return "<br>".join(items)


def _applications(file: CandidateFile, t: SheetTemplate, breaks: tuple[int, ...] = ()) -> str:
    if not file.applications:
        return f"<p>{t.say('no_applications')}</p>"
    views = sorted(
        file.applications,
        key=lambda v: (
            _PHASE_ORDER[v.data.phase],
            v.data.submitted_on,
            _institution_label(v).casefold(),
            v.data.mention.casefold(),
        ),
    )
    head = (
        f'<thead><tr><th width="21%">{t.say("col_institution")}</th>'
        f'<th width="22%">{t.say("col_course")}</th>'
        f'<th width="16%">{t.say("col_mode")}</th>'
        f'<th width="19%">{t.say("col_status")}</th>'
        f'<th width="22%">{t.say("col_dates")}</th></tr></thead>'
    )
    rows = []
    for view in views:
        data = view.data
        course = f"<b>{_esc(data.mention)}</b>"
        if data.parcours:
            course += f"<br>{_esc(data.parcours)}"
        rows.append(
            "<tr>"
            f'<td class="app">{_esc(_institution_label(view))}<br><span class="small">'
            f"UAI {_esc(data.institution_code)}</span></td>"
            f'<td class="app">{course}</td>'
            f'<td class="app">{_esc(t.say("mode_" + data.training_type.value))}<br>'
            f"{_esc(t.say('phase_' + data.phase.value))}</td>"
            f'<td class="app">{_status_cell(view, t)}</td>'
            f'<td class="app">{_dates_cell(view, t)}</td>'
            "</tr>"
        )
    tables = []
    for start, end in zip((0, *breaks), (*breaks, len(rows)), strict=True):
        page_break = ' style="page-break-before: always"' if start else ""
        tables.append(
            f'<table class="apps" width="100%" border="1" cellspacing="0" cellpadding="3"'
            f"{page_break}>{head}<tbody>{''.join(rows[start:end])}</tbody></table>"
        )
    return "".join(tables)


def _stamp(t: SheetTemplate) -> str:
    blank = "<br>&nbsp;" * 4
    return (
        '<p>&nbsp;</p><table class="stamp" align="right" width="46%" cellspacing="0" '
        f'cellpadding="6"><tr><td><span class="label">{t.say("stamp")}</span>{blank}'
        "</td></tr></table>"
    )


def build_sheet_html(file: CandidateFile, *, printed_on: date, clerk: str) -> str:
    """The HTML of one candidate's sheet (the footer, drawn per page, is not in it)."""
    del printed_on, clerk  # the footer carries them; kept so every entry point reads alike
    return _sheet_html(file)


def _sheet_html(file: CandidateFile, breaks: tuple[int, ...] = ()) -> str:
    """The sheet's HTML; the applications table restarts on a new page before ``breaks``."""
    t = load_template()
    year = file.campaign_year
    values = {
        "logo_src": LOGO_URL,
        "institution_name": _esc(file.home_institution_name),
        "office": t.say("office"),
        "campaign_label": t.say("campaign", year=year) if year else t.say("campaign_missing"),
        "title": t.say("title"),
        "as_of": t.say("as_of", as_of=fr_date(file.assessment.as_of)),
        "identity_heading": t.say("identity_heading"),
        "identity": _identity(file, t),
        "eligibility_heading": t.say("eligibility_heading"),
        "eligibility": _eligibility(file, t),
        "registration": _registration(file, t),
        "actions_heading": t.say("actions_heading"),
        "actions": _actions(file, t),
        "counts_heading": t.say("counts_heading"),
        "counts": _counts(file, t),
        "applications_heading": t.say("applications_heading"),
        "applications": _applications(file, t, breaks),
        "stamp": _stamp(t),
    }
    return t.layout.safe_substitute(values)


def footer_text(*, printed_on: date, clerk: str, page: int, pages: int) -> str:
    """« Édité le DD/MM/YYYY par <clerk> — page X/Y » (plain text, drawn by the painter)."""
    text = str(load_template().wording["footer"])
    return text.format(printed_on=fr_date(printed_on), clerk=clerk, page=page, pages=pages)


# ----------------------------------------------------------------------------- painting


@dataclass(frozen=True, slots=True)
class _PageGeometry:
    """The paint device's page, in device pixels: document body above, footer below."""

    width: float
    body_height: float
    footer_top: float
    footer_height: float
    footer_font: QFont

    @classmethod
    def of(cls, device: QPagedPaintDevice) -> _PageGeometry:
        width, height = float(device.width()), float(device.height())
        footer = FOOTER_MM / 25.4 * device.logicalDpiY()
        font = QFont()
        font.setFamilies(FOOTER_FAMILIES)
        font.setPointSizeF(FOOTER_POINT_SIZE)
        return cls(width, height - footer, height - footer, footer, font)


def _straddles(top: float, bottom: float, page_height: float) -> bool:
    return int(top // page_height) != int((bottom - 1) // page_height)


def _first_cut_row(doc: QTextDocument, page_height: float) -> int | None:
    """The index (among all applications) of the first table row cut by a page break."""
    layout = doc.documentLayout()
    index = 0
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.format().headerRowCount() == 0:
            continue
        for row in range(frame.format().headerRowCount(), frame.rows()):
            cells = [frame.cellAt(row, column) for column in range(frame.columns())]
            top = min(
                layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells
            )
            bottom = max(
                layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells
            )
            if bottom - top < page_height / 2 and _straddles(top, bottom, page_height):
                return index
            index += 1
    return None


def _keep_boxes_whole(doc: QTextDocument, page_height: float) -> None:
    """Move a small boxed table (registration, stamp) that straddles two pages to the next."""
    layout = doc.documentLayout()
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.format().headerRowCount() > 0:
            continue
        box = layout.frameBoundingRect(frame)
        if box.height() >= page_height:
            continue
        if _straddles(box.top(), box.bottom(), page_height):
            fmt = frame.format()
            fmt.setPageBreakPolicy(QTextFrameFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            frame.setFormat(fmt)


def _document(
    file: CandidateFile,
    device: QPagedPaintDevice,
    geometry: _PageGeometry,
    *,
    printed_on: date,
    clerk: str,
) -> QTextDocument:
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(geometry.width, geometry.body_height))
    logo = load_logo()
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), logo)
    doc.setHtml(_sheet_html(file))
    if doc.pageCount() > 1:  # rare: only then pay for the finer page breaking
        breaks: tuple[int, ...] = ()
        while (row := _first_cut_row(doc, geometry.body_height)) is not None and row not in breaks:
            breaks = (*breaks, row)  # restart the table (and its header) on the next page
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), logo)
            doc.setHtml(_sheet_html(file, breaks))
        _keep_boxes_whole(doc, geometry.body_height)
    return doc


def _draw_footer(painter: QPainter, geometry: _PageGeometry, left: str, right: str) -> None:
    painter.save()
    painter.setFont(geometry.footer_font)
    pen = QPen(QColor("#9aa5b1"))
    pen.setWidthF(geometry.footer_height / 120)
    painter.setPen(pen)
    top = geometry.footer_top + geometry.footer_height * 0.35
    painter.drawLine(0, round(top), round(geometry.width), round(top))
    painter.setPen(QColor("#55606e"))
    text_box = QRectF(0, top, geometry.width, geometry.footer_height - (top - geometry.footer_top))
    middle = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | middle, left)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | middle, right)
    painter.restore()


def paint_sheets(
    painter: QPainter,
    device: QPagedPaintDevice,
    files: Iterable[CandidateFile],
    *,
    printed_on: date,
    clerk: str,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> int:
    """Draw the sheets with an active ``painter`` on ``device``, each from a new page.

    Returns the pages drawn. Raises SheetsCancelled when ``is_cancelled()`` turns true
    (checked before each sheet); ``progress(n)`` is called after the n-th sheet.
    """
    geometry = _PageGeometry.of(device)
    pages = 0
    for done, file in enumerate(files, start=1):
        if is_cancelled is not None and is_cancelled():
            raise SheetsCancelled
        doc = _document(file, device, geometry, printed_on=printed_on, clerk=clerk)
        count = doc.pageCount()
        who = f"{file.full_name} — n° {file.candidate.candidate_number}"
        for page in range(count):
            if pages:
                device.newPage()
            top = page * geometry.body_height
            painter.save()
            painter.translate(0, -top)
            doc.drawContents(painter, QRectF(0, top, geometry.width, geometry.body_height))
            painter.restore()
            right = footer_text(printed_on=printed_on, clerk=clerk, page=page + 1, pages=count)
            _draw_footer(painter, geometry, who, right)
            pages += 1
        if progress is not None:
            progress(done)
    return pages


def render_pdf(
    files: Iterable[CandidateFile],
    out_path: str | os.PathLike[str],
    *,
    printed_on: date,
    clerk: str,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> int:
    """Write every candidate's sheet into ONE A4 PDF (owner-only file); returns pages written.

    The file appears only when complete: on cancel (or when there is nothing to print) no file
    is left and 0 is returned; on error the exception propagates and no file is left.
    """
    ensure_app()
    target = Path(out_path)
    temp = private_temporary(target)
    pages = 0
    device = QFile(str(temp))
    try:
        if not device.open(QIODevice.OpenModeFlag.WriteOnly):
            raise write_failure(target, device.errorString())
        writer = QPdfWriter(device)
        writer.setPageLayout(sheet_page_layout())
        writer.setCreator("Mon Master Desk")
        writer.setTitle("Fiches de situation Mon Master")
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"Impossible d'écrire le PDF : {target}")
        try:
            pages = paint_sheets(
                painter,
                writer,
                files,
                printed_on=printed_on,
                clerk=clerk,
                progress=progress,
                is_cancelled=is_cancelled,
            )
        finally:
            ended = painter.end()
            del writer
            flushed = device.flush()
            failure = None if device.error() == QFileDevice.FileError.NoError else device.errorString()
            device.close()
        # The writer does not say when the disk refused its bytes: ask the file, then the PDF.
        if pages and (not ended or not flushed or failure or not pdf_is_whole(temp)):
            raise write_failure(target, failure)
        sync_file(temp)
    except SheetsCancelled:
        temp.unlink(missing_ok=True)
        return 0
    except BaseException:
        if device.isOpen():
            device.close()
        temp.unlink(missing_ok=True)
        raise
    if pages == 0:
        temp.unlink(missing_ok=True)
        return 0
    os.chmod(temp, 0o600)
    os.replace(temp, target)
    return pages


def print_sheets(
    files: Iterable[CandidateFile],
    printer: QPrinter,
    *,
    printed_on: date,
    clerk: str,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> int:
    """Print the sheets on ``printer`` with its current page layout (see configure_printer).

    Also what a QPrintPreviewDialog's ``paintRequested(printer)`` calls. Returns pages printed;
    on cancel the job is aborted and 0 is returned.
    """
    ensure_app()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Impossible de démarrer l'impression.")
    try:
        return paint_sheets(
            painter,
            printer,
            files,
            printed_on=printed_on,
            clerk=clerk,
            progress=progress,
            is_cancelled=is_cancelled,
        )
    except SheetsCancelled:
        printer.abort()
        return 0
    finally:
        painter.end()
