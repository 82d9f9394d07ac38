"""Cleaning: from a document as scraped to the clean text that every offset refers to.

`clean(raw)` turns a RawDocument into a CleanDocument: HTML goes through trafilatura first;
then the text is normalised (Unicode, spaces, WordPress language markers, Kazakh look-alike
letters, Kazakh Latin script) and boilerplate is removed line by line by general rules
(calls to action, photo credits and captions, widgets, bylines, site signatures, menus,
repeated paragraphs, masthead lines). The output keeps one paragraph per line, paragraphs
separated by a blank line. Patterns and thresholds live in data/boilerplate.toml and the
outlets in data/outlets.toml.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from typing import Any

from tapsyrma import data
from tapsyrma.dates import page_date, page_day
from tapsyrma.errors import InputError
from tapsyrma.records import CleanDocument, RawDocument
from tapsyrma.translit import (
    arabic_to_cyrillic,
    latin_to_cyrillic,
    looks_like_arabic_kazakh,
    looks_like_latin_kazakh,
)

EMPTY_AFTER_CLEANING = "empty after cleaning"
PARAGRAPH_SEPARATOR = "\n\n"
# Rounds of the line rules; one removal can expose another (a widget run split by a
# call to action), so they run until nothing changes, which also makes cleaning idempotent.
MAX_ROUNDS = 5
HEADLINE_RESTATED = 0.8  # a page's first line and its headline saying one thing

WORD = re.compile(r"\w+")
CYRILLIC = "а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ"

HAS_LOWERCASE = re.compile(r"[a-zа-яёәғқңөұүһі]")
HEADLINE_START = re.compile(r"^[\"«“„'(A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
TIME_OF_DAY = re.compile(r"\b[012]?\d:[0-5]\d\b")
# An ISO date stamp (with its label): a line of its own, or opening one before the words of a
# headline.
STAMP = r"(?:date:?\s+)?\d{4}-\d\d-\d\d(?:[ T][012]\d:[0-5]\d(?::[0-5]\d)?)?"
STAMPED_LINE = re.compile(rf"^({STAMP})\s+(?=[^\W\d_]|\d+\s+[^\W\d_])", re.IGNORECASE)
DATE_STAMP = re.compile(rf"^{STAMP}$", re.IGNORECASE)
ALPHABETIC_WORD = re.compile(r"[^\W\d_]{2,}")
DIGIT = re.compile(r"\d")
LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
SPACE_RUN = re.compile(r"[ \t]+")
# Spaces of every width become a plain space; invisible characters go.
ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
             "\u202f\u205f\u3000\t"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\n\t") + "\x7f"
ODD_SPACE = re.compile(f"[{ODD_SPACES}]")
INVISIBLE_OR_CONTROL = re.compile(f"[{INVISIBLE}{re.escape(CONTROL)}]")


# --- rules, compiled once ------------------------------------------------------------------


@dataclass(frozen=True)
class Rules:
    """Everything of boilerplate.toml and outlets.toml, compiled."""

    limits: dict[str, float]
    final_punctuation: re.Pattern[str]
    wpml_marker: re.Pattern[str]
    credit_suffix: re.Pattern[str]
    bare_credit: re.Pattern[str]
    domain_line: re.Pattern[str]
    menu_line: re.Pattern[str]
    cta_verb: re.Pattern[str]
    cta_channel: re.Pattern[str]
    cta_ours: re.Pattern[str]
    ui: re.Pattern[str]
    author: re.Pattern[str]
    signature_lines: frozenset[str]
    protect: re.Pattern[str]
    latin_lookalikes: dict[str, str]
    other_lookalikes: dict[str, str]
    other_lookalike: re.Pattern[str]
    mixed_word: re.Pattern[str]  # a Cyrillic word holding a look-alike letter


def words_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of `words` (regular expressions) as a whole word, case-insensitively."""
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def capitalised_alternatives(labels: list[str]) -> str:
    """'фото' → 'Фото|ФОТО': credit labels start a caption's credit with a capital."""
    forms = {label.capitalize() for label in labels} | {label.upper() for label in labels}
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


