//! The extractor for a narrative strategy page: the summary a government
//! publishes about a strategy, in running prose.
//!
//! [`parse_strategy`] reads the page sentence by sentence and recognises, from
//! patterns and a small lexicon of cue phrases (not from a list of answers):
//!
//! | what | how it is found | model |
//! |---|---|---|
//! | the strategy | the page's first heading, split into title and subtitle ("Together for Mental Health A Strategy for ...": the words the body repeats are the title; or a `:`/`–` separator) | `strategy` node, attrs `subtitle`, `nation` |
//! | its plan | "Delivery Plan", "Action Plan", "Implementation Plan" | `plan` node, `strategy contains plan` |
//! | a governance body | a named Board, Group, Committee, Council, Forum, Commission or Taskforce in a sentence that says it will "oversee" (or "monitor delivery", "have oversight of") | `governance_body` (attr `acronym`), `oversees` the strategy, or the plan when the sentence names only the plan |
//! | legislation | a named Act, Measure, Convention, Regulations, Directive, Charter, Declaration or Bill; cues "gives effect to", "puts the requirements of X at the heart", "embeds", "implements", "in line with", "underpinned by" | `legislation` (attr `acronym`), `gives_effect_to`; `mentions` without a cue |
//! | what it replaces | "replaces", "supersedes", "succeeds"; named strategies and frameworks after the cue, or "those former strategies" referring back to "separate strategies for children, for adults of working age and for older people" | `strategy`/`programme` nodes, `supersedes` |
//! | populations | "covers ...", "applies to ...", "aimed at ...", a sentence opening "For children, ...", and the populations of the strategies it replaces | `population_group` nodes, `targets` |
//! | its approach | "a recovery and enablement approach", "committed to person-centred holistic care", "the principles of ..." | `principle` nodes, `follows` |
//!
//! Every sentence ends up as evidence on the nodes it speaks of (the attr
//! `evidence`: a list of `{start, end, line, text}`, the sentence's byte span,
//! line and words; the node's `span` is its first evidence) or, when it speaks
//! of nothing the extractor knows, in [`ParseResult::unclassified`] with an
//! `unclassified_text` diagnostic. Sentences that only speak of the strategy
//! ("It was developed through engagement ...") are evidence on the strategy.
//! Page furniture ("Skip to main content", even when run together with the
//! title) is skipped and reported.

use std::collections::{BTreeMap, HashMap};

use super::{furniture_pieces, source_lines, ParseResult, SourceLine};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{AttrValue, Date, DateWindow, EdgeKind, Node, NodeId, NodeKind, Strategy};

/// Extract a strategy from the text of its narrative page: the strategy, its
/// plan, the body that oversees it, the legislation it gives effect to, what it
/// replaces, the populations it covers and the approach it follows (see the
/// [module docs](self)). Never fails and never panics: whatever is not
/// understood is kept in [`ParseResult::unclassified`] with a diagnostic.
///
/// ```
/// use stratagraph::{parse_strategy, EdgeKind};
///
/// let page = "Skip to main content\n\
///     Healthy Minds: A Strategy for Mental Health in Scotland\n\n\
///     Healthy Minds covers children and older people. \
///     It gives effect to the Mental Health (Scotland) Act 2015. \
///     The Mental Health Oversight Group (MHOG) will oversee delivery of the Strategy.";
/// let parsed = parse_strategy(page);
/// let s = &parsed.strategy;
/// let main = s.node("strategy:healthy-minds").unwrap();
/// assert_eq!(main.attrs["nation"].as_text(), Some("Scotland"));
/// let laws: Vec<_> = s.targets("strategy:healthy-minds", EdgeKind::GivesEffectTo)
///     .map(|n| n.label.as_str()).collect();
/// assert_eq!(laws, ["Mental Health (Scotland) Act 2015"]);
/// let groups: Vec<_> = s.targets("strategy:healthy-minds", EdgeKind::Targets)
///     .map(|n| n.id.as_str()).collect();
/// assert_eq!(groups, ["population-group:children", "population-group:older-people"]);
/// assert!(s.edge("governance-body:mental-health-oversight-group", EdgeKind::Oversees,
///     "strategy:healthy-minds").is_some());
/// assert_eq!(parsed.skipped.len(), 1);
/// assert!(parsed.unclassified.is_empty());
/// ```
pub fn parse_strategy(text: &str) -> ParseResult {
    let mut x = Extractor::new(text);
    x.run();
    let main = x.main.clone();
    let mut result = x.result;
    read_commitments(text, &main, &mut result);
    result.finish(text);
    result
}

