//! Query and analysis tables on small plans whose numbers can be checked by
//! hand: responsibilities, partner load, path explanation, coverage and gaps,
//! timeline, diff, alignment, indicators.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::type_complexity
)]

mod common;

use common::read;
use stratagraph::analysis::indicators::{IndicatorData, Observation, Period};
use stratagraph::analysis::{align, coverage, diff, indicators, timeline, Table};
use stratagraph::{query, Date, DateWindow, EdgeKind, Node, NodeKind, Strategy};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn mini() -> Strategy {
    Strategy::from_json(&read("tests/fixtures/mini-plan.json")).unwrap()
}

/// A plan with one of each gap:
///
/// ```text
/// plan (2023-01-01..2025-12-31)
/// ├─ priority 1 → outcome 1, addresses challenge "Workforce"
/// │  └─ 1.1
/// │     ├─ 1.1.1  lead A; key partner B            by November 2023
/// │     └─ 1.1.2  joint lead A + C; key partner B  over 2023/24, → outcome 2
/// ├─ priority 2 → outcome 3
/// │  └─ 2.1
/// │     ├─ 2.1.1  no lead; key partner D           from 2024/25 onwards
/// │     └─ 2.1.2  lead C                           in 2024
/// └─ priority 3 → outcome 4 (no actions)
/// outcome 5: nothing contributes; challenge "Stigma": nothing addresses
/// partner E is a member of B (an alliance); partner F is named nowhere
/// ```
fn gappy() -> Strategy {
    let w = |start: Option<&str>, end: Option<&str>, phrase: &str| {
        DateWindow::new(start.map(d), end.map(d), phrase)
    };
    let mut b =
        Strategy::builder().node(Node::new(NodeKind::Plan, "plan", "A plan").with_period(w(
            Some("2023-01-01"),
            Some("2025-12-31"),
            "2023-2025",
        )));
    for o in 1..=5 {
        b = b.node(Node::new(
            NodeKind::Outcome,
            &o.to_string(),
            format!("Outcome {o}."),
        ));
    }
    for p in ["A", "B", "C", "D", "E", "F"] {
        b = b.node(Node::new(NodeKind::Partner, &format!("Partner {p}"), ""));
    }
    b = b
        .node(Node::with_id("challenge:workforce", NodeKind::Challenge).with_label("Workforce"))
        .node(Node::with_id("challenge:stigma", NodeKind::Challenge).with_label("Stigma"));
    for (pr, sa) in [("1", "1.1"), ("2", "2.1"), ("3", "")] {
        b = b
            .node(Node::new(NodeKind::Priority, pr, format!("Priority {pr}.")))
            .edge("plan:plan", EdgeKind::Contains, format!("priority:{pr}"));
        if !sa.is_empty() {
            b = b
                .node(Node::new(
                    NodeKind::StrategicAction,
                    sa,
                    format!("Strategic action {sa}."),
                ))
                .edge(
                    format!("priority:{pr}"),
                    EdgeKind::Contains,
                    format!("strategic-action:{sa}"),
                );
        }
    }
    let actions = [
        (
            "1.1.1",
            "1.1",
            w(None, Some("2023-11-30"), "By November 2023"),
        ),
        (
            "1.1.2",
            "1.1",
            w(Some("2023-04-01"), Some("2024-03-31"), "Over 2023/24"),
        ),
        (
            "2.1.1",
            "2.1",
            w(Some("2024-04-01"), None, "from 2024/25 onwards"),
        ),
        (
            "2.1.2",
            "2.1",
            w(Some("2024-01-01"), Some("2024-12-31"), "in 2024"),
        ),
    ];
    for (num, sa, dl) in actions {
        b = b
            .node(Node::new(NodeKind::Action, num, format!("Action {num}.")).with_deadline(dl))
            .edge(
                format!("strategic-action:{sa}"),
                EdgeKind::Contains,
                format!("action:{num}"),
            );
    }
    b.edge("priority:1", EdgeKind::ContributesTo, "outcome:1")
        .edge("priority:2", EdgeKind::ContributesTo, "outcome:3")
        .edge("priority:3", EdgeKind::ContributesTo, "outcome:4")
        .edge("action:1.1.2", EdgeKind::ContributesTo, "outcome:2")
        .edge("priority:1", EdgeKind::Addresses, "challenge:workforce")
        .edge("action:1.1.1", EdgeKind::LedBy, "partner:partner-a")
        .edge("action:1.1.1", EdgeKind::KeyPartner, "partner:partner-b")
        .edge("action:1.1.2", EdgeKind::LedBy, "partner:partner-a")
        .edge("action:1.1.2", EdgeKind::LedBy, "partner:partner-c")
        .edge("action:1.1.2", EdgeKind::KeyPartner, "partner:partner-b")
        .edge("action:2.1.1", EdgeKind::KeyPartner, "partner:partner-d")
        .edge("action:2.1.2", EdgeKind::LedBy, "partner:partner-c")
        .edge("partner:partner-e", EdgeKind::MemberOf, "partner:partner-b")
        .build()
        .unwrap()
}

