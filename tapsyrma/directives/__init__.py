"""Directives of a document: grammar frames per sentence, resolved against the article.

A cheap trigger prefilter keeps most sentences away from the grammars; each frame's issuer
is resolved from its subject, else the quote's speaker, else the previous issuer ("Он"), else
the article's leading actor; an addressee left out continues the previous directive's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from types import ModuleType

from tapsyrma import kazakh, russian
from tapsyrma.data import load
from tapsyrma.directives import kk, ru
from tapsyrma.directives.frame import Frame
from tapsyrma.directives.parties import (
    PERSONAL_OFFICES,
    DocumentContext,
    is_nominative,
    local_holders,
    mentions_of,
    nominative_party_span,
    slug,
    span_parties,
    stranger_party,
    strangers,
    title_office,
    titled_persons,
)
from tapsyrma.directives.quotes import (
    dialogue_lines,
    headed_lines,
    open_quotes,
    speaker_spans,
    speech_verbs,
)
from tapsyrma.directives.timing import find_deadline, find_recurrence
from tapsyrma.directives.topic import topic
from tapsyrma.entities.gazetteer import Mention
from tapsyrma.entities.places import region_counts
from tapsyrma.records import Deadline, Directive, Entity, Party, Recurrence, Sentence, Token
from tapsyrma.segment import tokens as tokenize

DECREE_HEADING = 20  # words at most of a line that names a decree as its heading
LIST_ITEM = re.compile(r"^\s*(?:[-–—•·*]|\d{1,2}[.)])\s*\S")
UNSPECIFIED = Party("unspecified", "")
OFFICIALS = Party("officials", "")
# Addressees taken for want of any named: they are carried on to no other order
FALLBACKS = ((UNSPECIFIED,), (OFFICIALS,))
# An omitted addressee carries over from a directive at most this many sentences back.
ADDRESSEE_CARRY = 3
# An obligation ("… тиіс", "нужно …") is an order when said within this many sentences of the
# speaker's previous order, or inside his quotation.
SPEECH_RUN = 3
REPORTER_AFTER = 6  # words from "есеп берген" to the end of who reported
POINTER_REACH = 4  # sentences of one run of speech from "осындай тапсырма" to its order
POINTER_WORDS = 3  # "Такое поручение", "осындай нақты тапсырма": words that only point back
OPENING_QUOTES = "«„\"“"  # that may open a name at the start of an action
# The headline and lead: where an article says whom the issuer met.
LEAD_SENTENCES = 3
# The sentences after the lead that may name one by one the akims it met in general
SCENE_DETAIL = 3
# What may stand between the subjects of one verb ("Премьер-министр и аким доложили").
SUBJECT_JOINERS = {"и", ",", "және", "мен", "пен", "бен"}
# A pronoun naming the speaker after his words ("– сказал он"): the previous issuer speaks.
SPEAKER_PRONOUNS = {"он", "она"}
# Words that open a sentence going on with the order before it: "Также необходимо …"
CONTINUING = {"также", "кроме", "помимо", "наряду"}
# "– сказал он, обращаясь к акимам": whom a speaker turns to hears his words
TURNING_TO = {"обращаясь", "обратившись"}
# The issuer's own side is never whom he met.
SCENE_EXCLUDED = {"president", "unspecified"}
OWN_STAFF = "other:staff"  # the issuer's own people (parties.toml, `own_staff`)
# Whose promises to citizens are tracked as commitments (CONTRACT.md, "kind").
PROMISERS = {"president", "prime-minister"}
# Two actions are one when this share of the shorter's content words (compared by their
# first letters, which carry the stem in both languages) is in the other.
CONTENT_WORD = re.compile(r"\w{4,}")
ACTION_STEM = 5
SAME_ACTION_SHARE = 0.6
# A retelling shares fewer of its words with the order it retells than two wordings of one
# order do ("распорядился принять меры в отношении чиновника" and "Поручаю аппарату акима
# взять этой ситуацию на контроль и принять соответствующие меры"); two at least.
RETOLD_ACTION_SHARE = 0.4
SHARED_WORDS = 2
# "поручил им", "поставил перед ними": an addressee named before
ADDRESSEE_PRONOUNS = frozenset().union(*ru.ADDRESSEE_PRONOUNS.values())
CONFIDENCE = {"firm": 0.9, "soft": 0.6, "context_issuer": -0.1, "no_issuer": -0.2}


@dataclass
class _State:
    context: DocumentContext
    speakers: dict[int, Party] = field(default_factory=dict)
    # Whom a quoted sentence is said to: "– сказал он акиму района", "обращаясь к премьеру"
    hearers: dict[int, list[Party]] = field(default_factory=dict)
    # A quoted sentence's speaker known only by a title the page does not place ("деді облыс
    # басшысы"): the issuer when no one named before can be
    titled: dict[int, Party] = field(default_factory=dict)
    last_issuer: Party | None = None
    chair: Party | None = None  # who chaired the meeting the article tells of
    previous: list[tuple[int, Directive]] = field(default_factory=list)
    scene: list[Party] = field(default_factory=list)  # whom the lead says the issuer met
    hosts: list[Party] = field(default_factory=list)  # who met them, named in the same lead
    reporters: list[Party] = field(default_factory=list)  # who last reported to the issuer
    main_issuer: Party | None = None  # the first issuer an order names as its subject
    first_subject: Party | None = None  # the first authority a sentence names as its subject
    list_open: bool = False  # the previous sentence opened a list of orders ("поручил:")
    list_told: list[Party] = field(default_factory=list)  # whom the line opening it told
    in_decree: bool = False  # a line of its own has named a decree and its author
    # Direct speech: every quoted sentence (those of `speakers` among them) and the lines
    # opened by a dash.
    dialogue: set[int] = field(default_factory=set)
    sentences: Sequence[Sentence] = ()  # the document's, for what a speaker said just before


def extract_directives(text: str, sentences: Sequence[Sentence], entities: Sequence[Entity],
                       lang: str | None, published: date | None) -> list[Directive]:
    context = _context(sentences, entities, lang, published)
    scene, hosts = _meeting_parties(sentences, lang, context)
    spans = speaker_spans(text, sentences)
    headed = headed_lines(text, sentences)  # "Тоқаев: … қажет": his words if he is one
    speakers, hearers, titled = _speakers(text, {**headed, **spans}, sentences, lang, context)
    state = _State(context, speakers, hearers, titled, scene=scene, hosts=hosts,
                   dialogue=dialogue_lines(text, sentences) | set(spans)
                   | {k for k in headed if k in speakers}
                   | (unclosed := open_quotes(text, sentences)), sentences=sentences)
    out: list[Directive] = []
    for index, sentence in enumerate(sentences):
        slang = "kk" if (sentence.lang or lang) == "kk" else "ru"
        grammar = kk if slang == "kk" else ru
        item = _list_item(sentence.text) and state.list_open
        passes = not item and _passes_prefilter(sentence.text, grammar.lexicon(),
                                                index in state.dialogue)
        colon = sentence.text.rstrip().endswith(":")
        heading = _heads_decree(text, sentence, grammar)  # "Распоряжение Премьер-Министра …"
        decree = colon and not passes and (state.in_decree or grammar.opens_decree(
            sentence.tokens))  # "…, ответственным за исполнение Дорожной карты:" in a decree
        state.list_open = bool(item) or decree or (passes and colon)
        if passes and colon:  # "Оперативному координационному совету поручено:"
            state.list_told = _list_told(sentence.tokens, slang, context)
        elif not state.list_open:
            state.list_told = []
        if heading or decree:  # "В решении акима Уральска Миржана Сатканова говорится:": its
            author = _author(sentence.tokens, slang, context)  # items are his
            state.last_issuer = author or state.last_issuer
            state.in_decree = state.in_decree or (heading and author is not None)
        if item:  # "— усилить штаб …;", or with its addressee: "• Министерству … принять …"
            body = replace(sentence, tokens=_after_marker(sentence.tokens))
            if grammar.enacts(body.tokens):
                continue  # "1. Утвердить прилагаемый Регламент": the decree's own act
            infinitive = grammar.list_item_frame(sentence.tokens)
            for frame, said in [(infinitive, sentence)] if infinitive else (
                    (f, body) for f in grammar.frames(body.tokens)):
                directive = _directive(text, said, index, frame, slang, state)
                if directive:
                    out.append(directive)
                    state.previous.append((index, directive))
            continue
        if not passes:
            if index not in unclosed:  # "«Президент … айтып келеді. Сондықтан …": whom the
                _note_subject(state, sentence, slang)  # speaker talks of, not who speaks
            continue
        told: list[Party] = []
        for frame in grammar.frames(sentence.tokens):
            if _tells_whom_only(text, frame, grammar) and _tell_before(
                    out, state, index, sentence, frame, slang):
                continue  # "… шешуді тапсырды. Жауапты басқармаларға нақты міндет жүктелді"
            directive = _directive(text, sentence, index, frame, slang, state)
            if directive and colon and _only_points(directive.action, grammar, "list_pointers"):
                # "дал акимам следующие поручения:": the items are the orders, for those told
                state.list_told = state.list_told or list(directive.addressees)
                continue
            if directive and not _said_again(directive, out):
                out.append(directive)
                state.previous.append((index, directive))
                state.last_issuer = directive.issuer
                told.extend(directive.addressees)
        if index not in unclosed:
            _note_subject(state, sentence, slang, told)
    main = state.main_issuer or state.first_subject  # or the authority it names first
    if main:  # "Также акиматам поручено …" before the article names who ordered
        # and a headline's order before the lead that says whom he met is for them
        met = [p for p in state.scene if not _same_party(p, main)] if any(
            _same_party(main, h) for h in state.hosts) else []
        out = [replace(d, issuer=main, addressees=tuple(met) if met and d.addressees == (
                   UNSPECIFIED,) else d.addressees) if d.issuer == UNSPECIFIED else d
               for d in out]
    return _retold_addressees(out)


def _tells_whom_only(text: str, frame: Frame, grammar: ModuleType) -> bool:
    """An order that names whom it is for and nothing of what to do ("Это поручается
    Республиканскому штабу и в целом Правительству")."""
    if not frame.addressees:
        return False
    starts = tuple(grammar.lexicon()["contentless_words"])
    return all(w.startswith(starts)
               for w in re.findall(r"\w+", text[frame.action[0]:frame.action[1]].lower()))


def _tell_before(out: list[Directive], state: _State, index: int, sentence: Sentence,
                 frame: Frame, lang: str) -> bool:
    """Give whom an order only names to the orders just before it that name no one, the run
    of one speaker's orders it closes ("Следует возводить защитные сооружения … Это
    поручается Республиканскому штабу"); whether there were any."""
    told = _one_per_id(_headed_parties(sentence.tokens, frame.addressees, lang, state.context))
    run: list[int] = []  # positions in `out`, whose sentences `state.previous` keeps alike
    expected = index - 1
    for k in range(len(out) - 1, -1, -1):
        at, found = state.previous[k][0], out[k]
        if at < expected or index - at > POINTER_REACH or not (
                found.inferred or found.addressees in FALLBACKS) or (
                run and found.issuer.id != out[run[0]].issuer.id):
            break
        run.append(k)
        expected = at - 1
    if not told or not run:
        return False
    for k in run:
        out[k] = replace(out[k], addressees=tuple(told), inferred=False)
        state.previous[k] = (state.previous[k][0], out[k])
    return True


def _said_again(directive: Directive, found: list[Directive]) -> bool:
    """Two frames of one sentence that read one order ("— Руководителям регионов нужно
    приложить усилия, — поручил он": the obligation, and the quote its verb closes); the
    first read, the narrower, stands, taking the addressees the second names."""
    for k in range(len(found) - 1, -1, -1):
        first = found[k]
        if first.start != directive.start:
            return False
        if first.issuer.id != directive.issuer.id or not (
                [a.id for a in first.addressees] == [a.id for a in directive.addressees]
                or first.addressees in FALLBACKS or directive.addressees in FALLBACKS):
            continue
        words = [{w[:ACTION_STEM].lower() for w in CONTENT_WORD.findall(d.action)}
                 for d in (first, directive)]
        if words[0] and words[1] and (words[0] <= words[1] or words[1] <= words[0]):
            narrower = first if len(first.action) <= len(directive.action) else directive
            told = first.addressees if directive.addressees in FALLBACKS else directive.addressees
            firmer = first if directive.kind == "recommendation" else directive  # "поручил"
            found[k] = replace(narrower, addressees=told, kind=firmer.kind,
                               confidence=max(first.confidence, directive.confidence))
            return True
    return False


def _retold_addressees(directives: list[Directive]) -> list[Directive]:
    """A headline or lead retells an order that the body gives with its addressees ("Токаев
    поручил оказать помощь пострадавшим" … "Премьер-министр и аким доложили … Поручил
    оказать помощь"): the retelling that names none takes those of the issuer's order that
    names them and shares most of its words, the first of equals."""
    out = []
    for d in directives:
        guessed = d.inferred and d.addressees != (UNSPECIFIED,)  # taken from the scene
        if d.addressees == (UNSPECIFIED,) or guessed:
            share, told = max(((action_share(o.action, d.action), o.addressees)
                               for o in directives if o.addressees not in FALLBACKS
                               and not (guessed and o.inferred)
                               and o.issuer.id == d.issuer.id),
                              key=lambda found: found[0], default=(0.0, d.addressees))
            if share >= RETOLD_ACTION_SHARE:
                d = replace(d, addressees=told)
        out.append(_members_named(d, directives))
    return out


def _members_named(directive: Directive, directives: Sequence[Directive]) -> Directive:
    """A collective told ("министрлер мен облыс әкіміне шұғыл шаралар қабылдауды тапсырды")
    stands for the members the issuer's order that shares most of its words names ("Қорғаныс,
    Ішкі істер министрлеріне … шұғыл шаралар қабылдауды тапсырдым")."""
    members = load("parties")["members"]
    grammar = kk if directive.lang == "kk" else ru
    if not any(a.id in members for a in directive.addressees) or not grammar.says_what_to_do(
            directive.action):  # "… су тасқыны жағдайына қатысты бірқатар тапсырма": many
        return directive  # orders on a topic, not one of them
    share, told = max(((action_share(o.action, directive.action), o.addressees)
                       for o in directives if o is not directive
                       and o.issuer.id == directive.issuer.id),
                      key=lambda found: found[0], default=(0.0, ()))
    if share < SAME_ACTION_SHARE:  # the same order, not one on the same objects ("обеспечить
        return directive  # готовность объектов" is not "завершить работы на объектах")
    addressees: list[Party] = []
    for a in directive.addressees:
        named = [o for o in told if a.id in members and (o.office or o.id).startswith(
            members[a.id])]
        addressees.extend(named if len(named) > 1 else [a])  # one akim told is not "акимы"
    return replace(directive, addressees=tuple(_one_per_id(addressees)))


def headline_echoes(directives: Sequence[Directive], text: str, title: str | None
                    ) -> dict[int, int]:
    """The directives of a headline that restates one of the body ("Токаев поручил акимам
    …"), each with the body's by the same issuer that says the same: two statements of one
    order, the body's with the full evidence."""
    if not title or not text.startswith(title):
        return {}
    body = [k for k, d in enumerate(directives) if d.start >= len(title)]
    return {k: found for k, d in enumerate(directives) if d.start < len(title) and (
        found := next((b for b in body if directives[b].issuer.id == d.issuer.id
                       and same_action(directives[b].action, d.action)), -1)) >= 0}


def same_action(a: str, b: str) -> bool:
    """Two wordings of one action: most content words of the shorter begin the same way."""
    return action_share(a, b) >= SAME_ACTION_SHARE


def action_share(a: str, b: str) -> float:
    """The share of the shorter action's content words that begin as words of the other's
    do; nothing when fewer than two are shared."""
    ka, kb = ({w[:ACTION_STEM].lower() for w in CONTENT_WORD.findall(x)} for x in (a, b))
    shorter = min(len(ka), len(kb))
    return len(ka & kb) / shorter if shorter >= 2 and len(ka & kb) >= SHARED_WORDS else 0.0


def _passes_prefilter(text: str, lexicon: dict, spoken: bool = False) -> bool:
    """The cheap first step of the cascade: a trigger stem (or a clause opening with what
    may be a dative addressee; in direct speech, what may be a bare infinitive), and no report
    of execution."""
    low = text.lower()
    patterns = [*lexicon.get("prefilter_re", ()), *(lexicon.get("prefilter_spoken_re", ())
                                                      if spoken else ())]
    return ((any(stem in low for stem in lexicon["prefilter"])
             or any(_compiled(p).search(low) for p in patterns))
            and (not any(marker in low for marker in lexicon["report_markers"])
                 or any(_compiled(p).search(low) for p in lexicon.get("by_order_future", ()))))


def _after_marker(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The tokens of a list item after its marker ("•", "2)")."""
    return tokens[next((k for k, t in enumerate(tokens) if t.text[:1].isalpha()), 0):]


def _list_item(text: str) -> bool:
    """ "— усилить штаб …;", "2) …", "• …": a line of a list."""
    return bool(LIST_ITEM.match(text))


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _context(sentences: Sequence[Sentence], entities: Sequence[Entity], lang: str | None,
             published: date | None) -> DocumentContext:
    context = DocumentContext(published)
    for e in entities:
        if e.id and e.type == "PER" and e.id not in context.persons:
            context.persons.append(e.id)
    context.regions = region_counts(entities)
    unknown = strangers(entities)
    context.unknown = {start: stranger_party(person, "kk" if lang == "kk" else "ru")
                       for start, person in unknown.items()}
    for sentence in sentences:
        slang = "kk" if (sentence.lang or lang) == "kk" else "ru"
        mentions = mentions_of(sentence.tokens, slang)
        for m in mentions:
            if m.entry.kind == "title":
                context.titles.add(m.entry.key)
                office = title_office(m.entry.key, (), context)
                if office:
                    context.offices[office] += 1
        for title, holder in local_holders(sentence.tokens, unknown, slang, context).items():
            context.local.setdefault(title, holder)
        for person, office in titled_persons(sentence.tokens, slang, context).items():
            context.titled.setdefault(person, office)
        listed = _listed_regions(mentions)
        if len(listed) > 1 and not context.first_listed:
            context.first_listed = listed
    return context


def _listed_regions(mentions: Sequence[Mention]) -> list[str]:
    """The regions a sentence names, in order, once each."""
    return list(dict.fromkeys(m.entry.key for m in mentions
                              if m.entry.kind == "region" and m.entry.key != "kazakhstan"))


def _meeting_parties(sentences: Sequence[Sentence], lang: str | None,
                     context: DocumentContext) -> tuple[list[Party], list[Party]]:
    """Whom the headline and lead say the issuer met or addressed: authorities in the
    instrumental ("совещание с акимами восьми регионов", "әкімдерімен кеңес өткізді",
    "встретился с акимом Акмолинской области"), received or heard ("принял акима Шымкента",
    "заслушал отчеты акимов"), or the body whose meeting he held
    ("заседание штаба", "штаб отырысы"); and who met them, the authority in the nominative
    of the same sentences."""
    found: list[Party] = []
    hosts: list[Party] = []
    bodies: list[Party] = []  # whose meeting it was: those present when none is named
    general = None  # the sentence that names the akims met in general
    for number, sentence in enumerate(sentences[:LEAD_SENTENCES + SCENE_DETAIL]):
        if number >= LEAD_SENTENCES and general is None:
            break  # no akims met in general to name one by one
        slang = "kk" if (sentence.lang or lang) == "kk" else "ru"
        tokens = sentence.tokens
        met = _met(tokens, slang, context)
        # "встречи с акимами областей … принял акима Карагандинской области …": the akims
        # met, one by one
        named = [p for p in met if (p.office or p.id).startswith("akim:")]
        if general is not None and number > general and named:
            found = [q for p in found for q in (named if p.id == "akims" else [p])]
            general = None
        if number >= LEAD_SENTENCES:
            continue
        held = _held_meeting(tokens, slang, context)
        host = _subject_span(tokens, slang) if met or held else None
        hosting = span_parties(tokens, host, slang, context) if host else []
        hosts.extend(hosting)
        # in the nominative: "Оған қала, аудан әкімдері … қатысты"; not who held the meeting
        # ("облыс әкімі … аудан әкімдері қосылған штаб отырысында")
        participants = [p for p in _participants(tokens, slang, context)
                        if not any(_same_party(p, h) for h in hosting)]
        found.extend(met)
        bodies.extend(held)
        found.extend(participants)
        if general is None and any(p.id == "akims" for p in found):
            general = number
    return [p for p in _one_per_id(found or bodies)  # the head of state by name too
            if p.id not in SCENE_EXCLUDED and p.office not in SCENE_EXCLUDED], hosts


def _only_points(action: str, grammar: ModuleType, pointers: str) -> bool:
    """An action that only points to orders told elsewhere: after it ("следующие поручения",
    "мынадай тапсырмалар": `list_pointers`) or before it ("Такое поручение", "осындай
    тапсырма": `anaphoric_determiners`)."""
    words = action.lower().split()
    return bool(words) and len(words) <= POINTER_WORDS and words[0] in grammar.lexicon()[
        pointers]


def _list_told(tokens: Sequence[Token], lang: str, context: DocumentContext) -> list[Party]:
    """Whom the line that opens a list of orders tells, known or not ("Оперативному
    координационному совету поручено:")."""
    grammar = kk if lang == "kk" else ru
    return _one_per_id(_headed_parties(tokens, grammar.list_told(tokens), lang, context))


def _to_sentence_end(start: int, sentences: Sequence[Sentence]) -> tuple[Token, ...]:
    """The words from a point to the end of its sentence: all of a speaker's words."""
    sentence = next((s for s in sentences if s.start <= start < s.end), None)
    return tuple(t for t in sentence.tokens if t.start >= start) if sentence else ()


def _held_meeting(tokens: Sequence[Token], lang: str, context: DocumentContext) -> list[Party]:
    """The bodies whose meeting a sentence names ("заседание штаба", "министрлігінің алқа
    отырысында"): those present."""
    grammar = kk if lang == "kk" else ru
    return _headed_parties(tokens, grammar.meeting_bodies(tokens), lang, context)


def _headed_parties(tokens: Sequence[Token], spans: Sequence[tuple[int, int]], lang: str,
                    context: DocumentContext) -> list[Party]:
    """The parties of noun phrases, one the gazetteer does not know by its head noun
    ("Оперативному координационному совету": other:sovet)."""
    grammar = kk if lang == "kk" else ru
    found: list[Party] = []
    for span in spans:
        head = grammar.addressee_head([t.text for t in tokens[slice(*span)]])
        found.extend(span_parties(tokens, span, lang, context, [head] if head else []))
    return found


def _met(tokens: Sequence[Token], lang: str, context: DocumentContext) -> list[Party]:
    """The authorities a sentence says were met or addressed: in the instrumental
    ("с акимами", "әкімдерімен") or received ("принял акима Шымкента"); else those a
    meeting was held with whom the gazetteer does not know ("с руководителями коммунальных
    предприятий", "мектеп директорларымен")."""
    grammar = kk if lang == "kk" else ru
    known = [p for m in mentions_of(tokens, lang)
             if m.entry.kind in ("person", "title", "body", "party") and (
                 _instrumental(tokens, m.start, m.end, lang)
                 or grammar.received(tokens, m.start, m.end))
             for p in _named_parties(tokens, m, lang, context)]
    # else those the gazetteer does not know, by their head noun
    return known or _headed_parties(tokens, grammar.meeting_audience(tokens), lang, context)


def _named_parties(tokens: Sequence[Token], mention: Mention, lang: str,
                   context: DocumentContext) -> list[Party]:
    """The parties of a mention with the regions and the name that go with it ("акима
    Карагандинской области Жениса Касымбека")."""
    return span_parties(tokens, _with_name(tokens, _with_regions(
        tokens, mention.start, mention.end, lang), lang), lang, context)


def _heads_decree(text: str, sentence: Sentence, grammar: ModuleType) -> bool:
    """A short line of its own that names a decree, its title or heading ("Распоряжение
    Премьер-Министра Республики Казахстан от 27 марта 2020 года № 55-р.")."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return (line.strip() == sentence.text.strip() and len(sentence.tokens) <= DECREE_HEADING
            and grammar.opens_decree(sentence.tokens[:2] if grammar is ru else sentence.tokens))


def _author(tokens: Sequence[Token], lang: str, context: DocumentContext) -> Party | None:
    """The authority a line names first, with his name: whose decree it is ("В решении
    акима Уральска Миржана Сатканова говорится:")."""
    first = next((m for m in mentions_of(tokens, lang) if m.entry.kind in ("person", "title")),
                 None)
    parties = _named_parties(tokens, first, lang, context) if first else []
    return parties[0] if parties else None


def _with_name(tokens: Sequence[Token], span: tuple[int, int], lang: str) -> tuple[int, int]:
    """The phrase with the name of its holder right after it ("акима Карагандинской области
    Жениса Касымбека")."""
    return next(((span[0], m.end) for m in mentions_of(tokens, lang)
                 if m.entry.kind == "person" and m.start == span[1]), span)


def _participants(tokens: Sequence[Token], lang: str, context: DocumentContext) -> list[Party]:
    """Who a sentence says took part ("Оған қала, аудан әкімдері … қатысты", "В совещании
    приняли участие акимы районов"): the parties it names in the nominative."""
    if (kk if lang == "kk" else ru).find_verb(tokens, "participation_verbs") is None:
        return []
    return [p for m in mentions_of(tokens, lang)
            if m.entry.kind in ("person", "title", "body", "party")
            and is_nominative(tokens[m.end - 1 if lang == "kk" else m.start].text, lang)
            for p in span_parties(tokens, (m.start, m.end), lang, context)]


def _instrumental(tokens: Sequence[Token], start: int, end: int, lang: str) -> bool:
    if lang == "kk":  # "министрлікпен бірлесіп": working together, not met
        return kazakh.has_case(tokens[end - 1].text, "instrumental") and not (
            end < len(tokens) and tokens[end].text.lower() in kk.lexicon()["together"])
    return (start > 0 and tokens[start - 1].text.lower() in ("с", "со")
            and russian.in_case(tokens[start].text, "ablt", ("NOUN", "ADJF"))
            and not ru.alongside(tokens, start))


def _with_regions(tokens: Sequence[Token], start: int, end: int, lang: str) -> tuple[int, int]:
    """The phrase with the regions named right after it ("с акимами Абайской и Жетысуской
    областей") or, in Kazakh, before it."""
    found = mentions_of(tokens, lang)
    regions = [m for m in found if m.entry.kind == "region"]
    if lang == "kk":
        for m in reversed(regions):  # a list of them reaches as far as it goes on, but not
            # past someone else ("облысының әкімі Нариман Төреғалиев аудан әкімдерімен")
            if m.end <= start and start - m.end <= 3 and not any(
                    m.end <= o.start < start for o in found if o.entry.kind != "region"):
                start = m.start
        return (start, end)
    for m in regions:
        if m.start >= end and m.start - end <= 3:
            end = m.end
    return (start, end)


def _speakers(text: str, spans: dict[int, tuple[int, int]], sentences: Sequence[Sentence],
              lang: str | None, context: DocumentContext
              ) -> tuple[dict[int, Party], dict[int, list[Party]], dict[int, Party]]:
    """The speaker of each quoted sentence whose speaker is named ("— заявил он" names
    nobody: such a quote is still direct speech, its issuer the previous one), whom a
    Russian one is said to (`_hearers`), and the speakers known only by a title."""
    speakers, hearers, titled = {}, {}, {}
    for index, (start, end) in spans.items():
        words = tokenize(text[start:end], start)
        slang = "kk" if (sentences[index].lang or lang) == "kk" else "ru"
        rest = _to_sentence_end(start, sentences)  # the speaker's words and what follows
        turned = next((k for k, t in enumerate(rest) if t.text.lower() in TURNING_TO), None)
        if turned is not None:  # "– сказал Карим Масимов, обращаясь к Имангали Тасмагамбетову":
            told = span_parties(rest, (turned + 1, len(rest)), slang, context)  # he speaks to
            if told:  # the one after, who is no speaker
                hearers[index] = told
            words = tuple(w for w in words if w.start < rest[turned].start)
        elif slang == "ru" and (told := _hearers(words, start, end, context)):
            hearers[index] = told
        elif held := [p for p in _held_meeting(rest, slang, context)
                      if p.id.startswith("minister:")]:
            # "…», - деді Үкімет басшысының орынбасары Энергетика министрлігінің алқа
            # отырысында": the ministry hears it (the Government's session or a staff's meeting
            # is many bodies', the scene says whose)
            hearers[index] = held
        principal = _principal(words, slang)
        if slang == "ru" and principal == (0, len(words)):  # "– сказал он акиму района":
            if words and words[0].text.lower() in SPEAKER_PRONOUNS:  # "он" speaks, the akim
                continue  # only hears
            principal = nominative_party_span(words, len(words), slang) or principal
        parties = span_parties(words, principal, slang, context)
        if parties:
            speakers[index] = parties[0]
        elif untold := _untold_title(words, principal, slang, context):
            titled[index] = untold[0]
    return speakers, hearers, titled


def _untold_title(words: Sequence[Token], span: tuple[int, int], lang: str,
                  context: DocumentContext) -> list[Party]:
    """A speaker known by a title whose region the page never names ("Осылай деген облыс
    басшысы"): an official all the same, by his title's head noun."""
    title = next((m for m in mentions_of(words, lang)
                  if m.entry.kind == "title" and span[0] <= m.start < span[1]), None)
    if title is None:
        return []
    head = (kk if lang == "kk" else ru).addressee_head(
        [t.text for t in words[title.start:title.end]])
    return span_parties(words, (title.start, title.end), lang, context,
                        [head]) if head else []


def _hearers(words: Sequence[Token], start: int, end: int, context: DocumentContext
             ) -> list[Party]:
    """Whom a Russian quote is said to, named in the dative after the verb of saying: a
    party ("– сказал он акиму района"), a man the gazetteer does not know, with the title the
    article gave him ("– сказал Ермаганбет Булекпаев Ералы Оспанову"), or one it cannot know
    ("– сказал подрядчику глава региона", "– сказал аким подрядчику")."""
    told = [m for m in mentions_of(words, "ru")
            if m.entry.kind in ("person", "title", "party", "body")
            and _in_dative(words[m.start].text)]
    if told:
        return span_parties(words, (told[0].start, told[-1].end), "ru", context)
    strangers = [context.with_title(person) for at, person in context.unknown.items()
                 if start <= at < end and _in_dative(person.name)]
    if strangers:
        return strangers
    for k, word in enumerate(words):  # "– поручил аким руководителю городского отдела ЖКХ"
        head = ru.addressee_head([word.text]) if _in_dative(word.text) else None
        if head:
            end = next((j for j in range(k + 1, len(words))
                        if not russian.in_case(words[j].text, "gent", ("NOUN", "ADJF"))),
                       len(words))
            return span_parties(words, (k, end), "ru", context, [head])
    return []


def _in_dative(name: str) -> bool:
    """A Russian name or noun in the dative: its last word ("Ералы Оспанову")."""
    last = name.split()[-1]
    return russian.in_case(last, "datv", ("NOUN",)) and not russian.best_has(last, "nomn")


def _principal(words: Sequence[Token], lang: str) -> tuple[int, int]:
    """The words naming whose words a quote is: the speaker, or whom a spokesman speaks for
    ("пресс-секретарь Президента Берик Уали": the President; "Президенттің баспасөз
    хатшысы": the President). An empty span when the spokesman names nobody."""
    lowered = [t.text.lower() for t in words]
    for phrase in load("speech")[f"spokesmen_{lang}"]:
        size = len(phrase.split())
        at = next((k for k in range(len(words) - size + 1)
                   if " ".join(lowered[k:k + size]) == phrase), None)
        if at is None:
            continue
        if lang == "kk":
            return (0, at)
        people = [m.start for m in mentions_of(words, lang)
                  if m.entry.kind == "person" and m.start >= at + size]
        return (at + size, min(people, default=len(words)))
    return (0, len(words))


def _note_subject(state: _State, sentence: Sentence, lang: str, told: Sequence[Party] = ()
                  ) -> None:
    """Remember the authority a sentence names as its subject, for a later "Он поручил",
    unless the sentence's order is for him ("Роман Скляр, которому поручили …"), and the
    bodies named, for a later bare "министерству"."""
    mentions = mentions_of(sentence.tokens, lang)
    state.context.named.extend(m.entry.key for m in mentions
                               if m.entry.kind in ("body", "title", "party")
                               and "{" not in m.entry.key)
    listed = _listed_regions(mentions)
    if len(listed) > 1:  # for a later "акимам данных регионов"
        state.context.listed = listed
    reporters = _reporters(sentence.tokens, lang, state.context)
    span = _subject_span(sentence.tokens, lang)
    if span:
        parties = span_parties(sentence.tokens, span, lang, state.context)
        if parties and not any(_same_party(parties[0], p) for p in told) and not (
                state.chair and any(_same_party(parties[0], p) for p in reporters)):
            # one who reports at the meeting another chairs gives none of its orders
            state.last_issuer = parties[0]
            state.first_subject = state.first_subject or parties[0]
            if state.list_open:  # "Глава правительства поручил:" heads the list of his orders
                state.main_issuer = state.main_issuer or parties[0]
    chair = _chair(sentence.tokens, lang, state.context)
    if chair:  # "под председательством акима района …": whose meeting gives its orders
        state.last_issuer = state.last_issuer or chair
        state.chair = chair
    state.reporters = reporters or state.reporters


def _subject_span(tokens: Sequence[Token], lang: str) -> tuple[int, int] | None:
    """The authority a sentence names as its subject: the first in the nominative, not the
    last ("Глава государства Касым-Жомарт Токаев заслушал доклад акима Жениса Касымбека")."""
    span = nominative_party_span(tokens, len(tokens), lang)
    if span:
        span = next((found for m in mentions_of(tokens, lang) if m.end <= span[0]
                     and (found := nominative_party_span(tokens, m.end, lang))
                     and found[1] == m.end), span)
    return span


def _chair(tokens: Sequence[Token], lang: str, context: DocumentContext) -> Party | None:
    """Who chaired the meeting a sentence names: "под председательством акима района
    Нурлыбека Унербаева", "облыс әкімі Сергей Кулагиннің төрағалығымен"."""
    if lang == "kk":
        at = next((k for k, t in enumerate(tokens) if t.text.lower().startswith("төрағалығ")),
                  None)
        span = (max(0, at - 5), at) if at else None
    else:
        at = next((k for k in range(1, len(tokens))
                   if tokens[k].text.lower() == "председательством"
                   and tokens[k - 1].text.lower() == "под"), None)
        span = (at + 1, min(len(tokens), at + 7)) if at is not None else None
    parties = span_parties(tokens, span, lang, context) if span else []
    return parties[0] if parties else None


def _reporters(tokens: Sequence[Token], lang: str, context: DocumentContext) -> list[Party]:
    """Who the sentence says reported ("Премьер-министр А. Мамин и аким У. Шукеев доложили
    о мерах", "Әкім … есеп берді"): the subjects before the verb of reporting, or the one
    after a Kazakh participle of it ("Мемлекет басшысына есеп берген облыс әкімі")."""
    verb = (kk if lang == "kk" else ru).find_verb(tokens, "report_verbs")
    participle = kk.find_verb(tokens, "report_participles") if (
        verb is None and lang == "kk") else None
    if participle is not None:
        span = nominative_party_span(tokens, min(len(tokens), participle + REPORTER_AFTER), lang)
        return span_parties(tokens, span, lang, context) if span and span[0] > participle else []
    found: list[Party] = []
    limit = verb or 0
    while limit:
        span = nominative_party_span(tokens, limit, lang)
        if span is None or (found and not all(  # the subject, and those coordinated with it
                t.text.lower() in SUBJECT_JOINERS or t.text[:1].isupper()  # "аким У.Шукеев"
                for t in tokens[span[1]:limit])):
            break
        found[:0] = span_parties(tokens, span, lang, context)
        limit = span[0]
    return _one_per_id(found)  # "Аким Астаны Женис Касымбек": one man, title and name


def _directive(text: str, sentence: Sentence, index: int, frame: Frame, lang: str,
               state: _State) -> Directive | None:
    grammar = kk if lang == "kk" else ru
    tokens = sentence.tokens
    if frame.issuer and grammar.non_authority(_head(tokens, frame.issuer, lang)):
        return None
    said = _said_that(tokens, lang)
    if said is not None and frame.trigger[0] > said and nominative_party_span(
            tokens, said, lang) is None and any(grammar.non_authority(t.text)
                                                for t in tokens[:said]):
        return None  # "Эксперт подчеркнул, что акимам необходимо …": his view, not an order
    issuer, confidence = _issuer(tokens, index, frame, lang, state)
    if frame.kind == "demand" and issuer == UNSPECIFIED:
        return None  # "Бұл … ашуды талап етеді": a demand of nobody is a requirement
    if frame.kind == "commitment" and ((issuer.office or issuer.id) not in PROMISERS or not (
            index in state.dialogue or _according_to(tokens, lang, state))):
        return None  # a promise counts in the quoted words of the head of state or government
    if frame.scene and (issuer == UNSPECIFIED or (
            (frame.soft or frame.spoken) and not _in_speech(state, index, tokens, lang))):
        return None  # words of nobody, or a writer's "нужно" outside the authority's speech
    deadline = find_deadline(sentence.text, lang, state.context.published)
    if lang == "ru" and frame.scene and frame.soft and not frame.addressees and not (
            _continues_orders(state, index, tokens, deadline)) and _exhorts(
            state, index, tokens, frame, text[frame.action[0]:frame.action[1]], deadline):
        return None
    addressees = _addressees(tokens, frame, lang, state, grammar)
    if frame.issuer and not issuer.office and issuer.id not in PERSONAL_OFFICES and any(
            a.id == issuer.id for a in addressees):  # (a district's akim tells its villages')
        # "акиматы подтвердили готовность, … поэтому акиматы должны …": the body obliged is
        # not the one who obliges it; the speaker or the article's issuer is
        issuer, confidence = _issuer(tokens, index, replace(frame, issuer=None), lang, state)
    addressees = _not_himself(addressees, issuer)
    inferred = not addressees
    if not addressees and _told_you(tokens, frame) and _in_speech(state, index, tokens, lang):
        # "вам нужно персонально держать на контроле …": those he speaks to, or those who run
        # the land he names ("Ваша задача – … на вашей территории")
        addressees = (state.hearers.get(index) or _jurisdiction(sentence.text, lang)
                      or _scene_addressees(state, index, issuer))
    if not addressees and frame.kind == "commitment":
        addressees = [UNSPECIFIED]  # "будет построено": who will build it is not said
    if not addressees and grammar.names_meeting(tokens):  # "Сауда желілерінің өкілдерімен
        addressees = [p for p in _met(tokens[:frame.trigger[0]], lang, state.context)  # кездескен
                      if not _same_party(p, issuer)]  # министр … тапсырды": those he met
    if not addressees and frame.scene and not frame.impersonal:
        addressees = (state.list_told or _concerned(state, index, sentence, lang, issuer)
                      or state.hearers.get(index) or _scene_addressees(state, index, issuer))
    if not addressees:
        if frame.soft:
            return None
        # A ban is addressed to whom it says, or to all; an order in the first person
        # ("поручаю …") to those he addresses
        if frame.kind == "prohibition" or frame.impersonal:
            addressees = [UNSPECIFIED]
        else:
            addressees = ((frame.first_person and _jurisdiction(sentence.text, lang))
                          or _everywhere(sentence.text, lang, issuer)
                          or _carried_addressees(state, index, issuer))
    addressees = _one_per_id(_subordinates(
        _with_partners(addressees, tokens, lang, state, issuer), issuer))
    recurrence = find_recurrence(sentence.text, lang)
    start = frame.action[0] - (frame.action[0] > 0 and text[frame.action[0] - 1] in OPENING_QUOTES)
    action = text[start:frame.action[1]]  # with a quote that may open a name in it
    if issuer.name and action.startswith(issuer.name):  # the subject opened the action's
        action = action[len(issuer.name):]  # span: "Нұрымбет Сақтағанов … тапсырды"
    action = _without_timing(action, deadline, recurrence)
    if not action:
        return None
    before = _pointed_to(action, index, issuer, grammar, state)
    told = _told_before(text, action, index, grammar, state) if before is None else None
    if before is not None:  # "… должен рассмотреть обращения. Такое поручение дал президент"
        action, deadline = before.action, deadline or before.deadline
        addressees = list(before.addressees) if tuple(addressees) in FALLBACKS else addressees
    elif told is not None:  # "Барлық білім беру ұйымдары … дайын болуы керек. Премьер-министр
        action = _without_modal(told.text, grammar)  # әкімдерге осындай міндет жүктеді": the
        deadline = deadline or find_deadline(told.text, lang, state.context.published)
        subject = _subject_span(told.tokens, lang)  # "Правоохранительные органы сформируют …"
        if tuple(addressees) in FALLBACKS and subject:
            addressees = span_parties(told.tokens, subject, lang, state.context) or addressees
        sentence = replace(sentence, text=text[told.start:sentence.end], start=told.start)
    return Directive(  # evidence is both sentences
        sentence=sentence.text, start=sentence.start, end=sentence.end,
        issuer=issuer, addressees=tuple(addressees), action=action, kind=frame.kind,
        deadline=deadline, recurrence=recurrence,
        topic=topic(action, sentence.text),
        confidence=confidence - (0.3 if frame.soft else 0.0), lang=lang,
        trigger=" ".join(t.text for t in tokens[slice(*frame.trigger)]), inferred=inferred,
    )


def _pointed_to(action: str, index: int, issuer: Party, grammar: ModuleType, state: _State
                ) -> Directive | None:
    """The same issuer's order in the sentence before, when the action only points to it
    ("Такое поручение", "осындай тапсырма")."""
    if not _only_points(action, grammar, "anaphoric_determiners"):
        return None
    return next((d for i, d in reversed(state.previous)  # within his run of speech too
                 if (i == index - 1 or index - i <= POINTER_REACH and state.dialogue.issuperset(
                     range(i, index + 1))) and d.issuer.id == issuer.id), None)


def _told_before(text: str, action: str, index: int, grammar: ModuleType, state: _State
                 ) -> Sentence | None:
    """The sentence before, in the same paragraph, that says what an order which only points
    back requires, when it holds no order of its own ("Барлық білім беру ұйымдары жұмысты
    бастауға дайын болуы керек. Премьер-министр әкімдерге осындай міндет жүктеді")."""
    if not _only_points(action, grammar, "anaphoric_determiners") or index == 0 or any(
            i == index - 1 for i, _ in state.previous):
        return None
    told, sentence = state.sentences[index - 1], state.sentences[index]
    if "\n" in text[told.end:sentence.start] or not told.text.rstrip().endswith(".") or len(
            CONTENT_WORD.findall(told.text)) < 3:
        return None
    if _without_modal(told.text, grammar) != _said(told.text):
        return told  # "… дайын болуы керек": what must be
    # In Russian, also what will be ("Правоохранительные органы сформируют следственную
    # группу. Соответствующее распоряжение дал президент"), not what was ("Участники
    # заседания уделили внимание … . Аким дал соответствующее поручение")
    past = any(russian.best_has(t.text, "past") for t in told.tokens)
    return told if grammar is ru and not past else None


def _said(sentence: str) -> str:
    return sentence.strip().rstrip(".!").strip()


def _without_modal(said: str, grammar: ModuleType) -> str:
    """What a sentence says must be done, without its closing modal ("… дайын болуы керек")."""
    action = _said(said)
    last = action.rsplit(" ", 1)
    return last[0] if len(last) == 2 and last[1].lower() in grammar.modals() else action


def _without_timing(action: str, *timing: Deadline | Recurrence | None) -> str:
    """The action without a deadline or recurrence phrase standing at either edge."""
    for t in timing:
        if t and action.lstrip(" " + OPENING_QUOTES).startswith(t.text):
            action = action.lstrip(" " + OPENING_QUOTES)[len(t.text):]
        elif t and action.endswith(t.text):
            action = action[: -len(t.text)]
    trimmed = action.strip(" ,–—-\"«»")
    at = action.find(trimmed)
    before, after = action[:at], action[at + len(trimmed):]
    for opening, closing in (("«", "»"), ('"', '"')):  # a name in quotes at either edge
        unpaired = trimmed.count(closing) % 2 if opening == closing else (  # keeps them:
            trimmed.count(opening) - trimmed.count(closing))  # "на рынке «Алтын орда»"
        if unpaired and after.startswith(closing) and (opening == closing or unpaired > 0):
            trimmed += closing
        elif unpaired and before.endswith(opening) and (opening == closing or unpaired < 0):
            trimmed = opening + trimmed
    return trimmed


def _head(tokens: Sequence[Token], span: tuple[int, int], lang: str) -> str:
    """The head word of a noun phrase: the last in Kazakh, the first in Russian."""
    words = [t.text for t in tokens[slice(*span)] if t.text[:1].isalnum()]
    if lang == "kk":
        return words[-1] if words else ""
    return next((w for w in words if russian.best_has(w, "NOUN")), words[0] if words else "")


def _issuer(tokens: Sequence[Token], index: int, frame: Frame, lang: str, state: _State
            ) -> tuple[Party, float]:
    if frame.issuer:
        head = (kk if lang == "kk" else ru).addressee_head(
            [t.text for t in tokens[slice(*frame.issuer)]])
        parties = span_parties(tokens, frame.issuer, lang, state.context,
                               [head] if head else []) or [
            state.context.with_title(p)  # a name the gazetteer lacks, with the title the
            for start, p in state.context.unknown.items()  # article gives him elsewhere
            if tokens[frame.issuer[0]].start <= start < tokens[frame.issuer[1] - 1].end]
        if parties:
            state.main_issuer = state.main_issuer or parties[0]
            return parties[0], CONFIDENCE["firm"]
    named = None if (frame.issuer or frame.pronoun or frame.first_person or frame.scene
                     ) else _named_subject(tokens, frame, lang, state.context)
    if named:
        state.main_issuer = state.main_issuer or named
        return named, CONFIDENCE["firm"]
    reported = _according_to(tokens, lang, state)
    if reported:
        return reported, CONFIDENCE["firm"]
    if index in state.speakers:
        return state.speakers[index], CONFIDENCE["firm"] + CONFIDENCE["context_issuer"]
    if frame.pronoun or frame.first_person or not frame.issuer:
        # "Он поручил" is the last subject's; "Акиму поручено", and "Я приказал" in a quote
        # whose speaker is not named, the article's main issuer's
        context_issuer = ((state.last_issuer or state.context.stranger) if frame.pronoun
                          else _heads(state.last_issuer, state.main_issuer)
                          or state.main_issuer or state.last_issuer)
        if context_issuer:
            return context_issuer, CONFIDENCE["firm"] + CONFIDENCE["context_issuer"]
    if index in state.titled:
        return state.titled[index], CONFIDENCE["firm"] + CONFIDENCE["context_issuer"]
    return UNSPECIFIED, CONFIDENCE["firm"] + CONFIDENCE["no_issuer"]


def _heads(person: Party | None, body: Party | None) -> Party | None:
    """The person named since who heads the body first named as ordering ("Правительство
    поручило …" in the headline, "Премьер-министр … провел совещание" after it): his."""
    if person and body and load("parties")["heads"].get(body.id) == (person.office or person.id):
        return person
    return None


def _named_subject(tokens: Sequence[Token], frame: Frame, lang: str, context: DocumentContext
                   ) -> Party | None:
    """A person the gazetteer does not know, named as the subject of the order: right before
    the Russian verb ("Нурымбет Сактаганов поручил"), opening the Kazakh sentence in the
    nominative ("Нұрымбет Сақтағанов … тапсырды"); with the office a title gives him in
    the article ("аудан әкімі Нұрлан Мархабатұлы")."""
    trigger = tokens[frame.trigger[0]]
    for start, person in context.unknown.items():
        end = start + len(person.name)
        if (start == tokens[0].start and end <= trigger.start
                and kazakh.is_uninflected(person.name.split()[-1]) if lang == "kk"
                else frame.trigger[0] > 0 and tokens[frame.trigger[0] - 1].end == end):
            return context.with_title(person)
    return None


def _according_to(tokens: Sequence[Token], lang: str, state: _State) -> Party | None:
    """ "По словам Президента, …": the one whose words the sentence reports."""
    for i, length in _according_to_phrases(tokens, lang):
        # Kazakh names the speaker before ("Президенттің айтуынша"), Russian after
        span = ((max(0, i - 4), i) if lang == "kk"
                else (i + length, min(len(tokens), i + length + 4)))
        parties = span_parties(tokens, span, lang, state.context)
        if parties:
            return parties[0]
    said = _said_that(tokens, lang)
    if said is not None:  # "Президент подчеркнул, что необходимо …": the subject's words
        subject = nominative_party_span(tokens, said, lang)
        parties = span_parties(tokens, subject, lang, state.context) if subject else []
        return parties[0] if parties else None
    return None


def _according_to_phrase(tokens: Sequence[Token], lang: str) -> bool:
    """ "По его словам, …", "Оның айтуынша, …", "Президент подчеркнул, что …": the sentence
    reports someone's words."""
    return bool(_according_to_phrases(tokens, lang)) or _said_that(tokens, lang) is not None


def _said_that(tokens: Sequence[Token], lang: str) -> int | None:
    """Where a Russian verb of saying opens a clause of what was said ("подчеркнул, что …")."""
    if lang != "ru":
        return None
    verbs = speech_verbs("ru")
    return next((k for k in range(len(tokens) - 2) if tokens[k].text.lower() in verbs
                 and tokens[k + 1].text == "," and tokens[k + 2].text.lower() in ("что", "чтобы")),
                None)


def _according_to_phrases(tokens: Sequence[Token], lang: str) -> list[tuple[int, int]]:
    phrases = (kk if lang == "kk" else ru).lexicon().get("according_to", [])
    low = [t.text.lower() for t in tokens]
    return [(i, len(words)) for words in (phrase.split() for phrase in phrases)
            for i in range(len(low) - len(words)) if low[i:i + len(words)] == words]


def _addressees(tokens: Sequence[Token], frame: Frame, lang: str, state: _State,
                grammar: ModuleType) -> list[Party]:
    out: list[Party] = []
    for span in frame.addressees:
        words = [t.text for t in tokens[slice(*span)]]
        if len(words) == 1 and words[0].lower() in ru.SECOND_PERSON:
            continue  # "вам": those he speaks to (`_told_you`)
        if len(words) == 1 and words[0].lower() in ADDRESSEE_PRONOUNS:
            out.extend(_antecedent(tokens, span[0], frame, lang, state))
            continue
        named = _unknown_person(tokens, span, lang, state.context)
        if named:  # "Ерлан Айтахановқа … тапсырды": a person the gazetteer does not know
            out.append(named)
            continue
        # a soft form counts only with an addressee that can be one; a firm order names its own
        head = grammar.addressee_head(words) if frame.soft else grammar.head_noun(words)
        parties = span_parties(tokens, span, lang, state.context, [head] if head else [])
        out.extend(parties + _unnamed_conjuncts(tokens, span, lang, grammar))
    return _one_per_id(out)


def _unnamed_conjuncts(tokens: Sequence[Token], span: tuple[int, int], lang: str,
                       grammar: ModuleType) -> list[Party]:
    """The bodies the gazetteer does not know, listed beside one it knows: "руководителей
    министерств и госведомств" are the ministers and the state agencies."""
    mentions = [m for m in mentions_of(tokens, lang) if span[0] <= m.start < span[1]]
    if not mentions:  # a body known by name among them, to tell the list from one name
        return []
    out = []
    start = span[0]
    for k in range(span[0], span[1] + 1):
        if k < span[1] and tokens[k].text.lower() not in SUBJECT_JOINERS:
            continue
        if start < k and not any(m.start < k and start < m.end for m in mentions) and (
                head := grammar.addressee_head([t.text for t in tokens[start:k]])):
            out.append(Party(f"other:{slug(head)}", " ".join(t.text for t in tokens[start:k])))
        start = k + 1
    return out


def _not_himself(addressees: list[Party], issuer: Party) -> list[Party]:
    """No man orders himself: an addressee taken for the issuer is, at most, the office he
    was named by ("городской аким" in the speech of a district's akim, both the one man the
    article names)."""
    out = []
    for a in addressees:
        if a.id != issuer.id or not a.office:
            out.append(a)
        elif a.office != issuer.office or a.office in PERSONAL_OFFICES:  # one of many
            out.append(Party(a.office, a.name))
    return out


def _exhorts(state: _State, index: int, tokens: Sequence[Token], frame: Frame, action: str,
             deadline: Deadline | None) -> bool:
    """A Russian "нужно …" told to no one that obliges no one: the writer's own ("Необходимо
    также наладить …"); in speech, an exhortation ("нам надо построить школу"), or a maxim or
    a ban ("Надо работать с людьми", "Нельзя так относиться к труду людей") with no term and
    no order of the speaker's just before."""
    if index not in state.speakers and index not in state.dialogue and not (
            _according_to_phrase(tokens, "ru")):
        return True
    if ru.exhortation(tokens, frame.trigger[0]):
        return True
    ordering = deadline or (state.previous and index - state.previous[-1][0] <= SPEECH_RUN)
    return not ordering and (frame.kind == "prohibition" or ru.generic_action(action))


def _continues_orders(state: _State, index: int, tokens: Sequence[Token],
                      deadline: Deadline | None) -> bool:
    """The sentence right after an order goes on with it, in the writer's words: "Глава
    области поручил подрядчикам … . Также необходимо уделить внимание …", "… поручил создать
    комиссии. Все работы должны быть завершены до 25 августа"."""
    first = next((t.text.lower() for t in tokens if t.text[:1].isalpha()), "")
    return bool(state.previous) and state.previous[-1][0] == index - 1 and (
        first in CONTINUING or deadline is not None)


def _told_you(tokens: Sequence[Token], frame: Frame) -> bool:
    """The order is said to "you" ("вам нужно …", "Даю вам месяц …", "Ваша задача – …")."""
    start = frame.trigger[0]
    return any(e - s == 1 and tokens[s].text.lower() in ru.SECOND_PERSON
               for s, e in frame.addressees) or (
        start > 0 and tokens[start - 1].text.lower() in ru.SECOND_PERSON_POSSESSIVES)


def _unknown_person(tokens: Sequence[Token], span: tuple[int, int], lang: str,
                    context: DocumentContext) -> Party | None:
    """The person the gazetteer does not know named in a span, with the office a title gives
    him in the article."""
    start, end = tokens[span[0]].start, tokens[span[1] - 1].end
    person = next((p for at, p in context.unknown.items()
                   if at < end and start < at + len(p.name)), None)
    if person is None or mentions_of(tokens[span[0]:span[1]], lang):
        return None  # a known party in the span names it ("акиму района Кайдару Абдыханову")
    return context.with_title(person)


def _antecedent(tokens: Sequence[Token], before: int, frame: Frame, lang: str, state: _State
                ) -> list[Party]:
    """Whom "им", "ними" stands for: the parties named last before it in the sentence, not
    the issuer ("обзвонил акимов всех областей, поставил перед ними ряд задач")."""
    issuer = frame.issuer or (0, 0)
    named = [m for m in mentions_of(tokens, lang) if m.end <= before
             and m.entry.kind in ("person", "title", "body", "party")
             and not issuer[0] <= m.start < issuer[1]]
    if named:
        return span_parties(tokens, (named[-1].start, named[-1].end), lang, state.context)
    # "Все они получили …" opening its sentence: those the sentence before told or named after
    # its subject ("высказал претензии руководителям отделов и полицейским")
    previous = [s for s in state.sentences if tokens and s.end <= tokens[0].start][-1:]
    if not previous:
        return []
    words = previous[0].tokens
    subject = _subject_span(words, lang) or (0, 0)
    return _one_per_id([p for m in mentions_of(words, lang) if m.start >= subject[1]
                        and m.entry.kind in ("person", "title", "body", "party")
                        for p in span_parties(words, (m.start, m.end), lang, state.context)])


def _one_per_id(parties: Sequence[Party]) -> list[Party]:
    """One party per id, as first named ("аким Шымкента Габит Сыздыкбеков": title and name)."""
    first: dict[str, Party] = {}
    for party in parties:
        first.setdefault(party.id, party)
    return list(first.values())


def _with_partners(addressees: list[Party], tokens: Sequence[Token], lang: str, state: _State,
                   issuer: Party) -> list[Party]:
    """The state bodies told to act "together with" the addressee share the order
    ("Правительству совместно с акиматом … поручено", "Үкімет әкімдіктермен бірге … тиіс");
    officials in general ("совместно с заинтересованными госорганами") add no one."""
    grammar = kk if lang == "kk" else ru
    found = [p for span in grammar.partners(tokens)
             for p in span_parties(tokens, span, lang, state.context)
             if not _same_party(p, issuer)]
    if not found:
        return addressees
    named = [p for p in found if p.id != OFFICIALS.id]
    return _one_per_id([p for p in addressees if p.id not in (UNSPECIFIED.id, OFFICIALS.id)]
                       + named) or addressees


def _subordinates(addressees: list[Party], issuer: Party) -> list[Party]:
    """The akims a regional or district akim gives orders to are those of his districts,
    towns and villages ("Әкімдерге тапсырма беремін", "всем акимам"); the Interior
    Minister's staff is the police ("поставил перед личным составом задачи")."""
    office = issuer.office or issuer.id
    staff = load("parties")["own_staff"].get(office)
    if staff:
        return [Party(staff, p.name) if p.id == OWN_STAFF else p for p in addressees]
    if not (office.startswith("akim:") or office == "district-akims"):
        return addressees
    return [Party("district-akims", p.name) if p.id == "akims" else p for p in addressees]


def _in_speech(state: _State, index: int, tokens: Sequence[Token], lang: str) -> bool:
    """A sentence the authority says: inside a quotation or a line of direct speech, in his
    reported words ("По его словам, …"), or in a run of his orders."""
    return index in state.dialogue or _according_to_phrase(tokens, lang) or bool(
        state.previous and index - state.previous[-1][0] <= SPEECH_RUN)


def _concerned(state: _State, index: int, sentence: Sentence, lang: str, issuer: Party
               ) -> list[Party]:
    """Those whose districts or regions the speaker's words are about, in this sentence or,
    within his speech, the one before: "Бұл – барлық өңірлерге қатысты мәселе. Жылу беру
    маусымын уақтылы бастау қажет"."""
    return _jurisdiction(sentence.text, lang) or _everywhere(sentence.text, lang, issuer) or (
        _jurisdiction(state.sentences[index - 1].text, lang)
        if index and {index - 1, index} <= state.dialogue else [])


def _everywhere(text: str, lang: str, issuer: Party) -> list[Party]:
    """An order for every district or region ("во всех городах и районах открыть …", "в
    каждом районе нужно создать …") is for those who run them: the districts' akims when a
    region's or a town's akim gives it, the regions' akims when the head of state or of
    government does."""
    office = issuer.office or issuer.id
    party = ("district-akims" if office.startswith("akim:")
             else "akims" if office in PROMISERS else None)
    low = text.lower().replace("ё", "е")
    return [Party(party, "")] if party and _phrases("everywhere", lang)[party].search(low) else []


def _jurisdiction(text: str, lang: str) -> list[Party]:
    """Those who run the districts or regions a speaker calls theirs ("Өз аудандарыңыздағы
    мәселелерді көру керек", "в ваших регионах нужно …")."""
    low = text.lower().replace("ё", "е")
    return [Party(party, "") for party, pattern in _phrases("jurisdiction", lang).items()
            if pattern.search(low)][:1]


@cache
def _phrases(section: str, lang: str) -> dict[str, re.Pattern[str]]:
    """The phrases of a parties.toml section that point at a party, by party, as one pattern
    each ("jurisdiction": "в ваших районах"; "everywhere": "во всех районах")."""
    return {party: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words[lang])) + ")")
            for party, words in load("parties")[section].items()}


def _scene_addressees(state: _State, index: int, issuer: Party) -> list[Party]:
    """Whom a speaker's own words are for: those he last gave an order to, else those the
    lead says he met, else those his first order named ("дал поручения правительству …
    Необходимо принимать смелые решения"), else the officials in the room."""
    carried = _carried_addressees(state, index, issuer)
    if carried != [UNSPECIFIED]:
        return carried
    first = next((d.addressees for _, d in state.previous if d.issuer.id == issuer.id
                  and d.addressees not in FALLBACKS), None)
    if first:
        return list(first)
    # a town's or district's akim speaks to his own people, the head of state or government
    # to the officials in general
    return [Party(OWN_STAFF, "")] if (issuer.office or issuer.id) == "district-akims" else [
        OFFICIALS]


def _carried_addressees(state: _State, index: int, issuer: Party) -> list[Party]:
    for prev_index, prev in reversed(state.previous):
        if index - prev_index > ADDRESSEE_CARRY and not state.dialogue.issuperset(
                range(prev_index, index + 1)):  # one run of his direct speech goes on
            break
        # those he told, not the officials he was taken to address for want of a scene
        if prev.issuer.id == issuer.id and prev.addressees not in FALLBACKS:
            return list(prev.addressees)
    reporters = [p for p in state.reporters if not _same_party(p, issuer)]
    if reporters:  # "Аким доложил о … . Президент поручил …"
        return reporters
    if state.hosts and not any(_same_party(issuer, h) for h in state.hosts):
        return [UNSPECIFIED]  # the scene is the host's: a directive he recalls is not his
    scene = [p for p in state.scene  # the akimat whose meeting the akim held is his own
             if not _same_party(p, issuer)]
    return scene or [UNSPECIFIED]


def _same_party(a: Party, b: Party) -> bool:
    return a.id == b.id or bool(a.office and a.office == b.office)
