//! Recognisers over [blocks](super::blocks): the layouts governments publish
//! other than the Scottish delivery plan's own, read into the same graph.
//!
//! [`parse_blocks`] walks the blocks of a page once. Each layout is a small
//! rule over blocks, not a parser of its own:
//!
//! | layout (corpus family) | blocks | what it gives |
//! |---|---|---|
//! | numbered list under a lead-in (F) | `LeadIn` "… COSLA should seek to:" / "… deliverables by 2026 are:", then `Numbered` "1. …" | one action per item; the lead-in's leads (known bodies before "should"/"will") and deadline apply to each item, with an Info `lead_inherited` / `deadline_inherited` |
//! | flattened table, status glued to the row (C) | `HeaderCell` "… actions Status", `Numbered` "N. text Completed" | actions with attr `status` as written (the known status phrases at the end of the row) |
//! | flattened table, lead and date trail the text | `HeaderCell` "Action Lead Delivery date", rows | the column model splits the trailing organisations (gazetteer bodies and acronyms, joint with "and"/"&"/","/"/") and the trailing deadline cell |
//! | table cells one per line / pipe table (E, H) | `HeaderCell` "Objective", "Actions", "Milestones", `TableSeparator`, `Numbered` "1.1 …" (run-together items already split), milestone paragraphs, `Field` "Lead:" | actions; a row's milestones give its actions' deadlines in order; a row's lead applies to each action in it; the objective goes to attr `objectives` of the priority |
//! | "Ref" row and cell per paragraph (E) | `HeaderCell` "Ref:", "Stakeholders", `Numbered` "1.1" with no text | the action's text is the next paragraph; lines that name organisations under a "Stakeholders" column are its key partners |
//! | labelled records (D, G) | `Numbered` / "Action 1." / `Field` "Action:", then `Field` "Lead:", "Partners:", "Timescale:", "Status: ✔ Complete", "Reason for RAG" | the fields go to the action before them; statuses as written (symbols dropped) in attr `status` |
//! | "Commitment N" / "Commitment N progress" (C) | `Numbered` with label "Commitment" | the commitment's text is the next paragraph; the progress paragraph goes to attr `progress` |
//! | deadline headings (H) | `DeadlineHeading` "By Spring 2025:" | each paragraph or bullet under it is an action with that deadline |
//! | priorities and aims | `Numbered` "Priority 4: …", "Strategic Aim 2: …", "1. Strategic Aim 1: …", "1 Law Reform: …" under "… strategic aims:" | `priority` nodes, attr `level` keeping the text's word ("Strategic Aim", "pillar") |
//! | outcomes | `Bullet`s under a lead-in naming outcomes | `outcome` nodes |
//!
//! Ids: a numbered action is `action:<number as written>` ("action:1.10"); an
//! unnumbered one `action:<slug of its first six words>`; a repeated id gets
//! `-2`, `-3`. Priorities are `priority:<n>`, an aim `priority:aim-<n>`, an
//! unnumbered priority `priority:<slug>`. Unnumbered outcomes are
//! `outcome:<slug of first six words>`. Leads are `led_by` edges (attr `joint`
//! when several, attr `as_written` the name as written); partners `key_partner`
//! edges with `as_written`. A deadline is the action's `deadline`, read from the
//! item's own words (not from the narrative under it), with its phrase as written.
//!
//! Nothing is lost: page furniture is skipped and reported; prose that is no
//! part of an action, outcome or priority is kept in
//! [`ParseResult::unclassified`] with an Info `narrative_text` diagnostic (it is
//! narrative, not an error), so the plan's description is only the summary under
//! the title and never the whole document.

use std::collections::HashMap;

use super::blocks::{
    blocks, is_column_word, label_role, lower_words, next_number as next_in_sequence, Block,
    BlockKind, LabelRole,
};
use super::date::{find_deadline, find_deadlines, find_period, parse_deadline};
use super::gazetteer::{is_acronym, Gazetteer};
use super::plan::{parse_partner_list, partner_node, plan_id, split_lead_line, Item};
use super::{ParseResult, SourceLine};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{AttrValue, DateWindow, Edge, EdgeKind, Node, NodeId, NodeKind, Strategy};

/// Parse a page with the block recognisers (see the [module docs](self)).
/// Never fails and never panics.
///
/// ```
/// use stratagraph::parse::gazetteer::Gazetteer;
/// use stratagraph::parse::recognise::parse_blocks;
/// use stratagraph::EdgeKind;
/// let page = "Recovery report\n\nSummary of the report.\n\n\
///             The report recommends that the Scottish Government and COSLA should seek to:\n\
///             1. Build on the outcome framework.\n2. Pilot new ways of working by 2026.\n";
/// let r = parse_blocks(page, &Gazetteer::builtin());
/// let s = &r.strategy;
/// let leads: Vec<_> = s.targets("action:2", EdgeKind::LedBy).map(|n| n.label.as_str()).collect();
/// assert_eq!(leads, ["Scottish Government", "COSLA"]);
/// assert_eq!(s.node("action:2").unwrap().deadline.as_ref().unwrap().phrase, "by 2026");
/// assert!(r.diagnostics.iter().any(|d| d.code == "lead_inherited"));
/// ```
pub fn parse_blocks(text: &str, g: &Gazetteer) -> ParseResult {
    let bs = blocks(text);
    let mut r = Rec::new(g);
    r.run(&bs);
    r.finish()
}

/// A progress report that is not a board paper (numbered records with
/// "Status:" fields, rows with the status glued to their end, "Commitment N"
/// pairs), read by the block recognisers: one entry per action, its status
/// where the words are a known status (the words as written stay in the
/// strategy's attr `status`, see [`parse_blocks`]), and, when there are
/// entries, the strategy the blocks read beside them (the actions with their
/// leads, partners and deadlines). The date is the one `board` read, the
/// title the blocks' (furniture left out); `board` is returned as it is
/// (with an empty strategy) when its rows carry statuses or shares.
pub(crate) fn progress_from_blocks(text: &str, board: super::ParseResult) -> super::ParseResult {
    // A page whose numbered lines carry no status or share is no board paper
    // ("1.1 In December 2016 …" are section numbers): the blocks' reading holds.
    let board_rows = board
        .report
        .entries
        .iter()
        .any(|e| e.status.is_some() || !e.shares.is_empty());
    if board_rows {
        return board;
    }
    let r = parse_blocks(text, Gazetteer::shared());
    let entries: Vec<crate::progress::ProgressEntry> = r
        .strategy
        .nodes_of_kind(NodeKind::Action)
        .map(|n| crate::progress::ProgressEntry {
            number: n.number.clone().unwrap_or_else(|| {
                n.id.as_str()
                    .split_once(':')
                    .map_or("", |(_, k)| k)
                    .to_owned()
            }),
            title: n
                .text
                .as_deref()
                .and_then(|t| t.lines().next())
                .unwrap_or("")
                .to_owned(),
            status: n
                .attrs
                .get("status")
                .and_then(AttrValue::as_text)
                .and_then(crate::progress::Status::parse),
            shares: Vec::new(),
            line: n.span.map_or(0, |s| s.line),
        })
        .collect();
    // Nothing lost: a line the report cannot hold (an action's continuation,
    // its lead, its status line) is in the strategy returned with the
    // entries when a node's span covers it; any other is kept as
    // unclassified text, with an Info diagnostic saying the plan parser
    // reads it into the graph.
    // A page with no entry keeps what else the blocks read (its pillars,
    // priorities, outcomes), but not a graph of its title alone.
    let structure = r.strategy.nodes().any(|n| n.kind != NodeKind::Plan);
    let strategy = if entries.is_empty() && !structure {
        crate::model::Strategy::new()
    } else {
        r.strategy.clone()
    };
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for n in strategy.nodes() {
        spans.extend(n.span.map(|s| (s.start, s.end)));
        n.attrs.values().for_each(|v| v.spans(&mut spans));
    }
    let mut kept: std::collections::HashSet<usize> = r
        .unclassified
        .iter()
        .chain(r.skipped.iter())
        .map(|l| l.line)
        .collect();
    kept.extend(entries.iter().map(|e| e.line));
    let (mut diagnostics, mut unclassified) = (r.diagnostics, r.unclassified);
    for l in super::source_lines(text) {
        let end = l.start + l.text.len();
        let in_graph = spans.iter().any(|&(s, e)| s < end && e > l.start);
        if in_graph || kept.contains(&l.number) || entries.iter().any(|e| e.title.contains(l.text))
        {
            continue;
        }
        diagnostics.push(
            Diagnostic::new(
                "not_in_report",
                Severity::Info,
                format!(
                    "line {} belongs to an item of the report but has no place in a progress entry; parse_delivery_plan reads it into the graph",
                    l.number
                ),
            )
            .at(l.number, Some(l.column)),
        );
        unclassified.push(l.to_text_line());
        kept.insert(l.number);
    }
    if entries.is_empty() {
        // Say so, as the board-paper reader does.
        diagnostics.extend(
            board
                .diagnostics
                .iter()
                .filter(|d| d.code == "progress_no_rows" || d.code == "progress_no_date")
                .cloned(),
        );
    }
    crate::sort::sort_by_key(&mut diagnostics, |d| d.line.unwrap_or(usize::MAX));
    crate::sort::sort_by_key(&mut unclassified, |l| l.line);
    let mut report = board.report;
    report.entries = entries;
    // The title the blocks read (furniture and the lines under it left out).
    if let Some(p) = r.strategy.nodes_of_kind(NodeKind::Plan).next() {
        report.title.clone_from(&p.label);
    }
    super::ParseResult {
        strategy,
        report,
        diagnostics,
        unclassified,
        skipped: r.skipped,
    }
}

/// What a list introduced by a lead-in holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ListKind {
    Actions,
    Outcomes,
    Aims,
    Pillars,
    /// Priorities or themes ("structured around 10 priorities …:").
    Priorities,
    Plain,
}

/// A list being read.
#[derive(Clone, Debug)]
struct List {
    kind: ListKind,
    leads: Vec<Item>,
    deadline: Option<DateWindow>,
    /// The status the lead-in gives its items ("3 of the 9 commitments
    /// already completed. These are:").
    status: Option<&'static str>,
    line: usize,
}

/// The columns a table header named.
#[derive(Clone, Debug, Default)]
struct Columns {
    any: bool,
    actions: bool,
    milestones: bool,
    stakeholders: bool,
    status: bool,
    lead: bool,
    date: bool,
    /// Several columns named on one line: rows carry their cells run together.
    inline: bool,
    /// A column of supporting organisations after the lead's ("Delivery
    /// Organisation(s) (Support)").
    support: bool,
    /// The first column names the row's priority or theme ("Priority Actions …").
    priority_first: bool,
    /// The column names of the last header line, lower case.
    names: Vec<String>,
}

/// What the next paragraph is.
#[derive(Clone, Debug, PartialEq)]
enum Expect {
    Nothing,
    /// The plan's summary, right under the title.
    Summary,
    /// The text of an action whose number stood alone ("Commitment 1", "1.1").
    ActionText(NodeId),
    /// A progress commentary ("Commitment 1 progress", after "Status:").
    Progress(NodeId),
    /// The objective cell of a table row.
    Objective,
}

struct Rec<'g> {
    g: &'g Gazetteer,
    res: ParseResult,
    plan: Option<NodeId>,
    /// The aim (or other upper level) and the priority under it.
    aim: Option<NodeId>,
    priority: Option<NodeId>,
    /// A numbered objective the actions under it serve (the strategy's own
    /// numbered items, "28. We review …", above "Our key actions" headings).
    objective: Option<NodeId>,
    /// The action whose text continues on plain lines.
    action: Option<NodeId>,
    /// The actions of the current table row or list.
    row: Vec<NodeId>,
    /// How many of the row's actions have a milestone deadline.
    row_milestones: usize,
    columns: Columns,
    /// The priority cell of the last row of a wide table.
    row_priority: Option<String>,
    /// The lead and support cells of the wide table's row being read.
    cells: Option<(Vec<Item>, Vec<Item>)>,
    list: Option<List>,
    deadline_heading: Option<DateWindow>,
    timescale: Option<String>,
    expect: Expect,
    /// Headings or headers have said what follows are actions.
    action_context: bool,
    partner_ids: HashMap<String, NodeId>,
    objectives: Vec<String>,
    started: bool,
    title: Option<String>,
    /// The last line of the plan's summary.
    summary_end: usize,
    /// In a list of bare numbered links ("Action 1", "Action 2").
    link_list: bool,
    /// Lines of headings that stand over a group of items (see [`group_heads`]).
    group_heads: std::collections::HashSet<usize>,
    /// Lines of numbered chapter headings (see [`chapter_heads`]).
    chapter_heads: std::collections::HashSet<usize>,
    /// A bulleted action ending in ":" whose sub-items follow it.
    open_item: Option<NodeId>,
    /// A "Status" label stood alone: the next line is the status.
    status_next: bool,
    /// Lines of unnumbered record titles (see [`record_heads`]).
    record_heads: std::collections::HashSet<usize>,
    /// Under a heading naming a vision or aims ("Our vision"): what the
    /// page says it "will" do there are its aims, not actions.
    vision: bool,
}

/// Whether a word names actions ("actions", "commitments", "projects",
/// "steps", "activities"): an action label of the one table
/// ([`ITEM_LABELS`](super::blocks::ITEM_LABELS)), singular or plural, but
/// "ref", or a word for steps and activities.
fn is_action_word(w: &str) -> bool {
    let singular = w.strip_suffix('s').unwrap_or(w);
    (w != "ref" && singular != "ref" && (is_action_label(w) || is_action_label(singular)))
        || ["steps", "activity", "activities"].contains(&w)
}

