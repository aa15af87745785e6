"""Every core error arrives as its own StratagraphError subclass with .code (and .line/.column)."""

from __future__ import annotations

import json

import pytest

import stratagraph
from stratagraph import Strategy

# class name -> (code, the built-in exception it also is)
HIERARCHY = {
    "JsonError": ("json", ValueError),
    "FormatError": ("format", ValueError),
    "VersionError": ("version", ValueError),
    "DuplicateIdError": ("duplicate_id", ValueError),
    "DanglingEdgeError": ("dangling_edge", ValueError),
    "UnknownNodeError": ("unknown_node", KeyError),
    "UnknownKindError": ("unknown_kind", ValueError),
    "InvalidDateError": ("invalid_date", ValueError),
    "ParseError": ("parse", ValueError),
    "UnsupportedError": ("unsupported", ValueError),
    "StratagraphIOError": ("io", OSError),
    "TooLargeError": ("too_large", ValueError),
    "EncodingError": ("encoding", ValueError),
    "BinaryFileError": ("binary", ValueError),
    "InternalError": ("internal", Exception),
}


def doc(nodes: list[dict[str, object]], edges: list[dict[str, object]] | None = None) -> str:
    return json.dumps({"format": "stratagraph", "version": 1, "nodes": nodes, "edges": edges or []})


@pytest.mark.parametrize(("name", "spec"), sorted(HIERARCHY.items()))
def test_hierarchy(name: str, spec: tuple[str, type[Exception]]) -> None:
    code, builtin = spec
    cls = getattr(stratagraph, name)
    assert issubclass(cls, stratagraph.StratagraphError)
    assert issubclass(cls, builtin)
    assert cls.code == code
    assert cls.__module__ == "stratagraph"
    assert cls.__doc__
    assert issubclass(stratagraph.StratagraphError, Exception)


def test_malformed_json_has_line_and_column() -> None:
    with pytest.raises(stratagraph.JsonError) as info:
        Strategy.from_json('{"format": "stratagraph",\n  "version": 1,\n  "nodes": [}')
    e = info.value
    assert (e.code, e.line, e.column) == ("json", 3, 13)
    assert "line 3, column 13" in str(e)
    assert isinstance(e, ValueError)


def test_wrong_shape_is_a_json_error_with_location() -> None:
    text = '{"format": "stratagraph", "version": 1,\n "nodes": [{"id": "a:1"}]}'
    with pytest.raises(stratagraph.JsonError) as info:
        Strategy.from_json(text)
    assert info.value.line == 2
    assert "kind" in str(info.value)


def test_wrong_format() -> None:
    with pytest.raises(stratagraph.FormatError) as info:
        Strategy.from_json('{"format": "graphml", "version": 1, "nodes": []}')
    e = info.value
    assert (e.code, e.found, e.line, e.column) == ("format", '"graphml"', None, None)
    assert e.expected == "stratagraph"


def test_wrong_version() -> None:
    with pytest.raises(stratagraph.VersionError) as info:
        Strategy.from_json('{"format": "stratagraph", "version": 2, "nodes": []}')
    e = info.value
    assert (e.code, e.found, e.supported) == ("version", "2", 1)
    assert "version 2" in str(e)
    with pytest.raises(stratagraph.VersionError) as missing:
        Strategy.from_json('{"format": "stratagraph", "nodes": []}')
    assert missing.value.found == "missing"


def test_duplicate_id() -> None:
    with pytest.raises(stratagraph.DuplicateIdError) as info:
        Strategy.from_json(doc([{"id": "outcome:1", "kind": "outcome"}] * 2))
    e = info.value
    assert (e.code, e.id, e.line, e.column) == ("duplicate_id", "outcome:1", None, None)


def test_dangling_edge() -> None:
    text = doc(
        [{"id": "action:1.1.1", "kind": "action"}],
        [{"source": "action:1.1.1", "target": "partner:nobody", "kind": "led_by"}],
    )
    with pytest.raises(stratagraph.DanglingEdgeError) as info:
        Strategy.from_json(text)
    e = info.value
    assert e.code == "dangling_edge"
    assert (e.source, e.target, e.kind, e.missing) == (
        "action:1.1.1",
        "partner:nobody",
        "led_by",
        "partner:nobody",
    )
    assert "partner:nobody" in str(e)


def test_unknown_node_is_a_key_error_with_a_plain_message() -> None:
    s = Strategy.from_json(doc([]))
    with pytest.raises(KeyError) as info:
        s.node("outcome:7")
    e = info.value
    assert isinstance(e, stratagraph.UnknownNodeError)
    assert (e.code, e.id) == ("unknown_node", "outcome:7")
    assert str(e) == 'no node has id "outcome:7"'


def test_unknown_kind() -> None:
    with pytest.raises(stratagraph.UnknownKindError) as info:
        Strategy.from_json(doc([])).edges("leads")
    assert (info.value.code, info.value.what, info.value.value) == (
        "unknown_kind",
        "edge kind",
        "leads",
    )


def test_an_impossible_date_is_reported_where_it_is() -> None:
    text = doc([{"id": "action:1", "kind": "action", "deadline": {"end": "2023-02-30"}}])
    with pytest.raises(stratagraph.StratagraphError) as info:
        Strategy.from_json(text)
    assert info.value.code in ("json", "invalid_date")
    assert "2023-02-30" in str(info.value)


def test_every_error_is_caught_by_the_base_class() -> None:
    for bad in ["", "{", "[]", "null", '{"format": "stratagraph"}', doc([{"id": 1}])]:
        with pytest.raises(stratagraph.StratagraphError) as info:
            Strategy.from_json(bad)
        assert isinstance(info.value.code, str)
        assert info.value.code == type(info.value).code


def test_errors_pickle() -> None:
    import pickle

    with pytest.raises(stratagraph.JsonError) as info:
        Strategy.from_json("{")
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is stratagraph.JsonError
    assert str(back) == str(info.value)


def test_not_a_string_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        Strategy.from_json(b"{}")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        stratagraph.validate_json(None)  # type: ignore[arg-type]