@cache
def rules() -> Rules:
    config = data.load("boilerplate")
    patterns, credits, cta = config["patterns"], config["credits"], config["call_to_action"]
    other = config["lookalikes"]["other"]
    sources = "|".join(re.escape(s) for s in credits["sources"])
    return Rules(
        limits=config["thresholds"] | {"channel_line_words": cta["channel_line_words"]},
        final_punctuation=re.compile(patterns["final_punctuation"]),
        wpml_marker=re.compile(patterns["wpml_marker"]),
        credit_suffix=re.compile(
            patterns["credit_suffix"].replace("{labels}", capitalised_alternatives(
                credits["labels"]))),
        bare_credit=re.compile(patterns["bare_credit"].replace("{sources}", sources),
                               re.IGNORECASE),
        domain_line=re.compile(patterns["domain_line"], re.IGNORECASE),
        menu_line=re.compile(patterns["menu_line"]),
        cta_verb=words_pattern(cta["verbs"]),
        cta_channel=words_pattern(cta["channels"]),
        cta_ours=words_pattern(cta["ours"]),
        ui=words_pattern(config["ui"]["patterns"]),
        author=words_pattern(config["author"]["roles"]),
        signature_lines=frozenset(config["signatures"]["lines"]) | outlet_index().alias_keys,
        protect=re.compile(r"(?<!\w)(?:" + "|".join(config["protect"]["stems"]) + ")",
                           re.IGNORECASE),
        latin_lookalikes=config["lookalikes"]["latin"],
        other_lookalikes=other,
        other_lookalike=re.compile("[" + "".join(other) + "]"),
        mixed_word=mixed_word_pattern("".join(config["lookalikes"]["latin"]) + "".join(other)),
    )


def mixed_word_pattern(lookalikes: str) -> re.Pattern[str]:
    """A word with a Cyrillic letter and a look-alike letter: Cyrillic letters then a
    look-alike, or a look-alike first. Lookaheads keep the search linear (it runs on
    every word of every article)."""
    letter, suspicious, cyrillic = r"[^\W\d_]", f"[{lookalikes}]", f"[{CYRILLIC}]"
    has_cyrillic = rf"(?={letter}*?{cyrillic})"
    return re.compile(rf"\b(?={cyrillic}*{suspicious}){has_cyrillic}{letter}+"
                      rf"|\b(?={suspicious}){has_cyrillic}{letter}+")


# --- the stage -----------------------------------------------------------------------------


def clean(raw: RawDocument) -> CleanDocument:
    """The cleaned text of `raw` with the title, outlet and date found on the way."""
    if raw.html is not None:
        return clean_html(raw)
    return clean_plain(raw)


def clean_plain(raw: RawDocument) -> CleanDocument:
    text, transliterated = normalise(raw.text or "")
    lines = split_lines(text)
    body = remove_boilerplate(lines)
    cleaned = CleanDocument(
        text=PARAGRAPH_SEPARATOR.join(body), title=find_title(body),
        source=raw.source or detect_source(lines),
        published=raw.published or page_date(lines, raw.url), url=raw.url,
        transliterated=transliterated,
    )
    return _with_day(cleaned, lines)


def clean_html(raw: RawDocument) -> CleanDocument:
    page = extract_page(raw.html or "")
    text, transliterated = normalise(page.text)
    title = clean_title(page.title)
    lines = with_title_first(split_lines(text), title)
    body = remove_boilerplate(lines)
    cleaned = CleanDocument(
        text=PARAGRAPH_SEPARATOR.join(body), title=title or find_title(body),
        source=raw.source or known_outlet(page.sitename) or detect_source(lines)
        or page.sitename,
        published=raw.published or page.published or page_date(lines, raw.url or page.url),
        url=raw.url or page.url,
        transliterated=transliterated,
    )
    return _with_day(cleaned, lines)


def _with_day(cleaned: CleanDocument, lines: list[str]) -> CleanDocument:
    """An undated page keeps the month and day its dateline shows without a year."""
    return cleaned if cleaned.published else replace(cleaned, day=page_day(lines))


