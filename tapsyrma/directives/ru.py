"""Russian directives: trigger verbs and nouns with their addressee and action slots.

The frame of each trigger says where its addressee stands (поручил [кому], обязал [кого],
потребовал [от кого], поставил задачу [перед кем]); the action is the infinitive phrase after
the addressee, or the trigger's own object ("дал ряд поручений").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from itertools import takewhile

from tapsyrma import russian
from tapsyrma.data import load, load_lexicon
from tapsyrma.directives.frame import Frame
from tapsyrma.directives.parties import agent_span, is_authority_at, nominative_party_span
from tapsyrma.directives.quotes import QUOTE_PAIRS
from tapsyrma.directives.timing import find_deadline
from tapsyrma.entities.gazetteer import mentions_of
from tapsyrma.records import Token

SUBJECT_PRONOUNS = {"он", "она", "они"}
FIRST_PERSON = {"я", "мною", "мной", "мы", "нами"}
DASHES = {"-", "–", "—"}
QUOTES = set("\"«»“”„")
CLAUSE_END = set(".!?;:") | QUOTES
ADDRESSEE_CASES = {"dative": ("datv",), "accusative": ("accs",), "ot": ("gent",),
                   "pered": ("ablt",)}
ADDRESSEE_PREPOSITIONS = {"ot": "от", "pered": "перед"}
# "поставил перед ними задачи", "поручил им": whom the pronoun stands for is found before it
SECOND_PERSON = {"вам", "тебе"}
SECOND_PERSON_POSSESSIVES = {"ваша", "ваш", "ваше", "ваши", "твоя", "твой", "твое", "твоё"}
ADDRESSEE_PRONOUNS = {"dative": {"им", "ним", *SECOND_PERSON}, "ot": {"них"}, "pered": {"ними"},
                      "subject": {"они"}}
ITEM_TERM_WORDS = 12  # words of a term before the infinitive of a list's item
NEGATIONS = {"нет", "не", "незачем", "ни"}
DATIVE_RELATIVES = {"которому", "которой", "которым"}
SUBORDINATORS = {"что", "чтобы", "который", "которые", "которая", "которое", "поскольку", "так",
                 "потому", "если", "когда"}
ADVERBIAL_CONJUNCTIONS = {"если", "когда", "пока", "хотя", "поскольку", "раз"}
PHRASE_POS = ("NOUN", "ADJF", "NPRO", "PRTF", "NUMR")
INFINITIVE_WINDOW = 12
LIGHT_NOUN_REACH = 13  # words from a light verb ("дал") to its directive noun, at most
ORDERING_CLAUSE_REACH = 6  # words after a comma in which another order's verb may stand
SETTLEMENT_NOUNS = {"город", "города", "городу", "городом", "городе", "г", "село", "села"}
QUOTED_NAME_WORDS = 6  # words of a name in quotes inside an action, at most
TOGETHER = (("совместно", "с"), ("вместе", "с"), ("во", "взаимодействии", "с"))
# "штаб во главе с Премьер-министром": the one who leads, not one met or told
ALONGSIDE = TOGETHER + (("во", "главе", "с"), ("наряду", "с"))
ABOUT = {"по", "о", "об", "относительно", "касательно"}


@cache
@cache
def modals() -> frozenset[str]:
    """Words of obligation or necessity: "должны", "нужно", "необходимо"."""
    return frozenset(lexicon()["necessity"]) | frozenset(lexicon()["must"])


def lexicon() -> dict:
    return load_lexicon("triggers_ru")


def frames(tokens: Sequence[Token]) -> Iterator[Frame]:
    """Every directive frame in a sentence's tokens (punctuation included)."""
    by_order = _by_order_frame(tokens)
    if by_order:  # "По моему поручению акимы обязаны …" is one order, not two
        yield by_order
        return
    found = False
    for i in range(len(tokens)):
        frame = (_verb_frame(tokens, i) or _light_frame(tokens, i) or _task_frame(tokens, i)
                 or _necessity_frame(tokens, i) or _nominal_frame(tokens, i)
                 or _must_frame(tokens, i) or _entrust_frame(tokens, i)
                 or _imperative_frame(tokens, i) or _commitment_frame(tokens, i)
                 or _time_given_frame(tokens, i))
        if frame:
            found = True
            yield from _with_gapping(tokens, frame)
    if not found:  # the bare infinitive last: it is the predicate only when nothing else is
        bare = next((f for i in range(len(tokens)) if (f := _infinitive_order_frame(tokens, i))),
                    None) or _optative_frame(tokens)
        if bare:
            yield bare


def _with_gapping(tokens: Sequence[Token], frame: Frame) -> Iterator[Frame]:
    """ "поручил Минэнерго утвердить план, а акимам – докладывать …": two orders, one verb."""
    for k in range(frame.trigger[1], len(tokens) - 2):
        if tokens[k].start >= frame.action[1]:
            break
        if tokens[k].text != ",":
            continue
        # ", а акимам – докладывать", or ", министерству внутренних дел перейти …"
        first = k + 2 if tokens[k + 1].text.lower() == "а" else k + 1
        if first == k + 1 and not (_names_addressee(tokens, first) and russian.in_case(
                tokens[first].text, "datv", PHRASE_POS)):
            continue
        end = _phrase_in_case(tokens, first, ("datv",))
        if end > first:
            start = end + 1 if end < len(tokens) and tokens[end].text in DASHES else end
            if first == k + 1 and not _infinitive_at(tokens, start):
                continue
            yield replace(frame, action=(frame.action[0], tokens[k - 1].end))
            yield replace(frame, action=_action_from(tokens, start), addressees=((first, end),))
            return
    yield frame


def _verb_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    word = tokens[i].text
    for verb in lexicon()["verb"]:
        if "forms" in verb and word.lower() not in verb["forms"]:
            continue
        if russian.lemmas(word) & verb["lemmas"] and _is_order_form(word):
            if i and tokens[i - 1].text.lower() == "не":
                return None  # "Мы не требуем …", "не поручал": no order given
            if verb["kind"] == "demand" and russian.best_has(word, "plur", "3per") and (
                    nominative_party_span(tokens, i, "ru") is None):
                return None  # "Кроме того, требуют исполнения …": they, nobody named
            if russian.best_has(word, "PRTS") and verb["addressee"] == "accusative":
                return _obliged_frame(tokens, i, verb["kind"])
            if "object" in verb:
                return _object_frame(tokens, i, verb)
            if verb.get("infinitive") and _first_infinitive(tokens, i + 1) is None:
                return None
            return _frame(tokens, i, i + 1, verb["kind"], verb["addressee"])
    return None


def _object_frame(tokens: Sequence[Token], i: int, verb: dict) -> Frame | None:
    """ "указал акимам на необходимость завершить …": only with its object noun."""
    objects = lexicon()[verb["object"]]
    at = next((j for j in range(i + 1, min(len(tokens), i + 8))
               if russian.lemmas(tokens[j].text) & objects), None)
    if at is None:
        return None
    frame = _frame(tokens, i, i + 1, verb["kind"], verb["addressee"])
    if frame is None:
        return None
    inf = _first_infinitive(tokens, at + 1)
    action = _action_from(tokens, inf if inf is not None else at + 1)
    return replace(frame, trigger=(i, at + 1), action=action) if action[1] else None


def _necessity_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "Правительству необходимо ускорить …" with its dative addressee; without one, in the
    speaker's own words, an order to those he addresses ("нужно завершить до …")."""
    word = tokens[i].text.lower()
    forbidding = word in lexicon()["forbidding_necessity"]
    if (word not in lexicon()["necessity"] and not forbidding) or _was(tokens, i):
        return None  # "надо было раньше думать": what should have been done
    addressees = _dative_before(tokens, i) or _dative_in_clause(tokens, i)
    if not addressees:
        addressees, _ = _addressees(tokens, i + 1, "dative")
    inf = _first_infinitive(tokens, i + 1 if not addressees else max(i + 1, addressees[-1][1]))
    if inf is None or russian.lemmas(tokens[inf].text) & lexicon()["not_orders"]:
        return None  # "Необходимо отметить, что …": the writer's formula
    # "нельзя допустить …" forbids: the action keeps its "нельзя"
    action = _action_from(tokens, i if forbidding else inf)
    if not addressees and tokens[inf].text.lower().endswith(("ся", "сь")):
        # "Необходимо активизироваться всем госорганам": a reflexive verb takes no dative
        # object, so the authorities in the dative after it are the ones who must act
        after, end = _addressees(tokens, inf + 1, "dative")
        if after and any(_names_addressee(tokens, k) for k in range(*after[0])):
            addressees = after
            if end >= len(tokens) or tokens[end].text in CLAUSE_END | {","} | DASHES | QUOTES:
                action = (tokens[inf].start, tokens[inf].end)
    if not addressees:
        return Frame("prohibition" if forbidding else "instruction", (i, i + 1), action,
                     soft=True, scene=True)
    return Frame("prohibition" if forbidding else "recommendation", (i, i + 1), action,
                 issuer=nominative_party_span(tokens, addressees[0][0], "ru"),
                 addressees=tuple(addressees), soft=True)


def _clause_start(tokens: Sequence[Token], i: int) -> int:
    start = i
    while start > 0:
        before = tokens[start - 1].text
        if before in QUOTE_PAIRS.values():  # a name in quotes: Фонду «Самрук-Қазына» нужно …
            opening = next((k for k in range(start - 2, -1, -1)
                            if _quoted_name_end(tokens, k) == start), None)
            if opening is not None and opening > 0:
                start = opening
                continue
        if before in CLAUSE_END | {","} | DASHES:
            break
        start -= 1
    return start


def _opens_clause(tokens: Sequence[Token], i: int) -> bool:
    """The first word of a sentence, of a quotation, of a list item ("2.", "—"), after a
    colon or a trailing off ("Молодцы... наказывай подрядчика")."""
    before = [t.text for t in tokens[:i]]
    while before and _list_marker(before):
        before.pop()
    return not before or before[-1] in (":", ";", ".", "!", "?", "…", "...")


def _list_marker(before: list[str]) -> bool:
    """The last of `before` marks a list item or opens a quotation: a dash, a quote, a
    number, or the "." / ")" after one."""
    last = before[-1]
    numbered = last in (".", ")") and len(before) >= 2 and before[-2].isdigit()
    return last in DASHES or last in QUOTES or last.isdigit() or numbered


