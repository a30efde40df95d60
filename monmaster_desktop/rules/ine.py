"""INE (Identifiant National Étudiant) validation, RULES.md §9: check what can be checked."""

from __future__ import annotations

import re

from monmaster_desktop.rules.facts import RuleViolation

BEA_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"

_RNIE = re.compile(r"\d{9}[A-Z]{2}")
_SIFA = re.compile(r"\d{4}A\d{5}[A-Z]")
_PROVISIONAL = re.compile(r"\d{4}D\d{5}[A-Z]")
_BEA = re.compile(r"\d{10}[A-Z]")
_BASE36 = re.compile(r"[0-9A-Z]{10}\d")


def normalize_ine(text: str) -> str:
    """Upper-case and strip every space (clerks type INEs in groups)."""
    return "".join(text.split()).upper()


def _base36(ch: str) -> int:
    return int(ch, 36)


def bea_letter(digits: str) -> str:
    return BEA_LETTERS[int(digits) % 23]


def base36_digit(first_ten: str) -> str:
    total = 6 * sum(_base36(c) for c in first_ten[:9]) + _base36(first_ten[9])
    return str(total % 10)


def ine_family(ine: str) -> str | None:
    """The family a valid, normalised INE belongs to, or None when it is invalid."""
    if _RNIE.fullmatch(ine):
        return "rnie"
    if _SIFA.fullmatch(ine):
        return "apprentice"
    if _PROVISIONAL.fullmatch(ine):
        return "provisional"
    if _BEA.fullmatch(ine):
        digits = ine[:10]
        if len(set(digits)) > 1 and ine[10] == bea_letter(digits):
            return "bea"
    if _BASE36.fullmatch(ine):
        head = ine[:10]
        all_same_digit = head.isdigit() and len(set(head)) == 1
        if not all_same_digit and not head.isalpha() and ine[10] == base36_digit(head):
            return "base36"
    return None


def check_ine(text: str) -> str:
    """Return the normalised INE, or raise RuleViolation with a French explanation."""
    ine = normalize_ine(text)
    if len(ine) != 11:
        raise RuleViolation(
            "ine_length",
            f"INE « {ine} » : 11 caractères attendus, {len(ine)} saisis.",
            field="ine",
            ine=ine,
        )
    if not re.fullmatch(r"[0-9A-Z]{11}", ine):
        raise RuleViolation(
            "ine_characters",
            f"INE « {ine} » : seuls les chiffres et les lettres sans accent sont permis.",
            field="ine",
            ine=ine,
        )
    if ine_family(ine) is None:
        raise RuleViolation(
            "ine_invalid", f"INE « {ine} » invalide : {_reason(ine)}.", field="ine", ine=ine
        )
    return ine


def _reason(ine: str) -> str:
    """Why a well-formed but invalid INE is refused: the real reason, not a wrong key."""
    head = ine[:10]
    same_digits = head.isdigit() and len(set(head)) == 1
    if _BEA.fullmatch(ine):
        if same_digits:
            return "dix chiffres identiques, ce qui n'est jamais un INE-BEA"
        return (
            f"la lettre clé devrait être {bea_letter(head)} pour ces 10 chiffres, "
            f"pas {ine[10]} (INE-BEA)"
        )
    if _BASE36.fullmatch(ine):
        if same_digits:
            return "dix chiffres identiques, ce qui n'est jamais un INE base 36"
        if head.isalpha():
            return "dix lettres suivies d'un chiffre, ce qui n'est jamais un INE base 36"
        return f"le chiffre clé devrait être {base36_digit(head)}, pas {ine[10]} (INE base 36)"
    return "format inconnu (ni RNIE, ni BEA, ni base 36, ni apprenti, ni provisoire)"
