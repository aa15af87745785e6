//! The actions table column by column ([`actions_columns`]; the design is on
//! [`ActionColumns`]). What the actions under one container inherit from it is
//! worked out once per container (the rules' `InheritedOutcomes`).

use std::collections::HashMap;
use std::hash::Hasher;

use rustc_hash::FxHashMap;

use super::{ActionRow, ActionsTable};
use crate::model::{Date, Node, NodeKind, Strategy};
use crate::rules::{InheritedOutcomes, PlanIndex, NONE};

/// A column whose cells many rows share: each distinct cell is stored once,
/// and each row holds its index.
///
/// ```
/// use stratagraph::query::Coded;
/// let c = Coded { codes: vec![Some(0), None, Some(0)], values: vec!["1.1"] };
/// assert_eq!((c.get(0), c.get(1), c.get(2)), (Some(&"1.1"), None, Some(&"1.1")));
/// assert_eq!(c.len(), 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coded<T> {
    /// For each row, the index of its cell in `values`, or `None` when the
    /// cell is missing.
    pub codes: Vec<Option<u32>>,
    /// The cells, in the order the rows first hold them: each once, except
    /// that two different lists of partners (or outcomes) with the same names
    /// give the same text twice. The `status` column's are distinct.
    pub values: Vec<T>,
}

impl<T> Coded<T> {
    /// The cell of `row`, or `None` when it is missing (or there is no such row).
    pub fn get(&self, row: usize) -> Option<&T> {
        let code = (*self.codes.get(row)?)?;
        self.values.get(code as usize)
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Builds a [`Coded`] column of text cells keyed by a list of node positions
/// (the partners leading an action, the outcomes it counts for): a cell is
/// made only for a list not seen before. Two lists may give the same text
/// (two partners of one name): then the text is among the values twice.
struct ByList {
    column: Coded<String>,
    /// Keyed by node positions (small integers the strategy numbers itself,
    /// not text from outside): rustc's fast `FxHasher` is enough.
    by_key: FxHashMap<ListKey, u32>,
}

/// The most positions a [`ListKey`] holds inline.
const INLINE: usize = 6;

/// A list of node positions as a hash-map key: inline when short (nearly
/// every list of partners or outcomes is), so that a lookup neither allocates
/// nor follows a pointer to compare keys.
#[derive(Clone, PartialEq, Eq)]
enum ListKey {
    /// The first `len` items; the rest are zero.
    Inline { len: u8, items: [u32; INLINE] },
    /// A longer list.
    Heap(Box<[u32]>),
}

impl ListKey {
    fn new(list: &[u32]) -> ListKey {
        match list.len() {
            len @ 0..=INLINE => {
                let mut items = [0; INLINE];
                items[..len].copy_from_slice(list);
                ListKey::Inline {
                    len: len as u8,
                    items,
                }
            }
            _ => ListKey::Heap(list.into()),
        }
    }

    fn as_slice(&self) -> &[u32] {
        match self {
            ListKey::Inline { len, items } => &items[..usize::from(*len)],
            ListKey::Heap(list) => list,
        }
    }
}

impl std::hash::Hash for ListKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let list = self.as_slice();
        state.write_usize(list.len());
        for &p in list {
            state.write_u32(p);
        }
    }
}

impl ByList {
    fn new(rows: usize) -> Self {
        ByList {
            column: Coded {
                codes: Vec::with_capacity(rows),
                values: Vec::new(),
            },
            by_key: FxHashMap::default(),
        }
    }

    /// The code of `key`'s cell, made by `make` the first time.
    fn code(&mut self, key: &[u32], make: impl FnOnce() -> String) -> u32 {
        let key = ListKey::new(key);
        if let Some(&code) = self.by_key.get(&key) {
            return code;
        }
        let code = self.column.values.len() as u32;
        self.column.values.push(make());
        self.by_key.insert(key, code);
        code
    }

    fn push(&mut self, code: u32) {
        self.column.codes.push(Some(code));
    }
}

/// Builds the status column: a few distinct texts, each stored once.
#[derive(Default)]
struct ByText<'a> {
    column: Coded<&'a str>,
    by_text: HashMap<&'a str, u32>,
}

