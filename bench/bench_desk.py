"""Desk benchmark (not a test): start-up, list, filter, candidate file, memory on 50k candidates.

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_desk.py`` (or through ``bench_goals.py``,
which gathers the goals reported through ``goals.py``). The 50,000-candidate demo database is built once under
``bench/out/`` (gitignored) and reused. Every figure is taken in a fresh interpreter:

- first paints: one interpreter per run and variant (a bare ``QMainWindow`` started the same
  way, then the desk), alternated, after one unmeasured warm-up of each;
- the rest (keystrokes, files, scrolling, memory) in one more interpreter, then the keystrokes
  again with two CPU burners running (« on a busy machine too »);
- offscreen, on a 1366 × 768 screen (``SCREEN``), as on a clerk's PC.

Installed programs carry their compiled bytecode; a machine that forbids writing it
(``PYTHONDONTWRITEBYTECODE``) would have every child compile the package again. The children
keep their bytecode under ``bench/out/pycache`` instead, bare and desk alike.

Each goal is printed with its baseline in the same run where it has one, the figure, the
ratio and the goal, and the load average when it was measured (two cores shared: compare
ratios, not milliseconds).
"""

from __future__ import annotations

import time

START = time.perf_counter()  # the child's clock starts before any import of Qt or ours

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
OUT = HERE / "out"
DATABASE = OUT / "desk-50k.sqlite"
CANDIDATES = 50_000
PAINT_RUNS = 7
BURNERS = 2
#: What a clerk types (one keystroke each; "\b" is Backspace): 20 keystrokes in all.
KEYSTROKES = ["m", "a", "r", "t", "\b", "\b", "\b", "\b", "l", "e", "f", "e", "v", "\b",
              "\b", "\b", "\b", "\b", "2", "4"]  # fmt: skip

#: The clerk's screen. Qt's offscreen screen is 800 × 800 unless told, and the desk's window
#: fits the screen it is on: on 800 pixels its table shows five columns, not eight.
SCREEN = (1366, 768)


def offscreen_platform() -> str:
    """Qt's offscreen platform with a screen of ``SCREEN`` (its configuration under OUT)."""
    config = OUT / f"offscreen-{SCREEN[0]}x{SCREEN[1]}.json"
    if not config.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        config.write_text(json.dumps({"screens": [
            {"name": "clerk", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))  # fmt: skip
    return f"offscreen:configfile={config}"


def scratch_environment() -> None:
    """Settings, backups of the data folder and platform away from the user's."""
    scratch = Path(tempfile.mkdtemp(prefix="monmaster-bench-"))
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform()
    os.environ["MONMASTER_DESKTOP_HOME"] = str(scratch / "home")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))


def child_environment() -> dict[str, str]:
    """The children's environment: bytecode kept (as in an installed program), offscreen."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    if env.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        env["QT_QPA_PLATFORM"] = offscreen_platform()
    return env


def run_child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True,
        text=True,
        check=True,
        env=child_environment(),
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def load_average() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


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

        def mark(name: str) -> None:
            times.setdefault(name, (time.perf_counter() - START) * 1000)
            if {"listed", "counted"} <= times.keys():
                QTimer.singleShot(50, application.quit)

        def filled() -> None:  # its rows read and painted, not only its ids
            if "filled" not in times:
                window.table.viewport().repaint()
                mark("filled")
            if window.services is not None:  # the list read through the opened base
                mark("opened")

        window.refreshed.connect(filled)
        window.listed.connect(lambda: mark("listed"))
        window.counted.connect(lambda: mark("counted"))
        application.exec()
        window.services = None  # no closing backup in a benchmark
    del spy
    print(json.dumps(times))


# -- child: keystrokes, files, scrolling, memory ----------------------------------------------


def type_keys(app, window, keys: list[str]) -> tuple[list[float], list[float], list[float]]:  # noqa: ANN001
    """Each key typed in the search field, as a clerk does: key → first page shown and
    painted (timed), then the whole list read (timed apart) before the next key."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    model = window.table.candidates
    window.search.setFocus()
    window._last_search_at = 0.0  # a pause before the first key
    first, whole, cpu_times = [], [], []
    for key in keys:
        began, cpu = time.perf_counter(), time.thread_time()
        if key == "\b":
            QTest.keyClick(window.search, Qt.Key.Key_Backspace)
        else:
            QTest.keyClicks(window.search, key)
        if window.search_timer.isActive() and window._search_pending:
            window.apply_search()  # a key within the typing burst: the pause is not timed
        window.table.viewport().repaint()
        first.append((time.perf_counter() - began) * 1000)
        cpu_times.append((time.thread_time() - cpu) * 1000)  # the GUI thread's work
        while not model.complete:
            app.processEvents()
            time.sleep(0.0005)
        whole.append((time.perf_counter() - began) * 1000)
        window._last_search_at = 0.0  # the next key comes after a pause
        window.search_timer.stop()
    return first, whole, cpu_times


def open_file(app, window, candidate_id: int) -> float:  # noqa: ANN001
    """Ms from the clerk's Enter on a row to its file shown and painted; then closed (not
    timed) and a pause, as a clerk reads a file before the next one. The clerk is on the
    row already (selected and painted before the clock starts)."""
    window.table.select_candidate(candidate_id)
    window.table.viewport().repaint()
    app.processEvents()
    began = time.perf_counter()
    dialog = window.open_candidate(candidate_id)
    dialog.repaint()
    app.processEvents()
    took = (time.perf_counter() - began) * 1000
    dialog.reject()
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)
    return took