/// A strategy may state its own commitments ("9.1 We will establish …",
/// "Commitment 4", an "Action Lead Timescale" table): the [block
/// recognisers](super::recognise) read them, as they do in a plan, and they
/// join the narrative's graph under its strategy node. Only the actions,
/// the containers they sit in and the nodes their edges reach are taken
/// (the blocks' own title node is the strategy's); the lines they cover
/// leave the unclassified text, with its diagnostics, and the recognisers'
/// diagnostics on those lines come with them. A page with no action is left
/// as the narrative read it.
fn read_commitments(text: &str, main: &NodeId, result: &mut ParseResult) {
    use std::collections::HashSet;
    let blocks = super::recognise::parse_blocks(text, super::gazetteer::Gazetteer::shared());
    let s = &blocks.strategy;
    if main.as_str().is_empty() || s.nodes_of_kind(NodeKind::Action).next().is_none() {
        return;
    }
    let root: Option<NodeId> = s
        .nodes()
        .find(|n| n.kind == NodeKind::Plan && s.parent(n.id.as_str()).is_none())
        .map(|n| n.id.clone());
    let is_root = |id: &NodeId| root.as_ref() == Some(id);
    // The actions, their containers below the root, and what their edges reach.
    let mut taken: HashSet<NodeId> = HashSet::new();
    for a in s.nodes_of_kind(NodeKind::Action) {
        taken.insert(a.id.clone());
        for up in s.ancestors(a.id.as_str()) {
            if !is_root(&up.id) {
                taken.insert(up.id.clone());
            }
        }
    }
    let reached: Vec<NodeId> = s
        .edges()
        .filter(|e| taken.contains(e.source) && !is_root(e.target))
        .map(|e| e.target.clone())
        .collect();
    taken.extend(reached);
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for n in s.nodes().filter(|n| taken.contains(&n.id)) {
        if let Some(span) = n.span {
            ranges.push((span.start, span.end));
        }
        n.attrs.values().for_each(|v| v.spans(&mut ranges));
        if !result.strategy.contains(n.id.as_str()) {
            let _ = result.strategy.add_node(n.clone());
        }
    }
    for e in s.edges() {
        let both = (is_root(e.source) || taken.contains(e.source)) && taken.contains(e.target);
        if both {
            e.attrs.values().for_each(|v| v.spans(&mut ranges));
            let mut edge = e.to_edge();
            if is_root(e.source) {
                edge.source = main.clone();
            }
            let _ = result.strategy.add_edge(edge);
        }
    }
    let lines: HashSet<usize> = source_lines(text)
        .filter(|l| {
            let end = l.start + l.text.len();
            ranges
                .iter()
                .any(|&(a, b)| a < end.max(l.start + 1) && l.start < b)
        })
        .map(|l| l.number)
        .collect();
    // The lines the commitments hold are accounted for.
    let held = |line: usize| lines.contains(&line);
    // An unclassified sentence leaves only when every line it runs over is held.
    let all_held = |l: &super::TextLine| {
        let end = l.span.end.min(text.len());
        let inside = text
            .get(l.span.start.min(end)..end)
            .map_or(0, |t| t.matches('\n').count());
        (l.line..=l.line + inside).all(held)
    };
    let gone: HashSet<usize> = result
        .unclassified
        .iter()
        .filter(|l| all_held(l))
        .map(|l| l.line)
        .collect();
    result.unclassified.retain(|l| !gone.contains(&l.line));
    result
        .diagnostics
        .retain(|d| !(d.code == "unclassified_text" && d.line.is_some_and(|l| gone.contains(&l))));
    let skipped: HashSet<usize> = result.skipped.iter().map(|l| l.line).collect();
    for d in blocks.diagnostics {
        let on_held = d.line.is_some_and(|l| held(l) && !skipped.contains(&l));
        if on_held && !matches!(d.code.as_str(), "narrative_text" | "skipped_furniture") {
            result.diagnostics.push(d);
        }
    }
    crate::sort::sort_by_key(&mut result.diagnostics, |d| d.line.unwrap_or(usize::MAX));
}

// ---------------------------------------------------------------------------
// Lexicon.

/// Words that end the name of a piece of legislation.
const LEGISLATION_ANCHORS: &[&str] = &[
    "Act",
    "Measure",
    "Convention",
    "Regulations",
    "Directive",
    "Charter",
    "Declaration",
    "Bill",
];

/// Words that end the name of a governance body.
const BODY_ANCHORS: &[&str] = &[
    "Board",
    "Group",
    "Committee",
    "Council",
    "Forum",
    "Commission",
    "Taskforce",
];

/// Words that end the name of something a strategy may replace.
const REPLACED_ANCHORS: &[&str] = &[
    "Strategy",
    "Strategies",
    "Vision",
    "Framework",
    "Frameworks",
    "Programme",
    "Programmes",
    "Plan",
    "Plans",
    "Policy",
];

/// Cues that the strategy gives effect to the legislation in the sentence.
const GIVES_EFFECT_CUES: &[&str] = &[
    "gives effect to",
    "give effect to",
    "giving effect to",
    "requirements of",
    "at the heart",
    "embeds",
    "embed",
    "embedding",
    "implements",
    "implementing",
    "in line with",
    "underpinned by",
    "delivers on",
    "duties under",
];

/// Cues that the strategy replaces what the rest of the sentence names.
const SUPERSEDES_CUES: &[&str] = &[
    "replaces",
    "replace",
    "replacing",
    "supersedes",
    "supersede",
    "superseding",
    "succeeds",
    "takes the place of",
];

/// Cues that a body oversees the strategy or plan.
const OVERSIGHT_CUES: &[&str] = &[
    "oversee",
    "oversees",
    "overseeing",
    "overseen by",
    "oversight of",
    "monitor delivery",
    "monitor progress",
    "monitor implementation",
];

/// Cues that the rest of the sentence names the populations covered.
const COVERAGE_CUES: &[&str] = &[
    "covers",
    "cover",
    "covering",
    "applies to",
    "aimed at",
    "targeted at",
];

/// Words before "strategies for ..." that mark earlier strategies.
const FORMER_MARKERS: &[&str] = &[
    "separate",
    "previous",
    "former",
    "earlier",
    "existing",
    "individual",
    "distinct",
];

/// Population phrases and the group each names.
const POPULATIONS: &[(&str, &str)] = &[
    ("people of all ages", "all ages"),
    ("all ages", "all ages"),
    ("children and young people", "children and young people"),
    ("adults of working age", "adults of working age"),
    ("working-age adults", "adults of working age"),
    ("working age adults", "adults of working age"),
    ("older people", "older people"),
    ("older adults", "older people"),
    ("young people", "young people"),
    ("children", "children"),
    ("adults", "adults"),
    ("infants", "infants"),
    ("students", "students"),
    ("veterans", "veterans"),
    ("carers", "carers"),
    ("families", "families"),
];

/// The nations a strategy may be for, as written.
const NATIONS: &[&str] = &["Northern Ireland", "Wales", "Scotland", "England"];

/// Lower-case words that may sit inside a name ("Convention on the Rights of the Child").
const CONNECTORS: &[&str] = &["of", "on", "the", "and", "for", "in", "to", "&"];

/// Words that open a noun phrase and are not part of a name.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "our", "its", "their",
];

/// Words that, walking back from "approach", end the description of the approach.
const APPROACH_STOPS: &[&str] = &[
    "a",
    "an",
    "the",
    "our",
    "its",
    "their",
    "this",
    "using",
    "through",
    "with",
    "by",
    "on",
    "take",
    "takes",
    "taking",
    "adopt",
    "adopts",
    "adopting",
    "follow",
    "follows",
    "following",
    "is",
    "be",
    "will",
];

/// Descriptions of an approach too vague to be a principle.
const VAGUE: &[&str] = &[
    "new",
    "different",
    "better",
    "same",
    "similar",
    "common",
    "consistent",
    "national",
    "local",
    "overall",
    "general",
    "this",
];

// ---------------------------------------------------------------------------
// Text helpers. All searching is ASCII-case-insensitive on an ASCII-lowered
// copy, which keeps byte offsets (and so char boundaries) unchanged.

/// The position of `needle` in `hay` at or after `from`, at word boundaries.
fn find_word(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let rest = hay.get(from..)?;
    rest.match_indices(needle).find_map(|(i, _)| {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (bounded(before) && bounded(after)).then_some(at)
    })
}

