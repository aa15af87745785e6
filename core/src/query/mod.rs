//! Questions about who does what, and why an action counts: each answered by one
//! function returning a table (see [`crate::analysis::Table`]).
//!
//! - [`responsibilities`] / [`partner_responsibilities`]: the actions a partner
//!   leads and those where it is a key partner; members of an alliance count
//!   through it, and the row says so (`via`).
//! - [`partner_load`]: leads, partnerships, strategic actions, priorities and
//!   outcomes touched, per partner, heaviest first.
//! - [`explain_contribution`]: why an action counts for an outcome, as the chain
//!   of edges; [`explain_path`]: the shortest chain of edges between any two nodes.
//! - [`actions_table`] / [`outcomes_table`]: one typed row per action (the
//!   typed twin of the CSV actions table) and per outcome, for DataFrames.
//! - [`node_contexts`]: every node's containers, counted outcomes, status and
//!   partners in one batch (what the explorer reads).
//!
//! The rules, written once inside the crate (its `rules` module) and read by every
//! table, export and binding (the CSV and HTML actions tables, the report, coverage,
//! [`node_contexts`], the explorer):
//!
//! - An *action* is a node of kind `action`; its *parent* is its first container in
//!   canonical order, its *containers* the parent's chain upwards (at most 64, stopping
//!   at a cycle).
//! - A partner's *role* on an action is `lead` (the only `led_by` partner),
//!   `joint_lead` (one of several `led_by` partners) or `key_partner`; a partner
//!   that both leads and partners an action counts as a lead only.
//! - A partner that is a `member_of` an alliance (transitively) takes the
//!   alliance's roles *through* it: those rows carry `via` = the alliance's id.
//! - An action *counts for* an outcome when it, or any node containing it
//!   (strategic action, priority, plan), `contributes_to` the outcome.
//! - An action's *status* is its own `status` attribute, else its nearest
//!   container's (progress reports rate strategic actions).
//!
//! The examples run on the bundled Scottish delivery plan's priority 10 as a small
//! hand-built fixture (`tests/fixtures/mini-plan.json`).

use std::cmp::Reverse;
use std::collections::VecDeque;

use serde::Serialize;

use crate::analysis::table::{row, table};
use crate::error::Error;
use crate::model::{Date, EdgeKind, NodeKind, Strategy};
use crate::rules::{action_outcomes, PlanIndex, Role, NONE};

mod actions;
pub use actions::{
    action_context_columns, action_own_columns, actions_columns, ActionColumns,
    ActionContextColumns, ActionOwnColumns, Coded,
};

row! {
    /// One role of one partner on one action.
    pub struct ResponsibilityRow {
        /// The partner's id.
        pub partner: String,
        /// The partner's name.
        pub partner_label: String,
        /// The action's id.
        pub action: String,
        /// The action's number ("10.1.5").
        pub number: String,
        /// `lead`, `joint_lead` or `key_partner`.
        pub role: String => Category,
        /// The alliance the partner counts through, when it has the role as a member of it.
        pub via: Option<String>,
        /// The strategic action containing the action.
        pub strategic_action: Option<String>,
        /// The priority containing the action.
        pub priority: Option<String>,
        /// The last day of the action's deadline, if it has one.
        pub deadline_end: Option<Date>,
        /// The deadline as the document words it.
        pub deadline: String,
        /// The action's statement.
        pub text: String,
    }
}

/// Who does what: one row per partner, action and role.
///
/// Sorted by partner (canonical order), then action (canonical order), then
/// direct roles before roles through an alliance (alliances in canonical order).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Responsibilities {
    /// The rows.
    pub rows: Vec<ResponsibilityRow>,
}
table!(Responsibilities, ResponsibilityRow);

/// For every partner position, its `(action, role)` pairs in canonical action order.
fn roles_by_partner(idx: &PlanIndex<'_>) -> Vec<Vec<(u32, Role)>> {
    let mut by_partner: Vec<Vec<(u32, Role)>> = vec![Vec::new(); idx.len()];
    let mut roles = Vec::new();
    for a in idx.of_kind(NodeKind::Action) {
        idx.roles_into(a, &mut roles);
        for &(p, role) in &roles {
            by_partner[p as usize].push((a, role));
        }
    }
    by_partner
}

