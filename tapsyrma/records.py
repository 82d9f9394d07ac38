"""The typed records that flow between the pipeline stages, defined once.

document (RawDocument) → clean text (CleanDocument) → sentences → entities → directives
→ the output record (Document), whose `to_json` is the shape of ../shared/CONTRACT.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True)
class RawDocument:
    """One input document as read, before any cleaning."""

    id: str
    path: str | None = None
    text: str | None = None  # plain text as scraped, boilerplate and all
    html: str | None = None  # a raw web page
    url: str | None = None
    published: date | None = None
    source: str | None = None  # the outlet, when the input says it


@dataclass(frozen=True)
class CleanDocument:
    """A document's cleaned text and the metadata found while cleaning it."""

    text: str
    title: str | None = None
    source: str | None = None
    published: date | None = None
    day: tuple[int, int] | None = None  # month and day of a page that prints no year
    url: str | None = None
    transliterated: bool = False  # Kazakh Latin script was turned into Cyrillic


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    lang: str | None = None
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True)
class Entity:
    type: str  # PER, LOC, ORG
    text: str
    start: int
    end: int
    id: str | None = None
    office: str | None = None  # for a person holding an office on the document's date

    def to_json(self) -> dict:
        out = {"type": self.type, "text": self.text, "start": self.start, "end": self.end,
               "id": self.id}
        if self.office:
            out["office"] = self.office
        return out


@dataclass(frozen=True)
class Party:
    """An issuer or an addressee: a canonical id, the surface name, the office held."""

    id: str
    name: str
    office: str | None = None

    def to_json(self) -> dict:
        out = {"id": self.id, "name": self.name}
        if self.office:
            out["office"] = self.office
        return out


@dataclass(frozen=True)
class Deadline:
    text: str
    date: date | None = None

    def to_json(self) -> dict:
        return {"text": self.text, "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True)
class Recurrence:
    text: str
    rrule: str

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Directive:
    sentence: str
    start: int
    end: int
    issuer: Party
    addressees: tuple[Party, ...]
    action: str
    kind: str  # instruction, demand, task, prohibition, recommendation, commitment
    deadline: Deadline | None = None
    recurrence: Recurrence | None = None
    topic: str = "other"
    confidence: float = 0.5
    lang: str | None = None
    trigger: str | None = None  # the words that made it a directive
    inferred: bool = False  # its addressees come from the article, not from its sentence

    def to_json(self) -> dict:
        return {
            "sentence": self.sentence, "start": self.start, "end": self.end,
            "issuer": self.issuer.to_json(),
            "addressees": [a.to_json() for a in self.addressees],
            "action": self.action, "kind": self.kind,
            "deadline": self.deadline.to_json() if self.deadline else None,
            "recurrence": self.recurrence.to_json() if self.recurrence else None,
            "topic": self.topic, "confidence": round(self.confidence, 2),
            "lang": self.lang, "trigger": self.trigger,
        }


@dataclass
class Document:
    """The result of extraction for one document (one output line of `tapsyrma extract`)."""

    id: str
    path: str | None
    lang: str | None
    title: str | None
    source: str | None
    published: date | None
    text: str
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    renamed_from: str | None = None  # the input's id, taken by another document of the run
    # The month and day of an undated page whose dateline prints no year ("21 января"):
    # reports of one event are still of one day.
    day: tuple[int, int] | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id, "path": self.path, "lang": self.lang, "title": self.title,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url, "text": self.text,
            "entities": [e.to_json() for e in self.entities],
            "directives": [d.to_json() for d in self.directives],
        }
