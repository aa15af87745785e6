//! Formats: one module per format, each holding its writer and (where the
//! format can carry a whole strategy) its reader, as oxigraph keeps a
//! format's parser and serializer together. Writing goes through one entry
//! point, [`export`]; reading back through another, [`import`]. The writers of
//! the two text forms that are not interchange formats live here too:
//! [`plan_text`] (the delivery-plan text that [`crate::parse_delivery_plan`]
//! reads back) and [`report`] (the readable report of the main job).
//!
//! | [`Format`] | module | read by | read back by [`import`] |
//! |---|---|---|---|
//! | `json` | [`crate::format::json`] | everything | yes (identity) |
//! | `csv` | [`csv`] | pandas, spreadsheets, DuckDB | nodes + edges tables (identity) |
//! | `xlsx` | `xlsx` (cargo feature `xlsx`) | Excel, LibreOffice, openpyxl | yes (identity) |
//! | `graphml` | [`graphml`] | networkx, igraph, Gephi, yEd | yes (identity) |
//! | `dot` | [`dot`] | Graphviz | no |
//! | `mermaid` | [`mermaid`] | Mermaid (Markdown docs) | no |
//! | `cytoscape` | [`cytoscape`] | Cytoscape.js | no |
//! | `node-link` | [`node_link`] | `networkx.node_link_graph` | yes (identity) |
//! | `kumu` | [`kumu`] | Kumu (blueprint import) | no |
//! | `archimate` | [`archimate`] | Archi and other ArchiMate tools | no |
//! | `svg` | [`svg`] | browsers, Jupyter, rsvg | no |
//! | `html` | [`html`] | browsers (one file, no scripts, no network) | no |
//!
//! Every output is deterministic: the same strategy and options give the same
//! bytes. Every text a document supplies (labels, statements, tags, attribute
//! values) is escaped for the format it lands in, so a label such as
//! `<script>alert(1)</script>` stays text in XML, SVG, DOT and Mermaid alike.
//!
//! ```
//! use stratagraph::format::{export, ExportOptions, Format};
//! use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
//!
//! let s = Strategy::builder()
//!     .node(Node::new(NodeKind::Priority, "1", "People get help early."))
//!     .node(Node::new(NodeKind::Outcome, "1", "Inequalities are reduced."))
//!     .edge("priority:1", EdgeKind::ContributesTo, "outcome:1")
//!     .build()?;
//! let dot = export(&s, "dot".parse()?, &ExportOptions::default())?;
//! assert!(String::from_utf8(dot).unwrap().starts_with("digraph strategy {"));
//! # Ok::<(), stratagraph::Error>(())
//! ```
//!
//! # Reading formats back
//!
//! [`import`] reads back the formats that carry a whole strategy.
//!
//! | [`Format`] | reads | module |
//! |---|---|---|
//! | `json` | canonical JSON | [`crate::format::json`] |
//! | `csv` | the nodes table, optionally followed by the edges table (what `CsvTable::NodesAndEdges` writes) | [`csv`] |
//! | `xlsx` | the `nodes` and `edges` sheets of the workbook (cargo feature `xlsx`) | `xlsx` |
//! | `graphml` | stratagraph's GraphML (typed keys; a node's `kind` key, or an id prefix that names a kind) | [`graphml`] |
//! | `node-link` | networkx node-link JSON (`edges` or `links`) | [`node_link`] |
//!
//! Every export of these formats reads back into the same strategy, except
//! that CSV and XLSX cannot tell an empty `number`, `text` or deadline from a
//! missing one, GraphML writes no empty `text` or date window (they read back
//! as none), and XML cannot carry control characters (they come back as
//! U+FFFD). Other formats are drawings or one-way maps and fail with code
//! `unsupported`. No input makes an import panic: a bad one gives an error
//! with the line (and column where known) it was found on.
//!
//! # Limits
//!
//! Every size taken from an input or a caller is checked before anything is
//! allocated for it; past a limit the error is typed (a stable
//! [`Error::code`]), never an abort. Bytes become text through
//! [`crate::parse::encoding::decode`] first (the CLI, the text parsers,
//! Python's `bytes` and JavaScript's `Uint8Array` alike); [`import`] uses
//! [`crate::parse::encoding::decode_data`], for which a NUL byte is data.
//!
//! | input | limit | past it |
//! |---|---|---|
//! | JSON nesting (canonical JSON, node-link, `validate_json`) | 128 levels (serde_json's recursion limit) | `json`, at its line and column |
//! | XML nesting (GraphML import) | 256 elements deep | `parse`, at its line and column |
//! | XLSX: zip entries | 1,000 (`xlsx::MAX_ENTRIES`) | `too_large` |
//! | XLSX: decompressed bytes, all entries, counted while inflating | 256 MiB (`xlsx::MAX_DECOMPRESSED`) | `too_large` |
//! | XLSX: one sheet's extent (rows × columns, from cell references and `<dimension>`) | 16 Mi cells (`xlsx::MAX_CELLS`) | `too_large` |
//! | XLSX: shared strings (`count`, `uniqueCount`) | 4 Mi (`xlsx::MAX_STRINGS`) | `too_large` |
//! | text: invalid UTF-8, UTF-16 with a broken character | none read | `encoding`, at its line and column |
//! | text: a NUL byte (a binary file) | none read | `binary`, with its offset |
//! | a document in which no line ends in the model (empty, only furniture) | | `no_structure` error diagnostic of [`crate::parse::parse_document`] (`validate` exits 1) |
//! | text that looks like JSON (`{`, or a JSON array) read as a plan, strategy or progress report (`--kind`, a `.txt` name) | | `json_as_text` error diagnostic of [`crate::parse::parse_document`] and [`crate::parse::parse_file`], saying why it was read as text and how to read it as JSON |
//! | generator options (`priorities: 1e9`, ...) | the bounds on [`crate::generate::GeneratorConfig`] | clamped, as documented there |
//! | the hierarchy the rules walk up | 64 levels | the walk stops (a `contains` cycle) |
//!
//! Time is linear in the input for every parser, validation, report and
//! export (text wrapping and truncation included): `core/examples/growth.rs`
//! grows each hostile shape 1x/4x/16x and fails past 11x time per 4x input
//! (run in CI in quick mode by `scripts/test.sh`).
//!
//! # Injection
//!
//! Text a document supplies never becomes syntax in what stratagraph writes,
//! and nothing in an input is fetched or expanded when it is read.
//!
//! | format | injection class | defence | test |
//! |---|---|---|---|
//! | CSV export | spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR first; OWASP) | cell prefixed with `'` by default; `to_csv_raw` / `ExportOptions::with_csv_raw(true)` (Python `to_format("csv", raw=True)`) opt out; import reverses the guard | `core/tests/export.rs` `formula_injection_is_guarded_and_round_trips`; `bindings-python/tests/test_formats.py` `test_csv_raw_opt_out` |
//! | XLSX export | formula | every cell written as a string, never a formula | `core/tests/export.rs` `formula_injection_is_guarded_and_round_trips` (xlsx feature) |
//! | GraphML import (XML) | entities, DTDs, external entities (XXE), billion laughs | DOCTYPE skipped unread; only the five XML entities and character references are read, any other `&name;` is a `parse` error | `core/tests/injection.rs` `xml_import_never_expands_entities_or_dtds` |
//! | XLSX import (XML in a zip) | zip bomb, huge extents | the limits above | `core/tests/hostile_xlsx.rs` |
//! | GraphML, ArchiMate, SVG, HTML export | markup in labels, attributes, ids (`<script>`, `"><img onerror>`) | XML escaping (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`) of every text and attribute; NUL and control characters as U+FFFD | `core/tests/export.rs` `hostile_text_stays_text` |
//! | DOT export | closing a quoted string, adding statements or graphs | [`dot`]'s quoting escapes `"` and `\`, line breaks as `\n`, drops control characters | `core/tests/injection.rs` `dot_labels_and_ids_cannot_close_their_quotes_or_add_statements` |
//! | Mermaid export | closing a label, adding `click`/`style` statements, HTML in labels | syntax characters as entity codes (`#60;`), line breaks as `<br/>`, ids as `n0`, `n1`, ... | `core/tests/injection.rs` `mermaid_labels_and_ids_cannot_close_their_quotes_or_add_statements` |
//! | JSON formats (json, cytoscape, node-link, kumu) | breaking out of a string | serde's JSON string escaping | `core/tests/export.rs` `hostile_text_stays_text` |
//! | HTML report in a browser | scripts, event handlers in labels | escaped text, no scripts, no links out | `bindings-wasm/tests/explorer.test.mjs` "the HTML report shows hostile labels as text" (Chromium; payloads set `document.title`) |
//! | `<strategy-explorer>` in a browser | scripts, event handlers, SVG `onload` in labels, details, filters | text set through DOM text nodes only | `bindings-wasm/tests/explorer.test.mjs` "hostile labels show as text and never run" (Chromium; payloads set `document.title`) |
//!
//! ```
//! use stratagraph::format::{export, ExportOptions, Format};
//! use stratagraph::format::import;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder().node(Node::new(NodeKind::Outcome, "1", "Safe.")).build()?;
//! let bytes = export(&s, Format::NodeLink, &ExportOptions::default())?;
//! assert_eq!(import(&bytes, Format::NodeLink)?, s);
//! assert_eq!(import(b"<svg/>", Format::Svg).unwrap_err().code(), "unsupported");
//! # Ok::<(), stratagraph::Error>(())
//! ```

