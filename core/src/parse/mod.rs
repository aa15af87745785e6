//! Parsers: the documents governments publish, as text copied or scraped from
//! their web pages, turned into the graph without losing a word.
//!
//! Every line of the input ends up in the model, in [`ParseResult::skipped`]
//! (page furniture such as "Skip to main content") or in
//! [`ParseResult::unclassified`] with a diagnostic giving its line.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{NodeKind, SourceSpan, Strategy};
use crate::progress::ProgressReport;

pub mod blocks;
pub mod counts;
pub mod date;
pub mod document;
pub mod gazetteer;
pub mod narrative;
pub mod plan;
pub use narrative::parse_strategy;
pub use plan::{parse_delivery_plan, PlanParser};
pub mod encoding;
pub mod recognise;
pub use crate::progress::parse::parse_progress_report;
pub use document::{parse_document, parse_file, DocumentKind};

/// One line of the source text that did not become part of the model.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextLine {
    /// 1-based line number.
    pub line: usize,
    /// Where the line is in the source (byte range, line).
    pub span: SourceSpan,
    /// The line's text, trimmed.
    pub text: String,
}

/// What every parser gives: the strategy or the progress report read from
/// the text, with every diagnostic and every line that did not become part
/// of it.
///
/// One shape for all documents: a delivery plan or a strategy fills
/// `strategy`, and `report` holds only the headline counts its text states
/// (`report.counts`, empty when it states none); a progress report
/// ([`parse_progress_report`]) fills `report`, and `strategy` too unless it
/// is a board paper (rows with a status or shares only): the actions of a
/// progress page, with their leads and deadlines, are in the graph.
///
/// ```
/// let plan = stratagraph::parse_delivery_plan("Priority 1: Safe care.");
/// assert!(plan.strategy.contains("priority:1") && plan.report.is_empty());
/// let board = stratagraph::parse_progress_report("1.1 Train staff.\nOn Track");
/// assert!(board.strategy.is_empty() && board.report.entries.len() == 1);
/// let page = stratagraph::parse_progress_report(
///     "Action 1: Train staff.\nLead: NHS Education for Scotland\nStatus: On track\n",
/// );
/// assert_eq!(page.report.entries.len(), 1);
/// assert!(page.strategy.nodes().count() > 1, "{:?}", page.strategy);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParseResult {
    /// The strategy graph read from the text (empty for a board paper).
    pub strategy: Strategy,
    /// The progress report read from the text (only the headline counts
    /// its text states unless the text is a progress report).
    #[serde(default, skip_serializing_if = "ProgressReport::is_empty")]
    pub report: ProgressReport,
    /// Problems and remarks, in line order.
    pub diagnostics: Vec<Diagnostic>,
    /// Lines that fit nowhere, kept word for word.
    pub unclassified: Vec<TextLine>,
    /// Page furniture recognised and skipped ("Skip to main content", "Back to top").
    pub skipped: Vec<TextLine>,
}

