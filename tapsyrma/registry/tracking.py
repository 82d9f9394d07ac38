"""Tracking: which directives later news reports carried out, and each directive's status.

A report is a sentence such as "Во исполнение поручения Главы государства построено 12 школ" or
"Мемлекет басшысының тапсырмасын орындау аясында … салынды". It is linked to the directive it
answers: one given earlier, by the issuer the report names, about the same region, and close
in meaning (multilingual embeddings of the two sentences, so a Russian directive can be
answered in Kazakh). Most real reports never cite the order ("Завершено строительство
газопровода Талдыкорган – Ушарал"): a sentence that says something was done or is under way
is a report too, but it is linked only to a directive whose object it or its page's headline
and lead name (a name, a figure, read across both alphabets; or, when the directive names
none, the kind of object: "жилье" is answered by "823 дома", "баспана") and that was given
before it. A sentence that says what must be done ("должны быть завершены") reports nothing,
and a page that only recalls an order ("Напомним, … поручал") is a report on it, not its
source. A report that names the
object needs a lower score than one that only cites an order: "по поручению Главы
государства" says little about which order it answers. Linking runs both ways: a
report finds the directives already stored, a new directive the reports already stored, so
ingest order does not matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

import numpy as np
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from tapsyrma import embedding, records, russian
from tapsyrma.data import load
from tapsyrma.directives.parties import slug
from tapsyrma.directives.topic import topic
from tapsyrma.entities.gazetteer import name_forms
from tapsyrma.entities.places import regions_of
from tapsyrma.segment import sentences
from tapsyrma.store.models import (
    OPENING_CHARACTERS,
    Directive,
    Document,
    Followup,
    Report,
    Source,
)

WORD = re.compile(r"\w+(?:-\w+)*")
YEAR = re.compile(r"(19|20)\d\d")
QUOTED_NAME = re.compile(r"«([^«»\n]{3,80})»")
NAME_WORDS = 4  # a quoted name is short; longer quotes are speech
ROUTE = re.compile(r"(?<!\w)([^\W\d_]{4,})\s*[-–—]\s*([^\W\d_]{4,})(?!\w)")
STATUSES = ("open", "in-progress", "done", "overdue", "unknown")
SETBACKS = ("late", "failed")  # what reports may say besides "done" and "in-progress"
# A directive with no deadline and no report after this long: nobody can tell.
STALE_AFTER = timedelta(days=365)
# A report answers a directive given at most this long before it.
HORIZON = timedelta(days=5 * 365)
MAX_CANDIDATES = 300
# Cosine of the report and directive sentences (plus the bonuses below) needed for a link,
# and the lower one for a report that names the directive's object ("Сарыарка", "300
# домов"); calibrated on real pages (tests/data/real/followups, news-dev): a report's words
# "по поручению Главы государства" say little about which order it answers.
LINK_THRESHOLD = 0.90
NAMED_OBJECT_THRESHOLD = 0.85
NAMED_THRESHOLD = 0.80
ANTECEDENT_CHARACTERS = 400  # how far back the sentence an action points to is sought
LEAD_SENTENCES = 3  # the headline and the first sentences, which say what a page reports
OBJECT_PREFIX = 5  # letters of a folded name that identify it across cases and alphabets
SKELETON = 4  # letters of a name's first letter and consonants, its key across spellings
VOWELS = frozenset("aeiouy")
SAME_REGION_BONUS = 0.03
OTHER_TOPIC_PENALTY = 0.03


@dataclass(frozen=True)
class Reported:
    """A sentence read as a report of execution."""

    sentence: records.Sentence
    reports: str  # done, in-progress, late, failed
    issuer_office: str | None
    regions: tuple[str, ...]
    cited: bool = True  # it refers to an order ("во исполнение поручения"), not just an outcome
    points_back: bool = False  # to the order told just before it ("В целях его исполнения …")


@cache
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    lexicon = load("followups")[lang]
    out = {name: re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in lexicon[name]) + ")"
                            + lexicon.get(f"{name}_not_followed_by", ""))
           for name in ("reference", "reference_back", "reference_alone", "report_back", "done",
                        "in_progress", "late", "failed")}
    out["obligation"] = _any_word(lexicon["obligation"])
    out["setback_prevented"] = re.compile(r"(?<!\w)" + lexicon["setback_prevented"])
    if "future" in lexicon:  # Kazakh: "салынатын болады", "жөнделмек"
        out["future"] = re.compile("|".join(f"(?:{p})" for p in lexicon["future"]))
    for issuer, words in lexicon["issuer"].items():
        out[f"issuer:{issuer}"] = re.compile("|".join(map(re.escape, words)))
    out["recap"] = _any_word(map(re.escape, lexicon["recap"]))
    if "negation" in lexicon:
        out["negated"] = re.compile(r"(?<!\w)(?:" + "|".join(lexicon["negation"]) + r")\s+\w+")
    return out


def _any_word(patterns: Iterable[str]) -> re.Pattern[str]:
    """Any of `patterns` as a whole word (or words)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)")


