//! The document layer beneath the recognisers: the lines of a page become
//! typed blocks before any kind-specific rule runs.
//!
//! | block | what it is | examples |
//! |---|---|---|
//! | [`BlockKind::Furniture`] | the page around the content | a URL line, the licence line, "Skip to main content", "First published:", a byline "Carwyn Jones, First Minister", "Published 11 September 2023", "Applies to England" |
//! | [`BlockKind::Heading`] | a short line with no closing punctuation | "Key Milestones", "Our Vision" |
//! | [`BlockKind::Numbered`] | an item with a number, at any depth, with its label | "1. text", "1.1 text", "Action 3: text", "Action 1.1 text", "Commitment 4", "Ref: 2.6.1", "Priority 4: title", "Strategic Aim 1: Law Reform" |
//! | [`BlockKind::DeadlineHeading`] | a line that is only a deadline phrase | "By Spring 2025:", "In December 2024:" |
//! | [`BlockKind::Field`] | a labelled field and its value | "Lead: SG", "Status: ✔ Complete", "Action: Establish …" |
//! | [`BlockKind::HeaderCell`] | a table's column header(s) | "Objective", "Milestones (Oct 23 – Apr 25) \|", "Action Lead Delivery date", "Action \| Lead \| Timescale" |
//! | [`BlockKind::TableRow`] | a row with two or more cells | "1.1 \| Train staff \| NES \| 2024" |
//! | [`BlockKind::TableSeparator`] | a Markdown-style rule | "---\|---\|---\|" |
//! | [`BlockKind::Bullet`] | a bulleted line | "• text", "- text" |
//! | [`BlockKind::LeadIn`] | a sentence that introduces a list | "the Scottish Government and COSLA should seek to:" |
//! | [`BlockKind::Paragraph`] | anything else | |
//!
//! Each block keeps its [`Span`] (byte range, line and column of its text in
//! the source). Numbered items run together on one line ("1.1 … 1.2 … 1.13")
//! are split on their numbers into one block each: only the next number in
//! sequence splits ("1.7" with no full stop before "1.8" does; "1.10" is not
//! "1.1"; "Part 2", "section 47" and "£12.5 million" never do). A cell ending
//! in `|` is read as its content, with [`Block::cell`] set.
//!
//! The layer is linear in the length of the text and never panics.
//!
//! ```
//! use stratagraph::parse::blocks::{blocks, BlockKind};
//! let page = "https://www.gov.scot/publications/x\nSkip to main content\nOur Vision\n\
//!             By Spring 2025:\n1.1 Train staff. 1.2 Publish guidance\nLead: SG & COSLA";
//! let kinds: Vec<_> = blocks(page).iter().map(|b| b.kind).collect();
//! assert_eq!(kinds, [
//!     BlockKind::Furniture, BlockKind::Furniture, BlockKind::Heading,
//!     BlockKind::DeadlineHeading, BlockKind::Numbered, BlockKind::Numbered, BlockKind::Field,
//! ]);
//! let b = &blocks(page)[5];
//! assert_eq!((b.number, b.body, b.span.line), (Some("1.2"), "Publish guidance", 5));
//! ```

use super::date::parse_deadline;
use super::{furniture_pieces, source_lines, SourceLine};

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockKind {
    /// Page furniture: URL, licence, menus, bylines, publication dates.
    Furniture,
    /// A short line with no closing punctuation.
    Heading,
    /// An item with a number (and maybe a label word: "Action", "Commitment").
    Numbered,
    /// A line that is only a deadline phrase ("By Spring 2025:").
    DeadlineHeading,
    /// A labelled field ("Lead: …", "Status: …").
    Field,
    /// Column headers of a table, one per cell.
    HeaderCell,
    /// A row of two or more cells.
    TableRow,
    /// A Markdown-style table rule ("---|---").
    TableSeparator,
    /// A bulleted line.
    Bullet,
    /// A sentence introducing a list (ends with a colon).
    LeadIn,
    /// Any other text.
    Paragraph,
}