impl ParseResult {
    /// A result holding `strategy` and nothing else.
    pub fn new(strategy: Strategy) -> ParseResult {
        ParseResult {
            strategy,
            report: ProgressReport::default(),
            diagnostics: Vec::new(),
            unclassified: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Keep a line that fits nowhere, with an `unclassified_text` diagnostic.
    pub fn unclassified(&mut self, line: SourceLine<'_>, why: &str) {
        self.diagnostics.push(
            Diagnostic::new(
                "unclassified_text",
                Severity::Warning,
                format!(
                    "line {} fits nowhere ({why}); kept as unclassified text: {:?}",
                    line.number,
                    crate::text::head(line.text, 80)
                ),
            )
            .at(line.number, Some(line.column)),
        );
        self.unclassified.push(line.to_text_line());
    }

    /// Record a line of page furniture, with a `skipped_furniture` diagnostic.
    pub fn skipped(&mut self, line: SourceLine<'_>) {
        self.diagnostics.push(
            Diagnostic::new(
                "skipped_furniture",
                Severity::Info,
                format!(
                    "line {} is page furniture and was skipped: {:?}",
                    line.number,
                    crate::text::head(line.text, 80)
                ),
            )
            .at(line.number, Some(line.column)),
        );
        self.skipped.push(line.to_text_line());
    }

    /// What every parser (delivery plan, strategy, progress report, the
    /// block recognisers under each) ends with, on the result it read from
    /// `text`: the headline counts ([`ParseResult::read_counts`]) and the
    /// impossible dates ([`ParseResult::report_impossible_dates`]), the
    /// diagnostics kept in line order.
    pub(crate) fn finish(&mut self, text: &str) {
        self.report_impossible_dates(text);
        self.read_counts(text);
    }

    /// An `impossible_date` warning for each phrase in an action or
    /// strategic action written as a date that is no real day or quarter
    /// ("31 February 2024", "Q5 2025"): no deadline is read from it, and the
    /// reader is told rather than left with a silently missing deadline.
    /// Read from the node's text and from the lines of `text` its span
    /// covers (a "Timescale:" field of a record), less those of the actions
    /// inside it, so each phrase is reported once. The one home of that
    /// diagnostic, for every parser ([`ParseResult::finish`]).
    fn report_impossible_dates(&mut self, text: &str) {
        let actions: Vec<&crate::model::Node> = self
            .strategy
            .nodes()
            .filter(|n| matches!(n.kind, NodeKind::Action | NodeKind::StrategicAction))
            .collect();
        let mut spans: Vec<(usize, usize)> = actions
            .iter()
            .filter_map(|n| n.span.map(|s| (s.start, s.end)))
            .collect();
        crate::sort::sort_by_key(&mut spans, |&(start, end)| (start, end));
        let mut found = Vec::new();
        for n in actions {
            let mut phrases: Vec<String> = Vec::new();
            if let Some(span) = n.span {
                for piece in own_pieces(text, (span.start, span.end), &spans) {
                    phrases.extend(date::find_impossible_dates(piece));
                }
            }
            for phrase in n
                .text
                .as_deref()
                .map(date::find_impossible_dates)
                .unwrap_or_default()
            {
                if !phrases.contains(&phrase) {
                    phrases.push(phrase);
                }
            }
            for phrase in phrases {
                let d = Diagnostic::new(
                    "impossible_date",
                    Severity::Warning,
                    format!("{phrase:?} is not a real date: no deadline was read from it"),
                )
                .with_ids([n.id.as_str()]);
                found.push(match &n.span {
                    Some(span) => d.at(span.line, None),
                    None => d,
                });
            }
        }
        if !found.is_empty() {
            self.diagnostics.extend(found);
            crate::sort::sort_by_key(&mut self.diagnostics, |d| d.line.unwrap_or(usize::MAX));
        }
    }

    /// Read the headline counts `text` states into `report.counts`, with the
    /// diagnostics of their checks (against their percentages and totals,
    /// and against the report's rows, [`counts::counts_against_rows`]),
    /// the diagnostics kept in line order. Every parser ends with it
    /// ([`ParseResult::finish`]): a plan
    /// or a strategy that states counts ("Out of the 50 Actions in the
    /// plan, 22 are completed") has them in its `report.counts` too.
    pub(crate) fn read_counts(&mut self, text: &str) {
        let mut found = counts::headline_counts(text);
        // A board paper's share lines ("33.3% On Track, 66.7% At Risk") are
        // its rows', not headline counts: with rows that carry shares, a
        // group of bare percentages with no name and no total is left out.
        if self.report.entries.iter().any(|e| !e.shares.is_empty()) {
            let shares = |g: &counts::CountGroup| {
                g.group.is_none()
                    && g.total.is_none()
                    && g.counts
                        .iter()
                        .all(|c| c.value.unit == counts::CountUnit::Percent)
            };
            let lines: Vec<usize> = found
                .groups
                .iter()
                .filter(|g| shares(g))
                .map(|g| g.span.line)
                .collect();
            found.groups.retain(|g| !shares(g));
            found
                .diagnostics
                .retain(|d| !d.line.is_some_and(|l| lines.contains(&l)));
        }
        let mut diagnostics = found.diagnostics;
        diagnostics.extend(counts::counts_against_rows(
            &found.groups,
            &self.report.entries,
            text,
        ));
        self.report.counts = found.groups;
        if !diagnostics.is_empty() {
            self.diagnostics.extend(diagnostics);
            crate::sort::sort_by_key(&mut self.diagnostics, |d| d.line.unwrap_or(usize::MAX));
        }
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// The pieces of `text[own.0..own.1]` outside the spans (sorted by start)
/// that start inside it: a node's own text in the source, less the nodes
/// nested in it. A range outside `text` or off a character boundary is left
/// out.
fn own_pieces<'t>(text: &'t str, own: (usize, usize), spans: &[(usize, usize)]) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut cursor = own.0;
    let first = spans.partition_point(|&(start, _)| start <= own.0);
    for &(start, end) in spans[first..]
        .iter()
        .take_while(|&&(start, _)| start < own.1)
    {
        if start > cursor {
            out.extend(text.get(cursor..start));
        }
        cursor = cursor.max(end.min(own.1));
    }
    if own.1 > cursor {
        out.extend(text.get(cursor..own.1));
    }
    out
}

/// A non-blank line of the source, trimmed, with where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceLine<'a> {
    /// 1-based line number.
    pub number: usize,
    /// 1-based column (in characters) of the first non-blank character.
    pub column: usize,
    /// Byte offset of the trimmed text in the source.
    pub start: usize,
    /// The trimmed text.
    pub text: &'a str,
}

impl SourceLine<'_> {
    /// The span of the trimmed text.
    pub fn span(&self) -> SourceSpan {
        SourceSpan {
            start: self.start,
            end: self.start + self.text.len(),
            line: self.number,
        }
    }

