"""NER evaluation: the KazNERD and factRuEval readers, exact-span scoring, batching."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from tapsyrma.evaluation import (
    Span,
    evaluate,
    format_report,
    predict,
    read_factrueval,
    read_kaznerd,
    score_spans,
)
from tapsyrma.records import Entity

SHARED = Path(__file__).resolve().parents[2] / "shared"
KAZNERD_VALID = SHARED / "data" / "kaznerd" / "IOB2_valid.txt"

KAZNERD = """\
Қасым-Жомарт B-PERSON
Тоқаев I-PERSON
Астанаға B-GPE
келді O
. O

Ұлттық B-ORGANISATION
банк I-ORGANISATION
Ертіс B-LOCATION
2024 B-DATE
жылы I-DATE
"""
KAZNERD_IDS = """\
AID1 O
Қасым-Жомарт B-PERSON
Тоқаев I-PERSON
Астанаға B-GPE
келді O
. O

BID22 O
Ұлттық B-ORGANISATION
банк I-ORGANISATION
Ертіс B-LOCATION
2024 B-DATE
жылы I-DATE

"""
KAZNERD_EXPECTED = [
    ("Қасым-Жомарт Тоқаев Астанаға келді .",
     [Span("PER", 0, 19), Span("LOC", 20, 28)]),
    ("Ұлттық банк Ертіс 2024 жылы", [Span("ORG", 0, 11), Span("LOC", 12, 17)]),
]

BOOK_TEXT = "Мэр Москвы Юрий Лужков посетил мэрию Москвы."
BOOK_SPANS = """\
1 loc_name 4 6 10 1  # 10 Москвы
2 name 11 4 11 1  # 11 Юрий
3 surname 16 6 12 1  # 12 Лужков
4 org_descr 31 5 14 1  # 14 мэрию
5 loc_name 37 6 15 1  # 15 Москвы
6 job 0 3 9 1  # 9 Мэр
"""
BOOK_OBJECTS = """\
100 LocOrg 1 # Москвы
101 Person 2 3 # Юрий Лужков
102 Org 4 5 # мэрию Москвы
103 LocOrg 5 # Москвы
104 Project 6 # Мэр
"""


@pytest.mark.parametrize("content", [KAZNERD, KAZNERD_IDS], ids=["plain", "with_sentID"])
def test_evaluation_read_kaznerd(tmp_path: Path, content: str) -> None:
    path = tmp_path / "iob2.txt"
    path.write_text(content, encoding="utf-8")
    items = list(read_kaznerd(path))
    assert items == KAZNERD_EXPECTED
    for text, spans in items:
        assert all(text[s.start:s.end].strip() == text[s.start:s.end] for s in spans)


def test_evaluation_read_kaznerd_stray_inside_tag(tmp_path: Path) -> None:
    path = tmp_path / "iob2.txt"
    path.write_text("Алматы I-GPE\nқаласы O\nАстана B-GPE\nАлматы I-PERSON\n", encoding="utf-8")
    [(text, spans)] = read_kaznerd(path)
    assert spans == [Span("LOC", 0, 6), Span("LOC", 14, 20), Span("PER", 21, 27)]


@pytest.fixture
def factrueval(tmp_path: Path) -> Path:
    for name, content in [("book_7.txt", BOOK_TEXT), ("book_7.spans", BOOK_SPANS),
                          ("book_7.objects", BOOK_OBJECTS), ("book_12.txt", "Пусто."),
                          ("book_12.spans", ""), ("book_12.objects", "")]:
        (tmp_path / name).write_text(content, encoding="utf-8")
    return tmp_path


def test_evaluation_read_factrueval_nested_and_multispan(factrueval: Path) -> None:
    items = list(read_factrueval(factrueval))
    assert [text for text, _ in items] == [BOOK_TEXT, "Пусто."]
    text, spans = items[0]
    assert spans == [Span("LOC", 4, 10), Span("PER", 11, 22), Span("ORG", 31, 43),
                     Span("LOC", 37, 43)]
    assert [text[s.start:s.end] for s in spans] == ["Москвы", "Юрий Лужков", "мэрию Москвы",
                                                     "Москвы"]
    assert items[1][1] == []


def test_evaluation_read_factrueval_gapped_mention(tmp_path: Path) -> None:
    (tmp_path / "book_1.txt").write_text("Юрий Михайлович Лужков", encoding="utf-8")
    (tmp_path / "book_1.spans").write_text("1 name 0 4 1 1  # 1 Юрий\n"
                                           "2 surname 16 6 3 1  # 3 Лужков\n", encoding="utf-8")
    (tmp_path / "book_1.objects").write_text("9 Person 2 1 # Лужков Юрий\n", encoding="utf-8")
    assert list(read_factrueval(tmp_path)) == [("Юрий Михайлович Лужков", [Span("PER", 0, 22)])]


PER, LOC, ORG = "PER", "LOC", "ORG"

SCORE_CASES = [
    # gold, pred, type, (precision, recall, f1)
    ([[Span(PER, 0, 5)]], [[Span(PER, 0, 5)]], "overall", (1.0, 1.0, 1.0)),
    ([[Span(PER, 0, 5)]], [[Span(PER, 0, 4)]], "overall", (0.0, 0.0, 0.0)),
    ([[Span(PER, 0, 5)]], [[Span(ORG, 0, 5)]], "PER", (0.0, 0.0, 0.0)),
    ([[Span(PER, 0, 5), Span(LOC, 6, 9)]], [[Span(PER, 0, 5)]], "overall", (1.0, 0.5, 0.6667)),
    ([[Span(PER, 0, 5)]], [[Span(PER, 0, 5), Span(LOC, 6, 9)]], "overall", (0.5, 1.0, 0.6667)),
    ([[Span(PER, 0, 5)]], [[Span(PER, 0, 5), Span(LOC, 6, 9)]], "LOC", (0.0, 0.0, 0.0)),
    # the same span in another document is not a match
    ([[Span(LOC, 0, 5)], []], [[], [Span(LOC, 0, 5)]], "LOC", (0.0, 0.0, 0.0)),
    # duplicates collapse; nested gold spans are scored separately
    ([[Span(ORG, 0, 12), Span(LOC, 6, 12)]], [[Span(LOC, 6, 12), Span(LOC, 6, 12)]], "overall",
     (1.0, 0.5, 0.6667)),
    # three documents, micro average over types
    ([[Span(PER, 0, 3)], [Span(LOC, 0, 3), Span(ORG, 4, 8)], [Span(ORG, 0, 2)]],
     [[Span(PER, 0, 3)], [Span(LOC, 0, 3), Span(ORG, 4, 7)], [Span(ORG, 0, 2), Span(PER, 3, 5)]],
     "overall", (0.6, 0.75, 0.6667)),
    ([[Span(PER, 0, 3)], [Span(LOC, 0, 3), Span(ORG, 4, 8)], [Span(ORG, 0, 2)]],
     [[Span(PER, 0, 3)], [Span(LOC, 0, 3), Span(ORG, 4, 7)], [Span(ORG, 0, 2), Span(PER, 3, 5)]],
     "ORG", (0.5, 0.5, 0.5)),
    # types outside PER/LOC/ORG are ignored
    ([[Span("DATE", 0, 4)]], [[Span("DATE", 0, 4)]], "overall", (0.0, 0.0, 0.0)),
    ([[]], [[]], "overall", (0.0, 0.0, 0.0)),
]


@pytest.mark.parametrize(("gold", "pred", "kind", "expected"), SCORE_CASES)
def test_evaluation_score_spans(gold: list, pred: list, kind: str,
                                expected: tuple[float, float, float]) -> None:
    s = score_spans(gold, pred)[kind]
    assert (s["precision"], s["recall"], s["f1"]) == pytest.approx(expected, abs=1e-4)


def test_evaluation_score_spans_counts() -> None:
    s = score_spans([[Span(PER, 0, 3), Span(LOC, 4, 6)]], [[Span(PER, 0, 3)]])
    assert (s["overall"]["gold"], s["overall"]["pred"], s["overall"]["tp"]) == (2, 1, 1)
    assert set(s) == {"PER", "LOC", "ORG", "overall"}


def capitalised(text: str, lang: str) -> list[Entity]:
    """A toy recogniser: every capitalised word is a LOC."""
    out, position = [], 0
    for word in text.split(" "):
        for piece in word.split("\n"):
            if piece[:1].isupper():
                out.append(Entity("LOC", piece, position, position + len(piece)))
            position += len(piece) + 1
    return out


def test_evaluation_batch_maps_spans_back() -> None:
    texts = ["Астана мен Алматы", "бүгін Ертіс", "", "Жаңа Орда"]
    single = predict(texts, "kk", capitalised, batch=1)
    assert single[0] == [Span("LOC", 0, 6), Span("LOC", 11, 17)]
    assert predict(texts, "kk", capitalised, batch=3) == single
    assert predict(texts, "kk", capitalised, batch=50) == single


def test_evaluation_batch_drops_spans_across_joins() -> None:
    def whole(text: str, lang: str) -> list[Entity]:
        return [Entity("ORG", text, 0, len(text))]

    assert predict(["аа", "бб"], "kk", whole, batch=2) == [[], []]


def test_evaluation_evaluate_and_report(tmp_path: Path) -> None:
    path = tmp_path / "iob2.txt"
    path.write_text(KAZNERD, encoding="utf-8")
    calls: list[str] = []

    def recognise(text: str, lang: str) -> list[Entity]:
        calls.append(lang)
        return capitalised(text, lang)

    result = evaluate("kaznerd", path, recognise)
    assert calls == ["kk"]  # both sentences in one batch
    assert result["documents"] == 2
    assert result["scores"]["LOC"]["tp"] == 2  # Астанаға and Ертіс
    lines = format_report(result).splitlines()
    assert lines[0].split() == ["type", "P", "R", "F1", "gold", "pred", "tp"]
    assert [line.split()[0] for line in lines[1:5]] == ["PER", "LOC", "ORG", "overall"]
    assert json.loads(lines[-1]) == result


def test_evaluation_evaluate_factrueval(factrueval: Path) -> None:
    result = evaluate("factrueval", factrueval, lambda text, lang: [])
    assert result["lang"] == "ru"
    assert result["scores"]["overall"]["gold"] == 4


def test_evaluation_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown corpus kind"):
        evaluate("conll", "x", lambda text, lang: [])


@pytest.mark.skipif(not KAZNERD_VALID.exists(), reason="shared KazNERD data missing")
def test_evaluation_kaznerd_valid_head_counts() -> None:
    items = list(islice(read_kaznerd(KAZNERD_VALID), 200))
    assert len(items) == 200
    counts = {t: sum(s.type == t for _, spans in items for s in spans) for t in (PER, LOC, ORG)}
    # the whole split has PER 1352, LOC 1897, ORG 759 in 11,167 sentences: ~24/34/14 per 200
    assert all(3 <= n <= 120 for n in counts.values()), counts
    assert 30 <= sum(counts.values()) <= 250, counts
    for text, spans in items:
        assert text and "  " not in text
        assert all(0 <= s.start < s.end <= len(text) for s in spans)
        assert all(text[s.start] != " " and text[s.end - 1] != " " for s in spans)
