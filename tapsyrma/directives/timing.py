"""Deadlines ("до конца года", "жыл соңына дейін") and recurrences ("раз в два месяца",
"ай сайын") of directives, in Russian and Kazakh.

Precision first: a date or a year is a deadline only behind a deadline preposition or
postposition ("до", "к", "не позднее", "в течение", "дейін", "қарай", "ішінде", "алдағы …-да");
"в 2019 году" is not one, nor is "до 300 тысяч тенге". Weak forms without one ("биыл",
"летом", "в следующем году") are taken only when nothing stronger is in the sentence.

Dates are computed relative to the publication date. Conventions:
- "до конца X" is the last day of X; "до начала X", "к X", "X-ке дейін" (a season, an event,
  a month) is the day X starts: "до нового учебного года" is Sep 1, "күзге дейін" Sep 1;
- a season adverb ("летом", "көктемде") is the season's last day;
- "в течение N …", "N … ішінде", "алдағы N …-да" is the publication date plus N units;
- a day or a month without a year is its next occurrence on or after the publication date;
- a bare year ("к 2030 году", "2025 жылға дейін") is Dec 31 of that year.
The word lists and the customary dates (heating season, school year) are in
`tapsyrma/data/timing.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Generic, TypeVar

from dateutil.relativedelta import relativedelta

from tapsyrma.data import load
from tapsyrma.records import Deadline, Recurrence

__all__ = ["find_deadline", "find_recurrence"]

_B = r"(?<![\w-])"  # a word starts here
_E = r"(?!\w)"  # a word ends here
_FLAGS = re.IGNORECASE
_FOLD = {"ru": str.maketrans("ёЁ", "еЕ"), "kk": str.maketrans("ёЁi", "еЕі")}
_MONTHS_IN = {"month": 1, "quarter": 3, "halfyear": 6, "season": 3, "year": 12}
# A word that may continue a Russian genitive phrase: "до утверждения нового состава".
GENITIVE_RU = r"[а-яё]+(?:ого|его|ых|их|ой|ей|ии|ия|ов|ев|а|я)(?!\w)"
_FREQ = {"day": ("DAILY", 1), "week": ("WEEKLY", 1), "month": ("MONTHLY", 1),
         "quarter": ("MONTHLY", 3), "halfyear": ("MONTHLY", 6), "year": ("YEARLY", 1)}


class _Skip:
    """A match that turned out not to be a deadline or a recurrence."""


SKIP = _Skip()
T = TypeVar("T")
Value = date | str | None | _Skip
Handler = Callable[[re.Match[str], date | None], Value]


# --- words ------------------------------------------------------------------------------------


def _fold(text: str, lang: str) -> str:
    """Same-length normalisation: ё as е, a Latin i in Kazakh as і."""
    return text.translate(_FOLD.get(lang, _FOLD["ru"]))


def _key(text: str, lang: str) -> str:
    return " ".join(_fold(text, lang).lower().split())


@dataclass(frozen=True)
class _Words(Generic[T]):
    """A closed class of words: a regex alternation and the meaning of each form."""

    lang: str
    meaning: dict[str, T]

    @property
    def re(self) -> str:
        forms = sorted(self.meaning, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"

    def __getitem__(self, form: str) -> T:
        return self.meaning[_key(form, self.lang)]

    def get(self, form: str | None) -> T | None:
        return None if form is None else self.meaning.get(_key(form, self.lang))


def _words(lang: str, pairs: Iterable[tuple[str, T]]) -> _Words[T]:
    return _Words(lang, {_key(form, lang): value for form, value in pairs})


def _numbered(lang: str, table: dict[str, list[str]]) -> _Words[int]:
    """Words from a TOML table `number = [forms]`."""
    return _words(lang, ((f, int(v)) for v, forms in table.items() for f in forms))


def _named(lang: str, table: dict[str, list[str]]) -> _Words[str]:
    """Words from a TOML table `name = [forms]`."""
    return _words(lang, ((f, k) for k, forms in table.items() for f in forms))


def _same(lang: str, forms: Iterable[str]) -> _Words[str]:
    return _words(lang, ((f, f) for f in forms))


def _roman() -> list[tuple[str, int]]:
    """Roman ordinals of quarters and half-years: "II квартал", "I тоқсан"."""
    return list(load("timing")["conventions"]["roman"].items())


def _compose(values: list[int]) -> int:
    """The number that a sequence of number words spells: [2, 1000, 20, 2] is 2022."""
    total = current = 0
    for v in values:
        if v == 1000:
            total, current = total + (current or 1) * 1000, 0
        elif v == 100:
            current = (current or 1) * 100
        else:
            current += v
    return total + current


def _number(text: str | None, words: _Words[int]) -> int | None:
    """Digits ("10", "1-не") or number words ("екі мың жиырма екінші")."""
    if text is None:
        return None
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    values = [words.get(t) for t in text.split()]
    return _compose([v for v in values if v is not None]) if all(values) else None


def _year(value: int | None) -> int | None:
    """A year as written: 2025, or 25 for "жиырма бесінші жыл"."""
    if value is None:
        return None
    if 10 <= value < 100:
        return 2000 + value
    return value if 1900 <= value <= 2200 else None


# --- the calendar -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Period:
    """A calendar period named in text: "первого квартала следующего года", "мамырдың"."""

    unit: str  # year, halfyear, quarter, month, week, season
    first: int | None = None  # its first month, when named (a quarter, a month, a season)
    year: int | None = None  # an absolute year
    year_shift: int | None = None  # 0 this year, 1 next year
    shift: int = 0  # 0 the current period, 1 the next one


def _span(year: int, first: int, months: int) -> tuple[date, date]:
    start = date(year, first, 1)
    return start, start + relativedelta(months=months, days=-1)


def _bounds(p: _Period, published: date | None) -> tuple[date, date] | None:
    """The first and last day of a period, or None when it needs an unknown publication date."""
    year = p.year
    if year is None and p.year_shift is not None:
        if published is None:
            return None
        year = published.year + p.year_shift
    if p.unit == "year":
        if year is None:
            if published is None:
                return None
            year = published.year + p.shift
        return date(year, 1, 1), date(year, 12, 31)
    if published is None and (year is None or p.first is None):
        return None
    if p.unit == "week":
        assert published is not None
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=p.shift)
        return monday, monday + timedelta(days=6)
    months = _MONTHS_IN[p.unit]
    if p.first is not None and year is not None:
        return _span(year, p.first, months)
    assert published is not None
    if p.first is not None:
        spans = (_span(y, p.first, months) for y in range(published.year - 1, published.year + 2))
        return next(s for s in spans if s[1] >= published)
    first = (published.month - 1) // months * months + 1
    start = date(published.year, first, 1) + relativedelta(months=months * p.shift)
    return start, start + relativedelta(months=months, days=-1)


def _end(p: _Period, published: date | None) -> date | None:
    bounds = _bounds(p, published)
    return bounds[1] if bounds else None


def _start(p: _Period, published: date | None) -> date | None:
    bounds = _bounds(p, published)
    return bounds[0] if bounds else None


def _on_or_after(published: date | None, month: int, day: int, year: int | None) -> date | None:
    """That day of that year, or its next occurrence on or after the publication date."""
    if year is not None:
        return date(year, month, day)
    if published is None:
        return None
    this = date(published.year, month, day)
    return this if this >= published else date(published.year + 1, month, day)


def _add(published: date | None, n: int, unit: str, working: bool = False) -> date | None:
    """The publication date plus n units (working days skip Saturdays and Sundays)."""
    if published is None:
        return None
    if unit == "day" and working:
        day = published
        for _ in range(n):
            day += timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
        return day
    if unit in ("day", "week"):
        return published + timedelta(days=n * (7 if unit == "week" else 1))
    return published + relativedelta(months=n * _MONTHS_IN[unit])


def _year_of(year: int | None, shift: int | None, published: date | None) -> int | None | _Skip:
    """The year named after a date: absolute, or this/next year relative to publication."""
    if year is not None:
        return year
    if shift is not None:
        return published.year + shift if published else SKIP
    return None


# --- recurrence rules -------------------------------------------------------------------------


def _rule(freq: str, interval: int) -> str:
    return f"FREQ={freq}" if interval == 1 else f"FREQ={freq};INTERVAL={interval}"


def _every(n: int, unit: str) -> str:
    freq, factor = _FREQ[unit]
    return _rule(freq, n * factor)


def _times(k: int, n: int, unit: str) -> str | None:
    """k times in n units as an RRULE: twice a year is every 6 months."""
    if k == 1:
        return _every(n, unit)
    if unit in ("month", "quarter", "halfyear", "year"):
        months = n * _MONTHS_IN[unit]
        if months % k == 0:
            return _rule("MONTHLY", months // k)
        return _rule("WEEKLY", max(1, round(months * 52 / 12 / k)))
    days = n * (7 if unit == "week" else 1)
    if days % k == 0:
        return _rule("DAILY", days // k)
    bydays = load("timing")["conventions"]["weekly_bydays"]
    if unit == "week" and n == 1 and str(k) in bydays:
        return f"FREQ=WEEKLY;BYDAY={bydays[str(k)]}"
    return _rule("HOURLY", 24 * days // k) if 24 * days % k == 0 else None


# --- matching ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: Handler
    strength: int = 3  # 3 behind a preposition, 2 a named period, 1 a bare adverb


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    strength: int
    value: date | str | None


def _hits(text: str, rules: Iterable[_Rule], published: date | None) -> Iterator[_Hit]:
    for rule in rules:
        for m in rule.pattern.finditer(text):
            try:
                value = rule.handler(m, published)
            except (ValueError, OverflowError, KeyError, StopIteration):
                continue
            if not isinstance(value, _Skip):
                yield _Hit(m.start(), m.end(), rule.strength, value)


def _best(hits: list[_Hit]) -> _Hit | None:
    """The strongest hit not inside a longer one at least as strong; the first on a tie."""

    def covered(h: _Hit) -> bool:
        return any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                   and o.strength >= h.strength for o in hits)

    kept = [h for h in hits if not covered(h)]
    return min(kept, key=lambda h: (-h.strength, h.start, h.start - h.end), default=None)


def _past_before(text: str, start: int, past: _Words[str]) -> bool:
    """Is the span preceded by a past marker ("прошлым летом", "2019 жылы", "өткен жылы")?"""
    before = text[max(0, start - 30):start]
    return bool(re.search(rf"(?:{_B}{past.re}(?:\s+\w+)?|\d{{4}}\s*-?\s*\w*\.?)\s*$", before,
                          _FLAGS))


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


# --- Russian ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ru:
    """Russian word classes and their regexes."""

    prep: str
    edges: _Words[str]
    mods: _Words[int]
    past: _Words[str]
    units: _Words[str]
    periods: _Words[tuple[str, int | None]]
    months: _Words[int]
    seasons: _Words[str]
    season_adverbs: _Words[str]
    numbers: _Words[int]
    cardinals: _Words[int]
    ordinals: _Words[int]
    quals: str
    adverbs: _Words[str]
    adjectives: _Words[str]
    term_stems: _Words[str]
    term_prefixes: _Words[int]
    urgent: str
    event_nouns: str
    recurring_work: str
    prepared_for: tuple[str, ...]

    @property
    def num(self) -> str:
        w = rf"{self.numbers.re}{_E}"
        return rf"{w}(?:\s+{w}){{0,5}}"

    @property
    def year(self) -> str:
        return r"(?:года|году|г\.|г(?!\w))"


@cache
def _ru() -> _Ru:
    d = load("timing")["ru"]
    cardinals = _numbered("ru", d["cardinals"])
    ordinals = _words("ru", [*_numbered("ru", d["ordinals"]).meaning.items(), *_roman()])
    units = _named("ru", d["units"])
    months = _numbered("ru", d["months"])
    seasons = _named("ru", d["seasons"])
    start = load("timing")["conventions"]["season_start"]
    periods: list[tuple[str, tuple[str, int | None]]] = [
        *((f, (u, None)) for f, u in units.meaning.items() if u != "day"),
        *((f, ("month", m)) for f, m in months.meaning.items()),
        *((f, ("season", start[s])) for f, s in seasons.meaning.items())]
    return _Ru(
        prep=_same("ru", d["genitive_preps"] + d["dative_preps"]).re,
        edges=_named("ru", d["edges"]), mods=_numbered("ru", d["modifiers"]),
        past=_same("ru", d["past_words"]), units=units, periods=_words("ru", periods),
        months=months, seasons=seasons,
        season_adverbs=_words("ru", ((v, k) for k, v in d["season_adverbs"].items())),
        numbers=_words("ru", [*cardinals.meaning.items(), *ordinals.meaning.items()]),
        cardinals=cardinals, ordinals=ordinals, quals=_same("ru", d["qualifiers"]).re,
        adverbs=_words("ru", d["adverbs"].items()),
        adjectives=_words("ru", d["adjective_stems"].items()),
        term_stems=_words("ru", ((v, k) for k, v in d["term"]["stems"].items())),
        term_prefixes=_numbered("ru", d["term"]["prefixes"]),
        urgent=_same("ru", d["urgent"]).re, event_nouns=_same("ru", d["event_nouns"]).re,
        recurring_work=_same("ru", d["recurring_work"]).re,
        prepared_for=tuple(d["prepared_for"]),
    )


def _ru_period(m: re.Match[str], published: date | None) -> _Period | _Skip:
    """The period of a Russian match with groups pord, pmod, punit, pyear, pymod."""
    ru = _ru()
    unit, first = ru.periods[m["punit"]]
    ordinal = ru.ordinals.get(m["pord"])
    if ordinal is not None and unit in ("quarter", "halfyear"):
        if not 1 <= ordinal <= 12 // _MONTHS_IN[unit]:
            return SKIP
        first = (ordinal - 1) * _MONTHS_IN[unit] + 1
    shift = ru.mods.get(m["pmod"])
    year = _year_of(int(m["pyear"]) if m["pyear"] else None, ru.mods.get(m["pymod"]), published)
    if isinstance(year, _Skip):  # "… следующего года" with no publication date: no date
        return _Period(unit, first, year_shift=0)
    if unit == "year":
        return _Period("year", year=year, year_shift=shift)
    return _Period(unit, first, year=year, shift=shift or 0)


def _ru_period_re() -> str:
    ru = _ru()
    yearspec = rf"(?:\s+(?:(?P<pyear>\d{{4}})\s*{ru.year}|(?P<pymod>{ru.mods.re})\s+{ru.year}))?"
    return (rf"(?:(?P<py>\d{{4}})\s*(?:-?го\s+)?{ru.year}"
            rf"|(?:(?P<pord>{ru.ordinals.re})\s+)?(?:(?P<pmod>{ru.mods.re})\s+)?"
            rf"(?P<punit>{ru.periods.re}){_E}{yearspec})")


def _ru_edge(m: re.Match[str], published: date | None) -> Value:
    """"до конца первого квартала следующего года", "к началу 2025 года"."""
    if m["py"]:
        period: _Period | _Skip = _Period("year", year=int(m["py"]))
    else:
        period = _ru_period(m, published)
    if isinstance(period, _Skip):
        return SKIP
    if _ru().edges[m["edge"]] == "start":
        return _start(period, published)
    return _end(period, published)


def _ru_in_period(m: re.Match[str], published: date | None) -> Value:
    """"в первом квартале следующего года": explicit past years are no deadlines."""
    if m["pyear"] and (published is None or int(m["pyear"]) < published.year):
        return SKIP
    period = _ru_period(m, published)
    return SKIP if isinstance(period, _Skip) else _end(period, published)


def _ru_in_year(m: re.Match[str], published: date | None) -> Value:
    """"в следующем году": the end of that year."""
    return _end(_Period("year", year_shift=_ru().mods[m["mod"]]), published)


def _in_named_year(m: re.Match[str], published: date | None) -> Value:
    """"в 2024 году завершить", "2025 жылы аяқтау": the end of that year, unless it is past."""
    year = int(m["year"])
    return SKIP if published and year < published.year else date(year, 12, 31)


def _ru_in_current(m: re.Match[str], published: date | None) -> Value:
    """"на следующей неделе", "в этом месяце": the end of that week, month or quarter."""
    ru = _ru()
    return _end(_Period(ru.units[m["unit"]], shift=ru.mods[m["mod"]]), published)


def _undated(m: re.Match[str], published: date | None) -> Value:
    """"незамедлительно", "до назначения акимов", "тез арада": a term with no day to compute."""
    return None


def _ru_date(m: re.Match[str], published: date | None) -> Value:
    """"до 1 июля 2025 года", "к 1 сентября", "не позднее 15 декабря следующего года"."""
    ru = _ru()
    day = _number(m["day"], ru.numbers)
    year = _year_of(int(m["year"]) if m["year"] else None, ru.mods.get(m["ymod"]), published)
    if day is None:
        return SKIP
    if isinstance(year, _Skip):
        return None
    return _on_or_after(published, ru.months[m["month"]], day, year)


def _ru_day_of_month(m: re.Match[str], published: date | None) -> Value:
    """"до 10 числа месяца, следующего за отчетным": the next such day (each month's, when
    the order recurs)."""
    day = int(m["day"])
    if published is None or not 1 <= day <= 28:
        return None
    month = published.month + (day <= published.day)
    return date(published.year + (month > 12), (month - 1) % 12 + 1, day)


def _numeric_date(m: re.Match[str], published: date | None) -> Value:
    """"до 01.07.2025"."""
    year = int(m["y"])
    return date(year + 2000 if year < 100 else year, int(m["m"]), int(m["d"]))


def _ru_month(m: re.Match[str], published: date | None) -> Value:
    """"до мая", "к марту 2025 года": the first day of the month."""
    ru = _ru()
    year = _year_of(int(m["year"]) if m["year"] else None, ru.mods.get(m["ymod"]), published)
    if isinstance(year, _Skip):
        return None
    return _on_or_after(published, ru.months[m["month"]], 1, year)


def _ru_year(m: re.Match[str], published: date | None) -> Value:
    """"к 2030 году", "до 2025 года": Dec 31 of that year."""
    year = _year(_number(m["year"], _ru().numbers))
    return SKIP if year is None else date(year, 12, 31)


def _ru_within(m: re.Match[str], published: date | None) -> Value:
    """"в течение двух месяцев", "в течение 10 рабочих дней", "в течение текущего года"."""
    ru = _ru()
    unit = ru.units[m["unit"]]
    if m["mod"]:
        return SKIP if unit == "day" else _end(_Period(unit, shift=ru.mods[m["mod"]]), published)
    n = _number(m["n"], ru.cardinals) if m["n"] else 1
    if n is None or n > 1000:
        return SKIP
    return _add(published, n, unit, working=bool(m["work"]) and m["work"].lower() == "рабочих")


GIVEN_RU = re.compile(r"(?:^|\s)(?:дал|дала|дали|дало|дано|даст|дадим|даю|отв[её]л[аи]?)"
                      r"\s(?:\S+\s){0,4}$", re.IGNORECASE)


def _ru_given(m: re.Match[str], published: date | None) -> Value:
    """"дал … две недели на …": the term is the time given, counted from the page's date."""
    if not GIVEN_RU.search(m.string[:m.start()]):
        return SKIP
    return _ru_within(m, published)