fn responsibility_rows(
    idx: &PlanIndex<'_>,
    partners: &[u32],
    by_partner: &[Vec<(u32, Role)>],
) -> Vec<ResponsibilityRow> {
    let mut rows = Vec::new();
    for &p in partners {
        let mut entries: Vec<(u32, u32, Role)> = by_partner[p as usize]
            .iter()
            .map(|&(a, r)| (a, NONE, r))
            .collect();
        for al in idx.alliances(p) {
            entries.extend(by_partner[al as usize].iter().map(|&(a, r)| (a, al, r)));
        }
        // Direct (NONE sorts last as u32::MAX, so map it to 0 for ordering).
        crate::sort::sort_by_key(&mut entries, |&(a, via, _)| {
            (a, if via == NONE { 0 } else { via as u64 + 1 })
        });
        let Some(pn) = idx.node(p) else { continue };
        for (a, via, role) in entries {
            let Some(an) = idx.node(a) else { continue };
            let sa = idx.ancestor_of_kind(a, NodeKind::StrategicAction);
            let pr = idx.ancestor_of_kind(a, NodeKind::Priority);
            rows.push(ResponsibilityRow {
                partner: pn.id.to_string(),
                partner_label: pn.name().to_owned(),
                action: an.id.to_string(),
                number: an.number.clone().unwrap_or_default(),
                role: role.as_str().to_owned(),
                via: (via != NONE).then(|| idx.id(via).to_owned()),
                strategic_action: (sa != NONE).then(|| idx.id(sa).to_owned()),
                priority: (pr != NONE).then(|| idx.id(pr).to_owned()),
                deadline_end: an.deadline.as_ref().and_then(|d| d.end),
                deadline: an
                    .deadline
                    .as_ref()
                    .map(|d| d.phrase.clone())
                    .unwrap_or_default(),
                text: an.statement().to_owned(),
            });
        }
    }
    rows
}

/// Every partner's roles on every action (see [`Responsibilities`] for the order).
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let r = query::responsibilities(&s);
/// let cosla: Vec<_> = r.rows.iter().filter(|r| r.partner == "partner:cosla").collect();
/// assert_eq!((cosla.len(), cosla[0].role.as_str()), (1, "joint_lead"));
/// // Penumbra is a member of the In Care Survivors Alliance, a key partner of 1.1.2:
/// let pen = r.rows.iter().find(|r| r.partner == "partner:penumbra").unwrap();
/// assert_eq!((pen.number.as_str(), pen.via.as_deref()), ("1.1.2", Some("partner:in-care-survivors-alliance")));
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::query;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let r = query::responsibilities(&plan);
/// let penumbra: Vec<_> = r.rows.iter().filter(|r| r.partner_label == "Penumbra")
///     .map(|r| (r.number.as_str(), r.via.as_deref())).collect();
/// assert_eq!(penumbra, [("10.3.2", Some("partner:in-care-survivors-alliance")),
///                       ("10.3.3", Some("partner:in-care-survivors-alliance"))]);
/// ```
pub fn responsibilities(s: &Strategy) -> Responsibilities {
    let idx = PlanIndex::new(s);
    let by_partner = roles_by_partner(&idx);
    let partners = idx.of_kind(NodeKind::Partner);
    Responsibilities {
        rows: responsibility_rows(&idx, &partners, &by_partner),
    }
}

