//! The [`Strategy`] graph: typed nodes and edges under stable string ids.

use indexmap::IndexMap;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;

use super::kind::{EdgeKind, NodeKind};
use super::node::{Attrs, Edge, Node, NodeId};
use crate::error::Error;

/// What an edge carries inside the graph (its ends are the graph's).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EdgeData {
    pub(crate) kind: EdgeKind,
    pub(crate) attrs: Attrs,
}

/// A borrowed view of one edge, with the ids of its ends. It serialises as the
/// edge's canonical JSON object.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct EdgeRef<'a> {
    /// The id of the node the edge starts from.
    pub source: &'a NodeId,
    /// The id of the node the edge points to.
    pub target: &'a NodeId,
    /// How the two are related.
    pub kind: EdgeKind,
    /// The edge's attributes.
    #[serde(skip_serializing_if = "Attrs::is_empty")]
    pub attrs: &'a Attrs,
}

impl EdgeRef<'_> {
    /// An owned copy of the edge.
    pub fn to_edge(&self) -> Edge {
        Edge {
            source: self.source.clone(),
            target: self.target.clone(),
            kind: self.kind,
            attrs: self.attrs.clone(),
        }
    }
}

/// A strategy and its delivery plan as a directed graph of typed nodes and edges.
///
/// Nodes are identified by stable string ids ([`NodeId`]); there is at most one
/// edge of each kind between two nodes. Iteration order is deterministic: nodes
/// and edges come in the order they were added, so the same input always gives
/// the same output.
///
/// ```
/// use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
///
/// let mut s = Strategy::new();
/// s.add_node(Node::new(NodeKind::Priority, "10", "People have access to support."))?;
/// s.add_node(Node::new(NodeKind::StrategicAction, "10.1", "Improve support."))?;
/// s.add_node(Node::new(NodeKind::Action, "10.1.1", "Publish guidance."))?;
/// s.add_node(Node::new(NodeKind::Partner, "Scottish Government", ""))?;
/// s.link("priority:10", EdgeKind::Contains, "strategic-action:10.1")?;
/// s.link("strategic-action:10.1", EdgeKind::Contains, "action:10.1.1")?;
/// s.link("action:10.1.1", EdgeKind::LedBy, "partner:scottish-government")?;
///
/// assert_eq!(s.len(), 4);
/// let leads: Vec<_> = s.targets("action:10.1.1", EdgeKind::LedBy).map(|n| n.label.as_str()).collect();
/// assert_eq!(leads, ["Scottish Government"]);
/// assert_eq!(s.parent("action:10.1.1").map(|n| n.id.as_str()), Some("strategic-action:10.1"));
/// # Ok::<(), stratagraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Strategy {
    graph: StableDiGraph<Node, EdgeData>,
    nodes: IndexMap<NodeId, NodeIndex>,
    edges: IndexMap<(NodeIndex, NodeIndex, EdgeKind), EdgeIndex>,
}

impl PartialEq for Strategy {
    /// Two strategies are equal when they hold the same nodes and edges in the same order.
    fn eq(&self, other: &Strategy) -> bool {
        self.len() == other.len()
            && self.edge_count() == other.edge_count()
            && self.nodes().zip(other.nodes()).all(|(a, b)| a == b)
            && self.edges().zip(other.edges()).all(|(a, b)| a == b)
    }
}

impl Strategy {
    /// An empty strategy.
    pub fn new() -> Strategy {
        Strategy::default()
    }

    /// A builder that collects nodes and edges and checks them once, in [`StrategyBuilder::build`].
    pub fn builder() -> StrategyBuilder {
        StrategyBuilder::default()
    }

    /// A strategy from nodes and edges; fails on the first duplicate id or
    /// edge whose end is missing.
    pub fn from_parts(
        nodes: impl IntoIterator<Item = Node>,
        edges: impl IntoIterator<Item = Edge>,
    ) -> Result<Strategy, Error> {
        let mut s = Strategy::new();
        for node in nodes {
            s.add_node(node)?;
        }
        for edge in edges {
            s.add_edge(edge)?;
        }
        Ok(s)
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The number of edges.
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// Whether a node has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.nodes.contains_key(id)
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes
            .get(id)
            .and_then(|&ix| self.graph.node_weight(ix))
    }