def _ru_term(m: re.Match[str], published: date | None) -> Value:
    """"в двухнедельный срок", "в 10-дневный срок", "в месячный срок"."""
    ru = _ru()
    n = int(m["digits"]) if m["digits"] else ru.term_prefixes.get(m["pre"]) or 1
    return _add(published, n, ru.term_stems[m["stem"]])


def _event(day: list[int]) -> Handler:
    """"до начала отопительного сезона": the event's customary date (see timing.toml)."""

    def handler(m: re.Match[str], published: date | None) -> Value:
        return SKIP if _prepared_for(m) else _on_or_after(published, day[0], day[1], None)

    return handler


def _prepared_for(m: re.Match[str]) -> bool:
    """ "подготовиться к новому учебному году": what is prepared for, not a deadline."""
    if not m.group(0).lower().startswith("к"):
        return False
    before = m.string[max(0, m.start() - 30):m.start()].split()
    return bool(before) and before[-1].lower().startswith(tuple(_ru().prepared_for))


def _ru_season_by(m: re.Match[str], published: date | None) -> Value:
    """"к зиме", "до весны следующего года": the first day of the season."""
    ru = _ru()
    if _prepared_for(m):
        return SKIP
    first = load("timing")["conventions"]["season_start"][ru.seasons[m["season"]]]
    year = _year_of(None, ru.mods.get(m["ymod"]), published)
    if isinstance(year, _Skip):
        return None
    return _start(_Period("season", first, year=year), published)


