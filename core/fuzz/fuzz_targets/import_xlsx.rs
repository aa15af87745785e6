//! Import of XLSX workbooks: any bytes (a zip, or not) never panic, abort or
//! allocate past the documented limits (`rss_limit_mb` catches an allocation that
//! escapes them); a workbook that reads is written and read back to the same strategy.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stratagraph::format::{export, import, ExportOptions, Format};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = import(data, Format::Xlsx) else { return };
    let _ = s.validate();
    if let Ok(bytes) = export(&s, Format::Xlsx, &ExportOptions::default()) {
        // The first trip may normalise what a workbook cannot carry (an empty
        // field); after it the strategy is a fixed point.
        let Ok(once) = import(&bytes, Format::Xlsx) else { panic!("its own output does not read back") };
        if let Ok(bytes) = export(&once, Format::Xlsx, &ExportOptions::default()) {
            assert!(import(&bytes, Format::Xlsx).is_ok_and(|t| t == once));
        }
    }
});
