//! Which kind of document a text is, and one entry point that reads any of them.

use std::fmt;
use std::str::FromStr;

use super::{parse_delivery_plan, parse_progress_report, parse_strategy, ParseResult};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::model::Strategy;
use crate::progress::Status;

/// The kinds of document stratagraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DocumentKind {
    /// Canonical JSON (`{"format": "stratagraph", ...}`).
    Json,
    /// A delivery plan: priorities, strategic actions, numbered actions, partners.
    Plan,
    /// A narrative strategy: bodies, legislation, populations, what it replaces.
    Strategy,
    /// A board's progress report: a status per strategic action.
    Progress,
}

impl DocumentKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [DocumentKind] = &[
        DocumentKind::Json,
        DocumentKind::Plan,
        DocumentKind::Strategy,
        DocumentKind::Progress,
    ];

    /// `json`, `plan`, `strategy` or `progress`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Json => "json",
            DocumentKind::Plan => "plan",
            DocumentKind::Strategy => "strategy",
            DocumentKind::Progress => "progress",
        }
    }

    /// Tell the kind of a document from its text.
    ///
    /// JSON starts with `{`; a delivery plan has numbered actions ("10.1.1 ..."),
    /// "Priority N" headings, an "Outcomes: 1, 2" list, or "Strategic Action",
    /// "Lead and Key Partners", "Key area of focus" or "Challenges and
    /// opportunities" lines, or (read as blocks) labelled actions ("Action 3:",
    /// "Commitment 4") and "Lead:" / "Partners:" / "Timescale:" fields (so a
    /// plan cut short is still read as a plan); the title's last kind word
    /// decides first ("plan", "plans", "report", "strategy", …), then the
    /// publisher's type line ("Publication - Progress report"); a progress report
    /// has more status lines ("On Track", "33.3% At Risk") than plan lines;
    /// anything else is read as a narrative strategy.
    ///
    /// ```
    /// use stratagraph::parse::DocumentKind;
    /// assert_eq!(DocumentKind::detect("{\"format\": \"stratagraph\"}"), DocumentKind::Json);
    /// assert_eq!(DocumentKind::detect("Priority 1\n1.1.1 Train staff.\nLead and Key Partners: NES"), DocumentKind::Plan);
    /// assert_eq!(DocumentKind::detect("1.1 Train staff.\nOn Track\n100% On Track"), DocumentKind::Progress);
    /// assert_eq!(DocumentKind::detect("Priority 10\nReduce the risk.\nOutcomes: 1, 2, 3"), DocumentKind::Plan);
    /// assert_eq!(DocumentKind::detect("Together for Mental Health sets out our ambitions."), DocumentKind::Strategy);
    /// // A plural in the title, the publisher's type line, labelled actions and their fields:
    /// assert_eq!(DocumentKind::detect("Economic Strategy - Delivery Plans October 2022\n\nHow we will deliver."), DocumentKind::Plan);
    /// assert_eq!(DocumentKind::detect("Publication - Progress report\n\nOpen data\n\nWhat we did."), DocumentKind::Progress);
    /// assert_eq!(DocumentKind::detect("Our work\n\nCommitment 1: Build homes.\nLead: Welsh Government"), DocumentKind::Plan);
    /// ```
    pub fn detect(text: &str) -> DocumentKind {
        if json_body(text).starts_with('{') {
            return DocumentKind::Json;
        }
        DocumentKind::detect_text(text)
    }

    /// Which kind of text a document is ([`DocumentKind::detect`] without
    /// its first step): never [`DocumentKind::Json`].
    ///
    /// ```
    /// use stratagraph::parse::DocumentKind;
    /// assert_eq!(DocumentKind::detect_text("{\"format\": \"stratagraph\"}"), DocumentKind::Strategy);
    /// ```
    pub fn detect_text(text: &str) -> DocumentKind {
        let head = head_kind(text);
        if let Some(kind) = head.title {
            // The title says what the document is; a plan whose page reports
            // progress ("Final Progress Report", "Status: ✔ Complete") is a report.
            // So is a plan's page of progress, as its address names it
            // (".../commitment-2/pages/progress-to-november-2022").
            if kind == DocumentKind::Plan
                && (head.progress_cues >= 2 || head.page_address == Some(DocumentKind::Progress))
            {
                return DocumentKind::Progress;
            }
            return kind;
        }
        if head.progress_cues >= 2 {
            return DocumentKind::Progress;
        }
        // The publisher's own type line ("Publication - Strategy/plan").
        if let Some(kind) = head.publication {
            return kind;
        }
        // An untitled page whose summary speaks of progress ("How we are
        // tracking and progressing according to our plan"), whatever items it has.
        if head.untitled_update {
            return DocumentKind::Progress;
        }
        let (mut plan, mut progress) = (head.plan_cues, 0usize);
        for line in super::source_lines(text).take(5_000) {
            let t = line.text;
            let lower = t.to_ascii_lowercase();
            if lower.starts_with("lead and key partners")
                || lower.starts_with("strategic action")
                || lower.starts_with("key area of focus")
                || lower.starts_with("challenges and opportunities")
                || is_priority_heading(&lower)
                || is_outcome_list(&lower)
                || is_action_number(t)
            {
                plan += 1;
            }
            if Status::parse(t).is_some() || (t.contains('%') && has_status_words(&lower)) {
                progress += 1;
            }
        }
        if progress > plan {
            DocumentKind::Progress
        } else if plan > 0 {
            DocumentKind::Plan
        } else {
            // No title and no items: the page's address, where it starts with
            // one, names the document ("…-self-assessment-report-html").
            head.address.unwrap_or(DocumentKind::Strategy)
        }
    }

    /// The kind a file's name gives, with the content deciding what the
    /// name leaves open: a name ending in `.json` is JSON whatever it holds
    /// (so that a broken file is a JSON error with its line and column, not
    /// a page of prose); one ending in `.txt`, `.text` or `.md` is text, its
    /// kind [detected](DocumentKind::detect_text) among the text kinds (JSON
    /// in it is then the `json_as_text` error of [`parse_file`]); any other
    /// name leaves it all to [`DocumentKind::detect`].
    ///
    /// ```
    /// use stratagraph::parse::DocumentKind;
    /// let json = "{\"format\": \"stratagraph\"}";
    /// assert_eq!(DocumentKind::of_file("plan.json", "Priority 1"), DocumentKind::Json);
    /// assert_eq!(DocumentKind::of_file("plan.TXT", json), DocumentKind::Strategy);
    /// assert_eq!(DocumentKind::of_file("-", json), DocumentKind::Json);
    /// ```
    pub fn of_file(name: &str, text: &str) -> DocumentKind {
        match name_says(name) {
            Some(Named::Json) => DocumentKind::Json,
            Some(Named::Text) => DocumentKind::detect_text(text),
            None => DocumentKind::detect(text),
        }
    }
}

