"""Exports and imports: the golden files shared with the Rust tests, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOLDEN, read

import stratagraph
from stratagraph import Strategy

# (golden file, format, options): the same pairs as core/tests/export.rs
TEXT_GOLDENS: list[tuple[str, str, dict[str, object]]] = [
    ("mini-plan.json", "json", {}),
    ("mini-plan.graphml", "graphml", {}),
    ("mini-plan.dot", "dot", {}),
    ("mini-plan.mmd", "mermaid", {}),
    ("mini-plan.cytoscape.json", "cytoscape", {}),
    ("mini-plan.node-link.json", "node-link", {}),
    ("mini-plan.kumu.json", "kumu", {}),
    ("mini-plan.archimate.xml", "archimate", {}),
    ("mini-plan.svg", "svg", {}),
    ("mini-plan.partners.svg", "svg", {"partners": True}),
    ("mini-plan.html", "html", {}),
    ("mini-plan.actions.csv", "csv", {}),
    ("mini-plan.actions.csv", "csv", {"table": "actions"}),
    ("mini-plan.nodes.csv", "csv", {"table": "nodes"}),
    ("mini-plan.edges.csv", "csv", {"table": "edges"}),
]


@pytest.fixture(scope="module")
def plan(mini_plan_text: str) -> Strategy:
    return Strategy.from_json(mini_plan_text)


def golden_bytes(name: str) -> bytes:
    return Path(GOLDEN / name).read_bytes()


@pytest.mark.parametrize(("name", "fmt", "options"), TEXT_GOLDENS)
def test_export_matches_golden(
    plan: Strategy, name: str, fmt: str, options: dict[str, object]
) -> None:
    out = plan.to_format(fmt, **options)  # type: ignore[arg-type]
    assert isinstance(out, str)
    assert out == read(GOLDEN / name)


def test_xlsx_is_bytes_and_matches_golden(plan: Strategy) -> None:
    out = plan.to_format("xlsx")
    assert isinstance(out, bytes)
    assert out == golden_bytes("mini-plan.xlsx")
    assert Strategy.from_format(out, "xlsx") == plan


@pytest.mark.parametrize("fmt", ["json", "graphml", "node-link", "xlsx"])
def test_import_reads_exports_back(plan: Strategy, fmt: str) -> None:
    out = plan.to_format(fmt)
    assert Strategy.from_format(out, fmt) == plan
    as_bytes = out if isinstance(out, bytes) else out.encode()
    assert Strategy.from_format(as_bytes, fmt) == plan


def test_csv_nodes_and_edges_read_back(plan: Strategy) -> None:
    out = plan.to_format("csv", table="nodes-and-edges")
    back = Strategy.from_format(out, "csv")
    assert list(back) == list(plan)
    assert back.edges() == plan.edges()


def test_svg_options(plan: Strategy) -> None:
    assert plan.to_format("svg", max_lines=0) != plan.to_format("svg")
    assert plan.to_format("svg", outcomes=True, partners=False) == plan.to_format("svg")


def test_format_errors(plan: Strategy) -> None:
    with pytest.raises(stratagraph.UnknownKindError) as unknown:
        plan.to_format("png")
    assert (unknown.value.what, unknown.value.value) == ("format", "png")
    with pytest.raises(stratagraph.UnknownKindError):
        plan.to_format("csv", table="everything")
    with pytest.raises(stratagraph.UnsupportedError) as unsupported:
        Strategy.from_format("<svg/>", "svg")
    assert (unsupported.value.code, unsupported.value.format) == ("unsupported", "svg")
    with pytest.raises(stratagraph.StratagraphError) as bad:
        Strategy.from_format("<graphml><node></graphml>", "graphml")
    assert bad.value.line is not None
    with pytest.raises(TypeError):
        Strategy.from_format(42, "json")  # type: ignore[arg-type]


def test_repr_html(plan: Strategy) -> None:
    page = plan._repr_html_()
    assert page.startswith('<div class="stratagraph"><p>stratagraph.Strategy: 13 nodes, 13 edges')
    assert read(GOLDEN / "mini-plan.svg") in page


def test_csv_raw_opt_out() -> None:
    """A cell a spreadsheet would run is guarded by default and read back as it was;
    ``raw=True`` writes it as it is, for tools that read CSV as data."""
    payload = '=HYPERLINK("http://evil","click")'
    s = Strategy.from_json(
        '{"format": "stratagraph", "version": 1, "nodes": [{"id": "partner:x", "kind": "partner", '
        f'"label": {json_string(payload)}}}]}}'
    )
    guarded = s.to_format("csv", table="nodes-and-edges")
    assert "'=HYPERLINK" in guarded
    assert Strategy.from_format(guarded, "csv") == s
    raw = s.to_format("csv", table="nodes", raw=True)
    assert ',"=HYPERLINK(' in raw
    assert "'=HYPERLINK" not in raw


def json_string(text: str) -> str:
    import json

    return json.dumps(text)
