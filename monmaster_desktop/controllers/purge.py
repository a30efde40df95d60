"""Retention purge: candidates who did not register, once the office's keeping period is over.

The national Mon Master processing keeps candidate data 1 year active + 6 months archive; the
office sets its own period (setting ``retention_months``, 18 by default), counted from the end
of the complementary phase of the candidate's latest campaign. A candidate who registered at
the home institution is never purged: his file belongs to the student records from then on.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from monmaster_desktop.controllers.backups import PURGE_PREFIX, STAMP
from monmaster_desktop.controllers.context import now
from monmaster_desktop.controllers.records import write_audit
from monmaster_desktop.db import Database
from monmaster_desktop.domain import ApplicationStatus
from monmaster_desktop.models import (
    Application,
    Campaign,
    Candidate,
    Course,
    Institution,
    Setting,
)
from monmaster_desktop.rules.calendar import fr_date

log = logging.getLogger(__name__)

DEFAULT_RETENTION_MONTHS = 18
CHUNK = 500


#: Set when a purge could not compact the file (another desk was reading): the purged
#: people's bytes are still in it until :meth:`PurgeController.finish_compaction` succeeds.
PENDING_KEY = "compaction_pending_since"


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """What a purge did: deleted candidates and applications, the copy taken before, and
    whether the file could be compacted (else their bytes linger until it is)."""

    deleted: int
    applications: int = 0
    backup: Path | None = None
    compacted: bool = True

    def message_fr(self) -> str:
        if not self.deleted:
            return "Aucun candidat n'a dépassé la durée de conservation : rien n'a été supprimé."
        done = (
            f"{self.deleted} candidat(s) et {self.applications} candidature(s) supprimé(s). "
            f"Sauvegarde préalable : {self.backup or '—'}."
        )
        if self.compacted:
            return f"Purge terminée. {done}"
        return (
            f"Purge faite, mais pas encore compactée. {done} Un autre poste lisait la base : "
            "le fichier n'a pas pu être compacté, et des traces des candidats supprimés y restent "
            "jusqu'au compactage. Il sera à terminer plus tard, quand les autres postes auront "
            "fermé leurs listes (Outils › Purge… › « Terminer le compactage »)."
        )


class PurgeItem(NamedTuple):
    """One candidate the purge would delete, and why (French, for the preview)."""

    candidate_number: str
    campaign_year: int | None
    reason: str


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` later, kept inside the month (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class PurgeController:
    """Preview and run the retention purge; the purge backs up first and audits without names."""

    def __init__(self, db: Database):
        self.db = db
        #: The copy taken just before the last purge (None before any purge).
        self.last_backup: Path | None = None
        #: False when another program kept the file busy and the final VACUUM could not run.
        self.compacted = True

    def compaction_pending(self) -> datetime | None:
        """When a purge left the file uncompacted (names still in its bytes), else None."""
        with self.db.read() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == PENDING_KEY))
        try:
            return datetime.fromisoformat(value) if value else None
        except ValueError:
            return datetime.min

    def finish_compaction(self) -> bool:
        """Compact the file a purge could not; True once done (nothing pending any more)."""
        if not self.db.compact():
            return False
        with self.db.write() as session:
            session.execute(delete(Setting).where(Setting.key == PENDING_KEY))
        # the deletion of the marker itself is compacted away at once (nothing personal in it)
        self.db.compact()
        self.compacted = True
        return True

    def retention_months(self, session: Session | None = None) -> int:
        def read(s: Session) -> int:
            value = s.scalar(select(Setting.value).where(Setting.key == "retention_months"))
            try:
                return int(value) if value is not None else DEFAULT_RETENTION_MONTHS
            except ValueError:
                return DEFAULT_RETENTION_MONTHS

        if session is not None:
            return read(session)
        with self.db.read() as s:
            return read(s)

    def _expired(self, session: Session, as_of: date, months: int | None) -> list[tuple]:
        """(id, number, latest campaign year, reason) of every candidate past the period."""
        months = self.retention_months(session) if months is None else months
        home = session.scalar(select(Setting.value).where(Setting.key == "home_institution_code"))
        ends = dict(session.execute(select(Campaign.year, Campaign.complementary_to)).all())
        registered = set(
            session.scalars(
                select(Application.candidate_id)
                .join(Course, Application.course_id == Course.id)
                .join(Institution, Course.institution_id == Institution.id)
                .where(
                    Application.status == ApplicationStatus.ACCEPTED_DEFINITIVELY,
                    Application.registered_on.is_not(None),
                    Institution.code == home,
                )
            )
        )
        latest = (
            select(Application.candidate_id, func.max(Campaign.year).label("year"))
            .join(Campaign, Application.campaign_id == Campaign.id)
            .group_by(Application.candidate_id)
            .subquery()
        )
        rows = session.execute(
            select(Candidate.id, Candidate.candidate_number, latest.c.year, Candidate.updated_at)
            .outerjoin(latest, latest.c.candidate_id == Candidate.id)
            .order_by(Candidate.candidate_number)
        ).all()
        found = []
        for cid, number, year, updated_at in rows:
            if cid in registered:
                continue
            if year is not None:
                start = ends[year]
                why = f"campagne {year} close le {fr_date(start)}"
            elif updated_at is not None:  # typed by hand, never applied: counted from the last edit
                start = updated_at.date()
                why = f"aucune candidature, fiche modifiée le {fr_date(start)}"
            else:
                continue
            limit = add_months(start, months)
            if limit <= as_of:
                reason = (
                    f"{why} ; non inscrit ; conservation de {months} mois échue le {fr_date(limit)}"
                )
                found.append((cid, number, year, reason))
        return found

    def preview(self, as_of: date, months: int | None = None) -> list[PurgeItem]:
        """What a purge on ``as_of`` would delete, nothing written."""
        with self.db.read() as session:
            return [PurgeItem(n, y, r) for _, n, y, r in self._expired(session, as_of, months)]

    def purge(self, as_of: date, months: int | None = None) -> PurgeResult:
        """Back up, delete the expired candidates and their history, audit the counts, compact.

        Returns what was done (0 deleted: nothing to do, no backup taken). When another desk
        kept the file busy, ``compacted`` is False and the compaction is remembered as pending.
        """
        if not self.preview(as_of, months):
            return PurgeResult(0)
        stamp = datetime.now().strftime(STAMP)
        self.last_backup = self.db.snapshot(self.db.backup_dir / f"{PURGE_PREFIX}{stamp}.sqlite")
        user, at = self.db.user_name(), now()
        with self.db.write() as session:
            expired = self._expired(session, as_of, months)  # again, inside the write lock
            ids = [row[0] for row in expired]
            applications = 0
            for chunk in _chunks(ids):
                applications += session.scalar(
                    select(func.count(Application.id)).where(Application.candidate_id.in_(chunk))
                )
                # their audit rows (names, values) go too; applications and status cascade
                self.db.purge_candidates(session, chunk)
            months_used = self.retention_months(session) if months is None else months
            write_audit(
                session,
                [
                    {
                        "at": at,
                        "os_user": user,
                        "action": "purge",
                        "entity": "candidate",
                        "entity_id": None,
                        "candidate_id": None,
                        "field": None,
                        "old_value": None,
                        "new_value": (
                            f"{len(ids)} candidat(s) et {applications} candidature(s) supprimés ; "
                            f"conservation {months_used} mois ; date de référence "
                            f"{as_of.isoformat()}"
                        ),
                    }
                ],
            )
        log.info("retention purge: %d candidates, %d applications", len(ids), applications)
        self.compacted = self.db.compact()
        if not self.compacted:
            log.warning("retention purge: file not compacted, another connection was reading")
            with self.db.write() as session:
                session.merge(Setting(key=PENDING_KEY, value=now().isoformat()))
        return PurgeResult(len(ids), applications, self.last_backup, self.compacted)


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
