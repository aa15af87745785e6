//! Import of CSV (the nodes table, optionally followed by the edges table): reading any bytes never panics, and whatever reads
//! back is written and read again to the same strategy (the round trip is lossless).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stratagraph::format::{export, import, CsvTable, ExportOptions, Format};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = import(data, Format::Csv) else { return };
    let _ = s.validate();
    let options = ExportOptions::default().with_table(CsvTable::NodesAndEdges);
    if let Ok(bytes) = export(&s, Format::Csv, &options) {
        let again = import(&bytes, Format::Csv);
        assert!(again.is_ok_and(|t| t == s));
    }
});
