"""The controllers a window talks to, built once per open database (the UI's only door).

Each controller is built (and its module imported) when first asked for: the list the
window fills at start needs the worklists only, and the rest waits for the clerk's first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

    @cached_property
    def candidates(self) -> CandidateController:
        from monmaster_desktop.controllers.candidates import CandidateController

        return CandidateController(self.db)

    @cached_property
    def applications(self) -> ApplicationController:
        from monmaster_desktop.controllers.applications import ApplicationController

        return ApplicationController(self.db)

    @cached_property
    def worklists(self) -> WorklistController:
        from monmaster_desktop.controllers.worklists import WorklistController

        return WorklistController(self.db)

    @cached_property
    def backups(self) -> BackupController:
        from monmaster_desktop.controllers.backups import BackupController

        return BackupController(self.db)

    @cached_property
    def campaigns(self) -> CampaignController:
        from monmaster_desktop.controllers.campaigns import CampaignController

        return CampaignController(self.db)

    @property
    def as_of(self) -> date:
        return self.as_of_override or date.today()
