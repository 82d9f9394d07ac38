"""The gazetteer: persons, regions, bodies, addressee phrases and titles, in every form.

Names are kept in the nominative in `tapsyrma/data/*.toml`; a text token matches a name token
when their keys meet. The key of a Russian word is the set of its pymorphy3 lemmas
(Токаеву → токаев), of a Kazakh word the set of its stems (Тоқаевқа → тоқаев).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache

from tapsyrma import kazakh, russian
from tapsyrma.data import load
from tapsyrma.records import Token

WORD = re.compile(r"\w+(?:[.-]\w+)*|,")
# Marks a name may stand in without being part of it: «Нұр Отан», (АНК).
WRAPPERS = set("«»\"“”„()[]'")
# The kinds of entry, most specific first: on a tie of length the first wins.
KINDS = ("person", "body", "party", "region", "place", "title")
# Words whose keys are kept: a year of news has a few hundred thousand distinct word forms.
WORD_CACHE = 500_000
PATRONYMIC_ENDINGS = ("ұлы", "улы", "қызы", "кызы", "вич", "вна", "ична")
ENTITY_TYPE = {"person": "PER", "region": "LOC", "place": "LOC", "body": "ORG"}


@dataclass(frozen=True)
class Office:
    office: str
    start: date | None
    end: date | None
    acting: bool = False  # held for days until the new holder came: never a man's office
    # on a page that gives no date

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    id: str
    names: dict[str, str]
    offices: tuple[Office, ...] = ()

    def office_on(self, day: date | None) -> str | None:
        """The office held on a day; with no day, the office only when there is one."""
        if day is None:
            return self.offices[0].office if len(self.offices) == 1 else None
        held = [o for o in self.offices if o.held_on(day)]
        return held[0].office if held else None


@dataclass(frozen=True)
class Entry:
    kind: str  # person | body | region | party | title
    key: str  # person id, region slug, body or party id, or office pattern of a title
    needs_capital: bool = False
    number: str | None = None  # "sing" or "plur" when the phrase's head fixes it (аким, акимы)
    head_lemma: str | None = None  # the lemma whose readings tell a word's number
    head_at: int = 0  # which word is the head (Russian: the first noun, "профильные министерства")
    alias: bool = False  # a title that always means one person (Елбасы): a party, not a name
    by_field: bool = False  # a ministry named by its field alone, in a list sharing the noun
    also: tuple[str, ...] = ()  # other parties the phrase names ("акимы всех уровней")


@dataclass(frozen=True)
class Mention:
    """A gazetteer entry found at tokens [start, end) of a token sequence."""

    start: int
    end: int
    entry: Entry

    @property
    def type(self) -> str | None:
        return None if self.entry.alias else ENTITY_TYPE.get(self.entry.kind)


@dataclass
class Gazetteer:
    lang: str
    phrases: dict[str, list[tuple[tuple[frozenset[str], ...], tuple[str, ...], Entry]]] = field(
        default_factory=lambda: defaultdict(list))
    # Beginnings of every word of every name: a text word with another beginning cannot
    # match, so it is never sent to the (costly) morphology.
    prefixes: set[str] = field(default_factory=set)
    # Region names without their noun, by the key of their first word, with the keys of their
    # other words and of the noun they need: "Абайской и Западно-Казахстанской областей",
    # "Ақмола, Батыс Қазақстан және Ұлытау облыстарының" name regions whose noun is elided.
    adjectives: dict[str, list[tuple[tuple[frozenset[str], ...], frozenset[str], Entry]]] = (
        field(default_factory=lambda: defaultdict(list)))
    # Ministries by their fields alone, for lists whose noun is said once: "министрам
    # транспорта, финансов", "ішкі істер және денсаулық сақтау министрліктері".
    fields: list[tuple[tuple[frozenset[str], ...], Entry]] = field(default_factory=list)
    # Words that are a title only before a region's name ("Глава ЮКО"), by their keys.
    region_titles: list[tuple[frozenset[str], Entry]] = field(default_factory=list)

    def add(self, text: str, entry: Entry) -> None:
        words = WORD.findall(self._spelt(text))
        if entry.kind in ("person", "region", "place") and self.lang != "kk":
            keys = tuple(_singular_keys(w, entry.kind == "person") for w in words)
        else:
            keys = tuple(self._name_keys(w) for w in words)
        self.prefixes.update(_prefix(k) for key in keys for k in key)
        if keys and entry.kind in ("party", "title", "body"):
            at = len(words) - 1 if self.lang == "kk" else next(
                (k for k, w in enumerate(words) if russian.best_has(w, "NOUN")), 0)
            head = words[at]
            lemma = None if self.lang == "kk" else russian.parses(head)[0].normal_form
            entry = replace(entry, number=self._head_number(head, entry.kind, lemma),
                            head_lemma=lemma, head_at=at)
        if entry.kind == "region" and self.lang == "kk" and words[-1].lower() in REGION_NOUNS:
            # "Жамбыл және Қызылорда облыстарының": the plural noun of several regions
            keys = keys[:-1] + (keys[-1] | REGION_NOUNS[words[-1].lower()],)
        if entry.kind == "region" and len(keys) in (2, 3):
            for key in keys[0]:
                self.adjectives[key].append((keys[1:-1], keys[-1], entry))
        if keys:
            surface = tuple(folded(w, self.lang) for w in words)
            for first in keys[0]:
                self.phrases[first].append((keys, surface, entry))

    def _unabbreviated(self, text: str) -> str:
        """An abbreviation as the noun it stands for: "г. Атырау" is "город Атырау"."""
        if not text.endswith("."):
            return text
        return load("places")["abbreviations"][self.lang].get(text[:-1].lower(), text)

    def _spelt(self, text: str) -> str:
        """In Russian, the Kazakh letters of a name as the Russian ones that stand for them:
        "области Ұлытау" is "области Улытау"."""
        return text if self.lang == "kk" else text.translate(KAZAKH_IN_RUSSIAN)

    def _name_keys(self, word: str) -> frozenset[str]:
        """A Kazakh name word is matched as written (the text's word is peeled down to it:
        Алға must not become "ал"); a Russian one by its lemmas."""
        return frozenset({folded(word, "kk")}) if self.lang == "kk" else word_keys(word, self.lang)

    def _head_number(self, head: str, kind: str, lemma: str | None) -> str:
        """The number of a phrase's head (Kazakh: the last word, Russian: the first one);
        where the head is ambiguous, a collective party is plural and a title singular."""
        numbers = word_numbers(head, self.lang, lemma)
        if len(numbers) == 1:
            return next(iter(numbers))
        return "plur" if kind == "party" else "sing"

    def find(self, tokens: Sequence[str]) -> list[Mention]:
        """The longest non-overlapping mentions in a sequence of tokens; quotes and brackets
        around the words of a name are passed over («Нұр Отан» партиясы)."""
        at = [i for i, t in enumerate(tokens) if t not in WRAPPERS]
        found = self._find([self._spelt(self._unabbreviated(tokens[i])) for i in at])
        return [Mention(at[m.start], at[m.end - 1] + 1, m.entry) for m in found]

    def _find(self, words: Sequence[str]) -> list[Mention]:
        keys = [word_keys(name, self.lang) if _prefix(name.lower()) in self.prefixes
                else NO_KEYS for name in map(_without_initial, words)]
        found: list[Mention] = []
        i = 0
        while i < len(words):
            best = self._longest_at(words, keys, i)
            if best and best.entry.kind == "title" and best.end - best.start > 1:
                best = self._title_before_region(words, keys, best)
            if best:
                found.append(best)
                i = best.end
            else:
                i += 1
        found = self._titles_before_regions(words, found)
        extra = self._elided_regions(words, keys, found)
        # "Жамбыл" (a town), "Ақмола" (the capital's old name) and "Абай" (a surname alone)
        # before "… облыстары" are the regions
        kept = [m for m in found if not any(
            m.entry.kind in ELIDABLE and m.start < e.end and e.start < m.end
            for e in extra)]
        if any(m.entry.kind in ("party", "body") for m in kept):
            kept += self._shared_heads(words, keys, kept)
            ministries = [self._ministries_by_field(words, keys, m) for m in kept]
            kept = [m for m, named in zip(kept, ministries, strict=True) if not named]
            if any(ministries):  # a ministry read whole in the list, and named again in it
                kept = [m for m in kept if not any(n.start < m.end and m.start < n.end
                                                   for named in ministries for n in named)]
                kept += [m for named in ministries for m in named]
        return sorted(kept + extra, key=lambda m: m.start)

    def _titles_before_regions(self, words: Sequence[str], found: list[Mention]
                               ) -> list[Mention]:
        """ "Глава ЮКО обязал …": a word that is an akim's title only right before the name
        of a region."""
        if not self.region_titles:
            return found
        taken = {k for m in found for k in range(m.start, m.end)}
        titles = [Mention(m.start - 1, m.start, entry) for m in found
                  if m.entry.kind == "region" and m.start and m.start - 1 not in taken
                  and (entry := next((e for keys, e in self.region_titles
                                      if keys & word_keys(words[m.start - 1], self.lang)), None))]
        return sorted(found + titles, key=lambda m: m.start) if titles else found

    def _shared_heads(self, words: Sequence[str], keys: list[frozenset[str]],
                      found: list[Mention]) -> list[Mention]:
        """Attributes coordinated before a phrase that share its head: "центральным и местным
        исполнительным органам", "облыстық және аудандық әкімдіктерге" name two parties, the
        attribute standing for its own phrase."""
        extra: list[Mention] = []
        for m in found:
            if m.entry.kind not in ("party", "body") or m.end - m.start < 2:
                continue
            j = m.start - 1
            while j >= 1 and words[j].lower() in COORDINATORS:
                rest = list(range(m.start + 1, m.end))
                hit = self._longest_at([words[j - 1], *(words[k] for k in rest)],
                                       [keys[j - 1], *(keys[k] for k in rest)], 0)
                if hit is None or hit.end != len(rest) + 1 or hit.entry.kind not in (
                        "party", "body"):
                    break
                extra.append(Mention(j - 1, j, hit.entry))
                j -= 2
        return extra

    def _ministries_by_field(self, words: Sequence[str], keys: list[frozenset[str]],
                             collective: Mention) -> list[Mention]:
        """The ministries a plural "министрам"/"министрліктері" names by their fields, its
        noun said once: "министрам транспорта, финансов" (fields after the noun), "көлік
        және қаржы министрліктеріне" (before it). None when it names no field; with the
        first ministry read whole ("Министерствам энергетики и финансов"), the others."""
        head = words[collective.start if self.lang == "ru" else collective.end - 1]
        if not (collective.entry.key == "ministers" or (
                collective.entry.kind == "body" and collective.entry.key.startswith("minister:")
                and word_numbers(head, self.lang) == {"plur"})) or not head.lower().startswith(
                    "минист"):
            return []
        found: list[Mention] = [] if collective.entry.key == "ministers" else [collective]
        if self.lang == "ru":
            j = collective.end if not found else collective.end + 1
            if found and (collective.end >= len(words)
                          or words[collective.end].lower() not in COORDINATORS):
                return []
            while (named := self._field_at(keys, j, forward=True)) is not None:
                found.append(named)
                j = named.end + 1
                if named.end >= len(words) or words[named.end].lower() not in COORDINATORS:
                    break
        else:
            j = collective.start if not found else collective.start - 1
            if found and (j < 1 or words[j].lower() not in COORDINATORS):
                return []
            while (named := self._field_at(keys, j, forward=False)) is not None:
                # the field right before the noun takes the noun in: its case ending tells
                # the phrase's role ("… министрліктерімен бірлесіп": partners)
                found.append(named if found else Mention(named.start, collective.end,
                                                         named.entry))
                j = named.start - 1
                if j < 1 or words[j].lower() not in COORDINATORS:
                    break
        return found

    def _field_at(self, keys: list[frozenset[str]], j: int, forward: bool) -> Mention | None:
        """The longest ministry field starting at j (forward) or ending right before it."""
        for phrase, entry in self.fields:  # longest first
            start = j if forward else j - len(phrase)
            if start < 0 or start + len(phrase) > len(keys):
                continue
            if all(phrase[k] & keys[start + k] for k in range(len(phrase))):
                return Mention(start, start + len(phrase), entry)
        return None

    def _title_before_region(self, words: Sequence[str], keys: list[frozenset[str]],
                             title: Mention) -> Mention:
        """"Аким области Абай": the title's last word begins the region's name "область
        Абай" (the new regions are named so), and the shorter title "Аким" is kept."""
        region = self._longest_at(words, keys, title.end - 1)
        if region is None or region.entry.kind != "region" or region.end <= title.end:
            return title
        shorter = self._longest_at(words[:title.end - 1], keys[:title.end - 1], title.start)
        return shorter if shorter is not None else title

    def _elided_regions(self, words: Sequence[str], keys: list[frozenset[str]],
                        found: list[Mention]) -> list[Mention]:
        """Names coordinated before a region's "<name> <noun>" that share its noun:
        "Туркестанской, Жамбылской и Кызылординской областей", "Жамбыл және Қызылорда
        облыстары" name three and two regions."""
        taken = {k for m in found if m.entry.kind not in ELIDABLE or (
                 m.entry.kind == "person" and m.end - m.start > 1) for k in range(m.start, m.end)}
        extra: list[Mention] = []
        for m in found:
            if m.entry.kind != "region" or not 2 <= m.end - m.start <= 3 or (
                    self.lang == "ru" and russian.lemmas(words[m.start]) & NOUN_FIRST):
                continue  # "области Абай" ends with its name, which names before do not share
            noun = keys[m.end - 1]
            j = m.start - 1
            while j >= 1 and words[j].lower() in COORDINATORS:
                elided = self._elided_before(keys, j, noun, taken)
                if elided is None:
                    break
                extra.append(elided)
                j = elided.start - 1
        return extra

    def _elided_before(self, keys: list[frozenset[str]], j: int, noun: frozenset[str],
                       taken: set[int]) -> Mention | None:
        """The longest region name without its noun that ends right before position j."""
        for length in (2, 1):
            start = j - length
            if start < 0 or taken & set(range(start, j)):
                continue
            for first in keys[start]:
                for rest, head, entry in self.adjectives.get(first, ()):
                    if (len(rest) == length - 1 and head & noun
                            and all(r & keys[start + 1 + k] for k, r in enumerate(rest))):
                        return Mention(start, j, entry)
        return None

    def _longest_at(self, words: Sequence[str], keys: list[frozenset[str]], i: int
                    ) -> Mention | None:
        best: Mention | None = None
        best_rank: tuple[int, ...] = ()
        for first in keys[i]:
            for phrase, surface, entry in self.phrases.get(first, ()):
                end = i + len(phrase)
                if end > len(words) or (entry.needs_capital and not words[i][:1].isupper()):
                    continue
                if entry.number and entry.number not in word_numbers(
                        words[i + entry.head_at], self.lang, entry.head_lemma):
                    continue
                if not all(phrase[k] & keys[i + k] for k in range(1, len(phrase))):
                    continue
                rank = _rank(surface, entry, words[i:end], keys[i:end], self.lang)
                if rank > best_rank:
                    best, best_rank = Mention(i, end, entry), rank
        return best