def find_reports(doc: records.Document) -> list[Reported]:
    """The sentences of a document that report carrying out a directive."""
    found = []
    about = object_keys(doc.text[:OPENING_CHARACTERS])
    for number, sentence in enumerate(doc.sentences):
        lang = sentence.lang if sentence.lang in ("ru", "kk") else doc.lang
        if lang not in ("ru", "kk"):
            continue
        reports = report_kind(sentence.text, lang)
        cited = reports is not None
        # The page's lead names what its first sentences report ("Работы завершены"); further
        # down, an outcome without a name of its own is a detail, not the report.
        if not cited and ((about and number < LEAD_SENTENCES) or object_keys(sentence.text)):
            reports = outcome_kind(sentence.text, lang)
        if reports:
            found.append(Reported(sentence, reports, _issuer_office(sentence.text, lang),
                                  tuple(regions_of(sentence.start, sentence.end, doc.entities)),
                                  cited, cited and bool(_patterns(lang)["reference_back"].search(
                                      sentence.text.lower()))))
    return found


def outcome_kind(text: str, lang: str) -> str | None:
    """`done` or `in-progress` for a sentence whose words say so, cited order or not."""
    written = text.lower()  # a setback is read before negated words go ("не завершено в срок")
    low = _without_negated(written) if lang == "ru" else written
    patterns = _patterns(lang)
    if patterns["obligation"].search(low):
        return None
    setback = _setback(written, lang)
    if setback:
        return setback
    if patterns["in_progress"].search(low):
        return "in-progress"
    return "done" if patterns["done"].search(low) else None


@lru_cache(maxsize=100_000)  # a directive's sentence is read for every report it meets
def object_keys(*texts: str) -> frozenset[str]:
    """What sentences are about that another can name the same way: proper names (not of
    persons, offices or the country; a text's first word is capitalised anyway, unless it
    names a place: "Экибастузская ТЭЦ …") and
    figures, folded to one Latin skeleton of their first letters, so that "Сарыарка",
    "Сарыарқа" and "Saryarqa" are one key; and the kinds of object they name ("#housing" for
    "жилье", "дома", "баспана")."""
    keys = set(_names_and_figures(texts))
    low = " ".join(texts).lower()
    keys.update(f"#{kind}" for kind, pattern in _object_kinds().items() if pattern.search(low))
    keys.update(f"#{kind}" for kind, (covers, pattern) in _broad_kinds().items()
                if pattern.search(low) or keys & covers)
    return frozenset(keys)


def _names_and_figures(texts: Sequence[str]) -> set[str]:
    """The keys of the proper names, routes and telling figures of sentences."""
    stop = _not_objects()
    keys = set()
    quoted = _quoted_names(texts)
    for word in (w for text in texts for n, w in enumerate(WORD.findall(text))
                 if n or w in quoted or _folded(w) in _place_keys()):
        if word.isdigit():
            if len(word) >= 3 and not YEAR.fullmatch(word):
                keys.add(word)
        elif (word[:1].isupper() or word in quoted) and len(word) > 3:
            found = _name_keys(word)
            if not found & stop:
                keys.update(found)
    for text in texts:  # a route: "Талдыкорган – Ушарал", "Торғай-Ырғыз"
        for m in ROUTE.finditer(text):
            ends = sorted(map(_folded, m.groups()))
            if all(word[0].isupper() or word in quoted for word in m.groups()) and not (
                    stop.intersection(ends)):
                keys.add("~".join(ends))
    return keys