def _dative_in_clause(tokens: Sequence[Token], i: int) -> list[tuple[int, int]]:
    """An authority in the dative earlier in the clause ("акимату в короткие сроки
    необходимо …", "Министерству энергетики поручаю …"), the list it opens included ("Акимам,
    правоохранительным органам и правительству Токаев поручил …")."""
    start = _clause_start(tokens, i)
    start = next((_clause_start(tokens, s) for s, e in partners(tokens) if s < start <= e + 1),
                 start)  # "Правительству совместно с акимами Астаны и Алматы, областей …"
    while start >= 2 and tokens[start - 1].text == "," and _dative_authority(tokens, start - 2) \
            and _dative_authority(tokens, start):  # one more item of a list of addressees
        start = _clause_start(tokens, start - 1)
    for k in range(start, i):
        if _dative_authority(tokens, k):
            found, _ = _addressees(tokens, k, "dative")
            return found
    return []


def _nominal_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "Акимам держать на постоянном контроле …", "Министерству … совместно с акиматами
    обеспечить …", "2. Аппарату акима обеспечить …": the order in its nominal form."""
    if not russian.in_case(tokens[i].text, "datv", PHRASE_POS) or not (
            _opens_clause(tokens, i) or _after_term(tokens, i) or _after_adjunct(tokens, i)):
        return None
    found, after = _addressees(tokens, i, "dative")
    if not found or not any(_names_addressee(tokens, k) for k in range(*found[0])):
        return None
    inf = _first_infinitive(tokens, after)
    if inf is None or any(russian.best_has(t.text, "VERB") or russian.best_has(t.text, "PRTS")
                          or t.text.lower() in lexicon()["necessity"] or t.text.lower() in NEGATIONS
                          for t in tokens[after:inf]):
        return None  # "Акимам поручено …", "Акимам необходимо …": frames of their own;
        # "Акимам районов теперь нет необходимости ехать …": no order
    return Frame("instruction", (inf, inf + 1), _action_from(tokens, inf),
                 addressees=tuple(found), scene=True)


def _imperative_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "Разберитесь со всем этим.", "Не сидите в кабинетах, проверяйте все лично",
    "Акимы районов, подготовьте …": the first 2nd-person plural imperative of a sentence,
    opening its clause, in the speaker's own words; an authority named before it and a comma
    is the one addressed."""
    if not _imperative(tokens[i].text) or any(_imperative(t.text) for t in tokens[:i]):
        return None
    openers = lexicon()["imperative_openers"]
    start = i
    while start > 0 and (tokens[start - 1].text.lower() in openers
                         or russian.best_has(tokens[start - 1].text, "ADVB")
                         or (tokens[start - 1].text == "," and start > 1
                             and tokens[start - 2].text.lower() == "пожалуйста")):
        start -= 1
    addressees: tuple[tuple[int, int], ...] = ()
    if start > 0 and tokens[start - 1].text == ",":
        vocative = _vocative(tokens, start - 1)
        if vocative is None:
            return None  # "…, проверяйте": inside a clause, not an order of its own
        addressees = (vocative,) if any(is_authority_at(tokens, k, "ru")
                                        for k in range(*vocative)) else ()
    elif not _opens_clause(tokens, start):
        if not _only_objects_before(tokens, start):
            return None
        start = next(k for k in range(start) if tokens[k].text[:1].isalpha())
    while tokens[start].text.lower() in POLITENESS:
        start += 1  # "Пожалуйста, подготовьте …", "Будьте добры, …": the action starts with
        # the verb
    return Frame("instruction", (i, i + 1), _action_from(tokens, start), addressees=addressees,
                 scene=True, spoken=True)


def _infinitive_order_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "К решению всех вопросов подходить прагматично", "В случае необходимости развернуть
    дополнительные места": an infinitive as the sentence's own predicate, in the speaker's
    words, after nothing but what it is about."""
    if not _infinitive_at(tokens, i) or (i and tokens[i - 1].text.lower() == "не") or any(
            t.text == "?" for t in tokens) or tokens[i].text.lower() in ("есть", "быть"):
        return None
    openers = lexicon()["imperative_openers"]
    start = next((k for k, t in enumerate(tokens) if t.text[:1].isalpha()
                  and t.text.lower() not in openers), i)
    if start < i and not (russian.best_has(tokens[start].text, "PREP")  # "В случае …", "К …"
                          and _only_objects_before(tokens[start:], i - start)) or any(
            russian.best_has(t.text, tag) for t in tokens[start:i]
            for tag in ("PRED", "ADJS", "Prdx", "NPRO")):
        return None  # "Важно понимать …", "Нам строить …": someone's view, not an order
    if any(t.text.lower() in modals() and _was(tokens, k) for k, t in enumerate(tokens)
           if k > i):
        return None  # "Мониторить тогда надо было с начала года": a reproach
    # "Не лезть в проведение конкурсов": the negation is the order's own
    return Frame("instruction", (i, i + 1), _action_from(tokens, min(start, i)), scene=True,
                 spoken=True)


def _optative_frame(tokens: Sequence[Token]) -> Frame | None:
    """ "Чтобы дежурные в районах были на уровне заместителя акима": a wish in the speaker's
    words that something be so, with no main clause to serve ("Чтобы ученики сели за парты,
    школу сдадут в срок" is a purpose), is his order."""
    openers = lexicon()["imperative_openers"]
    start = next((k for k, t in enumerate(tokens) if t.text[:1].isalpha()
                  and t.text.lower() not in openers), None)
    if start is None or tokens[start].text.lower() != "чтобы":
        return None
    verb = next((k for k in range(start + 1, len(tokens))
                 if russian.best_has(tokens[k].text, "VERB")
                 or russian.best_has(tokens[k].text, "INFN")), None)
    if verb is None or not russian.best_has(tokens[verb].text, "past") or any(
            russian.best_has(t.text, "INFN") or (russian.best_has(t.text, "VERB") and not
                                                 russian.best_has(t.text, "past"))
            for t in tokens[verb + 1:]):
        return None
    return Frame("instruction", (start, start + 1), _action_from(tokens, start + 1), scene=True,
                 spoken=True)


IMPERATIVE_ENDINGS = ("те", "тесь")
POLITENESS = frozenset({"пожалуйста", "будьте", "добры", "любезны", ","})


def _only_objects_before(tokens: Sequence[Token], start: int) -> bool:
    """ "Отчёты, презентации прекращайте", "С сегодняшнего дня плотно займитесь …": what
    the order is about stands first, and no other verb or subordinate clause comes before."""
    return all(t.text.lower() not in SUBORDINATORS | SUBJECT_PRONOUNS | FIRST_PERSON
               | {"как", "пока", "хотя", "вы"}
               and not russian.best_has(t.text, "VERB") and not russian.best_has(t.text, "INFN")
               and not russian.best_has(t.text, "GRND") for t in tokens[:start]) and any(
                   t.text[:1].isalpha() for t in tokens[:start])


def _commitment_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "Всем пострадавшим будет построено новое жилье", "Правительство построит вам дома":
    a promise in the words of the head of state or government, tracked like an order."""
    word = tokens[i].text.lower()
    if word in lexicon()["future_be"]:
        k = next((j for j in range(i + 1, min(len(tokens), i + 3))
                  if russian.best_has(tokens[j].text, "PRTS")), None)
        if k is None or not _promised(tokens[k].text):
            return None
        return Frame("commitment", (i, k + 1), _action_from(tokens, k), spoken=True,
                     scene=True)
    if not russian.best_has(tokens[i].text, "VERB", "perf", "futr", "3per") or not _promised(
            tokens[i].text):
        return None
    subject = _subject_before(tokens, i)
    if subject is None or not any(m.entry.key in lexicon()["promising_bodies"]
                                  for m in mentions_of(tokens, "ru")
                                  if subject[0] <= m.start < subject[1]):
        return None
    return Frame("commitment", (i, i + 1), _action_from(tokens, i), addressees=(subject,),
                 spoken=True, scene=True)


def _promised(word: str) -> bool:
    """A perfective form of what is promised to citizens (построено, выплатит)."""
    return russian.has(word, "perf") and bool(russian.lemmas(word) & lexicon()["promise_verbs"])


def _imperative(word: str) -> bool:
    """An imperative that orders: "проверяйте", and the one a speaker says to one man
    ("Ходи пешком!", "наказывай подрядчика"), not "смотрите", "давай", "читай"."""
    return word.lower() not in lexicon()["not_imperatives"] and _imperative_form(word)


def _imperative_form(word: str) -> bool:
    """A verb in the imperative, plural ("следите") or said to one man ("наказывай")."""
    low = word.lower()
    if low.endswith(IMPERATIVE_ENDINGS):
        return russian.has(word, "impr", "plur")  # "сидите" is one too
    return (len(low) > 3 and russian.best_has(word, "VERB", "impr", "sing")
            and russian.analyser().word_is_known(low))  # not a guess at a name ("Кожатогай")


def _vocative(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """The words before a comma that open the sentence and call on its hearers: "Коллеги",
    "Уважаемые акимы", "Акимы районов"."""
    start = comma
    while start > 0 and tokens[start - 1].text not in (".", "!", "?", ":", ";", *DASHES, *QUOTES):
        start -= 1
    words = tokens[start:comma]
    if not words or len(words) > 5:
        return None
    if all(t.text.lower() in lexicon()["vocatives"] or t.text == "," for t in words) or (
            any(is_authority_at(tokens, k, "ru") for k in range(start, comma))
            and russian.in_case(words[0].text, "nomn", PHRASE_POS)):
        return (start, comma)
    return None


def _addressed(tokens: Sequence[Token], span: tuple[int, int], verb: int) -> bool:
    """A name called on before a verb in the first person is the one told, not the one
    telling; unless the speaker names himself by it ("Я, как аким области, поручаю")."""
    return (span[1] < verb and tokens[span[1]].text == ","
            and russian.best_has(tokens[verb].text, "1per")
            and not any(t.text.lower() in FIRST_PERSON | {"как"} for t in tokens[:span[0]])
            and _vocative(tokens, span[1]) is not None)


def _after_term(tokens: Sequence[Token], i: int) -> bool:
    """Only a term stands before the dative: "В месячный срок акимам районов подготовить …"."""
    start = _first_word(tokens, 0, i)
    if start >= i or any(t.text in CLAUSE_END for t in tokens[start:i]):
        return False
    words = " ".join(t.text for t in tokens[start:i] if t.text != ",")
    deadline = find_deadline(words, "ru", None)
    return deadline is not None and len(deadline.text) >= len(words) - 1


def _after_adjunct(tokens: Sequence[Token], i: int) -> bool:
    """Only a phrase of purpose or ground stands before the dative, in the clause that opens
    the sentence: "для повышения качества услуг Министерству просвещения проработать …",
    "По итогам совещания акимам районов обеспечить …"."""
    start = _first_word(tokens, 0, i)
    return (i - start >= 2 and _opens_clause(tokens, start)
            and russian.best_has(tokens[start].text, "PREP")
            and not russian.best_has(tokens[i - 1].text, "PREP") and tokens[i - 1].text != "и"
            and not any(t.text in CLAUSE_END or t.text == "," or russian.best_has(t.text, "PRTS")
                        for t in tokens[start:i])
            and _only_objects_before(tokens[start:], i - start))


def _was(tokens: Sequence[Token], i: int) -> bool:
    """The modal at i is in the past ("должно было", "были должны", "нужно было"): what
    should have been done, a reproach, not an order."""
    return any(t.text.lower() in PAST_BE for t in tokens[max(0, i - 1):i + 2])


def _must_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "акимы должны контролировать …", "чиновники должны будут обеспечить …": obligation of
    an authority in the subject. In reported speech ("добавил, что акимы должны …") the
    reporter is the issuer; otherwise only the speaker's own words make it an order."""
    if tokens[i].text.lower() not in lexicon()["must"] or (
            i and tokens[i - 1].text.lower() == "не") or _was(tokens, i):
        return None  # "не должны отсиживаться", "должно было принять меры": a reproach
    inf = _first_infinitive(tokens, i + 1)
    subject = _subject_before(tokens, i)
    if inf is not None and _passive_be(tokens, inf):
        # "беспорядок должен быть устранен в течение 10 дней": what must be done, said of
        # the thing (the action names it: "Все работы должны быть завершены"); in the
        # speaker's words, to those he addresses
        action = _action_from(tokens, inf)
        start = _clause_start(tokens, i)
        if start < i and all(t.text[:1].isalpha() and any(
                russian.best_has(t.text, pos) for pos in (*PHRASE_POS, "PRCL"))  # "Все"
                for t in tokens[start:i]):
            action = (tokens[start].start, action[1])  # "Все работы должны быть завершены"
        return Frame("instruction", (i, i + 1), action, scene=True, soft=True)
    if inf is not None and i > 0 and tokens[i - 1].text.lower() == "вы":
        if russian.lemmas(tokens[inf].text) & lexicon()["not_orders"]:
            return None  # "Вы должны знать, что …"
        # "Вы должны работать круглосуточно": to those the speaker addresses
        return Frame("instruction", (i, i + 1), _action_from(tokens, i + 1), scene=True,
                     spoken=True)
    if inf is None or subject is None or not _executive(tokens, subject):
        return None
    subject = _with_conjuncts(tokens, subject)
    that = next((k for k in range(subject[0] - 1, 0, -1) if tokens[k].text.lower() == "что"
                 and tokens[k - 1].text == ","), None)
    issuer = nominative_party_span(tokens, that, "ru") if that else None
    return Frame("instruction", (i, i + 1), _action_from(tokens, inf), issuer=issuer,
                 addressees=(subject,), scene=True, soft=issuer is None)


