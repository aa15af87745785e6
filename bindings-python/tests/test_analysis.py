"""Queries and analyses: core's tables, in one batch, as lists, dicts and DataFrames."""

from __future__ import annotations

import datetime
import json

import pandas as pd
import pytest

import stratagraph
from stratagraph import Strategy, Table


@pytest.fixture(scope="module")
def plan(mini_plan_text: str) -> Strategy:
    return Strategy.from_json(mini_plan_text)


def tables(plan: Strategy) -> list[Table]:
    return [
        plan.responsibilities(),
        plan.responsibilities("Scottish Government"),
        plan.partner_load(),
        plan.explain_contribution("action:1.1.1", "outcome:1"),
        plan.explain_path("Penumbra", "outcome:2"),
        plan.priority_outcome_matrix(),
        plan.outcome_partner_matrix(),
        plan.gaps(),
        plan.partner_links(),
        plan.partner_centrality(),
        plan.timeline(),
        plan.due_in("2023-01-01", datetime.date(2023, 12, 31)),
        plan.overdue(datetime.date(2024, 6, 1)),
        plan.gantt(),
    ]


def test_every_table_agrees_with_itself(plan: Strategy) -> None:
    for t in tables(plan):
        rows = t.to_pylist()
        columns = t.to_pydict()
        assert len(t) == len(rows)
        assert list(columns) == t.columns
        for row in rows:
            assert list(row) == t.columns
        for c in t.columns:
            assert columns[c] == [row[c] for row in rows]
        assert json.loads(t.to_json())["rows"] == rows
        df = t.to_pandas()
        assert list(df.columns) == t.columns
        assert len(df) == len(t)
        assert repr(t).startswith(f"<stratagraph.Table {t.name}: {len(t)} row")


def test_partner_load(plan: Strategy) -> None:
    top = plan.partner_load().to_pylist()[0]
    assert (top["label"], top["leads"], top["joint_leads"], top["outcomes"]) == (
        "Scottish Government",
        2,
        1,
        2,
    )


def test_responsibilities_of_one_partner(plan: Strategy) -> None:
    rows = plan.responsibilities("Scottish Government").to_pylist()
    assert [(r["number"], r["role"]) for r in rows] == [("1.1.1", "joint_lead"), ("1.1.2", "lead")]
    with pytest.raises(stratagraph.UnknownNodeError):
        plan.responsibilities("Nobody")


def test_explanations(plan: Strategy) -> None:
    why = plan.explain_contribution("action:1.1.1", "outcome:1")
    assert [r["reading"] for r in why.to_pylist()] == [
        "action 1.1.1 is part of strategic action 1.1",
        "strategic action 1.1 is part of priority 1",
        "priority 1 contributes to outcome 1",
    ]
    assert (
        json.loads(plan.explain_contribution("action:1.1.1", "outcome:2").to_json())["found"]
        is False
    )


def test_dates_in_and_out(plan: Strategy) -> None:
    due = plan.due_in(datetime.date(2023, 11, 1), "2023-11-30")
    assert len(due) >= 1
    df = plan.timeline().to_pandas()
    dated = [c for c in df.columns if str(df[c].dtype).startswith("datetime64")]
    assert dated, df.dtypes
    with pytest.raises(stratagraph.InvalidDateError):
        plan.overdue("2023-02-30")
    with pytest.raises(stratagraph.InvalidDateError):
        plan.overdue("soon")
    with pytest.raises(TypeError):
        plan.overdue(20230101)  # type: ignore[arg-type]


def test_empty_table_keeps_its_columns() -> None:
    empty = Strategy.from_json('{"format": "stratagraph", "version": 1, "nodes": []}')
    t = empty.partner_load()
    assert len(t) == 0
    assert t.to_pylist() == []
    df = t.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == t.columns
    assert len(df) == 0
