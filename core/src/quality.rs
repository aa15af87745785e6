//! The quality report: every parser run over a corpus of real pages and
//! scored against what a careful reader finds on them, like a benchmark.
//!
//! A corpus is a directory of page texts (`NAME.txt`) each with a facts file
//! (`NAME.facts.json`, the fields of `tests/corpus/README.md`); pages in its
//! `holdout/` subdirectory are scored too and reported apart as held out. The
//! first letter of a page's name is its layout family (`B-…` to `I-…`).
//! Each page is read as `stratagraph parse` reads it ([`parse_document`] with
//! the detected kind, or the kind forced by [`ScoreOptions::kind`]) and what
//! the parser found is compared fact by fact; with no kind forced, every page
//! is also read by each text parser in turn ([`QualityReport::parsers`]). `stratagraph quality DIR
//! [--json]` prints the result.
//!
//! # What is counted
//!
//! For each fact the report counts what the facts expect, what the parser
//! found and how many of those match, one to one; recall is matched /
//! expected and precision is matched / found (shown as `-` when the count
//! below the line is 0).
//!
//! # Matching rules
//!
//! *Folding* means: runs of whitespace become one space, ends trimmed.
//! *Comparing names* means: bracketed parts dropped ("Scottish Government (
//! SG)" is "Scottish Government"), superscript footnote digits dropped,
//! folded, compared case-insensitively.
//!
//! | fact | found in the parse | matches when |
//! |---|---|---|
//! | actions | strategic action and action nodes (text = node text, else label); progress rows (text = title) | the number is equal where the fact has one, and the folded text starts with the folded `text_starts`; each fact takes the first unmatched action that fits, in document order |
//! | leads | `led_by` targets of each found action | on a matched action pair, a name equals the fact's (compared as names) in the partner's label, its attrs `name` (canonical), `as_written` or `spellings` (text or a list), or the edge's attr `name` or `as_written` |
//! | partners | `key_partner` targets of each found action | as leads |
//! | deadlines | the phrase of each found action's deadline | on a matched pair, the phrases are equal folded, case-insensitively, without a trailing colon, comma or full stop and without brackets around the phrase ("(to 2022)") |
//! | statuses | the action's status (attr `status_as_written`, `status`; a progress row's status) | only on pages whose facts record statuses: on a matched pair, the words are equal (as names), or both read as the same [`Status`] |
//! | outcomes | outcome nodes (text = node text, else label), but not those with no text (a reference, "Outcomes: 1, 2") | the number is equal where the fact has one, and the folded text starts with the fact's text (case-insensitive) |
//! | priorities | priority nodes (title = label, else text), but not those of level `objective` (the facts' `objectives`, not scored) | the number is equal where the fact has one, and the title starts with the fact's title (compared as names) |
//! | counts | the headline counts of the parse result's `report.counts` (every parser reads them from the page's prose with [`headline_counts`](crate::parse::counts::headline_counts)) | one item per status and per total of each `progress_counts` entry: the status words are equal (as names) or read as the same [`Status`], the value is equal (an integer exactly; an approximate value by its words, as names, "more than 200"), and the groups agree (equal or one contains the other, as names; a count with no group agrees with any) |
//! | kinds | [`DocumentKind::detect`] on the page | the kind's name equals the fact's `kind` |
//! | titles | the label of the document node (the first strategy or plan node with no parent), or a progress report's title | only on pages whose facts give a title: equal when folded, case-insensitively |
//! | periods | the period of the document node, else of the first strategy or plan node that has one, as `YYYY-YYYY` | equal to the fact's `period`; a period found where the fact is `null` counts as found and unmatched |
//!
//! # Lines and warnings
//!
//! Every non-blank line of a page must be accounted for: touched by the span of
//! a node (or a span-shaped attribute such as `evidence`), or by a skipped or
//! unclassified line. A progress report records only the first line of each
//! row, so a line after a row's first line and before the next row belongs to
//! that row, and a line before the first row belongs to the report's title when
//! its text is in the title. The report gives the lines not accounted for (the
//! goal is none) and the number of diagnostics of warning severity or worse on
//! each page.
//!
//! ```
//! use stratagraph::quality::{score_page, Facts, ScoreOptions};
//!
//! let facts: Facts = serde_json::from_str(r#"{
//!     "url": "https://example.org/plan", "kind": "plan", "title": null, "period": null,
//!     "actions": [{"number": "1.1.1", "text_starts": "Train staff", "leads": ["NES"],
//!                  "partners": [], "deadline": "By March 2024"}]
//! }"#)?;
//! let page = score_page("F-example", false, "Priority 1\n1.1.1 Train staff by March 2024.\nLead: NES", &facts, &ScoreOptions::default());
//! assert_eq!(page.tally("actions").map(|t| t.matched), Some(1));
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::model::{AttrValue, EdgeKind, Node, NodeKind, SourceSpan, Strategy};
use crate::parse::counts::{CountGroup, CountValue};
use crate::parse::{parse_document, source_lines, DocumentKind, TextLine};
use crate::progress::{ProgressReport, Status};

/// What a careful reader finds on one page: the fields of a `.facts.json`
/// file that the report scores (the others, such as `notes`, are ignored).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Facts {
    /// The page's URL.
    #[serde(default)]
    pub url: String,
    /// `plan`, `strategy` or `progress`.
    pub kind: String,
    /// The title as written, when the page heading is in the text.
    #[serde(default)]
    pub title: Option<String>,
    /// The document's own period, `YYYY-YYYY`.
    #[serde(default)]
    pub period: Option<String>,
    /// Priorities (and their parent levels).
    #[serde(default)]
    pub priorities: Vec<PriorityFact>,
    /// Outcomes.
    #[serde(default)]
    pub outcomes: Vec<OutcomeFact>,
    /// Actions, commitments, deliverables, recommendations and milestones.
    #[serde(default)]
    pub actions: Vec<ActionFact>,
    /// Headline counts the text states.
    #[serde(default)]
    pub progress_counts: Vec<CountFact>,
}

/// A priority (or a parent level such as a strategic aim) the facts record.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct PriorityFact {
    /// Its number as written, if any.
    #[serde(default)]
    pub number: Option<String>,
    /// Its title as written.
    pub title: String,
}

/// An outcome the facts record.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OutcomeFact {
    /// Its number as written, if any.
    #[serde(default)]
    pub number: Option<String>,
    /// Its text as written.
    pub text: String,
}

