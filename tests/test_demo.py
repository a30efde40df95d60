"""The demo data generator: deterministic, realistic, valid under every rule, covering every case."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from monmaster_desktop.demo import (
    APPLICATION_COLUMNS,
    CANDIDATE_COLUMNS,
    DemoData,
    generate,
    write_csv_files,
)
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Flag,
    IneligibilityReason,
    Phase,
    RejectionReason,
    TrainingType,
    fold,
)
from monmaster_desktop.rules.assess import assess
from monmaster_desktop.rules.calendar import check_submission
from monmaster_desktop.rules.caps import check_cap, count_applications
from monmaster_desktop.rules.facts import (
    ApplicationFacts,
    CampaignCalendar,
    CandidateFacts,
)
from monmaster_desktop.rules.ine import check_ine, ine_family
from monmaster_desktop.rules.outcomes import ACTIVE, check_consistency, check_single_definitive

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2024, 7, 20)
TERMINAL = {"declined", "expired", "rejected", "withdrawn"}
UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


# -- helpers ----------------------------------------------------------------------------------


@cache
def defaults() -> dict:
    """The built-in campaign data shipped in resources/defaults.json."""
    return json.loads((ROOT / "resources" / "defaults.json").read_text(encoding="utf-8"))


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@cache
def calendar_2024() -> CampaignCalendar:
    """The 2024 CampaignCalendar as recorded in resources/defaults.json."""
    raw = next(c for c in defaults()["campaigns"] if c["year"] == 2024)
    return CampaignCalendar.from_record(raw)


def home() -> str:
    """UAI of the home institution."""
    return defaults()["home_institution"]["code"]


def etudes_en_france() -> frozenset[str]:
    """The Études en France countries of the built-in data."""
    return frozenset(defaults()["etudes_en_france"].split())


def candidate_facts(row: dict[str, str]) -> CandidateFacts:
    """CandidateFacts from one candidates.csv row."""
    return CandidateFacts(
        nationality=row["nationality"],
        residence_country=row["residence_country"],
        diploma=Diploma(row["diploma"]),
        diploma_status=DiplomaStatus(row["diploma_status"] or "obtained"),
        repeating_m1=row["repeating_m1"] == "oui",
        ves_vap=row["ves_vap"] == "oui",
        automatic_admission=row["automatic_admission"] == "oui",
        enrolment_history=EnrolmentHistory(row["enrolment_history"]),
    )


def application_facts(row: dict[str, str], key: object = None) -> ApplicationFacts:
    """ApplicationFacts from one applications.csv row."""
    return ApplicationFacts(
        institution_code=row["institution_code"],
        mention=row["mention"],
        training_type=TrainingType(row["training_type"]),
        phase=Phase(row["phase"] or "main"),
        status=ApplicationStatus(row["status"]),
        submitted_on=_day(row["submitted_on"]),
        parcours=row["parcours"],
        campaign_year=int(row["campaign"]),
        waitlist_rank=int(row["waitlist_rank"]) if row["waitlist_rank"] else None,
        rejection_reason=RejectionReason(row["rejection_reason"])
        if row["rejection_reason"]
        else None,
        notified_on=_day(row["notified_on"]),
        accepted_on=_day(row["accepted_on"]),
        registered_on=_day(row["registered_on"]),
        key=key,
    )


def by_candidate(data: DemoData) -> dict[str, list[dict[str, str]]]:
    """Application rows grouped by candidate number, in file order."""
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in data.applications:
        grouped[row["candidate_number"]].append(row)
    return grouped


def assessments(data: DemoData, as_of: date = AS_OF) -> dict[str, object]:
    """Every candidate assessed on ``as_of`` (2024-07-20) with the built-in campaign."""
    grouped = by_candidate(data)
    calendars = {2024: calendar_2024()}
    return {
        cand["candidate_number"]: assess(
            candidate_facts(cand),
            [application_facts(r) for r in grouped[cand["candidate_number"]]],
            calendars,
            home_institution=home(),
            etudes_en_france=etudes_en_france(),
            as_of=as_of,
        )
        for cand in data.candidates
    }


@cache
def sample(n: int, seed: int = 2024) -> DemoData:
    """Generated data, shared between tests (the rows are never modified)."""
    return generate(n, seed)


# -- determinism, shape -----------------------------------------------------------------------


def test_same_seed_gives_same_rows() -> None:
    """Two runs with one seed give identical candidates and applications."""
    first, second = generate(250, 11), generate(250, 11)
    assert first.candidates == second.candidates
    assert first.applications == second.applications


def test_other_seed_gives_other_rows() -> None:
    """Another seed gives other people and other applications."""
    first, second = generate(250, 11), generate(250, 12)
    assert first.candidates != second.candidates
    assert first.applications != second.applications


def test_global_random_state_is_left_alone() -> None:
    """The generator uses its own Random: the global random sequence is not consumed."""
    import random

    random.seed(5)
    expected = random.random()
    random.seed(5)
    generate(50)
    assert random.random() == expected


def test_columns_are_those_of_the_import_formats() -> None:
    """Every row has exactly the columns of FORMATS.md §2, all strings."""
    assert CANDIDATE_COLUMNS == (
        "candidate_number", "ine", "last_name", "first_name", "birth_date", "email", "phone",
        "nationality", "residence_country", "diploma", "diploma_status", "repeating_m1",
        "ves_vap", "automatic_admission", "enrolment_history",
    )  # fmt: skip
    assert APPLICATION_COLUMNS == (
        "candidate_number", "campaign", "phase", "institution_code", "institution_name",
        "mention", "parcours", "training_type", "submitted_on", "status", "waitlist_rank",
        "rejection_reason", "notified_on", "accepted_on", "registered_on",
    )  # fmt: skip
    data = sample(300)
    for row in data.candidates:
        assert tuple(row) == CANDIDATE_COLUMNS
        assert all(isinstance(v, str) for v in row.values())
    for row in data.applications:
        assert tuple(row) == APPLICATION_COLUMNS
        assert all(isinstance(v, str) for v in row.values())


def test_candidate_values_are_well_formed() -> None:
    """Numbers, INEs, dates, booleans and codes as the import expects them."""
    data = sample(2000)
    numbers = [c["candidate_number"] for c in data.candidates]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"M24-\d{6}", n) for n in numbers)
    ines = [c["ine"] for c in data.candidates if c["ine"]]
    assert len(set(ines)) == len(ines)
    for ine in ines:
        assert check_ine(ine) == ine
    assert 0.06 <= 1 - len(ines) / len(numbers) <= 0.15
    families = Counter(ine_family(i) for i in ines)
    assert set(families) == {"bea", "base36", "rnie", "apprentice", "provisional"}
    name = re.compile(r"[^\W\d_]+(?:[ '\-][^\W\d_]+)*")
    for c in data.candidates:
        assert name.fullmatch(c["last_name"]) and name.fullmatch(c["first_name"]), c
        assert 1975 <= date.fromisoformat(c["birth_date"]).year <= 2004
        assert c["email"] == "" or re.fullmatch(r"[a-z0-9.\-]+@[a-z0-9.\-]+\.[a-z]+", c["email"])
        assert c["phone"] == "" or re.fullmatch(r"\+?[\d ]+", c["phone"])
        assert re.fullmatch(r"[A-Z]{2}", c["nationality"])
        assert re.fullmatch(r"[A-Z]{2}", c["residence_country"])
        assert c["diploma"] in set(Diploma)
        assert c["diploma_status"] in {"", "obtained", "in_progress"}
        for flag in ("repeating_m1", "ves_vap", "automatic_admission"):
            assert c[flag] in {"oui", "non"}
        assert c["enrolment_history"] in set(EnrolmentHistory)


def test_names_and_people_look_real() -> None:
    """Accents, compound and apostrophe names, foreign nationals, French living abroad."""
    data = sample(2000)
    names = [(c["first_name"], c["last_name"]) for c in data.candidates]
    text = " ".join(f"{first} {last}" for first, last in names)
    for letter in "éèëïçôâ":
        assert letter in text
    assert any("-" in last for _, last in names)
    assert any("'" in last for _, last in names)
    assert any(" " in last for _, last in names)
    assert any("-" in first for first, _ in names)
    pairs = Counter((c["nationality"], c["residence_country"]) for c in data.candidates)
    assert pairs[("FR", "FR")] / len(data.candidates) > 0.6
    assert any(n == "FR" and r != "FR" for n, r in pairs)
    assert any(n not in {"FR"} and r == "FR" for n, r in pairs)
    assert sum(v for (n, r), v in pairs.items() if n == r and r in etudes_en_france()) > 20
    assert {c["diploma"] for c in data.candidates} == set(Diploma)
    assert {c["enrolment_history"] for c in data.candidates} == set(EnrolmentHistory)


def test_institutions_and_courses_look_real() -> None:
    """UAI codes with their key letter, AMU a good share, mentions with several parcours."""
    data = sample(2000)
    institutions = {(a["institution_code"], a["institution_name"]) for a in data.applications}
    assert 18 <= len(institutions) <= 30
    for code, name in institutions:
        assert re.fullmatch(r"\d{7}[A-Z]", code)
        assert code[7] == UAI_LETTERS[int(code[:7]) % 23], (code, name)
        assert name
    assert len({c for c, _ in institutions}) == len(institutions)
    home_share = sum(a["institution_code"] == home() for a in data.applications)
    assert home_share / len(data.applications) > 0.15
    assert {a["training_type"] for a in data.applications} == {"initial", "alternance"}
    assert any(a["parcours"] == "" for a in data.applications)
    parcours = defaultdict(set)
    for a in data.applications:
        parcours[(a["institution_code"], fold(a["mention"]))].add(a["parcours"])
    assert sum(len(p) > 1 for p in parcours.values()) > 50


# -- every row passes the rules ---------------------------------------------------------------


@pytest.mark.parametrize(("n", "seed"), [(1500, 2024), (600, 3)])
def test_every_row_passes_the_rules(n: int, seed: int) -> None:
    """Windows, consistency, caps (incrementally, as the import), single definitive, INE."""
    data = sample(n, seed)
    calendar = calendar_2024()
    known = {c["candidate_number"] for c in data.candidates}
    for cand in data.candidates:
        if cand["ine"]:
            check_ine(cand["ine"])
    grouped = by_candidate(data)
    assert set(grouped) <= known
    for number, rows in grouped.items():
        existing: list[ApplicationFacts] = []
        seen_keys: set[tuple[str, ...]] = set()
        for index, row in enumerate(rows):
            facts = application_facts(row, key=index)
            assert row["campaign"] == "2024"
            check_submission(calendar, facts.phase, facts.submitted_on)
            check_consistency(facts)
            check_cap(existing, facts, calendar.caps(facts.phase))
            existing.append(facts)
            key = (
                row["campaign"], row["phase"], row["institution_code"], fold(row["mention"]),
                fold(row["parcours"]), row["training_type"],
            )  # fmt: skip
            assert key not in seen_keys, (number, row)
            seen_keys.add(key)
        check_single_definitive(existing)


@pytest.mark.parametrize(("n", "seed"), [(1500, 2024), (600, 3)])
def test_statuses_carry_their_fields(n: int, seed: int) -> None:
    """Ranks, reasons, contract search, acceptance and registration dates only where they belong."""
    data = sample(n, seed)
    admission_from = calendar_2024().main_admission_from
    for row in data.applications:
        status = row["status"]
        assert status in set(ApplicationStatus)
        if status == "waitlisted":
            assert row["waitlist_rank"].isdigit() and int(row["waitlist_rank"]) >= 1
        else:
            assert row["waitlist_rank"] == ""
        assert bool(row["rejection_reason"]) == (status == "rejected")
        if status == "rejected":
            assert row["notified_on"], row
        if status == "contract_search":
            assert row["training_type"] == "alternance"
        if row["accepted_on"]:
            assert status in {"accepted_provisionally", "accepted_definitively"}
        if status == "accepted_definitively":
            assert date.fromisoformat(row["accepted_on"]) >= admission_from
        if row["registered_on"]:
            assert status == "accepted_definitively"
        dates = [row[k] for k in ("submitted_on", "notified_on", "accepted_on", "registered_on")]
        present = [d for d in dates if d]
        assert present == sorted(present)


@pytest.mark.parametrize(("n", "seed"), [(1500, 2024), (600, 3)])
def test_a_definitive_acceptance_closes_the_other_applications(n: int, seed: int) -> None:
    """At most one definitive acceptance; the candidate's other applications are all terminal."""
    active = {s.value for s in ACTIVE}
    for rows in by_candidate(sample(n, seed)).values():
        definitive = [r for r in rows if r["status"] == "accepted_definitively"]
        assert len(definitive) <= 1
        if definitive:
            others = [r for r in rows if r is not definitive[0]]
            assert all(r["status"] in TERMINAL for r in others)
            assert not any(r["status"] in active for r in others)
            accepted = definitive[0]["accepted_on"]
            assert all(r["submitted_on"] <= accepted for r in others)
            assert all(r["notified_on"] <= accepted for r in others)


