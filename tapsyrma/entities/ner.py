"""Named entities beyond the gazetteer: Natasha's NER for Russian, name rules for Kazakh."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from tapsyrma import kazakh
from tapsyrma.data import load
from tapsyrma.entities.gazetteer import name_forms

NATASHA_TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
UPPER, LOWER = "А-ЯЁӘҒҚҢӨҰҮҺІ", "а-яёәғқңөұүһі"
CAPITALISED = re.compile(rf"(?:[{UPPER}]\.\s?)*[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)?")


@cache
def _natasha_ner():  # type: ignore[no-untyped-def]
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


def russian(text: str) -> Iterator[tuple[str, int, int]]:
    """(type, start, end) of the names Natasha's NER finds in a Russian text. A one-word
    place right before a person is the person's given name, which Natasha does not know
    ("Жаксылык Омар": LOC + PER)."""
    out: list[tuple[str, int, int]] = []
    for span in _natasha_ner()(text).spans:
        if span.type not in NATASHA_TYPES:
            continue
        type_, start = NATASHA_TYPES[span.type], span.start
        if (type_ == "PER" and out and out[-1][0] == "LOC" and text[out[-1][2]:start] == " "
                and " " not in text[out[-1][1]:out[-1][2]]):
            start = out.pop()[1]
        out.append((type_, start, span.stop))
    yield from out


MAX_GIVEN_NAMES = 2


def _inflected_noun(word: str) -> bool:
    """A capitalised word in the dative, genitive or locative ("Жиынға", "Елдің") is no given
    name; ablative-looking names (Нұрсұлтан, Дастан) are common and stay."""
    low = word.lower()
    return low not in name_forms() and any(
        a.case in ("dative", "genitive", "locative") and a.stem != low and len(a.stem) >= 4
        for a in kazakh.analyses(word))


@cache
def _not_names() -> frozenset[str]:
    return frozenset(w.lower() for w in _rules()["not_names"])


def _rules() -> dict:
    return load("ner_kk")


def _is_surname(word: str) -> bool:
    endings = _rules()["surname_endings"]
    return any(stem.endswith(e) for stem in kazakh.stems(word) for e in endings
               if len(stem) > len(e) + 1)


def kazakh_names(text: str) -> Iterator[tuple[str, int, int]]:
    """(type, start, end) of capitalised sequences that look like Kazakh names or places."""
    rules = _rules()
    words = list(CAPITALISED.finditer(text))
    i = 0
    while i < len(words):
        j = i
        while j + 1 < len(words) and text[words[j].end():words[j + 1].start()] == " ":
            j += 1
        yield from _classify(text, words[i:j + 1], rules)
        i = j + 1


def _classify(text: str, run: list[re.Match], rules: dict) -> Iterator[tuple[str, int, int]]:
    start, end = run[0].start(), run[-1].end()
    after = re.match(r"\s+(\w+)", text[end:])
    head = after.group(1).lower() if after else ""
    if after and head in rules["place_heads"]:
        yield "LOC", start, end + after.end()
    elif after and head in rules["org_heads"]:
        yield "ORG", start, end + after.end()
    else:
        yield from _persons(text, run)


def _persons(text: str, run: list[re.Match]) -> Iterator[tuple[str, int, int]]:
    """Each person in a run ends at a surname and takes at most two given names before it
    ("Биыл Талғат Айнақұлов" is Талғат Айнақұлов; "Тоқаев Дмитрий Медведевті" is two)."""
    first = 0
    for k, m in enumerate(run):
        if not _is_surname(m.group()):
            continue
        begin = max(first, k - MAX_GIVEN_NAMES)
        while begin < k and (run[begin].group().lower() in _not_names()
                             or _inflected_noun(run[begin].group())):
            begin += 1  # "Биыл", "Президент", "Жиынға" stand before names, not in them
        if k > begin or "." in m.group() or m.start() > 0:
            yield "PER", run[begin].start(), m.end()
        first = k + 1