def _with_conjuncts(tokens: Sequence[Token], span: tuple[int, int]) -> tuple[int, int]:
    """A subject with the authorities joined to it before ("Правительство и Счетный
    комитет должны …", "Акиматы, министерства и ведомства должны …")."""
    start = span[0]
    while start >= 2 and tokens[start - 1].text.lower() in ("и", ",") and is_authority_at(
            tokens, start - 2, "ru"):
        head = next(m.start for m in mentions_of(tokens, "ru") if m.start <= start - 2 < m.end)
        while head > 0 and tokens[head - 1].text[:1].isalpha() and not russian.has(
                tokens[head].text, "nomn"):  # "Акимы всех районов и городов, руководители
            head -= 1  # управлений должны …": back over its genitive to what heads it
        if not (russian.has(tokens[head].text, "nomn") and is_authority_at(tokens, head, "ru")):
            break
        start = next(m.start for m in mentions_of(tokens, "ru") if m.start <= head < m.end)
    return (start, span[1])


def _passive_be(tokens: Sequence[Token], inf: int) -> bool:
    """ "быть устранен", "быть завершены": "быть" and a short passive participle."""
    return (tokens[inf].text.lower() == "быть" and inf + 1 < len(tokens)
            and russian.best_has(tokens[inf + 1].text, "PRTS"))


def _executive(tokens: Sequence[Token], span: tuple[int, int]) -> bool:
    """An authority that takes orders: not a representative body (Parliament, the Assembly,
    maslikhats), whose duties a speaker describes but does not order."""
    inside = [m for m in mentions_of(tokens, "ru") if span[0] <= m.start < span[1]]
    if any(m.entry.key in lexicon()["not_subordinates"] for m in inside):
        return False
    return any(_names_addressee(tokens, k) for k in range(*span))


def _names_addressee(tokens: Sequence[Token], k: int) -> bool:
    """A word of a known authority, or a noun that can head an unknown one ("управлению")."""
    return is_authority_at(tokens, k, "ru") or addressee_head([tokens[k].text]) is not None


def _entrust_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "Контроль за исполнением указов возложен на Администрацию Президента": the charge is
    the action, whoever stands after "на" its addressee."""
    if not russian.lemmas(tokens[i].text) & lexicon()["entrust_verbs"] or russian.best_has(
            tokens[i].text, "PRTF"):  # "возложенные на них обязанности": what they have
        return None
    start = _clause_start(tokens, i)
    charge = next((k for k in range(start, len(tokens))
                   if russian.lemmas(tokens[k].text) & lexicon()["entrust_objects"]), None)
    on = next((k for k in range(i + 1, min(len(tokens), i + 8))
               if tokens[k].text.lower() == "на"), None)
    if charge is None or on is None:
        return None
    told, _ = _addressees(tokens, on + 1, "accusative")  # "на правительство и акимов"
    if not told:
        return None
    if charge < i:
        action = (tokens[charge].start, tokens[i - 1].end)
    elif charge > on:  # "возложил на правительство задачу провести анализ …"
        inf = _first_infinitive(tokens, charge + 1)
        action = _action_from(tokens, inf if inf is not None else charge)
    else:
        action = (tokens[charge].start, tokens[on - 1].end)
    return Frame("instruction", (i, i + 1), action, addressees=tuple(told), scene=True,
                 issuer=nominative_party_span(tokens, i, "ru"))


def _obliged_frame(tokens: Sequence[Token], i: int, kind: str) -> Frame | None:
    """ "Акимы обязаны обеспечить …": the subject is the one obliged; the issuer is the speaker."""
    inf = _first_infinitive(tokens, i + 1)
    subject = _subject_before(tokens, i)
    if inf is None or subject is None:
        return None
    return Frame(kind, (i, i + 1), _action_from(tokens, inf), addressees=(subject,))


def _is_order_form(word: str) -> bool:
    """A finite verb, gerund, or short passive participle — not a noun or a full participle."""
    return any(p.tag.POS in ("VERB", "GRND", "PRTS", "INFN") for p in russian.parses(word))


def _light_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """A light verb within three words of its directive noun: "дал ряд поручений"."""
    for light in lexicon()["light"]:
        if tokens[i].text.lower() not in light["verbs"] and not (
                russian.lemmas(tokens[i].text) & light["verbs"]
                and _is_order_form(tokens[i].text)):
            continue
        # after the verb, as far as a long addressee lets it stand ("дал руководителям
        # областей и городов республиканского значения ряд поручений"), within the clause
        reach = min(len(tokens), i + LIGHT_NOUN_REACH)
        far = next((k for k in range(i + 1, reach)
                    if tokens[k].text in CLAUSE_END or tokens[k].text == ","), reach)
        window = range(max(0, i - 3), max(min(len(tokens), i + 7), far))
        nouns = [j for j in window if russian.lemmas(tokens[j].text) & light["nouns"]]
        if nouns and nouns[0] and tokens[nouns[0] - 1].text.lower() in lexicon()[
                "question_words"]:
            return None  # "Какие поручения дал Токаев акимам": a headline that asks
        if nouns:
            span = (min(i, nouns[0]), max(i, nouns[0]) + 1)
            return _frame(tokens, *span, light["kind"], light["addressee"], noun=nouns[0],
                          verb=i)
    return None


def _task_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "Задача акимов – отобрать ...": the genitive after the noun, the infinitive after a dash."""
    if not russian.lemmas(tokens[i].text) & lexicon()["task_nouns"] or (
            i and russian.lemmas(tokens[i - 1].text) & lexicon()["own_side"]):
        return None  # "Наша задача – создать …": the speaker's side's, no one told
    dash = next((j for j in range(i + 1, min(len(tokens), i + 8)) if tokens[j].text in DASHES),
                None)
    if dash is None:
        return None
    inf = _first_infinitive(tokens, dash + 1)  # "– до 1 июля завершить": a deadline first
    if inf is None:
        return None
    addressee = (i + 1, dash) if dash > i + 1 else None
    return Frame("task", (i, i + 1), _action_from(tokens, inf),
                 addressees=(addressee,) if addressee else ())


def _time_given_frame(tokens: Sequence[Token], i: int) -> Frame | None:
    """ "Президент дал правительству две недели на подготовку плана", "Акимам дали месяц,
    чтобы переселиться": what the time is given for is the action."""
    if not (russian.lemmas(tokens[i].text) & lexicon()["time_verbs"]) or not russian.best_has(
            tokens[i].text, "VERB"):  # дал, дали, даёт, отвёл
        return None
    addressees, after = _addressees(tokens, i + 1, "dative")
    unit = next((k for k in range(after, min(len(tokens), after + 3))
                 if russian.lemmas(tokens[k].text) & lexicon()["time_units"]), None)
    if unit is None:
        return None
    k = unit + 1
    while k < len(tokens) and tokens[k].text.lower() in (",", "для", "того"):
        k += 1
    if k + 3 < len(tokens) and [t.text.lower() for t in tokens[k:k + 3]] == ["на", "то", ","]:
        k += 3  # "месяц на то, чтобы устранить …"
    word = tokens[k].text.lower() if k + 1 < len(tokens) else ""
    if not (word == "на" or (word == "чтобы" and _infinitive_at(tokens, k + 1))):
        return None  # what the time is for: "на подготовку плана", "чтобы переселиться"
    addressees = addressees or _dative_in_clause(tokens, i)
    if not addressees:
        return None  # "дали два дня на раздумья": to nobody told
    return Frame("instruction", (i, unit + 1), _action_from(tokens, k + 1),
                 issuer=nominative_party_span(tokens, i, "ru"), addressees=tuple(addressees))


