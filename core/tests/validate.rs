//! Validation reports every problem of the fixture exactly where it is.

mod common;

use stratagraph::{validate_json, Severity};

#[test]
fn every_code_exactly_where_it_should_be() {
    let diags = validate_json(&common::read("tests/fixtures/validation-problems.json")).unwrap();
    let got: Vec<(&str, Severity, Vec<&str>)> = diags
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                d.severity,
                d.ids.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    use Severity::{Error, Warning};
    let expected: Vec<(&str, Severity, Vec<&str>)> = vec![
        ("duplicate_id", Error, vec!["partner:lead"]),
        (
            "dangling_edge",
            Error,
            vec!["action:1.1.4", "partner:missing"],
        ),
        (
            "hierarchy_cycle",
            Error,
            vec!["strategic-action:loop-a", "strategic-action:loop-b"],
        ),
        (
            "action_outside_strategic_action",
            Error,
            vec!["action:9.9.9"],
        ),
        ("undefined_outcome", Warning, vec!["outcome:3"]),
        (
            "numbering_duplicate",
            Error,
            vec!["action:1.1.3", "action:1.1.3-again"],
        ),
        ("numbering_gap", Warning, vec!["strategic-action:1.1"]),
        ("action_without_lead", Warning, vec!["action:1.1.4"]),
        (
            "deadline_outside_period",
            Warning,
            vec!["action:1.1.3", "plan:p"],
        ),
        ("outcome_without_contribution", Warning, vec!["outcome:2"]),
        ("idle_partner", Warning, vec!["partner:idle"]),
    ];
    assert_eq!(got, expected, "{diags:#?}");
    // Every message names what it is about.
    assert!(diags[6].message.contains("1.1.2"), "{}", diags[6].message);
    assert!(
        diags[8].message.contains("by June 2026"),
        "{}",
        diags[8].message
    );
}

#[test]
fn a_valid_plan_has_no_diagnostics() {
    let s =
        stratagraph::Strategy::from_json(&common::read("tests/fixtures/mini-plan.json")).unwrap();
    assert_eq!(s.validate(), vec![]);
}

#[test]
fn a_repeated_edge_is_reported_not_dropped_silently() {
    let text = r#"{"format": "stratagraph", "version": 1,
      "nodes": [{"id": "priority:1", "kind": "priority", "number": "1"},
                {"id": "outcome:1", "kind": "outcome", "number": "1", "text": "Safe."}],
      "edges": [{"source": "priority:1", "target": "outcome:1", "kind": "contributes_to"},
                {"source": "priority:1", "target": "outcome:1", "kind": "contributes_to"}]}"#;
    let diags = validate_json(text).unwrap();
    let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["duplicate_edge"]);
    assert_eq!(diags[0].severity, Severity::Warning);
    assert_eq!(diags[0].ids, ["priority:1", "outcome:1"]);
}
