"""Controllers on a real SQLite file: the same rules for every write, audited, never silent."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from monmaster_desktop.controllers.applications import ApplicationController
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.controllers.errors import Invalid, StaleRecord
from monmaster_desktop.controllers.sheets import SheetController
from monmaster_desktop.controllers.views import ApplicationData, CandidateData
from monmaster_desktop.controllers.worklists import Worklist, WorklistController
from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    EnrolmentHistory,
    RejectionReason,
    TrainingType,
)

HOME, OTHER = "0134009M", "0751717J"


def person(number: str = "M24-000001", **changes) -> CandidateData:  # noqa: ANN003
    base = CandidateData(
        candidate_number=number,
        last_name="Lefèvre",
        first_name="Hélène",
        birth_date=date(2001, 3, 4),
        nationality="FR",
        residence_country="FR",
        diploma=Diploma.LICENCE,
        enrolment_history=EnrolmentHistory.NEVER,
    )
    return replace(base, **changes)


def application(mention: str, **changes) -> ApplicationData:  # noqa: ANN003
    base = ApplicationData(
        campaign_year=2024,
        institution_code=HOME,
        mention=mention,
        training_type=TrainingType.INITIAL,
        submitted_on=date(2024, 3, 1),
        status=ApplicationStatus.SUBMITTED,
    )
    return replace(base, **changes)


@pytest.fixture
def controllers(db):  # noqa: ANN001, ANN201
    return CandidateController(db), ApplicationController(db)


def test_refused_candidate_writes_nothing(controllers) -> None:  # noqa: ANN001
    """A bad INE and a future birth date are both refused, named by field; nothing is stored."""
    candidates, _ = controllers
    with pytest.raises(Invalid) as refused:
        candidates.save(person(ine="1234567890X", birth_date=date(2999, 1, 1)))
    assert {p.field for p in refused.value.problems} == {"ine", "birth_date"}
    assert candidates.id_for_number("M24-000001") is None


def test_same_ine_refused_same_name_reported(controllers) -> None:  # noqa: ANN001
    """One INE, one candidate; the same name and birth date is only reported as a duplicate."""
    candidates, _ = controllers
    candidates.save(person(ine="1234567890V"))
    with pytest.raises(Invalid) as refused:
        candidates.save(person("M24-000002", ine=" 1234 567 890v"))
    assert "appartient déjà au candidat M24-000001" in refused.value.message
    outcome = candidates.save(person("M24-000002", last_name="LEFEVRE", first_name="helene"))
    assert outcome.warnings and "M24-000001" in outcome.warnings[0]


def test_live_checks_answer_what_the_three_checks_answer(controllers) -> None:  # noqa: ANN001
    """The form's checks read at once say what problems, eligibility and possible duplicates
    say one by one: the taken INE refused, the twin reported, the verdict; no verdict until
    the nationality is known."""
    candidates, _ = controllers
    first = candidates.save(person(ine="1234567890V")).file.candidate_id
    typed = person("M24-000002", ine="1234567890V", last_name="LEFEVRE", nationality="MA")
    checks = candidates.live_checks(typed)
    assert [p.code for p in checks.problems] == [p.code for p in candidates.problems(typed)]
    assert "duplicate_ine" in [p.code for p in checks.problems]
    assert checks.duplicates == candidates.possible_duplicates(typed)
    assert checks.duplicates and "M24-000001" in checks.duplicates[0]
    assert checks.eligibility == candidates.eligibility(typed)
    assert candidates.live_checks(replace(typed, nationality="")).eligibility is None
    own = candidates.live_checks(person(ine="1234567890V"), first)
    assert own.problems == [] and own.duplicates == []


def test_sixteenth_mention_refused_by_controller(controllers) -> None:  # noqa: ANN001
    """Fifteen mentions are kept, the sixteenth refused with its message; parcours count once."""
    candidates, applications = controllers
    cid = candidates.save(person()).file.candidate_id
    for i in range(15):
        applications.save(cid, application(f"Mention {i}"))
    applications.save(cid, application("mention 3 ", parcours="Autre parcours"))
    with pytest.raises(Invalid) as refused:
        applications.save(cid, application("Mention 15"))
    assert "15 mentions au plus" in refused.value.message
    assert "déjà 15" in refused.value.message
    file = candidates.get_file(cid)
    assert len(file.applications) == 16
    assert file.assessment.counted.as_json()["main"]["initial"] == 15


def test_definitive_acceptance_closes_others_and_sets_deadline(controllers) -> None:  # noqa: ANN001
    """Accepting definitively withdraws the other open applications and shows deadline and route."""
    candidates, applications = controllers
    cid = candidates.save(person()).file.candidate_id
    applications.save(cid, application("Chimie", institution_code=OTHER))
    file = applications.save(
        cid, application("Informatique", status=ApplicationStatus.SUBMITTED)
    ).file
    target = next(v for v in file.applications if v.data.mention == "Informatique")
    for status in (ApplicationStatus.OFFER, ApplicationStatus.ACCEPTED_DEFINITIVELY):
        data = replace(target.data, status=status, notified_on=date(2024, 6, 4))
        if status is ApplicationStatus.ACCEPTED_DEFINITIVELY:
            data = replace(data, accepted_on=date(2024, 7, 2))
        outcome = applications.save(
            cid, data, application_id=target.id, expected_version=target.version
        )
        target = next(v for v in outcome.file.applications if v.id == target.id)
    assert outcome.closed and "Chimie" in outcome.closed[0]
    statuses = {v.data.mention: v.data.status for v in outcome.file.applications}
    assert statuses["Chimie"] is ApplicationStatus.WITHDRAWN
    registration = candidates.get_file(cid, as_of=date(2024, 7, 10)).assessment.registration
    assert registration.deadline == date(2024, 7, 19)
    assert registration.route.value == "iaweb_primo"


def test_invalid_transition_refused(controllers) -> None:  # noqa: ANN001
    """A rejected application cannot become an offer by a clerk's edit."""
    candidates, applications = controllers
    cid = candidates.save(person()).file.candidate_id
    file = applications.save(
        cid,
        application(
            "Chimie",
            status=ApplicationStatus.REJECTED,
            rejection_reason=RejectionReason.INCOMPLETE,
            notified_on=date(2024, 6, 4),
        ),
    ).file
    view = file.applications[0]
    with pytest.raises(Invalid) as refused:
        applications.save(
            cid,
            replace(view.data, status=ApplicationStatus.OFFER, rejection_reason=None),
            application_id=view.id,
        )
    assert "Passage impossible" in refused.value.message


