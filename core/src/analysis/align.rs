//! Alignment: how two strategies (Scotland's and Wales's, say) line up.
//!
//! - Outcomes and priorities are paired one-to-one by [text
//!   similarity](super::similarity) of their statements (best pairs first,
//!   ties by canonical order), when it reaches the threshold (default
//!   [`DEFAULT_THRESHOLD`]); items left unpaired get a row of their own.
//! - Partners are shared when their ids, names or `expansion` attributes are
//!   equal once normalised ("COSLA" and "Convention of Scottish Local
//!   Authorities" match through the expansion), or their names are at least
//!   0.8 similar.
//! - Legislation is shared when the names are at least 0.8 similar ("The
//!   Mental Health (Wales) Measure 2010" and "Mental Health (Wales) Measure 2010").
//!
//! Only shared partners and legislation get rows (the rest are not alignments).

use serde::Serialize;

use super::similarity::{greedy_pairs, normalise, Trigrams};
use super::table::{row, table};
use crate::model::{Node, NodeKind, Strategy};
use crate::rules::PlanIndex;

/// The least similarity for two outcomes or priorities to be paired by [`align`].
pub const DEFAULT_THRESHOLD: f64 = 0.3;

/// The least similarity for two partner or legislation names to be the same.
const NAME_THRESHOLD: f64 = 0.8;

row! {
    /// An alignment between two strategies, or an item of one with no counterpart.
    pub struct AlignmentRow {
        /// `outcome`, `priority`, `partner` or `legislation`.
        pub kind: String,
        /// The item in the first strategy.
        pub a_id: Option<String>,
        /// Its number or name.
        pub a_label: Option<String>,
        /// The item in the second strategy.
        pub b_id: Option<String>,
        /// Its number or name.
        pub b_label: Option<String>,
        /// The similarity of the two (1.0 for an exact match), absent when unpaired.
        pub score: Option<f64>,
        /// How they were matched: `text`, `id`, `name`, `expansion` or `unpaired`.
        pub matched_by: String,
    }
}

/// The alignment table. Sorted by kind (outcome, priority, partner,
/// legislation); within a kind, paired rows in the first strategy's canonical
/// order, then the first strategy's unpaired items, then the second's.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alignment {
    /// The threshold used for outcomes and priorities.
    pub threshold: f64,
    /// The rows.
    pub rows: Vec<AlignmentRow>,
}
table!(Alignment, AlignmentRow);

fn text_items<'a>(idx: &PlanIndex<'a>, kind: NodeKind) -> Vec<(&'a Node, Trigrams)> {
    idx.of_kind(kind)
        .into_iter()
        .filter_map(|p| idx.node(p))
        .map(|n| (n, Trigrams::new(n.statement())))
        .collect()
}

fn text_rows(
    a: &PlanIndex<'_>,
    b: &PlanIndex<'_>,
    kind: NodeKind,
    threshold: f64,
) -> Vec<AlignmentRow> {
    let (xa, xb) = (text_items(a, kind), text_items(b, kind));
    let ta: Vec<&Trigrams> = xa.iter().map(|(_, t)| t).collect();
    let tb: Vec<&Trigrams> = xb.iter().map(|(_, t)| t).collect();
    let mut pairs = greedy_pairs(&ta, &tb, threshold);
    crate::sort::sort_by_key(&mut pairs, |&(i, j, _)| (i, j));
    let mut used_a = vec![false; xa.len()];
    let mut used_b = vec![false; xb.len()];
    let mut rows = Vec::new();
    for (i, j, s) in pairs {
        used_a[i] = true;
        used_b[j] = true;
        rows.push(AlignmentRow {
            kind: kind.as_str().to_owned(),
            a_id: Some(xa[i].0.id.to_string()),
            a_label: Some(xa[i].0.name().to_owned()),
            b_id: Some(xb[j].0.id.to_string()),
            b_label: Some(xb[j].0.name().to_owned()),
            score: Some(s),
            matched_by: "text".into(),
        });
    }
    let unpaired = |n: &Node, first: bool| AlignmentRow {
        kind: kind.as_str().to_owned(),
        a_id: first.then(|| n.id.to_string()),
        a_label: first.then(|| n.name().to_owned()),
        b_id: (!first).then(|| n.id.to_string()),
        b_label: (!first).then(|| n.name().to_owned()),
        score: None,
        matched_by: "unpaired".into(),
    };
    rows.extend(
        xa.iter()
            .zip(&used_a)
            .filter(|(_, &u)| !u)
            .map(|((n, _), _)| unpaired(n, true)),
    );
    rows.extend(
        xb.iter()
            .zip(&used_b)
            .filter(|(_, &u)| !u)
            .map(|((n, _), _)| unpaired(n, false)),
    );
    rows
}

/// Keys a partner may be known by: (how, normalised key).
fn partner_keys(n: &Node) -> Vec<(&'static str, String)> {
    let mut keys = Vec::new();
    if let Some((_, key)) = n.id.as_str().split_once(':') {
        keys.push(("id", key.to_owned()));
    }
    let name = normalise(&n.label);
    if !name.is_empty() {
        keys.push(("name", name));
    }
    if let Some(exp) = n.attrs.get("expansion").and_then(|v| v.as_text()) {
        let e = normalise(exp);
        if !e.is_empty() {
            keys.push(("expansion", e));
        }
    }
    keys
}

