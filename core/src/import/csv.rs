//! Read the nodes and edges CSV tables (see [`crate::export::csv`]) back into
//! a strategy. Columns are found by their header, in any order; unknown
//! columns are ignored; only `id` and `kind` (nodes) and `source`, `target`
//! and `kind` (edges) are required.
//!
//! ```
//! use stratagraph::import::csv::from_tables;
//! let nodes = "id,kind,number,text\r\noutcome:1,outcome,1,\"Safe, and well.\"\r\npriority:1,priority,1,\r\n";
//! let edges = "source,target,kind\r\npriority:1,outcome:1,contributes_to\r\n";
//! let s = from_tables(nodes, Some(edges))?;
//! assert_eq!(s.node("outcome:1").unwrap().text.as_deref(), Some("Safe, and well."));
//! assert_eq!(s.edge_count(), 1);
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::collections::BTreeMap;

use super::parse_error;
use crate::error::Error;
use crate::model::{Attrs, Date, DateWindow, Edge, EdgeKind, Node, NodeKind, SourceSpan, Strategy};

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
/// ([`crate::export::csv`]): one `'` in front of a formula character (after
/// any further `'`s) is taken off.
fn unguard(mut field: String) -> String {
    if field.starts_with('\'') && crate::export::csv::needs_formula_guard(&field[1..]) {
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
/// by the edges table, as [`crate::export::csv::CsvTable::NodesAndEdges`]
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
    n.deadline = window(h, r, "deadline").map_err(|e| err(e.to_string()))?;
    n.period = window(h, r, "period").map_err(|e| err(e.to_string()))?;
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

fn window(h: &Header, r: &Record, what: &str) -> Result<Option<DateWindow>, Error> {
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
mod tests {
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
