"""Deterministic, realistic demo data: candidates and applications as rows of the import CSVs."""

from __future__ import annotations

import bisect
import csv
import json
import operator
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from monmaster_desktop.rules.eligibility import EEA_AND_ASSOCIATED
from monmaster_desktop.rules.ine import BEA_LETTERS, base36_digit, bea_letter

T = TypeVar("T")

#: Columns of candidates.csv and applications.csv, FORMATS.md §2, in file order.
CANDIDATE_COLUMNS: tuple[str, ...] = (
    "candidate_number",
    "ine",
    "last_name",
    "first_name",
    "birth_date",
    "email",
    "phone",
    "nationality",
    "residence_country",
    "diploma",
    "diploma_status",
    "repeating_m1",
    "ves_vap",
    "automatic_admission",
    "enrolment_history",
)
APPLICATION_COLUMNS: tuple[str, ...] = (
    "candidate_number",
    "campaign",
    "phase",
    "institution_code",
    "institution_name",
    "mention",
    "parcours",
    "training_type",
    "submitted_on",
    "status",
    "waitlist_rank",
    "rejection_reason",
    "notified_on",
    "accepted_on",
    "registered_on",
)

# ---------------------------------------------------------------------------------------------
# Catalogue: institutions (real UAI codes, key letter checked) and Master mentions with parcours
# ---------------------------------------------------------------------------------------------

#: Other universities; the home institution comes from resources/defaults.json.
OTHER_INSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("0755976N", "Université Paris Cité"),
    ("0755890V", "Sorbonne Université"),
    ("0751717J", "Université Paris 1 Panthéon-Sorbonne"),
    ("0912408Y", "Université Paris-Saclay"),
    ("0921204J", "Université Paris Nanterre"),
    ("0691774D", "Université Claude Bernard Lyon 1"),
    ("0691775E", "Université Lumière Lyon 2"),
    ("0333298F", "Université de Bordeaux"),
    ("0342321N", "Université de Montpellier"),
    ("0341089Z", "Université Paul-Valéry Montpellier 3"),
    ("0311384L", "Université Toulouse III - Paul Sabatier"),
    ("0311382J", "Université Toulouse Capitole"),
    ("0673021V", "Université de Strasbourg"),
    ("0062205P", "Université Côte d'Azur"),
    ("0597239Y", "Université de Lille"),
    ("0350936C", "Université de Rennes"),
    ("0383546Y", "Université Grenoble Alpes"),
    ("0442953W", "Nantes Université"),
    ("0542493S", "Université de Lorraine"),
    ("0840685N", "Avignon Université"),
    ("0830766G", "Université de Toulon"),
    ("0860856N", "Université de Poitiers"),
)