# -- coverage ---------------------------------------------------------------------------------


def _band(accepted: date) -> int:
    for index, band in enumerate(calendar_2024().bands):
        if band.accepted_from <= accepted and (
            band.accepted_to is None or accepted <= band.accepted_to
        ):
            return index
    raise AssertionError(accepted)


@pytest.mark.parametrize(("n", "seed"), [(300, 2024), (300, 99), (200, 1), (200, 77)])
def test_every_case_is_covered(n: int, seed: int) -> None:
    """Every status, reason and flag on 2024-07-20 (a deadline set by the head of the institution
    comes with the late acceptances of 27/08 on: on 02/09), the three bands, caps, long files,
    variants."""
    data = sample(n, seed)
    statuses = Counter(a["status"] for a in data.applications)
    assert set(statuses) == set(ApplicationStatus)
    assert {a["rejection_reason"] for a in data.applications} - {""} == set(RejectionReason)
    assert {a["phase"] for a in data.applications} == {"main", "complementary"}

    results = assessments(data)
    reasons = {r for a in results.values() for r in a.eligibility.reasons}
    assert reasons == set(IneligibilityReason)
    flags = Counter(f for a in results.values() for f in a.flags)
    assert set(flags) == set(Flag) - {Flag.DEADLINE_SET_BY_HEAD}
    september = assessments(data, date(2024, 9, 2))
    assert any(Flag.DEADLINE_SET_BY_HEAD in a.flags for a in september.values())

    definitive = [a for a in data.applications if a["status"] == "accepted_definitively"]
    assert {_band(date.fromisoformat(a["accepted_on"])) for a in definitive} == {0, 1, 2}
    home_bands = Counter(
        _band(date.fromisoformat(a["accepted_on"]))
        for a in definitive
        if a["institution_code"] == home()
    )
    assert set(home_bands) == {0, 1, 2}
    unregistered_first_band = [
        a
        for a in definitive
        if a["institution_code"] == home()
        and _band(date.fromisoformat(a["accepted_on"])) == 0
        and not a["registered_on"]
    ]
    assert unregistered_first_band

    at_cap = [
        number
        for number, a in results.items()
        if a.counted.get(Phase.MAIN, TrainingType.INITIAL) == 15
    ]
    assert len(at_cap) >= 3
    grouped = by_candidate(data)
    assert sum(25 <= len(rows) <= 30 for rows in grouped.values()) >= 2
    assert max(len(rows) for rows in grouped.values()) <= 30

    # several parcours of one mention counted once, in one candidate's file
    assert any(
        count_applications(application_facts(r) for r in rows).get(Phase.MAIN, TrainingType.INITIAL)
        < sum(1 for r in rows if r["phase"] == "main" and r["training_type"] == "initial")
        for rows in grouped.values()
    )
    # one mention written in several ways at one institution
    spellings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in data.applications:
        spellings[(a["institution_code"], fold(a["mention"]))].add(a["mention"])
    variants = [s for s in spellings.values() if len(s) > 1]
    assert variants
    assert any(any(m != m.strip() or m.isupper() for m in s) for s in variants)
    assert any(
        len({m for r in rows for m in [r["mention"]] if fold(m) == key[1]}) > 1
        for rows in grouped.values()
        for key in {(r["institution_code"], fold(r["mention"])) for r in rows}
    )