pub mod archimate;
pub mod csv;
pub mod cytoscape;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod json;
pub mod kumu;
pub mod mermaid;
pub mod node_link;
pub mod plan_text;
pub mod report;
pub mod svg;
#[cfg(feature = "xlsx")]
pub mod xlsx;
mod xml;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use crate::model::{AttrValue, Node, Strategy};

pub use self::csv::CsvTable;
pub use self::svg::SvgOptions;

/// A file format stratagraph writes (and, for some, reads back).
///
/// ```
/// use stratagraph::format::Format;
/// let f: Format = "node-link".parse()?;
/// assert_eq!(f, Format::NodeLink);
/// assert_eq!(f.extension(), "node-link.json");
/// assert!(f.can_import());
/// assert!(!Format::Svg.can_import());
/// assert_eq!("png".parse::<Format>().unwrap_err().code(), "unknown_kind");
/// # Ok::<(), stratagraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Canonical stratagraph JSON.
    Json,
    /// CSV tables: actions (default), nodes or edges (see [`CsvTable`]).
    Csv,
    /// An Excel workbook with one sheet per table (cargo feature `xlsx`).
    Xlsx,
    /// GraphML with typed, declared attributes.
    Graphml,
    /// Graphviz DOT, with a cluster per priority.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// networkx node-link JSON.
    NodeLink,
    /// Kumu blueprint JSON.
    Kumu,
    /// ArchiMate Model Exchange File Format XML.
    Archimate,
    /// A layered SVG drawing.
    Svg,
    /// A single-file HTML report.
    Html,
}

