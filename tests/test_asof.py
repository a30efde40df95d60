"""RULES.md §8 on the demo: a check as of 20/07/2024 shows no event dated after that day as done;
worklists, candidate files, sheets data and exports read the record as it stood."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from monmaster_desktop.controllers.checks import check_report
from monmaster_desktop.controllers.demo import DEMO_AS_OF, build_demo_database
from monmaster_desktop.controllers.sheets import SheetController
from monmaster_desktop.controllers.worklists import Worklist, WorklistController
from monmaster_desktop.db import Database
from monmaster_desktop.domain import ApplicationStatus, Flag

DATES = [date(2024, 6, 20), DEMO_AS_OF, date(2024, 8, 5), date(2024, 9, 2), date.today()]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's candidates over the whole campaign (to September): the demo itself stops on
    its reference date, these tests need events after it."""
    return build_demo_database(tmp_path_factory.mktemp("asof") / "demo.sqlite", 300, as_of=None)


def later_rows(path: Path, as_of: date) -> dict[str, list[tuple]]:
    """Applications of the demo with an event dated after ``as_of``, by candidate number."""
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT c.candidate_number, a.submitted_on, a.notified_on, a.accepted_on, "
        "a.registered_on, a.status FROM application a JOIN candidate c ON a.candidate_id = c.id"
    ).fetchall()
    conn.close()
    iso = as_of.isoformat()
    found: dict[str, list[tuple]] = {}
    for row in rows:
        if any(day is not None and day > iso for day in row[1:5]):
            found.setdefault(row[0], []).append(row)
    return found


def test_check_on_20_july_shows_no_later_event_as_done(demo: Path) -> None:
    later = later_rows(demo, DEMO_AS_OF)
    # The demo runs to September: many events come after 20/07 (the test cannot pass vacuously).
    assert sum(1 for rows in later.values() for r in rows if r[3] and r[3] > "2024-07-20") > 5
    assert sum(1 for rows in later.values() for r in rows if r[4] and r[4] > "2024-07-20") > 5
    with Database(demo) as db:
        report = check_report(db, DEMO_AS_OF)
    checked_later = 0
    for c in report["candidates"]:
        reg = c["registration"]
        if reg is not None:
            assert reg["accepted_on"] <= "2024-07-20", c
            assert reg["registered_on"] is None or reg["registered_on"] <= "2024-07-20", c
        for e in c["explanation_deadlines"]:
            assert e["notified_on"] <= "2024-07-20", c
        checked_later += c["candidate_number"] in later
    assert checked_later == len(later)


def test_registered_later_is_overdue_on_the_day(demo: Path) -> None:
    """A candidate accepted before 15/07 and registered after 19/07 is overdue on 20/07 and not
    after the registration (the demo's own example of RULES.md §8)."""
    conn = sqlite3.connect(demo)
    row = conn.execute(
        "SELECT c.candidate_number, a.registered_on FROM application a "
        "JOIN candidate c ON a.candidate_id = c.id JOIN course k ON a.course_id = k.id "
        "JOIN institution i ON k.institution_id = i.id WHERE i.code = '0134009M' "
        "AND a.status = 'accepted_definitively' AND a.accepted_on <= '2024-07-15' "
        "AND a.registered_on > '2024-07-20' ORDER BY c.candidate_number"
    ).fetchone()
    conn.close()
    assert row is not None, "the demo holds a late registration"
    with Database(demo) as db:
        on_20 = {c["candidate_number"]: c for c in check_report(db, DEMO_AS_OF)["candidates"]}
        after = date.fromisoformat(row[1])
        on_reg = {c["candidate_number"]: c for c in check_report(db, after)["candidates"]}
    assert "registration_overdue" in on_20[row[0]]["flags"]
    assert "registration_overdue" not in on_reg[row[0]]["flags"]


@pytest.mark.parametrize("as_of", DATES)
def test_worklists_count_what_check_says(demo: Path, as_of: date) -> None:
    """The SQL worklists and the rules agree on every date: one reading of « as of »."""
    with Database(demo) as db:
        report = check_report(db, as_of)
        counts = WorklistController(db).counts(as_of)
        flags = Counter(f for c in report["candidates"] for f in c["flags"])
        for flag in Flag:
            assert counts[Worklist(flag.value)] == flags[flag.value], (flag, as_of)
        assert counts[Worklist.MUST_CONTACT] == sum(
            c["must_contact_registrar"] for c in report["candidates"]
        )
        ids = WorklistController(db).candidate_ids(Worklist.ALL, as_of=as_of)
        rows = WorklistController(db).rows(ids, as_of=as_of)
        by_number = {c["candidate_number"]: c for c in report["candidates"]}
        for row in rows:
            expected = by_number[row.candidate_number]
            assert sorted(f.value for f in row.flags) == expected["flags"]
            assert row.counted_initial == expected["counted"]["main"]["initial"]


def test_files_mark_later_events_and_never_show_them_done(demo: Path) -> None:
    later = later_rows(demo, DEMO_AS_OF)
    with Database(demo) as db:
        files = SheetController(db).files(candidate_numbers=sorted(later), as_of=DEMO_AS_OF)
    marked = 0
    for file in files:
        assert file.as_of == DEMO_AS_OF
        for view in file.applications:
            d = view.data
            for name in ("submitted_on", "notified_on", "accepted_on", "registered_on"):
                day = getattr(d, name)
                assert (name in view.later) == (day is not None and day > DEMO_AS_OF)
            if "accepted_on" in view.later:
                marked += 1
                assert view.status_as_of not in (
                    ApplicationStatus.ACCEPTED_DEFINITIVELY,
                    ApplicationStatus.ACCEPTED_PROVISIONALLY,
                )
            if view.submitted_later:
                assert view.status_as_of is None and not view.counted
    assert marked > 0


def test_export_filtered_by_flag_reads_the_date(demo: Path, tmp_path: Path) -> None:
    """Exports filtered by a flag list who had it on the date (overdue on 20/07 vs 02/09)."""
    from monmaster_desktop.controllers.exports import ExportController

    with Database(demo) as db:
        exporter = ExportController(db)
        for as_of in (DEMO_AS_OF, date(2024, 9, 2)):
            out = tmp_path / f"overdue-{as_of}.csv"
            rows = exporter.export("candidates", out, worklist="registration_overdue", as_of=as_of)
            expected = sum(
                "registration_overdue" in c["flags"] for c in check_report(db, as_of)["candidates"]
            )
            assert rows == expected
