"""Properties of the cleaner on generated noisy documents, and its golden behaviour on the seeds.

- cleaning is idempotent: cleaning a cleaned text changes nothing;
- no sentence holding a directive trigger is ever dropped, whatever boilerplate surrounds it;
- the output never holds a non-breaking space or a WordPress language marker.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tapsyrma.clean import clean
from tapsyrma.ingest import read_inputs
from tapsyrma.records import RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "eval" / "seeds-gold.jsonl"

TRIGGER_SENTENCES = [
    "Президент поручил акимам областей усилить работу с обращениями граждан.",
    "Глава государства поручила правительству разработать новую программу до конца года.",
    "Премьер-министр обязал министров ежемесячно отчитываться о ходе строительства школ.",
    "Токаев потребовал от акимов навести порядок в сфере тарифов.",
    "Президент дал поручение Генеральной прокуратуре проверить расходование средств.",
    "Мемлекет басшысы Үкіметке жаңа бағдарлама әзірлеуді тапсырды.",
    "Премьер-министр әкімдерге жылу маусымына дайындықты аяқтауды міндеттеді.",
    "Президент министрлерден тарифтердің өсуін тоқтатуды талап етті.",
    "Елбасы бірқатар нақты тапсырма берді.",
    "Аким поручил заместителям тщательно изучить Послание главы государства.",
]
NOISE_LINES = [
    "ПОДЕЛИТЬСЯ", "Фото: Акорда", "Фото:gov.kz", ": UGC", "[:ru]", "[:kz]", "[:]", "\u00a0",
    "Наши новости теперь в WhatsApp! Подписывайтесь на наш канал",
    "Ең маңызды жаңалықтарды біздің Telegram арнамыздан оқыңыздар!",
    "Погода", "Алматы 10", "Астана -1", "А", "Б", "482.55 555.73 5.81", "Курс валют",
    "Закладки", "Пока здесь пусто", "Редакция Реклама", "Социальные сети", "Читайте также",
    "Tengrinews", "Altyn-Orda.kz", "Редактор региональных новостей", "Колмакова Виктория",
    "Главная / Новости / Политика", "jitsu gif", "Токаев встретился с акимами",
    "Instagram", "Новости КазахстанаРегионы", "АЛТЫНОРДА",
]
FILLER_SENTENCES = [
    "Совещание прошло в Акорде в режиме видеосвязи.",
    "Кеңес Ақордада бейнебайланыс режимінде өтті.",
    "В обсуждении приняли участие депутаты областного маслихата.",
    "Жиынға облыс әкімдері мен министрлер қатысты.",
    "Глава государства отметил важность диалога с населением",
]
SPACES = ["", " ", "  ", "\u00a0", "\u2009", "\t"]
WPML = re.compile(r"\[:[a-z]{0,3}\]")


def whitespace_normalised(text: str) -> str:
    return " ".join(text.split())


def clean_text(text: str) -> str:
    return clean(RawDocument(id="t", text=text)).text


# --- generated documents -------------------------------------------------------------------


@st.composite
def noisy_documents(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A document of boilerplate, filler and trigger sentences; and the trigger sentences."""
    triggers = draw(st.lists(st.sampled_from(TRIGGER_SENTENCES), min_size=1, max_size=4,
                             unique=True))
    pieces = draw(st.lists(st.sampled_from(NOISE_LINES + FILLER_SENTENCES), max_size=25))
    for sentence in triggers:
        pieces.insert(draw(st.integers(0, len(pieces))), sentence)
    lines = [draw(st.sampled_from(SPACES)) + piece + draw(st.sampled_from(SPACES))
             for piece in pieces]
    separators = [draw(st.sampled_from(["\n", "\n\n", "\r\n", " "])) for _ in lines]
    text = "".join(line + sep for line, sep in zip(lines, separators, strict=True))
    return text, triggers


# Arbitrary text from characters and fragments that exercise the rules.
TOKENS = (list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
               "АБВГДЕКМНОПРСТӘҚҢӨҰҮІ abcdefhiopxyø0123456789.,!?:-–«»\"'\n\u00a0\u2009[]")
          + ["[:ru]", "[:]", "Фото: ", "ПОДЕЛИТЬСЯ", "\n\n", "поручил", "Zakon.kz"])
arbitrary_text = st.lists(st.sampled_from(TOKENS), max_size=300).map("".join)

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(noisy_documents())
def test_clean_properties_idempotent_on_noisy_documents(document: tuple[str, list[str]]) -> None:
    once = clean_text(document[0])
    assert clean_text(once) == once


