"""Reading input documents: files, folders and standard input, as the `extract` contract says.

`read_inputs` yields, in input order, a RawDocument per document or an InputError naming the
document and what is wrong with it; the caller reports errors and goes on. Nothing is cleaned
here: text and HTML are passed on as decoded.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from tapsyrma.errors import InputError
from tapsyrma.records import RawDocument

# One document may be at most 5 MB: a news article is a few KB, a heavy web page a few
# hundred KB; anything bigger is a dump or a mistake and would stall the pipeline.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
# Over this share of control bytes (other than tab, newlines, form feed) a file is binary.
MAX_CONTROL_SHARE = 0.05
# A legacy Cyrillic decoding is plausible when this share of its letters are lowercase
# Cyrillic and this share of its letter pairs are common Russian/Kazakh bigrams.
MIN_LOWERCASE_CYRILLIC_SHARE = 0.55
MIN_COMMON_BIGRAM_SHARE = 0.12

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
STDIN = "-"
STDIN_ID = "stdin"

# The legacy encodings tried when a file is not UTF-8, in order of preference on a tie.
# kz1048 is cp1251 with the Kazakh letters in place of rarely used symbols.
LEGACY_ENCODINGS = ("cp1251", "kz1048", "koi8_r")
UTF8_BOM = b"\xef\xbb\xbf"
# Byte-order marks of the wider encodings, UTF-32 first (its little-endian mark starts with
# UTF-16's).
UNICODE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13}
CYRILLIC_LOWER = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
# Frequent letter pairs of Russian and Kazakh news text (lowercase).
COMMON_BIGRAMS = frozenset({
    "ст", "но", "то", "на", "ен", "ов", "ни", "ра", "во", "ко", "ал", "ро", "пр", "ос", "ре",
    "по", "ли", "ер", "ан", "ор", "ка", "ин", "го", "не", "та", "од", "ел", "ет", "ла", "ть",
    "ва", "ар", "ол", "де", "ом", "ле", "ми", "ск", "ри", "ды", "да", "ын", "ін", "ық", "ға",
    "қа", "ің", "ың", "ті", "лы", "ді", "ме", "қт", "ас",
})
LETTER = re.compile(r"[^\W\d_]")


def read_inputs(
    paths: Iterable[str], stdin: TextIO | BinaryIO | None = None
) -> Iterator[RawDocument | InputError]:
    """Every document of `paths` (files, folders, "-" for `stdin`), in input order."""
    for path in paths:
        if path == STDIN:
            yield from read_stdin(stdin)
        elif os.path.isdir(path):
            for member in folder_files(path):
                yield from read_file(member)
        else:
            yield from read_file(path)


def folder_files(folder: str) -> list[str]:
    """The files under `folder`, recursively, sorted by path; hidden files and folders skipped."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            found.append((Path(os.path.relpath(full, folder)).parts, full))
    return [full for _, full in sorted(found)]


def read_file(path: str) -> Iterator[RawDocument | InputError]:
    """The documents of one file, chosen by its extension."""
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)
    elif suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        yield read_single_document(path, is_html=suffix in HTML_SUFFIXES)
    elif not os.path.exists(path) and not os.path.islink(path):
        yield InputError(path, "cannot read: no such file or directory")
    else:
        yield InputError(path, f"unsupported file type {suffix or '(no extension)'!r}: "
                               "expected .txt, .md, .html, .htm or .jsonl")


def read_single_document(path: str, is_html: bool) -> RawDocument | InputError:
    """A .txt/.md/.html/.htm file as one document."""
    doc_id = Path(path).stem
    try:
        raw = read_bytes(path)
        text = decode_document(raw)
    except InputError as error:
        return InputError(path, error.reason)
    if is_html:
        return RawDocument(id=doc_id, path=path, html=text)
    return RawDocument(id=doc_id, path=path, text=text)


def read_bytes(path: str) -> bytes:
    """The bytes of a file no larger than MAX_DOCUMENT_BYTES."""
    try:
        size = os.path.getsize(path)
        if size > MAX_DOCUMENT_BYTES:
            raise InputError(path, too_large_reason(size))
        with open(path, "rb") as f:
            return f.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as error:
        raise InputError(path, f"cannot read: {describe_os_error(error)}") from error


