"""Cell parsers for import files: raw text in, typed value out, or a French message for the clerk."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Concatenate, cast

from monmaster_desktop.domain import (
    DIPLOMA_FR,
    DIPLOMA_STATUS_FR,
    HISTORY_FR,
    PHASE_FR,
    REJECTION_FR,
    STATUS_FR,
    TRAINING_FR,
    ApplicationStatus,
    Diploma,
    DiplomaStatus,
    EnrolmentHistory,
    Phase,
    RejectionReason,
    TrainingType,
    fold,
)


class ValueProblem(ValueError):
    """A cell value that cannot be accepted; ``message`` is the French sentence shown to the clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


#: Characters never shown raw in a one-line report: controls, format characters (BOM,
#: zero-width, bidi), line and paragraph separators.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def _escape_invisible(match: re.Match[str]) -> str:
    char = match.group()
    return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(char, f"<U+{ord(char):04X}>")


def shown(text: str, limit: int = 60) -> str:
    """A file's value as a one-line report may quote it: invisible characters written out
    (``<U+FEFF>``, ``\\n``), and a long value cut with its length given."""
    if len(text) > limit:
        cut = _INVISIBLE.sub(_escape_invisible, text[:limit])
        return f"{cut}… ({len(text):,} caractères)".replace(",", "\u202f")
    return _INVISIBLE.sub(_escape_invisible, text)


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_FRENCH_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_DATE_EXPECTED = "attendu AAAA-MM-JJ ou JJ/MM/AAAA"


def parse_date(text: str) -> date:
    """A calendar date written ``YYYY-MM-DD``, ``DD/MM/YYYY`` or ``D/M/YYYY``."""
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
    elif match := _FRENCH_DATE.fullmatch(text):
        day, month, year = match.groups()
    else:
        raise ValueProblem(f"« {text} » n'est pas une date ({_DATE_EXPECTED})")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueProblem(f"« {text} » n'est pas une date valide ({_DATE_EXPECTED})") from None


_TRUE = frozenset({"oui", "o", "yes", "y", "true", "vrai", "1"})
_FALSE = frozenset({"non", "n", "no", "false", "faux", "0", ""})


def parse_bool(text: str) -> bool:
    """A yes/no cell: oui/non, o/n, yes/no, true/false, vrai/faux, 1/0; empty means no."""
    key = fold(text)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueProblem(
        f"« {text} » n'est pas une réponse oui/non (attendu oui, non, vrai, faux, 1 ou 0)"
    )


def _choice_key(text: str) -> str:
    """Compare key for coded values: folded, with spaces, hyphens and underscores made one."""
    key = fold(text).replace("’", "'").replace("-", " ").replace("_", " ")
    return "_".join(key.split())


def _aliases[E: enum.StrEnum](labels: Mapping[E, str], extra: Mapping[str, E]) -> dict[str, E]:
    """The domain's French labels plus the clerks' usual words, as one alias table."""
    return {**{label: member for member, label in labels.items()}, **extra}


