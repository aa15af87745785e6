//! Nodes and links proposed by another extractor (a language model, a person's
//! annotation), accepted only behind the same gate as the parser's own output.
//!
//! Where no rule of the parsers fits a page, a user may bring proposals as JSON
//! (`{"format": "stratagraph-proposals", "version": 1, "nodes": [...], "edges": [...]}`),
//! each with a byte span into the source text. [`merge_proposals`] accepts a
//! proposal only where
//!
//! 1. its span lies inside the text, on character boundaries, and is not empty;
//! 2. the span's text is really there: it equals the proposal's `quote` (white
//!    space folded, case kept) when one is given; otherwise it contains the
//!    node's text or label (for an edge: the target's label or number), folded
//!    and compared without case;
//! 3. its edges join nodes that exist (in the parse or among the accepted
//!    proposals), and
//! 4. the merged strategy gives no validation error that the parse alone did not
//!    give and that names the proposal's node.
//!
//! Where a proposal names a node the rules already found, the rules' value is
//! kept, an empty field is filled from the proposal, and each field on which
//! the two disagree is reported as a [`Disagreement`]. Every rejection is a
//! [`Rejection`] and a diagnostic with a stable code: nothing is dropped silently.
//!
//! ```
//! use stratagraph::proposals::{merge_proposals, Proposals};
//! use stratagraph::{parse_delivery_plan, EdgeKind};
//!
//! let text = "Priority 1\nImprove support.\nStrategic Action 1.1: Support staff.\n1.1.1 Train staff, with NHS Education for Scotland.";
//! let parsed = parse_delivery_plan(text);
//! let start = text.find("NHS Education").unwrap();
//! let proposals = Proposals::from_json(&format!(
//!     r#"{{"format": "stratagraph-proposals", "version": 1, "source": "annotator",
//!         "nodes": [{{"kind": "partner", "label": "NHS Education for Scotland",
//!                     "span": {{"start": {start}, "end": {}}}}}],
//!         "edges": [{{"source": "action:1.1.1", "kind": "led_by",
//!                     "target": "partner:nhs-education-for-scotland",
//!                     "span": {{"start": {start}, "end": {}}}}}]}}"#,
//!     text.len(), text.len()
//! ))?;
//! let merged = merge_proposals(text, &parsed.strategy, &proposals);
//! assert!(merged.rejected.is_empty());
//! assert!(merged.strategy.edge("action:1.1.1", EdgeKind::LedBy, "partner:nhs-education-for-scotland").is_some());
//! # Ok::<(), stratagraph::Error>(())
//! ```

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::format::json::{check_header, json_error, to_pretty_json, Header};
use crate::model::{
    AttrValue, Attrs, Edge, EdgeKind, Node, NodeId, NodeKind, SourceSpan, Strategy,
};
use crate::parse::date::parse_deadline;

/// The `format` of a proposals document.
pub const PROPOSALS_FORMAT: &str = "stratagraph-proposals";
/// The version of the proposals format this build reads.
pub const PROPOSALS_VERSION: u32 = 1;

/// A byte range into the source text (`start..end`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByteSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A node an extractor proposes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposedNode {
    /// The id; when missing, the conventional id of `kind` and the number (else
    /// the label, else the text) is used ([`NodeId::of`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the node stands for.
    pub kind: NodeKind,
    /// The number as written ("1.10").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// A short name (a partner's name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The statement (an action's text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A deadline phrase as written ("By Spring 2025"), read by the parser's date rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Typed attributes.
    #[serde(default, skip_serializing_if = "Attrs::is_empty")]
    pub attrs: Attrs,
    /// Where in the source text the evidence is.
    pub span: ByteSpan,
    /// The source text the extractor read at `span`, when it gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A link an extractor proposes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposedEdge {
    /// The source node's id.
    pub source: String,
    /// The kind of link.
    pub kind: EdgeKind,
    /// The target node's id.
    pub target: String,
    /// Where in the source text the evidence is.
    pub span: ByteSpan,
    /// The source text the extractor read at `span`, when it gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A proposals document: what one extractor proposes for one source text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposals {
    /// Always [`PROPOSALS_FORMAT`].
    pub format: String,
    /// Always [`PROPOSALS_VERSION`].
    pub version: u32,
    /// Who or what proposed them ("gpt-…", "annotator: A. N. Other").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The proposed nodes.
    #[serde(default)]
    pub nodes: Vec<ProposedNode>,
    /// The proposed edges.
    #[serde(default)]
    pub edges: Vec<ProposedEdge>,
}

