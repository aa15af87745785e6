//! The progress roll-up on plans whose numbers can be checked by hand, and the
//! invariant that board-paper percentages add up to 100.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use stratagraph::analysis::Table;
use stratagraph::progress::rollup::{
    largest_remainder, progress_changes, progress_rollup, progress_rollup_of_report,
    progress_series, progress_summary, progress_summary_of_report, stale_statuses,
};
use stratagraph::progress::{ProgressEntry, ProgressReport, Status};
use stratagraph::{EdgeKind, Node, NodeKind, Strategy};

/// 34 strategic actions under two priorities: 1.1–1.20 and 2.1–2.14, each with
/// one action; priority 1 serves outcome 1, action 2.14.1 serves outcome 2.
fn board_plan() -> Strategy {
    let mut b = Strategy::builder()
        .node(Node::new(NodeKind::Outcome, "1", "Outcome one."))
        .node(Node::new(NodeKind::Outcome, "2", "Outcome two."));
    for (pr, n) in [(1, 20), (2, 14)] {
        b = b.node(Node::new(NodeKind::Priority, &pr.to_string(), ""));
        for i in 1..=n {
            let sa = format!("{pr}.{i}");
            let a = format!("{sa}.1");
            b = b
                .node(Node::new(
                    NodeKind::StrategicAction,
                    &sa,
                    format!("Strategic action {sa}."),
                ))
                .node(Node::new(NodeKind::Action, &a, format!("Action {a}.")))
                .edge(
                    format!("priority:{pr}"),
                    EdgeKind::Contains,
                    format!("strategic-action:{sa}"),
                )
                .edge(
                    format!("strategic-action:{sa}"),
                    EdgeKind::Contains,
                    format!("action:{a}"),
                );
        }
    }
    b.edge("priority:1", EdgeKind::ContributesTo, "outcome:1")
        .edge("action:2.14.1", EdgeKind::ContributesTo, "outcome:2")
        .build()
        .unwrap()
}

fn entry(number: &str, status: Option<Status>) -> ProgressEntry {
    ProgressEntry {
        number: number.into(),
        title: String::new(),
        status,
        shares: Vec::new(),
        line: 1,
    }
}

/// 25 on track (1.1–1.20, 2.1–2.5), 7 at risk (2.6–2.12), 2 off track (2.13, 2.14).
fn board_report(date: &str) -> ProgressReport {
    let mut entries = Vec::new();
    for i in 1..=20 {
        entries.push(entry(&format!("1.{i}"), Some(Status::OnTrack)));
    }
    for i in 1..=14 {
        let st = match i {
            1..=5 => Status::OnTrack,
            6..=12 => Status::AtRisk,
            _ => Status::OffTrack,
        };
        entries.push(entry(&format!("2.{i}"), Some(st)));
    }
    ProgressReport {
        title: format!("Progress as at {date}"),
        date: Some(date.parse().unwrap()),
        entries,
        counts: Vec::new(),
    }
}

#[test]
fn board_paper_summary() {
    let s = board_plan();
    let report = board_report("2024-03-31");
    let sum = progress_summary_of_report(&s, &report);
    assert_eq!(
        sum.text,
        "25 (73%) on track, 7 (21%) at risk, 2 (6%) off track"
    );
    assert_eq!((sum.strategic_actions, sum.rated), (34, 34));
    assert_eq!(sum.rows.iter().map(|r| r.percent).sum::<u32>(), 100);
    assert_eq!(sum.rows.len(), 7);
    // The same through the model's attributes.
    let mut applied = s.clone();
    assert!(report.apply_to(&mut applied).is_empty());
    let again = progress_summary(&applied);
    assert_eq!(again.text, sum.text);
    assert_eq!(again.date, report.date);
}

#[test]
fn rollup_to_priorities_and_outcomes() {
    let s = board_plan();
    let r = progress_rollup_of_report(&s, &board_report("2024-03-31"));
    // 34 strategic actions, 2 priorities, 2 outcomes.
    assert_eq!(r.rows.len(), 38);
    let p2 = r.rows.iter().find(|r| r.id == "priority:2").unwrap();
    assert_eq!(
        (
            p2.strategic_actions,
            p2.on_track,
            p2.at_risk,
            p2.off_track,
            p2.status.as_deref()
        ),
        (14, 5, 7, 2, Some("off_track"))
    );
    assert_eq!(
        p2.summary,
        "5 (36%) on track, 7 (50%) at risk, 2 (14%) off track"
    );
    let p1 = r.rows.iter().find(|r| r.id == "priority:1").unwrap();
    assert_eq!((p1.on_track, p1.status.as_deref()), (20, Some("on_track")));
    // Outcome 1 through priority 1 (20 strategic actions); outcome 2 through action 2.14.1 only.
    let o1 = r.rows.iter().find(|r| r.id == "outcome:1").unwrap();
    assert_eq!(
        (o1.strategic_actions, o1.status.as_deref()),
        (20, Some("on_track"))
    );
    let o2 = r.rows.iter().find(|r| r.id == "outcome:2").unwrap();
    assert_eq!((o2.strategic_actions, o2.off_track), (1, 1));
}

