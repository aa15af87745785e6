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
//!   file that [`crate::format::import`] reads back into the same strategy.
//!
//! The nodes and edges tables carry everything a strategy holds; the actions
//! table is for reading, not for reading back.
//!
//! **Formula injection.** A spreadsheet runs a cell that starts with `=`, `+`,
//! `-`, `@`, a tab or a carriage return as a formula, so a partner named
//! `=HYPERLINK("http://evil","click")` would run when the file is opened. By
//! default every such cell is written with a `'` in front (OWASP's rule; a cell
//! that already starts with `'` before one of those gets one more), which a
//! spreadsheet shows as text and [`crate::format::csv`] takes off again, so
//! round trips stay lossless. Tools that read CSV as data (pandas, DuckDB) and
//! want the cells as they are use [`to_csv_raw`] (`ExportOptions::with_csv_raw`).
//!
//! ```
//! use stratagraph::format::csv::{actions_table, nodes_table};
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
//!
//! # Reading back
//!
//! Read the nodes and edges CSV tables (see [`crate::format::csv`]) back into
//! a strategy. Columns are found by their header, in any order; unknown
//! columns are ignored; only `id` and `kind` (nodes) and `source`, `target`
//! and `kind` (edges) are required.
//!
//! ```
//! use stratagraph::format::csv::from_tables;
//! let nodes = "id,kind,number,text\r\noutcome:1,outcome,1,\"Safe, and well.\"\r\npriority:1,priority,1,\r\n";
//! let edges = "source,target,kind\r\npriority:1,outcome:1,contributes_to\r\n";
//! let s = from_tables(nodes, Some(edges))?;
//! assert_eq!(s.node("outcome:1").unwrap().text.as_deref(), Some("Safe, and well."));
//! assert_eq!(s.edge_count(), 1);
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
    /// [`crate::format::import`] reads back.
    NodesAndEdges,
}

impl CsvTable {
    /// Every table, in declaration order.
    pub const ALL: &'static [CsvTable] = &[
        CsvTable::Actions,
        CsvTable::Nodes,
        CsvTable::Edges,
        CsvTable::NodesAndEdges,
    ];

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
    /// use stratagraph::format::CsvTable;
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
/// use stratagraph::format::csv::{to_csv, to_csv_raw, CsvTable};
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

// ---------------------------------------------------------------------------
// Reading back.

use std::collections::BTreeMap;

use super::parse_error;
use crate::model::{Edge, EdgeKind, NodeKind, SourceSpan};

const WHAT: &str = "csv";

/// A table's header: column name -> position.
struct Header(BTreeMap<String, usize>);

impl Header {
    fn new(record: &Record) -> Header {
        Header(
            record
                .iter()
                .enumerate()
                .map(|(i, name)| (name.trim().to_owned(), i))
                .collect(),
        )
    }

    fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    fn get<'r>(&self, record: &'r Record, name: &str) -> &'r str {
        self.0
            .get(name)
            .and_then(|&i| record.get(i))
            .unwrap_or_default()
    }
}

/// One record of a CSV file: its fields and the line it starts on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Record {
    /// The fields, unquoted.
    pub(crate) fields: Vec<String>,
    /// The 1-based line the record starts on.
    pub(crate) line: usize,
}

impl Record {
    fn get(&self, i: usize) -> Option<&str> {
        self.fields.get(i).map(String::as_str)
    }

    fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.fields.iter().map(String::as_str)
    }
}

fn line_of(record: &Record) -> usize {
    record.line
}

/// A cell as it was before the export's formula guard
/// ([`crate::format::csv`]): one `'` in front of a formula character (after
/// any further `'`s) is taken off.
fn unguard(mut field: String) -> String {
    if field.starts_with('\'') && crate::format::csv::needs_formula_guard(&field[1..]) {
        field.remove(0);
    }
    field
}

