//! CSV tables (RFC 4180: comma-separated, CRLF line ends, fields quoted when
//! they hold a comma, a quote or a line break, quotes doubled), for pandas,
//! spreadsheets, DuckDB, Polars and Spark. Written and read by hand: the
//! format is small, and the `csv` crate cost 36 KB of gzipped WASM.
//!
//! - **nodes**: `id, kind, number, label, text, deadline_start, deadline_end,
//!   deadline_phrase, period_start, period_end, period_phrase, tags, attrs,
//!   span_start, span_end, span_line`. Tags are joined by `"; "` (as a JSON
//!   array when a tag holds `;` or would not survive the join); `attrs` is a
//!   JSON object, empty when there are none.
//! - **edges**: `source, target, kind, attrs`.
//! - **actions** (the default): one wide row per action: `id, number, text,
//!   priority, strategic_action, leads, partners, deadline_start, deadline_end,
//!   deadline_phrase, outcomes, status`. `priority` and `strategic_action` are
//!   the numbers of the action's containers; `leads` and `partners` (its key
//!   partners that do not also lead it) are partner names joined by `"; "`;
//!   `outcomes` are the numbers of the outcomes it counts for (its own and its
//!   containers'), joined by `"; "`; `status` is its own, else its nearest
//!   container's. The row is [`crate::query::ActionRow`]'s, cell for cell.
//! - **nodes-and-edges**: the nodes table, a blank line, the edges table: one
//!   file that [`crate::import::import`] reads back into the same strategy.
//!
//! The nodes and edges tables carry everything a strategy holds; the actions
//! table is for reading, not for reading back.
//!
//! **Formula injection.** A spreadsheet runs a cell that starts with `=`, `+`,
//! `-`, `@`, a tab or a carriage return as a formula, so a partner named
//! `=HYPERLINK("http://evil","click")` would run when the file is opened. By
//! default every such cell is written with a `'` in front (OWASP's rule; a cell
//! that already starts with `'` before one of those gets one more), which a
//! spreadsheet shows as text and [`crate::import::csv`] takes off again, so
//! round trips stay lossless. Tools that read CSV as data (pandas, DuckDB) and
//! want the cells as they are use [`to_csv_raw`] (`ExportOptions::with_csv_raw`).
//!
//! ```
//! use stratagraph::export::csv::{actions_table, nodes_table};
//! use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::StrategicAction, "1.1", "Help families."))
//!     .node(Node::new(NodeKind::Action, "1.1.1", "Launch a board, with partners."))
//!     .node(Node::new(NodeKind::Partner, "COSLA", ""))
//!     .edge("strategic-action:1.1", EdgeKind::Contains, "action:1.1.1")
//!     .edge("action:1.1.1", EdgeKind::LedBy, "partner:cosla")
//!     .build()?;
//! let table = actions_table(&s)?;
//! assert!(table.contains("action:1.1.1,1.1.1,\"Launch a board, with partners.\",,1.1,COSLA,"));
//! assert!(nodes_table(&s)?.starts_with("id,kind,number,label,text,"));
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use crate::model::{Attrs, Date, DateWindow, Node, Strategy};

/// Which table a CSV export writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CsvTable {
    /// One wide row per action (the default).
    #[default]
    Actions,
    /// One row per node, every field.
    Nodes,
    /// One row per edge.
    Edges,
    /// The nodes table, a blank line, then the edges table: what
    /// [`crate::import::import`] reads back.
    NodesAndEdges,
}

impl CsvTable {
    /// `actions`, `nodes`, `edges` or `nodes-and-edges`.
    pub fn as_str(self) -> &'static str {
        match self {
            CsvTable::Actions => "actions",
            CsvTable::Nodes => "nodes",
            CsvTable::Edges => "edges",
            CsvTable::NodesAndEdges => "nodes-and-edges",
        }
    }
}

impl fmt::Display for CsvTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CsvTable {
    type Err = Error;

