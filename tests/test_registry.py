"""The registry on both back ends (SQLite and a real PostgreSQL server): storing once,
near-duplicates as sources, stories, merged directives, follow-ups, filters and review."""

from __future__ import annotations

import io
import json
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from tapsyrma.errors import InputError
from tapsyrma.ingest import read_inputs
from tapsyrma.records import RawDocument
from tapsyrma.registry import ingest, review
from tapsyrma.registry.query import DirectiveFilter, find_directives, find_stories, parse_key
from tapsyrma.registry.stories import terms
from tapsyrma.store import Store, _head
from tapsyrma.store.models import (
    AuditEntry,
    Directive,
    Document,
    Followup,
    Source,
    Story,
    TermCount,
)

SEEDS = Path(__file__).parents[2] / "shared" / "corpus" / "seeds"
TRACKING = Path(__file__).parent / "data" / "registry" / "tracking.jsonl"
AS_OF = date(2026, 1, 15)


# An order to build a named pipeline, which the follow-up tests answer in several ways.
PIPELINE_ORDER = RawDocument(id="order", published=date(2023, 9, 1), text=(
    "Токаев поручил построить газопровод\n\nПрезидент Касым-Жомарт Токаев поручил "
    "Правительству построить газопровод «Талдыкорган – Ушарал» до конца 2025 года."))


def inputs(*paths: Path | str):  # type: ignore[no-untyped-def]
    return read_inputs([str(p) for p in paths], io.BytesIO())


def counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (Document, Story, Directive, Source, Followup)}


def order_and_report(store: Store, order: tuple[date, str], report: tuple[date, str]) -> dict:
    """The one registry line of an order's page and a later page, ingested in that order
    as "order" and "report"."""
    ingest(store, [RawDocument(id="order", published=order[0], text=order[1]),
                   RawDocument(id="report", published=report[0], text=report[1])])
    [line] = directives(store)
    return line


def directives(store: Store, **where) -> list[dict]:  # type: ignore[no-untyped-def]
    with store.session() as session:
        return find_directives(session, DirectiveFilter(**where), AS_OF)


def tracking_docs() -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, TRACKING.read_text().splitlines())}


def downgrade(store: Store, revision: str) -> None:
    from alembic import command

    from tapsyrma.store import _alembic_config

    with store.engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def raw(doc: dict) -> RawDocument:
    return RawDocument(id=doc["id"], text=doc["text"], source=doc.get("source"),
                       published=date.fromisoformat(doc["published"]))


def test_a_new_database_gets_the_newest_schema(store: Store) -> None:
    assert store.revision() == _head()
    assert store.open().revision() == _head()


def test_ingesting_the_seeds_twice_stores_them_once(store: Store) -> None:
    first = ingest(store, inputs(SEEDS))
    assert first.stored == 5 and not first.errors and first.new_directives >= 15
    before = counts(store)
    second = ingest(store, inputs(SEEDS))
    assert second.stored == 0 and second.already_stored == 5
    assert counts(store) == before


def test_a_copy_differing_by_boilerplate_and_whitespace_adds_sources_only(store: Store) -> None:
    ingest(store, inputs(SEEDS))
    before = counts(store)
    original = (SEEDS / "002_c44650cce214e6b4.txt").read_text()
    mirror = ("ПОДЕЛИТЬСЯ\n\nПодписывайтесь на наш Telegram-канал\n\n"
              + original.replace(". ", ".  ").replace("\n", "\n\n") + "\n\nИсточник: Tengrinews.kz")
    summary = ingest(store, [RawDocument(id="mirror-of-002", text=mirror)])
    assert summary.stored == 1 and summary.duplicates == 1 and summary.new_directives == 0
    after = counts(store)
    assert after["directives"] == before["directives"]
    assert after["documents"] == before["documents"] + 1
    assert after["sources"] > before["sources"]
    with store.session() as session:
        copy, first = (session.scalars(select(Document).where(Document.doc_id == i)).one()
                       for i in ("mirror-of-002", "002_c44650cce214e6b4"))
        assert copy.duplicate_of == first.id and copy.story_id == first.story_id
    both = [d for d in directives(store) if {"mirror-of-002", "002_c44650cce214e6b4"}
            <= {s["document"] for s in d["sources"]}]
    assert both, "the copy's directives are sources of the original's"


