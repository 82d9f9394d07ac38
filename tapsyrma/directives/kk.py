"""Kazakh directives: the dative addressee, the accusative verbal-noun chain, the trigger.

Kazakh puts the verb last: "[Issuer] [addressee-DAT] [action: …-уды/-уді] тапсырды". The order
is a directive only when the trigger follows a verbal noun or a directive noun: on a plain noun
тапсыру means "hand over" (құжаттарын тапсырды), which is how its traps are told apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache, lru_cache

from tapsyrma import kazakh
from tapsyrma.data import load_lexicon
from tapsyrma.directives.frame import Frame
from tapsyrma.directives.parties import (
    SURNAME_ENDINGS,
    is_authority_at,
    is_known_party,
    is_nominative,
    modifies,
    nominative_party_span,
    points_back,
)
from tapsyrma.entities.gazetteer import Mention, mentions_of
from tapsyrma.records import Token

CLAUSE_END = set(".!?;:")
CONVERB_ENDINGS = ("ып", "іп")
COORDINATORS = {"мен", "пен", "бен", "және", ","}
# A verbal noun with a 3rd-person possessive, in any case: бөлуі, бөлуін, бөлуіне.
POSSESSED = ("уі", "уы", "уін", "уын", "уіне", "уына", "уіні", "уыны")
FIRST_PERSON_ENDINGS = ("мын", "мін", "мыз", "міз", "дым", "дім", "дық", "дік", "тым", "тім")
NAME_WORDS = 3  # a given name, a patronymic, a surname
VOCATIVE_WORDS = 8  # "Қанат Алдабергенұлы (премьер-министрдің орынбасары),"


@cache
@cache
def modals() -> frozenset[str]:
    """Words of obligation closing a clause: "тиіс", "керек", "қажет"."""
    return frozenset(lexicon()["obligation_words"])


def lexicon() -> dict:
    return load_lexicon("triggers_kk")


def frames(tokens: Sequence[Token]) -> Iterator[Frame]:
    """Frames left to right; a converb (тапсырып, …) closes a clause, and the next frame's
    slots are sought after it, sharing its subject."""
    words = [t.text.lower() for t in tokens]
    by_order = _by_order_frame(tokens, words)
    if by_order:  # "Тоқаевтың тапсырмасы бойынша … бақылауында болады": one order
        yield by_order
        return
    floor, previous = 0, None
    for i in range(len(tokens)):
        if i < floor:
            continue
        said = _said_as_order(tokens, words, i, previous) if previous is not None else None
        if previous is not None and said is not None:
            # "«… қамтамасыз етуі керек», деп тапсырма берді", "…қараңыздар, – деп облыс
            # әкімі басшыларына нақты тапсырмалар жүктеді": the words before "деп" are the
            # order, now told as one, by whom and to whom the words after it say
            speaker = _named_after(tokens, i)
            told = _addressees(tokens, i + 1, said, ["dative"])
            previous = replace(previous, soft=False, issuer=speaker or previous.issuer,
                               addressees=tuple(told) or previous.addressees)
            floor = said + 2
            continue
        frame = (_dash_frame(tokens, words, i, floor) or _verb_frame(tokens, words, i, floor)
                 or _light_frame(tokens, words, i, floor) or _soft_frame(tokens, words, i, floor)
                 or _time_given_frame(tokens, words, i, floor)
                 or _imperative_frame(tokens, words, i, floor)
                 or _second_person_frame(tokens, words, i, floor)
                 or _obligation_frame(tokens, words, i, floor)
                 or _reported_obligation_frame(tokens, words, i, floor)
                 or _commitment_frame(tokens, words, i, floor)
                 or _dative_dash_frame(tokens, words, i, floor))
        if frame:
            if frame.issuer is None and previous is not None and previous.issuer:
                frame = replace(frame, issuer=previous.issuer)
            first, frame = _gapped(tokens, frame)
            if first is not None:  # "әкімдіктерге …ді, ал министрлігіне …ді тапсырды"
                if previous is not None:
                    yield previous
                previous = first
            if previous is not None and previous.action[0] <= tokens[frame.trigger[0]].start \
                    < previous.action[1]:  # "Әкімдерге тапсырма беремін: … жөнделуі тиіс": the
                frame = replace(frame, addressees=frame.addressees or previous.addressees)
                previous = None  # order told after the colon is the one given
            if previous is not None:
                yield previous
            floor, previous = frame.trigger[1], frame
    if previous is not None:
        yield previous


def _by_order_frame(tokens: Sequence[Token], words: list[str]) -> Frame | None:
    """ "Қасым-Жомарт Тоқаевтың тапсырмасы бойынша жағдай Президент Әкімшілігінің бақылауында
    болады": what will be done by someone's order, the present-future closing the sentence,
    is his order when it names those told after "бойынша" or bans ("тыйым салынады")."""
    k = next((j for j in range(len(words) - 1) if words[j + 1] == "бойынша"
              and words[j].startswith("тапсырма")), None)
    if k is None or k + 2 >= len(tokens) or not _by_order_future().search(" ".join(words)):
        return None
    issuer = next(((m.start, m.end) for m in mentions_of(tokens, "kk") if m.end == k
                   and m.entry.kind in ("person", "title", "body", "party")), None)
    told = tuple((m.start, m.end) for m in mentions_of(tokens, "kk") if m.start > k + 1
                 and m.entry.kind in ("person", "title", "body", "party"))
    banned = any(w in light["nouns"] for light in lexicon()["light"]
                 if light["kind"] == "prohibition" for w in words[k + 2:])
    if not (told or banned):
        return None  # "… әр отбасына төрт миллион теңгеден бөлінеді": a benefit
    last = next(j for j in range(len(tokens) - 1, -1, -1) if tokens[j].text[:1].isalpha())
    return Frame("prohibition" if banned else "instruction", (k, k + 2),
                 (tokens[k + 2].start, tokens[last].end), issuer=issuer, addressees=told,
                 impersonal=not told)


@cache
def _by_order_future() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lexicon()["by_order_future"]))


def _gapped(tokens: Sequence[Token], frame: Frame) -> tuple[Frame | None, Frame]:
    """One verb, two orders: "облыстық әкімдіктерге … қамтамасыз етуді, ал денсаулық сақтау
    министрлігіне … сатып алуды тапсырды". The order before ", ал" and the one after it, with
    the dative that opens it; (None, frame) when the action holds no such turn."""
    inside = [k for k, t in enumerate(tokens) if frame.action[0] <= t.start < frame.action[1]]
    for k in inside[1:-2]:
        if tokens[k].text.lower() != "ал" or tokens[k - 1].text != ",":
            continue
        dative = next((j for j in range(k + 1, min(k + 6, inside[-1]))
                       if kazakh.is_dative(tokens[j].text) and _can_address(tokens, j)), None)
        if dative is None:
            continue
        first = replace(frame, action=(frame.action[0], tokens[k - 2].end))
        second = replace(frame, action=(tokens[dative + 1].start, frame.action[1]),
                         addressees=((_with_apposition(tokens, dative), dative + 1),))
        return first, second
    return None, frame


def _named_after(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The first authority named in the few words after i, with its apposition ("деп
    тапсырма берді Асқар Мамин Үкімет отырысында": Mamin, not the Government)."""
    found = [m for m in mentions_of(tokens, "kk") if i < m.start <= i + 5 and m.entry.kind in (
        "person", "title", "body")]
    if not found:
        return None
    end = found[0].end
    for m in found[1:]:  # "Премьер-министр Асқар Мамин"
        if m.start == end and {m.entry.kind, found[0].entry.kind} == {"title", "person"}:
            end = m.end
    return (found[0].start, end)


def _said_as_order(tokens: Sequence[Token], words: list[str], i: int, previous: Frame
                   ) -> int | None:
    """Where "деп тапсырма берді", "деп … тапсырмалар жүктеді" names the order right after the
    clause of the frame before: the order's word, past the names of who gave it and to whom."""
    if words[i] != "деп" or not all(
            not t.text[:1].isalnum() for t in tokens[previous.trigger[1]:i]):
        return None
    for j in range(i + 1, min(len(words), i + SAID_AS_ORDER_REACH)):
        if words[j] in lexicon()["said_as_order"]:
            return j
        if tokens[j].text in CLAUSE_END or tokens[j].text == ",":
            return None
    return None


