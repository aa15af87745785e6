//! Read the `nodes` and `edges` sheets of a workbook written by
//! [`crate::export::xlsx`] (cargo feature `xlsx`, read with `calamine`).
//! Columns are found by their header as in the CSV import; cells that hold
//! numbers, booleans or dates (a workbook edited by hand) are read as their
//! text.
//!
//! ```
//! use stratagraph::export::xlsx::to_xlsx;
//! use stratagraph::import::xlsx::read;
//! use stratagraph::{Node, NodeKind, Strategy};
//! let s = Strategy::builder().node(Node::new(NodeKind::Outcome, "1", "Safe.")).build()?;
//! assert_eq!(read(&to_xlsx(&s)?)?, s);
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

use super::csv::{edges_from_records, nodes_from_records, Record};
use crate::error::Error;
use crate::model::Strategy;

fn error(message: String) -> Error {
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
        .map_err(|e| error(format!("sheet {name:?}: {e}")))?;
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

/// Read a workbook's `nodes` and (if present) `edges` sheets.
pub fn read(bytes: &[u8]) -> Result<Strategy, Error> {
    let mut wb: Xlsx<Cursor<&[u8]>> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| error(e.to_string()))?;
    let nodes = records(&mut wb, "nodes")?
        .ok_or_else(|| error("the workbook has no \"nodes\" sheet".to_owned()))?;
    let edges = records(&mut wb, "edges")?.unwrap_or_default();
    Strategy::from_parts(nodes_from_records(&nodes)?, edges_from_records(&edges)?)
}