/// One partner's roles, by id (`partner:cosla`) or by name (`COSLA`, any case).
///
/// Fails with [`Error::UnknownNode`] if no partner has that id or name.
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let sg = query::partner_responsibilities(&s, "Scottish Government")?;
/// let roles: Vec<_> = sg.rows.iter().map(|r| (r.number.as_str(), r.role.as_str())).collect();
/// assert_eq!(roles, [("1.1.1", "joint_lead"), ("1.1.2", "lead")]);
/// assert_eq!(query::partner_responsibilities(&s, "Nobody").unwrap_err().code(), "unknown_node");
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::query;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let sg = query::partner_responsibilities(&plan, "Scottish Government")?;
/// assert_eq!(sg.rows.len(), 13); // leads or co-leads every action
/// let cosla: Vec<_> = query::partner_responsibilities(&plan, "COSLA")?
///     .rows.into_iter().map(|r| r.number).collect();
/// assert_eq!(cosla, ["10.1.5", "10.4.1", "10.4.2"]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn partner_responsibilities(s: &Strategy, partner: &str) -> Result<Responsibilities, Error> {
    let idx = PlanIndex::new(s);
    let p = idx
        .resolve(s, partner, Some(NodeKind::Partner))
        .ok_or_else(|| Error::UnknownNode {
            id: partner.to_owned(),
        })?;
    let by_partner = roles_by_partner(&idx);
    Ok(Responsibilities {
        rows: responsibility_rows(&idx, &[p], &by_partner),
    })
}

row! {
    /// How much one partner carries.
    pub struct PartnerLoadRow {
        /// The partner's id.
        pub partner: String,
        /// The partner's name.
        pub label: String,
        /// Actions it leads, alone or jointly.
        pub leads: u32,
        /// Of those, actions it leads jointly with another partner.
        pub joint_leads: u32,
        /// Actions where it is a key partner (and not a lead).
        pub key_partner: u32,
        /// Actions it has a role on directly (`leads + key_partner`).
        pub actions: u32,
        /// Further actions it counts for only through an alliance it belongs to.
        pub via_alliance: u32,
        /// Distinct strategic actions touched (directly or through an alliance).
        pub strategic_actions: u32,
        /// Distinct priorities touched (directly or through an alliance).
        pub priorities: u32,
        /// Distinct outcomes touched: those its actions count for.
        pub outcomes: u32,
    }
}

/// The partner load table: one row per partner, heaviest first.
///
/// Sorted by `actions` (descending), then `leads` (descending), then
/// `via_alliance` (descending), then the partner's canonical order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnerLoad {
    /// The rows.
    pub rows: Vec<PartnerLoadRow>,
}
table!(PartnerLoad, PartnerLoadRow);