/// An action the facts record.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ActionFact {
    /// Its number as written, if any.
    #[serde(default)]
    pub number: Option<String>,
    /// The first words of its text (a prefix).
    pub text_starts: String,
    /// Lead names as written.
    #[serde(default)]
    pub leads: Vec<String>,
    /// Partner names as written.
    #[serde(default)]
    pub partners: Vec<String>,
    /// The deadline phrase as written.
    #[serde(default)]
    pub deadline: Option<String>,
    /// The status as written: absent when the facts do not record statuses
    /// for the page, `Some(None)` when they record that the row has none.
    #[serde(default, deserialize_with = "present")]
    pub status: Option<Option<String>>,
}

fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// A value in a count fact: an exact integer or the text's own words.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    /// An exact count.
    Exact(u64),
    /// An approximate count as written ("more than 200").
    Words(String),
}

/// One group of headline counts the facts record: `{group, total?, <status>: value}`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CountFact {
    /// The group as written ("Actions in the plan").
    #[serde(default)]
    pub group: Option<String>,
    /// The total, if stated.
    #[serde(default)]
    pub total: Option<FactValue>,
    /// Status words (lower case, as written) and their values.
    #[serde(flatten)]
    pub statuses: BTreeMap<String, FactValue>,
}

/// Counts for one fact: what the facts expect, what was found, and how many match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// How many the facts record.
    pub expected: usize,
    /// How many the parser found.
    pub found: usize,
    /// How many found match an expected one (one to one).
    pub matched: usize,
}

impl Tally {
    /// matched / expected, or `None` when nothing is expected.
    pub fn recall(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.matched as f64 / self.expected as f64)
    }

    /// matched / found, or `None` when nothing was found.
    pub fn precision(&self) -> Option<f64> {
        (self.found > 0).then(|| self.matched as f64 / self.found as f64)
    }

    fn add(&mut self, other: &Tally) {
        self.expected += other.expected;
        self.found += other.found;
        self.matched += other.matched;
    }
}

/// The facts scored, in the order the report prints them.
pub const FACTS: &[&str] = &[
    "actions",
    "leads",
    "partners",
    "deadlines",
    "statuses",
    "outcomes",
    "priorities",
    "counts",
    "kinds",
    "titles",
    "periods",
];

/// How the pages are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScoreOptions {
    /// Read every page as this kind instead of the detected one.
    pub kind: Option<DocumentKind>,
}

/// One page's score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageScore {
    /// The page's file name without `.txt`.
    pub name: String,
    /// Its layout family (the first letter of its name).
    pub family: String,
    /// Whether it is in the held-out set (`holdout/`).
    pub held_out: bool,
    /// The kind the facts give.
    pub kind_expected: String,
    /// The kind detected from the text.
    pub kind_detected: String,
    /// The parser the page was read with.
    pub parsed_as: String,
    /// Per fact, in the order of [`FACTS`].
    pub tallies: Vec<(String, Tally)>,
    /// Diagnostics of warning severity or worse.
    pub warnings: usize,
    /// Non-blank lines of the page.
    pub lines: usize,
    /// Lines accounted for by nothing (1-based); the goal is none.
    pub unaccounted: Vec<usize>,
    /// What the facts expect and the parse lacks, in words (for reading, not for scoring).
    pub missed: Vec<String>,
    /// What the parse found and the facts do not record, in words (actions,
    /// outcomes, priorities, counts, a title or period that does not match).
    pub unexpected: Vec<String>,
}

impl PageScore {
    /// The tally of one fact (a name of [`FACTS`]).
    pub fn tally(&self, fact: &str) -> Option<&Tally> {
        self.tallies.iter().find(|(f, _)| f == fact).map(|(_, t)| t)
    }
}

/// The scores of every page of a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QualityReport {
    /// The pages, development pages first, each set in name order.
    pub pages: Vec<PageScore>,
    /// Every page read with each text parser in turn (when no kind is forced):
    /// what each parser would give if it read the whole corpus.
    pub parsers: Vec<ParserTotals>,
}

/// The totals of one parser over every page of the corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ParserTotals {
    /// `plan`, `strategy` or `progress`.
    pub parser: String,
    /// Per fact, in the order of [`FACTS`], summed over every page.
    pub tallies: Vec<(String, Tally)>,
    /// Diagnostics of warning severity or worse, over every page.
    pub warnings: usize,
    /// Lines accounted for by nothing, over every page.
    pub unaccounted: usize,
}

/// An action as the parse gives it, in the facts' terms.
#[derive(Clone, Debug, Default)]
struct FoundAction {
    number: Option<String>,
    text: String,
    /// Each lead's names (label, canonical name, as written).
    leads: Vec<Vec<String>>,
    partners: Vec<Vec<String>>,
    deadline: Option<String>,
    /// The status words as written, if kept, and the status.
    status_words: Option<String>,
    status: Option<Status>,
}

/// What the parse gives, in the facts' terms.
#[derive(Clone, Debug, Default)]
struct Found {
    title: Option<String>,
    period: Option<String>,
    actions: Vec<FoundAction>,
    outcomes: Vec<(Option<String>, String)>,
    priorities: Vec<(Option<String>, String)>,
    counts: Vec<CountGroup>,
    warnings: usize,
    lines: usize,
    unaccounted: Vec<usize>,
}

/// Runs of whitespace as one space, ends trimmed.
fn fold(text: &str) -> String {
    crate::text::fold_whitespace(text)
}

/// A name for comparison: bracketed parts and superscript digits dropped,
/// folded, lower case.
fn name_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰' => {}
            _ if depth == 0 => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    fold(&out)
}

/// A deadline phrase for comparison: folded, lower case, without a trailing
/// colon, comma or full stop and without the brackets around it ("(to 2022)").
fn phrase_key(text: &str) -> String {
    let t = text.trim().trim_end_matches([':', ',', '.', ';']).trim();
    let t = match t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => inner,
        None => t,
    };
    fold(t).to_lowercase()
}

fn text_of(node: &Node) -> String {
    match &node.text {
        Some(t) if !t.trim().is_empty() => t.clone(),
        _ => node.label.clone(),
    }
}

fn attr_text(node: &Node, key: &str) -> Option<String> {
    match node.attrs.get(key) {
        Some(AttrValue::Text(t)) if !t.is_empty() => Some(t.clone()),
        _ => None,
    }
}

/// The names a partner goes by: label, canonical name, as written.
fn partner_names(strategy: &Strategy, from: &str, kind: EdgeKind) -> Vec<Vec<String>> {
    strategy
        .edges()
        .filter(|e| e.source.as_str() == from && e.kind == kind)
        .map(|e| {
            let mut names = Vec::new();
            if let Some(p) = strategy.node(e.target.as_str()) {
                names.push(p.label.clone());
                for key in ["name", "as_written", "spellings"] {
                    texts(p.attrs.get(key), &mut names);
                }
            }
            for key in ["name", "as_written"] {
                texts(e.attrs.get(key), &mut names);
            }
            names
        })
        .collect()
}

