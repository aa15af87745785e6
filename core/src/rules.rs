//! The plan's rules, written once: every table, export and binding of core
//! reads them from here.
//!
//! - A node's *parent* is its first container (the `contains` source lowest in
//!   canonical order); its *ancestors* are the parent, the parent's parent, and so
//!   on, nearest first, at most [`MAX_DEPTH`] of them and stopping at a cycle
//!   ([`PlanIndex::ancestors`], [`containers`] for a walk by id).
//! - An action *counts for* an outcome when it, or any of its ancestors
//!   (strategic action, priority, plan), `contributes_to` the outcome
//!   ([`PlanIndex::outcomes_of`]; [`InheritedOutcomes`] is the same rule worked out
//!   once per container, for tables over every action; [`action_outcomes`] applies
//!   it to a list of actions).
//! - A node's *status* is its own non-blank `status` text attribute, else its
//!   nearest ancestor's; its *status date* is the `status_date` of the node the
//!   status comes from ([`PlanIndex::status_of`]).
//! - A partner's *role* on an action is `lead` (the only `led_by` partner),
//!   `joint_lead` (one of several) or `key_partner`; a partner both leading and
//!   partnering counts as a lead only ([`PlanIndex::roles_of`]).
//! - A partner that is a `member_of` an alliance (transitively) takes the
//!   alliance's roles *through* it ([`PlanIndex::alliances`]).
//!
//! Why a module of its own, beside `model` rather than inside `analysis` or
//! `query`: the analyses, the queries, the exports and the report all read the
//! rules, and none of them should reach into another's private parts to do so.
//! The rules are answered over a [`PlanIndex`], a compact, read-only index of a
//! strategy: nodes by canonical position, and the edges the rules follow as
//! sorted adjacency lists of positions, built once in O(V + E log E) with no
//! string hashing per edge.

use petgraph::visit::{EdgeRef as _, IntoEdgeReferences, NodeIndexable};

use crate::model::{Date, EdgeKind, Node, NodeKind, Strategy};

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

/// How far up the hierarchy the rules look (plans are five levels deep; a
/// faulty document with a `contains` cycle stops here).
pub(crate) const MAX_DEPTH: usize = 64;

/// The containers above `start`, nearest first, given each node's `parent`:
/// at most [`MAX_DEPTH`] of them, ending before `start` comes round again.
/// No allocation; a cycle that does not pass through `start` repeats until
/// the bound ([`chain`] stops it at the first repeat).
pub(crate) fn up<T: Copy + PartialEq>(
    start: T,
    mut parent: impl FnMut(T) -> Option<T>,
) -> impl Iterator<Item = T> {
    let mut cur = Some(start);
    let mut left = MAX_DEPTH;
    std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        left -= 1;
        let next = parent(cur?).filter(|&p| p != start);
        cur = next;
        next
    })
}

/// The items of a walk [`up`] until one repeats: the ancestors.
pub(crate) fn chain<T: Copy + PartialEq>(walk: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for x in walk {
        if out.contains(&x) {
            break;
        }
        out.push(x);
    }
    out
}

/// The nearest container of the node `id` of `s` of `kind` (walked by id, as
/// [`containers`]; the rule of [`PlanIndex::ancestor_of_kind`]).
pub(crate) fn container_of_kind<'a>(s: &'a Strategy, id: &str, kind: NodeKind) -> Option<&'a Node> {
    let start = s.node(id)?.id.as_str();
    up(start, |cur| s.parent(cur).map(|n| n.id.as_str()))
        .filter_map(|id| s.node(id))
        .find(|n| n.kind == kind)
}