def content_hash(text: str) -> str:
    """Equal for texts that differ only by whitespace or letter case."""
    return hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()


def distinct_id(doc_id: str, text: str) -> str:
    """The id of a document whose own id is taken by another document: the same id with a
    mark of its content, so a rerun finds it again ("index@3fa2c1d0")."""
    return f"{doc_id}@{content_hash(text)[:8]}"


def empty_after_cleaning(raw: RawDocument, cleaned: CleanDocument) -> InputError | None:
    """The error to report when cleaning left nothing of a document, else None."""
    if cleaned.text.strip():
        return None
    return InputError(raw.path or raw.id, EMPTY_AFTER_CLEANING)


# --- HTML, through trafilatura -------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """What trafilatura found in a web page (the only place its types are seen)."""

    text: str
    title: str | None = None
    sitename: str | None = None
    published: date | None = None
    url: str | None = None


def extract_page(html: str) -> Page:
    """The main text and metadata of a page; precision first, recall as a fallback."""
    import trafilatura  # heavy import, only for HTML input

    document = run_trafilatura(html, favor_precision=True)
    if not document.get("text"):
        document = run_trafilatura(html, favor_precision=False)
    if not document.get("text"):
        return Page(text=trafilatura.html2txt(html) or "")
    return Page(text=document["text"], title=document.get("title"),
                sitename=document.get("sitename"), published=parse_iso_date(document.get("date")),
                url=document.get("url"))


def run_trafilatura(html: str, favor_precision: bool) -> dict[str, Any]:
    """trafilatura's findings as a plain dict (empty when it finds nothing). No comments, no
    tables; the date only from the page's metadata, not guessed from its text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, favor_precision=favor_precision, favor_recall=not favor_precision,
        include_comments=False, include_tables=False, with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return {}
    return document if isinstance(document, dict) else document.as_dict()


def clean_title(title: str | None) -> str | None:
    if not title:
        return None
    lines = split_lines(normalise(title)[0])
    return " ".join(lines) or None


def parse_iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def with_title_first(lines: list[str], title: str | None) -> list[str]:
    """The page's title as the first paragraph: the headline is part of the article."""
    if not title or (lines and word_key(lines[0]) == word_key(title)):
        return lines
    return [title, *lines]


# --- normalisation -------------------------------------------------------------------------


def normalise(text: str) -> tuple[str, bool]:
    """NFC, plain spaces and newlines, no WPML markers, Cyrillic Kazakh; and whether the
    text was transliterated from the Latin or the Arabic script."""
    text = unicodedata.normalize("NFC", text)
    text = LINE_BREAKS.sub("\n", text)
    text = INVISIBLE_OR_CONTROL.sub("", ODD_SPACE.sub(" ", text))
    text = rules().wpml_marker.sub("\n", text)
    transliterated = looks_like_latin_kazakh(text)
    if transliterated:
        text = latin_to_cyrillic(text)
    elif looks_like_arabic_kazakh(text):
        text, transliterated = arabic_to_cyrillic(text), True
    return fix_lookalikes(text), transliterated


def fix_lookalikes(text: str) -> str:
    """Kazakh letters typed as Latin or foreign look-alikes, inside Cyrillic words."""
    return rules().mixed_word.sub(lambda m: fix_word(m.group()), text)


def fix_word(word: str) -> str:
    r = rules()
    word = r.other_lookalike.sub(lambda m: r.other_lookalikes[m.group()], word)
    latin = [ch for ch in word if "a" <= ch.lower() <= "z"]
    if not latin or any(ch not in r.latin_lookalikes for ch in latin):
        return word  # a real Latin part ("iPhone-ға" stays)
    return "".join(r.latin_lookalikes.get(ch, ch) for ch in word)