def _imperative_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int
                      ) -> Frame | None:
    """ "Сыртқы істер министрлігі … қажетті қолдау көрсетсін": the authority in the subject is
    the addressee, the speaker of the quote the issuer."""
    if words[i] in lexicon()["enacting_verbs"] or not _third_person_imperative(words[i]):
        return None  # "… Үкіметінің орнынан түсуі қабылдансын": the decree's own act
    if not _ends_clause(tokens, i):
        return None
    subject = nominative_party_span(tokens, i, "kk")
    if subject is None or subject[0] < floor or not is_authority_at(tokens, subject[1] - 1, "kk"):
        if not words[i].endswith(tuple(lexicon()["passive_imperative_endings"])):
            return None
        # "… Қонаев қаласына көшірілсін", "… жауапқа тартылсын, деді Президент": let it be
        # done, in the words of a decree or of its author, to no one named
        start = _skip_openers(tokens, floor, i)
        return Frame("instruction", (i, i + 1), (tokens[start].start, tokens[i].end),
                     scene=True, spoken=True, impersonal=True)
    start = _skip_openers(tokens, subject[1], i)
    opening = next((k for k in range(subject[0] - 1, floor - 1, -1) if tokens[k].text == "«"),
                   None)  # "Мемлекет басшысы «әкімдер … өткізсін» деп": whose words they are
    issuer = nominative_party_span(tokens, opening, "kk") if opening else None
    return Frame("instruction", (i, i + 1), (tokens[start].start, tokens[i].end),
                 issuer=issuer if issuer and issuer[0] >= floor else None,
                 addressees=tuple(_listed_subjects(tokens, subject, floor)))


def _listed_subjects(tokens: Sequence[Token], subject: tuple[int, int], floor: int
                     ) -> list[tuple[int, int]]:
    """Every authority of a list in the nominative ("Өңірлердің әкімдері, Ұлттық статистика
    бюросы және Ішкі істер, Денсаулық сақтау министрліктері … пысықтасын"), not the last alone;
    one the gazetteer does not know by its head noun."""
    mentions = mentions_of(tokens, "kk")
    known = {m.end: m.start for m in mentions if m.entry.kind in ("party", "body")}
    # "Ақмола, Абай және Солтүстік Қазақстан облыстарының әкімдіктері": every region's
    subject = (max(floor, min(subject[0], _with_apposition(tokens, subject[1] - 1))), subject[1])
    spans = [subject]
    k = subject[0]
    while k - 2 >= floor and tokens[k - 1].text.lower() in COORDINATORS:
        end = k - 1
        if end in known:
            start = known[end]
        elif addressee_head([tokens[end - 1].text]) and is_nominative(tokens[end - 1].text, "kk"):
            start = _phrase_start(tokens, end - 1)
            while start > floor and start > end - 4 and tokens[start - 1].text[:1].isalpha() \
                    and tokens[start - 1].text.lower() not in COORDINATORS \
                    and is_nominative(tokens[start - 1].text, "kk"):
                start -= 1  # the name before its head noun: "Ұлттық статистика бюросы"
        else:
            break
        if start < floor or not is_nominative(tokens[end - 1].text, "kk"):
            break
        spans.insert(0, (start, end))
        k = start
    return spans


def _second_person_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int
                         ) -> Frame | None:
    """ "…тексерістер ұйымдастырыңыздар", "Полиция департаменті, … күшейтіңіздер": the
    2nd-person plural imperative of a speaker to the officials before him; an authority named
    first, before a comma, is the one addressed."""
    singular = _second_person_imperative(words[i], singular=True)
    if not (singular or _second_person_imperative(words[i])):
        return None
    if not _clause_last_word(tokens, i) or _quoted_by_verb(words, i):
        return None
    start = _clause_start(tokens, i, floor)
    addressees: tuple[tuple[int, int], ...] = ()
    comma = next((k for k in range(start, i) if tokens[k].text == ","), None)
    if comma is not None and comma - start <= (VOCATIVE_WORDS if singular else 4) and any(
            is_authority_at(tokens, k, "kk") or (singular and _surname(tokens[k].text))
            for k in range(start, comma)):
        addressees, start = ((start, comma),), comma + 1
    elif singular:
        return None  # "your …" with no one named before it: a noun, not an order
    elif (named := nominative_party_span(tokens, i, "kk")) and named[0] in (
            start, start + points_back(words[start], "kk")):
        # "Аталған әкімдіктер жұмысты күшейтіңіздер": those addressed open the clause
        addressees, start = (named,), named[1]
    start = _skip_openers(tokens, start, i)
    return Frame("instruction", (i, i + 1), (tokens[start].start, tokens[i].end),
                 addressees=addressees, scene=True)


def _obligation_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int
                      ) -> Frame | None:
    """ "Әкімдер … жұмыс орнын ашуға тиіс", "… кемшіліктерді жою керек": a verbal noun and
    тиіс / керек / қажет closing the clause. An authority in the nominative is the one obliged;
    without one the speaker's words oblige the officials before him."""
    forbidding = words[i] in lexicon()["forbidding_words"]
    if (words[i] not in modals() and not forbidding) or i == 0 or (
            i - 1 < floor):
        return None
    if not _any_verbal_noun(tokens[i - 1].text) or not _clause_last_word(tokens, i):
        return None
    if words[i - 1].endswith(tuple(lexicon()["first_person_possessives"])):
        return None  # "бәріміз … кірісуіміз керек": "we must" is no order to others
    start = _clause_start(tokens, i, floor)
    if any(w in lexicon()["opinion_markers"] for w in words[start:i]):
        return None  # "Оның пікірінше, … тиіс": an opinion
    if _unauthorised_subject(tokens, start, i - 1):
        return None  # "балалар … сеніп өсуі тиіс": what children should do is no order
    if words[i - 1].startswith("бол") and _place_subject(tokens, _skip_openers(tokens, start,
                                                                                i - 1)):
        return None  # "Астана бас қала деген атауға лайық болуға тиіс": what a place should be
    subject = nominative_party_span(tokens, i - 1, "kk")
    if subject and subject[0] >= start and i + 1 < len(words) and words[i + 1] in lexicon()["said"]:
        # "Облыс әкімі … органдарға … ұйымдастыру қажет деді": he said so, to those in the
        # dative after him
        begin = _skip_openers(tokens, subject[1], i - 1)
        told = _addressees(tokens, begin, min(begin + OBLIGED_DATIVE_REACH, i - 1), ["dative"])
        begin = _skip_openers(tokens, told[-1][1] if told else begin, i - 1)
        if begin > i - 1:
            return None
        return Frame("instruction", (i, i + 2), (tokens[begin].start, tokens[i - 1].end),
                     issuer=subject, addressees=tuple(told), scene=not told)
    if not (subject and subject[0] >= start and is_authority_at(tokens, subject[1] - 1, "kk")):
        subject = _unnamed_subject(tokens, _skip_openers(tokens, start, i - 1), i - 1)
    if subject and _object_coordinated(tokens, subject[1], i - 1):
        subject = None  # "… мемлекеттік органдар мен ел басшылығын хабардар ету қажет": the
        # bodies are told about, not obliged
    addressees: tuple[tuple[int, int], ...] = ()
    if subject:  # "әкімдер …", "Үкімет пен Есеп комитеті …": the ones obliged
        found = _with_coordinated(tokens, [subject]) + _listed_after(tokens, subject[1], i - 1)
        addressees, start = tuple(found), found[-1][1]
    else:  # "Бұл жағдайда Үкіметке … құруды қарастыру қажет": a dative among the first words
        begin = _skip_openers(tokens, start, i - 1)
        found = _addressees(tokens, begin, min(begin + OBLIGED_DATIVE_REACH, i - 1), ["dative"])
        if found:
            addressees, start = tuple(found), found[-1][1]
    start = _skip_openers(tokens, start, i - 1)
    if start > i - 1 or (words[i - 1].startswith("бол") and all(
            w in lexicon()["demonstrative_adverbs"] for w in words[start:i - 1])):
        return None  # "Бұлай болмауы керек": how things should be, no one told
    # "… бәсеңдетуге болмайды" forbids: the action keeps "болмайды"
    end = tokens[i].end if forbidding else tokens[i - 1].end
    return Frame("prohibition" if forbidding else "instruction", (i, i + 1),
                 (tokens[start].start, end), addressees=addressees, scene=True, soft=True)


