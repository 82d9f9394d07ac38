"""Directives of one story that say the same thing become one registry directive.

Two outlets (or the Kazakh and the Russian service of one) reporting the same instruction
give two extracted directives with the same issuer, overlapping addressees and an action
worded differently, maybe in the other language. They merge into one `Directive` with both
`Source`s; anything else starts a new directive. A directive restated weeks later
("повторно поручил", "тапсырманы қайталады") is sought among the issuer's earlier directives
of every story, and joins the one it repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from tapsyrma import embedding, records
from tapsyrma.data import load
from tapsyrma.directives import headline_echoes
from tapsyrma.entities.places import regions_of
from tapsyrma.store.models import Addressee, Directive, Document, Source

# Cosine of action embeddings above which two actions are taken to say the same thing.
# Two different tasks of one speech score ~0.85 in one language; across languages scores
# are lower for the same meaning (~0.86-0.92). A deadline on the same day is one more sign.
SAME_ACTION = 0.90
SAME_ACTION_ACROSS_LANGUAGES = 0.86
SAME_ACTION_IN_DOCUMENT = 0.96
SAME_DEADLINE_BONUS = 0.03
NOBODY = frozenset({"unspecified"})
# How far back a restated directive's first statement is sought, and among how many.
RESTATED_WITHIN = timedelta(days=365)
MAX_RESTATED_CANDIDATES = 200


def party_keys(party: records.Party | Addressee) -> set[str]:
    keys = {party.party_id if isinstance(party, Addressee) else party.id}
    if party.office:
        keys.add(party.office)
    return keys - NOBODY


def same_issuer(directive: Directive, issuer: records.Party) -> bool:
    theirs = {directive.issuer_id, directive.issuer_office} - {None}
    return bool(theirs & party_keys(issuer))


def addressees_overlap(directive: Directive, addressees: Iterable[records.Party]) -> bool:
    """True when they share a party, or when either side names no known party: an
    `other:` slug is made up from one language's words and says nothing across languages."""
    theirs = {k for a in directive.addressees for k in party_keys(a) if not _ad_hoc(k)}
    ours = {k for a in addressees for k in party_keys(a) if not _ad_hoc(k)}
    return not theirs or not ours or bool(theirs & ours)


def _ad_hoc(key: str) -> bool:
    return key.startswith("other:")


def add_directives(session: Session, row: Document, doc: records.Document,
                   skip: set[int]) -> tuple[list[Directive], int]:
    """Store each directive of a document as a source of an existing directive of its story
    or as a new one. `skip` holds the starts of sentences that are execution reports.
    Returns the new directives and the number merged into stored ones."""
    new: list[Directive] = []
    merged = 0
    echoes = headline_echoes(doc.directives, doc.text, doc.title)
    targets: dict[int, Directive] = {}
    # The body's statement of an order first: its headline's joins it as one more source
    order = sorted(range(len(doc.directives)), key=lambda k: k in echoes)
    for k in order:
        extracted = doc.directives[k]
        if extracted.start in skip:
            continue
        target = targets.get(echoes.get(k, -1)) or _same_directive(session, row, extracted)
        if target is None:
            target = _new_directive(row, doc, extracted)
            session.add(target)
            session.flush()
            new.append(target)
        else:
            merged += 1
            if row.published and (target.given is None or row.published < target.given):
                target.given = row.published
        targets[k] = target
        session.add(Source(directive_id=target.id, document_id=row.id,
                           sentence=extracted.sentence, start=extracted.start,
                           end=extracted.end, lang=extracted.lang or doc.lang,
                           action=extracted.action, extracted=extracted.to_json()))
    return new, merged


def _same_directive(session: Session, row: Document,
                    extracted: records.Directive) -> Directive | None:
    """A stored directive of the story that says the same thing (a rejected one too: a new
    source of a rejected directive must not bring it back)."""
    query = select(Directive).where(Directive.story_id == row.story_id,
                                    Directive.merged_into.is_(None))
    if restated(extracted.sentence, extracted.lang or row.lang):
        query = select(Directive).where(Directive.merged_into.is_(None), (
            Directive.story_id == row.story_id) | (Directive.given.is_not(None) & (
                Directive.given.between(row.published - RESTATED_WITHIN, row.published)
                if row.published else Directive.given.is_not(None)))) \
            .order_by(Directive.given.desc()).limit(MAX_RESTATED_CANDIDATES)
    candidates = [d for d in session.scalars(query)
                  if same_issuer(d, extracted.issuer)
                  and addressees_overlap(d, extracted.addressees)]
    if not candidates:
        return None
    exact = [d for d in candidates if _normal(d.action) == _normal(extracted.action)]
    if exact:
        return exact[0]
    vectors = embedding.kept(candidates, "action_embedding", lambda d: d.action)
    similarities = vectors @ embedding.embed([extracted.action])[0]
    deadline = extracted.deadline.date if extracted.deadline else None
    best, best_score = None, 0.0
    for directive, similarity in zip(candidates, similarities, strict=True):
        if any(s.document_id == row.id for s in directive.sources):
            # One article may restate its directive, but two tasks of one speech often
            # read alike.
            needed = SAME_ACTION_IN_DOCUMENT
        elif directive.lang != (extracted.lang or row.lang):
            needed = SAME_ACTION_ACROSS_LANGUAGES
        else:
            needed = SAME_ACTION
        score = float(similarity) + SAME_DEADLINE_BONUS * bool(
            deadline and deadline == directive.deadline_date)
        if score >= needed and score > best_score:
            best, best_score = directive, score
    return best


def restated(sentence: str, lang: str | None) -> bool:
    """ "Президент повторно поручил …", "Мемлекет басшысы тапсырманы қайталады": an order
    given again."""
    pattern = _restated_patterns().get(lang or "")
    return bool(pattern and pattern.search(sentence.lower()))


@cache
def _restated_patterns() -> dict[str, re.Pattern[str]]:
    return {lang: re.compile(r"(?<!\w)(?:" + "|".join(words) + ")")
            for lang, words in load("followups")["restated"].items()}


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _new_directive(row: Document, doc: records.Document,
                   extracted: records.Directive) -> Directive:
    issuer = extracted.issuer
    directive = Directive(
        story_id=row.story_id, given=row.published, issuer_id=issuer.id,
        issuer_office=issuer.office, issuer_name=issuer.name, action=extracted.action,
        kind=extracted.kind, topic=extracted.topic, lang=extracted.lang or doc.lang,
        deadline_text=extracted.deadline.text if extracted.deadline else None,
        deadline_date=extracted.deadline.date if extracted.deadline else None,
        recurrence_text=extracted.recurrence.text if extracted.recurrence else None,
        rrule=extracted.recurrence.rrule if extracted.recurrence else None,
        regions=regions_of(extracted.start, extracted.end, doc.entities,
                           (extracted.issuer, *extracted.addressees)), created_at=datetime.now())
    directive.addressees = [Addressee(position=n, party_id=a.id, name=a.name, office=a.office)
                            for n, a in enumerate(extracted.addressees)]
    return directive
