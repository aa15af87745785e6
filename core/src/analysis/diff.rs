//! Diff: what changed between two versions of a plan.
//!
//! Priorities, strategic actions, actions and outcomes are matched within their
//! kind, in three passes, each one-to-one among the items not yet matched:
//!
//! 1. the same statement (equal once [normalised](super::similarity::normalise)),
//!    whatever the numbers: renumbered items;
//! 2. the same number, with a [text similarity](super::similarity) of at least
//!    [`DiffOptions::same_number`] (0.3): reworded in place;
//! 3. any number, similarity at least [`DiffOptions::renumbered`] (0.5),
//!    best pairs first: renumbered and reworded.
//!
//! What is left is `removed` (old) or `added` (new). For each matched pair the
//! rows say what changed: `renumbered`, `reworded` (with the similarity),
//! `leads_changed`, `partners_changed` (key partners) and `deadline_changed`
//! (its first or last day). Partners are compared by id.

use serde::Serialize;

use super::similarity::{greedy_pairs, Trigrams};
use super::table::{row, table};
use crate::model::{Date, DateWindow, NodeKind, Strategy};
use crate::rules::PlanIndex;

/// Thresholds of the matching passes (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DiffOptions {
    /// Least similarity for two items with the same number to be the same item.
    pub same_number: f64,
    /// Least similarity for two items with different numbers to be the same item.
    pub renumbered: f64,
}

impl Default for DiffOptions {
    fn default() -> DiffOptions {
        DiffOptions {
            same_number: 0.3,
            renumbered: 0.5,
        }
    }
}

row! {
    /// One change between two versions.
    pub struct DiffRow {
        /// The kind of item: `priority`, `strategic_action`, `action` or `outcome`.
        pub kind: String,
        /// `added`, `removed`, `renumbered`, `reworded`, `leads_changed`,
        /// `partners_changed` or `deadline_changed`.
        pub change: String,
        /// The item's id in the old version.
        pub old_id: Option<String>,
        /// The item's id in the new version.
        pub new_id: Option<String>,
        /// The item's number in the old version.
        pub old_number: Option<String>,
        /// The item's number in the new version.
        pub new_number: Option<String>,
        /// The similarity of the two statements, for matched items.
        pub similarity: Option<f64>,
        /// What it was (statement, numbers, partners or deadline, as fits the change).
        pub old_value: Option<String>,
        /// What it is.
        pub new_value: Option<String>,
    }
}

/// The changes between two versions, and counts.
///
/// Rows are sorted by kind (priority, strategic action, action, outcome), then
/// by the new item's canonical position (removed items last, by old position),
/// then by change in the order listed on [`DiffRow::change`].
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanDiff {
    /// Items matched between the versions.
    pub matched: u32,
    /// Matched items with no change at all.
    pub unchanged: u32,
    /// Items only in the new version.
    pub added: u32,
    /// Items only in the old version.
    pub removed: u32,
    /// The rows.
    pub rows: Vec<DiffRow>,
}
table!(PlanDiff, DiffRow);

const KINDS: [NodeKind; 4] = [
    NodeKind::Priority,
    NodeKind::StrategicAction,
    NodeKind::Action,
    NodeKind::Outcome,
];

const CHANGES: [&str; 7] = [
    "added",
    "removed",
    "renumbered",
    "reworded",
    "leads_changed",
    "partners_changed",
    "deadline_changed",
];

/// Match the items of one kind; returns (old position, new position, similarity).
fn match_items(
    old: &[(u32, Option<String>, Trigrams)],
    new: &[(u32, Option<String>, Trigrams)],
    opts: DiffOptions,
) -> Vec<(usize, usize, f64)> {
    let mut pairs = Vec::new();
    let mut used_old = vec![false; old.len()];
    let mut used_new = vec![false; new.len()];
    // 1. Equal statements (first unused in canonical order).
    let mut by_text: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (j, (_, _, t)) in new.iter().enumerate() {
        if !t.normalised().is_empty() {
            by_text.entry(t.normalised()).or_default().push(j);
        }
    }
    for (i, (_, _, t)) in old.iter().enumerate() {
        if let Some(js) = by_text.get_mut(t.normalised()) {
            if let Some(pos) = js.iter().position(|&j| !used_new[j]) {
                let j = js.remove(pos);
                used_old[i] = true;
                used_new[j] = true;
                pairs.push((i, j, 1.0));
            }
        }
    }
    // 2. Same number, similar enough.
    let mut by_number: std::collections::HashMap<&str, usize> = Default::default();
    for (j, (_, num, _)) in new.iter().enumerate() {
        if let Some(n) = num {
            by_number.entry(n.as_str()).or_insert(j);
        }
    }
    for (i, (_, num, t)) in old.iter().enumerate() {
        if used_old[i] {
            continue;
        }
        let Some(&j) = num.as_deref().and_then(|n| by_number.get(n)) else {
            continue;
        };
        if used_new[j] {
            continue;
        }
        let s = t.similarity(&new[j].2);
        if s >= opts.same_number {
            used_old[i] = true;
            used_new[j] = true;
            pairs.push((i, j, s));
        }
    }
    // 3. Best remaining pairs.
    let rest_old: Vec<usize> = (0..old.len()).filter(|&i| !used_old[i]).collect();
    let rest_new: Vec<usize> = (0..new.len()).filter(|&j| !used_new[j]).collect();
    let a: Vec<&Trigrams> = rest_old.iter().map(|&i| &old[i].2).collect();
    let b: Vec<&Trigrams> = rest_new.iter().map(|&j| &new[j].2).collect();
    for (x, y, s) in greedy_pairs(&a, &b, opts.renumbered) {
        pairs.push((rest_old[x], rest_new[y], s));
    }
    pairs
}