def _commitment_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int
                      ) -> Frame | None:
    """ "Зардап шеккендер баспанамен қамтамасыз етіледі": a promise of the head of state or
    government, a passive future closing the clause."""
    if i == floor or words[i] not in _phrase_starts("promises"):
        return None
    phrase = next((p for p in lexicon()["promises"] if _matches(words, i, p)), None)
    if phrase is None:
        return None
    end = i + len(phrase.split()) - 1
    if not _clause_last_word(tokens, end):
        return None
    start = _skip_openers(tokens, _clause_start(tokens, i, floor), i)
    if start >= i:
        return None
    return Frame("commitment", (i, end + 1), (tokens[start].start, tokens[end].end),
                 spoken=True, scene=True)


def _reported_obligation_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int
                               ) -> Frame | None:
    """ "Қала әкімі қол астындағыларға … жаяу жүру керектігін айтты", "… шешілуі тиіс екенін
    атап өтті": the subject said that what the verbal noun names must be done; a dative is
    the one obliged, else those he spoke to."""
    lex = lexicon()
    if words[i] in lex["reported_obligations"]:
        end = i + 1
    elif (words[i] in lex["obligation_words"] and i + 1 < len(words)
          and words[i + 1] in lex["that_words"]):
        end = i + 2
    else:
        return None
    if i == 0 or i - 1 < floor or not _any_verbal_noun(tokens[i - 1].text) or not any(
            w in lex["saying_verbs"] for w in words[end:end + 3]):
        return None
    start = _clause_start(tokens, i, floor)
    issuer = _issuer(tokens, i - 1, start)
    obliged: list[tuple[int, int]] = []
    earlier = _issuer(tokens, issuer[0], start) if issuer else None
    if earlier:  # "Үкімет басшысы Ауыл шаруашылығы министрлігі … пысықтауы керек екенін":
        issuer, obliged = earlier, [issuer]  # the first orders, the second is obliged
    after = obliged[0][1] if obliged else issuer[1] if issuer else start
    addressees = obliged + _addressees(tokens, after, i - 1, ["dative"])
    after = max([after] + [a[1] for a in addressees])
    partner = next((span for span in partners(tokens) if after <= span[0] < i - 1), None)
    if partner and addressees:  # "… облыстарының әкімдіктерімен бірлесіп": they share it, with
        addressees.append((after, partner[1]))  # the regions named before their akimats
        after = partner[1] + 1
    begin = _skip_openers(tokens, after, i - 1)
    if begin > i - 1:
        return None
    return Frame("instruction", (i, end), (tokens[begin].start, tokens[i - 1].end),
                 issuer=issuer, addressees=tuple(addressees), scene=True)


def _dative_dash_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int
                       ) -> Frame | None:
    """ "Су ресурстары министрлігіне – лимиттен артық су берілмеуін қадағалау.": an item of
    a list of orders, its addressee, a dash, its verbal noun."""
    if tokens[i].text not in ("–", "—", "-") or i == 0 or i > floor + 8:
        return None
    if not kazakh.is_dative(tokens[i - 1].text) or not _can_address(tokens, i - 1):
        return None
    last = next((k for k in range(len(tokens) - 1, i, -1) if tokens[k].text[:1].isalnum()), None)
    if last is None or not _any_verbal_noun(tokens[last].text):
        return None
    addressee = (_with_apposition(tokens, i - 1), i)
    return Frame("instruction", (i, i + 1), (tokens[i + 1].start, tokens[last].end),
                 addressees=(addressee,), scene=True)


def says_what_to_do(action: str) -> bool:
    """An action with a verbal noun ("шұғыл шаралар қабылдауды"), not a topic alone ("су
    тасқыны жағдайына")."""
    return any(_any_verbal_noun(w) for w in re.findall(r"\w+", action))


def _object_coordinated(tokens: Sequence[Token], end: int, limit: int) -> bool:
    """A noun phrase that a coordinator joins to an accusative after it: the first part of an
    object, which takes the case ending once ("органдар мен ел басшылығын")."""
    if end >= limit or tokens[end].text.lower() not in COORDINATORS - {","}:
        return False
    return any(kazakh.has_case(t.text, "accusative") for t in tokens[end + 1:min(end + 4, limit)])


def _any_verbal_noun(word: str) -> bool:
    """A verbal noun in any case, with or without a possessive (алуы, ашуға, жою)."""
    return any(kazakh.is_verbal_noun(a.stem) for a in kazakh.analyses(word))


def _clause_last_word(tokens: Sequence[Token], i: int) -> bool:
    """No word follows in its clause, or only a reporting verb after a dash ("…, – деді") or
    none ("… керексіздер деді аймақ басшысы")."""
    for t in tokens[i + 1:]:
        if t.text in CLAUSE_END or t.text in ("–", "—", "-") or t.text in ("»", "\"", "”") or (
                t.text.lower() in lexicon()["said"]):
            return True
        if t.text == ",":
            continue
        return False
    return True


def _clause_start(tokens: Sequence[Token], i: int, floor: int) -> int:
    start = i
    while start > floor and tokens[start - 1].text not in CLAUSE_END | {"«", "\"", "“"}:
        start -= 1
    return start


def _ends_clause(tokens: Sequence[Token], i: int) -> bool:
    """The word ends its sentence, or the quotation a dash then closes ("…шешсін», – деді),
    or the words "деп", "деді" then report ("… өткізсін» деп Жарлыққа қол қойды")."""
    rest = tokens[i + 1:]
    nxt = next((k for k, t in enumerate(rest) if t.text[:1].isalpha()), None)
    return nxt is None or any(t.text in ("–", "—", "-") for t in rest[:nxt]) or (
        nxt > 0 and rest[nxt].text.lower() in lexicon()["reporting_words"])


def _dash_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int) -> Frame | None:
    """ "Президент тапсырған тағы бір маңызды мәселе — жолды жасау"."""
    if words[i] not in lexicon()["dash_participles"]:
        return None
    window = range(i + 1, min(len(words), i + 7))
    noun = next((j for j in window if words[j] in lexicon()["dash_nouns"]), None)
    dash = next((j for j in window if words[j] in ("—", "–", "-")), None)
    if noun is None or dash is None or dash != noun + 1 or dash + 1 >= len(tokens):
        return None
    end = next((j for j in range(len(tokens) - 1, dash, -1) if tokens[j].text[:1].isalnum()),
               dash)
    if end == dash:
        return None
    return Frame("instruction", (i, noun + 1), (tokens[dash + 1].start, tokens[end].end),
                 issuer=_issuer(tokens, i, floor))


def _matches(words: list[str], i: int, phrase: str) -> int:
    """The number of words of `phrase` matched at i (0 when it does not match)."""
    parts = phrase.split()
    ok = all(i + k < len(words) and words[i + k] == p for k, p in enumerate(parts))
    return len(parts) if ok else 0


@cache
def _verb_first_words() -> frozenset[str]:
    return frozenset(form.split()[0] for verb in lexicon()["verb"] for form in verb["stems"])


def _verb_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int) -> Frame | None:
    if words[i] not in _verb_first_words():
        return None
    for verb in lexicon()["verb"]:
        for form in verb["stems"]:
            n = _matches(words, i, form)
            if not n:
                continue
            quoted = _quoted_before(tokens, words, i, floor)
            if quoted is not None:  # "«… орындалсын» деп тапсырды"
                return _frame(tokens, words, (i, i + n), quoted, verb["kind"], floor,
                              verb.get("addressee_cases", ["dative"]),
                              first_person=form.endswith(FIRST_PERSON_ENDINGS))
            passive = _passive(form)
            cases = ["nominative"] if passive else verb.get("action_cases", ["accusative"])
            for case in cases:
                chain = _chain_end(tokens, i, case, floor)
                if chain is not None and _handed_over(tokens[chain].text):
                    return None  # "тестілеуді тапсырды": passed a test
                if chain is not None:
                    return _frame(tokens, words, (i, i + n), chain, verb["kind"], floor,
                                  verb.get("addressee_cases", ["dative"]),
                                  first_person=form.endswith(FIRST_PERSON_ENDINGS),
                                  passive=passive)
            return None
    return None


def _passive(word: str) -> bool:
    """A passive verb form: тапсырылды, берілді, жүктелді, салынды."""
    return word in lexicon()["passive"]