def child_measure(database: Path, only_keys: bool) -> None:
    scratch_environment()
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
    figures: dict[str, object] = {}
    started = time.perf_counter()
    window.attach(services, database.name)
    app.processEvents()
    figures["attach_ms"] = (time.perf_counter() - started) * 1000
    while not window.table.candidates.complete or window.worklists.worklists.count("all") is None:
        app.processEvents()
        time.sleep(0.001)
    figures["attach_to_counted_ms"] = (time.perf_counter() - started) * 1000

    first, whole, cpu_times = type_keys(app, window, KEYSTROKES)
    figures["keystrokes_ms"] = first
    figures["keystrokes_cpu_ms"] = cpu_times
    figures["whole_list_ms"] = whole
    window.search.clear()
    window.apply_search()
    while not window.table.candidates.complete:
        app.processEvents()
    ids = window.table.candidates.ids()
    figures["listed"] = len(ids)
    if only_keys:
        window.services = None
        print(json.dumps(figures))
        return

    # Opening a candidate file from the list, as the clerk does: shown, painted, its data loaded.

    sample = ids[:: max(1, len(ids) // 12)][:12]
    open_file(app, window, sample[0])  # the first one pays the imports of the dialog's modules
    opens = [open_file(app, window, candidate_id) for candidate_id in sample[1:]]
    app.processEvents()
    figures["open_ms"] = statistics.median(opens)

    figures["rss_before_scroll_mb"] = peak_rss_mb()
    # Scroll the whole table end to end, a screenful at a time, painting each screen.
    bar = window.table.verticalScrollBar()
    began = time.perf_counter()
    screens = 0
    for value in range(0, bar.maximum() + bar.pageStep(), bar.pageStep()):
        bar.setValue(value)
        window.table.viewport().repaint()
        screens += 1
    figures["scroll_s"] = time.perf_counter() - began
    figures["screens"] = screens
    figures["cached_rows"] = window.table.candidates.cached_rows()
    figures["rss_after_scroll_mb"] = peak_rss_mb()
    window.services = None  # no closing backup in a benchmark
    services.db.close()
    print(json.dumps(figures))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


# -- parent -----------------------------------------------------------------------------------


def ensure_database() -> Path:
    if not DATABASE.exists():
        # Built in a child: the parent's memory is not the desk's.
        OUT.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        print(f"Building {DATABASE.name} ({CANDIDATES:,} candidates)…", flush=True)
        subprocess.run(
            [sys.executable, "-c",
             "import sys; from pathlib import Path; "
             "from monmaster_desktop.controllers.demo import build_demo_database; "
             "build_demo_database(Path(sys.argv[1]), candidates=int(sys.argv[2]))",
             str(DATABASE), str(CANDIDATES)],
            check=True,
        )  # fmt: skip
        print(f"  built in {time.perf_counter() - started:.0f} s")
    return DATABASE


def sizes(database: Path) -> tuple[int, int]:
    import sqlite3

    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        candidates = conn.execute("SELECT count(*) FROM candidate").fetchone()[0]
        applications = conn.execute("SELECT count(*) FROM application").fetchone()[0]
    return candidates, applications


def paint_runs(database: Path) -> dict[str, list[dict[str, float]]]:
    for variant in ("bare", "desk"):  # warm-up: bytecode written, files in the page cache
        run_child("paint", variant, str(database))
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "desk": []}
    for _ in range(PAINT_RUNS):
        for variant in ("bare", "desk"):
            runs[variant].append(run_child("paint", variant, str(database)))
    return runs


def with_burners(count: int, work):  # noqa: ANN001, ANN201
    """``work()`` while ``count`` processes spin on the CPU (stopped after, by their id)."""
    burners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)
    ]
    try:
        time.sleep(0.5)
        return work()
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


