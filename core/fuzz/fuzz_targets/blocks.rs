//! The block layer and the block recognisers on arbitrary bytes: no panic,
//! every block's span is its text in the source, and detection, the plan and
//! progress parsers (which route other layouts to the recognisers) hold too.
//! Seed it with the real pages: `cargo +nightly fuzz run blocks ../../tests/corpus`
//! (or /work/shared/corpus).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stratagraph::parse::blocks::blocks;
use stratagraph::parse::gazetteer::Gazetteer;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for b in blocks(&text) {
        assert_eq!(text.get(b.span.start..b.span.end), Some(b.text));
    }
    let result = stratagraph::parse::recognise::parse_blocks(&text, &Gazetteer::builtin());
    for line in result.unclassified.iter().chain(result.skipped.iter()) {
        assert!(text.get(line.span.start..line.span.end).is_some());
    }
    let _ = stratagraph::parse::DocumentKind::detect(&text);
    let _ = stratagraph::parse_progress_report(&text);
});
