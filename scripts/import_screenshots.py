"""Screenshots of the import window: the mapping step, and a check that lists identity changes
and the applications a definitive acceptance closes.

Run: QT_QPA_PLATFORM=offscreen python scripts/import_screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTIVE = {"submitted", "waitlisted", "contract_search", "offer", "accepted_provisionally"}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict[str, str]], rename: dict[str, str] | None = None) -> Path:
    names = list(rows[0])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([(rename or {}).get(n, n) for n in names])
        writer.writerows([row[n] for n in names] for row in rows)
    return path


def _files(folder: Path, cands: Path, apps: Path) -> tuple[Path, Path]:
    """The office's corrected export: two names changed, « I.N.E. » as a header, and two
    candidates who accepted an offer definitively since the last import."""
    people = _rows(cands)
    people[0]["last_name"] = "Perrin-Duval"
    people[3]["first_name"] = "Brice-Arnaud"
    applications = _rows(apps)
    accepted = 0
    for number in dict.fromkeys(r["candidate_number"] for r in applications):
        own = [r for r in applications if r["candidate_number"] == number]
        if any(r["status"] == "accepted_definitively" for r in own):
            continue
        open_main = [r for r in own if r["status"] in ACTIVE and r["phase"] in ("", "main")]
        if len(open_main) < 2:
            continue
        row = next((r for r in open_main if r["status"] == "submitted"), None)
        if row is None:
            continue
        row.update(
            status="accepted_definitively",
            notified_on="2024-06-05",
            accepted_on="2024-06-10",
            waitlist_rank="",
            rejection_reason="",
        )
        accepted += 1
        if accepted == 2:
            break
    return (
        _write(folder / "candidats-corrigés.csv", people, {"ine": "I.N.E."}),
        _write(folder / "candidatures-juin.csv", applications),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--screen", type=Path, help="also save the whole screen (under a window manager) here"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="monmaster-shots-"))
    os.environ["MONMASTER_DESKTOP_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.db import Database
    from monmaster_desktop.demo import generate, write_csv_files
    from monmaster_desktop.ui.import_dialog import ImportDialog
    from monmaster_desktop.ui.services import Services

    app = QApplication.instance() or QApplication([])
    db = Database(home / "demo.sqlite")
    cands, apps = write_csv_files(generate(40, seed=7), home / "demo")
    assert ImportController(db).run(cands, apps).written
    corrected, june = _files(home, cands, apps)

    dialog = ImportDialog(Services(db))
    if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # its 800 × 800 screen: the size on 1366 × 768
        dialog.resize(1100, 708)
    dialog.show()

    def wait(condition) -> None:  # noqa: ANN001
        deadline = time.monotonic() + 60
        while not condition():
            app.processEvents()
            time.sleep(0.02)
            if time.monotonic() > deadline:
                raise SystemExit("the import window did not finish in time")

    dialog.set_file("candidates", corrected)
    wait(lambda: dialog.previews["candidates"] is not None)
    dialog.set_file("applications", june)
    wait(lambda: dialog.previews["applications"] is not None)
    dialog.tabs.setCurrentIndex(0)
    app.processEvents()
    dialog.grab().save(str(args.out / "import_mapping.png"))

    chooser = dialog.panes["candidates"].choosers["I.N.E."]
    chooser.setCurrentIndex(1)  # « INE (proposée) »
    dialog.check_button.click()
    wait(lambda: dialog.result is not None and not dialog.busy)
    app.processEvents()
    dialog.grab().save(str(args.out / "import_changes.png"))
    if args.screen is not None:
        time.sleep(0.5)
        app.processEvents()
        app.primaryScreen().grabWindow(0).save(str(args.screen))
        print(
            "dialog",
            dialog.geometry(),
            dialog.minimumSizeHint(),
            app.primaryScreen().availableGeometry(),
        )
    print(f"written: {args.out / 'import_mapping.png'}, {args.out / 'import_changes.png'}")
    dialog.close()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
