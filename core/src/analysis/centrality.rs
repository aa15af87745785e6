//! Centrality measures on any petgraph graph, defined and normalised exactly as
//! networkx defines them, so the numbers can be checked against it (the Python
//! tests do, to 1e-9).
//!
//! Every function is generic over petgraph's visit traits and returns a vector
//! indexed by [`NodeIndexable::to_index`] (of length `node_bound()`; indices of
//! removed nodes hold `0.0`). Edges are followed as the graph gives them:
//! `edges(v)` is every incident edge of an undirected graph and the outgoing
//! edges of a directed one. Parallel edges are merged as networkx merges them
//! when it reads a multigraph: a neighbour counts once for shortest paths, the
//! smallest distance counts for weighted shortest paths, and weights add up for
//! eigenvector centrality and PageRank. Self-loops never lie on a shortest path.
//!
//! Why not petgraph's own `page_rank`: it ignores edge weights and tolerance,
//! costs O(n·V²·E) and panics on a bad damping factor; and petgraph 0.8 has no
//! betweenness or eigenvector centrality. rustworkx-core has them but pulls in
//! rayon and a large dependency tree, which the WASM build does not want. These
//! are a few hundred lines.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

use petgraph::visit::{
    EdgeRef, GraphProp, IntoEdges, IntoNodeIdentifiers, NodeCount, NodeIndexable,
};

/// How to merge parallel edges between the same two nodes.
#[derive(Clone, Copy, PartialEq)]
enum Merge {
    Min,
    Sum,
}

/// The graph in compact form: nodes `0..n` in `node_identifiers()` order,
/// adjacency lists sorted by neighbour, with one weight per neighbour.
struct Compact {
    /// `to_index` of each compact node.
    index: Vec<usize>,
    /// `node_bound()`.
    bound: usize,
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
}

impl Compact {
    fn new<G, F>(graph: G, mut weight: F, merge: Merge) -> Compact
    where
        G: IntoEdges + IntoNodeIdentifiers + NodeIndexable,
        F: FnMut(G::EdgeRef) -> f64,
    {
        let bound = graph.node_bound();
        let index: Vec<usize> = graph
            .node_identifiers()
            .map(|n| graph.to_index(n))
            .collect();
        let mut compact_of = vec![u32::MAX; bound];
        for (i, &ix) in index.iter().enumerate() {
            if let Some(slot) = compact_of.get_mut(ix) {
                *slot = i as u32;
            }
        }
        let mut offsets = Vec::with_capacity(index.len() + 1);
        let mut targets = Vec::new();
        let mut weights = Vec::new();
        let mut row: Vec<(u32, f64)> = Vec::new();
        offsets.push(0);
        for n in graph.node_identifiers() {
            row.clear();
            for e in graph.edges(n) {
                let other = if e.source() == n {
                    e.target()
                } else {
                    e.source()
                };
                let Some(&j) = compact_of.get(graph.to_index(other)) else {
                    continue;
                };
                if j != u32::MAX {
                    row.push((j, weight(e)));
                }
            }
            crate::sort::sort_by_key(&mut row, |&(j, _)| j);
            let mut k = 0;
            while k < row.len() {
                let (j, mut w) = row[k];
                k += 1;
                while k < row.len() && row[k].0 == j {
                    w = match merge {
                        Merge::Min => w.min(row[k].1),
                        Merge::Sum => w + row[k].1,
                    };
                    k += 1;
                }
                targets.push(j);
                weights.push(w);
            }
            offsets.push(targets.len());
        }
        Compact {
            index,
            bound,
            offsets,
            targets,
            weights,
        }
    }

    fn len(&self) -> usize {
        self.index.len()
    }