#: Mention -> (parcours, share of its courses also offered in alternance).
MENTIONS: dict[str, tuple[tuple[str, ...], float]] = {
    "Informatique": (
        (
            "Intelligence artificielle et apprentissage automatique",
            "Génie logiciel",
            "Fiabilité et sécurité informatique",
            "Science des données",
            "Réseaux et systèmes",
        ),
        0.45,
    ),
    "Méthodes informatiques appliquées à la gestion des entreprises (MIAGE)": (
        ("Systèmes d'information et ingénierie des données", "Informatique décisionnelle"),
        0.8,
    ),
    "Mathématiques et applications": (
        (
            "Mathématiques fondamentales",
            "Mathématiques appliquées et statistique",
            "Préparation à l'agrégation",
            "Mathématiques de la finance",
        ),
        0.1,
    ),
    "Physique fondamentale et applications": (
        ("Physique théorique", "Matière condensée", "Astrophysique", "Physique des plasmas"),
        0.0,
    ),
    "Chimie": (
        ("Chimie organique", "Chimie analytique", "Chimie des matériaux", "Chimie verte"),
        0.15,
    ),
    "Biologie-santé": (
        ("Neurosciences", "Immunologie", "Biologie cellulaire et développement", "Génétique"),
        0.05,
    ),
    "Sciences de la Terre et des planètes, environnement": (
        ("Géosciences", "Risques naturels", "Océanographie"),
        0.05,
    ),
    "Droit des affaires": (
        (
            "Droit des sociétés",
            "Droit bancaire et financier",
            "Droit fiscal des affaires",
            "Juriste d'affaires internationales",
        ),
        0.35,
    ),
    "Droit public": (
        ("Droit public des affaires", "Droit de l'environnement", "Contentieux publics"),
        0.1,
    ),
    "Droit privé": (("Droit privé fondamental", "Droit notarial", "Droit de la famille"), 0.1),
    "Économie appliquée": (
        (
            "Économétrie et statistique",
            "Économie du développement",
            "Économie de l'environnement",
            "Analyse économique et conseil",
        ),
        0.3,
    ),
    "Monnaie, banque, finance, assurance": (
        ("Banque et gestion de patrimoine", "Finance d'entreprise", "Actuariat"),
        0.7,
    ),
    "Management": (
        ("Management de projet", "Entrepreneuriat et innovation", "Management international"),
        0.6,
    ),
    "Marketing, vente": (
        ("Marketing digital", "Stratégie commerciale", "Management de la relation client"),
        0.75,
    ),
    "Contrôle de gestion et audit organisationnel": (
        ("Contrôle de gestion", "Audit interne"),
        0.8,
    ),
    "Gestion des ressources humaines": (
        ("GRH et responsabilité sociale", "Gestion des compétences"),
        0.8,
    ),
    "Histoire": (
        (
            "Histoire médiévale",
            "Histoire contemporaine",
            "Histoire ancienne",
            "Histoire des mondes méditerranéens",
        ),
        0.0,
    ),
    "Psychologie": (
        (
            "Psychologie clinique et psychopathologie",
            "Neuropsychologie",
            "Psychologie du travail et des organisations",
            "Psychologie de l'enfant et de l'adolescent",
        ),
        0.0,
    ),
    "Sciences de l'éducation": (
        ("Ingénierie de la formation", "Éducation inclusive", "Recherche en éducation"),
        0.3,
    ),
    "Langues étrangères appliquées": (
        ("Traduction spécialisée", "Commerce international", "Affaires européennes"),
        0.35,
    ),
    "Lettres": (("Littérature française", "Métiers du livre et de l'édition"), 0.05),
    "Langues, littératures et civilisations étrangères et régionales": (
        ("Études anglophones", "Études hispaniques", "Études germaniques", "Études italiennes"),
        0.0,
    ),
    "Géographie, aménagement, environnement et développement": (
        ("Urbanisme et aménagement", "Géomatique"),
        0.2,
    ),
    "Information, communication": (
        ("Communication des organisations", "Journalisme"),
        0.4,
    ),
    "Sociologie": (("Sociologie du travail", "Enquêtes et statistiques"), 0.0),
    "Philosophie": ((), 0.0),
}

#: Mentions a candidate's applications usually stay within.
CLUSTERS: tuple[tuple[str, ...], ...] = (
    (
        "Informatique",
        "Méthodes informatiques appliquées à la gestion des entreprises (MIAGE)",
        "Mathématiques et applications",
    ),
    ("Mathématiques et applications", "Physique fondamentale et applications", "Informatique"),
    ("Chimie", "Biologie-santé", "Sciences de la Terre et des planètes, environnement"),
    ("Droit des affaires", "Droit public", "Droit privé"),
    (
        "Économie appliquée",
        "Monnaie, banque, finance, assurance",
        "Management",
        "Contrôle de gestion et audit organisationnel",
    ),
    ("Management", "Marketing, vente", "Gestion des ressources humaines"),
    ("Histoire", "Géographie, aménagement, environnement et développement", "Philosophie"),
    ("Psychologie", "Sciences de l'éducation", "Sociologie"),
    (
        "Langues étrangères appliquées",
        "Langues, littératures et civilisations étrangères et régionales",
        "Lettres",
        "Information, communication",
    ),
)

