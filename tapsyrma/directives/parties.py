"""Issuers and addressees: gazetteer mentions turned into contract parties, by date and context.

A title ("Глава государства", "аким области", "Үкімет басшысы") names an office; it resolves
to whoever held that office on the article's date or, with no date, to the holder the article
itself names. A person gets the office held on that date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from tapsyrma import kazakh, russian
from tapsyrma.data import load
from tapsyrma.entities.gazetteer import (
    Mention,
    Office,
    Person,
    holders,
    mentions_of,
    name_forms,
    persons,
    place_regions,
    region_kinds,
)
from tapsyrma.entities.places import top_region
from tapsyrma.records import Entity, Party, Token

# The kind of region a title's placeholder names (regions.toml): "akim:{oblast}" a region's.
TITLED_KINDS = {"oblast": "region", "city": "city"}
REGION_OFFICE = re.compile(r"\{(region|oblast|city|ministry)\}")
DISTRICT_NAME_WORDS = 3  # "района имени Казыбек би", "Биржан сал ауданының"
CYRILLIC_VOWELS = "аеёиоуыэюяәөұүі"
SURNAME_ENDINGS = ("ов", "ев", "ин", "ова", "ева", "ина", "ұлы", "қызы")
# Which kind of region (regions.toml) a placeholder of a title may be filled with.
PLACEHOLDER_KINDS = {"{region}": None, "{oblast}": "region", "{city}": "city"}
CYR_TO_LAT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "a", "g",
     "k", "n", "o", "u", "u", "h", "i"], strict=True))  # Қ as K, as the gazetteer's ids do


def slug(text: str) -> str:
    """A Latin slug; "е" after a vowel is "ye", as in the gazetteer's ids (Азбаев: azbayev)."""
    low = text.lower()
    latin = "".join("ye" if c == "е" and i and low[i - 1] in CYRILLIC_VOWELS
                    else CYR_TO_LAT.get(c, c) for i, c in enumerate(low))
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-") or "unknown"


