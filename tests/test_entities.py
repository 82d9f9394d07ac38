"""Entities with canonical ids in both languages, in every grammatical form, by date."""

from __future__ import annotations

from datetime import date

import pytest

from tapsyrma import segment
from tapsyrma.entities import document_entities, recognise


def ids(text: str, lang: str, published: date | None = None) -> set[tuple[str, str | None]]:
    sentences = list(segment.sentences(text))
    return {(e.type, e.id) for e in document_entities(text, sentences, lang, published)}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Мемлекет басшысы Тоқаевқа баяндады.", "kk", ("PER", "tokayev")),
    ("Тоқаевтың сөзінше, бәрі дұрыс.", "kk", ("PER", "tokayev")),
    ("Президенту Токаеву доложили.", "ru", ("PER", "tokayev")),
    ("Алматы облысының әкімі сөйледі.", "kk", ("LOC", "almaty-region")),
    ("В Алматинской области прошло совещание.", "ru", ("LOC", "almaty-region")),
    ("В ВКО ввели карантин.", "ru", ("LOC", "east-kazakhstan")),
    ("Нур-Султан принял гостей.", "ru", ("LOC", "astana")),
    ("Нұр-Сұлтанда жиын өтті.", "kk", ("LOC", "astana")),
    ("Южно-Казахстанская область была переименована.", "ru", ("LOC", "turkistan")),
    ("Ресей мен Қытай келісті.", "kk", ("LOC", "russia")),
    ("Министерство здравоохранения сообщило.", "ru", ("ORG", "minister:health")),
    ("Денсаулық сақтау министрлігі хабарлады.", "kk", ("ORG", "minister:health")),
    ("Ассамблея народа Казахстана провела сессию.", "ru", ("ORG", "ank")),
    ("В Абайской и Западно-Казахстанской областях прошли учения.", "ru", ("LOC", "abai")),
])
def test_entities_gazetteer_in_all_forms(text: str, lang: str,
                                         expected: tuple[str, str]) -> None:
    assert expected in ids(text, lang)


def test_entities_office_by_date() -> None:
    text = "Касым-Жомарт Токаев выступил."
    [tokayev] = [e for e in document_entities(text, list(segment.sentences(text)), "ru",
                                              date(2023, 5, 1)) if e.id == "tokayev"]
    assert tokayev.office == "president"
    [earlier] = [e for e in document_entities(text, list(segment.sentences(text)), "ru",
                                              date(2016, 5, 1)) if e.id == "tokayev"]
    assert earlier.office != "president"


def test_entities_titles_are_not_names() -> None:
    assert not [e for e in recognise("Елбасы жиын өткізді.", "kk") if e.type == "PER"]


@pytest.mark.parametrize(("text", "name"), [
    ("Биыл Талғат Айнақұлов жарысқа қатысты.", "Талғат Айнақұлов"),
    ("Дәрігер Салтанат Бұланбаева кеңес берді.", "Салтанат Бұланбаева"),
    ("Жиынға М.Қасымбеков қатысты.", "М.Қасымбеков"),
])
def test_entities_kazakh_name_rules(text: str, name: str) -> None:
    assert name in [e.text for e in recognise(text, "kk") if e.type == "PER"]


def test_entities_russian_ner_adds_unknown_names() -> None:
    found = recognise("Журналист Иван Петров встретился с жителями Караганды.", "ru")
    assert ("PER", "Иван Петров") in {(e.type, e.text) for e in found}


def test_entities_two_men_in_one_ner_span_are_two() -> None:
    found = recognise("– Ходи пешком! – сказал Ермаганбет Булекпаев Ералы Оспанову.", "ru")
    people = {(e.text, e.id) for e in found if e.type == "PER"}
    assert people == {("Ермаганбет Булекпаев", "bulekpayev"), ("Ералы Оспанову", None)}


@pytest.mark.parametrize(("text", "lang", "regions"), [
    ("акимам Туркестанской, Жамбылской и Кызылординской областей", "ru",
     ["turkistan", "zhambyl", "kyzylorda"]),
    ("акимам Северо-Казахстанской и Западно-Казахстанской областей", "ru",
     ["north-kazakhstan", "west-kazakhstan"]),
    ("Жамбыл және Қызылорда облыстарының әкімдеріне", "kk", ["zhambyl", "kyzylorda"]),
    # "Ақмола" alone was the capital's name in 1992-1998; before "облыстарының" it is the region
    ("Ақмола, Батыс Қазақстан, Абай және Ұлытау облыстарының әкімдеріне", "kk",
     ["akmola", "west-kazakhstan", "abai", "ulytau"]),
])
def test_entities_regions_sharing_one_noun(text: str, lang: str, regions: list[str]) -> None:
    found = [e.id for e in recognise(text, lang) if e.type == "LOC"]
    assert found == regions


@pytest.mark.parametrize(("text", "lang"), [
    ("Ақмола өңірінде жолдар жөнделді.", "kk"),
    ("В Акмолинском регионе отремонтировали дороги.", "ru"),
])
def test_entities_akmola_before_a_word_for_region_is_the_region(text: str, lang: str) -> None:
    assert [e.id for e in recognise(text, lang) if e.type == "LOC"] == ["akmola"]


def test_entities_kazakh_attributive_locative_names_a_place() -> None:
    """ "Қостанайдағы" (locative + -ғы) is Kostanay."""
    found = [e.id for e in recognise("Қостанайдағы мекемелер сенбілікке шықты.", "kk")]
    assert found == ["kostanay-city"]


@pytest.mark.parametrize(("text", "person"), [
    ("Жаксылык Омар обратил внимание ответственных служб.", "Жаксылык Омар"),  # LOC + PER
    ("Алмат Акышов отметил, что очистка от снега - обязанность всех.", "Алмат Акышов"),
    ("Для учреждений района Нурымбет Жакыпбеков поручил начать добычу угля.",
     "Нурымбет Жакыпбеков"),
])
def test_entities_unknown_kazakh_names_are_whole_and_nobody_known(text: str,
                                                                  person: str) -> None:
    """A given name is neither a place (Алмат, Almaty's plural) nor a known surname
    (Нурымбет, of Нурымбетов; Омар, of Омаров); Natasha's LOC before a PER is the given name."""
    found = [(e.type, e.text, e.id) for e in recognise(text, "ru") if e.type in ("PER", "LOC")]
    assert ("PER", person, None) in found
