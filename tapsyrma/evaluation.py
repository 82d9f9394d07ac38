"""NER evaluation on held-out gold: KazNERD (Kazakh) and factRuEval-2016 (Russian).

Both corpora are mapped to the product's three types (PER, LOC, ORG) as their READMEs in
../shared/data describe, and scored on exact spans: a predicted entity counts when its
(document, type, start, end) is in the gold set.

    result = evaluate("kaznerd", "../shared/data/kaznerd/IOB2_valid.txt", recognise)
    print(format_report(result))
"""

from __future__ import annotations

import json
import re
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from tapsyrma.records import Entity

TYPES = ("PER", "LOC", "ORG")

KAZNERD_TYPES = {"PERSON": "PER", "GPE": "LOC", "LOCATION": "LOC", "ORGANISATION": "ORG"}
FACTRUEVAL_TYPES = {"Person": "PER", "Location": "LOC", "LocOrg": "LOC", "Org": "ORG"}
KIND_LANG = {"kaznerd": "kk", "factrueval": "ru"}

SENTENCE_ID = re.compile(r"^[A-Z]+\d+$")  # `AID283875 O` heads each sentence in with_sentID
BATCH_SIZE = 50  # sentences joined into one text per recogniser call

Recognise = Callable[[str, str], list[Entity]]


class Span(NamedTuple):
    type: str
    start: int
    end: int


Item = tuple[str, list[Span]]


# KazNERD ----------------------------------------------------------------------------------


def _kaznerd_blocks(path: str | Path) -> Iterator[list[tuple[str, str]]]:
    """Yield each sentence as its (token, tag) lines."""
    block: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if parts:
                block.append((" ".join(parts[:-1]), parts[-1]))
            elif block:
                yield block
                block = []
    if block:
        yield block


def _has_sentence_ids(block: list[tuple[str, str]]) -> bool:
    token, tag = block[0]
    return tag == "O" and bool(SENTENCE_ID.match(token))


def _iob_spans(tags: Sequence[str], offsets: Sequence[tuple[int, int]]) -> list[Span]:
    """IOB2 tags over tokens → mapped spans; an I- without its B- opens a new span."""
    spans: list[Span] = []
    label, start, end = None, 0, 0
    for tag, (tok_start, tok_end) in zip(tags, offsets, strict=True):
        if tag.startswith("I-") and tag[2:] == label:
            end = tok_end
            continue
        if label is not None and label in KAZNERD_TYPES:
            spans.append(Span(KAZNERD_TYPES[label], start, end))
        label = tag[2:] if tag != "O" else None
        start, end = tok_start, tok_end
    if label is not None and label in KAZNERD_TYPES:
        spans.append(Span(KAZNERD_TYPES[label], start, end))
    return spans