/// Where a block is in the source: its byte range, and the 1-based line and
/// column (in characters) where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One block of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block<'a> {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's whole text, trimmed (a cell without its `|`).
    pub text: &'a str,
    /// The content after the number, label or bullet mark (the text itself otherwise).
    pub body: &'a str,
    /// The number as written, without a closing full stop ("1.10", "4").
    pub number: Option<&'a str>,
    /// The label: a numbered item's word ("Action", "Commitment", "Priority",
    /// "Strategic Aim"), a field's name ("Lead", "Status") as written.
    pub label: Option<&'a str>,
    /// The cells of a table row or of a header line.
    pub cells: Vec<&'a str>,
    /// Whether the line was a table cell ending in `|`.
    pub cell: bool,
    /// Where the block is.
    pub span: Span,
}

/// The blocks of a text, in order (see the [module docs](self)).
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut after_published = false;
    for line in source_lines(text) {
        for (piece, furniture) in furniture_pieces(line.text) {
            let l = sub_line(line, piece);
            if furniture {
                out.push(plain(BlockKind::Furniture, l));
                continue;
            }
            // A date under "First published:" / "Last updated:", the collection
            // under "Part of:", are furniture too.
            let part_of = out.last().is_some_and(|b: &Block<'_>| {
                b.kind == BlockKind::Furniture
                    && (b.text.eq_ignore_ascii_case("part of:")
                        || b.text.eq_ignore_ascii_case("part of"))
            });
            if part_of || (after_published && parse_deadline(piece).is_some()) {
                after_published = false;
                out.push(plain(BlockKind::Furniture, l));
                continue;
            }
            let before = out.len();
            classify(l, &mut out);
            after_published = out.len() == before + 1
                && out
                    .last()
                    .is_some_and(|b| b.kind == BlockKind::Furniture && b.text.ends_with(':'));
        }
    }
    out
}

/// The part `piece` (a slice of `line.text`) of a line, with its own position.
pub(crate) fn sub_line<'a>(line: SourceLine<'a>, piece: &'a str) -> SourceLine<'a> {
    let offset = (piece.as_ptr() as usize).saturating_sub(line.text.as_ptr() as usize);
    match line.text.get(..offset) {
        Some(before) if offset + piece.len() <= line.text.len() => SourceLine {
            number: line.number,
            column: line.column + before.chars().count(),
            start: line.start + offset,
            text: piece,
        },
        _ => line,
    }
}

fn span_of(l: SourceLine<'_>) -> Span {
    Span {
        start: l.start,
        end: l.start + l.text.len(),
        line: l.number,
        column: l.column,
    }
}

