"""Kazakh directives: the dative addressee, the accusative verbal-noun chain, the trigger.

Kazakh puts the verb last: "[Issuer] [addressee-DAT] [action: …-уды/-уді] тапсырды". The order
is a directive only when the trigger follows a verbal noun or a directive noun: on a plain noun
тапсыру means "hand over" (құжаттарын тапсырды), which is how its traps are told apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from tapsyrma import kazakh
from tapsyrma.data import load
from tapsyrma.directives.frame import Frame
from tapsyrma.records import Token

CLAUSE_END = set(".!?;:«»\"“”")
COORDINATORS = {"мен", "пен", "бен", "және", ","}
FIRST_PERSON_ENDINGS = ("мын", "мін", "мыз", "міз", "дым", "дім", "дық", "дік", "тым", "тім")


@cache
def lexicon() -> dict:
    return load("triggers_kk")


def is_candidate(text: str) -> bool:
    low = text.lower()
    return any(stem in low for stem in lexicon()["prefilter"])


def is_report(text: str) -> bool:
    low = text.lower()
    return any(marker in low for marker in lexicon()["report_markers"])


def frames(tokens: Sequence[Token]) -> Iterator[Frame]:
    words = [t.text.lower() for t in tokens]
    for i in range(len(tokens)):
        frame = (_verb_frame(tokens, words, i) or _light_frame(tokens, words, i)
                 or _soft_frame(tokens, words, i))
        if frame:
            yield frame


def _matches(words: list[str], i: int, phrase: str) -> int:
    """The number of words of `phrase` matched at i (0 when it does not match)."""
    parts = phrase.split()
    ok = all(i + k < len(words) and words[i + k] == p for k, p in enumerate(parts))
    return len(parts) if ok else 0


def _verb_frame(tokens: Sequence[Token], words: list[str], i: int) -> Frame | None:
    for verb in lexicon()["verb"]:
        for form in verb["stems"]:
            n = _matches(words, i, form)
            if not n:
                continue
            passive = "ыл" in form
            chain = _chain_end(tokens, i, "nominative" if passive else "accusative")
            if chain is None:
                return None
            return _frame(tokens, words, (i, i + n), chain, verb["kind"],
                          first_person=form.endswith(FIRST_PERSON_ENDINGS))
    return None


def _chain_end(tokens: Sequence[Token], trigger: int, case: str) -> int | None:
    """The last verbal noun in `case` before the trigger, within the clause."""
    for j in range(trigger - 1, -1, -1):
        word = tokens[j].text
        if word in CLAUSE_END:
            return None
        if kazakh.is_verbal_noun_in(word, case) or (case == "nominative" and
                                                    kazakh.is_verbal_noun(word)):
            return j
    return None


def _light_frame(tokens: Sequence[Token], words: list[str], i: int) -> Frame | None:
    for light in lexicon()["light"]:
        if words[i] not in light["nouns"]:
            continue
        verb = next((j for j in range(i + 1, min(len(words), i + 3))
                     if words[j] in light["verbs"]), None)
        if verb is None:
            continue
        kind = "task" if words[i] in light.get("task_nouns", ()) else light["kind"]
        if light["kind"] == "prohibition":
            chain = _dative_chain_end(tokens, i)
            if chain is None:
                return None
            return _frame(tokens, words, (i, verb + 1), chain, kind)
        about = next((j for j in range(i - 1, -1, -1) if words[j] in lexicon()["about"]), None)
        subject = _issuer(tokens, i)
        if about is not None and about >= i - 4 and (subject is None or about > subject[1]):
            return _frame(tokens, words, (i, verb + 1), about - 1, kind)
        return _frame(tokens, words, (i, verb + 1), i, kind, object_noun=True)
    return None


def _dative_chain_end(tokens: Sequence[Token], trigger: int) -> int | None:
    """ "…өткізуге тыйым салынды": a prohibition's action is a dative verbal noun."""
    j = trigger - 1
    if j >= 0 and kazakh.is_verbal_noun_in(tokens[j].text, "dative"):
        return j
    return None


