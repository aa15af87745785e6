//! The parser of progress reports in the board-paper layout.
//!
//! A board paper lists each strategic action with its overall status and the
//! share of its actions in each status. Rows come as three lines
//!
//! ```text
//! 2.2 Expand digital therapies and resource.
//! At Risk
//! 33.3% On Track, 33.3.% Missed Delivery Date no Risk, 33.3% At Risk
//! ```
//!
//! or as one line with cells separated by tabs or `|` (the number may have a
//! cell of its own), or as one line with the status and shares run on after
//! the title. A title may wrap onto the next lines. Table headers ("Action |
//! Status | Progress") and group headings ("Priority 2: Access") are skipped
//! and reported; the report's title and date ("Progress as at 31 March 2024")
//! come from the lines before the first row. The stray full stop of real
//! reports ("33.3.%") is accepted, as are statuses in any case and spacing.
//!
//! Nothing is lost: every line is part of a row, the title, the date line, a
//! skipped header or furniture, or kept as unclassified text with a diagnostic.
//!
//! | code | severity | what |
//! |---|---|---|
//! | `skipped_furniture` | info | page furniture ("Skip to main content") |
//! | `skipped_date_line` | info | the line the report's date was read from ("Progress as at 31 March 2024") |
//! | `skipped_table_header` | info | a table header ("Action \| Status \| Progress") |
//! | `skipped_group_heading` | info | a heading grouping rows ("Priority 2: Access"); the numbers carry the grouping |
//! | `unclassified_text` | warning | a line that fits nowhere |
//! | `progress_unknown_status` | warning | a status or share whose words are not a status |
//! | `progress_status_missing` | warning | a row with no overall status |
//! | `progress_duplicate_row` | warning | two rows for one number |
//! | `progress_no_date` | info | the report gives no date |
//! | `progress_no_rows` | warning | the text has no rows at all |

use std::collections::HashSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Date, Strategy};
use crate::parse::blocks::sub_line;
use crate::parse::{furniture_pieces, source_lines, ParseResult, SourceLine};
use crate::progress::{normalise_words, ProgressEntry, ProgressReport, Status, StatusShare};

/// Read a progress report in the board-paper layout (see the
/// [module docs](self)). Never fails and never panics: whatever is not
/// understood is kept in [`ParseResult::unclassified`] with a diagnostic; the
/// report is in [`ParseResult::report`], with the headline counts its prose
/// states in `report.counts`. A board paper (rows with statuses or shares)
/// leaves the strategy empty; any other progress page (numbered records with
/// "Status:" fields, rows with the status glued to their end) also gives the
/// strategy its blocks read: the actions with their leads, partners and
/// deadlines, so nothing the page says is lost.
///
/// ```
/// let parsed = stratagraph::parse_progress_report("Back to top\n1.1 Train staff.\nOn Track\nSee annex.");
/// assert_eq!(parsed.report.entries.len(), 1);
/// assert_eq!(parsed.skipped[0].text, "Back to top");
/// assert_eq!(parsed.unclassified[0].text, "See annex.");
/// assert!(!parsed.has_errors());
/// ```
///
/// ```
/// use stratagraph::progress::Status;
///
/// let parsed = stratagraph::parse_progress_report(
///     "Delivery Plan Progress Report\n\
///      Progress as at 31 March 2024\n\
///      Action | Status | Progress\n\
///      2.2 Expand digital therapies and resource.\n\
///      At Risk\n\
///      33.3% On Track, 33.3.% Missed Delivery Date no Risk, 33.3% At Risk\n",
/// );
/// let report = &parsed.report;
/// assert_eq!(report.title, "Delivery Plan Progress Report");
/// assert_eq!(report.date.unwrap().to_string(), "2024-03-31");
/// let row = &report.entries[0];
/// assert_eq!((row.number.as_str(), row.status, row.line), ("2.2", Some(Status::AtRisk), 4));
/// let shares: Vec<_> = row.shares.iter().map(|s| (s.status, s.percent)).collect();
/// assert_eq!(shares, [(Status::OnTrack, 33.3), (Status::MissedNoRisk, 33.3), (Status::AtRisk, 33.3)]);
/// let skipped: Vec<_> = parsed.skipped.iter().map(|t| t.text.as_str()).collect();
/// assert_eq!(skipped, ["Progress as at 31 March 2024", "Action | Status | Progress"]);
/// assert!(parsed.unclassified.is_empty());
/// ```
pub fn parse_progress_report(text: &str) -> ParseResult {
    let mut p = Parser::new();
    for line in source_lines(text) {
        for (piece, furniture) in furniture_pieces(line.text) {
            let piece_line = sub_line(line, piece);
            // URL, licence, publication-date and byline lines too.
            if furniture || crate::parse::blocks::is_furniture(piece) {
                p.sink.skipped(piece_line);
            } else {
                p.line(piece_line);
            }
        }
    }
    // Unless it is a board paper, the block recognisers read the report's items.
    let mut result = crate::parse::recognise::progress_from_blocks(text, p.finish());
    result.finish(text);
    result
}

