"""Caps on applications, RULES.md §3: distinct mentions per institution, per phase and type."""

from __future__ import annotations

from collections.abc import Iterable

from monmaster_desktop.domain import ApplicationStatus, Phase, TrainingType, fold
from monmaster_desktop.rules.facts import ApplicationFacts, Caps, CountedApplications, RuleViolation

PHASE_WORDS = {Phase.MAIN: "phase principale", Phase.COMPLEMENTARY: "phase complémentaire"}
TYPE_WORDS = {TrainingType.INITIAL: "hors alternance", TrainingType.ALTERNANCE: "en alternance"}


def mention_key(institution_code: str, mention: str) -> tuple[str, str]:
    """Two applications with the same key count as one: same UAI, same folded mention."""
    return institution_code.strip().upper(), fold(mention)


def counted_mentions(
    applications: Iterable[ApplicationFacts], phase: Phase, training_type: TrainingType
) -> dict[tuple[str, str], str]:
    """The counted keys of one phase and type, each with the mention as first written."""
    seen: dict[tuple[str, str], str] = {}
    for app in applications:
        if app.status is ApplicationStatus.WITHDRAWN:
            continue
        if app.phase is not phase or app.training_type is not training_type:
            continue
        seen.setdefault(mention_key(app.institution_code, app.mention), app.mention.strip())
    return seen


def count_applications(applications: Iterable[ApplicationFacts]) -> CountedApplications:
    keys: dict[tuple[Phase, TrainingType], set[tuple[str, str]]] = {}
    for app in applications:
        if app.status is ApplicationStatus.WITHDRAWN:
            continue
        keys.setdefault((app.phase, app.training_type), set()).add(
            mention_key(app.institution_code, app.mention)
        )
    return CountedApplications({k: len(v) for k, v in keys.items()})


def check_cap(existing: Iterable[ApplicationFacts], new: ApplicationFacts, caps: Caps) -> None:
    """Refuse ``new`` when it would add a mention beyond the cap of its phase and type.

    ``existing`` are the candidate's other applications of the same campaign (the application
    being edited must not be among them).
    """
    if new.status is ApplicationStatus.WITHDRAWN:
        return
    counted = counted_mentions(existing, new.phase, new.training_type)
    if mention_key(new.institution_code, new.mention) in counted:
        return
    cap = caps.for_type(new.training_type)
    if len(counted) + 1 > cap:
        names = ", ".join(sorted(counted.values(), key=fold))
        raise RuleViolation(
            "cap_exceeded",
            (
                f"Plafond atteint : {cap} mentions au plus {TYPE_WORDS[new.training_type]} en "
                f"{PHASE_WORDS[new.phase]} ; le candidat en compte déjà {len(counted)} "
                f"({names}). La mention « {new.mention.strip()} » serait la {len(counted) + 1}e."
            ),
            field="mention",
            cap=cap,
            count=len(counted),
            mentions=sorted(counted.values(), key=fold),
        )
