"""The demo's people: birth years, INEs, e-mail names, phone numbers, spellings."""

from __future__ import annotations

import random
import unicodedata

from monmaster_desktop.demo_vocabulary import (
    _ASCII_EXTRA,
    SUBMITTED,
)
from monmaster_desktop.demo_world import (
    _Random,
)
from monmaster_desktop.rules.ine import BEA_LETTERS, base36_digit, bea_letter

#: Birth years 1975–2004 and their cumulative weights: a real year's population.
_BIRTH_YEARS = tuple(range(1975, 2005))
_BIRTH_CUM = tuple(
    sum((1 if y < 1990 else 3 if y < 1995 else {1995: 6, 1996: 9, 1997: 14, 1998: 22, 1999: 34,
         2000: 52, 2001: 70, 2002: 60, 2003: 22, 2004: 4}[y]) for y in range(1975, year + 1))
    for year in range(1975, 2005)
)


class _App:
    __slots__ = (
        "phase", "training_type", "institution", "mention", "parcours", "submitted", "status",
        "rank", "reason", "notified", "accepted", "registered", "forced",
    )

    def __init__(
        self, phase: str, training_type: str, institution: int, mention: str, parcours: str,
        submitted: int,
    ) -> None:
        self.phase = phase
        self.training_type = training_type
        self.institution = institution
        self.mention = mention
        self.parcours = parcours
        self.submitted = submitted
        self.status = SUBMITTED
        self.rank = 0
        self.reason = ""
        self.notified = 0
        self.accepted = 0
        self.registered = 0
        self.forced = False


def ascii_fold(text: str) -> str:
    """Letters without accents (œ -> oe, ß -> ss): for e-mail addresses."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def mention_variant(mention: str, rng: random.Random) -> str:
    """The same mention as a clerk or a platform export might spell it (same folded key)."""
    options = (
        mention.upper() + " ",
        ascii_fold(mention),
        " " + mention.lower(),
        ascii_fold(mention).upper(),
    )
    variant = options[rng.randrange(len(options))]
    return variant if variant != mention else mention.upper() + " "


def _fill(rng: _Random, pattern: str) -> str:
    count = pattern.count("#")
    digits = f"{rng.randrange(10**count):0{count}d}"
    out = []
    it = iter(digits)
    for ch in pattern:
        out.append(next(it) if ch == "#" else ch)
    return "".join(out)


def _make_ine(rng: _Random) -> str:
    r = rng.random()
    if r < 0.55:  # INE-BEA
        while True:
            digits = f"{rng.randrange(10**10):010d}"
            if len(set(digits)) > 1:
                return digits + bea_letter(digits)
    if r < 0.75:  # INE base 36: digits and letters mixed (never ten letters)
        alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        while True:
            head = "".join(
                alphabet[rng.randrange(10)] if i in (0, 1, 5) else alphabet[rng.randrange(36)]
                for i in range(10)
            )
            if not (head.isdigit() and len(set(head)) == 1):
                return head + base36_digit(head)
    if r < 0.9:  # INE-RNIE
        return f"{rng.randrange(10**9):09d}" + rng.choice(BEA_LETTERS) + rng.choice(BEA_LETTERS)
    middle = "A" if r < 0.95 else "D"  # apprentice (SIFA) or provisional
    return f"{rng.randrange(10**4):04d}{middle}{rng.randrange(10**5):05d}{rng.choice(BEA_LETTERS)}"


def _email_part(text: str) -> str:
    folded = ascii_fold(text).lower().replace("'", "").replace(" ", "")
    return "".join(ch for ch in folded if ch.isalnum() or ch == "-")