/// The text of an attribute that is text or a list of texts.
fn texts(value: Option<&AttrValue>, out: &mut Vec<String>) {
    match value {
        Some(AttrValue::Text(t)) if !t.is_empty() => out.push(t.clone()),
        Some(AttrValue::List(l)) => {
            for v in l {
                texts(Some(v), out);
            }
        }
        _ => {}
    }
}

fn period_of(node: &Node) -> Option<String> {
    let p = node.period.as_ref()?;
    match (p.start, p.end) {
        (Some(s), Some(e)) => Some(format!("{}-{}", s.year(), e.year())),
        (Some(s), None) => Some(format!("{}-", s.year())),
        (None, Some(e)) => Some(format!("-{}", e.year())),
        (None, None) => None,
    }
}

fn found_in_strategy(s: &Strategy) -> Found {
    let mut f = Found::default();
    let documents: Vec<&Node> = s
        .nodes()
        .filter(|n| matches!(n.kind, NodeKind::Strategy | NodeKind::Plan))
        .collect();
    let root = documents
        .iter()
        .find(|n| s.parent(n.id.as_str()).is_none())
        .or(documents.first());
    f.title = root
        .map(|n| n.label.clone())
        .filter(|t| !t.trim().is_empty());
    f.period = root
        .and_then(|n| period_of(n))
        .or_else(|| documents.iter().find_map(|n| period_of(n)));
    for n in s.nodes() {
        match n.kind {
            NodeKind::StrategicAction | NodeKind::Action => {
                let status_words =
                    attr_text(n, "status_as_written").or_else(|| attr_text(n, "status"));
                let status = status_words.as_deref().and_then(|w| {
                    w.parse::<Status>().ok().or_else(|| {
                        Status::ALL
                            .iter()
                            .copied()
                            .find(|st| st.as_str() == w.trim())
                    })
                });
                f.actions.push(FoundAction {
                    number: n.number.clone(),
                    text: text_of(n),
                    leads: partner_names(s, n.id.as_str(), EdgeKind::LedBy),
                    partners: partner_names(s, n.id.as_str(), EdgeKind::KeyPartner),
                    deadline: n.deadline.as_ref().map(|d| d.phrase.clone()),
                    status_words,
                    status,
                });
            }
            // An outcome with no words is a reference ("Outcomes: 1, 2" under a
            // priority), not an outcome the page states.
            NodeKind::Outcome if text_of(n).trim().is_empty() => {}
            NodeKind::Outcome => f.outcomes.push((n.number.clone(), text_of(n))),
            // A numbered objective above a list of actions ("28. We review …")
            // is the facts' `objectives` (not scored), not a priority.
            NodeKind::Priority
                if n.attrs.get("level").and_then(AttrValue::as_text) == Some("objective") => {}
            NodeKind::Priority => {
                let title = if n.label.trim().is_empty() {
                    text_of(n)
                } else {
                    n.label.clone()
                };
                f.priorities.push((n.number.clone(), title));
            }
            _ => {}
        }
    }
    f
}

fn found_in_report(r: &ProgressReport) -> Found {
    Found {
        title: Some(r.title.clone()).filter(|t| !t.trim().is_empty()),
        actions: r
            .entries
            .iter()
            .map(|e| FoundAction {
                number: Some(e.number.clone()).filter(|n| !n.is_empty()),
                text: e.title.clone(),
                status: e.status,
                ..FoundAction::default()
            })
            .collect(),
        ..Found::default()
    }
}

fn text_line_spans(lines: &[TextLine], out: &mut Vec<(usize, usize)>) {
    out.extend(lines.iter().map(|l| (l.span.start, l.span.end)));
}

/// The non-blank lines of `text` (number, byte range) touched by none of `spans`.
fn untouched(text: &str, mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize, usize)> {
    spans.sort_unstable();
    let mut out = Vec::new();
    let mut k = 0;
    // The furthest end among the spans that start before the line ends.
    let mut reach = 0usize;
    for line in source_lines(text) {
        let (start, end) = (line.start, line.start + line.text.len());
        while k < spans.len() && spans[k].0 < end {
            reach = reach.max(spans[k].1);
            k += 1;
        }
        // A span touches the line if it starts before the line ends and ends after it
        // starts; an empty span touches the line it sits in.
        let touched = k > 0 && (reach > start || spans[k - 1].0 >= start);
        if !touched {
            out.push((line.number, start, end));
        }
    }
    out
}

fn node_spans(s: &Strategy) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for n in s.nodes() {
        if let Some(SourceSpan { start, end, .. }) = n.span {
            spans.push((start, end));
        }
        for v in n.attrs.values() {
            v.spans(&mut spans);
        }
    }
    for e in s.edges() {
        for v in e.attrs.values() {
            v.spans(&mut spans);
        }
    }
    spans
}

/// A parse in one shape, whichever parser read the page: the strategy (empty
/// for a progress report), the report (empty for the others), and what the
/// parser reported and set aside. The one place that knows the parsers' result types.
struct Parsed {
    strategy: Strategy,
    report: ProgressReport,
    diagnostics: Vec<Diagnostic>,
    skipped: Vec<TextLine>,
    unclassified: Vec<TextLine>,
}

/// Read `text` with the parser of `kind`; `None` for canonical JSON that does not read.
fn parse_for_scoring(text: &str, kind: DocumentKind) -> Option<Parsed> {
    let p = parse_document(text, Some(kind)).ok()?;
    Some(Parsed {
        strategy: p.strategy,
        report: p.report,
        diagnostics: p.diagnostics,
        skipped: p.skipped,
        unclassified: p.unclassified,
    })
}

/// What a parse found, in the facts' terms, with the lines it did not account for.
fn found_in(text: &str, p: &Parsed) -> Found {
    let mut found = found_in_strategy(&p.strategy);
    let from_report = found_in_report(&p.report);
    // A progress page that is no board paper has its actions both in the
    // strategy and as the report's rows: one action each, the row's status
    // where the node has none.
    for row in from_report.actions {
        // A row of an unnumbered action is numbered by its node's id: the
        // row's title is the first line of the node's text.
        let same = |a: &&mut FoundAction| match (&a.number, &row.number) {
            (Some(a), Some(b)) => a == b,
            _ => !row.text.is_empty() && fold(&a.text).starts_with(&fold(&row.text)),
        };
        match found.actions.iter_mut().find(same) {
            Some(a) => a.status = a.status.or(row.status),
            None => found.actions.push(row),
        }
    }
    found.counts.clone_from(&p.report.counts);
    if found.title.is_none() {
        found.title = from_report.title;
    }
    let mut spans = node_spans(&p.strategy);
    text_line_spans(&p.skipped, &mut spans);
    text_line_spans(&p.unclassified, &mut spans);
    // A progress report records only the first line of each row: the lines after
    // it are the row's, and the lines before the first row may be its title.
    let first_row = p.report.entries.iter().map(|e| e.line).min();
    let title = fold(&p.report.title);
    found.unaccounted = untouched(text, spans)
        .into_iter()
        .filter(|&(number, start, end)| match first_row {
            Some(first) if number >= first => false,
            _ => !text
                .get(start..end)
                .is_some_and(|t| !title.is_empty() && title.contains(&fold(t))),
        })
        .map(|(n, _, _)| n)
        .collect();
    found.warnings = p
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    found
}

