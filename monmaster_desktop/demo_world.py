"""The demo's world: the campaign calendar, the course catalogue and what happens to whom."""

from __future__ import annotations

import bisect
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from monmaster_desktop.demo_vocabulary import (
    ALTERNANCE,
    COMPLEMENTARY,
    CONTRACT_SEARCH,
    DECLINED,
    EXPIRED,
    INITIAL,
    MAIN,
    MENTIONS,
    OFFER,
    OTHER_INSTITUTIONS,
    PROVISIONAL,
    REJECTED,
    REJECTION_REASONS,
    SUBMITTED,
    WAITLISTED,
    WITHDRAWN,
)

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------
# Campaign calendar (from resources/defaults.json; other years: the 2024 dates moved)
# ---------------------------------------------------------------------------------------------


class _Random(random.Random):
    """random.Random with cheaper single draws (the generator makes millions of them)."""

    def choice(self, seq: Sequence[T]) -> T:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def pick(self, values: Sequence[T], cum_weights: Sequence[int]) -> T:
        """One of ``values``, with the given cumulative weights."""
        return values[bisect.bisect(cum_weights, self.random() * cum_weights[-1])]


@dataclass(frozen=True, slots=True)
class _Campaign:
    year: int
    home_code: str
    home_name: str
    main_from: int
    main_to: int
    comp_from: int
    comp_to: int
    admission_from: int
    comp_phase_to: int
    #: (accepted_from, accepted_to, deadline); the last band has no end and no fixed deadline.
    bands: tuple[tuple[int, int | None, int | None], ...]


@cache
def _defaults() -> dict[str, Any]:
    path = resources.files("monmaster_desktop.resources").joinpath("defaults.json")
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


@cache
def _campaign(year: int) -> _Campaign:
    raw_all = _defaults()
    campaigns = {c["year"]: c for c in raw_all["campaigns"]}
    raw = campaigns.get(year, campaigns[2024])
    shift = year - raw["year"]

    def day(text: str | None) -> int | None:
        if text is None:
            return None
        parsed = date.fromisoformat(text)
        return parsed.replace(year=parsed.year + shift).toordinal()

    def req(text: str) -> int:
        value = day(text)
        assert value is not None
        return value

    return _Campaign(
        year=year,
        home_code=raw_all["home_institution"]["code"],
        home_name=raw_all["home_institution"]["name"],
        main_from=req(raw["main_apply_from"]),
        main_to=req(raw["main_apply_to"]),
        comp_from=req(raw["complementary_apply_from"]),
        comp_to=req(raw["complementary_apply_to"]),
        admission_from=req(raw["main_admission_from"]),
        comp_phase_to=req(raw["complementary_to"]),
        bands=tuple(
            (req(b["accepted_from"]), day(b["accepted_to"]), day(b["deadline"]))
            for b in raw["bands"]
        ),
    )


# ---------------------------------------------------------------------------------------------
# Catalogue of courses (fixed: the same universities offer the same courses whatever the seed)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Catalogue:
    institutions: tuple[tuple[str, str], ...]  # index 0 is the home institution
    #: (institution index, mention) -> parcours offered, per training type
    parcours: dict[str, dict[tuple[int, str], tuple[str, ...]]]
    #: mention -> institution indexes offering it, per training type
    by_mention: dict[str, dict[str, tuple[int, ...]]]
    #: every (institution index, mention) key, per training type
    all_keys: dict[str, tuple[tuple[int, str], ...]]


@cache
def _catalogue(home_code: str, home_name: str) -> _Catalogue:
    rng = random.Random(20240226)
    institutions = ((home_code, home_name), *OTHER_INSTITUTIONS)
    parcours: dict[str, dict[tuple[int, str], tuple[str, ...]]] = {INITIAL: {}, ALTERNANCE: {}}
    for index in range(len(institutions)):
        offer_rate = 1.0 if index == 0 else rng.uniform(0.45, 0.8)
        for mention, (options, alternance_rate) in MENTIONS.items():
            if rng.random() >= offer_rate:
                continue
            if not options:
                chosen: tuple[str, ...] = ("",)
            elif index == 0:
                chosen = tuple(rng.sample(options, min(len(options), rng.choice((2, 3)))))
            elif rng.random() < 0.08:
                chosen = ("",)  # a mention without named parcours
            else:
                chosen = tuple(rng.sample(options, rng.randint(1, min(3, len(options)))))
            parcours[INITIAL][(index, mention)] = chosen
            alternance = tuple(p for p in chosen if rng.random() < alternance_rate)
            if alternance:
                parcours[ALTERNANCE][(index, mention)] = alternance
    by_mention: dict[str, dict[str, tuple[int, ...]]] = {}
    all_keys: dict[str, tuple[tuple[int, str], ...]] = {}
    for training_type, table in parcours.items():
        grouped: dict[str, list[int]] = {m: [] for m in MENTIONS}
        for index, mention in table:
            grouped[mention].append(index)
        by_mention[training_type] = {m: tuple(v) for m, v in grouped.items()}
        all_keys[training_type] = tuple(table)
    return _Catalogue(institutions, parcours, by_mention, all_keys)


