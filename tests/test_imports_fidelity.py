"""Import fidelity: identity changes, INE swaps, closed applications, future dates, caps, plain forms."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.db import Database
from monmaster_desktop.domain import ApplicationStatus
from monmaster_desktop.models import Application, Candidate

CANDIDATE_HEADER = [
    "candidate_number",
    "ine",
    "last_name",
    "first_name",
    "birth_date",
    "nationality",
    "residence_country",
    "diploma",
    "enrolment_history",
]
APPLICATION_HEADER = [
    "candidate_number",
    "campaign",
    "institution_code",
    "mention",
    "parcours",
    "training_type",
    "submitted_on",
    "status",
    "waitlist_rank",
    "notified_on",
    "accepted_on",
    "registered_on",
]


def person(number: str, last: str = "Martin", first: str = "Léa", ine: str = "", **more) -> dict:
    row = dict(
        candidate_number=number,
        ine=ine,
        last_name=last,
        first_name=first,
        birth_date="2001-05-04",
        nationality="FR",
        residence_country="FR",
        diploma="licence",
        enrolment_history="never",
    )
    row.update(more)
    return row


def application(number: str, mention: str, uai: str = "0134009M", **more) -> dict:
    row = dict(
        candidate_number=number,
        campaign="2024",
        institution_code=uai,
        mention=mention,
        parcours="",
        training_type="initial",
        submitted_on="2024-03-01",
        status="submitted",
        waitlist_rank="",
        notified_on="",
        accepted_on="",
        registered_on="",
    )
    row.update(more)
    return row


def write(path: Path, header: list[str], rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def cands(tmp_path: Path, rows: list[dict], name: str = "candidats.csv") -> Path:
    return write(tmp_path / name, CANDIDATE_HEADER, rows)


def apps(tmp_path: Path, rows: list[dict], name: str = "candidatures.csv") -> Path:
    return write(tmp_path / name, APPLICATION_HEADER, rows)


def statuses(db: Database, number: str) -> dict[str, ApplicationStatus]:
    with db.read() as session:
        candidate = session.query(Candidate).filter_by(candidate_number=number).one()
        return {
            a.course.mention: a.status
            for a in session.query(Application).filter_by(candidate_id=candidate.id)
        }


def messages(result, column: str | None = None) -> list[str]:  # noqa: ANN001
    return [p.message for p in result.problems if column is None or p.column == column]


# -- 11.3 a definitive acceptance closes the other open applications ---------------------------


def test_definitive_acceptance_in_a_reimport_closes_stored_open_applications(
    db: Database, tmp_path: Path, capsys
) -> None:
    """The stored open applications are withdrawn, and the report lists each one."""
    controller = ImportController(db)
    first = controller.run(
        cands(tmp_path, [person("C1")]),
        apps(
            tmp_path,
            [
                application("C1", "Chimie"),
                application("C1", "Physique", uai="0597239Y"),
                application("C1", "Informatique", status="offer", notified_on="2024-06-05"),
            ],
        ),
    )
    assert first.problems == [] and first.closed == []
    accepted = apps(
        tmp_path,
        [
            application(
                "C1",
                "Informatique",
                status="accepted_definitively",
                notified_on="2024-06-05",
                accepted_on="2024-06-10",
            )
        ],
        "acceptation.csv",
    )
    db.close()

    code = main(
        ["import", str(tmp_path / "candidats.csv"), str(accepted), "--database", str(db.target)]
    )
    out = capsys.readouterr().out

    assert code == 0
    assert statuses(db, "C1") == {
        "Chimie": ApplicationStatus.WITHDRAWN,
        "Physique": ApplicationStatus.WITHDRAWN,
        "Informatique": ApplicationStatus.ACCEPTED_DEFINITIVELY,
    }
    assert "Candidatures closes par une acceptation définitive (2)" in out
    assert (
        "C1 : « Chimie » (0134009M, campagne 2024) : Candidature déposée → Candidature "
        "retirée (acceptation définitive de « Informatique »)"
    ) in out
    assert "« Physique » (0597239Y, campagne 2024)" in out


def test_open_row_beside_a_definitive_acceptance_in_the_same_file_is_closed(
    db: Database, tmp_path: Path
) -> None:
    """A new row still « submitted » next to an accepted-definitively one is created withdrawn."""
    result = ImportController(db).run(
        cands(tmp_path, [person("C1")]),
        apps(
            tmp_path,
            [
                application("C1", "Chimie"),
                application(
                    "C1",
                    "Informatique",
                    status="accepted_definitively",
                    notified_on="2024-06-05",
                    accepted_on="2024-06-10",
                ),
            ],
        ),
    )
    assert result.problems == []
    assert [c.mention for c in result.closed] == ["Chimie"]
    assert statuses(db, "C1")["Chimie"] is ApplicationStatus.WITHDRAWN
    # Importing the same files again changes and closes nothing more.
    again = ImportController(db).run(tmp_path / "candidats.csv", tmp_path / "candidatures.csv")
    assert again.problems == [] and again.closed == [] and again.applications_updated == 0


# -- 11.5 dates in the future ------------------------------------------------------------------


@pytest.mark.parametrize("column", ["submitted_on", "notified_on", "accepted_on", "registered_on"])
def test_future_dates_are_refused_naming_field_and_date(
    db: Database, tmp_path: Path, column: str
) -> None:
    """A date after the system date is refused with the field and the date."""
    later = date.today() + timedelta(days=3)
    row = application(
        "C1",
        "Informatique",
        status="accepted_definitively",
        notified_on="2024-06-05",
        accepted_on="2024-06-10",
    )
    row[column] = later.isoformat()
    result = ImportController(db).run(cands(tmp_path, [person("C1")]), apps(tmp_path, [row]))
    assert not result.written
    shown = later.strftime("%d/%m/%Y")
    assert any("date dans le futur" in m and shown in m for m in messages(result, column)), (
        result.problems
    )


# -- 11.7 every problem of every row in one pass -----------------------------------------------


def test_every_problem_of_a_row_is_reported_in_one_pass(db: Database, tmp_path: Path) -> None:
    """INE, date, country and a missing name of one row, and its application's bad UAI, together."""
    bad = person("C1", last="", ine="1234567890A", nationality="Atlantide", birth_date="31/02/2001")
    result = ImportController(db).run(
        cands(tmp_path, [bad]),
        apps(tmp_path, [application("C1", "Chimie", uai="12345")]),
    )
    columns = {(p.file, p.column) for p in result.problems}
    assert {
        ("candidats.csv", "ine"),
        ("candidats.csv", "birth_date"),
        ("candidats.csv", "nationality"),
        ("candidats.csv", "last_name"),
        ("candidatures.csv", "institution_code"),
    } <= columns