NO_KEYS: frozenset[str] = frozenset()
REGION_NOUNS = {"облысы": frozenset({"облыстары"})}
KAZAKH_IN_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
NOUN_FIRST = frozenset({"область", "регион"})  # "области Абай": the noun before the name
COORDINATORS = {",", "и", "және", "мен", "пен", "бен"}
# What a region name with its noun elided may have been read as alone.
ELIDABLE = ("place", "region", "person")
PREFIX = 3


INITIAL = re.compile(r"^[^\W\d_a-zа-яёәғқңөұүһі]\.(?=[^\W\d_]{3})")


def _without_initial(word: str) -> str:
    """ "Қ.Көшербаев", "М.Қасымбеков": a surname with its initial glued on is read as the
    surname."""
    return INITIAL.sub("", word, count=1)


def _prefix(word: str) -> str:
    return word[:PREFIX].replace("ё", "е").replace("э", "е")  # one key for both spellings


def _rank(surface: tuple[str, ...], entry: Entry, words: Sequence[str],
          keys: Sequence[frozenset[str]], lang: str) -> tuple[int, ...]:
    """Longest first; then the name spelt as in the text (Назарбаев, not Назарбаева); then the
    one the text's forms lead back to; then the most specific (аудандық әкімдіктер over
    аудандық әкімдік); then by kind, a person before a body before a collective party."""
    exact = sum(s == folded(w, lang) for s, w in zip(surface, words, strict=True))
    reached = sum(s in k for s, k in zip(surface, keys, strict=True))
    return (len(surface), exact, reached, sum(map(len, surface)), -KINDS.index(entry.kind))