/// Parse `text` and read what the parser found, with line accounting and warnings.
fn read_page(text: &str, options: &ScoreOptions) -> (Found, String) {
    let kind = options.kind.unwrap_or_else(|| DocumentKind::detect(text));
    let mut found = match parse_for_scoring(text, kind) {
        Some(p) => found_in(text, &p),
        // Canonical JSON that does not read: nothing found, every line unaccounted.
        None => Found {
            unaccounted: source_lines(text).map(|l| l.number).collect(),
            warnings: 1,
            ..Found::default()
        },
    };
    found.lines = source_lines(text).count();
    (found, kind.as_str().to_owned())
}

fn action_matches(fact: &ActionFact, found: &FoundAction) -> bool {
    let number_ok = match &fact.number {
        Some(n) => found.number.as_deref().map(str::trim) == Some(n.trim()),
        None => true,
    };
    number_ok && fold(&found.text).starts_with(&fold(&fact.text_starts))
}

/// How many of `expected` names have a distinct match among `found` (each a list of names).
fn names_matched(expected: &[String], found: &[Vec<String>]) -> usize {
    let mut used = vec![false; found.len()];
    let mut matched = 0;
    for name in expected {
        let key = name_key(name);
        let hit = found
            .iter()
            .enumerate()
            .position(|(i, names)| !used[i] && names.iter().any(|n| name_key(n) == key));
        if let Some(i) = hit {
            used[i] = true;
            matched += 1;
        }
    }
    matched
}

fn status_matches(fact: &str, found: &FoundAction) -> bool {
    let words_ok = found
        .status_words
        .as_deref()
        .is_some_and(|w| name_key(w) == name_key(fact));
    let status_ok = Status::parse(fact).is_some_and(|s| found.status == Some(s));
    words_ok || status_ok
}

fn value_matches(fact: &FactValue, found: &CountValue) -> bool {
    match fact {
        FactValue::Exact(n) => found.exact() == Some(*n),
        FactValue::Words(w) => name_key(found.as_written()) == name_key(w),
    }
}

fn groups_agree(fact: Option<&str>, found: Option<&str>) -> bool {
    match (fact.map(name_key), found.map(name_key)) {
        (Some(a), Some(b)) => a.contains(&b) || b.contains(&a),
        _ => true,
    }
}

/// A count found: its group, its status words and status (`None` for a total), its value.
type FoundCount<'a> = (
    Option<&'a str>,
    Option<(&'a str, Option<Status>)>,
    &'a CountValue,
);

/// Score the count facts: one item per status and total.
fn score_counts(
    facts: &[CountFact],
    found: &[CountGroup],
    missed: &mut Vec<String>,
    unexpected: &mut Vec<String>,
) -> Tally {
    // Found items: (group, Some(status words, status) | None for the total, value).
    let mut items: Vec<FoundCount<'_>> = Vec::new();
    for g in found {
        if let Some(t) = &g.total {
            items.push((g.group.as_deref(), None, t));
        }
        for c in &g.counts {
            items.push((
                g.group.as_deref(),
                Some((c.words.as_str(), c.status)),
                &c.value,
            ));
        }
    }
    let mut used = vec![false; items.len()];
    let mut tally = Tally {
        found: items.len(),
        ..Tally::default()
    };
    for fact in facts {
        let group = fact.group.as_deref();
        let mut wanted: Vec<(Option<&str>, &FactValue)> =
            fact.total.iter().map(|t| (None, t)).collect();
        wanted.extend(fact.statuses.iter().map(|(k, v)| (Some(k.as_str()), v)));
        for (status, value) in wanted {
            tally.expected += 1;
            let hit = items.iter().enumerate().position(|(i, (g, s, v))| {
                let status_ok = match (status, s) {
                    (None, None) => true,
                    (Some(fw), Some((w, st))) => {
                        name_key(w) == name_key(fw)
                            || Status::parse(fw).is_some_and(|x| *st == Some(x))
                    }
                    _ => false,
                };
                !used[i] && status_ok && value_matches(value, v) && groups_agree(group, *g)
            });
            match hit {
                Some(i) => {
                    used[i] = true;
                    tally.matched += 1;
                }
                None => missed.push(format!(
                    "count {:?} {} {:?}",
                    group.unwrap_or(""),
                    status.unwrap_or("total"),
                    value
                )),
            }
        }
    }
    for (i, (g, s, v)) in items.iter().enumerate() {
        if !used[i] {
            let words = s.map_or("total", |(w, _)| w);
            unexpected.push(format!(
                "count {:?} {words} {:?}",
                g.unwrap_or(""),
                v.as_written()
            ));
        }
    }
    tally
}

/// Score one page's text against its facts.
pub fn score_page(
    name: &str,
    held_out: bool,
    text: &str,
    facts: &Facts,
    options: &ScoreOptions,
) -> PageScore {
    let (found, parsed_as) = read_page(text, options);
    let kind_detected = DocumentKind::detect(text).as_str().to_owned();
    let mut page = score_found(&found, facts, &kind_detected);
    page.name = name.to_owned();
    page.family = name.chars().next().map(String::from).unwrap_or_default();
    page.held_out = held_out;
    page.parsed_as = parsed_as;
    page
}

