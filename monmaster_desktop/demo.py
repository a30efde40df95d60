"""Deterministic, realistic demo data: candidates and applications as rows of the import CSVs."""

from __future__ import annotations

import csv
import operator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from monmaster_desktop.demo_people import (
    _BIRTH_CUM,
    _BIRTH_YEARS,
    _App,
    _email_part,
    _fill,
    _make_ine,
    ascii_fold,
    mention_variant,
)
from monmaster_desktop.demo_vocabulary import (
    _BASE_CUM,
    _DOMAINS,
    _FIRST,
    _FR_DIVERSE,
    _FR_PHONES,
    _LAST,
    _PHONES,
    _PROFILE_CUM,
    _PROFILES,
    _REASON_CUM,
    ALTERNANCE,
    CLUSTERS,
    COMPLEMENTARY,
    CONTRACT_SEARCH,
    DECLINED,
    DEFINITIVE,
    EXPIRED,
    INITIAL,
    MAIN,
    MENTIONS,
    OFFER,
    PROVISIONAL,
    REJECTED,
    REJECTION_REASONS,
    SUBMITTED,
    WAITLISTED,
    WITHDRAWN,
)
from monmaster_desktop.demo_world import (
    _campaign,
    _catalogue,
    _defaults,
    _forced_plans,
    _Plan,
    _Random,
    _random_plan,
)
from monmaster_desktop.io.columns import APPLICATIONS, CANDIDATES
from monmaster_desktop.rules.eligibility import EEA_AND_ASSOCIATED

T = TypeVar("T")

#: Columns of candidates.csv and applications.csv, FORMATS.md §2, in file order: those the
#: import reads (io/columns.py), so the demo files always import back.
CANDIDATE_COLUMNS: tuple[str, ...] = CANDIDATES.names
APPLICATION_COLUMNS: tuple[str, ...] = APPLICATIONS.names


@dataclass(slots=True)
class DemoData:
    """The generated rows, keyed by the column names of FORMATS.md §2, every value a string."""

    candidates: list[dict[str, str]]
    applications: list[dict[str, str]]


# ---------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------


