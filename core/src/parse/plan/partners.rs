//! Leads and key partners: splitting a "Lead and Key Partners" line into its
//! names with the gazetteer, with joint leads ("A/B"), alliances and their
//! members ("X Alliance (A, B & C)") and acronyms ("Name (ACR)").

use super::acronyms::{acronym_letters, initials_match};
use super::lines::strip_ci;
use crate::parse::gazetteer::{is_acronym, Gazetteer};

/// A partner as named on a lead/partners line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Item {
    pub(crate) name: String,
    pub(crate) acronym: Option<String>,
    pub(crate) members: Vec<Item>,
}

impl Item {
    fn named(name: &str) -> Item {
        Item {
            name: name.trim().to_owned(),
            ..Item::default()
        }
    }
}

/// Leads and key partners read from a line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Split {
    pub(crate) leads: Vec<Item>,
    pub(crate) partners: Vec<Item>,
    /// The lead could not be told from the partners.
    pub(crate) ambiguous: bool,
    /// The lead is not a known body.
    pub(crate) unknown_lead: bool,
}

/// The byte offsets in `s` of the characters in `seps` outside brackets.
pub(crate) fn top_level(s: &str, seps: &[char]) -> Vec<usize> {
    let mut depth = 0usize;
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 && seps.contains(&c) => out.push(i),
            _ => {}
        }
    }
    out
}

pub(crate) fn split_top<'a>(s: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut last = 0;
    for i in top_level(s, seps) {
        out.push(s.get(last..i).unwrap_or(""));
        last = i + s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
    }
    out.push(s.get(last..).unwrap_or(""));
    out
}

