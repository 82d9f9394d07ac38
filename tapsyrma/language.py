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


@cache
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def detect(text: str) -> str | None:
    """The language of a text, or None when it holds no letters."""
    if not LETTERS.search(text):
        return None
    found = detector().detect_language_of(text[:DOCUMENT_SAMPLE])
    return LANGUAGES.get(found) if found else None


def sentence_language(text: str, document_lang: str | None) -> str | None:
    """A sentence's language, falling back on the document's for short or unclear ones."""
    if document_lang and len(LETTERS.findall(text, 0, 200)) < MIN_SENTENCE_LETTERS:
        return document_lang
    kazakh_letters = len(KAZAKH_LETTERS.findall(text))
    if kazakh_letters >= 3 or (document_lang == "kk" and kazakh_letters):
        return "kk"
    if document_lang == "ru" and not LATIN.search(text):
        return "ru"  # Cyrillic without Kazakh letters in a Russian article
    return detect(text) or document_lang
