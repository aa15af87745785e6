//! The delivery-plan writer: a strategy graph back to delivery-plan text, in the
//! layout [`crate::parse::plan`] reads.
//!
//! `parse(write(model)) == model` (with source spans left aside) for every
//! model the text format can carry, which is what the parser makes of a plan:
//!
//! - one plan node (title = label, description = text); priorities with their
//!   number, title (label) and statement; the outcomes each priority
//!   `contributes_to` (written "Outcomes: 1, 2, 3"); the challenges it
//!   `addresses`; its focus areas; its strategic actions and their actions
//!   (`contains`), with their texts; outcome statements (the plain "Outcomes"
//!   list, written after the first priority's focus areas); each action's
//!   `led_by` and `key_partner` partners, with the members of an alliance
//!   (`member_of`) and a partner's acronym at its first mention; footnote
//!   numbers (attr `footnotes`, written as markers at the end of the node's
//!   text) and footnote texts (the plan's attr `notes`).
//! - Derived data comes back because it is read again from the text: deadlines
//!   (from action texts), the plan's period (from its title or description),
//!   the plan's `acronyms`, a partner's `name` (from the gazetteer).
//!
//! What the text format cannot carry, and is lost or changed on the way:
//! source spans; tags; attributes other than those above; node kinds other
//! than plan, priority, focus area, strategic action, action, outcome,
//! challenge and partner; edges other than those above (an action's own
//! `contributes_to`, `depends_on`, `mentions`, ...); deadlines or periods the
//! text does not state; labels of strategic actions, actions and outcomes;
//! texts of challenges and partners; outcome statements over several lines or
//! outcomes not numbered with digits; text lines that read as structure (a line
//! starting "Priority 3", "10.1.1", "Outcomes:", "Lead:", a bullet in a list, a
//! line of page furniture) or blank lines inside a text; runs of spaces; a
//! hyphen and space before a lower-case word ("Co- ordinators" is rejoined);
//! partner names containing `, / ; ( )`, or containing " and " or " & " next to
//! a name the gazetteer knows; partners no action names; several leads that are
//! not joint, or one lead marked joint; a partner with both an acronym and
//! members; where footnote markers stood in a text (they move to its end); and
//! node order other than the order of the text.
//!
//! A lead line is written as the page writes it ("Lead and Key Partners:
//! Scottish Government/COSLA Third sector organisations, national agencies")
//! when the parser reads that back to the same leads and partners; otherwise as
//! two lines, "Lead: A/B" and "Key Partners: C, D". An action whose line was
//! ambiguous keeps it in attr `partners_line`, which is written back as it was.

use std::collections::{HashMap, HashSet};

use crate::model::{AttrValue, EdgeKind, EdgeRef, Node, NodeKind, Strategy};
use crate::parse::gazetteer::Gazetteer;
use crate::parse::plan::{split_lead_line, Item, Split};

/// Write a strategy as delivery-plan text, with the built-in gazetteer (see the
/// [module docs](self) for what the text carries).
///
/// ```
/// use stratagraph::{parse_delivery_plan, write_delivery_plan};
/// let text = "Priority 10\nImprove support.\nOutcomes: 1, 2\n\
///             Strategic Action 10.1: Support parents.\n\
///             10.1.1 By November 2023, launch a board.\n\
///             Lead and Key Partners: Scottish Government/COSLA Third sector organisations\n";
/// let model = parse_delivery_plan(text).strategy;
/// let written = write_delivery_plan(&model);
/// assert_eq!(written, text);
/// ```
pub fn write_delivery_plan(strategy: &Strategy) -> String {
    static BUILTIN: std::sync::OnceLock<PlanWriter> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(PlanWriter::new).write(strategy)
}

/// A delivery-plan writer with the gazetteer its parser will use, to check that
/// a run-together lead line reads back the same.
///
/// ```
/// use stratagraph::parse::gazetteer::Gazetteer;
/// use stratagraph::{PlanParser, PlanWriter};
/// let g = Gazetteer::builtin().with("Voices for a Better Future", ["VBF"]);
/// let text = "10.3.1 Work with survivors.\nLead and Key Partners: Voices for a Better Future NES\n";
/// let model = PlanParser::new().with_gazetteer(g.clone()).parse(text).strategy;
/// let written = PlanWriter::new().with_gazetteer(g).write(&model);
/// assert!(written.ends_with("Lead and Key Partners: Voices for a Better Future NES\n"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanWriter {
    gazetteer: Gazetteer,
}

