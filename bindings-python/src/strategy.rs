//! `Strategy`: the core strategy graph, immutable from Python.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyIterator, PyList, PyTuple};
use stratagraph::analysis::diff::DiffOptions;
use stratagraph::analysis::{align, coverage, diff, indicators, network, timeline};
use stratagraph::format::import;
use stratagraph::format::{export, CsvTable, ExportOptions, Format};
use stratagraph::progress::rollup as progress;
use stratagraph::progress::ProgressReport;
use stratagraph::{query, Date, Edge, EdgeKind, Error, Node, NodeKind, Strategy};

use crate::columns::{action_columns_to_py, own_columns_to_py};
use crate::diagnostic::PyDiagnostic;
use crate::errors::{beside, detached, detached_ok, internal_error, to_py_err};
use crate::progress::PyProgressReport;
use crate::table::PyTable;
use crate::{count, to_py};

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

/// A date argument: `datetime.date` (or anything with `year`, `month` and
/// `day`) or `YYYY-MM-DD` text.
fn date_arg(value: &Bound<'_, PyAny>) -> PyResult<Date> {
    let py = value.py();
    if let Ok(text) = value.extract::<PyBackedStr>() {
        return text.parse::<Date>().map_err(|e| to_py_err(py, &e));
    }
    let part = |name: &str| -> PyResult<i64> {
        value
            .getattr(name)
            .and_then(|v| v.extract::<i64>())
            .map_err(|_| PyTypeError::new_err("expected a datetime.date or YYYY-MM-DD text"))
    };
    let (year, month, day) = (part("year")?, part("month")?, part("day")?);
    let date = match (i32::try_from(year), u8::try_from(month), u8::try_from(day)) {
        (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d),
        _ => None,
    };
    date.ok_or_else(|| {
        to_py_err(
            py,
            &Error::InvalidDate {
                value: format!("{year:04}-{month:02}-{day:02}"),
            },
        )
    })
}

