"""The demo's vocabulary: institutions, mentions, names, countries, phones, statuses."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


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
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
            "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre",
            "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Legrand", "Garnier", "Faure",
            "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Perrin", "Morin",
            "Mathieu", "Clément", "Gauthier", "Dumont", "Fontaine", "Chevalier", "Robin",
            "Le Goff", "Le Gall", "Le Roux", "Martin-Dupuis", "Lebœuf", "D'Almeida", "Dupré",
            "Lemaître", "Ménard", "Hervé", "Cazenave", "Poirier", "Bréhier", "Saint-Martin",
            "Castellane", "Giraud", "Barbier", "Arnaud", "Olivier", "Fabre", "Cordier",
            "Maréchal", "Bouvier", "Pons", "Aubert", "Marchand", "Roche", "Bonnefoy",
            "L'Hôte", "De La Fontaine", "Le Bihan", "Texier", "Vidal", "Ricard", "Sauvage",
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
            "El Amrani", "Benjelloun", "Alaoui", "Bennani", "Tazi", "El Idrissi", "Chraïbi",
            "Berrada", "Aït Ouahmane", "El Fassi", "Ouazzani",
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
        (REJECTED, 38), (WAITLISTED, 40), (OFFER, 14), (WITHDRAWN, 5), (SUBMITTED, 3),
    ),
    (MAIN, ALTERNANCE): (
        (CONTRACT_SEARCH, 35), (REJECTED, 25), (WAITLISTED, 20), (OFFER, 14), (WITHDRAWN, 4),
        (SUBMITTED, 2),
    ),
    (COMPLEMENTARY, INITIAL): (
        (SUBMITTED, 35), (REJECTED, 25), (WAITLISTED, 22), (OFFER, 13), (WITHDRAWN, 5),
    ),
    (COMPLEMENTARY, ALTERNANCE): (
        (CONTRACT_SEARCH, 30), (SUBMITTED, 25), (REJECTED, 20), (WAITLISTED, 12), (OFFER, 10),
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