/// What a file's name says its content is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Named {
    Json,
    Text,
}

fn name_says(name: &str) -> Option<Named> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(Named::Json),
        "txt" | "text" | "md" => Some(Named::Text),
        _ => None,
    }
}

/// The text past the white space and byte-order mark it starts with.
fn json_body(text: &str) -> &str {
    text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
}

/// Whether a text looks like JSON: past white space and a byte-order mark
/// it starts with `{`, or with `[` followed by `{`, `[`, `"` or `]`, or it
/// is a whole JSON array (`[1, 2]`). A page that starts with a footnote
/// ("\[1\] The Promise ...") or a bracketed word is not.
///
/// ```
/// use stratagraph::parse::document::looks_like_json;
/// assert!(looks_like_json("\u{feff}  {\"format\": \"stratagraph\"}"));
/// assert!(looks_like_json("[\n  {\"id\": \"action:1\"}\n]"));
/// assert!(looks_like_json("[1, 2]"));
/// assert!(!looks_like_json("[1] The Promise, 2020.\nPriority 1"));
/// assert!(!looks_like_json("Priority 1 {draft}"));
/// ```
pub fn looks_like_json(text: &str) -> bool {
    let body = json_body(text);
    if body.starts_with('{') {
        return true;
    }
    let Some(inner) = body.strip_prefix('[') else {
        return false;
    };
    inner.trim_start().starts_with(['{', '[', '"', ']'])
        || serde_json::from_str::<serde::de::IgnoredAny>(body).is_ok()
}