@lru_cache(maxsize=8192)
def _sentence_mentions(texts: tuple[str, ...], lang: str) -> tuple[Mention, ...]:
    return tuple(gazetteer(lang).find(texts))


def mentions_of(tokens: Sequence[Token], lang: str | None) -> tuple[Mention, ...]:
    """Gazetteer mentions among a sentence's tokens (Kazakh or else Russian gazetteer),
    found once per sentence for every stage that asks."""
    return _sentence_mentions(tuple(t.text for t in tokens), "kk" if lang == "kk" else "ru")


def _singular_keys(word: str, person: bool) -> frozenset[str]:
    """The keys of one word of a proper name by its singular readings: "Алматы" is no plural
    of the given name "Алмат", "Нурымбетов" and "Сагинтаев" no genitive plural of the names
    "Нурымбет", "Сагинтай". A surname read only as a plural ("Омаров", of "омар") is its own
    key; a place read only so keeps all its keys."""
    low = word.lower().replace("ё", "е")
    singular = {p.normal_form.replace("ё", "е") for p in russian.parses(low)
                if "plur" not in p.tag}
    if singular or person:
        return frozenset(singular | {low})
    return word_keys(word, "ru")


@lru_cache(maxsize=WORD_CACHE)
def word_keys(word: str, lang: str) -> frozenset[str]:
    low = folded(word, lang)
    if lang == "kk":
        return kazakh.stems(low) | {low}
    return russian.lemmas(low) | {low}


