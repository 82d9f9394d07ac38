"""The topic of a directive, from a small fixed taxonomy (tapsyrma/data/topics.toml)."""

from __future__ import annotations

import re
from functools import cache

from tapsyrma.data import load

OTHER = "other"


@cache
def _topics() -> dict[str, re.Pattern[str]]:
    """Each topic's stems as one pattern that matches at the start of a word only."""
    return {name: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + ")")
            for name, stems in load("topics")["topics"].items()}


def topic(action: str, sentence: str) -> str:
    """The topic whose stems occur most in the action (weighted double) and the sentence."""
    action_low, sentence_low = action.lower(), sentence.lower()
    best, best_score = OTHER, 0
    for name, pattern in _topics().items():
        score = 2 * len(pattern.findall(action_low)) + len(pattern.findall(sentence_low))
        if score > best_score:
            best, best_score = name, score
    return best
