"""Cell parsers of the import files: dates, booleans, coded values, numbers, UAI codes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monmaster_desktop.domain import (
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Phase,
    RejectionReason,
    TrainingType,
)
from monmaster_desktop.io.values import (
    CHOICE_ALIASES,
    ValueProblem,
    parse_bool,
    parse_choice,
    parse_date,
    parse_optional,
    parse_positive_int,
    parse_uai,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01", date(2024, 3, 1)),
        ("01/03/2024", date(2024, 3, 1)),
        ("1/3/2024", date(2024, 3, 1)),
        ("29/02/2024", date(2024, 2, 29)),
    ],
)
def test_dates_in_both_accepted_forms(text: str, expected: date) -> None:
    """ISO and French day-first dates are read as the same calendar day."""
    assert parse_date(text) == expected


def test_impossible_date_is_refused_with_the_value_and_the_expected_forms() -> None:
    """31/02/2024 is refused, and the message names the value and both accepted forms."""
    with pytest.raises(ValueProblem) as problem:
        parse_date("31/02/2024")
    assert problem.value.message == (
        "« 31/02/2024 » n'est pas une date valide (attendu AAAA-MM-JJ ou JJ/MM/AAAA)"
    )


@pytest.mark.parametrize("text", ["2024-2-1", "03/01/24", "2024/03/01", "demain", "2023-02-29", ""])
def test_malformed_or_unreal_dates_are_refused(text: str) -> None:
    """Other layouts, two-digit years and dates that do not exist are refused."""
    with pytest.raises(ValueProblem):
        parse_date(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_any_real_date_reads_back_from_either_form(day: date) -> None:
    """Every real date written ISO or DD/MM/YYYY reads back unchanged."""
    assert parse_date(day.isoformat()) == day
    assert parse_date(day.strftime("%d/%m/%Y")) == day


@pytest.mark.parametrize("text", ["oui", "OUI", "o", "yes", "Y", "true", "Vrai", "1"])
def test_yes_words(text: str) -> None:
    """Every yes word, in any case, reads as True."""
    assert parse_bool(text) is True


@pytest.mark.parametrize("text", ["non", "N", "no", "FALSE", "faux", "0", ""])
def test_no_words_and_empty(text: str) -> None:
    """Every no word, and an empty cell, read as False."""
    assert parse_bool(text) is False


def test_unclear_yes_no_is_refused() -> None:
    """A cell that is neither yes nor no is refused, naming the value."""
    with pytest.raises(ValueProblem, match="« peut-être »"):
        parse_bool("peut-être")


@pytest.mark.parametrize(
    ("text", "enum_type", "expected"),
    [
        ("licence_pro", Diploma, Diploma.LICENCE_PRO),
        ("Licence Pro", Diploma, Diploma.LICENCE_PRO),
        ("Licence professionnelle", Diploma, Diploma.LICENCE_PRO),
        ("IN_PROGRESS", DiplomaStatus, DiplomaStatus.IN_PROGRESS),
        ("en préparation", DiplomaStatus, DiplomaStatus.IN_PROGRESS),
        ("inscrit N-1", EnrolmentHistory, EnrolmentHistory.ENROLLED_LAST_YEAR),
        ("interrompue", EnrolmentHistory, EnrolmentHistory.INTERRUPTED),
        ("Phase complémentaire", Phase, Phase.COMPLEMENTARY),
        ("apprentissage", TrainingType, TrainingType.ALTERNANCE),
        ("contract-search", ApplicationStatus, ApplicationStatus.CONTRACT_SEARCH),
        ("Refusée", ApplicationStatus, ApplicationStatus.REJECTED),
        ("Proposition refusée", ApplicationStatus, ApplicationStatus.DECLINED),
        ("liste d’attente", ApplicationStatus, ApplicationStatus.WAITLISTED),
        ("dossier incomplet", RejectionReason, RejectionReason.INCOMPLETE),
    ],
)
def test_codes_and_french_words_are_accepted(text: str, enum_type: type, expected: object) -> None:
    """Codes match ignoring case and spacing; the French labels and usual words match too."""
    assert parse_choice(text, enum_type) == expected


def test_every_french_label_written_by_exports_reads_back() -> None:
    """Each alias, including the French labels exports write, reads back as its own member."""
    for enum_type, aliases in CHOICE_ALIASES.items():
        for alias, member in aliases.items():
            assert parse_choice(alias, enum_type) is member


def test_unknown_choice_lists_the_codes() -> None:
    """An unknown value is refused with the list of accepted codes."""
    with pytest.raises(ValueProblem, match="initial, alternance"):
        parse_choice("distance", TrainingType)


def test_caller_aliases_replace_the_built_in_ones() -> None:
    """Aliases given by the caller are used instead of the built-in table."""
    assert parse_choice("PP", Phase, {"pp": Phase.MAIN}) is Phase.MAIN
    with pytest.raises(ValueProblem):
        parse_choice("principale", Phase, {"pp": Phase.MAIN})


def test_positive_integers() -> None:
    """Digits above zero are accepted; zero, signs, decimals and words are refused."""
    assert parse_positive_int("12") == 12
    for text in ["0", "-3", "+3", "2.5", "douze", "١٢"]:
        with pytest.raises(ValueProblem, match="entier positif"):
            parse_positive_int(text)


def test_uai_is_upper_cased_and_checked() -> None:
    """A UAI is 7 digits and a letter, upper-cased; anything else is refused."""
    assert parse_uai("0134009m") == "0134009M"
    for text in ["013400M", "01340099", "0134009MM", "A134009M"]:
        with pytest.raises(ValueProblem, match="UAI"):
            parse_uai(text)


def test_optional_cells() -> None:
    """An empty optional cell gives None; a filled one goes through the parser with its arguments."""
    assert parse_optional(parse_date, "") is None
    assert parse_optional(parse_date, "2024-06-04") == date(2024, 6, 4)
    assert parse_optional(parse_choice, "rejected", ApplicationStatus) is ApplicationStatus.REJECTED
