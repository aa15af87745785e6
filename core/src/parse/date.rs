//! Deadline phrases: the words plans use for dates, read into a [`DateWindow`].
//!
//! | phrase | window |
//! |---|---|
//! | `By November 2023` | ..2023-11-30 (no start) |
//! | `by April 2024` | ..2024-04-30 |
//! | `by Spring 2024` | ..2024-05-31 (spring = March to May) |
//! | `by the end of Q1 2022` | ..2022-03-31 (calendar quarters) |
//! | `end of 2024` | ..2024-12-31 |
//! | `before June 2024` | ..2024-05-31 |
//! | `Over 2023/24`, `during 2023/24`, `in 2023-24` | 2023-04-01..2024-03-31 (UK financial year) |
//! | `in 2024`, `within 2024`, `throughout 2024` | 2024-01-01..2024-12-31 |
//! | `from 2024/25 onwards`, `from April 2024` | 2024-04-01.. (no end) |
//! | `from 2023 to 2025`, `between 2023 and 2025` | 2023-01-01..2025-12-31 |
//! | `early 2026` / `mid-2025` / `late 2025` | January-April / May-August / September-December |
//! | `in Q3 2024/25`, `Q1 of financial year 2022` | financial quarters (April-June is Q1) |
//! | `first half of 2024` | 2024-01-01..2024-06-30 |
//! | `by 31 March 2024`, `by March 31, 2024` | ..2024-03-31 |
//!
//! Seasons are the meteorological ones: spring is March to May, summer June to
//! August, autumn (or fall) September to November, winter December to February;
//! "winter 2024" is December 2024 to February 2025. Quarters are calendar quarters
//! unless the year is a financial year ("Q1 2022/23") or the phrase says
//! "financial" ("Q1 of the financial year 2022"). "2023-2025" (two four-digit years)
//! is a span of calendar years; "2023/24", "2023/2024" and "2023-24" are financial
//! years.
//!
//! Every window keeps the words of the document it was read from as its
//! [`DateWindow::phrase`]. The readers work on tokens with a bounded look-ahead, so
//! [`find_deadline`] is linear in the length of the text.

use crate::model::{Date, DateWindow};

/// Read a whole phrase ("By November 2023", "Over 2023/24", "early 2026") as a
/// date window. A bare date ("April 2024", "2023/24") gives its whole window.
/// Trailing punctuation is ignored; anything else that is not part of a date
/// phrase gives `None`.
///
/// ```
/// use stratagraph::parse::date::parse_deadline;
/// let w = parse_deadline("By November 2023").unwrap();
/// assert_eq!((w.start, w.end.unwrap().to_string()), (None, "2023-11-30".to_owned()));
/// assert_eq!(w.phrase, "By November 2023");
///
/// let fy = parse_deadline("Over 2023/24").unwrap();
/// assert_eq!(fy.start.unwrap().to_string(), "2023-04-01");
/// assert_eq!(fy.end.unwrap().to_string(), "2024-03-31");
///
/// let onwards = parse_deadline("from 2024/25 onwards").unwrap();
/// assert_eq!((onwards.start.unwrap().to_string(), onwards.end), ("2024-04-01".to_owned(), None));
///
/// assert_eq!(parse_deadline("as soon as possible"), None);
/// ```
pub fn parse_deadline(phrase: &str) -> Option<DateWindow> {
    // A phrase is a few words: anything longer is not one.
    let toks: Vec<Tok> = Tokens::new(phrase).take(MAX_PHRASE + 1).collect();
    if toks.len() > MAX_PHRASE {
        return None;
    }
    let mut n = toks.len();
    while n > 0 && matches!(toks[n - 1].kind, Kind::Punct(c) if ".,;:!?)".contains(c)) {
        n -= 1;
    }
    let toks = &toks[..n];
    if toks.is_empty() {
        return None;
    }
    let p = Reader { text: phrase, toks };
    let found = p
        .phrase(0)
        .filter(|&(_, next)| next == n)
        .or_else(|| p.bare(0, true).filter(|&(_, next)| next == n))?;
    Some(p.window(found.0, 0, n))
}