/// What the top of a page says about its kind.
struct Head {
    /// The kind the title names ("…: progress report", "… delivery plan …").
    title: Option<DocumentKind>,
    /// Signs of a progress report: "Status:" fields, "Commitment N progress",
    /// a heading "… Progress Report", a "Status" column.
    progress_cues: usize,
    /// The page has no title and its first paragraph speaks of an update or progress.
    untitled_update: bool,
    /// The kind the page's type line names ("Publication - Progress report").
    publication: Option<DocumentKind>,
    /// The kind the page's address names, where its text starts with one
    /// (the last kind word of its path, as of a title).
    address: Option<DocumentKind>,
    /// The kind the page part of a paged publication's address names (what
    /// follows "/pages/": ".../pages/progress-to-november-2022").
    page_address: Option<DocumentKind>,
    /// Signs of a plan in its blocks: labelled actions ("Action 3:",
    /// "Commitment 4", "Action: …"), "Lead:" / "Timescale:" / "Partners:"
    /// fields, a table header naming actions.
    plan_cues: usize,
}

/// Words of a title that name a kind of document; the last one found wins
/// ("Dementia strategy: initial 2-year delivery plan" is a plan, "Health and
/// social care delivery plan: progress report" a report).
const KIND_WORDS: &[(&str, DocumentKind)] = &[
    ("report", DocumentKind::Progress),
    ("reports", DocumentKind::Progress),
    ("progress", DocumentKind::Progress),
    ("update", DocumentKind::Progress),
    ("updates", DocumentKind::Progress),
    ("review", DocumentKind::Progress),
    ("plan", DocumentKind::Plan),
    ("plans", DocumentKind::Plan),
    ("programme", DocumentKind::Plan),
    ("strategy", DocumentKind::Strategy),
    ("strategies", DocumentKind::Strategy),
    ("framework", DocumentKind::Strategy),
];

fn title_kind(title: &str) -> Option<DocumentKind> {
    let mut found = None;
    for w in title.split(|c: char| !c.is_alphanumeric()) {
        let lower = w.to_ascii_lowercase();
        if let Some((_, k)) = KIND_WORDS.iter().find(|(kw, _)| *kw == lower) {
            found = Some(*k);
        }
    }
    found
}

