//! The partner network: partners linked when they share an action, weighted by
//! how many they share; degree, betweenness, eigenvector centrality, PageRank
//! and communities of each partner.
//!
//! The network's nodes are every partner of the strategy (those sharing nothing
//! too), in canonical order. Two partners are linked when both have a direct
//! role (lead or key partner) on the same action; the link's `weight` is the
//! number of such actions. Alliance members are not linked through their
//! alliance (that would invent collaborations the plan does not name).
//!
//! The measures, each defined exactly as networkx computes it on the same graph
//! (an undirected `networkx.Graph` whose edges carry `weight`, and
//! `distance = 1 / weight`; the Python tests rebuild the graph from the
//! canonical JSON and check every value to 1e-9):
//!
//! | column | networkx |
//! |---|---|
//! | `degree_centrality` | `degree_centrality(G)` |
//! | `betweenness` | `betweenness_centrality(G)`: hops, normalised by (n−1)(n−2) |
//! | `betweenness_weighted` | `betweenness_centrality(G, weight="distance")` |
//! | `eigenvector` | `eigenvector_centrality(G, weight="weight")` (max_iter 100, tol 1e-6) |
//! | `pagerank` | `pagerank(G, alpha=0.85, weight="weight")` (max_iter 100, tol 1e-6) |
//! | `community` | deterministic Louvain on `weight` (see [`super::community`]); networkx's `modularity` of it is [`PartnerCentrality::modularity`] |

use petgraph::graph::{NodeIndex, UnGraph};
use serde::Serialize;

use super::centrality::{
    betweenness_centrality, betweenness_centrality_weighted, degree_centrality,
    eigenvector_centrality, pagerank,
};
use super::community::louvain;
use super::table::{row, table};
use crate::model::{NodeKind, Strategy};
use crate::rules::PlanIndex;

/// A link of the partner network: the actions two partners share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// How many actions they share.
    pub weight: u32,
    /// The ids of those actions, in canonical order.
    pub actions: Vec<String>,
}

/// The partner network as a petgraph graph, for algorithms of your own.
///
/// Node `i` is the `i`-th partner in canonical order; its weight is the
/// partner's id.
#[derive(Clone, Debug)]
pub struct PartnerNetwork {
    /// The graph: partner ids on nodes, [`Link`]s on edges (added in order of
    /// the first partner, then the second, both canonical).
    pub graph: UnGraph<String, Link>,
    labels: Vec<String>,
}

impl PartnerNetwork {
    /// The partner's name at a node.
    pub fn label(&self, node: NodeIndex) -> Option<&str> {
        self.labels.get(node.index()).map(String::as_str)
    }
}

/// Build the partner network (see the module docs).
///
/// ```
/// use stratagraph::{analysis::network, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let net = network::partner_network(&s);
/// assert_eq!((net.graph.node_count(), net.graph.edge_count()), (4, 2));
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::network;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let net = network::partner_network(&plan);
/// assert_eq!((net.graph.node_count(), net.graph.edge_count()), (17, 29));
/// ```
pub fn partner_network(s: &Strategy) -> PartnerNetwork {
    let idx = PlanIndex::new(s);
    let partners = idx.of_kind(NodeKind::Partner);
    let mut node_of = vec![u32::MAX; idx.len()];
    let mut graph: UnGraph<String, Link> = UnGraph::with_capacity(partners.len(), 0);
    let mut labels = Vec::with_capacity(partners.len());
    for (i, &p) in partners.iter().enumerate() {
        node_of[p as usize] = i as u32;
        graph.add_node(idx.id(p).to_owned());
        labels.push(idx.node(p).map(|n| n.name().to_owned()).unwrap_or_default());
    }
    let mut pairs: std::collections::BTreeMap<(u32, u32), Vec<u32>> = Default::default();
    for a in idx.of_kind(NodeKind::Action) {
        let mut ps: Vec<u32> = idx
            .roles_of(a)
            .into_iter()
            .map(|(p, _)| node_of[p as usize])
            .collect();
        ps.sort_unstable();
        ps.dedup();
        for (i, &x) in ps.iter().enumerate() {
            for &y in &ps[i + 1..] {
                pairs.entry((x, y)).or_default().push(a);
            }
        }
    }
    for ((x, y), acts) in pairs {
        graph.add_edge(
            NodeIndex::new(x as usize),
            NodeIndex::new(y as usize),
            Link {
                weight: acts.len() as u32,
                actions: acts.iter().map(|&a| idx.id(a).to_owned()).collect(),
            },
        );
    }
    PartnerNetwork { graph, labels }
}

row! {
    /// A link of the partner network.
    pub struct PartnerLinkRow {
        /// The first partner's id (earlier in canonical order).
        pub source: String,
        /// The second partner's id.
        pub target: String,
        /// The first partner's name.
        pub source_label: String,
        /// The second partner's name.
        pub target_label: String,
        /// How many actions they share.
        pub weight: u32,
        /// Those actions' ids, `; `-separated, in canonical order.
        pub actions: String,
    }
}

/// The links of the partner network, sorted by source then target (canonical order).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnerLinks {
    /// The rows.
    pub rows: Vec<PartnerLinkRow>,
}
table!(PartnerLinks, PartnerLinkRow);

/// The links of the partner network (see [`PartnerLinks`]).
///
/// ```
/// use stratagraph::{analysis::network, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let links = network::partner_links(&s);
/// let pairs: Vec<_> = links.rows.iter()
///     .map(|r| (r.source_label.as_str(), r.target_label.as_str(), r.weight))
///     .collect();
/// assert_eq!(pairs, [("Scottish Government", "COSLA", 1), ("Scottish Government", "In Care Survivors Alliance", 1)]);
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::network;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let heaviest = network::partner_links(&plan).rows.into_iter().max_by_key(|r| r.weight).unwrap();
/// assert_eq!((heaviest.target_label.as_str(), heaviest.weight), ("Third sector organisations", 5));
/// ```
pub fn partner_links(s: &Strategy) -> PartnerLinks {
    links_of(&partner_network(s))
}

