"""The dashboard on paper: A4 landscape pages (figures, charts, mentions), printer or PDF.

The words are the window's (one translation context, « Dashboard »), the charts the same
painters (printing/charts.py); pages are drawn in points so that what is sized on one page
looks the same on any printer resolution.
"""

from __future__ import annotations

import errno
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from monmaster_desktop.controllers.stats import (
    FIGURE,
    FLAG,
    HEADLINE,
    HOME,
    MENTION,
    REASON,
    STATUS,
    CampaignStats,
    MentionFigures,
    Selection,
)
from monmaster_desktop.printing.charts import (
    OVERDUE,
    PENDING,
    PLAIN,
    REGISTERED,
    TEXT,
    BarRow,
    Marker,
    Segment,
    Series,
    cumulative,
    paint_hbars,
    paint_legend,
    paint_timeline,
)

CONTEXT = "Dashboard"
PAGE_MARGINS_MM = QMarginsF(12, 12, 12, 12)
#: Application statuses in the order of their life (RULES.md §5).
STATUS_ORDER = (
    "submitted",
    "waitlisted",
    "contract_search",
    "offer",
    "accepted_provisionally",
    "accepted_definitively",
    "declined",
    "expired",
    "rejected",
    "withdrawn",
)
REASON_ORDER = (
    "etudes_en_france",
    "repeating_m1",
    "ves_vap",
    "automatic_admission",
    "no_qualifying_diploma",
)


class OutputError(OSError):
    """A PDF or table file that could not be written: ``message`` says why, in French."""

    def __init__(self, path: Path, exc: OSError):
        from monmaster_desktop.db import os_reason_fr

        super().__init__(exc.errno, str(exc))
        self.message = f"{path} : {os_reason_fr(exc)}"

    def __str__(self) -> str:
        return self.message


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# -- words ---------------------------------------------------------------------------------


def figure_label(selection: Selection) -> str:
    """The clerk's name of a figure."""
    names = {
        (FIGURE, "candidates"): tr("Candidats"),
        (FIGURE, "eligible"): tr("Éligibles"),
        (FIGURE, "must_contact_registrar"): tr("Doivent contacter la scolarité"),
        (HOME, "accepted_definitively"): tr("Acceptés définitivement ici"),
        (HOME, "registered"): tr("Inscrits"),
        (HOME, "overdue"): tr("En retard d'inscription"),
        (HOME, "deadline_to_set"): tr("Date limite à fixer"),
        (FLAG, "explanation_window_open"): tr("Délais de demande des motifs ouverts"),
        (FLAG, "not_eligible"): tr("Non éligibles"),
        (FLAG, "registration_overdue"): tr("Inscription en retard"),
        (FLAG, "deadline_set_by_head"): tr("Date limite à fixer"),
        (FLAG, "interrupted_enrolment"): tr("Inscription interrompue"),
    }
    if selection.kind == STATUS:
        return status_label(selection.code)
    if selection.kind == REASON:
        return reason_label(selection.code)
    if selection.kind == MENTION:
        which = {
            "accepted_definitively": tr("acceptés"),
            "registered": tr("inscrits"),
            "overdue": tr("en retard"),
        }[selection.code]
        return tr("%1 : %2").replace("%1", selection.mention).replace("%2", which)
    return names.get((selection.kind, selection.code), selection.code)


def figure_help(selection: Selection) -> str:
    """One sentence saying who is counted (tooltips)."""
    return {
        (FIGURE, "candidates"): tr("Candidats dont c'est la dernière campagne."),
        (FIGURE, "eligible"): tr("Relèvent de Mon Master (nationalité, résidence, diplôme)."),
        (FIGURE, "must_contact_registrar"): tr(
            "Inscription interrompue, date limite à fixer ou inscription en retard."
        ),
        (HOME, "accepted_definitively"): tr(
            "Ont accepté définitivement une proposition de l'établissement, à la date de référence."
        ),
        (HOME, "registered"): tr("Acceptés ici et inscrits administrativement à la date."),
        (HOME, "overdue"): tr("Date limite d'inscription dépassée, non inscrits."),
        (HOME, "deadline_to_set"): tr(
            "Acceptés en fin de campagne : date limite à fixer par le chef d'établissement."
        ),
        (FLAG, "explanation_window_open"): tr(
            "Refusés pouvant encore demander les motifs du refus (un mois)."
        ),
    }.get((selection.kind, selection.code), "")