/// The partner load table (see [`PartnerLoad`] for the order).
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let load = query::partner_load(&s);
/// let top = &load.rows[0];
/// assert_eq!((top.label.as_str(), top.leads, top.joint_leads, top.outcomes), ("Scottish Government", 2, 1, 2));
/// let pen = load.rows.iter().find(|r| r.label == "Penumbra").unwrap();
/// assert_eq!((pen.actions, pen.via_alliance), (0, 1));
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::query;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let load = query::partner_load(&plan);
/// let top: Vec<_> = load.rows.iter().take(3).map(|r| (r.label.as_str(), r.actions, r.leads)).collect();
/// assert_eq!(top, [("Scottish Government", 13, 13), ("Third sector organisations", 5, 0), ("COSLA", 3, 3)]);
/// ```
pub fn partner_load(s: &Strategy) -> PartnerLoad {
    let idx = PlanIndex::new(s);
    let by_partner = roles_by_partner(&idx);
    let actions = idx.of_kind(NodeKind::Action);
    let outcomes = action_outcomes(&idx, &actions);
    // Each action's row in `outcomes`, strategic action and priority.
    let mut row_of = vec![NONE; idx.len()];
    for (i, &a) in actions.iter().enumerate() {
        row_of[a as usize] = i as u32;
    }
    let sa_of: Vec<u32> = actions
        .iter()
        .map(|&a| idx.ancestor_of_kind(a, NodeKind::StrategicAction))
        .collect();
    let pr_of: Vec<u32> = actions
        .iter()
        .map(|&a| idx.ancestor_of_kind(a, NodeKind::Priority))
        .collect();
    type Key = (Reverse<u32>, Reverse<u32>, Reverse<u32>, u32);
    let mut keyed: Vec<(Key, PartnerLoadRow)> = Vec::new();
    // Distinct counting without sets: a node is counted for partner p once its
    // stamp is p + 1.
    let mut stamp = vec![0u32; idx.len()];
    let mut all: Vec<u32> = Vec::new();
    for p in idx.of_kind(NodeKind::Partner) {
        let Some(pn) = idx.node(p) else { continue };
        let direct = &by_partner[p as usize];
        let leads = direct.iter().filter(|(_, r)| r.is_lead()).count() as u32;
        let joint = direct.iter().filter(|(_, r)| *r == Role::JointLead).count() as u32;
        let kp = direct
            .iter()
            .filter(|(_, r)| *r == Role::KeyPartner)
            .count() as u32;
        all.clear();
        all.extend(direct.iter().map(|&(a, _)| a));
        let n_direct = all.len() as u32;
        for al in idx.alliances(p) {
            all.extend(by_partner[al as usize].iter().map(|&(a, _)| a));
        }
        all.sort_unstable();
        all.dedup();
        let via = (all.len() as u32).saturating_sub(n_direct);
        let mark = p + 1;
        let (mut sas, mut prs, mut outs) = (0u32, 0u32, 0u32);
        let mut count = |x: u32, n: &mut u32| {
            if x != NONE && stamp[x as usize] != mark {
                stamp[x as usize] = mark;
                *n += 1;
            }
        };
        for &a in &all {
            let r = row_of[a as usize];
            if r == NONE {
                continue;
            }
            count(sa_of[r as usize], &mut sas);
            count(pr_of[r as usize], &mut prs);
            for &o in outcomes.get(r) {
                count(o, &mut outs);
            }
        }
        let row = PartnerLoadRow {
            partner: pn.id.to_string(),
            label: pn.name().to_owned(),
            leads,
            joint_leads: joint,
            key_partner: kp,
            actions: n_direct,
            via_alliance: via,
            strategic_actions: sas,
            priorities: prs,
            outcomes: outs,
        };
        keyed.push(((Reverse(n_direct), Reverse(leads), Reverse(via), p), row));
    }
    crate::sort::sort_by_key(&mut keyed, |(k, _)| *k);
    PartnerLoad {
        rows: keyed.into_iter().map(|(_, r)| r).collect(),
    }
}

row! {
    /// One edge of a chain that explains a relation, in the direction of travel.
    pub struct PathStepRow {
        /// Which chain (0-based) when there are several.
        pub path: u32,
        /// The step along the chain (0-based).
        pub step: u32,
        /// The node the step leaves.
        pub from: String,
        /// The node the step reaches.
        pub to: String,
        /// The edge's kind (`contains`, `contributes_to`, ...).
        pub edge: String,
        /// Whether the edge points against the direction of travel (`to` contains `from`).
        pub reversed: bool,
        /// The step in words ("action 1.1.1 is part of strategic action 1.1").
        pub reading: String,
    }
}

/// A relation explained as chains of edges; `rows` is empty when there is none.
///
/// Sorted by chain, then step. Chains come shortest first.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathExplanation {
    /// The node the chains start from.
    pub from: String,
    /// The node the chains end at.
    pub to: String,
    /// Whether at least one chain exists.
    pub found: bool,
    /// The rows.
    pub rows: Vec<PathStepRow>,
}
table!(PathExplanation, PathStepRow);

fn name(idx: &PlanIndex<'_>, p: u32) -> String {
    match idx.node(p) {
        Some(n) if n.kind == NodeKind::Partner => n.name().to_owned(),
        Some(n) => {
            let kind = n.kind.as_str().replace('_', " ");
            match &n.number {
                Some(num) => format!("{kind} {num}"),
                None if !n.label.is_empty() => format!("{kind} {}", n.label),
                None => n.id.to_string(),
            }
        }
        None => String::new(),
    }
}

fn verb(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Contains => "contains",
        EdgeKind::ContributesTo => "contributes to",
        EdgeKind::Addresses => "addresses",
        EdgeKind::LedBy => "is led by",
        EdgeKind::KeyPartner => "has as key partner",
        EdgeKind::MemberOf => "is a member of",
        EdgeKind::Oversees => "oversees",
        EdgeKind::GivesEffectTo => "gives effect to",
        EdgeKind::Supersedes => "supersedes",
        EdgeKind::Targets => "targets",
        EdgeKind::Measures => "measures",
        EdgeKind::DependsOn => "depends on",
        EdgeKind::Mentions => "mentions",
        EdgeKind::Follows => "follows",
    }
}

