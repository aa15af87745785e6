//! The parsers and their one result: `ParseResult` (the strategy or the
//! progress report, the diagnostics, the lines that fit nowhere and the page
//! furniture skipped) and `TextLine`.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyTuple};
use stratagraph::parse::{DocumentKind, TextLine};
use stratagraph::{ParseResult, SourceSpan, Strategy};

use crate::count;
use crate::diagnostic::PyDiagnostic;
use crate::errors::{detached, detached_ok, internal_error, to_py_err};
use crate::progress::PyProgressReport;
use crate::strategy::PyStrategy;

/// One line of the source text that did not become part of the model: its
/// 1-based ``line``, its ``text`` (trimmed) and where the text is in the source
/// (``start`` and ``end`` byte offsets of the UTF-8 text).
///
/// >>> import stratagraph
/// >>> r = stratagraph.parse_strategy("Skip to main content\nHealthy Minds: A Strategy")
/// >>> r.skipped
/// [<TextLine 1: 'Skip to main content'>]
/// >>> line = r.skipped[0]
/// >>> line.line, line.text, line.start, line.end
/// (1, 'Skip to main content', 0, 20)
#[pyclass(frozen, eq, module = "stratagraph", name = "TextLine")]
#[derive(Clone, PartialEq)]
pub struct PyTextLine {
    inner: TextLine,
}

#[pymethods]
impl PyTextLine {
    #[new]
    fn new(line: usize, text: String, start: usize, end: usize) -> Self {
        PyTextLine {
            inner: TextLine {
                line,
                span: SourceSpan { start, end, line },
                text,
            },
        }
    }

    /// The 1-based line number.
    #[getter]
    fn line(&self) -> usize {
        self.inner.line
    }

    /// The line's text, trimmed.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The byte offset of the text in the source (UTF-8).
    #[getter]
    fn start(&self) -> usize {
        self.inner.span.start
    }

    /// The byte offset one past the end of the text in the source (UTF-8).
    #[getter]
    fn end(&self) -> usize {
        self.inner.span.end
    }

    /// The line as a dict: ``line``, ``text``, ``start``, ``end``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("line", self.inner.line)?;
        d.set_item("text", &self.inner.text)?;
        d.set_item("start", self.inner.span.start)?;
        d.set_item("end", self.inner.span.end)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = stratagraph::text::head(&self.inner.text, 60);
        let quoted = text.as_ref().into_pyobject(py)?.repr()?;
        Ok(format!("<TextLine {}: {}>", self.inner.line, quoted))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let t = &slf.get().inner;
        let args = (t.line, t.text.as_str(), t.span.start, t.span.end).into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// What every parser gives: the ``strategy`` read from the text (a plan or
/// a strategy, or a progress page that is no board paper; empty for a board
/// paper), the progress ``report`` (only the headline counts the text states,
/// ``report.counts``, unless the text is a progress report), the ``diagnostics`` (problems and remarks, in
/// line order), the ``unclassified`` lines that fit nowhere (kept word for
/// word) and the page furniture ``skipped`` ("Skip to main content", "Back to
/// top"). Every line of the input is in one of these.
///
/// >>> import stratagraph
/// >>> r = stratagraph.parse_strategy("Healthy Minds: A Strategy for Mental Health in Scotland")
/// >>> r.strategy.nodes("strategy")[0]["label"]
/// 'Healthy Minds'
/// >>> r.has_errors, len(r.report)
/// (False, 0)
#[pyclass(frozen, module = "stratagraph", name = "ParseResult")]
pub struct PyParseResult {
    strategy: Py<PyStrategy>,
    report: Py<PyProgressReport>,
    /// The core result with its strategy and report moved out.
    rest: ParseResult,
}

impl PyParseResult {
    pub fn new(py: Python<'_>, mut result: ParseResult) -> PyResult<Self> {
        let strategy = std::mem::take(&mut result.strategy);
        let report = std::mem::take(&mut result.report);
        Ok(PyParseResult {
            strategy: Py::new(py, PyStrategy { inner: strategy })?,
            report: Py::new(py, PyProgressReport { inner: report })?,
            rest: result,
        })
    }

    /// The whole core result again (for pickling).
    fn to_core(&self) -> ParseResult {
        ParseResult {
            strategy: self.strategy.get().inner.clone(),
            report: self.report.get().inner.clone(),
            ..self.rest.clone()
        }
    }
}

pub fn text_lines(lines: &[TextLine]) -> Vec<PyTextLine> {
    lines
        .iter()
        .map(|l| PyTextLine { inner: l.clone() })
        .collect()
}

#[pymethods]
impl PyParseResult {
    /// The strategy read from the text (empty for a board paper).
    #[getter]
    fn strategy(&self, py: Python<'_>) -> Py<PyStrategy> {
        self.strategy.clone_ref(py)
    }

