"""Hostile input: the import parser and the form validators refuse clearly or store faithfully.

Hypothesis runs with a fixed seed (``derandomize``) and a bounded number of examples, so the
file gives the same verdict on every machine and stays fast.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import shutil
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from monmaster_desktop.controllers.applications import ApplicationController
from monmaster_desktop.controllers.candidates import CandidateController, clean_candidate
from monmaster_desktop.controllers.errors import Invalid
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.controllers.validation import candidate_problems
from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.db import Database
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Phase,
    TrainingType,
)
from monmaster_desktop.io.countries import parse_country
from monmaster_desktop.io.values import (
    ValueProblem,
    parse_bool,
    parse_choice,
    parse_date,
    parse_positive_int,
    parse_uai,
)
from tests.safety_helpers import content_digest, sample_candidate, table_counts

HOSTILE = settings(
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

COLUMNS = [
    "candidate_number", "ine", "last_name", "first_name", "birth_date", "email", "phone",
    "nationality", "residence_country", "diploma", "diploma_status", "repeating_m1", "ves_vap",
    "automatic_admission", "enrolment_history",
]  # fmt: skip

SPECIAL = [
    "'; DROP TABLE candidate; --",
    "Robert'); DROP TABLE application;--",
    "x' OR '1'='1",
    '=HYPERLINK("http://exemple.invalid","clic")',
    "=1+1",
    "+33 6 12",
    "-2+3",
    "@SUM(A1:A2)",
    "'=1+1",
    '"entre guillemets"',
    'un " seul',
    "a;b,c",
    "ligne\ncoupée",
    "retour\r",
    "tab\tulation",
    "\x00nul",
    "\x07cloche\x1b[31m",
    "\u202eevil\u202c",
    "NULL",
    "None",
    "",
    "   ",
    "Zoë O'Brien-Lefèvre",
]
DATES = [
    "31/02/2024", "30/02/2023", "29/02/2023", "29/02/2024", "2024-02-30", "00/01/2000",
    "32/01/2001", "01/13/2001", "1/1/1", "2001-1-1", "9999-12-31", "31/12/1899", "2001-02-03",
]  # fmt: skip
#: Letters whose Windows-1252 byte (≥ 0xC0) is never a UTF-8 continuation byte: a file in that
#: encoding is never mistaken for UTF-8, so what was written is what must come back.
EIGHT_BIT = "ÀÂÇÈÉÊËÎÏÔÙÛÜàâçèéêëîïôùûüÿ"
ASCII = "".join(chr(c) for c in range(32, 127))

BASE_ROW = {
    "candidate_number": "",
    "ine": "",
    "last_name": "Durand",
    "first_name": "Zoé",
    "birth_date": "2001-02-03",
    "email": "",
    "phone": "",
    "nationality": "FR",
    "residence_country": "FR",
    "diploma": "licence",
    "diploma_status": "",
    "repeating_m1": "non",
    "ves_vap": "non",
    "automatic_admission": "non",
    "enrolment_history": "never",
}

_serial = itertools.count()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed database holding two candidates, copied afresh for every example."""
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "template.sqlite"
    with Database(path) as db:
        for number in ("T-1", "T-2"):
            CandidateController(db).save(sample_candidate(number, last_name="Témoin"))
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def fresh_copy(template: Path) -> Path:
    folder = template.parent / f"ex-{next(_serial)}"
    folder.mkdir()
    path = folder / "db.sqlite"
    shutil.copyfile(template, path)
    return path


