"""Who speaks: the quotations of an article and their speakers.

A quote may run over several sentences and paragraphs before "– заявил Глава государства"
or "– деді Елбасы" names its speaker; every sentence inside it is said by that speaker, which
is how "По моему поручению…" and "Мною дано указание…" get their issuer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tapsyrma.data import load
from tapsyrma.records import Sentence

CLOSERS = "»”\""
# The dot of an initial inside a speaker's name ("Қ.Көшербаев"), not a sentence's end
INITIAL_DOT = r"(?<![^\W\d_]{2})\.(?=\w)"
DASH = r"[-–—]"


# Each opening quotation mark with the one that closes it.
QUOTE_PAIRS = {"«": "»", "\"": "\"", "“": "”", "„": "“"}


@cache
def speech_verbs(lang: str) -> frozenset[str]:
    """The verbs that name a speaker in one language ("заявил", "деді")."""
    return frozenset(load("speech")[lang])


@cache
def _speech_verbs() -> str:
    """The verbs that name a speaker, longest first, as one alternation."""
    return "|".join(sorted((re.escape(v) for lang in ("ru", "kk") for v in speech_verbs(lang)),
                           key=len, reverse=True))


@cache
def _closer() -> re.Pattern[str]:
    verbs = _speech_verbs()
    # "…», – деді Елбасы", and in Kazakh with no dash: "…», деді Қ.Көшербаев"
    return re.compile(rf"(?:[{CLOSERS},.!?]\s*,?\s*{DASH}|[{CLOSERS}]\s*,)\s*(?:{verbs})\b\s*"
                      rf"(?P<who>(?:[^.!?\n]|{INITIAL_DOT}){{2,80}})")


def _opening_before(text: str, close: int) -> int:
    """Where the quote that closes at `close` opens: the matching «, or a line-initial dash;
    a « after a colon is a quote within the speech a dash opened ("- Выйди на площадь и
    скажи: «извините, люди …», - отчитал акима Бозумбаев"), when one did on that line."""
    depth = 0
    inner = None
    for i in range(close - 1, -1, -1):
        c = text[i]
        if c == "»":
            depth += 1
        elif c == "«":
            if depth == 0:
                if inner is None and text[:i].rstrip().endswith(":"):
                    inner = i
                    continue
                return i
            depth -= 1
        elif _opens(text, i):
            return i
        elif c == "\n" and inner is not None:
            return inner
    return 0 if inner is None else inner


def _opens(text: str, i: int) -> bool:
    """A quote mark after a non-letter, or a dash that starts a line or a sentence ("…
    баки. - Минимум два раза в неделю вы должны …, - заявил аким")."""
    c, before = text[i], text[i - 1] if i else "\n"
    return c in "“„" or (c == '"' and not before.isalnum()) or (c in "–—-" and (
        before == "\n" or (before == " " and text[max(0, i - 2):i - 1] in (".", "!", "?"))))


def quoted_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(quote start, quote end, speaker start, speaker end) for each closed quotation."""
    out = []
    for m in _closer().finditer(text):
        # back from before the closing mark: a straight quote closing is no opening one
        start = _opening_before(text, m.start() + (text[m.start()] not in CLOSERS))
        out.append((start, m.start() + 1, m.start("who"), m.end("who")))
    return out


# A sentence that says the words before it were someone's: "Осылай деген облыс басшысы …",
# "Бас прокурор Берік Асылов форумда осылай деді."
SAID_SO = re.compile(r"^(?:(?:осылай|бұлай)\s+деген\s+(?P<who>[^.!?]{2,80})"
                     r"|(?P<subject>[^.!?«»]{2,120}?)\s+(?:осылай|бұлай)\s+(?:деді|деп\s+\w+))",
                     re.IGNORECASE)
# A quotation its speaker introduces with a colon: "Бұл ретте президент: «…»", "Токаев: "…""
INTRODUCED = re.compile(r":\s*(?P<open>[«\"“])")
SPEAKER_CHARACTERS = 80  # the words before the colon that may name the speaker
NOT_IN_SPEAKER = re.compile(r"[.!?\n:«»\"“”]")


def introduced_quotes(text: str) -> list[tuple[int, int, int, int]]:
    """(quote start, quote end, speaker start, speaker end) for each quotation introduced by
    its speaker and a colon."""
    out = []
    for m in INTRODUCED.finditer(text):  # from each colon back to where the clause opens
        before = text[max(0, m.start() - SPEAKER_CHARACTERS):m.start()]
        stops = list(NOT_IN_SPEAKER.finditer(before))
        who_start = m.start() - len(before) + (stops[-1].end() if stops else 0)
        close = text.find(QUOTE_PAIRS[m["open"]], m.end())
        if close != -1 and m.start() - who_start >= 2:
            out.append((m.start("open"), close + 1, who_start, m.start()))
    return out


@cache
def _about_previous() -> re.Pattern[str]:
    data = load("speech")
    leads = "|".join(re.escape(x) for x in data["about_previous_ru"] + data["about_previous_kk"])
    verbs = "|".join(re.escape(v) for v in data["ru"])
    return re.compile(rf"^(?:{leads})\s+(?:(?:{verbs})\s+)?(?P<who>[^,.!?]{{2,80}})", re.I)


def dialogue_lines(text: str, sentences: Sequence[Sentence]) -> set[int]:
    """The sentences of lines that open with a dash: direct speech ("– Разберитесь со всем
    этим.", "– Жағдайды бақылауда ұстаңыздар"), whether or not its speaker is named."""
    return {k for k, s in enumerate(sentences)
            if re.match(rf"{DASH}\s", text[text.rfind("\n", 0, s.start) + 1:s.end].lstrip())}


def open_quotes(text: str, sentences: Sequence[Sentence]) -> set[int]:
    """The sentences of paragraphs that open a quotation and do not close it: a quote running
    on into the next paragraph (each of its paragraphs opens with «), or cut off where the
    page ends. Direct speech, its speaker the one the article is about."""
    found: set[int] = set()
    for line in re.finditer(r"[^\n]+", text):
        body = line.group().lstrip()
        if body[:1] in "«“\"" and not any(c in body[1:] for c in CLOSERS):
            found.update(k for k, s in enumerate(sentences)
                         if line.start() <= s.start < line.end())
    return found


# A line of someone's words signed with a dash and the name, no verb: "…, – Токаев."
SIGNED_LINE = re.compile(rf"[,.!?»\"]\s*{DASH}\s*(?P<who>(?:[^\W\d_][\w.-]*\s*){{1,4}}?)[.!]?\s*$")


@cache
def _said_line() -> re.Pattern[str]:
    """A line that closes with ", деп атап өтті Мемлекет басшысы." or ", подчеркнул аким.",
    or that is only such a close: its words (or those of the line before) are the speaker's,
    quotation marks or not."""
    verbs = _speech_verbs()
    return re.compile(rf"(?:,|^)\s*(?:{verbs})\s+"
                      rf"(?P<who>[^\W\d_](?:[^.!?\n,]|{INITIAL_DOT}){{1,60}}?)[.!]?\s*$")


# A headline that gives a speaker's words after his name and a colon, unquoted: "Тоқаев:
# Төтенше жағдайларды … жетілдіру қажет", "Роман Скляр: Биыл … аяқтау қажет".
HEADED_LINE = re.compile(r"^(?P<who>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w.-]*(?:[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w.-]*)"
                         r"{0,2}):[ \t]+(?=[^\W\d_])", re.MULTILINE)


def headed_lines(text: str, sentences: Sequence[Sentence]) -> dict[int, tuple[int, int]]:
    """Sentence index → the span of the name that opens its line with a colon: whose words
    they are when the name is an authority's."""
    found: dict[int, tuple[int, int]] = {}
    for m in HEADED_LINE.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end == -1 else end
        for k, s in enumerate(sentences):
            if m.start() <= s.start < end:
                found[k] = (m.start("who"), m.end("who"))
    return found


def speaker_spans(text: str, sentences: Sequence[Sentence]) -> dict[int, tuple[int, int]]:
    """Sentence index → the character span naming the speaker of the quote it stands in."""
    found: dict[int, tuple[int, int]] = {}
    for start, end, who_start, who_end in introduced_quotes(text):  # the verbs after a
        for k, s in enumerate(sentences):  # quote, below, name its speaker more surely
            if s.start < end and s.end > start:
                found[k] = (who_start, who_end)
    before = None  # the line before, when it ends with a comma
    for line in re.finditer(r"[^\n]+", text):
        said = _said_line().search(line.group())  # "…, деп ескертті Мемлекет басшысы."
        # "… взять на личный контроль каждый пункт поручений,\nуказал глава кабмина.": the
        # verb on a line of its own closes the line before
        opened = line.start() if said and said.start() else before
        if said and opened is not None:
            who = (line.start() + said.start("who"), line.start() + said.end("who"))
            for k, s in enumerate(sentences):
                if opened <= s.start < line.start() + said.start():
                    found[k] = who
        before = line.start() if line.group().rstrip().endswith(",") else None
        signed = SIGNED_LINE.search(line.group())  # "Вам предстоит … работать, – Токаев."
        if signed and signed.group("who")[:1].isupper():
            who = (line.start() + signed.start("who"), line.start() + signed.end("who"))
            for k, s in enumerate(sentences):
                if line.start() <= s.start < line.start() + signed.start():
                    found[k] = who
    for k, s in enumerate(sentences[1:], 1):  # "«…». Об этом заявил Президент."
        m = _about_previous().match(s.text)
        if m:
            found[k - 1] = (s.start + m.start("who"), s.start + m.end("who"))
        said = SAID_SO.match(s.text)  # "… Бас прокурор Берік Асылов форумда осылай деді.",
        if said:  # "… Осылай деген облыс басшысы …": the words before it in its paragraph
            group = "who" if said["who"] else "subject"
            span = (s.start + said.start(group), s.start + said.end(group))
            paragraph = text.rfind("\n", 0, s.start) + 1
            for j in range(k - 1, -1, -1):
                if sentences[j].start < paragraph:
                    break
                found.setdefault(j, span)
    closed: set[int] = set()  # a sentence's speaker is named where its quote first closes
    for start, end, who_start, who_end in quoted_spans(text):
        for k, s in enumerate(sentences):
            if k not in closed and (start <= s.start < end or (
                    s.start < start and s.end > start and s.end <= end + 2)):
                found[k] = (who_start, who_end)
                closed.add(k)
    return found
