"""Canonical JSON written from Python validates against the committed JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import FIXTURES, SCHEMA, read

import stratagraph


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(read(SCHEMA))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_exported_schema_is_the_committed_file() -> None:
    assert json.loads(stratagraph.JSON_SCHEMA) == json.loads(read(SCHEMA))


@pytest.mark.parametrize("name", ["mini-plan.json"])
def test_canonical_output_validates(validator: jsonschema.Draft202012Validator, name: str) -> None:
    text = stratagraph.Strategy.from_json(read(FIXTURES / name)).to_json()
    errors = sorted(validator.iter_errors(json.loads(text)), key=str)
    assert errors == []


def test_schema_rejects_a_wrong_version(validator: jsonschema.Draft202012Validator) -> None:
    assert not validator.is_valid({"format": "stratagraph", "version": 2, "nodes": [], "edges": []})
