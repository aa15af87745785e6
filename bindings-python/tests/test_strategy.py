"""The Strategy class: loading, writing, the mapping protocol, batch accessors, pickling."""

from __future__ import annotations

import copy
import json
import pickle
import threading

import pytest

import stratagraph
from stratagraph import Strategy


@pytest.fixture(scope="module")
def plan(mini_plan_text: str) -> Strategy:
    return Strategy.from_json(mini_plan_text)


def test_sizes(plan: Strategy, mini_plan_text: str) -> None:
    doc = json.loads(mini_plan_text)
    assert len(plan) == plan.node_count == len(doc["nodes"]) == 13
    assert plan.edge_count == len(doc["edges"]) == 13


def test_mapping_protocol(plan: Strategy) -> None:
    assert "action:1.1.1" in plan
    assert "action:9.9.9" not in plan
    assert 42 not in plan  # not a str: simply not there
    assert list(plan)[:3] == ["plan:mini", "priority:1", "outcome:1"]
    assert len(list(plan)) == len(plan)
    assert plan["partner:cosla"] == plan.node("partner:cosla")


def test_node_is_its_canonical_json_object(plan: Strategy) -> None:
    canonical = json.loads(plan.to_json())
    by_id = {n["id"]: n for n in canonical["nodes"]}
    for node_id in plan:
        node = plan.node(node_id)
        assert node == by_id[node_id]
        assert list(node) == list(by_id[node_id])  # same keys, same order
    action = plan.node("action:1.1.1")
    assert action["deadline"] == {"end": "2023-11-30", "phrase": "By November 2023"}
    assert action["span"] == {"start": 120, "end": 182, "line": 7}
    attrs = plan.node("priority:1")["attrs"]
    assert attrs == {"flagship": True, "share": 0.5, "weight": 2}
    assert type(attrs["weight"]) is int
    assert type(attrs["share"]) is float


def test_nodes_and_edges_in_one_batch(plan: Strategy) -> None:
    canonical = json.loads(plan.to_json())
    assert plan.nodes() == canonical["nodes"]
    assert plan.edges() == canonical["edges"]
    assert [n["id"] for n in plan.nodes("partner")] == [
        "partner:scottish-government",
        "partner:cosla",
        "partner:in-care-survivors-alliance",
        "partner:penumbra",
    ]
    leads = plan.edges("led_by")
    assert [(e["source"], e["target"]) for e in leads] == [
        ("action:1.1.1", "partner:scottish-government"),
        ("action:1.1.1", "partner:cosla"),
        ("action:1.1.2", "partner:scottish-government"),
    ]
    assert leads[0]["attrs"] == {"joint": True}
    assert "attrs" not in leads[2]
    assert plan.nodes("population_group") == []


def test_unknown_node_and_kind(plan: Strategy) -> None:
    with pytest.raises(stratagraph.UnknownNodeError) as info:
        plan.node("action:9.9.9")
    assert info.value.code == "unknown_node"
    assert info.value.id == "action:9.9.9"
    with pytest.raises(KeyError):
        plan["action:9.9.9"]
    with pytest.raises(stratagraph.UnknownKindError) as kind:
        plan.nodes("lead_partner")
    assert (kind.value.code, kind.value.what, kind.value.value) == (
        "unknown_kind",
        "node kind",
        "lead_partner",
    )
    with pytest.raises(stratagraph.UnknownKindError):
        plan.edges("leads")


def test_round_trip_and_equality(plan: Strategy, mini_plan_text: str) -> None:
    again = Strategy.from_json(plan.to_json())
    assert again == plan
    assert again is not plan
    assert (again != plan) is False
    smaller = json.loads(mini_plan_text)
    smaller["edges"].pop()
    assert Strategy.from_json(json.dumps(smaller)) != plan
    assert plan != "not a strategy"
    with pytest.raises(TypeError):
        hash(plan)


def test_pickle_and_copy(plan: Strategy) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(plan, protocol=protocol))
        assert back == plan
        assert back.to_json() == plan.to_json()
    assert copy.copy(plan) is plan  # immutable
    assert copy.deepcopy(plan) is plan


def test_repr_is_bounded(plan: Strategy) -> None:
    assert repr(plan) == "<stratagraph.Strategy: 13 nodes, 13 edges>"
    nodes = [{"id": f"action:{i}", "kind": "action", "text": "x" * 1000} for i in range(2000)]
    big = Strategy.from_json(json.dumps({"format": "stratagraph", "version": 1, "nodes": nodes}))
    assert len(repr(big)) < 80


def test_immutable(plan: Strategy) -> None:
    with pytest.raises(AttributeError):
        plan.edge_count = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        Strategy()  # type: ignore[call-arg]


def test_threads_share_one_strategy(plan: Strategy) -> None:
    """Frozen and GIL-free inside: many threads read one strategy at once."""
    golden = plan.to_json()
    results: list[bool] = []

    def work() -> None:
        for _ in range(50):
            results.append(plan.to_json() == golden and len(plan.validate()) == 0)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 400


def test_text_with_a_byte_order_mark_or_non_ascii() -> None:
    doc = {
        "format": "stratagraph",
        "version": 1,
        "nodes": [
            {"id": "partner:cymru", "kind": "partner", "label": "Llywodraeth Cymru \u2013 Gŵyl"}
        ],
    }
    s = Strategy.from_json(json.dumps(doc, ensure_ascii=False))
    assert s.node("partner:cymru")["label"] == "Llywodraeth Cymru \u2013 Gŵyl"
    assert "Gŵyl" in s.to_json()  # written as UTF-8 text, not escaped