def name_keys(texts: Iterable[str], known: Iterable[str] = ()) -> frozenset[str]:
    """The keys of the proper names in sentences ("Жәйрем" and "Жайремской" are one name),
    those of places and of the `known` names (an entity's words) aside: they are entities."""
    entities = {key for name in known for word in WORD.findall(name) for key in _name_keys(word)}
    return frozenset(key for key in _names_and_figures(list(texts))
                     if not key.isdigit()) - _place_keys() - entities


def _quoted_names(texts: Iterable[str]) -> set[str]:
    """The words of short quoted names («Сарыарқа», «Талдықорған – үшарал»): names even where
    the script has no capitals (a page read from the Arabic script is all lower case)."""
    return {name for text in texts for m in QUOTED_NAME.finditer(text)
            if len(words := WORD.findall(m[1])) <= NAME_WORDS
            for word in words for name in (word, *word.split("-"))}


@cache
def _object_kinds() -> dict[str, re.Pattern[str]]:
    return {kind: _any_word(patterns) for kind, patterns in load("followups")["objects"].items()}


@cache
def _broad_kinds() -> dict[str, tuple[frozenset[str], re.Pattern[str]]]:
    """Kinds that cover several ("энергетические активы": heat plants and power stations), by
    the keys of the kinds they cover and the words that name them."""
    return {kind: (frozenset(f"#{k}" for k in item["covers"]), _any_word(item["patterns"]))
            for kind, item in load("followups")["broad_objects"].items()}


def _folded(word: str) -> str:
    return _latin(word)[:OBJECT_PREFIX]


def _latin(word: str) -> str:
    return slug(word).replace("q", "k").replace("gh", "g").replace("-", "")


def _name_keys(word: str) -> set[str]:
    """A name's keys: its first letters, and its first letter with the consonants after it,
    which the Kazakh and the Russian spelling of one name share where their vowels differ
    ("Кендірлі" and "Кендерли": "=kndr")."""
    latin = _latin(word)
    skeleton = latin[:1] + "".join(c for c in latin[1:] if c not in VOWELS)
    keys = {latin[:OBJECT_PREFIX]}
    if len(skeleton) >= SKELETON:
        keys.add("=" + skeleton[:SKELETON])
    return keys


@cache
def _not_objects() -> frozenset[str]:
    words = load("followups")["not_objects"] + [w for w in name_forms() if len(w) > 3]
    return frozenset(key for w in words for key in _name_keys(w))


def recalled(directive: records.Directive, lang: str | None) -> bool:
    """A directive recalled as background ("Напомним, … поручил", "… тапсырған болатын")."""
    return lang in ("ru", "kk") and _recalls(directive.sentence, lang)


def answered_next(doc: records.Document, found: Iterable[Reported]) -> set[int]:
    """The starts of the directives a report right after them points back to ("… дал
    поручение о реализации проекта «Центр – Запад». В целях его исполнения в министерстве
    состоялось совещание"): orders the page recalls to report on them."""
    back = {r.sentence.start for r in found if r.points_back}
    return {d.start for d in doc.directives
            if any(start >= d.end and not doc.text[d.end:start].strip() for start in back)}


def _recalls(sentence: str, lang: str) -> bool:
    return bool(_patterns(lang)["recap"].search(sentence.lower()))


def report_kind(text: str, lang: str) -> str | None:
    """`done` or `in-progress` when the sentence reports execution, else None."""
    written = text.lower()  # a setback is read before negated words go ("не завершено в срок")
    low = _without_negated(written) if lang == "ru" else written
    patterns = _patterns(lang)
    report_back = patterns["report_back"].search(low)
    if not (patterns["reference"].search(low) or patterns["reference_back"].search(low)
            or report_back):
        return None
    setback = _setback(written, lang)
    if setback:
        return setback
    obliged = patterns["obligation"].search(low)
    done = not obliged and (patterns["done"].search(low) or _perfective_outcome(low, lang))
    ongoing = patterns["in_progress"].search(low)
    if ongoing or (report_back and not done):
        return "in-progress"
    if done:
        return "done"
    if patterns["reference_alone"].search(low) or (not obliged and _future_work(low, lang)):
        return "in-progress"
    return None