class _Generator:
    def __init__(self, seed: int, campaign_year: int) -> None:
        self.rng = _Random(seed)
        self.campaign = _campaign(campaign_year)
        self.catalogue = _catalogue(self.campaign.home_code, self.campaign.home_name)
        self.year = str(campaign_year)
        self.prefix = f"M{campaign_year % 100:02d}-"
        self.iso: dict[int, str] = {}
        self.ines: set[str] = set()
        self.emails: set[str] = set()
        c = self.campaign
        self.band_ranges: list[tuple[int, int]] = []
        for start, end, _deadline in c.bands:
            self.band_ranges.append((start, end if end is not None else start + 17))

    # -- dates ------------------------------------------------------------------------------

    def day(self, ordinal: int) -> str:
        if not ordinal:
            return ""
        text = self.iso.get(ordinal)
        if text is None:
            text = self.iso[ordinal] = date.fromordinal(ordinal).isoformat()
        return text

    # -- candidates -------------------------------------------------------------------------

    def candidate(self, number: int, plan: _Plan) -> dict[str, str]:
        rng = self.rng
        if plan.profile is not None:
            nationality, residence, origin = plan.profile
        else:
            _, nationality, residence, origin = rng.pick(_PROFILES, _PROFILE_CUM)
        last_origin = origin
        if origin == "fr" and rng.random() < 0.14:
            last_origin = rng.choice(_FR_DIVERSE)
        first_origin = last_origin if last_origin != "fr" and rng.random() < 0.6 else origin
        first = rng.choice(_FIRST[first_origin])
        last = rng.choice(_LAST[last_origin])
        if last_origin == "fr" and "-" not in last and rng.random() < 0.03:
            other = rng.choice(_LAST["fr"])
            if other != last and "-" not in other and " " not in other:
                last = f"{last}-{other}"
        if origin == "cn" and rng.random() < 0.3:
            last = last.upper()  # as written on some passports

        # Most were born 1999–2002; returning students and people resuming their studies
        # (continuing education) go back to 1975.
        year = rng.pick(_BIRTH_YEARS, _BIRTH_CUM)
        birth = date(year, 1, 1) + timedelta(days=rng.randrange(365))

        abroad_foreigner = residence != "FR" and nationality != "FR"
        ine = ""
        # foreign nationals living abroad often never studied in France: no INE
        without_ine = 0.55 if abroad_foreigner else 0.06
        if rng.random() >= without_ine:
            ine = _make_ine(rng)
            while ine in self.ines:
                ine = _make_ine(rng)
            self.ines.add(ine)

        history = plan.history or rng.pick(
            ("never", "enrolled_last_year", "interrupted"), (70, 95, 100)
        )
        if abroad_foreigner and plan.history is None:
            history = "never"

        email = ""
        if rng.random() < 0.99:
            domain = (
                "etu.univ-amu.fr"
                if history == "enrolled_last_year" and rng.random() < 0.4
                else rng.choice(_DOMAINS)
            )
            local = f"{_email_part(first)}.{_email_part(last)}"
            email = f"{local}@{domain}"
            tries = 0
            while email in self.emails:  # namesakes: a number, longer after a few clashes
                tries += 1
                email = f"{local}{rng.randint(1, 10 ** (2 + tries // 4))}@{domain}"
            self.emails.add(email)
        phone = ""
        if rng.random() < 0.95:
            pattern = _PHONES.get(residence) if residence != "FR" else None
            phone = _fill(rng, pattern or rng.choice(_FR_PHONES))

        diploma = plan.diploma or rng.pick(
            ("licence", "licence_pro", "but", "other_bac3", "none"), (780, 850, 910, 985, 1000)
        )
        if diploma == "none":
            status = ""
        else:
            status = rng.pick(("in_progress", "obtained", ""), (60, 95, 100))
        repeating = plan.repeating_m1 or rng.random() < 0.012
        ves = plan.ves_vap or rng.random() < 0.012
        automatic = plan.automatic_admission or rng.random() < 0.008
        return {
            "candidate_number": f"{self.prefix}{number:06d}",
            "ine": ine,
            "last_name": last,
            "first_name": first,
            "birth_date": birth.isoformat(),
            "email": email,
            "phone": phone,
            "nationality": nationality,
            "residence_country": residence,
            "diploma": diploma,
            "diploma_status": status,
            "repeating_m1": "oui" if repeating else "non",
            "ves_vap": "oui" if ves else "non",
            "automatic_admission": "oui" if automatic else "non",
            "enrolment_history": history,
        }

    # -- applications -----------------------------------------------------------------------

    def pick_keys(
        self, prefs: list[str], count: int, training_type: str, force_home: bool
    ) -> list[tuple[int, str]]:
        """``count`` distinct (institution, mention) keys, home first, then the preferences."""
        rng = self.rng
        by_mention = self.catalogue.by_mention[training_type]
        chosen: list[tuple[int, str]] = []
        seen: set[tuple[int, str]] = set()

        def add(key: tuple[int, str]) -> bool:
            if key not in seen:
                seen.add(key)
                chosen.append(key)
            return len(chosen) >= count

        for i, mention in enumerate(prefs):
            if 0 in by_mention[mention] and (
                (force_home and i == 0) or rng.random() < 0.75
            ):
                if add((0, mention)):
                    return chosen
        pool = [(i, m) for m in prefs for i in by_mention[m]]
        rng.shuffle(pool)
        for key in pool:
            if add(key):
                return chosen
        # not enough in the preferred mentions: anything in the catalogue
        everything = list(self.catalogue.all_keys[training_type])
        while len(chosen) < count and len(seen) < len(everything):
            add(everything[rng.randrange(len(everything))])
        return chosen

    def applications(self, plan: _Plan, eligible_profile: bool) -> list[_App]:
        rng = self.rng
        c = self.campaign
        catalogue = self.catalogue
        if plan.prefs:
            prefs = list(plan.prefs)
        else:
            cluster = CLUSTERS[rng.randrange(len(CLUSTERS))]
            prefs = rng.sample(cluster, rng.choice((1, 1, 2, 2, 3)))
            if rng.random() < 0.08:
                prefs.append(rng.choice(tuple(MENTIONS)))
        main_span = c.main_to - c.main_from
        apps: list[_App] = []

        def submitted_main() -> int:
            return c.main_from + int(main_span * rng.random() ** 0.6 + 0.5)

        def submitted_comp() -> int:
            return rng.randint(c.comp_from, c.comp_to)

        def add(phase: str, training_type: str, keys: list[tuple[int, str]], when: Any) -> None:
            table = catalogue.parcours[training_type]
            for key in keys:
                options = table[key]
                apps.append(
                    _App(phase, training_type, key[0], key[1], rng.choice(options), when())
                )

        add(MAIN, INITIAL, self.pick_keys(prefs, plan.n_initial, INITIAL, plan.force_home),
            submitted_main)
        # several parcours of one mention: one counted application
        if plan.extra_parcours:
            table = catalogue.parcours[INITIAL]
            added = 0
            multi = [a for a in apps if len(table[(a.institution, a.mention)]) > 1]
            rng.shuffle(multi)
            for base in multi:
                used = {a.parcours for a in apps
                        if (a.institution, a.mention) == (base.institution, base.mention)}
                free = [p for p in table[(base.institution, base.mention)] if p not in used]
                if free:
                    apps.append(_App(MAIN, INITIAL, base.institution, base.mention,
                                     rng.choice(free), submitted_main()))
                    added += 1
                    if added >= plan.extra_parcours:
                        break
        if plan.variant is not None:
            target = plan.variant
            base = next(
                (a for a in apps if a.mention == target and a.institution == 0),
                next((a for a in apps if a.mention == target), apps[0]),
            )
            options = catalogue.parcours[INITIAL][(base.institution, base.mention)]
            used = {a.parcours for a in apps
                    if (a.institution, a.mention) == (base.institution, base.mention)}
            free = [p for p in options if p not in used]
            if free:
                apps.append(_App(MAIN, INITIAL, base.institution,
                                 mention_variant(base.mention, rng), free[0], submitted_main()))
            else:
                base.mention = mention_variant(base.mention, rng)
        if plan.n_alternance:
            add(MAIN, ALTERNANCE,
                self.pick_keys(prefs, plan.n_alternance, ALTERNANCE, plan.force_home),
                submitted_main)
        if plan.n_complementary:
            count = plan.n_complementary
            keys = self.pick_keys(prefs, count, INITIAL, plan.force_home)
            if rng.random() < 0.15 and not plan.force_home:
                add(COMPLEMENTARY, ALTERNANCE, self.pick_keys(prefs, 1, ALTERNANCE, False),
                    submitted_comp)
                keys = keys[:-1]
            add(COMPLEMENTARY, INITIAL, keys, submitted_comp)

        self.outcomes(apps, plan, eligible_profile)
        apps.sort(key=lambda a: (a.submitted, a.phase != MAIN))
        return apps

    def outcomes(self, apps: list[_App], plan: _Plan, eligible: bool) -> None:
        rng = self.rng
        c = self.campaign
        for app in apps:
            values, cum = _BASE_CUM[(app.phase, app.training_type)]
            status = rng.pick(values, cum)
            if status == WITHDRAWN and plan.no_withdrawn:
                status = WAITLISTED
            if not eligible and status in (OFFER, WAITLISTED) and rng.random() < 0.6:
                status = REJECTED
            app.status = status

        fate = plan.fate
        definitive: _App | None = None
        if fate == "definitive":
            home = plan.definitive_home
            if home is None:
                home = rng.random() < 0.55
            pool = [a for a in apps if a.phase == plan.definitive_phase] or apps
            pool = [a for a in pool if (a.institution == 0) == home] or pool
            offers = [a for a in pool if a.status in (OFFER, CONTRACT_SEARCH, WAITLISTED)]
            standing = [a for a in pool if a.status != WITHDRAWN]
            definitive = rng.choice(offers or standing or pool)
            definitive.status = DEFINITIVE
            band = plan.definitive_band
            if band is None:
                band = rng.pick((0, 1, 2), (62, 88, 100))
            lo, hi = self.band_ranges[band]
            if definitive.phase == COMPLEMENTARY:
                if band == 2:
                    lo, hi = self.band_ranges[1]
                lo = max(lo, definitive.submitted + 1)
                hi = min(hi, c.comp_phase_to)
            span = hi - lo
            definitive.accepted = lo + int(span * rng.random() ** 2 + 0.5)
            # the procedure closes: no later complementary application
            apps[:] = [a for a in apps if a is definitive or a.submitted <= definitive.accepted]
            for app in apps:
                if app is definitive or app.status == REJECTED:
                    continue
                if app.status == OFFER:
                    app.status = DECLINED if rng.random() < 0.6 else EXPIRED
                else:
                    app.status = WITHDRAWN
        else:
            offers = [a for a in apps if a.status == OFFER]
            held: _App | None = None
            if fate == "holding":
                if offers:
                    held = rng.choice(offers)
                else:
                    pool = [a for a in apps if a.status != WITHDRAWN] or apps
                    held = rng.choice(pool)
                held.status = plan.held or (PROVISIONAL if rng.random() < 0.5 else OFFER)
                held.forced = True
            for app in offers:
                if app is not held:
                    app.status = DECLINED if rng.random() < 0.55 else EXPIRED

        # forced statuses and reasons, on applications not already decided
        for status in plan.force_statuses:
            free = [a for a in apps if not a.forced and a is not definitive]
            if status == CONTRACT_SEARCH:
                free = [a for a in free if a.training_type == ALTERNANCE]
            elif status == SUBMITTED:
                free = [a for a in free if a.phase == COMPLEMENTARY] or free
            else:
                free = [a for a in free if a.training_type == INITIAL] or free
            if free:
                app = free[0]
                app.status = status
                app.forced = True
        if plan.reject_reason or plan.recent_rejection:
            free = [a for a in apps if not a.forced and a is not definitive and a.phase == MAIN]
            if free:
                app = free[0]
                app.status = REJECTED
                app.forced = True
                app.reason = plan.reject_reason or ""

        limit = definitive.accepted if definitive is not None else 0
        for app in apps:
            self.dates(app, limit, plan)

    def dates(self, app: _App, limit: int, plan: _Plan) -> None:
        """Notification, acceptance and registration dates that fit the final status."""
        rng = self.rng
        c = self.campaign
        a0 = c.admission_from
        main = app.phase == MAIN
        status = app.status
        lower = a0 if main else app.submitted
        notified = 0
        if status == SUBMITTED:
            pass
        elif status == WAITLISTED:
            notified = (a0 if rng.random() < 0.8 else a0 + rng.randint(1, 20)) if main else (
                app.submitted + rng.randint(1, 6))
            app.rank = 1 + int(rng.expovariate(1 / 35))
        elif status == CONTRACT_SEARCH:
            notified = a0 + rng.randint(0, 10) if main else app.submitted + rng.randint(1, 8)
        elif status == REJECTED:
            if plan.recent_rejection and app.forced:
                notified = rng.randint(a0 + 17, a0 + 45)  # 06-21 .. 07-19 in 2024
            elif main:  # mostly on the first day of results, some at the end of the phase
                r = rng.random()
                notified = a0 if r < 0.65 else a0 + rng.randint(1, 20 if r < 0.9 else 52)
            else:
                notified = app.submitted + rng.randint(1, 25)
            if not app.reason:
                app.reason = rng.pick(REJECTION_REASONS, _REASON_CUM)
        elif status == WITHDRAWN:
            if rng.random() < 0.4:
                notified = a0 if main else app.submitted + rng.randint(1, 6)
        elif status == DEFINITIVE:
            notified = max(lower, app.accepted - rng.randint(0, 6))
            if app.institution == 0:
                app.registered = self.registration(app.accepted, plan.registered)
        else:  # offer, provisional acceptance, declined, expired
            notified = (a0 if rng.random() < 0.45 else a0 + rng.randint(1, 57)) if main else (
                app.submitted + rng.randint(1, 20))
            if status == PROVISIONAL and rng.random() < 0.75:
                app.accepted = notified + rng.randint(0, 3)
        if limit and status != DEFINITIVE and notified > limit:
            notified = max(lower, limit)
        app.notified = notified

    def registration(self, accepted: int, registered: bool | None) -> int:
        """Registration date at the home institution (0: not registered yet)."""
        rng = self.rng
        for start, end, deadline in self.campaign.bands:
            if accepted < start or (end is not None and accepted > end):
                continue
            if deadline is None:  # set by the head of the institution, per course
                if registered is None:
                    registered = rng.random() < 0.4
                return accepted + rng.randint(0, 12) if registered else 0
            if registered is None:
                registered = rng.random() < 0.8
            if not registered:
                return 0
            if rng.random() < 0.05:  # registered a few days late
                return deadline + rng.randint(1, 5)
            return rng.randint(accepted, max(accepted, deadline))
        return 0

    def as_of(self, apps: list[_App], day: int) -> list[_App]:
        """The applications as they stood on ``day``: nothing dated after it has happened yet.

        A registration after it is not made; an acceptance after it is still an offer; an
        answer notified after it leaves the application on the waiting list (or submitted);
        an application submitted after it does not exist yet.
        """
        rng = self.rng
        c = self.campaign
        kept = [app for app in apps if app.submitted <= day]
        for app in kept:
            if app.registered > day:
                app.registered = 0
            if app.accepted > day:
                app.accepted = 0
                if app.status in (DEFINITIVE, PROVISIONAL):
                    app.status = OFFER
            if app.notified > day:
                first = c.admission_from if app.phase == MAIN else app.submitted + 1
                if first <= day and app.status != CONTRACT_SEARCH:
                    app.status, app.notified = WAITLISTED, first
                    app.rank = app.rank or 1 + int(rng.expovariate(1 / 35))
                    app.reason, app.accepted, app.registered = "", 0, 0
                elif app.status == CONTRACT_SEARCH and first <= day:
                    app.notified = first
                else:
                    app.status, app.notified, app.rank, app.reason = SUBMITTED, 0, 0, ""
                    app.accepted = app.registered = 0
        return kept

    def row(self, number: str, app: _App) -> dict[str, str]:
        code, name = self.catalogue.institutions[app.institution]
        day = self.day
        return {
            "candidate_number": number,
            "campaign": self.year,
            "phase": app.phase,
            "institution_code": code,
            "institution_name": name,
            "mention": app.mention,
            "parcours": app.parcours,
            "training_type": app.training_type,
            "submitted_on": day(app.submitted),
            "status": app.status,
            "waitlist_rank": str(app.rank) if app.status == WAITLISTED else "",
            "rejection_reason": app.reason if app.status == REJECTED else "",
            "notified_on": day(app.notified),
            "accepted_on": day(app.accepted),
            "registered_on": day(app.registered),
        }


