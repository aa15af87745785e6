//! Headline progress counts in prose: "There are 25 (73%) on track, 7 (21%)
//! at risk and 2 (6%) off track", "Out of the 50 Actions in the plan, 22 are
//! completed and with the remaining 28 progressing well towards completion",
//! "more than 200 specific commitments", "we will have delivered more than 90%
//! of our commitments".
//!
//! [`headline_counts`] reads every such sentence of a text into typed counts
//! per group ([`CountGroup`]): the group as written ("Actions in the plan"),
//! its total when stated, and one [`StatusCount`] per status with the status
//! words as written, the [`Status`] they are when they are the words of that
//! vocabulary ("on track", "completed"; "progressing well towards completion"
//! is kept as written and maps to none), the value (exact, or approximate with
//! its words: "more than 200") and the percentage printed beside it.
//!
//! It then checks them: a percentage that does not fit its count and the
//! total (or the sum of the group's counts, when their percentages make 100),
//! percentages that add up to more than 100, and counts that add up to more
//! than the stated total (or to less, when a sentence speaks of "the
//! remaining" ones) are reported. Counts with no group on consecutive lines
//! ("• 24% (21) complete", "• 49% (44) on track") are one list; a bare number of
//! things inside a bullet describes the item, not the document ("- 65 projects"),
//! so it is no total.
//!
//! | code | severity | what |
//! |---|---|---|
//! | `count_percent_mismatch` | warning | a count's percentage is not its share of the total |
//! | `count_percents_over_100` | warning | a group's percentages add up to more than 100 |
//! | `count_total_mismatch` | warning | a group's counts add up to more than its total, or "the remaining" do not make it up |
//! | `count_rows_mismatch` | warning | a count of a status is not the number of the report's rows in it ([`counts_against_rows`]) |
//!
//! A count is a number (digits, "1,200", or a word from "one" to "twenty"), a
//! percentage ("73%", "73 per cent") or either after a qualifier ("more than",
//! "over", "fewer than", "less than", "under", "about", "around",
//! "approximately", "nearly", "almost", "at least", "up to"), followed by a
//! status ("25 (73%) on track", "24% (21) complete", "22 are completed",
//! "28 progressing well …"),
//! or preceded by a status verb ("delivered more than 90% of our
//! commitments"). A total is a count of a group noun (actions, commitments,
//! recommendations, deliverables, milestones, measures, targets, indicators,
//! objectives, projects, activities, initiatives, pledges) with no status
//! ("Out of the 50 Actions in the plan"). Money ("£29 million"), years and
//! numbers of anything else ("Over 58,000 users") are not counts.
//!
//! ```
//! use stratagraph::parse::counts::headline_counts;
//! use stratagraph::progress::Status;
//!
//! let found = headline_counts("There are 25 (73%) on track, 7 (21%) at risk and 2 (6%) off track.");
//! let g = &found.groups[0];
//! let rows: Vec<_> = g.counts.iter().map(|c| (c.words.as_str(), c.status, c.value.exact(), c.percent)).collect();
//! assert_eq!(rows, [
//!     ("on track", Some(Status::OnTrack), Some(25), Some(73.0)),
//!     ("at risk", Some(Status::AtRisk), Some(7), Some(21.0)),
//!     ("off track", Some(Status::OffTrack), Some(2), Some(6.0)),
//! ]);
//! assert!(found.diagnostics.is_empty());
//! ```

use serde::{Deserialize, Serialize};

use super::source_lines;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::SourceSpan;
use crate::progress::{normalise_words, Status};

/// How a count is qualified.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// Exactly this number ("22").
    Exact,
    /// More than it ("more than 200", "over 90%").
    MoreThan,
    /// Less than it ("fewer than 10", "under 5%").
    LessThan,
    /// About it ("around 30", "approximately 40%").
    About,
    /// Nearly it ("nearly 50", "almost 90%").
    Nearly,
    /// At least it.
    AtLeast,
    /// At most it ("up to 20").
    UpTo,
}

/// Whether a count is of items or a percentage of them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountUnit {
    /// A number of items ("22").
    Items,
    /// A percentage of the group ("90%").
    Percent,
}

/// A value as the text states it: a number, what it counts, how it is
/// qualified, and its words.
///
/// ```
/// use stratagraph::parse::counts::{headline_counts, Bound, CountUnit};
/// let g = &headline_counts("One Wales set out more than 200 specific commitments.").groups[0];
/// let total = g.total.as_ref().unwrap();
/// assert_eq!((total.number, total.unit, total.bound), (200.0, CountUnit::Items, Bound::MoreThan));
/// assert_eq!((total.as_written(), total.exact()), ("more than 200", None));
/// ```
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountValue {
    /// The number.
    pub number: f64,
    /// Items or a percentage.
    pub unit: CountUnit,
    /// Exact or qualified.
    pub bound: Bound,
    /// The words of the text ("more than 200", "73%", "seven").
    pub text: String,
}

impl CountValue {
    /// The number, when it is an exact whole number of items.
    pub fn exact(&self) -> Option<u64> {
        let whole = self.number.fract() == 0.0 && self.number >= 0.0 && self.number < 1e15;
        (self.bound == Bound::Exact && self.unit == CountUnit::Items && whole)
            .then_some(self.number as u64)
    }

    /// The words of the text.
    pub fn as_written(&self) -> &str {
        &self.text
    }
}

/// One status of a group and how many are in it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusCount {
    /// The status words as written, in lower case ("on track",
    /// "progressing well towards completion", "delivered").
    pub words: String,
    /// The status the words are, when they are the words of the vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// How many.
    pub value: CountValue,
    /// The percentage printed beside the count ("25 (73%)"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
}

/// The counts of one group: what is counted, the total when stated, and a
/// count per status.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CountGroup {
    /// What is counted, as written ("Actions in the plan"), when the text names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The total, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<CountValue>,
    /// One count per status, in the order written.
    #[serde(default)]
    pub counts: Vec<StatusCount>,
    /// Where the first sentence of the group is.
    pub span: SourceSpan,
}

/// What [`headline_counts`] gives: the groups, and the diagnostics of the checks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HeadlineCounts {
    /// The groups, in the order of their first sentence.
    pub groups: Vec<CountGroup>,
    /// Where counts disagree with their percentages or totals.
    pub diagnostics: Vec<Diagnostic>,
}

/// Nouns that name what a plan or report counts.
const GROUP_NOUNS: &[&str] = &[
    "action",
    "actions",
    "commitment",
    "commitments",
    "recommendation",
    "recommendations",
    "deliverable",
    "deliverables",
    "milestone",
    "milestones",
    "measure",
    "measures",
    "target",
    "targets",
    "indicator",
    "indicators",
    "objective",
    "objectives",
    "project",
    "projects",
    "activity",
    "activities",
    "initiative",
    "initiatives",
    "pledge",
    "pledges",
];

/// Words that begin a status that is not of the [`Status`] vocabulary.
const PROGRESS_WORDS: &[&str] = &[
    "progressing",
    "in progress",
    "underway",
    "under way",
    "ongoing",
    "on hold",
    "paused",
    "delayed",
    "achieved",
    "partially",
    "met",
    "not met",
    "behind schedule",
    "ahead of schedule",
    "on schedule",
    "green",
    "amber",
    "red",
];

/// Words that qualify a status written right before them ("completed ongoing").
const COMPOUND_STATUS_ENDS: &[&str] = &["ongoing", "underway"];

/// Status verbs that may come before a count ("delivered more than 90% of …").
const STATUS_VERBS: &[&str] = &["delivered", "completed", "achieved", "met", "implemented"];

const QUALIFIERS: &[(&str, Bound)] = &[
    ("more than", Bound::MoreThan),
    ("over", Bound::MoreThan),
    ("in excess of", Bound::MoreThan),
    ("fewer than", Bound::LessThan),
    ("less than", Bound::LessThan),
    ("under", Bound::LessThan),
    ("about", Bound::About),
    ("around", Bound::About),
    ("approximately", Bound::About),
    ("roughly", Bound::About),
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("at least", Bound::AtLeast),
    ("up to", Bound::UpTo),
];

/// What a word written in letters counts: a number ("one" to "twenty"), or a
/// proportion ("all", "half", "most", "none", "majority", "minority"; see
/// [`PROPORTIONS`]). A match on the lower-cased bytes: this runs on every word
/// of every line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Counted {
    Number(u8),
    Proportion,
}

