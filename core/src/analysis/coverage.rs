//! Coverage and gaps: which priorities serve which outcomes, which partners work
//! towards which outcomes, and what the plan leaves uncovered.
//!
//! An action *counts for* an outcome when it or any node containing it
//! `contributes_to` the outcome (see [`crate::query`] for the rules). Counts are
//! of actions (nodes of kind `action`).

use serde::Serialize;

use super::table::{row, table};
use crate::model::{NodeKind, Strategy};
use crate::rules::{action_outcomes, Csr, PlanIndex, Role, NONE};

row! {
    /// One cell of the priority × outcome matrix.
    pub struct PriorityOutcomeRow {
        /// The priority's id.
        pub priority: String,
        /// The priority's number.
        pub priority_number: String,
        /// The outcome's id.
        pub outcome: String,
        /// The outcome's number.
        pub outcome_number: String,
        /// Actions of the priority that count for the outcome.
        pub actions: u32,
        /// Whether the priority itself names the outcome (`contributes_to`).
        pub named: bool,
    }
}

/// The priority × outcome matrix in long form: a row for every priority and
/// every outcome (zeros included), sorted by priority then outcome, both in
/// canonical order. `priorities` and `outcomes` are the axes, in that order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriorityOutcomeMatrix {
    /// The priorities' ids (the matrix's rows).
    pub priorities: Vec<String>,
    /// The outcomes' ids (the matrix's columns).
    pub outcomes: Vec<String>,
    /// The cells.
    pub rows: Vec<PriorityOutcomeRow>,
}
table!(PriorityOutcomeMatrix, PriorityOutcomeRow);

/// The priority × outcome matrix (see [`PriorityOutcomeMatrix`]).
///
/// ```
/// use stratagraph::{analysis::coverage, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let m = coverage::priority_outcome_matrix(&s);
/// let cells: Vec<_> = m.rows.iter().map(|r| (r.outcome_number.as_str(), r.actions, r.named)).collect();
/// // Priority 1 names outcome 1, so both its actions count; only 1.1.2 names outcome 2.
/// assert_eq!(cells, [("1", 2, true), ("2", 1, false)]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::coverage;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let m = coverage::priority_outcome_matrix(&plan);
/// // Priority 10 names outcomes 1 to 7: each of its 13 actions counts for each.
/// assert_eq!(m.outcomes.len(), 7);
/// assert!(m.rows.iter().all(|r| r.actions == 13 && r.named));
/// ```
pub fn priority_outcome_matrix(s: &Strategy) -> PriorityOutcomeMatrix {
    let idx = PlanIndex::new(s);
    let priorities = idx.of_kind(NodeKind::Priority);
    let outcomes = idx.of_kind(NodeKind::Outcome);
    let mut col_of = vec![usize::MAX; idx.len()];
    for (i, &o) in outcomes.iter().enumerate() {
        col_of[o as usize] = i;
    }
    let mut row_of = vec![usize::MAX; idx.len()];
    for (i, &p) in priorities.iter().enumerate() {
        row_of[p as usize] = i;
    }
    let mut counts = vec![0u32; priorities.len() * outcomes.len()];
    let actions = idx.of_kind(NodeKind::Action);
    let sets = action_outcomes(&idx, &actions);
    for (i, &a) in actions.iter().enumerate() {
        let pr = idx.ancestor_of_kind(a, NodeKind::Priority);
        let Some(&r) = row_of.get(pr as usize) else {
            continue;
        };
        if r == usize::MAX {
            continue;
        }
        for &o in sets.get(i as u32) {
            if let Some(&c) = col_of.get(o as usize) {
                if c != usize::MAX {
                    counts[r * outcomes.len() + c] += 1;
                }
            }
        }
    }
    let number = |p: u32| {
        idx.node(p)
            .and_then(|n| n.number.clone())
            .unwrap_or_default()
    };
    let mut rows = Vec::with_capacity(counts.len());
    for (r, &p) in priorities.iter().enumerate() {
        let named = idx.contributes_to.get(p);
        for (c, &o) in outcomes.iter().enumerate() {
            rows.push(PriorityOutcomeRow {
                priority: idx.id(p).to_owned(),
                priority_number: number(p),
                outcome: idx.id(o).to_owned(),
                outcome_number: number(o),
                actions: counts[r * outcomes.len() + c],
                named: named.contains(&o),
            });
        }
    }
    PriorityOutcomeMatrix {
        priorities: priorities.iter().map(|&p| idx.id(p).to_owned()).collect(),
        outcomes: outcomes.iter().map(|&o| idx.id(o).to_owned()).collect(),
        rows,
    }
}

