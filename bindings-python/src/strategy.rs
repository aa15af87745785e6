//! `Strategy`: the core strategy graph, immutable from Python.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyIterator, PyList, PyTuple};
use stratagraph::{EdgeKind, Error, Node, NodeKind, Strategy};

use crate::convert::{loads, to_json_text};
use crate::diagnostic::PyDiagnostic;
use crate::errors::{detached, detached_ok, to_py_err};

/// A strategy and its delivery plan as a typed graph: nodes (priorities,
/// strategic actions, actions, outcomes, partners, ...) under stable string ids
/// such as ``"action:10.1.1"``, and typed edges between them (``contains``,
/// ``led_by``, ``contributes_to``, ...).
///
/// A ``Strategy`` is immutable. It behaves like a read-only mapping from node
/// ids to nodes: ``len(s)`` counts the nodes, ``id in s`` tests an id,
/// ``s[id]`` is the node as a dict, and iterating gives the ids in canonical
/// order. Two strategies are equal when they hold the same nodes and edges in
/// the same order. Strategies pickle through their canonical JSON.
///
/// >>> import stratagraph
/// >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
/// ...   "nodes": [{"id": "outcome:1", "kind": "outcome", "number": "1", "text": "People are safe."},
/// ...             {"id": "priority:1", "kind": "priority", "number": "1"}],
/// ...   "edges": [{"source": "priority:1", "target": "outcome:1", "kind": "contributes_to"}]}''')
/// >>> len(s), s.edge_count
/// (2, 1)
/// >>> "outcome:1" in s
/// True
/// >>> list(s)
/// ['outcome:1', 'priority:1']
/// >>> s["outcome:1"]["text"]
/// 'People are safe.'
/// >>> s
/// <stratagraph.Strategy: 2 nodes, 1 edge>
#[pyclass(frozen, module = "stratagraph", name = "Strategy")]
pub struct PyStrategy {
    pub inner: Strategy,
}

impl PyStrategy {
    fn node_or_err(&self, py: Python<'_>, id: &str) -> PyResult<&Node> {
        self.inner
            .node(id)
            .ok_or_else(|| to_py_err(py, &Error::UnknownNode { id: id.to_owned() }))
    }
}

fn parse_kind<K: std::str::FromStr<Err = Error>>(py: Python<'_>, kind: &str) -> PyResult<K> {
    kind.parse::<K>().map_err(|e| to_py_err(py, &e))
}

#[pymethods]
impl PyStrategy {
    /// Read a strategy from its canonical JSON text.
    ///
    /// Raises ``JsonError`` (with ``.line`` and ``.column``) for malformed JSON
    /// or a document of the wrong shape, ``FormatError`` and ``VersionError``
    /// for a document that is not stratagraph version 1, ``DuplicateIdError``
    /// and ``DanglingEdgeError`` for broken references (``validate_json``
    /// reports every problem of such a document instead).
    ///
    /// >>> import stratagraph
    /// >>> s = stratagraph.Strategy.from_json(
    /// ...     '{"format": "stratagraph", "version": 1, "nodes": [{"id": "outcome:1", "kind": "outcome"}]}')
    /// >>> len(s)
    /// 1
    /// >>> try:
    /// ...     stratagraph.Strategy.from_json('{"format": "stratagraph", "version": 2, "nodes": []}')
    /// ... except stratagraph.VersionError as e:
    /// ...     print(e.code, e.found, e.supported)
    /// version 2 1
    #[classmethod]
    fn from_json(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        text: PyBackedStr,
    ) -> PyResult<Self> {
        let inner = detached(py, || Strategy::from_json(&text))?;
        Ok(PyStrategy { inner })
    }