fn plain(kind: BlockKind, l: SourceLine<'_>) -> Block<'_> {
    Block {
        kind,
        text: l.text,
        body: l.text,
        number: None,
        label: None,
        cells: Vec::new(),
        cell: false,
        span: span_of(l),
    }
}

// ---------------------------------------------------------------------------
// Furniture

/// Lines of page furniture beyond [`super::PAGE_FURNITURE`], by their start
/// (ASCII case-insensitive).
const FURNITURE_STARTS: &[&str] = &[
    "open government licence",
    "first published",
    "last updated",
    "published:",
    "this was published under the",
    "part of:",
    "applies to ",
    "from:",
    "directorate:",
    "isbn",
    "print this page",
    "download this",
    "view this",
];

/// Titles that end a byline ("Carwyn Jones, First Minister").
const BYLINE_TITLES: &[&str] = &[
    "minister",
    "secretary",
    "first minister",
    "deputy first minister",
    "cabinet secretary",
    "mp",
    "ms",
    "msp",
];

/// Whether `s` starts with `prefix`, ASCII case-insensitively.
pub(crate) fn starts_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A contact line: an email address alone, or "Email:", "Telephone:",
/// "Phone:", "Tel:" and a short value ("Email: andrew.taylor@gov.scot").
fn is_contact(t: &str) -> bool {
    let email = |v: &str| {
        let v = v.trim();
        !v.contains(' ')
            && v.split_once('@')
                .is_some_and(|(a, d)| !a.is_empty() && d.contains('.'))
    };
    let labelled = ["email:", "e-mail:", "telephone:", "phone:", "tel:"]
        .iter()
        .find(|l| starts_ci(t, l))
        .map(|l| &t[l.len()..]);
    match labelled {
        Some(v) => v.split_whitespace().count() <= 4,
        None => email(t),
    }
}

/// Whether a line is page furniture (see the [module docs](self)).
pub fn is_furniture(t: &str) -> bool {
    let url = (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(' ');
    // "Part of" (a breadcrumb), "Information" (gov.scot's page label).
    let label = ["part of", "information"]
        .iter()
        .any(|l| t.eq_ignore_ascii_case(l));
    if url || FURNITURE_STARTS.iter().any(|p| starts_ci(t, p)) || label || is_contact(t) {
        return true;
    }
    // "Published 11 September 2023", "Updated 3 May 2024".
    for p in ["published ", "updated ", "last updated "] {
        if starts_ci(t, p) && parse_deadline(&t[p.len()..]).is_some() {
            return true;
        }
    }
    // "Publication - Progress report": the page's type; "41 page PDF", "494.7 kB": a download.
    if starts_ci(t, "publication - ") && t.split_whitespace().count() <= 6 {
        return true;
    }
    // The first four words at most: the shapes below have two or three.
    let mut split = t.split_whitespace();
    let first: Vec<&str> = split.by_ref().take(3).collect();
    let words: &[&str] = if split.next().is_none() { &first } else { &[] };
    let number = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    };
    match words {
        [n, unit]
            if number(n)
                && ["kb", "mb", "gb", "bytes"].contains(&unit.to_ascii_lowercase().as_str()) =>
        {
            return true
        }
        [n, page, format]
            if number(n)
                && page.starts_with("page")
                && format.len() <= 5
                && format.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            return true
        }
        _ => {}
    }
    // A byline: "Name Surname, First Minister".
    if let Some((name, title)) = t.rsplit_once(", ") {
        let words = name.split_whitespace().take(5).count();
        if !(2..=4).contains(&words) {
            return false;
        }
        let lower = title.trim().to_ascii_lowercase();
        let capitalised = name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
        if capitalised
            && BYLINE_TITLES.iter().any(|b| lower.ends_with(b))
            && title.split_whitespace().count() <= 8
        {
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------
// Classifying a line

fn classify<'a>(l: SourceLine<'a>, out: &mut Vec<Block<'a>>) {
    let t = l.text;
    if is_furniture(t) {
        return out.push(plain(BlockKind::Furniture, l));
    }
    if is_separator(t) {
        return out.push(plain(BlockKind::TableSeparator, l));
    }
    // Table cells: "a | b | c", or one cell ending in "|".
    if t.contains('|') || t.contains('\t') {
        let cells: Vec<&str> = t
            .split(['|', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() >= 2 {
            let header = cells.iter().all(|c| is_column_name(c));
            let mut b = plain(
                if header {
                    BlockKind::HeaderCell
                } else {
                    BlockKind::TableRow
                },
                l,
            );
            b.cells = cells;
            return out.push(b);
        }
        if let [only] = cells.as_slice() {
            let mut inner = sub_line(l, only);
            inner.text = only;
            let before = out.len();
            classify_content(inner, out);
            for b in out.iter_mut().skip(before) {
                b.cell = true;
            }
            return;
        }
    }
    classify_content(l, out);
}

/// The rest of a line after a timescale and a dash ("Short term - 1. …",
/// "Medium term – 5. …"): at most three words, the last "term".
fn after_timescale(t: &str) -> Option<&str> {
    let (head, rest) = [" - ", " – ", " — "].iter().find_map(|d| t.split_once(d))?;
    let words: Vec<&str> = head.split_whitespace().collect();
    let timescale =
        words.len() <= 3 && words.last().is_some_and(|w| w.eq_ignore_ascii_case("term"));
    timescale.then(|| rest.trim_start())
}

fn classify_content<'a>(l: SourceLine<'a>, out: &mut Vec<Block<'a>>) {
    let t = l.text;
    if let Some(b) = numbered(l) {
        return split_run(b, out);
    }
    if let Some(b) = field(l) {
        return out.push(b);
    }
    if let Some(rest) = super::plan::bullet_mark(t) {
        // "• Action 11: Distress Brief Interventions.": a labelled item in a bullet.
        if let Some(mut b) = numbered(sub_line(l, rest)).filter(|b| b.label.is_some()) {
            b.text = t;
            b.span = span_of(l);
            return out.push(b);
        }
        let mut b = plain(BlockKind::Bullet, l);
        b.body = rest;
        return out.push(b);
    }
    // "Short term - 1. Establish …": a timescale before the item's number.
    if let Some(rest) = after_timescale(t) {
        if let Some(mut b) = numbered(sub_line(l, rest)) {
            b.text = t;
            b.span = span_of(l);
            return out.push(b);
        }
    }
    let bare = t.trim_end_matches(':').trim_end();
    if bare.len() < t.len() || starts_like_deadline(bare) {
        if let Some(w) = parse_deadline(bare) {
            if w.phrase.len() == bare.len() {
                let mut b = plain(BlockKind::DeadlineHeading, l);
                b.body = bare;
                return out.push(b);
            }
        }
    }
    if let Some(cells) = header_words(t) {
        let mut b = plain(BlockKind::HeaderCell, l);
        b.cells = cells;
        return out.push(b);
    }
    if t.ends_with(':') {
        return out.push(plain(BlockKind::LeadIn, l));
    }
    if is_heading(t) {
        return out.push(plain(BlockKind::Heading, l));
    }
    out.push(plain(BlockKind::Paragraph, l));
}

/// Whether a short line opens like a deadline ("By Spring 2025", "Throughout
/// 2025"), not like a bare report date ("February 2021").
fn starts_like_deadline(t: &str) -> bool {
    const OPENERS: &[&str] = &[
        "by",
        "in",
        "during",
        "throughout",
        "over",
        "before",
        "until",
        "from",
        "end",
        "within",
        "early",
        "mid",
        "late",
        "spring",
        "summer",
        "autumn",
        "winter",
        "q1",
        "q2",
        "q3",
        "q4",
    ];
    let first = t
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    t.split_whitespace().count() <= 8 && OPENERS.contains(&first.as_str())
}

fn is_separator(t: &str) -> bool {
    t.bytes().filter(|&b| b == b'-').count() >= 3
        && t.bytes()
            .all(|b| matches!(b, b'-' | b'|' | b':' | b' ' | b'\t'))
}

/// Whether a line reads like a heading: a few words, no closing punctuation,
/// not starting in lower case.
pub(crate) fn is_heading(t: &str) -> bool {
    let trimmed = t.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')']);
    !trimmed.ends_with(['.', '!', ',', ';'])
        && t.split_whitespace().count() <= 20
        && !t.starts_with(char::is_lowercase)
        && t.chars().any(char::is_alphabetic)
}

// ---------------------------------------------------------------------------
// Table headers

/// Words of column headers.
const COLUMN_WORDS: &[&str] = &[
    "ref",
    "reference",
    "no",
    "number",
    "action",
    "actions",
    "points",
    "objective",
    "objectives",
    "lead",
    "leads",
    "partner",
    "partners",
    "key",
    "and",
    "who",
    "with",
    "when",
    "stakeholders",
    "timescale",
    "timescales",
    "timeline",
    "delivery",
    "date",
    "dates",
    "deadline",
    "target",
    "milestones",
    "milestone",
    "status",
    "rag",
    "progress",
    "impact",
    "reason",
    "for",
    "responsible",
    "responsibility",
    "lead responsibility",
    "owner",
    "delivery partners",
    "supporting partners",
    "timeframe",
    "completion date",
    "commitment",
    "commitments",
    "outcome",
    "outcomes",
    "by",
    "summary",
    "of",
    "current",
    "position",
    "comments",
    "update",
    "measure",
    "measures",
    "indicator",
    "indicators",
];

/// More words of a wide table's header run together on one line (more than
/// twelve words: "Priority Actions Delivery Organisation (Lead) Delivery
/// Organisation(s) (Support) Short Term Medium Term Long Term"); alone, such
/// words are headings ("Short Term Actions").
const WIDE_COLUMN_WORDS: &[&str] = &[
    "priority",
    "priorities",
    "theme",
    "area",
    "organisation",
    "organisations",
    "s",
    "support",
    "supporting",
    "short",
    "medium",
    "long",
    "term",
];

/// Words a header line must contain one of: the columns that matter.
const KEY_COLUMNS: &[&str] = &[
    "action",
    "actions",
    "objective",
    "lead",
    "stakeholders",
    "timescale",
    "milestones",
    "status",
    "ref",
    "impact",
    "commitment",
    "commitments",
    "partners",
    "deadline",
    "rag",
];

/// The words of a text, lower case: runs of letters and digits.
pub(crate) fn lower_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn header_tokens(t: &str) -> Vec<String> {
    let no_brackets = match t.find('(') {
        Some(i) if t.ends_with(')') || t.ends_with("):") => &t[..i],
        _ => t,
    };
    no_brackets
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether a lower-case word is one of a column header's words (of a header
/// line or of a wide header run together).
pub(crate) fn is_column_word(w: &str) -> bool {
    COLUMN_WORDS.contains(&w) || WIDE_COLUMN_WORDS.contains(&w)
}

/// Whether a cell is a column name ("Lead", "Milestones (Oct 23 – Apr 25)", "Impact*").
pub(crate) fn is_column_name(cell: &str) -> bool {
    let words = header_tokens(cell);
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| COLUMN_WORDS.contains(&w.as_str()))
        && words.iter().any(|w| KEY_COLUMNS.contains(&w.as_str()))
}

/// A line of column headers, one cell or several run together ("Action Lead
/// Delivery date", "Ref / Action / Impact / Stakeholders / Milestones", "Fairer
/// Scotland Action Plan actions Status"): its columns.
fn header_words(t: &str) -> Option<Vec<&str>> {
    let count = t.split_whitespace().count();
    if t.ends_with(['.', ',', ';']) {
        return None;
    }
    // A wide header run together: every word a column word, two key columns.
    if count > 12 {
        let words = lower_words(t);
        let keys = words
            .iter()
            .filter(|w| KEY_COLUMNS.contains(&w.as_str()))
            .count();
        let all = words.iter().all(|w| is_column_word(w));
        return (count <= 24 && all && keys >= 2 && !t.contains(':')).then(|| column_cells(t));
    }
    if t.contains(" / ") {
        let cells: Vec<&str> = t.split(" / ").map(str::trim).collect();
        return cells
            .iter()
            .all(|c| is_column_name(c.trim_end_matches([':', '*'])))
            .then_some(cells);
    }
    let core = t.trim_end_matches([':', '*']);
    if is_column_name(core) {
        return Some(column_cells(core));
    }
    // "Fairer Scotland Action Plan actions Status": a title run into the
    // column names; the last word must be a column, with another before it.
    // Only a column that no title ends with closes such a line ("… Status",
    // "… Lead"), not "… commitments" or "… actions".
    const LAST_COLUMNS: &[&str] = &[
        "status",
        "lead",
        "leads",
        "timescale",
        "deadline",
        "rag",
        "partners",
        "stakeholders",
    ];
    let words: Vec<&str> = core.split_whitespace().collect();
    let last = words.last()?.to_ascii_lowercase();
    let key = |w: &str| KEY_COLUMNS.contains(&w.to_ascii_lowercase().as_str());
    let keys = words.iter().filter(|w| key(w)).count();
    (LAST_COLUMNS.contains(&last.as_str()) && keys >= 2 && words.len() <= 10 && !core.contains(':'))
        .then(|| column_cells(core))
}

/// Split a run of column names into cells at the key column words.
fn column_cells(t: &str) -> Vec<&str> {
    const STARTS: &[&str] = &[
        "delivery", "who", "target", "reason", "summary", "due", "key", "short", "medium", "long",
    ];
    let mut cells = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let mut prev = String::new();
    for w in t.split(' ') {
        let lower = w.to_ascii_lowercase();
        let starts = KEY_COLUMNS.contains(&lower.as_str()) || STARTS.contains(&lower.as_str());
        let joined = ["and", "of", "for", "&", "key"].contains(&prev.as_str());
        prev.clone_from(&lower);
        if pos > start && starts && !joined {
            cells.push(t[start..pos].trim());
            start = pos;
        }
        pos += w.len() + 1;
    }
    cells.push(t[start..].trim());
    cells.retain(|c| !c.is_empty());
    cells
}

// ---------------------------------------------------------------------------
// Numbered items

/// What the label word before an item's number says the item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LabelRole {
    /// A level above the priorities ("Strategic Aim 2", "Pillar 1", "Mission 3").
    Upper,
    /// A priority, programme or theme ("Priority 4", "Programme 6", "Workstream 2").
    Priority,
    /// An action, commitment, project or milestone ("Action 3", "Project 16").
    Action,
    /// Another numbered thing ("Objective 2", "Outcome 1", "Strategic Action 10.1").
    Other,
}

