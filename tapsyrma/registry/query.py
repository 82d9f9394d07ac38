"""Reading the registry: filtered directives and stories, in the shapes of CONTRACT.md."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, String, cast, func, or_, select, text
from sqlalchemy.orm import Session, defer, selectinload

from tapsyrma.errors import TapsyrmaError
from tapsyrma.registry.tracking import STATUSES, status
from tapsyrma.store.models import Addressee, Directive, Document, Followup, Report, Source, Story

WORD = re.compile(r"\w+\*?")


def directive_key(directive_id: int) -> str:
    return f"d-{directive_id:06d}"


def story_key(story_id: int) -> str:
    return f"s-{story_id:06d}"


def parse_key(key: str, prefix: str) -> int:
    """`d-000017`, `d-17` or `17` → 17."""
    number = key.removeprefix(f"{prefix}-")
    if not number.isdigit():
        raise TapsyrmaError(f"{key!r} is not a {prefix}- id (such as {prefix}-000017)")
    return int(number)


@dataclass(frozen=True)
class DirectiveFilter:
    """What `tapsyrma directives` can select by; None selects everything."""

    issuer: str | None = None  # a canonical id or an office
    addressee: str | None = None
    region: str | None = None
    topic: str | None = None
    status: str | None = None
    lang: str | None = None  # a language among the sources'
    since: date | None = None
    until: date | None = None
    text: str | None = None  # full-text query over evidence and actions; `word*` for a prefix
    story: int | None = None
    directive: int | None = None
    rejected: bool = False  # include directives a reviewer rejected


def find_directives(session: Session, where: DirectiveFilter, as_of: date) -> list[dict]:
    """The registry lines that pass the filter, newest first."""
    if where.status and where.status not in STATUSES:
        raise TapsyrmaError(f"unknown status {where.status!r}; one of {', '.join(STATUSES)}")
    query = _select(session, where)
    rows = session.scalars(query.options(
        defer(Directive.action_embedding), defer(Directive.sentence_embedding),
        selectinload(Directive.addressees),
        selectinload(Directive.sources).defer(Source.extracted)
        .selectinload(Source.document).load_only(
            Document.doc_id, Document.source, Document.published))).all()
    followups = _followups(session, [d.id for d in rows])
    lines = [directive_record(d, followups.get(d.id, []), as_of) for d in rows]
    return [x for x in lines if not where.status or x["status"] == where.status]


def _select(session: Session, where: DirectiveFilter) -> Select:
    query = select(Directive).where(Directive.merged_into.is_(None))
    if not where.rejected:
        query = query.where(or_(Directive.review.is_(None), Directive.review != "rejected"))
    if where.issuer:
        query = query.where(or_(Directive.issuer_id == where.issuer,
                                Directive.issuer_office == where.issuer))
    if where.addressee:
        query = query.where(Directive.id.in_(select(Addressee.directive_id).where(or_(
            Addressee.party_id == where.addressee, Addressee.office == where.addressee))))
    if where.region:
        query = query.where(or_(
            cast(Directive.regions, String).like(f'%"{where.region}"%'),
            Directive.issuer_office == f"akim:{where.region}",
            Directive.id.in_(select(Addressee.directive_id).where(or_(
                Addressee.party_id == f"akim:{where.region}",
                Addressee.office == f"akim:{where.region}")))))
    if where.topic:
        query = query.where(Directive.topic == where.topic)
    if where.lang:
        query = query.where(Directive.id.in_(
            select(Source.directive_id).where(Source.lang == where.lang)))
    if where.since:
        query = query.where(Directive.given >= where.since)
    if where.until:
        query = query.where(Directive.given <= where.until)
    if where.story is not None:
        query = query.where(Directive.story_id == where.story)
    if where.directive is not None:
        query = query.where(Directive.id == where.directive)
    if where.text:
        query = query.where(Directive.id.in_(_text_matches(session, where.text)))
    return query.order_by(Directive.given.desc().nulls_last(), Directive.id)


def _text_matches(session: Session, query: str) -> Select:
    """Directives whose evidence sentence or action holds every word of the query."""
    words = WORD.findall(query)
    if not words:
        raise TapsyrmaError(f"the text query {query!r} has no words")
    if session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{w.rstrip("*")}"' + ("*" if w.endswith("*") else "") for w in words)
        ids = text("SELECT rowid FROM sources_fts WHERE sources_fts MATCH :q").bindparams(q=match)
        return select(Source.directive_id).where(Source.id.in_(ids))
    terms = " & ".join(w.rstrip("*").lower() + (":*" if w.endswith("*") else "") for w in words)
    vector = func.to_tsvector("simple", Source.sentence + " " + Source.action)
    return select(Source.directive_id).where(
        vector.bool_op("@@")(func.to_tsquery("simple", terms)))


def _followups(session: Session, directive_ids: Sequence[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    if not directive_ids:
        return out
    rows = session.execute(
        select(Followup.directive_id, Report, Document.doc_id)
        .join(Report, Report.id == Followup.report_id)
        .join(Document, Document.id == Report.document_id)
        .where(Followup.directive_id.in_(directive_ids))
        .order_by(Report.published, Report.id)).all()
    for directive_id, report, doc_id in rows:
        out.setdefault(directive_id, []).append({
            "document": doc_id, "sentence": report.sentence, "start": report.start,
            "end": report.end, "reports": report.reports, "published": _iso(report.published)})
    return out


def directive_record(d: Directive, followups: list[dict], as_of: date) -> dict:
    """One line of `tapsyrma directives --format jsonl`."""
    issuer = {"id": d.issuer_id, "name": d.issuer_name}
    if d.issuer_office:
        issuer["office"] = d.issuer_office
    return {
        "id": directive_key(d.id), "story": story_key(d.story_id), "given": _iso(d.given),
        "issuer": issuer,
        "addressees": [{"id": a.party_id, "name": a.name} | ({"office": a.office}
                                                              if a.office else {})
                       for a in d.addressees],
        "action": d.action, "kind": d.kind, "topic": d.topic,
        "deadline": ({"text": d.deadline_text, "date": _iso(d.deadline_date)}
                     if d.deadline_text else None),
        "recurrence": ({"text": d.recurrence_text, "rrule": d.rrule}
                       if d.recurrence_text else None),
        "status": status(d, (f["reports"] for f in followups), as_of),
        "status_by": "review" if d.status else "auto",
        "review": d.review,
        "regions": d.regions,
        "languages": sorted({s.lang for s in d.sources if s.lang}),
        "sources": [{"document": s.document.doc_id, "sentence": s.sentence, "start": s.start,
                     "end": s.end, "lang": s.lang, "source": s.document.source,
                     "published": _iso(s.document.published)}
                    for s in d.sources],
        "followups": followups,
    }


def find_stories(session: Session) -> list[dict]:
    """Every story with its documents, in order of their first appearance."""
    counts: dict[int, int] = {story: n for story, n in session.execute(
        select(Directive.story_id, func.count()).where(
            Directive.merged_into.is_(None),
            or_(Directive.review.is_(None), Directive.review != "rejected"))
        .group_by(Directive.story_id))}
    documents: dict[int, list[Document]] = {}
    for doc in session.scalars(select(Document).order_by(Document.published.nulls_last(),
                                                          Document.id)):
        documents.setdefault(doc.story_id, []).append(doc)
    out = []
    for story in session.scalars(select(Story).order_by(Story.id)):
        docs = documents.get(story.id, [])
        if not docs:
            continue
        out.append({
            "id": story_key(story.id),
            "title": story.title or next((d.title for d in docs if d.title), None),
            "languages": sorted({d.lang for d in docs if d.lang}),
            "documents": [d.doc_id for d in docs],
            "directives": counts.get(story.id, 0),
            "first_published": _iso(story.first_published),
            "sources": sorted({d.source for d in docs if d.source}),
        })
    return out


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