def test_one_directive_in_two_languages_is_one_line_with_its_follow_up(store: Store) -> None:
    docs = tracking_docs()
    ingest(store, [raw(docs[i]) for i in ("dir-ru", "dir-kk", "rep-ru", "rep-other")])
    lines = directives(store)
    assert len(lines) == 1
    line = lines[0]
    assert {s["document"] for s in line["sources"]} == {"dir-ru", "dir-kk"}
    assert line["languages"] == ["kk", "ru"] and line["given"] == "2025-02-10"
    assert [f["document"] for f in line["followups"]] == ["rep-ru"]
    assert line["followups"][0]["reports"] == "done"
    assert line["status"] == "done" and line["status_by"] == "auto"
    start, end = line["followups"][0]["start"], line["followups"][0]["end"]
    with store.session() as session:
        text = session.scalars(select(Document.text).where(Document.doc_id == "rep-ru")).one()
    assert text[start:end] == line["followups"][0]["sentence"]
    stories = {s["id"]: s for s in find_stories_of(store)}
    assert stories[line["story"]]["languages"] == ["kk", "ru"]


def find_stories_of(store: Store) -> list[dict]:
    with store.session() as session:
        return find_stories(session)


def test_a_report_stored_before_its_directive_is_linked_when_the_directive_comes(
        store: Store) -> None:
    docs = tracking_docs()
    ingest(store, [raw(docs["rep-ru"]), raw(docs["rep-other"])])
    ingest(store, [raw(docs["dir-ru"])])
    [line] = directives(store)
    assert [f["document"] for f in line["followups"]] == ["rep-ru"]


def test_without_reports_the_status_follows_the_deadline(store: Store) -> None:
    docs = tracking_docs()
    ingest(store, [raw(docs["dir-ru"])])
    with store.session() as session:
        [line] = find_directives(session, DirectiveFilter(), date(2025, 6, 1))
        assert line["status"] == "open"
        [line] = find_directives(session, DirectiveFilter(), date(2026, 6, 1))
        assert line["status"] == "overdue"


def test_filters_select_by_party_region_topic_language_date_and_text(store: Store) -> None:
    ingest(store, inputs(SEEDS))
    docs = tracking_docs()
    ingest(store, [raw(docs["dir-ru"]), raw(docs["dir-kk"])])
    everything = directives(store)
    schools = directives(store, region="turkistan")
    assert [d["action"] for d in schools] == ["построить 20 новых школ"]
    assert directives(store, addressee="akim:turkistan") == schools
    assert directives(store, since=date(2025, 1, 1)) == schools
    assert directives(store, until=date(2024, 1, 1)) == []
    assert {d["id"] for d in directives(store, issuer="president")} < {d["id"] for d in everything}
    assert all(d["topic"] == "education" for d in directives(store, topic="education"))
    assert all("kk" in d["languages"] for d in directives(store, lang="kk"))
    assert {d["id"] for d in directives(store, text="мектеп")} == {schools[0]["id"]}
    found = directives(store, text="резерв*")
    assert found and all("резерв" in d["sources"][0]["sentence"].lower() for d in found)
    assert {d["id"] for d in directives(store, status="overdue")} == {schools[0]["id"]}


def test_a_reviewers_status_stands_and_every_change_is_audited(store: Store) -> None:
    docs = tracking_docs()
    ingest(store, [raw(docs["dir-ru"])])
    [line] = directives(store)
    key = parse_key(line["id"], "d")
    with store.session() as session:
        review.set_status(session, key, "Айгерим", "in-progress", note="checked with akimat")
        review.edit(session, key, "Айгерим", {"action": "построить 20 школ"})
    ingest(store, [raw(docs["rep-ru"])])  # reports it done: the reviewer's word stands
    [line] = directives(store)
    assert line["status"] == "in-progress" and line["status_by"] == "review"
    assert line["action"] == "построить 20 школ"
    assert [f["document"] for f in line["followups"]] == ["rep-ru"]
    with store.session() as session:
        log = review.audit_log(session, key)
        review.set_status(session, key, "Айгерим", review.NO_STATUS)
    assert [(e["who"], e["action"], e["before"], e["after"]) for e in log] == [
        ("Айгерим", "status", {"status": None}, {"status": "in-progress"}),
        ("Айгерим", "edit", {"action": "построить 20 новых школ"},
         {"action": "построить 20 школ"})]
    assert directives(store)[0]["status"] == "done"