/// The first cue of `cues` found in `lower`: (position, end).
fn find_cue(lower: &str, cues: &[&str]) -> Option<(usize, usize)> {
    cues.iter()
        .filter_map(|c| find_word(lower, c, 0).map(|at| (at, at + c.len())))
        .min()
}

/// Whitespace collapsed to single spaces.
fn normalise(text: &str) -> String {
    crate::text::fold_whitespace(text)
}

/// A token without trailing clause punctuation.
fn core(tok: &str) -> &str {
    tok.trim_end_matches([',', ';', ':', '.', '!', '?'])
}

/// Whether a token ends a clause (a comma, a full stop ...).
fn ends_clause(tok: &str) -> bool {
    tok.ends_with([',', ';', ':', '.', '!', '?'])
}

/// Whether a token starts with a capital letter, ignoring opening brackets and quotes.
fn is_cap(tok: &str) -> bool {
    tok.chars()
        .find(|c| !matches!(c, '(' | '[' | '"' | '\'' | '\u{2018}' | '\u{201c}'))
        .is_some_and(char::is_uppercase)
}

/// A year ("2010") or a range of years ("2017-2027", "2012-15"), as (first, last).
fn year_range(tok: &str) -> Option<(i32, i32)> {
    let t = core(tok).trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
    let year = |s: &str| -> Option<i32> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let Some(y) = year(t) {
        return Some((y, y));
    }
    let (a, b) = t.split_once(['-', '\u{2013}', '\u{2014}', '/'])?;
    let first = year(a)?;
    let last = match b.len() {
        4 => year(b)?,
        2 if b.bytes().all(|c| c.is_ascii_digit()) => {
            first - first % 100 + b.parse::<i32>().ok()?
        }
        _ => return None,
    };
    (first <= last).then_some((first, last))
}

/// An acronym in brackets ("(NPB)", "(NSFs).") without the brackets.
fn bracketed_acronym(tok: &str) -> Option<&str> {
    let inner = core(tok).strip_prefix('(')?.strip_suffix(')')?;
    let upper = inner.chars().filter(char::is_ascii_uppercase).count();
    let ok = inner.len() >= 2
        && inner.starts_with(|c: char| c.is_ascii_uppercase())
        && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '&')
        && upper >= 2;
    ok.then_some(inner)
}

/// A word without the punctuation around it ("(NPB)." → "NPB").
fn word_key(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The words of a normalised sentence with their byte offsets.
pub(crate) fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for w in s.split(' ') {
        if !w.is_empty() {
            out.push((at, w));
        }
        at += w.len() + 1;
    }
    out
}

/// A name found around an anchor word.
struct Phrase {
    /// The name as written (leading articles and connectors dropped).
    text: String,
    /// The acronym given in brackets right after it.
    acronym: Option<String>,
    /// Whether a year or range of years ends it.
    year: Option<(i32, i32)>,
}

/// The capitalised name around the anchor word `ws[i]`: capitalised words and
/// connectors before it, connectors, capitalised words and a closing year
/// after it, an acronym in brackets after that.
fn named_phrase(s: &str, ws: &[(usize, &str)], i: usize, anchors: &[&str]) -> Option<Phrase> {
    // Walk left.
    let mut first = i;
    while first > 0 {
        let w = ws[first - 1].1;
        if ends_clause(w) || anchors.contains(&core(w)) || bracketed_acronym(w).is_some() {
            break;
        }
        if is_cap(w) || CONNECTORS.contains(&w) {
            first -= 1;
        } else {
            break;
        }
    }
    while first < i {
        let w = ws[first].1;
        if CONNECTORS.contains(&w) || DETERMINERS.contains(&w.to_ascii_lowercase().as_str()) {
            first += 1;
        } else {
            break;
        }
    }
    // Walk right.
    let mut last = i;
    let mut year = None;
    if !ends_clause(ws[i].1) {
        let mut k = i + 1;
        while k < ws.len() {
            let w = ws[k].1;
            if let Some(y) = year_range(w) {
                year = Some(y);
                last = k;
                break;
            }
            // An acronym, or the next name's anchor ("... Act The Children Act").
            if bracketed_acronym(w).is_some() || anchors.contains(&core(w)) {
                break;
            }
            let connector = CONNECTORS.contains(&w) && w != "and" && w != "&";
            if !(is_cap(w) || connector) {
                break;
            }
            if !connector {
                last = k;
            }
            if ends_clause(w) {
                break;
            }
            k += 1;
        }
    }
    if first == last {
        return None;
    }
    let start = ws[first].0;
    let end = ws[last].0 + core(ws[last].1).len();
    let mut text = s.get(start..end)?.to_owned();
    // A bracket opened inside the name and closed by its last word's punctuation.
    if text.matches('(').count() < text.matches(')').count() && text.ends_with(')') {
        text.pop();
    }
    let acronym = ws
        .get(last + 1)
        .filter(|_| !ends_clause(ws[last].1))
        .and_then(|(_, w)| bracketed_acronym(w))
        .map(str::to_owned);
    Some(Phrase {
        text,
        acronym,
        year,
    })
}

/// Every name anchored by one of `anchors` in the sentence, from byte `from` on.
fn named_phrases(s: &str, anchors: &[&str], from: usize) -> Vec<Phrase> {
    let ws = words(s);
    let mut out: Vec<Phrase> = Vec::new();
    for (i, &(at, w)) in ws.iter().enumerate() {
        if at < from || !anchors.contains(&core(w)) {
            continue;
        }
        if let Some(p) = named_phrase(s, &ws, i, anchors) {
            if !out.iter().any(|q| q.text == p.text) {
                out.push(p);
            }
        }
    }
    out
}

/// The populations named in `lower` (ASCII-lowered), in order, as group labels.
fn populations(lower: &str) -> Vec<&'static str> {
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
    for &(phrase, label) in POPULATIONS {
        let mut from = 0;
        while let Some(at) = find_word(lower, phrase, from) {
            found.push((at, at + phrase.len(), label));
            from = at + phrase.len();
        }
    }
    crate::sort::sort_by_key(&mut found, |&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut out: Vec<&'static str> = Vec::new();
    let mut reached = 0;
    for (s, e, label) in found {
        if s >= reached {
            reached = e;
            if !out.contains(&label) {
                out.push(label);
            }
        }
    }
    out
}

