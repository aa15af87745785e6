"""Parsers: the ParseResult (strategy, diagnostics, unclassified and skipped lines)."""

from __future__ import annotations

import pickle

import pytest
from conftest import GOLDEN, ROOT, read
from hypothesis import given, settings
from hypothesis import strategies as st

import stratagraph
from stratagraph import ParseResult, TextLine

DATA = ROOT / "examples" / "data"
WELSH_TXT = DATA / "wales-together-for-mental-health.txt"
WELSH_JSON = DATA / "wales-together-for-mental-health.json"
SCOTLAND_TXT = DATA / "scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
PROGRESS_TXT = ROOT / "tests" / "fixtures" / "progress-report.txt"


@pytest.fixture(scope="module")
def welsh() -> ParseResult:
    return stratagraph.parse_strategy(read(WELSH_TXT))


def test_welsh_strategy_matches_the_golden_json(welsh: ParseResult) -> None:
    assert welsh.strategy.to_json() == read(WELSH_JSON)
    assert welsh.strategy == stratagraph.Strategy.from_json(read(WELSH_JSON))


def test_welsh_golden_in_tests_golden(welsh: ParseResult) -> None:
    assert welsh.strategy.to_json() == read(GOLDEN / "wales-together-for-mental-health.json")


def test_scottish_delivery_plan_matches_the_golden_files() -> None:
    r = stratagraph.parse_delivery_plan(read(SCOTLAND_TXT))
    assert r.strategy.to_json() == read(GOLDEN / "scotland-priority-10.json")
    assert stratagraph.diagnostics_to_json(r.diagnostics) == read(
        GOLDEN / "scotland-priority-10.diagnostics.json"
    )


def test_delivery_plan_text_round_trip() -> None:
    plan = stratagraph.parse_delivery_plan(read(SCOTLAND_TXT)).strategy
    text = plan.to_delivery_plan()
    again = stratagraph.parse_delivery_plan(text)
    assert again.strategy.to_delivery_plan() == text
    assert list(again.strategy) == list(plan)


def test_progress_report_matches_the_golden_file() -> None:
    r = stratagraph.parse_progress_report(read(PROGRESS_TXT))
    assert r.report.to_json() == read(GOLDEN / "progress-report.json")
    assert stratagraph.ProgressReport.from_json(r.report.to_json()) == r.report


def test_documents_are_told_apart() -> None:
    cases = {
        SCOTLAND_TXT: "plan",
        WELSH_TXT: "strategy",
        PROGRESS_TXT: "progress",
        WELSH_JSON: "json",
    }
    for path, kind in cases.items():
        text = read(path)
        assert stratagraph.detect_document_kind(text) == kind
        parsed = stratagraph.parse_document(text)
        # one shape for every kind: a progress report fills `report`, the others `strategy`
        assert isinstance(parsed, ParseResult)
        progress = kind == "progress"
        assert (len(parsed.report) > 0, len(parsed.strategy) > 0) == (progress, not progress)
    forced = stratagraph.parse_document(read(WELSH_TXT), "plan")
    assert isinstance(forced, ParseResult)
    with pytest.raises(stratagraph.UnknownKindError):
        stratagraph.parse_document("text", "novel")
    with pytest.raises(stratagraph.JsonError):
        stratagraph.parse_document("{", "json")


def test_json_read_as_text_says_so() -> None:
    json = read(WELSH_JSON)
    for kind in ["plan", "strategy", "progress"]:
        parsed = stratagraph.parse_document(json, kind)
        found = [d for d in parsed.diagnostics if d.code == "json_as_text"]
        assert len(found) == 1, kind
        assert found[0].severity == "error"
        assert f"the kind asked for is {kind}" in found[0].message
        assert "import --from json" in found[0].message
    assert parsed.has_errors
    array = stratagraph.parse_document('[{"id": "action:1"}]')
    assert any(d.code == "json_as_text" for d in array.diagnostics)
    assert not any(d.code == "json_as_text" for d in stratagraph.parse_document(json).diagnostics)


def test_welsh_result_parts(welsh: ParseResult) -> None:
    assert not welsh.has_errors
    assert [(t.line, t.text) for t in welsh.skipped] == [(1, "Skip to main content")]
    assert all(isinstance(t, TextLine) for t in welsh.unclassified)
    codes = {d.code for d in welsh.diagnostics}
    assert "skipped_furniture" in codes
    assert len(welsh.diagnostics) >= len(welsh.skipped) + len(welsh.unclassified)
    assert repr(welsh).startswith("<stratagraph.ParseResult: 16 nodes, 18 edges")


def test_nothing_is_lost() -> None:
    """Every non-blank line is in the model's evidence, unclassified, or skipped."""
    text = "Skip to main content\nHealthy Minds: A Strategy\n\nSomething nobody understands.\n"
    r = stratagraph.parse_strategy(text)
    assert [t.text for t in r.skipped] == ["Skip to main content"]
    kept = {t.line for t in r.skipped} | {t.line for t in r.unclassified}
    spans = {
        e["line"]
        for n in r.strategy.nodes()
        for e in n.get("attrs", {}).get("evidence", [])  # type: ignore[union-attr]
    } | {n["span"]["line"] for n in r.strategy.nodes() if "span" in n}  # type: ignore[index]
    assert {1, 2, 4} <= kept | spans


def test_text_line_value() -> None:
    t = TextLine(3, "Back to top", 40, 51)
    assert (t.line, t.text, t.start, t.end) == (3, "Back to top", 40, 51)
    assert t == TextLine(3, "Back to top", 40, 51)
    assert t.to_dict() == {"line": 3, "text": "Back to top", "start": 40, "end": 51}
    assert repr(t) == "<TextLine 3: 'Back to top'>"
    assert pickle.loads(pickle.dumps(t)) == t
    assert len(repr(TextLine(1, "x" * 10_000, 0, 10_000))) < 100


def test_parse_result_pickles(welsh: ParseResult) -> None:
    back = pickle.loads(pickle.dumps(welsh))
    assert back == welsh
    assert back.strategy == welsh.strategy
    assert back.diagnostics == welsh.diagnostics
    assert back.skipped == welsh.skipped


def test_text_report(welsh: ParseResult) -> None:
    report = welsh.strategy.text_report()
    assert report.startswith("16 nodes, 18 edges")
    assert "Together for Mental Health" in report
    assert welsh.strategy.text_report(welsh.diagnostics) != report or not welsh.diagnostics


PLAN_WORDS = st.sampled_from(
    [
        "Priority 1",
        "Strategic Action 1.1",
        "1.1.1",
        "10.2.3 By November 2023, publish.",
        "Lead and Key Partners:",
        "Scottish Government, COSLA",
        "Over 2023/24",
        "Outcome 3",
        "On Track",
        "33.3% At Risk",
        "Skip to main content",
        "Back to top",
        "\t",
        "|",
    ]
)
DOCUMENTS = st.lists(PLAN_WORDS | st.text(max_size=30), max_size=30).map("\n".join) | st.text()


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_text_parsers_never_raise(text: str) -> None:
    for parse in (stratagraph.parse_strategy, stratagraph.parse_delivery_plan):
        r = parse(text)
        assert stratagraph.Strategy.from_json(r.strategy.to_json()) == r.strategy
        r.strategy.to_delivery_plan()
    p = stratagraph.parse_progress_report(text)
    assert stratagraph.ProgressReport.from_json(p.report.to_json()) == p.report
    assert stratagraph.detect_document_kind(text) in ("json", "plan", "strategy", "progress")
