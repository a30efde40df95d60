"""Value types of the Mon Master domain: enumerations and codes shared by every layer."""

from __future__ import annotations

import enum
import functools
import re
import unicodedata


class Diploma(enum.StrEnum):
    LICENCE = "licence"
    LICENCE_PRO = "licence_pro"
    BUT = "but"
    OTHER_BAC3 = "other_bac3"
    NONE = "none"


class DiplomaStatus(enum.StrEnum):
    OBTAINED = "obtained"
    IN_PROGRESS = "in_progress"


class EnrolmentHistory(enum.StrEnum):
    NEVER = "never"
    ENROLLED_LAST_YEAR = "enrolled_last_year"
    INTERRUPTED = "interrupted"


class Phase(enum.StrEnum):
    MAIN = "main"
    COMPLEMENTARY = "complementary"


class TrainingType(enum.StrEnum):
    INITIAL = "initial"
    ALTERNANCE = "alternance"


class ApplicationStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    WAITLISTED = "waitlisted"
    CONTRACT_SEARCH = "contract_search"
    OFFER = "offer"
    ACCEPTED_PROVISIONALLY = "accepted_provisionally"
    ACCEPTED_DEFINITIVELY = "accepted_definitively"
    DECLINED = "declined"
    EXPIRED = "expired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class RejectionReason(enum.StrEnum):
    INCOMPLETE = "incomplete"
    INVALID = "invalid"
    REQUIREMENTS_NOT_MET = "requirements_not_met"
    OTHER = "other"


class Route(enum.StrEnum):
    IAWEB_PRIMO = "iaweb_primo"
    ENT = "ent"
    REGISTRAR_OFFICE = "registrar_office"


class Flag(enum.StrEnum):
    INTERRUPTED_ENROLMENT = "interrupted_enrolment"
    DEADLINE_SET_BY_HEAD = "deadline_set_by_head"
    REGISTRATION_OVERDUE = "registration_overdue"
    NOT_ELIGIBLE = "not_eligible"
    EXPLANATION_WINDOW_OPEN = "explanation_window_open"


#: Flags that mean the candidate must contact the registrar (RULES.md §8).
CONTACT_FLAGS = frozenset(
    {Flag.INTERRUPTED_ENROLMENT, Flag.DEADLINE_SET_BY_HEAD, Flag.REGISTRATION_OVERDUE}
)


class Worklist(enum.StrEnum):
    """The desk's worklists: every candidate, then one per flag (« must contact » gathers three)."""

    ALL = "all"
    MUST_CONTACT = "must_contact_registrar"
    NOT_ELIGIBLE = "not_eligible"
    OVERDUE = "registration_overdue"
    HEAD_DEADLINE = "deadline_set_by_head"
    EXPLANATION = "explanation_window_open"
    INTERRUPTED = "interrupted_enrolment"


class IneligibilityReason(enum.StrEnum):
    ETUDES_EN_FRANCE = "etudes_en_france"
    REPEATING_M1 = "repeating_m1"
    VES_VAP = "ves_vap"
    AUTOMATIC_ADMISSION = "automatic_admission"
    NO_QUALIFYING_DIPLOMA = "no_qualifying_diploma"