row! {
    /// One non-empty cell of the outcome × partner matrix.
    pub struct OutcomePartnerRow {
        /// The outcome's id.
        pub outcome: String,
        /// The outcome's number.
        pub outcome_number: String,
        /// The partner's id.
        pub partner: String,
        /// The partner's name.
        pub partner_label: String,
        /// Actions counting for the outcome on which the partner has a role.
        pub actions: u32,
        /// Of those, actions it leads (alone or jointly).
        pub leads: u32,
        /// Of those, actions where it is a key partner.
        pub key_partner: u32,
    }
}

/// The outcome × partner matrix in sparse long form: a row for each outcome and
/// partner with at least one action (a partner's direct roles only; alliance
/// members are not repeated), sorted by outcome then partner, both in canonical
/// order. `outcomes` and `partners` are the full axes, so a pivot can fill zeros.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutcomePartnerMatrix {
    /// Every outcome's id (the matrix's rows).
    pub outcomes: Vec<String>,
    /// Every partner's id (the matrix's columns).
    pub partners: Vec<String>,
    /// The non-empty cells.
    pub rows: Vec<OutcomePartnerRow>,
}
table!(OutcomePartnerMatrix, OutcomePartnerRow);

/// The outcome × partner matrix (see [`OutcomePartnerMatrix`]).
///
/// ```
/// use stratagraph::{analysis::coverage, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let m = coverage::outcome_partner_matrix(&s);
/// let cells: Vec<_> = m.rows.iter()
///     .map(|r| (r.outcome_number.as_str(), r.partner_label.as_str(), r.actions, r.leads))
///     .collect();
/// assert_eq!(cells, [
///     ("1", "Scottish Government", 2, 2),
///     ("1", "COSLA", 1, 1),
///     ("1", "In Care Survivors Alliance", 1, 0),
///     ("2", "Scottish Government", 1, 1),
///     ("2", "In Care Survivors Alliance", 1, 0),
/// ]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::coverage;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let m = coverage::outcome_partner_matrix(&plan);
/// let o1: Vec<_> = m.rows.iter().filter(|r| r.outcome == "outcome:1").take(2)
///     .map(|r| (r.partner_label.as_str(), r.actions, r.leads)).collect();
/// assert_eq!(o1, [("Scottish Government", 13, 13), ("NES", 2, 0)]);
/// ```
pub fn outcome_partner_matrix(s: &Strategy) -> OutcomePartnerMatrix {
    let idx = PlanIndex::new(s);
    let actions = idx.of_kind(NodeKind::Action);
    let sets = action_outcomes(&idx, &actions);
    let mut pairs = Vec::new();
    for i in 0..actions.len() as u32 {
        pairs.extend(sets.get(i).iter().map(|&o| (o, i)));
    }
    let by_outcome = Csr::from_pairs(idx.len(), pairs);
    let number = |p: u32| {
        idx.node(p)
            .and_then(|n| n.number.clone())
            .unwrap_or_default()
    };
    // Per partner: (actions, leads, key partner), for the outcome at hand.
    let mut acc: Vec<(u32, u32, u32)> = vec![(0, 0, 0); idx.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut roles = Vec::new();
    let mut rows = Vec::new();
    for o in idx.of_kind(NodeKind::Outcome) {
        for &i in by_outcome.get(o) {
            let Some(&a) = actions.get(i as usize) else {
                continue;
            };
            idx.roles_into(a, &mut roles);
            for &(p, role) in &roles {
                let c = &mut acc[p as usize];
                if c.0 == 0 {
                    touched.push(p);
                }
                c.0 += 1;
                if role.is_lead() {
                    c.1 += 1;
                } else if role == Role::KeyPartner {
                    c.2 += 1;
                }
            }
        }
        touched.sort_unstable();
        for &p in &touched {
            let (n, l, k) = std::mem::take(&mut acc[p as usize]);
            rows.push(OutcomePartnerRow {
                outcome: idx.id(o).to_owned(),
                outcome_number: number(o),
                partner: idx.id(p).to_owned(),
                partner_label: idx.node(p).map(|n| n.name().to_owned()).unwrap_or_default(),
                actions: n,
                leads: l,
                key_partner: k,
            });
        }
        touched.clear();
    }
    OutcomePartnerMatrix {
        outcomes: idx
            .of_kind(NodeKind::Outcome)
            .into_iter()
            .map(|p| idx.id(p).to_owned())
            .collect(),
        partners: idx
            .of_kind(NodeKind::Partner)
            .into_iter()
            .map(|p| idx.id(p).to_owned())
            .collect(),
        rows,
    }
}

row! {
    /// One gap in the plan.
    pub struct GapRow {
        /// What kind of gap: `outcome_without_action`, `challenge_unanswered`,
        /// `action_without_lead` or `partner_named_once`.
        pub gap: String,
        /// The id of the node concerned.
        pub id: String,
        /// Its number or name.
        pub label: String,
        /// What was found, in words.
        pub detail: String,
    }
}

/// The gaps of a plan: outcomes no action counts for, challenges nothing in the
/// plan addresses (no priority, strategic action or action), actions with no
/// lead, partners named only once (one role on one action, directly).
///
/// Sorted by gap kind (in the order above), then canonical node order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gaps {
    /// The rows.
    pub rows: Vec<GapRow>,
}
table!(Gaps, GapRow);

