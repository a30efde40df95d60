"""Desk benchmark (not a test): start-up, list, filter, candidate file, memory on 50k candidates.

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_desk.py``. The 50,000-candidate demo
database is built once under ``bench/out/`` (gitignored) and reused. First paints are timed in
fresh interpreters (one per run and variant, alternated) so that neither variant inherits the
other's imports; everything else runs in this one interpreter, one after the other.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()  # the child's clock starts before any import of Qt or ours

OUT = Path(__file__).resolve().parent / "out"
DATABASE = OUT / "desk-50k.sqlite"
CANDIDATES = 50_000
PAINT_RUNS = 5
#: What a clerk types (one keystroke each; "\b" is Backspace): 20 keystrokes in all.
KEYSTROKES = ["m", "a", "r", "t", "\b", "\b", "\b", "\b", "l", "e", "f", "e", "v", "\b",
              "\b", "\b", "\b", "\b", "2", "4"]  # fmt: skip


def scratch_environment() -> None:
    """Settings, backups of the data folder and platform away from the user's."""
    scratch = Path(tempfile.mkdtemp(prefix="monmaster-bench-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["MONMASTER_DESKTOP_HOME"] = str(scratch / "home")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))


# -- child: one first paint -------------------------------------------------------------------


def child_paint(variant: str, database: Path) -> None:
    """Print JSON timings (ms since this interpreter started) of one window's first paint."""
    scratch_environment()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    times: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "paint" not in times:
                times["paint"] = (time.perf_counter() - START) * 1000
            return False

    if variant == "bare":
        app = QApplication(sys.argv)
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 760)
        window.installEventFilter(spy := FirstPaint())
        window.show()
        QTimer.singleShot(0, lambda: QTimer.singleShot(50, app.quit))
        app.exec()
    else:
        from monmaster_desktop.ui import app as desk

        application = desk.application()
        window = desk.start(database, demo=False)
        window.installEventFilter(spy := FirstPaint())

        def filled() -> None:
            times.setdefault("filled", (time.perf_counter() - START) * 1000)

        def counted() -> None:
            times.setdefault("counted", (time.perf_counter() - START) * 1000)
            QTimer.singleShot(50, application.quit)

        window.refreshed.connect(filled)
        window.counted.connect(counted)
        application.exec()
        window.services = None  # no closing backup in a benchmark
    del spy
    print(json.dumps(times))


def paint_runs(database: Path) -> dict[str, list[dict[str, float]]]:
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "desk": []}
    for _ in range(PAINT_RUNS):
        for variant in ("bare", "desk"):
            out = subprocess.run(
                [sys.executable, __file__, "--child", variant, str(database)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            runs[variant].append(json.loads(out.strip().splitlines()[-1]))
    return runs


# -- parent: the rest, in one interpreter ------------------------------------------------------


def ensure_database() -> Path:
    if not DATABASE.exists():
        from monmaster_desktop.controllers.demo import build_demo_database

        OUT.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        print(f"Building {DATABASE.name} ({CANDIDATES:,} candidates)…", flush=True)
        build_demo_database(DATABASE, candidates=CANDIDATES)
        print(f"  built in {time.perf_counter() - started:.0f} s")
    return DATABASE


def sizes(database: Path) -> tuple[int, int]:
    import sqlite3

    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        candidates = conn.execute("SELECT count(*) FROM candidate").fetchone()[0]
        applications = conn.execute("SELECT count(*) FROM application").fetchone()[0]
    return candidates, applications


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def line(what: str, value: float, goal: float, unit: str = "ms") -> None:
    verdict = "ok" if value <= goal else "OVER"
    print(f"  {what:<52} {value:8.1f} {unit:<3} goal ≤ {goal:g} {unit}  [{verdict}]")


def in_process(database: Path) -> None:
    scratch_environment()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from monmaster_desktop.controllers.demo import DEMO_AS_OF
    from monmaster_desktop.db import Database
    from monmaster_desktop.ui.app import application
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences
    from monmaster_desktop.ui.services import Services

    app = application()
    services = Services(Database(database))
    services.as_of_override = DEMO_AS_OF
    window = MainWindow(Preferences())
    window.resize(1366, 768)
    window.show()
    started = time.perf_counter()
    window.attach(services, database.name)
    app.processEvents()
    attach_ms = (time.perf_counter() - started) * 1000
    counts_started = time.perf_counter()
    window.refresh_counts()
    while window.worklists.worklists.count("all") is None:
        app.processEvents()
    counts_ms = (time.perf_counter() - counts_started) * 1000

    # Filter: one keystroke in the search field -> table updated and painted (debounce excluded).
    window.search.setFocus()
    keystrokes = []
    for key in KEYSTROKES:
        began = time.perf_counter()
        if key == "\b":
            QTest.keyClick(window.search, Qt.Key.Key_Backspace)
        else:
            QTest.keyClicks(window.search, key)
        window.apply_search()
        window.table.viewport().repaint()
        keystrokes.append((time.perf_counter() - began) * 1000)
    window.search.clear()
    window.apply_search()

    # Opening a candidate file: the dialog built and shown, its data loaded.
    ids = window.table.candidates.ids()
    sample = ids[:: max(1, len(ids) // 12)][:12]
    try:
        from monmaster_desktop.ui.candidate_file import CandidateFileDialog

        def open_file(candidate_id: int) -> None:
            dialog = CandidateFileDialog(services, candidate_id, window)
            dialog.show()
            app.processEvents()
            dialog.hide()
            dialog.deleteLater()

        how = "CandidateFileDialog shown"
    except ImportError:

        def open_file(candidate_id: int) -> None:
            services.candidates.get_file(candidate_id, as_of=DEMO_AS_OF)

        how = "CandidateController.get_file"
    open_file(sample[0])  # first one pays the imports of the dialog's modules
    opens = []
    for candidate_id in sample[1:]:
        began = time.perf_counter()
        open_file(candidate_id)
        opens.append((time.perf_counter() - began) * 1000)
    app.processEvents()

    rss_before = peak_rss_mb()
    # Scroll the whole table end to end, a screenful at a time, painting each screen.
    bar = window.table.verticalScrollBar()
    began = time.perf_counter()
    screens = 0
    for value in range(0, bar.maximum() + bar.pageStep(), bar.pageStep()):
        bar.setValue(value)
        window.table.viewport().repaint()
        screens += 1
    scroll_s = time.perf_counter() - began
    rss = peak_rss_mb()

    print(f"\nIn one interpreter, {len(ids):,} candidates listed:")
    print(f"  attach (campaigns, ids, first page)         {attach_ms:8.1f} ms")
    print(f"  worklist counts (off the GUI thread)        {counts_ms:8.1f} ms")
    line(
        f"filter keystroke -> table updated (median of {len(keystrokes)})",
        statistics.median(keystrokes),
        20,
    )
    print(f"    (max {max(keystrokes):.1f} ms; the {150} ms typing debounce comes on top)")
    line(f"open a candidate file, {how} (median of {len(opens)})", statistics.median(opens), 50)
    print(f"  scroll end to end: {screens} screens in {scroll_s:.2f} s, "
          f"{window.table.candidates.cached_pages()} pages cached")  # fmt: skip
    print(f"  peak RSS before scrolling                   {rss_before:8.1f} MB")
    line("peak RSS after scrolling the whole table", rss, 250, "MB")
    window.services = None  # no closing backup in a benchmark
    services.db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", choices=["bare", "desk"])
    parser.add_argument("database", nargs="?", type=Path)
    args = parser.parse_args()
    if args.child:
        child_paint(args.child, args.database)
        return 0
    database = ensure_database()
    candidates, applications = sizes(database)
    print(f"Database: {database} — {candidates:,} candidates, {applications:,} applications")
    runs = paint_runs(database)
    bare = statistics.median(r["paint"] for r in runs["bare"])
    desk = statistics.median(r["paint"] for r in runs["desk"])
    filled = statistics.median(r["filled"] for r in runs["desk"])
    filled_after = statistics.median(r["filled"] - r["paint"] for r in runs["desk"])
    print(f"\nFirst paint, fresh interpreter each, median of {PAINT_RUNS} (ms from start):")
    print(f"  bare QMainWindow                            {bare:8.1f} ms")
    print(f"  Mon Master Desk main window                 {desk:8.1f} ms")
    line("ratio desk / bare", desk / bare, 1.3, "×")
    line("candidate list filled, after the first paint", filled_after, 600)
    counted = statistics.median(r["counted"] - r["paint"] for r in runs["desk"])
    print(f"    (from interpreter start: {filled:.0f} ms; worklist counts shown {counted:.0f} ms "
          "after the first paint)")  # fmt: skip
    in_process(database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
