"""pandas conversion of core's tables (imported when first used; needs pandas)."""

from __future__ import annotations

import importlib
import io
import re
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]

    from stratagraph._stratagraph import Strategy, Table

# Core writes dates as YYYY-MM-DD text; these become datetime64 columns.
_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
# Columns holding a value of a small vocabulary become categoricals.
_CATEGORIES = {"status", "role", "kind", "severity"}


def _pandas() -> ModuleType:
    try:
        return importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_pandas() needs pandas: pip install 'stratagraph[pandas]'") from e


def table_to_pandas(table: Table) -> pandas.DataFrame:
    """The table as a DataFrame, built from one column-oriented batch.

    >>> import stratagraph
    >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    ...   "nodes": [{"id": "action:1.1.1", "kind": "action", "number": "1.1.1",
    ...              "deadline": {"end": "2023-11-30", "phrase": "By November 2023"}}]}''')
    >>> df = s.timeline().to_pandas()
    >>> str(df["end"].dtype).startswith("datetime64")
    True
    """
    pd = _pandas()
    data = table.to_pydict()
    frame = pd.DataFrame(data, columns=table.columns)
    for column in table.columns:
        values = [v for v in data[column] if v is not None]
        if values and all(isinstance(v, str) and _DATE.match(v) for v in values):
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
        elif column in _CATEGORIES and all(isinstance(v, str) for v in values):
            frame[column] = frame[column].astype("category")
    return frame


# The text columns of core's actions table (numbers such as "1.10" stay text).
_ACTION_DATES = ("deadline_start", "deadline_end")


def actions_df(strategy: Strategy) -> pandas.DataFrame:
    """Core's actions table (one wide row per action) as a DataFrame.

    >>> import stratagraph
    >>> df = stratagraph.generate_plan("S", actions=30).actions_df()
    >>> len(df), str(df["deadline_end"].dtype).startswith("datetime64")
    (30, True)
    """
    pd = _pandas()
    text = strategy.to_format("csv", table="actions")
    assert isinstance(text, str)
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    for column in _ACTION_DATES:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    frame["status"] = frame["status"].astype("category")
    return frame


def partners_df(strategy: Strategy) -> pandas.DataFrame:
    """How much each partner carries (``partner_load().to_pandas()``)."""
    return strategy.partner_load().to_pandas()
