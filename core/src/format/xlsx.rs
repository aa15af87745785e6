//! An Excel workbook (cargo feature `xlsx`, written with `rust_xlsxwriter`):
//! three sheets, `actions`, `nodes` and `edges`, holding the CSV tables of
//! [`crate::format::csv`] cell for cell, every cell a string (so nothing a
//! plan says is read as a formula or a date), with a bold, frozen header row
//! and an autofilter.
//!
//! The workbook is byte-for-byte deterministic: its creation time is fixed at
//! 2000-01-01T00:00:00Z and the zip entries carry the zip epoch.
//! [`crate::format::import`] reads the `nodes` and `edges` sheets back.
//!
//! ```
//! use stratagraph::format::xlsx::to_xlsx;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder().node(Node::new(NodeKind::Outcome, "1", "Safe.")).build()?;
//! let bytes = to_xlsx(&s)?;
//! assert_eq!(&bytes[..2], b"PK");
//! assert_eq!(bytes, to_xlsx(&s)?);
//! # Ok::<(), stratagraph::Error>(())
//! ```
//!
//! # Reading back
//!
//! Read the `nodes` and `edges` sheets of a workbook written by
//! [`crate::format::xlsx`] (cargo feature `xlsx`, read with `calamine`).
//! Columns are found by their header as in the CSV import; cells that hold
//! numbers, booleans or dates (a workbook edited by hand) are read as their
//! text.
//!
//! ```
//! use stratagraph::format::xlsx::to_xlsx;
//! use stratagraph::format::xlsx::read;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder().node(Node::new(NodeKind::Outcome, "1", "Safe.")).build()?;
//! assert_eq!(read(&to_xlsx(&s)?)?, s);
//! # Ok::<(), stratagraph::Error>(())
//! ```
//!
//! # Limits
//!
//! A workbook is a zip of XML files, and a small one can ask for a great deal:
//! a single cell at `XFD1048576` makes a reader allocate the whole 2^34-cell
//! grid, a `uniqueCount` of four billion a table of strings, and a zip bomb
//! gigabytes of XML. Before calamine reads anything, [`read`] checks, with
//! [`Error::TooLarge`] when one is passed:
//!
//! | what | limit |
//! |---|---|
//! | the zip's entries | [`MAX_ENTRIES`] |
//! | decompressed bytes, all entries together (counted while decompressing, not taken from the headers) | [`MAX_DECOMPRESSED`] |
//! | a sheet's extent (rows × columns, from its cell references and `<dimension>`) | [`MAX_CELLS`] |
//! | shared strings (`count` and `uniqueCount`) | [`MAX_STRINGS`] |

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::csv::{action_rows, edge_rows, node_row, ACTION_COLUMNS, EDGE_COLUMNS, NODE_COLUMNS};
use crate::error::Error;
use crate::model::Strategy;

fn error(e: &XlsxError) -> Error {
    Error::Unsupported {
        format: "xlsx".to_owned(),
        message: e.to_string(),
    }
}

fn sheet(
    wb: &mut Workbook,
    name: &str,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let mut widths: Vec<usize> = columns.iter().map(|c| c.len()).collect();
    for (c, name) in columns.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, c, *name, &bold)?;
    }
    let mut last_row = 0u32;
    for (r, row) in rows.enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        last_row = r;
        for (c, value) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(value.chars().count().min(60));
            }
            if !value.is_empty() {
                ws.write_string(r, u16::try_from(c).unwrap_or(u16::MAX), value)?;
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let width = u32::try_from(*w).unwrap_or(60) + 2;
        ws.set_column_width(u16::try_from(c).unwrap_or(u16::MAX), width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    ws.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

/// The strategy as an XLSX workbook (the bytes of the zip file).
pub fn to_xlsx(s: &Strategy) -> Result<Vec<u8>, Error> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
        wb.set_properties(
            &DocProperties::new()
                .set_creation_datetime(&created)
                .set_title("stratagraph export"),
        );
        sheet(&mut wb, "actions", ACTION_COLUMNS, action_rows(s))?;
        sheet(&mut wb, "nodes", NODE_COLUMNS, s.nodes().map(node_row))?;
        sheet(&mut wb, "edges", EDGE_COLUMNS, edge_rows(s))?;
        wb.save_to_buffer()
    };
    build().map_err(|e| error(&e))
}

