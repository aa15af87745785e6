"""networkx conversion through core's node-link format (needs networkx).

Core writes and reads networkx's node-link JSON, so the graph carries every
field and attribute and comes back as the same nodes and edges.
"""

from __future__ import annotations

import importlib
import json
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx  # type: ignore[import-untyped, unused-ignore]

    from stratagraph._stratagraph import Strategy


def _networkx() -> ModuleType:
    try:
        return importlib.import_module("networkx")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_networkx() needs networkx: pip install 'stratagraph[networkx]'"
        ) from e


def _plain(value: object) -> object:
    """JSON for the numpy scalars networkx users put in attributes."""
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def to_networkx(strategy: Strategy) -> networkx.DiGraph:
    """The strategy as a networkx graph.

    >>> import stratagraph
    >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    ...   "nodes": [{"id": "priority:1", "kind": "priority", "number": "1", "attrs": {"weight": 2}},
    ...             {"id": "outcome:1", "kind": "outcome", "number": "1"}],
    ...   "edges": [{"source": "priority:1", "target": "outcome:1", "kind": "contributes_to"}]}''')
    >>> g = s.to_networkx()
    >>> g.nodes["priority:1"]["weight"], g.edges["priority:1", "outcome:1"]["kind"]
    (2, 'contributes_to')
    >>> stratagraph.Strategy.from_networkx(g) == s
    True
    """
    nx = _networkx()
    data = json.loads(strategy.to_format("node-link"))
    try:
        return nx.node_link_graph(data, edges="edges")
    except TypeError:  # networkx < 3.4
        return nx.node_link_graph(data, link="edges")


def from_networkx(graph: networkx.Graph) -> Strategy:
    """A strategy from a networkx graph shaped like ``to_networkx()`` gives."""
    nx = _networkx()
    try:
        data = nx.node_link_data(graph, edges="edges")
    except TypeError:  # networkx < 3.4
        data = nx.node_link_data(graph, link="edges")
    from stratagraph._stratagraph import Strategy

    return Strategy.from_format(json.dumps(data, default=_plain), "node-link")