    fn row(&self, v: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.offsets[v], self.offsets[v + 1]);
        (&self.targets[a..b], &self.weights[a..b])
    }

    /// The reverse graph (for predecessors in a directed graph).
    fn transpose(&self) -> Compact {
        let n = self.len();
        let mut counts = vec![0usize; n + 1];
        for &t in &self.targets {
            counts[t as usize + 1] += 1;
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        let mut fill = counts.clone();
        let mut targets = vec![0u32; self.targets.len()];
        let mut weights = vec![0f64; self.weights.len()];
        for v in 0..n {
            let (ts, ws) = self.row(v);
            for (&t, &w) in ts.iter().zip(ws) {
                let slot = &mut fill[t as usize];
                targets[*slot] = v as u32;
                weights[*slot] = w;
                *slot += 1;
            }
        }
        Compact {
            index: self.index.clone(),
            bound: self.bound,
            offsets: counts,
            targets,
            weights,
        }
    }

    /// Spread compact values to a vector indexed by `to_index`.
    fn spread(&self, values: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; self.bound];
        for (&ix, &v) in self.index.iter().zip(values) {
            if let Some(slot) = out.get_mut(ix) {
                *slot = v;
            }
        }
        out
    }
}

/// Degree centrality: the number of neighbours of each node divided by `n - 1`
/// (networkx's `degree_centrality` for an undirected graph, its
/// `out_degree_centrality` for a directed one; with one node or none, every
/// value is 1, as networkx gives).
///
/// ```
/// use petgraph::graph::UnGraph;
/// use stratagraph::analysis::centrality::degree_centrality;
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// assert_eq!(degree_centrality(&g), [0.5, 1.0, 0.5]);
/// ```
pub fn degree_centrality<G>(graph: G) -> Vec<f64>
where
    G: IntoEdges + IntoNodeIdentifiers + NodeIndexable + NodeCount,
{
    let c = Compact::new(graph, |_| 1.0, Merge::Sum);
    let n = c.len();
    let values: Vec<f64> = if n <= 1 {
        vec![1.0; n]
    } else {
        let s = 1.0 / (n as f64 - 1.0);
        (0..n).map(|v| c.row(v).0.len() as f64 * s).collect()
    };
    c.spread(&values)
}

fn rescale_betweenness(values: &mut [f64], n: usize, normalized: bool, directed: bool) {
    // networkx's `_rescale` with endpoints=False and no sampling.
    if n < 3 {
        return;
    }
    let nn = (n - 1) as f64;
    let scale = if normalized {
        1.0 / (nn * (nn - 1.0))
    } else if directed {
        1.0
    } else {
        0.5
    };
    for v in values {
        *v *= scale;
    }
}

/// Shortest-path betweenness centrality, counting hops (Brandes' algorithm;
/// networkx's `betweenness_centrality(G, normalized=normalized)`, with
/// `weight=None`, `endpoints=False`, every node a source).
///
/// Normalised, a node's value is the sum over ordered pairs of other nodes
/// `(s, t)` of the share of shortest `s`–`t` paths through it, divided by
/// `(n - 1)(n - 2)`; so it lies in `[0, 1]`. Not normalised, an undirected
/// graph's sum counts each unordered pair once.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use stratagraph::analysis::centrality::betweenness_centrality;
/// // A path a - b - c - d: b lies between a and c, a and d.
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3)]);
/// assert_eq!(betweenness_centrality(&g, false), [0.0, 2.0, 2.0, 0.0]);
/// let norm = betweenness_centrality(&g, true);
/// assert!((norm[1] - 2.0 / 3.0).abs() < 1e-12);
/// ```
pub fn betweenness_centrality<G>(graph: G, normalized: bool) -> Vec<f64>
where
    G: IntoEdges + IntoNodeIdentifiers + NodeIndexable + GraphProp,
{
    let directed = graph.is_directed();
    let c = Compact::new(graph, |_| 1.0, Merge::Min);
    let rev = if directed { Some(c.transpose()) } else { None };
    let preds = rev.as_ref().unwrap_or(&c);
    let n = c.len();
    let mut bc = vec![0.0f64; n];
    let mut dist = vec![u32::MAX; n];
    let mut sigma = vec![0.0f64; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut queue: VecDeque<u32> = VecDeque::with_capacity(n);
    for s in 0..n {
        for &v in &order {
            dist[v as usize] = u32::MAX;
            sigma[v as usize] = 0.0;
            delta[v as usize] = 0.0;
        }
        order.clear();
        dist[s] = 0;
        sigma[s] = 1.0;
        queue.push_back(s as u32);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            let dv = dist[v as usize];
            let sv = sigma[v as usize];
            for &w in c.row(v as usize).0 {
                let w = w as usize;
                if dist[w] == u32::MAX {
                    dist[w] = dv + 1;
                    queue.push_back(w as u32);
                }
                if dist[w] == dv + 1 {
                    sigma[w] += sv;
                }
            }
        }
        for &w in order.iter().rev() {
            let w = w as usize;
            let dw = dist[w];
            if dw == 0 {
                continue;
            }
            let coeff = (1.0 + delta[w]) / sigma[w];
            for &v in preds.row(w).0 {
                let v = v as usize;
                if dist[v] != u32::MAX && dist[v] + 1 == dw {
                    delta[v] += sigma[v] * coeff;
                }
            }
            bc[w] += delta[w];
        }
    }
    rescale_betweenness(&mut bc, n, normalized, directed);
    c.spread(&bc)
}

