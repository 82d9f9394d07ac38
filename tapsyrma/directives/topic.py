"""The topic of a directive, from a small fixed taxonomy (tapsyrma/data/topics.toml)."""

from __future__ import annotations

from functools import cache

from tapsyrma.data import load

OTHER = "other"


@cache
def _topics() -> dict[str, list[str]]:
    return load("topics")["topics"]


def topic(action: str, sentence: str) -> str:
    """The topic whose stems occur most in the action (weighted double) and the sentence."""
    action_low, sentence_low = action.lower(), sentence.lower()
    best, best_score = OTHER, 0
    for name, stems in _topics().items():
        score = sum(2 * action_low.count(s) + sentence_low.count(s) for s in stems)
        if score > best_score:
            best, best_score = name, score
    return best
