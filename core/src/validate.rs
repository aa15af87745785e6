//! Validation: every problem of a strategy at once, as [`Diagnostic`]s.
//!
//! | code | severity | what |
//! |---|---|---|
//! | `duplicate_id` | error | two nodes of a document share an id |
//! | `dangling_edge` | error | an edge of a document refers to a missing node |
//! | `duplicate_edge` | warning | a document gives the same edge (source, kind, target) twice; the later attributes are kept |
//! | `hierarchy_cycle` | error | `contains` edges form a cycle |
//! | `action_outside_strategic_action` | error | an action no strategic action contains |
//! | `undefined_outcome` | warning | an outcome is referenced but its statement is not given |
//! | `numbering_duplicate` | error | two nodes of a kind share a number |
//! | `numbering_gap` | warning | a number is skipped under a parent (10.1.1, 10.1.3) |
//! | `numbering_mismatch` | warning | a child's number does not extend its parent's (10.2.1 under 10.1) |
//! | `action_without_lead` | warning | an action has no `led_by` edge |
//! | `deadline_outside_period` | warning | a deadline falls outside the plan's period |
//! | `outcome_without_contribution` | warning | no action or priority contributes to an outcome |
//! | `idle_partner` | warning | a partner leads nothing and partners nothing |
//!
//! Diagnostics come in the order of the table, then in the canonical order of the nodes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::visit::EdgeFiltered;

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::format::json::Document;
use crate::model::{EdgeKind, Node, NodeKind, Strategy};

impl Strategy {
    /// Every problem of the strategy (see the [module docs](crate::validate)).
    ///
    /// ```
    /// use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
    /// let s = Strategy::builder()
    ///     .node(Node::new(NodeKind::StrategicAction, "10.1", "Improve support."))
    ///     .node(Node::new(NodeKind::Action, "10.1.1", "Publish guidance."))
    ///     .node(Node::new(NodeKind::Action, "10.1.3", "Train staff."))
    ///     .edge("strategic-action:10.1", EdgeKind::Contains, "action:10.1.1")
    ///     .edge("strategic-action:10.1", EdgeKind::Contains, "action:10.1.3")
    ///     .build()?;
    /// let codes: Vec<_> = s.validate().into_iter().map(|d| d.code).collect();
    /// assert_eq!(codes, ["numbering_gap", "action_without_lead", "action_without_lead"]);
    /// # Ok::<(), stratagraph::Error>(())
    /// ```
    pub fn validate(&self) -> Vec<Diagnostic> {
        validate(self)
    }
}

/// Every problem of a strategy (see the [module docs](crate::validate)).
pub fn validate(s: &Strategy) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    hierarchy_cycles(s, &mut out);
    orphan_actions(s, &mut out);
    undefined_outcomes(s, &mut out);
    numbering(s, &mut out);
    actions_without_lead(s, &mut out);
    deadlines_outside_period(s, &mut out);
    outcomes_without_contribution(s, &mut out);
    idle_partners(s, &mut out);
    out
}

