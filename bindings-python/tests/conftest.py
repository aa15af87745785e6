"""Shared fixtures: paths into the repository (fixtures, golden files, schema)."""

from __future__ import annotations

from pathlib import Path

import pytest

# bindings-python/tests/conftest.py -> the repository root
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
SCHEMA = ROOT / "core" / "schema" / "stratagraph.schema.json"


def read(path: Path) -> str:
    # newline="" keeps the bytes as they are: the golden files are compared byte for byte
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="session")
def mini_plan_text() -> str:
    return read(FIXTURES / "mini-plan.json")


@pytest.fixture(scope="session")
def problems_text() -> str:
    return read(FIXTURES / "validation-problems.json")
