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