def folded(word: str, lang: str) -> str:
    """A word as names are keyed: lower case, "ё" as "е", and in Kazakh "э" as "е" (a text
    read from the Latin script spells "Энергетика" as "Енергетика")."""
    low = word.lower().replace("ё", "е")
    return low.replace("э", "е") if lang == "kk" else low


@lru_cache(maxsize=WORD_CACHE)
def word_numbers(word: str, lang: str, lemma: str | None = None) -> frozenset[str]:
    """The grammatical numbers a word can have (as a form of `lemma`, when given)."""
    if lang == "kk":
        return frozenset({"plur" if kazakh.is_plural(word) else "sing"})
    found = {n for p in russian.parses(word) for n in ("sing", "plur")
             if n in p.tag and (lemma is None or p.normal_form == lemma)}
    return frozenset(found) or frozenset({"sing", "plur"})


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else None


@cache
def persons() -> dict[str, Person]:
    out = {}
    for item in load("persons")["person"]:
        offices = tuple(Office(o["office"], _date(o.get("from")), _date(o.get("to")),
                               o.get("acting", False)) for o in item.get("offices", []))
        names = {lang: item[lang] for lang in ("ru", "kk", "en") if item.get(lang)}
        out[item["id"]] = Person(item["id"], names, offices)
    return out


