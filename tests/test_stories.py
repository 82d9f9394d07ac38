"""The pieces of story grouping: content hashes, MinHash signatures, figures, the decision."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tapsyrma.clean import content_hash
from tapsyrma.registry.stories import (
    EventMatch,
    band_keys,
    jaccard,
    numbers,
    signature,
)

ARTICLE = ("Глава государства провел совещание по паводкам. Пострадали 430 домов, "
           "эвакуированы 1 200 человек, ущерб оценивается в 8,6 млрд тенге. ") * 3


@given(st.text(), st.lists(st.sampled_from([" ", "\n", "\t", "  "]), min_size=1))
def test_content_hash_ignores_spacing(text: str, spaces: list[str]) -> None:
    respaced = spaces[0].join(text.split()) + spaces[-1]
    assert content_hash(respaced) == content_hash(text)


def test_content_hash_ignores_case_but_not_words() -> None:
    assert content_hash("Токаев ПОРУЧИЛ акимам") == content_hash("токаев поручил Акимам")
    assert content_hash("Токаев поручил акимам") != content_hash("Токаев поручил министрам")


def test_signature_of_a_copy_with_small_edits_is_close() -> None:
    copy = "Источник: Kazinform\n" + ARTICLE.replace("совещание", "заседание", 1)
    assert jaccard(signature(ARTICLE), signature(ARTICLE)) == 1.0
    assert jaccard(signature(ARTICLE), signature(copy)) > 0.7
    other = "Футбольный клуб Астана обыграл Тобол со счетом 2:1 в матче чемпионата."
    assert jaccard(signature(ARTICLE), signature(other)) < 0.1


def test_band_keys_are_deterministic_and_fit_a_bigint() -> None:
    keys = band_keys(signature(ARTICLE))
    assert keys == band_keys(signature(ARTICLE))
    assert all(-2**63 <= key < 2**63 for _, key in keys)
    assert [band for band, _ in keys] == list(range(len(keys)))


def test_numbers_keep_telling_figures_and_drop_years() -> None:
    found = numbers("В 2024 году пострадали 430 домов, инфляция 8,6%, 12 мая, 3 района.")
    assert found == {"430": 1.0, "8.6": 1.0, "12": 0.5}


@pytest.mark.parametrize(("match", "same"), [
    (EventMatch(0.83, 0, 2.0, 0), True),  # two shared figures and a close enough lead
    (EventMatch(0.83, 0, 1.0, 0), False),
    (EventMatch(0.86, 0, 1.0, 1), True),
    (EventMatch(0.85, 4, 0.0, 0), True),  # an akim, his region and two of its towns
    (EventMatch(0.85, 2, 0.0, 0), False),
    (EventMatch(0.95, 3, 2.0, 3), False),  # three days apart: another event
    (EventMatch(0.99, 1, 0.0, 0), False),  # one entity in common says too little
])
def test_same_event(match: EventMatch, same: bool) -> None:
    assert match.same_event is same


def test_signature_is_uint32() -> None:
    assert signature("а б в г").dtype == np.uint32