/// Compare what a parse found with the facts (the matching rules of the module docs).
fn score_found(found: &Found, facts: &Facts, kind_detected: &str) -> PageScore {
    let kind_detected = kind_detected.to_owned();
    let mut missed = Vec::new();
    let mut unexpected = Vec::new();
    let mut t: BTreeMap<&str, Tally> = FACTS.iter().map(|f| (*f, Tally::default())).collect();
    let mut bump = |fact: &str, e: usize, f: usize, m: usize| {
        if let Some(x) = t.get_mut(fact) {
            x.add(&Tally {
                expected: e,
                found: f,
                matched: m,
            });
        }
    };

    // Actions, one to one, and what hangs on each matched pair.
    let mut used = vec![false; found.actions.len()];
    let statuses_recorded = facts.actions.iter().any(|a| a.status.is_some());
    for fa in &found.actions {
        bump("actions", 0, 1, 0);
        bump("leads", 0, fa.leads.len(), 0);
        bump("partners", 0, fa.partners.len(), 0);
        bump("deadlines", 0, usize::from(fa.deadline.is_some()), 0);
        if statuses_recorded {
            let has = fa.status.is_some() || fa.status_words.is_some();
            bump("statuses", 0, usize::from(has), 0);
        }
    }
    for fact in &facts.actions {
        let label = fact.number.as_deref().unwrap_or(&fact.text_starts);
        bump("actions", 1, 0, 0);
        bump("leads", fact.leads.len(), 0, 0);
        bump("partners", fact.partners.len(), 0, 0);
        bump("deadlines", usize::from(fact.deadline.is_some()), 0, 0);
        let status = fact.status.as_ref().and_then(|s| s.as_deref());
        bump("statuses", usize::from(status.is_some()), 0, 0);
        let hit = found
            .actions
            .iter()
            .enumerate()
            .position(|(i, fa)| !used[i] && action_matches(fact, fa));
        let Some(i) = hit else {
            missed.push(format!("action {label:?}"));
            continue;
        };
        used[i] = true;
        let fa = &found.actions[i];
        bump("actions", 0, 0, 1);
        let leads = names_matched(&fact.leads, &fa.leads);
        let partners = names_matched(&fact.partners, &fa.partners);
        bump("leads", 0, 0, leads);
        bump("partners", 0, 0, partners);
        if leads < fact.leads.len() {
            missed.push(format!("leads of action {label:?}"));
        }
        if partners < fact.partners.len() {
            missed.push(format!("partners of action {label:?}"));
        }
        if let (Some(d), Some(fd)) = (&fact.deadline, &fa.deadline) {
            if phrase_key(d) == phrase_key(fd) {
                bump("deadlines", 0, 0, 1);
            }
        }
        if let Some(s) = status {
            if status_matches(s, fa) {
                bump("statuses", 0, 0, 1);
            }
        }
    }

    for (fa, _) in found.actions.iter().zip(&used).filter(|(_, u)| !**u) {
        let number = fa.number.as_deref().unwrap_or("-");
        unexpected.push(format!("action {number} {:?}", short(&fa.text)));
    }

    // Outcomes and priorities: number where given, text prefix.
    let mut used = vec![false; found.outcomes.len()];
    bump("outcomes", facts.outcomes.len(), found.outcomes.len(), 0);
    for fact in &facts.outcomes {
        let want = fold(&fact.text).to_lowercase();
        let hit = found
            .outcomes
            .iter()
            .enumerate()
            .position(|(i, (n, text))| {
                !used[i]
                    && fact
                        .number
                        .as_ref()
                        .is_none_or(|fnum| n.as_ref() == Some(fnum))
                    && fold(text).to_lowercase().starts_with(&want)
            });
        match hit {
            Some(i) => {
                used[i] = true;
                bump("outcomes", 0, 0, 1);
            }
            None => missed.push(format!("outcome {:?}", fact.text)),
        }
    }
    for ((n, text), _) in found.outcomes.iter().zip(&used).filter(|(_, u)| !**u) {
        unexpected.push(format!(
            "outcome {} {:?}",
            n.as_deref().unwrap_or("-"),
            short(text)
        ));
    }
    let mut used = vec![false; found.priorities.len()];
    bump(
        "priorities",
        facts.priorities.len(),
        found.priorities.len(),
        0,
    );
    for fact in &facts.priorities {
        let want = name_key(&fact.title);
        let hit = found
            .priorities
            .iter()
            .enumerate()
            .position(|(i, (n, title))| {
                !used[i]
                    && fact
                        .number
                        .as_ref()
                        .is_none_or(|fnum| n.as_ref() == Some(fnum))
                    && name_key(title).starts_with(&want)
            });
        match hit {
            Some(i) => {
                used[i] = true;
                bump("priorities", 0, 0, 1);
            }
            None => missed.push(format!("priority {:?}", fact.title)),
        }
    }
    for ((n, title), _) in found.priorities.iter().zip(&used).filter(|(_, u)| !**u) {
        unexpected.push(format!(
            "priority {} {:?}",
            n.as_deref().unwrap_or("-"),
            short(title)
        ));
    }

    // Counts.
    let counts = score_counts(
        &facts.progress_counts,
        &found.counts,
        &mut missed,
        &mut unexpected,
    );
    bump("counts", counts.expected, counts.found, counts.matched);

    // Kind, title, period: one each.
    let kind_ok = kind_detected == facts.kind;
    bump("kinds", 1, 1, usize::from(kind_ok));
    if !kind_ok {
        missed.push(format!("kind {:?} (detected {kind_detected})", facts.kind));
    }
    if let Some(title) = &facts.title {
        let ok = found
            .title
            .as_deref()
            .is_some_and(|t| fold(t).to_lowercase() == fold(title).to_lowercase());
        bump(
            "titles",
            1,
            usize::from(found.title.is_some()),
            usize::from(ok),
        );
        if !ok {
            missed.push(format!("title {title:?}"));
            if let Some(t) = &found.title {
                unexpected.push(format!("title {:?}", short(t)));
            }
        }
    }
    let period_ok = found.period.is_some() && found.period == facts.period;
    bump(
        "periods",
        usize::from(facts.period.is_some()),
        usize::from(found.period.is_some()),
        usize::from(period_ok),
    );
    if let (Some(p), false) = (&facts.period, period_ok) {
        missed.push(format!("period {p:?}"));
    }
    if let (Some(p), false) = (&found.period, period_ok) {
        unexpected.push(format!("period {p:?}"));
    }

    PageScore {
        name: String::new(),
        family: String::new(),
        held_out: false,
        kind_expected: facts.kind.clone(),
        kind_detected,
        parsed_as: String::new(),
        tallies: FACTS
            .iter()
            .map(|f| ((*f).to_owned(), t.get(f).copied().unwrap_or_default()))
            .collect(),
        warnings: found.warnings,
        lines: found.lines,
        unaccounted: found.unaccounted.clone(),
        missed,
        unexpected,
    }
}

/// The first 60 characters of a text, folded.
fn short(text: &str) -> String {
    crate::text::head(&fold(text), 60).into_owned()
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// The `.txt` pages of one directory with their facts, in name order.
fn pages_in(dir: &Path) -> Result<Vec<(String, String, Facts)>, Error> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let path = entry.map_err(|e| io_error(dir, e))?.path();
        if path.extension().is_some_and(|x| x == "txt") {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                names.push(stem.to_owned());
            }
        }
    }
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let txt = dir.join(format!("{name}.txt"));
        let facts_path = dir.join(format!("{name}.facts.json"));
        let text = std::fs::read_to_string(&txt).map_err(|e| io_error(&txt, e))?;
        let json = std::fs::read_to_string(&facts_path).map_err(|e| io_error(&facts_path, e))?;
        let facts: Facts = serde_json::from_str(&json).map_err(|e| Error::Json {
            line: e.line(),
            column: e.column(),
            message: format!("{}: {e}", facts_path.display()),
        })?;
        out.push((name, text, facts));
    }
    Ok(out)
}