impl Format {
    /// Every format, in the order of the module table.
    pub const ALL: &'static [Format] = &[
        Format::Json,
        Format::Csv,
        Format::Xlsx,
        Format::Graphml,
        Format::Dot,
        Format::Mermaid,
        Format::Cytoscape,
        Format::NodeLink,
        Format::Kumu,
        Format::Archimate,
        Format::Svg,
        Format::Html,
    ];

    /// The name used on the command line and by the bindings (`node-link`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Graphml => "graphml",
            Format::Dot => "dot",
            Format::Mermaid => "mermaid",
            Format::Cytoscape => "cytoscape",
            Format::NodeLink => "node-link",
            Format::Kumu => "kumu",
            Format::Archimate => "archimate",
            Format::Svg => "svg",
            Format::Html => "html",
        }
    }

    /// The usual file name ending, without the leading dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Graphml => "graphml",
            Format::Dot => "dot",
            Format::Mermaid => "mmd",
            Format::Cytoscape => "cytoscape.json",
            Format::NodeLink => "node-link.json",
            Format::Kumu => "kumu.json",
            Format::Archimate => "archimate.xml",
            Format::Svg => "svg",
            Format::Html => "html",
        }
    }

    /// The media (MIME) type of the output.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json | Format::Cytoscape | Format::NodeLink | Format::Kumu => {
                "application/json"
            }
            Format::Csv => "text/csv",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Graphml => "application/graphml+xml",
            Format::Dot => "text/vnd.graphviz",
            Format::Mermaid => "text/vnd.mermaid",
            Format::Archimate => "application/xml",
            Format::Svg => "image/svg+xml",
            Format::Html => "text/html",
        }
    }

    /// Whether the output is UTF-8 text (everything but `xlsx`).
    pub fn is_text(self) -> bool {
        self != Format::Xlsx
    }

    /// Whether [`crate::format::import`] reads this format back.
    pub fn can_import(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Csv | Format::Xlsx | Format::Graphml | Format::NodeLink
        )
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// A format from its name, case-insensitively; `node_link`, `nodelink`,
    /// `gv`, `mmd`, `cytoscape-json` and `xml` (ArchiMate) are accepted too.
    fn from_str(s: &str) -> Result<Format, Error> {
        let lower = s.trim().to_ascii_lowercase();
        Ok(match lower.as_str() {
            "json" | "stratagraph" => Format::Json,
            "csv" => Format::Csv,
            "xlsx" | "excel" => Format::Xlsx,
            "graphml" => Format::Graphml,
            "dot" | "gv" | "graphviz" => Format::Dot,
            "mermaid" | "mmd" => Format::Mermaid,
            "cytoscape" | "cytoscape-json" | "cyjs" => Format::Cytoscape,
            "node-link" | "node_link" | "nodelink" | "networkx" => Format::NodeLink,
            "kumu" => Format::Kumu,
            "archimate" | "xml" => Format::Archimate,
            "svg" => Format::Svg,
            "html" => Format::Html,
            _ => {
                return Err(Error::UnknownKind {
                    what: "format",
                    value: s.to_owned(),
                })
            }
        })
    }
}

