"""Russian morphology: one pymorphy3 analyser, loaded once, with cached parses."""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3


@cache
def analyser() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=500_000)
def parses(word: str) -> tuple:
    try:
        return tuple(analyser().parse(word.lower()))
    except ValueError:  # pymorphy3 asks unicodedata for the name of a letter that has none
        return ()


def lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(word))


def has(word: str, *grammemes: str) -> bool:
    """Some reading of the word carries all the grammemes (e.g. "NOUN", "datv")."""
    return any(all(g in p.tag for g in grammemes) for p in parses(word))


def best_has(word: str, *grammemes: str) -> bool:
    """The most likely reading carries all the grammemes."""
    found = parses(word)
    return bool(found) and all(g in found[0].tag for g in grammemes)


def in_case(word: str, case: str, parts_of_speech: tuple[str, ...]) -> bool:
    """The word's most likely part of speech is one of these and it may stand in `case`."""
    found = parses(word)
    pos = found[0].tag.POS if found else None
    return pos in parts_of_speech and has(word, pos, case)
