"""Entities with canonical ids: gazetteer matches first, then NER and name rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from tapsyrma import segment
from tapsyrma.entities import ner
from tapsyrma.entities.gazetteer import mentions_of, persons
from tapsyrma.records import Entity, Sentence


def _gazetteer_entities(text: str, sentence: Sentence, lang: str | None,
                        published: date | None) -> Iterable[Entity]:
    words = sentence.tokens
    for m in mentions_of(words, lang):
        # "полиция" is a noun, not a name; "области Улытау" is a name after its noun.
        named = m.entry.kind in ("region", "place")
        capitals = words[m.start:m.end] if named else words[m.start:m.start + 1]
        if m.type and any(w.text[:1].isupper() for w in capitals):
            start, end = words[m.start].start, words[m.end - 1].end
            office = (persons()[m.entry.key].office_on(published)
                      if m.entry.kind == "person" else None)
            yield Entity(m.type, text[start:end], start, end, m.entry.key, office)


def _merge(known: list[Entity], found: Iterable[tuple[str, int, int]], text: str
           ) -> list[Entity]:
    """Gazetteer entities win; a wider NER span over one of them takes its id."""
    out = list(known)
    for type_, start, end in found:
        inside = [e for e in known if e.start < end and start < e.end]
        if not inside:
            out.append(Entity(type_, text[start:end], start, end))
        elif type_ == "PER" and len(inside) == 1 and _another_name(text[inside[0].end:end]):
            # "сказал Ермаганбет Булекпаев Ералы Оспанову": the NER span ran over two men
            rest = end - len(text[inside[0].end:end].lstrip())
            out.append(Entity(type_, text[rest:end], rest, end))
        elif len(inside) == 1 and inside[0].type == type_ and (end - start) > (
                inside[0].end - inside[0].start) and start <= inside[0].start:
            e = inside[0]
            out[out.index(e)] = Entity(type_, text[start:end], start, end, e.id, e.office)
        elif type_ == "PER" and max(e.end for e in inside) < end:
            # "области Жетісу Бейбіт Исабаев": the NER span ran over a known region into
            # an unknown name; the name is what follows the region.
            rest = max(e.end for e in inside)
            rest += len(text[rest:end]) - len(text[rest:end].lstrip())
            if text[rest:rest + 1].isupper():
                out.append(Entity(type_, text[rest:end], rest, end))
    return sorted(out, key=lambda e: (e.start, -e.end))


def _another_name(words: str) -> bool:
    """Whether what follows a known person's name in one NER span is a name of its own: a
    given name and a surname, not a patronymic."""
    found = words.split()
    return len(found) >= 2 and all(w[:1].isupper() for w in found)


def document_entities(text: str, sentences: Sequence[Sentence], lang: str | None,
                      published: date | None = None) -> list[Entity]:
    known = [e for s in sentences
             for e in _gazetteer_entities(text, s, s.lang or lang, published)]
    found = ner.russian(text) if lang == "ru" else ner.kazakh_names(text)
    return _merge(known, found, text)


def recognise(text: str, lang: str) -> list[Entity]:
    """Entities of a text in a known language (what `tapsyrma eval-ner` measures)."""
    return document_entities(text, list(segment.sentences(text)), lang)