def split_lines(text: str) -> list[str]:
    """Non-blank lines, stripped, with runs of spaces collapsed; a date stamp opening a line
    ("date 2025-11-07 Қашағандағы … бітуге жақын") a line of its own, before the headline."""
    lines = (SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return [part for line in lines if line
            for part in (STAMPED_LINE.split(line, maxsplit=1)[1:] or [line]) if part]


# --- line rules ----------------------------------------------------------------------------

# The line predicates are pure functions of the line: cached, since the rules run in rounds
# and the same footer lines come back in every article of an outlet.
line_cache = lru_cache(maxsize=1 << 16)



@line_cache
def word_count(line: str) -> int:
    return len(line.split())


@line_cache
def word_key(line: str) -> str:
    """The words of a line, lowercased, ё read as е: what two copies of a paragraph share."""
    return " ".join(WORD.findall(line.lower().replace("ё", "е")))


def limit(name: str) -> int:
    return int(rules().limits[name])


@line_cache
def has_final_punctuation(line: str) -> bool:
    return bool(rules().final_punctuation.search(line))


@line_cache
def is_protected(line: str) -> bool:
    """A line with a directive verb is content, whatever it looks like."""
    return bool(rules().protect.search(line))


@line_cache
def is_body(line: str) -> bool:
    """A real paragraph: a sentence with its final punctuation, or a long line."""
    words = word_count(line)
    if words >= limit("long_line_words"):
        return True
    return words >= limit("sentence_min_words") and has_final_punctuation(line)


@line_cache
def is_short(line: str) -> bool:
    return word_count(line) <= limit("short_line_words") and not has_final_punctuation(line)


@line_cache
def is_headline(line: str) -> bool:
    """Short, capitalised or opening on a figure ("27 желтоқсанда газ құбырының құрылысы
    аяқталды", not a date stamp), with lowercase letters and no final period."""
    words = word_count(line)
    return (limit("title_min_words") <= words <= limit("title_max_words")
            and not line.endswith(".") and bool(HAS_LOWERCASE.search(line))
            and (bool(HEADLINE_START.match(line)) or _figure_headline(line)))


def _figure_headline(line: str) -> bool:
    """A headline that opens on a figure says something in words: three words at least, and
    no time of day (a date stamp "25 ақп, 2021 сағат 09:43" is none)."""
    return (line[:1].isdigit() and not TIME_OF_DAY.search(line)
            and len(ALPHABETIC_WORD.findall(line)) >= limit("figure_headline_words"))


def remove_boilerplate(lines: list[str]) -> list[str]:
    """`lines` without boilerplate, the rules applied until nothing changes."""
    passes: list[Callable[[list[str]], list[str]]] = [
        drop_credits_and_captions, drop_noise_lines, drop_widget_runs, drop_duplicates,
        trim_masthead, trim_tail,
    ]
    for _ in range(MAX_ROUNDS):
        before = lines
        for rule in passes:
            lines = rule(lines)
        if lines == before:
            break
    return lines


def drop_credits_and_captions(lines: list[str]) -> list[str]:
    """Photo credits go, and so does the caption printed before or with a credit."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        if rules().bare_credit.match(line):
            continue
        stripped = strip_credit(line)
        if stripped == line:
            kept.append(line)
            continue
        if kept and stripped == "" and is_caption(kept[-1]) and (
                _first_line(kept[:-1]) is not None):
            kept.pop()  # the caption above a credit line, not the page's headline above it
        if stripped and (index == 0 or not is_caption(stripped)):
            kept.append(stripped)
    return kept


@line_cache
def strip_credit(line: str) -> str:
    """`line` without a trailing photo credit ("... Фото: Акорда: UGC")."""
    if is_protected(line) and is_body(line):
        return line
    match = rules().credit_suffix.search(line)
    return line[:match.start()].strip(" :|-—–") if match else line


@line_cache
def is_caption(line: str) -> bool:
    return (word_count(line) <= limit("caption_max_words") and not has_final_punctuation(line)
            and not is_protected(line))


def drop_noise_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if is_protected(line) or not is_noise(line)]


@line_cache
def is_noise(line: str) -> bool:
    """Calls to action, interface strings, bylines, footers, menus."""
    return (is_call_to_action(line) or is_interface(line) or is_byline(line)
            or is_signature(line) or bool(rules().menu_line.match(line)))


def is_call_to_action(line: str) -> bool:
    r, words = rules(), word_count(line)
    if words > limit("call_to_action_max_words"):
        return False
    if r.cta_verb.search(line) or r.cta_ours.search(line):
        return True
    return words <= limit("channel_line_words") and bool(r.cta_channel.search(line))


def is_interface(line: str) -> bool:
    return word_count(line) <= limit("ui_max_words") and bool(rules().ui.search(line))


def is_byline(line: str) -> bool:
    return (word_count(line) <= limit("author_max_words") and not has_final_punctuation(line)
            and bool(rules().author.search(line)))


def is_signature(line: str) -> bool:
    """A footer or section link, an outlet's name or a bare web address alone on its line."""
    return word_key(line) in rules().signature_lines or bool(rules().domain_line.match(line))


def drop_widget_runs(lines: list[str]) -> list[str]:
    """Weather and exchange-rate widgets: runs of tiny lines with numbers or single words."""
    flags = [is_widget_line(line) for line in lines]
    drop = [False] * len(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and flags[end]:
            end += 1
        if end - start >= limit("widget_min_run"):
            drop[start:end] = [True] * (end - start)
        start = end + 1 if end == start else end
    return [line for line, dropped in zip(lines, drop, strict=True) if not dropped]


@line_cache
def is_widget_line(line: str) -> bool:
    tokens = line.split()
    if len(tokens) > limit("widget_line_tokens") or is_protected(line):
        return False
    return len(tokens) == 1 or bool(DIGIT.search(line))


def drop_duplicates(lines: list[str]) -> list[str]:
    """A paragraph printed twice (the lead, a caption repeating the headline) is kept once."""
    kept: list[str] = []
    seen: set[str] = set()
    word_sets: list[frozenset[str]] = []
    for line in lines:
        key = word_key(line)
        words = key.split()
        if key in seen and len(words) >= limit("duplicate_min_words"):
            continue
        current = frozenset(words)
        if len(words) >= limit("near_duplicate_min_words") and near_duplicate(current, word_sets):
            continue
        seen.add(key)
        word_sets.append(current)
        kept.append(line)
    return kept


def near_duplicate(words: frozenset[str], earlier: list[frozenset[str]]) -> bool:
    threshold = rules().limits["near_duplicate_jaccard"]
    for other in earlier:
        smaller, larger = sorted((len(words), len(other)))
        if larger == 0 or smaller / larger < threshold:
            continue  # cannot reach the threshold: skip the set operations
        if len(words & other) / len(words | other) >= threshold:
            return True
    return False


def trim_masthead(lines: list[str]) -> list[str]:
    """Before the first real paragraph, keep only the headline (the last line that looks
    like one, and the page's first line when it looks like one too: a headline and its
    subtitle apart, the rubric and byline between them) and lines with a directive verb;
    site name, menus and bylines go."""
    first_body = next((i for i, line in enumerate(lines) if is_body(line)), None)
    if first_body is None or first_body == 0:
        return lines  # no body at all, or nothing before it
    leading = lines[:first_body]
    headline = max((i for i, line in enumerate(leading) if is_headline(line)), default=None)
    first = _first_line(leading)
    if first is not None and (not is_headline(leading[first]) or headline is not None and (
            _restates(leading[first], leading[headline]))):
        first = None  # "Заголовок - «Издание»" then "Заголовок": one headline
    kept = [line for i, line in enumerate(leading)
            if i in (headline, first) or is_protected(line)]
    return kept + lines[first_body:]


def _first_line(lines: list[str]) -> int | None:
    """Where the page's first line stands, past date stamps: its headline, when it has one."""
    return next((i for i, line in enumerate(lines) if not DATE_STAMP.match(line)), None)


def _restates(line: str, other: str) -> bool:
    """Whether two lines say one thing: most words of the shorter are the other's."""
    words, others = set(word_key(line).split()), set(word_key(other).split())
    return len(words & others) >= HEADLINE_RESTATED * min(len(words), len(others))


def trim_tail(lines: list[str]) -> list[str]:
    """After the last real paragraph, short lines without a sentence end are the footer."""
    last_body = max((i for i, line in enumerate(lines) if is_body(line)), default=None)
    if last_body is None:
        return lines
    tail = [line for line in lines[last_body + 1:] if is_protected(line) or not is_short(line)]
    return lines[:last_body + 1] + tail


def find_title(lines: list[str]) -> str | None:
    """The first paragraph when it is a headline followed by body text."""
    if len(lines) >= 2 and is_headline(lines[0]) and not is_body(lines[0]) and is_body(lines[1]):
        return lines[0]
    return None


# --- the outlet ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportingPattern:
    """A pattern naming an outlet, searched only in lines where its cue occurs."""

    needs: re.Pattern[str]
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class OutletIndex:
    """Known outlets by alias, and the reporting patterns that name a publisher or an origin."""

    by_alias: dict[str, tuple[str, str]]  # casefolded alias → (canonical name, kind)
    publisher: tuple[ReportingPattern, ...]
    origin: tuple[ReportingPattern, ...]
    name_line: re.Pattern[str]

    @property
    def alias_keys(self) -> frozenset[str]:
        return frozenset(word_key(alias) for alias in self.by_alias)


@cache
def outlet_index() -> OutletIndex:
    config = data.load("outlets")
    by_alias: dict[str, tuple[str, str]] = {}
    for outlet in config["outlet"]:
        for alias in [outlet["name"], *outlet["aliases"]]:
            by_alias[alias.casefold()] = (outlet["name"], outlet.get("kind", "outlet"))
    aliases = sorted(by_alias, key=len, reverse=True)
    name = (r"(?P<name>(?<![\w.-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])|"
            + config["reporting"]["domain"] + ")")
    reporting = config["reporting"]
    return OutletIndex(by_alias, compile_templates(reporting["publisher"], name),
                       compile_templates(reporting["origin"], name),
                       re.compile(name + r"\W*$", re.IGNORECASE))


def compile_templates(templates: list[dict], name: str) -> tuple[ReportingPattern, ...]:
    """Reporting patterns with `{name}` standing for any outlet name."""
    return tuple(ReportingPattern(re.compile(t["needs"]),
                                  re.compile(t["pattern"].replace("{name}", name), re.IGNORECASE))
                 for t in templates)


def resolve_outlet(surface: str) -> tuple[str, str]:
    """(canonical name, kind) of a name found in text; unknown domains are outlets as written."""
    key = surface.casefold()
    if key.startswith("www."):
        key, surface = key[4:], surface[4:]
    return outlet_index().by_alias.get(key, (surface, "outlet"))


def known_outlet(name: str | None) -> str | None:
    """The canonical name of an outlet named by a page's metadata, if it is one we know."""
    if not name:
        return None
    found = outlet_index().by_alias.get(name.strip().casefold())
    return found[0] if found else None


def detect_source(lines: list[str]) -> str | None:
    """The outlet that publishes the text: one it says reports the news ("передает X",
    "деп хабарлайды X"), else a signature line at the end, else a press service that it says
    reports. An origin ("со ссылкой на X", "X-ға сілтеме жасап") is never the publisher."""
    index = outlet_index()
    origins = {start for start, _ in names_found(index.origin, lines)}
    publishers = [resolve_outlet(surface) for start, surface in names_found(index.publisher, lines)
                  if start not in origins]
    outlets = [name for name, kind in publishers if kind == "outlet"]
    if outlets:
        return outlets[0]
    signature = signature_outlet(lines)
    if signature:
        return signature
    return publishers[0][0] if publishers else None


def names_found(patterns: tuple[ReportingPattern, ...],
                lines: list[str]) -> list[tuple[tuple[int, int], str]]:
    """((line, column), name as written) of every outlet name the patterns find, in order."""
    found = [((number, m.start("name")), m.group("name"))
             for p in patterns for number, line in enumerate(lines) if p.needs.search(line)
             for m in p.pattern.finditer(line)]
    return sorted(found)


def signature_outlet(lines: list[str]) -> str | None:
    """An outlet's name or domain alone on one of the last lines ("Altyn-Orda.kz")."""
    for line in reversed(lines[-8:]):
        match = outlet_index().name_line.match(line)
        if match:
            return resolve_outlet(match.group("name"))[0]
    return None
