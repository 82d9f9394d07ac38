"""The orchestrator: one raw document through every stage to its extraction record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from tapsyrma import language, segment
from tapsyrma.clean import clean, empty_after_cleaning
from tapsyrma.directives import extract_directives
from tapsyrma.entities import document_entities
from tapsyrma.errors import InputError
from tapsyrma.records import Directive, Document, RawDocument


def extract(raw: RawDocument) -> Document:
    """Clean, detect the language, split, find entities and directives of one document."""
    cleaned = clean(raw)
    empty = empty_after_cleaning(raw, cleaned)
    if empty:
        raise empty
    text = cleaned.text
    lang = "kk" if cleaned.transliterated else language.detect(text)
    sentences = [replace(s, lang=language.sentence_language(s.text, lang))
                 for s in segment.sentences(text)]
    published = raw.published or cleaned.published
    entities = document_entities(text, sentences, lang, published)
    directives = _without_headline_echoes(
        extract_directives(text, sentences, entities, lang, published), text, cleaned.title)
    return Document(
        id=raw.id, path=raw.path, lang=lang, title=cleaned.title,
        source=raw.source or cleaned.source, published=published, url=raw.url or cleaned.url,
        text=text, sentences=sentences, entities=entities, directives=directives,
    )


def _without_headline_echoes(directives: list[Directive], text: str, title: str | None
                             ) -> list[Directive]:
    """A headline restates the article's lead ("Токаев поручил акимам …"): its directive is
    dropped when the body holds one by the same issuer, which has the full evidence."""
    if not title or not text.startswith(title):
        return directives
    body = {d.issuer.id for d in directives if d.start >= len(title)}
    return [d for d in directives if d.start >= len(title) or d.issuer.id not in body]


def extract_all(items: Iterable[RawDocument | InputError]) -> Iterator[Document | InputError]:
    """Every document in input order; a bad one becomes its error and the batch goes on."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield extract(item)
        except InputError as error:
            yield error


def extract_text(text: str, *, id: str = "text", published: date | None = None,
                 source: str | None = None) -> Document:
    """Extraction of one plain text (for tests, notebooks and the library API)."""
    return extract(RawDocument(id=id, text=text, published=published, source=source))