def detokenise(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens with one space; return the text and each token's (start, end)."""
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(tokens), offsets


def read_kaznerd(path: str | Path) -> Iterator[Item]:
    """Yield (sentence text, gold spans) for each sentence of a KazNERD IOB2 file.

    Both variants are read: the plain one and `with_sentID`, whose sentences start with an
    `<ID> O` line (detected on the first sentence, then skipped in every sentence).
    """
    skip: int | None = None
    for block in _kaznerd_blocks(path):
        if skip is None:
            skip = int(_has_sentence_ids(block))
        tokens, tags = zip(*block[skip:], strict=True) if block[skip:] else ((), ())
        text, offsets = detokenise(tokens)
        yield text, _iob_spans(tags, offsets)


# factRuEval-2016 --------------------------------------------------------------------------


def _fields(path: Path) -> Iterator[list[str]]:
    """The whitespace-split fields of each non-empty line, before any `#` comment."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            fields = line.split("#", 1)[0].split()
            if fields:
                yield fields


def _factrueval_spans(path: Path) -> dict[str, tuple[int, int]]:
    return {f[0]: (int(f[2]), int(f[2]) + int(f[3])) for f in _fields(path)}


def _factrueval_mentions(book: Path) -> list[Span]:
    spans = _factrueval_spans(book.with_suffix(".spans"))
    mentions = []
    for _mention, kind, *span_ids in _fields(book.with_suffix(".objects")):
        if kind in FACTRUEVAL_TYPES:
            extents = [spans[span_id] for span_id in span_ids]
            start, end = min(s for s, _ in extents), max(e for _, e in extents)
            mentions.append(Span(FACTRUEVAL_TYPES[kind], start, end))
    return mentions


def _book_number(path: Path) -> int:
    return int(path.stem.split("_")[-1])


def read_factrueval(folder: str | Path) -> Iterator[Item]:
    """Yield (text, gold mentions) for each `book_N` of a factRuEval-2016 folder, by N.

    A mention's extent runs from the first start to the last end of its spans (gaps included).
    Mentions are nested (`мэрии Москвы` is an Org holding the LocOrg `Москвы`) and all are
    kept, so a flat tagger cannot reach full recall; duplicates collapse when scored as sets.

    The official track-1 evaluator (`scripts/t1_eval.py` upstream, not copied here) scores
    differently: it matches answers to gold mentions as sets of tokens rather than character
    offsets, gives partial credit for partial overlaps and pairs mentions one to one, so a
    nested inner mention is not double-counted the way it is here. Exact-span set scoring is
    stricter; its figures are not comparable with the shared-task tables.
    """
    for txt in sorted(Path(folder).glob("book_*.txt"), key=_book_number):
        text = txt.read_text(encoding="utf-8")
        yield text, _factrueval_mentions(txt)


# Scoring ----------------------------------------------------------------------------------

Key = tuple[int, str, int, int]


def _keys(documents: Iterable[Iterable[Span]]) -> set[Key]:
    return {(index, s.type, s.start, s.end)
            for index, spans in enumerate(documents) for s in spans if s.type in TYPES}


def _prf(gold: set[Key], pred: set[Key]) -> dict[str, float | int]:
    """Precision, recall, F1 (0.0 when a denominator is empty) and the counts."""
    tp = len(gold & pred)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "gold": len(gold), "pred": len(pred), "tp": tp}


def score_spans(gold: Sequence[Iterable[Span]], pred: Sequence[Iterable[Span]]) -> dict:
    """Exact-span P/R/F1 per type and micro `overall`, given per-document span lists.

    Spans are compared as sets of (document index, type, start, end); types other than
    PER, LOC and ORG are ignored.
    """
    gold_keys, pred_keys = _keys(gold), _keys(pred)
    scores = {t: _prf({k for k in gold_keys if k[1] == t}, {k for k in pred_keys if k[1] == t})
              for t in TYPES}
    scores["overall"] = _prf(gold_keys, pred_keys)
    return scores


# Running a recogniser ---------------------------------------------------------------------


def _as_spans(entities: Iterable[Entity]) -> list[Span]:
    return [Span(e.type, e.start, e.end) for e in entities]


def _batches(texts: Sequence[str], size: int) -> Iterator[list[str]]:
    for first in range(0, len(texts), size):
        yield list(texts[first:first + size])


def _starts(texts: Sequence[str]) -> list[int]:
    """Where each text begins once the texts are joined with "\\n"."""
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    return starts


def _split_back(spans: list[Span], texts: Sequence[str]) -> list[list[Span]]:
    """Map spans over the joined texts back to each text; spans across a join are dropped."""
    starts = _starts(texts)
    out: list[list[Span]] = [[] for _ in texts]
    for span in spans:
        index = bisect_right(starts, span.start) - 1
        start = starts[index]
        if index >= 0 and span.end <= start + len(texts[index]):
            out[index].append(Span(span.type, span.start - start, span.end - start))
    return out


def predict(texts: Sequence[str], lang: str, recognise: Recognise, batch: int = 1) -> list[
        list[Span]]:
    """Run the recogniser over the texts, `batch` texts joined by "\\n" per call."""
    if batch <= 1:
        return [_as_spans(recognise(text, lang)) for text in texts]
    out: list[list[Span]] = []
    for group in _batches(texts, batch):
        out.extend(_split_back(_as_spans(recognise("\n".join(group), lang)), group))
    return out


def read(kind: str, path: str | Path) -> list[Item]:
    """The gold items of a corpus: `kaznerd` (an IOB2 file) or `factrueval` (a folder)."""
    if kind == "kaznerd":
        return list(read_kaznerd(path))
    if kind == "factrueval":
        return list(read_factrueval(path))
    raise ValueError(f"unknown corpus kind {kind!r}: expected one of {sorted(KIND_LANG)}")


def evaluate(kind: str, path: str | Path, recognise: Recognise,
             batch: int | None = None) -> dict:
    """Score `recognise(text, lang)` on a gold corpus; returns counts, scores and timing.

    `batch` texts are joined per recogniser call (default: BATCH_SIZE sentences for KazNERD,
    whole documents one by one for factRuEval).
    """
    items = read(kind, path)
    texts = [text for text, _ in items]
    size = batch if batch is not None else (BATCH_SIZE if kind == "kaznerd" else 1)
    began = time.perf_counter()
    pred = predict(texts, KIND_LANG[kind], recognise, size)
    seconds = time.perf_counter() - began
    return {"kind": kind, "path": str(path), "lang": KIND_LANG[kind], "documents": len(items),
            "batch": size, "seconds": round(seconds, 3),
            "scores": score_spans([spans for _, spans in items], pred)}


def format_report(result: dict) -> str:
    """An aligned P/R/F1 table per type, then the whole result as one line of JSON."""
    header = f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}{'tp':>8}"
    rows = [header]
    for name, s in result["scores"].items():
        rows.append(f"{name:<8}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                    f"{s['gold']:>8}{s['pred']:>8}{s['tp']:>8}")
    rows.append(json.dumps(result, ensure_ascii=False))
    return "\n".join(rows)