/// Labels of a status standing alone on their line ("Status", "RAG status").
const STATUS_LABELS: &[&str] = &[
    "status",
    "rag status",
    "current status",
    "progress status",
    "delivery status",
    "overall status",
];

/// Levels above a priority that are no item label: a priority found under one is its child.
const UPPER_LEVELS: &[&str] = &["chapter"];

/// Whether a label is an action's ("Action", "Commitment", "Project").
fn is_action_label(label: &str) -> bool {
    label_role(label) == Some(LabelRole::Action)
}

/// Whether a field's label gives an action's text: an action label but a
/// reference ("Action:", "Commitment:", "Milestone:"), or "New" ("New:",
/// "New action:", a commitment added in a report).
fn is_action_field(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    let new = lower == "new" || lower.strip_prefix("new ").is_some_and(is_action_label);
    new || (is_action_label(&lower) && lower != "ref")
}

/// Statuses as progress reports write them, longest first within a word count.
const STATUS_PHRASES: &[&str] = &[
    "continuous programme of work",
    "complete and ongoing",
    "substantially complete",
    "partially achieved",
    "not achieved",
    "behind schedule",
    "ahead of schedule",
    "on schedule",
    "significant progress",
    "limited progress",
    "not yet due",
    "work ongoing",
    "in development",
    "under way",
    "underway",
    "overdue",
    "paused",
    "missed delivery date no risk",
    "delivery date missed with risk",
    "early stage of development",
    "partially complete",
    "partially completed",
    "not yet started",
    "not started",
    "in progress",
    "on track",
    "off track",
    "at risk",
    "completed",
    "complete",
    "delivered",
    "achieved",
    "ongoing",
    "delayed",
    "on hold",
    "superseded",
    "green",
    "amber",
    "red",
];

/// Verbs that open an action ("Develop …", "We will …").
const ACTION_OPENERS: &[&str] = &[
    "we will",
    "we intend",
    "we aim",
    "we are",
    "develop",
    "promote",
    "improve",
    "increase",
    "consider",
    "review",
    "ensure",
    "establish",
    "publish",
    "launch",
    "deliver",
    "provide",
    "work",
    "build",
    "continue",
    "identify",
    "support",
    "create",
    "introduce",
    "commission",
    "explore",
    "adopt",
    "implement",
    "undertake",
    "set up",
    "take",
    "make",
    "engage",
    "expand",
    "embed",
    "strengthen",
    "invest",
    "agree",
    "produce",
    "carry out",
    "fund",
    "extend",
    "test",
    "pilot",
    "design",
    "reduce",
    "raise",
    "enable",
    "enhance",
    "monitor",
    "evaluate",
];

/// Head words of names that are not organisations.
const NOT_ORGS: &[&str] = &[
    "framework",
    "strategy",
    "plan",
    "act",
    "bill",
    "agreement",
    "programme",
    "policy",
    "platform",
    "review",
    "report",
    "campaign",
    "pathway",
    "fund",
    "approach",
    "scheme",
];

