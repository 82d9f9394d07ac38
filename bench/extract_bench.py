"""Speed and memory of `tapsyrma extract` on real news, against Natasha's full pipeline.

    python -m bench.extract_bench --shared ../shared [--docs 2000] [--baseline-docs 300]

The corpus is real news from ../shared: the 122 Russian factRuEval-2016 dev texts, the
KazNERD validation sentences (Kazakh TV news) grouped in input order into articles of 20
sentences, and the seed articles. The distinct documents are interleaved in proportion to
their sources, so any prefix is a fair sample, and repeated under new ids up to --docs.

Each measured run is one child process: wall time from spawn to exit (start-up and model
loading included) and its peak resident memory (ru_maxrss from os.wait4, i.e. the largest
of that child and the processes it waited for). Results go to stdout and bench/out/extract.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from tapsyrma.evaluation import read_kaznerd

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "extract.json"
ARTICLE_SENTENCES = 20
DEFAULT_DOCS = 2000
DEFAULT_BASELINE_DOCS = 300


@dataclass(frozen=True)
class BenchDoc:
    id: str
    text: str
    origin: str  # factrueval, kaznerd, seed
    sentences: int | None = None  # known for KazNERD articles only


@dataclass(frozen=True)
class Run:
    documents: int
    seconds: float
    peak_mb: float
    returncode: int
    error: str | None = None

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


# The corpus ------------------------------------------------------------------------------


def factrueval_docs(shared: Path) -> list[BenchDoc]:
    books = sorted((shared / "data" / "factrueval").glob("book_*.txt"),
                   key=lambda p: int(p.stem.split("_")[1]))
    return [BenchDoc(f"factrueval-{p.stem}", p.read_text(encoding="utf-8"), "factrueval")
            for p in books]


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for first in range(0, len(items), size):
        yield items[first:first + size]


def kaznerd_articles(shared: Path, size: int = ARTICLE_SENTENCES) -> list[BenchDoc]:
    sentences = [text for text, _ in read_kaznerd(shared / "data" / "kaznerd" / "IOB2_valid.txt")]
    return [BenchDoc(f"kaznerd-{n:04d}", " ".join(group), "kaznerd", len(group))
            for n, group in enumerate(_chunks(sentences, size))]


def seed_docs(shared: Path) -> list[BenchDoc]:
    return [BenchDoc(f"seed-{p.stem}", p.read_text(encoding="utf-8"), "seed")
            for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]


def interleave(*sources: list[BenchDoc]) -> list[BenchDoc]:
    """Merge the sources so that each is spread evenly along the result."""
    ranked = [((n + 0.5) / len(docs), k, doc)
              for k, docs in enumerate(sources) for n, doc in enumerate(docs)]
    return [doc for _, _, doc in sorted(ranked, key=lambda r: r[:2])]


def distinct_docs(shared: Path) -> list[BenchDoc]:
    return interleave(factrueval_docs(shared), kaznerd_articles(shared), seed_docs(shared))


def build_corpus(shared: Path, count: int = DEFAULT_DOCS) -> list[BenchDoc]:
    """`count` documents: the distinct ones in turn, repeats suffixed `~1`, `~2`, ..."""
    distinct = distinct_docs(shared)
    docs = []
    for n in range(count):
        doc, copy = distinct[n % len(distinct)], n // len(distinct)
        docs.append(doc if copy == 0 else BenchDoc(f"{doc.id}~{copy}", doc.text, doc.origin,
                                                   doc.sentences))
    return docs


def write_jsonl(docs: Sequence[BenchDoc], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps({"id": doc.id, "text": doc.text}, ensure_ascii=False) + "\n")
    return path


# Measuring one child process -------------------------------------------------------------


def measure(command: Sequence[str], documents: int) -> tuple[Run, str]:
    """Run `command` to its end; its wall time, peak memory and standard output."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        began = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - began
        child.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        error = _tail(stderr.read()) if child.returncode else None
        run = Run(documents, round(seconds, 3), round(usage.ru_maxrss / 1024, 1),
                  child.returncode, error)
        return run, stdout.read().decode("utf-8", "replace")


def _tail(data: bytes, lines: int = 5) -> str:
    return "\n".join(data.decode("utf-8", "replace").strip().splitlines()[-lines:])


def extract_command(path: Path) -> list[str]:
    """`tapsyrma extract`: the console script next to this Python, else `-m tapsyrma.cli`."""
    script = Path(sys.executable).parent / "tapsyrma"
    program = [str(script)] if script.exists() else [sys.executable, "-m", "tapsyrma.cli"]
    return [*program, "extract", str(path), "--format", "jsonl", "--out", os.devnull]


def baseline_command(path: Path) -> list[str]:
    return [sys.executable, "-m", "bench.extract_bench", "--natasha-worker", str(path)]


# The baseline, run inside its own child ---------------------------------------------------