impl Proposals {
    /// Read a proposals document; a wrong `format` or `version` is reported as
    /// such even when the rest has another shape, malformed JSON with its line
    /// and column.
    pub fn from_json(text: &str) -> Result<Proposals, Error> {
        let text = crate::format::json::without_bom(text);
        let header: Header = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        check_header(
            header.format.as_ref(),
            header.version.as_ref(),
            (PROPOSALS_FORMAT, PROPOSALS_VERSION),
        )?;
        serde_json::from_str(text).map_err(|e| json_error(&e))
    }

    /// The document as two-space indented JSON.
    pub fn to_json(&self) -> String {
        to_pretty_json(self)
    }
}

/// Which proposal a [`Rejection`] or [`Disagreement`] is about.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "list", content = "index", rename_all = "snake_case")]
pub enum ProposalRef {
    /// `nodes[i]` of the proposals document.
    Node(usize),
    /// `edges[i]` of the proposals document.
    Edge(usize),
}

/// A proposal that did not pass the gate.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// Which proposal.
    pub proposal: ProposalRef,
    /// Stable code: `proposal_span_out_of_range`, `proposal_span_mismatch`,
    /// `proposal_dangling_edge`, `proposal_kind_conflict` or `proposal_invalid`.
    pub code: String,
    /// A sentence saying why.
    pub message: String,
}

/// A field on which an accepted proposal and the rules disagree (the rules'
/// value is kept).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disagreement {
    /// Which proposal.
    pub proposal: ProposalRef,
    /// The node's id.
    pub id: String,
    /// `number`, `label`, `text` or `deadline`.
    pub field: String,
    /// What the rules found.
    pub rules: String,
    /// What the proposal says.
    pub proposed: String,
}

/// What [`merge_proposals`] gives.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposalMerge {
    /// The parse with the accepted proposals merged in.
    #[cfg_attr(feature = "ts", ts(type = "Strategy"))]
    pub strategy: Strategy,
    /// The proposals accepted, in document order (nodes first).
    pub accepted: Vec<ProposalRef>,
    /// The proposals rejected, with why.
    pub rejected: Vec<Rejection>,
    /// Where accepted proposals disagree with the rules.
    pub disagreements: Vec<Disagreement>,
    /// One diagnostic per rejection and per disagreement, with the line of the
    /// proposal's span.
    pub diagnostics: Vec<Diagnostic>,
}

impl ProposalMerge {
    /// The merge's canonical JSON: `{"strategy", "accepted", "rejected",
    /// "disagreements", "diagnostics"}`, two-space indented, ending with a
    /// newline; the same merge always gives the same bytes (what the Python
    /// and JavaScript bindings' `to_json`/`toJson` write).
    pub fn to_json(&self) -> String {
        to_pretty_json(self)
    }
}