/// Read the top of a page (its first 8 KB) as blocks: the title's kind and
/// the cues of a progress report. Bounded, so detection stays linear.
fn head_kind(text: &str) -> Head {
    use super::blocks::{blocks, BlockKind};
    let mut cut = text.len().min(8_192);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let bs = blocks(&text[..cut]);
    let mut head = Head {
        title: None,
        progress_cues: 0,
        untitled_update: false,
        publication: None,
        address: None,
        page_address: None,
        plan_cues: 0,
    };
    let mut addressed = false;
    let mut top = true;
    let mut first = true;
    for b in &bs {
        if b.kind == BlockKind::Furniture {
            // "Publication - Progress report", "Publication - Strategy/plan".
            let lower = b.text.to_ascii_lowercase();
            if !addressed {
                addressed = true;
                if let Some((address, page)) = address_kinds(&lower) {
                    head.address = address;
                    head.page_address = page;
                }
            }
            if let Some(t) = lower.strip_prefix("publication - ") {
                head.publication = title_kind(t);
            }
            continue;
        }
        let lower = b.text.to_ascii_lowercase();
        if is_plan_block(b) {
            head.plan_cues += 1;
        }
        if top && b.kind == BlockKind::Heading && head.title.is_none() {
            head.title = title_kind(b.text);
        } else if first && b.kind == BlockKind::Paragraph {
            head.untitled_update = ["update", "progress"].iter().any(|w| lower.contains(w));
        }
        first = false;
        top &= b.kind == BlockKind::Heading;
        let status_field =
            b.kind == BlockKind::Field && b.label.is_some_and(|l| l.eq_ignore_ascii_case("status"));
        // "… Progress Report", "Progress to November 2022", "Progress update".
        let progress_heading = b.kind == BlockKind::Heading
            && (lower.ends_with("progress report")
                || lower.split_whitespace().next() == Some("progress"));
        let commitment_progress =
            b.kind == BlockKind::Numbered && b.label.is_some() && lower.ends_with(" progress");
        let status_column = b.kind == BlockKind::HeaderCell && lower.ends_with("status");
        if status_field || progress_heading || commitment_progress || status_column {
            head.progress_cues += 1;
        }
    }
    if head.title.is_some() {
        head.untitled_update = false;
    }
    head
}

/// The kinds a page's address names, where the line is one
/// (`https://…`): that of its whole path, and that of its page part (what
/// follows "/pages/"), each the last kind word found, as for a title.
fn address_kinds(lower: &str) -> Option<(Option<DocumentKind>, Option<DocumentKind>)> {
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    if rest.contains(char::is_whitespace) {
        return None;
    }
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    let page = path.split_once("/pages/").map(|(_, p)| title_kind(p));
    Some((title_kind(path), page.flatten()))
}

/// Whether a block is a sign of a plan: a labelled action ("Action 3: …",
/// "Commitment 4", "Action: …"), a lead, partners or timescale field, or a
/// table header naming actions.
fn is_plan_block(b: &super::blocks::Block<'_>) -> bool {
    use super::blocks::BlockKind;
    let label = b.label.map(str::to_ascii_lowercase).unwrap_or_default();
    let words: Vec<&str> = label.split(|c: char| !c.is_alphanumeric()).collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    match b.kind {
        BlockKind::Numbered => b
            .label
            .and_then(super::blocks::label_role)
            .is_some_and(|r| {
                r == super::blocks::LabelRole::Action
                    && !label.starts_with("milestone")
                    && label != "ref"
            }),
        BlockKind::Field => has(&[
            "action",
            "lead",
            "leads",
            "partners",
            "timescale",
            "timescales",
            "responsible",
            "deadline",
        ]),
        BlockKind::HeaderCell => b.cells.iter().any(|c| {
            c.split(|x: char| !x.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("action") || w.eq_ignore_ascii_case("actions"))
        }),
        _ => false,
    }
}

