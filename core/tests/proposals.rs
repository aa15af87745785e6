//! Proposals from another extractor: the gate holds on any span, and what it
//! accepts is really in the text.

use proptest::prelude::*;
use stratagraph::proposals::{merge_proposals, ByteSpan, Proposals, ProposedEdge, ProposedNode};
use stratagraph::{parse_delivery_plan, EdgeKind, NodeKind};

const SEED: &str =
    include_str!("../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt");

fn node(kind: NodeKind, label: &str, text: Option<&str>, span: ByteSpan) -> ProposedNode {
    ProposedNode {
        id: None,
        kind,
        number: None,
        label: label.to_owned(),
        text: text.map(str::to_owned),
        deadline: None,
        attrs: Default::default(),
        span,
        quote: None,
    }
}

fn proposals(nodes: Vec<ProposedNode>, edges: Vec<ProposedEdge>) -> Proposals {
    Proposals {
        format: "stratagraph-proposals".to_owned(),
        version: 1,
        source: Some("test".to_owned()),
        nodes,
        edges,
    }
}

#[test]
fn the_seed_with_a_proposal_for_each_kind_of_gate() {
    let parsed = parse_delivery_plan(SEED).strategy;
    let at = |needle: &str| {
        let start = SEED.find(needle).unwrap_or(0);
        ByteSpan {
            start,
            end: start + needle.len(),
        }
    };
    let baby_box = at("the Baby Box");
    let p = proposals(
        vec![node(NodeKind::Programme, "Baby Box", None, baby_box)],
        vec![ProposedEdge {
            source: "action:10.1.3".to_owned(),
            kind: EdgeKind::Mentions,
            target: "programme:baby-box".to_owned(),
            span: baby_box,
            quote: Some("the Baby  Box".to_owned()),
        }],
    );
    let m = merge_proposals(SEED, &parsed, &p);
    assert_eq!(m.rejected, []);
    assert_eq!(m.strategy.len(), parsed.len() + 1);
    let programme = m.strategy.node("programme:baby-box");
    assert_eq!(
        programme.and_then(|n| n.span).map(|s| s.start),
        Some(baby_box.start)
    );
    assert!(m
        .strategy
        .edge("action:10.1.3", EdgeKind::Mentions, "programme:baby-box")
        .is_some());
    // The merge leaves every node of the parse as the rules made it.
    for n in parsed.nodes() {
        assert_eq!(m.strategy.node(n.id.as_str()), Some(n));
    }
    // Deterministic: the same input gives the same JSON.
    assert_eq!(
        m.strategy.to_json(),
        merge_proposals(SEED, &parsed, &p).strategy.to_json()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn the_gate_never_panics_and_accepts_only_what_is_there(
        spans in prop::collection::vec((0usize..SEED.len() + 50, 0usize..400), 0..12),
        words in prop::collection::vec("[A-Za-z ]{0,12}", 12),
    ) {
        let parsed = parse_delivery_plan(SEED).strategy;
        let nodes: Vec<ProposedNode> = spans
            .iter()
            .zip(&words)
            .map(|(&(start, len), w)| {
                // Half the proposals take their text from the span itself.
                let span = ByteSpan { start, end: start.saturating_add(len) };
                let real = SEED.get(span.start..span.end.min(SEED.len())).unwrap_or("");
                let label = if start % 2 == 0 { real.to_owned() } else { w.clone() };
                node(NodeKind::Programme, &label, None, span)
            })
            .collect();
        let edges = nodes
            .iter()
            .map(|n| ProposedEdge {
                source: "action:10.1.1".to_owned(),
                kind: EdgeKind::Mentions,
                target: format!("programme:{}", stratagraph::slug(&n.label)),
                span: n.span,
                quote: None,
            })
            .collect();
        let p = proposals(nodes, edges);
        let m = merge_proposals(SEED, &parsed, &p);
        prop_assert_eq!(m.accepted.len() + m.rejected.len(), p.nodes.len() + p.edges.len());
        for n in m.strategy.nodes().filter(|n| parsed.node(n.id.as_str()).is_none()) {
            let span = n.span.expect("an accepted proposal keeps its span");
            let there = SEED.get(span.start..span.end).unwrap_or("").to_lowercase();
            let label = n.label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            prop_assert!(there.split_whitespace().collect::<Vec<_>>().join(" ").contains(&label));
        }
    }
}