/// The leads (or the key partners) of action `p`, by the one rule of roles
/// ([`PlanIndex::roles_of`]: a partner both leading and partnering is a lead).
fn partners(idx: &PlanIndex<'_>, p: u32, lead: bool) -> Vec<(String, String)> {
    idx.roles_of(p)
        .into_iter()
        .filter(|(_, role)| role.is_lead() == lead)
        .filter_map(|(q, _)| idx.node(q).map(|n| (n.id.to_string(), n.name().to_owned())))
        .collect()
}

fn show_window(w: Option<&DateWindow>) -> String {
    match w {
        None => String::new(),
        Some(w) => {
            let d = |x: Option<Date>| x.map(|d| d.to_string()).unwrap_or_default();
            format!("{} ({}..{})", w.phrase, d(w.start), d(w.end))
        }
    }
}

/// The changes between two versions of a plan, with the default thresholds.
///
/// ```
/// use stratagraph::{analysis::diff, Strategy};
/// let old = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let mut new = old.clone();
/// new.update_node("action:1.1.2", |n| {
///     n.text = Some("Over 2023/24, agree a service specification with all stakeholders.".into());
/// })?;
/// new.remove_edge("action:1.1.1", stratagraph::EdgeKind::LedBy, "partner:cosla");
/// let d = diff::diff(&old, &new);
/// let changes: Vec<_> = d.rows.iter().map(|r| (r.change.as_str(), r.new_number.as_deref())).collect();
/// assert_eq!(changes, [("leads_changed", Some("1.1.1")), ("reworded", Some("1.1.2"))]);
/// assert!(d.rows[1].similarity.unwrap() > 0.9);
/// assert_eq!(d.rows[0].old_value.as_deref(), Some("Scottish Government; COSLA"));
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::diff;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// // A later version: 10.4.2 is dropped and 10.2.2 gets a new deadline.
/// let mut later = plan.clone();
/// later.remove_node("action:10.4.2");
/// later.update_node("action:10.2.2", |n| {
///     n.deadline = Some(stratagraph::DateWindow::new(None, "2024-09-30".parse().ok(), "by September 2024"));
/// })?;
/// let d = diff::diff(&plan, &later);
/// let rows: Vec<_> = d.rows.iter().map(|r| (r.change.as_str(), r.old_number.as_deref().unwrap_or(""))).collect();
/// assert_eq!(rows, [("deadline_changed", "10.2.2"), ("removed", "10.4.2")]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn diff(old: &Strategy, new: &Strategy) -> PlanDiff {
    diff_with(old, new, DiffOptions::default())
}