    /// The canonical JSON of the strategy: deterministic (the same strategy
    /// always gives the same text), two-space indented, ending with a newline.
    ///
    /// >>> import stratagraph
    /// >>> s = stratagraph.Strategy.from_json(
    /// ...     '{"format": "stratagraph", "version": 1, "nodes": [{"id": "outcome:1", "kind": "outcome"}]}')
    /// >>> print(s.to_json(), end="")
    /// {
    ///   "format": "stratagraph",
    ///   "version": 1,
    ///   "nodes": [
    ///     {
    ///       "id": "outcome:1",
    ///       "kind": "outcome"
    ///     }
    ///   ],
    ///   "edges": []
    /// }
    /// >>> stratagraph.Strategy.from_json(s.to_json()) == s
    /// True
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        detached_ok(py, || inner.to_json())
    }

    /// Every problem of the strategy at once, as a list of ``Diagnostic``
    /// (empty when there is none).
    ///
    /// >>> import stratagraph
    /// >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    /// ...   "nodes": [{"id": "outcome:1", "kind": "outcome", "number": "1", "text": "People are safe."}]}''')
    /// >>> [(d.code, d.severity, d.ids) for d in s.validate()]
    /// [('outcome_without_contribution', 'warning', ['outcome:1'])]
    fn validate(&self, py: Python<'_>) -> PyResult<Vec<PyDiagnostic>> {
        let inner = &self.inner;
        let found = detached_ok(py, || inner.validate())?;
        Ok(found.into_iter().map(PyDiagnostic::from).collect())
    }

    /// The readable report of the strategy: its hierarchy as an indented
    /// outline (each node with its leads, partners, deadline, outcomes, ...),
    /// the nodes outside the hierarchy grouped by kind, then the diagnostics,
    /// which are the given ones or, by default, those of ``validate()``.
    ///
    /// >>> import stratagraph
    /// >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    /// ...   "nodes": [{"id": "priority:1", "kind": "priority", "number": "1", "text": "Help early."}]}''')
    /// >>> "Priority 1: Help early." in s.text_report()
    /// True
    #[pyo3(signature = (diagnostics = None))]
    fn text_report(
        &self,
        py: Python<'_>,
        diagnostics: Option<Vec<PyDiagnostic>>,
    ) -> PyResult<String> {
        let inner = &self.inner;
        detached_ok(py, move || {
            let diagnostics = match diagnostics {
                Some(given) => given.into_iter().map(|d| d.inner).collect(),
                None => inner.validate(),
            };
            stratagraph::report::text_report(inner, &diagnostics)
        })
    }

    /// The number of nodes (the same as ``len(strategy)``).
    #[getter]
    fn node_count(&self) -> usize {
        self.inner.len()
    }

    /// The number of edges.
    #[getter]
    fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// The node with this id, as its canonical JSON object (a dict with ``id``,
    /// ``kind`` and the fields that are set). Raises ``UnknownNodeError`` (a
    /// ``KeyError``) when no node has the id.
    ///
    /// >>> import stratagraph
    /// >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    /// ...   "nodes": [{"id": "partner:cosla", "kind": "partner", "label": "COSLA", "tags": ["local"]}]}''')
    /// >>> s.node("partner:cosla")
    /// {'id': 'partner:cosla', 'kind': 'partner', 'label': 'COSLA', 'tags': ['local']}
    /// >>> s.node("partner:nobody")
    /// Traceback (most recent call last):
    /// ...
    /// stratagraph.UnknownNodeError: no node has id "partner:nobody"
    fn node<'py>(&self, py: Python<'py>, id: PyBackedStr) -> PyResult<Bound<'py, PyAny>> {
        let node = self.node_or_err(py, &id)?;
        loads(py, to_json_text(node))
    }

    /// The nodes, in canonical order, as their canonical JSON objects (dicts);
    /// only those of one kind (``"action"``, ``"partner"``, ...) when ``kind``
    /// is given. Raises ``UnknownKindError`` for a kind that does not exist.
    ///
    /// >>> import stratagraph
    /// >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    /// ...   "nodes": [{"id": "outcome:1", "kind": "outcome"}, {"id": "partner:cosla", "kind": "partner"}]}''')
    /// >>> [n["id"] for n in s.nodes()]
    /// ['outcome:1', 'partner:cosla']
    /// >>> s.nodes("partner")
    /// [{'id': 'partner:cosla', 'kind': 'partner'}]
    #[pyo3(signature = (kind = None))]
    fn nodes<'py>(
        &self,
        py: Python<'py>,
        kind: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let kind: Option<NodeKind> = kind.map(|k| parse_kind(py, &k)).transpose()?;
        let inner = &self.inner;
        let text = detached_ok(py, || {
            let nodes: Vec<&Node> = match kind {
                Some(kind) => inner.nodes_of_kind(kind).collect(),
                None => inner.nodes().collect(),
            };
            to_json_text(&nodes)
        })?;
        loads(py, text)
    }

    /// The edges, in canonical order, as their canonical JSON objects (dicts with
    /// ``source``, ``target``, ``kind`` and ``attrs`` when there are any); only
    /// those of one kind (``"led_by"``, ``"contains"``, ...) when ``kind`` is given.
    ///
    /// >>> import stratagraph
    /// >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    /// ...   "nodes": [{"id": "action:1.1.1", "kind": "action"}, {"id": "partner:cosla", "kind": "partner"}],
    /// ...   "edges": [{"source": "action:1.1.1", "target": "partner:cosla", "kind": "led_by",
    /// ...              "attrs": {"joint": true}}]}''')
    /// >>> s.edges()
    /// [{'source': 'action:1.1.1', 'target': 'partner:cosla', 'kind': 'led_by', 'attrs': {'joint': True}}]
    /// >>> s.edges("contains")
    /// []
    #[pyo3(signature = (kind = None))]
    fn edges<'py>(
        &self,
        py: Python<'py>,
        kind: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let kind: Option<EdgeKind> = kind.map(|k| parse_kind(py, &k)).transpose()?;
        let inner = &self.inner;
        let text = detached_ok(py, || {
            let edges: Vec<_> = inner
                .edges()
                .filter(|e| kind.is_none_or(|k| e.kind == k))
                .map(|e| e.to_edge())
                .collect();
            to_json_text(&edges)
        })?;
        loads(py, text)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __contains__(&self, id: &Bound<'_, PyAny>) -> bool {
        id.extract::<PyBackedStr>()
            .is_ok_and(|id| self.inner.contains(&id))
    }

    fn __getitem__<'py>(&self, py: Python<'py>, id: PyBackedStr) -> PyResult<Bound<'py, PyAny>> {
        self.node(py, id)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        let ids = PyList::new(py, self.inner.nodes().map(|n| n.id.as_str()))?;
        ids.try_iter()
    }

    fn __eq__(&self, py: Python<'_>, other: PyRef<'_, Self>) -> PyResult<bool> {
        let (a, b) = (&self.inner, &other.inner);
        detached_ok(py, || a == b)
    }

    fn __repr__(&self) -> String {
        let (n, e) = (self.inner.len(), self.inner.edge_count());
        format!(
            "<stratagraph.Strategy: {n} node{}, {e} edge{}>",
            if n == 1 { "" } else { "s" },
            if e == 1 { "" } else { "s" }
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let from_json = slf.get_type().getattr("from_json")?;
        let text = slf.get().to_json(py)?;
        Ok((from_json, PyTuple::new(py, [text])?))
    }

    fn __copy__(slf: &Bound<'_, Self>) -> Py<Self> {
        slf.clone().unbind()
    }

    fn __deepcopy__(slf: &Bound<'_, Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf.clone().unbind()
    }
}
