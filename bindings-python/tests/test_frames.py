"""DataFrames: the typed actions and outcomes tables, column types, dtypes."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

import stratagraph


@pytest.fixture(scope="module")
def progressed() -> stratagraph.Strategy:
    plan = stratagraph.generate_plan("S", actions=200, seed=3)
    report = stratagraph.generate_progress_reports(plan, "S", seed=3)[-1]
    updated, _ = report.apply_to(plan)
    return updated


def test_actions_table_columns_and_types(progressed: stratagraph.Strategy) -> None:
    t = progressed.actions_table()
    assert t.columns == [
        "id",
        "number",
        "text",
        "priority",
        "strategic_action",
        "leads",
        "key_partners",
        "deadline_start",
        "deadline_end",
        "deadline_phrase",
        "outcomes",
        "status",
        "status_date",
    ]
    types = dict(zip(t.columns, t.column_types))
    assert types["deadline_end"] == "date"
    assert types["status"] == "category"
    assert types["number"] == "text"
    assert len(t) == 200
    assert repr(t) == "<stratagraph.Table actions_table: 200 rows, 13 columns>"


def test_to_pydict_agrees_with_to_pylist(progressed: stratagraph.Strategy) -> None:
    for t in (progressed.actions_table(), progressed.outcomes_table(), progressed.partner_load()):
        rows = t.to_pylist()
        cols = t.to_pydict()
        assert list(cols) == t.columns
        assert [dict(zip(cols, values)) for values in zip(*cols.values())] == rows


def test_actions_df_values_and_dtypes(progressed: stratagraph.Strategy) -> None:
    df = progressed.actions_df()
    rows = progressed.actions_table().to_pylist()
    assert len(df) == len(rows)
    for column in ("deadline_start", "deadline_end", "status_date"):
        assert str(df[column].dtype).startswith("datetime64")
    assert df["status"].dtype.name == "category"
    assert df["status"].notna().any()
    assert list(df["status"].cat.categories) == sorted(df["status"].dropna().unique())
    for i, row in enumerate(rows):
        assert df["id"][i] == row["id"]
        for column in ("deadline_start", "deadline_end", "status_date"):
            value = df[column][i]
            if row[column] is None:
                assert pd.isna(value)
            else:
                assert value.date() == datetime.date.fromisoformat(str(row[column]))
        assert (row["status"] is None and pd.isna(df["status"][i])) or df["status"][i] == row[
            "status"
        ]


def test_actions_df_is_the_actions_table(progressed: stratagraph.Strategy) -> None:
    # actions_df takes core's columns, to_pandas() its rows: the same frame
    by_rows = progressed.actions_table().to_pandas()
    pd.testing.assert_frame_equal(progressed.actions_df(), by_rows)
    plain = stratagraph.generate_plan("S", actions=120, seed=11)
    pd.testing.assert_frame_equal(plain.actions_df(), plain.actions_table().to_pandas())


def test_outcomes_and_partners_df(progressed: stratagraph.Strategy) -> None:
    out = progressed.outcomes_df()
    assert list(out.columns) == progressed.outcomes_table().columns
    assert str(out["actions"].dtype) == "int64"
    assert str(out["gap"].dtype) == "bool"
    assert (out["gap"] == (out["actions"] == 0)).all()
    partners = progressed.partners_df()
    assert partners["leads"].sum() >= 200


def test_empty_tables_keep_columns_and_dtypes() -> None:
    empty = stratagraph.Strategy.from_json('{"format": "stratagraph", "version": 1, "nodes": []}')
    df = empty.actions_df()
    assert len(df) == 0
    assert list(df.columns) == empty.actions_table().columns
    assert str(df["deadline_end"].dtype).startswith("datetime64")
    assert df["status"].dtype.name == "category"


def test_every_table_to_pandas_has_typed_columns(progressed: stratagraph.Strategy) -> None:
    for t in (
        progressed.timeline(),
        progressed.gantt(),
        progressed.partner_centrality(),
        progressed.gaps(),
    ):
        df = t.to_pandas()
        assert list(df.columns) == t.columns
        for column, kind in zip(t.columns, t.column_types):
            if kind == "date":
                assert str(df[column].dtype).startswith("datetime64"), (t.name, column)
            elif kind == "category":
                assert df[column].dtype.name == "category", (t.name, column)


def test_to_polars(progressed: stratagraph.Strategy) -> None:
    pl = pytest.importorskip("polars")
    frame = progressed.actions_table().to_polars()
    assert frame.columns == progressed.actions_table().columns
    assert frame.schema["deadline_end"] == pl.Date
    assert frame.schema["status"] == pl.Categorical


def test_diagnostic_severity_names_come_from_core() -> None:
    with pytest.raises(stratagraph.UnknownKindError, match="severity"):
        stratagraph.Diagnostic("x", "fatal", "no such severity")  # type: ignore[arg-type]