    /// The progress report read from the text (empty unless the text is one).
    #[getter]
    fn report(&self, py: Python<'_>) -> Py<PyProgressReport> {
        self.report.clone_ref(py)
    }

    /// Problems and remarks, in line order.
    #[getter]
    fn diagnostics(&self) -> Vec<PyDiagnostic> {
        self.rest
            .diagnostics
            .iter()
            .cloned()
            .map(PyDiagnostic::from)
            .collect()
    }

    /// The lines that fit nowhere, kept word for word (each with an
    /// ``unclassified_text`` diagnostic).
    #[getter]
    fn unclassified(&self) -> Vec<PyTextLine> {
        text_lines(&self.rest.unclassified)
    }

    /// The page furniture recognised and skipped (each with a
    /// ``skipped_furniture`` diagnostic).
    #[getter]
    fn skipped(&self) -> Vec<PyTextLine> {
        text_lines(&self.rest.skipped)
    }

    /// Whether any diagnostic is an error.
    #[getter]
    fn has_errors(&self) -> bool {
        self.rest.has_errors()
    }

    fn __eq__(&self, py: Python<'_>, other: PyRef<'_, Self>) -> PyResult<bool> {
        let (a, b) = (&self.rest, &other.rest);
        let (sa, sb): (&Strategy, &Strategy) =
            (&self.strategy.get().inner, &other.strategy.get().inner);
        let (ra, rb) = (&self.report.get().inner, &other.report.get().inner);
        detached_ok(py, || a == b && sa == sb && ra == rb)
    }

    fn __repr__(&self) -> String {
        let s = &self.strategy.get().inner;
        let report = &self.report.get().inner;
        let read = if report.is_empty() {
            format!(
                "{}, {}",
                count(s.len(), "node", "nodes"),
                count(s.edge_count(), "edge", "edges")
            )
        } else {
            count(report.entries.len(), "entry", "entries")
        };
        format!(
            "<stratagraph.ParseResult: {read}, {}, {} unclassified, {} skipped>",
            count(self.rest.diagnostics.len(), "diagnostic", "diagnostics"),
            self.rest.unclassified.len(),
            self.rest.skipped.len()
        )
    }

    /// Pickled as core's serde JSON of the whole result (an internal form).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let whole = slf.get().to_core();
        let state = detached_ok(py, || serde_json::to_string(&whole))?
            .map_err(|e| internal_error(py, &e.to_string()))?;
        let restore = py
            .import("stratagraph._stratagraph")?
            .getattr("_parse_result_from_state")?;
        Ok((restore, PyTuple::new(py, [state])?))
    }
}

/// Rebuild a pickled `ParseResult` (see `ParseResult.__reduce__`).
#[pyfunction(name = "_parse_result_from_state")]
pub fn parse_result_from_state(py: Python<'_>, state: PyBackedStr) -> PyResult<PyParseResult> {
    let result = detached(py, || {
        serde_json::from_str::<ParseResult>(&state).map_err(|e| stratagraph::Error::Json {
            line: e.line().max(1),
            column: e.column().max(1),
            message: e.to_string(),
        })
    })?;
    PyParseResult::new(py, result)
}

