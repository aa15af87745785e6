//! Proposals from another extractor: `merge_proposals` and `ProposalMerge`.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use stratagraph::proposals::{merge_proposals as core_merge, ProposalMerge, Proposals};

use crate::diagnostic::PyDiagnostic;
use crate::errors::{detached, detached_ok};
use crate::strategy::PyStrategy;
use crate::to_py;

/// What ``merge_proposals`` gives: the strategy with the accepted proposals
/// merged in, which proposals were accepted and rejected (and why), where
/// the accepted ones disagree with the rules, and one ``Diagnostic`` per
/// rejection and disagreement. A proposal is named by ``{"list": "node" |
/// "edge", "index": i}``, its place in the proposals document.
#[pyclass(frozen, module = "stratagraph", name = "ProposalMerge")]
pub struct PyProposalMerge {
    inner: ProposalMerge,
}

#[pymethods]
impl PyProposalMerge {
    /// The parse with the accepted proposals merged in.
    #[getter]
    fn strategy(&self) -> PyStrategy {
        PyStrategy {
            inner: self.inner.strategy.clone(),
        }
    }

    /// The proposals accepted, in document order (nodes first), as dicts
    /// (``list``, ``index``).
    #[getter]
    fn accepted<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.accepted)
    }

    /// The proposals rejected, as dicts (``proposal``, ``code``, ``message``).
    #[getter]
    fn rejected<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.rejected)
    }

    /// Where accepted proposals disagree with the rules (the rules' value is
    /// kept), as dicts (``proposal``, ``id``, ``field``, ``rules``, ``proposed``).
    #[getter]
    fn disagreements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.disagreements)
    }

    /// One diagnostic per rejection and per disagreement.
    #[getter]
    fn diagnostics(&self) -> Vec<PyDiagnostic> {
        self.inner
            .diagnostics
            .iter()
            .cloned()
            .map(PyDiagnostic::from)
            .collect()
    }

    /// The merge's canonical JSON: deterministic, two-space indented, ending
    /// with a newline (byte for byte what Rust and JavaScript write).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        detached_ok(py, || inner.to_json())
    }

    fn __repr__(&self) -> String {
        format!(
            "<stratagraph.ProposalMerge: {} accepted, {} rejected, {} disagreements>",
            self.inner.accepted.len(),
            self.inner.rejected.len(),
            self.inner.disagreements.len()
        )
    }
}

/// Merge nodes and links proposed by another extractor (a language model, a
/// person's annotation) into the strategy the rules parsed from ``text``,
/// behind the same gate as the parser's own output: a proposal is accepted
/// only where its span's text is really there and the result validates.
///
/// ``proposals_json`` is a ``{"format": "stratagraph-proposals", "version":
/// 1, "nodes": [...], "edges": [...]}`` document. Spans are **UTF-8 byte
/// offsets** into ``text`` (not Python string indices: use
/// ``len(text[:i].encode())`` to turn an index into one). Raises
/// ``JsonError`` (with ``.line`` and ``.column``), ``FormatError`` or
/// ``VersionError`` for a proposals document that does not read; a proposal
/// that does not pass the gate is no error but one of ``rejected``.
///
/// >>> import stratagraph
/// >>> text = "Priority 1\nStrategic Action 1.1: Support staff.\n1.1.1 Train staff with Penumbra."
/// >>> plan = stratagraph.parse_delivery_plan(text).strategy
/// >>> start = len(text[:text.index("Penumbra")].encode())
/// >>> merged = stratagraph.merge_proposals(text, plan, '{"format": "stratagraph-proposals", '
/// ...     '"version": 1, "nodes": [{"kind": "partner", "label": "Penumbra", '
/// ...     f'"span": {{"start": {start}, "end": {start + 8}}}}}]}}')
/// >>> merged.accepted, merged.rejected
/// ([{'list': 'node', 'index': 0}], [])
#[pyfunction]
pub fn merge_proposals(
    py: Python<'_>,
    text: PyBackedStr,
    strategy: PyRef<'_, PyStrategy>,
    proposals_json: PyBackedStr,
) -> PyResult<PyProposalMerge> {
    let parsed = &strategy.inner;
    let inner = detached(py, || {
        let proposals = Proposals::from_json(&proposals_json)?;
        Ok(core_merge(&text, parsed, &proposals))
    })?;
    Ok(PyProposalMerge { inner })
}