/// The first nation named in `text`; with `after_preposition`, only one
/// written "in/for/of/across/throughout Wales" (not "(Wales)" in a law's name).
fn nation(text: &str, after_preposition: bool) -> Option<&'static str> {
    let mut best: Option<(usize, &'static str)> = None;
    for &n in NATIONS {
        let mut from = 0;
        while let Some(at) = find_word(text, n, from) {
            from = at + n.len();
            let ok = !after_preposition || {
                let before = text[..at].trim_end();
                ["in", "for", "of", "across", "throughout"]
                    .iter()
                    .any(|p| before.ends_with(&format!(" {p}")) || before == *p)
            };
            if ok {
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, n));
                }
                break;
            }
        }
    }
    best.map(|(_, n)| n)
}

/// Whether a line looks like a heading: no closing punctuation, a few words.
fn heading_like(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')']);
    !t.ends_with(['.', '!', '?', ',', ';'])
        && text.split_whitespace().count() <= 20
        && text.chars().any(char::is_alphabetic)
}

/// Whether a line reads like a title: a dozen words at most, hardly any of
/// them lower-case words other than connectors ("Our Vision for Wales").
fn title_like(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    let lower = ws
        .iter()
        .filter(|w| {
            w.starts_with(char::is_lowercase)
                && !CONNECTORS.contains(w)
                && !DETERMINERS.contains(w)
                && !["with", "by", "at", "from"].contains(w)
        })
        .count();
    ws.len() <= 12 && lower <= 1
}

/// Abbreviations whose full stop does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '"', '\'', '\u{201c}', '\u{2018}']);
    let single_initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
    single_initial
        || [
            "e.g", "i.e", "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "No", "no", "vs", "cf", "approx",
            "Rt", "Hon", "Cllr",
        ]
        .contains(&w)
}

/// Where sentences end in a paragraph: after `.`, `!` or `?` (and any closing
/// brackets and quotes) followed by a space and a capital, a digit or an
/// opening bracket or quote, except after an abbreviation ("e.g.", "Dr.").
fn sentence_cuts(slice: &str) -> Vec<usize> {
    let closer = |c: char| matches!(c, ')' | ']' | '"' | '\'' | '\u{2019}' | '\u{201d}');
    let mut cuts = Vec::new();
    let mut word_start = 0;
    for (i, c) in slice.char_indices() {
        if c.is_whitespace() {
            word_start = i + c.len_utf8();
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = &slice[i + c.len_utf8()..];
        let closers: usize = rest
            .chars()
            .take_while(|&ch| closer(ch))
            .map(char::len_utf8)
            .sum();
        let after = &rest[closers..];
        if after.starts_with(|ch: char| !ch.is_whitespace()) {
            continue;
        }
        if let Some(next) = after.trim_start().chars().next() {
            let opens = next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '\'' | '(' | '[' | '\u{201c}' | '\u{2018}');
            if !opens {
                continue;
            }
        }
        if c == '.' && is_abbreviation(&slice[word_start..i]) {
            continue;
        }
        cuts.push(i + c.len_utf8() + closers);
    }
    cuts
}

/// The year window of a period written as years ("2017-2027").
fn period_of(text: &str) -> Option<DateWindow> {
    words(text).into_iter().find_map(|(_, w)| {
        let (a, b) = year_range(w)?;
        (a != b).then(|| {
            DateWindow::new(
                Date::new(a, 1, 1),
                Date::new(b, 12, 31),
                core(w).trim_matches(['(', ')']),
            )
        })
    })
}

/// Split a heading into title and subtitle.
fn split_title<'a>(heading: &'a str, body: &str) -> (&'a str, Option<&'a str>) {
    for sep in [": ", " \u{2013} ", " \u{2014} ", " - ", " | "] {
        if let Some((a, b)) = heading.split_once(sep) {
            if !a.trim().is_empty() && !b.trim().is_empty() {
                return (a.trim(), Some(b.trim()));
            }
        }
    }
    // "Title A Strategy for ...": an article opening the subtitle; where there
    // are several, the one after the longest opening words the body repeats.
    if body.contains(heading) {
        return (heading, None);
    }
    let ws = words(heading);
    let splits: Vec<usize> = (2..ws.len())
        .filter(|&k| {
            ["A", "An", "The"].contains(&ws[k].1) && ws.get(k + 1).is_some_and(|(_, n)| is_cap(n))
        })
        .map(|k| ws[k].0)
        .collect();
    let repeated = splits
        .iter()
        .rev()
        .find(|&&at| find_word(body, heading[..at].trim_end(), 0).is_some());
    if let Some(&at) = repeated.or(splits.first()) {
        return (heading[..at].trim_end(), Some(&heading[at..]));
    }
    (heading, None)
}

// ---------------------------------------------------------------------------
// The extractor.

/// A run of text that sentences are split from.
struct Block<'a> {
    lines: Vec<SourceLine<'a>>,
    start: usize,
    end: usize,
    heading: bool,
}

/// One sentence: its span in the source and its words, whitespace collapsed.
struct Sentence {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: String,
}

struct Extractor<'a> {
    src: &'a str,
    result: ParseResult,
    main: NodeId,
    title: String,
    plan: Option<NodeId>,
    /// Earlier strategies the text has listed, for "those former strategies".
    former: Vec<NodeId>,
    /// Acronyms and labels of named nodes, to recognise later mentions.
    names: HashMap<String, NodeId>,
    /// The word counts of the names that start with each word.
    name_lengths: HashMap<String, Vec<usize>>,
}

impl<'a> Extractor<'a> {
    fn new(src: &'a str) -> Extractor<'a> {
        Extractor {
            src,
            result: ParseResult::new(Strategy::new()),
            main: NodeId::new(""),
            title: String::new(),
            plan: None,
            former: Vec::new(),
            names: HashMap::new(),
            name_lengths: HashMap::new(),
        }
    }

    fn run(&mut self) {
        let blocks = self.blocks();
        // The title: the first heading before any paragraph, preferring one
        // that calls itself a strategy.
        let headings: Vec<usize> = blocks
            .iter()
            .enumerate()
            .take_while(|(_, b)| b.heading)
            .map(|(i, _)| i)
            .collect();
        let title_block = headings
            .iter()
            .copied()
            .find(|&i| {
                blocks[i].lines[0]
                    .text
                    .to_ascii_lowercase()
                    .contains("strateg")
            })
            .or_else(|| headings.first().copied());
        let body: String = blocks
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != title_block)
            .map(|(_, b)| normalise(&self.src[b.start..b.end]))
            .collect::<Vec<_>>()
            .join("\n");
        match title_block {
            Some(i) => self.add_main_from_heading(blocks[i].lines[0], &body),
            None => self.add_main_from_body(&body),
        }
        for (i, block) in blocks.iter().enumerate() {
            if Some(i) == title_block {
                continue;
            }
            for sentence in self.sentences(block) {
                self.classify(&sentence);
            }
        }
    }