#[inline(always)]
fn counted_word(word: &[u8]) -> Option<Counted> {
    const LONGEST: usize = "seventeen".len();
    // Their first letters and lengths: most words are rejected here.
    let plausible = match word.first().map(|c| c | 0x20) {
        Some(b'e' | b'f' | b'n' | b'o' | b's' | b't') => (3..=LONGEST).contains(&word.len()),
        Some(b'a') => word.len() == 3,
        Some(b'h') => word.len() == 4,
        Some(b'm') => word.len() == 4 || word.len() == 8,
        _ => false,
    };
    if !plausible {
        return None;
    }
    let mut buf = [0u8; LONGEST];
    for (to, from) in buf.iter_mut().zip(word) {
        *to = from.to_ascii_lowercase();
    }
    Some(Counted::Number(match &buf[..word.len()] {
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"all" | b"half" | b"most" | b"none" | b"majority" | b"minority" => {
            return Some(Counted::Proportion)
        }
        _ => return None,
    }))
}

/// The value of a number written as a word, "one" to "twenty" in any case.
#[inline]
fn number_word_value(word: &[u8]) -> Option<u8> {
    match counted_word(word)? {
        Counted::Number(n) => Some(n),
        Counted::Proportion => None,
    }
}

const COPULAS: &[&str] = &[
    "are",
    "is",
    "were",
    "was",
    "have",
    "has",
    "been",
    "being",
    "remain",
    "remains",
    "now",
    "currently",
    "still",
    "already",
    "rated",
    "reported",
    "as",
    "assessed",
    "will",
    "be",
];

/// Words that end a participle's status phrase ("reviewed and refreshed | as
/// part of the redraft", "completed | including …").
const CLAUSE_ENDS: &[&str] = &[
    "as",
    "to",
    "under",
    "including",
    "where",
    "because",
    "since",
    "so",
    "due",
    "following",
    "although",
    "though",
    "however",
];

/// Past participles that report an item's progress ("have been progressed",
/// "will be taken forward"); other verbs after an auxiliary say something else
/// about the items ("were evaluated", "have been identified").
const PROGRESS_PARTICIPLES: &[&str] = &[
    "progressed",
    "completed",
    "delivered",
    "implemented",
    "achieved",
    "started",
    "begun",
    "reviewed",
    "refreshed",
    "revised",
    "taken",
    "paused",
    "delayed",
    "superseded",
    "withdrawn",
    "closed",
    "merged",
    "launched",
    "initiated",
    "stopped",
    "discontinued",
    "deferred",
    "postponed",
    "rescheduled",
    "replaced",
];

const DETERMINERS: &[&str] = &[
    "the", "our", "these", "its", "their", "this", "all", "those",
];

/// Words that end a status phrase.
const CONJUNCTIONS: &[&str] = &[
    "and", "but", "while", "whilst", "with", "whereas", "or", "by", "of", "which", "that",
];

/// A token of a sentence: a word or number (with its byte range in the source)
/// or one punctuation character.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// A number in digits or in words ("7", "seven"), found once when the
    /// token is made (every value starts from one).
    number: bool,
    /// A word that may begin a proportion ("all", "majority"), found with `number`.
    proportion: bool,
}

impl Tok<'_> {
    fn is(&self, s: &str) -> bool {
        self.text.eq_ignore_ascii_case(s)
    }

    fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphabetic)
    }

    fn is_digit(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }

    fn is_number(&self) -> bool {
        self.number
    }
}

/// Words (letters, with inner apostrophes and hyphens), numbers (digits, inner
/// commas and full stops followed by digits, a trailing `%`) and single
/// punctuation characters, with byte offsets from `base`, appended to `out`.
///
/// One pass over the characters with a one-character lookahead: no copy of the
/// line (this runs on every line of every document).
fn tokens<'a>(text: &'a str, base: usize, out: &mut Vec<Tok<'a>>) {
    let mut chars = text.char_indices().peekable();
    // The character after the next one, for "inner" characters ("1,000", "don't").
    let second = |i: usize| text.get(i..).and_then(|rest| rest.chars().nth(1));
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    chars.next();
                } else if matches!(d, ',' | '.') && second(j).is_some_and(|n| n.is_ascii_digit()) {
                    chars.next();
                    chars.next();
                } else {
                    break;
                }
            }
            if chars.peek().is_some_and(|&(_, d)| d == '%') {
                chars.next();
            }
        } else if c.is_alphabetic() {
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() {
                    chars.next();
                } else if matches!(d, '\'' | '’' | '-')
                    && second(j).is_some_and(char::is_alphabetic)
                {
                    chars.next();
                    chars.next();
                } else {
                    break;
                }
            }
        }
        let end = chars.peek().map_or(text.len(), |&(j, _)| j);
        let word = &text[i..end];
        // Digits with two full stops are a section number ("10.1.2"), never a value.
        let (number, proportion) = if c.is_ascii_digit() {
            (word.bytes().filter(|&b| b == b'.').count() <= 1, false)
        } else {
            match counted_word(word.as_bytes()) {
                Some(Counted::Number(_)) => (true, false),
                Some(Counted::Proportion) => (false, true),
                None => (false, false),
            }
        };
        out.push(Tok {
            text: word,
            start: base + i,
            end: base + end,
            number,
            proportion,
        });
    }
}

/// Whether a line may hold a value: digits with at most one full stop (as
/// the tokens join them: "1,000", "2.5", not "10.1.2"), or a run of ASCII
/// letters that is a number word. A cheap byte scan that never says no to a
/// line whose tokens hold a number, so the lines without one (most lines of a
/// plan) are not tokenised.
fn may_hold_number(line: &str) -> bool {
    let b = line.as_bytes();
    let mut k = 0;
    while k < b.len() {
        if !b[k].is_ascii_digit() {
            k += 1;
            continue;
        }
        let start = k;
        let mut stops = 0;
        k += 1;
        while k < b.len() {
            if b[k].is_ascii_digit() {
                k += 1;
            } else if matches!(b[k], b'.' | b',') && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
                stops += usize::from(b[k] == b'.');
                k += 2;
            } else {
                break;
            }
        }
        if stops <= 1
            && !(is_year(&line[start..k]) && b.get(k) != Some(&b'%') && !after_qualifier(b, start))
        {
            return true;
        }
    }
    b.split(|c| !c.is_ascii_alphabetic())
        .any(|run| counted_word(run).is_some())
}

/// A bare four-digit number from 1900 to 2100: a year, which is a value only
/// as a percentage or after a qualifier ("over 2000").
fn is_year(digits: &str) -> bool {
    digits.len() == 4
        && digits
            .parse::<u16>()
            .is_ok_and(|n| (1900..=2100).contains(&n))
}

/// Whether the word before byte `at` may be the last word of a qualifier ("more
/// than", "over"): yes where the bytes before are not plain ASCII.
fn after_qualifier(b: &[u8], at: usize) -> bool {
    // The white space the tokens skip, as bytes (U+0009 to U+000D and space).
    let end = b[..at]
        .iter()
        .rposition(|&c| !matches!(c, 9..=13 | b' '))
        .map_or(0, |p| p + 1);
    let before = &b[..end];
    let word_start = before
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    let word = &before[word_start..];
    if word.is_empty() {
        // Punctuation or the line's start is no qualifier; other bytes may be
        // a word the tokens read differently.
        return before.last().is_some_and(|c| !c.is_ascii());
    }
    before
        .get(word_start.wrapping_sub(1))
        .is_some_and(|c| !c.is_ascii())
        || QUALIFIERS.iter().any(|(q, _)| {
            q.rsplit(' ')
                .next()
                .is_some_and(|last| last.as_bytes().eq_ignore_ascii_case(word))
        })
}

/// An adverb of degree or manner: "nearly", "significantly".
fn is_adverb(t: &Tok<'_>) -> bool {
    t.is_word()
        && (t.is("almost") || (t.text.len() > 4 && t.text.to_ascii_lowercase().ends_with("ly")))
}

/// A past participle reporting progress: "progressed", "taken" (of
/// [`PROGRESS_PARTICIPLES`]).
fn is_participle(t: &Tok<'_>) -> bool {
    PROGRESS_PARTICIPLES.iter().any(|w| t.is(w))
}

/// The end (exclusive token index) of a participle's status phrase at `j`:
/// an optional adverb, a past participle, and the rest of its clause up to a
/// conjunction (unless another participle follows it), a clause word or
/// punctuation, at most eight words.
fn participle_phrase(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    let mut k = j;
    if toks.get(k).is_some_and(is_adverb) {
        k += 1;
    }
    if !toks.get(k).is_some_and(is_participle) {
        return None;
    }
    k += 1;
    while let Some(t) = toks.get(k) {
        let joined = (t.is("and") || t.is("or")) && toks.get(k + 1).is_some_and(is_participle);
        let stop = !t.is_word()
            || CLAUSE_ENDS.iter().any(|w| t.is(w))
            || (CONJUNCTIONS.iter().any(|w| t.is(w)) && !joined);
        if stop || k - j >= 8 {
            break;
        }
        k += 1;
    }
    Some(k)
}

