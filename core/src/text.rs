//! Cutting text to a length, in one place: every truncate in core is made of
//! `prefix`, which reads no further into the text than the length it keeps,
//! so a cut costs O(length kept) however long the text is. [`head`] is public:
//! the bindings cut their `repr`s with it.

use std::borrow::Cow;

/// The first `max` characters of `text`, and whether anything was left out.
///
/// One pass over at most `max + 1` characters.
pub(crate) fn prefix(text: &str, max: usize) -> (&str, bool) {
    match text.char_indices().nth(max) {
        Some((i, _)) => (text.get(..i).unwrap_or(text), true),
        None => (text, false),
    }
}

/// The first `max` characters of `text`, with an ellipsis after them when more
/// followed: the cut of a quoted line in a diagnostic or a `repr`.
///
/// ```
/// use stratagraph::text::head;
/// assert_eq!(head("Priority 10: workforce", 8), "Priority\u{2026}");
/// assert_eq!(head("Priority 10", 80), "Priority 10");
/// ```
pub fn head(text: &str, max: usize) -> Cow<'_, str> {
    match prefix(text, max) {
        (kept, true) => Cow::Owned(format!("{kept}\u{2026}")),
        (_, false) => Cow::Borrowed(text),
    }
}

/// `text` in at most `max` characters: as it is when it fits, else its first
/// `max - 1` characters and an ellipsis.
pub(crate) fn ellipsize(text: &str, max: usize) -> Cow<'_, str> {
    match prefix(text, max) {
        (_, false) => Cow::Borrowed(text),
        (_, true) => Cow::Owned(format!("{}\u{2026}", prefix(text, max.saturating_sub(1)).0)),
    }
}

/// `text`, trimmed, in at most `max` characters: as it is when it fits, else
/// cut with an ellipsis, at the last space when that keeps two thirds of `max`.
pub(crate) fn ellipsize_at_word(text: &str, max: usize) -> String {
    let text = text.trim();
    if !prefix(text, max).1 {
        return text.to_owned();
    }
    let (keep, _) = prefix(text, max.saturating_sub(1));
    let cut = match keep.rfind(char::is_whitespace) {
        Some(i) if keep[..i].chars().count() * 3 >= max * 2 => keep[..i].trim_end(),
        _ => keep.trim_end(),
    };
    format!("{cut}\u{2026}")
}

/// Lower-case words of `text`, separated by single spaces; anything that is
/// not a letter or digit separates words. The one normal form for comparing
/// words (statuses, similarity, headline counts).
pub(crate) fn normalise_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// White space collapsed to single spaces, trimmed.
pub(crate) fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `c` is a character that takes no width and separates nothing a
/// reader sees: zero-width space, non-joiner and joiner (U+200B..U+200D),
/// word joiner (U+2060) and a byte-order mark inside text (U+FEFF). Pasted
/// from web pages, they split one name into two spellings.
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// `text` without its zero-width characters ([`is_zero_width`]); borrowed
/// when it has none.
pub(crate) fn without_zero_width(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_zero_width) {
        Cow::Owned(text.chars().filter(|&c| !is_zero_width(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_characters() {
        assert_eq!(prefix("héllo", 2), ("hé", true));
        assert_eq!(prefix("hé", 2), ("hé", false));
        assert_eq!(prefix("", 0), ("", false));
        assert_eq!(ellipsize("héllo", 3), "hé\u{2026}");
        assert_eq!(ellipsize("héllo", 5), "héllo");
        assert_eq!(ellipsize("héllo", 0), "\u{2026}");
    }
}
