//! Workbooks that ask for more than they are worth: a typed error, before any
//! allocation, instead of an abort.
#![cfg(feature = "xlsx")]
#![allow(clippy::unwrap_used, clippy::panic)]

use std::io::{Cursor, Read, Write};

use stratagraph::format::xlsx::to_xlsx;
use stratagraph::format::xlsx::{read, read_with_limits, Limits};
use stratagraph::{Error, Node, NodeKind, Strategy};

fn workbook() -> Vec<u8> {
    let s = Strategy::builder()
        .node(Node::new(NodeKind::Outcome, "1", "People are safe."))
        .build()
        .unwrap();
    to_xlsx(&s).unwrap()
}

/// The workbook with entry `name` changed by `f` (or added, when missing).
fn rezip(bytes: &[u8], name: &str, f: impl Fn(String) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut seen = false;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let entry_name = entry.name().unwrap().into_owned();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        if entry_name == name {
            text = f(text);
            seen = true;
        }
        out.start_file(entry_name, options).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    if !seen {
        out.start_file(name, options).unwrap();
        out.write_all(f(String::new()).as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn too_large(result: Result<Strategy, Error>) -> (String, u64) {
    match result {
        Err(Error::TooLarge { what, found, .. }) => (what, found),
        other => panic!("expected too_large, got {other:?}"),
    }
}

#[test]
fn a_plain_workbook_reads_back() {
    assert_eq!(read(&workbook()).unwrap().len(), 1);
}

#[test]
fn one_cell_at_the_last_row_and_column() {
    let bytes = rezip(&workbook(), "xl/worksheets/sheet2.xml", |x| {
        x.replace(
            "</sheetData>",
            r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>"#,
        )
    });
    assert!(bytes.len() < 20_000);
    let (what, found) = too_large(read(&bytes));
    assert!(what.contains("cells"), "{what}");
    assert_eq!(found, 1 << 34);
    let err = read(&bytes).unwrap_err();
    assert_eq!(err.code(), "too_large");
}

#[test]
fn a_dimension_that_claims_the_whole_grid() {
    let bytes = rezip(&workbook(), "xl/worksheets/sheet2.xml", |x| {
        x.replacen(
            "<sheetData",
            r#"<dimension ref="A1:XFD1048576"/><sheetData"#,
            1,
        )
    });
    too_large(read(&bytes));
}

#[test]
fn four_billion_shared_strings() {
    let bytes = rezip(&workbook(), "xl/sharedStrings.xml", |_| {
        r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>x</t></si></sst>"#.to_owned()
    });
    let (what, found) = too_large(read(&bytes));
    assert_eq!(
        (what.as_str(), found),
        ("xlsx shared strings", 4_000_000_000)
    );
}

#[test]
fn a_zip_bomb_stops_at_the_budget() {
    let bytes = rezip(&workbook(), "xl/padding.xml", |_| " ".repeat(4 << 20));
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    let limits = Limits {
        decompressed: 1 << 20,
        ..Limits::default()
    };
    let (what, _) = too_large(read_with_limits(&bytes, &limits));
    assert_eq!(what, "xlsx decompressed bytes");
    // Within the default budget the same workbook reads.
    assert!(read(&bytes).is_ok());
}

#[test]
fn not_a_zip_is_a_parse_error() {
    let err = read(b"PK\x03\x04 not really").unwrap_err();
    assert_eq!(err.code(), "parse");
}
