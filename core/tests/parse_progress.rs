//! Progress reports: the board-paper parser (`parse_progress_report`), the
//! status vocabulary, attaching a report to a plan (`ProgressReport::apply_to`),
//! canonical JSON, and no panic on any input.

// Test helpers outside `#[test]` functions may unwrap and panic too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use proptest::prelude::{prop, prop_assert_eq, proptest, ProptestConfig};
use proptest::strategy::Strategy as _;
use stratagraph::progress::{ProgressEntry, ProgressReport, Status, StatusShare};
use stratagraph::{
    parse_progress_report, AttrValue, EdgeKind, Node, NodeKind, ParseResult, Severity, Strategy,
};

fn fixture() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/progress-report.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn row(r: &ProgressReport, number: &str) -> (String, Option<Status>, Vec<(Status, f64)>, usize) {
    let e = r.entry(number).unwrap_or_else(|| panic!("no row {number}"));
    (
        e.title.clone(),
        e.status,
        e.shares.iter().map(|s| (s.status, s.percent)).collect(),
        e.line,
    )
}

/// Every non-blank line is part of the report (a row, its status, shares or
/// wrapped title, the title), or skipped, or unclassified.
fn assert_nothing_lost(text: &str, r: &ParseResult) {
    let rep = &r.report;
    for l in stratagraph::parse::source_lines(text) {
        let (number, line) = (l.number, l.text);
        let accounted = r
            .skipped
            .iter()
            .chain(&r.unclassified)
            .any(|t| t.line == number)
            || rep.title.contains(line)
            || rep
                .entries
                .iter()
                .any(|e| e.line == number || e.title.contains(line))
            || Status::parse(line).is_some()
            || line.contains('%')
            // A progress page that is no board paper has its graph too.
            || r.strategy.nodes().any(|n| {
                n.span
                    .is_some_and(|s| s.start < l.start + line.len() && s.end > l.start)
                    || n.text.as_deref().is_some_and(|t| t.contains(line.trim()))
                    || (!n.label.is_empty() && line.contains(n.label.as_str()))
            });
        assert!(accounted, "line {number} {line:?} is accounted for nowhere");
    }
}