@FAST
@given(arbitrary_text)
def test_clean_properties_idempotent_on_arbitrary_text(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@FAST
@given(noisy_documents())
def test_clean_properties_keep_every_trigger_sentence(document: tuple[str, list[str]]) -> None:
    text, triggers = document
    out = whitespace_normalised(clean_text(text))
    for sentence in triggers:
        assert sentence in out


@FAST
@given(st.one_of(arbitrary_text, noisy_documents().map(lambda d: d[0])))
def test_clean_properties_no_nbsp_or_wpml_markers(text: str) -> None:
    out = clean_text(text)
    assert "\u00a0" not in out
    assert not WPML.search(out)
    assert "\r" not in out and "\t" not in out


# --- the five seeds ------------------------------------------------------------------------

SEED_NOISE = [
    "Курс валют", "Погода", "Алматы 10", "Шымкент 6", "ПОДЕЛИТЬСЯ", "Подписывайтесь",
    "Подпишитесь", "[:ru]", "[:]", "Фото:", "Фото: ", ": UGC", "Telegram арнамыздан",
    "Редакция Реклама", "Социальные сети", "Закладки", "jitsu gif", "Редактор региональных",
    "\u00a0", "АЛТЫНОРДА",
]
# The lead paragraph that some seeds print twice: its first words, expected once.
REPEATED_LEADS = {
    "002_c44650cce214e6b4": "Касым-Жомарт Токаев во время выступления на ХХХІІІ сессии",
    "004_df59e22b846d8d1a": "Жиын қорытындысы бойынша Елбасы бірқатар нақты тапсырма берді.",
}
SEED_SOURCES = {
    "000_b3e28092214210ab": "KAZ.NUR.KZ", "001_3c6421c29578b52a": "Akorda",
    "002_c44650cce214e6b4": "Tengrinews.kz", "003_6ce0b1e64e6d7d52": "Altyn-Orda.kz",
    "004_df59e22b846d8d1a": "Zakon.kz",
}
needs_shared = pytest.mark.skipif(not SEEDS_GOLD.exists(),
                                  reason="../shared is not beside the repo")


def gold_evidence() -> dict[str, list[str]]:
    if not SEEDS_GOLD.exists():
        return {}
    out: dict[str, list[str]] = {}
    for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[record["id"]] = [e for d in record["directives"] for e in d["evidence"]]
    return out


@pytest.fixture(scope="module")
def cleaned_seeds() -> dict[str, RawDocument]:
    return {doc.id: clean(doc) for doc in read_inputs([str(SEEDS)])}


@needs_shared
@pytest.mark.parametrize("seed_id,evidence", sorted(gold_evidence().items()))
def test_clean_seeds_keep_every_gold_evidence_sentence(cleaned_seeds, seed_id: str,
                                                       evidence: list[str]) -> None:
    text = whitespace_normalised(cleaned_seeds[seed_id].text)
    for sentence in evidence:
        assert whitespace_normalised(sentence) in text


@needs_shared
@pytest.mark.parametrize("seed_id", sorted(SEED_SOURCES))
def test_clean_seeds_lose_their_noise(cleaned_seeds, seed_id: str) -> None:
    text = cleaned_seeds[seed_id].text
    for noise in SEED_NOISE:
        assert noise not in text
    lines = text.split("\n\n")
    assert len(lines) == len(set(lines)), "a paragraph is repeated"
    if seed_id in REPEATED_LEADS:
        assert text.count(REPEATED_LEADS[seed_id]) == 1


@needs_shared
@pytest.mark.parametrize("seed_id,source", sorted(SEED_SOURCES.items()))
def test_clean_seeds_outlet(cleaned_seeds, seed_id: str, source: str) -> None:
    assert cleaned_seeds[seed_id].source == source


@needs_shared
def test_clean_seeds_titles(cleaned_seeds) -> None:
    titles = {seed_id: doc.title for seed_id, doc in cleaned_seeds.items()}
    assert titles["001_3c6421c29578b52a"] == '"В стране должен царить закон": Токаев - акимам'
    assert titles["002_c44650cce214e6b4"] == (
        '"Раз в два месяца". Токаев дал поручение областным акимам')
    assert titles["000_b3e28092214210ab"] is None


@needs_shared
def test_clean_seeds_are_idempotent(cleaned_seeds) -> None:
    for doc in cleaned_seeds.values():
        assert clean_text(doc.text) == doc.text