fn step_row(
    idx: &PlanIndex<'_>,
    path: u32,
    step: u32,
    from: u32,
    to: u32,
    kind: EdgeKind,
    reversed: bool,
) -> PathStepRow {
    let reading = if reversed && kind == EdgeKind::Contains {
        format!("{} is part of {}", name(idx, from), name(idx, to))
    } else if reversed {
        format!("{} {} {}", name(idx, to), verb(kind), name(idx, from))
    } else {
        format!("{} {} {}", name(idx, from), verb(kind), name(idx, to))
    };
    PathStepRow {
        path,
        step,
        from: idx.id(from).to_owned(),
        to: idx.id(to).to_owned(),
        edge: kind.as_str().to_owned(),
        reversed,
        reading,
    }
}

/// Why an action counts for an outcome: one chain per node on the way up the
/// hierarchy (the action itself, its strategic action, its priority, ...) that
/// `contributes_to` the outcome, nearest first. Each chain climbs `contains`
/// edges (read backwards: "is part of") and ends with the `contributes_to` edge.
///
/// Fails with [`Error::UnknownNode`] if either id is unknown.
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let why = query::explain_contribution(&s, "action:1.1.1", "outcome:1")?;
/// let words: Vec<_> = why.rows.iter().map(|r| r.reading.as_str()).collect();
/// assert_eq!(words, [
///     "action 1.1.1 is part of strategic action 1.1",
///     "strategic action 1.1 is part of priority 1",
///     "priority 1 contributes to outcome 1",
/// ]);
/// assert!(!query::explain_contribution(&s, "action:1.1.1", "outcome:2")?.found);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::query;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let why = query::explain_contribution(&plan, "action:10.3.2", "outcome:1")?;
/// assert_eq!(why.rows.last().unwrap().reading, "priority 10 contributes to outcome 1");
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn explain_contribution(
    s: &Strategy,
    action: &str,
    outcome: &str,
) -> Result<PathExplanation, Error> {
    let idx = PlanIndex::new(s);
    let a = idx
        .resolve(s, action, None)
        .ok_or_else(|| Error::UnknownNode {
            id: action.to_owned(),
        })?;
    let o = idx
        .resolve(s, outcome, None)
        .ok_or_else(|| Error::UnknownNode {
            id: outcome.to_owned(),
        })?;
    let mut rows = Vec::new();
    let mut chain: Vec<u32> = vec![a];
    chain.extend(idx.ancestors(a));
    let mut path = 0u32;
    for (depth, &node) in chain.iter().enumerate() {
        if !idx.contributes_to.get(node).contains(&o) {
            continue;
        }
        let mut step = 0u32;
        for w in chain[..=depth].windows(2) {
            rows.push(step_row(
                &idx,
                path,
                step,
                w[0],
                w[1],
                EdgeKind::Contains,
                true,
            ));
            step += 1;
        }
        rows.push(step_row(
            &idx,
            path,
            step,
            node,
            o,
            EdgeKind::ContributesTo,
            false,
        ));
        path += 1;
    }
    Ok(PathExplanation {
        from: idx.id(a).to_owned(),
        to: idx.id(o).to_owned(),
        found: !rows.is_empty(),
        rows,
    })
}