/// The records of RFC 4180 text: comma-separated fields, optionally quoted
/// (quotes doubled inside), records ended by CRLF, LF or CR; blank lines are
/// skipped. A quoted field left open, or text after a closing quote, is an error.
pub(crate) fn records(text: &str) -> Result<Vec<Record>, Error> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    loop {
        // Skip blank lines.
        while let Some(&c) = chars.peek() {
            if c == '\n' {
                line += 1;
                chars.next();
            } else if c == '\r' {
                chars.next();
                if chars.peek() != Some(&'\n') {
                    line += 1;
                }
            } else {
                break;
            }
        }
        if chars.peek().is_none() {
            return Ok(out);
        }
        let start = line;
        let mut fields = Vec::new();
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                loop {
                    match chars.next() {
                        None => {
                            return Err(parse_error(WHAT, start, "a quoted field is not closed"));
                        }
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                        }
                    }
                }
                if !matches!(chars.peek(), None | Some(',' | '\r' | '\n')) {
                    return Err(parse_error(
                        WHAT,
                        line,
                        "text after the closing quote of a field",
                    ));
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if matches!(c, ',' | '\r' | '\n') {
                        break;
                    }
                    field.push(c);
                    chars.next();
                }
            }
            fields.push(unguard(field));
            match chars.next() {
                Some(',') => continue,
                Some('\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                }
                Some('\n') => line += 1,
                _ => {}
            }
            break;
        }
        out.push(Record {
            fields,
            line: start,
        });
    }
}

fn is_edges_header(r: &Record) -> bool {
    r.get(0).map(str::trim) == Some("source") && r.iter().any(|f| f.trim() == "target")
}

/// Read a CSV file: the nodes table, optionally followed (after a blank line)
/// by the edges table, as [`crate::format::csv::CsvTable::NodesAndEdges`]
/// writes. The actions table cannot be read back (it is a view).
pub fn read(text: &str) -> Result<Strategy, Error> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let all = records(text)?;
    let Some(first) = all.first() else {
        return Ok(Strategy::new());
    };
    let header = Header::new(first);
    if header.has("strategic_action") && header.has("leads") {
        return Err(Error::Unsupported {
            format: "csv".to_owned(),
            message: "the actions table cannot be read back; export the nodes and edges tables (--table nodes-and-edges)".to_owned(),
        });
    }
    if is_edges_header(first) {
        return Err(parse_error(
            WHAT,
            1,
            "an edges table alone cannot make a strategy; give the nodes table first",
        ));
    }
    let split = all
        .iter()
        .skip(1)
        .position(is_edges_header)
        .map_or(all.len(), |p| p + 1);
    let (nodes, edges) = all.split_at(split);
    let nodes = nodes_from(nodes)?;
    let edges = match edges.split_first() {
        Some((h, rows)) => edges_from(&Header::new(h), rows)?,
        None => Vec::new(),
    };
    Strategy::from_parts(nodes, edges)
}

/// Read the nodes table and, if given, the edges table.
pub fn from_tables(nodes: &str, edges: Option<&str>) -> Result<Strategy, Error> {
    let nodes = nodes_from(&records(nodes.strip_prefix('\u{FEFF}').unwrap_or(nodes))?)?;
    let edges = match edges {
        Some(text) => {
            let all = records(text.strip_prefix('\u{FEFF}').unwrap_or(text))?;
            match all.split_first() {
                Some((h, rows)) => edges_from(&Header::new(h), rows)?,
                None => Vec::new(),
            }
        }
        None => Vec::new(),
    };
    Strategy::from_parts(nodes, edges)
}

/// Nodes from the records of a nodes table, header first.
#[cfg(feature = "xlsx")]
pub(crate) fn nodes_from_records(all: &[Record]) -> Result<Vec<Node>, Error> {
    nodes_from(all)
}

/// Edges from the records of an edges table, header first.
#[cfg(feature = "xlsx")]
pub(crate) fn edges_from_records(all: &[Record]) -> Result<Vec<Edge>, Error> {
    match all.split_first() {
        Some((h, rows)) => edges_from(&Header::new(h), rows),
        None => Ok(Vec::new()),
    }
}

fn nodes_from(all: &[Record]) -> Result<Vec<Node>, Error> {
    let Some((first, rows)) = all.split_first() else {
        return Ok(Vec::new());
    };
    let h = Header::new(first);
    for col in ["id", "kind"] {
        if !h.has(col) {
            return Err(parse_error(
                WHAT,
                line_of(first),
                format!("the nodes table has no {col:?} column"),
            ));
        }
    }
    rows.iter().map(|r| node_from(&h, r)).collect()
}