@dataclass
class DocumentContext:
    """What the whole article says that a single sentence may leave out."""

    published: date | None
    persons: list[str] = field(default_factory=list)  # person ids in order of mention
    regions: Counter[str] = field(default_factory=Counter)  # region slugs by frequency
    offices: Counter = field(default_factory=Counter)  # offices named by titles in the text
    titles: set[str] = field(default_factory=set)  # the titles themselves ("akim:{oblast}")
    named: list[str] = field(default_factory=list)  # party ids named so far, latest last
    listed: list[str] = field(default_factory=list)  # the regions the last list of them named
    first_listed: list[str] = field(default_factory=list)  # those the article's first list names
    # Persons the gazetteer does not know, by the title the article gives them ("Аким
    # области Абельгази Кусаинов"): that title elsewhere in the article is them.
    local: dict[str, Party] = field(default_factory=dict)
    # Known persons by the office the article's title for them names ("Атырау облысы әкімі
    # Нұрлан Ноғаев"): the office they hold here, wherever else the article names them.
    titled: dict[str, str] = field(default_factory=dict)
    # Every person named whom the gazetteer does not know, by where the name starts: the
    # issuer when the order names him ("Нурымбет Сактаганов поручил").
    unknown: dict[int, Party] = field(default_factory=dict)

    def with_title(self, person: Party) -> Party:
        """A person the gazetteer does not know, with the office the article's title for him
        gives ("аудан әкімі Нұрлан Мархабатұлы")."""
        return next((p for p in self.local.values() if p.id == person.id), person)

    @property
    def stranger(self) -> Party | None:
        """The first person the article names whom the gazetteer does not know: whose an
        akim's title is when it names no region ("Аким области распорядился … Абельгази
        Кусаинов отметил")."""
        return next(iter(self.unknown.values()), None)

    def person_party(self, person_id: str, name: str, title: str | None = None,
                     titled: str | None = None) -> Party:
        """A person with the office held on the article's date; a title beside the name
        ("аким области Канат Бозумбаев") says which of the person's offices is meant, and
        the office it names in this article (`titled`: "akim:aktobe") is the one he holds
        here, whatever the gazetteer knows."""
        person = persons()[person_id]
        titled = titled or (None if title else self.titled.get(person_id))
        if titled:
            return Party(person_id, name, titled)
        if title:
            named = [o for o in person.offices if _fills(title, o.office)]
            if named:
                return Party(person_id, name, self._nearest(named).office if self.published
                             else self._office(replace(person, offices=tuple(named))))
        return Party(person_id, name, person.office_on(self.published) or self._office(person))

    def _nearest(self, offices: Sequence[Office]) -> Office:
        """Of the offices a title may mean, the one held on the article's date or nearest
        to it."""
        day = self.published or date.max

        def distance(o: Office) -> int:
            if o.held_on(day):
                return 0
            start, end = o.start or date.min, o.end or date.max
            return min(abs((day - start).days), abs((day - end).days))

        return min(offices, key=lambda o: (distance(o), -(o.start or date.min).toordinal()))

    def _office(self, person: Person) -> str | None:
        """With no date: the latest of the offices the article names, or whose region it is
        most about, or of the kind its titles name ("облыс әкімі": a region's akim), else the
        latest one."""
        held = [o for o in person.offices if not o.acting]  # "Роман Васильевич" is no PM
        top = self.regions.most_common(2)  # not one of several regions it lists alike
        main = top[0][0] if len(top) == 1 or top and top[0][1] > top[1][1] else None
        named = [o for o in held if o.office in self.offices] or [
            o for o in held if o.office.split(":")[-1] == main] or [
            o for o in held if any(_fills(t, o.office) for t in self.titles)]
        candidates = named or held
        dated = [o for o in candidates if o.start]  # the latest of them
        if dated:
            return max(dated, key=lambda o: o.start or date.min).office
        return candidates[0].office if named else None

    def akim_regions(self) -> Counter[str]:
        """The regions whose akims the article names ("облыс әкімі Гүлшара Әбдіқалықова"):
        where an article names no place, they say which region it is about."""
        offices = (self.person_party(p, "").office or "" for p in self.persons)
        return Counter(o.split(":", 1)[1] for o in offices if o.startswith("akim:"))

    def office_party(self, office: str, name: str) -> Party:
        """The holder of an office on the article's date, or the one the article names; on
        an undated page that names none, the holder today (undated pages are mostly
        recent news)."""
        if self.published:
            held = holders(office, self.published)
            if len(held) == 1:
                return Party(held[0].id, name, office)
        named = [p for p in self.persons  # holding it here, not in another year
                 if self.person_party(p, "").office == office]
        if named:
            return Party(named[0], name, office)
        if self.published is None:
            era = self.era()
            held = holders(office, era) if era else []
            if len(held) == 1:  # "Премьер Сагинтаев … глава государства": Nazarbayev then
                return Party(held[0].id, name, office)
            current = [p for p in holders(office, None)
                       if any(o.office == office and o.end is None for o in p.offices)]
            if len(current) == 1:
                return Party(current[0].id, name, office)
        return Party(office, name, office)

    def era(self) -> date | None:
        """On an undated page, the last day all the office holders it names held an office
        at once, when that day is past: the time the page tells of."""
        start, end = date.min, date.max
        for person_id in self.persons:
            held = [o for o in persons()[person_id].offices if not o.acting]
            titled = [o for o in held if o.office in self.offices]  # "Премьер-министр
            spans = [(o.start or date.min, o.end or date.max) for o in titled or held]  # Сагинтаев"
            if not spans:
                continue
            start = max(start, min(s for s, _ in spans))
            end = min(end, max(e for _, e in spans))
        return end if start <= end < date.max else None


def strangers(entities: Sequence[Entity]) -> dict[int, Entity]:
    """Persons named with a given name and a surname whom the gazetteer does not know, by
    where they start."""
    return {e.start: e for e in entities
            if e.type == "PER" and e.id is None and len(e.text.split()) >= 2}


def stranger_party(person: Entity, lang: str, office: str | None = None) -> Party:
    """A person the gazetteer does not know, by the slug of the surname's nominative."""
    return Party(slug(_nominative(person.text.split()[-1], lang)), person.text, office)