def test_stale_save_is_refused_with_who_and_when(controllers) -> None:  # noqa: ANN001
    """A save based on an old version is refused and the newer values stay."""
    candidates, _ = controllers
    file = candidates.save(person()).file
    candidates.save(
        person(first_name="Hélèna"), candidate_id=file.candidate_id, expected_version=file.version
    )
    with pytest.raises(StaleRecord) as stale:
        candidates.save(
            person(first_name="Autre"),
            candidate_id=file.candidate_id,
            expected_version=file.version,
        )
    assert "modifiée par" in stale.value.message
    assert candidates.get_file(file.candidate_id).candidate.first_name == "Hélèna"


def test_history_records_old_and_new(controllers) -> None:  # noqa: ANN001
    """Each changed field is in the history with its old and new value."""
    candidates, _ = controllers
    file = candidates.save(person()).file
    candidates.save(
        person(enrolment_history=EnrolmentHistory.INTERRUPTED),
        candidate_id=file.candidate_id,
        expected_version=file.version,
    )
    changes = [(h.field, h.old_value, h.new_value) for h in candidates.history(file.candidate_id)]
    assert ("enrolment_history", "never", "interrupted") in changes
    assert any(h.action == "create" for h in candidates.history(file.candidate_id))


def test_worklists_count_on_reference_date(db, controllers) -> None:  # noqa: ANN001
    """Counts follow the reference date: overdue the day after the deadline, not before."""
    candidates, applications = controllers
    cid = candidates.save(person()).file.candidate_id
    candidates.save(
        person("M24-000002", last_name="Martin", enrolment_history=EnrolmentHistory.INTERRUPTED)
    )
    candidates.save(
        person("M24-000003", last_name="Nguyen", nationality="MA", residence_country="MA")
    )
    applications.save(
        cid,
        application(
            "Informatique",
            status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
            notified_on=date(2024, 6, 4),
            accepted_on=date(2024, 7, 2),
        ),
    )
    worklists = WorklistController(db)
    on_deadline = worklists.counts(date(2024, 7, 19))
    after = worklists.counts(date(2024, 7, 20))
    assert on_deadline[Worklist.OVERDUE] == 0 and after[Worklist.OVERDUE] == 1
    assert after[Worklist.MUST_CONTACT] == 2
    assert after[Worklist.NOT_ELIGIBLE] == 1
    assert after[Worklist.ALL] == 3
    ids = worklists.candidate_ids(Worklist.ALL, as_of=date(2024, 7, 20), search="lefevre hel")
    assert [r.candidate_number for r in worklists.rows(ids, as_of=date(2024, 7, 20))] == [
        "M24-000001"
    ]