/// Find the first deadline phrase in a text (an action's statement) and read it.
/// Only phrases that say they are a deadline count: a date after "by", "in",
/// "over", "during", "within", "from", "until", "before", "between" or "end of",
/// an "early/mid/late" year, or a date followed by "onwards". A year on its own
/// ("the 2012 National Parenting Strategy") is not a deadline.
///
/// ```
/// use stratagraph::parse::date::find_deadline;
/// let w = find_deadline("Launch a new fund to start from 2024/25 onwards building on ...").unwrap();
/// assert_eq!(w.phrase, "from 2024/25 onwards");
/// assert_eq!(w.start.unwrap().to_string(), "2024-04-01");
///
/// let w = find_deadline("publishing a revised Play Strategy in 2024, developed with ...").unwrap();
/// assert_eq!((w.start.unwrap().to_string(), w.end.unwrap().to_string()),
///            ("2024-01-01".to_owned(), "2024-12-31".to_owned()));
///
/// assert_eq!(find_deadline("building on the 2012 National Parenting Strategy"), None);
/// ```
pub fn find_deadline(text: &str) -> Option<DateWindow> {
    let mut found = None;
    scan(
        text,
        |p, i| p.deadline_at(i),
        |w| {
            found = Some(w);
            false
        },
    );
    found
}

/// Every deadline phrase in a text, in order, without overlaps.
///
/// ```
/// use stratagraph::parse::date::find_deadlines;
/// let all = find_deadlines("Consult over 2023/24 and publish by Spring 2024.");
/// let phrases: Vec<_> = all.iter().map(|w| w.phrase.as_str()).collect();
/// assert_eq!(phrases, ["over 2023/24", "by Spring 2024"]);
/// ```
pub fn find_deadlines(text: &str) -> Vec<DateWindow> {
    let mut out = Vec::new();
    scan(
        text,
        |p, i| p.deadline_at(i),
        |w| {
            out.push(w);
            true
        },
    );
    out
}

/// The phrases of a text written as a date that is no real day or quarter
/// ("31 February 2024", "30th of February 2023", "February 30, 2024", "Q5 2025",
/// "quarter 0 of 2024"), in order: [`find_deadline`] reads none of them, and
/// a parser that would lose one says so with a diagnostic instead.
///
/// ```
/// use stratagraph::parse::date::find_impossible_dates;
/// assert_eq!(find_impossible_dates("By 31 February 2024, and in Q5 2025, publish."),
///            ["31 February 2024", "Q5 2025"]);
/// assert!(find_impossible_dates("By 29 February 2024, in Q4 2025.").is_empty());
/// ```
pub fn find_impossible_dates(text: &str) -> Vec<String> {
    if may_hold_impossible_date(text) {
        scan_impossible_dates(text)
    } else {
        Vec::new()
    }
}

/// [`find_impossible_dates`] without its byte filter.
fn scan_impossible_dates(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    scan(
        text,
        |p, i| {
            p.impossible_at(i).map(|next| {
                (
                    Win {
                        start: None,
                        end: None,
                    },
                    next,
                )
            })
        },
        |w| {
            out.push(w.phrase);
            true
        },
    );
    out
}

/// Whether a text may hold an impossible date, by a byte scan that never says
/// no to one: a day of one or two digits that no month has in every year (0,
/// or 29 and over), a "Q" right before a number that is not 1 to 4, or the
/// word "quarter". Most texts have none of these, and are not tokenised.
fn may_hold_impossible_date(text: &str) -> bool {
    let b = text.as_bytes();
    let mut k = 0;
    while k < b.len() {
        if !b[k].is_ascii_digit() {
            if b[k].eq_ignore_ascii_case(&b'q')
                && b.get(k..k + 7)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"quarter"))
            {
                return true;
            }
            k += 1;
            continue;
        }
        let start = k;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        let Some(value) = (k - start <= 2)
            .then(|| text[start..k].parse::<u8>().ok())
            .flatten()
        else {
            continue;
        };
        let after_q = start > 0 && b[start - 1].eq_ignore_ascii_case(&b'q');
        if value == 0 || value >= 29 || (after_q && !(1..=4).contains(&value)) {
            return true;
        }
    }
    false
}

