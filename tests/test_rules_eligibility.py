"""Eligibility to Mon Master, RULES.md §2: nationality × residence and every other reason."""

from __future__ import annotations

import pytest
from rules_helpers import candidate, etudes_en_france

from monmaster_desktop.domain import Diploma, DiplomaStatus
from monmaster_desktop.domain import IneligibilityReason as R
from monmaster_desktop.rules.eligibility import (
    EEA_AND_ASSOCIATED,
    ETUDES_EN_FRANCE_2024,
    assess_eligibility,
)

EEF = etudes_en_france()

EU27 = set(
    "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU".split()
)


def test_shipped_etudes_en_france_list():
    """The shipped list has the 68 countries of §2 (Laos included), in data and in the code."""
    assert len(EEF) == 68
    assert "LA" in EEF
    assert EEF == ETUDES_EN_FRANCE_2024
    assert {"MA", "GB", "US", "CN", "SN", "CA", "JP"} <= EEF


def test_eea_and_associated_states():
    """EU 27 + IS, LI, NO + AD, CH, MC: 33 states, none in the Études en France list."""
    assert len(EU27) == 27
    assert EEA_AND_ASSOCIATED == EU27 | {"IS", "LI", "NO", "AD", "CH", "MC"}
    assert not EEA_AND_ASSOCIATED & EEF


@pytest.mark.parametrize(
    ("nationality", "residence", "eligible"),
    [
        ("FR", "FR", True),
        ("FR", "MA", True),  # French living in Morocco
        ("IT", "MA", True),  # EU national living in Morocco
        ("MA", "FR", True),  # Moroccan living in France
        ("MA", "MA", False),  # Moroccan living in Morocco
        ("CH", "US", True),
        ("NO", "CN", True),  # EEA but not EU
        ("IS", "SN", True),
        ("LI", "JP", True),
        ("US", "US", False),
        ("GB", "GB", False),  # GB is in the Études en France list and not in the EEA
        ("GB", "FR", True),
        ("GB", "IE", True),
        ("AD", "MA", True),
        ("MC", "SN", True),
        ("DE", "GB", True),
        ("SN", "MA", False),  # foreign national living in another listed country
        ("BR", "PT", True),
        ("CH", "CH", True),
        ("AU", "AU", True),  # Australia: not in the list
        ("NZ", "US", False),  # foreign national, residence listed
        ("US", "CA", False),
        ("MA", "BE", True),
    ],
)
def test_nationality_and_residence(nationality, residence, eligible):
    """Études en France bars a foreign (non EEA/AD/CH/MC) national living in a listed country."""
    result = assess_eligibility(candidate(nationality, residence), EEF)
    assert result.eligible is eligible
    assert result.reasons == (() if eligible else (R.ETUDES_EN_FRANCE,))


@pytest.mark.parametrize(("nationality", "residence"), [("ma", "ma"), ("Ma", "mA")])
def test_country_codes_case_insensitive(nationality, residence):
    """Country codes typed in lower case are read as ISO codes."""
    result = assess_eligibility(candidate(nationality, residence), EEF)
    assert result.reasons == (R.ETUDES_EN_FRANCE,)


def test_edited_list_is_used():
    """The list passed in (clerk-edited data) decides, not a constant."""
    assert assess_eligibility(candidate("AU", "AU"), EEF | {"AU"}).reasons == (R.ETUDES_EN_FRANCE,)
    assert assess_eligibility(candidate("MA", "MA"), EEF - {"MA"}).eligible


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"repeating_m1": True}, R.REPEATING_M1),
        ({"ves_vap": True}, R.VES_VAP),
        ({"automatic_admission": True}, R.AUTOMATIC_ADMISSION),
        ({"diploma": Diploma.NONE}, R.NO_QUALIFYING_DIPLOMA),
        (
            {"diploma": Diploma.NONE, "diploma_status": DiplomaStatus.IN_PROGRESS},
            R.NO_QUALIFYING_DIPLOMA,
        ),
    ],
)
def test_each_other_reason(overrides, reason):
    """Each non-nationality reason alone makes a French candidate ineligible, with its code."""
    result = assess_eligibility(candidate(**overrides), EEF)
    assert not result.eligible
    assert result.reasons == (reason,)


@pytest.mark.parametrize("diploma", [d for d in Diploma if d is not Diploma.NONE])
@pytest.mark.parametrize("status", list(DiplomaStatus))
def test_qualifying_diploma_held_or_in_progress(diploma, status):
    """Holding or preparing any diploma giving access to a Master is fine."""
    result = assess_eligibility(candidate(diploma=diploma, diploma_status=status), EEF)
    assert result.eligible
    assert result.reasons == ()


@pytest.mark.parametrize(
    ("nationality", "residence", "overrides", "reasons"),
    [
        ("MA", "MA", {"repeating_m1": True}, (R.ETUDES_EN_FRANCE, R.REPEATING_M1)),
        (
            "FR",
            "FR",
            {"ves_vap": True, "automatic_admission": True},
            (R.AUTOMATIC_ADMISSION, R.VES_VAP),
        ),
        (
            "US",
            "US",
            {
                "repeating_m1": True,
                "ves_vap": True,
                "automatic_admission": True,
                "diploma": Diploma.NONE,
            },
            (
                R.AUTOMATIC_ADMISSION,
                R.ETUDES_EN_FRANCE,
                R.NO_QUALIFYING_DIPLOMA,
                R.REPEATING_M1,
                R.VES_VAP,
            ),
        ),
        (
            "FR",
            "FR",
            {"diploma": Diploma.NONE, "repeating_m1": True},
            (R.NO_QUALIFYING_DIPLOMA, R.REPEATING_M1),
        ),
    ],
)
def test_several_reasons_sorted(nationality, residence, overrides, reasons):
    """All applying reasons are returned, sorted by code."""
    result = assess_eligibility(candidate(nationality, residence, **overrides), EEF)
    assert not result.eligible
    assert result.reasons == reasons
    assert list(result.reasons) == sorted(result.reasons)
