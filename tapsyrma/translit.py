"""Kazakh written in the Latin alphabet, turned into Cyrillic so one pipeline reads both.

Three official Latin alphabets exist (2017 apostrophes, 2018 acute accents, 2021 Turkic
diacritics); `latin_to_cyrillic` reads a text with the table of the alphabet whose marks it
uses. English and Russian are left alone: `looks_like_latin_kazakh` says whether to call it.
Tables live in data/translit.toml.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from tapsyrma import data

# Combining marks belong to their letter ("О" + U+0301 typed for "Ó").
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*(?:'(?:[^\W\d_]|[\u0300-\u036f])*)*")
LETTER = re.compile(r"[^\W\d_]")
# Latin letters, the signs inside the Latin-1 block (× ÷) aside.
LATIN_LETTER = re.compile(r"(?![×÷])[A-Za-zÀ-ɏḀ-ỿ]")
# Web addresses, e-mails and domains keep their Latin letters.
# Addresses stay as written; a domain ends in a lower-case top level ("Akorda.kz"), unlike an
# initial and a surname ("Q.Toqaev").
KEEP_AS_IS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b")
# The decision is taken on the start of a text: enough words to be sure, and fast.
SAMPLE_CHARS = 3000
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ʻ": "'", "‘": "'"})


@dataclass(frozen=True)
class Alphabet:
    """One Latin alphabet: a lookup pattern (longest key first) and its table."""

    pattern: re.Pattern[str]
    table: dict[str, str]


@cache
def _settings() -> dict:
    return data.load("translit")


@cache
def _alphabet(name: str) -> Alphabet:
    settings = _settings()
    table = dict(settings["common"]) | dict(settings["alphabet"][name])
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys), re.IGNORECASE)
    return Alphabet(pattern, table)


@cache
def _kazakh_words() -> frozenset[str]:
    return frozenset(_settings()["detect"]["words"])


@cache
def _apostrophe_letter() -> re.Pattern[str]:
    letters = _settings()["detect"]["apostrophe_letters"]
    return re.compile(rf"[{letters}]'", re.IGNORECASE)


ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee-\u06ff\u0674]")
ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
NAME_WORD = re.compile(r"[^\W\d_]{4,}(?:-[^\W\d_]+)*")


def looks_like_arabic_kazakh(text: str) -> bool:
    """Whether `text` is mostly Kazakh written in the Arabic script."""
    sample = text[:SAMPLE_CHARS]
    arabic = len(ARABIC_LETTER.findall(sample))
    if arabic == 0:
        return False
    rule = _settings()["arabic"]
    return (arabic / len(LETTER.findall(sample)) >= rule["min_arabic_share"]
            and any(ch in sample for ch in rule["kazakh_letters"]) and "ئ" not in sample)


def arabic_to_cyrillic(text: str) -> str:
    """Kazakh in the Arabic script written in Cyrillic; the script has no capitals, so the
    first word of a sentence or a quotation and the words that begin with a known proper
    name are capitalised."""
    text = ARABIC_WORD.sub(lambda m: _arabic_word(m.group()), text)
    names = _proper_names()
    text = NAME_WORD.sub(lambda m: "-".join(p.capitalize() for p in m.group().split("-")) if any(
        m.group()[:k] in names for k in range(4, len(m.group()) + 1)) else m.group(), text)
    return re.sub(r"(^|[.!?«\"]\s*)([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), text,
                  flags=re.MULTILINE)


def _arabic_word(word: str) -> str:
    rule = _settings()["arabic"]
    front = any(ch in word for ch in rule["front_marks"]) or (
        any(ch in word for ch in rule["front_letters"])
        and not any(ch in word for ch in rule["back_letters"]))
    letters = [rule["letters"].get(ch, ch) for ch in word]
    if front:
        letters = [rule["front"].get(ch, ch) for ch in letters]
    return _fix_short_i("".join(letters))


@cache
def _proper_names() -> frozenset[str]:
    from tapsyrma.entities.gazetteer import proper_name_forms  # cleaning reads a few names

    return proper_name_forms("kk")


def looks_like_latin_kazakh(text: str) -> bool:
    """Whether `text` is mostly Kazakh written in one of the Latin alphabets."""
    sample = text[:SAMPLE_CHARS]
    detect = _settings()["detect"]
    latin = len(LATIN_LETTER.findall(sample))
    if latin == 0:
        return False  # the common case, Cyrillic text, decided at once
    if latin / len(LETTER.findall(sample)) < detect["min_latin_share"]:
        return False
    words = WORD.findall(sample.translate(APOSTROPHES))
    marked = sum(1 for word in words if _is_marked(word.lower()))
    return marked / max(len(words), 1) >= detect["min_marked_word_share"]


def _is_marked(word: str) -> bool:
    """A word that betrays Kazakh: a frequent Kazakh word, a Kazakh mark, an apostrophe letter."""
    if word in _kazakh_words():
        return True
    if any(ch in _settings()["detect"]["marks"] for ch in word):
        return True
    return bool(_apostrophe_letter().search(word))


def detect_alphabet(text: str) -> str:
    """The name of the Latin alphabet a Kazakh text is written in."""
    lowered = text.lower()
    for name, marks in _settings()["marks_of"].items():
        if any(ch in lowered for ch in marks):
            return name
    return "apostrophe2017" if _apostrophe_letter().search(text) else "acute2018"


def latin_to_cyrillic(text: str) -> str:
    """`text` with its Kazakh Latin words written in Cyrillic; addresses and digits kept."""
    text = text.translate(APOSTROPHES)
    alphabet = _alphabet(detect_alphabet(text))
    out: list[str] = []
    position = 0
    for kept in KEEP_AS_IS.finditer(text):
        out.append(_convert_span(text[position:kept.start()], alphabet))
        out.append(kept.group())
        position = kept.end()
    out.append(_convert_span(text[position:], alphabet))
    return "".join(out)


def _convert_span(span: str, alphabet: Alphabet) -> str:
    return WORD.sub(lambda m: _convert_word(m.group(), alphabet), span)


def _convert_word(word: str, alphabet: Alphabet) -> str:
    if not LATIN_LETTER.search(word):
        return word
    word = unicodedata.normalize("NFC", word.translate(_homoglyphs()))
    stem, rest = _split_loanword(word)
    converted = stem + alphabet.pattern.sub(lambda m: _letter(m.group(), alphabet), rest)
    converted = _fix_short_i(converted)
    return converted.replace("'", "")


@cache
def _homoglyphs() -> dict[int, str]:
    """Cyrillic letters typed into a Latin word ("Оńirlerdiń", a Cyrillic О with a combining
    acute): the Latin letters they look like, the look-alike table of cleaning read backwards."""
    return str.maketrans({cyrillic: latin for latin, cyrillic
                          in data.load("boilerplate")["lookalikes"]["latin"].items()})


def _split_loanword(word: str) -> tuple[str, str]:
    """A Russian loanword stem whose Latin spelling would lose a letter (И, Э, Ц), already in
    Cyrillic, in the word's case."""
    lowered = word.lower()
    for latin, cyrillic in _settings()["loanwords"].items():
        if lowered.startswith(latin):
            stem = (cyrillic.upper() if word[:len(latin)].isupper() else
                    cyrillic.capitalize() if word[0].isupper() else cyrillic)
            return stem, word[len(latin):]
    return "", word


def _letter(latin: str, alphabet: Alphabet) -> str:
    cyrillic = alphabet.table.get(latin.lower()) or alphabet.table.get(_without_marks(latin))
    if cyrillic is None:  # matched case-insensitively, but lowers to no key ("İ" → "i̇")
        return latin
    if latin.isupper() and len(latin) > 1:
        return cyrillic.upper()
    if latin[0].isupper():
        return cyrillic[0].upper() + cyrillic[1:]
    return cyrillic


def _without_marks(latin: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", latin.lower())
                   if not unicodedata.combining(ch))


@cache
def _short_i() -> re.Pattern[str]:
    rule = _settings()["after_vowel"]
    vowels = rule["vowels"] + rule["vowels"].upper()
    letters = rule["letters"] + rule["letters"].upper()
    return re.compile(rf"(?<=[{vowels}])[{letters}]")


def _fix_short_i(word: str) -> str:
    """И after a vowel is Й ("aımaq" → "аймақ"), joined with the vowel after it (я, ю)."""
    rule = _settings()["after_vowel"]
    word = _short_i().sub(
        lambda m: rule["becomes"].upper() if m.group().isupper() else rule["becomes"], word)
    for pair, letter in rule["joins"].items():
        word = word.replace(pair, letter)
    return word