# ---------------------------------------------------------------------------------------------
# People: names per origin, nationality and residence profiles
# ---------------------------------------------------------------------------------------------

_FIRST: dict[str, tuple[str, ...]] = {
    "fr": tuple(
        "Hélène Benoît Gaël Éloïse Noémie Chloé François Léa Inès Zoé Maël Anaïs Jérôme Clémence "
        "Théo Lucas Manon Camille Mathéo Océane Célia Raphaël Loïc Maëlle Agathe Joséphine Adèle "
        "Margaux Émilie Sébastien Amélie Aurélien Cédric Thaïs Jean-Baptiste Marie-Claire "
        "Anne-Sophie Pierre-Louis Héloïse Léonie Timothée Baptiste Romain Nathan Louise Jeanne "
        "Lina Yanis Rayan Sarah Emma Hugo Arthur Jules Maxime Clément Quentin Pauline Justine "
        "Mathilde Bérénice Gaëtan Noé Lou Éléonore Ophélie Valentin Alexis Juliette Ambre Axel "
        "Enzo Gabriel Capucine Solène Tristan Maïwenn Jean-Yves Marie-Ève Louis Côme".split()
    ),
    "it": tuple(
        "Giulia Francesca Lorenzo Matteo Alessandro Chiara Niccolò Martina Federica Gianluca "
        "Sofia Tommaso".split()
    ),
    "de": tuple("Lukas Jonas Leonie Jürgen Anna Felix Lena Maximilian Jörg Sören Jana".split()),
    "es": tuple(
        ["Lucía", "Alejandro", "Pablo", "Sofía", "Javier", "Álvaro", "María José", "Inés"]
        + ["Sergio", "Nuria", "Íñigo"]
    ),
    "pt": tuple("João Inês Tiago Beatriz Gonçalo Mariana Rui Leonor".split()),
    "ro": tuple("Andrei Ioana Alexandru Elena Mihai Ștefan Bianca".split()),
    "ma": tuple(
        "Youssef Mohamed Amine Imane Salma Khadija Meryem Hamza Ayoub Fatima-Zahra Othmane "
        "Zineb Soukaïna".split()
    ),
    "dz": tuple("Yacine Sofiane Nassim Lyna Amel Rania Walid Karim Sarah Lamia Anis".split()),
    "tn": tuple("Mehdi Yasmine Aziz Nour Oussama Sirine Skander Eya Rim".split()),
    "sn": tuple(
        "Mamadou Aminata Fatou Ousmane Cheikh Awa Moussa Aïssatou Ibrahima Ndèye Khady".split()
    ),
    "cn": tuple("Wei Xinyi Haoran Yuxuan Jing Mei Zihan Yichen Lei Xiaoling Jiahui".split()),
    "vn": tuple(["Minh", "Linh", "Thảo", "Hương", "Đức", "Anh", "Quang", "Trang", "Phương"]),
    "cm": tuple("Jean-Pierre Brice Larissa Ange Franck Murielle Hervé Stéphanie".split()),
    "ci": tuple("Aya Koffi Adjoua Serge Mariam Yannick Affoué Didier".split()),
    "ca": tuple("Félix Gabrielle Étienne Rosalie Maxime Océane Frédérique".split()),
}
_LAST: dict[str, tuple[str, ...]] = {
    "fr": tuple(
        [
            "Martin",
            "Bernard",
            "Dubois",
            "Thomas",
            "Robert",
            "Richard",
            "Petit",
            "Durand",
            "Leroy",
            "Moreau",
            "Simon",
            "Laurent",
            "Lefèvre",
            "Michel",
            "Garcia",
            "David",
            "Bertrand",
            "Roux",
            "Vincent",
            "Fournier",
            "Morel",
            "Girard",
            "André",
            "Lefebvre",
            "Mercier",
            "Dupont",
            "Lambert",
            "Bonnet",
            "François",
            "Legrand",
            "Garnier",
            "Faure",
            "Rousseau",
            "Blanc",
            "Guérin",
            "Muller",
            "Henry",
            "Roussel",
            "Perrin",
            "Morin",
            "Mathieu",
            "Clément",
            "Gauthier",
            "Dumont",
            "Fontaine",
            "Chevalier",
            "Robin",
            "Le Goff",
            "Le Gall",
            "Le Roux",
            "Martin-Dupuis",
            "Lebœuf",
            "D'Almeida",
            "Dupré",
            "Lemaître",
            "Ménard",
            "Hervé",
            "Cazenave",
            "Poirier",
            "Bréhier",
            "Saint-Martin",
            "Castellane",
            "Giraud",
            "Barbier",
            "Arnaud",
            "Olivier",
            "Fabre",
            "Cordier",
            "Maréchal",
            "Bouvier",
            "Pons",
            "Aubert",
            "Marchand",
            "Roche",
            "Bonnefoy",
            "L'Hôte",
            "De La Fontaine",
            "Le Bihan",
            "Texier",
            "Vidal",
            "Ricard",
            "Sauvage",
        ]
    ),
    "it": (
        *"Rossi Russo Ferrari Esposito Bianchi Romano Colombo D'Angelo Ricci Conti".split(),
        *("Mancini", "Lombardi", "De Luca", "Di Stefano"),
    ),
    "de": tuple("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schäfer Groß".split()),
    "es": tuple(
        "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Muñoz Ibáñez".split()
    ),
    "pt": tuple("Silva Santos Ferreira Pereira Oliveira Costa Gonçalves Carvalho Simões".split()),
    "ro": tuple("Popescu Ionescu Popa Dumitru Stan Constantin Țurcanu".split()),
    "ma": tuple(
        [
            "El Amrani",
            "Benjelloun",
            "Alaoui",
            "Bennani",
            "Tazi",
            "El Idrissi",
            "Chraïbi",
            "Berrada",
            "Aït Ouahmane",
            "El Fassi",
            "Ouazzani",
        ]
    ),
    "dz": tuple(
        "Benali Bouzid Haddad Mansouri Saïdi Belkacem Boudiaf Hamidi Chérif Aït-Ahmed".split()
    ),
    "tn": tuple(["Ben Salah", "Trabelsi", "Ben Ammar", "Jebali", "Gharbi", "Mejri", "Chaâbane"]),
    "sn": tuple("N'Diaye Diop Sow Fall Ba Sarr Diallo Guèye Faye Mbaye Cissé N'Dour".split()),
    "cn": tuple("Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu".split()),
    "vn": tuple(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Nguyen", "Tran"]),
    "cm": tuple("Nkoulou Mbarga Ngono Essomba Fotso Kamga Tchoumi Eto'o".split()),
    "ci": tuple("Kouassi Koné Traoré Ouattara Yao Bamba Kouadio N'Guessan".split()),
    "ca": tuple("Tremblay Gagnon Roy Côté Bouchard Gauthier Bélanger Lévesque".split()),
}

#: (weight, nationality, residence country, origin of the names)
_PROFILES: tuple[tuple[int, str, str, str], ...] = (
    (760, "FR", "FR", "fr"),
    # French living abroad: eligible
    (10, "FR", "MA", "fr"),
    (6, "FR", "CA", "fr"),
    (6, "FR", "GB", "fr"),
    (4, "FR", "DE", "fr"),
    (4, "FR", "SN", "fr"),
    (3, "FR", "US", "fr"),
    # EEA, Switzerland
    (14, "IT", "FR", "it"),
    (8, "IT", "IT", "it"),
    (8, "DE", "DE", "de"),
    (5, "DE", "FR", "de"),
    (10, "ES", "ES", "es"),
    (7, "ES", "FR", "es"),
    (10, "PT", "FR", "pt"),
    (8, "BE", "BE", "fr"),
    (8, "RO", "FR", "ro"),
    (4, "CH", "CH", "fr"),
    (3, "LU", "LU", "fr"),
    # other nationals living in France (or another EEA country): eligible
    (18, "MA", "FR", "ma"),
    (12, "DZ", "FR", "dz"),
    (9, "TN", "FR", "tn"),
    (11, "SN", "FR", "sn"),
    (9, "CN", "FR", "cn"),
    (7, "VN", "FR", "vn"),
    (7, "CM", "FR", "cm"),
    (7, "CI", "FR", "ci"),
    (3, "MA", "BE", "ma"),
    (3, "CN", "DE", "cn"),
    # other nationals living in an Études en France country: not eligible
    (14, "MA", "MA", "ma"),
    (7, "DZ", "DZ", "dz"),
    (6, "TN", "TN", "tn"),
    (9, "SN", "SN", "sn"),
    (8, "CN", "CN", "cn"),
    (5, "VN", "VN", "vn"),
    (5, "CM", "CM", "cm"),
    (5, "CI", "CI", "ci"),
    (3, "CA", "CA", "ca"),
)
_PROFILE_CUM = tuple(sum(p[0] for p in _PROFILES[: i + 1]) for i in range(len(_PROFILES)))

#: French citizens whose family name comes from elsewhere.
_FR_DIVERSE = ("ma", "dz", "tn", "sn", "vn", "pt", "it", "es", "cm", "ci")

_PHONES: dict[str, str] = {
    "MA": "+212 6## ## ## ##",
    "SN": "+221 77 ### ## ##",
    "CN": "+86 13# #### ####",
    "DZ": "+213 5## ## ## ##",
    "TN": "+216 2# ### ###",
    "VN": "+84 9# ### ## ##",
    "CM": "+237 6## ## ## ##",
    "CI": "+225 07 ## ## ## ##",
    "DE": "+49 15# ########",
    "IT": "+39 3## ### ####",
    "ES": "+34 6## ## ## ##",
    "BE": "+32 4## ## ## ##",
    "CA": "+1 514 ### ####",
    "US": "+1 212 ### ####",
    "GB": "+44 7### ######",
    "CH": "+41 7# ### ## ##",
    "LU": "+352 6## ### ###",
}
_FR_PHONES = (
    "06 ## ## ## ##",
    "07 ## ## ## ##",
    "06 ## ## ## ##",
    "04 91 ## ## ##",
    "+33 6 ## ## ## ##",
)
_DOMAINS = (
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "hotmail.fr",
    "outlook.fr",
    "yahoo.fr",
    "orange.fr",
    "laposte.net",
    "free.fr",
    "icloud.com",
)
_ASCII_EXTRA = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d", "Đ": "D", "ø": "o", "ł": "l"}
)