/// The edges of a strategy by source and by target, each in canonical order.
struct Adjacency<'a> {
    out: HashMap<&'a str, Vec<EdgeRef<'a>>>,
    inc: HashMap<&'a str, Vec<EdgeRef<'a>>>,
}

impl<'a> Adjacency<'a> {
    fn new(s: &'a Strategy) -> Adjacency<'a> {
        let mut out: HashMap<&str, Vec<EdgeRef<'a>>> = HashMap::new();
        let mut inc: HashMap<&str, Vec<EdgeRef<'a>>> = HashMap::new();
        for e in s.edges() {
            out.entry(e.source.as_str()).or_default().push(e);
            inc.entry(e.target.as_str()).or_default().push(e);
        }
        Adjacency { out, inc }
    }

    fn targets(&self, id: &str, kind: EdgeKind) -> impl Iterator<Item = &EdgeRef<'a>> + '_ {
        self.out
            .get(id)
            .into_iter()
            .flatten()
            .filter(move |e| e.kind == kind)
    }

    fn sources(&self, id: &str, kind: EdgeKind) -> impl Iterator<Item = &EdgeRef<'a>> + '_ {
        self.inc
            .get(id)
            .into_iter()
            .flatten()
            .filter(move |e| e.kind == kind)
    }
}

fn markers(node: &Node) -> String {
    match node.attrs.get("footnotes") {
        Some(AttrValue::List(list)) => list
            .iter()
            .map(|v| match v {
                AttrValue::Integer(n) => format!("[{n}]"),
                AttrValue::Text(t) => format!("[{t}]"),
                _ => String::new(),
            })
            .collect(),
        _ => String::new(),
    }
}

struct Out<'a> {
    s: &'a Strategy,
    adj: Adjacency<'a>,
    g: &'a Gazetteer,
    text: String,
    /// Partners already written, to write members and acronyms once.
    mentioned: HashSet<&'a str>,
}

impl<'a> Out<'a> {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// `head` (if any) followed by the node's text, footnote markers at the end.
    fn with_text(&mut self, head: Option<String>, node: &Node) {
        let marks = markers(node);
        match (&node.text, head) {
            (Some(t), head) => {
                let mut lines: Vec<String> = t.split('\n').map(str::to_owned).collect();
                if let Some(last) = lines.last_mut() {
                    last.push_str(&marks);
                }
                match head {
                    Some(h) if !lines.is_empty() => {
                        let first = lines.remove(0);
                        self.line(&format!("{h}{first}"));
                    }
                    Some(h) => self.line(h.trim_end()),
                    None => {}
                }
                for l in lines {
                    self.line(&l);
                }
            }
            (None, Some(h)) => self.line(&format!("{}{marks}", h.trim_end())),
            (None, None) => {}
        }
    }