def measure(database: Path) -> list:
    """Every goal of the desk, each reported through bench/goals.py as it is measured."""
    from goals import report

    goals = []
    runs = paint_runs(database)
    bare = statistics.median(r["paint"] for r in runs["bare"])
    desk = statistics.median(r["paint"] for r in runs["desk"])
    print(f"\nFirst paint, fresh interpreter each, median of {PAINT_RUNS} ({load_average()}):")
    print(f"  bare QMainWindow runs (ms): {', '.join(f'{r['paint']:.0f}' for r in runs['bare'])}")
    print(f"  desk runs (ms):             {', '.join(f'{r['paint']:.0f}' for r in runs['desk'])}")
    load = load_average()
    goals.append(report("first paint of the desk's window", desk, "ms", 1.3,
                        baseline=bare, baseline_what="bare QMainWindow", extra=load))  # fmt: skip
    filled = statistics.median(r["filled"] - r["paint"] for r in runs["desk"])
    listed = statistics.median(r["listed"] - r["paint"] for r in runs["desk"])
    counted = statistics.median(r["counted"] - r["paint"] for r in runs["desk"])
    opened = statistics.median(r["opened"] - r["paint"] for r in runs["desk"])
    goals.append(report("list filled after the first paint", filled, "ms", 500,
                        extra=f"base open and list read through it {opened:.0f} ms, whole list "
                        f"known {listed:.0f} ms, counts {counted:.0f} ms; {load}"))  # fmt: skip

    quiet = run_child("measure", str(database))
    keys = quiet["keystrokes_ms"]
    load = load_average()
    print(f"\nIn one interpreter, {quiet['listed']:,} candidates listed ({load}):")
    print(f"  attach (campaigns, first page)         {quiet['attach_ms']:8.1f} ms; whole list "
          f"and counts {quiet['attach_to_counted_ms']:.0f} ms")  # fmt: skip
    print(f"  keystrokes (ms): {' '.join(f'{k:.0f}' for k in keys)}")
    print(f"  of which the GUI thread's processor time, median "
          f"{statistics.median(quiet['keystrokes_cpu_ms']):.1f} ms")  # fmt: skip
    print(f"  whole list known after each key (ms): "
          f"{' '.join(f'{k:.0f}' for k in quiet['whole_list_ms'])}")  # fmt: skip
    goals.append(report("filter keystroke → first page shown, median", statistics.median(keys),
                        "ms", 15, extra=load))  # fmt: skip
    goals.append(report("filter keystroke → first page shown, max", max(keys), "ms", 40,
                        extra=load))  # fmt: skip
    print(f"  open a candidate file (median of 11)   {quiet['open_ms']:8.1f} ms")
    print(f"  scroll end to end: {quiet['screens']} screens in {quiet['scroll_s']:.2f} s, "
          f"{quiet["cached_rows"]:,} rows kept; peak RSS before scrolling "
          f"{quiet['rss_before_scroll_mb']:.0f} MB")  # fmt: skip
    goals.append(report("peak RSS after scrolling the whole list", quiet["rss_after_scroll_mb"],
                        "MB", 250, extra=load))  # fmt: skip

    busy = with_burners(BURNERS, lambda: run_child("measure", str(database), "keys"))
    keys = busy["keystrokes_ms"]
    load = load_average()
    print(f"\nKeystrokes again with {BURNERS} CPU burners ({load}):")
    print(f"  keystrokes (ms): {' '.join(f'{k:.0f}' for k in keys)}")
    print(f"  of which the GUI thread's processor time, median "
          f"{statistics.median(busy['keystrokes_cpu_ms']):.1f} ms (the rest: waiting for a "
          f"core)")  # fmt: skip
    goals.append(report(f"keystroke with {BURNERS} CPU burners, median", statistics.median(keys),
                        "ms", 15, extra=load))  # fmt: skip
    goals.append(report(f"keystroke with {BURNERS} CPU burners, max", max(keys), "ms", 40,
                        extra=load))  # fmt: skip
    return goals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "paint":
            child_paint(rest[0], Path(rest[1]))
        else:
            child_measure(Path(rest[0]), only_keys="keys" in rest)
        return 0
    database = ensure_database()
    candidates, applications = sizes(database)
    print(f"Database: {database} — {candidates:,} candidates, {applications:,} applications")
    print(f"Started with {load_average()}")
    print(f"\nGoals ({load_average()} at the start of each):")
    goals = measure(database)
    print("\nEvery goal of this run:")
    for goal in goals:
        print(goal.text())
    return 0 if all(goal.met for goal in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