/// Merge `proposals` for `text` into the strategy the rules parsed from it
/// (see the [module docs](self) for the gate).
pub fn merge_proposals(text: &str, parsed: &Strategy, proposals: &Proposals) -> ProposalMerge {
    let mut rejected: Vec<Rejection> = Vec::new();
    // Step 1: the span gate, which does not depend on the other proposals.
    let mut candidate_nodes: Vec<(usize, Node)> = Vec::new();
    for (i, p) in proposals.nodes.iter().enumerate() {
        let evidence = p
            .text
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&p.label);
        match check_span(text, p.span, p.quote.as_deref(), &[evidence]) {
            Ok(span) => candidate_nodes.push((i, proposed_node(p, span))),
            Err((code, message)) => rejected.push(Rejection {
                proposal: ProposalRef::Node(i),
                code: code.to_owned(),
                message,
            }),
        }
    }
    // Step 2: merge, then drop what brings a new validation error, until none does.
    let baseline: BTreeSet<(String, Vec<String>)> = errors(parsed);
    let mut excluded: BTreeSet<ProposalRef> = BTreeSet::new();
    loop {
        let round = merge_round(text, parsed, proposals, &candidate_nodes, &excluded);
        let mut blamed = Vec::new();
        for d in round.strategy.validate() {
            if d.severity != Severity::Error || baseline.contains(&(d.code.clone(), d.ids.clone()))
            {
                continue;
            }
            for (r, id) in &round.added {
                if d.ids.iter().any(|x| x == id) && !excluded.contains(r) {
                    blamed.push((*r, d.message.clone()));
                }
            }
        }
        if blamed.is_empty() {
            let mut round = round;
            rejected.append(&mut round.rejected);
            return finish(text, proposals, round, rejected);
        }
        for (r, why) in blamed {
            if excluded.insert(r) {
                rejected.push(Rejection {
                    proposal: r,
                    code: "proposal_invalid".to_owned(),
                    message: format!("merging it makes the strategy invalid: {why}"),
                });
            }
        }
    }
}

/// One merge of the candidates not excluded.
struct Round {
    strategy: Strategy,
    accepted: Vec<ProposalRef>,
    rejected: Vec<Rejection>,
    disagreements: Vec<Disagreement>,
    /// The ids each accepted proposal added (a node's id, an edge's source).
    added: Vec<(ProposalRef, String)>,
}

fn merge_round(
    text: &str,
    parsed: &Strategy,
    proposals: &Proposals,
    candidates: &[(usize, Node)],
    excluded: &BTreeSet<ProposalRef>,
) -> Round {
    let mut round = Round {
        strategy: parsed.clone(),
        accepted: Vec::new(),
        rejected: Vec::new(),
        disagreements: Vec::new(),
        added: Vec::new(),
    };
    for (i, node) in candidates {
        let r = ProposalRef::Node(*i);
        if excluded.contains(&r) {
            continue;
        }
        let id = node.id.to_string();
        match round.strategy.node(&id).cloned() {
            None => {
                if round.strategy.add_node(node.clone()).is_ok() {
                    round.accepted.push(r);
                    round.added.push((r, id));
                }
            }
            Some(existing) if existing.kind != node.kind => round.rejected.push(Rejection {
                proposal: r,
                code: "proposal_kind_conflict".to_owned(),
                message: format!(
                    "{id:?} is a {} in the parse, the proposal says {}",
                    existing.kind, node.kind
                ),
            }),
            Some(existing) => {
                let fields = [
                    ("number", existing.number.clone(), node.number.clone()),
                    (
                        "label",
                        Some(existing.label.clone()),
                        Some(node.label.clone()),
                    ),
                    ("text", existing.text.clone(), node.text.clone()),
                    (
                        "deadline",
                        existing.deadline.as_ref().map(|d| d.phrase.clone()),
                        node.deadline.as_ref().map(|d| d.phrase.clone()),
                    ),
                ];
                for (field, rules, proposed) in fields {
                    let (rules, proposed) =
                        (rules.unwrap_or_default(), proposed.unwrap_or_default());
                    if !rules.is_empty() && !proposed.is_empty() && fold(&rules) != fold(&proposed)
                    {
                        round.disagreements.push(Disagreement {
                            proposal: r,
                            id: id.clone(),
                            field: field.to_owned(),
                            rules,
                            proposed,
                        });
                    }
                }
                let filled = node.clone();
                let _ = round.strategy.update_node(&id, |n| {
                    if n.number.is_none() {
                        n.number = filled.number;
                    }
                    if n.label.is_empty() {
                        n.label = filled.label;
                    }
                    if n.text.is_none() {
                        n.text = filled.text;
                    }
                    if n.deadline.is_none() {
                        n.deadline = filled.deadline;
                    }
                    if n.span.is_none() {
                        n.span = filled.span;
                    }
                    for (k, v) in filled.attrs {
                        n.attrs.entry(k).or_insert(v);
                    }
                });
                round.accepted.push(r);
            }
        }
    }
    for (i, p) in proposals.edges.iter().enumerate() {
        let r = ProposalRef::Edge(i);
        if excluded.contains(&r) {
            continue;
        }
        let missing: Vec<&str> = [p.source.as_str(), p.target.as_str()]
            .into_iter()
            .filter(|id| !round.strategy.contains(id))
            .collect();
        if !missing.is_empty() {
            round.rejected.push(Rejection {
                proposal: r,
                code: "proposal_dangling_edge".to_owned(),
                message: format!(
                    "{} link from {:?} to {:?}: no node {}",
                    p.kind,
                    p.source,
                    p.target,
                    missing.join(" or ")
                ),
            });
            continue;
        }
        let evidence: Vec<&str> = round
            .strategy
            .node(&p.target)
            .map(|t| {
                [t.label.as_str(), t.number.as_deref().unwrap_or("")]
                    .into_iter()
                    .chain(t.attrs.get("as_written").and_then(AttrValue::as_text))
                    .collect()
            })
            .unwrap_or_default();
        if let Err((code, message)) = check_span(text, p.span, p.quote.as_deref(), &evidence) {
            round.rejected.push(Rejection {
                proposal: r,
                code: code.to_owned(),
                message,
            });
            continue;
        }
        let mut edge = Edge::new(p.source.as_str(), p.kind, p.target.as_str());
        if let Some(existing) = round.strategy.edge(&p.source, p.kind, &p.target) {
            // The rules found it too: keep their attributes.
            edge.attrs = existing.attrs.clone();
        } else {
            edge = edge.with_attr("proposed", true);
        }
        if round.strategy.add_edge(edge).is_ok() {
            round.accepted.push(r);
            round.added.push((r, p.source.clone()));
        }
    }
    round
}