impl<'a> ByText<'a> {
    fn push(&mut self, text: Option<&'a str>) {
        let code = text.map(|t| {
            let next = self.column.values.len() as u32;
            let code = *self.by_text.entry(t).or_insert(next);
            if code == next {
                self.column.values.push(t);
            }
            code
        });
        self.column.codes.push(code);
    }
}

/// The actions table column by column: one entry per action, in canonical
/// order, each column the one of [`ActionRow`] of the same
/// name, with the same values. What [`actions_table`](super::actions_table)
/// and the DataFrame bindings are built from.
///
/// Cells are borrowed from the strategy (ids, numbers, statements, deadline
/// phrases, statuses), and a cell many actions share (the priority and
/// strategic action containing them, the partners leading them, the outcomes
/// they count for) is made once and stored once, as a [`Coded`] column: a
/// binding then makes one object per distinct cell rather than one per row.
///
/// The columns come in two parts that can be built apart (and side by side):
/// [`own`](Self::own), read from each action's node, and
/// [`context`](Self::context), from where it sits in the plan.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ActionColumns<'a> {
    /// The columns read from each action's own node ([`action_own_columns`]).
    pub own: ActionOwnColumns<'a>,
    /// The columns that come from the plan around it ([`action_context_columns`]).
    pub context: ActionContextColumns<'a>,
}

/// The columns of the actions table read from each action's own node: no
/// walk of the graph (see [`ActionColumns`]).
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ActionOwnColumns<'a> {
    /// The action's id.
    pub id: Vec<&'a str>,
    /// The action's number (empty when it has none).
    pub number: Vec<&'a str>,
    /// The action's statement.
    pub text: Vec<&'a str>,
    /// The first day of its deadline window, if any.
    pub deadline_start: Vec<Option<Date>>,
    /// The last day of its deadline window, if any.
    pub deadline_end: Vec<Option<Date>>,
    /// The deadline as the document words it.
    pub deadline_phrase: Vec<Option<&'a str>>,
}

/// The columns of the actions table that come from where each action sits in
/// the plan: its containers, partners, outcomes and status (see [`ActionColumns`]).
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ActionContextColumns<'a> {
    /// The number (else the name) of the priority containing the action.
    pub priority: Coded<&'a str>,
    /// The number (else the name) of the strategic action containing the action.
    pub strategic_action: Coded<&'a str>,
    /// The names of the partners leading it, joined by `"; "` (never missing).
    pub leads: Coded<String>,
    /// The names of its key partners that do not also lead it, joined by `"; "`
    /// (never missing).
    pub key_partners: Coded<String>,
    /// The numbers (else names) of the outcomes it counts for, joined by `"; "`
    /// (never missing).
    pub outcomes: Coded<String>,
    /// Its status: its own, else its nearest container's.
    pub status: Coded<&'a str>,
    /// The `status_date` of the node the status comes from.
    pub status_date: Vec<Option<Date>>,
}

impl ActionColumns<'_> {
    /// The number of actions (rows).
    pub fn len(&self) -> usize {
        self.own.id.len()
    }

    /// Whether there are no actions.
    pub fn is_empty(&self) -> bool {
        self.own.id.is_empty()
    }

    /// The same table row by row.
    pub fn to_table(&self) -> ActionsTable {
        let owned = |c: Option<&&str>| c.map(|s| (*s).to_owned());
        let text = |c: Option<&String>| c.cloned().unwrap_or_default();
        let (o, c) = (&self.own, &self.context);
        let rows = (0..self.len())
            .map(|i| ActionRow {
                id: o.id[i].to_owned(),
                number: o.number[i].to_owned(),
                text: o.text[i].to_owned(),
                priority: owned(c.priority.get(i)),
                strategic_action: owned(c.strategic_action.get(i)),
                leads: text(c.leads.get(i)),
                key_partners: text(c.key_partners.get(i)),
                deadline_start: o.deadline_start[i],
                deadline_end: o.deadline_end[i],
                deadline_phrase: o.deadline_phrase[i].map(str::to_owned),
                outcomes: text(c.outcomes.get(i)),
                status: owned(c.status.get(i)),
                status_date: c.status_date.get(i).copied().flatten(),
            })
            .collect();
        ActionsTable { rows }
    }
}