def _ru_season(m: re.Match[str], published: date | None) -> Value:
    """"летом", "осенью следующего года": the last day of the season."""
    ru = _ru()
    if _past_before(m.string, m.start(), ru.past):
        return SKIP
    if m["year"] and (published is None or int(m["year"]) < published.year):
        return SKIP
    first = load("timing")["conventions"]["season_start"][ru.season_adverbs[m["sadv"]]]
    year = _year_of(int(m["year"]) if m["year"] else None, ru.mods.get(m["ymod"]), published)
    if isinstance(year, _Skip):
        return None
    return _end(_Period("season", first, year=year), published)


@cache
def _ru_deadline_rules() -> tuple[_Rule, ...]:
    ru = _ru()
    prep = rf"{_B}(?:{ru.prep}){_E}\s+"
    mod_year = rf"(?:\s+(?P<year>\d{{4}})\s*{ru.year}|\s+(?P<ymod>{ru.mods.re})\s+{ru.year})?"
    stems = ru.term_stems.re
    unit = rf"(?P<unit>{ru.units.re}){_E}"
    rules = [
        _Rule(_compile(rf"{prep}(?P<edge>{ru.edges.re})\s+{_ru_period_re()}"), _ru_edge),
        _Rule(_compile(rf"{_B}во?\s+(?P<pord>{ru.ordinals.re})\s+(?P<punit>квартале|полугодии)"
                       rf"\s+(?:(?P<pyear>\d{{4}})\s*{ru.year}|(?P<pymod>{ru.mods.re})\s+"
                       rf"{ru.year})(?P<pmod>(?!))?"), _ru_in_period, 2),
        _Rule(_compile(rf"{_B}в\s+(?P<mod>{ru.mods.re})\s+году{_E}"), _ru_in_year, 1),
        _Rule(_compile(rf"{_B}в\s+(?P<year>\d{{4}})\s*(?:-?м\s+)?году{_E}"), _in_named_year, 1),
        _Rule(_compile(rf"{prep}(?P<day>\d{{1,2}}|{ru.num})(?:-?го)?\s+"
                       rf"(?P<month>{ru.months.re}){_E}{mod_year}"), _ru_date),
        _Rule(_compile(rf"{prep}(?P<day>\d{{1,2}})(?:-?го)?\s+числа(?:\s+(?:каждого\s+)?месяца"
                       rf"(?:,?\s+следующего\s+за\s+отчетным)?)?{_E}"), _ru_day_of_month),
        _Rule(_compile(rf"{prep}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})"
                       rf"(?!\d)(?:\s*{ru.year})?"), _numeric_date),
        _Rule(_compile(rf"{prep}(?P<month>{ru.months.re}){_E}{mod_year}"), _ru_month),
        _Rule(_compile(rf"{prep}(?P<year>\d{{4}}|{ru.num})\s*(?:-?(?:го|му|м)\s+)?{ru.year}"),
              _ru_year),
        _Rule(_compile(rf"{_B}(?:в\s+течени[еи]|(?:не\s+позднее|не\s+позже)\s+(?:чем\s+)?через)"
                       rf"\s+(?:(?P<n>\d{{1,3}}|{ru.num})\s+)?(?:(?P<mod>{ru.mods.re})\s+)?"
                       rf"(?:(?P<work>рабочих|календарных)\s+)?{unit}"), _ru_within),
        _Rule(_compile(rf"{_B}через\s+(?:(?P<n>\d{{1,3}}|{ru.num})\s+)?(?P<mod>(?!))?"
                       rf"(?P<work>(?!))?{unit}"), _ru_within, 1),
        # "за 3 месяца ликвидировать свалки": the time to do it in, right before the verb
        # (not "за 3 месяца построено", a report)
        _Rule(_compile(rf"{_B}за\s+(?:(?P<n>\d{{1,3}}|{ru.num})\s+)?(?P<mod>(?!))?"
                       rf"(?P<work>(?!))?{unit}(?=\s+(?:не\s+)?[а-яё]+(?:ть|ти|чь)(?:ся)?{_E})"),
              _ru_within, 1),
        # "дал правительству две недели на …", "дали месяц, чтобы …": the time given
        _Rule(_compile(rf"{_B}(?:(?P<n>\d{{1,3}}|{ru.num})\s+)?(?P<mod>(?!))?(?P<work>(?!))?"
                       rf"{unit}(?=\s*,?\s*(?:на|для|чтобы){_E})"), _ru_given, 1),
        _Rule(_compile(rf"{_B}в\s+(?:(?P<digits>\d{{1,3}})(?:-х)?-?|(?P<pre>"
                       rf"{ru.term_prefixes.re}))?(?P<stem>{stems})(?:ый|ой)\s+срок{_E}"),
              _ru_term),
        _Rule(_compile(rf"{prep}(?P<season>{ru.seasons.re}){_E}"
                       rf"(?:\s+(?P<ymod>{ru.mods.re})\s+{ru.year})?"), _ru_season_by),
        _Rule(_compile(rf"{_B}(?P<sadv>{ru.season_adverbs.re})(?:\s+(?P<ymod>{ru.mods.re})\s+"
                       rf"{ru.year}|\s+(?P<year>\d{{4}})\s*{ru.year})?(?!\s+(?:{ru.past.re}|"
                       rf"\d{{4}}))"), _ru_season, 1),
        _Rule(_compile(rf"{_B}(?:в|на)\s+(?P<mod>{ru.mods.re})\s+(?P<unit>неделе|месяце|квартале)"
                       rf"{_E}"), _ru_in_current, 1),
        _Rule(_compile(rf"{_B}(?:вплоть\s+)?до\s+(?:(?:следующего|очередного)\s+)?"
                       rf"(?:{ru.event_nouns}){_E}(?:\s+{GENITIVE_RU}){{0,2}}"), _undated, 2),
        _Rule(_compile(rf"{_B}(?:{ru.urgent}){_E}"), _undated, 1),
    ]
    edges = "|".join(f for f, e in ru.edges.meaning.items() if e == "start")
    for event in load("timing")["events"]:
        pattern = rf"{prep}(?:(?:{edges})\s+)?(?:{event['ru_re']}){_E}"
        rules.append(_Rule(_compile(pattern), _event(event["date"])))
    return tuple(rules)


