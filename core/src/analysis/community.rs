//! Communities: a deterministic Louvain method on any petgraph graph, and the
//! modularity of a partition as networkx's `community.modularity` defines it.
//!
//! Louvain (Blondel et al. 2008) moves nodes between communities while the
//! modularity rises, then merges each community into one node and repeats.
//! networkx's `louvain_communities` visits nodes in a random order; here they
//! are visited in `node_identifiers()` order and a node moves only to a
//! community with a strictly greater gain (ties keep it where it is, then
//! favour the community with the smallest index), so the same graph always
//! gives the same partition. A level stops when a sweep moves nothing; the
//! method stops when a level raises the modularity by no more than `1e-7`
//! (networkx's `threshold`).

use petgraph::visit::{IntoEdges, IntoNodeIdentifiers, NodeIndexable};

use super::centrality::weighted_adjacency;

/// A partition of a graph's nodes into communities.
#[derive(Clone, Debug, PartialEq)]
pub struct Partition {
    /// The community of each node, indexed by [`NodeIndexable::to_index`]
    /// (`usize::MAX` at indices of removed nodes). Communities are numbered
    /// from 0 in the order of their first node in `node_identifiers()` order.
    pub community: Vec<usize>,
    /// The number of communities.
    pub count: usize,
    /// The modularity of the partition (see [`modularity`]).
    pub modularity: f64,
}

/// A weighted undirected graph in compact form, for one level of Louvain.
struct Level {
    adj: Vec<Vec<(u32, f64)>>,
    /// Weight of each node's self-loop (counted once).
    self_w: Vec<f64>,
}

impl Level {
    fn degree(&self, v: usize) -> f64 {
        self.adj[v].iter().map(|&(_, w)| w).sum::<f64>() + 2.0 * self.self_w[v]
    }

    /// Total edge weight `m` (self-loops once).
    fn total(&self) -> f64 {
        let mut two_m = 0.0;
        for v in 0..self.adj.len() {
            two_m += self.degree(v);
        }
        two_m / 2.0
    }
}

fn modularity_of(level: &Level, comm: &[usize], count: usize, resolution: f64) -> f64 {
    let m = level.total();
    if m <= 0.0 {
        return 0.0;
    }
    let mut inner = vec![0.0; count];
    let mut deg = vec![0.0; count];
    for v in 0..level.adj.len() {
        let c = comm[v];
        deg[c] += level.degree(v);
        inner[c] += level.self_w[v];
        for &(t, w) in &level.adj[v] {
            if comm[t as usize] == c && (t as usize) > v {
                inner[c] += w;
            }
        }
    }
    (0..count)
        .map(|c| inner[c] / m - resolution * (deg[c] / (2.0 * m)).powi(2))
        .sum()
}

