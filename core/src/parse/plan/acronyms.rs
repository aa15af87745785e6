//! Acronyms: the words that spell an acronym defined in brackets, either way
//! round ("Long Name (ACR)", "ACR (Long Name)").

pub(crate) const MINOR: &[&str] = &[
    "of", "for", "and", "the", "in", "on", "to", "&", "a", "an", "with", "at", "by",
];

pub(crate) const NOT_ACRONYMS: &[&str] = &[
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "OK", "AM", "PM",
];

pub(crate) fn initial(word: &str) -> Option<char> {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
}

pub(crate) fn is_minor(word: &str) -> bool {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '&')
        .collect::<String>()
        .to_lowercase();
    MINOR.contains(&w.as_str())
}

/// Whether the initials of `words` spell `letters`; minor words ("of", "for")
/// may be skipped or counted.
pub(crate) fn initials_match(words: &[&str], letters: &[char]) -> bool {
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

pub(crate) fn acronym_letters(acronym: &str) -> Vec<char> {
    acronym.chars().filter(char::is_ascii_uppercase).collect()
}

pub(crate) fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '\'' && c != '’')
        .trim_start_matches(['\'', '’', ')'])
}

/// The words before "(ACR)" that spell it, if any.
pub(crate) fn expansion_before(before: &str, acronym: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