#[test]
fn fixture_rows_title_date_and_what_was_skipped() {
    let text = fixture();
    let r = parse_progress_report(&text);
    let rep = &r.report;
    assert_eq!(
        rep.title,
        "National Mental Health Partnership Board \u{2014} Together for Mental Health Delivery Plan: Progress Report"
    );
    assert_eq!(rep.date.unwrap().to_string(), "2024-03-31");

    let numbers: Vec<_> = rep.entries.iter().map(|e| e.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "9.9"]
    );
    use Status::*;
    assert_eq!(
        row(rep, "1.1"),
        (
            "Improve access to perinatal mental health support.".into(),
            Some(OnTrack),
            vec![(OnTrack, 100.0)],
            10
        )
    );
    // "Completed" is delivered.
    assert_eq!(row(rep, "1.2").1, Some(Delivered));
    // A title wrapped onto a second line.
    assert_eq!(
        row(rep, "1.3"),
        (
            "Develop a national training framework for staff working with children and young people."
                .into(),
            Some(NotStarted),
            vec![(NotStarted, 100.0)],
            16
        )
    );
    // Tab-separated, the number in a cell of its own.
    assert_eq!(
        row(rep, "2.1"),
        (
            "Reduce waiting times for psychological therapies.".into(),
            Some(OffTrack),
            vec![(OffTrack, 50.0), (AtRisk, 50.0)],
            21
        )
    );
    // The stray full stop of real reports.
    assert_eq!(
        row(rep, "2.2"),
        (
            "Expand digital therapies and resource.".into(),
            Some(AtRisk),
            vec![(OnTrack, 33.3), (MissedNoRisk, 33.3), (AtRisk, 33.3)],
            22
        )
    );
    assert_eq!(
        row(rep, "2.3").2,
        vec![(MissedWithRisk, 60.0), (OffTrack, 40.0)]
    );
    assert_eq!(row(rep, "2.3").1, Some(MissedWithRisk));
    // Pipes, lower case, semicolons.
    assert_eq!(
        row(rep, "3.1"),
        (
            "Improve support for people with co-occurring substance use.".into(),
            Some(MissedNoRisk),
            vec![(MissedNoRisk, 75.0), (OnTrack, 25.0)],
            27
        )
    );
    assert_eq!(row(rep, "3.2").2, vec![(OnTrack, 40.0), (Delivered, 50.0)]);
    // Stray spaces in the status and before the percent sign.
    assert_eq!(row(rep, "3.3").1, Some(AtRisk));
    assert_eq!(row(rep, "3.3").2, vec![(AtRisk, 50.0), (OnTrack, 50.0)]);
    assert_eq!(row(rep, "9.9").1, Some(Delivered));

    // Every status of the vocabulary appears as an overall status.
    for s in Status::ALL {
        assert!(
            rep.entries.iter().any(|e| e.status == Some(s)),
            "{s} missing"
        );
    }

    let skipped: Vec<_> = r
        .skipped
        .iter()
        .map(|t| (t.line, t.text.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (1, "Skip to main content"),
            (4, "Progress as at 31 March 2024"),
            (8, "Action | Status | Progress"),
            (9, "Priority 1: Prevention and early intervention"),
            (20, "Priority 2: Timely access to services"),
            (26, "Priority 3: Recovery and enablement"),
            (38, "Back to top"),
        ]
    );
    let unclassified: Vec<_> = r.unclassified.iter().map(|t| t.line).collect();
    assert_eq!(unclassified, [6]);
    let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "skipped_furniture",
            "skipped_date_line",
            "unclassified_text",
            "skipped_table_header",
            "skipped_group_heading",
            "skipped_group_heading",
            "skipped_group_heading",
            "skipped_furniture",
        ]
    );
    assert!(!r.has_errors());
    assert_nothing_lost(&text, &r);
}

/// A plan with priorities 1 to 3 and strategic actions 1.1 to 3.3.
fn plan() -> Strategy {
    let mut s = Strategy::new();
    for p in 1..=3 {
        let pid = format!("priority:{p}");
        s.add_node(Node::new(
            NodeKind::Priority,
            &p.to_string(),
            format!("Priority {p}."),
        ))
        .unwrap();
        for a in 1..=3 {
            let n = format!("{p}.{a}");
            s.add_node(Node::new(
                NodeKind::StrategicAction,
                &n,
                format!("Action {n}."),
            ))
            .unwrap();
            s.link(&pid, EdgeKind::Contains, &format!("strategic-action:{n}"))
                .unwrap();
        }
    }
    s
}

fn text_attr(s: &Strategy, id: &str, name: &str) -> Option<String> {
    s.node(id)
        .and_then(|n| n.attrs.get(name))
        .and_then(AttrValue::as_text)
        .map(str::to_owned)
}