/// Score every page of the corpus in `dir` (and its `holdout/` subdirectory).
/// A page without a readable facts file is an error.
pub fn score_corpus(dir: &Path, options: &ScoreOptions) -> Result<QualityReport, Error> {
    let mut report = QualityReport::default();
    let holdout = dir.join("holdout");
    let mut sets = vec![(pages_in(dir)?, false)];
    if holdout.is_dir() {
        sets.push((pages_in(&holdout)?, true));
    }
    for (pages, held_out) in &sets {
        for (name, text, facts) in pages {
            report
                .pages
                .push(score_page(name, *held_out, text, facts, options));
        }
    }
    if options.kind.is_none() {
        for kind in [
            DocumentKind::Plan,
            DocumentKind::Strategy,
            DocumentKind::Progress,
        ] {
            let forced = ScoreOptions { kind: Some(kind) };
            let pages: Vec<PageScore> = sets
                .iter()
                .flat_map(|(pages, held_out)| {
                    pages
                        .iter()
                        .map(move |(n, t, f)| score_page(n, *held_out, t, f, &forced))
                })
                .collect();
            let one = QualityReport {
                pages,
                parsers: Vec::new(),
            };
            report.parsers.push(ParserTotals {
                parser: kind.as_str().to_owned(),
                tallies: FACTS
                    .iter()
                    .map(|f| ((*f).to_owned(), one.total(f, |_| true)))
                    .collect(),
                warnings: one.pages.iter().map(|p| p.warnings).sum(),
                unaccounted: one.unaccounted(),
            });
        }
    }
    Ok(report)
}

fn ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

/// "recall/precision" of a tally, two decimals, `-` where undefined.
fn cell(t: &Tally) -> String {
    format!("{}/{}", ratio(t.recall()), ratio(t.precision()))
}

impl QualityReport {
    /// The sum of one fact's tallies over the pages `keep` selects.
    pub fn total(&self, fact: &str, keep: impl Fn(&PageScore) -> bool) -> Tally {
        let mut t = Tally::default();
        for p in self.pages.iter().filter(|p| keep(p)) {
            if let Some(x) = p.tally(fact) {
                t.add(x);
            }
        }
        t
    }

    /// Lines accounted for by nothing, over every page.
    pub fn unaccounted(&self) -> usize {
        self.pages.iter().map(|p| p.unaccounted.len()).sum()
    }

    /// What falls short of a bar: each fact whose recall over the corpus is
    /// below `min_recall` or whose precision is below `min_precision` (a fact
    /// with nothing expected, or nothing found, is not judged on that ratio),
    /// and, when either bar is given, lines not accounted for.
    pub fn shortfalls(&self, min_recall: Option<f64>, min_precision: Option<f64>) -> Vec<String> {
        let mut out = Vec::new();
        for f in FACTS {
            let t = self.total(f, |_| true);
            let bars = [
                ("recall", t.recall(), min_recall),
                ("precision", t.precision(), min_precision),
            ];
            for (what, value, bar) in bars {
                if let (Some(v), Some(min)) = (value, bar) {
                    if v < min {
                        out.push(format!("{f} {what} {v:.2} < {min}"));
                    }
                }
            }
        }
        let gated = min_recall.is_some() || min_precision.is_some();
        if gated && self.unaccounted() > 0 {
            out.push(format!("{} lines not accounted for", self.unaccounted()));
        }
        out
    }

