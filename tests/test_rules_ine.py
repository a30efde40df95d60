"""INE validation, RULES.md §9: every family, every one-character corruption of the examples."""

from __future__ import annotations

import string

import pytest

from monmaster_desktop.rules.facts import RuleViolation
from monmaster_desktop.rules.ine import check_ine, ine_family, normalize_ine

ALLOWED = string.digits + string.ascii_uppercase
BEA_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
EXAMPLES = ["0123456789M", "1234567890V", "12345678900"]


def _digits(s: str) -> bool:
    return all(c in string.digits for c in s)


def _letters(s: str) -> bool:
    return all(c in string.ascii_uppercase for c in s)


def spec_valid(ine: str) -> bool:
    """RULES.md §9 table, written independently of the product code."""
    if len(ine) != 11 or any(c not in ALLOWED for c in ine):
        return False
    if _digits(ine[:9]) and _letters(ine[9:]):  # RNIE / INES
        return True
    if _digits(ine[:4]) and ine[4] in "AD" and _digits(ine[5:10]) and _letters(ine[10]):
        return True  # apprentice (SIFA) / provisional
    head, key = ine[:10], ine[10]
    if _digits(head) and _letters(key):  # BEA
        if len(set(head)) > 1 and key == BEA_LETTERS[int(head) % 23]:
            return True
    if _digits(key):  # Base 36
        if (_digits(head) and len(set(head)) == 1) or _letters(head):
            return False
        total = 6 * sum(ALLOWED.index(c) for c in head[:9]) + ALLOWED.index(head[9])
        return str(total)[-1] == key
    return False


def _corruptions() -> list[tuple[str, str]]:
    cases = []
    for example in EXAMPLES:
        for pos, original in enumerate(example):
            for ch in ALLOWED:
                if ch != original:
                    cases.append((example, example[:pos] + ch + example[pos + 1 :]))
    return cases


CORRUPTIONS = _corruptions()


@pytest.mark.parametrize("ine", EXAMPLES)
def test_spec_examples_are_valid(ine):
    """The worked examples of §9 are accepted and come back unchanged."""
    assert spec_valid(ine)
    assert check_ine(ine) == ine


@pytest.mark.parametrize(
    ("ine", "family"),
    [("0123456789M", "bea"), ("1234567890V", "bea"), ("12345678900", "base36")],
)
def test_spec_examples_family(ine, family):
    """Each worked example is recognised in the family the spec computed it for."""
    assert ine_family(ine) == family


def test_corruption_table_is_exhaustive():
    """Every position of every example is corrupted with every other allowed character."""
    assert len(CORRUPTIONS) == len(EXAMPLES) * 11 * (len(ALLOWED) - 1)
    # the table is not trivial: some corruptions land on another valid INE
    assert any(spec_valid(c) for _, c in CORRUPTIONS)
    assert sum(not spec_valid(c) for _, c in CORRUPTIONS) > 1000


@pytest.mark.parametrize(("example", "corrupted"), CORRUPTIONS)
def test_one_character_corruption(example, corrupted):
    """A one-character change is refused unless the result is valid in some family of §9."""
    if spec_valid(corrupted):
        assert check_ine(corrupted) == corrupted
    else:
        with pytest.raises(RuleViolation) as exc:
            check_ine(corrupted)
        assert exc.value.field == "ine"
        assert "INE" in exc.value.message


@pytest.mark.parametrize(
    ("corrupted", "family"),
    [
        ("012345678XM", "rnie"),  # 10th digit turned into a letter: 9 digits + 2 letters
        ("0123A56789M", "apprentice"),
        ("0123D56789M", "provisional"),
        ("1234567890V", "bea"),  # last digit of the base-36 example turned into V
        ("123456789A0", "base36"),  # A = 10 keeps 6 × 45 + 10 ending in 0
        ("62345678900", "base36"),  # +5 on chars 1–9 adds 30: same last digit
    ],
)
def test_corruptions_that_land_in_another_family(corrupted, family):
    """Known one-character changes that are valid INEs of another (or the same) family."""
    assert spec_valid(corrupted)
    assert ine_family(corrupted) == family