@cache
def name_forms() -> frozenset[str]:
    """Every word of every person's name as the gazetteer spells it, lower-cased."""
    return frozenset(w.lower() for p in persons().values() for name in p.names.values()
                     for w in WORD.findall(name))


@cache
def proper_name_forms(lang: str) -> frozenset[str]:
    """The lower-cased words of the names of persons and regions in one language (four
    letters or more): where a script has no capitals, they say which words are names. Places
    are left out: many of their names are common words too."""
    names = [n for p in persons().values() for n in p.names.values()]
    names += [n for item in load("regions")["region"] for n in item.get(lang, [])]
    return frozenset(w.lower() for n in names for w in WORD.findall(n)
                     if len(w) >= 4 and w[:1].isupper())


@cache
def place_regions() -> dict[str, str]:
    """The region of each place in Kazakhstan (towns, districts), by place slug."""
    return {p["slug"]: p["region"] for p in load("places")["place"] if p.get("region")}


@cache
def region_slugs() -> frozenset[str]:
    """The 20 regions and cities of the contract (and the country), not other places."""
    return frozenset(region_kinds())


@cache
def region_kinds() -> dict[str, str]:
    """ "region" (an oblast), "city" (of republican significance) or "country", by slug."""
    return {item["slug"]: item["kind"] for item in load("regions")["region"]}