// ---------------------------------------------------------------------------
// Reading back.

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

use super::csv::{edges_from_records, nodes_from_records, Record};

fn read_error(message: String) -> Error {
    Error::Parse {
        what: "xlsx",
        line: 1,
        column: 1,
        message,
    }
}

fn cell(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

fn records(wb: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Option<Vec<Record>>, Error> {
    if !wb.sheet_names().iter().any(|n| n == name) {
        return Ok(None);
    }
    let range = wb
        .worksheet_range(name)
        .map_err(|e| read_error(format!("sheet {name:?}: {e}")))?;
    let rows = range
        .rows()
        .enumerate()
        .filter(|(_, row)| row.iter().any(|c| !matches!(c, Data::Empty)))
        .map(|(i, row)| Record {
            fields: row.iter().map(cell).collect(),
            line: i + 1,
        })
        .collect();
    Ok(Some(rows))
}

/// The most entries a workbook's zip may hold.
pub const MAX_ENTRIES: u64 = 1_000;
/// The most bytes a workbook may decompress to, all entries together (256 MiB).
pub const MAX_DECOMPRESSED: u64 = 256 << 20;
/// The largest sheet extent (rows × columns) read (16 Mi cells).
pub const MAX_CELLS: u64 = 16 << 20;
/// The most shared strings a workbook may declare (4 Mi).
pub const MAX_STRINGS: u64 = 4 << 20;

/// The limits [`read_with_limits`] checks; [`Limits::default`] is the
/// `MAX_*` constants, which [`read`] uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// See [`MAX_ENTRIES`].
    pub entries: u64,
    /// See [`MAX_DECOMPRESSED`].
    pub decompressed: u64,
    /// See [`MAX_CELLS`].
    pub cells: u64,
    /// See [`MAX_STRINGS`].
    pub strings: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            entries: MAX_ENTRIES,
            decompressed: MAX_DECOMPRESSED,
            cells: MAX_CELLS,
            strings: MAX_STRINGS,
        }
    }
}

fn too_large(what: impl Into<String>, limit: u64, found: u64) -> Error {
    Error::TooLarge {
        what: what.into(),
        limit,
        found,
    }
}

/// Check the workbook against the limits of the module docs, decompressing
/// each entry once with a budget (so a lying header cannot pass).
fn check_limits(bytes: &[u8], limits: &Limits) -> Result<(), Error> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| read_error(format!("not a workbook (zip): {e}")))?;
    if zip.len() as u64 > limits.entries {
        return Err(too_large(
            "xlsx zip entries",
            limits.entries,
            zip.len() as u64,
        ));
    }
    let mut budget = limits.decompressed;
    let mut xml = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| read_error(format!("zip entry {i}: {e}")))?;
        let name = entry
            .name()
            .map_err(|e| read_error(format!("zip entry {i}: {e}")))?
            .into_owned();
        if entry.size() > budget {
            return Err(too_large(
                "xlsx decompressed bytes",
                limits.decompressed,
                (limits.decompressed - budget).saturating_add(entry.size()),
            ));
        }
        xml.clear();
        let read = (&mut entry)
            .take(budget.saturating_add(1))
            .read_to_end(&mut xml)
            .map_err(|e| read_error(format!("zip entry {name:?}: {e}")))? as u64;
        if read > budget {
            return Err(too_large(
                "xlsx decompressed bytes",
                limits.decompressed,
                limits.decompressed.saturating_add(1),
            ));
        }
        budget -= read;
        if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            let cells = sheet_extent(&xml);
            if cells > limits.cells {
                return Err(too_large(format!("xlsx {name} cells"), limits.cells, cells));
            }
        } else if name == "xl/sharedStrings.xml" {
            let declared = shared_string_count(&xml);
            if declared > limits.strings {
                return Err(too_large("xlsx shared strings", limits.strings, declared));
            }
        }
    }
    Ok(())
}