def _by_order_frame(tokens: Sequence[Token]) -> Frame | None:
    """ "По моему поручению X обязаны/будет ...": the speaker orders, unless it is a past report."""
    low = " ".join(t.text.lower() for t in tokens)
    phrase = next((p for p in lexicon()["by_order"] if low.startswith(p) or f" {p}" in low), None)
    if phrase is None:
        return None
    start = next(i for i in range(len(tokens)) if tokens[i].text.lower() == "поручению") + 1
    rest = tokens[start:]
    if any(russian.best_has(t.text, "past") and not russian.has(t.text, "PRTS")
           for t in rest[:6]):
        return None
    must = next((k for k, t in enumerate(rest[:8])
                 if t.text.lower() in ("обязаны", "обязан", "обязана", "должны", "должен")), None)
    if must is not None:
        addressee = (start, start + must) if must else None
        return Frame("instruction", (start - 3, start), _action_from(tokens, start + must + 1),
                     addressees=(addressee,) if addressee else (), first_person=True)
    return Frame("instruction", (start - 3, start), _action_from(tokens, start),
                 first_person=True, impersonal=True)


def _frame(tokens: Sequence[Token], start: int, end: int, kind: str, where: str,
           noun: int | None = None, verb: int | None = None) -> Frame | None:
    if start > 0 and russian.best_has(tokens[start].text, "INFN") and russian.lemmas(
            tokens[start - 1].text) & set(lexicon()["requests"]):
        return None  # "с просьбой поручить акиматам …": an order asked for, not given
    if where == "subject":  # "Все они получили ряд поручений": who received them is told
        addressees, after = (_receivers(tokens, verb) if verb is not None else []), end
    else:
        addressees, after = _addressees(tokens, end, where)
        if not addressees and verb is not None and noun is not None and noun > verb + 1:
            addressees, _ = _addressees(tokens, verb + 1, where)  # "дал Правительству ряд
            # поручений", its genitive tail not the noun of the order ("дал Байпакову поручения")
            addressees = [(a, min(b, noun)) for a, b in addressees if a < noun]
    if where == "pered" and not addressees:  # "перед кем" may stand before the trigger too
        addressees, _ = _addressees(tokens, max(0, start - 6), where)
    if not addressees and where == "dative" and _passive(tokens[start:end]):
        addressees = _dative_before(tokens, start)  # "Министерству дано указание …"
    if not addressees and where == "dative":
        addressees = _dative_in_clause(tokens, start)  # "Министерству энергетики поручаю …"
    if noun is not None and after < len(tokens) and tokens[after].text == ":":
        after += 1  # "Поставлена задача: построить школу"
    clause = _that_clause(tokens, after if noun is None else noun + 1)
    if clause:  # "потребовал, чтобы акимы лично контролировали ход работ"
        told, verb = clause
        orderer = nominative_party_span(tokens, start, "ru")
        return Frame(kind, (start, end), _action_from(tokens, verb), issuer=orderer,
                     addressees=tuple(addressees) or (told,),
                     first_person=orderer is None and _first_person_before(tokens, start))
    inf = _first_infinitive(tokens, after)
    fronted = (_fronted_action(tokens, start) or _quoted_action(tokens, start)
               if inf is None and noun is None else None)
    pointer = noun - 1 if noun and tokens[noun - 1].text.lower() in lexicon()[
        "anaphoric_determiners"] else None
    if pointer is not None:
        # "Завершить работы до 1 марта, соответствующее распоряжение было дано …": the
        # action stands before the words that point to it ("Аким дал соответствующее
        # поручение" alone keeps its object phrase, the order told before it)
        before = min(start, pointer)
        fronted = _fronted_action(tokens, before) or _quoted_action(tokens, before)
        inf = None if fronted else inf
    if inf is None and noun is None and not fronted and _quoted_words(tokens, start):
        return None  # "«Его возглавит Аида Галымовна», — поручил он": its words give no order
    if inf is not None:
        action = _action_from(tokens, after if _only_adverbs(tokens, after, inf) else inf)
    elif fronted:  # "Начать подготовку к посевной поручил аким": the action stands first
        action = (tokens[fronted[0]].start, tokens[fronted[1] - 1].end)
    elif noun is not None:
        action = _object_action(tokens, start, end, noun, addressees)
    else:
        action = _action_from(tokens, after)
    if action[0] >= action[1] or (noun is not None and inf is None
                                  and action == (tokens[noun].start, tokens[noun].end)):
        return None  # "дал поручение" with nothing said about what is to be done
    subject = _subject_before(tokens, start)
    issuer = nominative_party_span(tokens, start, "ru")
    if issuer and _in_adverbial_clause(tokens, issuer, start):
        issuer = None  # "Если регионы не принимают мер, поручаю …": not who orders
    if (fronted or pointer is not None) and issuer is None:  # the subject follows the
        # fronted action (or the words pointing to it) and the verb: "Такое поручение дал
        # президент"
        issuer = nominative_party_span(tokens, _clause_end(tokens, end), "ru")
        issuer = issuer if issuer and issuer[0] >= end else None
        if issuer and not addressees:  # "…, – поручил аким руководителю отдела ЖКХ"
            addressees = _dative_after(tokens, issuer[1])
    if fronted and issuer and fronted[0] < issuer[0] < fronted[1]:  # "Разработать план
        action = (action[0], tokens[issuer[0] - 1].end)  # Президент поручил …"
        addressees = addressees or _dative_after(tokens, end)
    if where == "ot" and not addressees and inf is None and noun is None:
        at, late = _late_ot(tokens, after)  # "требовал отчета по поручениям АНК от
        if late:  # районных акимов": what is demanded stands first, from whom after it
            addressees, action = late, (action[0], tokens[at - 1].end)
    if inf is not None and not _apart(addressees, issuer):  # "поручил взять под контроль …
        # всем акимам"; "Аким области поручил … всем акимам": "области" is the issuer's
        final = _final_dative(tokens, inf)
        if final:
            addressees, action = final, (action[0], tokens[final[0][0] - 1].end)
    if subject and not _passive(tokens[start:end]) and _inanimate(tokens[subject[1] - 1].text) and (
            issuer is None or issuer[1] < subject[0]) and not _pronoun_before(tokens, start):
        # right after the issuer, a name is its apposition ("Аким города Костанай"); else
        # "задача … требует внимания": a thing requires, nobody orders ("Особое внимание он
        # потребовал уделить …": with a pronoun after it, the thing is the fronted object)
        return None
    if _things_relative(tokens, start) or (
            kind == "demand" and issuer is None and subject is None
            and _thing_before(tokens, start) and not _pronoun_before(tokens, start)):
        return None  # "проблем, которые требуют решения", "Низкое качество дорог требует …"
    named = issuer or subject
    if named and _joined_to_addressee(tokens, named, addressees, start):
        addressees, issuer, subject = sorted({named, *addressees}), None, None  # "МЧС и
        # Мининформации особо поручил …": a body joined to one told, before a verb of one,
        # is told too (the abbreviation does not decline)
    antecedent = _relative_dative(tokens, start)
    if antecedent and not addressees:  # "Роман Скляр, которому поручили руководить работами":
        addressees, issuer = [antecedent], None  # he is told, by whoever the article says
        subject = None
    if _passive(tokens[start:end]):  # "Акиму Темиртау дано указание": no subject gives it,
        subject = agent_span(tokens, "ru")  # though an agent may ("Президентом дан …"),
        if subject and _apart(addressees, subject) != addressees:
            subject = None  # but not one of those told ("акиматам и участковым полицейским")
    issuer = None if where == "subject" else issuer or subject  # those who received it
    if issuer and _addressed(tokens, issuer, start):  # "Роман Васильевич, поручаю вам …"
        you = all(e - s == 1 and tokens[s].text.lower() in SECOND_PERSON for s, e in addressees)
        addressees, issuer = [issuer] if you else addressees, None
    if issuer and any(a[0] < issuer[1] and issuer[0] < a[1] for a in addressees):
        if _passive(tokens[start:end]):  # "Минобразования поручено": a dative that does not
            issuer = agent_span(tokens, "ru")  # decline is the addressee, not the issuer
        else:  # "Аким области поручил": "области" is the issuer's, not a dative;
            # "Акиматам регионов Бектенов поручил": the dative ends where the issuer starts
            addressees = [(a[0], min(a[1], issuer[0])) if a[0] < issuer[0] else a
                          for a in addressees if a[1] <= issuer[0] or issuer[1] <= a[0]
                          or a[0] < issuer[0]]
    return Frame(kind, (start, end), action, issuer=issuer, addressees=tuple(addressees),
                 first_person=issuer is None and _first_person_before(tokens, start),
                 pronoun=issuer is None and _pronoun_before(tokens, start))


def _apart(spans: list[tuple[int, int]], issuer: tuple[int, int] | None
           ) -> list[tuple[int, int]]:
    """The spans that do not overlap the issuer's."""
    return [a for a in spans if issuer is None or a[1] <= issuer[0] or issuer[1] <= a[0]]


def _dative_after(tokens: Sequence[Token], k: int) -> list[tuple[int, int]]:
    """The authority in the dative right after the verb: "… поручил Правительству"."""
    return _addressees(tokens, k, "dative")[0] if k < len(tokens) and _dative_authority(
        tokens, k) else []


def _dative_authority(tokens: Sequence[Token], k: int) -> bool:
    return _names_addressee(tokens, k) and russian.in_case(tokens[k].text, "datv", PHRASE_POS)


def _late_ot(tokens: Sequence[Token], k: int) -> tuple[int, list[tuple[int, int]]]:
    """Where "от" stands later in the clause of a demand, past what is demanded, and the
    authorities after it: "требовал отчета по поручениям АНК от 12 районных акимов и акима
    Уральска"."""
    at = next((j for j in range(k + 1, _clause_end(tokens, k)) if tokens[j].text.lower() == "от"),
              None)
    if at is None:
        return 0, []
    found, _ = _addressees(tokens, at, "ot")
    return at, list(takewhile(lambda span: any(_names_addressee(tokens, j) for j in range(*span)),
                              found))