def _ru_times(m: re.Match[str], published: date | None) -> Value:
    """"раз в два месяца", "не реже одного раза в месяц", "дважды в год"."""
    ru = _ru()
    times = m["t"].lower()
    k = {"дважды": 2, "трижды": 3}.get(times) or (_number(m["k"], ru.cardinals) if m["k"] else 1)
    n = _number(m["n"], ru.cardinals) if m["n"] else 1
    if not k or not n or k > 100 or n > 100:
        return SKIP
    rrule = _times(k, n, ru.units[m["unit"]])
    return SKIP if rrule is None else rrule


def _ru_each(m: re.Match[str], published: date | None) -> Value:
    """"каждые три месяца", "каждую неделю"."""
    ru = _ru()
    n = _number(m["n"], ru.cardinals) if m["n"] else 1
    if not n or n > 100:
        return SKIP
    return _every(n, ru.units[m["unit"]])


@cache
def _ru_recurrence_rules() -> tuple[_Rule, ...]:
    ru = _ru()
    qual = rf"{_B}(?:(?P<q>{ru.quals}){_E}\s+)?"
    card = rf"(?:{ru.cardinals.re}{_E}|\d{{1,2}}(?!\d))"
    unit = rf"(?P<unit>{ru.units.re}){_E}"
    return (
        _Rule(_compile(rf"{qual}(?:(?P<k>{card})\s+)?(?P<t>раза?|дважды|трижды)\s+в\s+"
                       rf"(?:(?P<n>{card})\s+)?{unit}"), _ru_times),
        _Rule(_compile(rf"{qual}кажд(?:ый|ую|ое|ые|ого|ой|ом|ых){_E}\s+(?:(?P<n>{card})\s+)?"
                       rf"{unit}"), _ru_each),
        _Rule(_compile(rf"{qual}(?P<adv>{ru.adverbs.re}){_E}"),
              lambda m, _: ru.adverbs[m["adv"]]),
        _Rule(_compile(rf"{_B}(?:в|на)\s+(?P<adj>{ru.adjectives.re})\w*\s+"
                       rf"(?:режиме|основе|порядке){_E}"),
              lambda m, _: ru.adjectives[m["adj"]]),
        _Rule(_compile(rf"{_B}(?P<adj>{ru.adjectives.re})\w*(?=\s+(?:{ru.recurring_work}))"),
              lambda m, _: ru.adjectives[m["adj"]], 1),  # "ежедневный отчёт"
    )


