"""Kazakh morphology by suffix peeling: stems and cases of nouns, verbal nouns.

Kazakh is agglutinative and regular: a noun is stem + plural + possessive + case, each with
vowel-harmony variants. Peeling the suffixes from the right gives the stems a gazetteer can be
matched on (Тоқаевқа → Тоқаев, әкімдеріне → әкімдері → әкімдер → әкім) and the case that
tells an addressee (dative) from an action (accusative verbal noun).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tapsyrma.data import load

MIN_STEM = 2


@dataclass(frozen=True)
class Analysis:
    stem: str
    case: str  # nominative, genitive, dative, accusative, locative, ablative, instrumental


def _suffix_table() -> list[tuple[str, str]]:
    table = [(s, case) for case, suffixes in load("kk_morphology")["case"].items()
             if case != "after_possessive" for s in suffixes]
    return sorted(table, key=lambda item: -len(item[0]))


_CASES = _suffix_table()
_POSSESSIVE = sorted(load("kk_morphology")["possessive"]["suffixes"], key=len, reverse=True)
_PLURAL = load("kk_morphology")["plural"]["suffixes"]
_VERBAL = load("kk_morphology")["verbal_noun"]
_AFTER_POSSESSIVE = frozenset(load("kk_morphology")["case"]["after_possessive"])
_VOICELESS = load("kk_morphology")["voiceless"]


def _peel(word: str, suffixes: list[str]) -> list[str]:
    return [word[: -len(s)] for s in suffixes
            if word.endswith(s) and len(word) - len(s) >= MIN_STEM]


def _inner_stems(word: str) -> list[str]:
    """The word and what remains after removing a possessive and then a plural suffix."""
    out = [word]
    for stem in _peel(word, _POSSESSIVE):
        out.append(stem)
        out.extend(_peel(stem, _PLURAL))
    out.extend(_peel(word, _PLURAL))
    return out


@lru_cache(maxsize=500_000)
def analyses(word: str) -> tuple[Analysis, ...]:
    """Every (stem, case) reading of a word, the unsuffixed nominative reading first."""
    low = word.lower()
    found = [Analysis(s, "nominative") for s in _inner_stems(low)]
    for suffix, case in _CASES:
        rest = low[: -len(suffix)]
        if not low.endswith(suffix) or len(rest) < MIN_STEM:
            continue
        if suffix in _AFTER_POSSESSIVE and rest[-1] not in "ыі":
            continue
        if suffix[0] in _VOICELESS["openings"] and rest[-1] not in _VOICELESS["after"]:
            continue
        found.extend(Analysis(s, case) for s in _inner_stems(rest))
    return tuple(dict.fromkeys(found))


# A final voiceless consonant voices before a vowel suffix: әкімдік → әкімдігі, тарақ → тарағы.
DEVOICED = {"г": "к", "ғ": "қ", "б": "п"}


@lru_cache(maxsize=500_000)
def stems(word: str) -> frozenset[str]:
    found = {a.stem for a in analyses(word)}
    return frozenset(found | {s[:-1] + DEVOICED[s[-1]] for s in found
                              if s[-1] in DEVOICED and len(s) > MIN_STEM + 1 and s != word.lower()})


def has_case(word: str, case: str) -> bool:
    return any(a.case == case for a in analyses(word))


def is_dative(word: str) -> bool:
    """A dative ending on a word that is not itself a verbal noun (жұмыс істеуге is an aim)."""
    return has_case(word, "dative") and not any(
        is_verbal_noun(a.stem) for a in analyses(word) if a.case == "dative")


def is_verbal_noun(stem: str) -> bool:
    low = stem.lower()
    return (any(low.endswith(e) for e in _VERBAL["endings"]) and len(low) >= 3
            and low not in _VERBAL["not_verbal"])


def is_verbal_noun_in(word: str, case: str) -> bool:
    """A -у verbal noun in the given case, also with a possessive (жасалуын, күшейтуді)."""
    return any(a.case == case and is_verbal_noun(a.stem) for a in analyses(word))


def is_genitive(word: str) -> bool:
    return has_case(word, "genitive")


def is_plural(word: str) -> bool:
    """A plural suffix among the word's layers (әкімдерге, министрлер, басшыларына)."""
    return any(s.endswith(p) and len(s) > len(p) + 1 for s in stems(word) for p in _PLURAL)


OBLIQUE = ("dative", "genitive", "accusative", "ablative", "locative", "instrumental")


def is_uninflected(word: str) -> bool:
    """No case ending on the word: a subject, an apposition, a name before a surname."""
    low = word.lower()
    return not any(a.case in OBLIQUE and a.stem != low and len(a.stem) >= 3
                   for a in analyses(word))