/// Find the period a plan covers in its title or description: a span of years
/// ("2023-2025", "2023 to 2025", "from 2023 to 2025") or a financial year
/// ("2023/24"). The first one found is taken.
///
/// ```
/// use stratagraph::parse::date::find_period;
/// let p = find_period("Mental health and wellbeing strategy: delivery plan 2023-2025").unwrap();
/// assert_eq!(p.phrase, "2023-2025");
/// assert_eq!(p.start.unwrap().to_string(), "2023-01-01");
/// assert_eq!(p.end.unwrap().to_string(), "2025-12-31");
/// assert_eq!(find_period("covering the period 2023 to 2025.").unwrap().phrase, "2023 to 2025");
/// ```
pub fn find_period(text: &str) -> Option<DateWindow> {
    let mut found = None;
    scan(
        text,
        |p, i| p.period_at(i),
        |w| {
            found = Some(w);
            false
        },
    );
    found
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Whether whitespace comes right before the token.
    space_before: bool,
}

/// The most tokens a date phrase can have ("no later than the end of the first
/// quarter of the financial year 2023/24" has 16).
const MAX_PHRASE: usize = 32;

/// The tokens of a text, one at a time.
struct Tokens<'a> {
    iter: std::iter::Peekable<std::str::CharIndices<'a>>,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Tokens<'a> {
        Tokens {
            iter: text.char_indices().peekable(),
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let mut space = false;
        while let Some((i, c)) = self.iter.next() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            let kind = if c.is_alphabetic() {
                Kind::Word
            } else if c.is_ascii_digit() {
                Kind::Num
            } else {
                Kind::Punct(c)
            };
            let mut end = i + c.len_utf8();
            if kind != Kind::Punct(c) {
                while let Some(&(j, d)) = self.iter.peek() {
                    let same = match kind {
                        Kind::Word => d.is_alphabetic(),
                        _ => d.is_ascii_digit(),
                    };
                    if !same {
                        break;
                    }
                    end = j + d.len_utf8();
                    self.iter.next();
                }
            }
            return Some(Tok {
                kind,
                start: i,
                end,
                space_before: space,
            });
        }
        None
    }
}

/// Try `at` at every token of `text`, in order, giving each window found to
/// `emit` (which says whether to go on); after a find, go on after it. Tokens
/// are read as they are needed and at most a few phrases' worth are held, so
/// this is linear in time and constant in memory.
fn scan(
    text: &str,
    at: impl Fn(&Reader<'_, '_>, usize) -> Option<(Win, usize)>,
    mut emit: impl FnMut(DateWindow) -> bool,
) {
    let mut tokens = Tokens::new(text);
    let mut buf: Vec<Tok> = Vec::with_capacity(4 * MAX_PHRASE);
    let mut i = 0usize;
    let mut done = false;
    loop {
        if !done && buf.len() - i < 2 * MAX_PHRASE {
            buf.drain(..i);
            i = 0;
            while buf.len() < 4 * MAX_PHRASE {
                match tokens.next() {
                    Some(t) => buf.push(t),
                    None => {
                        done = true;
                        break;
                    }
                }
            }
        }
        if i >= buf.len() {
            return;
        }
        let p = Reader { text, toks: &buf };
        match at(&p, i) {
            Some((w, next)) => {
                if !emit(p.window(w, i, next)) {
                    return;
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
}

// ---------------------------------------------------------------------------
// Windows

/// A window being read: open ends are `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Win {
    start: Option<Date>,
    end: Option<Date>,
}

/// A closed range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Range {
    start: Date,
    end: Date,
}

impl Range {
    fn months(y1: i32, m1: u8, y2: i32, m2: u8) -> Option<Range> {
        Some(Range {
            start: Date::start_of_month(y1, m1)?,
            end: Date::end_of_month(y2, m2)?,
        })
    }

    fn year(y: i32) -> Option<Range> {
        Range::months(y, 1, y, 12)
    }

    fn financial_year(y: i32) -> Option<Range> {
        Range::months(y, 4, y.checked_add(1)?, 3)
    }

    fn whole(self) -> Win {
        Win {
            start: Some(self.start),
            end: Some(self.end),
        }
    }
}

fn day_before(d: Date) -> Option<Date> {
    if d.day() > 1 {
        return Date::new(d.year(), d.month(), d.day() - 1);
    }
    if d.month() > 1 {
        return Date::end_of_month(d.year(), d.month() - 1);
    }
    Date::new(d.year().checked_sub(1)?, 12, 31)
}

// ---------------------------------------------------------------------------
// The reader

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Every word a date phrase can start with.
const START_WORDS: &[&str] = &[
    "by",
    "until",
    "till",
    "before",
    "no",
    "not",
    "the",
    "end",
    "over",
    "during",
    "in",
    "within",
    "throughout",
    "across",
    "from",
    "starting",
    "beginning",
    "commencing",
    "between",
    "early",
    "mid",
    "late",
    "q",
    "quarter",
    "first",
    "second",
    "third",
    "fourth",
    "final",
    "last",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "financial",
    "fy",
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sept",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];

/// `s` in ASCII lower case, in `buf`; empty if it does not fit.
fn lower<'b>(s: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let Some(dst) = buf.get_mut(..s.len()) else {
        return "";
    };
    dst.copy_from_slice(s.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).unwrap_or("")
}

const ORDINALS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("final", 4),
    ("last", 4),
];