def hostile_text(alphabet: str) -> st.SearchStrategy[str]:
    encodable = [s for s in SPECIAL if all(c in alphabet or c in "\n\r\t\x00\x07\x1b" for c in s)]
    return st.one_of(
        st.sampled_from(encodable),
        st.sampled_from(DATES),
        st.text(alphabet=alphabet, max_size=40),
        st.text(alphabet=alphabet, min_size=1, max_size=4).map(lambda s: s * 2500),  # huge
    )


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[bytes, str, list[dict[str, str]]]:
    """An import file: encoding, separator and quoting drawn, some cells hostile."""
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]))
    if encoding in ("cp1252", "latin-1"):
        alphabet = ASCII + EIGHT_BIT + "\n\r\t"
    else:
        alphabet = st.characters(codec="utf-8", exclude_categories=["Cs"])
        alphabet = draw(st.text(alphabet=alphabet, min_size=5, max_size=30)) + ASCII + "\n"
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    mode = draw(st.sampled_from(["minimal", "all", "raw"]))
    rows = []
    for i in range(draw(st.integers(1, 4))):
        row = dict(BASE_ROW, candidate_number=f"H-{i}")
        for column in draw(st.sets(st.sampled_from(COLUMNS), max_size=4)):
            row[column] = draw(hostile_text(alphabet))
        rows.append(row)
    buffer = io.StringIO()
    if mode == "raw":  # no quoting at all: separators and quotes inside cells break the rows
        for record in [COLUMNS, *([row[c] for c in COLUMNS] for row in rows)]:
            buffer.write(delimiter.join(record) + "\r\n")
    else:
        quoting = csv.QUOTE_ALL if mode == "all" else csv.QUOTE_MINIMAL
        writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows([row[c] for c in COLUMNS] for row in rows)
    data = buffer.getvalue().encode(encoding)
    faithful = mode != "raw" and delimiter != "\t" and encoding != "utf-16"
    return data, encoding, rows if faithful else []


def assert_clear_refusal(messages: list[str]) -> None:
    for message in messages:
        assert message.strip(), "an empty refusal message"
        assert "Traceback" not in message and "Error" not in message, message


NEUTRALISED = re.compile(r"''?[=+\-@\t\r\n]")


@settings(HOSTILE, max_examples=120)
@given(file=csv_files())
def test_hostile_import_refused_clearly_or_stored_faithfully(
    template: Path, file: tuple[bytes, str, list[dict[str, str]]]
) -> None:
    """Any CSV: refused with French messages and the database unchanged, or every cell stored exactly."""
    data, _encoding, rows = file
    path = fresh_copy(template)
    source = path.parent / "candidats.csv"
    source.write_bytes(data)
    before = content_digest(path)
    with Database(path) as db:
        result = ImportController(db).run(source)
        event("refused" if result.problems else "stored")
        if result.problems:
            assert not result.written
            assert_clear_refusal([p.message for p in result.problems])
            assert content_digest(path) == before
            return
        assert result.written
        if not rows:
            return
        controller = CandidateController(db)
        kept = [row for row in rows if any(value.strip() for value in row.values())]
        assert table_counts(path)["candidate"] == 2 + len(kept)
        for row in kept:
            assume(not any(NEUTRALISED.match(row[c].strip()) for c in COLUMNS))
            cid = controller.id_for_number(row["candidate_number"])
            assert cid is not None, row["candidate_number"]
            stored = controller.get_file(cid).candidate
            assert stored.candidate_number == row["candidate_number"].strip()
            assert stored.last_name == row["last_name"].strip()
            assert stored.first_name == row["first_name"].strip()
            assert (stored.email or "") == row["email"].strip()
            assert (stored.phone or "") == row["phone"].strip()
            assert (stored.ine or "") == "".join(row["ine"].split()).upper()


@settings(HOSTILE, max_examples=40)
@given(
    header=st.booleans(),
    garbage=st.binary(max_size=3000),
    suffix=st.sampled_from([".csv", ".xlsx"]),
)
def test_garbage_bytes_never_crash_nor_write(
    template: Path, header: bool, garbage: bytes, suffix: str
) -> None:
    """Random bytes (after a real header or not, as .csv or .xlsx): a refusal, nothing written."""
    path = fresh_copy(template)
    source = path.parent / f"candidats{suffix}"
    prefix = (";".join(COLUMNS) + "\r\n").encode() if header else b""
    source.write_bytes(prefix + garbage)
    before = content_digest(path)
    with Database(path) as db:
        result = ImportController(db).run(source)
    if result.problems:
        assert_clear_refusal([p.message for p in result.problems])
        assert content_digest(path) == before
    else:  # only possible when the bytes happen to hold no row at all
        assert result.candidates_created == 0
        assert table_counts(path)["candidate"] == 2


