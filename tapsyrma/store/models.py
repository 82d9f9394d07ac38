"""The registry's tables (SQLAlchemy 2), the same on SQLite and PostgreSQL.

A document is stored once; its directive sentences are `Source`s of registry `Directive`s, so one
directive reported by many outlets in two languages is one row with many sources. Sentences that
report carrying a directive out are `Report`s, linked to the directive they answer by `Followup`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column, relationship

OPENING_CHARACTERS = 600  # a page's headline and lead (Document.opening)


class Base(DeclarativeBase):
    pass


class Story(Base):
    """Documents that report the same event, in any outlet or language."""

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    first_published: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(300), unique=True)  # the id `extract` gives
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))  # the outlet
    title: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(8))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    # "01-21": the month and day of an undated page whose dateline prints no year.
    day: Mapped[str | None] = mapped_column(String(5))
    text: Mapped[str] = mapped_column(Text)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id"), index=True)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)  # title and lead, on demand
    terms: Mapped[bytes | None] = mapped_column(LargeBinary)  # its word stems, hashed (stories)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    # The headline and first lines, read without the whole text: what a page reports.
    opening: Mapped[str] = column_property(func.substr(text, 1, OPENING_CHARACTERS),
                                           deferred=True)

    bands: Mapped[list[Band]] = relationship(cascade="all, delete-orphan")
    keys: Mapped[list[Key]] = relationship(cascade="all, delete-orphan")


class Band(Base):
    """One locality-sensitive-hashing band of a document's MinHash: documents that share a
    band are near-duplicate candidates, found by an index instead of comparing all pairs."""

    __tablename__ = "bands"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_bands_band_key", "band", "key"),)


class TermCount(Base):
    """How many stored documents (near-duplicates aside) use a word stem, by its hash: the
    inverse document frequency that weighs the words two reports share."""

    __tablename__ = "term_counts"

    term: Mapped[int] = mapped_column(Integer, primary_key=True)
    documents: Mapped[int] = mapped_column(Integer)


class Key(Base):
    """What a document names that another report of the same event would name too: its
    canonical entities and its telling numbers ("#8.6"). Indexed, so that the candidates of a
    new document are found without comparing it with the whole archive. Near-duplicates
    have none: the document they copy stands for them."""

    __tablename__ = "keys"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    weight: Mapped[float] = mapped_column(Float)
    # The document's date, here too: a key's documents of a few days are one index range,
    # however large the archive grows.
    published: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_keys_key_published", "key", "published"),)


class Entity(Base):
    """A canonical entity (person, place, body) by its gazetteer id."""

    __tablename__ = "entities"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    type: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(Text)


class Mention(Base):
    """One entity span of a document's cleaned text."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"))
    type: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_mentions_entity_document", "entity_id", "document_id"),)


class Directive(Base):
    """One directive of the registry, whatever the number of documents that report it."""

    __tablename__ = "directives"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id"), index=True)
    given: Mapped[date | None] = mapped_column(Date, index=True)
    issuer_id: Mapped[str] = mapped_column(String(100), index=True)
    issuer_office: Mapped[str | None] = mapped_column(String(100))
    issuer_name: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str] = mapped_column(String(60), index=True)
    lang: Mapped[str | None] = mapped_column(String(8))
    deadline_text: Mapped[str | None] = mapped_column(Text)
    deadline_date: Mapped[date | None] = mapped_column(Date)
    recurrence_text: Mapped[str | None] = mapped_column(Text)
    rrule: Mapped[str | None] = mapped_column(String(200))
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)  # named in its evidence
    # A reviewer's word: the automatic status never overwrites it.
    review: Mapped[str | None] = mapped_column(String(20))  # confirmed, rejected
    status: Mapped[str | None] = mapped_column(String(20))  # set by a reviewer only
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("directives.id"))
    action_embedding: Mapped[bytes | None] = mapped_column(LargeBinary)
    sentence_embedding: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    addressees: Mapped[list[Addressee]] = relationship(
        order_by="Addressee.position", cascade="all, delete-orphan")
    sources: Mapped[list[Source]] = relationship(order_by="Source.id")


class Addressee(Base):
    __tablename__ = "addressees"

    directive_id: Mapped[int] = mapped_column(ForeignKey("directives.id", ondelete="CASCADE"),
                                              primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str | None] = mapped_column(Text)
    office: Mapped[str | None] = mapped_column(String(100), index=True)


class Source(Base):
    """A directive as one document states it: the evidence sentence and what was read in it."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directives.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str | None] = mapped_column(String(8))
    action: Mapped[str] = mapped_column(Text)
    extracted: Mapped[dict] = mapped_column(JSON)  # the `extract` record of this directive

    document: Mapped[Document] = relationship()

    __table_args__ = (UniqueConstraint("document_id", "start", "action"),)


class Report(Base):
    """A sentence that reports carrying a directive out ("во исполнение поручения …")."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    reports: Mapped[str] = mapped_column(String(20))  # done, in-progress, late, failed
    issuer_office: Mapped[str | None] = mapped_column(String(100))
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)
    topic: Mapped[str | None] = mapped_column(String(60))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)

    document: Mapped[Document] = relationship()


class Followup(Base):
    """A report linked to the directive it answers."""

    __tablename__ = "followups"

    directive_id: Mapped[int] = mapped_column(ForeignKey("directives.id"), primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"),
                                           primary_key=True)
    score: Mapped[float] = mapped_column(Float)

    report: Mapped[Report] = relationship()


class AuditEntry(Base):
    """Every reviewer's change: who, when, what it was before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directives.id"), index=True)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