def local_holders(tokens: Sequence[Token], unknown: dict[int, Entity], lang: str,
                  context: DocumentContext) -> dict[str, Party]:
    """Titles followed by the name of a person the gazetteer does not know ("Аким области
    Абельгази Кусаинов", "Облыс әкімі Абельғазы Құсайынов"), or by a place and the name ("Аким
    города Конаев Асхат Бердиханов": a town's akim): the person, by surname slug."""
    mentions = mentions_of(tokens, lang)
    holders = {}
    for m in mentions:
        if m.end >= len(tokens):
            continue
        if m.entry.kind == "party" and m.entry.key in PERSONAL_OFFICES:
            # "акимом района имени Казыбек би Ералы Оспановым": the district's name between
            at = next((k for k in range(m.end, min(m.end + DISTRICT_NAME_WORDS + 1, len(tokens)))
                       if tokens[k].start in unknown), None)
            if at is not None and all(t.text[:1].isupper() or t.text in _words(
                    "district_name_words", lang) for t in tokens[m.end:at]):
                holders[m.entry.key] = stranger_party(unknown[tokens[at].start], lang,
                                                      m.entry.key)
            continue
        if m.entry.kind != "title":
            continue
        after = next((p for p in mentions if p.start == m.end and p.entry.kind in
                      ("place", "region") and p.end < len(tokens)), None)
        name = tokens[after.end if after else m.end].start
        if name not in unknown:
            continue
        place = after or next((p for p in mentions if p.end == m.start  # "Қонаев қаласының
                               and p.entry.kind in ("place", "region")), None)  # әкімі …"
        office = ("district-akims" if place and _names_a_town(m, tokens, [place])
                  else title_office(m.entry.key, [place] if place else (), context))
        holders[m.entry.key] = stranger_party(unknown[name], lang, office)
    return holders


def _nominative(surname: str, lang: str) -> str:
    """A surname as the gazetteer would spell it: "Кусаинова" (genitive) → "Кусаинов"."""
    if lang == "ru":
        found = [p for p in russian.parses(surname) if "Surn" in p.tag]
        return found[0].normal_form.capitalize() if found else surname
    stems = [a.stem for a in kazakh.analyses(surname) if a.stem.endswith(SURNAME_ENDINGS)]
    return max(stems, key=len).capitalize() if stems else surname


def _fills(title: str, office: str) -> bool:
    """Whether an office is one a title names: "akim:{region}" names every "akim:…",
    "akim:{oblast}" a region's ("облыс әкімі" is no akim of Astana), "akim:{city}" a city's."""
    found = REGION_OFFICE.search(title)
    if not found:
        return office == title
    prefix = title[:found.start()]
    kind = TITLED_KINDS.get(found[1])
    return office.startswith(prefix) and (
        kind is None or region_kinds().get(office[len(prefix):], kind) == kind)


def title_office(pattern: str, mentions: Sequence[Mention], context: DocumentContext
                 ) -> str | None:
    """Fill "akim:{region}" from a region named beside the title, else from the region the
    article is about; "{oblast}" takes an oblast only, "{city}" a city of republican
    significance. A city's akim in an article that names no such city is a town's akim:
    "district-akims"."""
    found = REGION_OFFICE.search(pattern)
    if not found:
        return pattern
    if "{ministry}" in pattern:  # "министр" alone: the minister of the ministry named last
        named = [n for n in context.named if n.startswith("minister:") and "{" not in n]
        return named[-1] if named else None
    kind = PLACEHOLDER_KINDS[found.group(0)]
    near = [m.entry.key for m in mentions if m.entry.kind == "region"
            and m.entry.key != "kazakhstan" and kind in (None, region_kinds()[m.entry.key])]
    if near:
        return REGION_OFFICE.sub(near[0], pattern)
    # The region whose akim the article names and which it names as a place comes first:
    # "заслушал доклад акима Жениса Касымбека … Акиму поручено" in an article on Astana
    akim_regions = context.akim_regions()
    placed = Counter({r: n for r, n in akim_regions.items() if r in context.regions})
    region = (top_region(placed, kind) or top_region(context.regions, kind)
              or top_region(akim_regions, kind))
    if region:
        return REGION_OFFICE.sub(region, pattern)
    return "district-akims" if kind == "city" else None


