//! The delivery-plan parser and writer on arbitrary bytes: no panic, and what
//! is written from a parse parses again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let result = stratagraph::parse_delivery_plan(&text);
    for line in result.unclassified.iter().chain(result.skipped.iter()) {
        assert!(text.get(line.span.start..line.span.end).is_some());
    }
    let written = stratagraph::write_delivery_plan(&result.strategy);
    let again = stratagraph::parse_delivery_plan(&written);
    let _ = stratagraph::write_delivery_plan(&again.strategy);
});
