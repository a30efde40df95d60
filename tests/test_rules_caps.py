"""Caps on applications, RULES.md §3: distinct mentions per institution, phase and type."""

from __future__ import annotations

import pytest
from rules_helpers import HOME, OTHER_UAI, app, calendar_2024, mentions

from monmaster_desktop.domain import ApplicationStatus as S
from monmaster_desktop.domain import Phase, TrainingType
from monmaster_desktop.rules.caps import check_cap, count_applications, mention_key
from monmaster_desktop.rules.facts import RuleViolation

CAL = calendar_2024()
MAIN = CAL.caps(Phase.MAIN)
COMP = CAL.caps(Phase.COMPLEMENTARY)
ALT = TrainingType.ALTERNANCE


def _apps(n, **kw):
    return [app(m, **kw) for m in mentions(n)]


@pytest.mark.parametrize(
    ("phase", "training_type", "cap"),
    [
        (Phase.MAIN, TrainingType.INITIAL, 15),
        (Phase.MAIN, ALT, 15),
        (Phase.COMPLEMENTARY, TrainingType.INITIAL, 10),
        (Phase.COMPLEMENTARY, ALT, 10),
    ],
)
def test_last_allowed_accepted_next_refused(phase, training_type, cap):
    """The cap-th mention is accepted, the next one refused, in each phase and type."""
    caps = CAL.caps(phase)
    kw = {"phase": phase, "training_type": training_type}
    check_cap(_apps(cap - 1, **kw), app("Dernière", **kw), caps)
    with pytest.raises(RuleViolation) as exc:
        check_cap(_apps(cap, **kw), app("De trop", **kw), caps)
    assert exc.value.code == "cap_exceeded"
    assert exc.value.values["cap"] == cap
    assert exc.value.values["count"] == cap


def test_refusal_message_names_cap_count_and_mentions():
    """The 16th mention is refused with a message naming the cap, the count and the mentions."""
    existing = _apps(15)
    with pytest.raises(RuleViolation) as exc:
        check_cap(existing, app("Philosophie"), MAIN)
    message = exc.value.message
    assert "15 mentions" in message
    assert "déjà 15" in message
    for mention in mentions(15):
        assert mention in message
    assert "Philosophie" in message
    assert exc.value.values["mentions"] == mentions(15)
    assert exc.value.field == "mention"


@pytest.mark.parametrize(
    "same",
    [
        "Mention 01",
        "mention 01",
        "MENTION 01",
        "  Mention 01  ",
        "Mention 01 ",
        "Méntion 01",
        "MÉNTION   01",
    ],
)
def test_same_mention_other_spelling_counts_once(same):
    """Case, accents and spaces are ignored: the same mention does not add to the count."""
    check_cap(_apps(15), app(same, parcours="Autre parcours"), MAIN)


def test_another_parcours_of_counted_mention_accepted():
    """A further parcours of a counted mention at the same institution is not a new one."""
    existing = _apps(15, parcours="Parcours A")
    check_cap(existing, app("Mention 07", parcours="Parcours B"), MAIN)
    parcours = [app("Informatique", parcours=p) for p in ("IA", "Réseaux", "Génie logiciel")]
    assert count_applications(parcours).get(Phase.MAIN, TrainingType.INITIAL) == 1


@pytest.mark.parametrize(
    ("spellings", "count"),
    [
        (["Informatique", "informatique ", "INFORMATIQUE"], 1),
        (["Économie", "economie", " ECONOMIE"], 1),
        (["Droit privé", "droit  prive", "DROIT PRIVÉ "], 1),
        (["Chimie", "Chimie organique"], 2),
    ],
)
def test_mention_folding_in_counts(spellings, count):
    """Mentions are compared trimmed, case- and accent-insensitively."""
    assert (
        count_applications([app(m) for m in spellings]).get(Phase.MAIN, TrainingType.INITIAL)
        == count
    )


def test_same_mention_other_institution_counts_separately():
    """The same mention at another UAI is another application."""
    existing = [app(m, institution_code=HOME) for m in mentions(15)]
    with pytest.raises(RuleViolation):
        check_cap(existing, app("Mention 01", institution_code=OTHER_UAI), MAIN)
    pair = [app("Chimie", institution_code=HOME), app("Chimie", institution_code=OTHER_UAI)]
    assert count_applications(pair).get(Phase.MAIN, TrainingType.INITIAL) == 2