/// The shortest chain of edges between two nodes, following edges of any kind
/// in either direction (breadth-first, visiting neighbours in canonical order,
/// so the same graph always gives the same chain). Ids or partner names are accepted.
///
/// Fails with [`Error::UnknownNode`] if either is unknown.
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let p = query::explain_path(&s, "Penumbra", "outcome:2")?;
/// let words: Vec<_> = p.rows.iter().map(|r| r.reading.as_str()).collect();
/// assert_eq!(words, [
///     "Penumbra is a member of In Care Survivors Alliance",
///     "action 1.1.2 has as key partner In Care Survivors Alliance",
///     "action 1.1.2 contributes to outcome 2",
/// ]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::query;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let p = query::explain_path(&plan, "Penumbra", "Scottish Government")?;
/// let hops: Vec<_> = p.rows.iter().map(|r| r.to.as_str()).collect();
/// assert_eq!(hops, ["partner:in-care-survivors-alliance", "action:10.3.2", "partner:scottish-government"]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn explain_path(s: &Strategy, from: &str, to: &str) -> Result<PathExplanation, Error> {
    let idx = PlanIndex::new(s);
    let a = idx
        .resolve(s, from, None)
        .ok_or_else(|| Error::UnknownNode {
            id: from.to_owned(),
        })?;
    let b = idx
        .resolve(s, to, None)
        .ok_or_else(|| Error::UnknownNode { id: to.to_owned() })?;
    // Undirected adjacency with the edge kind and whether it was reversed.
    let n = idx.len();
    let mut adj: Vec<Vec<(u32, EdgeKind, bool)>> = vec![Vec::new(); n];
    for e in s.edges() {
        let (Some(x), Some(y)) = (s.position(e.source.as_str()), s.position(e.target.as_str()))
        else {
            continue;
        };
        adj[x].push((y as u32, e.kind, false));
        adj[y].push((x as u32, e.kind, true));
    }
    for list in &mut adj {
        crate::sort::sort_by_key(list, |&(p, k, r)| (p, r, k));
    }
    let mut prev: Vec<Option<(u32, EdgeKind, bool)>> = vec![None; n];
    let mut seen = vec![false; n];
    seen[a as usize] = true;
    let mut queue = VecDeque::from([a]);
    while let Some(v) = queue.pop_front() {
        if v == b {
            break;
        }
        for &(w, k, r) in &adj[v as usize] {
            if !seen[w as usize] {
                seen[w as usize] = true;
                prev[w as usize] = Some((v, k, r));
                queue.push_back(w);
            }
        }
    }
    let mut steps = Vec::new();
    if a != b && seen[b as usize] {
        let mut cur = b;
        while let Some((p, k, r)) = prev[cur as usize] {
            steps.push((p, cur, k, r));
            cur = p;
            if cur == a {
                break;
            }
        }
        steps.reverse();
    }
    let rows: Vec<PathStepRow> = steps
        .into_iter()
        .enumerate()
        .map(|(i, (x, y, k, r))| step_row(&idx, 0, i as u32, x, y, k, r))
        .collect();
    Ok(PathExplanation {
        from: idx.id(a).to_owned(),
        to: idx.id(b).to_owned(),
        found: a == b || !rows.is_empty(),
        rows,
    })
}

row! {
    /// One action, with everything a spreadsheet row about it shows.
    pub struct ActionRow {
        /// The action's id.
        pub id: String,
        /// The action's number ("10.1.5"; empty when it has none).
        pub number: String,
        /// The action's statement.
        pub text: String,
        /// The number (else the name) of the priority containing the action.
        pub priority: Option<String>,
        /// The number (else the name) of the strategic action containing the action.
        pub strategic_action: Option<String>,
        /// The names of the partners leading it, joined by `"; "`.
        pub leads: String,
        /// The names of its key partners that do not also lead it, joined by `"; "`.
        pub key_partners: String,
        /// The first day of its deadline window, if the window has one.
        pub deadline_start: Option<Date>,
        /// The last day of its deadline window (the day it is due), if any.
        pub deadline_end: Option<Date>,
        /// The deadline as the document words it.
        pub deadline_phrase: Option<String>,
        /// The numbers (else names) of the outcomes it counts for (see the
        /// [module rules](self)), joined by `"; "`.
        pub outcomes: String,
        /// Its status (`on_track`, ...): its own `status` attribute, else its
        /// nearest container's (progress reports rate strategic actions).
        pub status: Option<String> => Category,
        /// The `status_date` attribute of the node the status comes from: the
        /// date of the report that set it.
        pub status_date: Option<Date>,
    }
}