fn shared_rows(a: &PlanIndex<'_>, b: &PlanIndex<'_>, kind: NodeKind) -> Vec<AlignmentRow> {
    let xa: Vec<&Node> = a
        .of_kind(kind)
        .into_iter()
        .filter_map(|p| a.node(p))
        .collect();
    let xb: Vec<&Node> = b
        .of_kind(kind)
        .into_iter()
        .filter_map(|p| b.node(p))
        .collect();
    let mut used_b = vec![false; xb.len()];
    let mut rows = Vec::new();
    let mut unmatched_a = Vec::new();
    // Exact keys first (partners only), in canonical order.
    let mut by_key: std::collections::HashMap<String, Vec<(usize, &'static str)>> =
        Default::default();
    if kind == NodeKind::Partner {
        for (j, nb) in xb.iter().enumerate() {
            for (how, key) in partner_keys(nb) {
                by_key.entry(key).or_default().push((j, how));
            }
        }
    }
    for &na in &xa {
        let found = if kind == NodeKind::Partner {
            partner_keys(na).into_iter().find_map(|(how_a, key)| {
                by_key
                    .get(&key)?
                    .iter()
                    .find(|(j, _)| !used_b[*j])
                    .map(|&(j, how_b)| (j, if how_a == how_b { how_a } else { "expansion" }))
            })
        } else {
            None
        };
        match found {
            Some((j, how)) => {
                used_b[j] = true;
                rows.push((na, xb[j], 1.0, how));
            }
            None => unmatched_a.push(na),
        }
    }
    // Then similar names.
    let rest_b: Vec<usize> = (0..xb.len()).filter(|&j| !used_b[j]).collect();
    let ta: Vec<Trigrams> = unmatched_a
        .iter()
        .map(|n| Trigrams::new(n.name()))
        .collect();
    let tb: Vec<Trigrams> = rest_b
        .iter()
        .map(|&j| Trigrams::new(xb[j].name()))
        .collect();
    let ra: Vec<&Trigrams> = ta.iter().collect();
    let rb: Vec<&Trigrams> = tb.iter().collect();
    for (i, j, s) in greedy_pairs(&ra, &rb, NAME_THRESHOLD) {
        rows.push((unmatched_a[i], xb[rest_b[j]], s, "name"));
    }
    let pos = |n: &Node| {
        a.nodes
            .iter()
            .position(|m| m.id == n.id)
            .unwrap_or(usize::MAX)
    };
    crate::sort::sort_by_key(&mut rows, |(na, _, _, _)| pos(na));
    rows.into_iter()
        .map(|(na, nb, s, how)| AlignmentRow {
            kind: kind.as_str().to_owned(),
            a_id: Some(na.id.to_string()),
            a_label: Some(na.name().to_owned()),
            b_id: Some(nb.id.to_string()),
            b_label: Some(nb.name().to_owned()),
            score: Some(s),
            matched_by: how.to_owned(),
        })
        .collect()
}

/// Align two strategies with the default threshold (see the module docs).
///
/// ```
/// use stratagraph::{analysis::align, Node, NodeKind, Strategy};
/// let scotland = Strategy::builder()
///     .node(Node::new(NodeKind::Outcome, "1", "Mental health inequalities are reduced."))
///     .node(Node::new(NodeKind::Partner, "COSLA", "").with_attr("expansion", "Convention of Scottish Local Authorities"))
///     .build()?;
/// let other = Strategy::builder()
///     .node(Node::new(NodeKind::Outcome, "A", "Inequalities in mental health are reduced."))
///     .node(Node::new(NodeKind::Partner, "Convention of Scottish Local Authorities", ""))
///     .build()?;
/// let al = align::align(&scotland, &other);
/// let rows: Vec<_> = al.rows.iter().map(|r| (r.kind.as_str(), r.matched_by.as_str())).collect();
/// assert_eq!(rows, [("outcome", "text"), ("partner", "expansion")]);
/// assert!(al.rows[0].score.unwrap() > 0.7);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::{analysis::align, Strategy};
/// let scotland = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let wales = Strategy::from_json(include_str!("../../../examples/data/wales-together-for-mental-health.json"))?;
/// let al = align::align(&scotland, &wales);
/// // Wales's strategy page names no numbered outcomes: Scotland's seven stand alone.
/// assert_eq!(al.rows.iter().filter(|r| r.kind == "outcome" && r.b_id.is_none()).count(), 7);
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn align(a: &Strategy, b: &Strategy) -> Alignment {
    align_with(a, b, DEFAULT_THRESHOLD)
}

/// Align two strategies, pairing outcomes and priorities whose similarity is at
/// least `threshold`.
///
/// ```
/// use stratagraph::{analysis::align, Node, NodeKind, Strategy};
/// let a = Strategy::builder().node(Node::new(NodeKind::Priority, "1", "Better access to services.")).build()?;
/// let b = Strategy::builder().node(Node::new(NodeKind::Priority, "1", "Prevent suicide.")).build()?;
/// let al = align::align_with(&a, &b, 0.9);
/// let rows: Vec<_> = al.rows.iter().map(|r| (r.a_id.as_deref(), r.b_id.as_deref())).collect();
/// assert_eq!(rows, [(Some("priority:1"), None), (None, Some("priority:1"))]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn align_with(a: &Strategy, b: &Strategy, threshold: f64) -> Alignment {
    let (ia, ib) = (PlanIndex::new(a), PlanIndex::new(b));
    let mut rows = text_rows(&ia, &ib, NodeKind::Outcome, threshold);
    rows.extend(text_rows(&ia, &ib, NodeKind::Priority, threshold));
    rows.extend(shared_rows(&ia, &ib, NodeKind::Partner));
    rows.extend(shared_rows(&ia, &ib, NodeKind::Legislation));
    Alignment { threshold, rows }
}