struct Reader<'a, 't> {
    text: &'a str,
    toks: &'t [Tok],
}

/// What a year-like expression stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearExpr {
    /// A calendar year.
    Calendar(i32),
    /// A financial year starting in April of the year.
    Financial(i32),
    /// A span of calendar years.
    Span(i32, i32),
}

impl YearExpr {
    fn range(self) -> Option<Range> {
        match self {
            YearExpr::Calendar(y) => Range::year(y),
            YearExpr::Financial(y) => Range::financial_year(y),
            YearExpr::Span(a, b) => Range::months(a, 1, b, 12),
        }
    }

    fn first_year(self) -> i32 {
        match self {
            YearExpr::Calendar(y) | YearExpr::Financial(y) | YearExpr::Span(y, _) => y,
        }
    }
}

impl Reader<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn str_at(&self, i: usize) -> &str {
        self.tok(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn is_word(&self, i: usize, words: &[&str]) -> bool {
        matches!(self.tok(i), Some(t) if t.kind == Kind::Word)
            && words.iter().any(|w| w.eq_ignore_ascii_case(self.str_at(i)))
    }

    fn is_punct(&self, i: usize, chars: &str) -> bool {
        matches!(self.tok(i), Some(t) if matches!(t.kind, Kind::Punct(c) if chars.contains(c)))
    }

    /// Whether token `i` comes right after token `i - 1`, with no space.
    fn joined(&self, i: usize) -> bool {
        matches!(self.tok(i), Some(t) if !t.space_before)
    }

    /// A number token of at most 9 digits, as a value.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.end - t.start > 9 {
            return None;
        }
        let s = self.str_at(i);
        Some((s.parse().ok()?, s.len()))
    }

    fn is_year(&self, i: usize) -> bool {
        self.year_value(i).is_some()
    }

    fn year_value(&self, i: usize) -> Option<i32> {
        match self.num(i)? {
            (y, 4) if (1000..=9998).contains(&y) => i32::try_from(y).ok(),
            _ => None,
        }
    }

    /// Skip optional words, returning the next index.
    fn skip(&self, mut i: usize, words: &[&str]) -> usize {
        while self.is_word(i, words) {
            i += 1;
        }
        i
    }

    fn window(&self, w: Win, first: usize, next: usize) -> DateWindow {
        let phrase = match (
            self.tok(first),
            next.checked_sub(1).and_then(|l| self.tok(l)),
        ) {
            (Some(a), Some(b)) if a.start <= b.end => self.text.get(a.start..b.end).unwrap_or(""),
            _ => "",
        };
        DateWindow::new(w.start, w.end, phrase)
    }

    /// A year, a financial year or a span of years at `i`.
    fn year_expr(&self, i: usize) -> Option<(YearExpr, usize)> {
        let y = self.year_value(i)?;
        let sep = i + 1;
        if self.joined(sep) && self.is_punct(sep, "/-–") {
            let slash = self.is_punct(sep, "/");
            if let (Some((second, digits)), true) = (self.num(sep + 1), self.joined(sep + 1)) {
                let next_year = i64::from(y) + 1;
                let second = i64::from(second);
                let follows = match digits {
                    2 => second == next_year % 100,
                    4 => second == next_year,
                    _ => false,
                };
                if digits == 4 && !slash && second > i64::from(y) {
                    let to = i32::try_from(second).ok()?;
                    return Some((YearExpr::Span(y, to), sep + 2));
                }
                // "2024-26": a span of years written short (not "2023-24", a financial year).
                let century = i64::from(y) - i64::from(y) % 100;
                if digits == 2 && !slash && century + second > next_year {
                    let to = i32::try_from(century + second).ok()?;
                    return Some((YearExpr::Span(y, to), sep + 2));
                }
                if follows {
                    return Some((YearExpr::Financial(y), sep + 2));
                }
            }
        }
        Some((YearExpr::Calendar(y), i + 1))
    }

    /// "financial year 2023/24", "FY 2023/24", "2023/24", "2024".
    fn year_with_prefix(&self, i: usize) -> Option<(YearExpr, usize)> {
        let mut j = self.skip(i, &["the"]);
        let mut financial = false;
        if self.is_word(j, &["financial"]) && self.is_word(j + 1, &["year"]) {
            financial = true;
            j += 2;
        } else if self.is_word(j, &["fy"]) {
            financial = true;
            j += 1;
        }
        let (y, next) = self.year_expr(j)?;
        let y = match (financial, y) {
            (true, YearExpr::Calendar(y)) => YearExpr::Financial(y),
            (_, other) => other,
        };
        Some((y, next))
    }

    fn month_at(&self, i: usize) -> Option<u8> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let s = self.str_at(i);
        MONTHS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(s))
            .map(|&(_, m)| m)
    }

    /// A point or span of time: a year, month, season, quarter, half or part of a year.
    fn time(&self, i: usize) -> Option<(Range, usize)> {
        let i = self.skip(i, &["the"]);
        // early / mid / late YEAR
        if self.is_word(i, &["early", "mid", "late"]) {
            let mut j = i + 1;
            if self.is_punct(j, "-–") {
                j += 1;
            }
            j = self.skip(j, &["in", "of"]);
            let (y, next) = self.year_expr(j)?;
            let YearExpr::Calendar(y) = y else {
                return None;
            };
            let (m1, m2) = match self.str_at(i).to_ascii_lowercase().as_str() {
                "early" => (1, 4),
                "mid" => (5, 8),
                _ => (9, 12),
            };
            return Some((Range::months(y, m1, y, m2)?, next));
        }
        // Q1 2022, Q1 of 2022/23, quarter 1 2022, first quarter of 2022
        if let Some(r) = self.quarter(i) {
            return Some(r);
        }
        // first/second half of 2024
        if self.is_word(i, &["first", "second"]) && self.is_word(i + 1, &["half"]) {
            let j = self.skip(i + 2, &["of"]);
            let (y, next) = self.year_with_prefix(j)?;
            let first = self.is_word(i, &["first"]);
            let r = match y {
                YearExpr::Calendar(y) if first => Range::months(y, 1, y, 6)?,
                YearExpr::Calendar(y) => Range::months(y, 7, y, 12)?,
                YearExpr::Financial(y) if first => Range::months(y, 4, y, 9)?,
                YearExpr::Financial(y) => Range::months(y, 10, y.checked_add(1)?, 3)?,
                YearExpr::Span(..) => return None,
            };
            return Some((r, next));
        }
        // Spring 2024, winter 2024/25
        if self.is_word(i, &["spring", "summer", "autumn", "fall", "winter"]) {
            let j = self.skip(i + 1, &["of"]);
            let (y, next) = self.year_expr(j)?;
            if matches!(y, YearExpr::Span(..)) {
                return None;
            }
            let y = y.first_year();
            let r = match self.str_at(i).to_ascii_lowercase().as_str() {
                "spring" => Range::months(y, 3, y, 5)?,
                "summer" => Range::months(y, 6, y, 8)?,
                "winter" => Range::months(y, 12, y.checked_add(1)?, 2)?,
                _ => Range::months(y, 9, y, 11)?,
            };
            return Some((r, next));
        }
        // 31 March 2024, 31st March 2024
        if let Some((day, _)) = self.num(i) {
            let mut j = i + 1;
            if self.joined(j) && self.is_word(j, &["st", "nd", "rd", "th"]) {
                j += 1;
            }
            j = self.skip(j, &["of"]);
            if let Some(m) = self.month_at(j) {
                let mut k = j + 1;
                if self.is_punct(k, ".,") {
                    k += 1;
                }
                if let Some(y) = self.year_value(k) {
                    let d = Date::new(y, m, u8::try_from(day).ok()?)?;
                    return Some((Range { start: d, end: d }, k + 1));
                }
            }
            return self
                .year_with_prefix(i)
                .and_then(|(y, next)| Some((y.range()?, next)));
        }
        // March 2024, March 31 2024, March 31, 2024, Sept. 2024
        if let Some(m) = self.month_at(i) {
            let mut j = i + 1;
            if self.joined(j) && self.is_punct(j, ".") {
                j += 1;
            }
            if let Some((day, _)) = self.num(j).filter(|&(_, d)| d <= 2) {
                let mut k = j + 1;
                if self.joined(k) && self.is_word(k, &["st", "nd", "rd", "th"]) {
                    k += 1;
                }
                if self.is_punct(k, ",") {
                    k += 1;
                }
                let y = self.year_value(k)?;
                let d = Date::new(y, m, u8::try_from(day).ok()?)?;
                return Some((Range { start: d, end: d }, k + 1));
            }
            if self.is_punct(j, ",") {
                j += 1;
            }
            let y = self.year_value(j)?;
            return Some((Range::months(y, m, y, m)?, j + 1));
        }
        // financial year 2023/24, FY 2023/24
        let (y, next) = self.year_with_prefix(i)?;
        Some((y.range()?, next))
    }

    /// The token after a date phrase at `i` that names no real day ("31
    /// February 2024", "February 30, 2024") or quarter ("Q5 2025").
    fn impossible_at(&self, i: usize) -> Option<usize> {
        // Q5 2025, quarter 0 of 2024
        if (self.is_word(i, &["q"]) && self.joined(i + 1)) || self.is_word(i, &["quarter"]) {
            let (q, digits) = self.num(i + 1)?;
            let j = self.skip(i + 2, &["of", "in"]);
            return (digits <= 2 && !(1..=4).contains(&q))
                .then(|| self.year_with_prefix(j).map(|(_, next)| next))
                .flatten();
        }
        let no_day = |y: i32, m: u8, day: u32| {
            u8::try_from(day).map_or(true, |d| Date::new(y, m, d).is_none())
        };
        // 31 February 2024, 30th of February 2023
        if let Some((day, digits)) = self.num(i).filter(|&(_, d)| d <= 2) {
            let mut j = i + 1;
            if self.joined(j) && self.is_word(j, &["st", "nd", "rd", "th"]) {
                j += 1;
            }
            j = self.skip(j, &["of"]);
            let m = self.month_at(j)?;
            let mut k = j + 1;
            if self.is_punct(k, ".,") {
                k += 1;
            }
            let y = self.year_value(k)?;
            return (digits <= 2 && no_day(y, m, day)).then_some(k + 1);
        }
        // February 30, 2024
        let m = self.month_at(i)?;
        let (day, _) = self.num(i + 1).filter(|&(_, d)| d <= 2)?;
        let mut k = i + 2;
        if self.joined(k) && self.is_word(k, &["st", "nd", "rd", "th"]) {
            k += 1;
        }
        if self.is_punct(k, ",") {
            k += 1;
        }
        let y = self.year_value(k)?;
        no_day(y, m, day).then_some(k + 1)
    }

    fn quarter(&self, i: usize) -> Option<(Range, usize)> {
        let quarter_n =
            (self.is_word(i, &["q"]) && self.joined(i + 1)) || self.is_word(i, &["quarter"]);
        let (q, mut j) = if quarter_n {
            (self.num(i + 1)?.0, i + 2)
        } else if self.is_word(i + 1, &["quarter"]) {
            let s = self.str_at(i).to_ascii_lowercase();
            let q = ORDINALS.iter().find(|(w, _)| *w == s)?.1;
            (u32::from(q), i + 2)
        } else {
            return None;
        };
        if !(1..=4).contains(&q) {
            return None;
        }
        j = self.skip(j, &["of", "in"]);
        let (y, next) = self.year_with_prefix(j)?;
        let q = u8::try_from(q).ok()?;
        let r = match y {
            YearExpr::Calendar(y) => Range::months(y, q * 3 - 2, y, q * 3)?,
            YearExpr::Financial(y) => {
                // Q1 is April-June; Q4 is January-March of the next year.
                let (year, m1) = if q == 4 {
                    (y.checked_add(1)?, 1)
                } else {
                    (y, q * 3 + 1)
                };
                Range::months(year, m1, year, m1 + 2)?
            }
            YearExpr::Span(..) => return None,
        };
        Some((r, next))
    }

    /// A date with no preposition: a time, "TIME onwards", "TIME to TIME".
    fn bare(&self, i: usize, allow_plain: bool) -> Option<(Win, usize)> {
        let (t, next) = self.time(i)?;
        if self.is_word(next, &["onwards", "onward"]) {
            return Some((
                Win {
                    start: Some(t.start),
                    end: None,
                },
                next + 1,
            ));
        }
        if self.is_word(next, &["to", "until", "through"]) || self.is_punct(next, "-–") {
            if let Some((t2, next2)) = self.time(next + 1) {
                if t2.end >= t.start {
                    return Some((
                        Win {
                            start: Some(t.start),
                            end: Some(t2.end),
                        },
                        next2,
                    ));
                }
            }
        }
        allow_plain.then(|| (t.whole(), next))
    }

    /// A phrase opening with a preposition ("by", "over", "from", ...) at `i`.
    fn phrase(&self, i: usize) -> Option<(Win, usize)> {
        let mut buf = [0u8; 16];
        let w = lower(self.str_at(i), &mut buf);
        match w {
            // "to 2024" (a heading's "(to 2024)") is read as a whole phrase
            // only: "to" is not a start word, so running text never opens a date with it.
            "by" | "until" | "till" | "to" | "before" | "no" | "not" => {
                let mut j = i + 1;
                if w == "no" || w == "not" {
                    if !self.is_word(j, &["later"]) || !self.is_word(j + 1, &["than"]) {
                        return None;
                    }
                    j += 2;
                }
                let j = self.skip(j, &["the"]);
                if self.is_word(j, &["end"]) {
                    let (t, next) = self.time(self.skip(j + 1, &["of"]))?;
                    return Some((end_only(t.end), next));
                }
                if self.is_word(j, &["start", "beginning"]) {
                    let (t, next) = self.time(self.skip(j + 1, &["of"]))?;
                    return Some((end_only(t.start), next));
                }
                let (t, next) = self.time(j)?;
                let end = if w == "before" {
                    day_before(t.start)?
                } else {
                    t.end
                };
                Some((end_only(end), next))
            }
            "the" if self.is_word(i + 1, &["end"]) => self.phrase(i + 1),
            "end" => {
                let (t, next) = self.time(self.skip(i + 1, &["of"]))?;
                Some((end_only(t.end), next))
            }
            "over" | "during" | "in" | "within" | "throughout" | "across" => {
                let mut j = i + 1;
                if self.is_word(j, &["the"])
                    && self.is_word(j + 1, &["course"])
                    && self.is_word(j + 2, &["of"])
                {
                    j += 3;
                }
                self.bare(j, true)
            }
            "from" | "starting" | "beginning" | "commencing" => {
                let j = self.skip(i + 1, &["in", "from"]);
                let (t, next) = self.time(j)?;
                if self.is_word(next, &["onwards", "onward"]) {
                    return Some((start_only(t.start), next + 1));
                }
                if self.is_word(next, &["to", "until", "till", "through"])
                    || self.is_punct(next, "-–")
                {
                    if let Some((t2, next2)) = self.time(next + 1) {
                        if t2.end >= t.start {
                            return Some((
                                Win {
                                    start: Some(t.start),
                                    end: Some(t2.end),
                                },
                                next2,
                            ));
                        }
                    }
                }
                Some((start_only(t.start), next))
            }
            "between" => {
                let (t, next) = self.time(i + 1)?;
                if !self.is_word(next, &["and"]) {
                    return None;
                }
                let (t2, next2) = self.time(next + 1)?;
                (t2.end >= t.start).then_some((
                    Win {
                        start: Some(t.start),
                        end: Some(t2.end),
                    },
                    next2,
                ))
            }
            _ => None,
        }
    }

    /// A plan period starting at token `i`, for [`find_period`]: more than a
    /// single calendar year.
    fn period_at(&self, i: usize) -> Option<(Win, usize)> {
        // A year, or a month and year ("October 2023 to April 2025").
        let month_year = self.month_at(i).is_some() && self.is_year(i + 1);
        if !self.is_year(i) && !month_year {
            return None;
        }
        let (w, next) = self.bare(i, true)?;
        let multi = match (w.start, w.end) {
            // "October 2023 to April 2025", not "June 2019".
            (Some(s), Some(e)) if month_year => (s.year(), s.month()) != (e.year(), e.month()),
            (Some(s), Some(e)) => s.year() != e.year() || (s.month(), e.month()) != (1, 12),
            _ => false,
        };
        multi.then_some((w, next))
    }

    /// A deadline phrase starting at token `i`, for [`find_deadline`].
    fn deadline_at(&self, i: usize) -> Option<(Win, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Word => {
                // Most words cannot start a date: skip them at once.
                let w = self.str_at(i);
                if w.len() > 10 || !START_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)) {
                    return None;
                }
                if let Some(found) = self.phrase(i) {
                    return Some(found);
                }
                if self.is_word(i, &["early", "mid", "late"]) {
                    return self.bare(i, true);
                }
                // "Spring 2024 onwards", "April 2024 onwards"
                self.bare(i, false).filter(|&(w, _)| w.end.is_none())
            }
            Kind::Num => self.bare(i, false).filter(|&(w, _)| w.end.is_none()),
            Kind::Punct(_) => None,
        }
    }
}