def test_sheet_selection_by_flag_and_number(db, controllers) -> None:  # noqa: ANN001
    """Sheets pick candidates by flag or by number; an unknown number is refused by name."""
    candidates, _ = controllers
    candidates.save(person())
    candidates.save(
        person("M24-000002", last_name="Martin", enrolment_history=EnrolmentHistory.INTERRUPTED)
    )
    sheets = SheetController(db)
    files = sheets.files(flag="interrupted_enrolment", as_of=date(2024, 7, 20))
    assert [f.candidate.candidate_number for f in files] == ["M24-000002"]
    with pytest.raises(LookupError, match="M24-999999"):
        sheets.files(candidate_numbers=["M24-999999"], as_of=date(2024, 7, 20))


def test_codes_given_as_text_behave_as_enums(controllers) -> None:  # noqa: ANN001
    """A status typed as plain text (a combo box, a script) still closes the other applications."""
    candidates, applications = controllers
    cid = candidates.save(person()).file.candidate_id
    applications.save(cid, application("Chimie", institution_code=OTHER))
    outcome = applications.save(
        cid,
        application(
            "Informatique",
            status="accepted_definitively",
            training_type="initial",
            notified_on=date(2024, 6, 4),
            accepted_on=date(2024, 7, 2),
        ),
    )
    assert outcome.closed and "Chimie" in outcome.closed[0]


def test_save_rewrites_search_words_and_status_from_what_they_are_made_of(db) -> None:  # noqa: ANN001
    """A save changing the name is found by the new name only; one changing the nationality
    moves the candidate between worklists; one changing a note leaves both as they were."""
    candidates, worklists, day = CandidateController(db), WorklistController(db), date(2024, 7, 20)

    def found(search: str) -> list[int]:
        return worklists.candidate_ids(Worklist.ALL, as_of=day, search=search)

    def not_eligible() -> list[int]:
        return worklists.candidate_ids(Worklist.NOT_ELIGIBLE, as_of=day)

    cid = candidates.save(person()).file.candidate_id
    assert found("lefevre") == [cid] and not_eligible() == []
    file = candidates.get_file(cid)
    saved = candidates.save(
        replace(file.candidate, last_name="Nguyen", nationality="MA", residence_country="MA"),
        candidate_id=cid,
        expected_version=file.version,
    )
    assert found("nguyen") == [cid] and found("lefevre") == []
    assert not_eligible() == [cid]
    noted = candidates.save(
        replace(saved.file.candidate, notes="rappelée le 3"),
        candidate_id=cid,
        expected_version=saved.file.version,
    )
    assert noted.file.version == saved.file.version + 1
    assert found("nguyen") == [cid] and not_eligible() == [cid]
    back = candidates.save(
        replace(noted.file.candidate, nationality="FR", residence_country="FR"),
        candidate_id=cid,
        expected_version=noted.file.version,
    )
    assert not_eligible() == [] and back.file.version == noted.file.version + 1