def test_flags_come_from_the_intended_situations() -> None:
    """Overdue = first band not registered; head deadline = late band; window = recent refusal."""
    data = sample(300)
    results = assessments(data)
    grouped = by_candidate(data)
    for number, result in results.items():
        if Flag.REGISTRATION_OVERDUE in result.flags:
            assert result.registration is not None
            assert result.registration.registered_on is None
            assert _band(result.registration.accepted_on) == 0
        if Flag.DEADLINE_SET_BY_HEAD in result.flags:
            assert result.registration.accepted_on >= date(2024, 8, 27)
        if Flag.EXPLANATION_WINDOW_OPEN in result.flags:
            assert any(
                r["status"] == "rejected" and "2024-06-20" <= r["notified_on"] <= "2024-07-20"
                for r in grouped[number]
            )


# -- files, size, benchmark script ------------------------------------------------------------


def test_csv_files_read_back_identical(tmp_path: Path) -> None:
    """write_csv_files writes UTF-8, comma-separated files with a header that read back the same."""
    data = sample(300)
    candidates_path, applications_path = write_csv_files(data, tmp_path / "out")
    assert candidates_path.name == "candidates.csv"
    assert applications_path.name == "applications.csv"
    for path, rows, columns in (
        (candidates_path, data.candidates, CANDIDATE_COLUMNS),
        (applications_path, data.applications, APPLICATION_COLUMNS),
    ):
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert tuple(reader.fieldnames or ()) == columns
            assert list(reader) == rows