def describe_os_error(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def too_large_reason(size: int) -> str:
    return f"too large: {size} bytes, the limit is {MAX_DOCUMENT_BYTES} bytes per document"


def decode_document(raw: bytes) -> str:
    """The text of one document's bytes, or InputError(reason) when it is not usable text."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InputError("", too_large_reason(len(raw)))
    unicode_text = decode_by_bom(raw)
    if unicode_text is not None:
        if not unicode_text.strip():
            raise InputError("", "empty")
        return unicode_text
    if not raw.strip():
        raise InputError("", "empty")
    if looks_binary(raw):
        raise InputError("", "binary, not text")
    return decode_text(raw)


def decode_by_bom(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 text that says so with a byte-order mark (its NUL bytes are text);
    None for anything else."""
    for bom, encoding in UNICODE_BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError("", f"cannot decode: broken {encoding.upper()} "
                                     f"at byte {error.start + len(bom)}") from error
    return None


def looks_binary(raw: bytes) -> bool:
    """NUL bytes, or too many control bytes, mean this is not a text file."""
    if b"\x00" in raw:
        return True
    sample = raw[:65536]
    controls = sum(1 for byte in sample if byte in CONTROL_BYTES)
    return controls / len(sample) > MAX_CONTROL_SHARE


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first, then the most plausible legacy Cyrillic encoding."""
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = best_legacy_decoding(raw)
    if best is None:
        raise InputError("", "cannot decode: not UTF-8, and not plausible cp1251 or KOI8-R text")
    return best


def best_legacy_decoding(raw: bytes) -> str | None:
    """The legacy decoding that reads most like Russian or Kazakh, if any does."""
    scored: list[tuple[float, int, str]] = []
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = cyrillic_plausibility(text)
        if score is not None:
            scored.append((score, -rank, text))
    return max(scored)[2] if scored else None


def cyrillic_plausibility(text: str) -> float | None:
    """How much `text` reads like Cyrillic prose (higher is better), None if it does not."""
    letters = LETTER.findall(text[:65536])
    if not letters:
        return None
    lower = sum(1 for ch in letters if ch in CYRILLIC_LOWER) / len(letters)
    bigrams = common_bigram_share(text[:65536].lower())
    if lower < MIN_LOWERCASE_CYRILLIC_SHARE or bigrams < MIN_COMMON_BIGRAM_SHARE:
        return None
    return lower + bigrams


def common_bigram_share(text: str) -> float:
    pairs = [text[i:i + 2] for i in range(len(text) - 1)]
    letter_pairs = [p for p in pairs if p[0] in CYRILLIC_LOWER and p[1] in CYRILLIC_LOWER]
    if not letter_pairs:
        return 0.0
    return sum(1 for p in letter_pairs if p in COMMON_BIGRAMS) / len(letter_pairs)


# --- JSONL -------------------------------------------------------------------------------


def read_jsonl_file(path: str) -> Iterator[RawDocument | InputError]:
    """One document per line of a JSONL file; a bad line is an error, the rest goes on."""
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
            if any(head.startswith(bom) for bom, _ in UNICODE_BOMS):
                f.seek(0)
                text = decode_by_bom(f.read())
                yield from read_jsonl_lines((line.encode("utf-8") for line in
                                             (text or "").splitlines(keepends=True)), path)
                return
            if b"\x00" in head:
                yield InputError(path, "binary, not text")
                return
            f.seek(0)
            yield from read_jsonl_lines(f, path)
    except OSError as error:
        yield InputError(path, f"cannot read: {describe_os_error(error)}")
    except InputError as error:
        yield InputError(path, error.reason)


def read_jsonl_lines(lines: Iterable[bytes], path: str) -> Iterator[RawDocument | InputError]:
    """The documents of JSONL lines; errors are named `path:line`."""
    seen_any = False
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        seen_any = True
        name = f"{path}:{number}"
        try:
            yield parse_jsonl_line(line, path)
        except InputError as error:
            yield InputError(name, error.reason)
    if not seen_any:
        yield InputError(path, "empty")


def parse_jsonl_line(line: bytes, path: str) -> RawDocument:
    """One JSONL line as a document, or InputError(reason)."""
    if len(line) > MAX_DOCUMENT_BYTES:
        raise InputError("", too_large_reason(len(line)))
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputError("", "cannot decode: JSONL must be UTF-8") from error
    except json.JSONDecodeError as error:
        raise InputError("", f"not JSON: {error.msg} at column {error.colno}") from error
    if not isinstance(record, dict):
        raise InputError("", "not a JSON object")
    return document_from_record(record, path)


def document_from_record(record: dict, path: str) -> RawDocument:
    doc_id = record.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or str(doc_id) == "":
        raise InputError("", 'no "id" (a string or a number)')
    text, html = record.get("text"), record.get("html")
    body = text if text is not None else html
    if not isinstance(body, str):
        raise InputError("", f'{doc_id}: no "text" or "html" string')
    if not body.strip():
        raise InputError("", f"{doc_id}: empty")
    if looks_binary(body.encode("utf-8", "replace")):
        raise InputError("", f"{doc_id}: binary, not text")
    return RawDocument(
        id=str(doc_id), path=path,
        text=body if text is not None else None, html=html if text is None else None,
        url=optional_string(record, "url", doc_id),
        published=parse_published(record.get("published"), doc_id),
        source=optional_string(record, "source", doc_id),
    )


def optional_string(record: dict, key: str, doc_id: object) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError("", f'{doc_id}: "{key}" must be a string')
    return value


def parse_published(value: object, doc_id: object) -> date | None:
    """An ISO date or date-time ("2022-03-16", "2022-03-16T10:00:00+06:00") as a date."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise InputError("", f'{doc_id}: "published" is not an ISO date: {value!r}')


# --- standard input ----------------------------------------------------------------------


def read_stdin(stdin: TextIO | BinaryIO | None) -> Iterator[RawDocument | InputError]:
    """Standard input: JSONL when its first line is a JSON object, else one document."""
    if stdin is None:
        yield InputError(STDIN, "no standard input")
        return
    lines = binary_lines(stdin)
    first_lines = take_leading_blank_and_first(lines)
    first = next((line for line in first_lines if line.strip()), b"")
    if looks_like_jsonl(first):
        yield from read_jsonl_lines(chain_lines(first_lines, lines), STDIN)
        return
    raw = b"".join(first_lines) + read_limited(lines, MAX_DOCUMENT_BYTES + 1)
    try:
        text = decode_document(raw)
    except InputError as error:
        yield InputError(STDIN, error.reason)
        return
    if looks_like_html(text):
        yield RawDocument(id=STDIN_ID, path=STDIN, html=text)
    else:
        yield RawDocument(id=STDIN_ID, path=STDIN, text=text)


def binary_lines(stream: TextIO | BinaryIO) -> Iterator[bytes]:
    """The lines of a text or binary stream, as bytes (a text stream is re-encoded as UTF-8)."""
    buffer = getattr(stream, "buffer", None)
    if isinstance(stream, io.TextIOBase) and buffer is None:
        return (line.encode("utf-8") for line in stream)
    if buffer is not None:
        return iter(buffer)
    return iter(stream)  # type: ignore[arg-type]


def take_leading_blank_and_first(lines: Iterator[bytes]) -> list[bytes]:
    """The leading blank lines and the first non-blank line of `lines`."""
    taken: list[bytes] = []
    for line in lines:
        taken.append(line)
        if line.strip():
            break
    return taken


def chain_lines(first: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield from first
    yield from rest


def read_limited(lines: Iterator[bytes], limit: int) -> bytes:
    """At most `limit` bytes of `lines` (enough to tell that a document is too large)."""
    parts: list[bytes] = []
    total = 0
    for line in lines:
        parts.append(line)
        total += len(line)
        if total >= limit:
            break
    return b"".join(parts)


def looks_like_jsonl(first_line: bytes) -> bool:
    stripped = first_line.strip()
    if not (stripped.startswith(b"{") and stripped.endswith(b"}")):
        return False
    try:
        return isinstance(json.loads(stripped.decode("utf-8-sig")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head
