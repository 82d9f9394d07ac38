"""How well language detection does on short sentences of both languages.

    python -m bench.language_eval --shared ../shared

Kazakh sentences come from KazNERD, Russian ones from factRuEval; each is scored by
`tapsyrma.language.detect` (lingua alone) and by `sentence_language` (the pipeline's rule:
Kazakh letters first, lingua for the rest), bucketed by length in words.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from razdel import sentenize

from tapsyrma.evaluation import read_kaznerd
from tapsyrma.language import detect, sentence_language

BUCKETS = ((1, 3), (4, 6), (7, 10), (11, 1000))
PER_LANGUAGE = 3000


def kazakh_sentences(shared: Path) -> Iterator[str]:
    for text, _ in read_kaznerd(shared / "data" / "kaznerd" / "IOB2_valid.txt"):
        yield text


def russian_sentences(shared: Path) -> Iterator[str]:
    for path in sorted((shared / "data" / "factrueval").glob("*.txt")):
        for s in sentenize(path.read_text(encoding="utf-8")):
            yield s.text


def bucket(text: str) -> str:
    n = len(text.split())
    low, high = next(b for b in BUCKETS if b[0] <= n <= b[1])
    return f"{low}-{high}" if high < 1000 else f"{low}+"


def evaluate(shared: Path) -> dict:
    counts: dict = defaultdict(lambda: [0, 0, 0])  # (lang, bucket) -> total, lingua, pipeline
    for lang, sentences in (("kk", kazakh_sentences(shared)), ("ru", russian_sentences(shared))):
        for n, text in enumerate(sentences):
            if n >= PER_LANGUAGE:
                break
            row = counts[(lang, bucket(text))]
            row[0] += 1
            row[1] += detect(text) == lang
            row[2] += sentence_language(text, None) == lang
    return {f"{lang} {b}": {"sentences": t, "lingua": round(a / t, 3), "pipeline": round(p / t, 3)}
            for (lang, b), (t, a, p) in sorted(counts.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default="../shared")
    result = evaluate(Path(parser.parse_args().shared))
    for key, row in result.items():
        print(f"{key:10} {row['sentences']:6} lingua {row['lingua']:.3f} "
              f"pipeline {row['pipeline']:.3f}")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