/// Label words that may come before an item's number, and what they make
/// of it: the one table the blocks, the recognisers and kind detection read.
/// A label that begins another one comes after it ("strategic aim" before "aim").
pub(crate) const ITEM_LABELS: &[(&str, LabelRole)] = &[
    ("strategic aim", LabelRole::Upper),
    ("strategic action", LabelRole::Other),
    ("strategic priority", LabelRole::Priority),
    ("strategic objective", LabelRole::Other),
    ("action", LabelRole::Action),
    ("commitment", LabelRole::Action),
    ("recommendation", LabelRole::Action),
    ("deliverable", LabelRole::Action),
    ("milestone", LabelRole::Action),
    ("project", LabelRole::Action),
    ("proposal", LabelRole::Action),
    ("measure", LabelRole::Action),
    ("ref", LabelRole::Action),
    ("priority", LabelRole::Priority),
    ("programme", LabelRole::Priority),
    ("workstream", LabelRole::Priority),
    ("work stream", LabelRole::Priority),
    ("ambition", LabelRole::Priority),
    ("theme", LabelRole::Priority),
    ("objective", LabelRole::Other),
    ("outcome", LabelRole::Other),
    ("aim", LabelRole::Upper),
    ("pillar", LabelRole::Upper),
    ("goal", LabelRole::Upper),
    ("mission", LabelRole::Upper),
];