# --- Kazakh -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kk:
    """Kazakh word classes and their regexes."""

    post: str
    edges: _Words[str]
    mods: _Words[int]
    past: _Words[str]
    units: dict[str, _Words[str]]  # by role: nom, loc, per, gen, adj, in
    month_stems: tuple[str, ...]
    month_tail: str
    numbers: _Words[int]
    cardinals: _Words[int]
    seasons_loc: _Words[str]
    seasons_dat: _Words[str]
    adverbs: _Words[int]
    within: str
    quals: str
    quals_after: str
    times: str
    year_gen: str
    year_dat: str
    urgent: str
    event: str
    adjectives: _Words[str]
    recurring_work: str

    @property
    def num(self) -> str:
        w = rf"{self.numbers.re}{_E}"
        return rf"(?:\d{{1,4}}(?!\d)|{w}(?:\s+{w}){{0,5}})"

    @property
    def day(self) -> str:
        w = rf"{self.numbers.re}{_E}"
        return rf"(?:\d{{1,2}}(?:-?[^\W\d_]+)?(?![\w\d])|{w}(?:\s+{w}){{0,5}})"

    @property
    def month(self) -> str:
        stems = _words("kk", ((s, s) for s in self.month_stems)).re
        return rf"{stems}\w*{self.month_tail}"

    def month_number(self, text: str) -> int:
        word = _key(text, "kk")
        return next(i + 1 for i, s in enumerate(self.month_stems) if word.startswith(s))

    def unit(self, *roles: str) -> str:
        return "(?:" + "|".join(self.units[r].re for r in roles) + rf"){_E}"

    def unit_of(self, text: str) -> str:
        return next(w[text] for w in self.units.values() if w.get(text) is not None)