fn shares_attr(s: &Strategy, id: &str) -> Vec<(String, f64)> {
    match s.node(id).and_then(|n| n.attrs.get("status_shares")) {
        Some(AttrValue::Map(m)) => m
            .iter()
            .map(|(k, v)| match v {
                AttrValue::Number(p) => (k.clone(), *p),
                other => panic!("{other:?}"),
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn apply_to_attaches_dated_statuses_and_reports_problems() {
    let report = parse_progress_report(&fixture()).report;
    let mut s = plan();
    let found = report.apply_to(&mut s);

    let summary: Vec<_> = found
        .iter()
        .map(|d| (d.code.as_str(), d.severity, d.line, d.ids.clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "progress_shares_total",
                Severity::Warning,
                Some(28),
                vec!["strategic-action:3.2".to_owned()]
            ),
            ("progress_unmatched", Severity::Warning, Some(34), vec![]),
        ]
    );
    assert!(found[0].message.contains("90%"), "{}", found[0].message);
    assert!(found[1].message.contains("9.9"), "{}", found[1].message);

    assert_eq!(
        text_attr(&s, "strategic-action:2.2", "status").as_deref(),
        Some("at_risk")
    );
    assert_eq!(
        text_attr(&s, "strategic-action:2.2", "status_date").as_deref(),
        Some("2024-03-31")
    );
    assert_eq!(
        shares_attr(&s, "strategic-action:2.2"),
        [
            ("at_risk".to_owned(), 33.3),
            ("missed_no_risk".to_owned(), 33.3),
            ("on_track".to_owned(), 33.3)
        ]
    );
    assert_eq!(
        text_attr(&s, "strategic-action:1.2", "status").as_deref(),
        Some("delivered")
    );
    assert_eq!(
        text_attr(&s, "strategic-action:2.3", "status").as_deref(),
        Some("missed_with_risk")
    );
    assert_eq!(
        text_attr(&s, "strategic-action:3.1", "status").as_deref(),
        Some("missed_no_risk")
    );
    assert_eq!(
        text_attr(&s, "strategic-action:1.3", "status").as_deref(),
        Some("not_started")
    );
    // Every strategic action of the plan got a status; the priorities did not.
    for a in s.nodes_of_kind(NodeKind::StrategicAction) {
        assert!(a.attrs.contains_key("status"), "{}", a.id);
    }
    assert!(!s.node("priority:1").unwrap().attrs.contains_key("status"));

    // The model still round-trips through canonical JSON with the attributes.
    assert_eq!(Strategy::from_json(&s.to_json()).unwrap(), s);

    // A later, undated report replaces the status and drops the old date and shares.
    let later =
        parse_progress_report("2.2 Expand digital therapies and resource.\nDelivered").report;
    assert!(later.apply_to(&mut s).is_empty());
    assert_eq!(
        text_attr(&s, "strategic-action:2.2", "status").as_deref(),
        Some("delivered")
    );
    assert_eq!(text_attr(&s, "strategic-action:2.2", "status_date"), None);
    assert!(shares_attr(&s, "strategic-action:2.2").is_empty());
}

#[test]
fn rows_of_actions_match_action_nodes() {
    let report = parse_progress_report("10.1.3 Train staff.\tOn Track\t100% On Track").report;
    let mut s = Strategy::new();
    s.add_node(Node::new(NodeKind::Action, "10.1.3", "Train staff."))
        .unwrap();
    assert!(report.apply_to(&mut s).is_empty());
    let n = s.node("action:10.1.3").unwrap();
    assert_eq!(n.attrs["status"].as_text(), Some("on_track"));
}

#[test]
fn status_vocabulary_in_any_case_and_spacing() {
    let cases = [
        ("Not Started", Status::NotStarted),
        ("not  started", Status::NotStarted),
        ("On Track", Status::OnTrack),
        ("ON-TRACK", Status::OnTrack),
        ("At Risk.", Status::AtRisk),
        ("Off Track", Status::OffTrack),
        ("Missed Delivery Date no Risk", Status::MissedNoRisk),
        ("missed delivery date - no risk", Status::MissedNoRisk),
        ("Delivery Date Missed with Risk", Status::MissedWithRisk),
        ("DELIVERY DATE MISSED WITH RISK", Status::MissedWithRisk),
        ("Delivered", Status::Delivered),
        ("Completed", Status::Delivered),
        ("completed.", Status::Delivered),
        ("missed_with_risk", Status::MissedWithRisk),
    ];
    for (text, status) in cases {
        assert_eq!(Status::parse(text), Some(status), "{text:?}");
    }
    for s in Status::ALL {
        assert_eq!(Status::parse(s.as_str()), Some(s));
        assert_eq!(Status::parse(s.label()), Some(s));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            format!("\"{}\"", s.as_str())
        );
    }
    assert_eq!(
        "Amber".parse::<Status>().unwrap_err().code(),
        "unknown_kind"
    );
}

#[test]
fn layouts_one_line_cells_and_unknown_statuses() {
    let r = parse_progress_report(
        "Quarterly progress, June 2023\n\
         Strategic Action\tOverall Status\tProgress\n\
         4.1 Run a campaign. At Risk 50% At Risk, 50% On Track\n\
         4.2 | Fund community groups. | Delivered | 100% Completed\n\
         4.3 Recruit peer workers.\n\
         Amber\n\
         4.4 Review data.\tOn Track\t60% On Track, 40% Green\n\
         4.5 Publish a report.\n\
         Overall: five actions were reported this quarter.\n",
    );
    let rep = &r.report;
    assert_eq!(rep.title, "Quarterly progress, June 2023");
    assert_eq!(rep.date.unwrap().to_string(), "2023-06-30");
    assert_eq!(
        row(rep, "4.1"),
        (
            "Run a campaign.".into(),
            Some(Status::AtRisk),
            vec![(Status::AtRisk, 50.0), (Status::OnTrack, 50.0)],
            3
        )
    );
    assert_eq!(
        row(rep, "4.2"),
        (
            "Fund community groups.".into(),
            Some(Status::Delivered),
            vec![(Status::Delivered, 100.0)],
            4
        )
    );
    assert_eq!(row(rep, "4.3").1, None);
    assert_eq!(row(rep, "4.4").2, vec![(Status::OnTrack, 60.0)]);
    let codes: Vec<_> = r
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line))
        .collect();
    assert_eq!(
        codes,
        [
            ("skipped_table_header", Some(2)),
            ("progress_status_missing", Some(5)),
            ("progress_unknown_status", Some(6)),
            ("progress_unknown_status", Some(7)),
            ("progress_status_missing", Some(8)),
            ("unclassified_text", Some(9)),
        ]
    );
    let unclassified: Vec<_> = r.unclassified.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        unclassified,
        ["Amber", "Overall: five actions were reported this quarter."]
    );
}