def test_command_line_prints_the_first_thousand_problems_then_a_count(
    tmp_path: Path, capsys
) -> None:
    """1,200 bad rows: 1,000 lines on stderr, then one line counting the 200 others."""
    rows = [person(f"C{i}", nationality="Atlantide") for i in range(1200)]
    code = main(["import", str(cands(tmp_path, rows)), "--database", str(tmp_path / "b.sqlite")])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert len(err) == 1001
    assert "200 autre(s) problème(s) non affiché(s)" in err[-1]


# -- 11.8 identity changes ---------------------------------------------------------------------


def test_identity_change_is_refused_unless_accepted(db: Database, tmp_path: Path, capsys) -> None:
    """A new last name or birth date under a stored number: refused, old → new, unless accepted."""
    assert ImportController(db).run(cands(tmp_path, [person("C1")]), None).written
    changed = cands(
        tmp_path, [person("C1", last="Dupont", birth_date="2001-05-05")], "changement.csv"
    )
    db.close()

    code = main(["import", str(changed), "--database", str(db.target)])
    err = capsys.readouterr().err
    assert code == 1
    assert "changement.csv:2: last_name: changement d'identité du candidat C1" in err
    assert "« Martin » → « Dupont »" in err and "« 04/05/2001 » → « 05/05/2001 »" in err
    with Database(db.target) as again:
        with again.read() as session:
            assert session.query(Candidate).one().last_name == "Martin"

    code = main(["import", str(changed), "--accept-identity-changes", "--database", str(db.target)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Changements d'identité acceptés (2)" in out
    assert "C1 : nom « Martin » → « Dupont »" in out
    with Database(db.target) as again:
        with again.read() as session:
            assert session.query(Candidate).one().last_name == "Dupont"


# -- 11.9 the cap at the row that adds a mention -----------------------------------------------


def test_cap_is_reported_at_the_row_adding_the_mention(db: Database, tmp_path: Path) -> None:
    """15 stored mentions; a new 16th listed first is the refused row, mentions quoted one by one."""
    mentions = [f"Mention {i:02d}, parcours" for i in range(15)]
    stored = [application("C1", m) for m in mentions]
    assert ImportController(db).run(cands(tmp_path, [person("C1")]), apps(tmp_path, stored)).written
    again = [application("C1", "Sciences, technologies, santé"), *stored]

    result = ImportController(db).run(None, apps(tmp_path, again, "encore.csv"))

    caps = [p for p in result.problems if "Plafond" in p.message]
    assert [(p.line, p.column) for p in caps] == [(2, "mention")]
    assert "« Mention 00, parcours », « Mention 01, parcours »" in caps[0].message


# -- 11.10 one value, one reading, on every row ------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("waitlist_rank", "+3"),
        ("waitlist_rank", "1_0"),
        ("campaign", "2_024"),
        ("campaign", "+2024"),
        ("submitted_on", "2024-W10-1"),
        ("notified_on", "2024-W23-3"),
    ],
)
def test_forms_beyond_the_contract_are_refused_on_every_row(
    db: Database, tmp_path: Path, column: str, value: str
) -> None:
    """The same odd value is refused on each of five rows, not only on the first."""
    rows = [application("C1", "Chimie", status="waitlisted", waitlist_rank="2")]
    for index in range(5):
        row = application(
            "C1",
            f"Physique {index}",
            status="waitlisted",
            waitlist_rank="3",
            notified_on="2024-06-05",
        )
        row[column] = value
        rows.append(row)
    result = ImportController(db).run(cands(tmp_path, [person("C1")]), apps(tmp_path, rows))
    assert sorted(p.line for p in result.problems if p.column == column) == [3, 4, 5, 6, 7]