def _names_a_town(mention: Mention, words: Sequence[Token], around: Sequence[Mention]) -> bool:
    """ "Жезқазған қаласының әкімі", "аким Экибастуза": the akim of a town that is not one of
    the contract's regions and cities is a district-level akim."""
    if not mention.entry.key.startswith("akim:{"):
        return False
    if _district_named(mention, words):
        return True
    beside = [m for m in around if m.end == mention.start or m.start == mention.end]
    if beside:  # "Жезқазған қаласының әкімі", "акиму Темиртау"
        return any(m.entry.key in place_regions() for m in beside) and not any(
            m.entry.kind == "region" for m in beside)
    return ("{city}" in mention.entry.key and mention.start > 0
            and words[mention.start - 1].text[:1].isupper())


def _district_named(mention: Mention, words: Sequence[Token]) -> bool:
    """ "акиму Шенгельдинского сельского округа" (the noun after the title, genitives
    between), "Шеңгелді ауылдық округінің әкімі" (in the genitive before it)."""
    for k in range(mention.end, min(len(words), mention.end + 4)):
        word = words[k].text
        if not russian.has(word, "gent"):
            break
        if russian.lemmas(word) & _words("district_nouns", "ru"):
            return True
    before = words[mention.start - 1].text if mention.start else ""
    return kazakh.is_genitive(before) and any(s.startswith(n) for s in kazakh.stems(before)
                                              for n in _words("district_nouns", "kk"))


def party_of(mention: Mention, words: Sequence[Token], around: Sequence[Mention],
             context: DocumentContext) -> Party | None:
    """The party a gazetteer mention names, or None for one that names no party (a region)."""
    name = " ".join(w.text for w in words[mention.start:mention.end])
    kind, key = mention.entry.kind, mention.entry.key
    if kind == "person":
        title = _person_title(mention, words, around)
        titled = title_office(title, around, context) if title else None
        if titled == "district-akims" or (titled in load("persons")["complete_offices"] and not
                                          any(o.office == titled for o in persons()[key].offices)):
            titled = None  # a town's akim is no office a person holds here; "Мемлекет
            # басшысы Өмірзақ Шөкеевті қабылдады": no head of state
        return context.person_party(key, name, title, titled)
    if kind == "body" and key == "president":  # "Бұл туралы Ақорда хабарлады": his words
        return context.office_party(key, name)
    if kind in ("body", "party"):
        holder = (context.unknown.get(words[mention.end].start)
                  if key in PERSONAL_OFFICES and mention.end < len(words) else None)
        if holder is None and key in PERSONAL_OFFICES and _singular(
                [w.text for w in words[mention.start:mention.end]]):
            # "заместитель акима поручил …" in an article naming one person the gazetteer
            # does not know ("… Берик Оспанов"): him
            holder = context.stranger if len(set(
                p.id for p in context.unknown.values())) == 1 else None
        # "аким района Кайдар Абдыханов": the person the article names, in that office
        return Party(holder.id, name, key) if holder else Party(key, name)
    if kind == "title":
        beside = any(m.entry.kind in ("place", "region") and (
            m.end == mention.start or m.start == mention.end) for m in around)
        village = _district_named(mention, words)  # "акиму … сельского округа"
        introduced = None if beside or village else _introduced_akim(mention, context)
        if introduced:  # "Аким города Конаев Асхат Бердиханов … Аким поручил …"
            return Party(introduced.id, name, introduced.office)
        office = ("district-akims" if _names_a_town(mention, words, around)
                  else title_office(key, around, context))
        # A region's or a town's akim whom the article names, though the gazetteer does not
        # know him ("Аким Усть-Каменогорска … Жаксылык Омар обратил внимание …"); a village's
        # akim is someone else
        local = context.local.get(key) or (context.stranger if key.startswith("akim:") and (
            office is None or (office == "district-akims" and not village)) else None)
        if local and (office is None or local.office in (None, office)):
            return Party(local.id, name, office)  # the holder this article names
        if office == "district-akims":
            return Party(office, name)
        return context.office_party(office, name) if office else None
    return None