    fn children(&self, id: &str, kind: NodeKind) -> Vec<&'a Node> {
        self.adj
            .targets(id, EdgeKind::Contains)
            .filter_map(|e| self.s.node(e.target.as_str()))
            .filter(|n| n.kind == kind)
            .collect()
    }

    fn plan(&mut self, plan: &'a Node) {
        if plan.text.is_some() {
            self.line(&plan.label);
            let mut body = plan.clone();
            body.label.clear();
            self.with_text(None, &body);
        } else {
            self.line(&format!("{}{}", plan.label, markers(plan)));
        }
    }

    fn outcome_list(&mut self) {
        let outcomes: Vec<&Node> = self
            .s
            .nodes_of_kind(NodeKind::Outcome)
            .filter(|n| n.text.is_some())
            .collect();
        if outcomes.is_empty() {
            return;
        }
        let mut numbered: Vec<(u64, &Node)> = outcomes
            .iter()
            .filter_map(|n| {
                let num = n.number.as_deref()?;
                let v: u64 = num.parse().ok()?;
                (v.to_string() == num).then_some((v, *n))
            })
            .collect();
        crate::sort::sort_by_key(&mut numbered, |(v, _)| *v);
        let plain = numbered.len() == outcomes.len()
            && numbered
                .iter()
                .enumerate()
                .all(|(i, (v, _))| *v == i as u64 + 1);
        self.line("Outcomes");
        if plain {
            for (_, n) in numbered {
                let text = n.text.as_deref().unwrap_or("");
                self.line(&format!("- {text}{}", markers(n)));
            }
        } else {
            for n in outcomes {
                let num = n.number.as_deref().unwrap_or("");
                let text = n.text.as_deref().unwrap_or("");
                self.line(&format!("- Outcome {num}: {text}{}", markers(n)));
            }
        }
    }

    fn priority(&mut self, p: &'a Node, first: bool) {
        let num = p.number.as_deref().unwrap_or("");
        let head = if p.label.is_empty() {
            format!("Priority {num}")
        } else {
            format!("Priority {num}: {}", p.label)
        };
        if p.text.is_some() {
            self.line(&head);
            let mut body = p.clone();
            body.label.clear();
            self.with_text(None, &body);
        } else {
            self.line(&format!("{head}{}", markers(p)));
        }
        let outcomes: Vec<&str> = self
            .adj
            .targets(p.id.as_str(), EdgeKind::ContributesTo)
            .filter_map(|e| self.s.node(e.target.as_str()))
            .filter(|n| n.kind == NodeKind::Outcome)
            .filter_map(|n| n.number.as_deref())
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        if !outcomes.is_empty() {
            self.line(&format!("Outcomes: {}", outcomes.join(", ")));
        }
        let challenges: Vec<&Node> = self
            .adj
            .targets(p.id.as_str(), EdgeKind::Addresses)
            .filter_map(|e| self.s.node(e.target.as_str()))
            .filter(|n| n.kind == NodeKind::Challenge)
            .collect();
        if !challenges.is_empty() {
            self.line("Challenges and opportunities:");
            for c in challenges {
                self.line(&format!("- {}{}", c.title(), markers(c)));
            }
        }
        for f in self.children(p.id.as_str(), NodeKind::FocusArea) {
            self.focus(f);
        }
        if first {
            self.outcome_list();
        }
        for sa in self.children(p.id.as_str(), NodeKind::StrategicAction) {
            self.strategic_action(sa);
        }
    }

    fn focus(&mut self, f: &Node) {
        let label = if f.label.is_empty() {
            "Key area of focus"
        } else {
            f.label.as_str()
        };
        if f.text.is_some() {
            self.line(label);
            let mut body = f.clone();
            body.label.clear();
            self.with_text(None, &body);
        } else {
            self.line(&format!("{label}{}", markers(f)));
        }
    }

    fn strategic_action(&mut self, sa: &'a Node) {
        let num = sa.number.as_deref().unwrap_or("");
        if sa.text.is_some() {
            self.with_text(Some(format!("Strategic Action {num}: ")), sa);
        } else {
            self.with_text(Some(format!("Strategic Action {num}")), sa);
        }
        for a in self.children(sa.id.as_str(), NodeKind::Action) {
            self.action(a);
        }
    }

    fn action(&mut self, a: &'a Node) {
        let num = a.number.as_deref().unwrap_or("");
        if a.text.is_some() {
            self.with_text(Some(format!("{num} ")), a);
        } else {
            self.with_text(Some(num.to_owned()), a);
        }
        self.lead_lines(a);
    }

    /// The item for a partner as written now: its acronym and members at the
    /// first mention only.
    fn item(&mut self, n: &'a Node) -> Item {
        let first = self.mentioned.insert(n.id.as_str());
        let mut item = Item {
            name: n.title(),
            acronym: None,
            members: Vec::new(),
        };
        if first {
            item.acronym = n
                .attrs
                .get("acronym")
                .and_then(AttrValue::as_text)
                .map(str::to_owned);
            let members: Vec<&'a Node> = self
                .adj
                .sources(n.id.as_str(), EdgeKind::MemberOf)
                .filter_map(|e| self.s.node(e.source.as_str()))
                .collect();
            for m in members {
                let mut member = self.item(m);
                member.members.clear();
                item.members.push(member);
            }
        }
        item
    }

    fn lead_lines(&mut self, a: &'a Node) {
        let leads: Vec<&'a Node> = self
            .adj
            .targets(a.id.as_str(), EdgeKind::LedBy)
            .filter_map(|e| self.s.node(e.target.as_str()))
            .collect();
        let partners: Vec<&'a Node> = self
            .adj
            .targets(a.id.as_str(), EdgeKind::KeyPartner)
            .filter_map(|e| self.s.node(e.target.as_str()))
            .collect();
        if let Some(raw) = a.attrs.get("partners_line").and_then(AttrValue::as_text) {
            for n in leads.iter().chain(partners.iter()) {
                self.mentioned.insert(n.id.as_str());
                for e in self.adj.sources(n.id.as_str(), EdgeKind::MemberOf) {
                    self.mentioned.insert(e.source.as_str());
                }
            }
            self.line(&format!("Lead and Key Partners: {raw}"));
            return;
        }
        if leads.is_empty() && partners.is_empty() {
            return;
        }
        let lead_items: Vec<Item> = leads.iter().map(|n| self.item(n)).collect();
        let partner_items: Vec<Item> = partners.iter().map(|n| self.item(n)).collect();
        let leads_text = lead_items.iter().map(render).collect::<Vec<_>>().join("/");
        let partners_text = partner_items
            .iter()
            .map(render)
            .collect::<Vec<_>>()
            .join(", ");
        if lead_items.is_empty() {
            self.line(&format!("Key Partners: {partners_text}"));
            return;
        }
        let combined = if partners_text.is_empty() {
            leads_text.clone()
        } else {
            format!("{leads_text} {partners_text}")
        };
        let read = split_lead_line(self.g, &combined);
        let want = Split {
            leads: lead_items.clone(),
            partners: partner_items.clone(),
            ambiguous: false,
            unknown_lead: read.unknown_lead,
        };
        if read == want {
            self.line(&format!("Lead and Key Partners: {combined}"));
            return;
        }
        // Written apart, each line says what it holds.
        self.line(&format!("Lead: {leads_text}"));
        if !partners_text.is_empty() {
            self.line(&format!("Key Partners: {partners_text}"));
        }
    }
}