def natasha_worker(path: Path) -> dict:
    """Natasha's full pipeline (segment, morphology, syntax, NER) over each document."""
    began = time.perf_counter()
    from natasha import (
        Doc,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    segmenter, morph = Segmenter(), NewsMorphTagger(emb)
    syntax, ner = NewsSyntaxParser(emb), NewsNERTagger(emb)
    loaded = time.perf_counter()
    count = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            doc = Doc(json.loads(line)["text"])
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            doc.tag_ner(ner)
            count += 1
    return {"documents": count, "load_seconds": round(loaded - began, 3),
            "process_seconds": round(time.perf_counter() - loaded, 3)}


def extrapolate(run: Run, inner: dict, documents: int) -> dict:
    """Wall time for `documents` docs: the subset's fixed cost plus its per-document cost."""
    per_doc = inner["process_seconds"] / max(inner["documents"], 1)
    fixed = run.seconds - inner["process_seconds"]
    seconds = fixed + per_doc * documents
    return {"documents": documents, "seconds": round(seconds, 3),
            "docs_per_second": round(documents / seconds, 2)}


# The report ------------------------------------------------------------------------------


def corpus_summary(docs: Sequence[BenchDoc]) -> dict:
    distinct = {doc.id.split("~")[0] for doc in docs}
    return {"documents": len(docs), "distinct": len(distinct),
            "by_origin": dict(Counter(doc.origin for doc in docs)),
            "characters": sum(len(doc.text) for doc in docs)}


def run_json(run: Run) -> dict:
    speed = None if run.returncode else round(run.docs_per_second, 2)
    return {**asdict(run), "docs_per_second": speed}


def speed_ratio(result: dict) -> float | None:
    extract, baseline = result.get("extract"), result.get("baseline")
    if not extract or not baseline or extract["returncode"] or baseline["returncode"]:
        return None
    base = baseline.get("extrapolated", baseline)["docs_per_second"]
    return round(extract["docs_per_second"] / base, 2) if base else None


def table(result: dict) -> str:
    rows = [f"{'run':<34}{'documents':>10}{'docs/s':>10}{'peak MB':>10}{'seconds':>10}"]
    for name in ("extract", "baseline"):
        run = result.get(name)
        if run:
            label = "tapsyrma extract" if name == "extract" else "natasha full pipeline"
            rows.append(_row(label, run))
            if "extrapolated" in run:
                rows.append(_row(f"  extrapolated to {run['extrapolated']['documents']} docs",
                                 {**run, **run["extrapolated"], "peak_mb": run["peak_mb"]}))
    return "\n".join(rows)


def _row(label: str, run: dict) -> str:
    speed = "failed" if run["returncode"] else f"{run['docs_per_second']:.2f}"
    return (f"{label:<34}{run['documents']:>10}{speed:>10}"
            f"{run['peak_mb']:>10.1f}{run['seconds']:>10.2f}")


def notes(result: dict) -> list[str]:
    corpus = result["corpus"]
    lines = [f"corpus: {corpus['documents']} documents ({corpus['distinct']} distinct), "
             f"{corpus['characters']:,} characters, by origin {corpus['by_origin']}"]
    baseline = result.get("baseline")
    if baseline and "extrapolated" in baseline:
        lines.append(f"baseline ran on the first {baseline['documents']} documents and was "
                     f"extrapolated per document (model loading "
                     f"{baseline['load_seconds']:.1f} s counted once); its peak memory is the "
                     f"subset's")
    for name in ("extract", "baseline"):
        if result.get(name, {}).get("error"):
            lines.append(f"{name} failed (exit {result[name]['returncode']}):\n"
                         f"{result[name]['error']}")
    ratio = result.get("ratio")
    lines.append(f"speed ratio extract/baseline: {ratio}x" if ratio else
                 "speed ratio extract/baseline: n/a")
    return lines


# Running it ------------------------------------------------------------------------------


def run_extract(corpus: Path, documents: int) -> dict:
    run, _ = measure(extract_command(corpus), documents)
    return run_json(run)


def run_baseline(docs: Sequence[BenchDoc], folder: Path, documents: int, total: int) -> dict:
    subset = write_jsonl(docs[:documents], folder / "baseline.jsonl")
    run, stdout = measure(baseline_command(subset), min(documents, len(docs)))
    out = run_json(run)
    if run.returncode == 0:
        inner = json.loads(stdout.strip().splitlines()[-1])
        out.update(inner)
        if run.documents < total:
            out["extrapolated"] = extrapolate(run, inner, total)
    return out


def bench(shared: Path, docs: int, baseline_docs: int, skip_baseline: bool) -> dict:
    corpus_docs = build_corpus(shared, docs)
    result: dict = {"corpus": corpus_summary(corpus_docs),
                    "machine": {"cpus": os.cpu_count(), "python": platform.python_version()}}
    with tempfile.TemporaryDirectory(prefix="tapsyrma-bench-") as tmp:
        corpus = write_jsonl(corpus_docs, Path(tmp) / "corpus.jsonl")
        result["command"] = " ".join(extract_command(corpus))
        result["extract"] = run_extract(corpus, docs)
        if not skip_baseline:
            result["baseline"] = run_baseline(corpus_docs, Path(tmp), baseline_docs, docs)
    result["ratio"] = speed_ratio(result)
    return result


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.extract_bench",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder (default: ../shared)")
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS,
                        help=f"corpus size, distinct documents repeated (default {DEFAULT_DOCS})")
    parser.add_argument("--baseline-docs", type=int, default=DEFAULT_BASELINE_DOCS,
                        help="documents for the Natasha baseline, extrapolated to --docs "
                             f"(default {DEFAULT_BASELINE_DOCS})")
    parser.add_argument("--skip-baseline", action="store_true", help="measure extract only")
    parser.add_argument("--out", type=Path, default=OUT, help="the JSON result file")
    parser.add_argument("--natasha-worker", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.natasha_worker:
        print(json.dumps(natasha_worker(args.natasha_worker)))
        return 0
    result = bench(args.shared.resolve(), args.docs, args.baseline_docs, args.skip_baseline)
    print(table(result))
    print("\n".join(notes(result)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")
    return 0 if all(result.get(k, {}).get("returncode", 0) == 0
                    for k in ("extract", "baseline")) else 1


if __name__ == "__main__":
    sys.exit(main())
