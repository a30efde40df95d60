"""Caps on applications, RULES.md §3: distinct mentions per institution, per phase and type."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from monmaster_desktop.domain import ApplicationStatus, Phase, TrainingType, fold
from monmaster_desktop.rules.facts import ApplicationFacts, Caps, CountedApplications, RuleViolation

PHASE_WORDS = {Phase.MAIN: "phase principale", Phase.COMPLEMENTARY: "phase complémentaire"}
TYPE_WORDS = {TrainingType.INITIAL: "hors alternance", TrainingType.ALTERNANCE: "en alternance"}


@functools.lru_cache(maxsize=65536)
def mention_key(institution_code: str, mention: str) -> tuple[str, str]:
    """Two applications with the same key count as one: same UAI, same folded mention."""
    return institution_code.strip().upper(), fold(mention)


def count_applications(applications: Iterable[ApplicationFacts]) -> CountedApplications:
    keys: dict[tuple[Phase, TrainingType], set[tuple[str, str]]] = {}
    for app in applications:
        if app.status is ApplicationStatus.WITHDRAWN:
            continue
        keys.setdefault((app.phase, app.training_type), set()).add(
            mention_key(app.institution_code, app.mention)
        )
    return CountedApplications({k: len(v) for k, v in keys.items()})


class CapTally:
    """The mentions one candidate has counted in one campaign, grown one application at a time."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[Phase, TrainingType], dict[tuple[str, str], str]] = {}

    def add(self, app: ApplicationFacts, caps: Caps | None) -> None:
        """Count ``app``; with ``caps``, refuse it when it would add a mention beyond the cap."""
        if app.status is ApplicationStatus.WITHDRAWN:
            return
        bucket = self._buckets.get((app.phase, app.training_type))
        if bucket is None:
            bucket = self._buckets[(app.phase, app.training_type)] = {}
        key = mention_key(app.institution_code, app.mention)
        if key in bucket:
            return
        if caps is not None:
            cap = caps.for_type(app.training_type)
            if len(bucket) + 1 > cap:
                raise _cap_violation(app, cap, list(bucket.values()))
        bucket[key] = app.mention.strip()


def _cap_violation(new: ApplicationFacts, cap: int, counted: list[str]) -> RuleViolation:
    names = sorted(counted, key=fold)
    return RuleViolation(
        "cap_exceeded",
        (
            f"Plafond atteint : {cap} mentions au plus {TYPE_WORDS[new.training_type]} en "
            f"{PHASE_WORDS[new.phase]} ; le candidat en compte déjà {len(counted)} "
            f"({', '.join(f'« {name} »' for name in names)}). La mention « {new.mention.strip()} » serait la "
            f"{len(counted) + 1}e."
        ),
        field="mention",
        cap=cap,
        count=len(counted),
        mentions=names,
    )


def check_cap(existing: Iterable[ApplicationFacts], new: ApplicationFacts, caps: Caps) -> None:
    """Refuse ``new`` when it would add a mention beyond the cap of its phase and type.

    ``existing`` are the candidate's other applications of the same campaign (the application
    being edited must not be among them).
    """
    tally = CapTally()
    for app in existing:
        tally.add(app, None)
    tally.add(new, caps)