#[test]
fn responsibilities_by_partner() {
    let s = gappy();
    let rows = |p: &str| -> Vec<(String, String, Option<String>)> {
        query::partner_responsibilities(&s, p)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| (r.number, r.role, r.via))
            .collect()
    };
    let own = |n: &str, role: &str| (n.to_owned(), role.to_owned(), None);
    assert_eq!(
        rows("Partner A"),
        [own("1.1.1", "lead"), own("1.1.2", "joint_lead")]
    );
    assert_eq!(
        rows("partner:partner-c"),
        [own("1.1.2", "joint_lead"), own("2.1.2", "lead")]
    );
    let via = |n: &str| {
        (
            n.to_owned(),
            "key_partner".to_owned(),
            Some("partner:partner-b".to_owned()),
        )
    };
    assert_eq!(rows("partner e"), [via("1.1.1"), via("1.1.2")]);
    assert!(rows("Partner F").is_empty());
    assert_eq!(
        query::partner_responsibilities(&s, "outcome:1")
            .unwrap_err()
            .code(),
        "unknown_node"
    );
    // All partners at once: 2 + 2 + 2 + 1 + 2 (E through B) rows.
    let all = query::responsibilities(&s);
    assert_eq!(all.rows.len(), 9);
    assert_eq!(
        all.rows[0].strategic_action.as_deref(),
        Some("strategic-action:1.1")
    );
    assert_eq!(all.rows[0].priority.as_deref(), Some("priority:1"));
    assert_eq!(all.rows[0].deadline_end, Some(d("2023-11-30")));
}

