"""One home for each rule (issue 13): from Python, every table that shows an action's
outcomes or status (the CSV export, ``actions_table``, ``actions_df``, ``node_contexts``)
gives the same answer for the same plan."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import ROOT, read

import stratagraph
from stratagraph import Strategy

MINI = ROOT / "tests" / "fixtures" / "mini-plan.json"
SCOTLAND = ROOT / "examples" / "data" / "scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
REPORT = (
    "10.1 Parents and families.\tDelivered\n"
    "10.3 Care experience.\tOff track\n"
    "10.3.2 Support survivors.\tOn track"
)

# What one table says of each action: (outcome numbers, status), by action id.
Answers = dict[str, tuple[list[str], str]]


def cells(text: object) -> list[str]:
    return [x for x in str(text or "").split("; ") if x]


def plans() -> list[tuple[str, Strategy]]:
    mini = Strategy.from_json(read(MINI))
    scotland = stratagraph.parse_delivery_plan(read(SCOTLAND)).strategy
    rated, _ = stratagraph.parse_progress_report(REPORT).report.apply_to(scotland)
    generated = stratagraph.generate_plan("S", actions=60, seed=5)
    return [
        ("mini-plan", mini),
        ("scotland", scotland),
        ("scotland rated", rated),
        ("generated", generated),
    ]


def from_actions_table(s: Strategy) -> Answers:
    rows = s.actions_table().to_pylist()
    return {str(r["id"]): (cells(r["outcomes"]), str(r["status"] or "")) for r in rows}


def from_actions_df(s: Strategy) -> Answers:
    df = s.actions_df()
    out: Answers = {}
    for i, o, st in zip(df["id"], df["outcomes"], df["status"], strict=True):
        out[str(i)] = (cells(o), "" if st is None or st != st else str(st))  # NaN != NaN
    return out


def from_csv(s: Strategy) -> Answers:
    rows = csv.DictReader(io.StringIO(s.to_format("csv", table="actions"), newline=""))
    return {r["id"]: (cells(r["outcomes"]), r["status"]) for r in rows}


def from_node_contexts(s: Strategy) -> Answers:
    out: Answers = {}
    for r in s.node_contexts().to_pylist():
        if r["kind"] == "action":
            numbers = [str(s[o]["number"] or s[o]["label"]) for o in cells(r["outcomes"])]
            out[str(r["id"])] = (numbers, str(r["status"] or ""))
    return out


@pytest.mark.parametrize(("name", "plan"), plans(), ids=[name for name, _ in plans()])
def test_every_table_gives_the_same_outcomes_and_status(name: str, plan: Strategy) -> None:
    table = from_actions_table(plan)
    assert table, name
    assert from_csv(plan) == table
    assert from_actions_df(plan) == table
    assert from_node_contexts(plan) == table


def test_the_csv_counts_inherited_outcomes() -> None:
    # issue 13: the CSV gave "" and "2" here while actions_table gave "1" and "1; 2"
    mini = Strategy.from_json(read(MINI))
    assert [o for o, _ in from_csv(mini).values()] == [["1"], ["1", "2"]]
