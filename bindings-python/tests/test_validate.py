"""validate() / validate_json() and the Diagnostic class."""

from __future__ import annotations

import json
import pickle

import pytest

import stratagraph
from stratagraph import Diagnostic, Strategy


def test_validate_json_codes(problems_text: str) -> None:
    codes = [d.code for d in stratagraph.validate_json(problems_text)]
    for code in [
        "duplicate_id",
        "dangling_edge",
        "hierarchy_cycle",
        "action_outside_strategic_action",
        "undefined_outcome",
        "numbering_duplicate",
        "numbering_gap",
        "action_without_lead",
        "deadline_outside_period",
        "outcome_without_contribution",
        "idle_partner",
    ]:
        assert code in codes


def test_validate_a_clean_plan(mini_plan_text: str) -> None:
    assert Strategy.from_json(mini_plan_text).validate() == []
    assert stratagraph.validate_json(mini_plan_text) == []


def test_validate_on_a_strategy_matches_validate_json(mini_plan_text: str) -> None:
    doc = json.loads(mini_plan_text)
    doc["nodes"].append({"id": "action:1.1.9", "kind": "action", "number": "1.1.9"})
    text = json.dumps(doc)
    assert Strategy.from_json(text).validate() == stratagraph.validate_json(text)
    assert [d.code for d in stratagraph.validate_json(text)] == [
        "action_outside_strategic_action",
        "action_without_lead",
    ]


def test_validate_json_still_raises_for_what_is_not_a_document() -> None:
    with pytest.raises(stratagraph.JsonError):
        stratagraph.validate_json("[1, 2")
    with pytest.raises(stratagraph.VersionError):
        stratagraph.validate_json('{"format": "stratagraph", "version": 7, "nodes": []}')


def test_diagnostic_fields(problems_text: str) -> None:
    d = stratagraph.validate_json(problems_text)[0]
    assert d.code == "duplicate_id"
    assert d.severity == "error"
    assert d.ids == ["partner:lead"]
    assert "partner:lead" in d.message
    assert d.line is None
    assert d.column is None
    assert d.to_dict() == {
        "code": d.code,
        "severity": d.severity,
        "ids": d.ids,
        "message": d.message,
        "line": None,
        "column": None,
    }


def test_diagnostic_value_semantics() -> None:
    d = Diagnostic(
        "numbering_gap", "warning", "gap", ids=["strategic-action:1.1"], line=3, column=5
    )
    same = Diagnostic("numbering_gap", "warning", "gap", ["strategic-action:1.1"], 3, 5)
    assert d == same
    assert hash(d) == hash(same)
    assert d != Diagnostic("numbering_gap", "warning", "gap")
    assert d != "numbering_gap"
    assert len({d, same}) == 1
    assert str(d) == "warning[numbering_gap] line 3:5: gap (strategic-action:1.1)"
    assert repr(d) == "<Diagnostic warning[numbering_gap] line 3:5: gap (strategic-action:1.1)>"
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(d, protocol=protocol)) == d
    with pytest.raises(ValueError, match="severity"):
        Diagnostic("x", "fatal", "no such severity")  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        d.code = "other"  # type: ignore[misc]


def test_diagnostic_repr_is_bounded() -> None:
    d = Diagnostic("long", "info", "word " * 10_000, ids=[f"action:{i}" for i in range(1000)])
    assert len(repr(d)) <= 220
    assert repr(d).endswith("…>")
    assert len(str(d)) > 50_000  # str() is the whole message


def test_diagnostics_to_json_is_cores_format() -> None:
    d = Diagnostic("numbering_gap", "warning", "gap", ids=["a"], line=3)
    text = stratagraph.diagnostics_to_json([d])
    assert text.endswith("]\n")
    assert json.loads(text) == [
        {"code": "numbering_gap", "severity": "warning", "ids": ["a"], "message": "gap", "line": 3}
    ]
    assert stratagraph.diagnostics_to_json(()) == "[]\n"
    with pytest.raises(TypeError):
        stratagraph.diagnostics_to_json(["not a diagnostic"])  # type: ignore[list-item]
