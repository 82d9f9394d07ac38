"""Reading inputs: every input kind and every kind of bad input."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from tapsyrma import ingest
from tapsyrma.errors import InputError
from tapsyrma.ingest import MAX_DOCUMENT_BYTES, read_inputs
from tapsyrma.records import RawDocument

RUSSIAN = ("Президент поручил акимам областей провести совещания по межэтнической ситуации "
           "с участием представителей ассамблеи народа и доложить о результатах работы.\n")
KAZAKH = ("Мемлекет басшысы әкімдерге тұрғындардың қауіпсіздігін сақтау үшін тиісті шаралар "
          "қабылдауды тапсырды.\n")


def read_all(*paths: str | Path, stdin=None) -> list[RawDocument | InputError]:
    return list(read_inputs([str(p) for p in paths], stdin=stdin))


def only(results: list) -> RawDocument | InputError:
    assert len(results) == 1, results
    return results[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- input kinds ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["article.txt", "article.md", "ARTICLE.TXT"])
def test_ingest_plain_text_file_is_one_document(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, RUSSIAN)
    doc = only(read_all(path))
    assert isinstance(doc, RawDocument)
    assert doc.id == Path(name).stem
    assert doc.path == str(path)
    assert doc.text == RUSSIAN and doc.html is None


@pytest.mark.parametrize("name", ["page.html", "page.htm"])
def test_ingest_html_file_is_one_raw_page(tmp_path: Path, name: str) -> None:
    html = f"<html><body><p>{RUSSIAN}</p></body></html>"
    doc = only(read_all(write(tmp_path / name, html)))
    assert isinstance(doc, RawDocument)
    assert doc.id == "page" and doc.html == html and doc.text is None


def test_ingest_id_drops_only_the_last_extension(tmp_path: Path) -> None:
    doc = only(read_all(write(tmp_path / "2022.03.16.news.txt", RUSSIAN)))
    assert doc.id == "2022.03.16.news"


def test_ingest_jsonl_one_document_per_line_with_metadata(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": RUSSIAN, "url": "https://zakon.kz/a", "published": "2022-03-16",
         "source": "Zakon.kz"},
        {"id": 7, "html": "<p>Текст</p>", "published": "2022-03-16T10:00:00+06:00"},
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(x, ensure_ascii=False)
                                                     for x in lines) + "\n")
    first, second = read_all(path)
    assert first == RawDocument(id="a", path=str(path), text=RUSSIAN, url="https://zakon.kz/a",
                                published=date(2022, 3, 16), source="Zakon.kz")
    assert second.id == "7" and second.html == "<p>Текст</p>" and second.text is None
    assert second.published == date(2022, 3, 16)


def test_ingest_jsonl_bad_line_is_an_error_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", "\n".join([
        json.dumps({"id": "ok1", "text": "Первый документ."}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "без id"}),
        json.dumps({"id": "bad-date", "text": "Текст.", "published": "16 марта"}),
        json.dumps({"id": "blank", "text": "   "}),
        "",
        json.dumps({"id": "ok2", "text": "Последний документ."}),
    ]))
    results = read_all(path)
    assert [r.id for r in results if isinstance(r, RawDocument)] == ["ok1", "ok2"]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [e.name for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6, 7)]
    assert "not JSON" in errors[0].reason
    assert '"text" or "html"' in errors[1].reason
    assert "not a JSON object" in errors[2].reason
    assert '"id"' in errors[3].reason
    assert "ISO date" in errors[4].reason
    assert "empty" in errors[5].reason


def test_ingest_jsonl_line_over_the_limit_is_rejected(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": "а" * (MAX_DOCUMENT_BYTES // 2 + 10)},
                     ensure_ascii=False)
    path = write(tmp_path / "big.jsonl", big + "\n" + json.dumps({"id": "s", "text": "x"}))
    error, small = read_all(path)
    assert isinstance(error, InputError) and "too large" in error.reason
    assert error.name == f"{path}:1" and small.id == "s"


# --- folders -------------------------------------------------------------------------------


def test_ingest_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b/c.md", "c.html", "a.txt", ".hidden.txt",
                 ".git/x.txt"]:
        write(tmp_path / "in" / name, RUSSIAN)
    results = read_all(tmp_path / "in")
    paths = [os.path.relpath(r.path, tmp_path / "in") for r in results]
    assert paths == ["a/b/c.md", "a/z.txt", "a.txt", "b.txt", "c.html"]
    assert results[0].path == str(tmp_path / "in" / "a" / "b" / "c.md")


def test_ingest_folder_reports_unsupported_members_and_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", RUSSIAN)
    write(tmp_path / "in" / "b.pdf", b"%PDF-1.4")
    write(tmp_path / "in" / "c.txt", RUSSIAN)
    results = read_all(tmp_path / "in")
    assert [type(r) for r in results] == [RawDocument, InputError, RawDocument]
    assert "unsupported file type" in results[1].reason


def test_ingest_inputs_keep_the_order_given(tmp_path: Path) -> None:
    b = write(tmp_path / "b.txt", RUSSIAN)
    a = write(tmp_path / "a.txt", RUSSIAN)
    assert [r.id for r in read_all(b, a)] == ["b", "a"]


# --- standard input ------------------------------------------------------------------------


def test_ingest_stdin_plain_text_is_one_document() -> None:
    doc = only(read_all("-", stdin=io.StringIO(RUSSIAN)))
    assert doc == RawDocument(id="stdin", path="-", text=RUSSIAN)


def test_ingest_stdin_bytes_in_cp1251_are_decoded() -> None:
    doc = only(read_all("-", stdin=io.BytesIO(RUSSIAN.encode("cp1251"))))
    assert doc.text == RUSSIAN


def test_ingest_stdin_jsonl_is_read_line_by_line() -> None:
    lines = "\n" + "\n".join(json.dumps({"id": f"d{i}", "text": RUSSIAN}) for i in range(3))
    results = read_all("-", stdin=io.StringIO(lines))
    assert [r.id for r in results] == ["d0", "d1", "d2"]
    assert all(r.path == "-" for r in results)


def test_ingest_stdin_jsonl_bad_line_names_stdin_and_line() -> None:
    lines = json.dumps({"id": "a", "text": "x"}) + "\n{broken\n"
    results = read_all("-", stdin=io.BytesIO(lines.encode()))
    assert results[0].id == "a"
    assert isinstance(results[1], InputError) and results[1].name == "-:2"


def test_ingest_stdin_html_is_a_page() -> None:
    html = "<!DOCTYPE html><html><body><p>Текст</p></body></html>"
    doc = only(read_all("-", stdin=io.StringIO(html)))
    assert doc.html == html and doc.text is None


def test_ingest_stdin_empty_is_an_error() -> None:
    error = only(read_all("-", stdin=io.StringIO("  \n")))
    assert isinstance(error, InputError) and error.name == "-" and error.reason == "empty"


def test_ingest_stdin_missing_is_an_error() -> None:
    assert isinstance(only(read_all("-", stdin=None)), InputError)


# --- bad inputs ----------------------------------------------------------------------------


def test_ingest_missing_file_is_unreadable(tmp_path: Path) -> None:
    error = only(read_all(tmp_path / "nowhere.txt"))
    assert isinstance(error, InputError)
    assert error.name == str(tmp_path / "nowhere.txt")
    assert "cannot read" in error.reason and "no such file" in error.reason


def test_ingest_dangling_symlink_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    error = only(read_all(link))
    assert isinstance(error, InputError) and "cannot read" in error.reason


def test_ingest_permission_denied_is_unreadable(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path / "secret.txt", RUSSIAN)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, who reads any file: simulate the refusal instead of chmod.
    monkeypatch.setattr(ingest, "open", refuse, raising=False)
    error = only(read_all(path))
    assert isinstance(error, InputError) and error.name == str(path)
    assert error.reason == "cannot read: permission denied"


def test_ingest_binary_file_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    error = only(read_all(path))
    assert isinstance(error, InputError) and "binary" in error.reason


def test_ingest_control_characters_mean_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "noise.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8] * 50) + b"text")
    assert "binary" in only(read_all(path)).reason


def test_ingest_binary_jsonl_is_rejected_whole(tmp_path: Path) -> None:
    path = write(tmp_path / "data.jsonl", b'{"id": "a"}\x00\x00\x00')
    error = only(read_all(path))
    assert isinstance(error, InputError) and error.name == str(path) and "binary" in error.reason


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_ingest_legacy_russian_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path / "old.txt", RUSSIAN.encode(encoding))
    doc = only(read_all(path))
    assert isinstance(doc, RawDocument) and doc.text == RUSSIAN


def test_ingest_legacy_html_is_decoded(tmp_path: Path) -> None:
    html = f"<html><body><p>{RUSSIAN}</p></body></html>"
    doc = only(read_all(write(tmp_path / "old.html", html.encode("koi8_r"))))
    assert doc.html == html


def test_ingest_kazakh_in_kz1048_is_decoded(tmp_path: Path) -> None:
    doc = only(read_all(write(tmp_path / "kk.txt", KAZAKH.encode("kz1048"))))
    assert doc.text == KAZAKH


def test_ingest_utf8_bom_is_dropped(tmp_path: Path) -> None:
    doc = only(read_all(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + RUSSIAN.encode())))
    assert doc.text == RUSSIAN


def test_ingest_undecodable_bytes_are_rejected(tmp_path: Path) -> None:
    # Latin-1 accented text: not UTF-8, and no Cyrillic reading of it is plausible.
    path = write(tmp_path / "latin1.txt", ("Ça coûte très cher à Zürich, déjà " * 10)
                 .encode("latin-1"))
    error = only(read_all(path))
    assert isinstance(error, InputError) and "cannot decode" in error.reason


def test_ingest_over_the_size_limit_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", b"a" * (MAX_DOCUMENT_BYTES + 1))
    error = only(read_all(path))
    assert isinstance(error, InputError) and "too large" in error.reason


def test_ingest_at_the_size_limit_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"a" * MAX_DOCUMENT_BYTES)
    assert isinstance(only(read_all(path)), RawDocument)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_ingest_empty_file_is_rejected(tmp_path: Path, content: bytes) -> None:
    error = only(read_all(write(tmp_path / "empty.txt", content)))
    assert isinstance(error, InputError) and error.reason == "empty"


def test_ingest_empty_jsonl_is_rejected(tmp_path: Path) -> None:
    error = only(read_all(write(tmp_path / "empty.jsonl", "\n\n")))
    assert isinstance(error, InputError) and error.reason == "empty"


@pytest.mark.parametrize("name", ["notes.pdf", "data.csv", "README", "feed.xml"])
def test_ingest_unsupported_extension_is_an_error(tmp_path: Path, name: str) -> None:
    error = only(read_all(write(tmp_path / name, "text")))
    assert isinstance(error, InputError) and error.name == str(tmp_path / name)
    assert "unsupported file type" in error.reason


def test_ingest_error_message_names_the_document(tmp_path: Path) -> None:
    error = only(read_all(tmp_path / "nowhere.txt"))
    assert str(error).startswith(str(tmp_path / "nowhere.txt") + ": ")