/// The numbers (else names) of outcomes, joined by `"; "`.
fn outcomes_cell(idx: &PlanIndex<'_>, outcomes: &[u32]) -> String {
    let mut out = String::new();
    for n in outcomes.iter().filter_map(|&o| idx.node(o)) {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(n.number_or_name());
    }
    out
}

/// The names of partners, joined by `"; "`.
fn names_cell(idx: &PlanIndex<'_>, partners: &[u32]) -> String {
    let name = |p: u32| idx.node(p).map_or_else(|| idx.id(p), Node::name);
    let len = partners.iter().map(|&p| name(p).len() + 2).sum::<usize>();
    let mut out = String::with_capacity(len.saturating_sub(2));
    for &p in partners {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(name(p));
    }
    out
}

/// Builds a [`Coded`] column keyed by node position (a container): a table
/// over every position rather than a hash map.
struct ByPosition<'a> {
    code_of: Vec<u32>,
    column: Coded<&'a str>,
}

impl<'a> ByPosition<'a> {
    fn new(nodes: usize, rows: usize) -> Self {
        ByPosition {
            code_of: vec![NONE; nodes],
            column: Coded {
                codes: Vec::with_capacity(rows),
                values: Vec::new(),
            },
        }
    }

    /// Add a row whose cell is `p`'s `cell`, or a missing cell when `p` is
    /// no node.
    fn push(&mut self, idx: &PlanIndex<'a>, p: u32, cell: fn(&'a Node) -> &'a str) {
        let code = match (self.code_of.get_mut(p as usize), idx.node(p)) {
            (Some(slot), Some(n)) => {
                if *slot == NONE {
                    *slot = self.column.values.len() as u32;
                    self.column.values.push(cell(n));
                }
                Some(*slot)
            }
            _ => None,
        };
        self.column.codes.push(code);
    }
}

/// Every action's cells, column by column (see [`ActionColumns`]): both parts,
/// [`action_own_columns`] and [`action_context_columns`].
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let c = query::actions_columns(&s);
/// assert_eq!((c.own.number[0], c.context.strategic_action.get(0)), ("1.1.1", Some(&"1.1")));
/// assert_eq!(c.to_table(), query::actions_table(&s));
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn actions_columns(s: &Strategy) -> ActionColumns<'_> {
    let idx = PlanIndex::new(s);
    let actions = idx.of_kind(NodeKind::Action);
    let mut own = ActionOwnColumns::default();
    let context = context_columns(&idx, &actions, Some(&mut own));
    ActionColumns { own, context }
}

/// The columns read from each action's own node (see [`ActionOwnColumns`]), in
/// canonical order: cheap, as it reads the nodes alone.
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// assert_eq!(query::action_own_columns(&s).id[0], "action:1.1.1");
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn action_own_columns(s: &Strategy) -> ActionOwnColumns<'_> {
    own_columns(s.nodes_of_kind(NodeKind::Action))
}

/// [`ActionOwnColumns`] of these action nodes.
fn own_columns<'a>(actions: impl Iterator<Item = &'a Node>) -> ActionOwnColumns<'a> {
    let mut cols = ActionOwnColumns::default();
    for n in actions {
        cols.push(n);
    }
    cols
}

impl<'a> ActionOwnColumns<'a> {
    /// Add the row of the action `n`.
    fn push(&mut self, n: &'a Node) {
        self.id.push(n.id.as_str());
        self.number.push(n.number.as_deref().unwrap_or_default());
        self.text.push(n.statement());
        let deadline = n.deadline.as_ref();
        self.deadline_start.push(deadline.and_then(|d| d.start));
        self.deadline_end.push(deadline.and_then(|d| d.end));
        self.deadline_phrase
            .push(deadline.map(|d| d.phrase.as_str()));
    }
}

