"""Sentences and tokens for Kazakh and Russian text (razdel), with offsets into the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from razdel import sentenize

from tapsyrma.records import Sentence, Token

LINE = re.compile(r"[^\n]+")
# A word keeps its inner hyphens, dots and apostrophes (Нұр-Сұлтан, М.Қасымбеков, Zakon.kz,
# 5,5 stays two numbers and a comma); anything else is a token of its own.
TOKEN = re.compile(r"\w+(?:[-.'’]\w+)*|[^\w\s]")


def tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens of a sentence: a regular expression is ten times faster than razdel's
    tokenizer here and splits the same on news text."""
    return tuple(Token(offset + m.start(), offset + m.end(), m.group())
                 for m in TOKEN.finditer(text))


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences within each line: a line break always ends a sentence in scraped news."""
    for line in LINE.finditer(text):
        for s in sentenize(line.group()):
            if s.text.strip():
                start = line.start() + s.start
                yield Sentence(start, start + len(s.text), s.text, tokens=tokens(s.text, start))
