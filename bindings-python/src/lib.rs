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
use pyo3::pybacked::PyBackedStr;

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
fn validate_json(py: Python<'_>, text: PyBackedStr) -> PyResult<Vec<PyDiagnostic>> {
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
fn diagnostics_to_json(py: Python<'_>, diagnostics: Vec<PyDiagnostic>) -> PyResult<String> {
    let diagnostics: Vec<stratagraph::Diagnostic> =
        diagnostics.into_iter().map(|d| d.inner).collect();
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
