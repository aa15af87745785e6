# Checked with (pin these in CI):
#   networkx==3.6.1  numpy==2.4.6  scipy==1.17.1  pytest==9.2.0  (Python 3.11)
# networkx's pagerank needs numpy and scipy.
"""The partner-network centralities stratagraph computes equal networkx's.

For every golden file ``tests/golden/<name>.centrality.json`` (written by
``core/tests/analysis_network.rs``), rebuild the partner network with networkx
from the canonical JSON (the golden ``tests/golden/<source>`` or the document
embedded under ``strategy``), independently of stratagraph, and compare:

- the links and their weights;
- degree centrality, betweenness (hops and ``distance = 1/weight``),
  eigenvector centrality and PageRank (weighted), within 1e-9;
- the modularity networkx gives the communities stratagraph found.

The rule being rebuilt (``core/src/analysis/network.rs``): nodes are every
partner node, in document order; two partners are linked when both are a lead
(``led_by``) or key partner (``key_partner``) of the same action; the link's
weight is the number of such actions.
"""

import json
from itertools import combinations
from pathlib import Path

import pytest

nx = pytest.importorskip("networkx")

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
TOL = 1e-9


def goldens():
    return sorted(GOLDEN.glob("*.centrality.json"))


def load_document(golden):
    if "strategy" in golden:
        return golden["strategy"]
    return json.loads((GOLDEN / golden["source"]).read_text(encoding="utf-8"))


def partner_network(doc):
    kinds = {n["id"]: n["kind"] for n in doc["nodes"]}
    g = nx.Graph()
    for n in doc["nodes"]:
        if n["kind"] == "partner":
            g.add_node(n["id"])
    roles = {}
    for e in doc["edges"]:
        if (
            e["kind"] in ("led_by", "key_partner")
            and kinds.get(e["source"]) == "action"
            and kinds.get(e["target"]) == "partner"
        ):
            roles.setdefault(e["source"], set()).add(e["target"])
    for action, partners in roles.items():
        for a, b in combinations(sorted(partners), 2):
            if g.has_edge(a, b):
                g[a][b]["weight"] += 1
                g[a][b]["actions"].append(action)
            else:
                g.add_edge(a, b, weight=1, actions=[action])
    for _, _, d in g.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return g


@pytest.fixture(params=goldens(), ids=lambda p: p.name.removesuffix(".centrality.json"))
def case(request):
    golden = json.loads(request.param.read_text(encoding="utf-8"))
    return golden, partner_network(load_document(golden))


def test_there_are_goldens():
    names = [p.name for p in goldens()]
    assert "mini-plan.centrality.json" in names
    assert "synthetic-plan.centrality.json" in names
    assert "scotland-priority-10.centrality.json" in names


def test_links_and_weights(case):
    golden, g = case
    theirs = {frozenset((u, v)): d["weight"] for u, v, d in g.edges(data=True)}
    ours = {frozenset((r["source"], r["target"])): r["weight"] for r in golden["links"]}
    assert ours == theirs
    assert golden["centrality"]["nodes"] == g.number_of_nodes()
    assert golden["centrality"]["links"] == g.number_of_edges()
    assert [r["partner"] for r in golden["centrality"]["rows"]] == list(g.nodes)


def check(golden, column, expected):
    rows = golden["centrality"]["rows"]
    assert len(rows) == len(expected)
    for r in rows:
        assert r[column] == pytest.approx(expected[r["partner"]], abs=TOL, rel=0), (
            column,
            r["partner"],
        )


def test_degree(case):
    golden, g = case
    check(golden, "degree_centrality", nx.degree_centrality(g))
    for r in golden["centrality"]["rows"]:
        assert r["degree"] == g.degree(r["partner"])
        assert r["strength"] == g.degree(r["partner"], weight="weight")


def test_betweenness_hops(case):
    golden, g = case
    check(golden, "betweenness", nx.betweenness_centrality(g))


def test_betweenness_distance(case):
    golden, g = case
    check(golden, "betweenness_weighted", nx.betweenness_centrality(g, weight="distance"))


def test_eigenvector(case):
    golden, g = case
    assert golden["centrality"]["eigenvector_converged"]
    check(golden, "eigenvector", nx.eigenvector_centrality(g, weight="weight"))


def test_pagerank(case):
    golden, g = case
    assert golden["centrality"]["pagerank_converged"]
    check(golden, "pagerank", nx.pagerank(g, alpha=0.85, weight="weight"))


def test_communities_modularity(case):
    golden, g = case
    groups = {}
    for r in golden["centrality"]["rows"]:
        groups.setdefault(r["community"], set()).add(r["partner"])
    communities = [groups[k] for k in sorted(groups)]
    assert len(communities) == golden["centrality"]["communities"]
    if g.number_of_edges() == 0:
        return
    q = nx.community.modularity(g, communities, weight="weight")
    assert golden["centrality"]["modularity"] == pytest.approx(q, abs=TOL, rel=0)
    # Deterministic Louvain should be about as good as networkx's (seeded) one.
    best = max(
        nx.community.modularity(
            g, nx.community.louvain_communities(g, weight="weight", seed=s), weight="weight"
        )
        for s in range(5)
    )
    assert q >= best - 0.05
