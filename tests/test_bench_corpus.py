"""The benchmark corpus built from ../shared (nothing here is timed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.extract_bench import (
    ARTICLE_SENTENCES,
    BenchDoc,
    build_corpus,
    corpus_summary,
    interleave,
    write_jsonl,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"

pytestmark = pytest.mark.skipif(
    not (SHARED / "data" / "kaznerd" / "IOB2_valid.txt").exists()
    or not (SHARED / "data" / "factrueval").is_dir(),
    reason="shared data missing",
)


@pytest.fixture(scope="module")
def corpus() -> list[BenchDoc]:
    return build_corpus(SHARED, 50)


def test_bench_corpus_ids_unique_and_texts(corpus: list[BenchDoc]) -> None:
    assert len(corpus) == 50
    assert len({doc.id for doc in corpus}) == 50
    assert all(doc.text.strip() for doc in corpus)


def test_bench_corpus_mixes_languages(corpus: list[BenchDoc]) -> None:
    origins = {doc.origin for doc in corpus}
    assert {"kaznerd", "factrueval"} <= origins


def test_bench_corpus_kazakh_articles(corpus: list[BenchDoc]) -> None:
    articles = [doc for doc in corpus if doc.origin == "kaznerd"]
    assert articles
    assert all(doc.sentences == ARTICLE_SENTENCES for doc in articles)
    # sentences come detokenised: most end with a spaced full stop
    assert all(15 <= doc.text.count(" .") <= 25 for doc in articles)


def test_bench_corpus_repeats_get_new_ids(tmp_path: Path) -> None:
    docs = [BenchDoc(f"d{n}", f"text {n}", "seed") for n in range(3)]
    mixed = interleave(docs, [BenchDoc("k0", "мәтін", "kaznerd")])
    assert [doc.id for doc in mixed] == ["d0", "d1", "k0", "d2"]
    path = write_jsonl(mixed, tmp_path / "corpus.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[2] == {"id": "k0", "text": "мәтін"}


def test_bench_corpus_full_size_counts() -> None:
    summary = corpus_summary(build_corpus(SHARED, 2000))
    assert summary["documents"] == 2000
    assert 680 <= summary["distinct"] <= 690
    assert summary["by_origin"]["seed"] >= 5
