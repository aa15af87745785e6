"""No input, however hostile, gets anything but a StratagraphError out of the core.

A Rust panic would arrive as pyo3's PanicException (a BaseException that
``except Exception`` does not catch) or, caught in the binding, as
InternalError; both fail these tests.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stratagraph

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NODE_KINDS = ["plan", "priority", "strategic_action", "action", "outcome", "partner", "bogus"]
EDGE_KINDS = ["contains", "led_by", "key_partner", "contributes_to", "member_of", "bogus"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)

ids = st.sampled_from(
    ["priority:1", "strategic-action:1.1", "action:1.1.1", "action:1.1.3", "outcome:1"]
) | st.text(max_size=10)
dates = st.sampled_from(
    ["2023-11-30", "2024-02-29", "2023-02-29", "2023-13-01", "0000-00-00", "", "soon"]
)
windows = st.fixed_dictionaries(
    {}, optional={"start": dates, "end": dates, "phrase": st.text(max_size=10)}
)
numbers = st.sampled_from(
    ["1", "1.1", "1.1.1", "1.1.3", "10.1.2", "", "x.y", "1..2", "99999999999999999999"]
)
nodes = st.fixed_dictionaries(
    {"id": ids, "kind": st.sampled_from(NODE_KINDS)},
    optional={
        "number": numbers,
        "label": st.text(max_size=10),
        "text": st.text(max_size=20),
        "deadline": windows,
        "period": windows,
        "tags": st.lists(st.text(max_size=5), max_size=3),
        "attrs": st.dictionaries(st.text(max_size=5), json_values, max_size=3),
        "span": st.fixed_dictionaries(
            {"start": st.integers(-1, 2**70), "end": st.integers(0, 10), "line": st.integers(0, 10)}
        ),
    },
)
edges = st.fixed_dictionaries(
    {"source": ids, "target": ids, "kind": st.sampled_from(EDGE_KINDS)},
    optional={"attrs": st.dictionaries(st.text(max_size=5), json_values, max_size=2)},
)
documents = st.fixed_dictionaries(
    {
        "format": st.sampled_from(["stratagraph", "stratagraph", "other"]),
        "version": st.sampled_from([1, 1, 1, 2, 0, -1, 1.0, "1"]),
        "nodes": st.lists(nodes, max_size=8),
    },
    optional={"edges": st.lists(edges, max_size=8), "extra": json_values},
)


def check_error(error: stratagraph.StratagraphError | None) -> None:
    if error is not None:
        assert not isinstance(error, stratagraph.InternalError), error
        assert isinstance(error.code, str)


def exercise(text: str) -> None:
    error: stratagraph.StratagraphError | None = None
    try:
        s = stratagraph.Strategy.from_json(text)
    except stratagraph.StratagraphError as e:
        error = e
    else:
        # whatever loads, writes back and validates
        assert stratagraph.Strategy.from_json(s.to_json()) == s
        s.validate()
        s.nodes()
        s.edges()
    check_error(error)
    error = None
    try:
        found = stratagraph.validate_json(text)
    except stratagraph.StratagraphError as e:
        error = e
    else:
        stratagraph.diagnostics_to_json(found)
    check_error(error)


@SETTINGS
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    exercise(text)


@SETTINGS
@given(json_values)
def test_arbitrary_json(value: Any) -> None:
    exercise(json.dumps(value))


@SETTINGS
@given(documents, st.booleans())
def test_document_shaped_json(document: dict[str, Any], indent: bool) -> None:
    exercise(json.dumps(document, indent=2 if indent else None, ensure_ascii=False))


@SETTINGS
@given(documents, st.integers(min_value=0, max_value=400), st.text(max_size=3))
def test_truncated_and_spliced_documents(document: dict[str, Any], cut: int, junk: str) -> None:
    text = json.dumps(document)
    exercise(text[:cut] + junk + text[cut:])
    exercise(text[:cut])


def test_deep_nesting_does_not_crash() -> None:
    for depth in (100, 10_000, 200_000):
        exercise(
            '{"format": "stratagraph", "version": 1, "nodes": [' + "[" * depth + "]" * depth + "]}"
        )
        exercise("[" * depth)