# French labels: the clerks' words. The UI translates through Qt; sheets and the CLI use these.
DIPLOMA_FR = {
    Diploma.LICENCE: "Licence",
    Diploma.LICENCE_PRO: "Licence professionnelle",
    Diploma.BUT: "BUT",
    Diploma.OTHER_BAC3: "Autre diplôme bac+3",
    Diploma.NONE: "Aucun diplôme donnant accès au master",
}
DIPLOMA_STATUS_FR = {DiplomaStatus.OBTAINED: "obtenu", DiplomaStatus.IN_PROGRESS: "en préparation"}
HISTORY_FR = {
    EnrolmentHistory.NEVER: "Jamais inscrit (nouvel entrant)",
    EnrolmentHistory.ENROLLED_LAST_YEAR: "Inscrit l'an dernier (N-1)",
    EnrolmentHistory.INTERRUPTED: "Inscription interrompue un an",
}
PHASE_FR = {Phase.MAIN: "Phase principale", Phase.COMPLEMENTARY: "Phase complémentaire"}
TRAINING_FR = {TrainingType.INITIAL: "Formation initiale", TrainingType.ALTERNANCE: "Alternance"}
STATUS_FR = {
    ApplicationStatus.SUBMITTED: "Candidature déposée",
    ApplicationStatus.WAITLISTED: "En liste d'attente",
    ApplicationStatus.CONTRACT_SEARCH: "Recherche de contrat",
    ApplicationStatus.OFFER: "Proposition d'admission",
    ApplicationStatus.ACCEPTED_PROVISIONALLY: "Acceptée (non définitivement)",
    ApplicationStatus.ACCEPTED_DEFINITIVELY: "Acceptée définitivement",
    ApplicationStatus.DECLINED: "Proposition refusée",
    ApplicationStatus.EXPIRED: "Proposition expirée",
    ApplicationStatus.REJECTED: "Candidature refusée",
    ApplicationStatus.WITHDRAWN: "Candidature retirée",
}
REJECTION_FR = {
    RejectionReason.INCOMPLETE: "dossier incomplet",
    RejectionReason.INVALID: "dossier non valide",
    RejectionReason.REQUIREMENTS_NOT_MET: "conditions d'admission non remplies",
    RejectionReason.OTHER: "autre motif",
}
ROUTE_FR = {
    Route.IAWEB_PRIMO: "Portail d'inscription IAWEB Primo",
    Route.ENT: "Votre ENT (environnement numérique de travail)",
    Route.REGISTRAR_OFFICE: "Contacter le service de scolarité",
}
FLAG_FR = {
    Flag.INTERRUPTED_ENROLMENT: "Inscription interrompue : doit contacter le service de scolarité",
    Flag.DEADLINE_SET_BY_HEAD: "Date limite d'inscription à fixer par le chef d'établissement",
    Flag.REGISTRATION_OVERDUE: "Date limite d'inscription dépassée, non inscrit",
    Flag.NOT_ELIGIBLE: "Non éligible à Mon Master : candidature / pré-inscription",
    Flag.EXPLANATION_WINDOW_OPEN: "Refus : délai de demande des motifs en cours",
}
FLAG_SHORT_FR = {
    Flag.INTERRUPTED_ENROLMENT: "Interrompu",
    Flag.DEADLINE_SET_BY_HEAD: "Date à fixer",
    Flag.REGISTRATION_OVERDUE: "Retard inscription",
    Flag.NOT_ELIGIBLE: "Non éligible",
    Flag.EXPLANATION_WINDOW_OPEN: "Motifs demandables",
}
REASON_FR = {
    IneligibilityReason.ETUDES_EN_FRANCE: (
        "Ressortissant étranger résidant dans un pays relevant de la procédure Études en France"
    ),
    IneligibilityReason.REPEATING_M1: "Redoublement de la première année de master",
    IneligibilityReason.VES_VAP: "Admission par validation d'études ou d'expérience (VES/VAP)",
    IneligibilityReason.AUTOMATIC_ADMISSION: (
        "Admission de droit en M1 prévue par le cursus (par exemple CMI)"
    ),
    IneligibilityReason.NO_QUALIFYING_DIPLOMA: (
        "Ni titulaire ni en préparation d'un diplôme donnant accès au master"
    ),
}


#: Typography that does not make a different word (RULES.md §3): ligatures, typographic
#: apostrophes and dashes read as their plain forms; spaces of every kind are collapsed below.
_TYPOGRAPHY = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)


@functools.lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """Compare key: trimmed, any run of spaces (non-breaking included) as one, lower case,
    accents removed, ligatures œ/æ as oe/ae, typographic apostrophes (’ ʼ) as ', dashes
    (‐ – —) as - (RULES.md §3: « Sciences de l’éducation » is « sciences de l'education »)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHY))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


_WORD_SPLIT = re.compile(r"[^0-9a-z]+")


def search_words(text: str) -> list[str]:
    """The folded words of a name or a query: « N'Diaye-Lefèvre » gives n, diaye, lefevre."""
    return [word[:100] for word in _WORD_SPLIT.split(fold(text)) if word]
