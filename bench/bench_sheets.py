"""Benchmark: 1,000 enrolment status sheets into one PDF (goal <= 8 s), against the method
before (Qt's HTML table, still what a template the rows cannot follow gets) in the same run."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the tests' builders assess files with the real rules

from PySide6.QtCore import QSizeF  # noqa: E402
from PySide6.QtGui import QPainter, QPdfWriter, QTextDocument  # noqa: E402

from monmaster_desktop.controllers.views import (  # noqa: E402
    ApplicationData,
    CandidateData,
    CandidateFile,
)
from monmaster_desktop.domain import (  # noqa: E402
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Phase,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.printing.sheet_table import ApplicationsTable  # noqa: E402
from monmaster_desktop.printing.sheets import (  # noqa: E402
    build_sheet_html,
    ensure_app,
    render_pdf,
    sheet_page_layout,
)

from goals import report  # noqa: E402  # isort: skip
from printing_helpers import AS_OF, candidate_file  # noqa: E402  # isort: skip

PRINTED_ON = date(2024, 7, 10)
CLERK = "Mme Hélène Garçon"


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _rejection(text: str) -> tuple[RejectionReason | None, str | None]:
    if not text:
        return None, None
    try:
        return RejectionReason(text), None
    except ValueError:
        return RejectionReason.OTHER, text


def demo_files(count: int) -> list[CandidateFile]:
    """``count`` files from monmaster_desktop.demo.generate() (CSV rows), assessed by the rules."""
    from monmaster_desktop.demo import generate

    data = generate(count)
    by_candidate: dict[str, list[ApplicationData]] = {}
    for row in data.applications:
        reason, detail = _rejection(row["rejection_reason"])
        by_candidate.setdefault(row["candidate_number"], []).append(
            ApplicationData(
                campaign_year=int(row["campaign"]),
                institution_code=row["institution_code"],
                institution_name=row["institution_name"],
                mention=row["mention"],
                parcours=row["parcours"],
                training_type=TrainingType(row["training_type"]),
                phase=Phase(row["phase"]),
                submitted_on=date.fromisoformat(row["submitted_on"]),
                status=ApplicationStatus(row["status"]),
                waitlist_rank=int(row["waitlist_rank"]) if row["waitlist_rank"] else None,
                rejection_reason=reason,
                rejection_detail=detail,
                notified_on=_day(row["notified_on"]),
                accepted_on=_day(row["accepted_on"]),
                registered_on=_day(row["registered_on"]),
            )
        )
    files = []
    for index, row in enumerate(data.candidates, start=1):
        person = CandidateData(
            candidate_number=row["candidate_number"],
            last_name=row["last_name"],
            first_name=row["first_name"],
            birth_date=date.fromisoformat(row["birth_date"]),
            nationality=row["nationality"],
            residence_country=row["residence_country"],
            diploma=Diploma(row["diploma"]),
            diploma_status=DiplomaStatus(row["diploma_status"] or DiplomaStatus.OBTAINED),
            enrolment_history=EnrolmentHistory(row["enrolment_history"] or EnrolmentHistory.NEVER),
            ine=row["ine"] or None,
            repeating_m1=row["repeating_m1"] == "oui",
            ves_vap=row["ves_vap"] == "oui",
            automatic_admission=row["automatic_admission"] == "oui",
        )
        apps = by_candidate.get(row["candidate_number"], [])
        files.append(candidate_file(person, apps, as_of=AS_OF, candidate_id=index))
    return files


def synthetic_files(count: int) -> list[CandidateFile]:
    """``count`` files of 8 applications each, built without the demo generator."""
    from printing_helpers import application, person

    statuses = list(ApplicationStatus)
    files = []
    for index in range(count):
        apps = [
            application(
                f"Mention {k:02d}",
                code="0134009M" if k % 3 == 0 else "0751717J",
                parcours=f"Parcours {k}",
                status=statuses[(index + k) % len(statuses)],
                rejection_reason=RejectionReason.INCOMPLETE,
                waitlist_rank=k + 3,
                notified_on=date(2024, 6, 5),
                accepted_on=date(2024, 6, 10 + k),
            )
            for k in range(8)
        ]
        files.append(candidate_file(person("Lefèvre", "Zoé", number=f"MM24-{index:06d}"), apps))
    return files


def load_files(count: int) -> list[CandidateFile]:
    """The demo generator's data when it is available, synthetic files otherwise."""
    try:
        return demo_files(count)
    except (ImportError, AttributeError, KeyError, ValueError) as error:
        print(f"demo data unavailable ({error!r}); using synthetic files", file=sys.stderr)
        return synthetic_files(count)


def time_render(
    files: Sequence[CandidateFile], out_dir: Path | None = None, *, old: bool = False
) -> tuple[float, int, float]:
    """Seconds to render ``files`` into one PDF with render_pdf, the pages written, and the
    seconds of processor the process used meanwhile (less sensitive to a shared machine).

    ``old``: with Qt's HTML table, as before the rows were drawn from lines laid out once per
    batch (the same code still serves templates whose table the rows cannot follow).
    """
    ensure_app()
    saved = ApplicationsTable.for_device
    if old:
        ApplicationsTable.for_device = classmethod(lambda cls, *args: None)  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory(dir=out_dir) as folder:
            start, cpu = time.perf_counter(), time.process_time()
            pages = render_pdf(
                files, Path(folder) / "sheets.pdf", printed_on=PRINTED_ON, clerk=CLERK
            )
            return time.perf_counter() - start, pages, time.process_time() - cpu
    finally:
        ApplicationsTable.for_device = saved  # type: ignore[method-assign]


