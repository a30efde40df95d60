"""The status sheet as HTML: the office's template and wording filled from a CandidateFile."""

from __future__ import annotations

import html
import json
import logging
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
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
from monmaster_desktop.office import OfficeContact, current_office
from monmaster_desktop.paths import resource
from monmaster_desktop.printing.sheet_skeleton import escaped, formatted

log = logging.getLogger(__name__)

#: Where the template's ``<img src="$logo_src">`` points; the logo is added as a resource.
LOGO_URL = "monmaster-sheet:logo"
#: A4 portrait; margins in millimetres (left, top, right, bottom). The footer sits inside.
PAGE_MARGINS_MM = QMarginsF(16.0, 13.0, 16.0, 9.0)

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_PHASE_ORDER = {phase: index for index, phase in enumerate(Phase)}
_app: QGuiApplication | None = None



# ----------------------------------------------------------------------------- resources


@dataclass(frozen=True, slots=True)
class SheetTemplate:
    """The office-editable parts of the sheet: HTML layout with CSS, and the sentences."""

    layout: string.Template
    wording: Mapping[str, Any]

    def say(self, key: str, **values: object) -> str:
        """The wording ``key`` with its placeholders filled, HTML-escaped."""
        text = str(self.wording[key])
        return html.escape(formatted(text, values) if values else text)