    /// Content lines (furniture skipped and reported) grouped into blocks:
    /// paragraphs separated by blank lines, and headings on their own. A line
    /// is a heading when it looks like one, does not continue a sentence left
    /// open by the line before, and is not continued by a lower-case line.
    fn blocks(&mut self) -> Vec<Block<'a>> {
        let src = self.src;
        // Content pieces, with whether furniture came before them on their line.
        let mut pieces: Vec<(SourceLine<'a>, bool)> = Vec::new();
        for line in source_lines(src) {
            let mut after_furniture = false;
            for (piece, furniture) in furniture_pieces(line.text) {
                let offset = (piece.as_ptr() as usize).saturating_sub(line.text.as_ptr() as usize);
                let piece_line = SourceLine {
                    number: line.number,
                    column: line.column + line.text.get(..offset).map_or(0, |t| t.chars().count()),
                    start: line.start + offset,
                    text: piece,
                };
                // URL, licence, publication-date and byline lines too.
                if furniture || super::blocks::is_furniture(piece) {
                    self.result.skipped(piece_line);
                    after_furniture = true;
                } else {
                    pieces.push((piece_line, after_furniture));
                }
            }
        }
        let mut blocks: Vec<Block<'a>> = Vec::new();
        for k in 0..pieces.len() {
            let (line, after_furniture) = pieces[k];
            let prev = k.checked_sub(1).map(|j| pieces[j].0);
            let next = pieces.get(k + 1).map(|p| p.0);
            let follows = prev.is_some_and(|p| p.number + 1 == line.number) && !after_furniture;
            let prev_open =
                prev.is_some_and(|p| !heading_like(p.text) && !p.text.ends_with(['.', '!', '?']));
            // A line run straight into the next must look like a title to be one.
            let continued = next.is_some_and(|n| {
                n.number == line.number + 1
                    && (n.text.starts_with(|c: char| c.is_lowercase() || c == '(')
                        || !title_like(line.text))
            });
            let heading = heading_like(line.text) && !(follows && prev_open) && !continued;
            let joins = follows && !heading && blocks.last().is_some_and(|b| !b.heading);
            match blocks.last_mut() {
                Some(b) if joins => {
                    b.end = line.start + line.text.len();
                    b.lines.push(line);
                }
                _ => blocks.push(Block {
                    lines: vec![line],
                    start: line.start,
                    end: line.start + line.text.len(),
                    heading,
                }),
            }
        }
        blocks
    }

    /// The sentences of a block.
    fn sentences(&self, block: &Block<'a>) -> Vec<Sentence> {
        let slice = &self.src[block.start..block.end];
        let cuts = sentence_cuts(slice);
        let mut out = Vec::new();
        let mut from = 0;
        let mut line_ix = 0;
        for cut in cuts.into_iter().chain(std::iter::once(slice.len())) {
            let raw = &slice[from..cut];
            let trimmed = raw.trim_start();
            let start = block.start + from + (raw.len() - trimmed.len());
            let trimmed = trimmed.trim_end();
            from = cut;
            if trimmed.is_empty() {
                continue;
            }
            // The line the sentence starts on (sentences come in order).
            while block
                .lines
                .get(line_ix + 1)
                .is_some_and(|l| l.start <= start)
            {
                line_ix += 1;
            }
            let line = block.lines.get(line_ix);
            let (number, column) = match line {
                Some(l) => (
                    l.number,
                    l.column
                        + self
                            .src
                            .get(l.start..start)
                            .map_or(0, |t| t.chars().count()),
                ),
                None => (1, 1),
            };
            out.push(Sentence {
                start,
                end: start + trimmed.len(),
                line: number,
                column,
                text: normalise(trimmed),
            });
        }
        out
    }

    // -- The graph -----------------------------------------------------------

    /// Add a node unless its id is taken; the id either way.
    fn ensure(&mut self, node: Node) -> NodeId {
        let id = node.id.clone();
        if !self.result.strategy.contains(id.as_str()) {
            let _ = self.result.strategy.add_node(node);
        }
        id
    }

    /// A named node (with an acronym when the text gives one), remembered for later mentions.
    fn ensure_named(&mut self, kind: NodeKind, label: &str, acronym: Option<&str>) -> NodeId {
        let mut node = Node::new(kind, label, label);
        if let Some(a) = acronym {
            node = node.with_attr("acronym", a);
        }
        let id = self.ensure(node);
        for name in std::iter::once(label).chain(acronym) {
            self.remember(name, &id);
        }
        id
    }

    /// Remember a name (or acronym) of a node, to recognise later mentions.
    fn remember(&mut self, name: &str, id: &NodeId) {
        let Some(first) = name
            .split(' ')
            .map(word_key)
            .next()
            .filter(|k| !k.is_empty())
        else {
            return;
        };
        if self.names.contains_key(name) {
            return;
        }
        self.names.insert(name.to_owned(), id.clone());
        let count = name.split(' ').count();
        let counts = self.name_lengths.entry(first.to_owned()).or_default();
        if !counts.contains(&count) {
            counts.push(count);
        }
    }

    /// The named nodes a sentence mentions by name or acronym, in the order
    /// of their first mention. Each word is looked up once per length of the
    /// names that start with it, so the cost does not grow with the number of
    /// names known.
    fn mentioned(&self, s: &str) -> Vec<NodeId> {
        let mut out: Vec<NodeId> = Vec::new();
        let ws = words(s);
        for (k, &(at, w)) in ws.iter().enumerate() {
            let key = word_key(w);
            let Some(counts) = self.name_lengths.get(key) else {
                continue;
            };
            let pos = at + w.find(key).unwrap_or(0);
            for &count in counts {
                let Some(&(last_at, last)) = ws.get(k + count - 1) else {
                    continue;
                };
                // The name may be followed by punctuation inside the last word.
                let mut end = last_at + last.len();
                while end > pos {
                    let Some(candidate) = s.get(pos..end) else {
                        break;
                    };
                    if let Some(id) = self.names.get(candidate) {
                        if !out.contains(id) {
                            out.push(id.clone());
                        }
                        break;
                    }
                    match candidate.chars().next_back() {
                        Some(c) if !c.is_alphanumeric() => end -= c.len_utf8(),
                        _ => break,
                    }
                }
            }
        }
        out
    }

