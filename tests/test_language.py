"""Language per document and per sentence: Kazakh, Russian, English."""

import pytest

from tapsyrma.language import detect, sentence_language


@pytest.mark.parametrize(("text", "lang"), [
    ("Мемлекет басшысы әкімдерге тұрғындардың өтініштерін қарауды тапсырды.", "kk"),
    ("Президент поручил Правительству до конца года снизить цены на продукты.", "ru"),
    ("The President instructed the Government to curb food prices.", "en"),
    ("Бүгін Астанада үкіметтің кеңейтілген отырысы өтті", "kk"),
    ("Глава государства провел совещание с акимами областей", "ru"),
    ("12 345", None),
])
def test_language_detect(text: str, lang: str | None) -> None:
    assert detect(text) == lang


def test_language_short_sentence_takes_the_document_language() -> None:
    assert sentence_language("Фото: Ақорда", "ru") == "ru"
    assert sentence_language("Алматы 10", "kk") == "kk"


def test_language_sentence_with_kazakh_letters_is_kazakh() -> None:
    assert sentence_language("Қасым-Жомарт Тоқаев өңір басшыларымен кездесті.", "ru") == "kk"


def test_language_kazakh_letters_in_a_name_alone_leave_a_russian_sentence_russian() -> None:
    assert sentence_language("Глава региона Берік Әбдіғалиұлы дал поручение акимам городов "
                             "и районов области.", "ru") == "ru"


def test_language_long_texts_answer_by_their_alphabet() -> None:
    russian = ("Касым-Жомарт Токаев провел совещание с акимами областей и поручил им "
               "обеспечить подготовку к отопительному сезону, а также усилить контроль "
               "за ценами на социально значимые продукты питания. ") * 3
    kazakh = ("Мемлекет басшысы Қасым-Жомарт Тоқаев облыс әкімдерімен кеңес өткізіп, "
              "жылыту маусымына дайындықты күшейтуді және әлеуметтік маңызы бар азық-түлік "
              "бағасын тұрақтандыруды тапсырды. ") * 3
    assert detect(russian) == "ru"
    assert detect(kazakh) == "kk"