/// Call `function` of the pure-Python module `stratagraph.<module>` (the
/// optional pandas / networkx / Jupyter helpers, imported when first used).
fn call_python<'py>(
    py: Python<'py>,
    module: &str,
    function: &str,
    arg: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import(format!("stratagraph.{module}"))?
        .call_method1(function, (arg,))
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
        diagnostics: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let given = diagnostics.map(crate::diagnostic::inner_all).transpose()?;
        let inner = &self.inner;
        detached_ok(py, move || {
            let diagnostics = match given {
                Some(given) => given,
                None => inner.validate(),
            };
            stratagraph::format::report::text_report(inner, &diagnostics)
        })
    }

    /// The strategy written in another format: ``"json"``, ``"csv"``,
    /// ``"xlsx"``, ``"graphml"``, ``"dot"``, ``"mermaid"``, ``"cytoscape"``,
    /// ``"node-link"``, ``"kumu"``, ``"archimate"``, ``"svg"`` or ``"html"``. Text formats
    /// give ``str``; ``xlsx`` (a zip file) gives ``bytes``. ``table`` picks the
    /// CSV table (``"actions"``, ``"nodes"``, ``"edges"``, ``"nodes-and-edges"``);
    /// ``partners``, ``outcomes`` and ``max_lines`` shape the SVG drawing.
    /// CSV cells a spreadsheet would run as a formula (starting ``=``, ``+``,
    /// ``-``, ``@``, tab or carriage return) are prefixed with ``'`` (reading
    /// the CSV back removes it); ``raw=True`` writes them as they are, for
    /// tools that read CSV as data.
    /// Options left as None take core's defaults. Raises ``UnknownKindError``
    /// for an unknown format or table, ``UnsupportedError`` for a format this
    /// build cannot write.
    ///
    /// >>> import stratagraph
    /// >>> s = stratagraph.Strategy.from_json('''{"format": "stratagraph", "version": 1,
    /// ...   "nodes": [{"id": "priority:1", "kind": "priority", "number": "1"},
    /// ...             {"id": "outcome:1", "kind": "outcome", "number": "1"}],
    /// ...   "edges": [{"source": "priority:1", "target": "outcome:1", "kind": "contributes_to"}]}''')
    /// >>> s.to_format("dot").splitlines()[0]
    /// 'digraph strategy {'
    /// >>> s.to_format("csv", table="edges").splitlines()
    /// ['source,target,kind,attrs', 'priority:1,outcome:1,contributes_to,']
    #[pyo3(signature = (format, *, table = None, partners = None, outcomes = None, max_lines = None, raw = None))]
    #[allow(clippy::too_many_arguments)] // one per keyword argument of the Python method
    fn to_format<'py>(
        &self,
        py: Python<'py>,
        format: PyBackedStr,
        table: Option<PyBackedStr>,
        partners: Option<bool>,
        outcomes: Option<bool>,
        max_lines: Option<usize>,
        raw: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let format: Format = parse_kind(py, &format)?;
        let mut options = ExportOptions::default();
        if let Some(raw) = raw {
            options = options.with_csv_raw(raw);
        }
        if let Some(table) = table {
            options = options.with_table(parse_kind::<CsvTable>(py, &table)?);
        }
        let mut svg = options.svg.clone();
        if let Some(partners) = partners {
            svg = svg.with_partners(partners);
        }
        if let Some(outcomes) = outcomes {
            svg = svg.with_outcomes(outcomes);
        }
        if let Some(lines) = max_lines {
            svg = svg.with_max_lines(lines);
        }
        let options = options.with_svg(svg);
        let inner = &self.inner;
        let bytes = detached(py, || export(inner, format, &options))?;
        if format.is_text() {
            match String::from_utf8(bytes) {
                Ok(text) => Ok(text.into_pyobject(py)?.into_any()),
                Err(e) => Err(internal_error(py, &e.to_string())),
            }
        } else {
            Ok(PyBytes::new(py, &bytes).into_any())
        }
    }

    /// Read a strategy from ``data`` (``str`` or ``bytes``) written in one of
    /// the formats that carry a whole strategy: ``"json"``, ``"csv"`` (the
    /// nodes-and-edges table), ``"xlsx"``, ``"graphml"`` or ``"node-link"``.
    /// Errors carry the line (and column) where the data goes wrong.
    ///
    /// >>> import stratagraph
    /// >>> s = stratagraph.Strategy.from_json(
    /// ...     '{"format": "stratagraph", "version": 1, "nodes": [{"id": "outcome:1", "kind": "outcome"}]}')
    /// >>> stratagraph.Strategy.from_format(s.to_format("graphml"), "graphml") == s
    /// True
    #[classmethod]
    fn from_format(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        format: PyBackedStr,
    ) -> PyResult<Self> {
        let format: Format = parse_kind(py, &format)?;
        let data: PyBackedBytes = match data.extract::<PyBackedStr>() {
            Ok(text) => PyBytes::new(py, text.as_bytes()).extract()?,
            Err(_) => data
                .extract()
                .map_err(|_| PyTypeError::new_err("data must be str or bytes"))?,
        };
        let inner = detached(py, || import(&data, format))?;
        Ok(PyStrategy { inner })
    }

    /// The strategy as a networkx ``DiGraph`` (a ``MultiDiGraph`` keyed by
    /// edge kind when two nodes are joined by edges of two kinds): node ids as
    /// nodes, every field and attribute as node and edge data. Needs networkx
    /// (``pip install stratagraph[networkx]``).
    fn to_networkx<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        call_python(slf.py(), "_networkx", "to_networkx", slf.as_any())
    }

    /// A strategy from a networkx graph shaped like ``to_networkx()`` gives:
    /// node ids as nodes with a ``kind``, edges with a ``kind`` (or keyed by it).
    #[classmethod]
    fn from_networkx(
        _cls: &Bound<'_, pyo3::types::PyType>,
        py: Python<'_>,
        graph: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        call_python(py, "_networkx", "from_networkx", graph)?
            .cast_into::<PyStrategy>()
            .map_err(PyErr::from)
            .map(|s| PyStrategy {
                inner: s.get().inner.clone(),
            })
    }

    /// One typed row per action: ``id``, ``number``, ``text``, ``priority``,
    /// ``strategic_action`` (their numbers), ``leads``, ``key_partners`` (names
    /// joined by ``"; "``), ``deadline_start``, ``deadline_end``,
    /// ``deadline_phrase``, ``outcomes`` (the numbers of those it counts for),
    /// ``status`` and ``status_date`` (its own, else its strategic action's).
    ///
    /// >>> import stratagraph
    /// >>> t = stratagraph.generate_plan("S", actions=30).actions_table()
    /// >>> len(t), t.columns[:3], t.column_types[7]
    /// (30, ['id', 'number', 'text'], 'date')
    fn actions_table(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || query::actions_table(inner))?;
        Ok(PyTable::new("actions_table", table))
    }

    /// Every node's context in one call, by the core's rules: ``id``,
    /// ``kind``, ``parent``, ``ancestors`` (nearest first), ``priority``,
    /// ``strategic_action``, ``outcomes`` (those it counts for: its own and its
    /// containers'), ``leads``, ``key_partners``, ``status`` (its own, else its
    /// nearest container's), ``status_from`` and ``status_date``; lists are ids
    /// joined by ``"; "``.
    ///
    /// >>> import stratagraph
    /// >>> plan = stratagraph.generate_plan("S", actions=30)
    /// >>> rows = plan.node_contexts().to_pylist()
    /// >>> len(rows) == len(plan), rows[0]["kind"]
    /// (True, 'plan')
    fn node_contexts(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || query::node_contexts(inner))?;
        Ok(PyTable::new("node_contexts", table))
    }

    /// For ``actions_df()``: the actions table column by column, as
    /// ``(columns, column_types, values)`` with the values as
    /// ``Table._pandas_columns`` gives them (shared cells as one ``str``).
    /// Core works out the columns that come from the plan around each action
    /// on a second thread while this one turns the action's own cells (ids,
    /// statements: most of the strings) into Python objects.
    fn _actions_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        use stratagraph::analysis::Row as _;
        let inner = &self.inner;
        let (context, own) = beside(
            py,
            || query::action_context_columns(inner),
            || own_columns_to_py(py, &query::action_own_columns(inner)),
        )?;
        let values = action_columns_to_py(py, own, &context)?;
        let types = query::ActionRow::TYPES.iter().map(|t| t.as_str());
        PyTuple::new(
            py,
            [
                PyList::new(py, query::ActionRow::COLUMNS)?,
                PyList::new(py, types)?,
                PyList::new(py, values)?,
            ],
        )
    }

    /// One row per outcome: ``id``, ``number``, ``label``, ``text``, the
    /// ``priorities`` behind it, how many ``actions`` count for it, the
    /// distinct ``leads`` and ``partners`` on them, and whether it is a ``gap``.
    ///
    /// >>> import stratagraph
    /// >>> t = stratagraph.generate_plan("S", actions=30).outcomes_table()
    /// >>> t.columns[-4:], t.column_types[-1]
    /// (['actions', 'leads', 'partners', 'gap'], 'boolean')
    fn outcomes_table(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || query::outcomes_table(inner))?;
        Ok(PyTable::new("outcomes_table", table))
    }

    /// ``actions_table().to_pandas()``: one row per action, deadlines and
    /// status dates as datetimes, status as a categorical. Needs pandas.
    ///
    /// >>> import stratagraph
    /// >>> df = stratagraph.generate_plan("S", actions=30).actions_df()
    /// >>> len(df), str(df["deadline_end"].dtype).startswith("datetime64"), df["status"].dtype.name
    /// (30, True, 'category')
    fn actions_df<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        call_python(slf.py(), "_pandas", "actions_df", slf.as_any())
    }

    /// ``outcomes_table().to_pandas()``: one row per outcome. Needs pandas.
    fn outcomes_df<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        call_python(slf.py(), "_pandas", "outcomes_df", slf.as_any())
    }

    /// ``partner_load().to_pandas()``: how much each partner carries. Needs pandas.
    fn partners_df<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        call_python(slf.py(), "_pandas", "partners_df", slf.as_any())
    }

    /// The interactive explorer as a notebook widget (``StrategyWidget``): the
    /// web page's ``<strategy-explorer>``, with ``selected`` and the filters
    /// synced both ways. Needs anywidget (``pip install 'stratagraph[widget]'``).
    fn explore<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        call_python(slf.py(), "_widget", "explore", slf.as_any())
    }

    /// Jupyter's rich display: a one-line summary and core's SVG drawing.
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        call_python(slf.py(), "_jupyter", "strategy_html", slf.as_any())
    }

    /// Who is responsible for what: one row per partner and action (a lead, a
    /// joint lead, a key partner, or a partner through an alliance it belongs
    /// to), or only one partner's rows when ``partner`` (an id or a name) is
    /// given; ``UnknownNodeError`` when no partner has it.
    #[pyo3(signature = (partner = None))]
    fn responsibilities(&self, py: Python<'_>, partner: Option<PyBackedStr>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = match partner {
            Some(p) => detached(py, || query::partner_responsibilities(inner, &p))?,
            None => detached_ok(py, || query::responsibilities(inner))?,
        };
        Ok(PyTable::new("responsibilities", table))
    }

    /// How much each partner carries: leads, joint leads, key partnerships,
    /// actions through an alliance, and the strategic actions, priorities and
    /// outcomes they reach, busiest first.
    fn partner_load(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || query::partner_load(inner))?;
        Ok(PyTable::new("partner_load", table))
    }

    /// Why an action serves an outcome: the steps of the path from one to the
    /// other, each with a reading ("action 1.1.1 is part of strategic action 1.1").
    fn explain_contribution(
        &self,
        py: Python<'_>,
        action: PyBackedStr,
        outcome: PyBackedStr,
    ) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached(py, || query::explain_contribution(inner, &action, &outcome))?;
        Ok(PyTable::new("explain_contribution", table))
    }

    /// How one node (an id, or a partner's name) reaches another, step by
    /// step, each with a reading.
    fn explain_path(
        &self,
        py: Python<'_>,
        source: PyBackedStr,
        target: PyBackedStr,
    ) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached(py, || query::explain_path(inner, &source, &target))?;
        Ok(PyTable::new("explain_path", table))
    }

    /// The priority × outcome coverage matrix: how many actions of each
    /// priority serve each outcome, and whether the priority names it.
    fn priority_outcome_matrix(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || coverage::priority_outcome_matrix(inner))?;
        Ok(PyTable::new("priority_outcome_matrix", table))
    }

    /// The outcome × partner matrix: the actions and leads of each partner
    /// behind each outcome.
    fn outcome_partner_matrix(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || coverage::outcome_partner_matrix(inner))?;
        Ok(PyTable::new("outcome_partner_matrix", table))
    }

    /// The gaps of the plan: outcomes with few or no actions behind them,
    /// challenges nobody answers, and the like.
    fn gaps(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || coverage::gaps(inner))?;
        Ok(PyTable::new("gaps", table))
    }

    /// The partner network as links: pairs of partners that work on the same
    /// actions, with how many.
    fn partner_links(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || network::partner_links(inner))?;
        Ok(PyTable::new("partner_links", table))
    }

    /// The centrality of each partner in the partner network.
    fn partner_centrality(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || network::partner_centrality(inner))?;
        Ok(PyTable::new("partner_centrality", table))
    }

    /// Every deadline of the plan, in time order.
    fn timeline(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || timeline::timeline(inner))?;
        Ok(PyTable::new("timeline", table))
    }

    /// What falls due between ``start`` and ``end`` (``datetime.date`` or
    /// ``YYYY-MM-DD`` text), in time order.
    fn due_in(
        &self,
        py: Python<'_>,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
    ) -> PyResult<PyTable> {
        let (start, end) = (date_arg(start)?, date_arg(end)?);
        let inner = &self.inner;
        let table = detached_ok(py, || timeline::due_in(inner, start, end))?;
        Ok(PyTable::new("due_in", table))
    }

    /// What is overdue as of a date (``datetime.date`` or ``YYYY-MM-DD`` text).
    fn overdue(&self, py: Python<'_>, as_of: &Bound<'_, PyAny>) -> PyResult<PyTable> {
        let as_of = date_arg(as_of)?;
        let inner = &self.inner;
        let table = detached_ok(py, || timeline::overdue(inner, as_of))?;
        Ok(PyTable::new("overdue", table))
    }

    /// The plan as Gantt bars: one row per dated node with its start and end.
    fn gantt(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || timeline::gantt(inner))?;
        Ok(PyTable::new("gantt", table))
    }

    /// The strategy written back as delivery-plan text, in the layout
    /// ``parse_delivery_plan`` reads (reading it back gives the same plan, for
    /// everything that layout can carry).
    fn to_delivery_plan(&self, py: Python<'_>) -> PyResult<String> {
        let inner = &self.inner;
        detached_ok(py, || stratagraph::write_delivery_plan(inner))
    }

    /// What changed from this version of a plan to ``new``: items added,
    /// removed, renumbered or reworded, and changed leads, partners and
    /// deadlines. ``same_number`` and ``renumbered`` are the least statement
    /// similarities (0 to 1) for two items to count as one (None: core's defaults).
    #[pyo3(signature = (new, *, same_number = None, renumbered = None))]
    fn diff(
        &self,
        py: Python<'_>,
        new: PyRef<'_, PyStrategy>,
        same_number: Option<f64>,
        renumbered: Option<f64>,
    ) -> PyResult<PyTable> {
        let mut options = DiffOptions::default();
        if let Some(v) = same_number {
            options.same_number = v;
        }
        if let Some(v) = renumbered {
            options.renumbered = v;
        }
        let (old, new) = (&self.inner, &new.inner);
        let table = detached_ok(py, || diff::diff_with(old, new, options))?;
        Ok(PyTable::new("diff", table))
    }

    /// How this plan lines up with another (another nation's, another
    /// version): pairs of items whose statements are alike, with their
    /// similarity; ``threshold`` is the least similarity (None: core's default).
    #[pyo3(signature = (other, threshold = None))]
    fn align(
        &self,
        py: Python<'_>,
        other: PyRef<'_, PyStrategy>,
        threshold: Option<f64>,
    ) -> PyResult<PyTable> {
        let (a, b) = (&self.inner, &other.inner);
        let table = detached_ok(py, || match threshold {
            Some(t) => align::align_with(a, b, t),
            None => align::align(a, b),
        })?;
        Ok(PyTable::new("align", table))
    }

    /// The indicators' results: each indicator's observations against its
    /// target.
    fn indicator_results(&self, py: Python<'_>) -> PyResult<PyTable> {
        let inner = &self.inner;
        let table = detached_ok(py, || indicators::indicator_results(inner))?;
        Ok(PyTable::new("indicator_results", table))
    }

    /// The indicators behind their target as of a date (``datetime.date`` or
    /// ``YYYY-MM-DD`` text).
    fn indicator_gaps(&self, py: Python<'_>, as_of: &Bound<'_, PyAny>) -> PyResult<PyTable> {
        let as_of = date_arg(as_of)?;
        let inner = &self.inner;
        let table = detached_ok(py, || indicators::indicator_gaps(inner, as_of))?;
        Ok(PyTable::new("indicator_gaps", table))
    }

    /// Progress rolled up from strategic actions to priorities and outcomes,
    /// with the counts and percentages a board paper prints: from the statuses
    /// on the plan's nodes, or from ``report`` when one is given.
    #[pyo3(signature = (report = None))]
    fn progress_rollup(
        &self,
        py: Python<'_>,
        report: Option<PyRef<'_, PyProgressReport>>,
    ) -> PyResult<PyTable> {
        let inner = &self.inner;
        let report = report.as_ref().map(|r| &r.inner);
        let table = detached_ok(py, || match report {
            Some(r) => progress::progress_rollup_of_report(inner, r),
            None => progress::progress_rollup(inner),
        })?;
        Ok(PyTable::new("progress_rollup", table))
    }

    /// The board-paper summary of progress: how many strategic actions are in
    /// each status, and what share; from the plan's statuses or ``report``.
    #[pyo3(signature = (report = None))]
    fn progress_summary(
        &self,
        py: Python<'_>,
        report: Option<PyRef<'_, PyProgressReport>>,
    ) -> PyResult<PyTable> {
        let inner = &self.inner;
        let report = report.as_ref().map(|r| &r.inner);
        let table = detached_ok(py, || match report {
            Some(r) => progress::progress_summary_of_report(inner, r),
            None => progress::progress_summary(inner),
        })?;
        Ok(PyTable::new("progress_summary", table))
    }

    /// Progress over time: the summary of each report, in date order.
    fn progress_series(&self, py: Python<'_>, reports: &Bound<'_, PyAny>) -> PyResult<PyTable> {
        let reports = reports_of(reports)?;
        let inner = &self.inner;
        let table = detached_ok(py, || progress::progress_series(inner, &reports))?;
        Ok(PyTable::new("progress_series", table))
    }

    /// What changed between two reports on this plan: each strategic action
    /// whose status improved or worsened, and by how many steps.
    fn progress_changes(
        &self,
        py: Python<'_>,
        older: PyRef<'_, PyProgressReport>,
        newer: PyRef<'_, PyProgressReport>,
    ) -> PyResult<PyTable> {
        let (inner, a, b) = (&self.inner, &older.inner, &newer.inner);
        let table = detached_ok(py, || progress::progress_changes(inner, a, b))?;
        Ok(PyTable::new("progress_changes", table))
    }

    /// The strategic actions whose status has not changed over the last ``n``
    /// reports (reports ordered by date).
    fn stale_statuses(
        &self,
        py: Python<'_>,
        reports: &Bound<'_, PyAny>,
        n: usize,
    ) -> PyResult<PyTable> {
        let reports = reports_of(reports)?;
        let inner = &self.inner;
        let table = detached_ok(py, || progress::stale_statuses(inner, &reports, n))?;
        Ok(PyTable::new("stale_statuses", table))
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
        to_py(py, self.node_or_err(py, &id)?)
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
        let nodes: Vec<&Node> = match kind {
            Some(kind) => self.inner.nodes_of_kind(kind).collect(),
            None => self.inner.nodes().collect(),
        };
        to_py(py, &nodes)
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
        let edges: Vec<Edge> = self
            .inner
            .edges()
            .filter(|e| kind.is_none_or(|k| e.kind == k))
            .map(|e| e.to_edge())
            .collect();
        to_py(py, &edges)
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
        format!(
            "<stratagraph.Strategy: {}, {}>",
            count(self.inner.len(), "node", "nodes"),
            count(self.inner.edge_count(), "edge", "edges")
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

/// The core reports of `seq`, a sequence of `ProgressReport` (see
/// [`crate::items`]: a lying `__len__` is not trusted).
fn reports_of(seq: &Bound<'_, PyAny>) -> PyResult<Vec<ProgressReport>> {
    crate::items(seq, "reports", |r| {
        Ok(r.cast::<PyProgressReport>()?.borrow().inner.clone())
    })
}