/// What an export may be told besides its format. Build it with
/// [`ExportOptions::default`] and the `with_*` methods.
///
/// ```
/// use stratagraph::format::{CsvTable, ExportOptions, SvgOptions};
/// let opts = ExportOptions::default()
///     .with_table(CsvTable::Nodes)
///     .with_svg(SvgOptions::default().with_partners(true));
/// assert_eq!(opts.table, CsvTable::Nodes);
/// assert!(opts.svg.partners);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportOptions {
    /// Which table `csv` writes (the actions table by default).
    pub table: CsvTable,
    /// How `svg` (and the report's picture) is drawn.
    pub svg: SvgOptions,
    /// Write CSV cells as they are, without the formula guard
    /// ([`csv::to_csv_raw`]); off by default.
    pub csv_raw: bool,
}

impl ExportOptions {
    /// Options with the given CSV table.
    pub fn with_table(mut self, table: CsvTable) -> ExportOptions {
        self.table = table;
        self
    }

    /// Options that write CSV cells without the formula guard (for tools that
    /// read CSV as data; see [`csv`]).
    pub fn with_csv_raw(mut self, raw: bool) -> ExportOptions {
        self.csv_raw = raw;
        self
    }

    /// Options with the given drawing options.
    pub fn with_svg(mut self, svg: SvgOptions) -> ExportOptions {
        self.svg = svg;
        self
    }
}

