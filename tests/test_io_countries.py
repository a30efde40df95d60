"""Country list and the parsing of country cells (codes, French and English names, aliases)."""

from __future__ import annotations

import pytest

from monmaster_desktop.domain import fold
from monmaster_desktop.io.countries import (
    all_countries,
    country_name_en,
    country_name_fr,
    parse_country,
)
from monmaster_desktop.io.values import ValueProblem


def test_every_iso_country_is_listed_once_in_french_order() -> None:
    """All 249 ISO 3166-1 codes are listed once, sorted by French name ignoring accents."""
    countries = all_countries()
    codes = [code for code, _, _ in countries]
    assert len(codes) == len(set(codes)) == 249
    assert all(len(code) == 2 and code.isupper() for code in codes)
    names = [fold(name_fr) for _, name_fr, _ in countries]
    assert names == sorted(names)
    assert codes.index("EG") < codes.index("ER") < codes.index("ES")  # Égypte, Érythrée, Espagne


@pytest.mark.parametrize(
    ("code", "name_fr", "name_en"),
    [
        ("MA", "Maroc", "Morocco"),
        ("CI", "Côte d'Ivoire", "Côte d'Ivoire"),
        ("GB", "Royaume-Uni", "United Kingdom"),
        ("US", "États-Unis", "United States"),
        ("DE", "Allemagne", "Germany"),
        ("KR", "Corée du Sud", "South Korea"),
    ],
)
def test_names_in_both_languages(code: str, name_fr: str, name_en: str) -> None:
    """A code gives its French and English names, whatever the code's case."""
    assert country_name_fr(code) == name_fr
    assert country_name_en(code.lower()) == name_en


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("MA", "MA"),
        ("ma", "MA"),
        ("Maroc", "MA"),
        ("Morocco", "MA"),
        ("cote d'ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("ÉTATS-UNIS", "US"),
        ("Etats Unis", "US"),
        ("United States", "US"),
        ("USA", "US"),
        ("UK", "GB"),
        ("royaume uni", "GB"),
        ("Russie", "RU"),
        ("Corée du Sud", "KR"),
        ("Korea, Republic of", "KR"),
        ("Tchéquie", "CZ"),
        ("République tchèque", "CZ"),
    ],
)
def test_country_cells(text: str, code: str) -> None:
    """Codes, French and English names, ISO formal names and short aliases give the code."""
    assert parse_country(text) == code


@pytest.mark.parametrize("text", ["XX", "Atlantide", "", "Corée"])
def test_unknown_or_ambiguous_country_is_refused(text: str) -> None:
    """An unknown code or name, and the ambiguous "Corée", are refused naming the value."""
    with pytest.raises(ValueProblem, match=f"« {text} »"):
        parse_country(text)


def test_unknown_code_has_no_name() -> None:
    """Asking the name of an unknown code is a clear refusal, not a KeyError."""
    with pytest.raises(ValueProblem):
        country_name_fr("ZZ")