    fn link(&mut self, from: &NodeId, kind: EdgeKind, to: &NodeId) {
        let s = &mut self.result.strategy;
        if from != to && s.edge(from.as_str(), kind, to.as_str()).is_none() {
            let _ = s.link(from.as_str(), kind, to.as_str());
        }
    }

    fn add_evidence(&mut self, id: &NodeId, sentence: &Sentence) {
        let span = crate::model::SourceSpan {
            start: sentence.start,
            end: sentence.end,
            line: sentence.line,
        };
        let int = |n: usize| AttrValue::Integer(i64::try_from(n).unwrap_or(i64::MAX));
        let entry: BTreeMap<String, AttrValue> = [
            ("start".to_owned(), int(sentence.start)),
            ("end".to_owned(), int(sentence.end)),
            ("line".to_owned(), int(sentence.line)),
            ("text".to_owned(), AttrValue::Text(sentence.text.clone())),
        ]
        .into_iter()
        .collect();
        let _ = self.result.strategy.update_node(id.as_str(), |n| {
            if n.span.is_none() {
                n.span = Some(span);
            }
            let list = n
                .attrs
                .entry("evidence".to_owned())
                .or_insert_with(|| AttrValue::List(Vec::new()));
            if let AttrValue::List(items) = list {
                // Sentences come in order: a repeat can only be the last one.
                let entry = AttrValue::Map(entry);
                if items.last() != Some(&entry) {
                    items.push(entry);
                }
            }
        });
    }

    // -- The strategy --------------------------------------------------------

    fn add_main(&mut self, title: &str, subtitle: Option<&str>, line: Option<SourceLine<'_>>) {
        let mut node = Node::new(NodeKind::Strategy, title, title);
        if let Some(sub) = subtitle {
            node = node.with_attr("subtitle", sub);
        }
        if let Some(l) = line {
            node = node.with_span(l.span());
        }
        if let Some(p) = period_of(title).or_else(|| subtitle.and_then(period_of)) {
            node = node.with_period(p);
        }
        self.title = title.to_owned();
        self.main = self.ensure(node);
        let main = self.main.clone();
        self.remember(title, &main);
    }

    fn set_nation(&mut self, heading: &str, body: &str) {
        let found = nation(heading, false).or_else(|| nation(body, true));
        if let Some(n) = found {
            let _ = self
                .result
                .strategy
                .update_node(self.main.as_str(), |node| {
                    node.attrs.insert("nation".to_owned(), n.into());
                });
        }
    }

    fn add_main_from_heading(&mut self, line: SourceLine<'_>, body: &str) {
        let heading = normalise(line.text);
        let (title, subtitle) = split_title(&heading, body);
        self.add_main(title, subtitle, Some(line));
        self.set_nation(&heading, body);
    }

    fn add_main_from_body(&mut self, body: &str) {
        let named = body
            .lines()
            .find_map(|l| named_phrases(l, &["Strategy"], 0).into_iter().next());
        match named {
            Some(p) => {
                self.add_main(&p.text, None, None);
                self.result.diagnostics.push(Diagnostic::new(
                    "strategy_title_guessed",
                    Severity::Info,
                    format!(
                        "the page has no title heading; the strategy is taken to be {:?}, the first strategy it names",
                        p.text
                    ),
                ));
            }
            None => {
                self.add_main("Untitled strategy", None, None);
                self.result.diagnostics.push(Diagnostic::new(
                    "strategy_title_missing",
                    Severity::Warning,
                    "the page has no title heading and names no strategy; the strategy is called \"Untitled strategy\"",
                ));
            }
        }
        self.set_nation("", body);
    }

    fn mentions_main(&self, lower: &str) -> bool {
        let title = self.title.to_ascii_lowercase();
        lower.starts_with("it ")
            || lower.starts_with("it\u{2019}")
            || lower.starts_with("it'")
            || ["the strategy", "this strategy", "our strategy"]
                .iter()
                .any(|p| find_word(lower, p, 0).is_some())
            || (!title.is_empty() && lower.contains(&title))
    }

    // -- Sentences -----------------------------------------------------------

    fn classify(&mut self, sentence: &Sentence) {
        let s = sentence.text.as_str();
        let lower = s.to_ascii_lowercase();
        let mut hits: Vec<NodeId> = Vec::new();
        let main = self.main.clone();

        self.former_strategies(s, &lower, &mut hits);
        self.superseded(sentence, s, &lower, &mut hits);
        self.legislation(s, &lower, &mut hits);
        self.plan(s, &lower, &mut hits);
        self.governance(s, &lower, &mut hits);
        self.coverage(&lower, &mut hits);
        self.principles(s, &lower, &mut hits);
        // Later mentions of named things, by name or acronym.
        for id in self.mentioned(s) {
            if id != main && !hits.contains(&id) {
                hits.push(id);
            }
        }
        if hits.is_empty() && self.mentions_main(&lower) {
            hits.push(main);
        }
        if hits.is_empty() {
            let line = SourceLine {
                number: sentence.line,
                column: sentence.column,
                start: sentence.start,
                text: &self.src[sentence.start..sentence.end],
            };
            self.result.unclassified(
                line,
                "no cue phrase, named body, law, population or approach, and it does not speak of the strategy",
            );
            return;
        }
        for id in &hits {
            self.add_evidence(id, sentence);
        }
    }

    fn push_hit(hits: &mut Vec<NodeId>, id: NodeId) {
        if !hits.contains(&id) {
            hits.push(id);
        }
    }

