"""Jupyter display of a strategy: a summary line and core's SVG drawing."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stratagraph._stratagraph import Strategy

# Past this many nodes the drawing is left out of the notebook (ask for it
# with strategy.to_format("svg")).
MAX_DRAWN_NODES = 2000


def strategy_html(strategy: Strategy) -> str:
    """The HTML Jupyter shows for a strategy.

    >>> import stratagraph
    >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    ...   "nodes": [{"id": "outcome:1", "kind": "outcome"}]}''')
    >>> page = s._repr_html_()
    >>> "<svg" in page and "1 node, 0 edges" in page
    True
    """
    n, e = len(strategy), strategy.edge_count
    summary = f"stratagraph.Strategy: {n} node{'' if n == 1 else 's'}, "
    summary += f"{e} edge{'' if e == 1 else 's'}"
    if n > MAX_DRAWN_NODES:
        drawing = (
            f"<p>(not drawn: more than {MAX_DRAWN_NODES} nodes; "
            "use <code>to_format(&quot;svg&quot;)</code>)</p>"
        )
    else:
        drawing = strategy.to_format("svg")
        assert isinstance(drawing, str)
    return f'<div class="stratagraph"><p>{html.escape(summary)}</p>{drawing}</div>'
