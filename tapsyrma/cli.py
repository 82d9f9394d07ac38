"""The command line: `tapsyrma extract` and `eval-ner` work on files; `ingest`, `directives`,
`stories`, `show`, `review`, `export` and `migrate` on the registry database.

Errors of single documents are printed as one line each on stderr, naming the document; the
rest of the batch goes on and the exit status is 1 at the end.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import date
from typing import IO, TypeVar

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from tapsyrma.errors import InputError, TapsyrmaError
from tapsyrma.ingest import read_inputs
from tapsyrma.pipeline import extract_all
from tapsyrma.records import Document, Party
from tapsyrma.registry import ingest, review
from tapsyrma.registry.query import (
    DirectiveFilter,
    find_directives,
    find_stories,
    parse_key,
)
from tapsyrma.registry.tracking import STATUSES
from tapsyrma.store import Store

# Below this many documents a progress bar is noise.
PROGRESS_MIN_DOCUMENTS = 5
T = TypeVar("T")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except TapsyrmaError as error:
        print(f"tapsyrma: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (`| head`) has gone: stop quietly, as Unix tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - flushed at exit, never closed
        return 0


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
    _registry_commands(commands)
    return parser


def _extract(args: argparse.Namespace) -> int:
    failed = 0
    with (open(args.out, "w", encoding="utf-8") if args.out else nullcontext(sys.stdout)) as out:
        console = Console(file=out, highlight=False, soft_wrap=True)
        for item in _with_progress(extract_all(read_inputs(args.paths, sys.stdin.buffer))):
            if isinstance(item, InputError):
                failed += 1
                print(f"tapsyrma: {item}", file=sys.stderr)
                continue
            if item.renamed_from:
                print(f"tapsyrma: {item.path or item.id}: another document of this run has the "
                      f"id {item.renamed_from}; this one is {item.id}", file=sys.stderr)
            if args.format == "jsonl":
                out.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
            else:
                _print_human(console, item)
    return 1 if failed else 0


def _with_progress(items: Iterator[T], what: str = "extracting") -> Iterator[T]:
    """A progress bar on stderr once a batch has grown past a few documents."""
    if not sys.stderr.isatty():
        yield from items
        return
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = None
        for n, item in enumerate(items, 1):
            if n == PROGRESS_MIN_DOCUMENTS:
                task = progress.add_task(what, total=None)
            if task is not None:
                progress.update(task, completed=n)
            yield item


def _party(party: Party) -> str:
    return escape(_party_text(party.to_json()))


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



def _registry_commands(commands: argparse._SubParsersAction) -> None:
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument("--db", metavar="URL",
                          help="an SQLite file or a postgresql:// URL (default: $TAPSYRMA_DB, "
                               "else tapsyrma.db in the working folder)")

    ingest_ = commands.add_parser(
        "ingest", parents=[database], help="extract documents and store them in the registry",
        description="Extract every document (inputs as for `extract`) and store it with its "
                    "story, directives and reports of execution. A document already stored "
                    "is skipped, so an interrupted ingest resumes where it stopped.")
    ingest_.add_argument("paths", nargs="+", metavar="PATH")
    ingest_.add_argument("--quiet", action="store_true", help="print only the summary")
    ingest_.set_defaults(run=_ingest)

    listing = argparse.ArgumentParser(add_help=False)
    listing.add_argument("--format", choices=("human", "jsonl", "csv"), default="human")
    listing.add_argument("--out", metavar="FILE", help="write the output to FILE")
    listing.add_argument("--as-of", type=_date, default=date.today(), metavar="DATE",
                         help="the day statuses are judged on (default: today)")

    directives = commands.add_parser(
        "directives", parents=[database, listing], help="list and filter the registry",
        description="The registry's directives, grouped by issuer and addressee, or one JSON "
                    "object (CONTRACT.md, Registry) or CSV row per directive.")
    directives.add_argument("--issuer", help="a canonical id or office (tokayev, president)")
    directives.add_argument("--addressee", help="a canonical id or office (akims, akim:abai)")
    directives.add_argument("--region", help="a region slug (turkistan, almaty-city, ...)")
    directives.add_argument("--topic")
    directives.add_argument("--status", choices=STATUSES)
    directives.add_argument("--lang", help="a language among the sources (kk, ru)")
    directives.add_argument("--since", type=_date, metavar="DATE")
    directives.add_argument("--until", type=_date, metavar="DATE")
    directives.add_argument("--story", help="a story id (s-000042)")
    directives.add_argument("--search", metavar="QUERY",
                            help="full-text search of evidence and actions; word* for a prefix")
    directives.add_argument("--rejected", action="store_true",
                            help="include directives a reviewer rejected")
    directives.set_defaults(run=_directives)

    stories = commands.add_parser(
        "stories", parents=[database, listing], help="list the stories",
        description="Every stored document in exactly one story; --format jsonl prints the "
                    "shape of CONTRACT.md (Stories).")
    stories.set_defaults(run=_stories)

    show = commands.add_parser("show", parents=[database],
                               help="one directive with its sources, evidence and history")
    show.add_argument("id", help="a directive id (d-000017)")
    show.add_argument("--as-of", type=_date, default=date.today(), metavar="DATE")
    show.set_defaults(run=_show)

    review_ = commands.add_parser(
        "review", parents=[database], help="confirm, reject, edit, merge or set the status",
        description="Record a reviewer's decision on a directive. The automatic status never "
                    "overwrites one set here; every change goes to the audit log.")
    review_.add_argument("id", help="a directive id (d-000017)")
    review_.add_argument("--by", required=True, metavar="NAME", help="who reviews")
    action = review_.add_mutually_exclusive_group(required=True)
    action.add_argument("--confirm", action="store_true")
    action.add_argument("--reject", action="store_true")
    action.add_argument("--status", choices=(*STATUSES, review.NO_STATUS),
                        help=f"set the status ({review.NO_STATUS}: hand it back to tracking)")
    action.add_argument("--set", nargs="+", metavar="FIELD=VALUE",
                        help=f"edit fields: {', '.join(review.EDITABLE)}")
    action.add_argument("--merge-into", metavar="ID",
                        help="this directive is the same as ID: move its sources there")
    review_.add_argument("--note", help="why")
    review_.set_defaults(run=_review)

    export = commands.add_parser(
        "export", parents=[database], help="write the whole registry as JSONL or CSV",
        description="Every directive (rejected ones too, with their review), every story, or "
                    "the audit log.")
    export.add_argument("what", choices=("directives", "stories", "audit"))
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--as-of", type=_date, default=date.today(), metavar="DATE")
    export.set_defaults(run=_export)

    migrate = commands.add_parser("migrate", parents=[database],
                                  help="create or upgrade the registry database")
    migrate.set_defaults(run=_migrate)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _ingest(args: argparse.Namespace) -> int:
    store = Store(args.db).open()

    def report(name: str, outcome: str) -> None:
        if not args.quiet and outcome != "error":
            print(f"{name}: {outcome}", file=sys.stderr)

    items = read_inputs(args.paths, sys.stdin.buffer)
    summary = ingest(store, _with_progress(items, "ingesting"), report)
    for error in summary.errors:
        print(f"tapsyrma: {error}", file=sys.stderr)
    for stored_id, input_id in summary.renamed:
        print(f"tapsyrma: {input_id}: another stored document has this id; this one is stored "
              f"as {stored_id}", file=sys.stderr)
    print(f"{summary.stored} documents stored ({summary.duplicates} near-duplicates), "
          f"{summary.already_stored} already stored, {len(summary.errors)} failed; "
          f"{summary.new_directives} new directives, {summary.merged_directives} more sources "
          f"of known ones; {summary.reports} reports of execution, {summary.followups} linked "
          f"— in {store.display()}")
    store.close()
    return 1 if summary.errors else 0


def _directives(args: argparse.Namespace) -> int:
    where = DirectiveFilter(
        issuer=args.issuer, addressee=args.addressee, region=args.region, topic=args.topic,
        status=args.status, lang=args.lang, since=args.since, until=args.until,
        text=args.search, story=parse_key(args.story, "s") if args.story else None,
        rejected=args.rejected)
    store = Store(args.db).open()
    with store.session() as session:
        lines = find_directives(session, where, args.as_of)
    _list(args, lines, _print_registry, _directive_row)
    return 0


def _stories(args: argparse.Namespace) -> int:
    store = Store(args.db).open()
    with store.session() as session:
        lines = find_stories(session)
    _list(args, lines, _print_stories, _story_row)
    return 0


def _list(args: argparse.Namespace, lines: list[dict],
          human: Callable[[Console, list[dict]], None], row: Callable[[dict], dict]) -> None:
    """Listed records to --out or standard output, for people, as JSONL or as CSV."""
    with _output(args.out) as out:
        if args.format == "human":
            human(Console(file=out, highlight=False, soft_wrap=True), lines)
        else:
            _write(out, args.format, lines, row)


def _print_stories(console: Console, lines: list[dict]) -> None:
    for story in lines:
        console.print(f"[bold]{story['id']}[/bold] [dim]{' '.join(story['languages'])}"
                      f" · {len(story['documents'])} documents · "
                      f"{story['directives']} directives[/dim] {escape(story['title'] or '')}")


def _show(args: argparse.Namespace) -> int:
    store = Store(args.db).open()
    with store.session() as session:
        directive = review.get_directive(session, parse_key(args.id, "d"))
        target = directive.merged_into or directive.id
        [line] = find_directives(session, DirectiveFilter(directive=target, rejected=True),
                                 args.as_of)
        history = review.audit_log(session, directive.id)
    console = Console(highlight=False, soft_wrap=True)
    if target != directive.id:
        console.print(f"[dim]{args.id} was merged into {line['id']}[/dim]")
    _print_directive(console, line, indent="")
    for source in line["sources"]:
        meta = " · ".join(x for x in (source["source"], source["published"], source["lang"],
                                      f"{source['start']}:{source['end']}") if x)
        console.print(f"  [bold]source[/bold] {escape(source['document'])} "
                      f"[dim]{escape(meta)}[/dim]\n    «{escape(source['sentence'])}»")
    for followup in line["followups"]:
        console.print(f"  [bold]follow-up[/bold] ({followup['reports']}) "
                      f"{escape(followup['document'])} [dim]{followup['published'] or ''}[/dim]"
                      f"\n    «{escape(followup['sentence'])}»")
    for entry in history:
        console.print(f"  [dim]{entry['at']} {escape(entry['who'])} {entry['action']}: "
                      f"{entry['before']} → {entry['after']}"
                      + (f" ({escape(entry['note'])})" if entry["note"] else "") + "[/dim]")
    return 0


def _review(args: argparse.Namespace) -> int:
    directive_id = parse_key(args.id, "d")
    store = Store(args.db).open()
    with store.session() as session:
        if args.confirm:
            review.confirm(session, directive_id, args.by, args.note)
        elif args.reject:
            review.reject(session, directive_id, args.by, args.note)
        elif args.status:
            review.set_status(session, directive_id, args.by, args.status, args.note)
        elif args.merge_into:
            review.merge(session, directive_id, parse_key(args.merge_into, "d"), args.by,
                         args.note)
        else:
            changes = {}
            for item in args.set:
                field, sep, value = item.partition("=")
                if not sep:
                    raise TapsyrmaError(f"--set takes FIELD=VALUE, not {item!r}")
                changes[field.strip()] = value.strip()
            review.edit(session, directive_id, args.by, changes, args.note)
        entry = review.audit_log(session, directive_id)[-1]
    print(f"{args.id}: {entry['action']} by {entry['who']}: {entry['before']} → {entry['after']}")
    return 0


def _export(args: argparse.Namespace) -> int:
    store = Store(args.db).open()
    with store.session() as session:
        if args.what == "directives":
            lines = find_directives(session, DirectiveFilter(rejected=True), args.as_of)
            row: Callable[[dict], dict] = _directive_row
        elif args.what == "stories":
            lines, row = find_stories(session), _story_row
        else:
            lines, row = review.audit_log(session), _audit_row
    with _output(args.out) as out:
        _write(out, args.format, lines, row)
    return 0


def _migrate(args: argparse.Namespace) -> int:
    store = Store(args.db)
    before, after = store.migrate()
    print(f"{store.display()}: schema {before or 'empty'} → {after}")
    return 0


def _output(path: str | None):  # type: ignore[no-untyped-def]
    return open(path, "w", encoding="utf-8", newline="") if path else nullcontext(sys.stdout)


def _write(out: IO[str], fmt: str, lines: list[dict], row: Callable[[dict], dict]) -> None:
    if fmt == "jsonl":
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        return
    rows = [row(line) for line in lines]
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else list(row({})))
    writer.writeheader()
    writer.writerows(rows)


def _directive_row(d: dict) -> dict:
    """A directive as one flat CSV row; lists are joined with "; "."""
    get = d.get
    return {
        "id": get("id"), "story": get("story"), "given": get("given"),
        "status": get("status"), "status_by": get("status_by"), "review": get("review"),
        "issuer": (get("issuer") or {}).get("id"),
        "issuer_office": (get("issuer") or {}).get("office"),
        "issuer_name": (get("issuer") or {}).get("name"),
        "addressees": "; ".join(a["id"] for a in get("addressees") or []),
        "addressee_names": "; ".join(a["name"] or "" for a in get("addressees") or []),
        "action": get("action"), "kind": get("kind"), "topic": get("topic"),
        "deadline": (get("deadline") or {}).get("date") or (get("deadline") or {}).get("text"),
        "recurrence": (get("recurrence") or {}).get("rrule"),
        "regions": "; ".join(get("regions") or []),
        "languages": "; ".join(get("languages") or []),
        "sources": "; ".join(s["document"] for s in get("sources") or []),
        "evidence": next((s["sentence"] for s in get("sources") or []), None),
        "followups": "; ".join(f"{f['document']} ({f['reports']})"
                               for f in get("followups") or []),
    }


def _story_row(s: dict) -> dict:
    return {"id": s.get("id"), "title": s.get("title"),
            "languages": "; ".join(s.get("languages") or []),
            "documents": "; ".join(s.get("documents") or []), "directives": s.get("directives"),
            "first_published": s.get("first_published"),
            "sources": "; ".join(s.get("sources") or [])}


def _audit_row(e: dict) -> dict:
    return {"directive": e.get("directive"), "who": e.get("who"), "at": e.get("at"),
            "action": e.get("action"), "before": json.dumps(e.get("before"), ensure_ascii=False),
            "after": json.dumps(e.get("after"), ensure_ascii=False), "note": e.get("note")}


STATUS_COLOURS = {"open": "cyan", "in-progress": "yellow", "done": "green", "overdue": "red",
                  "unknown": "dim"}


def _print_registry(console: Console, lines: list[dict]) -> None:
    """Directives grouped by issuer, then by addressees."""
    groups: dict[str, dict[str, list[dict]]] = {}
    for line in lines:
        issuer = _party_ids(line["issuer"])
        to = ", ".join(_party_ids(a) for a in line["addressees"]) or "unspecified"
        groups.setdefault(issuer, {}).setdefault(to, []).append(line)
    for issuer, by_addressee in sorted(groups.items(), key=lambda g: -sum(map(len, g[1].values()))):
        console.print(f"[bold]{escape(issuer)}[/bold]")
        for to, items in by_addressee.items():
            console.print(f"  → [green]{escape(to)}[/green]")
            for line in items:
                _print_directive(console, line, indent="    ")
    console.print(f"[dim]{len(lines)} directives[/dim]")


def _print_directive(console: Console, line: dict, indent: str) -> None:
    colour = STATUS_COLOURS[line["status"]]
    when = " ".join(x for x in (line["deadline"] and "by " + (line["deadline"]["date"]
                                                                or line["deadline"]["text"]),
                                line["recurrence"] and line["recurrence"]["rrule"]) if x)
    sources = len(line["sources"])
    console.print(
        f"{indent}[bold]{line['id']}[/bold] [{colour}]{line['status']}[/{colour}]"
        + (" [dim](review)[/dim]" if line["status_by"] == "review" else "")
        + f" [cyan]{line['kind']}[/cyan]: {escape(line['action'])}"
        + (f" [yellow]({escape(when)})[/yellow]" if when else "")
        + f" [dim]\\[{line['topic']}; {line['given'] or 'undated'}; {sources} "
          f"source{'s' if sources != 1 else ''} {'/'.join(line['languages'])}"
        + (f"; {len(line['followups'])} follow-ups" if line["followups"] else "") + "][/dim]")
    if not indent:
        console.print(f"  issuer: {escape(_party_text(line['issuer']))}; addressees: "
                      f"{escape(', '.join(_party_text(a) for a in line['addressees']))}")


def _party_ids(party: dict) -> str:
    return ", ".join(dict.fromkeys(x for x in (party.get("id"), party.get("office")) if x))


def _party_text(party: dict) -> str:
    ids = _party_ids(party)
    return f"{party['name']} ({ids})" if party.get("name") else ids


if __name__ == "__main__":
    sys.exit(main())