#[test]
fn empty_and_rowless_texts_are_reported() {
    let r = parse_progress_report("");
    let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["progress_no_rows", "progress_no_date"]);
    assert_eq!(r.report, ProgressReport::default());

    let r = parse_progress_report("On Track\n50% At Risk\n");
    assert_eq!(r.unclassified.len(), 2);
}

#[test]
fn canonical_json_round_trips_and_is_deterministic() {
    let report = parse_progress_report(&fixture()).report;
    let json = report.to_json();
    assert_eq!(ProgressReport::from_json(&json).unwrap(), report);
    assert_eq!(parse_progress_report(&fixture()).report.to_json(), json);
    assert!(json.starts_with("{\n  \"format\": \"stratagraph-progress\",\n  \"version\": 1,\n"));
    assert!(json.ends_with("}\n"));

    let one = ProgressReport {
        title: "Q4".into(),
        date: "2024-03-31".parse().ok(),
        entries: vec![ProgressEntry {
            number: "2.2".into(),
            title: "Expand digital therapies and resource.".into(),
            status: Some(Status::AtRisk),
            shares: vec![StatusShare {
                status: Status::OnTrack,
                percent: 33.3,
            }],
            line: 7,
        }],
        counts: Vec::new(),
    };
    assert_eq!(
        one.to_json(),
        r#"{
  "format": "stratagraph-progress",
  "version": 1,
  "title": "Q4",
  "date": "2024-03-31",
  "entries": [
    {
      "number": "2.2",
      "title": "Expand digital therapies and resource.",
      "status": "at_risk",
      "shares": [
        {
          "status": "on_track",
          "percent": 33.3
        }
      ],
      "line": 7
    }
  ]
}
"#
    );

    let err = ProgressReport::from_json(r#"{"format": "stratagraph-progress", "version": 9}"#)
        .unwrap_err();
    assert_eq!(err.code(), "version");
    let err = ProgressReport::from_json(
        "{\"format\": \"stratagraph-progress\",\n \"version\": 1, \"x\": 1}",
    )
    .unwrap_err();
    assert_eq!((err.code(), err.location()), ("json", Some((2, 18))));
    assert_eq!(ProgressReport::from_json("[").unwrap_err().code(), "json");
}