#: French words accepted for each coded column, besides the codes themselves (FORMATS.md §2).
#: Each table holds the domain's French labels (what exports write) and the clerks' usual words.
CHOICE_ALIASES: dict[type[enum.StrEnum], dict[str, enum.StrEnum]] = {
    Diploma: _aliases(
        DIPLOMA_FR,
        {
            "licence pro": Diploma.LICENCE_PRO,
            "LP": Diploma.LICENCE_PRO,
            "bachelor universitaire de technologie": Diploma.BUT,
            "autre": Diploma.OTHER_BAC3,
            "autre bac+3": Diploma.OTHER_BAC3,
            "aucun": Diploma.NONE,
            "aucun diplôme": Diploma.NONE,
        },
    ),
    DiplomaStatus: _aliases(
        DIPLOMA_STATUS_FR,
        {
            "obtenue": DiplomaStatus.OBTAINED,
            "en cours": DiplomaStatus.IN_PROGRESS,
        },
    ),
    EnrolmentHistory: _aliases(
        HISTORY_FR,
        {
            "jamais": EnrolmentHistory.NEVER,
            "jamais inscrit": EnrolmentHistory.NEVER,
            "nouvel entrant": EnrolmentHistory.NEVER,
            "N-1": EnrolmentHistory.ENROLLED_LAST_YEAR,
            "inscrit N-1": EnrolmentHistory.ENROLLED_LAST_YEAR,
            "inscrit l'an dernier": EnrolmentHistory.ENROLLED_LAST_YEAR,
            "interrompue": EnrolmentHistory.INTERRUPTED,
            "interrompu": EnrolmentHistory.INTERRUPTED,
            "inscription interrompue": EnrolmentHistory.INTERRUPTED,
        },
    ),
    Phase: _aliases(
        PHASE_FR,
        {
            "principale": Phase.MAIN,
            "complémentaire": Phase.COMPLEMENTARY,
        },
    ),
    TrainingType: _aliases(
        TRAINING_FR,
        {
            "initiale": TrainingType.INITIAL,
            "FI": TrainingType.INITIAL,
            "en alternance": TrainingType.ALTERNANCE,
            "apprentissage": TrainingType.ALTERNANCE,
        },
    ),
    ApplicationStatus: _aliases(
        STATUS_FR,
        {
            "déposée": ApplicationStatus.SUBMITTED,
            "liste d'attente": ApplicationStatus.WAITLISTED,
            "proposition": ApplicationStatus.OFFER,
            "admis": ApplicationStatus.OFFER,
            "admise": ApplicationStatus.OFFER,
            "acceptée provisoirement": ApplicationStatus.ACCEPTED_PROVISIONALLY,
            "accepté provisoirement": ApplicationStatus.ACCEPTED_PROVISIONALLY,
            "accepté définitivement": ApplicationStatus.ACCEPTED_DEFINITIVELY,
            # Mon Master's words: the candidate "renonce" to an offer; the institution "refuse".
            "renoncée": ApplicationStatus.DECLINED,
            "renoncé": ApplicationStatus.DECLINED,
            "expirée": ApplicationStatus.EXPIRED,
            "refusée": ApplicationStatus.REJECTED,
            "refusé": ApplicationStatus.REJECTED,
            "retirée": ApplicationStatus.WITHDRAWN,
            "retiré": ApplicationStatus.WITHDRAWN,
        },
    ),
    RejectionReason: _aliases(
        REJECTION_FR,
        {
            "incomplet": RejectionReason.INCOMPLETE,
            "non valide": RejectionReason.INVALID,
            "invalide": RejectionReason.INVALID,
            "conditions non remplies": RejectionReason.REQUIREMENTS_NOT_MET,
            "autre": RejectionReason.OTHER,
        },
    ),
}


def _choice_index[E: enum.StrEnum](
    enum_type: type[E], aliases: Mapping[str, E] | None
) -> dict[str, E]:
    """Compare key -> member, for the codes and the aliases; an ambiguous alias is a bug."""
    index: dict[str, E] = {_choice_key(member.value): member for member in enum_type}
    for alias, member in (aliases or {}).items():
        key = _choice_key(alias)
        if index.setdefault(key, member) is not member:
            raise ValueError(f"alias {alias!r} names both {index[key]!r} and {member!r}")
    return index


_INDEXES: dict[type[enum.StrEnum], dict[str, enum.StrEnum]] = {
    enum_type: _choice_index(enum_type, aliases) for enum_type, aliases in CHOICE_ALIASES.items()
}


def parse_choice[E: enum.StrEnum](
    text: str, enum_type: type[E], french_aliases: Mapping[str, E] | None = None
) -> E:
    """A coded value: the code or a French alias, ignoring case, accents, spaces and hyphens.

    ``french_aliases`` None means the built-in table of ``CHOICE_ALIASES`` for this type.
    """
    if french_aliases is None and enum_type in _INDEXES:
        index = cast(dict[str, E], _INDEXES[enum_type])
    else:
        index = _choice_index(enum_type, french_aliases)
    member = index.get(_choice_key(text))
    if member is None:
        codes = ", ".join(member.value for member in enum_type)
        raise ValueProblem(f"« {text} » n'est pas une valeur reconnue (attendu : {codes})")
    return member


def parse_positive_int(text: str) -> int:
    """A whole number greater than zero, digits only."""
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        raise ValueProblem(f"« {text} » n'est pas un nombre entier positif")
    return int(text)


_UAI = re.compile(r"[0-9]{7}[A-Z]")


def parse_uai(text: str) -> str:
    """An institution's UAI code: 7 digits and 1 letter, returned upper-cased."""
    code = text.upper()
    if not _UAI.fullmatch(code):
        raise ValueProblem(f"« {text} » n'est pas un code UAI (attendu 7 chiffres et 1 lettre)")
    return code


def parse_optional[T, **P](
    parser: Callable[Concatenate[str, P], T], text: str, *args: P.args, **kwargs: P.kwargs
) -> T | None:
    """``None`` for an empty cell, otherwise ``parser(text, *args, **kwargs)``."""
    return None if text == "" else parser(text, *args, **kwargs)
