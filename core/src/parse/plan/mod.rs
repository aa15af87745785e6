//! The delivery-plan parser: a plan's text, as copied or scraped from its web
//! page, read into the graph without losing a word.
//!
//! # The text it reads
//!
//! ```text
//! Mental health and wellbeing strategy: delivery plan 2023-2025   <- plan title (period from "2023-2025")
//! Mental health and wellbeing strategy delivery plan describing … <- plan description
//! Priority 10                                                     <- also "Priority 1: title", "Priority 1 – title"
//! Reduce the risk of poor mental health …                         <- the priority's statement
//! Outcomes: 1, 2, 3, 4, 5, 6, 7                                   <- the outcomes the priority contributes to
//! Challenges and opportunities:
//! - Global challenges                                             <- challenges the priority addresses
//! Key area of focus
//! We know babies and small children need …                        <- a focus area of the priority
//! Outcomes
//! - The overall mental health and wellbeing of the population …   <- the n-th bullet states outcome n
//! Strategic Action 10.1: Through the GIRFEC approach, we will …
//! 10.1.1 Scottish Government will take forward …                  <- an action (deadline read from its text)
//! Lead and Key Partners: Scottish Government/COSLA Third sector organisations, national agencies
//! ```
//!
//! Bullets may be written `- `, `• `, `* `, `– ` or `1. `; headings in any case.
//! "Lead: …" and "Key Partners: …" lines are read too. Lines of text that follow
//! a heading, a statement or an action (before its lead line) continue it and
//! are joined to its text with a newline.
//!
//! # What it gives
//!
//! | node | id | from |
//! |---|---|---|
//! | plan | `plan:<slug of title>` | the first line before any heading; label = title, text = description, period from the title or description |
//! | priority | `priority:10` | `Priority 10`; label = title after the number, text = statement |
//! | outcome | `outcome:3` | the `Outcomes: 1, 2, 3` line and the bullets of the plain `Outcomes` list |
//! | challenge | `challenge:<slug>` | bullets under `Challenges and opportunities:`; one node per challenge across the plan |
//! | focus area | `focus-area:10` | `Key area of focus` and its paragraph, contained by the priority |
//! | strategic action | `strategic-action:10.1` | `Strategic Action 10.1: …` |
//! | action | `action:10.1.1` | `10.1.1 …`; `deadline` read with [`find_deadline`] |
//! | partner | `partner:<slug>` | lead and partner lines; one node per body across the plan |
//!
//! Edges: `contains` (plan > priority > focus area, strategic action > action),
//! `contributes_to` (priority > outcome), `addresses` (priority > challenge),
//! `led_by` (action > partner, `"joint": true` when several lead),
//! `key_partner` (action > partner), `member_of` (member > alliance, from
//! "In Care Survivors Alliance (Health in Mind, Penumbra & …)").
//!
//! **The contributes_to rule.** The document states outcomes for a priority, so
//! only the priority `contributes_to` them; its strategic actions and actions
//! serve them through the hierarchy (`contains`). A query for the actions behind
//! an outcome walks from the contributing priorities down.
//!
//! **Partners.** A partner's id comes from the gazetteer's canonical name when
//! the [`Gazetteer`] knows it ("NES" and "NHS Education for Scotland" are
//! `partner:nhs-education-for-scotland`), else from its own name, so spellings
//! that differ only in case, apostrophes or `&`/`and` are one node. The label is
//! the first spelling seen; attr `name` holds the canonical name when it differs,
//! attr `acronym` an acronym the text gave in brackets. In "Lead and Key
//! Partners" the first known body is the lead (`A/B` is a joint lead) and the
//! rest are key partners; when the lead is not a known body and partners follow,
//! the first item is taken as the lead, the line is kept in the action's attr
//! `partners_line` and an `ambiguous_lead` warning is given.
//!
//! **Text.** Words split by the page are rejoined ("Co- ordinators" ->
//! "Co-ordinators", but "pre- and post-natal" is left alone), runs of spaces are
//! single spaces, footnote markers ("disorder\[1\]") are removed with their
//! numbers kept in the node's attr `footnotes`; footnote texts ("\[1\] …") go to
//! the plan's attr `notes`. Acronyms defined in the text ("… Co-ordinators
//! (TPTICs)", "SOCAS (Survivors of Child Abuse Support)") are kept in the plan's
//! attr `acronyms`; acronyms used but never defined are looked up in the gazetteer.
//!
//! # Diagnostics
//!
//! | code | severity | what |
//! |---|---|---|
//! | `skipped_furniture` | info | page furniture ("Skip to main content") was skipped |
//! | `unclassified_text` | warning | a line fits nowhere and is kept in [`ParseResult::unclassified`] |
//! | `rejoined_word` | info | a word the page split was rejoined |
//! | `priority_repeated` | info | a priority heading came again (a contents list); the same node is continued |
//! | `duplicate_number` | warning | a strategic action or action number came again; the line is kept as unclassified |
//! | `numbering_mismatch` | warning | a strategic action's number does not start with its priority's |
//! | `implied_priority`, `implied_strategic_action` | info | an action or strategic action came without its parent heading; the parent was made from its number |
//! | `ambiguous_lead` | warning | the lead could not be told from the partners; the line is kept in attr `partners_line` |
//! | `lead_not_in_gazetteer` | info | the lead is not a known body (it was the only name on the line) |
//! | `empty_name` | warning | a partner or challenge has no letters or digits; it was left out |
//! | `outcome_redefined` | warning | an outcome's statement differs from one given before; the line is kept as unclassified |
//! | `outcome_range` | warning | an outcome range is too long to expand ("1-99999") |
//! | `acronym_defined` | info | an acronym defined in the text |
//! | `impossible_date` | warning | an action's text has a date that is no real day or quarter ("31 February 2024", "Q5 2025"); no deadline was read from it |
//! | `acronym_from_gazetteer` | info | an acronym used but not defined, expanded from the gazetteer |
//! | `undefined_acronym` | warning | an acronym used, never defined and unknown to the gazetteer |
//!
//! # Other layouts
//!
//! This module reads the Scottish delivery plan's own layout (three-part action
//! numbers, "Strategic Action" headings, "Outcomes: 1, 2" lists, "Key area of
//! focus"; see `is_seed_layout`). A text in any other layout (flattened tables,
//! "Action N:" records with labelled fields, numbered lists under a lead-in,
//! deadline headings, narrative pages) is read by the block recognisers of
//! [`super::recognise`] over the [blocks](super::blocks) of the page, into the
//! same model. Both recognise the same page furniture ([`super::blocks::is_furniture`]).
//!
//! The parser never fails and never panics: whatever the input, it returns what
//! it could read, with diagnostics. It is linear in the length of the text.