def _kk_number_forms(table: dict[str, list[str]]) -> list[tuple[str, int]]:
    """Cardinals, ordinals, possessives and possessive datives ("біріне", "жиырмасына")."""
    out = []
    for value, forms in table.items():
        for form in forms:
            out.append((form, int(value)))
        possessive = forms[2]
        back = next((c for c in reversed(possessive) if c in "аәоөұүыіеуи"), "ы") in "аоұы"
        out.append((possessive + ("на" if back else "не"), int(value)))
    return out


@cache
def _kk() -> _Kk:
    d = load("timing")["kk"]

    def lst(key: str) -> str:
        return _same("kk", d[key]).re

    numbers = _kk_number_forms(d["numbers"]) + _roman()
    return _Kk(
        post=rf"{lst('postpositions')}{_E}", edges=_named("kk", d["edges"]),
        mods=_numbered("kk", d["modifiers"]), past=_same("kk", d["past_words"]),
        units={role: _words("kk", ((f, u) for u, roles in d["units"].items() for f in roles[role]))
               for role in ("nom", "loc", "per", "gen", "adj", "in")},
        month_stems=tuple(_key(s, "kk") for s in d["month_stems"]), month_tail=d["month_tail_re"],
        numbers=_words("kk", numbers),
        cardinals=_words("kk", ((forms[0], int(v)) for v, forms in d["numbers"].items())),
        seasons_loc=_words("kk", ((f, s) for s, r in d["seasons"].items() for f in r["loc"])),
        seasons_dat=_words("kk", ((f, s) for s, r in d["seasons"].items() for f in r["dat"])),
        adverbs=_numbered("kk", d["adverbs"]), within=lst("within"), quals=lst("qualifiers"),
        quals_after=lst("qualifier_after"), times=lst("times"), year_gen=lst("year_gen"),
        year_dat=lst("year_dat"), urgent=lst("urgent"), event=d["event_re"],
        adjectives=_words("kk", d["adjectives"].items()), recurring_work=lst("recurring_work"),
    )


def _kk_year_prefix(kk: _Kk, strict: bool = False) -> str:
    """"2025 жылғы", "осы жылдың" before a date or a period; "биылғы" too unless strict."""
    gen = rf"{kk.year_gen}{_E}\s+"
    return (rf"(?:(?P<ypre>{kk.num})\s*-?\s*{gen}"
            rf"|(?P<ymod>{kk.mods.re}){_E}\s+{gen if strict else f'(?:{gen})?'})?")


def _kk_year(m: re.Match[str], published: date | None) -> int | None | _Skip:
    kk = _kk()
    if m["ypre"]:
        year = _year(_number(m["ypre"], kk.numbers))
        return SKIP if year is None else year
    return _year_of(None, kk.mods.get(m["ymod"]), published)


def _kk_period(m: re.Match[str], published: date | None) -> _Period | _Skip:
    """The period of a Kazakh match: "келесі жылдың бірінші тоқсанының", "мамырдың"."""
    kk = _kk()
    if m["py"]:
        absolute = _year(_number(m["py"], kk.numbers))
        return SKIP if absolute is None else _Period("year", year=absolute)
    year = _kk_year(m, published)
    if isinstance(year, _Skip):  # "келесі жылдың …" with no publication date: no date
        return _Period("year", year_shift=0)
    shift = kk.mods.get(m["pmod"])
    if m["pmonth"]:
        return _Period("month", kk.month_number(m["pmonth"]), year=year)
    unit = kk.unit_of(m["punit"])
    if unit == "year":
        return _Period("year", year=year, year_shift=shift)
    first = None
    ordinal = _number(m["pord"], kk.numbers) if m["pord"] else None
    if ordinal is not None and unit in ("quarter", "halfyear"):
        if not 1 <= ordinal <= 12 // _MONTHS_IN[unit]:
            return SKIP
        first = (ordinal - 1) * _MONTHS_IN[unit] + 1
    return _Period(unit, first, year=year, shift=shift or 0)