# ---------------------------------------------------------------------------------------------
# Statuses and codes (the CSV words of FORMATS.md §2)
# ---------------------------------------------------------------------------------------------

SUBMITTED = "submitted"
WAITLISTED = "waitlisted"
CONTRACT_SEARCH = "contract_search"
OFFER = "offer"
PROVISIONAL = "accepted_provisionally"
DEFINITIVE = "accepted_definitively"
DECLINED = "declined"
EXPIRED = "expired"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"
REJECTION_REASONS = ("requirements_not_met", "incomplete", "invalid", "other")
_REASON_CUM = (55, 80, 92, 100)

MAIN = "main"
COMPLEMENTARY = "complementary"
INITIAL = "initial"
ALTERNANCE = "alternance"

#: First outcome drawn for an application, per (phase, training type): (status, weight).
_BASE_OUTCOMES: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {
    (MAIN, INITIAL): (
        (REJECTED, 38),
        (WAITLISTED, 40),
        (OFFER, 14),
        (WITHDRAWN, 5),
        (SUBMITTED, 3),
    ),
    (MAIN, ALTERNANCE): (
        (CONTRACT_SEARCH, 35),
        (REJECTED, 25),
        (WAITLISTED, 20),
        (OFFER, 14),
        (WITHDRAWN, 4),
        (SUBMITTED, 2),
    ),
    (COMPLEMENTARY, INITIAL): (
        (SUBMITTED, 35),
        (REJECTED, 25),
        (WAITLISTED, 22),
        (OFFER, 13),
        (WITHDRAWN, 5),
    ),
    (COMPLEMENTARY, ALTERNANCE): (
        (CONTRACT_SEARCH, 30),
        (SUBMITTED, 25),
        (REJECTED, 20),
        (WAITLISTED, 12),
        (OFFER, 10),
        (WITHDRAWN, 3),
    ),
}