fn links_of(net: &PartnerNetwork) -> PartnerLinks {
    let g = &net.graph;
    let rows = g
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = g.edge_endpoints(e)?;
            let link = g.edge_weight(e)?;
            Some(PartnerLinkRow {
                source: g[a].clone(),
                target: g[b].clone(),
                source_label: net.label(a).unwrap_or_default().to_owned(),
                target_label: net.label(b).unwrap_or_default().to_owned(),
                weight: link.weight,
                actions: link.actions.join("; "),
            })
        })
        .collect();
    PartnerLinks { rows }
}

row! {
    /// A partner's place in the partner network.
    pub struct PartnerCentralityRow {
        /// The partner's id.
        pub partner: String,
        /// The partner's name.
        pub label: String,
        /// Partners it shares an action with.
        pub degree: u32,
        /// Sum of its links' weights (actions shared, counted per partner).
        pub strength: u32,
        /// `degree / (n - 1)`.
        pub degree_centrality: f64,
        /// Normalised betweenness on hops (see the module docs).
        pub betweenness: f64,
        /// Normalised betweenness on distances `1 / weight`.
        pub betweenness_weighted: f64,
        /// Eigenvector centrality on weights.
        pub eigenvector: f64,
        /// PageRank on weights.
        pub pagerank: f64,
        /// Its community (0-based, numbered by first partner in canonical order).
        pub community: u32,
    }
}

/// Every partner's centralities and community, in canonical partner order,
/// with facts about the whole network.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnerCentrality {
    /// Partners (nodes of the network).
    pub nodes: u32,
    /// Links.
    pub links: u32,
    /// Communities found.
    pub communities: u32,
    /// Modularity of the communities (weighted, resolution 1).
    pub modularity: f64,
    /// Whether the eigenvector power iteration converged (networkx would raise if not).
    pub eigenvector_converged: bool,
    /// Iterations the eigenvector power iteration ran.
    pub eigenvector_iterations: u32,
    /// Whether the PageRank power iteration converged.
    pub pagerank_converged: bool,
    /// Iterations the PageRank power iteration ran.
    pub pagerank_iterations: u32,
    /// The rows.
    pub rows: Vec<PartnerCentralityRow>,
}
table!(PartnerCentrality, PartnerCentralityRow);

/// Centralities and communities of the partner network (see the module docs).
///
/// ```
/// use stratagraph::{analysis::network, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let c = network::partner_centrality(&s);
/// let sg = &c.rows[0];
/// // The Scottish Government sits between COSLA and the alliance: 2 of the
/// // (4 - 1)(4 - 2) = 6 ordered pairs of other partners.
/// assert_eq!((sg.label.as_str(), sg.degree, sg.betweenness), ("Scottish Government", 2, 2.0 / 6.0));
/// assert_eq!(c.rows[3].degree, 0); // Penumbra shares no action directly
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// On the bundled Scottish plan (priority 10):
///
/// ```
/// use stratagraph::analysis::network;
/// let plan = stratagraph::parse_delivery_plan(include_str!(
///     "../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt"
/// )).strategy;
/// let c = network::partner_centrality(&plan);
/// let sg = &c.rows[0];
/// assert_eq!((sg.label.as_str(), sg.degree), ("Scottish Government", 13));
/// assert!((sg.betweenness - 0.429167).abs() < 1e-6);
/// ```
pub fn partner_centrality(s: &Strategy) -> PartnerCentrality {
    centrality_of(&partner_network(s))
}

fn centrality_of(net: &PartnerNetwork) -> PartnerCentrality {
    let g = &net.graph;
    let weight = |e: petgraph::graph::EdgeReference<'_, Link>| f64::from(e.weight().weight);
    let deg = degree_centrality(g);
    let bc = betweenness_centrality(g, true);
    let bcw =
        betweenness_centrality_weighted(g, true, |e| 1.0 / f64::from(e.weight().weight.max(1)))
            .unwrap_or_else(|| vec![0.0; g.node_count()]);
    let ev = eigenvector_centrality(g, weight, 100, 1e-6);
    let pr = pagerank(g, weight, 0.85, 100, 1e-6);
    let part = louvain(g, weight, 1.0);
    let rows = g
        .node_indices()
        .map(|n| {
            let i = n.index();
            let at = |v: &[f64]| v.get(i).copied().unwrap_or(0.0);
            PartnerCentralityRow {
                partner: g[n].clone(),
                label: net.label(n).unwrap_or_default().to_owned(),
                degree: g.neighbors(n).count() as u32,
                strength: g.edges(n).map(|e| e.weight().weight).sum(),
                degree_centrality: at(&deg),
                betweenness: at(&bc),
                betweenness_weighted: at(&bcw),
                eigenvector: at(&ev.values),
                pagerank: at(&pr.values),
                community: part.community.get(i).map_or(0, |&c| c as u32),
            }
        })
        .collect();
    PartnerCentrality {
        nodes: g.node_count() as u32,
        links: g.edge_count() as u32,
        communities: part.count as u32,
        modularity: part.modularity,
        eigenvector_converged: ev.converged,
        eigenvector_iterations: ev.iterations as u32,
        pagerank_converged: pr.converged,
        pagerank_iterations: pr.iterations as u32,
        rows,
    }
}
