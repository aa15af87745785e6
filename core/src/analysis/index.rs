//! A compact, read-only index of a strategy for the analyses: nodes by canonical
//! position, and the edges each analysis follows as sorted adjacency lists of
//! positions. Built once in O(V + E log E), with no string hashing per edge.

use petgraph::visit::{EdgeRef as _, IntoEdgeReferences, NodeIndexable};

use crate::model::{EdgeKind, Node, NodeKind, Strategy};

/// No node.
pub(crate) const NONE: u32 = u32::MAX;

/// Sorted adjacency lists in compressed form: the targets of row `i` are
/// `targets[offsets[i]..offsets[i + 1]]`, in canonical order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    /// Build from `(row, target)` pairs over `n` rows (rows `>= n` are
    /// ignored); duplicates are dropped. A counting sort by row, then a sort
    /// of each (short) row: O(pairs).
    pub(crate) fn from_pairs(n: usize, pairs: Vec<(u32, u32)>) -> Csr {
        // offsets[r + 2] counts row r; after the prefix sums offsets[r + 1] is
        // where row r starts, and it moves to where row r ends as row r is filled.
        let mut offsets = vec![0u32; n + 2];
        for &(r, _) in &pairs {
            if let Some(c) = offsets.get_mut(r as usize + 2) {
                *c += 1;
            }
        }
        for i in 2..n + 2 {
            offsets[i] += offsets[i - 1];
        }
        let mut targets = vec![0u32; offsets[n + 1] as usize];
        for &(r, t) in &pairs {
            if let Some(slot) = offsets.get_mut(r as usize + 1) {
                targets[*slot as usize] = t;
                *slot += 1;
            }
        }
        drop(pairs);
        offsets.truncate(n + 1);
        // Sort each (short) row and drop duplicates, moving rows down in place.
        let mut kept = 0usize;
        for i in 0..n {
            let (start, end) = (offsets[i] as usize, offsets[i + 1] as usize);
            offsets[i] = kept as u32;
            let row = &mut targets[start..end];
            row.sort_unstable();
            let mut last = None;
            for j in start..end {
                let t = targets[j];
                if last != Some(t) {
                    targets[kept] = t;
                    kept += 1;
                    last = Some(t);
                }
            }
        }
        offsets[n] = kept as u32;
        targets.truncate(kept);
        Csr { offsets, targets }
    }

    /// The targets of `row`, in canonical order.
    pub(crate) fn get(&self, row: u32) -> &[u32] {
        let r = row as usize;
        match (self.offsets.get(r), self.offsets.get(r + 1)) {
            (Some(&a), Some(&b)) => self.targets.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The reverse lists: for each target, its rows (in canonical order).
    pub(crate) fn transpose(&self, n: usize) -> Csr {
        let mut pairs = Vec::with_capacity(self.targets.len());
        for r in 0..self.offsets.len().saturating_sub(1) {
            for &t in self.get(r as u32) {
                pairs.push((t, r as u32));
            }
        }
        Csr::from_pairs(n, pairs)
    }
}

/// The index (see the module docs).
pub(crate) struct PlanIndex<'a> {
    /// Nodes in canonical order.
    pub(crate) nodes: Vec<&'a Node>,
    /// The kind of each node, beside the nodes: the analyses test kinds of
    /// many nodes, and a byte array keeps that in cache.
    kinds: Vec<NodeKind>,
    /// The first container of each node (lowest canonical position), or [`NONE`].
    pub(crate) parent: Vec<u32>,
    pub(crate) contains: Csr,
    pub(crate) led_by: Csr,
    pub(crate) key_partner: Csr,
    pub(crate) contributes_to: Csr,
    pub(crate) addresses: Csr,
    pub(crate) member_of: Csr,
    pub(crate) measures: Csr,
}

/// How far up the hierarchy the analyses look (plans are five levels deep; a
/// faulty document with a `contains` cycle stops here).
pub(crate) const MAX_DEPTH: usize = 64;

