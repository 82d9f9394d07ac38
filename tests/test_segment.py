"""Sentences and tokens keep their offsets and survive Kazakh and Russian traps."""

import pytest

from tapsyrma.segment import sentences, tokens


@pytest.mark.parametrize(("text", "expected"), [
    ("Жиынға М.Қасымбеков, А.Бисембаев қатысты. Келесі сөйлем.",
     ["Жиынға М.Қасымбеков, А.Бисембаев қатысты.", "Келесі сөйлем."]),
    ("Токаев выступил на ХХХІІІ сессии АНК. Это важно.",
     ["Токаев выступил на ХХХІІІ сессии АНК.", "Это важно."]),
    ("«Бұл – бәрімізге ортақ міндет», – деді Елбасы. Келесі.",
     ["«Бұл – бәрімізге ортақ міндет», – деді Елбасы.", "Келесі."]),
    ("Заголовок без точки\nТекст статьи. Второе предложение.",
     ["Заголовок без точки", "Текст статьи.", "Второе предложение."]),
    ("В 2024 г. выделено 5 млн. тенге. Далее.", ["В 2024 г. выделено 5 млн. тенге.", "Далее."]),
    # a sentence end whose space was lost in scraping; initials, domains, street abbreviations
    ("Жоспарын әзірлеп қоюы керек.Тағы да айтарым, бар.",
     ["Жоспарын әзірлеп қоюы керек.", "Тағы да айтарым, бар."]),
    ("Т.Тоқаев Zakon.kz сайтында. Он живет на ул.Абая.",
     ["Т.Тоқаев Zakon.kz сайтында.", "Он живет на ул.Абая."]),
])
def test_segment_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in sentences(text)] == expected


def test_segment_offsets_index_the_text() -> None:
    text = "Бірінші сөйлем.\n\n  Екінші: «тырнақша».\nҮшінші"
    for s in sentences(text):
        assert text[s.start:s.end] == s.text
        for t in s.tokens:
            assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(("text", "expected"), [
    ("Аким г.Атырау поручил", ["Аким", "г.", "Атырау", "поручил"]),
    ("аким г. Атырау", ["аким", "г.", "Атырау"]),
    ("на ул.Абая, көш.Абай", ["на", "ул.", "Абая", ",", "көш.", "Абай"]),
    # initials and domains stay whole; an abbreviation ending a sentence keeps no dot
    ("М.Қасымбеков Zakon.kz в 2020 г.", ["М.Қасымбеков", "Zakon.kz", "в", "2020", "г", "."]),
])
def test_tokens_keep_an_abbreviations_dot_before_a_name(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokens(text)] == expected
