//! Import of GraphML (the XML reader: entities, DOCTYPE, nesting): reading any bytes never panics, and whatever reads
//! back is written and read again to the same strategy (the round trip is lossless).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stratagraph::format::{export, import, ExportOptions, Format};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = import(data, Format::Graphml) else { return };
    let _ = s.validate();
    let options = ExportOptions::default();
    if let Ok(bytes) = export(&s, Format::Graphml, &options) {
        let again = import(&bytes, Format::Graphml);
        assert!(again.is_ok_and(|t| t == s));
    }
});
