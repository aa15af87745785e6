"""Parsers: the ParseResult (strategy, diagnostics, unclassified and skipped lines)."""

from __future__ import annotations

import pickle

import pytest
from conftest import ROOT, read
from hypothesis import given, settings
from hypothesis import strategies as st

import stratagraph
from stratagraph import ParseResult, TextLine

WELSH_TXT = ROOT / "examples" / "data" / "wales-together-for-mental-health.txt"
WELSH_JSON = ROOT / "examples" / "data" / "wales-together-for-mental-health.json"


@pytest.fixture(scope="module")
def welsh() -> ParseResult:
    return stratagraph.parse_strategy(read(WELSH_TXT))


def test_welsh_strategy_matches_the_golden_json(welsh: ParseResult) -> None:
    assert welsh.strategy.to_json() == read(WELSH_JSON)
    assert welsh.strategy == stratagraph.Strategy.from_json(read(WELSH_JSON))


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


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_strategy_never_raises(text: str) -> None:
    r = stratagraph.parse_strategy(text)
    assert stratagraph.Strategy.from_json(r.strategy.to_json()) == r.strategy
