"""The publication date of a page that comes without one: its url, else its byline.

News pages print their date in a byline or a date stamp ("25 ақп, 2021 сағат 09:43",
"12.10.2019, 14:05"), a dateline ("АСТАНА, 12 октября 2019 года. КАЗИНФОРМ –") or the url
("/2021/02/25/"). A date inside a sentence of the article is an event's, not the page's: a
date counts only where a byline stands (alone on a short line, or with a time of day) or
where a dateline opens a paragraph. Word lists are in data/dates.toml and data/timing.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache

from tapsyrma import data

TIME = r"(?:[,\s]*(?:в|сағат|сағ\.?|at)?\s*[012]?\d[:.][0-5]\d\b)"
YEAR_WORDS = r"(?:\s*(?:года|год|г\.|ж\.|жыл\w*))?"


@cache
def _settings() -> dict:
    return data.load("dates")


@cache
def _month_numbers() -> dict[str, int]:
    """Every written form of a month (lower case, no period) and its number."""
    timing, settings = data.load("timing"), _settings()
    forms: dict[str, int] = {}
    for number, names in timing["ru"]["months"].items():
        forms.update((name, int(number)) for name in names)
    for number, stem in enumerate(timing["kk"]["month_stems"], 1):
        forms[stem] = number
    for lang in ("ru", "kk"):
        forms.update((abbr, n) for n, abbr in enumerate(settings["months"][lang], 1))
    forms.update(settings["months"]["ru_long"])
    return forms


def _month(word: str) -> int | None:
    """A month in any of its forms: a Russian form, an abbreviation, a Kazakh stem with its
    endings ("қыркүйектің", "ақпанда")."""
    word = word.lower().rstrip(".")
    forms = _month_numbers()
    if word in forms:
        return forms[word]
    return next((n for stem, n in forms.items() if len(stem) > 4 and word.startswith(stem)
                 and len(word) - len(stem) <= 4), None)


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Day month year, year month day (Kazakh "2021 жылғы 25 ақпан"), and numeric dates."""
    month = r"(?P<month>[^\W\d_]{3,12}\.?)"
    return (
        re.compile(rf"\b(?P<day>[0-3]?\d)\s+{month},?\s+(?P<year>(?:19|20)\d\d){YEAR_WORDS}"
                   rf"(?P<time>{TIME})?"),
        re.compile(rf"\b(?P<year>(?:19|20)\d\d)\s*(?:ж\.|жыл\w*)?\s+(?P<day>[0-3]?\d)\s+{month}"
                   rf"(?P<time>{TIME})?"),
        re.compile(rf"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)\d\d)(?!\d)"
                   rf"(?:\s*(?:г\.|ж\.))?(?P<time>{TIME})?"),
        re.compile(rf"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"
                   rf"(?:T\d\d:\d\d(?::\d\d)?\S*)?(?P<time>{TIME})?"),
    )


DAY_MONTH = re.compile(rf"\b(?P<day>[0-3]?\d)\s+(?P<month>[^\W\d_]{{3,12}}\.?)(?!\w)"
                       rf"(?!,?\s+(?:19|20)\d\d)(?P<time>{TIME})?")
URL_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<month>[01]\d)"
                      r"(?P=sep)(?P<day>[0-3]\d)(?!\d)")


def page_date(lines: Sequence[str], url: str | None, today: date | None = None) -> date | None:
    """The publication date a page shows, or None when it shows none."""
    latest = today or date.today()
    if url:
        found = _url_date(url, latest)
        if found:
            return found
    own = _own_dates(_byline_dates(_byline_lines(lines), latest))
    return own[0] if own else None


def page_day(lines: Sequence[str]) -> tuple[int, int] | None:
    """The month and day of a page that prints no year: a dateline ("Рудный. 21 января.
    KAZAKHSTAN TODAY –", "НҰР-СҰЛТАН, 16 наурыз – Sputnik"), a byline with a time ("Атырау,
    28 сентября 22:23") or a paragraph opening on its day ("12 июня Глава государства …").
    The month must be written as a month alone: "1 қыркүйекке дейін" is a deadline."""
    recalls = tuple(_settings()["recalls"])
    for line in lines[:_settings()["limits"]["head_lines"]]:
        for m in DAY_MONTH.finditer(line):
            month = _month_numbers().get(m.group("month").lower().rstrip("."))
            prefix = line[:m.start()].strip()
            if month is None or prefix.lower().startswith(recalls) or not (
                    not prefix or m.group("time") or _place_label(prefix)):
                continue
            try:
                date(2000, month, int(m.group("day")))  # a leap year: 29 February is a day
            except ValueError:
                continue
            return month, int(m.group("day"))
    return None


def _url_date(url: str, latest: date) -> date | None:
    for m in URL_DATE.finditer(url):
        found = _valid(m.group("year"), m.group("month"), m.group("day"), latest)
        if found:
            return found
    return None


def _byline_lines(lines: Sequence[str]) -> list[tuple[int, str]]:
    """Bylines stand at the top of a page or at its bottom; each line with its number."""
    head, tail = _settings()["limits"]["head_lines"], _settings()["limits"]["tail_lines"]
    numbered = list(enumerate(lines))
    if len(lines) <= head + tail:
        return numbered
    return [*numbered[:head], *numbered[-tail:]]


def _byline_dates(lines: Sequence[tuple[int, str]], latest: date
                  ) -> Iterator[tuple[int, date]]:
    limits = _settings()["limits"]
    for number, line in lines:
        for pattern in _patterns():
            for m in pattern.finditer(line):
                month = m.group("month")
                month_number = int(month) if month.isdigit() else _month(month)
                found = _valid(m.group("year"), month_number, m.group("day"), latest)
                if found is None:
                    continue
                rest = len(line) - (m.end() - m.start())
                prefix = line[:m.start()]
                if (m.group("time") or rest <= limits["byline_rest_chars"]
                        or _dateline(prefix, limits["dateline_prefix_chars"])):
                    yield number, found


def _own_dates(dated: Iterator[tuple[int, date]]) -> list[date]:
    """The byline dates that are not a listing's: a run of dated lines a headline or two
    apart ("Сондай-ақ оқыңыз", "Последние новости", a paper's past issues) dates other
    articles, not this one."""
    limits = _settings()["limits"]
    runs: list[list[tuple[int, date]]] = []
    for number, found in dated:
        if runs and number - runs[-1][-1][0] <= limits["listing_gap_lines"]:
            runs[-1].append((number, found))
        else:
            runs.append([(number, found)])
    return [found for run in runs if len({n for n, _ in run}) < limits["listing_dates"]
            for _, found in run]


def _dateline(prefix: str, limit: int) -> bool:
    """ "АСТАНА, ", "Алматы. ", "Опубликовано:", "date": a place or a label opening the
    paragraph, the date right after it."""
    prefix = prefix.strip()
    if not prefix or len(prefix) > limit:
        return False
    return len(prefix.split()) == 1 or _place_label(prefix)


def _place_label(prefix: str) -> bool:
    """ "АСТАНА,", "Рудный.", "НҰР-СҰЛТАН,": a capitalised place or label of a few words,
    closed by a comma, a period or a colon."""
    return prefix[-1] in ",.:" and prefix[:1].isupper() and len(prefix.split()) <= 3

def _valid(year: str | int, month: str | int | None, day: str | int, latest: date
           ) -> date | None:
    if month is None:
        return None
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    first = _settings()["limits"]["first_year"]
    return found if date(first, 1, 1) <= found <= latest else None
