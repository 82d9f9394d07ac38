"""Kazakh suffix peeling: stems for gazetteer matching, cases for directive slots."""

import pytest

from tapsyrma import kazakh


@pytest.mark.parametrize(("word", "stem"), [
    ("Тоқаевқа", "тоқаев"), ("Тоқаевтың", "тоқаев"), ("Назарбаевқа", "назарбаев"),
    ("облысының", "облыс"), ("әкімдеріне", "әкім"), ("басшыларына", "басшы"),
    ("Үкіметке", "үкімет"), ("министрлікке", "министрлік"), ("Кеңсесінің", "кеңсе"),
    ("әкімдерімен", "әкім"), ("қалаларының", "қала"), ("облыстарда", "облыс"),
])
def test_kazakh_stems_reach_the_dictionary_form(word: str, stem: str) -> None:
    assert stem in kazakh.stems(word)


@pytest.mark.parametrize(("word", "dative"), [
    ("әкімдерге", True), ("Үкіметке", True), ("басшыларына", True), ("министріне", True),
    ("прокуратураға", True), ("Астана", False), ("әкімдер", False),
    ("істеуге", False),  # a verbal noun in the dative is an aim, not an addressee
    ("облысының", False),
])
def test_kazakh_dative(word: str, dative: bool) -> None:
    assert kazakh.is_dative(word) is dative


@pytest.mark.parametrize(("word", "expected"), [
    ("күшейтуді", True), ("жүргізуді", True), ("қабылдамауды", True), ("жасалуын", True),
    ("құжаттарын", False), ("грамотасын", False), ("емтихан", False), ("суды", False),
])
def test_kazakh_accusative_verbal_noun(word: str, expected: bool) -> None:
    assert kazakh.is_verbal_noun_in(word, "accusative") is expected


@pytest.mark.parametrize(("word", "plural"), [
    ("әкімдерге", True), ("министрлер", True), ("басшыларына", True),
    ("әкімге", False), ("облысы", False), ("Тоқаев", False),
])
def test_kazakh_plural(word: str, plural: bool) -> None:
    assert kazakh.is_plural(word) is plural


@pytest.mark.parametrize(("word", "uninflected"), [
    ("комитеті", True),  # комитет + і (its committee), not комите + ті: -ті follows no vowel
    ("Үкіметі", True),
    ("комитетін", False),
    ("жұмысты", False),  # жұмыс + ты after a voiceless consonant
    ("Тоқаевқа", False),
])
def test_kazakh_voiceless_suffixes_follow_voiceless_consonants(word: str,
                                                               uninflected: bool) -> None:
    assert kazakh.is_uninflected(word) is uninflected
