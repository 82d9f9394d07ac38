"""Table-driven tests of directive extraction on single sentences (or 2-3 sentence snippets).

The tables live in tests/data/directives_{ru,kk}.jsonl, one case a line:

    {"id": slug, "text": ..., "published": "YYYY-MM-DD" | null,
     "directives": [{"issuer", "addressees", "action", "kind", "deadline", "recurrence"}],
     "note": "what construction it covers"}

An empty "directives" list is a NEGATIVE: the text must produce no directive at all.

Matching follows ../shared/CONTRACT.md: a party matches by its `id` or its `office`; any
`other:<slug>` counts as plain `other`; the action is compared by token F1 (>= 0.6), or letter
by letter when the directive says `"exact_action": true` (where a case is about the action's edges);
the deadline date and the recurrence RRULE are checked only when the table gives one.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
LANGS = ("ru", "kk")
KINDS = {"instruction", "demand", "task", "prohibition", "recommendation", "commitment"}
ACTION_F1 = 0.6
PARTY_ID = re.compile(r"^(other:[a-z0-9-]+|[a-z-]+(:[a-z-]+)?)$")
RRULE_FREQ = re.compile(r"^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+-]+)*$")


def load_cases() -> list:
    params = []
    for lang in LANGS:
        path = DATA / f"directives_{lang}.jsonl"
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                case = json.loads(line)
                case["lang"] = lang
                params.append(pytest.param(case, id=f"{lang}-{n:02d}-{case['id']}"))
    return params


CASES = load_cases()


# ---------------------------------------------------------------- helpers


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def token_f1(predicted: str, expected: str) -> float:
    """Token-level F1 of two spans (words = \\w+, lowercased; multiset overlap)."""
    p, e = Counter(words(predicted)), Counter(words(expected))
    if not p and not e:
        return 1.0
    common = sum((p & e).values())
    if not common:
        return 0.0
    precision = common / sum(p.values())
    recall = common / sum(e.values())
    return 2 * precision * recall / (precision + recall)


def norm_id(x: str | None) -> str | None:
    """`other:<slug>` is scored as plain `other`."""
    if x and x.startswith("other:"):
        return "other"
    return x


def party_matches(expected: str, party) -> bool:
    exp = norm_id(expected)
    return exp in {norm_id(getattr(party, "id", None)), norm_id(getattr(party, "office", None))}


def addressee_set(predicted, expected: list[str]) -> set[str]:
    """The predicted addressees, each named by the expected id it matches (by id or office)."""
    out = set()
    for party in predicted:
        hit = next((e for e in expected if party_matches(e, party)), None)
        out.add(norm_id(hit) if hit else norm_id(party.id))
    return out


def norm_rrule(rule: str) -> frozenset[str]:
    return frozenset(p.strip().upper() for p in rule.removeprefix("RRULE:").split(";") if p.strip())


def describe(directives) -> str:
    return "\n".join(
        f"  - issuer={d.issuer.id}/{d.issuer.office} addressees={[a.id for a in d.addressees]} "
        f"kind={d.kind} action={d.action!r} deadline={d.deadline} recurrence={d.recurrence}"
        for d in directives
    ) or "  (none)"


def extract_text():
    if importlib.util.find_spec("tapsyrma.pipeline") is None:
        pytest.skip("tapsyrma.pipeline is not written yet")
    return importlib.import_module("tapsyrma.pipeline").extract_text


# ---------------------------------------------------------------- the table itself


def test_tables_are_big_enough():
    for lang in LANGS:
        cases = [c.values[0] for c in CASES if c.values[0]["lang"] == lang]
        assert len(cases) >= 45, lang
        assert any(not c["directives"] for c in cases), f"{lang}: no negatives"
        ids = [c["id"] for c in cases]
        assert len(ids) == len(set(ids)), f"{lang}: duplicate case ids"


@pytest.mark.parametrize("case", CASES)
def test_expected_action_is_substring(case):
    """Every expected action is a verbatim span of its text; the case is well formed."""
    assert case["text"].strip()
    assert case.get("note")
    if case["published"] is not None:
        date.fromisoformat(case["published"])
    for d in case["directives"]:
        assert d["action"] in case["text"], d["action"]
        assert d["kind"] in KINDS
        assert PARTY_ID.match(d["issuer"]), d["issuer"]
        assert d["addressees"], "use ['unspecified'] when no addressee is stated"
        for a in d["addressees"]:
            assert PARTY_ID.match(a), a
        if d["deadline"] is not None:
            date.fromisoformat(d["deadline"])
        if d["recurrence"] is not None:
            assert RRULE_FREQ.match(d["recurrence"]), d["recurrence"]


# ---------------------------------------------------------------- extraction


@pytest.mark.parametrize("case", CASES)
def test_directive_sentence(case):
    extract = extract_text()
    published = date.fromisoformat(case["published"]) if case["published"] else None
    doc = extract(case["text"], published=published)
    got = sorted(doc.directives, key=lambda d: d.start)  # stable: keeps order within a sentence
    expected = case["directives"]
    context = f"\n{case['note']}\ntext: {case['text']}\npredicted:\n{describe(got)}"

    assert len(got) == len(expected), f"expected {len(expected)} directive(s){context}"
    for i, (exp, pred) in enumerate(zip(expected, got, strict=True)):
        where = f"directive {i}{context}"
        assert party_matches(exp["issuer"], pred.issuer), (
            f"issuer {pred.issuer.id}/{pred.issuer.office} != {exp['issuer']}; {where}")
        want = {norm_id(a) for a in exp["addressees"]}
        have = addressee_set(pred.addressees, exp["addressees"])
        assert have == want, f"addressees {sorted(have)} != {sorted(want)}; {where}"
        f1 = token_f1(pred.action, exp["action"])
        assert f1 >= ACTION_F1, f"action F1 {f1:.2f}: {pred.action!r} vs {exp['action']!r}; {where}"
        if exp.get("exact_action"):
            assert pred.action == exp["action"], f"action {pred.action!r}; {where}"
        assert pred.kind == exp["kind"], f"kind {pred.kind} != {exp['kind']}; {where}"
        if exp["deadline"] is not None:
            assert pred.deadline is not None and pred.deadline.date is not None, (
                f"no deadline date, expected {exp['deadline']}; {where}")
            assert pred.deadline.date.isoformat() == exp["deadline"], (
                f"deadline {pred.deadline.date} != {exp['deadline']}; {where}")
        if exp["recurrence"] is not None:
            assert pred.recurrence is not None, (
                f"no recurrence, expected {exp['recurrence']}; {where}")
            assert norm_rrule(pred.recurrence.rrule) == norm_rrule(exp["recurrence"]), (
                f"recurrence {pred.recurrence.rrule} != {exp['recurrence']}; {where}")


def test_token_f1_helper():
    assert token_f1("провести проверку", "провести проверку") == 1.0
    assert token_f1("", "") == 1.0
    assert token_f1("a b", "c d") == 0.0
    assert abs(token_f1("ряд поручений по снижению", "по снижению") - 2 / 3) < 1e-9