/// Write `strategy` in `format`. Text formats are UTF-8; `xlsx` is a zip file.
///
/// Fails with code `unsupported` for `xlsx` in a build without the `xlsx`
/// feature.
///
/// ```
/// use stratagraph::format::{export, ExportOptions, Format};
/// use stratagraph::{Node, NodeKind, Strategy};
/// let s = Strategy::builder().node(Node::new(NodeKind::Outcome, "1", "People <feel> safe.")).build()?;
/// let xml = String::from_utf8(export(&s, Format::Graphml, &ExportOptions::default())?).unwrap();
/// assert!(xml.contains("People &lt;feel&gt; safe."));
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn export(
    strategy: &Strategy,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>, Error> {
    let text = match format {
        Format::Json => strategy.to_json(),
        Format::Csv if options.csv_raw => csv::to_csv_raw(strategy, options.table)?,
        Format::Csv => csv::to_csv(strategy, options.table)?,
        Format::Xlsx => return xlsx_bytes(strategy),
        Format::Graphml => graphml::to_graphml(strategy),
        Format::Dot => dot::to_dot(strategy),
        Format::Mermaid => mermaid::to_mermaid(strategy),
        Format::Cytoscape => cytoscape::to_cytoscape(strategy),
        Format::NodeLink => node_link::to_node_link(strategy),
        Format::Kumu => kumu::to_kumu(strategy),
        Format::Archimate => archimate::to_archimate(strategy),
        Format::Svg => svg::to_svg(strategy, &options.svg),
        Format::Html => html::to_html(strategy, &options.svg),
    };
    Ok(text.into_bytes())
}

#[cfg(feature = "xlsx")]
fn xlsx_bytes(strategy: &Strategy) -> Result<Vec<u8>, Error> {
    xlsx::to_xlsx(strategy)
}

#[cfg(not(feature = "xlsx"))]
fn xlsx_bytes(_strategy: &Strategy) -> Result<Vec<u8>, Error> {
    Err(Error::Unsupported {
        format: "xlsx".to_owned(),
        message: "this build of stratagraph has no XLSX support (cargo feature `xlsx`)".to_owned(),
    })
}

// ---------------------------------------------------------------------------
// Helpers shared by the formats.

/// Whether `c` may appear in an XML 1.0 document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text escaped for XML content and attribute values (both quote kinds), with
/// characters XML cannot carry (control characters) replaced by U+FFFD.
pub(crate) fn xml_escape(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| matches!(c, '&' | '<' | '>' | '"' | '\'') || !is_xml_char(c))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Line ends in attribute values would be normalised to spaces.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// An attribute value as plain text: text as it is, numbers and booleans in
/// their JSON spelling, lists and maps as compact JSON.
pub(crate) fn attr_text(v: &AttrValue) -> String {
    match v {
        AttrValue::Text(s) => s.clone(),
        AttrValue::Bool(b) => b.to_string(),
        AttrValue::Integer(i) => i.to_string(),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml() {
        assert_eq!(xml_escape("plain"), "plain");
        assert_eq!(
            xml_escape("\"><img src=x onerror='a'>&\u{0}"),
            "&quot;&gt;&lt;img src=x onerror=&apos;a&apos;&gt;&amp;\u{FFFD}"
        );
    }

    /// A 200,000-character word splits into every piece of it, each `width`
    /// long: the split reads each character a bounded number of times (the
    /// old one copied the rest of the word per piece, 10,000 times here).
    #[test]
    fn wraps_a_very_long_word_whole() {
        let word: String = (0..200_000)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let lines = wrap(&word, 20, usize::MAX);
        assert_eq!(lines.len(), 10_000);
        assert!(lines.iter().all(|l| l.chars().count() == 20));
        assert_eq!(lines.concat(), word);
        let cut = wrap(&format!("short {word} tail"), 20, 3);
        assert_eq!(cut.len(), 3);
        assert_eq!(cut[0], "short");
        assert!(cut[2].ends_with('\u{2026}') && cut[2].chars().count() == 20);
    }

    #[test]
    fn format_names_round_trip() {
        for &f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().ok(), Some(f));
        }
    }
}

/// A built-in field of a node, flattened: what GraphML, Cytoscape.js and Kumu
/// carry as plain attributes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Flat {
    /// Text.
    Text(String),
    /// A whole number (source spans).
    Long(usize),
}