def test_rejected_directives_are_hidden_and_merged_ones_move_their_sources(
        store: Store) -> None:
    ingest(store, inputs(SEEDS))
    lines = directives(store)
    first, second, third = (parse_key(x["id"], "d") for x in lines[:3])
    with store.session() as session:
        review.reject(session, first, "Ерлан")
        review.merge(session, second, third, "Ерлан", note="same task")
    remaining = {x["id"]: x for x in directives(store)}
    assert lines[0]["id"] not in remaining and lines[1]["id"] not in remaining
    merged = remaining[lines[2]["id"]]
    assert len(merged["sources"]) == len(lines[1]["sources"]) + len(lines[2]["sources"])
    assert lines[0]["id"] in {x["id"] for x in directives(store, rejected=True)}
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 2
        with pytest.raises(Exception, match="merged into"):
            review.confirm(session, second, "Ерлан")


def test_every_document_is_in_exactly_one_story(store: Store) -> None:
    ingest(store, inputs(SEEDS, TRACKING))
    stories = find_stories_of(store)
    documents = [d for s in stories for d in s["documents"]]
    assert sorted(documents) == sorted(
        [p.stem for p in SEEDS.glob("*.txt")] + list(tracking_docs()))
    assert all(s["id"].startswith("s-") and s["languages"] for s in stories)


def test_a_bad_document_is_named_and_the_rest_of_the_batch_is_stored(store: Store) -> None:
    docs = tracking_docs()
    ingest(store, [raw(docs["dir-ru"])])
    before = counts(store)
    batch = [InputError("broken.bin", "binary, not text"),
             RawDocument(id="empty", text="ПОДЕЛИТЬСЯ\n\n"), raw(docs["dir-kk"])]
    summary = ingest(store, batch)
    assert [e.name for e in summary.errors] == ["broken.bin", "empty"]
    assert summary.stored == 1
    after = counts(store)
    assert after["documents"] == before["documents"] + 1
    assert after["directives"] == before["directives"]


