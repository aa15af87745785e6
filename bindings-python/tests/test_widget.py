"""The notebook widget's Python side: traits, callbacks, the DataFrame, the fallback.

The browser side (the same component, clicks and highlights) is tested in a real JupyterLab:
tests/notebook/jupyterlab.test.mjs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import stratagraph

anywidget = pytest.importorskip("anywidget")
from stratagraph._widget import FILTERS, StrategyWidget  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "data" / "scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
COMPONENT = ROOT / "bindings-wasm" / "explorer" / "strategy-explorer.js"
VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def plan() -> stratagraph.Strategy:
    return stratagraph.parse_delivery_plan(PLAN.read_text(encoding="utf-8")).strategy


def test_explore_is_the_widget_on_the_plan(plan: stratagraph.Strategy) -> None:
    w = plan.explore()
    assert isinstance(w, StrategyWidget)
    assert isinstance(w, anywidget.AnyWidget)
    assert w.strategy is plan
    assert stratagraph.Strategy.from_json(w.plan) == plan
    assert w.selected == []
    assert all(getattr(w, f) == "" for f in FILTERS)
    synced = set(w.keys)
    assert {"selected", "plan", "max_nodes", "view", "partners", *FILTERS} <= synced


def test_the_same_component_and_module_as_the_web_page(plan: stratagraph.Strategy) -> None:
    w = plan.explore()
    # The component is the web page's file, byte for byte (build.sh's copy, not a second source).
    assert w._component == COMPONENT.read_text(encoding="utf-8")
    assert w._wasm[:4] == b"\0asm"
    assert "__wbg_init" in w._glue, "the explorer build's glue"
    # The widget's own module only loads and wires them: it defines no element of its own.
    esm = Path(stratagraph._widget.__file__).with_name("_widget.js").read_text(encoding="utf-8")
    assert "customElements.define" not in esm
    assert "strategy-explorer" in esm


def test_selection_fires_observe_and_gives_the_actions(plan: stratagraph.Strategy) -> None:
    w = plan.explore()
    seen: list[list[str]] = []
    w.observe(lambda change: seen.append(list(change["new"])), names="selected")
    w.selected = ["action:10.1.5", "outcome:3", "action:10.4.1"]
    assert seen == [["action:10.1.5", "outcome:3", "action:10.4.1"]]
    df = w.selected_actions_df()
    assert list(df["number"]) == ["10.1.5", "10.4.1"], "the actions only, in the table's order"
    expected = plan.actions_df()
    assert list(df.columns) == list(expected.columns)
    w.selected = []
    assert w.selected_actions_df().empty
    assert len(seen) == 2


def test_filters_are_traits_with_callbacks(plan: stratagraph.Strategy) -> None:
    w = plan.explore()
    changes: list[tuple[str, str]] = []
    w.observe(lambda c: changes.append((c["name"], c["new"])), names=list(FILTERS))
    w.partner = "partner:convention-of-scottish-local-authorities"
    w.kind = "action"
    w.status = "on_track"
    w.outcome = "outcome:3"
    assert changes == [
        ("partner", "partner:convention-of-scottish-local-authorities"),
        ("kind", "action"),
        ("status", "on_track"),
        ("outcome", "outcome:3"),
    ]


def test_the_fallback_is_the_drawing(plan: stratagraph.Strategy) -> None:
    w = plan.explore()
    bundle = w._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert VIEW in data
    assert data["text/html"] == plan._repr_html_()
    assert "<svg" in data["text/html"]


def test_a_large_plan_is_sent_whole_and_drawn_within_the_budget() -> None:
    fields = {"actions": 1450, "priorities": 30, "partners": 250, "outcomes": 40}
    big = stratagraph.generate_plan("S", seed=42, **fields)
    assert len(big) > 2000
    w = big.explore()
    assert w.max_nodes == 2000
    # The explorer draws a part; its filters see all of it.
    assert len(json.loads(w.plan)["nodes"]) == len(big)
    # Past MAX_DRAWN_NODES the fallback says so instead of drawing.
    data = w._repr_mimebundle_()
    data = data[0] if isinstance(data, tuple) else data
    assert "not drawn" in data["text/html"]
