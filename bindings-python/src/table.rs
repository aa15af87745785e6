//! `Table`: any table-shaped result of core's queries and analyses
//! (`stratagraph::analysis::Table`), crossing the boundary in one batch.

use pyo3::prelude::*;

use pyo3::types::{PyDict, PyList};

use crate::columns::Columns;
use crate::errors::detached_ok;
use crate::{count, to_py};

/// What the binding needs of a core table, object-safe so that one Python
/// class serves every result type.
pub trait AnyTable: Send + Sync {
    fn columns(&self) -> &'static [&'static str];
    /// What each column holds (core's `ColumnType`s).
    fn column_types(&self) -> Vec<stratagraph::analysis::ColumnType>;
    /// The rows column by column (see [`Columns`]).
    fn columns_to_py<'py>(&self, py: Python<'py>, pandas: bool)
        -> PyResult<Vec<Bound<'py, PyAny>>>;
    /// Each row as a Python dict (core's serde output for the row).
    fn rows_to_py<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>>;
    fn len(&self) -> usize;
    fn to_json(&self) -> String;
}

impl<T: stratagraph::analysis::Table + Send + Sync> AnyTable for T {
    fn columns(&self) -> &'static [&'static str] {
        stratagraph::analysis::Table::columns(self)
    }
    fn column_types(&self) -> Vec<stratagraph::analysis::ColumnType> {
        stratagraph::analysis::Table::column_types(self)
    }
    fn columns_to_py<'py>(
        &self,
        py: Python<'py>,
        pandas: bool,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let rows = stratagraph::analysis::Table::rows(self);
        let types = stratagraph::analysis::Table::column_types(self);
        let mut cols = Columns::new(py, self.columns(), &types, rows.len(), pandas);
        for row in rows {
            cols.push(row)?;
        }
        cols.finish()
    }
    fn rows_to_py<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        stratagraph::analysis::Table::rows(self)
            .iter()
            .map(|row| to_py(py, row))
            .collect()
    }
    fn len(&self) -> usize {
        stratagraph::analysis::Table::len(self)
    }
    fn to_json(&self) -> String {
        stratagraph::analysis::Table::to_json(self)
    }
}

/// A table-shaped answer (partner load, responsibilities, gaps, timeline,
/// ...): rows of plain values (text, numbers, booleans, dates written
/// ``YYYY-MM-DD``) under the column names in ``columns``.
///
/// ``to_pylist()`` gives the rows as dicts, ``to_pydict()`` the columns as
/// lists, ``column_types`` what each column holds, ``to_pandas()`` a DataFrame
/// with dtypes from them (needs pandas), ``to_polars()`` a polars one, and
/// ``to_json()`` the whole result as core writes it (with any summary fields
/// beside the rows). Each crosses the boundary in one call.
///
/// >>> import stratagraph
/// >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
/// ...   "nodes": [{"id": "action:1.1.1", "kind": "action", "number": "1.1.1"},
/// ...             {"id": "partner:cosla", "kind": "partner", "label": "COSLA"}],
/// ...   "edges": [{"source": "action:1.1.1", "target": "partner:cosla", "kind": "led_by"}]}''')
/// >>> t = s.partner_load()
/// >>> t
/// <stratagraph.Table partner_load: 1 row, 10 columns>
/// >>> t.columns[:3]
/// ['partner', 'label', 'leads']
/// >>> t.to_pylist()[0]["leads"], t.to_pydict()["label"]
/// (1, ['COSLA'])
#[pyclass(frozen, module = "stratagraph", name = "Table")]
pub struct PyTable {
    name: &'static str,
    inner: Box<dyn AnyTable>,
}

impl PyTable {
    pub fn new(name: &'static str, table: impl AnyTable + 'static) -> PyTable {
        PyTable {
            name,
            inner: Box::new(table),
        }
    }
}

#[pymethods]
impl PyTable {
    /// The name of the query or analysis that made the table (``"partner_load"``).
    #[getter]
    fn name(&self) -> &'static str {
        self.name
    }

    /// The column names, in order (known even when there are no rows).
    #[getter]
    fn columns(&self) -> Vec<&'static str> {
        self.inner.columns().to_vec()
    }

    /// The rows as a list of dicts, one per row, keys in column order.
    fn to_pylist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let columns = self.inner.columns();
        let rows = self.inner.rows_to_py(py)?;
        for row in &rows {
            // a field core leaves out (skipped when empty) is a None cell
            let row = row.cast::<PyDict>().map_err(PyErr::from)?;
            if row.len() != columns.len() {
                for c in columns {
                    if !row.contains(*c)? {
                        row.set_item(*c, py.None())?;
                    }
                }
            }
        }
        PyList::new(py, rows)
    }

    /// What each column holds, in column order: ``"text"``, ``"category"``
    /// (a small vocabulary: a status, a role), ``"integer"``, ``"float"``,
    /// ``"boolean"`` or ``"date"`` (``YYYY-MM-DD`` text); ``to_pandas()`` sets
    /// the dtypes from them.
    #[getter]
    fn column_types(&self) -> Vec<&'static str> {
        self.inner
            .column_types()
            .iter()
            .map(|t| t.as_str())
            .collect()
    }

    /// The rows column by column: a dict from each column name to the list of
    /// its values (the layout DataFrame constructors read fastest), built in
    /// one pass without a dict per row.
    fn to_pydict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        let lists = self.inner.columns_to_py(py, false)?;
        for (c, list) in self.inner.columns().iter().zip(lists) {
            out.set_item(*c, list)?;
        }
        Ok(out)
    }

    /// For ``to_pandas()``: the columns in order, date columns as days since
    /// 1970-01-01 (``-2**63`` when missing, numpy's ``NaT``) and category
    /// columns as ``(codes, categories)`` (code -1 when missing), days and
    /// codes as native ``int64`` bytes for ``numpy.frombuffer``.
    fn _pandas_columns<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.inner.columns_to_py(py, true)
    }

    /// The whole result as core writes it: deterministic, two-space indented
    /// JSON with the ``rows`` and any summary fields.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        detached_ok(py, || inner.to_json())
    }

    /// The table as a pandas DataFrame: columns in order, dtypes from
    /// ``column_types`` (dates as ``datetime64``, categories as ``category``).
    /// Needs pandas (``pip install stratagraph[pandas]``).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("stratagraph._pandas")?
            .call_method1("table_to_pandas", (slf,))
    }

    /// The table as a polars DataFrame (dates as ``Date``, categories as
    /// ``Categorical``). Needs polars (``pip install stratagraph[polars]``).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("stratagraph._pandas")?
            .call_method1("table_to_polars", (slf,))
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<stratagraph.Table {}: {}, {}>",
            self.name,
            count(self.inner.len(), "row", "rows"),
            count(self.inner.columns().len(), "column", "columns")
        )
    }
}
