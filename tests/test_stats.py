"""The dashboard's figures (``stats``) say what ``check`` says on the same date, figure by figure."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.context import RulesContext
from monmaster_desktop.controllers.demo import build_demo_database
from monmaster_desktop.controllers.records import application_facts, application_facts_select
from monmaster_desktop.controllers.stats import (
    FIGURE,
    FLAG,
    HOME,
    MENTION,
    REASON,
    STATUS,
    Selection,
    StatsController,
    stats_lines,
)
from monmaster_desktop.db import Database
from monmaster_desktop.domain import Flag, fold
from monmaster_desktop.models import Application, Campaign, Candidate

#: Before the applications close, during the admissions, on and after each deadline (19/07,
#: 29/08), the day the complementary phase ends, after it, and months later.
DATES = (
    date(2024, 3, 10),
    date(2024, 6, 15),
    date(2024, 7, 19),
    date(2024, 7, 20),
    date(2024, 7, 31),
    date(2024, 8, 1),
    date(2024, 8, 30),
    date(2024, 9, 2),
    date(2025, 1, 15),
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of 500 generated candidates (the demo generator, imported the usual way)."""
    path = tmp_path_factory.mktemp("stats") / "generated.sqlite"
    return build_demo_database(path, candidates=500, seed=1414, as_of=None)


def run_json(capsys: pytest.CaptureFixture, *args: str) -> dict:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def people(candidates: list[dict]) -> dict[Selection, set[str]]:
    """Who is behind each figure, read from ``check --json`` alone (FORMATS.md §4)."""
    found: dict[Selection, set[str]] = defaultdict(set)
    for c in candidates:
        number = c["candidate_number"]
        found[Selection(FIGURE, "candidates")].add(number)
        if c["eligible"]:
            found[Selection(FIGURE, "eligible")].add(number)
        if c["must_contact_registrar"]:
            found[Selection(FIGURE, "must_contact_registrar")].add(number)
        for flag in c["flags"]:
            found[Selection(FLAG, flag)].add(number)
        for reason in c["ineligibility_reasons"]:
            found[Selection(REASON, reason)].add(number)
        reg = c["registration"]
        if reg is None:
            continue
        key = fold(reg["mention"])
        found[Selection(HOME, "accepted_definitively")].add(number)
        found[Selection(MENTION, "accepted_definitively", key)].add(number)
        if reg["registered_on"] is not None:
            found[Selection(HOME, "registered")].add(number)
            found[Selection(MENTION, "registered", key)].add(number)
        if "registration_overdue" in c["flags"]:
            found[Selection(HOME, "overdue")].add(number)
            found[Selection(MENTION, "overdue", key)].add(number)
        if "deadline_set_by_head" in c["flags"]:
            found[Selection(HOME, "deadline_to_set")].add(number)
    return found


def expected_json(check: dict, campaign: int) -> dict:
    """``stats --json`` as FORMATS.md §4 derives it from ``check --json`` (one campaign here)."""
    who = people(check["candidates"])
    mentions: dict[str, Counter] = defaultdict(Counter)
    for c in check["candidates"]:
        if c["registration"]:
            mentions[fold(c["registration"]["mention"])][c["registration"]["mention"]] += 1
    by_mention = sorted(
        (
            {
                "mention": min(spelled, key=lambda s: (-spelled[s], s)),
                "accepted_definitively": len(who[Selection(MENTION, "accepted_definitively", k)]),
                "registered": len(who[Selection(MENTION, "registered", k)]),
                "overdue": len(who[Selection(MENTION, "overdue", k)]),
            }
            for k, spelled in mentions.items()
        ),
        key=lambda m: m["mention"],
    )
    return {
        "as_of": check["as_of"],
        "campaign": campaign,
        "candidates": len(check["candidates"]),
        "eligible": len(who[Selection(FIGURE, "eligible")]),
        "must_contact_registrar": len(who[Selection(FIGURE, "must_contact_registrar")]),
        "flags": {f.value: len(who[Selection(FLAG, f.value)]) for f in sorted(Flag)},
        "home": {
            "accepted_definitively": len(who[Selection(HOME, "accepted_definitively")]),
            "registered": len(who[Selection(HOME, "registered")]),
            "overdue": len(who[Selection(HOME, "overdue")]),
            "deadline_to_set": len(who[Selection(HOME, "deadline_to_set")]),
            "by_mention": by_mention,
        },
    }