def test_utf16_and_sql_text_refused_with_french_message(template: Path) -> None:
    """A UTF-16 export is refused by name, and SQL in a cell is data, not a command."""
    path = fresh_copy(template)
    utf16 = path.parent / "c16.csv"
    utf16.write_bytes((";".join(COLUMNS) + "\r\n").encode("utf-16"))
    sql = path.parent / "sql.csv"
    row = dict(BASE_ROW, candidate_number="'';DROP_TABLE_candidate;--")
    row["email"] = "x';DELETE_FROM_candidate;--@exemple.fr"
    with sql.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream, delimiter=";").writerows([COLUMNS, [row[c] for c in COLUMNS]])
    with Database(path) as db:
        refused = ImportController(db).run(utf16)
        stored = ImportController(db).run(sql)
        controller = CandidateController(db)
        file = controller.get_file(controller.id_for_number("'';DROP_TABLE_candidate;--"))
    assert (
        "UTF-16" in refused.problems[0].message and "enregistrez-le" in refused.problems[0].message
    )
    assert stored.written and table_counts(path)["candidate"] == 3
    assert file.candidate.email == "x';DELETE_FROM_candidate;--@exemple.fr"


# --- cell parsers ---------------------------------------------------------------------------


@settings(HOSTILE, max_examples=300)
@given(text=st.one_of(st.text(max_size=30), st.sampled_from(DATES + SPECIAL)))
def test_cell_parsers_return_a_value_or_a_french_problem(text: str) -> None:
    """Every cell parser either returns a value or raises ValueProblem quoting the cell."""
    parsers = [
        parse_date, parse_bool, parse_positive_int, parse_uai, parse_country,
        lambda t: parse_choice(t, Diploma), lambda t: parse_choice(t, ApplicationStatus),
    ]  # fmt: skip
    for parser in parsers:
        try:
            parser(text)
        except ValueProblem as problem:
            assert "«" in problem.message and "»" in problem.message


@settings(HOSTILE, max_examples=300)
@given(day=st.integers(0, 40), month=st.integers(0, 14), year=st.integers(1, 9999))
def test_dates_like_31_02_are_refused_and_real_dates_kept(day: int, month: int, year: int) -> None:
    """JJ/MM/AAAA is read as that exact calendar day, or refused as « pas une date valide »."""
    text = f"{day:02d}/{month:02d}/{year:04d}"
    try:
        expected = date(year, month, day)
    except ValueError:
        with pytest.raises(ValueProblem, match="n'est pas une date valide"):
            parse_date(text)
    else:
        assert parse_date(text) == expected
        assert parse_date(expected.isoformat()) == expected


# --- form validators and the save path ------------------------------------------------------

free_text = st.one_of(
    st.sampled_from(SPECIAL), st.text(max_size=60), st.text(max_size=2).map(lambda s: s * 20000)
)


@st.composite
def candidate_forms(draw: st.DrawFn) -> CandidateData:
    base = sample_candidate(f"F-{draw(st.integers(0, 10**6))}")
    changes = {}
    for name in draw(st.sets(st.sampled_from(
        ["candidate_number", "last_name", "first_name", "email", "phone", "ine", "nationality",
         "residence_country", "notes"]), max_size=4)):  # fmt: skip
        changes[name] = draw(free_text)
    if draw(st.booleans()):
        changes["birth_date"] = draw(st.dates())
    return replace(base, **changes)


