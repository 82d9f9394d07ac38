"""Language of a document and of each sentence: Kazakh, Russian or English (lingua).

Lingua, restricted to the three languages, is right on 99.7–100 % of KazNERD and
factRuEval sentences of four words and more (`python -m bench.language_eval`); the letter
rules below only spare it the sentences whose alphabet already answers.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = {Language.KAZAKH: "kk", Language.RUSSIAN: "ru", Language.ENGLISH: "en"}
# Letters only Kazakh Cyrillic has: a sentence holding several of them is Kazakh.
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
LETTERS = re.compile(r"[^\W\d_]")
LATIN = re.compile(r"[A-Za-z]{3}")
# A sentence shorter than this (in letters) says too little: it takes the document's language.
MIN_SENTENCE_LETTERS = 12
# What lingua reads of a document: enough to decide, cheap on long articles.
DOCUMENT_SAMPLE = 1500
CYRILLIC = re.compile(r"[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# Shares of Kazakh-only letters among all letters: Kazakh prose has 5-10 %, Russian prose 0
# (a Kazakh name adds a few per mille); in between, and in short texts, lingua decides.
ALPHABET_MIN_LETTERS = 200
KAZAKH_SHARE = 0.02
RUSSIAN_SHARE = 0.003


@cache
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def detect(text: str) -> str | None:
    """The language of a text, or None when it holds no letters."""
    sample = text[:DOCUMENT_SAMPLE]
    letters = LETTERS.findall(sample)
    if not letters:
        return None
    by_alphabet = _by_alphabet(sample, len(letters))
    if by_alphabet:
        return by_alphabet
    found = detector().detect_language_of(sample)
    return LANGUAGES.get(found) if found else None


def _by_alphabet(sample: str, letters: int) -> str | None:
    """A long Cyrillic text answers by its letters: Kazakh writes ә ғ қ ң ө ұ ү һ і in every
    few words, Russian never (but in a Kazakh name or two)."""
    if letters < ALPHABET_MIN_LETTERS or len(CYRILLIC.findall(sample)) < 0.9 * letters:
        return None
    share = len(KAZAKH_LETTERS.findall(sample)) / letters
    if share >= KAZAKH_SHARE:
        return "kk"
    return "ru" if share <= RUSSIAN_SHARE else None


def sentence_language(text: str, document_lang: str | None) -> str | None:
    """A sentence's language, falling back on the document's for short or unclear ones."""
    if document_lang and len(LETTERS.findall(text, 0, 200)) < MIN_SENTENCE_LETTERS:
        return document_lang
    kazakh_letters = len(KAZAKH_LETTERS.findall(text))
    if document_lang == "ru" and kazakh_letters and not any(
            KAZAKH_LETTERS.search(w) for w in text.split() if not w[:1].isupper()):
        kazakh_letters = 0  # only in names: "Глава региона Берік Әбдіғалиұлы поручил …"
    if kazakh_letters >= 3 or (document_lang == "kk" and kazakh_letters):
        return "kk"
    if document_lang == "ru" and not LATIN.search(text):
        return "ru"  # Cyrillic without Kazakh letters in a Russian article
    return detect(text) or document_lang