fn finish(
    text: &str,
    proposals: &Proposals,
    round: Round,
    mut rejected: Vec<Rejection>,
) -> ProposalMerge {
    rejected.sort_by_key(|r| r.proposal);
    let line_of = |r: ProposalRef| {
        let span = match r {
            ProposalRef::Node(i) => proposals.nodes.get(i).map(|p| p.span),
            ProposalRef::Edge(i) => proposals.edges.get(i).map(|p| p.span),
        };
        span.and_then(|s| text.get(..s.start.min(text.len())))
            .map(|before| before.bytes().filter(|&b| b == b'\n').count() + 1)
    };
    let name = |r: ProposalRef| match r {
        ProposalRef::Node(i) => format!("proposed node {i}"),
        ProposalRef::Edge(i) => format!("proposed edge {i}"),
    };
    let mut diagnostics = Vec::new();
    for r in &rejected {
        let mut d = Diagnostic::new(
            r.code.clone(),
            Severity::Warning,
            format!("{} rejected: {}", name(r.proposal), r.message),
        );
        if let Some(line) = line_of(r.proposal) {
            d = d.at(line, None);
        }
        diagnostics.push(d);
    }
    for x in &round.disagreements {
        let mut d = Diagnostic::new(
            "proposal_disagrees",
            Severity::Info,
            format!(
                "{} disagrees with the rules on the {} of {}: the rules read {:?}, the proposal {:?}; the rules' value is kept",
                name(x.proposal),
                x.field,
                x.id,
                x.rules,
                x.proposed
            ),
        )
        .with_ids([x.id.clone()]);
        if let Some(line) = line_of(x.proposal) {
            d = d.at(line, None);
        }
        diagnostics.push(d);
    }
    ProposalMerge {
        strategy: round.strategy,
        accepted: round.accepted,
        rejected,
        disagreements: round.disagreements,
        diagnostics,
    }
}

fn errors(s: &Strategy) -> BTreeSet<(String, Vec<String>)> {
    s.validate()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.ids))
        .collect()
}

