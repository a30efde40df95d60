"""The dashboard's tables (figures, mentions, statuses, reasons, days) to CSV or XLSX.

Written through io/writers.py: owner-only, whole or not at all, formula-safe.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from monmaster_desktop.controllers.stats import FLAG, HEADLINE, CampaignStats, Selection
from monmaster_desktop.printing.dashboard import (
    OutputError,
    day_text,
    figure_label,
    reason_rows,
    status_rows,
    tr,
)


def tables(stats: CampaignStats) -> dict[str, tuple[list[str], list[list[object]]]]:
    """Every table of the dashboard: name -> (headers, rows), for CSV and XLSX."""
    figures = [[figure_label(s), stats.figure(s)] for s in HEADLINE] + [
        [figure_label(Selection(FLAG, code)), n] for code, n in sorted(stats.flags.items())
    ]
    mentions = [
        [
            m.mention,
            m.accepted_definitively,
            m.registered,
            m.overdue,
            round(100 * m.registered / m.accepted_definitively)
            if m.accepted_definitively
            else None,
        ]
        for m in stats.by_mention
    ]
    statuses = [[r.label, r.total] for r in status_rows(stats)]
    reasons = [[r.label, r.total] for r in reason_rows(stats)]
    registered = dict(stats.registrations_by_day)
    accepted = dict(stats.acceptances_by_day)
    running_a = running_r = 0
    days = []
    for day in sorted(set(registered) | set(accepted)):
        running_a += accepted.get(day, 0)
        running_r += registered.get(day, 0)
        days.append([day, accepted.get(day, 0), running_a, registered.get(day, 0), running_r])
    return {
        tr("Chiffres"): ([tr("Indicateur"), tr("Nombre")], figures),
        tr("Par mention"): (
            [tr("Mention"), tr("Acceptés"), tr("Inscrits"), tr("En retard"), tr("% inscrits")],
            mentions,
        ),
        tr("Candidatures par statut"): ([tr("Statut"), tr("Candidatures")], statuses),
        tr("Motifs de non-éligibilité"): ([tr("Motif"), tr("Candidats")], reasons),
        tr("Inscriptions par jour"): (
            [
                tr("Jour"),
                tr("Acceptations"),
                tr("Acceptations (cumul)"),
                tr("Inscriptions"),
                tr("Inscriptions (cumul)"),
            ],
            days,
        ),
    }


def write_tables(stats: CampaignStats, out_path: str | os.PathLike[str]) -> int:
    """The dashboard's tables one after another in one file (CSV, or XLSX by its extension),
    each under its name; returns the number of data rows written."""
    from monmaster_desktop.io.writers import write_csv, write_xlsx

    target = Path(out_path)
    all_tables = tables(stats)
    rows: list[Sequence[object]] = []
    for name, (headers, body) in all_tables.items():
        if rows:
            rows.append([])
        rows.append([name])
        rows.append(headers)
        rows.extend(body)
    title = [
        tr("Tableau de bord — campagne %1").replace("%1", str(stats.campaign)),
        tr("Situation au %1").replace("%1", day_text(stats.as_of)),
    ]
    try:
        if target.suffix.lower() == ".xlsx":
            write_xlsx(target, title, rows, tr("Tableau de bord"))
        else:
            write_csv(target, title, rows)
    except OSError as exc:
        raise OutputError(target, exc) from exc
    return sum(len(body) for _, body in all_tables.values())