fn end_only(end: Date) -> Win {
    Win {
        start: None,
        end: Some(end),
    }
}

fn start_only(start: Date) -> Win {
    Win {
        start: Some(start),
        end: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(p: &str) -> (Option<String>, Option<String>) {
        let w = parse_deadline(p).unwrap_or_else(|| DateWindow::new(None, None, ""));
        (w.start.map(|d| d.to_string()), w.end.map(|d| d.to_string()))
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_owned())
    }

    #[test]
    fn basics() {
        assert_eq!(w("by Spring 2024"), (None, s("2024-05-31")));
        assert_eq!(w("before June 2024"), (None, s("2024-05-31")));
        assert_eq!(w("winter 2024"), (s("2024-12-01"), s("2025-02-28")));
        assert_eq!(w("Q4 2022/23"), (s("2023-01-01"), s("2023-03-31")));
        assert_eq!(
            w("Q1 of the financial year 2022"),
            (s("2022-04-01"), s("2022-06-30"))
        );
        assert_eq!(w("by March 31, 2024"), (None, s("2024-03-31")));
        assert_eq!(w("2023-2025"), (s("2023-01-01"), s("2025-12-31")));
        assert_eq!(w("in 2023-24"), (s("2023-04-01"), s("2024-03-31")));
        assert_eq!(parse_deadline("by 99999999999999999999"), None);
        assert_eq!(parse_deadline(""), None);
    }

    mod filter {
        use super::super::{may_hold_impossible_date, scan_impossible_dates};
        use proptest::prelude::*;

        proptest! {
            /// The byte filter never hides an impossible date the scan finds.
            #[test]
            fn hides_no_impossible_date(
                parts in proptest::collection::vec(
                    prop_oneof![
                        Just("31 February 2024"), Just("Q5 2025"), Just("q0 2024"),
                        Just("quarter 7 of 2024"), Just("February 30, 2024"), Just("30th of"),
                        Just(" April "), Just("2024"), Just("Q2"), Just("0"), Just("29"),
                        Just(" "), Just("IQ"), Just("é"), Just("."),
                    ],
                    0..10,
                )
            ) {
                let text = parts.concat();
                if !scan_impossible_dates(&text).is_empty() {
                    prop_assert!(may_hold_impossible_date(&text), "{text:?}");
                }
            }
        }
    }
}
