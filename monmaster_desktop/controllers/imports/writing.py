"""The writes of an import, once every row passed: Core executemany, audited, with the stored
status of each candidate refreshed."""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from sqlalchemy import Text, bindparam, cast, func, insert, literal, null, select, update

from monmaster_desktop.controllers.candidates import CANDIDATE_FIELDS, name_key
from monmaster_desktop.controllers.context import current_user, now
from monmaster_desktop.controllers.files import facts_of
from monmaster_desktop.controllers.imports.cells import AppRow, course_key
from monmaster_desktop.controllers.imports.checking import ImportCheck
from monmaster_desktop.controllers.imports.forked import Forked, can_fork
from monmaster_desktop.controllers.records import (
    audit_text,
    replace_status_rows,
    status_row,
    write_search_tokens,
)
from monmaster_desktop.db import bulk_insert, bulk_insert_columns, indexes_built_after
from monmaster_desktop.domain import ApplicationStatus, TrainingType
from monmaster_desktop.models import (
    Application,
    AuditEntry,
    Candidate,
    CandidateSearchToken,
    CandidateStatus,
    Course,
    Institution,
)
from monmaster_desktop.rules.calendar import explanation_last_day
from monmaster_desktop.rules.facts import ApplicationFacts

#: The fields of an application an import compares with the stored one.
APP_COMPARED = (
    "submitted_on",
    "status",
    "waitlist_rank",
    "rejection_reason",
    "notified_on",
    "accepted_on",
    "registered_on",
)
#: The columns of a new application, in the order the import builds its rows.
APP_INSERTED = (
    "candidate_id",
    "campaign_id",
    "course_id",
    "phase",
    "submitted_on",
    "status",
    "waitlist_rank",
    "rejection_reason",
    "notified_on",
    "accepted_on",
    "registered_on",
    "explanation_last_day",
    "updated_at",
    "updated_by",
    "version",
)

#: From this many candidates to assess, the stored status is computed in a forked copy of the
#: process (below, forking costs more than it saves).
STATUS_IN_COPY_FROM = 2000


