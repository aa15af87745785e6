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
//! | `acronym_from_gazetteer` | info | an acronym used but not defined, expanded from the gazetteer |
//! | `undefined_acronym` | warning | an acronym used, never defined and unknown to the gazetteer |
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
        let mut p = Parser::new(&self.gazetteer);
        for line in source_lines(text) {
            for (piece, furniture) in furniture_pieces(line.text) {
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

// ---------------------------------------------------------------------------
// Cleaning a line

/// A line's text, cleaned: single spaces, split words rejoined, footnote markers out.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Cleaned {
    pub(crate) text: String,
    pub(crate) notes: Vec<i64>,
    pub(crate) rejoined: Vec<String>,
}

/// Words after a hyphen and a space that show a suspended hyphen ("pre- and
/// post-natal"), not a split word.
const NOT_SPLIT: &[&str] = &[
    "and", "or", "to", "nor", "as", "than", "but", "not", "the", "a", "an", "of", "in", "on",
    "with", "for", "is", "versus", "vs",
];

/// A footnote marker `[n]` (1 to 3 digits) at the start of `s`: its number and length.
fn footnote_at(s: &str) -> Option<(i64, usize)> {
    let rest = s.strip_prefix('[')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || rest.as_bytes().get(digits) != Some(&b']') {
        return None;
    }
    let n = rest.get(..digits)?.parse().ok()?;
    Some((n, digits + 2))
}

pub(crate) fn clean(s: &str) -> Cleaned {
    let mut out = String::with_capacity(s.len());
    let mut notes = Vec::new();
    let mut pending_space = false;
    let mut skip_to = 0usize;
    for (i, c) in s.char_indices() {
        if i < skip_to {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c == '[' {
            if let Some((n, len)) = s.get(i..).and_then(footnote_at) {
                let attached = !pending_space && !out.is_empty();
                let next = s.get(i + len..).and_then(|r| r.chars().next());
                let at_end = next.is_none_or(|d| ".,;:)!?".contains(d));
                if attached || at_end {
                    notes.push(n);
                    skip_to = i + len;
                    if !attached {
                        pending_space = false;
                    }
                    continue;
                }
            }
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    let mut rejoined = Vec::new();
    let text = rejoin(&out, &mut rejoined);
    Cleaned {
        text,
        notes,
        rejoined,
    }
}

/// Whether "<before>- <after>" is a word the page split ("Co- ordinators").
fn is_split(before: &str, after: &str) -> bool {
    if !before.chars().next_back().is_some_and(char::is_alphabetic) {
        return false;
    }
    let word_len = after
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(i, _)| i);
    let word = after.get(..word_len).unwrap_or("");
    word.starts_with(char::is_lowercase) && !NOT_SPLIT.contains(&word)
}

fn rejoin(text: &str, rejoined: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0usize;
    for (i, _) in text.match_indices("- ") {
        let (Some(before), Some(after)) = (text.get(..i), text.get(i + 2..)) else {
            continue;
        };
        if i < last || !is_split(before, after) {
            continue;
        }
        out.push_str(text.get(last..=i).unwrap_or(""));
        last = i + 2;
        let head: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .take(40)
            .collect();
        rejoined.push(format!("{head}-{tail}"));
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

/// Join a continuation line to a text: a newline, or nothing when the text
/// ends in a word the line break split ("Co-" / "ordinators").
fn join_text(text: &mut String, line: &str) {
    if text.ends_with('-') && is_split(text.get(..text.len() - 1).unwrap_or(""), line) {
        text.push_str(line);
    } else {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(line);
    }
}

// ---------------------------------------------------------------------------
// Recognising lines

/// `s` without an ASCII-case-insensitive `prefix`.
fn strip_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// A number like `10`, `10.1` or `10.1.1` at the start of `s`: the number, its
/// parts and the rest (a trailing full stop is dropped).
fn take_number(s: &str) -> Option<(&str, usize, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut parts = 0;
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        parts += 1;
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    let num = s.get(..i)?;
    let mut rest = s.get(i..)?;
    if let Some(r) = rest.strip_prefix('.') {
        rest = r;
    }
    Some((num, parts, rest))
}

/// The title after a heading's number: nothing, or text after `:`, `–`, `—`,
/// `-`, `.` or `)`; with `loose`, also text after a space.
fn heading_rest(rest: &str, loose: bool) -> Option<&str> {
    let t = rest.trim_start();
    if t.is_empty() {
        return Some("");
    }
    for sep in [':', '–', '—', '-', '.', ')'] {
        if let Some(after) = t.strip_prefix(sep) {
            return Some(after.trim());
        }
    }
    let spaced = t.len() < rest.len();
    (spaced && (loose || t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())))
        .then_some(t)
}

fn priority_heading(s: &str) -> Option<(&str, &str)> {
    let rest = strip_ci(s, "priority")?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (num, parts, rest) = take_number(rest.trim_start())?;
    if parts != 1 {
        return None;
    }
    Some((num, heading_rest(rest, false)?))
}

fn strategic_action_heading(s: &str) -> Option<(&str, &str)> {
    let rest = strip_ci(s, "strategic")?;
    let rest = strip_ci(rest.trim_start(), "action")?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (num, _, rest) = take_number(rest.trim_start())?;
    Some((num, heading_rest(rest, true)?))
}

/// `10.1.1 text` (also `10.1.1. text`, `Action 10.1.1: text`), or a
/// two-part number `10.1 text` (`bare`) to be checked against the priority.
fn numbered_line(s: &str) -> Option<(&str, usize, &str)> {
    let t = match strip_ci(s, "action") {
        Some(r) if r.starts_with(char::is_whitespace) => r.trim_start(),
        _ => s,
    };
    let (num, parts, rest) = take_number(t)?;
    if parts < 2 {
        return None;
    }
    Some((num, parts, heading_rest(rest, true)?))
}

/// Which roles a partners line names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    LeadAndPartners,
    Lead,
    Partners,
}

const ROLE_WORDS: &[&str] = &[
    "lead",
    "leads",
    "and",
    "key",
    "partner",
    "partners",
    "s",
    "organisation",
    "organisations",
    "organization",
    "organizations",
    "delivery",
    "responsible",
    "body",
    "bodies",
    "other",
    "main",
];

fn partners_line(s: &str) -> Option<(Role, &str)> {
    let (label, rest) = match s.find(':') {
        Some(i) if i <= 60 => (s.get(..i)?, s.get(i + 1..)?),
        _ => {
            // "Lead and Key Partners Scottish Government" with the colon lost.
            let rest = strip_ci(s, "lead and key partners")?;
            if !rest.starts_with(char::is_whitespace) {
                return None;
            }
            (s.get(..21)?, rest)
        }
    };
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || !words.iter().all(|w| ROLE_WORDS.contains(&w.as_str())) {
        return None;
    }
    let has = |w: &str| words.iter().any(|x| x == w);
    let lead = has("lead") || has("leads");
    let partner = has("partner") || has("partners");
    let role = match (lead, partner, has("and") || label.contains('&')) {
        (true, true, true) => Role::LeadAndPartners,
        (true, _, _) => Role::Lead,
        (false, true, _) => Role::Partners,
        _ => return None,
    };
    Some((role, rest.trim()))
}

/// Outcome numbers on an "Outcomes: 1, 2, 3" line; `Some(vec![])` for a plain
/// "Outcomes" heading; `None` for anything else.
fn outcomes_line(s: &str) -> Option<Vec<(String, Option<String>)>> {
    let rest = strip_ci(s, "outcomes").or_else(|| strip_ci(s, "outcome"))?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix([':', '–', '-', '—'])
        .unwrap_or(rest)
        .trim();
    if rest.is_empty() {
        return Some(Vec::new());
    }
    // numbers separated by , ; & "and", with ranges 1-3 / 1 to 3
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    let mut range_open = false;
    let norm = rest.replace(['–', '—'], "-");
    for tok in norm
        .split(|c: char| c == ',' || c == ';' || c == '&' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        if tok.eq_ignore_ascii_case("and") {
            continue;
        }
        if tok.eq_ignore_ascii_case("to") || tok == "-" {
            if out.is_empty() || range_open {
                return None;
            }
            range_open = true;
            continue;
        }
        let (a, b) = match tok.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (tok, None),
        };
        let is_num = |x: &str| !x.is_empty() && x.bytes().all(|c| c.is_ascii_digit());
        if !is_num(a) || b.is_some_and(|b| !is_num(b)) {
            return None;
        }
        if range_open {
            if b.is_some() {
                return None;
            }
            if let Some(last) = out.last_mut() {
                last.1 = Some(a.to_owned());
            }
            range_open = false;
            continue;
        }
        out.push((a.to_owned(), b.map(str::to_owned)));
    }
    (!range_open && !out.is_empty()).then_some(out)
}

fn challenges_heading(s: &str) -> Option<&str> {
    let rest = strip_ci(s, "challenges")?;
    let rest = strip_ci(rest.trim_start(), "and opportunities").unwrap_or(rest);
    let rest = rest.trim_start();
    if rest.is_empty() {
        return Some("");
    }
    rest.strip_prefix(':').map(str::trim)
}

fn focus_heading(s: &str) -> Option<(&str, &str)> {
    let rest = strip_ci(s, "key area")?;
    let rest = rest.strip_prefix('s').unwrap_or(rest);
    let rest = strip_ci(rest, " of focus")?;
    let label_len = s.len() - rest.len();
    let label = s.get(..label_len)?;
    let rest = rest.trim_start();
    if rest.is_empty() {
        return Some((label, ""));
    }
    Some((label, rest.strip_prefix(':')?.trim()))
}

fn footnote_line(s: &str) -> Option<(i64, &str)> {
    let (n, len) = footnote_at(s)?;
    let rest = s.get(len..)?;
    rest.starts_with(char::is_whitespace)
        .then(|| (n, rest.trim()))
        .filter(|(_, r)| !r.is_empty())
}

const BULLETS: &[char] = &['-', '•', '*', '–', '·', '○', '▪', '◦', '‣', '●', '■', '—'];

/// A bullet: its number, if numbered ("1. text"), and its text.
fn bullet(s: &str) -> Option<(Option<&str>, &str)> {
    if let Some(rest) = s.strip_prefix(BULLETS) {
        let t = rest.trim_start();
        let bullet_dot = s.starts_with(['•', '·', '●', '▪', '■', '◦', '○', '‣']);
        if !t.is_empty() && (t.len() < rest.len() || bullet_dot) {
            return Some((None, t));
        }
        return None;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = s.get(digits..)?;
        let rest = rest.strip_prefix(['.', ')'])?;
        if rest.starts_with(char::is_whitespace) && !rest.trim().is_empty() {
            return Some((s.get(..digits), rest.trim()));
        }
    }
    None
}

/// "Outcome 3: text" at the start of a bullet.
fn outcome_label(s: &str) -> Option<(&str, &str)> {
    let rest = strip_ci(s, "outcome")?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (num, parts, rest) = take_number(rest.trim_start())?;
    if parts != 1 {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest.strip_prefix([':', '–', '-', '—'])?;
    Some((num, rest.trim()))
}

// ---------------------------------------------------------------------------
// Leads and partners

/// A partner as named on a lead/partners line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Item {
    pub(crate) name: String,
    pub(crate) acronym: Option<String>,
    pub(crate) members: Vec<Item>,
}

impl Item {
    fn named(name: &str) -> Item {
        Item {
            name: name.trim().to_owned(),
            ..Item::default()
        }
    }
}

/// Leads and key partners read from a line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Split {
    pub(crate) leads: Vec<Item>,
    pub(crate) partners: Vec<Item>,
    /// The lead could not be told from the partners.
    pub(crate) ambiguous: bool,
    /// The lead is not a known body.
    pub(crate) unknown_lead: bool,
}

/// The byte offsets in `s` of the characters in `seps` outside brackets.
fn top_level(s: &str, seps: &[char]) -> Vec<usize> {
    let mut depth = 0usize;
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 && seps.contains(&c) => out.push(i),
            _ => {}
        }
    }
    out
}