fn report_soup() -> impl proptest::strategy::Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "2.2",
        "10.1.3.",
        "Expand",
        "therapies.",
        "At Risk",
        "On Track",
        "Delivered",
        "Missed Delivery Date no Risk",
        "33.3%",
        "33.3.%",
        "50 %",
        "100%",
        ",",
        ";",
        "|",
        "\t",
        "\n",
        "\n\n",
        "Progress as at 31 March 2024",
        "Action | Status | Progress",
        "Priority 2:",
        "Skip to main content",
        "Back to top",
        "é",
        "\u{feff}",
        "\r",
        "%",
        ".",
        "9999999999999999999999999999999999999999%",
        "Green",
        "1.1)",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC*") {
        let r = parse_progress_report(&text);
        assert_nothing_lost(&text, &r);
        prop_assert_eq!(ProgressReport::from_json(&r.report.to_json()).unwrap(), r.report.clone());
        let _ = r.report.apply_to(&mut plan());
    }

    #[test]
    fn never_panics_on_report_soup(text in report_soup()) {
        let r = parse_progress_report(&text);
        assert_nothing_lost(&text, &r);
        for e in &r.report.entries {
            for s in &e.shares {
                prop_assert_eq!(s.percent.is_finite(), true);
            }
        }
        prop_assert_eq!(ProgressReport::from_json(&r.report.to_json()).unwrap(), r.report.clone());
        let _ = r.report.apply_to(&mut plan());
    }

    #[test]
    fn never_panics_on_any_characters(text in ".{0,400}") {
        let _ = parse_progress_report(&text);
    }
}

/// Issue 3, point 9: a large input is parsed in linear time. A benchmark, not
/// a timed test: run it with
/// `cargo test --release -p stratagraph --test parse_progress -- --ignored --nocapture`
/// (`STRATAGRAPH_BENCH_MB` sets the size, 50 by default).
#[test]
#[ignore = "benchmark"]
fn bench_linear_time_on_a_large_report() {
    let mb: usize = std::env::var("STRATAGRAPH_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let fixture = fixture();
    let rows: Vec<&str> = fixture.lines().skip(9).take(26).collect();
    // Rows renumbered so every number is new (as in a corpus of many plans).
    let report = |bytes: usize| {
        let mut text = String::from("Progress as at 31 March 2024\n");
        let mut i = 0usize;
        while text.len() < bytes {
            for line in &rows {
                let line = line.replacen("1.", &format!("{}.", 100 + i), 1);
                text.push_str(&line);
                text.push('\n');
            }
            i += 1;
        }
        text
    };
    let mut rates = Vec::new();
    for size in [mb.max(10) / 10, mb.max(10)] {
        let text = report(size * 1_000_000);
        let start = std::time::Instant::now();
        let r = parse_progress_report(&text);
        let secs = start.elapsed().as_secs_f64();
        println!(
            "parse_progress_report: {size} MB, {} rows in {secs:.2} s ({:.1} MB/s)",
            r.report.entries.len(),
            size as f64 / secs
        );
        rates.push(size as f64 / secs);
    }
    assert!(rates[1] > rates[0] / 3.0, "{rates:?}");
}

#[test]
fn headline_counts_are_in_the_report_and_its_json() {
    let text =
        "Progress report\nThere are 25 (73%) on track, 7 (21%) at risk and 2 (6%) off track.\n";
    let r = parse_progress_report(text);
    let g = &r.report.counts[0];
    let rows: Vec<_> = g
        .counts
        .iter()
        .map(|c| (c.words.as_str(), c.status, c.value.exact(), c.percent))
        .collect();
    assert_eq!(
        rows,
        [
            ("on track", Some(Status::OnTrack), Some(25), Some(73.0)),
            ("at risk", Some(Status::AtRisk), Some(7), Some(21.0)),
            ("off track", Some(Status::OffTrack), Some(2), Some(6.0)),
        ]
    );
    assert_eq!(g.span.line, 2);
    let json = r.report.to_json();
    assert!(json.contains("\"counts\": [") && json.contains("\"bound\": \"exact\""));
    assert_eq!(ProgressReport::from_json(&json).unwrap(), r.report);
    // A report written before the field reads as one without counts, and one
    // without counts writes no field: version 1 holds both.
    let old = r#"{"format": "stratagraph-progress", "version": 1, "title": "Q4", "entries": []}"#;
    let read = ProgressReport::from_json(old).unwrap();
    assert!(read.counts.is_empty());
    assert!(!read.to_json().contains("counts"));
}

#[test]
fn approximate_counts_keep_their_words() {
    let r = parse_progress_report(
        "One Wales set out more than 200 specific commitments.\nWe have delivered more than 90% of our commitments.\n",
    );
    let values: Vec<&str> = r
        .report
        .counts
        .iter()
        .flat_map(|g| g.total.iter().chain(g.counts.iter().map(|c| &c.value)))
        .map(|v| v.as_written())
        .collect();
    assert!(values.contains(&"more than 200"), "{values:?}");
    assert!(values.contains(&"more than 90%"), "{values:?}");
}

#[test]
fn counts_that_disagree_with_the_rows_are_reported() {
    // Two rows on track and one delivered, but the prose says 3 on track.
    let text = "Progress report\n\
        Of the 3 actions, 3 are on track.\n\
        1.1 Train staff.\nOn Track\n100% On Track\n\
        1.2 Publish guidance.\nOn Track\n100% On Track\n\
        1.3 Review the plan.\nDelivered\n100% Delivered\n";
    let r = parse_progress_report(text);
    assert_eq!(r.report.entries.len(), 3);
    // The share lines are the rows', not headline counts.
    assert_eq!(r.report.counts.len(), 1, "{:?}", r.report.counts);
    let d: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "count_rows_mismatch")
        .collect();
    assert_eq!(d.len(), 1, "{:?}", r.diagnostics);
    assert_eq!(d[0].line, Some(2));
    assert!(d[0].message.contains("3 on track"), "{}", d[0].message);

    // When the stated counts fit the rows, nothing is said.
    let fits = text.replace("3 are on track", "2 are on track");
    let r = parse_progress_report(&fits);
    assert!(r
        .diagnostics
        .iter()
        .all(|d| d.code != "count_rows_mismatch"));
}

