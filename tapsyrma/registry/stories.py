"""Stories: the documents that report one event.

Two steps, each with an index so that a new document is never compared with the whole archive:
- near-duplicates (a mirror, a syndicated copy with small edits) share MinHash LSH bands of
  their word shingles, stored in the `bands` table;
- reports of the same event by other outlets, in either language, share keys (canonical
  entities, telling figures, the lead's proper names in one spelling for both alphabets)
  within a few days, or with no date known; among those
  candidates a calibrated score decides: the multilingual embedding of title and lead, the
  entities in common weighted by how rare they are, the figures in common; two documents
  about different regions, or days apart, are never one event. Only candidates are
  embedded, once, and the vectors are kept.
- a document joins a story only when it matches most of its members (average linkage, not
  a chain through one member), and two stories never merge because one document matched
  both: the same actors doing the same kind of thing on another day stay another story.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param
from sqlalchemy import func, select, tuple_, union_all
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, defer, selectinload

from tapsyrma import embedding, records
from tapsyrma.registry.tracking import name_keys
from tapsyrma.store.models import Band, Document, Key, Story, TermCount

PERMUTATIONS = 128
NEAR_DUPLICATE = 0.7  # estimated Jaccard similarity of word 3-gram shingles
BANDS, ROWS = _optimal_param(0.6, PERMUTATIONS, 0.5, 0.5)  # catch 0.6 and verify at 0.7
SHINGLE = 3
LEAD_CHARACTERS = 400
EVENT_WINDOW_DAYS = 2
MAX_CANDIDATES = 100
# Entities too common to suggest that two documents report the same event.
UBIQUITOUS = frozenset({"kazakhstan", "president", "government"})
# The decision, calibrated on real pages (tests/data/real/stories and news-dev, pairs of
# documents): e5 scores are compressed (unrelated news ~0.80, a translation ~0.85-0.92, two
# reports of one kind of event on other days up to 0.95), so the lead is weighed with what
# the documents share. A Kazakh and a Russian report of one event score lower than two in one
# language; a pair whose dates are not both known needs more than two dated within days.
SAME_EVENT = 0.93
CROSS_LANGUAGE = 0.06
UNDATED = 0.035
PER_ENTITY_INFORMATION = 0.004  # per nat of inverse document frequency of a shared entity
PER_FIGURE = 0.03  # per telling figure in common, up to three
# Two reports of one event in one language share rare words beyond their names ("теплотрасса",
# "Рудный", "исполняющих обязанности"): a word-stem cosine above what reports of one kind of
# event share adds to the score.
PER_LEXICAL = 0.1
LEXICAL_FLOOR = 0.3
TERM = re.compile(r"[^\W\d_]{4,}")
STEM = 5  # letters that stand for a word in both languages: "теплотрассы" -> "тепло"
TERM_CHARACTERS = 3000  # words read from a text, from its start
MEMBERS_MATCHED = 0.5  # the share of a story's members a document must match to join it
REGION_KEY = "@"  # the key of a document's main region: "@kostanay"
# The key of a proper name of a lead, in both alphabets ("~zhair", "~=zhrm" for "Жәйрем"):
# the names of what the event is about that no gazetteer holds, a plant, a company, a
# village. Each name has two keys, each weighing half an entity.
NAME_KEY = "~"
NAME_WEIGHT = 0.5
NAME_CHARACTERS = 600  # the title and lead whose names are read
LEAP_YEAR, DAYS_IN_YEAR = 2000, 366  # days of the year of dates that print no year

WORD = re.compile(r"\w+")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?!\w)")
YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class EventMatch:
    """How alike two documents are; `same_event` is the decision."""

    similarity: float  # cosine of the title-and-lead embeddings
    entities: float  # canonical entities in common (the ubiquitous ones aside), and names
    numbers: float  # telling numbers in common, weighted (see `numbers`)
    days: int | None  # between publication dates or days of the year, when both are known
    information: float = 0.0  # the shared entities' inverse document frequencies, summed
    lexical: float = 0.0  # cosine of the word stems, weighed by rarity (one language only)
    cross_language: bool = False
    other_regions: bool = False  # each is about a region, not the same one

    @property
    def same_event(self) -> bool:
        return not self.apart and self.margin >= 0

    @property
    def margin(self) -> float:
        """How far the score is above what the pair needs (below it when negative)."""
        score = (self.similarity + CROSS_LANGUAGE * self.cross_language
                 + PER_ENTITY_INFORMATION * self.information
                 + PER_FIGURE * min(self.numbers, 3)
                 + PER_LEXICAL * max(0.0, self.lexical - LEXICAL_FLOOR))
        return score - SAME_EVENT - (UNDATED if self.days is None else 0)

    @property
    def words_could_decide(self) -> bool:
        """Whether the words two reports share could still make it a match: a pair in one
        language, short of the threshold by less than the most they can add."""
        return (not self.apart and not self.cross_language and self.margin < 0
                and self.margin + PER_LEXICAL * (1 - LEXICAL_FLOOR) >= 0)

    @property
    def worth_embedding(self) -> bool:
        """Whether some similarity could make it a match: embedding is the costly step."""
        return not self.apart and (self.numbers >= 1 or self.entities >= 2)

    @property
    def apart(self) -> bool:
        """About two other regions, or days apart: never one event, however alike."""
        return self.other_regions or (self.days is not None and self.days > EVENT_WINDOW_DAYS)


def terms(text: str) -> np.ndarray:
    """The word stems of a text's first characters, as sorted 32-bit hashes."""
    stems = {word.lower()[:STEM] for word in TERM.findall(text[:TERM_CHARACTERS])}
    return np.unique(np.array([int.from_bytes(hashlib.blake2b(stem.encode(), digest_size=4)
                                              .digest(), "big", signed=True)
                               for stem in stems], dtype=np.int32))


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