def statuses_as_of(db: Database, as_of: date, campaign: int) -> tuple[Counter, dict[str, set]]:
    """Each stored application read as it stood on ``as_of`` by the rules, one by one."""
    try:
        from monmaster_desktop.rules.asof import as_it_stood
    except ImportError:  # rules reading the whole record: only later submissions are left out

        def as_it_stood(app, day, _calendar):  # noqa: ANN001, ANN202
            return None if app.submitted_on and app.submitted_on > day else app

    counts: Counter = Counter()
    holders: dict[str, set] = defaultdict(set)
    with db.read() as session:
        ctx = RulesContext.load(session)
        for row in session.connection().execute(application_facts_select()):
            app = application_facts(row)
            if app.campaign_year != campaign:
                continue
            stood = as_it_stood(app, as_of, ctx.calendars.get(app.campaign_year))
            if stood is not None:
                counts[stood.status.value] += 1
                holders[stood.status.value].add(row[0])
    return counts, holders


@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_stats_json_equals_check_json_figure_by_figure(
    generated: Path, capsys: pytest.CaptureFixture, as_of: date
) -> None:
    """stats --json holds exactly the figures FORMATS.md §4 derives from check --json that day,
    and its applications by status are each application read as of the date by the rules."""
    db_arg = ("--database", str(generated), "--today", as_of.isoformat())
    check = run_json(capsys, "check", "--json", *db_arg)
    stats = run_json(capsys, "stats", "--json", *db_arg)
    with Database(generated) as db:
        counts, _ = statuses_as_of(db, as_of, 2024)
    expected = expected_json(check, 2024) | {
        "applications_by_status": dict(sorted((s, n) for s, n in counts.items() if n))
    }
    assert stats == expected
    # The data has something to say on each date: the test cannot pass on zeros alone.
    assert stats["candidates"] == 500
    if as_of >= date(2024, 7, 20):
        assert stats["home"]["accepted_definitively"] > 50
        assert stats["home"]["registered"] > 20
    if date(2024, 7, 20) <= as_of <= date(2024, 12, 31):
        assert stats["home"]["overdue"] > 0


@pytest.mark.parametrize("as_of", [date(2024, 7, 20), date(2024, 9, 2)], ids=str)
def test_every_figure_opens_the_people_check_names(
    generated: Path, capsys: pytest.CaptureFixture, as_of: date
) -> None:
    """Clicking a figure, a mention's bar or a reason lists the very candidates that check
    counts for it; a status lists those holding such an application that day."""
    check = run_json(
        capsys, "check", "--json", "--database", str(generated), "--today", as_of.isoformat()
    )
    who = people(check["candidates"])
    with Database(generated) as db:
        controller = StatsController(db)
        stats = controller.compute(as_of)
        with db.read() as session:
            numbers = dict(session.execute(select(Candidate.id, Candidate.candidate_number)).all())
        selections = set(who) | {Selection(FLAG, f.value) for f in Flag}
        assert len(selections) > 30
        for selection in selections:
            listed = {numbers[i] for i in controller.candidate_ids(stats, selection)}
            assert listed == who.get(selection, set()), selection
            assert stats.figure(selection) == len(listed), selection
        _, holders = statuses_as_of(db, as_of, 2024)
        for status, ids in holders.items():
            assert set(controller.candidate_ids(stats, Selection(STATUS, status))) == ids


def test_registrations_over_time_add_up(generated: Path) -> None:
    """The daily series sum to the accepted and registered totals; the 2024 deadlines are
    marked; nothing is dated after the reference date."""
    with Database(generated) as db:
        stats = StatsController(db).compute(date(2024, 8, 1))
    assert sum(n for _, n in stats.acceptances_by_day) == stats.home["accepted_definitively"]
    assert sum(n for _, n in stats.registrations_by_day) == stats.home["registered"]
    assert stats.deadlines == (date(2024, 7, 19), date(2024, 8, 29))
    assert all(day <= date(2024, 8, 1) for day, _ in stats.registrations_by_day)
    assert all(day <= date(2024, 8, 1) for day, _ in stats.acceptances_by_day)
    assert sum(stats.ineligibility_reasons.values()) >= stats.flags["not_eligible"] > 0