/// The names of the built-in flat fields of a node, in output order.
pub(crate) const FLAT_FIELDS: &[&str] = &[
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
    "span_start",
    "span_end",
    "span_line",
];

/// Whether [`flat_fields`] keeps the empty values a node has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Empties {
    /// Leave out empty texts and phrases (for tools that read the fields).
    Drop,
    /// Keep what the model tells from none, so that a format read back
    /// (GraphML) gives the same node: an empty `number` or `text`
    /// (`Some("")`, not `None`), and the phrase of every date window (empty
    /// too), so that a window with no dates and no phrase is still there.
    Keep,
}

/// The built-in fields a node has (empty ones left out unless `empties`
/// keeps them), named as in [`FLAT_FIELDS`] and in that order. Tags are
/// joined as in the CSV tables.
pub(crate) fn flat_fields(n: &Node, empties: Empties) -> Vec<(&'static str, Flat)> {
    let mut out = vec![("kind", Flat::Text(n.kind.as_str().to_owned()))];
    let keep = empties == Empties::Keep;
    let mut text = |name: &'static str, v: Option<String>, keep: bool| {
        if let Some(v) = v.filter(|v| keep || !v.is_empty()) {
            out.push((name, Flat::Text(v)));
        }
    };
    text("number", n.number.clone(), keep);
    text("label", Some(n.label.clone()), false);
    text("text", n.text.clone(), keep);
    for (w, names) in [
        (
            &n.deadline,
            ["deadline_start", "deadline_end", "deadline_phrase"],
        ),
        (&n.period, ["period_start", "period_end", "period_phrase"]),
    ] {
        if let Some(w) = w {
            text(names[0], w.start.map(|d| d.to_string()), false);
            text(names[1], w.end.map(|d| d.to_string()), false);
            text(names[2], Some(w.phrase.clone()), keep);
        }
    }
    if !n.tags.is_empty() {
        text("tags", Some(csv::tags_field(&n.tags)), false);
    }
    if let Some(s) = n.span {
        out.push(("span_start", Flat::Long(s.start)));
        out.push(("span_end", Flat::Long(s.end)));
        out.push(("span_line", Flat::Long(s.line)));
    }
    out
}

/// A JSON value whose objects keep the order their keys were put in (so ids
/// come first), without turning on serde_json's `preserve_order` for the crate.
#[derive(Clone, Debug)]
pub(crate) enum J {
    /// A plain value (objects inside it come out in key order).
    V(serde_json::Value),
    /// An object, keys in the order given.
    O(Vec<(String, J)>),
    /// An array.
    A(Vec<J>),
}

impl J {
    /// An empty ordered object.
    pub(crate) fn obj() -> J {
        J::O(Vec::new())
    }

    /// Put a key (on an object; ignored otherwise).
    pub(crate) fn put(&mut self, key: &str, value: impl Into<J>) {
        if let J::O(entries) = self {
            entries.push((key.to_owned(), value.into()));
        }
    }

    /// This object with a key put.
    pub(crate) fn with(mut self, key: &str, value: impl Into<J>) -> J {
        self.put(key, value);
        self
    }
}

impl From<serde_json::Value> for J {
    fn from(v: serde_json::Value) -> J {
        J::V(v)
    }
}

impl From<&str> for J {
    fn from(v: &str) -> J {
        J::V(serde_json::Value::from(v))
    }
}

impl From<String> for J {
    fn from(v: String) -> J {
        J::V(serde_json::Value::from(v))
    }
}

impl From<bool> for J {
    fn from(v: bool) -> J {
        J::V(serde_json::Value::from(v))
    }
}

impl From<Vec<J>> for J {
    fn from(v: Vec<J>) -> J {
        J::A(v)
    }
}

impl serde::Serialize for J {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            J::V(v) => v.serialize(s),
            J::O(entries) => {
                let mut m = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
            J::A(items) => {
                let mut q = s.serialize_seq(Some(items.len()))?;
                for v in items {
                    q.serialize_element(v)?;
                }
                q.end()
            }
        }
    }
}

