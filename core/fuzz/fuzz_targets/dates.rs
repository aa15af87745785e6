//! The deadline-phrase readers on arbitrary bytes: no panic, and no window
//! that ends before it starts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stratagraph::parse::date::{find_deadlines, find_period, parse_deadline};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for w in parse_deadline(&text)
        .into_iter()
        .chain(find_deadlines(&text))
        .chain(find_period(&text))
    {
        if let (Some(s), Some(e)) = (w.start, w.end) {
            assert!(s <= e, "{text:?}: {s}..{e}");
        }
        assert!(text.contains(w.phrase.as_str()));
    }
});