/// Whether the tokens from `i` read as the words of `phrase` (case-insensitive):
/// the token after them. Compares in place, word by word (this runs at every
/// token of every sentence with a number).
fn phrase_at(toks: &[Tok<'_>], i: usize, phrase: &str) -> Option<usize> {
    let mut rest = phrase;
    let mut j = i;
    loop {
        let t = toks.get(j)?;
        let n = t.text.len();
        if !rest.get(..n)?.eq_ignore_ascii_case(t.text) {
            return None;
        }
        j += 1;
        match rest.as_bytes().get(n) {
            None => return Some(j),
            Some(b' ') => rest = &rest[n + 1..],
            Some(_) => return None,
        }
    }
}

/// A value at token `i` (after any qualifier): the value and the next token.
fn quantity_at(toks: &[Tok<'_>], i: usize, source: &str) -> Option<(CountValue, usize)> {
    let mut bound = Bound::Exact;
    let mut j = i;
    // A qualifier has at most three words before its number: without a number
    // that close there is no value here (the common case, checked first).
    let near = toks.get(i..toks.len().min(i + 4)).unwrap_or_default();
    if !near.iter().any(Tok::is_number) {
        return None;
    }
    for (q, b) in QUALIFIERS {
        if let Some(next) = phrase_at(toks, i, q) {
            bound = *b;
            j = next;
            break;
        }
    }
    let t = toks.get(j)?;
    if is_label_number(toks, i) {
        return None;
    }
    let (number, mut unit, mut next) = if t.is_digit() {
        let digits = t.text.trim_end_matches('%');
        if digits.matches('.').count() > 1 {
            return None;
        }
        let number: f64 = digits.replace(',', "").parse().ok()?;
        // A bare four-digit number from 1900 to 2100 is a year ("during 2010 of an action plan").
        let year = is_year(digits);
        if year && bound == Bound::Exact && !t.text.ends_with('%') {
            return None;
        }
        let unit = if t.text.ends_with('%') {
            CountUnit::Percent
        } else {
            CountUnit::Items
        };
        (number, unit, j + 1)
    } else {
        let n = number_word_value(t.text.as_bytes())?;
        (f64::from(n), CountUnit::Items, j + 1)
    };
    if !number.is_finite() {
        return None;
    }
    if unit == CountUnit::Items {
        if let Some(after) =
            phrase_at(toks, next, "per cent").or_else(|| phrase_at(toks, next, "percent"))
        {
            unit = CountUnit::Percent;
            next = after;
        }
        // Items are whole numbers; "1.4" is a section number.
        if number.fract() != 0.0 {
            return None;
        }
    }
    // Money and large round figures ("£29 million", "2 billion") are not counts.
    if toks.get(next).is_some_and(|n| {
        ["million", "billion", "thousand", "m", "bn", "k"]
            .iter()
            .any(|w| n.is(w))
    }) {
        return None;
    }
    let start = toks.get(i)?.start;
    let end = toks.get(next - 1)?.end;
    Some((
        CountValue {
            number,
            unit,
            bound,
            text: source.get(start..end).unwrap_or_default().to_owned(),
        },
        next,
    ))
}

/// Words before a number that make it a label, not a count ("stage 3", "Part 2",
/// "section 47", "Action 1").
const LABEL_WORDS: &[&str] = &[
    "stage",
    "stages",
    "part",
    "parts",
    "section",
    "sections",
    "action",
    "actions",
    "priority",
    "priorities",
    "commitment",
    "step",
    "steps",
    "phase",
    "phases",
    "chapter",
    "page",
    "pages",
    "annex",
    "table",
    "figure",
    "recommendation",
    "objective",
    "outcome",
    "outcomes",
    "level",
    "year",
    "years",
    "paragraph",
    "paragraphs",
    "article",
    "schedule",
    "clause",
    "ref",
    "no",
    "number",
    "item",
    "items",
    "point",
    "points",
    "aim",
    "pillar",
    "version",
    "a",
    "an",
];

/// Whether the number at `i` is a label or part of another figure: after a
/// label word ("stages 3 and 4"), a currency sign, a slash or dash ("2017/18"),
/// or another number.
fn is_label_number(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    if matches!(prev.text, "£" | "$" | "€" | "/" | "-" | "–" | "#") || prev.is_digit() {
        return true;
    }
    if LABEL_WORDS.iter().any(|w| prev.is(w)) {
        // "Of these new actions 6 have been completed": a plural noun, then a
        // number that is the subject of a plural verb, is a count of them.
        let subject = prev.text.ends_with('s')
            && toks
                .get(i + 1)
                .is_some_and(|t| t.is("are") || t.is("were") || t.is("have"));
        return !subject;
    }
    // A number glued to a word is part of a name: "CAFS2", "PM2.5".
    if prev.is_word() && toks.get(i).is_some_and(|t| t.start == prev.end) {
        return true;
    }
    // A capitalised word inside the sentence names the number: "CAFS 2", "Scotland 2", "Plan 24".
    if i >= 2 && prev.text.starts_with(char::is_uppercase) {
        return true;
    }
    // "stages 3 and 4", "Parts 2, 3 or 4": a number joined to a label number.
    let joined = prev.text == "," || prev.is("and") || prev.is("or") || prev.is("to");
    joined && i >= 2 && toks.get(i - 2).is_some_and(Tok::is_digit) && is_label_number(toks, i - 2)
}

/// A whole number in brackets at `j` ("(21)"): the count and the next token.
fn bracketed_count(toks: &[Tok<'_>], j: usize, source: &str) -> Option<(CountValue, usize)> {
    let (open, num, close) = (toks.get(j)?, toks.get(j + 1)?, toks.get(j + 2)?);
    if open.text != "(" || close.text != ")" || !num.is_digit() || num.text.ends_with('%') {
        return None;
    }
    let number: f64 = num.text.replace(',', "").parse().ok()?;
    (number.fract() == 0.0 && number.is_finite()).then(|| {
        (
            CountValue {
                number,
                unit: CountUnit::Items,
                bound: Bound::Exact,
                text: source
                    .get(num.start..num.end)
                    .unwrap_or_default()
                    .to_owned(),
            },
            j + 3,
        )
    })
}

/// A percentage in brackets at `j` ("(73%)"): the value and the next token.
fn bracketed_percent(toks: &[Tok<'_>], j: usize) -> Option<(f64, usize)> {
    let open = toks.get(j)?;
    let num = toks.get(j + 1)?;
    let close = toks.get(j + 2)?;
    if open.text != "(" || close.text != ")" || !num.text.ends_with('%') {
        return None;
    }
    let v: f64 = num
        .text
        .trim_end_matches('%')
        .replace(',', "")
        .parse()
        .ok()?;
    v.is_finite().then_some((v, j + 3))
}

/// A group phrase at `j`: up to two describing words, a group noun, and an
/// optional "in/of/from the plan" ("Actions in the plan", "specific
/// commitments"). Gives the words as written, the noun and the next token.
fn group_at<'a>(toks: &[Tok<'a>], j: usize, source: &'a str) -> Option<(String, String, usize)> {
    let mut k = j;
    let mut first = j;
    while toks
        .get(k)
        .is_some_and(|t| DETERMINERS.iter().any(|d| t.is(d)))
    {
        k += 1;
        first = k;
    }
    for extra in 0..3 {
        let t = toks.get(k + extra)?;
        if !t.is_word() {
            return None;
        }
        let lower = t.text.to_lowercase();
        if GROUP_NOUNS.contains(&lower.as_str()) {
            let mut end = k + extra + 1;
            // "Open Government Action Plan": the noun is part of a name.
            if toks
                .get(end)
                .is_some_and(|n| n.is_word() && n.text.starts_with(char::is_uppercase))
            {
                return None;
            }
            // "in the plan", "of the strategy", "from the report".
            if toks.get(end).is_some_and(|p| {
                ["in", "of", "from", "under", "within"]
                    .iter()
                    .any(|w| p.is(w))
            }) {
                let mut m = end + 1;
                while toks
                    .get(m)
                    .is_some_and(|t| DETERMINERS.iter().any(|d| t.is(d)))
                {
                    m += 1;
                }
                let named = toks.get(m).is_some_and(|t| {
                    t.is_word()
                        && [
                            "plan",
                            "strategy",
                            "report",
                            "programme",
                            "framework",
                            "agreement",
                        ]
                        .iter()
                        .any(|w| t.is(w))
                });
                if named {
                    end = m + 1;
                }
            }
            let words = source.get(toks[first].start..toks[end - 1].end)?.to_owned();
            let noun = lower.trim_end_matches('s').to_owned();
            return Some((words, noun, end));
        }
        let stop = COPULAS.contains(&lower.as_str())
            || CONJUNCTIONS.contains(&lower.as_str())
            || status_at(toks, k + extra, source).is_some()
            || ["to", "for", "in", "on", "at", "from", "a", "an"].contains(&lower.as_str());
        if stop {
            return None;
        }
    }
    None
}

/// A status phrase at `j`: the words (lower case), the status, the next token.
fn status_at(toks: &[Tok<'_>], j: usize, source: &str) -> Option<(String, Option<Status>, usize)> {
    let first = toks.get(j)?;
    if !first.is_word() {
        return None;
    }
    // "will be delivered" is an intention, "will be taken forward" a decision
    // the report gives: only the second is a status.
    let future = j >= 2 && toks[j - 1].is("be") && toks[j - 2].is("will");
    if future
        && toks[j..]
            .iter()
            .find(|t| !is_adverb(t))
            .is_some_and(|t| STATUS_VERBS.iter().any(|v| t.is(v)))
    {
        return None;
    }
    // "all actions being delivered": work under way, not done; the words as
    // written, with no status of the vocabulary.
    let being = j >= 1 && toks[j - 1].is("being");
    if let Some(end) = being.then(|| participle_phrase(toks, j)).flatten() {
        let words = source.get(toks[j - 1].start..toks.get(end - 1)?.end)?;
        return Some((normalise_words(words), None, end));
    }
    // The longest run of words from j (up to six) that is a status of the vocabulary.
    let mut best = None;
    for n in 1..=6 {
        let Some(last) = toks.get(j + n - 1) else {
            break;
        };
        if !last.is_word() {
            break;
        }
        let words = source.get(first.start..last.end)?;
        if let Some(s) = Status::parse(words) {
            best = Some((normalise_words(words), Some(s), j + n));
        }
    }
    if let Some((words, status, end)) = best {
        // "completed ongoing": a status qualified by a second word, one status as written.
        if let Some(t) = toks
            .get(end)
            .filter(|t| COMPOUND_STATUS_ENDS.iter().any(|w| t.is(w)))
        {
            let words = source.get(first.start..t.end)?;
            return Some((normalise_words(words), status, end + 1));
        }
        // "complete or nearly complete": a second status joined to the first.
        if toks.get(end).is_some_and(|t| t.is("or") || t.is("and")) {
            let mut k = end + 1;
            while toks.get(k).is_some_and(is_adverb) {
                k += 1;
            }
            let second = (1..=4).rev().find_map(|n| {
                let last = toks.get(k + n - 1)?;
                let words = source.get(toks.get(k)?.start..last.end)?;
                Status::parse(words).map(|_| (last.end, k + n))
            });
            if let Some((stop, next)) = second {
                let words = source.get(first.start..stop)?;
                return Some((normalise_words(words), status, next));
            }
        }
        return Some((words, status, end));
    }
    // "significantly progressed", "reviewed and refreshed", "taken forward in
    // the new strategy": a past participle (after an adverb), to the end of its
    // clause.
    // Only after an auxiliary ("have been …", "were …", "will be …"): right
    // after its noun a participle opens a clause about the group ("the 40
    // actions outlined in the strategy"), not a status.
    let auxiliary = j.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|t| {
        [
            "been", "be", "were", "was", "are", "is", "have", "has", "had",
        ]
        .iter()
        .any(|w| t.is(w))
    });
    if let Some(end) = participle_phrase(toks, j).filter(|_| auxiliary) {
        let words = source.get(first.start..toks.get(end - 1)?.end)?;
        return Some((normalise_words(words), Status::parse(words), end));
    }
    // Else a progress phrase, to the end of its clause.
    let starts = PROGRESS_WORDS
        .iter()
        .any(|p| phrase_at(toks, j, p).is_some());
    if !starts {
        return None;
    }
    let mut k = j;
    while let Some(t) = toks.get(k) {
        let lower = t.text.to_lowercase();
        // "on schedule for delivery in 2020": a year is part of the phrase.
        let year = t.is_digit() && is_year(t.text);
        if !(t.is_word() || year)
            || (k > j
                && CONJUNCTIONS.contains(&lower.as_str())
                && !PROGRESS_WORDS
                    .iter()
                    .any(|p| p.contains(' ') && phrase_at(toks, k - 1, p).is_some()))
        {
            break;
        }
        k += 1;
        if k - j >= 8 {
            break;
        }
    }
    let words = source.get(first.start..toks.get(k - 1)?.end)?;
    Some((normalise_words(words), None, k))
}

/// The most counts one group takes; a longer run of counts starts a new group.
const MAX_GROUP_COUNTS: usize = 32;

/// A sentence's counts before they join a group.
#[derive(Default)]
struct Draft {
    group: Option<(String, String)>,
    total: Option<CountValue>,
    counts: Vec<StatusCount>,
    remaining: bool,
    /// A breakdown of counts given before ("Of these 7 actions, 3 are …"):
    /// `Some(true)` when it restates their number, `Some(false)` when not
    /// ("Of these new actions …", "Of these, …").
    breakdown: Option<bool>,
    /// The second group of a sentence that names two ("In addition to the 40
    /// actions …, 9 new actions have been progressed"): a group of its own.
    split: bool,
}

/// The drafts of one sentence: the one being read, and those it has closed.
struct Drafts<'o> {
    current: Draft,
    done: &'o mut Vec<Draft>,
}

impl Drafts<'_> {
    /// Name the current draft's group; a second group with other words, once
    /// the draft has counts, opens a draft of its own.
    fn name(&mut self, words: String, noun: String) {
        let d = &mut self.current;
        match &d.group {
            None => d.group = Some((words, noun)),
            Some((w, _))
                if d.breakdown.is_none()
                    && (d.total.is_some() || !d.counts.is_empty())
                    && !w.eq_ignore_ascii_case(&words)
                    && normalise_words(w) != normalise_words(&words) =>
            {
                let closed = std::mem::take(d);
                self.done.push(closed);
                self.current.group = Some((words, noun));
                self.current.split = true;
            }
            Some(_) => {}
        }
    }
}

