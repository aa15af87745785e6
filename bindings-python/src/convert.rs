//! Core values as plain Python objects: core's serde output (the same fields,
//! in the same order, as in canonical JSON) read by Python's `json.loads`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde::Serialize;

use crate::errors::internal_error;

static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Serialize `value` as JSON (call it with the GIL released for big values).
pub fn to_json_text<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

/// The Python object (dict, list, str, int, float, bool, None) `json.loads` gives for `text`.
pub fn loads<'py>(py: Python<'py>, text: Result<String, String>) -> PyResult<Bound<'py, PyAny>> {
    let text = text.map_err(|e| internal_error(py, &e))?;
    let loads = JSON_LOADS.get_or_try_init(py, || {
        py.import("json")?.getattr("loads").map(Bound::unbind)
    })?;
    loads.bind(py).call1((text,))
}