@pytest.mark.parametrize("common_start", [1, 10**9])
def test_first_page_is_the_head_of_the_whole_list(db, controllers, monkeypatch, common_start) -> None:  # noqa: ANN001
    """A first page (``limit``) holds the whole list's first candidates, in the same order,
    whether its words are read along the name order (common) or gathered first (rare)."""
    from monmaster_desktop.controllers import worklists as module

    monkeypatch.setattr(module, "COMMON_START", common_start)
    candidates, _applications = controllers
    names = [("Martin", "Léa"), ("Marchand", "Zoé"), ("Lefèvre", "Marc"), ("Durand", "Maëlle"),
             ("Mercier", "Luc"), ("Moreau", "Anaïs"), ("Roux", "Mathis")]  # fmt: skip
    for number, (last, first) in enumerate(names, start=1):
        candidates.save(person(f"M24-00{number:04d}", last_name=last, first_name=first))
    worklists = WorklistController(db)
    day = date(2024, 7, 20)
    for search in ("m", "ma", "mar", "le", "roux", "zz", "M24-000", "000", "M24-0001"):
        whole = worklists.candidate_ids(as_of=day, search=search)
        assert worklists.candidate_ids(as_of=day, search=search, limit=3) == whole[:3], search
    assert len(worklists.candidate_ids(as_of=day, search="m")) == 7  # Léa Martin … Mathis Roux


def test_a_first_page_reads_the_screen_that_shows_the_kept_candidate(db, controllers) -> None:  # noqa: ANN001
    """With the clerk's current candidate beyond the first screenful of a new list, the rows
    read with the first page are those of the screen a table scrolled to it paints (the
    ``rows`` ids ending just after it), not the first screenful; at its head, or absent,
    the first screenful."""
    from datetime import date

    candidates, _applications = controllers
    letters = "abcdefghijklmnopqrstuvwxyz"
    for number in range(1, 41):  # in name order as in number order
        name = "Nom" + letters[number // 26] + letters[number % 26]
        candidates.save(person(f"M24-{number:06d}", last_name=name))
    worklists = WorklistController(db)
    day = date(2024, 7, 20)
    whole = worklists.candidate_ids(as_of=day)
    assert len(whole) == 40

    def read(keep: int | None) -> list[int]:
        ids, rows = worklists.first_page(as_of=day, limit=30, rows=10, keep=keep)
        assert ids == whole[:30]
        return [row.id for row in rows]

    assert read(None) == whole[:10]
    assert read(whole[5]) == whole[:10]  # in view without scrolling
    assert read(whole[20]) == whole[12:22]  # the screen ending just after it
    assert read(whole[29]) == whole[21:30]  # the page's last: what there is
    assert read(whole[35]) == whole[:10]  # not on the first page: its head, until the rest


def test_a_list_is_read_without_a_transaction_of_its_own_on_a_server(services) -> None:  # noqa: ANN001
    """A keystroke's list reads (ids, rows) run on a server without BEGIN and ROLLBACK round
    trips, and read the same as a read session; a file reads them as before."""
    from datetime import date

    from sqlalchemy import text

    db = services.db
    on = date(2024, 7, 20)
    with db.quick_read() as session:
        conn = session.connection()
        if db.engine_name == "postgresql":
            assert conn.connection.driver_connection.autocommit
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
    ids, rows = services.worklists.first_page(as_of=on, limit=50, rows=10)
    assert ids == services.worklists.candidate_ids(as_of=on)[:50]
    assert rows == services.worklists.rows(ids[:10], as_of=on)