/// JSON text, two-space indented, ending with a newline.
pub(crate) fn pretty_json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"  ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    if v.serialize(&mut ser).is_err() {
        out.clear();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// An attribute value as JSON.
pub(crate) fn attr_json(v: &AttrValue) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// `text` broken into lines of at most `width` characters at spaces (a word
/// longer than `width` is split), and at most `max_lines` lines, the last
/// ending with an ellipsis when text was left out. Linear in the text: each
/// character is read a bounded number of times, however long a word is.
pub(crate) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(4);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut len = 0usize; // characters in `line`
    let mut cut = false;
    'words: for mut word in text.split_whitespace() {
        let mut wlen = word.chars().count();
        loop {
            if len == 0 && wlen > width {
                // Split an over-long word.
                let (head, _) = crate::text::prefix(word, width);
                lines.push(head.to_owned());
                word = word.get(head.len()..).unwrap_or_default();
                wlen -= width;
                if lines.len() >= max_lines {
                    // Whatever follows is cut.
                    cut = true;
                    break 'words;
                }
                continue;
            }
            if len == 0 {
                line.push_str(word);
                len = wlen;
                break;
            }
            if len + 1 + wlen <= width {
                line.push(' ');
                line.push_str(word);
                len += 1 + wlen;
                break;
            }
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if lines.len() >= max_lines {
            cut = true;
            break;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        cut = true;
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            if last.chars().count() + 1 > width {
                let keep = crate::text::prefix(last, width - 1).0.trim_end().len();
                last.truncate(keep);
            }
            last.push('\u{2026}');
        }
    }
    lines
}

// ---------------------------------------------------------------------------
// Reading back.

use crate::model::NodeKind;

/// Read a strategy from `bytes` written in `format`.
pub fn import(bytes: &[u8], format: Format) -> Result<Strategy, Error> {
    match format {
        Format::Json => Strategy::from_json(&text(bytes)?),
        Format::Csv => csv::read(&text(bytes)?),
        Format::NodeLink => node_link::read(&text(bytes)?),
        Format::Graphml => graphml::read(&text(bytes)?),
        Format::Xlsx => read_xlsx(bytes),
        other => Err(Error::Unsupported {
            format: other.as_str().to_owned(),
            message:
                "this format cannot be read back; import json, csv, xlsx, graphml or node-link"
                    .to_owned(),
        }),
    }
}

#[cfg(feature = "xlsx")]
fn read_xlsx(bytes: &[u8]) -> Result<Strategy, Error> {
    xlsx::read(bytes)
}

#[cfg(not(feature = "xlsx"))]
fn read_xlsx(_bytes: &[u8]) -> Result<Strategy, Error> {
    Err(Error::Unsupported {
        format: "xlsx".to_owned(),
        message: "this build of stratagraph has no XLSX support (cargo feature `xlsx`)".to_owned(),
    })
}

/// The text of `bytes`, decoded by [`crate::parse::encoding::decode_data`]:
/// UTF-8 or UTF-16 with a byte-order mark (the mark dropped); invalid bytes
/// are an `encoding` error at their line and column. A NUL byte is data here.
fn text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Error> {
    crate::parse::encoding::decode_data(bytes)
}

/// The 1-based line and column of byte `offset` of `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A parse error of `what` at `line` (column 1).
pub(crate) fn parse_error(what: &'static str, line: usize, message: impl Into<String>) -> Error {
    Error::Parse {
        what,
        line: line.max(1),
        column: 1,
        message: message.into(),
    }
}

/// The kind named by an id's prefix (`action:1.1.1` is an action).
pub(crate) fn kind_from_id(id: &str) -> Option<NodeKind> {
    let prefix = id.split_once(':')?.0;
    NodeKind::ALL
        .iter()
        .copied()
        .find(|k| k.id_prefix() == prefix)
}

/// A JSON value as an attribute value; `null` is none.
pub(crate) fn attr_from_json(v: &serde_json::Value) -> Option<AttrValue> {
    if v.is_null() {
        return None;
    }
    serde_json::from_value(v.clone()).ok()
}