def document_keys(entity_ids: set[str], text: str, region: str | None = None,
                  names: Iterable[str] = ()) -> dict[str, float]:
    """Entities, figures ("#430"), names ("~zhair") and the main region ("@kostanay") of a
    document."""
    keys = {e: 1.0 for e in entity_ids - UBIQUITOUS}
    keys.update((NAME_KEY + name, NAME_WEIGHT) for name in names)
    keys.update((f"#{n}", w) for n, w in numbers(text).items())
    if region:
        keys[REGION_KEY + region] = 0.0
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


def lead_names(doc: records.Document) -> frozenset[str]:
    """The keys of the names in a document's title and lead that are no entity of it."""
    return name_keys((s.text for s in doc.sentences if s.start < NAME_CHARACTERS),
                     (e.text for e in doc.entities))


def assign_story(session: Session, row: Document, entity_ids: set[str],
                 region: str | None = None, names: Iterable[str] = ()) -> None:
    """Put a document about to be stored into a story: its near-duplicate's, else the story
    most of whose members report the same event, else a new one. Sets the document's LSH
    bands and keys, stored with it."""
    values = signature(row.text)
    row.minhash = values.tobytes()
    bands = band_keys(values)
    row.bands = [Band(band=band, key=key) for band, key in bands]
    original = _near_duplicate(session, row, values, bands)
    if original is not None:
        row.duplicate_of = original.duplicate_of or original.id
        row.story_id = original.story_id
        return
    keys = document_keys(entity_ids, row.text, region, names)
    row.keys = [Key(key=key, weight=weight, published=row.published)
                for key, weight in keys.items()]
    stems = terms(row.text)
    row.terms = stems.tobytes()
    story_id = _story_of(session, _same_event(session, row, keys, stems))
    _count_terms(session, stems)
    if story_id is not None:
        row.story_id = story_id
        _dated(session, story_id, row.published)
    else:
        story = Story(title=row.title, first_published=row.published, created_at=datetime.now())
        session.add(story)
        session.flush()
        row.story_id = story.id


def _story_of(session: Session, matched: list[Document]) -> int | None:
    if not matched:
        return None
    hits = Counter(d.story_id for d in matched)
    sizes = dict(session.execute(
        select(Document.story_id, func.count()).where(Document.story_id.in_(hits),
                                                      Document.duplicate_of.is_(None))
        .group_by(Document.story_id)).all())
    return chosen_story(hits, sizes)


def chosen_story(hits: Counter[int], sizes: dict[int, int]) -> int | None:
    """The story whose members a document matches most, by the share matched (average
    linkage), if it matches at least half of them; never a chain through one member. On a
    tie the story with more matches, then the older one."""
    if not hits:
        return None
    share, _, story = max((hits[s] / max(sizes.get(s, 1), 1), hits[s], -s) for s in hits)
    return -story if share >= MEMBERS_MATCHED else None


def _dated(session: Session, story_id: int, published: date | None) -> None:
    story = session.get(Story, story_id)
    if story is not None and published and (
            story.first_published is None or published < story.first_published):
        story.first_published = published


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


