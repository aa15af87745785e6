//! An Excel workbook (cargo feature `xlsx`, written with `rust_xlsxwriter`):
//! three sheets, `actions`, `nodes` and `edges`, holding the CSV tables of
//! [`crate::export::csv`] cell for cell, every cell a string (so nothing a
//! plan says is read as a formula or a date), with a bold, frozen header row
//! and an autofilter.
//!
//! The workbook is byte-for-byte deterministic: its creation time is fixed at
//! 2000-01-01T00:00:00Z and the zip entries carry the zip epoch.
//! [`crate::import::import`] reads the `nodes` and `edges` sheets back.
//!
//! ```
//! use stratagraph::export::xlsx::to_xlsx;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder().node(Node::new(NodeKind::Outcome, "1", "Safe.")).build()?;
//! let bytes = to_xlsx(&s)?;
//! assert_eq!(&bytes[..2], b"PK");
//! assert_eq!(bytes, to_xlsx(&s)?);
//! # Ok::<(), stratagraph::Error>(())
//! ```

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