def titled_persons(tokens: Sequence[Token], lang: str, context: DocumentContext
                   ) -> dict[str, str]:
    """The known persons a sentence names with the title of an office the gazetteer knows
    they held, by that office: the article knows better than the gazetteer's dates when.
    An office they never held is no title of theirs ("Президент Жеңіс Қасымбектің
    баяндамасын тыңдады")."""
    mentions = mentions_of(tokens, lang)
    found = {}
    for m in mentions:
        title = _person_title(m, tokens, mentions, after=False) if m.entry.kind == "person" \
            else None
        office = title_office(title, mentions, context) if title else None
        if office and any(o.office == office for o in persons()[m.entry.key].offices):
            found[m.entry.key] = office
    return found


def _person_title(mention: Mention, words: Sequence[Token], around: Sequence[Mention],
                  after: bool = True) -> str | None:
    """The title beside a person's name: before it ("аким области Канат Бозумбаев"), with its
    region between ("акима Карагандинской области Жениса Касымбека"), or after it ("Токаев,
    Президент") unless another name follows the title ("Қ.Тоқаев Төтенше жағдайлар министрі
    Ю.Ильинге": the minister's) or `after` is false ("Ерболу Досаеву Президент поручил": the
    title after a name may open the next phrase)."""
    return next((m.entry.key for m in around if m.entry.kind == "title" and (
        m.end == mention.start
        or after and mention.end == m.start and not (m.end < len(words)
                                                     and words[m.end].text[:1].isupper())
        or any(r.entry.kind == "region" and r.start == m.end and r.end == mention.start
               for r in around))), None)


def _singular(phrase: list[str]) -> bool:
    """The head of a party's phrase names one person: the first word in Russian
    ("заместитель акима"), the last in Kazakh ("әкімнің орынбасары")."""
    if any(ch in "әғқңөұүһі" for ch in " ".join(phrase).lower()):
        return not kazakh.is_plural(phrase[-1])
    return russian.best_has(phrase[0], "sing")


def _introduced_akim(mention: Mention, context: DocumentContext) -> Party | None:
    """The akim a bare "аким"/"әкім" refers back to: the one akim the article introduced by
    title and name, when the gazetteer knows him not and it names no akim it knows."""
    if mention.entry.key != BARE_AKIM or mention.end - mention.start != 1 or (
            context.akim_regions()):
        return None
    named = {p.id: p for key, p in context.local.items()
             if key.startswith("akim:") or key in PERSONAL_OFFICES}
    return next(iter(named.values())) if len(named) == 1 else None


BARE_AKIM = "akim:{region}"
AUTHORITY_KINDS = ("person", "title", "body")
# Collective ids whose singular title, followed by a name, is one person's office.
PERSONAL_OFFICES = frozenset({"district-akims", "other:deputy-akims"})


def is_known_party(tokens: Sequence[Token], j: int, lang: str) -> bool:
    return any(m.start <= j < m.end and m.entry.kind not in ("region", "place")
               for m in mentions_of(tokens, lang))


def is_authority_at(tokens: Sequence[Token], j: int, lang: str) -> bool:
    """A word of an authority, or of a region told as a body, its noun in the dative
    ("Атырауской областям": its akim)."""
    nouns = _words("region_nouns", lang)
    return any(m.start <= j < m.end and (_authority(m) or (
        m.entry.kind == "region" and tokens[m.end - 1].text.lower() in nouns))
        for m in mentions_of(tokens, lang))


def is_nominative(word: str, lang: str) -> bool:
    """No case ending on the word (a name as the gazetteer spells it counts as nominative)."""
    if word.lower() in name_forms():
        return True
    if lang == "kk":
        return kazakh.is_uninflected(word)
    return russian.best_has(word, "nomn") or not any(c.islower() for c in word)


def _authority(m: Mention) -> bool:
    return m.entry.kind in AUTHORITY_KINDS or (m.entry.kind == "party" and (
        not m.entry.key.startswith("other:") or m.entry.key in _other_authorities()))


@cache
def _other_authorities() -> frozenset[str]:
    """The parties outside the contract's table that can give orders (deputy akims)."""
    return frozenset(p["id"] for p in load("parties")["party"] if p.get("authority"))


TITLE_COMPLEMENT = 2  # lower-case words between a title and its holder's name


