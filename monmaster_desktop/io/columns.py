"""Columns of the import files (FORMATS.md §2): canonical names, required flags, French headers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from monmaster_desktop.domain import fold


def header_key(text: str) -> str:
    """Compare key for a header: folded, one kind of apostrophe, ``_`` and ``-`` read as spaces."""
    key = fold(text).replace("’", "'").replace("_", " ").replace("-", " ")
    return " ".join(key.split())


def loose_key(text: str) -> str:
    """Letters and digits only, folded: « I.N.E. », « \ufeffine » and « ine » meet here."""
    visible = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    return re.sub(r"[^0-9a-z]", "", fold(visible))


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its canonical (English) name, the French title exports write, other aliases."""

    name: str
    required: bool
    title_fr: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileSpec:
    """The columns of one import file, and the lookup from any accepted header to its column."""

    name: str
    columns: tuple[Column, ...]
    #: Columns the desk's exports add after the import's (what it concluded: eligibility,
    #: flags...): recognised and left out, so that an export imports back.
    derived: tuple[str, ...] = ()
    _by_key: dict[str, str] = field(init=False, repr=False, compare=False)
    _by_loose_key: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, str] = {}
        for column in self.columns:
            for header in (column.name, column.title_fr, *column.aliases):
                key = header_key(header)
                if by_key.setdefault(key, column.name) != column.name:
                    raise ValueError(
                        f"header {header!r} names both {by_key[key]} and {column.name}"
                    )
        object.__setattr__(self, "_by_key", by_key)
        loose: dict[str, str] = {}
        for column in self.columns:
            for header in (column.name, column.title_fr, *column.aliases):
                loose.setdefault(loose_key(header), column.name)
        object.__setattr__(self, "_by_loose_key", loose)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.required)

    def match(self, header: str) -> str | None:
        """The canonical name a file header stands for, or None; ignores case, accents, spacing."""
        return self._by_key.get(header_key(header))

    def is_derived(self, header: str) -> bool:
        key = header_key(header)
        return any(header_key(title) == key for title in self.derived)

    def suggest(self, header: str) -> str | None:
        """The column an unrecognised header probably means (punctuation and invisible
        characters aside), for the message; never applied without the clerk."""
        return self._by_loose_key.get(loose_key(header)) or None

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


_CANDIDATE_NUMBER = Column(
    "candidate_number",
    True,
    "Numéro candidat",
    ("numero_candidat", "n° candidat", "no candidat", "numéro de candidat", "numéro Mon Master"),
)

#: What the desk's exports write after the import's columns (controllers/exports.py).
CANDIDATE_DERIVED = (
    "Éligible",
    "Motifs de non-éligibilité",
    "Candidatures comptées (hors alternance)",
    "Candidatures comptées (alternance)",
    "Formation acceptée",
    "Acceptation définitive",
    "Date limite d'inscription",
    "Voie d'inscription",
    "Signalements",
    "Doit contacter la scolarité",
)
APPLICATION_DERIVED = ("Nom", "Prénom", "Dernier jour pour demander les motifs")

CANDIDATES = FileSpec(
    "candidates",
    (
        _CANDIDATE_NUMBER,
        Column("ine", False, "INE", ("numéro INE", "identifiant national étudiant")),
        Column("last_name", True, "Nom", ("nom de famille",)),
        Column("first_name", True, "Prénom"),
        Column("birth_date", True, "Date de naissance", ("date naissance", "né le", "née le")),
        Column("email", False, "Courriel", ("e-mail", "mail", "adresse électronique")),
        Column("phone", False, "Téléphone", ("tél", "tel", "numéro de téléphone")),
        Column("nationality", True, "Nationalité"),
        Column("residence_country", True, "Pays de résidence", ("pays résidence", "résidence")),
        Column("diploma", True, "Diplôme", ("diplôme d'accès",)),
        Column("diploma_status", False, "Statut du diplôme", ("statut diplôme",)),
        Column("repeating_m1", False, "Redoublement M1", ("redoublant M1", "redouble M1")),
        Column("ves_vap", False, "VES/VAP", ("VES VAP", "validation d'études ou d'expérience")),
        Column("automatic_admission", False, "Admission de droit", ("admission automatique",)),
        Column(
            "enrolment_history",
            True,
            "Historique d'inscription",
            ("historique inscription", "historique", "enrollment_history"),
        ),
    ),
    CANDIDATE_DERIVED,
)

APPLICATIONS = FileSpec(
    "applications",
    (
        _CANDIDATE_NUMBER,
        Column("campaign", True, "Campagne", ("année", "année de campagne", "campaign_year")),
        Column("phase", False, "Phase"),
        Column("institution_code", True, "UAI", ("code UAI", "code établissement")),
        Column("institution_name", False, "Établissement", ("nom établissement",)),
        Column("mention", True, "Mention", ("mention de master",)),
        Column("parcours", False, "Parcours"),
        Column("training_type", True, "Type de formation", ("modalité de formation",)),
        Column("submitted_on", True, "Date de dépôt", ("déposée le", "date de candidature")),
        Column("status", True, "Statut", ("statut de la candidature", "état")),
        Column("waitlist_rank", False, "Rang en liste d'attente", ("rang", "rang liste d'attente")),
        Column("rejection_reason", False, "Motif de refus", ("motif",)),
        Column("notified_on", False, "Date de notification", ("notifiée le",)),
        Column("accepted_on", False, "Date d'acceptation", ("acceptée le",)),
        Column("registered_on", False, "Date d'inscription", ("inscrit le", "inscrite le")),
    ),
    APPLICATION_DERIVED,
)

#: French column titles that exports write, by canonical name; the import reads them back.
FRENCH_HEADERS: dict[str, str] = {
    column.name: column.title_fr for spec in (CANDIDATES, APPLICATIONS) for column in spec.columns
}
