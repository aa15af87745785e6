//! The golden files under tests/golden/, which the Python and JavaScript tests
//! check too: Rust's output must match them byte for byte.

mod common;

use common::{check_golden, read};
use stratagraph::{diagnostics_to_json, validate_json, Strategy};

#[test]
fn mini_plan_canonical_json() {
    let s = Strategy::from_json(&read("tests/fixtures/mini-plan.json")).unwrap();
    let json = s.to_json();
    check_golden("mini-plan.json", &json);
    // Canonical JSON is a fixed point.
    assert_eq!(Strategy::from_json(&json).unwrap().to_json(), json);
}

#[test]
fn mini_plan_is_valid() {
    let s = Strategy::from_json(&read("tests/fixtures/mini-plan.json")).unwrap();
    let diags = s.validate();
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn validation_problems_diagnostics() {
    let diags = validate_json(&read("tests/fixtures/validation-problems.json")).unwrap();
    check_golden(
        "validation-problems.diagnostics.json",
        &diagnostics_to_json(&diags),
    );
}

const SCOTLAND: &str = "examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt";
const WALES: &str = "examples/data/wales-together-for-mental-health.txt";

#[test]
fn scottish_seed_canonical_json() {
    let parsed = stratagraph::parse_delivery_plan(&read(SCOTLAND));
    check_golden("scotland-priority-10.json", &parsed.strategy.to_json());
    check_golden(
        "scotland-priority-10.diagnostics.json",
        &diagnostics_to_json(&parsed.diagnostics),
    );
}

#[test]
fn welsh_seed_canonical_json() {
    let parsed = stratagraph::parse_strategy(&read(WALES));
    let json = parsed.strategy.to_json();
    check_golden("wales-together-for-mental-health.json", &json);
    // The copy shipped as example data is the same document.
    assert_eq!(
        read("examples/data/wales-together-for-mental-health.json"),
        json
    );
}

#[test]
fn progress_fixture_canonical_json() {
    let parsed = stratagraph::parse_progress_report(&read("tests/fixtures/progress-report.txt"));
    check_golden("progress-report.json", &parsed.report.to_json());
}

/// The hand-annotated proposals merged into the Scottish seed's parse: what
/// `merge_proposals` / `mergeProposals` give in Python and JavaScript too.
#[test]
fn scotland_proposals_merge() {
    let text = read(SCOTLAND);
    let parsed = stratagraph::parse_delivery_plan(&text);
    let proposals = stratagraph::proposals::Proposals::from_json(&read(
        "tests/fixtures/scotland-proposals.json",
    ))
    .unwrap();
    let merged = stratagraph::proposals::merge_proposals(&text, &parsed.strategy, &proposals);
    assert!(!merged.accepted.is_empty() && !merged.rejected.is_empty());
    check_golden("scotland-proposals.merge.json", &merged.to_json());
}