#[test]
fn strategic_action_without_a_report_row_takes_its_worst_action() {
    let mut s = board_plan();
    s.add_node(Node::new(NodeKind::Action, "1.1.2", "Another."))
        .unwrap();
    s.link("strategic-action:1.1", EdgeKind::Contains, "action:1.1.2")
        .unwrap();
    s.update_node("action:1.1.1", |n| {
        n.attrs.insert("status".into(), "on_track".into());
    })
    .unwrap();
    s.update_node("action:1.1.2", |n| {
        n.attrs.insert("status".into(), "missed_no_risk".into());
    })
    .unwrap();
    let r = progress_rollup(&s);
    let sa = &r.rows[0];
    assert_eq!(
        (sa.id.as_str(), sa.status.as_deref(), sa.rule.as_str()),
        (
            "strategic-action:1.1",
            Some("missed_no_risk"),
            "worst_of_actions"
        )
    );
    assert_eq!(r.rows[1].rule, "unrated");
    assert_eq!(
        progress_summary(&s).text,
        "1 (100%) missed delivery date no risk"
    );
}

#[test]
fn series_changes_and_staleness() {
    let s = board_plan();
    let q3 = board_report("2023-12-31");
    let mut q4 = board_report("2024-03-31");
    // In Q4, 2.13 improves to on track and 1.1 slips to at risk; 2.14 is delivered.
    for e in &mut q4.entries {
        match e.number.as_str() {
            "2.13" => e.status = Some(Status::OnTrack),
            "1.1" => e.status = Some(Status::AtRisk),
            "2.14" => e.status = Some(Status::Delivered),
            _ => {}
        }
    }
    let series = progress_series(&s, &[q4.clone(), q3.clone()]);
    assert_eq!(series.rows.len(), 14);
    let q4_rows: Vec<(&str, u32, u32)> = series
        .rows
        .iter()
        .filter(|r| r.report == 1 && r.count > 0)
        .map(|r| (r.status.as_str(), r.count, r.percent))
        .collect();
    assert_eq!(
        q4_rows,
        [
            ("delivered", 1, 3),
            ("on_track", 25, 74),
            ("at_risk", 8, 23)
        ]
    );

    let c = progress_changes(&s, &q3, &q4);
    let got: Vec<(&str, &str, i32)> = c
        .rows
        .iter()
        .map(|r| (r.number.as_str(), r.change.as_str(), r.steps))
        .collect();
    assert_eq!(
        got,
        [
            ("1.1", "worsened", 2),
            ("2.13", "improved", -4),
            ("2.14", "improved", -5)
        ]
    );
    assert_eq!((c.improved, c.worsened, c.unchanged), (2, 1, 31));

    // Across both reports, 31 strategic actions kept their status; none is delivered.
    let stale = stale_statuses(&s, &[q3.clone(), q4.clone()], 2);
    assert_eq!(stale.rows.len(), 31);
    assert_eq!(stale.rows[0].since, q3.date);
    assert_eq!(stale_statuses(&s, &[q3, q4], 1).rows.len(), 33);
    assert_eq!(
        stale.columns(),
        ["id", "number", "status", "reports", "since"]
    );
}

proptest! {
    #[test]
    fn percentages_add_up(counts in prop::collection::vec(0u64..10_000, 1..9)) {
        let pct = largest_remainder(&counts, 100);
        let total: u64 = counts.iter().sum();
        if total == 0 {
            prop_assert!(pct.iter().all(|&p| p == 0));
        } else {
            prop_assert_eq!(pct.iter().sum::<u64>(), 100);
            // Each is its exact share rounded down or up.
            for (&c, &p) in counts.iter().zip(&pct) {
                let exact = c as f64 * 100.0 / total as f64;
                prop_assert!((p as f64 - exact).abs() < 1.0, "{p} vs {exact}");
            }
        }
    }

    #[test]
    fn board_summary_adds_up(statuses in prop::collection::vec(0usize..8, 0..40)) {
        let mut s = Strategy::new();
        for (i, &k) in statuses.iter().enumerate() {
            let mut n = Node::new(NodeKind::StrategicAction, &format!("1.{}", i + 1), "");
            if let Some(st) = Status::ALL.get(k) {
                n = n.with_attr("status", st.as_str());
            }
            s.add_node(n).unwrap();
        }
        let sum = progress_summary(&s);
        let rated = statuses.iter().filter(|&&k| k < 7).count() as u32;
        prop_assert_eq!(sum.rated, rated);
        prop_assert_eq!(sum.rows.iter().map(|r| r.count).sum::<u32>(), rated);
        let pct: u32 = sum.rows.iter().map(|r| r.percent).sum();
        prop_assert_eq!(pct, if rated == 0 { 0 } else { 100 });
    }
}
