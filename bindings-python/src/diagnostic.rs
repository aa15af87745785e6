//! `Diagnostic`: one problem found by validation or parsing, as data.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use stratagraph::{Diagnostic, Severity};

use crate::errors::to_py_err;

/// The longest `repr` of a diagnostic, in characters.
const REPR_MAX: usize = 200;

/// One problem found in a document or a strategy: a stable ``code``
/// (``"numbering_gap"``, ``"action_without_lead"``, ...), a ``severity``
/// (``"info"``, ``"warning"`` or ``"error"``), the ``ids`` of the nodes
/// concerned (most relevant first), a ``message`` a person can act on, and the
/// 1-based ``line`` and ``column`` of the source text when there is one.
///
/// Diagnostics are immutable, compare equal field by field, hash, and pickle.
///
/// >>> import stratagraph
/// >>> d = stratagraph.Diagnostic("action_without_lead", "warning",
/// ...                            "action 1.1.1 has no lead partner", ids=["action:1.1.1"])
/// >>> d.code, d.severity, d.ids, d.line
/// ('action_without_lead', 'warning', ['action:1.1.1'], None)
/// >>> print(d)
/// warning[action_without_lead]: action 1.1.1 has no lead partner (action:1.1.1)
/// >>> d.to_dict()["message"]
/// 'action 1.1.1 has no lead partner'
#[pyclass(
    frozen,
    eq,
    hash,
    module = "stratagraph",
    name = "Diagnostic",
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyDiagnostic {
    pub inner: Diagnostic,
}

impl From<Diagnostic> for PyDiagnostic {
    fn from(inner: Diagnostic) -> Self {
        PyDiagnostic { inner }
    }
}

/// Core's `FromStr`; an unknown name is an `UnknownKindError` (a `ValueError`).
fn severity_from(py: Python<'_>, text: &str) -> PyResult<Severity> {
    text.parse::<Severity>().map_err(|e| to_py_err(py, &e))
}

#[pymethods]
impl PyDiagnostic {
    #[new]
    #[pyo3(signature = (code, severity, message, ids = None, line = None, column = None))]
    fn new(
        py: Python<'_>,
        code: String,
        severity: &str,
        message: String,
        ids: Option<&Bound<'_, PyAny>>,
        line: Option<usize>,
        column: Option<usize>,
    ) -> PyResult<Self> {
        let ids = match ids {
            Some(ids) => crate::items(ids, "ids", |id| id.extract::<String>())?,
            None => Vec::new(),
        };
        Ok(PyDiagnostic {
            inner: Diagnostic {
                code,
                severity: severity_from(py, severity)?,
                ids,
                message,
                line,
                column,
            },
        })
    }

    /// The stable snake_case code of the problem.
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }

    /// ``"info"``, ``"warning"`` or ``"error"``.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }

    /// The ids of the nodes concerned, most relevant first.
    #[getter]
    fn ids(&self) -> Vec<String> {
        self.inner.ids.clone()
    }

    /// A sentence a person can act on.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The 1-based line of the source text, or None.
    #[getter]
    fn line(&self) -> Option<usize> {
        self.inner.line
    }

    /// The 1-based column of the source text, or None.
    #[getter]
    fn column(&self) -> Option<usize> {
        self.inner.column
    }

    /// The diagnostic as a dict with every field: ``code``, ``severity``,
    /// ``ids``, ``message``, ``line`` and ``column`` (None when unknown).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.inner.code)?;
        d.set_item("severity", self.inner.severity.as_str())?;
        d.set_item("ids", &self.inner.ids)?;
        d.set_item("message", &self.inner.message)?;
        d.set_item("line", self.inner.line)?;
        d.set_item("column", self.inner.column)?;
        Ok(d)
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        let text = self.inner.to_string();
        format!("<Diagnostic {}>", stratagraph::text::head(&text, REPR_MAX))
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let d = &slf.get().inner;
        let args = (
            d.code.as_str(),
            d.severity.as_str(),
            d.message.as_str(),
            d.ids.clone(),
            d.line,
            d.column,
        )
            .into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// The core diagnostics of `seq`, a sequence of `Diagnostic` (see
/// [`crate::items`]: a lying `__len__` is not trusted).
pub(crate) fn inner_all(seq: &Bound<'_, PyAny>) -> PyResult<Vec<Diagnostic>> {
    crate::items(seq, "diagnostics", |d| {
        Ok(d.cast::<PyDiagnostic>()?.borrow().inner.clone())
    })
}