/// Proportions written in words, before "of" and a group ("the majority of
/// commitments", "all actions"): the words, the percentage and its bound.
const PROPORTIONS: &[(&str, f64, Bound)] = &[
    ("the vast majority", 50.0, Bound::MoreThan),
    ("the majority", 50.0, Bound::MoreThan),
    ("a majority", 50.0, Bound::MoreThan),
    ("a minority", 50.0, Bound::LessThan),
    ("most", 50.0, Bound::MoreThan),
    ("half", 50.0, Bound::Exact),
    ("all", 100.0, Bound::Exact),
    ("none", 0.0, Bound::Exact),
];

/// A proportion in words at `i` ("The majority of", "all"): the value (a
/// percentage, with the words as written) and the token after it and its
/// "of" and determiners. Not before a number ("all 40 actions" is a count).
fn proportion_at(toks: &[Tok<'_>], i: usize, source: &str) -> Option<(CountValue, usize)> {
    // The word that says the proportion ("all", "the majority", "the vast
    // majority"), checked first by its flag: this runs at every word of a
    // sentence with a number.
    if !toks
        .get(i..toks.len().min(i + 3))
        .is_some_and(|near| near.iter().any(|t| t.proportion))
    {
        return None;
    }
    let t = toks.get(i)?;
    let (number, bound, mut next) = PROPORTIONS
        .iter()
        .find_map(|(p, n, b)| phrase_at(toks, i, p).map(|next| (*n, *b, next)))?;
    let text = source.get(t.start..toks.get(next - 1)?.end)?.to_owned();
    if toks.get(next).is_some_and(|t| t.is("of")) {
        next += 1;
    }
    while toks
        .get(next)
        .is_some_and(|t| DETERMINERS.iter().any(|d| t.is(d)))
    {
        next += 1;
    }
    if toks.get(next).is_some_and(Tok::is_number) {
        return None;
    }
    Some((
        CountValue {
            number,
            unit: CountUnit::Percent,
            bound,
            text,
        },
        next,
    ))
}

/// Words after "N actions" that are no verb of their own: prepositions, and
/// participles that describe the group ("set out in the plan").
const NOT_A_VERB: &[&str] = &[
    "in",
    "across",
    "within",
    "under",
    "over",
    "for",
    "to",
    "from",
    "on",
    "at",
    "by",
    "with",
    "into",
    "through",
    "throughout",
    "between",
    "among",
    "about",
    "against",
    "per",
    "including",
    "set",
    "put",
    "laid",
    "made",
    "taken",
    "given",
    "shown",
    "each",
    "overall",
    "altogether",
    "total",
    "a",
    "an",
    "which",
    "that",
    "who",
];

/// "4 actions contain two distinct elements at different stages of
/// completion, …": after a count of a group that opens its sentence, a verb
/// of its own says what those items are; the end of its clause (at
/// punctuation, at most twelve words).
fn category_clause(toks: &[Tok<'_>], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    let lower = t.text.to_ascii_lowercase();
    let verb = t.is_word()
        && t.text.starts_with(char::is_lowercase)
        && !lower.ends_with("ed")
        && ![COPULAS, CONJUNCTIONS, DETERMINERS, CLAUSE_ENDS, NOT_A_VERB]
            .iter()
            .any(|list| list.contains(&lower.as_str()));
    if !verb {
        return None;
    }
    let mut end = k + 1;
    while toks.get(end).is_some_and(|t| t.is_word() || t.is_digit()) && end - k < 12 {
        end += 1;
    }
    Some(end)
}

/// Read one sentence's counts: a draft per group it names, appended to `out`.
fn read_sentence(toks: &[Tok<'_>], source: &str, out: &mut Vec<Draft>) {
    let mut ds = Drafts {
        current: Draft::default(),
        done: out,
    };
    let mut i = 0;
    // Whether a word of the sentence may begin a proportion (most have none).
    let proportions = toks.iter().any(|t| t.proportion);
    // "Of these 7 actions, 3 are …", "Of these new actions 6 have …", "Of
    // these, …": a breakdown of counts given before.
    if toks.first().is_some_and(|t| t.is("of"))
        && toks.get(1).is_some_and(|t| t.is("these") || t.is("those"))
    {
        let restated = quantity_at(toks, 2, source).map(|(_, next)| next);
        let k = restated.unwrap_or(2);
        if let Some((_, noun, next)) = group_at(toks, k, source) {
            let words = source
                .get(toks[1].start..toks[next - 1].end)
                .unwrap_or_default()
                .to_owned();
            ds.current.group = Some((words, noun));
            i = next;
        } else if restated.is_none() {
            i = 2;
        }
        if i > 0 {
            ds.current.breakdown = Some(restated.is_some());
        }
    }
    while i < toks.len() {
        let d = &mut ds.current;
        if toks[i].is("remaining") || (toks[i].is("rest") && i > 0 && toks[i - 1].is("the")) {
            d.remaining = true;
        }
        let Some((value, mut j)) = quantity_at(toks, i, source) else {
            // "The majority of commitments are on track", "all actions being
            // delivered": a proportion in words, a count only with its group and status.
            let counted = proportions
                .then(|| proportion_at(toks, i, source))
                .flatten();
            let counted = counted.and_then(|(value, next)| {
                let (words, noun, after) = group_at(toks, next, source)?;
                let mut k = after;
                while toks.get(k).is_some_and(|t| COPULAS.iter().any(|c| t.is(c))) {
                    k += 1;
                }
                let (status_words, status, end) = status_at(toks, k, source)?;
                Some((value, words, noun, status_words, status, end))
            });
            match counted {
                Some((value, words, noun, status_words, status, end)) => {
                    ds.name(words, noun);
                    ds.current.counts.push(StatusCount {
                        words: status_words,
                        status,
                        value,
                        percent: None,
                    });
                    i = end;
                }
                None => i += 1,
            }
            continue;
        };
        // A status verb before: "delivered more than 90% of our commitments".
        let verb = i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .filter(|t| STATUS_VERBS.iter().any(|v| t.is(v)));
        let mut value = value;
        let mut percent = bracketed_percent(toks, j).map(|(v, next)| {
            j = next;
            v
        });
        // "24% (21) complete": the percentage first, the count in brackets.
        if let (CountUnit::Percent, Bound::Exact, Some((count, next))) =
            (value.unit, value.bound, bracketed_count(toks, j, source))
        {
            percent = Some(value.number);
            value = count;
            j = next;
        }
        // "22 of the 50 actions", "90% of our commitments", "25 actions".
        let mut total = None;
        // "all five of the commitments": a count of a group with no status is its total.
        let mut of_group = false;
        if toks.get(j).is_some_and(|t| t.is("of")) {
            let mut k = j + 1;
            while toks
                .get(k)
                .is_some_and(|t| DETERMINERS.iter().any(|w| t.is(w)))
            {
                k += 1;
            }
            if let Some((tv, after)) = quantity_at(toks, k, source) {
                if let Some((words, noun, next)) = group_at(toks, after, source) {
                    total = Some(tv);
                    ds.name(words, noun);
                    j = next;
                }
            } else if let Some((words, noun, next)) = group_at(toks, j + 1, source) {
                ds.name(words, noun);
                j = next;
                of_group = true;
            }
        } else if let Some((words, noun, next)) = group_at(toks, j, source) {
            // A count of the group: a status may follow ("25 actions are on track"), else it is the total.
            let mut k = next;
            let _ = bracketed_percent(toks, k).map(|(_, n)| k = n);
            while toks.get(k).is_some_and(|t| COPULAS.iter().any(|c| t.is(c))) {
                k += 1;
            }
            if let (None, Some(_)) = (verb, status_at(toks, k, source)) {
                ds.name(words, noun);
                j = next;
            } else if verb.is_none() && value.unit == CountUnit::Percent {
                // "a 20% target" is not a total.
                i = next;
                continue;
            } else if let Some(end) = (i == 0 && verb.is_none())
                .then(|| category_clause(toks, k))
                .flatten()
            {
                // "4 actions contain two distinct elements …": the clause is what they are.
                ds.name(words, noun);
                let status_words = source
                    .get(toks[next].start..toks[end - 1].end)
                    .map(normalise_words)
                    .unwrap_or_default();
                ds.current.counts.push(StatusCount {
                    words: status_words,
                    status: None,
                    value,
                    percent,
                });
                i = end;
                continue;
            } else if verb.is_none() {
                ds.name(words, noun);
                if ds.current.total.is_none() {
                    ds.current.total = Some(value);
                }
                i = next;
                continue;
            } else {
                ds.name(words, noun);
                j = next;
            }
        }
        if let Some(t) = total {
            ds.current.total.get_or_insert(t);
        }
        if let Some(v) = verb {
            let words = normalise_words(v.text);
            ds.current.counts.push(StatusCount {
                status: Status::parse(&words),
                words,
                value,
                percent,
            });
            i = j.max(i + 1);
            continue;
        }
        let mut k = j;
        let _ = bracketed_percent(toks, k).map(|(_, n)| k = n);
        while toks.get(k).is_some_and(|t| COPULAS.iter().any(|c| t.is(c))) {
            k += 1;
        }
        match status_at(toks, k, source) {
            Some((words, status, next)) => {
                ds.current.counts.push(StatusCount {
                    words,
                    status,
                    value,
                    percent,
                });
                i = next;
            }
            None => {
                if of_group && value.unit == CountUnit::Items && ds.current.total.is_none() {
                    ds.current.total = Some(value);
                }
                i = j.max(i + 1);
            }
        }
    }
    ds.done.push(ds.current);
}

/// The column (1-based, in characters) of byte `at` in `source`.
fn column_of(source: &str, at: usize) -> usize {
    let line_start = source
        .get(..at)
        .and_then(|s| s.rfind(['\n', '\r']).map(|p| p + 1))
        .unwrap_or(0);
    source
        .get(line_start..at)
        .map_or(1, |s| s.chars().count() + 1)
}

/// Read the headline counts of `text` (see the [module docs](self)). Never
/// fails and never panics; a text with no counts gives no groups.
///
/// ```
/// use stratagraph::parse::counts::headline_counts;
/// let found = headline_counts(
///     "1.4 Out of the 50 Actions in the plan, 22 are completed and with the remaining 28 progressing well towards completion.",
/// );
/// let g = &found.groups[0];
/// assert_eq!(g.group.as_deref(), Some("Actions in the plan"));
/// assert_eq!(g.total.as_ref().and_then(|t| t.exact()), Some(50));
/// let rows: Vec<_> = g.counts.iter().map(|c| (c.words.as_str(), c.value.exact())).collect();
/// assert_eq!(rows, [("completed", Some(22)), ("progressing well towards completion", Some(28))]);
/// assert!(found.diagnostics.is_empty());
/// ```
pub fn headline_counts(text: &str) -> HeadlineCounts {
    let mut out = HeadlineCounts::default();
    // Each draft with the number of the non-blank line before its own.
    let mut drafts: Vec<(Draft, SourceSpan, usize)> = Vec::new();
    let mut previous_line = 0;
    let mut toks = Vec::new();
    let mut sentence_drafts = Vec::new();
    for line in source_lines(text) {
        let before = std::mem::replace(&mut previous_line, line.number);
        // A bullet is one item of a list: a number of things inside it describes
        // the item ("- Supporting 65 projects"), not the document's own items.
        let bullet = ["- ", "• ", "* ", "– ", "· "]
            .iter()
            .any(|b| line.text.starts_with(b));
        if !may_hold_number(line.text) {
            continue;
        }
        toks.clear();
        tokens(line.text, line.start, &mut toks);
        for sentence in toks.split(|t| matches!(t.text, "." | "!" | "?" | ";")) {
            let (Some(first), Some(last)) = (sentence.first(), sentence.last()) else {
                continue;
            };
            // Every count and total is a number: a sentence without one has none
            // (most sentences of a plan, so this is the fast path).
            if !sentence.iter().any(|t| t.number || t.proportion) {
                continue;
            }
            let span = SourceSpan {
                start: first.start,
                end: last.end,
                line: line.number,
            };
            read_sentence(sentence, text, &mut sentence_drafts);
            for d in sentence_drafts.drain(..) {
                if d.counts.is_empty() && (d.total.is_none() || bullet) {
                    continue;
                }
                drafts.push((d, span, before));
            }
        }
    }
    // A sentence joins an earlier group of the same noun when it adds to it
    // without a second total ("… more than 200 specific commitments …" then
    // "… delivered more than 90% of our commitments").
    // Counts with no group on consecutive lines are one list ("• 24% (21) complete",
    // "• 49% (44) on track").
    // The last group of each group noun.
    let mut last_of_noun: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    // The last breakdown of each group noun ("Of these 7 actions, …").
    let mut part_of_noun: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    let mut last_groupless: Option<(usize, usize)> = None; // (group, line)
                                                           // Whether a sentence of the group speaks of "the remaining" ones.
    let mut remaining: Vec<bool> = Vec::new();
    for (d, span, before) in drafts {
        let noun = d.group.as_ref().map(|(_, n)| n.clone());
        // A group that already has the draft's status, or is implausibly long
        // (which also keeps the comparison cheap), takes no more.
        let repeats = |group: &CountGroup| {
            group.counts.len() >= MAX_GROUP_COUNTS
                || d.counts
                    .iter()
                    .any(|c| group.counts.iter().any(|o| o.words == c.words))
        };
        let list = match (&noun, last_groupless) {
            (None, Some((g, line)))
                if line == before && d.breakdown.is_none() && !repeats(&out.groups[g]) =>
            {
                Some(g)
            }
            _ => None,
        };
        // The words of a group without its determiners ("these new actions": "new actions").
        let bare = |w: &str| {
            let w = normalise_words(w);
            let mut rest = w.as_str();
            while let Some((first, tail)) = rest.split_once(' ') {
                if !DETERMINERS.contains(&first) {
                    break;
                }
                rest = tail;
            }
            rest.to_owned()
        };
        let words = || d.group.as_ref().map(|(w, _)| bare(w));
        let join = match d.breakdown {
            // "Of these 7 actions, …": the part of a group, a group of its own.
            Some(true) => None,
            // "Of these new actions …" joins the group of those words; "Of these, …" the last.
            Some(false) => match &words() {
                Some(w) => out
                    .groups
                    .iter()
                    .rposition(|g| g.group.as_deref().is_some_and(|gw| bare(gw) == *w)),
                None => out.groups.len().checked_sub(1),
            },
            None if d.split => None,
            None => list.or_else(|| {
                let n = noun.as_ref()?;
                // "The remaining 4 actions" completes a breakdown; other sentences
                // add to the group, not to its parts.
                let part = d.remaining.then(|| part_of_noun.get(n).copied()).flatten();
                part.or_else(|| last_of_noun.get(n).copied()).filter(|&g| {
                    let group: &CountGroup = &out.groups[g];
                    // The same total restated ("the 50 actions", "50 Fairness Actions") joins.
                    let two_totals = match (&group.total, &d.total) {
                        (Some(a), Some(b)) => {
                            (a.number, a.unit, a.bound) != (b.number, b.unit, b.bound)
                        }
                        _ => false,
                    };
                    // A total of other words is not that of a group already counted
                    // ("28 CAFS actions have been completed" … "the 40 actions outlined").
                    let other_total = d.total.is_some()
                        && !group.counts.is_empty()
                        && group.group.as_deref().map(bare) != words();
                    !two_totals && !other_total && !repeats(group)
                })
            }),
        };
        let groupless = noun.is_none();
        let g = match join {
            Some(g) => {
                let group = &mut out.groups[g];
                // "9 new actions have been progressed. Of these new actions 6 have
                // been completed and 3 have progressed significantly": a breakdown
                // that makes up a group's one count shows it was their total.
                let parts: Option<u64> = d.counts.iter().map(|c| c.value.exact()).sum();
                if d.breakdown == Some(false)
                    && group.total.is_none()
                    && group.counts.len() == 1
                    && d.counts.len() > 1
                    && parts.is_some()
                    && group.counts[0].value.exact() == parts
                {
                    group.total = group.counts.pop().map(|c| c.value);
                }
                if group.total.is_none() {
                    group.total = d.total;
                }
                group.counts.extend(d.counts);
                remaining[g] |= d.remaining;
                g
            }
            None => {
                out.groups.push(CountGroup {
                    group: d.group.map(|(w, _)| w),
                    total: d.total,
                    counts: d.counts,
                    span,
                });
                remaining.push(d.remaining);
                let g = out.groups.len() - 1;
                if let Some(n) = noun {
                    if d.breakdown.is_some() {
                        part_of_noun.insert(n, g);
                    } else {
                        last_of_noun.insert(n, g);
                    }
                }
                g
            }
        };
        last_groupless = groupless.then_some((g, span.line));
    }
    // The checks run once a group has all its counts.
    for (g, remaining) in out.groups.iter().zip(remaining) {
        check(g, remaining, text, &mut out.diagnostics);
    }
    out
}

/// Check a group's counts against its percentages and total.
fn check(g: &CountGroup, remaining: bool, text: &str, out: &mut Vec<Diagnostic>) {
    let at = |d: Diagnostic| d.at(g.span.line, Some(column_of(text, g.span.start)));
    let name = g.group.as_deref().unwrap_or("the counts");
    let exact: Option<Vec<u64>> = g.counts.iter().map(|c| c.value.exact()).collect();
    let sum: Option<u64> = exact.as_ref().map(|v| v.iter().sum());
    let total = g.total.as_ref().and_then(CountValue::exact);
    let percents: Vec<f64> = g.counts.iter().filter_map(|c| c.percent).collect();
    let percent_sum: f64 = percents.iter().sum();
    // Rounding each share to a whole percent moves the sum by up to half a point each.
    let slack = 0.5 * percents.len() as f64 + 0.5;
    // With no total, the counts are the whole when their percentages make 100.
    let base = total.or_else(|| {
        let whole = percents.len() == g.counts.len() && (percent_sum - 100.0).abs() <= slack;
        sum.filter(|_| whole && g.counts.len() > 1)
    });
    if let Some(base) = base.filter(|b| *b > 0) {
        for c in &g.counts {
            let (Some(v), Some(p)) = (c.value.exact(), c.percent) else {
                continue;
            };
            let share = v as f64 * 100.0 / base as f64;
            if (share - p).abs() > 1.0 {
                out.push(at(Diagnostic::new(
                    "count_percent_mismatch",
                    Severity::Warning,
                    format!(
                        "{name}: {v} {} is {share:.1}% of {base}, but the text says {p}%",
                        c.words
                    ),
                )));
            }
        }
    }
    if percents.len() > 1 && percent_sum > 100.0 + slack {
        out.push(at(Diagnostic::new(
            "count_percents_over_100",
            Severity::Warning,
            format!("{name}: the percentages add up to {percent_sum}%"),
        )));
    }
    if let (Some(sum), Some(total)) = (sum, total) {
        if sum > total || (remaining && sum != total) {
            out.push(at(Diagnostic::new(
                "count_total_mismatch",
                Severity::Warning,
                format!("{name}: the counts add up to {sum}, but the total is {total}"),
            )));
        }
    }
}

/// Check a text's headline counts against the rows of its report: for each
/// exact count of a [`Status`] ("22 are completed"), the number of rows with
/// that status. Only where both exist: rows that carry statuses, and a group
/// with no stated total or a total equal to the number of rows (a total of
/// something else, "65 projects", is not counted by these rows). A count
/// that disagrees is a `count_rows_mismatch` warning at its group's sentence.
///
/// ```
/// use stratagraph::parse::counts::{counts_against_rows, headline_counts};
/// use stratagraph::progress::{ProgressEntry, Status};
///
/// let text = "Of the 3 actions, 2 are completed and 1 is on track.";
/// let row = |n: &str, s| ProgressEntry {
///     number: n.into(), title: String::new(), status: Some(s), shares: Vec::new(), line: 2,
/// };
/// let rows = [row("1", Status::Delivered), row("2", Status::OnTrack), row("3", Status::OnTrack)];
/// let found = counts_against_rows(&headline_counts(text).groups, &rows, text);
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].code, "count_rows_mismatch");
/// assert!(found[0].message.contains("2 completed"), "{}", found[0].message);
/// ```
pub fn counts_against_rows(
    groups: &[CountGroup],
    rows: &[crate::progress::ProgressEntry],
    text: &str,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !rows.iter().any(|r| r.status.is_some()) {
        return out;
    }
    for g in groups {
        let total = g.total.as_ref().and_then(CountValue::exact);
        if total.is_some_and(|t| t != rows.len() as u64) {
            continue;
        }
        for c in &g.counts {
            let (Some(status), Some(stated)) = (c.status, c.value.exact()) else {
                continue;
            };
            let found = rows.iter().filter(|r| r.status == Some(status)).count() as u64;
            if found != stated {
                let name = g.group.as_deref().unwrap_or("the counts");
                out.push(
                    Diagnostic::new(
                        "count_rows_mismatch",
                        Severity::Warning,
                        format!(
                            "{name}: the text says {stated} {}, but {found} of the report's {} rows are {}",
                            c.words,
                            rows.len(),
                            status.label()
                        ),
                    )
                    .at(g.span.line, Some(column_of(text, g.span.start))),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rows(text: &str) -> Vec<(Option<String>, String, Option<Status>, String)> {
        headline_counts(text)
            .groups
            .into_iter()
            .flat_map(|g| {
                let name = g.group.clone();
                g.counts
                    .into_iter()
                    .map(move |c| (name.clone(), c.words, c.status, c.value.text))
            })
            .collect()
    }

    /// A group as the tests compare it: its words, its total, its (status words, value) pairs.
    type Seen = (Option<String>, Option<String>, Vec<(String, String)>);

    fn groups(text: &str) -> Vec<Seen> {
        headline_counts(text)
            .groups
            .into_iter()
            .map(|g| {
                let counts = g
                    .counts
                    .into_iter()
                    .map(|c| (c.words, c.value.text))
                    .collect();
                (g.group, g.total.map(|t| t.text), counts)
            })
            .collect()
    }

    fn own(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn breakdowns_of_counts_given_before() {
        // A breakdown restating its number is a group of its own, which "the remaining" complete.
        let g = groups("7 actions have been significantly progressed. Of these 7 actions, 3 are on schedule for delivery in 2020. The remaining 4 actions will be taken forward in the new strategy.");
        assert_eq!(g.len(), 2, "{g:?}");
        assert_eq!(g[0].2, own(&[("significantly progressed", "7")]));
        assert_eq!(g[1].0.as_deref(), Some("these 7 actions"));
        assert_eq!(g[1].1, None);
        assert_eq!(
            g[1].2,
            own(&[
                ("on schedule for delivery in 2020", "3"),
                ("taken forward in the new strategy", "4")
            ])
        );
        // A sentence naming two groups gives two; a breakdown by words joins its
        // group, and parts that make up its one count show it was the total.
        let g = groups("In addition to the 40 actions outlined in the original strategy, 9 new actions have been progressed. Of these new actions 6 have been completed and 3 have progressed significantly.");
        assert_eq!(g.len(), 2, "{g:?}");
        assert_eq!((g[0].1.as_deref(), g[0].2.len()), (Some("40"), 0));
        assert_eq!(g[1].0.as_deref(), Some("new actions"));
        assert_eq!(g[1].1.as_deref(), Some("9"));
        assert_eq!(
            g[1].2,
            own(&[("completed", "6"), ("progressed significantly", "3")])
        );
        // Parts that do not make it up leave the count as it is.
        let g = groups("9 new actions have been progressed. Of these new actions 6 have been completed and 2 are on track.");
        assert_eq!(g[0].1, None);
        assert_eq!(g[0].2.len(), 3);
    }

    #[test]
    fn proportions_in_words_and_categories() {
        let g = groups("The majority of commitments are on track to be completed within their specified timeframes, with 3 of the 9 commitments already completed.");
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].1.as_deref(), Some("9"));
        assert_eq!(
            g[0].2,
            own(&[("on track", "The majority"), ("completed", "3")])
        );
        let found = headline_counts("with all actions being delivered as of 31 March 2022.");
        let c = &found.groups[0].counts[0];
        assert_eq!((c.words.as_str(), c.status), ("being delivered", None));
        assert_eq!(
            (c.value.number, c.value.unit, c.value.as_written()),
            (100.0, CountUnit::Percent, "all")
        );
        // A proportion with no status, or before a number, is no count.
        assert!(headline_counts("This covers all actions in the plan.")
            .groups
            .is_empty());
        assert_eq!(
            groups("All 40 actions are complete.")[0].2,
            own(&[("complete", "40")])
        );
        // A count opening its sentence, with a verb of its own: what those items are.
        let g = groups("4 actions contain two distinct elements at different stages of completion, the action status has been split.");
        assert_eq!(
            g[0].2,
            own(&[(
                "contain two distinct elements at different stages of completion",
                "4"
            )])
        );
        assert_eq!(
            groups("The plan has 12 commitments set out in it.")[0]
                .1
                .as_deref(),
            Some("12")
        );
        // A status qualified by a second word; a number glued to a name.
        assert_eq!(
            groups("28 actions are completed ongoing. Each action in CAFS2 has a timeframe.")[0].2,
            own(&[("completed ongoing", "28")])
        );
        assert_eq!(
            headline_counts("Each action in CAFS2 has a timeframe.")
                .groups
                .len(),
            0
        );
    }

    #[test]
    fn rag_counts_with_percentages() {
        let found =
            headline_counts("There are 25 (73%) on track, 7 (21%) at risk and 2 (6%) off track");
        assert_eq!(found.groups.len(), 1);
        let g = &found.groups[0];
        assert_eq!(g.group, None);
        assert_eq!(g.total, None);
        assert_eq!(g.counts.len(), 3);
        assert_eq!(g.counts[2].status, Some(Status::OffTrack));
        assert_eq!(g.counts[2].percent, Some(6.0));
        assert!(found.diagnostics.is_empty(), "{:?}", found.diagnostics);
    }

    #[test]
    fn a_total_and_statuses_as_written() {
        let found = headline_counts("Out of the 50 Actions in the plan, 22 are completed and with the remaining 28 progressing well towards completion.");
        let g = &found.groups[0];
        assert_eq!(g.group.as_deref(), Some("Actions in the plan"));
        assert_eq!(g.total.as_ref().and_then(CountValue::exact), Some(50));
        assert_eq!(g.counts[0].status, Some(Status::Delivered));
        assert_eq!(g.counts[1].words, "progressing well towards completion");
        assert_eq!(g.counts[1].status, None);
        assert!(found.diagnostics.is_empty());
    }

    #[test]
    fn approximate_counts_join_their_group() {
        let text = "One Wales set out more than 200 specific commitments to be delivered by the One Wales government.\n\
                    But we will have delivered more than 90% of our commitments by the end of April.";
        let found = headline_counts(text);
        assert_eq!(found.groups.len(), 1, "{:?}", found.groups);
        let g = &found.groups[0];
        assert_eq!(g.group.as_deref(), Some("specific commitments"));
        let total = g.total.as_ref().unwrap();
        assert_eq!(
            (total.text.as_str(), total.bound),
            ("more than 200", Bound::MoreThan)
        );
        assert_eq!(g.counts.len(), 1);
        let c = &g.counts[0];
        assert_eq!(
            (c.words.as_str(), c.status),
            ("delivered", Some(Status::Delivered))
        );
        assert_eq!(
            (c.value.text.as_str(), c.value.unit),
            ("more than 90%", CountUnit::Percent)
        );
    }

    #[test]
    fn of_the_total_and_number_words() {
        assert_eq!(
            rows("22 of the 50 actions are on track and seven are at risk."),
            [
                (
                    Some("actions".to_owned()),
                    "on track".to_owned(),
                    Some(Status::OnTrack),
                    "22".to_owned()
                ),
                (
                    Some("actions".to_owned()),
                    "at risk".to_owned(),
                    Some(Status::AtRisk),
                    "seven".to_owned()
                ),
            ]
        );
        let g = &headline_counts("22 of the 50 actions are on track.").groups[0];
        assert_eq!(g.total.as_ref().and_then(CountValue::exact), Some(50));
        assert_eq!(
            rows("73 per cent of actions are complete")[0].3,
            "73 per cent"
        );
    }

    #[test]
    fn status_counts_in_bullets_still_count() {
        let found = headline_counts(
            "The activities were rated as follows:\n• 24% (21) complete\n• 49% (44) on track\n• 2 actions are at risk",
        );
        let rows: Vec<_> = found
            .groups
            .iter()
            .flat_map(|g| {
                g.counts
                    .iter()
                    .map(|c| (c.words.clone(), c.value.exact(), c.percent))
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("complete".to_owned(), Some(21), Some(24.0)),
                ("on track".to_owned(), Some(44), Some(49.0)),
                ("at risk".to_owned(), Some(2), None),
            ],
            "{:?}",
            found.groups
        );
        assert_eq!(found.groups.len(), 2, "{:?}", found.groups);
        assert!(found.diagnostics.is_empty(), "{:?}", found.diagnostics);
        // 21 is 32% of the 65 counted, not 24%: checked once the list is complete.
        let wrong = headline_counts("• 24% (21) complete\n• 49% (44) on track\n• 27% (50) at risk");
        let codes: Vec<_> = wrong.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes, ["count_percent_mismatch"; 3],
            "{:?}",
            wrong.diagnostics
        );
    }

    #[test]
    fn totals_written_as_words_and_restated() {
        let text = "This document gives the full detail for all five of the commitments in the Open Government Action Plan.\n\
                    The five Open Government Action Plan for 2018-2020 commitments are:";
        let found = headline_counts(text);
        assert_eq!(found.groups.len(), 1, "{:?}", found.groups);
        let g = &found.groups[0];
        assert_eq!(g.group.as_deref(), Some("commitments"));
        assert_eq!(g.total.as_ref().and_then(CountValue::exact), Some(5));
        // The same total said twice is one group; a different one is another.
        let same = headline_counts("Progress on the 50 actions of the plan. At its heart are 50 Fairness Actions for this term.");
        assert_eq!(same.groups.len(), 1, "{:?}", same.groups);
        let other = headline_counts("The plan has 50 actions. The strategy has 40 actions.");
        assert_eq!(other.groups.len(), 2);
    }

    #[test]
    fn statuses_joined_and_participles_after_an_auxiliary() {
        let statuses = |text: &str| -> Vec<(String, Option<u64>)> {
            headline_counts(text)
                .groups
                .iter()
                .flat_map(|g| g.counts.iter().map(|c| (c.words.clone(), c.value.exact())))
                .collect()
        };
        let w = |s: &str, n: u64| (s.to_owned(), Some(n));
        assert_eq!(
            statuses("12 of the 30 commitments are complete or almost complete."),
            [w("complete or almost complete", 12)]
        );
        assert_eq!(
            statuses("5 projects have been substantially progressed and are due next year."),
            [w("substantially progressed", 5)]
        );
        assert_eq!(
            statuses("2 actions will be reviewed and revised as part of the next plan."),
            [w("reviewed and revised", 2)]
        );
        assert_eq!(
            statuses("The other 3 measures will be taken forward in the new programme."),
            [w("taken forward in the new programme", 3)]
        );
        // A participle right after its noun is a clause about the group; a
        // future "will be delivered" an intention; other verbs not progress.
        assert!(statuses("Progress on the 40 actions outlined in the strategy.").is_empty());
        assert!(statuses("6 projects will be delivered next year.").is_empty());
        assert!(statuses("10 actions were evaluated by the panel.").is_empty());
    }

    #[test]
    fn disagreements_are_reported() {
        let codes = |t: &str| -> Vec<String> {
            headline_counts(t)
                .diagnostics
                .into_iter()
                .map(|d| d.code)
                .collect()
        };
        assert_eq!(
            codes("There are 25 (50%) on track and 25 (50%) at risk."),
            Vec::<String>::new()
        );
        assert_eq!(
            codes("There are 25 (73%) on track, 7 (41%) at risk and 2 (6%) off track"),
            ["count_percents_over_100"]
        );
        // The percentages make 100, so the counts are the whole: 7 is not 41% of 34.
        assert_eq!(
            codes("There are 25 (53%) on track, 7 (41%) at risk and 2 (6%) off track"),
            ["count_percent_mismatch", "count_percent_mismatch"]
        );
        assert_eq!(
            codes("Out of the 50 actions in the plan, 22 are completed and the remaining 20 are on track."),
            ["count_total_mismatch"]
        );
        assert_eq!(
            codes("Of the 10 actions, 8 are on track and 4 are at risk."),
            ["count_total_mismatch"]
        );
        let d = &headline_counts("Intro\nOf the 10 actions, 8 are on track and 4 are at risk.")
            .diagnostics[0];
        assert_eq!((d.line, d.column), (Some(2), Some(1)));
    }

    #[test]
    fn numbers_that_are_not_counts() {
        for text in [
            "Over 58,000 users visited the platform.",
            "We will launch a new £29 million programme, with 100% superfast broadband access by 2021.",
            "Reduce the rate of suicide by 20% by 2022 (from a 2017 baseline).",
            "1.4 Key to the success of the Delivery Plan.",
            "This is the first of three documents.",
            "1 Law Reform: we will review the law.",
            "with stages 3 and 4 completed in April",
            "a national Poverty and Inequality Commission in 2017/18 Completed",
            "By setting a 20% target we commit to even greater additional ambition.",
            "Part 2 and section 47 actions are complete.",
            "The Delivery Group will ensure that the actions in CAFS 2 are delivered.",
            "Oversee the development during 2010 of an action plan.",
            "- Increasing new jobs by 30% compared to last year, through 65 projects which led to 2,470 new jobs.",
            "In 2017 actions were complete.",
            "In 2017, we will introduce a new duty.",
            "Mental Health and Capacity Reform: delivery plan October 2023 to April 2025",
        ] {
            assert!(headline_counts(text).groups.is_empty(), "{text}: {:?}", headline_counts(text).groups);
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            let _ = headline_counts(&text);
        }

        #[test]
        fn never_panics_on_count_like_text(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("more than".to_owned()), Just("25".to_owned()), Just("(73%)".to_owned()),
                    Just("on track".to_owned()), Just("of the".to_owned()), Just("actions".to_owned()),
                    Just(",".to_owned()), Just("remaining".to_owned()), Just("£".to_owned()),
                    Just("1.4".to_owned()), Just("0%".to_owned()), Just("é".to_owned()),
                    Just("delivered".to_owned()), Just("\n".to_owned()), "[0-9]{1,20}",
                ],
                0..40,
            )
        ) {
            let text = words.join(" ");
            let found = headline_counts(&text);
            for g in &found.groups {
                prop_assert!(g.span.end <= text.len());
                prop_assert!(!g.counts.is_empty() || g.total.is_some());
            }
        }

        /// The line filter never hides a value the sentences hold.
        #[test]
        fn the_line_filter_hides_no_number(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("seven"), Just("Twenty"), Just("ONE"), Just("sevens"), Just("10.1.2"),
                    Just("1,000"), Just("2.5"), Just("1."), Just(".5"), Just("é"), Just("x"),
                    Just("'"), Just("-"), Just("%"), Just("q3"), Just(" "), Just("3"),
                    Just("2024"), Just("1899"), Just("over"), Just("More than"), Just("of"),
                    Just("\u{b}"), Just("\u{a0}"), Just("("), Just("\u{e9}t\u{e9}"),
                    Just(" actions"), Just(" are on track"), Just(" complete"), Just(")"),
                    Just(" all"), Just("The majority of"), Just(" being delivered"),
                ],
                0..14,
            )
        ) {
            let line = parts.concat();
            if !may_hold_number(&line) {
                let mut toks = Vec::new();
                tokens(&line, 0, &mut toks);
                for sentence in toks.split(|t| matches!(t.text, "." | "!" | "?" | ";")) {
                    let mut drafts = Vec::new();
                    read_sentence(sentence, &line, &mut drafts);
                    for d in drafts {
                        prop_assert!(d.counts.is_empty() && d.total.is_none(), "{line:?}");
                    }
                }
            }
        }
    }
}