def _kk_period_re(kk: _Kk, roles: tuple[str, ...]) -> str:
    return (rf"(?:(?P<py>{kk.num})\s*-?\s*{kk.year_gen}{_E}|{_kk_year_prefix(kk, True)}"
            rf"(?:(?P<pmod>{kk.mods.re}){_E}\s+)?(?:(?P<pord>{kk.num})\s+)?"
            rf"(?:(?P<punit>{kk.unit(*roles)})|(?P<pmonth>{kk.month})))")


def _kk_edge(m: re.Match[str], published: date | None) -> Value:
    """"жыл соңына дейін", "2025 жылдың соңына дейін", "келесі айдың басына дейін"."""
    period = _kk_period(m, published)
    if isinstance(period, _Skip):
        return SKIP
    if _kk().edges[m["edge"]] == "start":
        return _start(period, published)
    return _end(period, published)


def _kk_in_period(m: re.Match[str], published: date | None) -> Value:
    """"келесі жылдың бірінші тоқсанында": the end of it; past years are no deadlines."""
    year = _kk_year(m, published)
    if m["ypre"] and (published is None or not isinstance(year, int) or year < published.year):
        return SKIP
    period = _kk_period(m, published)
    return SKIP if isinstance(period, _Skip) else _end(period, published)


def _kk_date(m: re.Match[str], published: date | None) -> Value:
    """"1 қыркүйекке дейін", "қыркүйектің 1-не дейін", "осы жылдың отыз бірінші мамырына"."""
    kk = _kk()
    day = _number(m["day"], kk.numbers) if m["day"] else 1
    year = _kk_year(m, published)
    if day is None:
        return SKIP
    if isinstance(year, _Skip):
        return None
    return _on_or_after(published, kk.month_number(m["month"]), day, year)


def _kk_year_by(m: re.Match[str], published: date | None) -> Value:
    """"2025 жылға дейін", "екі мың жиырма екінші жылға дейін": Dec 31 of that year."""
    year = _year(_number(m["year"], _kk().numbers))
    return SKIP if year is None else date(year, 12, 31)


def _kk_within(m: re.Match[str], published: date | None) -> Value:
    """"бір ай ішінде", "екі апталық мерзімде", "алдағы үш жылда"."""
    kk = _kk()
    unit = kk.unit_of(m["unit"])
    n = _number(m["n"], kk.numbers) if m["n"] else None
    if n is None:
        n = 1 if unit == "halfyear" else 0
    if not 0 < n <= 1000:
        return SKIP
    return _add(published, n, unit)


def _kk_within_bare(m: re.Match[str], published: date | None) -> Value:
    """"үш айда" (in three months) with no "ішінде": not after "өткен", "соңғы"."""
    return SKIP if _past_before(m.string, m.start(), _kk().past) else _kk_within(m, published)


def _kk_within_mod(m: re.Match[str], published: date | None) -> Value:
    """"осы ай ішінде", "биылғы жыл ішінде": the end of that period."""
    kk = _kk()
    unit, shift = kk.unit_of(m["unit"]), kk.mods[m["mod"]]
    if unit == "day":
        return SKIP
    if unit == "year":
        return _end(_Period("year", year_shift=shift), published)
    return _end(_Period(unit, shift=shift), published)


def _kk_season_by(m: re.Match[str], published: date | None) -> Value:
    """"күзге дейін": the first day of the season."""
    first = load("timing")["conventions"]["season_start"][_kk().seasons_dat[m["season"]]]
    return _start(_Period("season", first), published)


def _kk_season(m: re.Match[str], published: date | None) -> Value:
    """"көктемде", "келесі жылы күзде": the last day of the season."""
    kk = _kk()
    if _past_before(m.string, m.start(), kk.past):
        return SKIP
    first = load("timing")["conventions"]["season_start"][kk.seasons_loc[m["season"]]]
    year = _year_of(None, kk.mods.get(m["ymod"]), published)
    if isinstance(year, _Skip):
        return None
    return _end(_Period("season", first, year=year), published)


def _kk_adverb(m: re.Match[str], published: date | None) -> Value:
    """"биыл", "келесі жылы": the end of that year."""
    kk = _kk()
    if _past_before(m.string, m.start(), kk.past):
        return SKIP
    return _end(_Period("year", year_shift=kk.adverbs[m["adv"]]), published)