fn starts_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
        && s[prefix.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a text opens like an action.
fn opens_like_action(t: &str) -> bool {
    ACTION_OPENERS.iter().any(|o| starts_ci(t, o))
}

/// The status phrase at the end of a row: (text before it, status as written).
pub(crate) fn trailing_status(t: &str) -> Option<(&str, &str)> {
    // ASCII lower case keeps every byte offset, so `cut` is a boundary of `t`.
    let lower = t.to_ascii_lowercase();
    for p in STATUS_PHRASES {
        if lower.ends_with(p) {
            let cut = t.len() - p.len();
            let (before, status) = (t.get(..cut)?, t.get(cut..)?);
            if cut == 0 || before.ends_with(' ') {
                return Some((before.trim_end(), status));
            }
        }
    }
    None
}

/// A status as written, without the symbols before it ("✔ Complete" -> "Complete").
fn status_words(t: &str) -> &str {
    t.trim_start_matches(|c: char| !c.is_alphanumeric()).trim()
}

/// `{text, start, end, line}`: words read from a block, with where they are.
fn span_value(text: &str, b: &Block<'_>) -> AttrValue {
    let mut m = std::collections::BTreeMap::new();
    m.insert("text".to_owned(), AttrValue::Text(text.to_owned()));
    for (k, v) in [
        ("start", b.span.start),
        ("end", b.span.end),
        ("line", b.span.line),
    ] {
        m.insert(
            k.to_owned(),
            AttrValue::Integer(i64::try_from(v).unwrap_or(i64::MAX)),
        );
    }
    AttrValue::Map(m)
}

/// A slug of the first words of a text, for unnumbered ids.
fn head_slug(t: &str) -> String {
    let head: Vec<&str> = t.split_whitespace().take(6).collect();
    crate::model::slug(&head.join(" "))
}

impl<'g> Rec<'g> {
    fn new(g: &'g Gazetteer) -> Rec<'g> {
        Rec {
            g,
            res: ParseResult::new(Strategy::new()),
            plan: None,
            aim: None,
            priority: None,
            objective: None,
            action: None,
            row: Vec::new(),
            row_milestones: 0,
            columns: Columns::default(),
            row_priority: None,
            cells: None,
            list: None,
            deadline_heading: None,
            timescale: None,
            expect: Expect::Nothing,
            action_context: false,
            partner_ids: HashMap::new(),
            objectives: Vec::new(),
            started: false,
            title: None,
            summary_end: 0,
            link_list: false,
            group_heads: std::collections::HashSet::new(),
            chapter_heads: std::collections::HashSet::new(),
            open_item: None,
            status_next: false,
            record_heads: std::collections::HashSet::new(),
            vision: false,
        }
    }

    fn line_of<'a>(b: &Block<'a>) -> SourceLine<'a> {
        SourceLine {
            number: b.span.line,
            column: b.span.column,
            start: b.span.start,
            text: b.text,
        }
    }

    fn info(&mut self, code: &str, b: &Block<'_>, ids: &[&NodeId], msg: String) {
        self.res.diagnostics.push(
            Diagnostic::new(code, Severity::Info, msg)
                .with_ids(ids.iter().map(|i| i.as_str()))
                .at(b.span.line, Some(b.span.column)),
        );
    }

    /// Keep a block of prose that is no part of the model.
    fn narrative(&mut self, b: &Block<'_>) {
        let l = Self::line_of(b);
        self.res.diagnostics.push(
            Diagnostic::new(
                "narrative_text",
                Severity::Info,
                format!(
                    "line {} is narrative text (no action, outcome or priority); kept as unclassified text",
                    l.number
                ),
            )
            .at(l.number, Some(l.column)),
        );
        self.res.unclassified.push(l.to_text_line());
    }

    fn add(&mut self, node: Node) {
        let _ = self.res.strategy.add_node(node);
    }

    fn link(&mut self, from: &NodeId, kind: EdgeKind, to: &NodeId) {
        let _ = self.res.strategy.link(from.as_str(), kind, to.as_str());
    }

    fn update(&mut self, id: &NodeId, f: impl FnOnce(&mut Node)) {
        let _ = self.res.strategy.update_node(id.as_str(), f);
    }

    /// Add `{text, start, end, line}` (the words and where they were read)
    /// to the list attr `name` of a node.
    fn push_attr(&mut self, id: &NodeId, name: &str, value: &str, b: &Block<'_>) {
        let v = span_value(value, b);
        self.update(id, |n| {
            let e = n
                .attrs
                .entry(name.to_owned())
                .or_insert_with(|| AttrValue::List(Vec::new()));
            if let AttrValue::List(l) = e {
                l.push(v);
            }
        });
    }

    /// Stretch a node's span to the end of a block that belongs to it.
    fn stretch(&mut self, id: &NodeId, b: &Block<'_>) {
        let end = b.span.end;
        self.update(id, |n| {
            if let Some(s) = &mut n.span {
                s.end = s.end.max(end);
            }
        });
    }

    /// A heading the model holds in what it says of the nodes under it.
    fn skip(&mut self, code: &str, b: &Block<'_>, what: &str) {
        self.info(
            code,
            b,
            &[],
            format!("line {} is {what}; skipped", b.span.line),
        );
        self.res.skipped.push(Self::line_of(b).to_text_line());
    }

    fn unique(&self, base: NodeId) -> NodeId {
        if !self.res.strategy.contains(base.as_str()) {
            return base;
        }
        (2..)
            .map(|k| NodeId::new(format!("{}-{k}", base.as_str())))
            .find(|id| !self.res.strategy.contains(id.as_str()))
            .unwrap_or(base)
    }

    fn close_lists(&mut self) {
        self.list = None;
        self.deadline_heading = None;
        self.action = None;
        self.expect = Expect::Nothing;
    }

    fn run(&mut self, bs: &[Block<'_>]) {
        self.group_heads = group_heads(bs);
        self.chapter_heads = chapter_heads(bs);
        self.record_heads = record_heads(bs);
        let tables = cell_tables(bs);
        let records = if tables.is_empty() {
            stacked_records(bs)
        } else {
            None
        };
        let mut i = 0;
        while i < bs.len() {
            if let Some(r) = records.as_ref().filter(|r| r.start == i) {
                i = self.stacked(bs, r);
                continue;
            }
            if let Some(t) = tables.iter().find(|t| t.start == i) {
                let next_table = tables.iter().map(|t| t.start).find(|&s| s > i);
                i = self.cell_table(bs, t, next_table.unwrap_or(bs.len()));
                continue;
            }
            self.block(&bs[i], bs.get(i + 1));
            i += 1;
        }
    }

    /// Read records flattened one label per line (see [`stacked_records`]) to
    /// the end of the page: each value takes the role of the label above it;
    /// the first label's value opens a record and, unless it is the action, is
    /// the group over it ("Integrated policy (short term action)": the topic,
    /// and the timescale in brackets). Returns the index after the last block.
    fn stacked(&mut self, bs: &[Block<'_>], r: &StackedRecords) -> usize {
        let mut role: Option<CellRole> = None;
        let mut head = false;
        for b in &bs[r.start..] {
            if b.kind == BlockKind::Furniture {
                self.res.skipped(Self::line_of(b));
                continue;
            }
            let text = b.text.trim();
            if let Some((k, (_, label_role))) = r
                .labels
                .iter()
                .enumerate()
                .find(|(_, (l, _))| l.eq_ignore_ascii_case(text))
            {
                role = Some(*label_role);
                head = k == 0;
                if head {
                    self.row.clear();
                    self.action = None;
                    self.timescale = None;
                }
                self.skip(
                    "record_label",
                    b,
                    &format!("the label {text:?} of the value under it"),
                );
                continue;
            }
            match (role, self.action.clone()) {
                (Some(CellRole::Action), None) => {
                    self.action(b, None, text);
                }
                (Some(CellRole::Action), Some(id)) => self.append(&id, b),
                (Some(_), _) if head => {
                    // The group, with a timescale in brackets: "Placemaking (medium term action)".
                    let (title, timescale) = match text.rsplit_once(" (") {
                        Some((t, rest)) if rest.ends_with(')') => {
                            let inner = rest.trim_end_matches(')');
                            let inner = inner
                                .trim_end_matches(" actions")
                                .trim_end_matches(" action");
                            (t.trim(), Some(inner.to_owned()))
                        }
                        _ => (text, None),
                    };
                    let level = r.labels[0].0.to_lowercase();
                    self.priority(b, &level, None, title);
                    self.timescale = timescale;
                    head = false;
                }
                (Some(CellRole::Status), Some(id)) => {
                    self.status_cell(&id, text, b);
                }
                (Some(CellRole::Lead), Some(id)) => self.lead_cell(&id, text, b),
                (Some(_), Some(id)) => self.push_attr(&id, "progress", text, b),
                _ => self.narrative(b),
            }
        }
        self.action = None;
        self.timescale = None;
        bs.len()
    }

    /// A lead cell of action `id`: the bodies it names ("SG and contractor": SG).
    fn lead_cell(&mut self, id: &NodeId, text: &str, b: &Block<'_>) {
        let items: Vec<Item> = parse_partner_list(self.g, text, true)
            .into_iter()
            .filter(|i| self.known_bodies(i.name.trim()))
            .collect();
        self.leads(b, id, &items);
        self.stretch(id, b);
    }

    /// A status cell of action `id`, as written.
    fn status_cell(&mut self, id: &NodeId, text: &str, b: &Block<'_>) {
        let s = text.trim_end_matches('.').to_owned();
        self.update(id, |n| {
            n.attrs.insert("status".to_owned(), AttrValue::Text(s));
        });
        self.stretch(id, b);
    }

    /// Read a table flattened one cell per paragraph (see [`cell_tables`]),
    /// from its header to `until`: each row opens with its reference ("C1"),
    /// then its cells in the header's order; an update runs over paragraphs
    /// until the status; a cell before a reference in the place of the
    /// header's first columns (an objective, a policy area) heads the rows
    /// under it. Returns the index of the block after the table.
    fn cell_table(&mut self, bs: &[Block<'_>], t: &CellTable, until: usize) -> usize {
        for b in &bs[t.start..t.end] {
            self.skip(
                "table_header",
                b,
                &format!("the name of a table column, {:?}", b.text),
            );
        }
        self.columns = Columns::default();
        let after_ref: Vec<CellRole> = t
            .roles
            .iter()
            .skip_while(|r| **r != CellRole::Ref)
            .skip(1)
            .copied()
            .collect();
        // The row being read: its action (once its text cell came), its
        // reference, and the column of the next cell.
        let mut row: Option<(Option<NodeId>, String, usize)> = None;
        let mut status_seen = false;
        let mut reference: Option<super::SourceSpan> = None;
        for j in t.end..until {
            let b = &bs[j];
            if b.kind == BlockKind::Furniture {
                self.res.skipped(Self::line_of(b));
                continue;
            }
            let text = b.text.trim();
            // A reference opens a row where a row can end: not in the middle
            // of one ("2025" in its date cell).
            let between_rows = row.as_ref().is_none_or(|(action, _, col)| {
                status_seen
                    || action.is_some()
                        && matches!(
                            after_ref.get(*col),
                            None | Some(CellRole::Update | CellRole::Status)
                        )
            });
            if between_rows && is_reference(text) {
                row = Some((None, text.trim_end_matches('.').to_owned(), 0));
                reference = Some(Self::line_of(b).span());
                status_seen = false;
                continue;
            }
            let next_is_ref = bs.get(j + 1).is_some_and(|n| is_reference(n.text.trim()));
            let short = text.split_whitespace().count() <= 8 && !text.ends_with('.');
            let Some((action, number, col)) = row.as_mut() else {
                // Before the first row: the group cell, or prose.
                if short && next_is_ref {
                    self.priority(b, "policy area", None, text);
                } else {
                    self.narrative(b);
                }
                continue;
            };
            let role = after_ref.get(*col).copied().unwrap_or(CellRole::Update);
            let id = match (role, action.clone()) {
                (CellRole::Action, _) | (_, None) => {
                    self.row.clear();
                    self.cells = Some((Vec::new(), Vec::new()));
                    let id = self.action(b, Some(number.as_str()), text);
                    // The action's lines start at its reference's.
                    if let Some(r) = reference.take() {
                        self.update(&id, |n| {
                            if let Some(s) = &mut n.span {
                                s.start = s.start.min(r.start);
                                s.line = s.line.min(r.line);
                            }
                        });
                    }
                    *action = Some(id);
                    *col = after_ref
                        .iter()
                        .position(|r| *r == CellRole::Action)
                        .map_or(*col, |p| p + 1);
                    continue;
                }
                (_, Some(id)) => id,
            };
            if status_seen && short && next_is_ref {
                // A new group cell over the next rows.
                row = None;
                self.priority(b, "policy area", None, text);
                continue;
            }
            let status_cell =
                trailing_status(status_words(text)).is_some_and(|(rest, _)| rest.is_empty());
            match role {
                _ if status_seen => self.push_attr(&id, "progress", text, b),
                CellRole::Lead => {
                    self.lead_cell(&id, text, b);
                    *col += 1;
                }
                CellRole::Date => {
                    let d =
                        parse_deadline(text).unwrap_or_else(|| DateWindow::new(None, None, text));
                    self.update(&id, |n| {
                        if n.deadline.is_none() {
                            n.deadline = Some(d);
                        }
                    });
                    self.stretch(&id, b);
                    *col += 1;
                }
                CellRole::Status => {
                    self.status_cell(&id, text, b);
                    status_seen = true;
                    *col += 1;
                }
                CellRole::Update if status_cell => {
                    self.status_cell(&id, text, b);
                    status_seen = true;
                }
                _ => {
                    self.push_attr(&id, "progress", text, b);
                    if role != CellRole::Update {
                        *col += 1;
                    }
                }
            }
        }
        self.action = None;
        until
    }

    fn block(&mut self, b: &Block<'_>, next: Option<&Block<'_>>) {
        if b.kind == BlockKind::Furniture {
            return self.res.skipped(Self::line_of(b));
        }
        if b.kind != BlockKind::Bullet {
            self.open_item = None;
        }
        if !self.started {
            self.started = true;
            // A heading right above items is theirs ("Provide effective
            // healthcare" / "Commitment 1"), not the page's title.
            let heads_items = next.is_some_and(|n| {
                n.kind == BlockKind::Field
                    || (n.kind == BlockKind::Numbered && Self::priority_parts(n).is_none())
            });
            if b.kind == BlockKind::Heading && !heads_items {
                return self.title(b);
            }
        }
        if self.title.as_deref() == Some(b.text) {
            self.info(
                "repeated_title",
                b,
                &[],
                format!("line {} repeats the title; skipped", b.span.line),
            );
            return self.res.skipped.push(Self::line_of(b).to_text_line());
        }
        if matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph) && self.status_line(b) {
            return;
        }
        // "Status" alone, its value on the next line.
        let bare = b.text.trim_end_matches(':').trim();
        // (Outside a table: there "Status" is a column's name.)
        let label_kind = matches!(b.kind, BlockKind::Heading | BlockKind::LeadIn)
            || (b.kind == BlockKind::HeaderCell && !self.columns.any);
        if label_kind
            && STATUS_LABELS.iter().any(|l| bare.eq_ignore_ascii_case(l))
            && self.action.is_some()
        {
            self.status_next = true;
            return self.skip(
                "status_label",
                b,
                "the label of the status on the next line",
            );
        }
        match b.kind {
            BlockKind::Furniture => {}
            BlockKind::TableSeparator => {
                self.info(
                    "table_rule",
                    b,
                    &[],
                    format!("line {} is a table rule; skipped", b.span.line),
                );
                self.res.skipped.push(Self::line_of(b).to_text_line());
            }
            BlockKind::HeaderCell => self.header(b),
            BlockKind::Heading => self.heading(b, next),
            BlockKind::DeadlineHeading => {
                self.list = None;
                self.action = None;
                self.deadline_heading = parse_deadline(b.body);
                self.expect = Expect::Nothing;
                self.skip(
                    "deadline_heading",
                    b,
                    "a deadline heading (the items under it take its deadline)",
                );
            }
            BlockKind::Numbered => self.numbered(b, next),
            BlockKind::Field => self.field(b),
            BlockKind::LeadIn => self.lead_in(b),
            BlockKind::Bullet => self.bullet(b),
            BlockKind::TableRow => self.table_row(b),
            BlockKind::Paragraph => self.paragraph(b),
        }
    }

    fn title(&mut self, b: &Block<'_>) {
        let id = plan_id(b.text);
        let mut node = Node::with_id(id.clone(), NodeKind::Plan)
            .with_label(b.text)
            .with_span(Self::line_of(b).span());
        node.period = find_period(b.text);
        self.add(node);
        self.plan = Some(id);
        self.title = Some(b.text.to_owned());
        self.expect = Expect::Summary;
        self.vision = lower_words(b.text)
            .iter()
            .any(|w| VISION_WORDS.contains(&w.as_str()));
    }

    fn holder(&self) -> Option<NodeId> {
        self.objective
            .clone()
            .or_else(|| self.priority.clone())
            .or_else(|| self.aim.clone())
            .or_else(|| self.plan.clone())
    }

    fn header(&mut self, b: &Block<'_>) {
        let cells: Vec<String> = b.cells.iter().map(|c| c.to_ascii_lowercase()).collect();
        let has = |w: &str| cells.iter().any(|c| lower_words(c).iter().any(|x| x == w));
        if has("objective") && !self.row.is_empty() {
            self.row.clear();
            self.row_milestones = 0;
        }
        if has("objective") {
            self.expect = Expect::Objective;
        } else if self.expect == Expect::Summary {
            // A table starts: the plan's summary, if any, has ended.
            self.expect = Expect::Nothing;
        }
        let c = &mut self.columns;
        c.any = true;
        c.actions |= has("action") || has("actions") || has("commitment") || has("ref");
        c.milestones |= has("milestones") || has("milestone");
        c.stakeholders |= has("stakeholders");
        c.status |= has("status") || has("rag");
        c.lead |= has("lead") || has("partners") || has("who");
        c.date |= has("timescale") || has("date") || has("deadline") || has("when");
        c.inline = cells.len() > 1 && !b.cell;
        c.support = cells.len() > 2 && has("support");
        c.priority_first = cells.len() > 2
            && cells.first().is_some_and(|f| {
                ["priority", "priorities", "theme", "area", "policy area"].contains(&f.trim())
            });
        if cells.len() > 1 {
            c.names.clone_from(&cells);
        }
        self.action_context |= self.columns.actions;
        self.list = None;
        self.action = None;
        self.info(
            "table_header",
            b,
            &[],
            format!(
                "line {} names table columns: {}",
                b.span.line,
                b.cells.join(" | ")
            ),
        );
        self.res.skipped.push(Self::line_of(b).to_text_line());
    }

    /// An unnumbered record's title ("Develop a participation framework"
    /// then "Status: On track"): an action, its fields follow.
    fn record(&mut self, b: &Block<'_>) -> bool {
        // In a table, the fields under a cell are its row's.
        if self.columns.any || !self.record_heads.contains(&b.span.line) {
            return false;
        }
        self.row.clear();
        self.expect = Expect::Nothing;
        self.action(b, None, b.text);
        true
    }

    fn heading(&mut self, b: &Block<'_>, next: Option<&Block<'_>>) {
        if self.record(b) {
            return;
        }
        self.vision = lower_words(b.text)
            .iter()
            .any(|w| VISION_WORDS.contains(&w.as_str()));
        // "Poverty & Low Income" right above "Action 1 – …": the group the items are in.
        if self.group_heads.contains(&b.span.line) {
            self.close_lists();
            return self.priority(b, "theme", None, b.text);
        }
        let words = lower_words(b.text);
        let action_heading = words.iter().any(|w| is_action_word(w));
        // "Our key medium term actions (to 2024)": the items under it take its deadline.
        if action_heading {
            if let Some(d) = bracketed_deadline(b.text) {
                self.close_lists();
                self.action_context = true;
                self.deadline_heading = Some(d);
                return self.skip(
                    "deadline_heading",
                    b,
                    "a heading giving the deadline of the actions under it",
                );
            }
        }
        // A short heading inside a list of actions groups them ("Improve
        // engagement and participation" between bullets): the list goes on.
        let in_actions = self
            .list
            .as_ref()
            .is_some_and(|l| l.kind == ListKind::Actions);
        // "Longer term activities (4 year plan, to December 2025)": a timescale, no theme.
        let timescale = action_heading
            && words
                .iter()
                .position(|w| w == "term")
                .is_some_and(|p| p > 0 && p <= 3);
        if in_actions && timescale {
            self.close_lists();
        }
        // A short heading inside a list of actions: a theme of them, or, with
        // prose under it ("… These are:", a heading, a paragraph), an item the
        // heading titles and the prose tells (its subject is the lead).
        let short_heading = in_actions
            && !timescale
            && words.len() <= 12
            && !b.text.ends_with([':', '?'])
            && !names_items_only(b.text);
        if short_heading {
            let prose = next.filter(|n| {
                n.kind == BlockKind::Paragraph
                    || (n.kind == BlockKind::Heading && is_sentence(&lower_words(n.text)))
            });
            if let Some(n) = prose {
                let id = self.action(b, None, b.text);
                let subject = subject_leads(self.g, n.text);
                if !subject.is_empty() && !self.has_edge(&id, EdgeKind::LedBy) {
                    self.leads(n, &id, &subject);
                }
                return;
            }
            self.action = None;
            return self.priority(b, "theme", None, b.text);
        }
        // A sentence with no full stop ("We will map … by end 2024") is a paragraph.
        let sentence = is_sentence(&words);
        let in_row = self.columns.any && !self.row.is_empty();
        if sentence
            || in_row
            || (self.columns.milestones && !self.row.is_empty() && find_deadline(b.text).is_some())
        {
            return self.paragraph(b);
        }
        self.close_lists();
        // "Delivering on our four priorities": the numbered headings under it are priorities.
        if words.iter().any(|w| w == "priorities") && words.len() <= 8 {
            self.list = Some(List {
                kind: ListKind::Priorities,
                leads: Vec::new(),
                deadline: None,
                status: None,
                line: b.span.line,
            });
        }
        if words.iter().any(|w| is_action_word(w)) {
            self.action_context = true;
            // "Short Term Actions": the timescale of the actions under it.
            if let Some(pos) = words.iter().position(|w| w == "term") {
                if pos > 0 && (words.len() <= 4 || timescale) {
                    let t = b
                        .text
                        .split_whitespace()
                        .take(pos + 1)
                        .collect::<Vec<_>>()
                        .join(" ");
                    self.timescale = Some(t);
                }
            }
        }
        self.narrative(b);
    }

    /// A numbered heading that is a priority or aim: (label word, number, title).
    fn priority_parts<'a>(b: &Block<'a>) -> Option<(&'a str, &'a str, &'a str)> {
        let label = b.label?;
        matches!(
            label_role(label),
            Some(LabelRole::Priority | LabelRole::Upper)
        )
        .then(|| (label, b.number.unwrap_or(""), b.body))
    }

    fn priority(&mut self, b: &Block<'_>, level: &str, number: Option<&str>, title: &str) {
        let (title, statement) = match title.split_once(':') {
            Some((t, s)) if t.split_whitespace().count() <= 8 => (t.trim(), s.trim()),
            _ => (title.trim(), ""),
        };
        let lower = level.to_ascii_lowercase();
        let is_priority = lower == "priority" || lower == "strategic priority";
        let is_aim =
            UPPER_LEVELS.contains(&lower.as_str()) || label_role(level) == Some(LabelRole::Upper);
        let key = match (number, is_priority) {
            (Some(n), true) => n.to_owned(),
            (Some(n), false) => format!("{}-{n}", crate::model::slug(level)),
            (None, _) => crate::model::slug(title),
        };
        let id = NodeId::of(NodeKind::Priority, &key);
        if !self.res.strategy.contains(id.as_str()) {
            let mut node = Node::with_id(id.clone(), NodeKind::Priority)
                .with_label(title)
                .with_span(Self::line_of(b).span())
                .with_attr("level", level);
            node.number = number.map(str::to_owned);
            if !statement.is_empty() {
                node.text = Some(statement.to_owned());
            }
            self.add(node);
            let parent = if is_aim {
                self.plan.clone()
            } else {
                self.aim.clone().or_else(|| self.plan.clone())
            };
            if let Some(p) = parent {
                self.link(&p, EdgeKind::Contains, &id);
            }
        } else {
            // "1. A Fairer Scotland for All" again, under a download box.
            self.skip("repeated_heading", b, "a heading repeated");
        }
        self.objective = None;
        if is_aim {
            self.aim = Some(id);
            self.priority = None;
        } else {
            self.priority = Some(id);
        }
        self.action_context = true;
        self.row.clear();
        self.row_milestones = 0;
    }

    fn numbered(&mut self, b: &Block<'_>, next: Option<&Block<'_>>) {
        // "Action 1" / "Action 2" / …, each alone: a list of links, not items.
        let bare = |x: &Block<'_>| x.kind == BlockKind::Numbered && x.body.is_empty();
        if bare(b) && (next.is_some_and(bare) || self.link_list) {
            self.link_list = next.is_some_and(bare);
            return self.narrative(b);
        }
        self.link_list = false;
        if let Some((label, num, title)) = Self::priority_parts(b) {
            self.close_lists();
            return self.priority(b, label, Some(num), title);
        }
        // "1. Strategic Aim 1: Law Reform": a section number before a priority.
        let inner = super::blocks::blocks(b.body);
        if let [one] = inner.as_slice() {
            if let Some((label, num, title)) = Self::priority_parts(one) {
                self.close_lists();
                return self.priority(b, label, Some(num), title);
            }
        }
        let label = b.label.map(str::to_ascii_lowercase);
        let number = b.number.unwrap_or("");
        // "Commitment 1 progress": the commentary on commitment 1.
        if label.is_some() && b.body.eq_ignore_ascii_case("progress") {
            let id = NodeId::of(NodeKind::Action, number);
            self.expect = Expect::Progress(id);
            self.action = None;
            return self.skip("progress_heading", b, "the heading of an item's progress");
        }
        if let (Some(list), None) = (&self.list, b.label) {
            match list.kind {
                ListKind::Aims => return self.priority(b, "Strategic Aim", Some(number), b.body),
                ListKind::Priorities if super::blocks::is_heading(b.body) => {
                    return self.listed_priority(b, "Priority", Some(number), b.body);
                }
                // "Our outcomes describe …:" then "1. Improved …": numbered outcomes.
                ListKind::Outcomes => return self.numbered_outcome(b, number),
                _ => {}
            }
        }
        // "1. A Fairer Scotland for All" over a heading or "Action 1 – …": a chapter.
        if label.is_none() && self.chapter_heads.contains(&b.span.line) {
            self.close_lists();
            return self.priority(b, "chapter", Some(number), b.body);
        }
        let labelled = label.as_deref().is_some_and(is_action_label);
        // "9.2 In addition, we will …" after action 9.1: the sequence goes on.
        let follows = self
            .action
            .as_ref()
            .and_then(|a| self.res.strategy.node(a.as_str()))
            .and_then(|n| n.number.as_deref())
            .and_then(next_in_sequence)
            .is_some_and(|n| n == number);
        let in_list = self
            .list
            .as_ref()
            .is_some_and(|l| l.kind == ListKind::Actions);
        if !(labelled || in_list || follows || self.action_context || opens_like_action(b.body)) {
            // "1.3 … in five main areas, or "pillars":": a section introducing a list.
            if label.is_none() && b.body.ends_with(':') {
                return self.lead_in(b);
            }
            return self.narrative(b);
        }
        // An item right above a heading that announces actions is the
        // objective they serve, not an action.
        // ("Our key medium term actions (to 2024)", or "Actions:" alone.)
        let heads_actions = next.is_some_and(|n| {
            let words = lower_words(n.text);
            let announces = match n.kind {
                BlockKind::Heading => !is_sentence(&words),
                BlockKind::LeadIn | BlockKind::Field | BlockKind::HeaderCell => {
                    names_items_only(n.text.trim_end_matches(':'))
                }
                _ => false,
            };
            announces && words.iter().any(|w| is_action_word(w))
        });
        if heads_actions && label.is_none() {
            return self.objective(b, number);
        }
        let mut text = b.body;
        let mut status = None;
        if self.columns.status {
            if let Some((before, s)) = trailing_status(text) {
                text = before;
                status = Some(s);
            }
        }
        let id = self.action(b, Some(number), text);
        if let Some(s) = status {
            self.update(&id, |n| {
                n.attrs
                    .insert("status".to_owned(), AttrValue::Text(s.to_owned()));
            });
        }
        if text.is_empty() {
            self.expect = Expect::ActionText(id);
        }
    }

    /// A priority named in a list of a narrative ("structured around 10
    /// priorities:", "five main areas, or "pillars":"): the items after the
    /// list are no more actions than they were before it.
    fn listed_priority(&mut self, b: &Block<'_>, level: &str, number: Option<&str>, title: &str) {
        let context = self.action_context;
        let (aim, priority) = (self.aim.clone(), self.priority.clone());
        self.priority(b, level, number, title);
        self.action_context = context;
        // A list of the plan's priorities is no parent of what follows it.
        self.aim = aim;
        self.priority = priority;
    }

    /// A line that is only a status ("✔ Complete", "On track", "Amber") right
    /// after an action: the action's status, as written. Whether it was one.
    fn status_line(&mut self, b: &Block<'_>) -> bool {
        let words = status_words(b.text);
        let labelled = std::mem::take(&mut self.status_next);
        let status = match trailing_status(words) {
            Some(("", status)) => status,
            // After a "Status" label: the words as written ("Partially met").
            _ if labelled && words.split_whitespace().count() <= 6 && !words.is_empty() => {
                words.trim_end_matches('.')
            }
            _ => return false,
        };
        let Some(id) = self.action.clone() else {
            return false;
        };
        let has_status = self
            .res
            .strategy
            .node(id.as_str())
            .is_some_and(|n| n.attrs.contains_key("status"));
        if has_status {
            return false;
        }
        let s = status.to_owned();
        self.update(&id, |n| {
            n.attrs.insert("status".to_owned(), AttrValue::Text(s));
        });
        self.stretch(&id, b);
        self.info(
            "status_line",
            b,
            &[&id],
            format!("line {} is the status of {}", b.span.line, id.as_str()),
        );
        true
    }

    fn numbered_outcome(&mut self, b: &Block<'_>, number: &str) {
        let text = b.body;
        let id = self.unique(NodeId::of(NodeKind::Outcome, number));
        let mut node = Node::with_id(id.clone(), NodeKind::Outcome)
            .with_text(text)
            .with_span(Self::line_of(b).span());
        node.number = Some(number.to_owned());
        self.add(node);
        if let Some(h) = self.holder() {
            self.link(&h, EdgeKind::ContributesTo, &id);
        }
        self.action = None;
    }

    fn objective(&mut self, b: &Block<'_>, number: &str) {
        let key = format!("objective-{number}");
        let id = self.unique(NodeId::of(NodeKind::Priority, &key));
        let mut node = Node::with_id(id.clone(), NodeKind::Priority)
            .with_text(b.body)
            .with_span(Self::line_of(b).span())
            .with_attr("level", "objective");
        node.number = Some(number.to_owned());
        self.add(node);
        let parent = self
            .priority
            .clone()
            .or_else(|| self.aim.clone())
            .or_else(|| self.plan.clone());
        if let Some(p) = parent {
            self.link(&p, EdgeKind::Contains, &id);
        }
        self.objective = Some(id);
        self.action = None;
    }

    /// Make an action from a block: numbered or not, with what the list,
    /// heading and row around it say.
    fn action(&mut self, b: &Block<'_>, number: Option<&str>, text: &str) -> NodeId {
        let (text, trailing) = if self.columns.inline && (self.columns.lead || self.columns.date) {
            self.split_trailing(text)
        } else {
            (text.to_owned(), Trailing::default())
        };
        let base = match number {
            Some(n) if !n.is_empty() => NodeId::of(NodeKind::Action, n),
            _ => NodeId::of(NodeKind::Action, &head_slug(&text)),
        };
        let id = self.unique(base);
        let mut node =
            Node::with_id(id.clone(), NodeKind::Action).with_span(Self::line_of(b).span());
        node.number = number.filter(|n| !n.is_empty()).map(str::to_owned);
        if !text.is_empty() {
            node.text = Some(text.clone());
        }
        if let Some(t) = &self.timescale {
            node.attrs
                .insert("timescale".to_owned(), AttrValue::Text(t.clone()));
        }
        node.deadline = trailing.deadline.clone().or_else(|| find_deadline(&text));
        self.add(node);
        if let Some(h) = self.holder() {
            self.link(&h, EdgeKind::Contains, &id);
        }
        // Inherited from the list's lead-in or a deadline heading.
        let inherited = self.list.clone().filter(|l| l.kind == ListKind::Actions);
        if let Some(list) = inherited {
            if !list.leads.is_empty() {
                self.leads(b, &id, &list.leads);
                self.info(
                    "lead_inherited",
                    b,
                    &[&id],
                    format!(
                        "{} takes its lead from the sentence introducing its list (line {})",
                        id.as_str(),
                        list.line
                    ),
                );
            }
            if let Some(status) = list.status {
                self.update(&id, |n| {
                    n.attrs
                        .entry("status".to_owned())
                        .or_insert_with(|| AttrValue::Text(status.to_owned()));
                });
                self.info(
                    "status_inherited",
                    b,
                    &[&id],
                    format!(
                        "{} takes its status ({status}) from the sentence introducing its list (line {})",
                        id.as_str(),
                        list.line
                    ),
                );
            }
            if let Some(d) = list.deadline {
                let has = self
                    .res
                    .strategy
                    .node(id.as_str())
                    .is_some_and(|n| n.deadline.is_some());
                if !has {
                    self.update(&id, |n| n.deadline = Some(d));
                    self.info(
                        "deadline_inherited",
                        b,
                        &[&id],
                        format!("{} takes its deadline from the sentence introducing its list (line {})", id.as_str(), list.line),
                    );
                }
            }
        }
        if let Some(d) = self.deadline_heading.clone() {
            self.update(&id, |n| n.deadline = Some(d));
            self.info(
                "deadline_inherited",
                b,
                &[&id],
                format!(
                    "{} takes its deadline from the heading above it",
                    id.as_str()
                ),
            );
        }
        if let Some((lead, support)) = self.cells.take() {
            // A wide table's lead and support cells say who, not the sentence.
            self.leads(b, &id, &lead);
            for p in &support {
                self.partner_edge(b, &id, EdgeKind::KeyPartner, p, false);
            }
        } else {
            // The subject of the sentence: "The Scottish Government will …".
            let subject = subject_leads(self.g, &text);
            if !subject.is_empty() && !self.has_edge(&id, EdgeKind::LedBy) {
                self.leads(b, &id, &subject);
            }
            let mut partners = with_partners(self.g, &text);
            partners.extend(supporting_partners(self.g, &text));
            for p in &partners {
                self.partner_edge(b, &id, EdgeKind::KeyPartner, p, false);
            }
        }
        if !trailing.leads.is_empty() {
            self.leads(b, &id, &trailing.leads);
        }
        self.row.push(id.clone());
        self.action = Some(id.clone());
        self.expect = Expect::Nothing;
        id
    }

    fn has_edge(&self, id: &NodeId, kind: EdgeKind) -> bool {
        self.res
            .strategy
            .targets(id.as_str(), kind)
            .next()
            .is_some()
    }

    fn partner_edge(
        &mut self,
        b: &Block<'_>,
        action: &NodeId,
        kind: EdgeKind,
        item: &Item,
        joint: bool,
    ) {
        let Some(pid) = partner_node(
            self.g,
            &mut self.res.strategy,
            &mut self.partner_ids,
            item,
            Self::line_of(b).span(),
        ) else {
            return;
        };
        if self
            .res
            .strategy
            .edge(action.as_str(), kind, pid.as_str())
            .is_some()
        {
            return;
        }
        let mut edge =
            Edge::new(action.clone(), kind, pid).with_attr("as_written", item.name.trim());
        if joint {
            edge = edge.with_attr("joint", true);
        }
        let _ = self.res.strategy.add_edge(edge);
    }

    fn leads(&mut self, b: &Block<'_>, action: &NodeId, items: &[Item]) {
        let joint = items.len() > 1;
        for item in items {
            self.partner_edge(b, action, EdgeKind::LedBy, item, joint);
        }
    }

    /// The actions a field or milestone applies to: the row's, else the last one.
    fn targets(&self) -> Vec<NodeId> {
        if self.columns.any && !self.row.is_empty() {
            return self.row.clone();
        }
        self.action.clone().into_iter().collect()
    }

    fn field(&mut self, b: &Block<'_>) {
        let label = b.label.unwrap_or("").to_ascii_lowercase();
        let value = b.body;
        // "Action: …", "New: …" (a commitment added in a report).
        if is_action_field(&label) {
            // "Ref: 2.6.1" alone, then "Action: …": the text of item 2.6.1.
            if let Expect::ActionText(id) = std::mem::replace(&mut self.expect, Expect::Nothing) {
                return self.text_of(&id, b, value);
            }
            self.row.clear();
            self.action(b, None, value);
            return;
        }
        // "Priority: Cross cutting actions." names the group of the items under it
        // ("Priority: High" rates an item: a field of it, below).
        if matches!(label.as_str(), "priority" | "priority area" | "theme") {
            let title = value.trim().trim_end_matches('.').trim_end();
            if !title.is_empty() && !is_rating(title) {
                self.close_lists();
                return self.priority(b, &label, None, title);
            }
        }
        let targets = self.targets();
        if targets.is_empty() {
            return self.narrative(b);
        }
        // The record runs to its last field.
        if let Some(last) = targets.last() {
            self.stretch(last, b);
        }
        let words = lower_words(&label);
        let has = |w: &str| words.iter().any(|x| x == w);
        let lead = has("lead")
            || has("leads")
            || has("responsible")
            || has("responsibility")
            || has("owner");
        let partners =
            has("partners") || has("partner") || has("stakeholders") || label == "who with";
        if lead && partners && label.contains("and") {
            let split = split_lead_line(self.g, value);
            for t in &targets {
                self.leads(b, t, &split.leads);
                for p in &split.partners {
                    self.partner_edge(b, t, EdgeKind::KeyPartner, p, false);
                }
            }
        } else if lead {
            let items = parse_partner_list(self.g, value, true);
            for t in &targets {
                self.leads(b, t, &items);
            }
        } else if partners {
            let items = parse_partner_list(self.g, value, true);
            for t in &targets {
                for p in &items {
                    self.partner_edge(b, t, EdgeKind::KeyPartner, p, false);
                }
            }
        } else if has("status") || has("rag") && !has("reason") {
            let s = status_words(value).to_owned();
            for t in &targets {
                let s = s.clone();
                self.update(t, |n| {
                    n.attrs.insert("status".to_owned(), AttrValue::Text(s));
                });
            }
            if let Some(t) = targets.last() {
                self.expect = Expect::Progress(t.clone());
            }
            self.action = None;
        } else if has("reason") || has("progress") || has("update") {
            for t in &targets {
                self.push_attr(t, "progress", value, b);
            }
        } else if has("milestones") || has("milestone") {
            self.milestone(b, value);
        } else if has("priority") || has("theme") {
            // "Priority: High": the item's rating, kept as written.
            for t in &targets {
                let v = AttrValue::Text(value.trim().to_owned());
                self.update(t, |n| {
                    n.attrs.insert("priority".to_owned(), v);
                });
            }
        } else {
            // Timescale, delivery date, deadline, target date, when.
            let d = parse_deadline(value)
                .or_else(|| find_deadline(value))
                .unwrap_or_else(|| DateWindow::new(None, None, value));
            for t in &targets {
                let d = d.clone();
                self.update(t, |n| n.deadline = Some(d));
            }
        }
    }

    fn milestone(&mut self, b: &Block<'_>, text: &str) {
        let row = self.targets();
        if row.is_empty() {
            return self.narrative(b);
        }
        let k = self.row_milestones.min(row.len() - 1);
        self.row_milestones += 1;
        let target = row[k].clone();
        self.push_attr(&target, "milestones", text, b);
        if let Some(d) = find_deadline(text) {
            self.update(&target, |n| {
                if n.deadline.is_none() {
                    n.deadline = Some(d);
                }
            });
        }
    }

    fn lead_in(&mut self, b: &Block<'_>) {
        match std::mem::replace(&mut self.expect, Expect::Nothing) {
            Expect::ActionText(id) => {
                // "1.1" alone, then its text introducing a list.
                self.paragraph_as_text(&id, b);
                self.list = Some(List {
                    kind: ListKind::Plain,
                    leads: Vec::new(),
                    deadline: None,
                    status: None,
                    line: b.span.line,
                });
                return;
            }
            Expect::Summary | Expect::Nothing => {}
            other => self.expect = other,
        }
        let words = lower_words(b.text);
        let tail: Vec<&str> = words.iter().rev().take(8).map(String::as_str).collect();
        let has = |w: &[&str]| words.iter().any(|x| w.contains(&x.as_str()));
        let kind = if has(&["aim", "aims"]) {
            ListKind::Aims
        } else if has(&["outcome", "outcomes"]) {
            ListKind::Outcomes
        } else if has(&["pillar", "pillars"]) {
            ListKind::Pillars
        } else if has(&["priorities", "themes"]) && !tail.iter().any(|w| is_action_word(w)) {
            ListKind::Priorities
        } else if self.vision && b.text.ends_with(" will:") {
            // "Our vision" / "For all LGBTQ+ people, we will:": the vision's aims.
            ListKind::Aims
        } else if tail.iter().any(|w| is_action_word(w))
            || b.text.ends_with(" to:")
            || b.text.ends_with(" will:")
        {
            ListKind::Actions
        } else {
            ListKind::Plain
        };
        // Inside an action, a plain list continues the action.
        if kind == ListKind::Plain {
            if let Some(a) = self.action.clone() {
                self.append(&a, b);
                self.list = Some(List {
                    kind,
                    leads: Vec::new(),
                    deadline: None,
                    status: None,
                    line: b.span.line,
                });
                return;
            }
        }
        let (leads, deadline) = if kind == ListKind::Actions {
            (subject_leads(self.g, b.text), find_deadline(b.text))
        } else {
            (Vec::new(), None)
        };
        self.action = None;
        self.row.clear();
        // "… already completed. These are:": the items are done.
        let status = (kind == ListKind::Actions
            && tail.iter().any(|w| {
                // The status vocabulary's words for done, and "achieved".
                crate::progress::Status::parse(w) == Some(crate::progress::Status::Delivered)
                    || *w == "achieved"
            }))
        .then_some("completed");
        self.list = Some(List {
            kind,
            leads,
            deadline,
            status,
            line: b.span.line,
        });
        self.narrative(b);
    }

    fn append(&mut self, id: &NodeId, b: &Block<'_>) {
        let span = Self::line_of(b).span();
        let t = b.text.to_owned();
        self.update(id, |n| {
            match &mut n.text {
                Some(x) => {
                    x.push('\n');
                    x.push_str(&t);
                }
                None => n.text = Some(t),
            }
            if let Some(s) = &mut n.span {
                s.end = s.end.max(span.end);
            }
        });
    }

    fn bullet(&mut self, b: &Block<'_>) {
        let text = b.body.trim_end_matches([';', ',', '.']).trim_end();
        let text = text
            .strip_suffix("; and")
            .or_else(|| text.strip_suffix(" and"))
            .unwrap_or(text);
        let text = text.trim_end_matches([';', ',']).trim_end();
        if self.deadline_heading.is_some() {
            self.action(b, None, b.body);
            return;
        }
        match self.list.as_ref().map(|l| l.kind) {
            Some(ListKind::Actions) => {
                let numbered_item = self
                    .action
                    .as_ref()
                    .and_then(|a| self.res.strategy.node(a.as_str()))
                    .is_some_and(|n| n.number.is_some());
                // "- pilot a project … an end to end journey which:" then
                // "- defines …", "- builds …": the sentence of the item goes on.
                if let Some(a) = self.open_item.clone() {
                    self.append(&a, b);
                } else if numbered_item {
                    if let Some(a) = self.action.clone() {
                        self.append(&a, b);
                    }
                } else {
                    let id = self.action(b, None, b.body);
                    if b.body.ends_with(':') {
                        self.open_item = Some(id);
                    }
                }
            }
            Some(ListKind::Outcomes) => {
                let id = self.unique(NodeId::of(NodeKind::Outcome, &head_slug(text)));
                let node = Node::with_id(id.clone(), NodeKind::Outcome)
                    .with_text(text)
                    .with_span(Self::line_of(b).span());
                self.add(node);
                if let Some(h) = self.holder() {
                    self.link(&h, EdgeKind::ContributesTo, &id);
                }
            }
            Some(ListKind::Pillars) => self.listed_priority(b, "pillar", None, text),
            Some(ListKind::Priorities) => self.listed_priority(b, "Priority", None, text),
            Some(ListKind::Aims) => {
                if let Some(p) = self.plan.clone() {
                    self.push_attr(&p, "aims", text, b);
                } else {
                    self.narrative(b);
                }
            }
            Some(ListKind::Plain) | None => match self.action.clone() {
                Some(a) => self.append(&a, b),
                None => self.narrative(b),
            },
        }
    }

    fn table_row(&mut self, b: &Block<'_>) {
        let cells = &b.cells;
        // With a header of as many cells, each cell has its column's role.
        let n = self.columns.names.len();
        if n > 1 && (n == cells.len() || n + 1 == cells.len()) {
            return self.row_by_columns(b);
        }
        let (number, rest): (Option<&str>, &[&str]) = match cells.first() {
            Some(c) if c.bytes().all(|x| x.is_ascii_digit() || x == b'.') => (Some(c), &cells[1..]),
            _ => (None, &cells[..]),
        };
        let Some(text) = rest.first() else {
            return self.narrative(b);
        };
        let id = self.action(b, number, text);
        for cell in rest.iter().skip(1) {
            self.cell(b, &id, cell, None);
        }
    }

    /// A row whose cells line up with the header's columns.
    fn row_by_columns(&mut self, b: &Block<'_>) {
        let names = self.columns.names.clone();
        let role = |name: &str| {
            let w = lower_words(name);
            let has = |x: &str| w.iter().any(|y| y == x);
            if has("ref") || has("no") || has("number") {
                "number"
            } else if has("action") || has("actions") || has("commitment") || has("objective") {
                "text"
            } else if has("lead") || has("responsible") || has("owner") {
                "lead"
            } else if has("partners") || has("stakeholders") || has("who") {
                "partners"
            } else if has("status") || has("rag") {
                "status"
            } else if has("timescale")
                || has("date")
                || has("deadline")
                || has("when")
                || has("milestones")
            {
                "date"
            } else {
                "other"
            }
        };
        let mut roles: Vec<&str> = names.iter().map(|n| role(n)).collect();
        // A number cell the header does not name ("1.1 | Develop … | NES | 2024").
        let numbered_first = b
            .cells
            .first()
            .is_some_and(|c| c.bytes().all(|x| x.is_ascii_digit() || x == b'.'));
        if b.cells.len() == roles.len() + 1 && numbered_first {
            roles.insert(0, "number");
        }
        let get = |r: &str| {
            roles
                .iter()
                .position(|x| *x == r)
                .and_then(|i| b.cells.get(i).copied())
        };
        let number = get("number").filter(|c| c.bytes().all(|x| x.is_ascii_digit() || x == b'.'));
        let text = get("text").unwrap_or("");
        let (number, text) = match (number, super::blocks::blocks(text).first()) {
            (None, Some(inner)) if inner.kind == BlockKind::Numbered && inner.label.is_none() => {
                (inner.number, inner.body)
            }
            (n, _) => (n, text),
        };
        let id = self.action(b, number, text);
        for (k, cell) in b.cells.iter().enumerate() {
            let r = roles.get(k).copied().unwrap_or("other");
            if r != "number" && r != "text" {
                self.cell(b, &id, cell, Some(r));
            }
        }
    }

    /// A cell of a row, in its column's role if known.
    fn cell(&mut self, b: &Block<'_>, id: &NodeId, cell: &str, role: Option<&str>) {
        let status = trailing_status(cell).filter(|(before, _)| before.is_empty());
        match role {
            Some("status") | None if status.is_some() && role != Some("date") => {
                let s = status.map_or(cell, |s| s.1).to_owned();
                self.update(id, |n| {
                    n.attrs.insert("status".to_owned(), AttrValue::Text(s));
                });
            }
            Some("date") => {
                let d = parse_deadline(cell)
                    .or_else(|| find_deadline(cell))
                    .unwrap_or_else(|| DateWindow::new(None, None, cell));
                self.update(id, |n| n.deadline = Some(d));
            }
            None if parse_deadline(cell).is_some() => {
                let d = parse_deadline(cell);
                self.update(id, |n| n.deadline = d);
            }
            Some("lead") => {
                let items = parse_partner_list(self.g, cell, true);
                self.leads(b, id, &items);
            }
            Some("partners") => {
                for p in parse_partner_list(self.g, cell, true) {
                    self.partner_edge(b, id, EdgeKind::KeyPartner, &p, false);
                }
            }
            None => {
                let items = parse_partner_list(self.g, cell, true);
                let known = items
                    .iter()
                    .any(|i| self.g.lookup(&i.name).is_some() || is_acronym(&i.name));
                if known && !self.has_edge(id, EdgeKind::LedBy) {
                    self.leads(b, id, &items);
                } else {
                    self.push_attr(id, "cells", cell, b);
                }
            }
            Some(_) => self.push_attr(id, "cells", cell, b),
        }
    }

    fn paragraph(&mut self, b: &Block<'_>) {
        if self.expect != Expect::Objective && self.record(b) {
            return;
        }
        match std::mem::replace(&mut self.expect, Expect::Nothing) {
            Expect::Summary => {
                // The summary under the title: the first paragraph, with the
                // lines right after it (no blank line between).
                let first = self.summary_end == 0;
                if let Some(p) = self.plan.clone() {
                    if first || b.span.line == self.summary_end + 1 {
                        if first {
                            let t = b.text.to_owned();
                            self.update(&p, |n| n.text = Some(t));
                            self.stretch(&p, b);
                        } else {
                            self.append(&p, b);
                        }
                        self.summary_end = b.span.line;
                        self.expect = Expect::Summary;
                        return;
                    }
                }
            }
            Expect::ActionText(id) => return self.paragraph_as_text(&id, b),
            Expect::Progress(id) => {
                self.push_attr(&id, "progress", b.text, b);
                self.expect = Expect::Progress(id);
                return;
            }
            Expect::Objective => {
                self.objectives.push(b.text.to_owned());
                let holder = self.holder();
                if let Some(h) = holder {
                    self.push_attr(&h, "objectives", b.text, b);
                }
                return;
            }
            Expect::Nothing => {}
        }
        // A list of priorities runs on through the prose under each one.
        if self
            .list
            .as_ref()
            .is_some_and(|l| l.kind != ListKind::Actions && l.kind != ListKind::Priorities)
        {
            self.list = None;
        }
        if self.objectives.iter().any(|o| o == b.text) {
            // The objective cell again: a new row.
            self.row.clear();
            self.row_milestones = 0;
            self.action = None;
            if let Some(h) = self.holder() {
                self.push_attr(&h, "objectives", b.text, b);
            }
            return;
        }
        if self.deadline_heading.is_some() {
            self.action(b, None, b.text);
            self.action = None;
            return;
        }
        if self.columns.milestones && !self.row.is_empty() && find_deadline(b.text).is_some() {
            return self.milestone(b, b.text);
        }
        if self.columns.stakeholders && !self.row.is_empty() && names_organisations(self.g, b.text)
        {
            let name = strip_superscripts(b.text);
            let name = name.split(", such as").next().unwrap_or(name);
            let name = name.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
            let items = parse_partner_list(self.g, name, false);
            let items: Vec<Item> = match items.len() {
                1 => items,
                _ => vec![
                    super::plan::parse_partner_list(self.g, &name.replace(',', " "), false)
                        .into_iter()
                        .next()
                        .map(|mut i| {
                            i.name = name.to_owned();
                            i
                        })
                        .unwrap_or_default(),
                ],
            };
            let targets = self.targets();
            for t in &targets {
                for p in &items {
                    let mut p = p.clone();
                    p.name = strip_superscripts(&p.name).to_owned();
                    self.partner_edge(b, t, EdgeKind::KeyPartner, &p, false);
                }
            }
            return;
        }
        if self.columns.inline && self.columns.actions && self.columns.lead && self.wide_row(b) {
            return;
        }
        if let Some(a) = self.action.clone() {
            return self.append(&a, b);
        }
        self.narrative(b);
    }

    /// A row of a wide table flattened with spaces, under a header such as
    /// "Priority Actions Delivery Organisation (Lead) Delivery Organisation(s)
    /// (Support) …": `<priority> <action> <lead> <support>`. The priority cell
    /// is the row's opening words that the row before shares, or the capitalised
    /// words before a known body; the lead and support cells are the bodies after
    /// the action's last sentence, or known bodies closing the row. A row whose
    /// cells cannot be told apart is left to the prose rules (false).
    fn wide_row(&mut self, b: &Block<'_>) -> bool {
        let text = b.text.trim_end();
        let (priority, rest) = if self.columns.priority_first {
            match self.priority_cell(text) {
                Some(k) => (Some(text[..k].trim()), text[k..].trim_start()),
                None => return false,
            }
        } else {
            (None, text)
        };
        // A row cut short (its organisation cells lost) is still the row's
        // action when its priority cell was told apart.
        let (action, lead, support) = match self.organisation_cells(rest) {
            Some(cells) => cells,
            None if priority.is_some() => (rest, Vec::new(), Vec::new()),
            None => return false,
        };
        if action.split_whitespace().count() < 3 {
            return false;
        }
        if let Some(p) = priority {
            let key = crate::model::slug(p);
            let same = self
                .priority
                .as_ref()
                .is_some_and(|id| id.as_str() == NodeId::of(NodeKind::Priority, &key).as_str());
            if !same {
                self.priority(b, "priority", None, p);
            }
            self.row_priority = Some(p.to_owned());
        }
        self.row.clear();
        self.cells = Some((lead, support));
        self.action(b, None, action);
        self.action = None;
        true
    }

    /// Where the priority cell opening a wide table's row ends (in bytes).
    fn priority_cell(&self, text: &str) -> Option<usize> {
        // The cell the row before opened with, again.
        if let Some(p) = &self.row_priority {
            if let Some(rest) = text.strip_prefix(p.as_str()) {
                if rest.starts_with(' ') {
                    return Some(p.len());
                }
            }
        }
        // Capitalised words (and their small joining words), then a known body.
        let words = super::narrative::words(text);
        for (k, &(at, w)) in words.iter().enumerate().take(8).skip(1) {
            let (_, prev) = words[k - 1];
            let capital = |x: &str| x.starts_with(char::is_uppercase);
            if !capital(words[0].1)
                || !(capital(prev) || ["and", "of", "for", "&", "the", "in", "to"].contains(&prev))
            {
                return None;
            }
            if capital(w) && self.g.body_at_start(&text[at..]).is_some() {
                return Some(at);
            }
        }
        None
    }

    /// Whether a cell names only bodies: the gazetteer's, or acronyms, joined
    /// by and/&/,/"/".
    fn known_bodies(&self, cell: &str) -> bool {
        let items = parse_partner_list(self.g, cell, true);
        !items.is_empty()
            && items.iter().all(|i| {
                let n = i.name.trim();
                self.g.lookup(n).is_some_and(|e| e.kind.is_body()) || is_acronym(n)
            })
    }

    /// Split `<action> <lead> <support>`: the action's text, the lead cell's
    /// bodies and the support cell's ("N/A": none).
    fn organisation_cells<'t>(&self, text: &'t str) -> Option<(&'t str, Vec<Item>, Vec<Item>)> {
        let known = |cell: &str| self.known_bodies(cell);
        let none = |cell: &str| {
            ["n/a", "na", "none", "-", "tbc"].contains(&cell.to_ascii_lowercase().as_str())
        };
        let items = |cell: &str| {
            if none(cell) {
                Vec::new()
            } else {
                parse_partner_list(self.g, cell, true)
            }
        };
        // After the action's last sentence: "… reporting. Transport Scotland Public bodies".
        if let Some(stop) = text.rfind(". ") {
            let tail = text[stop + 2..].trim();
            let words: Vec<&str> = tail.split_whitespace().collect();
            if (1..=12).contains(&words.len()) && tail.starts_with(char::is_uppercase) {
                // The lead: the longest run of opening words that are known bodies.
                let mut cut = None;
                let mut pos = 0;
                for w in &words {
                    pos = tail[pos..].find(w).map_or(pos, |i| pos + i) + w.len();
                    if known(&tail[..pos]) {
                        cut = Some(pos);
                    }
                }
                if let Some(cut) = cut {
                    let support = tail[cut..].trim();
                    return Some((text[..=stop].trim(), items(&tail[..cut]), items(support)));
                }
            }
        }
        // Else known bodies closing the row: the support cell, the lead's before it.
        let words = super::narrative::words(text);
        let n = words.len();
        for s in (n.saturating_sub(8)..n).rev() {
            let support = text[words[s].0..].trim();
            if !(known(support) || none(support)) {
                continue;
            }
            let head = text[..words[s].0].trim_end();
            let hw = super::narrative::words(head);
            let lead = (hw.len().saturating_sub(6)..hw.len())
                .map(|k| hw[k].0)
                .find(|&at| known(head[at..].trim()));
            if let Some(at) = lead {
                return Some((head[..at].trim(), items(head[at..].trim()), items(support)));
            }
        }
        None
    }

    /// The text of an action whose number stood alone.
    fn paragraph_as_text(&mut self, id: &NodeId, b: &Block<'_>) {
        self.text_of(id, b, b.text);
    }

    /// `text`, read from block `b`, is the text of action `id`.
    fn text_of(&mut self, id: &NodeId, b: &Block<'_>, text: &str) {
        let t = text.to_owned();
        let deadline = find_deadline(text);
        let subject = subject_leads(self.g, text);
        let partners = with_partners(self.g, text);
        let span = Self::line_of(b).span();
        self.update(id, |n| {
            n.text = Some(t);
            if n.deadline.is_none() {
                n.deadline = deadline;
            }
            if let Some(s) = &mut n.span {
                s.end = s.end.max(span.end);
            }
        });
        if !subject.is_empty() {
            self.leads(b, id, &subject);
        }
        for p in &partners {
            self.partner_edge(b, id, EdgeKind::KeyPartner, p, false);
        }
        self.action = Some(id.clone());
    }

    fn finish(mut self) -> ParseResult {
        if self.plan.is_none() && !self.res.strategy.is_empty() {
            self.res.diagnostics.push(Diagnostic::new(
                "no_title",
                Severity::Info,
                "the page's title is not in the text; the items are not under a plan node",
            ));
        }
        crate::sort::sort_by_key(&mut self.res.diagnostics, |d| d.line.unwrap_or(usize::MAX));
        self.res
    }
}

