"""Stories: the documents that report one event.

Two steps, each with an index so that a new document is never compared with the whole archive:
- near-duplicates (a mirror, a syndicated copy with small edits) share MinHash LSH bands of
  their word shingles, stored in the `bands` table;
- reports of the same event by other outlets, in either language, share canonical entities
  within a few days; among those candidates the multilingual embedding of title and lead
  decides. Only candidates are embedded, once, and the vectors are kept.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param
from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from tapsyrma import embedding, records
from tapsyrma.store.models import Band, Document, Mention, Story

PERMUTATIONS = 128
NEAR_DUPLICATE = 0.7  # estimated Jaccard similarity of word 3-gram shingles
BANDS, ROWS = _optimal_param(0.6, PERMUTATIONS, 0.5, 0.5)  # catch 0.6 and verify at 0.7
SHINGLE = 3
LEAD_CHARACTERS = 400
EVENT_WINDOW_DAYS = 3
MAX_CANDIDATES = 100
# Entities too common to suggest that two documents report the same event.
UBIQUITOUS = frozenset({"kazakhstan", "president", "government"})

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class EventMatch:
    """How alike two documents are; `same_event` is the decision."""

    similarity: float  # cosine of the title-and-lead embeddings
    shared: int  # canonical entities in common
    days: int | None  # between publication dates, when both are known

    @property
    def same_event(self) -> bool:
        # e5 scores are compressed (unrelated news ~0.80, a translation ~0.92): a very close
        # lead is enough; a close one needs shared named entities besides.
        if self.days is not None and self.days > EVENT_WINDOW_DAYS:
            return False
        return self.similarity >= 0.91 or (self.similarity >= 0.87 and self.shared >= 2)


def signature(text: str) -> np.ndarray:
    words = [w.lower() for w in WORD.findall(text)]
    shingles = {" ".join(words[i:i + SHINGLE]).encode()
                for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=PERMUTATIONS)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint32)


def band_keys(values: np.ndarray) -> list[tuple[int, int]]:
    """One signed 64-bit key per band (it fits a BIGINT on both back ends)."""
    return [(band, int.from_bytes(hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS]
                                                  .tobytes(), digest_size=8).digest(),
                                  "big", signed=True))
            for band in range(BANDS)]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def lead(doc: records.Document | Document) -> str:
    """The title and the first lines of the body: what an outlet says the event is."""
    text = doc.text
    if doc.title and text.startswith(doc.title):
        text = text[len(doc.title):]
    body = " ".join(text.split())[:LEAD_CHARACTERS]
    return f"{doc.title or ''}. {body}" if doc.title else body


def content_hash(text: str) -> str:
    """Equal for texts that differ only by whitespace or letter case."""
    return hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()


def assign_story(session: Session, row: Document, entity_ids: set[str]) -> list[Band]:
    """Put a document about to be stored into a story: its near-duplicate's, the story of
    another report of the same event, or a new one. Returns the document's LSH bands, to be
    stored with it."""
    values = signature(row.text)
    row.minhash = values.tobytes()
    original = _near_duplicate(session, row, values)
    bands = [Band(band=band, key=key) for band, key in band_keys(values)]
    if original is not None:
        row.duplicate_of = original.duplicate_of or original.id
        row.story_id = original.story_id
        return bands
    match = _same_event(session, row, entity_ids)
    if match is not None:
        row.story_id = match.story_id
        story = session.get(Story, match.story_id)
        if story is not None and row.published and (
                story.first_published is None or row.published < story.first_published):
            story.first_published = row.published
    else:
        story = Story(title=row.title, first_published=row.published, created_at=datetime.now())
        session.add(story)
        session.flush()
        row.story_id = story.id
    return bands


def _near_duplicate(session: Session, row: Document, values: np.ndarray) -> Document | None:
    same_text = session.scalars(select(Document).where(
        Document.content_hash == row.content_hash).limit(1)).first()
    if same_text is not None:
        return same_text
    keys = band_keys(values)
    candidates = session.scalars(
        select(Band.document_id).where(tuple_(Band.band, Band.key).in_(keys))
        .group_by(Band.document_id).order_by(func.count().desc()).limit(MAX_CANDIDATES)).all()
    best, best_score = None, NEAR_DUPLICATE
    for candidate in session.scalars(select(Document).where(Document.id.in_(candidates))):
        score = jaccard(values, np.frombuffer(candidate.minhash, dtype=np.uint32))
        if score >= best_score:
            best, best_score = candidate, score
    return best


def _same_event(session: Session, row: Document, entity_ids: set[str]) -> Document | None:
    distinctive = entity_ids - UBIQUITOUS
    if not distinctive:
        return None
    shared = func.count(func.distinct(Mention.entity_id)).label("shared")
    query = (select(Mention.document_id, shared)
             .join(Document, Document.id == Mention.document_id)
             .where(Mention.entity_id.in_(distinctive), Document.duplicate_of.is_(None))
             .group_by(Mention.document_id).order_by(shared.desc(), Mention.document_id.desc())
             .limit(MAX_CANDIDATES))
    if row.published is not None:
        window = timedelta(days=EVENT_WINDOW_DAYS)
        query = query.where(Document.published.between(row.published - window,
                                                        row.published + window))
    found: dict[int, int] = {d: n for d, n in session.execute(query)}
    if not found:
        return None
    candidates = list(session.scalars(select(Document).where(Document.id.in_(found))))
    vectors = embedded(candidates + [row])
    similarities = vectors[:-1] @ vectors[-1]
    best, best_similarity = None, -1.0
    for candidate, similarity in zip(candidates, similarities, strict=True):
        match = EventMatch(float(similarity), found[candidate.id],
                           _days(candidate.published, row.published))
        if match.same_event and similarity > best_similarity:
            best, best_similarity = candidate, float(similarity)
    return best


def embedded(documents: list[Document]) -> np.ndarray:
    """The lead embeddings of documents, computing (and keeping) the missing ones."""
    missing = [d for d in documents if d.embedding is None]
    for doc, vector in zip(missing, embedding.embed([lead(d) for d in missing]), strict=True):
        doc.embedding = embedding.to_bytes(vector)
    return np.stack([embedding.from_bytes(d.embedding) for d in documents
                     if d.embedding is not None])


def _days(a: date | None, b: date | None) -> int | None:
    return abs((a - b).days) if a and b else None
