"""ISO 3166-1 alpha-2 countries with French and English names, and the parser for country cells."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache

from monmaster_desktop.domain import fold
from monmaster_desktop.io.values import ValueProblem
from monmaster_desktop.paths import resource


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_fr: str
    name_en: str
    aliases: tuple[str, ...]


def name_key(text: str) -> str:
    """Compare key for a country name: folded, one kind of apostrophe, no hyphens, no dots."""
    key = fold(text)
    for apostrophe in "’ʼ`´":
        key = key.replace(apostrophe, "'")
    return " ".join(key.replace("-", " ").replace(".", "").split())


@cache
def _countries() -> dict[str, Country]:
    """Code -> country, read once from ``resources/countries.json``."""
    with resource("countries.json").open(encoding="utf-8") as stream:
        entries = json.load(stream)
    return {
        entry["code"]: Country(entry["code"], entry["fr"], entry["en"], tuple(entry["aliases"]))
        for entry in entries
    }


@cache
def _by_name() -> dict[str, str]:
    """Name key -> code, over French and English names and aliases; an ambiguous name is a bug."""
    index: dict[str, str] = {}
    for country in _countries().values():
        for name in (country.name_fr, country.name_en, *country.aliases):
            key = name_key(name)
            if index.setdefault(key, country.code) != country.code:
                raise ValueError(f"{name!r} names both {index[key]} and {country.code}")
    return index


def _country(code: str) -> Country:
    try:
        return _countries()[code.upper()]
    except KeyError:
        raise ValueProblem(f"« {code} » n'est pas un code pays ISO 3166-1") from None


def country_name_fr(code: str) -> str:
    """The French name of a country code (any case), e.g. ``MA`` -> ``Maroc``."""
    return _country(code).name_fr


def country_name_en(code: str) -> str:
    """The English name of a country code (any case), e.g. ``MA`` -> ``Morocco``."""
    return _country(code).name_en


def all_countries() -> list[tuple[str, str, str]]:
    """Every country as ``(code, name_fr, name_en)``, in French alphabetical order."""
    ordered = sorted(_countries().values(), key=lambda country: fold(country.name_fr))
    return [(country.code, country.name_fr, country.name_en) for country in ordered]


@lru_cache(maxsize=4096)
def parse_country(text: str) -> str:
    """The ISO code of a country cell: a code (any case), or a French or English name or alias.

    Cached: an import file repeats the same few spellings on every row.
    """
    if len(text) == 2 and text.upper() in _countries():
        return text.upper()
    code = _by_name().get(name_key(text))
    if code is None:
        raise ValueProblem(
            f"« {text} » n'est pas un pays reconnu (attendu un code ISO à deux lettres, "
            "ou le nom du pays en français ou en anglais)"
        )
    return code