fn has_status_words(lower: &str) -> bool {
    [
        "on track",
        "at risk",
        "off track",
        "delivered",
        "completed",
        "missed",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether a line is a priority heading ("Priority 10", "Priority 1: title").
fn is_priority_heading(lower: &str) -> bool {
    lower
        .strip_prefix("priority ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a line lists outcome numbers ("Outcomes: 1, 2, 3").
fn is_outcome_list(lower: &str) -> bool {
    lower
        .strip_prefix("outcomes:")
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a line starts with a three-part action number ("10.1.1 ").
fn is_action_number(t: &str) -> bool {
    let Some(first) = t.split_whitespace().next() else {
        return false;
    };
    let parts: Vec<&str> = first.trim_end_matches(['.', ':']).split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DocumentKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<DocumentKind, Error> {
        match s {
            "json" => Ok(DocumentKind::Json),
            "plan" | "delivery-plan" => Ok(DocumentKind::Plan),
            "strategy" => Ok(DocumentKind::Strategy),
            "progress" | "progress-report" => Ok(DocumentKind::Progress),
            _ => Err(Error::UnknownKind {
                what: "document kind (json, plan, strategy or progress)",
                value: s.to_owned(),
            }),
        }
    }
}

/// Read a document of the given kind, or of the kind [`DocumentKind::detect`]
/// tells, into the one [`ParseResult`] shape (a progress report fills its
/// `report`, the others its `strategy`). Text parsers never fail (what they
/// cannot place is reported); only canonical JSON can fail, with a typed [`Error`].
///
/// ```
/// use stratagraph::parse::parse_document;
/// let text = include_str!("../../../examples/data/scotland-mhws-delivery-plan-2023-2025-priority-10.txt");
/// let plan = parse_document(text, None)?;
/// assert!(plan.strategy.contains("action:10.4.2") && plan.report.is_empty());
/// # Ok::<(), stratagraph::Error>(())
/// ```
///
/// Text that [looks like JSON](looks_like_json) read as a text kind (asked
/// for, or a JSON array, which no canonical document is) has a
/// `json_as_text` error diagnostic saying so and how to read it as JSON:
///
/// ```
/// use stratagraph::parse::{parse_document, DocumentKind};
/// let json = "{\"format\": \"stratagraph\", \"version\": 1, \"nodes\": []}";
/// let read = parse_document(json, Some(DocumentKind::Plan))?;
/// assert!(read.diagnostics.iter().any(|d| d.code == "json_as_text"));
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn parse_document(text: &str, kind: Option<DocumentKind>) -> Result<ParseResult, Error> {
    match kind {
        Some(kind) => read_as(text, kind, Chosen::Asked),
        None => read_as(text, DocumentKind::detect(text), Chosen::Content),
    }
}

/// Read a file's text: [`parse_document`], the kind (unless `kind` is
/// given) told by the file's name and content together
/// ([`DocumentKind::of_file`]). A file named `.txt` that holds JSON is read
/// as text, with a `json_as_text` error diagnostic naming the file and how
/// to read it as JSON; the command line reads every file through it.
///
/// ```
/// use stratagraph::parse::parse_file;
/// let json = "{\"format\": \"stratagraph\", \"version\": 1, \"nodes\": []}";
/// let read = parse_file("plan.txt", json, None)?;
/// let d = read.diagnostics.iter().find(|d| d.code == "json_as_text").unwrap();
/// assert!(d.message.contains("plan.txt") && d.message.contains("import --from json"));
/// assert!(parse_file("plan.json", json, None)?.diagnostics.is_empty());
/// # Ok::<(), stratagraph::Error>(())
/// ```
pub fn parse_file(
    name: &str,
    text: &str,
    kind: Option<DocumentKind>,
) -> Result<ParseResult, Error> {
    match kind {
        Some(kind) => read_as(text, kind, Chosen::Asked),
        None => read_as(text, DocumentKind::of_file(name, text), Chosen::Name(name)),
    }
}

/// What chose the kind a document is read as.
#[derive(Clone, Copy)]
enum Chosen<'a> {
    /// The caller (`--kind`, the `kind` argument).
    Asked,
    /// The file's name (and its content where the name leaves it open).
    Name(&'a str),
    /// The content alone.
    Content,
}

fn read_as(text: &str, kind: DocumentKind, chosen: Chosen<'_>) -> Result<ParseResult, Error> {
    let mut result = match kind {
        DocumentKind::Json => return Ok(ParseResult::new(Strategy::from_json(text)?)),
        DocumentKind::Plan => parse_delivery_plan(text),
        DocumentKind::Strategy => parse_strategy(text),
        DocumentKind::Progress => parse_progress_report(text),
    };
    if looks_like_json(text) {
        result
            .diagnostics
            .insert(0, json_as_text(text, kind, chosen));
    }
    if found_nothing(text, &result) {
        result.diagnostics.push(no_structure(&result));
    }
    Ok(result)
}

/// The `json_as_text` error of text that looks like JSON read as `kind`:
/// why it was read as text, and how to read it as JSON.
fn json_as_text(text: &str, kind: DocumentKind, chosen: Chosen<'_>) -> Diagnostic {
    let first = json_body(text).chars().next().unwrap_or('{');
    let why = match chosen {
        Chosen::Asked => format!("the kind asked for is {kind}"),
        Chosen::Name(name) if name_says(name) == Some(Named::Text) => {
            format!("the file's name ({name}) says it is text")
        }
        _ => "canonical JSON is an object (it starts with `{`), not an array".to_owned(),
    };
    let file = match chosen {
        Chosen::Name(name) if name != "-" => name,
        _ => "FILE",
    };
    Diagnostic::new(
        "json_as_text",
        Severity::Error,
        format!(
            "the content looks like JSON (it starts with `{first}`) but was read as text, \
             as a {kind}, because {why}; to read it as JSON, run \
             `stratagraph import --from json {file}` or name the file .json \
             (`Strategy::from_json` in Rust, `Strategy.from_json` in Python, \
             `Strategy.fromJson` in JavaScript)"
        ),
    )
    .at(1, Some(1))
}

/// Whether every line of `text` that is not blank was skipped as page
/// furniture or left unclassified (an empty text included): nothing of it is
/// in the model.
fn found_nothing(text: &str, result: &ParseResult) -> bool {
    let lines: Vec<bool> = text.lines().map(|l| !l.trim().is_empty()).collect();
    let mut placed = vec![false; lines.len()];
    for l in result.skipped.iter().chain(&result.unclassified) {
        if let Some(p) = l.line.checked_sub(1).and_then(|i| placed.get_mut(i)) {
            *p = true;
        }
    }
    result.report.is_empty()
        && lines
            .iter()
            .zip(&placed)
            .all(|(&content, &placed)| !content || placed)
}

/// The `no_structure` error of a text in which nothing was found: an empty
/// file, one of only page furniture, or lines none of which is understood.
/// A wrong file is then an error for `validate`, not a pass.
fn no_structure(result: &ParseResult) -> Diagnostic {
    let what = match (result.skipped.len(), result.unclassified.len()) {
        (0, 0) => "the document is empty".to_owned(),
        (skipped, 0) => format!("the document has only page furniture ({skipped} lines skipped)"),
        (skipped, unclassified) => format!(
            "none of its lines is understood ({unclassified} unclassified, {skipped} skipped)"
        ),
    };
    Diagnostic::new(
        "no_structure",
        Severity::Error,
        format!("no structure found: {what}; is this the right file?"),
    )
    .at(1, Some(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_names_the_page() {
        assert_eq!(
            address_kinds("https://www.gov.scot/publications/open-government-action-plan/pages/progress-to-november-2022/"),
            Some((Some(DocumentKind::Progress), Some(DocumentKind::Progress)))
        );
        assert_eq!(
            address_kinds("https://www.gov.wales/some-strategy-self-assessment-report-html"),
            Some((Some(DocumentKind::Progress), None))
        );
        assert_eq!(address_kinds("open government licence v3.0"), None);
        assert_eq!(address_kinds("https://a.b/c d"), None);
        // A plan's title over a page of progress: a report.
        let page = "https://www.gov.scot/publications/action-plan/pages/progress-to-november-2022/\n\nOpen Government Action Plan\n\nWhat happened in the year.\n";
        assert_eq!(DocumentKind::detect_text(page), DocumentKind::Progress);
        let page = "https://www.gov.scot/publications/action-plan/pages/health/\n\nOpen Government Action Plan\n\nWhat we will do.\n";
        assert_eq!(DocumentKind::detect_text(page), DocumentKind::Plan);
    }
}