    /// The position of a node in the canonical order (0-based).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.nodes.get_index_of(id)
    }

    /// Every node, in canonical order.
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = &Node> + '_ {
        self.nodes.values().map(move |&ix| &self.graph[ix])
    }

    /// The nodes of one kind, in canonical order.
    pub fn nodes_of_kind(&self, kind: NodeKind) -> impl Iterator<Item = &Node> + '_ {
        self.nodes().filter(move |n| n.kind == kind)
    }

    /// Every edge, in canonical order.
    pub fn edges(&self) -> impl ExactSizeIterator<Item = EdgeRef<'_>> + '_ {
        self.edges
            .iter()
            .map(move |(&(s, t, _), &e)| self.edge_ref(s, t, e))
    }

    fn edge_ref(&self, s: NodeIndex, t: NodeIndex, e: EdgeIndex) -> EdgeRef<'_> {
        let data = &self.graph[e];
        EdgeRef {
            source: &self.graph[s].id,
            target: &self.graph[t].id,
            kind: data.kind,
            attrs: &data.attrs,
        }
    }

    /// Add a node; fails if its id is taken.
    pub fn add_node(&mut self, node: Node) -> Result<(), Error> {
        if self.nodes.contains_key(&node.id) {
            return Err(Error::DuplicateId {
                id: node.id.into_string(),
            });
        }
        let id = node.id.clone();
        let ix = self.graph.add_node(node);
        self.nodes.insert(id, ix);
        Ok(())
    }

    /// Add a node, or replace the data of the node with the same id (keeping its
    /// edges and position). Returns the node it replaced.
    pub fn upsert_node(&mut self, node: Node) -> Option<Node> {
        match self.nodes.get(&node.id) {
            Some(&ix) => Some(std::mem::replace(&mut self.graph[ix], node)),
            None => {
                let id = node.id.clone();
                let ix = self.graph.add_node(node);
                self.nodes.insert(id, ix);
                None
            }
        }
    }

    /// Change a node in place. The closure may change anything but the id (a
    /// changed id is put back).
    ///
    /// ```
    /// # use stratagraph::{Node, NodeKind, Strategy};
    /// let mut s = Strategy::new();
    /// s.add_node(Node::new(NodeKind::Outcome, "3", ""))?;
    /// s.update_node("outcome:3", |n| n.text = Some("People feel supported.".into()))?;
    /// assert_eq!(s.node("outcome:3").unwrap().text.as_deref(), Some("People feel supported."));
    /// # Ok::<(), stratagraph::Error>(())
    /// ```
    pub fn update_node(&mut self, id: &str, f: impl FnOnce(&mut Node)) -> Result<(), Error> {
        let ix = self.index_of(id)?;
        let node = &mut self.graph[ix];
        let original = node.id.clone();
        f(node);
        node.id = original;
        Ok(())
    }

    /// Remove a node and its edges, returning it.
    pub fn remove_node(&mut self, id: &str) -> Option<Node> {
        let ix = self.nodes.shift_remove(id)?;
        let incident: Vec<EdgeIndex> = self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .chain(self.graph.edges_directed(ix, Direction::Incoming))
            .map(|e| e.id())
            .collect();
        for e in incident {
            if let Some((s, t)) = self.graph.edge_endpoints(e) {
                let kind = self.graph[e].kind;
                self.edges.shift_remove(&(s, t, kind));
            }
        }
        self.graph.remove_node(ix)
    }

    fn index_of(&self, id: &str) -> Result<NodeIndex, Error> {
        self.nodes
            .get(id)
            .copied()
            .ok_or_else(|| Error::UnknownNode { id: id.to_owned() })
    }

    /// Add an edge between two existing nodes. Returns `false` (and replaces the
    /// attributes) if an edge of that kind already joined them.
    pub fn add_edge(&mut self, edge: Edge) -> Result<bool, Error> {
        let missing = |id: &NodeId| Error::DanglingEdge {
            from: edge.source.to_string(),
            to: edge.target.to_string(),
            kind: edge.kind.as_str(),
            missing: id.to_string(),
        };
        let s = self
            .nodes
            .get(&edge.source)
            .copied()
            .ok_or_else(|| missing(&edge.source))?;
        let t = self
            .nodes
            .get(&edge.target)
            .copied()
            .ok_or_else(|| missing(&edge.target))?;
        let key = (s, t, edge.kind);
        if let Some(&e) = self.edges.get(&key) {
            self.graph[e].attrs = edge.attrs;
            return Ok(false);
        }
        let e = self.graph.add_edge(
            s,
            t,
            EdgeData {
                kind: edge.kind,
                attrs: edge.attrs,
            },
        );
        self.edges.insert(key, e);
        Ok(true)
    }

    /// Add an edge with no attributes (see [`Strategy::add_edge`]).
    pub fn link(&mut self, source: &str, kind: EdgeKind, target: &str) -> Result<bool, Error> {
        self.add_edge(Edge::new(source, kind, target))
    }

    /// Remove an edge; returns whether it was there.
    pub fn remove_edge(&mut self, source: &str, kind: EdgeKind, target: &str) -> bool {
        let (Some(&s), Some(&t)) = (self.nodes.get(source), self.nodes.get(target)) else {
            return false;
        };
        match self.edges.shift_remove(&(s, t, kind)) {
            Some(e) => self.graph.remove_edge(e).is_some(),
            None => false,
        }
    }

    /// The edge of `kind` from `source` to `target`, if any.
    pub fn edge(&self, source: &str, kind: EdgeKind, target: &str) -> Option<EdgeRef<'_>> {
        let (&s, &t) = (self.nodes.get(source)?, self.nodes.get(target)?);
        let &e = self.edges.get(&(s, t, kind))?;
        Some(self.edge_ref(s, t, e))
    }

    fn neighbours(
        &self,
        id: &str,
        kind: EdgeKind,
        dir: Direction,
    ) -> impl Iterator<Item = &Node> + '_ {
        let mut found: Vec<NodeIndex> = match self.nodes.get(id) {
            Some(&ix) => self
                .graph
                .edges_directed(ix, dir)
                .filter(|e| e.weight().kind == kind)
                .map(|e| match dir {
                    Direction::Outgoing => e.target(),
                    Direction::Incoming => e.source(),
                })
                .collect(),
            None => Vec::new(),
        };
        crate::sort::sort_by_key(&mut found, |&ix| {
            self.nodes.get_index_of(&self.graph[ix].id)
        });
        found.into_iter().map(move |ix| &self.graph[ix])
    }

    /// The nodes that `id` points to by edges of `kind`, in canonical order
    /// (an action's leads: `targets(action, LedBy)`).
    pub fn targets(&self, id: &str, kind: EdgeKind) -> impl Iterator<Item = &Node> + '_ {
        self.neighbours(id, kind, Direction::Outgoing)
    }

    /// The nodes that point to `id` by edges of `kind`, in canonical order
    /// (the actions a partner leads: `sources(partner, LedBy)`).
    pub fn sources(&self, id: &str, kind: EdgeKind) -> impl Iterator<Item = &Node> + '_ {
        self.neighbours(id, kind, Direction::Incoming)
    }

    /// The node that contains `id` in the hierarchy (the first, if a faulty
    /// document gives several).
    pub fn parent(&self, id: &str) -> Option<&Node> {
        self.sources(id, EdgeKind::Contains).next()
    }

    /// The nodes `id` contains, in canonical order.
    pub fn children(&self, id: &str) -> impl Iterator<Item = &Node> + '_ {
        self.targets(id, EdgeKind::Contains)
    }

    /// The chain of containers of `id`, nearest first: its parent, the
    /// parent's parent, and so on, at most 64 of them and stopping at a cycle.
    pub fn ancestors(&self, id: &str) -> Vec<&Node> {
        crate::rules::containers(self, id)
    }

    /// Every edge as an owned [`Edge`], in canonical order.
    pub fn edge_list(&self) -> Vec<Edge> {
        self.edges().map(|e| e.to_edge()).collect()
    }

    /// The petgraph graph underneath, for algorithms inside the crate.
    pub(crate) fn graph(&self) -> &StableDiGraph<Node, EdgeData> {
        &self.graph
    }
}