/// The ancestors of the node `id` of `s`, nearest first: the rule of
/// [`PlanIndex::ancestors`] walked by id, for a caller that holds no index
/// ([`Strategy::ancestors`]).
pub(crate) fn containers<'a>(s: &'a Strategy, id: &str) -> Vec<&'a Node> {
    let Some(start) = s.node(id) else {
        return Vec::new();
    };
    chain(up(start.id.as_str(), |cur| {
        s.parent(cur).map(|n| n.id.as_str())
    }))
    .into_iter()
    .filter_map(|id| s.node(id))
    .collect()
}

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

    /// The parent of `p` (see the module docs), if it has one.
    pub(crate) fn parent_of(&self, p: u32) -> Option<u32> {
        self.parent.get(p as usize).copied().filter(|&q| q != NONE)
    }

    /// The containers of `p`, nearest first (bounded; see [`up`]).
    fn up(&self, p: u32) -> impl Iterator<Item = u32> + '_ {
        up(p, |q| self.parent_of(q))
    }

    /// The ancestors of `p`, nearest first (bounded, stops at a cycle).
    pub(crate) fn ancestors(&self, p: u32) -> Vec<u32> {
        chain(self.up(p))
    }

    /// The first of `p` and its containers (nearest first) for which `f` gives
    /// something (bounded walk, no allocation).
    pub(crate) fn up_find<T>(&self, p: u32, f: impl FnMut(u32) -> Option<T>) -> Option<T> {
        std::iter::once(p).chain(self.up(p)).find_map(f)
    }

    /// The nearest container of `p` of `kind`, or [`NONE`] (bounded walk, no allocation).
    pub(crate) fn ancestor_of_kind(&self, p: u32, kind: NodeKind) -> u32 {
        self.up(p)
            .find(|&q| self.kind(q) == Some(kind))
            .unwrap_or(NONE)
    }

    /// The status of `p` (see the module docs) and the node it comes from.
    pub(crate) fn status_of(&self, p: u32) -> Option<(&'a str, u32)> {
        self.up_find(p, |q| match self.node(q)?.attrs.get("status")?.as_text() {
            Some(t) if !t.trim().is_empty() => Some((t, q)),
            _ => None,
        })
    }

    /// The `status_date` of the node `q` a status comes from, if it reads as a date.
    pub(crate) fn status_date(&self, q: u32) -> Option<Date> {
        self.node(q)?
            .attrs
            .get("status_date")?
            .as_text()?
            .parse()
            .ok()
    }

    /// The alliances `p` belongs to, directly or through other alliances, nearest first.
    pub(crate) fn alliances(&self, p: u32) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        let mut queue: std::collections::VecDeque<u32> =
            self.member_of.get(p).iter().copied().collect();
        while let Some(a) = queue.pop_front() {
            if a == p || out.contains(&a) || self.kind(a) != Some(NodeKind::Partner) {
                continue;
            }
            out.push(a);
            queue.extend(self.member_of.get(a).iter().copied());
        }
        out
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

/// The outcomes the actions under each container inherit from it and its
/// containers, worked out once per container from its own container's.
///
/// An entry is used only for a container whose chain of containers is a
/// plain path to a root within the walks' bound: then no action under it is
/// on that chain, so what each inherits is the same, and is what
/// [`PlanIndex::outcomes_of`] adds to an action's own. Any other container
/// (on or under a `contains` cycle, deeper than the walks go) is irregular:
/// the actions under it are worked out one by one.
pub(crate) struct InheritedOutcomes {
    state: Vec<Chain>,
    /// The inherited outcomes of each entry (sorted).
    entries: Vec<Vec<u32>>,
    path: Vec<u32>,
}

/// What is known of one node's chain of containers.
#[derive(Clone, Copy)]
enum Chain {
    Unknown,
    Irregular,
    /// The entry its actions inherit, and how many nodes the chain has
    /// (the node included).
    Known {
        entry: u32,
        depth: usize,
    },
}

impl InheritedOutcomes {
    pub(crate) fn new(nodes: usize) -> Self {
        InheritedOutcomes {
            state: vec![Chain::Unknown; nodes],
            // entry 0: nothing, what an action with no container inherits
            entries: vec![Vec::new()],
            path: Vec::new(),
        }
    }

