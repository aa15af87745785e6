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
        assert!(import(&bytes, Format::Xlsx).is_ok_and(|t| t == s));
    }
});