/// The gaps of a plan (see [`Gaps`]).
///
/// ```
/// use stratagraph::{analysis::coverage, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let gaps = coverage::gaps(&s);
/// let found: Vec<_> = gaps.rows.iter().map(|r| (r.gap.as_str(), r.label.as_str())).collect();
/// assert_eq!(found, [
///     ("partner_named_once", "COSLA"),
///     ("partner_named_once", "In Care Survivors Alliance"),
/// ]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::coverage;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let gaps = coverage::gaps(&plan);
/// // Every outcome is served, every challenge answered, every action led;
/// // six partners are named once.
/// assert_eq!(gaps.rows.len(), 6);
/// assert!(gaps.rows.iter().all(|r| r.gap == "partner_named_once"));
/// ```
pub fn gaps(s: &Strategy) -> Gaps {
    let idx = PlanIndex::new(s);
    let actions = idx.of_kind(NodeKind::Action);
    let sets = action_outcomes(&idx, &actions);
    let mut rows = Vec::new();
    let push = |rows: &mut Vec<GapRow>, gap: &str, p: u32, detail: String| {
        if let Some(n) = idx.node(p) {
            rows.push(GapRow {
                gap: gap.to_owned(),
                id: n.id.to_string(),
                label: n.name().to_owned(),
                detail,
            });
        }
    };

    let mut counted = vec![false; idx.len()];
    for i in 0..actions.len() as u32 {
        for &o in sets.get(i) {
            counted[o as usize] = true;
        }
    }
    let named_by = idx.contributes_to.transpose(idx.len());
    for o in idx.of_kind(NodeKind::Outcome) {
        if counted[o as usize] {
            continue;
        }
        let names = named_by.get(o);
        let detail = if names.is_empty() {
            "nothing in the plan contributes to it".to_owned()
        } else {
            format!(
                "named by {} but no action under it",
                crate::rules::join(&idx, names.iter().copied(), false)
            )
        };
        push(&mut rows, "outcome_without_action", o, detail);
    }

    let addressed_by = idx.addresses.transpose(idx.len());
    for c in idx.of_kind(NodeKind::Challenge) {
        let answered = addressed_by.get(c).iter().any(|&p| {
            matches!(
                idx.kind(p),
                Some(NodeKind::Priority | NodeKind::StrategicAction | NodeKind::Action)
            )
        });
        if !answered {
            push(
                &mut rows,
                "challenge_unanswered",
                c,
                "no priority, strategic action or action addresses it".to_owned(),
            );
        }
    }

    for &a in &actions {
        let has_lead = idx
            .led_by
            .get(a)
            .iter()
            .any(|&p| idx.kind(p) == Some(NodeKind::Partner));
        if !has_lead {
            push(
                &mut rows,
                "action_without_lead",
                a,
                "no led_by partner".to_owned(),
            );
        }
    }

    // How often each partner is named, and its first role.
    let mut named: Vec<(u32, u32, Role)> = vec![(0, NONE, Role::Lead); idx.len()];
    let mut roles = Vec::new();
    for &a in &actions {
        idx.roles_into(a, &mut roles);
        for &(p, r) in &roles {
            let slot = &mut named[p as usize];
            if slot.0 == 0 {
                *slot = (0, a, r);
            }
            slot.0 += 1;
        }
    }
    for p in idx.of_kind(NodeKind::Partner) {
        if let (1, a, r) = named[p as usize] {
            let num = idx.node(a).map(|n| n.name().to_owned()).unwrap_or_default();
            push(
                &mut rows,
                "partner_named_once",
                p,
                format!("{} of {num} only", r.as_str().replace('_', " ")),
            );
        }
    }
    Gaps { rows }
}