# ---------------------------------------------------------------------------------------------
# Plans: what happens to one candidate (random, or forced to cover every rule)
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Plan:
    n_initial: int
    n_alternance: int = 0
    n_complementary: int = 0
    extra_parcours: int = 0
    fate: str = "none"  # "definitive", "holding", "none"
    definitive_home: bool | None = None
    definitive_band: int | None = None
    definitive_phase: str = MAIN
    registered: bool | None = None
    held: str | None = None
    force_home: bool = False
    no_withdrawn: bool = False
    force_statuses: tuple[str, ...] = ()
    reject_reason: str | None = None
    recent_rejection: bool = False
    variant: str | None = None  # a mention written in another case / without accents
    prefs: tuple[str, ...] = ()
    # candidate profile overrides
    profile: tuple[str, str, str] | None = None
    diploma: str | None = None
    repeating_m1: bool = False
    ves_vap: bool = False
    automatic_admission: bool = False
    history: str | None = None


def _forced_plans() -> list[_Plan]:
    """Candidates that make every status, reason, flag and band appear, whatever the seed."""
    plans = [
        # registration at the home institution, across the three bands
        _Plan(6, fate="definitive", definitive_home=True, definitive_band=0, registered=False,
              force_home=True, history="never"),
        _Plan(5, fate="definitive", definitive_home=True, definitive_band=0, registered=True,
              force_home=True, history="enrolled_last_year"),
        _Plan(7, fate="definitive", definitive_home=True, definitive_band=1, registered=False,
              force_home=True),
        _Plan(4, fate="definitive", definitive_home=True, definitive_band=1, registered=True,
              force_home=True),
        _Plan(8, fate="definitive", definitive_home=True, definitive_band=2, registered=False,
              force_home=True),
        _Plan(3, fate="definitive", definitive_home=True, definitive_band=2, registered=True,
              force_home=True, history="enrolled_last_year"),
        _Plan(6, fate="definitive", definitive_home=False, definitive_band=0),
        _Plan(5, fate="definitive", definitive_home=False, definitive_band=1),
        _Plan(3, n_complementary=2, fate="definitive", definitive_home=True, definitive_band=0,
              definitive_phase=COMPLEMENTARY, force_home=True, registered=True),
        # interrupted enrolment: must contact the registrar
        _Plan(5, fate="definitive", definitive_home=True, definitive_band=0, registered=True,
              force_home=True, history="interrupted"),
        _Plan(4, fate="holding", history="interrupted"),
        # every ineligibility reason of RULES.md §2
        _Plan(4, profile=("MA", "MA", "ma")),
        _Plan(3, profile=("SN", "SN", "sn")),
        _Plan(5, profile=("CN", "CN", "cn")),
        _Plan(6, repeating_m1=True, fate="holding"),
        _Plan(4, ves_vap=True),
        _Plan(2, automatic_admission=True),
        _Plan(3, diploma="none"),
        # every status, in two candidates still waiting for the outcome
        _Plan(7, n_alternance=2, n_complementary=2, fate="none",
              force_statuses=(CONTRACT_SEARCH, SUBMITTED, WAITLISTED, OFFER, DECLINED, EXPIRED,
                              WITHDRAWN, REJECTED)),
        _Plan(5, n_alternance=1, fate="holding", held=PROVISIONAL,
              force_statuses=(CONTRACT_SEARCH, WAITLISTED)),
        # every rejection reason; refusals notified within the month before mid-July
        *(_Plan(4, reject_reason=reason, recent_rejection=i % 2 == 0)
          for i, reason in enumerate(REJECTION_REASONS)),
        _Plan(6, recent_rejection=True, fate="holding"),
        _Plan(3, recent_rejection=True),
        # exactly at the 15-mention cap of the main phase (initial)
        *(_Plan(15, fate=fate, no_withdrawn=True, extra_parcours=extra)
          for fate, extra in (("none", 0), ("holding", 1), ("none", 2), ("holding", 0))),
        # long files: 25 to 30 applications, for printed sheets over several pages
        _Plan(15, n_alternance=8, extra_parcours=2, fate="holding", no_withdrawn=True),
        _Plan(15, n_alternance=10, extra_parcours=3, fate="none"),
        _Plan(15, n_alternance=11, extra_parcours=4, fate="holding"),
        # the same mention written differently at one institution
        _Plan(4, variant="Informatique", prefs=("Informatique",), force_home=True,
              fate="holding"),
        _Plan(5, variant="Économie appliquée", prefs=("Économie appliquée",), force_home=True),
    ]
    return plans


_N_INITIAL = (tuple(range(1, 16)), (6, 6, 7, 8, 9, 9, 9, 8, 7, 6, 5, 4, 3, 3, 4))
_N_INITIAL_CUM = tuple(sum(_N_INITIAL[1][: i + 1]) for i in range(15))


def _random_plan(rng: _Random) -> _Plan:
    n_initial = rng.pick(_N_INITIAL[0], _N_INITIAL_CUM)
    plan = _Plan(n_initial)
    r = rng.random()
    if r < 0.22:
        plan.extra_parcours = 1 if r < 0.16 else 2
    if rng.random() < 0.2:
        plan.n_alternance = rng.randint(1, 5)
    if rng.random() < 0.14:
        plan.n_complementary = rng.randint(1, 4)
    r = rng.random()
    plan.fate = "definitive" if r < 0.5 else "holding" if r < 0.75 else "none"
    if rng.random() < 0.005:
        plan.variant = ""  # any mention of the file, written differently
    return plan


