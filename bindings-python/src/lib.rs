//! Python bindings of stratagraph: the native module `stratagraph._stratagraph`,
//! re-exported by the pure-Python package `stratagraph`.
//!
//! The binding converts types and errors and releases the GIL around core
//! calls; every answer comes from one core function. Errors are mapped in one
//! place, [`errors`]; a Rust panic is caught there and never reaches Python.

mod columns;
mod diagnostic;
#[doc(hidden)]
pub mod errors;
mod generate;
mod parse;
mod progress;
mod proposals;
mod strategy;
#[cfg(test)]
mod stubs;
mod table;

use pyo3::prelude::*;

use crate::diagnostic::PyDiagnostic;
use crate::errors::{detached, detached_ok};
use crate::strategy::PyStrategy;

/// Read canonical JSON leniently and report every problem of the document at
/// once, as a list of ``Diagnostic``: duplicate ids and dangling edges first,
/// then every problem of the strategy they leave. Raises only when the text
/// is not a stratagraph document at all (``JsonError``, ``FormatError``,
/// ``VersionError``).
///
/// >>> import stratagraph
/// >>> found = stratagraph.validate_json('''{"format": "stratagraph", "version": 1,
/// ...   "nodes": [{"id": "outcome:1", "kind": "outcome", "number": "1", "text": "Safe."},
/// ...             {"id": "outcome:1", "kind": "outcome", "number": "1", "text": "Safe."}],
/// ...   "edges": [{"source": "action:9", "target": "outcome:1", "kind": "contributes_to"}]}''')
/// >>> [d.code for d in found]
/// ['duplicate_id', 'dangling_edge', 'outcome_without_contribution']
#[pyfunction]
fn validate_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyDiagnostic>> {
    let text = text_of(py, text)?;
    let found = detached(py, || stratagraph::validate_json(&text))?;
    Ok(found.into_iter().map(PyDiagnostic::from).collect())
}

/// Diagnostics as a JSON array: deterministic, two-space indented, ending with
/// a newline; the same bytes as the Rust and JavaScript APIs give.
///
/// >>> import stratagraph
/// >>> stratagraph.diagnostics_to_json([])
/// '[]\n'
/// >>> d = stratagraph.Diagnostic("idle_partner", "warning", "partner leads nothing")
/// >>> print(stratagraph.diagnostics_to_json([d]), end="")
/// [
///   {
///     "code": "idle_partner",
///     "severity": "warning",
///     "ids": [],
///     "message": "partner leads nothing"
///   }
/// ]
#[pyfunction]
fn diagnostics_to_json(py: Python<'_>, diagnostics: &Bound<'_, PyAny>) -> PyResult<String> {
    let diagnostics = diagnostic::inner_all(diagnostics)?;
    detached_ok(py, || stratagraph::diagnostics_to_json(&diagnostics))
}

/// `value` (core's serde output) as Python objects: structs and maps as
/// dicts (fields in declaration order), sequences as lists, unit variants as
/// their name; `pythonize` does the work.
pub(crate) fn to_py<'py, T: serde::Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// The items of `seq` (any iterable but `str` and `bytes`), each made by
/// `item`, taken one at a time: nothing is allocated from what `__len__`
/// says, so a sequence that lies about its length, or fails half-way, is a
/// Python exception (its own, or `TypeError`), never a crash.
pub(crate) fn items<'py, T>(
    seq: &Bound<'py, PyAny>,
    what: &str,
    mut item: impl FnMut(&Bound<'py, PyAny>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    use pyo3::types::{PyByteArray, PyBytes, PyString};
    if seq.is_instance_of::<PyString>()
        || seq.is_instance_of::<PyBytes>()
        || seq.is_instance_of::<PyByteArray>()
    {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{what} must be a sequence, not {}",
            seq.get_type().name()?
        )));
    }
    let iter = seq.try_iter().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!("{what} must be a sequence"))
    })?;
    let mut out = Vec::new();
    for value in iter {
        out.push(item(&value?)?);
    }
    Ok(out)
}

/// A document's text as a caller gives it: `str`, or `bytes` decoded by
/// `stratagraph::parse::encoding::decode`.
pub(crate) enum Text {
    Str(pyo3::pybacked::PyBackedStr),
    Decoded(String),
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Str(s) => s,
            Text::Decoded(s) => s,
        }
    }
}

/// The text of `value` (`str`, or `bytes` in UTF-8 or UTF-16 with a
/// byte-order mark): `EncodingError` for bytes that are not text in these,
/// `BinaryFileError` for a binary file, `TypeError` for anything else.
pub(crate) fn text_of(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Text> {
    if let Ok(text) = value.extract::<pyo3::pybacked::PyBackedStr>() {
        return Ok(Text::Str(text));
    }
    let bytes: pyo3::pybacked::PyBackedBytes = value
        .extract()
        .map_err(|_| pyo3::exceptions::PyTypeError::new_err("text must be str or bytes"))?;
    let text = errors::detached(py, || {
        stratagraph::parse::encoding::decode(&bytes).map(std::borrow::Cow::into_owned)
    })?;
    Ok(Text::Decoded(text))
}

/// `1 edge`, `2 edges`: a count for a `repr`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[pymodule]
fn _stratagraph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("JSON_SCHEMA", stratagraph::JSON_SCHEMA)?;
    m.add_class::<PyStrategy>()?;
    m.add_class::<PyDiagnostic>()?;
    m.add_class::<parse::PyParseResult>()?;
    m.add_class::<parse::PyTextLine>()?;
    m.add_class::<table::PyTable>()?;
    m.add_class::<progress::PyProgressReport>()?;
    m.add_function(wrap_pyfunction!(parse::parse_delivery_plan, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_strategy, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_progress_report, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_document, m)?)?;
    m.add_function(wrap_pyfunction!(parse::detect_document_kind, m)?)?;
    m.add_function(wrap_pyfunction!(generate::generate_plan, m)?)?;
    m.add_function(wrap_pyfunction!(generate::generate_delivery_plan_text, m)?)?;
    m.add_function(wrap_pyfunction!(generate::generate_progress_reports, m)?)?;
    // private (not in __all__): what unpickling a ParseResult calls
    m.setattr(
        "_parse_result_from_state",
        wrap_pyfunction!(parse::parse_result_from_state, m)?,
    )?;
    m.add_class::<proposals::PyProposalMerge>()?;
    m.add_function(wrap_pyfunction!(proposals::merge_proposals, m)?)?;
    m.add_function(wrap_pyfunction!(validate_json, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostics_to_json, m)?)?;
    errors::register(m)?;
    Ok(())
}