/// The role of an item's label as written ("Action", "PROGRAMME"), if it is one.
pub(crate) fn label_role(label: &str) -> Option<LabelRole> {
    ITEM_LABELS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(label))
        .map(|&(_, r)| r)
}

fn numbered(l: SourceLine<'_>) -> Option<Block<'_>> {
    let t = l.text;
    let mut label = None;
    let mut rest = t;
    for (w, _) in ITEM_LABELS {
        if starts_ci(t, w) && t[w.len()..].starts_with([' ', ':']) {
            let after = t[w.len()..].trim_start_matches([' ', ':']);
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                label = Some(&t[..w.len()]);
                rest = after;
            }
            break;
        }
    }
    let (number, _, stripped) = super::plan::take_number(rest)?;
    // At most three digits a part: "2013-2016" and "2024" are years, not numbers.
    if number.split('.').any(|p| p.len() > 3) {
        return None;
    }
    let mut after = &rest[number.len()..];
    let dotted = number.contains('.');
    let closed = stripped.len() < after.len() || after.starts_with([')', ':']);
    if closed {
        after = &after[1..];
    }
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let body = after
        .trim_start()
        .trim_start_matches(['–', '—', '-', ':'])
        .trim_start();
    // "2.5 million people", "50% of", "2023 was": not item numbers.
    if body.starts_with('%') || (!dotted && !closed && label.is_none() && number.len() > 2) {
        return None;
    }
    let unlabelled_bare = label.is_none() && !closed;
    let opens = body.starts_with(|c: char| c.is_uppercase() || c == '\u{201c}' || c == '"');
    if unlabelled_bare && !opens && !(dotted && body.is_empty()) {
        return None;
    }
    if unlabelled_bare && body.is_empty() && !dotted {
        return None;
    }
    let mut b = plain(BlockKind::Numbered, l);
    b.number = Some(number);
    b.label = label;
    b.body = body;
    Some(b)
}

