"""Several desks writing at once on the server: only writes of the same records wait.

A desk's save is held open inside its transaction (after its locks, before its commit) while
another desk writes: a save of another candidate goes through meanwhile; a save of the same
candidate waits and is then told « modifié sur un autre poste »; an application added to the
same candidate waits and then meets the cap; a whole-base write (restore, purge, transfer,
settings) waits for the held save, and a save waits for a whole-base write.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from monmaster_desktop.controllers import applications as applications_module
from monmaster_desktop.controllers import candidates as candidates_module
from monmaster_desktop.controllers.applications import ApplicationController
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.controllers.errors import Invalid, StaleRecord
from monmaster_desktop.db import Database, DatabaseBusy
from monmaster_desktop.db import base as db_base
from monmaster_desktop.domain import ApplicationStatus, TrainingType
from monmaster_desktop.models import Application, AuditEntry, Candidate, Setting
from tests.safety_helpers import sample_candidate

HELD = "held-desk"
WAIT_S = 20
#: Where a candidate's save checks its identity, after its locks: a new candidate, an update.
CANDIDATE_CHECKS = ("identity_checks", "checks_and_record")


class Held:
    """Runs one desk's write in a thread named HELD, stopped inside its transaction at the
    patched function until :meth:`release`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module, *names: str) -> None:  # noqa: ANN001
        self.inside = threading.Event()
        self.go_on = threading.Event()
        self.outcome: list[object] = []
        for name in names:
            monkeypatch.setattr(module, name, self._paused(getattr(module, name)))

    def _paused(self, original):  # noqa: ANN001, ANN202
        def paused(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if threading.current_thread().name == HELD:
                self.inside.set()
                assert self.go_on.wait(WAIT_S)
            return original(*args, **kwargs)

        return paused

    def start(self, work) -> Held:  # noqa: ANN001
        def run() -> None:
            try:
                self.outcome.append(work())
            except Exception as exc:  # noqa: BLE001 - handed to the test
                self.outcome.append(exc)

        self.thread = threading.Thread(target=run, name=HELD)
        self.thread.start()
        reached = self.inside.wait(WAIT_S)
        assert reached, f"the held desk never reached its transaction: {self.outcome}"
        return self

    def release(self) -> object:
        self.go_on.set()
        self.thread.join(WAIT_S)
        assert not self.thread.is_alive()
        return self.outcome[0]


def in_thread(work) -> tuple[threading.Thread, list[object]]:  # noqa: ANN001
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except Exception as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


@pytest.fixture
def desks(pg_base):  # noqa: ANN001, ANN201
    """Two desks on one server base (each its own connections), and two candidates."""
    first, second = Database(pg_base), Database(pg_base)
    one = CandidateController(first).save(sample_candidate()).file.candidate_id
    other = (
        CandidateController(first)
        .save(replace(sample_candidate(), candidate_number="PP-000002", ine=None))
        .file.candidate_id
    )
    yield first, second, one, other
    first.close()
    second.close()


def edit(db: Database, candidate_id: int, notes: str):  # noqa: ANN201
    """What a clerk's save does: open the file, change it, save with its version."""
    controller = CandidateController(db)
    file = controller.get_file(candidate_id)
    return lambda: controller.save(
        replace(file.candidate, notes=notes),
        candidate_id=candidate_id,
        expected_version=file.version,
    )


def test_two_desks_saving_different_candidates_do_not_wait(desks, monkeypatch) -> None:  # noqa: ANN001
    first, second, one, other = desks
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    held.start(edit(first, one, "desk one"))
    thread, outcome = in_thread(edit(second, other, "desk two"))
    thread.join(WAIT_S)
    finished_while_held = not thread.is_alive()
    saved_one = held.release()
    thread.join(WAIT_S)
    assert finished_while_held, "a save of another candidate waited for the held save"
    assert not isinstance(outcome[0], Exception), outcome
    assert not isinstance(saved_one, Exception), saved_one
    with first.read() as session:
        assert session.get(Candidate, one).notes == "desk one"
        assert session.get(Candidate, other).notes == "desk two"


def test_two_desks_saving_one_candidate_one_conflict_no_lost_update(desks, monkeypatch) -> None:  # noqa: ANN001
    first, second, one, _other = desks
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    first_save, second_save = edit(first, one, "desk one"), edit(second, one, "desk two")
    held.start(first_save)
    thread, outcome = in_thread(second_save)
    thread.join(0.5)
    waited = thread.is_alive()
    saved = held.release()
    thread.join(WAIT_S)
    assert waited, "the second save of the same candidate did not wait for the first"
    assert not isinstance(saved, Exception), saved
    assert isinstance(outcome[0], StaleRecord), outcome  # told, not overwritten
    with first.read() as session:
        candidate = session.get(Candidate, one)
        audited = session.scalars(
            select(AuditEntry.new_value).where(
                AuditEntry.candidate_id == one, AuditEntry.field == "notes"
            )
        ).all()
    assert candidate.notes == "desk one"
    assert candidate.version == saved.file.version
    assert audited == ["desk one"]


def test_two_desks_cannot_give_one_ine_to_two_candidates(desks, monkeypatch) -> None:  # noqa: ANN001
    first, second, one, other = desks
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    ine = "123456789AB"

    def give(db: Database, candidate_id: int):  # noqa: ANN202
        controller = CandidateController(db)
        file = controller.get_file(candidate_id)
        return lambda: controller.save(
            replace(file.candidate, ine=ine),
            candidate_id=candidate_id,
            expected_version=file.version,
        )

    held.start(give(first, one))
    thread, outcome = in_thread(give(second, other))
    thread.join(0.5)
    waited = thread.is_alive()
    saved = held.release()
    thread.join(WAIT_S)
    assert waited, "a save giving the same INE did not wait"
    assert not isinstance(saved, Exception), saved
    assert isinstance(outcome[0], Invalid), outcome  # « INE déjà attribué », in French
    with first.read() as session:
        owners = session.scalars(select(Candidate.id).where(Candidate.ine == ine)).all()
    assert owners == [one]


def application(mention: str):  # noqa: ANN201
    from monmaster_desktop.controllers.views import ApplicationData

    return ApplicationData(
        campaign_year=2024,
        institution_code="0134009M",
        mention=mention,
        training_type=TrainingType.INITIAL,
        submitted_on=date(2024, 3, 1),
        status=ApplicationStatus.SUBMITTED,
    )


def test_two_desks_adding_applications_cannot_exceed_the_cap(desks, monkeypatch) -> None:  # noqa: ANN001
    first, second, one, _other = desks
    for number in range(1, 15):  # 14 mentions: room for exactly one more
        ApplicationController(first).save(one, application(f"Mention {number:02d}"))
    held = Held(monkeypatch, applications_module, "get_or_create_course")  # after the checks
    held.start(lambda: ApplicationController(first).save(one, application("Mention 15")))
    thread, outcome = in_thread(
        lambda: ApplicationController(second).save(one, application("Mention 16"))
    )
    thread.join(0.5)
    waited = thread.is_alive()
    added = held.release()
    thread.join(WAIT_S)
    assert waited, "an application added to the same candidate did not wait"
    assert not isinstance(added, Exception), added
    assert isinstance(outcome[0], Invalid), outcome
    assert "15" in str(outcome[0])
    with first.read() as session:
        count = session.scalar(
            select(func.count()).select_from(Application).where(Application.candidate_id == one)
        )
    assert count == 15


def test_whole_base_write_waits_for_a_save_and_a_save_waits_for_it(desks, monkeypatch) -> None:  # noqa: ANN001
    """Restore, purge, transfer and settings write the whole base: never beside a save."""
    first, second, one, other = desks
    monkeypatch.setattr(db_base, "BUSY_TIMEOUT_MS", 400)
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    held.start(edit(first, one, "desk one"))
    with pytest.raises(DatabaseBusy), second.write() as session:
        session.add(Setting(key="whole-base", value="1"))
    held.release()
    save_other = edit(second, other, "after")
    with first.write() as session:  # a whole-base write in progress
        session.add(Setting(key="whole-base", value="2"))
        with pytest.raises(DatabaseBusy):
            save_other()
    save_other()
    with first.read() as session:
        assert session.get(Setting, "whole-base").value == "2"
        assert session.get(Candidate, other).notes == "after"


def test_restore_waits_for_a_save_in_progress(desks, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    first, second, one, _other = desks
    snapshot = first.snapshot(tmp_path / "snap.sqlite")
    monkeypatch.setattr(db_base, "BUSY_TIMEOUT_MS", 400)
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    held.start(edit(first, one, "desk one"))
    with pytest.raises(DatabaseBusy):
        second.restore_from(snapshot)
    held.release()
    with first.read() as session:
        assert session.get(Candidate, one).notes == "desk one"


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


def candidates_file(path, rows: list[dict]):  # noqa: ANN001, ANN201
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CANDIDATE_HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


def row_of(db: Database, candidate_id: int, **changes: str) -> dict:
    """A file row for a stored candidate, identity unchanged."""
    data = CandidateController(db).get_file(candidate_id).candidate
    row = {}
    for name in CANDIDATE_HEADER:
        value = getattr(data, name)
        row[name] = "" if value is None else getattr(value, "value", value)
    row["birth_date"] = data.birth_date.isoformat()
    return row | changes


def test_small_import_of_other_candidates_does_not_wait_for_a_save(
    desks,  # noqa: ANN001
    monkeypatch,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
) -> None:
    from monmaster_desktop.controllers.imports import ImportController

    first, second, one, other = desks
    new = row_of(first, other, candidate_number="PP-000003", first_name="Nina")
    path = candidates_file(tmp_path / "c.csv", [row_of(first, other), new])
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    held.start(edit(first, one, "desk one"))
    thread, outcome = in_thread(lambda: ImportController(second).run(path))
    thread.join(WAIT_S)
    finished_while_held = not thread.is_alive()
    held.release()
    thread.join(WAIT_S)
    assert finished_while_held, "an import of other candidates waited for a save"
    assert outcome[0].written, outcome[0].problems
    with first.read() as session:
        assert session.scalar(select(Candidate.id).where(Candidate.first_name == "Nina"))
        assert session.get(Candidate, one).notes == "desk one"


def test_import_of_a_candidate_being_saved_waits_and_loses_nothing(
    desks,  # noqa: ANN001
    monkeypatch,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
) -> None:
    from monmaster_desktop.controllers.imports import ImportController

    first, second, one, _other = desks
    path = candidates_file(tmp_path / "c.csv", [row_of(first, one, ine="123456789AB")])
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    held.start(edit(first, one, "desk one"))
    thread, outcome = in_thread(lambda: ImportController(second).run(path))
    thread.join(0.5)
    waited = thread.is_alive()
    saved = held.release()
    thread.join(WAIT_S)
    assert waited, "an import of the candidate being saved did not wait"
    assert not isinstance(saved, Exception), saved
    assert outcome[0].written, outcome[0].problems
    with first.read() as session:
        candidate = session.get(Candidate, one)
        assert (candidate.notes, candidate.ine) == ("desk one", "123456789AB")
        assert candidate.version == saved.file.version + 1


def test_waiting_for_a_candidate_is_bounded_by_the_busy_timeout(desks, monkeypatch) -> None:  # noqa: ANN001
    """The lock timeout is set before the candidate's lock is asked for: « base occupée »."""
    import time

    first, second, one, _other = desks
    monkeypatch.setattr(db_base, "BUSY_TIMEOUT_MS", 300)
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    held.start(edit(first, one, "desk one"))
    second_save = edit(second, one, "desk two")
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseBusy):
            second_save()
        waited = time.monotonic() - started
    finally:
        held.release()
    assert 0.25 <= waited < 5
    with first.read() as session:
        assert session.get(Candidate, one).notes == "desk one"


def test_import_meeting_a_candidate_it_did_not_lock_stops_and_writes_nothing(
    desks,  # noqa: ANN001
    monkeypatch,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
) -> None:
    """A candidate renumbered into the file after the import looked its candidates up."""
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.controllers.imports import controller as import_module

    first, second, one, _other = desks
    path = candidates_file(tmp_path / "c.csv", [row_of(first, one, ine="123456789AB")])
    looked_up = import_module.ImportController._records

    def before_the_renumbering(self, file_candidates, app_rows):  # noqa: ANN001, ANN202
        _ids, keys = looked_up(self, file_candidates, app_rows)
        return [], keys

    monkeypatch.setattr(import_module.ImportController, "_records", before_the_renumbering)
    with pytest.raises(DatabaseBusy):
        ImportController(second).run(path)
    with first.read() as session:
        assert session.get(Candidate, one).ine is None


def test_large_import_locks_the_whole_base(desks, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    """Past RECORD_LOCKS_MAX an import is a whole-base write: it waits for any save."""
    from monmaster_desktop.controllers.imports import ImportController

    first, second, one, other = desks
    monkeypatch.setattr(second, "RECORD_LOCKS_MAX", 1)
    monkeypatch.setattr(db_base, "BUSY_TIMEOUT_MS", 400)
    new = row_of(first, other, candidate_number="PP-000003", first_name="Nina")
    path = candidates_file(tmp_path / "c.csv", [new])
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    held.start(edit(first, one, "desk one"))
    try:
        with pytest.raises(DatabaseBusy):
            ImportController(second).run(path)
    finally:
        held.release()
    assert ImportController(second).run(path).written


def test_deleting_an_application_locks_only_its_candidate(desks, monkeypatch) -> None:  # noqa: ANN001
    """A delete of another candidate's application goes through while a save is held; one of
    the held candidate's own applications waits for it, then deletes on the saved file."""
    first, second, one, other = desks
    ApplicationController(first).save(one, application("Mention du candidat un"))
    ApplicationController(first).save(other, application("Mention de l'autre"))
    with first.read() as session:
        ids = dict(session.execute(select(Application.candidate_id, Application.id)).all())
    held = Held(monkeypatch, candidates_module, *CANDIDATE_CHECKS)
    held.start(edit(first, one, "desk one"))
    thread, outcome = in_thread(lambda: ApplicationController(second).delete(ids[other]))
    thread.join(WAIT_S)
    other_went_through = not thread.is_alive()
    same, same_outcome = in_thread(lambda: ApplicationController(second).delete(ids[one]))
    same.join(0.5)
    same_waited = same.is_alive()
    saved = held.release()
    same.join(WAIT_S)
    assert other_went_through, "deleting another candidate's application waited for the save"
    assert same_waited, "deleting the held candidate's application did not wait"
    assert not isinstance(saved, Exception), saved
    assert not isinstance(outcome[0], Exception), outcome
    assert not isinstance(same_outcome[0], Exception), same_outcome
    with first.read() as session:
        assert session.scalar(select(func.count(Application.id))) == 0
        assert session.get(Candidate, one).notes == "desk one"