    /// "separate strategies for children, for adults of working age and for older people".
    fn former_strategies(&mut self, s: &str, lower: &str, hits: &mut Vec<NodeId>) {
        let Some(at) = FORMER_MARKERS
            .iter()
            .filter_map(|m| {
                let mut from = 0;
                while let Some(at) = find_word(lower, m, from) {
                    let rest = &lower[at + m.len()..];
                    let rest = rest.strip_prefix(" age-based").unwrap_or(rest);
                    if rest.starts_with(" strategies for ") {
                        return Some(at);
                    }
                    from = at + m.len();
                }
                None
            })
            .min()
        else {
            return;
        };
        let Some(rel) = lower[at..].find(" strategies ") else {
            return;
        };
        let mut rest_at = at + rel + " strategies ".len();
        let mut items: Vec<(usize, usize)> = Vec::new();
        while lower[rest_at..].starts_with("for ") {
            let item_start = rest_at + 4;
            let tail = &lower[item_start..];
            // The item ends at the next clause mark, or at "and for" before it.
            let stop = tail.find([',', ';', '.', ':']).unwrap_or(tail.len());
            let next = match tail[..stop].find(" and for ") {
                Some(p) => Some((p, " and for ".len())),
                None => [", and for ", ", for "]
                    .iter()
                    .find(|e| tail[stop..].starts_with(*e))
                    .map(|e| (stop, e.len())),
            };
            match next {
                Some((p, len)) if p <= stop => {
                    items.push((item_start, item_start + p));
                    rest_at = item_start + p + len - 4;
                }
                _ => {
                    items.push((item_start, item_start + stop));
                    break;
                }
            }
        }
        for (a, b) in items {
            let item = s[a..b].trim();
            if item.is_empty() {
                continue;
            }
            let groups = populations(&lower[a..b]);
            let label = match groups.as_slice() {
                [one] => (*one).to_owned(),
                _ => item.to_owned(),
            };
            let name = format!("Strategy for {label}");
            let id = self.ensure(Node::new(NodeKind::Strategy, &name, name.clone()));
            Self::push_hit(hits, id.clone());
            for g in groups {
                let pid = self.ensure(Node::new(NodeKind::PopulationGroup, g, g));
                self.link(&id, EdgeKind::Targets, &pid);
                Self::push_hit(hits, pid);
            }
            if !self.former.contains(&id) {
                self.former.push(id);
            }
        }
    }

    /// "It replaces those former age-based strategies and National Service Frameworks (NSFs)."
    fn superseded(&mut self, sentence: &Sentence, s: &str, lower: &str, hits: &mut Vec<NodeId>) {
        let Some((_, cue_end)) = find_cue(lower, SUPERSEDES_CUES) else {
            return;
        };
        let object = &lower[cue_end..];
        let main = self.main.clone();
        let mut found = false;
        // "those former (age-based) strategies": the strategies listed earlier.
        if let Some(p) = find_word(object, "strategies", 0) {
            let before: Vec<&str> = object[..p].split_whitespace().collect();
            let window = &before[before.len().saturating_sub(3)..];
            let refers_back = window
                .iter()
                .any(|w| ["those", "these", "the", "its", "our"].contains(w));
            let next_is_name = object[p + "strategies".len()..]
                .trim_start()
                .starts_with("for ");
            if refers_back && !next_is_name {
                found = true;
                let age_based = window.contains(&"age-based");
                if self.former.is_empty() {
                    self.result.diagnostics.push(
                        Diagnostic::new(
                            "supersedes_unresolved",
                            Severity::Warning,
                            format!(
                                "line {}: the strategy replaces earlier strategies the text does not name",
                                sentence.line
                            ),
                        )
                        .at(sentence.line, Some(sentence.column)),
                    );
                }
                for id in self.former.clone() {
                    if age_based {
                        let _ = self.result.strategy.update_node(id.as_str(), |n| {
                            if !n.tags.iter().any(|t| t == "age-based") {
                                n.tags.push("age-based".to_owned());
                            }
                        });
                    }
                    self.supersede(&main, &id);
                    Self::push_hit(hits, id);
                }
            }
        }
        for p in named_phrases(s, REPLACED_ANCHORS, cue_end) {
            let is_strategy = ["Strateg", "Vision"]
                .iter()
                .any(|a| p.text.split(' ').any(|w| w.starts_with(a)));
            let kind = if is_strategy {
                NodeKind::Strategy
            } else {
                NodeKind::Programme
            };
            if NodeId::of(kind, &p.text) == main || p.text == self.title {
                continue;
            }
            found = true;
            let id = self.ensure_named(kind, &p.text, p.acronym.as_deref());
            self.supersede(&main, &id);
            Self::push_hit(hits, id);
        }
        if !found {
            self.result.diagnostics.push(
                Diagnostic::new(
                    "supersedes_unresolved",
                    Severity::Info,
                    format!(
                        "line {}: a sentence says the strategy replaces something, but names nothing it knows",
                        sentence.line
                    ),
                )
                .at(sentence.line, Some(sentence.column)),
            );
        }
    }

    /// `main supersedes old`; the populations the old strategy targeted are now the main one's.
    fn supersede(&mut self, main: &NodeId, old: &NodeId) {
        self.link(main, EdgeKind::Supersedes, old);
        let groups: Vec<NodeId> = self
            .result
            .strategy
            .targets(old.as_str(), EdgeKind::Targets)
            .map(|n| n.id.clone())
            .collect();
        for g in groups {
            self.link(main, EdgeKind::Targets, &g);
        }
    }

    fn legislation(&mut self, s: &str, lower: &str, hits: &mut Vec<NodeId>) {
        let gives_effect = find_cue(lower, GIVES_EFFECT_CUES).is_some();
        let main = self.main.clone();
        let kind = if gives_effect {
            EdgeKind::GivesEffectTo
        } else {
            EdgeKind::Mentions
        };
        for p in named_phrases(s, LEGISLATION_ANCHORS, 0) {
            let words = p.text.split(' ').count();
            if words < 2 && p.year.is_none() {
                continue;
            }
            let id = self.ensure_named(NodeKind::Legislation, &p.text, p.acronym.as_deref());
            self.link(&main, kind, &id);
            Self::push_hit(hits, id);
        }
        // Known legislation named again (by acronym) under a cue.
        if gives_effect {
            let known: Vec<NodeId> = self
                .mentioned(s)
                .into_iter()
                .filter(|id| id.as_str().starts_with("legislation:"))
                .collect();
            for id in known {
                self.link(&main, EdgeKind::GivesEffectTo, &id);
                Self::push_hit(hits, id);
            }
        }
    }

    fn plan(&mut self, s: &str, lower: &str, hits: &mut Vec<NodeId>) {
        let Some((at, end)) = find_cue(
            lower,
            &["delivery plan", "action plan", "implementation plan"],
        ) else {
            return;
        };
        let ws = words(s);
        let anchor = ws
            .iter()
            .position(|&(w_at, w)| w_at >= at && w_at < end && core(w) == "Plan");
        let label = anchor
            .and_then(|i| named_phrase(s, &ws, i, &["Plan"]))
            .map(|p| p.text)
            .unwrap_or_else(|| s[at..end].to_owned());
        let key = if label.starts_with(&self.title) {
            label.clone()
        } else {
            format!("{} {label}", self.title)
        };
        let id = NodeId::of(NodeKind::Plan, &key);
        if !self.result.strategy.contains(id.as_str()) {
            let mut node = Node::with_id(id.clone(), NodeKind::Plan).with_label(label.clone());
            if let Some(p) = period_of(&label) {
                node = node.with_period(p);
            }
            self.ensure(node);
            self.remember(&label, &id);
        }
        let main = self.main.clone();
        self.link(&main, EdgeKind::Contains, &id);
        if self.plan.is_none() {
            self.plan = Some(id.clone());
        }
        Self::push_hit(hits, id);
    }