def _handed_over(word: str) -> bool:
    return bool(kazakh.stems(word) & lexicon()["handed_over"])


def _chain_end(tokens: Sequence[Token], trigger: int, case: str, floor: int) -> int | None:
    """The last verbal noun in `case` before the trigger, within the clause."""
    for j in range(trigger - 1, floor - 1, -1):
        word = tokens[j].text
        if word in CLAUSE_END or _converb_clause(tokens, j):
            return None
        if kazakh.is_verbal_noun_in(word, case) or (case == "nominative" and
                                                    kazakh.is_verbal_noun(word)):
            return j
    return None


def _converb_clause(tokens: Sequence[Token], j: int) -> bool:
    """A converb before a comma closes a clause of its own: in "жұмыстары аяқталып, иелеріне
    тапсырылды" the works were done and the houses handed over; nothing was ordered."""
    return (j + 1 < len(tokens) and tokens[j + 1].text == ","
            and tokens[j].text.lower().endswith(CONVERB_ENDINGS))


def _light_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int) -> Frame | None:
    if i and words[i - 1] in lexicon()["question_words"]:
        return None  # "Президент әкімдеріне қандай тапсырма берді": a headline that asks
    for light in lexicon()["light"]:
        if words[i] not in light["nouns"]:
            continue
        verb = next((j for j in range(i + 1, min(len(words), i + 3))
                     if words[j] in light["verbs"]), None)
        if verb is None:
            continue
        kind = "task" if words[i] in light.get("task_nouns", ()) else light["kind"]
        quoted = _quoted_before(tokens, words, i, floor)
        if quoted is not None:  # "«… жүргізіңдер» деп тапсырма бердім": the quote's words
            return _frame(tokens, words, (i, verb + 1), quoted, kind, floor, ["dative"])
        if light["kind"] == "prohibition":
            chain = _dative_chain_end(tokens, i)
            if chain is None:
                return None
            return _frame(tokens, words, (i, verb + 1), chain, kind, floor, ["dative"])
        about = next((j for j in range(i - 1, floor - 1, -1) if words[j] in lexicon()["about"]
                      and not (j > floor and words[j - 1] in lexicon()["connective_pronouns"])),
                     None)
        subject = _issuer(tokens, i, floor)
        if about is not None and about < i - 1 and kazakh.is_verbal_noun_in(
                tokens[i - 1].text, "dative") and (subject is None or about > subject[1]):
            # "… байланысты дайындықты күшейтуге тапсырма берді": the order is to do what the
            # dative before its noun says, with what it is about; not what it is for ("…
            # тексеру үшін арнайы комиссия құруға тапсырма жүктеді")
            frame = _frame(tokens, words, (i, verb + 1), i - 1, kind, floor, ["dative"],
                           passive=_passive(words[verb]))
            if frame is None or words[about] not in lexicon()["purpose"]:
                return frame
            start = _skip_openers(tokens, about + 1, i - 1)
            return replace(frame, action=(tokens[start].start, tokens[i - 1].end))
        if about is not None and about > floor and _any_verbal_noun(tokens[about - 1].text) and (
                about < (subject[0] if subject else i - 6)):
            # "Анықталған кемшіліктерді ретке келтіру бойынша аудан әкімі ауыл әкіміне нақты
            # тапсырмалар берді": what is to be done, said before who gave the orders (not
            # "Жиын қорытындысы бойынша", after the meeting)
            frame = _frame(tokens, words, (i, verb + 1), i, kind, floor, ["dative"],
                           object_noun=True)
            start = _skip_openers(tokens, floor, about)
            if frame is None or start >= about:
                return None
            return replace(frame, action=(tokens[start].start, tokens[about - 1].end))
        if about is not None and (about >= i - 6 or about >= i - ABOUT_REACH and _told_between(
                tokens, about + 1, i)) and (subject is None or about > subject[1]):
            # "ретке келтіру бойынша мердігер мекеме жауаптылары және ауыл әкіміне тапсырма
            # берді": what the order is about, then those it is given to
            frame = _frame(tokens, words, (i, verb + 1), about - 1, kind, floor, ["dative"])
            if frame and not frame.addressees:  # "… үшін жергілікті билік өкілдеріне тапсырма"
                frame = replace(frame, addressees=tuple(
                    _addressees(tokens, about + 1, i, ["dative"])))
            return frame
        passive = _passive(words[verb])
        if i > floor and _content_verbal_noun(tokens[i - 1].text):  # "… жеткізу міндетін"
            return _frame(tokens, words, (i, verb + 1), i - 1, kind, floor, ["dative"],
                          passive=passive)
        frame = _frame(tokens, words, (i, verb + 1), i, kind, floor, ["dative"],
                       object_noun=True, passive=passive)
        told = _after_colon(tokens, verb + 1)
        if frame and told:  # "Әкімдерге тапсырма беремін: үш айдың ішінде … шешу керек"
            frame = replace(frame, action=told)
        if frame and passive and not frame.addressees:
            return None  # "40 тапсырма берілді": tasks of a test, given to nobody in particular
        return frame
    return None