def _same_event(session: Session, row: Document, keys: dict[str, float], stems: np.ndarray
                ) -> list[Document]:
    """The stored documents (near-duplicates aside) that report the same event."""
    if not keys:
        return []
    sharing = select(Key.document_id).where(Key.key.in_(keys))
    if row.published is not None:
        # An undated page stored earlier may report the same event: it is a candidate too,
        # judged as undated pairs are, so that the order of ingest does not decide. Two
        # index ranges a key, the days around and the undated, never all its rows.
        window = timedelta(days=EVENT_WINDOW_DAYS)
        found_rows = union_all(sharing.where(Key.published.between(row.published - window,
                                                                   row.published + window)),
                               sharing.where(Key.published.is_(None))).subquery()
    else:
        found_rows = sharing.subquery()
    shared = func.count().label("shared")
    query = (select(found_rows.c.document_id, shared).group_by(found_rows.c.document_id)
             .order_by(shared.desc(), found_rows.c.document_id.desc()).limit(MAX_CANDIDATES))
    found = [d for d, _ in session.execute(query)]
    if not found:
        return []
    # The text is read only for a lead not embedded yet.
    candidates = list(session.scalars(select(Document).where(Document.id.in_(found))
                                      .options(selectinload(Document.keys),
                                               defer(Document.text))))
    stored = session.scalar(select(func.count()).select_from(Document)) or 0
    rarity = _information(session, keys, stored)
    matches = []
    for candidate in candidates:
        theirs = {k.key: k.weight for k in candidate.keys}
        common = theirs.keys() & keys.keys()
        entities = {k: theirs[k] for k in common if k[0] not in ("#", REGION_KEY)}
        regions = {k for k in theirs if k[0] == REGION_KEY}, {k for k in keys
                                                              if k[0] == REGION_KEY}
        matches.append((candidate, EventMatch(
            0.0, sum(entities.values()), sum(theirs[k] for k in common if k.startswith("#")),
            _days(candidate, row),
            information=sum(rarity.get(k, 0.0) * weight for k, weight in entities.items()),
            cross_language=bool(candidate.lang and row.lang and candidate.lang != row.lang),
            other_regions=bool(regions[0] and regions[1] and regions[0] != regions[1]))))
    matches = [(c, m) for c, m in matches if m.worth_embedding]
    if not matches:
        return []
    vectors = embedding.kept([c for c, _ in matches] + [row], "embedding", lead)
    similarities = vectors[:-1] @ vectors[-1]
    matches = [(candidate, replace(match, similarity=float(similarity)))
               for (candidate, match), similarity in zip(matches, similarities, strict=True)]
    # The words are weighed only where they could decide: their counts are a query.
    close = [c for c, m in matches if m.words_could_decide and c.terms]
    lexical = dict(zip(close, _lexical(session, stems, close, stored), strict=True))
    return [candidate for candidate, match in matches
            if replace(match, lexical=lexical.get(candidate, 0.0)).same_event]


def _lexical(session: Session, stems: np.ndarray, candidates: list[Document], stored: int
             ) -> list[float]:
    """The cosine of each candidate's word stems with `stems`, each stem weighed by the square
    of its inverse document frequency among the stored documents."""
    if not candidates:
        return []
    theirs = [np.frombuffer(c.terms or b"", dtype=np.int32) for c in candidates]
    vocabulary = np.unique(np.concatenate([stems, *theirs]))
    counts = dict(session.execute(select(TermCount.term, TermCount.documents)
                                  .where(TermCount.term.in_(vocabulary.tolist()))).all())
    used = np.array([counts.get(int(t), 0) for t in vocabulary])
    weight = np.log((stored + 1) / (used + 1)) ** 2
    ours = np.isin(vocabulary, stems)
    own = float(weight[ours].sum())
    out = []
    for their_stems in theirs:
        their = np.isin(vocabulary, their_stems)
        norm = math.sqrt(own * float(weight[their].sum()))
        out.append(float(weight[ours & their].sum()) / norm if norm else 0.0)
    return out


def _count_terms(session: Session, stems: np.ndarray) -> None:
    """One more document uses each of these stems."""
    if not len(stems):
        return
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
    statement = insert(TermCount).values([{"term": int(t), "documents": 1} for t in stems])
    session.execute(statement.on_conflict_do_update(
        index_elements=[TermCount.term], set_={"documents": TermCount.documents + 1}))


def _information(session: Session, keys: dict[str, float], stored: int) -> dict[str, float]:
    """The inverse document frequency of each key among the stored documents: an entity
    that half the archive names says little that two reports share."""
    counts = dict(session.execute(select(Key.key, func.count()).where(Key.key.in_(keys))
                                  .group_by(Key.key)).all())
    return {k: math.log((stored + 1) / (counts.get(k, 0) + 1)) for k in keys}


def _days(a: Document, b: Document) -> int | None:
    """Days between two documents' dates; when a year is missing, between their days of the
    year (a dateline's "21 января"), the nearer way round."""
    if a.published and b.published:
        return abs((a.published - b.published).days)
    days = [_day_of_year(d) for d in (a, b)]
    if days[0] is None or days[1] is None:
        return None
    apart = abs(days[0] - days[1])
    return min(apart, DAYS_IN_YEAR - apart)


def _day_of_year(doc: Document) -> int | None:
    if doc.published:
        month, day = doc.published.month, doc.published.day
    elif doc.day:
        month, day = map(int, doc.day.split("-"))
    else:
        return None
    return date(LEAP_YEAR, month, day).timetuple().tm_yday