/// Extract a strategy from the text of its narrative web page (the summary a
/// government publishes about a strategy, in running prose): the strategy, its
/// plan, the body that oversees it, the legislation it gives effect to, what
/// it replaces, the populations it covers and the approach it follows. Never
/// raises for any text: whatever is not understood is kept in
/// ``unclassified`` with a diagnostic.
///
/// >>> import stratagraph
/// >>> r = stratagraph.parse_strategy(
/// ...     "Healthy Minds: A Strategy for Mental Health in Scotland\n"
/// ...     "It gives effect to the Mental Health (Scotland) Act 2015.")
/// >>> [n["label"] for n in r.strategy.nodes("legislation")]
/// ['Mental Health (Scotland) Act 2015']
/// >>> r.strategy.edges("gives_effect_to")[0]["target"]
/// 'legislation:mental-health-scotland-act-2015'
#[pyfunction]
pub fn parse_strategy(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyParseResult> {
    let text = crate::text_of(py, text)?;
    let result = detached_ok(py, || stratagraph::parse_strategy(&text))?;
    PyParseResult::new(py, result)
}

/// Read a delivery plan from its text, copied or scraped from the web page:
/// priorities, strategic actions, numbered actions, outcomes, lead and key
/// partners, deadlines. Never raises for any text: what cannot be read is
/// kept in ``unclassified`` with a diagnostic, page furniture in ``skipped``.
/// ``text`` is ``str`` or ``bytes`` (UTF-8, or UTF-16 with a byte-order mark;
/// other bytes raise ``EncodingError``, a binary file ``BinaryFileError``).
///
/// >>> import stratagraph
/// >>> r = stratagraph.parse_delivery_plan(
/// ...     "Priority 1\nPeople get help early.\nStrategic Action 1.1\nHelp families.\n"
/// ...     "1.1.1 By November 2023, launch a board.\nLead and Key Partners: Scottish Government")
/// >>> sorted(r.strategy)[:2]
/// ['action:1.1.1', 'partner:scottish-government']
/// >>> r.strategy.node("action:1.1.1")["deadline"]["end"]
/// '2023-11-30'
#[pyfunction]
pub fn parse_delivery_plan(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyParseResult> {
    let text = crate::text_of(py, text)?;
    let result = detached_ok(py, || stratagraph::parse_delivery_plan(&text))?;
    PyParseResult::new(py, result)
}

/// Read a progress report in the board-paper layout: each strategic action's
/// number, title, overall status and the share of its actions in each
/// status; the report's title and date from the lines before the first row.
/// Never raises for any text: what is not understood is kept in
/// ``unclassified`` with a diagnostic; the report is in ``report``, with the
/// headline counts its prose states in ``report.counts``. A board paper
/// leaves the ``strategy`` empty; any other progress page (numbered records
/// with "Status:" fields) also fills it with the actions, leads and
/// deadlines its blocks read.
///
/// >>> import stratagraph
/// >>> r = stratagraph.parse_progress_report(
/// ...     "Delivery Plan Progress Report\nProgress as at 31 March 2024\n"
/// ...     "2.2 Expand digital therapies.\nAt Risk\n50% On Track, 50% At Risk\nSee annex.")
/// >>> e = r.report.entries()[0]
/// >>> e["number"], e["status"], [s["percent"] for s in e["shares"]]
/// ('2.2', 'at_risk', [50.0, 50.0])
/// >>> [t.text for t in r.unclassified]
/// ['See annex.']
#[pyfunction]
pub fn parse_progress_report(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyParseResult> {
    let text = crate::text_of(py, text)?;
    let result = detached_ok(py, || stratagraph::parse_progress_report(&text))?;
    PyParseResult::new(py, result)
}

/// Read any document stratagraph knows: canonical JSON, a delivery plan, a
/// narrative strategy or a progress report, of the ``kind`` given (``"json"``,
/// ``"plan"``, ``"strategy"``, ``"progress"``) or the kind
/// ``detect_document_kind`` tells, as the one ``ParseResult`` (a progress
/// report fills its ``report``, and its ``strategy`` unless it is a board
/// paper; the others their ``strategy``, and ``report.counts`` when the
/// text states headline counts). Raises
/// ``UnknownKindError`` for a kind it does not know, and the errors of
/// ``Strategy.from_json`` for canonical JSON.
///
/// >>> import stratagraph
/// >>> r = stratagraph.parse_document("1.1 Train staff.\nOn Track\n100% On Track")
/// >>> len(r.report), len(r.strategy)
/// (1, 0)
#[pyfunction]
#[pyo3(signature = (text, kind = None))]
pub fn parse_document(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    kind: Option<PyBackedStr>,
) -> PyResult<PyParseResult> {
    let text = crate::text_of(py, text)?;
    let kind = kind
        .map(|k| k.parse::<DocumentKind>())
        .transpose()
        .map_err(|e| to_py_err(py, &e))?;
    let result = detached(py, || stratagraph::parse::parse_document(&text, kind))?;
    PyParseResult::new(py, result)
}

/// The kind of a document, told from its text: ``"json"`` (it starts with
/// ``{``), ``"plan"`` (numbered actions, "Lead and Key Partners"),
/// ``"progress"`` (more status lines than plan lines) or ``"strategy"``
/// (anything else).
///
/// >>> import stratagraph
/// >>> stratagraph.detect_document_kind("Together for Mental Health sets out our ambitions.")
/// 'strategy'
#[pyfunction]
pub fn detect_document_kind(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let text = crate::text_of(py, text)?;
    detached_ok(py, || DocumentKind::detect(&text).as_str())
}