/// Split "Penumbra & NHS Greater Glasgow & Clyde" at a conjunction where one
/// side is a known body.
pub(crate) fn conj_split<'a>(g: &Gazetteer, s: &'a str) -> Vec<&'a str> {
    let mut positions: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ' ' if depth == 0 => {
                let after = s.get(i..).unwrap_or("");
                if after.starts_with(" & ") {
                    positions.push((i, 3));
                } else if strip_ci(after, " and ").is_some() {
                    positions.push((i, 5));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (pos, len) in positions {
        if pos < start {
            continue;
        }
        let rest = s.get(start..).unwrap_or("").trim();
        if g.lookup(rest).is_some() {
            break;
        }
        let left = s.get(start..pos).unwrap_or("").trim();
        let right = s.get(pos + len..).unwrap_or("").trim();
        if left.is_empty() || right.is_empty() {
            continue;
        }
        if g.lookup(left).is_some() || g.lookup(right).is_some() {
            out.push(left);
            start = pos + len;
        }
    }
    out.push(s.get(start..).unwrap_or("").trim());
    out
}

pub(crate) const NAME_QUALIFIERS: &[&str] = &[
    "including",
    "incl",
    "e.g",
    "eg ",
    "such as",
    "for example",
    "for instance",
    "particularly",
    "especially",
    "in particular",
    "notably",
    "i.e",
    "ie ",
    "where",
    "when",
    "as ",
    "if ",
    "via",
];

pub(crate) const COLLECTIVES: &[&str] = &[
    "alliance",
    "partnership",
    "partnerships",
    "consortium",
    "coalition",
    "network",
    "collaborative",
    "collaboration",
    "group",
    "forum",
    "federation",
    "panel",
    "members",
];

pub(crate) fn parse_item(g: &Gazetteer, s: &str, members_allowed: bool) -> Item {
    let s = s.trim();
    if let Some(body) = s.strip_suffix(')') {
        // The bracket that opens the final ")".
        let mut depth = 0usize;
        let mut open = None;
        for (i, c) in body.char_indices().rev() {
            match c {
                ')' => depth += 1,
                '(' if depth == 0 => {
                    open = Some(i);
                    break;
                }
                '(' => depth -= 1,
                _ => {}
            }
        }
        if let Some(open) = open {
            let name = body.get(..open).unwrap_or("").trim();
            let inner = body.get(open + 1..).unwrap_or("").trim();
            if name.is_empty() || inner.is_empty() {
                return Item::named(s);
            }
            let own_acronym = || {
                let words: Vec<&str> = name.split_whitespace().take(40).collect();
                let same = match (g.lookup(inner), g.lookup(name)) {
                    (Some(a), Some(b)) => a == b,
                    _ => false,
                };
                same || initials_match(&words, &acronym_letters(inner))
            };
            let member = members_allowed && g.lookup(inner).is_some_and(|e| e.kind.is_body());
            if is_acronym(inner) && (!member || own_acronym()) {
                return Item {
                    name: name.to_owned(),
                    acronym: Some(inner.to_owned()),
                    members: Vec::new(),
                };
            }
            let lower = inner.to_lowercase();
            if NAME_QUALIFIERS.iter().any(|q| lower.starts_with(q)) || !members_allowed {
                return Item::named(s);
            }
            let members = parse_list(g, inner, false);
            let last_word = name
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .to_lowercase();
            let collective = COLLECTIVES.contains(&last_word.as_str());
            let known = members.iter().any(|m| g.lookup(&m.name).is_some());
            if !members.is_empty() && (collective || known) {
                return Item {
                    name: name.to_owned(),
                    acronym: None,
                    members,
                };
            }
        }
    }
    Item::named(s)
}

/// A list of partners: "A, B (C & D), E/F".
pub(crate) fn parse_list(g: &Gazetteer, s: &str, members_allowed: bool) -> Vec<Item> {
    let mut out = Vec::new();
    for piece in split_top(s, &[',', ';', '/']) {
        let piece = piece.trim().trim_end_matches('.').trim();
        let piece = strip_ci(piece, "and ")
            .or_else(|| piece.strip_prefix("& "))
            .unwrap_or(piece)
            .trim();
        if piece.is_empty() {
            continue;
        }
        for sub in conj_split(g, piece) {
            if !sub.is_empty() {
                out.push(parse_item(g, sub, members_allowed));
            }
        }
    }
    out
}

/// The leads of a "Lead: A/B" line.
pub(crate) fn parse_leads(g: &Gazetteer, s: &str) -> Vec<Item> {
    parse_list(g, s, true)
}

/// Split a "Lead and Key Partners" line into leads and partners.
pub(crate) fn split_lead_line(g: &Gazetteer, rest: &str) -> Split {
    let rest = rest.trim();
    if rest.is_empty() {
        return Split::default();
    }
    if let Some(&semi) = top_level(rest, &[';']).first() {
        return Split {
            leads: parse_leads(g, rest.get(..semi).unwrap_or("")),
            partners: parse_list(g, rest.get(semi + 1..).unwrap_or(""), true),
            ..Split::default()
        };
    }
    let mut split = Split::default();
    if let Some((len, _)) = g.body_at_start(rest) {
        let mut leads: Vec<String> = vec![rest.get(..len).unwrap_or("").to_owned()];
        let mut tail = rest.get(len..).unwrap_or("");
        loop {
            let t = tail.trim_start();
            if let Some(after) = t.strip_prefix('/') {
                let after = after.trim_start();
                if let Some((l2, _)) = g.body_at_start(after) {
                    leads.push(after.get(..l2).unwrap_or("").to_owned());
                    tail = after.get(l2..).unwrap_or("");
                    continue;
                }
                let end = after
                    .find(|c: char| c.is_whitespace() || c == ',' || c == '(')
                    .unwrap_or(after.len());
                if end == 0 {
                    break;
                }
                split.ambiguous = true;
                leads.push(after.get(..end).unwrap_or("").to_owned());
                tail = after.get(end..).unwrap_or("");
                continue;
            }
            if t.starts_with('(') {
                // "(SG)" or a bracket that belongs to the last lead.
                let mut depth = 0usize;
                let mut end = None;
                for (i, c) in t.char_indices() {
                    match c {
                        '(' => depth += 1,
                        ')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                end = Some(i);
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                if let (Some(end), Some(last)) = (end, leads.last_mut()) {
                    last.push(' ');
                    last.push_str(t.get(..=end).unwrap_or(""));
                    tail = t.get(end + 1..).unwrap_or("");
                    continue;
                }
            }
            break;
        }
        let t = tail.trim_start();
        let t = t
            .strip_prefix([',', ':', '–', '—', '-', ';'])
            .unwrap_or(t)
            .trim();
        split.leads = leads.iter().map(|l| parse_item(g, l, true)).collect();
        split.partners = parse_list(g, t, true);
        return split;
    }
    let pieces = top_level(rest, &[',']);
    let (first, others) = match pieces.first() {
        Some(&comma) => (
            rest.get(..comma).unwrap_or(""),
            rest.get(comma + 1..).unwrap_or(""),
        ),
        None => (rest, ""),
    };
    split.unknown_lead = true;
    split.leads = parse_list(g, first, true);
    if split.leads.len() > 1 || !others.trim().is_empty() {
        split.ambiguous = true;
    }
    if split.leads.len() > 1 && top_level(first, &['/']).is_empty() {
        // "A and B" split by the gazetteer: the first is the lead.
        let rest_items = split.leads.split_off(1);
        split.partners.extend(rest_items);
    }
    split.partners.extend(parse_list(g, others, true));
    split
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting() {
        let g = Gazetteer::builtin();
        let names = |items: &[Item]| items.iter().map(|i| i.name.clone()).collect::<Vec<_>>();
        let s = split_lead_line(&g, "Scottish Government/COSLA Third sector organisations, national agencies, statutory services");
        assert_eq!(names(&s.leads), ["Scottish Government", "COSLA"]);
        assert_eq!(
            names(&s.partners),
            [
                "Third sector organisations",
                "national agencies",
                "statutory services"
            ]
        );
        let s = split_lead_line(
            &g,
            "Scottish Government In Care Survivors Alliance (Health in Mind, Penumbra & NHS Greater Glasgow & Clyde)",
        );
        assert_eq!(names(&s.partners), ["In Care Survivors Alliance"]);
        assert_eq!(
            names(&s.partners[0].members),
            ["Health in Mind", "Penumbra", "NHS Greater Glasgow & Clyde"]
        );
        let s = split_lead_line(
            &g,
            "Scottish Government Third sector organisations, statutory services (including midwifery and health visiting)",
        );
        assert_eq!(
            names(&s.partners),
            [
                "Third sector organisations",
                "statutory services (including midwifery and health visiting)"
            ]
        );
        let s = split_lead_line(&g, "Alder Trust, Birch Forum");
        assert!(s.ambiguous);
        assert_eq!(names(&s.leads), ["Alder Trust"]);
    }
}