#[test]
fn a_plan_keeps_the_counts_its_text_states() {
    let text = "Delivery plan\nOut of the 50 Actions in the plan, 22 are completed and with the remaining 28 progressing well towards completion.\n";
    for r in [
        stratagraph::parse_delivery_plan(text),
        stratagraph::parse_strategy(text),
    ] {
        let g = &r.report.counts[0];
        assert_eq!(g.group.as_deref(), Some("Actions in the plan"));
        assert_eq!(g.total.as_ref().and_then(|t| t.exact()), Some(50));
        assert!(r.report.entries.is_empty());
    }
    assert!(stratagraph::parse_delivery_plan("Priority 1: Safe care.")
        .report
        .is_empty());
}

#[test]
fn a_progress_page_keeps_its_graph() {
    let text = "Action 1: Train staff.\nLead: NHS Education for Scotland\nTimescale: 2025\nStatus: On track\n\
                Action 2: Publish guidance.\nLead: COSLA\nStatus: Completed\n";
    let r = parse_progress_report(text);
    assert_eq!(r.report.entries.len(), 2, "{:?}", r.report);
    let leads: Vec<_> = r
        .strategy
        .nodes_of_kind(stratagraph::NodeKind::Action)
        .flat_map(|a| {
            r.strategy
                .targets(a.id.as_str(), stratagraph::EdgeKind::LedBy)
        })
        .map(|n| n.label.clone())
        .collect();
    assert_eq!(leads.len(), 2, "{:?}", r.strategy);
    assert_nothing_lost(text, &r);
    // A board paper still leaves the strategy empty.
    assert!(parse_progress_report("1.1 Train staff.\nOn Track")
        .strategy
        .is_empty());
}