@pytest.mark.parametrize("digit", list(string.digits))
def test_ten_identical_digits_invalid(digit):
    """Ten identical digits are refused, whatever key follows (BEA letter or base-36 digit)."""
    head = digit * 10
    for key in (BEA_LETTERS[int(head) % 23], str((6 * 9 * int(digit) + int(digit)) % 10)):
        with pytest.raises(RuleViolation):
            check_ine(head + key)


@pytest.mark.parametrize("head", ["ABCDEFGHIJ", "ZZZZZZZZZZ", "AAAAAAAAAA"])
def test_ten_letters_invalid_in_base36(head):
    """Ten letters followed by the otherwise right base-36 key are refused."""
    total = 6 * sum(ALLOWED.index(c) for c in head[:9]) + ALLOWED.index(head[9])
    with pytest.raises(RuleViolation):
        check_ine(head + str(total % 10))


@pytest.mark.parametrize(
    ("ine", "family"),
    [
        ("123456789AB", "rnie"),
        ("000000000ZZ", "rnie"),
        ("1234A56789K", "apprentice"),
        ("2023A00001Z", "apprentice"),
        ("1234D56789K", "provisional"),
        ("2024D12345A", "provisional"),
    ],
)
def test_format_only_families_accepted(ine, family):
    """RNIE, apprentice and provisional INEs are accepted on format alone (no key check)."""
    assert check_ine(ine) == ine
    assert ine_family(ine) == family


@pytest.mark.parametrize(
    "ine",
    [
        "12345678ABC",  # 8 digits + 3 letters
        "1234B56789K",  # B is neither apprentice nor provisional
        "1234A5678KK",  # apprentice with a letter among the 5 digits
        "1234D567890",  # provisional ending in a digit, base-36 key wrong
        "A23456789BC",  # RNIE starting with a letter
    ],
)
def test_near_formats_refused(ine):
    """Strings close to a format-only family but not matching it are refused."""
    assert not spec_valid(ine)
    with pytest.raises(RuleViolation):
        check_ine(ine)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0123456789m", "0123456789M"),
        (" 0123 456 789 M ", "0123456789M"),
        ("1234 5678 90v", "1234567890V"),
        ("123456789ab", "123456789AB"),
        ("1234a56789k", "1234A56789K"),
        ("\t12345678900\n", "12345678900"),
    ],
)
def test_lowercase_and_spaces_normalised(typed, expected):
    """Input is upper-cased and stripped of spaces before it is checked."""
    assert normalize_ine(typed) == expected
    assert check_ine(typed) == expected


@pytest.mark.parametrize("typed", ["", "0123456789", "0123456789MM", "012345678", "1" * 20])
def test_wrong_length_refused_in_french(typed):
    """A length other than 11 is refused with a French message giving the lengths."""
    with pytest.raises(RuleViolation) as exc:
        check_ine(typed)
    assert exc.value.code == "ine_length"
    assert exc.value.field == "ine"
    assert "11 caractères attendus" in exc.value.message
    assert str(len(typed)) in exc.value.message


@pytest.mark.parametrize("typed", ["0123456789-", "01234567É9M", "0123456789*"])
def test_other_characters_refused(typed):
    """Characters outside digits and unaccented letters are refused with a French message."""
    with pytest.raises(RuleViolation) as exc:
        check_ine(typed)
    assert exc.value.field == "ine"
    assert "INE" in exc.value.message


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("0000000000A", "dix chiffres identiques, ce qui n'est jamais un INE-BEA"),
        ("7777777777Q", "dix chiffres identiques, ce qui n'est jamais un INE-BEA"),
        ("11111111111", "dix chiffres identiques, ce qui n'est jamais un INE base 36"),
        ("ABCDEFGHIJ1", "dix lettres suivies d'un chiffre, ce qui n'est jamais un INE base 36"),
        ("0123456789A", "la lettre clé devrait être M pour ces 10 chiffres, pas A (INE-BEA)"),
        ("12345678901", "le chiffre clé devrait être 0, pas 1 (INE base 36)"),
    ],
)
def test_refusal_gives_the_real_reason(typed: str, reason: str) -> None:
    """Ten identical digits or ten letters are named as such, not as a wrong check character."""
    with pytest.raises(RuleViolation) as exc:
        check_ine(typed)
    assert exc.value.message == f"INE « {typed} » invalide : {reason}."
