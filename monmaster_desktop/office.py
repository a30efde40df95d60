"""The registrar office that students are told to contact: printed on every status sheet.

The shipped default is Aix-Marseille Université's registrar office (``resources/defaults.json``,
key ``office``); a site configuration (FORMATS.md §6, ``[office]``) replaces it per office.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from monmaster_desktop.paths import resource


@dataclass(frozen=True, slots=True)
class OfficeContact:
    """How a student reaches the office: every field is printed as given (empty: left out)."""

    name: str
    address: str
    phone: str
    email: str
    hours: str


@cache
def shipped_office() -> OfficeContact:
    """The office of ``resources/defaults.json``."""
    defaults = json.loads(resource("defaults.json").read_text(encoding="utf-8"))
    office = defaults["office"]
    return OfficeContact(
        name=office["name"],
        address=office["address"],
        phone=office["phone"],
        email=office["email"],
        hours=office["hours"],
    )


def current_office() -> OfficeContact:
    """The office printed on the sheets: the shipped default, with the fields the site
    configuration's ``[office]`` sets instead (FORMATS.md §6)."""
    from monmaster_desktop.site import current_site

    return current_site().apply_office(shipped_office())
