"""Typed refusals the controllers raise; each carries a French message for the clerk."""

from __future__ import annotations

from datetime import datetime

from monmaster_desktop.db import DatabaseCorrupt, DatabaseError
from monmaster_desktop.rules.facts import RuleViolation

#: DatabaseError (busy, full, read-only, damaged: a French ``message``) is re-exported so that
#: windows catch every refusal from this one module.
__all__ = [
    "DatabaseCorrupt",
    "DatabaseError",
    "Invalid",
    "NotFound",
    "Refused",
    "RuleViolation",
    "StaleRecord",
]


class Refused(RuleViolation):
    """A write refused by a check of the controller (uniqueness, missing reference...)."""


class NotFound(LookupError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class StaleRecord(Exception):
    """The record changed since the clerk opened it: never overwrite silently."""

    def __init__(self, entity: str, changed_at: datetime | None, changed_by: str | None):
        when = changed_at.strftime("le %d/%m/%Y à %H:%M") if changed_at else "entre-temps"
        who = f"par {changed_by}" if changed_by else "sur un autre poste"
        self.message = (
            f"Cette fiche ({entity}) a été modifiée {who} {when}, depuis que vous l'avez ouverte. "
            "Rechargez-la pour voir ses nouvelles valeurs ; vos saisies ne sont pas perdues."
        )
        super().__init__(self.message)
        self.entity = entity
        self.changed_at = changed_at
        self.changed_by = changed_by


class Invalid(Exception):
    """A write refused by one or more checks; ``problems`` say which field and why."""

    def __init__(self, problems: list[RuleViolation]):
        self.problems = problems
        self.message = "\n".join(p.message for p in problems)
        super().__init__(self.message)

    def for_field(self, field: str) -> list[str]:
        return [p.message for p in self.problems if p.field == field]