use std::collections::{BTreeMap, HashMap};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::date::{find_deadline, find_period};
use super::gazetteer::{is_acronym, Gazetteer};
use super::{furniture_pieces, source_lines, ParseResult, SourceLine};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{AttrValue, Edge, EdgeKind, Node, NodeId, NodeKind, SourceSpan};

mod acronyms;
mod lines;
mod partners;

use acronyms::{acronym_letters, expansion_before, initials_match, trim_punct, NOT_ACRONYMS};
use lines::{
    bullet, challenges_heading, clean, focus_heading, footnote_line, join_text, numbered_line,
    outcome_label, outcomes_line, partners_line, priority_heading, strategic_action_heading, Role,
};
use partners::{parse_leads, parse_list, split_top};
pub(crate) use partners::{parse_list as parse_partner_list, split_lead_line, Item, Split};

pub(crate) use lines::take_number;

/// The text of an unnumbered bullet ("• text", "- text"), the one bullet rule
/// the plan parser and the block layer share.
pub(crate) fn bullet_mark(s: &str) -> Option<&str> {
    match bullet(s) {
        Some((None, text)) => Some(text),
        _ => None,
    }
}

/// Parse a delivery plan with the built-in gazetteer (see the [module
/// docs](crate::parse::plan)). Never fails: what cannot be read is reported in
/// the result's diagnostics and unclassified lines.
///
/// ```
/// use stratagraph::{parse_delivery_plan, EdgeKind};
/// let text = "Priority 10\nImprove support.\nOutcomes: 1, 2\n\
///             Strategic Action 10.1: Support parents.\n\
///             10.1.1 By November 2023, launch a board.\n\
///             Lead and Key Partners: Scottish Government/COSLA Third sector organisations\n";
/// let result = parse_delivery_plan(text);
/// let s = &result.strategy;
/// let leads: Vec<_> = s.targets("action:10.1.1", EdgeKind::LedBy).map(|n| n.label.as_str()).collect();
/// assert_eq!(leads, ["Scottish Government", "COSLA"]);
/// let deadline = s.node("action:10.1.1").unwrap().deadline.as_ref().unwrap();
/// assert_eq!(deadline.end.unwrap().to_string(), "2023-11-30");
/// assert!(s.edge("priority:10", EdgeKind::ContributesTo, "outcome:2").is_some());
/// assert!(result.unclassified.is_empty());
/// ```
pub fn parse_delivery_plan(text: &str) -> ParseResult {
    static BUILTIN: std::sync::OnceLock<PlanParser> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(PlanParser::new).parse(text)
}

/// A delivery-plan parser with its options: the [`Gazetteer`] of known bodies.
///
/// ```
/// use stratagraph::parse::gazetteer::Gazetteer;
/// use stratagraph::{EdgeKind, PlanParser};
/// let mut g = Gazetteer::builtin();
/// g.add("Dementia Lived Experience Panel", ["DLEP"]);
/// let text = "10.4.1 Agree the plan.\nLead and Key Partners: Dementia Lived Experience Panel Penumbra\n";
/// let result = PlanParser::new().with_gazetteer(g).parse(text);
/// let partners: Vec<_> = result.strategy.targets("action:10.4.1", EdgeKind::KeyPartner)
///     .map(|n| n.label.as_str()).collect();
/// assert_eq!(partners, ["Penumbra"]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanParser {
    gazetteer: Gazetteer,
}

/// Where an acronym's expansion came from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AcronymSource {
    /// The document defines it.
    Document,
    /// The document uses it; the gazetteer expands it.
    Gazetteer,
    /// The document uses it and nothing expands it.
    Unknown,
}

/// An acronym the document uses or defines.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acronym {
    /// The acronym as written ("TPTICs").
    pub acronym: String,
    /// What it stands for, if known.
    pub expansion: Option<String>,
    /// Where the expansion came from.
    pub source: AcronymSource,
    /// The 1-based line it is first used or defined on.
    pub line: usize,
}

/// A parse with everything the parser found on the way: the result and the
/// acronyms of the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanParse {
    /// The strategy, diagnostics, unclassified and skipped lines.
    pub result: ParseResult,
    /// Every acronym the document uses or defines, in order of first appearance.
    pub acronyms: Vec<Acronym>,
}

impl PlanParser {
    /// A parser with the built-in gazetteer.
    pub fn new() -> PlanParser {
        PlanParser {
            gazetteer: Gazetteer::builtin(),
        }
    }