def nominative_party_span(tokens: Sequence[Token], limit: int, lang: str
                          ) -> tuple[int, int] | None:
    """The authority named in the nominative nearest before `limit`, with its apposition."""
    mentions = mentions_of(tokens, lang)
    # A title with a name after it ("әкімі Мұрат Әйтеновті") takes the case of the name
    named = {m.start: next((n.end for n in mentions if n.start == m.end and n.entry.kind == "person"
                            and m.entry.kind == "title"), m.end) for m in mentions}
    found = [m for m in mentions
             if m.end <= limit and _authority(m)
             and is_nominative(tokens[named[m.start] - 1 if lang == "kk" else m.start].text, lang)
             and not (lang == "ru" and m.entry.kind == "person"
                      and _after_oblique_title(tokens, m, mentions))
             and not (m.end < len(tokens) and modifies(tokens[m.end].text, lang))]
    if not found:
        return None
    last = found[-1]
    start = last.start
    for m in reversed(found[:-1]):  # "Мемлекет басшысы Қасым-Жомарт Тоқаев": title + name
        if m.end == start and {m.entry.kind, last.entry.kind} == {"title", "person"}:
            start = m.start
    return (start, last.end)


def _after_oblique_title(tokens: Sequence[Token], person: Mention,
                         mentions: Sequence[Mention]) -> bool:
    """A Russian name after a title not in the nominative takes the title's case, its
    ministry's name between or not: "доклада главы министерства здравоохранения Ажар Гиният"
    (an indeclinable name after a genitive)."""
    return any(m.entry.kind == "title" and m.end <= person.start <= m.end + TITLE_COMPLEMENT
               and all(t.text.islower() for t in tokens[m.end:person.start])
               and not is_nominative(tokens[m.start].text, "ru") for m in mentions)


def points_back(word: str, lang: str) -> bool:
    """A word that points back at those named before: "данных", "аталған"."""
    return word.lower() in _words("listed_regions", lang)


def modifies(word: str, lang: str) -> bool:
    """A postposition that makes the party before it a modifier of the noun after it
    ("Үкімет жанындағы комиссия": the commission under the Government)."""
    return word.lower() in _words("modifying_postpositions", lang)


def agent_span(tokens: Sequence[Token], lang: str) -> tuple[int, int] | None:
    """The authority in the instrumental that gives a passive order ("Президентом дан ряд
    поручений")."""
    if lang == "kk":
        return None
    for m in mentions_of(tokens, lang):
        if (_authority(m) and not _after_preposition(tokens, m.start)  # "совместно с
                # акиматами", "Перед Правительством и руководителями" name no agent
                and russian.in_case(tokens[m.start].text, "ablt", ("NOUN",))):
            return (m.start, m.end)
    return None


def _after_preposition(tokens: Sequence[Token], start: int) -> bool:
    """A phrase governed by a preposition, itself or as one of a list after it ("перед
    Правительством и руководителями областей")."""
    k = start - 1
    while k >= 0 and (tokens[k].text in (",", "и") or russian.in_case(
            tokens[k].text, "ablt", ("NOUN", "ADJF")) or russian.best_has(tokens[k].text, "gent")):
        k -= 1
    return k >= 0 and russian.best_has(tokens[k].text, "PREP")