def _future_work(low: str, lang: str) -> bool:
    """Whether a sentence says work will be done ("правительство примет меры", "будет
    реализован пакет мер", "салынатын болады"): in a sentence that cites the order, it is
    taken up."""
    if lang == "kk":
        return bool(_patterns(lang)["future"].search(low))
    words = WORD.findall(low)
    for n, word in enumerate(words):
        for parse in russian.parses(word)[:1]:
            tag = parse.tag
            if parse.normal_form in _not_future_work(lang):
                continue
            if "VERB" in tag and "perf" in tag and "futr" in tag and "3per" in tag:
                return True
            if parse.normal_form == "быть" and "futr" in tag and any(
                    "PRTS" in p.tag and "pssv" in p.tag
                    for later in words[n + 1:n + 3] for p in russian.parses(later)[:1]):
                return True
    return False


@cache
def _not_future_work(lang: str) -> frozenset[str]:
    return frozenset(load("followups")[lang]["not_future_work"])


def _setback(low: str, lang: str) -> str | None:
    """`failed` or `late` for a sentence that says the work was given up, or its deadline
    missed or moved ("сроки сорваны", "құрылыс кешіктірілді"), unless the setback is only to be
    prevented or feared ("не допустить срыва сроков", "если сроки будут сорваны")."""
    patterns = _patterns(lang)
    for kind in ("failed", "late"):
        found = patterns[kind].search(low)
        if found and not patterns["setback_prevented"].search(low[:found.start()]):
            return kind
    return None


def _without_negated(low: str) -> str:
    """"пока не выполнено" reports nothing done: the negated word goes."""
    return _patterns("ru")["negated"].sub(" ", low)


def _perfective_outcome(low: str, lang: str) -> bool:
    lexicon = load("followups")[lang]
    words = WORD.findall(low)
    if lang == "kk":
        # The main verb closes a Kazakh sentence.
        last = " ".join(words[-2:])
        if not words or any(last.endswith(v) or words[-1] == v for v in lexicon["not_outcomes"]):
            return False
        return (words[-1].endswith(tuple(lexicon["past_endings"]))
                and not words[-1].endswith(tuple(lexicon["negated_past_endings"])))
    skip = frozenset(lexicon["not_outcomes"])
    for word in words:
        for parse in russian.parses(word)[:1]:
            tag = parse.tag
            if parse.normal_form in skip:
                continue
            if "PRTS" in tag and "perf" in tag and "pssv" in tag:
                return True
            if "VERB" in tag and "perf" in tag and "past" in tag:
                return True
    return False


def _issuer_office(text: str, lang: str) -> str | None:
    """The office (or the person) whose directive the report says it carries out."""
    low = text.lower()
    for issuer in load("followups")[lang]["issuer"]:
        if _patterns(lang)[f"issuer:{issuer}"].search(low):
            return str(issuer)
    return None


def store_reports(session: Session, document_id: int, published: date | None,
                  found: Iterable[Reported]) -> list[Report]:
    rows = [Report(document_id=document_id, sentence=r.sentence.text, start=r.sentence.start,
                   end=r.sentence.end, reports=r.reports, issuer_office=r.issuer_office,
                   regions=list(r.regions), topic=topic(r.sentence.text, r.sentence.text),
                   published=published)
            for r in found]
    session.add_all(rows)
    session.flush()
    return rows