/// One wide row per action: [`actions_table`].
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionsTable {
    /// The rows, in canonical action order.
    pub rows: Vec<ActionRow>,
}
table!(ActionsTable, ActionRow);

/// Every action as one typed row (see [`ActionRow`]), in canonical order: the
/// typed twin of the CSV actions table, for DataFrames. Built from
/// [`actions_columns`].
///
/// ```
/// use stratagraph::analysis::{ColumnType, Table};
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let t = query::actions_table(&s);
/// let first = &t.rows[0];
/// assert_eq!((first.number.as_str(), first.strategic_action.as_deref()), ("1.1.1", Some("1.1")));
/// assert_eq!(first.deadline_end.map(|d| d.to_string()).as_deref(), Some("2023-11-30"));
/// assert_eq!(t.columns()[11], "status");
/// assert_eq!(t.column_types()[11], ColumnType::Category);
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn actions_table(s: &Strategy) -> ActionsTable {
    actions_columns(s).to_table()
}

row! {
    /// One outcome and what is behind it.
    pub struct OutcomeRow {
        /// The outcome's id.
        pub id: String,
        /// The outcome's number ("3"), if it has one.
        pub number: Option<String>,
        /// The outcome's name (its label, else its number, else its id).
        pub label: String,
        /// The outcome's statement.
        pub text: String,
        /// The numbers (else names) of the priorities behind it (containing an
        /// action that counts for it, or contributing to it directly), joined by `"; "`.
        pub priorities: String,
        /// Actions that count for it (see the [module rules](self)).
        pub actions: u32,
        /// Distinct partners leading those actions.
        pub leads: u32,
        /// Distinct partners with any role on those actions.
        pub partners: u32,
        /// Whether no action counts for it (a gap).
        pub gap: bool,
    }
}

/// One row per outcome: [`outcomes_table`].
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutcomesTable {
    /// The rows, in canonical outcome order.
    pub rows: Vec<OutcomeRow>,
}
table!(OutcomesTable, OutcomeRow);

/// Every outcome with the priorities, actions and partners behind it, in
/// canonical order (see [`OutcomeRow`]).
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let t = query::outcomes_table(&s);
/// assert_eq!(t.rows.len(), 2);
/// assert_eq!((t.rows[0].id.as_str(), t.rows[0].gap), ("outcome:1", false));
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn outcomes_table(s: &Strategy) -> OutcomesTable {
    let idx = PlanIndex::new(s);
    let n = idx.len();
    let mut actions_of: Vec<Vec<u32>> = vec![Vec::new(); n];
    for a in idx.of_kind(NodeKind::Action) {
        for o in idx.outcomes_of(a) {
            actions_of[o as usize].push(a);
        }
    }
    let mut direct: Vec<Vec<u32>> = vec![Vec::new(); n];
    for p in idx.of_kind(NodeKind::Priority) {
        for &o in idx.contributes_to.get(p) {
            if let Some(list) = direct.get_mut(o as usize) {
                list.push(p);
            }
        }
    }
    let mut roles = Vec::new();
    let rows = idx
        .of_kind(NodeKind::Outcome)
        .into_iter()
        .filter_map(|o| {
            let node = idx.node(o)?;
            let acts = &actions_of[o as usize];
            let mut priorities = direct[o as usize].clone();
            let mut leads = Vec::new();
            let mut partners = Vec::new();
            for &a in acts {
                let p = idx.ancestor_of_kind(a, NodeKind::Priority);
                if p != NONE {
                    priorities.push(p);
                }
                idx.roles_into(a, &mut roles);
                for &(p, role) in &roles {
                    partners.push(p);
                    if role.is_lead() {
                        leads.push(p);
                    }
                }
            }
            for list in [&mut priorities, &mut leads, &mut partners] {
                list.sort_unstable();
                list.dedup();
            }
            let priorities: Vec<String> = priorities
                .into_iter()
                .filter_map(|p| idx.node(p).map(|n| n.number_or_name().to_owned()))
                .collect();
            Some(OutcomeRow {
                id: node.id.to_string(),
                number: node.number.clone(),
                label: node.name().to_owned(),
                text: node.statement().to_owned(),
                priorities: priorities.join("; "),
                actions: acts.len() as u32,
                leads: leads.len() as u32,
                partners: partners.len() as u32,
                gap: acts.is_empty(),
            })
        })
        .collect();
    OutcomesTable { rows }
}

