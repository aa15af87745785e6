//! Canonical JSON: reading never panics, lenient validation never panics, and
//! whatever reads back writes the same bytes again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = stratagraph::validate_json(text);
    if let Ok(s) = stratagraph::Strategy::from_json(text) {
        let json = s.to_json();
        let again = stratagraph::Strategy::from_json(&json);
        assert!(again.is_ok_and(|t| t.to_json() == json));
        let _ = s.validate();
    }
});