def _cumulate(pairs: tuple[tuple[str, int], ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    values = tuple(p[0] for p in pairs)
    cum: list[int] = []
    total = 0
    for _, weight in pairs:
        total += weight
        cum.append(total)
    return values, tuple(cum)


_BASE_CUM = {key: _cumulate(pairs) for key, pairs in _BASE_OUTCOMES.items()}


@dataclass(slots=True)
class DemoData:
    """The generated rows, keyed by the column names of FORMATS.md §2, every value a string."""

    candidates: list[dict[str, str]]
    applications: list[dict[str, str]]


# ---------------------------------------------------------------------------------------------
# Campaign calendar (from resources/defaults.json; other years: the 2024 dates moved)
# ---------------------------------------------------------------------------------------------


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
        _Plan(
            6,
            fate="definitive",
            definitive_home=True,
            definitive_band=0,
            registered=False,
            force_home=True,
            history="never",
        ),
        _Plan(
            5,
            fate="definitive",
            definitive_home=True,
            definitive_band=0,
            registered=True,
            force_home=True,
            history="enrolled_last_year",
        ),
        _Plan(
            7,
            fate="definitive",
            definitive_home=True,
            definitive_band=1,
            registered=False,
            force_home=True,
        ),
        _Plan(
            4,
            fate="definitive",
            definitive_home=True,
            definitive_band=1,
            registered=True,
            force_home=True,
        ),
        _Plan(
            8,
            fate="definitive",
            definitive_home=True,
            definitive_band=2,
            registered=False,
            force_home=True,
        ),
        _Plan(
            3,
            fate="definitive",
            definitive_home=True,
            definitive_band=2,
            registered=True,
            force_home=True,
            history="enrolled_last_year",
        ),
        _Plan(6, fate="definitive", definitive_home=False, definitive_band=0),
        _Plan(5, fate="definitive", definitive_home=False, definitive_band=1),
        _Plan(
            3,
            n_complementary=2,
            fate="definitive",
            definitive_home=True,
            definitive_band=0,
            definitive_phase=COMPLEMENTARY,
            force_home=True,
            registered=True,
        ),
        # interrupted enrolment: must contact the registrar
        _Plan(
            5,
            fate="definitive",
            definitive_home=True,
            definitive_band=0,
            registered=True,
            force_home=True,
            history="interrupted",
        ),
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
        _Plan(
            7,
            n_alternance=2,
            n_complementary=2,
            fate="none",
            force_statuses=(
                CONTRACT_SEARCH,
                SUBMITTED,
                WAITLISTED,
                OFFER,
                DECLINED,
                EXPIRED,
                WITHDRAWN,
                REJECTED,
            ),
        ),
        _Plan(
            5,
            n_alternance=1,
            fate="holding",
            held=PROVISIONAL,
            force_statuses=(CONTRACT_SEARCH, WAITLISTED),
        ),
        # every rejection reason; refusals notified within the month before mid-July
        *(
            _Plan(4, reject_reason=reason, recent_rejection=i % 2 == 0)
            for i, reason in enumerate(REJECTION_REASONS)
        ),
        _Plan(6, recent_rejection=True, fate="holding"),
        _Plan(3, recent_rejection=True),
        # exactly at the 15-mention cap of the main phase (initial)
        *(
            _Plan(15, fate=fate, no_withdrawn=True, extra_parcours=extra)
            for fate, extra in (("none", 0), ("holding", 1), ("none", 2), ("holding", 0))
        ),
        # long files: 25 to 30 applications, for printed sheets over several pages
        _Plan(15, n_alternance=8, extra_parcours=2, fate="holding", no_withdrawn=True),
        _Plan(15, n_alternance=10, extra_parcours=3, fate="none"),
        _Plan(15, n_alternance=11, extra_parcours=4, fate="holding"),
        # the same mention written differently at one institution
        _Plan(4, variant="Informatique", prefs=("Informatique",), force_home=True, fate="holding"),
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


# ---------------------------------------------------------------------------------------------
# Generation
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


class _App:
    __slots__ = (
        "phase",
        "training_type",
        "institution",
        "mention",
        "parcours",
        "submitted",
        "status",
        "rank",
        "reason",
        "notified",
        "accepted",
        "registered",
        "forced",
    )

    def __init__(
        self,
        phase: str,
        training_type: str,
        institution: int,
        mention: str,
        parcours: str,
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

        year = rng.pick(range(1995, 2004), (1, 2, 4, 7, 12, 20, 34, 56, 82))
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
            if 0 in by_mention[mention] and ((force_home and i == 0) or rng.random() < 0.75):
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
                apps.append(_App(phase, training_type, key[0], key[1], rng.choice(options), when()))

        add(
            MAIN,
            INITIAL,
            self.pick_keys(prefs, plan.n_initial, INITIAL, plan.force_home),
            submitted_main,
        )
        # several parcours of one mention: one counted application
        if plan.extra_parcours:
            table = catalogue.parcours[INITIAL]
            added = 0
            multi = [a for a in apps if len(table[(a.institution, a.mention)]) > 1]
            rng.shuffle(multi)
            for base in multi:
                used = {
                    a.parcours
                    for a in apps
                    if (a.institution, a.mention) == (base.institution, base.mention)
                }
                free = [p for p in table[(base.institution, base.mention)] if p not in used]
                if free:
                    apps.append(
                        _App(
                            MAIN,
                            INITIAL,
                            base.institution,
                            base.mention,
                            rng.choice(free),
                            submitted_main(),
                        )
                    )
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
            used = {
                a.parcours
                for a in apps
                if (a.institution, a.mention) == (base.institution, base.mention)
            }
            free = [p for p in options if p not in used]
            if free:
                apps.append(
                    _App(
                        MAIN,
                        INITIAL,
                        base.institution,
                        mention_variant(base.mention, rng),
                        free[0],
                        submitted_main(),
                    )
                )
            else:
                base.mention = mention_variant(base.mention, rng)
        if plan.n_alternance:
            add(
                MAIN,
                ALTERNANCE,
                self.pick_keys(prefs, plan.n_alternance, ALTERNANCE, plan.force_home),
                submitted_main,
            )
        if plan.n_complementary:
            count = plan.n_complementary
            keys = self.pick_keys(prefs, count, INITIAL, plan.force_home)
            if rng.random() < 0.15 and not plan.force_home:
                add(
                    COMPLEMENTARY,
                    ALTERNANCE,
                    self.pick_keys(prefs, 1, ALTERNANCE, False),
                    submitted_comp,
                )
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
            notified = (
                (a0 if rng.random() < 0.8 else a0 + rng.randint(1, 20))
                if main
                else (app.submitted + rng.randint(1, 6))
            )
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
            notified = (
                (a0 if rng.random() < 0.45 else a0 + rng.randint(1, 57))
                if main
                else (app.submitted + rng.randint(1, 20))
            )
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


def generate(n_candidates: int, seed: int = 2024, *, campaign_year: int = 2024) -> DemoData:
    """Candidates and their applications for one campaign; the same seed gives the same rows."""
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
            (
                cand["nationality"] not in EEA_AND_ASSOCIATED
                and cand["residence_country"] in etudes_en_france
            )
            or cand["diploma"] == "none"
            or "oui" in (cand["repeating_m1"], cand["ves_vap"], cand["automatic_admission"])
        )
        if (
            not eligible
            and index not in plan_at
            and plan.fate == "definitive"
            and (rng.random() < 0.7)
        ):
            plan.fate = "none"
        candidates.append(cand)
        number = cand["candidate_number"]
        for app in gen.applications(plan, eligible):
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