fn split_top<'a>(s: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut last = 0;
    for i in top_level(s, seps) {
        out.push(s.get(last..i).unwrap_or(""));
        last = i + s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
    }
    out.push(s.get(last..).unwrap_or(""));
    out
}

/// Split "Penumbra & NHS Greater Glasgow & Clyde" at a conjunction where one
/// side is a known body.
fn conj_split<'a>(g: &Gazetteer, s: &'a str) -> Vec<&'a str> {
    let mut positions: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ' ' if depth == 0 => {
                let after = s.get(i..).unwrap_or("");
                if after.starts_with(" & ") {
                    positions.push((i, 3));
                } else if strip_ci(after, " and ").is_some() {
                    positions.push((i, 5));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (pos, len) in positions {
        if pos < start {
            continue;
        }
        let rest = s.get(start..).unwrap_or("").trim();
        if g.lookup(rest).is_some() {
            break;
        }
        let left = s.get(start..pos).unwrap_or("").trim();
        let right = s.get(pos + len..).unwrap_or("").trim();
        if left.is_empty() || right.is_empty() {
            continue;
        }
        if g.lookup(left).is_some() || g.lookup(right).is_some() {
            out.push(left);
            start = pos + len;
        }
    }
    out.push(s.get(start..).unwrap_or("").trim());
    out
}

const NAME_QUALIFIERS: &[&str] = &[
    "including",
    "incl",
    "e.g",
    "eg ",
    "such as",
    "for example",
    "for instance",
    "particularly",
    "especially",
    "in particular",
    "notably",
    "i.e",
    "ie ",
    "where",
    "when",
    "as ",
    "if ",
    "via",
];

const COLLECTIVES: &[&str] = &[
    "alliance",
    "partnership",
    "partnerships",
    "consortium",
    "coalition",
    "network",
    "collaborative",
    "collaboration",
    "group",
    "forum",
    "federation",
    "panel",
    "members",
];

fn parse_item(g: &Gazetteer, s: &str, members_allowed: bool) -> Item {
    let s = s.trim();
    if let Some(body) = s.strip_suffix(')') {
        // The bracket that opens the final ")".
        let mut depth = 0usize;
        let mut open = None;
        for (i, c) in body.char_indices().rev() {
            match c {
                ')' => depth += 1,
                '(' if depth == 0 => {
                    open = Some(i);
                    break;
                }
                '(' => depth -= 1,
                _ => {}
            }
        }
        if let Some(open) = open {
            let name = body.get(..open).unwrap_or("").trim();
            let inner = body.get(open + 1..).unwrap_or("").trim();
            if name.is_empty() || inner.is_empty() {
                return Item::named(s);
            }
            let own_acronym = || {
                let words: Vec<&str> = name.split_whitespace().take(40).collect();
                let same = match (g.lookup(inner), g.lookup(name)) {
                    (Some(a), Some(b)) => a == b,
                    _ => false,
                };
                same || initials_match(&words, &acronym_letters(inner))
            };
            let member = members_allowed && g.lookup(inner).is_some_and(|e| e.kind.is_body());
            if is_acronym(inner) && (!member || own_acronym()) {
                return Item {
                    name: name.to_owned(),
                    acronym: Some(inner.to_owned()),
                    members: Vec::new(),
                };
            }
            let lower = inner.to_lowercase();
            if NAME_QUALIFIERS.iter().any(|q| lower.starts_with(q)) || !members_allowed {
                return Item::named(s);
            }
            let members = parse_list(g, inner, false);
            let last_word = name
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .to_lowercase();
            let collective = COLLECTIVES.contains(&last_word.as_str());
            let known = members.iter().any(|m| g.lookup(&m.name).is_some());
            if !members.is_empty() && (collective || known) {
                return Item {
                    name: name.to_owned(),
                    acronym: None,
                    members,
                };
            }
        }
    }
    Item::named(s)
}

/// A list of partners: "A, B (C & D), E/F".
pub(crate) fn parse_list(g: &Gazetteer, s: &str, members_allowed: bool) -> Vec<Item> {
    let mut out = Vec::new();
    for piece in split_top(s, &[',', ';', '/']) {
        let piece = piece.trim().trim_end_matches('.').trim();
        let piece = strip_ci(piece, "and ")
            .or_else(|| piece.strip_prefix("& "))
            .unwrap_or(piece)
            .trim();
        if piece.is_empty() {
            continue;
        }
        for sub in conj_split(g, piece) {
            if !sub.is_empty() {
                out.push(parse_item(g, sub, members_allowed));
            }
        }
    }
    out
}

/// The leads of a "Lead: A/B" line.
pub(crate) fn parse_leads(g: &Gazetteer, s: &str) -> Vec<Item> {
    parse_list(g, s, true)
}

/// Split a "Lead and Key Partners" line into leads and partners.
pub(crate) fn split_lead_line(g: &Gazetteer, rest: &str) -> Split {
    let rest = rest.trim();
    if rest.is_empty() {
        return Split::default();
    }
    if let Some(&semi) = top_level(rest, &[';']).first() {
        return Split {
            leads: parse_leads(g, rest.get(..semi).unwrap_or("")),
            partners: parse_list(g, rest.get(semi + 1..).unwrap_or(""), true),
            ..Split::default()
        };
    }
    let mut split = Split::default();
    if let Some((len, _)) = g.body_at_start(rest) {
        let mut leads: Vec<String> = vec![rest.get(..len).unwrap_or("").to_owned()];
        let mut tail = rest.get(len..).unwrap_or("");
        loop {
            let t = tail.trim_start();
            if let Some(after) = t.strip_prefix('/') {
                let after = after.trim_start();
                if let Some((l2, _)) = g.body_at_start(after) {
                    leads.push(after.get(..l2).unwrap_or("").to_owned());
                    tail = after.get(l2..).unwrap_or("");
                    continue;
                }
                let end = after
                    .find(|c: char| c.is_whitespace() || c == ',' || c == '(')
                    .unwrap_or(after.len());
                if end == 0 {
                    break;
                }
                split.ambiguous = true;
                leads.push(after.get(..end).unwrap_or("").to_owned());
                tail = after.get(end..).unwrap_or("");
                continue;
            }
            if t.starts_with('(') {
                // "(SG)" or a bracket that belongs to the last lead.
                let mut depth = 0usize;
                let mut end = None;
                for (i, c) in t.char_indices() {
                    match c {
                        '(' => depth += 1,
                        ')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                end = Some(i);
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                if let (Some(end), Some(last)) = (end, leads.last_mut()) {
                    last.push(' ');
                    last.push_str(t.get(..=end).unwrap_or(""));
                    tail = t.get(end + 1..).unwrap_or("");
                    continue;
                }
            }
            break;
        }
        let t = tail.trim_start();
        let t = t
            .strip_prefix([',', ':', '–', '—', '-', ';'])
            .unwrap_or(t)
            .trim();
        split.leads = leads.iter().map(|l| parse_item(g, l, true)).collect();
        split.partners = parse_list(g, t, true);
        return split;
    }
    let pieces = top_level(rest, &[',']);
    let (first, others) = match pieces.first() {
        Some(&comma) => (
            rest.get(..comma).unwrap_or(""),
            rest.get(comma + 1..).unwrap_or(""),
        ),
        None => (rest, ""),
    };
    split.unknown_lead = true;
    split.leads = parse_list(g, first, true);
    if split.leads.len() > 1 || !others.trim().is_empty() {
        split.ambiguous = true;
    }
    if split.leads.len() > 1 && top_level(first, &['/']).is_empty() {
        // "A and B" split by the gazetteer: the first is the lead.
        let rest_items = split.leads.split_off(1);
        split.partners.extend(rest_items);
    }
    split.partners.extend(parse_list(g, others, true));
    split
}

// ---------------------------------------------------------------------------
// Acronyms

const MINOR: &[&str] = &[
    "of", "for", "and", "the", "in", "on", "to", "&", "a", "an", "with", "at", "by",
];

const NOT_ACRONYMS: &[&str] = &[
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "OK", "AM", "PM",
];

fn initial(word: &str) -> Option<char> {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
}

fn is_minor(word: &str) -> bool {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '&')
        .collect::<String>()
        .to_lowercase();
    MINOR.contains(&w.as_str())
}

/// Whether the initials of `words` spell `letters`; minor words ("of", "for")
/// may be skipped or counted.
fn initials_match(words: &[&str], letters: &[char]) -> bool {
    let (n, m) = (words.len(), letters.len());
    // can[i][j]: words[i..] spell letters[j..]
    let mut can = vec![vec![false; m + 1]; n + 1];
    can[n][m] = true;
    for i in (0..n).rev() {
        let minor = is_minor(words[i]);
        let init = initial(words[i]);
        for j in (0..=m).rev() {
            let consume = j < m && init == Some(letters[j]) && can[i + 1][j + 1];
            let skip = minor && can[i + 1][j];
            can[i][j] = consume || skip;
        }
    }
    n > 0 && !is_minor(words[0]) && can[0][0]
}

fn acronym_letters(acronym: &str) -> Vec<char> {
    acronym.chars().filter(char::is_ascii_uppercase).collect()
}

fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '\'' && c != '’')
        .trim_start_matches(['\'', '’', ')'])
}

