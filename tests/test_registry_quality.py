"""Story grouping and follow-up linking measured on our labelled sets, with the shared
scorers. The floors sit a little under the measured figures and only go up."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType

import pytest

from tapsyrma.cli import main

DATA = Path(__file__).parent / "data"
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

# (input, stories gold, follow-ups gold, story pair-F1 floor, link-F1 floor)
# The stories floor went down once, from 0.92 to 0.85, when grouping stopped chaining: on
# real pages pair F1 rose from 0.08 to 0.69 (README), and these articles written to order
# had overstated it.
SETS = {
    "stories": (DATA / "stories" / "input.jsonl", DATA / "stories" / "gold.jsonl", None,
                0.85, None),
    "followups": (DATA / "followups" / "input.jsonl", None, DATA / "followups" / "gold.jsonl",
                  None, 0.93),
    "registry-heldout": (DATA / "registry-heldout" / "input.jsonl",
                         DATA / "registry-heldout" / "stories-gold.jsonl",
                         DATA / "registry-heldout" / "followups-gold.jsonl", 0.82, 0.70),
}


def scorer(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EVAL / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(name: str, gold: Path, pred: Path) -> dict:
    out = io.StringIO()
    argv = sys.argv
    sys.argv = [name, str(gold), str(pred), "--json"]
    try:
        with redirect_stdout(out):
            scorer(name).main()
    finally:
        sys.argv = argv
    return json.loads(out.getvalue())


@pytest.mark.parametrize("name", SETS)
def test_labelled_set(name: str, tmp_path: Path) -> None:
    source, stories_gold, followups_gold, story_floor, link_floor = SETS[name]
    db = str(tmp_path / "registry.db")
    assert main(["ingest", "--quiet", "--db", db, str(source)]) == 0
    if stories_gold:
        pred = tmp_path / "stories.jsonl"
        assert main(["stories", "--db", db, "--format", "jsonl", "--out", str(pred)]) == 0
        result = score("score_stories", stories_gold, pred)
        assert result["pair_f1"] >= story_floor, result
    if followups_gold:
        pred = tmp_path / "directives.jsonl"
        assert main(["directives", "--db", db, "--format", "jsonl", "--out", str(pred)]) == 0
        result = score("score_followups", followups_gold, pred)
        assert result["link_f1"] >= link_floor, result
        assert result["status_acc"] >= 0.9, result