def status_label(code: str) -> str:
    return {
        "submitted": tr("Déposée"),
        "waitlisted": tr("En liste d'attente"),
        "contract_search": tr("Recherche de contrat"),
        "offer": tr("Proposition d'admission"),
        "accepted_provisionally": tr("Acceptée (non définitivement)"),
        "accepted_definitively": tr("Acceptée définitivement"),
        "declined": tr("Proposition refusée"),
        "expired": tr("Proposition expirée"),
        "rejected": tr("Refusée"),
        "withdrawn": tr("Retirée"),
    }.get(code, code)


def reason_label(code: str) -> str:
    return {
        "etudes_en_france": tr("Études en France"),
        "repeating_m1": tr("Redoublement du M1"),
        "ves_vap": tr("Validation d'études ou d'expérience"),
        "automatic_admission": tr("Admission de droit (CMI…)"),
        "no_qualifying_diploma": tr("Sans diplôme donnant accès au master"),
    }.get(code, code)


def number(n: int) -> str:
    """French thousands: « 12 345 » (Qt's locale; narrow no-break space)."""
    return QLocale().toString(int(n))


def day_text(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def short_day(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}"


def percent(part: int, whole: int) -> str:
    if not whole:
        return "–"
    return QLocale().toString(100.0 * part / whole, "f", 0) + "\u00a0%"


# -- chart data from the figures -------------------------------------------------------------


def mention_rows(stats: CampaignStats) -> list[BarRow]:
    """One bar per mention: registered (solid), overdue (hatched), the others (dotted)."""
    rows = []
    for m in stats.by_mention:
        pending = max(0, m.accepted_definitively - m.registered - m.overdue)
        rows.append(
            BarRow(
                label=m.mention,
                segments=(
                    Segment(m.registered, REGISTERED, Selection(MENTION, "registered", m.key)),
                    Segment(m.overdue, OVERDUE, Selection(MENTION, "overdue", m.key)),
                    Segment(pending, PENDING, Selection(MENTION, "accepted_definitively", m.key)),
                ),
                note=mention_note(m),
                key=Selection(MENTION, "accepted_definitively", m.key),
            )
        )
    return rows


def mention_note(m: MentionFigures) -> str:
    text = tr("%1 / %2 inscrits").replace("%1", number(m.registered))
    text = text.replace("%2", number(m.accepted_definitively))
    if m.overdue:
        text += " · " + tr("%1 en retard").replace("%1", number(m.overdue))
    return text


def status_rows(stats: CampaignStats) -> list[BarRow]:
    known = [s for s in STATUS_ORDER if s in stats.applications_by_status]
    others = sorted(set(stats.applications_by_status) - set(STATUS_ORDER))
    return [
        BarRow(
            label=status_label(code),
            segments=(Segment(stats.applications_by_status[code], PLAIN, Selection(STATUS, code)),),
            note=number(stats.applications_by_status[code]),
            key=Selection(STATUS, code),
        )
        for code in known + others
    ]


def reason_rows(stats: CampaignStats) -> list[BarRow]:
    known = [r for r in REASON_ORDER if r in stats.ineligibility_reasons]
    others = sorted(set(stats.ineligibility_reasons) - set(REASON_ORDER))
    return [
        BarRow(
            label=reason_label(code),
            segments=(Segment(stats.ineligibility_reasons[code], PLAIN, Selection(REASON, code)),),
            note=number(stats.ineligibility_reasons[code]),
            key=Selection(REASON, code),
        )
        for code in known + others
    ]


@dataclass(frozen=True, slots=True)
class Timeline:
    start: date
    end: date
    series: tuple[Series, ...]
    markers: tuple[Marker, ...]


def timeline(stats: CampaignStats, scale: float = 1.0) -> Timeline:
    """Cumulative acceptances here and registrations per day, deadlines and reference date."""
    accepted = cumulative(stats.acceptances_by_day)
    registered = cumulative(stats.registrations_by_day)
    days = [d for d, _ in accepted + registered] + list(stats.deadlines)
    start = min(days, default=stats.as_of)
    start = date(start.year, start.month, 1)
    end = max([*days, stats.as_of])
    dash = QPen(QColor("#4d5656"), 1.2 * scale, Qt.PenStyle.DashLine)
    markers = [
        Marker(d, tr("limite %1").replace("%1", short_day(d)), dash) for d in stats.deadlines
    ]
    markers.append(
        Marker(
            stats.as_of,
            tr("situation au %1").replace("%1", short_day(stats.as_of)),
            QPen(QColor("#000000"), 2.0 * scale, Qt.PenStyle.SolidLine),
        )
    )
    return Timeline(
        start=start,
        end=end,
        series=(
            Series(
                tr("Acceptés définitivement ici (cumul)"),
                QPen(QColor("#5d6d7e"), 2.0 * scale, Qt.PenStyle.DashDotLine),
                accepted,
            ),
            Series(
                tr("Inscrits (cumul)"),
                QPen(QColor(REGISTERED.fill), 2.6 * scale, Qt.PenStyle.SolidLine),
                registered,
            ),
        ),
        markers=tuple(markers),
    )


def paint_timeline_of(
    painter: QPainter, rect: QRectF, stats: CampaignStats, scale: float = 1.0
) -> None:
    t = timeline(stats, scale)
    paint_timeline(
        painter,
        rect,
        start=t.start,
        end=t.end,
        series=t.series,
        markers=t.markers,
        number=number,
        day_text=lambda d: QLocale().monthName(d.month, QLocale.FormatType.ShortFormat),
        until=stats.as_of,
    )


def legend_mentions() -> list:
    return [
        (REGISTERED, tr("inscrits")),
        (OVERDUE, tr("en retard")),
        (PENDING, tr("acceptés, pas encore inscrits")),
    ]


# -- pages ---------------------------------------------------------------------------------


def page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        PAGE_MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def _font(size: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


@dataclass(frozen=True, slots=True)
class PageHeading:
    """What every page says at its top: the campaign, the date, the office."""

    office: str
    office_details: str
    printed_on: date


def _heading(
    painter: QPainter,
    area: QRectF,
    stats: CampaignStats,
    heading: PageHeading,
    page: int,
    pages: int,
) -> float:
    painter.setPen(TEXT)
    painter.setFont(_font(17, bold=True))
    title = tr("Tableau de bord — campagne %1").replace("%1", str(stats.campaign or "–"))
    painter.drawText(QPointF(area.left(), area.top() + 16), title)
    painter.setFont(_font(12, bold=True))
    when = tr("Situation au %1").replace("%1", day_text(stats.as_of))
    metrics = QFontMetricsF(painter.font())
    painter.drawText(QPointF(area.right() - metrics.horizontalAdvance(when), area.top() + 15), when)
    painter.setFont(_font(9, bold=True))
    metrics = QFontMetricsF(painter.font())
    painter.drawText(
        QPointF(area.left(), area.top() + 31),
        metrics.elidedText(heading.office, Qt.TextElideMode.ElideRight, area.width() * 0.7),
    )
    painter.setFont(_font(8))
    metrics = QFontMetricsF(painter.font())
    painter.drawText(
        QPointF(area.left(), area.top() + 42),
        metrics.elidedText(heading.office_details, Qt.TextElideMode.ElideRight, area.width() * 0.8),
    )
    painter.setFont(_font(9))
    metrics = QFontMetricsF(painter.font())
    stamp = tr("Imprimé le %1 · page %2 / %3")
    stamp = stamp.replace("%1", day_text(heading.printed_on)).replace("%2", str(page))
    stamp = stamp.replace("%3", str(pages))
    painter.drawText(
        QPointF(area.right() - metrics.horizontalAdvance(stamp), area.top() + 31), stamp
    )
    painter.setPen(QPen(TEXT, 0.8))
    painter.drawLine(QPointF(area.left(), area.top() + 48), QPointF(area.right(), area.top() + 48))
    return area.top() + 56


def _section_title(painter: QPainter, x: float, y: float, text: str) -> float:
    painter.setFont(_font(11, bold=True))
    painter.setPen(TEXT)
    painter.drawText(QPointF(x, y + 11), text)
    return y + 17


def _figures_row(painter: QPainter, area: QRectF, stats: CampaignStats) -> None:
    count = len(HEADLINE)
    gap = 6.0
    width = (area.width() - gap * (count - 1)) / count
    for index, selection in enumerate(HEADLINE):
        box = QRectF(area.left() + index * (width + gap), area.top(), width, area.height())
        painter.setPen(QPen(QColor("#808b96"), 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        painter.setPen(TEXT)
        painter.setFont(_font(19, bold=True))
        painter.drawText(
            QRectF(box.left() + 5, box.top() + 3, box.width() - 10, 24),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            number(stats.figure(selection)),
        )
        painter.setFont(_font(8.5))
        painter.drawText(
            QRectF(box.left() + 5, box.top() + 28, box.width() - 10, box.height() - 30),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            figure_label(selection),
        )


def paint_pages(
    painter: QPainter, device: QPagedPaintDevice, stats: CampaignStats, heading: PageHeading
) -> int:
    """Draw the dashboard on ``device`` (already begun with ``painter``); returns pages."""
    layout = device.pageLayout()
    paint_rect = layout.paintRect(QPageLayout.Unit.Point)
    scale = device.logicalDpiX() / 72.0
    pages = 2 if stats.by_mention else 1
    area = QRectF(0, 0, paint_rect.width(), paint_rect.height())

    painter.save()
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    top = _heading(painter, area, stats, heading, 1, pages)
    _figures_row(painter, QRectF(area.left(), top, area.width(), 56), stats)
    top += 68
    half = (area.width() - 18) / 2
    left = QRectF(area.left(), top, half, area.bottom() - top - 8)
    right = QRectF(area.left() + half + 18, top, half, area.bottom() - top - 8)
    y = _section_title(painter, left.left(), left.top(), tr("Inscriptions dans le temps"))
    painter.setFont(_font(8.5))
    paint_timeline_of(painter, QRectF(left.left(), y, left.width(), left.bottom() - y), stats, 1.0)
    y = _section_title(painter, right.left(), right.top(), tr("Candidatures par statut"))
    painter.setFont(_font(8.5))
    statuses = status_rows(stats)
    status_height = 15.0 * max(1, len(statuses))
    paint_hbars(
        painter,
        QRectF(right.left(), y, right.width(), status_height),
        statuses,
        row_height=15.0,
        label_share=0.38,
    )
    y += status_height + 10
    y = _section_title(painter, right.left(), y, tr("Motifs de non-éligibilité (candidats)"))
    painter.setFont(_font(8.5))
    reasons = reason_rows(stats)
    paint_hbars(
        painter,
        QRectF(right.left(), y, right.width(), 15.0 * max(1, len(reasons))),
        reasons,
        row_height=15.0,
        label_share=0.38,
    )
    if pages == 2:
        device.newPage()
        top = _heading(painter, area, stats, heading, 2, pages)
        y = _section_title(painter, area.left(), top, tr("Par mention de l'établissement"))
        painter.setFont(_font(8.5))
        y += paint_legend(painter, QPointF(area.left(), y), legend_mentions()) + 4
        rows = mention_rows(stats)
        height = min(16.0, (area.bottom() - y) / max(1, len(rows)))
        paint_hbars(
            painter,
            QRectF(area.left(), y, area.width(), area.bottom() - y),
            rows,
            row_height=height,
            label_share=0.36,
        )
    painter.restore()
    return pages


def render_pdf(stats: CampaignStats, out_path: str | os.PathLike[str], heading: PageHeading) -> int:
    """Write the dashboard as an A4 landscape PDF (owner-only, whole or not at all)."""
    from monmaster_desktop.printing.sheets import ensure_app

    ensure_app()
    target = Path(out_path)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path(".")
        )
    except OSError as exc:
        raise OutputError(target, exc) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer = QPdfWriter(str(temp))
        writer.setResolution(300)
        writer.setPageLayout(page_layout())
        writer.setCreator("Mon Master Desk")
        writer.setTitle(tr("Tableau de bord — campagne %1").replace("%1", str(stats.campaign)))
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EIO, "PDF", str(target))
        try:
            pages = paint_pages(painter, writer, stats, heading)
        finally:
            painter.end()
            del writer
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(target, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    try:
        os.chmod(temp, 0o600)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(target, exc) from exc
    return pages
