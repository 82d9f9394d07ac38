"""End-to-end runs of `tapsyrma extract` through its console entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOOD = ("Президент поручил Правительству до конца года принять меры по снижению цен "
        "на социально значимые продукты.")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tapsyrma.cli", *args], input=stdin,
                          capture_output=True, timeout=600)


def lines(result: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(x) for x in result.stdout.decode().splitlines() if x.strip()]


@pytest.fixture(scope="module")
def seeds_output() -> list[dict]:
    result = run("extract", str(SEEDS), "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    return lines(result)


def test_cli_extract_seeds_contract_shape(seeds_output: list[dict]) -> None:
    assert [d["id"] for d in seeds_output] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for doc in seeds_output:
        assert {"id", "path", "lang", "title", "source", "published", "text", "entities",
                "directives"} <= doc.keys()
        for e in doc["entities"]:
            assert doc["text"][e["start"]:e["end"]] == e["text"]
            assert e["type"] in ("PER", "LOC", "ORG")
        for d in doc["directives"]:
            assert doc["text"][d["start"]:d["end"]] == d["sentence"]
            assert d["kind"] in ("instruction", "demand", "task", "prohibition",
                                 "recommendation")
            assert {"id", "name"} <= d["issuer"].keys()


def test_cli_extract_output_is_utf8_not_escaped(seeds_output: list[dict]) -> None:
    result = run("extract", str(SEEDS / "000_b3e28092214210ab.txt"), "--format", "jsonl")
    assert "\\u04" not in result.stdout.decode()
    assert "Тоқаев" in result.stdout.decode()


def test_cli_extract_out_file_and_human_format(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", str(SEEDS / "002_c44650cce214e6b4.txt"), "--format", "jsonl",
                 "--out", str(out))
    assert result.returncode == 0 and result.stdout == b""
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "002_c44650cce214e6b4"
    human = run("extract", str(SEEDS / "002_c44650cce214e6b4.txt")).stdout.decode()
    assert "002_c44650cce214e6b4" in human and "instruction" in human


def test_cli_extract_stdin_and_jsonl(tmp_path: Path) -> None:
    result = run("extract", "-", "--format", "jsonl", stdin=GOOD.encode())
    assert result.returncode == 0
    [doc] = lines(result)
    assert doc["lang"] == "ru" and doc["directives"][0]["addressees"][0]["id"] == "government"
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "a", "text": GOOD, "published": "2023-05-10", "source": "Test"},
        {"id": "b", "html": f"<html><body><article><p>{GOOD}</p></article></body></html>"},
    ]), encoding="utf-8")
    docs = lines(run("extract", str(feed), "--format", "jsonl"))
    assert [d["id"] for d in docs] == ["a", "b"]
    assert docs[0]["published"] == "2023-05-10" and docs[0]["source"] == "Test"
    assert docs[0]["directives"][0]["deadline"]["date"] == "2023-12-31"


BAD_INPUTS = {
    "binary.txt": b"\x00\x01\x02\x03binary\x00" * 50,
    "empty.txt": b"",
    "noise.txt": "ПОДЕЛИТЬСЯ\n[:ru]\n[:]\n".encode(),
    "latin1.txt": bytes(range(0x80, 0x100)) * 20,
    "data.pdf": b"%PDF-1.4",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_cli_bad_input_is_named_and_the_batch_goes_on(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(BAD_INPUTS[name])
    (tmp_path / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and name in errors[0]
    assert [d["id"] for d in lines(result)] == ["zz_good"]


def test_cli_cp1251_document_is_read(tmp_path: Path) -> None:
    (tmp_path / "legacy.txt").write_bytes(GOOD.encode("cp1251"))
    result = run("extract", str(tmp_path / "legacy.txt"), "--format", "jsonl")
    assert result.returncode == 0
    assert lines(result)[0]["text"].startswith("Президент поручил")


def test_cli_missing_file_and_oversize(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(("Текст новости. " * 600_000).encode())
    result = run("extract", str(tmp_path / "missing.txt"), str(big), "--format", "jsonl")
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "missing.txt" in err and "big.txt" in err


def test_cli_help_documents_every_command() -> None:
    out = run("--help").stdout.decode()
    assert "extract" in out and "eval-ner" in out
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for command in ("tapsyrma extract", "tapsyrma eval-ner", "make run", "make test",
                    "make bench"):
        assert command in readme


def test_cli_two_files_of_one_name_keep_apart(tmp_path: Path) -> None:
    for folder, text in (("a", "Президент поручил акимам усилить контроль за ценами."),
                         ("b", "Аким поручил заместителям изучить Послание.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(text, encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    ids = [doc["id"] for doc in lines(result)]
    assert result.returncode == 0 and ids[0] == "index" and ids[1].startswith("index@")
    assert "another document of this run has the id index" in result.stderr.decode()


def test_cli_utf16_with_bom_is_text(tmp_path: Path) -> None:
    text = "Президент поручил акимам усилить контроль за ценами."
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"{encoding}.txt"
        raw = text.encode(encoding)
        path.write_bytes(raw if encoding != "utf-16-be" else b"\xfe\xff" + raw)
    result = run("extract", str(tmp_path), "--format", "jsonl")
    docs = lines(result)
    assert result.returncode == 0 and len(docs) == 3
    assert all(doc["directives"] for doc in docs)


def test_cli_extract_is_the_same_under_any_hash_seed() -> None:
    """Nothing depends on the order of a set: an unknown Kazakh body's head has stems of one
    length ("mınıstrligi": министрлік, министрліг), and every run must name it alike; a
    lexicon's list is tried in the file's order ("міндеттеді" takes its action in the
    accusative before the dative: "… бақылауға алуды", not "… бақылауға")."""
    text = ("«Energetıka mınıstrligi elektr stansalaryn tekserýdi 2023 jyldyń birinshi "
            "toqsanynda aıaqtaýy kerek», – dedi Premer-mınıstr Álıhan Smaıylov.\n\n"
            "Облыс әкімі Мұрат Әйтенов табиғаттың тосын мінез танытуына қарсы шаралардың "
            "күшейтілуін қатаң бақылауға алуды міндеттеді.").encode()
    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        result = subprocess.run([sys.executable, "-m", "tapsyrma.cli", "extract", "-",
                                 "--format", "jsonl"], input=text, capture_output=True,
                                env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        outputs.add(result.stdout)
    assert len(outputs) == 1