/// Collects nodes and edges, then builds a [`Strategy`] in one go.
///
/// ```
/// use stratagraph::{EdgeKind, Node, NodeKind, Strategy};
/// let s = Strategy::builder()
///     .node(Node::new(NodeKind::Outcome, "1", "People are supported."))
///     .node(Node::new(NodeKind::Priority, "10", "Access to support."))
///     .edge("priority:10", EdgeKind::ContributesTo, "outcome:1")
///     .build()?;
/// assert_eq!(s.edge_count(), 1);
///
/// let err = Strategy::builder().edge("a", EdgeKind::Contains, "b").build().unwrap_err();
/// assert_eq!(err.code(), "dangling_edge");
/// # Ok::<(), stratagraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct StrategyBuilder {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

impl StrategyBuilder {
    /// Add a node.
    pub fn node(mut self, node: Node) -> StrategyBuilder {
        self.nodes.push(node);
        self
    }

    /// Add an edge with no attributes.
    pub fn edge(
        mut self,
        source: impl Into<NodeId>,
        kind: EdgeKind,
        target: impl Into<NodeId>,
    ) -> StrategyBuilder {
        self.edges.push(Edge::new(source, kind, target));
        self
    }

    /// Add an edge with attributes.
    pub fn add_edge(mut self, edge: Edge) -> StrategyBuilder {
        self.edges.push(edge);
        self
    }

    /// Build the strategy; fails on a duplicate id or an edge to a missing node.
    pub fn build(self) -> Result<Strategy, Error> {
        Strategy::from_parts(self.nodes, self.edges)
    }
}