# -- 11.11 INE swaps ---------------------------------------------------------------------------


def test_two_candidates_may_swap_ines_within_one_import(db: Database, tmp_path: Path) -> None:
    """A and B exchange INEs: each INE has one owner after the import."""
    first = [person("A", ine="0123456789M"), person("B", first="Jean", ine="1234567890V")]
    assert ImportController(db).run(cands(tmp_path, first), None).written
    swapped = [person("A", ine="1234567890V"), person("B", first="Jean", ine="0123456789M")]

    result = ImportController(db).run(cands(tmp_path, swapped, "echange.csv"), None)

    assert result.problems == [] and result.written
    with db.read() as session:
        owners = {c.candidate_number: c.ine for c in session.query(Candidate)}
    assert owners == {"A": "1234567890V", "B": "0123456789M"}


def test_an_ine_kept_by_a_candidate_outside_the_file_is_still_refused(
    db: Database, tmp_path: Path
) -> None:
    """Taking the INE of a stored candidate who keeps it stays refused."""
    first = [person("A", ine="0123456789M"), person("B", first="Jean", ine="1234567890V")]
    assert ImportController(db).run(cands(tmp_path, first), None).written
    result = ImportController(db).run(
        cands(tmp_path, [person("A", ine="1234567890V")], "vol.csv"), None
    )
    assert any("appartient déjà au candidat B" in m for m in messages(result, "ine"))


def test_a_new_candidate_may_take_the_ine_a_stored_one_gives_up(
    db: Database, tmp_path: Path
) -> None:
    """A corrects his INE and newcomer C was given A's old one, in the same import."""
    assert ImportController(db).run(cands(tmp_path, [person("A", ine="0123456789M")]), None).written
    rows = [person("A", ine="1234567890V"), person("C", first="Nina", ine="0123456789M")]

    result = ImportController(db).run(cands(tmp_path, rows, "suite.csv"), None)

    assert result.problems == [] and result.written
    with db.read() as session:
        owners = {c.candidate_number: c.ine for c in session.query(Candidate)}
    assert owners == {"A": "1234567890V", "C": "0123456789M"}
