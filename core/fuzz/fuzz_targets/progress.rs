//! The progress-report parser never panics; its report survives a JSON round
//! trip and applies to a plan holding its strategic actions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stratagraph::progress::ProgressReport;
use stratagraph::{Node, NodeKind, Strategy};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = stratagraph::parse_progress_report(&text);
    let back = ProgressReport::from_json(&parsed.report.to_json());
    assert!(back.is_ok_and(|r| r == parsed.report));
    let mut plan = Strategy::new();
    for e in &parsed.report.entries {
        let _ = plan.add_node(Node::new(NodeKind::StrategicAction, &e.number, e.title.clone()));
    }
    let _ = parsed.report.apply_to(&mut plan);
    let _ = stratagraph::progress::rollup::progress_summary(&plan);
});
