"""The controllers a window talks to, built once per open database (the UI's only door)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from monmaster_desktop.controllers.applications import ApplicationController
from monmaster_desktop.controllers.backups import BackupController
from monmaster_desktop.controllers.campaigns import CampaignController
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.controllers.worklists import WorklistController
from monmaster_desktop.db import Database


@dataclass
class Services:
    db: Database
    #: The reference date of worklists and flags; None means the system date.
    as_of_override: date | None = None
    #: While a server base is unreachable: why saves are refused at once (None: they may go).
    unreachable: str | None = None
    candidates: CandidateController = field(init=False)
    applications: ApplicationController = field(init=False)
    worklists: WorklistController = field(init=False)
    backups: BackupController = field(init=False)
    campaigns: CampaignController = field(init=False)

    def __post_init__(self) -> None:
        self.candidates = CandidateController(self.db)
        self.applications = ApplicationController(self.db)
        self.worklists = WorklistController(self.db)
        self.backups = BackupController(self.db)
        self.campaigns = CampaignController(self.db)

    @property
    def as_of(self) -> date:
        return self.as_of_override or date.today()
