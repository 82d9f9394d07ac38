"""The pieces of story grouping: content hashes, MinHash signatures, figures, the decision."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tapsyrma.clean import content_hash
from tapsyrma.registry.stories import (
    NAME_KEY,
    EventMatch,
    band_keys,
    chosen_story,
    document_keys,
    jaccard,
    numbers,
    signature,
    terms,
)
from tapsyrma.registry.tracking import name_keys

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
    (EventMatch(0.90, 3, 0.0, 0, information=6.0), False),  # same actors, nothing telling
    (EventMatch(0.90, 3, 1.0, 0, information=6.0), True),  # and a figure in common
    (EventMatch(0.86, 2, 0.0, 0, information=5.0, cross_language=True), True),  # kk and ru
    (EventMatch(0.86, 2, 0.0, 0, information=5.0), False),  # that close in one language: not
    (EventMatch(0.99, 3, 2.0, 0, other_regions=True), False),  # about two other regions
    (EventMatch(0.99, 3, 2.0, 3), False),  # three days apart: another event
    (EventMatch(0.95, 2, 0.0, 0, information=1.5), True),
    (EventMatch(0.95, 2, 0.0, None, information=1.5), False),  # undated: more is needed
    (EventMatch(0.95, 2, 0.0, None, information=1.5, lexical=0.8), True),  # rare words shared
    (EventMatch(0.95, 2, 0.0, None, information=1.5, lexical=0.3), False),  # as any two do
])
def test_same_event(match: EventMatch, same: bool) -> None:
    assert match.same_event is same


def test_shared_words_are_weighed_only_where_they_could_decide() -> None:
    just_short = EventMatch(0.95, 2, 0.0, None, information=1.5)
    assert not just_short.same_event and just_short.words_could_decide
    assert not EventMatch(0.80, 2, 0.0, 0).words_could_decide  # too far below
    assert not EventMatch(0.95, 2, 0.0, 0, information=1.5).words_could_decide  # already one
    assert not EventMatch(0.90, 2, 0.0, None, cross_language=True).words_could_decide


def test_terms_are_word_stems_of_both_languages_without_figures() -> None:
    ours = terms("Теплотрассы Рудного восстановят за 10 дней. Жылу трассасы 2024 жылы")
    assert ours.dtype == np.int32 and list(ours) == sorted(set(ours))
    assert len(ours) == 7  # тепло рудно восст дней жылу трасс жылы
    assert set(terms("теплотрасса ТЕПЛОТРАСС")) == set(terms("Теплотрассы"))
    assert not len(terms("10 20 30 и в на"))


def test_signature_is_uint32() -> None:
    assert signature("а б в г").dtype == np.uint32


def test_a_document_joins_the_story_it_matches_as_a_whole() -> None:
    """Average linkage: one member of five matched is a chain, not the same event."""
    assert chosen_story(Counter({1: 1}), {1: 5}) is None
    assert chosen_story(Counter({1: 3}), {1: 5}) == 1
    assert chosen_story(Counter({1: 1}), {1: 1}) == 1
    # matching parts of two stories joins the one it matches best and merges nothing
    assert chosen_story(Counter({1: 2, 2: 1}), {1: 3, 2: 1}) == 2
    assert chosen_story(Counter({1: 2, 2: 2}), {1: 4, 2: 2}) == 2
    assert chosen_story(Counter(), {}) is None


def test_names_no_gazetteer_holds_are_keys_in_both_alphabets() -> None:
    """A plant named in a Kazakh and a Russian report is one key; a known place, a person
    and an entity of the document (Akorda) are entities already, not names."""
    kk = name_keys(["Мемлекет басшысы Жезқазған қаласында Жәйрем фабрикасын іске қосты, "
                    "деп хабарлады Ақорда."], ["Ақорда"])
    ru = name_keys(["В Жезказгане Токаев запустил Жайремскую фабрику, сообщила Акорда."],
                   ["Акорда"])
    assert kk == ru == {"zhair", "=zhrm"}
    keys = document_keys({"zhezkazgan"}, "", names=kk)
    assert keys[NAME_KEY + "zhair"] == keys[NAME_KEY + "=zhrm"] == 0.5
    assert keys["zhezkazgan"] == 1.0