def holders(office: str, day: date | None) -> list[Person]:
    """The persons who held an office on a day (on any day when the day is unknown)."""
    return [p for p in persons().values()
            if any(o.office == office and (day is None or o.held_on(day)) for o in p.offices)]


def _person_variants(full: str) -> list[str]:
    variants = _spellings(full)
    for name in list(variants):
        variants.extend(_shortened(name))
    return list(dict.fromkeys(variants))


# The Latin Kazakh alphabet of 2018 writes "я" and "иа" alike ("Sklıar"): a page read back
# from it spells "Скляр" as "Склиар".
LATIN_READ_BACK = re.compile(r"(?<=[бвгғджзйклмнңпрстфхцчшщ])([яю])", re.IGNORECASE)


def _spellings(full: str) -> list[str]:
    read_back = LATIN_READ_BACK.sub(
        lambda m: {"я": "иа", "ю": "иу", "Я": "Иа", "Ю": "Иу"}[m[1]], full)
    return [full] if read_back == full else [full, read_back]


def _shortened(full: str) -> list[str]:
    parts = full.split()
    variants = [parts[-1]]
    if len(parts) >= 2:
        variants.append(f"{parts[0]} {parts[-1]}")
    if len(parts) == 3 and parts[1].endswith(PATRONYMIC_ENDINGS):
        # given name and patronymic: how the Kazakh press names officials ("Серік Мақашұлы"),
        # how a Russian speaker addresses one ("Роман Васильевич, поручаю вам …")
        variants.append(f"{parts[0]} {parts[1]}")
        variants.extend(f"{parts[0]} {russian_form}" for russian_form in _russian_patronymics(
            parts[1]))
    return variants


def _russian_patronymics(patronymic: str) -> list[str]:
    """A Kazakh patronymic as a Russian speaker says it: "Махмудулы" is also "Махмудович"
    ("Женис Махмудович поручил …"), "Сапаркызы" "Сапаровна"."""
    for kazakh_ending, endings in (("улы", ("ович", "евич")), ("ұлы", ("ович", "евич")),
                                   ("кызы", ("овна", "евна")), ("қызы", ("овна", "евна"))):
        if patronymic.endswith(kazakh_ending):
            stem = patronymic[: -len(kazakh_ending)]
            return [stem + ending for ending in endings]
    return []


NAME_LANGS = {"ru": ("ru", "en"), "kk": ("kk", "ru", "en")}


@cache
def gazetteer(lang: str) -> Gazetteer:
    """The gazetteer for texts in one language, built once from the data files."""
    g = Gazetteer(lang)
    langs = NAME_LANGS.get(lang, ("ru",))
    for item in load("persons")["person"]:
        entry = Entry("person", item["id"], needs_capital=True)
        for name_lang in dict.fromkeys((*langs, "kk")):  # a Russian text may spell a name
            # the Kazakh way ("Берік Әбдіғалиұлы"), its letters read as the Russian ones
            if item.get(name_lang):
                for variant in _person_variants(item[name_lang]):
                    g.add(variant, entry)
        for alias in item.get("aliases", []):
            g.add(alias, Entry("person", item["id"], alias=True))
    for kind, data in (("region", load("regions")["region"]), ("place", load("places")["place"])):
        for item in data:
            names = [n for name_lang in langs for key in (name_lang, f"{name_lang}_abbr")
                     for n in item.get(key, [])] + [f["name"] for f in item.get("former", [])]
            for name in names:
                # "область Улытау" begins with a common noun, written in lower case
                g.add(name, Entry(kind, item["slug"], needs_capital=name[:1].isupper()))
    # Words of bodies and titles are words of one language: a Russian "суд" must not be
    # found in Kazakh "суды" (the water, accusative).
    own = (lang,)
    _add_named(g, load("bodies")["body"], "body", own, with_abbr=True)
    for name, body in _first_fields(load("bodies")["body"], lang).items():
        g.add(name, Entry("body", body))
    g.fields = sorted(((tuple(g._name_keys(w) for w in WORD.findall(name)),
                        Entry("body", body, by_field=True))
                       for name, body in _ministry_fields(load("bodies")["body"], lang).items()),
                      key=lambda field: -len(field[0]))
    _add_named(g, load("parties")["party"], "party", own)
    for item in load("titles")["title"]:
        for name in item.get(lang, []):
            g.add(name, Entry("title", item["office"]))
        words = item.get(f"{lang}_before_region", [])
        if words:
            g.region_titles.append((frozenset().union(*(word_keys(w, lang) for w in words)),
                                    Entry("title", item["office"], number="sing")))
    return g


