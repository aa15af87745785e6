//! Issue 18 in Rust: a wrong or empty input is a clear error, sizes taken from a caller are
//! clamped, and names and dates pasted from web pages do not split or vanish silently. The
//! command line's side (validate exits 1) is in cli.rs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use stratagraph::format::{import, Format};
use stratagraph::generate::{self, GeneratorConfig, Size};
use stratagraph::parse::parse_document;
use stratagraph::{parse_delivery_plan, EdgeKind, NodeKind, Severity};

const PLAN: &str = "Priority 1\nPeople get help early.\nStrategic Action 1.1\nHelp families.\n";

#[test]
fn a_zero_width_space_does_not_make_a_second_partner() {
    for zw in ["\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}"] {
        let text = format!(
            "{PLAN}1.1.1 By November 2023, launch a board.\nLead and Key Partners: Scottish Government, COSLA\n\
             1.1.2 By March 2024, train staff.\nLead and Key Partners: Scottish Government, CO{zw}SLA\n"
        );
        let s = parse_delivery_plan(&text).strategy;
        let partners: Vec<&str> = s
            .nodes_of_kind(NodeKind::Partner)
            .map(|n| n.label.as_str())
            .collect();
        assert_eq!(partners, ["Scottish Government", "COSLA"], "{zw:?}");
        let cosla = s
            .nodes_of_kind(NodeKind::Partner)
            .nth(1)
            .unwrap()
            .id
            .as_str();
        for action in ["action:1.1.1", "action:1.1.2"] {
            let named = |kind| s.edge(action, kind, cosla).is_some();
            assert!(
                named(EdgeKind::LedBy) || named(EdgeKind::KeyPartner),
                "{action}"
            );
        }
    }
}

#[test]
fn an_impossible_date_is_a_diagnostic_not_a_silent_loss() {
    for (phrase, layout) in [
        ("31 February 2024", "seed"),
        ("Q5 2025", "seed"),
        ("February 30, 2023", "seed"),
        ("31 February 2024", "records"),
    ] {
        let text = if layout == "seed" {
            format!("{PLAN}1.1.1 By {phrase}, launch a board.\nLead and Key Partners: COSLA\n")
        } else {
            format!("Action 1: Launch a board by {phrase}.\nLead: COSLA\n")
        };
        let parsed = parse_delivery_plan(&text);
        let found: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == "impossible_date")
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{phrase} ({layout}): {:?}",
            parsed.diagnostics
        );
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains(phrase), "{}", found[0].message);
        assert!(found[0].line.is_some());
        assert!(parsed
            .strategy
            .nodes_of_kind(NodeKind::Action)
            .all(|a| a.deadline.is_none()));
    }
    // a real date: no such diagnostic
    let ok = parse_delivery_plan(&format!(
        "{PLAN}1.1.1 By 29 February 2024, launch a board.\nLead and Key Partners: COSLA\n"
    ));
    assert!(ok.diagnostics.iter().all(|d| d.code != "impossible_date"));
}

#[test]
fn an_impossible_date_is_a_diagnostic_in_every_parser() {
    use stratagraph::parse::{parse_progress_report, parse_strategy, DocumentKind};
    let strategy = "Healthy Minds: our mental health strategy\n\n\
        This strategy sets out our ambitions for mental health.\n\n\
        Commitment 1: We will publish guidance by 31 February 2024.\n\n\
        Commitment 2: We will train staff by March 2025.\n";
    let progress = "Delivery plan: progress report\n\n\
        Action 1: Publish guidance by 31 February 2024.\n\
        Lead: Scottish Government\n\
        Status: On track\n";
    let blocks = "Action 1: Launch a board in Q5 2025.\nLead: COSLA\n";
    let field = "Action 1: Launch a board.\nLead: COSLA\nTimescale: 31 February 2024\n\n\
        Action 2: Train staff.\nLead: NHS Education for Scotland\nTimescale: March 2025\n";
    for (what, parsed, phrase) in [
        ("strategy", parse_strategy(strategy), "31 February 2024"),
        (
            "progress",
            parse_progress_report(progress),
            "31 February 2024",
        ),
        ("plan", parse_delivery_plan(blocks), "Q5 2025"),
        ("field", parse_delivery_plan(field), "31 February 2024"),
        (
            "document",
            parse_document(strategy, Some(DocumentKind::Strategy)).unwrap(),
            "31 February 2024",
        ),
    ] {
        let found: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.code == "impossible_date")
            .collect();
        assert_eq!(found.len(), 1, "{what}: {:?}", parsed.diagnostics);
        assert!(
            found[0].message.contains(phrase),
            "{what}: {}",
            found[0].message
        );
        assert!(
            found[0].line.is_some() && !found[0].ids.is_empty(),
            "{what}"
        );
        let lines: Vec<_> = parsed.diagnostics.iter().filter_map(|d| d.line).collect();
        assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{what}: {lines:?}");
    }
}

#[test]
fn a_document_with_no_structure_is_an_error() {
    for text in [
        "",
        "\n\n  \n",
        "Skip to main content\nhttps://www.gov.scot/publications\nPublished 11 September 2023\n",
    ] {
        let parsed = parse_document(text, None).unwrap();
        let d = parsed
            .diagnostics
            .iter()
            .find(|d| d.code == "no_structure")
            .unwrap_or_else(|| panic!("{text:?}: {:?}", parsed.diagnostics));
        assert_eq!(d.severity, Severity::Error);
    }
    let parsed = parse_document(PLAN, None).unwrap();
    assert!(parsed.diagnostics.iter().all(|d| d.code != "no_structure"));
}