    fn governance(&mut self, s: &str, lower: &str, hits: &mut Vec<NodeId>) {
        let Some((_, cue_end)) = find_cue(lower, OVERSIGHT_CUES) else {
            return;
        };
        let after = &lower[cue_end..];
        let target = match &self.plan {
            Some(plan) if after.contains("plan") && !after.contains("strategy") => plan.clone(),
            _ => self.main.clone(),
        };
        let mut bodies: Vec<NodeId> = Vec::new();
        for p in named_phrases(s, BODY_ANCHORS, 0) {
            bodies.push(self.ensure_named(NodeKind::GovernanceBody, &p.text, p.acronym.as_deref()));
        }
        if bodies.is_empty() {
            bodies = self
                .mentioned(s)
                .into_iter()
                .filter(|id| id.as_str().starts_with("governance-body:"))
                .collect();
        }
        for id in bodies {
            self.link(&id, EdgeKind::Oversees, &target);
            Self::push_hit(hits, id);
        }
    }

    fn coverage(&mut self, lower: &str, hits: &mut Vec<NodeId>) {
        let main = self.main.clone();
        let mut groups: Vec<&'static str> = Vec::new();
        if let Some((_, end)) = find_cue(lower, COVERAGE_CUES) {
            groups.extend(populations(&lower[end..]));
        }
        // "For children, it embeds ...".
        if let Some(rest) = lower.strip_prefix("for ") {
            if let Some((head, _)) = rest.split_once(',') {
                let named = populations(head);
                if named.len() == 1 && POPULATIONS.iter().any(|(p, _)| *p == head.trim()) {
                    groups.extend(named);
                }
            }
        }
        for g in groups {
            let id = self.ensure(Node::new(NodeKind::PopulationGroup, g, g));
            self.link(&main, EdgeKind::Targets, &id);
            Self::push_hit(hits, id);
        }
    }

    fn principles(&mut self, s: &str, lower: &str, hits: &mut Vec<NodeId>) {
        let mut found: Vec<String> = Vec::new();
        // "... using a recovery and enablement approach".
        let ws = words(s);
        for (i, &(_, w)) in ws.iter().enumerate() {
            if !core(w).eq_ignore_ascii_case("approach") {
                continue;
            }
            let mut first = i;
            while first > 0 && i - first < 6 {
                let prev = ws[first - 1].1;
                let lw = prev.to_ascii_lowercase();
                if ends_clause(prev) || APPROACH_STOPS.contains(&lw.as_str()) {
                    break;
                }
                first -= 1;
            }
            if first < i {
                let text = s[ws[first].0..ws[i - 1].0 + ws[i - 1].1.len()].to_owned();
                if !VAGUE.contains(&text.to_ascii_lowercase().as_str()) {
                    found.push(text);
                }
            }
        }
        // "committed to person-centred holistic care, ...", "the principles of ...".
        for cue in ["committed to ", "principles of ", "principle of "] {
            let Some(at) = find_word(lower, cue.trim_end(), 0) else {
                continue;
            };
            let from = at + cue.len();
            let Some(rest) = s.get(from..) else { continue };
            let end = rest.find([',', ';', ':', '.', '(']).unwrap_or(rest.len());
            let mut phrase: Vec<&str> = rest[..end].split_whitespace().collect();
            while phrase
                .first()
                .is_some_and(|w| DETERMINERS.contains(&w.to_ascii_lowercase().as_str()))
            {
                phrase.remove(0);
            }
            let verb = phrase.first().is_some_and(|w| w.ends_with("ing"));
            if !phrase.is_empty() && phrase.len() <= 6 && !verb {
                let text = phrase.join(" ");
                if !found.contains(&text) {
                    found.push(text);
                }
            }
        }
        let main = self.main.clone();
        for text in found {
            let id = self.ensure(Node::new(NodeKind::Principle, &text, text.clone()));
            self.link(&main, EdgeKind::Follows, &id);
            Self::push_hit(hits, id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_around_anchors() {
        let s = "For children, it embeds The Rights of Young Children and Young Person\u{2019}s (Wales) Measure 2011 and consideration of the United Nations Convention on the Rights of the Child (UNCRC).";
        let found: Vec<_> = named_phrases(s, LEGISLATION_ANCHORS, 0)
            .into_iter()
            .map(|p| (p.text, p.acronym))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Rights of Young Children and Young Person\u{2019}s (Wales) Measure 2011"
                        .to_owned(),
                    None
                ),
                (
                    "United Nations Convention on the Rights of the Child".to_owned(),
                    Some("UNCRC".to_owned())
                ),
            ]
        );
        let s = "the Equality Act and the Human Rights Act";
        let found: Vec<_> = named_phrases(s, LEGISLATION_ANCHORS, 0)
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(found, ["Equality Act", "Human Rights Act"]);
    }

    #[test]
    fn titles_split() {
        assert_eq!(
            split_title(
                "Together for Mental Health A Strategy for Wales",
                "Together for Mental Health sets out ..."
            ),
            ("Together for Mental Health", Some("A Strategy for Wales"))
        );
        assert_eq!(
            split_title("Healthy Minds: A Plan", ""),
            ("Healthy Minds", Some("A Plan"))
        );
        assert_eq!(split_title("Healthy Minds", ""), ("Healthy Minds", None));
        assert_eq!(
            split_title("Healthy Minds Now A Strategy", ""),
            ("Healthy Minds Now", Some("A Strategy"))
        );
    }

    #[test]
    fn years_and_populations() {
        assert_eq!(year_range("2017-2027,"), Some((2017, 2027)));
        assert_eq!(year_range("2012-15"), Some((2012, 2015)));
        assert_eq!(year_range("(2010)."), Some((2010, 2010)));
        assert_eq!(year_range("2027-2017"), None);
        assert_eq!(
            populations("covers children, young people and adults of working age"),
            ["children", "young people", "adults of working age"]
        );
        assert_eq!(populations("recovery"), Vec::<&str>::new());
        assert_eq!(find_word("recovery and cover", "cover", 0), Some(13));
    }
}