impl<'a> PlanIndex<'a> {
    pub(crate) fn new(s: &'a Strategy) -> PlanIndex<'a> {
        let g = s.graph();
        let n = s.len();
        let nodes: Vec<&Node> = s.nodes().collect();
        let mut pos_of = vec![NONE; g.node_bound()];
        // Fast path: the graph's node indices usually run in canonical order
        // (they differ only after removals); `nodes()` borrows from the graph,
        // so comparing addresses tells without hashing any id.
        let mut in_order = nodes.len() == g.node_count();
        if in_order {
            for (i, (ix, n)) in g.node_indices().zip(&nodes).enumerate() {
                if !std::ptr::eq(&g[ix], *n) {
                    in_order = false;
                    break;
                }
                pos_of[ix.index()] = i as u32;
            }
        }
        if !in_order {
            for ix in g.node_indices() {
                if let (Some(slot), Some(p)) =
                    (pos_of.get_mut(ix.index()), s.position(g[ix].id.as_str()))
                {
                    *slot = p as u32;
                }
            }
        }
        let mut pairs: [Vec<(u32, u32)>; 7] = Default::default();
        for e in g.edge_references() {
            let (Some(&a), Some(&b)) = (
                pos_of.get(e.source().index()),
                pos_of.get(e.target().index()),
            ) else {
                continue;
            };
            let slot = match e.weight().kind {
                EdgeKind::Contains => 0,
                EdgeKind::LedBy => 1,
                EdgeKind::KeyPartner => 2,
                EdgeKind::ContributesTo => 3,
                EdgeKind::Addresses => 4,
                EdgeKind::MemberOf => 5,
                EdgeKind::Measures => 6,
                _ => continue,
            };
            pairs[slot].push((a, b));
        }
        let [contains, led_by, key_partner, contributes_to, addresses, member_of, measures] =
            pairs.map(|p| Csr::from_pairs(n, p));
        let containers = contains.transpose(n);
        let parent = (0..n as u32)
            .map(|i| containers.get(i).first().copied().unwrap_or(NONE))
            .collect();
        let kinds = nodes.iter().map(|n| n.kind).collect();
        PlanIndex {
            nodes,
            kinds,
            parent,
            contains,
            led_by,
            key_partner,
            contributes_to,
            addresses,
            member_of,
            measures,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(crate) fn node(&self, p: u32) -> Option<&'a Node> {
        self.nodes.get(p as usize).copied()
    }

    pub(crate) fn kind(&self, p: u32) -> Option<NodeKind> {
        self.kinds.get(p as usize).copied()
    }

    pub(crate) fn id(&self, p: u32) -> &'a str {
        self.node(p).map_or("", |n| n.id.as_str())
    }

    /// Positions of the nodes of a kind, in canonical order.
    pub(crate) fn of_kind(&self, kind: NodeKind) -> Vec<u32> {
        (0..self.len() as u32)
            .filter(|&p| self.kind(p) == Some(kind))
            .collect()
    }

    /// The chain of containers of `p`, nearest first (bounded, stops at a cycle).
    pub(crate) fn ancestors(&self, p: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut cur = p;
        while out.len() < MAX_DEPTH {
            let Some(&up) = self.parent.get(cur as usize) else {
                break;
            };
            if up == NONE || up == p || out.contains(&up) {
                break;
            }
            out.push(up);
            cur = up;
        }
        out
    }

    /// The first of `p` and its containers (nearest first) for which `f` gives
    /// something (bounded walk, no allocation).
    pub(crate) fn up_find<T>(&self, p: u32, mut f: impl FnMut(u32) -> Option<T>) -> Option<T> {
        let mut cur = p;
        for _ in 0..=MAX_DEPTH {
            if let Some(x) = f(cur) {
                return Some(x);
            }
            let up = self.parent.get(cur as usize).copied().unwrap_or(NONE);
            if up == NONE || up == p {
                return None;
            }
            cur = up;
        }
        None
    }

    /// The nearest container of `p` of `kind`, or [`NONE`] (bounded walk, no allocation).
    pub(crate) fn ancestor_of_kind(&self, p: u32, kind: NodeKind) -> u32 {
        let mut cur = p;
        for _ in 0..MAX_DEPTH {
            let up = self.parent.get(cur as usize).copied().unwrap_or(NONE);
            if up == NONE || up == p {
                return NONE;
            }
            if self.kind(up) == Some(kind) {
                return up;
            }
            cur = up;
        }
        NONE
    }

    /// The outcomes an action counts for: its own `contributes_to` targets and
    /// those of its containers, deduplicated, in canonical order.
    pub(crate) fn outcomes_of(&self, p: u32) -> Vec<u32> {
        self.inherited(p, &self.contributes_to, NodeKind::Outcome)
    }

    fn inherited(&self, p: u32, csr: &Csr, kind: NodeKind) -> Vec<u32> {
        let mut out: Vec<u32> = csr.get(p).to_vec();
        for a in self.ancestors(p) {
            out.extend_from_slice(csr.get(a));
        }
        out.retain(|&o| self.kind(o) == Some(kind));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The partners with a role on an action: `(partner, role)` with leads first,
    /// each group in canonical order; a partner both leading and partnering is a lead.
    pub(crate) fn roles_of(&self, action: u32) -> Vec<(u32, Role)> {
        let mut out = Vec::new();
        self.roles_into(action, &mut out);
        out
    }

    /// [`PlanIndex::roles_of`] into a buffer (cleared first).
    pub(crate) fn roles_into(&self, action: u32, out: &mut Vec<(u32, Role)>) {
        out.clear();
        let leads = self.led_by.get(action);
        let partner = |p: u32| self.kind(p) == Some(NodeKind::Partner);
        let joint = leads.iter().filter(|&&p| partner(p)).count() > 1;
        for &p in leads {
            if partner(p) {
                out.push((p, if joint { Role::JointLead } else { Role::Lead }));
            }
        }
        for &p in self.key_partner.get(action) {
            if partner(p) && !leads.contains(&p) {
                out.push((p, Role::KeyPartner));
            }
        }
    }

    /// Find a node by id, or a partner by name (`"COSLA"`, `"cosla"`).
    pub(crate) fn resolve(&self, s: &Strategy, key: &str, kind: Option<NodeKind>) -> Option<u32> {
        let ok = |p: u32| kind.is_none_or(|k| self.kind(p) == Some(k));
        if let Some(p) = s.position(key).map(|p| p as u32) {
            if ok(p) {
                return Some(p);
            }
        }
        let kinds: Vec<NodeKind> = match kind {
            Some(k) => vec![k],
            None => NodeKind::ALL.to_vec(),
        };
        for k in kinds {
            let id = crate::model::NodeId::of(k, key.trim());
            if let Some(p) = s.position(id.as_str()).map(|p| p as u32) {
                return Some(p);
            }
        }
        let lower = key.trim().to_lowercase();
        (0..self.len() as u32).find(|&p| {
            ok(p)
                && self
                    .node(p)
                    .is_some_and(|n| !n.label.is_empty() && n.label.to_lowercase() == lower)
        })
    }
}

/// The part a partner plays on an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Role {
    Lead,
    JointLead,
    KeyPartner,
}

impl Role {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::JointLead => "joint_lead",
            Role::KeyPartner => "key_partner",
        }
    }

    pub(crate) fn is_lead(self) -> bool {
        matches!(self, Role::Lead | Role::JointLead)
    }
}

/// Write `ids` as one cell: `"a; b; c"`.
pub(crate) fn join(idx: &PlanIndex<'_>, ps: impl IntoIterator<Item = u32>, label: bool) -> String {
    let mut out = String::new();
    for p in ps {
        if !out.is_empty() {
            out.push_str("; ");
        }
        match (label, idx.node(p)) {
            (true, Some(n)) => out.push_str(title(n)),
            _ => out.push_str(idx.id(p)),
        }
    }
    out
}

/// A node's label, else its number, else its id: what a table shows in a name column.
pub(crate) fn short_title(n: &Node) -> String {
    title(n).to_owned()
}

/// [`short_title`], borrowed.
pub(crate) fn title(n: &Node) -> &str {
    if !n.label.is_empty() {
        &n.label
    } else if let Some(num) = &n.number {
        num
    } else {
        n.id.as_str()
    }
}

/// A node's statement: its text, else its label.
pub(crate) fn statement(n: &Node) -> String {
    n.text.clone().unwrap_or_else(|| n.label.clone())
}