/// Where the row being read is: what it may still take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Title read; a wrapped title line, the status or the shares may follow.
    Title,
    /// Status read; the shares may follow.
    Status,
    /// Complete.
    Done,
}

struct Parser {
    sink: ParseResult,
    report: ProgressReport,
    /// Whether heading-like lines still extend the title.
    title_open: bool,
    /// The row numbers seen so far.
    numbers: HashSet<String>,
    stage: Option<Stage>,
}

/// A percentage in text: where it starts and ends, and its value.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Percent {
    start: usize,
    end: usize,
    value: f64,
}

/// The percentages of a text: digits, an optional decimal part, an optional
/// stray full stop and spaces, then `%` ("33.3%", "33.3.%", "50 %").
fn percents(text: &str) -> Vec<Percent> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let preceded_by_digit = i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.');
        if !b[i].is_ascii_digit() || preceded_by_digit {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        let number_end = i;
        let mut j = i;
        if j < b.len() && b[j] == b'.' {
            j += 1;
        }
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        if j < b.len() && b[j] == b'%' {
            let value = text
                .get(start..number_end)
                .and_then(|n| n.parse::<f64>().ok())
                .filter(|v| v.is_finite());
            if let Some(value) = value {
                out.push(Percent {
                    start,
                    end: j + 1,
                    value,
                });
            }
            i = j + 1;
        }
    }
    out
}

/// A label between shares, without separators ("33.3% On Track, " → "On Track").
fn trim_label(text: &str) -> &str {
    let mut t = text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '(' | ')' | '.')
    });
    for joiner in ["and ", "And "] {
        t = t.strip_prefix(joiner).unwrap_or(t);
    }
    for joiner in [" and", " And"] {
        t = t.strip_suffix(joiner).unwrap_or(t);
    }
    t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-'))
}

/// The shares of a text, and the labels that are not statuses. Labels follow
/// their percentages ("33.3% On Track") or, when nothing follows the last
/// percentage, precede them ("On Track 33.3%").
fn shares(text: &str) -> (Vec<StatusShare>, Vec<String>) {
    let found = percents(text);
    let (Some(first), Some(last)) = (found.first(), found.last()) else {
        return (Vec::new(), Vec::new());
    };
    let before = trim_label(&text[..first.start]);
    let after = trim_label(&text[last.end..]);
    let labels_before = after.is_empty() && !before.is_empty();
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for (k, p) in found.iter().enumerate() {
        let label = if labels_before {
            let from = if k == 0 { 0 } else { found[k - 1].end };
            &text[from..p.start]
        } else {
            let to = found.get(k + 1).map_or(text.len(), |n| n.start);
            &text[p.end..to]
        };
        let label = trim_label(label);
        match Status::parse(label) {
            Some(status) => out.push(StatusShare {
                status,
                percent: p.value,
            }),
            None => unknown.push(format!("{}% {label}", p.value)),
        }
    }
    (out, unknown)
}

