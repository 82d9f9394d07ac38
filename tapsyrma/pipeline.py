"""The orchestrator: one raw document through every stage to its extraction record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from tapsyrma import language, segment
from tapsyrma.clean import clean, content_hash, distinct_id, empty_after_cleaning
from tapsyrma.directives import extract_directives
from tapsyrma.entities import document_entities
from tapsyrma.errors import InputError
from tapsyrma.records import Document, RawDocument


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
    directives = extract_directives(text, sentences, entities, lang, published)
    return Document(
        id=raw.id, path=raw.path, lang=lang, title=cleaned.title,
        source=raw.source or cleaned.source, published=published, url=raw.url or cleaned.url,
        text=text, sentences=sentences, entities=entities, directives=directives,
        day=cleaned.day,
    )


def extract_all(items: Iterable[RawDocument | InputError]) -> Iterator[Document | InputError]:
    """Every document in input order; a bad one becomes its error and the batch goes on.
    Two different documents under one id (`index.html` of two folders) keep apart: the
    second takes a `distinct_id` and says so in `renamed_from`."""
    seen: dict[str, str] = {}
    for item in items:
        result = item if isinstance(item, InputError) else extract_safely(item)
        if isinstance(result, Document):
            hash_ = content_hash(result.text)
            if seen.setdefault(result.id, hash_) != hash_:
                result.renamed_from, result.id = result.id, distinct_id(result.id, result.text)
        yield result


def extract_safely(raw: RawDocument) -> Document | InputError:
    """`extract`, with any failure inside the pipeline turned into this document's error."""
    try:
        return extract(raw)
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001 - one page must not stop a batch
        return InputError(document_name(raw),
                          f"failed inside the pipeline, {type(error).__name__}: {error}")


def document_name(raw: RawDocument) -> str:
    """How an error names a document: its file, or its id within a JSONL file or stdin."""
    if raw.path and Path(raw.path).stem == raw.id:
        return raw.path
    return f"{raw.path}: {raw.id}" if raw.path else raw.id


def extract_text(text: str, *, id: str = "text", published: date | None = None,
                 source: str | None = None) -> Document:
    """Extraction of one plain text (for tests, notebooks and the library API)."""
    return extract(RawDocument(id=id, text=text, published=published, source=source))
