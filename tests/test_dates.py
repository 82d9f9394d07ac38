"""Publication dates read from pages that come without one: url, bylines, datelines."""

from __future__ import annotations

from datetime import date

import pytest

from tapsyrma.dates import page_date, page_day
from tapsyrma.pipeline import extract_text

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(("line", "expected"), [
    ("25 ақп, 2021 сағат 09:43", date(2021, 2, 25)),
    ("12.10.2019, 14:05", date(2019, 10, 12)),
    ("АСТАНА, 12 октября 2019 года. КАЗИНФОРМ – Глава государства провел совещание",
     date(2019, 10, 12)),
    ("2021 жылғы 25 ақпан, 10:15", date(2021, 2, 25)),
    ("Опубликовано: 5 сентября 2023 г.", date(2023, 9, 5)),
    ("date 2025-10-11 Тоқаев Астананы дамытуға қатысты бірқатар тапсырма берді",
     date(2025, 10, 11)),
    ("3 қыркүйек 2024", date(2024, 9, 3)),
    ("21.03.2026г. в 14:16", date(2026, 3, 21)),  # "г." right after the year
])
def test_dates_byline_and_dateline(line: str, expected: date) -> None:
    assert page_date([line], None, TODAY) == expected


@pytest.mark.parametrize("line", [
    # a date inside a sentence of the article is an event's, not the page's
    "Глава государства 12 октября 2019 года провел совещание с акимами всех регионов страны",
    "Мемлекет басшысы 2019 жылғы 12 қазанда өткен жиында әкімдерге бірқатар тапсырма берді",
    "31.02.2020, 10:00",  # no such day
    "12.10.2031, 14:05",  # after today
    "Курс валют 482.55 555.73",
])
def test_dates_no_page_date(line: str) -> None:
    assert page_date([line], None, TODAY) is None


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.kz/news/2021/02/25/akim", date(2021, 2, 25)),
    ("https://example.kz/ru/news/20230915-bektenov", date(2023, 9, 15)),
    ("https://example.kz/2022-03-16-tokaev.html", date(2022, 3, 16)),
    ("https://kaz.zakon.kz/6020222-toaev.html", None),
])
def test_dates_from_url(url: str, expected: date | None) -> None:
    assert page_date([], url, TODAY) == expected


def test_dates_url_first_then_byline() -> None:
    assert page_date(["12.10.2019, 14:05"], "https://x.kz/2020/01/02/a", TODAY) == date(2020, 1, 2)


def test_dates_reach_deadlines() -> None:
    """A page's own date dates its deadlines ("до конца года" of that year)."""
    doc = extract_text("12.10.2019, 14:05\nПрезидент Касым-Жомарт Токаев поручил Правительству "
                       "до конца года разработать программу поддержки сельхозтехники.")
    assert doc.published == date(2019, 10, 12)
    assert doc.directives[0].deadline is not None
    assert doc.directives[0].deadline.date == date(2019, 12, 31)


def test_dates_undated_page_says_so() -> None:
    doc = extract_text("Президент Касым-Жомарт Токаев поручил Правительству до конца года "
                       "разработать программу поддержки сельхозтехники.")
    assert doc.published is None
    assert doc.directives[0].deadline is not None
    assert doc.directives[0].deadline.date is None


def test_dates_of_a_listing_are_not_the_page_date() -> None:
    """A run of dated headlines ("Сондай-ақ оқыңыз", a paper's past issues) dates other
    articles; the page's own byline after the article still counts."""
    related = ["Әкімдерге ескерту жасалды", "Жылыту маусымына дайын емес әкімдерге 1 апта берілді.",
               "Сондай-ақ оқыңыз",
               "Қысқы Олимпиада алауы Сицилия аралына жеткізілді", "19.12.2025, 13:26",
               "Қандастар Шәмші әндерін шырқады", "19.12.2025, 13:24",
               "Ақтауда тағы бір «Келешек мектеп» пайдалануға берілді", "19.12.2025, 13:21"]
    assert page_date(related, None, TODAY) is None
    issues = ["№ 31 газет", "20 сәуір 2024 ж.", "№ 30 газет", "16 сәуір 2024 ж.", "№ 29 газет",
              "13 сәуір 2024 ж.", "Жаңалықтар мұрағаты", "Мемлекет басшысы төтенше жағдай туралы",
              "Төтенше жағдай режимі ұзартылуы мүмкін.", "16 наурыз 2020 ж. 548 0"]
    assert page_date(issues, None, TODAY) == date(2020, 3, 16)
    # two dates are a byline's published and updated stamps, not a listing
    assert page_date(["12.10.2019, 14:05", "Обновлено", "12.10.2019, 15:20"], None,
                     TODAY) == date(2019, 10, 12)


@pytest.mark.parametrize(("lines", "expected"), [
    (["Рудный. 21 января. KAZAKHSTAN TODAY - Президент ознакомился с последствиями"], (1, 21)),
    (["НҰР-СҰЛТАН, 16 наурыз – Sputnik. Президент әкімдерді қабылдады."], (3, 16)),
    (["Атырау, 28 сентября 22:23"], (9, 28)),
    (["Заголовок", "9 июня Токаев отложил поездку во Вьетнам."], (6, 9)),
    # a deadline, a recalled day, a day inside a sentence and a day that does not exist
    (["Бектенов 1 қыркүйекке дейін жылу орталықтарын дайындауды тапсырды"], None),
    (["Заголовок", "Напомним, 26 ноября во Дворце независимости прошла инаугурация."], None),
    (["Президент поручил до 1 сентября завершить ремонт школ."], None),
    (["АСТАНА, 30 февраля. Текст"], None),
])
def test_dates_a_dateline_without_a_year_gives_the_day(
        lines: list[str], expected: tuple[int, int] | None) -> None:
    assert page_day(lines) == expected


def test_dates_an_undated_page_keeps_its_datelines_day_and_a_dated_one_needs_none() -> None:
    text = "Рудный. 21 января. KAZAKHSTAN TODAY - Президент поручил восстановить теплотрассу."
    assert extract_text(text).day == (1, 21)
    assert extract_text(text, published=date(2023, 1, 21)).day is None