def test_small_and_empty_sets() -> None:
    """Fewer candidates than the covering cases, or none at all, still give valid data."""
    assert generate(0) == DemoData([], [])
    data = generate(12, 5)
    assert len(data.candidates) == 12
    assert {a["candidate_number"] for a in data.applications} <= {
        c["candidate_number"] for c in data.candidates
    }


def test_five_thousand_candidates_average_eight_applications() -> None:
    """A large set generates, with about eight applications per candidate."""
    data = generate(5000, 8)
    assert len(data.candidates) == 5000
    assert 7.0 <= len(data.applications) / 5000 <= 9.0


def test_benchmark_script_writes_the_files(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """bench/make_dataset.py is importable and its main() writes both files and the counts."""
    spec = importlib.util.spec_from_file_location(
        "make_dataset", ROOT / "bench" / "make_dataset.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(tmp_path), "--candidates", "120", "--seed", "4"]) == 0
    out = capsys.readouterr().out
    assert "candidates:" in out and "applications:" in out and "generated in" in out
    with (tmp_path / "candidates.csv").open(encoding="utf-8") as handle:
        assert sum(1 for _ in handle) == 121
    assert (tmp_path / "applications.csv").stat().st_size > 0


# -- the demo's own day -----------------------------------------------------------------------


def test_population_looks_like_a_real_year() -> None:
    """Birth years 1975–2004: mostly around 2000, and older people resuming studies too."""
    years = Counter(date.fromisoformat(c["birth_date"]).year for c in sample(2000).candidates)
    assert min(years) < 1985 and max(years) == 2004
    assert sum(n for y, n in years.items() if y < 1995) >= 60  # not only 1995–2003
    assert sum(n for y, n in years.items() if 1998 <= y <= 2002) > 1000


def test_the_demo_has_no_event_after_its_reference_date() -> None:
    """On the demo's day (20/07/2024) nothing is submitted, notified, accepted or registered
    later; the rows still pass every rule and every status is there."""
    from monmaster_desktop.controllers.demo import DEMO_AS_OF

    data = generate(300, seed=2024, as_of=DEMO_AS_OF)
    day = DEMO_AS_OF.isoformat()
    for row in data.applications:
        for column in ("submitted_on", "notified_on", "accepted_on", "registered_on"):
            assert row[column] <= day, (column, row)
    statuses = Counter(a["status"] for a in data.applications)
    assert {"accepted_definitively", "waitlisted", "rejected", "offer"} <= set(statuses)
    assert any(a["registered_on"] for a in data.applications)
    calendar = calendar_2024()
    for rows in by_candidate(data).values():
        facts = [application_facts(r, key=i) for i, r in enumerate(rows)]
        for fact in facts:
            check_consistency(fact)
            check_submission(calendar, fact.phase, fact.submitted_on)
        check_single_definitive(facts)
    full = generate(300, seed=2024)
    later = sum(
        row[column] > day
        for row in full.applications
        for column in ("notified_on", "accepted_on", "registered_on")
    )
    assert later > 0  # the whole campaign (tests, benchmarks) does go past the demo's day