def time_floor(htmls: Sequence[str], out_dir: Path | None = None) -> float:
    """Seconds for bare Qt drawing the sheets' HTML: one QTextDocument per sheet onto one
    QPdfWriter, no footer, no page breaking (what the old method could not go under)."""
    ensure_app()
    with tempfile.TemporaryDirectory(dir=out_dir) as folder:
        start = time.perf_counter()
        writer = QPdfWriter(str(Path(folder) / "floor.pdf"))
        writer.setPageLayout(sheet_page_layout())
        painter = QPainter(writer)
        size = QSizeF(writer.width(), writer.height())
        for index, text in enumerate(htmls):
            if index:
                writer.newPage()
            doc = QTextDocument()
            doc.documentLayout().setPaintDevice(writer)
            doc.setPageSize(size)
            doc.setHtml(text)
            doc.drawContents(painter)
        painter.end()
        return time.perf_counter() - start


def database_files(candidates: int, count: int) -> tuple[object, list[int]]:
    """The first ``count`` candidates of a cached ``candidates``-size database (built once)."""
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.controllers.sheets import SheetController
    from monmaster_desktop.db import Database
    from monmaster_desktop.demo import generate, write_csv_files

    out = ROOT / "bench" / "out"
    path = out / f"desk-{candidates}.sqlite"
    if not path.exists():
        folder = out / f"data-{candidates}"
        if not (folder / "applications.csv").exists():
            write_csv_files(generate(candidates, seed=2024), folder)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with Database(partial) as db:
            ImportController(db).run(folder / "candidates.csv", folder / "applications.csv")
        partial.rename(path)
    db = Database(path)
    ids = SheetController(db).candidate_ids(as_of=AS_OF)[:count]
    return db, ids


GOAL_SECONDS = 8.0


def _load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--count", type=int, default=1000, help="sheets (default 1000)")
    parser.add_argument("-r", "--repeat", type=int, default=3, help="runs, median kept")
    parser.add_argument(
        "--candidates",
        type=int,
        default=50_000,
        help="size of the database the sheets are read from (0: generated files, no database)",
    )
    parser.add_argument(
        "--floor", action="store_true", help="also time bare Qt drawing the same HTML"
    )
    args = parser.parse_args(argv)
    ensure_app()

    if args.candidates:
        from monmaster_desktop.controllers.sheets import SheetController

        db, ids = database_files(args.candidates, args.count)
        controller = SheetController(db)
        files = controller.files(candidate_ids=ids, as_of=AS_OF)
        print(f"{len(files)} sheets read from a {args.candidates:,}-candidate database")
    else:
        controller = None
        files = load_files(args.count)
    # the floor's pages: the same sheets' HTML, so the text volume matches
    htmls = [build_sheet_html(f, printed_on=PRINTED_ON, clerk=CLERK) for f in files]

    print(f"before: {_load()}")
    sheets, olds, floors, loads, pages, old_pages = [], [], [], [], 0, 0
    cpus, old_cpus = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        if controller is not None:
            files = controller.files(candidate_ids=ids, as_of=AS_OF)
        loads.append(time.perf_counter() - start)
        seconds, pages, cpu = time_render(files)
        sheets.append(seconds + loads[-1])
        cpus.append(cpu)
        seconds, old_pages, cpu = time_render(files, old=True)
        olds.append(seconds + loads[-1])
        old_cpus.append(cpu)
        if args.floor:
            floors.append(time_floor(htmls))
    sheet_s, old_s = statistics.median(sheets), statistics.median(olds)
    runs = ", ".join(f"{s:.2f}" for s in sheets)
    old_runs = ", ".join(f"{s:.2f}" for s in olds)
    print(f"after:  {_load()}")
    print(f"goal:   1,000 sheets in one PDF <= {GOAL_SECONDS:.0f} s")
    print(
        f"sheets: {sheet_s:.2f} s for {len(files)} sheets, {pages} pages (median of {runs}; "
        f"data loading {statistics.median(loads):.2f} s included)"
    )
    print(
        f"old:    {old_s:.2f} s, {old_pages} pages, the same sheets with Qt's HTML table "
        f"(the method before, same run; median of {old_runs})"
    )
    print(f"ratio:  {sheet_s / old_s:.2f}x the old method")
    cpu_s, old_cpu_s = statistics.median(cpus), statistics.median(old_cpus)
    print(
        f"cpu:    {cpu_s:.2f} s of processor vs {old_cpu_s:.2f} s the old way "
        f"({cpu_s / old_cpu_s:.2f}x; rendering only)"
    )
    if floors:
        floor_s = statistics.median(floors)
        print(
            f"floor:  {floor_s:.2f} s, bare Qt drawing the same HTML (no footer, no page "
            f"breaking): {sheet_s / floor_s:.2f}x"
        )
    per_thousand = sheet_s * 1000 / len(files)
    report(
        "1,000 status sheets into one PDF",
        per_thousand,
        "s",
        GOAL_SECONDS,
        extra=(
            f"old method (Qt's HTML table) {old_s * 1000 / len(files):.1f} s in the same run: "
            f"{sheet_s / old_s:.2f}×; {_load()}"
        ),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
