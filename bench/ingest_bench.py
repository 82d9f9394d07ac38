"""`make bench`, the registry half: ingest throughput, how the cost of one document changes
as the archive grows from 1,000 to 20,000 documents, and the time of filtered queries.

The corpus is synthetic but made of real sentences: Russian ones from factRuEval, Kazakh ones
from KazNERD, and the directive sentences of our tests, drawn into articles of 8–16 sentences
of one language, 50 a day, with one article in ten republished by a second outlet with a new
first line (a near-duplicate). Every article is distinct, so each goes the whole way:
extraction, LSH, keys, embeddings when there are candidates, merging, tracking.

    python -m bench.ingest_bench [--docs 20000] [--db URL]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from razdel import sentenize

from tapsyrma.evaluation import read_kaznerd
from tapsyrma.records import RawDocument
from tapsyrma.registry import ingest
from tapsyrma.registry.query import DirectiveFilter, find_directives
from tapsyrma.store import Store

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "ingest.json"
PER_DAY = 50
BLOCK = 1000
FIRST_DAY = date(2024, 1, 1)


def sentence_pools(shared: Path) -> dict[str, list[str]]:
    ru = [s.text for p in sorted((shared / "data" / "factrueval").glob("book_*.txt"))
          for s in sentenize(p.read_text(encoding="utf-8")) if len(s.text) > 40]
    kk = [text for name in ("IOB2_train.txt", "IOB2_valid.txt")
          if (shared / "data" / "kaznerd" / name).exists()
          for text, _ in read_kaznerd(shared / "data" / "kaznerd" / name) if len(text) > 40]
    return {"ru": ru, "kk": kk}


def directive_sentences() -> dict[str, list[str]]:
    out = {}
    for lang in ("ru", "kk"):
        path = ROOT / "tests" / "data" / f"directives_{lang}.jsonl"
        out[lang] = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    return out


def corpus(shared: Path, count: int, seed: int = 7) -> Iterator[RawDocument]:
    """`count` distinct articles, in publication order."""
    rng = random.Random(seed)
    pools, directives = sentence_pools(shared), directive_sentences()
    n = 0
    while n < count:
        lang = "kk" if rng.random() < 0.45 else "ru"
        body = rng.sample(pools[lang], rng.randint(8, 16))
        if rng.random() < 0.3:
            body.insert(rng.randint(0, len(body)), rng.choice(directives[lang]))
        day = FIRST_DAY + timedelta(days=n // PER_DAY)
        text = "\n\n".join(body)
        yield RawDocument(id=f"bench-{n:06d}", text=text, published=day, source="Bench")
        n += 1
        if n < count and rng.random() < 0.1:
            copy = "Источник: Bench\n\n" + text.replace("\n\n", "\n\n", 1)
            yield RawDocument(id=f"bench-{n:06d}", text=body[0].upper() + "\n\n" + copy,
                              published=day + timedelta(days=1), source="Mirror")
            n += 1


def run(shared: Path, count: int, url: str | None) -> dict:
    folder = tempfile.mkdtemp(prefix="tapsyrma-bench-")
    store = Store(url or f"{folder}/bench.db").open()
    stamps: list[float] = []
    started = time.perf_counter()
    summary = ingest(store, corpus(shared, count),
                     lambda _id, _outcome: stamps.append(time.perf_counter()))
    total = time.perf_counter() - started
    blocks = []
    previous = started
    for end in range(BLOCK, len(stamps) + 1, BLOCK):
        seconds = stamps[end - 1] - previous
        previous = stamps[end - 1]
        blocks.append({"documents": end, "ms_per_document": round(1000 * seconds / BLOCK, 1)})
    with store.session() as session:
        queries = {name: _timed(lambda w=where: find_directives(session, w, date(2026, 1, 1)))
                   for name, where in _queries().items()}
    store.close()
    return {
        "documents": len(stamps), "seconds": round(total, 1),
        "documents_per_second": round(len(stamps) / total, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "stored": summary.stored, "near_duplicates": summary.duplicates,
        "directives": summary.new_directives, "merged": summary.merged_directives,
        "reports": summary.reports, "followups": summary.followups,
        "per_document_by_archive_size": blocks,
        "queries_ms": queries, "database": store.display(),
    }


def _queries() -> dict[str, DirectiveFilter]:
    return {
        "issuer=president, since 2024-03-01": DirectiveFilter(issuer="president",
                                                              since=date(2024, 3, 1)),
        "region=turkistan": DirectiveFilter(region="turkistan"),
        "addressee=akims, topic=housing-utilities": DirectiveFilter(
            addressee="akims", topic="housing-utilities"),
        "text=школ*, lang=ru": DirectiveFilter(text="школ*", lang="ru"),
        "status=overdue": DirectiveFilter(status="overdue"),
    }


def _timed(call) -> dict:  # type: ignore[no-untyped-def]
    times, found = [], 0
    for _ in range(5):
        start = time.perf_counter()
        found = len(call())
        times.append(time.perf_counter() - start)
    return {"median_ms": round(1000 * statistics.median(times), 1), "directives": found}


def table(result: dict) -> str:
    blocks = result["per_document_by_archive_size"]
    lines = [f"ingest: {result['documents']} documents in {result['seconds']} s = "
             f"{result['documents_per_second']} docs/s, peak {result['peak_mb']} MB "
             f"({result['near_duplicates']} near-duplicates, {result['directives']} directives, "
             f"{result['merged']} merged sources)",
             "per-document cost as the archive grows:"]
    lines += [f"  {b['documents']:>6} documents: {b['ms_per_document']} ms" for b in blocks]
    if len(blocks) >= 2:
        lines.append(f"  last block / first block: "
                     f"{blocks[-1]['ms_per_document'] / blocks[0]['ms_per_document']:.2f}")
    lines.append("filtered queries on the result (median of 5):")
    lines += [f"  {name}: {q['median_ms']} ms, {q['directives']} directives"
              for name, q in result["queries_ms"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--db", help="a database URL (default: a new SQLite file)")
    args = parser.parse_args(argv)
    result = run(args.shared, args.docs, args.db)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(table(result))
    print(json.dumps(result, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
