"""The golden files shared with the Rust and JavaScript tests, byte for byte."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, GOLDEN, read

import stratagraph

# Every canonical-JSON fixture that has a golden file of the same name.
CANONICAL = sorted(p.name for p in GOLDEN.glob("*.json") if (FIXTURES / p.name).exists())


def test_golden_pairs_exist() -> None:
    assert "mini-plan.json" in CANONICAL


@pytest.mark.parametrize("name", CANONICAL)
def test_canonical_json_matches_golden(name: str) -> None:
    fixture = FIXTURES / name
    strategy = stratagraph.Strategy.from_json(read(fixture))
    assert strategy.to_json() == read(GOLDEN / name)


def test_mini_plan_golden(mini_plan_text: str) -> None:
    golden = read(GOLDEN / "mini-plan.json")
    assert stratagraph.Strategy.from_json(mini_plan_text).to_json() == golden
    # the golden text is canonical: reading and writing it again is the identity
    assert stratagraph.Strategy.from_json(golden).to_json() == golden


def test_validation_problems_golden(problems_text: str) -> None:
    found = stratagraph.validate_json(problems_text)
    golden = read(GOLDEN / "validation-problems.diagnostics.json")
    assert stratagraph.diagnostics_to_json(found) == golden
    # the objects carry what the JSON says, field for field
    expected = json.loads(golden)
    assert [d.code for d in found] == [e["code"] for e in expected]
    assert [d.severity for d in found] == [e["severity"] for e in expected]
    assert [d.ids for d in found] == [e["ids"] for e in expected]
    assert [d.message for d in found] == [e["message"] for e in expected]
    assert [d.line for d in found] == [e.get("line") for e in expected]
