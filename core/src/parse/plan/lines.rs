//! Reading the lines of a plan: cleaning a line's text (single spaces, split
//! words rejoined, footnote markers out) and recognising headings, numbered
//! lines, bullets and lead/partner lines.

/// A line's text, cleaned: single spaces, split words rejoined, footnote markers out.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Cleaned {
    pub(crate) text: String,
    pub(crate) notes: Vec<i64>,
    pub(crate) rejoined: Vec<String>,
}

/// Words after a hyphen and a space that show a suspended hyphen ("pre- and
/// post-natal"), not a split word.
pub(crate) const NOT_SPLIT: &[&str] = &[
    "and", "or", "to", "nor", "as", "than", "but", "not", "the", "a", "an", "of", "in", "on",
    "with", "for", "is", "versus", "vs",
];

/// A footnote marker `[n]` (1 to 3 digits) at the start of `s`: its number and length.
pub(crate) fn footnote_at(s: &str) -> Option<(i64, usize)> {
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

/// Whether "`<before>- <after>`" is a word the page split ("Co- ordinators").
pub(crate) fn is_split(before: &str, after: &str) -> bool {
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

pub(crate) fn rejoin(text: &str, rejoined: &mut Vec<String>) -> String {
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
pub(crate) fn join_text(text: &mut String, line: &str) {
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
pub(crate) fn strip_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// A number like `10`, `10.1` or `10.1.1` at the start of `s`: the number, its
/// parts and the rest (a trailing full stop is dropped).
pub(crate) fn take_number(s: &str) -> Option<(&str, usize, &str)> {
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
pub(crate) fn heading_rest(rest: &str, loose: bool) -> Option<&str> {
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

pub(crate) fn priority_heading(s: &str) -> Option<(&str, &str)> {
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

pub(crate) fn strategic_action_heading(s: &str) -> Option<(&str, &str)> {
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
pub(crate) fn numbered_line(s: &str) -> Option<(&str, usize, &str)> {
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
pub(crate) enum Role {
    LeadAndPartners,
    Lead,
    Partners,
}

pub(crate) const ROLE_WORDS: &[&str] = &[
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

pub(crate) fn partners_line(s: &str) -> Option<(Role, &str)> {
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
pub(crate) fn outcomes_line(s: &str) -> Option<Vec<(String, Option<String>)>> {
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

pub(crate) fn challenges_heading(s: &str) -> Option<&str> {
    let rest = strip_ci(s, "challenges")?;
    let rest = strip_ci(rest.trim_start(), "and opportunities").unwrap_or(rest);
    let rest = rest.trim_start();
    if rest.is_empty() {
        return Some("");
    }
    rest.strip_prefix(':').map(str::trim)
}

pub(crate) fn focus_heading(s: &str) -> Option<(&str, &str)> {
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

pub(crate) fn footnote_line(s: &str) -> Option<(i64, &str)> {
    let (n, len) = footnote_at(s)?;
    let rest = s.get(len..)?;
    rest.starts_with(char::is_whitespace)
        .then(|| (n, rest.trim()))
        .filter(|(_, r)| !r.is_empty())
}

pub(crate) const BULLETS: &[char] = &['-', '•', '*', '–', '·', '○', '▪', '◦', '‣', '●', '■', '—'];

/// A bullet: its number, if numbered ("1. text"), and its text.
pub(crate) fn bullet(s: &str) -> Option<(Option<&str>, &str)> {
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
pub(crate) fn outcome_label(s: &str) -> Option<(&str, &str)> {
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
}