@cache
def _kk_deadline_rules() -> tuple[_Rule, ...]:
    kk = _kk()
    post = rf"\s+{kk.post}"
    within = rf"\s+(?:{kk.within}){_E}"
    rules = [
        _Rule(_compile(rf"{_B}{_kk_period_re(kk, ('nom', 'gen'))}\s+(?P<edge>{kk.edges.re})"
                       rf"{post}"), _kk_edge),
        _Rule(_compile(rf"{_B}(?:(?P<ypre>{kk.num})\s*-?\s*{kk.year_gen}{_E}|(?P<ymod>"
                       rf"{kk.mods.re})\s+{kk.year_gen}{_E})\s+(?:(?P<pord>{kk.num})\s+)?"
                       rf"(?P<punit>{kk.unit('in')})(?P<py>(?!))?(?P<pmod>(?!))?(?P<pmonth>(?!))?"),
              _kk_in_period, 2),
        _Rule(_compile(rf"{_B}{_kk_year_prefix(kk)}(?P<day>{kk.day})\s+(?P<month>{kk.month})"
                       rf"{post}"), _kk_date),
        _Rule(_compile(rf"{_B}{_kk_year_prefix(kk)}(?P<month>{kk.month})\s+(?P<day>{kk.day})"
                       rf"{post}"), _kk_date),
        _Rule(_compile(rf"{_B}{_kk_year_prefix(kk)}(?P<month>{kk.month})(?P<day>(?!))?{post}"),
              _kk_date),
        _Rule(_compile(rf"{_B}(?P<year>{kk.num})\s*-?\s*(?:{kk.year_dat}|жылдарға){post}"),
              _kk_year_by),
        _Rule(_compile(rf"{_B}(?:алдағы\s+)?(?:(?P<n>{kk.num})\s+)?(?P<unit>"
                       rf"{kk.unit('nom', 'adj', 'gen')}){within}"), _kk_within),
        _Rule(_compile(rf"{_B}(?P<n>{kk.num})\s+(?P<unit>{kk.unit('loc')})"
                       rf"(?!\s+(?:\w+\s+)?(?:{kk.times}){_E})"), _kk_within_bare, 1),
        _Rule(_compile(rf"{_B}алдағы\s+(?P<n>{kk.num})\s+(?P<unit>{kk.unit('loc')})"),
              _kk_within),
        # "екі апта уақыт берді": the time given
        _Rule(_compile(rf"{_B}(?P<n>{kk.num})\s+(?P<unit>{kk.unit('nom')})"
                       rf"(?=\s+(?:уақыт|мерзім)\s+бер)"), _kk_within, 1),
        _Rule(_compile(rf"{_B}(?P<mod>{kk.mods.re})\s+(?P<unit>{kk.unit('nom')})\s+ішінде{_E}"),
              _kk_within_mod, 2),
        _Rule(_compile(rf"{_B}(?P<season>{kk.seasons_dat.re}){post}"), _kk_season_by),
        _Rule(_compile(rf"{_B}(?:(?P<ymod>{kk.mods.re})\s+(?:жылы\s+|жылдың\s+)?)?"
                       rf"(?P<season>{kk.seasons_loc.re}){_E}"), _kk_season, 1),
        _Rule(_compile(rf"{_B}(?P<adv>{kk.adverbs.re}){_E}"), _kk_adverb, 1),
        _Rule(_compile(rf"{_B}(?P<year>\d{{4}})\s*-?\s*жылы{_E}"), _in_named_year, 1),
        _Rule(_compile(rf"{_B}{kk.event}{post}"), _undated, 2),
        _Rule(_compile(rf"{_B}(?:{kk.urgent}){_E}"), _undated, 1),
    ]
    for event in load("timing")["events"]:
        rules.append(_Rule(_compile(rf"{_B}(?:{event['kk_re']}){post}"), _event(event["date"])))
    return tuple(rules)


def _kk_times(m: re.Match[str], published: date | None) -> Value:
    """"екі айда бір рет", "жылына екі рет", "айына кемінде бір рет"."""
    kk = _kk()
    k = _number(m["k"], kk.cardinals)
    n = _number(m["n"], kk.cardinals) if m["n"] else 1
    if not k or not n or k > 100 or n > 100:
        return SKIP
    rrule = _times(k, n, kk.unit_of(m["unit"]))
    return SKIP if rrule is None else rrule


def _kk_each(m: re.Match[str], published: date | None) -> Value:
    """"ай сайын", "екі ай сайын", "әр тоқсанда"."""
    kk = _kk()
    n = _number(m["n"], kk.cardinals) if m["n"] else 1
    if not n or n > 100:
        return SKIP
    return _every(n, "year" if m["unit"].lower() == "жылы" else kk.unit_of(m["unit"]))


@cache
def _kk_recurrence_rules() -> tuple[_Rule, ...]:
    kk = _kk()
    qual = rf"{_B}(?:(?:{kk.quals}){_E}\s+)?"
    card = rf"(?:{kk.cardinals.re}{_E}|\d{{1,2}}(?!\d))"
    return (
        _Rule(_compile(rf"{qual}(?:(?:әр|әрбір)\s+)?(?:(?P<n>{card})\s+)?"
                       rf"(?P<unit>{kk.unit('nom')})\s+сайын{_E}"), _kk_each),
        _Rule(_compile(rf"{qual}(?:(?P<n>{card})\s+)?(?P<unit>{kk.unit('loc', 'per')})\s+"
                       rf"(?:(?:{kk.quals}){_E}\s+)?(?P<k>{card})\s+(?:{kk.times}){_E}"
                       rf"(?:\s+(?:{kk.quals_after}){_E})?"), _kk_times),
        _Rule(_compile(rf"{qual}(?:әр|әрбір)\s+(?:(?P<n>{card})\s+)?"
                       rf"(?P<unit>{kk.unit('loc', 'in')}|жылы{_E})"), _kk_each),
        _Rule(_compile(rf"{_B}(?P<adj>{kk.adjectives.re})(?=\s+(?:{kk.recurring_work}))"),
              lambda m, _: kk.adjectives[m["adj"]], 1),  # "күнделікті есеп"
    )


# --- the API ----------------------------------------------------------------------------------


def _find(sentence: str, lang: str, rules: tuple[_Rule, ...],
          published: date | None) -> tuple[str, date | str | None] | None:
    best = _best(list(_hits(_fold(sentence, lang), rules, published)))
    return None if best is None else (sentence[best.start:best.end], best.value)


def find_deadline(sentence: str, lang: str, published: date | None) -> Deadline | None:
    """The deadline a sentence states ("до конца года" → Dec 31 of the published year).

    `date` is None when the deadline is relative and `published` is unknown.
    """
    if not sentence or lang not in ("ru", "kk"):
        return None
    rules = _ru_deadline_rules() if lang == "ru" else _kk_deadline_rules()
    found = _find(sentence, lang, rules, published)
    if found is None:
        return None
    text, value = found
    return Deadline(text, value if isinstance(value, date) else None)


def find_recurrence(sentence: str, lang: str) -> Recurrence | None:
    """How often a sentence says to do something ("раз в два месяца" → FREQ=MONTHLY;INTERVAL=2)."""
    if not sentence or lang not in ("ru", "kk"):
        return None
    rules = _ru_recurrence_rules() if lang == "ru" else _kk_recurrence_rules()
    found = _find(sentence, lang, rules, None)
    if found is None or not isinstance(found[1], str):
        return None
    return Recurrence(found[0], found[1])