row! {
    /// Where one node sits in the plan, by the [module rules](self): what a
    /// details panel or a filter needs of it. Lists are ids joined by `"; "`.
    pub struct NodeContextRow {
        /// The node's id.
        pub id: String,
        /// The node's kind.
        pub kind: String => Category,
        /// The id of its parent (its first container), if it has one.
        pub parent: Option<String>,
        /// The ids of its containers, nearest first (at most 64; a cycle stops the list).
        pub ancestors: String,
        /// The id of the nearest priority containing it.
        pub priority: Option<String>,
        /// The id of the nearest strategic action containing it.
        pub strategic_action: Option<String>,
        /// The ids of the outcomes it counts for: its own and its containers'.
        pub outcomes: String,
        /// The ids of the partners leading it.
        pub leads: String,
        /// The ids of its key partners that do not also lead it.
        pub key_partners: String,
        /// Its status: its own, else its nearest container's.
        pub status: Option<String> => Category,
        /// The id of the node the status comes from (itself, or a container).
        pub status_from: Option<String>,
        /// The `status_date` of the node the status comes from.
        pub status_date: Option<Date>,
    }
}

/// One row per node: [`node_contexts`].
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeContexts {
    /// The rows, in canonical node order.
    pub rows: Vec<NodeContextRow>,
}
table!(NodeContexts, NodeContextRow);

/// Every node's context (see [`NodeContextRow`]) in one call: its parent and
/// containers, the outcomes it counts for, its status and its partners, by the
/// same rules as [`actions_table`] (an action's `outcomes` and `status` here name
/// the same outcomes and status as its row there).
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let c = query::node_contexts(&s);
/// let a = c.rows.iter().find(|r| r.id == "action:1.1.2").unwrap();
/// assert_eq!(a.parent.as_deref(), Some("strategic-action:1.1"));
/// assert_eq!(a.outcomes, "outcome:1; outcome:2");
/// assert_eq!(a.leads, "partner:scottish-government");
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn node_contexts(s: &Strategy) -> NodeContexts {
    let idx = PlanIndex::new(s);
    let ids = |ps: &mut dyn Iterator<Item = u32>| crate::rules::join(&idx, ps, false);
    let id = |p: u32| (p != NONE).then(|| idx.id(p).to_owned());
    let mut inherited = crate::rules::InheritedOutcomes::new(idx.len());
    let (mut own, mut roles) = (Vec::new(), Vec::new());
    let rows = (0..idx.len() as u32)
        .filter_map(|p| {
            let n = idx.node(p)?;
            let outcomes = match inherited.of_action(&idx, p, &mut own) {
                Some(entry) => ids(&mut inherited.list(entry).iter().copied()),
                None => ids(&mut own.iter().copied()),
            };
            idx.roles_into(p, &mut roles);
            let status = idx.status_of(p);
            Some(NodeContextRow {
                id: n.id.to_string(),
                kind: n.kind.as_str().to_owned(),
                parent: idx.parent_of(p).and_then(id),
                ancestors: ids(&mut idx.ancestors(p).into_iter()),
                priority: id(idx.ancestor_of_kind(p, NodeKind::Priority)),
                strategic_action: id(idx.ancestor_of_kind(p, NodeKind::StrategicAction)),
                outcomes,
                leads: ids(&mut roles.iter().filter(|r| r.1.is_lead()).map(|r| r.0)),
                key_partners: ids(&mut roles.iter().filter(|r| !r.1.is_lead()).map(|r| r.0)),
                status: status.map(|(t, _)| t.to_owned()),
                status_from: status.map(|(_, q)| idx.id(q).to_owned()),
                status_date: status.and_then(|(_, q)| idx.status_date(q)),
            })
        })
        .collect();
    NodeContexts { rows }
}