class ImportWriter:
    """The database half of one import, inside its write transaction, after its checks."""

    def __init__(self, check: ImportCheck, user: str | None = None):
        self.checked = check
        self.session = check.session
        self.result = check.result
        self.ctx = check.ctx
        self.existing = check.existing
        self.existing_apps = check.existing_apps
        self.merged = check.merged
        self.cand_file = check.cand_file
        self.app_file = check.app_file
        #: The login the audit trail and ``updated_by`` record (the base's: the OS user on a
        #: file, the server login on a server, which the server would stamp anyway).
        self.user = user or current_user()
        #: Ids of the candidates this import creates (nothing of theirs to replace).
        self.created: set[int] = set()

    def write(self, file_candidates: dict, app_rows: list[AppRow], step) -> None:  # noqa: ANN001
        # The stored status depends only on what the checks concluded: on a large import it is
        # computed on the other core while this one writes.
        heads = self._head_deadlines()
        status = Forked(
            lambda: self._status_rows(file_candidates, heads),
            in_copy=len(file_candidates) + len(self.merged) >= STATUS_IN_COPY_FROM and can_fork(),
        )
        people = len(file_candidates)
        # At most this many rows each (fewer when some are already stored): a large load
        # builds the secondary indexes of the tables it fills once, at its end.
        loads = {
            Candidate.__table__: people,
            CandidateSearchToken.__table__: 2 * people,
            CandidateStatus.__table__: people + len(self.merged),
            Application.__table__: len(app_rows),
            AuditEntry.__table__: people + len(app_rows) // 8,
        }
        with indexes_built_after(self.session, loads):
            try:
                ids = self._write(file_candidates, app_rows, step)
                step(0.85, "Mise à jour des signalements")
                rows = status.result()
            finally:
                status.cancel()
            for number, row in rows:
                row["candidate_id"] = ids[number]
            replace_status_rows(self.session, [row for _, row in rows], created=self.created)

    def _write(self, file_candidates: dict, app_rows: list[AppRow], step) -> dict[str, int]:  # noqa: ANN001
        """Every row of the import and its audit; the ids of the candidates by number."""
        session, result = self.session, self.result
        user, at = self.user, now()
        audit: list[dict] = []

        def write_audit() -> None:
            """The audit rows gathered so far, before those written in SQL (kept in order)."""
            for start in range(0, len(audit), 20000):
                bulk_insert(session, AuditEntry.__table__, audit[start : start + 20000])
            audit.clear()

        def audit_row(action, entity, entity_id, candidate_id, field=None, old=None, new=None):  # noqa: ANN001, ANN202
            audit.append(
                {
                    "at": at,
                    "os_user": user,
                    "action": action,
                    "entity": entity,
                    "entity_id": entity_id,
                    "candidate_id": candidate_id,
                    "field": field,
                    "old_value": old,
                    "new_value": new,
                }
            )

        # candidates
        new_rows: list = []  # the new candidates' data, written column by column
        updates = []
        for number, (_, data) in file_candidates.items():
            if number not in self.existing:
                new_rows.append(data)
                continue
            values = {name: getattr(data, name) for name in CANDIDATE_FIELDS}
            cid, old = self.existing[number]
            old_values = {name: getattr(old, name) for name in CANDIDATE_FIELDS}
            changed = {k: v for k, v in values.items() if k != "notes" and old_values[k] != v}
            if not changed:
                result.candidates_unchanged += 1
                continue
            result.candidates_updated += 1
            result.candidate_changes.update(changed.keys())
            for name, value in changed.items():
                audit_row(
                    "import",
                    "candidate",
                    cid,
                    cid,
                    name,
                    audit_text(old_values[name]),
                    audit_text(value),
                )
            updates.append((cid, changed | {"name_key": name_key(data.last_name, data.first_name)}))
        # Two candidates may swap INEs, or a new one take the INE a stored one gives up: every
        # INE that changes is released before any is given (new candidates included), so the
        # unique index never sees one INE twice within the transaction.
        releasing = [{"cid": cid} for cid, changed in updates if "ine" in changed]
        if releasing:
            table = Candidate.__table__
            session.execute(
                update(table).where(table.c.id == bindparam("cid")).values(ine=None), releasing
            )
        table = Candidate.__table__
        before = session.scalar(select(func.max(table.c.id))) or 0
        if new_rows:
            bulk_insert_columns(session, table, _candidate_columns(new_rows, at, user))
        for cid, changed in updates:
            session.execute(
                update(Candidate)
                .where(Candidate.id == cid)
                .values(**changed, updated_at=at, updated_by=user, version=Candidate.version + 1)
            )
        result.candidates_created = len(new_rows)
        ids: dict[str, int] = {n: cid for n, (cid, _) in self.existing.items()}
        if new_rows:
            wanted = {data.candidate_number for data in new_rows}
            query = select(table.c.id, table.c.candidate_number).where(table.c.id > before)
            for cid, number in session.execute(query):
                if number in wanted:
                    ids[number] = cid
            write_audit()
            # One row per created candidate, made by the database from the rows just written.
            session.execute(
                created_audit(
                    table,
                    before,
                    at,
                    user,
                    "candidate",
                    table.c.id,
                    table.c.id,
                    literal(f"créé par import de {self.cand_file}", Text),
                )
            )
        renamed = {cid for cid, changed in updates if {"last_name", "first_name"} & set(changed)}
        self.created = {ids[data.candidate_number] for data in new_rows}
        write_search_tokens(
            session,
            [
                (ids[number], data.last_name, data.first_name)
                for number, (_, data) in file_candidates.items()
                if number not in self.existing or ids[number] in renamed
            ],
            created=self.created,
        )
        step(0.7, "Enregistrement des candidatures")

        # catalogue
        courses = self._courses(app_rows)

        # applications: the new ones column by column (no row object of ours), the others
        # compared with the stored ones
        app_new: list[AppRow] = []
        app_updates = []
        existing_apps = self.existing_apps
        if not existing_apps:
            app_new = app_rows
        for row in app_rows if existing_apps else ():
            cid = ids[row.candidate_number]
            stored = existing_apps.get(cid, {}).get(row.app_key)
            if stored is None:
                app_new.append(row)
                continue
            facts = row.facts
            app_id, old = stored
            changed = {
                name: getattr(facts, name)
                for name in APP_COMPARED
                if getattr(old, name) != getattr(facts, name)
            }
            if not changed:
                result.applications_unchanged += 1
                continue
            result.applications_updated += 1
            result.application_changes.update(changed.keys())
            for name, value in changed.items():
                audit_row(
                    "import",
                    "application",
                    app_id,
                    cid,
                    name,
                    audit_text(getattr(old, name)),
                    audit_text(value),
                )
            params = {"app_id": app_id, "at_": at, "user_": user}
            params.update({f"{name}_": getattr(facts, name) for name in APP_COMPARED})
            params["explanation_last_day_"] = _explanation(facts.status, facts.notified_on)
            app_updates.append(params)
        app_before = session.scalar(select(func.max(Application.__table__.c.id))) or 0
        if app_new:
            bulk_insert_columns(
                session,
                Application.__table__,
                _application_columns(app_new, ids, self.ctx.campaign_ids, courses, at, user),
            )
        if app_updates:
            # A Core statement: the ORM would take a list of parameters for a bulk update by
            # primary key and demand each row's version.
            table = Application.__table__
            session.execute(
                update(table)
                .where(table.c.id == bindparam("app_id"))
                .values(
                    **{k: bindparam(f"{k}_") for k in APP_COMPARED},
                    explanation_last_day=bindparam("explanation_last_day_"),
                    updated_at=bindparam("at_"),
                    updated_by=bindparam("user_"),
                    version=table.c.version + 1,
                ),
                app_updates,
            )
        self._close_stored(audit_row, at, user)
        result.applications_created = len(app_new)
        write_audit()
        if app_new:
            # One audit row per candidate for the applications an import creates (not one
            # each), counted by the database in the rows just written.
            apps = Application.__table__
            session.execute(
                created_audit(
                    apps,
                    app_before,
                    at,
                    user,
                    "application",
                    null(),
                    apps.c.candidate_id,
                    cast(func.count(apps.c.id), Text)
                    + literal(f" candidature(s) ajoutée(s) par import de {self.app_file}", Text),
                    group_by=apps.c.candidate_id,
                )
            )
        return ids

    def _close_stored(self, audit_row, at, user) -> None:  # noqa: ANN001
        """Withdraw the stored applications a definitive acceptance of the import closes."""
        closed = self.checked.closed_stored
        if not closed:
            return
        withdrawn = ApplicationStatus.WITHDRAWN
        table = Application.__table__
        self.session.execute(
            update(table)
            .where(table.c.id == bindparam("app_id"))
            .values(
                status=withdrawn,
                updated_at=bindparam("at_"),
                updated_by=bindparam("user_"),
                version=table.c.version + 1,
            ),
            [{"app_id": app_id, "at_": at, "user_": user} for app_id, _, _ in closed],
        )
        for app_id, cid, facts in closed:
            audit_row(
                "import",
                "application",
                app_id,
                cid,
                "status",
                audit_text(facts.status),
                audit_text(withdrawn),
            )
        self.result.application_changes["status"] += len(closed)
        self.result.applications_updated += len(closed)

    def _courses(self, app_rows: list[AppRow]) -> dict[tuple, int]:
        if not app_rows:
            return {}  # a file of candidates only: no course to find or add
        session = self.session
        institutions = dict(session.execute(select(Institution.code, Institution.id)).all())
        names = {}
        for row in app_rows:
            code = row.facts.institution_code
            if row.institution_name and code not in names:
                names[code] = row.institution_name
        new_institutions = sorted({r.facts.institution_code for r in app_rows} - set(institutions))
        if new_institutions:
            session.execute(
                insert(Institution.__table__),
                [{"code": c, "name": names.get(c, "")} for c in new_institutions],
            )
            institutions = dict(session.execute(select(Institution.code, Institution.id)).all())
        for code, name in names.items():
            if code not in new_institutions:
                session.execute(
                    update(Institution)
                    .where(Institution.code == code, Institution.name == "")
                    .values(name=name)
                )
        courses: dict[tuple, int] = {}
        id_of_institution = {v: k for k, v in institutions.items()}
        query = select(
            Course.id,
            Course.institution_id,
            Course.mention_key,
            Course.parcours_key,
            Course.training_type,
        )
        for cid, inst_id, mkey, pkey, ttype in session.execute(query):
            courses[(id_of_institution[inst_id], mkey, pkey, TrainingType(ttype).value)] = cid
        new_courses = {}
        for row in app_rows:
            key = row.course_key
            if key not in courses and key not in new_courses:
                new_courses[key] = {
                    "institution_id": institutions[key[0]],
                    "mention": " ".join(row.facts.mention.split()),
                    "mention_key": key[1],
                    "parcours": " ".join(row.facts.parcours.split()),
                    "parcours_key": key[2],
                    "training_type": row.facts.training_type,
                }
        if new_courses:
            bulk_insert(session, Course.__table__, list(new_courses.values()))
            for cid, inst_id, mkey, pkey, ttype in session.execute(query):
                courses[(id_of_institution[inst_id], mkey, pkey, TrainingType(ttype).value)] = cid
        return courses

    def _status_rows(self, file_candidates: dict, heads: dict) -> list[tuple[str, dict]]:
        """The stored status of every candidate the import touches, by candidate number (the
        ids of the new ones are not known yet): what the rules conclude on their records."""
        rows = []
        existing, existing_apps, merged = self.existing, self.existing_apps, self.merged
        for number in set(file_candidates) | set(merged):
            data = file_candidates[number][1] if number in file_candidates else existing[number][1]
            if number in merged:
                apps = merged[number]
            elif number in existing:
                apps = [facts for _, facts in existing_apps.get(existing[number][0], {}).values()]
            else:
                apps = []
            if heads:
                apps = [
                    a._replace(head_deadline=heads.get(course_key(a))) if a.accepted_on else a
                    for a in apps
                ]
            rows.append((number, status_row(None, facts_of(data), apps, self.ctx)))
        return rows

    def _head_deadlines(self) -> dict[tuple, date]:
        query = (
            select(
                Institution.code,
                Course.mention_key,
                Course.parcours_key,
                Course.training_type,
                Course.head_deadline,
            )
            .join(Institution, Course.institution_id == Institution.id)
            .where(Course.head_deadline.is_not(None))
        )
        return {
            (code, mkey, pkey, TrainingType(ttype).value): deadline
            for code, mkey, pkey, ttype, deadline in self.session.execute(query)
        }