/// The value of every `NAME="..."` attribute in `xml`, as bytes.
fn attr_values<'a>(xml: &'a [u8], name: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut rest = xml;
    std::iter::from_fn(move || loop {
        let at = rest.windows(name.len()).position(|w| w == name)?;
        let before = at.checked_sub(1).and_then(|i| rest.get(i)).copied();
        rest = rest.get(at + name.len()..)?;
        // A whole attribute name: preceded by white space, followed by `="`.
        if !matches!(before, Some(b' ' | b'\t' | b'\n' | b'\r')) || !rest.starts_with(b"=\"") {
            continue;
        }
        rest = rest.get(2..)?;
        let end = rest.iter().position(|&b| b == b'"')?;
        let value = rest.get(..end)?;
        rest = rest.get(end..)?;
        return Some(value);
    })
}

/// A cell reference (`"XFD1048576"`, or a row number alone) as (row, column), 1-based.
fn cell_ref(r: &[u8]) -> (u64, u64) {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let col = r[..letters].iter().fold(0u64, |c, b| {
        c.saturating_mul(26)
            .saturating_add(u64::from(b.to_ascii_uppercase() - b'A' + 1))
    });
    let row = r[letters..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, b| {
            n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        });
    (row, col)
}

/// The extent (rows × columns) a sheet asks a reader to allocate: the largest
/// row and column of its cell references, rows and `<dimension ref>`.
fn sheet_extent(xml: &[u8]) -> u64 {
    let (mut rows, mut cols) = (0u64, 0u64);
    let refs = attr_values(xml, b"r")
        .chain(attr_values(xml, b"ref").flat_map(|v| v.split(|&b| b == b':' || b == b' ')));
    for r in refs {
        let (row, col) = cell_ref(r);
        rows = rows.max(row);
        cols = cols.max(col);
    }
    rows.saturating_mul(cols.max(1))
}

/// The largest `count` or `uniqueCount` a shared-strings table declares.
fn shared_string_count(xml: &[u8]) -> u64 {
    attr_values(xml, b"uniqueCount")
        .chain(attr_values(xml, b"count"))
        .map(|v| cell_ref(v).0)
        .max()
        .unwrap_or(0)
}

/// Read a workbook's `nodes` and (if present) `edges` sheets, within the
/// default [`Limits`].
pub fn read(bytes: &[u8]) -> Result<Strategy, Error> {
    read_with_limits(bytes, &Limits::default())
}

/// [`read`], within `limits`: [`Error::TooLarge`] before anything is allocated
/// for a workbook that passes one.
pub fn read_with_limits(bytes: &[u8], limits: &Limits) -> Result<Strategy, Error> {
    check_limits(bytes, limits)?;
    let mut wb: Xlsx<Cursor<&[u8]>> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| read_error(e.to_string()))?;
    let nodes = records(&mut wb, "nodes")?
        .ok_or_else(|| read_error("the workbook has no \"nodes\" sheet".to_owned()))?;
    let edges = records(&mut wb, "edges")?.unwrap_or_default();
    Strategy::from_parts(nodes_from_records(&nodes)?, edges_from_records(&edges)?)
}

#[cfg(test)]
mod read_tests {
    use super::*;

    #[test]
    fn extents_and_counts_are_read_from_the_xml() {
        assert_eq!(cell_ref(b"XFD1048576"), (1_048_576, 16_384));
        assert_eq!(cell_ref(b"A1"), (1, 1));
        assert_eq!(
            sheet_extent(br#"<dimension ref="A1:C10"/><row r="2"><c r="B2" t="s">"#),
            30
        );
        assert_eq!(sheet_extent(br#"<c r="XFD1048576"/>"#), 1 << 34);
        // `href="..."` and `xr="..."` are other attributes.
        assert_eq!(sheet_extent(br#"<a href="Z99"/><b xr="Z99"/>"#), 0);
        assert_eq!(
            shared_string_count(br#"<sst count="3" uniqueCount="4000000000">"#),
            4_000_000_000
        );
    }
}