/// Every problem of a document as read: duplicate ids and dangling edges, then
/// every problem of the strategy made of its first node of each id and its
/// edges whose ends exist.
pub fn validate_document(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut s = Strategy::new();
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        if let Some(&first) = first_seen.get(node.id.as_str()) {
            out.push(
                Diagnostic::new(
                    "duplicate_id",
                    Severity::Error,
                    format!(
                        "id {:?} is used by nodes #{} and #{}; the second is ignored",
                        node.id.as_str(),
                        first + 1,
                        i + 1
                    ),
                )
                .with_ids([node.id.as_str()]),
            );
            continue;
        }
        first_seen.insert(node.id.as_str(), i);
        // Cannot fail: the id is new.
        let _ = s.add_node(node.clone());
    }
    for edge in &doc.edges {
        let missing: Vec<&str> = [&edge.source, &edge.target]
            .into_iter()
            .filter(|id| !s.contains(id.as_str()))
            .map(|id| id.as_str())
            .collect();
        if missing.is_empty() {
            if let Ok(false) = s.add_edge(edge.clone()) {
                out.push(
                    Diagnostic::new(
                        "duplicate_edge",
                        Severity::Warning,
                        format!(
                            "the {} edge from {:?} to {:?} is given more than once; one is kept, with the later attributes",
                            edge.kind,
                            edge.source.as_str(),
                            edge.target.as_str()
                        ),
                    )
                    .with_ids([edge.source.as_str(), edge.target.as_str()]),
                );
            }
            continue;
        }
        out.push(
            Diagnostic::new(
                "dangling_edge",
                Severity::Error,
                format!(
                    "{} edge from {:?} to {:?} refers to missing node {}",
                    edge.kind,
                    edge.source.as_str(),
                    edge.target.as_str(),
                    missing
                        .iter()
                        .map(|m| format!("{m:?}"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
            )
            .with_ids([edge.source.as_str(), edge.target.as_str()]),
        );
    }
    out.extend(validate(&s));
    out
}

/// Read canonical JSON leniently and report every problem (see [`validate_document`]).
/// Fails only when the text is not a canonical document at all.
///
/// ```
/// let text = r#"{"format": "stratagraph", "version": 1,
///   "nodes": [{"id": "outcome:1", "kind": "outcome", "number": "1", "text": "Safe."},
///             {"id": "outcome:1", "kind": "outcome", "number": "1", "text": "Safe."}],
///   "edges": [{"source": "action:9", "target": "outcome:1", "kind": "contributes_to"}]}"#;
/// let codes: Vec<_> = stratagraph::validate_json(text)?.into_iter().map(|d| d.code).collect();
/// assert_eq!(codes, ["duplicate_id", "dangling_edge", "outcome_without_contribution"]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn validate_json(text: &str) -> Result<Vec<Diagnostic>, Error> {
    Ok(validate_document(&Document::from_json(text)?))
}

fn label(n: &Node) -> String {
    match &n.number {
        Some(num) => format!("{} {}", n.kind.as_str().replace('_', " "), num),
        None => format!("{} {:?}", n.kind.as_str().replace('_', " "), n.title()),
    }
}

fn hierarchy_cycles(s: &Strategy, out: &mut Vec<Diagnostic>) {
    let g = s.graph();
    let contains = EdgeFiltered::from_fn(g, |e| e.weight().kind == EdgeKind::Contains);
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    for scc in petgraph::algo::tarjan_scc(&contains) {
        let looped = scc.len() > 1
            || s.edge(
                g[scc[0]].id.as_str(),
                EdgeKind::Contains,
                g[scc[0]].id.as_str(),
            )
            .is_some();
        if looped {
            let mut members: Vec<usize> = scc
                .iter()
                .filter_map(|&ix| s.position(g[ix].id.as_str()))
                .collect();
            members.sort_unstable();
            cycles.push(members);
        }
    }
    crate::sort::sort(&mut cycles);
    let nodes: Vec<&Node> = s.nodes().collect();
    for members in cycles {
        let ids: Vec<&str> = members.iter().map(|&i| nodes[i].id.as_str()).collect();
        out.push(
            Diagnostic::new(
                "hierarchy_cycle",
                Severity::Error,
                format!("the hierarchy loops: {} contain each other", ids.join(", ")),
            )
            .with_ids(ids),
        );
    }
}

fn orphan_actions(s: &Strategy, out: &mut Vec<Diagnostic>) {
    for a in s.nodes_of_kind(NodeKind::Action) {
        let inside = s
            .sources(a.id.as_str(), EdgeKind::Contains)
            .any(|p| p.kind == NodeKind::StrategicAction);
        if !inside {
            out.push(
                Diagnostic::new(
                    "action_outside_strategic_action",
                    Severity::Error,
                    format!("{} is not inside any strategic action", label(a)),
                )
                .with_ids([a.id.as_str()]),
            );
        }
    }
}

fn undefined_outcomes(s: &Strategy, out: &mut Vec<Diagnostic>) {
    for o in s.nodes_of_kind(NodeKind::Outcome) {
        if o.text.as_deref().is_none_or(str::is_empty) && o.label.is_empty() {
            out.push(
                Diagnostic::new(
                    "undefined_outcome",
                    Severity::Warning,
                    format!("{} is referenced but its statement is not given", label(o)),
                )
                .with_ids([o.id.as_str()]),
            );
        }
    }
}

/// The last component of a dotted number as an integer ("10.1.3" -> 3).
fn last_component(number: &str) -> Option<u64> {
    number.rsplit('.').next()?.trim().parse().ok()
}

fn numbering(s: &Strategy, out: &mut Vec<Diagnostic>) {
    // Duplicates: two nodes of one kind with one number.
    let mut by_number: BTreeMap<(NodeKind, &str), Vec<&str>> = BTreeMap::new();
    let mut order: Vec<(NodeKind, &str)> = Vec::new();
    for n in s.nodes() {
        if let Some(num) = n.number.as_deref() {
            let entry = by_number.entry((n.kind, num)).or_default();
            if entry.is_empty() {
                order.push((n.kind, num));
            }
            entry.push(n.id.as_str());
        }
    }
    for key in order {
        let ids = &by_number[&key];
        if ids.len() > 1 {
            out.push(
                Diagnostic::new(
                    "numbering_duplicate",
                    Severity::Error,
                    format!(
                        "{} {} is numbered {} times",
                        key.0.as_str().replace('_', " "),
                        key.1,
                        ids.len()
                    ),
                )
                .with_ids(ids.iter().copied()),
            );
        }
    }
    // Gaps and mismatches: the numbered children of each numbered container.
    for parent in s.nodes() {
        let Some(pnum) = parent.number.as_deref() else {
            continue;
        };
        let mut seen: BTreeSet<u64> = BTreeSet::new();
        for child in s.children(parent.id.as_str()) {
            let Some(cnum) = child.number.as_deref() else {
                continue;
            };
            if child.kind == parent.kind {
                continue;
            }
            match cnum.rsplit_once('.') {
                Some((prefix, _)) if prefix == pnum => {
                    if let Some(k) = last_component(cnum) {
                        seen.insert(k);
                    }
                }
                _ => out.push(
                    Diagnostic::new(
                        "numbering_mismatch",
                        Severity::Warning,
                        format!("{} is numbered outside {}", label(child), label(parent)),
                    )
                    .with_ids([child.id.as_str(), parent.id.as_str()]),
                ),
            }
        }
        let Some(&max) = seen.last() else { continue };
        let missing: Vec<String> = (1..max)
            .filter(|k| !seen.contains(k))
            .map(|k| format!("{pnum}.{k}"))
            .collect();
        if !missing.is_empty() {
            out.push(
                Diagnostic::new(
                    "numbering_gap",
                    Severity::Warning,
                    format!(
                        "the numbering under {} skips {}",
                        label(parent),
                        missing.join(", ")
                    ),
                )
                .with_ids([parent.id.as_str()]),
            );
        }
    }
}

fn actions_without_lead(s: &Strategy, out: &mut Vec<Diagnostic>) {
    for a in s.nodes_of_kind(NodeKind::Action) {
        if s.targets(a.id.as_str(), EdgeKind::LedBy).next().is_none() {
            out.push(
                Diagnostic::new(
                    "action_without_lead",
                    Severity::Warning,
                    format!("{} has no lead partner", label(a)),
                )
                .with_ids([a.id.as_str()]),
            );
        }
    }
}

fn deadlines_outside_period(s: &Strategy, out: &mut Vec<Diagnostic>) {
    // The period of the nearest container that has one; else the only strategy or plan's.
    let mut fallback = s
        .nodes()
        .filter(|n| matches!(n.kind, NodeKind::Plan | NodeKind::Strategy) && n.period.is_some());
    let fallback = match (fallback.next(), fallback.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    };
    for n in s.nodes() {
        let Some(deadline) = &n.deadline else {
            continue;
        };
        let ancestors = s.ancestors(n.id.as_str());
        let holder = ancestors
            .into_iter()
            .find(|a| a.period.is_some())
            .or(fallback);
        let Some(holder) = holder else { continue };
        let Some(period) = &holder.period else {
            continue;
        };
        if !deadline.within(period) {
            out.push(
                Diagnostic::new(
                    "deadline_outside_period",
                    Severity::Warning,
                    format!(
                        "the deadline of {} ({:?}) falls outside the period of {} ({:?})",
                        label(n),
                        deadline.phrase,
                        label(holder),
                        period.phrase
                    ),
                )
                .with_ids([n.id.as_str(), holder.id.as_str()]),
            );
        }
    }
}

fn outcomes_without_contribution(s: &Strategy, out: &mut Vec<Diagnostic>) {
    for o in s.nodes_of_kind(NodeKind::Outcome) {
        if s.sources(o.id.as_str(), EdgeKind::ContributesTo)
            .next()
            .is_none()
        {
            out.push(
                Diagnostic::new(
                    "outcome_without_contribution",
                    Severity::Warning,
                    format!("no action or priority contributes to {}", label(o)),
                )
                .with_ids([o.id.as_str()]),
            );
        }
    }
}

fn idle_partners(s: &Strategy, out: &mut Vec<Diagnostic>) {
    let works = |id: &str| {
        s.sources(id, EdgeKind::LedBy).next().is_some()
            || s.sources(id, EdgeKind::KeyPartner).next().is_some()
    };
    for p in s.nodes_of_kind(NodeKind::Partner) {
        let id = p.id.as_str();
        // A member of an alliance partners through it; an alliance through its members' work is not counted.
        let through_alliance = s
            .targets(id, EdgeKind::MemberOf)
            .any(|alliance| works(alliance.id.as_str()));
        if !works(id) && !through_alliance {
            out.push(
                Diagnostic::new(
                    "idle_partner",
                    Severity::Warning,
                    format!("partner {:?} leads nothing and partners nothing", p.title()),
                )
                .with_ids([id]),
            );
        }
    }
}