    /// ```
    /// use stratagraph::export::CsvTable;
    /// assert_eq!("edges".parse::<CsvTable>().unwrap(), CsvTable::Edges);
    /// assert_eq!("all".parse::<CsvTable>().unwrap(), CsvTable::NodesAndEdges);
    /// ```
    fn from_str(s: &str) -> Result<CsvTable, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "actions" => Ok(CsvTable::Actions),
            "nodes" => Ok(CsvTable::Nodes),
            "edges" => Ok(CsvTable::Edges),
            "nodes-and-edges" | "nodes_and_edges" | "all" => Ok(CsvTable::NodesAndEdges),
            _ => Err(Error::UnknownKind {
                what: "csv table",
                value: s.to_owned(),
            }),
        }
    }
}

/// The columns of the nodes table.
pub const NODE_COLUMNS: &[&str] = &[
    "id",
    "kind",
    "number",
    "label",
    "text",
    "deadline_start",
    "deadline_end",
    "deadline_phrase",
    "period_start",
    "period_end",
    "period_phrase",
    "tags",
    "attrs",
    "span_start",
    "span_end",
    "span_line",
];

/// The columns of the edges table.
pub const EDGE_COLUMNS: &[&str] = &["source", "target", "kind", "attrs"];

/// The columns of the actions table.
pub const ACTION_COLUMNS: &[&str] = &[
    "id",
    "number",
    "text",
    "priority",
    "strategic_action",
    "leads",
    "partners",
    "deadline_start",
    "deadline_end",
    "deadline_phrase",
    "outcomes",
    "status",
];

/// The table `table` of `strategy` as CSV text, with cells that a
/// spreadsheet would run as formulas guarded (see the module docs).
///
/// ```
/// use stratagraph::export::csv::{to_csv, to_csv_raw, CsvTable};
/// use stratagraph::{Node, NodeKind, Strategy};
/// let s = Strategy::builder().node(Node::new(NodeKind::Partner, "=1+1", "")).build()?;
/// assert!(to_csv(&s, CsvTable::Nodes)?.contains(",'=1+1,"));
/// assert!(to_csv_raw(&s, CsvTable::Nodes)?.contains(",=1+1,"));
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn to_csv(strategy: &Strategy, table: CsvTable) -> Result<String, Error> {
    table_text(strategy, table, Guard::Formulas)
}

/// [`to_csv`] without the formula guard: every cell as it is, for tools that
/// read CSV as data and never as a spreadsheet.
pub fn to_csv_raw(strategy: &Strategy, table: CsvTable) -> Result<String, Error> {
    table_text(strategy, table, Guard::None)
}

fn table_text(strategy: &Strategy, table: CsvTable, guard: Guard) -> Result<String, Error> {
    match table {
        CsvTable::Actions => write_rows(
            std::iter::once(header(ACTION_COLUMNS)).chain(action_rows(strategy)),
            guard,
        ),
        CsvTable::Nodes => write_rows(
            std::iter::once(header(NODE_COLUMNS)).chain(strategy.nodes().map(node_row)),
            guard,
        ),
        CsvTable::Edges => write_rows(
            std::iter::once(header(EDGE_COLUMNS)).chain(edge_rows(strategy)),
            guard,
        ),
        CsvTable::NodesAndEdges => {
            let mut out = table_text(strategy, CsvTable::Nodes, guard)?;
            out.push_str("\r\n");
            out.push_str(&table_text(strategy, CsvTable::Edges, guard)?);
            Ok(out)
        }
    }
}

/// Whether cells that a spreadsheet would run are guarded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Guard {
    Formulas,
    None,
}

/// The characters that make a spreadsheet read a cell as a formula (OWASP).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `field` gets a `'` in front: it starts with a formula character,
/// after any `'`s (so that taking one `'` off on import is always right).
pub(crate) fn needs_formula_guard(field: &str) -> bool {
    field.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// One CSV field: quoted (quotes doubled) when it holds a comma, a quote or
/// a line break, or is the only, empty field of its record; with a `'` in
/// front when `guard` asks and a spreadsheet would run it.
fn push_field(out: &mut String, field: &str, only: bool, guard: Guard) {
    let guarded;
    let field = if guard == Guard::Formulas && needs_formula_guard(field) {
        guarded = format!("'{field}");
        guarded.as_str()
    } else {
        field
    };
    if field.contains([',', '"', '\r', '\n']) || (only && field.is_empty()) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Records as RFC 4180 text, each ending with CRLF.
fn write_rows(rows: impl IntoIterator<Item = Vec<String>>, guard: Guard) -> Result<String, Error> {
    let mut out = String::new();
    for row in rows {
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, field, row.len() == 1, guard);
        }
        out.push_str("\r\n");
    }
    Ok(out)
}