def _candidate_columns(rows: list, at, user: str) -> dict:  # noqa: ANN001
    """The columns of the new candidates (their data, the sort key, the stamps)."""
    columns = dict(zip(CANDIDATE_FIELDS, zip(*map(attrgetter(*CANDIDATE_FIELDS), rows))))
    count = len(rows)
    columns["name_key"] = list(map(name_key, columns["last_name"], columns["first_name"]))
    columns["updated_at"] = [at] * count
    columns["updated_by"] = [user] * count
    columns["version"] = [1] * count
    return columns


def _explanation(status: ApplicationStatus, notified_on: date | None) -> date | None:
    """The last day to ask for the reasons of a rejection (none for other outcomes)."""
    if status is ApplicationStatus.REJECTED and notified_on:
        return explanation_last_day(notified_on)
    return None


def _application_columns(rows: list[AppRow], ids, campaign_ids, courses, at, user) -> dict:  # noqa: ANN001, PLR0913
    """The columns of the new applications (APP_INSERTED), one value per row each: the facts
    turned into columns in one pass, the ids looked up, the constants repeated."""
    facts = list(zip(*(row.facts for row in rows)))
    field = {name: facts[index] for index, name in enumerate(ApplicationFacts._fields)}
    explanations: dict[tuple, date | None] = {}
    for key in set(zip(field["status"], field["notified_on"])):
        explanations[key] = _explanation(*key)
    count = len(rows)
    columns = {
        "candidate_id": [ids[row.candidate_number] for row in rows],
        "campaign_id": list(map(campaign_ids.__getitem__, field["campaign_year"])),
        "course_id": [courses[row.course_key] for row in rows],
        "phase": field["phase"],
        **{name: field[name] for name in APP_COMPARED},
        "explanation_last_day": list(
            map(explanations.__getitem__, zip(field["status"], field["notified_on"]))
        ),
        "updated_at": [at] * count,
        "updated_by": [user] * count,
        "version": [1] * count,
    }
    return columns


def created_audit(
    table, before: int, at, user: str, entity: str, entity_id, candidate_id, text, group_by=None
):  # noqa: ANN001, ANN201, PLR0913
    """``INSERT INTO audit_entry … SELECT``: one « import » row per row of ``table`` this import
    created (``group_by``: per group of them), made by the database from the rows just written.

    The rows this import created are those past ``before`` (the largest id before it wrote)
    stamped with its time and login at their first version: a row another desk adds meanwhile
    has its own stamp.
    """
    audit = AuditEntry.__table__
    at_column = audit.c.at
    query = select(
        bindparam("audit_at", at, type_=at_column.type),
        literal(user, audit.c.os_user.type),
        literal("import", audit.c.action.type),
        literal(entity, audit.c.entity.type),
        entity_id,
        candidate_id,
        text,
    ).where(
        table.c.id > before,
        table.c.updated_at == at,
        table.c.updated_by == user,
        table.c.version == 1,
    )
    query = (
        query.group_by(group_by).order_by(group_by)
        if group_by is not None
        else query.order_by(table.c.id)
    )
    return insert(audit).from_select(
        ["at", "os_user", "action", "entity", "entity_id", "candidate_id", "new_value"], query
    )
