//! The partner network and the generic centrality algorithms: hand-checked
//! values, invariants (proptest) and the golden files the networkx test reads
//! (`tests/golden/<name>.centrality.json`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{check_golden, read};
use petgraph::graph::{NodeIndex, UnGraph};
use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use stratagraph::analysis::centrality::{
    betweenness_centrality, betweenness_centrality_weighted, degree_centrality,
    eigenvector_centrality, pagerank,
};
use stratagraph::analysis::community::{louvain, modularity};
use stratagraph::analysis::network::{
    partner_centrality, partner_links, partner_network, PartnerCentrality, PartnerLinkRow,
};
use stratagraph::analysis::Table;
use stratagraph::{EdgeKind, Node, NodeKind, Strategy};

fn mini() -> Strategy {
    Strategy::from_json(&read("tests/fixtures/mini-plan.json")).unwrap()
}

/// The golden of a strategy's partner network: its links and centralities, and
/// where the Python test finds the canonical JSON to rebuild it from (a golden
/// file's name under `source`, or the document itself under `strategy`).
fn centrality_golden(name: &str, s: &Strategy, source: Option<&str>) -> String {
    #[derive(serde::Serialize)]
    struct Golden<'a> {
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        strategy: Option<&'a Strategy>,
        links: Vec<PartnerLinkRow>,
        centrality: PartnerCentrality,
    }
    let golden = Golden {
        name,
        source,
        strategy: if source.is_none() { Some(s) } else { None },
        links: partner_links(s).rows,
        centrality: partner_centrality(s),
    };
    let mut text = serde_json::to_string_pretty(&golden).unwrap();
    text.push('\n');
    text
}

#[test]
fn mini_plan_network_by_hand() {
    let s = mini();
    let net = partner_network(&s);
    assert_eq!(net.graph.node_count(), 4);
    let c = partner_centrality(&s);
    let got: Vec<(&str, u32, u32, f64)> = c
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.degree, r.strength, r.betweenness))
        .collect();
    assert_eq!(
        got,
        [
            ("Scottish Government", 2, 2, 1.0 / 3.0),
            ("COSLA", 1, 1, 0.0),
            ("In Care Survivors Alliance", 1, 1, 0.0),
            ("Penumbra", 0, 0, 0.0),
        ]
    );
    // Degree centrality is degree / (n - 1).
    assert_eq!(c.rows[0].degree_centrality, 2.0 / 3.0);
    // The star SG-COSLA, SG-ICSA is one community, Penumbra another.
    let comms: Vec<u32> = c.rows.iter().map(|r| r.community).collect();
    assert_eq!(comms, [0, 0, 0, 1]);
    assert_eq!(c.communities, 2);
    // PageRank sums to 1.
    let total: f64 = c.rows.iter().map(|r| r.pagerank).sum();
    assert!((total - 1.0).abs() < 1e-12);
    assert!(c.eigenvector_converged && c.pagerank_converged);
}

#[test]
fn mini_plan_centrality_golden() {
    let s = mini();
    check_golden(
        "mini-plan.centrality.json",
        &centrality_golden("mini-plan", &s, Some("mini-plan.json")),
    );
}

/// A seeded pseudo-random plan: 60 actions under 3 priorities, 25 partners drawn
/// with a long tail (a few carry most), so the network has hubs, ties between
/// shortest paths of equal length and links of several weights.
pub fn synthetic_plan(seed: u64, actions: usize, partners: usize) -> Strategy {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |n: usize| -> usize {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n.max(1)
    };
    let mut b = Strategy::builder();
    for p in 0..partners {
        b = b.node(Node::new(NodeKind::Partner, &format!("Partner {p:02}"), ""));
    }
    for pr in 1..=3 {
        b = b.node(Node::new(
            NodeKind::Priority,
            &pr.to_string(),
            format!("Priority {pr}."),
        ));
        for sa in 1..=2 {
            let num = format!("{pr}.{sa}");
            b = b
                .node(Node::new(
                    NodeKind::StrategicAction,
                    &num,
                    format!("Strategic action {num}."),
                ))
                .edge(
                    format!("priority:{pr}"),
                    EdgeKind::Contains,
                    format!("strategic-action:{num}"),
                );
        }
    }
    for a in 0..actions {
        let pr = 1 + a % 3;
        let sa = 1 + (a / 3) % 2;
        let num = format!("{pr}.{sa}.{}", a / 6 + 1);
        let id = format!("action:{num}");
        b = b
            .node(Node::new(NodeKind::Action, &num, format!("Action {num}.")))
            .edge(
                format!("strategic-action:{pr}.{sa}"),
                EdgeKind::Contains,
                id.clone(),
            );
        // Long tail: the square of a uniform draw favours low partner numbers.
        let pick = |r: usize| (r * r * partners) / 1_000_000;
        let lead = pick(next(1000));
        b = b.edge(
            id.clone(),
            EdgeKind::LedBy,
            format!("partner:partner-{lead:02}"),
        );
        for _ in 0..next(4) {
            let p = pick(next(1000));
            if p != lead {
                b = b.edge(
                    id.clone(),
                    EdgeKind::KeyPartner,
                    format!("partner:partner-{p:02}"),
                );
            }
        }
    }
    b.build().unwrap()
}

