"""Sentences and tokens for Kazakh and Russian text (razdel), with offsets into the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from razdel import sentenize, tokenize

from tapsyrma.records import Sentence, Token

LINE = re.compile(r"[^\n]+")


def tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    return tuple(Token(offset + t.start, offset + t.stop, t.text) for t in tokenize(text))


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences within each line: a line break always ends a sentence in scraped news."""
    for line in LINE.finditer(text):
        for s in sentenize(line.group()):
            if s.text.strip():
                start = line.start() + s.start
                yield Sentence(start, start + len(s.text), s.text, tokens=tokens(s.text, start))
