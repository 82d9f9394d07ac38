"""`make score`: every labelled set, scored with the scorers of ../shared/eval.

    python -m bench.score --shared ../shared [--texts /tmp/real-texts] [--news-dev /tmp/news-dev]

Sets whose text this repository holds (the seeds, kaznerd-dev, our written held-out sets)
are always scored. Real pages are kept as pointers (manifest + packed gold): a set is scored
when its texts have been fetched (DEVELOPERS.md, "Real news") — `../shared/eval/news-dev`
unpacked under --news-dev, our sets in `tests/data/real/<set>` with their texts under
--texts/<set> — and otherwise skipped with a line saying so. A set is scored by its kind:
directives (`extract`), stories or follow-ups (`ingest` into a database of its own).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TAPSYRMA = [sys.executable, "-m", "tapsyrma.cli"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--texts", default="/tmp/real-texts")
    parser.add_argument("--news-dev", default="/tmp/news-dev")
    args = parser.parse_args()
    shared = Path(args.shared)
    eval_dir = shared / "eval"
    written = [("seeds", shared / "corpus" / "seeds", eval_dir / "seeds-gold.jsonl"),
               ("kaznerd-dev", eval_dir / "kaznerd-dev" / "input.jsonl",
                eval_dir / "kaznerd-dev" / "gold.jsonl"),
               ("heldout (written to order)", ROOT / "tests/data/heldout/input.jsonl",
                ROOT / "tests/data/heldout/gold.jsonl"),
               ("heldout2 (written to order)",  # its pages, not the gold beside them
                sorted(p for p in (ROOT / "tests/data/heldout2").iterdir()
                       if p.name != "gold.jsonl"),
                ROOT / "tests/data/heldout2/gold.jsonl")]
    for name, inputs, gold in written:
        score(name, "directives", inputs, gold, eval_dir)
    registry = ROOT / "tests/data/registry-heldout"
    for kind in ("stories", "followups"):
        score(f"registry-heldout {kind} (written to order)", kind, registry / "input.jsonl",
              registry / f"{kind}-gold.jsonl", eval_dir)
    for kind in ("directives", "stories", "followups"):
        unpacked = Path(args.news_dev) / kind
        if (unpacked / "gold.jsonl").exists():
            score(f"news-dev/{kind}", kind, unpacked / "docs", unpacked / "gold.jsonl", eval_dir)
        else:
            print(f"news-dev/{kind}: texts not fetched to {unpacked}, not scored")
    for packed in sorted((ROOT / "tests/data/real").iterdir()):
        texts = Path(args.texts) / packed.name
        if not texts.is_dir():
            print(f"real/{packed.name}: texts not fetched to {texts}, not scored")
            continue
        out = Path(tempfile.mkdtemp(prefix=f"tapsyrma-{packed.name}-"))
        subprocess.run([sys.executable, str(shared / "tools/texts.py"), "unpack", str(packed),
                        str(texts), str(out)], check=True, stdout=subprocess.DEVNULL)
        kind = next(k for k in ("directives", "stories", "followups") if packed.name.startswith(k))
        score(f"real/{packed.name}", kind, out / "docs", out / "gold.jsonl", eval_dir)
    return 0


def score(name: str, kind: str, inputs: Path | list[Path], gold: Path, eval_dir: Path) -> None:
    """One set: its run and the scorer's summary lines."""
    print(f"== {name}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="tapsyrma-score-"))
    pred = work / "pred.jsonl"
    paths = [str(p) for p in inputs] if isinstance(inputs, list) else [str(inputs)]
    if kind == "directives":
        run([*TAPSYRMA, "extract", *paths, "--format", "jsonl", "--out", str(pred)])
        scorer = "score_directives.py"
    else:
        db = str(work / "registry.db")
        run([*TAPSYRMA, "ingest", "--quiet", "--db", db, *paths])
        command = "stories" if kind == "stories" else "directives"
        run([*TAPSYRMA, command, "--db", db, "--format", "jsonl", "--out", str(pred)])
        scorer = "score_stories.py" if kind == "stories" else "score_followups.py"
    subprocess.run([sys.executable, str(eval_dir / scorer), str(gold), str(pred)], check=False)


def run(command: list[str]) -> None:
    """A step whose document errors are reported on stderr; the scoring goes on."""
    subprocess.run(command, check=False, cwd=ROOT, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit(main())