    /// Use this gazetteer (e.g. the built-in one with your own bodies added).
    pub fn with_gazetteer(mut self, gazetteer: Gazetteer) -> PlanParser {
        self.gazetteer = gazetteer;
        self
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The gazetteer in use, to extend it.
    pub fn gazetteer_mut(&mut self) -> &mut Gazetteer {
        &mut self.gazetteer
    }

    /// Parse a delivery plan (see [`parse_delivery_plan`]).
    pub fn parse(&self, text: &str) -> ParseResult {
        self.parse_detailed(text).result
    }

    /// Parse a delivery plan and list the acronyms it uses and defines.
    ///
    /// ```
    /// use stratagraph::parse::plan::{AcronymSource, PlanParser};
    /// let text = "Priority 1\nThrough the NTTP we fund Trauma Implementation Co- ordinators (TICs).\n";
    /// let parse = PlanParser::new().parse_detailed(text);
    /// let found: Vec<_> = parse.acronyms.iter()
    ///     .map(|a| (a.acronym.as_str(), a.expansion.as_deref(), a.source)).collect();
    /// assert_eq!(found, [
    ///     ("NTTP", Some("National Trauma Transformation Programme"), AcronymSource::Gazetteer),
    ///     ("TICs", Some("Trauma Implementation Co-ordinators"), AcronymSource::Document),
    /// ]);
    /// ```
    pub fn parse_detailed(&self, text: &str) -> PlanParse {
        let mut parse = self.parse_layout(text);
        parse.result.finish(text);
        parse
    }

    /// [`PlanParser::parse_detailed`] without the headline counts and the
    /// impossible dates ([`ParseResult::finish`]).
    fn parse_layout(&self, text: &str) -> PlanParse {
        if !is_seed_layout(text) {
            // Other layouts: the block recognisers.
            return PlanParse {
                result: super::recognise::parse_blocks(text, &self.gazetteer),
                acronyms: Vec::new(),
            };
        }
        let mut p = Parser::new(&self.gazetteer);
        for line in source_lines(text) {
            for (piece, furniture) in furniture_pieces(line.text) {
                // URL, licence, publication-date and byline lines too.
                let furniture = furniture || super::blocks::is_furniture(piece);
                let offset = (piece.as_ptr() as usize).saturating_sub(line.text.as_ptr() as usize);
                let column = line.column + line.text.get(..offset).map_or(0, |s| s.chars().count());
                let sub = SourceLine {
                    number: line.number,
                    column,
                    start: line.start + offset,
                    text: piece,
                };
                if furniture {
                    p.res.skipped(sub);
                } else {
                    p.line(sub);
                }
            }
        }
        p.finish()
    }
}

/// Whether a text is in the Scottish delivery plan's own layout (read by the
/// line parser of this module) rather than another one (read by the
/// [block recognisers](super::recognise)): within its first 500 lines, an
/// action numbered in three parts ("10.1.1"), a "Strategic Action" heading,
/// an "Outcomes: 1, 2" list, "Key area of
/// focus" or "Challenges and opportunities", or a "Priority N" heading or an
/// "Outcomes" list or a footnote line "\[1\] …" straight after the title (with
/// no blank line before it: pages copied from the web separate their blocks
/// with blank lines, the plan's own text and the writer's do not).
pub(crate) fn is_seed_layout(text: &str) -> bool {
    for (k, line) in source_lines(text).take(500).enumerate() {
        let s = line.text;
        let lower_head: String = s.chars().take(40).collect::<String>().to_lowercase();
        let three_part = numbered_line(s).is_some_and(|(_, parts, _)| parts == 3);
        let outcomes = outcomes_line(s).is_some_and(|n| !n.is_empty());
        if three_part
            || outcomes
            || lower_head.starts_with("strategic action")
            || lower_head.starts_with("key area of focus")
            || lower_head.starts_with("challenges and opportunities")
            || (k <= 3
                && !text.get(..line.start).unwrap_or("").contains("\n\n")
                && (priority_heading(s).is_some()
                    || outcomes_line(s).is_some()
                    || footnote_line(s).is_some()))
        {
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------
// The parser

#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    /// Nothing read yet.
    Start,
    /// The plan's description.
    Header,
    /// A node's text continues on the next lines.
    Text(NodeId),
    /// After an action's lead/partners line.
    Partners,
    /// After a lead/partners label with no names: the names follow.
    AwaitPartners(Role),
    /// In a challenges list.
    Challenges,
    /// In the plain "Outcomes" list.
    Outcomes,
    /// Nothing continues.
    Closed,
}

struct Parser<'g> {
    g: &'g Gazetteer,
    res: ParseResult,
    plan: Option<NodeId>,
    priority: Option<(NodeId, String)>,
    sa: Option<NodeId>,
    action: Option<NodeId>,
    block: Block,
    next_outcome: u64,
    focus_counts: HashMap<String, usize>,
    acr_defs: IndexMap<String, (String, usize)>,
    acr_uses: IndexMap<String, usize>,
    notes: BTreeMap<String, AttrValue>,
    /// The partner id of each spelling seen (see [`partner_node`]).
    partner_ids: HashMap<String, NodeId>,
}

fn attr_notes(node: &mut Node, notes: &[i64]) {
    if notes.is_empty() {
        return;
    }
    let entry = node
        .attrs
        .entry("footnotes".to_owned())
        .or_insert_with(|| AttrValue::List(Vec::new()));
    if let AttrValue::List(list) = entry {
        list.extend(notes.iter().map(|&n| AttrValue::Integer(n)));
    }
}

fn extend_span(node: &mut Node, span: SourceSpan) {
    match &mut node.span {
        Some(s) => s.end = s.end.max(span.end),
        None => node.span = Some(span),
    }
}

/// The key of a partner's id: the gazetteer's name, or the name with `&` as `and`.
fn partner_key(g: &Gazetteer, name: &str) -> String {
    match g.lookup(name) {
        Some(e) => e.name.clone(),
        None => name.replace('&', " and "),
    }
}

/// The partner node for a name as written (made if new, with attr `name`
/// holding the gazetteer's canonical name when it differs and attr `acronym`
/// an acronym the text gave in brackets): the one rule for partner nodes,
/// shared by every recogniser. `ids` memoises the id of each spelling, so a
/// name mentioned many times is looked up and slugged once. `None` when the
/// name has no letters or digits.
pub(crate) fn partner_node(
    g: &Gazetteer,
    strategy: &mut crate::model::Strategy,
    ids: &mut HashMap<String, NodeId>,
    item: &Item,
    span: SourceSpan,
) -> Option<NodeId> {
    // "CO\u{200b}SLA" pasted from a web page is COSLA: one partner.
    let cleaned = crate::text::without_zero_width(&item.name);
    let name = cleaned.trim();
    let id = match ids.get(name) {
        Some(id) => id.clone(),
        None => {
            let key = partner_key(g, name);
            if crate::model::slug(&key).is_empty() {
                return None;
            }
            let id = NodeId::of(NodeKind::Partner, &key);
            ids.insert(name.to_owned(), id.clone());
            id
        }
    };
    if !strategy.contains(id.as_str()) {
        let mut node = Node::with_id(id.clone(), NodeKind::Partner)
            .with_label(name)
            .with_span(span);
        if let Some(e) = g.lookup(name) {
            if crate::model::slug(&e.name) != crate::model::slug(name) {
                node.attrs
                    .insert("name".to_owned(), AttrValue::Text(e.name.clone()));
            }
        }
        if let Some(a) = &item.acronym {
            node.attrs
                .insert("acronym".to_owned(), AttrValue::Text(a.clone()));
        }
        let _ = strategy.add_node(node);
    } else if let Some(a) = &item.acronym {
        let _ = strategy.update_node(id.as_str(), |n| {
            n.attrs
                .entry("acronym".to_owned())
                .or_insert_with(|| AttrValue::Text(a.clone()));
        });
    }
    Some(id)
}

/// The id of a plan titled `title`.
pub(crate) fn plan_id(title: &str) -> NodeId {
    let key = crate::text::prefix(title, 100).0;
    if crate::model::slug(key).is_empty() {
        NodeId::of(NodeKind::Plan, "plan")
    } else {
        NodeId::of(NodeKind::Plan, key)
    }
}

impl<'g> Parser<'g> {
    fn new(g: &'g Gazetteer) -> Parser<'g> {
        Parser {
            g,
            res: ParseResult::new(crate::model::Strategy::new()),
            plan: None,
            priority: None,
            sa: None,
            action: None,
            block: Block::Start,
            next_outcome: 1,
            focus_counts: HashMap::new(),
            acr_defs: IndexMap::new(),
            acr_uses: IndexMap::new(),
            notes: BTreeMap::new(),
            partner_ids: HashMap::new(),
        }
    }

    /// A heading that only opens a list ("Challenges and opportunities:",
    /// "Outcomes"): kept with the skipped lines, with an Info diagnostic, so
    /// that every line of the plan is accounted for.
    fn section_heading(&mut self, l: SourceLine<'_>, list: &str) {
        self.diag(
            "section_heading",
            Severity::Info,
            &l,
            format!(
                "line {} is the heading of the {list} under it; skipped",
                l.number
            ),
        );
        self.res.skipped.push(l.to_text_line());
    }

    fn diag(&mut self, code: &str, severity: Severity, l: &SourceLine<'_>, msg: String) {
        self.res
            .diagnostics
            .push(Diagnostic::new(code, severity, msg).at(l.number, Some(l.column)));
    }

    fn diag_ids(
        &mut self,
        code: &str,
        severity: Severity,
        l: &SourceLine<'_>,
        ids: &[&NodeId],
        msg: String,
    ) {
        self.res.diagnostics.push(
            Diagnostic::new(code, severity, msg)
                .with_ids(ids.iter().map(|i| i.as_str()))
                .at(l.number, Some(l.column)),
        );
    }

    fn add(&mut self, node: Node) {
        // Callers check the id is new; a clash would only drop the node.
        let _ = self.res.strategy.add_node(node);
    }

    fn link(&mut self, from: &NodeId, kind: EdgeKind, to: &NodeId) {
        let _ = self.res.strategy.link(from.as_str(), kind, to.as_str());
    }

    fn update(&mut self, id: &NodeId, f: impl FnOnce(&mut Node)) {
        let _ = self.res.strategy.update_node(id.as_str(), f);
    }

    fn exists(&self, id: &NodeId) -> bool {
        self.res.strategy.contains(id.as_str())
    }

    fn line(&mut self, l: SourceLine<'_>) {
        let c = clean(l.text);
        if !c.rejoined.is_empty() {
            let words = c.rejoined.join("\", \"");
            self.diag(
                "rejoined_word",
                Severity::Info,
                &l,
                format!("rejoined the word the page split: \"{words}\""),
            );
        }
        self.scan_acronyms(&c.text, l.number);
        let s = c.text.as_str();

        if let Some((n, text)) = footnote_line(s) {
            return self.footnote(l, n, text);
        }
        if let Some((num, title)) = priority_heading(s) {
            return self.priority(l, num, title, &c.notes);
        }
        if let Some((num, text)) = strategic_action_heading(s) {
            return self.strategic_action(l, num, text, &c.notes, false);
        }
        if let Some((num, parts, text)) = numbered_line(s) {
            if parts == 3 {
                // A table row scraped onto one line: "10.1.1 text Lead and Key Partners: …".
                let lower = text.to_ascii_lowercase();
                if let Some(k) = lower.find("lead and key partners").filter(|&k| k > 0) {
                    let (before, after) =
                        (text.get(..k).unwrap_or(""), text.get(k..).unwrap_or(""));
                    if let Some((role, rest)) = partners_line(after) {
                        self.action(l, num, before.trim(), &c.notes);
                        return self.partners(l, role, rest, &[]);
                    }
                }
                return self.action(l, num, text, &c.notes);
            }
            let first = num.split('.').next().unwrap_or("");
            let under_priority = self.priority.as_ref().is_some_and(|(_, p)| p == first);
            if parts == 2 && under_priority && text.starts_with(char::is_uppercase) {
                return self.strategic_action(l, num, text, &c.notes, false);
            }
        }
        if let Some((role, rest)) = partners_line(s) {
            return self.partners(l, role, rest, &c.notes);
        }
        if let Some(nums) = outcomes_line(s) {
            if nums.is_empty() {
                self.block = Block::Outcomes;
                self.next_outcome = 1;
                return self.section_heading(l, "outcomes");
            }
            return self.outcome_refs(l, nums);
        }
        if let Some(rest) = challenges_heading(s) {
            self.block = Block::Challenges;
            if rest.trim().is_empty() {
                return self.section_heading(l, "challenges");
            }
            for item in split_top(rest, &[';', ',']) {
                let item = item.trim();
                if !item.is_empty() {
                    self.challenge(l, item, &[]);
                }
            }
            return;
        }
        if let Some((label, rest)) = focus_heading(s) {
            return self.focus(l, label, rest, &c.notes);
        }
        if let Some((num, text)) = bullet(s) {
            match self.block.clone() {
                Block::Challenges => return self.challenge(l, text, &c.notes),
                Block::Outcomes => return self.outcome_statement(l, num, text, &c.notes),
                Block::Text(id) => return self.append(&id, l, s, &c.notes),
                Block::AwaitPartners(role) => {
                    self.partners(l, role, text, &c.notes);
                    // More bullets are more partners.
                    self.block = Block::AwaitPartners(match role {
                        Role::Lead => Role::Lead,
                        _ => Role::Partners,
                    });
                    return;
                }
                Block::Header => {
                    if let Some(plan) = self.plan.clone() {
                        return self.append(&plan, l, s, &c.notes);
                    }
                }
                _ => {}
            }
            return self.res.unclassified(l, "a bullet outside any list");
        }
        self.plain(l, s, &c.notes);
    }

    fn plain(&mut self, l: SourceLine<'_>, s: &str, notes: &[i64]) {
        match self.block.clone() {
            Block::Text(id) => self.append(&id, l, s, notes),
            Block::Header => {
                if let Some(plan) = self.plan.clone() {
                    self.append(&plan, l, s, notes);
                }
            }
            Block::Start => {
                let id = plan_id(s);
                let mut node = Node::with_id(id.clone(), NodeKind::Plan)
                    .with_label(s)
                    .with_span(l.span());
                attr_notes(&mut node, notes);
                self.add(node);
                self.plan = Some(id);
                self.block = Block::Header;
            }
            Block::Challenges
                if s.split_whitespace().count() <= 10
                    && !s.ends_with(['.', ':', ';', '!', '?']) =>
            {
                self.challenge(l, s, notes);
            }
            Block::Challenges | Block::Outcomes => {
                self.block = Block::Closed;
                self.res
                    .unclassified(l, "text after a list, under no heading");
            }
            Block::AwaitPartners(role) => self.partners(l, role, s, notes),
            Block::Partners => self.res.unclassified(
                l,
                "text after an action's lead and partners, under no heading",
            ),
            Block::Closed => self.res.unclassified(l, "text under no heading"),
        }
    }

    fn append(&mut self, id: &NodeId, l: SourceLine<'_>, s: &str, notes: &[i64]) {
        let span = l.span();
        self.update(id, |n| {
            match &mut n.text {
                Some(t) => join_text(t, s),
                None => n.text = Some(s.to_owned()),
            }
            attr_notes(n, notes);
            extend_span(n, span);
        });
    }

    fn footnote(&mut self, l: SourceLine<'_>, n: i64, text: &str) {
        if self.plan.is_none() {
            return self
                .res
                .unclassified(l, "a footnote in a document with no plan title");
        }
        self.notes
            .entry(n.to_string())
            .or_insert_with(|| AttrValue::Text(text.to_owned()));
        if let Block::Text(_) | Block::Header = self.block {
            self.block = Block::Closed;
        }
    }

    fn priority(&mut self, l: SourceLine<'_>, num: &str, title: &str, notes: &[i64]) {
        let id = NodeId::of(NodeKind::Priority, num);
        self.sa = None;
        self.action = None;
        if self.exists(&id) {
            self.diag_ids(
                "priority_repeated",
                Severity::Info,
                &l,
                &[&id],
                format!("priority {num} appears again (a contents list?); its lines continue it"),
            );
            let mut has_text = false;
            self.update(&id, |n| {
                if n.label.is_empty() && !title.is_empty() {
                    n.label = title.to_owned();
                }
                attr_notes(n, notes);
                has_text = n.text.is_some();
            });
            self.block = if has_text {
                Block::Closed
            } else {
                Block::Text(id.clone())
            };
        } else {
            let mut node = Node::new(NodeKind::Priority, num, "")
                .with_label(title)
                .with_span(l.span());
            attr_notes(&mut node, notes);
            self.add(node);
            if let Some(plan) = self.plan.clone() {
                self.link(&plan, EdgeKind::Contains, &id);
            }
            self.block = Block::Text(id.clone());
        }
        self.priority = Some((id, num.to_owned()));
    }

    /// The priority a strategic action numbered `num` belongs to.
    fn sa_parent(&mut self, l: &SourceLine<'_>, num: &str) -> Option<NodeId> {
        let mut parts = num.split('.');
        let first = parts.next().unwrap_or("");
        let multi = parts.next().is_some();
        if !multi {
            return self
                .priority
                .as_ref()
                .map(|(id, _)| id.clone())
                .or_else(|| self.plan.clone());
        }
        let pid = NodeId::of(NodeKind::Priority, first);
        if self.exists(&pid) {
            return Some(pid);
        }
        if let Some((current, pnum)) = self.priority.clone() {
            self.diag_ids(
                "numbering_mismatch",
                Severity::Warning,
                l,
                &[&current],
                format!("strategic action {num} is under priority {pnum}; its number does not start with {pnum}"),
            );
            return Some(current);
        }
        self.diag_ids(
            "implied_priority",
            Severity::Info,
            l,
            &[&pid],
            format!("strategic action {num} has no priority heading before it; priority {first} was made from its number"),
        );
        self.add(Node::new(NodeKind::Priority, first, "").with_span(l.span()));
        if let Some(plan) = self.plan.clone() {
            self.link(&plan, EdgeKind::Contains, &pid);
        }
        self.priority = Some((pid.clone(), first.to_owned()));
        Some(pid)
    }

    fn strategic_action(
        &mut self,
        l: SourceLine<'_>,
        num: &str,
        text: &str,
        notes: &[i64],
        implied: bool,
    ) {
        let id = NodeId::of(NodeKind::StrategicAction, num);
        self.action = None;
        if self.exists(&id) {
            self.sa = Some(id.clone());
            self.block = Block::Closed;
            self.diag_ids(
                "duplicate_number",
                Severity::Warning,
                &l,
                &[&id],
                format!(
                    "strategic action {num} appears twice; the second is kept as unclassified text"
                ),
            );
            return self
                .res
                .unclassified(l, "a repeated strategic action number");
        }
        let parent = self.sa_parent(&l, num);
        let mut node = Node::new(NodeKind::StrategicAction, num, text).with_span(l.span());
        attr_notes(&mut node, notes);
        self.add(node);
        if let Some(parent) = parent {
            self.link(&parent, EdgeKind::Contains, &id);
        }
        self.sa = Some(id.clone());
        if !implied {
            self.block = Block::Text(id);
        }
    }

    fn action(&mut self, l: SourceLine<'_>, num: &str, text: &str, notes: &[i64]) {
        let id = NodeId::of(NodeKind::Action, num);
        if self.exists(&id) {
            self.action = None;
            self.block = Block::Closed;
            self.diag_ids(
                "duplicate_number",
                Severity::Warning,
                &l,
                &[&id],
                format!("action {num} appears twice; the second is kept as unclassified text"),
            );
            return self.res.unclassified(l, "a repeated action number");
        }
        let sa_num = num.rsplit_once('.').map_or(num, |(a, _)| a);
        let sid = NodeId::of(NodeKind::StrategicAction, sa_num);
        if !self.exists(&sid) {
            self.diag_ids(
                "implied_strategic_action",
                Severity::Info,
                &l,
                &[&sid],
                format!("action {num} has no strategic action heading before it; strategic action {sa_num} was made from its number"),
            );
            self.strategic_action(l, sa_num, "", &[], true);
        }
        let mut node = Node::new(NodeKind::Action, num, text).with_span(l.span());
        attr_notes(&mut node, notes);
        self.add(node);
        self.link(&sid, EdgeKind::Contains, &id);
        self.action = Some(id.clone());
        self.block = Block::Text(id);
    }

    fn outcome_refs(&mut self, l: SourceLine<'_>, nums: Vec<(String, Option<String>)>) {
        let Some((pid, _)) = self.priority.clone() else {
            return self
                .res
                .unclassified(l, "an outcomes line with no priority before it");
        };
        let mut numbers: Vec<String> = Vec::new();
        for (a, b) in nums {
            let Some(b) = b else {
                numbers.push(a);
                continue;
            };
            match (a.parse::<u64>(), b.parse::<u64>()) {
                (Ok(lo), Ok(hi)) if hi >= lo && hi - lo <= 100 => {
                    numbers.extend((lo..=hi).map(|n| n.to_string()));
                }
                _ => {
                    self.diag(
                        "outcome_range",
                        Severity::Warning,
                        &l,
                        format!("outcome range {a}-{b} is not expanded; only its ends are taken"),
                    );
                    numbers.push(a);
                    numbers.push(b);
                }
            }
        }
        for n in numbers {
            let oid = NodeId::of(NodeKind::Outcome, &n);
            if !self.exists(&oid) {
                self.add(Node::new(NodeKind::Outcome, &n, "").with_span(l.span()));
            }
            self.link(&pid, EdgeKind::ContributesTo, &oid);
        }
        self.block = Block::Closed;
    }

    fn outcome_statement(
        &mut self,
        l: SourceLine<'_>,
        num: Option<&str>,
        text: &str,
        notes: &[i64],
    ) {
        let (num, text) = match (num, outcome_label(text)) {
            (_, Some((n, t))) => (n.to_owned(), t),
            (Some(n), None) => (n.to_owned(), text),
            (None, None) => (self.next_outcome.to_string(), text),
        };
        if let Ok(n) = num.parse::<u64>() {
            self.next_outcome = n.saturating_add(1);
        }
        let oid = NodeId::of(NodeKind::Outcome, &num);
        let span = l.span();
        if !self.exists(&oid) {
            let mut node = Node::new(NodeKind::Outcome, &num, text).with_span(span);
            attr_notes(&mut node, notes);
            return self.add(node);
        }
        let current = self
            .res
            .strategy
            .node(oid.as_str())
            .and_then(|n| n.text.clone());
        match current {
            None => self.update(&oid, |n| {
                n.text = Some(text.to_owned());
                attr_notes(n, notes);
            }),
            Some(t) if t == text => {}
            Some(_) => {
                self.diag_ids(
                    "outcome_redefined",
                    Severity::Warning,
                    &l,
                    &[&oid],
                    format!("outcome {num} was stated differently before; this statement is kept as unclassified text"),
                );
                self.res
                    .unclassified(l, "a second, different statement of an outcome");
            }
        }
    }

    fn challenge(&mut self, l: SourceLine<'_>, text: &str, notes: &[i64]) {
        if crate::model::slug(text).is_empty() {
            self.diag(
                "empty_name",
                Severity::Warning,
                &l,
                format!("challenge {text:?} has no letters or digits; left out"),
            );
            return self.res.unclassified(l, "a challenge with no name");
        }
        let id = NodeId::of(NodeKind::Challenge, text);
        if !self.exists(&id) {
            let mut node = Node::with_id(id.clone(), NodeKind::Challenge)
                .with_label(text)
                .with_span(l.span());
            attr_notes(&mut node, notes);
            self.add(node);
        } else if !notes.is_empty() {
            self.update(&id, |n| attr_notes(n, notes));
        }
        let holder = self
            .priority
            .as_ref()
            .map(|(p, _)| p.clone())
            .or_else(|| self.plan.clone());
        if let Some(holder) = holder {
            self.link(&holder, EdgeKind::Addresses, &id);
        }
    }

    fn focus(&mut self, l: SourceLine<'_>, label: &str, rest: &str, notes: &[i64]) {
        let key = self
            .priority
            .as_ref()
            .map_or_else(|| "plan".to_owned(), |(_, n)| n.clone());
        let count = self.focus_counts.entry(key.clone()).or_insert(0);
        *count += 1;
        let key = if *count > 1 {
            format!("{key}-{count}")
        } else {
            key
        };
        let id = NodeId::of(NodeKind::FocusArea, &key);
        if self.exists(&id) {
            return self.res.unclassified(l, "a repeated key area of focus");
        }
        let mut node = Node::with_id(id.clone(), NodeKind::FocusArea)
            .with_label(label)
            .with_span(l.span());
        if !rest.is_empty() {
            node.text = Some(rest.to_owned());
        }
        attr_notes(&mut node, notes);
        self.add(node);
        let holder = self
            .priority
            .as_ref()
            .map(|(p, _)| p.clone())
            .or_else(|| self.plan.clone());
        if let Some(holder) = holder {
            self.link(&holder, EdgeKind::Contains, &id);
        }
        self.block = Block::Text(id);
    }

    fn partners(&mut self, l: SourceLine<'_>, role: Role, rest: &str, notes: &[i64]) {
        let Some(action) = self.action.clone() else {
            return self
                .res
                .unclassified(l, "a lead and partners line with no action before it");
        };
        self.block = Block::Partners;
        if !notes.is_empty() {
            self.update(&action, |n| attr_notes(n, notes));
        }
        if rest.is_empty() {
            self.block = Block::AwaitPartners(role);
            return;
        }
        let split = match role {
            Role::LeadAndPartners => split_lead_line(self.g, rest),
            Role::Lead => Split {
                leads: parse_leads(self.g, rest),
                ..Split::default()
            },
            Role::Partners => Split {
                partners: parse_list(self.g, rest, true),
                ..Split::default()
            },
        };
        let joint = split.leads.len() > 1;
        let mut lost = false;
        for lead in &split.leads {
            match self.partner(&l, lead) {
                Some(pid) => {
                    let mut edge = Edge::new(action.clone(), EdgeKind::LedBy, pid);
                    if joint {
                        edge = edge.with_attr("joint", true);
                    }
                    let _ = self.res.strategy.add_edge(edge);
                }
                None => lost = true,
            }
        }
        for partner in &split.partners {
            match self.partner(&l, partner) {
                Some(pid) => self.link(&action, EdgeKind::KeyPartner, &pid),
                None => lost = true,
            }
        }
        if split.ambiguous || lost {
            if split.ambiguous {
                let leads: Vec<&str> = split.leads.iter().map(|i| i.name.as_str()).collect();
                self.diag_ids(
                    "ambiguous_lead",
                    Severity::Warning,
                    &l,
                    &[&action],
                    format!(
                        "the lead of {} cannot be told from its partners in {:?}; took {:?} as lead and kept the line in attr partners_line",
                        action.as_str(),
                        crate::text::prefix(rest, 120).0,
                        leads
                    ),
                );
            }
            let line = rest.to_owned();
            self.update(&action, |n| {
                n.attrs
                    .entry("partners_line".to_owned())
                    .or_insert(AttrValue::Text(line));
            });
        } else if split.unknown_lead {
            if let Some(lead) = split.leads.first() {
                let msg = format!(
                    "the lead of {} ({:?}) is not in the gazetteer; it is the only name on its line, so it is taken as the lead",
                    action.as_str(),
                    crate::text::prefix(&lead.name, 80).0
                );
                self.diag_ids("lead_not_in_gazetteer", Severity::Info, &l, &[&action], msg);
            }
        }
    }

    /// The partner node for an item (made if new), with its members.
    fn partner(&mut self, l: &SourceLine<'_>, item: &Item) -> Option<NodeId> {
        let name = item.name.trim();
        let Some(id) = partner_node(
            self.g,
            &mut self.res.strategy,
            &mut self.partner_ids,
            item,
            l.span(),
        ) else {
            self.diag(
                "empty_name",
                Severity::Warning,
                l,
                format!("partner {name:?} has no letters or digits; left out"),
            );
            return None;
        };
        for member in &item.members {
            if let Some(mid) = self.partner(l, member) {
                if mid != id {
                    self.link(&mid, EdgeKind::MemberOf, &id);
                }
            }
        }
        Some(id)
    }

    fn scan_acronyms(&mut self, text: &str, line: usize) {
        let words = || {
            text.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
        };
        let (mut alpha, mut caps) = (0usize, 0usize);
        for w in words() {
            alpha += usize::from(w.chars().any(|c| c.is_ascii_alphabetic()));
            caps += usize::from(is_acronym(w));
        }
        let heading_in_capitals = alpha >= 3 && caps * 2 > alpha;
        if !heading_in_capitals && caps > 0 {
            for w in words() {
                if is_acronym(w) && !NOT_ACRONYMS.contains(&w) && !self.acr_uses.contains_key(w) {
                    self.acr_uses.insert(w.to_owned(), line);
                }
            }
        }
        // Definitions: "Long Name (ACR)" and "ACR (Long Name)".
        let mut search = 0usize;
        while let Some(open) = text.get(search..).and_then(|r| r.find('(')) {
            let open = search + open;
            let Some(after) = text.get(open + 1..) else {
                break;
            };
            let Some(close) = after.find(['(', ')']) else {
                break;
            };
            if after.get(close..).is_some_and(|r| r.starts_with('(')) {
                search = open + 1 + close;
                continue;
            }
            let inner = after.get(..close).unwrap_or("").trim();
            let before = text.get(..open).unwrap_or("").trim_end();
            if is_acronym(inner) {
                if let Some(exp) = expansion_before(before, inner) {
                    self.acr_defs.entry(inner.to_owned()).or_insert((exp, line));
                }
            } else if let Some(last) = before.split_whitespace().next_back() {
                let last = trim_punct(last);
                if is_acronym(last) {
                    let inner_words: Vec<&str> = inner.split_whitespace().take(40).collect();
                    if initials_match(&inner_words, &acronym_letters(last)) {
                        self.acr_defs
                            .entry(last.to_owned())
                            .or_insert((inner.to_owned(), line));
                    }
                }
            }
            search = open + 1 + close + 1;
        }
    }

    fn defined(&self, acr: &str) -> Option<&(String, usize)> {
        self.acr_defs
            .get(acr)
            .or_else(|| acr.strip_suffix('s').and_then(|a| self.acr_defs.get(a)))
            .or_else(|| self.acr_defs.get(&format!("{acr}s")))
    }

    fn finish(mut self) -> PlanParse {
        // Deadlines of actions, read from their text.
        let found: Vec<(NodeId, crate::model::DateWindow)> = self
            .res
            .strategy
            .nodes_of_kind(NodeKind::Action)
            .filter_map(|n| Some((n.id.clone(), find_deadline(n.text.as_deref()?)?)))
            .collect();
        for (id, deadline) in found {
            self.update(&id, |n| n.deadline = Some(deadline));
        }
        // Acronyms.
        let mut acronyms = Vec::new();
        let mut diags = Vec::new();
        for (acr, &line) in &self.acr_uses {
            if let Some((exp, def_line)) = self.defined(acr) {
                acronyms.push(Acronym {
                    acronym: acr.clone(),
                    expansion: Some(exp.clone()),
                    source: AcronymSource::Document,
                    line: *def_line,
                });
                if self.acr_defs.contains_key(acr) {
                    diags.push(
                        Diagnostic::new(
                            "acronym_defined",
                            Severity::Info,
                            format!("{acr} is defined in the text as {exp:?}"),
                        )
                        .at(*def_line, None),
                    );
                }
            } else if let Some(exp) = self.g.expand(acr) {
                acronyms.push(Acronym {
                    acronym: acr.clone(),
                    expansion: Some(exp.to_owned()),
                    source: AcronymSource::Gazetteer,
                    line,
                });
                diags.push(
                    Diagnostic::new(
                        "acronym_from_gazetteer",
                        Severity::Info,
                        format!("{acr} is used but not defined; the gazetteer reads it as {exp:?}"),
                    )
                    .at(line, None),
                );
            } else {
                acronyms.push(Acronym {
                    acronym: acr.clone(),
                    expansion: None,
                    source: AcronymSource::Unknown,
                    line,
                });
                diags.push(
                    Diagnostic::new(
                        "undefined_acronym",
                        Severity::Warning,
                        format!(
                            "{acr} is used but never defined, and the gazetteer does not know it"
                        ),
                    )
                    .at(line, None),
                );
            }
        }
        self.res.diagnostics.extend(diags);
        // The plan: period, acronyms, notes.
        if let Some(plan) = self.plan.clone() {
            let defs: BTreeMap<String, AttrValue> = self
                .acr_defs
                .iter()
                .map(|(k, (v, _))| (k.clone(), AttrValue::Text(v.clone())))
                .collect();
            let notes = std::mem::take(&mut self.notes);
            self.update(&plan, |n| {
                n.period =
                    find_period(&n.label).or_else(|| n.text.as_deref().and_then(find_period));
                if !defs.is_empty() {
                    n.attrs.insert("acronyms".to_owned(), AttrValue::Map(defs));
                }
                if !notes.is_empty() {
                    n.attrs.insert("notes".to_owned(), AttrValue::Map(notes));
                }
            });
        }
        crate::sort::sort_by_key(&mut self.res.diagnostics, |d| d.line.unwrap_or(usize::MAX));
        PlanParse {
            result: self.res,
            acronyms,
        }
    }
}