/// A distance on the heap of Dijkstra's algorithm, ordered for a min-heap, ties
/// broken by insertion order (as networkx's heap of `(distance, count, ...)`).
#[derive(PartialEq)]
struct Entry {
    dist: f64,
    count: u64,
    node: u32,
}
impl Eq for Entry {}
impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> Ordering {
        other
            .dist
            .total_cmp(&self.dist)
            .then_with(|| other.count.cmp(&self.count))
    }
}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Shortest-path betweenness centrality where each edge has a length given by
/// `distance` (networkx's `betweenness_centrality(G, normalized=normalized,
/// weight=...)` with the same lengths: Dijkstra's algorithm, paths of exactly
/// equal length all count). Normalisation as in [`betweenness_centrality`].
///
/// Lengths add up along a path in the same order networkx adds them, so paths
/// tie exactly when they tie there. Returns `None` if a length is not a finite
/// number greater than zero.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use stratagraph::analysis::centrality::betweenness_centrality_weighted;
/// // A triangle whose long side (a, c) is longer than going round through b.
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (1, 2, 1.0), (0, 2, 5.0)]);
/// let b = betweenness_centrality_weighted(&g, false, |e| *e.weight()).unwrap();
/// assert_eq!(b, [0.0, 1.0, 0.0]);
/// assert!(betweenness_centrality_weighted(&g, false, |_| -1.0).is_none());
/// ```
pub fn betweenness_centrality_weighted<G, F>(
    graph: G,
    normalized: bool,
    distance: F,
) -> Option<Vec<f64>>
where
    G: IntoEdges + IntoNodeIdentifiers + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    let directed = graph.is_directed();
    let c = Compact::new(graph, distance, Merge::Min);
    if c.weights.iter().any(|&w| !(w.is_finite() && w > 0.0)) {
        return None;
    }
    let rev = if directed { Some(c.transpose()) } else { None };
    let preds = rev.as_ref().unwrap_or(&c);
    let n = c.len();
    let mut bc = vec![0.0f64; n];
    let mut dist = vec![f64::INFINITY; n];
    let mut done = vec![false; n];
    let mut sigma = vec![0.0f64; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut touched: Vec<u32> = Vec::with_capacity(n);
    let mut heap = BinaryHeap::new();
    for s in 0..n {
        for &v in &touched {
            let v = v as usize;
            dist[v] = f64::INFINITY;
            done[v] = false;
            sigma[v] = 0.0;
            delta[v] = 0.0;
        }
        touched.clear();
        order.clear();
        let mut count = 0u64;
        dist[s] = 0.0;
        touched.push(s as u32);
        heap.push(Entry {
            dist: 0.0,
            count,
            node: s as u32,
        });
        while let Some(Entry {
            dist: d, node: v, ..
        }) = heap.pop()
        {
            let v = v as usize;
            if done[v] || d > dist[v] {
                continue;
            }
            done[v] = true;
            // sigma[v]: the paths through every predecessor (all already done).
            if v == s {
                sigma[v] = 1.0;
            } else {
                let (ps, ws) = preds.row(v);
                let mut total = 0.0;
                for (&u, &w) in ps.iter().zip(ws) {
                    let u = u as usize;
                    if done[u] && dist[u] + w == d {
                        total += sigma[u];
                    }
                }
                sigma[v] = total;
            }
            order.push(v as u32);
            let (ts, ws) = c.row(v);
            for (&t, &w) in ts.iter().zip(ws) {
                let t = t as usize;
                let nd = d + w;
                if !done[t] && nd < dist[t] {
                    if dist[t] == f64::INFINITY {
                        touched.push(t as u32);
                    }
                    dist[t] = nd;
                    count += 1;
                    heap.push(Entry {
                        dist: nd,
                        count,
                        node: t as u32,
                    });
                }
            }
        }
        for &w in order.iter().rev() {
            let w = w as usize;
            if w == s {
                continue;
            }
            let coeff = (1.0 + delta[w]) / sigma[w];
            let (ps, ws) = preds.row(w);
            for (&v, &len) in ps.iter().zip(ws) {
                let v = v as usize;
                if done[v] && dist[v] + len == dist[w] {
                    delta[v] += sigma[v] * coeff;
                }
            }
            bc[w] += delta[w];
        }
    }
    rescale_betweenness(&mut bc, n, normalized, directed);
    Some(c.spread(&bc))
}