def test_a_document_that_fails_inside_is_reported_and_the_batch_goes_on(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import tapsyrma.registry as registry

    real = registry.find_reports

    def failing(doc):  # type: ignore[no-untyped-def]
        if doc.id == "dir-ru":
            raise ValueError("a bug met on this document")
        return real(doc)

    monkeypatch.setattr(registry, "find_reports", failing)
    docs = tracking_docs()
    summary = ingest(store, [raw(docs["dir-ru"]), raw(docs["dir-kk"])])
    assert [str(e) for e in summary.errors] == [
        "dir-ru: not stored, ValueError: a bug met on this document"]
    assert summary.stored == 1 and counts(store)["documents"] == 1


def test_the_migrations_go_down_and_up_again(store: Store) -> None:
    downgrade(store, "base")
    assert store.revision() is None
    assert store.migrate() == (None, _head())
    ingest(store, [raw(tracking_docs()["dir-ru"])])
    assert directives(store, text="школ*")


def test_a_registry_of_the_first_schema_is_upgraded_and_goes_on(store: Store) -> None:
    """Documents stored under the first schema have no dateline day and no word stems: after
    `migrate` they are compared as before, and new documents join their stories."""
    docs = tracking_docs()
    ingest(store, [raw(docs["dir-ru"])])
    downgrade(store, "0001")
    assert store.migrate() == ("0001", _head())
    summary = ingest(store, [raw(docs["dir-kk"])])
    assert summary.stored == 1 and not summary.errors
    with store.session() as session:
        rows = {d.doc_id: d for d in session.scalars(select(Document))}
    assert rows["dir-ru"].terms is None and rows["dir-kk"].terms
    assert rows["dir-ru"].story_id == rows["dir-kk"].story_id


def test_a_report_that_never_cites_the_order_is_linked_by_its_object(store: Store) -> None:
    """ "Завершено строительство газопровода Талдыкорган – Ушарал" answers the order to build
    that pipeline though it names no order; another object of the same region does not."""
    order = replace(PIPELINE_ORDER, id="order")
    done = RawDocument(id="done", published=date(2025, 10, 23), text=(
        "Газопровод достроен\n\nВ области Жетысу завершено строительство магистрального "
        "газопровода Талдыкорган – Ушарал протяженностью 300 километров."))
    other = RawDocument(id="other", published=date(2025, 10, 24), text=(
        "В Талдыкоргане открыли школу\n\nВ области Жетысу завершено строительство новой "
        "школы на 600 мест в микрорайоне Мушелтой."))
    earlier = RawDocument(id="earlier", published=date(2023, 3, 1), text=(
        "Газопровод в Жетысу\n\nПроектирование газопровода Талдыкорган – Ушарал "
        "продолжается, сообщили в акимате."))
    ingest(store, [earlier, order, done, other])
    [line] = [d for d in directives(store) if "газопровод" in d["action"]]
    assert [f["document"] for f in line["followups"]] == ["done"]  # not the earlier page
    assert line["status"] == "done"


def test_an_order_that_points_back_is_about_what_the_sentence_before_names(
        store: Store) -> None:
    """ "Правительству нужно активизировать эту работу": the work is the sentence before's
    (the "Комфортная школа" schools), which a report of a school built answers."""
    line = order_and_report(store, (date(2025, 3, 14), (
        "Токаев: темпы строительства школ не радуют\n\nПрезидент Касым-Жомарт Токаев отметил, "
        "что темпы строительства школ по проекту «Комфортная школа» в регионах не радуют. "
        "«Правительству нужно активизировать эту работу», – сказал Глава государства.")),
        (date(2025, 9, 1), (
            "В Уральске открыли новую школу\n\nВ Уральске завершено строительство «Комфортной "
            "школы» на 1200 ученических мест.")))
    assert line["action"] == "активизировать эту работу"
    assert [f["document"] for f in line["followups"]] == ["report"]


def test_a_report_names_the_object_in_the_other_languages_spelling(store: Store) -> None:
    """ "Кендерли" in the order and "Кендірлі" in the Kazakh report are one place: the
    consonants of a name are kept where the two spellings' vowels differ."""
    line = order_and_report(store, (date(2023, 10, 3), (
        "Токаев поручил построить опреснительный завод\n\nПрезидент Касым-Жомарт Токаев "
        "поручил Правительству построить опреснительный завод в поселке Кендерли.")),
        (date(2025, 8, 14), (
            "Кендірлідегі су тұщыту зауыты іске қосылды\n\nМаңғыстау облысының Кендірлі теңіз "
            "жағалауындағы су тұщыту зауытының алғашқы желісі іске қосылды.")))
    assert [f["document"] for f in line["followups"]] == ["report"]


def test_an_order_a_report_points_back_to_is_recalled_not_given(store: Store) -> None:
    """ "… дал поручение о реализации проекта «Центр – Запад». В целях его исполнения …": the
    page recalls the order to report on it; it makes no registry line of its own."""
    line = order_and_report(store, (date(2025, 3, 14), (
        "Токаев поручил построить дорогу\n\nГлава государства Касым-Жомарт Токаев поручил "
        "Правительству построить дорогу «Центр – Запад» от Астаны через Аркалык и Торгай.")),
        (date(2025, 4, 2), (
            "Дорогу «Центр – Запад» начнут строить весной\n\nГлава государства дал поручение "
            "построить дорогу «Центр – Запад» от Астаны через Аркалык и Торгай. В целях его "
            "исполнения в Министерстве транспорта состоялось совещание, на котором обсудили ход "
            "работ.")))
    assert {s["document"] for s in line["sources"]} == {"order"}
    assert [(f["document"], f["reports"]) for f in line["followups"]] == [
        ("report", "in-progress")]


def test_a_report_is_linked_by_what_its_page_is_about(store: Store) -> None:
    """A report's sentence often names nothing ("Работы завершены"): its page's headline and
    lead say what was done. Houses answer an order to build housing though no name is
    shared; a gas pipeline other than the one ordered is another object; a page that only
    recalls the order reports on it and is not where it was given."""
    order = RawDocument(id="order", published=date(2024, 4, 10), text=(
        "Токаев поручил восстановить жилье\n\nПрезидент Касым-Жомарт Токаев поручил "
        "Правительству обеспечить строительство нового жилья для пострадавших от паводка."))
    houses = RawDocument(id="houses", published=date(2024, 9, 2), text=(
        "Пострадавшим от паводка передали ключи\n\nВ области завершено строительство 823 "
        "домов для семей, пострадавших от паводка."))
    pipeline = replace(PIPELINE_ORDER, id="pipeline")
    lead_only = RawDocument(id="lead-only", published=date(2025, 10, 23), text=(
        "Газопровод Талдыкорган – Ушарал достроен\n\nОб этом сообщили в акимате. Работы "
        "на магистрали завершены, газ подан в 30 сел."))
    other = RawDocument(id="other", published=date(2025, 10, 24), text=(
        "Газопровод «Сарыарка» достроен\n\nЗавершено строительство газопровода «Сарыарка» "
        "протяженностью 1061 километр."))
    recall = RawDocument(id="recall", published=date(2025, 11, 1), text=(
        "Газ пришел в села\n\nНапомним, Глава государства в 2023 году поручил провести "
        "газопровод в села Алакольского района. Завершено подключение 12 сел."))
    ingest(store, [order, houses, pipeline, lead_only, other, recall])
    lines = {d["sources"][0]["document"]: d for d in directives(store)}
    assert [f["document"] for f in lines["order"]["followups"]] == ["houses"]
    assert [f["document"] for f in lines["pipeline"]["followups"]] == ["lead-only"]
    assert not lines.get("recall", {}).get("followups")


@pytest.mark.parametrize("report_first", [False, True])
def test_a_report_answers_every_order_of_one_page_about_its_object(
        store: Store, report_first: bool) -> None:
    """Two orders given on one page about one power plant are both answered by its report,
    in either order of ingest; a report of a missed deadline makes them overdue, and a later
    report of the plant finished makes them done."""
    order = RawDocument(id="order", published=date(2022, 5, 4), text=(
        "Токаев потребовал достроить ТЭЦ в Кызылорде\n\nГлава государства поручил "
        "Правительству ввести новую ТЭЦ в Кызылорде в эксплуатацию в установленные сроки. "
        "Также Президент поручил акиму области запустить новую ТЭЦ в Кызылорде до начала "
        "отопительного сезона."))
    late = RawDocument(id="late", published=date(2022, 11, 1), text=(
        "ТЭЦ в Кызылорде не успели достроить\n\nСроки строительства новой ТЭЦ в Кызылорде "
        "сорваны, сообщили в акимате."))
    done = RawDocument(id="done", published=date(2023, 2, 1), text=(
        "В Кызылорде запустили новую ТЭЦ\n\nСтроительство новой ТЭЦ в Кызылорде завершено, "
        "станция введена в эксплуатацию."))
    ingest(store, [late, order] if report_first else [order, late])
    lines = [d for d in directives(store) if d["sources"][0]["document"] == "order"]
    assert len(lines) == 2
    assert all([f["document"] for f in d["followups"]] == ["late"] for d in lines)
    assert {d["status"] for d in lines} == {"overdue"}
    ingest(store, [done])
    lines = [d for d in directives(store) if d["sources"][0]["document"] == "order"]
    assert all([f["document"] for f in d["followups"]] == ["late", "done"] for d in lines)
    assert {d["status"] for d in lines} == {"done"}


def test_an_order_restated_in_a_report_claims_no_reports_of_its_own(store: Store) -> None:
    """A report page that repeats the order it reports on ("Акиматам поручено … газопровод")
    is not where reports of that object belong; a new order about another object on the same
    page is tracked as any other."""
    order = replace(PIPELINE_ORDER, id="order")
    progress = RawDocument(id="progress", published=date(2024, 11, 26), text=(
        "Газопровод Талдыкорган – Ушарал строится\n\nПо поручению Главы государства "
        "продолжается строительство газопровода Талдыкорган – Ушарал. Акиматам поручено "
        "завершить строительство газопровода Талдыкорган – Ушарал в срок. Кроме того, аким "
        "области поручил построить новую школу в Ушарале до конца 2025 года."))
    done = RawDocument(id="done", published=date(2025, 10, 23), text=(
        "Газопровод достроен\n\nЗавершено строительство газопровода Талдыкорган – Ушарал "
        "протяженностью 300 километров."))
    school = RawDocument(id="school", published=date(2025, 9, 1), text=(
        "В Ушарале открыли школу\n\nВ Ушарале завершено строительство новой школы на 600 "
        "мест."))
    ingest(store, [order, progress, done, school])
    followups = {(s["document"], d["action"]): [f["document"] for f in d["followups"]]
                 for d in directives(store) for s in d["sources"]}
    assert {f for (page, _), found in followups.items() if page == "order"
            for f in found} == {"progress", "done"}
    assert [found for (page, action), found in followups.items()
            if page == "progress" and "школ" in action] == [["school"]]
    assert not [found for (page, action), found in followups.items()
                if page == "progress" and "газопровод" in action and found]


def test_a_commitment_is_tracked_and_its_report_linked(store: Store) -> None:
    promise = RawDocument(id="promise", published=date(2019, 6, 25), text=(
        "Токаев в Арыси\n\nГлава государства Касым-Жомарт Токаев посетил Арысь.\n"
        "«Всем пострадавшим будет построено 300 новых домов в Арыси», – сказал Президент."))
    report = RawDocument(id="report", published=date(2019, 10, 1), text=(
        "Дома для арысцев\n\nВ Арыси завершено строительство 300 новых домов для "
        "пострадавших от взрывов."))
    ingest(store, [promise, report])
    [line] = [d for d in directives(store) if d["kind"] == "commitment"]
    assert [f["document"] for f in line["followups"]] == ["report"]
    assert line["status"] == "done"


@pytest.mark.parametrize(("again_says", "lines_expected"), [
    ("повторно поручил", 1),  # restated: one registry line with both sources
    ("поручил", 2),  # weeks later in another story without saying so: a line of its own
])
def test_a_restated_directive_joins_its_first_line_across_stories(
        store: Store, again_says: str, lines_expected: int) -> None:
    first = RawDocument(id="first", published=date(2024, 1, 10), text=(
        "Токаев поручил поддержать фермеров\n\nПрезидент Касым-Жомарт Токаев поручил "
        "Правительству разработать программу поддержки фермеров Северо-Казахстанской области."))
    again = RawDocument(id="again", published=date(2024, 3, 1), text=(
        "Паводки в Казахстане\n\nГлава государства провел совещание по паводкам. Касым-Жомарт "
        f"Токаев {again_says} Правительству разработать программу поддержки фермеров "
        "Северо-Казахстанской области."))
    ingest(store, [first, again])
    lines = [d for d in directives(store) if "фермеров" in d["action"]]
    assert len(lines) == lines_expected
    assert {s["document"] for line in lines for s in line["sources"]} == {"first", "again"}


def test_a_chain_of_three_events_stays_three_stories(store: Store) -> None:
    """A (floods in Atyrau) ~ B (floods in Atyrau and Aktobe, next day) ~ C (a school opened in
    Aktobe, the day after): each shares actors with the next, none is the other's event. A
    copy of A from another outlet joins A."""
    a = RawDocument(id="a", published=date(2024, 4, 1), source="A", text=(
        "Токаев провел совещание по паводку в Атырауской области\n\nПрезидент Касым-Жомарт "
        "Токаев провел совещание по паводковой ситуации в Атырауской области. Аким Атырауской "
        "области доложил, что подтоплены 430 домов, эвакуированы 1 200 жителей. Глава "
        "государства поручил ускорить выплату компенсаций пострадавшим."))
    copy = RawDocument(id="a-copy", published=date(2024, 4, 1), source="B", text=(
        "Президент провел совещание по паводку в Атырау\n\nКасым-Жомарт Токаев провел "
        "совещание по паводковой ситуации в Атырауской области, сообщает Акорда. По данным "
        "акима области, подтоплены 430 домов, эвакуированы 1 200 жителей. Президент поручил "
        "ускорить выплату компенсаций пострадавшим."))
    b = RawDocument(id="b", published=date(2024, 4, 2), source="A", text=(
        "Токаев провел совещание с акимами Атырауской и Актюбинской областей\n\nПрезидент "
        "Касым-Жомарт Токаев провел совещание с акимами Атырауской и Актюбинской областей по "
        "паводкам. В Атырауской области подтоплены 430 домов, в Актюбинской области 520 домов. "
        "Глава государства поручил подготовить дамбы в Актюбинской области."))
    c = RawDocument(id="c", published=date(2024, 4, 3), source="A", text=(
        "Токаев открыл школу в Актобе\n\nПрезидент Касым-Жомарт Токаев открыл новую школу на "
        "1 200 мест в Актобе. Аким Актюбинской области доложил о строительстве еще трех школ в "
        "области. Глава государства поручил акиму Актюбинской области завершить их "
        "строительство к 1 сентября."))
    ingest(store, [a, copy, b, c])
    with store.session() as session:
        story = {d.doc_id: d.story_id for d in session.scalars(select(Document))}
    assert story["a"] == story["a-copy"]
    assert len({story["a"], story["b"], story["c"]}) == 3


def test_an_undated_report_and_a_dated_one_of_one_event_join_in_either_order(
        store: Store) -> None:
    """Whether the undated page came first or second, the two reports are one story: a dated
    page is compared with undated ones too, as undated pairs are (on stronger evidence)."""
    dated = RawDocument(id="dated", published=date(2024, 4, 1), source="A", text=(
        "Токаев провел совещание по паводку в Атырауской области\n\nПрезидент Касым-Жомарт "
        "Токаев провел совещание по паводковой ситуации в Атырауской области. Аким Атырауской "
        "области доложил, что подтоплены 430 домов, эвакуированы 1 200 жителей. Глава "
        "государства поручил ускорить выплату компенсаций пострадавшим."))
    undated = RawDocument(id="undated", source="B", text=(
        "Президент провел совещание по паводку в Атырау\n\nКасым-Жомарт Токаев провел "
        "совещание по паводковой ситуации в Атырауской области, сообщает Акорда. По данным "
        "акима области, подтоплены 430 домов, эвакуированы 1 200 жителей. Президент поручил "
        "ускорить выплату компенсаций пострадавшим."))
    ingest(store, [undated, dated])
    with store.session() as session:
        story = {d.doc_id: d.story_id for d in session.scalars(select(Document))}
        assert session.get(Story, story["dated"]).first_published == date(2024, 4, 1)
    assert story["dated"] == story["undated"]


def test_a_datelines_day_without_a_year_dates_an_undated_report(store: Store) -> None:
    """"Атырау, 1 апреля." puts an undated report on the day of a dated one; a like report whose
    dateline says 20 April is of another day, so another event."""
    body = ("Президент Касым-Жомарт Токаев провел совещание по паводковой ситуации в Атырауской "
            "области. Аким Атырауской области доложил, что подтоплены 430 домов, эвакуированы "
            "1 200 жителей. Глава государства поручил ускорить выплату компенсаций пострадавшим.")
    dated = RawDocument(id="dated", published=date(2024, 4, 1), source="A", text=(
        "Токаев провел совещание по паводку в Атырауской области\n\n" + body))
    same_day = RawDocument(id="same-day", source="B", text=(
        "Президент провел совещание по паводку в Атырау\n\nАтырау, 1 апреля. КАЗИНФОРМ – "
        "Касым-Жомарт Токаев провел совещание по паводковой ситуации в Атырауской области, "
        "сообщает Акорда. По данным акима области, подтоплены 430 домов, эвакуированы 1 200 "
        "жителей. Президент поручил ускорить выплату компенсаций пострадавшим."))
    other_day = RawDocument(id="other-day", source="C", text=(
        "Паводок в Атырауской области: совещание у Президента\n\nАтырау, 20 апреля. КазТАГ – "
        + body.replace("430", "520")))
    ingest(store, [dated, same_day, other_day])
    with store.session() as session:
        rows = {d.doc_id: d for d in session.scalars(select(Document))}
        assert rows["same-day"].day == "04-01" and rows["dated"].day is None
        story = {doc_id: row.story_id for doc_id, row in rows.items()}
    assert story["dated"] == story["same-day"] != story["other-day"]


def test_term_counts_say_how_many_stored_documents_use_each_stem(store: Store) -> None:
    """The word-stem counts that weigh shared words are kept by upserts on both back ends:
    each stem counts the stored documents (near-duplicates aside) that use it."""
    ingest(store, inputs(SEEDS))
    with store.session() as session:
        rows = [d for d in session.scalars(select(Document)) if d.duplicate_of is None]
        expected = Counter(int(t) for d in rows for t in terms(d.text))
        stored = dict(session.execute(select(TermCount.term, TermCount.documents)).all())
        assert all(np.array_equal(np.frombuffer(d.terms or b"", dtype=np.int32), terms(d.text))
                   for d in rows)
    assert stored == expected and max(stored.values()) > 1


def test_a_headline_that_retells_the_lead_is_one_more_source_of_its_directive(
        store: Store) -> None:
    text = ("Токаев поручил акимам ускорить ремонт школ\n\nПрезидент Касым-Жомарт Токаев "
            "поручил акимам областей ускорить ремонт всех школ и завершить его до 25 августа, "
            "сообщает пресс-служба Акорды.")
    doc = RawDocument(id="headline-and-lead", published=date(2024, 7, 1), text=text)
    summary = ingest(store, [doc])
    assert summary.new_directives == 1
    [line] = directives(store)
    assert [s["sentence"][:14] for s in line["sources"]] == ["Президент Касы",
                                                             "Токаев поручил"]