def _soft_frame(tokens: Sequence[Token], words: list[str], i: int) -> Frame | None:
    """ "…көмек көрсету қажеттігін баса айтты" with a named dative addressee."""
    if words[i] not in lexicon()["soft_nouns"]:
        return None
    verb = next((j for j in range(i + 1, min(len(words), i + 3))
                 if any(_matches(words, j, v) for v in lexicon()["soft_verbs"])), None)
    if verb is None or i == 0:
        return None
    frame = _frame(tokens, words, (i, verb + 1), i - 1, "task")
    if frame is None or not frame.addressees:
        return None
    return Frame(frame.kind, frame.trigger, frame.action, frame.issuer, frame.addressees,
                 soft=True)


def _frame(tokens: Sequence[Token], words: list[str], trigger: tuple[int, int], chain_end: int,
           kind: str, first_person: bool = False, object_noun: bool = False) -> Frame | None:
    limit = trigger[0] if object_noun else chain_end + 1
    addressees = _addressees(tokens, limit)
    issuer = _issuer(tokens, min([limit] + [a[0] for a in addressees]))
    after = max([a[1] for a in addressees] + ([issuer[1]] if issuer else []) + [0])
    if object_noun:
        start = _object_start(tokens, trigger[0], after)
        end = trigger[0] + 1
    else:
        start = _skip_openers(tokens, after, chain_end)
        end = chain_end + 1
    if start >= end:
        return None
    action = (tokens[start].start, tokens[end - 1].end)
    return Frame(kind, trigger, action, issuer=issuer, addressees=tuple(addressees),
                 first_person=first_person or _first_person(words, issuer))


def _addressees(tokens: Sequence[Token], limit: int) -> list[tuple[int, int]]:
    """Dative noun phrases before the action; coordinated ones share the last one's case."""
    found: list[tuple[int, int]] = []
    for j in range(limit):
        word = tokens[j].text
        if word[:1].isalpha() and kazakh.is_dative(word) and _can_address(tokens, j):
            first = _phrase_start(tokens, j)
            found.append((first, j + 1))
    return _with_coordinated(tokens, found)


def _can_address(tokens: Sequence[Token], j: int) -> bool:
    """A dative that names people or a body, not a goal (процентке, жұмыстарына)."""
    from tapsyrma.directives.parties import is_known_party

    heads = lexicon()["addressee_heads"]
    stems = kazakh.stems(tokens[j].text)
    return is_known_party(tokens, j, "kk") or any(s.startswith(h) or s == h
                                                  for s in stems for h in heads)


def _phrase_start(tokens: Sequence[Token], j: int) -> int:
    """Back over genitives and attributes: "облыстар мен ... қалалардың басшыларына"."""
    first = j
    while first > 0 and first > j - 8:
        prev = tokens[first - 1].text
        if prev in CLAUSE_END or prev == "," or kazakh.is_dative(prev):
            break
        if kazakh.is_genitive(prev) or prev.lower() in ("мен", "және", "бар", "маңызы",
                                                       "республикалық", "барлық", "ірі"):
            first -= 1
            continue
        break
    return first


def _with_coordinated(tokens: Sequence[Token], found: list[tuple[int, int]]
                      ) -> list[tuple[int, int]]:
    from tapsyrma.directives.parties import is_known_party

    out = []
    for start, end in found:
        k = start - 1
        while k > 0 and tokens[k].text.lower() in COORDINATORS and is_known_party(
                tokens, k - 1, "kk"):
            out.append((k - 1, k))
            k -= 2
        out.append((start, end))
    return out


def _issuer(tokens: Sequence[Token], limit: int) -> tuple[int, int] | None:
    from tapsyrma.directives.parties import nominative_party_span

    return nominative_party_span(tokens, limit, "kk")


def _skip_openers(tokens: Sequence[Token], start: int, end: int) -> int:
    openers = set(lexicon()["openers"])
    while start <= end and (tokens[start].text.lower() in openers or tokens[start].text == ","
                            or not any(c.isalnum() for c in tokens[start].text)):
        start += 1
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


def non_authority(word: str) -> bool:
    bad = lexicon()["non_authorities"]
    return any(s.startswith(b) for s in kazakh.stems(word) for b in bad)


def addressee_head(words: Sequence[str]) -> str | None:
    """The head noun of an unknown addressee, if it can name people or a body."""
    heads = lexicon()["addressee_heads"]
    for w in reversed(words):
        for s in sorted(kazakh.stems(w), key=len):
            if any(s == h or s.startswith(h) for h in heads):
                return s
    return None
