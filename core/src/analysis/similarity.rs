//! A deterministic text similarity for matching statements across versions and
//! strategies: the Sørensen–Dice coefficient of the sets of character trigrams
//! of the normalised words (the trigrams PostgreSQL's `pg_trgm` uses).
//!
//! Normalising lower-cases the text and keeps runs of letters and digits as
//! words. Each word is padded with two spaces before and one after, so
//! `"cat"` gives `"  c"`, `" ca"`, `"cat"`, `"at "`. The score is
//! `2·|A ∩ B| / (|A| + |B|)`, a ratio of whole numbers: exact, in `[0, 1]`, and
//! the same on every platform. Word order barely matters; spelling and
//! rewording lower the score gradually.

/// The trigram set of a text, ready for repeated comparisons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trigrams {
    grams: Vec<u64>,
    /// The normalised words, space-separated.
    normalised: String,
}

/// Lower-case words of letters and digits, separated by single spaces.
///
/// ```
/// use stratagraph::analysis::similarity::normalise;
/// assert_eq!(normalise("  Scottish Government/COSLA, 2023–24!"), "scottish government cosla 2023 24");
/// ```
pub fn normalise(text: &str) -> String {
    crate::text::normalise_words(text)
}

fn pack(a: char, b: char, c: char) -> u64 {
    (u64::from(u32::from(a)) << 42) | (u64::from(u32::from(b)) << 21) | u64::from(u32::from(c))
}

impl Trigrams {
    /// The trigrams of `text`.
    pub fn new(text: &str) -> Trigrams {
        let normalised = normalise(text);
        let mut grams = Vec::with_capacity(normalised.len() + 8);
        let mut buf: Vec<char> = Vec::new();
        for word in normalised.split(' ').filter(|w| !w.is_empty()) {
            buf.clear();
            buf.extend([' ', ' ']);
            buf.extend(word.chars());
            buf.push(' ');
            for w in buf.windows(3) {
                grams.push(pack(w[0], w[1], w[2]));
            }
        }
        grams.sort_unstable();
        grams.dedup();
        Trigrams { grams, normalised }
    }

    /// The normalised text.
    pub fn normalised(&self) -> &str {
        &self.normalised
    }

    /// The Dice coefficient with another trigram set (1 for two empty texts).
    pub fn similarity(&self, other: &Trigrams) -> f64 {
        let (a, b) = (&self.grams, &other.grams);
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (2 * common) as f64 / (a.len() + b.len()) as f64
    }
}

/// The similarity of two texts (see the module docs).
///
/// ```
/// use stratagraph::analysis::similarity::text_similarity;
/// assert_eq!(text_similarity("Launch a new fund.", "launch a NEW fund"), 1.0);
/// assert_eq!(text_similarity("abc", "xyz"), 0.0);
/// let s = text_similarity("Launch a new fund in 2024/25.", "Launch a new fund from 2024/25 onwards.");
/// assert!(s > 0.6 && s < 1.0);
/// ```
pub fn text_similarity(a: &str, b: &str) -> f64 {
    Trigrams::new(a).similarity(&Trigrams::new(b))
}

/// Pair items of two lists one-to-one by similarity: every pair scoring at
/// least `threshold` is a candidate; candidates are taken best first (ties by
/// position in `a`, then in `b`), skipping items already paired.
pub(crate) fn greedy_pairs(
    a: &[&Trigrams],
    b: &[&Trigrams],
    threshold: f64,
) -> Vec<(usize, usize, f64)> {
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            let s = x.similarity(y);
            if s >= threshold {
                cands.push((s, i, j));
            }
        }
    }
    crate::sort::sort_by(&mut cands, |x, y| {
        y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
    });
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut out = Vec::new();
    for (s, i, j) in cands {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            out.push((i, j, s));
        }
    }
    out
}