#[test]
fn partner_load_sorted_heaviest_first() {
    let s = gappy();
    let load = query::partner_load(&s);
    let got: Vec<(&str, u32, u32, u32, u32, u32, u32, u32)> = load
        .rows
        .iter()
        .map(|r| {
            (
                r.label.as_str(),
                r.leads,
                r.joint_leads,
                r.key_partner,
                r.via_alliance,
                r.strategic_actions,
                r.priorities,
                r.outcomes,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // label, leads, joint, key partner, via alliance, SAs, priorities, outcomes
            ("Partner A", 2, 1, 0, 0, 1, 1, 2),
            ("Partner C", 2, 1, 0, 0, 2, 2, 3),
            ("Partner B", 0, 0, 2, 0, 1, 1, 2),
            ("Partner D", 0, 0, 1, 0, 1, 1, 1),
            ("Partner E", 0, 0, 0, 2, 1, 1, 2),
            ("Partner F", 0, 0, 0, 0, 0, 0, 0),
        ]
    );
    assert_eq!(load.columns().len(), 10);
}

#[test]
fn why_an_action_counts() {
    let s = gappy();
    // 1.1.2 counts for outcome 2 directly.
    let direct = query::explain_contribution(&s, "action:1.1.2", "outcome:2").unwrap();
    assert_eq!(direct.rows.len(), 1);
    assert_eq!(
        direct.rows[0].reading,
        "action 1.1.2 contributes to outcome 2"
    );
    // ... and for outcome 1 through its priority.
    let up = query::explain_contribution(&s, "action:1.1.2", "outcome:1").unwrap();
    let edges: Vec<(&str, &str, &str, bool)> = up
        .rows
        .iter()
        .map(|r| (r.from.as_str(), r.edge.as_str(), r.to.as_str(), r.reversed))
        .collect();
    assert_eq!(
        edges,
        [
            ("action:1.1.2", "contains", "strategic-action:1.1", true),
            ("strategic-action:1.1", "contains", "priority:1", true),
            ("priority:1", "contributes_to", "outcome:1", false),
        ]
    );
    assert!(
        !query::explain_contribution(&s, "action:2.1.2", "outcome:1")
            .unwrap()
            .found
    );
    // Any two nodes: partner E reaches outcome 2 through its alliance.
    let p = query::explain_path(&s, "Partner E", "outcome:2").unwrap();
    let hops: Vec<&str> = p.rows.iter().map(|r| r.to.as_str()).collect();
    assert_eq!(hops, ["partner:partner-b", "action:1.1.2", "outcome:2"]);
}

#[test]
fn coverage_matrices() {
    let s = gappy();
    let m = coverage::priority_outcome_matrix(&s);
    assert_eq!(m.priorities, ["priority:1", "priority:2", "priority:3"]);
    assert_eq!(m.rows.len(), 15);
    let counts: Vec<u32> = m.rows.iter().map(|r| r.actions).collect();
    #[rustfmt::skip]
    assert_eq!(counts, [
        // outcome 1  2  3  4  5
                  2, 1, 0, 0, 0, // priority 1
                  0, 0, 2, 0, 0, // priority 2
                  0, 0, 0, 0, 0, // priority 3
    ]);
    let named: Vec<bool> = m.rows.iter().map(|r| r.named).collect();
    assert_eq!(named.iter().filter(|&&x| x).count(), 3);

    let op = coverage::outcome_partner_matrix(&s);
    let cells: Vec<(&str, &str, u32, u32, u32)> = op
        .rows
        .iter()
        .map(|r| {
            (
                r.outcome_number.as_str(),
                r.partner_label.as_str(),
                r.actions,
                r.leads,
                r.key_partner,
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            ("1", "Partner A", 2, 2, 0),
            ("1", "Partner B", 2, 0, 2),
            ("1", "Partner C", 1, 1, 0),
            ("2", "Partner A", 1, 1, 0),
            ("2", "Partner B", 1, 0, 1),
            ("2", "Partner C", 1, 1, 0),
            ("3", "Partner C", 1, 1, 0),
            ("3", "Partner D", 1, 0, 1),
        ]
    );
    assert_eq!(op.partners.len(), 6);
}

#[test]
fn gaps_each_kind() {
    let s = gappy();
    let g = coverage::gaps(&s);
    let got: Vec<(&str, &str)> = g
        .rows
        .iter()
        .map(|r| (r.gap.as_str(), r.id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("outcome_without_action", "outcome:4"),
            ("outcome_without_action", "outcome:5"),
            ("challenge_unanswered", "challenge:stigma"),
            ("action_without_lead", "action:2.1.1"),
            ("partner_named_once", "partner:partner-d"),
        ]
    );
    assert_eq!(
        g.rows[0].detail,
        "named by priority:3 but no action under it"
    );
    assert_eq!(g.rows[1].detail, "nothing in the plan contributes to it");
}

#[test]
fn timeline_due_overdue_gantt() {
    let mut s = gappy();
    let t = timeline::timeline(&s);
    let order: Vec<&str> = t.rows.iter().map(|r| r.number.as_str()).collect();
    // By end; the open-ended window last.
    assert_eq!(order, ["1.1.1", "1.1.2", "2.1.2", "2.1.1"]);
    assert_eq!(t.undated, 0);
    assert_eq!(t.rows[1].leads, "Partner A; Partner C");

    let q1_2024 = timeline::due_in(&s, d("2024-01-01"), d("2024-03-31"));
    assert_eq!(q1_2024.rows.len(), 1);
    assert_eq!(q1_2024.rows[0].number, "1.1.2");
    assert!(timeline::due_in(&s, d("2025-01-01"), d("2025-12-31"))
        .rows
        .is_empty());

    let late = timeline::overdue(&s, d("2025-01-01"));
    let got: Vec<(&str, i64)> = late
        .rows
        .iter()
        .map(|r| (r.number.as_str(), r.days_overdue))
        .collect();
    // 2023-11-30 → 2025-01-01 is 398 days; 2024-03-31 → 276; 2024-12-31 → 1.
    assert_eq!(got, [("1.1.1", 398), ("1.1.2", 276), ("2.1.2", 1)]);
    // A delivered action is not overdue; a status on the strategic action covers its actions.
    s.update_node("action:2.1.2", |n| {
        n.attrs.insert("status".into(), "delivered".into());
    })
    .unwrap();
    s.update_node("strategic-action:1.1", |n| {
        n.attrs.insert("status".into(), "at_risk".into());
        n.attrs.insert("status_date".into(), "2024-12-01".into());
    })
    .unwrap();
    let late = timeline::overdue(&s, d("2025-01-01"));
    assert_eq!(late.rows.len(), 2);
    assert_eq!(late.rows[0].status.as_deref(), Some("at_risk"));
    assert_eq!(
        late.rows[0].status_from.as_deref(),
        Some("strategic-action:1.1")
    );
    assert_eq!(late.rows[0].status_date, Some(d("2024-12-01")));

    let g = timeline::gantt(&s);
    let bars: Vec<(&str, u32, String, String, bool, bool)> = g
        .rows
        .iter()
        .map(|r| {
            (
                r.label.as_str(),
                r.level,
                r.start.to_string(),
                r.end.to_string(),
                r.open_start,
                r.open_end,
            )
        })
        .collect();
    let bar = |l: &'static str, lv: u32, a: &str, b: &str, os: bool, oe: bool| {
        (l, lv, a.to_owned(), b.to_owned(), os, oe)
    };
    assert_eq!(
        bars,
        [
            bar("1", 0, "2023-01-01", "2024-03-31", true, false),
            bar("1.1", 1, "2023-01-01", "2024-03-31", true, false),
            bar("1.1.1", 2, "2023-01-01", "2023-11-30", true, false),
            bar("1.1.2", 2, "2023-04-01", "2024-03-31", false, false),
            bar("2", 0, "2024-01-01", "2025-12-31", false, true),
            bar("2.1", 1, "2024-01-01", "2025-12-31", false, true),
            bar("2.1.1", 2, "2024-04-01", "2025-12-31", false, true),
            bar("2.1.2", 2, "2024-01-01", "2024-12-31", false, false),
        ]
    );
    assert_eq!(g.unplaced, 0);
    assert_eq!(g.rows[2].parent.as_deref(), Some("strategic-action:1.1"));
}

#[test]
fn diff_renumbered_reworded_and_reassigned() {
    let old = gappy();
    let mut new = gappy();
    // 1.1.2 is reworded and loses its joint lead; 2.1.1 gets a lead and a new deadline;
    // 2.1.2 is removed and a new 2.1.2 added with other words.
    new.update_node("action:1.1.2", |n| {
        n.text = Some("Action 1.1.2, revised.".into());
    })
    .unwrap();
    new.remove_edge("action:1.1.2", EdgeKind::LedBy, "partner:partner-c");
    new.link("action:2.1.1", EdgeKind::LedBy, "partner:partner-d")
        .unwrap();
    new.update_node("action:2.1.1", |n| {
        n.deadline = Some(DateWindow::new(
            None,
            Some(d("2025-03-31")),
            "by March 2025",
        ));
    })
    .unwrap();
    new.update_node("action:2.1.2", |n| {
        n.text = Some("Publish a national workforce plan for psychology.".into());
    })
    .unwrap();
    let dd = diff::diff(&old, &new);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = dd
        .rows
        .iter()
        .filter(|r| r.kind == "action")
        .map(|r| {
            (
                r.change.as_str(),
                r.old_number.as_deref(),
                r.new_number.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("reworded", Some("1.1.2"), Some("1.1.2")),
            ("leads_changed", Some("1.1.2"), Some("1.1.2")),
            ("leads_changed", Some("2.1.1"), Some("2.1.1")),
            // Partner D was a key partner of 2.1.1 and now leads it: by the one
            // rule of roles (a partner both leading and partnering is a lead), it
            // left the key partners too.
            ("partners_changed", Some("2.1.1"), Some("2.1.1")),
            ("deadline_changed", Some("2.1.1"), Some("2.1.1")),
            ("added", None, Some("2.1.2")),
            ("removed", Some("2.1.2"), None),
        ]
    );
    let reworded = &dd.rows[0];
    let sim = reworded.similarity.unwrap();
    assert!(sim > 0.5 && sim < 1.0, "{sim}");
    assert_eq!(dd.rows[1].new_value.as_deref(), Some("Partner A"));
    assert_eq!(dd.rows[3].old_value.as_deref(), Some("Partner D"));
    assert_eq!(dd.rows[3].new_value.as_deref(), Some(""));
    assert_eq!(
        dd.rows[4].new_value.as_deref(),
        Some("by March 2025 (..2025-03-31)")
    );
    // 3 priorities, 2 strategic actions, 5 outcomes, 3 of 4 actions matched.
    assert_eq!((dd.matched, dd.added, dd.removed), (13, 1, 1));
    assert_eq!(dd.unchanged, 11);
    // Identical plans: nothing.
    let same = diff::diff(&old, &old);
    assert!(same.rows.is_empty());
    assert_eq!(same.unchanged, same.matched);
}

#[test]
fn align_two_strategies() {
    let scot = Strategy::builder()
        .node(Node::new(
            NodeKind::Outcome,
            "1",
            "The overall mental health and wellbeing of the population is increased.",
        ))
        .node(Node::new(
            NodeKind::Outcome,
            "2",
            "People have an increased knowledge of how to access support.",
        ))
        .node(Node::new(NodeKind::Partner, "NHS Boards", ""))
        .node(Node::new(
            NodeKind::Partner,
            "Third sector organisations",
            "",
        ))
        .node(Node::new(
            NodeKind::Legislation,
            "Mental Health (Care and Treatment) (Scotland) Act 2003",
            "",
        ))
        .node(Node::new(
            NodeKind::Legislation,
            "UNCRC",
            "United Nations Convention on the Rights of the Child",
        ))
        .build()
        .unwrap();
    let wales = Strategy::builder()
        .node(Node::new(
            NodeKind::Outcome,
            "A",
            "Prevent suicide and self-harm.",
        ))
        .node(Node::new(
            NodeKind::Outcome,
            "B",
            "The mental health and wellbeing of the whole population is improved.",
        ))
        .node(Node::new(NodeKind::Partner, "Health boards", ""))
        .node(Node::new(
            NodeKind::Partner,
            "third sector organisations",
            "",
        ))
        .node(Node::new(
            NodeKind::Legislation,
            "UNCRC",
            "The United Nations Convention on the Rights of the Child",
        ))
        .build()
        .unwrap();
    let al = align::align(&scot, &wales);
    let got: Vec<(&str, Option<&str>, Option<&str>, &str)> = al
        .rows
        .iter()
        .map(|r| {
            (
                r.kind.as_str(),
                r.a_id.as_deref(),
                r.b_id.as_deref(),
                r.matched_by.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("outcome", Some("outcome:1"), Some("outcome:b"), "text"),
            ("outcome", Some("outcome:2"), None, "unpaired"),
            ("outcome", None, Some("outcome:a"), "unpaired"),
            (
                "partner",
                Some("partner:third-sector-organisations"),
                Some("partner:third-sector-organisations"),
                "id"
            ),
            (
                "legislation",
                Some("legislation:uncrc"),
                Some("legislation:uncrc"),
                "name"
            ),
        ]
    );
    assert!(al.rows[0].score.unwrap() > 0.6);
}

#[test]
fn indicators_results_chain_and_gap() {
    let data = IndicatorData {
        measure: "percentage".into(),
        ascending: false,
        unit: Some("%".into()),
        baseline: Some(Observation {
            date: d("2022-12-31"),
            value: 20.0,
        }),
        periods: vec![
            Period {
                start: d("2024-01-01"),
                end: d("2024-12-31"),
                target: Some(15.0),
                actual: None,
            },
            Period {
                start: d("2023-01-01"),
                end: d("2023-12-31"),
                target: Some(18.0),
                actual: Some(17.0),
            },
        ],
    };
    let s = Strategy::builder()
        .node(Node::new(
            NodeKind::Outcome,
            "1",
            "Fewer people wait over 18 weeks.",
        ))
        .node(data.apply(Node::new(
            NodeKind::Indicator,
            "1",
            "Share waiting over 18 weeks",
        )))
        .edge("indicator:1", EdgeKind::Measures, "outcome:1")
        .build()
        .unwrap();
    // The attributes survive canonical JSON.
    let back = Strategy::from_json(&s.to_json()).unwrap();
    assert_eq!(
        IndicatorData::from_node(back.node("indicator:1").unwrap())
            .periods
            .len(),
        2
    );

    let r = indicators::indicator_results(&s);
    let got: Vec<(
        Option<Date>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<bool>,
    )> = r
        .rows
        .iter()
        .map(|r| (r.period_end, r.target, r.actual, r.gap, r.met))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(d("2023-12-31")),
                Some(18.0),
                Some(17.0),
                Some(-1.0),
                Some(true)
            ),
            (Some(d("2024-12-31")), Some(15.0), None, None, None),
        ]
    );
    // Lower is better: in mid-2024, the 2024 target (15) is in force, the 2023
    // actual (17) is the latest; 2 points short. The straight line from 20 at
    // 2022-12-31 to 15 at 2024-12-31 stands at 20 - 5 * 548/731 on 2024-07-01.
    let g = indicators::indicator_gaps(&s, d("2024-07-01"));
    let row = &g.rows[0];
    assert_eq!(
        (row.target, row.actual, row.gap),
        (Some(15.0), Some(17.0), Some(2.0))
    );
    let expected = 20.0 - 5.0 * 548.0 / 731.0;
    assert!((row.expected.unwrap() - expected).abs() < 1e-12);
    assert_eq!(row.status, "behind");
    assert_eq!(row.progress, Some(0.6));
    assert_eq!(row.outcomes, "outcome:1");
    // Early in 2023, the 2023 target is in force and nothing is reported yet.
    let early = indicators::indicator_gaps(&s, d("2023-06-30"));
    assert_eq!(
        (early.rows[0].target, early.rows[0].status.as_str()),
        (Some(18.0), "no_data")
    );
}

#[test]
fn tables_serialise_as_rows_and_columns() {
    let s = mini();
    let load = query::partner_load(&s);
    let rows: serde_json::Value = serde_json::from_str(&load.rows_json()).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 4);
    let cols: serde_json::Value = serde_json::from_str(&load.columns_json()).unwrap();
    assert_eq!(cols["leads"], serde_json::json!([2, 1, 0, 0]));
    let whole: serde_json::Value = serde_json::from_str(&load.to_json()).unwrap();
    assert_eq!(whole["rows"], rows);
    // An empty table still names its columns.
    let empty = coverage::gaps(&Strategy::new());
    assert!(empty.is_empty());
    assert_eq!(
        empty.columns_json(),
        "{\n  \"gap\": [],\n  \"id\": [],\n  \"label\": [],\n  \"detail\": []\n}\n"
    );
}