def span_parties(tokens: Sequence[Token], span: tuple[int, int], lang: str,
                 context: DocumentContext, heads: Sequence[str] = ()) -> list[Party]:
    """The parties a span of tokens names; an unknown one by its head noun as other:<slug>."""
    mentions = mentions_of(tokens, lang)
    inside = [m for m in mentions  # a name may reach out of the span, and
              if m.start < span[1] and span[0] < m.end or (  # a Kazakh place in the genitive
                  lang == "kk" and m.end == span[0] and m.entry.kind in ("place", "region")
                  and kazakh.is_genitive(tokens[m.end - 1].text))  # right before is its own,
              or (lang == "ru" and m.start == span[1]  # as is a Russian one right after
                  and m.entry.kind in ("place", "region"))]  # ("аким Экибастуза")
    words = list(tokens)
    people = [m for m in inside if m.entry.kind == "person"]
    chosen = people or [m for m in inside if m.entry.kind != "region"]
    parties = [party for m in chosen if (p := party_of(
                   m, words, _with_title(m, inside, mentions) if people else inside, context))
               for party in (p, *(Party(also, p.name) for also in m.entry.also))]
    regions = [m.entry.key for m in inside
               if m.entry.kind == "region" and m.entry.key != "kazakhstan"]
    if regions and parties and not people and all(
            p.id == "akims" or (p.office or "").startswith("akim:") for p in parties
    ) and not _all_regions(tokens, span, inside, lang):  # "акимам Абайской и ЗКО
        return [context.office_party(f"akim:{r}", parties[0].name)  # областей"
                for r in regions]
    if parties and all(p.id == "akims" for p in parties):
        # "Акимам данных регионов" after "Это город Алматы, области Абай и Улытау, …";
        # "акимам восьми областей" before it too
        said = {tokens[k].text.lower()  # a Kazakh word just before the span is one of them
                for k in range(span[0] - (lang == "kk" and span[0] > 0), span[1])}
        listed = (context.listed if any(points_back(w, lang) for w in said) else
                  context.listed or context.first_listed if said & _words("some_regions", lang)
                  else [])
        if listed:
            return [context.office_party(f"akim:{r}", parties[0].name) for r in listed]
    if parties:
        return list(dict.fromkeys(parties))
    name = " ".join(t.text for t in tokens[span[0]:span[1]])
    if regions and _regions_as_bodies(tokens, span, inside, lang):
        return [context.office_party(f"akim:{r}", name) for r in regions]
    if not heads:
        return []
    strangers = {p.id: p for p in context.unknown.values()}
    named = strangers.get(slug(_nominative(heads[0], lang)))
    if named:  # "дал Байпакову поручения" after "Абилкаир Байпаков стал новым акимом Актау"
        return [context.with_title(named)]
    before = [m.entry.key for m in mentions if m.end <= span[0]  # "принял министра … Глава
              and m.entry.kind in ("body", "title", "party")]  # государства поручил ведомству"
    return [_antecedent(heads[0], name, context, before)
            or Party(f"other:{slug(heads[0])}", name)]


def _with_title(person: Mention, inside: list[Mention], mentions: Sequence[Mention]
                ) -> list[Mention]:
    """The mentions around a person's name with the title right before it, which the span
    may leave out ("сказал аким Павлодарской области Канат Бозумбаев": the akim)."""
    region = next((m for m in mentions if m.entry.kind == "region" and m.end == person.start),
                  None)
    before = region.start if region else person.start
    title = next((m for m in mentions if m.entry.kind == "title" and m.end == before), None)
    return inside + [m for m in (title, region if title else None)
                     if m is not None and m not in inside]


def _regions_as_bodies(tokens: Sequence[Token], span: tuple[int, int],
                       inside: Sequence[Mention], lang: str) -> bool:
    """Regions told as bodies ("Западно-Казахстанской и Атырауской областям"): their names,
    joined, and a noun of region; nothing else."""
    named = {k for m in inside if m.entry.kind == "region" for k in range(m.start, m.end)}
    nouns = _words("region_nouns", lang)
    return any(tokens[k].text.lower() in nouns for k in range(*span)) and all(
        tokens[k].text.lower() in nouns | {"и", "мен", "және"} for k in range(*span)
        if k not in named and tokens[k].text[:1].isalnum())


def _all_regions(tokens: Sequence[Token], span: tuple[int, int], inside: Sequence[Mention],
                 lang: str) -> bool:
    """The regions in general named beside some by name: "акимам городов Астаны, Алматы,
    Шымкента и областей" are all the akims."""
    named = {k for m in inside if m.entry.kind == "region" for k in range(m.start, m.end)}
    return any(tokens[k].text.lower() in _words("all_regions", lang) for k in range(*span)
               if k not in named)


@cache
def _words(section: str, lang: str) -> frozenset[str]:
    """One language's list of words of parties.toml ("region_nouns", "all_regions", …)."""
    return frozenset(load("parties")[section][lang])


def _antecedent(head: str, name: str, context: DocumentContext, before: Sequence[str] = ()
                ) -> Party | None:
    """ "министрлікке" alone: the ministry named last before it, in the sentence or before."""
    prefix = load("parties")["anaphora"].get(head)
    named = [p for p in (*context.named, *before)
             if prefix and p.startswith(prefix) and "{" not in p]
    return Party(named[-1], name) if named else None
