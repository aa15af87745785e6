//! Progress reports: `ProgressReport` (`parse_progress_report` is with the
//! other parsers, in `parse`).

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyTuple;
use stratagraph::progress::ProgressReport;

use crate::diagnostic::PyDiagnostic;
use crate::errors::{detached, detached_ok};
use crate::strategy::PyStrategy;
use crate::{count, to_py};

/// A board's dated progress report: a status for each strategic action, in
/// the vocabulary of real reports (``not_started``, ``on_track``,
/// ``at_risk``, ``off_track``, ``missed_no_risk``, ``missed_with_risk``,
/// ``delivered``), with the share of its actions in each status.
///
/// Read one from a board paper with ``parse_progress_report(text)`` or from
/// its canonical JSON with ``ProgressReport.from_json(text)``. Reports are
/// immutable, compare equal by value and pickle through their canonical JSON.
///
/// >>> import stratagraph
/// >>> report = stratagraph.parse_progress_report(
/// ...     "Progress as at 31 March 2024\n2.2 Expand digital therapies.\nAt Risk").report
/// >>> report.date, len(report)
/// (datetime.date(2024, 3, 31), 1)
/// >>> report.entry("2.2")["status"]
/// 'at_risk'
#[pyclass(frozen, module = "stratagraph", name = "ProgressReport")]
pub struct PyProgressReport {
    pub inner: ProgressReport,
}

#[pymethods]
impl PyProgressReport {
    /// Read a report from its canonical JSON (``{"format":
    /// "stratagraph-progress", "version": 1, ...}``). Raises ``JsonError``
    /// (with ``.line`` and ``.column``), ``FormatError`` for a wrong
    /// ``format`` or ``VersionError``.
    #[classmethod]
    fn from_json(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        text: PyBackedStr,
    ) -> PyResult<Self> {
        let inner = detached(py, || ProgressReport::from_json(&text))?;
        Ok(PyProgressReport { inner })
    }

    /// The report's canonical JSON: deterministic, two-space indented, ending
    /// with a newline (byte for byte what Rust and JavaScript write).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        detached_ok(py, || inner.to_json())
    }

    /// The report's title, as printed.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The date the report gives progress as at (a ``datetime.date``), or None.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .date
            .map(|d| {
                py.import("datetime")?
                    .getattr("date")?
                    .call_method1("fromisoformat", (d.to_string(),))
            })
            .transpose()
    }

    /// Every row, in the order printed, as dicts (``number``, ``title``,
    /// ``status``, ``shares``, ``line``).
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.entries)
    }

    /// The headline counts the text states in prose, one dict per counted
    /// thing (``group``, ``total``, ``counts``, ``span``; each count with
    /// ``words`` as written, ``status`` where the words are of the
    /// vocabulary, ``value`` with ``number``, ``unit``, ``bound`` and
    /// ``text`` such as ``"more than 200"``, and ``percent``). Empty when the
    /// text states none; a plan's or strategy's report holds only these.
    ///
    /// >>> import stratagraph
    /// >>> report = stratagraph.parse_progress_report(
    /// ...     "There are 25 (73%) on track, 7 (21%) at risk and 2 (6%) off track.").report
    /// >>> [(c["status"], c["value"]["number"]) for c in report.counts[0]["counts"]]
    /// [('on_track', 25.0), ('at_risk', 7.0), ('off_track', 2.0)]
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.counts)
    }

    /// The row for a strategic action number (``"2.2"``) as a dict, or None
    /// (the last row, if several have the number).
    fn entry<'py>(
        &self,
        py: Python<'py>,
        number: PyBackedStr,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.entry(&number).map(|e| to_py(py, e)).transpose()
    }

    /// The plan with this report attached: each row's node (the strategic
    /// action, else the action, of its number) gets the attributes ``status``,
    /// ``status_date`` and ``status_shares``. Returns the new strategy (the
    /// given one is immutable and stays as it is) and a warning for each row
    /// that matches no node or whose shares do not add up to 100%.
    fn apply_to(
        &self,
        py: Python<'_>,
        strategy: PyRef<'_, PyStrategy>,
    ) -> PyResult<(PyStrategy, Vec<PyDiagnostic>)> {
        let (report, source) = (&self.inner, &strategy.inner);
        let (inner, found) = detached_ok(py, || {
            let mut copy = source.clone();
            let found = report.apply_to(&mut copy);
            (copy, found)
        })?;
        Ok((
            PyStrategy { inner },
            found.into_iter().map(PyDiagnostic::from).collect(),
        ))
    }

    fn __len__(&self) -> usize {
        self.inner.entries.len()
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.inner == other.inner
    }

    fn __repr__(&self) -> String {
        let date = self
            .inner
            .date
            .map_or_else(String::new, |d| format!(" as at {d}"));
        let n = count(self.inner.entries.len(), "entry", "entries");
        format!("<stratagraph.ProgressReport{date}: {n}>")
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let from_json = slf.get_type().getattr("from_json")?;
        let text = slf.get().to_json(py)?;
        Ok((from_json, PyTuple::new(py, [text])?))
    }
}