fn node_from(h: &Header, r: &Record) -> Result<Node, Error> {
    let line = line_of(r);
    let err = |m: String| parse_error(WHAT, line, m);
    let id = h.get(r, "id");
    if id.is_empty() {
        return Err(err("a node has an empty id".to_owned()));
    }
    let kind: NodeKind = h
        .get(r, "kind")
        .parse()
        .map_err(|e: Error| err(e.to_string()))?;
    let mut n = Node::with_id(id, kind);
    let opt = |name: &str| Some(h.get(r, name).to_owned()).filter(|v| !v.is_empty());
    n.number = opt("number");
    n.label = h.get(r, "label").to_owned();
    n.text = opt("text");
    n.deadline = read_window(h, r, "deadline").map_err(|e| err(e.to_string()))?;
    n.period = read_window(h, r, "period").map_err(|e| err(e.to_string()))?;
    n.tags = tags(h.get(r, "tags")).map_err(err)?;
    n.attrs = attrs(h.get(r, "attrs")).map_err(err)?;
    let span: Vec<&str> = ["span_start", "span_end", "span_line"]
        .iter()
        .map(|c| h.get(r, c))
        .collect();
    if span.iter().all(|v| !v.is_empty()) {
        let num = |v: &str| {
            v.trim()
                .parse::<usize>()
                .map_err(|_| err(format!("span value {v:?} is not a whole number")))
        };
        n.span = Some(SourceSpan {
            start: num(span[0])?,
            end: num(span[1])?,
            line: num(span[2])?,
        });
    }
    Ok(n)
}

fn read_window(h: &Header, r: &Record, what: &str) -> Result<Option<DateWindow>, Error> {
    let start = h.get(r, &format!("{what}_start"));
    let end = h.get(r, &format!("{what}_end"));
    let phrase = h.get(r, &format!("{what}_phrase"));
    if start.is_empty() && end.is_empty() && phrase.is_empty() {
        return Ok(None);
    }
    let date = |v: &str| -> Result<Option<Date>, Error> {
        if v.is_empty() {
            Ok(None)
        } else {
            v.trim().parse().map(Some)
        }
    };
    Ok(Some(DateWindow::new(date(start)?, date(end)?, phrase)))
}

/// Tags as the CSV tables write them: joined by `"; "`, or a JSON array.
pub(crate) fn tags(field: &str) -> Result<Vec<String>, String> {
    if field.is_empty() {
        Ok(Vec::new())
    } else if field.starts_with('[') {
        serde_json::from_str(field).map_err(|e| format!("tags {field:?}: {e}"))
    } else {
        Ok(field.split("; ").map(str::to_owned).collect())
    }
}

/// Attributes as the CSV tables write them: a JSON object, or empty.
pub(crate) fn attrs(field: &str) -> Result<Attrs, String> {
    if field.trim().is_empty() {
        Ok(Attrs::new())
    } else {
        serde_json::from_str(field).map_err(|e| format!("attrs {field:?}: {e}"))
    }
}

fn edges_from(h: &Header, rows: &[Record]) -> Result<Vec<Edge>, Error> {
    rows.iter()
        .map(|r| {
            let line = line_of(r);
            let err = |m: String| parse_error(WHAT, line, m);
            let kind: EdgeKind = h
                .get(r, "kind")
                .parse()
                .map_err(|e: Error| err(e.to_string()))?;
            let mut e = Edge::new(h.get(r, "source"), kind, h.get(r, "target"));
            e.attrs = attrs(h.get(r, "attrs")).map_err(err)?;
            Ok(e)
        })
        .collect()
}

#[cfg(test)]
mod read_tests {
    use super::*;

    fn fields(text: &str) -> Vec<(Vec<String>, usize)> {
        records(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.fields, r.line))
            .collect()
    }

    #[test]
    fn reads_rfc_4180() {
        let v = |xs: &[&str]| xs.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            fields("a,b\r\n\"x, \"\"y\"\"\r\nz\",\r\n\r\nlast,\"\"\n"),
            [
                (v(&["a", "b"]), 1),
                (v(&["x, \"y\"\r\nz", ""]), 2),
                (v(&["last", ""]), 5)
            ]
        );
        assert_eq!(fields("a\rb\r"), [(v(&["a"]), 1), (v(&["b"]), 2)]);
        assert_eq!(fields("a,\"b\""), [(v(&["a", "b"]), 1)]);
        assert!(fields("").is_empty());
        assert_eq!(records("a\n\"open").unwrap_err().location(), Some((2, 1)));
        assert!(records("\"a\"b,c").is_err());
    }
}
