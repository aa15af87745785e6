//! Import of networkx node-link JSON: reading any bytes never panics, and whatever reads
//! back is written and read again to the same strategy (the round trip is lossless).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stratagraph::format::{export, import, ExportOptions, Format};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = import(data, Format::NodeLink) else { return };
    let _ = s.validate();
    let options = ExportOptions::default();
    if let Ok(bytes) = export(&s, Format::NodeLink, &options) {
        let again = import(&bytes, Format::NodeLink);
        assert!(again.is_ok_and(|t| t == s));
    }
});