@settings(HOSTILE, max_examples=120)
@given(data=candidate_forms())
def test_candidate_form_refuses_clearly_or_round_trips(template: Path, data: CandidateData) -> None:
    """A typed candidate: Invalid with per-field French messages, or read back identical."""
    problems = candidate_problems(clean_candidate(data))
    for problem in problems:
        assert problem.message.strip() and problem.field is not None
    path = fresh_copy(template)
    before = content_digest(path)
    with Database(path) as db:
        controller = CandidateController(db)
        try:
            saved = controller.save(data).file
        except Invalid as refused:
            event("candidate refused")
            assert refused.problems and refused.message
            assert content_digest(path) == before
            return
        stored = controller.get_file(saved.candidate_id).candidate
    assert not problems
    expected = clean_candidate(data)
    for item in fields(CandidateData):
        assert getattr(stored, item.name) == getattr(expected, item.name), item.name
    assert stored.notes == ((data.notes or "").strip() or None)


@settings(HOSTILE, max_examples=60)
@given(
    mention=free_text,
    parcours=free_text,
    detail=free_text,
    code=st.one_of(st.just("0134009M"), st.sampled_from(SPECIAL), st.text(max_size=10)),
)
def test_application_form_refuses_clearly_or_round_trips(
    template: Path, mention: str, parcours: str, detail: str, code: str
) -> None:
    """A typed application with hostile texts: Invalid in French, or stored as the clerk typed it."""
    path = fresh_copy(template)
    data = ApplicationData(
        campaign_year=2024,
        institution_code=code,
        mention=mention,
        parcours=parcours,
        training_type=TrainingType.INITIAL,
        submitted_on=date(2024, 3, 1),
        status=ApplicationStatus.SUBMITTED,
        phase=Phase.MAIN,
        rejection_detail=detail,
    )
    with Database(path) as db:
        cid = CandidateController(db).id_for_number("T-1")
        before = content_digest(path)
        try:
            file = ApplicationController(db).save(cid, data).file
        except Invalid as refused:
            event("application refused")
            assert refused.problems
            assert all(p.message.strip() for p in refused.problems)
            assert content_digest(path) == before
            return
    (stored,) = file.applications
    assert stored.data.mention == " ".join(mention.split())
    assert stored.data.parcours == " ".join(parcours.split())
    assert stored.data.institution_code == code.strip().upper()
    assert stored.data.rejection_detail == (detail.strip() or None)


def test_sample_enums_are_the_ones_the_form_offers() -> None:
    """The sample candidate uses real choices (guards the fixtures above against drift)."""
    data = sample_candidate()
    assert data.diploma in Diploma and data.diploma_status in DiplomaStatus
    assert data.enrolment_history in EnrolmentHistory
    assert candidate_problems(data) == []


def test_control_characters_refused_field_by_field(template: Path) -> None:
    """NUL or escape in a one-line field gives Invalid on that field, not an IntegrityError."""
    path = fresh_copy(template)
    with Database(path) as db:
        before = content_digest(path)
        candidates = CandidateController(db)
        with pytest.raises(Invalid) as number:
            candidates.save(sample_candidate("\x00abc"))
        with pytest.raises(Invalid) as email:
            candidates.save(sample_candidate("N-1", email="a\x1b@exemple.fr"))
        cid = candidates.id_for_number("T-1")
        data = ApplicationData(
            campaign_year=2024,
            institution_code="0134009M",
            mention="\x00nul",
            training_type=TrainingType.INITIAL,
            submitted_on=date(2024, 3, 1),
            status=ApplicationStatus.SUBMITTED,
        )
        with pytest.raises(Invalid) as mention:
            ApplicationController(db).save(cid, data)
        live = ApplicationController(db).problems(cid, data)
        assert content_digest(path) == before
    assert number.value.for_field("candidate_number") == [
        "Numéro de candidat : caractère de contrôle invisible (U+0000) refusé ; retapez la valeur."
    ]
    assert email.value.for_field("email")
    assert mention.value.for_field("mention") and [p.field for p in live] == ["mention"]