def link_report(session: Session, report: Report) -> list[Followup]:
    """Link a new report to the stored directive it most likely answers, if any is close
    enough, and to the directives given with it on its page that it answers as well ("ввести
    ТЭЦ в эксплуатацию в срок" and "запустить новую ТЭЦ в Кызылорде", one page's orders)."""
    cited = _cited(report)
    told = _told(report)
    query = select(Directive).where(Directive.merged_into.is_(None),
                                    or_(Directive.review.is_(None),
                                        Directive.review != "rejected"))
    if report.published is not None:
        query = query.where(or_(Directive.given.is_(None), Directive.given.between(
            report.published - HORIZON, report.published)))
    if not cited and report.published is not None:  # an outcome answers an earlier order
        query = query.where(or_(Directive.given.is_(None), Directive.given < report.published))
    if report.issuer_office:
        query = query.where(or_(Directive.issuer_office == report.issuer_office,
                                Directive.issuer_id == report.issuer_office))
    reported = set() if cited else _reported_in(session, report.document_id)
    candidates = [d for d in session.scalars(
        query.order_by(Directive.given.desc(), Directive.id.desc()).limit(MAX_CANDIDATES)
        .options(selectinload(Directive.sources)))
        if _regions_agree(d.regions, report.regions)
        and not any(s.document_id == report.document_id for s in d.sources)
        and not _recalled_only(d) and not _other_object(_ordered(d), told)
        and (cited or _names_object(_ordered(d), told))]
    restating = restatements(session, candidates)
    candidates = [d for d in candidates if d.id not in restating]
    if not candidates:
        return []
    thresholds = np.array([_threshold(d, told, cited) for d in candidates])
    scores = _scores([report], candidates)[0] - thresholds
    best = int(np.argmax(scores))
    # A page reports a directive once: a second sentence on what another one already
    # answered is more of that report, not one of the next directive down the list
    if scores[best] < 0 or candidates[best].id in reported:
        return []
    pages = {s.document_id for s in candidates[best].sources}
    links = [Followup(directive_id=d.id, report_id=report.id,
                      score=float(scores[k] + thresholds[k]))
             for k, d in enumerate(candidates) if k == best or (
                 scores[k] >= 0 and d.id not in reported
                 and pages & {s.document_id for s in d.sources})]
    session.add_all(links)
    return links


def claim_reports(session: Session, directive: Directive) -> int:
    """Link a new directive to the stored reports that answer it better than the directive
    they are linked to (or than none), or that answer a directive of its own page; returns
    how many."""
    if _recalled_only(directive):
        return 0
    query = select(Report).where(Report.document_id.not_in(
        select(Source.document_id).where(Source.directive_id == directive.id)))
    if directive.given is not None:
        query = query.where(or_(Report.published.is_(None), Report.published.between(
            directive.given, directive.given + HORIZON)))
    offices = {directive.issuer_office, directive.issuer_id} - {None}
    query = query.where(or_(Report.issuer_office.is_(None), Report.issuer_office.in_(offices)))
    found = list(session.scalars(query.order_by(Report.id.desc()).limit(MAX_CANDIDATES).options(
        selectinload(Report.document).load_only(Document.lang, Document.title,
                                                Document.opening))))
    cited = {r.id: _cited(r) for r in found}
    told = {r.id: _told(r) for r in found}
    ordered = _ordered(directive)
    reports = [r for r in found if _regions_agree(directive.regions, r.regions)
               and not _other_object(ordered, told[r.id])
               and (cited[r.id] or (_names_object(ordered, told[r.id]) and not (
                   directive.given and r.published and r.published <= directive.given)))]
    # One document reports a directive once: its citing sentence, else its best outcome.
    citing = {r.document_id for r in reports if cited[r.id]}
    reports = [r for r in reports if cited[r.id] or r.document_id not in citing]
    if not reports:
        return 0
    answering: dict[int, tuple[Report, float]] = {}  # the best sentence of each page
    for report, score in zip(reports, _scores(reports, [directive])[:, 0], strict=True):
        best = answering.get(report.document_id)
        if score >= _threshold(directive, told[report.id], cited[report.id]) and (
                best is None or score > best[1]):
            answering[report.document_id] = (report, float(score))
    claimed = 0
    pages = {s.document_id for s in directive.sources}
    for report, score in answering.values():
        existing = list(session.scalars(select(Followup).where(Followup.report_id == report.id)))
        siblings = existing and pages & set(session.scalars(select(Source.document_id).where(
            Source.directive_id.in_([e.directive_id for e in existing]))))
        if existing and not siblings:  # given on another page: the better answered keeps it
            if max(e.score for e in existing) >= score:
                continue
            for link in existing:
                session.delete(link)
            session.flush()
        session.add(Followup(directive_id=directive.id, report_id=report.id, score=float(score)))
        claimed += 1
    return claimed