    /// The entry the actions directly under `q` inherit ([`NONE`]: no
    /// container), or `None` when `q` is irregular.
    fn entry(&mut self, idx: &PlanIndex<'_>, q: u32) -> Option<u32> {
        self.path.clear();
        let mut cur = q;
        let (mut entry, mut depth) = loop {
            if cur == NONE {
                break (0, 0);
            }
            match self.state.get(cur as usize) {
                Some(&Chain::Known { entry, depth }) => break (entry, depth),
                Some(Chain::Unknown)
                    if self.path.len() < MAX_DEPTH && !self.path.contains(&cur) =>
                {
                    self.path.push(cur);
                    cur = idx.parent.get(cur as usize).copied().unwrap_or(NONE);
                }
                _ => {
                    // a cycle, too deep, or under an irregular container
                    for &p in &self.path {
                        self.state[p as usize] = Chain::Irregular;
                    }
                    return None;
                }
            }
        };
        for i in (0..self.path.len()).rev() {
            let p = self.path[i];
            depth += 1;
            if depth > MAX_DEPTH {
                self.state[p as usize] = Chain::Irregular;
                continue;
            }
            let inherited = &self.entries[entry as usize];
            let own = idx.contributes_to.get(p).iter().copied();
            let mut new = own.filter(|&o| {
                idx.kind(o) == Some(NodeKind::Outcome) && inherited.binary_search(&o).is_err()
            });
            if let Some(first) = new.next() {
                let mut list = inherited.clone();
                list.push(first);
                list.extend(new);
                list.sort_unstable();
                list.dedup();
                self.entries.push(list);
                entry = self.entries.len() as u32 - 1;
            }
            self.state[p as usize] = Chain::Known { entry, depth };
        }
        match self.state.get(q as usize) {
            Some(&Chain::Known { entry, .. }) => Some(entry),
            _ if q == NONE => Some(0),
            _ => None,
        }
    }

    /// The outcomes of an entry.
    pub(crate) fn list(&self, entry: u32) -> &[u32] {
        self.entries.get(entry as usize).map_or(&[], Vec::as_slice)
    }

    /// The outcomes the action `a` counts for. `Some(entry)`: exactly the
    /// outcomes of `entry` ([`InheritedOutcomes::list`]; many actions share
    /// one), and `out` is left empty; `None`: they are in `out`, sorted.
    pub(crate) fn of_action(
        &mut self,
        idx: &PlanIndex<'_>,
        a: u32,
        out: &mut Vec<u32>,
    ) -> Option<u32> {
        out.clear();
        out.extend(
            idx.contributes_to
                .get(a)
                .iter()
                .filter(|&&o| idx.kind(o) == Some(NodeKind::Outcome)),
        );
        match self.entry(idx, idx.parent_of(a).unwrap_or(NONE)) {
            Some(entry) if out.is_empty() => Some(entry),
            Some(entry) => {
                out.extend_from_slice(self.list(entry));
                out.sort_unstable();
                out.dedup();
                None
            }
            None => {
                *out = idx.outcomes_of(a);
                None
            }
        }
    }
}

/// The outcomes each action counts for (row `i` for `actions[i]`), by
/// [`InheritedOutcomes`] (each container's worked out once): what the partner
/// load and the coverage tables count.
pub(crate) fn action_outcomes(idx: &PlanIndex<'_>, actions: &[u32]) -> Csr {
    let mut inherited = InheritedOutcomes::new(idx.len());
    let mut own = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(actions.len() * 2);
    for (i, &a) in actions.iter().enumerate() {
        let list = match inherited.of_action(idx, a, &mut own) {
            Some(entry) => inherited.list(entry),
            None => &own,
        };
        pairs.extend(list.iter().map(|&o| (i as u32, o)));
    }
    Csr::from_pairs(actions.len(), pairs)
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
            (true, Some(n)) => out.push_str(n.name()),
            _ => out.push_str(idx.id(p)),
        }
    }
    out
}