    /// An owned copy.
    pub fn to_text_line(&self) -> TextLine {
        TextLine {
            line: self.number,
            span: self.span(),
            text: self.text.to_owned(),
        }
    }
}

/// The non-blank lines of `text`, trimmed, with their positions. Lines end at
/// `\n`, `\r\n` or a lone `\r`; a byte-order mark at the start is ignored.
///
/// ```
/// use stratagraph::parse::source_lines;
/// let lines: Vec<_> = source_lines("\u{feff}Priority 10\r\n\n  - Workforce\n").collect();
/// assert_eq!(lines.len(), 2);
/// assert_eq!((lines[1].number, lines[1].column, lines[1].text), (3, 3, "- Workforce"));
/// ```
pub fn source_lines(text: &str) -> impl Iterator<Item = SourceLine<'_>> + '_ {
    let mut pos = 0usize;
    let mut number = 0usize;
    std::iter::from_fn(move || loop {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        // A byte search: both ends of line are ASCII, so never inside a character.
        let (len, next) = match rest.bytes().position(|b| b == b'\n' || b == b'\r') {
            Some(i) => {
                let skip = if rest.as_bytes()[i..].starts_with(b"\r\n") {
                    2
                } else {
                    1
                };
                (i, i + skip)
            }
            None => (rest.len(), rest.len()),
        };
        let raw = &rest[..len];
        let line_start = pos;
        number += 1;
        pos += next;
        let (raw, bom) = match (line_start, raw.strip_prefix('\u{feff}')) {
            (0, Some(r)) => (r, '\u{feff}'.len_utf8()),
            _ => (raw, 0),
        };
        let trimmed_start = raw.trim_start();
        let lead = raw.len() - trimmed_start.len();
        let trimmed = trimmed_start.trim_end();
        if trimmed.is_empty() {
            continue;
        }
        return Some(SourceLine {
            number,
            column: raw[..lead].chars().count() + 1,
            start: line_start + bom + lead,
            text: trimmed,
        });
    })
}

/// Page furniture that scraped government pages carry around the content.
pub const PAGE_FURNITURE: &[&str] = &[
    "skip to main content",
    "back to top",
    "contact",
    "there is a problem",
    "thanks for your feedback",
    "is this page useful?",
    "yes",
    "no",
    "print this page",
    "share this page",
    "cookies",
    "accept additional cookies",
    "reject additional cookies",
    "report a problem with this page",
    "contents",
    "previous",
    "next",
];

/// Split a line into page furniture and the rest: whole-line furniture gives
/// `(true, [])`; furniture run together with content ("Thanks for your
/// feedbackSkip to main content") is split into its pieces.
///
/// ```
/// use stratagraph::parse::furniture_pieces;
/// assert_eq!(furniture_pieces("Back to top"), vec![("Back to top", true)]);
/// assert_eq!(
///     furniture_pieces("Thanks for your feedbackSkip to main content"),
///     vec![("Thanks for your feedback", true), ("Skip to main content", true)]
/// );
/// assert_eq!(furniture_pieces("Priority 10"), vec![("Priority 10", false)]);
/// ```
pub fn furniture_pieces(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    'outer: while !rest.is_empty() {
        // Furniture phrases are ASCII, so a case-insensitive byte comparison
        // finds them without lower-casing the rest of the line again (linear time).
        for phrase in PAGE_FURNITURE {
            let n = phrase.len();
            let matches = rest
                .as_bytes()
                .get(..n)
                .is_some_and(|head| head.eq_ignore_ascii_case(phrase.as_bytes()));
            if !matches {
                continue;
            }
            let after = &rest[n..];
            let whole = after.trim().is_empty();
            // A one-word phrase must stand alone ("Contact", not "Contact details of ...").
            let joined =
                after.starts_with(|c: char| c.is_ascii_uppercase()) && phrase.contains(' ');
            if whole || joined {
                out.push((&rest[..n], true));
                rest = after.trim_start();
                continue 'outer;
            }
        }
        out.push((rest, false));
        break;
    }
    out
}
