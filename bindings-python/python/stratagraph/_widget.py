"""The explorer as a notebook widget (anywidget): ``Strategy.explore()``.

The widget shows the web page's ``<strategy-explorer>``: the same component
(``bindings-wasm/explorer/strategy-explorer.js``) and the same WebAssembly
module (the explorer build, ``dist/pkg-explorer``), which the wheel carries in
``stratagraph/_explorer/`` (``bindings-wasm/build.sh`` copies them there before
the wheel is built). The widget's own JavaScript (``_widget.js``) only loads
them and wires the traits to the component's properties and events.

The selection (``selected``: node ids) and the filters (``kind``, ``partner``,
``outcome``, ``priority``, ``status``, and the search ``q``) are traits synced
both ways: a click in the drawing sets ``selected`` and fires ``observe``
callbacks; setting it from Python highlights the boxes. Where widgets cannot
be shown (nbconvert, GitHub) the output falls back to the SVG drawing.

This module imports anywidget when it is imported, which happens the first
time ``explore()`` is called (``import stratagraph`` does not).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import anywidget
    import traitlets
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError(
        "the notebook widget needs anywidget: pip install 'stratagraph[widget]'"
    ) from e

from stratagraph._jupyter import strategy_html

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]

    from stratagraph._stratagraph import Strategy

HERE = Path(__file__).resolve().parent
# What build.sh copies into the package: the component, the explorer build's glue and .wasm.
EXPLORER = HERE / "_explorer"
COMPONENT = "strategy-explorer.js"
GLUE = "stratagraph_wasm.js"
WASM = "stratagraph_wasm_bg.wasm"

#: The filters of the explorer, as traits of the widget (and the component's properties).
FILTERS = ("q", "kind", "partner", "outcome", "priority", "status")


def _explorer_file(name: str) -> Path:
    path = EXPLORER / name
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: the explorer is not in this build of stratagraph "
            "(bindings-wasm/build.sh copies it into the package before the wheel is built)"
        )
    return path


class StrategyWidget(anywidget.AnyWidget):
    """A strategy in the interactive explorer, in a notebook.

    ``selected`` is the list of selected node ids; ``kind``, ``partner``,
    ``outcome``, ``priority``, ``status`` (ids or names of the vocabulary, ``""``
    for none) and ``q`` (the search) are the filters. All are synced with the
    explorer both ways; ``widget.observe(callback, names="selected")`` is called
    on every change of the selection. ``max_nodes`` is the drawing's budget: a
    larger plan is drawn in part, with a note on what was left out.

    >>> import stratagraph
    >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    ...   "nodes": [{"id": "action:1.1.1", "kind": "action", "number": "1.1.1"}]}''')
    >>> w = s.explore()
    >>> seen = []
    >>> w.observe(lambda change: seen.append(change["new"]), names="selected")
    >>> w.selected = ["action:1.1.1"]
    >>> seen, list(w.selected_actions_df()["number"])
    ([['action:1.1.1']], ['1.1.1'])
    """

    _esm = HERE / "_widget.js"
    _component = traitlets.Unicode("").tag(sync=True)
    _glue = traitlets.Unicode("").tag(sync=True)
    _wasm = traitlets.Bytes(b"").tag(sync=True)
    #: The plan shown, as canonical JSON.
    plan = traitlets.Unicode("").tag(sync=True)
    #: The selected node ids, in the order they were selected.
    selected = traitlets.List(traitlets.Unicode()).tag(sync=True)
    q = traitlets.Unicode("").tag(sync=True)
    kind = traitlets.Unicode("").tag(sync=True)
    partner = traitlets.Unicode("").tag(sync=True)
    outcome = traitlets.Unicode("").tag(sync=True)
    priority = traitlets.Unicode("").tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    #: Draw the partners column too.
    partners = traitlets.Bool(False).tag(sync=True)
    #: "drawing" or "table" (the same nodes as a table).
    view = traitlets.Unicode("drawing").tag(sync=True)
    #: The drawing's budget in nodes.
    max_nodes = traitlets.Int(2000).tag(sync=True)

    def __init__(self, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(
            plan=strategy.to_json(),
            _component=_explorer_file(COMPONENT).read_text(encoding="utf-8"),
            _glue=_explorer_file(GLUE).read_text(encoding="utf-8"),
            _wasm=_explorer_file(WASM).read_bytes(),
            **kwargs,
        )
        self._strategy = strategy

    @property
    def strategy(self) -> Strategy:
        """The strategy shown."""
        return self._strategy

    def selected_actions_df(self) -> pandas.DataFrame:
        """The rows of ``strategy.actions_df()`` for the selected actions, in
        the table's order (selected nodes that are not actions are left out).
        Needs pandas."""
        df = self._strategy.actions_df()
        numbers = {
            self._strategy[i].get("number")
            for i in self.selected
            if i in self._strategy and self._strategy[i].get("kind") == "action"
        }
        return df[df["number"].isin(numbers)].reset_index(drop=True)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The widget, and the drawing as HTML where widgets are not shown."""
        bundle = super()._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, None)
        data = {**(data or {}), "text/html": strategy_html(self._strategy)}
        return (data, metadata) if metadata is not None else data


def explore(strategy: Strategy) -> StrategyWidget:
    """``Strategy.explore()``: the strategy in the notebook widget."""
    return StrategyWidget(strategy)