/// Whether a block is an item a heading can group: a labelled action
/// ("Action 1 – …", "Commitment 2", "Action: …"), or a numbered record
/// whose next block is one of its fields ("1. Adopt …" then "Status: …").
fn is_group_item(bs: &[Block<'_>], i: usize) -> bool {
    let Some(b) = bs.get(i) else { return false };
    let action_label = |l: Option<&str>| l.is_some_and(is_action_field);
    match b.kind {
        BlockKind::Numbered if action_label(b.label) => true,
        BlockKind::Field => action_label(b.label),
        // The header line of a table of actions ("Priority Actions Delivery Organisation (Lead)").
        BlockKind::HeaderCell if b.cells.len() > 1 => b.cells.iter().any(|c| {
            lower_words(c)
                .iter()
                .any(|w| is_action_word(w) || w == "commitment" || w == "commitments")
        }),
        BlockKind::Numbered if b.label.is_none() && !b.body.is_empty() => bs
            .get(i + 1..)
            .unwrap_or(&[])
            .iter()
            .find(|n| n.kind != BlockKind::Furniture)
            .is_some_and(|n| n.kind == BlockKind::Field && !action_label(n.label)),
        _ => false,
    }
}

/// Titles of unnumbered records: a heading or short paragraph (not the
/// page's first block) whose next block is a record's field ("Status:",
/// "Lead:", "Timescale:", "Partners:"). Lines.
fn record_heads(bs: &[Block<'_>]) -> std::collections::HashSet<usize> {
    let mut out = std::collections::HashSet::new();
    let content: Vec<&Block<'_>> = bs
        .iter()
        .filter(|b| b.kind != BlockKind::Furniture)
        .collect();
    for (k, pair) in content.windows(2).enumerate() {
        let [b, n] = pair else { continue };
        if k == 0 || !matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph) {
            continue;
        }
        if b.text.split_whitespace().count() > 40
            || STATUS_LABELS.iter().any(|l| b.text.eq_ignore_ascii_case(l))
        {
            continue;
        }
        let label = n.label.map(str::to_ascii_lowercase).unwrap_or_default();
        let record_field = n.kind == BlockKind::Field
            && [
                "status",
                "lead",
                "leads",
                "rag",
                "timescale",
                "partners",
                "responsible",
                "owner",
            ]
            .iter()
            .any(|w| label.split_whitespace().any(|x| x == *w));
        if record_field {
            out.insert(b.span.line);
        }
    }
    out
}

/// Words of a heading that only names the items under it ("Key actions",
/// "Our commitments", "Progress update", "Next steps"), no group of them,
/// besides the words that name actions ([`is_action_word`]).
const ITEM_WORDS: &[&str] = &[
    "our", "key", "the", "of", "and", "main", "next", "progress", "update", "updates", "summary",
    "status", "what", "we", "will", "do", "did", "have", "done", "to", "date", "overview",
];

/// Whether a heading's words only name the items under it (see [`ITEM_WORDS`]).
fn names_items_only(t: &str) -> bool {
    let words = lower_words(t);
    !words.is_empty()
        && words
            .iter()
            .all(|w| ITEM_WORDS.contains(&w.as_str()) || is_action_word(w))
}

/// Words of a heading over a vision or aims ("Our vision", "Our ambitions").
const VISION_WORDS: &[&str] = &["vision", "ambition", "ambitions", "aims", "goals"];

/// Whether a field's value rates an item ("High", "Medium", "Low", "2") rather
/// than naming a group of items.
fn is_rating(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    [
        "high",
        "medium",
        "low",
        "critical",
        "urgent",
        "very high",
        "very low",
    ]
    .contains(&v.as_str())
        || v.chars().all(|c| c.is_ascii_digit())
}

/// Whether a heading gives the timescale of the actions under it ("Short Term Actions").
fn is_timescale_heading(t: &str) -> bool {
    let words = lower_words(t);
    words.len() <= 4 && words.iter().skip(1).any(|w| w == "term")
}

/// Headings that stand over a group of items: the last heading (not a
/// timescale, not a date) of a run of headings right above an item of
/// [`is_group_item`]. Lines, for [`Rec`] to look up.
fn group_heads(bs: &[Block<'_>]) -> std::collections::HashSet<usize> {
    let mut out = std::collections::HashSet::new();
    let mut last: Option<usize> = None;
    for (i, b) in bs.iter().enumerate() {
        match b.kind {
            BlockKind::Furniture => continue,
            BlockKind::Heading => {
                let date = parse_deadline(b.text).is_some_and(|w| w.phrase.len() == b.text.len());
                let lower = b.text.to_ascii_lowercase();
                if !is_timescale_heading(b.text)
                    && !date
                    && !lower.ends_with("report")
                    && !names_items_only(b.text)
                {
                    last = Some(b.span.line);
                } else if date || lower.ends_with("report") {
                    last = None;
                }
                continue;
            }
            _ => {}
        }
        if let Some(l) = last.take() {
            if is_group_item(bs, i) {
                out.insert(l);
            }
        }
    }
    out
}

/// Numbered chapter headings: an unnumbered-label item of a few words with no
/// closing punctuation ("1. A Fairer Scotland for All") whose next block is
/// a heading, a labelled action or the same line again. Lines.
fn chapter_heads(bs: &[Block<'_>]) -> std::collections::HashSet<usize> {
    let mut out = std::collections::HashSet::new();
    for (i, b) in bs.iter().enumerate() {
        if b.kind != BlockKind::Numbered
            || b.label.is_some()
            || b.body.split_whitespace().count() > 8
            || !super::blocks::is_heading(b.body)
            || opens_like_action(b.body)
        {
            continue;
        }
        let rest = bs.get(i + 1..).unwrap_or(&[]);
        let Some((k, n)) = rest
            .iter()
            .enumerate()
            .find(|(_, n)| n.kind != BlockKind::Furniture)
        else {
            continue;
        };
        let heads = match n.kind {
            BlockKind::Heading => !is_timescale_heading(n.text),
            BlockKind::Numbered => {
                n.text == b.text
                    || n.label.is_some_and(|l| l.eq_ignore_ascii_case("action"))
                        && is_group_item(bs, i + 1 + k)
            }
            _ => false,
        };
        if heads {
            out.insert(b.span.line);
        }
    }
    out
}

/// Whether the words of a line without a full stop are a sentence ("We will
/// map … by end 2024"), not a heading.
fn is_sentence(words: &[String]) -> bool {
    words.len() > 10
        || ["we", "this", "it", "they"].contains(&words.first().map_or("", String::as_str))
}

/// A deadline in brackets at the end of a heading: "(to 2024)", "(by 2026)".
fn bracketed_deadline(t: &str) -> Option<DateWindow> {
    let open = t.rfind('(')?;
    let inner = t.get(open + 1..)?.trim_end().strip_suffix(')')?.trim();
    parse_deadline(inner)
}

/// Superscript footnote marks at the end of a name ("( FSAS)¹").
fn strip_superscripts(s: &str) -> &str {
    s.trim_end_matches(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰', '*'])
        .trim_end()
}

/// Whether a line of a "Stakeholders" cell names organisations: a known body,
/// a name with its acronym in brackets, or a noun phrase with no verb.
fn names_organisations(g: &Gazetteer, t: &str) -> bool {
    let core = strip_superscripts(t);
    if g.lookup(core).is_some() || is_acronym(core) {
        return true;
    }
    if core.ends_with(')') && core.contains('(') && core.split_whitespace().count() <= 10 {
        return true;
    }
    let verbs = [
        "is", "are", "was", "were", "has", "have", "will", "we", "our", "had",
    ];
    let words = lower_words(core);
    words.len() >= 2
        && words.len() <= 60
        && !words.iter().any(|w| verbs.contains(&w.as_str()))
        && core.starts_with(char::is_uppercase)
}

/// Words between a lead and the partners supporting it in a subject.
const SUPPORT_CUES: &[&str] = &[
    " with support from ",
    " with the support of ",
    " supported by ",
    " in partnership with ",
    " working with ",
];

/// Partners named as supporting the subject before a modal verb: "The
/// Scottish Government with support from SEPA will …" (known bodies or acronyms).
fn supporting_partners(g: &Gazetteer, text: &str) -> Vec<Item> {
    let lower = text.to_ascii_lowercase();
    let Some(at) = [" will ", " should ", " must ", " shall "]
        .iter()
        .filter_map(|m| lower.find(m))
        .min()
    else {
        return Vec::new();
    };
    let clause = &text[..at];
    let Some(rest) = SUPPORT_CUES
        .iter()
        .find_map(|c| clause.find(c).map(|i| &clause[i + c.len()..]))
    else {
        return Vec::new();
    };
    let items = parse_partner_list(g, rest.trim(), true);
    let named = items.iter().all(|i| {
        let n = i.name.trim();
        g.lookup(n).is_some_and(|e| e.kind.is_body()) || is_acronym(n)
    });
    if named && !subject_leads(g, text).is_empty() {
        items
    } else {
        Vec::new()
    }
}

/// Leads named as the subject before a modal verb: "The Scottish Government
/// will …", "… recommends that the Scottish Government and COSLA should seek
/// to:". Every name must be a known body (or an acronym of one).
fn subject_leads(g: &Gazetteer, text: &str) -> Vec<Item> {
    let lower = text.to_ascii_lowercase();
    let modal = [
        " will ", " should ", " must ", " is to ", " are to ", " shall ", " will:",
    ]
    .iter()
    .filter_map(|m| lower.find(m))
    .min();
    let Some(at) = modal else { return Vec::new() };
    let clause = &text[..at];
    // "By March 2025, the Welsh Government will:": the date is no part of the subject.
    let clause = match clause.split_once(", ") {
        Some((date, rest)) if parse_deadline(date).is_some() => rest,
        _ => clause,
    };
    let start = clause
        .to_ascii_lowercase()
        .rfind(" that ")
        .map_or(0, |i| i + 6);
    let clause = clause[start..].trim();
    let clause = clause
        .strip_prefix("the ")
        .or_else(|| clause.strip_prefix("The "))
        .unwrap_or(clause);
    // "The Scottish Government with support from SEPA will …": the lead is
    // before the support (see [`supporting_partners`]).
    let clause = SUPPORT_CUES
        .iter()
        .find_map(|c| clause.find(c).map(|i| &clause[..i]))
        .unwrap_or(clause)
        .trim();
    if clause.is_empty() || clause.split_whitespace().count() > 12 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for piece in clause.split([',', '&', '/']).flat_map(|p| p.split(" and ")) {
        let piece = piece.trim();
        let piece = piece.strip_prefix("the ").unwrap_or(piece).trim();
        if piece.is_empty() {
            continue;
        }
        if g.lookup(piece).is_none() {
            return Vec::new();
        }
        out.push(Item {
            name: piece.to_owned(),
            ..Item::default()
        });
    }
    out
}

/// Partners named after "with": a known body, or a capitalised name of two
/// or more words that is not a framework, strategy or the like
/// ("co-produced with the National Dementia Lived Experience Panel").
fn with_partners(g: &Gazetteer, text: &str) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for cue in PARTNER_CUES {
        partners_after(g, text, cue, &mut out);
    }
    out
}

/// Words before a partner's name ("co-produced with", "organised by").
const PARTNER_CUES: &[&str] = &[
    "with ",
    "organised by ",
    "delivered by ",
    "hosted by ",
    "run by ",
];

/// Collective phrases that name no one party ("with Civil Society"): not partners.
const GENERIC_PARTIES: &[&str] = &[
    "civil society",
    "key stakeholders",
    "local partners",
    "our partners",
    "wider public",
];

/// Titles that open a person's name ("led by Dame Sue Bruce"): not partners.
const PERSON_TITLES: &[&str] = &[
    "Dame",
    "Sir",
    "Dr",
    "Professor",
    "Prof",
    "Mr",
    "Mrs",
    "Ms",
    "Lord",
    "Lady",
    "Cllr",
];

fn partners_after(g: &Gazetteer, text: &str, cue: &str, out: &mut Vec<Item>) {
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|r| r.find(cue)) {
        let at = from + i;
        from = at + cue.len();
        if at > 0 && !text[..at].ends_with(' ') && !text[..at].ends_with('-') {
            continue;
        }
        let rest = &text[at + cue.len()..];
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let mut words: Vec<&str> = Vec::new();
        for w in rest.split(' ') {
            let core = w.trim_end_matches([',', '.', ';', ':', ')']);
            let connector = ["of", "and", "for", "&", "the", "in"].contains(&core);
            if core.starts_with(char::is_uppercase) || (connector && !words.is_empty()) {
                words.push(core);
                if core.len() < w.len() {
                    break;
                }
            } else {
                break;
            }
        }
        while words
            .last()
            .is_some_and(|w| !w.starts_with(char::is_uppercase))
        {
            words.pop();
        }
        let name = words.join(" ");
        if name.is_empty() {
            continue;
        }
        let known = g.lookup(&name).is_some_and(|e| e.kind.is_body());
        let head = words
            .last()
            .map(|w| w.to_ascii_lowercase())
            .unwrap_or_default();
        let person = words.first().is_some_and(|w| PERSON_TITLES.contains(w));
        let generic = GENERIC_PARTIES.contains(&name.to_lowercase().as_str());
        if (known || (words.len() >= 2 && !NOT_ORGS.contains(&head.as_str()) && !person))
            && !generic
            && !out.iter().any(|o| o.name == name)
        {
            out.push(Item {
                name,
                ..Item::default()
            });
        }
    }
}

/// What a column of a table flattened one cell per paragraph holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CellRole {
    Group,
    Ref,
    Action,
    Lead,
    Date,
    Update,
    Status,
    Other,
}

/// The header of a table flattened one cell per paragraph: blocks `start..end`.
#[derive(Clone, Debug)]
struct CellTable {
    start: usize,
    end: usize,
    roles: Vec<CellRole>,
}

/// The role of a header cell ("Ref.", "CAFS Action", "Delivery Organisation",
/// "Target dates", "Update", "Status"): at most four words, all of them column
/// words but one (a name: "CAFS").
fn cell_role(cell: &str) -> Option<CellRole> {
    let words = lower_words(cell);
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    if words.iter().filter(|w| !is_column_word(w)).count() > usize::from(words.len() > 1) {
        return None;
    }
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    Some(if has(&["ref", "reference", "no", "number"]) {
        CellRole::Ref
    } else if has(&[
        "action",
        "actions",
        "commitment",
        "commitments",
        "recommendation",
    ]) {
        CellRole::Action
    } else if has(&[
        "lead",
        "leads",
        "organisation",
        "organisations",
        "who",
        "responsible",
        "owner",
        "partners",
    ]) {
        CellRole::Lead
    } else if has(&[
        "date",
        "dates",
        "timescale",
        "timescales",
        "deadline",
        "when",
        "target",
        "timeframe",
        "milestones",
    ]) {
        CellRole::Date
    } else if has(&["status", "rag"]) {
        CellRole::Status
    } else if has(&["update", "progress", "comments", "position", "summary"]) {
        CellRole::Update
    } else if has(&["objective", "objectives", "priority", "theme", "area"]) {
        CellRole::Group
    } else {
        CellRole::Other
    })
}

/// The headers of tables flattened one cell per paragraph: four or more
/// blocks in a row that are each a header cell, with a reference column and
/// an action column among them and a lead, date or status column.
fn cell_tables(bs: &[Block<'_>]) -> Vec<CellTable> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bs.len() {
        let mut j = i;
        let mut roles = Vec::new();
        while let Some(role) = bs
            .get(j)
            .filter(|b| {
                matches!(
                    b.kind,
                    BlockKind::Heading | BlockKind::Paragraph | BlockKind::HeaderCell
                )
            })
            .and_then(|b| cell_role(b.text))
        {
            roles.push(role);
            j += 1;
        }
        let has = |r: CellRole| roles.contains(&r);
        if roles.len() >= 4
            && has(CellRole::Ref)
            && has(CellRole::Action)
            && (has(CellRole::Lead) || has(CellRole::Date) || has(CellRole::Status))
        {
            out.push(CellTable {
                start: i,
                end: j,
                roles,
            });
        }
        // Past the whole run either way: a part of a run that is no header
        // is none either (each test only needs more cells), so this is one
        // pass over the blocks.
        i = j.max(i + 1);
    }
    out
}

/// Records flattened one label per line: "Topic and timeframe" / value /
/// "CAFS2 Action" / value / "Update" / value, again for each record.
#[derive(Clone, Debug)]
struct StackedRecords {
    /// The first label's first line.
    start: usize,
    /// The labels as written, in the order of their first use, with their roles.
    labels: Vec<(String, CellRole)>,
}

/// Find records flattened one label per line: header-cell words (see
/// [`cell_role`]) alone on a line, each used at least twice and each followed
/// by a value, one of them an action's.
fn stacked_records(bs: &[Block<'_>]) -> Option<StackedRecords> {
    let label_of = |b: &Block<'_>| {
        let t = b.text.trim();
        (matches!(
            b.kind,
            BlockKind::Heading | BlockKind::Paragraph | BlockKind::HeaderCell
        ) && !t.ends_with('.'))
        .then(|| cell_role(t))
        .flatten()
        .map(|role| (t.to_lowercase(), role))
    };
    let mut counts: Vec<(String, CellRole, usize, usize)> = Vec::new(); // label, role, uses, first
    for (i, b) in bs.iter().enumerate() {
        if let Some((l, role)) = label_of(b) {
            match counts.iter_mut().find(|c| c.0 == l) {
                Some(c) => c.2 += 1,
                None => counts.push((l, role, 1, i)),
            }
        }
    }
    counts.retain(|c| c.2 >= 2);
    let is_label =
        |b: &Block<'_>| label_of(b).is_some_and(|(l, _)| counts.iter().any(|c| c.0 == l));
    let valued = bs
        .iter()
        .enumerate()
        .all(|(i, b)| !is_label(b) || bs.get(i + 1).is_some_and(|n| !is_label(n)));
    let action = counts.iter().any(|c| c.1 == CellRole::Action);
    if counts.len() < 2 || !action || !valued {
        return None;
    }
    counts.sort_by_key(|c| c.3);
    Some(StackedRecords {
        start: counts[0].3,
        labels: counts.into_iter().map(|c| (c.0, c.1)).collect(),
    })
}

/// Whether a cell is a row's reference: "C1", "T12", "1.2", "PA3a" (a few
/// letters, then a number with parts).
fn is_reference(t: &str) -> bool {
    let t = t.trim_end_matches('.');
    let letters = t.bytes().take_while(u8::is_ascii_uppercase).count();
    let rest = &t[letters..];
    t.len() <= 8
        && letters <= 3
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b.is_ascii_lowercase())
}