/// The columns that come from where each action sits in the plan (see
/// [`ActionContextColumns`]), in canonical order, the same rows as
/// [`action_own_columns`]: this part walks the plan.
///
/// ```
/// use stratagraph::{query, Strategy};
/// let s = Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json"))?;
/// let c = query::action_context_columns(&s);
/// assert_eq!(c.priority.len(), query::action_own_columns(&s).id.len());
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn action_context_columns(s: &Strategy) -> ActionContextColumns<'_> {
    let idx = PlanIndex::new(s);
    context_columns(&idx, &idx.of_kind(NodeKind::Action), None)
}

/// [`ActionContextColumns`] of the actions at these positions of `idx`.
/// With `own_cells`, their rows are added in the same pass (each action's node is then
/// read once).
fn context_columns<'a>(
    idx: &PlanIndex<'a>,
    actions: &[u32],
    mut own_cells: Option<&mut ActionOwnColumns<'a>>,
) -> ActionContextColumns<'a> {
    let rows = actions.len();
    let mut cols = ActionContextColumns {
        status_date: Vec::with_capacity(rows),
        ..ActionContextColumns::default()
    };
    let mut priority = ByPosition::new(idx.len(), rows);
    let mut strategic_action = ByPosition::new(idx.len(), rows);
    let mut leads = ByList::new(rows);
    let mut key_partners = ByList::new(rows);
    let mut outcomes = ByList::new(rows);
    let mut status = ByText::default();
    let mut inheritance = InheritedOutcomes::new(idx.len());
    // The code of each inherited list's cell, by entry, once a row holds it.
    let mut entry_codes: Vec<u32> = Vec::new();
    let (mut roles, mut lead, mut partner, mut own) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for &a in actions {
        if let (Some(cells), Some(n)) = (own_cells.as_deref_mut(), idx.node(a)) {
            cells.push(n);
        }
        let p = idx.ancestor_of_kind(a, NodeKind::Priority);
        priority.push(idx, p, Node::number_or_name);
        let sa = idx.ancestor_of_kind(a, NodeKind::StrategicAction);
        strategic_action.push(idx, sa, Node::number_or_name);

        idx.roles_into(a, &mut roles);
        lead.clear();
        partner.clear();
        for &(p, role) in &roles {
            let list = if role.is_lead() {
                &mut lead
            } else {
                &mut partner
            };
            list.push(p);
        }
        for (coder, list) in [(&mut leads, &lead), (&mut key_partners, &partner)] {
            let code = coder.code(list, || names_cell(idx, list));
            coder.push(code);
        }

        // The outcomes it counts for: its own and those its containers give.
        let code = match inheritance.of_action(idx, a, &mut own) {
            Some(entry) => {
                let e = entry as usize;
                if entry_codes.len() <= e {
                    entry_codes.resize(e + 1, NONE);
                }
                if entry_codes[e] == NONE {
                    let list = inheritance.list(entry);
                    entry_codes[e] = outcomes.code(list, || outcomes_cell(idx, list));
                }
                entry_codes[e]
            }
            None => outcomes.code(&own, || outcomes_cell(idx, &own)),
        };
        outcomes.push(code);

        // Its status, its own else its nearest container's, and that node's date.
        let found = idx.status_of(a);
        status.push(found.map(|(t, _)| t));
        cols.status_date
            .push(found.and_then(|(_, q)| idx.status_date(q)));
    }
    cols.priority = priority.column;
    cols.strategic_action = strategic_action.column;
    cols.leads = leads.column;
    cols.key_partners = key_partners.column;
    cols.outcomes = outcomes.column;
    cols.status = status.column;
    cols
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::generate::{self, GeneratorConfig, Size};
    use crate::model::{DateWindow, EdgeKind, NodeId};
    use crate::rules::join;

    /// The actions table worked out row by row, each action on its own: the
    /// plain reading of the rules that [`actions_columns`] must agree with.
    fn reference(s: &Strategy) -> ActionsTable {
        let idx = PlanIndex::new(s);
        let mut rows = Vec::new();
        for a in idx.of_kind(NodeKind::Action) {
            let n = idx.node(a).unwrap();
            let container = |kind| {
                let c = idx.ancestor_of_kind(a, kind);
                idx.node(c).map(|n| n.number_or_name().to_owned())
            };
            let roles = idx.roles_of(a);
            let (leads, partners): (Vec<_>, Vec<_>) = roles.iter().partition(|(_, r)| r.is_lead());
            let status = idx.status_of(a);
            let status_date = status.and_then(|(_, q)| idx.status_date(q));
            let outcomes: Vec<&str> = idx
                .outcomes_of(a)
                .into_iter()
                .filter_map(|o| idx.node(o).map(Node::number_or_name))
                .collect();
            rows.push(ActionRow {
                id: n.id.to_string(),
                number: n.number.clone().unwrap_or_default(),
                text: n.statement().to_owned(),
                priority: container(NodeKind::Priority),
                strategic_action: container(NodeKind::StrategicAction),
                leads: join(&idx, leads.iter().map(|&(p, _)| p), true),
                key_partners: join(&idx, partners.iter().map(|&(p, _)| p), true),
                deadline_start: n.deadline.as_ref().and_then(|d| d.start),
                deadline_end: n.deadline.as_ref().and_then(|d| d.end),
                deadline_phrase: n.deadline.as_ref().map(|d| d.phrase.clone()),
                outcomes: outcomes.join("; "),
                status: status.map(|(text, _)| text.to_owned()),
                status_date,
            });
        }
        ActionsTable { rows }
    }

    fn check(s: &Strategy) {
        let columns = actions_columns(s);
        assert_eq!(columns.to_table(), reference(s));
        let mut values = columns.context.status.values.clone();
        values.sort_unstable();
        values.dedup();
        assert_eq!(
            values.len(),
            columns.context.status.values.len(),
            "statuses are distinct"
        );
    }

    #[test]
    fn agrees_with_the_rules_on_generated_plans() {
        for seed in [1, 7, 42] {
            let mut config = GeneratorConfig::preset(Size::S).with_seed(seed);
            config.actions = 300;
            let mut s = generate::strategy(&config);
            check(&s);
            for report in generate::progress_reports(&s, &config) {
                report.apply_to(&mut s);
            }
            check(&s);
        }
    }

    #[test]
    fn agrees_with_the_rules_on_the_fixture() {
        let s =
            Strategy::from_json(include_str!("../../../tests/fixtures/mini-plan.json")).unwrap();
        check(&s);
    }

    /// Odd shapes: an action with no container, one inside another, one under
    /// a `contains` cycle, one under a chain deeper than the walks go, two
    /// partners of one name, outcomes of an action's own, statuses on
    /// containers.
    #[test]
    fn agrees_with_the_rules_on_odd_shapes() {
        let mut b = Strategy::builder();
        let node = |kind, key: &str, text: &str| crate::model::Node::new(kind, key, text);
        let id = NodeId::of;
        for o in ["1", "2", "3"] {
            b = b.node(node(NodeKind::Outcome, o, "An outcome."));
        }
        b = b.node(node(NodeKind::Partner, "a", "Same Name"));
        b = b.node(node(NodeKind::Partner, "b", "Same Name"));
        let mut p = node(NodeKind::Priority, "1", "A priority.");
        p.attrs.insert(
            "status".into(),
            crate::model::AttrValue::Text("on_track".into()),
        );
        p.attrs.insert(
            "status_date".into(),
            crate::model::AttrValue::Text("2024-03-31".into()),
        );
        b = b.node(p).node(node(
            NodeKind::StrategicAction,
            "1.1",
            "A strategic action.",
        ));
        b = b.edge(
            id(NodeKind::Priority, "1"),
            EdgeKind::Contains,
            id(NodeKind::StrategicAction, "1.1"),
        );
        b = b.edge(
            id(NodeKind::Priority, "1"),
            EdgeKind::ContributesTo,
            id(NodeKind::Outcome, "1"),
        );
        for (i, own) in [(1, None), (2, Some("2")), (3, Some("1"))] {
            let key = format!("1.1.{i}");
            let mut a = node(NodeKind::Action, &key, "An action.");
            a.deadline = Some(DateWindow::new(
                None,
                "2024-06-30".parse().ok(),
                "By June 2024",
            ));
            b = b.node(a);
            b = b.edge(
                id(NodeKind::StrategicAction, "1.1"),
                EdgeKind::Contains,
                id(NodeKind::Action, &key),
            );
            b = b.edge(
                id(NodeKind::Action, &key),
                EdgeKind::LedBy,
                id(NodeKind::Partner, "a"),
            );
            b = b.edge(
                id(NodeKind::Action, &key),
                EdgeKind::LedBy,
                id(NodeKind::Partner, "b"),
            );
            if let Some(o) = own {
                b = b.edge(
                    id(NodeKind::Action, &key),
                    EdgeKind::ContributesTo,
                    id(NodeKind::Outcome, o),
                );
            }
        }
        // an action inside an action, and one with no container
        b = b.node(node(NodeKind::Action, "1.1.1.1", "Inner."));
        b = b.edge(
            id(NodeKind::Action, "1.1.1"),
            EdgeKind::Contains,
            id(NodeKind::Action, "1.1.1.1"),
        );
        b = b.node(node(NodeKind::Action, "9.9.9", "Alone."));
        b = b.edge(
            id(NodeKind::Action, "9.9.9"),
            EdgeKind::ContributesTo,
            id(NodeKind::Outcome, "3"),
        );
        // a cycle of strategic actions with an action under it, and an action on it
        for k in ["7.1", "7.2"] {
            b = b.node(node(NodeKind::StrategicAction, k, "In a cycle."));
        }
        b = b.edge(
            id(NodeKind::StrategicAction, "7.1"),
            EdgeKind::Contains,
            id(NodeKind::StrategicAction, "7.2"),
        );
        b = b.edge(
            id(NodeKind::StrategicAction, "7.2"),
            EdgeKind::Contains,
            id(NodeKind::Action, "7.2.1"),
        );
        b = b.node(node(NodeKind::Action, "7.2.1", "Under a cycle."));
        b = b.edge(
            id(NodeKind::Action, "7.2.1"),
            EdgeKind::Contains,
            id(NodeKind::StrategicAction, "7.1"),
        );
        b = b.edge(
            id(NodeKind::StrategicAction, "7.1"),
            EdgeKind::ContributesTo,
            id(NodeKind::Outcome, "2"),
        );
        b = b.node(node(NodeKind::Action, "7.1.1", "Next to a cycle."));
        b = b.edge(
            id(NodeKind::StrategicAction, "7.1"),
            EdgeKind::Contains,
            id(NodeKind::Action, "7.1.1"),
        );
        // a chain of 70 priorities, with outcomes at the top and the bottom
        for d in 0..70 {
            b = b.node(node(NodeKind::Priority, &format!("8.{d}"), "Deep."));
            if d > 0 {
                let up = id(NodeKind::Priority, &format!("8.{}", d - 1));
                b = b.edge(
                    up,
                    EdgeKind::Contains,
                    id(NodeKind::Priority, &format!("8.{d}")),
                );
            }
        }
        b = b.edge(
            id(NodeKind::Priority, "8.0"),
            EdgeKind::ContributesTo,
            id(NodeKind::Outcome, "3"),
        );
        b = b.edge(
            id(NodeKind::Priority, "8.69"),
            EdgeKind::ContributesTo,
            id(NodeKind::Outcome, "1"),
        );
        for d in [3, 60, 62, 63, 64, 69] {
            let key = format!("8.{d}.1");
            b = b.node(node(NodeKind::Action, &key, "Deep down."));
            b = b.edge(
                id(NodeKind::Priority, &format!("8.{d}")),
                EdgeKind::Contains,
                id(NodeKind::Action, &key),
            );
        }
        let s = b.build().unwrap();
        check(&s);
        let t = actions_columns(&s).to_table();
        let row = |n: &str| t.rows.iter().find(|r| r.number == n).unwrap();
        assert_eq!(row("1.1.2").outcomes, "1; 2");
        assert_eq!(row("1.1.2").leads, "Same Name; Same Name");
        assert_eq!(row("1.1.1.1").status.as_deref(), Some("on_track"));
        assert_eq!(row("9.9.9").outcomes, "3");
        assert_eq!(row("8.3.1").outcomes, "3");
        assert_eq!(row("8.69.1").outcomes, "1");
    }
}