/// A row's number at the start of a text: dotted digits ("2.2", "10.1.3"),
/// optionally closed by `.` or `)`, then a space or the end.
fn row_number(text: &str) -> Option<(String, &str)> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut parts = 0;
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > 3 {
            return None;
        }
        parts += 1;
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() && parts < 6 {
            i += 1;
            continue;
        }
        break;
    }
    if parts < 2 {
        return None;
    }
    let number = text.get(..i)?.to_owned();
    let mut rest = &text[i..];
    rest = rest
        .strip_prefix('.')
        .or_else(|| rest.strip_prefix(')'))
        .unwrap_or(rest);
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let rest = rest.trim_start();
    if rest.starts_with('%') {
        return None;
    }
    Some((number, rest))
}

/// Words of table headers.
const HEADER_WORDS: &[&str] = &[
    "action",
    "actions",
    "strategic",
    "no",
    "number",
    "ref",
    "reference",
    "title",
    "description",
    "status",
    "overall",
    "rag",
    "progress",
    "share",
    "of",
    "by",
    "delivery",
    "comments",
    "commentary",
    "update",
    "lead",
    "percentage",
];

/// Whether a line is a table header ("Action | Status | Progress").
fn is_table_header(text: &str) -> bool {
    let words = normalise_words(text);
    let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
    words.len() >= 2
        && words.iter().all(|w| HEADER_WORDS.contains(w))
        && words.iter().any(|w| *w == "status" || *w == "progress")
}

/// Whether a line is a heading that groups rows ("Priority 2", "Priority 2: Access").
fn is_group_heading(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["priority ", "theme ", "outcome ", "section "]
        .iter()
        .any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        })
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches([',', '.']);
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept"))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// The first date in a text, with the byte range it was read from:
/// "31 March 2024", "31st March 2024", "March 31, 2024", "March 2024" (the
/// month's last day), "2024-03-31" or "31/03/2024".
fn find_date(text: &str) -> Option<(Date, usize, usize)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for w in text.split(' ') {
        if !w.is_empty() {
            words.push((at, w));
        }
        at += w.len() + 1;
    }
    let num = |w: &str| -> Option<u32> {
        let t = w.trim_end_matches([',', '.', ':', ';']);
        let t = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| t.strip_suffix(s))
            .unwrap_or(t);
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let year = |w: &str| {
        num(w)
            .filter(|y| (1000..=9999).contains(y))
            .and_then(|y| i32::try_from(y).ok())
    };
    for (k, &(start, w)) in words.iter().enumerate() {
        let end_of =
            |j: usize| words[j].0 + words[j].1.trim_end_matches([',', '.', ':', ';']).len();
        // 2024-03-31
        if let Ok(d) = w
            .trim_end_matches([',', '.', ':', ';', ')'])
            .trim_start_matches('(')
            .parse::<Date>()
        {
            return Some((d, start, end_of(k)));
        }
        // 31/03/2024
        let parts: Vec<&str> = w
            .trim_end_matches([',', '.', ':', ';'])
            .split('/')
            .collect();
        if let [d, m, y] = parts.as_slice() {
            if let (Some(d), Some(m), Some(y)) = (num(d), num(m), year(y)) {
                if let Some(date) = Date::new(
                    y,
                    u8::try_from(m).unwrap_or(0),
                    u8::try_from(d).unwrap_or(0),
                ) {
                    return Some((date, start, end_of(k)));
                }
            }
        }
        let next = |j: usize| words.get(j).map(|&(_, w)| w);
        // 31 March 2024
        if let (Some(d), Some(m), Some(y)) = (
            num(w),
            next(k + 1).and_then(month_of),
            next(k + 2).and_then(year),
        ) {
            if let Some(date) = Date::new(y, m, u8::try_from(d).unwrap_or(0)) {
                return Some((date, start, end_of(k + 2)));
            }
        }
        if let Some(m) = month_of(w) {
            // March 31, 2024
            if let (Some(d), Some(y)) = (next(k + 1).and_then(num), next(k + 2).and_then(year)) {
                if let Some(date) = Date::new(y, m, u8::try_from(d).unwrap_or(0)) {
                    return Some((date, start, end_of(k + 2)));
                }
            }
            // March 2024 (not the rest of an impossible "31 February 2024")
            let after_day = k > 0 && num(words[k - 1].1).is_some();
            if let (Some(y), false) = (next(k + 1).and_then(year), after_day) {
                if let Some(date) = Date::end_of_month(y, m) {
                    return Some((date, start, end_of(k + 1)));
                }
            }
        }
    }
    None
}