/// The next number in sequence after `n` ("1.9" -> "1.10", "4" -> "5").
pub(crate) fn next_number(n: &str) -> Option<String> {
    let (head, last) = match n.rsplit_once('.') {
        Some((h, l)) => (Some(h), l),
        None => (None, n),
    };
    let next = last.parse::<u32>().ok()?.checked_add(1)?;
    Some(match head {
        Some(h) => format!("{h}.{next}"),
        None => next.to_string(),
    })
}

/// Where the item numbered `next` starts in `body`: a token equal to it
/// (optionally with a full stop), after a space, before a space and a capital.
fn find_next(body: &str, next: &str, dotted: bool) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = body.get(from..).and_then(|r| r.find(next)) {
        let at = from + i;
        from = at + next.len();
        let before_ok = at > 0 && body[..at].ends_with(' ');
        let mut after = &body[at + next.len()..];
        let had_stop = after.starts_with('.');
        if had_stop {
            after = &after[1..];
        }
        if !before_ok || !after.starts_with(' ') || !(dotted || had_stop) {
            continue;
        }
        if after.trim_start().starts_with(char::is_uppercase) {
            return Some(at);
        }
    }
    None
}

/// Split a numbered block whose body runs on into the next numbers.
fn split_run<'a>(first: Block<'a>, out: &mut Vec<Block<'a>>) {
    let mut current = first;
    while let Some(number) = current.number {
        let Some(next) = next_number(number) else {
            break;
        };
        let dotted = number.contains('.');
        let Some(at) = find_next(current.body, &next, dotted) else {
            break;
        };
        let body = current.body;
        let body_start = current.span.start
            + (body.as_ptr() as usize).saturating_sub(current.text.as_ptr() as usize);
        let head = body[..at].trim_end();
        let tail = &body[at..];
        let tail_start = body_start + at;
        let column = current.span.column
            + current.text[..tail_start - current.span.start]
                .chars()
                .count();
        current.body = head;
        current.text = &current.text[..(body_start + head.len() - current.span.start)];
        current.span.end = current.span.start + current.text.len();
        let line = current.span.line;
        out.push(current);
        let l = SourceLine {
            number: line,
            column,
            start: tail_start,
            text: tail,
        };
        match numbered(l) {
            Some(b) => current = b,
            None => {
                out.push(plain(BlockKind::Paragraph, l));
                return;
            }
        }
    }
    out.push(current);
}