    /// The report as JSON (pages with their tallies, then totals per fact).
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Total {
            fact: &'static str,
            #[serde(flatten)]
            tally: Tally,
            recall: Option<f64>,
            precision: Option<f64>,
        }
        #[derive(Serialize)]
        struct Out<'a> {
            pages: &'a [PageScore],
            totals: Vec<Total>,
            unaccounted_lines: usize,
            parsers: &'a [ParserTotals],
        }
        let totals = FACTS
            .iter()
            .map(|f| {
                let tally = self.total(f, |_| true);
                Total {
                    fact: f,
                    tally,
                    recall: tally.recall(),
                    precision: tally.precision(),
                }
            })
            .collect();
        let out = Out {
            pages: &self.pages,
            totals,
            unaccounted_lines: self.unaccounted(),
            parsers: &self.parsers,
        };
        let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The report as tables: per fact, per family (recall/precision), per page.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let held = self.pages.iter().filter(|p| p.held_out).count();
        let _ = writeln!(
            out,
            "{} pages ({} development, {held} held out); recall = matched/expected, precision = matched/found",
            self.pages.len(),
            self.pages.len() - held
        );
        let _ = writeln!(
            out,
            "\n{:<11} {:>8} {:>6} {:>7} {:>6} {:>9}   {:>9} {:>9}",
            "fact", "expected", "found", "matched", "recall", "precision", "dev r/p", "held r/p"
        );
        for f in FACTS {
            let t = self.total(f, |_| true);
            let d = self.total(f, |p| !p.held_out);
            let h = self.total(f, |p| p.held_out);
            let _ = writeln!(
                out,
                "{:<11} {:>8} {:>6} {:>7} {:>6} {:>9}   {:>9} {:>9}",
                f,
                t.expected,
                t.found,
                t.matched,
                ratio(t.recall()),
                ratio(t.precision()),
                cell(&d),
                cell(&h),
            );
        }
        let mut families: Vec<&str> = self.pages.iter().map(|p| p.family.as_str()).collect();
        families.sort_unstable();
        families.dedup();
        let _ = write!(
            out,
            "\nrecall/precision per family\n{:<7} {:>5}",
            "family", "pages"
        );
        for f in FACTS {
            let _ = write!(out, " {f:>10}");
        }
        out.push('\n');
        for fam in families {
            let n = self.pages.iter().filter(|p| p.family == fam).count();
            let _ = write!(out, "{fam:<7} {n:>5}");
            for f in FACTS {
                let t = self.total(f, |p| p.family == fam);
                let _ = write!(out, " {:>10}", cell(&t));
            }
            out.push('\n');
        }
        if !self.parsers.is_empty() {
            let _ = write!(
                out,
                "\nrecall/precision with every page read by one parser\n{:<8} {:>4}",
                "parser", ""
            );
            for f in FACTS {
                let _ = write!(out, " {f:>10}");
            }
            let _ = writeln!(out, " {:>8} {:>11}", "warnings", "unaccounted");
            for p in &self.parsers {
                let _ = write!(out, "{:<8} {:>4}", p.parser, "");
                for (_, t) in &p.tallies {
                    let _ = write!(out, " {:>10}", cell(t));
                }
                let _ = writeln!(out, " {:>8} {:>11}", p.warnings, p.unaccounted);
            }
            out.push_str("(kinds are detected: the same for every parser)\n");
        }
        let names: Vec<String> = self
            .pages
            .iter()
            .map(|p| {
                if p.held_out {
                    format!("holdout/{}", p.name)
                } else {
                    p.name.clone()
                }
            })
            .collect();
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(4);
        let _ = writeln!(
            out,
            "\n{:<width$} {:>8} {:>8} {:>8} {:>5} {:>11} {:>7}",
            "page", "kind", "detected", "warnings", "lines", "unaccounted", "actions"
        );
        for (p, name) in self.pages.iter().zip(&names) {
            let a = p.tally("actions").copied().unwrap_or_default();
            let _ = writeln!(
                out,
                "{:<width$} {:>8} {:>8} {:>8} {:>5} {:>11} {:>7}",
                name,
                p.kind_expected,
                p.kind_detected,
                p.warnings,
                p.lines,
                p.unaccounted.len(),
                format!("{}/{}", a.matched, a.expected),
            );
        }
        let warnings: usize = self.pages.iter().map(|p| p.warnings).sum();
        let _ = writeln!(
            out,
            "\nwarnings: {warnings} over {} pages; lines not accounted for: {}",
            self.pages.len(),
            self.unaccounted()
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(json: &str) -> Facts {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn names_drop_brackets_case_and_spacing() {
        assert_eq!(
            name_key("Food Standards Agency Scotland ( FSAS)¹"),
            "food standards agency scotland"
        );
        assert_eq!(name_key("  Scottish   Government "), "scottish government");
        assert_eq!(phrase_key("By Spring 2025:"), "by spring 2025");
        assert_eq!(phrase_key(" (to  2022) "), "to 2022");
        assert_eq!(phrase_key("by end 2024."), "by end 2024");
    }

    #[test]
    fn a_status_absent_differs_from_a_status_null() {
        let f = facts(
            r#"{"kind":"progress","actions":[
                {"number":"1","text_starts":"a"},
                {"number":"2","text_starts":"b","status":null},
                {"number":"3","text_starts":"c","status":"Completed"}]}"#,
        );
        let s: Vec<_> = f.actions.iter().map(|a| a.status.clone()).collect();
        assert_eq!(s, [None, Some(None), Some(Some("Completed".to_owned()))]);
    }

    /// The scorer alone, on a hand-built graph (no parser involved): every
    /// matching rule, counted exactly.
    #[test]
    fn scores_a_hand_built_graph() {
        use crate::model::{Date, DateWindow, Edge, Strategy};
        let spring = DateWindow::new(None, Date::new(2025, 5, 31), "By Spring 2025:");
        let strategy = Strategy::builder()
            .node(
                Node::new(NodeKind::Plan, "plan", "")
                    .with_label("Route  Map - Action Plan")
                    .with_period(DateWindow::new(
                        Date::new(2023, 10, 1),
                        Date::new(2025, 4, 30),
                        "October 2023 to April 2025",
                    )),
            )
            .node(
                Node::new(NodeKind::Priority, "4", "")
                    .with_label("Supporting decision-making and more"),
            )
            .node(
                Node::new(
                    NodeKind::Action,
                    "1.1",
                    "The Route Map encompasses a range of\nspecific actions on energy",
                )
                .with_deadline(spring)
                .with_attr("status_as_written", "Continuous programme of work"),
            )
            .node(
                Node::new(
                    NodeKind::Action,
                    "1.2",
                    "Promote the use of power of attorney.",
                )
                .with_attr("status", "delivered"),
            )
            .node(Node::new(
                NodeKind::Action,
                "9",
                "An action no reader recorded.",
            ))
            .node(
                Node::new(NodeKind::Partner, "Scottish Government", "")
                    .with_attr("as_written", "Scottish Government ( SG)"),
            )
            .node(Node::new(NodeKind::Partner, "COSLA", ""))
            .node(
                Node::new(NodeKind::Partner, "FSAS", "")
                    .with_attr("name", "Food Standards Agency Scotland"),
            )
            .node(Node::new(
                NodeKind::Outcome,
                "2",
                "People are supported, with dignity.",
            ))
            .add_edge(Edge::new(
                "action:1.1",
                EdgeKind::LedBy,
                "partner:scottish-government",
            ))
            .add_edge(Edge::new(
                "action:1.1",
                EdgeKind::KeyPartner,
                "partner:fsas",
            ))
            .add_edge(Edge::new(
                "action:1.1",
                EdgeKind::KeyPartner,
                "partner:cosla",
            ))
            .add_edge(Edge::new("action:9", EdgeKind::LedBy, "partner:cosla"))
            .build()
            .unwrap();
        let f = facts(
            r#"{"kind":"plan","title":"route map - action plan","period":"2023-2025",
                "priorities":[{"number":"4","title":"Supporting decision-making"},{"number":"5","title":"Absent"}],
                "outcomes":[{"number":"2","text":"People are supported"},{"number":null,"text":"Nowhere"}],
                "actions":[
                  {"number":"1.1","text_starts":"The Route Map encompasses a range of specific",
                   "leads":["Scottish Government ( SG)"],
                   "partners":["Food Standards Agency Scotland ( FSAS)¹","Public Heath Scotland"],
                   "deadline":"By Spring 2025","status":"Continuous programme of work"},
                  {"number":"1.2","text_starts":"Promote the use","leads":[],"partners":[],
                   "deadline":"by 2026","status":"Completed"},
                  {"number":"1.3","text_starts":"Promote the use","leads":[],"partners":[],
                   "deadline":null,"status":null}
                ],
                "progress_counts":[{"group":"Actions in the plan","total":50,"completed":22,
                                    "on track":"more than 20"}]}"#,
        );
        let mut found = found_in_strategy(&strategy);
        found.counts = crate::parse::counts::headline_counts(
            "Out of the 50 actions in the plan, 22 are completed and 3 are at risk.",
        )
        .groups;
        let page = score_found(&found, &f, "plan");
        let t = |name| *page.tally(name).unwrap();
        let tally = |expected, found, matched| Tally {
            expected,
            found,
            matched,
        };
        // 1.1 and 1.2 match (number and folded prefix); 1.3 has no action; 9 is unexpected.
        assert_eq!(t("actions"), tally(3, 3, 2));
        // Scottish Government matches through its as-written name, brackets dropped.
        assert_eq!(t("leads"), tally(1, 2, 1));
        // FSAS matches through its canonical name; Public Heath Scotland is missed; COSLA is unexpected.
        assert_eq!(t("partners"), tally(2, 2, 1));
        // The trailing colon and the case do not count; 1.2 has no deadline found.
        assert_eq!(t("deadlines"), tally(2, 1, 1));
        // As written ("Continuous programme of work") and by vocabulary ("delivered" = "Completed").
        assert_eq!(t("statuses"), tally(2, 2, 2));
        assert_eq!(t("outcomes"), tally(2, 1, 1));
        assert_eq!(t("priorities"), tally(2, 1, 1));
        // Total 50 and completed 22 match; "on track" is missed; "at risk" is unexpected.
        assert_eq!(t("counts"), tally(3, 3, 2));
        assert_eq!(t("kinds"), tally(1, 1, 1));
        assert_eq!(t("titles"), tally(1, 1, 1));
        assert_eq!(t("periods"), tally(1, 1, 1));
        assert!(
            page.missed.iter().any(|m| m.contains("1.3")),
            "{:?}",
            page.missed
        );
        assert!(
            page.unexpected.iter().any(|m| m.starts_with("action 9")),
            "{:?}",
            page.unexpected
        );

        // A kind, title and period that differ: found, not matched.
        let other = facts(r#"{"kind":"progress","title":"Another title","period":"2021-2024"}"#);
        let page = score_found(&found, &other, "plan");
        assert_eq!(*page.tally("kinds").unwrap(), tally(1, 1, 0));
        assert_eq!(*page.tally("titles").unwrap(), tally(1, 1, 0));
        assert_eq!(*page.tally("periods").unwrap(), tally(1, 1, 0));
        assert!(page.unexpected.iter().any(|m| m.starts_with("period")));
    }

    /// The scorer on a tiny hand-made page, read by the plan parser: only what
    /// does not depend on how the parser reads leads and deadlines.
    #[test]
    fn scores_a_hand_made_plan() {
        let text = "Training plan 2023-2025\n\
                    Priority 1: Workforce\n\
                    Strategic Action 1.1: Train the workforce.\n\
                    1.1.1 Publish a trauma training plan by March 2024.\n\
                    Lead and Key Partners: NHS Education for Scotland (NES) / COSLA\n\
                    1.1.2 Something no reader recorded.\n";
        let f = facts(
            r#"{"kind":"plan","title":"Training plan 2023-2025","period":"2023-2025",
                "priorities":[{"number":"1","title":"Workforce"}],
                "actions":[
                  {"number":"1.1.1","text_starts":"Publish a trauma  training",
                   "leads":["NHS Education for Scotland (NES)","COSLA"],"partners":[],
                   "deadline":"by March 2024"},
                  {"number":"9.9","text_starts":"Never in the text","leads":[],"partners":[],"deadline":null}
                ]}"#,
        );
        let page = score_page("F-tiny", false, text, &f, &ScoreOptions::default());
        let t = |name| *page.tally(name).unwrap();
        // 1.1 (strategic action), 1.1.1 and 1.1.2 are found; 1.1.1 matches.
        assert_eq!(
            t("actions"),
            Tally {
                expected: 2,
                found: 3,
                matched: 1
            }
        );
        assert_eq!(t("kinds").matched, 1);
        assert_eq!(t("deadlines").expected, 1);
        assert_eq!(t("leads").expected, 2);
        assert_eq!(t("counts"), Tally::default());
        assert_eq!(
            (
                page.name.as_str(),
                page.family.as_str(),
                page.parsed_as.as_str()
            ),
            ("F-tiny", "F", "plan")
        );
        assert!(page.missed.contains(&"action \"9.9\"".to_owned()));
        assert_eq!(page.unaccounted, Vec::<usize>::new());
        assert_eq!(page.lines, 6);
    }

    #[test]
    fn a_period_where_the_facts_have_none_is_unmatched() {
        let f = facts(r#"{"kind":"plan","period":null}"#);
        let page = score_page(
            "I-x",
            true,
            "Priority 1\n1.1.1 Do it.\nDelivery plan 2023-2025",
            &f,
            &ScoreOptions::default(),
        );
        let p = page.tally("periods").unwrap();
        assert_eq!((p.expected, p.matched), (0, 0));
        assert_eq!(page.family, "I");
        assert!(page.held_out);
    }

    #[test]
    fn counts_are_scored_per_status_and_total() {
        let text = "Out of the 50 Actions in the plan, 22 are completed and with the remaining 28 progressing well towards completion.";
        let f = facts(
            r#"{"kind":"progress","progress_counts":[{"group":"Actions in the plan","total":50,
                "completed":22,"progressing well towards completion":28}]}"#,
        );
        let page = score_page("B-x", false, text, &f, &ScoreOptions::default());
        let c = page.tally("counts").unwrap();
        assert_eq!(c.expected, 3);
        assert_eq!(c.matched, 3, "{:?}", page.missed);
        assert_eq!(c.found, 3);
    }

    #[test]
    fn lines_touched_by_nothing_are_found() {
        let text = "one\n\n two \nthree";
        assert_eq!(
            untouched(text, vec![(0, 3)])
                .iter()
                .map(|l| l.0)
                .collect::<Vec<_>>(),
            [3, 4]
        );
        assert_eq!(untouched(text, vec![(0, 9)]).len(), 1);
        assert_eq!(untouched(text, vec![(6, 6), (11, 16)]).len(), 1);
    }

    #[test]
    fn the_table_names_every_fact_and_page() {
        let f = facts(r#"{"kind":"strategy"}"#);
        let report = QualityReport {
            parsers: Vec::new(),
            pages: vec![score_page(
                "I-a",
                false,
                "We will do good.",
                &f,
                &ScoreOptions::default(),
            )],
        };
        let table = report.to_table();
        for fact in FACTS {
            assert!(table.contains(fact), "{fact}");
        }
        assert!(table.contains("I-a"));
        assert!(report.to_json().contains("\"unaccounted_lines\": 0"));
        assert_eq!(
            report.shortfalls(Some(0.9), Some(0.9)),
            Vec::<String>::new()
        );
        assert_eq!(report.shortfalls(None, None), Vec::<String>::new());
        let mut worse = report.clone();
        let wrong = facts(r#"{"kind":"plan"}"#);
        let opts = ScoreOptions::default();
        worse
            .pages
            .push(score_page("I-b", true, "We will do good.", &wrong, &opts));
        assert_eq!(
            worse.shortfalls(Some(0.9), None),
            ["kinds recall 0.50 < 0.9"]
        );
        assert_eq!(worse.shortfalls(None, Some(0.4)), Vec::<String>::new());
    }
}
