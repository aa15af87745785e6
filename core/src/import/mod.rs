//! Imports: read back the formats that carry a whole strategy, behind one
//! entry point, [`import`].
//!
//! | [`Format`] | reads | module |
//! |---|---|---|
//! | `json` | canonical JSON | [`crate::json`] |
//! | `csv` | the nodes table, optionally followed by the edges table (what `CsvTable::NodesAndEdges` writes) | [`csv`] |
//! | `xlsx` | the `nodes` and `edges` sheets of the workbook (cargo feature `xlsx`) | `xlsx` |
//! | `graphml` | stratagraph's GraphML (typed keys; a node's `kind` key, or an id prefix that names a kind) | [`graphml`] |
//! | `node-link` | networkx node-link JSON (`edges` or `links`) | [`node_link`] |
//!
//! Every export of these formats reads back into the same strategy, except
//! that CSV and XLSX cannot tell an empty `number`, `text` or deadline from a
//! missing one, and XML cannot carry control characters (they come back as
//! U+FFFD). Other formats are drawings or one-way maps and fail with code
//! `unsupported`. No input makes an import panic: a bad one gives an error
//! with the line (and column where known) it was found on.
//!
//! ```
//! use stratagraph::export::{export, ExportOptions, Format};
//! use stratagraph::import::import;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder().node(Node::new(NodeKind::Outcome, "1", "Safe.")).build()?;
//! let bytes = export(&s, Format::NodeLink, &ExportOptions::default())?;
//! assert_eq!(import(&bytes, Format::NodeLink)?, s);
//! assert_eq!(import(b"<svg/>", Format::Svg).unwrap_err().code(), "unsupported");
//! # Ok::<(), stratagraph::Error>(())
//! ```

pub mod csv;
pub mod graphml;
pub mod node_link;
#[cfg(feature = "xlsx")]
pub mod xlsx;
mod xml;

use crate::error::Error;
use crate::export::Format;
use crate::model::{AttrValue, NodeKind, Strategy};

/// Read a strategy from `bytes` written in `format`.
pub fn import(bytes: &[u8], format: Format) -> Result<Strategy, Error> {
    match format {
        Format::Json => Strategy::from_json(utf8(bytes, "json")?),
        Format::Csv => csv::read(utf8(bytes, "csv")?),
        Format::NodeLink => node_link::read(utf8(bytes, "node-link")?),
        Format::Graphml => graphml::read(utf8(bytes, "graphml")?),
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

/// The text of `bytes` (a leading byte-order mark dropped), or a parse error
/// at the first byte that is not UTF-8.
pub(crate) fn utf8<'a>(bytes: &'a [u8], what: &'static str) -> Result<&'a str, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let (line, column) = line_col(std::str::from_utf8(good).unwrap_or_default(), good.len());
        Error::Parse {
            what,
            line,
            column,
            message: "the text is not UTF-8".to_owned(),
        }
    })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
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