#[test]
fn synthetic_plan_centrality_golden() {
    let s = synthetic_plan(7, 60, 25);
    let c = partner_centrality(&s);
    assert!(c.links > 20, "{} links", c.links);
    assert!(c.eigenvector_converged && c.pagerank_converged);
    check_golden(
        "synthetic-plan.centrality.json",
        &centrality_golden("synthetic-plan", &s, None),
    );
}

#[test]
fn star_and_path_by_hand() {
    // A star: the centre lies on every shortest path between two leaves.
    let star = UnGraph::<(), ()>::from_edges([(0, 1), (0, 2), (0, 3), (0, 4)]);
    assert_eq!(
        betweenness_centrality(&star, true),
        [1.0, 0.0, 0.0, 0.0, 0.0]
    );
    assert_eq!(
        betweenness_centrality(&star, false),
        [6.0, 0.0, 0.0, 0.0, 0.0]
    );
    assert_eq!(degree_centrality(&star), [1.0, 0.25, 0.25, 0.25, 0.25]);
    // A 4-cycle: each node lies on half the shortest paths between its two neighbours.
    let cycle = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3), (3, 0)]);
    assert_eq!(betweenness_centrality(&cycle, false), [0.5, 0.5, 0.5, 0.5]);
    // Directed path a -> b -> c: b lies on the one path a..c, normalised by (n-1)(n-2) = 2.
    let path = petgraph::graph::DiGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
    assert_eq!(betweenness_centrality(&path, true), [0.0, 0.5, 0.0]);
    // Weighted: a long edge is avoided.
    let tri = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (1, 2, 1.0), (0, 2, 2.0)]);
    // Two equal paths from 0 to 2 (direct, 2.0; via 1, 1.0 + 1.0): 1 gets half.
    assert_eq!(
        betweenness_centrality_weighted(&tri, false, |e| *e.weight()).unwrap(),
        [0.0, 0.5, 0.0]
    );
    // Eigenvector of a star with k leaves: centre / leaf = sqrt(k).
    let ev = eigenvector_centrality(&star, |_| 1.0, 1000, 1e-12);
    assert!(ev.converged);
    assert!((ev.values[0] / ev.values[1] - 2.0).abs() < 1e-6);
    // Removed nodes of a StableGraph keep their slot, with 0.
    let mut sg =
        petgraph::stable_graph::StableUnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3)]);
    sg.remove_node(NodeIndex::new(0));
    assert_eq!(betweenness_centrality(&sg, true), [0.0, 0.0, 1.0, 0.0]);
}

#[test]
fn louvain_is_deterministic_and_its_modularity_agrees() {
    let s = synthetic_plan(11, 90, 30);
    let net = partner_network(&s);
    let w = |e: petgraph::graph::EdgeReference<'_, stratagraph::analysis::network::Link>| {
        f64::from(e.weight().weight)
    };
    let a = louvain(&net.graph, w, 1.0);
    let b = louvain(&net.graph, w, 1.0);
    assert_eq!(a, b);
    assert!(a.count >= 2);
    let q = modularity(&net.graph, w, &a.community, 1.0);
    assert!((q - a.modularity).abs() < 1e-12);
    // Louvain beats putting everyone together (modularity 0) and singletons.
    let singletons: Vec<usize> = (0..a.community.len()).collect();
    assert!(a.modularity > modularity(&net.graph, w, &singletons, 1.0));
    assert!(a.modularity > 0.0);
}

fn arb_graph() -> impl proptest::strategy::Strategy<Value = (usize, Vec<(usize, usize, u8)>)> {
    (1usize..14).prop_flat_map(|n| (Just(n), prop::collection::vec((0..n, 0..n, 1u8..5), 0..40)))
}

proptest! {
    #[test]
    fn centralities_stay_in_bounds((n, edges) in arb_graph()) {
        let mut g = UnGraph::<(), f64>::with_capacity(n, edges.len());
        for _ in 0..n {
            g.add_node(());
        }
        for &(a, b, w) in &edges {
            if a != b && g.find_edge(NodeIndex::new(a), NodeIndex::new(b)).is_none() {
                g.add_edge(NodeIndex::new(a), NodeIndex::new(b), f64::from(w));
            }
        }
        for v in betweenness_centrality(&g, true) {
            prop_assert!((0.0..=1.0 + 1e-12).contains(&v), "{v}");
        }
        for v in betweenness_centrality_weighted(&g, true, |e| *e.weight()).unwrap() {
            prop_assert!((0.0..=1.0 + 1e-12).contains(&v), "{v}");
        }
        let pr = pagerank(&g, |e| *e.weight(), 0.85, 1000, 1e-12);
        prop_assert!((pr.values.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        prop_assert!(pr.values.iter().all(|&v| v > 0.0));
        let p = louvain(&g, |e| *e.weight(), 1.0);
        prop_assert!(p.community.iter().all(|&c| c < p.count));
        prop_assert!(p.modularity >= -0.5 - 1e-12 && p.modularity <= 1.0);
        let d = degree_centrality(&g);
        prop_assert!(d.iter().all(|&v| (0.0..=1.0).contains(&v)));
    }
}

#[test]
fn partner_tables_have_columns() {
    let s = mini();
    let c = partner_centrality(&s);
    assert_eq!(
        c.columns(),
        [
            "partner",
            "label",
            "degree",
            "strength",
            "degree_centrality",
            "betweenness",
            "betweenness_weighted",
            "eigenvector",
            "pagerank",
            "community"
        ]
    );
    assert!(c
        .columns_json()
        .contains("\"betweenness\": [\n    0.3333333333333333,"));
}