/// The node a proposal stands for, with its id, deadline and source span.
fn proposed_node(p: &ProposedNode, span: SourceSpan) -> Node {
    let id =
        match &p.id {
            Some(id) if !id.trim().is_empty() => NodeId::new(id.trim()),
            _ => {
                let key = p.number.as_deref().filter(|n| !n.is_empty()).unwrap_or(
                    if p.label.is_empty() {
                        p.text.as_deref().unwrap_or("")
                    } else {
                        &p.label
                    },
                );
                NodeId::of(p.kind, key)
            }
        };
    let mut node = Node::with_id(id, p.kind).with_span(span);
    node.number = p.number.clone();
    node.label = p.label.clone();
    node.text = p.text.clone();
    node.deadline = p.deadline.as_deref().and_then(parse_deadline);
    node.attrs = p.attrs.clone();
    node.attrs
        .insert("proposed".to_owned(), AttrValue::from(true));
    node
}

/// Check that `span` is inside `text` and that the evidence is really there;
/// on success the span as a [`SourceSpan`] (with its line).
fn check_span(
    text: &str,
    span: ByteSpan,
    quote: Option<&str>,
    evidence: &[&str],
) -> Result<SourceSpan, (&'static str, String)> {
    let Some(found) = (span.start < span.end)
        .then(|| text.get(span.start..span.end))
        .flatten()
    else {
        return Err((
            "proposal_span_out_of_range",
            format!(
                "span {}..{} is empty, past the end of the text ({} bytes) or not on a character boundary",
                span.start,
                span.end,
                text.len()
            ),
        ));
    };
    let ok = match quote {
        Some(q) => fold_ws(q) == fold_ws(found),
        None => {
            let hay = fold(found);
            evidence
                .iter()
                .map(|e| fold(e))
                .any(|e| !e.is_empty() && hay.contains(&e))
        }
    };
    if !ok {
        let shown = crate::text::head(found, 80);
        return Err((
            "proposal_span_mismatch",
            match quote {
                Some(q) => format!(
                    "the text at {}..{} is {shown:?}, not the quoted {:?}",
                    span.start,
                    span.end,
                    crate::text::head(q, 80)
                ),
                None => format!(
                    "the text at {}..{} ({shown:?}) does not contain what is proposed",
                    span.start, span.end
                ),
            },
        ));
    }
    let line = text
        .get(..span.start)
        .map_or(1, |b| b.bytes().filter(|&c| c == b'\n').count() + 1);
    Ok(SourceSpan {
        start: span.start,
        end: span.end,
        line,
    })
}

use crate::text::fold_whitespace as fold_ws;