def _threshold(directive: Directive, told: frozenset[str], cited: bool) -> float:
    """The score a report needs to answer the directive: lower when it names its object,
    lowest when by the object's own name or figure ("Сарыарка", "300 домов") or its kind in
    the directive's town ("школа" in Экибастуз)."""
    ordered = _ordered(directive)
    if _names_itself(ordered, told):
        return NAMED_THRESHOLD
    named = _names_object(ordered, told, places=cited)
    return NAMED_OBJECT_THRESHOLD if named else LINK_THRESHOLD


def _names_itself(ordered: frozenset[str], told: frozenset[str]) -> bool:
    """Whether a report names a directive's object by a name or figure of its own, or by its
    kind in a place the directive names."""
    shared = ordered & told
    kinds = {key for key in shared if key.startswith("#")}
    names = shared - kinds
    return bool(names - _place_keys() or (kinds and names))


def _names_object(ordered: frozenset[str], told: frozenset[str], places: bool = False) -> bool:
    """Whether a report names what a directive is about: a name or figure of the directive,
    or, when the directive names none, the kind of its object ("жилье" and "823 дома"). A gas
    pipeline other than the one named in the order is another object, and a place alone
    ("Семей") names no object, many things being done there, unless the report says it
    carries out an order ("Во исполнение поручения … в Экибастузе")."""
    shared = ordered & told
    kinds = {key for key in shared if key.startswith("#")}
    if _names_itself(ordered, told) or (places and shared - kinds):
        return True
    return bool(kinds) and all(key.startswith("#") for key in ordered)


def _other_object(ordered: frozenset[str], told: frozenset[str]) -> bool:
    """Whether a report is about another kind of object than the directive: a hospital
    opened "по поручению Главы государства" does not answer an order to build schools. A
    broad kind ("энергетические активы") is no other object than the kinds it covers."""
    ordered_kinds = _specific_kinds(ordered)
    told_kinds = _specific_kinds(told)
    return bool(ordered_kinds and told_kinds) and not ordered_kinds & told_kinds


def _specific_kinds(keys: frozenset[str]) -> set[str]:
    """The kinds of object among `keys`, a broad kind read as the kinds it covers unless one of
    them is named too ("энергетические активы": a heat plant or a power station)."""
    kinds = {key for key in keys if key.startswith("#")}
    for kind, (covers, _) in _broad_kinds().items():
        if f"#{kind}" in kinds:
            kinds.discard(f"#{kind}")
            if not kinds & covers:
                kinds |= covers
    return kinds


@cache
def _place_keys() -> frozenset[str]:
    """The keys of the names of regions and places, in every language they are given in."""
    items = load("regions")["region"] + load("places")["place"]
    return frozenset(key for item in items for lang in ("ru", "kk", "en")
                     for name in item.get(lang, []) for word in WORD.findall(name)
                     if len(word) > 3 for key in _name_keys(word))


def _recalled_only(directive: Directive) -> bool:
    """A directive known only from pages that recall it ("Напомним, … поручал"): those pages
    report on it; they are not where it was given."""
    return bool(directive.sources) and all(
        _recalls(s.sentence, "ru") or _recalls(s.sentence, "kk") for s in directive.sources)


def restatements(session: Session, directives: list[Directive]) -> set[int]:
    """The directives (by id) whose every page reports on an earlier directive about the same
    object: "Акиматам поручено … обеспечить введение нового жилья" in a report of the houses
    built is that directive again, not an order whose reports are its own. A new order about
    something else on such a page, in the same place or not, is tracked as any other."""
    pages = {s.document_id for d in directives for s in d.sources}
    if not pages:
        return set()
    reported: dict[int, set[int]] = {}
    for page, directive_id in session.execute(
            select(Report.document_id, Followup.directive_id).join(Followup)
            .where(Report.document_id.in_(pages))):
        reported.setdefault(page, set()).add(directive_id)
    if not reported:
        return set()
    answered = {d.id: _ordered(d) - _place_keys() for d in session.scalars(
        select(Directive).where(Directive.id.in_(set().union(*reported.values())))
        .options(selectinload(Directive.sources)))}
    return {d.id for d in directives if d.sources and all(
        any(other != d.id and answered[other] & _ordered(d)
            for other in reported.get(s.document_id, ()))
        for s in d.sources)}