def _final_dative(tokens: Sequence[Token], inf: int) -> list[tuple[int, int]]:
    """An authority in the dative that closes the clause of the ordered action, when the
    action's verb takes no one in the dative itself ("поручил взять под контроль ход работ
    всем акимам", "… всем акимам, по школам в первую очередь"; but "поручил направить
    предложения Правительству", "… провести проверку и доложить Правительству")."""
    end = _clause_end(tokens, inf)
    end = next((k for k in range(inf + 1, end)  # not in another order's clause, nor in the
                if tokens[k].text == "," and (_ordering_clause(tokens, k + 1)  # words after
                                              or _ends_action(tokens, k + 1))), end)  # it:
    for k in range(inf + 1, end):  # "…, сообщает пресс-служба МВД"
        if russian.lemmas(tokens[k - 1].text) & lexicon()["recipient_verbs"]:
            return []
        if k > inf + 1 and _dative_authority(tokens, k):
            found, after = _addressees(tokens, k, "dative")
            if found and (after >= end or tokens[after].text == ",") and not russian.best_has(
                    tokens[k - 1].text, "PREP"):
                start = found[0][0]
                while start - 1 > inf and tokens[start - 1].text.lower() in ("всем", "каждому"):
                    start -= 1  # "… всем акимам": the determiner goes with them
                return [(start, found[0][1]), *found[1:]]
            return []
    return []


THAT_CLAUSE_ADJUNCT = 4  # words between the subject of a "чтобы" clause and its verb


def _that_clause(tokens: Sequence[Token], k: int) -> tuple[tuple[int, int], int] | None:
    """ ", чтобы акимы лично контролировали …": the authority in the subject of a "чтобы"
    clause right after the trigger, and where its verb starts."""
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k + 1 >= len(tokens) or tokens[k].text.lower() != "чтобы":
        return None
    end = _phrase_in_case(tokens, k + 1, ("nomn",))
    if end == k + 1 or end >= len(tokens) or not any(
            _names_addressee(tokens, j) for j in range(k + 1, end)):
        return None
    verb = next((j for j in range(end, min(len(tokens), end + THAT_CLAUSE_ADJUNCT + 1))
                 if russian.best_has(tokens[j].text, "VERB")
                 or tokens[j].text in CLAUSE_END or tokens[j].text == ","), None)
    # past adverbs and adjuncts ("лично", "в течение недели") to the verb
    if verb is None or not russian.best_has(tokens[verb].text, "VERB"):
        return None
    return (k + 1, end), verb


def _fronted_action(tokens: Sequence[Token], trigger: int) -> tuple[int, int] | None:
    """The infinitive phrase that opens the sentence before its trigger, in the word order of
    headlines: "Начать подготовку к весенне-полевым работам поручил Бердибек Сапарбаев"."""
    start = _first_word(tokens, 0, trigger)
    verb = start  # "Дополнительно выдать дизтопливо … поручил": an adverb may come first
    while verb < min(trigger, start + 2) and russian.best_has(tokens[verb].text, "ADVB"):
        verb += 1
    quotes = [t for t in tokens[start:trigger] if t.text in QUOTES]
    if start >= trigger or not _infinitive_at(tokens, verb) or len(quotes) % 2 or any(
            t.text in CLAUSE_END - QUOTES for t in tokens[start:trigger]):
        return None  # quotes in pairs name a thing ("на рынке «Алтын орда»")
    end = next((k for k in range(start, trigger - 1) if tokens[k].text == ","
                and tokens[k + 1].text.lower() in SUBORDINATORS), trigger)
    if tokens[end - 2].text.lower() == "за" and tokens[end - 1].text.lower() == "то":
        end -= 2  # "Наказать акимов за то, что …": the reason is not the action
    while end > start and tokens[end - 1].text in (",", *DASHES):
        end -= 1
    return (start, end) if end > start else None


def _quoted_action(tokens: Sequence[Token], trigger: int) -> tuple[int, int] | None:
    """The words of a quotation its verb closes: "«Следите за тендерами», – поручил он."."""
    quoted = _quoted_words(tokens, trigger)
    return quoted if quoted and _tells_to_act(tokens[slice(*quoted)]) else None


def _quoted_words(tokens: Sequence[Token], trigger: int) -> tuple[int, int] | None:
    """The words of the quotation a verb closes ("«…», – поручил он"), orders or not."""
    close = trigger
    while close > 0 and (tokens[close - 1].text in (",", *DASHES) or tokens[close - 1].text
                         in QUOTES):
        close -= 1
    if close == trigger or not any(t.text in DASHES for t in tokens[close:trigger]):
        return None
    start = _first_word(tokens, 0, close)
    return (start, close) if start < close else None


def _tells_to_act(quoted: Sequence[Token]) -> bool:
    """Quoted words that can be an order: an infinitive, an imperative, a word of obligation
    or necessity ("Следите за тендерами"); not a statement ("Его возглавит Аида Галымовна")."""
    said = {t.text.lower() for t in quoted}
    return bool(said & (modals() | set(lexicon()["forbidding_necessity"]))) or any(
        russian.best_has(t.text, "INFN") or _imperative_form(t.text) for t in quoted)


def _first_word(tokens: Sequence[Token], start: int, end: int) -> int:
    """The first token from `start` that is a word, past quotes, dashes and list marks."""
    while start < end and not tokens[start].text[:1].isalnum():
        start += 1
    return start


def _clause_end(tokens: Sequence[Token], i: int) -> int:
    return next((k for k in range(i, len(tokens)) if tokens[k].text in CLAUSE_END), len(tokens))


def _passive(tokens: Sequence[Token]) -> bool:
    return any(russian.best_has(t.text, "PRTS") for t in tokens)


def _dative_before(tokens: Sequence[Token], start: int) -> list[tuple[int, int]]:
    """The dative phrase that ends right before a passive trigger ("министрам поручено"),
    or before its partner ("Правительству совместно с акиматом … поручено")."""
    start = next((s for s, e in partners(tokens) if e == start or e < start <= e + 3 and all(
        tokens[k].text in (",", "и") or russian.in_case(tokens[k].text, "gent", PHRASE_POS)
        for k in range(e, start))), start)  # "совместно с акимами Астаны и Алматы, областей"
    agent = start  # "личному составу министром было поручено": past the agent and "было"
    while agent > 0 and start - agent < 4 and (tokens[agent - 1].text.lower() in PAST_BE or (
            russian.in_case(tokens[agent - 1].text, "ablt", PHRASE_POS)
            and not russian.in_case(tokens[agent - 1].text, "datv", PHRASE_POS))):
        agent -= 1
    if 0 < agent < start and russian.in_case(tokens[agent - 1].text, "datv", PHRASE_POS):
        start = agent
    start = _without_place(tokens, start)
    # the names of regions, whatever the morphology makes of them ("Атырауской и Жетысуской
    # областям поручено")
    regional = {k for m in mentions_of(tokens, "ru") if m.entry.kind == "region"
                for k in range(m.start, m.end)}
    first = start
    while True:
        while first > 0 and start - first < 12 and (first - 1 in regional or _country(
                tokens, first - 1) or any(
                russian.in_case(tokens[first - 1].text, case, PHRASE_POS)
                for case in ("datv", "gent"))
                or (tokens[first - 1].text in (",", "и") and first > 1  # "Министрам транспорта,
                    and (russian.best_has(tokens[first].text, "gent")  # финансов поручено"
                         or first in regional and first - 2 in regional))
                or (tokens[first - 1].text == "и" and first > 1  # "Правительству и новому
                    and any(russian.in_case(tokens[first - 2].text, case, PHRASE_POS)
                            for case in ("datv", "gent")))):  # руководству", "Министерству
            first -= 1  # энергетики и акиматам"
        if first >= 4 and [t.text.lower() for t in tokens[first - 3:first]] == [",", "а", "также"]:
            first -= 3  # "органам, а также национальным компаниям необходимо …"
            continue
        break
    if first > 0 and russian.best_has(tokens[first - 1].text, "PREP"):
        # "В этой связи Алматинской, … областям поручено": the preposition's phrase is not
        # the addressees' list
        first = next((k for k in range(first, start) if k in regional), first)
    while first < start and tokens[first].text in (",", "и"):
        first += 1
    while first < start and first not in regional and not russian.in_case(
            tokens[first].text, "datv", PHRASE_POS):
        first += 1
    return [(first, start)] if first < start else []


def _country(tokens: Sequence[Token], k: int) -> bool:
    """The country's name after a body's ("Правительству Республики Казахстан", "МВД РК")."""
    word = tokens[k].text
    return word == "РК" or (word == "Казахстан" and k > 0
                            and tokens[k - 1].text.lower() == "республики")


def _without_place(tokens: Sequence[Token], end: int) -> int:
    """Where a dative phrase ends before the place or level it is told at ("акимам на
    местах поручено", "должностным лицам на уровне районов поручено")."""
    k = end
    while k > 0 and russian.in_case(tokens[k - 1].text, "gent", PHRASE_POS) and (
            not russian.in_case(tokens[k - 1].text, "loct", PHRASE_POS)):
        k -= 1
    if k > 2 and tokens[k - 2].text.lower() in ("на", "в", "во") and russian.in_case(
            tokens[k - 1].text, "loct", ("NOUN",)) and russian.in_case(
            tokens[k - 3].text, "datv", PHRASE_POS):
        return k - 2
    return end


def _addressees(tokens: Sequence[Token], i: int, where: str
                ) -> tuple[list[tuple[int, int]], int]:
    """Noun phrases in the frame's case right after the trigger, joined by "и" or commas."""
    cases = ADDRESSEE_CASES[where]
    preposition = ADDRESSEE_PREPOSITIONS.get(where)
    found: list[tuple[int, int]] = []
    j = i
    while j < len(tokens):
        after = _skip_to(tokens, j, preposition) if preposition else j
        if after is None and found:  # "от акимата и подрядчика": the preposition once
            after = j
        if after is None:
            break
        while preposition and after < len(tokens) and tokens[after].text.isdigit():
            after += 1  # "от 12 районных акимов"
        k = after
        end = _phrase_in_case(tokens, k, cases)
        if end == k and tokens[k].text.lower() in ADDRESSEE_PRONOUNS.get(where, ()):
            end = k + 1
        if end == k:
            break
        end = max([end] + [m.end for m in mentions_of(tokens, "ru") if k <= m.start < end])
        found.append((k, end))
        j = end
        joined = _joiner_end(tokens, j)  # ", и", ", а также", "и в целом"
        if joined > j:
            j = joined
            continue
        break
    if found and where == "dative":
        found, j = _together_with(tokens, found, j)
    return found, (found[-1][1] if found else i)


