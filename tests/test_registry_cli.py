"""End-to-end runs of the registry commands, as a user types them."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from bench.extract_bench import distinct_docs
from tapsyrma.cli import main
from tapsyrma.store import Store
from tapsyrma.store.models import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
TRACKING = Path(__file__).parent / "data" / "registry" / "tracking.jsonl"
SCORE_STORIES = SHARED / "eval" / "score_stories.py"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "registry.db")
    code, out, _ = run(capsys, "ingest", "--db", path, str(SEEDS), str(TRACKING))
    assert code == 0 and out.startswith("9 documents stored")
    return path


def test_directives_jsonl_follows_the_contract(db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "directives", "--db", db, "--format", "jsonl",
                       "--as-of", "2026-01-15")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) >= 15
    for line in lines:
        assert line["id"].startswith("d-") and line["story"].startswith("s-")
        assert {"given", "issuer", "addressees", "action", "kind", "topic", "deadline",
                "recurrence", "status", "status_by", "sources", "followups"} <= set(line)
        assert line["status"] in {"open", "in-progress", "done", "overdue", "unknown"}
        for source in line["sources"]:
            assert {"document", "sentence", "start", "end"} <= set(source)
    done = [x for x in lines if x["followups"]]
    assert [x["status"] for x in done] == ["done"]


def test_stories_jsonl_is_what_the_story_scorer_reads(db: str, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "stories", "--db", db, "--format", "jsonl")
    assert code == 0
    stories = [json.loads(line) for line in out.splitlines()]
    assert all(set(s) >= {"id", "title", "languages", "documents", "directives"}
               for s in stories)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"story": "g1", "docs": ["dir-ru", "dir-kk"]}) + "\n"
                    + json.dumps({"story": "g2", "docs": ["rep-ru"]}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(out)
    scored = subprocess.run([sys.executable, str(SCORE_STORIES), str(gold), str(pred),
                             "--json"], capture_output=True, text=True, check=True)
    assert json.loads(scored.stdout)["pair_f1"] == 1.0


def test_filters_show_review_and_export(db: str, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "directives", "--db", db, "--region", "turkistan",
                       "--format", "jsonl")
    [line] = [json.loads(x) for x in out.splitlines()]
    key = line["id"]
    code, out, _ = run(capsys, "show", "--db", db, key)
    assert code == 0 and "dir-ru" in out and "dir-kk" in out and "rep-ru" in out
    code, out, _ = run(capsys, "review", "--db", db, key, "--by", "Aruzhan", "--status",
                       "in-progress", "--note", "two schools not yet open")
    assert code == 0 and "status by Aruzhan" in out
    code, out, _ = run(capsys, "review", "--db", db, key, "--by", "Aruzhan", "--set",
                       "deadline_date=2026-09-01")
    assert code == 0
    code, out, _ = run(capsys, "directives", "--db", db, "--status", "in-progress",
                       "--format", "csv")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["id"] == key and row["status_by"] == "review" and row["deadline"] == "2026-09-01"
    audit = tmp_path / "audit.csv"
    code, _, _ = run(capsys, "export", "audit", "--db", db, "--format", "csv",
                     "--out", str(audit))
    rows = list(csv.DictReader(audit.open(encoding="utf-8")))
    assert [(r["who"], r["action"]) for r in rows] == [("Aruzhan", "status"), ("Aruzhan", "edit")]
    assert json.loads(rows[1]["after"]) == {"deadline_date": "2026-09-01"}
    code, out, _ = run(capsys, "export", "directives", "--db", db)
    assert len(out.splitlines()) >= 15
    code, out, _ = run(capsys, "directives", "--db", db)
    assert code == 0 and key in out and "(review)" in out


def test_review_errors_are_clear(db: str, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "review", "--db", db, "d-999999", "--by", "A", "--confirm")
    assert code == 1 and "no directive d-999999" in err
    code, _, err = run(capsys, "review", "--db", db, "d-1", "--by", "A", "--set", "colour=red")
    assert code == 1 and "'colour' cannot be edited" in err
    code, _, err = run(capsys, "show", "--db", db, "x-1")
    assert code == 1 and "not a d- id" in err


def test_ingest_names_bad_inputs_and_keeps_going(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "one.txt").write_text((SEEDS / "002_c44650cce214e6b4.txt").read_text())
    code, out, err = run(capsys, "ingest", "--db", str(tmp_path / "r.db"), str(tmp_path))
    assert code == 1 and "notes.pdf" in err and out.startswith("1 documents stored")


def test_migrate_creates_and_then_has_nothing_to_do(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "new.db")
    assert run(capsys, "migrate", "--db", path)[1].endswith("schema empty → 0002\n")
    assert run(capsys, "migrate", "--db", path)[1].endswith("schema 0002 → 0002\n")


def test_the_database_can_come_from_the_environment(tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                    monkeypatch) -> None:
    monkeypatch.setenv("TAPSYRMA_DB", str(tmp_path / "env.db"))
    assert run(capsys, "ingest", "--quiet", str(TRACKING))[0] == 0
    assert (tmp_path / "env.db").exists()


def stored(url: str) -> list[str]:
    store = Store(url)
    try:
        with store.session() as session:
            return list(session.scalars(select(Document.doc_id)))
    except Exception:  # the schema is not there yet
        return []
    finally:
        store.close()


def test_a_killed_ingest_resumes_and_stores_every_document_once(database_url: str,
                                                                 tmp_path: Path) -> None:
    docs = distinct_docs(SHARED)[:40]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text, "published":
                                          f"2025-03-{1 + n % 28:02d}"}, ensure_ascii=False)
                              + "\n" for n, d in enumerate(docs)), encoding="utf-8")
    command = [sys.executable, "-m", "tapsyrma.cli", "ingest", "--quiet", "--db",
               database_url, str(corpus)]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env=os.environ | {"PYTHONPATH": str(Path.cwd())})
    deadline = time.monotonic() + 300
    while len(stored(database_url)) < 8 and child.poll() is None:
        assert time.monotonic() < deadline, "the ingest stored nothing in five minutes"
        time.sleep(0.2)
    assert child.poll() is None, "the ingest ended before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    first = stored(database_url)
    assert 8 <= len(first) < len(docs)
    subprocess.run(command, check=True, capture_output=True)
    after = stored(database_url)
    assert sorted(after) == sorted(d.id for d in docs)
    assert set(first) <= set(after)


def test_two_pages_with_one_file_name_are_two_documents(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`index.txt` of two folders: both stored, the second under an id of its own, said on
    stderr; a rerun stores nothing again."""
    for folder, seed in (("a", "002_c44650cce214e6b4"), ("b", "003_6ce0b1e64e6d7d52")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text((SEEDS / f"{seed}.txt").read_text())
    db = str(tmp_path / "r.db")
    code, out, err = run(capsys, "ingest", "--quiet", "--db", db, str(tmp_path / "a"),
                         str(tmp_path / "b"))
    assert code == 0 and out.startswith("2 documents stored")
    assert "index: another stored document has this id; this one is stored as index@" in err
    code, out, _ = run(capsys, "ingest", "--quiet", "--db", db, str(tmp_path / "a"),
                       str(tmp_path / "b"))
    assert code == 0 and out.startswith("0 documents stored") and "2 already stored" in out
    code, out, _ = run(capsys, "stories", "--db", db, "--format", "jsonl")
    ids = {d for line in out.splitlines() for d in json.loads(line)["documents"]}
    assert "index" in ids and any(i.startswith("index@") for i in ids)