/// The result of a power iteration: the values (indexed by `to_index`), how many
/// iterations ran and whether they converged within the tolerance.
#[derive(Clone, Debug, PartialEq)]
pub struct PowerIteration {
    /// The values, indexed by [`NodeIndexable::to_index`].
    pub values: Vec<f64>,
    /// Iterations run.
    pub iterations: usize,
    /// Whether the change fell below `n * tol` (networkx raises
    /// `PowerIterationFailedConvergence` when it does not; here the last
    /// iterate is returned and this is `false`).
    pub converged: bool,
}

/// Eigenvector centrality by power iteration, exactly as networkx's
/// `eigenvector_centrality(G, max_iter, tol, weight)` computes it: start from
/// `1/n` everywhere, multiply by `A + I` (a node gains the weighted values of
/// the nodes whose edges reach it), scale to unit Euclidean length, and stop
/// when the L1 change is below `n * tol`. networkx's defaults are
/// `max_iter = 100`, `tol = 1e-6`.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use stratagraph::analysis::centrality::eigenvector_centrality;
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (0, 2), (0, 3)]);
/// let ev = eigenvector_centrality(&g, |_| 1.0, 100, 1e-6);
/// assert!(ev.converged);
/// assert!((ev.values[0] - 0.7071).abs() < 1e-3 && (ev.values[1] - 0.4082).abs() < 1e-3);
/// ```
pub fn eigenvector_centrality<G, F>(
    graph: G,
    weight: F,
    max_iter: usize,
    tol: f64,
) -> PowerIteration
where
    G: IntoEdges + IntoNodeIdentifiers + NodeIndexable,
    F: FnMut(G::EdgeRef) -> f64,
{
    let c = Compact::new(graph, weight, Merge::Sum);
    let n = c.len();
    if n == 0 {
        return PowerIteration {
            values: c.spread(&[]),
            iterations: 0,
            converged: true,
        };
    }
    let mut x = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for it in 1..=max_iter {
        next.copy_from_slice(&x);
        for (v, &xv) in x.iter().enumerate() {
            let (ts, ws) = c.row(v);
            for (&t, &w) in ts.iter().zip(ws) {
                next[t as usize] += xv * w;
            }
        }
        let norm = next.iter().map(|v| v * v).sum::<f64>().sqrt();
        let norm = if norm == 0.0 || !norm.is_finite() {
            1.0
        } else {
            norm
        };
        for v in &mut next {
            *v /= norm;
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < n as f64 * tol {
            return PowerIteration {
                values: c.spread(&x),
                iterations: it,
                converged: true,
            };
        }
    }
    PowerIteration {
        values: c.spread(&x),
        iterations: max_iter,
        converged: false,
    }
}

/// PageRank by power iteration, exactly as networkx's `pagerank(G, alpha,
/// max_iter=..., tol=..., weight=...)` computes it with no personalisation:
/// each node passes its rank along its edges in proportion to their weights; a
/// node with no outgoing weight spreads its rank evenly over all nodes; start
/// from `1/n`, stop when the L1 change is below `n * tol`. networkx's defaults
/// are `alpha = 0.85`, `max_iter = 100`, `tol = 1e-6`.
///
/// ```
/// use petgraph::graph::UnGraph;
/// use stratagraph::analysis::centrality::pagerank;
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (0, 2), (0, 3)]);
/// let pr = pagerank(&g, |_| 1.0, 0.85, 100, 1e-6);
/// assert!(pr.converged);
/// assert!((pr.values.iter().sum::<f64>() - 1.0).abs() < 1e-9);
/// assert!(pr.values[0] > pr.values[1]);
/// ```
pub fn pagerank<G, F>(graph: G, weight: F, alpha: f64, max_iter: usize, tol: f64) -> PowerIteration
where
    G: IntoEdges + IntoNodeIdentifiers + NodeIndexable,
    F: FnMut(G::EdgeRef) -> f64,
{
    let c = Compact::new(graph, weight, Merge::Sum);
    let n = c.len();
    if n == 0 {
        return PowerIteration {
            values: c.spread(&[]),
            iterations: 0,
            converged: true,
        };
    }
    let nf = n as f64;
    let out_weight: Vec<f64> = (0..n).map(|v| c.row(v).1.iter().sum()).collect();
    let dangling: Vec<usize> = (0..n).filter(|&v| out_weight[v] == 0.0).collect();
    let p = 1.0 / nf;
    let mut x = vec![p; n];
    let mut next = vec![0.0; n];
    for it in 1..=max_iter {
        next.iter_mut().for_each(|v| *v = 0.0);
        for v in 0..n {
            if out_weight[v] == 0.0 {
                continue;
            }
            let share = x[v] / out_weight[v];
            let (ts, ws) = c.row(v);
            for (&t, &w) in ts.iter().zip(ws) {
                next[t as usize] += share * w;
            }
        }
        let dangling_sum: f64 = dangling.iter().map(|&v| x[v]).sum();
        for v in &mut next {
            *v = alpha * (*v + dangling_sum * p) + (1.0 - alpha) * p;
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < nf * tol {
            return PowerIteration {
                values: c.spread(&x),
                iterations: it,
                converged: true,
            };
        }
    }
    PowerIteration {
        values: c.spread(&x),
        iterations: max_iter,
        converged: false,
    }
}

pub(crate) use self::compact_for_community::weighted_adjacency;

mod compact_for_community {
    use super::{Compact, Merge};
    use petgraph::visit::{IntoEdges, IntoNodeIdentifiers, NodeIndexable};

    /// Compact symmetric weighted adjacency for community detection:
    /// (to_index of each node, node_bound, neighbour lists with summed weights).
    #[allow(clippy::type_complexity)]
    pub(crate) fn weighted_adjacency<G, F>(
        graph: G,
        weight: F,
    ) -> (Vec<usize>, usize, Vec<Vec<(u32, f64)>>)
    where
        G: IntoEdges + IntoNodeIdentifiers + NodeIndexable,
        F: FnMut(G::EdgeRef) -> f64,
    {
        let c = Compact::new(graph, weight, Merge::Sum);
        let n = c.len();
        let mut adj: Vec<Vec<(u32, f64)>> = (0..n)
            .map(|v| {
                let (ts, ws) = c.row(v);
                ts.iter().copied().zip(ws.iter().copied()).collect()
            })
            .collect();
        // Make it symmetric (a directed graph is read as undirected): add the
        // reverse of every edge missing its twin.
        let mut extra: Vec<(u32, u32, f64)> = Vec::new();
        for (v, row) in adj.iter().enumerate() {
            for &(t, w) in row {
                let back = &adj[t as usize];
                if back.binary_search_by_key(&(v as u32), |&(j, _)| j).is_err() {
                    extra.push((t, v as u32, w));
                }
            }
        }
        for (a, b, w) in extra {
            let row = &mut adj[a as usize];
            match row.binary_search_by_key(&b, |&(j, _)| j) {
                Ok(i) => row[i].1 += w,
                Err(i) => row.insert(i, (b, w)),
            }
        }
        (c.index.clone(), c.bound, adj)
    }
}