/// One level of node moves; returns each node's community (renumbered densely
/// by first node) and whether anything moved.
fn one_level(level: &Level, m: f64, resolution: f64) -> (Vec<usize>, usize, bool) {
    let n = level.adj.len();
    let mut comm: Vec<usize> = (0..n).collect();
    let k: Vec<f64> = (0..n).map(|v| level.degree(v)).collect();
    let mut tot: Vec<f64> = k.clone();
    let mut weight_to = vec![0.0f64; n];
    let mut seen: Vec<usize> = Vec::new();
    let mut in_seen = vec![false; n];
    let mut moved_any = false;
    // Bounded, in case rounding ever made two communities trade a node forever.
    for _sweep in 0..1000 {
        let mut moved = false;
        for v in 0..n {
            let old = comm[v];
            seen.clear();
            for &(t, w) in &level.adj[v] {
                let c = comm[t as usize];
                if !in_seen[c] {
                    in_seen[c] = true;
                    seen.push(c);
                }
                weight_to[c] += w;
            }
            tot[old] -= k[v];
            let kv_over = k[v] / (2.0 * m);
            let mut best = old;
            let mut best_gain = weight_to[old] - resolution * tot[old] * kv_over;
            seen.sort_unstable();
            for &c in &seen {
                if c == old {
                    continue;
                }
                let gain = weight_to[c] - resolution * tot[c] * kv_over;
                if gain > best_gain {
                    best = c;
                    best_gain = gain;
                }
            }
            for &c in &seen {
                weight_to[c] = 0.0;
                in_seen[c] = false;
            }
            tot[best] += k[v];
            if best != old {
                comm[v] = best;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    // Renumber densely, by first node.
    let mut renum = vec![usize::MAX; n];
    let mut count = 0;
    for c in comm.iter_mut() {
        if renum[*c] == usize::MAX {
            renum[*c] = count;
            count += 1;
        }
        *c = renum[*c];
    }
    (comm, count, moved_any)
}

fn aggregate(level: &Level, comm: &[usize], count: usize) -> Level {
    let mut self_w = vec![0.0; count];
    let mut rows: Vec<std::collections::BTreeMap<u32, f64>> = vec![Default::default(); count];
    for v in 0..level.adj.len() {
        let c = comm[v];
        self_w[c] += level.self_w[v];
        for &(t, w) in &level.adj[v] {
            let d = comm[t as usize];
            if d == c {
                // Each inner edge is seen from both ends: count it once.
                if (t as usize) > v {
                    self_w[c] += w;
                }
            } else {
                *rows[c].entry(d as u32).or_insert(0.0) += w;
            }
        }
    }
    Level {
        adj: rows.into_iter().map(|r| r.into_iter().collect()).collect(),
        self_w,
    }
}

fn level_of(adj: Vec<Vec<(u32, f64)>>) -> Level {
    let n = adj.len();
    let mut self_w = vec![0.0; n];
    let adj = adj
        .into_iter()
        .enumerate()
        .map(|(v, row)| {
            row.into_iter()
                .filter(|&(t, w)| {
                    if t as usize == v {
                        self_w[v] += w;
                        false
                    } else {
                        true
                    }
                })
                .collect()
        })
        .collect();
    Level { adj, self_w }
}

/// Communities by the deterministic Louvain method (see the module docs), on
/// edge weights given by `weight` (a directed graph is read as undirected;
/// weights must be finite and non-negative, others count as 0). `resolution`
/// is networkx's γ (1.0 is classic modularity).
///
/// ```
/// use petgraph::graph::UnGraph;
/// use stratagraph::analysis::community::louvain;
/// // Two triangles joined by one edge.
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]);
/// let p = louvain(&g, |_| 1.0, 1.0);
/// assert_eq!(p.community, [0, 0, 0, 1, 1, 1]);
/// assert!((p.modularity - 5.0 / 14.0).abs() < 1e-12);
/// ```
pub fn louvain<G, F>(graph: G, mut weight: F, resolution: f64) -> Partition
where
    G: IntoEdges + IntoNodeIdentifiers + NodeIndexable,
    F: FnMut(G::EdgeRef) -> f64,
{
    let (index, bound, adj) = weighted_adjacency(graph, |e| {
        let w = weight(e);
        if w.is_finite() && w > 0.0 {
            w
        } else {
            0.0
        }
    });
    let adj: Vec<Vec<(u32, f64)>> = adj
        .into_iter()
        .map(|r| r.into_iter().filter(|&(_, w)| w > 0.0).collect())
        .collect();
    let base = level_of(adj);
    let n = base.adj.len();
    let m = base.total();
    // The community of each original node.
    let mut assign: Vec<usize> = (0..n).collect();
    let mut count = n;
    if m > 0.0 {
        let mut level = level_of(base.adj.clone());
        level.self_w.clone_from(&base.self_w);
        let mut q = modularity_of(&base, &assign, count, resolution);
        loop {
            let (comm, c, moved) = one_level(&level, m, resolution);
            if !moved {
                break;
            }
            let candidate: Vec<usize> = assign.iter().map(|&a| comm[a]).collect();
            let new_q = modularity_of(&base, &candidate, c, resolution);
            if new_q - q <= 1e-7 {
                // networkx keeps the last partition that improved by more than the threshold.
                if new_q > q {
                    assign = candidate;
                    count = c;
                }
                break;
            }
            assign = candidate;
            count = c;
            q = new_q;
            level = aggregate(&level, &comm, c);
        }
    }
    // Renumber by first node (already so, but keep it explicit and total).
    let mut renum = vec![usize::MAX; count.max(1)];
    let mut next = 0;
    for a in assign.iter_mut() {
        if renum[*a] == usize::MAX {
            renum[*a] = next;
            next += 1;
        }
        *a = renum[*a];
    }
    let modularity = modularity_of(&base, &assign, next, resolution);
    let mut community = vec![usize::MAX; bound];
    for (&ix, &c) in index.iter().zip(&assign) {
        if let Some(slot) = community.get_mut(ix) {
            *slot = c;
        }
    }
    Partition {
        community,
        count: next,
        modularity,
    }
}

/// The modularity of a partition (networkx's `community.modularity(G,
/// communities, weight, resolution)`): the sum over communities of the share of
/// edge weight inside it minus γ times the square of its share of the degree
/// sum. `community` is indexed by `to_index` (as [`Partition::community`]);
/// a graph with no edge weight has modularity 0.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use stratagraph::analysis::community::modularity;
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (2, 3)]);
/// assert!((modularity(&g, |_| 1.0, &[0, 0, 1, 1], 1.0) - 0.5).abs() < 1e-12);
/// ```
pub fn modularity<G, F>(graph: G, weight: F, community: &[usize], resolution: f64) -> f64
where
    G: IntoEdges + IntoNodeIdentifiers + NodeIndexable,
    F: FnMut(G::EdgeRef) -> f64,
{
    let (index, _, adj) = weighted_adjacency(graph, weight);
    let level = level_of(adj);
    let comm: Vec<usize> = index
        .iter()
        .map(|&ix| community.get(ix).copied().unwrap_or(usize::MAX))
        .collect();
    // Dense renumbering (unknown communities become their own).
    let mut ids: Vec<usize> = comm.clone();
    ids.sort_unstable();
    ids.dedup();
    let dense: Vec<usize> = comm
        .iter()
        .map(|c| ids.binary_search(c).unwrap_or(0))
        .collect();
    modularity_of(&level, &dense, ids.len(), resolution)
}