def _reported_in(session: Session, document_id: int) -> set[int]:
    """The directives a sentence of the document is already linked to."""
    return set(session.scalars(select(Followup.directive_id).join(Report)
                               .where(Report.document_id == document_id)))


def _cited(report: Report) -> bool:
    lang = report.document.lang if report.document.lang in ("ru", "kk") else "ru"
    return report_kind(report.sentence, lang) is not None


def _ordered(directive: Directive) -> frozenset[str]:
    """What a directive is about, by the names and figures of its evidence sentence (and of
    the sentence before, when the action points back to it); a report that does not cite the
    order must name one of them (`_told`)."""
    return object_keys(*[_with_antecedent(directive, s) for s in directive.sources[:1]])


def _evidence(directive: Directive) -> str:
    """The text a report is compared with: the first evidence sentence, with the sentence
    before when its action points back to it ("… строительства комфортных школ. Правительству
    нужно активизировать эту работу")."""
    return _with_antecedent(directive, directive.sources[0]) if directive.sources else (
        directive.action)


def _with_antecedent(directive: Directive, source: Source) -> str:
    if not _anaphoric().search(directive.action.lower()):
        return source.sentence
    before = source.document.text[max(0, source.start - ANTECEDENT_CHARACTERS):source.start]
    antecedent = next(reversed(list(sentences(before))), None)
    return f"{antecedent.text} {source.sentence}" if antecedent else source.sentence


@cache
def _anaphoric() -> re.Pattern[str]:
    words = load("followups")["anaphoric_objects"]
    return re.compile(r"(?<!\w)(?:" + "|".join(p for lang in words.values() for p in lang) + ")")


def _told(report: Report) -> frozenset[str]:
    """The names and figures a report gives, in its sentence or its document's headline and
    lead: "Строительство завершено" on a page about the gas pipeline "Сарыарка"."""
    return object_keys(report.document.opening, report.sentence)


def _regions_agree(directive_regions: list[str], report_regions: list[str]) -> bool:
    # A national directive can be carried out in any region.
    return not directive_regions or not report_regions or bool(
        set(directive_regions) & set(report_regions))


def _scores(reports: list[Report], directives: list[Directive]) -> np.ndarray:
    """How well each report (rows) answers each directive (columns): the cosine of the
    report's sentence, alone or after its headline (the closer counts: the headline names
    what was done when the sentence only says "работы завершены"), with the directive's
    evidence sentence, plus a region in common, minus another topic."""
    missing = [r for r in reports if r.embedding is None]
    for report in missing:
        title = report.document.title
        texts = [report.sentence, f"{title}. {report.sentence}" if title else report.sentence]
        report.embedding = embedding.to_bytes(embedding.embed(texts))
    vectors = embedding.kept(directives, "sentence_embedding", _evidence)
    scores = np.stack([
        (vectors @ embedding.from_bytes(r.embedding).reshape(-1, embedding.DIMENSIONS).T)
        .max(axis=1) for r in reports if r.embedding is not None])
    bonus = np.array([[SAME_REGION_BONUS * bool(set(d.regions) & set(r.regions))
                       - OTHER_TOPIC_PENALTY * _other_topics(d.topic, r.topic)
                       for d in directives] for r in reports])
    return scores + bonus


def _other_topics(a: str | None, b: str | None) -> bool:
    return bool(a and b and "other" not in (a, b) and a != b)


def status(directive: Directive, reports: Iterable[str], as_of: date) -> str:
    """A reviewer's status, else one derived from the reports, the deadline and the age."""
    if directive.status:
        return directive.status
    reports = list(reports)  # in the order they were published
    setbacks = [i for i, kind in enumerate(reports) if kind in SETBACKS]
    done = [i for i, kind in enumerate(reports) if kind == "done"]
    if done and (not setbacks or done[-1] > setbacks[-1]):
        return "done"
    if setbacks:  # a missed or moved deadline, or work given up, until a later "done"
        return "overdue"
    if "in-progress" in reports:
        return "in-progress"
    if directive.deadline_date is not None:
        return "overdue" if directive.deadline_date < as_of else "open"
    if directive.given is None or as_of - directive.given > STALE_AFTER:
        return "unknown"
    return "open"
