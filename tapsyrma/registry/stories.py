"""Stories: the documents that report one event.

Two steps, each with an index so that a new document is never compared with the whole archive:
- near-duplicates (a mirror, a syndicated copy with small edits) share MinHash LSH bands of
  their word shingles, stored in the `bands` table;
- reports of the same event by other outlets, in either language, share keys (canonical
  entities, telling figures) within a few days; among those candidates the multilingual
  embedding of title and lead, with the keys in common, decides. Only candidates are
  embedded, once, and the vectors are kept. A document that matches several stories joins
  them into one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param
from sqlalchemy import delete, func, select, tuple_, update
from sqlalchemy.orm import Session, defer, selectinload

from tapsyrma import embedding
from tapsyrma.store.models import Band, Directive, Document, Key, Story

PERMUTATIONS = 128
NEAR_DUPLICATE = 0.7  # estimated Jaccard similarity of word 3-gram shingles
BANDS, ROWS = _optimal_param(0.6, PERMUTATIONS, 0.5, 0.5)  # catch 0.6 and verify at 0.7
SHINGLE = 3
LEAD_CHARACTERS = 400
EVENT_WINDOW_DAYS = 2
MAX_CANDIDATES = 100
# Entities too common to suggest that two documents report the same event.
UBIQUITOUS = frozenset({"kazakhstan", "president", "government"})

WORD = re.compile(r"\w+")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?!\w)")
YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class EventMatch:
    """How alike two documents are; `same_event` is the decision."""

    similarity: float  # cosine of the title-and-lead embeddings
    entities: int  # canonical entities in common (the ubiquitous ones aside)
    numbers: float  # telling numbers in common, weighted (see `numbers`)
    days: int | None  # between publication dates, when both are known

    @property
    def same_event(self) -> bool:
        # e5 scores are compressed (unrelated news ~0.80, a translation ~0.92), so the lead
        # alone decides only when very close; shared figures ("8,6 %", "430 домов") are the
        # strongest sign across languages, shared named entities the next.
        # Calibrated on tests/data/stories.
        if self.days is not None and self.days > EVENT_WINDOW_DAYS:
            return False
        # Each shared entity beyond the first lowers the similarity needed, down to 0.84
        # for four or more (an akim, his region, two towns of it).
        return ((self.numbers >= 2 and self.similarity >= 0.82)
                or (self.numbers >= 1 and self.similarity >= 0.85)
                or (self.entities >= 2
                    and self.similarity >= 0.96 - 0.03 * min(self.entities, 4)))

    @property
    def worth_embedding(self) -> bool:
        """Whether some similarity could make it a match: embedding is the costly step."""
        return self.numbers >= 1 or self.entities >= 2


def numbers(text: str) -> dict[str, float]:
    """The figures of a text that another report of the same event would repeat: a decimal
    or a number of three digits or more counts 1, a two-digit one 0.5; years and single
    digits say nothing."""
    found = {}
    for number in NUMBER.findall(text):
        number = number.replace(",", ".")
        if len(number) < 2 or YEAR.fullmatch(number):
            continue
        found[number] = 1.0 if "." in number or len(number) >= 3 else 0.5
    return found


def document_keys(entity_ids: set[str], text: str) -> dict[str, float]:
    keys = {e: 1.0 for e in entity_ids - UBIQUITOUS}
    keys.update((f"#{n}", w) for n, w in numbers(text).items())
    return keys


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


def lead(doc: Document) -> str:
    """The title and the first lines of the body: what an outlet says the event is."""
    text = doc.text
    if doc.title and text.startswith(doc.title):
        text = text[len(doc.title):]
    body = " ".join(text.split())[:LEAD_CHARACTERS]
    return f"{doc.title or ''}. {body}" if doc.title else body


def assign_story(session: Session, row: Document, entity_ids: set[str]) -> None:
    """Put a document about to be stored into a story: its near-duplicate's, else the story
    of the other reports of the same event (stories it links are one story from now on),
    else a new one. Sets the document's LSH bands and keys, stored with it."""
    values = signature(row.text)
    row.minhash = values.tobytes()
    bands = band_keys(values)
    row.bands = [Band(band=band, key=key) for band, key in bands]
    original = _near_duplicate(session, row, values, bands)
    if original is not None:
        row.duplicate_of = original.duplicate_of or original.id
        row.story_id = original.story_id
        return
    keys = document_keys(entity_ids, row.text)
    row.keys = [Key(key=key, weight=weight, published=row.published)
                for key, weight in keys.items()]
    stories = sorted({d.story_id for d in _same_event(session, row, keys)})
    if stories:
        row.story_id = stories[0]
        _join(session, stories, row.published)
    else:
        story = Story(title=row.title, first_published=row.published, created_at=datetime.now())
        session.add(story)
        session.flush()
        row.story_id = story.id