def test_stats_text_and_campaign_choice(generated: Path, capsys: pytest.CaptureFixture) -> None:
    """Without --json the figures print in French with French number formats; an unknown
    campaign is refused (exit 1, nothing printed on stdout)."""
    args = ["stats", "--database", str(generated), "--today", "2024-07-20"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Campagne 2024, situation au 20/07/2024" in out
    assert "Doivent contacter la scolarité" in out
    assert main([*args, "--campaign", "2031"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "campagne 2031 introuvable" in captured.err
    with Database(generated) as db:
        lines = stats_lines(StatsController(db).compute(date(2024, 7, 20), 2024))
    assert lines == out.rstrip("\n").split("\n")


def test_thousands_use_a_no_break_space(tmp_path: Path) -> None:
    """12345 is written « 12 345 » with a narrow no-break space, never a comma."""
    from monmaster_desktop.controllers.stats import fr_number

    assert fr_number(12345) == "12\u202f345"
    assert fr_number(999) == "999"


def test_empty_database(db: Database) -> None:
    """A base without candidates answers zeros, not an error."""
    stats = StatsController(db).compute(date(2024, 7, 20))
    assert stats.candidates == 0 and stats.campaign is None
    assert stats.as_json()["flags"] == {f.value: 0 for f in sorted(Flag)}


def test_stats_on_a_missing_base_creates_nothing(tmp_path: Path) -> None:
    """stats on a file that does not exist exits 1 with « base introuvable » and creates
    nothing (FORMATS.md §1), in its own process with the default database too."""
    import os
    import subprocess
    import sys

    typo = tmp_path / "bsae.sqlite"
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    env |= {"MONMASTER_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    for where in (["--database", str(typo)], []):
        done = subprocess.run(
            [sys.executable, "-m", "monmaster_desktop", "stats", "--json", *where],
            capture_output=True,
            env=env,
            timeout=180,
        )
        err = done.stderr.decode("utf-8")
        assert done.returncode == 1, err
        assert "base introuvable" in err and "Traceback" not in err
        assert not typo.exists() and not (home / "monmaster.sqlite").exists()


@pytest.fixture(scope="module")
def two_campaigns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 candidates of 2024 and 200 others of 2025 (a campaign proposed from 2024's)."""
    from monmaster_desktop.controllers.campaigns import CampaignController
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.demo import generate, write_csv_files

    folder = tmp_path_factory.mktemp("two")
    path = build_demo_database(folder / "two.sqlite", candidates=300, seed=77, as_of=None)
    with Database(path) as db:
        campaigns = CampaignController(db)
        campaigns.save(campaigns.proposal())
        files = write_csv_files(generate(200, seed=78, campaign_year=2025), folder / "2025")
        result = ImportController(db).run(*files)
        assert not result.problems, [p.line_text() for p in result.problems[:5]]
    return path


@pytest.mark.parametrize("as_of", [date(2024, 7, 20), date(2025, 7, 21)], ids=str)
def test_each_campaign_counts_its_own_candidates(
    two_campaigns: Path, capsys: pytest.CaptureFixture, as_of: date
) -> None:
    """--campaign chooses whose figures: each campaign's are check's figures over the candidates
    whose latest campaign it is (as the worklist pane counts them); the default is the latest."""
    db_arg = ("--database", str(two_campaigns), "--today", as_of.isoformat())
    check = run_json(capsys, "check", "--json", *db_arg)
    with Database(two_campaigns) as db, db.read() as session:
        latest = dict(
            session.execute(
                select(Candidate.candidate_number, func.max(Campaign.year))
                .join(Application, Application.candidate_id == Candidate.id)
                .join(Campaign, Application.campaign_id == Campaign.id)
                .group_by(Candidate.candidate_number)
            ).all()
        )
    assert sorted(set(latest.values())) == [2024, 2025]
    for year in (2024, 2025):
        stats = run_json(capsys, "stats", "--json", "--campaign", str(year), *db_arg)
        mine = [c for c in check["candidates"] if latest.get(c["candidate_number"]) == year]
        expected = expected_json({"as_of": check["as_of"], "candidates": mine}, year)
        assert {k: v for k, v in stats.items() if k != "applications_by_status"} == expected
        assert stats["candidates"] == (300 if year == 2024 else 200)
    assert run_json(capsys, "stats", "--json", *db_arg)["campaign"] == 2025


def test_stats_json_equals_check_json_on_a_server_base(
    pg_base: str, capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    """On a PostgreSQL base too, stats --json holds check --json's figures, on dates before,
    during and after the summer's deadlines."""
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.demo import generate, write_csv_files

    files = write_csv_files(generate(200, seed=1515, as_of=None), tmp_path)
    with Database(pg_base) as db:
        assert not ImportController(db).run(*files).problems
    for as_of in (date(2024, 3, 10), date(2024, 7, 20), date(2024, 9, 2)):
        db_arg = ("--database", pg_base, "--today", as_of.isoformat())
        check = run_json(capsys, "check", "--json", *db_arg)
        stats = run_json(capsys, "stats", "--json", *db_arg)
        with Database(pg_base) as db:
            counts, _ = statuses_as_of(db, as_of, 2024)
        expected = expected_json(check, 2024) | {
            "applications_by_status": dict(sorted((s, n) for s, n in counts.items() if n))
        }
        assert stats == expected
        assert stats["candidates"] == 200