def _told_between(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the words between two points are the addressees of an order, in the dative,
    the last right before the end."""
    told = _addressees(tokens, start, end, ["dative"])
    return bool(told) and told[-1][1] == end


def _after_colon(tokens: Sequence[Token], k: int) -> tuple[int, int] | None:
    """What a colon at k introduces, to the end of the sentence."""
    if k >= len(tokens) or tokens[k].text != ":":
        return None
    end = next((j for j in range(k + 1, len(tokens)) if tokens[j].text in ("»", "\"", "”")),
               len(tokens))  # the quotation closes: "… тиіс», – деді Президент"
    words = [t for t in tokens[k + 1:end] if t.text[:1].isalnum()]
    return (words[0].start, words[-1].end) if words else None


def _time_given_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int
                      ) -> Frame | None:
    """ "Үкіметке ахуалды жақсартуға екі апта уақыт берді", "Әкімге … өзгерту үшін бір жыл
    уақыт беремін": what the time is given for is the action, its addressee in the dative."""
    lexicon_ = lexicon()
    if words[i] not in lexicon_["time_nouns"] or i + 1 >= len(words) or (
            words[i + 1] not in lexicon_["time_verbs"]):
        return None
    j = i - 1
    while j > floor and (words[j] in lexicon_["durations"] or words[j].isdigit()):
        j -= 1
    if j == i - 1:
        return None  # no term: "уақыт берді" alone
    if words[j] == "үшін":
        chain = j - 1
    elif kazakh.is_verbal_noun_in(tokens[j].text, "dative"):
        chain = j
    else:
        return None
    frame = _frame(tokens, words, (i, i + 2), chain, "instruction", floor, ["dative"])
    return frame if frame and frame.addressees else None


def _imperative_word(word: str) -> bool:
    """A 2nd-person plural imperative ("өндіріңдер", "ұйымдастырыңыздар") or a 3rd-person one
    ("шықсын"), not a wish ("болсын") nor the past ("атқардыңыздар")."""
    return _second_person_imperative(word) or (
        len(word) >= IMPERATIVE_LENGTH and _third_person_imperative(word))


def _second_person_imperative(word: str, singular: bool = False) -> bool:
    """ "ұйымдастырыңыздар" (or the polite singular "ұстаңыз"), not the past ("атқардыңыздар")
    nor a short word that ends alike."""
    endings = "second_person_singular_endings" if singular else "second_person_endings"
    return len(word) >= IMPERATIVE_LENGTH and word.endswith(tuple(lexicon()[endings])) and (
        not word.endswith(tuple(lexicon()["second_person_past_endings"])))


def _third_person_imperative(word: str) -> bool:
    """ "көрсетсін", not a wish ("болсын")."""
    return word.endswith(tuple(lexicon()["imperative_endings"])) and (
        word not in lexicon()["not_imperatives"])


def _quoted_by_verb(words: list[str], i: int) -> bool:
    """ "«… жүргізіңдер» деп тапсырдым": the quote is the action of the verb after "деп"."""
    rest = [w for w in words[i + 1:i + 4] if w not in ("»", "\"", "”", ",")]
    return bool(rest) and rest[0] == "деп" and len(rest) > 1 and rest[1] not in (
        lexicon()["speech_only"])


def _quoted_before(tokens: Sequence[Token], words: list[str], i: int, floor: int
                   ) -> int | None:
    """The last word of a quotation that "деп" ties to the trigger at i: «…» деп тапсырды;
    or of the imperative words it ties unquoted ("… айыппұлды өндіріңдер деп тапсырған")."""
    k = next((k for k in range(i - 1, max(floor, i - QUOTED_TOLD_REACH) - 1, -1)
              if words[k] == "деп" and (k == i - 1 or _told_between(tokens, k + 1, i))), None)
    if k is None or k <= floor:  # "… қараңдар деп әкімдерге тапсырма берді"
        return None
    k -= 1
    while k > floor and tokens[k].text in (",", "–", "—", "-"):
        k -= 1
    if k > floor and _imperative_word(words[k]):
        return k
    if k <= floor or tokens[k].text not in ("»", "\"", "”"):
        return None
    last = k - 1
    while last > floor and not tokens[last].text[:1].isalnum():
        last -= 1
    return last if last > floor else None


def _content_verbal_noun(word: str) -> bool:
    """A verbal noun that says what the task is: "жеткізу міндеті", "тартуға нұсқау"."""
    return kazakh.is_verbal_noun(word) or kazakh.is_verbal_noun_in(word, "dative")


def _dative_chain_end(tokens: Sequence[Token], trigger: int) -> int | None:
    """ "…өткізуге тыйым салынды": a prohibition's action is a dative verbal noun."""
    j = trigger - 1
    if j >= 0 and kazakh.is_verbal_noun_in(tokens[j].text, "dative"):
        return j
    return None


def _soft_frame(tokens: Sequence[Token], words: list[str], i: int, floor: int) -> Frame | None:
    """ "…көмек көрсету қажеттігін баса айтты" with a named dative addressee."""
    if i == 0 or words[i] not in _phrase_starts("soft_nouns"):
        return None
    n = next((n for noun in lexicon()["soft_nouns"] if (n := _matches(words, i, noun))), 0)
    if not n:
        return None
    verb = next((j for j in range(i + n, min(len(words), i + n + 2))
                 if any(_matches(words, j, v) for v in lexicon()["soft_verbs"])), None)
    if verb is None:
        return None
    frame = _frame(tokens, words, (i, verb + 1), i - 1, "recommendation", floor, ["dative"])
    if frame is None or not frame.addressees:
        return None
    return replace(frame, soft=True)


def _frame(tokens: Sequence[Token], words: list[str], trigger: tuple[int, int], chain_end: int,
           kind: str, floor: int, addressee_cases: list[str], first_person: bool = False,
           object_noun: bool = False, passive: bool = False) -> Frame | None:
    limit = trigger[0] if object_noun else chain_end + 1
    # "жолдарды жөндеуді облыс әкімдеріне тапсырды": the addressee may stand between the
    # action and the verb; before the action, a dative may be the action's own ("Министрлікке
    # … берілуін қамтамасыз етуді Үкіметке тапсырамын")
    between = [] if object_noun else _addressees(tokens, limit, trigger[0], addressee_cases)
    if between and between[-1][1] != trigger[0]:
        between = []  # not right before the verb: a dative of something else
    addressees = between or _addressees(tokens, floor, limit, addressee_cases,
                                        any_noun=kind == "prohibition")
    first = min([limit] + [a[0] for a in addressees])
    issuer = (_issuer(tokens, first, floor)
              or _issuer(tokens, trigger[0], limit)  # "…қосуды өткен жылы Елбасы … тапсырған"
              or _unnamed_subject(tokens, floor, first))
    if passive and issuer and not addressees:  # "Үкіметі … қамтамасыз етуге тапсырма
        addressees, issuer = [issuer], None  # берілді": a passive order has no agent named
    if first_person and issuer and not _first_person(words, issuer):
        issuer = None  # "Мердігер мекеме қызметкерлеріне … тапсырамын": "I" order, and the
        # noun before is an attribute of those told, not the subject
    if issuer is None and _unauthorised_subject(tokens, floor, trigger[0]):
        return None
    if issuer and not addressees and not object_noun:
        ordered = _orderer_before(tokens, issuer, floor)
        if ordered:  # "Мамин ішкі істер министрліктері … күшейтуді тапсырды": the bodies are
            issuer, subject = ordered  # the subject of what he orders
            addressees = [subject]
    after = max([a[1] for a in addressees if a[1] <= limit] + ([issuer[1]] if issuer else [])
                + [floor])
    partner = _together_with(tokens, after, limit)
    if partner:  # "министрлігіне облыс әкімдіктерімен бірлесіп …": a state partner shares it
        addressees = addressees + [partner[0]]
        after = partner[1]
    if object_noun:
        start = _object_start(tokens, trigger[0], after)
        end = trigger[0] + 1
    else:
        start = _skip_openers(tokens, _past_name(tokens, after) if issuer else after, chain_end)
        start = _past_issuers_acts(tokens, start, chain_end)
        end = chain_end + 1
        agent = None if addressees else _genitive_agent(tokens, start, end)
        if agent:  # "облыс әкімінің … көңіл бөлуін тапсырды": whose doing is ordered
            addressees, start = [agent], _skip_openers(tokens, agent[1], chain_end)
    if start >= end:
        return None
    action = (tokens[start].start, tokens[end - 1].end)
    return Frame(kind, trigger, action, issuer=issuer, addressees=tuple(addressees),
                 first_person=first_person or _first_person(words, issuer))


def _past_issuers_acts(tokens: Sequence[Token], start: int, end: int) -> int:
    """Where the action starts after what the issuer did before ordering it ("… жүргізілмегенін
    сынға алып, жұмысты ширатуды тапсырды": he criticised, then ordered), or after a clause
    that tells ("нақты мерзім қойған, аудиожазбадағы сөзіне қарасақ, … өндіріңдер деп")."""
    words = [t.text.lower() for t in tokens]
    for k in range(end - 1, start - 1, -1):
        if words[k + 1] == "," and (any(
                " ".join(words[k - len(act.split()) + 1:k + 1]) == act
                for act in lexicon()["issuer_converbs"])
                or words[k].endswith(tuple(lexicon()["told_clause_endings"]))):
            return k + 2
    return start


def _orderer_before(tokens: Sequence[Token], subject: tuple[int, int], floor: int
                   ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A person or title in the nominative before the bodies named in the nominative, not
    listed with them: the one who orders, and the bodies, the subject of the ordered verbal
    noun ("Мемлекет басшысы Үкімет пен әкімдіктер … күшейтуді тапсырды")."""
    found = mentions_of(tokens, "kk")
    start = subject[0]
    while start >= 2 and tokens[start - 1].text.lower() in COORDINATORS | {","}:
        listed = nominative_party_span(tokens, start - 1, "kk")
        if listed is None or listed[1] != start - 1:
            break
        start = listed[0]
    subject = (start, subject[1])
    if subject[1] < len(tokens) and tokens[subject[1]].text.lower().startswith(
            _meeting_prefixes()):
        return None  # "Үкімет отырысында": where he ordered, not the body told
    if any(m.entry.kind == "person" or m.entry.kind == "title" and not _institution(tokens, m)
           for m in found if subject[0] <= m.start < subject[1]):
        return None  # one who orders, not the body told ("Атырау облысының әкімдігі")
    before = nominative_party_span(tokens, subject[0], "kk")
    if before is None or before[0] < floor or any(
            t.text.lower() in COORDINATORS or t.text == "," for t in tokens[before[1]:subject[0]]):
        return None
    person = any(m.entry.kind in ("person", "title") for m in found
                 if before[0] <= m.start < before[1])
    return (before, subject) if person else None


def _institution(tokens: Sequence[Token], mention: Mention) -> bool:
    """A title that names the office as a body ("облысының әкімдігі": the akimat)."""
    return tokens[mention.end - 1].text.lower().startswith(
        tuple(lexicon()["institution_stems"]))


def _genitive_agent(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int] | None:
    """An authority in the genitive opening the action, whose verbal noun with a possessive
    follows: "облыс әкімінің осы мәселеге көңіл бөлуін" (that the akim pay attention)."""
    for k in range(start, min(end, start + 4)):
        if kazakh.is_genitive(tokens[k].text) and is_authority_at(tokens, k, "kk"):
            if any(_any_verbal_noun(t.text) and t.text.lower().endswith(POSSESSED)
                   for t in tokens[k + 1:end]):
                return (_with_apposition(tokens, k), k + 1)
            return None
    return None


def _addressees(tokens: Sequence[Token], floor: int, limit: int, cases: list[str],
                any_noun: bool = False) -> list[tuple[int, int]]:
    """The first noun phrase in an addressee case before the action that names people or a
    body, with the phrases coordinated with it (which share its case ending). A ban is
    addressed to any dative noun that is no place ("дәріханаларға … сатуға тыйым салды")."""
    candidates = [j for j in range(floor, limit) if tokens[j].text[:1].isalpha()
                  and _in_addressee_case(tokens[j].text, cases)
                  and not _governed(tokens, j)
                  and (_can_address(tokens, j) or (any_noun and _not_a_place(tokens, j)))]
    if not candidates:
        return []
    # "халыққа … әкімдерге … істеуді": the people are the aim, the next one the addressee
    first = next((j for j in candidates if not _beneficiary(tokens[j].text)), None)
    if first is None:
        return []
    found = [(_with_apposition(tokens, first), first + 1)]
    for j in candidates:  # "«Нұр Отан» партиясына, Үкіметке": a list of addressees
        if j <= found[-1][1] - 1:
            continue
        start = _with_apposition(tokens, j)  # "… министріне және Түркістан облысының әкіміне"
        between = _listed_between(tokens, found[-1][1], start)
        if between is not None:
            found.extend(between)
            found.append((start, j + 1))
    return _with_coordinated(tokens, found)


def _listed_between(tokens: Sequence[Token], start: int, end: int
                    ) -> list[tuple[int, int]] | None:
    """The parties listed between two addressees, which share the case ending of the last
    ("Үкіметке, әкімдер мен құқық қорғау органдарына", "Премьер-Министрге, … күштік
    құрылымдардың жетекшілері мен барлық әкімдерге"), or None when something else stands
    between them."""
    listed: list[tuple[int, int]] = []
    j = start
    while j < end:
        if tokens[j].text.lower() in COORDINATORS | set(",«»\""):
            j += 1
            continue
        party = next((m for m in mentions_of(tokens, "kk") if m.start == j
                      and m.entry.kind not in ("region", "place")), None)
        if party is None:
            return None
        stop = party.end
        if stop < end and tokens[stop].text.lower().startswith(tuple(lexicon()["heads_of"])):
            stop += 1  # "күштік құрылымдардың жетекшілері мен барлық әкімдерге": their heads
        listed.append((j, min(stop, end)))
        j = stop
    return listed


def _with_apposition(tokens: Sequence[Token], j: int) -> int:
    """The start of the addressee phrase ending at j, taking in the whole name it ends with
    and a title in apposition before it ("Премьер-министр Әлихан Смайыловқа")."""
    start = _phrase_start(tokens, j)
    found = mentions_of(tokens, "kk")
    person = any(m.start <= j < m.end and m.entry.kind == "person" for m in found) or (
        _surname(tokens[j].text))  # a person the gazetteer does not know
    while start >= 2 and tokens[start - 1].text == "." and len(tokens[start - 2].text) <= 2 and (
            tokens[start - 2].text[:1].isupper()):
        start -= 2  # the initial before the surname: "Ю.Ильинге"
    for m in found:
        if m.start < start < m.end or (m.end == start and (m.entry.kind == "region"
                                                            or m.entry.by_field)):
            start = m.start
    start = _coordinated_regions(tokens, start, found)
    for m in found:  # a title before the name is the addressee's only if an issuer precedes it
        if person and m.end == start and m.entry.kind == "title" and _issuer(tokens, m.start):
            start = m.start
    return start


def _coordinated_regions(tokens: Sequence[Token], start: int, found: Sequence[Mention]) -> int:
    """ "Түркістан, Жамбыл және Қызылорда облыстарының әкімдеріне", "көлік және қаржы
    министрліктеріне": back over the regions or ministries listed before the one the phrase
    starts with."""
    regions = {m.end: m.start for m in found if m.entry.kind == "region" or m.entry.by_field}
    while start >= 2 and tokens[start - 1].text.lower() in COORDINATORS and start - 1 in regions:
        start = regions[start - 1]
    return start


def _beneficiary(word: str) -> bool:
    return any(s.startswith(b) for s in kazakh.stems(word) for b in lexicon()["beneficiaries"])


def _together_with(tokens: Sequence[Token], after: int, limit: int
                   ) -> tuple[tuple[int, int], int] | None:
    """A partner right after the addressee ("министрлігіне облыс әкімдіктерімен бірлесіп …"):
    its span and where the action then starts."""
    span = next((span for span in partners(tokens)
                 if after <= span[0] <= after + 1 and span[1] < limit), None)
    if span is None:
        return None
    start = span[1] + 1  # past "бірлесіп", and "отырып" of "бірлесе отырып"
    if start < limit and tokens[start].text.lower() in lexicon()["together_auxiliary"]:
        start += 1
    return span, start


def partners(tokens: Sequence[Token]) -> tuple[tuple[int, int], ...]:
    return _partners(tuple(tokens))


@lru_cache(maxsize=4096)  # asked by the frame and for the partners' parties
def _partners(tokens: tuple[Token, ...]) -> tuple[tuple[int, int], ...]:
    """Every state body the sentence names as working "together with" whoever is told:
    "Үкімет әкімдіктермен бірге …", "министрліктері әкімдіктермен бірлесіп …"."""
    together = lexicon()["together"]
    found = mentions_of(tokens, "kk")
    return tuple((_partner_start(tokens, j - 1, found), j) for j in range(1, len(tokens))
                 if tokens[j].text.lower() in together
                 and kazakh.has_case(tokens[j - 1].text, "instrumental")
                 and is_authority_at(tokens, j - 1, "kk"))


def _partner_start(tokens: Sequence[Token], head: int, found: Sequence[Mention]) -> int:
    """Where a partner phrase ending at its head starts: back over its genitives, the name
    the head ends, and the ministries or regions listed before it ("Ауыл шаруашылығы, Сауда
    және интеграция министрліктерімен"), but not into the phrase before it, as
    `_with_apposition` would ("министрліктері әкімдіктермен бірлесіп")."""
    start = _phrase_start(tokens, head)
    start = min([start] + [m.start for m in found if m.start <= head < m.end])
    return _coordinated_regions(tokens, start, found)


def _not_a_place(tokens: Sequence[Token], j: int) -> bool:
    return not kazakh.is_verbal_noun_in(tokens[j].text, "dative") and not any(
        m.start <= j < m.end for m in mentions_of(tokens, "kk"))


def _unnamed_subject(tokens: Sequence[Token], floor: int, limit: int) -> tuple[int, int] | None:
    """ "Министрлік …", "құрылыс бөлімі …": a nominative noun that can name a body, first in
    its clause, though the gazetteer does not know it."""
    for j in range(floor, min(limit, floor + 6)):
        word = tokens[j].text
        if word.lower() in lexicon()["subject_attributes"] or modifies(word, "kk"):
            continue  # "Үкімет жанындағы комиссия": the commission is the subject
        if not word[:1].isalpha() or not is_nominative(word, "kk"):
            return None
        if addressee_head([word]) and (j + 1 >= len(tokens) or tokens[j + 1].text != ","):
            end = j + 1
            while end < limit and is_nominative(tokens[end].text, "kk") and addressee_head(
                    [tokens[end].text]):  # "ведомствоаралық комиссия": the last noun heads
                end += 1
            return (_phrase_start(tokens, j), end)
    return None


def _governed(tokens: Sequence[Token], j: int) -> bool:
    """A dative that a postposition after it governs ("кәсіпорындарға тиесілі", "әкімдікке
    қарасты", "Үкіметке қарсы"): it belongs to the phrase, it is told nothing."""
    return j + 1 < len(tokens) and tokens[j + 1].text.lower() in lexicon()["dative_postpositions"]


def _in_addressee_case(word: str, cases: list[str]) -> bool:
    if "dative" in cases and kazakh.is_dative(word):
        return True
    return any(kazakh.has_case(word, c) and not kazakh.is_verbal_noun_in(word, c)
               for c in cases if c != "dative")


def _unauthorised_subject(tokens: Sequence[Token], floor: int, limit: int) -> bool:
    """ "Үй тұрғындары … талап етті": a subject without authority makes no directive (not
    one that qualifies a genitive: "Халық санағының … аяқталатынын ескере отырып")."""
    return any(non_authority(tokens[k].text) and is_nominative(tokens[k].text, "kk")
               and not (k + 1 < limit and kazakh.is_genitive(tokens[k + 1].text))
               for k in range(floor, limit))


def _place_subject(tokens: Sequence[Token], k: int) -> bool:
    """A place named in the nominative opens the clause, no body of it after ("Астана …",
    not "Астана қаласының әкімдігі …")."""
    place = next((m for m in mentions_of(tokens, "kk") if m.start == k
                  and m.entry.kind in ("place", "region")), None)
    return place is not None and is_nominative(tokens[place.end - 1].text, "kk") and not any(
        is_authority_at(tokens, j, "kk") for j in range(place.end, min(len(tokens), place.end + 2)))


def _can_address(tokens: Sequence[Token], j: int) -> bool:
    """A dative that names people or a body, not a goal (процентке, жұмыстарына)."""
    return is_known_party(tokens, j, "kk") or addressee_head([tokens[j].text]) is not None or (
        _surname(tokens[j].text))


def _surname(word: str) -> bool:
    """A capitalised word that is a surname in some case: "Айтахановқа", "Илинге"."""
    return word[:1].isupper() and any(s.endswith(SURNAME_ENDINGS) for s in kazakh.stems(word))


IMPERATIVE_LENGTH = 7  # shorter words ending like an imperative are other words
LISTED_ATTRIBUTES = 5  # "аудандық, қалалық әдістемелік орталықтың басшылары"
OBLIGED_DATIVE_REACH = 3  # "Бұл жағдайда Үкіметке …": the words before the one obliged
ABOUT_REACH = 12  # words from "… бойынша" to the order's noun, the addressees between
QUOTED_TOLD_REACH = 6  # words from "деп" to the order's noun, the addressees between
SAID_AS_ORDER_REACH = 12  # "деп облыс әкімі салалық басқарма басшыларына нақты тапсырмалар"
PHRASE_ATTRIBUTES = frozenset({"бар", "маңызы", "республикалық", "ірі"})


def _phrase_start(tokens: Sequence[Token], j: int) -> int:
    """Back over genitives and attributes: "облыстар мен ... қалалардың басшыларына"; before
    the heads of bodies, over the bodies named in the nominative ("орталық және жергілікті
    мемлекеттік органдар, ұлттық компаниялар басшыларына")."""
    if tokens[j].text.lower().startswith(tuple(lexicon()["heads_of"])):
        bodies = _bodies_before(tokens, j)
        if bodies < j:
            return bodies
    first = j
    while first > 0 and first > j - 8:
        prev = tokens[first - 1].text
        if prev in CLAUSE_END or prev == "," or kazakh.is_dative(prev):
            break
        if kazakh.is_genitive(prev) or prev.lower() in PHRASE_ATTRIBUTES or (
                prev.lower() in lexicon()["subject_attributes"]):
            first -= 1
            continue
        break
    return first


def _bodies_before(tokens: Sequence[Token], j: int) -> int:
    """Where a list of bodies in the nominative ending right before `j` starts."""
    ends = {m.end: m.start for m in mentions_of(tokens, "kk")
            if m.entry.kind in ("party", "body") and is_nominative(tokens[m.end - 1].text, "kk")}
    first = j
    while first in ends:
        first = ends[first]
        if first > 1 and tokens[first - 1].text.lower() in COORDINATORS and first - 1 in ends:
            first -= 1
    return first


def _with_coordinated(tokens: Sequence[Token], found: list[tuple[int, int]]
                      ) -> list[tuple[int, int]]:
    out = []
    for start, end in found:
        k = start - 1
        while k > 0:
            if tokens[k].text.lower() in COORDINATORS and is_known_party(tokens, k - 1, "kk"):
                # "Ішкі істер министрлігі мен өңір әкімдіктеріне": the whole name before
                mentions = mentions_of(tokens, "kk")
                first = min((m.start for m in mentions if m.end == k
                             and m.entry.kind not in ("region", "place")), default=k - 1)
                first = _coordinated_regions(tokens, first, mentions)
                out.append((first, k))
                k = first - 1
            elif (named := _named_before(tokens, k)) is not None:
                out.append(named)
                k = named[0] - 1
            elif tokens[k].text.lower() in COORDINATORS - {","} and k > 1 and addressee_head(
                    [tokens[k - 1].text]) and is_nominative(tokens[k - 1].text, "kk"):
                first = _phrase_start(tokens, k - 1)  # "Жауапты басқармалар мен аудан
                out.append((first, k))  # әкімдігіне": a body the gazetteer does not know
                k = first - 1
            else:
                break
        out.append((start, end))
    return out


def _listed_after(tokens: Sequence[Token], k: int, limit: int) -> list[tuple[int, int]]:
    """The known parties listed after a subject, in the nominative: "… мемлекеттік органдар,
    ұлттық компаниялар … жұмыс жасауы керек"."""
    out: list[tuple[int, int]] = []
    while k < limit and tokens[k].text.lower() in COORDINATORS:
        named = next(((m.start, m.end) for m in mentions_of(tokens, "kk")
                      if m.start == k + 1 and m.end <= limit
                      and m.entry.kind not in ("region", "place")
                      and is_nominative(tokens[m.end - 1].text, "kk")), None) or (
            _unknown_listed(tokens, k + 1, limit))
        if named is None:
            break
        out.append(named)
        k = named[1]
    return out


def _unknown_listed(tokens: Sequence[Token], start: int, limit: int) -> tuple[int, int] | None:
    """A body the gazetteer does not know listed after the subject, by its head noun in the
    nominative after its attributes: "… мен аудандық, қалалық әдістемелік орталықтың
    басшылары"."""
    for j in range(start, min(limit, start + LISTED_ATTRIBUTES + 1)):
        word = tokens[j].text
        if word in CLAUSE_END or _any_verbal_noun(word):
            return None
        if is_nominative(word, "kk") and addressee_head([word]):
            return (start, j + 1)
    return None


def _named_before(tokens: Sequence[Token], k: int) -> tuple[int, int] | None:
    """The one addressed before a name and its parenthesis, a known party in his own: "Серік
    Мақашұлы (… Ұлттық экономика министрі Жұманғарин), Мәди Төкешұлы (Қаржы министрі
    Такиев), … бөлу керек" (k at the second opening parenthesis)."""
    if tokens[k].text != "(":
        return None
    j = k - 1
    while j > 0 and tokens[j].text[:1].isupper():  # his name and patronymic
        j -= 1
    if j < 2 or j == k - 1 or tokens[j].text != "," or tokens[j - 1].text != ")":
        return None
    opening = next((o for o in range(j - 2, -1, -1) if tokens[o].text == "("), None)
    if opening is None or not is_known_party(tokens, j - 2, "kk"):
        return None
    return (opening + 1, j - 1)


def _issuer(tokens: Sequence[Token], limit: int, floor: int = 0) -> tuple[int, int] | None:
    span = nominative_party_span(tokens, limit, "kk")
    while span and span[1] < len(tokens) and tokens[span[1]].text.lower() in COORDINATORS:
        span = nominative_party_span(tokens, span[0], "kk")  # "Министрлер мен әкімдерге"
    return span if span and span[0] >= floor else None


def _past_name(tokens: Sequence[Token], start: int) -> int:
    """Past the name of a person the gazetteer does not know, right after the title that
    issues the order ("Аудан әкімі Ерлан Сейтжанов … тапсырды"): two or three capitalised
    words that name nothing it knows."""
    known = {k for m in mentions_of(tokens, "kk") for k in range(m.start, m.end)}
    end = start
    while (end < len(tokens) and end - start < NAME_WORDS and end not in known
           and tokens[end].text[:1].isupper() and tokens[end].text.isalpha()):
        end += 1
    return end if end - start >= 2 else start


def _skip_openers(tokens: Sequence[Token], start: int, end: int) -> int:
    breaks = lexicon()["clause_breaks"]
    for k in range(end - 1, start, -1):  # "… айтып, реттеуді": after a converb of speech
        if tokens[k].text == "," and tokens[k - 1].text.lower() in breaks:
            start = k + 1
            break
    reported = [k for k in range(start, min(end, start + 5))
                if tokens[k].text.lower() in lexicon()["according_to"]]
    if reported:  # "Оның айтуынша, …", "Президенттің сөзінше, …": whose words, not the action
        start = reported[-1] + 1
    openers, places = lexicon()["openers"], lexicon()["meeting_places"]
    while start <= end and (tokens[start].text.lower() in openers or tokens[start].text == ","
                            or not any(c.isalnum() for c in tokens[start].text)
                            or tokens[start].text.lower() in places
                            or start + 1 <= end and tokens[start + 1].text.lower() in places):
        start += 1  # "Үкімет отырысында …": where, not what
    return start


def _object_start(tokens: Sequence[Token], noun: int, after: int) -> int:
    start = noun
    while start > after and start > noun - 3:
        prev = tokens[start - 1].text
        if prev in CLAUSE_END or prev == "," or kazakh.is_dative(prev):
            break
        start -= 1
    return start


def _first_person(words: list[str], issuer: tuple[int, int] | None) -> bool:
    return issuer is not None and words[issuer[0]] in ("мен", "біз")


def list_told(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Who a line that opens a list of orders tells ("Облыс әкімдіктеріне мынадай тапсырмалар
    жүктелді:"): the dative addressees before its trigger."""
    stems = tuple(lexicon()["list_told_triggers"])
    trigger = next((k for k, t in enumerate(tokens) if t.text.lower().startswith(stems)), None)
    return _addressees(tokens, 0, trigger, ["dative"]) if trigger else []


def list_item_frame(tokens: Sequence[Token]) -> Frame | None:
    """ "— жылыту маусымына дайындықты аяқтау;": an item of a list of orders, closed by its
    verbal noun or imperative."""
    words = [t.text.lower() for t in tokens]
    last = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].text[:1].isalpha()), None)
    first = next((k for k, t in enumerate(tokens) if t.text[:1].isalpha()), None)
    if last is None or first is None or not (
            _any_verbal_noun(tokens[last].text)
            or words[last].endswith(tuple(lexicon()["second_person_endings"]))):
        return None
    return Frame("instruction", (last, last + 1), (tokens[first].start, tokens[last].end),
                 scene=True)


def non_authority(word: str) -> bool:
    bad = lexicon()["non_authorities"]
    # a suffix or two ("тұрғындар"), not another word built on it ("халықаралық")
    return any(s.startswith(b) and len(s) - len(b) <= 4 for s in kazakh.stems(word) for b in bad)


def meeting_bodies(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The bodies whose meeting a sentence names: "штаб отырысында", "штабының отырысы"."""
    meetings = tuple(lexicon()["meeting_nouns"])
    kinds = lexicon()["meeting_kinds"]
    found = []
    for j in range(1, len(tokens)):
        if not tokens[j].text.lower().startswith(meetings):
            continue
        k = j - 1  # past the words of its kind: "министрлігінің кеңейтілген алқа отырысында"
        while k > 0 and tokens[k].text.lower() in kinds:
            k -= 1
        if tokens[k].text[:1].isalpha() and _can_address(tokens, k) and (
                kazakh.is_genitive(tokens[k].text) or is_nominative(tokens[k].text, "kk")):
            found.append((k, k + 1))
    return found


def enacts(tokens: Sequence[Token]) -> bool:
    """A list item that is a decree's own act, no order to anyone: "1. Қоса беріліп отырған
    Ереже бекітілсін." (the verb closes the item)."""
    last = next((t for t in reversed(tokens) if t.text[:1].isalpha()), None)
    return last is not None and last.text.lower() in lexicon()["enacting_verbs"]


def opens_decree(tokens: Sequence[Token]) -> bool:
    """The line names a decree or a protocol whose items follow ("Шешімде былай
    делінген:")."""
    openers = tuple(lexicon()["decree_openers"])
    return any(t.text.lower().startswith(openers) for t in tokens)


def names_meeting(tokens: Sequence[Token]) -> bool:
    """The sentence names a meeting or a report heard: "кездесті", "кеңес", "отырыс",
    "баяндамасын тыңдап"."""
    return any(t.text.lower().startswith(_meeting_prefixes()) for t in tokens)


@cache
def _meeting_prefixes() -> tuple[str, ...]:
    return tuple(lexicon()["meeting_words"]) + tuple(lexicon()["report_nouns"])


def meeting_audience(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Whom a sentence says a meeting was held with, in the instrumental, or whose report was
    heard, by a head that names people or a body, with the word before that says whose:
    "мектеп директорларымен кездесті", "коммуналдық қызмет басшыларымен кеңес өткізді"."""
    if not names_meeting(tokens):
        return []
    heads = lexicon()["addressee_heads"]
    reports = tuple(lexicon()["report_nouns"])
    out = []
    for j, token in enumerate(tokens):  # the head itself: "төрағалығымен" is who chaired it
        if kazakh.has_case(token.text, "instrumental") and kazakh.stems(token.text) & heads:
            out.append((_whose(tokens, j), j + 1))
        elif j > 1 and token.text.lower().startswith(reports) and kazakh.is_genitive(
                tokens[j - 1].text) and kazakh.stems(tokens[j - 1].text) & heads:
            out.append((_whose(tokens, j - 1), j))  # "білім басқармасы басшысының баяндамасын
    return out  # тыңдап": who reported


def _whose(tokens: Sequence[Token], j: int) -> int:
    """The head at j with the word before it that says whose ("мектеп директорларымен")."""
    return j - 1 if j and tokens[j - 1].text[:1].islower() and (
        kazakh.is_genitive(tokens[j - 1].text) or is_nominative(tokens[j - 1].text, "kk")) else j


def received(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A party the sentence says was received or reported: "әкімі Мұрат Әйтеновті
    қабылдады", "әкімдерінің есебін тыңдады"."""
    last, words = tokens[end - 1].text, lexicon()
    after = [t.text.lower() for t in tokens[end:end + 3]]
    if kazakh.has_case(last, "accusative"):
        return any(w.startswith(tuple(words["reception_verbs"])) for w in after) or (
            _received_list(tokens, end))
    return bool(kazakh.is_genitive(last) and after
                and after[0].startswith(tuple(words["report_nouns"])))


def _received_list(tokens: Sequence[Token], end: int) -> bool:
    """A party early in a list of those received: "Қарағанды облысының әкімі Жеңіс
    Қасымбекті, Алматы облысының әкімі Қанат Бозымбаевты қабылдады": on over names, commas
    and "және" to the verb of reception."""
    named = {k for m in mentions_of(tokens, "kk") for k in range(m.start, m.end)}
    k = end
    while k < len(tokens) and (k in named or tokens[k].text.lower() in COORDINATORS
                               or tokens[k].text[:1].isupper()):
        k += 1
    return k < len(tokens) and any(t.text.lower() in COORDINATORS for t in tokens[end:k]) and (
        tokens[k].text.lower().startswith(tuple(lexicon()["reception_verbs"])))


@cache
def _phrase_starts(kind: str) -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in lexicon()[kind])


def find_verb(tokens: Sequence[Token], kind: str) -> int | None:
    """Where the sentence says someone reported ("әкім … есеп берді") or, with
    `participation_verbs`, took part ("аудан әкімдері қатысты"), if it does."""
    low = [t.text.lower() for t in tokens]
    if not _phrase_starts(kind).intersection(low):
        return None  # the cheap test first: most sentences report nothing
    for phrase in lexicon()[kind]:
        words = phrase.split()
        for i in range(len(low) - len(words) + 1):
            if low[i:i + len(words)] == words:
                return i
    return None


def addressee_head(words: Sequence[str]) -> str | None:
    """The head noun of an unknown addressee, if it can name people or a body."""
    heads = lexicon()["addressee_heads"]
    people = tuple(lexicon()["people_endings"])
    for w in reversed(words):
        for s in sorted(kazakh.stems(w), key=lambda s: (len(s), s)):
            if any(s == h or s.startswith(h) for h in heads) or s.endswith(people):
                return s
    return None


def head_noun(words: Sequence[str]) -> str | None:
    """The head of a noun phrase: a known addressee head, else its last word's stem."""
    alpha = [w for w in words if w[:1].isalpha()]
    if not alpha:
        return None
    stems = [s for s in kazakh.stems(alpha[-1]) if len(s) >= 3]
    return addressee_head(words) or (min(stems, key=lambda s: (len(s), s)) if stems
                                     else alpha[-1].lower())
