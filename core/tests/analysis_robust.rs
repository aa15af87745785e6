//! No strategy, however malformed (contains cycles, actions outside any
//! priority, partners that are members of themselves, odd statuses and
//! indicator attributes), makes a query or an analysis panic; and every
//! answer is the same twice over.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use stratagraph::analysis::{align, coverage, diff, indicators, network, timeline, Table};
use stratagraph::progress::rollup as progress;
use stratagraph::progress::{ProgressEntry, ProgressReport, Status};
use stratagraph::{query, AttrValue, Date, DateWindow, EdgeKind, Node, NodeKind, Strategy};

const KINDS: [NodeKind; 8] = [
    NodeKind::Priority,
    NodeKind::StrategicAction,
    NodeKind::Action,
    NodeKind::Outcome,
    NodeKind::Challenge,
    NodeKind::Partner,
    NodeKind::Indicator,
    NodeKind::Plan,
];

fn arb_strategy() -> impl proptest::strategy::Strategy<Value = Strategy> {
    let node = (
        0usize..KINDS.len(),
        0u8..6,
        0u8..8,
        any::<bool>(),
        "[a-e ]{0,12}",
    );
    let edge = (0usize..40, 0usize..40, 0usize..EdgeKind::ALL.len());
    (
        prop::collection::vec(node, 0..40),
        prop::collection::vec(edge, 0..120),
    )
        .prop_map(|(nodes, edges)| {
            let mut s = Strategy::new();
            let mut ids = Vec::new();
            for (i, (k, status, day, dated, text)) in nodes.into_iter().enumerate() {
                let kind = KINDS[k];
                let mut n = Node::new(kind, &format!("{}.{i}", i % 3), text.clone());
                if let Some(st) = Status::ALL.get(status as usize) {
                    n = n.with_attr("status", st.as_str());
                } else if status == 6 {
                    n = n.with_attr("status", "green");
                }
                if dated {
                    let d = Date::new(2023, 1 + day % 12, 1 + day);
                    n = n.with_deadline(DateWindow::new(
                        if day % 2 == 0 { d } else { None },
                        if day % 3 == 0 { None } else { d },
                        "",
                    ));
                }
                if kind == NodeKind::Indicator {
                    n = n
                        .with_attr("baseline", AttrValue::Text(text))
                        .with_attr("periods", vec![AttrValue::Integer(i64::from(day))]);
                }
                if s.add_node(n.clone()).is_ok() {
                    ids.push(n.id.to_string());
                }
            }
            if !ids.is_empty() {
                for (a, b, k) in edges {
                    let (a, b) = (&ids[a % ids.len()], &ids[b % ids.len()]);
                    let _ = s.link(a, EdgeKind::ALL[k], b);
                }
            }
            s
        })
}

fn everything(s: &Strategy, other: &Strategy) -> Vec<String> {
    let d = |x: &str| x.parse::<Date>().unwrap();
    let report = ProgressReport {
        title: "r".into(),
        date: Some(d("2024-03-31")),
        entries: vec![ProgressEntry {
            number: "0.0".into(),
            title: String::new(),
            status: Some(Status::AtRisk),
            shares: Vec::new(),
            line: 1,
        }],
        counts: Vec::new(),
    };
    let mut out = vec![
        query::responsibilities(s).to_json(),
        query::partner_load(s).to_json(),
        coverage::priority_outcome_matrix(s).to_json(),
        coverage::outcome_partner_matrix(s).to_json(),
        coverage::gaps(s).to_json(),
        timeline::timeline(s).to_json(),
        timeline::due_in(s, d("2023-01-01"), d("2023-12-31")).to_json(),
        timeline::overdue(s, d("2024-01-01")).to_json(),
        timeline::overdue_with_report(s, d("2024-01-01"), &report).to_json(),
        timeline::gantt(s).to_json(),
        network::partner_links(s).to_json(),
        network::partner_centrality(s).to_json(),
        diff::diff(s, other).to_json(),
        align::align(s, other).to_json(),
        indicators::indicator_results(s).to_json(),
        indicators::indicator_gaps(s, d("2024-01-01")).to_json(),
        progress::progress_rollup(s).to_json(),
        progress::progress_summary(s).to_json(),
        progress::progress_series(s, &[report.clone(), report.clone()]).to_json(),
        progress::progress_changes(s, &report, &report).to_json(),
        progress::stale_statuses(s, &[report.clone(), report], 1).to_json(),
    ];
    for n in s.nodes().take(3) {
        for m in s.nodes().take(3) {
            if let Ok(p) = query::explain_path(s, n.id.as_str(), m.id.as_str()) {
                out.push(p.to_json());
            }
            if let Ok(p) = query::explain_contribution(s, n.id.as_str(), m.id.as_str()) {
                out.push(p.to_json());
            }
        }
        if let Ok(r) = query::partner_responsibilities(s, n.id.as_str()) {
            out.push(r.to_json());
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn never_panics_and_is_deterministic(s in arb_strategy(), other in arb_strategy()) {
        let a = everything(&s, &other);
        let b = everything(&s.clone(), &other.clone());
        prop_assert_eq!(a, b);
    }
}