#[test]
fn json_read_as_text_is_an_error_that_says_why() {
    use stratagraph::parse::{parse_file, DocumentKind};
    let doc = r#"{"format": "stratagraph", "version": 1, "nodes": [{"id": "outcome:1", "kind": "outcome"}]}"#;
    let array = "\u{feff}\n  [{\"id\": \"outcome:1\"}]";
    let json_as_text = |r: &stratagraph::parse::ParseResult| {
        r.diagnostics
            .iter()
            .find(|d| d.code == "json_as_text")
            .cloned()
    };
    for kind in [
        DocumentKind::Plan,
        DocumentKind::Strategy,
        DocumentKind::Progress,
    ] {
        for text in [doc, array] {
            let d = json_as_text(&parse_document(text, Some(kind)).unwrap())
                .unwrap_or_else(|| panic!("{kind} {text:?}"));
            assert_eq!(d.severity, Severity::Error);
            assert!(
                d.message.contains(&format!("the kind asked for is {kind}")),
                "{}",
                d.message
            );
            assert!(d.message.contains("import --from json"), "{}", d.message);
        }
    }
    // Detected: an array is read as text, and says so; an object is JSON.
    assert!(json_as_text(&parse_document(array, None).unwrap()).is_some());
    assert!(json_as_text(&parse_document(doc, None).unwrap()).is_none());
    // By name: .txt is text, .json and a name that says nothing are JSON.
    let d = json_as_text(&parse_file("dir/plan.txt", doc, None).unwrap()).unwrap();
    assert!(
        d.message.contains("(dir/plan.txt) says it is text"),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("import --from json dir/plan.txt"),
        "{}",
        d.message
    );
    for name in ["plan.json", "-", "plan"] {
        assert!(
            json_as_text(&parse_file(name, doc, None).unwrap()).is_none(),
            "{name}"
        );
    }
    // Text that only starts with a bracket is no JSON.
    for text in [
        "[1] The Promise (2020).\nPriority 1: Safe care.",
        "Priority 1: Safe care {draft}.",
    ] {
        assert!(json_as_text(&parse_document(text, Some(DocumentKind::Plan)).unwrap()).is_none());
        assert!(json_as_text(&parse_file("plan.txt", text, None).unwrap()).is_none());
    }
}

#[test]
fn bytes_that_are_not_text_are_typed_errors_in_every_import() {
    let doc = r#"{"format": "stratagraph", "version": 1, "nodes": [{"id": "outcome:1", "kind": "outcome"}]}"#;
    let plain = import(doc.as_bytes(), Format::Json).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(import(&utf16, Format::Json).unwrap(), plain);
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(doc.as_bytes());
    assert_eq!(import(&bom, Format::Json).unwrap(), plain);
    for format in [Format::Json, Format::Csv, Format::Graphml, Format::NodeLink] {
        let e = import(b"ab\ncd\xffef", format).unwrap_err();
        assert_eq!(
            (e.code(), e.location()),
            ("encoding", Some((2, 3))),
            "{format:?}"
        );
        // A NUL byte is data to an interchange format (CSV writes a cell's as it
        // is); JSON and XML forbid it raw, and say so in their own words.
        if format != Format::Csv {
            assert!(import(b"ab\x00", format).is_err(), "{format:?}");
        }
    }
    // The text parsers' entry point calls a NUL byte a binary file.
    assert_eq!(
        stratagraph::parse::encoding::decode(b"ab\x00")
            .unwrap_err()
            .code(),
        "binary"
    );
}

#[test]
fn generator_options_far_out_of_range_are_clamped() {
    let mut config = GeneratorConfig::preset(Size::S);
    config.priorities = 1_000_000_000;
    config.actions = 10;
    let s = generate::strategy(&config);
    assert_eq!(s.nodes_of_kind(NodeKind::Priority).count(), 20_000);
    assert_eq!(s.nodes_of_kind(NodeKind::Action).count(), 10);
    let mut config = GeneratorConfig::preset(Size::S);
    config.actions = 20;
    config.priorities = 2;
    config.strategic_actions_per_priority = u32::MAX;
    config.partners = u32::MAX;
    config.outcomes = u32::MAX;
    config.challenges = u32::MAX;
    config.max_key_partners = u32::MAX;
    config.years = u32::MAX;
    config.reports = u32::MAX;
    config.first_year = i32::MAX;
    config.joint_lead_share = f64::INFINITY;
    config.deadline_share = f64::NAN;
    config.lead_skew = f64::NEG_INFINITY;
    config.partner_skew = f64::NAN;
    let s = generate::strategy(&config);
    assert_eq!(s.nodes_of_kind(NodeKind::Action).count(), 20);
    assert_eq!(generate::progress_reports(&s, &config).len(), 100);
}

#[test]
fn deep_json_is_a_json_error_at_its_place() {
    let deep = "[".repeat(200_000);
    for e in [
        stratagraph::Strategy::from_json(&deep).unwrap_err(),
        stratagraph::validate_json(&deep).unwrap_err(),
        import(deep.as_bytes(), Format::NodeLink).unwrap_err(),
    ] {
        assert_eq!(e.code(), "json", "{e}");
        assert!(e.location().is_some(), "{e}");
    }
}