def test_uai_compared_as_code():
    """A UAI typed in lower case or with spaces is the same institution."""
    assert mention_key("0134009m ", "Chimie") == mention_key(HOME, "chimie")


def test_alternance_counted_apart():
    """15 initial and 15 alternance mentions coexist; the 16th of either is refused."""
    initial = _apps(15)
    alternance = _apps(15, training_type=ALT)
    check_cap(initial + alternance[:14], alternance[14], MAIN)
    check_cap(initial[:14] + alternance, initial[14], MAIN)
    counted = count_applications(initial + alternance)
    assert counted.get(Phase.MAIN, TrainingType.INITIAL) == 15
    assert counted.get(Phase.MAIN, ALT) == 15
    with pytest.raises(RuleViolation):
        check_cap(initial + alternance, app("Autre", training_type=ALT), MAIN)
    with pytest.raises(RuleViolation):
        check_cap(initial + alternance, app("Autre"), MAIN)


def test_same_mention_initial_and_alternance_both_counted():
    """The same mention in initial and in alternance counts once in each type."""
    counted = count_applications([app("Droit"), app("Droit", training_type=ALT)])
    assert counted.get(Phase.MAIN, TrainingType.INITIAL) == 1
    assert counted.get(Phase.MAIN, ALT) == 1


@pytest.mark.parametrize("status", [s for s in S if s is not S.WITHDRAWN])
def test_every_non_withdrawn_status_counts(status):
    """Any application not withdrawn (rejected, declined, expired included) takes a place."""
    existing = _apps(14) + [app("Occupée", status=status)]
    with pytest.raises(RuleViolation):
        check_cap(existing, app("Nouvelle"), MAIN)


def test_withdrawn_application_frees_its_place():
    """A withdrawn application does not count: a 16th mention then fits."""
    existing = _apps(14) + [app("Retirée", status=S.WITHDRAWN)]
    check_cap(existing, app("Nouvelle"), MAIN)
    assert count_applications(existing).get(Phase.MAIN, TrainingType.INITIAL) == 14


def test_withdrawn_new_application_never_refused():
    """Recording a withdrawn application never breaks the cap."""
    check_cap(_apps(15), app("Retirée", status=S.WITHDRAWN), MAIN)


def test_withdrawn_parcours_does_not_hide_active_one():
    """A mention still counts while one of its parcours is active, even if another is withdrawn."""
    apps = [app("Chimie", parcours="A", status=S.WITHDRAWN), app("Chimie", parcours="B")]
    assert count_applications(apps).get(Phase.MAIN, TrainingType.INITIAL) == 1


def test_complementary_phase_caps():
    """Complementary phase: 10 + 10 new; the 11th of a type is refused."""
    kw = {"phase": Phase.COMPLEMENTARY}
    comp_initial = _apps(10, **kw)
    comp_alt = _apps(10, training_type=ALT, **kw)
    main_full = _apps(15) + _apps(15, training_type=ALT)
    check_cap(main_full + comp_initial[:9] + comp_alt, comp_initial[9], COMP)
    with pytest.raises(RuleViolation) as exc:
        check_cap(main_full + comp_initial + comp_alt, app("Onzième", **kw), COMP)
    assert exc.value.values["cap"] == 10
    assert "phase complémentaire" in exc.value.message
    with pytest.raises(RuleViolation):
        check_cap(comp_initial + comp_alt, app("Onzième", training_type=ALT, **kw), COMP)


def test_main_phase_does_not_use_complementary_places():
    """Main-phase applications do not count against the complementary caps, nor the reverse."""
    kw = {"phase": Phase.COMPLEMENTARY}
    check_cap(_apps(15), app("Nouvelle", **kw), COMP)
    check_cap(_apps(10, **kw), app("Nouvelle"), MAIN)


def test_counted_json_shape():
    """The counts serialise per phase and type as in FORMATS.md §3, zeros included."""
    apps = _apps(3) + [app("X", training_type=ALT, phase=Phase.COMPLEMENTARY)]
    assert count_applications(apps).as_json() == {
        "main": {"initial": 3, "alternance": 0},
        "complementary": {"initial": 0, "alternance": 1},
    }