// ---------------------------------------------------------------------------
// Labelled fields

/// Field labels: the words a labelled field starts with (lower case).
pub const FIELD_LABELS: &[&str] = &[
    "lead and key partners",
    "lead and partners",
    "lead partner(s)",
    "lead partners",
    "lead partner",
    "lead organisation(s)",
    "lead organisations",
    "lead organisation",
    "lead body",
    "leads",
    "lead",
    "key partners",
    "key partner",
    "partners",
    "partner",
    "who with",
    "stakeholders",
    "timescale",
    "timescales",
    "timeline",
    "delivery date",
    "target date",
    "due date",
    "deadline",
    "milestones",
    "milestone",
    "status",
    "rag status",
    "rag rating",
    "rag",
    "current status",
    "overall status",
    "delivery status",
    "progress status",
    "milestone status",
    "reason for rag",
    "progress",
    "progress to date",
    "progress update",
    "update",
    "action",
    "new action",
    "new commitment",
    "new",
    "commitment",
    "recommendation",
    "responsible",
    "responsibility",
    "lead responsibility",
    "owner",
    "delivery partners",
    "supporting partners",
    "timeframe",
    "completion date",
    "by when",
    "when",
    "priority",
    "priority area",
    "theme",
];

fn field(l: SourceLine<'_>) -> Option<Block<'_>> {
    let t = l.text;
    let (label, body) = match t.find(':').filter(|&c| c <= 40) {
        Some(colon) => (t[..colon].trim(), &t[colon + 1..]),
        // "Status – Complete", "Lead - NES": a dash after a label that is no sentence.
        None => [" – ", " - ", " — "].iter().find_map(|d| {
            let at = t.find(d).filter(|&i| i <= 40)?;
            let label = t[..at].trim();
            let lower = label.to_ascii_lowercase();
            DASH_LABELS
                .iter()
                .any(|w| lower.split_whitespace().any(|x| x == *w))
                .then(|| (label, &t[at + d.len()..]))
        })?,
    };
    let lower = label.to_ascii_lowercase();
    if !FIELD_LABELS.contains(&lower.as_str()) {
        return None;
    }
    let mut b = plain(BlockKind::Field, l);
    b.label = Some(label);
    b.body = body.trim();
    Some(b)
}

/// Words of the labels a dash may close instead of a colon ("Status – Complete").
const DASH_LABELS: &[&str] = &["status", "rag", "lead", "timescale", "partners"];

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(BlockKind, Option<&str>, &str)> {
        blocks(t)
            .into_iter()
            .map(|b| (b.kind, b.number, b.body))
            .collect()
    }

    #[test]
    fn numbered_items_at_any_depth() {
        use BlockKind::*;
        assert_eq!(
            kinds("1. Train staff"),
            [(Numbered, Some("1"), "Train staff")]
        );
        assert_eq!(kinds("4.1 We will"), [(Numbered, Some("4.1"), "We will")]);
        assert_eq!(kinds("Action 3: Do it"), [(Numbered, Some("3"), "Do it")]);
        assert_eq!(kinds("Action 1. The SG"), [(Numbered, Some("1"), "The SG")]);
        assert_eq!(kinds("Commitment 4"), [(Numbered, Some("4"), "")]);
        assert_eq!(kinds("Ref: 2.6.1"), [(Numbered, Some("2.6.1"), "")]);
        assert_eq!(
            kinds("1 Law Reform: to strengthen"),
            [(Numbered, Some("1"), "Law Reform: to strengthen")]
        );
        let b = &blocks("Strategic Aim 2: Improving Support")[0];
        assert_eq!(
            (b.label, b.number, b.body),
            (Some("Strategic Aim"), Some("2"), "Improving Support")
        );
        // Not item numbers.
        assert_eq!(kinds("2.5 million people live here.")[0].0, Paragraph);
        assert_eq!(kinds("2023 was a year.")[0].0, Paragraph);
        assert_eq!(kinds("50% of people.")[0].0, Paragraph);
    }

    #[test]
    fn run_together_numbers_split() {
        let t = "1.1 Update Part 2 powers. 1.2 Promote it. 1.7 Consider Part 5 of the Act 1.8 Review section 47 certificates. 1.9 Review. 1.10 Develop. 1.11 Review";
        let got: Vec<_> = blocks(t)
            .into_iter()
            .map(|b| (b.number, b.body, b.span))
            .collect();
        let nums: Vec<_> = got.iter().map(|g| g.0.unwrap_or("")).collect();
        assert_eq!(nums, ["1.1", "1.2"]);
        let t = "1.6 Consider Part 3 and Part 4. 1.7 Consider Part 5 of the Act 1.8 Review section 47 certificates. 1.9 Review. 1.10 Develop. 1.11 Review";
        let got = blocks(t);
        let nums: Vec<_> = got.iter().map(|b| b.number.unwrap_or("")).collect();
        assert_eq!(nums, ["1.6", "1.7", "1.8", "1.9", "1.10", "1.11"]);
        assert_eq!(got[1].body, "Consider Part 5 of the Act");
        for b in &got {
            assert_eq!(&t[b.span.start..b.span.end], b.text);
            assert_eq!(b.span.column, t[..b.span.start].chars().count() + 1);
        }
    }

    #[test]
    fn furniture_fields_and_tables() {
        use BlockKind::*;
        let page = "https://gov.wales/x\nOpen Government Licence v3.0\nSkip to main content\nCarwyn Jones, First Minister\nFirst published:\n31 March 2011\nLast updated:\nPublished 11 September 2023\nApplies to England\n";
        assert!(
            blocks(page).iter().all(|b| b.kind == Furniture),
            "{:?}",
            kinds(page)
        );
        assert_eq!(kinds("Status: ✔ Complete"), [(Field, None, "✔ Complete")]);
        let b = &blocks("Lead: Mental Health – Mental Health & Incapacity Law")[0];
        assert_eq!(
            (b.kind, b.label, b.body),
            (
                Field,
                Some("Lead"),
                "Mental Health – Mental Health & Incapacity Law"
            )
        );
        let b = &blocks("Action Lead Delivery date")[0];
        assert_eq!(
            (b.kind, b.cells.clone()),
            (HeaderCell, vec!["Action", "Lead", "Delivery date"])
        );
        let b = &blocks("Action | Lead | Timescale")[0];
        assert_eq!(b.cells, ["Action", "Lead", "Timescale"]);
        let b = &blocks("Ref / Action / Impact / Stakeholders / Milestones")[0];
        assert_eq!(b.cells.len(), 5);
        assert_eq!(blocks("Objective |")[0].kind, HeaderCell);
        assert!(blocks("Objective |")[0].cell);
        assert_eq!(blocks("Milestones (Oct 23 – Apr 25) |")[0].kind, HeaderCell);
        assert_eq!(blocks("---|---|---|")[0].kind, TableSeparator);
        assert_eq!(
            blocks("Fairer Scotland Action Plan actions Status")[0].kind,
            HeaderCell
        );
        assert_eq!(blocks("1.1 | Train | NES")[0].kind, TableRow);
        assert_eq!(
            kinds("In December 2024:"),
            [(DeadlineHeading, None, "In December 2024")]
        );
        assert_eq!(kinds("Throughout 2025:")[0].0, DeadlineHeading);
        assert_eq!(kinds("the SG and COSLA should seek to:")[0].0, LeadIn);
        assert_eq!(
            kinds("  • is integrated;"),
            [(Bullet, None, "is integrated;")]
        );
        assert_eq!(kinds("Our Vision")[0].0, Heading);
        assert_eq!(kinds("The Bank opened in 2020.")[0].0, Paragraph);
    }
}
