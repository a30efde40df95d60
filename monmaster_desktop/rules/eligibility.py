"""Who goes through Mon Master, RULES.md §2."""

from __future__ import annotations

from collections.abc import Collection

from monmaster_desktop.domain import Diploma, IneligibilityReason
from monmaster_desktop.rules.facts import CandidateFacts, Eligibility

#: EU 27 + Iceland, Liechtenstein, Norway (EEA) + Andorra, Switzerland, Monaco.
EEA_AND_ASSOCIATED = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU "
    "IS LI NO AD CH MC".split()
)

#: The Études en France list shipped with the 2024 campaign (clerks edit it in the database):
#: 68 countries, Laos included (RULES.md §2).
#: The list shipped before Laos was added: a base still holding exactly it is brought up to date.
ETUDES_EN_FRANCE_2024_WITHOUT_LAOS = frozenset(
    "ZA AZ DZ SA AR BH BJ BO BR BF BI KH CM CA CL CN CO KM CG KR CI DJ AE EG EC US ET GA GE GH "
    "GN HT IN ID IR IL JP JO KE KW LB MG MY ML MA MU MR MX NP NE NG PE QA CD DO GB RU SN SG TW "
    "TD TH TG TN TR UA VN".split()
)
ETUDES_EN_FRANCE_2024 = frozenset(
    "ZA AZ DZ SA AR BH BJ BO BR BF BI KH CM CA CL CN CO KM CG KR CI DJ AE EG EC US ET GA GE GH "
    "GN HT IN ID IR IL JP JO KE KW LB MG MY ML MA MU MR MX NP NE NG PE QA CD DO GB RU SN SG TW "
    "TD TH TG TN TR UA VN LA".split()
)


def assess_eligibility(facts: CandidateFacts, etudes_en_france: Collection[str]) -> Eligibility:
    """Eligible unless one of the reasons of §2 applies; every applying reason is returned."""
    reasons: list[IneligibilityReason] = []
    nationality = facts.nationality.upper()
    if (
        nationality not in EEA_AND_ASSOCIATED
        and facts.residence_country.upper() in etudes_en_france
    ):
        reasons.append(IneligibilityReason.ETUDES_EN_FRANCE)
    if facts.repeating_m1:
        reasons.append(IneligibilityReason.REPEATING_M1)
    if facts.ves_vap:
        reasons.append(IneligibilityReason.VES_VAP)
    if facts.automatic_admission:
        reasons.append(IneligibilityReason.AUTOMATIC_ADMISSION)
    if facts.diploma is Diploma.NONE:
        reasons.append(IneligibilityReason.NO_QUALIFYING_DIPLOMA)
    reasons.sort()
    return Eligibility(eligible=not reasons, reasons=tuple(reasons))
