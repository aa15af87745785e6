"""pandas (and polars) conversion of core's tables (imported when first used).

The columns cross the boundary in one call (``Table._pandas_columns``), already
split by column, with dates as day numbers and categories as codes (``int64``
bytes), so that pandas builds each column from a numpy array without parsing or
guessing: the dtypes follow ``Table.column_types``. ``actions_df`` takes core's
actions table column by column (``Strategy._actions_columns``), where a cell
many actions share is one Python string.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]
    import polars  # type: ignore[import-not-found, unused-ignore]

    from stratagraph._stratagraph import Strategy, Table

# Text columns of these names, in tables whose core row type does not mark them
# as categories yet, still hold a small vocabulary.
_CATEGORIES = {"status", "role", "kind", "severity"}


def _import(name: str, extra: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(f"this needs {name}: pip install 'stratagraph[{extra}]'") from e


def table_to_pandas(table: Table) -> pandas.DataFrame:
    """The table as a DataFrame with dtypes from ``table.column_types``: dates
    as ``datetime64``, categories as ``category``, integers with a missing cell
    as ``Int64``, booleans with a missing cell as ``boolean``.

    >>> import stratagraph
    >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    ...   "nodes": [{"id": "action:1.1.1", "kind": "action", "number": "1.1.1",
    ...              "deadline": {"end": "2023-11-30", "phrase": "By November 2023"}}]}''')
    >>> df = s.timeline().to_pandas()
    >>> str(df["end"].dtype).startswith("datetime64"), df["end"][0].isoformat()
    (True, '2023-11-30T00:00:00')
    """
    return _frame(table.columns, table.column_types, table._pandas_columns())


def _frame(columns: Sequence[str], types: Sequence[str], values: Sequence[Any]) -> pandas.DataFrame:
    """A DataFrame from columns as ``Table._pandas_columns`` gives them: days
    and category codes as ``int64`` bytes, everything else as lists."""
    pd = _import("pandas", "pandas")
    np = _import("numpy", "pandas")
    data = {}
    for name, kind, column in zip(columns, types, values):
        if isinstance(column, tuple):  # a category column: (codes, categories)
            codes, categories = column
            codes = np.frombuffer(codes, dtype=np.int64)
            data[name] = pd.Categorical.from_codes(codes, categories=categories)
        elif kind == "date":  # days since 1970-01-01, NaT when missing
            days = np.frombuffer(column, dtype=np.int64).view("datetime64[D]")
            data[name] = pd.Series(days.astype("datetime64[s]"), copy=False)
        elif kind == "text" and name in _CATEGORIES:
            data[name] = pd.Categorical(column)
        elif kind == "integer" and None in column:
            data[name] = pd.array(column, dtype="Int64")
        elif kind == "boolean" and None in column:
            data[name] = pd.array(column, dtype="boolean")
        else:
            data[name] = column
    return pd.DataFrame(data, columns=list(columns))


def table_to_polars(table: Table) -> polars.DataFrame:
    """The table as a polars DataFrame (dates as ``Date``, categories as
    ``Categorical``). Needs polars (``pip install 'stratagraph[polars]'``)."""
    pl = _import("polars", "polars")
    types = {"date": pl.Date, "category": pl.Categorical}
    frame: polars.DataFrame = pl.DataFrame(table.to_pydict())
    frame = frame.with_columns(
        pl.col(name).str.to_date("%Y-%m-%d") if kind == "date" else pl.col(name).cast(types[kind])
        for name, kind in zip(table.columns, table.column_types)
        if kind in types
    )
    return frame


def actions_df(strategy: Strategy) -> pandas.DataFrame:
    """Core's typed actions table (one row per action) as a DataFrame.

    >>> import stratagraph
    >>> df = stratagraph.generate_plan("S", actions=30).actions_df()
    >>> len(df), str(df["deadline_end"].dtype).startswith("datetime64")
    (30, True)
    >>> df["status"].dtype.name
    'category'
    """
    columns, types, values = strategy._actions_columns()
    return _frame(columns, types, values)


def outcomes_df(strategy: Strategy) -> pandas.DataFrame:
    """Core's outcomes table (one row per outcome) as a DataFrame.

    >>> import stratagraph
    >>> df = stratagraph.generate_plan("S", actions=30).outcomes_df()
    >>> list(df.columns[-4:]), str(df["gap"].dtype)
    (['actions', 'leads', 'partners', 'gap'], 'bool')
    """
    return table_to_pandas(strategy.outcomes_table())


def partners_df(strategy: Strategy) -> pandas.DataFrame:
    """How much each partner carries (``partner_load().to_pandas()``).

    >>> import stratagraph
    >>> df = stratagraph.generate_plan("S", actions=30).partners_df()
    >>> list(df.columns[:3]), str(df["leads"].dtype)
    (['partner', 'label', 'leads'], 'int64')
    """
    return strategy.partner_load().to_pandas()