/// The cells trailing a flattened row.
#[derive(Clone, Debug, Default)]
struct Trailing {
    leads: Vec<Item>,
    deadline: Option<DateWindow>,
}

/// Phrases a delivery-date cell may hold that are not dates.
const UNDATED: &[&str] = &[
    "ongoing",
    "tbc",
    "to be confirmed",
    "continuous",
    "annually",
];

impl Rec<'_> {
    /// Split a flattened row whose lead and date trail the action's text:
    /// "Develop guidance NES and COSLA March 2024" -> text, leads, deadline.
    fn split_trailing(&self, text: &str) -> (String, Trailing) {
        let mut out = Trailing::default();
        let mut end = text.len();
        // The date cell: a deadline phrase, a bare date, or "Ongoing" at the end.
        let words = super::narrative::words(text);
        for k in (1..=words.len().min(6)).rev() {
            let at = words[words.len() - k].0;
            let cell = text[at..].trim();
            let lower = cell.to_ascii_lowercase();
            let two_years = cell
                .split(" and ")
                .all(|p| parse_deadline(p.trim()).is_some())
                && cell.contains(" and ");
            if parse_deadline(cell).is_some() || UNDATED.contains(&lower.as_str()) || two_years {
                out.deadline =
                    Some(parse_deadline(cell).unwrap_or_else(|| DateWindow::new(None, None, cell)));
                end = at;
                break;
            }
        }
        if out.deadline.is_none() {
            // "Commissioning process starts December 2023": the last deadline phrase
            // closing the row, with the words of its cell before it.
            if let Some(w) = find_deadlines(text).pop() {
                if text.trim_end().ends_with(w.phrase.as_str()) {
                    out.deadline = Some(w.clone());
                    end = text.trim_end().len() - w.phrase.len();
                }
            }
        }
        let head = text[..end].trim_end();
        // The lead cell: known bodies or acronyms, joined by and/&/,/'/', at the
        // end, or followed by the words of the date cell ("Scottish Government
        // Commissioning process starts" + "December 2023").
        let hw = super::narrative::words(head);
        let n = hw.len();
        let known = |cell: &str| self.known_bodies(cell);
        let mut best: Option<(usize, usize)> = None;
        for k in (1..n).rev().take(14) {
            let from = hw[k].0;
            for m in (k + 1)..=n.min(k + 12) {
                let to = hw.get(m).map_or(head.len(), |w| w.0);
                let rest = head[to..].trim();
                let date_words = rest.split_whitespace().count();
                let fits = rest.is_empty()
                    || (out.deadline.is_some()
                        && date_words <= 5
                        && rest.starts_with(char::is_uppercase));
                if fits && known(head[from..to].trim_end()) {
                    best = Some((from, to));
                    break;
                }
            }
        }
        if let Some((from, to)) = best {
            out.leads = parse_partner_list(self.g, head[from..to].trim_end(), true);
            let rest = head[to..].trim();
            if !rest.is_empty() {
                // The date cell's words before its date belong to its phrase.
                if let Some(d) = &mut out.deadline {
                    d.phrase = text[to..].trim().to_owned();
                }
            }
            return (head[..from].trim_end().to_owned(), out);
        }
        (head.to_owned(), out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_at_the_end() {
        assert_eq!(
            trailing_status("Do more to have a say Continuous programme of work"),
            Some(("Do more to have a say", "Continuous programme of work"))
        );
        assert_eq!(
            trailing_status("Tackle the premium In progress"),
            Some(("Tackle the premium", "In progress"))
        );
        assert_eq!(trailing_status("review and reform gender recogni"), None);
    }

    #[test]
    fn subjects_and_with() {
        let g = Gazetteer::builtin();
        let names = |v: Vec<Item>| v.into_iter().map(|i| i.name).collect::<Vec<_>>();
        assert_eq!(
            names(subject_leads(
                &g,
                "The report recommends that the Scottish Government and COSLA should seek to:"
            )),
            ["Scottish Government", "COSLA"]
        );
        assert_eq!(
            names(subject_leads(
                &g,
                "The Scottish Government will set up a group"
            )),
            ["Scottish Government"]
        );
        assert!(subject_leads(&g, "We will review practice").is_empty());
        assert_eq!(
            names(with_partners(
                &g,
                "A campaign co-produced with the National Dementia Lived Experience Panel."
            )),
            ["National Dementia Lived Experience Panel"]
        );
        assert_eq!(
            names(with_partners(
                &g,
                "Work with Public Heath Scotland, and local partners"
            )),
            ["Public Heath Scotland"]
        );
        assert!(with_partners(&g, "working with partners to assess").is_empty());
    }

    fn parse(t: &str) -> ParseResult {
        parse_blocks(t, &Gazetteer::builtin())
    }

    fn priorities(r: &ParseResult) -> Vec<(Option<String>, String)> {
        r.strategy
            .nodes_of_kind(NodeKind::Priority)
            .map(|n| (n.number.clone(), n.label.clone()))
            .collect()
    }

    #[test]
    fn priorities_from_lists_and_headings() {
        // A numbered section introducing a list of pillars; what follows is no action.
        let r = parse(
            "Report title\n\nSummary.\n\n1.3 It sets out five areas, or \"pillars\":\n\n             • Integration of Support;\n• Board Reform.\n\n1.4 Out of the 50 Actions, 22 are completed.\n",
        );
        let p = priorities(&r);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].1, "Integration of Support");
        assert_eq!(r.strategy.nodes_of_kind(NodeKind::Action).count(), 0);
        // A lead-in naming priorities, then numbered headings.
        let r = parse("Plan title\n\nSummary.\n\nThe plan has 2 priorities:\n\n1. Health\n2. Data\n\nMore prose.\n");
        assert_eq!(
            priorities(&r),
            [
                (Some("1".to_owned()), "Health".to_owned()),
                (Some("2".to_owned()), "Data".to_owned())
            ]
        );
        // A heading naming priorities over "1 Title" and its prose.
        let r = parse("Programme 2024-25\n\nDelivering on our four priorities\n\n1 Eradicating Child Poverty\n\nProse about it.\n");
        assert_eq!(
            priorities(&r),
            [(Some("1".to_owned()), "Eradicating Child Poverty".to_owned())]
        );
    }

    #[test]
    fn headings_over_items_group_them() {
        let r = parse(
            "Progress report\n\nSummary.\n\n1. A Fairer Country\n\nPoverty & Low Income\n\n             Action 1 – Introduce the duty. We did.\n\nAction 2 – Fund bodies. We did.\n",
        );
        let s = &r.strategy;
        let theme = s
            .node("priority:poverty-low-income")
            .map(|n| n.label.clone());
        assert_eq!(theme.as_deref(), Some("Poverty & Low Income"));
        assert!(s.node("priority:chapter-1").is_some());
        let holders: Vec<_> = s
            .sources("action:2", EdgeKind::Contains)
            .map(|n| n.id.as_str().to_owned())
            .collect();
        assert_eq!(holders, ["priority:poverty-low-income"]);
    }

    #[test]
    fn statuses_as_written() {
        let status = |r: &ParseResult, id: &str| {
            r.strategy
                .node(id)
                .and_then(|n| n.attrs.get("status"))
                .and_then(AttrValue::as_text)
                .map(str::to_owned)
        };
        // An unnumbered record: its title, then its fields.
        let r = parse("Report\n\nSummary.\n\nDevelop a framework\nStatus – On track\n\nPublish guidance\nLead: NES\n");
        assert_eq!(
            status(&r, "action:develop-a-framework").as_deref(),
            Some("On track")
        );
        assert_eq!(
            r.strategy
                .targets("action:publish-guidance", EdgeKind::LedBy)
                .count(),
            1
        );
        // A status alone on its line, and a "Status" label over words outside the vocabulary.
        let r = parse("Report\n\nSummary.\n\n1. Adopt principles\nStatus: x\n\n2. Set up a group\nStatus\nPartially met\n\n3. Fund it\nAmber\n");
        assert_eq!(status(&r, "action:2").as_deref(), Some("Partially met"));
        assert_eq!(status(&r, "action:3").as_deref(), Some("Amber"));
    }

    #[test]
    fn trailing_columns() {
        let g = Gazetteer::builtin();
        let r = Rec::new(&g);
        let (t, tr) = r.split_trailing("Develop guidance for staff NES and COSLA March 2024");
        assert_eq!(t, "Develop guidance for staff");
        assert_eq!(
            tr.leads.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
            ["NES", "COSLA"]
        );
        assert_eq!(tr.deadline.unwrap().phrase, "March 2024");
        let (t, tr) = r.split_trailing("Review the pathway SG & COSLA Ongoing");
        assert_eq!(t, "Review the pathway");
        assert_eq!(tr.leads.len(), 2);
        assert_eq!(tr.deadline.unwrap().phrase, "Ongoing");
        let (_, tr) = r.split_trailing("Fund the service Scottish Government 2024 and 2025");
        assert_eq!(tr.deadline.unwrap().phrase, "2024 and 2025");
    }

    #[test]
    fn priority_fields_name_groups_or_rate_items() {
        let r = parse("Delivery plan\n\nSummary.\n\nPriority: Cross cutting actions.\n\n1. Publish guidance\nLead: NES\nPriority: High\n");
        assert_eq!(priorities(&r), [(None, "Cross cutting actions".to_owned())]);
        let a = r.strategy.node("action:1").expect("action 1");
        assert_eq!(
            a.attrs.get("priority").and_then(AttrValue::as_text),
            Some("High")
        );
        let holders: Vec<_> = r
            .strategy
            .sources("action:1", EdgeKind::Contains)
            .map(|n| n.label.clone())
            .collect();
        assert_eq!(holders, ["Cross cutting actions"]);
        assert!(is_rating("Medium") && is_rating("2") && !is_rating("Health"));
    }

    #[test]
    fn what_a_vision_will_do_is_its_aims() {
        let r = parse("Action plan\n\nSummary.\n\nOur vision\n\nFor all people, we will:\n\n• be safe\n• be heard\n");
        assert_eq!(r.strategy.nodes_of_kind(NodeKind::Action).count(), 0);
        let r = parse("Action plan\n\nSummary.\n\nOur work\n\nFor all people, we will:\n\n• fund services\n• train staff\n");
        assert_eq!(r.strategy.nodes_of_kind(NodeKind::Action).count(), 2);
    }

    #[test]
    fn a_list_of_completed_items_gives_them_its_status() {
        let r = parse("Progress report\n\nSummary.\n\n3 of the 9 commitments are already completed. These are:\n\n• Publish the strategy\n• Fund the network\n");
        let statuses: Vec<_> = r
            .strategy
            .nodes_of_kind(NodeKind::Action)
            .map(|n| {
                n.attrs
                    .get("status")
                    .and_then(AttrValue::as_text)
                    .map(str::to_owned)
            })
            .collect();
        assert_eq!(statuses.len(), 2, "{statuses:?}");
        assert!(statuses.iter().all(|s| s.as_deref() == Some("completed")));
        assert!(r.diagnostics.iter().any(|d| d.code == "status_inherited"));
    }

    #[test]
    fn a_heading_over_prose_in_a_list_titles_an_item() {
        let r = parse("Progress report\n\nSummary.\n\nGood progress, with 2 of the 5 commitments already completed. These are:\n\nOpen data portal\n\nThe Scottish Government will keep the portal open.\n\nLocal budgets\n\nCOSLA will agree a framework with councils.\n");
        let labels: Vec<_> = r
            .strategy
            .nodes_of_kind(NodeKind::Action)
            .filter_map(|n| n.text.as_deref()?.lines().next().map(str::to_owned))
            .collect();
        assert_eq!(labels, ["Open data portal", "Local budgets"], "{labels:?}");
        let leads: Vec<_> = r
            .strategy
            .targets("action:open-data-portal", EdgeKind::LedBy)
            .map(|n| n.label.clone())
            .collect();
        assert_eq!(leads, ["Scottish Government"]);
    }

    #[test]
    fn the_heading_over_a_table_of_actions_groups_them() {
        let r = parse("Delivery plan\n\nSummary.\n\nTransport\n\nPriority Actions Delivery Organisation (Lead) Delivery Organisation(s) (Support) Short Term Medium Term Long Term\nLow Emissions Zones Transport Scotland will work with councils to introduce zones Transport Scotland Local Authorities\n");
        let p = priorities(&r);
        assert!(p.iter().any(|(_, l)| l == "Transport"), "{p:?}");
    }
}