fn header(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|&c| c.to_owned()).collect()
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn window(w: Option<&DateWindow>) -> [String; 3] {
    match w {
        Some(w) => [date(w.start), date(w.end), w.phrase.clone()],
        None => Default::default(),
    }
}

/// Attributes as a compact JSON object, or an empty field when there are none.
pub(crate) fn attrs_json(attrs: &Attrs) -> String {
    if attrs.is_empty() {
        String::new()
    } else {
        serde_json::to_string(attrs).unwrap_or_default()
    }
}

/// Tags joined by `"; "`, or a JSON array when the join would not read back.
pub(crate) fn tags_field(tags: &[String]) -> String {
    let plain = tags
        .iter()
        .all(|t| !t.is_empty() && !t.contains(';') && t.trim() == t && !t.starts_with('['));
    if plain {
        tags.join("; ")
    } else {
        serde_json::to_string(tags).unwrap_or_default()
    }
}

/// The cells of one node's row of the nodes table, in [`NODE_COLUMNS`] order.
pub(crate) fn node_row(n: &Node) -> Vec<String> {
    let [ds, de, dp] = window(n.deadline.as_ref());
    let [ps, pe, pp] = window(n.period.as_ref());
    let span = |f: fn(&crate::model::SourceSpan) -> usize| {
        n.span
            .as_ref()
            .map(|s| f(s).to_string())
            .unwrap_or_default()
    };
    vec![
        n.id.to_string(),
        n.kind.as_str().to_owned(),
        n.number.clone().unwrap_or_default(),
        n.label.clone(),
        n.text.clone().unwrap_or_default(),
        ds,
        de,
        dp,
        ps,
        pe,
        pp,
        tags_field(&n.tags),
        attrs_json(&n.attrs),
        span(|s| s.start),
        span(|s| s.end),
        span(|s| s.line),
    ]
}

/// The nodes table: every field of every node, in canonical order.
pub fn nodes_table(strategy: &Strategy) -> Result<String, Error> {
    table_text(strategy, CsvTable::Nodes, Guard::Formulas)
}

/// The rows of the edges table, without the header.
pub(crate) fn edge_rows(strategy: &Strategy) -> impl Iterator<Item = Vec<String>> + '_ {
    strategy.edges().map(|e| {
        vec![
            e.source.to_string(),
            e.target.to_string(),
            e.kind.as_str().to_owned(),
            attrs_json(e.attrs),
        ]
    })
}

/// The edges table: source, target, kind and attributes of every edge.
pub fn edges_table(strategy: &Strategy) -> Result<String, Error> {
    table_text(strategy, CsvTable::Edges, Guard::Formulas)
}

/// The rows of the actions table, without the header: the rows of
/// [`crate::query::actions_table`], so the spreadsheet and the DataFrame give
/// the same answers.
pub(crate) fn action_rows(strategy: &Strategy) -> impl Iterator<Item = Vec<String>> {
    crate::query::actions_table(strategy)
        .rows
        .into_iter()
        .map(|r| {
            vec![
                r.id,
                r.number,
                r.text,
                r.priority.unwrap_or_default(),
                r.strategic_action.unwrap_or_default(),
                r.leads,
                r.key_partners,
                date(r.deadline_start),
                date(r.deadline_end),
                r.deadline_phrase.unwrap_or_default(),
                r.outcomes,
                r.status.unwrap_or_default(),
            ]
        })
}

/// The actions table: one wide row per action (see the module docs).
pub fn actions_table(strategy: &Strategy) -> Result<String, Error> {
    table_text(strategy, CsvTable::Actions, Guard::Formulas)
}