def generate(
    n_candidates: int, seed: int = 2024, *, campaign_year: int = 2024, as_of: date | None = None
) -> DemoData:
    """Candidates and their applications for one campaign; the same seed gives the same rows.

    Without ``as_of`` the whole campaign has happened (every band, every flag: the tests and
    benchmarks use it); with it, the rows are the campaign as it stood that day, and no
    submission, notification, acceptance or registration is dated after it (the demo).
    """
    if n_candidates < 0:
        raise ValueError("n_candidates must not be negative")
    gen = _Generator(seed, campaign_year)
    rng = gen.rng
    forced = _forced_plans()
    if n_candidates >= len(forced):
        positions = rng.sample(range(n_candidates), len(forced))
    else:
        positions = list(range(n_candidates))
    plan_at = dict(zip(positions, forced))
    etudes_en_france = frozenset(_defaults()["etudes_en_france"].split())

    candidates: list[dict[str, str]] = []
    applications: list[dict[str, str]] = []
    for index in range(n_candidates):
        plan = plan_at.get(index) or _random_plan(rng)
        cand = gen.candidate(index + 1, plan)
        eligible = not (
            (cand["nationality"] not in EEA_AND_ASSOCIATED and cand["residence_country"] in etudes_en_france)
            or cand["diploma"] == "none"
            or "oui" in (cand["repeating_m1"], cand["ves_vap"], cand["automatic_admission"])
        )
        if not eligible and index not in plan_at and plan.fate == "definitive" and (
            rng.random() < 0.7
        ):
            plan.fate = "none"
        candidates.append(cand)
        number = cand["candidate_number"]
        apps = gen.applications(plan, eligible)
        if as_of is not None:
            apps = gen.as_of(apps, as_of.toordinal())
        for app in apps:
            applications.append(gen.row(number, app))
    return DemoData(candidates=candidates, applications=applications)


def write_csv_files(data: DemoData, folder: str | Path) -> tuple[Path, Path]:
    """Write ``candidates.csv`` and ``applications.csv`` (UTF-8, comma, header row) in ``folder``."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    paths = (target / "candidates.csv", target / "applications.csv")
    for path, columns, rows in (
        (paths[0], CANDIDATE_COLUMNS, data.candidates),
        (paths[1], APPLICATION_COLUMNS, data.applications),
    ):
        values = operator.itemgetter(*columns)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(map(values, rows))
    return paths


__all__ = [
    "APPLICATION_COLUMNS",
    "CANDIDATE_COLUMNS",
    "DemoData",
    "ascii_fold",
    "generate",
    "mention_variant",
    "write_csv_files",
]