/// The changes between two versions of a plan (see the module docs).
///
/// ```
/// use stratagraph::analysis::diff::{diff_with, DiffOptions};
/// use stratagraph::{Node, NodeKind, Strategy};
/// let old = Strategy::builder()
///     .node(Node::new(NodeKind::Action, "1.1.1", "Publish the training plan."))
///     .node(Node::new(NodeKind::Action, "1.1.2", "Fund local services."))
///     .build()?;
/// // A new action is inserted first: the others move down one number.
/// let new = Strategy::builder()
///     .node(Node::new(NodeKind::Action, "1.1.1", "Set up a lived experience panel."))
///     .node(Node::new(NodeKind::Action, "1.1.2", "Publish the training plan."))
///     .node(Node::new(NodeKind::Action, "1.1.3", "Fund local services."))
///     .build()?;
/// let d = diff_with(&old, &new, DiffOptions::default());
/// let changes: Vec<_> = d.rows.iter()
///     .map(|r| (r.change.as_str(), r.old_number.as_deref(), r.new_number.as_deref()))
///     .collect();
/// assert_eq!(changes, [
///     ("added", None, Some("1.1.1")),
///     ("renumbered", Some("1.1.1"), Some("1.1.2")),
///     ("renumbered", Some("1.1.2"), Some("1.1.3")),
/// ]);
/// assert_eq!((d.matched, d.added, d.removed), (2, 1, 0));
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn diff_with(old: &Strategy, new: &Strategy, opts: DiffOptions) -> PlanDiff {
    let oi = PlanIndex::new(old);
    let ni = PlanIndex::new(new);
    let mut keyed: Vec<((usize, u32, u32, usize), DiffRow)> = Vec::new();
    let (mut matched, mut unchanged, mut added, mut removed) = (0u32, 0u32, 0u32, 0u32);
    for (k, &kind) in KINDS.iter().enumerate() {
        let items = |idx: &PlanIndex<'_>| -> Vec<(u32, Option<String>, Trigrams)> {
            idx.of_kind(kind)
                .into_iter()
                .filter_map(|p| {
                    let n = idx.node(p)?;
                    Some((p, n.number.clone(), Trigrams::new(n.statement())))
                })
                .collect()
        };
        let (o, n) = (items(&oi), items(&ni));
        let pairs = match_items(&o, &n, opts);
        let mut old_used = vec![false; o.len()];
        let mut new_used = vec![false; n.len()];
        let kind_s = kind.as_str().to_owned();
        let mut push = |newpos: u32, oldpos: u32, change: &str, row: DiffRow| {
            let c = CHANGES.iter().position(|&x| x == change).unwrap_or(0);
            keyed.push(((k, newpos, oldpos, c), row));
        };
        for &(i, j, sim) in &pairs {
            old_used[i] = true;
            new_used[j] = true;
            matched += 1;
            let (op, np) = (o[i].0, n[j].0);
            let (Some(on), Some(nn)) = (oi.node(op), ni.node(np)) else {
                continue;
            };
            let base = DiffRow {
                kind: kind_s.clone(),
                change: String::new(),
                old_id: Some(on.id.to_string()),
                new_id: Some(nn.id.to_string()),
                old_number: on.number.clone(),
                new_number: nn.number.clone(),
                similarity: Some(sim),
                old_value: None,
                new_value: None,
            };
            let mut any = false;
            let mut emit = |change: &str, old_value: String, new_value: String| {
                any = true;
                push(
                    np,
                    op,
                    change,
                    DiffRow {
                        change: change.to_owned(),
                        old_value: Some(old_value),
                        new_value: Some(new_value),
                        ..base.clone()
                    },
                );
            };
            if on.number != nn.number {
                emit(
                    "renumbered",
                    on.number.clone().unwrap_or_default(),
                    nn.number.clone().unwrap_or_default(),
                );
            }
            if o[i].2.normalised() != n[j].2.normalised() {
                emit(
                    "reworded",
                    on.statement().to_owned(),
                    nn.statement().to_owned(),
                );
            }
            for (lead, change) in [(true, "leads_changed"), (false, "partners_changed")] {
                let (a, b) = (partners(&oi, op, lead), partners(&ni, np, lead));
                let ids = |v: &[(String, String)]| {
                    let mut ids: Vec<String> = v.iter().map(|(i, _)| i.clone()).collect();
                    crate::sort::sort(&mut ids);
                    ids
                };
                if ids(&a) != ids(&b) {
                    let show = |v: &[(String, String)]| {
                        v.iter()
                            .map(|(_, l)| l.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    emit(change, show(&a), show(&b));
                }
            }
            let (dw, nw) = (on.deadline.as_ref(), nn.deadline.as_ref());
            let bounds = |w: Option<&DateWindow>| w.map(|w| (w.start, w.end));
            if bounds(dw) != bounds(nw) {
                emit("deadline_changed", show_window(dw), show_window(nw));
            }
            if !any {
                unchanged += 1;
            }
        }
        for (j, (np, _, _)) in n.iter().enumerate() {
            if new_used[j] {
                continue;
            }
            added += 1;
            let Some(nn) = ni.node(*np) else { continue };
            push(
                *np,
                u32::MAX,
                "added",
                DiffRow {
                    kind: kind_s.clone(),
                    change: "added".into(),
                    old_id: None,
                    new_id: Some(nn.id.to_string()),
                    old_number: None,
                    new_number: nn.number.clone(),
                    similarity: None,
                    old_value: None,
                    new_value: Some(nn.statement().to_owned()),
                },
            );
        }
        for (i, (op, _, _)) in o.iter().enumerate() {
            if old_used[i] {
                continue;
            }
            removed += 1;
            let Some(on) = oi.node(*op) else { continue };
            push(
                u32::MAX,
                *op,
                "removed",
                DiffRow {
                    kind: kind_s.clone(),
                    change: "removed".into(),
                    old_id: Some(on.id.to_string()),
                    new_id: None,
                    old_number: on.number.clone(),
                    new_number: None,
                    similarity: None,
                    old_value: Some(on.statement().to_owned()),
                    new_value: None,
                },
            );
        }
    }
    crate::sort::sort_by_key(&mut keyed, |(key, _)| *key);
    PlanDiff {
        matched,
        unchanged,
        added,
        removed,
        rows: keyed.into_iter().map(|(_, r)| r).collect(),
    }
}