/// [`fold_ws`], lower-cased.
fn fold(s: &str) -> String {
    fold_ws(s).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Priority 1\nImprove support.\nStrategic Action 1.1: Support staff.\n1.1.1 Train staff. Named in the plan: NHS Education for Scotland\nLead and Key Partners: Scottish Government\n1.1.2 Publish guidance by March 2025.\nLead and Key Partners: Scottish Government";

    fn doc(nodes: &str, edges: &str) -> Proposals {
        Proposals::from_json(&format!(
            r#"{{"format":"stratagraph-proposals","version":1,"nodes":[{nodes}],"edges":[{edges}]}}"#
        ))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn span_of(needle: &str) -> String {
        let start = TEXT.find(needle).unwrap_or(0);
        format!(r#"{{"start":{start},"end":{}}}"#, start + needle.len())
    }

    #[test]
    fn accepts_what_is_there_and_rejects_what_is_not() {
        let parsed = crate::parse_delivery_plan(TEXT).strategy;
        let nes = span_of("NHS Education for Scotland");
        let p = doc(
            &format!(
                r#"{{"kind":"partner","label":"NHS Education for Scotland","span":{nes}}},
                   {{"kind":"partner","label":"Public Health Scotland","span":{nes}}},
                   {{"kind":"outcome","number":"9","text":"x","span":{{"start":5,"end":9999}}}}"#
            ),
            &format!(
                r#"{{"source":"action:1.1.1","kind":"led_by","target":"partner:nhs-education-for-scotland","span":{nes}}},
                   {{"source":"action:7.7","kind":"led_by","target":"partner:nhs-education-for-scotland","span":{nes}}}"#
            ),
        );
        let m = merge_proposals(TEXT, &parsed, &p);
        let codes: Vec<(ProposalRef, &str)> = m
            .rejected
            .iter()
            .map(|r| (r.proposal, r.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                (ProposalRef::Node(1), "proposal_span_mismatch"),
                (ProposalRef::Node(2), "proposal_span_out_of_range"),
                (ProposalRef::Edge(1), "proposal_dangling_edge"),
            ]
        );
        assert!(m
            .strategy
            .edge(
                "action:1.1.1",
                EdgeKind::LedBy,
                "partner:nhs-education-for-scotland"
            )
            .is_some());
        assert_eq!(m.diagnostics.len(), 3);
        assert_eq!(m.diagnostics[0].line, Some(4));
    }

    #[test]
    fn disagreements_keep_the_rules_and_fill_the_gaps() {
        let parsed = crate::parse_delivery_plan(TEXT).strategy;
        let before = parsed.node("action:1.1.2").cloned();
        assert!(before.is_some());
        let s = span_of("1.1.2 Publish guidance by March 2025.");
        let p = doc(
            &format!(
                r#"{{"kind":"action","number":"1.1.2","text":"Publish guidance","deadline":"by March 2025","span":{s}}}"#
            ),
            "",
        );
        let m = merge_proposals(TEXT, &parsed, &p);
        assert_eq!(m.rejected, []);
        assert_eq!(m.accepted, [ProposalRef::Node(0)]);
        assert!(m.disagreements.iter().any(|d| d.field == "text"));
        assert_eq!(
            m.strategy.node("action:1.1.2").and_then(|n| n.text.clone()),
            before.and_then(|n| n.text)
        );
        assert!(m.diagnostics.iter().any(|d| d.code == "proposal_disagrees"));
    }

    #[test]
    fn a_quote_must_match_the_span() {
        let parsed = Strategy::new();
        let s = span_of("Train staff.");
        let good = doc(
            &format!(
                r#"{{"kind":"outcome","number":"4","text":"anything","span":{s},"quote":"Train   staff."}}"#
            ),
            "",
        );
        assert_eq!(merge_proposals(TEXT, &parsed, &good).rejected, []);
        let bad = doc(
            &format!(
                r#"{{"kind":"outcome","number":"4","text":"Train staff.","span":{s},"quote":"Hire staff."}}"#
            ),
            "",
        );
        let m = merge_proposals(TEXT, &parsed, &bad);
        assert_eq!(m.rejected[0].code, "proposal_span_mismatch");
        assert!(m.strategy.is_empty());
    }

    #[test]
    fn a_proposal_that_invalidates_the_plan_is_rejected() {
        // An action containing itself would be a containment cycle.
        let parsed = crate::parse_delivery_plan(TEXT).strategy;
        let s = span_of("1.1.1 Train staff.");
        let p = doc(
            "",
            &format!(
                r#"{{"source":"action:1.1.1","kind":"contains","target":"priority:1","span":{s},"quote":"1.1.1 Train staff."}}"#
            ),
        );
        let m = merge_proposals(TEXT, &parsed, &p);
        assert_eq!(m.rejected.len(), 1);
        assert_eq!(m.rejected[0].code, "proposal_invalid");
        assert!(
            m.rejected[0].message.contains("loops"),
            "{}",
            m.rejected[0].message
        );
        assert_eq!(m.strategy.validate(), parsed.validate());
        assert!(m.accepted.is_empty());
    }

    #[test]
    fn wrong_headers_are_typed_errors() {
        assert!(matches!(
            Proposals::from_json(r#"{"format":"stratagraph","version":1}"#),
            Err(Error::Format { .. })
        ));
        assert!(matches!(
            Proposals::from_json(r#"{"format":"stratagraph-proposals","version":7}"#),
            Err(Error::Version { .. })
        ));
        assert!(matches!(
            Proposals::from_json("{\n  \"format\": "),
            Err(Error::Json { line: 2, .. })
        ));
    }
}
