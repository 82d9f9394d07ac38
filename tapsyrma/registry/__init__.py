"""The registry: extraction results stored once, grouped into stories, directives merged
across sources and tracked by the reports of their execution.

`ingest` commits one document at a time, so an interrupted run keeps everything committed
and a second run skips what is stored and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from tapsyrma import records
from tapsyrma.clean import clean, content_hash, distinct_id
from tapsyrma.entities.places import main_region
from tapsyrma.errors import InputError
from tapsyrma.pipeline import document_name, extract_safely
from tapsyrma.registry.merge import add_directives
from tapsyrma.registry.stories import assign_story, lead_names
from tapsyrma.registry.tracking import (
    answered_next,
    claim_reports,
    find_reports,
    link_report,
    recalled,
    restatements,
    store_reports,
)
from tapsyrma.store import Store
from tapsyrma.store.models import Document, Entity, Mention


@dataclass
class IngestSummary:
    stored: int = 0
    already_stored: int = 0
    duplicates: int = 0  # stored, but a near-duplicate of a stored document
    new_directives: int = 0
    merged_directives: int = 0  # directives that became one more source of a stored one
    reports: int = 0
    followups: int = 0  # links made from these documents' reports or to their directives
    errors: list[InputError] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (stored id, input id)


def ingest(store: Store, items: Iterable[records.RawDocument | InputError],
           on_document: Callable[[str, str], None] | None = None) -> IngestSummary:
    """Extract and store each document; `on_document(id, outcome)` hears of each one."""
    summary = IngestSummary()
    for item in items:
        if isinstance(item, InputError):
            summary.errors.append(item)
            outcome, name = "error", item.name
        else:
            outcome, name = _ingest_one(store, item, summary), item.id
        if on_document:
            on_document(name, outcome)
    return summary


def _ingest_one(store: Store, raw: records.RawDocument, summary: IngestSummary) -> str:
    input_id = raw.id
    with store.session() as session:
        raw, stored_as = _identity(session, raw)
    if stored_as:
        summary.already_stored += 1
        return "already stored" + (f" as {stored_as}" if stored_as != input_id else "")
    result = extract_safely(raw)
    if isinstance(result, InputError):
        summary.errors.append(result)
        return "error"
    try:
        with store.session() as session:
            outcome = store_document(session, result, summary)
    except IntegrityError:
        # Another ingest stored the same document in the meantime.
        summary.already_stored += 1
        return "already stored"
    except OperationalError:
        raise  # the database is gone: no other document can be stored either
    except Exception as error:  # noqa: BLE001 - one document must not stop a long batch
        summary.errors.append(InputError(document_name(raw),
                                         f"not stored, {type(error).__name__}: {error}"))
        return "error"
    if input_id != result.id:
        summary.renamed.append((result.id, input_id))
    return outcome


def _identity(session: Session, raw: records.RawDocument) -> tuple[records.RawDocument, str | None]:
    """The document under the id it is to be stored by, and the id it is already stored
    under, if it is. A document is known by its id with its url or content: another
    document under a stored id (`index.html` of another folder) takes a `distinct_id`."""
    row = session.execute(select(Document.content_hash, Document.url)
                          .where(Document.doc_id == raw.id)).first()
    if row is None:
        return raw, None
    if raw.url and raw.url == row.url:
        return raw, raw.id
    try:
        text = clean(raw).text
    except Exception:  # noqa: BLE001 - extraction will name what is wrong with it
        return raw, None
    if content_hash(text) == row.content_hash:
        return raw, raw.id
    other = replace(raw, id=distinct_id(raw.id, text))
    return other, (other.id if _stored(session, other.id) else None)


def _stored(session: Session, doc_id: str) -> bool:
    return session.scalar(select(Document.id).where(Document.doc_id == doc_id)) is not None


def store_document(session: Session, doc: records.Document, summary: IngestSummary) -> str:
    """Store one extracted document with everything derived from it, in the caller's
    transaction."""
    row = Document(doc_id=doc.id, content_hash=content_hash(doc.text), path=doc.path,
                   url=doc.url, source=doc.source, title=doc.title, lang=doc.lang,
                   published=doc.published, text=doc.text, minhash=b"",
                   day="{:02d}-{:02d}".format(*doc.day) if doc.day else None,
                   ingested_at=datetime.now())
    entity_ids = _store_entities(session, doc)
    assign_story(session, row, entity_ids, main_region(doc.entities), lead_names(doc))
    duplicate = row.duplicate_of is not None
    session.add(row)
    session.flush()
    session.add_all(Mention(document_id=row.id, entity_id=e.id, type=e.type, text=e.text,
                            start=e.start, end=e.end) for e in doc.entities)
    found = find_reports(doc)
    reports = store_reports(session, row.id, row.published, found)
    # In a report of execution, a recalled directive is the one reported on, not a new one.
    cited = [r for r in found if r.cited]
    skip = {r.sentence.start for r in cited} | answered_next(doc, cited) | {
        d.start for d in doc.directives if cited and recalled(d, d.lang or doc.lang)}
    new, merged = add_directives(session, row, doc, skip)
    session.flush()
    # Reports find the directives stored before them; new directives, the reports stored
    # before them, so that the order of ingest does not matter.
    # Sentences that cite the order link first: an outcome of the same page adds nothing.
    links = 0
    for report, _ in sorted(zip(reports, found, strict=True), key=lambda pair: not pair[1].cited):
        links += len(link_report(session, report))
        session.flush()
    restating = restatements(session, new)
    links += sum(claim_reports(session, d) for d in new if d.id not in restating)
    summary.stored += 1
    summary.duplicates += duplicate
    summary.new_directives += len(new)
    summary.merged_directives += merged
    summary.reports += len(reports)
    summary.followups += links
    return "near-duplicate" if duplicate else "stored"


def _store_entities(session: Session, doc: records.Document) -> set[str]:
    known = {e.id: e for e in doc.entities if e.id}
    stored = set(session.scalars(select(Entity.id).where(Entity.id.in_(known))))
    session.add_all(Entity(id=i, type=e.type, name=e.text) for i, e in known.items()
                    if i not in stored)
    return set(known)

