"""The command line: `tapsyrma extract` and `tapsyrma eval-ner`.

Errors of single documents are printed as one line each on stderr, naming the document; the
rest of the batch goes on and the exit status is 1 at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import nullcontext

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from tapsyrma.errors import InputError, TapsyrmaError
from tapsyrma.ingest import read_inputs
from tapsyrma.pipeline import extract_all
from tapsyrma.records import Document, Party

# Below this many documents a progress bar is noise.
PROGRESS_MIN_DOCUMENTS = 5


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except TapsyrmaError as error:
        print(f"tapsyrma: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tapsyrma",
        description="Directives of the state from Kazakh and Russian news: who ordered whom "
                    "to do what, by when, with the evidence sentence.")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser(
        "extract", help="extract entities and directives from documents",
        description="Read .txt/.md, .html/.htm and .jsonl files, folders (recursively) or - "
                    "(standard input) and print one record per document, in input order.")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--format", choices=("human", "jsonl"), default="human",
                         help="human-readable summary (default) or one JSON line per document")
    extract.add_argument("--out", metavar="FILE", help="write the output to FILE")
    extract.set_defaults(run=_extract)

    ner = commands.add_parser(
        "eval-ner", help="score entity recognition on an annotated corpus",
        description="Exact-span precision, recall and F1 for PER, LOC, ORG; the last line "
                    "is the result as JSON.")
    ner.add_argument("corpus", choices=("kaznerd", "factrueval"),
                     help="kaznerd: an IOB2 file; factrueval: a folder of factRuEval documents")
    ner.add_argument("path")
    ner.set_defaults(run=_eval_ner)
    return parser


def _extract(args: argparse.Namespace) -> int:
    failed = 0
    with (open(args.out, "w", encoding="utf-8") if args.out else nullcontext(sys.stdout)) as out:
        console = Console(file=out, highlight=False, soft_wrap=True)
        for item in _with_progress(extract_all(read_inputs(args.paths, sys.stdin.buffer))):
            if isinstance(item, InputError):
                failed += 1
                print(f"tapsyrma: {item}", file=sys.stderr)
            elif args.format == "jsonl":
                out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
            else:
                _print_human(console, item)
    return 1 if failed else 0


def _with_progress(items: Iterator[Document | InputError]) -> Iterator[Document | InputError]:
    """A progress bar on stderr once a batch has grown past a few documents."""
    if not sys.stderr.isatty():
        yield from items
        return
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = None
        for n, item in enumerate(items, 1):
            if n == PROGRESS_MIN_DOCUMENTS:
                task = progress.add_task("extracting", total=None)
            if task is not None:
                progress.update(task, completed=n)
            yield item


def _party(party: Party) -> str:
    ids = ", ".join(dict.fromkeys(x for x in (party.id, party.office) if x))
    return escape(f"{party.name} ({ids})" if party.name else ids)


def _print_human(console: Console, doc: Document) -> None:
    meta = " · ".join(x for x in (doc.lang, doc.source, str(doc.published or "")) if x)
    console.print(f"[bold]{escape(doc.id)}[/bold] [dim]{escape(meta)}[/dim]")
    if doc.title:
        console.print(f"  {escape(doc.title)}")
    if not doc.directives:
        console.print("  [dim]no directives[/dim]")
    for d in doc.directives:
        to = ", ".join(_party(a) for a in d.addressees)
        when = " ".join(x for x in (d.deadline and f"by {d.deadline.date or d.deadline.text}",
                                    d.recurrence and d.recurrence.rrule) if x)
        console.print(f"  [cyan]{d.kind}[/cyan] [bold]{_party(d.issuer)}[/bold]"
                      f" → [green]{to}[/green]: {escape(d.action)}"
                      + (f" [yellow]({escape(when)})[/yellow]" if when else "")
                      + f" [dim]\\[{d.topic}, {d.confidence:.2f}][/dim]")
        console.print(f"    [dim]«{escape(d.sentence)}»[/dim]")
    console.print()


def _eval_ner(args: argparse.Namespace) -> int:
    from tapsyrma.entities import recognise
    from tapsyrma.evaluation import evaluate, format_report

    print(format_report(evaluate(args.corpus, args.path, recognise)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