def _joiner_end(tokens: Sequence[Token], j: int) -> int:
    """Where the words joining one more addressee to a list end (j when there are none)."""
    end = j
    while end < min(len(tokens), j + 4):
        phrase = next((p for p in lexicon()["addressee_joiners"] if _starts_with(tokens, end, p)),
                      None)
        if phrase is None:
            break
        end += len(phrase.split())
    return end


def _receivers(tokens: Sequence[Token], verb: int) -> list[tuple[int, int]]:
    """Who the clause says received orders: the authority in the nominative before the verb
    of receiving, or a pronoun for those named before ("Все они получили …")."""
    subject = nominative_party_span(tokens, verb, "ru")
    if subject:
        return [subject]
    return [(k, k + 1) for k in range(max(0, verb - 2), verb)
            if tokens[k].text.lower() in ADDRESSEE_PRONOUNS["subject"]][:1]


def _together_with(tokens: Sequence[Token], found: list[tuple[int, int]], j: int
                   ) -> tuple[list[tuple[int, int]], int]:
    """ "поручил Минторговли совместно с акиматами …": a state body named as partner shares
    the order (and the action begins after it); a private one ("с компаниями") is part of
    the action."""
    for start, end in partners(tokens):
        if start == j:
            return found + [(start, end)], end
    return found, j


def partners(tokens: Sequence[Token]) -> tuple[tuple[int, int], ...]:
    return _partners(tuple(tokens))


@lru_cache(maxsize=4096)  # asked by the frame, its passive dative and the partners' parties
def _partners(tokens: tuple[Token, ...]) -> tuple[tuple[int, int], ...]:
    """Every state body the sentence names as working "together with" whoever is told, with
    the words that say so: "Правительству совместно с акиматом Туркестанской области
    поручено …"."""
    out = []
    for j in range(len(tokens)):
        for phrase in TOGETHER:
            if all(_starts_with(tokens, j + k, w) for k, w in enumerate(phrase)):
                start = j + len(phrase)
                end = _phrase_in_case(tokens, start, ("ablt",))
                if end > start and any(is_authority_at(tokens, k, "ru") for k in range(start, end)):
                    out.append((j, _more_partners(tokens, end)))
    return tuple(out)


def _more_partners(tokens: Sequence[Token], end: int) -> int:
    """Where a list of partners ends: "совместно с Министерством культуры и спорта,
    акиматами регионов"."""
    regions = set(load("parties")["all_regions"]["ru"])
    while end + 1 < len(tokens) and tokens[end].text in (",", "и"):
        if tokens[end + 1].text.lower() in regions:  # "с акимами Астаны и Алматы, областей"
            end += 2
            continue
        more = _phrase_in_case(tokens, end + 1, ("ablt",))
        if more == end + 1 or not any(is_authority_at(tokens, k, "ru")
                                      for k in range(end + 1, more)):
            break
        end = more
    return end


def _skip_to(tokens: Sequence[Token], j: int, preposition: str) -> int | None:
    for k in range(j, min(len(tokens), j + 4)):
        if tokens[k].text.lower() == preposition:
            return k + 1
    return None


def _phrase_in_case(tokens: Sequence[Token], j: int, cases: tuple[str, ...]) -> int:
    """The end of a noun phrase in a case at j (with its genitive tail: "акимам областей")."""
    end = j
    seen_noun = False
    while end < len(tokens):
        word = tokens[end].text
        if word == "," and seen_noun and _starts_elided(tokens, end + 1):
            end += 1  # "акимам Туркестанской, Жамбылской и Кызылординской областей",
            continue  # "министерствам здравоохранения, образования"
        region = next((m.end for m in mentions_of(tokens, "ru")
                       if m.start == end and m.entry.kind == "region"), None)
        if region and seen_noun:  # "акимам Абай и Улытау областей": a name that does not decline
            end = region
            continue
        if word == "," and seen_noun and _leads_bodies(tokens, j, end) and _genitive_body_at(
                tokens, end + 1):  # "руководителям управления образования, департамента
            end += 1  # полиции": the heads of each
            continue
        if word.lower() == "по" and seen_noun and end + 1 < len(tokens) and russian.lemmas(
                tokens[end - 1].text) & lexicon()["bodies_named_by_field"] and russian.has(
                tokens[end + 1].text, "datv"):  # "управлению по делам религий", "Агентству
            end = _field_end(tokens, end + 1)  # по защите и развитию конкуренции"
            continue
        if seen_noun and (close := _quoted_name_end(tokens, end)):  # "учреждения «Отдел …
            end = close  # города Уральска»", "фонду "Самрук-Казына"": a name
            continue
        if _infinitive_at(tokens, end) or not any(c.isalpha() for c in word):
            break
        if any(russian.in_case(word, c, PHRASE_POS) for c in cases) or (
                seen_noun and russian.in_case(word, "gent", PHRASE_POS)) or (
                word.isupper() and len(word) > 1) or (end > j and word.lower() == "и" and (
                    _continues_genitive(tokens, end) or _shared_head(tokens, end, cases))):
            seen_noun = (seen_noun or russian.has(word, "NOUN") or word.isupper()
                         or bool(russian.lemmas(word) & lexicon()["addressee_heads"]))
            # an adjective used as a noun names people too: "подчиненным"
            end += 1
            continue
        break
    return end if seen_noun else j


def _field_end(tokens: Sequence[Token], i: int) -> int:
    """The end of the field a body's name gives after "по", which may join two ("по защите
    и развитию конкуренции") but not a second body ("по делам религий и акиматам")."""
    end = _phrase_in_case(tokens, i, ("datv",))
    while end > i and end + 1 < len(tokens) and tokens[end].text == "и" and not (
            _names_addressee(tokens, end + 1)):
        more = _phrase_in_case(tokens, end + 1, ("datv",))
        if more == end + 1:
            break
        end = more
    return max(end, i)


