"""Window figures on a server base, beside the same figures on the SQLite file (not a test).

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_server.py``. The 50,000-candidate /
~410,000-application demo file of ``bench_desk.py`` (``bench/out/desk-50k.sqlite``) is copied
onto a throwaway PostgreSQL on the loopback with ``transfer``; then, for each engine:

- candidate list filled after the window's first paint (fresh interpreter per run, median);
- filter keystroke → table updated (median of 20 keystrokes);
- open a candidate file (median of 11);
- 10 desks saving at once for 20 s: p95 save latency (``bench_server_load.py``'s load).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PAINT_RUNS = 5
from bench_desk import KEYSTROKES, scratch_environment  # noqa: E402  (the same clerk)


def child_environment() -> dict[str, str]:
    import bench_desk

    return bench_desk.child_environment()


def target_of(text: str):  # noqa: ANN201
    return text if text.startswith("postgresql") else Path(text)


def label_of(target) -> str:  # noqa: ANN001
    if isinstance(target, str):
        from monmaster_desktop.ui.connect_dialog import describe

        return describe(target)
    return target.name


# -- child: one first paint, the list filled after it ------------------------------------------


def child_paint(target_text: str) -> None:
    scratch_environment()
    from PySide6.QtCore import QEvent, QObject, QTimer

    from monmaster_desktop.controllers.demo import DEMO_AS_OF
    from monmaster_desktop.ui import app as desk
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences

    times: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and "paint" not in times:
                times["paint"] = (time.perf_counter() - START) * 1000
            return False

    application = desk.application()
    window = MainWindow(Preferences())
    window.installEventFilter(spy := FirstPaint())
    target = target_of(target_text)

    def after_first_paint() -> None:
        from monmaster_desktop.db import Database
        from monmaster_desktop.ui.services import Services

        services = Services(Database(target), as_of_override=DEMO_AS_OF)
        window.attach(services, label_of(target))

    def filled() -> None:
        times.setdefault("filled", (time.perf_counter() - START) * 1000)

    def counted() -> None:
        times.setdefault("counted", (time.perf_counter() - START) * 1000)
        QTimer.singleShot(50, application.quit)

    window.first_painted.connect(lambda: QTimer.singleShot(0, after_first_paint))
    window.refreshed.connect(filled)
    window.counted.connect(counted)
    window.resize(1366, 768)
    window.show()
    application.exec()
    if window.live is not None:
        window.live.stop()
    window.services = None
    del spy
    print(json.dumps(times))


def paint_runs(target: str) -> list[dict[str, float]]:
    runs = []
    for _ in range(PAINT_RUNS):
        out = subprocess.run(
            [sys.executable, __file__, "--child", target],
            capture_output=True,
            text=True,
            check=True,
            env=child_environment(),
        ).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    return runs


# -- in one interpreter: keystrokes and files ----------------------------------------------------


def in_process(target_text: str) -> dict[str, float]:
    scratch_environment()

    from monmaster_desktop.controllers.demo import DEMO_AS_OF
    from monmaster_desktop.db import Database
    from monmaster_desktop.ui.app import application
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences
    from monmaster_desktop.ui.services import Services

    app = application()
    target = target_of(target_text)
    services = Services(Database(target), as_of_override=DEMO_AS_OF)
    window = MainWindow(Preferences())
    window.resize(1366, 768)
    window.show()
    window.attach(services, label_of(target))
    while not window.table.candidates.complete:
        app.processEvents()
    import bench_desk

    keystrokes, whole_lists, _cpu = bench_desk.type_keys(app, window, KEYSTROKES)
    window.search.clear()
    window.apply_search()
    while not window.table.candidates.complete:
        app.processEvents()
    ids = window.table.candidates.ids()
    sample = ids[:: max(1, len(ids) // 12)][:12]

    open_file = bench_desk.open_file  # the same clerk, the same clock
    open_file(app, window, sample[0])
    opens = [open_file(app, window, candidate_id) for candidate_id in sample[1:]]
    if window.live is not None:
        window.live.stop()
    window.services = None
    services.db.close()
    return {
        "keystroke_ms": statistics.median(keystrokes),
        "keystroke_max_ms": max(keystrokes),
        "whole_list_ms": statistics.median(whole_lists),
        "open_ms": statistics.median(opens),
        "listed": len(ids),
    }


# -- parent -------------------------------------------------------------------------------------


def measure(target: str, load_seconds: float, desks: int, folder: Path) -> dict:
    import bench_server_load

    runs = paint_runs(target)
    figures = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--in-process", target],
            capture_output=True,
            text=True,
            check=True,
            env=child_environment(),
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    figures["filled_after_paint_ms"] = statistics.median(r["filled"] - r["paint"] for r in runs)
    figures["first_paint_ms"] = statistics.median(r["paint"] for r in runs)
    load = bench_server_load.run_load(target, desks, load_seconds, folder)
    figures["load_p95_ms"] = load["p95_ms"]
    figures["load_p50_ms"] = load["p50_ms"]
    figures["load_saves_per_s"] = load["saves_per_s"]
    figures["load_lost"] = len(load["lost"])
    figures["load_unexpected"] = len(load["unexpected"]) + load["crashed"]
    return figures


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child_paint(sys.argv[2])
        return 0
    if len(sys.argv) > 2 and sys.argv[1] == "--in-process":
        print(json.dumps(in_process(sys.argv[2])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--load-seconds", type=float, default=20)
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    import bench_desk
    from goals import report

    from monmaster_desktop.local_server import LocalServer
    from monmaster_desktop.transfer import transfer

    source = bench_desk.ensure_database()
    candidates, applications = bench_desk.sizes(source)
    folder = Path(tempfile.mkdtemp(prefix="monmaster-server-bench-"))
    os.environ["MONMASTER_DESKTOP_HOME"] = str(folder / "home")
    server = LocalServer().start()  # its own folder, which the postgres user can reach
    try:
        server.admin("CREATE DATABASE bench")
        server.admin("ALTER DATABASE bench SET synchronous_commit = on")
        url = server.url_for("bench")
        started = time.perf_counter()
        transfer(str(source), url)
        print(f"{candidates:,} candidates, {applications:,} applications copied to the server "
              f"in {time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
        # the load writes: on a copy of the file, never the cached one
        copy = folder / "desk-50k.sqlite"
        copy.write_bytes(source.read_bytes())
        results = {}
        for name, target in (("PostgreSQL", url), ("SQLite", str(copy))):
            print(f"measuring {name}…", flush=True)
            results[name] = measure(target, args.load_seconds, args.desks, folder)
    finally:
        server.stop()

    goals = {
        "filled_after_paint_ms": ("list filled after first paint", 600),
        "keystroke_ms": ("filter keystroke → first page shown (median)", 20),
        "open_ms": ("open a candidate file (median)", 50),
        "load_p95_ms": (f"{args.desks}-desk load, p95 save", 100),
    }
    print(f"\n{'':46}{'PostgreSQL':>12}{'SQLite':>12}{'ratio':>8}   goal")
    for key, (label, goal) in goals.items():
        pg, lite = results["PostgreSQL"][key], results["SQLite"][key]
        verdict = "ok" if pg <= goal else "OVER"
        print(f"{label:46}{pg:10.1f}ms{lite:10.1f}ms{pg / lite:7.2f}×   ≤ {goal} ms [{verdict}]")
    for key, (label, goal) in goals.items():
        lite = results["SQLite"][key]
        report(f"server: {label}", results["PostgreSQL"][key], "ms", goal,
               extra=f"SQLite in the same run {lite:.1f} ms")
    for name, figures in results.items():
        print(
            f"{name}: first paint {figures['first_paint_ms']:.0f} ms; {figures['listed']:,} listed; "
            f"keystroke max {figures['keystroke_max_ms']:.1f} ms, whole list known after a key "
            f"{figures['whole_list_ms']:.1f} ms (median); load {figures['load_saves_per_s']:.1f} "
            f"saves/s, p50 {figures['load_p50_ms']:.1f} ms, lost {figures['load_lost']}, "
            f"unexpected {figures['load_unexpected']}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
