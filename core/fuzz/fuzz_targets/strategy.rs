//! The narrative-strategy extractor never panics, and what it gives survives a
//! canonical JSON round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = stratagraph::parse_strategy(&text);
    let back = stratagraph::Strategy::from_json(&parsed.strategy.to_json());
    assert!(back.is_ok_and(|s| s == parsed.strategy));
});