# "Министерство торговли и интеграции" is said "Министерство торговли", "Сауда және
# интеграция министрлігі" "Сауда министрлігі": a ministry by the first of its fields.
FIRST_FIELD = {"ru": re.compile(r"^(Министерство [^,]+?)(?: и |, )"),
               "kk": re.compile(r"^(.+?)(?:,| және) .+ (министрлігі)$")}


def _first_fields(items: list[dict], lang: str) -> dict[str, str]:
    """Short names of ministries by their first field, where one ministry line has it."""
    pattern = FIRST_FIELD.get(lang)
    if pattern is None:
        return {}
    shorts: dict[str, str] = {}
    owners: dict[str, set[str]] = defaultdict(set)  # by lower-cased full or short name
    for item in items:
        for name in item.get(lang, []):
            owners[name.lower()].add(item["id"])
            m = pattern.match(name)
            if m:
                short = " ".join(g for g in m.groups() if g)
                shorts[short] = item["id"]
                owners[short.lower()].add(item["id"])
    return {short: body for short, body in shorts.items() if owners[short.lower()] == {body}}


MINISTRY_FIELD = {"ru": re.compile(r"^Министерство ([^,]+?)(?:(?: и |, ).*)?$"),
                  "kk": re.compile(r"^(?:(.+?)(?:,| және) .+|(.+)) министрлігі$")}


def _ministry_fields(items: list[dict], lang: str) -> dict[str, str]:
    """Each ministry's fields ("транспорта", "ішкі істер", "сауда және интеграция"), the
    first alone and all together, where only one ministry has them; a field that is all of
    one ministry's name is that ministry's ("қорғаныс": not "қорғаныс және аэроғарыш
    өнеркәсібі")."""
    pattern = MINISTRY_FIELD.get(lang)
    if pattern is None:
        return {}
    owners: dict[str, set[str]] = defaultdict(set)
    whole_names: dict[str, set[str]] = defaultdict(set)
    for item in items:
        for name in item.get(lang, []):
            m = pattern.match(name)
            if m and item["id"].startswith("minister:") and "еспублик" not in name:
                owners[next(g for g in m.groups() if g).lower()].add(item["id"])
                # and all its fields: "сауда және интеграция", "торговли и интеграции"
                whole = name.split(maxsplit=1)[1] if lang == "ru" else name.rsplit(maxsplit=1)[0]
                whole_names[whole.lower()].add(item["id"])
    return {name: ids.pop() for name, ids in (owners | whole_names).items() if len(ids) == 1}


def _add_named(g: Gazetteer, items: list[dict], kind: str, langs: tuple[str, ...],
               with_abbr: bool = False) -> None:
    for item in items:
        entry = Entry(kind, item["id"], also=tuple(item.get("also", ())))
        for name_lang in langs:
            for name in item.get(name_lang, []):
                g.add(name, entry)
            for name in item.get(f"{name_lang}_proper", []):  # a name only when capitalised
                g.add(name, Entry(kind, item["id"], needs_capital=True))
        if with_abbr:
            for name in item.get("abbr", []):
                g.add(name, Entry(kind, item["id"], needs_capital=True))
