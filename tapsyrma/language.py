"""Language of a document and of each sentence: Kazakh, Russian or English (lingua)."""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = {Language.KAZAKH: "kk", Language.RUSSIAN: "ru", Language.ENGLISH: "en"}
# Letters only Kazakh Cyrillic has: a sentence holding several of them is Kazakh.
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# A sentence shorter than this (in letters) says too little: it takes the document's language.
MIN_SENTENCE_LETTERS = 25
LATIN = re.compile(r"[A-Za-z]{3}")


@cache
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def detect(text: str) -> str | None:
    """The language of a text, or None when it holds no letters."""
    if not any(c.isalpha() for c in text):
        return None
    found = detector().detect_language_of(text[:3000])
    return LANGUAGES.get(found) if found else None


def sentence_language(text: str, document_lang: str | None) -> str | None:
    """A sentence's language, falling back on the document's for short or unclear ones."""
    letters = sum(c.isalpha() for c in text)
    if letters < MIN_SENTENCE_LETTERS:
        return document_lang
    if sum(c in KAZAKH_LETTERS for c in text) >= 3:
        return "kk"
    if document_lang in ("ru", "kk") and not LATIN.search(text):
        # Cyrillic without Kazakh letters is Russian; a Kazakh sentence without any of its
        # nine letters is rare enough to leave to the document's language.
        return "ru" if document_lang == "ru" else detect(text) or document_lang
    return detect(text) or document_lang