/// Cells of a line: split at tabs and `|`, trimmed, empty ones dropped.
fn cells(text: &str) -> Vec<&str> {
    text.split(['\t', '|'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// A title with a status run on at its end ("Train staff. At Risk"): the
/// title and the status, when the last few words are one.
fn split_trailing_status(text: &str) -> (&str, Option<Status>) {
    let bounds: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| c == ' ' && i > 0)
        .map(|(i, _)| i)
        .collect();
    // The longest run of final words that is a status, of at most 7 words.
    for &cut in bounds.iter().rev().take(7).rev() {
        if let Some(s) = Status::parse(&text[cut..]) {
            return (text[..cut].trim_end(), Some(s));
        }
    }
    match Status::parse(text) {
        Some(s) => ("", Some(s)),
        None => (text, None),
    }
}

impl Parser {
    fn new() -> Parser {
        Parser {
            sink: ParseResult::new(Strategy::new()),
            report: ProgressReport::default(),
            title_open: true,
            numbers: HashSet::new(),
            stage: None,
        }
    }

    fn warn(&mut self, code: &str, line: SourceLine<'_>, message: String) {
        self.sink.diagnostics.push(
            Diagnostic::new(code, Severity::Warning, message).at(line.number, Some(line.column)),
        );
    }

    fn skip(&mut self, code: &str, line: SourceLine<'_>, why: &str) {
        self.sink.diagnostics.push(
            Diagnostic::new(
                code,
                Severity::Info,
                format!(
                    "line {} is {why} and was skipped: {:?}",
                    line.number, line.text
                ),
            )
            .at(line.number, Some(line.column)),
        );
        self.sink.skipped.push(line.to_text_line());
    }

    fn current(&mut self) -> Option<&mut ProgressEntry> {
        self.stage?;
        self.report.entries.last_mut()
    }

    fn set_status(&mut self, status: Status) {
        if let Some(entry) = self.current() {
            entry.status = Some(status);
        }
        self.stage = Some(Stage::Status);
    }

    fn set_shares(&mut self, line: SourceLine<'_>, text: &str) {
        let (found, unknown) = shares(text);
        let number = self.current().map(|e| e.number.clone()).unwrap_or_default();
        if let Some(entry) = self.current() {
            entry.shares.extend(found);
        }
        for u in unknown {
            self.warn(
                "progress_unknown_status",
                line,
                format!(
                    "line {}: the share {u:?} of row {number} is not in a known status",
                    line.number
                ),
            );
        }
        self.stage = Some(Stage::Done);
    }

    /// Words where a status was expected that are not one: kept as
    /// unclassified text, with a diagnostic naming the vocabulary.
    fn unknown_status(&mut self, line: SourceLine<'_>) {
        let number = self
            .report
            .entries
            .last()
            .map(|e| e.number.clone())
            .unwrap_or_default();
        self.warn(
            "progress_unknown_status",
            line,
            format!(
                "line {}: {:?} (row {number}) is not a known status; known: {}",
                line.number,
                line.text,
                Status::ALL.map(Status::label).join(", ")
            ),
        );
        self.sink.unclassified.push(line.to_text_line());
    }

    fn start_row(&mut self, line: SourceLine<'_>, number: String) {
        self.close_row();
        if !self.numbers.insert(number.clone()) {
            self.warn(
                "progress_duplicate_row",
                line,
                format!(
                    "line {}: row {number} appears more than once; the last counts",
                    line.number
                ),
            );
        }
        self.report.entries.push(ProgressEntry {
            number,
            title: String::new(),
            status: None,
            shares: Vec::new(),
            line: line.number,
        });
        self.stage = Some(Stage::Title);
        self.title_open = false;
    }

    fn close_row(&mut self) {
        if self.stage.take().is_none() {
            return;
        }
        if let Some(entry) = self.report.entries.last() {
            if entry.status.is_none() {
                let (n, l) = (entry.number.clone(), entry.line);
                self.sink.diagnostics.push(
                    Diagnostic::new(
                        "progress_status_missing",
                        Severity::Warning,
                        format!("line {l}: row {n} gives no overall status"),
                    )
                    .at(l, None),
                );
            }
        }
    }

    /// A row given on one line: its number, then cells or run-on text.
    fn row(&mut self, line: SourceLine<'_>, number: String, rest: &str, cs: &[&str]) {
        self.start_row(line, number);
        let mut title: Vec<&str> = Vec::new();
        if cs.len() > 1 {
            if !rest.is_empty() {
                title.push(rest);
            }
            for &cell in &cs[1..] {
                let cell_line = sub_line(line, cell);
                if let Some(s) = Status::parse(cell) {
                    self.set_status(s);
                } else if !percents(cell).is_empty() {
                    self.set_shares(cell_line, cell);
                } else if self.stage == Some(Stage::Title) {
                    title.push(cell);
                } else if cell.split_whitespace().count() <= 5 {
                    self.unknown_status(cell_line);
                } else {
                    self.sink
                        .unclassified(cell_line, "a cell after the row's status and shares");
                }
            }
        } else if let Some(p) = percents(rest).first().copied() {
            // Everything on one line: title, status, shares.
            let (t, status) = split_trailing_status(rest[..p.start].trim_end());
            if !t.is_empty() {
                title.push(t);
            }
            if let Some(s) = status {
                self.set_status(s);
            }
            self.set_shares(line, &rest[p.start..]);
        } else if !rest.is_empty() {
            title.push(rest);
        }
        if let Some(entry) = self.report.entries.last_mut() {
            entry.title = title.join(" ");
        }
    }

    fn line(&mut self, line: SourceLine<'_>) {
        let text = line.text;
        if is_table_header(text) {
            return self.skip("skipped_table_header", line, "a table header");
        }
        let cs = cells(text);
        let first = cs.first().copied().unwrap_or(text);
        if let Some((number, rest)) = row_number(first) {
            return self.row(line, number, rest, &cs);
        }
        let status = Status::parse(text);
        let has_shares = !percents(text).is_empty();
        match (self.stage, status) {
            (Some(Stage::Title), Some(s)) => return self.set_status(s),
            (Some(Stage::Title | Stage::Status), None) if has_shares => {
                return self.set_shares(line, text)
            }
            (Some(Stage::Title), None) if !is_group_heading(text) => {
                let open = self
                    .report
                    .entries
                    .last()
                    .is_some_and(|e| !e.title.ends_with(['.', '!', '?']));
                if open {
                    // A title wrapped onto the next line.
                    if let Some(entry) = self.report.entries.last_mut() {
                        if !entry.title.is_empty() {
                            entry.title.push(' ');
                        }
                        entry.title.push_str(text);
                    }
                    return;
                }
                if text.split_whitespace().count() <= 5 && !text.ends_with(['.', '!', '?']) {
                    return self.unknown_status(line);
                }
            }
            _ => {}
        }
        if is_group_heading(text) {
            self.close_row();
            return self.skip(
                "skipped_group_heading",
                line,
                "a heading grouping rows (the rows' numbers carry the grouping)",
            );
        }
        if self.report.entries.is_empty() && status.is_none() && !has_shares {
            return self.header(line);
        }
        let why = match (self.stage, status.is_some() || has_shares) {
            (Some(_), true) => "a second status or second shares for the row",
            (None, true) => "a status or shares outside any row",
            _ => "not a row, a status or shares",
        };
        self.close_row();
        self.sink.unclassified(line, why);
    }

    /// A line before the first row: the title, the date, or introductory text.
    fn header(&mut self, line: SourceLine<'_>) {
        let text = line.text;
        if let (Some((date, start, end)), None) = (find_date(text), self.report.date) {
            self.report.date = Some(date);
            let others = text[..start].split_whitespace().count()
                + text.get(end..).map_or(0, |t| t.split_whitespace().count());
            // "Progress as at 31 March 2024" under the title: the date line.
            // (A first line such as "Quarterly progress, June 2023" is the title.)
            if others <= 4 && !self.report.title.is_empty() {
                let why = format!("the report's date line (read as {date})");
                return self.skip("skipped_date_line", line, &why);
            }
        }
        // Title lines: the heading-like lines at the top.
        let heading = !text.ends_with(['.', '!', '?', ':', ';', ','])
            && text.split_whitespace().count() <= 15;
        if self.title_open && heading {
            if !self.report.title.is_empty() {
                self.report.title.push_str(" \u{2014} ");
            }
            self.report.title.push_str(text);
            return;
        }
        self.title_open = false;
        self.sink.unclassified(
            line,
            "text before the first row that is neither title nor date",
        );
    }

    fn finish(mut self) -> ParseResult {
        self.close_row();
        if self.report.entries.is_empty() {
            self.sink.diagnostics.push(Diagnostic::new(
                "progress_no_rows",
                Severity::Warning,
                "the text has no rows of a progress report (a strategic action number such as \"2.2\" at the start of a line)",
            ));
        }
        if self.report.date.is_none() {
            self.sink.diagnostics.push(Diagnostic::new(
                "progress_no_date",
                Severity::Info,
                "the report gives no date (\"Progress as at 31 March 2024\"); statuses are attached undated",
            ));
        }
        let mut result = self.sink;
        crate::sort::sort_by_key(&mut result.diagnostics, |d| d.line.unwrap_or(usize::MAX));
        result.report = self.report;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        let v: Vec<f64> = percents("33.3% On Track, 33.3.% Missed, 50 % x, 1.2.3%, 100%")
            .into_iter()
            .map(|p| p.value)
            .collect();
        assert_eq!(v, [33.3, 33.3, 50.0, 100.0]);
        assert!(percents("2.2 Expand").is_empty());
    }

    #[test]
    fn row_numbers() {
        assert_eq!(row_number("2.2 Expand"), Some(("2.2".into(), "Expand")));
        assert_eq!(
            row_number("10.1.3. Train"),
            Some(("10.1.3".into(), "Train"))
        );
        assert_eq!(row_number("2.2"), Some(("2.2".into(), "")));
        assert_eq!(row_number("2 Expand"), None);
        assert_eq!(row_number("33.3% On Track"), None);
        assert_eq!(row_number("33.3 % On Track"), None);
        assert_eq!(row_number("2.2x"), None);
    }

    #[test]
    fn dates() {
        fn d(t: &str) -> Option<(String, &str)> {
            find_date(t).map(|(d, s, e)| (d.to_string(), &t[s..e]))
        }
        assert_eq!(
            d("Progress as at 31 March 2024"),
            Some(("2024-03-31".into(), "31 March 2024"))
        );
        assert_eq!(
            d("As at 31st Mar 2024."),
            Some(("2024-03-31".into(), "31st Mar 2024"))
        );
        assert_eq!(
            d("March 31, 2024"),
            Some(("2024-03-31".into(), "March 31, 2024"))
        );
        assert_eq!(
            d("Quarter ending June 2023"),
            Some(("2023-06-30".into(), "June 2023"))
        );
        assert_eq!(
            d("(2024-03-31)"),
            Some(("2024-03-31".into(), "(2024-03-31)"))
        );
        assert_eq!(d("31/03/2024"), Some(("2024-03-31".into(), "31/03/2024")));
        assert_eq!(d("31 February 2024"), None);
        assert_eq!(d("May we"), None);
    }

    #[test]
    fn trailing_status() {
        assert_eq!(
            split_trailing_status("Train staff. Delivery Date Missed with Risk"),
            ("Train staff.", Some(Status::MissedWithRisk))
        );
        assert_eq!(
            split_trailing_status("Train staff."),
            ("Train staff.", None)
        );
    }
}