def _join(session: Session, stories: list[int], published: date | None) -> None:
    """Make the first story hold the documents and directives of the others."""
    first, *others = stories
    if others:
        for model in (Document, Directive):
            session.execute(update(model).where(model.story_id.in_(others))
                            .values(story_id=first))
        session.execute(delete(Story).where(Story.id.in_(others)))
    story = session.get(Story, first)
    dates = [d for d in session.scalars(select(func.min(Document.published)).where(
        Document.story_id == first)) if d] + ([published] if published else [])
    if story is not None and dates:
        story.first_published = min(dates)


def _near_duplicate(session: Session, row: Document, values: np.ndarray,
                    bands: list[tuple[int, int]]) -> Document | None:
    same_text = session.scalars(select(Document).where(
        Document.content_hash == row.content_hash).limit(1)).first()
    if same_text is not None:
        return same_text
    candidates = session.scalars(
        select(Band.document_id).where(tuple_(Band.band, Band.key).in_(bands))
        .group_by(Band.document_id).order_by(func.count().desc()).limit(MAX_CANDIDATES)).all()
    best, best_score = None, NEAR_DUPLICATE
    for candidate in session.scalars(select(Document).where(Document.id.in_(candidates))
                                     .options(defer(Document.text), defer(Document.embedding))):
        score = jaccard(values, np.frombuffer(candidate.minhash, dtype=np.uint32))
        if score >= best_score:
            best, best_score = candidate, score
    return best


def _same_event(session: Session, row: Document, keys: dict[str, float]) -> list[Document]:
    """The stored documents (near-duplicates aside) that report the same event."""
    if not keys:
        return []
    shared = func.count().label("shared")
    query = (select(Key.document_id, shared).where(Key.key.in_(keys))
             .group_by(Key.document_id).order_by(shared.desc(), Key.document_id.desc())
             .limit(MAX_CANDIDATES))
    if row.published is not None:
        window = timedelta(days=EVENT_WINDOW_DAYS)
        query = query.where(Key.published.between(row.published - window,
                                                  row.published + window))
    found = [d for d, _ in session.execute(query)]
    if not found:
        return []
    # The text is read only for a lead not embedded yet.
    candidates = list(session.scalars(select(Document).where(Document.id.in_(found))
                                      .options(selectinload(Document.keys),
                                               defer(Document.text))))
    matches = []
    for candidate in candidates:
        theirs = {k.key: k.weight for k in candidate.keys}
        common = theirs.keys() & keys.keys()
        matches.append((candidate, EventMatch(
            0.0, sum(1 for k in common if not k.startswith("#")),
            sum(theirs[k] for k in common if k.startswith("#")),
            _days(candidate.published, row.published))))
    matches = [(c, m) for c, m in matches if m.worth_embedding]
    if not matches:
        return []
    vectors = embedding.kept([c for c, _ in matches] + [row], "embedding", lead)
    similarities = vectors[:-1] @ vectors[-1]
    return [candidate for (candidate, match), similarity in zip(matches, similarities, strict=True)
            if replace(match, similarity=float(similarity)).same_event]


def _days(a: date | None, b: date | None) -> int | None:
    return abs((a - b).days) if a and b else None
