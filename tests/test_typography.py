"""RULES.md §3: typography does not make a new mention (ligatures, apostrophes, dashes, spaces)."""

from __future__ import annotations

import pytest

from monmaster_desktop.domain import fold, search_words
from monmaster_desktop.rules.caps import count_applications
from tests.rules_helpers import app


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("Sciences de l’éducation", "Sciences de l'education"),
        ("Sciences de lʼéducation", "sciences de l'éducation"),
        ("Cœur et Æsthétique", "coeur et aesthetique"),
        ("ŒNOLOGIE", "oenologie"),
        ("Droit – Économie", "droit - economie"),
        ("Droit — Économie", "Droit - Economie"),
        ("Langues‐Cultures", "langues-cultures"),
        ("Droit\u00a0\u00a0public", "droit public"),
        ("Droit\u202fpublic ", " droit   public"),
        ("Droit\u2003\tpublic", "droit public"),
    ],
)
def test_typography_folds_like_accents(typed: str, plain: str) -> None:
    assert fold(typed) == fold(plain)


def test_two_spellings_count_as_one_mention() -> None:
    counted = count_applications(
        [
            app("Sciences de l’éducation"),
            app("Sciences de l'education  "),
            app("Cœur – Santé"),
            app("coeur - sante"),
        ]
    )
    assert counted.as_json()["main"]["initial"] == 2


def test_search_words_read_ligatures() -> None:
    assert search_words("Cœurdevey N’Diaye") == ["coeurdevey", "n", "diaye"]
