"""networkx: every field and attribute on the graph, and back."""

from __future__ import annotations

import json

import networkx as nx

from stratagraph import Strategy


def test_to_networkx_carries_everything(mini_plan_text: str) -> None:
    plan = Strategy.from_json(mini_plan_text)
    g = plan.to_networkx()
    assert isinstance(g, nx.DiGraph)
    assert list(g.nodes) == list(plan)
    assert g.number_of_edges() == plan.edge_count
    node = g.nodes["priority:1"]
    assert (node["kind"], node["number"], node["weight"], node["share"], node["flagship"]) == (
        "priority",
        "1",
        2,
        0.5,
        True,
    )
    assert node["tags"] == ["prevention"]
    assert g.nodes["action:1.1.1"]["deadline"]["end"] == "2023-11-30"
    lead = g.edges["action:1.1.1", "partner:cosla"]
    assert (lead["kind"], lead["joint"]) == ("led_by", True)


def test_round_trip(mini_plan_text: str) -> None:
    plan = Strategy.from_json(mini_plan_text)
    back = Strategy.from_networkx(plan.to_networkx())
    # networkx lists edges by source node, so only the order of edges may differ
    assert back.nodes() == plan.nodes()
    key = json.dumps
    assert sorted(map(key, back.edges())) == sorted(map(key, plan.edges()))


def test_two_kinds_between_one_pair_make_a_multigraph() -> None:
    doc = {
        "format": "stratagraph",
        "version": 1,
        "nodes": [{"id": "action:1", "kind": "action"}, {"id": "partner:p", "kind": "partner"}],
        "edges": [
            {"source": "action:1", "target": "partner:p", "kind": "led_by"},
            {"source": "action:1", "target": "partner:p", "kind": "key_partner"},
        ],
    }
    s = Strategy.from_json(json.dumps(doc))
    g = s.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert sorted(k for _, _, k in g.edges(keys=True)) == ["key_partner", "led_by"]
    assert Strategy.from_networkx(g) == s


def test_a_graph_built_by_hand() -> None:
    g = nx.DiGraph()
    g.add_node("outcome:1", kind="outcome", number="1", text="People are safe.")
    g.add_node("priority:1", kind="priority", number="1", weight=3)
    g.add_edge("priority:1", "outcome:1", kind="contributes_to")
    s = Strategy.from_networkx(g)
    assert s.node("priority:1")["attrs"] == {"weight": 3}
    assert s.validate() == []