fn render(item: &Item) -> String {
    let mut s = item.name.clone();
    if let Some(a) = &item.acronym {
        s.push_str(&format!(" ({a})"));
    } else if !item.members.is_empty() {
        let members: Vec<String> = item.members.iter().map(render).collect();
        s.push_str(&format!(" ({})", members.join(", ")));
    }
    s
}

impl PlanWriter {
    /// A writer that checks lead lines with the built-in gazetteer.
    pub fn new() -> PlanWriter {
        PlanWriter {
            gazetteer: Gazetteer::builtin(),
        }
    }

    /// Check lead lines with this gazetteer (the one the text will be parsed with).
    pub fn with_gazetteer(mut self, gazetteer: Gazetteer) -> PlanWriter {
        self.gazetteer = gazetteer;
        self
    }

    /// Write a strategy as delivery-plan text (see the [module docs](self)).
    pub fn write(&self, strategy: &Strategy) -> String {
        let mut out = Out {
            s: strategy,
            adj: Adjacency::new(strategy),
            g: &self.gazetteer,
            text: String::new(),
            mentioned: HashSet::new(),
        };
        let plan = strategy.nodes_of_kind(NodeKind::Plan).next();
        if let Some(plan) = plan {
            out.plan(plan);
            // Strategic actions straight under the plan (numbered "3", before any priority).
            for sa in out.children(plan.id.as_str(), NodeKind::StrategicAction) {
                out.strategic_action(sa);
            }
            for f in out.children(plan.id.as_str(), NodeKind::FocusArea) {
                out.focus(f);
            }
        }
        let priorities: Vec<&Node> = strategy.nodes_of_kind(NodeKind::Priority).collect();
        if priorities.is_empty() {
            out.outcome_list();
        }
        for (i, p) in priorities.into_iter().enumerate() {
            out.priority(p, i == 0);
        }
        if let Some(AttrValue::Map(notes)) = plan.and_then(|p| p.attrs.get("notes")) {
            let mut notes: Vec<(&String, &AttrValue)> = notes.iter().collect();
            crate::sort::sort_by_key(&mut notes, |(k, _)| k.parse::<u64>().unwrap_or(u64::MAX));
            for (n, text) in notes {
                if let Some(t) = text.as_text() {
                    out.line(&format!("[{n}] {t}"));
                }
            }
        }
        out.text
    }
}