/// The words before "(ACR)" that spell it, if any.
fn expansion_before(before: &str, acronym: &str) -> Option<String> {
    let letters = acronym_letters(acronym);
    let window = letters.len() * 2 + 3;
    let mut words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .rev()
        .take(window)
        .collect();
    words.reverse();
    (0..words.len()).rev().find_map(|start| {
        let cand = words.get(start..)?;
        initials_match(cand, &letters).then(|| trim_punct(&cand.join(" ")).to_owned())
    })
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

fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

/// The id of a plan titled `title`.
pub(crate) fn plan_id(title: &str) -> NodeId {
    let key = truncate_chars(title, 100);
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
        }
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
                return;
            }
            return self.outcome_refs(l, nums);
        }
        if let Some(rest) = challenges_heading(s) {
            self.block = Block::Challenges;
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
                        truncate_chars(rest, 120),
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
                    truncate_chars(&lead.name, 80)
                );
                self.diag_ids("lead_not_in_gazetteer", Severity::Info, &l, &[&action], msg);
            }
        }
    }

    /// The partner node for an item (made if new), with its members.
    fn partner(&mut self, l: &SourceLine<'_>, item: &Item) -> Option<NodeId> {
        let name = item.name.trim();
        let key = partner_key(self.g, name);
        if crate::model::slug(&key).is_empty() {
            self.diag(
                "empty_name",
                Severity::Warning,
                l,
                format!("partner {name:?} has no letters or digits; left out"),
            );
            return None;
        }
        let id = NodeId::of(NodeKind::Partner, &key);
        if !self.exists(&id) {
            let mut node = Node::with_id(id.clone(), NodeKind::Partner)
                .with_label(name)
                .with_span(l.span());
            if let Some(e) = self.g.lookup(name) {
                if crate::model::slug(&e.name) != crate::model::slug(name) {
                    node.attrs
                        .insert("name".to_owned(), AttrValue::Text(e.name.clone()));
                }
            }
            if let Some(a) = &item.acronym {
                node.attrs
                    .insert("acronym".to_owned(), AttrValue::Text(a.clone()));
            }
            self.add(node);
        } else if let Some(a) = &item.acronym {
            self.update(&id, |n| {
                n.attrs
                    .entry("acronym".to_owned())
                    .or_insert_with(|| AttrValue::Text(a.clone()));
            });
        }
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
        self.res
            .diagnostics
            .sort_by_key(|d| d.line.unwrap_or(usize::MAX));
        PlanParse {
            result: self.res,
            acronyms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning() {
        let c =
            clean("Implementation Co-  ordinators (TPTICs) and pre- and post-natal disorder[1].");
        assert_eq!(
            c.text,
            "Implementation Co-ordinators (TPTICs) and pre- and post-natal disorder."
        );
        assert_eq!(c.notes, [1]);
        assert_eq!(c.rejoined, ["Co-ordinators"]);
        assert_eq!(clean("see [2] for more").text, "see [2] for more");
        assert_eq!(clean("the end. [3]").text, "the end.");
    }

    #[test]
    fn lines() {
        assert_eq!(priority_heading("Priority 10"), Some(("10", "")));
        assert_eq!(priority_heading("Priority 1: Title"), Some(("1", "Title")));
        assert_eq!(priority_heading("Priority 1 – Title"), Some(("1", "Title")));
        assert_eq!(priority_heading("Priority 1 is to"), None);
        assert_eq!(numbered_line("10.1.1 Text"), Some(("10.1.1", 3, "Text")));
        assert_eq!(
            numbered_line("2.5 million people"),
            Some(("2.5", 2, "million people"))
        );
        assert_eq!(
            outcomes_line("Outcomes: 1, 2 and 3-5"),
            Some(vec![
                ("1".into(), None),
                ("2".into(), None),
                ("3".into(), Some("5".into()))
            ])
        );
        assert_eq!(outcomes_line("Outcomes"), Some(vec![]));
        assert_eq!(outcomes_line("Outcomes: people are safe"), None);
        assert_eq!(
            partners_line("Lead and Key Partners: Scottish Government"),
            Some((Role::LeadAndPartners, "Scottish Government"))
        );
        assert_eq!(partners_line("Lead: SG"), Some((Role::Lead, "SG")));
        assert_eq!(
            partners_line("Key partners: NES"),
            Some((Role::Partners, "NES"))
        );
        assert_eq!(partners_line("Note: this"), None);
        assert_eq!(bullet("  • x".trim()), Some((None, "x")));
        assert_eq!(bullet("•x"), Some((None, "x")));
        assert_eq!(bullet("-x"), None);
        assert_eq!(bullet("3. Text"), Some((Some("3"), "Text")));
    }

    #[test]
    fn acronym_expansion() {
        assert_eq!(
            expansion_before(
                "includes funding for a network of Transforming Psychological Trauma Implementation Co-ordinators",
                "TPTICs"
            )
            .as_deref(),
            Some("Transforming Psychological Trauma Implementation Co-ordinators")
        );
        assert_eq!(
            expansion_before("the Convention of Scottish Local Authorities", "COSLA").as_deref(),
            Some("Convention of Scottish Local Authorities")
        );
        assert!(initials_match(
            &["Survivors", "of", "Child", "Abuse", "Support"],
            &['S', 'O', 'C', 'A', 'S']
        ));
    }

    #[test]
    fn splitting() {
        let g = Gazetteer::builtin();
        let names = |items: &[Item]| items.iter().map(|i| i.name.clone()).collect::<Vec<_>>();
        let s = split_lead_line(&g, "Scottish Government/COSLA Third sector organisations, national agencies, statutory services");
        assert_eq!(names(&s.leads), ["Scottish Government", "COSLA"]);
        assert_eq!(
            names(&s.partners),
            [
                "Third sector organisations",
                "national agencies",
                "statutory services"
            ]
        );
        let s = split_lead_line(
            &g,
            "Scottish Government In Care Survivors Alliance (Health in Mind, Penumbra & NHS Greater Glasgow & Clyde)",
        );
        assert_eq!(names(&s.partners), ["In Care Survivors Alliance"]);
        assert_eq!(
            names(&s.partners[0].members),
            ["Health in Mind", "Penumbra", "NHS Greater Glasgow & Clyde"]
        );
        let s = split_lead_line(
            &g,
            "Scottish Government Third sector organisations, statutory services (including midwifery and health visiting)",
        );
        assert_eq!(
            names(&s.partners),
            [
                "Third sector organisations",
                "statutory services (including midwifery and health visiting)"
            ]
        );
        let s = split_lead_line(&g, "Alder Trust, Birch Forum");
        assert!(s.ambiguous);
        assert_eq!(names(&s.leads), ["Alder Trust"]);
    }
}