def _leads_bodies(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the phrase so far names those who head a body ("руководителям управления")."""
    return any(russian.lemmas(tokens[k].text) & lexicon()["leader_heads"]
               for k in range(start, end))


def _genitive_body_at(tokens: Sequence[Token], i: int) -> bool:
    """A body in the genitive at i, after its adjectives: "департамента полиции",
    "областного акимата"."""
    while i < len(tokens) and russian.in_case(tokens[i].text, "gent", ("ADJF",)):
        i += 1
    return i < len(tokens) and russian.best_has(tokens[i].text, "NOUN", "gent") and (
        bool(russian.lemmas(tokens[i].text) & lexicon()["addressee_heads"])
        or is_authority_at(tokens, i, "ru"))


def _shared_head(tokens: Sequence[Token], k: int, cases: tuple[str, ...]) -> bool:
    """ "и" between two adjectives of one head: "центральным и местным исполнительным
    органам"."""
    return k + 1 < len(tokens) and any(
        russian.in_case(tokens[k - 1].text, c, ("ADJF",))
        and russian.in_case(tokens[k + 1].text, c, ("ADJF",)) for c in cases)


def _starts_elided(tokens: Sequence[Token], i: int) -> bool:
    """A region or a ministry named without its noun, said once for the list."""
    return any(m.start == i and (m.entry.kind == "region" or m.entry.by_field)
               for m in mentions_of(tokens, "ru"))


def _continues_genitive(tokens: Sequence[Token], i: int) -> bool:
    """ "акимам районов и городов", "акимам Абайской и Западно-Казахстанской областей": the
    "и" joins two genitives, two regions or two ministries' fields ("министерствам
    энергетики и национальной экономики"), not two addressees."""
    if i + 1 >= len(tokens):
        return False
    if _starts_elided(tokens, i + 1):
        return True
    return (russian.has(tokens[i - 1].text, "gent") and russian.has(tokens[i + 1].text, "gent")
            and not russian.has(tokens[i + 1].text, "datv"))


def says_what_to_do(action: str) -> bool:
    """An action with an infinitive ("взять на контроль …"), not a topic alone ("по
    подготовке к зиме")."""
    return any(russian.best_has(w, "INFN") for w in re.findall(r"\w+", action))


def _infinitive_at(tokens: Sequence[Token], i: int) -> bool:
    """An infinitive at i, or "не" and an infinitive ("не допустить")."""
    if i < len(tokens) and tokens[i].text.lower() == "не":
        i += 1
    return i < len(tokens) and russian.best_has(tokens[i].text, "INFN")


def _first_infinitive(tokens: Sequence[Token], i: int) -> int | None:
    """The first infinitive of the clause within a few words (a deadline may stand first)."""
    j, end = i, min(len(tokens), i + INFINITIVE_WINDOW)
    while j < end:
        if _infinitive_at(tokens, j):
            return j
        if close := _quoted_name_end(tokens, j):  # "фонду "Самрук-Казына" … определить"
            end = min(len(tokens), end + close - j - 1)
            j = close
            continue
        if tokens[j].text in QUOTE_PAIRS and j + 1 < len(tokens) and _infinitive_at(tokens, j + 1):
            return j + 1  # "поручил участковым «разъехаться по селам»": the order's own words
        if tokens[j].text in CLAUSE_END or (  # "… планом, который должен быть подготовлен":
                tokens[j].text == "," and j + 1 < len(tokens)  # a relative clause's own
                and "который" in russian.lemmas(tokens[j + 1].text)):
            return None
        j += 1
    return None


QUOTED_NAME_WORDS = 25  # "«Отдел жилищно-коммунального хозяйства … города Уральска»"


def _quoted_name_end(tokens: Sequence[Token], j: int) -> int | None:
    """Past a name in quotes that opens at j ("«Самрук-Қазына»", ""Самрук-Казына""): a
    capitalised word first and no verb inside (a quotation has one); None when none opens
    there."""
    closing = QUOTE_PAIRS.get(tokens[j].text)
    if closing is None or j + 1 >= len(tokens) or not tokens[j + 1].text[:1].isupper():
        return None
    for k in range(j + 1, min(len(tokens), j + QUOTED_NAME_WORDS)):
        if tokens[k].text == closing:
            return k + 1 if k > j + 1 else None
        if tokens[k].text in ".!?" or any(russian.best_has(tokens[k].text, tag)
                                          for tag in ("VERB", "INFN", "PRED")):
            return None
    return None


def _only_adverbs(tokens: Sequence[Token], start: int, end: int) -> bool:
    return all(russian.best_has(t.text, "ADVB") or t.text.lower() in ("не", "лично")
               for t in tokens[start:end])


def _action_from(tokens: Sequence[Token], i: int) -> tuple[int, int]:
    """Characters from token i to the end of its clause."""
    if i >= len(tokens):
        return (0, 0)
    end = i
    while end < len(tokens):
        text = tokens[end].text
        if text in QUOTES and end > i:  # "навести порядок на рынке «Алтын орда»": a name
            closing = _quoted_name(tokens, end)
            if closing:
                end = closing + 1
                continue
        if text in CLAUSE_END or (text in DASHES and end > i and not _suspended(tokens, end)
                                  and not _within_name(tokens, end)):
            break
        if text == "," and end + 1 < len(tokens) and _ends_action(tokens, end + 1) and not (
                _starts_with(tokens, end + 1, "чтобы") and _takes_that_clause(tokens, i, end)):
            break
        if text.lower() == "и" and end + 1 < len(tokens) and russian.best_has(
                tokens[end + 1].text, "VERB"):
            break  # "… ускорить строительство и потребовал …": the subject's next predicate
        if text == "," and _ordering_clause(tokens, end + 1):
            break  # "…, а также каждой области поручено выделить …": an order of its own
        end += 1
    if end == i:
        return (0, 0)
    return (tokens[i].start, tokens[end - 1].end)


def _in_adverbial_clause(tokens: Sequence[Token], span: tuple[int, int], trigger: int) -> bool:
    """The phrase stands in a clause of condition, time or reason that ends before the
    trigger ("Если регионы не принимают мер, поручаю …")."""
    if "," not in (t.text for t in tokens[span[1]:trigger]):
        return False
    for k in range(span[0] - 1, -1, -1):
        if tokens[k].text in CLAUSE_END or tokens[k].text == ",":
            return False
        if tokens[k].text.lower() in ADVERBIAL_CONJUNCTIONS:
            return True
    return False


def _quoted_name(tokens: Sequence[Token], k: int) -> int | None:
    """Where the name that a quote at k opens closes ("на рынке «Алтын орда»"), within a
    few words and the clause; none when the quote closes the words before it."""
    opening = tokens[k].text in "«„" or (
        tokens[k].text in "\"“" and k + 1 < len(tokens) and tokens[k].end == tokens[k + 1].start
        and (k == 0 or tokens[k - 1].end < tokens[k].start))
    if not opening:
        return None
    for j in range(k + 1, min(len(tokens), k + QUOTED_NAME_WORDS + 2)):
        if tokens[j].text in QUOTES:
            return j if j > k + 1 and tokens[j].text not in "«„" else None
        if tokens[j].text in CLAUSE_END:
            return None
    return None


PAST_BE = frozenset({"был", "была", "было", "были"})
CORRELATIVES = frozenset({"тем", "том", "то", "того"})


def _ordering_clause(tokens: Sequence[Token], k: int) -> bool:
    """The clause from k gives an order of its own: a verb of ordering that is no
    infinitive ("а также каждой области поручено …", "а акимам поручил …"); not a clause
    that depends on the action ("не забывать о том, что собирать деньги запрещено")."""
    if k < len(tokens) and tokens[k].text.lower() in SUBORDINATORS:
        return False
    for j in range(k, min(len(tokens), k + ORDERING_CLAUSE_REACH)):
        word = tokens[j].text
        if word in CLAUSE_END or word == ",":
            return False
        if russian.lemmas(word) & _ordering_lemmas() and _is_order_form(word) and not (
                russian.best_has(word, "INFN")):
            return True
    return False


@cache
def _ordering_lemmas() -> frozenset[str]:
    """The lemmas of every verb of ordering ("поручить", "обязать", "потребовать", …)."""
    return frozenset().union(*(verb["lemmas"] for verb in lexicon()["verb"]))


def _takes_that_clause(tokens: Sequence[Token], start: int, comma: int) -> bool:
    """Whether the clause after ", чтобы" is what the action is to bring about: "следить за
    тем, чтобы …", "обеспечить, чтобы …", not its purpose ("завершить строительство школы,
    чтобы ученики сели за парты")."""
    before = tokens[comma - 1].text.lower()
    words = " ".join(t.text.lower() for t in tokens[start:comma])
    return before in CORRELATIVES or any(words == verb or words.endswith(" " + verb)
                                         for verb in lexicon()["that_clause_verbs"])


def _suspended(tokens: Sequence[Token], k: int) -> bool:
    """A hyphen that hangs a word's first part on the next: "тепло- и водоснабжение",
    "тепло-, энергоснабжения"."""
    return (tokens[k].text == "-" and tokens[k - 1].end == tokens[k].start
            and k + 1 < len(tokens) and tokens[k + 1].text.lower() in ("и", "или", ","))


def _within_name(tokens: Sequence[Token], k: int) -> bool:
    """A dash inside a name: between the points of a route ("дороги Караозек – Жезказган –
    Астана"), or before the city a name stands for ("столицы Республики Казахстан - города
    Астаны")."""
    if k + 1 >= len(tokens) or not tokens[k - 1].text[:1].isupper():
        return False
    after = tokens[k + 1].text
    if any(m.start == k + 1 and m.entry.kind in ("person", "title")
           for m in mentions_of(tokens, "ru")):
        return False  # "… в Алматы – Токаев": who said it
    return after[:1].isupper() and after.isalpha() or (
        after.lower() in SETTLEMENT_NOUNS and k + 2 < len(tokens)
        and tokens[k + 2].text[:1].isupper())


def _ends_action(tokens: Sequence[Token], i: int) -> bool:
    """The words from i, after a comma, end an action ("…, сообщает пресс-служба",
    "…, чтобы …")."""
    return any(_starts_with(tokens, i, stop) for stop in lexicon()["action_stops"])


def _starts_with(tokens: Sequence[Token], i: int, phrase: str) -> bool:
    words = phrase.split()
    return all(i + k < len(tokens) and tokens[i + k].text.lower() == w
               for k, w in enumerate(words))


def _object_action(tokens: Sequence[Token], start: int, end: int, noun: int,
                   addressees: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """ "дал ряд других конкретных поручений": the object phrase around the noun; what they
    are about when the addressee stands between ("дал ряд поручений правительству по
    усилению мер …")."""
    first = noun
    floor = max([end if noun >= end else 0]  # not into the addressee: "перед Гали Искалиевым"
                + [a[1] for a in addressees if a[1] <= noun])
    while first - 1 >= floor and (russian.has(tokens[first - 1].text, "ADJF")
                                  or tokens[first - 1].text.lower() in ("ряд", "ряда", "ряде")):
        first -= 1
    last = noun + 1
    while last < len(tokens) and (russian.best_has(tokens[last].text, "gent") or (
            russian.has(tokens[last].text, "ADJF", "gent"))):  # "принятия эффективных
        last += 1  # экстренных мер": an adjective that may be genitive goes on with its noun
    if last < len(tokens) and tokens[last].text.lower() in ABOUT:  # "поручений по снижению …"
        return (tokens[first].start, _action_from(tokens, last)[1])
    if any(a[0] == last for a in addressees):
        after = max(a[1] for a in addressees if a[0] >= last)  # "правительству и другим
        if after < len(tokens) and tokens[after].text.lower() in ABOUT:  # органам по …"
            return _action_from(tokens, after)
    about = last + 1 + (3 if _starts_with(tokens, last + 1, "в том числе") else 0)
    if (about + 1 < len(tokens) and tokens[last].text == ","  # "ряд задач, связанных с
            and russian.lemmas(tokens[about].text) & lexicon()["about_participles"]):
        return (tokens[first].start, _action_from(tokens, about)[1])  # поддержкой …", "…, в
    return (tokens[first].start, tokens[last - 1].end)  # том числе связанных с …"


def _subject_before(tokens: Sequence[Token], start: int) -> tuple[int, int] | None:
    """The nearest nominative noun phrase before the trigger, within its clause. When another
    verb stands before the trigger ("обратил внимание на … продукты и поручил"), the two
    share their subject, which stands before that verb; the nouns after it are its objects."""
    clause = start
    while clause > 0 and tokens[clause - 1].text not in CLAUSE_END | {","}:
        clause -= 1
    verbs = [k for k in range(clause, start) if russian.best_has(tokens[k].text, "VERB")]
    end = verbs[-1] if verbs else start
    while end > clause:
        if _nominative_head(tokens[end - 1].text) or (  # "Региональные власти": a known
                is_authority_at(tokens, end - 1, "ru")  # authority, nominative by one reading
                and russian.has(tokens[end - 1].text, "NOUN", "nomn", "plur")
                # and not the genitive after a noun ("заседании правительства")
                and not (end > 1 and russian.best_has(tokens[end - 2].text, "NOUN"))):
            first = end - 1
            while first > 0 and _name_part(tokens[first - 1].text):
                first -= 1
            return (first, end)
        end -= 1
    return None


def _joined_to_addressee(tokens: Sequence[Token], issuer: tuple[int, int],
                         addressees: list[tuple[int, int]], verb: int) -> bool:
    """The issuer's span joined by "и" to an addressee's, before a singular past verb."""
    joined = any((a[0] == issuer[1] + 1 and tokens[issuer[1]].text.lower() == "и")
                 or (a[1] + 1 == issuer[0] and tokens[a[1]].text.lower() == "и")
                 for a in addressees)
    return joined and russian.best_has(tokens[verb].text, "sing", "past") and not _passive(
        tokens[verb:verb + 1])


def _relative_dative(tokens: Sequence[Token], start: int) -> tuple[int, int] | None:
    """The party a dative relative pronoun before the trigger stands for: "Роман Скляр,
    которому поручили …"."""
    if start < 3 or tokens[start - 1].text.lower() not in DATIVE_RELATIVES or (
            tokens[start - 2].text != ","):
        return None
    return next(((m.start, m.end) for m in mentions_of(tokens, "ru") if m.end == start - 2
                 and m.entry.kind in ("person", "title", "body", "party")), None)


def _thing_before(tokens: Sequence[Token], start: int) -> bool:
    """An inanimate noun that may be the subject opens the clause of a demand: "Низкое
    качество дорог требует ежегодного ремонта" (a neuter noun reads alike as object)."""
    first = _first_word(tokens, _clause_start(tokens, start), start)
    while first < start and russian.best_has(tokens[first].text, "ADJF"):
        first += 1
    return first < start and russian.has(tokens[first].text, "NOUN", "nomn") and _inanimate(
        tokens[first].text)


def _things_relative(tokens: Sequence[Token], start: int) -> bool:
    """A trigger in a relative clause about things: "о ряде проблем, которые требуют
    незамедлительного решения"."""
    return (start >= 3 and "который" in russian.lemmas(tokens[start - 1].text)
            and tokens[start - 1].text.lower() not in DATIVE_RELATIVES  # "регионов, которым
            and tokens[start - 2].text == "," and _inanimate(tokens[start - 3].text))  # поручили"


def _inanimate(word: str) -> bool:
    """A thing, not someone: not an abbreviation, nor a capitalised word the dictionary does
    not know (a name: "Нурбол Нурсагатов поручил")."""
    return russian.best_has(word, "inan") and not word.isupper() and (
        not word[:1].isupper() or russian.analyser().word_is_known(word.lower()))


def _nominative_head(word: str) -> bool:
    if word.lower() in SUBJECT_PRONOUNS | FIRST_PERSON:
        return False
    return len(word) > 1 and russian.best_has(word, "NOUN", "nomn")


def _name_part(word: str) -> bool:
    return word[:1].isupper() or russian.has(word, "ADJF", "nomn") or (
        russian.has(word, "NOUN", "gent") and not russian.has(word, "nomn"))


def _pronoun_before(tokens: Sequence[Token], start: int) -> bool:
    return any(t.text.lower() in SUBJECT_PRONOUNS for t in tokens[max(0, start - 3):start])


def _first_person_before(tokens: Sequence[Token], start: int) -> bool:
    return any(t.text.lower() in FIRST_PERSON for t in tokens[max(0, start - 3):start]) or (
        russian.best_has(tokens[start].text, "1per"))


def list_told(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Who a line that opens a list of orders tells ("Оперативному координационному совету
    поручено:", "Премьер-министр поручил акимам:"): the orders of its items are for them."""
    for i, token in enumerate(tokens):
        if russian.lemmas(token.text) & _ordering_lemmas() and _is_order_form(token.text):
            after, _ = _addressees(tokens, i + 1, "dative")
            return after or _dative_before(tokens, i) or _dative_in_clause(tokens, i)
    return []


def list_item_frame(tokens: Sequence[Token]) -> Frame | None:
    """ "— усилить штаб сотрудниками акимата;": an item of a list of orders, its infinitive
    first, or after a term or its object ("2) ежемесячно до 10 числа месяца, следующего за
    отчетным, представлять …", "- в дальнейшем оперативное сопровождение сезона осуществлять
    …"), not after its addressee ("- Министерству здравоохранения – усилить …")."""
    first = next((k for k, t in enumerate(tokens) if t.text[:1].isalpha()), None)
    if first is None:
        return None
    inf = first
    if not _infinitive_at(tokens, first) and any(
            russian.best_has(tokens[first].text, tag) for tag in ("ADVB", "PREP")):
        inf = next((k for k in range(first, min(len(tokens), first + ITEM_TERM_WORDS + 1))
                    if _infinitive_at(tokens, k)), first)
        if any(russian.best_has(t.text, "VERB") or t.text in CLAUSE_END
               for t in tokens[first:inf]):
            return None
    if not _infinitive_at(tokens, inf):
        return None
    action = _action_from(tokens, first)
    return Frame("instruction", (inf, inf + 1), action, scene=True) if action[1] else None


def exhortation(tokens: Sequence[Token], trigger: int) -> bool:
    """Soft words that oblige no one the speaker can tell: "нам надо построить школу" (we),
    "Люди должны быть уверены" (those with no office), "сколько нужно усилий" (a question),
    "план, который должен быть подготовлен" (a relative clause), anywhere before them."""
    return any(t.text.lower() in lexicon()["exhorting_words"] or non_authority(t.text)
               for t in tokens[:trigger])


def generic_action(action: str) -> bool:
    """An action of a verb that names a way of working, no task: "работать с людьми"."""
    words = action.split()
    return bool(words) and bool(russian.lemmas(words[0]) & lexicon()["generic_verbs"])


def non_authority(word: str) -> bool:
    return bool(russian.lemmas(word) & lexicon()["non_authorities"])


def meeting_bodies(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The bodies whose meeting a sentence names: "заседание штаба по ликвидации …",
    "совещание акимата"."""
    out = []
    nouns = lexicon()["meeting_nouns"]
    stems = {n[:5] for n in nouns}
    for j in range(len(tokens) - 1):
        if tokens[j].text[:5].lower() not in stems or not russian.lemmas(tokens[j].text) & nouns:
            continue  # the cheap test first: most words are no meeting
        k = j + 1
        if k + 1 < len(tokens) and russian.lemmas(tokens[k].text) & lexicon()["meeting_councils"]:
            k += 1  # "заседании коллегии Министерства энергетики": the ministry's
        first = k
        while k + 1 < min(len(tokens), first + 3) and russian.in_case(
                tokens[k].text, "gent", ("ADJF",)) and not russian.best_has(tokens[k].text, "NOUN"):
            k += 1  # "заседание оперативного штаба"
        if russian.in_case(tokens[k].text, "gent", ("NOUN",)) and _names_addressee(tokens, k):
            out.append((first, k + 1))
    return out


def enacts(tokens: Sequence[Token]) -> bool:
    """A list item that is a decree's own act, no order to anyone: "1. Утвердить
    прилагаемый Регламент", "3. Признать утратившими силу …"."""
    first = next((t for t in tokens if t.text[:1].isalpha()), None)
    return first is not None and bool(russian.lemmas(first.text) & lexicon()["enacting_verbs"])


def opens_decree(tokens: Sequence[Token]) -> bool:
    """The line names a decree or a protocol whose items follow ("В решении акима
    говорится:")."""
    return any(russian.lemmas(t.text) & lexicon()["decree_openers"] for t in tokens)


def names_meeting(tokens: Sequence[Token]) -> bool:
    """The sentence names a meeting or a report heard: "совещание", "встретился",
    "заслушав доклад"."""
    return any(russian.lemmas(t.text) & _meeting_lemmas() for t in tokens)


@cache
def _meeting_lemmas() -> frozenset[str]:
    words = lexicon()
    return words["meeting_nouns"] | words["meeting_words"] | words["report_nouns"]


def meeting_audience(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Whom a sentence says a meeting was held with, or whose report was heard, as noun
    phrases with a head that names people or a body: "совещание с руководителями коммунальных
    предприятий", "встреча с представителями проекта", "совещание с участием руководителей
    управлений образования", "заслушав доклад руководителя управления образования"."""
    if not names_meeting(tokens):
        return []
    out = []
    reports = lexicon()["report_nouns"]
    for j in range(len(tokens) - 1):
        if russian.lemmas(tokens[j].text) & reports:  # "заслушав доклад руководителя
            k, case = j + 1, "gent"  # управления образования": who reported
        elif tokens[j].text.lower() in ("с", "со"):
            k, case = j + 1, "ablt"
            if tokens[k].text.lower() == "участием":
                k, case = k + 1, "gent"
        else:
            continue
        end = _phrase_in_case(tokens, k, (case,))
        if end > k and addressee_head([t.text for t in tokens[k:end]]):
            out.append((k, end))
    return out


def alongside(tokens: Sequence[Token], start: int) -> bool:
    """Whether the party at `start` is named as working with or leading someone ("совместно
    с акиматом", "во главе с Премьер-министром"), not as one met."""
    return any(start >= len(phrase) and _starts_with(tokens, start - len(phrase), " ".join(phrase))
               for phrase in ALONGSIDE)


def received(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A party the sentence says was received or reported: "принял акима Шымкента",
    "заслушал отчеты акимов областей"."""
    if not russian.in_case(tokens[start].text, "gent", ("NOUN", "ADJF")) and not russian.in_case(
            tokens[start].text, "accs", ("NOUN", "ADJF")):
        return False
    words = lexicon()
    before = [russian.lemmas(t.text) for t in tokens[max(0, start - 4):start]]
    if any(t.text.lower() == "участие" for t in tokens[max(0, start - 4):start]):
        return False  # "приняли участие акимы": they took part (`participation_verbs`)
    return bool(before and before[-1] & set(words["report_nouns"])) or any(
        lemmas & set(words["reception_verbs"]) for lemmas in before) or _received_list(
            tokens, start)


def _received_list(tokens: Sequence[Token], start: int) -> bool:
    """A party later in a list of those received: "принял акима Карагандинской области
    Жениса Касымбека, акима Восточно-Казахстанской области …": back over names, commas and
    "и" to the verb of reception."""
    named = {k for m in mentions_of(tokens, "ru") for k in range(m.start, m.end)}
    k = start - 1
    while k >= 0 and (k in named or tokens[k].text in (",", "и")
                      or tokens[k].text[:1].isupper()):
        k -= 1
    if k < 0 or "," not in (t.text for t in tokens[k + 1:start]):
        return False  # the first of the list is received by the verb's own test
    return bool(russian.lemmas(tokens[k].text) & set(lexicon()["reception_verbs"]))


def find_verb(tokens: Sequence[Token], kind: str) -> int | None:
    """Where the sentence says someone reported ("аким доложил о мерах") or, with
    `participation_verbs`, took part ("приняли участие акимы"), if it does."""
    verbs = lexicon()[kind]
    stems = _verb_stems(kind)  # the cheap test first: most words are no such verb
    phrases = lexicon()["participation_phrases"] if kind == "participation_verbs" else ()
    return next((i for i, t in enumerate(tokens) if (
        (t.text[:4].lower() in stems and russian.best_has(t.text, "VERB")
         and russian.lemmas(t.text) & verbs)
        or (phrases and any(_starts_with(tokens, i, p) for p in phrases)))), None)


@cache
def _verb_stems(kind: str) -> frozenset[str]:
    return frozenset(v[:4] for v in lexicon()[kind])


def addressee_head(words: Sequence[str]) -> str | None:
    """The head noun of an unknown addressee, if it can name people or a body."""
    heads = lexicon()["addressee_heads"]
    for w in words:
        hit = russian.lemmas(w) & heads
        if hit:
            return sorted(hit)[0]
    return None



def head_noun(words: Sequence[str]) -> str | None:
    """The head of a noun phrase: a known addressee head, else its first noun's lemma."""
    noun = next((w for w in words if russian.best_has(w, "NOUN")), None)
    return addressee_head(words) or (russian.parses(noun)[0].normal_form if noun else None)