@cache
def load_template(folder: Path | None = None) -> SheetTemplate:
    """Read ``sheet.html`` and ``wording.json`` once (from ``resources/sheet`` by default)."""
    base = folder or resource("sheet")
    # Comments go: Qt ignores them, and a placeholder named in one would be filled there too.
    text = _COMMENT.sub("", (base / "sheet.html").read_text(encoding="utf-8"))
    layout = string.Template(text)
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
    return escaped(value)  # a candidate's value: a slot while a skeleton is made


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
        (t.say("name"), _esc(file.full_name), t.say("candidate_number"), _esc(person.candidate_number)),
        (t.say("birth_date"), _esc(fr_date(person.birth_date)), t.say("ine"), ine),
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
        f'<span class="deadline">{_esc(fr_date(reg.deadline))}</span>'
        if reg.deadline
        else f'<span class="deadline">{t.say("deadline_by_head")}</span>'
    )
    routes = t.wording.get("routes", {})
    route = f'<span class="route">{_esc(ROUTE_FR[reg.route])}</span>'
    if Flag.REGISTRATION_OVERDUE in file.assessment.flags:
        # Past the deadline, the online route is closed: one thing to do, said below.
        route = f'<span class="urgent">{t.say("route_overdue")}</span>'
    elif reg.registered_on is None and (sentence := routes.get(reg.route.value)):
        route += f"<br>{_esc(sentence)}"  # once registered, no « register online » any more
    registered = (
        t.say("registered", date=fr_date(reg.registered_on))
        if reg.registered_on
        else t.say("not_registered")
    )
    rows = [
        (t.say("accepted_course"), course),
        (t.say("accepted_on"), _esc(fr_date(reg.accepted_on))),
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


def tells_to_contact(file: CandidateFile) -> bool:
    """Whether the sheet sends the student to the office (then it prints the office's contact)."""
    assessment = file.assessment
    return assessment.must_contact_registrar or bool(
        {Flag.INTERRUPTED_ENROLMENT, Flag.REGISTRATION_OVERDUE, Flag.DEADLINE_SET_BY_HEAD}
        & set(assessment.flags)
    )


def _actions(file: CandidateFile, t: SheetTemplate, office: OfficeContact) -> str:
    """What the student must do: one instruction per situation, never two that disagree.

    Overdue, interrupted or waiting for the head's deadline, the student is told to contact the
    office (and how: the contact block), not also to register online.
    """
    assessment = file.assessment
    flags = set(assessment.flags)
    reg = assessment.registration
    items: list[str] = []
    if Flag.REGISTRATION_OVERDUE in flags:
        items.append(f'<span class="urgent">{t.say("overdue")}</span>')
    elif Flag.INTERRUPTED_ENROLMENT in flags:
        items.append(f'<span class="urgent">{t.say("interrupted")}</span>')
    elif Flag.DEADLINE_SET_BY_HEAD in flags:
        items.append(t.say("deadline_set_by_head"))
    elif assessment.must_contact_registrar:
        items.append(f'<span class="urgent">{t.say("must_contact")}</span>')
    elif reg is not None and reg.deadline is not None and reg.registered_on is None:
        sentence = t.say("register_by", deadline="\x00")
        items.append(sentence.replace("\x00", f"<b>{_esc(fr_date(reg.deadline))}</b>"))
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
            items.append(sentence.replace("\x00", f"<b>{_esc(fr_date(window.last_day))}</b>"))
    if not items:
        return f"<p>{t.say('no_action')}</p>"
    listed = "<ul>" + "".join(f'<li class="action">{item}</li>' for item in items) + "</ul>"
    if tells_to_contact(file):
        listed += office_block(office, t)
    return listed


def office_block(office: OfficeContact, t: SheetTemplate) -> str:
    """The office's name, address, phone, e-mail and hours, boxed (empty fields left out)."""
    first = [f"<b>{_esc(office.name)}</b>"] if office.name else []
    if office.address:
        first.append(_esc(office.address))
    second = [
        t.say(key, value=value)
        for key, value in (("office_phone", office.phone), ("office_email", office.email))
        if value
    ]
    if office.hours:
        second.append(t.say("office_hours", hours=office.hours))
    lines = [" — ".join(first), " · ".join(second)]
    return (
        '<table class="office" width="100%" cellspacing="0" cellpadding="5"><tr><td>'
        + "<br>".join(lines)
        + "</td></tr></table>"
    )


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


def _status_lines(view: ApplicationView, t: SheetTemplate) -> tuple[str, ...]:
    data = view.data
    if view.later and view.status_as_of is not data.status:
        shown = STATUS_FR[view.status_as_of] if view.status_as_of else "—"
        return (
            f"<b>{_esc(shown)}</b>",
            f'<span class="small">{_esc(STATUS_FR[data.status])} : {_later_text(t)}</span>',
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
    return tuple(parts)


def _date_lines(view: ApplicationView, t: SheetTemplate) -> tuple[str, ...]:
    """Two lines: the submission, then the latest event (registration, acceptance or
    notification), so that a row stays two lines high and ten fit one A4 page."""
    data = view.data
    latest = next(
        (
            (key, name, day)
            for key, name, day in (
                ("date_registered", "registered_on", data.registered_on),
                ("date_accepted", "accepted_on", data.accepted_on),
                ("date_notified", "notified_on", data.notified_on),
            )
            if day and name not in view.later
        ),
        None,
    )
    pairs = [("date_submitted", "submitted_on", data.submitted_on), *([latest] if latest else [])]
    # Events after the reference date are shown as later, never as done (RULES.md §8).
    pairs += [
        (key, name, day)
        for key, name, day in (
            ("date_notified", "notified_on", data.notified_on),
            ("date_accepted", "accepted_on", data.accepted_on),
            ("date_registered", "registered_on", data.registered_on),
        )
        if day and name in view.later
    ]
    return tuple(
        f'<span style="white-space: nowrap"><span class="label">{t.say(key)}</span>&nbsp;'
        f"{fr_date(day)}</span>"
        if name not in view.later
        else f'<span class="small">{t.say(key)}&nbsp;{fr_date(day)} : {_later_text(t)}</span>'
        for key, name, day in pairs
        if day
    )


#: The applications table's columns: share of the width (th ``width``) and heading key.
APPLICATION_COLUMNS = (
    (26, "col_institution"),
    (34, "col_course"),
    (21, "col_status"),
    (19, "col_dates"),
)
#: The table's opening tag; the template's CSS (``table.apps``, ``th``, ``td.app``) styles it.
_APPS_TABLE = '<table class="apps" width="100%" border="1" cellspacing="0" cellpadding="2"'


def _sorted_applications(file: CandidateFile) -> list[ApplicationView]:
    return sorted(
        file.applications,
        key=lambda v: (
            _PHASE_ORDER[v.data.phase],
            v.data.submitted_on,
            _institution_label(v).casefold(),
            v.data.mention.casefold(),
        ),
    )


#: A cell of the applications table: its lines' inner HTML (``<br>`` between them).
Cell = tuple[str, ...]


def application_cells(file: CandidateFile, t: SheetTemplate) -> list[tuple[Cell, ...]]:
    """The applications table's body: per application, in sheet order, its cells' lines."""
    rows = []
    for view in _sorted_applications(file):
        data = view.data
        # The mode and phase ride with the course, so that a row stays two lines high.
        # Only what differs from the usual case (initial training, main phase) is written.
        tags = [
            t.say(key)
            for key, unusual in (
                ("mode_alternance", data.training_type is TrainingType.ALTERNANCE),
                ("phase_complementary", data.phase is Phase.COMPLEMENTARY),
            )
            if unusual
        ]
        course = f"<b>{_esc(data.mention)}</b>"
        if tags:
            course += f' <span class="tag">{", ".join(tags)}</span>'
        rows.append(
            (
                (
                    f'{_esc(_institution_label(view))} <span class="small">'
                    f"UAI&nbsp;{_esc(data.institution_code)}</span>",
                ),
                (course, _esc(data.parcours)) if data.parcours else (course,),
                _status_lines(view, t),
                _date_lines(view, t),
            )
        )
    return rows


def applications_table(
    t: SheetTemplate, rows: Sequence[Sequence[Cell]], *, page_break: bool = False
) -> str:
    """One HTML table of application rows (cells' lines), under the header row."""
    head = "".join(
        f'<th width="{share}%">{t.say(key)}</th>' for share, key in APPLICATION_COLUMNS
    )
    body = "".join(
        "<tr>" + "".join(f'<td class="app">{"<br>".join(cell)}</td>' for cell in row) + "</tr>"
        for row in rows
    )
    style = ' style="page-break-before: always"' if page_break else ""
    return f"{_APPS_TABLE}{style}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _applications(file: CandidateFile, t: SheetTemplate, breaks: tuple[int, ...] = ()) -> str:
    if not file.applications:
        return f"<p>{t.say('no_applications')}</p>"
    rows = application_cells(file, t)
    return "".join(
        applications_table(t, rows[start:end], page_break=bool(start))
        for start, end in zip((0, *breaks), (*breaks, len(rows)), strict=True)
    )


def _stamp(t: SheetTemplate) -> str:
    blank = "<br>&nbsp;"
    return (
        '<table class="stamp" align="right" width="46%" cellspacing="0" '
        f'cellpadding="4"><tr><td><span class="label">{t.say("stamp")}</span>{blank}'
        "</td></tr></table>"
    )


def build_sheet_html(file: CandidateFile, *, printed_on: date, clerk: str) -> str:
    """The HTML of one candidate's sheet (the footer, drawn per page, is not in it)."""
    del printed_on, clerk  # the footer carries them; kept so every entry point reads alike
    return _sheet_html(file)


def _sheet_html(
    file: CandidateFile, breaks: tuple[int, ...] = (), *, applications: str | None = None
) -> str:
    """The sheet's HTML; the applications table restarts on a new page before ``breaks``.

    ``applications``, when given, stands where the template says ``$applications`` instead of
    the HTML table (the painter then draws the table's rows itself, see sheet_table).
    """
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
        "actions": _actions(file, t, current_office()),
        "counts_heading": t.say("counts_heading"),
        "counts": _counts(file, t),
        "applications_heading": t.say("applications_heading"),
        "applications": (
            _applications(file, t, breaks) if applications is None else applications
        ),
        "stamp": _stamp(t),
    }
    return t.layout.safe_substitute(values)


def footer_text(*, printed_on: date, clerk: str, page: int, pages: int) -> str:
    """« Édité le DD/MM/YYYY par <clerk> — page X/Y » (plain text, drawn by the painter)."""
    text = str(load_template().wording["footer"])
    return text.format(printed_on=fr_date(printed_on), clerk=clerk, page=page, pages=pages)


